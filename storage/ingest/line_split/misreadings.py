"""An OCR engine's misreadings of one line put right (a dateline's digits read as brackets or letters,
a round bracket read as an angle one, a scanned photo credit's 摄 and bracket, a line-ending dash read with
a hyphen), and a line that is only the page's rules read as specks, or specks over a block's text."""

from __future__ import annotations

import re

# An OCR engine's misreadings: ``]``, ``l``, ``I`` or ``|`` for the digit 1 in a dateline's date
# (``本报北京]月25日电``) or in a closing note's, in its round bracket (``（本报华盛顿]月4日电)``), and ``〈``
# or ``《`` for a round bracket that a round one closes, as no book title is closed (``电 〈记者张璁)``,
# ``摄〈人民视觉)``, ``《今日谈)``, ``〈作者为…)``).
_DATELINE_DIGITS_RE = re.compile(
    r"^(\s*(?:[（(]\s*)?据?(?:本报|新华社|中新社)[\u4e00-\u9fff]{0,10}?\s*)([0-9\]lI|]{1,2})(\s*月\s*)([0-9\]lI|]{1,2})(?=\s*日)"
)


_MISREAD_BRACKET_RE = re.compile(
    r"[〈《](?=[^》〉()（）《〈\n]{1,30}[)）])"
    # A dateline's bracket the column wrapped before it closed (``电 〈记者周小苑、钱一`` / ``彬) …``).
    r"|(?:(?<=电)|(?<=电[ \t\u3000])|(?<=电[ \t\u3000]{2}))[〈《]"
    r"(?=[ \t\u3000]*(?:本报记者|记者|通讯员|实习生)[^》〉()（）《〈]*$)"
    # A closing note's bracket opening a line the column wrapped before it closed (``《综合本报记者…、`` /
    # ``刘洪超报道)``, ``《本报约翰内斯堡2月18`` / ``日电)``): no book title opens on a note's words.
    r"|^[ \t\u3000]*[〈《](?=[ \t\u3000]*(?:综合)?(?:本报|新华社|记者)[^》〉()（）《〈]*$)"
)


# A photo's credit as Tesseract reads a scan of it: 摄 read as a glyph of like strokes (报, 振, 扼) and the
# agency's opening bracket read twice (``丁雨红摄 〈(人民视觉)``). A credit is the whole line, or ends a line
# after a wide gap (a caption's last line beside it): an agency's note in brackets after the name
# (``郭桂扼〈人民视觉)``), or the name after 记者 at the line's end (``新华社记者蔡秀艳振``). 报 after 日, 晚, 周…
# is a paper's name (``人民日报（海外版）``), never a credit.
_MISREAD_TAKE = r"(?:(?<![日晚周月画学快通情简公电导预年])报|振|扼)"
_CREDIT_START = r"(?:^[ \t\u3000]*|(?<=[ \t\u3000]{2}))"
_CREDIT_NOTE = r"[ \t\u3000]*[〈《(（][ \t\u3000]*[(（]?[\u4e00-\u9fff]{2,8}[ \t\u3000]*[)）][ \t\u3000]*$"
_MISREAD_CREDIT_RE = re.compile(
    _CREDIT_START
    + r"(?P<name>(?:(?:本报|新华社|华社|报)?(?:摄影)?记者)?[\u4e00-\u9fff·]{2,4})"
    + _MISREAD_TAKE
    + "(?="
    + _CREDIT_NOTE
    + r")"
    + r"|"
    + _CREDIT_START
    + r"(?P<reporter>(?:本报|新华社|华社|报)?(?:摄影)?记者[\u4e00-\u9fff·]{2,4})"
    + _MISREAD_TAKE
    + r"(?=[ \t\u3000]*$)"
)
_DOUBLED_CREDIT_BRACKET_RE = re.compile(
    r"(?<=摄)(?P<gap>[ \t\u3000]*)[〈《(（][ \t\u3000]*[(（](?=[\u4e00-\u9fff]{2,8}[ \t\u3000]*[)）][ \t\u3000]*$)"
)


