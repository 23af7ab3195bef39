"""The months and days a story mentions, with their year: what a keyword search with a dated period
(`2021年10月 人民`) keeps, stored per article so that the search looks them up instead of reading every
match's date (`storage.search.ranking.mentions` reads a period the same three ways).

A story mentions the month or day of a year (its *period*, `period_key`: ``2021-10``, ``2020-05-20``) when
it prints it with that year (2021年10月), prints it without a year and is dated in that year (10月 in a
story of 2021, read from its date tokens, `storage.text.segment.date_tokens`), or prints it after 去年 and is
dated in the next year (去年10月 in a story of 2022). The printed forms are read from the index tokens
(`storage.text.segment.pieces`) exactly as the full-text phrase of the period's label matches them: the
year and the month as typed, without leading zeros; 年 a Han run of its own (去年 ending one); the month's
Han run beginning with 月 (月, 月底), and for a day, 月 alone, the day, and a run beginning with 日. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from storage.text.normalize import HAN_RANGES

# The pieces of `storage.text.segment.pieces`: a Han character, a letter or digit, neither (a separator).
_HAN, _ALNUM, _SEP = f"[{HAN_RANGES}]", rf"[^\W_{HAN_RANGES}]", r"[\W_]"
# A number as a query's label prints it (DateSpec.label: no leading zero), a whole piece of letters/digits.
_NUMBER = rf"(?<!{_ALNUM})([1-9][0-9]*)(?!{_ALNUM})"
# A year and 年 (a Han run of its own), or a Han run ending in 去年; then the month and a Han run beginning
# with 月; and, when that run is 月 alone, the day and a Han run beginning with 日. Separators between.
_PRINTED = re.compile(
    rf"(?:{_NUMBER}{_SEP}*(?<!{_HAN})年|(去)年)(?!{_HAN}){_SEP}*{_NUMBER}{_SEP}*月"
    rf"(?:(?!{_HAN}){_SEP}*{_NUMBER}{_SEP}*日)?"
)
_DATE_TOKEN = re.compile(r"([md])(\d\d)(\d\d)?")  # `segment.month_token`, `segment.day_token`


def period_key(year: int, month: int, day: int | None = None) -> str:
    """The key of a month (``2021-10``) or a day (``2020-05-20``) of a year."""
    key = f"{year:04d}-{month:02d}"
    return key if day is None else f"{key}-{day:02d}"


class DateMention(NamedTuple):
    """A month or a day a story prints: with its year (`year`), or without one, of the story's own year
    (`years_back` 0) or of the year before it (1: after 去年). A named tuple: ingest builds, deduplicates
    and sends (from its preparing workers) a few for every article, at a tuple's cost."""

    month: int
    day: int | None = None
    year: int | None = None
    years_back: int = 0

    def period(self, story_year: int | None) -> str | None:
        """Its `period_key`, for a story dated in `story_year` (None: undated, so only a printed year counts)."""
        if self.year is not None:
            return period_key(self.year, self.month, self.day)
        if story_year is None:
            return None
        return period_key(story_year - self.years_back, self.month, self.day)


def date_mentions(title: str, byline: str, body: str, tokens: Iterable[str]) -> tuple[DateMention, ...]:
    """The months and days a story prints, its normalised title, byline and body: with a year or after 去年
    in any of the three (each read on its own, as the phrase search reads a column), and without one where
    its date `tokens` (`storage.text.segment.date_tokens` of title and body) find them."""
    found = [m for text in (title, byline, body) for m in printed_dates(text)]
    found += unyeared_dates(tokens)
    return tuple(dict.fromkeys(found))


def printed_dates(text: str) -> list[DateMention]:
    """The months and days `text` prints after a year (2021年10月, 2020年5月20日) or after 去年 (去年10月)."""
    out: list[DateMention] = []
    if "年" not in text or "月" not in text:  # what every printed date holds: no scan without them
        return out
    for m in _PRINTED.finditer(text):
        year, last_year, month, day = m.groups()
        if not 1 <= int(month) <= 12:
            continue
        head = DateMention(int(month), None, int(year) if year else None, 1 if last_year else 0)
        out.append(head)
        if day is not None and 1 <= int(day) <= 31:
            out.append(head._replace(day=int(day)))
    return out


def unyeared_dates(tokens: Iterable[str]) -> list[DateMention]:
    """The months and days of date tokens (m10, d0520): printed without a year, so of the story's own."""
    out = []
    for token in tokens:
        m = _DATE_TOKEN.fullmatch(token)
        if m is not None:
            day = int(m.group(3)) if m.group(1) == "d" else None
            out.append(DateMention(int(m.group(2)), day))
    return out


def story_year(date: str | None) -> int | None:
    """The year a story's date (ISO text) falls in, as the search reads it (``Y-01-01 <= date <= Y-12-31``)."""
    if not date or not date[:4].isdigit():
        return None
    year = int(date[:4])
    return year if f"{year:04d}-01-01" <= date <= f"{year:04d}-12-31" else None


def periods(mentions: Iterable[DateMention], date: str | None) -> list[str]:
    """The periods a story dated `date` mentions, each once."""
    year = story_year(date)
    return list(dict.fromkeys(k for k in (m.period(year) for m in mentions) if k is not None))
