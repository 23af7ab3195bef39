"""Where a paragraph ends and how a story's wrapped lines join again: a paragraph's last line told from a
column break by the next line's indent, measure and opening, a sub-heading standing as a paragraph of
its own, dialogue turns and bulleted items, verse set line by line; and the column each story is set in."""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter

from storage.ingest.page_documents import is_date_alone, is_document_part, opens_provision, wraps_a_part_head
from storage.ingest.page_lines import (
    _AGENCY_CREDIT_RE,
    _BRACKETED_LABEL_RE,
    _CLOSERS,
    _CLOSING_NOTE_RE,
    _DATELINE_END_RE,
    _DATELINE_RE,
    _DEFAULT_COLUMN_WIDTH,
    _FINAL_RE,
    _HALF_CELL,
    _HAN_RE,
    _HANGING,
    _INDENT_CELLS,
    _INDENT_RE,
    _REFERENCE_NOTE_RE,
    _SENTENCE_END,
    _SHORT_MARGIN,
    _SOFT_END,
    _SOFT_FINAL_RE,
    AUTHOR_NOTE_RE,
    BULLET_RE,
    HAN,
    TURN_MARK_RE,
    _concat,
    _Line,
    _set_width,
    _Story,
    clean_prose,
    display_width,
    is_byline,
    is_reader_signature,
)
from storage.ingest.segmenter.shapes.captions import _AGENCY_ALONE_RE, _BARE_CREDIT_RE
from storage.text.segment import cut as words_of

# Verse: this many lines in a row or more, each set short of the column.
_VERSE_RUN = 4


# A line opening with an ornament is a label or a sub-heading (``◆诗歌``, ``■多措并举``), no verse.
_VERSE_ORNAMENTS = tuple("□■◇◆◎★☆●▲▶►")


def _verse_line(line: _Line, column_width: float) -> bool:
    """A line that can be a line of verse: set shorter than a paragraph's first line by more than the
    margin, not ending in a mark that goes on (``、``, ``——``) nor leaving a bracket or quote open."""
    text = line.text.strip()
    return (
        bool(text)
        and not text.startswith(("——", "·", "【", *_VERSE_ORNAMENTS))
        and _set_width(text) < column_width - _INDENT_CELLS - _SHORT_MARGIN
        and not text.endswith(("、", "——", "…"))
        and _is_subheading(re.sub(f"[{_SENTENCE_END}{_SOFT_END}，][{_CLOSERS}]*$", "", text) or text)
    )


_INNER_MARK_RE = re.compile("[，。；：、！？,;:]")


def verse_lines(lines: list[_Line], column_width: float) -> set[int]:
    """Indexes of the lines set as verse: four or more in a row (stanza breaks between them or not),
    each short of the column (`_verse_line`), their widths ragged (no width held by more than two in
    three of them), three in four of them holding no clause mark before their end. Prose fills every
    line of a paragraph but its last and runs its clauses on inside its lines, so such a run is a
    poem's lines, each a paragraph of its own, whether or not it ends in a mark."""
    out: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, None]):
        if line is not None and _verse_line(line, column_width):
            run.append(index)
            continue
        widths = Counter(math.ceil(_set_width(lines[k].text.strip())) for k in run)
        # Prose runs its clauses on inside its lines; a line of verse is a phrase, a mark at most at its end.
        inner = sum(1 for k in run if _INNER_MARK_RE.search(lines[k].text.strip()[:-1]))
        ragged_phrases = 3 * max(widths.values(), default=0) <= 2 * len(run) and 4 * inner <= len(run)
        if len(run) >= _VERSE_RUN and (ragged_phrases or all(_couplet_line(lines[k].text) for k in run)):
            out.update(run)
        run = []
    return out


# A line of classical verse: two or more phrases of one length (three to seven characters) parted by
# commas, a mark at most at its end (``夺情逆行，长泪辞岁``).
_COUPLET_LINE_RE = re.compile(f"^([{HAN}]{{3,7}})(?:，[{HAN}]+)+[，。；！？]?$")


def _couplet_line(text: str) -> bool:
    """Whether a line is a line of classical verse: phrases of equal length parted by commas. Such
    lines stand one under another, all of a width, so the ragged widths `verse_lines` asks of free
    verse do not show them; prose never sets four short lines in a row of equal phrases."""
    line = text.strip()
    found = _COUPLET_LINE_RE.match(line)
    if found is None:
        return False
    phrases = re.sub("[，。；！？]$", "", line).split("，")
    return all(len(phrase) == len(found[1]) for phrase in phrases)


