"""Segmentation for the index: character bigrams (recall) and jieba words (precision, keywords).

Texts given to these functions are already normalised (`storage.text.normalize.normalize`).

Index tokens of a Han run `c1 c2 ... cn` are its overlapping bigrams `c1c2 ... c(n-1)cn` followed by
the single last character `cn`; a run of letters/digits is one lower-case token. Every Han character
therefore starts a token, so any verbatim string of Han characters is found as a phrase of bigrams
(or, for one character, as a prefix query), whatever jieba did with it.

Words come from rjieba (jieba-rs: the same dictionary, algorithm and tokens as jieba 0.42, ~40x faster,
which ingest needs), created on first use: nothing is loaded at import time.
"""

from __future__ import annotations

import operator
import re
import threading
from dataclasses import dataclass

from storage.text.normalize import HAN_RANGES
from storage.text.numerals import chinese_number

_PIECES = re.compile(rf"([{HAN_RANGES}]+)|([^\W_{HAN_RANGES}]+)")


@dataclass(frozen=True)
class Piece:
    text: str
    han: bool
    start: int  # offset in the normalised text


def pieces(text: str) -> list[Piece]:
    """Runs of Han characters and runs of other letters/digits, in order; everything else separates."""
    return [Piece(m.group(0), m.group(1) is not None, m.start()) for m in _PIECES.finditer(text)]


def index_tokens(text: str) -> list[str]:
    """Index tokens of normalised text, in order (see the module doc)."""
    return index_text(text).split(" ") if text else []


def index_text(text: str) -> str:
    """Space-joined index tokens, the content of an FTS5 column (unicode61 splits on the spaces)."""
    out: list[str] = []
    for han, other in _PIECES.findall(text):
        if han:
            out.extend(map(operator.add, han, han[1:]))  # the bigram starting at each character...
            out.append(han[-1])  # ...and the run's last character alone
        else:
            out.append(other.lower())
    return " ".join(out)


_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})月(?:(\d{1,2})[日号])?")


def month_token(month: int) -> str:
    return f"m{month:02d}"


def day_token(month: int, day: int) -> str:
    return f"d{month:02d}{day:02d}"


def date_tokens(text: str) -> list[str]:
    """Tokens for the dates a normalised text mentions: 4月6日 (or 四月六日) → d0406 and m04; 4月 → m04.

    Stored in the `words` column so a date in a query finds articles mentioning it with one token.
    """
    out: list[str] = []
    for m in _MONTH_DAY.finditer(digits_in_dates(text)):
        month = int(m.group(1))
        if not 1 <= month <= 12:
            continue
        out.append(month_token(month))
        if m.group(2) is not None and 1 <= int(m.group(2)) <= 31:
            out.append(day_token(month, int(m.group(2))))
    return out


# ---------------------------------------------------------------- dates in Chinese numerals

_CN_NUMBER = "[〇零一二两三四五六七八九十]"
_CN_DATE = re.compile(
    rf"(?:({_CN_NUMBER}{{4}})\s*年\s*)?({_CN_NUMBER}{{1,3}})\s*月(?:份)?(?:\s*({_CN_NUMBER}{{1,3}})\s*([日号]))?"
)
_CN_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})\s*年")


# The years a date written out may name (a later four-digit number is a target or an amount, not a date).
FIRST_YEAR, LAST_YEAR = 1900, 2100


def plausible_date(month: int, day: int | None = None, year: int | None = None) -> bool:
    """Whether a month (and day, and year) written out is one a calendar has; 2月29日 is, whatever the year."""
    days = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return (
        1 <= month <= 12
        and (day is None or 1 <= day <= days[month - 1])
        and (year is None or FIRST_YEAR <= year <= LAST_YEAR)
    )


def digits_in_dates(text: str) -> str:
    """Dates written in Chinese numerals (四月四日, 二〇二三年四月六号, 三月份) in Arabic digits, so
    queries and the date tokens of articles read them like 4月4日. Other numerals stay as they are."""

    def sub(m: re.Match[str]) -> str:
        year = chinese_number(m.group(1)) if m.group(1) else None
        month = chinese_number(m.group(2))
        day = chinese_number(m.group(3)) if m.group(3) else None
        if month is None or (m.group(1) and year is None) or (m.group(3) and day is None):
            return m.group(0)
        if not plausible_date(month, day, year):
            return m.group(0)
        out = f"{year}年" if year is not None else ""
        out += f"{month}月"
        if day is not None:
            out += f"{day}{m.group(4)}"
        return out

    def year(m: re.Match[str]) -> str:
        value = chinese_number(m.group(1))
        return f"{value}年" if value is not None and FIRST_YEAR <= value <= LAST_YEAR else m.group(0)

    return _CN_YEAR.sub(year, _CN_DATE.sub(sub, text))


# ---------------------------------------------------------------- jieba


_jieba_lock = threading.Lock()
_tokenizer = None


def tokenizer():
    """The shared jieba segmenter (rjieba: jieba's dictionary and algorithm in Rust), loaded on first use.

    rjieba builds a default segmenter when it is imported (`rjieba.cut`, `rjieba.tag`); that one is
    used, not a second `rjieba.Jieba()` (another copy of the dictionary: ~0.1 s and its memory)."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _jieba_lock:
        if _tokenizer is None:
            import rjieba

            _tokenizer = rjieba
    return _tokenizer


def cut(text: str) -> list[str]:
    """jieba precise-mode words of `text` (HMM on, so unknown names can join)."""
    return tokenizer().cut(text, True)


def dictionary_word(text: str) -> bool:
    """Whether jieba's dictionary holds `text` as one word (its cut without HMM keeps it whole)."""
    return tokenizer().cut(text, False) == [text]


def tag(text: str) -> list[tuple[str, str]]:
    """jieba precise-mode words of `text` with their part-of-speech tags (HMM on)."""
    return tokenizer().tag(text, True)


_HAN_WORDS = re.compile(rf"(?<=\x00)[{HAN_RANGES}]{{2,}}(?=\x00)")


def han_words(words: list[str]) -> list[str]:
    """The words made only of Han characters, two or more of them (the `words` index column)."""
    return _HAN_WORDS.findall("\x00" + "\x00".join(words) + "\x00")
