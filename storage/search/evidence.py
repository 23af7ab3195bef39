"""Ranked retrieval for questions and long queries: the evidence an article holds for a question. Pure.

A question's words are rarely all printed in the story it asks about (谷爱凌决赛得了多少分: the story
says 获得94.75分 and never 决赛得), so questions, and keyword searches whose words no article holds
together, are ranked over every article holding any of their content words, by:

- **held**: the share of the words' weight the article holds (title or text);
- **near**: the largest share held by one sentence, or two neighbouring ones (the words near each other),
  the headline's words counting with each at half their weight (`TITLE_CONTEXT`);
- **pair**: the share of the words typed next to each other (中国驻德国大使) that the article prints so;
- **title**: the share held by the headline;
- **bm25**: BM25 over the words (title occurrences weighted), relative to the best candidate;
- **date**: a year, month or day in the question (typed out, or relative to today: 去年, 上个月, 上周)
  is evidence about the story's time: the article is
  dated then (or a day or two after a day asked for: papers report the next day), or, less, mentions the
  date; never a filter;
- **now**: a question about now (现在, 最新, 目前) prefers the newest of the stories holding the most;
- **fact**: for a question whose fact a cheap test recognises (`answers.fact_test`: a number in the unit
  asked, the name after the post asked about, a name of the kind asked for, where something took place),
  the largest weight held by a sentence (with the one before it for the words) whose own text holds it
  (`FACT_SENTENCES`) — the story that states the fact beside the topic, not the one that only mentions
  the topic.

A word's weight is how specific it is (its IDF in the archive, averaged with jieba's IDF so that a small
archive does not make a common word look rare) times its role: the topic — nouns, names, places,
numbers with units, quoted phrases — weighs more than verbs and function words, so that a rare verb
phrase of the question (要建, 送到) cannot outweigh its topic (乡村医生). The kind of thing a question asks
to be named or listed (哪几个部门, 什么能力, 哪个电视频道) weighs as little as a word of no role: the story
names the things themselves (人社部、财政部; 中国教育电视台4频道), often without the kind word.

`weigh_terms` turns the terms and their article counts into `Term`s; `rank` orders candidates (their
text read by the engine) by `Weights`. `storage.search.evidence_search` finds the candidates.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from typing import NamedTuple

from storage.search.dates.absolute import DateSpec
from storage.search.dates.spans import Period
from storage.text.normalize import HAN_RANGES, fold, normalize, search_form

# Roles of a word in a question (multipliers of its IDF).
TOPIC = 1.0  # nouns, names, places, organisations, numbers with units, foreign words
QUOTED = 1.3  # a phrase the reader put in quotes
VERB = 0.55
NAMED = 1.3  # a name jieba knows: a person, a place, an organisation (苏炳添, 爱尔兰, 国家统计局)
OTHER = 0.6  # adjectives, adverbs, anything else jieba tags
# A lone Latin letter (x, c) is a variable, a grade, a piece of a pasted formula (8+X) or of markup
# (<i>x</i>) more often than the thing asked about: it weighs at most this share of the question's
# lightest real word, so that a rare letter cannot outweigh the word typed beside it.
LONE_LETTER_SHARE = 0.5
# jieba's tags of topic words: nouns of every kind (n…), verbal nouns, foreign words, unknown pieces
# (names jieba does not know), abbreviations, numbers and measure words, distinguishing words.
_TOPIC_TAGS = frozenset("vn eng x un j m q b".split())
# jieba's tags of names: of persons (nr, nrt), places (ns), organisations (nt), other proper names (nz). A
# question's names say which story of several on a topic it asks about (苏炳添 in 爱尔兰, not in 德国).
_NAME_TAGS = frozenset("nr nrt ns nt nz".split())

# Words that ask about now: the newest story holding the fact is preferred.
_NOW = re.compile(
    r"现在|目前|最新|如今|眼下|当前|至今|截至目前|最近|近况|(?<![a-z])(?:now|latest|current)(?![a-z])"
)


@dataclass(frozen=True)
class Weights:
    """How much each kind of evidence counts in an article's score."""

    held: float = 0.7
    near: float = 0.9
    title: float = 0.1
    bm25: float = 0.9
    date: float = 0.3
    date_mention: float = 0.1
    now: float = 0.15
    fact: float = 0.3
    pair: float = 0.1


