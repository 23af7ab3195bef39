"""When digests are due, and what /subscribe and /timezone arguments mean. Pure: the clock is a parameter.

A subscription has a local time of day (HH:MM) in its chat's IANA timezone. At ``now`` it is due when

- today's scheduled moment (today = the local date at ``now``) has passed, or yesterday's has and today's
  has not,
- it passed less than ``grace`` ago (default 6 h): a digest missed while the bot was down is sent when it
  comes back, even after midnight (as the day it was due), but not a stale one hours later,
- it is not earlier than the subscription itself (subscribing at 10:00 for 08:00 starts tomorrow), and
- the ledger holds no row for this local date or a later one (never a second digest the same local day,
  whatever happened: restart, crash, a timezone change that moved the local date backwards).

Daylight saving: a local time that does not exist that day (02:30 when clocks jump 02:00 → 03:00) is
taken with the offset before the jump, i.e. one hour later on the wall clock (03:30); a local time that
happens twice (01:30 when clocks fall back) is the first occurrence. Both follow zoneinfo's ``fold=0``.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.chat.intents import link_forms
from bot.digests.filters import NOT_WORDS, is_separator, parse_keywords, regroup_quotes
from storage.models import DEFAULT_TIMEZONE
from storage.text.normalize import fold, unescape_entities, without_markup
from storage.text.numerals import chinese_number

DEFAULT_TIME = time(8, 0)
DEFAULT_GRACE = timedelta(hours=6)
MAX_KEYWORDS = 10
MAX_KEYWORD_LENGTH = 30


# ---- due times ---------------------------------------------------------------------------------------


def scheduled_moment(local_date: date, at: time, zone: ZoneInfo) -> datetime:
    """The aware moment (UTC) of wall-clock ``at`` on ``local_date`` in ``zone`` (fold=0, see module doc)."""
    wall = datetime.combine(local_date, at.replace(tzinfo=None, fold=0), tzinfo=zone)
    # Round trip through UTC normalises wall times that do not exist (spring forward) to real instants.
    return wall.astimezone(UTC)


def due_local_date(
    at: time,
    zone: ZoneInfo,
    now: datetime,
    *,
    last_local_date: date | None,
    created_at: datetime | None = None,
    grace: timedelta = DEFAULT_GRACE,
) -> date | None:
    """The local date whose digest is due at ``now``, or None. ``now`` must be timezone-aware."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    today = now.astimezone(zone).date()
    # Today's moment, else yesterday's when it is still within the grace (a 23:30 digest missed while the
    # bot was down is sent at 00:10, as that day's).
    for day in (today, today - timedelta(days=1)):
        if last_local_date is not None and last_local_date >= day:
            return None
        moment = scheduled_moment(day, at, zone)
        if moment > now:
            continue
        if now >= moment + grace or (created_at is not None and moment < created_at):
            return None
        return day
    return None


class Schedulable(Protocol):
    """What the decision needs from a stored subscription (storage.records.subscriptions.SubscriptionState)."""

    @property
    def id(self) -> int: ...

    @property
    def timezone(self) -> str: ...

    @property
    def last_local_date(self) -> date | None: ...

    @property
    def subscription(self) -> _HasTime: ...


class _HasTime(Protocol):
    @property
    def local_time(self) -> str: ...

    @property
    def created_at(self) -> datetime: ...


@dataclass(frozen=True)
class Due:
    subscription_id: int
    local_date: date
    scheduled_at: datetime  # UTC
    state: object = field(compare=False, repr=False, default=None)  # the candidate it came from


def due_subscriptions(
    candidates: Iterable[Schedulable], now: datetime, *, grace: timedelta = DEFAULT_GRACE
) -> list[Due]:
    """The candidates due at ``now``, the longest-waiting first. Unknown timezones fall back to the default."""
    out: list[Due] = []
    for cand in candidates:
        zone = zone_or_default(cand.timezone)
        at = parse_time(cand.subscription.local_time)
        if at is None:
            continue
        day = due_local_date(
            at,
            zone,
            now,
            last_local_date=cand.last_local_date,
            created_at=cand.subscription.created_at,
            grace=grace,
        )
        if day is not None:
            out.append(Due(cand.id, day, scheduled_moment(day, at, zone), cand))
    out.sort(key=lambda d: (d.scheduled_at, d.subscription_id))
    return out


def next_digest_at(
    at: time,
    zone: ZoneInfo,
    now: datetime,
    *,
    created_at: datetime | None = None,
    last_local_date: date | None = None,
) -> datetime:
    """The next scheduled moment (UTC) after ``now`` (and after ``created_at``) on a local day after
    ``last_local_date`` (the day of the latest digest, which has had its one): for confirmations."""
    start = now if created_at is None else max(now, created_at)
    day = start.astimezone(zone).date()
    if last_local_date is not None:
        day = max(day, last_local_date + timedelta(days=1))
    for offset in range(3):
        moment = scheduled_moment(day + timedelta(days=offset), at, zone)
        if moment > start:
            return moment
    return scheduled_moment(day + timedelta(days=3), at, zone)


