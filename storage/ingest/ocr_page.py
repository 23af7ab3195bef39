"""Turn the OCR text of one multi-column newspaper page into articles.

The page is a run of lines as the OCR read them, column by column:

- body lines wrap at the column width (about 17 Han characters), splitting words;
- a blank line either ends a paragraph or is a column break in mid-sentence;
- each story opens with a dateline (``本报讯 4月 4日，…``) and usually closes with a byline
  (``记者 景静 通讯员 左学彬 周祎``), sometimes on the story's last line (``…事业发展。记者 景静``);
- headlines (kicker, title, subtitle over two or three lines) are not next to their stories: they stand
  before a story, after it, or a story or two away;
- the page's running header or footer (``2023年4月14日 星期五 编辑 王磊``, ``第2版 综合新闻``) dates
  ``近日`` stories but is no headline;
- the column may wrap inside a dateline (``本报讯（记者 李娜 通讯员 张`` / ``伟）4月 12日，``), inside a
  number (``99.`` / ``2%``) or an English word (``A`` / ``PP``); some OCR keeps paragraph indents;
  columns differ in width from page to page and a lead story may run wider than the rest.

`parse_page` is pure: text in, `ParsedArticle`s out. Headlines are given to stories by what they say
(headlines reuse their story's phrases), with page position only breaking near-ties.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from storage.ingest.page_county import (
    brief_number,
    is_ad_box,
    is_county_furniture,
    is_county_paper_name,
    is_picture_label,
    number_mark,
    photographer_credit,
    supplied_credit,
)
from storage.ingest.page_fragments import Fragment, Move, plan_joins, plan_moves, plan_seams, word_across
from storage.ingest.page_headlines import HeadlineGroup, match_headlines
from storage.models import ParsedArticle
from storage.text.segment import cut as words_of

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")
# Characters between which a space is never meaningful in Chinese prose: Han, CJK punctuation, digits.
_TIGHT = f"{HAN}0-9\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
_STRAY_SPACE_RE = re.compile(f"(?<=[{_TIGHT}])[ \t\u3000\u00a0]+(?=[{_TIGHT}])")
# Between digits, and inside a decimal number after its point (`PM2. 5` → `PM2.5`): Chinese prose ends
# sentences with `。`, so an ASCII point between digits is always a decimal point.
_DIGIT_SPACE_RE = re.compile("(?<=[0-9])[ \t\u3000\u00a0]+(?=[0-9])|(?<=[0-9]\\.)[ \t\u3000\u00a0]+(?=[0-9])")
# Leading indent the OCR kept: a full-width space, or two or more ASCII spaces / a tab.
_INDENT_RE = re.compile("^(?:\u3000|[ \u00a0]{2,}|\t)")
_MULTI_SPACE_RE = re.compile(r"[ \t\u3000\u00a0]+")

_SENTENCE_END = "。！？!?…"
_CLOSERS = "”’」』）)》〉】"
_SOFT_END = "；：;:"
# A sentence end, or a whole line in brackets closing a story (``（本报罗马2月13日电）``, ``（作者为…）``).
_FINAL_RE = re.compile(f"[{_SENTENCE_END}][{_CLOSERS}]*$|^[ \t\u3000]*[（(][^（()）]{{2,40}}[）)]$")
# A clause end, or a dash leading into what follows (``…写的一段话——`` over a quote).
_SOFT_FINAL_RE = re.compile(f"(?:[{_SOFT_END}]|——)[{_CLOSERS}]*$")
# Punctuation that headlines practically never carry but prose always does.
_PROSE_PUNCT_RE = re.compile("[，。；！？：,;]")

# Datelines: 本报讯, 本报4月4日讯, 本报郑州4月4日电, 新华社北京4月4日电, 据新华社电, 中新网4月4日电,
# 央视网消息, optionally with a parenthesised byline.
# The date's digits may be lost by the OCR (``本报北京1月 日电``): the dateline is one all the same.
# A place of more than six characters (``柬埔寨西哈努克港``, ``布宜诺斯艾利斯``) only with its date.
_PLACE_AND_DATE = (
    r"(?:[\u4e00-\u9fff]{0,6}?\s*(?:\d{0,2}\s*月\s*\d{0,2}\s*日)?"
    r"|[\u4e00-\u9fff]{7,10}?\s*\d{0,2}\s*月\s*\d{0,2}\s*日)\s*"
)
_DATELINE_RE = re.compile(
    rf"^\s*(本报讯|本报{_PLACE_AND_DATE}[电讯]|据?新华社{_PLACE_AND_DATE}电"
    # A city paper's own: ``晚报讯``, ``新京报讯``, ``扬子晚报讯``, then its reporters, a space or the date.
    rf"|[\u4e00-\u9fff]{{1,5}}报讯(?=[\s（(0-9]|$)"
    rf"|据?(?:中新社|中新网|人民网|央视网|新华网){_PLACE_AND_DATE}电|央视网消息|新华网消息)"
    # The reporters in brackets; an OCR engine may put a stray quote mark before them (``电 ”(记者…)``).
    r"(?:[\s”“\"'’]*[（(]([^）)]{1,40})[）)])?"
)
# A line ending in a dateline (``…据新华社东京2月24日电``): its reporters in brackets may follow.
_DATELINE_END_RE = re.compile(rf"(?:本报|新华社|中新社){_PLACE_AND_DATE}电\s*$")
_DATE_IN_DATELINE_RE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_RELATIVE_DAYS = {"近日": 0, "日前": 0, "今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2}
_PAGE_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A city paper's header prints the date with dots (``2019.10.28  星期一``), some with dashes or slashes.
_DOTTED_DATE_RE = re.compile(r"(?<![0-9.])(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![0-9.])")
# Page furniture: the running header or footer (date and weekday, page number, section, editors' credits).
_WEEKDAY_RE = re.compile("星期[一二三四五六日天]|周[一二三四五六日]")
_PAGE_NUMBER_RE = re.compile(
    r"第\s*[0-9一二三四五六七八九十]{1,3}\s*版|(?:^|\s)[A-Za-z]?\d{1,2}\s*版(?:\s|$)"
)
# A page number as a city or provincial paper's header prints it, before its section: ``A05  城事``,
# ``08  综合新闻`` (a letter and two digits, or two digits; a space before the section). A number read
# with its unit (``10 月份``, ``12 名``) is text.
_PAGE_CODE_RE = re.compile(
    f"^[ \t\u3000]*(?:[A-Z]\\d{{2}}|\\d{{2}})[ \t\u3000]+(?![月日年时点岁个名万亿元家次号])"
    f"[{HAN}·]{{1,8}}(?:[ \t\u3000]|$)"
)
# A note pointing the reader to another page (``（相关报道见第四版）``, ``（讲话全文见第三版）``): text of the
# story it closes, printed in brackets after its sentence.
_REFERENCE_NOTE_RE = re.compile(
    r"^[ \t\u3000]*[（(][^（()）]{0,16}见第?\s*[0-9一二三四五六七八九十]{1,3}\s*版[）)][ \t\u3000]*$"
)
_EDITOR_ROLES = "责任编辑|责编|编辑|校对|美编|审读|版式设计|版式|制图"
# The credit may stand in brackets after a wire story's end mark, with a colon: ``【编辑:张子怡】``,
# ``（责任编辑：王某）`` (``（编辑手记）`` closing a headline is no credit).
_EDITOR_CREDIT_RE = re.compile(
    f"(?:^|\\s)(?:本版)?(?:{_EDITOR_ROLES})\\s*[:：]?\\s*[{HAN}]{{2,4}}(?:\\s|$)"
    f"|[【（(\\[](?:本版)?(?:{_EDITOR_ROLES})\\s*[:：]\\s*[{HAN}]{{2,4}}\\s*[】）)\\]]"
)

_REPORTER_ROLES = (
    "本报记者",
    # A city paper names its own reporters after the paper's kind (``晚报记者 王某``, ``晨报记者 李某``).
    "晚报记者",
    "晨报记者",
    "快报记者",
    "商报记者",
    "都市报记者",
    "本报见习记者",
    "本报实习生",
    "新华社记者",
    "融媒体记者",
    "见习记者",
    "特约记者",
    "首席记者",
    "摄影记者",
    "记者",
    "实习生",
    "摄影",
    "文/图",
    "图/文",
    "文图",
    "文",
    "图",
)
_CORRESPONDENT_ROLES = ("本报通讯员", "特约通讯员", "通讯员")
# 文 and 图 alone are roles only with a colon (``文：李娜``), never as a word of prose.
_ROLE = "|".join(
    r.replace("/", r"\s*/\s*") + ("(?=[:：])" if r in ("文", "图") else "")
    for r in sorted(_REPORTER_ROLES + _CORRESPONDENT_ROLES, key=len, reverse=True)
)
# A two-character name may be padded to three cells (``李  婕``): one name, not two.
_NAME = f"(?:[{HAN}][ \t\u3000]{{1,3}}[{HAN}](?![{HAN}·])|[{HAN}][{HAN}·]{{1,4}})"
# A name list ends before 摄 / 报道 (``记者 景静 摄``, ``记者 景静 报道``).
_NAMES = f"(?!(?:摄|报道)(?:$|[ \t\u3000）)]))(?:{_NAME})(?:[ \t\u3000、]+(?!(?:摄|报道)(?:$|[ \t\u3000）)])){_NAME})*"
# A credit after the names: ``摄``, ``报道``, or ``文/图`` (the reporter wrote the text and took the photos).
_CREDIT = "(?:[ \t\u3000]*(?:摄|报道|文\\s*/\\s*图|图\\s*/\\s*文))?"
_ONE_BYLINE = f"(?:{_ROLE})[ \t\u3000:：]*{_NAMES}{_CREDIT}"
_BYLINE_BODY = f"{_ONE_BYLINE}(?:[ \t\u3000，,、]*{_ONE_BYLINE})*"
_BYLINE = f"(?:[（(]\\s*{_BYLINE_BODY}\\s*[）)]|{_BYLINE_BODY})"
# A byline on a line of its own; city papers set a square or a diamond before it (``□记者 王某``).
_BYLINE_ORNAMENT = "□■◇◆◎★"
_BYLINE_RE = re.compile(f"^[ \t\u3000]*(?:[{_BYLINE_ORNAMENT}][ \t\u3000]*)?({_BYLINE})[ \t\u3000]*$")
_INLINE_BYLINE_RE = re.compile(f"^(.*[{_SENTENCE_END}][{_CLOSERS}]*)[ \t\u3000]*({_BYLINE})[ \t\u3000]*$")
_ROLE_TOKEN_RE = re.compile(f"({_ROLE})")
# End marks of wire-style stories, and what may follow them on the line: ``(完)``, ``（完）`` and
# ``【完】``, then perhaps the byline (``…处罚。(完)记者 范宇斌``).
_END_MARK_RE = re.compile(
    f"^(.*?)[ \t\u3000]*[（(【〔][ \t\u3000]*完[ \t\u3000]*[）)】〕][ \t\u3000]*({_BYLINE})?[ \t\u3000]*$"
)
# The rest of a byline's names (and credit), not a headline.
_MORE_NAMES_RE = re.compile(f"^[ \t\u3000]*{_NAMES}{_CREDIT}[ \t\u3000]*$")
# An end mark and byline the OCR ran together with the next headline on one line:
# ``(完)记者 洪坚鹏 海南高新技术企业 连续三年大幅增长``.
_END_MARK_RUN_ON_RE = re.compile(
    f"^(.*?)[ \t\u3000]*[（(【〔][ \t\u3000]*完[ \t\u3000]*[）)】〕][ \t\u3000]*({_BYLINE})[ \t\u3000]+(\\S.*)$"
)
# Jump lines: a story continued on another page, or continued from one.
_JUMP = "[（(][ \t\u3000]*(?:下转|上接|转|接|续)[ \t\u3000]*(?:第?[0-9０-９一二三四五六七八九十A-Za-z]{1,3}[版面]|[^）)]{1,8}版)[ \t\u3000]*[）)]"
_JUMP_ANY_RE = re.compile(_JUMP)
# A jump line alone on its line may go without brackets (``下转第4版``, ``▶上接A01版``).
_BARE_JUMP = "[▶►]?[ \t\u3000]*(?:下转|上接)[ \t\u3000]*第?[ \t\u3000]*[0-9０-９一二三四五六七八九十A-Za-z]{1,3}[ \t\u3000]*[版面]"
_JUMP_LINE_RE = re.compile(f"^[ \t\u3000]*(?:{_JUMP}|{_BARE_JUMP})[ \t\u3000]*$")
_TRAILING_JUMP_RE = re.compile(f"^(.*?)[ \t\u3000]*({_JUMP})[ \t\u3000]*$")
_LEADING_JUMP_RE = re.compile(f"^[ \t\u3000]*({_JUMP})[ \t\u3000]*(.+)$")
# A photo caption: ``图为…``, ``上图：…``, ``▲…``, ``图①…``; its credit ``本报记者 景静 摄``.
_CAPTION_RE = re.compile("^[ \t\u3000]*(?:图为|上图|下图|左图|右图|图片说明|▲|△|图[①-⑩0-9１-９])")
_PHOTO_CREDIT_RE = re.compile(f"^[ \t\u3000]*(?:{_BYLINE_BODY})[ \t\u3000]*$")

# How far below the column width a line may end and still count as full.
_SHORT_MARGIN = 1.5
# Half a cell: the slack allowed around a line's expected width.
_HALF_CELL = 0.5
_DEFAULT_COLUMN_WIDTH = 17.0
# A paragraph's first line is indented by two cells in print.
_INDENT_CELLS = 2.0


@dataclass
class _Line:
    number: int  # 1-based line number in the file
    text: str  # without trailing whitespace
    blank_before: bool


@dataclass
class _Story:
    lines: list[_Line] = field(default_factory=list)
    byline: str | None = None
    dateline_byline: str | None = None
    headline_groups: list[list[_Line]] = field(default_factory=list)
    closed_by_byline: bool = False  # its byline after its text closed it
    ended: bool = False  # an end mark or a jump line closed its text; only a byline may follow


def display_width(text: str) -> float:
    """Width in Han-character cells: ASCII counts half, everything else one."""
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


def clean_prose(text: str) -> str:
    """Remove the spaces OCR puts between Han characters, punctuation and digits (`4月 4日` → `4月4日`).

    A space between two phrases of a quoted title stays: ``《关于进一步保障和改善民生 着力解决…》``,
    ``“名城绍兴 越来越好”`` (inside 《》 or “”, with two or more Han characters on either side).
    """
    text = _QUOTED_SPACE_RE.sub(lambda m: _KEPT_SPACE if _inside_quotes(text, m.start()) else m[0], text)
    text = _STRAY_SPACE_RE.sub("", text)
    text = _DIGIT_SPACE_RE.sub("", text)
    return _MULTI_SPACE_RE.sub(" ", text).strip().replace(_KEPT_SPACE, " ")


_QUOTED_SPACE_RE = re.compile(f"(?<=[{HAN}]{{2}})[ \u3000]+(?=[{HAN}]{{2}})")
_KEPT_SPACE = "\ue000"  # a private-use character standing for a space that stays


def _inside_quotes(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("《") > before.count("》") or before.count("“") > before.count("”")


def clean_headline_line(text: str) -> str:
    """Headlines keep deliberate spaces between phrases, but lose them next to digits and inside quotes.

    A space after a closing quote stands between two phrases (``社区“微更新” 居民幸福感“满格”``) and is
    kept; one just inside the quotes, next to a digit, a middle dot or before a comma is the OCR's.
    """
    text = _MULTI_SPACE_RE.sub(" ", text).strip()
    return re.sub(
        f"(?<=[0-9“‘《（(·])\\s+(?=[{HAN}0-9])|(?<=[{HAN}0-9])\\s+(?=[0-9{_CLOSERS}“‘·，、])",
        "",
        text,
    )


def is_page_furniture(line: str) -> bool:
    """A page header or footer line: ``2023年4月14日 星期五 编辑 王磊``, ``第2版 综合新闻``.

    Such a line carries no prose punctuation and at least one sure mark of furniture: a full date with
    its weekday, a page number (``第2版``, ``A2版``) or an editor's credit with a space after the role.
    """
    text = line.strip()
    if is_county_furniture(text):
        return True  # a county paper's issue number, 农历 date, 主办/出版 line, licence or hotline
    # An editor's credit carries a colon (``责任编辑：王磊``); it is no prose punctuation.
    bare = re.sub(f"({_EDITOR_ROLES})[:：]", r"\1 ", text)
    if (
        not text
        or len(text) > 48
        or _PROSE_PUNCT_RE.search(bare)
        or _JUMP_ANY_RE.search(text)
        or _JUMP_LINE_RE.match(text)
    ):
        return False  # prose, or a jump line (``（上接第三版）…`` names a page too)
    if _REFERENCE_NOTE_RE.match(text):
        return False  # ``（相关报道见第四版）``: a note in the story's text naming another page
    if _closes_a_bracket(text):
        return False  # ``第四版）``: the end of a note in brackets the column wrapped
    dated = bool((_PAGE_DATE_RE.search(text) or _DOTTED_DATE_RE.search(text)) and _WEEKDAY_RE.search(text))
    numbered = bool(_PAGE_NUMBER_RE.search(text) or _PAGE_CODE_RE.match(text))
    return dated or numbered or bool(_EDITOR_CREDIT_RE.search(text))


def _closes_a_bracket(text: str) -> bool:
    """Whether a line closes a bracket it did not open: the tail of a note the column wrapped."""
    return text.count("）") > text.count("（") or text.count(")") > text.count("(")


def is_byline(line: str) -> bool:
    return bool(_BYLINE_RE.match(line))


def parse_byline(byline: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a byline into (reporters, correspondents): ``记者 景静 通讯员 左学彬 周祎``."""
    reporters: list[str] = []
    correspondents: list[str] = []
    target = reporters
    byline = byline.strip().lstrip(_BYLINE_ORNAMENT).strip().strip("（）()")
    for piece in _ROLE_TOKEN_RE.split(byline):
        piece = piece.strip(" \t\u3000:：")
        if not piece:
            continue
        if piece in _CORRESPONDENT_ROLES:
            target = correspondents
        elif piece in _REPORTER_ROLES:
            target = reporters
        else:
            for name in _padded_names(re.split("[ \t\u3000、，,]+", piece)):
                if name in ("摄", "报道") or re.fullmatch("文/图|图/文", name):
                    continue
                if name and name not in target:
                    target.append(name)
    return tuple(reporters), tuple(correspondents)


