"""The tuned text-page families' leftovers, a seventh pass (issue 22): a sub-heading whose last
character the column carried onto a line of its own, and a kicker with commas set wider than the
column over a headline over a byline (``special_page``); a block of bulleted sub-headings inside a
story that printed one already (``trade_paper``); a one-character column label in lenticular
brackets and an author's note naming its own piece's author (``literary_page``).

Each case is a small made-up page in the shape of failures seen on the tuned families (seed 1); no
held-out family's pages were looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text

WIDTH = 16
MASTHEAD = "专题  第11版  2019年2月26日\n\n"
FIRST = (
    "虽然外部形势复杂严峻，但全行业不断发力高端装备，谋求跨界合作，整体运行保持了平稳态势。"
    "据统计，去年全行业营业收入和利润总额均保持增长，主要产品产量有增有减，总体符合预期。"
)
SECOND = (
    "去年以来，汽车产销虽有回落，但仍处于较高水平，增速有所放缓是符合经济发展规律的。"
    "今年年初，有关部门联合出台稳定汽车消费的政策，随着政策落地实施，消费者信心将得到提振。"
)
OUTLOOK = "展望2019，机械工业平稳运行依旧面临较大压力。"
SUBHEADING = "发展压力依旧，积极因素也在集聚"
RAIN = "据新华社北京2月25日电  记者从中国气象局获悉，今年入春以来南方多地降雨偏多，相关部门已提前部署。"
MACHINES = "机械工业在产销、投资和外贸方面都有亮点，产销基本平稳，投资恢复性增长，外贸展现强大韧性。"


def test_a_sub_headings_last_character_on_a_line_of_its_own_ends_the_sub_heading():
    """``发展压力依旧，积极因素也在集`` / ``聚`` / ``展望2019，…`` (a paragraph's first line, two cells
    short, then its short last line): ``聚`` finishes the word ``集聚`` the line above broke, so it is the
    sub-heading's last line, neither a speck of OCR noise nor the start of the paragraph under it."""
    heading = SUBHEADING[:-1] + "\n" + SUBHEADING[-1]
    body = "\n".join(
        [
            column_text(FIRST, width=WIDTH),
            column_text(SECOND, width=WIDTH),
            heading,
            column_text(OUTLOOK, width=WIDTH),
        ]
    )
    page = MASTHEAD + f"机械工业 平稳运行有亮点\n\n记者 赵玉\n{body}\n"
    (story,) = parse_page(page, year=2019)
    assert story.paragraphs == (FIRST, SECOND, SUBHEADING, OUTLOOK)


def test_a_wide_kicker_with_commas_over_a_headline_over_a_byline_is_the_next_storys():
    """After a story that ended its sentence, ``产销基本平稳，投资恢复性增长，外贸展现强大韧性`` (two
    commas, set wider than the column: no body line is), then the headline, then a byline line: the
    kicker heads the story under it, whose text repeats its words; the story above does not end with it."""
    kicker = "产销基本平稳，投资恢复性增长，外贸展现强大韧性"
    page = (
        MASTHEAD
        + f"南方多地降雨偏多\n\n{column_text(RAIN, width=WIDTH)}\n\n{kicker}\n\n机械工业 平稳运行有亮点\n\n"
        + f"记者 赵玉 通讯员 宋建磊\n{column_text(MACHINES, width=WIDTH)}\n"
    )
    rain, machines = parse_page(page, year=2019)
    assert rain.paragraphs[-1].endswith("相关部门已提前部署。")
    assert machines.title == f"{kicker} 机械工业 平稳运行有亮点"
    assert machines.paragraphs == (MACHINES,)


def test_a_column_wide_line_with_commas_over_a_headline_over_a_byline_stays_text():
    """A line with two commas set to the column's measure (a body line a column break cut off) before
    a headline over a byline is no kicker: only a line wider than the column may hold more commas."""
    cut = "产销平稳，投资增长，外贸展现韧性"
    page = (
        MASTHEAD
        + f"南方多地降雨偏多\n\n{column_text(RAIN, width=WIDTH)}\n\n{cut}\n\n机械工业 平稳运行有亮点\n\n"
        + f"记者 赵玉 通讯员 宋建磊\n{column_text(MACHINES, width=WIDTH)}\n"
    )
    stories = parse_page(page, year=2019)
    machines = next(s for s in stories if s.paragraphs == (MACHINES,))
    assert machines.title == "机械工业 平稳运行有亮点"


COMMUNITY = "疫情发生后，物业团队坚守一线，对小区电梯、楼道、出入口等公共区域每日进行全面消毒。"
SUPPLY = "疫情暴发后，乳业企业及时启动防控预案，累计调拨约150万箱产品送至全国一线机构。"
ONLINE = "为加强疫情防控，旅游集团暂停旗下景区开放，并对网上预定门票的游客支持原路径全额退款。"


