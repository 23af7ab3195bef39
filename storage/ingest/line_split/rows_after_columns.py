"""A module's bottom rows the OCR read across after it read each column's upper part down: the rows
cut into cells, the blocks read before them split into the columns they end, and each column's cells
put under its blocks."""

from __future__ import annotations

from storage.ingest.line_split.cells import (
    _CLAUSE_MARK_RE,
    _DATELINE_SOURCE_RE,
    _ENDS_SENTENCE_RE,
    _HEADLINE_HAN,
    _NARROW_GAP_RE,
    _first_row_cells,
    _full_column_line,
)
from storage.ingest.page_lines import _CAPTION_RE, _HAN_RE, display_width


def _rows_read_after_columns(
    out: list[tuple[str, int]], raw_lines: list[str], position: int
) -> tuple[list[tuple[str, int]], int] | None:
    """A module's bottom rows that the OCR read across after it read each column's lines above them
    down, one column after another (``…全市4`` / blank / ``在口置、…`` … then ``084家药店开门营业，但目前
    仍存   湖店中，蔬菜有20多个品种，大白   关省份，…``): the rows from `position` (blank lines before
    them skipped), each cut at its column seams (`_first_row_cells`), the first into at least
    `_AFTER_COLUMNS_CELLS` cells, each row under it into as many or fewer (columns that have ended
    leave their cells empty, at the right), each row a row of text (`_text_row`: no headlines side by
    side), and the blocks read just before them, back to the
    module's start (`_module_blocks_above`), or to the starts of two modules set side by side whose
    rows the OCR read as one, that split into as many runs of whole blocks as the first row has
    cells, each module's runs of one height (a module's columns are set to one height, at least
    `_UPPER_LINES` lines above the rows; `_column_ends`). Some column's last cell ends a sentence
    (a module ends there). Rows under them, blank lines between, that go on in the columns left open
    only are theirs too (`_rows_of_open_columns`). Each column is read as printed: its run of blocks,
    then its cells. Returns the lines read so far, so rearranged, and where to read on; None for any
    other line."""
    rows: list[list[tuple[str, int]]] = []
    k = position
    while k < len(raw_lines) and not raw_lines[k].strip():
        k += 1
    while k < len(raw_lines) and raw_lines[k].strip() and _NARROW_GAP_RE.search(raw_lines[k].strip()):
        cells = _first_row_cells(raw_lines[k])
        if len(cells) < (_AFTER_COLUMNS_CELLS if not rows else 2) or (rows and len(cells) > len(rows[-1])):
            break
        rows.append([(cell, k + 1) for cell in cells])
        k += 1
    if not rows or _DATELINE_SOURCE_RE.match(rows[0][0][0]) or _CAPTION_RE.match(rows[0][0][0]):
        return None
    columns = len(rows[0])
    for modules in range(1, _AFTER_COLUMNS_MODULES + 1):
        found = _module_blocks_above(out, modules)
        if found is not None and (ends := _column_ends(out, found, columns)):
            break
    else:
        return None
    blocks = [block for module in found for block in module]
    measure = _blocks_measure(out, blocks)
    kept = next((n for n, row in enumerate(rows) if n and not _text_row(row, measure)), len(rows))
    rows, k = rows[:kept], rows[kept - 1][0][1]
    cells_of = [[row[column] for row in rows if column < len(row)] for column in range(columns)]
    if not any(_ENDS_SENTENCE_RE.search(cells[-1][0]) for cells in cells_of):
        return None
    k = _rows_of_open_columns(raw_lines, k, cells_of, measure)
    read = list(out[: blocks[0][0]])
    for index, (start, end) in enumerate(blocks):
        read.extend(out[start:end])
        if index in ends:
            read.extend(cells_of[ends.index(index)])
        following = blocks[index + 1][0] if index + 1 < len(blocks) else len(out)
        read.extend(out[end:following])
    return [*read, ("", k)], k


def _blocks_measure(out: list[tuple[str, int]], blocks: list[tuple[int, int]]) -> float:
    """The width most of the blocks' lines are set to: their columns' measure."""
    widths = [
        round(display_width(text.strip()))
        for start, end in blocks
        for text, _n in out[start:end]
        if text.strip()
    ]
    return float(max(set(widths), key=widths.count))


def _text_row(row: list[tuple[str, int]], measure: float) -> bool:
    """Whether a row of cells is a row of columns' text, no headlines set side by side: a cell holds a
    clause or sentence mark, or every cell spans the columns' `measure`."""
    cells = [cell for cell, _number in row]
    return any(_CLAUSE_MARK_RE.search(cell) for cell in cells) or all(
        _full_column_line(cell, measure) for cell in cells
    )


