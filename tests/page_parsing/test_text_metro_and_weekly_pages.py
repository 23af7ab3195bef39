"""Text pages in two more layouts no family had shown the parser (`benchmarks.weeklypages`): a
metro paper's page and a weekly's.

Each case is a small made-up page in the shape of failures seen on the tuned families' pages
(`metro_page`, `weekly_page`, seed 1); the held-out `weekly_heldout` pages were never looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, is_page_furniture, parse_page
from storage.ingest.page_lines import is_byline, parse_byline

WEEKLY = (
    "教育周刊\n第1229期  本期8版\n2020年1月16日\n\n"
    "乡村学校迎来新校舍\n\n"
    "文/郑超鹏\n"
    "今年秋季开学，云南怒江州的孩子们搬进了新\n"
    "教学楼，宽敞明亮的教室里配齐了多媒体设备。\n"
    "“以前下雨天教室漏水，现在再也不用担心了。”\n"
    "一位老师说。\n"
    "图片来源：新华社\n\n"
    "相关链接\n"
    "怒江州义务教育巩固率提升\n"
    "记者从怒江州教育体育局获悉，全州义务教育巩\n"
    "固率已提升到百分之九十五以上。\n\n"
    "老小区焕发新活力\n\n"
    "□程雪鸣 张雪\n"
    "走进乐山市中区的老旧小区，道路平整，绿树成\n"
    "荫，居民们在小广场上跳舞、下棋。\n"
    "（资料图片）\n"
)


def test_a_weeklys_masthead_bylines_picture_notes_and_link_box():
    """The weekly's name, ``第1229期  本期8版`` and the date are masthead, no headline; ``文/郑超鹏`` and
    ``□程雪鸣 张雪`` are bylines; ``图片来源：新华社`` and ``（资料图片）`` belong to no story; the ``相关链接``
    label ends the story above and the head under it titles the box's own text."""
    first, link, second = parse_page(WEEKLY, year=2020)
    assert first.title == "乡村学校迎来新校舍"
    assert first.reporters == ("郑超鹏",)
    assert first.paragraphs == (
        "今年秋季开学，云南怒江州的孩子们搬进了新教学楼，宽敞明亮的教室里配齐了多媒体设备。"
        "“以前下雨天教室漏水，现在再也不用担心了。”一位老师说。",
    )
    assert link.title == "怒江州义务教育巩固率提升"
    assert link.paragraphs == ("记者从怒江州教育体育局获悉，全州义务教育巩固率已提升到百分之九十五以上。",)
    assert link.reporters == ()
    assert second.title == "老小区焕发新活力"
    assert second.reporters == ("程雪鸣", "张雪")
    assert second.paragraphs == (
        "走进乐山市中区的老旧小区，道路平整，绿树成荫，居民们在小广场上跳舞、下棋。",
    )
    explained = explain_page(WEEKLY, year=2020)
    assert any("label of a box after a story" in line for line in explained)


def test_bylines_with_a_slash_or_a_hollow_square_and_no_role():
    assert is_byline("文/郑超鹏")
    assert parse_byline("文/郑超鹏") == (("郑超鹏",), ())
    assert is_byline("□程雪鸣 张雪")
    assert parse_byline("□程雪鸣 张雪") == (("程雪鸣", "张雪"), ())
    assert is_byline("文/图 记者 王某")
    # A filled square over a short phrase is a sub-heading's ornament; a word with 文 is prose.
    assert not is_byline("■多措并举稳就业")
    assert not is_byline("□多措并举稳就业")
    assert not is_byline("文化自信")


def test_picture_notes_and_a_weeklys_issue_line_are_no_text():
    for line in (
        "图片来源：新华社",
        "图片来源：视觉中国",
        "（资料图片）",
        "（图片由受访者提供）",
        "第1229期  本期8版",
    ):
        assert is_page_furniture(line), line
    assert not is_page_furniture("（图片由受访者提供的一段说明，共十二个字以上。）")


METRO = (
    "A07\n都市·关注\n2020年1月9日  星期四\n今日32版\n\n"
    "市民卡可以刷地铁了\n\n"
    "今年起，市民卡可在全市地铁线路刷卡乘车，\n"
    "每次乘车享受九折优惠。\n"
    "（记者 王浩 通讯员 李娜）\n\n"
    "快讯\n\n"
    "1.【王晨出席庆祝中国—越南建交70周年\n"
    "招待会】中共中央政治局委员、全国人大常\n"
    "委会副委员长王晨13日在京出席招待会。\n"
    "（李强）\n"
    "2.【长春：开通教育心理热线】长春市教育局\n"
    "近日开通了教育心理援助热线。\n"
    "3.【前9月风电发电量同比增9%】\n"
    "国家能源局21日发布数据，前9月风电发电量同比增长9%。\n"
)


def test_a_metro_pages_strip_and_briefs_with_their_heads_in_brackets():
    """``A07`` over ``都市·关注`` is the page strip, no headline; each 快讯 item prints its head in
    brackets before its text (the head wrapped to the next line, or alone on its line): the head is
    its headline, the words after it its text, whatever other story repeats the head's words."""
    story, *briefs = parse_page(METRO, year=2020)
    assert story.title == "市民卡可以刷地铁了"
    assert story.reporters == ("王浩",)
    assert story.correspondents == ("李娜",)
    assert [b.title for b in briefs] == [
        "王晨出席庆祝中国—越南建交70周年招待会",
        "长春：开通教育心理热线",
        "前9月风电发电量同比增9%",
    ]
    assert briefs[0].paragraphs == ("中共中央政治局委员、全国人大常委会副委员长王晨13日在京出席招待会。",)
    assert briefs[0].reporters == ("李强",)
    assert briefs[1].paragraphs == ("长春市教育局近日开通了教育心理援助热线。",)
    assert briefs[2].paragraphs == ("国家能源局21日发布数据，前9月风电发电量同比增长9%。",)