DEFAULT_WEIGHTS = Weights()
# An article whose held share is below this part of the best candidate's is not a result.
KEEP_SHARE = 0.5
# Two articles whose scores differ by less than the whole weight of the fact evidence are close: had the
# cheap fact test (`answers.fact_test`) seen the lower one's fact beside all the words, it would have come first.
CLOSE_MARGIN = DEFAULT_WEIGHTS.fact
# A headline holding at least this share of the question's weight but none of its names (全国规上工业企业复工率
# for 江西规上工业企业…复工): a story of the same topic about another place or person; among the close
# stories it scores `HEADLINE_ELSEWHERE` times its headline share less.
HEADLINE_ELSEWHERE_SHARE = 0.5
HEADLINE_ELSEWHERE = 0.05


def close_to_first(scores: Sequence[float], margin: float = CLOSE_MARGIN) -> int:
    """How many of the leading `scores` (best first, as `rank` orders them) are within `margin` of the
    first's: the first itself, and the articles after it up to the first one further below. Pure."""
    if not scores:
        return 0
    first = scores[0]
    close = 1
    while close < len(scores) and scores[close] >= first - margin:
        close += 1
    return close


@dataclass(frozen=True)
class Term:
    text: str  # as parsed (normalised)
    df: int  # articles holding it (or one of its printed forms)
    weight: float
    forms: tuple[str, ...] = ()  # what news prints for it (卫健委 → 卫生健康委), held as the word itself
    named: bool = False  # a name jieba knows (`NAMED`): a person, a place, an organisation

    @cached_property
    def written(self) -> tuple[str, ...]:
        """The word and its printed forms, longest first (a form holding the word is counted once)."""
        return tuple(sorted({self.text, *self.forms}, key=len, reverse=True))


class Candidate(NamedTuple):
    """An article as evidence ranking reads it (a named tuple: forty are made for each question)."""

    id: int
    title: str
    body: str
    date: str | None
    # `normalize.search_form` of the title and of the body, as stored beside the article; None when
    # not stored (worked out from the text here).
    forms: tuple[str | None, str | None] | None = None


@dataclass(frozen=True)
class Ranked:
    id: int
    score: float
    held: float
    near: float
    title: float
    bm25: float
    on_date: float
    missing: tuple[str, ...]  # the terms the article does not hold


def role(term: str, tags: Sequence[tuple[str, str]], *, quoted: bool = False) -> float:
    """The role multiplier of a term from jieba's tags of it."""
    if quoted:
        return QUOTED
    flags = [flag for _, flag in tags]
    if not flags:
        return TOPIC
    if len(flags) == 1 and flags[0] in _NAME_TAGS:
        return NAMED
    if any(f.startswith("n") or f in _TOPIC_TAGS for f in flags):
        if any(f in ("m", "q") for f in flags) and not re.search(r"\d", term) and len(flags) == 1:
            return OTHER  # 首次, 一些: numerals without a number
        return TOPIC
    if all(f.startswith("v") for f in flags):
        return VERB
    return OTHER


def lone_letter(term: str) -> bool:
    """Whether `term` is one Latin letter (x, C), which `LONE_LETTER_SHARE` weighs below any real word."""
    return len(term) == 1 and term.isascii() and term.isalpha()


def idf(df: int, n: int) -> float:
    """BM25's IDF of a word held by `df` of `n` articles."""
    n = max(n, df, 1)
    return math.log(1.0 + (n - df + 0.5) / (df + 0.5))


