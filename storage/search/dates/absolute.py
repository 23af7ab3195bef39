"""Dates typed out in a query, read from folded query text. Pure.

`extract_dates(text)` finds the dates a query names by month, day or year (4月6日, 2023年4月, 2023-04-06, 4.6,
20230404, 23年4月4日, 2019年1到9月, 2023年, April 4) as `DateSpec`s and returns the text with them blanked out;
`day_ranges(text, today)` finds spans of days (4月4日至6日) as periods; `no_such_dates(text)` the dates written
as dates that no calendar has (2月30日, 13月1日). English dates are read as the Chinese ones they name
(`english_dates`). Dates named relative to today (昨天, 去年6月) are `storage.search.dates.relative`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from storage.search.dates.spans import Period, day_of, month_span, year_span
from storage.text.segment import FIRST_YEAR, LAST_YEAR, digits_in_dates, plausible_date


@dataclass(frozen=True)
class DateSpec:
    """A date expression: year may be unknown (any year); day may be unknown (whole month); month 0
    with a year is the whole year (2023年)."""

    text: str  # as typed (folded)
    month: int
    year: int | None = None
    day: int | None = None

    def span(self, today: date) -> tuple[date, date] | None:
        """The days (first, last) it names: a year's, a month's or one day; without a year, the most recent
        such day or month on or before `today`. None for a day no calendar has (2月30日)."""
        if self.year is not None and not 1 <= self.year <= 9999:
            return None
        if self.month == 0:
            return year_span(self.year) if self.year else None
        year = self.year
        if self.day is None:
            if year is None:
                year = today.year if self.month <= today.month else today.year - 1
            return month_span(year, self.month)
        if year is None:
            day = day_of(self.month, self.day, today)
            return (day, day) if day is not None else None
        try:
            return (date(year, self.month, self.day),) * 2
        except ValueError:
            return None

    def label(self) -> str:
        if self.month == 0:
            return f"{self.year}年"
        out = f"{self.month}月"
        if self.year is not None:
            out = f"{self.year}年" + out
        if self.day is not None:
            out += f"{self.day}日"
        return out

    def printed_forms(self) -> list[str]:
        """How a story's text would write the date (normalised): 2023年4月6日 and 4月6日, 4月6日, 4月."""
        out = [self.label()]
        if self.year is not None and self.month:
            out.append(f"{self.month}月{self.day}日" if self.day is not None else f"{self.month}月")
        return out


_FULL_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?|([-/.])\s*(\d{1,2})\s*\4\s*(\d{1,2}))(?!\d)"
)
# A year, also before a count (2018年17个试点: the year and 17个); not before a month, a day or a span of
# months left unread (2019年13月, 2019年9到1月: no date, kept as typed).
_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年(?:度)?(?!\s*\d+\s*(?:[月日号]|[到至\-—~～]\s*\d+\s*月))")
# Four digits standing as a word of their own (二七区 2023, or 2023 alone): a year, as 2023年 is.
_YEAR_WORD = re.compile(r"^(\d{4})$")
# A year and a span of its months (2019年1到9月, 2020年1至4月, 2019年1-9月): the year is the date; news
# writes the span in several ways (1—9月, 1至9月, 前三季度), so it is no word to find.
_YEAR_MONTHS = re.compile(
    r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*(?:月份?)?\s*[到至\-—~～]\s*(\d{1,2})\s*月份?(?!\s*\d)"
)
# A date with a two-digit year (23年4月4日): 00-68 are 20xx, 69-99 19xx (POSIX strptime's %y).
_SHORT_YEAR_DATE = re.compile(r"(?<!\d)(\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?!\d)")
# Eight digits standing alone as a date (20230404).
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# A span of days (4月4日至6日, 2023年4月28日到5月3日): a period, not a date.
_DAY_RANGE = re.compile(
    r"(?<!\d)(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*[至到\-—~～]\s*"
    r"(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号](?!\d)"
)
_YEAR_MONTH = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月份?(?!\s*\d)")
_MONTH_DAY = re.compile(r"(?<![\d.])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
# A month and day as a word of their own: 4.6, 4/6, 4-6.
_DOTTED = re.compile(r"^(\d{1,2})[./\-](\d{1,2})$")
# A month that ends a range of months (1—6月: January to June data) is not the article's month.
_MONTH = re.compile(r"(?<![\d.—\-~～至到])(\d{1,2})\s*月份?(?!\s*\d)")


_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sept sep",
            "october oct",
            "november nov",
            "december dec",
        )
    )
    for name in names.split()
}
_EN_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_EN_MONTH_DAY = re.compile(rf"(?<![a-z]){_EN_MONTH}\s+{_EN_DAY}(?:\s*,?\s*(\d{{4}}))?(?![\d])")
_EN_DAY_MONTH = re.compile(rf"(?<![\d]){_EN_DAY}\s+(?:of\s+)?{_EN_MONTH}(?:\s*,?\s*(\d{{4}}))?(?![a-z])")
_EN_MONTH_YEAR = re.compile(rf"(?<![a-z]){_EN_MONTH}(?:\s*,?\s*(\d{{4}}))(?![\d])")