def join_lines(lines: list[_Line], column_width: float) -> list[str]:
    """Join wrapped lines into paragraphs, telling paragraph ends from column breaks.

    When the OCR kept paragraph indents (a full-width space or two spaces before a line), the indents
    say where paragraphs start; otherwise line widths and sentence ends do (see `_ends_paragraph`); a
    line of verse (`verse_lines`) is a paragraph of its own; a pull quote (`pull_quote_lines`) is left out.
    """
    pulled = pull_quote_lines(lines)
    lines = [line for index, line in enumerate(lines) if index not in pulled]
    indented_layout = any(_INDENT_RE.match(line.text) for line in lines)
    verse = verse_lines(lines, column_width)
    rest = _texts_from(lines)
    paragraphs: list[str] = []
    current = ""
    first = 0  # index of the current paragraph's first line
    for index, line in enumerate(lines):
        text = line.text.strip()
        if index and current:
            after = lines[index + 1] if index + 1 < len(lines) else None
            if index - 1 in verse:  # a line of verse ends its paragraph (a run's first may end a prose one)
                paragraphs.append(current)
                current = ""
                first = index
            elif (
                _repeated_below(current, rest[index])
                or _ends_bulleted_item(current, line, after, column_width)
                or _ends_paragraph(
                    lines[index - 1],
                    line,
                    after,
                    column_width,
                    indented_layout=indented_layout,
                    # A paragraph's first line; under a dateline alone on its line, the lead's first line.
                    first_line=index - 1 == first
                    or (index == 2 and first == 0 and _bare_dateline(lines[0].text)),
                    # The lead's first line, after a dateline set on a line of its own or not.
                    opening=index == 1 or (index == 2 and _bare_dateline(lines[0].text)),
                    wrapped_from=lines[first].text.strip() if index - 2 == first else None,
                )
            ):
                paragraphs.append(current)
                current = ""
                first = index
        current = _concat(current, text)
    if current:
        paragraphs.append(current)
    return [clean_prose(p) for p in paragraphs]


# A pull quote's speaker under it (``——倪岳峰``).
_QUOTE_SPEAKER_RE = re.compile(f"^——[{HAN}]{{2,4}}$")
_PULL_QUOTE_MAX_LINES = 3
_PULL_QUOTE_MIN_HAN = 12


def pull_quote_lines(lines: list[_Line]) -> set[int]:
    """The indexes of a story's pull quotes: a quotation set a block apart inside the story (a blank line
    before it and after it, at most three lines, its speaker under it on some: ``——倪岳峰``) whose words
    the story prints again in its text. The paper repeats a sentence of the text in large type between
    its columns; the sentence belongs where the text has it, so the repeat belongs to no paragraph."""
    texts = [re.sub(r"\s+", "", line.text) for line in lines]
    pulled: set[int] = set()
    for start in range(1, len(lines)):
        if not (lines[start].blank_before and texts[start].startswith("“")):
            continue
        for end in range(start, min(start + _PULL_QUOTE_MAX_LINES, len(lines))):
            if end > start and lines[end].blank_before:
                break
            if not texts[end].endswith("”"):
                continue
            last = end + 1 if end + 1 < len(lines) and _QUOTE_SPEAKER_RE.match(texts[end + 1]) else end
            if last + 1 < len(lines) and not lines[last + 1].blank_before:
                break
            words = "".join(texts[start : end + 1])[1:-1].rstrip(_SENTENCE_END)
            elsewhere = "".join(texts[:start] + texts[last + 1 :])
            if len(_HAN_RE.findall(words)) >= _PULL_QUOTE_MIN_HAN and words in elsewhere:
                pulled.update(range(start, last + 1))
            break
    return pulled


def _ends_bulleted_item(current: str, following: _Line, after: _Line | None, column_width: float) -> bool:
    """Whether an item opened by a bullet (``●不宜大量存放，…也要避免阳光直射``) ends before `following`,
    a paragraph's first line (two cells short over a full line): an item may end at the column's edge
    without a full stop, and a line of it running on would not be set short."""
    return bool(BULLET_RE.match(current)) and _first_line_over_full(following, after, column_width)


# A paragraph so far, ending in a word, said again further down the story as a whole clause is a
# standfirst (``…甚至无来由的民间传说`` over the text that says ``…甚至无来由的民间传说。``): it ends where its
# words do, at the column's edge or not. Shorter runs repeat by chance.
_REPEATED_MIN_HAN = 12