def zone_or_default(name: str, default: str = DEFAULT_TIMEZONE) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(default)


# ---- argument parsing --------------------------------------------------------------------------------

_TIME_RE = re.compile(r"^(\d{1,2})[:：](\d{2})$")
# A time written with a full stop (8.30, 21.00, as Chinese readers often do), on the hour or the half hour
# only: an event named by its date (3.15, 7.20, 9.11) or a number (8.75, 3.5) stays a keyword.
_DOTTED_TIME_RE = re.compile(r"^(\d{1,2})\.([03]0)$")
# A part of the day with nothing else of a time: 晚上, 中午, 凌晨 (or with a number only: 晚上8).
_PARTS_ALONE = r"上午|下午|早上|晚上|中午|凌晨|傍晚|清晨|早晨|晚间|夜晚|夜里|夜间|半夜|午夜|深夜|今晚|明早"
# A part of the day before a time: 晚上8点, 凌晨3点, 晚9点, 半夜12点, 深夜11点 (the parts above, and the short
# and daily forms).
_DAY_PART = rf"{_PARTS_ALONE}|每天早上|每天晚上|每天|早|晚"
_CN_DIGITS = "零〇一二两三四五六七八九十"
# A day before a time: 每天8点 (every digest is daily), 明天晚上8点 (the first one is tomorrow).
_DAY_WORD = r"每天|每日|天天|明天|明日|今天"
# Words saying only that it is daily: no keyword (/subscribe 8点 每天).
_DAILY_RE = re.compile(r"^(?:每天|每日|天天)$")
# Things that look like an attempt at a time but are not HH:MM: "8点半", "8点", "8時", "8h", "0800", "8:5", "8",
# a time in Chinese numerals ("二十四点", "八点七十分"), a part of the day alone or with only a number ("晚上",
# "晚上8") and a part of the day with a number ("晚上25点"). A word that merely starts with a part of the day
# ("早上好", "下午茶") is a keyword.
_TIME_ATTEMPT_RE = re.compile(
    r"^\d{1,2}$|^0\d{3}$|^\d{1,2}[:：]\d{0,1}$|^\d{1,2}[:：]\d{3,}$|^\d{1,3}\s*[点點时時hH].*$"
    r"|^\d{1,2}[:：]\d{2}[:：.]\d{1,2}$"  # with seconds: 21:30:00
    rf"|^(?:{_DAY_WORD})?(?:{_PARTS_ALONE})\s*[{_CN_DIGITS}\d]{{0,3}}$"
    rf"|^[{_CN_DIGITS}]{{1,3}}\s*[点點时時]\s*(?:[{_CN_DIGITS}\d]{{1,3}}\s*分?|半|整|一刻|三刻)?$"
    rf"|^(?:{_DAY_PART})\s*[{_CN_DIGITS}\d]{{1,3}}\s*[点點时時:：]"
)
# Midnight written as the day's end: 24:00, 24点, 二十四点, 晚上24点 (no time of a day: it is 00:00).
_MIDNIGHT_24_RE = re.compile(rf"^(?:{_DAY_PART})?\s*(?:24|二十四)\s*(?:[:：]\s*00|[点點时時]\s*整?)$")
# A part of the day alone ("晚上" in "/subscribe 晚上 9点"): it belongs to the time after it.
_DAY_PART_ONLY_RE = re.compile(rf"^(?=.)(?:{_DAY_WORD})?(?:{_DAY_PART})?$")


@dataclass(frozen=True)
class SubscribeRequest:
    local_time: str  # "HH:MM"
    keywords: tuple[str, ...] = ()
    # The time-like words typed, as typed (a time, or where times are not used also an invalid one); not
    # part of what is subscribed, so not compared.
    typed_times: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class ArgumentError:
    """Bad user input. ``code`` picks the message in digest texts; ``value`` is the offending input."""

    # "bad_time", "too_many_keywords", "keyword_too_long", "keyword_unsearchable", "keyword_link", "bad_timezone",
    # "missing_timezone", "keywords_all_excluded"
    code: str
    value: str = ""
    # What the input most likely meant (a timezone with a slip; 00:00 for 24:00), else "": the reply
    # (`err_<code>_close`) offers it.
    suggestion: str = ""


def normalize_token(token: str) -> str:
    """Full-width digits and colons to ASCII (NFKC), HTML character references to their characters
    (`&amp;` → `&`, `&quot;` → `"`), surrounding spaces removed."""
    return unicodedata.normalize("NFKC", unescape_entities(token)).strip()


