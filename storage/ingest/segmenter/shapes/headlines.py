"""Headline blocks by where they stand: over a dateline, an authors' line or a story's opening, between two
stories, a kicker over its headline, a block too wide or cut at a comma to be one."""

from __future__ import annotations

import re

from storage.ingest.page_fragments import word_across
from storage.ingest.page_lines import (
    _CLOSING_NOTE_RE,
    _COMMA_RE,
    _DATELINE_RE,
    _FINAL_RE,
    _HALF_CELL,
    _HAN_RE,
    _HEADLINE_MAX_LINES,
    _INDENT_CELLS,
    _INDENT_RE,
    _LEADING_JUMP_RE,
    _MULTI_SPACE_RE,
    _QUESTION_HEADLINE_LINES,
    _QUESTION_HEADLINE_RE,
    _SENTENCE_END,
    _SHORT_MARGIN,
    HAN,
    _cells,
    _closes_a_bracket,
    _headline_lines_exceeded,
    _is_body_fragment,
    _is_headline_like,
    _Line,
    _opens_story,
    _set_width,
    _short_paragraph,
    clean_prose,
    display_width,
    is_byline,
    is_page_furniture,
    name_dots_read,
)
from storage.ingest.page_seams import _full_line
from storage.ingest.segmenter.shapes.captions import _is_caption_group
from storage.ingest.segmenter.shapes.names import _AUTHOR_ALONE_RE, _text_follows
from storage.ingest.segmenter.shapes.sentences import _BRACKETED_LINE_RE, _ends_sentence, _han_pairs, _pairs

# A headline run on under its story's text is at most this wide (in cells).
_RUN_ON_HEADLINE_WIDTH = 30


def _starts_next_story(
    groups: list[list[_Line]], index: int, column: float, *, short_paragraph: bool = False
) -> bool:
    """Whether the group at `index` is a headline (with perhaps more headline groups after it) printed
    between a story that has just ended a sentence and the text of the next story.

    A headline carries no sentence punctuation, has at most a few lines and is not set as full body
    lines; the next story's text is prose, a dateline, a byline printed before the text or an author's
    name alone over it.
    """
    position = index
    while position < len(groups):
        group = groups[position]
        if _is_caption_group(group):
            position += 1
            continue
        if _headline_over_opening(groups, position, column):
            position += 1
            break
        if (
            not _is_headline_group(group, column)
            and not (position > index and _title_after_kicker(groups[position - 1], group))
            and not _headline_over_dateline(groups, position, column)
            and not (
                position == index and short_paragraph and _kicker_over_headline(groups, position, column)
            )
        ):
            break
        position += 1
    if position == index or position >= len(groups):
        return False
    following = groups[position]
    first = following[0].text
    if position == index + 1 and _paragraph_opening_cut(groups, index, column):
        return False  # a paragraph's first line cut off by a column break: text
    return bool(
        _DATELINE_RE.match(first)
        or is_byline(first)
        or _LEADING_JUMP_RE.match(first)
        or _opens_story(following)
        or (short_paragraph and _short_paragraph(following))
        or (_AUTHOR_ALONE_RE.match(first) and _text_follows(following, 0))
    )


# A headline set right over its text has at most this many lines.
_HEADLINE_OVER_INDENT_LINES = 3


def _first_line_width(text: str, column: float) -> bool:
    """Whether an indented line is set as a paragraph's first line: within a cell of the column less
    its indent (a centred headline's leading spaces are no indent: its text is short)."""
    return display_width(text.strip()) >= column - _INDENT_CELLS - 1.0


def _over_indented_text(group: list[_Line], column: float) -> bool:
    """Whether a block opens with a headline set right over its story's text, no blank line between:
    one to three unindented lines read as a headline, none ending a sentence, the first line under them
    indented as a paragraph's first line (text copied from a web page, an OCR that keeps indents)."""
    head = 0
    while head < len(group) and not _INDENT_RE.match(group[head].text):
        head += 1
    if not 1 <= head <= _HEADLINE_OVER_INDENT_LINES or head == len(group):
        return False
    if not _first_line_width(group[head].text, column):
        return False
    return _is_headline_like(group[:head]) and not any(
        is_byline(line.text) or _DATELINE_RE.match(line.text) or _FINAL_RE.search(line.text)
        for line in group[:head]
    )