def _texts_from(lines: list[_Line]) -> list[str]:
    """For each line, the text from it to the story's end, without spaces."""
    texts = [""] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        texts[index] = re.sub(r"\s+", "", lines[index].text) + texts[index + 1]
    return texts


def _repeated_below(current: str, rest: str) -> bool:
    """Whether a paragraph so far, ending in a word, is said again in `rest` up to a clause's end."""
    bare = re.sub(r"\s+", "", current)
    if not re.search(f"[{HAN}]$", bare) or len(_HAN_RE.findall(bare)) < _REPEATED_MIN_HAN or bare not in rest:
        return False
    return re.search(re.escape(bare) + f"[{_SENTENCE_END}{_SOFT_END}，,]", rest) is not None


def _bare_dateline(text: str) -> bool:
    """A dateline alone on its line (``新华社符拉迪沃斯托克2月11日电``), the lead under it."""
    dateline = _DATELINE_RE.match(text)
    return dateline is not None and not text[dateline.end() :].strip()


def _ends_paragraph(
    line: _Line,
    following: _Line,
    after: _Line | None,
    column_width: float,
    *,
    indented_layout: bool = False,
    first_line: bool = False,
    opening: bool = False,
    wrapped_from: str | None = None,
) -> bool:
    """Whether a paragraph ends after `line` (`following` is the next line, `after` the one after it).

    Print sets every line of a paragraph full except its last, and indents its first. So:

    - a sentence end on a short line ends the paragraph;
    - where the OCR kept indents, an indented line starts one, and a full line ending a sentence
      followed by an unindented line is a column break at a sentence end;
    - where it dropped them, the first line is still short: after a full line ending a sentence, a
      short next line starts a paragraph when a blank line stands before it, or when it does not end
      a sentence itself and more lines follow (only a first line is short and not final); a full next
      line after a blank means a column break at a sentence end.

    A paragraph's second line left short may end a sub-heading the column wrapped (`wrapped_from`, the
    paragraph's first line, when `line` is its second).
    A paragraph's first line (`first_line`) holds two cells less for its indent: it is short only when
    shorter than that, so a first line whose sentence ends at the line end does not end the paragraph.
    Two cues catch breaks the widths above miss: a line a cell short because the opening mark that
    would end it went on to a full next line is full (`_carried_mark`), and a line two cells short
    between a sentence end and a full line is a first line (`_opens_paragraph`).
    """
    text = line.text.strip()
    if _bare_dateline(text):
        return False  # a dateline filling its line runs on into the lead, indented or not
    if is_document_part(following.text) or is_date_alone(text):
        # A document's part on a line of its own (``第一章  总  则``, ``中华人民共和国主席令`` / ``第三十五号``,
        # ``总理  李克强`` / ``2019年10月22日``): a paragraph of its own.
        return True
    if is_document_part(text):
        # Its head wrapped by the column goes on (``第七章  未成年人社区矫正特别`` / ``规定``).
        return not wraps_a_part_head(following.text, text)
    if opens_provision(text, following.text):
        return True  # ``…制定本法。`` / ``第二条  本法所称…``: an article or an item opens a paragraph
    if text[:1] in "（(" and is_byline(text):
        return False  # the dateline's reporters in brackets on a line of their own: the lead follows
    if text.count("（") + text.count("(") > text.count("）") + text.count(")"):
        return False  # a bracket left open (``新华社杭州10月9日电（记者`` / ``江远芳）…``) goes on
    if _FINAL_RE.search(text) and _DATELINE_RE.match(following.text):
        return True  # a story's second dispatch opens a paragraph of its own
    if AUTHOR_NOTE_RE.match(following.text):
        return True  # ``作者简介：…`` after the piece's last sentence, full line or not
    if _FINAL_RE.search(text) and _CLOSING_NOTE_RE.match(following.text):
        # ``（本报罗马2月13日电）``, ``（作者为…）`` after the last sentence: a paragraph of its own, though
        # the sentence fills its line and its opening bracket could have been carried over
        return True
    if is_reader_signature(following.text) and _FINAL_RE.search(text) or is_reader_signature(text):
        return True  # a reader's signature (``山西太原市  刘  洪``) under a letter's last sentence: its own
    if _BRACKETED_LABEL_RE.match(text):
        return True  # a label alone on its line inside a story (``【点评】``) is a paragraph of its own
    if _AGENCY_CREDIT_RE.match(following.text) or _AGENCY_CREDIT_RE.match(text):
        return True  # a photo's credit kept in a story (``许华森摄（影像中国）``) is a paragraph of its own
    if _FINAL_RE.search(text) and (
        _BARE_CREDIT_RE.match(following.text) or _AGENCY_ALONE_RE.match(following.text)
    ):
        return True  # so is one naming no agency in brackets after a caption's last sentence (``新华社记者  曹  灿摄``)
    if _DATELINE_END_RE.search(text) and following.text.lstrip()[:1] in "（(":
        # ``新华社北京电 据新华社东京2月24日电`` / ``  （李简、沈红辉）第二届…``: the dateline's reporters,
        # spaces before them or not, and the lead after them go on from the dateline.
        return False
    if indented_layout and _INDENT_RE.match(following.text):
        return True
    if BULLET_RE.match(following.text) and (re.search(f"[{HAN}{_CLOSERS}]$", text) or _FINAL_RE.search(text)):
        # ``…喷酒精时不抽烟`` / ``●避免在…``: a bullet opens an item of a list, a paragraph of its own,
        # though the item above ended at the column's edge without a full stop; after a full line
        # ending a sentence (``…渡过难关。`` / ``●加强组织领导，一个支部一道``) it opens one too.
        return True
    limit = column_width - _SHORT_MARGIN
    room = column_width - (_INDENT_CELLS if first_line else 0.0)
    if _carried_mark(text, following.text.strip(), room, column_width) and (
        not following.blank_before or display_width(following.text.strip()) >= column_width - _HALF_CELL
    ):
        # The line is full: the opening mark that would end it went on to the next line (past a column
        # break too when that line fills the column: a paragraph's first line never does).
        return False
    short = _set_width(text) + line.lead_in < limit - (_INDENT_CELLS if first_line else 0.0)
    if not indented_layout and _opens_paragraph(text, following, after, column_width):
        return True
    if _dialogue_turn(text, following.text.strip()) or _interview_turn(text, following.text.strip()):
        return True
    if _FINAL_RE.search(text) and _ELLIPSIS_LINE_RE.match(following.text):
        return True  # ``……`` alone on its line after a sentence: a pause set as a paragraph of its own
    if _REFERENCE_NOTE_RE.match(following.text):
        return False  # ``（相关报道见第四版）`` goes with the sentence it follows
    if _FINAL_RE.search(text):
        if short:
            return True
        if indented_layout:
            return False
        following_text = following.text.strip()
        if _set_width(following_text) >= limit:
            return False
        if _CLOSED_QUOTE_RE.search(text) and _SPEECH_TAG_RE.match(following_text):
            return False  # ``…不能撂挑子！”`` / ``潘世国说。``: the speaker's tag goes on with the quotation
        if after is not None and _carried_mark(
            following_text, after.text.strip(), column_width, column_width
        ):
            return False  # the next line is full but for an opening mark it gave to the line after
        if following.blank_before:
            return True
        return after is not None and not _FINAL_RE.search(following_text)
    if _SOFT_FINAL_RE.search(text):
        # ``…接连产生；`` full at a column's end, the next column opening with a first line (two cells
        # short over a full line): a paragraph ended on the semicolon at the column's edge.
        return short or (following.blank_before and _first_line_over_full(following, after, column_width))
    # A short line without end punctuation is a sub-heading (``多措并举稳就业``, ``三、强化要素保障``) or a
    # paragraph printed without it: print fills every line of a paragraph but its last.
    clearly_short = _set_width(text) <= _SUBHEADING_SHARE * column_width
    if short and _bare_figure(text):
        return True  # a figure set as a paragraph of its own over the lead (``3.57万亿``)
    if _ornamented_subheading(text) and (
        _set_width(text) < column_width - _INDENT_CELLS
        or _first_line_over_full(following, after, column_width)
    ):
        # ``■多措并举稳就业``: an ornament opens a sub-heading, a paragraph of its own, set shorter than a
        # paragraph's first line or over one (a bulleted paragraph's first line is followed by full ones).
        return True
    if indented_layout or opening:
        return False
    if (
        short
        and (following.blank_before or _lone_character(text))
        and _first_line_going_on(following, after, column_width)
    ):
        # A short line ending no sentence before a column break, or a lone character (a sub-heading's
        # wrapped tail, ``聚``), and the next line opening a paragraph (two cells short) whose text goes
        # on: every line of a paragraph but its last is full, so the paragraph ended on the short line.
        return True
    if not _is_subheading(text):
        return False
    # A sub-heading set nearly as wide as the column (``全面排查，实现“两不愁三保障”``) is still short
    # for its place, and the next line opens a paragraph (two cells short over a full line): a line
    # running on would have filled its own. A column break may part that first line from its full one.
    # A line opening a paragraph over a line that can only be a paragraph's first line is a paragraph
    # of one line ending no sentence, or the last line of one ending no sentence (a full line closed by a
    # quotation's mark, ``…没得到落实”``): a sub-heading, however wide (only widths as set, not an OCR'd
    # page's rough ones, tell a first line from an inner one, so a line inside a paragraph never ends
    # it this way). A paragraph's first line left short with room for the next line's first unit
    # (``“智慧大脑”协同驱动智能出行`` over ``炫酷和便捷…``) was ended there, not wrapped.
    return (
        clearly_short
        or (
            short
            and _first_line_over_full(
                following, after, column_width, across_a_break=not following.blank_before
            )
            and _next_unit_fits(text, following.text.strip(), room)
        )
        or (
            _first_line_over_last(following, after, column_width)
            and _next_unit_fits(text, following.text.strip(), room)
            and not _word_runs_across(text, following.text.strip())
        )
        or ((first_line or _closes_a_quotation(text)) and _set_as_first_line(following, after, column_width))
        or _wrapped_subheading_ends(wrapped_from, text, following, after, column_width)
        or (first_line and short and _next_unit_fits(text, following.text.strip(), room))
    )