def english_dates(text: str) -> str:
    """English dates (April 4, 4th April, Apr 4 2023, April 2023) as Chinese ones (4月4日)."""

    def month_day(m: re.Match[str]) -> str:
        year = f"{m.group(3)}年" if m.group(3) else ""
        return f" {year}{_MONTHS[m.group(1)]}月{int(m.group(2))}日 "

    def day_month(m: re.Match[str]) -> str:
        year = f"{m.group(3)}年" if m.group(3) else ""
        return f" {year}{_MONTHS[m.group(2)]}月{int(m.group(1))}日 "

    def month_year(m: re.Match[str]) -> str:
        return f" {m.group(2)}年{_MONTHS[m.group(1)]}月 "

    text = _EN_MONTH_DAY.sub(month_day, text)
    text = _EN_DAY_MONTH.sub(day_month, text)
    return _EN_MONTH_YEAR.sub(month_year, text)


def _in_figures(text: str) -> str:
    """Folded query text with its dates in figures: Chinese numerals (`digits_in_dates`) and English dates
    (`english_dates`) as 4月6日."""
    return english_dates(digits_in_dates(text))


def no_such_dates(text: str) -> list[str]:
    """The dates in folded query text written with 年/月/日 (or as 2023-02-30) whose month or day no
    calendar has (2月30日, 13月1日, 2023年2月30日), as typed; a day that only some years have (2月29日) is
    judged with the year, when there is one, by `DateSpec.span`."""
    text = _in_figures(text)
    out = []
    for m in _FULL_DATE.finditer(text):
        if m.group(4) in (None, "-") and not plausible_date(
            int(m.group(2) or m.group(5)), int(m.group(3) or m.group(6))
        ):
            out.append(m.group(0).strip())
    # A message that is only a month and day in figures (4.31, 13/4): a date no calendar has. Among other
    # words such figures may be a number (增长 4.35), so they are left alone there.
    dotted = _DOTTED.match(text.strip())
    if dotted and not plausible_date(int(dotted.group(1)), int(dotted.group(2))):
        out.append(dotted.group(0))
    rest = _FULL_DATE.sub(" ", text)
    out += [m.group(0).strip() for m in _YEAR_MONTH.finditer(rest) if not plausible_date(int(m.group(2)))]
    out += [
        m.group(0).strip()
        for m in _MONTH_DAY.finditer(rest)
        if not plausible_date(int(m.group(1)), int(m.group(2)))
    ]
    return out


def _short_year(yy: int) -> int:
    return 2000 + yy if yy < 69 else 1900 + yy


def _range_span(m: re.Match[str], today: date) -> tuple[date, date] | None:
    """The first and last day of a span of days; without a year, the latest such span ending on or before
    `today`. None when a day is not in the calendar or the span runs backwards."""
    first_month, first_day = int(m.group(2)), int(m.group(3))
    last_month, last_day = int(m.group(4) or first_month), int(m.group(5))
    try:
        if m.group(1):
            year = int(m.group(1))
            first, last = date(year, first_month, first_day), date(year, last_month, last_day)
        else:
            found = day_of(last_month, last_day, today)
            if found is None:
                return None
            last = found
            first = date(last.year, first_month, first_day)
            if first_month > last_month:  # 12月30日至1月2日: the span began the year before
                first = date(last.year - 1, first_month, first_day)
    except ValueError:
        return None
    return (first, last) if first < last else None


