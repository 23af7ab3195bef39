"""The page's text as numbered lines in reading order: lines an OCR engine read across columns set side
by side cut apart (headlines beside text, two columns of text in a band), a copy with one line a
paragraph wrapped to a column, misread brackets and dateline digits put right, and a closing note, a
dateline or a column label the column wrapped or the OCR read apart put back on one line."""

from __future__ import annotations

import re

from storage.ingest.line_split.cells import (
    _CLAUSE_MARK_RE,
    _COLUMN_GAP_RE,
    _DATELINE_SOURCE_RE,
    _EMPTY_FIRST_COLUMN_RE,
    _ENDS_SENTENCE_RE,
    _HEADLINE_HAN,
    _MEASURE_SLACK,
    _NARROW_GAP_RE,
    _SHORT_OF_MEASURE,
    _TEXT_BAND_HAN,
    _TEXT_BAND_ROWS,
    _block_under,
    _first_row_cells,
    _full_column_line,
    _mark_narrow_gutters,
    _row_cells,
    _short_last_line,
    column_measure,
)
from storage.ingest.line_split.head_lines import _run_in_space_as_indent, _split_headline_datelines
from storage.ingest.line_split.misreadings import is_rule_specks, mend_misreadings
from storage.ingest.line_split.unwrapped import _set_unwrapped
from storage.ingest.line_split.wrapped_lines import (
    _mend_label_read_apart,
    _mend_wrapped_credits,
    _mend_wrapped_datelines,
    _mend_wrapped_notes,
    _mend_wrapped_subtitles,
)
from storage.ingest.page_fragments import word_across
from storage.ingest.page_lines import (
    _CAPTION_RE,
    _DATELINE_RE,
    _HAN_RE,
    _MULTI_SPACE_RE,
    _PAGE_DATE_RE,
    _PAPER_NAME_RE,
    _SENTENCE_END,
    HAN,
    _Line,
    _paper_name,
    display_width,
    is_masthead_item,
    is_page_furniture,
)