def _wrapped_subheading_ends(
    wrapped_from: str | None, text: str, following: _Line, after: _Line | None, column_width: float
) -> bool:
    """Whether a paragraph's second line ends a sub-heading the column wrapped: its first line cut inside
    a phrase at the column's edge (``从国家队到国奥队、国青队、国``, no mark closing it), the second left
    short (`_last_line_left_short`). Asked of a second line alone, as an OCR'd line deep inside a long
    paragraph may read a cell short by its rough width."""
    return (
        wrapped_from is not None
        and re.search(f"[{HAN}]$", wrapped_from) is not None
        and _last_line_left_short(text, following, after, column_width)
    )


def _last_line_left_short(text: str, following: _Line, after: _Line | None, column_width: float) -> bool:
    """Whether a paragraph's second line, ending no sentence, was left short of the column with room
    for the next line's first unit, over a line that can only open a paragraph: a sub-heading wrapped
    by the column ends there (``从国家队到国奥队、国青队、国`` / ``少队等各级球队，风格要进行统一`` over
    ``中国足协将通过这次…``, a cell short). Print fills a paragraph's inner line up to the last unit
    that fits, so only a paragraph's last line leaves such room."""
    return _next_unit_fits(text, following.text.strip(), column_width) and _set_as_first_line(
        following, after, column_width
    )