def _headline_over_opening(groups: list[list[_Line]], index: int, column: float) -> bool:
    """A short block right over a byline, a dateline or an author's name alone over text, that opens a
    story: its headline, though its lines carry a comma each or an exclamation inside (``盲目补钙，多药共服``
    / ``这些用药误区，你知道吗`` over ``■记者 梁洋宇``; ``强寒潮来袭！雨雪天气上线`` / ``农业农村部部署农业生产防御``;
    ``年方六千，未完待续`` over ``贾娟军`` over a review's text). Text cut off by a column break is set to the
    column's measure, and the text closing a story ends a sentence."""
    group = groups[index]
    if index + 1 >= len(groups) or len(group) > _QUESTION_HEADLINE_LINES + 1:
        return False
    following = groups[index + 1]
    first = following[0].text.strip()
    if not (
        _DATELINE_RE.match(first)
        or (is_byline(first) and not first.endswith("摄"))
        or (_AUTHOR_ALONE_RE.match(first) and _text_follows(following, 0))
    ):
        return False
    texts = [line.text.strip() for line in group]
    if len(_HAN_RE.findall("".join(texts))) < 4 or any(re.search("[。；;]", t) for t in texts):
        return False
    if any(
        is_byline(t) or _DATELINE_RE.match(t) or is_page_furniture(t) or _BRACKETED_LINE_RE.match(t)
        for t in texts
    ):
        return False  # a byline closing the story above, a dateline, a header, a note
    if any(re.search(f"[{_SENTENCE_END}，、；：,;…]$", t) for t in texts[-1:]):
        return False
    # A headline wraps after a list's ``、`` (``王毅分别同意大利外长、`` / ``伊朗外长通电话``), each line short
    # of the column: no body line but a paragraph's last stops short, and that one ends its sentence.
    if any(
        re.search(f"[{_SENTENCE_END}，；：,;…]$", t)
        or (t.endswith("、") and (_COMMA_RE.search(t) or display_width(t) >= column - _SHORT_MARGIN))
        for t in texts[:-1]
    ):
        return False
    if all(abs(display_width(t) - column) > 1.0 or _wide_or_labelled(t, column) for t in texts):
        return True
    # One line set to about the measure is no text cut off when what stands before it ends a sentence or
    # is a headline too (``2020年春晚第二次彩排`` / ``欢乐吉祥，创新亮点频出`` over ``本报讯（记者 朱芳）``).
    before = groups[index - 1] if index > 0 else []
    return len(group) == 1 and bool(before) and (_ends_sentence(before) or _is_headline_group(before, column))


# A line set to the column's measure is a body line read alone when the text under it repeats at most
# this many of its character pairs, or this share of them (``大学``, ``的大`` by chance).
_BODY_LINE_SHARED_PAIRS = 1


_BODY_LINE_SHARE = 0.15


# A headline read in one block with its lead: the headline line and at least one line of text.
_ATOP_LEAD_MIN_LINES = 2


# A line of a headline read in one block with its lead holds this many Han characters at least: a
# headline of one line, of two.
_ATOP_LINE_MIN_CHARS = {1: 4, 2: 3}


# A headline line read inside another story's sentence has at least this many character pairs; its
# words are looked for in this many blocks after it (a file may hold a whole issue).
_HEADLINE_INSIDE_MIN_PAIRS = 6


_HEADLINE_INSIDE_REACH = 60


# The story the line was read inside may share this many of its character pairs by chance (``科技``).
_INSIDE_SHARED_PAIRS = 1


# A headline repeats this share of its character pairs in the story text that follows it.
_ANNOUNCE_SHARE = 0.5


# Or this share, when it repeats clearly more of the text after it than of the text before it.
_ANNOUNCE_WEAK = 0.25


# Groups either side of a line whose text is searched for a seam's characters.
_SEAM_SEARCH_GROUPS = 20


