"""One line alone (no band round it) read across two columns: two headlines side by side, a headline
set beside a column's text, or a line of two columns of a story's text."""

from __future__ import annotations

import re

from storage.ingest.line_split.cells import (
    _DATELINE_SOURCE_RE,
    _ENDS_SENTENCE_RE,
    _TEXT_BAND_HAN,
    _block_under,
)
from storage.ingest.page_fragments import word_across
from storage.ingest.page_lines import _HAN_RE, HAN

# A bar the OCR read between two headlines set side by side (``阅读中国”图书展暨”中印文化交流图片 。 |
# 俄罗斯总统普京``): Tesseract reads a printed rule as an ASCII bar; a full-width ``｜`` is typed, a text
# page's separator (``B03｜都市``). And a speck it read after a piece (`` 。``).
_HEADLINE_BAR_RE = re.compile("[ \t\u3000]*[|][ \t\u3000]*")


_TRAILING_SPECK_RE = re.compile("[ \t\u3000]+[。.，,、·]$")


# A piece of such a line that no headline holds: a clause or sentence mark inside it.
_NOT_HEADLINE_PIECE_RE = re.compile("[，,；;：:、。！？!?]")


# The end of a line of text beside which the OCR read a headline's last words after one space
# (``分宜县地处江西中部偏西，是 高级别公开辩论会``): a clause mark and at most three Han characters, one
# space, a few Han characters.
_TEXT_THEN_HEADLINE_RE = re.compile(f"^(.*[{HAN}][，、；：,;:][{HAN}]{{0,3}})[ \t\u3000]([{HAN}]{{3,10}})$")


# A piece left of a bar that is only a speck of the page (``oa``): no Han character, a few marks.
_SPECK_RE = re.compile(f"^[^{HAN}]{{0,3}}$")


def _headline_beside_text(raw_lines: list[str], position: int) -> tuple[list[str], list[str]] | None:
    """A headline of two lines set beside a column of text, each line read across with the text's:
    the first with only a speck left of a bar (``oa |习近平主席特别代表出席安理会``), the next right under
    it a line of text broken off after a clause mark with the headline's last words after one space
    (``分宜县地处江西中部偏西，是 高级别公开辩论会``). Returns the text's pieces (the speck dropped)
    and the headline's lines."""
    if position + 1 >= len(raw_lines):
        return None
    pieces = _HEADLINE_BAR_RE.split(raw_lines[position].strip())
    if len(pieces) != 2 or not _SPECK_RE.match(pieces[0].strip()):
        return None
    head = pieces[1].strip()
    if (
        len(_HAN_RE.findall(head)) < 6
        or _NOT_HEADLINE_PIECE_RE.search(head)
        or _DATELINE_SOURCE_RE.match(head)
    ):
        return None
    below = _TEXT_THEN_HEADLINE_RE.match(raw_lines[position + 1].strip())
    if below is None:
        return None
    return ["", below[1]], [head, below[2]]


# A word of the language this strong (`page_fragments.word_across`) read across the join of the block
# above a line of two columns and the line's right piece: the right column goes on there.
_ACROSS_WORD = 0.8


