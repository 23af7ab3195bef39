"""The last touches to a window of ranked results before a page is cut from it. Pure.

- **news before notices**: advertisements and notices (`storage.text.notices`) go after every news story
  of the window, in their order: they hold a topic's words as often as news does, but a reader searching
  the topic wants the reports;
- **reprints once**: a paper that printed one story twice on a day (the same headline, the same opening,
  on the same date) shows it once, in the better place;
- **newest first**: a search asking for the latest news of a topic (疫情最新消息, 疫情的最新进展) lists the
  stories about the topic newest first, not the most relevant first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple, Protocol, TypeVar

from storage.text.notices import reads_as_notice, reads_as_paid_page

# How many of the most relevant matches a search for the latest news orders by date: the stories about
# the topic (a match only mentioning it ranks below these by BM25).
NOW_WINDOW = 100
# How much of a text's first sentence tells a reprint from another story under the same headline.
REPRINT_OPENING = 40

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


R = TypeVar("R", bound="Ordered")


class About(NamedTuple):
    """What the page order reads of one article: its headline, date, and its text's two ends."""

    title: str
    date: str | None
    opening: str
    tail: str


class Ordered(Protocol):
    """A ranked row as `storage.search.ranking.RankedRow` has it."""

    @property
    def id(self) -> int: ...
    @property
    def on_date(self) -> int: ...
    @property
    def nterms(self) -> float: ...
    @property
    def in_title(self) -> int: ...


def news_before_notices(
    rows: Sequence[R], about: Mapping[int, About], *, a_days_listing: bool = False
) -> list[R]:
    """`rows` with the advertisements and notices moved after every other row, each part in its order; in
    `a_days_listing` (10月1日有什么新闻) the paid pages too (`storage.text.notices`)."""

    def after_news(a: About) -> bool:
        return reads_as_notice(a.opening, a.tail) or a_days_listing and reads_as_paid_page(a.opening, a.tail)

    notice = {r.id for r in rows if r.id in about and after_news(about[r.id])}
    return [r for r in rows if r.id not in notice] + [r for r in rows if r.id in notice]


def reprint_key(a: About) -> tuple[str, str, str]:
    """What two printings of one story share: the headline, the date and the first sentence's opening
    (spaces aside)."""
    first = _SENTENCE_END.split(a.opening, maxsplit=1)[0]
    return (_SPACE.sub("", a.title), a.date or "", _SPACE.sub("", first)[:REPRINT_OPENING])


def reprints(ids: Sequence[int], about: Mapping[int, About]) -> set[int]:
    """The ids (of `ids`, in order) that reprint a story listed before them; undated ones and those with
    no headline are never taken for reprints."""
    seen: set[tuple[str, str, str]] = set()
    out: set[int] = set()
    for i in ids:
        a = about.get(i)
        if a is None or not a.date or not a.title.strip():
            continue
        key = reprint_key(a)
        if key in seen:
            out.add(i)
        seen.add(key)
    return out


def newest_first(rows: Sequence[R], about: Mapping[int, About]) -> list[R]:
    """`rows` newest first within their ranking tiers (the date asked for, the words held, every word in
    the headline): the latest of the stories about the topic lead; undated rows last in their tier."""

    def key(r: R) -> tuple[int, float, int, int, str]:
        day = about[r.id].date if r.id in about else None
        return (-r.on_date, -r.nterms, -r.in_title, 0 if day else 1, _negated(day or ""))

    return sorted(rows, key=key)


def _negated(iso: str) -> str:
    """A string that sorts ISO dates newest first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in iso)
