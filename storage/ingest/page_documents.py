"""The shapes of a document printed whole (a law, a regulation, a party rule, a central document's
opinions): the lines a 文件 page sets on their own that are the document's text, not headlines.

A law or a regulation opens with the order that promulgates it (``中华人民共和国主席令`` / ``第三十五号``
/ its text / ``中华人民共和国主席  习近平`` / ``2019年10月26日``), then its contents (``目  录`` over one
line a chapter), then its chapters (``第一章  总  则``) of articles (``第一条  为了……``), each article's
items numbered in brackets (``（一）……；``). The corpus keeps every one of those lines as a paragraph of
the document's text, and so does a reader: they are its parts, never a headline over a new story.
"""

from __future__ import annotations

import re

_CN_NUMBER = "[一二三四五六七八九十百零〇]+"

# A chapter's, a part's or a section's head, a space after its number, no comma in it: ``第一章  总  则``,
# ``第二编  物权``, ``第三节  监督管理`` (not a sentence opening on a chapter's number, ``第四章法律责任部分，…``).
_PART_HEAD_RE = re.compile(f"^第{_CN_NUMBER}[编章节][ \t\u3000]+[\u4e00-\u9fff、“”《》 \t\u3000]{{1,24}}$")
# The contents' heading: ``目  录``.
_CONTENTS_RE = re.compile("^目[ \t\u3000]*录$")
# An order's title and number: ``中华人民共和国主席令``, ``中华人民共和国国务院令`` / ``第三十五号``, ``第722号``.
_ORDER_TITLE_RE = re.compile("^(?:中华人民共和国)?(?:主席|国务院|中央军事委员会)令$")
_ORDER_NUMBER_RE = re.compile(f"^第(?:{_CN_NUMBER}|\\d+)号$")
# The order's signer: ``中华人民共和国主席  习近平``, ``总理  李克强``.
_SIGNER_RE = re.compile("^(?:中华人民共和国主席|国务院总理|总理)[ \t\u3000]*[\u4e00-\u9fff]{2,4}$")
# The day it is signed on, alone on its line under the signer: ``2019年10月26日``.
_DATE_ALONE_RE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
# An article's opening: ``第一条  为了……``, ``第二十四条  ……``.
_ARTICLE_RE = re.compile(f"^第{_CN_NUMBER}条[ \t\u3000]")
# A numbered item's opening: ``（一）……``, ``(二)……``.
_ITEM_RE = re.compile(f"^[（(]{_CN_NUMBER}[）)]")


def is_document_part(text: str) -> bool:
    """A line that is one of a document's parts set on its own: a chapter's or a section's head, the
    contents' heading, the order's title, number or signer."""
    text = text.strip()
    return bool(
        _PART_HEAD_RE.match(text)
        or _CONTENTS_RE.match(text)
        or _ORDER_TITLE_RE.match(text)
        or _ORDER_NUMBER_RE.match(text)
        or _SIGNER_RE.match(text)
    )


def is_order_title(text: str) -> bool:
    """An order's title alone on its line (``中华人民共和国国务院令``): its number follows."""
    return bool(_ORDER_TITLE_RE.match(text.strip()))


def wraps_a_part_head(text: str, above: str) -> bool:
    """The rest of a chapter's head the column wrapped (``第二章  检举控告的接收和受`` / ``理``): a few
    characters ending no sentence under a part's head."""
    rest = text.strip()
    return bool(
        _PART_HEAD_RE.match(above.strip())
        and 0 < len(rest) <= 12
        and re.fullmatch("[\u4e00-\u9fff、，“”《》]+", rest)
    )


def is_signing_date(text: str, above: str) -> bool:
    """A date alone on its line under an order's signer (``总理  李克强`` / ``2019年10月22日``)."""
    return bool(_DATE_ALONE_RE.match(text.strip()) and _SIGNER_RE.match(above.strip()))


def is_date_alone(text: str) -> bool:
    """A date alone on its line (``2019年10月26日``): an order's or a document's date, a paragraph of its
    own."""
    return bool(_DATE_ALONE_RE.match(text.strip()))


def opens_provision(text: str, following: str) -> bool:
    """Whether `following` opens one of a document's provisions, a paragraph of its own: an article
    (``第五条  ……``) or a numbered item (``（二）……``) after a sentence or a clause ended by a semicolon
    or a colon (``…下列情形之一的：`` / ``（一）…``). A provision is never run on to the line above, so it
    opens a paragraph though that line is full."""
    return (opens_article(following) or opens_numbered_item(following)) and text.strip().endswith(
        ("。", "；", "：", ";", ":")
    )


def opens_article(text: str) -> bool:
    """A line opening an article (``第一条  为了……``)."""
    return bool(_ARTICLE_RE.match(text.strip()))


def opens_numbered_item(text: str) -> bool:
    """A line opening a numbered item (``（一）……``)."""
    return bool(_ITEM_RE.match(text.strip()))


def prints_articles(texts: list[str], least: int = 3) -> bool:
    """Whether the lines `texts` print a document's articles: `least` or more lines open one."""
    return sum(1 for text in texts if opens_article(text)) >= least


def title_over_its_note(texts: list[str]) -> bool:
    """A law's title over the note of its adoption in brackets, wrapped over the lines under it
    (``中华人民共和国森林法`` / ``（1984年9月20日第六届全国人民代表大会常务`` / … / ``…会议修订）``): the
    title's line ending no clause, then one note that opens on the second line, closes on the last and
    names its adoption (``通过``, ``修正``, ``修订``), no sentence mark outside it. A headline however many
    lines the note takes, never a story's text."""
    if len(texts) < 3:
        return False
    title, note = texts[0].strip(), "".join(text.strip() for text in texts[1:])
    if not title or re.search("[，。；：！？、（）]", title) or len(title) > 30:
        return False
    if not (note.startswith("（") and note.endswith("）")) or note.count("（") != note.count("）"):
        return False
    depth = 0
    for index, char in enumerate(note):
        depth += {"（": 1, "）": -1}.get(char, 0)
        if depth == 0 and index < len(note) - 1:
            return False  # the bracket closes before the last line: text follows the note
    return bool(re.search("通过|修正|修订|发布|批准", note)) and not re.search("[。！？]", note)
