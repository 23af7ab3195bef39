"""Reading headlines and kickers where they stand: inside a sentence a column break cut, atop their lead,
over an indented lead, between two stories, a kicker with a comma, an ornamented sub-heading."""

from __future__ import annotations

import re
from collections.abc import Callable

from storage.ingest.page_county import number_mark
from storage.ingest.page_fragments import word_across
from storage.ingest.page_lines import (
    _CAPTION_RE,
    _COMMA_RE,
    _DATELINE_RE,
    _FINAL_RE,
    _HALF_CELL,
    _HAN_RE,
    _INDENT_CELLS,
    _INDENT_RE,
    _LABEL_END_RE,
    _MULTI_SPACE_RE,
    _SENTENCE_PUNCT_RE,
    _SHORT_MARGIN,
    HAN,
    _cells,
    _is_body_fragment,
    _is_headline_like,
    _is_note,
    _Line,
    _opens_story,
    answers_a_question,
    clean_prose,
    display_width,
    is_byline,
    is_notice_box,
)
from storage.ingest.page_paragraphs import _SUBHEADING_ORNAMENT_RE, _ornamented_subheading
from storage.ingest.segmenter.cutter import StoryCutter
from storage.ingest.segmenter.page_facts import PageFacts
from storage.ingest.segmenter.readers.briefs import BriefReader
from storage.ingest.segmenter.readers.reader import LineReader
from storage.ingest.segmenter.reading import Reading
from storage.ingest.segmenter.shapes.captions import _NAME_CREDIT_RE, names_a_portrait
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
    _TOPIC_CHANGE_SHARE,
    _announces_next,
    _changes_topic,
    _is_headline_group,
    _over_authors_line,
    _over_dateline,
    _paragraph_opening_cut,
    _starts_next_story,
)
from storage.ingest.segmenter.shapes.items import _BRIEFS_NAME_RE, _closed_by_its_source
from storage.ingest.segmenter.shapes.sentences import _brackets_balance, _ends_sentence, _pairs

_SUBHEADING_ROLE = "sub-heading: an ornamented short line between paragraphs of the open story"