def _closes_a_quotation(text: str) -> bool:
    """Whether a line ends on a quotation's closing mark with no sentence end inside it (``…没得到落实”``):
    a reader's words set as a sub-heading end there."""
    return text.endswith("”") and not re.search(f"[{_SENTENCE_END}{_SOFT_END}]”$", text)


def _word_runs_across(text: str, following: str) -> bool:
    """Whether the last word read across the line end holds characters of both lines (``…坚强后`` /
    ``盾。…``: ``后盾``): the line was cut inside a word, so its paragraph goes on."""
    if not following:
        return False
    words = words_of(text[-4:] + following[0])
    return bool(words) and len(words[-1]) > 1


def _first_line_over_last(following: _Line, after: _Line | None, column_width: float) -> bool:
    """Whether `following` opens a paragraph of two lines: set as a first line (two cells short, half a
    cell more with half-width characters) going on to a short last line that ends the sentence, in the
    same block (``近年来，国内旅游产业发展蓬勃向好。国人旅`` / ``游热情高涨，…越来越旺盛。``)."""
    if after is None or after.blank_before:
        return False
    text = following.text.strip()
    last = after.text.strip()
    half_cell = _HALF_CELL if re.search("[\x21-\x7e]", text) else 0.0
    first = column_width - _INDENT_CELLS
    return (
        first - 1.0 - half_cell <= _set_width(text) <= first
        and not re.search(f"[{_SENTENCE_END}{_SOFT_END}][{_CLOSERS}]*$", text)
        and _set_width(last) < column_width - _SHORT_MARGIN
        and _FINAL_RE.search(last) is not None
    )