# Brackets people type around a word (after NFKC: （ is "("), each with its partner.
_BRACKETS = {"(": ")", "[": "]", "【": "】", "《": "》", "〈": "〉", "〔": "〕", "{": "}"}
_CLOSERS = {close: open_ for open_, close in _BRACKETS.items()}


def without_open_marks(token: str) -> str:
    """A keyword without a quote or bracket left open: ``"郑州`` → ``郑州``, ``(二七区`` → ``二七区``,
    ``-（人才`` → ``-人才``; balanced ones stay (``"郑州 大学"``, ``(二七区)``)."""
    sign = "-" if token.startswith("-") else ""
    word = token[len(sign) :]
    if word.count('"') % 2:
        word = word.replace('"', "")
    while word and word[0] in _BRACKETS and _BRACKETS[word[0]] not in word[1:]:
        word = word[1:]
    while word and word[-1] in _CLOSERS and _CLOSERS[word[-1]] not in word[:-1]:
        word = word[:-1]
    return sign + word


# What readers list keywords with (人才，电梯、宗教; 1,000 is a number): each piece is a keyword.
_LIST_MARKS = re.compile(r"(?<!\d)[,，]|[,，](?!\d)|[、;；]")


def split_listed(arg: str) -> list[str]:
    """``人才，电梯`` → ``["人才", "电梯"]``; an exclusion's pieces are each excluded (``-体育，娱乐`` →
    ``["-体育", "-娱乐"]``); a quoted phrase stays whole."""
    if '"' in arg or not _LIST_MARKS.search(arg):
        return [arg]
    sign = "-" if normalize_token(arg).startswith("-") else ""
    word = arg[1:] if sign else arg  # "-" or "－"
    pieces = [sign + piece for piece in _LIST_MARKS.split(word) if piece.strip()]
    return pieces or [arg]  # marks alone ("，"): refused as no keyword, never a subscription to everything


def tags_left_out(arg: str) -> list[str]:
    """``<b>人才</b>`` → ``["人才"]``, ``<p>阅兵</p><br/>电梯`` → ``["阅兵", "电梯"]``, ``-<i>体育</i>`` →
    ``["-体育"]``: markup tags around or between words are no keyword (the search leaves them out too); a
    quoted phrase stays whole; a tag alone (``<i>``) stays as typed, refused as no keyword."""
    sign = "-" if normalize_token(arg).startswith("-") else ""
    word = arg[1:] if sign else arg
    text = without_markup(word)
    if text == word or not any(ch.isalnum() for ch in text):
        return [arg]
    if '"' in text:
        return [sign + '"'.join(" ".join(part.split()) for part in text.split('"'))]
    return [sign + piece for piece in text.split()]


def parse_time(text: str) -> time | None:
    """ "8:00", "08:00", "８：００" → time(8, 0); anything else (including 25:99) → None."""
    match = _TIME_RE.match(normalize_token(text))
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


_NATURAL_RE = re.compile(
    rf"^(?:{_DAY_WORD})?(?P<part>{_DAY_PART})?"
    r"(?P<hour>\d{1,2}|[零〇一二两三四五六七八九十]{1,3})\s*"
    r"(?:(?:[点點时時])[钟鐘]?\s*(?:(?P<half>半)|(?P<quarter>一刻|三刻)|(?P<cmin>\d{1,2}|[零〇一二三四五六七八九十]{1,3})\s*分?|整)?"
    r"|[:：]\s*(?P<min>\d{2}))"
    r"\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?$",
    re.IGNORECASE,
)
_AMPM_ONLY_RE = re.compile(r"^(?P<hour>\d{1,2})\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)$", re.IGNORECASE)
_AFTERNOON = ("下午", "傍晚", "晚上", "晚间", "夜晚", "夜里", "夜间", "今晚", "每天晚上", "晚")
_NIGHT = ("晚上", "晚间", "夜晚", "夜里", "夜间", "今晚", "每天晚上", "晚")  # 晚上12点 is midnight
# Parts of the night on both sides of midnight: 半夜12点 is 00:00, 深夜11点 23:00, 半夜2点 02:00.
_LATE_NIGHT = ("半夜", "午夜", "深夜")
# The earliest hour of the evening a late-night part names (深夜9点 is 21:00; 深夜3点 is 03:00).
_LATE_EVENING_FROM = 6