# Or a word of jieba's dictionary read across the seam, at least this common (`word_across`: 0.6 is a
# word of about 250 in the dictionary's counts, ``农户``; ``帮助`` is 0.99).
_CUT_WORD_STRENGTH = 0.6


# A paragraph's opening cut off by a column break, read as a block of its own, has at most this many lines.
_CUT_OPENING_LINES = 3


# A line the OCR began with one space: a character or mark at the line's head it did not read (an opening
# quote, ``“我们再次呼吁…`` read `` 我们再次呼吁…``), which took a cell as set.
_LOST_HEAD_RE = re.compile("^[ \t\u3000](?=[^ \t\u3000])")


def _paragraph_opening_cut(groups: list[list[_Line]], index: int, column: float) -> str:
    """Whether the one-line group at `index` is a paragraph's first line that a column break cut off,
    not a headline: as wide as an indented first line or the full measure (no wider), ending inside a
    word, and the next block goes on from it on a full line, the characters across the seam read
    elsewhere on the page (``王毅感谢韩方愿向中方提供必要帮`` / ``助，强调中方将继续…``) or forming a
    common word of jieba's dictionary (``…310万户退耕农`` / ``户获得钱粮补助…``: ``农户``).
    A first line the OCR began with a space lost a character or mark there (its opening quote), which
    counts in its width (`_LOST_HEAD_RE`).
    A block of a few such lines is one too when every line after its first is set to the full measure
    and none ends a sentence (``印度通用图书公司过去十多年来`` / ``一直致力于在印度推广中国图书和中``
    over ``国文化。该公司…``): a headline's lines are not all set as a paragraph's. Such a block is one
    when the break between it and the next block falls between words, if its own lines wrap inside a
    word as a paragraph's do (``为打造中国历史研究院高`` / ``端学术出版和传播平台，推动`` over ``构建…``).
    Returns why (the seam and its evidence), or "" when it is no such line."""
    group = groups[index]
    if not 1 <= len(group) <= _CUT_OPENING_LINES or index + 1 >= len(groups):
        return ""
    later = [_MULTI_SPACE_RE.sub("", line.text) for line in group[1:]]
    if any(not _full_line(line, column) or _cells(line) >= column + 1.0 for line in later):
        return ""
    if any(re.search(f"[{_SENTENCE_END}；;]", line.text) for line in group):
        return ""
    text = _MULTI_SPACE_RE.sub("", group[-1].text)
    width = _cells(_MULTI_SPACE_RE.sub("", group[0].text)) + (
        1.0 if _LOST_HEAD_RE.match(group[0].text) else 0.0
    )
    if not (column - _INDENT_CELLS - _HALF_CELL <= width < column + 1.0) or not re.search(f"[{HAN}]$", text):
        return ""
    following = groups[index + 1][0].text.strip()
    if not _full_line(following, column) or _DATELINE_RE.match(following) or is_byline(following):
        return ""
    after = _MULTI_SPACE_RE.sub("", following)
    if not re.match(f"[{HAN}]", after):
        return ""
    seams = {text[-2:] + after[:1], text[-1:] + after[:2]}
    nearby = "\n".join(
        line.text
        for k in range(max(0, index - _SEAM_SEARCH_GROUPS), min(len(groups), index + _SEAM_SEARCH_GROUPS))
        if k not in (index, index + 1)
        for line in groups[k]
    )
    nearby = _MULTI_SPACE_RE.sub("", nearby)
    # A word across the seam: three characters read elsewhere, or two (``帮|助``), or a common word of
    # the language (jieba's dictionary: ``退耕农`` / ``户获得…``).
    seam = f"{text[-2:]}|{after[:2]}"
    if any(len(three) == 3 and three in nearby for three in seams) or text[-1:] + after[:1] in nearby:
        return f"{seam} read elsewhere on the page"
    word, strength = word_across(text, after)
    if strength >= _CUT_WORD_STRENGTH:
        return f"{seam} reads the word {word} of jieba's dictionary (strength {strength:.2f})"
    if text.endswith("的"):
        # ``中方十分珍视中泰两国及与泰国王室的`` / ``传统友谊，…``: the particle always has the word it
        # qualifies after it; no headline ends on it over a line that reads on.
        return f"{seam}: the line ends on 的, the next block reads on"
    # A block of lines wrapped at the measure inside a word (``为打造中国历史研究院高`` / ``端学术出版和传播
    # 平台，推动`` over ``构建中国特色…``): a paragraph's lines, though the column break fell between words.
    for upper, lower in zip(group, group[1:], strict=False):
        word, strength = word_across(_MULTI_SPACE_RE.sub("", upper.text), _MULTI_SPACE_RE.sub("", lower.text))
        if strength >= _CUT_WORD_STRENGTH:
            return f"{seam}: its lines wrap at the measure inside the word {word} (strength {strength:.2f})"
    return ""


