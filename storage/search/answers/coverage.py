"""How much of the question's words a text holds: the written forms of a word (第一轮 is 首轮), the
weights of the question's words within an article (`term_weights`, `unit_weights`), and the share a
span of sentences holds (`Coverage`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

from storage.search.answers.people import post_forms
from storage.search.answers.questions import (
    DATE_LENGTH,
    MONTH_SPAN_FORM,
    QUESTION_DATE,
    QUESTION_DAY,
    QUESTION_PERIOD,
)
from storage.search.answers.reading import Article
from storage.search.synonyms import printed_forms
from storage.text.normalize import normalize
from storage.text.segment import cut

TITLE_SHARE = 0.5  # a word of the article's title counts this much in every sentence of it


# A sentence whose subject stands for something said before it (该团由…, 这款…新产品), near its start
# (报道称，美方此举…).
_REFERS_BACK = re.compile(
    r"^(?:[^，,。；;]{0,16}[，,])?[^，,。；;]{0,8}?(?:此举|此次|该(?![地市县区])[\u4e00-\u9fff]|这(?:款|座|位|名|项|批|个|一举措)|"
    # 得知这可能是断层地质条件造成的: 这 as the subject of 是, standing for what was told before
    r"这(?=(?:可能|或许|应该|就|也|正|才)?是))"
)
REFERRED_SHARE = 0.8  # a word of the sentence referred back to counts this much
REFERRED_BACK = 3  # how many sentences back it may be


class Coverage:
    """The share of the question's words (by `unit_weights`) a span of an article's sentences holds; a
    word of the title counts `TITLE_SHARE` in every sentence but those about another part of the title
    (`title_words_withheld`)."""

    def __init__(self, units: Sequence[Sequence[str]], article: Article) -> None:
        pool = article.sentences
        self.weights = unit_weights(units, [s.norm for s in pool])
        self.total = sum(self.weights) or 1.0
        self.forms = [[normalize(x) for x in unit] for unit in units]
        self.held_of = [
            [any(f in s.norm and _holds(f, s.norm) for f in unit) for unit in self.forms] for s in pool
        ]
        self.in_title = [any(normalize(x) in article.title for x in unit) for unit in units]
        self.withheld = title_words_withheld(article.title_parts, self.forms, [s.norm for s in pool])

    def share(self, span: tuple[int, ...], referred: int | None = None) -> float:
        """The share a span holds; with `referred`, a sentence the span's first refers back to (美方此举,
        该团由…), whose words count `REFERRED_SHARE`."""
        held = 0.0
        for u, w in enumerate(self.weights):
            if any(self.held_of[j][u] for j in span):
                held += w
            elif referred is not None and self.held_of[referred][u]:
                held += REFERRED_SHARE * w
            elif self.in_title[u] and not all(u in self.withheld[j] for j in span):
                held += TITLE_SHARE * w
        return held / self.total

    def clause_share(self, clause: str) -> float:
        """The share of the question's words one clause holds itself (no title, no sentence before)."""
        held = sum(
            w
            for unit, w in zip(self.forms, self.weights, strict=True)
            if any(f in clause and _holds(f, clause) for f in unit)
        )
        return held / self.total

    def referred_share(self, i: int, sentence: str) -> float:
        """The share sentence `i` holds, counting the words of the sentence it refers back to (此举, 该团,
        这款: the best of the `REFERRED_BACK` sentences before it) at `REFERRED_SHARE`."""
        own = self.share((i,))
        if not _REFERS_BACK.search(sentence):
            return own
        return max([own] + [self.share((i,), j) for j in range(max(0, i - REFERRED_BACK), i)])


_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2}")


def _words(part: str) -> frozenset[str]:
    return frozenset(w for w in cut(part) if _HAN_WORD.search(w))


def title_words_withheld(
    parts: Sequence[str], forms: Sequence[Sequence[str]], sentences_: Sequence[str]
) -> list[frozenset[int]]:
    """For each sentence, the question's words (indices in `forms`) the title does not lend it. A title may
    head two stories of one kind, in parts (split at its spaces) sharing a word (火神山医院收治首批患者
    雷神山医院即将交付使用: 医院); a sentence printing a word only one such part prints (火神, 收治) and none only
    the part holding a question's word prints is about the other story: that word (雷神山, 交付) counts
    nothing there unless the sentence prints it. A part sharing no word with the others (a subtitle
    summing up the story: 习近平…致辞 强调中国坚持…) lends to every sentence."""
    words = [_words(part) for part in parts]
    own = [
        frozenset(w for w in mine if not any(w in other for k, other in enumerate(parts) if k != i))
        for i, mine in enumerate(words)
    ]  # a word another part prints even inside a longer one (神山 of 火神山) is no part's own
    paired = [any(mine & other for k, other in enumerate(words) if k != i) for i, mine in enumerate(words)]
    parts_of = [
        frozenset(k for k, part in enumerate(parts) if paired[k] and any(f and f in part for f in unit))
        for unit in forms
    ]
    out = []
    for sentence in sentences_:
        about = frozenset(k for k, ws in enumerate(own) if paired[k] and any(w in sentence for w in ws))
        out.append(
            frozenset(u for u, holding in enumerate(parts_of) if about and holding and not about & holding)
        )
    return out