def _padded_names(pieces: list[str]) -> list[str]:
    """Names split at spaces, a padded two-character name (``李``, ``婕``) joined again."""
    out: list[str] = []
    for piece in pieces:
        if len(piece) == 1 and out and len(out[-1]) == 1 and _HAN_RE.match(piece) and _HAN_RE.match(out[-1]):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def parse_dateline_date(first_line: str, *, year: int | None, page_date: str | None) -> str | None:
    """The story's date from its dateline: month/day plus the page's year; relative words need the page date.

    `first_line` is the story's opening text (its first lines joined, so that a date the column
    wrapped, ``4月17`` / ``日，``, is whole). The date is the one in the dateline itself
    (``本报郑州4月4日电``) or in the lead's first clause (``本报讯 4月 4日上午，``), never one further on.
    """
    match = _DATELINE_RE.match(first_line)
    head = first_line[match.end() :] if match else first_line
    head = re.split("[，。,]", clean_prose(head[:40]), maxsplit=1)[0][:24]
    found = _DATE_IN_DATELINE_RE.search(match.group(1)) if match else None
    found = found or _DATE_IN_DATELINE_RE.search(head)
    page = date.fromisoformat(page_date) if page_date else None
    if found:
        month, day = int(found.group(2)), int(found.group(3))
        story_year = int(found.group(1)) if found.group(1) else (year or (page.year if page else None))
        if story_year is None:
            return None
        if page and not found.group(1) and (month, day) > (page.month, page.day):
            story_year = page.year - 1  # a December story on a January page
        try:
            return date(story_year, month, day).isoformat()
        except ValueError:
            return None
    if page:
        lost = _MONTH_LOST_RE.search(match.group(1)) if match else None
        lost = lost or _MONTH_LOST_RE.search(head)
        if lost:
            # ``本报讯 月2日``: the OCR lost the month; the page's date gives it (a later day is last
            # month's). A lost day stays unknown: never a guess.
            day = int(lost.group(1))
            month_start = page.replace(day=1)
            if day > page.day:
                month_start = (month_start - timedelta(days=1)).replace(day=1)
            try:
                return month_start.replace(day=day).isoformat()
            except ValueError:
                return None
        for word, offset in _RELATIVE_DAYS.items():
            if head.startswith(word):
                return (page + timedelta(days=offset)).isoformat()
    return None


_MONTH_LOST_RE = re.compile(r"(?<![0-9０-９])月\s*(\d{1,2})\s*日")