def test_a_tag_in_brackets_over_a_headline_is_no_briefs_head():
    """``【关注】`` on a line of its own over the headline is a headline line, not a head in brackets
    before a brief's text."""
    page = (
        "【关注】\n"
        "王毅同加拿大外长通电话\n\n"
        "记者 谢霞\n"
        "1月31日，国务委员兼外交部长王毅应约同加拿大外长商鹏飞通电话。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "【关注】 王毅同加拿大外长通电话"
    assert story.reporters == ("谢霞",)


def test_a_story_continued_from_a01():
    page = (
        "危机只会让中国更加团结强大\n\n"
        "（紧接A01版）\n"
        "使节们表示，愿与中方密切沟通合作，确保今年会议取得圆满成功。\n"
        "（记者 温馨）\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "危机只会让中国更加团结强大"
    assert story.paragraphs == ("使节们表示，愿与中方密切沟通合作，确保今年会议取得圆满成功。",)
    assert story.reporters == ("温馨",)


def test_a_reporters_notes_label_is_no_byline():
    """``记者手记`` between a story's paragraphs names a column (the reporter's notes), not a reporter
    called 手记: it opens no story, and the headline after the story stays the next story's."""
    assert not is_byline("记者手记")
    assert not is_byline("■记者观察")
    assert is_byline("记者 王浩")
    page = (
        "门诊也是调研平台\n\n"
        "全国政协委员侯建明将一次次问诊化为一场场调研，细细翻阅他的提案。\n"
        "记者手记\n"
        "思民生 解民忧\n"
        "医生、教授、政协委员……侯建明并没有分身术，却将各项工作有机结合。\n\n"
        "带着最温暖的行囊出发\n\n"
        "本报记者  程  刚\n"
        "重开长街宴，只为让大家庭重新聚在一起。\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.title == "门诊也是调研平台"
    assert first.reporters == ()
    assert "医生、教授、政协委员……侯建明并没有分身术，却将各项工作有机结合。" in first.paragraphs
    assert second.title == "带着最温暖的行囊出发"
    assert second.reporters == ("程刚",)


def test_a_briefs_head_alone_on_its_line_heads_the_text_under_it():
    """``◆【保持政策稳定 巩固脱贫成果（见解）】`` alone on its line heads the text under it, though the
    next brief's text repeats more of its words."""
    page = (
        "快讯\n\n"
        "◆【保持政策稳定 巩固脱贫成果（见解）】\n"
        "打好攻坚战，还要确保已经摆脱困难的人口能够稳定下来。（贾涛鸣）\n"
        "◆【“一定要快点战胜疫情”】2月7日，医生进入方舱医院，她说要保持政策稳定，巩固脱贫成果。\n"
        "（李嘉丽）\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "保持政策稳定 巩固脱贫成果（见解）"
    assert first.reporters == ("贾涛鸣",)
    assert second.title == "“一定要快点战胜疫情”"
    assert second.reporters == ("李嘉丽",)


def test_heads_in_brackets_inside_a_story_or_a_sources_tag_start_no_brief():
    """Guards: numbered points with bracketed heads inside a story no column of briefs opened stay its
    text, and a source's tag before a lead (``【环球网报道】``) is no brief's head."""
    page = (
        "美国宣布新一轮制裁措施\n\n"
        "【环球网报道】据美国媒体当地时间3日报道，美国财政部宣布新一轮制裁措施。\n\n"
        "国务院印发意见\n\n"
        "本报北京1月2日电  国务院近日印发意见，提出以下要求。\n"
        "1.【总体要求】坚持稳中求进工作总基调，推动高质量发展。\n"
        "2.【主要目标】到2025年，基本建成现代化体系。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "美国宣布新一轮制裁措施"
    assert first.paragraphs[0].startswith("【环球网报道】据美国媒体")
    assert second.title == "国务院印发意见"
    assert "【主要目标】到2025年" in "".join(second.paragraphs)


def test_an_ornamented_column_name_over_briefs_and_a_head_ending_in_dian():
    """``■快讯`` over bracketed heads is the column's name (it ends the story above); a head ending in
    电 (``两国元首互致贺电``) is a head, not a source's tag."""
    page = (
        "市民卡可以刷地铁了\n\n"
        "今年起，市民卡可在全市地铁线路刷卡乘车，每次乘车享受九折优惠。\n\n"
        "■快讯\n\n"
        "◆【中几两国元首互致贺电】10月4日，习近平同几内亚总统孔戴互致贺电，庆祝两国建交60周年。\n"
        "◆【前9月风电发电量同比增9%】国家能源局21日发布数据，前9月风电发电量同比增长9%。\n"
    )
    story, first, second = parse_page(page, year=2019)
    assert story.paragraphs == ("今年起，市民卡可在全市地铁线路刷卡乘车，每次乘车享受九折优惠。",)
    assert first.title == "中几两国元首互致贺电"
    assert first.paragraphs == ("10月4日，习近平同几内亚总统孔戴互致贺电，庆祝两国建交60周年。",)
    assert second.title == "前9月风电发电量同比增9%"
