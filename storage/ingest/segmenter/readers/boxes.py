"""Reading boxes and strips that are no story's text: strip headings, a county paper's notice and ad boxes,
a briefs column's head, link boxes, digest strips and guide boxes, bulleted sub-headings."""

from __future__ import annotations

import re
from collections.abc import Callable

from storage.ingest.page_county import is_ad_box, is_picture_label, number_mark
from storage.ingest.page_lines import (
    _COMMA_RE,
    _DATELINE_RE,
    _INDENT_CELLS,
    _MULTI_SPACE_RE,
    _PROSE_PUNCT_RE,
    _SHORT_MARGIN,
    BULLET_RE,
    HAN,
    _is_headline_like,
    _Line,
    _set_width,
    is_appointments_label,
    is_appointments_list,
    is_byline,
    is_editors_note,
    is_field_box,
    is_notice_box,
    is_profile_box,
    is_signed_notice,
)
from storage.ingest.page_paragraphs import _ornamented_subheading
from storage.ingest.segmenter.cutter import StoryCutter
from storage.ingest.segmenter.page_facts import PageFacts
from storage.ingest.segmenter.readers.reader import LineReader
from storage.ingest.segmenter.reading import Reading
from storage.ingest.segmenter.shapes.items import (
    _BARE_REFERENCE_RE,
    _BRIEFS_NAME_RE,
    _DIGEST_ENTRY_RE,
    _DIGEST_LABEL_RE,
    _DIGEST_SPLIT_RE,
    _GUIDE_LABEL_RE,
    _LINK_LABEL_RE,
    _PAGE_REFERENCE_END_RE,
    _RULE_LINE_RE,
    _STRIP_HEADING_RE,
)
from storage.ingest.segmenter.shapes.sentences import _ends_sentence

# A column's heading over items headed by their labels: at most this many characters, no punctuation.
_COLUMN_HEADING_MAX_CHARS = 12


_COLUMN_HEADING_MARKS_RE = re.compile("[，。、：:；;！？!?“”《》（）()【】—…·|｜■●◆▶]")


# An item's headline opening with its label in brackets, the headline's words after it.
_LABELLED_HEAD_RE = re.compile(f"^【[^【】]{{1,10}}】([{HAN}“0-9A-Za-z].{{1,24}})$")