def find_page_date(text: str) -> str | None:
    """A full date printed on the page outside stories (a page header such as ``2023年4月14日 星期五``)."""
    for line in text.splitlines():
        if not ("星期" in line or "版" in line or is_page_furniture(line)):
            continue
        if m := _PAGE_DATE_RE.search(line):
            parts = (m.group(1), m.group(2), m.group(3))
        elif (m := _DOTTED_DATE_RE.search(line)) and is_page_furniture(line):
            parts = (m.group(1), m.group(3), m.group(4))
        else:
            continue
        try:
            return date(*(int(x) for x in parts)).isoformat()
        except ValueError:
            continue
    return None


def join_lines(lines: list[_Line], column_width: float) -> list[str]:
    """Join wrapped lines into paragraphs, telling paragraph ends from column breaks.

    When the OCR kept paragraph indents (a full-width space or two spaces before a line), the indents
    say where paragraphs start; otherwise line widths and sentence ends do (see `_ends_paragraph`).
    """
    indented_layout = any(_INDENT_RE.match(line.text) for line in lines)
    paragraphs: list[str] = []
    current = ""
    first = 0  # index of the current paragraph's first line
    for index, line in enumerate(lines):
        text = line.text.strip()
        if index and current:
            after = lines[index + 1] if index + 1 < len(lines) else None
            if _ends_paragraph(
                lines[index - 1],
                line,
                after,
                column_width,
                indented_layout=indented_layout,
                first_line=index - 1 == first,
                # The lead's first line, after a dateline set on a line of its own or not.
                opening=index == 1 or (index == 2 and _bare_dateline(lines[0].text)),
            ):
                paragraphs.append(current)
                current = ""
                first = index
        current = _concat(current, text)
    if current:
        paragraphs.append(current)
    return [clean_prose(p) for p in paragraphs]


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

    A paragraph's first line (`first_line`) holds two cells less for its indent: it is short only when
    shorter than that, so a first line whose sentence ends at the line end does not end the paragraph.
    Two cues catch breaks the widths above miss: a line a cell short because the opening mark that
    would end it went on to a full next line is full (`_carried_mark`), and a line two cells short
    between a sentence end and a full line is a first line (`_opens_paragraph`).
    """
    text = line.text.strip()
    if _bare_dateline(text):
        return False  # a dateline filling its line runs on into the lead, indented or not
    if text[:1] in "（(" and is_byline(text):
        return False  # the dateline's reporters in brackets on a line of their own: the lead follows
    if text.count("（") + text.count("(") > text.count("）") + text.count(")"):
        return False  # a bracket left open (``新华社杭州10月9日电（记者`` / ``江远芳）…``) goes on
    if _FINAL_RE.search(text) and _DATELINE_RE.match(following.text):
        return True  # a story's second dispatch opens a paragraph of its own
    if _AGENCY_CREDIT_RE.match(following.text) or _AGENCY_CREDIT_RE.match(text):
        return True  # a photo's credit kept in a story (``许华森摄（影像中国）``) is a paragraph of its own
    if _DATELINE_END_RE.search(text) and following.text.lstrip()[:1] in "（(":
        # ``新华社北京电 据新华社东京2月24日电`` / ``  （李简、沈红辉）第二届…``: the dateline's reporters,
        # spaces before them or not, and the lead after them go on from the dateline.
        return False
    if indented_layout and _INDENT_RE.match(following.text):
        return True
    limit = column_width - _SHORT_MARGIN
    room = column_width - (_INDENT_CELLS if first_line else 0.0)
    if _carried_mark(text, following.text.strip(), room, column_width) and not following.blank_before:
        return False  # the line is full: the opening mark that would end it went on to the next line
    short = _set_width(text) < limit - (_INDENT_CELLS if first_line else 0.0)
    if not indented_layout and _opens_paragraph(text, following, after, column_width):
        return True
    if _FINAL_RE.search(text) and _CLOSING_NOTE_RE.match(following.text):
        return True  # ``（本报罗马2月13日电）`` after the last sentence: a paragraph of its own
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
    return not opening and clearly_short and not indented_layout and _is_subheading(text)


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


def _first_line_over_full(following: _Line, after: _Line | None, column_width: float) -> bool:
    """Whether `following` is set as a paragraph's first line (two cells short, half a cell more with
    half-width characters) over a full line in the same block."""
    if after is None or after.blank_before:
        return False
    text = following.text.strip()
    half_cell = _HALF_CELL if re.search("[\x21-\x7e]", text) else 0.0
    first = column_width - _INDENT_CELLS
    return (
        first - 1.0 - half_cell <= _set_width(text) <= first
        and display_width(after.text.strip()) >= column_width - 0.5
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


# A sub-heading is set clearly shorter than the column: at most this share of its width.
_SUBHEADING_SHARE = 0.7


def _is_subheading(text: str) -> bool:
    """A line that can stand as a paragraph of its own: Han text of 2 characters or more, not ending in
    a mark that goes on (``、``, ``——``, an opening quote or bracket), brackets and quotes closed."""
    if (
        len(_HAN_RE.findall(text)) < 2
        or not re.search(f"[{HAN}”’）)》」』]$", text)
        or _DATELINE_RE.match(text)
    ):
        return False
    return (
        text.count("“") <= text.count("”")
        and text.count("（") <= text.count("）")
        and (text.count("《") <= text.count("》"))
    )


# Punctuation a typesetter hangs into the margin rather than start a line with it.
_HANGING = "，。、；：！？）》」』”’"


def _set_width(text: str) -> float:
    """A line's width without a punctuation mark hung past the column's edge: `display_width` less one
    cell for a final mark, so a line of 13 characters and a hung ``”`` still counts as 13."""
    width = display_width(text)
    return width - 1.0 if len(text) > 1 and text[-1] in _HANGING else width


_ASCII_TAIL_RE = re.compile("[A-Za-z0-9]+$")
_ASCII_HEAD_RE = re.compile("^[A-Za-z0-9]+")


def _concat(left: str, right: str) -> str:
    """Join a wrapped line to the text before it.

    Two English words meeting at a line end had a space between them; an upper-case word (``A`` /
    ``PP`` → ``APP``, ``5`` / ``G``) or a hyphenated one (``intel-`` / ``ligence``) was cut in two.
    """
    if (
        left
        and right
        and left[-1].isascii()
        and left[-1].isalpha()
        and right[0].isascii()
        and right[0].isalpha()
    ):
        tail = _ASCII_TAIL_RE.search(left)
        head = _ASCII_HEAD_RE.match(right)
        if (
            tail
            and head
            and tail.group(0).upper() == tail.group(0)
            and head.group(0).upper() == head.group(0)
        ):
            return left + right
        return f"{left} {right}"
    if (
        left.endswith("-")
        and len(left) > 1
        and left[-2].isascii()
        and left[-2].isalpha()
        and right[:1].islower()
    ):
        return left[:-1] + right
    return left + right


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
    narrower than the other stories'."""
    own = [_measure([story]) for story in stories]
    measured = [w for w in own if w is not None]
    page = _column_width(stories)
    if measured and max(measured) - min(measured) >= _WIDTH_DIFFERENCE:
        page = statistics.median(measured)  # mixed widths: the common column is the typical story's
    return [w if w is not None and abs(w - page) >= _WIDTH_DIFFERENCE else page for w in own]


def _dispatch_org(dateline: str) -> str:
    """Who sent a dispatch: ``本报`` for the paper's own (``本报讯``, ``本报北京1月17日电``), else its
    source without the place."""
    bare = re.sub(r"\s+", "", dateline).removeprefix("据")
    return "本报" if bare.startswith("本报") else _dispatch_source(dateline)


def _dispatch_source(dateline: str) -> str:
    """A dateline without its date: who sent it and from where (``新华社北京电``; ``据``, "according
    to", names the same source)."""
    return _DATE_IN_DATELINE_RE.sub("", re.sub(r"\s+", "", dateline)).removeprefix("据")


# An editor's note printed over a story's text (``编者按：…``, ``【编者按】…``): the story's first paragraph.
_EDITORS_NOTE_RE = re.compile(
    "^[ \t\u3000]*[【\\[]?[ \t\u3000]*(?:编者按|编者的话)[ \t\u3000]*[】\\]]?[ \t\u3000]*[:：]?"
)


def _story_head(story: _Story) -> str:
    """The story's opening text, its first lines joined: a dateline and its date may wrap. Under an
    editor's note, the story opens at its dateline."""
    lines = story.lines
    if lines and _EDITORS_NOTE_RE.match(lines[0].text):
        lines = next((lines[k:] for k, line in enumerate(lines) if _DATELINE_RE.match(line.text)), lines)
    head = ""
    for line in lines[:3]:  # a column break may fall inside it too
        text = line.text.strip()
        if _in_dateline_bracket(head) and _NAME_BREAK_RE.search(head) and _NAME_START_RE.match(text):
            # Two whole names either side of the line end inside ``（记者 袁然`` / ``朱秀桂）``: a name
            # has two or three characters, so a piece of one character is half of a name cut in two.
            head += " "
        head = _concat(head, text)
    return head


_NAME_BREAK_RE = re.compile(f"[ \t\u3000][{HAN}]{{2,3}}$")
_NAME_START_RE = re.compile(f"^[{HAN}]{{2,3}}(?:[ \t\u3000）)]|$)")


def _in_dateline_bracket(head: str) -> bool:
    """Whether `head` ends inside the parenthesised byline of its dateline."""
    match = _DATELINE_RE.match(head)
    if match is None or match.group(2):
        return False
    return bool(re.match(r"^[\s”“\"'’]*[（(][^）)]*$", head[match.end() :]))


# A run of spaces this long inside a line: the OCR read two columns set side by side as one line.
_COLUMN_GAP_RE = re.compile("[ \t\u3000]{6,}")