def _split_side_by_side(raw_lines: list[str], measure: float | None = None) -> list[tuple[str, int]]:
    """Lines an OCR engine read across columns set side by side (two headlines next to each other,
    ``天津高新区          郭声琨在…强调`` / ``真招实招防疫 真金白银          以强有力措施…`` / ``减负          新华社
    北京2月22日电 中共          等进出…``): where two lines or more in a row, blank lines aside, hold a
    run of spaces, each is cut there and the pieces are read column by column, one block each (a
    dateline apart): the other columns first, the left column last, right over the text the OCR reads
    next, which is that column's. A band of a story's two columns of text read across, line by line,
    is read as printed, the left column first (`_text_band_reading`): the right one right after it when
    the text under the band goes on from the right one, or after the block under the band when that
    block is the left column's rest. A gap is a bar or six spaces; a run of three spaces is one too inside
    such a band, or in a band of lines that each hold one (``王毅分别同意大利外长、   可9`` / ``伊朗外长
    通电话     全力做好…``), as Tesseract reads columns set close together (`_narrow_cut`). A column
    of text lines read beside a dateline (`_text_columns`) is read at the page's end instead. A single
    such line is left as it is (a gap inside one body line is text the OCR lost there, not a column),
    but for two headlines side by side, a headline beside text, and one line of a story's two columns
    whose right piece goes on from the block above it (`_line_across_columns`). A row of specks read
    across under a band of columns' text is the rule over the headlines of the next modules
    (`_rule_between_modules`): the band stops there, the column ending its sentence read last
    (`_ending_column_last`), and the rows under the rule are a band of their own, its specks dropped and
    its datelines' heads read apart put over their rest (`_cell_under_rule`, `_heads_over_rest`).
    A module's bottom rows read across after its columns' upper parts each go to the columns they
    end (`_rows_read_after_columns`). A line with a seam right over a module read across is that
    module's row of headlines, cut like a band: two headlines side by side there (a wide gap) go each
    over its own module, the left one over the module under it and the right one over the next module
    read across, the one beside it; a band right over a module with another module's headline beside
    its rows gives that headline its left column and reads its other columns as one headline.
    Each line comes with its 1-based line number in the file: a cut line's pieces all carry the line
    they came from (a blank line the cut adds, the band's first)."""
    out: list[tuple[str, int]] = []
    tail: list[tuple[str, int]] = []  # text columns read beside headlines, read at the page's end
    pending: list[tuple[str, int]] = []  # a headline read beside text, read over the next dateline
    pending_over = len(raw_lines)  # a module starting after this line gets the pending headline
    position = 0
    heads: list[tuple[str, int]] = []  # datelines' heads read apart from their rest
    under_rule = -1  # the line after a rule under a band of columns' text: the headlines' band starts there
    over_heads: list[tuple[str, int]] = []  # a band's left column over a module with a headline beside it
    while position < len(raw_lines):
        if module := _module_read_across(raw_lines, position, measure, over_heads):
            over_heads = []
            if pending and position > pending_over:
                out.extend(pending)  # the headline beside the last module's, over the next one
                pending, pending_over = [], len(raw_lines)
            # A story's module read across, row by row, from its dateline: read column by column.
            out.extend(module)
            position = module[-1][1]
            continue
        if after := _rows_read_after_columns(out, raw_lines, position):
            # A module's rows read across after its columns' upper parts: each column's cells put
            # under the block of it that they go on from.
            out, position = after
            if position < len(raw_lines) and _rule_between_modules(raw_lines[position]):
                position = under_rule = position + 1  # the rule over the next modules' headlines
            continue
        band: list[int] = []
        rule = None  # a row of specks read across the columns under the band's text: the rule
        over_module = False  # the band ends over a story's module read across
        scan = position
        while scan < len(raw_lines):
            if not raw_lines[scan].strip():
                scan += 1
                continue
            if _module_read_across(raw_lines, scan, measure):
                over_module = True  # a story's module read across starts here: read on its own
                break
            if (
                not _NARROW_GAP_RE.search(raw_lines[scan].strip())
                or _paper_name(raw_lines[scan])
                or _masthead_strip(raw_lines[scan])
            ):
                break  # no columns, or the masthead's name with specks beside it, or its strip of items
            if _rule_between_modules(raw_lines[scan]) and _text_rows(raw_lines, band) >= _TEXT_ROWS_OVER_RULE:
                rule = scan  # the rule under the band's text: the headlines of the modules under it next
                break
            band.append(scan)
            scan += 1
        if (
            len(band) == 1
            and over_module
            and _DATELINE_SOURCE_RE.match(raw_lines[scan].strip())
            and (pair := _headline_pair(raw_lines[band[0]], _COLUMN_GAP_RE))
        ):
            # Two headlines side by side right over a module read across from its dateline: the left
            # one is that module's, right over it; the right one heads the module set beside it,
            # which the OCR reads after this one, so it is read over the next module.
            out.extend((raw_lines[k], k + 1) for k in range(position, band[0]))
            out.extend([("", band[0] + 1), (pair[0], band[0] + 1)])
            pending, pending_over = [("", band[0] + 1), (pair[1], band[0] + 1)], scan
            position = band[0] + 1
            continue
        if len(band) == 1 and position == band[0] and (pair := _headline_pair(raw_lines[position])):
            # Two headlines set side by side, read as one line with a bar between them: the right
            # one first, a block of its own, and the left one right over the text the OCR reads next.
            out.extend(
                [("", position + 1), (pair[1], position + 1), ("", position + 1), (pair[0], position + 1)]
            )
            position += 1
            continue
        if len(band) == 1 and position == band[0] and (beside := _headline_beside_text(raw_lines, position)):
            # A headline set beside a column's text, read across two lines: the text read in place,
            # the headline a block of its own over the next dateline the OCR reads (its module's text).
            text_pieces, headline = beside
            out.extend((piece, position + 1 + k) for k, piece in enumerate(text_pieces) if piece)
            pending = [("", position + 1), *((piece, position + 1 + k) for k, piece in enumerate(headline))]
            position += 2
            continue
        if (
            len(band) == 1
            and position == band[0]
            and (across := _line_across_columns(out, raw_lines, position))
        ):
            # One line of two columns' text read across (``…全国森林 | 新，森林体验…``): read as printed.
            out, position = across
            continue
        if len(band) < 2 and not (band and over_module):
            # One line read across is text the OCR lost a gap in, but right over a module read
            # across it is that module's row of headlines set side by side.
            if pending and _DATELINE_SOURCE_RE.match(raw_lines[position]):
                out.extend([*pending, ("", position + 1)])
                pending = []
            out.append((raw_lines[position], position + 1))
            position += 1
            continue
        # Blank lines before the band.
        out.extend((raw_lines[k], k + 1) for k in range(position, band[0]))
        rows = [_COLUMN_GAP_RE.split(raw_lines[k].strip()) for k in band]
        columns = max(len(row) for row in rows)
        if columns < 2:
            # A band whose gaps are all narrow (``王毅分别同意大利外长、   可9`` / ``全朗外长通电全     全力…``).
            columns = max(len(_NARROW_GAP_RE.split(raw_lines[k].strip())) for k in band)
        pieces = [(_narrow_cut(raw_lines[k], row, columns), k + 1) for k, row in zip(band, rows, strict=True)]
        texts = _text_columns([row for row, _number in pieces], columns)
        for column in texts:
            # A column's text lines read beside a headline or a dateline: the OCR read the lines above
            # and under them elsewhere, so they are read last, a block of their own, for the joining
            # step to put back where their sentences go on.
            tail.append(("", band[0] + 1))
            tail.extend((row[column], number) for row, number in pieces if column < len(row) and row[column])
        reading = None if texts else _text_band_reading(pieces)
        order = [0, 1] if reading else [*range(1, columns), 0]
        if (
            over_module
            and not reading
            and not texts
            and band[-1] + 1 == scan
            and _headline_cells_over(raw_lines[scan], measure)
        ):
            # Right over a module with another module's headline beside it: the band's left column
            # is that headline's top, read with the rest of it, and the other columns hold the
            # module's own headline, read in pieces.
            over_heads = [(row[0], number) for row, number in pieces if row and row[0]]
            order = order[:-1] if over_heads else order
        if rule is not None and not reading:
            order = _ending_column_last(pieces, order)
        # The left column going on under the band: its lines there, up to the next blank line, read
        # before the right column, as printed.
        under = _block_under(raw_lines, band[-1] + 1) if reading == "left goes on" else []
        for column in order:
            if column in texts:
                continue
            if column == 1 and under:
                out.append(("", under[0][1]))
                out.extend(under)
            if not over_heads or column == order[0]:
                out.append(("", band[0] + 1))  # over a module beside a headline: its own headline, one block
            for row, number in pieces:
                kind = _cell_under_rule(row[column], column == order[-1]) if column < len(row) else ""
                if band[0] == under_rule and kind == "speck":
                    continue
                if band[0] == under_rule and kind == "head":
                    heads.append((row[column], number))
                    continue
                if column < len(row):
                    if _DATELINE_SOURCE_RE.match(row[column]) and out and out[-1][0]:
                        out.append(("", number))  # a dateline under the headline: the story's text starts
                    out.append((row[column], number))
        position = under[-1][1] if under else band[-1] + 1
        if rule is not None and position == rule:
            out.append(("", rule + 1))  # the rule parts the band's text from the headlines under it
            position = under_rule = rule + 1
        elif _headline_under_band(raw_lines, position, measure):
            out.append(("", position + 1))  # a headline right under the band opens the next module
    return _heads_over_rest([*out, *pending, *tail], heads)


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


