"""How many: a number with its unit (the unit asked for, if any, or one news writes for it), right before
what is counted or after what is measured; a planned number only when a plan is asked about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from storage.search.answers.clauses import clauses
from storage.search.answers.questions import measured_asked
from storage.search.answers.strength import FAINT, HOLDS_KIND, LIKELY, NOTHING, PLAIN, WEAK, Asked, new, tags

_UNITS = (
    "亿元 万元 美元 欧元 元 人次 人 名 位 个 家 项 条 支 枚 次 吨 亩 公顷 公里 千米 米 平方公里 ℃ 度 级 岁 年 天 小时 分钟 秒 "
    "倍 台 辆 架 所 处 篇 幅 点 分 千瓦时 微克 套 件 场 期 批 座 艘 只 头 户 起 例 株 斤 公斤 千克 克 升 立方米 票 % ％ "
    # more units news counts in (3000平方米, 38摄氏度, 120万千瓦, 70周年)
    "平方米 平方千米 摄氏度 毫米 厘米 千瓦 兆瓦 周年 种 类 块 册 本 部 列 份 张 颗 棵 届 集 首 趟 班 剂 "
    # an angle or a temperature printed with the degree sign (误差控制在1.7°以内)
    "°"
).split()
_KNOWN_UNITS = frozenset(_UNITS) | {"钱"}
# 3000多万千瓦时, 10余万人: news writes 多 / 余 before the magnitude as well as after it.
_NUMBER = re.compile(
    r"\d+(?:\.\d+)?(?:多|余)?(?:万亿|亿|万|千|百)?(?:多|余)?(?:"
    + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
    + ")"
)
# A number with a magnitude and no unit after it (全球1.42亿高中适龄青年): an amount all the same.
_MAGNITUDE = re.compile(r"\d+(?:\.\d+)?(?:多|余)?(?:万亿|亿|万)(?:多|余)?")
# A level written in Roman numerals, as news prints the levels of an emergency response or of a grading (启动国家Ⅳ级
# 救灾应急响应, Ⅱ级响应): a number in 级.
_ROMAN = r"(?<![a-zA-Z])(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[iI]{1,3}|[iI][vV]|[vV])"
_ROMAN_LEVEL = re.compile(_ROMAN + "级")
# A count written in words (近九成, 三个, 十多家); 一 alone before a measure word is the article "a" (是一名铁人
# 三项爱好者, 成为一家上市公司), no count.
_CN_NUMBER = re.compile(
    r"(?:[一二三四五六七八九十两百千万亿]{2,}|[二三四五六七八九十两百千万亿])(?:多|余)?(?:个|家|项|条|人|名|位|次|倍|成)"
)
# A count in words before the measure word asked (几份建议: 两份建议; 第几批: 第十七批), not "these few" (这两天, 近两年).
# 近 before a hundred or more is "nearly" (近百件, 近千名), a count all the same.
_CN_COUNT = (
    r"(?:(?<![这那近前后头每])(?:[一二三四五六七八九十两百千万亿]{2,}|[二三四五六七八九十两百千万亿])|(?<=近)[百千万])"
    r"(?:多|余)?"
)


# A rate asked for (失业率是多少, 同比增长多少, 覆盖率提升到多少): news writes it in per cent or points.
_RATE_ASKED = re.compile(
    r"(?:率|比重|占比|比例|增幅|降幅|涨幅|增速|同比增长|同比下降|环比增长|环比下降)"
    r"(?:了|是|为|有|达|达到|提升|提高|增长|下降|降低|上升)?(?:到|至)?(?:多少|百分之几)|百分之几"
)
RATE = "%"
RATE_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:%|％|个百分点)|百分之[一二三四五六七八九十百点]+")
_UNIT_ASKED = re.compile(
    # 这几年, 近几年, 前几次 say "the last few", no count asked for (这几年破了多少起案子 asks for 起)
    r"(?:多少|(?<![近这前后头那好十])几)(?:万亿|亿|万|千|百)?"  # 多少万人: people, counted in ten thousands
    r"(" + "|".join(re.escape(u) for u in sorted([*_UNITS, "钱"], key=len, reverse=True)) + ")"
)
# The units news writes for the same count (多少人: 1.2万名, 300余位; 多少钱: 2000多块).
SAME_UNIT = {
    "人": ("人", "名", "位"),
    "名": ("名", "人", "位"),
    "位": ("位", "名", "人"),
    "千米": ("千米", "公里"),
    "元": ("元", "块"),
    # 多少度: a temperature, which news prints with the sign (腋温≥37.5℃) as often as in words (38摄氏度)
    "度": ("度", "℃", "摄氏度", "°"),
}
# 几 before a measure word news counts in that `_UNITS` does not list (几口人 → 口, 几卡车 → 卡): the
# measure word itself, which news writes right after the number (共18口人, 6卡车蔬菜).
# (几十年来, 几十万: "some tens", no count asked for)
_MEASURE_ASKED = re.compile(r"(?<![近这前后头那好十])几(?:万|千|百)?(?![乎何月号日点时十])([\u4e00-\u9fff])")


# 多少 before a measure word `_UNITS` does not list (一天能卖多少碗, 多少盏, 多少箱): the measure word, which news
# writes right after the number (近100碗). Only measure words that seldom open a noun: after 多少 a character
# most often opens the noun counted (多少贫困户, 多少门票), which is no unit.
_MEASURE_WORDS = "碗盏桶瓶箱袋盒粒杯筐罐盆顿桌捆茬栋幢束串朵枝封道"
# 多少道菜, 多少封信 count in 道 and 封; 多少道路, 多少封面 name a thing
_MEASURE_AFTER_HOW_MANY = re.compile(
    f"多少([{_MEASURE_WORDS}])(?![\u4e00-\u9fff]{{0,1}}子|路|理|德|面|锁|闭)"
)


def unit_asked(query: str) -> str | None:
    """The unit a how-many question names (多少岁 → 岁, 几级 → 级, 多少小时 → 小时, 多少钱 → 元), or `RATE`
    for a rate (失业率是多少, 同比增长多少); an age asked for (多大年纪, 多大岁数, 年龄多大) is counted in 岁."""
    m = _UNIT_ASKED.search(query)
    if m is not None:
        return "元" if m.group(1) == "钱" else m.group(1)  # 多少钱: any amount of money (亿欧元, 万元)
    if _AGE_ASKED.search(query):
        return "岁"
    if _DURATION_ASKED.search(query):
        return DURATION
    if _RATE_ASKED.search(query):
        return RATE
    measure = _MEASURE_ASKED.search(query) or _MEASURE_AFTER_HOW_MANY.search(query)
    return measure.group(1) if measure is not None else None


# A length of time asked for without its unit (多长时间, 多久): news gives it in any unit of time (工作2个月左右,
# 一至三个月的宽限期, 需要8年); a year or a month alone (2019年, 3月) is a date, not a length.
DURATION = "时长"
_DURATION_ASKED = re.compile(r"多长时间|多久|多少时间|多长的时间")
_DURATION = re.compile(
    r"(?:(?<![\d.])\d{1,3}(?:\.\d+)?|[一二两三四五六七八九十半百]+)(?:多|余)?"
    r"(?:个月|个多月|年|天|周|个星期|星期|小时|分钟|昼夜)"
)
# An age asked for without its unit: 多大年纪, 多大岁数, 年龄多大, 多大了, 多少高龄.
_AGE_ASKED = re.compile(r"多大(?:年纪|岁数|年龄|了)|年龄(?:是|有)?多大|年纪(?:有)?多大|多少高龄|高寿")


def _has_unit(unit: str, numbers: Sequence[str], sentence: str) -> bool:
    """Whether one of the numbers is in the unit asked for (or one news writes for it)."""
    if unit == RATE:
        return bool(RATE_NUMBER.search(sentence))
    if unit == DURATION:
        return bool(_DURATION.search(sentence))
    if unit not in _KNOWN_UNITS:
        return re.search(ANY_NUMBER + r"(?:多|余)?" + re.escape(unit), sentence) is not None  # 共18口人
    return any(n.endswith(u) or u in n for u in SAME_UNIT.get(unit, (unit,)) for n in numbers)


# The score of a match asked for (几比几, 比分是多少), and as sport news prints it: the two sides' points parted by a
# ratio colon (以86∶76战胜英国女篮, 3:1, 2比0), in chess with half points for a draw (总比分2.5∶1.5).
_SCORE_ASKED = re.compile(r"几比几|比分(?:是|为)?(?:多少|几|啥|什么)")
_SCORE = re.compile(r"(?<![\d.])\d{1,3}(?:\.5)?(?:∶|:|比)\d{1,3}(?:\.5)?(?![\d.:])")


def howmany_strength(sentence: str, asked: Asked) -> float:
    """A number with the unit asked for (多少人 → 1.42万人), right before what is counted (多少武装分子 →
    1.4万名武装分子) or right after what is measured (余额有多少 → 余额12.6万亿元), else any amount. A number
    planned (计划筹集75亿欧元, 目标) is no answer to what was done, unless the question asks about a plan; a
    number in a clause dated only by another year than the one asked (2019年…多少人: 继2018年选派44名干部之后)
    is of that other year. A score asked (几比几) is answered by a score (86∶76)."""
    if _SCORE_ASKED.search(asked.query):
        return PLAIN if new(_SCORE.findall(sentence), asked.query) else FAINT
    sentence = _of_years_asked(sentence, asked.query)
    if _ORDINAL_ASKED.search(asked.query) and not _ORDINAL.search(sentence):
        if _RANK_ASKED.search(asked.query):
            return FAINT  # 排第几: a place in a ranking, which no count of things (115个经济体) gives
        return min(LIKELY, _howmany_of_period(sentence, asked))  # 第几次夺冠: 7次捧杯 counts, 第七次 answers
    return _howmany_of_period(sentence, asked)


# An amount asked per period (一天能检测多少, 每年奖励多少人, 日均): news gives the running total of what was done with
# 累计 before its figure (累计接收检测样本超5.7万人份), which is no amount of one period.
_PER_PERIOD_ASKED = re.compile(r"一天|每天|每日|日均|一年|每年|年均|一个月|每月|月均|一周|每周")
_CUMULATIVE_CLAUSE = re.compile(r"[^，,。；;：:]*累计[^，,。；;：:]*")


def _howmany_of_period(sentence: str, asked: Asked) -> float:
    """`_howmany_plan`, and for an amount asked per period (and no total asked), a sentence whose figures of the kind
    asked are all running totals (累计…) gives a hint at most (`FAINT`)."""
    strength = _howmany_plan(sentence, asked)
    if not _PER_PERIOD_ASKED.search(asked.query) or _TOTAL_ASKED.search(asked.query):
        return strength
    alone = _CUMULATIVE_CLAUSE.sub("，", sentence)
    if alone != sentence and _howmany_plan(alone, asked) < strength:
        return min(FAINT, strength)
    return strength


# 第几次 / 第几届 asks for an ordinal (第七次捧起农心杯), which news writes with 第.
_ORDINAL_ASKED = re.compile(r"第几")
_ORDINAL = re.compile(r"第[\d一二三四五六七八九十百两]+")
# 排第几, 排名第几, 第几名, 第几位: a place in a ranking asked, which news prints as an ordinal (排名第三十一位).
_RANK_ASKED = re.compile(r"排(?:名|在)?第几|第几(?:名|位)")


def _howmany_plan(sentence: str, asked: Asked) -> float:
    """`howmany_strength` after the year and the ordinal asked are weighed: a planned number."""
    if not _PLAN.search(asked.query):
        done = _PLANNED_CLAUSE.sub("，", sentence)
        if done != sentence and _howmany_in(done, asked) < _howmany_in(sentence, asked):
            return min(WEAK, _howmany_in(sentence, asked))
    return _howmany_in(sentence, asked)


_YEAR = re.compile(r"(?<!\d)\d{4}年")


def _of_years_asked(sentence: str, query: str) -> str:
    """The sentence without its clauses that name a year and none of the years the question names (all of
    it when the question names no year, or when no clause is left out)."""
    asked = set(_YEAR.findall(query))
    if not asked:
        return sentence
    kept = [c for c in clauses(sentence) if not (years := _YEAR.findall(c)) or asked.intersection(years)]
    return sentence if len(kept) == len(clauses(sentence)) else "，".join(kept)


# What a how-many question counts, when it is people (多少学生, 多少游客, 多少村民, 多少医护人员): news counts people
# in 人 / 名 / 位 (仅有120余人的乡村小学, 接待游客1100万人次).
_PEOPLE = re.compile(r"(?:人|民|员|生|客|者|工|师|众|童|兵|孩子|干部|代表)$")


def _howmany_in(sentence: str, asked: Asked) -> float:
    """`howmany_strength` of a sentence read as a whole; a number written before the word the question writes
    after its 多少 / 几 (`measure_written`) when nothing else holds the kind."""
    strength = _howmany_by_unit(sentence, asked)
    if strength < HOLDS_KIND and measure_written(sentence, asked.query):
        return LIKELY  # 多少回合: 战至62回合; 多少响礼炮: 70响礼炮
    return strength


# What a how-many question writes right after 多少 / 几 (多少回合, 多少响礼炮): the measure word, or the
# counted thing, as news writes it right after the number (战至62回合, 70响礼炮响彻云霄).
_AFTER_HOW_MANY = re.compile(r"(?:多少|(?<![近这前后头那好十])几)([\u4e00-\u9fff]{1,2})")
MEASURE_CHARACTERS = 2  # characters after 多少 / 几 that a number must stand before


def measure_written(sentence: str, query: str) -> bool:
    """Whether the sentence writes a number, in digits or in words, right before the (one or two) characters the
    question writes after 多少 / 几, and the question does not already hold that number with them. An ordinal
    (第十一盘) counts nothing."""
    m = _AFTER_HOW_MANY.search(query)
    if m is None:
        return False
    word = m.group(1)[:MEASURE_CHARACTERS]
    return any(
        found.group(0) not in query
        for found in re.finditer(
            f"(?<!第)(?:{_NOT_YEAR}{ANY_NUMBER}|{_CN_COUNT})(?:多|余)?{re.escape(word)}", sentence
        )
    )


def _howmany_by_unit(sentence: str, asked: Asked) -> float:
    """`_howmany_in` by the unit asked, what is counted and what is measured."""
    counted = counted_asked(asked)
    unit = unit_asked(asked.query)
    if counted and _PEOPLE.search(counted) and unit in (None, "个"):
        unit = "人"  # 多少学生, 几个代表缺席: news counts people in 人 / 名 / 位 (缺席59人)
    numbers = [
        n
        for n in new([m.group(0) for m in _NUMBER.finditer(sentence)], asked.query)
        if unit == "年" or not re.fullmatch(r"\d{4}年|\d{1,2}[月日号]", n)  # dates are not amounts
    ]
    numbers += new(_ROMAN_LEVEL.findall(sentence), asked.query)  # 几级响应: Ⅳ级
    bare = new([m.group(0) for m in _MAGNITUDE.finditer(sentence)], asked.query)
    numbers += bare
    worded = new([m.group(0) for m in _CN_NUMBER.finditer(sentence)], asked.query)  # 近九成, 三个
    if unit in _KNOWN_UNITS:
        worded += new(_worded_in(unit).findall(sentence), asked.query)  # 几份建议: 两份
    if unit is not None and _has_unit(unit, numbers + worded, sentence):
        counted = _counted_after_unit(asked, unit)
        if counted is None or re.search(
            f"(?:{ANY_NUMBER}|{_CN_COUNT}|{_ROMAN})"
            + r"(?:多|余)?(?:"
            + _units_of(unit)
            + r")[^，,。；;\d]{0,12}"
            + re.escape(counted),
            sentence,
        ):
            return PLAIN
        return LIKELY  # 多少人遇难: 600名志愿者 counts someone else (99人遇难 is the plain answer)
    if unit is not None and unit != RATE and any(not _NUMBER.match(sentence, sentence.find(b)) for b in bare):
        return LIKELY  # 多少人: 贫困人口由692万降到111万 (news leaves the unit out after 万 and 亿)
    if counted and re.search(_SHARE + r"的?" + re.escape(counted), sentence):
        return LIKELY  # 影响着全球多少人口: 影响着全球近2/3的人口 (a share of what is counted)
    if _SHARE_ASKED.search(asked.query) and re.search(_SHARE, sentence):
        return PLAIN  # 多大比例的非洲人口: 近1/4非洲人口
    if (
        counted
        and numbers
        and re.search(_NOT_YEAR + ANY_NUMBER + r"[^，,。；;\d]{0,3}" + re.escape(counted), sentence)
    ):
        return PLAIN  # 多少武装分子: 1.4万至1.8万名武装分子
    # what is measured is named before 多少 only when nothing counted follows it (沙河小学一共多少学生 counts
    # students, not the school's years)
    measured = measured_asked(asked.query) if unit is None and counted is None else None
    if measured and numbers and re.search(re.escape(measured) + r"[^，,。；;\d]{0,6}?\d", sentence):
        return PLAIN  # 余额有多少: 余额12.6万亿元
    if numbers:
        return LIKELY if unit is None else FAINT
    if unit is None and re.search(_SHARE, sentence):
        return LIKELY  # 生产总值有多少是建立在量子论上的: 至少有1/3 (a share is how much of a whole)
    return WEAK if worded else NOTHING


# A share of a whole, as news gives how many of it (近2/3的人口, 三分之一的企业, 六成村民, 半数以上的成员, 40%的
# 家庭): an answer to how many of what is counted.
_SHARE = (
    r"(?:\d+/\d+|[一二三四五六七八九十百]+分之[一二三四五六七八九十百]+|\d+(?:\.\d+)?[%％]|[一二三四五六七八九]成|"
    r"半数|过半|大半)(?:以上|左右|多)?"
)


# A share asked for by its word (多大比例, 多大比重, 多少比例, 占多大份额): news gives it as a share (近1/4, 三分之一,
# 六成, 40%).
_SHARE_ASKED = re.compile(
    r"多(?:大|少)的?(?:比例|比重|份额|部分)|(?:比例|比重|份额)(?:有|是|为|占)?多(?:大|少)"
)
# A number that is no year (2019年女排世界杯冠军 counts no 世界杯): dates are not amounts.
_NOT_YEAR = r"(?<![\d.])(?!\d{4}年)"


# A plan or a target, not a fact: 计划筹集75亿欧元, 预计, 力争, 设定了…等主要目标.
_PLAN = re.compile(r"计划|预计|目标|力争|争取|拟|有望|预期|打算|要|将")
_PLANNED_CLAUSE = re.compile(
    r"[^，,。；;：:]*(?:计划|预计|目标|力争|争取|(?<![模虚])拟|有望|预期)[^，,。；;：:]*"
)


ANY_NUMBER = r"\d+(?:\.\d+)?(?:多|余)?(?:万亿|亿|万|千|百)?"


@lru_cache(maxsize=256)
def _worded_in(unit: str) -> re.Pattern[str]:
    """A count in words in the unit (or one news writes for it): 两份, 十七批, 三百多名."""
    return re.compile(_CN_COUNT + "(?:" + _units_of(unit) + ")")


def _units_of(unit: str) -> str:
    return "|".join(re.escape(u) for u in SAME_UNIT.get(unit, (unit,)))


def _counted_after_unit(asked: Asked, unit: str) -> str | None:
    """What a how-many question counts right after the unit it names (多少人遇难 → 遇难, 多少项报表 → 报表),
    as news writes it after the number (99人遇难): a word of the question of two characters or more."""
    if unit == RATE:
        return None
    m = re.search(
        r"(?:多少|几)(?:万亿|亿|万|千|百)?(?:" + _units_of(unit) + r")([\u4e00-\u9fff]{2,6})", asked.query
    )
    if m is None:
        return None
    return next((t for t in asked.terms if m.group(1).startswith(t) and len(t) >= 2), None)


def counted_asked(asked: Asked) -> str | None:
    """What a how-many question counts when no unit is named: the word of the question right after
    多少/几 (多少武装分子 → 武装分子)."""
    m = re.search(r"(?:多少|几)(?:[个位名条项家座所件批])?([\u4e00-\u9fff]{2,6})", asked.query)
    if m is None:
        return None
    return next((t for t in asked.terms if m.group(1).startswith(t) and len(t) >= 2), None)


# A bound asked for (至少判几年, 最多能拿多少, 最低利率是多少): news prints the bound with the number (不少于5年监禁, 最高
# 不超过300万元, 至少保存3年), in one of the forms for the same side.
# (not a superlative: 海拔最高的乡, 进出口最多的省; nor 最高法, 最高检, 最高人民法院)
_LEAST_ASKED = re.compile(r"至少|最少(?!的)|最低(?!的)|起码|不少于|不低于")
_MOST_ASKED = re.compile(r"最多(?!的)|最高(?![的法检人])|不超过|不高于|至多")
_LEAST_WRITTEN = ("至少", "最少", "最低", "起码", "不少于", "不低于", "以上")
_MOST_WRITTEN = ("最多", "最高", "不超过", "不高于", "至多", "以内", "以下", "上限")


def bounds_asked(q: str) -> list[tuple[str, ...]]:
    """The forms news prints a bound in, as one word of the question, when the (normalised) question asks for a
    least or a most; nothing otherwise (both when it asks for both)."""
    return [
        forms
        for asked, forms in ((_LEAST_ASKED, _LEAST_WRITTEN), (_MOST_ASKED, _MOST_WRITTEN))
        if asked.search(q)
    ]


# A total asked for (一共多少户, 总共, 累计, 全部): news marks the figure that sums a whole with a word of totals before
# it, the deed in between (累计报告确诊病例293例, 共计1446万余元), or names the whole right before it (全村745户, 全部625户
# 村民), and gives its parts (其中…, 新增…, 解决了21户) unmarked. A bare 共 is no mark: it as often sums a part the
# sentence names (4个楼18个单元共324户).
_TOTAL_ASKED = re.compile(r"一共|总共|总计|累计|合计|共计|全部|总数")
_TOTAL_WRITTEN = re.compile(
    r"(?:(?:一共|总共|总计|累计|合计|共计)[^，,。；;：:（(\d第]{0,12}?"
    r"|(?:全部|全[村镇乡县市省区国])(?:共|有|达)?)"
    r"(" + ANY_NUMBER + r"|" + _CN_COUNT + r")"
    r"([^\d，,。；;：:]{0,4})"
)


def holds_total(sentence: str, unit: str, query: str) -> bool:
    """Whether the sentence marks a figure in the unit asked (or one news writes for it) as a total (全村745户,
    共造林25.8万亩, 累计…), a figure the question does not already give."""
    units = SAME_UNIT.get(unit, (unit,))
    return any(
        m.group(2).lstrip("多余").startswith(u) and m.group(1) + u not in query
        for m in _TOTAL_WRITTEN.finditer(sentence)
        for u in units
    )


def totals_in_context(sentences: Sequence[str], strengths: Sequence[float], query: str) -> list[float]:
    """For a how-many question asking a total in a unit (一共多少户, 累计多少例), the strengths of an article's
    sentences read together: when some sentence holding the kind of figure asked marks one as a total, a
    sentence holding only unmarked figures gives a part or another count (解决了21户村民 beside 全村745户), a
    hint at most (`FAINT`)."""
    unit = unit_asked(query)
    if not _TOTAL_ASKED.search(query) or unit in (None, RATE, DURATION):
        return list(strengths)
    marked = [
        s >= WEAK and holds_total(text, unit, query) for text, s in zip(sentences, strengths, strict=True)
    ]
    if not any(marked):
        return list(strengths)
    return [s if m or s < WEAK else min(s, FAINT) for s, m in zip(strengths, marked, strict=True)]


# The deed a how-many question asks the amount of: the verb right before its 多少 / 几, 了 or 过 between (取了多少钱 → 取,
# 捐了多少吨 → 捐, 出口多少 → 出口). A verb saying what there is (有几台, 是多少, 达多少) is no deed.
_NO_DEED = frozenset({"有", "是", "为", "达", "占", "共", "约", "到", "要", "能", "会"})
_ASPECT = ("了", "过")


def deed_of_amount(query: str) -> str | None:
    """The verb a (normalised) how-many question writes right before 多少 / 几 (了 / 过 between, and off the verb), or
    None when none is written there or it says only what there is."""
    words = tags(query)
    at = next((k for k, (w, _) in enumerate(words) if w == "多少" or w.startswith("几")), None)
    if at is None:
        return None
    k = at - 1
    if k >= 0 and words[k][0] in _ASPECT:
        k -= 1
    if k < 0 or not words[k][1].startswith("v"):
        return None
    verb = words[k][0].removesuffix("了").removesuffix("过")
    return verb if verb and verb not in _NO_DEED else None


DEED_GAP = 2  # characters news writes between a deed's verb and its figure (取出3万元, 捐赠5000吨)


def figures_deed(sentence: str, deed: str, asked: Asked) -> bool:
    """Whether the sentence writes a figure the question lacks right after the deed's verb, at most `DEED_GAP`
    characters between (取出3万元 for 取了多少钱, 捐赠5000吨 for 捐了多少吨), as news writes the amount of a deed after
    its verb; in the unit asked (or one news writes for it), or before what is counted, when the question names
    either (拿到了60岁以上年龄组的第二名 is no count of 多少奖杯)."""
    figure = re.compile(
        re.escape(deed)
        + rf"[^\d，,。；;：:、]{{0,{DEED_GAP}}}?((?<![\d.]){ANY_NUMBER}|{_CN_COUNT})([^\d，,。；;：:]{{0,{COUNTED_GAP}}})"
    )
    unit, counted = unit_asked(asked.query), counted_asked(asked)
    return any(
        m.group(1) not in asked.query and _of_kind_asked(m.group(2), unit, counted)
        for m in figure.finditer(sentence)
    )


COUNTED_GAP = 6  # characters after a deed's figure searched for the unit or the thing counted


def _of_kind_asked(after: str, unit: str | None, counted: str | None) -> bool:
    """Whether the words after a figure start with the unit asked (or one news writes for it) or hold what is
    counted; true when the question names neither."""
    if unit in (RATE, DURATION):
        return False
    if unit is not None and after.startswith(SAME_UNIT.get(unit, (unit,))):
        return True
    if counted is not None and counted in after:
        return True
    return unit is None and counted is None


# A word of a how-many question its segmenter glued to the measure word before it (多少节公开课 → 节公开课): news writes
# the word alone (开设公开课近2000节), so a glued word no story read prints is read without its measure word.
GLUED_LEAST = 3  # characters of a word read as a measure word glued to what is counted


def unglued(term: str, query: str, texts: Sequence[str]) -> str:
    """A how-many question's word as news writes it: without the measure word its segmenter glued to it right after
    the question's 多少 / 几 (节公开课 → 公开课) when none of the `texts` read prints it glued; the word itself
    otherwise."""
    if len(term) < GLUED_LEAST or any(term in text for text in texts):
        return term
    return term[1:] if re.search(r"(?:多少|几)" + re.escape(term), query) else term