def _set_as_first_line(following: _Line, after: _Line | None, column_width: float) -> bool:
    """Whether `following` can only be a paragraph's first line: two cells short over a full line (in
    its block, or at the top of the next one after a column break), its sentence going on, and the next
    line's first unit would have fit on it (a paragraph's inner line is set full and its last line ends
    its sentence). Above it, a sub-heading set as wide as a first line
    (``持之以恒加强党的建设，努力铸牢“根”和“魂”``) ends its paragraph."""
    if after is None or not _first_line_over_full(
        following, after, column_width, across_a_break=not following.blank_before
    ):
        return False
    text = following.text.strip()
    # The next unit must fit beside the line's final mark too: a line ending ``，`` or ``”`` a cell
    # short may have stopped because ``“我`` would not fit.
    unit = _LINE_UNIT_RE.match(after.text.strip())
    return (
        not re.search(f"[{_SENTENCE_END}{_SOFT_END}][{_CLOSERS}]*$", text)
        and unit is not None
        and display_width(text) + display_width(unit.group()) <= column_width
    )


# A quotation closed after its sentence's end at a line's end (``…暂停巡逻。”``).
_CLOSED_QUOTE_RE = re.compile(f"[{_SENTENCE_END}]”$")


# The speaker's tag closing a quotation, a sentence of its own: ``潘世国说。``, ``他笑着说。``.
_SPEECH_TAG_RE = re.compile(f"^[{HAN}]{{1,6}}(?:说|表示|介绍|指出|坦言|感慨|说道)[。！]$")


# An ellipsis alone on its line (``……``).
_ELLIPSIS_LINE_RE = re.compile("^[ \t\u3000]*(?:…|\\.{3}|。{3})+[ \t\u3000]*$")


# A whole quotation alone on its line (``“小美，架好设备，做好记录。”``).
_WHOLE_QUOTE_RE = re.compile(f"^“[^“”]+[{_SENTENCE_END}]”$")


def _dialogue_turn(text: str, following: str) -> bool:
    """Whether `following` is a turn of a dialogue, a paragraph of its own: a whole quotation alone on
    its line after a line whose quotation closed after a sentence's end. Within one paragraph one
    speaker's quotations are joined by words (``他说，``), never set one after another, so a second
    quotation straight after the first is the next speaker's, set on a new line."""
    return _CLOSED_QUOTE_RE.search(text) is not None and _WHOLE_QUOTE_RE.match(following) is not None


# A section's number alone on its line (``1``, ``二``), as an interview numbers its questions.
_SECTION_NUMBER_RE = re.compile("^[0-9一二三四五六七八九十]{1,2}$")


def _interview_turn(text: str, following: str) -> bool:
    """Whether `following` opens a turn of an interview, a paragraph of its own: a question's or an
    answer's marker after a sentence, a clause ended by a colon (``…为读者提供参考：`` / ``问：…``) or the
    question's number alone on its line (``1`` / ``问：…``). A turn is never run on to the line above, so
    the marker opens a paragraph though that line is full."""
    return bool(TURN_MARK_RE.match(following)) and (
        _FINAL_RE.search(text) is not None
        or text.endswith(("：", ":"))
        or _SECTION_NUMBER_RE.match(text) is not None
    )


# A figure printed as a paragraph of its own, the lead's highlight: ``3.57万亿``, ``98.6%``, ``1.2亿人次``.
_BARE_FIGURE_RE = re.compile(f"^[0-9][0-9.,，]*(?:[%％‰]|[万亿]{{1,2}}[{HAN}]{{0,2}})$|^[0-9]+[.][0-9]+$")


def _bare_figure(text: str) -> bool:
    """Whether a line, after the story's dateline and its reporters in brackets, is a bare figure."""
    rest = text.strip()
    dateline = _DATELINE_RE.match(rest)
    if dateline:
        rest = rest[dateline.end() :].strip()
        rest = re.sub("^[（(][^（）()]*[）)]", "", rest).strip()
    return bool(_BARE_FIGURE_RE.match(rest)) and any(c.isdigit() for c in rest)


_OPENING_MARKS = "“‘（《「『【("


# What a typesetter keeps together at a line's start: a book title, a run of digits or Latin letters,
# the opening marks with the character after them (``“‘脱``).
_LINE_UNIT_RE = re.compile(f"^(?:《[^《》]{{1,12}}》|[A-Za-z0-9.%]+|[{_OPENING_MARKS}]*.)")