def parse_natural_time(text: str) -> time | None:
    """A time as people write it: 8点, 早上8点, 晚上8点半, 晚9点, 下午3点15分, 八点一刻, 20:30, 8.30, 8:00pm, 8pm.
    A part of the day (晚上, 下午) or pm moves 1-11 o'clock to the afternoon; 12am and 晚上12点 are midnight.
    Anything else (25点, 8点70分) → None."""
    token = normalize_token(text).replace(" ", "")
    if (m := _TIME_RE.match(token)) is not None:
        return parse_time(token)
    if (m := _DOTTED_TIME_RE.match(token)) is not None:
        return parse_time(f"{m.group(1)}:{m.group(2)}")
    m = _NATURAL_RE.match(token) or _AMPM_ONLY_RE.match(token)
    if m is None:
        return None
    groups = m.groupdict()
    hour = chinese_number(groups["hour"])
    if hour is None:
        return None
    minute = 0
    if groups.get("half"):
        minute = 30
    elif groups.get("quarter"):
        minute = 15 if groups["quarter"] == "一刻" else 45
    elif groups.get("cmin"):
        value = chinese_number(groups["cmin"])
        if value is None:
            return None
        minute = value
    elif groups.get("min"):
        minute = int(groups["min"])
    part = groups.get("part") or ""
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif part in _AFTERNOON and 1 <= hour <= 11:
        hour += 12
    elif part == "中午" and hour in (1, 2, 3):
        hour += 12
    elif part in ("凌晨", *_NIGHT, *_LATE_NIGHT) and hour == 12:
        hour = 0
    elif part in _LATE_NIGHT and _LATE_EVENING_FROM <= hour <= 11:
        hour += 12
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def is_signed_time(token: str) -> bool:
    """A time or an attempt at one after a sign (``-1:00``, ``+8:00``, ``-8点``, ``NOT 9:00``): an offset
    or a slip, which as a keyword (``-`` excludes) would leave the digest at 08:00 with a word no story
    holds."""
    if token[:1] not in ("+", "-") or not (body := token[1:].strip()):
        return False
    return bool(
        parse_natural_time(body)
        or _TIME_RE.match(body)
        or _TIME_ATTEMPT_RE.match(body)
        or _AMPM_ONLY_RE.match(body)
    )


def format_time(at: time) -> str:
    return f"{at.hour:02d}:{at.minute:02d}"


def is_time_attempt(token: str) -> bool:
    """A word that tries to be a time and is none: 25:00, 24点, 13pm, a signed time (``-1:00``)."""
    return bool(
        _MIDNIGHT_24_RE.match(token)
        or _TIME_RE.match(token)
        or _TIME_ATTEMPT_RE.match(token)
        or _AMPM_ONLY_RE.match(token)
        or is_signed_time(token)
    )


# Words put before a time that are no keyword: /subscribe 保交楼 at 8:00, /subscribe @ 8pm 人才.
_BEFORE_TIME_WORDS = ("at", "@")


