"""OCR'd pages: a photo's credit and caption as Tesseract reads a scanned page, and a kicker's dash.

At a scan's resolution Tesseract reads 摄 as a glyph of like strokes (报, 振, 扼), reads an agency note's
opening bracket twice (``丁雨红摄 〈(人民视觉)``), sets a caption's last line apart from its first with its
credit after it (``图为…下发文`` / blank / ``件，指导各地加。  本报记者赵某摄``), and reads a kicker's closing
``——`` with a hyphen in it (``…报名人数破万-一``). Made-up pages in the shapes of the failures on the read
fresh scanned set (`benchmarks.scanpages`, seed 8): a credit read as a headline or a byline, a caption's
last line read as a headline, a kicker and its headline read as text.
"""

from __future__ import annotations

import pytest

from storage.ingest.line_split.misreadings import mend_misreadings
from storage.ingest.ocr_page import explain_page, parse_page


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("丁雨红摄 〈(人民视觉)", "丁雨红摄 （人民视觉)"),
        ("郭桂扼〈人民视觉)", "郭桂摄（人民视觉)"),
        ("毛虹振 《影像中国)", "毛虹摄 （影像中国)"),
        ("本报记者闪某报", "本报记者闪某摄"),
        ("华社记者张某振", "华社记者张某摄"),
        ("强污染防治资金。  新华社记者蔡某振", "强污染防治资金。  新华社记者蔡某摄"),
        ("维亚政府主办的。        邓某报 〈人民视觉)", "维亚政府主办的。        邓某摄 （人民视觉)"),
        ("武汉疫情防控招募专项志愿者报名人数破万-一", "武汉疫情防控招募专项志愿者报名人数破万——"),
        ("中美工商界人士--", "中美工商界人士——"),
    ],
)
def test_issue22_a_scan_s_credit_and_end_dash_are_read_as_printed(read, meant):
    assert mend_misreadings(read) == meant


@pytest.mark.parametrize(
    "line",
    [
        "人民日报（海外版）",  # a paper's name: 报 after 日
        "中国青年报 (记者张某)",
        "据本报记者报",  # no name between 记者 and 报
        "他说要向人民报告",
        "第1-2版",  # a hyphen between digits
        "一一",
    ],
)
def test_issue22_lines_that_are_no_credit_nor_dash_stay_as_read(line):
    assert mend_misreadings(line) == line


_HEAD = "人民日报\n\n2020年2月24日 星期一\n\n第19版 文化\n\n"

# A picture set in the story's column: its credit read between two paragraphs, 摄 and the bracket misread.
CREDIT_IN_TEXT = (
    _HEAD + "脸上的印记\n\n"
    "为保障交通畅通，陕西合阳交警赵某\n"
    "20多天来都在一线值守、引\n\n"
    "{credit}\n\n"
    "导过往车辆，每天工作十多个小时。\n"
    "“你脸咋了? ”当赵某摘下口罩喝水，\n"
    "同事有些惊讶，并拍照给他看。这一看，\n"
    "赵某自己也吃了一惊。\n\n"
    "困难时刻，也别忘了读书\n\n"
    "阅读能给人智慧、勇气和希望。在疫情\n"
    "防控的日子里，让我们更加沉稳坚韧。\n"
)


@pytest.mark.parametrize("credit", ["王某洋摄 〈(人民视觉)", "王某洋扼〈人民视觉)", "王某洋报 《人民视觉)"])
def test_issue22_a_misread_credit_in_a_story_s_column_is_the_picture_s(credit):
    first, second = parse_page(CREDIT_IN_TEXT.format(credit=credit), year=2020)
    assert first.title == "脸上的印记"
    assert "".join(first.paragraphs).endswith("赵某自己也吃了一惊。")
    assert "王某" not in "".join(first.paragraphs) + first.title + (first.byline or "")
    assert second.title == "困难时刻，也别忘了读书"


# A dispatch signed in its dateline, a picture's credit read under its text's sentence end.
CREDIT_UNDER_A_SIGNED_DISPATCH = (
    _HEAD + "全国交警力保交通安全形势平稳\n\n"
    "本报北京2月2日电 （记者张某、倪\n"
    "某）1月23日至2月2日春节假期期间，各\n"
    "地公安交管部门日均投入警力16万余人次、\n"
    "警车6万余辆次，共查处各类交通违法行为2\n"
    "74万起。\n\n"
    "据介绍，春节期间全国高速公路交通流量\n"
    "与去年春运同期相比下降53%，主干公路通\n"
    "行正常，未发生长时间长距离交通拥堵，全国\n"
    "道路交通形势平稳有序。\n\n"
    "同时，各地公安交管部门改进服务方式，调整\n"
    "办理时间，大力推行驾驶人考试、驾驶证补换\n"
    "证、满分和审验教育、交通违法处理等业务网\n"
    "上办、自助办、延期办，积极为群众提供基本\n"
    "出行和生活物资运输服务便利。\n\n"
    "新华社记者徐某{take}\n\n"
    "春节期间各地全面启动战时工作机制和最\n"
    "高等级勤务，执法管理服务并重，严密重点路\n"
    "段、车辆、人员查控。\n"
)