def _split_side_by_side(raw_lines: list[str]) -> list[str]:
    """Lines an OCR engine read across columns set side by side (two headlines next to each other,
    ``天津高新区          郭声琨在…强调`` / ``真招实招防疫 真金白银          以强有力措施…`` / ``减负          新华社
    北京2月22日电 中共          等进出…``): where two lines or more in a row, blank lines aside, hold a
    wide run of spaces, each is cut there and the pieces are read column by column, one block each (a
    dateline apart): the other columns first, the left column last, right over the text the OCR reads
    next, which is that column's. A single such line is left as it is: a gap inside one body line is
    text the OCR lost there, not a column. Lines are numbered as cut: from such a band on, a line's
    number runs past its number in the file by the lines the cut added."""
    out: list[str] = []
    position = 0
    while position < len(raw_lines):
        band: list[int] = []
        scan = position
        while scan < len(raw_lines):
            if not raw_lines[scan].strip():
                scan += 1
                continue
            if not _COLUMN_GAP_RE.search(raw_lines[scan].strip()):
                break
            band.append(scan)
            scan += 1
        if len(band) < 2:
            out.append(raw_lines[position])
            position += 1
            continue
        out.extend(raw_lines[position : band[0]])  # blank lines before the band
        pieces = [_COLUMN_GAP_RE.split(raw_lines[k].strip()) for k in band]
        columns = max(len(row) for row in pieces)
        for column in [*range(1, columns), 0]:
            out.append("")
            for row in pieces:
                if column < len(row):
                    if _DATELINE_SOURCE_RE.match(row[column]) and out and out[-1]:
                        out.append("")  # a dateline under the headline: the story's text starts
                    out.append(row[column])
        position = band[-1] + 1
    return out


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    blank = True
    for number, raw in enumerate(_split_side_by_side(text.splitlines()), start=1):
        stripped = raw.rstrip()
        if not stripped.strip():
            blank = True
            continue
        lines.append(_Line(number, stripped, blank))
        blank = False
    return _mend_wrapped_notes(_mend_wrapped_datelines(lines))


# How many characters a closing note wraps onto its next line, closing bracket included.
_NOTE_TAIL = 12


def _mend_wrapped_notes(lines: list[_Line]) -> list[_Line]:
    """A closing note the column wrapped (``（作者为北京外国语大学法`` / ``国籍教师）``) is one line: the
    tail that closes its bracket is moved up, so the note reads as the note it is. A longer note may
    wrap over more lines (``(作者为新疆克孜勒苏军分区政治`` / ``工作部新闻报道员,本报记者倪光辉采`` /
    ``访整理)``): the lines between, without brackets of their own, go up with the tail."""
    mended: list[_Line] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        previous = mended[-1] if mended else None
        if (
            previous is not None
            and not line.blank_before
            and _CLOSING_NOTE_RE.match(previous.text)
            and not re.search("[）)]", previous.text)
        ):
            # The note's tail: this line, or the first line after up to `_NOTE_MIDDLE_LINES` lines
            # set without brackets that go on from it inside the same block.
            run = [line]
            while (
                len(run) <= _NOTE_MIDDLE_LINES
                and not re.search("[（()）]", run[-1].text)
                and position + len(run) < len(lines)
                and not lines[position + len(run)].blank_before
            ):
                run.append(lines[position + len(run)])
            for size in range(1, len(run) + 1):
                middle = "".join(part.text.strip() for part in run[: size - 1])
                tail = run[size - 1].text.strip()
                joined = previous.text.rstrip() + middle + tail
                if (
                    not re.search("[（()）]", middle)
                    and re.fullmatch(f"[^（()）]{{1,{_NOTE_TAIL - 1}}}[）)]", tail)
                    and _CLOSING_NOTE_RE.match(joined)
                    and not is_byline(joined)  # reporters: a byline's rules
                ):
                    mended[-1] = _Line(previous.number, joined, previous.blank_before)
                    position += size
                    break
            else:
                mended.append(line)
                position += 1
            continue
        mended.append(line)
        position += 1
    return mended


# A closing note wraps over at most this many full lines between its first line and its tail.
_NOTE_MIDDLE_LINES = 2


# The start of a dateline: who sends it (``本报``, ``新华社``, ``据新华社``, ``中新社``…).
_DATELINE_SOURCE_RE = re.compile(r"^\s*(?:本报|据?新华社|据?(?:中新社|中新网|人民网|央视网|新华网))")
# The most a narrow column carries over of a dateline's core (``电``, ``19日电``, ``10月19日电``).
_DATELINE_CARRY = 6


def _mend_wrapped_datelines(lines: list[_Line]) -> list[_Line]:
    """A dateline a narrow column wrapped before its end (``新华社内罗毕10月19日`` / ``电  （记者…）``)
    is a dateline all the same where a story may start (after a blank line, a byline or a sentence
    end): the characters that finish it are moved up to its line, so the line reads as the dateline
    it is. The story's text, joined, is unchanged."""
    mended = list(lines)
    for index, line in enumerate(mended[:-1]):
        following = mended[index + 1]
        if (
            following.blank_before
            or not _DATELINE_SOURCE_RE.match(line.text)
            or _DATELINE_RE.match(line.text)
        ):
            continue
        previous = mended[index - 1].text.strip() if index else ""
        if not (line.blank_before or is_byline(previous) or _FINAL_RE.search(previous)):
            continue  # inside a sentence (``…上午，`` / ``据新华社…``): a quoted dateline, no story's start
        head = line.text.rstrip()
        rest = following.text.lstrip()
        for carried in range(1, min(_DATELINE_CARRY, len(rest)) + 1):
            if rest[carried - 1] in "电讯" and _DATELINE_RE.fullmatch(head + rest[:carried]):
                mended[index] = _Line(line.number, head + rest[:carried], line.blank_before)
                mended[index + 1] = _Line(following.number, rest[carried:].lstrip(), following.blank_before)
                break
    return [line for line in mended if line.text.strip()]


def _groups(lines: list[_Line]) -> list[list[_Line]]:
    """Blank-line separated blocks."""
    groups: list[list[_Line]] = []
    for line in lines:
        if line.blank_before or not groups:
            groups.append([])
        groups[-1].append(line)
    return groups


def _looks_like_prose(group: list[_Line]) -> bool:
    """Sentences: a sentence mark and 24 Han characters, or a whole sentence with a comma in it
    (``近日，云南昭通多个县区的群众陆续从大山深处搬出。``)."""
    text = "".join(line.text.strip() for line in group)
    han = len(_HAN_RE.findall(text))
    if re.search("[。！？]", text) and han >= 24:
        return True
    return han >= _SHORT_PROSE_CHARS and bool(re.search("[，,]", text)) and bool(_FINAL_RE.search(text))


# A one-sentence paragraph with a comma is prose from this many Han characters on.
_SHORT_PROSE_CHARS = 12


def _is_body_fragment(group: list[_Line]) -> bool:
    """Text cut out of a story's paragraph, never a headline: a line ending in a comma or enumeration
    mark (``…到达和平收费站，``), or commas all through (headlines carry one at most), or a comma and an
    enumeration comma together."""
    text = "".join(line.text.strip() for line in group)
    ends_open = any(line.text.rstrip().endswith(("，", "、", "；", ",")) for line in group)
    if text.count("、") >= _LIST_MARKS and len(_HAN_RE.findall(text)) >= _LIST_MIN_CHARS:
        return True  # a list of short words (``土鸡蛋、蜂蜜、豆豉、辣椒酱、泡``): a sentence's
    if len(_HAN_RE.findall(text)) < 12:
        return False
    if ends_open or text.count("，") + text.count(",") >= 2 or text.count("、") >= _LIST_MARKS:
        return True
    if _COMMA_RE.search(text) and "、" in text and not _DASH_END_RE.search(text):
        # A clause and a list in it (``据介绍，山东省…`` / ``目前还存在车桩信息缺失、居民小区和``); not a
        # kicker leading into its title (``促进农超对接、农批对接，江苏淮安——``).
        return True
    if text.endswith("…") and ("，" in text or "," in text):
        return True  # a sentence trailing off (``…正影响着越来越多的人……``): an epigraph, not a headline
    # Three lines or more, the first two set to one long measure: a column of body text.
    widths = [display_width(line.text.strip()) for line in group]
    if len(group) >= 3 and min(widths[:2]) >= _BODY_MEASURE and abs(widths[0] - widths[1]) <= 1.0:
        return True
    # Or a paragraph's first line, two cells short by its indent, over two lines set to one long
    # measure (``根据巴拉诺夫中央航空发动机研究`` / ``所早些时候发布的计划，混合动力飞机`` / ``引擎…``).
    widths = [_cells(line.text) for line in group[:3]]
    return (
        len(group) >= 3
        and min(widths[1:3]) >= _BODY_MEASURE
        and abs(widths[1] - widths[2]) <= 1.0
        and abs(widths[1] - _INDENT_CELLS - widths[0]) <= 1.0
    )


# Lines at least this wide, set to one measure, are body text.
_BODY_MEASURE = 13.0
# A kicker leading into its title ends on a dash (``江苏淮安——``; the OCR reads it ``一一`` or ``—``).
_DASH_END_RE = re.compile("(?:——|—|一一)[ \t\u3000]*$")
# A list this long (``伊朗、阿联酋、阿尔及利亚、埃及、赤``) is a sentence's, never a headline's.
_LIST_MARKS = 4
# A list of short words, that many marks in a line of at least this many Han characters.
_LIST_MIN_CHARS = 8
# A note closing a story on a line of its own: ``（本报东京电）``, ``（作者为…）``, ``（本报记者王某采访整理）``,
# a roundup's reporters (``（参与记者：田颖、唐璐）``), the source of a piece reprinted
# (``（摘编自2月3日《经济日报》）``); the OCR may lose its closing bracket.
_CLOSING_NOTE_RE = re.compile(
    f"^[ \t\u3000]*[（(][ \t\u3000]*(?:综合)?(?:(?:据?新华社|本报)[{HAN}0-9 \t]{{0,16}}电|作者|本报记者|(?:参与)?记者|摘编自|摘自|原载)[^（()）]{{0,40}}(?:[）)][ \t\u3000]*)?$"
)
# ``（综合本报和新华社电）``, naming the sources it combines, is a closing note too.


def _is_note(text: str) -> bool:
    """A note in brackets that is text of the story above, never a headline: a closing note
    (``（本报东京电）``) or a reference to another page (``（相关报道见第四版）``)."""
    return bool(_CLOSING_NOTE_RE.match(text) or _REFERENCE_NOTE_RE.match(text))


# A column label in brackets closing a headline line (``（一线抗疫群英谱）``, ``(新春走基层)``).
_LABEL_END_RE = re.compile(f"[（(][ \t\u3000]*[{HAN}][^（()）]{{1,20}}[）)][ \t\u3000]*$")


def _opens_story(group: list[_Line]) -> bool:
    """Whether a block seen between stories is the text of a story printed without a dateline: prose
    with a sentence end, or more lines than any headline has (a column may break before the first
    sentence ends)."""
    text = "".join(line.text for line in group)
    if len(group) > _HEADLINE_MAX_LINES and len(_HAN_RE.findall(text)) >= 24:
        return True
    return (_looks_like_prose(group) and not _is_headline_like(group)) or _is_body_fragment(group)