def _without_word_before_time(joined: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """`joined` (raw, normalised token) pairs without an `at` or `@` right before a time, valid or not
    (``at 8:00``, ``at 25:00``): it only says the time follows."""
    kept: list[tuple[str, str]] = []
    for i, (raw, token) in enumerate(joined):
        after = joined[i + 1][1] if i + 1 < len(joined) else ""
        if token.lower() in _BEFORE_TIME_WORDS and (parse_natural_time(after) or is_time_attempt(after)):
            continue
        kept.append((raw, token))
    return kept


def parse_subscribe_args(args: Sequence[str], *, times: bool = True) -> SubscribeRequest | ArgumentError:
    """``/subscribe [HH:MM] [关键词 ...]``: the time may be omitted (08:00); the rest are keywords in the
    search syntax (`bot.digests.filters`: ``-word`` excludes, ``"a phrase"``, ``OR``). Without `times`
    (where nothing is pushed at a time) every time-like word, valid or not, is set aside in `typed_times`
    and the time stays the default."""
    at: time | None = None
    typed: list[str] = []
    keywords: list[str] = []
    args = regroup_quotes(list(args))  # a quoted phrase the chat split on spaces is one keyword
    args = [piece for arg in args for piece in split_listed(unescape_entities(arg))]  # 人才，电梯: two
    args = [word for arg in args for word in tags_left_out(arg)]  # <b>人才</b>: 人才
    tokens = [normalize_token(a) for a in args]
    # "8:00 pm" → "8:00pm": a lone am/pm belongs to the time before it
    joined: list[tuple[str, str]] = []
    # "晚上 9点" → "晚上9点": a part of the day alone belongs to the time after it
    for raw, token in zip(args, tokens, strict=True):
        if joined and token.lower().replace(".", "") in ("am", "pm"):
            prev_raw, prev = joined[-1]
            joined[-1] = (f"{prev_raw} {raw}", prev + token)
            continue
        if joined and _DAY_PART_ONLY_RE.match(joined[-1][1]) and parse_natural_time(joined[-1][1] + token):
            prev_raw, prev = joined[-1]
            joined[-1] = (f"{prev_raw} {raw}", prev + token)
            continue
        joined.append((raw, token))
    joined = _without_word_before_time(joined)
    negate = False
    operators: list[str] = []  # OR / NOT typed: with no keyword at all, they are no subscription to all news
    for raw, token in joined:
        if not token or is_separator(token):
            if token:
                operators.append(raw)
            continue  # "A OR B": several keywords already mean any of them
        if token.lower() in NOT_WORDS:
            negate = True
            operators.append(raw)
            continue
        if negate:
            token, negate = "-" + token.lstrip("-"), False
        token = without_open_marks(token)
        if _DAILY_RE.match(token):  # every digest is daily: 每天 says nothing more
            continue
        natural = parse_natural_time(token)
        if not times and (natural is not None or is_time_attempt(token)):
            typed.append(raw)
            continue
        if natural is not None:
            typed.append(raw)
            if at is not None:  # "8:00 9:00": one time per subscription
                return ArgumentError("two_times", raw)
            at = natural
            continue
        if _MIDNIGHT_24_RE.match(token):  # 24:00, 24点: midnight, which the day starts with
            return ArgumentError("bad_time", raw, suggestion=format_time(time(0, 0)))
        if is_time_attempt(token):  # 25:00, 13pm; -1:00, +8:00: no time, and no keyword any story holds
            return ArgumentError("bad_time", raw)
        if link_forms(token.lstrip("-")):  # a site's address: a subscription follows words, no story holds it
            return ArgumentError("keyword_link", raw)
        if not any(ch.isalnum() for ch in without_markup(token)):
            # "", "-", "？", an emoji, a markup tag (<i>, which searches leave out): the index has no such word
            return ArgumentError("keyword_unsearchable", raw)
        if len(token) > MAX_KEYWORD_LENGTH:
            return ArgumentError("keyword_too_long", raw)
        if token not in keywords:
            keywords.append(token)
    if len(keywords) > MAX_KEYWORDS:
        return ArgumentError("too_many_keywords", str(len(keywords)))
    if not keywords and operators:
        return ArgumentError("keywords_operators_only", " ".join(operators))
    if (clash := parse_keywords(keywords).excluded_all()) is not None:
        return ArgumentError("keywords_all_excluded", "-" + clash[1])
    return SubscribeRequest(format_time(at or DEFAULT_TIME), tuple(keywords), typed_times=tuple(typed))


def parse_timezone(args: Sequence[str]) -> str | ArgumentError:
    """``/timezone Area/City`` → the canonical IANA name, in any letter case (america/port-au-prince →
    America/Port-au-Prince), or the city alone when one zone has it (shanghai → Asia/Shanghai). Also what
    Chinese readers type: 北京时间, 东八区, 北京, CST (China Standard Time) → Asia/Shanghai; another time belt
    (东九区, 西五区, 零时区) → its fixed-offset zone; an abbreviation
    as the zone people mean by it (EST → America/New_York, with summer time); UTC±N, GMT±N or
    ±HH:MM (whole hours) → the fixed-offset zone Etc/GMT∓N (its sign is inverted: Etc/GMT-8 is UTC+8;
    `zone_label` shows it as typed); the half- and quarter-hour offsets of a country without summer time
    (UTC+5:30, +05:45) → that country's zone."""
    text = " ".join(normalize_token(a) for a in args).strip()
    if not text:
        return ArgumentError("missing_timezone")
    key = text.lower()
    if key in _TZ_ALIASES:
        return _TZ_ALIASES[key]
    if (place := chinese_place_zone(key)) is not None:
        return place
    offset = _OFFSET_RE.match(key.replace(" ", "").translate(_MINUS_SIGNS))
    if offset is not None:
        return _offset_zone(offset) or ArgumentError("bad_timezone", text)
    if (belt := _belt_zone(key)) is not None:
        return belt or ArgumentError("bad_timezone", text)
    place = _ENGLISH_TIME_SUFFIX.sub("", key)  # london time, new york time: the place
    if place in _COUNTRY_ZONES:
        return _COUNTRY_ZONES[place]
    name = place.replace(" ", "_")
    found = _zone_names().get(name) or _city_zones().get(name)
    if found:
        return found
    return ArgumentError("bad_timezone", text, suggestion=close_zone(name) or "")


# "London time", "New York time zone": the place named before it.
_ENGLISH_TIME_SUFFIX = re.compile(r"\s+time(?:\s*zone)?$")
# Countries and regions named in English, each by the zone most of its people live in (as the Chinese
# names of `_PLACE_ZONES`); a country of several zones where no one is most (the United States) is none.
_COUNTRY_ZONES = {
    name: zone
    for zone, names in {
        "Asia/Shanghai": "china,prc,mainland china,people's republic of china",
        "Asia/Hong_Kong": "hong kong,hk",
        "Asia/Taipei": "taiwan",
        "Asia/Kolkata": "india",
        "Europe/London": "uk,united kingdom,britain,great britain,england,scotland",
        "Europe/Paris": "france",
        "Europe/Berlin": "germany",
        "Europe/Rome": "italy",
        "Europe/Madrid": "spain",
        "Europe/Amsterdam": "netherlands,holland",
        "Europe/Moscow": "russia",
        "Asia/Tokyo": "japan",
        "Asia/Seoul": "korea,south korea",
        "Asia/Kuala_Lumpur": "malaysia",
        "Asia/Bangkok": "thailand",
        "Australia/Sydney": "australia",
        "Pacific/Auckland": "new zealand",
    }.items()
    for name in names.split(",")
}


def close_zone(name: str) -> str | None:
    """The zone a slip most likely meant (asia/shangai → Asia/Shanghai, londn → Europe/London), by its
    whole lower-case name or its city alone, or None when no name is close."""
    zones, cities = _zone_names(), _city_zones()
    if "/" in name:
        match = difflib.get_close_matches(name, zones, n=1, cutoff=_CLOSE_ENOUGH)
        if match:
            return zones[match[0]]
        name = name.rpartition("/")[2]
    match = difflib.get_close_matches(name, cities, n=1, cutoff=_CLOSE_ENOUGH)
    return cities[match[0]] if match else None


# How alike (difflib's ratio) a name must be to a zone's to be offered: one or two letters off.
_CLOSE_ENOUGH = 0.85


# The minus sign (U+2212, as Wikipedia writes "UTC−05:00") and the en dash, read as "-" in an offset.
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})
# "UTC+8", "GMT-5", "utc+08:00", "+08:00": an offset from UTC.
_OFFSET_RE = re.compile(r"^(?:utc|gmt)?(?P<sign>[+-])(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?$")
# Offsets that are not whole hours, each kept all year by one country's zone (no summer time there).
_PART_HOUR_ZONES = {
    ("+", 3, 30): "Asia/Tehran",
    ("+", 4, 30): "Asia/Kabul",
    ("+", 5, 30): "Asia/Kolkata",
    ("+", 5, 45): "Asia/Kathmandu",
    ("+", 6, 30): "Asia/Yangon",
    ("+", 8, 45): "Australia/Eucla",
    ("+", 9, 30): "Australia/Darwin",
    ("-", 9, 30): "Pacific/Marquesas",
}
_FIXED_ZONE_RE = re.compile(r"^Etc/GMT(?P<sign>[+-])(?P<hours>\d{1,2})$")


