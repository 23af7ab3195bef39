"""Spans of days a query names, and the calendar arithmetic both its relative dates (`relative`) and the dates
typed out (`absolute`) resolve with. Pure.

`day_of(month, day, today)` gives the most recent day (on or before today) for a month and day typed without
a year (8月15日 → 2026-08-15 when today is in 2026 after that day, else the year before).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Period:
    """A span of days (inclusive) named in a query; `text` as typed."""

    text: str
    start: date
    end: date
    # One day picked among the several the words name (周三: the latest Wednesday): replies say which.
    picked: bool = False
    # The part of a year named (年底, 上半年, 一季度) as stories print it: a question's word as well.
    part: str = ""

    def label(self) -> str:
        if self.start == self.end:
            return f"{self.start.month}月{self.start.day}日"
        return f"{self.start.month}月{self.start.day}日—{self.end.month}月{self.end.day}日"


# A day to resolve dates against when there is no today (the question is only whether a date is named).
ANY_TODAY = date(2000, 1, 1)


def month_end(d: date) -> date:
    """The last day of the month `d` falls in."""
    nxt = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
    return nxt - timedelta(days=1)


def year_span(year: int) -> tuple[date, date]:
    """The first and last day of `year`."""
    return date(year, 1, 1), date(year, 12, 31)


def month_span(year: int, month: int) -> tuple[date, date] | None:
    """The first and last day of `month` of `year` (None for a month no calendar has)."""
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    first = date(year, month, 1)
    return first, month_end(first)


def day_of(month: int, day: int, today: date) -> date | None:
    """The most recent `month`/`day` on or before `today` (None if it never exists, e.g. 2月30日)."""
    for year in (today.year, today.year - 1, today.year - 2, today.year - 3, today.year - 4):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None
