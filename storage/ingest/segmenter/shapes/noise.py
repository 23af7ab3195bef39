"""Lines the OCR made of specks: stray characters, marks and garbled display type."""

from __future__ import annotations

import re

from storage.ingest.page_lines import _HAN_RE, _MULTI_SPACE_RE, _SENTENCE_END, HAN
from storage.text.segment import cut as words_of


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


# What marks a line as specks among a block's text: two Latin letters, or a square bracket no Chinese
# text prints; such a line holds at most this many Han characters.
_SPECK_HAN = 2
_SPECK_MARKS_RE = re.compile(r"[A-Za-z].*[A-Za-z]|[\[\]〖〗]")
# Capitals written against a Han character with no lower-case letter or bracket on the line: a word
# (``加入WTO``, ``NBA中国赛``), not specks.
_CAPITALS_BESIDE_HAN_RE = re.compile(f"[{HAN}][A-Z]{{2,}}|[A-Z]{{2,}}[{HAN}]")
_SPECK_ONLY_RE = re.compile(r"[a-z\[\]〖〗]")


def _is_specks_in_a_block(text: str) -> bool:
    """A line of specks the OCR read inside a block of headline or text, from a photo or rule beside it
    (``ea   〗   和一``, ``[     mm``, ``AIA   所``): two Latin letters or a stray square bracket among at most
    two Han characters (`_SPECK_HAN`); no digit, nothing that ends a sentence and nothing of an address
    (``gfbzb.gov.cn)``). A paragraph's last character with its full stop read as a letter (``元o``) is
    no speck, nor a headline's line naming a body in capitals beside its words (``加入WTO``)."""
    text = text.strip()
    return (
        bool(_SPECK_MARKS_RE.search(text))
        and len(_HAN_RE.findall(text)) <= _SPECK_HAN
        and not re.search(f"[0-9./:@{_SENTENCE_END}]", text)
        and not (_CAPITALS_BESIDE_HAN_RE.search(text) and not _SPECK_ONLY_RE.search(text))
    )


_STRAY_LINE_RE = re.compile(f"[ \t\u3000]*(?:[{HAN}]|[|｜丨/\\_~·.,'\"`-]{{1,3}})[ \t\u3000]*")


# A word of two Han characters alone on its line.
_TWO_HAN_RE = re.compile(f"[{HAN}]{{2}}")
