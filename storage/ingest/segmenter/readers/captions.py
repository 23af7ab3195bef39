"""Reading photo captions and credits: a caption's block after a story's text, a caption inside a
story's block, a photographer's or supplier's credit, a picture story's credit."""

from __future__ import annotations

from storage.ingest.page_county import photographer_credit, supplied_credit
from storage.ingest.page_lines import _AGENCY_CREDIT_RE, _CAPTION_RE, _JUMP_LINE_RE, _Line
from storage.ingest.segmenter.readers.reader import LineReader
from storage.ingest.segmenter.shapes.captions import (
    _AGENCY_ALONE_RE,
    _BARE_CREDIT_RE,
    _CAPTION_CREDIT_RE,
    _CAPTION_MAX_CHARS,
    _CAPTION_MAX_LINES,
    _CAPTION_NOTE_RE,
    _CAPTION_STORY_CHARS,
    _CREDIT_HEAD_RE,
    _DATED_CAPTION_RE,
    _INNER_CAPTION_LINES,
    _caption_over_dateline,
    _caption_over_text,
    _caption_rest,
    _inner_caption_end,
    _is_caption_group,
    is_portrait_caption,
    signed_in_its_dateline,
)
from storage.ingest.segmenter.shapes.names import _byline_text
from storage.ingest.segmenter.shapes.sentences import _ends_sentence, _is_jump_start


