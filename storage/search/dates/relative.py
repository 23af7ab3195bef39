"""Dates as people say them, resolved against a given day. Pure.

`relative_periods(text, today)` finds 今天/昨天/前天/本周/这周/上周/本月/上个月/今年/去年/去年6月/今年3月5日/
去年底/今年上半年/去年一季度/最近N天/近一周/
N天前/上周二/周三 (the latest Wednesday)/去年今天 (and their English forms: today, yesterday, this week, last week, last month…) in folded
query text and returns the periods they name (`Period`: first and last day, inclusive) and the text
with them blanked out. Weeks start on Monday. `today` is the chat's day (its timezone is the caller's
business). Dates typed out (4月6日, 2023年4月, 4月4日至6日) are read in `storage.search.dates.absolute`.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from storage.search.dates.spans import ANY_TODAY, Period, month_end, month_span, year_span
from storage.text.numerals import chinese_number

_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5}


def _starts_word(text: str, at: int) -> bool:
    """Whether the character at `at` begins a word of two or more characters (jieba's reading)."""
    from storage.text.segment import tokenizer

    rest = text[at : at + 8]
    words = tokenizer().cut(rest, False) if rest else []  # dictionary words only (no HMM guesses)
    return bool(words) and len(words[0]) > 1


def _after_a_noun(text: str, at: int) -> bool:
    """Whether the word jieba reads right before `at` in `text` is a noun (an event: 春运, 冬奥会)."""
    from storage.text.segment import tokenizer

    before = text[max(0, at - 8) : at]
    tagged = tokenizer().tag(before, True) if before.strip() else []
    return bool(tagged) and tagged[-1][1][:1] in ("n", "j")


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _month_start(d: date) -> date:
    return d.replace(day=1)


_N = r"(\d{1,3}|[零一两二三四五六七八九十百]{1,5})"
# (pattern, resolver(match, today) -> (start, end) | None), tried in order; longer forms first.
_RULES: list[tuple[re.Pattern[str], object]] = []


def _rule(pattern: str):
    def register(fn):
        _RULES.append((re.compile(pattern), fn))
        return fn

    return register


@_rule(r"(?:最近|近|过去|这|前)" + _N + r"(?:个)?(?:天|日)")
def _last_n_days(m: re.Match[str], today: date):
    n = chinese_number(m.group(1))
    if n is None or not 1 <= n <= 366:
        return None
    if m.group(0).startswith("前") and _after_a_noun(m.string, m.start()):
        return None  # 春运前23天, 冬奥会前10天: the first days of an event, not the last days to today
    return today - timedelta(days=n - 1), today


@_rule(r"(?:最近|近|过去|这)" + _N + r"(?:个)?(?:周|星期|礼拜)")
def _last_n_weeks(m: re.Match[str], today: date):
    n = chinese_number(m.group(1))
    if n is None or not 1 <= n <= 52:
        return None
    return today - timedelta(days=7 * n - 1), today


@_rule(r"(?:最近|近|过去)" + _N + r"个月")
def _last_n_months(m: re.Match[str], today: date):
    n = chinese_number(m.group(1))
    if n is None or not 1 <= n <= 24:
        return None
    return today - timedelta(days=30 * n - 1), today


@_rule(_N + r"(?:天|日)(?:以前|之前|前)")
def _n_days_ago(m: re.Match[str], today: date):
    n = chinese_number(m.group(1))
    if n is None or not 1 <= n <= 366:
        return None
    day = today - timedelta(days=n)
    return day, day


@_rule(r"(上上|上|本|这|下)(?:个)?(?:周|星期|礼拜)([一二三四五六日天末])")
def _weekday(m: re.Match[str], today: date):
    if _starts_word(m.string, m.start(2)):
        return None  # 上周二七区: last week in 二七区, not last Tuesday in 七区
    week = {"上上": -2, "上": -1, "本": 0, "这": 0, "下": 1}[m.group(1)]
    start = _monday(today) + timedelta(weeks=week, days=_WEEKDAYS[m.group(2)])
    if m.group(2) == "末":
        return start, start + timedelta(days=1)
    return start, start


# A weekday alone (周三, 星期三的新闻): the most recent such day, today included (on a Wednesday, 周三 is
# today). Not a count (每周三次, 一周三天), a span of weekdays (周一至周五) or the start of a word (周二七区).
@_rule(
    r"(?<![上本这下个每至到\-~～\d一二两三四五六七八九十几])(?:周|星期|礼拜)([一二三四五六日天])"
    r"(?![\d一二三四五六七八九十百千万次天日个年回趟遍轮场批名位人家至到\-~～])"
)
def _weekday_alone(m: re.Match[str], today: date):
    if _starts_word(m.string, m.start(1)):
        return None
    day = today - timedelta(days=(today.weekday() - _WEEKDAYS[m.group(1)]) % 7)
    return day, day


_PICKED = {_weekday_alone}


@_rule(r"(上上|上|本|这)(?:个)?(?:周|星期|礼拜)")
def _week(m: re.Match[str], today: date):
    week = {"上上": -2, "上": -1, "本": 0, "这": 0}[m.group(1)]
    start = _monday(today) + timedelta(weeks=week)
    return start, min(start + timedelta(days=6), today) if week == 0 else start + timedelta(days=6)


@_rule(r"(上上|上|本|这)(?:个)?月(?!\d)")
def _month(m: re.Match[str], today: date):
    back = {"上上": 2, "上": 1, "本": 0, "这": 0}[m.group(1)]
    first = _month_start(today)
    for _ in range(back):
        first = _month_start(first - timedelta(days=1))
    return first, month_end(first)


# 去年今天, 前年的今天: that one day a year or two ago (29 February: the 28th).
@_rule(r"(?<![比较同])(去年|前年)(?:的)?(?:今天|今日|这一天|这天|同一天)")
def _day_years_ago(m: re.Match[str], today: date):
    year = today.year - {"去年": 1, "前年": 2}[m.group(1)]
    day = (
        today.replace(year=year, day=28) if (today.month, today.day) == (2, 29) else today.replace(year=year)
    )
    return day, day


_YEARS_BACK = {"今年": 0, "去年": 1, "前年": 2}
_M = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY_OF_MONTH = r"(?:\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号])?"


# 去年6月, 今年3月5日, 前年的六月: that month or day of that year; not 比去年6月 (a comparison), nor the
# start of a span of months or days (去年6月至9月, 去年6月1日到5日: left to the year and the dates).
@_rule(
    r"(?<![比较同])(今年|去年|前年)(?:的)?"
    + _M
    + r"\s*月份?"
    + _DAY_OF_MONTH
    + r"(?![\d一二三四五六七八九十]|\s*[至到\-~～])"
)
def _month_of_year(m: re.Match[str], today: date):
    year = today.year - _YEARS_BACK[m.group(1)]
    month = chinese_number(m.group(2))
    if month is None or not 1 <= month <= 12:
        return None
    if m.group(3) is None:
        return month_span(year, month)
    day = chinese_number(m.group(3))
    try:
        return (date(year, month, day),) * 2 if day is not None else None
    except ValueError:
        return None


# A part of that year: 上半年 (January-June), 下半年, 一季度/第二季度 (its three months), 前三季度 (January to
# the quarter's end), 年初/初 (January-February), 年底/年末/底/末 (November-December), with the part as
# stories print it (底: 年底). A bare 初, 底 or 末 that begins a word (今年初步统计, 去年底层) is no part.
@_rule(
    r"(?<![比较同])(今年|去年|前年)(?:的)?(?:(上半年|下半年)|(前)?(?:第)?([一二三四1-4])(?:个)?季度|"
    r"(年初|初)|(年底|年末|底|末))"
)
def _part_of_year(m: re.Match[str], today: date):
    year = today.year - _YEARS_BACK[m.group(1)]
    half, before, quarter, start, end = m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)
    if (start or end) in ("初", "底", "末") and _starts_word(m.string, m.end() - 1):
        return None
    if half:
        first_month, last_month = (1, 6) if half == "上半年" else (7, 12)
    elif quarter:
        n = chinese_number(quarter)
        if n is None:
            return None
        first_month, last_month = (1 if before else 3 * n - 2), 3 * n
    else:
        first_month, last_month = (1, 2) if start else (11, 12)
    part = m.group(0)[m.end(1) - m.start() :].lstrip("的")
    return (
        date(year, first_month, 1),
        month_end(date(year, last_month, 1)),
        part if len(part) > 1 else "年" + part,
    )


