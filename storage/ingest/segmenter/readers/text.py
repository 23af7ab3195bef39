"""Reading text outside a story and stray text: a line that opens a story after a headline or a label,
verse set in stanzas, OCR specks and stray lines, a paragraph's last line read apart."""

from __future__ import annotations

import re

from storage.ingest.page_county import photographer_credit
from storage.ingest.page_documents import (
    is_document_part,
    is_signing_date,
    opens_article,
    title_over_its_note,
    wraps_a_part_head,
)
from storage.ingest.page_lines import (
    _CLAUSE_CHARS,
    _CLAUSE_END_RE,
    _COMMA_RE,
    _DATELINE_RE,
    _FINAL_RE,
    _HALF_CELL,
    _HAN_RE,
    _INDENT_CELLS,
    _INDENT_RE,
    _LABEL_END_RE,
    _MULTI_SPACE_RE,
    _PROSE_OPENER_RE,
    _SHORT_MARGIN,
    AUTHOR_NOTE_RE,
    HAN,
    _cells,
    _is_headline_like,
    _Line,
    _looks_like_prose,
    _opens_story,
    _short_paragraph,
    display_width,
    is_byline,
)
from storage.ingest.page_paragraphs import _VERSE_ORNAMENTS, _VERSE_RUN, _verse_line, verse_lines
from storage.ingest.page_seams import _full_line
from storage.ingest.segmenter.cutter import StoryCutter
from storage.ingest.segmenter.page_facts import PageFacts
from storage.ingest.segmenter.readers.bylines import BylineReader
from storage.ingest.segmenter.readers.reader import LineReader
from storage.ingest.segmenter.reading import Reading
from storage.ingest.segmenter.shapes.headlines import (
    _first_line_width,
    _headline_atop_dateline,
    _headline_over_dateline,
    _headline_over_opening,
    _is_headline_group,
    _over_indented_text,
    _paragraph_opening_cut,
)
from storage.ingest.segmenter.shapes.items import _EDITOR_MARK_RE
from storage.ingest.segmenter.shapes.names import _AUTHOR_ALONE_RE
from storage.ingest.segmenter.shapes.noise import _STRAY_LINE_RE, _TWO_HAN_RE, _finishes_a_word, _is_noise
from storage.ingest.segmenter.shapes.sentences import _brackets_balance, _ends_sentence

# The units a number is read with (``2020`` / ``年1月8日…``, ``35`` / ``万人次…``).
_NUMBER_UNIT_RE = re.compile("[年月日时万亿元个名人次家件项岁%％]")