def day_ranges(text: str, today: date) -> tuple[list[Period], str]:
    """Spans of days in folded query text (4月4日至6日) as periods, and the text with them blanked out."""
    found: list[Period] = []

    def span(m: re.Match[str]) -> str:
        days = _range_span(m, today)
        if days is None:
            return m.group(0)
        found.append(Period(m.group(0).strip(), days[0], days[1]))
        return " "

    return found, _DAY_RANGE.sub(span, digits_in_dates(text))


def extract_dates(text: str, latest_year: int = LAST_YEAR) -> tuple[list[DateSpec], str]:
    """Date expressions found in folded query text, and the text with them replaced by spaces. Four digits
    standing as a word are a year up to `latest_year` (this year): a later one (碳达峰 2030) is a target
    the news prints, kept as a word."""
    found: list[DateSpec] = []
    text = _in_figures(text)

    def full(m: re.Match[str]) -> str:
        year = int(m.group(1))
        month = int(m.group(2) or m.group(5))
        day = int(m.group(3) or m.group(6))
        if not plausible_date(month, day, year):
            return m.group(0)
        found.append(DateSpec(m.group(0), month, year, day))
        return " "

    def year_month(m: re.Match[str]) -> str:
        year, month = int(m.group(1)), int(m.group(2))
        if not plausible_date(month, None, year):
            return m.group(0)
        found.append(DateSpec(m.group(0), month, year))
        return " "

    def month_day(m: re.Match[str]) -> str:
        month, day = int(m.group(1)), int(m.group(2))
        if not plausible_date(month, day):
            return m.group(0)
        found.append(DateSpec(m.group(0), month, None, day))
        return " "

    def month_only(m: re.Match[str]) -> str:
        month = int(m.group(1))
        if not plausible_date(month):
            return m.group(0)
        found.append(DateSpec(m.group(0), month))
        return " "

    def year_months(m: re.Match[str]) -> str:
        year, first, last = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not (plausible_date(first, None, year) and plausible_date(last, None, year) and first < last):
            return m.group(0)
        found.append(DateSpec(m.group(0), 0, year))
        return " "

    def short_year(m: re.Match[str]) -> str:
        year, month, day = _short_year(int(m.group(1))), int(m.group(2)), int(m.group(3))
        if not plausible_date(month, day, year):
            return m.group(0)
        found.append(DateSpec(m.group(0), month, year, day))
        return " "

    text = _FULL_DATE.sub(full, text)
    text = _SHORT_YEAR_DATE.sub(short_year, text)
    text = _YEAR_MONTHS.sub(year_months, text)
    text = _YEAR_MONTH.sub(year_month, text)
    text = _MONTH_DAY.sub(month_day, text)
    words = text.split(" ")
    for i, w in enumerate(words):  # "4.6" and "20230404" only as words of their own: "3.5亿" is a number
        m = _DOTTED.match(w)
        if m and plausible_date(int(m.group(1)), int(m.group(2))):
            found.append(DateSpec(w, int(m.group(1)), None, int(m.group(2))))
            words[i] = ""
        compact = _COMPACT_DATE.match(w)
        if compact and plausible_date(int(compact.group(2)), int(compact.group(3)), int(compact.group(1))):
            found.append(DateSpec(w, int(compact.group(2)), int(compact.group(1)), int(compact.group(3))))
            words[i] = ""
    text = " ".join(words)
    text = _MONTH.sub(month_only, text)

    def year_only(m: re.Match[str]) -> str:
        year = int(m.group(1))
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return m.group(0)
        found.append(DateSpec(m.group(0), 0, year))
        return " "

    text = _YEAR.sub(year_only, text)
    # A year typed as a word of its own (2019 年 is read above), when it is the only one: 2023 2024 are
    # searched as typed.
    words = text.split(" ")
    year_words = [
        i for i, w in enumerate(words) if _YEAR_WORD.match(w) and FIRST_YEAR <= int(w) <= latest_year
    ]
    if len(year_words) == 1:
        found.append(DateSpec(words[year_words[0]], 0, int(words[year_words[0]])))
        words[year_words[0]] = ""
    return found, " ".join(words)