def _headline_under_band(raw_lines: list[str], k: int, measure: float | None) -> bool:
    """Whether line `k`, right under a band of columns read across with no blank line between, is the
    next module's headline, no column's text (``…公安机关找到了其“| 地每月将…`` / ``西藏去年投入117亿元
    筑生态屏障`` / blank): a line of Han text wider than the page's column measure (set across the
    module, no column's line: ``2月4日同苏丹共和国`` under a band is its column's last line), with no
    seam, no clause or sentence mark, and a blank line under it."""
    if measure is None or k + 1 >= len(raw_lines) or raw_lines[k + 1].strip():
        return False
    line = raw_lines[k].strip()
    return (
        display_width(line) > measure + _MEASURE_SLACK
        and len(_HAN_RE.findall(line)) >= _HEADLINE_HAN
        and not _NARROW_GAP_RE.search(line)
        and not _CLAUSE_MARK_RE.search(line)
    )


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


def _cell_under_rule(cell: str, last_column: bool) -> str:
    """How a cell of the band of headlines under a rule (`_rule_between_modules`) is read: ``"speck"``
    for specks beside a headline (`_SPECK_CELL_RE`), dropped; ``"head"`` for a dateline's head under a
    headline read before the band's last column (``本报北京10月28``), its rest (``日电…``) read by the OCR
    elsewhere, where it is put (`_heads_over_rest`); ``""`` for any other cell, read in place. The last
    column's dateline is followed by its own text, the block the OCR reads next."""
    if _SPECK_CELL_RE.match(re.sub(r"\s", "", cell)):
        return "speck"
    if not last_column and _DATELINE_HEAD_RE.match(cell):
        return "head"
    return ""


