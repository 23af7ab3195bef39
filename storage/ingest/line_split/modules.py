"""A story's module of narrow columns read across by the OCR, row by row, from its dateline: its rows cut
into the columns' cells, the columns' rests read down under them (or under the dispatch read beside
them), a last row read partly across or cell by cell, and another module's headline read beside its
first column."""

from __future__ import annotations

import re

from storage.ingest.line_split.cells import (
    _CLAUSE_MARK_RE,
    _DATELINE_SOURCE_RE,
    _ENDS_SENTENCE_RE,
    _NARROW_GAP_RE,
    _SHORT_OF_MEASURE,
    _TEXT_BAND_ROWS,
    _first_row_cells,
    _full_column_line,
    _row_cells,
    _short_last_line,
)
from storage.ingest.page_lines import _CAPTION_RE, HAN, display_width


def _module_read_across(
    raw_lines: list[str], start: int, measure: float | None = None, over: list[tuple[str, int]] | None = None
) -> list[tuple[str, int]]:
    """A story's module of narrow columns read across by the OCR, row by row, from the row that opens
    with its dateline (``本报北京10月17日电    团有限公司…  | 巡视，本轮…``): that row cut at its column
    seams (`_first_row_cells`: a column's first line may be one character ending a sentence, ``定。``)
    gives the module's columns (two or more), and each row under it, blank lines
    aside, gives at most as many, the empty ones at the right (columns whose text has ended,
    `_columns_ended`); the rows
    stop at a row that holds no clause or sentence mark (headlines set side by side), a caption, or a
    row with no seam. With at least `_TEXT_BAND_ROWS` rows, the module is read as printed, column by
    column from the left, its text one block; returns those lines, each with its file line, and a
    blank line after them numbered with the row the reading goes on from. None otherwise. When the
    OCR read only the top rows across and then each column down (`_rests_read_down`), each column's
    rest follows its cells, and such rests make a module of fewer rows too. Another module's headline
    set beside the module's first column is read as the rows' first cells (``广东压减渔船     本报武汉10月
    22日电      意见明确，…``, `_beside_headline`): those cells are read after the module's columns, a
    block of their own, with that module's dateline when a row opens with it; `over` holds the
    headline's lines read in the band over the module, put over the cells."""
    first = _first_row_cells(raw_lines[start]) if raw_lines[start].strip() else []
    beside: list[tuple[str, int]] = []  # another module's headline read as the rows' first cells
    if (
        first
        and not _DATELINE_SOURCE_RE.match(first[0])
        and (headline := _headline_cells_over(raw_lines[start], measure))
    ):
        first = first[len(headline) :]
        beside = [*(over or []), *((head, start + 1) for head in headline)]
    dated = bool(first) and _DATELINE_SOURCE_RE.match(first[0]) is not None
    if len(first) < 2 or not (dated or beside):
        return []
    rows: list[tuple[list[str], int]] = []
    k = start
    while k < len(raw_lines):
        raw = raw_lines[k].strip()
        if not raw:
            k += 1
            continue
        cells = first if k == start else _row_cells(raw)
        heads: list[str] | None = []
        if beside and k > start:
            heads, cells = _beside_headline(raw, len(first), measure)
        if (
            heads is None
            or not _NARROW_GAP_RE.search(raw)
            or not 1 <= len(cells) <= len(first)
            or not _columns_ended(rows, len(cells), len(first), measure)
            or not any(_CLAUSE_MARK_RE.search(cell) for cell in cells)
            or _CAPTION_RE.match(cells[0])
            or (rows and _DATELINE_SOURCE_RE.match(cells[0]))
        ):
            break
        beside.extend((head, k + 1) for head in heads if k > start)
        rows.append((cells, k + 1))
        k += 1
    if not rows or not (dated or any(_DATELINE_SOURCE_RE.match(head) for head, _number in beside)):
        return []  # a module with no dateline of its own stands beside one with its dateline at its foot
    rests = _rests_read_down(raw_lines, k, rows, len(first))
    dispatch: list[tuple[str, int]] = []  # the text of the headline beside, read between rows and rests
    if not rests and beside and _DATELINE_SOURCE_RE.match(beside[-1][0]):
        dispatch, rests = _rests_under_dispatch(raw_lines, k, rows, len(first))
    if len(rows) < _TEXT_BAND_ROWS and (not rests or len(first) < _FULL_RESTS_TESTED + 1):
        # Fewer rows than a band's: the module stands on its rests alone, so at least two columns'
        # rests must be of one height (with one full column, any blank line would fit).
        return []
    last = {} if rests else _last_row_partly_across(raw_lines, k, rows, len(first), measure)
    if not last and not rests:
        under = _row_read_cell_by_cell(raw_lines, rows[-1][1], len(first), measure)
        last = dict(enumerate(under))
    read = [("", start + 1)]
    for column in range(len(first)):
        read.extend((cells[column], number) for cells, number in rows if column < len(cells))
        read.extend([last[column]] if column in last else [])
        read.extend(rests[column] if rests else [])
    for index, (head, number) in enumerate(beside):
        if index == 0 or _DATELINE_SOURCE_RE.match(head):
            read.append(("", number))  # the headline's block, and its module's dateline over its text
        read.append((head, number))
    read.extend(dispatch)
    ends = [number for _text, number in last.values()] + [rest[-1][1] for rest in rests]
    end = max(ends, default=rows[-1][1])
    if beside and beside[-1][1] == end == rows[-1][1] and not _DATELINE_SOURCE_RE.match(beside[-1][0]):
        # The headline beside the last row goes on under the rows, down to its module's dateline.
        under = _headline_under_rows(raw_lines, end)
        read.extend(under)
        end = under[-1][1] if under else end
    return [*read, ("", end)]


