"""Reading bylines, datelines and closing notes: a dateline opening a story (or a second dispatch in it),
a byline before or after the text or inline, an author's name alone, closing names and initials, a
closing note in brackets, a date line over or under a story."""

from __future__ import annotations

import re

from storage.ingest.line_split.wrapped_lines import _NOTE_MIDDLE_LINES
from storage.ingest.page_county import number_mark
from storage.ingest.page_fragments import _CLOSING_NOTE_END_RE
from storage.ingest.page_lines import (
    _CLOSING_NOTE_RE,
    _DATELINE_RE,
    _EDITORS_NOTE_RE,
    _HAN_RE,
    _INDENT_CELLS,
    _INLINE_BYLINE_RE,
    _NOTE_THEN_BYLINE_RE,
    _SHORT_MARGIN,
    BULLET_RE,
    _closes_a_bracket,
    _dispatch_org,
    _dispatch_source,
    _is_body_fragment,
    _Line,
    _same_day,
    _set_width,
    _Story,
    _story_head,
    is_byline,
    is_summary_label,
    stamp_author,
    text_date,
)
from storage.ingest.page_paragraphs import verse_lines
from storage.ingest.segmenter.readers.reader import LineReader
from storage.ingest.segmenter.shapes.captions import _CAPTION_STORY_CHARS, signed_in_its_dateline
from storage.ingest.segmenter.shapes.names import (
    _AUTHOR_ALONE_RE,
    _BARE_NAME_RE,
    _CLOSING_NAMES_RE,
    _INITIALS_RE,
    _REPORTER_ROLE_RE,
    _byline_text,
    _dateline_alone,
    _text_follows,
    closing_byline,
    over_the_next_items_head,
)
from storage.ingest.segmenter.shapes.run_in_heads import (
    _BRACKETED_HEAD_RE,
    _RUN_IN_BRACKET_RE,
    _RUN_IN_BULLET_RE,
    _run_in_parts,
)
from storage.ingest.segmenter.shapes.sentences import _NOTE_LINES, _brackets_balance, _ends_sentence

# A line left inside a clause: on a comma, an enumeration mark or a semicolon.
_OPEN_CLAUSE_ENDS = ("，", "、", "；", ",")
# A list's label alone on its line (``推荐读物：``), and the first item of the list under it (``1.《…》``).
_LIST_LABEL_RE = re.compile("^[ \t\u3000]*[\u4e00-\u9fff]{2,6}[：:][ \t\u3000]*$")
_FIRST_ITEM_RE = re.compile("^[ \t\u3000]*[1１][.．、]")


