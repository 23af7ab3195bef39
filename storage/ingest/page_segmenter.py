"""The segmenting step of the page parser: cutting an OCR'd page into stories and headline groups.

`_segment` runs `_Segmenter`, one pass over the page's blank-line groups with one method per kind of line
(dateline, byline, end mark, jump line, caption, masthead and furniture, headline, brief, note, text);
beside it, the role rules those methods ask (whether a group is a headline over the next story's
opening, a caption, the masthead, a note closing a story). Its result, a `_Cut`, holds the stories, the
headline groups in the gaps between them, the lines dropped and every line's role; the matching and
joining steps and the articles are made from it in `storage.ingest.ocr_page`.
"""

from __future__ import annotations

import re

from storage.ingest.page_county import (
    brief_number,
    is_ad_box,
    is_picture_label,
    number_mark,
    photographer_credit,
    supplied_credit,
)
from storage.ingest.page_fragments import word_across
from storage.ingest.page_headlines import is_comment_column
from storage.ingest.page_lines import (
    _AGENCY_CREDIT_RE,
    _CAPTION_RE,
    _CLAUSE_CHARS,
    _CLAUSE_END_RE,
    _CLOSING_NOTE_RE,
    _COMMA_RE,
    _DASH_END_RE,
    _DATELINE_RE,
    _EDITORS_NOTE_RE,
    _END_MARK_RE,
    _END_MARK_RUN_ON_RE,
    _FINAL_RE,
    _HALF_CELL,
    _HAN_RE,
    _HEADLINE_MAX_LINES,
    _INDENT_CELLS,
    _INDENT_RE,
    _INLINE_BYLINE_RE,
    _JUMP_LINE_RE,
    _LABEL_END_RE,
    _LEADING_JUMP_RE,
    _MORE_NAMES_RE,
    _MULTI_SPACE_RE,
    _NOTE_MIDDLE_LINES,
    _PROSE_OPENER_RE,
    _PROSE_PUNCT_RE,
    _QUESTION_HEADLINE_RE,
    _SENTENCE_PUNCT_RE,
    _SHORT_MARGIN,
    _SUBHEADING_ORNAMENT_RE,
    _TRAILING_JUMP_RE,
    _VERSE_ORNAMENTS,
    _VERSE_RUN,
    AUTHOR_NOTE_RE,
    BULLET_RE,
    HAN,
    _carried_mark,
    _cells,
    _closes_a_bracket,
    _dispatch_org,
    _dispatch_source,
    _groups,
    _is_body_fragment,
    _is_headline_like,
    _is_name_kicker,
    _is_note,
    _Line,
    _looks_like_prose,
    _opens_story,
    _ornamented_subheading,
    _set_width,
    _short_paragraph,
    _Story,
    _story_head,
    _verse_line,
    clean_prose,
    closes_text,
    display_width,
    is_appointments_label,
    is_appointments_list,
    is_byline,
    is_editors_note,
    is_notice_box,
    is_page_furniture,
    is_summary_label,
    stamp_author,
    text_date,
    verse_lines,
)
from storage.ingest.page_seams import (
    _full_line,
)
from storage.ingest.segmenter.cut import _Cut, _Dropped
from storage.ingest.segmenter.page_facts import page_facts
from storage.ingest.segmenter.reading import Reading
from storage.ingest.segmenter.shapes.captions import (
    _BARE_CREDIT_RE,
    _CAPTION_CREDIT_RE,
    _CAPTION_MAX_CHARS,
    _CAPTION_MAX_LINES,
    _CAPTION_NOTE_RE,
    _CAPTION_STORY_CHARS,
    _DATED_CAPTION_RE,
    _INNER_CAPTION_LINES,
    _NAME_CREDIT_RE,
    _caption_over_dateline,
    _caption_rest,
    _inner_caption_end,
    _is_caption_group,
)
from storage.ingest.segmenter.shapes.headlines import (
    _ANNOUNCE_SHARE,
    _ATOP_LEAD_MIN_LINES,
    _ATOP_LINE_MIN_CHARS,
    _BODY_LINE_SHARE,
    _BODY_LINE_SHARED_PAIRS,
    _CUT_WORD_STRENGTH,
    _HEADLINE_INSIDE_MIN_PAIRS,
    _HEADLINE_INSIDE_REACH,
    _INSIDE_SHARED_PAIRS,
    _RUN_ON_HEADLINE_WIDTH,
    _TOPIC_CHANGE_SHARE,
    _announces_next,
    _changes_topic,
    _first_line_width,
    _full_line_with_a_comma,
    _headline_atop_dateline,
    _headline_over_dateline,
    _headline_over_opening,
    _is_headline_group,
    _over_authors_line,
    _over_dateline,
    _over_indented_text,
    _paragraph_opening_cut,
    _starts_next_story,
)
from storage.ingest.segmenter.shapes.items import (
    _BARE_REFERENCE_RE,
    _BRIEFS_NAME_RE,
    _DASH_TAIL_RE,
    _DIGEST_ENTRY_RE,
    _DIGEST_LABEL_RE,
    _DIGEST_SPLIT_RE,
    _EDITOR_MARK_RE,
    _EDITOR_MARK_RUN_ON_RE,
    _GUIDE_LABEL_RE,
    _LINK_LABEL_RE,
    _PAGE_REFERENCE_END_RE,
    _RULE_LINE_RE,
    _SOURCE_MARK_RE,
    _SOURCE_MARK_RUN_ON_RE,
    _SOURCE_TAG_RE,
    _STRIP_HEADING_RE,
    _after_source_mark,
    _closed_by_its_source,
    _prints_items_sources,
)
from storage.ingest.segmenter.shapes.names import (
    _AUTHOR_ALONE_RE,
    _CLOSING_NAMES_RE,
    _INITIALS_RE,
    _REPORTER_ROLE_RE,
    _byline_text,
    _dateline_alone,
    _text_follows,
)
from storage.ingest.segmenter.shapes.noise import (
    _STRAY_LINE_RE,
    _TWO_HAN_RE,
    _finishes_a_word,
    _is_garbled,
    _is_noise,
)
from storage.ingest.segmenter.shapes.run_in_heads import (
    _BRACKETED_HEAD_RE,
    _ITEM_HEAD_MIN_CHARS,
    _LEAD_OPENING_RE,
    _RUN_IN_BRACKET_RE,
    _RUN_IN_BULLET_RE,
    _RUN_IN_SEPARATOR_RE,
    _WHOLE_BRACKET_RE,
    _run_in_parts,
)
from storage.ingest.segmenter.shapes.sentences import (
    _BRACKETED_LINE_RE,
    _NOTE_LINES,
    _brackets_balance,
    _ended_by_a_note,
    _ends_sentence,
    _is_jump_start,
    _pairs,
    _quotes_closed,
)

# A brief's head in a column of briefs (短讯, 简讯) opens with a bullet (`BULLET_RE`: ``■…``, ``▶ …``);
# its text follows on the next line, with no blank line between.