def _rests_under_dispatch(
    raw_lines: list[str], k: int, rows: list[tuple[list[str], int]], columns: int
) -> tuple[list[tuple[str, int]], list[list[tuple[str, int]]]]:
    """A module's rests read down (`_rests_read_down`) after the text of the dispatch whose headline and
    dateline the OCR read beside the module's rows: the dispatch's column is read down first, from line
    `k` under the rows, and the module's columns after it, so the rests open at the first block, within
    `_REST_LOOKAHEAD` lines and before any seam or dateline, where the module's columns split at one
    height. The dispatch's lines up to there, and the rests; both empty when no block opens them."""
    for position in range(k + 1, min(len(raw_lines), k + _REST_LOOKAHEAD)):
        line = raw_lines[position].strip()
        if _NARROW_GAP_RE.search(line) or _DATELINE_SOURCE_RE.match(line):
            break
        if not line or raw_lines[position - 1].strip():
            continue  # no block opens here
        if rests := _rests_read_down(raw_lines, position, rows, columns):
            return [(raw_lines[j], j + 1) for j in range(k, position)], rests
    return [], []


def _headline_under_rows(raw_lines: list[str], k: int) -> list[tuple[str, int]]:
    """The lines from line `k` on, right under a module's rows, that finish the headline read beside the
    rows (``运动会开幕``) over its own module's dateline: lines with no column seam and no clause or
    sentence mark, the dateline right under the last of them (``新华社武汉10月17日``). Empty when the
    lines under the rows do not run down to a dateline so."""
    under: list[tuple[str, int]] = []
    while k < len(raw_lines) and (line := raw_lines[k].strip()):
        if _DATELINE_SOURCE_RE.match(line):
            return under
        if _NARROW_GAP_RE.search(line) or _CLAUSE_MARK_RE.search(line) or len(under) >= _HEADLINE_LINES_UNDER:
            return []
        under.append((raw_lines[k], k + 1))
        k += 1
    return []


# A headline read beside a module's rows goes on under them for at most this many lines.
_HEADLINE_LINES_UNDER = 2


def _headline_cells_over(raw: str, measure: float | None = None) -> list[str]:
    """The cells of a module's first row (`_first_row_cells`) before the one opening with its dateline,
    when they hold no clause or sentence mark: another module's headline set beside the module's first
    column (``广东压减渔船     本报武汉10月22日电      意见明确，…``). In a row with no dateline, its
    first cell when that is a headline's piece (no clause mark, shorter than a column's line by
    `_SHORT_OF_MEASURE` cells: ``陪十``) and at least two cells follow it: the module beside may be one
    with no dateline of its own (`_module_read_across` then wants the other module's dateline at the
    rows' foot). Empty when the row has no such cells."""
    cells = _first_row_cells(raw)
    at = next((k for k, cell in enumerate(cells) if _DATELINE_SOURCE_RE.match(cell)), None)
    if at is None:
        piece = cells and measure is not None and display_width(cells[0]) <= measure - _SHORT_OF_MEASURE
        at = 1 if piece and len(cells) > _FULL_RESTS_TESTED else 0
    if any(_CLAUSE_MARK_RE.search(cell) for cell in cells[:at]):
        return []
    return cells[:at]