def _rows_of_open_columns(
    raw_lines: list[str], k: int, cells_of: list[list[tuple[str, int]]], measure: float
) -> int:
    """The rows under a module's bottom rows read after its columns, blank lines between, that go on
    in the columns whose last cell stops inside a sentence (``5起。在一些具有代表性案件  线索上报研判交
    办制度，即各“| 20日，抚顺市公安局侦办了``: a taller module's columns beside one that ended): each
    row holds one cell for each such column (at least two) and is a row of text (`_text_row`); its
    cells are added to `cells_of` from the left. Returns where to read on."""
    while True:
        row = k
        while row < len(raw_lines) and not raw_lines[row].strip():
            row += 1
        if row >= len(raw_lines) or not _NARROW_GAP_RE.search(raw_lines[row].strip()):
            return k
        open_columns = [cells for cells in cells_of if not _ENDS_SENTENCE_RE.search(cells[-1][0])]
        found = _first_row_cells(raw_lines[row])
        if (
            len(open_columns) < 2
            or len(found) != len(open_columns)
            or not _text_row([(cell, row + 1) for cell in found], measure)
        ):
            return k
        for cells, cell in zip(open_columns, found, strict=True):
            cells.append((cell, row + 1))
        k = row + 1


# A row read after its columns holds at least this many cells (fewer: two pieces of any line).
_AFTER_COLUMNS_CELLS = 3


# The rows read after the columns may end this many modules set side by side (``淮南…`` beside ``辽宁…``).
_AFTER_COLUMNS_MODULES = 2


def _column_ends(out: list[tuple[str, int]], modules: list[list[tuple[int, int]]], columns: int) -> list[int]:
    """The index of each column's last block among the modules' blocks (in order) when each module's
    blocks split into runs of whole blocks of one height (at least `_UPPER_LINES` lines), the modules'
    runs `columns` in all; with two modules, only when one share of the columns between them fits.
    Empty when none fits."""
    fits: list[list[int]] = []
    for shares in _shares(columns, len(modules)):
        ends: list[int] = []
        offset = 0
        for module, share in zip(modules, shares, strict=True):
            module_ends = _runs_of_one_height(out, module, share)
            if not module_ends:
                break
            ends.extend(offset + index for index in module_ends)
            offset += len(module)
        else:
            fits.append(ends)
    return fits[0] if len(fits) == 1 else []


def _shares(columns: int, modules: int) -> list[tuple[int, ...]]:
    """Every way to share `columns` among `modules` modules, one column each at least."""
    if modules == 1:
        return [(columns,)]
    return [(first, *rest) for first in range(1, columns) for rest in _shares(columns - first, modules - 1)]


def _runs_of_one_height(out: list[tuple[str, int]], blocks: list[tuple[int, int]], columns: int) -> list[int]:
    """The index in `blocks` of each column's last block when the blocks split into `columns` runs of
    whole blocks of one height (at least `_UPPER_LINES` lines); empty when they do not."""
    heights = [sum(1 for text, _number in out[start:end] if text.strip()) for start, end in blocks]
    height, left = divmod(sum(heights), columns)
    if left or height < _UPPER_LINES:
        return []
    ends: list[int] = []
    total = 0
    for index, lines in enumerate(heights):
        total += lines
        if total % height == 0:
            ends.append(index)
    return ends if len(ends) == columns and ends[-1] == len(blocks) - 1 else []


# Each column of a module whose bottom rows were read after its columns holds at least this many lines
# above the rows.
_UPPER_LINES = 2


def _module_blocks_above(out: list[tuple[str, int]], modules: int = 1) -> list[list[tuple[int, int]]] | None:
    """The blocks of column text at the end of the lines read so far, as (start, end) positions in
    `out`, module by module, back to the start of the last `modules` modules: a module starts with the
    block opening with a dateline (from its dateline line), or under a headline (a block with no
    clause or sentence mark), a caption or a line read across; the headlines between two modules are
    no blocks of them, and a caption or a line read across ends the walk. A block of one short line
    with no mark (``新华社记``, a piece of a picture's credit) is a speck between the columns, no block
    of them. None when fewer modules than `modules` are found, or a module of no block, or fewer
    than two blocks in all."""
    # The modules from the last one up, each one's blocks from the last one up.
    found: list[list[tuple[int, int]]] = [[]]
    end = len(out)
    while end > 0 and len(found) <= modules:
        while end > 0 and not out[end - 1][0].strip():
            end -= 1
        start = end
        while start > 0 and out[start - 1][0].strip():
            start -= 1
        lines = [text.strip() for text, _number in out[start:end]]
        block_end, end = end, start
        if not lines or any(_NARROW_GAP_RE.search(line) or _CAPTION_RE.match(line) for line in lines):
            break
        if (
            len(lines) == 1
            and len(_HAN_RE.findall(lines[0])) < _HEADLINE_HAN
            and not _CLAUSE_MARK_RE.search(lines[0])
        ):
            continue  # a speck between the columns (a piece of a picture's credit): left where it is
        dateline = next((n for n, line in enumerate(lines) if _DATELINE_SOURCE_RE.match(line)), None)
        if dateline is None and not any(_CLAUSE_MARK_RE.search(line) for line in lines):
            if found[-1]:
                found.append([])  # a headline: the module under it starts there
            continue
        found[-1].append((start + (dateline or 0), block_end))
        if dateline is not None:
            found.append([])  # the module starts with its dateline
    modules_found = [module[::-1] for module in found if module][::-1]
    if len(modules_found) < modules or sum(map(len, modules_found)) < 2:
        return None
    return modules_found[-modules:]