def _offset_zone(match: re.Match[str]) -> str | None:
    """The Etc zone of a whole-hour offset (UTC-12 .. UTC+14), else None."""
    hours, minutes = int(match.group("hours")), int(match.group("minutes") or 0)
    if minutes:
        return _PART_HOUR_ZONES.get((match.group("sign"), hours, minutes))  # no Etc zone for these
    if hours == 0:
        return "UTC"
    name = f"Etc/GMT{'-' if match.group('sign') == '+' else '+'}{hours}"
    return name if name in _zone_names().values() else None


# A time belt as Chinese names it: 东九区 (UTC+9), 西五区 (UTC-5), 东8区, 零时区 and 中时区 (UTC).
_BELT_RE = re.compile(r"^(?P<side>[东西])(?P<hours>\d{1,2}|[一二两三四五六七八九十]{1,3})(?:时?区)?$")
_BELT_ZERO = frozenset(("零时区", "中时区", "0时区"))


def _belt_zone(key: str) -> str | None:
    """The zone of a time belt (东九区 → Etc/GMT-9; 东八区 is Beijing time, an alias), "" for a belt no
    zone has (东十五区), None when `key` names no belt."""
    folded = fold(key).replace(" ", "")
    if folded in _BELT_ZERO:
        return "UTC"
    belt = _BELT_RE.match(folded)
    if belt is None:
        return None
    hours = chinese_number(belt.group("hours"))
    if hours is None or not 1 <= hours <= 12:
        return ""
    offset = _OFFSET_RE.match(f"{'+' if belt.group('side') == '东' else '-'}{hours}")
    assert offset is not None  # "+9" is an offset
    return _offset_zone(offset) or ""


def zone_label(name: str) -> str:
    """The zone as people read it: Etc/GMT-8 is "UTC+8" (its sign put the right way round); others as
    they are."""
    fixed = _FIXED_ZONE_RE.match(name)
    if fixed is None:
        return name
    return f"UTC{'-' if fixed.group('sign') == '+' else '+'}{fixed.group('hours')}"


@functools.cache
def _zone_names() -> dict[str, str]:
    """Every IANA zone name this machine knows, by its lower-case spelling; not `_NOT_ZONES`."""
    return {name.lower(): name for name in available_timezones() if name not in _NOT_ZONES}


