"""Questions as readers type them, read in their written form. Pure functions.

`written_form(text)` rewrites the spoken, regional and typed forms of a question into the written form the
parser and the answer rules read (the typed text itself is kept for the reply):

    a spoken question word is the written word of its kind   啥 / 啥子 → 什么 (啥时候, 叫啥, 为啥, 啥地方, 是啥人);
                                                           几几年 → 哪一年;
                                                           几时 / 多咱 → 什么时候; 哪旮旯 / 哪疙瘩 / 哪块儿
                                                           → 哪里; 几多 → 多少; 哪一位 → 哪位; 叫什么名 →
                                                           叫什么名字
    an opener or a lead-in asks nothing of the topic       请问-like openers not read elsewhere (想问问, 麻烦问下,
                                                           谁知道, 你知道, 能告诉我), lead-ins joining the talk
                                                           before (对了，, 话说, 还有，, 另外问下，)
    a tail asks nothing of the topic                       …，你知道吗; a particle ending the question (呢, 啊,
                                                           呀, 哇)
    a status question ending the message asks about now  保交楼那事怎么样了, …后来咋样了, …进展如何 → …现在怎么样了
                                                           (the newest story holding the topic first)
    spaces typed inside a question word or a number        什么 时候 → 什么时候; 1200 万元 → 1200万元; a
                                                           question typed word by word (那届 残疾人 技能 大赛
                                                           有 多少 人 参赛) is read as typed whole
    a year typed with two digits before a month or a       19年2月 → 2019年2月, 18年底 → 2018年底 (the years of
    part of the year                                       this century readers write so)
    a date in Chinese numerals                             二〇二〇年 → 2020年, 三月 → 3月 (`digits_in_dates`)

Text is expected folded (`storage.text.normalize.fold`: traditional characters and full-width forms are
already read as simplified and half-width).
"""

from __future__ import annotations

import re

from storage.text.segment import digits_in_dates

# Openers and lead-ins a reader types before the question (one or more, with a mark or a space after them).
# 还有 / 另外 / 那么 only with a mark after them: 还有多少天 asks with 还有.
_OPENER = re.compile(
    r"^\s*(?:(?:麻烦|想|我想|顺便|另外)?问(?:一下|下|问)|有?谁知道|你知道|(?:能不?能|可以)?告诉我|对了|话说|"
    r"(?:还有|另外|那么)(?=[，,、:：\s]))[，,、:：\s]*"
)
# A tail asking the bot whether it knows (…，你知道吗), and the particles ending a spoken question.
_KNOW_TAIL = re.compile(r"[，,\s]*(?:你知道吗|知道吗|你知道不|知道不)(?=[\W_]*$)")
_PARTICLE_TAIL = re.compile(r"(?<!爪)[呢啊呀哇]+(?=[\W_]*$)")
# How things stand (保交楼那事怎么样了, …后来咋样了, …进展如何): a question about now, asked at the end of the message
# (`_STATUS_TAIL`) or, in a message ending with one, at the end of a clause before it (`_STATUS_IN_CLAUSE`:
# 保交楼进展如何，进展如何，…, a message repeating its question).
_STATUS = (
    r"(?:那事|那件事|这事|这件事|此事|那个事)?(?:后来|后续|最后|如今|现在|目前)?(?:怎么样|咋样|怎样|如何)了{end}"
    r"|(?:的)?(?:目前|现在|最新)?(?:的)?(?:进展|进度)(?:如何|怎么样|咋样|怎样)了?{end}"
)
_STATUS_TAIL = re.compile(_STATUS.format(end=r"(?=[\W_]*$)"))
_STATUS_IN_CLAUSE = re.compile(_STATUS.format(end=r"(?=[\W_]*$|[，,。；;？?！!])"))
NOW_QUESTION = "现在怎么样了"
# Spoken and regional question words, and the written word of their kind.
_SPOKEN_WORDS = (
    (re.compile(r"啥子?"), "什么"),  # 啥子: the Sichuan 啥
    (re.compile(r"几几年"), "哪一年"),
    # 啥时 (什么时 once 啥 is read): 什么时候, not 什么时代 nor 什么时间
    (re.compile(r"(?<![十近这前后头那好])几时|多咱|什么时(?![候间代刻期])"), "什么时候"),
    (re.compile(r"哪旮旯|哪疙瘩|哪嘎达|哪嘎哒|哪块儿"), "哪里"),
    (re.compile(r"(?<![好十])几多"), "多少"),
    (re.compile(r"哪一位"), "哪位"),
    (re.compile(r"叫什么名(?!字)"), "叫什么名字"),
)
# Question words jieba would cut in two, typed with a space inside (什么 时候).
_SPACED_WORDS = tuple(
    (re.compile(r"\s*".join(word)), word)
    for word in ("什么时候", "什么时间", "什么地方", "叫什么名字", "为什么", "是不是", "有没有", "多少")
)
# A number typed apart from its unit (1200 万元, 30 个).
_SPACED_UNIT = re.compile(r"(?<=\d)\s+(?=[万亿千百]?[元个人名家次位项条天年月日号户件吨亩])")
# A two-digit year of this century before a month, a span of months or a part of the year (19年2月, 19年1到11月,
# 18年底, 20年上半年), or opening the question (19年学生资助…); not a count of years (近10年底, 这20年来, 20年来).
_SHORT_YEAR = re.compile(
    r"(?<![\d.近这前后每多第过去])([0-2]\d)年"
    r"(?=\d{1,2}(?:月|[到至\-—~]\d{1,2}月)|[底初末]|上半年|下半年|[一二三四]季度|前三季度)"
    r"|^([0-2]\d)年(?![来间里后前内以多])"
)