def _heads_over_rest(pairs: list[tuple[str, int]], heads: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Datelines' heads read apart (``本报北京10月28``), each put over the first block that opens with its
    rest (``日电 《记者赵兵) 近``: with it, a whole dateline) and has no such head over it; a head whose
    rest no block opens with is read last, a block of its own."""
    out = list(pairs)
    for head, number in heads:
        spot = next(
            (
                k
                for k in range(1, len(out))
                if not out[k - 1][0].strip()
                and _DATELINE_RE.fullmatch(head + re.split(r"[ \t\u3000（(〈《]", out[k][0].strip())[0])
                and not any(_DATELINE_HEAD_RE.match(raw) for raw, _n in out[max(0, k - 2) : k])
            ),
            None,
        )
        if spot is None:
            out.extend([("", number), (head, number)])
        else:
            out[spot - 1 : spot - 1] = [("", number), (head, number)]
    return out


# A cell of a band under a rule that is a speck, no headline's: no Han character or digit, at most three
# marks or letters (``JS     _``).
_SPECK_CELL_RE = re.compile(r"^[^\u4e00-\u9fff0-9]{1,3}$")


# A dateline's head alone, ending on its date's digits, its ``日电`` not read with it (``本报北京10月28``).
_DATELINE_HEAD_RE = re.compile(r"^\s*(?:本报|据?新华社)[\u4e00-\u9fff]{0,10}\s*[0-9]{1,2}月[0-9]{1,2}日?$")


# A band over a rule holds at least this many rows of its columns' text (`_text_rows`).
_TEXT_ROWS_OVER_RULE = 2


# The most Han characters in a row of specks (the OCR's reading of a printed rule) read together.
_SPECK_HAN_RUN = 3


def _rule_between_modules(raw: str) -> bool:
    """A line that is the OCR's reading of the rule printed between a band of columns' text and the
    headlines of the modules under it (``A    ma AH 了已   一       4        SRf半Fn人入工| mi大开甩<``):
    rule glyphs only (`is_rule_specks`), or no run of more than `_SPECK_HAN_RUN` Han characters and
    fewer Han characters than letters, digits and marks (specks, no words)."""
    text = raw.strip()
    if not text:
        return False
    if is_rule_specks(text):
        return True
    runs = re.findall(f"[{HAN}]+", text)
    others = len(re.sub(f"[{HAN}\\s]", "", text))
    return max(map(len, runs), default=0) <= _SPECK_HAN_RUN and sum(map(len, runs)) < others


def _text_rows(raw_lines: list[str], band: list[int]) -> int:
    """How many of a band's rows hold two pieces of a column's text or more (`_TEXT_BAND_HAN` Han
    characters each, a clause or sentence mark in one of them): rows of columns' text read across."""
    count = 0
    for k in band:
        pieces = [piece for piece in _NARROW_GAP_RE.split(raw_lines[k].strip()) if piece.strip()]
        texts = [piece for piece in pieces if len(_HAN_RE.findall(piece)) >= _TEXT_BAND_HAN]
        if len(texts) >= 2 and any(_CLAUSE_MARK_RE.search(piece) for piece in texts):
            count += 1
    return count