# Files of the zone directory that name no place: "localtime" is the server's own zone (a link to
# /etc/localtime, missing on other machines), "Factory" a placeholder whose abbreviation is "-00".
_NOT_ZONES = frozenset(("localtime", "Factory"))


@functools.cache
def _city_zones() -> dict[str, str]:
    """Zones by their city alone (shanghai → Asia/Shanghai), for the cities only one zone of the world's
    regions names (not the legacy US/…, Etc/… names)."""
    by_city: dict[str, list[str]] = {}
    for name in available_timezones():
        area, _, city = name.rpartition("/")
        if area.split("/")[0] in _REGIONS:
            by_city.setdefault(city.lower(), []).append(name)
    return {city: names[0] for city, names in by_city.items() if len(names) == 1}


_REGIONS = frozenset(
    (
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    )
)
_CHINA = "Asia/Shanghai"
# Mainland China keeps Beijing time everywhere: its provinces and larger cities, as readers name where
# they are (郑州, 河南省, 广州市, 成都时间). Hong Kong, Macau and Taipei have zones of their own; Xinjiang,
# where both Beijing and Xinjiang time are kept, is left to Asia/Shanghai or Asia/Urumqi by name.
_CHINA_PLACES = frozenset(
    """北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南
    四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 石家庄 太原 呼和浩特 沈阳 大连 长春 哈尔滨 南京
    苏州 无锡 杭州 宁波 温州 合肥 福州 厦门 南昌 济南 青岛 郑州 洛阳 开封 武汉 长沙 广州 深圳 东莞 佛山 珠海
    南宁 海口 三亚 成都 贵阳 昆明 拉萨 西安 兰州 西宁 银川 大陆 内地""".split()
)
_PLACE_ZONES = {
    "香港": "Asia/Hong_Kong",
    "澳门": "Asia/Macau",
    "台北": "Asia/Taipei",
    "台湾": "Asia/Taipei",
    **{
        # Places abroad as Chinese readers there name them (纽约时间, 美东时间, 悉尼), each country or
        # region by the zone most of its readers live in.
        place: zone
        for zone, places in {
            "America/New_York": "纽约 美东 美国东部 波士顿 华盛顿 费城 迈阿密 亚特兰大",
            "America/Chicago": "芝加哥 美中 美国中部 休斯顿 达拉斯",
            "America/Denver": "丹佛 美国山地",
            "America/Los_Angeles": "洛杉矶 旧金山 西雅图 硅谷 圣地亚哥 拉斯维加斯 美西 美国西部 太平洋 美国太平洋",
            "Pacific/Honolulu": "夏威夷 檀香山",
            "America/Toronto": "多伦多 蒙特利尔 渥太华 加拿大",
            "America/Vancouver": "温哥华",
            "Europe/London": "伦敦 英国 爱丁堡 曼彻斯特",
            "Europe/Paris": "巴黎 法国",
            "Europe/Berlin": "柏林 德国 慕尼黑 法兰克福",
            "Europe/Rome": "罗马 意大利 米兰",
            "Europe/Madrid": "马德里 西班牙",
            "Europe/Amsterdam": "阿姆斯特丹 荷兰",
            "Europe/Moscow": "莫斯科 俄罗斯",
            "Asia/Tokyo": "东京 日本 大阪",
            "Asia/Seoul": "首尔 韩国",
            "Asia/Singapore": "新加坡",
            "Asia/Kuala_Lumpur": "吉隆坡 马来西亚",
            "Asia/Bangkok": "曼谷 泰国",
            "Asia/Dubai": "迪拜",
            "Australia/Sydney": "悉尼 澳洲 澳大利亚",
            "Australia/Melbourne": "墨尔本",
            "Pacific/Auckland": "奥克兰 新西兰",
            "America/Anchorage": "阿拉斯加 安克雷奇",
            "America/Edmonton": "卡尔加里 埃德蒙顿",
            "America/Mexico_City": "墨西哥 墨西哥城",
            "America/Sao_Paulo": "巴西 圣保罗 里约热内卢",
            "America/Argentina/Buenos_Aires": "阿根廷 布宜诺斯艾利斯",
            "America/Lima": "秘鲁 利马",
            "America/Bogota": "哥伦比亚 波哥大",
            "Europe/Dublin": "爱尔兰 都柏林",
            "Europe/Lisbon": "葡萄牙 里斯本",
            "Europe/Brussels": "比利时 布鲁塞尔",
            "Europe/Zurich": "瑞士 苏黎世 日内瓦",
            "Europe/Vienna": "奥地利 维也纳",
            "Europe/Prague": "捷克 布拉格",
            "Europe/Warsaw": "波兰 华沙",
            "Europe/Budapest": "匈牙利 布达佩斯",
            "Europe/Copenhagen": "丹麦 哥本哈根",
            "Europe/Oslo": "挪威 奥斯陆",
            "Europe/Stockholm": "瑞典 斯德哥尔摩",
            "Europe/Helsinki": "芬兰 赫尔辛基",
            "Europe/Athens": "希腊 雅典",
            "Europe/Istanbul": "土耳其 伊斯坦布尔 安卡拉",
            "Europe/Kyiv": "乌克兰 基辅",
            "Africa/Cairo": "埃及 开罗",
            "Africa/Johannesburg": "南非 约翰内斯堡 开普敦",
            "Africa/Nairobi": "肯尼亚 内罗毕",
            "Africa/Lagos": "尼日利亚 拉各斯",
            "Asia/Jerusalem": "以色列 耶路撒冷 特拉维夫",
            "Asia/Riyadh": "沙特 沙特阿拉伯 利雅得",
            "Asia/Qatar": "卡塔尔 多哈",
            "Asia/Tehran": "伊朗 德黑兰",
            "Asia/Karachi": "巴基斯坦 卡拉奇 伊斯兰堡",
            "Asia/Kolkata": "印度 新德里 孟买 班加罗尔",
            "Asia/Kathmandu": "尼泊尔 加德满都",
            "Asia/Dhaka": "孟加拉 孟加拉国 达卡",
            "Asia/Yangon": "缅甸 仰光",
            "Asia/Ho_Chi_Minh": "越南 河内 胡志明",
            "Asia/Phnom_Penh": "柬埔寨 金边",
            "Asia/Vientiane": "老挝 万象",
            "Asia/Jakarta": "印尼 印度尼西亚 雅加达",
            "Asia/Manila": "菲律宾 马尼拉",
            "Asia/Ulaanbaatar": "蒙古 乌兰巴托",
            "Asia/Almaty": "哈萨克斯坦 阿拉木图",
            "Australia/Perth": "珀斯",
            "Australia/Brisbane": "布里斯班",
        }.items()
        for place in places.split()
    },
}
# What follows a place's name: 郑州市, 河南省, 香港特别行政区, 成都时间.
_PLACE_SUFFIX = re.compile(r"(?:时间|特别行政区|自治区|市|省)+$")


