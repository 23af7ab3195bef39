"""Text as readers type it, made safe to handle before it is read: lone surrogates replaced (`readable`),
invisible format characters dropped (`without_format_characters`), a query put on one line (`tidy_query`),
and whether it holds anything to search for (`has_words`)."""

from __future__ import annotations

import re
import unicodedata

from storage.text.normalize import unescape_entities, without_markup

_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
# The control characters that are no whitespace (NUL, BEL, ESC, DEL, the C1 controls but NEL): a pipe, a
# script or a pasted terminal sequence may send them, no keyboard types them and a reader sees none (or a
# blank where a page shows one). Tab, line breaks and the other whitespace controls stay whitespace.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def readable(message: str) -> str:
    """`message` as a reader can read it, for every front where input is read: each lone surrogate
    replaced by U+FFFD (a terminal, pipe or command-line argument whose bytes are not UTF-8 gives Python
    such code points (surrogateescape), and so may JSON (``"\\ud800"``); no database, JSON answer or chat
    can encode them), and the control characters that are no whitespace left out (`_CONTROL`)."""
    return _CONTROL.sub("", _LONE_SURROGATE.sub("\ufffd", message))


def without_format_characters(text: str) -> str:
    """`text` without the invisible format characters (zero-width spaces, BOM, direction marks) pasted
    or typed with it, which look like nothing and would be read as something: a command's ``1\u200b``
    is then the number the reader sees."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def tidy_query(query: str) -> str:
    """The query on one line, `without_format_characters`."""
    return " ".join(without_format_characters(query).split())


def has_words(query: str) -> bool:
    """Whether the query holds anything to search for: a letter, a digit or a Han character (HTML
    character references read as what they stand for, markup tags left out)."""
    return any(ch.isalnum() for ch in without_markup(unescape_entities(query)))


def without_leading_format_characters(line: str) -> str:
    """`line` without the invisible format characters (BOM, zero-width space, direction marks) it starts
    with."""
    start = 0
    while start < len(line) and unicodedata.category(line[start]) == "Cf":
        start += 1
    return line[start:].lstrip()
