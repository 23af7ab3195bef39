"""When: a date or a time (5月4日16时40分, 9日至10日, 2014年, 腊月二十九), a day of the week, a clock time."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storage.search.answers.clauses import CLAUSE_END, frames
from storage.search.answers.strength import FAINT, NOTHING, PARTIAL, PLAIN, WEAK, Asked, new

# Kinds whose answer must hold the fact asked for: a sentence without one is no answer.
REPORT_DAY_STRENGTH = 0.55  # a "when" sentence whose only day is the report's own
DAY_ALONE_STRENGTH = 0.8  # a "when" sentence whose days have no month (5日, 27日上午)

# A day of the lunar calendar, as news dates the festival season (腊月二十九, 正月初五, 大年初三, 除夕).
LUNAR_DAY = (
    r"(?:(?:农历)?(?:正|腊|冬|[一二三四五六七八九十]{1,2})月(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|"
    r"二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)|大年(?:初[一二三四五六七八九十]|三十)|除夕)"
)
_DATE = re.compile(
    LUNAR_DAY + r"|"
    r"\d{4}年\d{1,2}月(?:\d{1,2}[日号])?|\d{1,2}月\d{1,2}[日号](?:至\d{1,2}[日号])?|\d{1,2}[日号](?:至\d{1,2}[日号])|"
    r"\d{1,2}[日号](?:上午|下午|晚|早|凌晨|中午|傍晚)|\d{1,2}时(?:\d{1,2}分)?|\d{4}年|\d{1,2}月份?|"
    # a day alone; 号 before a compound, a building or a line numbers it (1号院, 3号楼, 2号线), dates nothing
    r"(?<![\d.])\d{1,2}(?:日|号(?![院楼线门车站店厅馆室房库桥街巷路舱井机]))(?![\d])|"
    # a century or a decade, as history is dated (公元前20世纪, 上世纪80年代, 20世纪初, 90年代)
    r"(?:公元前|公元)?(?:\d{1,2}|上)世纪(?:\d0年代)?(?:初|初期|中叶|中期|末|末期)?|(?<!\d)\d0年代|公元前\d{1,4}年|"
    # a reign or a dynasty's years (明朝永乐年间, 清康熙至嘉庆年间), not a count of years (二十年间, 这些年间)
    r"(?:[^\W\d_一二三四五六七八九十百千几多数近这那些余]{2}至)?[^\W\d_一二三四五六七八九十百千几多数近这那些余]{2}年间|"
    # a dynasty's time, as history is dated (东晋以后, 明清时期, 唐代以来): the dynasty, then a word of its time
    r"(?:[东西南北](?:周|汉|晋|宋|魏)|(?:秦|汉|隋|唐|宋|元|明|清)[朝代]|秦汉|隋唐|唐宋|宋元|元明|明清)"
    r"(?:时期|以后|以来|年间|末年|初年|初期|中期|末期|之后)"
)
_MONTH_DAY = re.compile(r"\d月\d{1,2}[日号]")  # a day with its month (5月4日, 2019年2月27日)
_TIME_WORDS = re.compile(r"凌晨|上午|下午|晚上|傍晚|中午|当天|近日|日前|前不久")


def day_of(date_text: str) -> int | None:
    """The day of the month a date expression names (5月12日 → 12, 12日上午 → 12), or None."""
    m = re.search(r"(\d{1,2})[日号]", date_text)
    return int(m.group(1)) if m else None


def day_without_month(text: str) -> bool:
    """Whether the text dates something by a day of the month (27日, 5日上午) and names no month."""
    return re.search(r"(?<![\d.])\d{1,2}[日号]", text) is not None and re.search(r"\d月", text) is None


# A day of the week asked for (每周几, 星期几) and as news writes it (每周三, 星期二, 周日).
_WEEKDAY_ASKED = re.compile(r"(?:周|星期|礼拜)几")
_WEEKDAY = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天](?![\u4e00-\u9fff]?年)")
# A time of day asked for (几点, 几时几分, 什么时刻) and as news writes it: 夜里11点40分, 晚6时30分, 8点半, 5:38 (a
# colon normalised from the full-width one), 晚上8点; a count of points (3点意见) has no minute and no part of day.
_CLOCK_ASKED = re.compile(r"几点|几时几分|什么时刻|哪个时刻")
_CLOCK = re.compile(
    r"(?<![\d.])\d{1,2}(?:点|时)\d{1,2}分|(?<![\d.])\d{1,2}点半|(?<![\d.:])\d{1,2}:\d{2}(?![\d:])|"
    r"(?:凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间|午夜|半夜|深夜|清晨|晚|早)\d{1,2}(?:点|时)"
)


# Days asked as a span (哪几天, 哪两天, 开了几天): news dates an event of several days by its first and last (于10月
# 26日至27日举行, 6日至9日, 3—5日); one day of it is part of the answer.
_SPAN_ASKED = re.compile(r"哪几天|哪几日|哪[两三]天|从哪天到哪天")
_DAY_SPAN = re.compile(r"\d{1,2}[日号]?(?:至|到|—|–|-|～|~)(?:\d{1,2}月)?\d{1,2}[日号]")


def when_strength(sentence: str, asked: Asked) -> float:
    """`dated_strength`, and a year asked (哪年入的党) is no more than hinted at by a sentence naming no year
    (8月20日，…率部投入百团大战): its days leave the year asked to the reader."""
    strength = dated_strength(sentence, asked)
    if _YEAR_ASKED.search(asked.query) and not _YEAR_GIVEN.search(sentence):
        return min(WEAK, strength)
    return strength


# A year as news gives it: written (1938年), by reference (同年, 当年, 次年, 去年), or a decade, a century, a reign.
_YEAR_GIVEN = re.compile(r"\d{4}年|[同当次翌那是今去前]年|这一年|那一年|年代|世纪|年间")


def dated_strength(sentence: str, asked: Asked) -> float:
    """A date or a time the question lacks; a day only the dateline's is the report's, not the event's. A
    day with its month (5月4日16时40分) says when more plainly than a day alone (5日, 27日上午), which
    leaves the month to the reader and is most often the day the report's news came. A day of the week
    (每周几) is answered by one (每周三), a time of day (几点) by a time of day (夜里11点40分, 5:38): a date
    without one is then at most a hint, as a lower result may give the hour. Days asked as a span (哪几天) are
    answered by a span (26日至27日), one day less plainly. A day asked in a month the question names (2020年4月…哪天)
    is not given by a sentence whose days are all of other months."""
    if _SPAN_ASKED.search(asked.query):
        # a span is the event's own days, not only the report's (本报…26日电: 于10月26日至27日举行)
        if new(_DAY_SPAN.findall(sentence), asked.query):
            return PLAIN
        return min(DAY_ALONE_STRENGTH, _date_strength(sentence, asked))
    if _WEEKDAY_ASKED.search(asked.query):
        return PLAIN if new(_WEEKDAY.findall(sentence), asked.query) else FAINT
    if _CLOCK_ASKED.search(asked.query):
        return (
            PLAIN
            if new(_CLOCK.findall(sentence), asked.query)
            else min(WEAK, _date_strength(sentence, asked))
        )
    return _date_strength(sentence, asked)


# A year or a month asked for (哪年牺牲的, 2019年几月成立的): a date of that grain answers it (1981年7月, 今年9月初), as
# news dates what happened long ago or over weeks by its year or its month, not its day; as plainly as a day without
# its month, less than a full date (1904年11月25日 for 哪年出生).
_YEAR_ASKED = re.compile(r"哪一?年|几几年|什么年份|哪个年份")
_MONTH_ASKED = re.compile(r"几月|哪一?个月|哪月")
_YEAR_WRITTEN = re.compile(r"(?<!\d)\d{4}年")
_MONTH_WRITTEN = re.compile(r"(?<!\d)\d{1,2}月(?!\d{1,2}[日号])")


def _grain_asked(sentence: str, asked: Asked) -> bool:
    """Whether the question asks for a year or a month and the sentence gives one the question lacks."""
    if _YEAR_ASKED.search(asked.query):
        return bool(new(_YEAR_WRITTEN.findall(sentence), asked.query))
    if _MONTH_ASKED.search(asked.query):
        return bool(new(_MONTH_WRITTEN.findall(sentence), asked.query))
    return False


# A day asked for (哪天, 几号, 什么日子): a year or a month dates no day.
_DAY_ASKED = re.compile(r"哪一?天|哪日|几号|几日|日子")


# A month the question names (2020年4月…是哪天通的电话): the day asked is one of that month.
_MONTH_NAMED = re.compile(r"(?<!\d)(\d{1,2})月(?![\d日号])")


def _other_months_only(sentence: str, asked: Asked) -> bool:
    """Whether a question asking for a day of the month it names (2020年4月…哪天) meets a sentence whose days with
    a month are all of other months (2月10日, 3月26日): they date other events of the story, as a story on the
    April call recalls the March one."""
    named = _MONTH_NAMED.search(asked.query)
    if named is None or not _DAY_ASKED.search(asked.query):
        return False
    days = [d for d in new(_DATE.findall(sentence), asked.query) if _MONTH_DAY.search(d)]
    month = re.compile(r"(?:\d{4}年)?" + named.group(1) + "月")
    return bool(days) and not any(month.match(d) for d in days)


def _date_strength(sentence: str, asked: Asked) -> float:
    """`when_strength` for a date: a day with its month, a day alone, a year or a month, a time word."""
    if _other_months_only(sentence, asked):
        return FAINT
    if _grain_asked(sentence, asked) and not any(_MONTH_DAY.search(d) for d in _DATE.findall(sentence)):
        return DAY_ALONE_STRENGTH
    dates = new(_DATE.findall(sentence), asked.query)
    days = [d for d in dates if re.search(r"\d月\d|\d[日号]|\d时", d) or re.fullmatch(LUNAR_DAY, d)]
    if days and asked.report_day is not None and all(day_of(d) == asked.report_day for d in days):
        return REPORT_DAY_STRENGTH
    if any(_MONTH_DAY.search(d) or re.fullmatch(LUNAR_DAY, d) for d in days):
        return PLAIN
    if days:
        return DAY_ALONE_STRENGTH
    if dates:
        return undated_day_strength(asked.query)
    return FAINT if _TIME_WORDS.search(sentence) else NOTHING


DAY_UNGIVEN_STRENGTH = FAINT  # a year or a month, for a day asked: a hint at the time, no answer


def undated_day_strength(query: str) -> float:
    """The strength of a date that names no day (1991年, 今年3月, 90年代): part of the time asked (`PARTIAL`), but no
    more than a hint when the question asks for a day (陈玉新是哪天牺牲的: 陈玉新1991年参加公安工作 dates another deed of
    his life, not the day asked), so that no such sentence answers a day asked unless its article's dateline dates it."""
    return DAY_UNGIVEN_STRENGTH if _DAY_ASKED.search(query) else PARTIAL