def _next_unit_fits(text: str, following: str, room: float) -> bool:
    """Whether the first unit of the next line would have fit at the end of `text` (a line left short
    only because ``《特殊作业》`` or ``2019`` did not fit is full); a mark hung past the edge takes no room."""
    unit = _LINE_UNIT_RE.match(following)
    return unit is not None and _set_width(text) + display_width(unit.group()) <= room


def _first_line_over_full(
    following: _Line, after: _Line | None, column_width: float, *, across_a_break: bool = False
) -> bool:
    """Whether `following` is set as a paragraph's first line (two cells short, half a cell more with
    half-width characters) over a full line in the same block (or, `across_a_break`, at the top of the
    next block: a column break between a paragraph's first line and its second)."""
    if after is None or (after.blank_before and not across_a_break):
        return False
    text = following.text.strip()
    half_cell = _HALF_CELL if re.search("[\x21-\x7e]", text) else 0.0
    first = column_width - _INDENT_CELLS
    return first - 1.0 - half_cell <= _set_width(text) <= first and _full_or_carried(
        after.text.strip(), column_width
    )


def _full_or_carried(text: str, column_width: float) -> bool:
    """Whether a line is set full: as wide as the column, or one cell short in the middle of a sentence
    (the next line's first unit, an opening mark with its character (``“生``), did not fit on it: a
    paragraph's only short line is its last, and that ends a sentence)."""
    width = display_width(text)
    if width >= column_width - 0.5:
        return True
    return width >= column_width - 1.5 and re.search(f"[{HAN}]$", text) is not None


def _lone_character(text: str) -> bool:
    """Whether a line holds one Han character alone, closing marks after it (``聚``, ``期”``): the tail a
    wrapped line carried over."""
    return bool(re.fullmatch(f"[{HAN}][{_CLOSERS}]*", text))


def _first_line_going_on(following: _Line, after: _Line | None, column_width: float) -> bool:
    """Whether `following` is set as a paragraph's first line (two cells short, half a cell more with
    half-width characters) and its sentence goes on to the next line of its block."""
    if after is None or after.blank_before:
        return False
    text = following.text.strip()
    half_cell = _HALF_CELL if re.search("[\x21-\x7e]", text) else 0.0
    first = column_width - _INDENT_CELLS
    return first - 1.0 - half_cell <= _set_width(text) <= first and not re.search(
        f"[{_SENTENCE_END}{_SOFT_END}][{_CLOSERS}]*$", text
    )


def _carried_mark(text: str, following: str, room: float, column_width: float) -> bool:
    """Whether `text` ended short of its room only because an opening mark may not end a line: the
    next line starts with one, the mark with the character after it would not have fit, and the next
    line is set full (a paragraph's first line, two cells short, would start a paragraph instead)."""
    return (
        len(following) > 1
        and following[0] in _OPENING_MARKS
        and display_width(text) < room < display_width(text + following[:2])
        and _set_width(following) > column_width - _INDENT_CELLS
    )


def _opens_paragraph(text: str, following: _Line, after: _Line | None, column_width: float) -> bool:
    """Whether `following` is a paragraph's first line when the OCR dropped its indent: after a line
    that ends a sentence or a phrase, a line set two cells short (its indent) followed by a full line.
    A paragraph's last line is followed by a first line, which is never full, so a short line before
    a full one can only be a first line (or a line that gave an opening mark to the next)."""
    if after is None or following.blank_before or after.blank_before:
        return False
    following_text = following.text.strip()
    after_text = after.text.strip()
    first_line_full = column_width - _INDENT_CELLS
    # Set with half-width characters (digits, Latin), a first line may stop half a cell short of its
    # measure: the next character, a full-width one, did not fit.
    half_cell = _HALF_CELL if re.search("[\x21-\x7e]", following_text) else 0.0
    # Set to the column's measure; or a cell short before an opening mark, which either went down to a
    # full line (see `_carried_mark`) or opens a paragraph, whose first line is two cells short.
    set_full = display_width(text) == column_width or (
        display_width(text) == column_width - 1.0 and following_text[:1] in _OPENING_MARKS
    )
    if not re.search(f"[{_SENTENCE_END}{_SOFT_END}][{_CLOSERS}]*$", text) and not (
        re.search(f"[{HAN}][{_CLOSERS}]*$", text)
        and (
            display_width(text) <= first_line_full
            or (
                set_full
                and first_line_full - half_cell <= display_width(following_text) <= first_line_full
                and following_text[-1] not in _HANGING
            )
        )
    ):
        # A line that stops mid-sentence runs on unless clearly short, or set exactly to the column's
        # measure over a line exactly two cells short, no mark hung (a line a cell short with a hung
        # ``，`` is only an OCR'd line's rough width): an epigraph without a full stop ending at the edge.
        return False
    if _DATELINE_RE.match(following_text) or _carried_mark(
        following_text, after_text, column_width, column_width
    ):
        return False
    # A full line, less the marks it may hang or end on (``……``), is wider than a first line.
    after_body = display_width(after_text.rstrip(_HANGING + "…—"))
    return (
        first_line_full - 1.0 <= _set_width(following_text) <= first_line_full
        and display_width(after_text) >= column_width - 0.5
        and after_body > first_line_full
    )