def _beside_headline(raw: str, columns: int, measure: float | None) -> tuple[list[str] | None, list[str]]:
    """A row of a module with another module's headline beside its first column, cut into the
    headline's cells and the module's (`_first_row_cells`: a column's line of one character ending a
    sentence, ``状。``, is a cell): the pieces before the first cell of text that hold a Han
    character or a digit (``4782艘``), the cells beyond the module's `columns` counted from the left,
    and a first cell that is a headline's piece (no clause mark, shorter than a column's line by
    `_SHORT_OF_MEASURE` cells: ``开幕式并宣布``) or the other module's dateline (``本报阳江10月22日电``,
    its text read under the rows). The headline's cells are None when one of them holds a clause mark
    (no headline's)."""
    pieces = [piece.strip() for piece in _NARROW_GAP_RE.split(raw) if piece.strip()]
    cells = _first_row_cells(raw)
    lead = pieces[: pieces.index(cells[0])] if cells else pieces
    heads = [piece for piece in lead if _HEAD_PIECE_RE.search(piece)]
    if len(cells) > columns:
        heads.extend(cells[: len(cells) - columns])
        cells = cells[len(cells) - columns :]
    elif cells and (
        _DATELINE_SOURCE_RE.match(cells[0])
        or (measure is not None and display_width(cells[0]) <= measure - _SHORT_OF_MEASURE)
    ):
        heads.append(cells.pop(0))
    if any(_CLAUSE_MARK_RE.search(head) for head in heads):
        return None, cells
    return heads, cells


# A piece of a headline read beside a module's text holds a Han character or a digit (no speck of a rule).
_HEAD_PIECE_RE = re.compile(f"[{HAN}0-9]")


# A column's rest read down under a module's rows holds at least this many lines.
_REST_LINES = 2


# A module of fewer rows than a band's is read with its rests when this many full columns (all but the
# last) have rests of one height.
_FULL_RESTS_TESTED = 2


# Lines under a module's rows looked at for the columns' rests.
_REST_LOOKAHEAD = 80