def dates_deed(sentence: str, deeds: Sequence[Sequence[str]], asked: Asked) -> bool:
    """Whether the (normalised) sentence dates the deed asked about: a date the question lacks (a day when a day is
    asked, 哪天 / 几号; any date for 什么时候) before a word of the deed in its clause
    (…于2004年1月25日成功着陆火星, 1906年出生, 自9月27日开赛以来), as news puts the time of a deed before its verb, or
    anywhere after it when the date is a clause of its own (1990年12月19日，随着一声锣响，…正式挂牌营业: a time framing
    what follows); or the deed's word right before 于 and the date (出生于1906年)."""
    forms = [f for unit in deeds for f in unit]
    least = DAY_ALONE_STRENGTH if _DAY_ASKED.search(asked.query) else PARTIAL
    pieces = CLAUSE_END.split(sentence)
    for k, piece in enumerate(pieces):
        for m in _DATE.finditer(piece):
            if m.group(0) in asked.query or dated_strength(m.group(0), asked) < least:
                continue
            before, after = piece[: m.start()], piece[m.end() :]
            # a date that is a clause of its own (2016年3月，…; 腊月二十九的下午，…) frames the clauses after it
            rest = "，".join([after, *pieces[k + 1 :]]) if frames(before + after) else after
            if any(f in rest or before.endswith((f + "于", f + "在")) for f in forms):
                return True
    return False
