"""What the segmenter knows of a page before reading it: its blank-line groups, the body column's width
and each group's, the masthead's lines, whether digits are set half a cell wide, and where each line
stands. Computed once from the page's lines (`page_facts`), never changed while reading."""

from __future__ import annotations

from dataclasses import dataclass

from storage.ingest.page_documents import prints_articles
from storage.ingest.page_lines import _HALF_CELL, _cells, _groups, _Line, _set_width
from storage.ingest.segmenter.shapes.captions import caption_apart
from storage.ingest.segmenter.shapes.columns import _local_columns, _typical_width
from storage.ingest.segmenter.shapes.mastheads import _masthead_lines


@dataclass(frozen=True)
class PageFacts:
    lines: list[_Line]
    # The page's blank-line groups, in reading order; a caption and its credit over more lines with no blank
    # line between are a group of their own (`caption_apart`).
    groups: list[list[_Line]]
    column: float  # the body column's width in cells
    # Digits and Latin letters are set half a cell wide when a line reads wider than the column
    # counting them a cell each (``2020全国农产品博览会12日在湖南长``).
    half_width_digits: bool
    # The measure of the column each group is set in, where the page sets stories in wider columns.
    group_columns: list[float]
    masthead: set[int]  # the masthead's line numbers
    next_number: dict[int, int]  # each line's number → the number of the line after it on the page
    group_of: dict[int, int]  # each line's number → the index of its group
    # The page prints a document whole, a law's or a regulation's articles (``第一条  为了……``): its
    # chapter heads, contents and order lines are its text (`storage.ingest.page_documents`).
    prints_articles: bool


def page_facts(lines: list[_Line]) -> PageFacts:
    """The facts of the page `lines` make up."""
    groups = [block for group in _groups(lines) for block in caption_apart(group)]
    column = _typical_width(lines)
    return PageFacts(
        lines=lines,
        groups=groups,
        column=column,
        half_width_digits=any(
            _cells(line.text) >= column + 1.0 and _set_width(line.text.strip()) <= column + _HALF_CELL
            for line in lines
        ),
        group_columns=_local_columns(groups, column),
        masthead=_masthead_lines(lines),
        next_number={a.number: b.number for a, b in zip(lines, lines[1:], strict=False)},
        group_of={line.number: k for k, group in enumerate(groups) for line in group},
        prints_articles=prints_articles([line.text for line in lines]),
    )