def _ending_column_last(pieces: list[tuple[list[str], int]], order: list[int]) -> list[int]:
    """A band of columns' text over a rule, read so that the one column whose last line ends a sentence
    comes last: its module's text ends there, and the headlines under the rule open the next modules.
    The other columns keep their order; with no such column, or more than one, `order` is kept."""
    ending = [
        column
        for column in order
        if _ENDS_SENTENCE_RE.search(
            next(
                (
                    row[column].strip()
                    for row, _n in reversed(pieces)
                    if column < len(row) and row[column].strip()
                ),
                "",
            )
        )
    ]
    if len(ending) != 1:
        return order
    return [*(column for column in order if column != ending[0]), ending[0]]


# A bar the OCR read between two headlines set side by side (``阅读中国”图书展暨”中印文化交流图片 。 |
# 俄罗斯总统普京``): Tesseract reads a printed rule as an ASCII bar; a full-width ``｜`` is typed, a text
# page's separator (``B03｜都市``). And a speck it read after a piece (`` 。``).
_HEADLINE_BAR_RE = re.compile("[ \t\u3000]*[|][ \t\u3000]*")


_TRAILING_SPECK_RE = re.compile("[ \t\u3000]+[。.，,、·]$")


# A piece of such a line that no headline holds: a clause or sentence mark inside it.
_NOT_HEADLINE_PIECE_RE = re.compile("[，,；;：:、。！？!?]")


def _masthead_strip(raw: str) -> bool:
    """The masthead's items read as one line, standing far apart (``2020年1月8日 星期三          人民日报
    第16版 要闻``): a strip of the page's furniture, no column of a band."""
    parts = [part for part in re.split("[ \t\u3000]{2,}", raw.strip()) if part]
    return (
        len(parts) >= 2
        and any(_PAGE_DATE_RE.search(part) for part in parts)
        and all(
            _PAPER_NAME_RE.match(_MULTI_SPACE_RE.sub("", part))
            or is_masthead_item(part)
            or is_page_furniture(part)
            for part in parts
        )
    )


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
    printed: the left piece with the block under it, then the block above with the right piece.
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
    apart = out[above_end:] or [("", number)]  # the blank lines between the block above and the line
    rearranged = [*out[:above_start], (left, number), *under, *apart, *above, (right, number)]
    return rearranged, under[-1][1]


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


# A piece of a band that is a line of a column's text, not a headline: a sentence mark inside it, or
# two clause marks (``成效明显。优化加工贸易监管，完善信``, ``家主权、安全、发展利益，积极服务构建人类命``).
_TEXT_PIECE_RE = re.compile(f"[{_SENTENCE_END}；;](?=.*[{HAN}])|[，、,].*[，、,]")


# A piece this short beside a column's text is a speck of it (``言``, ``主目发言``).
_SPECK_PIECE_CHARS = 4


