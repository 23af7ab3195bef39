"""The page's text as numbered lines in reading order: lines an OCR engine read across columns set side
by side cut apart (headlines beside text, two columns of text in a band), a copy with one line a
paragraph wrapped to a column, misread brackets and dateline digits put right, and a closing note, a
dateline or a column label the column wrapped or the OCR read apart put back on one line.

`_split_lines` runs the passes in order; `_split_side_by_side` walks the raw lines with a reading
state (`_SideBySideReading`: the lines read and what they leave open, one method a kind of line read)
and is the one place that orders the readers of lines read across columns. The pieces live in
`storage.ingest.line_split`: the measures of one line (`cells`), the readers (`modules`: a story's
module read across from its dateline; `rows_after_columns`: a module's bottom rows read after its
columns; `lines_across`: one line alone read across two columns; `bands`: a band of lines read across
columns), the passes over the lines in reading order (`unwrapped`, `head_lines`, `wrapped_lines`) and
the misreadings put right (`misreadings`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from storage.ingest.line_split.bands import (
    _TEXT_ROWS_OVER_RULE,
    _cell_under_rule,
    _ending_column_last,
    _headline_under_band,
    _heads_over_rest,
    _masthead_strip,
    _narrow_cut,
    _rule_between_modules,
    _text_band_reading,
    _text_columns,
    _text_rows,
)
from storage.ingest.line_split.cells import (
    _COLUMN_GAP_RE,
    _DATELINE_SOURCE_RE,
    _NARROW_GAP_RE,
    _block_under,
    _mark_lost_seams,
    _mark_narrow_gutters,
    column_measure,
)
from storage.ingest.line_split.head_lines import _run_in_space_as_indent, _split_headline_datelines
from storage.ingest.line_split.lines_across import _headline_beside_text, _headline_pair, _line_across_columns
from storage.ingest.line_split.misreadings import is_rule_specks, is_specks_over_text, mend_misreadings
from storage.ingest.line_split.modules import _headline_cells_over, _module_read_across
from storage.ingest.line_split.rows_after_columns import _rows_read_after_columns
from storage.ingest.line_split.unwrapped import _set_unwrapped
from storage.ingest.line_split.wrapped_lines import (
    _mend_label_read_apart,
    _mend_wrapped_credits,
    _mend_wrapped_datelines,
    _mend_wrapped_notes,
    _mend_wrapped_subtitles,
)
from storage.ingest.page_lines import _Line, _paper_name

# The readings of a band of two columns' text (`_text_band_reading`) whose left column goes on in the
# block under the band: that block is read after the left column, before the right one.
_LEFT_GOES_ON = ("left goes on", "into the right")


class _BandAhead(NamedTuple):
    """The lines from the walk's position on that hold a run of spaces, blank lines aside (`lines`), and
    what stopped the scan at `end`: a story's module read across starting there (`over_module`), or the
    rule under the band's text (`rule`, its line), else a line with no columns or the page's end."""

    lines: list[int]
    rule: int | None
    over_module: bool
    end: int


def _band_ahead(raw_lines: list[str], position: int, measure: float | None) -> _BandAhead:
    """The band of lines read across columns that starts at `position`, blank lines aside (`_BandAhead`)."""
    band: list[int] = []
    scan = position
    while scan < len(raw_lines):
        if not raw_lines[scan].strip():
            scan += 1
            continue
        if _module_read_across(raw_lines, scan, measure):
            return _BandAhead(band, None, True, scan)  # a story's module read across: read on its own
        if (
            not _NARROW_GAP_RE.search(raw_lines[scan].strip())
            or _paper_name(raw_lines[scan])
            or _masthead_strip(raw_lines[scan])
        ):
            break  # no columns, or the masthead's name with specks beside it, or its strip of items
        if _rule_between_modules(raw_lines[scan]) and _text_rows(raw_lines, band) >= _TEXT_ROWS_OVER_RULE:
            # The rule under the band's text: the headlines of the modules under it next.
            return _BandAhead(band, scan, False, scan)
        band.append(scan)
        scan += 1
    return _BandAhead(band, None, False, scan)


def _band_pieces(raw_lines: list[str], band: list[int]) -> tuple[list[tuple[list[str], int]], int]:
    """The band's lines cut into their columns' cells, each with its line number, and the number of
    columns: cut at the wide gaps, or at the narrow ones when the band has no wide gap."""
    rows = [_COLUMN_GAP_RE.split(raw_lines[k].strip()) for k in band]
    columns = max(len(row) for row in rows)
    if columns < 2:
        # A band whose gaps are all narrow (``王毅分别同意大利外长、   可9`` / ``全朗外长通电全     全力…``).
        columns = max(len(_NARROW_GAP_RE.split(raw_lines[k].strip())) for k in band)
    pieces = [(_narrow_cut(raw_lines[k], row, columns), k + 1) for k, row in zip(band, rows, strict=True)]
    return pieces, columns


@dataclass
class _SideBySideReading:
    """The walk over the raw lines: the lines read so far in reading order and what they leave open for
    the lines after them. `read_next` reads from `position` on, asking the readers of lines read across
    columns in turn, one method a kind."""

    raw_lines: list[str]
    measure: float | None
    # The next raw line to read (0-based).
    position: int = 0
    # The lines read, in reading order, each with its 1-based line number in the file.
    out: list[tuple[str, int]] = field(default_factory=list)
    # Text columns read beside headlines: read at the page's end.
    tail: list[tuple[str, int]] = field(default_factory=list)
    # A headline read beside text or beside a module's headline: read over the next dateline or module.
    pending: list[tuple[str, int]] = field(default_factory=list)
    # A module starting after this line gets the pending headline (the page's end until one is pending).
    pending_over: int = -1
    # Datelines' heads read apart from their rest, under a rule: put over their rest at the end.
    heads: list[tuple[str, int]] = field(default_factory=list)
    # The line after a rule under a band of columns' text: the headlines' band starts there.
    under_rule: int = -1
    # A band's left column right over a module with another module's headline beside it: that headline's top.
    over_heads: list[tuple[str, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pending_over = len(self.raw_lines)

    def lines_read(self) -> list[tuple[str, int]]:
        """Every line read: the lines in reading order, a headline still pending, the text columns read
        beside headlines last, and datelines' heads read apart put over their rest."""
        return _heads_over_rest([*self.out, *self.pending, *self.tail], self.heads)

    def read_next(self) -> None:
        """Read the lines at `position`: a module read across, rows read after their columns, else the
        band of lines ahead, one line of it alone, or the line as it is."""
        if self.read_module() or self.read_rows_after_columns():
            return
        band = _band_ahead(self.raw_lines, self.position, self.measure)
        if (
            self.read_headlines_over_module(band)
            or self.read_line_across_columns(band)
            or self.read_headline_pair(band)
            or self.read_headline_beside_text(band)
        ):
            return
        if len(band.lines) < 2 and not (band.lines and band.over_module):
            # One line read across is text the OCR lost a gap in, but right over a module read
            # across it is that module's row of headlines set side by side, read as a band.
            self.read_line_as_is()
            return
        self.read_band(band)

    def read_module(self) -> bool:
        """A story's module read across, row by row, from its dateline: read column by column."""
        module = _module_read_across(self.raw_lines, self.position, self.measure, self.over_heads)
        if not module:
            return False
        self.over_heads = []
        if self.pending and self.position > self.pending_over:
            self.out.extend(self.pending)  # the headline beside the last module's, over the next one
            self.pending, self.pending_over = [], len(self.raw_lines)
        self.out.extend(module)
        self.position = module[-1][1]
        return True

    def read_rows_after_columns(self) -> bool:
        """A module's rows read across after its columns' upper parts: each column's cells put under the
        block of it that they go on from."""
        after = _rows_read_after_columns(self.out, self.raw_lines, self.position)
        if not after:
            return False
        self.out, self.position = after
        if self.position < len(self.raw_lines) and _rule_between_modules(self.raw_lines[self.position]):
            self.position = self.under_rule = self.position + 1  # the rule over the next modules' headlines
        return True

    def read_headlines_over_module(self, band: _BandAhead) -> bool:
        """Two headlines side by side right over a module read across from its dateline: the left one is
        that module's, right over it; the right one heads the module set beside it, which the OCR reads
        after this one, so it is read over the next module."""
        if not (
            len(band.lines) == 1
            and band.over_module
            and _DATELINE_SOURCE_RE.match(self.raw_lines[band.end].strip())
            and (pair := _headline_pair(self.raw_lines[band.lines[0]], _COLUMN_GAP_RE))
        ):
            return False
        line = band.lines[0]
        self.out.extend((self.raw_lines[k], k + 1) for k in range(self.position, line))
        self.out.extend([("", line + 1), (pair[0], line + 1)])
        self.pending, self.pending_over = [("", line + 1), (pair[1], line + 1)], band.end
        self.position = line + 1
        return True

    def read_headline_pair(self, band: _BandAhead) -> bool:
        """Two headlines set side by side, read as one line with a bar between them: the right one first,
        a block of its own, and the left one right over the text the OCR reads next."""
        position = self.position
        if not (band.lines == [position] and (pair := _headline_pair(self.raw_lines[position]))):
            return False
        self.out.extend(
            [("", position + 1), (pair[1], position + 1), ("", position + 1), (pair[0], position + 1)]
        )
        self.position += 1
        return True

    def read_headline_beside_text(self, band: _BandAhead) -> bool:
        """A headline set beside a column's text, read across two lines: the text read in place, the
        headline a block of its own over the next dateline the OCR reads (its module's text)."""
        position = self.position
        if not (band.lines == [position] and (beside := _headline_beside_text(self.raw_lines, position))):
            return False
        text_pieces, headline = beside
        self.out.extend((piece, position + 1 + k) for k, piece in enumerate(text_pieces) if piece)
        self.pending = [("", position + 1), *((piece, position + 1 + k) for k, piece in enumerate(headline))]
        self.position += 2
        return True

    def read_line_across_columns(self, band: _BandAhead) -> bool:
        """One line of two columns' text read across (``…全国森林 | 新，森林体验…``): read as printed."""
        if not (
            band.lines == [self.position]
            and (across := _line_across_columns(self.out, self.raw_lines, self.position))
        ):
            return False
        self.out, self.position = across
        return True

    def read_line_as_is(self) -> None:
        """A line with no band round it, read as it is: one line read across is text the OCR lost a gap
        in. A headline pending goes over it when it is a dateline."""
        raw = self.raw_lines[self.position]
        if self.pending and _DATELINE_SOURCE_RE.match(raw):
            self.out.extend([*self.pending, ("", self.position + 1)])
            self.pending = []
        self.out.append((raw, self.position + 1))
        self.position += 1

    def read_band(self, band: _BandAhead) -> None:
        """A band of lines read across columns (or one line right over a module read across: that
        module's row of headlines set side by side), cut into its columns and read column by column."""
        raw_lines, first = self.raw_lines, band.lines[0]
        # Blank lines before the band.
        self.out.extend((raw_lines[k], k + 1) for k in range(self.position, first))
        pieces, columns = _band_pieces(raw_lines, band.lines)
        texts = _text_columns([row for row, _number in pieces], columns)
        for column in texts:
            # A column's text lines read beside a headline or a dateline: the OCR read the lines above
            # and under them elsewhere, so they are read last, a block of their own, for the joining
            # step to put back where their sentences go on.
            self.tail.append(("", first + 1))
            self.tail.extend(
                (row[column], number) for row, number in pieces if column < len(row) and row[column]
            )
        below = [text.strip() for text, _number in _block_under(raw_lines, band.lines[-1] + 1)]
        reading = None if texts else _text_band_reading(pieces, below)
        order = [0, 1] if reading else [*range(1, columns), 0]
        if (
            band.over_module
            and not reading
            and not texts
            and band.lines[-1] + 1 == band.end
            and _headline_cells_over(raw_lines[band.end], self.measure)
        ):
            # Right over a module with another module's headline beside it: the band's left column
            # is that headline's top, read with the rest of it, and the other columns hold the
            # module's own headline, read in pieces.
            self.over_heads = [(row[0], number) for row, number in pieces if row and row[0]]
            order = order[:-1] if self.over_heads else order
        if band.rule is not None and not reading:
            order = _ending_column_last(pieces, order)
        # The left column going on under the band: its lines there, up to the next blank line, read
        # before the right column, as printed.
        under = _block_under(raw_lines, band.lines[-1] + 1) if reading in _LEFT_GOES_ON else []
        # A whole module read across: the left column, its rest and the right column are one block.
        one_block = reading == "into the right"
        for column in order:
            if column in texts:
                continue
            if column == 1 and under:
                self.out.extend([] if one_block else [("", under[0][1])])
                self.out.extend(under)
            if (not self.over_heads or column == order[0]) and not (one_block and column == 1):
                self.out.append(
                    ("", first + 1)
                )  # over a module beside a headline: its own headline, one block
            self.read_band_column(
                pieces, column, last=column == order[-1], under_rule=first == self.under_rule
            )
        self.position = under[-1][1] if under else band.lines[-1] + 1
        if band.rule is not None and self.position == band.rule:
            self.out.append(("", band.rule + 1))  # the rule parts the band's text from the headlines under it
            self.position = self.under_rule = band.rule + 1
        elif _headline_under_band(raw_lines, self.position, self.measure):
            self.out.append(("", self.position + 1))  # a headline right under the band opens the next module

    def read_band_column(
        self, pieces: list[tuple[list[str], int]], column: int, *, last: bool, under_rule: bool
    ) -> None:
        """One column of a band, its cells read down: under a rule, its specks dropped and its datelines'
        heads kept apart; a dateline under a headline opens the story's text, a block of its own."""
        for row, number in pieces:
            kind = _cell_under_rule(row[column], last) if column < len(row) else ""
            if under_rule and kind == "speck":
                continue
            if under_rule and kind == "head":
                self.heads.append((row[column], number))
                continue
            if column < len(row):
                if _DATELINE_SOURCE_RE.match(row[column]) and self.out and self.out[-1][0]:
                    self.out.append(("", number))  # a dateline under the headline: the story's text starts
                self.out.append((row[column], number))


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
    whose right piece goes on from the block above it (`_line_across_columns`, asked before the
    headlines: its pieces joined to the text around them by words are no headlines). A row of specks read
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
    reading = _SideBySideReading(raw_lines, measure)
    while reading.position < len(raw_lines):
        reading.read_next()
    return reading.lines_read()


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
            _set_unwrapped(
                _split_side_by_side(_mark_lost_seams(_mark_narrow_gutters(raw_lines, measure)), measure)
            )
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
        below = pairs[number][0] if number < len(pairs) else ""
        if blank and is_specks_over_text(stripped, below):
            continue  # specks over a block: its first line is the one under them
        lines.append(_Line(number, stripped, blank))
        blank = False
    mended = _mend_wrapped_credits(
        _mend_wrapped_notes(_mend_wrapped_subtitles(_mend_wrapped_datelines(lines)))
    )
    return _mend_label_read_apart(mended), file_lines