class BoxReader(LineReader):
    """The readers of boxes and strips.

    Each is asked about a block: what of it is of its kind it takes (into a story, a headline group or
    the dropped lines), recording its role and why, and returns True or what is left of the block.
    """

    def __init__(
        self,
        page: PageFacts,
        state: Reading,
        cutter: StoryCutter,
        line: Callable[[int, _Line, list[_Line]], None],
        lines_from: Callable[[int, list[_Line]], None],
    ) -> None:
        super().__init__(page, state, cutter)
        self.line = line
        self.lines_from = lines_from

    def strip_heading(self, group_index: int, group: list[_Line]) -> bool:
        """A strip heading over a group of a digest page's items (``国内``, ``【国际】``, ``■社会``,
        ``——财经——``, ``社会·民生``, a name over a rule line) or of a sports page's dispatches
        (``体坛快讯``, ``【体坛速递】``): a section's or a briefs column's name papers repeat, short, alone in
        its block, no punctuation, between a story that ended and the next block. It is no headline: it is
        dropped, and the story above is closed. A briefs column's name over bulleted or numbered briefs
        is their column head (`column_head`)."""
        lines = group[:-1] if len(group) == 2 and _RULE_LINE_RE.match(group[1].text) else group
        if self.column_heading_over_labelled_item(group_index, group):
            return True
        if len(lines) != 1 or not _STRIP_HEADING_RE.match(lines[0].text):
            return False
        if group_index + 1 >= len(self.page.groups):
            return False
        following = self.page.groups[group_index + 1][0].text.strip()
        if _BRIEFS_NAME_RE.search(lines[0].text) and (BULLET_RE.match(following) or number_mark(following)):
            return False  # a column's name over its bulleted or numbered briefs (`column_head`)
        story = self.state.current
        if story is not None and not story.ended and not self.cutter.ends_sentence():
            return False
        if story is not None:
            self.cutter.close()
        self.state.among_items = True
        for line in group:
            self.cutter.drop(line, "strip heading")
            self.state.set_role(line, "a strip heading over a group of items: no headline")
        return True

    def column_heading_over_labelled_item(self, group_index: int, group: list[_Line]) -> bool:
        """A column's heading (``2019春运一线``) alone in its block, short, no punctuation, over an item
        whose headline opens with its label in brackets (``【新通道】“急客”服务通道开通``) over the item's
        dateline or byline: a headline opening with its own label has no kicker over it, so the line is
        the column's name, in no story, and the story above is closed."""
        if len(group) != 1 or group_index + 1 >= len(self.page.groups):
            return False
        heading = group[0].text.strip()
        if not 2 <= len(heading) <= _COLUMN_HEADING_MAX_CHARS or _COLUMN_HEADING_MARKS_RE.search(heading):
            return False
        below = self.page.groups[group_index + 1]
        labelled = _LABELLED_HEAD_RE.match(below[0].text.strip())
        if (
            len(below) < 2
            or labelled is None
            or _PROSE_PUNCT_RE.search(labelled.group(1))
            or not (_DATELINE_RE.match(below[1].text.strip()) or is_byline(below[1].text))
        ):
            return False
        if self.state.current is not None:
            self.cutter.close()
        self.cutter.drop(group[0], "column heading")
        self.state.set_role(group[0], "a column's heading over an item headed by its label in brackets")
        return True

    def notice_or_service_box(self, group: list[_Line]) -> bool:
        """A titled notice closed by its signing date (``关于…的通告`` … ``2020年1月10日``), a service box
        (``【办事指南】`` over ``办理地点：…`` lines) or a résumé box (``人物简介`` over ``刘玉村，北京大学…。``),
        a block of its own between stories or under a headline: read before its label or numbered items
        can be taken for a sub-heading, a briefs column or a headline, it belongs to no story and closes
        the story above when that story ended a sentence."""
        texts = [line.text for line in group]
        if not (is_signed_notice(texts) or is_field_box(texts) or is_profile_box(texts)):
            return False
        if self.state.current is not None and self.cutter.ends_sentence():
            self.cutter.close()
        for line in group:
            self.cutter.drop(line, "notice")
            self.state.set_role(line, "a notice or service box between stories: no story's text")
        return True

    def county_box(self, group: list[_Line]) -> bool:
        """A 公益广告 box (``讲文明 树新风`` / ``中牟县文明办 宣``), a notice, a weather box and a list of
        appointments under its label belong to no story; a 图片新闻 label heads
        no story but makes the next one a picture story, closed by its photographer's credit."""
        texts = [line.text for line in group]
        appointments, self.state.appointments_next = self.state.appointments_next, False
        # An editor's note right under a piece's last sentence introduces what follows it, not that piece
        # (under a headline it is its story's first paragraph).
        after_piece = (
            self.state.current is not None and self.cutter.ends_sentence() and is_editors_note(texts)
        )
        if is_notice_box(texts) or after_piece or (appointments and is_appointments_list(texts)):
            if self.state.current is not None and self.cutter.ends_sentence():
                self.cutter.close()
            for line in group:
                self.cutter.drop(line, "notice")
            return True
        if len(group) == 1 and is_appointments_label(texts[0]):
            if self.state.current is not None and self.cutter.ends_sentence():
                self.cutter.close()
            self.cutter.drop(group[0], "notice")
            self.state.appointments_next = True
            return True
        if is_ad_box(texts):
            if self.state.current is not None and self.cutter.ends_sentence():
                self.cutter.close()
            for line in group:
                self.cutter.drop(line, "public-service advertisement")
            return True
        if len(group) == 1 and is_picture_label(texts[0]):
            if self.state.current is not None and self.cutter.ends_sentence():
                self.cutter.close()
            self.cutter.drop(group[0], "column head")
            self.state.picture_next = True
            return True
        return False

    def bulleted_subheading_of_the_open_story(self, text: str) -> bool:
        """Whether a bulleted line (``■ 积极调配物资``) is one more sub-heading of the open story: that
        story, not ended by a byline or an end mark, already printed a sub-heading with the same
        ornament inside its text (``■ 加强社区防控``), short and ending no sentence."""
        story = self.state.current
        bullet = BULLET_RE.match(text.strip())
        if story is None or story.ended or story is self.state.brief or bullet is None:
            return False
        mark = bullet.group(0).strip()
        return any(
            line.text.strip().startswith(mark)
            and _ornamented_subheading(line.text.strip())
            and not _ends_sentence([line])
            for line in story.lines[1:]
        )

    def bulleted_subheadings(self, group: list[_Line]) -> bool:
        """A block of bulleted sub-headings (``■ 积极调配物资``) the open story goes on under: each one more
        sub-heading of that story (`bulleted_subheading_of_the_open_story`), read as its text; no column
        head over briefs, no headline."""
        if len(group) > 2 or not all(self.bulleted_subheading_of_the_open_story(line.text) for line in group):
            return False
        for line in group:
            self.state.set_role(line, "text: a sub-heading bulleted as the open story's others")
        self.lines_from(0, group)
        return True

    def column_head(self, group_index: int, group: list[_Line]) -> bool:
        """A column's name alone over a column of briefs (``短讯``, ``资讯`` over ``■…``): it ends the story
        above and heads no story itself."""
        # The name may carry an ornament (``■快讯``).
        text = BULLET_RE.sub("", _MULTI_SPACE_RE.sub("", group[0].text))
        if (
            len(group) != 1
            or group_index + 1 >= len(self.page.groups)
            or not re.fullmatch(f"[{HAN}·]{{2,6}}", text)
        ):
            return False
        following = self.page.groups[group_index + 1][0].text.strip()
        numbered = bool(number_mark(following)) and re.match("^(?:1|一|①)", following) is not None
        if not (BULLET_RE.match(following) or numbered) or is_byline(following):
            return False
        self.state.brief_column = numbered
        if self.state.current is not None and self.cutter.ends_sentence():
            self.cutter.close()
        self.cutter.drop(group[0], "column head")
        return True

    def link_box(self, group: list[_Line]) -> list[_Line]:
        """A box after a story (``相关链接``, ``【延伸阅读】``): its label ends the story above and belongs to
        no story; a head under it (short, no sentence end, text under it) is the headline of the box's
        own text, which opens a story. The rest of the block is returned."""
        if not group or not _LINK_LABEL_RE.match(group[0].text):
            return group
        if self.state.current is not None and self.cutter.ends_sentence():
            self.cutter.close()
        self.cutter.drop(group[0], "label of a box after a story")
        rest = group[1:]
        # A line as full as the column (its indent aside) with a comma in it, over a full line, is the box's
        # text wrapped at the measure, no head (a head stands over its text's indented first line)
        # (``相关阅读`` / ``近日，又有一些国家政要及国际组织负`` / ``责人继续…``).
        wrapped = (
            len(rest) >= 2
            and _set_width(rest[0].text.strip()) >= self.page.column - _SHORT_MARGIN - _INDENT_CELLS
            and bool(_COMMA_RE.search(rest[0].text))
            and self.cutter.fills_column(rest[1].text.strip())
        )
        if len(rest) >= 2 and _is_headline_like(rest[:1]) and not _ends_sentence(rest[:1]) and not wrapped:
            head = rest[0]
            self.state.gap_groups.append((len(self.state.stories), [head]))
            self.state.set_role(head, "headline: the head of a box under its label")
            return self._box_story(rest[1], "text under the head of a box", rest[2:])
        if wrapped and len(rest) >= 2:
            # The box's own text, no head: a story of its own (its title inferred), not a headline.
            return self._box_story(rest[0], "text of a box under its label", rest[1:])
        return rest

    def _box_story(self, first: _Line, why: str, rest: list[_Line]) -> list[_Line]:
        """A box's text as a story of its own: the open story closed, one started at `first`, the block's
        `rest` read into it. Nothing of the block is left."""
        if self.state.current is not None:
            self.cutter.close()
        self.cutter.start(first, why)
        for index, line in enumerate(rest):
            self.line(index, line, rest)
        return []

    def digest_strip(self, group: list[_Line]) -> list[_Line]:
        """A strip of other pages' heads (要闻速览), as evening papers print under the page strip: on one
        line after its label (``要闻速览  ▶…  ▶…``, ``【要闻】…｜…``), or the label alone over one head a
        line (``·…``, ``▶…``). It belongs to no story: dropped; the rest of the block is returned."""
        kept: list[_Line] = []
        listing = False
        for line in group:
            text = line.text.strip()
            entry = _DIGEST_ENTRY_RE.match(text)
            if (
                listing
                and entry
                and _is_headline_like([_Line(0, entry.group(1), False)])
                and not _PAGE_REFERENCE_END_RE.search(text)
            ):
                self.cutter.drop(line, "guide to other pages")
                continue
            listing = False
            found = _DIGEST_LABEL_RE.match(text)
            if found is None:
                kept.append(line)
                continue
            heads = [h for h in _DIGEST_SPLIT_RE.split(text[found.end() :]) if h.strip()]
            if not heads and _GUIDE_LABEL_RE.match(text):
                kept.append(line)  # a 导读 box's label: its entries name their pages (`guide_box`)
                continue
            if not heads:
                listing = True  # the label alone: its heads follow, one a line
            elif not (
                (len(heads) >= 2 or _DIGEST_SPLIT_RE.search(text[found.end() :]))
                and all(_is_headline_like([_Line(0, h.strip(), False)]) for h in heads)
            ):
                kept.append(line)
                continue
            self.cutter.drop(line, "guide to other pages")
        return kept

    def guide_box(self, group: list[_Line]) -> list[_Line]:
        """A 导读 box: its label and the entries under it, each a line ending with another page's number,
        belong to no story; the rest of the block is returned."""
        guide_open = self.state.guide_open
        self.state.guide_open = False
        start = next((k for k, line in enumerate(group) if _GUIDE_LABEL_RE.match(line.text)), None)
        if start is None and not guide_open:
            return group
        first = 0 if start is None else start + 1
        end = first
        while end < len(group):
            if _PAGE_REFERENCE_END_RE.search(group[end].text) and len(group[end].text) > 4:
                end += 1
            elif end + 1 < len(group) and _BARE_REFERENCE_RE.match(group[end + 1].text):
                end += 2  # an entry's head over ``详见第3版``
            else:
                break
        if start is None and end == first:
            return group
        for line in group[(first if start is None else start) : end]:
            self.cutter.drop(line, "guide to other pages")
        self.state.guide_open = start is not None and end == len(group)
        return group[: (first if start is None else start)] + group[end:]
