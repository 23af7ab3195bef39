"""A date-only query whose period has no news: the latest day with news before it, instead.

`昨天`, `上周`, `4月3日` typed alone ask for that period's stories. When none is stored, every reply
(the chats through `bot.chat.conversation`, `newsbot search` on the command line) shows the latest day
with news on or before the period's end, saying so. `latest_day_instead` is that one rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from storage.models import SearchResponse


class DaySearch(Protocol):
    """What the rule needs: a search and the latest day with news (`Searcher`, the chat's `Library`)."""

    def search(
        self, query: str, *, limit: int, offset: int, today: date | None = None, correct: bool = True
    ) -> SearchResponse: ...

    def latest_day(self, on_or_before: date) -> str | None: ...


@dataclass(frozen=True)
class LatestDayInstead:
    """The period asked for had no news; `shown` holds the stories of `day`, the latest day with news
    on or before its end (None, and nothing shown, when there is no such day)."""

    when: str  # the period asked for: "2023-04-13", or "2023-04-03 — 2023-04-09"
    day: str | None
    shown: SearchResponse | None


def period_label(period: tuple[str, str]) -> str:
    """A period as it is written in replies: one day, or its first and last day."""
    first, last = period
    return first if first == last else f"{first} — {last}"


def latest_day_instead(
    library: DaySearch, response: SearchResponse, *, limit: int, offset: int = 0, today: date | None = None
) -> LatestDayInstead | None:
    """For a date-only query that found nothing, the latest day with news up to its period's end and
    that day's `limit` stories from `offset` (a later page of it: inline mode's next results); None for
    any other response (it is the answer as it is)."""
    if response.total or response.hits or not response.date_only or response.period is None:
        return None
    when = period_label(response.period)
    day = library.latest_day(date.fromisoformat(response.period[1]))
    if day is None:
        return LatestDayInstead(when=when, day=None, shown=None)
    shown = library.search(day, limit=limit, offset=offset, today=today)
    return LatestDayInstead(when=when, day=day, shown=shown)
