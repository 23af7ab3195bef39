"""The segmenting step of the page parser: cutting an OCR'd page into stories and headline groups.

`_segment` runs `_Segmenter`, one pass over the page's blank-line groups with one method per kind of line
(dateline, byline, end mark, jump line, caption, masthead and furniture, headline, brief, note, text);
beside it, the role rules those methods ask (whether a group is a headline over the next story's
opening, a caption, the masthead, a note closing a story). Its result, a `_Cut`, holds the stories, the
headline groups in the gaps between them, the lines dropped and every line's role; the matching and
joining steps and the articles are made from it in `storage.ingest.ocr_page`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from storage.ingest.page_county import (
    brief_number,
    is_ad_box,
    is_county_paper_name,
    is_picture_label,
    number_mark,
    photographer_credit,
    supplied_credit,
)
from storage.ingest.page_fragments import word_across
from storage.ingest.page_headlines import is_comment_column
from storage.ingest.page_lines import (
    _AGENCY_CREDIT_RE,
    _BYLINE_ORNAMENT,
    _CAPTION_RE,
    _CLAUSE_CHARS,
    _CLAUSE_END_RE,
    _CLOSERS,
    _CLOSING_NOTE_RE,
    _COMMA_RE,
    _DASH_END_RE,
    _DATELINE_RE,
    _DEFAULT_COLUMN_WIDTH,
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
    _PAGE_NUMBER_RE,
    _PAPER_NAME_RE,
    _PROSE_OPENER_RE,
    _PROSE_PUNCT_RE,
    _QUESTION_HEADLINE_LINES,
    _QUESTION_HEADLINE_RE,
    _SENTENCE_END,
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
    _paper_name,
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
    is_masthead_item,
    is_notice_box,
    is_page_furniture,
    is_summary_label,
    name_dots_read,
    stamp_author,
    text_date,
    verse_lines,
)
from storage.ingest.page_seams import (
    _full_line,
    _Join,
)
from storage.text.segment import cut as words_of


@dataclass
class _Dropped:
    """A line left out of every story, and why (for ``newsbot ingest --explain``)."""

    number: int
    kind: str  # "header/footer", "caption", "jump line", "end mark"
    text: str


@dataclass
class _Cut:
    stories: list[_Story]
    gap_groups: list[tuple[int, list[_Line]]]  # (gap index, headline group); gap i lies before story i
    dropped: list[_Dropped]
    joins: list[_Join] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # line number → its role and why (not plain body)
    # Line number (in reading order, a side-by-side band cut into columns) → its line in the file.
    file_lines: dict[int, int] = field(default_factory=dict)
    column: float = _DEFAULT_COLUMN_WIDTH  # the body column's width in cells


# A headline run on under its story's text is at most this wide (in cells).
_RUN_ON_HEADLINE_WIDTH = 30


# A line all in brackets closes its story (``（辛阳、胡婧怡、杨世龙整理）``): never a headline under it.
_BRACKETED_LINE_RE = re.compile(r"^[ \t\u3000]*[（(][^（()）]+[）)][ \t\u3000]*$")


def _typical_width(lines: list[_Line]) -> float:
    """The commonest width of the page's longer lines: the body column."""
    widths = [math.ceil(display_width(line.text.strip())) for line in lines]
    widths = [w for w in widths if w >= 8]
    if not widths:
        return _DEFAULT_COLUMN_WIDTH
    counts = Counter(widths)
    return float(max(counts, key=lambda w: (counts[w], w)))


# The blocks on either side of a block whose lines measure the column it is set in, and how many of
# their lines must share one width, and differ from the page's commonest by how many cells, for that
# width to be the block's column rather than the page's.
_LOCAL_REACH = 3
_LOCAL_MIN_LINES = 3
_LOCAL_MIN_DIFFERENCE = 3.0


def _local_columns(groups: list[list[_Line]], page_column: float) -> list[float]:
    """The column each block is set in: the commonest width of the longer lines of the blocks around it
    (itself left out: a headline is no measure), where a page sets its stories in columns of different
    widths (a page laid out in modules: ``据统计，各地公安交管部门认真按照公安当`` is a full line of a
    wide column, not a headline wider than the page's narrow one); the page's column elsewhere."""
    widths = [[math.ceil(display_width(line.text.strip())) for line in group] for group in groups]
    widths = [[w for w in ws if w >= 8] for ws in widths]
    out: list[float] = []
    for k in range(len(groups)):
        near = Counter(
            w
            for j in range(max(0, k - _LOCAL_REACH), min(len(groups), k + _LOCAL_REACH + 1))
            if j != k
            for w in widths[j]
        )
        if not near:
            out.append(page_column)
            continue
        # A full line the OCR read a cell short (a lost or narrow character) counts with its column.
        full = {w: near[w] + near[w - 1] for w in near}
        width = max(full, key=lambda w: (full[w], w))
        local = full[width] >= _LOCAL_MIN_LINES and width - page_column >= _LOCAL_MIN_DIFFERENCE
        out.append(float(width) if local else page_column)
    return out


def _is_noise(text: str) -> bool:
    """A stray line the OCR made of specks or a lone character (``旺``, ``SN AZ一``, ``|``): fewer than
    two Han characters, no digits, nothing that ends a sentence. A character set in lenticular brackets
    (``【诗】``) is a column's label the paper printed, no speck."""
    text = text.strip()
    if _BRACKETED_LABEL_RE.fullmatch(text):
        return False
    return len(_HAN_RE.findall(text)) < 2 and not re.search(f"[0-9{_SENTENCE_END}]", text)


# A column's label of one character or more in lenticular brackets (``【诗】``).
_BRACKETED_LABEL_RE = re.compile(f"【[{HAN}]+】")

# A line of specks the OCR read among a few Han characters has at most this many of each.
_GARBLED_HAN = 3
_GARBLED_CHARS = 5


def _finishes_a_word(previous: str, character: str) -> bool:
    """Whether a lone character finishes the word the line above broke (``…也在集`` / ``聚``): the last
    word read across the break holds more than the character."""
    words = words_of(previous[-4:] + character)
    return len(words[-1]) > 1 if words else False


def _is_garbled(text: str) -> bool:
    """A line the OCR made of specks and a character or three, a Latin letter or a hyphen among them
    (``和E公``, ``-不品``: a section's name in display type): no digits, nothing that ends a sentence."""
    text = _MULTI_SPACE_RE.sub("", text.strip())
    return (
        len(text) <= _GARBLED_CHARS
        and len(_HAN_RE.findall(text)) <= _GARBLED_HAN
        and bool(re.search("[A-Za-z-]", text))
        and not re.search(f"[0-9{_SENTENCE_END}]", text)
    )


# A guide to other pages' stories (导读): its label, then one line a story, each ending with its page
# (``▶武汉：商品丰富物价稳 （第6版）``, ``◆致敬！逆向而行的白衣天使 第11版``, ``…  详见A05``).
_GUIDE_LABEL_RE = re.compile(
    "^[ \t\u3000]*[【\\[]?[ \t\u3000]*(?:本报)?(?:今日|本期|本版|要闻|新闻)?导读[ \t\u3000]*[】\\]]?[ \t\u3000]*$"
)


# A strip of other pages' heads: its label (``要闻速览``, ``【要闻】``, ``今日要闻：``), then the heads
# apart by markers or bars (``▶…  ▶…``, ``…｜…``), or nothing when one head a line follows (``·…``).
_DIGEST_LABEL_RE = re.compile(
    "^[【\\[]?(?:要闻速览|今日要闻|要闻导读|要闻)[】\\]]?[ \t\u3000]*[:：]?[ \t\u3000]*(?=[▶►·•｜|]|$|(?<=[ \t\u3000:：】\\]]))"
)
_DIGEST_SPLIT_RE = re.compile("[ \t\u3000]*[▶►·•｜|][ \t\u3000]*")
_DIGEST_ENTRY_RE = re.compile("^[▶►·•][ \t\u3000]*(\\S.*)$")


# The label of a box after a story: ``相关链接``, ``【延伸阅读】``, ``■背景链接``.
_LINK_LABEL_RE = re.compile(
    "^[ \t\u3000]*[【\\[■●◆□]?[ \t\u3000]*(?:相关链接|延伸阅读|背景链接|知识链接|相关阅读|名词解释|链接|背景)[ \t\u3000]*[】\\]]?[ \t\u3000]*[:：]?[ \t\u3000]*$"
)


_PAGE_REFERENCE_END_RE = re.compile(
    "(?:[（(][ \t\u3000]*)?(?:详见|见)?[ \t\u3000]*(?:第[ \t\u3000]*[0-9一二三四五六七八九十]{1,3}[ \t\u3000]*版|[A-Z][ \t\u3000]*\\d{1,2}[ \t\u3000]*版?)"
    "[ \t\u3000]*(?:[）)])?[ \t\u3000]*$"
    # A page number alone, in brackets or after a space: ``…会议召开（11版）``, ``…座谈会  9版``.
    "|[（(][ \t\u3000]*\\d{1,2}[ \t\u3000]*版[ \t\u3000]*[）)][ \t\u3000]*$|[ \t\u3000]\\d{1,2}[ \t\u3000]*版[ \t\u3000]*$"
)


# A guide's reference on a line of its own, under the entry it points from: ``详见第3版``.
_BARE_REFERENCE_RE = re.compile(
    "^[ \t\u3000]*(?:详见|见)[ \t\u3000]*第?[ \t\u3000]*[0-9一二三四五六七八九十A-Z]{1,3}[ \t\u3000]*版[ \t\u3000]*$"
)


# A source's tag in brackets before a lead: ``【环球网报道】``, ``【新华社微特稿】``, ``【央视新闻消息】``
# (not a head ending in 电: ``【两国元首互致贺电】``).
_SOURCE_TAG_RE = re.compile(f"[{HAN}]{{0,6}}(?:网|社|报|台|新闻)[{HAN}]{{0,3}}(?:报道|讯|电|稿|消息)")


# A brief's head in lenticular brackets before its text: ``1.【市民卡可刷公交】即日起…``, ``◆【…】…``
# (a number or a bullet, the head, then the text; the head may wrap to the next line).
_BRACKETED_HEAD_RE = re.compile(
    "^[ \t\u3000]*((?:[■▶●◆►◇□][ \t\u3000]*|(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})[.．、][ \t\u3000]*|[①-⑩][ \t\u3000]*)?)"
    "【([^【】]{2,40})(】[ \t\u3000]*(.*))?$"
)


# A brief's head in a column of briefs (短讯, 简讯) opens with a bullet (`BULLET_RE`: ``■…``, ``▶ …``);
# its text follows on the next line, with no blank line between.


# Common surnames: a name in brackets closing a brief or a short item (``…成效明显。（王某 李某）``)
# starts with one; an agency's or a place's note (``（人民视觉）``, ``（新华社发）``) does not.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁傅萧阎"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉"
    "缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇"
    "桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)


# A name never ends as a note does: ``（全文完）``, ``（新华社发）``, ``（本报电）``, ``（据央视）``.
_BRACKETED_NAME = f"[{_SURNAMES}][{HAN}]{{0,1}}(?![完发电摄稿讯])[{HAN}](?![{HAN}])"


# How many lines a closing note in brackets (``（作者为…采访整理）``) may run over: a joint dispatch naming
# eight places and nine reporters (``（本报北京、里约热内卢、…2月21日电  记者曲颂、…）``) takes seven
# lines of a narrow column.
_NOTE_LINES = 8


# A reporter's role: a bracket holding one is a dateline's or a byline's, never an author's post.
_REPORTER_ROLE_RE = re.compile("记者|通讯员|实习生|特约|摄影|报道")
# An author alone on a line (``颜珂``, ``□颜珂``, ``■颜珂``): a surname and one or two characters, or a
# two-character name padded to three cells (``王  强``); two or three such names apart by spaces, a
# piece's co-authors (``何一磊  贾涛``); or any name of two to four characters with the author's post in
# brackets after it (``铁  凝（中国作协主席）``, ``阿尔泰（中国作协主席团委员）``).
_AUTHOR_ALONE_RE = re.compile(
    f"^[ \t\u3000]*(?:[□■◎][ \t\u3000]*)?(?:"
    f"(?P<name>[{_SURNAMES}](?:[{HAN}]{{1,2}}|[ \t\u3000]{{1,3}}[{HAN}]))"
    f"|(?P<names>[{_SURNAMES}][{HAN}]{{1,2}}(?:[ \t\u3000]+[{_SURNAMES}][{HAN}]{{1,2}}){{1,2}})"
    f"|(?P<posted>[{HAN}](?:[ \t\u3000]{{0,3}}[{HAN}]){{1,3}})[ \t\u3000]*[（(][^（）()。，]{{2,30}}[）)]"
    f")[ \t\u3000]*$"
)


