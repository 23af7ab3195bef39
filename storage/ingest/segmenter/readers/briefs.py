"""Reading briefs and items: a head run in on its text's line, in brackets or after a bullet, a numbered
brief, an item's head over its lead, an item's source, a column's name over a piece."""

from __future__ import annotations

import re

from storage.ingest.page_county import brief_number, number_mark
from storage.ingest.page_fragments import word_across
from storage.ingest.page_headlines import is_comment_column
from storage.ingest.page_lines import (
    _CAPTION_RE,
    _COMMA_RE,
    _DATELINE_RE,
    _FINAL_RE,
    _HALF_CELL,
    _HAN_RE,
    _HANGING,
    _INDENT_CELLS,
    _INDENT_RE,
    _PROSE_PUNCT_RE,
    _QUESTION_HEADLINE_RE,
    _SENTENCE_PUNCT_RE,
    _SHORT_MARGIN,
    AUTHOR_NOTE_RE,
    BULLET_RE,
    HAN,
    _cells,
    _is_headline_like,
    _is_note,
    _Line,
    _opens_story,
    _set_width,
    closes_text,
    display_width,
    is_byline,
    is_page_furniture,
)
from storage.ingest.page_paragraphs import _OPENING_MARKS, _carried_mark
from storage.ingest.segmenter.readers.reader import LineReader
from storage.ingest.segmenter.shapes.headlines import _CUT_WORD_STRENGTH
from storage.ingest.segmenter.shapes.items import (
    _DASH_TAIL_RE,
    _SOURCE_MARK_RE,
    _SOURCE_MARK_RUN_ON_RE,
    _SOURCE_TAG_RE,
)
from storage.ingest.segmenter.shapes.names import _AUTHOR_ALONE_RE, _CLOSING_NAMES_RE
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
    _brackets_balance,
    _ended_by_a_note,
    _ends_sentence,
    _quotes_closed,
)

# A column's label in brackets closing a head: ``（红船观澜）``, ``（经济新方位·六稳怎么干①）``.
_COLUMN_LABEL_END_RE = re.compile(f"[{HAN}”][（(][{HAN}·①-⑩0-9]{{2,14}}[）)]$")