def test_a_bulleted_sub_heading_alone_in_its_block_goes_on_the_story_that_printed_its_like():
    """A story that printed ``■ 加强社区防控`` inside its text, then a block of ``■ 积极调配物资`` alone
    over ``■ 保障日常供应`` and text: the same ornament marks one more sub-heading of that story (no byline
    or end mark closed it), not a column's name over briefs, nor a brief's head."""
    page = (
        MASTHEAD
        + "多举措协同防控 多方面保障生活\n\n"
        + f"本报讯 记者于海报道：连日来，各行各业积极参与疫情防控工作。\n■ 加强社区防控\n{column_text(COMMUNITY, width=WIDTH)}\n\n"
        + f"■ 积极调配物资\n\n■ 保障日常供应\n{column_text(SUPPLY, width=WIDTH)}\n{column_text(ONLINE, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.title == "多举措协同防控 多方面保障生活"
    assert story.paragraphs[1:] == (
        "■ 加强社区防控",
        COMMUNITY,
        "■ 积极调配物资",
        "■ 保障日常供应",
        SUPPLY,
        ONLINE,
    )


def test_a_bulleted_name_over_briefs_after_a_story_without_bulleted_sub_headings_heads_a_column():
    """Under a story that printed no bulleted sub-heading, ``■ 快讯`` alone over ``■ …`` briefs is still a
    column's name over them: the briefs are stories of their own."""
    page = (
        MASTHEAD
        + "多举措协同防控 多方面保障生活\n\n"
        + f"本报讯 记者于海报道：连日来，各行各业积极参与疫情防控工作。\n{column_text(COMMUNITY, width=WIDTH)}\n\n"
        + f"■ 快讯\n\n■ 乳业企业调拨物资\n{column_text(SUPPLY, width=WIDTH)}\n"
    )
    story, brief = parse_page(page, year=2019)
    assert story.paragraphs[-1] == COMMUNITY
    assert (brief.title, brief.paragraphs) == ("乳业企业调拨物资", (SUPPLY,))


POEM = (
    "当年的海风掀开厚重的面纱\n梦和初心的队伍从脚下开拔\n一条长路越走越宽阔\n\n"
    "希望的田野开满了鲜花\n古老的大地丛生崭新的神话\n诗和远方的目标还没有到达\n\n"
    "千秋大业越来越壮丽\n春天的故事传遍了天涯\n新时代的号角中再一次出发\n"
    "【作者简介】屈塬，云南昆明人，报\n社编辑，著有小说集《再一次出发》等。\n"
)
ESSAY = (
    "一个真字，写出至情美文\n\n黄强玉\n"
    + column_text(
        "这部长篇散文通过叙述、回忆和自省，再现了一位历经磨难、积极乐观的女性的人生旅程，展现了一个"
        "疼爱子女、忍辱负重的朴素母亲的可敬情怀。对这部作品有很多感受，其真实记录、真诚自省、真情流露，"
        "给我留下的印象最深。",
        width=WIDTH,
    )
    + "\n"
)


def test_a_one_character_column_label_in_lenticular_brackets_is_kept_over_its_piece():
    """``【诗】`` alone in its block over a poem's title: one Han character, but set in lenticular
    brackets it is the column's label the paper printed (it joins the title), no speck of OCR noise."""
    page = f"文艺副刊｜第8版\n2019.2.19  星期二\n\n【诗】\n\n再一次出发\n\n屈  塬\n{POEM}\n{ESSAY}"
    poem = parse_page(page, year=2019)[0]
    assert poem.title == "【诗】 再一次出发"


def test_a_lone_character_without_brackets_above_a_headline_is_still_dropped():
    """A lone character with no brackets (``旺``) in a block of its own is still a speck of OCR noise."""
    page = f"文艺副刊｜第8版\n2019.2.19  星期二\n\n旺\n\n再一次出发\n\n屈  塬\n{POEM}\n{ESSAY}"
    poem = parse_page(page, year=2019)[0]
    assert poem.title == "再一次出发"


OPERA = (
    "时而高亢激越，时而婉转悠扬，时而深沉低回，时而含悲忍泪……主演的《母亲》日前在中央党校演出，带来"
    "徐州梆子戏的艺术魅力。这是母亲和三个儿子的故事。她是英雄的母亲，从70多年前的一场大雪出发，徐淮"
    "平原大雪纷飞，被人民解放军团团包围的敌军粮食燃料皆无，空投时断时续，官兵怨声载道。然而，敌军做梦"
    "也想不到，另一支大军由500多万解放区老百姓组成的支前大军的加入，彻底改变了战争走势。"
)


def _two_poems(note: str) -> str:
    """A page of two short poems, the second's last stanza ending with `note`, an author's note that
    names the first poem's title (``《万众一心》``)."""
    return (
        "2020年2月6日  星期四  副刊  08\n\n万众一心\n\n阿尔泰\n"
        "万众一心，众志成城，在党的领导下，\n我们中国一定会打赢这场疫情防控的人民战\n争！\n\n"
        "“疫情快过去吧，快点！”\n\n叶  辛（中国作协副主席）\n"
        "为武汉忧心，\n为湖北担心，\n为疫情中的人们焦心。\n疫情快过去吧，快点！\n\n"
        f"春天来了。\n中国列车要增速了。\n{note}\n\n◆人生感悟\n\n英雄母亲形象的精彩呈现\n\n王  强\n"
        + column_text(OPERA, width=18)
        + "\n\n本版责编：邓军玉  美编：贾娟国\n"
    )


def test_an_authors_note_naming_its_pieces_author_stays_with_that_piece():
    """``【作者简介】叶辛，…著有散文集《万众一心》等。`` closes the stanza under ``叶  辛`` 's poem: it names
    that poem's author, so the stanza stays with it, though its words (``万众一心``) are the first poem's."""
    note = "【作者简介】叶辛，江苏南京人，省作\n家协会会员，著有散文集《万众一心》等。"
    stories = parse_page(_two_poems(note), year=2020)
    poem = next(s for s in stories if s.title == "“疫情快过去吧，快点！”")
    assert poem.paragraphs[-3:] == (
        "春天来了。",
        "中国列车要增速了。",
        "【作者简介】叶辛，江苏南京人，省作家协会会员，著有散文集《万众一心》等。",
    )