_CLOSING_NAMES_RE = re.compile(
    # After the last sentence, or after a photo's credit closing the item (``春秋航空供图（新华社发）``).
    f"^(.*?(?:[{_SENTENCE_END}][{_CLOSERS}]*|(?:供图|摄)(?:[（(][{HAN}]{{2,8}}[）)])?))?[ \t\u3000]*[（(][ \t\u3000]*"
    f"((?:融媒体记者|见习记者|本报记者|记者|通讯员)?[ \t\u3000]*{_BRACKETED_NAME}(?:[ \t\u3000、]+{_BRACKETED_NAME}){{0,3}})"
    f"[ \t\u3000]*[）)][ \t\u3000]*$"
)


# An editor's initials after a story's last sentence (``…改革工作。（ZY）``): no text, no byline.
_INITIALS_RE = re.compile(
    f"^(.*?[{_SENTENCE_END}][{_CLOSERS}]*)?[ \t\u3000]*[（(][ \t\u3000]*[A-Z]{{2,4}}[ \t\u3000]*[）)][ \t\u3000]*$"
)


_STRAY_LINE_RE = re.compile(f"[ \t\u3000]*(?:[{HAN}]|[|｜丨/\\_~·.,'\"`-]{{1,3}})[ \t\u3000]*")


def _is_caption_group(group: list[_Line]) -> bool:
    """A photo caption printed as a block of its own: ``图为…`` (with its credit ``本报记者 X 摄``), or the
    credit alone (``王某摄（人民视觉）``)."""
    if all(_AGENCY_CREDIT_RE.match(line.text) for line in group):
        return True
    return bool(_CAPTION_RE.match(group[0].text)) and not any(_DATELINE_RE.match(line.text) for line in group)


# A word of two Han characters alone on its line.
_TWO_HAN_RE = re.compile(f"[{HAN}]{{2}}")


# A photographer's credit that is a name and 摄 only (``吴涛摄``): no title, no agency, no second name.
_NAME_CREDIT_RE = re.compile(f"^[ \t\u3000]*[{HAN}]{{2,4}}[ \t\u3000]*摄[ \t\u3000]*$")


# A photographer's credit on a line of its own (``魏宇摄``, ``本报记者杨杰涛摄``, ``陈兰摄 (人民视觉)``).
_BARE_CREDIT_RE = re.compile(
    f"^[ \t\u3000]*(?:(?:本报|新华社|人民日报)?(?:特约)?(?:摄影记者|记者|通讯员))?[ \t\u3000]*"
    f"[{HAN}·]{{2,4}}(?:[ \t\u3000、]+[{HAN}·]{{2,4}}){{0,2}}[ \t\u3000]*摄"
    f"(?:[ \t\u3000]*[（(][ \t\u3000]*[{HAN}]{{2,8}}[ \t\u3000]*[）)])?[ \t\u3000]*$"
)


def _caption_over_dateline(group: list[_Line]) -> int:
    """How many lines open the block as a caption set right over a story's dateline, with no blank line
    between (``图为…。`` / ``本报北京2月14日电  …``): the caption's lines, up to its sentence end; 0 when the
    block opens otherwise."""
    if not _CAPTION_RE.match(group[0].text):
        return 0
    for index, line in enumerate(group[1:4], start=1):
        if _DATELINE_RE.match(line.text):
            return index if _ends_sentence(group[:index]) else 0
    return 0


# How many lines of a caption a column break may carry over, its credit included.
_CAPTION_REST_LINES = 3


def _caption_rest(group: list[_Line]) -> int | None:
    """Where the rest of a caption a column break cut ends in this block: the index of its credit
    (``杨赵静摄（人民视觉）``) within its first lines, or None when no credit closes it there."""
    for index, line in enumerate(group[:_CAPTION_REST_LINES]):
        if _AGENCY_CREDIT_RE.match(line.text):
            return index
    return None


# How many lines a caption set between a story's paragraphs may take, its credit included.
_INNER_CAPTION_LINES = 4
# A space as a page prints it (and as a pattern reads it).
_SPACE = "[ \\t\\u3000]"
# A caption's credit at its line's end: ``王某摄``, ``本报记者  王某摄``, ``（王某 摄）``, ``（资料图片）``, ``供图``.
_CAPTION_CREDIT_END_RE = re.compile(
    f"(?:(?:(?:本报|新华社)?(?:摄影)?记者|通讯员)?{_SPACE}*[{HAN}·]{{2,4}}(?:{_SPACE}+[{HAN}·]{{2,4}})?{_SPACE}*摄"
    f"|[（(]{_SPACE}*(?:[{HAN}·、 \t\u3000]{{2,16}}摄|资料图片|图片由[{HAN}]{{2,12}}提供){_SPACE}*[）)]|供图){_SPACE}*$"
)


# A picture note alone on its line: ``（资料图片）``, ``（图片由受访者提供）``.
_CAPTION_NOTE_RE = re.compile(f"^[（(]{_SPACE}*(?:资料图片|图片由[{HAN}]{{2,12}}提供){_SPACE}*[）)]$")


def _inner_caption_end(lines: list[_Line], notes: set[int]) -> int | None:
    """The index of the line ending a caption that opens `lines` with its photographer's credit, the
    caption's sentence ended right before the credit (on its line or the line above), or with its
    sentence right over a picture note already dropped (`notes`, line numbers); None when no credit
    closes it there."""
    ended = False
    for index, line in enumerate(lines):
        if line.number + 1 in notes and _ends_sentence([line]):
            return index
        found = _CAPTION_CREDIT_END_RE.search(line.text)
        if found is not None:
            before = line.text[: found.start()]
            if before.strip(" \t\u3000"):
                ended = _ends_sentence([_Line(line.number, before.rstrip(" \t\u3000"), False)])
            return index if ended else None
        if ended:
            return None  # a sentence after the caption's own, no credit: no caption
        ended = _ends_sentence([line])
    return None


_SUBHEADING_ROLE = "sub-heading: an ornamented short line between paragraphs of the open story"


def _is_jump_start(text: str) -> bool:
    return bool(re.search("下转|转", text)) and "上接" not in text


def _segment(lines: list[_Line]) -> _Cut:
    """Cut the page into stories, the headline groups between them and the lines dropped on the way.

    A story starts at a dateline, at a byline printed before its text, at a ``（上接第一版）`` jump line,
    or at prose after a headline; it ends at its byline (after its text, on its own line or inline),
    an end mark ``（完）``, a ``（下转第二版）`` jump line, the next story's dateline, or a headline printed
    between it and prose that starts the next story. Page headers and footers, photo captions and jump
    lines belong to no story and are dropped.
    """
    return _Segmenter(lines).run()


# A story this short (in characters) closed by a photographer's credit under it is a picture story.
_CAPTION_STORY_CHARS = 200