def _text_columns(rows: list[list[str]], columns: int) -> set[int]:
    """The columns of a band that hold only one or two lines of a column's text (`_TEXT_PIECE_RE`, at
    least ten Han characters; short specks aside) while another column of the band opens a story with
    its dateline: the top lines of a column whose text the OCR read elsewhere, read across with the
    headline or dateline of the module beside it. A band of a story's columns read across, line by
    line, has none."""

    def text(piece: str) -> bool:
        return len(_HAN_RE.findall(piece)) >= 10 and bool(_TEXT_PIECE_RE.search(piece))

    cells = [
        [row[column].strip() for row in rows if column < len(row) and row[column].strip()]
        for column in range(columns)
    ]
    found = {
        column
        for column in range(columns)
        if 1 <= sum(map(text, cells[column])) <= 2
        and all(text(cell) or len(cell) <= _SPECK_PIECE_CHARS for cell in cells[column])
    }
    datelines = {
        column for column in range(columns) if any(_DATELINE_SOURCE_RE.match(cell) for cell in cells[column])
    }
    return found if datelines - found else set()


def _text_band_reading(pieces: list[tuple[list[str], int]]) -> str | None:
    """How to read a band of two columns of a story's text read across, line by line (at least
    `_TEXT_BAND_ROWS` lines hold `_TEXT_BAND_HAN` Han characters or more in both columns): ``"as
    printed"`` (the left column, then the right one) when the left column ends a sentence and the
    right one stops inside one, so the text under the band goes on from the right column; ``"left
    goes on"`` when both stop inside a sentence: the text under the band is the left column's rest, and
    the right column follows it. None for any other band."""
    rows = [row for row, _number in pieces]
    if any(len(row) > 2 for row in rows):
        return None
    both = [
        row for row in rows if len(row) == 2 and all(len(_HAN_RE.findall(p)) >= _TEXT_BAND_HAN for p in row)
    ]
    if len(both) < _TEXT_BAND_ROWS:
        return None
    left = [row[0].strip() for row in rows if row[0].strip()]
    right = [row[1].strip() for row in rows if len(row) == 2 and row[1].strip()]
    if _ENDS_SENTENCE_RE.search(right[-1]):
        return None
    return "as printed" if _ENDS_SENTENCE_RE.search(left[-1]) else "left goes on"


def _narrow_cut(raw: str, row: list[str], columns: int) -> list[str]:
    """A band's line cut into fewer pieces than the band has columns, cut again with the band's own
    measure: a run of three spaces between two pieces, and a wide indent before the first (an empty
    first column), as Tesseract spaces columns set close together (``二生泽夺现     稳投资          员…``,
    ``        为高质量发展注入内生动力          |``). The new cut stands only when it gives no more pieces
    than the band has columns; otherwise the line keeps its cut."""
    if len(row) >= columns:
        return row
    narrow = _NARROW_GAP_RE.split(raw.strip())
    if _EMPTY_FIRST_COLUMN_RE.match(raw):
        narrow = ["", *narrow]
    return narrow if len(row) < len(narrow) <= columns else row


def _split_lines(text: str) -> tuple[list[_Line], dict[int, int]]:
    """The page's non-blank lines, numbered in reading order (a side-by-side band cut into its columns,
    `_split_side_by_side`), and each number's line in the file: the number `--explain` shows."""
    lines: list[_Line] = []
    file_lines: dict[int, int] = {}
    blank = True
    angle_pairs = "〉" in text
    raw_lines = text.splitlines()
    measure = column_measure(raw_lines)
    pairs = _run_in_space_as_indent(
        _split_headline_datelines(
            _set_unwrapped(_split_side_by_side(_mark_narrow_gutters(raw_lines, measure), measure))
        )
    )
    for number, (raw, file_line) in enumerate(pairs, start=1):
        file_lines[number] = file_line
        stripped = mend_misreadings(raw.rstrip(), angle_pairs=angle_pairs)
        if not stripped.strip():
            blank = True
            continue
        if is_rule_specks(stripped):
            continue  # the page's rules, read as a line: nothing of the text around it
        lines.append(_Line(number, stripped, blank))
        blank = False
    mended = _mend_wrapped_credits(
        _mend_wrapped_notes(_mend_wrapped_subtitles(_mend_wrapped_datelines(lines)))
    )
    return _mend_label_read_apart(mended), file_lines