# Headlines may carry a colon or a comma (``二七区：以“绣花功夫”提升城市颜值``), never a sentence end.
_SENTENCE_PUNCT_RE = re.compile("[。；！？;]|[!?](?![0-9A-Za-z])")


# A kicker naming a person or place has at most this many Han characters before its colon.
_KICKER_MAX_CHARS = 6
_NAME_KICKER_RE = re.compile(f"[{HAN}]{{2,{_KICKER_MAX_CHARS}}}[ \t\u3000]*[:：]")


def _is_name_kicker(group: list[_Line]) -> bool:
    """A line of its own that only names someone or somewhere before a colon (``徐发荣：``): the kicker
    over a headline, never a line of prose."""
    return len(group) == 1 and bool(_NAME_KICKER_RE.fullmatch(group[0].text.strip()))


# A line of this many Han characters or more ending on a full stop or a semicolon is a clause of text
# (an OCR engine also reads a quote as ``?``, so a question mark inside a line is no such cue).
_CLAUSE_CHARS = 8
_CLAUSE_END_RE = re.compile("[。；;][ \t\u3000]*$")


def _is_headline_like(group: list[_Line]) -> bool:
    text = "".join(line.text for line in group)
    if text.count("《") != text.count("》"):
        # A title a headline names is whole in it: a book-title mark left open (``依据《中国共产党纪律处分
        # 条例》“《中``, ``山西近期编制的《山西中部盆地城``) is a body line a column break cut.
        return False
    if len(group) > _QUESTION_HEADLINE_LINES:
        return not any(_SENTENCE_PUNCT_RE.search(line.text) for line in group)
    return not any(_SENTENCE_PUNCT_RE.search(_QUESTION_HEADLINE_RE.sub("", line.text)) for line in group)


# A headline that asks or exclaims has at most this many lines.
_QUESTION_HEADLINE_LINES = 2


# A headline may ask or exclaim once, at its end, perhaps before its column label:
# ``开着暖气，为啥还吹冷气？（说道）``, ``“为中国加油！”``.
_QUESTION_HEADLINE_RE = re.compile(
    "^(?=.{2,30}$)([^。；！？;!?]+)[！？!?][”’]?[ \t\u3000]*(?:[（(][^（()）]{1,12}[）)])?[ \t\u3000]*$"
)


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
    column: float = _DEFAULT_COLUMN_WIDTH  # the body column's width in cells


@dataclass(frozen=True)
class _Join:
    """A block of lines moved to the story it continues (for ``newsbot ingest --explain``)."""

    first: int  # its line numbers
    last: int
    source: int  # story indices before and after
    target: int
    why: str


def _blocks_of(story: _Story) -> list[list[_Line]]:
    blocks: list[list[_Line]] = []
    for line in story.lines:
        if line.blank_before or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def _closing_notes(blocks: list[list[list[_Line]]], moves: list[Move]) -> dict[int, int]:
    """Story index → the line number of the first closing note (``（本报东京电）``, ``（作者为…）``, a
    roundup's ``（参与记者：…）``) opening a block the story holds once `moves` are made."""
    owner = {(s, k): s for s, story in enumerate(blocks) for k in range(len(story))}
    for move in moves:
        owner[(move.source, move.block)] = move.target
    out: dict[int, int] = {}
    for (s, k), target in owner.items():
        first = blocks[s][k][0]
        if _CLOSING_NOTE_RE.match(first.text) and first.number < out.get(target, first.number + 1):
            out[target] = first.number
    return out


def _rejoin(stories: list[_Story], gap_groups: list[tuple[int, list[_Line]]], column: float) -> list[_Join]:
    """Put the page's fragments back together: first each block left mid-sentence gets the block that
    goes on from it (`page_fragments.plan_seams`), then each other block that continues another story
    moves there (`page_fragments.plan_joins`)."""
    # A story opened by nothing (no dateline, no byline, no headline over it) may itself be a fragment.
    headed = {gap for gap, _group in gap_groups}
    fixed = [
        index in headed or story.byline is not None or bool(_DATELINE_RE.match(story.lines[0].text))
        for index, story in enumerate(stories)
    ]
    # A story closed by its byline or an end mark takes no text printed after that: none runs across it.
    closed_at = [
        story.lines[-1].number if story.closed_by_byline or story.ended else None for story in stories
    ]
    headlines = ["" for _ in stories]
    for gap, group in gap_groups:
        if gap < len(stories):
            headlines[gap] += "".join(line.text for line in group)
    # Whether the OCR read the page block by block, stories scattered: the careful joiner finds blocks
    # that belong to another story, as the segmenter left them.
    blocks = [_blocks_of(story) for story in stories]
    careful = plan_moves(
        [["\n".join(line.text for line in block) for block in story] for story in blocks],
        fixed_first=fixed,
        headlines=headlines,
        positions={
            (s, k): block[0].number for s, story in enumerate(blocks) for k, block in enumerate(story)
        },
    )
    scattered = bool(careful)
    joins, pinned, edges = _join_seams(stories, fixed, closed_at, column, scattered)
    blocks = [_blocks_of(story) for story in stories]
    moves = plan_joins(
        [["\n".join(line.text for line in block) for block in story] for story in blocks],
        fixed_first=fixed,
        headlines=headlines,
        pinned={
            (s, k)
            for s, story in enumerate(blocks)
            for k, block in enumerate(story)
            if any(line.number in pinned for line in block)
        },
        edges={
            (s, k): edges[block[0].number] for s, story in enumerate(blocks) for k, block in enumerate(story)
        },
        positions={
            (s, k): block[0].number for s, story in enumerate(blocks) for k, block in enumerate(story)
        },
        scattered=scattered or bool(joins),
        careful=None if joins else careful,  # the seams moved nothing: the same blocks as weighed above
    )
    moved: dict[int, list[_Line]] = {}
    taken: set[tuple[int, int]] = set()
    # A closing note in brackets (``（作者为…）``, ``（参与记者：田颖、…`` / ``李保东）``) is printed under
    # its story's last line: the story that holds it once the blocks are given out takes no text read
    # after it.
    noted = _closing_notes(blocks, moves)
    moves = [
        move
        for move in moves
        if (end := closed_at[move.target]) is None or blocks[move.source][move.block][0].number < end
        if (note := noted.get(move.target)) is None or blocks[move.source][move.block][0].number < note
    ]
    for move in moves:
        block = blocks[move.source][move.block]
        taken.add((move.source, move.block))
        moved.setdefault(move.target, []).extend(block)
        why = f"shares {move.fit:.2f} of its words with it (its own story {move.own:.2f}); seam {move.seam or '-'}"
        joins.append(_Join(block[0].number, block[-1].number, move.source, move.target, why))
    if not moves:
        return joins
    for index, story in enumerate(stories):
        kept = [line for k, block in enumerate(blocks[index]) if (index, k) not in taken for line in block]
        story.lines = sorted(kept + moved.get(index, []), key=lambda line: line.number)
    return joins


# ASCII punctuation an OCR engine puts in for a Chinese mark, counted half a cell; not its quotes: it
# reads the full-width quotes of Chinese type (“”‘’, a whole cell each) as ASCII ``"`` and ``'``.
_ASCII_MARK_RE = re.compile("[!#-&(-/:-@\\[-`{-~]")


def _cells(text: str) -> float:
    """A line's width in cells as set, an OCR engine's spaces aside. Digits and Latin letters take half
    a cell in most type, a whole one in some: the wider reading counts; ASCII punctuation an OCR engine
    put in counts half, its quotes a whole cell (``路"倡议建立在互利合作的基础之上，`` is a full line)."""
    text = _MULTI_SPACE_RE.sub("", text.strip())
    return max(display_width(text), len(text) - 0.5 * len(_ASCII_MARK_RE.findall(text)))


def _full_line(text: str, column: float) -> bool:
    """Whether a line is set to the column's full measure: a paragraph's first line is two cells short
    by its indent, its last line short unless it ends at the edge (a mark hung past it aside)."""
    text = _MULTI_SPACE_RE.sub("", text)
    if len(text) > 1 and text[-1] in _HANGING:
        text = text[:-1]
    return _cells(text) >= column - 1.0


def _fragment(story_index: int, block: list[_Line], column: float, fixed: bool) -> Fragment:
    first, last = block[0].text.strip(), block[-1].text.strip()
    final = bool(_FINAL_RE.search(last))
    full_first = _full_line(first, column)
    return Fragment(
        story=story_index,
        text="\n".join(line.text for line in block),
        open_start=full_first and not _DATELINE_RE.match(first) and not is_byline(first),
        open_end=not final and not _SOFT_FINAL_RE.search(last) and _full_line(last, column),
        closed_end=final and not _full_line(last, column),
        paragraph_start=len(block) > 1 and not full_first,
        fixed=fixed,
    )


def _join_seams(
    stories: list[_Story], fixed: list[bool], closed_at: list[int | None], column: float, scattered: bool
) -> tuple[list[_Join], set[int], dict[int, Fragment]]:
    """Give each block left mid-sentence the block that goes on from it, wherever on the page the OCR
    read that one (`page_fragments.plan_seams`); the block moves with the blocks that read on from it.
    On a page read block by block (`scattered`, or where such a join is found across stories), the
    seams the segmenter left reading on are weighed against the others too.
    Returns the joins, the line numbers of the blocks joined (they stay where they are), and each
    block's edges by its first line number."""
    blocks = [(s, block) for s, story in enumerate(stories) for block in _blocks_of(story)]
    blocks.sort(key=lambda item: item[1][0].number)
    first_blocks = {id(_blocks_of(story)[0][0]) for story in stories if story.lines}
    fragments = [
        _fragment(s, block, column, fixed[s] and id(block[0]) in first_blocks) for s, block in blocks
    ]
    planned = plan_seams(fragments)
    if scattered or any(fragments[seam.end].story != fragments[seam.start].story for seam in planned):
        planned = plan_seams(fragments, contest=True)
    seams = [
        seam
        for seam in planned
        if (end := closed_at[fragments[seam.end].story]) is None or blocks[seam.start][1][0].number < end
    ]
    joins: list[_Join] = []
    pinned: set[int] = set()
    owner = {block[0].number: s for s, block in blocks}
    edge = {block[0].number: fragment for (_s, block), fragment in zip(blocks, fragments, strict=True)}
    for seam in seams:
        source, target = owner[blocks[seam.start][1][0].number], owner[blocks[seam.end][1][0].number]
        if source == target:
            continue
        run = [blocks[seam.start][1]]
        # The blocks of the source story that read on from the moved one go with it.
        following = [
            block
            for _s, block in blocks
            if owner[block[0].number] == source and block[0].number > run[0][0].number
        ]
        for block in following:
            if not (edge[run[-1][0].number].open_end and edge[block[0].number].open_start):
                break
            run.append(block)
        lines = [line for block in run for line in block]
        numbers = {line.number for line in lines}
        stories[source].lines = [line for line in stories[source].lines if line.number not in numbers]
        stories[target].lines = sorted(stories[target].lines + lines, key=lambda line: line.number)
        pinned.update(line.number for line in lines)
        pinned.update(line.number for line in blocks[seam.end][1])
        for block in run:
            owner[block[0].number] = target
        why = f"goes on from the sentence left open there (seam {seam.seam}, plausibility {seam.score:.2f})"
        joins.append(_Join(lines[0].number, lines[-1].number, source, target, why))
    return joins, pinned, edge


