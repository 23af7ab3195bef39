"""The segmenting step of the page parser: cutting an OCR'd page into stories and headline groups.

`_segment` runs `_Segmenter`, one pass over the page's blank-line groups: `group` reads a block, asking
the readers of the kinds of block (captions, boxes, headlines) in turn, and `read_line` reads each line
left, asking the readers of the kinds of line in the order written there. The pieces live in
`storage.ingest.segmenter`: the page's facts computed once (`page_facts`), the reading state
(`reading`), the story cutter that opens and closes stories and drops lines (`cutter`), the readers, one
module a kind of line (`readers`: captions, bylines and datelines, end marks and jump lines, briefs and
items, boxes, headlines and kickers, text and stray lines), the pure shapes they ask (`shapes`) and the
result (`cut`). A `_Cut` holds the stories, the headline groups in the gaps between them, the lines
dropped and every line's role; the matching and joining steps and the articles are made from it in
`storage.ingest.ocr_page`.
"""

from __future__ import annotations

from storage.ingest.page_lines import (
    _CLOSING_NOTE_RE,
    _Line,
    closes_text,
    is_page_furniture,
    is_reader_signature,
    is_summary_label,
)
from storage.ingest.segmenter.cut import _Cut
from storage.ingest.segmenter.cutter import StoryCutter
from storage.ingest.segmenter.page_facts import page_facts
from storage.ingest.segmenter.readers.boxes import BoxReader
from storage.ingest.segmenter.readers.briefs import BriefReader
from storage.ingest.segmenter.readers.bylines import BylineReader
from storage.ingest.segmenter.readers.captions import CaptionReader
from storage.ingest.segmenter.readers.ends import EndReader
from storage.ingest.segmenter.readers.headlines import HeadlineReader
from storage.ingest.segmenter.readers.text import TextReader
from storage.ingest.segmenter.reading import Reading
from storage.ingest.segmenter.shapes.captions import (
    _NAME_CREDIT_RE,
)
from storage.ingest.segmenter.shapes.items import (
    _EDITOR_MARK_RE,
    _after_source_mark,
    _prints_items_sources,
)
from storage.ingest.segmenter.shapes.names import (
    _CLOSING_NAMES_RE,
)
from storage.ingest.segmenter.shapes.noise import (
    _is_garbled,
    _is_noise,
    _is_specks_in_a_block,
)


def _segment(lines: list[_Line]) -> _Cut:
    """Cut the page into stories, the headline groups between them and the lines dropped on the way.

    A story starts at a dateline, at a byline printed before its text, at a ``（上接第一版）`` jump line,
    or at prose after a headline; it ends at its byline (after its text, on its own line or inline),
    an end mark ``（完）``, a ``（下转第二版）`` jump line, the next story's dateline, or a headline printed
    between it and prose that starts the next story. Page headers and footers, photo captions and jump
    lines belong to no story and are dropped.
    """
    return _Segmenter(lines).run()


