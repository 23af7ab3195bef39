"""The measures of one line the OCR read across columns: where its seams are (a bar, a run of spaces,
a gutter read as two spaces widened to one), the cells a row is cut into, the marks that tell a column's
text from a headline (a clause mark, a sentence end, a dateline's start), the page's column measure and a
line or cell held against it, and the block of lines read next."""

from __future__ import annotations

import re

from storage.ingest.page_lines import _HAN_RE, _SENTENCE_END, HAN, display_width

# A run of spaces this long inside a line: the OCR read two columns set side by side as one line.
# (A run of spaces then a bar is one gap.)
_COLUMN_GAP_RE = re.compile("[ \t\u3000]*[|｜]{1,2}[ \t\u3000]*|[ \t\u3000]{6,}")


# Inside a band of columns, a narrower run of spaces than `_COLUMN_GAP_RE`'s also parts two columns.
_NARROW_GAP_RE = re.compile("[ \t\u3000]*[|｜]{1,2}[ \t\u3000]*|[ \t\u3000]{3,}")


# A line's leading run of spaces this wide: its first column is empty (the line starts in the next one).
_EMPTY_FIRST_COLUMN_RE = re.compile(r"^[ \t\u3000]{6,}(?=\S)")


# A clause or sentence mark: a piece holding one is text, not a headline.
_CLAUSE_MARK_RE = re.compile("[，、,；;。！？!?]")


# A piece that ends a sentence (its closing quote or bracket after the mark).
_ENDS_SENTENCE_RE = re.compile(f'[{_SENTENCE_END}][”"’』」）)]*$')


# The start of a dateline: who sends it (``本报``, ``新华社``, ``据新华社``, ``中新社``…).
_DATELINE_SOURCE_RE = re.compile(r"^\s*(?:本报|据?新华社|据?(?:中新社|中新网|人民网|央视网|新华网))")


# A headline under a band holds at least this many Han characters (fewer: a speck or a lone word).
_HEADLINE_HAN = 6


# A piece of a column's text holds at least this many Han characters.
_TEXT_BAND_HAN = 4


# A band of a story's text read across holds at least this many lines with text in both columns.
_TEXT_BAND_ROWS = 3


# A piece of a row cut at a column seam holding fewer Han characters than this is a speck of the
# rule or the gutter (``。``, ``“``, ``人``), no column's text.
_CELL_HAN = 2


def _row_cells(raw: str) -> list[str]:
    """A row of a band cut at every column seam (a bar, or a run of three spaces), its specks dropped."""
    return [
        piece.strip()
        for piece in _NARROW_GAP_RE.split(raw.strip())
        if len(_HAN_RE.findall(piece)) >= _CELL_HAN
    ]


def _first_row_cells(raw: str) -> list[str]:
    """A module's first row cut at its column seams (`_row_cells`), a cell of one Han character that
    ends a sentence kept (``定。``, ``定》。``): the first line of a column whose sentence the column
    before it began, no speck."""
    return [
        piece.strip()
        for piece in _NARROW_GAP_RE.split(raw.strip())
        if len(_HAN_RE.findall(piece)) >= _CELL_HAN or _SENTENCE_TAIL_CELL_RE.fullmatch(piece.strip())
    ]


# A cell of one Han character that ends a sentence, a closing mark between (``定》。``).
_SENTENCE_TAIL_CELL_RE = re.compile(f"[{HAN}][》”」）)]*[。！？]")


def _block_under(raw_lines: list[str], start: int) -> list[tuple[str, int]]:
    """The block of lines read next from `start` (blank lines before it skipped, up to the next blank
    line), each with its 1-based line number; none when a line of it holds a gap (columns again) or
    opens a story with its dateline."""
    k = start
    while k < len(raw_lines) and not raw_lines[k].strip():
        k += 1
    block: list[tuple[str, int]] = []
    while k < len(raw_lines) and raw_lines[k].strip():
        if _NARROW_GAP_RE.search(raw_lines[k].strip()) or _DATELINE_SOURCE_RE.match(raw_lines[k]):
            return []
        block.append((raw_lines[k], k + 1))
        k += 1
    return block


# A page's column measure stands when at least this many lines without a seam are set to it.
_MEASURE_LINES = 8


# A column's full line spans the measure give or take this many cells (a mark read wide or lost).
_MEASURE_SLACK = 1.0


def column_measure(raw_lines: list[str]) -> float | None:
    """The page's column measure in cells: the width most of its lines without a seam are set to
    (``团有限公司、中国中煤能源集``, 13), when at least `_MEASURE_LINES` lines share it; None otherwise."""
    widths = [
        round(display_width(line.strip()))
        for line in raw_lines
        if line.strip() and not _NARROW_GAP_RE.search(line.strip()) and _HAN_RE.search(line)
    ]
    if not widths:
        return None
    measure = max(set(widths), key=widths.count)
    return float(measure) if widths.count(measure) >= _MEASURE_LINES else None


def _full_column_line(line: str, measure: float | None) -> bool:
    """Whether `line` spans the page's column measure, give or take `_MEASURE_SLACK` cells: a column's
    full line (``国与非洲国家的第一个自贸协``), even with no clause mark."""
    return measure is not None and abs(display_width(line) - measure) <= _MEASURE_SLACK