class CaptionReader(LineReader):
    """The readers of captions and credits."""

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
            and self.cutter.open_story_ends_with(self.page.groups[group_index - 1][-1])
            and _ends_sentence(story.lines)
        ):
            return False
        story.lines.append(group[0])
        self.state.set_role(group[0], "photo credit right under the story's text: a paragraph of its own")
        return True

    def credit_head_inside_a_sentence(self, group: list[_Line]) -> bool:
        """A credit's head alone in its block, set where the open story's sentence breaks off
        (``…各项安保`` / ``本报记者`` / ``工作措施落到实处…``): the OCR read a photo's credit apart and lost
        its name. It belongs to no story, and the story's sentence goes on under it."""
        story = self.state.current
        if not (
            len(group) == 1
            and _CREDIT_HEAD_RE.match(group[0].text)
            and story is not None
            and story.lines
            and not self.cutter.ends_sentence()
        ):
            return False
        self.cutter.drop(group[0], "caption")
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
        # Right under the story's text, or under the closing note that ended it (``（综合本报记者…报道）``).
        after_text = story.lines[-1] is above and (_ends_sentence(story.lines) or inside)
        if not (jumped or after_text) or len(group) > _CAPTION_MAX_LINES:
            return False
        text = "".join(line.text.strip() for line in group)
        credit = _CAPTION_CREDIT_RE.search(text)
        if credit is None or not credit.start() or len(text[: credit.start()]) > _CAPTION_MAX_CHARS:
            return False
        for line in group:
            self.cutter.drop(line, "caption")
        return True

    def inner_caption(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A photo's caption set between two of a story's paragraphs, in its block (``…了解情况。`` /
        ``▲当前，…。`` / ``本报记者  王某摄`` / ``工作人员给…``): its lines, from ``图为`` or ``▲`` after a
        sentence end up to the photographer's credit (``王某摄``, ``（王某 摄）``, ``（资料图片）``), belong to
        no story, and the story goes on under them. A caption set after a colon (``中共中央决定：``) too, and
        one closing the story's block (``…成果发布活动。`` / ``▲…。`` / ``记者 马明芳 摄``, or ``图为…。`` /
        ``（资料图片）``, a blank line, then the story's next paragraph), its credit atop the next block
        (``▲…。``, a blank line, ``本报记者  蒋悦建摄`` over the story's next paragraph) or not."""
        if line.number in self.state.caption_tail:
            self.cutter.drop(line, "caption")
            return True
        story = self.state.current
        if story is None or story.ended or not story.lines or not _CAPTION_RE.match(line.text):
            return False
        colon = story.lines[-1].text.rstrip().endswith(("：", ":"))  # ``…中共中央决定：`` over a list
        # A picture note under the caption (``（资料图片）``) was dropped with the block's furniture.
        notes = {
            d.number
            for d in self.state.dropped
            if d.kind == "header/footer" and _CAPTION_NOTE_RE.match(d.text)
        }
        window = group[index : index + _INNER_CAPTION_LINES]
        if len(window) == 1:
            window.extend(self.credit_atop_next_block(group))
        # The caption has its credit under it: a line of the block or atop the next, or the picture note
        # that ends it.
        credit_below = len(window) > 1 or line.number + 1 in notes
        if not (self.cutter.ends_sentence() or colon) or not credit_below:
            return False
        end = _inner_caption_end(window, notes)
        if end is None:
            return False
        # A caption closing the block: the story goes on in a block after it, and it is no picture story's
        # own caption (``图片新闻`` over ``…聊了起来。`` / ``图为现场一角。`` / ``通讯员 高轩海 摄``).
        closes_block = index + end + 1 >= len(group)
        if closes_block and (
            story is self.state.picture or self.state.group_index + 1 >= len(self.page.groups)
        ):
            return False
        self.state.caption_lines_below(window[1 : end + 1])
        self.cutter.drop(line, "caption")
        return True

    def credit_atop_next_block(self, group: list[_Line]) -> list[_Line]:
        """The photographer's credit opening the block after `group` (``本报记者  蒋悦建摄``, the story's text
        under it), when `group` ends its block: the credit of a caption closing `group`; else nothing."""
        at = self.state.group_index
        if at + 1 >= len(self.page.groups) or group[-1] is not self.page.groups[at][-1]:
            return []
        below = self.page.groups[at + 1]
        return below[:1] if len(below) > 1 and _BARE_CREDIT_RE.match(below[0].text) else []

    def supplied(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…成效明显。（淮河路街道供稿）``: the unit that supplied the story; it closes the story and is
        neither its text nor its byline."""
        found = supplied_credit(line.text)
        story = self.state.current
        if found is None or story is None or story.ended:
            return False
        before, unit = found
        if not before and not self.cutter.ends_sentence():
            return False
        if before:
            story.lines.append(_Line(line.number, before, line.blank_before))
        self.cutter.drop(line, "credit of the unit that supplied the story", f"（{unit}供稿）")
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
        if not before and not self.cutter.ends_sentence():
            return False
        # Without a 图片新闻 label over it, only a caption's credit: after the sentence on its line, or
        # under a story of a few lines.
        short = sum(len(x.text) for x in story.lines) <= _CAPTION_STORY_CHARS and not signed_in_its_dateline(
            story
        )
        if story is not self.state.picture and not (before or short):
            return False
        if before:
            story.lines.append(_Line(line.number, before, line.blank_before))
        story.byline = _byline_text(credit)
        story.closed_by_byline = True
        self.state.set_role(line, "photographer's credit closing a picture story: its author")
        self.state.picture = None
        self.cutter.close()
        return True

    def photo_credit(self, index: int, line: _Line, group: list[_Line]) -> bool:
        if not _AGENCY_CREDIT_RE.match(line.text):
            return self.credit_closing_a_caption(index, line, group)
        story = self.state.current
        if story is not None and index > 0 and self.cutter.open_story_ends_with(group[index - 1]):
            # Set right under the story's text in the same block, it credits the photo the story
            # describes (a picture story's ``…搭建脚手架。`` / ``许华森摄（影像中国）``): the paper prints
            # it as the story's last paragraph. A caption is a block of its own (``图为…``, its credit).
            story.lines.append(line)
            self.state.set_role(line, "photo credit right under the story's text: a paragraph of its own")
            return True
        self.cutter.drop(line, "caption")  # a photo's credit: ``王某摄（人民视觉）``
        return True

    def credit_closing_a_caption(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A photographer's credit with no agency in brackets (``新华社记者  朱旭东摄``) or an agency's name
        alone (``影像中国``), closing its block right under the open story's text that ends its sentence,
        a caption's few lines (a picture's ``当地时间2月8日，…在训练中。`` / ``当日，…。`` / ``新华社记者 程 敏摄``):
        the photo's credit, the story's last paragraph, as a credit naming its agency in brackets is; never
        a byline or a kicker of the story below. Under a story longer than a caption the credit is read
        as its byline (``记者 尹浩 摄``), as before."""
        if not (_BARE_CREDIT_RE.match(line.text) or _AGENCY_ALONE_RE.match(line.text)):
            return False
        story = self.state.current
        if not (
            story is not None
            and 0 < index == len(group) - 1
            and self.cutter.open_story_ends_with(group[index - 1])
            and _ends_sentence(story.lines)
            and sum(len(x.text.strip()) for x in story.lines) <= _CAPTION_STORY_CHARS
        ):
            return False
        story.lines.append(line)
        self.state.set_role(line, "photo credit closing the story's text: a paragraph of its own")
        return True

    def under_a_caption_atop(self, group_index: int, group: list[_Line]) -> bool:
        """Whether `group` is what is left of its block under a caption dropped from the block's top
        (``图为…（魏轩国 摄）`` / ``联合国秘书长…``): text the caption stood in, no headline's."""
        top = self.page.groups[group_index][0]
        return top is not group[0] and any(
            d.number == top.number and d.kind == "caption" for d in self.state.dropped
        )

    def captions_in(
        self, group: list[_Line], *, caption_cut: bool, caption_before: bool
    ) -> list[_Line] | None:
        """Read the captions of a block: a caption's block of its own (its sentence cut off by a column
        break, `caption_open`, goes on in the next block), the credit of the caption above alone at the
        block's top (`caption_before`), a caption over a dateline, the rest of a caption a column break cut
        (`caption_cut`); what is left of the block, None when nothing of it is left to read."""
        if _is_caption_group(group):
            if cut := _caption_over_text(group):
                # The text under the caption's credit goes on in its block: the story's.
                for line in group[:cut]:
                    self.cutter.drop(line, "caption")
                return group[cut:]
            for line in group:
                self.cutter.drop(line, "caption")
            # A caption cut off mid-sentence by a column break goes on in the next block; a credit or a
            # portrait's caption (``李达（资料图片）``) ends no sentence and is whole.
            self.state.caption_block_read(
                cut_off=not _ends_sentence(group)
                and not _AGENCY_CREDIT_RE.match(group[-1].text)
                and not is_portrait_caption(group[-1].text)
            )
            return None
        if caption_before and _BARE_CREDIT_RE.match(group[0].text):
            # The credit of the caption above, in a block of its own: never a byline. Like a credit
            # standing before a story's text, it ends the story above.
            self.cutter.drop(group[0], "caption")
            self.cutter.close()
            group = group[1:]
            if not group:
                return None
        if caption := _caption_over_dateline(group):
            for line in group[:caption]:
                self.cutter.drop(line, "caption")
            group = group[caption:]
        if caption_cut and (credit := _caption_rest(group)) is not None:
            for line in group[: credit + 1]:
                self.cutter.drop(line, "caption")
            group = group[credit + 1 :]
            if not group:
                return None
        return group
