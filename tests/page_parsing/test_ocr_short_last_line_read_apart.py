"""OCR'd pages: a paragraph's short last line that the OCR set apart by a blank line.

On a scanned narrow-column page Tesseract sometimes leaves a blank line inside a column, so a paragraph's
last line (short, ending its sentence) comes out as a block of its own right under the block it ends
(``…实地查看产业园区、`` / blank / ``易地搬迁安置点等工作进展。``). Its line is short like a paragraph's
indented first line, so the joiner took it for a new paragraph and gave the sentence left open above it
to a block read elsewhere on the page (the shape of the failures on the tuned scanned set,
`benchmarks.scanpages` seed 2). Such a block goes on from the block above: its start is open. Made-up
lines.
"""

from __future__ import annotations

from storage.ingest.page_lines import _Line
from storage.ingest.page_seams import _fragment, _last_lines_read_apart

COLUMN = 16.0


def _block(first: int, *texts: str) -> list[_Line]:
    return [_Line(first + k, text, blank_before=k == 0) for k, text in enumerate(texts)]


OPEN_ABOVE = _block(
    10,
    "青海是高原农牧地区，基础条",
    "件差、发展任务重。李明先后来到海东",
    "市和西宁市，深入农户家中看望群众，",
    "详细了解就业增收情况，实地查看产业、",
)
CLOSED_ABOVE = _block(
    10,
    "青海是高原农牧地区，基础条",
    "件差、发展任务重。李明先后来到海东",
    "市和西宁市，看望群众。",
)
LAST_LINE = _block(15, "易地搬迁安置点等工作进展。")


def _starts(blocks: list[tuple[int, list[_Line]]]) -> list[bool]:
    fragments = [_fragment(story, block, COLUMN, False) for story, block in blocks]
    return [fragment.open_start for fragment in _last_lines_read_apart(fragments, blocks)]


def test_issue22_a_short_last_line_under_a_sentence_left_open_goes_on_from_it():
    assert _starts([(0, OPEN_ABOVE), (0, LAST_LINE)]) == [False, True]


def test_issue22_the_line_goes_on_from_its_own_story_only():
    # Another story's block read between the two does not part them; a block of another story above
    # the line is not one it goes on from.
    other = _block(13, "王刚会见某国议长张伟时表示，两国关系")
    assert _starts([(0, OPEN_ABOVE), (1, other), (0, LAST_LINE)]) == [False, True, True]
    assert _starts([(0, OPEN_ABOVE), (1, LAST_LINE)]) == [False, False]


def test_issue22_a_short_line_after_a_finished_sentence_or_open_at_its_end_stays_shut():
    assert _starts([(0, CLOSED_ABOVE), (0, LAST_LINE)]) == [False, False]
    unfinished = _block(15, "易地搬迁安置点等工作，")
    assert _starts([(0, OPEN_ABOVE), (0, unfinished)]) == [False, False]
    two_lines = _block(15, "易地搬迁安置点等工作进展。", "他强调，要着力巩固成果。")
    assert _starts([(0, OPEN_ABOVE), (0, two_lines)]) == [False, False]


def test_issue22_a_first_line_set_across_the_module_goes_on_from_no_column():
    # A headline's kicker read as a block's first line (``为民营、小微企业解决资金难题，…``) is set across
    # the module, far past the column: no sentence a column left open goes on in it.
    kicker = _block(
        20, "为民营、小微企业解决资金难题，大力支持疫情防控重点保障企业", "金融战“疫”号角吹响（财经眼）"
    )
    column_line = _block(20, "为民营、小微企业解决资金难题，大", "力支持疫情防控重点保障企业。")
    assert _starts([(0, CLOSED_ABOVE), (1, kicker)]) == [False, False]
    assert _starts([(0, CLOSED_ABOVE), (1, column_line)]) == [False, True]