class TextReader(LineReader):
    """The readers of text lines and stray lines."""

    def __init__(self, page: PageFacts, state: Reading, bylines: BylineReader, cutter: StoryCutter) -> None:
        super().__init__(page, state, cutter)
        self.bylines = bylines

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

    def document_part(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """On a page printing a document's articles, one of its parts set on a line of its own inside the
        open story (a chapter's head, the contents' heading, the order's title, number and signer, the
        date under the signer) or a line opening an article (``第一条  为了进一步落实食``, cut off by a column
        break): the document's text, never a headline."""
        story = self.state.current
        if not self.page.prints_articles or story is None or story.ended:
            return False
        text = line.text
        above = story.lines[-1].text if story.lines else ""
        if is_document_part(text) or is_signing_date(text, above) or wraps_a_part_head(text, above):
            why = "text: a part of the document the page prints (a chapter's head, its order)"
        elif opens_article(text):
            why = "text: an article of the document the page prints"
        else:
            return False
        story.lines.append(line)
        self.state.set_role(line, why)
        return True

    def document_parts(self, group: list[_Line]) -> bool:
        """A block of a document's parts alone (`document_part`: ``第一章  总  则`` set apart, a chapter's
        head wrapped, ``第二章  检举控告的接收和受`` / ``理``, the order as a box): the open story's text."""
        if not self.page.prints_articles or self.state.current is None or self.state.current.ended:
            return False
        above = self.state.current.lines[-1].text if self.state.current.lines else ""
        for line in group:
            if not (
                is_document_part(line.text)
                or is_signing_date(line.text, above)
                or wraps_a_part_head(line.text, above)
            ):
                return False
            above = line.text
        for index, line in enumerate(group):
            self.document_part(index, line, group)
        return True

    def goes_on_with_an_article(self, group: list[_Line]) -> bool:
        """A block opening with an article's first line (``第五条  建立…``) on a page printing a document's
        articles, a story open: the document goes on, never a headline between stories."""
        story = self.state.current
        return bool(
            self.page.prints_articles
            and story is not None
            and not story.ended
            and opens_article(group[0].text)
        )

    def stray_line(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A lone character or a speck the OCR read as a line of its own inside a block (``这``, ``|``).
        The text a wrapped run-in head left on its line (``增强…能力　要``: ``要``) is none."""
        if len(group) < 2 or not _STRAY_LINE_RE.fullmatch(line.text) or line.number in self.state.run_in_text:
            return False
        if self.last_line_of_a_paragraph(index, line, group):
            return False
        if self.tail_across_a_column_break(index, line):
            return False
        if self.last_line_before_a_first_line(index, line, group):
            return False
        self.cutter.drop(line, "OCR noise")
        return True

    def last_line_of_a_paragraph(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A lone Han character that ends the word a full line broke (``…更在于心理复`` / ``健``) where
        an indented line opens the next paragraph, or where the block ends and the two read as one word
        (``…创造更好的条`` / ``件``, its full stop lost): the paragraph's last line, no speck."""
        if not (0 < index < len(group) and re.fullmatch(f"[ \t\u3000]*[{HAN}][ \t\u3000]*", line.text)):
            return False
        previous = group[index - 1].text.strip()
        if not (re.search(f"[{HAN}]$", previous) and self.cutter.set_full(index - 1, group)):
            return False
        if index == len(group) - 1:
            return _finishes_a_word(previous, line.text.strip())
        return bool(_INDENT_RE.match(group[index + 1].text))

    def tail_across_a_column_break(self, index: int, line: _Line) -> bool:
        """A lone Han character atop a block that ends the word the open story's last line broke
        (``抓项目引龙头，凸显集群效`` / blank / ``应``): a sub-heading or a paragraph wrapped across a
        column break left its last character atop the next column, no speck."""
        story = self.state.current
        if index or story is None or story.ended or not story.lines:
            return False
        if not re.fullmatch(f"[ \t\u3000]*[{HAN}][ \t\u3000]*", line.text):
            return False
        previous = story.lines[-1].text.strip()
        return bool(re.search(f"[{HAN}]$", previous)) and _finishes_a_word(previous, line.text.strip())

    def last_line_before_a_first_line(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """The same where the OCR dropped the indent (``这是好`` / ``事``): the next paragraph's first line
        is still two cells short (half a cell more when set with half-width characters), over a full
        line or over its paragraph's short last line when the character finishes the word the line above
        broke (a sub-heading ``…积极因素也在集`` / ``聚`` over a paragraph of two lines)."""
        if not (0 < index < len(group) - 2 and re.fullmatch(f"[ \t\u3000]*[{HAN}][ \t\u3000]*", line.text)):
            return False
        previous = group[index - 1].text.strip()
        if not (re.search(f"[{HAN}]$", previous) and self.cutter.set_full(index - 1, group)):
            return False
        width = display_width(group[index + 1].text.strip())
        first = self.page.column - _INDENT_CELLS
        if not first - 2 * _HALF_CELL <= width <= first:
            return False
        after = display_width(group[index + 2].text.strip())
        return after >= self.page.column - _HALF_CELL or _finishes_a_word(previous, line.text.strip())

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
            self.state.set_role(line, "text: a stanza of the open story's verse, a blank line apart")
        return True

    def opens_text(self, line: _Line) -> bool:
        """Whether a block opening with `line` opens a story's text: an author's name alone, a byline,
        a dateline or a line of prose (neither verse, a label nor page furniture)."""
        text = line.text.strip()
        if _AUTHOR_ALONE_RE.match(text) or is_byline(text) or _DATELINE_RE.match(text):
            return True
        if (
            self.cutter.is_furniture(line)
            or _EDITOR_MARK_RE.match(text)
            or _verse_line(line, self.page.column)
        ):
            return False
        if text.startswith(_VERSE_ORNAMENTS):
            # A summary's bulleted point (``■目前看，我国外贸稳定发展仍有诸多有`` / ``利因素。``) opens text
            # as prose does: a paragraph's first line (the measure but its indent), a clause in it; a
            # label or a sub-heading is short.
            first_line = abs(display_width(text) - (self.page.column - _INDENT_CELLS)) <= 1.0
            return (first_line or self.cutter.fills_column(text)) and bool(_COMMA_RE.search(text))
        return len(_HAN_RE.findall(text)) >= _CLAUSE_CHARS

    def outside_story(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A line read while no story is open (or the open one has ended): the text of a story printed
        without a dateline, or a headline."""
        if self.state.current is not None and self.state.current.ended:
            self.cutter.close()
        if self.state.current is not None:
            return False
        rest = group[index:]
        gap_groups = self.state.gap_groups
        if self.state.pending_byline is not None:
            self.cutter.start(line, "text after a byline printed before it")
        elif self.state.continued:
            self.cutter.start(line, "continued from another page")
        elif self.state.under_bullet:
            self.cutter.start(line, "text under a brief's bulleted head")
            self.state.brief = self.state.current
            self.bylines.names_on_the_opening_line(index, line, group)
        elif (
            self.state.picture_next
            and index == 0
            and gap_groups
            and gap_groups[-1][0] == len(self.state.stories)
            and photographer_credit(group[-1].text) is not None
        ):
            self.cutter.start(
                line, "a picture story's caption under its headline, its photographer's credit closing it"
            )
        elif (
            index > 0
            and _INDENT_RE.match(line.text)
            and _first_line_width(line.text, self.page.column)
            and self.headed_indent(index, group)
        ):
            self.cutter.start(line, "a paragraph's indented first line right under its headline")
        elif (
            index == 0
            and _opens_story(rest)
            and not title_over_its_note([line.text for line in rest])
            and not _over_indented_text(rest, self.page.column)
            and not self.dash_kicker(group)
            and not _headline_over_dateline(self.page.groups, self.state.group_index, self.page.column)
            and not _headline_atop_dateline(rest, self.page.column)
            and not _headline_over_opening(self.page.groups, self.state.group_index, self.page.column)
            and not self.head_no_body_line_could_be(group)
            and not self.kicker_wider_than_the_column(group)
        ):
            self.cutter.start(line, "prose after a headline or a closed story (no dateline)")
        elif (
            index == 0
            and gap_groups
            and gap_groups[-1][0] == len(self.state.stories)
            and self.state.stories
            and _ends_sentence(self.state.stories[-1].lines)
            and _short_paragraph(rest)
        ):
            self.cutter.start(
                line, "a paragraph of one short sentence under a headline, the story above ended"
            )
        elif _PROSE_OPENER_RE.match(line.text):
            self.cutter.start(line, "text: a sentence of reported text (据介绍，…), never a headline")
        elif (
            index == 0
            and len(group) > 1
            and (cut := _paragraph_opening_cut(self.page.groups, self.state.group_index, self.page.column))
        ):
            self.cutter.start(line, f"text: a paragraph's first lines a column break cut off ({cut})")
        elif index > 0 and self.lead_under_a_label(index, line, group):
            self.cutter.start(line, "a paragraph's first line under a headline its column label ended")
        elif (
            index == 0
            and _CLAUSE_END_RE.search(line.text)
            and len(_HAN_RE.findall(line.text)) >= _CLAUSE_CHARS
        ):
            # ``智能温控大棚里，蔬菜长势喜人；`` / ``藤编工艺和制陶工坊中，劳动热火朝天；``: a clause ending
            # on a sentence mark no headline carries (a lead set as an epigraph, one clause a block).
            self.cutter.start(line, "text: a clause ending on a sentence mark no headline carries")
        elif index == 0 and self.number_wrapped_into_next_block(group):
            self.cutter.start(line, "text: a line ending in a number whose unit opens the next block")
        elif index == 0 or not gap_groups or gap_groups[-1][1][-1].number != group[index - 1].number:
            # A headline starts here; it continues one only when it follows that one's last line
            # (a headline right under a byline that closed a story starts a group of its own).
            gap_groups.append((len(self.state.stories), [line]))
            self.state.set_role(line, "headline: short, no sentence marks, between stories")
        else:
            gap_groups[-1][1].append(line)
            self.state.set_role(line, "headline: continues the headline above")
        return True

    def number_wrapped_into_next_block(self, group: list[_Line]) -> bool:
        """A block of one line ending in digits, the next block opening with the number's unit
        (``2019年12月3日至2020`` / blank / ``年1月8日“雪龙2”号…``): a paragraph's first line the OCR read
        apart from the rest, never a headline, which ends no number the text under it goes on with."""
        at = self.state.group_index
        if len(group) != 1 or at + 1 >= len(self.page.groups) or group[0] is not self.page.groups[at][0]:
            return False
        return bool(
            re.search("[0-9]$", group[0].text.rstrip())
            and _NUMBER_UNIT_RE.match(self.page.groups[at + 1][0].text.lstrip(" \t\u3000"))
        )

    def kicker_wider_than_the_column(self, group: list[_Line]) -> bool:
        """A block of two lines, the first set wider than the column as no body line is and ending no
        sentence, the second closed by a column's label in brackets (``一段时间以来，…事件时有发生`` /
        ``预付费风险，如何防范？（来信调查）``) or the first ending in a dash over a headline line, a blank
        line under it: a kicker over its headline."""
        if len(group) != 2:
            return False
        first, second = (line.text.strip() for line in group)
        wide = display_width(first) > self.page.column + _SHORT_MARGIN
        if wide and first.endswith("——") and _is_headline_like(group[1:]):
            # A dash kicker of phrases no column holds (``增加技能要求、…，人社部民政部颁新规——``) over its
            # headline (``养老护理员 不看学历看能力``).
            return True
        return wide and not _FINAL_RE.search(first) and bool(_LABEL_END_RE.search(second))

    def head_no_body_line_could_be(self, group: list[_Line]) -> bool:
        """A block of one line, commas in it but no sentence mark, between a story that ended its sentence
        and more text, that no body line could be: set wider than the column
        (``四川大竹推行“党务四亮”，让群众明白，给干部清白``), or closed by a column's label in brackets right
        under a headline line (``这难办，那难办，一公开就好办（链接）``). A headline line, though it holds
        commas."""
        if len(group) != 1 or self.state.group_index + 1 >= len(self.page.groups):
            return False
        text = group[0].text.strip()
        stories = self.state.stories
        if not (
            stories
            and _ends_sentence(stories[-1].lines)
            and _is_headline_like(group)
            and _brackets_balance(text)
            and re.search(f"[{HAN}”’）)]$", text)
        ):
            return False
        if display_width(text) > self.page.column + _SHORT_MARGIN:
            return True
        gap_groups = self.state.gap_groups
        return bool(
            _LABEL_END_RE.search(text)
            and gap_groups
            and gap_groups[-1][0] == len(stories)
            and self.state.group_index > 0
            and gap_groups[-1][1][-1].number == self.page.groups[self.state.group_index - 1][-1].number
        )

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

    def wide_dash_kicker(self, group: list[_Line]) -> bool:
        """A dash kicker (`dash_kicker`, ``…产业壮大，村民增收——``) under the open story's last sentence,
        set wider than the column as no body line is: a headline line, and the story above has ended."""
        story = self.state.current
        return (
            story is not None
            and not story.ended
            and self.cutter.ends_sentence()
            and self.dash_kicker(group)
            and display_width(group[0].text.strip()) > self.page.column + _SHORT_MARGIN
        )

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