def _over_dateline(groups: list[list[_Line]], index: int, column: float) -> bool:
    """Whether the headline-like group at `index` stands right over a dateline: a headline, even when
    the text before it broke off mid-sentence (the rest of that story is elsewhere on the page). A
    kicker the OCR read as a block of its own over its main line (``水利部门积极推进复工复产`` / blank /
    ``四千多处重要水利工程安全运行`` / blank / ``本报北京…电``) stands over the dateline too."""
    group = groups[index]
    if not _is_headline_group(group, column) or _is_body_fragment(group):
        return False
    following = index + 1
    if following < len(groups) and not _DATELINE_RE.match(groups[following][0].text):
        stacked = groups[following]
        if (
            not _is_headline_group(stacked, column)
            or _is_body_fragment(stacked)
            or any(_closes_a_bracket(line.text) for line in group)  # a note's tail (``李保东）``)
        ):
            return False
        following += 1
    return following < len(groups) and bool(_DATELINE_RE.match(groups[following][0].text))


def _over_authors_line(groups: list[list[_Line]], index: int, column: float) -> bool:
    """Whether the headline-like group at `index` stands right over a block that opens with its
    author's line and goes on with text (``多给他人添“福气”（民生观）`` / blank / ``傅子`` or
    ``本报评论员  李辉霞`` / ``当我们都乐于…``): a piece's headline, even when the text before it ended
    without a sentence mark (a standfirst printed without one)."""
    group = groups[index]
    if index + 1 >= len(groups) or not _is_headline_group(group, column) or _is_body_fragment(group):
        return False
    under = groups[index + 1]
    author = under[0].text.strip()
    return len(under) > 1 and bool(_AUTHOR_ALONE_RE.match(author) or is_byline(author))


def _headline_atop_dateline(group: list[_Line], column: float) -> bool:
    """Whether the block opens with headline lines set right over a dateline in the same block, no blank
    line between (``监管提高精准性（权威发布）`` / ``对药品食品还要“严防死守”`` / ``本报北京2月15日电…``): the
    lines over the dateline are the headline, not the start of a story's text."""
    for k, line in enumerate(group[: _HEADLINE_MAX_LINES + 1]):
        if _DATELINE_RE.match(line.text):
            return k > 0 and _is_headline_group(group[:k], column)
    return False


def _announces_next(groups: list[list[_Line]], index: int, column: float) -> bool:
    """Whether the headline-like group at `index` stands over the text that follows it even though the
    text before it broke off mid-sentence (an OCR engine ends a block where a column ends): it repeats
    the words of the story after it (``东航包机从越南接回…`` over ``…中国东方航空3日派出包机…``)."""
    group = groups[index]
    if not _is_headline_group(group, column) or _is_body_fragment(group):
        return False
    own = _pairs(clean_prose("".join(line.text for line in group)))
    if len(own) < 3:
        return False
    following = clean_prose("".join(line.text for g in groups[index + 1 : index + 4] for line in g))
    preceding = clean_prose("".join(line.text for g in groups[max(0, index - 3) : index] for line in g))
    after = len(own & _pairs(following)) / len(own)
    before = len(own & _pairs(preceding)) / len(own)
    return after >= _ANNOUNCE_SHARE or (after >= _ANNOUNCE_WEAK and after >= 2 * before + _ANNOUNCE_WEAK / 2)