# 第一 before a measure word and 首 say the same (第一站 = 首站, 第一轮 = 首轮, 首次 = 第一次): news writes
# the short form where a question says the long one, and the other way round.
_ORDINAL_MEASURES = "轮站次批届场期季座架艘台部项枚位家个份"
_FIRST_OF = re.compile(f"^(第一|首|头一)([{_ORDINAL_MEASURES}])(.*)$")


# A question's "in a year" / "a day" is printed as a rate: 一年给柬埔寨发多少电 → 每年可为全国提供约10亿度,
# 一天能检测多少份 → 150万份每天, 日均.
_PER_PERIOD = {
    "一年": ("每年", "年均"),
    "每年": ("一年", "年均"),
    "一天": ("每天", "每日", "日均"),
    "每天": ("一天", "每日", "日均"),
    "一个月": ("每月", "月均"),
    "每月": ("一个月", "月均"),
}


def written_forms(term: str) -> tuple[str, ...]:
    """The term and the forms news prints for it: its ordinal's other form (`_ordinal_forms`), the rate of a
    period (一年 → 每年, 年均), the full or formal names of the synonym table (卫健委 → 卫生健康委, 国企 →
    国有企业, 去世 → 逝世, 老家 → 出生), a verb of carrying's formal form (运到 → 运抵), and a post jieba glued to its
    body's last character alone (村村支书 → 村支书)."""
    return tuple(
        dict.fromkeys(
            (
                *_ordinal_forms(term),
                *_PER_PERIOD.get(term, ()),
                *printed_forms(term),
                *_arrival_forms(term),
                *post_forms(term),
            )
        )
    )


# A verb of carrying something to a place that the question says with 到 (运到, 送到, 寄到, 飞到), which news writes
# with the formal 抵 (运抵, 送抵, 寄抵, 飞抵).
_CARRIED_TO = re.compile(r"^([运送寄发飞驶押邮转])到$")


def _arrival_forms(term: str) -> tuple[str, ...]:
    """运到 → 运抵: the written form of a spoken verb of carrying to a place; nothing for other words."""
    m = _CARRIED_TO.match(term)
    return (m.group(1) + "抵",) if m is not None else ()


def _ordinal_forms(term: str) -> tuple[str, ...]:
    """The term, and its other forms when it starts with 第一, 首 or the colloquial 头一 before a measure word
    (第一站 → 首站, 头一份工作 → 第一份工作, 首份工作)."""
    m = _FIRST_OF.match(term)
    if m is None:
        return (term,)
    # news seldom writes the spoken 头一: it is read as the written forms, never written for them
    return (term, *(f + m.group(2) + m.group(3) for f in ("第一", "首") if f != m.group(1)))


# An ordinal or a number a question's word ends with (第十, 2020): printed on, it is another (第十一, 20201).
_NUMERAL_END = re.compile(r"第[零一二三四五六七八九十百千万两]+$|\d$")
_NUMERAL = "0123456789零一二三四五六七八九十百千万两"


@lru_cache(maxsize=4096)
def _ends_with_numeral(form: str) -> bool:
    return _NUMERAL_END.search(form) is not None


def _holds(form: str, text: str) -> bool:
    """Whether a text holds a (normalised) word of the question; a word ending with a numeral only where no
    numeral follows it (第十 is not in 第十一盘). Callers test `form in text` first, which is cheaper."""
    if not _ends_with_numeral(form):
        return form in text
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if end == len(text) or text[end] not in _NUMERAL:
            return True
        at = text.find(form, at + 1)
    return False


def words_held(units: Sequence[Sequence[str]], text: str) -> frozenset[int]:
    """Which of the question's words (their indices in `units`) an article's (normalised) text holds."""
    return frozenset(
        k
        for k, unit in enumerate(units)
        if any((f := normalize(x)) in text and _holds(f, text) for x in unit)
    )


def article_coverage(units: Sequence[Sequence[str]], text: str) -> float:
    """The share (by length) of the question's words an article's text holds."""
    total = sum(min(len(x) for x in unit) for unit in units) or 1
    forms = [[normalize(x) for x in unit] for unit in units]
    held = sum(
        min(len(x) for x in unit)
        for unit, folded in zip(units, forms, strict=True)
        if any(f in text and _holds(f, text) for f in folded)
    )
    return held / total


def unit_weights(units: Sequence[Sequence[str]], sentences_: Sequence[str]) -> list[float]:
    """Each word's (or OR group's) weight: its length times 1 + ln(N / n), n of the N sentences
    holding it (at least 1), so the words that recur in every sentence of the story say little about
    which one answers."""
    n = max(len(sentences_), 1)
    out = []
    for unit in units:
        forms = [normalize(x) for x in unit]
        holding = sum(1 for s in sentences_ if any(f in s and _holds(f, s) for f in forms))
        dated = (
            QUESTION_DATE.fullmatch(forms[0])
            or QUESTION_DAY.fullmatch(forms[0])
            or QUESTION_PERIOD.fullmatch(forms[0])
            or MONTH_SPAN_FORM.fullmatch(forms[0])
        )
        length = DATE_LENGTH if dated else min(len(f) for f in forms)
        out.append(length * (1.0 + math.log(n / max(holding, 1))))
    return out


def term_weights(terms: Sequence[str], sentences_: Sequence[str]) -> dict[str, float]:
    """Each term's weight (see `unit_weights`)."""
    return dict(zip(terms, unit_weights([(t,) for t in terms], sentences_), strict=True))
