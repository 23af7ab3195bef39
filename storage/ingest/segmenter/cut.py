"""The segmenter's result: the stories, the headline groups between them, the lines dropped and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from storage.ingest.page_lines import _DEFAULT_COLUMN_WIDTH, _Line, _Story
from storage.ingest.page_seams import _Join


@dataclass
class _Dropped:
    """A line left out of every story, and why (for ``newsbot ingest --explain``)."""

    number: int
    kind: str  # "header/footer", "caption", "jump line", "end mark"
    text: str


@dataclass
class _Cut:
    stories: list[_Story]
    gap_groups: list[tuple[int, list[_Line]]]  # (gap index, headline group); gap i lies before story i
    dropped: list[_Dropped]
    joins: list[_Join] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # line number → its role and why (not plain body)
    # Line number (in reading order, a side-by-side band cut into columns) → its line in the file.
    file_lines: dict[int, int] = field(default_factory=dict)
    column: float = _DEFAULT_COLUMN_WIDTH  # the body column's width in cells