# The text after a headline-like line shares at most this share of its character pairs with the story
# before it when it is another story's.
_TOPIC_CHANGE_SHARE = 0.08


def _changes_topic(story: list[_Line], groups: list[list[_Line]], index: int, column: float) -> bool:
    """Whether the headline-like group at `index` stands between two stories although the one before it
    broke off mid-sentence: the text after it shares next to nothing with the story before it."""
    group = groups[index]
    if not _is_headline_group(group, column) or _is_body_fragment(group) or index + 1 >= len(groups):
        return False
    following = _pairs(clean_prose("".join(line.text for g in groups[index + 1 : index + 3] for line in g)))
    before = _pairs(clean_prose("".join(line.text for line in story)))
    if len(following) < 40 or len(before) < 40:
        return False
    return len(following & before) <= _TOPIC_CHANGE_SHARE * len(following)


def _is_headline_group(group: list[_Line], column: float) -> bool:
    if _headline_lines_exceeded(group) or not _is_headline_like(group) or _is_body_fragment(group):
        return False
    if any(_DATELINE_RE.match(line.text) or is_byline(line.text) for line in group):
        return False
    if len(group) > 1 and _CLOSING_NOTE_RE.match(group[-1].text):
        return (
            False  # ``璀璨的成功与幸福！`` / ``（作者为中国驻俄罗斯大使）``: a story's last line and its note
        )
    if _cut_at_a_comma(group, column):
        return False  # a comma: a body line cut off by column breaks, unless set wider than the column
    widths = [display_width(line.text.strip()) for line in group]
    # Body lines cut by a column break are set full; a headline is shorter or wider than the column.
    # A single line between blank lines is a headline (two column breaks a line apart are rare).
    return (
        len(group) == 1
        or not all(abs(w - column) <= 1.0 for w in widths)
        or any(_wider_than_body(line.text, column) for line in group)
    )


def _wider_than_body(text: str, column: float) -> bool:
    """Whether a line is set a cell or more wider than the body column with no mark hung past its edge
    (``中国进出口银行服务一带一路建设`` over a column of 14): no body line is, so a block holding one is
    display type, its other lines as wide as the column or not."""
    return _set_width(text.strip()) >= column + 1.0


def _cut_at_a_comma(group: list[_Line], column: float) -> bool:
    """A line with a comma in it, set to the column's measure: a body line cut off by column breaks
    (``马正其说，现在"双随机"规定每``), never a headline, unless set wider than the column, with a column
    label, or clearly short (`_wide_or_labelled`)."""
    return any(
        _COMMA_RE.search(line.text)
        and not _wide_or_labelled(line.text, column)
        and not (k > 0 and group[k - 1].text.rstrip().endswith("——"))
        and not _asks_over_a_labelled_line(group, k)
        for k, line in enumerate(group)
    )


def _asks_over_a_labelled_line(group: list[_Line], index: int) -> bool:
    """A kicker asking a question right over the main line its column's label closes
    (``防控疫情，老年人该怎么做？`` / ``合理补充营养提高免疫力（名医讲堂）``): a headline's, not a body line."""
    line = group[index].text.strip()
    if index + 1 >= len(group) or not re.search("[？?]$", line) or not _QUESTION_HEADLINE_RE.match(line):
        return False
    return bool(re.search(f"[{HAN}][（(][{HAN}·①-⑳]{{2,12}}[）)]$", group[index + 1].text.strip()))


def _full_line_with_a_comma(group: list[_Line], column: float) -> bool:
    """A block of one line with a comma in it, set about the column's measure (an OCR engine may lose a
    character or two: at least a paragraph's indented first line, short by a margin), never wider: a
    body line a column break cut off (``马正其说，现在"双随机"规定每``), never a headline printed under
    the story above."""
    if len(group) != 1 or not _COMMA_RE.search(group[0].text):
        return False
    width = _cells(group[0].text)
    return column - _INDENT_CELLS - _SHORT_MARGIN <= width < column + 1.0