_SUBHEADING_ROLE = "sub-heading: an ornamented short line between paragraphs of the open story"


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
    """The segmenting step: one pass over the page's blank-line groups, one method per kind of line.

    Each method looks at a line, and when the line is of its kind, takes it (into the open story, a
    headline group, the dropped lines), records the role and why, and returns True.
    """

    def __init__(self, lines: list[_Line]) -> None:
        self.page = page_facts(lines)
        self.state = Reading(among_items=_prints_items_sources(lines))

    def run(self) -> _Cut:
        for group_index, group in enumerate(self.page.groups):
            self.group(group_index, group)
        self.state.at_page_end = True
        if self.state.current is not None:
            self.close()
        return _Cut(
            self.state.stories,
            self.state.gap_groups,
            self.state.dropped,
            roles=self.state.roles,
            column=self.page.column,
        )

    # -- the story being read

    def start(self, line: _Line, why: str) -> None:
        if self.state.current is not None:
            self.close(opener=line)
        story = _Story()
        if self.state.picture_next:
            self.state.picture, self.state.picture_next = story, False
        if self.state.under_bullet:
            self.state.brief = story  # opened under a brief's head, whatever opens its text (a dateline)
        story.lines.append(line)
        if self.state.pending_byline is not None:
            story.byline = self.state.pending_byline
            self.state.pending_byline = None
        story.printed_date, self.state.pending_date = self.state.pending_date, None
        story.own_head, self.state.pending_head = self.state.pending_head, None
        self.state.current = story
        self.state.roles[line.number] = f"opens a story: {why}"

    def close(self, opener: _Line | None = None) -> None:
        """Close the open story. One that ended without a byline may have swallowed the headlines that
        follow it: several may stand stacked there; the text before the first of them ends a sentence,
        unless they stand right over the dateline that opens the next story (`opener`, in their block:
        ``…为中葡关系长远发`` / blank / ``第二届中国国际进口博览`` / ``会在韩国举行推介会`` / ``本报首尔…电``),
        where the text before them broke off at a column's end."""
        story = self.state.current
        self.state.current = None
        if story is None:
            return
        if not story.closed_by_byline and not story.ended:
            groups = _groups(story.lines)
            cut = len(groups)
            while (
                cut > 1
                and _is_headline_like(groups[cut - 1])
                and not _is_body_fragment(groups[cut - 1])
                and not _full_line_with_a_comma(groups[cut - 1], self.page.column)
                and not _is_note(groups[cut - 1][0].text)
                and not _AGENCY_CREDIT_RE.match(groups[cut - 1][0].text)
            ):
                cut -= 1
            # A kicker naming the story under it (``杨志坚：``), read before body text of another story:
            # it goes with the next headline, wherever the OCR left it.
            kickers = [g for g in groups[1:cut] if _is_name_kicker(g)]
            kept = [line for group in groups[:cut] if not any(group is k for k in kickers) for line in group]
            trailing = [*kickers, *groups[cut:]]
            run_on = self.run_on_headline(kept)
            if run_on < len(kept):
                trailing = [kept[run_on:], *trailing]
                kept = kept[:run_on]
            else:
                over_dateline = (
                    opener is not None
                    and len(trailing) == 1
                    and not opener.blank_before
                    and bool(_DATELINE_RE.match(opener.text))
                    and self.page.next_number.get(trailing[0][-1].number) == opener.number
                    and _is_headline_group(trailing[0], self.page.column)
                )
                while trailing and not _ends_sentence(kept) and not over_dateline:
                    kept += trailing.pop(0)
            story.lines = kept
            for group in trailing:
                self.state.gap_groups.append((len(self.state.stories) + 1, group))
                for line in group:
                    self.state.roles.setdefault(
                        line.number, "headline: a line without sentence marks after the story's end"
                    )
        if story.lines:
            self.state.stories.append(story)

    def run_on_headline(self, lines: list[_Line]) -> int:
        """Where a headline printed right under the story's last sentence starts, no blank line between
        (``…正式启动。`` / ``前9月风电发电量同比增9%``): short lines without sentence marks, commas or
        open brackets after a sentence end; `len(lines)` when there is none.

        A line as wide as the column may be the first line of a paragraph whose sentence goes on in the
        next column, so it is taken only where no paragraph can go on: at the page's end, under a
        closing note (``（本报曼谷2月1日电）``, the story's last line), without the indent the story's
        other paragraphs open with, filling the column under a paragraph's short last line (``康。`` /
        ``京沈高铁等28个铁路项目复工``), or under a line clearly too short to be a paragraph's first line
        (``周强强调`` / ``推动建设更高水平 平安中国法治中国``)."""
        cut = self._headline_run_start(lines, full_lines=False)
        if cut == len(lines):
            cut = self._headline_run_start(lines, full_lines=True)
            if cut == len(lines):
                return cut
            after_note = bool(_CLOSING_NOTE_RE.match(lines[cut - 1].text))
            # Where the OCR kept the story's indents, a paragraph's first line is indented.
            unindented = any(_INDENT_RE.match(line.text) for line in lines) and not _INDENT_RE.match(
                lines[cut].text
            )
            first = display_width(lines[cut].text.strip())
            # After a paragraph's short last line, the next paragraph's first line is short by its
            # indent: a line wider than that opens none.
            full_after_paragraph_end = (
                first >= self.page.column - _INDENT_CELLS + _HALF_CELL
                and _set_width(lines[cut - 1].text.strip()) < self.page.column - _SHORT_MARGIN
            )
            if (
                not self.state.at_page_end
                and not after_note
                and not unindented
                and not full_after_paragraph_end
                and first > self.page.column - _INDENT_CELLS - 2 * _SHORT_MARGIN
            ):
                return len(lines)
        for line in lines[cut:]:
            self.state.roles[line.number] = "headline: printed right under the story's last sentence"
        return cut

    def _headline_run_start(self, lines: list[_Line], *, full_lines: bool) -> int:
        """Where the headline-like lines after the last sentence start (`len(lines)` when none do);
        lines as wide as the column count only when `full_lines`. Where the OCR kept the story's
        indents, an indented line opens a paragraph (``　　“我把新年祝福…带到岛上！”``): no headline."""
        cut = len(lines)
        indented = any(_INDENT_RE.match(line.text) for line in lines)
        while (
            cut > 1
            and len(lines) - cut < _HEADLINE_MAX_LINES
            and not lines[cut - 1].blank_before
            and self._headline_like_under_story(lines[cut - 1])
            and display_width(lines[cut - 1].text.strip()) <= _RUN_ON_HEADLINE_WIDTH
            and (full_lines or not self._fills_column(lines[cut - 1].text.strip()))
            and not re.search(self._not_in_run_on_headline(lines[cut - 1]), lines[cut - 1].text)
            and _brackets_balance(lines[cut - 1].text)
            and not _is_note(lines[cut - 1].text)
            and not _BRACKETED_LINE_RE.match(lines[cut - 1].text)
            and not is_byline(lines[cut - 1].text)
            and not _AGENCY_CREDIT_RE.match(lines[cut - 1].text)
            and not (indented and _INDENT_RE.match(lines[cut - 1].text))
        ):
            cut -= 1
        # The headline starts after the story's last sentence: a line ending in ``！`` over text that
        # goes on (``盾。向所有负重前行的共和国勇`` / ``士致敬！``) is that sentence's end, not a headline.
        while cut < len(lines) and not _ends_sentence(lines[:cut]):
            cut += 1
        if cut == len(lines):
            return len(lines)
        head = lines[cut:]
        if _is_body_fragment(head) or len(_HAN_RE.findall("".join(line.text for line in head))) < 4:
            return len(lines)
        return cut

    def _headline_like_under_story(self, line: _Line) -> bool:
        """A line that may be a headline printed under the story's last sentence: no sentence marks, or,
        where the next story opens after the block (`_next_story_opens`), one ``！`` inside it
        (``致敬！逆向而行的白衣天使``)."""
        if _is_headline_like([line]):
            return True
        text = line.text.strip()
        return (
            text.count("！") + text.count("!") == 1
            and not re.search("[。；？;?]", text)
            and not text.endswith(("！", "!"))
            and self._next_story_opens(line)
        )

    def _next_story_opens(self, line: _Line) -> bool:
        """Whether `line` ends its block and the next story opens after it: past the headline groups
        printed there, the page ends (its footer aside), or a dateline or a byline opens a story, or
        text follows those headlines. A body line a column break cut is followed by the rest of its
        sentence, never by a headline or a story's opening."""
        k = self.page.group_of.get(line.number)
        if k is None or self.page.groups[k][-1] is not line:
            return False
        following = [g for g in self.page.groups[k + 1 :] if not all(self.is_furniture(x) for x in g)]
        skipped = 0
        while (
            following and skipped < _HEADLINE_MAX_LINES and _is_headline_group(following[0], self.page.column)
        ):
            following = following[1:]
            skipped += 1
        if not following:
            return True
        first = following[0][0].text.strip()
        return bool(_DATELINE_RE.match(first)) or is_byline(first) or skipped > 0

    def _not_in_run_on_headline(self, line: _Line) -> str:
        """Marks a headline printed under the story's last sentence does not hold: commas and colons,
        and the enumeration comma ``、`` (a body line cut inside a list holds it), unless the next story
        opens after the block (`_next_story_opens`: ``张又侠分别会见俄罗斯、塞尔维亚国防部长`` / blank /
        ``本报北京10月22日电…``; ``北京高考，改4天了`` / blank / the next headline), where no sentence can
        go on. A comma and a ``、`` together are a sentence's, wherever the line stands (``连日来，湖北、
        上海、广西、江西`` over the next story's headline: a column break cut the list)."""
        if self._next_story_opens(line):
            if _DASH_END_RE.search(line.text):
                return "[，,]{2}|[：:][^”」]*[：:]"  # a kicker leading into its title
            return "[，,]{2}|[：:][^”」]*[：:]|[，,].*、|、.*[，,]"
        return "[，、,：:]"

    def _fills_column(self, text: str) -> bool:
        """Whether a line is set as full as a body line: within a margin of the column, and not a cell
        or more wider than it (no body line is, once the marks it hangs are left out)."""
        return (
            display_width(text) >= self.page.column - _SHORT_MARGIN
            and _set_width(text) < self.page.column + 1.0
        )

    def _set_full(self, index: int, group: list[_Line]) -> bool:
        """Whether a block's line is set as full as its place allows: a body line filling the column, or
        a paragraph's first line (the block's first, or under a sentence's end) filling it but for the
        indent the OCR dropped (a sub-heading ``…促进高质量发展的能`` over ``力``)."""
        text = group[index].text.strip()
        if self._fills_column(text):
            return True
        first = index == 0 or _ends_sentence(group[index - 1 : index])
        full = self.page.column - _INDENT_CELLS - _SHORT_MARGIN
        return first and full <= display_width(text) < self.page.column - _SHORT_MARGIN

    def ends_sentence(self) -> bool:
        return self.state.current is not None and (
            self.state.current.ended or _ends_sentence(self.state.current.lines)
        )

    def drop(self, line: _Line, kind: str, text: str | None = None) -> None:
        self.state.dropped.append(
            _Dropped(line.number, kind, (text if text is not None else line.text).strip())
        )

    def is_furniture(self, line: _Line) -> bool:
        return line.number in self.page.masthead or is_page_furniture(line.text)

    # -- a blank-line group

    def group(self, group_index: int, group: list[_Line]) -> None:
        if (cut := _after_source_mark(group)) is not None:
            # A digest item's source closes the item (`source_mark`): the line after it opens the next
            # item's block, as a blank line would (``（据人民网电）`` / ``中美签署第一阶段经贸协议`` / ``当地…``).
            self.group(group_index, group[:cut])
            self.group(group_index, group[cut:])
            return
        self.state.group_index = group_index
        caption_cut, caption_before = self.state.caption_open, self.state.caption_before
        self.state.caption_open = self.state.caption_before = False
        if self.credit_after_text(group_index, group):
            return
        if self.caption_after_text(group_index, group):
            return
        if self.strip_heading(group_index, group):
            return
        if self.ornamented_column_over_a_piece(group):
            self.close()
            self.state.gap_groups.append((len(self.state.stories), group))
            self.state.roles[group[0].number] = (
                "headline: a column's name over a piece's title, its author next"
            )
            return
        # A box's label (``■延伸阅读``) before any ornamented sub-heading (``■多措并举``) is read.
        group = self.link_box(group)
        if not group:
            return
        if self.ornamented_subheading(group_index, group):
            group = group[1:]
            if not group:
                return
        if _is_caption_group(group):
            for line in group:
                self.drop(line, "caption")
            # A caption cut off mid-sentence by a column break goes on in the next block.
            self.state.caption_open = not _ends_sentence(group) and not _AGENCY_CREDIT_RE.match(
                group[-1].text
            )
            self.state.caption_before = True
            return
        if caption_before and _BARE_CREDIT_RE.match(group[0].text):
            # The credit of the caption above, in a block of its own: never a byline. Like a credit
            # standing before a story's text, it ends the story above.
            self.drop(group[0], "caption")
            self.close()
            group = group[1:]
            if not group:
                return
        if caption := _caption_over_dateline(group):
            for line in group[:caption]:
                self.drop(line, "caption")
            group = group[caption:]
        if caption_cut and (credit := _caption_rest(group)) is not None:
            for line in group[: credit + 1]:
                self.drop(line, "caption")
            group = group[credit + 1 :]
            if not group:
                return
        group = self.guide_box(self.digest_strip(group))
        if not group or self.bulleted_subheadings(group):
            return
        if self.column_head(group_index, group) or self.county_box(group):
            return
        if self.bracket_tail(group):
            return
        if all(_is_noise(line.text) or _is_garbled(line.text) for line in group):
            for line in group:
                self.drop(line, "OCR noise")
            return
        labels = [line for line in group if is_summary_label(line.text)]
        for line in labels:
            self.drop(line, "label over a summary")
        group = [line for line in group if line not in labels]
        if not group:
            return
        # An editor's mark under text in its block (``责编：王某``) is read in its place (`editor_mark`):
        # it closes the story above it.
        furniture = [
            line
            for k, line in enumerate(group)
            if self.is_furniture(line)
            and not self.text_line(k, group)
            and not (k and _EDITOR_MARK_RE.match(line.text))
        ]
        # Notes ending the block after its text (``《 人民日报 》（…第 10 版）``, ``（责编：王某）``, a chart's
        # source) close the story that text ends.
        tail = len(group)
        while tail > 0 and closes_text(group[tail - 1].text):
            tail -= 1
        closes = 0 < tail < len(group)
        if furniture:
            if self.state.current is not None and self.ends_sentence() and self.is_furniture(group[0]):
                self.close()  # a page footer after a story printed without a byline
            for line in furniture:
                self.drop(line, "header/footer" if is_page_furniture(line.text) else "masthead")
            group = [line for line in group if line not in furniture]
            if not group:
                for line in furniture:
                    self.date_text(line, under=False)
                    self.date_text(line, under=True)
                return
        # A line dating one text dates the next story opened when it stands over its text (read now), the
        # story its block's text went to when it stands under it (read once that text is).
        for line in furniture:
            self.date_text(line, under=False)
        if self.state.current is not None and len(group) == 1 and _NAME_CREDIT_RE.match(group[0].text):
            # A photographer's credit, a name and 摄 (``吴涛摄``), a block of its own under a story's text:
            # the credit of a photo set in the story's column, never a headline nor a byline; what
            # follows decides whether the story goes on.
            self.drop(group[0], "caption")
            return
        if (
            self.state.current is not None
            and self.ends_sentence()
            and self.word_among_specks(group_index, group)
        ):
            for line in group:
                self.drop(line, "OCR noise")
            return
        if self.stanza(group_index, group):
            return
        if (
            self.state.current is not None
            and not self.state.current.ended
            and self.kicker_with_a_comma(group_index)
        ):
            self.close()
            self.state.gap_groups.append((len(self.state.stories), group))
            return
        if (
            self.state.current is not None
            and not self.state.current.ended
            and not _CLOSING_NOTE_RE.match(group[0].text)
            and not _CLOSING_NAMES_RE.match(group[0].text)
            and self.headline_between(group_index)
        ):
            self.close()  # a headline printed between this story and the next one's text
        if self.headline_inside_a_sentence(group_index, group):
            return
        if self.headline_atop_its_lead(group_index, group):
            return
        if self.headline_over_an_indented_lead(group):
            return
        self.lines_from(0, group)
        for line in furniture:
            self.date_text(line, under=True)
        if closes and self.state.current is not None and self.ends_sentence():
            self.close()

    def strip_heading(self, group_index: int, group: list[_Line]) -> bool:
        """A strip heading over a group of a digest page's items (``国内``, ``【国际】``, ``■社会``,
        ``——财经——``, ``社会·民生``, a name over a rule line) or of a sports page's dispatches
        (``体坛快讯``, ``【体坛速递】``): a section's or a briefs column's name papers repeat, short, alone in
        its block, no punctuation, between a story that ended and the next block. It is no headline: it is
        dropped, and the story above is closed. A briefs column's name over bulleted or numbered briefs
        is their column head (`column_head`)."""
        lines = group[:-1] if len(group) == 2 and _RULE_LINE_RE.match(group[1].text) else group
        if len(lines) != 1 or not _STRIP_HEADING_RE.match(lines[0].text):
            return False
        if group_index + 1 >= len(self.page.groups):
            return False
        following = self.page.groups[group_index + 1][0].text.strip()
        if _BRIEFS_NAME_RE.search(lines[0].text) and (BULLET_RE.match(following) or number_mark(following)):
            return False  # a column's name over its bulleted or numbered briefs (`column_head`)
        story = self.state.current
        if story is not None and not story.ended and not self.ends_sentence():
            return False
        if story is not None:
            self.close()
        self.state.among_items = True
        for line in group:
            self.drop(line, "strip heading")
            self.state.roles[line.number] = "a strip heading over a group of items: no headline"
        return True

    def date_text(self, line: _Line, *, under: bool) -> None:
        """A dropped line that dates one text (`text_date`) and stands `under` it or over it: under, it
        dates the open story (or the last one); over, the next story opened."""
        found = text_date(line.text)
        if found is None or found[1] != under:
            return
        story = (
            self.state.current
            if self.state.current is not None
            else (self.state.stories[-1] if self.state.stories else None)
        )
        if under and story is not None:
            story.printed_date = found[0]
        elif not under:
            self.state.pending_date = found[0]
            # A site's date line naming the author (``… 作者：王某``): the next story's byline.
            if (author := stamp_author(line.text)) is not None and self.state.pending_byline is None:
                self.state.pending_byline = author

    def dash_kicker(self, group: list[_Line]) -> bool:
        """A kicker of phrases ending in a dash (``基站率先布局，研发持续推进，商用先行先试——``), alone in
        its block over a headline block: a headline line, though it holds commas."""
        text = group[0].text.strip()
        following = self.state.group_index + 1
        return (
            len(group) == 1
            and text.endswith("——")
            and following < len(self.page.groups)
            and _is_headline_group(self.page.groups[following], self.page.column)
        )

    def text_line(self, index: int, group: list[_Line]) -> bool:
        """A line between two lines of a block, set to the column's measure, that reads as a page header
        (``第四版和诊疗方案试行第五版修正版的官方``): a line of text that names a page, never furniture."""
        line = group[index]
        return (
            0 < index < len(group) - 1
            and line.number not in self.page.masthead
            and self._fills_column(line.text.strip())
            and self._fills_column(group[index - 1].text.strip())
        )

    def county_box(self, group: list[_Line]) -> bool:
        """A 公益广告 box (``讲文明 树新风`` / ``中牟县文明办 宣``), a notice, a weather box and a list of
        appointments under its label belong to no story; a 图片新闻 label heads
        no story but makes the next one a picture story, closed by its photographer's credit."""
        texts = [line.text for line in group]
        appointments, self.state.appointments_next = self.state.appointments_next, False
        # An editor's note right under a piece's last sentence introduces what follows it, not that piece
        # (under a headline it is its story's first paragraph).
        after_piece = self.state.current is not None and self.ends_sentence() and is_editors_note(texts)
        if is_notice_box(texts) or after_piece or (appointments and is_appointments_list(texts)):
            if self.state.current is not None and self.ends_sentence():
                self.close()
            for line in group:
                self.drop(line, "notice")
            return True
        if len(group) == 1 and is_appointments_label(texts[0]):
            if self.state.current is not None and self.ends_sentence():
                self.close()
            self.drop(group[0], "notice")
            self.state.appointments_next = True
            return True
        if is_ad_box(texts):
            if self.state.current is not None and self.ends_sentence():
                self.close()
            for line in group:
                self.drop(line, "public-service advertisement")
            return True
        if len(group) == 1 and is_picture_label(texts[0]):
            if self.state.current is not None and self.ends_sentence():
                self.close()
            self.drop(group[0], "column head")
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
            self.state.roles[line.number] = "text: a sub-heading bulleted as the open story's others"
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
        if self.state.current is not None and self.ends_sentence():
            self.close()
        self.drop(group[0], "column head")
        return True

    def link_box(self, group: list[_Line]) -> list[_Line]:
        """A box after a story (``相关链接``, ``【延伸阅读】``): its label ends the story above and belongs to
        no story; a head under it (short, no sentence end, text under it) is the headline of the box's
        own text, which opens a story. The rest of the block is returned."""
        if not group or not _LINK_LABEL_RE.match(group[0].text):
            return group
        if self.state.current is not None and self.ends_sentence():
            self.close()
        self.drop(group[0], "label of a box after a story")
        rest = group[1:]
        # A line as full as the column (its indent aside) with a comma in it, over a full line, is the box's
        # text wrapped at the measure, no head (a head stands over its text's indented first line)
        # (``相关阅读`` / ``近日，又有一些国家政要及国际组织负`` / ``责人继续…``).
        wrapped = (
            len(rest) >= 2
            and _set_width(rest[0].text.strip()) >= self.page.column - _SHORT_MARGIN - _INDENT_CELLS
            and bool(_COMMA_RE.search(rest[0].text))
            and self._fills_column(rest[1].text.strip())
        )
        if len(rest) >= 2 and _is_headline_like(rest[:1]) and not _ends_sentence(rest[:1]) and not wrapped:
            head = rest[0]
            self.state.gap_groups.append((len(self.state.stories), [head]))
            self.state.roles[head.number] = "headline: the head of a box under its label"
            return self._box_story(rest[1], "text under the head of a box", rest[2:])
        if wrapped and len(rest) >= 2:
            # The box's own text, no head: a story of its own (its title inferred), not a headline.
            return self._box_story(rest[0], "text of a box under its label", rest[1:])
        return rest

    def _box_story(self, first: _Line, why: str, rest: list[_Line]) -> list[_Line]:
        """A box's text as a story of its own: the open story closed, one started at `first`, the block's
        `rest` read into it. Nothing of the block is left."""
        if self.state.current is not None:
            self.close()
        self.start(first, why)
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
                self.drop(line, "guide to other pages")
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
            self.drop(line, "guide to other pages")
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
            self.drop(line, "guide to other pages")
        self.state.guide_open = start is not None and end == len(group)
        return group[: (first if start is None else start)] + group[end:]

    def open_story_ends_with(self, line: _Line) -> bool:
        """Whether a story is open and `line` is its last line so far (what comes next sits right under
        its text)."""
        story = self.state.current
        return story is not None and not story.ended and bool(story.lines) and story.lines[-1] is line

    def credit_after_text(self, group_index: int, group: list[_Line]) -> bool:
        """A photo's credit alone in its block right after the open story's text (a column break fell
        between ``…心里像吃了蜜一样甜。`` and ``瞿明斌摄（影像中国）``): the story's last paragraph, as when
        no break falls there. After a caption's ``图为…`` block it is the caption's credit."""
        story = self.state.current
        if not (
            len(group) == 1
            and _AGENCY_CREDIT_RE.match(group[0].text)
            and story is not None
            and group_index > 0
            and self.open_story_ends_with(self.page.groups[group_index - 1][-1])
            and _ends_sentence(story.lines)
        ):
            return False
        story.lines.append(group[0])
        self.state.roles[group[0].number] = (
            "photo credit right under the story's text: a paragraph of its own"
        )
        return True

    def caption_after_text(self, group_index: int, group: list[_Line]) -> bool:
        """A photo's caption in a block of its own right after a story's text (``5月1日，…。  新华社记者
        王某 摄``, the credit on its last line or under it): a sentence or two closed by a photographer's
        credit, under a story whose text ended its sentence. It belongs to no story: the photographer is
        not the story's reporter. A picture story's caption (under a 图片新闻 label) stays its story. A story
        cut off by its jump line (``▶下转第4版``) may have a caption right under it too, its sentence open;
        and a caption opening with its day (``1月12日，…``) may stand inside a story's columns, where its
        sentence breaks off to go on in the next block. The credit may be an agency's
        (``王某摄（人民视觉）``, ``新华社发 王某摄``, ``（新华社发）``)."""
        story = self.state.current
        if story is None or story is self.state.picture or not story.lines or group_index == 0:
            return False
        above = self.page.groups[group_index - 1][-1]
        jumped = story.ended and bool(_JUMP_LINE_RE.match(above.text)) and _is_jump_start(above.text)
        # A dated caption inside the story's columns, its sentence broken off above and going on below.
        inside = bool(_DATED_CAPTION_RE.match(group[0].text)) and group_index + 1 < len(self.page.groups)
        after_text = self.open_story_ends_with(above) and (_ends_sentence(story.lines) or inside)
        if not (jumped or after_text) or len(group) > _CAPTION_MAX_LINES:
            return False
        text = "".join(line.text.strip() for line in group)
        credit = _CAPTION_CREDIT_RE.search(text)
        if credit is None or not credit.start() or len(text[: credit.start()]) > _CAPTION_MAX_CHARS:
            return False
        for line in group:
            self.drop(line, "caption")
        return True

    def ornamented_subheading(self, group_index: int, group: list[_Line]) -> bool:
        """A sub-heading set with an ornament (``■多措并举稳就业``, ``▲培育产业生态``) opening a block
        inside a story: the story's text ended its sentence before it, it is short and ends no sentence,
        and text set to the column's measure follows it (a paragraph, no dateline or byline, no other
        ornamented line, no photo credit in its block): a paragraph of the open story, not a headline
        over the next one nor a caption (whose first line fills the column).
        Not in a column of briefs, whose bulleted heads do head the next item."""
        story = self.state.current
        line = group[0]
        text = line.text.strip()
        if (
            story is None
            or story.ended
            or story is self.state.brief
            or len(story.lines) < 2
            or not _SUBHEADING_ORNAMENT_RE.match(text)
            or not _ends_sentence(story.lines)
            or self._fills_column(text)  # a caption's first line, wrapped at the measure
            or any(re.search("摄[ \t\u3000]*$", other.text) for other in group)  # a photo's credit
        ):
            return False
        if not _ornamented_subheading(text) or self.run_in_item(0, group) is not None:
            return False  # (``■河北“老赖地图”小程序上线 身边有`` / …: an item's lead-in run in)
        following = group[1] if len(group) > 1 else None
        if following is None and group_index + 1 < len(self.page.groups):
            following = self.page.groups[group_index + 1][0]
        if following is None:
            return False
        after = following.text.strip()
        if (
            _SUBHEADING_ORNAMENT_RE.match(after)
            or _DATELINE_RE.match(after)
            or is_byline(after)
            or display_width(after) < self.page.column - _INDENT_CELLS - 1.0
        ):
            return False
        story.lines.append(line)
        self.state.roles[line.number] = _SUBHEADING_ROLE
        return True

    def headline_inside_a_sentence(self, group_index: int, group: list[_Line]) -> bool:
        """A headline line the OCR read in another story's column, inside a sentence of it
        (``…证明自己`` / ``吴江推行同工同酬、改善住房等举措`` / ``的过程，…``): the open story's sentence
        breaks off before it and goes on after it (no headline, dateline or byline there), the line
        reads on into neither, and
        its words are another story's (the page's text after it repeats half its character pairs; the
        open story, next to none). It goes to the headline groups, for the matching step to place."""
        story = self.state.current
        if (
            story is None
            or story.ended
            or len(group) != 1
            or group_index + 1 >= len(self.page.groups)
            or _ends_sentence(story.lines)
            or not _is_headline_group(group, self.page.column)
        ):
            return False
        line = group[0]
        text = _MULTI_SPACE_RE.sub("", clean_prose(line.text))
        following = _MULTI_SPACE_RE.sub("", self.page.groups[group_index + 1][0].text)
        if (
            _is_headline_group(self.page.groups[group_index + 1], self.page.column)
            or _DATELINE_RE.match(following)
            or is_byline(following)
        ):
            return False
        own = _pairs(text)
        if len(own) < _HEADLINE_INSIDE_MIN_PAIRS:
            return False
        later = "".join(
            ln.text
            for g in self.page.groups[group_index + 1 : group_index + 1 + _HEADLINE_INSIDE_REACH]
            for ln in g
        )
        before = "".join(ln.text for ln in story.lines)
        after = _pairs(_MULTI_SPACE_RE.sub("", clean_prose(later)))
        mine = _pairs(_MULTI_SPACE_RE.sub("", clean_prose(before)))
        if text[-1:] + following[:1] in _MULTI_SPACE_RE.sub(
            "", later[len(self.page.groups[group_index + 1][0].text) :]
        ):
            return False  # the line reads on into the next block (``帮|助``): text of the story
        if len(own & after) < _ANNOUNCE_SHARE * len(own) or len(own & mine) > max(
            _INSIDE_SHARED_PAIRS, _TOPIC_CHANGE_SHARE * len(own)
        ):
            return False
        self.state.gap_groups.append((len(self.state.stories) + 1, group))
        self.state.roles[line.number] = (
            "headline: read inside another story's sentence, its words another story's"
        )
        return True

    def headline_atop_its_lead(self, group_index: int, group: list[_Line]) -> bool:
        """A headline the OCR read in one block with its story's lead, no blank line between
        (``多哥开设首个大学中文系`` / ``近日，多哥洛美大学新开设中文系`` / ``并迎来首批21名新学生。…``), the
        block read after another story's text: the roles from the cues together, none enough alone.

        The first line is headline-like (no sentence mark, no comma, balanced brackets, four Han
        characters at least) and set clearly short of the column (no body line is, but a paragraph's
        last, which ends its sentence); the line under it is set as a paragraph's first line or a full
        one and opens prose (no dateline, byline or headline); the lines under it repeat at least half
        of its character pairs, more than the story above does; and the story above broke off inside a
        sentence, its last line set full (or as an indented first line) and ending on a word (a
        sub-heading between a story's paragraphs stands after a sentence end or a label). The open story
        closes, the first line goes to the headline groups and the rest opens a story. A dateline under
        the line is `_headline_atop_dateline`'s.

        A headline wrapped over two such lines (``中国羽毛球队海外集训`` / ``将全力争夺奥运积`` / ``日前，中国
        羽毛球队部分…``) is read so after a story that ended its sentence too, when that story holds
        none of its words (one character pair by chance): a sub-heading repeats its story's words."""
        story = self.state.current
        if story is None or story.ended:
            return False
        return self._headline_atop(group_index, group, 1) or self._headline_atop(group_index, group, 2)

    def _head_line_atop(self, head: _Line, depth: int) -> str | None:
        """A line of a headline read atop its lead (`headline_atop_its_lead`): its text, squashed; None
        for a line no headline of `depth` lines holds."""
        text = _MULTI_SPACE_RE.sub("", clean_prose(head.text))
        if (
            not _is_headline_like([head])
            or _COMMA_RE.search(head.text)
            or not _brackets_balance(head.text)
            or len(_HAN_RE.findall(text)) < _ATOP_LINE_MIN_CHARS[depth]
            or display_width(head.text.strip()) > self.page.column - _INDENT_CELLS - 2 * _SHORT_MARGIN
            or is_byline(head.text)
            or _DATELINE_RE.match(head.text)
            or self.is_furniture(head)
            or _is_note(head.text)
            or _CAPTION_RE.match(head.text)
            or _NAME_CREDIT_RE.match(head.text)
        ):
            return None
        return text

    def _headline_atop(self, group_index: int, group: list[_Line], depth: int) -> bool:
        """`headline_atop_its_lead` for a headline of `depth` lines."""
        story = self.state.current
        assert story is not None
        if len(group) < depth + 1:
            return False
        heads, lead = group[:depth], group[depth]
        texts = [self._head_line_atop(head, depth) for head in heads]
        if any(text is None for text in texts):
            return False
        text = "".join(t for t in texts if t)
        first = lead.text.strip()
        if (
            _DATELINE_RE.match(first)
            or is_byline(first)
            or _cells(first) < self.page.column - _INDENT_CELLS - _HALF_CELL
            or (_is_headline_like(group[depth : depth + 2]) and not _COMMA_RE.search(first))
            or not (_opens_story(group[depth:]) or _COMMA_RE.search(first))
        ):
            return False
        own = _pairs(text)
        if len(own) < 3:
            return False
        # The text under it: the rest of its block and the blocks after it.
        under_lines = [
            *group[depth:],
            *(ln for g in self.page.groups[group_index + 1 : group_index + 3] for ln in g),
        ]
        under = _pairs(_MULTI_SPACE_RE.sub("", clean_prose("".join(line.text for line in under_lines))))
        shared = len(own & under)
        if shared < _ANNOUNCE_SHARE * len(own):
            return False
        above = _pairs(_MULTI_SPACE_RE.sub("", clean_prose("".join(ln.text for ln in story.lines))))
        if len(own & above) >= shared:
            return False
        # A sub-heading between two paragraphs of one story repeats the paragraph under it too, and
        # stands after a sentence the story ended or a label (``记者手记``, ``…曹清尧：``): never inside a
        # sentence a column break cut, the story's last line set full (or as a paragraph's indented
        # first line) and ending on a word. Two short lines may stand after a sentence the story above
        # ended when that story holds none of their words (one character pair by chance): a story's
        # sub-headings repeat its words.
        last = story.lines[-1].text.strip() if story.lines else ""
        broke_off = _cells(last) >= self.page.column - _INDENT_CELLS - _HALF_CELL and bool(
            re.search(f"[{HAN}0-9A-Za-z]$", last)
        )
        foreign = len(own & above) <= _INSIDE_SHARED_PAIRS
        if not broke_off and not (depth > 1 and foreign and self.ends_sentence()):
            return False
        self.close()
        self.state.gap_groups.append((len(self.state.stories), heads))
        for head in heads:
            self.state.roles[head.number] = (
                f"headline: set atop its lead in one block{'' if depth == 1 else f' ({depth} lines)'}, "
                f"short of the column, the text under it repeating {shared} of its {len(own)} character pairs"
            )
        self.start(lead, "text under a headline read in its block")
        self.lines_from(depth + 1, group)
        return True

    def headline_over_an_indented_lead(self, group: list[_Line]) -> bool:
        """A digest item's head on a line of its own right over its lead, no blank line between
        (``十二生肖文创展亮相首尔`` / ``“金鼠报吉——中国十二生肖`` / ``文创展”近日在韩国首尔…``), on a page
        of items (a source closed an item above, or a strip heading stood over them), the block opening
        after the story above was closed or ended a sentence (an item printed without its source)
        (`item_head_over_its_lead`). The first line is the headline, the rest opens a story. (Off a page
        of items such a line is a sub-heading: never read here.)"""
        story = self.state.current
        if (
            not (self.state.among_items or _closed_by_its_source(group))
            or not (story is None or self.ends_sentence())
            or len(group) < _ATOP_LEAD_MIN_LINES
        ):
            return False
        words = self.item_head_over_its_lead(0, group)
        if words is None:
            return False
        if story is not None:
            self.close()
        head = group[0]
        self.state.gap_groups.append(
            (len(self.state.stories), [_Line(head.number, words, head.blank_before)])
        )
        self.state.roles[head.number] = (
            "headline: alone on its line right over its lead's indented first line"
        )
        self.start(group[1], "text under a headline read in its block")
        self.lines_from(2, group)
        return True

    def head_over_a_lead_inside_a_block(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """The same head inside a block, under the last line of an item printed without its source, that
        line short of the column (``…多9000亿元。`` / ``“临时妈妈”`` / ``近日，广东…``): on a page of items,
        which prints each item as one paragraph, the item above ended there."""
        if (
            not index
            or index + 1 >= len(group)
            or not self.ends_sentence()
            or not self.paragraph_ended_among_items()
        ):
            return False
        words = self.item_head_over_its_lead(index, group)
        if words is None:
            return False
        self.close()
        self.state.gap_groups.append(
            (len(self.state.stories), [_Line(line.number, words, line.blank_before)])
        )
        self.state.roles[line.number] = (
            "headline: on its line right over its lead's indented first line, inside a block"
        )
        self.state.under_bullet = True  # the next line opens the item's text
        return True

    def item_head_over_its_lead(self, index: int, group: list[_Line]) -> str | None:
        """The head's words when the block's line at `index` is a digest item's head over its lead: the
        line is headline-like (no sentence mark, two Han characters at least, of any width: display type
        may run wider than the column; no author's name; bare or one lenticular bracket,
        ``【格兰仕发布家电物联网芯片】``, its text the head), the line under it is set as a paragraph's
        indented first line (two cells short: `indented_first_line`) and opens prose."""
        head, lead = group[index], group[index + 1]
        words = head.text.strip()
        if bracketed := _WHOLE_BRACKET_RE.fullmatch(words):
            words = bracketed.group(1).strip()  # ``【格兰仕发布家电物联网芯片】``: the head in brackets
        if (
            not _is_headline_like([_Line(head.number, words, head.blank_before)])
            or _SENTENCE_PUNCT_RE.search(words)
            or not _brackets_balance(words)
            or not _quotes_closed(words)
            or len(_HAN_RE.findall(words)) < _ITEM_HEAD_MIN_CHARS
            or is_byline(words)
            or _DATELINE_RE.match(words)
            or self.is_furniture(head)
            or _is_note(words)
            or _CAPTION_RE.match(words)
            or _AUTHOR_ALONE_RE.match(words)
            or words.startswith("【")
            or BULLET_RE.match(words)  # a bulleted head is the brief's (`bulleted_head`)
            or (bracketed and _SOURCE_TAG_RE.fullmatch(words))
        ):
            return None
        first = lead.text.strip()
        wrapped_head = self.run_in_item(index, group)
        if (
            (wrapped_head is not None and wrapped_head[2])  # the head runs on into its text (`run_in_head`)
            or not self.lead_indented(lead, group[index + 2] if len(group) > index + 2 else None)
            or _DATELINE_RE.match(first)
            or is_byline(first)
            or not (_opens_story(group[index + 1 :]) or _COMMA_RE.search(first))
        ):
            return None
        return words

    def lead_indented(self, lead: _Line, below: _Line | None) -> bool:
        """Whether a lead's line opens a paragraph: its indent kept (``　“甘肃越冬…``), set two cells short
        (`indented_first_line`), or a cell shorter still because the opening mark that would end it went
        down to the full line below (``近日，中共中央、国务院印发了`` / ``《新时代…》，并``)."""
        text = lead.text.strip()
        return (
            bool(_INDENT_RE.match(lead.text))
            or self.indented_first_line(text)
            or (
                below is not None
                and _carried_mark(
                    text, below.text.strip(), self.page.column - _INDENT_CELLS, self.page.column
                )
            )
        )

    def indented_first_line(self, text: str) -> bool:
        """Whether a line is set as a paragraph's indented first line, two cells short of the column:
        its digits and Latin letters read a whole cell each, or half a cell each where the line, read
        the wider way, still falls short of the column (``当地时间1月15日，美国总统``) or the page sets
        them so (`half_width_digits`)."""
        target = self.page.column - _INDENT_CELLS
        if abs(_cells(text) - target) <= _HALF_CELL:
            return True
        narrow = abs(display_width(text) - target) <= _HALF_CELL
        return narrow and (self.page.half_width_digits or _cells(text) < self.page.column - _HALF_CELL)

    def word_among_specks(self, group_index: int, group: list[_Line]) -> bool:
        """A word of two Han characters read with specks under it (``贺电`` / ``现``), a block between two
        paragraphs of the open story, the next block text that goes on without a dateline: a piece of
        display type the OCR read apart (a wrapped headline's last word), never a headline of its own."""
        if len(group) < 2 or not _TWO_HAN_RE.fullmatch(group[0].text.strip()):
            return False
        if not all(_is_noise(line.text) for line in group[1:]):
            return False
        following = self.page.groups[group_index + 1] if group_index + 1 < len(self.page.groups) else None
        return (
            following is not None
            and not _DATELINE_RE.match(following[0].text)
            and _looks_like_prose(following)
            and not _is_headline_like(following)
        )

    def headline_between(self, group_index: int) -> bool:
        """The group starts a headline printed between the open story and the next one's text: the story
        ended its sentence, or the headline repeats the words that follow it, or the text after it is
        about something else."""
        assert self.state.current is not None
        why = (
            _ends_sentence(self.state.current.lines)
            or _over_dateline(self.page.groups, group_index, self.page.column)
            or _over_authors_line(self.page.groups, group_index, self.page.column)
            or _announces_next(self.page.groups, group_index, self.page.column)
            or _changes_topic(self.state.current.lines, self.page.groups, group_index, self.page.column)
        )
        if not why:
            return False
        group = self.page.groups[group_index]
        if self.sentence_goes_on(group) or self.body_line_read_alone(group_index):
            return False
        # A full line of a story set in a wider column than the page's is measured by that column: a
        # line a column break cut off, with a comma in it, is not a headline set wider than the column.
        # Under a story that ended its sentence, a paragraph of one short sentence may open the next.
        if _starts_next_story(
            self.page.groups,
            group_index,
            self.page.group_columns[group_index],
            short_paragraph=_ends_sentence(self.state.current.lines),
        ):
            return True
        if cut := _paragraph_opening_cut(self.page.groups, group_index, self.page.column):
            lines = "first line" if len(group) == 1 else f"first {len(group)} lines"
            self.state.roles[group[0].number] = (
                f"text: a paragraph's {lines} a column break cut inside a word ({cut})"
            )
        return False

    @staticmethod
    def _dateline_or_wide_kickers_byline(text: str, wide: bool) -> bool:
        """The text under a kicker's headline: a dateline, or a byline under a kicker set wider than the
        column (``记者 赵玉 通讯员 宋建磊``)."""
        return bool(_DATELINE_RE.match(text)) or (wide and is_byline(text))

    def kicker_with_a_comma(self, group_index: int) -> bool:
        """A kicker of one line with a comma in it (``湖北聚焦“关键少数”，持续高压反腐``), read after a story
        that ended its sentence and stacked over a headline over a dateline: the cues together. A line
        of text cut off by a column break holds a comma too, so the line must read as no sentence does
        (one comma, no sentence mark, ending on a word), and its words must be another story's: the
        page's text after it repeats at least half of its character pairs, the story above next to
        none. The OCR may have read it over another story's headline; the matching step places it. The
        open story is closed, the line a headline group."""
        story = self.state.current
        group = self.page.groups[group_index]
        if story is None or len(group) != 1 or not _ends_sentence(story.lines):
            return False
        text = group[0].text.strip()
        # No body line is set wider than the column: a line that is may hold more than one comma.
        wide = display_width(text) > self.page.column + _SHORT_MARGIN
        if (
            not (len(_COMMA_RE.findall(text)) == 1 or wide)
            or not _is_headline_like(group)
            or (_is_body_fragment(group) and not wide)
            or not re.search(f'[{HAN}0-9”’"]$', text)
            or not _brackets_balance(text)
            or is_byline(text)
            or _DATELINE_RE.match(text)
        ):
            return False
        under = group_index + 1
        if not (
            under + 1 < len(self.page.groups)
            and len(self.page.groups[under]) <= 2
            and _is_headline_group(self.page.groups[under], self.page.column)
            and not _COMMA_RE.search("".join(line.text for line in self.page.groups[under]))
            and self._dateline_or_wide_kickers_byline(self.page.groups[under + 1][0].text, wide)
        ):
            return False
        own = _pairs(_MULTI_SPACE_RE.sub("", clean_prose(text)))
        if len(own) < _HEADLINE_INSIDE_MIN_PAIRS:
            return False
        later = "".join(ln.text for g in self.page.groups[under : under + _HEADLINE_INSIDE_REACH] for ln in g)
        before = "".join(ln.text for ln in story.lines)
        after = own & _pairs(_MULTI_SPACE_RE.sub("", clean_prose(later)))
        mine = own & _pairs(_MULTI_SPACE_RE.sub("", clean_prose(before)))
        if len(after) < _ANNOUNCE_SHARE * len(own) or len(mine) > max(
            _INSIDE_SHARED_PAIRS, _TOPIC_CHANGE_SHARE * len(own)
        ):
            return False
        self.state.roles[group[0].number] = (
            f"headline: a kicker with a comma over a headline over a dateline, the page's text after it "
            f"repeating {len(after)} of its {len(own)} character pairs, the story above {len(mine)}"
        )
        return True

    def body_line_read_alone(self, group_index: int) -> bool:
        """A body line the OCR read as a block of its own (``上海交通大学的大学生深情讲述了自己`` / blank /
        ``家乡的大江大河，黄河、长江、黑龙江、``), between paragraphs of the open story: the cues together,
        none enough alone. The line is set to the column's full measure, as body lines are (a headline
        is seldom exactly that wide), carries no sentence mark and ends on a word; the block under it is
        a full line of text too, cut off open (a comma, a list) or going on, no dateline or byline; and
        the text under it repeats next to none of the line's character pairs (a headline's story repeats
        its words). The line is the open story's text, not the headline of a story the block opens."""
        group = self.page.groups[group_index]
        if len(group) != 1 or group_index + 1 >= len(self.page.groups):
            return False
        text = group[0].text.strip()
        if (
            not self._fills_column(text)
            or not _is_headline_like(group)
            or not re.search(f"[{HAN}]$", text)
            or _LABEL_END_RE.search(text)
        ):
            return False
        following = self.page.groups[group_index + 1]
        first = following[0].text.strip()
        if (
            not self._fills_column(first)
            or _DATELINE_RE.match(first)
            or is_byline(first)
            or not _is_body_fragment(following[:1])
        ):
            return False
        own = _pairs(_MULTI_SPACE_RE.sub("", clean_prose(text)))
        later = "".join(ln.text for g in self.page.groups[group_index + 1 : group_index + 4] for ln in g)
        shared = len(own & _pairs(_MULTI_SPACE_RE.sub("", clean_prose(later))))
        if not own or shared > max(_BODY_LINE_SHARED_PAIRS, _BODY_LINE_SHARE * len(own)):
            return False
        self.state.roles[group[0].number] = (
            f"text: a body line read as a block of its own (set to the column's measure, a full line of "
            f"text cut off under it, which repeats {shared} of its {len(own)} character pairs)"
        )
        return True

    def sentence_goes_on(self, group: list[_Line]) -> bool:
        """The open story's sentence, cut by a column break inside a word (``…致以衷`` / ``心的感谢和亲切
        的问候！``), goes on in this block, which ends a sentence: its text, never a headline."""
        assert self.state.current is not None
        lines = self.state.current.lines
        if not lines or _ends_sentence(lines) or not _FINAL_RE.search(group[-1].text.strip()):
            return False
        end, start = lines[-1].text.strip(), group[0].text.strip()
        if not self._fills_column(end) or word_across(end, start)[1] < _CUT_WORD_STRENGTH:
            return False
        self.state.roles[group[0].number] = (
            f"text: the open story's sentence goes on across a column break ({word_across(end, start)[0]})"
        )
        return True

    # -- one line, by kind

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
            self.rest_of_a_note,
            self.inner_caption,
            self.stray_line,
            self.editor_mark,
            self.source_mark,
            self.run_in_head,
            self.head_over_a_lead_inside_a_block,
            self.bracketed_head,
            self.author_alone,
            self.bulleted_head,
            self.supplied,
            self.picture_credit,
            self.closing_names,
            self.closing_initials,
            self.photo_credit,
            self.jump_line,
            self.continued_from,
            self.continued_on,
            self.end_mark_run_on,
            self.end_mark,
            self.dateline,
            self.byline,
            self.closing_note,
            self.outside_story,
            self.inline_byline,
        ):
            if kind(index, line, group):
                return
        assert self.state.current is not None
        self.state.current.lines.append(line)

    def rest_of_a_note(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A line of a closing note wrapped over its block (`closing_note`): the note's story's text."""
        if line.number not in self.state.note_tail:
            return False
        story = (
            self.state.current
            if self.state.current is not None
            else (self.state.stories[-1] if self.state.stories else None)
        )
        if story is None:
            return False
        story.lines.append(line)
        self.state.roles[line.number] = "the rest of the closing note above, wrapped by the column"
        return True

    def inner_caption(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A photo's caption set between two of a story's paragraphs, in its block (``…了解情况。`` /
        ``▲当前，…。`` / ``本报记者  王某摄`` / ``工作人员给…``): its lines, from ``图为`` or ``▲`` after a
        sentence end up to the photographer's credit (``王某摄``, ``（王某 摄）``, ``（资料图片）``), belong to
        no story, and the story goes on under them. A caption set after a colon (``中共中央决定：``) too."""
        if line.number in self.state.caption_tail:
            self.drop(line, "caption")
            return True
        story = self.state.current
        if story is None or story.ended or not story.lines or not _CAPTION_RE.match(line.text):
            return False
        colon = story.lines[-1].text.rstrip().endswith(("：", ":"))  # ``…中共中央决定：`` over a list
        if not (self.ends_sentence() or colon) or index + 1 >= len(group):
            return False
        # A picture note under the caption (``（资料图片）``) was dropped with the block's furniture.
        notes = {
            d.number
            for d in self.state.dropped
            if d.kind == "header/footer" and _CAPTION_NOTE_RE.match(d.text)
        }
        end = _inner_caption_end(group[index : index + _INNER_CAPTION_LINES], notes)
        if end is None or index + end + 1 >= len(group):
            return False  # a caption closing the block is read as one (`_is_caption_group`, credits)
        self.state.caption_tail.update(other.number for other in group[index + 1 : index + end + 1])
        self.drop(line, "caption")
        return True

    def editor_mark(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """An editor's mark closing a story (evening and metro papers sign each story with its editor):
        on a line of its own (``责编：王某``, ``编辑：王某  校对：李某``, ``（责任编辑：王某）``) or in brackets
        after the story's last sentence (``…贡献。（编辑 王某 校对 李某）``). It is no text: it is dropped
        and closes the open story, as a byline after the text does."""
        own = _EDITOR_MARK_RE.match(line.text)
        run_on = None if own else _EDITOR_MARK_RUN_ON_RE.match(line.text)
        if own is None and run_on is None:
            return False
        if own is not None and not _brackets_balance(line.text):
            return False
        story = self.state.current
        if story is None or (run_on is None and not self.ends_sentence()):
            if run_on is not None:
                return False
            self.drop(line, "editor's mark")
            return True
        if run_on is not None:
            story.lines.append(_Line(line.number, run_on.group(1), line.blank_before))
        self.drop(line, "editor's mark", line.text[len(run_on.group(1)) if run_on else 0 :])
        self.state.roles[line.number] = "an editor's mark after the story's last sentence: closes the story"
        story.ended = True
        self.close()
        return True

    def source_mark(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A digest item's source closing it (digest and 新闻综合 pages reprint items from elsewhere):
        in brackets after the item's last sentence or on a line of its own (``（据新华社电）``,
        ``（摘自《光明日报》）``, ``（来源：人民网）``, ``（新华社/文）``), or ``——据《新京报》报道``. It is
        no text: it is dropped and closes the open item, as an editor's mark does."""
        story = self.state.current
        if story is None or story.ended or not story.lines:
            return False
        own = _SOURCE_MARK_RE.match(line.text)
        run_on = None if own else _SOURCE_MARK_RUN_ON_RE.match(line.text)
        if own is None and run_on is None:
            return False
        if own is not None and not self.ends_sentence():
            return False
        if run_on is not None:
            story.lines.append(_Line(line.number, run_on.group(1), line.blank_before))
        self.drop(line, "source mark", line.text[len(run_on.group(1)) if run_on else 0 :])
        self.state.roles[line.number] = "a digest item's source after its last sentence: closes the item"
        self.state.among_items = True
        story.ended = True
        self.close()
        return True

    def run_in_item(self, index: int, group: list[_Line]) -> tuple[str, str, bool] | None:
        """`_run_in_parts` of the line at `index` when its text runs on: the line holding the text is as
        full as the column (a paragraph's first line, its indent dropped, is two cells short), or the
        text has a clause mark. A kicker in brackets over a headline (``【…】孙洁 建设老年友好型社会``)
        and a headline of two phrases after a bullet (``▶居家学习 合理安排``) are neither."""
        line = group[index]
        following = group[index + 1].text if index + 1 < len(group) else ""
        found = _run_in_parts(line.text, following)
        if found is None or AUTHOR_NOTE_RE.match(line.text):
            return None  # ``【作者简介】王某，…``: a note on the author, no item's head
        # A head in brackets alone on its line has its text under it, full lines of prose.
        holding = (following if found[2] or not found[1] else line.text).strip()
        full = (
            display_width(holding) >= self.page.column - _INDENT_CELLS - _SHORT_MARGIN
            and _set_width(holding) < self.page.column + 1.0
        )
        if _RUN_IN_BULLET_RE.match(line.text) and not found[2]:
            # After a bullet, words after a space with no clause mark run on when the next line of the
            # block goes on full; over a paragraph's first line (two cells short) they are the second
            # phrase of a headline (``▶居家学习 合理安排`` / ``近日，浙江省…``).
            full = full and self._fills_column(following.strip())
        if not (full or _PROSE_PUNCT_RE.search(found[1] or following)):
            return None
        if (
            not found[1]
            and not found[2]
            and not (full and _PROSE_PUNCT_RE.search(following))
            and not (full and self._colon_closes_full_line(line.text))
        ):
            # A label in brackets over a headline (``【新思想引领新征程】`` / ``对口支援…``); a head whose
            # colon closes its line has its text under it (``…改革发展工作：`` / ``统筹推进…``).
            return None
        return found

    def paragraph_ended_among_items(self) -> bool:
        """Whether the open story's last line ended a paragraph (short of the column's measure) on a page
        of items. Such a page prints each item as one paragraph, so a head run in before its text on the
        next line opens the next item (``…便是董必武的故居。`` / ``水质优良断面比例上升2.6个百分点：生``),
        whatever its separator."""
        story = self.state.current
        if not self.state.among_items or story is None or not story.lines:
            return False
        return _set_width(story.lines[-1].text.strip()) < self.page.column - _SHORT_MARGIN

    def _colon_closes_full_line(self, text: str) -> bool:
        """Whether a colon closes `text`, a line as full as a paragraph's first line, on a page of items
        (a source or a strip heading read): a head the column set on a line of its own, its text under
        it (``…改革发展工作：`` / ``统筹推进…``). Elsewhere such a line opens a paragraph."""
        line = text.strip()
        return (
            self.state.among_items
            and bool(re.search("[：:]$", line))
            and display_width(line) >= self.page.column - _INDENT_CELLS - _SHORT_MARGIN
        )

    def run_in_head(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """An item whose bold lead-in runs on into its text on one line, as evening papers set a column
        of short items: ``●垃圾分类进了村  今年春节，…`` (a bullet, the head, a space, the text) or
        ``【垃圾分类进了村】今年春节，…`` (the head in lenticular brackets, no number or bullet before
        it; the bracket wrapped over two lines or not). The head is the item's headline, the text after
        it opens the item. Only at a block's start, or after the item above ended its sentence or was
        closed by its authors in brackets (``…上班了。（记者 王某）``): inside a sentence it is text."""
        found = self.run_in_item(index, group)
        if found is None:
            return False
        head, rest, wrapped = found
        story = self.state.current
        if (
            story is not None
            and not line.blank_before
            and not story.ended
            and not self.ends_sentence()
            and not _CLOSING_NAMES_RE.match(story.lines[-1].text if story.lines else "")
        ):
            return False
        separated = not (_RUN_IN_BULLET_RE.match(line.text) or _RUN_IN_BRACKET_RE.match(line.text))
        if (
            separated
            and wrapped
            and display_width(line.text.strip()) < self.page.column - _INDENT_CELLS - _SHORT_MARGIN
        ):
            # A line short of a paragraph's first line (``聚焦全国文明城市创建`` over ``二七区：以…``): the
            # column wrapped no head there.
            return False
        waiting = story is None or story.ended
        if (
            separated
            and waiting
            and self.state.gap_groups
            and self.state.gap_groups[-1][0] == len(self.state.stories)
        ):
            return False  # under a headline waiting for its story: the line opens that story's lead
        if separated and story is not None and not story.ended:
            # A column's break inside a sentence (``…“花开海上”生`` / ``态园发布公告：…``) is no item's
            # head. After a paragraph's end on a page of items, the head opens the next item. Elsewhere,
            # inside a block, a paragraph may open ``…：``: an item's head after the item above ended its
            # sentence is one only when the text after it opens as a lead does.
            if not self.ends_sentence():
                return False
            if not self.paragraph_ended_among_items():
                following = group[index + 1].text if index + 1 < len(group) else ""
                if index > 0 and not _LEAD_OPENING_RE.match(rest.strip()):
                    return False
                # A paragraph may open ``…选定了7个历史瞬间：1949年…``: after an item no source closed, only
                # a full-width space parts a head from its text.
                gap = _RUN_IN_SEPARATOR_RE.search(line.text.strip()) or _RUN_IN_SEPARATOR_RE.search(following)
                if gap is None or "\u3000" not in gap.group(0):
                    return False
        if story is not None:
            self.close()
        if wrapped:
            # The head's end and the text after it were on the next line of the block.
            next_line = group[index + 1]
            if rest.strip():
                lead_in = display_width(next_line.text.strip()) - display_width(rest.strip())
                group[index + 1] = _Line(next_line.number, rest, next_line.blank_before, lead_in)
                self.state.run_in_text.add(next_line.number)
            else:
                del group[index + 1]
            rest = ""
        self.state.brief_column = False
        # The column's label right over the first item (``城事速递``, ``新闻速览``): no story's headline.
        if self.state.gap_groups and self.state.gap_groups[-1][0] == len(self.state.stories):
            (label, *more) = self.state.gap_groups[-1][1]
            if (
                not more
                and self.page.next_number.get(label.number) == line.number
                and len(label.text.strip()) <= 6
                and not _PROSE_PUNCT_RE.search(label.text)
            ):
                self.state.gap_groups.pop()
                self.drop(label, "column label")
                self.state.roles[label.number] = "a column's label over its first item: no headline"
        self.state.gap_groups.append((len(self.state.stories), [_Line(line.number, head, line.blank_before)]))
        self.state.roles[line.number] = "headline: an item's lead-in run in before its text"
        if rest.strip():
            lead_in = display_width(line.text.strip()) - display_width(rest.strip())
            self.start(
                _Line(line.number, rest, line.blank_before, lead_in), "text after an item's run-in lead-in"
            )
            self.state.brief = self.state.current
            if self.state.current is not None:
                self.state.current.own_head = line.number
        else:
            self.state.under_bullet = True
            self.state.pending_head = line.number
        return True

    def bracketed_head(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """An item of a column of briefs printing its head in lenticular brackets before its text, on one
        line (``1.【市民卡可刷公交】即日起…``, ``◆【…】…``): the head is the item's headline, the words after
        it open its text. A head the column wrapped (``1.【王晨出席庆祝中国—越南建交70周年`` / ``招待会】…``)
        is joined first. Without a number or a bullet, only text after the head makes it one (a
        ``【关注】`` tag alone over a headline is a headline line)."""
        found = _BRACKETED_HEAD_RE.match(line.text)
        if found is None or closes_text(line.text) or is_page_furniture(line.text):
            return False  # ``【编辑:张子怡】``: an editor's credit, no head
        marked = bool(found.group(1).strip())
        story = self.state.current
        # The item above ended: its sentence, or its authors in brackets after it (``…下来。（贾涛鸣）``).
        ended = self.ends_sentence() or bool(
            story is not None and story.lines and _CLOSING_NAMES_RE.match(story.lines[-1].text)
        )
        if story is not None and not story.ended and not (ended and story is self.state.brief):
            return False  # inside a story no column of briefs opened: ``1.【总体要求】…`` is its text
        head, rest = found.group(2), found.group(4)
        if found.group(3) is None:
            # The head wrapped: its end and the text after it on the next line of the block.
            following = group[index + 1].text if index + 1 < len(group) else ""
            close = following.find("】")
            if not marked or close < 0 or "【" in following[:close] or close > 20:
                return False
            head += following[:close].strip()
            rest = following[close + 1 :]
            if rest.strip():
                group[index + 1] = _Line(group[index + 1].number, rest, group[index + 1].blank_before)
            else:
                del group[index + 1]
            rest = ""
        if not marked and not _PROSE_PUNCT_RE.search(rest):
            return False  # ``【关注】探索融合之路`` : a tag before a headline on its line
        if (
            not marked
            and story is None
            and not (self.state.stories and self.state.stories[-1] is self.state.brief)
        ):
            return False  # unnumbered, only in a column of briefs: ``【环球网报道】据…`` opens a lead
        if _SOURCE_TAG_RE.fullmatch(head.strip()):
            return False  # a source's tag before the text (``【新华社微特稿】``), no head
        if not 4 <= len(head) <= 40 or _ends_sentence([_Line(0, head, False)]):
            return False
        if story is not None:
            self.close()
        self.state.brief_column = False
        self.state.gap_groups.append(
            (len(self.state.stories), [_Line(line.number, head.strip(), line.blank_before)])
        )
        self.state.roles[line.number] = "headline: a head in brackets before a brief's text"
        if rest.strip():
            self.start(
                _Line(line.number, rest.strip(), line.blank_before), "text after a brief's head in brackets"
            )
            self.state.brief = self.state.current
            if self.state.current is not None:
                self.state.current.own_head = line.number
        else:
            self.state.under_bullet = True
            self.state.pending_head = line.number
        return True

    def bulleted_head(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``■天津谋项目稳投资`` over its text in a column of briefs: a headline that closes the story
        above and heads the text under it (the next line opens a story)."""
        text = line.text.strip()
        numbered = self.numbered_brief(text)
        if not (BULLET_RE.match(text) or numbered):
            return False
        if index == len(group) - 1 or is_byline(text):
            return False
        # On a page of items, a head whose run-in space gave the line under it its indent (the item's
        # text, `_run_in_space_as_indent`) heads that text: it may ask (``■新型冠状病毒，我们该怎么预防？``)
        # and it closes an item printed without its source.
        run_in = self.state.among_items and bool(_INDENT_RE.match(group[index + 1].text))
        if _ends_sentence([line]) and not (
            run_in and not _SENTENCE_PUNCT_RE.search(_QUESTION_HEADLINE_RE.sub("", text))
        ):
            return False
        if is_comment_column(text):
            return False  # ``■观点`` over a piece's headline: the column's name, a kicker of that headline
        if index > 0 and group[index - 1].number == self.state.author_line:
            return False  # right under the author's name alone: the piece's text opens (a summary's point)
        head = BULLET_RE.sub("", text) if not numbered else text[numbered.end() :]
        if _CAPTION_RE.match(text) or not _is_headline_like([_Line(0, head, False)]):
            return False
        # Bulleted lines one under another are a headline's phrases (``●及早惠及重点企业`` /
        # ``●全力支持复工复产``); an indented bulleted line is a list item's or a paragraph's first line.
        if BULLET_RE.match(group[index + 1].text) or (_INDENT_RE.match(line.text) and not numbered):
            return False
        # A kicker over its main line (``■ 火神山医院维保组——`` / ``“最危险的地方我们去”``), the main
        # line closing the block without a sentence end, the next block opening a story with its
        # dateline or byline: a headline of two lines, no brief's head (a brief's text follows its head).
        if not numbered and self.kicker_over_opening(index, group):
            return False
        # So is one set to the column's measure (or to a paragraph's first line, two cells short, over a
        # full line) whose sentence goes on below: it holds prose marks, or the column cut it inside a
        # word (``■中葡关系经历了1979年建交、1999年通`` / ``过和平协商…``).
        following = group[index + 1].text.strip()
        first_line = abs(
            display_width(text) - (self.page.column - _INDENT_CELLS)
        ) <= 1.0 and self._fills_column(following)
        if (
            not numbered
            and not run_in  # the line under it opens a paragraph: no sentence goes on into it
            and (self._fills_column(text) or first_line)
            and (re.search("[，、；：,;]", head) or word_across(head, following)[1] >= _CUT_WORD_STRENGTH)
        ):
            return False
        story = self.state.current
        if (
            story is not None
            and not story.ended
            and story is not self.state.brief
            and not (run_in and self.ends_sentence())
            and not _ended_by_a_note(story.lines)
        ):
            return False  # a sub-heading inside a story (``■小贴士``) that no brief column opened: text
        if story is not None:
            self.close()
        if numbered:
            self.state.brief_number = brief_number(numbered.group(0))
        self.state.brief_column = False
        # The bullet marks the item, not the head: the headline is the words after it.
        if index + 2 < len(group) and _DASH_TAIL_RE.fullmatch(group[index + 1].text.strip()):
            # The head wrapped onto a line ending in a dash (``■内蒙古萨如拉图雅嘎查`` / ``原党支部书记廷·巴特尔——``):
            # a head's dash leads to its text (the next line); no paragraph's line ends so.
            tail = group.pop(index + 1)
            head += tail.text.strip()
            self.state.roles[tail.number] = "headline: a bulleted head's tail, ending in a dash"
        self.state.gap_groups.append((len(self.state.stories), [_Line(line.number, head, line.blank_before)]))
        self.state.roles[line.number] = "headline: a bulleted head over a brief's text"
        self.state.under_bullet = True
        return True

    def ornamented_column_over_a_piece(self, group: list[_Line]) -> bool:
        """A column's name set off by an ornament over a piece's title in one block (``◆诗路放歌`` /
        ``“疫情快过去吧，快点！”``), under a story that ended its sentence, the author's name alone opening
        the next block (`kicker_over_opening`): the next piece's headline, never the story's text (a
        title may end on ``！``)."""
        return (
            len(group) == 2
            and self.state.current is not None
            and self.ends_sentence()
            and BULLET_RE.match(group[0].text.strip()) is not None
            and _is_headline_like(group[:1])
            and self.kicker_over_opening(0, group)
        )

    def kicker_over_opening(self, index: int, group: list[_Line]) -> bool:
        following = self.state.group_index + 1
        if following >= len(self.page.groups):
            return False
        opening = self.page.groups[following][0].text.strip()
        if index + 2 == len(group):
            main = group[index + 1]
            if (
                _is_headline_like([main])
                and not _ends_sentence([main])
                and bool(_DATELINE_RE.match(opening) or is_byline(opening))
            ):
                return True
        # A column's name over a headline of one or two lines set short of the measure (a title may end
        # on ``！`` or ``？``, or carry a subtitle), the author's name alone opening the next block.
        heads = group[index + 1 :]
        return (
            1 <= len(heads) <= 2
            and all(
                _set_width(line.text.strip()) < self.page.column - _INDENT_CELLS - _SHORT_MARGIN
                for line in heads
            )
            and _AUTHOR_ALONE_RE.match(opening) is not None
            and len(self.page.groups[following]) > 1
        )

    def numbered_brief(self, text: str) -> re.Match[str] | None:
        """A brief's number (``1.``, ``一、``, ``①``) on a line of a numbered column of briefs: right under
        the column's name, or while the open story is a brief; elsewhere a numbered line is a story's
        sub-heading (``三、强化要素保障``)."""
        found = number_mark(text)
        if found is None:
            return None
        # The items are numbered in order: ``3.175个…`` under ``2.…`` is item 3, ``2.5万…`` under
        # item 7 is text.
        if brief_number(found.group(0)) != (1 if self.state.brief_column else self.state.brief_number + 1):
            return None
        story = self.state.current
        closed = story is None or story.ended
        last_was_brief = self.state.brief is not None and (
            story is self.state.brief
            or (closed and bool(self.state.stories) and self.state.stories[-1] is self.state.brief)
        )
        in_column = (self.state.brief_column and closed) or last_was_brief
        return found if in_column else None

    def supplied(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…成效明显。（淮河路街道供稿）``: the unit that supplied the story; it closes the story and is
        neither its text nor its byline."""
        found = supplied_credit(line.text)
        story = self.state.current
        if found is None or story is None or story.ended:
            return False
        before, unit = found
        if not before and not self.ends_sentence():
            return False
        if before:
            story.lines.append(_Line(line.number, before, line.blank_before))
        self.drop(line, "credit of the unit that supplied the story", f"（{unit}供稿）")
        story.ended = True
        return True

    def picture_credit(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…举行。 融媒体记者 王某 摄`` closing a picture story under a 图片新闻 label: the photographer is
        its author; the credit closes it."""
        story = self.state.current
        if story is None or story.ended or story.byline is not None:
            return False
        found = photographer_credit(line.text)
        if found is None or index != len(group) - 1:
            return False
        before, credit = found
        if not before and not self.ends_sentence():
            return False
        # Without a 图片新闻 label over it, only a caption's credit: after the sentence on its line, or
        # under a story of a few lines.
        short = sum(len(x.text) for x in story.lines) <= _CAPTION_STORY_CHARS
        if story is not self.state.picture and not (before or short):
            return False
        if before:
            story.lines.append(_Line(line.number, before, line.blank_before))
        story.byline = _byline_text(credit)
        story.closed_by_byline = True
        self.state.roles[line.number] = "photographer's credit closing a picture story: its author"
        self.state.picture = None
        self.close()
        return True

    def closing_names(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…成效明显。（王某 李某）``: names in brackets after a story's last sentence, at the end of
        its block (or over the next brief's head), are its authors: they close the story."""
        found = _CLOSING_NAMES_RE.match(line.text)
        story = self.state.current
        if not found or story is None or story.byline is not None or story.ended:
            return False
        last = (
            index == len(group) - 1
            or bool(BULLET_RE.match(group[index + 1].text))
            or (story is self.state.brief and number_mark(group[index + 1].text) is not None)
        )
        if not last or (not found.group(1) and not self.ends_sentence()):
            return False
        if found.group(1):
            story.lines.append(_Line(line.number, found.group(1), line.blank_before))
        story.byline = _byline_text(found.group(2))
        story.closed_by_byline = True
        self.state.roles[line.number] = (
            "names in brackets after the last sentence: the authors close the story"
        )
        self.close()
        return True

    def names_on_the_opening_line(self, index: int, line: _Line, group: list[_Line]) -> None:
        """A brief's text of one line with its authors after it (``…稳定下来。（贾涛鸣）``), the last line of
        its block or over the next brief's head: the authors close it, as `closing_names` reads them on
        a later line."""
        found = _CLOSING_NAMES_RE.match(line.text)
        story = self.state.current
        if not found or not found.group(1) or story is None or story.lines != [line]:
            return
        following = group[index + 1].text if index + 1 < len(group) else ""
        if following and not (BULLET_RE.match(following) or _BRACKETED_HEAD_RE.match(following)):
            return
        story.lines[0] = _Line(line.number, found.group(1), line.blank_before)
        story.byline = _byline_text(found.group(2))
        story.closed_by_byline = True
        self.state.roles[line.number] = (
            "a brief's one line of text, its authors in brackets after it: they close it"
        )
        self.close()

    def closing_initials(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…改革工作。（ZY）``: an editor's initials after the story's last sentence end its text; they
        are neither text nor a byline (a byline may still follow)."""
        found = _INITIALS_RE.match(line.text)
        story = self.state.current
        if not found or story is None or story.ended:
            return False
        if not found.group(1) and not self.ends_sentence():
            return False
        if found.group(1):
            story.lines.append(_Line(line.number, found.group(1), line.blank_before))
        self.drop(line, "editor's initials", line.text[len(found.group(1) or "") :])
        story.ended = True
        return True

    def stray_line(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A lone character or a speck the OCR read as a line of its own inside a block (``这``, ``|``).
        The text a wrapped run-in head left on its line (``增强…能力　要``: ``要``) is none."""
        if len(group) < 2 or not _STRAY_LINE_RE.fullmatch(line.text) or line.number in self.state.run_in_text:
            return False
        if self.last_line_of_a_paragraph(index, line, group):
            return False
        if self.last_line_before_a_first_line(index, line, group):
            return False
        self.drop(line, "OCR noise")
        return True

    def last_line_of_a_paragraph(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A lone Han character that ends the word a full line broke (``…更在于心理复`` / ``健``) where
        an indented line opens the next paragraph, or where the block ends and the two read as one word
        (``…创造更好的条`` / ``件``, its full stop lost): the paragraph's last line, no speck."""
        if not (0 < index < len(group) and re.fullmatch(f"[ \t\u3000]*[{HAN}][ \t\u3000]*", line.text)):
            return False
        previous = group[index - 1].text.strip()
        if not (re.search(f"[{HAN}]$", previous) and self._set_full(index - 1, group)):
            return False
        if index == len(group) - 1:
            return _finishes_a_word(previous, line.text.strip())
        return bool(_INDENT_RE.match(group[index + 1].text))

    def last_line_before_a_first_line(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """The same where the OCR dropped the indent (``这是好`` / ``事``): the next paragraph's first line
        is still two cells short (half a cell more when set with half-width characters), over a full
        line or over its paragraph's short last line when the character finishes the word the line above
        broke (a sub-heading ``…积极因素也在集`` / ``聚`` over a paragraph of two lines)."""
        if not (0 < index < len(group) - 2 and re.fullmatch(f"[ \t\u3000]*[{HAN}][ \t\u3000]*", line.text)):
            return False
        previous = group[index - 1].text.strip()
        if not (re.search(f"[{HAN}]$", previous) and self._set_full(index - 1, group)):
            return False
        width = display_width(group[index + 1].text.strip())
        first = self.page.column - _INDENT_CELLS
        if not first - 2 * _HALF_CELL <= width <= first:
            return False
        after = display_width(group[index + 2].text.strip())
        return after >= self.page.column - _HALF_CELL or _finishes_a_word(previous, line.text.strip())

    def photo_credit(self, index: int, line: _Line, group: list[_Line]) -> bool:
        if not _AGENCY_CREDIT_RE.match(line.text):
            return False
        story = self.state.current
        if story is not None and index > 0 and self.open_story_ends_with(group[index - 1]):
            # Set right under the story's text in the same block, it credits the photo the story
            # describes (a picture story's ``…搭建脚手架。`` / ``许华森摄（影像中国）``): the paper prints
            # it as the story's last paragraph. A caption is a block of its own (``图为…``, its credit).
            story.lines.append(line)
            self.state.roles[line.number] = (
                "photo credit right under the story's text: a paragraph of its own"
            )
            return True
        self.drop(line, "caption")  # a photo's credit: ``王某摄（人民视觉）``
        return True

    def jump_line(self, index: int, line: _Line, group: list[_Line]) -> bool:
        if not _JUMP_LINE_RE.match(line.text):
            return False
        self.drop(line, "jump line")
        if self.state.current is not None and _is_jump_start(line.text):
            self.state.current.ended = True
        elif not _is_jump_start(line.text):
            # ``（上接第一版）`` alone on its line: the story above has ended; the next line opens the rest
            # of a story begun on another page.
            if self.state.current is not None and self.ends_sentence():
                self.close()
            self.state.continued = True
        return True

    def continued_from(self, index: int, line: _Line, group: list[_Line]) -> bool:
        leading = _LEADING_JUMP_RE.match(line.text)
        if not leading or "上接" not in leading.group(1):
            return False
        self.drop(line, "jump line", leading.group(1))
        self.start(_Line(line.number, leading.group(2), line.blank_before), "continued from another page")
        return True

    def continued_on(self, index: int, line: _Line, group: list[_Line]) -> bool:
        trailing = _TRAILING_JUMP_RE.match(line.text)
        if not trailing:
            return False
        self.drop(line, "jump line", trailing.group(2))
        rest = _Line(line.number, trailing.group(1), line.blank_before)
        if self.state.current is None:
            self.start(rest, "text before a jump line")
        elif trailing.group(1).strip():
            self.state.current.lines.append(rest)
        assert self.state.current is not None
        self.state.current.ended = True
        return True

    def end_mark_run_on(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``(完)记者 洪坚鹏 海南高新技术企业…``: end mark, byline and the next headline on one line."""
        run_on = _END_MARK_RUN_ON_RE.match(line.text)
        if (
            not run_on
            or _END_MARK_RE.match(line.text)
            or self.state.current is None
            or not _is_headline_like([_Line(0, run_on.group(3), False)])
            or _MORE_NAMES_RE.match(run_on.group(3))
        ):
            return False
        self.drop(line, "end mark", "（完）")
        if run_on.group(1).strip():
            self.state.current.lines.append(_Line(line.number, run_on.group(1), line.blank_before))
        self.state.current.byline = _byline_text(run_on.group(2))
        self.state.current.closed_by_byline = self.state.current.ended = True
        self.state.roles[line.number] = (
            "end mark and byline close the story; the rest of the line is a headline"
        )
        self.close()
        # The rest of the line starts the next headline; its other lines follow in this group.
        self.state.gap_groups.append((len(self.state.stories), [_Line(line.number, run_on.group(3), True)]))
        return True

    def end_mark(self, index: int, line: _Line, group: list[_Line]) -> bool:
        end = _END_MARK_RE.match(line.text)
        if not end or (self.state.current is None and not end.group(1).strip()):
            return False
        self.drop(line, "end mark", "（完）")
        body = _Line(line.number, end.group(1), line.blank_before)
        if self.state.current is None:
            self.start(body, "text before an end mark")
        elif end.group(1).strip():
            self.state.current.lines.append(body)
        assert self.state.current is not None
        self.state.current.ended = True
        if end.group(2):
            self.state.current.byline = _byline_text(end.group(2))
            self.state.current.closed_by_byline = True
            self.state.roles[line.number] = "end mark and byline close the story"
            self.close()
        else:
            self.state.roles[line.number] = "end mark: only a byline may follow"
        return True

    def dateline(self, index: int, line: _Line, group: list[_Line]) -> bool:
        if not _DATELINE_RE.match(line.text):
            return False
        story = self.state.current
        if (
            story is not None
            and index > 0
            and self.open_story_ends_with(group[index - 1])
            and re.search("[，,、]$|据$", group[index - 1].text.rstrip())
        ):
            # The sentence before it runs on into it (``本报讯 1月23日上午，`` / ``据新华社电（记者蒋成）``,
            # ``…23日，据`` / ``新华社电…``): a dateline quoted inside the story's text opens no story.
            story.lines.append(line)
            self.state.roles[line.number] = "a dateline inside a sentence of the open story: its text"
            return True
        if (
            story is not None
            and story.lines
            and _EDITORS_NOTE_RE.match(story.lines[0].text)
            and not any(_DATELINE_RE.match(x.text) for x in story.lines)
            and self.ends_sentence()
        ):
            story.lines.append(line)
            self.state.roles[line.number] = "the dateline under the story's editor's note: its text goes on"
            return True
        if self.second_dispatch(index, line, group):
            assert self.state.current is not None
            self.state.current.lines.append(line)
            self.state.roles.setdefault(
                line.number,
                "a second dispatch of the open story: its dateline repeats the story's source and place "
                "inside the same block, after a sentence end",
            )
            return True
        self.start(line, "a dateline")
        return True

    def second_dispatch(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A dateline that goes on the open story rather than opening one: a story made of several
        dispatches under one headline (``王毅分别同伊朗、苏丹外长…通电话``) prints each one's dateline
        (``据新华社北京2月4日电``) at the start of its paragraph, the same source and place as the
        story's own, inside the story's block: no blank line, no headline, no byline or end mark
        between them. Each may name its reporters in brackets; the story's are the first one's."""
        story = self.state.current
        if story is None or self.state.pending_byline is not None:
            return False
        if index == 0:
            return self.dispatch_after_a_blank(line)
        if not self.open_story_ends_with(group[index - 1]):
            return False
        # The text before it ends a sentence, or a paragraph printed without a full stop (a line short of
        # the column: a figure's caption, ``…同比多增8818亿元``).
        short = _set_width(group[index - 1].text.strip()) < self.page.column - _SHORT_MARGIN - _INDENT_CELLS
        if not _ends_sentence(story.lines) and not (short and len(story.lines) > 1):
            return False
        opening = _DATELINE_RE.match(_story_head(story))
        this = _DATELINE_RE.match(line.text)
        if opening is None or this is None:
            return False
        if _dispatch_source(opening.group(1)) == _dispatch_source(this.group(1)):
            return _ends_sentence(story.lines)
        # The paper's own dispatch from another place (``本报石家庄2月16日电`` inside a ``本报讯`` story):
        # a roundup of its reporters' reports, when nothing closed the story before it.
        return (
            not story.closed_by_byline
            and _dispatch_org(opening.group(1)) == _dispatch_org(this.group(1)) == "本报"
            and "讯" in opening.group(1)
            and "电" in this.group(1)
        )

    def dispatch_after_a_blank(self, line: _Line) -> bool:
        """A second dispatch of one story read as a block of its own (``本报北京2月28日电 2月28日，…同伊朗
        外长…`` under ``本报北京2月28日电 2月28日，…同意大利外长…``, the story ``王毅分别同…``): right under the
        open story's text (no headline, byline or end mark between), which ended its sentence, and its
        dateline the story's own to the character, source, place and date. A dateline of another day or
        place, or the same one under a headline, opens a story of its own."""
        story = self.state.current
        assert story is not None
        previous = self.page.groups[self.state.group_index - 1] if self.state.group_index > 0 else []
        if not previous or not self.open_story_ends_with(previous[-1]) or story.closed_by_byline:
            return False
        if not _ends_sentence(story.lines):
            return False
        opening = _DATELINE_RE.match(_story_head(story))
        this = _DATELINE_RE.match(line.text)
        if opening is None or this is None or opening.group(2) or this.group(2):
            return False
        same = re.sub(r"\s+", "", opening.group(1)) == re.sub(r"\s+", "", this.group(1))
        if not same or not re.search("[0-9]日", opening.group(1)):
            return False
        self.state.roles[line.number] = (
            "a second dispatch of the open story: its dateline the story's own (source, place and date), "
            "in a block right under its text"
        )
        return True

    def byline(self, index: int, line: _Line, group: list[_Line]) -> bool:
        text = line.text
        if not is_byline(text) or line.number in self.state.run_in_text:
            return (
                False  # the text after a wrapped head's separator (``…申请人：记者从北京冬``) is its lead's
            )
        current = self.state.current
        if current is not None and _dateline_alone(current):
            current.lines.append(line)  # the dateline's byline in brackets, on the next line
            self.state.roles[line.number] = "the dateline's byline, on the next line"
            return True
        # Text under it opens the next story, unless that is an item's lead-in run in before its text
        # after a bullet or in brackets (``（记者 王某）`` / ``【标题】正文…``): the byline closes the item
        # above. (A head before a full-width space or a colon is no such cue: an OCR'd line may hold one.)
        following = group[index + 1].text if index + 1 < len(group) else ""
        item_next = (
            bool(_RUN_IN_BULLET_RE.match(following) or _RUN_IN_BRACKET_RE.match(following))
            and _run_in_parts(following, group[index + 2].text if index + 2 < len(group) else "") is not None
        )
        closing = (
            current is not None
            and not current.closed_by_byline
            and self.ends_sentence()
            and (item_next or not _text_follows(group, index))
        )
        if (
            current is not None
            and not self.ends_sentence()
            and text.rstrip().endswith("摄")
            and _is_body_fragment(group[index + 1 :])
        ):
            # A photo's credit read between an open sentence and the lines going on with it, in its
            # block (``…可以保持战`` / ``新华社记者于芳摄`` / ``略定力，以更长远眼光，…``): the picture's,
            # not the story's; the story stays open.
            self.drop(line, "caption")
            return True
        if (
            closing
            and current is not None
            and text.rstrip().endswith("摄")
            and index + 1 < len(group)
            and sum(len(x.text) for x in current.lines) > _CAPTION_STORY_CHARS
        ):
            # A photo's credit heading a block of lines under a long story's sentence end (``…出现发热症
            # 状。`` / ``新华社记者沈永平摄`` / ``柬埔寨卫生大臣曼本享27日``): the credit of a photo set in the
            # column, its caption read elsewhere; a text story is signed by no photographer. The story
            # goes on under it.
            self.drop(line, "caption")
            return True
        if closing and current is not None and current.byline is None:
            current.byline = _byline_text(text)
            current.closed_by_byline = True
            self.state.roles[line.number] = "byline after a sentence end (or an end mark): closes the story"
            self.close()
        elif closing and text.rstrip().endswith("摄"):
            self.drop(line, "caption")  # a photo credit
        else:
            # A byline printed before its story's text: the story before it ends here.
            self.close()
            if self.state.pending_byline is not None or text.rstrip().endswith("摄"):
                self.drop(line, "caption")
            else:
                self.state.pending_byline = _byline_text(text)
                self.state.roles[line.number] = "byline before the text: opens the next story"
        return True

    def closing_note(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``（本报东京电）``, ``（作者为…）`` opening a block: the last line of the story above. A note the
        column wrapped over more lines than its tail (``(本报记者贺广华、程远州、郑少`` / ``忠、戴林峰、…、李``
        / ``纵)``, a roundup naming its reporters) takes the lines up to the one closing its bracket."""
        if not _CLOSING_NOTE_RE.match(line.text) or index != 0:
            return False
        story = (
            self.state.current
            if self.state.current is not None
            else (self.state.stories[-1] if self.state.stories else None)
        )
        if story is None:
            return False
        story.lines.append(line)
        if not _brackets_balance(line.text):
            rest = group[1 : 2 + _NOTE_MIDDLE_LINES]
            for end, following in enumerate(rest):
                if re.search("[（(]", following.text):
                    break
                if re.search("[）)]", following.text):
                    if re.search("[）)][ \t\u3000]*$", following.text):
                        self.state.note_tail.update(other.number for other in rest[: end + 1])
                    break
        if len(group) > 1 and story is self.state.current:
            story.ended = True  # what follows in the block (a headline, a byline) is no text of it
        self.state.roles[line.number] = "a closing note in brackets: the last line of the story above"
        return True

    def bracket_tail(self, group: list[_Line]) -> bool:
        """A block of one short line closing the bracket the open story's text left open, a column break
        between (``（作者为最高人民法院信息中心主`` / ``任）``): the tail of the story's note, never a
        speck of OCR noise."""
        story = self.state.current
        if story is None or story.ended or len(group) != 1 or self.ends_sentence():
            return False
        if not _closes_a_bracket(group[0].text) or len(_HAN_RE.findall(group[0].text)) > 1:
            return False
        above = "".join(line.text for line in story.lines[-_NOTE_LINES:])
        if above.rfind("（") <= above.rfind("）"):
            return False
        story.lines.append(group[0])
        self.state.roles[group[0].number] = "text: closes the bracket the open story's note left open"
        return True

    def author_alone(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A commentary's or an essay's author printed alone over its text, no role before the name
        (``颜珂`` / ``□颜珂`` / ``■颜珂`` / ``王  强`` / ``何一磊  贾涛`` / ``铁  凝（中国作协主席）`` opening the block under the
        headline, the text under it): the next story's byline, the name alone (spaces and post aside).
        A name opening with a common surname, or any name with a post in brackets, while no story is open."""
        if index != 0 or self.state.pending_byline is not None or len(group) < 3:
            return False
        if self.state.current is not None and not self.state.current.ended:
            return False
        author = _AUTHOR_ALONE_RE.match(line.text)
        if author is None or _DATELINE_RE.match(line.text.strip()) or _REPORTER_ROLE_RE.search(line.text):
            return False  # ``本报讯（记者 王某 通讯员 李某）`` filling its line: a dateline, no author's post
        if not (_text_follows(group, index) or self.verse_follows(group, index)):
            return False
        if self.state.current is not None:
            self.close()
        if author["names"]:
            self.state.pending_byline = " ".join(author["names"].split())  # co-authors, one name each
        else:
            self.state.pending_byline = re.sub(r"\s", "", author["name"] or author["posted"])
        self.state.roles[line.number] = "a name alone over the text, no story open: the next story's author"
        self.state.author_line = line.number
        return True

    def verse_follows(self, group: list[_Line], index: int) -> bool:
        """Whether the lines under `index` in its block open with verse (`page_lines.verse_lines`, its
        stanzas in the blocks after it read on): a poem's lines under its author's name."""
        later = [
            line
            for g in self.page.groups[self.state.group_index + 1 : self.state.group_index + 4]
            for line in g
        ]
        return 0 in verse_lines([*group[index + 1 :], *later], self.page.column)

    def stanza(self, group_index: int, group: list[_Line]) -> bool:
        """A block of verse under the open story's verse, a blank line apart: the poem's next stanza,
        no headline, unless the block after it opens a story's text (an author's name, a byline, a
        dateline, prose), which makes it that story's headline. A note on the author (``作者简介：…``)
        under the stanza in its block is the poem's too."""
        story = self.state.current
        if story is None or story.ended or not story.lines:
            return False
        # The poem's lines so far measure its raggedness; a note on the author may close the stanza.
        note = next((k for k, line in enumerate(group) if AUTHOR_NOTE_RE.match(line.text)), len(group))
        tail = story.lines[-2 * _VERSE_RUN :]
        verse = verse_lines([*tail, *group[:note]], self.page.column)
        if not note or not all(k in verse for k in range(len(tail) - 1, len(tail) + note)):
            return False
        following = self.page.groups[group_index + 1] if group_index + 1 < len(self.page.groups) else []
        if following and self.opens_text(following[0]):
            return False
        for line in group:
            story.lines.append(line)
            self.state.roles[line.number] = "text: a stanza of the open story's verse, a blank line apart"
        return True

    def opens_text(self, line: _Line) -> bool:
        """Whether a block opening with `line` opens a story's text: an author's name alone, a byline,
        a dateline or a line of prose (neither verse, a label nor page furniture)."""
        text = line.text.strip()
        if _AUTHOR_ALONE_RE.match(text) or is_byline(text) or _DATELINE_RE.match(text):
            return True
        if self.is_furniture(line) or _EDITOR_MARK_RE.match(text) or _verse_line(line, self.page.column):
            return False
        return len(_HAN_RE.findall(text)) >= _CLAUSE_CHARS and not text.startswith(_VERSE_ORNAMENTS)

    def outside_story(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A line read while no story is open (or the open one has ended): the text of a story printed
        without a dateline, or a headline."""
        if self.state.current is not None and self.state.current.ended:
            self.close()
        if self.state.current is not None:
            return False
        rest = group[index:]
        gap_groups = self.state.gap_groups
        if self.state.pending_byline is not None:
            self.start(line, "text after a byline printed before it")
        elif self.state.continued:
            self.start(line, "continued from another page")
        elif self.state.under_bullet:
            self.start(line, "text under a brief's bulleted head")
            self.state.brief = self.state.current
            self.names_on_the_opening_line(index, line, group)
        elif (
            self.state.picture_next
            and index == 0
            and gap_groups
            and gap_groups[-1][0] == len(self.state.stories)
            and photographer_credit(group[-1].text) is not None
        ):
            self.start(
                line, "a picture story's caption under its headline, its photographer's credit closing it"
            )
        elif (
            index > 0
            and _INDENT_RE.match(line.text)
            and _first_line_width(line.text, self.page.column)
            and self.headed_indent(index, group)
        ):
            self.start(line, "a paragraph's indented first line right under its headline")
        elif (
            index == 0
            and _opens_story(rest)
            and not _over_indented_text(rest, self.page.column)
            and not self.dash_kicker(group)
            and not _headline_over_dateline(self.page.groups, self.state.group_index, self.page.column)
            and not _headline_atop_dateline(rest, self.page.column)
            and not _headline_over_opening(self.page.groups, self.state.group_index, self.page.column)
        ):
            self.start(line, "prose after a headline or a closed story (no dateline)")
        elif (
            index == 0
            and gap_groups
            and gap_groups[-1][0] == len(self.state.stories)
            and self.state.stories
            and _ends_sentence(self.state.stories[-1].lines)
            and _short_paragraph(rest)
        ):
            self.start(line, "a paragraph of one short sentence under a headline, the story above ended")
        elif _PROSE_OPENER_RE.match(line.text):
            self.start(line, "text: a sentence of reported text (据介绍，…), never a headline")
        elif index > 0 and self.lead_under_a_label(index, line, group):
            self.start(line, "a paragraph's first line under a headline its column label ended")
        elif (
            index == 0
            and _CLAUSE_END_RE.search(line.text)
            and len(_HAN_RE.findall(line.text)) >= _CLAUSE_CHARS
        ):
            # ``智能温控大棚里，蔬菜长势喜人；`` / ``藤编工艺和制陶工坊中，劳动热火朝天；``: a clause ending
            # on a sentence mark no headline carries (a lead set as an epigraph, one clause a block).
            self.start(line, "text: a clause ending on a sentence mark no headline carries")
        elif index == 0 or not gap_groups or gap_groups[-1][1][-1].number != group[index - 1].number:
            # A headline starts here; it continues one only when it follows that one's last line
            # (a headline right under a byline that closed a story starts a group of its own).
            gap_groups.append((len(self.state.stories), [line]))
            self.state.roles[line.number] = "headline: short, no sentence marks, between stories"
        else:
            gap_groups[-1][1].append(line)
            self.state.roles[line.number] = "headline: continues the headline above"
        return True

    def headed_indent(self, index: int, group: list[_Line]) -> bool:
        """Whether the lines over `group[index]` in its block were all taken as a headline."""
        headline = {line.number for _gap, lines in self.state.gap_groups[-1:] for line in lines}
        return all(line.number in headline for line in group[:index])

    def lead_under_a_label(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """The last line of a headline's block, under a line its column label in brackets ends
        (``援”（一线抗疫群英谱）`` / ``在湖北省天门市疾控中心卫生应急``), set as a paragraph's first line (two
        cells short) over a block that goes on from it on a full line: the lead the OCR read in the
        headline's block, not a subtitle (a subtitle is no paragraph's first line continued)."""
        if index != len(group) - 1 or not _LABEL_END_RE.search(group[index - 1].text):
            return False
        text = _MULTI_SPACE_RE.sub("", line.text)
        if abs(_cells(text) - (self.page.column - _INDENT_CELLS)) > _HALF_CELL or not re.search(
            f"[{HAN}]$", text
        ):
            return False
        if self.state.group_index + 1 >= len(self.page.groups):
            return False
        following = self.page.groups[self.state.group_index + 1][0].text.strip()
        return (
            _full_line(following, self.page.column)
            and not _DATELINE_RE.match(following)
            and not is_byline(following)
            and bool(re.match(f"[{HAN}]", following))
        )

    def inline_byline(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…事业发展。记者 景静``: a byline run on after the story's last sentence."""
        inline = _INLINE_BYLINE_RE.match(line.text)
        current = self.state.current
        if not inline or index != len(group) - 1 or current is None or current.byline is not None:
            return False
        current.lines.append(_Line(line.number, inline.group(1), line.blank_before))
        current.byline = _byline_text(inline.group(2))
        current.closed_by_byline = True
        self.state.roles[line.number] = "text with its byline run on: closes the story"
        self.close()
        return True