class _Segmenter:
    """The segmenting step: one pass over the page's blank-line groups, one method per kind of line.

    Each method looks at a line, and when the line is of its kind, takes it (into the open story, a
    headline group, the dropped lines), records the role and why, and returns True.
    """

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.groups = _groups(lines)
        self.column = _typical_width(lines)
        # Digits and Latin letters are set half a cell wide when a line reads wider than the column
        # counting them a cell each (``2020全国农产品博览会12日在湖南长``).
        self.half_width_digits = any(
            _cells(line.text) >= self.column + 1.0
            and _set_width(line.text.strip()) <= self.column + _HALF_CELL
            for line in lines
        )
        # The measure of the column each group is set in, where the page sets stories in wider columns.
        self.group_columns = _local_columns(self.groups, self.column)
        self.masthead = _masthead_lines(lines)
        self.stories: list[_Story] = []
        self.gap_groups: list[tuple[int, list[_Line]]] = []
        self.dropped: list[_Dropped] = []
        self.roles: dict[int, str] = {}
        self.current: _Story | None = None
        self.pending_byline: str | None = None  # a byline printed before the text of the next story
        self.author_line: int | None = None  # the number of the last line read as an author's name alone
        self.pending_date: str | None = None  # a web page's date line over the next story's text
        self.pending_head: int | None = None  # a brief's head in brackets alone on its line: the next story's
        self.at_page_end = False  # every line has been read: nothing on the page follows the open story
        self.caption_open = False  # the block before was a caption cut off before its sentence ended
        self.caption_before = False  # the block before was a caption: its credit may stand alone next
        self.note_tail: set[int] = set()  # lines that finish a closing note wrapped over its block
        self.caption_tail: set[int] = set()  # lines of a caption set between a story's paragraphs
        # Each line's number → the number of the line after it on the page.
        self.next_number = {a.number: b.number for a, b in zip(lines, lines[1:], strict=False)}
        self.under_bullet = False  # the line before was a brief's bulleted head: this one opens its text
        self.continued = False  # the line before was ``上接第1版`` alone: this one opens the story's rest
        self.guide_open = False  # a 导读 label closed the block before: its entries may follow
        self.brief: _Story | None = None  # the last story opened under a brief's bulleted head
        self.brief_column = False  # a column's name was read over numbered briefs: the first may follow
        self.brief_number = 0  # the number of the last numbered brief read (``3.``, ``三、``, ``③``)
        self.picture_next = False  # a 图片新闻 label was read: the next story is a picture story
        self.appointments_next = False  # a 人事任免 label was read: the list of appointments may follow
        self.picture: _Story | None = None  # the picture story, closed by its photographer's credit
        self.group_index = 0  # the blank-line group being read
        # A page of items: it prints items' sources (`_prints_items_sources`), or a digest item's source or
        # a strip heading was read: items go on.
        self.among_items = _prints_items_sources(lines)
        self.run_in_text: set[int] = set()  # lines whose text follows a wrapped run-in head's separator
        self.group_of = {line.number: k for k, group in enumerate(self.groups) for line in group}

    def run(self) -> _Cut:
        for group_index, group in enumerate(self.groups):
            self.group(group_index, group)
        self.at_page_end = True
        if self.current is not None:
            self.close()
        return _Cut(self.stories, self.gap_groups, self.dropped, roles=self.roles, column=self.column)

    # -- the story being read

    def start(self, line: _Line, why: str) -> None:
        if self.current is not None:
            self.close(opener=line)
        story = _Story()
        if self.picture_next:
            self.picture, self.picture_next = story, False
        if self.under_bullet:
            self.brief = story  # opened under a brief's head, whatever opens its text (a dateline)
        story.lines.append(line)
        if self.pending_byline is not None:
            story.byline = self.pending_byline
            self.pending_byline = None
        story.printed_date, self.pending_date = self.pending_date, None
        story.own_head, self.pending_head = self.pending_head, None
        self.current = story
        self.roles[line.number] = f"opens a story: {why}"

    def close(self, opener: _Line | None = None) -> None:
        """Close the open story. One that ended without a byline may have swallowed the headlines that
        follow it: several may stand stacked there; the text before the first of them ends a sentence,
        unless they stand right over the dateline that opens the next story (`opener`, in their block:
        ``…为中葡关系长远发`` / blank / ``第二届中国国际进口博览`` / ``会在韩国举行推介会`` / ``本报首尔…电``),
        where the text before them broke off at a column's end."""
        story = self.current
        self.current = None
        if story is None:
            return
        if not story.closed_by_byline and not story.ended:
            groups = _groups(story.lines)
            cut = len(groups)
            while (
                cut > 1
                and _is_headline_like(groups[cut - 1])
                and not _is_body_fragment(groups[cut - 1])
                and not _full_line_with_a_comma(groups[cut - 1], self.column)
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
                    and self.next_number.get(trailing[0][-1].number) == opener.number
                    and _is_headline_group(trailing[0], self.column)
                )
                while trailing and not _ends_sentence(kept) and not over_dateline:
                    kept += trailing.pop(0)
            story.lines = kept
            for group in trailing:
                self.gap_groups.append((len(self.stories) + 1, group))
                for line in group:
                    self.roles.setdefault(
                        line.number, "headline: a line without sentence marks after the story's end"
                    )
        if story.lines:
            self.stories.append(story)

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
                first >= self.column - _INDENT_CELLS + _HALF_CELL
                and _set_width(lines[cut - 1].text.strip()) < self.column - _SHORT_MARGIN
            )
            if (
                not self.at_page_end
                and not after_note
                and not unindented
                and not full_after_paragraph_end
                and first > self.column - _INDENT_CELLS - 2 * _SHORT_MARGIN
            ):
                return len(lines)
        for line in lines[cut:]:
            self.roles[line.number] = "headline: printed right under the story's last sentence"
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
        k = self.group_of.get(line.number)
        if k is None or self.groups[k][-1] is not line:
            return False
        following = [g for g in self.groups[k + 1 :] if not all(self.is_furniture(x) for x in g)]
        skipped = 0
        while following and skipped < _HEADLINE_MAX_LINES and _is_headline_group(following[0], self.column):
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
        return display_width(text) >= self.column - _SHORT_MARGIN and _set_width(text) < self.column + 1.0

    def _set_full(self, index: int, group: list[_Line]) -> bool:
        """Whether a block's line is set as full as its place allows: a body line filling the column, or
        a paragraph's first line (the block's first, or under a sentence's end) filling it but for the
        indent the OCR dropped (a sub-heading ``…促进高质量发展的能`` over ``力``)."""
        text = group[index].text.strip()
        if self._fills_column(text):
            return True
        first = index == 0 or _ends_sentence(group[index - 1 : index])
        full = self.column - _INDENT_CELLS - _SHORT_MARGIN
        return first and full <= display_width(text) < self.column - _SHORT_MARGIN

    def ends_sentence(self) -> bool:
        return self.current is not None and (self.current.ended or _ends_sentence(self.current.lines))

    def drop(self, line: _Line, kind: str, text: str | None = None) -> None:
        self.dropped.append(_Dropped(line.number, kind, (text if text is not None else line.text).strip()))

    def is_furniture(self, line: _Line) -> bool:
        return line.number in self.masthead or is_page_furniture(line.text)

    # -- a blank-line group

    def group(self, group_index: int, group: list[_Line]) -> None:
        if (cut := _after_source_mark(group)) is not None:
            # A digest item's source closes the item (`source_mark`): the line after it opens the next
            # item's block, as a blank line would (``（据人民网电）`` / ``中美签署第一阶段经贸协议`` / ``当地…``).
            self.group(group_index, group[:cut])
            self.group(group_index, group[cut:])
            return
        self.group_index = group_index
        caption_cut, caption_before = self.caption_open, self.caption_before
        self.caption_open = self.caption_before = False
        if self.credit_after_text(group_index, group):
            return
        if self.caption_after_text(group_index, group):
            return
        if self.strip_heading(group_index, group):
            return
        if self.ornamented_column_over_a_piece(group):
            self.close()
            self.gap_groups.append((len(self.stories), group))
            self.roles[group[0].number] = "headline: a column's name over a piece's title, its author next"
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
            self.caption_open = not _ends_sentence(group) and not _AGENCY_CREDIT_RE.match(group[-1].text)
            self.caption_before = True
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
            if self.current is not None and self.ends_sentence() and self.is_furniture(group[0]):
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
        if self.current is not None and len(group) == 1 and _NAME_CREDIT_RE.match(group[0].text):
            # A photographer's credit, a name and 摄 (``吴涛摄``), a block of its own under a story's text:
            # the credit of a photo set in the story's column, never a headline nor a byline; what
            # follows decides whether the story goes on.
            self.drop(group[0], "caption")
            return
        if self.current is not None and self.ends_sentence() and self.word_among_specks(group_index, group):
            for line in group:
                self.drop(line, "OCR noise")
            return
        if self.stanza(group_index, group):
            return
        if self.current is not None and not self.current.ended and self.kicker_with_a_comma(group_index):
            self.close()
            self.gap_groups.append((len(self.stories), group))
            return
        if (
            self.current is not None
            and not self.current.ended
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
        if closes and self.current is not None and self.ends_sentence():
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
        if group_index + 1 >= len(self.groups):
            return False
        following = self.groups[group_index + 1][0].text.strip()
        if _BRIEFS_NAME_RE.search(lines[0].text) and (BULLET_RE.match(following) or number_mark(following)):
            return False  # a column's name over its bulleted or numbered briefs (`column_head`)
        story = self.current
        if story is not None and not story.ended and not self.ends_sentence():
            return False
        if story is not None:
            self.close()
        self.among_items = True
        for line in group:
            self.drop(line, "strip heading")
            self.roles[line.number] = "a strip heading over a group of items: no headline"
        return True

    def date_text(self, line: _Line, *, under: bool) -> None:
        """A dropped line that dates one text (`text_date`) and stands `under` it or over it: under, it
        dates the open story (or the last one); over, the next story opened."""
        found = text_date(line.text)
        if found is None or found[1] != under:
            return
        story = self.current if self.current is not None else (self.stories[-1] if self.stories else None)
        if under and story is not None:
            story.printed_date = found[0]
        elif not under:
            self.pending_date = found[0]
            # A site's date line naming the author (``… 作者：王某``): the next story's byline.
            if (author := stamp_author(line.text)) is not None and self.pending_byline is None:
                self.pending_byline = author

    def dash_kicker(self, group: list[_Line]) -> bool:
        """A kicker of phrases ending in a dash (``基站率先布局，研发持续推进，商用先行先试——``), alone in
        its block over a headline block: a headline line, though it holds commas."""
        text = group[0].text.strip()
        following = self.group_index + 1
        return (
            len(group) == 1
            and text.endswith("——")
            and following < len(self.groups)
            and _is_headline_group(self.groups[following], self.column)
        )

    def text_line(self, index: int, group: list[_Line]) -> bool:
        """A line between two lines of a block, set to the column's measure, that reads as a page header
        (``第四版和诊疗方案试行第五版修正版的官方``): a line of text that names a page, never furniture."""
        line = group[index]
        return (
            0 < index < len(group) - 1
            and line.number not in self.masthead
            and self._fills_column(line.text.strip())
            and self._fills_column(group[index - 1].text.strip())
        )

    def county_box(self, group: list[_Line]) -> bool:
        """A 公益广告 box (``讲文明 树新风`` / ``中牟县文明办 宣``), a notice, a weather box and a list of
        appointments under its label belong to no story; a 图片新闻 label heads
        no story but makes the next one a picture story, closed by its photographer's credit."""
        texts = [line.text for line in group]
        appointments, self.appointments_next = self.appointments_next, False
        # An editor's note right under a piece's last sentence introduces what follows it, not that piece
        # (under a headline it is its story's first paragraph).
        after_piece = self.current is not None and self.ends_sentence() and is_editors_note(texts)
        if is_notice_box(texts) or after_piece or (appointments and is_appointments_list(texts)):
            if self.current is not None and self.ends_sentence():
                self.close()
            for line in group:
                self.drop(line, "notice")
            return True
        if len(group) == 1 and is_appointments_label(texts[0]):
            if self.current is not None and self.ends_sentence():
                self.close()
            self.drop(group[0], "notice")
            self.appointments_next = True
            return True
        if is_ad_box(texts):
            if self.current is not None and self.ends_sentence():
                self.close()
            for line in group:
                self.drop(line, "public-service advertisement")
            return True
        if len(group) == 1 and is_picture_label(texts[0]):
            if self.current is not None and self.ends_sentence():
                self.close()
            self.drop(group[0], "column head")
            self.picture_next = True
            return True
        return False

    def bulleted_subheading_of_the_open_story(self, text: str) -> bool:
        """Whether a bulleted line (``■ 积极调配物资``) is one more sub-heading of the open story: that
        story, not ended by a byline or an end mark, already printed a sub-heading with the same
        ornament inside its text (``■ 加强社区防控``), short and ending no sentence."""
        story = self.current
        bullet = BULLET_RE.match(text.strip())
        if story is None or story.ended or story is self.brief or bullet is None:
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
            self.roles[line.number] = "text: a sub-heading bulleted as the open story's others"
        self.lines_from(0, group)
        return True

    def column_head(self, group_index: int, group: list[_Line]) -> bool:
        """A column's name alone over a column of briefs (``短讯``, ``资讯`` over ``■…``): it ends the story
        above and heads no story itself."""
        # The name may carry an ornament (``■快讯``).
        text = BULLET_RE.sub("", _MULTI_SPACE_RE.sub("", group[0].text))
        if (
            len(group) != 1
            or group_index + 1 >= len(self.groups)
            or not re.fullmatch(f"[{HAN}·]{{2,6}}", text)
        ):
            return False
        following = self.groups[group_index + 1][0].text.strip()
        numbered = bool(number_mark(following)) and re.match("^(?:1|一|①)", following) is not None
        if not (BULLET_RE.match(following) or numbered) or is_byline(following):
            return False
        self.brief_column = numbered
        if self.current is not None and self.ends_sentence():
            self.close()
        self.drop(group[0], "column head")
        return True

    def link_box(self, group: list[_Line]) -> list[_Line]:
        """A box after a story (``相关链接``, ``【延伸阅读】``): its label ends the story above and belongs to
        no story; a head under it (short, no sentence end, text under it) is the headline of the box's
        own text, which opens a story. The rest of the block is returned."""
        if not group or not _LINK_LABEL_RE.match(group[0].text):
            return group
        if self.current is not None and self.ends_sentence():
            self.close()
        self.drop(group[0], "label of a box after a story")
        rest = group[1:]
        # A line as full as the column (its indent aside) with a comma in it, over a full line, is the box's
        # text wrapped at the measure, no head (a head stands over its text's indented first line)
        # (``相关阅读`` / ``近日，又有一些国家政要及国际组织负`` / ``责人继续…``).
        wrapped = (
            len(rest) >= 2
            and _set_width(rest[0].text.strip()) >= self.column - _SHORT_MARGIN - _INDENT_CELLS
            and bool(_COMMA_RE.search(rest[0].text))
            and self._fills_column(rest[1].text.strip())
        )
        if len(rest) >= 2 and _is_headline_like(rest[:1]) and not _ends_sentence(rest[:1]) and not wrapped:
            head = rest[0]
            self.gap_groups.append((len(self.stories), [head]))
            self.roles[head.number] = "headline: the head of a box under its label"
            return self._box_story(rest[1], "text under the head of a box", rest[2:])
        if wrapped and len(rest) >= 2:
            # The box's own text, no head: a story of its own (its title inferred), not a headline.
            return self._box_story(rest[0], "text of a box under its label", rest[1:])
        return rest

    def _box_story(self, first: _Line, why: str, rest: list[_Line]) -> list[_Line]:
        """A box's text as a story of its own: the open story closed, one started at `first`, the block's
        `rest` read into it. Nothing of the block is left."""
        if self.current is not None:
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
        guide_open = self.guide_open
        self.guide_open = False
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
        self.guide_open = start is not None and end == len(group)
        return group[: (first if start is None else start)] + group[end:]

    def open_story_ends_with(self, line: _Line) -> bool:
        """Whether a story is open and `line` is its last line so far (what comes next sits right under
        its text)."""
        story = self.current
        return story is not None and not story.ended and bool(story.lines) and story.lines[-1] is line

    def credit_after_text(self, group_index: int, group: list[_Line]) -> bool:
        """A photo's credit alone in its block right after the open story's text (a column break fell
        between ``…心里像吃了蜜一样甜。`` and ``瞿明斌摄（影像中国）``): the story's last paragraph, as when
        no break falls there. After a caption's ``图为…`` block it is the caption's credit."""
        story = self.current
        if not (
            len(group) == 1
            and _AGENCY_CREDIT_RE.match(group[0].text)
            and story is not None
            and group_index > 0
            and self.open_story_ends_with(self.groups[group_index - 1][-1])
            and _ends_sentence(story.lines)
        ):
            return False
        story.lines.append(group[0])
        self.roles[group[0].number] = "photo credit right under the story's text: a paragraph of its own"
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
        story = self.current
        if story is None or story is self.picture or not story.lines or group_index == 0:
            return False
        above = self.groups[group_index - 1][-1]
        jumped = story.ended and bool(_JUMP_LINE_RE.match(above.text)) and _is_jump_start(above.text)
        # A dated caption inside the story's columns, its sentence broken off above and going on below.
        inside = bool(_DATED_CAPTION_RE.match(group[0].text)) and group_index + 1 < len(self.groups)
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
        story = self.current
        line = group[0]
        text = line.text.strip()
        if (
            story is None
            or story.ended
            or story is self.brief
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
        if following is None and group_index + 1 < len(self.groups):
            following = self.groups[group_index + 1][0]
        if following is None:
            return False
        after = following.text.strip()
        if (
            _SUBHEADING_ORNAMENT_RE.match(after)
            or _DATELINE_RE.match(after)
            or is_byline(after)
            or display_width(after) < self.column - _INDENT_CELLS - 1.0
        ):
            return False
        story.lines.append(line)
        self.roles[line.number] = _SUBHEADING_ROLE
        return True

    def headline_inside_a_sentence(self, group_index: int, group: list[_Line]) -> bool:
        """A headline line the OCR read in another story's column, inside a sentence of it
        (``…证明自己`` / ``吴江推行同工同酬、改善住房等举措`` / ``的过程，…``): the open story's sentence
        breaks off before it and goes on after it (no headline, dateline or byline there), the line
        reads on into neither, and
        its words are another story's (the page's text after it repeats half its character pairs; the
        open story, next to none). It goes to the headline groups, for the matching step to place."""
        story = self.current
        if (
            story is None
            or story.ended
            or len(group) != 1
            or group_index + 1 >= len(self.groups)
            or _ends_sentence(story.lines)
            or not _is_headline_group(group, self.column)
        ):
            return False
        line = group[0]
        text = _MULTI_SPACE_RE.sub("", clean_prose(line.text))
        following = _MULTI_SPACE_RE.sub("", self.groups[group_index + 1][0].text)
        if (
            _is_headline_group(self.groups[group_index + 1], self.column)
            or _DATELINE_RE.match(following)
            or is_byline(following)
        ):
            return False
        own = _pairs(text)
        if len(own) < _HEADLINE_INSIDE_MIN_PAIRS:
            return False
        later = "".join(
            ln.text
            for g in self.groups[group_index + 1 : group_index + 1 + _HEADLINE_INSIDE_REACH]
            for ln in g
        )
        before = "".join(ln.text for ln in story.lines)
        after = _pairs(_MULTI_SPACE_RE.sub("", clean_prose(later)))
        mine = _pairs(_MULTI_SPACE_RE.sub("", clean_prose(before)))
        if text[-1:] + following[:1] in _MULTI_SPACE_RE.sub(
            "", later[len(self.groups[group_index + 1][0].text) :]
        ):
            return False  # the line reads on into the next block (``帮|助``): text of the story
        if len(own & after) < _ANNOUNCE_SHARE * len(own) or len(own & mine) > max(
            _INSIDE_SHARED_PAIRS, _TOPIC_CHANGE_SHARE * len(own)
        ):
            return False
        self.gap_groups.append((len(self.stories) + 1, group))
        self.roles[line.number] = "headline: read inside another story's sentence, its words another story's"
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
        story = self.current
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
            or display_width(head.text.strip()) > self.column - _INDENT_CELLS - 2 * _SHORT_MARGIN
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
        story = self.current
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
            or _cells(first) < self.column - _INDENT_CELLS - _HALF_CELL
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
            *(ln for g in self.groups[group_index + 1 : group_index + 3] for ln in g),
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
        broke_off = _cells(last) >= self.column - _INDENT_CELLS - _HALF_CELL and bool(
            re.search(f"[{HAN}0-9A-Za-z]$", last)
        )
        foreign = len(own & above) <= _INSIDE_SHARED_PAIRS
        if not broke_off and not (depth > 1 and foreign and self.ends_sentence()):
            return False
        self.close()
        self.gap_groups.append((len(self.stories), heads))
        for head in heads:
            self.roles[head.number] = (
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
        story = self.current
        if (
            not (self.among_items or _closed_by_its_source(group))
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
        self.gap_groups.append((len(self.stories), [_Line(head.number, words, head.blank_before)]))
        self.roles[head.number] = "headline: alone on its line right over its lead's indented first line"
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
        self.gap_groups.append((len(self.stories), [_Line(line.number, words, line.blank_before)]))
        self.roles[line.number] = (
            "headline: on its line right over its lead's indented first line, inside a block"
        )
        self.under_bullet = True  # the next line opens the item's text
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
                and _carried_mark(text, below.text.strip(), self.column - _INDENT_CELLS, self.column)
            )
        )

    def indented_first_line(self, text: str) -> bool:
        """Whether a line is set as a paragraph's indented first line, two cells short of the column:
        its digits and Latin letters read a whole cell each, or half a cell each where the line, read
        the wider way, still falls short of the column (``当地时间1月15日，美国总统``) or the page sets
        them so (`half_width_digits`)."""
        target = self.column - _INDENT_CELLS
        if abs(_cells(text) - target) <= _HALF_CELL:
            return True
        narrow = abs(display_width(text) - target) <= _HALF_CELL
        return narrow and (self.half_width_digits or _cells(text) < self.column - _HALF_CELL)

    def word_among_specks(self, group_index: int, group: list[_Line]) -> bool:
        """A word of two Han characters read with specks under it (``贺电`` / ``现``), a block between two
        paragraphs of the open story, the next block text that goes on without a dateline: a piece of
        display type the OCR read apart (a wrapped headline's last word), never a headline of its own."""
        if len(group) < 2 or not _TWO_HAN_RE.fullmatch(group[0].text.strip()):
            return False
        if not all(_is_noise(line.text) for line in group[1:]):
            return False
        following = self.groups[group_index + 1] if group_index + 1 < len(self.groups) else None
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
        assert self.current is not None
        why = (
            _ends_sentence(self.current.lines)
            or _over_dateline(self.groups, group_index, self.column)
            or _over_authors_line(self.groups, group_index, self.column)
            or _announces_next(self.groups, group_index, self.column)
            or _changes_topic(self.current.lines, self.groups, group_index, self.column)
        )
        if not why:
            return False
        group = self.groups[group_index]
        if self.sentence_goes_on(group) or self.body_line_read_alone(group_index):
            return False
        # A full line of a story set in a wider column than the page's is measured by that column: a
        # line a column break cut off, with a comma in it, is not a headline set wider than the column.
        # Under a story that ended its sentence, a paragraph of one short sentence may open the next.
        if _starts_next_story(
            self.groups,
            group_index,
            self.group_columns[group_index],
            short_paragraph=_ends_sentence(self.current.lines),
        ):
            return True
        if cut := _paragraph_opening_cut(self.groups, group_index, self.column):
            lines = "first line" if len(group) == 1 else f"first {len(group)} lines"
            self.roles[group[0].number] = (
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
        story = self.current
        group = self.groups[group_index]
        if story is None or len(group) != 1 or not _ends_sentence(story.lines):
            return False
        text = group[0].text.strip()
        # No body line is set wider than the column: a line that is may hold more than one comma.
        wide = display_width(text) > self.column + _SHORT_MARGIN
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
            under + 1 < len(self.groups)
            and len(self.groups[under]) <= 2
            and _is_headline_group(self.groups[under], self.column)
            and not _COMMA_RE.search("".join(line.text for line in self.groups[under]))
            and self._dateline_or_wide_kickers_byline(self.groups[under + 1][0].text, wide)
        ):
            return False
        own = _pairs(_MULTI_SPACE_RE.sub("", clean_prose(text)))
        if len(own) < _HEADLINE_INSIDE_MIN_PAIRS:
            return False
        later = "".join(ln.text for g in self.groups[under : under + _HEADLINE_INSIDE_REACH] for ln in g)
        before = "".join(ln.text for ln in story.lines)
        after = own & _pairs(_MULTI_SPACE_RE.sub("", clean_prose(later)))
        mine = own & _pairs(_MULTI_SPACE_RE.sub("", clean_prose(before)))
        if len(after) < _ANNOUNCE_SHARE * len(own) or len(mine) > max(
            _INSIDE_SHARED_PAIRS, _TOPIC_CHANGE_SHARE * len(own)
        ):
            return False
        self.roles[group[0].number] = (
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
        group = self.groups[group_index]
        if len(group) != 1 or group_index + 1 >= len(self.groups):
            return False
        text = group[0].text.strip()
        if (
            not self._fills_column(text)
            or not _is_headline_like(group)
            or not re.search(f"[{HAN}]$", text)
            or _LABEL_END_RE.search(text)
        ):
            return False
        following = self.groups[group_index + 1]
        first = following[0].text.strip()
        if (
            not self._fills_column(first)
            or _DATELINE_RE.match(first)
            or is_byline(first)
            or not _is_body_fragment(following[:1])
        ):
            return False
        own = _pairs(_MULTI_SPACE_RE.sub("", clean_prose(text)))
        later = "".join(ln.text for g in self.groups[group_index + 1 : group_index + 4] for ln in g)
        shared = len(own & _pairs(_MULTI_SPACE_RE.sub("", clean_prose(later))))
        if not own or shared > max(_BODY_LINE_SHARED_PAIRS, _BODY_LINE_SHARE * len(own)):
            return False
        self.roles[group[0].number] = (
            f"text: a body line read as a block of its own (set to the column's measure, a full line of "
            f"text cut off under it, which repeats {shared} of its {len(own)} character pairs)"
        )
        return True

    def sentence_goes_on(self, group: list[_Line]) -> bool:
        """The open story's sentence, cut by a column break inside a word (``…致以衷`` / ``心的感谢和亲切
        的问候！``), goes on in this block, which ends a sentence: its text, never a headline."""
        assert self.current is not None
        lines = self.current.lines
        if not lines or _ends_sentence(lines) or not _FINAL_RE.search(group[-1].text.strip()):
            return False
        end, start = lines[-1].text.strip(), group[0].text.strip()
        if not self._fills_column(end) or word_across(end, start)[1] < _CUT_WORD_STRENGTH:
            return False
        self.roles[group[0].number] = (
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
        under_bullet, continued = self.under_bullet, self.continued
        self.read_line(index, line, group)
        if under_bullet:
            self.under_bullet = False
        if continued:
            self.continued = False

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
        assert self.current is not None
        self.current.lines.append(line)

    def rest_of_a_note(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A line of a closing note wrapped over its block (`closing_note`): the note's story's text."""
        if line.number not in self.note_tail:
            return False
        story = self.current if self.current is not None else (self.stories[-1] if self.stories else None)
        if story is None:
            return False
        story.lines.append(line)
        self.roles[line.number] = "the rest of the closing note above, wrapped by the column"
        return True

    def inner_caption(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A photo's caption set between two of a story's paragraphs, in its block (``…了解情况。`` /
        ``▲当前，…。`` / ``本报记者  王某摄`` / ``工作人员给…``): its lines, from ``图为`` or ``▲`` after a
        sentence end up to the photographer's credit (``王某摄``, ``（王某 摄）``, ``（资料图片）``), belong to
        no story, and the story goes on under them. A caption set after a colon (``中共中央决定：``) too."""
        if line.number in self.caption_tail:
            self.drop(line, "caption")
            return True
        story = self.current
        if story is None or story.ended or not story.lines or not _CAPTION_RE.match(line.text):
            return False
        colon = story.lines[-1].text.rstrip().endswith(("：", ":"))  # ``…中共中央决定：`` over a list
        if not (self.ends_sentence() or colon) or index + 1 >= len(group):
            return False
        # A picture note under the caption (``（资料图片）``) was dropped with the block's furniture.
        notes = {
            d.number for d in self.dropped if d.kind == "header/footer" and _CAPTION_NOTE_RE.match(d.text)
        }
        end = _inner_caption_end(group[index : index + _INNER_CAPTION_LINES], notes)
        if end is None or index + end + 1 >= len(group):
            return False  # a caption closing the block is read as one (`_is_caption_group`, credits)
        self.caption_tail.update(other.number for other in group[index + 1 : index + end + 1])
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
        story = self.current
        if story is None or (run_on is None and not self.ends_sentence()):
            if run_on is not None:
                return False
            self.drop(line, "editor's mark")
            return True
        if run_on is not None:
            story.lines.append(_Line(line.number, run_on.group(1), line.blank_before))
        self.drop(line, "editor's mark", line.text[len(run_on.group(1)) if run_on else 0 :])
        self.roles[line.number] = "an editor's mark after the story's last sentence: closes the story"
        story.ended = True
        self.close()
        return True

    def source_mark(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A digest item's source closing it (digest and 新闻综合 pages reprint items from elsewhere):
        in brackets after the item's last sentence or on a line of its own (``（据新华社电）``,
        ``（摘自《光明日报》）``, ``（来源：人民网）``, ``（新华社/文）``), or ``——据《新京报》报道``. It is
        no text: it is dropped and closes the open item, as an editor's mark does."""
        story = self.current
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
        self.roles[line.number] = "a digest item's source after its last sentence: closes the item"
        self.among_items = True
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
            display_width(holding) >= self.column - _INDENT_CELLS - _SHORT_MARGIN
            and _set_width(holding) < self.column + 1.0
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
        story = self.current
        if not self.among_items or story is None or not story.lines:
            return False
        return _set_width(story.lines[-1].text.strip()) < self.column - _SHORT_MARGIN

    def _colon_closes_full_line(self, text: str) -> bool:
        """Whether a colon closes `text`, a line as full as a paragraph's first line, on a page of items
        (a source or a strip heading read): a head the column set on a line of its own, its text under
        it (``…改革发展工作：`` / ``统筹推进…``). Elsewhere such a line opens a paragraph."""
        line = text.strip()
        return (
            self.among_items
            and bool(re.search("[：:]$", line))
            and display_width(line) >= self.column - _INDENT_CELLS - _SHORT_MARGIN
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
        story = self.current
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
            and display_width(line.text.strip()) < self.column - _INDENT_CELLS - _SHORT_MARGIN
        ):
            # A line short of a paragraph's first line (``聚焦全国文明城市创建`` over ``二七区：以…``): the
            # column wrapped no head there.
            return False
        waiting = story is None or story.ended
        if separated and waiting and self.gap_groups and self.gap_groups[-1][0] == len(self.stories):
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
                self.run_in_text.add(next_line.number)
            else:
                del group[index + 1]
            rest = ""
        self.brief_column = False
        # The column's label right over the first item (``城事速递``, ``新闻速览``): no story's headline.
        if self.gap_groups and self.gap_groups[-1][0] == len(self.stories):
            (label, *more) = self.gap_groups[-1][1]
            if (
                not more
                and self.next_number.get(label.number) == line.number
                and len(label.text.strip()) <= 6
                and not _PROSE_PUNCT_RE.search(label.text)
            ):
                self.gap_groups.pop()
                self.drop(label, "column label")
                self.roles[label.number] = "a column's label over its first item: no headline"
        self.gap_groups.append((len(self.stories), [_Line(line.number, head, line.blank_before)]))
        self.roles[line.number] = "headline: an item's lead-in run in before its text"
        if rest.strip():
            lead_in = display_width(line.text.strip()) - display_width(rest.strip())
            self.start(
                _Line(line.number, rest, line.blank_before, lead_in), "text after an item's run-in lead-in"
            )
            self.brief = self.current
            if self.current is not None:
                self.current.own_head = line.number
        else:
            self.under_bullet = True
            self.pending_head = line.number
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
        story = self.current
        # The item above ended: its sentence, or its authors in brackets after it (``…下来。（贾涛鸣）``).
        ended = self.ends_sentence() or bool(
            story is not None and story.lines and _CLOSING_NAMES_RE.match(story.lines[-1].text)
        )
        if story is not None and not story.ended and not (ended and story is self.brief):
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
        if not marked and story is None and not (self.stories and self.stories[-1] is self.brief):
            return False  # unnumbered, only in a column of briefs: ``【环球网报道】据…`` opens a lead
        if _SOURCE_TAG_RE.fullmatch(head.strip()):
            return False  # a source's tag before the text (``【新华社微特稿】``), no head
        if not 4 <= len(head) <= 40 or _ends_sentence([_Line(0, head, False)]):
            return False
        if story is not None:
            self.close()
        self.brief_column = False
        self.gap_groups.append((len(self.stories), [_Line(line.number, head.strip(), line.blank_before)]))
        self.roles[line.number] = "headline: a head in brackets before a brief's text"
        if rest.strip():
            self.start(
                _Line(line.number, rest.strip(), line.blank_before), "text after a brief's head in brackets"
            )
            self.brief = self.current
            if self.current is not None:
                self.current.own_head = line.number
        else:
            self.under_bullet = True
            self.pending_head = line.number
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
        run_in = self.among_items and bool(_INDENT_RE.match(group[index + 1].text))
        if _ends_sentence([line]) and not (
            run_in and not _SENTENCE_PUNCT_RE.search(_QUESTION_HEADLINE_RE.sub("", text))
        ):
            return False
        if is_comment_column(text):
            return False  # ``■观点`` over a piece's headline: the column's name, a kicker of that headline
        if index > 0 and group[index - 1].number == self.author_line:
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
        first_line = abs(display_width(text) - (self.column - _INDENT_CELLS)) <= 1.0 and self._fills_column(
            following
        )
        if (
            not numbered
            and not run_in  # the line under it opens a paragraph: no sentence goes on into it
            and (self._fills_column(text) or first_line)
            and (re.search("[，、；：,;]", head) or word_across(head, following)[1] >= _CUT_WORD_STRENGTH)
        ):
            return False
        story = self.current
        if (
            story is not None
            and not story.ended
            and story is not self.brief
            and not (run_in and self.ends_sentence())
            and not _ended_by_a_note(story.lines)
        ):
            return False  # a sub-heading inside a story (``■小贴士``) that no brief column opened: text
        if story is not None:
            self.close()
        if numbered:
            self.brief_number = brief_number(numbered.group(0))
        self.brief_column = False
        # The bullet marks the item, not the head: the headline is the words after it.
        if index + 2 < len(group) and _DASH_TAIL_RE.fullmatch(group[index + 1].text.strip()):
            # The head wrapped onto a line ending in a dash (``■内蒙古萨如拉图雅嘎查`` / ``原党支部书记廷·巴特尔——``):
            # a head's dash leads to its text (the next line); no paragraph's line ends so.
            tail = group.pop(index + 1)
            head += tail.text.strip()
            self.roles[tail.number] = "headline: a bulleted head's tail, ending in a dash"
        self.gap_groups.append((len(self.stories), [_Line(line.number, head, line.blank_before)]))
        self.roles[line.number] = "headline: a bulleted head over a brief's text"
        self.under_bullet = True
        return True

    def ornamented_column_over_a_piece(self, group: list[_Line]) -> bool:
        """A column's name set off by an ornament over a piece's title in one block (``◆诗路放歌`` /
        ``“疫情快过去吧，快点！”``), under a story that ended its sentence, the author's name alone opening
        the next block (`kicker_over_opening`): the next piece's headline, never the story's text (a
        title may end on ``！``)."""
        return (
            len(group) == 2
            and self.current is not None
            and self.ends_sentence()
            and BULLET_RE.match(group[0].text.strip()) is not None
            and _is_headline_like(group[:1])
            and self.kicker_over_opening(0, group)
        )

    def kicker_over_opening(self, index: int, group: list[_Line]) -> bool:
        following = self.group_index + 1
        if following >= len(self.groups):
            return False
        opening = self.groups[following][0].text.strip()
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
                _set_width(line.text.strip()) < self.column - _INDENT_CELLS - _SHORT_MARGIN for line in heads
            )
            and _AUTHOR_ALONE_RE.match(opening) is not None
            and len(self.groups[following]) > 1
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
        if brief_number(found.group(0)) != (1 if self.brief_column else self.brief_number + 1):
            return None
        story = self.current
        closed = story is None or story.ended
        last_was_brief = self.brief is not None and (
            story is self.brief or (closed and bool(self.stories) and self.stories[-1] is self.brief)
        )
        in_column = (self.brief_column and closed) or last_was_brief
        return found if in_column else None

    def supplied(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…成效明显。（淮河路街道供稿）``: the unit that supplied the story; it closes the story and is
        neither its text nor its byline."""
        found = supplied_credit(line.text)
        story = self.current
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
        story = self.current
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
        if story is not self.picture and not (before or short):
            return False
        if before:
            story.lines.append(_Line(line.number, before, line.blank_before))
        story.byline = _byline_text(credit)
        story.closed_by_byline = True
        self.roles[line.number] = "photographer's credit closing a picture story: its author"
        self.picture = None
        self.close()
        return True

    def closing_names(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…成效明显。（王某 李某）``: names in brackets after a story's last sentence, at the end of
        its block (or over the next brief's head), are its authors: they close the story."""
        found = _CLOSING_NAMES_RE.match(line.text)
        story = self.current
        if not found or story is None or story.byline is not None or story.ended:
            return False
        last = (
            index == len(group) - 1
            or bool(BULLET_RE.match(group[index + 1].text))
            or (story is self.brief and number_mark(group[index + 1].text) is not None)
        )
        if not last or (not found.group(1) and not self.ends_sentence()):
            return False
        if found.group(1):
            story.lines.append(_Line(line.number, found.group(1), line.blank_before))
        story.byline = _byline_text(found.group(2))
        story.closed_by_byline = True
        self.roles[line.number] = "names in brackets after the last sentence: the authors close the story"
        self.close()
        return True

    def names_on_the_opening_line(self, index: int, line: _Line, group: list[_Line]) -> None:
        """A brief's text of one line with its authors after it (``…稳定下来。（贾涛鸣）``), the last line of
        its block or over the next brief's head: the authors close it, as `closing_names` reads them on
        a later line."""
        found = _CLOSING_NAMES_RE.match(line.text)
        story = self.current
        if not found or not found.group(1) or story is None or story.lines != [line]:
            return
        following = group[index + 1].text if index + 1 < len(group) else ""
        if following and not (BULLET_RE.match(following) or _BRACKETED_HEAD_RE.match(following)):
            return
        story.lines[0] = _Line(line.number, found.group(1), line.blank_before)
        story.byline = _byline_text(found.group(2))
        story.closed_by_byline = True
        self.roles[line.number] = (
            "a brief's one line of text, its authors in brackets after it: they close it"
        )
        self.close()

    def closing_initials(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…改革工作。（ZY）``: an editor's initials after the story's last sentence end its text; they
        are neither text nor a byline (a byline may still follow)."""
        found = _INITIALS_RE.match(line.text)
        story = self.current
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
        if len(group) < 2 or not _STRAY_LINE_RE.fullmatch(line.text) or line.number in self.run_in_text:
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
        first = self.column - _INDENT_CELLS
        if not first - 2 * _HALF_CELL <= width <= first:
            return False
        after = display_width(group[index + 2].text.strip())
        return after >= self.column - _HALF_CELL or _finishes_a_word(previous, line.text.strip())

    def photo_credit(self, index: int, line: _Line, group: list[_Line]) -> bool:
        if not _AGENCY_CREDIT_RE.match(line.text):
            return False
        story = self.current
        if story is not None and index > 0 and self.open_story_ends_with(group[index - 1]):
            # Set right under the story's text in the same block, it credits the photo the story
            # describes (a picture story's ``…搭建脚手架。`` / ``许华森摄（影像中国）``): the paper prints
            # it as the story's last paragraph. A caption is a block of its own (``图为…``, its credit).
            story.lines.append(line)
            self.roles[line.number] = "photo credit right under the story's text: a paragraph of its own"
            return True
        self.drop(line, "caption")  # a photo's credit: ``王某摄（人民视觉）``
        return True

    def jump_line(self, index: int, line: _Line, group: list[_Line]) -> bool:
        if not _JUMP_LINE_RE.match(line.text):
            return False
        self.drop(line, "jump line")
        if self.current is not None and _is_jump_start(line.text):
            self.current.ended = True
        elif not _is_jump_start(line.text):
            # ``（上接第一版）`` alone on its line: the story above has ended; the next line opens the rest
            # of a story begun on another page.
            if self.current is not None and self.ends_sentence():
                self.close()
            self.continued = True
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
        if self.current is None:
            self.start(rest, "text before a jump line")
        elif trailing.group(1).strip():
            self.current.lines.append(rest)
        assert self.current is not None
        self.current.ended = True
        return True

    def end_mark_run_on(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``(完)记者 洪坚鹏 海南高新技术企业…``: end mark, byline and the next headline on one line."""
        run_on = _END_MARK_RUN_ON_RE.match(line.text)
        if (
            not run_on
            or _END_MARK_RE.match(line.text)
            or self.current is None
            or not _is_headline_like([_Line(0, run_on.group(3), False)])
            or _MORE_NAMES_RE.match(run_on.group(3))
        ):
            return False
        self.drop(line, "end mark", "（完）")
        if run_on.group(1).strip():
            self.current.lines.append(_Line(line.number, run_on.group(1), line.blank_before))
        self.current.byline = _byline_text(run_on.group(2))
        self.current.closed_by_byline = self.current.ended = True
        self.roles[line.number] = "end mark and byline close the story; the rest of the line is a headline"
        self.close()
        # The rest of the line starts the next headline; its other lines follow in this group.
        self.gap_groups.append((len(self.stories), [_Line(line.number, run_on.group(3), True)]))
        return True

    def end_mark(self, index: int, line: _Line, group: list[_Line]) -> bool:
        end = _END_MARK_RE.match(line.text)
        if not end or (self.current is None and not end.group(1).strip()):
            return False
        self.drop(line, "end mark", "（完）")
        body = _Line(line.number, end.group(1), line.blank_before)
        if self.current is None:
            self.start(body, "text before an end mark")
        elif end.group(1).strip():
            self.current.lines.append(body)
        assert self.current is not None
        self.current.ended = True
        if end.group(2):
            self.current.byline = _byline_text(end.group(2))
            self.current.closed_by_byline = True
            self.roles[line.number] = "end mark and byline close the story"
            self.close()
        else:
            self.roles[line.number] = "end mark: only a byline may follow"
        return True

    def dateline(self, index: int, line: _Line, group: list[_Line]) -> bool:
        if not _DATELINE_RE.match(line.text):
            return False
        story = self.current
        if (
            story is not None
            and index > 0
            and self.open_story_ends_with(group[index - 1])
            and re.search("[，,、]$|据$", group[index - 1].text.rstrip())
        ):
            # The sentence before it runs on into it (``本报讯 1月23日上午，`` / ``据新华社电（记者蒋成）``,
            # ``…23日，据`` / ``新华社电…``): a dateline quoted inside the story's text opens no story.
            story.lines.append(line)
            self.roles[line.number] = "a dateline inside a sentence of the open story: its text"
            return True
        if (
            story is not None
            and story.lines
            and _EDITORS_NOTE_RE.match(story.lines[0].text)
            and not any(_DATELINE_RE.match(x.text) for x in story.lines)
            and self.ends_sentence()
        ):
            story.lines.append(line)
            self.roles[line.number] = "the dateline under the story's editor's note: its text goes on"
            return True
        if self.second_dispatch(index, line, group):
            assert self.current is not None
            self.current.lines.append(line)
            self.roles.setdefault(
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
        story = self.current
        if story is None or self.pending_byline is not None:
            return False
        if index == 0:
            return self.dispatch_after_a_blank(line)
        if not self.open_story_ends_with(group[index - 1]):
            return False
        # The text before it ends a sentence, or a paragraph printed without a full stop (a line short of
        # the column: a figure's caption, ``…同比多增8818亿元``).
        short = _set_width(group[index - 1].text.strip()) < self.column - _SHORT_MARGIN - _INDENT_CELLS
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
        story = self.current
        assert story is not None
        previous = self.groups[self.group_index - 1] if self.group_index > 0 else []
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
        self.roles[line.number] = (
            "a second dispatch of the open story: its dateline the story's own (source, place and date), "
            "in a block right under its text"
        )
        return True

    def byline(self, index: int, line: _Line, group: list[_Line]) -> bool:
        text = line.text
        if not is_byline(text) or line.number in self.run_in_text:
            return (
                False  # the text after a wrapped head's separator (``…申请人：记者从北京冬``) is its lead's
            )
        current = self.current
        if current is not None and _dateline_alone(current):
            current.lines.append(line)  # the dateline's byline in brackets, on the next line
            self.roles[line.number] = "the dateline's byline, on the next line"
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
            self.roles[line.number] = "byline after a sentence end (or an end mark): closes the story"
            self.close()
        elif closing and text.rstrip().endswith("摄"):
            self.drop(line, "caption")  # a photo credit
        else:
            # A byline printed before its story's text: the story before it ends here.
            self.close()
            if self.pending_byline is not None or text.rstrip().endswith("摄"):
                self.drop(line, "caption")
            else:
                self.pending_byline = _byline_text(text)
                self.roles[line.number] = "byline before the text: opens the next story"
        return True

    def closing_note(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``（本报东京电）``, ``（作者为…）`` opening a block: the last line of the story above. A note the
        column wrapped over more lines than its tail (``(本报记者贺广华、程远州、郑少`` / ``忠、戴林峰、…、李``
        / ``纵)``, a roundup naming its reporters) takes the lines up to the one closing its bracket."""
        if not _CLOSING_NOTE_RE.match(line.text) or index != 0:
            return False
        story = self.current if self.current is not None else (self.stories[-1] if self.stories else None)
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
                        self.note_tail.update(other.number for other in rest[: end + 1])
                    break
        if len(group) > 1 and story is self.current:
            story.ended = True  # what follows in the block (a headline, a byline) is no text of it
        self.roles[line.number] = "a closing note in brackets: the last line of the story above"
        return True

    def bracket_tail(self, group: list[_Line]) -> bool:
        """A block of one short line closing the bracket the open story's text left open, a column break
        between (``（作者为最高人民法院信息中心主`` / ``任）``): the tail of the story's note, never a
        speck of OCR noise."""
        story = self.current
        if story is None or story.ended or len(group) != 1 or self.ends_sentence():
            return False
        if not _closes_a_bracket(group[0].text) or len(_HAN_RE.findall(group[0].text)) > 1:
            return False
        above = "".join(line.text for line in story.lines[-_NOTE_LINES:])
        if above.rfind("（") <= above.rfind("）"):
            return False
        story.lines.append(group[0])
        self.roles[group[0].number] = "text: closes the bracket the open story's note left open"
        return True

    def author_alone(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A commentary's or an essay's author printed alone over its text, no role before the name
        (``颜珂`` / ``□颜珂`` / ``■颜珂`` / ``王  强`` / ``何一磊  贾涛`` / ``铁  凝（中国作协主席）`` opening the block under the
        headline, the text under it): the next story's byline, the name alone (spaces and post aside).
        A name opening with a common surname, or any name with a post in brackets, while no story is open."""
        if index != 0 or self.pending_byline is not None or len(group) < 3:
            return False
        if self.current is not None and not self.current.ended:
            return False
        author = _AUTHOR_ALONE_RE.match(line.text)
        if author is None or _DATELINE_RE.match(line.text.strip()) or _REPORTER_ROLE_RE.search(line.text):
            return False  # ``本报讯（记者 王某 通讯员 李某）`` filling its line: a dateline, no author's post
        if not (_text_follows(group, index) or self.verse_follows(group, index)):
            return False
        if self.current is not None:
            self.close()
        if author["names"]:
            self.pending_byline = " ".join(author["names"].split())  # co-authors, one name each
        else:
            self.pending_byline = re.sub(r"\s", "", author["name"] or author["posted"])
        self.roles[line.number] = "a name alone over the text, no story open: the next story's author"
        self.author_line = line.number
        return True

    def verse_follows(self, group: list[_Line], index: int) -> bool:
        """Whether the lines under `index` in its block open with verse (`page_lines.verse_lines`, its
        stanzas in the blocks after it read on): a poem's lines under its author's name."""
        later = [line for g in self.groups[self.group_index + 1 : self.group_index + 4] for line in g]
        return 0 in verse_lines([*group[index + 1 :], *later], self.column)

    def stanza(self, group_index: int, group: list[_Line]) -> bool:
        """A block of verse under the open story's verse, a blank line apart: the poem's next stanza,
        no headline, unless the block after it opens a story's text (an author's name, a byline, a
        dateline, prose), which makes it that story's headline. A note on the author (``作者简介：…``)
        under the stanza in its block is the poem's too."""
        story = self.current
        if story is None or story.ended or not story.lines:
            return False
        # The poem's lines so far measure its raggedness; a note on the author may close the stanza.
        note = next((k for k, line in enumerate(group) if AUTHOR_NOTE_RE.match(line.text)), len(group))
        tail = story.lines[-2 * _VERSE_RUN :]
        verse = verse_lines([*tail, *group[:note]], self.column)
        if not note or not all(k in verse for k in range(len(tail) - 1, len(tail) + note)):
            return False
        following = self.groups[group_index + 1] if group_index + 1 < len(self.groups) else []
        if following and self.opens_text(following[0]):
            return False
        for line in group:
            story.lines.append(line)
            self.roles[line.number] = "text: a stanza of the open story's verse, a blank line apart"
        return True

    def opens_text(self, line: _Line) -> bool:
        """Whether a block opening with `line` opens a story's text: an author's name alone, a byline,
        a dateline or a line of prose (neither verse, a label nor page furniture)."""
        text = line.text.strip()
        if _AUTHOR_ALONE_RE.match(text) or is_byline(text) or _DATELINE_RE.match(text):
            return True
        if self.is_furniture(line) or _EDITOR_MARK_RE.match(text) or _verse_line(line, self.column):
            return False
        return len(_HAN_RE.findall(text)) >= _CLAUSE_CHARS and not text.startswith(_VERSE_ORNAMENTS)

    def outside_story(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A line read while no story is open (or the open one has ended): the text of a story printed
        without a dateline, or a headline."""
        if self.current is not None and self.current.ended:
            self.close()
        if self.current is not None:
            return False
        rest = group[index:]
        gap_groups = self.gap_groups
        if self.pending_byline is not None:
            self.start(line, "text after a byline printed before it")
        elif self.continued:
            self.start(line, "continued from another page")
        elif self.under_bullet:
            self.start(line, "text under a brief's bulleted head")
            self.brief = self.current
            self.names_on_the_opening_line(index, line, group)
        elif (
            self.picture_next
            and index == 0
            and gap_groups
            and gap_groups[-1][0] == len(self.stories)
            and photographer_credit(group[-1].text) is not None
        ):
            self.start(
                line, "a picture story's caption under its headline, its photographer's credit closing it"
            )
        elif (
            index > 0
            and _INDENT_RE.match(line.text)
            and _first_line_width(line.text, self.column)
            and self.headed_indent(index, group)
        ):
            self.start(line, "a paragraph's indented first line right under its headline")
        elif (
            index == 0
            and _opens_story(rest)
            and not _over_indented_text(rest, self.column)
            and not self.dash_kicker(group)
            and not _headline_over_dateline(self.groups, self.group_index, self.column)
            and not _headline_atop_dateline(rest, self.column)
            and not _headline_over_opening(self.groups, self.group_index, self.column)
        ):
            self.start(line, "prose after a headline or a closed story (no dateline)")
        elif (
            index == 0
            and gap_groups
            and gap_groups[-1][0] == len(self.stories)
            and self.stories
            and _ends_sentence(self.stories[-1].lines)
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
            gap_groups.append((len(self.stories), [line]))
            self.roles[line.number] = "headline: short, no sentence marks, between stories"
        else:
            gap_groups[-1][1].append(line)
            self.roles[line.number] = "headline: continues the headline above"
        return True

    def headed_indent(self, index: int, group: list[_Line]) -> bool:
        """Whether the lines over `group[index]` in its block were all taken as a headline."""
        headline = {line.number for _gap, lines in self.gap_groups[-1:] for line in lines}
        return all(line.number in headline for line in group[:index])

    def lead_under_a_label(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """The last line of a headline's block, under a line its column label in brackets ends
        (``援”（一线抗疫群英谱）`` / ``在湖北省天门市疾控中心卫生应急``), set as a paragraph's first line (two
        cells short) over a block that goes on from it on a full line: the lead the OCR read in the
        headline's block, not a subtitle (a subtitle is no paragraph's first line continued)."""
        if index != len(group) - 1 or not _LABEL_END_RE.search(group[index - 1].text):
            return False
        text = _MULTI_SPACE_RE.sub("", line.text)
        if abs(_cells(text) - (self.column - _INDENT_CELLS)) > _HALF_CELL or not re.search(f"[{HAN}]$", text):
            return False
        if self.group_index + 1 >= len(self.groups):
            return False
        following = self.groups[self.group_index + 1][0].text.strip()
        return (
            _full_line(following, self.column)
            and not _DATELINE_RE.match(following)
            and not is_byline(following)
            and bool(re.match(f"[{HAN}]", following))
        )

    def inline_byline(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``…事业发展。记者 景静``: a byline run on after the story's last sentence."""
        inline = _INLINE_BYLINE_RE.match(line.text)
        current = self.current
        if not inline or index != len(group) - 1 or current is None or current.byline is not None:
            return False
        current.lines.append(_Line(line.number, inline.group(1), line.blank_before))
        current.byline = _byline_text(inline.group(2))
        current.closed_by_byline = True
        self.roles[line.number] = "text with its byline run on: closes the story"
        self.close()
        return True


# The masthead's date and section (its name: `page_lines._paper_name`).
_MAST_DATE_RE = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*(?:\d{1,2}\s*日?)?)?\s*(?:星期[一二三四五六日天]|周[一二三四五六日])?$"
)


_SECTION_RE = re.compile(f"^[{HAN}]{{1,4}}(?:·[{HAN}]{{2,4}})?(?:新闻|版)?$")


# A city paper's page number alone at the top of the page (``A07`` over ``都市·关注``).
_BARE_PAGE_CODE_RE = re.compile("^[A-Z][0-9]{2}$")


# Lines at the top of a page that may belong to its masthead.
_MASTHEAD_REACH = 10


# A special page's banner: the page's kind in brackets or before a middle dot, or alone (``【专题】…``,
# ``专题·奋进新时代``, ``特别策划``).
_BANNER_RE = re.compile(
    f"^(?:[【〔\\[](?:专题|专版|特刊|特别策划|特别报道)[】〕\\]][{HAN}·、 ]{{0,16}}|(?:专题|专版|特刊)·[{HAN}·]{{2,12}}|"
    "特别策划|特别报道|专题报道)$"
)


# An item's lead-in run in before its text: a bullet, the head, a space (``●标题  正文…``).
_RUN_IN_BULLET_RE = re.compile("^[ \t\u3000]*[■●◆▶►★][ \t\u3000]*(?=\\S)")
# Or the head in lenticular brackets, nothing before it: ``【标题】正文…``; the bracket may wrap.
_RUN_IN_BRACKET_RE = re.compile("^[ \t\u3000]*【([^【】]{2,40})(?:】(.*))?$")


def _quotes_closed(text: str) -> bool:
    """Whether every quotation and title mark opened in `text` is closed in it."""
    return text.count("“") <= text.count("”") and text.count("《") <= text.count("》")


def _run_in_parts(text: str, following: str) -> tuple[str, str, bool] | None:
    """(head, the text after it, whether the head's bracket closed on `following`) of an item's lead-in
    run in before its text, or None. The head is headline-like (three to forty characters, no sentence
    mark, no byline, no source tag such as ``【新华社微特稿】``, no editor's note); the text after it
    reads as prose (two Han characters or more). With a bullet, the head ends at the last space
    before the text's first punctuation: a head may hold spaces (``●产业兴 乡村美 农民富 闻鼙鼓…``)."""
    wrapped = False
    if bullet := _RUN_IN_BULLET_RE.match(text):
        line = text[bullet.end() :].rstrip()
        if line.startswith("【"):
            return None  # ``◆【…】…``: a brief's head in brackets (`_Segmenter.bracketed_head`)
        # The head ends at a space; the text's first clause mark comes after the head's own (a head
        # may hold a comma: ``■守护冬眠的蝮蛇，高山夫妇—— 2月11日，…``).
        first_gap = re.search("[ \t\u3000]+", line)
        punct = _PROSE_PUNCT_RE.search(line, first_gap.end()) if first_gap else _PROSE_PUNCT_RE.search(line)
        gaps = list(re.finditer("[ \t\u3000]+", line[: punct.start()] if punct else line))
        # The head wrapped: its end, the space and the text open the next line of the block
        # (``▶二〇一九年“读懂中国”广州国际会`` / ``议举行　2019年…``), the head's brackets closed there.
        wrapped_gap = next(
            (
                gap
                for gap in re.finditer(r"[ \t\u3000]+(?=\S)", following[:13])
                if gap.start()
                and not _PROSE_PUNCT_RE.search(following[: gap.start()])
                and _brackets_balance(line + following[: gap.start()])
                and _quotes_closed(line + following[: gap.start()])
            ),
            None,
        )
        # A head holding a half-width space (``■为基层松绑减负 促干部担`` / ``当作为　2019年岁末，…``) wrapped
        # too when no clause mark follows on its line and a full-width space parts it from its text below.
        spaced_wrap = wrapped_gap is not None and "\u3000" in wrapped_gap.group(0) and "\u3000" not in line
        # A head holding a comma (``■下载7元论文先充50元，`` / ``用户诉中国知网　下载…``) wrapped when a
        # full-width space or a wider gap parts it from its text below, no sentence ending on its line.
        wide_gap = wrapped_gap is not None and (
            "\u3000" in wrapped_gap.group(0) or len(wrapped_gap.group(0)) > 1
        )
        held_comma = punct is not None and wide_gap and not _SENTENCE_PUNCT_RE.search(line)
        if (punct is None or held_comma) and wrapped_gap and (not gaps or spaced_wrap):
            head, rest, wrapped = (
                line + following[: wrapped_gap.start()],
                following[wrapped_gap.end() :],
                True,
            )
        elif not gaps:
            return None
        else:
            # The last space outside brackets and quotes (``火神山医院…出院（应收尽收 刻不容缓）``).
            whole = [
                g for g in gaps if _brackets_balance(line[: g.start()]) and _quotes_closed(line[: g.start()])
            ]
            if not whole:
                return None
            head, rest = line[: whole[-1].start()], line[whole[-1].end() :]
    elif bracket := _RUN_IN_BRACKET_RE.match(text):
        head, rest = bracket.group(1), bracket.group(2)
        if rest is None:
            close = following.find("】")
            if close < 0 or close > 20 or "【" in following[:close]:
                return None
            head, rest, wrapped = head + following[:close].strip(), following[close + 1 :], True
            if not _HAN_RE.search(rest):
                return None  # ``【奋进新征程 建功新时代——`` / ``代表委员议国是】``: a label over a headline
        if _SOURCE_TAG_RE.fullmatch(head.strip()) or _EDITORS_NOTE_RE.match(f"【{head}】"):
            return None
    elif separated := _separated_parts(text, following):
        head, rest, wrapped = separated
    else:
        return None
    head, rest = head.strip(), rest.strip()
    if (
        not 3 <= len(head) <= 40
        or len(_HAN_RE.findall(head)) < 3
        or _SENTENCE_PUNCT_RE.search(_QUESTION_HEADLINE_RE.sub("", head))
        or re.search("[，、：:,]$", head)
        or is_byline(head)
        or not _is_headline_like([_Line(0, head, False)])
    ):
        return None
    if bullet and (not re.search(f"[{HAN}0-9]", rest) or re.search("[■●◆▶►★]", rest)):
        return None  # ``●一 二``: no text after the head; ``●及早惠及重点企业 ●全力支持复工复产``: a headline
    if not bullet and not wrapped and not (_HAN_RE.search(rest) or following):
        return None  # ``【关注】`` alone, or a tag over nothing that reads on
    return head, rest, wrapped


# A head run in before a full-width space holds this many characters at least, before a colon this many
# (before a colon and a day's date as few as before a space, before a quotation five).
_SPACED_HEAD_MIN_CHARS = 3
_DATED_HEAD_MIN_CHARS = 3
_COLON_HEAD_MIN_CHARS = 6
_QUOTED_HEAD_MIN_CHARS = 5


# A digest item's head run in before its text after a full-width space or a colon (``标题　正文…``,
# ``标题：正文…``): the text after it opens as a lead does (a date, a dateline, 近日, 记者…).
_RUN_IN_SEPARATOR_RE = re.compile("[\u3000]+|[：:]")
_LEAD_OPENING_RE = re.compile(
    f"^(?:(?:\\d{{4}}年)?\\d{{1,2}}月(?:\\d{{1,2}}日)?|\\d{{1,2}}日|近日|日前|今天|今年|昨天|当地时间|记者|本报|据[{HAN}]{{2,8}}[，,]"
    f"|[{HAN}]{{2,10}}(?:记者|(?:讯|电)(?![{HAN}]))|\\d{{4}}年)"
)
# Words of a lead's reporting no head holds: ``记者从…获悉``, ``据了解``, ``贝尔格莱德消息``, numbered parts.
_REPORTED_HEAD_RE = re.compile("记者|获悉|了解到|本报|消息|讯$|电$|^[一二三四五六七八九十0-9]+[、.．]")
# A head ending on a word of speech or a list's opening is a sentence's subject, not a head: ``他强调：``.
_SPEECH_END_RE = re.compile(
    "(?:说|表示|指出|强调|称|道|问|答|如下|是|为|有|包括|要求|认为|提出|宣布|显示|介绍)$"
)


def _separated_parts(text: str, following: str) -> tuple[str, str, bool] | None:
    """(head, the text after it, whether the head wrapped onto `following`) of a digest item's head run
    in before its text after a full-width space or a colon, or None. The head holds no sentence mark
    and its quotes close; the text after it reads as a lead: it opens as one (a date, a dateline, 近日,
    记者), or, after a full-width space, it goes on as prose, or, after a colon, the head ends on no word
    of speech and the text is a quotation after a head of five characters or more, or the head holds
    no comma and six characters or more. A head the column wrapped ends on the
    next line, before its separator."""
    line, after = text.strip(), following.strip()
    wrapped = False
    found = _RUN_IN_SEPARATOR_RE.search(line)
    if found is not None:
        head, separator, rest = line[: found.start()], found.group(0), line[found.end() :]
    else:
        found = _RUN_IN_SEPARATOR_RE.search(after[:24])
        if found is None or not found.start() or _PROSE_PUNCT_RE.search(after[: found.start()]):
            return None
        head, separator, rest = line + after[: found.start()], found.group(0), after[found.end() :]
        wrapped = True
        if len(head) > 40:
            return None
    if not _brackets_balance(head) or not _quotes_closed(head) or _SENTENCE_PUNCT_RE.search(head):
        return None
    # A separator closing the line has the text open on the next (``…进口博览会：`` / ``商务部…``); a
    # date's digits the column parted from their word read on with it (``…胜利：9`` / ``月30日晚，…``).
    text = rest or ("" if wrapped else after)
    if text.isdigit() and not wrapped:
        text += after
    # A full-width space parts a short head from its text (``家有幽兰　春节期间，…``); a colon after a
    # short name is a kicker's or a speaker's (``辽宁：…``), before a quotation a speaker's name too.
    quoted = "\u3000" not in separator and text.startswith("“")
    shortest = (
        _SPACED_HEAD_MIN_CHARS
        if "\u3000" in separator
        else _QUOTED_HEAD_MIN_CHARS
        if quoted
        else _DATED_HEAD_MIN_CHARS
        if re.match("\\d{1,2}日", text)
        else _COLON_HEAD_MIN_CHARS
    )
    if _LEAD_OPENING_RE.match(head) or _REPORTED_HEAD_RE.search(head) or len(head) < shortest:
        return None  # ``本报讯记者从…获悉：19日…``: a lead's own opening; ``辽宁：…``: a headline's
    if _LEAD_OPENING_RE.match(text):
        return head, rest, wrapped
    if "\u3000" in separator:
        # The text opens with a word, a quotation, a title (``《北京市…》日前发布``) or a number.
        return (head, rest, wrapped) if re.match(f"[{HAN}“《]|[0-9]+[{HAN}]", text) else None
    if _SPEECH_END_RE.search(head):
        return None
    if quoted:
        # A quotation after a head of five characters or more, a comma in it or not, opens the item's
        # text (``特别的陪伴：“带这个箱子去吧…``, ``永葆初心本色，书写…新篇章：“我们党…``).
        return head, rest, wrapped
    if "，" in head:
        return None
    # The text opens with a word or a number read with its word (``…揭晓：2019中国金球奖…``).
    return (head, rest, wrapped) if re.match(f"[{HAN}]|[0-9]+[{HAN}]", text) else None


# An editor's mark on a line of its own: ``责编：王某``, ``编辑：王某  校对：李某``, ``（责任编辑：王某）``,
# ``（编辑 王某 校对 李某）``; the names one to three, each two to four characters.
_EDITOR_NAMES = "[\u4e00-\u9fff·]{2,4}(?:[ \t\u3000、，,]+[\u4e00-\u9fff·]{2,4}){0,2}"
_EDITOR_ROLES = "(?:责任编辑|责编|编辑|校对|美编|版式|审校)"
_EDITOR_MARK_BODY = (
    f"(?:责任编辑|责编|编辑)[ \t\u3000]*[：:]?[ \t\u3000]*{_EDITOR_NAMES}"
    f"(?:[ \t\u3000]+{_EDITOR_ROLES}[ \t\u3000]*[：:]?[ \t\u3000]*{_EDITOR_NAMES})*"
)
_EDITOR_MARK_RE = re.compile(f"^[ \t\u3000]*[（(]?{_EDITOR_MARK_BODY}[）)]?[ \t\u3000]*$")
# The mark in brackets after the story's last sentence, on its line: ``…作出更大贡献。（编辑 冯艳）``.
_EDITOR_MARK_RUN_ON_RE = re.compile(
    f"^(.*[{_SENTENCE_END}”’」』）)])[ \t\u3000]*[（(]{_EDITOR_MARK_BODY}[）)][ \t\u3000]*$"
)


# A strip heading: a section's name papers repeat (``国内``, ``财经新闻``, ``社会·民生``), bare or set off
# (``【国际】``, ``■社会``, ``——财经——``); a rule line under it (``──────``).
_STRIP_NAMES = "(?:国内|国际|社会|民生|经济|财经|科技|文化|体育|教育|健康|法治|综合|时政|军事|环球|地方|三农)"
# A column of briefs' heading: ``体坛快讯``, ``【体坛速递】``, ``■体育简讯``, ``快讯``.
_BRIEFS_NAME = f"(?:{_STRIP_NAMES}|体坛)?(?:快讯|速递|简讯|短讯)"
_BRIEFS_NAME_RE = re.compile(_BRIEFS_NAME)
_STRIP_NAME = f"(?:{_BRIEFS_NAME}|{_STRIP_NAMES}(?:新闻|动态|资讯)?(?:·{_STRIP_NAMES})?)"
_STRIP_HEADING_RE = re.compile(
    f"^[ \t\u3000]*(?:{_STRIP_NAME}|【{_STRIP_NAME}】|[■●◆▶]{_STRIP_NAME}|——{_STRIP_NAME}——)[ \t\u3000]*$"
)
_RULE_LINE_RE = re.compile("^[ \t\u3000]*[─━—＝=＿_~～-]{4,}[ \t\u3000]*$")

# A digest item's source: ``（据新华社电）``, ``（据新华社）``, ``（摘自《光明日报》）``, ``（来源：人民网）``,
# ``（新华社/文）``, or ``——据《新京报》报道`` (`_Segmenter.source_mark`).
_SOURCE_MARK_BODY = (
    f"(?:[（(](?:据[{HAN}]{{2,8}}(?:电|报道|消息)?|摘自《[^《》]{{2,16}}》|来源[：:][{HAN}]{{2,10}}"
    f"|[{HAN}]{{2,8}}/文)[）)]|——据(?:《[^《》]{{2,16}}》|[{HAN}]{{2,8}})报道)"
)
_SOURCE_MARK_RE = re.compile(f"^[ \t\u3000]*{_SOURCE_MARK_BODY}[ \t\u3000]*$")
_SOURCE_MARK_RUN_ON_RE = re.compile(
    f"^(.*[{_SENTENCE_END}][{_CLOSERS}]*)[ \t\u3000]*{_SOURCE_MARK_BODY}[ \t\u3000]*$"
)


# The tail of a head wrapped onto its own line, ending in a dash that leads to the text: words, names
# and numbers, no clause mark (``原党支部书记廷·巴特尔——``).
_DASH_TAIL_RE = re.compile(f"[{HAN}A-Za-z0-9·“”]{{2,20}}——")


# A page printing this many items' sources is a page of items from its first line.
_ITEMS_PAGE_SOURCES = 2


def _prints_items_sources(lines: list[_Line]) -> bool:
    """Whether the page prints items' sources (``（据新华社电）``, ``——据《新京报》报道``) under several of
    its items: a digest page, whose items are items from its first one, before any source is read."""
    sources = sum(
        1 for line in lines if _SOURCE_MARK_RE.match(line.text) or _SOURCE_MARK_RUN_ON_RE.match(line.text)
    )
    return sources >= _ITEMS_PAGE_SOURCES


def _closed_by_its_source(group: list[_Line]) -> bool:
    """Whether a block ends with a digest item's source on a line of its own under a sentence's end
    (``…在田中劳作。`` / ``（来源：中新社）``): an item, on a page of items, though none was read above."""
    return len(group) >= 2 and bool(_SOURCE_MARK_RE.match(group[-1].text)) and _ends_sentence(group[-2:-1])


def _after_source_mark(group: list[_Line]) -> int | None:
    """The index of the line after a digest item's source inside a block, text above it: after its
    last sentence (``…仪式。（据新华社电）``) or on a line of its own under a line ending a sentence; None
    when no source stands before the block's last line."""
    for index, line in enumerate(group[:-1]):
        if _SOURCE_MARK_RUN_ON_RE.match(line.text):
            return index + 1
        if index and _SOURCE_MARK_RE.match(line.text) and _ends_sentence(group[index - 1 : index]):
            return index + 1
    return None


def _banner_over_headline(lines: list[_Line], position: int) -> bool:
    """A banner and its ``——`` line over a page's first headline: a block of a line and a ``——…`` line
    at the top, another block of headline lines under it, then a byline, a dateline or text. A
    headline's subtitle stands under its own main line, never over another headline."""
    block = lines[position : position + 2]
    if len(block) < 2 or not lines[position].blank_before and position:
        return False
    if not block[1].text.strip().startswith("——") or block[1].blank_before:
        return False
    under = lines[position + 2 : position + 2 + _HEADLINE_MAX_LINES + 1]
    if not under or not under[0].blank_before:
        return False
    head = [under[0]]
    for line in under[1:]:
        if line.blank_before:
            break
        head.append(line)
    if any(_PROSE_PUNCT_RE.search(x.text) or is_byline(x.text) or _DATELINE_RE.match(x.text) for x in head):
        return False
    return _is_headline_like(head) and not _CAPTION_RE.match(head[0].text)


# A section's name and the page's number set apart by spaces: ``文摘  04``, ``新闻集锦  15``.
_SECTION_PAGE_RE = re.compile(f"^[ \t\u3000]*[{HAN}·]{{2,8}}[ \t\u3000]+[0-9]{{1,2}}[ \t\u3000]*$")


def _masthead_lines(lines: list[_Line]) -> set[int]:
    """Line numbers of the masthead (paper name, date, weekday, page number and section), at the top of
    the page or standing alone elsewhere (an OCR engine may read the masthead after a story block)."""
    out: set[int] = set()
    after_page_number = False
    for position, line in enumerate(lines):
        text = _MULTI_SPACE_RE.sub("", line.text)
        top = position < _MASTHEAD_REACH and not any(_PROSE_PUNCT_RE.search(x.text) for x in lines[:position])
        if not text:
            continue
        mark = False
        if (_paper_name(line.text) and (top or line.blank_before)) or (top and is_county_paper_name(text)):
            mark = True
        elif _MAST_DATE_RE.match(text) and (top or "星期" in text) and re.search("[0-9星周]", text):
            mark = True
        elif (top and _BARE_PAGE_CODE_RE.match(text)) or (
            _PAGE_NUMBER_RE.match(text)
            and len(text) <= 12
            and not _PROSE_PUNCT_RE.search(text)
            and not _closes_a_bracket(text)
        ):
            mark = True
            # The section under the page number (``第4版`` / ``要闻``), unless printed beside it
            # (``第2版 体育``, garbled ``第6版经``): then a short line under it is a headline.
            page_number = _PAGE_NUMBER_RE.search(text)
            after_page_number = not (page_number and re.search(f"[{HAN}]", text[page_number.end() :]))
            out.add(line.number)
            continue
        elif after_page_number and _SECTION_RE.match(text) and (top or line.blank_before):
            mark = True
        elif top and _SECTION_PAGE_RE.match(line.text) and position and lines[position - 1].number in out:
            # A page strip's section and page number under its date (``2020年1月18日  星期六`` /
            # ``文摘  04``).
            mark = True
        elif top and _masthead_items(line.text):
            mark = True
        elif top and (
            _BANNER_RE.match(text)
            or (
                text.startswith("——")
                and not line.blank_before
                and position
                and lines[position - 1].number in out
            )
            or _banner_over_headline(lines, position)
        ):
            # A special page's banner over the whole page (``【专题】推动高质量发展``, ``特别策划``) and the
            # line under it (``——记者蹲点见闻``): no story's headline.
            mark = True
        after_page_number = False
        if mark:
            out.add(line.number)
    return out


# A caption block between stories: at most this many lines and characters before its credit, which
# closes a sentence: ``…合影留念。  新华社记者 王某 摄``.
_CAPTION_MAX_LINES = 4


_CAPTION_MAX_CHARS = 90


_CAPTION_CREDIT_RE = re.compile(
    f"(?<=[。！？”’）)])[ \t\u3000]*(?:(?:新华社记者|本报记者|记者|通讯员|摄影|新华社发)?[ \t\u3000]*"
    f"[{HAN}·]{{2,5}}(?:[ \t\u3000、][{HAN}·]{{2,5}})?[ \t\u3000]*摄(?:[ \t\u3000]*[（(][{HAN}]{{2,8}}[）)])?"
    # An agency's photo with no photographer named, or named after it: ``（新华社发）``, ``新华社发``.
    f"|[（(][ \t\u3000]*新华社发(?:[ \t\u3000]*[{HAN}·]{{2,5}}[ \t\u3000]*摄)?[ \t\u3000]*[）)]|新华社发)[ \t\u3000]*$"
)


# A caption opening with the day the photo was taken (``1月12日，…``): a caption set inside a story's
# columns may stand where the story's sentence breaks off.
_DATED_CAPTION_RE = re.compile("^[ \t\u3000]*(?:当地时间)?[0-9]{1,2}月[0-9]{1,2}日(?:[上下晚]午|晚)?，")


def _masthead_items(text: str) -> bool:
    """A line at the top of the page holding only masthead items apart by wide spaces: the paper's name
    (spaced or not, ``大 众 日 报``), the organ it speaks for (``中共河北省委机关报``), its issue number
    (``第21057号``), page furniture (date, ``今日16版``), or the section last after the paper's name."""
    parts = [p for p in re.split("[ \t\u3000]{2,}", text.strip()) if p]
    named = [part for part in parts if _PAPER_NAME_RE.match(re.sub(r"\s+", "", part))]
    # Beside the paper's name, the page's section (``人民日报  体育新闻``).
    return bool(parts) and all(
        part in named
        or is_masthead_item(part)
        or is_page_furniture(part)
        or (named and part is parts[-1] and _SECTION_RE.match(part))
        for part in parts
    )


def _ends_sentence(lines: list[_Line]) -> bool:
    """Whether the text ends a sentence: a sentence mark, or a note in brackets that began a line."""
    if not lines:
        return False
    if _FINAL_RE.search(lines[-1].text.strip()):
        return True
    if len(lines) > 1 and _AGENCY_CREDIT_RE.match(lines[-1].text):
        return _ends_sentence(lines[:-1])  # a photo's credit under the text it credits
    if not lines[-1].text.rstrip().endswith(("）", ")")):
        return False
    note = ""
    for line in reversed(lines[-_NOTE_LINES:]):
        note = line.text.strip() + note
        if note.startswith(("（", "(")):
            # A name in brackets may stand inside the note (``（作者为中央党校（国家行政学院）研究员）``).
            return bool(re.fullmatch("[（(](?:[^（()）]|[（(][^（()）]{1,20}[）)]){2,80}[）)]", note))
    return False


def _ended_by_a_note(lines: list[_Line]) -> bool:
    """Whether a story's text ends with a closing note in brackets on its own line under a sentence's
    end (``…致富奔小康。`` / ``（综合本报和新华社电）``): its last line; a bulleted head after it opens the
    next story, no sub-heading of it."""
    if len(lines) < 2:
        return False
    note = lines[-1].text
    return bool(
        _CLOSING_NOTE_RE.match(note)
        and re.search("[）)][ \t\u3000]*$", note)
        and _ends_sentence(lines[-2:-1])
    )


def _brackets_balance(text: str) -> bool:
    """Whether every bracket the line opens it closes: half of a wrapped note (``（本报伊斯兰堡10月23日``
    / ``电）``) is no headline."""
    return text.count("（") == text.count("）") and text.count("(") == text.count(")")


def _text_follows(group: list[_Line], index: int) -> bool:
    """Whether the line at `index` is followed, in its block, by story text: the byline there is printed
    before its story's text (``本报记者  王珏`` over the lead), not after the story above. Text is a
    dateline, prose, a paragraph's indented first line, or lines set to the body's measure (a lead
    whose first sentence runs past two lines carries no sentence mark there)."""
    rest = group[index + 1 : index + 3]
    if not rest:
        return False
    if _DATELINE_RE.match(rest[0].text):
        return True  # ``本报记者  刘  毅`` / ``据新华社电  （记者…）``: a dateline opens the story under it
    if not _is_headline_like(rest) and len(_HAN_RE.findall("".join(x.text for x in rest))) >= 12:
        return True
    if _INDENT_RE.match(rest[0].text) or _is_body_fragment(group[index + 1 : index + 4]):
        return True
    # More lines than a headline has, with a story's worth of text: a lead, whatever its first lines.
    block = group[index + 1 :]
    return len(block) > _HEADLINE_MAX_LINES and _opens_story(block)


def _dateline_alone(story: _Story) -> bool:
    """A story so far made of a dateline that fills its line (``新华社北京7月26日电``)."""
    if len(story.lines) != 1:
        return False
    match = _DATELINE_RE.match(story.lines[0].text)
    return match is not None and not story.lines[0].text[match.end() :].strip()


def _byline_text(text: str) -> str:
    """A byline as stored: spaces collapsed, brackets around it removed."""
    text = _MULTI_SPACE_RE.sub(" ", text.strip().lstrip(_BYLINE_ORNAMENT).strip())
    return text[1:-1].strip() if text[:1] in "（(" and text[-1:] in "）)" else text


def _starts_next_story(
    groups: list[list[_Line]], index: int, column: float, *, short_paragraph: bool = False
) -> bool:
    """Whether the group at `index` is a headline (with perhaps more headline groups after it) printed
    between a story that has just ended a sentence and the text of the next story.

    A headline carries no sentence punctuation, has at most a few lines and is not set as full body
    lines; the next story's text is prose, a dateline or a byline printed before the text.
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
    """A short block right over a byline or a dateline that opens a story: its headline, though its
    lines carry a comma each or an exclamation inside (``盲目补钙，多药共服`` / ``这些用药误区，你知道吗``
    over ``■记者 梁洋宇``; ``强寒潮来袭！雨雪天气上线`` / ``农业农村部部署农业生产防御``). Text cut off
    by a column break is set to the column's measure, and the text closing a story ends a sentence."""
    group = groups[index]
    if index + 1 >= len(groups) or len(group) > _QUESTION_HEADLINE_LINES + 1:
        return False
    first = groups[index + 1][0].text.strip()
    if not (_DATELINE_RE.match(first) or (is_byline(first) and not first.endswith("摄"))):
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


# A line that is one lenticular bracket: ``【格兰仕发布家电物联网芯片】``.
_WHOLE_BRACKET_RE = re.compile("【([^【】]+)】")


# A digest item's head alone over its lead holds this many Han characters at least (``腊月``).
_ITEM_HEAD_MIN_CHARS = 2


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


def _paragraph_opening_cut(groups: list[list[_Line]], index: int, column: float) -> str:
    """Whether the one-line group at `index` is a paragraph's first line that a column break cut off,
    not a headline: as wide as an indented first line or the full measure (no wider), ending inside a
    word, and the next block goes on from it on a full line, the characters across the seam read
    elsewhere on the page (``王毅感谢韩方愿向中方提供必要帮`` / ``助，强调中方将继续…``) or forming a
    common word of jieba's dictionary (``…310万户退耕农`` / ``户获得钱粮补助…``: ``农户``).
    A block of a few such lines is one too when every line after its first is set to the full measure
    and none ends a sentence (``印度通用图书公司过去十多年来`` / ``一直致力于在印度推广中国图书和中``
    over ``国文化。该公司…``): a headline's lines are not all set as a paragraph's.
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
    width = _cells(_MULTI_SPACE_RE.sub("", group[0].text))
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
    if len(group) > _HEADLINE_MAX_LINES or not _is_headline_like(group) or _is_body_fragment(group):
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
    return len(group) == 1 or not all(abs(w - column) <= 1.0 for w in widths)


def _cut_at_a_comma(group: list[_Line], column: float) -> bool:
    """A line with a comma in it, set to the column's measure: a body line cut off by column breaks
    (``马正其说，现在"双随机"规定每``), never a headline, unless set wider than the column, with a column
    label, or clearly short (`_wide_or_labelled`)."""
    return any(
        _COMMA_RE.search(line.text)
        and not _wide_or_labelled(line.text, column)
        and not (k > 0 and group[k - 1].text.rstrip().endswith("——"))
        for k, line in enumerate(group)
    )


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


def _han_pairs(text: str) -> set[str]:
    """The pairs of Han characters next to each other in a text."""
    return {a + b for a, b in zip(text, text[1:], strict=False) if _HAN_RE.match(a) and _HAN_RE.match(b)}


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


def _pairs(text: str) -> set[str]:
    """Character pairs of the Han (and alphanumeric) runs of a text."""
    pairs: set[str] = set()
    for run in re.findall(f"[{HAN}A-Za-z0-9]+", text):
        pairs.update(run[i : i + 2] for i in range(len(run) - 1))
    return pairs