def _rests_read_down(
    raw_lines: list[str], k: int, rows: list[tuple[list[str], int]], columns: int
) -> list[list[tuple[str, int]]]:
    """The rest of each column of a module whose top rows the OCR read across and whose columns it
    then read down, one after another (``据新华社电 (记者闫起磊)   共产党，1990年退伍，1991  | 前去，…``
    / blank / ``在河北省行唐县…`` …): from line `k`, the seamless lines up to a seam or a dateline
    split into the columns' rests, each a run of whole blocks. A module's columns are set to one
    height, so every column but the last goes on for the same number of lines (at least
    `_REST_LINES`), each rest ending where the OCR left a blank line; the last column's rest is the
    block after them, no longer than the others, ending its sentence. The first column's last cell
    stops inside a sentence (its text goes on under the rows). Of the heights that fit, the tallest
    is taken (a shorter one leaves a block of the last column over). Each column's lines with their
    file lines; empty when the lines under the rows are no such rests."""
    first_column = [cells[0] for cells, _number in rows]
    if _ENDS_SENTENCE_RE.search(first_column[-1]):
        return []
    lines: list[tuple[str, int]] = []
    starts: set[int] = set()  # positions in `lines` where a block opens after a blank line
    blank = False
    for position in range(k, min(len(raw_lines), k + _REST_LOOKAHEAD)):
        raw = raw_lines[position].strip()
        if not raw:
            blank = True
            continue
        if _NARROW_GAP_RE.search(raw) or _DATELINE_SOURCE_RE.match(raw):
            break
        if blank and lines:
            starts.add(len(lines))
        blank = False
        lines.append((raw_lines[position], position + 1))
    starts.add(len(lines))
    fitting: list[int] = []
    for height in range(_REST_LINES, len(lines) // max(1, columns - 1) + 1):
        tail = (columns - 1) * height
        if tail >= len(lines) or not all(column * height in starts for column in range(1, columns)):
            continue
        end = min(start for start in starts if start > tail)
        if end - tail <= height and _ENDS_SENTENCE_RE.search(lines[end - 1][0].strip()):
            fitting.append(height)
    if not fitting:
        return []
    height = max(fitting)
    tail = (columns - 1) * height
    end = min(start for start in starts if start > tail)
    rests = [lines[column * height : (column + 1) * height] for column in range(columns - 1)]
    return [*rests, lines[tail:end]]


def _last_row_partly_across(
    raw_lines: list[str], k: int, rows: list[tuple[list[str], int]], columns: int, measure: float | None
) -> dict[int, tuple[str, int]]:
    """The module's last row read partly across and partly cell by cell (``国家生态安全屏障，将生态领 |
    标率为100%。`` / blank / ``命名自治区级生态县17个，`` / blank / ``沙治沙、…`` / …): line `k` holds the
    first columns' cells, fewer than the module has columns, and the columns on its right whose text
    has not ended (`_columns_ended`) each go on in one block of one line under it
    (`_row_read_cell_by_cell`), as many blocks as such columns. Each column's line of that row with
    its file line; empty when line `k` is no such row."""
    raw = raw_lines[k].strip() if k < len(raw_lines) else ""
    cells = _row_cells(raw) if raw else []
    if not cells or len(cells) >= columns or not _NARROW_GAP_RE.search(raw):
        return {}
    if _CAPTION_RE.match(cells[0]) or _DATELINE_SOURCE_RE.match(cells[0]):
        return {}
    open_columns = [
        column
        for column in range(len(cells), columns)
        if not _columns_ended(rows, column, column + 1, measure)
    ]
    blocks = _row_read_cell_by_cell(raw_lines, k + 1, len(open_columns), measure)
    if not open_columns or len(blocks) != len(open_columns):
        return {}
    return {
        **{column: (cell, k + 1) for column, cell in enumerate(cells)},
        **dict(zip(open_columns, blocks, strict=True)),
    }


def _columns_ended(
    rows: list[tuple[list[str], int]], start: int, columns: int, measure: float | None = None
) -> bool:
    """Whether every column of a module from `start` on has ended in the rows read so far: its last
    cell ends a sentence, or is a paragraph's last line, shorter than the page's column measure
    (`_short_last_line`: the OCR lost its end mark, ``卫生问题等达成一致``). A row with fewer cells than the module has columns leaves those columns
    empty; one whose columns on the right still go on holds two columns in a cell (a gutter read as
    one space), and is no row of the module."""
    for column in range(start, columns):
        cells = [row[column] for row, _number in rows if column < len(row)]
        if cells and not _ENDS_SENTENCE_RE.search(cells[-1]) and not _short_last_line(cells[-1], measure):
            return False
    return True


def _row_read_cell_by_cell(
    raw_lines: list[str], start: int, columns: int, measure: float | None = None
) -> list[tuple[str, int]]:
    """The row under a module read across that the OCR read cell by cell, each cell a block of one
    line (``王岐山表示，在以习近平`` / blank / ``为人民服务的宗旨，体现了中`` / blank / …): from `start`,
    the blocks of one line that hold a clause or sentence mark, or span the page's column measure
    (`_full_column_line`), and no column seam, at most `columns`
    of them, each the next line of the module's columns from the left. Their lines, with their file
    lines."""
    cells: list[tuple[str, int]] = []
    k = start
    while k < len(raw_lines) and len(cells) < columns:
        while k < len(raw_lines) and not raw_lines[k].strip():
            k += 1
        line = raw_lines[k].strip() if k < len(raw_lines) else ""
        alone = k + 1 >= len(raw_lines) or not raw_lines[k + 1].strip()
        if (
            not line
            or not alone
            or not k > start  # a blank line parts the row from the module's rows
            or _NARROW_GAP_RE.search(line)
            or not (_CLAUSE_MARK_RE.search(line) or _full_column_line(line, measure))
            or _DATELINE_SOURCE_RE.match(line)
        ):
            break
        cells.append((line, k + 1))
        k += 1
    return cells
