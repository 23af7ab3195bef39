"""A 法治 page (`benchmarks.lawpages`, ``law_page``): a story's reporters in brackets after its last
sentence (``…依法处理。（记者 王某 通讯员 李某）``). The byline closes the story and is no text of it, even
when the column wraps it onto the next line.

Each case is a small made-up page in the shape of failures seen on ``law_page`` (seed 1).
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text, squeezed

WIDTH = 18

LEAD = "本报北京2月12日电  近日，某区人民法院审结一起利用疫情实施诈骗的案件，被告人被判处有期徒刑三年。"
LAST = "法官提醒，市民应通过正规平台购买物资或捐款。"
NEXT = "本报上海2月12日电  近日，某市检察院对一起非法集资案提起公诉，涉案金额达两千余万元。"


def _page(last: str) -> str:
    """Two stories; the first's last paragraph `last`, wrapped by the column."""
    return (
        f"法院审结一起涉疫诈骗案\n\n{column_text(LEAD, width=WIDTH)}\n{column_text(last, width=WIDTH)}\n\n"
        f"检察机关起诉一起非法集资案\n\n{column_text(NEXT, width=WIDTH)}\n"
    )


def test_a_bracketed_byline_wrapped_onto_the_blocks_last_line_closes_the_story() -> None:
    last_lines = wrap(LAST + "（记者 欧阳洁 通讯员 吴宇娜）", WIDTH)
    assert last_lines[-1] == "宇娜）"  # the column wraps the byline
    page = _page(LAST + "（记者 欧阳洁 通讯员 吴宇娜）")
    first, second = parse_page(page, year=2020)
    assert first.title == "法院审结一起涉疫诈骗案"
    assert squeezed(first.paragraphs) == squeezed((LEAD, LAST))
    assert (*first.reporters, *first.correspondents) == ("欧阳洁", "吴宇娜")
    assert second.title == "检察机关起诉一起非法集资案"
    assert squeezed(second.paragraphs) == squeezed((NEXT,))


def test_a_bracketed_byline_on_one_line_after_the_last_sentence_still_closes_it() -> None:
    page = _page(LAST + "（记者 欧阳洁 通讯员 吴宇娜）").replace("吴\n宇娜）", "吴宇娜）")
    first, _second = parse_page(page, year=2020)
    assert squeezed(first.paragraphs) == squeezed((LEAD, LAST))
    assert (*first.reporters, *first.correspondents) == ("欧阳洁", "吴宇娜")


def test_a_bracket_wrapped_onto_the_last_line_that_names_no_reporter_stays_text() -> None:
    note = "法官提醒，市民应通过正规平台购买物资或捐款，切勿随意点击链接。（详见防范指南）"
    page = _page(note)
    first, _second = parse_page(page, year=2020)
    assert squeezed(first.paragraphs)[-1] == note
    assert (*first.reporters, *first.correspondents) == ()