# A headline run on under its story's text is at most this wide (in cells).
_RUN_ON_HEADLINE_WIDTH = 30
# A line all in brackets closes its story (``（辛阳、胡婧怡、杨世龙整理）``): never a headline under it.
_BRACKETED_LINE_RE = re.compile(r"^[ \t\u3000]*[（(][^（()）]+[）)][ \t\u3000]*$")
# A headline line is at most this much wider than the body column (it may span several columns).
_HEADLINE_MAX_LINES = 4


def _typical_width(lines: list[_Line]) -> float:
    """The commonest width of the page's longer lines: the body column."""
    widths = [math.ceil(display_width(line.text.strip())) for line in lines]
    widths = [w for w in widths if w >= 8]
    if not widths:
        return _DEFAULT_COLUMN_WIDTH
    counts = Counter(widths)
    return float(max(counts, key=lambda w: (counts[w], w)))


def _is_noise(text: str) -> bool:
    """A stray line the OCR made of specks or a lone character (``旺``, ``SN AZ一``, ``|``): fewer than
    two Han characters, no digits, nothing that ends a sentence."""
    text = text.strip()
    return len(_HAN_RE.findall(text)) < 2 and not re.search(f"[0-9{_SENTENCE_END}]", text)


# A guide to other pages' stories (导读): its label, then one line a story, each ending with its page
# (``▶武汉：商品丰富物价稳 （第6版）``, ``◆致敬！逆向而行的白衣天使 第11版``, ``…  详见A05``).
_GUIDE_LABEL_RE = re.compile(
    "^[ \t\u3000]*[【\\[]?[ \t\u3000]*(?:今日|本期|本版|要闻|新闻)?导读[ \t\u3000]*[】\\]]?[ \t\u3000]*$"
)
_PAGE_REFERENCE_END_RE = re.compile(
    "(?:[（(][ \t\u3000]*)?(?:详见|见)?[ \t\u3000]*(?:第[ \t\u3000]*[0-9一二三四五六七八九十]{1,3}[ \t\u3000]*版|[A-Z][ \t\u3000]*\\d{1,2}[ \t\u3000]*版?)"
    "[ \t\u3000]*(?:[）)])?[ \t\u3000]*$"
)
# A brief's head in a column of briefs (短讯, 简讯): a bullet, then the head on the line (``■…``, ``▶ …``);
# its text follows on the next line, with no blank line between.
_BULLET_RE = re.compile("^[ \t\u3000]*[■▶●◆►][ \t\u3000]*")
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


# How many lines of a caption a column break may carry over, its credit included.
_CAPTION_REST_LINES = 3