def _headline_over_dateline(groups: list[list[_Line]], index: int, column: float) -> bool:
    """A headline of a line or two with a comma each (``体操世锦赛，中国队收获3银2铜`` /
    ``备战奥运会，还要加把劲``) right over a dateline: text cut from a paragraph would end on a comma or
    run commas all through, and would not stand just before another story's dateline. Or right over
    a story's lead printed without a dateline, its first line set as one (two cells short of the column
    over a full line: ``当地时间10月13日，2019`` / ``年体操世锦赛在德国斯图加特``), not the rest of a
    sentence cut off before it."""
    if index + 1 >= len(groups):
        return False
    following = groups[index + 1]
    if not _DATELINE_RE.match(following[0].text) and not (
        len(following) >= 2
        and abs(display_width(following[0].text.strip()) - (column - _INDENT_CELLS)) <= _HALF_CELL
        and abs(display_width(following[1].text.strip()) - column) <= _HALF_CELL
        and not _INDENT_RE.match(following[0].text)
    ):
        return False
    group = name_dots_read(groups[index])  # a name's dot read as a full stop ends no sentence
    lines = [line.text.strip() for line in group]
    return (
        len(group) <= 2
        and _is_headline_like(group)
        and all(line.count("，") + line.count(",") <= 1 for line in lines)
        and not any(line.endswith(("，", "、", "；", ",")) for line in lines)
        and not all(abs(display_width(line) - column) <= 1.0 for line in lines)
        and not any(_DATELINE_RE.match(line) or is_byline(line) for line in lines)
    )


def _kicker_over_headline(groups: list[list[_Line]], index: int, column: float) -> bool:
    """A kicker of phrases with a comma or two (``安徽天长推动移风易俗，培育乡村文明``), alone in its block,
    set short of the column, over a headline block that stands over a byline or a dateline, a word of
    it in the text there: no text a column break cut (that fills the column), and no paragraph stands
    between a headline and its byline. Quotes mark a sentence (an OCR'd block cut mid-sentence)."""
    if index + 2 >= len(groups) or len(groups[index]) != 1:
        return False
    text = groups[index][0].text.strip()
    if (
        display_width(text) >= column - _SHORT_MARGIN
        or len(_COMMA_RE.findall(text)) > 2
        or re.search(f'[、；;：:“”"{_SENTENCE_END}]', text)
        or text.endswith(("，", ","))
        or len(_HAN_RE.findall(text)) < 4
        or _DATELINE_RE.match(text)
        or is_byline(text)
    ):
        return False
    under = groups[index + 2][0].text
    if not _is_headline_group(groups[index + 1], column) or not (
        _DATELINE_RE.match(under) or is_byline(under)
    ):
        return False
    # A kicker names what its story tells: a word of it comes again in the text under the byline.
    story = "".join(line.text for line in groups[index + 2])
    return bool(_han_pairs(text) & _han_pairs(story))


def _title_after_kicker(kicker: list[_Line], group: list[_Line]) -> bool:
    """A headline's main line under a kicker that leads into it (``陕西各地开通绿色专线——`` /
    ``包机专列，送农民工返岗``): a line or two without sentence marks, commas and all."""
    return (
        kicker[-1].text.rstrip().endswith("——")
        and len(group) <= 2
        and _is_headline_like(group)
        and not any(_DATELINE_RE.match(line.text) or is_byline(line.text) for line in group)
        and not _is_body_fragment(group)
    )


def _wide_or_labelled(text: str, column: float) -> bool:
    """A headline line with a comma: wider than any body line, ending in a column label
    (``稳投资，合理有效很重要（感言·岁末年初看经济⑨）``), or set clearly short of the column (shorter
    than a paragraph's indented first line) and ending in a word: ``面对疫情，人类需要合作``."""
    text = text.strip()
    width = display_width(text)
    if width > column + _SHORT_MARGIN or re.search(f"[{HAN}][）)]$", text) or text.endswith("——"):
        return True  # wide, a column label, or a kicker leading into its title (``…周家坪——``)
    return width < column - _INDENT_CELLS - 2 * _SHORT_MARGIN and bool(re.search(f"[{HAN}0-9”’]$", text))