def weigh_terms(
    terms: Sequence[str],
    counts: Sequence[int],
    n: int,
    *,
    quoted: Sequence[str] = (),
    tagger=None,
    jieba_idf: tuple[dict[str, float], float] | None = None,
    forms: dict[str, tuple[str, ...]] | None = None,
    kind_asked: str | None = None,
) -> list[Term]:
    """`Term`s with their weights (see the module doc). `tagger(text) -> [(word, flag)]` and
    `jieba_idf` (jieba's table and its median) come from the caller: this module loads nothing.
    `forms`: what news prints for a typed word (`storage.search.synonyms`), counted as the word.
    `kind_asked`: the kind of thing the question asks to be named or listed (部门 of 哪几个部门), which
    plays the role `OTHER`. A lone Latin letter weighs at most `LONE_LETTER_SHARE` of the lightest other
    word."""
    out = []
    forms = forms or {}
    table, median = jieba_idf if jieba_idf is not None else ({}, 0.0)
    for term, df in zip(terms, counts, strict=True):
        tags = tagger(term) if tagger is not None else []
        specificity = idf(df, n)
        if jieba_idf is not None:
            specificity = 0.5 * specificity + 0.5 * float(table.get(term, median))
        played = OTHER if term == kind_asked else role(term, tags, quoted=term in quoted)
        printed = tuple(f for f in forms.get(term, ()) if f != term)
        out.append(Term(term, df, played * specificity, printed, named=played == NAMED))
    lightest_word = min((t.weight for t in out if not lone_letter(t.text)), default=None)
    if lightest_word is None:
        return out
    cap = LONE_LETTER_SHARE * lightest_word
    return [replace(t, weight=min(t.weight, cap)) if lone_letter(t.text) else t for t in out]


# The parser reads every dash as "-" (`storage.search.query`); Chinese news prints a dash as the em dash:
# a book's subtitle after ——, a span of months as 1—6月.
_PRINTED_DASH = "\u2014"


def dashes_as_printed(term: str) -> tuple[str, ...]:
    """How news prints a term holding the parser's dash ("-"): each dash as an em dash (观照--栖居的哲学 →
    观照——栖居的哲学, 1-6 → 1—6); nothing for a term without one. Pure."""
    return (term.replace("-", _PRINTED_DASH),) if "-" in term else ()


# Words that ask for the stories of a period rather than a fact (上周有什么台风的新闻, 本周习近平有哪些活动,
# 昨天发生了什么): a period relative to today stays their filter.
_LISTING = re.compile(r"新闻|消息|报道|动态|资讯|快讯|有什么|有哪些|有啥|都有|有没有|发生了?什么|哪些事")


def asks_for_stories(text: str) -> bool:
    """Whether a question asks for the stories of a period (新闻, 有什么, 有哪些…) rather than a fact."""
    return bool(_LISTING.search(normalize(text)))


def asks_now(text: str) -> bool:
    """Whether a question asks about now (现在, 最新, 目前…)."""
    return bool(_NOW.search(normalize(text)))


def date_evidence(
    article_date: str | None,
    text: str,
    dates: Sequence[DateSpec],
    headline: str = "",
) -> tuple[float, float]:
    """(dated then, mentions it): 1.0 when the article is dated in a date of the question (its year,
    month or day as given), `REPORTED_LATER` when dated a day or two after a day asked for (papers
    report the day after), or dated the year after a year asked for alone with that year in its headline
    (a year's figures and reports come out the next year: 2019年中国学生资助发展报告 of May 2020, 去年12月末
    我国外储规模达3.1万亿美元 of January 2020), or dated the month after a month asked for with that month in
    its headline (4月主要经济数据出炉 of May 2020); 1.0 when its text mentions one (the day, the month, or a
    year asked for alone: 2018年，全国…)."""
    on = 0.0
    mention = 0.0
    dated = article_date or ""
    for d in dates:
        if dated and _dated_in(dated, d):
            on = 1.0
        elif dated and d.day is not None and _reported_after(dated, d):
            on = max(on, REPORTED_LATER)
        elif dated and (_year_reported(dated, headline, d) or _month_reported(dated, headline, d)):
            on = max(on, REPORTED_LATER)
        if d.month and (f"{d.month}月{d.day}日" if d.day else f"{d.month}月") in text:
            mention = 1.0
        elif not d.month and d.year is not None and f"{d.year}年" in text:
            mention = 1.0
    return on, mention