def chinese_place_zone(name: str) -> str | None:
    """The zone of a place in China, or of a larger place abroad, named in Chinese (traditional forms
    too, spaces ignored: 北京 时间, 紐約時間), or None."""
    place = _PLACE_SUFFIX.sub("", fold(name).replace(" ", "").replace("_", ""))
    if place in _CHINA_PLACES:
        return _CHINA
    return _PLACE_ZONES.get(place)


_TZ_ALIASES = {
    "北京": _CHINA,
    "上海": _CHINA,
    "中国": _CHINA,
    "北京时间": _CHINA,
    "北京時間": _CHINA,
    "上海时间": _CHINA,
    "中国时间": _CHINA,
    "中国标准时间": _CHINA,
    "中國標準時間": _CHINA,
    "东八区": _CHINA,
    "东八": _CHINA,
    "asia/beijing": _CHINA,  # no such IANA name, but the one many readers guess
    "東八區": _CHINA,
    "东8区": _CHINA,
    "cst": _CHINA,  # China Standard Time here (not the US Central time of CST6CDT)
    "beijing": _CHINA,
    "beijing time": _CHINA,
    "香港": "Asia/Hong_Kong",
    "台北": "Asia/Taipei",
    "东京": "Asia/Tokyo",
    "纽约": "America/New_York",
    "伦敦": "Europe/London",
    "柏林": "Europe/Berlin",
    "utc": "UTC",
    "gmt": "UTC",
    "格林尼治时间": "UTC",
    "格林威治时间": "UTC",
    "世界时": "UTC",
    "协调世界时": "UTC",
    **{
        abbreviation: zone
        for zone, abbreviations in {
            # The zones people mean by these, summer time included: the IANA files EST, MST, HST keep
            # one offset all year, and EST5EDT-style names are legacy.
            "America/New_York": "est edt et eastern",
            "America/Chicago": "cdt ct central",
            "America/Denver": "mst mdt mt mountain",
            "America/Los_Angeles": "pst pdt pt pacific",
            "America/Anchorage": "akst akdt",
            "Pacific/Honolulu": "hst",
            "Europe/London": "bst",
            "Europe/Berlin": "cet cest",
            "Europe/Athens": "eet eest",
            "Europe/Lisbon": "wet",
            "Europe/Moscow": "msk",
            "Asia/Tokyo": "jst",
            "Asia/Seoul": "kst",
            "Asia/Hong_Kong": "hkt",
            "Asia/Singapore": "sgt",
            "Asia/Kolkata": "ist",
            "Australia/Sydney": "aest aedt",
        }.items()
        for abbreviation in abbreviations.split()
    },
}
