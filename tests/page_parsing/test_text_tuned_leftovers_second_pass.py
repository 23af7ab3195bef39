"""The tuned text-page families' leftovers, a second pass (issue 22): digest items (``digest_twin``),
literary supplement pages, commentary and evening pages.

Each case is a small made-up page in the shape of failures seen on the tuned families (seed 1); no
held-out family's pages were looked at.
"""

from __future__ import annotations

from benchmarks.parsing import _wrap
from storage.ingest.ocr_page import parse_page

WIDTH = 18
FAIR = "第三届全国农产品博览会12日在湖南长沙开幕，来自全国各地的八百多家企业参展，展期五天。"
BRIDGE = "近日，连接江北新区与主城的过江大桥完成合龙，全桥预计年内通车，两岸往来将缩短半小时。"


def _column(text: str) -> str:
    return "\n".join(_wrap(text, WIDTH))


def test_the_line_after_an_items_source_opens_the_next_item_in_the_same_block():
    """A source on a line of its own or after the last sentence closes its item; the next item's head
    right under it, no blank line between, over its lead's indented first line, is that item's
    headline, never a line of text."""
    for mark in ("\n（据新华社电）", "（摘自《光明日报》）"):
        page = (
            f"{_column('●农产品博览会在长沙开幕　' + FAIR)}{mark}\n"
            f"江北过江大桥合龙\n{_column(BRIDGE)}\n（来源：人民网）\n"
        )
        fair, bridge = parse_page(page, year=2020)
        assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,)), mark
        assert (bridge.title, bridge.paragraphs) == ("江北过江大桥合龙", (BRIDGE,)), mark