# A column's line at least this many cells short of the measure is a paragraph's last line.
_SHORT_OF_MEASURE = 3


def _short_last_line(cell: str, measure: float | None) -> bool:
    """Whether a cell of Han characters and full-width marks only (no digits or letters, whose width
    the OCR does not keep) stops `_SHORT_OF_MEASURE` cells or more short of the column measure: a
    paragraph's last line."""
    return (
        measure is not None
        and bool(_FULL_WIDTH_CELL_RE.fullmatch(cell))
        and (len(cell) <= measure - _SHORT_OF_MEASURE)
    )


# A cell of Han characters and full-width marks only.
_FULL_WIDTH_CELL_RE = re.compile(f"[{HAN}，、；：“”《》]+")


# A run of exactly two spaces between two characters: a gutter Tesseract read narrower than a seam, or a
# space inside a line.
_TWO_SPACE_RE = re.compile("(?<=\\S)  (?=\\S)")


# The gaps that part a line's pieces before a two-space run: a bar, or a run of two spaces or more.
_GAP_BEFORE_RE = re.compile("[ \t\u3000]*[|｜]{1,2}[ \t\u3000]*|[ \t\u3000]{2,}")


def _mark_narrow_gutters(raw_lines: list[str], measure: float | None) -> list[str]:
    """Lines read across columns whose gutter the OCR read as two spaces, the gap widened to a seam
    (three spaces, `_NARROW_GAP_RE`): in a line wider than one column that holds a seam already, a run
    of two spaces right after
    a piece that spans the page's column measure (`column_measure`) since the line's start or its last
    gap (``解惑，提供在线授课及辅导。  在线直播课、微课、录像课等“| …``: a column's full line, then the
    next column's). A shorter piece before two spaces is a space inside the column's text; the
    other lines are kept as they are."""
    if measure is None:
        return raw_lines
    return [_widen_gutters(line, measure) for line in raw_lines]


def _widen_gutters(line: str, measure: float) -> str:
    """`line`, read across columns (it holds a seam already), with each two-space gap after a piece of
    `measure` cells widened to three spaces. A line with no seam is kept: two spaces alone part a
    headline from its page number or a masthead's items as often as two columns."""
    if display_width(line.strip()) <= measure + _MEASURE_SLACK or not _NARROW_GAP_RE.search(line.strip()):
        return line
    out: list[str] = []
    start = 0
    for gap in _TWO_SPACE_RE.finditer(line):
        piece = _GAP_BEFORE_RE.split(line[start : gap.start()])[-1]
        out.append(line[start : gap.start()])
        out.append("   " if abs(display_width(piece.strip()) - measure) <= _MEASURE_SLACK else "  ")
        start = gap.end()
    out.append(line[start:])
    return "".join(out)


def _mark_lost_seams(raw_lines: list[str]) -> list[str]:
    """Lines of a band of columns read across whose seam the OCR read as two spaces, the gap widened to
    a seam (three spaces, `_NARROW_GAP_RE`): a line with no seam, between lines (blank lines aside) that
    hold one, cut by one run of two spaces where its left piece is as wide as the left piece of the line
    above, give or take `_MEASURE_SLACK` cells (``模、评定职称、发放 | 政策并…`` over ``奖励性绩效工资等。  工资
    水平；…``), both pieces text of `_TEXT_BAND_HAN` Han characters or more (`_lost_seam`). Other lines
    are kept as they are."""
    out = list(raw_lines)
    for index, line in enumerate(raw_lines):
        above = _nearest_text_line(raw_lines, index, -1)
        below = _nearest_text_line(raw_lines, index, 1)
        if above is not None and below is not None and (cut := _lost_seam(line, above, below)) is not None:
            out[index] = f"{line[:cut]} {line[cut:]}"
    return out


def _nearest_text_line(raw_lines: list[str], index: int, step: int) -> str | None:
    """The nearest line that is not blank from `index` on in the direction `step`, None past the page."""
    k = index + step
    while 0 <= k < len(raw_lines) and not raw_lines[k].strip():
        k += step
    return raw_lines[k].strip() if 0 <= k < len(raw_lines) else None


def _lost_seam(line: str, above: str, below: str) -> int | None:
    """Where a two-space run in `line` is the seam of the band round it (`_mark_lost_seams`): the index
    of its first space; None when the line holds a seam already, no single two-space run, or the band's
    rows above and below do not show one at its width."""
    text = line.strip()
    runs = list(_TWO_SPACE_RE.finditer(line))
    if not text or _NARROW_GAP_RE.search(text) or len(runs) != 1:
        return None
    if not (_NARROW_GAP_RE.search(above) and _NARROW_GAP_RE.search(below)):
        return None
    left, right = line[: runs[0].start()].strip(), line[runs[0].end() :].strip()
    if any(len(_HAN_RE.findall(piece)) < _TEXT_BAND_HAN for piece in (left, right)):
        return None
    above_left = _NARROW_GAP_RE.split(above)[0].strip()
    if abs(display_width(left) - display_width(above_left)) > _MEASURE_SLACK:
        return None
    return runs[0].start()