@pytest.mark.parametrize("take", ["摄", "报"])
def test_issue22_a_credit_under_a_dispatch_signed_in_its_dateline_is_no_byline(take):
    (story,) = parse_page(CREDIT_UNDER_A_SIGNED_DISPATCH.format(take=take), year=2020)
    assert story.title == "全国交警力保交通安全形势平稳"
    assert "徐某" not in (story.byline or "")
    assert "".join(story.paragraphs).endswith("人员查控。")


# A short dispatch signed in its dateline, a picture's credit under it and its text going on below.
SHORT_SIGNED_DISPATCH = (
    _HEAD + "中国驻美大使——\n\n"
    "中国以公开透明负责任的方式同各方加强合作防控疫情\n\n"
    "本报洛杉矶2月1日电 （记者王某君）\n"
    "中国驻美国大使1日在美国加州大学圣迭戈分校\n"
    "举行的论坛上说，中国在防控疫情方面以公开、\n"
    "透明、负责任的方式同各国加强合作。\n\n"
    "本报记者黄某摄\n\n"
    "他说，当前，防控疫情在中国是当务之急，人\n"
    "民群众的福祉是头等大事。中国完全有信心、\n"
    "有能力战胜疫情。\n"
)


def test_issue22_a_short_dispatch_signed_in_its_dateline_is_no_picture_story():
    (story,) = parse_page(SHORT_SIGNED_DISPATCH, year=2020)
    assert story.title.startswith("中国驻美大使——")
    assert "黄某" not in (story.byline or "")
    assert "".join(story.paragraphs).endswith("有能力战胜疫情。")


@pytest.mark.parametrize(
    "dateline",
    ["", "本报讯 1月23日，据新华社电（记者张某、倪\n某）"],
    ids=["no dateline", "reporters after more than a dateline"],
)
def test_issue22_a_credit_under_a_story_not_signed_in_a_dateline_is_read_as_before(dateline):
    # No dateline right before the reporters' names: the line under its text is left to the byline reader.
    page = CREDIT_UNDER_A_SIGNED_DISPATCH.format(take="摄").replace(
        "本报北京2月2日电 （记者张某、倪\n某）", dateline
    )
    first = parse_page(page, year=2020)[0]
    assert first.byline is not None and "徐某" in first.byline


# A caption over the dateline, its last line read apart with the credit after its sentence end.
CAPTION_READ_APART = (
    _HEAD + "全国公安机关\n\n"
    "依法打击哄抬物价犯罪活动\n\n"
    "图为近日，公安部联合市场监管总局下发文\n\n"
    "件，指导各地加。  本报记者赵某{take}\n\n"
    "本报北京2月23日电 （记\n"
    "者张某）近日，公安部联合市场监管\n"
    "总局下发文件，指导各地加强价格行政执法\n"
    "与刑事司法衔接。\n"
)


@pytest.mark.parametrize("take", ["摄", "振"])
def test_issue22_a_caption_s_last_line_read_apart_with_its_credit_is_the_caption_s(take):
    (story,) = parse_page(CAPTION_READ_APART.format(take=take), year=2020)
    assert story.title == "全国公安机关 依法打击哄抬物价犯罪活动"
    assert "赵某" not in "".join(story.paragraphs) + (story.byline or "")
    explained = "\n".join(explain_page(CAPTION_READ_APART.format(take=take), year=2020))
    assert "as caption: 件，指导各地加。" in explained


# A kicker closing on a dash read with a hyphen, over a headline in quotes with a comma.
KICKER_DASH = (
    _HEAD + "德国极右翼抬头致安全威胁上升\n\n"
    "德国西部城市哈瑙日前发生枪击事件，造成\n"
    "包括犯罪嫌疑人在内的11人死亡，另有多人\n"
    "受伤。德国检方表示，枪击案犯罪嫌疑人有种\n"
    "族主义背景。德国总理表示，种族主义与仇恨\n"
    "是社会的“毒药”。\n\n"
    "近年来，德国极端右翼分子数量剧增。根据\n"
    "联邦宪法保卫局的数据，极端右翼分子同比\n"
    "上升了近三分之一。\n\n"
    "（本报柏林2月23日电）\n\n"
    "武汉疫情防控招募专项志愿者报名人数破万{dash}\n\n"
    "“推开门，就见到志愿者的微笑”\n\n"
    "2月23日中午12点，武汉武昌区南湖街\n"
    "华锦社区服务站门前排起了几十米的长队。\n"
    "“大家排好队，每隔1.5米站一个人! ”华锦\n"
    "社区党委书记拿着一摞表格从社区服务站走\n"
    "了出来，指挥早已等待多时的居民们有序排\n"
    "队。\n\n"
    "这是武汉市专项志愿者招募报名的第一天。\n"
    "武汉市新冠肺炎疫情防控指挥部23日发出通\n"
    "告，在全市范围内专项招募志愿者。\n"
)


@pytest.mark.parametrize("dash", ["——", "-一", "--"])
def test_issue22_a_kicker_s_dash_read_with_a_hyphen_still_opens_a_headline(dash):
    first, second = parse_page(KICKER_DASH.format(dash=dash), year=2020)
    assert first.title == "德国极右翼抬头致安全威胁上升"
    assert "志愿者" not in "".join(first.paragraphs)
    assert second.title.startswith("武汉疫情防控招募专项志愿者报名人数破万——")
    assert "".join(second.paragraphs).startswith("2月23日中午12点")