class _Segmenter:
    """The segmenting step: one pass over the page's blank-line groups, in two dispatches.

    `group` reads a block: the readers of whole blocks first (captions, boxes and strips, headlines
    where they stand), then each line left through `read_line`, whose list of line readers is the one
    place that says in which order the kinds of line are tried. Each reader, asked about a line, takes
    it when it is of its kind (into the open story, a headline group or the dropped lines), records
    its role and why, and returns True.
    """

    def __init__(self, lines: list[_Line]) -> None:
        page = self.page = page_facts(lines)
        state = self.state = Reading(among_items=_prints_items_sources(lines))
        cutter = self.cutter = StoryCutter(page, state)
        self.captions = CaptionReader(page, state, cutter)
        self.ends = EndReader(page, state, cutter)
        self.bylines = BylineReader(page, state, cutter)
        self.briefs = BriefReader(page, state, cutter)
        self.boxes = BoxReader(page, state, cutter, line=self.line, lines_from=self.lines_from)
        self.headlines = HeadlineReader(page, state, self.briefs, cutter, lines_from=self.lines_from)
        self.text = TextReader(page, state, self.bylines, cutter)

    def run(self) -> _Cut:
        for group_index, group in enumerate(self.page.groups):
            self.group(group_index, group)
        self.state.at_page_end = True
        if self.state.current is not None:
            self.cutter.close()
        return _Cut(
            self.state.stories,
            self.state.gap_groups,
            self.state.dropped,
            roles=self.state.roles,
            column=self.page.column,
        )

    def group(self, group_index: int, group: list[_Line]) -> None:
        """Read a blank-line group: what of it stands apart from the stories' text first (`block_apart`),
        then what is left (`text_block`)."""
        if (cut := _after_source_mark(group)) is not None:
            # A digest item's source closes the item (`source_mark`): the line after it opens the next
            # item's block, as a blank line would (``（据人民网电）`` / ``中美签署第一阶段经贸协议`` / ``当地…``).
            self.group(group_index, group[:cut])
            self.group(group_index, group[cut:])
            return
        self.state.group_index = group_index
        rest = self.headlines.dash_subtitle_atop_its_lead(self.block_apart(group_index, group))
        if rest:
            self.text_block(group_index, rest)

    def block_apart(self, group_index: int, group: list[_Line]) -> list[_Line]:
        """Read what of a block stands apart from the stories' text: a caption and its credit, a strip
        heading, a column's name over a piece, a box, a digest strip, a briefs column's head, OCR noise, a
        label over a summary; what is left, to be read as text (nothing when the block was taken whole)."""
        caption_cut, caption_before = self.state.take_caption_marks()
        if self.captions.credit_after_text(group_index, group):
            return []
        if self.captions.caption_after_text(group_index, group):
            return []
        if self.captions.credit_head_inside_a_sentence(group):
            return []
        if self.boxes.strip_heading(group_index, group) or self.boxes.notice_or_service_box(group):
            return []
        if self.briefs.ornamented_column_over_a_piece(group):
            self.cutter.close()
            self.state.gap_groups.append((len(self.state.stories), group))
            self.state.set_role(group[0], "headline: a column's name over a piece's title, its author next")
            return []
        # A box's label (``■延伸阅读``) before any ornamented sub-heading (``■多措并举``) is read.
        group = self.boxes.link_box(group)
        if not group:
            return []
        if self.headlines.ornamented_subheading(group_index, group):
            group = group[1:]
            if not group:
                return []
        rest = self.captions.captions_in(group, caption_cut=caption_cut, caption_before=caption_before)
        if rest is None:
            return []
        group = rest
        group = self.boxes.guide_box(self.boxes.digest_strip(group))
        if not group or self.boxes.bulleted_subheadings(group):
            return []
        if self.boxes.column_head(group_index, group) or self.boxes.county_box(group):
            return []
        if self.bylines.bracket_tail(group):
            return []
        if all(_is_noise(line.text) or _is_garbled(line.text) for line in group):
            for line in group:
                self.cutter.drop(line, "OCR noise")
            return []
        # Specks read among the block's lines (a photo's or a rule's beside a headline) are no part of it.
        specks = [line for line in group if _is_specks_in_a_block(line.text)]
        for line in specks:
            self.cutter.drop(line, "OCR noise")
        group = [line for line in group if line not in specks]
        labels = [line for line in group if is_summary_label(line.text)]
        for line in labels:
            self.cutter.drop(line, "label over a summary")
        group = [line for line in group if line not in labels]
        if not group:
            return []
        return group

    def text_block(self, group_index: int, group: list[_Line]) -> None:
        """Read a block of text: its page furniture dropped (a line dating the text read over or under
        it), a block read whole (`block_read_whole`), or else its lines one by one (`read_line`); notes
        ending the block close the story its text ends."""
        # An editor's mark under text in its block (``责编：王某``) is read in its place (`editor_mark`):
        # it closes the story above it.
        furniture = [
            line
            for k, line in enumerate(group)
            if self.cutter.is_furniture(line)
            and not self.cutter.text_line(k, group)
            and not (k and _EDITOR_MARK_RE.match(line.text))
        ]
        # Notes ending the block after its text (``《 人民日报 》（…第 10 版）``, ``（责编：王某）``, a chart's
        # source) close the story that text ends.
        tail = len(group)
        while tail > 0 and closes_text(group[tail - 1].text):
            tail -= 1
        closes = 0 < tail < len(group)
        above_notes = group[tail - 1] if closes else None
        if furniture:
            if (
                self.state.current is not None
                and self.cutter.ends_sentence()
                and self.cutter.is_furniture(group[0])
            ):
                self.cutter.close()  # a page footer after a story printed without a byline
            for line in furniture:
                self.cutter.drop(line, "header/footer" if is_page_furniture(line.text) else "masthead")
            group = [line for line in group if line not in furniture]
            if not group:
                for line in furniture:
                    self.bylines.date_text(line, under=False)
                    self.bylines.date_text(line, under=True)
                return
        # A line dating one text dates the next story opened when it stands over its text (read now), the
        # story its block's text went to when it stands under it (read once that text is).
        for line in furniture:
            self.bylines.date_text(line, under=False)
        if self.block_read_whole(group_index, group):
            return
        self.lines_from(0, group)
        for line in furniture:
            self.bylines.date_text(line, under=True)
        # Notes under a caption set between the story's paragraphs (``图为…。`` / ``（资料图片）``) are the
        # caption's: the story goes on in the next block.
        caption_notes = above_notes is not None and self.state.dropped_as(above_notes, "caption")
        if closes and not caption_notes and self.state.current is not None and self.cutter.ends_sentence():
            self.cutter.close()
        elif not closes:
            self.bylines.note_ends_block(group)

    def block_read_whole(self, group_index: int, group: list[_Line]) -> bool:
        """Read a block whole when it is one thing: a photographer's credit, OCR specks, a stanza, a
        kicker with a comma, or a headline where it stands (inside a sentence, atop its lead, over an
        indented lead); a headline printed between the open story and the next one's text closes the
        story first."""
        if self.state.current is not None and len(group) == 1 and _NAME_CREDIT_RE.match(group[0].text):
            # A photographer's credit, a name and 摄 (``吴涛摄``), a block of its own under a story's text:
            # the credit of a photo set in the story's column, never a headline nor a byline; what
            # follows decides whether the story goes on.
            self.cutter.drop(group[0], "caption")
            return True
        if (
            self.state.current is not None
            and self.cutter.ends_sentence()
            and self.text.word_among_specks(group_index, group)
        ):
            for line in group:
                self.cutter.drop(line, "OCR noise")
            return True
        if self.text.stanza(group_index, group):
            return True
        if self.text.document_parts(group):
            return True
        if self.text.goes_on_with_an_article(group):
            return False
        if (
            self.state.current is not None
            and not self.state.current.ended
            and self.headlines.kicker_with_a_comma(group_index)
        ):
            self.cutter.close()
            self.state.gap_groups.append((len(self.state.stories), group))
            return True
        if self.text.wide_dash_kicker(group):
            self.cutter.close()
            self.state.gap_groups.append((len(self.state.stories), group))
            self.state.set_role(group[0], "headline: a kicker ending in a dash, wider than the column")
            return True
        if (
            self.state.current is not None
            and not self.state.current.ended
            and not _CLOSING_NOTE_RE.match(group[0].text)
            and not _CLOSING_NAMES_RE.match(group[0].text)
            and not is_reader_signature(group[0].text)
            and not self.captions.under_a_caption_atop(group_index, group)
            and self.headlines.headline_between(group_index)
        ):
            self.cutter.close()  # a headline printed between this story and the next one's text
        if self.headlines.headline_inside_a_sentence(group_index, group):
            return True
        if self.headlines.headline_atop_its_lead(group_index, group):
            return True
        if self.headlines.headline_over_an_indented_lead(group):
            return True
        return False

    def lines_from(self, start: int, group: list[_Line]) -> None:
        """Read the block's lines from `start` on, the block as it stands: a run-in head wrapped onto its
        next line (`run_in_head`) leaves there only the text after its separator."""
        index = start
        while index < len(group):
            self.line(index, group[index], group)
            index += 1

    def line(self, index: int, line: _Line, group: list[_Line]) -> None:
        under_bullet, continued = self.state.under_bullet, self.state.continued
        self.read_line(index, line, group)
        if under_bullet:
            self.state.under_bullet = False
        if continued:
            self.state.continued = False

    def read_line(self, index: int, line: _Line, group: list[_Line]) -> None:
        for kind in (
            self.text.document_part,
            self.bylines.rest_of_a_note,
            self.ends.signature,
            self.ends.reader_signature,
            self.captions.inner_caption,
            self.text.stray_line,
            self.ends.editor_mark,
            self.briefs.source_mark,
            self.briefs.run_in_head,
            self.headlines.head_over_a_lead_inside_a_block,
            self.briefs.bracketed_head,
            self.bylines.author_alone,
            self.briefs.bulleted_head,
            self.captions.supplied,
            self.captions.picture_credit,
            self.bylines.closing_names,
            self.bylines.closing_initials,
            self.captions.photo_credit,
            self.ends.jump_line,
            self.ends.continued_from,
            self.ends.continued_on,
            self.ends.end_mark_run_on,
            self.ends.end_mark,
            self.bylines.dateline,
            self.bylines.byline,
            self.bylines.closing_note,
            self.text.outside_story,
            self.bylines.inline_byline,
            self.bylines.wrapped_inline_byline,
        ):
            if kind(index, line, group):
                return
        assert self.state.current is not None
        self.state.current.lines.append(line)