def _mend_credit(text: str) -> str:
    """A photo's credit with its misread 摄 and doubled bracket put right; any other line unchanged."""
    text = _MISREAD_CREDIT_RE.sub(lambda m: (m["name"] or m["reporter"]) + "摄", text)
    return _DOUBLED_CREDIT_BRACKET_RE.sub(lambda m: m["gap"] + "（", text)


# A dash ``——`` ending a line (a kicker over its headline) as Tesseract reads it with a hyphen in it
# (``…报名人数破万-一``, ``--``, ``一-``): a hyphen never ends a line of Chinese text.
_MISREAD_END_DASH_RE = re.compile(r"(?<=[\u4e00-\u9fff”」）)])[ \t\u3000]*(?:[-一—][-]|-[一—])[ \t\u3000]*$")


# ``〈`` that no ``〉`` (nor a book title's ``》``) closes on its line, on a page that prints no ``〉``: a
# round bracket the line wrapped (``〈作者为中国驻法国兼驻`` / ``摩纳哥大使)``).
_UNCLOSED_ANGLE_RE = re.compile(r"〈(?![^〈〉《\n]*[〉》])")


# A line the OCR made of the page's rules (``一     一一       | 一一|``): rule glyphs only, with a bar or
# dashes standing apart, never a dash a wrapped headline carried down (``——`` alone).
_RULE_GLYPHS_RE = re.compile(r"[\s一—\-_|｜丨=~·]+")


_RULE_MARK_RE = re.compile(r"[|｜丨=]|[一—]\s+[一—]")


def is_rule_specks(text: str) -> bool:
    text = text.strip()
    return bool(text and _RULE_GLYPHS_RE.fullmatch(text) and _RULE_MARK_RE.search(text))


def mend_misreadings(text: str, *, angle_pairs: bool = False) -> str:
    """A line with its misread brackets, dateline digits, credit and closing dash put right; any other
    line unchanged.
    `angle_pairs`: the page prints ``〉``, so an unclosed ``〈`` may be closed on a later line."""
    text = _MISREAD_BRACKET_RE.sub("（", _mend_credit(_MISREAD_END_DASH_RE.sub("——", text)))
    if not angle_pairs:
        text = _UNCLOSED_ANGLE_RE.sub("（", text)
    found = _DATELINE_DIGITS_RE.match(text)
    if found and not (found[2] + found[4]).isdigit():
        month, day = (_dateline_digits(found[i]) for i in (2, 4))
        text = found[1] + month + found[3] + day + text[found.end() :]
    return text


def _dateline_digits(read: str) -> str:
    """A dateline's month or day as read, its misread marks put right: a mark beside a ``1`` the OCR
    read rightly is a stray mark, dropped (``大马士革]1月``: one glyph is not read two ways in one
    number); any other mark is a misread ``1`` (``北京]月``)."""
    if len(read) == 2 and "1" in read and not read.isdigit():
        return "1"
    return re.sub(r"[\]lI|]", "1", read)


# A line the OCR made of a picture's or a rule's specks over a headline or text (``66   YEG<-??``,
# ``-py   >   6   9``): no Han character, no mark of a sentence, a number or an address, and a Latin letter,
# an angle bracket or a question mark among its glyphs.
_SPECKS_MARK_RE = re.compile("[A-Za-z<>?？]")
_TEXT_MARK_RE = re.compile("[\u4e00-\u9fff。，、；：！!%％.,/@:]")


def is_specks_over_text(text: str, below: str) -> bool:
    """Whether `text`, a line opening its block with `below` the line under it, is specks the OCR read
    over the block (a picture's edge, a rule), not the block's first line: it holds no Han character
    while the line under it does."""
    text = text.strip()
    return bool(
        text
        and not _TEXT_MARK_RE.search(text)
        and _SPECKS_MARK_RE.search(text)
        and re.search("[\u4e00-\u9fff]", below)
    )