# A question typed with a space between every word (那届 残疾人 技能 大赛 有 多少 人 参赛): at least this many
# words, each of Chinese characters or digits and at most `_SPACED_WORD` long.
_SPACED_WORDS_AT_LEAST = 4
_SPACED_WORD = 6
_HAN_OR_DIGITS = re.compile(r"[\u3007\u4e00-\u9fff\d]+[?？!！。，,]*")


def _unspaced(text: str) -> str:
    """A question typed word by word without its spaces, as if typed whole: jieba then cuts it as it cuts the
    plain question (羊房 村 → 羊房村, 沙棘 汁 → 沙棘汁), where a lone character between spaces would be dropped."""
    words = text.split()
    if len(words) < _SPACED_WORDS_AT_LEAST:
        return text
    if not all(len(w) <= _SPACED_WORD and _HAN_OR_DIGITS.fullmatch(w) for w in words):
        return text
    return "".join(words)


def _status_read(text: str) -> str:
    """`text` with the status question ending it (…进展如何) read as a question about now (`NOW_QUESTION`),
    and so each status question ending a clause before it (保交楼进展如何，进展如何，进展如何: a message
    repeating its question). In a message ending with another question (那事后来咋样了，在哪个法院开的庭) a
    status question is left as typed."""
    if _STATUS_TAIL.search(text) is None:
        return text
    return _STATUS_IN_CLAUSE.sub(NOW_QUESTION, text)


def written_form(text: str, *, question: bool = False) -> str:
    """`text` with the spoken forms of its question in their written form (see the module's table); a
    `question` typed with a space between every word is read without them."""
    out = _unspaced(text) if question else text
    while (m := _OPENER.match(out)) and m.end() < len(out):
        out = out[m.end() :]
    out = _PARTICLE_TAIL.sub("", _KNOW_TAIL.sub("", out))
    out = _status_read(out)
    for pattern, written in _SPOKEN_WORDS:
        out = pattern.sub(written, out)
    for pattern, word in _SPACED_WORDS:
        out = pattern.sub(word, out)
    out = _SPACED_UNIT.sub("", out)
    out = _SHORT_YEAR.sub(lambda m: f"20{m.group(1) or m.group(2)}年", out)
    return digits_in_dates(out)