def _caption_rest(group: list[_Line]) -> int | None:
    """Where the rest of a caption a column break cut ends in this block: the index of its credit
    (``杨赵静摄（人民视觉）``) within its first lines, or None when no credit closes it there."""
    for index, line in enumerate(group[:_CAPTION_REST_LINES]):
        if _AGENCY_CREDIT_RE.match(line.text):
            return index
    return None


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
        self.masthead = _masthead_lines(lines)
        self.stories: list[_Story] = []
        self.gap_groups: list[tuple[int, list[_Line]]] = []
        self.dropped: list[_Dropped] = []
        self.roles: dict[int, str] = {}
        self.current: _Story | None = None
        self.pending_byline: str | None = None  # a byline printed before the text of the next story
        self.at_page_end = False  # every line has been read: nothing on the page follows the open story
        self.caption_open = False  # the block before was a caption cut off before its sentence ended
        self.note_tail: set[int] = set()  # lines that finish a closing note wrapped over its block
        # Each line's number → the number of the line after it on the page.
        self.next_number = {a.number: b.number for a, b in zip(lines, lines[1:], strict=False)}
        self.under_bullet = False  # the line before was a brief's bulleted head: this one opens its text
        self.continued = False  # the line before was ``上接第1版`` alone: this one opens the story's rest
        self.guide_open = False  # a 导读 label closed the block before: its entries may follow
        self.brief: _Story | None = None  # the last story opened under a brief's bulleted head
        self.brief_column = False  # a column's name was read over numbered briefs: the first may follow
        self.brief_number = 0  # the number of the last numbered brief read (``3.``, ``三、``, ``③``)
        self.picture_next = False  # a 图片新闻 label was read: the next story is a picture story
        self.picture: _Story | None = None  # the picture story, closed by its photographer's credit
        self.group_index = 0  # the blank-line group being read
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

    def ends_sentence(self) -> bool:
        return self.current is not None and (self.current.ended or _ends_sentence(self.current.lines))

    def drop(self, line: _Line, kind: str, text: str | None = None) -> None:
        self.dropped.append(_Dropped(line.number, kind, (text if text is not None else line.text).strip()))

    def is_furniture(self, line: _Line) -> bool:
        return line.number in self.masthead or is_page_furniture(line.text)

    # -- a blank-line group

    def group(self, group_index: int, group: list[_Line]) -> None:
        self.group_index = group_index
        caption_cut = self.caption_open
        self.caption_open = False
        if self.credit_after_text(group_index, group):
            return
        if _is_caption_group(group):
            for line in group:
                self.drop(line, "caption")
            # A caption cut off mid-sentence by a column break goes on in the next block.
            self.caption_open = not _ends_sentence(group) and not _AGENCY_CREDIT_RE.match(group[-1].text)
            return
        if caption_cut and (credit := _caption_rest(group)) is not None:
            for line in group[: credit + 1]:
                self.drop(line, "caption")
            group = group[credit + 1 :]
            if not group:
                return
        group = self.guide_box(group)
        if not group or self.column_head(group_index, group) or self.county_box(group):
            return
        if all(_is_noise(line.text) for line in group):
            for line in group:
                self.drop(line, "OCR noise")
            return
        furniture = [
            line for k, line in enumerate(group) if self.is_furniture(line) and not self.text_line(k, group)
        ]
        if furniture:
            if self.current is not None and self.ends_sentence() and self.is_furniture(group[0]):
                self.close()  # a page footer after a story printed without a byline
            for line in furniture:
                self.drop(line, "header/footer" if is_page_furniture(line.text) else "masthead")
            group = [line for line in group if line not in furniture]
            if not group:
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
        for index, line in enumerate(group):
            self.line(index, line, group)

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
        """A 公益广告 box (``讲文明 树新风`` / ``中牟县文明办 宣``) belongs to no story; a 图片新闻 label heads
        no story but makes the next one a picture story, closed by its photographer's credit."""
        texts = [line.text for line in group]
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

    def column_head(self, group_index: int, group: list[_Line]) -> bool:
        """A column's name alone over a column of briefs (``短讯``, ``资讯`` over ``■…``): it ends the story
        above and heads no story itself."""
        text = _MULTI_SPACE_RE.sub("", group[0].text)
        if (
            len(group) != 1
            or group_index + 1 >= len(self.groups)
            or not re.fullmatch(f"[{HAN}·]{{2,6}}", text)
        ):
            return False
        following = self.groups[group_index + 1][0].text.strip()
        numbered = bool(number_mark(following)) and re.match("^(?:1|一|①)", following) is not None
        if not (_BULLET_RE.match(following) or numbered) or is_byline(following):
            return False
        self.brief_column = numbered
        if self.current is not None and self.ends_sentence():
            self.close()
        self.drop(group[0], "column head")
        return True

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
        while (
            end < len(group) and _PAGE_REFERENCE_END_RE.search(group[end].text) and len(group[end].text) > 4
        ):
            end += 1
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
        if len(own & after) < _ANNOUNCE_SHARE * len(own) or len(own & mine) > _TOPIC_CHANGE_SHARE * len(own):
            return False
        self.gap_groups.append((len(self.stories) + 1, group))
        self.roles[line.number] = "headline: read inside another story's sentence, its words another story's"
        return True

    def headline_between(self, group_index: int) -> bool:
        """The group starts a headline printed between the open story and the next one's text: the story
        ended its sentence, or the headline repeats the words that follow it, or the text after it is
        about something else."""
        assert self.current is not None
        why = (
            _ends_sentence(self.current.lines)
            or _over_dateline(self.groups, group_index, self.column)
            or _announces_next(self.groups, group_index, self.column)
            or _changes_topic(self.current.lines, self.groups, group_index, self.column)
        )
        if not why:
            return False
        group = self.groups[group_index]
        if self.sentence_goes_on(group):
            return False
        if _starts_next_story(self.groups, group_index, self.column):
            return True
        if cut := _paragraph_opening_cut(self.groups, group_index, self.column):
            self.roles[group[0].number] = (
                f"text: a paragraph's first line a column break cut inside a word ({cut})"
            )
        return False

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
            self.stray_line,
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

    def bulleted_head(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``■天津谋项目稳投资`` over its text in a column of briefs: a headline that closes the story
        above and heads the text under it (the next line opens a story)."""
        text = line.text.strip()
        numbered = self.numbered_brief(text)
        if not (_BULLET_RE.match(text) or numbered):
            return False
        if _ends_sentence([line]) or index == len(group) - 1 or is_byline(text):
            return False
        head = _BULLET_RE.sub("", text) if not numbered else text[numbered.end() :]
        if _CAPTION_RE.match(text) or not _is_headline_like([_Line(0, head, False)]):
            return False
        # Bulleted lines one under another are a headline's phrases (``●及早惠及重点企业`` /
        # ``●全力支持复工复产``); an indented bulleted line is a list item's or a paragraph's first line.
        if _BULLET_RE.match(group[index + 1].text) or (_INDENT_RE.match(line.text) and not numbered):
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
            and (self._fills_column(text) or first_line)
            and (re.search("[，、；：,;]", head) or word_across(head, following)[1] >= _CUT_WORD_STRENGTH)
        ):
            return False
        story = self.current
        if story is not None and not story.ended and story is not self.brief:
            return False  # a sub-heading inside a story (``■小贴士``) that no brief column opened: text
        if story is not None:
            self.close()
        if numbered:
            self.brief_number = brief_number(numbered.group(0))
        self.brief_column = False
        # The bullet marks the item, not the head: the headline is the words after it.
        self.gap_groups.append((len(self.stories), [_Line(line.number, head, line.blank_before)]))
        self.roles[line.number] = "headline: a bulleted head over a brief's text"
        self.under_bullet = True
        return True

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
            or bool(_BULLET_RE.match(group[index + 1].text))
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
        """A lone character or a speck the OCR read as a line of its own inside a block (``这``, ``|``)."""
        if len(group) < 2 or not _STRAY_LINE_RE.fullmatch(line.text):
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
        if not (re.search(f"[{HAN}]$", previous) and self._fills_column(previous)):
            return False
        if index == len(group) - 1:
            # A word read across the break: the character finishes the one the line above began.
            words = words_of(previous[-4:] + line.text.strip())
            return len(words[-1]) > 1 if words else False
        return bool(_INDENT_RE.match(group[index + 1].text))

    def last_line_before_a_first_line(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """The same where the OCR dropped the indent (``这是好`` / ``事``): the next paragraph's first line
        is still two cells short (half a cell more when set with half-width characters) over a full
        line."""
        if not (0 < index < len(group) - 2 and re.fullmatch(f"[ \t\u3000]*[{HAN}][ \t\u3000]*", line.text)):
            return False
        previous = group[index - 1].text.strip()
        if not (re.search(f"[{HAN}]$", previous) and self._fills_column(previous)):
            return False
        width = display_width(group[index + 1].text.strip())
        first = self.column - _INDENT_CELLS
        after = display_width(group[index + 2].text.strip())
        return first - 2 * _HALF_CELL <= width <= first and after >= self.column - _HALF_CELL

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
            self.roles[line.number] = (
                "a second dispatch of the open story: its dateline repeats the story's source and place "
                "inside the same block, after a sentence end"
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
        if (
            story is None
            or self.pending_byline is not None
            or index == 0
            or not self.open_story_ends_with(group[index - 1])
        ):
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

    def byline(self, index: int, line: _Line, group: list[_Line]) -> bool:
        text = line.text
        if not is_byline(text):
            return False
        current = self.current
        if current is not None and _dateline_alone(current):
            current.lines.append(line)  # the dateline's byline in brackets, on the next line
            self.roles[line.number] = "the dateline's byline, on the next line"
            return True
        closing = (
            current is not None
            and not current.closed_by_byline
            and self.ends_sentence()
            and not _text_follows(group, index)
        )
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
        if not re.search("[）)]", line.text):
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
            index == 0
            and _opens_story(rest)
            and not self.dash_kicker(group)
            and not _headline_over_dateline(self.groups, self.group_index, self.column)
            and not _headline_atop_dateline(rest, self.column)
            and not _headline_over_opening(self.groups, self.group_index, self.column)
        ):
            self.start(line, "prose after a headline or a closed story (no dateline)")
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


# The masthead, one item a line as papers print it and OCR reads it: the paper's name, its date (perhaps
# with digits lost: ``2020年1月10``), the weekday, ``第6版`` and the section (``要闻``; garbled: ``第6版经``).
_PAPER_NAME_RE = re.compile(
    f"^[{HAN}]{{1,8}}(?:日报|晚报|时报|商报|早报|晨报|快报|都市报|青年报|法制报|经济报)$"
)
_MAST_DATE_RE = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*(?:\d{1,2}\s*日?)?)?\s*(?:星期[一二三四五六日天]|周[一二三四五六日])?$"
)
_SECTION_RE = re.compile(f"^[{HAN}]{{1,4}}(?:新闻|版)?$")
# Lines at the top of a page that may belong to its masthead.
_MASTHEAD_REACH = 10


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
        if (_PAPER_NAME_RE.match(text) and (top or line.blank_before)) or (
            top and is_county_paper_name(text)
        ):
            mark = True
        elif _MAST_DATE_RE.match(text) and (top or "星期" in text) and re.search("[0-9星周]", text):
            mark = True
        elif (
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
        after_page_number = False
        if mark:
            out.add(line.number)
    return out


# A photo's credit on a line of its own: ``刘帅冶摄（人民视觉）``, ``毛勇锋摄（影像中国）``.
_AGENCY_CREDIT_RE = re.compile(
    f"^[ \t\u3000]*[{HAN}·][{HAN}· \t\u3000]{{1,8}}摄[ \t\u3000]*[（(][ \t\u3000]*[{HAN}]{{2,8}}[ \t\u3000]*[）)][ \t\u3000]*$"
)
# How many lines a closing note in brackets (``（作者为…采访整理）``) may run over: a joint dispatch naming
# eight places and nine reporters (``（本报北京、里约热内卢、…2月21日电  记者曲颂、…）``) takes seven
# lines of a narrow column.
_NOTE_LINES = 8


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
            return bool(re.fullmatch("[（(][^（()）]{2,80}[）)]", note))
    return False


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


def _starts_next_story(groups: list[list[_Line]], index: int, column: float) -> bool:
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
    if any(re.search(f"[{_SENTENCE_END}，、；：,;…]$", t) for t in texts):
        return False
    if all(abs(display_width(t) - column) > 1.0 or _wide_or_labelled(t, column) for t in texts):
        return True
    # One line set to about the measure is no text cut off when what stands before it ends a sentence or
    # is a headline too (``2020年春晚第二次彩排`` / ``欢乐吉祥，创新亮点频出`` over ``本报讯（记者 朱芳）``).
    before = groups[index - 1] if index > 0 else []
    return len(group) == 1 and bool(before) and (_ends_sentence(before) or _is_headline_group(before, column))


# A headline line read inside another story's sentence has at least this many character pairs; its
# words are looked for in this many blocks after it (a file may hold a whole issue).
_HEADLINE_INSIDE_MIN_PAIRS = 6
_HEADLINE_INSIDE_REACH = 60
# A headline repeats this share of its character pairs in the story text that follows it.
_ANNOUNCE_SHARE = 0.5
# Or this share, when it repeats clearly more of the text after it than of the text before it.
_ANNOUNCE_WEAK = 0.25


# Groups either side of a line whose text is searched for a seam's characters.
_SEAM_SEARCH_GROUPS = 20
# Or a word of jieba's dictionary read across the seam, at least this common (`word_across`: 0.6 is a
# word of about 250 in the dictionary's counts, ``农户``; ``帮助`` is 0.99).
_CUT_WORD_STRENGTH = 0.6


def _paragraph_opening_cut(groups: list[list[_Line]], index: int, column: float) -> str:
    """Whether the one-line group at `index` is a paragraph's first line that a column break cut off,
    not a headline: as wide as an indented first line or the full measure (no wider), ending inside a
    word, and the next block goes on from it on a full line, the characters across the seam read
    elsewhere on the page (``王毅感谢韩方愿向中方提供必要帮`` / ``助，强调中方将继续…``) or forming a
    common word of jieba's dictionary (``…310万户退耕农`` / ``户获得钱粮补助…``: ``农户``).
    Returns why (the seam and its evidence), or "" when it is no such line."""
    group = groups[index]
    if len(group) != 1 or index + 1 >= len(groups):
        return ""
    text = _MULTI_SPACE_RE.sub("", group[0].text)
    width = _cells(text)
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


# A comma as printed (``，``) or as an OCR engine reads it (``,``; not a digit group's, ``1,000``).
_COMMA_RE = re.compile("，|,(?![0-9])")


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
    group = groups[index]
    lines = [line.text.strip() for line in group]
    return (
        len(group) <= 2
        and _is_headline_like(group)
        and all(line.count("，") + line.count(",") <= 1 for line in lines)
        and not any(line.endswith(("，", "、", "；", ",")) for line in lines)
        and not all(abs(display_width(line) - column) <= 1.0 for line in lines)
        and not any(_DATELINE_RE.match(line) or is_byline(line) for line in lines)
    )


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


def _assign_headlines(stories: list[_Story], gap_groups: list[tuple[int, list[_Line]]]) -> None:
    """Give each headline group to the story whose text it repeats (`page_headlines.match_headlines`)."""
    if not stories:
        return
    texts = [clean_prose("".join(line.text for line in story.lines)) for story in stories]
    groups = [
        HeadlineGroup(
            gap=gap,
            lines=tuple(line.text for line in group),
            text=clean_prose("".join(line.text for line in group)),
        )
        for gap, group in gap_groups
    ]
    for story, positions in zip(stories, match_headlines(texts, groups), strict=True):
        story.headline_groups = [gap_groups[position][1] for position in positions]


def _headline_lines(group: list[_Line], body: str) -> list[str]:
    """A headline group's lines as printed, a headline wrapped at its measure joined again without a
    space: the first line as wide as the second or wider, broken inside a word (jieba's) that the
    story's text holds (``2020年联合国生物多`` / ``样性大会会标发布`` over a story on 生物多样性; not
    ``…委员长会议`` / ``听取…``, two phrases, though the text reads ``会议听取``)."""
    lines: list[str] = []
    widths: list[float] = []
    for line in group:
        cleaned = clean_headline_line(line.text)
        if not cleaned:
            continue
        if lines and _wrapped_inside_a_word(lines[-1], cleaned, widths[-1], body):
            lines[-1] += cleaned
            widths[-1] = _cells(cleaned)
            continue
        lines.append(cleaned)
        widths.append(_cells(cleaned))
    return lines


def _wrapped_inside_a_word(first: str, second: str, first_width: float, body: str) -> bool:
    """Whether `second` goes on from `first` inside one word: see `_headline_lines`."""
    if not (re.search(f"[{HAN}]$", first) and re.match(f"[{HAN}]", second)):
        return False
    if first_width < _cells(second):
        return False  # a kicker over its main line, or a main line over a longer subtitle
    # A word read across the break, one the story's text holds too.
    offset = 0
    for word in words_of(first + second):
        if offset < len(first) < offset + len(word) and word in body:
            return True
        offset += len(word)
    return False


def _fallback_title(paragraphs: list[str]) -> str:
    """A title for a story printed without one: its lead sentence after the dateline, shortened."""
    if not paragraphs:
        return ""
    lead = _DATELINE_RE.sub("", paragraphs[0]).lstrip(" ，,")
    lead = re.sub("^[^，。]{0,14}?(?:日|近日|日前)[上下中]?午?[晚]?[上]?，", "", lead)
    sentence = re.split("[。！？]", lead, maxsplit=1)[0]
    return sentence if len(sentence) <= 40 else sentence[:39] + "…"


def parse_page(
    text: str,
    *,
    year: int | None,
    page_date: str | None = None,
    source: str | None = None,
    origin_file: str | None = None,
) -> list[ParsedArticle]:
    """Parse one OCR'd newspaper page into its stories, each under its own headline."""
    return _parse(text, year=year, page_date=page_date, source=source, origin_file=origin_file)[0]


def explain_page(text: str, *, year: int | None, page_date: str | None = None) -> list[str]:
    """How `parse_page` cuts a page, as lines for an operator: each story's lines, headline (printed,
    from which lines, or inferred from the lead), byline and date, the role of each of its lines that is
    not plain text and why (what opened and closed the story, its headline lines), and the blocks joined
    to it from elsewhere on the page and why; the headline groups given to no story; and every line
    dropped as a page header or footer (masthead), photo caption, jump line, end mark or OCR noise."""
    articles, cut = _parse(text, year=year, page_date=page_date, source=None, origin_file=None)
    inferred = sum(1 for a in articles if a.title_source == "inferred")
    out = [f"{len(articles)} 篇 stories, {inferred} with an inferred title"]
    for position, (article, story) in enumerate(zip(articles, cut.stories, strict=True), start=1):
        first, last = article.origin_lines or (0, 0)
        out.append(f"story {position}: lines {first}-{last}, {len(article.paragraphs)} paragraph(s)")
        if article.title_source == "printed":
            numbers = ", ".join(_line_span(group) for group in story.headline_groups)
            out.append(f"  headline (printed, lines {numbers}): {article.title}")
        else:
            out.append(f"  headline: none found; title inferred from the lead: {article.title}")
        out.append(f"  byline: {article.byline or '-'}; date: {article.date or '-'}")
        out.append(f"  starts: {_clip(article.paragraphs[0] if article.paragraphs else '')}")
        line_numbers = sorted(
            {line.number for line in story.lines} | {line.number for g in story.headline_groups for line in g}
        )
        for number in line_numbers:
            if number in cut.roles:
                out.append(f"  line {number}: {cut.roles[number]}")
        held = {line.number for line in story.lines}
        for join in cut.joins:
            if join.first in held:
                out.append(
                    f"  joined lines {join.first}-{join.last}, read after another story's text, to this "
                    f"story, which they continue: {join.why}"
                )
    given = {id(group) for story in cut.stories for group in story.headline_groups}
    for _gap, group in cut.gap_groups:
        if id(group) not in given:
            joined = " / ".join(line.text.strip() for line in group)
            out.append(f"not a headline of any story (lines {_line_span(group)}): {joined}")
    for item in cut.dropped:
        out.append(f"dropped line {item.number} as {item.kind}: {item.text}")
    return out


def _line_span(group: list[_Line]) -> str:
    first, last = group[0].number, group[-1].number
    return str(first) if first == last else f"{first}-{last}"


def _clip(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


# A headline's second half, read apart from its first by the OCR, has at most this many cells and is
# read at most this many lines after it (a file may hold a whole issue).
_SPLIT_HEADLINE_MAX_CELLS = 16
_SPLIT_HEADLINE_REACH = 200


def _mend_split_headlines(cut: _Cut) -> None:
    """Give a headline's second half, read by the OCR blocks away from its first (``习近平向非洲`` over
    its dateline, ``联盟第32届首脑会议致贺电`` after another story's text), back to its first half.

    The second half is a line alone in its block, read later on the page, short and without sentence
    marks or commas; the first half is the last line of a headline group over a story. They go together
    when that story's text reads on across the seam (``非洲|联盟`` in ``…非洲联盟第32届…``: three
    characters across it) and holds most of the second half's character pairs. The line leaves the
    story or the gap it was read in; a story it headed is headless again (its text may be a fragment)."""
    if not cut.gap_groups:
        return
    texts = [_squash_text("".join(line.text for line in story.lines)) for story in cut.stories]
    # A one-line block, the story holding it (None for a headline group), and the story it stands in
    # or over: the story it would stay with.
    candidates: list[tuple[list[_Line], int | None, int | None]] = []
    for k, story in enumerate(cut.stories):
        candidates += [(block, k, k) for block in _blocks_of(story) if len(block) == 1]
    # A headline group stacked with another over one story (a kicker over its main line) stays there.
    stacked = Counter(gap for gap, _group in cut.gap_groups)
    candidates += [
        (group, None, gap) for gap, group in cut.gap_groups if len(group) == 1 and stacked[gap] == 1
    ]
    taken: set[int] = set()
    for gap, group in cut.gap_groups:
        if gap >= len(cut.stories) or not texts[gap]:
            continue
        first = _squash_text(group[-1].text)
        if len(first) < 2 or not re.search(f"[{HAN}]$", first):
            continue
        for block, holder, stays in candidates:
            line = block[0]
            second = _squash_text(line.text)
            if (
                line.number <= group[-1].number
                or line.number > group[-1].number + _SPLIT_HEADLINE_REACH
                or line.number in taken
                or any(line is other for other in group)
                or not re.match(f"[{HAN}0-9]", second)
                or _cells(line.text) > _SPLIT_HEADLINE_MAX_CELLS
                or _SENTENCE_PUNCT_RE.search(line.text)
                or _COMMA_RE.search(line.text)
                or _brackets_open(line.text)
            ):
                continue
            # The story's text, less the line itself when the story holds it.
            story_text = texts[gap]
            if holder == gap:
                story_text = _squash_text(
                    "".join(other.text for other in cut.stories[gap].lines if other is not line)
                )
            seams = (first[-2:] + second[:1], first[-1:] + second[:2])
            if not any(len(seam) == 3 and seam in story_text for seam in seams):
                continue
            pairs = _pairs(second)
            shared = len([p for p in pairs if p in story_text])
            if not pairs or shared < 0.5 * len(pairs):
                continue
            # A headline of its own over a story a dateline opens (``习近平会见巴西众议长`` under
            # ``习近平会见越南国家主席``) repeats that story's words as much or more.
            if (
                stays is not None
                and stays != gap
                and stays < len(texts)
                and cut.stories[stays].lines
                and _DATELINE_RE.match(cut.stories[stays].lines[0].text)
                and len([p for p in pairs if p in texts[stays]]) >= shared
            ):
                continue
            taken.add(line.number)
            if holder is not None:
                cut.stories[holder].lines = [
                    other for other in cut.stories[holder].lines if other is not line
                ]
                if cut.stories[holder].lines and cut.stories[holder].lines[0].number > line.number:
                    cut.stories[holder].lines[0].blank_before = True
            else:
                cut.gap_groups[:] = [(g, other) for g, other in cut.gap_groups if other is not block]
            group.append(line)
            cut.roles[line.number] = (
                f"headline: the rest of the headline on line {group[0].number}, read apart by the OCR "
                f"(its story reads on across {first[-2:]}|{second[:2]})"
            )
            break


def _squash_text(text: str) -> str:
    return _MULTI_SPACE_RE.sub("", clean_prose(text))


def _brackets_open(text: str) -> bool:
    return any(text.count(a) != text.count(b) for a, b in (("（", "）"), ("(", ")"), ("《", "》")))


def _parse(
    text: str,
    *,
    year: int | None,
    page_date: str | None,
    source: str | None,
    origin_file: str | None,
) -> tuple[list[ParsedArticle], _Cut]:
    if page_date is None:
        page_date = find_page_date(text)
    if year is None and page_date:
        year = date.fromisoformat(page_date).year
    cut = _segment(_split_lines(text))
    _mend_split_headlines(cut)
    cut.joins = _rejoin(cut.stories, cut.gap_groups, cut.column)
    stories, gap_groups = cut.stories, cut.gap_groups
    _assign_headlines(stories, gap_groups)
    widths = _column_widths(stories)

    articles: list[ParsedArticle] = []
    cut.stories = [story for story in stories if story.lines]
    for position, story in enumerate(stories):
        if not story.lines:
            continue
        head = _story_head(story)
        dateline = _DATELINE_RE.match(head)
        bracket = dateline.group(2).strip() if dateline and dateline.group(2) else None
        if bracket and is_byline(bracket):
            # The column may wrap between a role and its name (``通讯员`` / ``张伟``): space them again.
            bracket = _MULTI_SPACE_RE.sub(" ", _ROLE_TOKEN_RE.sub(r" \1 ", bracket)).strip()
        if bracket and is_byline(bracket):
            story.dateline_byline = bracket
        paragraphs = join_lines(story.lines, widths[position])
        if paragraphs and (opening := _DATELINE_RE.match(paragraphs[0])):
            # ``本报讯 4月4日，…``; ``本报讯（记者 李娜 通讯员 张伟）4月12日，…`` keeps its names apart.
            rest = paragraphs[0][opening.end() :].lstrip()
            if bracket and opening.group(2):
                # The brackets as printed: full-width ``（）`` or ASCII ``()``.
                left, right = paragraphs[0][opening.start(2) - 1], paragraphs[0][opening.end(2)]
                lead = f"{opening.group(1)}{left}{bracket}{right}"
            else:
                lead = f"{opening.group(1)} "
            paragraphs[0] = lead + rest
        for k in range(1, len(paragraphs)):
            # A second dispatch's dateline (``据新华社北京2月8日电 2月8日，…``) set apart as the lead's is.
            if (again := _DATELINE_RE.match(paragraphs[k])) and not again.group(2):
                paragraphs[k] = f"{again.group(1)} {paragraphs[k][again.end() :].lstrip()}"
        body = _MULTI_SPACE_RE.sub("", "".join(paragraphs))
        headline_lines = [_headline_lines(group, body) for group in story.headline_groups]
        title_lines = tuple(line for lines in headline_lines for line in lines)
        title_groups = tuple(" ".join(lines) for lines in headline_lines)
        byline = story.byline or story.dateline_byline
        reporters, correspondents = parse_byline(byline) if byline else ((), ())
        articles.append(
            ParsedArticle(
                title=" ".join(title_lines) or _fallback_title(paragraphs),
                title_source="printed" if title_lines else "inferred",
                title_lines=title_lines,
                title_groups=title_groups,
                paragraphs=tuple(paragraphs),
                date=parse_dateline_date(head, year=year, page_date=page_date),
                byline=byline,
                reporters=reporters,
                correspondents=correspondents,
                source=source,
                origin_file=origin_file,
                origin_position=position,
                origin_lines=(story.lines[0].number, story.lines[-1].number),
            )
        )
    return articles, cut
