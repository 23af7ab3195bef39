"""The segmenter's reading state: what it has cut so far (stories, headline groups, lines dropped, roles)
and what the lines read so far leave open for the next ones (the open story, a byline, date or head
waiting for the next story, the flags a label or a caption leaves)."""

from __future__ import annotations

from dataclasses import dataclass, field

from storage.ingest.page_lines import _Line, _Story
from storage.ingest.segmenter.cut import _Dropped


@dataclass
class Reading:
    stories: list[_Story] = field(default_factory=list)
    gap_groups: list[tuple[int, list[_Line]]] = field(default_factory=list)
    dropped: list[_Dropped] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    current: _Story | None = None
    pending_byline: str | None = None  # a byline printed before the text of the next story
    author_line: int | None = None  # the number of the last line read as an author's name alone
    pending_date: str | None = None  # a web page's date line over the next story's text
    pending_head: int | None = None  # a brief's head in brackets alone on its line: the next story's
    at_page_end: bool = False  # every line has been read: nothing on the page follows the open story
    caption_open: bool = False  # the block before was a caption cut off before its sentence ended
    caption_before: bool = False  # the block before was a caption: its credit may stand alone next
    note_tail: set[int] = field(
        default_factory=set
    )  # lines that finish a closing note wrapped over its block
    caption_tail: set[int] = field(default_factory=set)  # lines of a caption set between a story's paragraphs
    under_bullet: bool = False  # the line before was a brief's bulleted head: this one opens its text
    continued: bool = False  # the line before was ``上接第1版`` alone: this one opens the story's rest
    guide_open: bool = False  # a 导读 label closed the block before: its entries may follow
    brief: _Story | None = None  # the last story opened under a brief's bulleted head
    brief_column: bool = False  # a column's name was read over numbered briefs: the first may follow
    brief_number: int = 0  # the number of the last numbered brief read (``3.``, ``三、``, ``③``)
    picture_next: bool = False  # a 图片新闻 label was read: the next story is a picture story
    appointments_next: bool = False  # a 人事任免 label was read: the list of appointments may follow
    picture: _Story | None = None  # the picture story, closed by its photographer's credit
    group_index: int = 0  # the blank-line group being read
    # A page of items: it prints items' sources (`_prints_items_sources`), or a digest item's source or
    # a strip heading was read: items go on.
    among_items: bool = False
    run_in_text: set[int] = field(
        default_factory=set
    )  # lines whose text follows a wrapped run-in head's separator

    def caption_block_read(self, *, cut_off: bool) -> None:
        """A caption's block was read: its credit may stand alone atop the next block, and its sentence,
        when `cut_off` by a column break, goes on there."""
        self.caption_open = cut_off
        self.caption_before = True

    def take_caption_marks(self) -> tuple[bool, bool]:
        """What the block before left for this one (a caption cut off, a caption read), cleared."""
        marks = (self.caption_open, self.caption_before)
        self.caption_open = self.caption_before = False
        return marks

    def caption_lines_below(self, lines: list[_Line]) -> None:
        """`lines` finish a caption set between a story's paragraphs: dropped with it when read."""
        self.caption_tail.update(line.number for line in lines)

    def set_role(self, line: _Line, why: str) -> None:
        """Record the role `line` was read in and why (what `--explain` shows for it)."""
        self.roles[line.number] = why

    def open_or_last(self) -> _Story | None:
        """The open story, else the last story cut (what a closing line after a story's end belongs to)."""
        return self.current if self.current is not None else (self.stories[-1] if self.stories else None)

    def dropped_as(self, line: _Line, kind: str) -> bool:
        """Whether `line` was dropped as a line of that kind (``caption``, ``header/footer``, …)."""
        return any(d.number == line.number and d.kind == kind for d in self.dropped)
