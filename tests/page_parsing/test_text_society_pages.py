"""A 社会 page (`benchmarks.societypages`, ``society_page``, issue 22): a lead story, a 民生观 comment and a
column of labelled items. An item's label run in before its headline in brackets (``【新闸机】“刷脸”进站优化升级``)
over the item's dateline is a headline, not a head run in before its text; a headline over a dateline is
no paragraph of one short sentence; the column's heading (``2019春运一线``) over such an item is in no title;
a picture report's credit naming no agency (``韩  鑫  张  炯摄影报道``) closes its story, and one wrapped
before its agency is one line; a new column's ``开栏的话`` opens its story's text, no byline.

Each case is a small made-up page in the shape of failures seen on ``society_page`` (seed 1); the guards
are shapes of other pages the new readings must leave as they were.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_lines, page_of_blocks, squeezed

WIDTH = 18

STORY_TITLE = "城北街道试点垃圾上门收"
STORY = (
    "本报北京2月20日电  （记者王明）北京市昌平区城北街道近日试点垃圾上门收集，居民分好类的垃圾可以换取环保金。",
    "街道负责人介绍，试点小区的垃圾分类准确率已经超过九成，下一步将在全街道推广。",
)
ITEMS = (
    (
        "新闸机",
        "“刷脸”进站优化升级",
        "本报成都2月11日电  （记者王明峰）春节假期过去，为应对客流高峰，成都车站提前启用了新的人脸识别闸机。",
        "2019-02-11",
        ("王明峰",),
    ),
    (
        "新通道",
        "“急客”服务通道开通",
        "本报北京2月11日电  （记者贺勇）随着春节假期结束，北京各大车站迎来返程客流高峰，车站开通了“急客”服务通道。",
        "2019-02-11",
        ("贺勇",),
    ),
)
PICTURE_TITLE = "慢车开通八年 票价始终三元"
PICTURE = (
    "在山西原平开往轩岗的列车上，列车长一眼瞧见了一名矿工衣服上开的口子，随即从便民服务箱中取出针线缝补起来。",
    "这趟列车开行以来，票价一直保持在3元，累计服务旅客一千多万人次。",
)
LEAD_TITLE = "岗位稳得住 重新忙起来（全面强化稳就业举措①）"
LEAD = (
    "开栏的话",
    "各地正在有序复工复产，劳动者能否顺利返岗，企业能否稳定用工，关系到千家万户的生计。",
    "即日起，本版推出系列报道，记录各地稳就业的做法。",
    "“宁波，我回来了！”2月18日晚，务工人员王汉申坐上返岗专列，回到了熟悉的工厂。",
)


def _story() -> list[str]:
    return [STORY_TITLE, *column_lines(STORY, width=WIDTH)]


def _bracketed_item(label: str, head: str, text: str, *_: object) -> list[str]:
    return [f"【{label}】{head}", *column_lines((text,), width=WIDTH)]


def test_a_label_in_brackets_before_a_headline_over_its_dateline_is_the_headline() -> None:
    page = page_of_blocks(_story(), _bracketed_item(*ITEMS[0]), _bracketed_item(*ITEMS[1]))
    story, first, second = parse_page(page, year=2019)
    assert story.title == STORY_TITLE
    for item, (label, head, text, date, reporters) in zip((first, second), ITEMS, strict=True):
        assert item.title == f"【{label}】{head}"
        assert squeezed(item.paragraphs) == squeezed((text,))
        assert (item.date, tuple(item.reporters)) == (date, reporters)


def test_a_columns_heading_over_an_item_headed_by_its_label_is_in_no_title() -> None:
    page = page_of_blocks(_story(), ["2019春运一线"], _bracketed_item(*ITEMS[0]), _bracketed_item(*ITEMS[1]))
    story, first, second = parse_page(page, year=2019)
    assert (story.title, first.title, second.title) == (
        STORY_TITLE,
        f"【{ITEMS[0][0]}】{ITEMS[0][1]}",
        f"【{ITEMS[1][0]}】{ITEMS[1][1]}",
    )
    assert not any("春运一线" in "".join(s.paragraphs) for s in (story, first, second))


def test_a_label_over_a_headline_over_a_dateline_heads_the_item() -> None:
    """Guard: a label on a line of its own over the headline, the shape main read rightly."""
    page = page_of_blocks(_story(), [ITEMS[0][0], ITEMS[0][1], *column_lines((ITEMS[0][2],), width=WIDTH)])
    story, item = parse_page(page, year=2019)
    assert story.title == STORY_TITLE
    assert item.title == f"{ITEMS[0][0]} {ITEMS[0][1]}"
    assert squeezed(item.paragraphs) == squeezed((ITEMS[0][2],))


def test_a_picture_reports_credit_naming_no_agency_closes_its_story() -> None:
    credit = "韩  鑫  张  炯摄影报道"
    page = page_of_blocks([PICTURE_TITLE], [*column_lines(PICTURE, width=WIDTH), credit], _story())
    picture, story = parse_page(page, year=2019)
    assert picture.title == PICTURE_TITLE
    assert squeezed(picture.paragraphs) == squeezed((*PICTURE, credit))
    assert story.title == STORY_TITLE


def test_a_credit_wrapped_before_its_agency_is_one_paragraph() -> None:
    """Guard: the credit naming its agency on the next line, read as one paragraph before."""
    page = page_of_blocks(
        [PICTURE_TITLE],
        [*column_lines(PICTURE, width=WIDTH), "张梓望  李秀婷  黄锦辉摄影报道", "（影像中国）"],
        _story(),
    )
    picture, story = parse_page(page, year=2019)
    assert squeezed(picture.paragraphs) == squeezed((*PICTURE, "张梓望李秀婷黄锦辉摄影报道（影像中国）"))
    assert story.title == STORY_TITLE


def test_a_new_columns_opening_words_open_its_text_and_name_no_one() -> None:
    page = page_of_blocks([LEAD_TITLE], column_lines(LEAD, width=WIDTH), _story())
    lead, story = parse_page(page, year=2020)
    assert lead.title == LEAD_TITLE
    assert tuple(lead.reporters) == ()
    assert squeezed(lead.paragraphs) == squeezed(LEAD)