class BylineReader(LineReader):
    """The readers of bylines, datelines and notes."""

    def date_text(self, line: _Line, *, under: bool) -> None:
        """A dropped line that dates one text (`text_date`) and stands `under` it or over it: under, it
        dates the open story (or the last one); over, the next story opened."""
        found = text_date(line.text)
        if found is None or found[1] != under:
            return
        story = self.state.open_or_last()
        if under and story is not None:
            story.printed_date = found[0]
        elif not under:
            self.state.pending_date = found[0]
            # A site's date line naming the author (``… 作者：王某``): the next story's byline.
            if (author := stamp_author(line.text)) is not None and self.state.pending_byline is None:
                self.state.pending_byline = author

    def dateline(self, index: int, line: _Line, group: list[_Line]) -> bool:
        if not _DATELINE_RE.match(line.text):
            return False
        story = self.state.current
        if (
            story is not None
            and index > 0
            and self.cutter.open_story_ends_with(group[index - 1])
            and re.search("[，,、]$|据$", group[index - 1].text.rstrip())
        ):
            # The sentence before it runs on into it (``本报讯 1月23日上午，`` / ``据新华社电（记者蒋成）``,
            # ``…23日，据`` / ``新华社电…``): a dateline quoted inside the story's text opens no story.
            story.lines.append(line)
            self.state.set_role(line, "a dateline inside a sentence of the open story: its text")
            return True
        if (
            story is not None
            and story.lines
            and _EDITORS_NOTE_RE.match(story.lines[0].text)
            and not any(_DATELINE_RE.match(x.text) for x in story.lines)
            and self.cutter.ends_sentence()
        ):
            story.lines.append(line)
            self.state.set_role(line, "the dateline under the story's editor's note: its text goes on")
            return True
        if self.under_a_summary(story):
            assert story is not None
            story.lines.append(line)
            self.state.set_role(
                line, "the dateline under the story's summary of bulleted points: its text goes on"
            )
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
        self.cutter.start(line, "a dateline")
        return True

    def under_a_summary(self, story: _Story | None) -> bool:
        """Whether the open story so far is a summary's bulleted points ending a sentence, no dateline
        among them (``■目前看，…因素。`` / ``■一方面，…支撑。``): printed between the headline and the
        dateline, the summary opens the story the dateline goes on."""
        return (
            story is not None
            and not story.ended
            and bool(story.lines)
            and bool(BULLET_RE.match(story.lines[0].text))
            and not any(_DATELINE_RE.match(x.text) for x in story.lines)
            and self.cutter.ends_sentence()
        )

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
        if not self.cutter.open_story_ends_with(group[index - 1]):
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
        # The paper's own dispatch from another place (``本报石家庄2月16日电`` inside a ``本报讯`` story, or
        # ``本报北京1月17日电`` inside a ``本报内比都1月17日电`` story, the same day): a roundup of its
        # reporters' reports, when nothing closed the story before it.
        return (
            not story.closed_by_byline
            and _dispatch_org(opening.group(1)) == _dispatch_org(this.group(1)) == "本报"
            and ("讯" in opening.group(1) or _same_day(opening.group(1), this.group(1)))
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
        if not previous or not self.cutter.open_story_ends_with(previous[-1]) or story.closed_by_byline:
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
        self.state.set_role(
            line,
            "a second dispatch of the open story: its dateline the story's own (source, place and date), "
            "in a block right under its text",
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
            self.state.set_role(line, "the dateline's byline, on the next line")
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
            and self.cutter.ends_sentence()
            and (item_next or not _text_follows(group, index))
        )
        if (
            current is not None
            and not self.cutter.ends_sentence()
            and text.rstrip().endswith("摄")
            and _is_body_fragment(group[index + 1 :])
        ):
            # A photo's credit read between an open sentence and the lines going on with it, in its
            # block (``…可以保持战`` / ``新华社记者于芳摄`` / ``略定力，以更长远眼光，…``): the picture's,
            # not the story's; the story stays open.
            self.cutter.drop(line, "caption")
            return True
        if self.credit_inside_a_clause(index, group):
            self.cutter.drop(line, "caption")
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
            self.cutter.drop(line, "caption")
            return True
        if (
            closing
            and current is not None
            and signed_in_its_dateline(current)
            and text.rstrip().endswith("摄")
        ):
            # A photographer's credit under a dispatch whose dateline names its reporters (``本报北京2月2日电
            # （记者张某）…`` … ``新华社记者徐某摄``): the dispatch is signed in its dateline, so the credit is
            # a picture's set in its column, its caption read elsewhere. The story goes on under it.
            self.cutter.drop(line, "caption")
            return True
        if closing and current is not None and current.byline is None:
            current.byline = _byline_text(text)
            current.closed_by_byline = True
            self.state.set_role(line, "byline after a sentence end (or an end mark): closes the story")
            self.cutter.close()
        elif closing and text.rstrip().endswith("摄"):
            self.cutter.drop(line, "caption")  # a photo credit
        elif text.rstrip().endswith("摄") and current is not None and not current.ended:
            # A photographer's credit is no byline printed before a story's text (a text story is signed
            # by no photographer): the credit of a picture set in the open story's columns, its caption
            # read elsewhere (``…这块连说话都喘粗气的`` / ``新华社记者徐某摄`` / ``“禁区”，却是…``). The
            # story stays open.
            self.cutter.drop(line, "caption")
        elif self._byline_under_a_byline(index, group):
            # A second correspondent's line under the first (``本报驻华盛顿记者  罗平`` / ``本报驻东京记者
            # 朱平伟``): the same story's byline, both names its reporters.
            self.state.pending_byline = f"{self.state.pending_byline}  {_byline_text(text)}"
            self.state.set_role(line, "byline before the text, under another byline: both the story's")
        else:
            # A byline printed before its story's text: the story before it ends here.
            self.cutter.close()
            if self.state.pending_byline is not None or text.rstrip().endswith("摄"):
                self.cutter.drop(line, "caption")
            else:
                self.state.pending_byline = _byline_text(text)
                self.state.set_role(line, "byline before the text: opens the next story")
        return True

    def _byline_under_a_byline(self, index: int, group: list[_Line]) -> bool:
        """A byline line right under the line of a byline printed before its text, neither a photo's
        credit."""
        if self.state.pending_byline is None or index == 0 or group[index].text.rstrip().endswith("摄"):
            return False
        above = group[index - 1].text
        return is_byline(above) and not above.rstrip().endswith("摄")

    def credit_inside_a_clause(self, index: int, group: list[_Line]) -> bool:
        """A byline-shaped line opening a block under the open story's text left on a comma or an
        enumeration mark (``…检查人工繁育场所15.3万多处，`` / ``新华社记者萧某报`` / ``办理野生动物违法案件…``):
        no story ends inside a clause, so it is the credit of a picture set in the story's column (its
        摄 misread), and the story goes on under it."""
        story = self.state.current
        return bool(
            index == 0
            and index + 1 < len(group)
            and story is not None
            and not story.ended
            and story.lines
            and story.lines[-1].text.rstrip().endswith(_OPEN_CLAUSE_ENDS)
            and not _DATELINE_RE.match(group[index + 1].text)
        )

    def closing_note(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``（本报东京电）``, ``（作者为…）`` opening a block: the last line of the story above. A note the
        column wrapped over more lines than its tail (``(本报记者贺广华、程远州、郑少`` / ``忠、戴林峰、…、李``
        / ``纵)``, a roundup naming its reporters) takes the lines up to the one closing its bracket; so
        does a dateline the column cut before its 电 (``（本报华盛顿、东京、布鲁`` / ``塞尔2月5日电）``)."""
        if index != 0 or not (_CLOSING_NOTE_RE.match(line.text) or _wrapped_note(group)):
            return False
        story = self.state.open_or_last()
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
        self.state.set_role(line, "a closing note in brackets: the last line of the story above")
        return True

    def note_ends_block(self, group: list[_Line]) -> None:
        """A closing note ending the block under the open story's text, its lines the story's last
        (``…不断前进。`` / ``（作者为教育部长江学者特聘`` / ``教授、华中科技大学法学院院长）``): the story has
        ended, and what follows (a headline, its author) is no text of it."""
        story = self.state.current
        if story is None or story.ended or not story.lines or story.lines[-1] is not group[-1]:
            return
        for start in range(len(group) - 1, max(len(group) - _NOTE_MIDDLE_LINES - 2, 0), -1):
            note = "".join(line.text.strip() for line in group[start:])
            if _CLOSING_NOTE_RE.match(note) and note.endswith(("）", ")")):
                if (
                    _ends_sentence(group[:start])
                    and not _CLOSING_NOTE_RE.match(group[start - 1].text)
                    and not self.reading_list_next()
                ):
                    story.ended = True
                    self.state.set_role(
                        group[start],
                        "a closing note under the story's text, ending its block: the story has ended",
                    )
                return

    def reading_list_next(self) -> bool:
        """Whether the next block is a list the story closes with, under its note: a label alone ending
        in a colon over its first numbered item (``推荐读物：`` / ``1.《人工智能导论》：李德毅主编；…``)."""
        after = self.page.groups[self.state.group_index + 1 : self.state.group_index + 2]
        return (
            bool(after)
            and len(after[0]) >= 2
            and bool(_LIST_LABEL_RE.match(after[0][0].text) and _FIRST_ITEM_RE.match(after[0][1].text))
        )

    def rest_of_a_note(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A line of a closing note wrapped over its block (`closing_note`): the note's story's text."""
        if line.number not in self.state.note_tail:
            return False
        story = self.state.open_or_last()
        if story is None:
            return False
        story.lines.append(line)
        self.state.set_role(line, "the rest of the closing note above, wrapped by the column")
        return True

    def bracket_tail(self, group: list[_Line]) -> bool:
        """A block of one short line closing the bracket the open story's text left open, a column break
        between (``（作者为最高人民法院信息中心主`` / ``任）``): the tail of the story's note, never a
        speck of OCR noise."""
        story = self.state.current
        if story is None or story.ended or len(group) != 1 or self.cutter.ends_sentence():
            return False
        if not _closes_a_bracket(group[0].text) or len(_HAN_RE.findall(group[0].text)) > 1:
            return False
        above = "".join(line.text for line in story.lines[-_NOTE_LINES:])
        if above.rfind("（") <= above.rfind("）"):
            return False
        story.lines.append(group[0])
        self.state.set_role(group[0], "text: closes the bracket the open story's note left open")
        return True

    def author_alone(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A commentary's or an essay's author printed alone over its text, no role before the name
        (``颜珂`` / ``□颜珂`` / ``■颜珂`` / ``王  强`` / ``何一磊  贾涛`` / ``铁  凝（中国作协主席）`` opening the block under the
        headline, the text under it): the next story's byline, the name alone (spaces and post aside).
        A name opening with a common surname, or any name with a post in brackets, while no story is open.
        A name with its post right under the headline just read signs whatever text its block holds
        (``刘  恒（中国作协副主席）`` over a two-line poem)."""
        if index != 0 or self.state.pending_byline is not None:
            return False
        if self.state.current is not None and not self.state.current.ended:
            return False
        author = _AUTHOR_ALONE_RE.match(line.text)
        posted_under_a_headline = (
            author is not None
            and bool(author["posted"])
            and len(group) > 1
            and self._right_under_a_headline()
        )
        if len(group) < 3 and not posted_under_a_headline:
            return False
        bare = author is None and self.bare_name_under_a_headline(line)
        if (
            (author is None and not bare)
            or _DATELINE_RE.match(line.text.strip())
            or _REPORTER_ROLE_RE.search(line.text)
        ):
            return False  # ``本报讯（记者 王某 通讯员 李某）`` filling its line: a dateline, no author's post
        if not (_text_follows(group, index) or self.verse_follows(group, index) or posted_under_a_headline):
            return False
        if self.state.current is not None:
            self.cutter.close()
        if author is None:
            self.state.pending_byline = re.sub(r"\s", "", line.text)
        elif author["names"]:
            self.state.pending_byline = " ".join(author["names"].split())  # co-authors, one name each
        else:
            self.state.pending_byline = re.sub(r"\s", "", author["name"] or author["posted"])
        self.state.set_role(line, "a name alone over the text, no story open: the next story's author")
        self.state.author_line = line.number
        return True

    def bare_name_under_a_headline(self, line: _Line) -> bool:
        """A name of two to four characters with no common surname (``阿尔泰``) opening the block right
        under the headline just read, no story opened since: the piece's author. No paragraph's first
        line is that short over more text, and a label there (``编者按``, ``核心阅读``) is no name."""
        return bool(
            _BARE_NAME_RE.match(line.text)
            and not _EDITORS_NOTE_RE.match(line.text)
            and not is_summary_label(line.text)
            and self._right_under_a_headline()
        )

    def _right_under_a_headline(self) -> bool:
        """Whether the block being read comes right under the headline just read, no story opened since."""
        gap_groups = self.state.gap_groups
        group_index = self.state.group_index
        return bool(
            group_index > 0
            and gap_groups
            and gap_groups[-1][0] == len(self.state.stories)
            and gap_groups[-1][1][-1].number == self.page.groups[group_index - 1][-1].number
        )

    def verse_follows(self, group: list[_Line], index: int) -> bool:
        """Whether the lines under `index` in its block open with verse (`page_lines.verse_lines`, its
        stanzas in the blocks after it read on): a poem's lines under its author's name."""
        later = [
            line
            for g in self.page.groups[self.state.group_index + 1 : self.state.group_index + 4]
            for line in g
        ]
        return 0 in verse_lines([*group[index + 1 :], *later], self.page.column)

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
            or over_the_next_items_head(group[index + 1 :])
        )
        if not last or (not found.group(1) and not self.cutter.ends_sentence()):
            return False
        if found.group(1):
            story.lines.append(_Line(line.number, found.group(1), line.blank_before))
        story.byline = closing_byline(found)
        story.closed_by_byline = True
        self.state.set_role(line, "names in brackets after the last sentence: the authors close the story")
        self.cutter.close()
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
        story.byline = closing_byline(found)
        story.closed_by_byline = True
        self.state.set_role(
            line, "a brief's one line of text, its authors in brackets after it: they close it"
        )
        self.cutter.close()

    def closing_initials(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…改革工作。（ZY）``: an editor's initials after the story's last sentence end its text; they
        are neither text nor a byline (a byline may still follow)."""
        found = _INITIALS_RE.match(line.text)
        story = self.state.current
        if not found or story is None or story.ended:
            return False
        if not found.group(1) and not self.cutter.ends_sentence():
            return False
        if found.group(1):
            story.lines.append(_Line(line.number, found.group(1), line.blank_before))
        self.cutter.drop(line, "editor's initials", line.text[len(found.group(1) or "") :])
        story.ended = True
        return True

    def inline_byline(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…事业发展。记者 景静``: a byline run on after the story's last sentence, or after the closing
        note the story's text ends with (``（作者为…大`` / ``使）（记者 胡海 魏宇）``)."""
        current = self.state.current
        inline = _INLINE_BYLINE_RE.match(line.text) or self._byline_after_a_note(line)
        if not inline or index != len(group) - 1 or current is None or current.byline is not None:
            return False
        current.lines.append(_Line(line.number, inline.group(1), line.blank_before))
        current.byline = _byline_text(inline.group(2))
        current.closed_by_byline = True
        self.state.set_role(line, "text with its byline run on: closes the story")
        self.cutter.close()
        return True

    def wrapped_inline_byline(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…物资或捐款。（记者 欧阳洁 通讯员 吴`` / ``宇娜）``: a bracketed byline run on after the story's
        last sentence, the column wrapping it onto the block's last line. It closes the story; the line
        above keeps its text up to the bracket."""
        current = self.state.current
        if index == 0 or index != len(group) - 1 or current is None or current.byline is not None:
            return False
        above = group[index - 1]
        if not current.lines or current.lines[-1] is not above or _brackets_balance(above.text):
            return False
        above_text = above.text.rstrip()
        inline = _INLINE_BYLINE_RE.match(above_text + line.text.strip())
        if (
            not inline
            or not inline.group(2).startswith(("（", "("))
            or len(inline.group(1)) >= len(above_text)
        ):
            return False
        current.lines[-1] = _Line(above.number, inline.group(1), above.blank_before)
        current.byline = _byline_text(inline.group(2))
        current.closed_by_byline = True
        self.state.set_role(
            line, "the rest of a bracketed byline run on after the text above: closes the story"
        )
        self.cutter.close()
        return True

    def _byline_after_a_note(self, line: _Line) -> re.Match[str] | None:
        """A bracketed byline run on after the closing bracket of a note (``（作者为…）``) that the open
        story's last lines and this line close; None otherwise."""
        found = _NOTE_THEN_BYLINE_RE.match(line.text)
        current = self.state.current
        if found is None or current is None:
            return None
        above = "".join(other.text.strip() for other in current.lines[-_NOTE_LINES:])
        return found if _CLOSING_NOTE_END_RE.search(above + found.group(1).strip()) else None


def _wrapped_note(group: list[_Line]) -> bool:
    """Whether a block opens with a closing note the column wrapped (its first line leaves its bracket
    open): the lines up to the one closing it read together as a note (``（本报华盛顿、东京、布鲁`` /
    ``塞尔2月5日电）``)."""
    if _brackets_balance(group[0].text) or not re.match("[ \t\u3000]*[（(]", group[0].text):
        return False
    note = group[0].text.strip()
    for following in group[1 : 2 + _NOTE_MIDDLE_LINES]:
        note += following.text.strip()
        if re.search("[（(]", following.text):
            return False
        if re.search("[）)]", following.text):
            return bool(_CLOSING_NOTE_RE.match(note) and re.search("[）)]$", note))
    return False