def _line_across_columns(
    out: list[tuple[str, int]], raw_lines: list[str], position: int
) -> tuple[list[tuple[str, int]], int] | None:
    """A line alone (no band round it) holding two columns of a story's text with one bar between them
    (``近日从国家林草局获悉：今年上半年，全国森林 | 新，森林体验、森林康养…``), the OCR's block above it
    being the right column's lines over it and its block under it the left column's lines under it:
    the right piece completes a word with the block above (``…不断开拓创`` / ``新，森林…``, 创新) and
    the left piece does not, both pieces stop inside a sentence, and a block of text follows. Read as
    printed: the left piece with the block under it, then the block above with the right piece. When
    the left piece goes on by a word into the first line of a block read before the block above and
    not into the block under (``…新型冠状病 | 鲜党和人民…`` over ``作自己的事情…``, the block
    ``毒感染肺炎…`` read before: 病毒), it is the left column's last line, read across with the right
    column's line at its height: it goes over that block, the right piece under the block above, and
    the block under is read on after them (`_block_opened_by`).
    Returns the lines read so far, so rearranged, and where to read on; None for any other line."""
    pieces = _HEADLINE_BAR_RE.split(raw_lines[position].strip())
    if len(pieces) != 2:
        return None
    left, right = (piece.strip() for piece in pieces)
    if any(len(_HAN_RE.findall(piece)) < _TEXT_BAND_HAN for piece in (left, right)) or (
        _ENDS_SENTENCE_RE.search(left)
    ):
        return None
    above_end = len(out)
    while above_end > 0 and not out[above_end - 1][0].strip():
        above_end -= 1
    above_start = above_end
    while above_start > 0 and out[above_start - 1][0].strip():
        above_start -= 1
    above = out[above_start:above_end]
    if not above or _ENDS_SENTENCE_RE.search(above[-1][0].strip()):
        return None
    last = above[-1][0].strip()
    if word_across(last, right)[1] < _ACROSS_WORD or word_across(last, left)[1] >= _ACROSS_WORD:
        return None
    under = _block_under(raw_lines, position + 1)
    if not under:
        return None
    number = position + 1
    into = _block_opened_by(out[:above_start], left)
    if into is not None and word_across(left, under[0][0].strip())[1] < _ACROSS_WORD:
        rearranged = [*out[:into], (left, number), *out[into:above_end], (right, number), *out[above_end:]]
        return rearranged, position + 1
    apart = out[above_end:] or [("", number)]  # the blank lines between the block above and the line
    rearranged = [*out[:above_start], (left, number), *under, *apart, *above, (right, number)]
    return rearranged, under[-1][1]


# Lines read before a line of two columns looked at for the one its left piece goes on into.
_LINES_LOOKED_BACK = 40


def _block_opened_by(lines: list[tuple[str, int]], piece: str) -> int | None:
    """Where in the lines read so far, among the last `_LINES_LOOKED_BACK`, the nearest line is that
    `piece` goes on into by a word of the language (`word_across` at least `_ACROSS_WORD`:
    ``…新型冠状病`` | ``毒感染肺炎…``, 病毒), the line read right before it joining it by no word as
    strong (it opens a block, or follows a line the OCR set there, ``本报记者闪艳涛摄``); None when none
    does."""
    for index in range(len(lines) - 1, max(-1, len(lines) - 1 - _LINES_LOOKED_BACK), -1):
        text = lines[index][0].strip()
        if not text:
            continue
        strength = word_across(piece, text)[1]
        before = lines[index - 1][0].strip() if index > 0 else ""
        if strength >= _ACROSS_WORD and (not before or word_across(before, text)[1] < strength):
            return index
    return None


def _headline_pair(raw: str, gap: re.Pattern[str] = _HEADLINE_BAR_RE) -> tuple[str, str] | None:
    """A line alone (no band round it) that is two headlines side by side with one bar between them:
    each piece at least four Han characters, no clause or sentence mark, label bracket or wide run of
    spaces inside (a speck after it aside), no dateline. A body line with a bar (``…5日，应急 | 作。``) is none."""
    pieces = gap.split(raw.strip())
    if len(pieces) != 2:
        return None
    left, right = (_TRAILING_SPECK_RE.sub("", piece.strip()) for piece in pieces)
    for piece in (left, right):
        if (
            len(_HAN_RE.findall(piece)) < 4
            or _NOT_HEADLINE_PIECE_RE.search(piece)
            or re.search("[ \t\u3000]{2,}|[【】\\[\\]]", piece)  # a strip's label, or items apart
            or _DATELINE_SOURCE_RE.match(piece)
        ):
            return None
    return left, right
