"""Pages from papers not seen before, and pages as a real OCR engine reads them.

Each case is a made-up page in the shape of a failure measured on People's Daily pages
(`benchmarks.paperpages`) or on pages rendered to images and read back by Tesseract
(`benchmarks.ocrpages`); the two OCR'd pages in ``tests/page_parsing/pages_ocr/`` are real Tesseract output with
the printed text as their truth.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from storage.ingest.ocr_page import explain_page, is_byline, is_page_furniture, parse_byline, parse_page
from storage.ingest.page_fragments import plan_moves

OCR_PAGES = Path(__file__).resolve().parent / "pages_ocr"


def _one(text: str, year: int = 2020):
    (article,) = parse_page(text, year=year)
    return article


def test_issue22_a_two_character_name_padded_to_three_cells_is_one_reporter():
    assert is_byline("本报记者  李  婕")
    assert parse_byline("本报记者  李  婕") == (("李婕",), ())
    assert parse_byline("本报记者  王珏  李  婕") == (("王珏", "李婕"), ())


@pytest.mark.parametrize(
    "masthead",
    [
        "人民日报\n2020年1月2日 星期四\n第4版\n要闻",
        "人民日报\n\n2020年1月10日 星期五\n第6版 社会",
        "人民 日 报\n\n2020年1月10\n\n星期五\n\n第6版经",  # as OCR garbles it
    ],
)
def test_issue22_the_masthead_is_no_headline(masthead):
    page = (
        f"{masthead}\n\n冬奥赛区迎来首场比赛\n\n"
        "本报北京1月16日电 正在建设中的延庆赛区国家高山滑雪中心承办的首场正式比赛拉开序幕。\n"
        "记者 汪涌\n"
    )
    article = _one(page)
    assert article.title == "冬奥赛区迎来首场比赛"
    assert article.reporters == ("汪涌",)
    assert any("as masthead: 人民" in line for line in explain_page(page, year=2020))


def test_issue22_an_editor_credit_with_a_colon_is_page_furniture():
    assert is_page_furniture("第10版 国际 责任编辑：宏慧")


def test_issue22_a_headline_right_under_a_closing_byline_starts_its_own_group():
    page = (
        "黄河下游春灌用水有保障\n\n"
        "本报北京2月11日电 水利部黄河水利委员会对黄河下游春灌供水工作作出全面部署。（完）\n"
        "记者 王浩\n"
        "技能人才评价暂停集中考核\n\n"
        "本报北京2月11日电 人社部发出通知，要求各地切实做好疫情防控期间技能人才评价工作。（完）\n"
        "记者 赵兵\n"
        "岚皋县党员干部代购 村民居家无忧\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "黄河下游春灌用水有保障"
    assert first.reporters == ("王浩",)
    assert second.title == "技能人才评价暂停集中考核"
    assert "岚皋" not in first.title + second.title + "".join(first.paragraphs + second.paragraphs)


def test_issue22_a_sub_heading_stays_a_paragraph_of_its_own():
    page = (
        "第一颗原子弹\n\n"
        "本报北京10月1日电 1964年10月16日，我国第一颗原子弹爆炸成功，\n"
        "全国人民欢欣鼓舞，各地群众纷纷\n"
        "走上街头庆祝这一伟大的胜利。\n"
        "亲历者说\n"
        "那一天，我正在苏联杜布纳研究所工\n"
        "作，从使馆拿到消息时激动万分。\n"
        "记者 李婕\n"
    )
    article = _one(page, year=2019)
    assert "亲历者说" in article.paragraphs


def test_issue22_a_closing_note_in_brackets_ends_the_story_above():
    page = (
        "一场特别的音乐会\n\n"
        "2月13日晚，一场特别的音乐会在意大\n"
        "利总统府举行，著名钢琴家指间跃动的\n"
        "音符赢得了在场听众不绝于耳的掌声。\n"
        "（本报罗马2月13日电）\n\n"
        "面对疫情，人类需要合作\n\n"
        "1月23日以来，我和我的家人一同留守\n"
        "武汉。原因很简单，武汉是我们生活了\n"
        "10多年的家乡，我们不会离开我们的家。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.paragraphs[-1] == "（本报罗马2月13日电）"
    assert second.title == "面对疫情，人类需要合作"


def test_issue22_stray_specks_are_dropped_as_ocr_noise():
    page = (
        "浙江以动漫促科普\n\n"
        "本报杭州2月3日电（记者江南）近日，落户浙江杭州的动漫名企推出一批科普动画。\n"
        "这\n"
        "动画讲的是防疫知识。\n\n"
        "旺\n\n"
        "SN AZ一\n\n"
        "这些动画在网上播放量已超过一亿次。\n"
    )
    article = _one(page)
    assert "旺" not in "".join(article.paragraphs)
    assert "这动画" not in "".join(article.paragraphs)
    assert any(line.endswith("OCR noise: SN AZ一") for line in explain_page(page, year=2020))


def test_issue22_a_block_read_after_another_story_goes_back_to_the_story_it_continues():
    # Story A's second column was read after story B's first block.
    page = (
        "东航包机从越南接回湖北籍旅客\n\n"
        "新华社广州2月3日电（记者田建川）中国东方航空3日派出包机从广州飞往越南胡志明市，\n"
        "接回131位滞留越南的湖北籍旅\n\n"
        "卢妈妈您是那么伟大\n\n"
        "本报北京2月3日电 卢妈妈是社区的志愿者，每天为居家隔离的老人送菜送药，\n"
        "老人们都亲切地叫她卢妈妈。\n\n"
        "客。包机抵达广州后，东方航空为湖北籍旅客安排了专门的隔离休息区，\n"
        "旅客们将在广州完成健康观察。\n"
    )
    articles = parse_page(page, year=2020)
    plane = next(a for a in articles if a.title.startswith("东航"))
    mother = next(a for a in articles if a.title.startswith("卢妈妈"))
    assert "东方航空为湖北籍旅客" in "".join(plane.paragraphs)
    assert "东方航空" not in "".join(mother.paragraphs)
    assert any(line.startswith("  joined lines") for line in explain_page(page, year=2020))


def test_issue22_a_block_that_fits_its_own_story_as_well_stays():
    moves = plan_moves(
        [
            ["二七区召开统战工作会议，区领导出席", "会议强调，要强化统战工作，凝聚人心。"],
            ["二七区调研老旧小区改造工作情况", "调研组实地查看了老旧小区改造楼院。"],
        ]
    )
    assert moves == []


def _squash(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text.translate(str.maketrans("“”‘’", "\"\"''")))


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@pytest.mark.parametrize("name", ["ocr_rmrb_three_stories", "ocr_rmrb_four_stories"])
def test_issue22_ocr_pages_keep_the_stories_they_had_whole(name):
    """Tesseract's reading of two rendered pages: the stories the parser gave whole when these fixtures
    were made stay whole (body ≥ 0.9 similar and within 10% of its length, title ≥ 0.8 similar)."""
    text = (OCR_PAGES / f"{name}.txt").read_text(encoding="utf-8")
    truth = json.loads((OCR_PAGES / f"{name}.truth.json").read_text(encoding="utf-8"))
    articles = parse_page(text, year=truth["year"])
    bodies = [_squash("".join(a.paragraphs)) for a in articles]
    for story in truth["stories"]:
        if not story["whole"]:
            continue
        body = _squash(story["body"])
        best = max(range(len(articles)), key=lambda k: _similar(bodies[k], body))
        assert _similar(bodies[best], body) >= 0.9, story["title"]
        assert abs(len(bodies[best]) - len(body)) <= 0.1 * len(body), story["title"]
        assert _similar(_squash(articles[best].title), _squash(story["title"])) >= 0.8, story["title"]


def test_issue22_no_story_runs_across_its_end_mark_and_byline():
    # The last block repeats the first story's names, but that story was closed by （完） and its byline:
    # nothing printed after them joins it.
    page = (
        "小浪底水库增加下泄流量\n\n"
        "本报北京2月11日电 水利部黄河水利委员会加大小浪底水库下泄流量，\n"
        "保障黄河下游春灌用水。（完）\n"
        "记者 王浩\n\n"
        "技能人才评价暂停集中考核\n\n"
        "本报北京2月11日电 人社部发出通知，要求各地切实做好疫情防控\n"
        "期间技能人才评价工作，暂停开展集中考核评价\n\n"
        "黄河水利委员会表示，小浪底水库下泄流量增加后，黄河下游春灌\n"
        "用水将得到充足保障。\n"
    )
    first = parse_page(page, year=2020)[0]
    assert first.title == "小浪底水库增加下泄流量"
    assert "春灌用水将得到" not in "".join(first.paragraphs)


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("本报讯 月2日，区里召开会议。", "2020-01-02"),  # the month lost: the page's
        ("本报讯 月28日，区里召开会议。", "2019-12-28"),  # a later day than the page's: last month
        ("本报北京1月 日电 区里召开会议。", None),  # the day lost: unknown, never a guess
    ],
)
def test_issue22_a_date_whose_digits_were_lost_comes_from_the_masthead_or_stays_unknown(lead, expected):
    page = f"人民日报\n2020年1月3日 星期五\n第4版 要闻\n\n区里召开会议\n\n{lead}\n记者 王浩\n"
    article = _one(page)
    assert article.title == "区里召开会议"
    assert article.date == expected
    assert article.reporters == ("王浩",)


def test_issue22_a_headline_printed_right_under_the_story_before_it_is_no_body_text():
    page = (
        "风能大会在京开幕\n\n"
        "本报北京10月21日电 记者从21日举行的2019北京国际风能\n"
        "大会暨展览会上获悉：今年我国风电市场继续保持稳定增\n"
        "长，风电装机规模稳步提升。\n"
        "前9月风电发电量同比增9%\n\n"
        "本报北京10月21日电 国家能源局发布数据，前三季度全国\n"
        "风电发电量同比增长9%，风电平均利用小时数有所下降。\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.paragraphs[-1].endswith("稳步提升。")
    assert second.title == "前9月风电发电量同比增9%"


def test_issue22_a_name_kicker_read_apart_from_its_title_goes_with_that_title():
    # Tesseract read the kicker ``杨志坚：`` of the third story's headline in the second story's column,
    # a block of the first story between it and the title under it.
    page = (
        "人民日报\n\n2020年2月1日 星期六\n第12版 国际\n\n"
        "徐发荣 :\n\n无私奉献 守护安宁 (英雄烈士谱)\n\n"
        "据新华社电 (记者邱冰清) 徐发荣，1962年10月出生于江苏苏州，1982年9月考入军校。\n\n"
        "科学饮茶好处多多\n\n"
        "春节期间，家人欢聚，走亲访友，不少人要面对节后综合征了。\n\n"
        "对于许多人来说，饮茶已经成为一种生活方式。\n\n"
        "经江苏省政府批准，徐发荣被追认为革命烈士，并于1997年9月9日，\n\n"
        "杨志坚 :\n\n"
        "被公安部追授“全国公安系统二级英雄模范”称号。\n\n"
        "千钧一发 扑向歹徒 (英雄烈士谱)\n\n"
        "据新华社电 (记者曾维) 杨志坚，壮族，1965年出生在云南开远，1985年3月参加工作。\n"
    )
    articles = parse_page(page, year=2020)
    tea = next(a for a in articles if a.title.startswith("科学饮茶"))
    assert "杨志坚" not in "".join(tea.paragraphs)
    assert any(a.title.startswith("杨志坚") and "扑向歹徒" in a.title for a in articles)