class HeadlineReader(LineReader):
    """The readers of headlines and kickers.

    Each is asked about its block or line: one of its kind it takes (into the open story, a headline group or the
    dropped lines), recording its role and why, and returns True; any other, it leaves and returns False.
    """

    def __init__(
        self,
        page: PageFacts,
        state: Reading,
        briefs: BriefReader,
        cutter: StoryCutter,
        lines_from: Callable[[int, list[_Line]], None],
    ) -> None:
        super().__init__(page, state, cutter)
        self.briefs = briefs
        self.lines_from = lines_from

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
            or self.cutter.fills_column(text)  # a caption's first line, wrapped at the measure
            or any(re.search("摄[ \t\u3000]*$", other.text) for other in group)  # a photo's credit
            or is_notice_box([other.text for other in group])  # a data box's label (``◆数读经济``)
            or names_a_portrait(text, "".join("".join(x.text.split()) for x in story.lines))  # ``▲李达``
        ):
            return False
        if not _ornamented_subheading(text) or self.briefs.run_in_item(0, group) is not None:
            return False  # (``■河北“老赖地图”小程序上线 身边有`` / …: an item's lead-in run in)
        following = group[1] if len(group) > 1 else None
        if following is None and group_index + 1 < len(self.page.groups):
            following = self.page.groups[group_index + 1][0]
        if following is None:
            return False
        after = following.text.strip()
        # Text indented under it in a story set without indents: the space that parted a brief's head
        # from its text (``●尤权会见…时希望　`` / ``2月26日，…``), its text gone down to the next line.
        run_in = _INDENT_RE.match(following.text) and not any(_INDENT_RE.match(x.text) for x in story.lines)
        # A briefs column's name over its numbered briefs (``■快讯`` / ``1.【王毅会见…】…``) is their column's.
        briefs_column = bool(_BRIEFS_NAME_RE.search(text) and number_mark(after))
        if (
            run_in
            or briefs_column
            or _SUBHEADING_ORNAMENT_RE.match(after)
            or _DATELINE_RE.match(after)
            or is_byline(after)
            or display_width(after) < self.page.column - _INDENT_CELLS - 1.0
        ):
            return False
        story.lines.append(line)
        self.state.set_role(line, _SUBHEADING_ROLE)
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
        if len(own & after) < _ANNOUNCE_SHARE * len(own):
            return False
        if len(own & mine) > max(_INSIDE_SHARED_PAIRS, _TOPIC_CHANGE_SHARE * len(own)):
            return self.module_read_before_its_headline(group, own)
        self.state.gap_groups.append((len(self.state.stories) + 1, group))
        self.state.set_role(line, "headline: read inside another story's sentence, its words another story's")
        return True

    def module_read_before_its_headline(self, group: list[_Line], own: set[str]) -> bool:
        """A headline read inside the open story's sentence (`headline_inside_a_sentence`) whose words
        the open story repeats, but only from a paragraph on: the OCR read a module printed with no
        dateline (``近日，一场主题为…的音乐会在比利时安特卫普…举行``) after the story above had ended, then
        its headline (``比利时奏响“大爱无疆”``) where a column of it breaks off. The story is cut at the last
        paragraph opening after a sentence end with none of the headline's character pairs but one
        before it, when that paragraph's first sentence names what the headline says (more of its pairs
        than chance): the paragraph on opens a story under the headline."""
        story = self.state.current
        assert story is not None
        texts = [_MULTI_SPACE_RE.sub("", clean_prose(line.text)) for line in story.lines]
        chance = max(_INSIDE_SHARED_PAIRS, _TOPIC_CHANGE_SHARE * len(own))
        at = next(
            (
                k
                for k in range(len(story.lines) - 1, 0, -1)
                if story.lines[k].blank_before
                and _ends_sentence(story.lines[:k])
                and len(own & _pairs("".join(texts[:k]))) <= _INSIDE_SHARED_PAIRS
            ),
            None,
        )
        if at is None or _DATELINE_RE.match(texts[at]) or is_byline(texts[at]):
            return False
        opening = _pairs(re.split("[。！？]", "".join(texts[at:]), maxsplit=1)[0])
        if len(own & opening) <= chance:
            return False
        rest_lines = story.lines[at:]
        del story.lines[at:]
        self.cutter.close()
        self.state.gap_groups.append((len(self.state.stories), group))
        self.state.set_role(
            group[0], "headline: read inside a sentence of a module the OCR read before it, its words there"
        )
        self.cutter.start(rest_lines[0], "a module read before its headline, whose words its lead names")
        assert self.state.current is not None
        self.state.current.lines.extend(rest_lines[1:])
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
            or self.cutter.is_furniture(head)
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
            or answers_a_question(heads[-1].text, first)  # a question's tail over its answer (``刘玉村：…``)
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
        if not broke_off and not (depth > 1 and foreign and self.cutter.ends_sentence()):
            return False
        self.cutter.close()
        self.state.gap_groups.append((len(self.state.stories), heads))
        for head in heads:
            self.state.set_role(
                head,
                f"headline: set atop its lead in one block{'' if depth == 1 else f' ({depth} lines)'}, "
                f"short of the column, the text under it repeating {shared} of its {len(own)} character pairs",
            )
        self.cutter.start(lead, "text under a headline read in its block")
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
            or not (story is None or self.cutter.ends_sentence())
            or len(group) < _ATOP_LEAD_MIN_LINES
        ):
            return False
        words = self.briefs.item_head_over_its_lead(0, group)
        if words is None:
            return False
        if story is not None:
            self.cutter.close()
        head = group[0]
        self.state.gap_groups.append(
            (len(self.state.stories), [_Line(head.number, words, head.blank_before)])
        )
        self.state.set_role(head, "headline: alone on its line right over its lead's indented first line")
        self.cutter.start(group[1], "text under a headline read in its block")
        self.lines_from(2, group)
        return True

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
        if self.own_headline_goes_on(group_index):
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
            self.state.set_role(
                group[0], f"text: a paragraph's {lines} a column break cut inside a word ({cut})"
            )
        return False

    def own_headline_goes_on(self, group_index: int) -> bool:
        """A block between the open story's text, broken off in mid-sentence, and a block of text that
        goes on with what the open story's own headline says: the block under it opens with no dateline
        or byline and repeats at least `_ANNOUNCE_SHARE` of that headline's character pairs, more than the
        story's text so far does and more than the block's own share of its pairs there
        (``联合国秘书长——通过“两国方案”解决…`` over ``…联合国秘书长古特雷斯`` / blank / ``4日对媒体就中东多国局势、
        气候`` / blank / ``调联合国致力于通过“两国方案”解决巴以冲突…``). The block is the story's text a column
        break set apart, no headline of a story the text under it opens."""
        story = self.state.current
        assert story is not None
        if _ends_sentence(story.lines) or group_index + 1 >= len(self.page.groups):
            return False
        own = [lines for gap, lines in self.state.gap_groups if gap == len(self.state.stories)]
        under = self.page.groups[group_index + 1]
        first = under[0].text.strip()
        if not own or _DATELINE_RE.match(first) or is_byline(first):
            return False
        head = _pairs(clean_prose("".join(line.text for lines in own for line in lines)))
        block = _pairs(clean_prose("".join(line.text for line in self.page.groups[group_index])))
        following = _pairs(clean_prose("".join(line.text for line in under)))
        so_far = _pairs(clean_prose("".join(line.text for line in story.lines)))
        if len(head) < 3 or not block:
            return False
        after = len(head & following) / len(head)
        if (
            after < _ANNOUNCE_SHARE
            or after <= len(head & so_far) / len(head)
            or after <= len(block & following) / len(block)
        ):
            return False
        self.state.set_role(
            self.page.groups[group_index][0],
            f"text: the open story's text a column break set apart, the text under it going on with what "
            f"its headline says ({after:.2f} of the headline's character pairs)",
        )
        return True

    @staticmethod
    def _dateline_or_wide_kickers_byline(text: str, wide: bool) -> bool:
        """The text under a kicker's headline: a dateline, or a byline under a kicker set wider than the
        column (``记者 赵玉 通讯员 宋建磊``)."""
        return bool(_DATELINE_RE.match(text)) or (wide and is_byline(text))

    def kicker_with_a_comma(self, group_index: int) -> bool:
        """A kicker of one line with a comma in it (``湖北聚焦“关键少数”，持续高压反腐``), read after a story
        that ended its sentence and stacked over a headline over a dateline, or over a photo's caption
        (a picture story's: ``建生产、运输、销售对接机制，开封`` / ``让蔬菜出得了村进得了城`` / ``图为…``):
        the cues together. A line
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
        # A kicker leading into its title with a list before its comma (``建生产、运输、销售对接机制，开封——``)
        # whose closing dash the OCR lost reads as a clause with a list in it: measured with the dash back.
        with_dash = [_Line(group[0].number, group[0].text + "——", group[0].blank_before)]
        if (
            not (len(_COMMA_RE.findall(text)) == 1 or wide)
            or not _is_headline_like(group)
            or (_is_body_fragment(group) and _is_body_fragment(with_dash) and not wide)
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
            and (
                self._dateline_or_wide_kickers_byline(self.page.groups[under + 1][0].text, wide)
                or _CAPTION_RE.match(self.page.groups[under + 1][0].text)
            )
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
        self.state.set_role(
            group[0],
            f"headline: a kicker with a comma over a headline over a dateline or a caption, the page's text after it "
            f"repeating {len(after)} of its {len(own)} character pairs, the story above {len(mine)}",
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
            not self.cutter.fills_column(text)
            or not _is_headline_like(group)
            or not re.search(f"[{HAN}]$", text)
            or _LABEL_END_RE.search(text)
        ):
            return False
        following = self.page.groups[group_index + 1]
        first = following[0].text.strip()
        if (
            not self.cutter.fills_column(first)
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
        self.state.set_role(
            group[0],
            f"text: a body line read as a block of its own (set to the column's measure, a full line of "
            f"text cut off under it, which repeats {shared} of its {len(own)} character pairs)",
        )
        return True

    def dash_subtitle_atop_its_lead(self, group: list[_Line]) -> list[_Line]:
        """A subtitle opening with a dash read in one block with its story's lead, no blank line between
        (``——访缅甸联邦议会民族院议员吴觉丹通`` / ``“无论从历史还是现实角度看…``; a scan's OCR reads the dash
        ``一一``, ``—`` or ``一`` and a space): right after a headline group, no story open, the line holds no
        sentence mark and fits the column. It joins that headline group, its dash as printed (``——``);
        the rest of the block is read as the story's text, the lead opening its first paragraph."""
        if len(group) < 2 or self.state.current is not None or not self.state.gap_groups:
            return group
        gap, heads = self.state.gap_groups[-1]
        line = group[0]
        text = line.text.strip()
        if (
            gap != len(self.state.stories)
            or not heads
            or heads[-1].number > line.number
            or not _SUBTITLE_DASH_RE.match(text)
            or _SENTENCE_PUNCT_RE.search(text)
            or display_width(text) > self.page.column + _SHORT_MARGIN
        ):
            return group
        dash = _SUBTITLE_DASH_RE.match(text)
        assert dash is not None
        heads.append(_Line(line.number, "——" + text[dash.end() - 1 :], line.blank_before))
        group[1].blank_before = True
        self.state.set_role(line, "headline: a subtitle opening with a dash, read atop its story's lead")
        return group[1:]

    def sentence_goes_on(self, group: list[_Line]) -> bool:
        """The open story's sentence, cut by a column break inside a word (``…致以衷`` / ``心的感谢和亲切
        的问候！``), goes on in this block, which ends a sentence: its text, never a headline."""
        assert self.state.current is not None
        lines = self.state.current.lines
        if not lines or _ends_sentence(lines) or not _FINAL_RE.search(group[-1].text.strip()):
            return False
        end, start = lines[-1].text.strip(), group[0].text.strip()
        if not self.cutter.fills_column(end) or word_across(end, start)[1] < _CUT_WORD_STRENGTH:
            return False
        self.state.set_role(
            group[0],
            f"text: the open story's sentence goes on across a column break ({word_across(end, start)[0]})",
        )
        return True

    def head_over_a_lead_inside_a_block(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """The same head inside a block, under the last line of an item printed without its source, that
        line short of the column (``…多9000亿元。`` / ``“临时妈妈”`` / ``近日，广东…``): on a page of items,
        which prints each item as one paragraph, the item above ended there."""
        if (
            not index
            or index + 1 >= len(group)
            or not self.cutter.ends_sentence()
            or not self.briefs.paragraph_ended_among_items()
        ):
            return False
        words = self.briefs.item_head_over_its_lead(index, group)
        if words is None:
            return False
        self.cutter.close()
        self.state.gap_groups.append(
            (len(self.state.stories), [_Line(line.number, words, line.blank_before)])
        )
        self.state.set_role(
            line, "headline: on its line right over its lead's indented first line, inside a block"
        )
        self.state.under_bullet = True  # the next line opens the item's text
        return True


# A subtitle's opening dash as printed (``——``) or as a scan's OCR reads it (``一一``, ``—``, ``--``, or ``一``
# and a space), before the subtitle's first Han character or opening quote.
_SUBTITLE_DASH_RE = re.compile("^(?:——|一一|—|--|一[ \t\u3000]+)[ \t\u3000]*[\u4e00-\u9fff“《（(]")
