"""The tuned text-page families' leftovers, a third pass (issue 22): digest items (``digest_twin``)
whose head is run in before a colon.

Each case is a small made-up page in the shape of failures seen on the tuned families (seed 1); no
held-out family's pages were looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text

WIDTH = 18
FAIR = "第三届全国农产品博览会12日在湖南长沙开幕，来自全国各地的八百多家企业参展，展期五天。"


ABOVE = f"{column_text('●农产品博览会在长沙开幕　' + FAIR, width=WIDTH)}（据新华社电）\n\n"


def test_a_colon_heads_text_opening_with_a_date_the_column_split():
    """``…合龙在即：1`` / ``2日，…``: the date's digits the column parted from their word open the
    item's lead as a date does; the head before the colon is the item's headline."""
    text = "12日，连接江北新区与主城的过江大桥完成合龙，全桥预计年内通车。"
    head = "江北新区至主城的过江大桥合龙在即"
    page = f"{ABOVE}{head}：1\n2日，连接江北新区与主城的过江大桥完\n成合龙，全桥预计年内通车。\n"
    fair, bridge = parse_page(page, year=2020)
    assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,))
    assert (bridge.title, bridge.paragraphs) == (head, (text,))


def test_a_colon_heads_text_opening_with_a_number_read_with_its_word():
    """``2020农产品交易会落幕：2020农产品…``: a number read with its word opens the text as a word does."""
    text = "2020农产品交易会日前在江西南昌落幕，成交额创下历届新高，参展企业近千家。"
    page = f"{ABOVE}{column_text('2020农产品交易会在南昌落幕：' + text, width=WIDTH)}\n"
    fair, trade = parse_page(page, year=2020)
    assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,))
    assert (trade.title, trade.paragraphs) == ("2020农产品交易会在南昌落幕", (text,))


def test_a_colon_closing_a_full_line_on_a_page_of_items_ends_the_items_head():
    """On a page of items, ``…城乡供水一体化工作会议召开：`` filling the column over the item's text set
    flush: the head, its text under it, though the text's first line holds no clause mark."""
    text = "全面推进城乡供水一体化工作现场会议12日在杭州举行，会议部署了下一阶段任务。"
    head = "全面推进城乡供水一体化工作会议召开"
    assert len(head) + 1 == WIDTH
    # The text's first line set as full as the column, no indent, no clause mark on it.
    page = (
        f"{ABOVE}{head}：\n全面推进城乡供水一体化工作现场会议\n12日在杭州举行，会议部署了下一阶段任\n务。\n"
    )
    fair, water = parse_page(page, year=2020)
    assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,))
    assert (water.title, water.paragraphs) == (head, (text,))


def test_a_full_line_closed_by_a_colon_in_a_story_opens_a_paragraph():
    """Off a page of items, a paragraph's line closed by a colon (``…笔者记忆犹新：``) stays text."""
    first = "多年前的一则公益广告让笔者至今记忆犹新："
    second = "一个穿着花棉袄的姑娘，在雪原上翩然起舞，一路旋转。"
    page = f"广告里的姑娘\n\n{column_text(FAIR, width=WIDTH)}\n{first}\n{column_text(second, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert story.title == "广告里的姑娘"
    assert story.paragraphs[-1].endswith(second)


def test_a_colon_heads_quotation_opens_the_items_text():
    """``特别的陪伴：“带这个箱子去吧…``: after an item closed by its source, a head of five characters
    or more (a comma in it or not) before a colon and a quotation is the item's headline."""
    text = "“带上这个箱子吧，爸爸只用过一次。”六十六岁的老王从几个行李箱中挑出一个递给女儿。"
    for head in ("特别的陪伴", "守住初心本色，书写奋斗新篇章"):
        page = f"{ABOVE}{column_text(head + '：' + text, width=WIDTH)}\n（来源：人民网）\n"
        fair, item = parse_page(page, year=2020)
        assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,)), head
        assert (item.title, item.paragraphs) == (head, (text,)), head


def test_a_bulleted_head_asking_a_question_runs_in_before_its_text():
    """``●新冠肺炎，我们该怎么预防？　针对…``: a head may ask once, at its end; the question is the item's
    headline, the text after the space its lead."""
    text = "针对多地报告的流感病例，国家卫生健康委员会日前回应说，当前疫情仍可防可控。"
    page = f"{ABOVE}{column_text('●冬季流感，我们该怎么预防？　' + text, width=WIDTH)}\n（来源：人民网）\n"
    fair, item = parse_page(page, year=2020)
    assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,))
    assert (item.title, item.paragraphs) == ("冬季流感，我们该怎么预防？", (text,))


def test_a_head_of_three_characters_runs_in_before_a_space_or_a_colon_and_a_date():
    """``滚元宵　吃元宵，…`` and ``武社火：13日一大早，…``: a head of three characters parts from its text
    by a full-width space, or by a colon when the text opens with a day's date."""
    spaced = "吃元宵，就要吃手工滚出来的元宵，这是老城南传承多年的做法。"
    dated = "13日一大早，小市镇同江峪村的许多村民已经忙活上了，准备演出。"
    for head, separator, text in (("滚元宵", "\u3000", spaced), ("武社火", "：", dated)):
        page = f"{ABOVE}{column_text(head + separator + text, width=WIDTH)}\n（来源：人民网）\n"
        fair, item = parse_page(page, year=2020)
        assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,)), head
        assert (item.title, item.paragraphs) == (head, (text,)), head