# The ornaments a sub-heading may open with (``■多措并举稳就业``, ``● ●传承红色基因``).
_SUBHEADING_ORNAMENT_RE = re.compile("^[ \t\u3000]*(?:[■●◆▲□◇★][ \t\u3000]*)+")


def _ornamented_subheading(text: str) -> bool:
    """An ornament, then at most 20 characters that can stand as a paragraph and end no sentence."""
    rest = _SUBHEADING_ORNAMENT_RE.sub("", text, count=1)
    return (
        rest != text
        and 2 <= len(rest) <= 20
        and _is_subheading(rest)
        and not re.search(f"[{_SENTENCE_END}][{_CLOSERS}]*$", rest)
    )


# A sub-heading is set clearly shorter than the column: at most this share of its width.
_SUBHEADING_SHARE = 0.7


def _is_subheading(text: str) -> bool:
    """A line that can stand as a paragraph of its own: Han text of 2 characters or more, ending in a
    word, a closing mark, a percentage (``五家大型银行小微企业贷款增幅达47.9%``) or a number
    (``下一个目标100米突破9秒90``), not in a mark that goes
    on (``、``, ``——``, an opening quote or bracket), brackets and quotes closed."""
    if (
        len(_HAN_RE.findall(text)) < 2
        or not re.search(f"[{HAN}”’）)》」』%％0-9０-９]$", text)
        or _DATELINE_RE.match(text)
    ):
        return False
    return (
        text.count("“") <= text.count("”")
        and text.count("（") <= text.count("）")
        and (text.count("《") <= text.count("》"))
    )


def _interior_widths(story: _Story) -> list[float]:
    """Widths of the lines inside a block, neither first nor last: the middle lines of paragraphs,
    which print sets full (give or take a character moved or hung for punctuation)."""
    lines = story.lines
    return [
        display_width(line.text.strip())
        for index, line in enumerate(lines[1:-1], start=1)
        if not line.blank_before and not lines[index + 1].blank_before
    ]


# This many interior lines measure a column by their commonest width.
_MIN_INTERIOR_LINES = 6


def _measure(stories: list[_Story]) -> float | None:
    # A full line with an odd number of half-width characters falls half a cell short: round up.
    interior = [math.ceil(w) for story in stories for w in _interior_widths(story)]
    if len(interior) >= _MIN_INTERIOR_LINES:
        counts = Counter(interior)
        return max(counts, key=lambda w: (counts[w], w))
    widths = [display_width(line.text.strip()) for story in stories for line in story.lines]
    if len(widths) < 5:
        return None
    # Most body lines are full; paragraph ends and indented first lines pull the median down, so the
    # upper quartile is the column width.
    return statistics.quantiles(widths, n=4)[2]


def _column_width(stories: list[_Story]) -> float:
    return _measure(stories) or _DEFAULT_COLUMN_WIDTH


# A story's own measure differs from the page's by this much when a lead story runs across wider
# columns than the rest.
_WIDTH_DIFFERENCE = 2.5


def _column_widths(stories: list[_Story]) -> list[float]:
    """The column width of each story: the page's, or its own where its lines are set clearly wider or
    narrower than the other stories'. A poem's ragged lines measure no column of their own: it is set
    in the page's, short of it."""
    page = _column_width(stories)
    own = [None if _set_as_verse(story, page) else _measure([story]) for story in stories]
    measured = [w for w in own if w is not None]
    if measured and max(measured) - min(measured) >= _WIDTH_DIFFERENCE:
        page = statistics.median(measured)  # mixed widths: the common column is the typical story's
    return [w if w is not None and abs(w - page) >= _WIDTH_DIFFERENCE else page for w in own]


def _set_as_verse(story: _Story, column_width: float) -> bool:
    """Whether most of a story's lines are verse (`verse_lines`) in a column of `column_width`."""
    return 2 * len(verse_lines(story.lines, column_width)) > len(story.lines)