REPORTED_LATER = 0.7
_REPORT_DELAY = 2  # days


def as_date(period: Period) -> DateSpec | None:
    """A relative period as the absolute date it names, when it names a whole year (去年 → 2019年), a whole
    month (上个月 → 2020年5月) or one day (昨天 → 2020年5月31日); None for other spans (上周, 最近3天)."""
    start, end = period.start, period.end
    if start == end:
        return DateSpec(period.text, start.month, year=start.year, day=start.day)
    if start.day != 1 or start.year != end.year:
        return None
    if (start.month, end.month, end.day) == (1, 12, 31):
        return DateSpec(period.text, 0, year=start.year)
    if start.month == end.month and (end + timedelta(days=1)).day == 1:
        return DateSpec(period.text, start.month, year=start.year)
    return None


def period_evidence(
    article_date: str | None,
    text: str,
    periods: Sequence[Period],
    headline: str = "",
) -> tuple[float, float]:
    """`date_evidence` for the periods a question names relative to today (去年, 上个月, 上周): evidence
    about the story's time, as a year or month typed out is, never a filter. A whole year, month or day
    is read as that date; another span (上周, 最近3天) holds the stories dated in it (1.0), or up to
    `_REPORT_DELAY` days after it (`REPORTED_LATER`)."""
    specs = [d for d in map(as_date, periods) if d is not None]
    on, mention = date_evidence(article_date, text, specs, headline) if specs else (0.0, 0.0)
    if article_date:
        try:
            published = date.fromisoformat(article_date[:10])
        except ValueError:
            return on, mention
        for p in periods:
            if as_date(p) is not None:
                continue
            if p.start <= published <= p.end:
                on = 1.0
            elif 0 < (published - p.end).days <= _REPORT_DELAY:
                on = max(on, REPORTED_LATER)
    return on, mention


def _dated_in(iso: str, d: DateSpec) -> bool:
    year, month, day = iso[:4], iso[5:7], iso[8:10]
    if d.year is not None and year != f"{d.year:04d}":
        return False
    if d.month and month != f"{d.month:02d}":
        return False
    return not (d.day is not None and day != f"{d.day:02d}")


def _year_reported(iso: str, headline: str, d: DateSpec) -> bool:
    """Whether an article dated `iso` reports on the year `d` (asked for alone): dated the next year, its
    headline names that year (2019年…) or says 去年."""
    if d.year is None or d.month or iso[:4] != f"{d.year + 1:04d}":
        return False
    return f"{d.year}年" in headline or "去年" in headline


def _month_reported(iso: str, headline: str, d: DateSpec) -> bool:
    """Whether an article dated `iso` reports on the month `d` (asked for without a day): dated the next
    month, its headline names that month (4月主要经济数据出炉 of May 15) or says 上月 (a month's figures come
    out the month after)."""
    if not d.month or d.day is not None or len(iso) < 7:
        return False
    year = d.year if d.year is not None else int(iso[:4]) - (1 if d.month == 12 and iso[5:7] == "01" else 0)
    after = (year + 1, 1) if d.month == 12 else (year, d.month + 1)
    if (iso[:4], iso[5:7]) != (f"{after[0]:04d}", f"{after[1]:02d}"):
        return False
    return re.search(f"(?<![0-9]){d.month}月", headline) is not None or "上月" in headline