class BriefReader(LineReader):
    """The readers of briefs and items."""

    def text_after_head(self, line: _Line, text: _Line | None, why: str) -> None:
        """A brief's head read on `line`: the `text` printed after it on the line opens the brief, the head
        its own; with none, the next line opens it under the head."""
        if text is not None:
            self.cutter.start(text, why)
            self.state.brief = self.state.current
            if self.state.current is not None:
                self.state.current.own_head = line.number
        else:
            self.state.under_bullet = True
            self.state.pending_head = line.number

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
        if own is not None and not self.cutter.ends_sentence():
            return False
        if run_on is not None:
            story.lines.append(_Line(line.number, run_on.group(1), line.blank_before))
        self.cutter.drop(line, "source mark", line.text[len(run_on.group(1)) if run_on else 0 :])
        self.state.set_role(line, "a digest item's source after its last sentence: closes the item")
        self.state.among_items = True
        story.ended = True
        self.cutter.close()
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
            full = full and self.cutter.fills_column(following.strip())
        if not (full or _PROSE_PUNCT_RE.search(found[1] or following)):
            return None
        if found[1] and not found[2] and _INDENT_RE.match(following) and not _PROSE_PUNCT_RE.search(found[1]):
            # The line under it opens a paragraph (``■立足本职坚守岗位 一起拼搏一起奋斗`` / ``　国庆假期，…``):
            # words after the space, no clause mark, are a headline's second phrase, not its text.
            return None
        if (
            found[1]
            and not found[2]
            and _RUN_IN_BRACKET_RE.match(line.text)
            and not _PROSE_PUNCT_RE.search(found[1])
            and _DATELINE_RE.match(following.strip())
        ):
            # A dateline under it opens the text (``【新闸机】“刷脸”进站优化升级`` / ``本报成都2月11日电…``):
            # the words after the bracket, no clause mark, are the headline the label is set before.
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
        if not self.run_in_head_stands(index, line, group, rest, wrapped=wrapped):
            return False
        story = self.state.current
        if story is not None:
            self.cutter.close()
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
        self.drop_column_label_over(line)
        self.state.gap_groups.append((len(self.state.stories), [_Line(line.number, head, line.blank_before)]))
        self.state.set_role(line, "headline: an item's lead-in run in before its text")
        lead_in = display_width(line.text.strip()) - display_width(rest.strip())
        text = _Line(line.number, rest, line.blank_before, lead_in) if rest.strip() else None
        self.text_after_head(line, text, "text after an item's run-in lead-in")
        return True

    def run_in_head_stands(
        self, index: int, line: _Line, group: list[_Line], rest: str, *, wrapped: bool
    ) -> bool:
        """Whether a run-in head found on `line` (`run_in_item`: `rest` the text after it, `wrapped` when
        its end is on the next line) stands where an item can open: not inside the open story's
        sentence, not a short line the column wrapped, not the lead of a story whose headline waits."""
        story = self.state.current
        if (
            story is not None
            and not line.blank_before
            and not story.ended
            and not self.cutter.ends_sentence()
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
            if not self.cutter.ends_sentence():
                return False
            if not self.paragraph_ended_among_items():
                following = group[index + 1].text if index + 1 < len(group) else ""
                # A paragraph may open ``…选定了7个历史瞬间：1949年…``: after an item no source closed, only
                # a full-width space parts a head from its text.
                gap = _RUN_IN_SEPARATOR_RE.search(line.text.strip()) or _RUN_IN_SEPARATOR_RE.search(following)
                if gap is None or "\u3000" not in gap.group(0):
                    return False
                # Inside a block, the text after the head opens as a lead does; on a page of items, the
                # full-width space alone parts the next item's head (``麻糍的滋味　在我们浙江本地，…``).
                if index > 0 and not (self.state.among_items or _LEAD_OPENING_RE.match(rest.strip())):
                    return False
        return True

    def drop_column_label_over(self, line: _Line) -> None:
        """Drop the column's label right over the first item (``城事速递``, ``新闻速览``): no story's headline."""
        if self.state.gap_groups and self.state.gap_groups[-1][0] == len(self.state.stories):
            (label, *more) = self.state.gap_groups[-1][1]
            if (
                not more
                and self.page.next_number.get(label.number) == line.number
                and len(label.text.strip()) <= 6
                and not _PROSE_PUNCT_RE.search(label.text)
            ):
                self.state.gap_groups.pop()
                self.cutter.drop(label, "column label")
                self.state.set_role(label, "a column's label over its first item: no headline")

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
        ended = self.cutter.ends_sentence() or bool(
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
            self.cutter.close()
        self.state.brief_column = False
        self.state.gap_groups.append(
            (len(self.state.stories), [_Line(line.number, head.strip(), line.blank_before)])
        )
        self.state.set_role(line, "headline: a head in brackets before a brief's text")
        text = _Line(line.number, rest.strip(), line.blank_before) if rest.strip() else None
        self.text_after_head(line, text, "text after a brief's head in brackets")
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
        if self.state.pending_byline is not None and index > 0 and is_byline(group[index - 1].text):
            return False  # right under a byline printed before the text: the text opens (a summary's point)
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
        # A paragraph's first line's sentence may end on the line under it (a summary's point,
        # ``■目前看，我国外贸稳定发展仍有诸多有`` / ``利因素。``).
        following = group[index + 1].text.strip()
        first_line = abs(display_width(text) - (self.page.column - _INDENT_CELLS)) <= 1.0 and (
            self.cutter.fills_column(following) or bool(_FINAL_RE.search(following))
        )
        if (
            not numbered
            and not run_in  # the line under it opens a paragraph: no sentence goes on into it
            and (self.cutter.fills_column(text) or first_line)
            and (re.search("[，、；：,;]", head) or word_across(head, following)[1] >= _CUT_WORD_STRENGTH)
            and not self.labelled_head_after_a_break(line, head)
        ):
            return False
        story = self.state.current
        if (
            story is not None
            and not story.ended
            and story is not self.state.brief
            and not (run_in and self.cutter.ends_sentence())
            and not _ended_by_a_note(story.lines)
            and not self.labelled_head_after_a_break(line, head)
        ):
            return False  # a sub-heading inside a story (``■小贴士``) that no brief column opened: text
        if story is not None:
            self.cutter.close()
        if numbered:
            self.state.brief_number = brief_number(numbered.group(0))
        self.state.brief_column = False
        # The bullet marks the item, not the head: the headline is the words after it.
        if index + 2 < len(group) and _DASH_TAIL_RE.fullmatch(group[index + 1].text.strip()):
            # The head wrapped onto a line ending in a dash (``■内蒙古萨如拉图雅嘎查`` / ``原党支部书记廷·巴特尔——``):
            # a head's dash leads to its text (the next line); no paragraph's line ends so.
            tail = group.pop(index + 1)
            head += tail.text.strip()
            self.state.set_role(tail, "headline: a bulleted head's tail, ending in a dash")
        self.state.gap_groups.append((len(self.state.stories), [_Line(line.number, head, line.blank_before)]))
        self.state.set_role(line, "headline: a bulleted head over a brief's text")
        self.state.under_bullet = True
        return True

    def labelled_head_after_a_break(self, line: _Line, head: str) -> bool:
        """Whether a bulleted `head` after a blank line, under a story that ended its sentence, ends in a
        column's label in brackets (``■赏罚分明，凝聚抗疫合力（红船观澜）``): a piece's headline, which
        closes the story above; a sub-heading inside a story carries no column's label."""
        return line.blank_before and self.cutter.ends_sentence() and bool(_COLUMN_LABEL_END_RE.search(head))

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

    def kicker_over_opening(self, index: int, group: list[_Line]) -> bool:
        following = self.state.group_index + 1
        if following >= len(self.page.groups):
            return False
        opening = self.page.groups[following][0].text.strip()
        if index + 2 == len(group):
            main = group[index + 1]
            # A kicker closed by a dash leads to its main line (``■ 湖北省第三人民医院检验科主任刘世国——`` /
            # ``“与病毒面对面，我们不会退缩”``), whatever opens the text under it; a brief's head leads to
            # no line under it.
            led = group[index].text.rstrip(" \t\u3000").endswith("——")
            if (
                _is_headline_like([main])
                and not _ends_sentence([main])
                and bool(_DATELINE_RE.match(opening) or is_byline(opening) or led)
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

    def ornamented_column_over_a_piece(self, group: list[_Line]) -> bool:
        """A column's name set off by an ornament over a piece's title in one block (``◆诗路放歌`` /
        ``“疫情快过去吧，快点！”``), under a story that ended its sentence, the author's name alone opening
        the next block (`kicker_over_opening`): the next piece's headline, never the story's text (a
        title may end on ``！``)."""
        return (
            len(group) == 2
            and self.state.current is not None
            and self.cutter.ends_sentence()
            and BULLET_RE.match(group[0].text.strip()) is not None
            and _is_headline_like(group[:1])
            and self.kicker_over_opening(0, group)
        )

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
            or self.cutter.is_furniture(head)
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
        # A mark hung past the column's edge (``…周年前夕，``) takes no room of the line, which is then a
        # cell or more short of the column (an inner line is full, half a cell short with an odd digit);
        # a mark ending a line an opening mark left (``…贫困，`` / ``“地下…``) is set inside it.
        hung = (
            len(text) > 1
            and text[-1] in _HANGING
            and display_width(text) <= self.page.column - 1.0
            and below is not None
            and below.text.strip()[:1] not in _OPENING_MARKS
        )
        return (
            bool(_INDENT_RE.match(lead.text))
            or self.indented_first_line(text)
            or (hung and self.indented_first_line(text[:-1]))
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
