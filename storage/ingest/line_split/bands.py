"""A band of lines read across columns set side by side: which of its columns are text read beside a
dateline, how a band of a story's two columns is read, its lines cut with the band's own measure, the
rule under it and the headlines' band under the rule, the headline right under it, and the masthead's
strip that is no band."""

from __future__ import annotations

import re

from storage.ingest.line_split.cells import (
    _CLAUSE_MARK_RE,
    _DATELINE_SOURCE_RE,
    _EMPTY_FIRST_COLUMN_RE,
    _ENDS_SENTENCE_RE,
    _HEADLINE_HAN,
    _MEASURE_SLACK,
    _NARROW_GAP_RE,
    _TEXT_BAND_HAN,
    _TEXT_BAND_ROWS,
)
from storage.ingest.line_split.misreadings import is_rule_specks
from storage.ingest.page_fragments import word_across
from storage.ingest.page_lines import (
    _DATELINE_RE,
    _HAN_RE,
    _MULTI_SPACE_RE,
    _PAGE_DATE_RE,
    _PAPER_NAME_RE,
    _SENTENCE_END,
    HAN,
    display_width,
    is_masthead_item,
    is_page_furniture,
)


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


def _text_band_reading(pieces: list[tuple[list[str], int]], under: list[str] | None = None) -> str | None:
    """How to read a band of two columns of a story's text read across, line by line (at least
    `_TEXT_BAND_ROWS` lines hold `_TEXT_BAND_HAN` Han characters or more in both columns): ``"as
    printed"`` (the left column, then the right one) when the left column ends a sentence and the
    right one stops inside one, so the text under the band goes on from the right column; ``"left
    goes on"`` when both stop inside a sentence: the text under the band is the left column's rest, and
    the right column follows it; ``"into the right"`` when the right column ends a sentence and the
    block under the band (`under`, its lines) is the left column's rest going on into the right
    column's first line (`_rest_goes_on_into`): the band is a whole module read across, read as one
    block, the left column, its rest, then the right column.
    None for any other band."""
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
        return "into the right" if _rest_goes_on_into(left, right, under or []) else None
    return "as printed" if _ENDS_SENTENCE_RE.search(left[-1]) else "left goes on"


# A word of the language this strong (`page_fragments.word_across`) read across the join of the left
# column's rest under a band and the right column's first line: the left column goes on into the right.
_INTO_RIGHT_WORD = 0.8


def _rest_goes_on_into(left: list[str], right: list[str], under: list[str]) -> bool:
    """Whether the block under a band of two columns is the left column's rest and goes on into the
    right column: the left column stops inside a sentence, the block's last line stops inside one too
    and joins the right column's first line by a word of the language (``…新区骨干教`` | ``师、300名…``,
    教师) that the left column's own last line does not make with it."""
    if not under or _ENDS_SENTENCE_RE.search(left[-1]) or _ENDS_SENTENCE_RE.search(under[-1]):
        return False
    into = word_across(under[-1], right[0])[1]
    return into >= _INTO_RIGHT_WORD and word_across(left[-1], right[0])[1] < into


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