def _reported_after(iso: str, d: DateSpec) -> bool:
    """Whether an article dated `iso` was published up to `_REPORT_DELAY` days after the day `d`."""
    try:
        published = date.fromisoformat(iso[:10])
        asked = date(d.year if d.year is not None else published.year, d.month, d.day or 1)
    except ValueError:
        return False
    return 0 < (published - asked).days <= _REPORT_DELAY


# A headline states the story's topic, which its sentences then leave out (李克强作的政府工作报告 over
# 城镇新增就业1352万人): the headline's words count with every sentence at this part of their weight.
TITLE_CONTEXT = 0.5
# The fact beside the words is looked for in this many sentences, ending with the one that holds them (1: that
# sentence alone): a figure in the sentence before is often another event's, told first.
FACT_SENTENCES = 1
# Where a sentence ends (the title is the first one), for the words near each other.
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_SENTENCE_END_CHARACTERS = "。！？!?；;\n"


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` ends (the places `_SENTENCE_END` matches), in order: each end
    character found with `str.find`, which is about twice as fast as the regex testing every character."""
    ends: list[int] = []
    find, add = text.find, ends.append
    for ch in _SENTENCE_END_CHARACTERS:
        at = find(ch)
        while at != -1:
            add(at)
            at = find(ch, at + 1)
    ends.sort()
    return ends


_HAN_TERM = re.compile(f"[{HAN_RANGES}]+")
# BM25 over the candidates' text (title, then body): the usual constants; a title occurrence counts
# as many as SQLite's title weight.
K1 = 1.2
B = 0.75
TITLE_TF = 8.0


def ideographs_only(terms: Sequence[Term]) -> bool:
    """Whether every written form of the terms is ideographs only (then a text needs no folding)."""
    return all(_HAN_TERM.fullmatch(w) for t in terms for w in t.written)


def searchable(
    text: str, terms: Sequence[Term], *, form: str | None | bool = False, han_only: bool | None = None
) -> str:
    """`text` as the terms are written. Normalised when it holds traditional forms or stray spaces
    between ideographs; else folded (full-width digits and letters; the length is kept) when a term
    has other characters than ideographs; else as stored, which then finds the same. `form`: the
    text's `search_form` when known (stored with the article: the normalised text, or None), False
    to work it out here. `han_only`: `ideographs_only(terms)` when known."""
    normalized = search_form(text) if form is False else form
    if isinstance(normalized, str):
        return normalized
    if ideographs_only(terms) if han_only is None else han_only:
        return text
    return fold(text)


class Counts(NamedTuple):
    """What BM25 and the held share read of one article: per term, its count in the title and in the
    body, and the body's length (a named tuple: one is made for each candidate)."""

    title_tf: tuple[int, ...]
    body_tf: tuple[int, ...]
    length: int


def searchable_texts(
    title: str,
    body: str,
    terms: Sequence[Term],
    forms: tuple[str | None, str | None] | None = None,
    han_only: bool | None = None,
) -> tuple[str, str]:
    """The title and the body as `searchable` gives them (`forms`: their stored `search_form`s, if known)."""
    if han_only is None:
        han_only = ideographs_only(terms)
    return (
        searchable(title, terms, form=False if forms is None else forms[0], han_only=han_only),
        searchable(body, terms, form=False if forms is None else forms[1], han_only=han_only),
    )


def counts(title: str, body: str, terms: Sequence[Term]) -> Counts:
    """Per term, how often the (searchable) title and body print it: `str.count` for a word without
    other printed forms (no match can hold the line break between title and body), else `_count`."""
    title_tf: list[int] = []
    body_tf: list[int] = []
    for t in terms:
        if t.forms or "\n" in t.text:
            title_tf.append(_count(title, t))
            body_tf.append(_count(body, t))
        else:
            title_tf.append(title.count(t.text))
            body_tf.append(body.count(t.text))
    return Counts(tuple(title_tf), tuple(body_tf), len(body))


def closeness(
    title: str,
    body: str,
    terms: Sequence[Term],
    holds_fact: Callable[[str], bool] | None = None,
    pairs: Sequence[Pair] = (),
) -> tuple[float, float, tuple[bool, ...]]:
    """How near each other the (searchable) title and body print the terms: (the largest weight held
    by one sentence or two neighbouring ones, the largest held beside the fact asked for, per typed
    pair whether the text prints it)."""
    text = title + "\n" + body
    ends = sentence_ends(text)
    by_sentence: dict[int, set[int]] = {}
    for j, t in enumerate(terms):
        for w in t.written:
            step = len(w)
            at = text.find(w)
            while at != -1:
                by_sentence.setdefault(bisect_right(ends, at), set()).add(j)
                at = text.find(w, at + step)
    referring = {bisect_right(ends, m.start()) for m in _REFERS_BACK.finditer(text)}
    near = near_fact = 0.0
    weight_of = [t.weight for t in terms].__getitem__
    in_headline = by_sentence.get(0, set())
    nothing: set[int] = set()
    for i, held in by_sentence.items():
        together = held | by_sentence.get(i - 1, nothing)
        if i in referring:
            for k in _referred_back(text, ends, i):
                together |= by_sentence.get(k, nothing)
        # The same sums, in the same order, as over each term's weight (`map` instead of a generator).
        weight = sum(map(weight_of, together)) + TITLE_CONTEXT * sum(map(weight_of, in_headline - together))
        if weight > near:
            near = weight
        if holds_fact is not None and weight > near_fact:
            start = ends[i - FACT_SENTENCES] + 1 if i >= FACT_SENTENCES else 0
            if holds_fact(text[start : ends[i] if i < len(ends) else len(text)]):
                near_fact = weight
    return near, near_fact, tuple(_prints_pair(text, terms, p) for p in pairs)


@dataclass(frozen=True)
class Pair:
    """Two terms of a question typed next to each other (`first`, `second`: their indexes), with at
    most `MAX_PAIR_GAP` characters between them (`gap`: 驻 in 中国驻德国)."""

    first: int
    second: int
    gap: str = ""


MAX_PAIR_GAP = 1
_PAIR_GAP = re.compile(f"[{HAN_RANGES}]")


def typed_pairs(terms: Sequence[str], raw: str) -> list[Pair]:
    """The terms typed next to each other in `raw` (or one character apart, an ideograph: 中国驻德国,
    出席的委员), each pair once, in the order typed. Pure."""
    typed = "".join(normalize(raw).split())
    out: list[Pair] = []
    for i, a in enumerate(terms):
        at = typed.find(a)
        while at != -1:
            end = at + len(a)
            for j, b in enumerate(terms):
                if j == i:
                    continue
                for gap_length in range(MAX_PAIR_GAP + 1):
                    gap = typed[end : end + gap_length]
                    if gap_length and not _PAIR_GAP.fullmatch(gap):
                        break
                    if typed.startswith(b, end + gap_length):
                        pair = Pair(i, j, gap)
                        if all((p.first, p.second) != (i, j) for p in out):
                            out.append(pair)
                        break
            at = typed.find(a, at + 1)
    return out


def _prints_pair(text: str, terms: Sequence[Term], pair: Pair) -> bool:
    """Whether `text` prints the two terms of `pair` next to each other, or with the question's gap
    between them, in any of their written forms."""
    for a in terms[pair.first].written:
        for b in terms[pair.second].written:
            if a + b in text or (pair.gap and a + pair.gap + b in text):
                return True
    return False


def _count(text: str, term: Term) -> int:
    """How often `text` prints the term, in any of its written forms (a longer form holding a shorter
    one is counted once: 国家外汇管理局 holds 外汇管理局)."""
    if not term.forms:
        return text.count(term.text)
    for w in term.written:
        text = text.replace(w, "\0")
    return text.count("\0")


# Words standing for a place or a thing named before (这个赏花季，当地已接待游客… after 在河南洛阳，…).
_REFERS_BACK = re.compile(r"当地|该市|该县|该区|该省|该镇|该乡|该村|该地|该公司|该企业|该项目|这里|此地")
_REFERRED_SENTENCES = 3  # how far back, within the paragraph


def _referred_back(text: str, ends: Sequence[int], i: int) -> range:
    """The sentences before sentence `i`, which says 当地 / 该市 / 这里, that the word may stand for: up
    to `_REFERRED_SENTENCES` back, within its paragraph (the one right before is always counted)."""
    if i < 2:
        return range(0)
    first = i - 1
    while first > max(0, i - _REFERRED_SENTENCES) and text[ends[first - 1]] != "\n":
        first -= 1
    return range(first, i - 1)


def bm25(p: Counts, idfs: Sequence[float], average_length: float) -> float:
    """BM25 of one article over the terms (title occurrences weighted), from its `Counts` and the terms'
    IDF (`idf`, worked out once for every candidate)."""
    norm = K1 * (1.0 - B + B * p.length / max(average_length, 1.0))
    score = 0.0
    for term_idf, in_title, in_body in zip(idfs, p.title_tf, p.body_tf, strict=True):
        tf = TITLE_TF * in_title + in_body
        if tf:
            score += term_idf * tf * (K1 + 1.0) / (tf + norm)
    return score


def held_share(p: Counts, terms: Sequence[Term], total: float) -> float:
    """The share of the terms' weight (`total`) the article prints in its title or body."""
    return sum(t.weight for t, a, b in zip(terms, p.title_tf, p.body_tf, strict=True) if a + b > 0) / total


def rank(
    terms: Sequence[Term],
    candidates: Sequence[Candidate],
    *,
    n: int,
    dates: Sequence[DateSpec] = (),
    periods: Sequence[Period] = (),
    now: bool = False,
    holds_fact: Callable[[str], bool] | None = None,
    pairs: Sequence[Pair] = (),
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[Ranked]:
    """Candidates in order of their evidence, best first, without those holding less than `KEEP_SHARE`
    of what the best holds. `n`: the articles in the archive (for the words' IDF). `holds_fact`: whether
    a passage holds the kind of fact the question asks for (a number in the unit asked): the words held
    beside such a fact count again."""
    total = sum(t.weight for t in terms) or 1.0
    han_only = ideographs_only(terms)
    texts = [searchable_texts(c.title, c.body, terms, c.forms, han_only) for c in candidates]
    held_counts = [counts(title, body, terms) for title, body in texts]
    pair_total = sum(terms[p.first].weight + terms[p.second].weight for p in pairs) or 1.0
    average = sum(p.length for p in held_counts) / len(held_counts) if held_counts else 1.0
    idfs = [idf(t.df, n) for t in terms]
    scores = [bm25(p, idfs, average) for p in held_counts]
    best_bm25 = max(scores, default=0.0) or 1.0
    shares = [held_share(p, terms, total) for p in held_counts]
    top_held = max(shares, default=0.0)
    kept: list[Ranked] = []
    elsewhere: set[int] = set()
    for c, (title, body), p, bm, held in zip(candidates, texts, held_counts, scores, shares, strict=True):
        if held < KEEP_SHARE * top_held or held <= 0:
            continue  # not a result: how near each other it prints the words cannot matter
        near, near_fact, printed = closeness(title, body, terms, holds_fact, pairs)
        in_text = [a + b > 0 for a, b in zip(p.title_tf, p.body_tf, strict=True)]
        in_title = sum(t.weight for t, k in zip(terms, p.title_tf, strict=True) if k) / total
        on, mention = _time_evidence(c, dates, periods)
        score = (
            weights.held * held
            + weights.near * near / total
            + weights.title * in_title
            + weights.bm25 * bm / best_bm25
            + weights.date * on
            + weights.date_mention * mention * (1.0 - on)
            + weights.fact * near_fact / total
            + weights.pair
            * sum(
                terms[q.first].weight + terms[q.second].weight
                for q, ok in zip(pairs, printed, strict=True)
                if ok
            )
            / pair_total
        )
        missing = tuple(t.text for t, ok in zip(terms, in_text, strict=True) if not ok)
        kept.append(Ranked(c.id, score, held, near / total, in_title, bm / best_bm25, on, missing))
        if headline_names_none(terms, p.title_tf) and in_title >= HEADLINE_ELSEWHERE_SHARE:
            elsewhere.add(c.id)
    if now:
        kept = _prefer_newest(kept, {c.id: c.date for c in candidates}, weights.now)
    ranked = sorted(kept, key=lambda r: (-r.score, -r.id))
    return _headlines_elsewhere_less(ranked, elsewhere)


def headline_names_none(terms: Sequence[Term], title_tf: Sequence[int]) -> bool:
    """Whether the question has names (`Term.named`) and the headline holds none of them."""
    named = [k for t, k in zip(terms, title_tf, strict=True) if t.named]
    return bool(named) and not any(named)


def _headlines_elsewhere_less(ranked: list[Ranked], elsewhere: Collection[int]) -> list[Ranked]:
    """`ranked` (best first) with the close stories (`close_to_first`) whose headline is about the topic
    asked but none of its names (`elsewhere`) scoring `HEADLINE_ELSEWHERE` times their headline share less,
    in order again."""
    close = close_to_first([r.score for r in ranked])
    if not any(r.id in elsewhere for r in ranked[:close]):
        return ranked
    out = [
        replace(r, score=r.score - HEADLINE_ELSEWHERE * r.title) if i < close and r.id in elsewhere else r
        for i, r in enumerate(ranked)
    ]
    return sorted(out, key=lambda r: (-r.score, -r.id))


def _time_evidence(
    c: Candidate,
    dates: Sequence[DateSpec],
    periods: Sequence[Period],
) -> tuple[float, float]:
    """(dated then, mentions it) of a candidate for the dates and periods of a question (`date_evidence`,
    `period_evidence`, the larger of each); (0, 0) for a question naming no time, without joining its
    title and body."""
    if not dates and not periods:
        return 0.0, 0.0
    text = c.title + "\n" + c.body
    on, mention = date_evidence(c.date, text, dates, headline=c.title)
    if periods:
        relative = period_evidence(c.date, text, periods, headline=c.title)
        on, mention = max(on, relative[0]), max(mention, relative[1])
    return on, mention


def _prefer_newest(ranked: list[Ranked], dates: dict[int, str | None], bonus: float) -> list[Ranked]:
    """Among the articles holding nearly the most, the newer ones score up to `bonus` more, in proportion to
    how far their date is from the oldest one's towards the newest one's (a story of last week is newer than
    one of last autumn by more than the stories printed between them say)."""
    top = max((r.held for r in ranked), default=0.0)
    days = {d: _day_number(d) for d in {dates.get(r.id) or "" for r in ranked if r.held >= 0.9 * top}}
    known = [n for n in days.values() if n is not None]
    if len(known) < 2 or max(known) == min(known):
        return ranked
    oldest, span = min(known), max(known) - min(known)
    out = []
    for r in ranked:
        n = days.get(dates.get(r.id) or "")
        if r.held >= 0.9 * top and n is not None:
            r = Ranked(
                r.id,
                r.score + bonus * (n - oldest) / span,
                r.held,
                r.near,
                r.title,
                r.bm25,
                r.on_date,
                r.missing,
            )
        out.append(r)
    return out


def _day_number(iso: str) -> int | None:
    """The day of an ISO date as a number (None when it is no date)."""
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None
