"""A digest page's items (`benchmarks.supplementpages`, the tuned ``digest_twin``): each item closed by
its source in brackets (``（据新华社电）``, ``（摘自《光明日报》）``, ``（来源：人民网）``, ``（新华社/文）``,
``——据《新京报》报道``), its head run in before its text after a full-width space or a colon, strip
headings over groups of items.

Each case is a small made-up page in the shape of failures seen on ``digest_twin`` (seed 1); the held-out
``digest_page`` pages were never looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text

WIDTH = 18
FAIR = "第三届全国农产品博览会12日在湖南长沙开幕，来自全国各地的八百多家企业参展，展期五天。"
BRIDGE = "近日，连接江北新区与主城的过江大桥完成合龙，全桥预计年内通车，两岸往来将缩短半小时。"
SCHOOL = "3月2日，全省中小学按期开学，各地学校做好防疫物资储备，严格落实晨午检制度。"


def test_a_source_in_brackets_closes_the_item_and_is_no_text():
    """An item's source after its last sentence or on a line of its own closes the item: the next
    item's head, right under it in the same block, is that item's headline, and no mark is text."""
    for mark in (
        "（据新华社电）",
        "（摘自《光明日报》）",
        "（来源：人民网）",
        "（新华社/文）",
        "——据《新京报》报道",
    ):
        page = (
            f"{column_text('●农产品博览会在长沙开幕　' + FAIR, width=WIDTH)}\n{mark}\n"
            f"{column_text('●过江大桥完成合龙　' + BRIDGE, width=WIDTH)}{mark}\n"
        )
        fair, bridge = parse_page(page, year=2020)
        assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,)), mark
        assert (bridge.title, bridge.paragraphs) == ("过江大桥完成合龙", (BRIDGE,)), mark


def test_a_head_run_in_before_a_full_width_space_or_a_colon_is_the_items_headline():
    """``标题　正文…`` and ``标题：正文…`` opening a block (after the item above was closed by its
    source: a paragraph may open ``…：``): the head is the item's headline, the text after it the item's
    lead; a head the column wrapped ends on the next line before its separator."""
    page = (
        f"{column_text('农产品博览会在长沙开幕　' + FAIR, width=WIDTH)}\n（据新华社电）\n\n"
        f"{column_text('过江大桥完成合龙：' + BRIDGE, width=WIDTH)}\n（来源：人民网）\n\n"
        f"{column_text('全省中小学按期开学严格落实晨午检制度：' + SCHOOL, width=WIDTH)}\n"
    )
    fair, bridge, school = parse_page(page, year=2020)
    assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,))
    assert (bridge.title, bridge.paragraphs) == ("过江大桥完成合龙", (BRIDGE,))
    assert (school.title, school.paragraphs) == ("全省中小学按期开学严格落实晨午检制度", (SCHOOL,))
    assert school.date == "2020-03-02"


def test_a_lead_opening_with_a_colon_stays_the_leads_text():
    """``记者从…获悉：19日…`` under a headline, a paragraph ``态园发布公告：…`` continuing a sentence
    over a column break, ``他强调：…``: no item's head, the text of the story."""
    lead = "记者从省教育厅获悉：19日，全省高校毕业生就业服务月启动，各地将举办线上招聘会。"
    said = "他强调：各地要把稳就业摆在更加突出的位置，确保就业形势总体稳定。"
    page = (
        f"高校毕业生就业服务月启动\n\n{column_text(lead, width=WIDTH)}\n\n{column_text(said, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "高校毕业生就业服务月启动"
    assert story.paragraphs == (lead, said)


def test_a_strip_heading_over_a_group_of_items_is_no_headline():
    """``【国内】``, ``■国际``, ``社会·民生`` and a name over a rule line, alone in their blocks between
    items: section names, in no story's title, and the item above them closed."""
    for heading in ("【国内】", "■国际", "社会·民生", "国内\n──────────"):
        page = (
            f"{column_text('●农产品博览会在长沙开幕　' + FAIR, width=WIDTH)}\n（据新华社电）\n\n{heading}\n\n"
            f"过江大桥完成合龙\n{column_text(BRIDGE, width=WIDTH)}\n"
        )
        fair, bridge = parse_page(page, year=2020)
        assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,)), heading
        assert bridge.title == "过江大桥完成合龙", heading
        assert BRIDGE in bridge.paragraphs and not any(heading in p for p in bridge.paragraphs)


def test_a_head_alone_over_its_indented_lead_after_a_source_is_the_items_headline():
    """On a page of items, a head on a line of its own right over its lead's indented first line, after
    the item above was closed by its source and a blank line: the item's headline, no paragraph of its
    text."""
    page = f"{column_text('●农产品博览会在长沙开幕　' + FAIR, width=WIDTH)}\n（据新华社电）\n\n大桥完成合龙\n{column_text(BRIDGE, width=WIDTH)}\n"
    fair, bridge = parse_page(page, year=2020)
    assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,))
    assert (bridge.title, bridge.paragraphs) == ("大桥完成合龙", (BRIDGE,))