@_rule(r"(?<![比较同])(今年|去年|前年)(?!\s*同期)")
def _year(m: re.Match[str], today: date):
    year = today.year - _YEARS_BACK[m.group(1)]
    return year_span(year)


@_rule(r"(大前天|前天|昨天|昨日|今天|今日|当天)")
def _day(m: re.Match[str], today: date):
    back = {"大前天": 3, "前天": 2, "昨天": 1, "昨日": 1, "今天": 0, "今日": 0, "当天": 0}[m.group(1)]
    day = today - timedelta(days=back)
    return day, day


# With a possessive too (yesterday's news, today’s news): the "'s" is no word to search for.
@_rule(
    r"(?<![a-z])(today|yesterday|this week|last week|this month|last month|this year|last year)(?:['’]s)?(?![a-z])"
)
def _english(m: re.Match[str], today: date):
    word = m.group(1)
    if word == "today":
        return today, today
    if word == "yesterday":
        day = today - timedelta(days=1)
        return day, day
    if word.endswith("week"):
        start = _monday(today) - (timedelta(weeks=1) if word.startswith("last") else timedelta(0))
        return start, start + timedelta(days=6)
    if word.endswith("month"):
        first = _month_start(today)
        if word.startswith("last"):
            first = _month_start(first - timedelta(days=1))
        return first, month_end(first)
    year = today.year - (1 if word.startswith("last") else 0)
    return year_span(year)


def relative_periods(text: str, today: date, *, keep_parts: bool = False) -> tuple[list[Period], str]:
    """Periods named relative to `today` in `text`, and `text` with them replaced by spaces (with the part of
    a year they name, 年底 of 去年底, in their place when `keep_parts`)."""
    found: list[Period] = []
    for pattern, resolve in _RULES:

        def sub(m: re.Match[str], resolve=resolve) -> str:
            span = resolve(m, today)  # type: ignore[operator]
            if span is None:
                return m.group(0)
            part = span[2] if len(span) > 2 else ""
            found.append(Period(m.group(0), span[0], span[1], picked=resolve in _PICKED, part=part))
            return f" {part} " if keep_parts and part else " "

        text = pattern.sub(sub, text)
    return found, text


def has_relative_date(text: str) -> bool:
    """Whether `text` names a period relative to today (any day will do to tell)."""
    return bool(relative_periods(text, ANY_TODAY)[0])
