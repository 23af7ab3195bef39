"""The transitions of the cut: a story opened, closed (giving back the headlines it swallowed) and a line
dropped, each with its role; and what the readers ask of the open story and of a line's width."""

from __future__ import annotations

import re

from storage.ingest.page_lines import (
    _AGENCY_CREDIT_RE,
    _CLOSING_NOTE_RE,
    _DASH_END_RE,
    _DATELINE_RE,
    _HALF_CELL,
    _HAN_RE,
    _HEADLINE_MAX_LINES,
    _INDENT_CELLS,
    _INDENT_RE,
    _SHORT_MARGIN,
    _groups,
    _is_body_fragment,
    _is_headline_like,
    _is_name_kicker,
    _is_note,
    _Line,
    _set_width,
    _Story,
    display_width,
    is_byline,
    is_page_furniture,
    is_reader_signature,
)
from storage.ingest.segmenter.cut import _Dropped
from storage.ingest.segmenter.page_facts import PageFacts
from storage.ingest.segmenter.reading import Reading
from storage.ingest.segmenter.shapes.captions import _AGENCY_ALONE_RE, _BARE_CREDIT_RE
from storage.ingest.segmenter.shapes.headlines import (
    _RUN_ON_HEADLINE_WIDTH,
    _full_line_with_a_comma,
    _is_headline_group,
)
from storage.ingest.segmenter.shapes.sentences import _BRACKETED_LINE_RE, _brackets_balance, _ends_sentence


class StoryCutter:
    """Opens and closes stories and drops lines, on the page's facts and the reading state it is given."""

    def __init__(self, page: PageFacts, state: Reading) -> None:
        self.page = page
        self.state = state

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
        self.state.set_role(line, f"opens a story: {why}")

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
                and not is_reader_signature(groups[cut - 1][0].text)
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
            self.state.set_role(line, "headline: printed right under the story's last sentence")
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
            and (full_lines or not self.fills_column(lines[cut - 1].text.strip()))
            and not re.search(self._not_in_run_on_headline(lines[cut - 1]), lines[cut - 1].text)
            and _brackets_balance(lines[cut - 1].text)
            and not _is_note(lines[cut - 1].text)
            and not _BRACKETED_LINE_RE.match(lines[cut - 1].text)
            and not is_byline(lines[cut - 1].text)
            and not is_reader_signature(lines[cut - 1].text)
            and not _is_photo_credit(lines[cut - 1].text)
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

    def fills_column(self, text: str) -> bool:
        """Whether a line is set as full as a body line: within a margin of the column, and not a cell
        or more wider than it (no body line is, once the marks it hangs are left out)."""
        return (
            display_width(text) >= self.page.column - _SHORT_MARGIN
            and _set_width(text) < self.page.column + 1.0
        )

    def set_full(self, index: int, group: list[_Line]) -> bool:
        """Whether a block's line is set as full as its place allows: a body line filling the column, or
        a paragraph's first line (the block's first, or under a sentence's end) filling it but for the
        indent the OCR dropped (a sub-heading ``…促进高质量发展的能`` over ``力``)."""
        text = group[index].text.strip()
        if self.fills_column(text):
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

    def open_story_ends_with(self, line: _Line) -> bool:
        """Whether a story is open and `line` is its last line so far (what comes next sits right under
        its text)."""
        story = self.state.current
        return story is not None and not story.ended and bool(story.lines) and story.lines[-1] is line

    def text_line(self, index: int, group: list[_Line]) -> bool:
        """A line between two lines of a block, set to the column's measure, that reads as a page header
        (``第四版和诊疗方案试行第五版修正版的官方``): a line of text that names a page, never furniture."""
        line = group[index]
        return (
            0 < index < len(group) - 1
            and line.number not in self.page.masthead
            and self.fills_column(line.text.strip())
            and self.fills_column(group[index - 1].text.strip())
        )


def _is_photo_credit(text: str) -> bool:
    """A photo's credit on a line of its own: an agency's in brackets (``王某摄（人民视觉）``), a
    photographer's (``新华社记者  朱旭东摄``) or an agency's name alone (``影像中国``)."""
    return bool(_AGENCY_CREDIT_RE.match(text) or _BARE_CREDIT_RE.match(text) or _AGENCY_ALONE_RE.match(text))
