"""Choosing the answer (`best_sentence`): the one to three sentences of the top results that hold what
a question asks for.

Each sentence of the best-ranked articles (up to five: the first result is not always the one that
says it) is scored by the share of the question's words it holds — weighted by how rare each word is
within its article (`term_weights`), a word of the article's title counting half everywhere in it,
and an OR group counting when one member is there — plus a bonus when it holds the kind of fact
asked for, minus a little per place its article is ranked below the first; for where, a sentence naming a place
comes before one only hinting at a place, whatever their scores (`answer_order`). A sentence needs most of
the words, or some of them and the fact asked for. For how-many, the sentence is also read clause by
clause (`clauses`): the number written in the clause holding the question's words answers them, one in
another clause most often counts something else. A when-question's date is the one written before the deed
asked about (哪天着陆火星的: 于2004年1月25日成功着陆火星). A year or month the question names (2018年销售额), or
a period relative to the story (今年以来), counts as one of its words, and a lower article printing it may
answer though the first holds a plain figure (`reads_further`). An enumeration continues into the
sentences that carry on its numbering (二是, 三是), up to three sentences, and causes announced by their
number (原因有三个) are shown with the items that give them (第一，… 第二，…), as is a list so announced when a
list is asked (有哪三大应用场景: …三大应用场景。一是…). For how many, which and what, a lower article may also answer
when the first result's answer holds few of the question's words (`reads_further`). When the question names a month
with its year (2020年1月韩正在瑞士见的…), a story dated in that month answers before one of the same topic dated in
another, and may answer from below the first (`_dated_in_month_asked`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import NamedTuple

from storage.models import Answer
from storage.search.answers.clauses import CLAUSE_END, clauses
from storage.search.answers.context import causes_in_context, date_referred, dated_apart, place_referred
from storage.search.answers.counts import (
    bounds_asked,
    deed_of_amount,
    figures_deed,
    totals_in_context,
    unglued,
)
from storage.search.answers.coverage import Coverage, article_coverage, words_held, written_forms
from storage.search.answers.dates import dates_deed, day_without_month
from storage.search.answers.kinds import kind_strength
from storage.search.answers.lists import ENUMERATION, PLACES_ASKED
from storage.search.answers.people import (
    DESCRIBED_PERSON_ASKED,
    POST,
    REPORTER_ASKED,
    calling_after,
    names_outlets_reporter,
    post_before,
)
from storage.search.answers.questions import (
    asks_how_it_stands,
    asks_one_of_a_kind,
    deed_asked,
    now_asked,
    periods_asked,
    question_dates,
    question_kind,
)
from storage.search.answers.reading import Article, Sentence, Span, read
from storage.search.answers.story_dates import dated_in, months_asked
from storage.search.answers.strength import HOLDS_KIND, NOTHING, PARTIAL, PLAIN, STRONG_KIND, Asked
from storage.search.snippets import mark
from storage.text.normalize import normalize

MIN_COVERAGE = 0.55  # share of the question's words (by weight) a sentence must hold
MIN_KIND_COVERAGE = 0.3  # ... or this much if it also holds what is asked for
MIN_TOP_KIND_COVERAGE = 0.15  # ... or, in the first result, this much and what is asked for
FACT_KINDS = frozenset({"who", "identity", "when", "where", "howmany", "which", "name"})
KIND_BONUS = 0.5
RANK_PENALTY = 0.12  # per place an article is ranked below the first
MAX_ANSWER = 380  # characters, one to three sentences
MAX_SENTENCES = 3
MAX_DOCS = 5
PAIR_PENALTY = 0.08  # an answer of two sentences ranks a little below one sentence that says it all

# "X是谁 / X是什么职务": news writes a person's post right before the name (宣传部长申红涛).
_IDENTITY = re.compile(
    r"是谁|是什么人|什么职务|什么职位|什么身份|干什么的|做什么的|担任什么|什么官|(?<![a-z])who(?:\s+is|\s+was|'s)(?![a-z])"
)
_CONTINUES = re.compile(r"^(?:[二三四五六七八九十]是|[二三四五六七八九十]要|其次|再次|最后|此外|同时[，,])")
_PRONOUN_START = re.compile(r"^(?:他|她|其|该同志)")


# A sentence that asks (那么，为什么有些病毒性肺炎会导致严重后果？): an article explaining something poses the
# reader's why and gives the causes in the sentences after; the question itself gives none (a question quoted
# from someone may still name a person or a number, so only a why reads it so).
_ASKS = re.compile(r"[?？][”\"’'」』）)]*$")


def asks(sentence: str) -> bool:
    """Whether a (normalised) sentence is a question the text poses."""
    return _ASKS.search(sentence) is not None


# Words that frame the question's time rather than name its topic.
_TIME_FRAME = frozenset({"截至", "截止", "以来", "至今", "期间", "前后", "之前", "之后", "以前", "以后"})


PAIR_GAIN = 0.05  # a pair of sentences must cover this much more than either alone...
PAIR_CONTRAST = 0.3  # ...or one of them hold the fact this much more plainly than the other
PLACES_SHARE = 0.9  # 去了哪些地方: further sentences naming places, holding this share of the words


# Why a claim is made (为什么说山西是…能源基地, 为啥说…): what bears it out is a fact, often written with no
# word of cause, so such a question may be answered by a sentence holding none.
_CLAIM_ASKED = re.compile(r"(?:为什么|为何|为啥|凭什么|何以)(?:要|会)?说")


def _kind_required(kind: str, q: str) -> bool:
    """Whether only a span holding the kind of fact asked for may answer: the fact kinds, and why (a
    sentence giving no cause answers no why question) unless the question asks why a claim is made."""
    return kind in FACT_KINDS or (kind == "why" and not _CLAIM_ASKED.search(q))


def _acceptable(
    kind: str, q: str, strength: float, coverage: float, article: Article, *, other_story: bool = False
) -> bool:
    """Whether a span may answer: it holds the kind of fact asked for (a dateline may date a "when"),
    and most of the question's words, or some of them (less in the first result) and the fact plainly.
    The least share of the first result is not enough for a span about another story than the one its
    headline tells with the question's words (`other_story`: 火神山医院收治首批患者 雷神山医院即将交付使用, a
    火神山 sentence holding only 医院 of 雷神山医院什么时候交付的)."""
    if _kind_required(kind, q) and strength < HOLDS_KIND and not (kind == "when" and article.dateline):
        return False
    least = MIN_KIND_COVERAGE if article.rank > 0 or other_story else MIN_TOP_KIND_COVERAGE
    return coverage >= MIN_COVERAGE or (strength >= STRONG_KIND and coverage >= least)


# Kinds whose fact belongs to the words of its own clause: a number (…欠款8900多亿元，截至…), a name beside the
# post or the deed asked about (…副组长杨晓渡主持会议), a place beside what it places (位于金山朱泾的…生态园).
CLAUSE_KINDS = frozenset({"howmany", "who", "where"})
CLAUSE_BONUS = 0.3  # times the share of the question's words held by the clause holding the fact
# A when-question's deed (哪天着陆火星的 → 着陆): news puts the time of a deed before its verb (于2004年1月25日成功着陆火星),
# so the sentence whose date stands before the deed asked about dates it (`dates.dates_deed`), not one dating
# another deed of the story.
DEED_BONUS = 0.3


def _fact_in_clause(kind: str, q: str) -> bool:
    """Whether the fact asked for belongs to the words of its own clause (`CLAUSE_KINDS`); also for a what-question
    asking which one thing of a kind (哪家中国企业在建: …，由上海建工集团承建), whose name news writes in the clause
    of the deed or the words asked about, not in a clause that merely shares the question's words."""
    return kind in CLAUSE_KINDS or (kind == "what" and asks_one_of_a_kind(q))


def _tied_share(
    sentence: str, kind: str, q: str, terms: Sequence[str], report_day: int | None, coverage: Coverage
) -> float:
    """The largest share of the question's words held by a clause of the sentence that itself holds the
    kind of fact asked for (for numbers and dates; 0 for other kinds): a number written beside the words
    asked about answers them, one in another clause most often counts something else."""
    if not _fact_in_clause(kind, q):
        return 0.0
    return max(
        (
            coverage.clause_share(c)
            for c in clauses(sentence)
            if kind_strength(c, kind, q, terms, report_day) >= HOLDS_KIND
        ),
        default=0.0,
    )


def _spans(
    article: Article, units: Sequence[Sequence[str]], kind: str, q: str, terms: Sequence[str]
) -> Iterator[Span]:
    """Every acceptable span of the article (`weighed_spans`)."""
    return (span for span, acceptable in weighed_spans(article, units, kind, q, terms) if acceptable)


def weighed_spans(
    article: Article, units: Sequence[Sequence[str]], kind: str, q: str, terms: Sequence[str]
) -> Iterator[tuple[Span, bool]]:
    """Every span the answer weighs, scored, and whether it is acceptable (`_acceptable`): each sentence
    alone, and with the one before it when the subject and the fact asked for are in neighbouring
    sentences (…举行了龙舟赛。吸引了54支队伍…); for where, a sentence naming its place by 本村 / 当地 /
    这座 with the sentence before that names it."""
    pool = article.sentences
    coverage = Coverage(units, article)
    strengths = [
        NOTHING
        if kind == "why" and asks(s.norm)
        else kind_strength(s.norm, kind, q, terms, article.report_day)
        for s in pool
    ]
    if kind == "who" and REPORTER_ASKED.search(q):
        strengths = _reporter_strengths(article, terms)
    if kind == "why":
        strengths = causes_in_context(pool, strengths)
    if kind == "howmany":
        strengths = totals_in_context([s.norm for s in pool], strengths, q)
    single = [coverage.referred_share(i, s.norm) for i, s in enumerate(pool)]
    tied = [
        _tied_share(s.norm, kind, q, terms, article.report_day, coverage)
        if strengths[i] >= HOLDS_KIND
        else 0.0
        for i, s in enumerate(pool)
    ]
    deed = (
        _counting_the_deed(article, strengths, q, terms)
        if kind == "howmany"
        else _dating_the_deed(article, strengths, kind, q, terms)
    )
    for i, s in enumerate(pool):
        referred = (
            place_referred(pool, strengths, i)
            if kind == "where"
            else date_referred(pool, strengths, i)
            if kind == "when"
            else None
        )
        spans = ((i,), (i - 1, i)) if i > 0 else ((i,),)
        for span in (*spans, (referred, i)) if referred is not None else spans:
            if span == (i,):
                share = single[i]
            elif kind == "when" and span[0] == referred:
                share = coverage.share((i,), referred)  # the day's sentence lends its words less
            else:
                share = coverage.share(span)
            strength = max(strengths[j] for j in span)
            tie = max(tied[j] for j in span)
            if kind == "when" and span == (i - 1, i) and dated_apart(pool, strengths, i):
                continue  # …当场牺牲。1995年春，…: the second sentence's time is not the first's
            if kind == "why" and asks(pool[span[-1]].norm):
                continue  # …那么，为什么…？: the text's own question is answered after it, not by it
            if (
                len(span) > 1
                and span[0] != referred
                and not (
                    strength >= STRONG_KIND
                    and (
                        share > max(single[j] for j in span) + PAIR_GAIN
                        or abs(strengths[i] - strengths[i - 1]) >= PAIR_CONTRAST
                    )
                )
            ):
                continue  # a pair only when one holds the fact and the other adds the subject
            score = (
                share
                + KIND_BONUS * strength
                + CLAUSE_BONUS * tie
                + DEED_BONUS * max(deed[j] for j in span)
                - RANK_PENALTY * article.rank
                - PAIR_PENALTY * (len(span) - 1)
            )
            scored = Span((score, share, -article.rank, -s.position), tuple(pool[j] for j in span), strength)
            # every sentence of the span is about another part of a headline holding words of the question
            other_story = all(coverage.withheld[j] for j in span)
            yield scored, _acceptable(kind, q, strength, share, article, other_story=other_story)


def _dating_the_deed(
    article: Article, strengths: Sequence[float], kind: str, q: str, terms: Sequence[str]
) -> list[bool]:
    """For when, whether each sentence holding a date puts one before the deed asked about (`dates.dates_deed`);
    all false for other kinds, or when the question names no deed after its question word."""
    deeds = [written_forms(t) for t in deed_asked(q, terms)] if kind == "when" else []
    # no report's day here: the report's own day before the deed asked dates it (巴基斯坦参议院14日通过决议)
    asked = Asked(q, tuple(terms))
    return [
        bool(deeds) and strength >= HOLDS_KIND and dates_deed(s.norm, deeds, asked)
        for s, strength in zip(article.sentences, strengths, strict=True)
    ]


def _counting_the_deed(
    article: Article, strengths: Sequence[float], q: str, terms: Sequence[str]
) -> list[bool]:
    """For how many, whether each sentence holding a figure writes one right after the deed asked about
    (`counts.figures_deed`: 取了多少钱 → 取出3万元); all false when the question names no deed before its 多少 / 几."""
    deed = deed_of_amount(q)
    asked = Asked(q, tuple(terms))
    return [
        deed is not None and strength >= HOLDS_KIND and figures_deed(s.norm, deed, asked)
        for s, strength in zip(article.sentences, strengths, strict=True)
    ]


def _reporter_strengths(article: Article, terms: Sequence[str]) -> list[float]:
    """For who wrote a report: the first sentence holds the writer when the article has a byline (shown with it,
    `_extended`); no other sentence does (a name in the story is whom it tells of), unless it names a reporter of
    an outlet the question names (`names_outlets_reporter`)."""
    return [
        PLAIN if (i == 0 and article.byline) or names_outlets_reporter(s.norm, terms) else NOTHING
        for i, s in enumerate(article.sentences)
    ]


def _extended(
    chosen: Span, article: Article, kind: str, q: str, terms: Sequence[str], units: Sequence[Sequence[str]]
) -> list[str]:
    """The answer's sentences: an enumeration carried on (二是, 三是), the dateline before a "when"
    sentence that nothing else dates, the sentences naming the places of 去了哪些地方."""
    last = chosen.sentences[-1]
    parts = [x.text for x in chosen.sentences]
    pool = list(article.sentences)
    first = chosen.sentences[0]
    at = pool.index(first)
    if kind == "who" and at == 0 and article.byline and REPORTER_ASKED.search(q):
        parts.insert(
            0, f"（{article.byline}）"
        )  # who wrote it: the byline before the report's first sentence
    elif kind in ("who", "identity") and at > 0 and _PRONOUN_START.match(first.norm):
        parts.insert(0, pool[at - 1].text)  # 他建议…: the sentence before names who
    if kind == "which" and ENUMERATION.search(last.norm):
        for nxt in pool[pool.index(last) + 1 :]:
            if len(parts) >= MAX_SENTENCES or not _CONTINUES.search(nxt.norm):
                break
            parts.append(nxt.text)
    elif kind == "when" and article.dateline:
        dated = any(kind_strength(x.norm, "when", q, terms) >= PARTIAL for x in chosen.sentences)
        if not dated or any(day_without_month(x.norm) for x in chosen.sentences):
            # nothing in the answer dates it, or only a day (27日正式启用): the dateline gives the date
            parts.insert(0, f"（{article.dateline}）")
    if kind in ("which", "what") and _items_announced(q, last.norm):
        # 有哪三大应用场景: …主要有三大应用场景。一是增强移动宽带…
        parts += [x.text for x in _items_after(pool, pool.index(last), MAX_SENTENCES - len(parts))]
    if kind == "why" and _CAUSES_ANNOUNCED.search(last.norm):
        parts += [x.text for x in _items_after(pool, pool.index(last), MAX_SENTENCES - len(parts))]
    if kind == "which" and PLACES_ASKED.search(q) and len(parts) == 1:
        # 去了哪些地方: consecutive sentences naming the places (到A调研…。还到B调研…)
        own = article_coverage(units, last.norm)
        more = [
            s
            for s in pool
            if s is not last
            and article_coverage(units, s.norm) >= PLACES_SHARE * own
            and kind_strength(s.norm, "where", q, terms) >= PARTIAL
        ][: MAX_SENTENCES - 1]
        parts = [s.text for s in sorted([last, *more], key=pool.index)]
    return parts


# Causes announced by their number (原因有三个。, 原因有二：, 主要有以下几方面原因), which news then gives one by one, each
# item opening with its number (第一，… 第二，…; 一是… 二是…; 首先… 其次…), often with a sentence or two between.
_CAUSES_ANNOUNCED = re.compile(
    r"(?:原因|因素)(?:主要)?(?:有|在于)(?:[二两三四五六七八九十\d]|以下|如下|几)|"
    r"(?:[两三四五六七八九十\d]|以下|如下|几)(?:个|点|方面|大)?(?:的)?(?:主要|关键|重要|深层次?)?(?:原因|因素)"
)
_ITEM_OPENS = (
    re.compile(r"^(?:一是|第一[,、是]|首先[,是]|其一[,是])"),
    re.compile(r"^(?:二是|第二[,、是]|其次[,是]|其二[,是])"),
    re.compile(r"^(?:三是|第三[,、是]|再次[,是]|最后[,是]|其三[,是])"),
)
_ITEMS_SEARCHED = 8  # sentences after an announcement searched for its items

# A list asked for (有哪些, 哪几个, 哪三大), and a sentence announcing one by the number of its items, ending with it
# (主要有三大应用场景。, 包括以下几个方面：), whose items news then gives one by one (一是…, 第一，…).
_LIST_ASKED = re.compile(r"哪(?:些|几|[两二三四五六七八九十]+)")
_ITEMS_ANNOUNCED = re.compile(
    r"(?:[两二三四五六七八九十\d]+|以下|如下|几)(?:个|大|项|点|条|种|类|方面)[^，,。；;：:]{0,10}[。.：:]?$"
)


def _items_announced(q: str, sentence: str) -> bool:
    """Whether a list is asked for and the sentence announces one by its number of items, ending with it, and
    carries no enumeration of its own (`ENUMERATION`)."""
    return (
        _LIST_ASKED.search(q) is not None
        and _ITEMS_ANNOUNCED.search(sentence) is not None
        and ENUMERATION.search(sentence) is None
    )


def _items_after(pool: Sequence[Sentence], at: int, room: int) -> list[Sentence]:
    """The items an announcement of causes at `at` lists (first, second, third), found in order among the next
    sentences, at most `room` of them; none unless the first item is found."""
    items: list[Sentence] = []
    for sentence in pool[at + 1 : at + 1 + _ITEMS_SEARCHED]:
        if len(items) >= min(room, len(_ITEM_OPENS)):
            break
        if _ITEM_OPENS[len(items)].search(sentence.norm):
            items.append(sentence)
    return items


class QuestionReading(NamedTuple):
    """What the answer step reads from a question and its top results."""

    q: str  # the question, normalised
    kind: str  # `question_kind`, or "identity" when a post is asked of a named person
    articles: list[Article]
    units: list[Sequence[str]]  # the question's words, each with the forms that count for it
    reach: list[float]  # the share of the words each article holds (title and text)
    held: list[frozenset[int]]  # which of the words (`units` before the dates) each article holds


# 会议是谁主持的, 是谁发现的: "是谁 + verb + 的" asks who did something (a name), not who someone is.
_CLEFT_WHO = re.compile(r"是谁[\u4e00-\u9fff]{1,6}的")


def read_question(
    query: str,
    terms: Sequence[str],
    docs: Sequence[tuple[int, str, str]],
    *,
    groups: Sequence[Sequence[str]] = (),
    max_docs: int = MAX_DOCS,
) -> QuestionReading | None:
    """The question's kind, the articles read and the words weighed; None when there is nothing to read."""
    terms = [t for t in terms if t]
    groups = [tuple(g) for g in groups if g]
    if (not terms and not groups) or not docs:
        return None
    q = normalize(query)
    kind = question_kind(query)
    articles = read(docs, max_docs)
    # 申红涛是谁 asks for the post; 区长是谁 / 团长是谁 (a post asked about) for a name
    asks_holder = re.search(POST + r"的?(?:是谁|叫什么|是哪位)", q) is not None or bool(
        DESCRIBED_PERSON_ASKED.search(q)
    )
    if (
        _IDENTITY.search(q)
        and not asks_holder
        and not _CLEFT_WHO.search(q)
        and any(
            post_before(s.norm, terms) or calling_after(s.norm, terms) for a in articles for s in a.sentences
        )
    ):
        kind = "identity"
    texts = [a.title + "\n" + "".join(s.norm for s in a.sentences) for a in articles]
    if kind == "howmany":
        terms = [unglued(t, q, texts) for t in terms]  # 多少节公开课: 节公开课 → 公开课, as news writes it
    # 截至 / 以来 belong to the question's time (截至4月末), which the ranking weighs; the answer is about
    # the rest of its words.
    units = [written_forms(t) for t in terms if t not in _TIME_FRAME] + groups or [(t,) for t in terms]
    # An article below the first may answer only if it holds as much of the question's words as the
    # first does (it is about the same thing), and only if the first holds no sentence of the kind.
    reach = [article_coverage(units, text) for text in texts]
    held = [words_held(units, text) for text in texts]
    return QuestionReading(
        q,
        kind,
        articles,
        [*units, *question_dates(q), *periods_asked(q), *now_asked(q), *bounds_asked(q)],
        reach,
        held,
    )


def reads_further(
    first_strength: float,
    reach: float,
    first_reach: float,
    q: str,
    article: Article,
    *,
    first_answers: bool = True,
    close: int = 1,
    holds_more: bool = False,
    kind: str = "",
    first_share: float = 1.0,
) -> bool:
    """Whether the answer may come from a lower article: one holding as much of the question's words as the
    first, when the first holds no plain fact of the kind, or when the lower one prints the year or month
    the question names, in its headline or text (the first's plain fact may be of another time: 累计开行
    1.82万列 against 截至2019年10月底…近2万列). When the first holds no sentence that may answer at all
    (`first_answers` false), an article the ranking placed close to the first (`article.rank < close`: its
    score within what the fact evidence weighs) may answer though it holds less of the question's words:
    the story a question asks about is the one that holds the fact asked for. Such a close article that holds
    every word of the question the first holds and more (`holds_more`) may answer though the first holds a plain
    fact. For how many, which and what, such an article may also answer when the first's answer holds few of the
    question's words (`first_share`, `_first_off_topic`). Each lower article is weighed on its own."""
    if not first_answers and article.rank < close:
        return True
    if reach < first_reach:
        return False
    if holds_more and article.rank < close:
        return True
    if _first_off_topic(kind, first_share):
        return True
    return first_strength < STRONG_KIND or any(
        d in text
        for forms in question_dates(q)
        for d in forms
        for text in (article.title, *(s.norm for s in article.sentences))
    )


# Kinds whose fact a lower article may give when the first result's answer holds few of the question's words: a
# number, a list or a name in a sentence about something else (上海…实物展…150幅与天安门的合影 for 成就展上标着新中国第一的
# 照片和实物有多少件) is no sign that the first result tells the fact asked. Few: less than a lower article's span
# needs (`MIN_KIND_COVERAGE`), so that the first's answer was let in only by the first result's own allowance.
_OFF_TOPIC_KINDS = frozenset({"howmany", "which", "what"})
OFF_TOPIC_SHARE = MIN_KIND_COVERAGE


def _first_off_topic(kind: str, first_share: float) -> bool:
    """Whether the first result's answer, by its share of the question's words, leaves lower articles holding as
    much of the question's words as the first free to answer (`_OFF_TOPIC_KINDS` only)."""
    return kind in _OFF_TOPIC_KINDS and first_share < OFF_TOPIC_SHARE


def best_sentence(
    query: str,
    terms: Sequence[str],
    docs: Sequence[tuple[int, str, str]],
    *,
    groups: Sequence[Sequence[str]] = (),
    max_docs: int = MAX_DOCS,
    close: int = 1,
    dates: Mapping[int, str] | None = None,
) -> Answer | None:
    """The answer among `docs` ((article id, title, body), best-ranked first), or None. `close`: how many of
    the first docs the ranking placed close to the first (`evidence.close_to_first`; see `reads_further`).
    `dates`: each article's date (ISO), to tell the stories of the month a question names (`_dated_in_month_asked`)."""
    asked = read_question(query, terms, docs, groups=groups, max_docs=max_docs)
    if asked is None:
        return None
    q, kind, articles, units, reach, held = asked
    story_dates = [dates.get(d[0], "") if dates else "" for d in docs[: len(articles)]]
    in_month = _dated_in_month_asked(q, story_dates)
    terms = [t for t in terms if t]
    groups = [tuple(g) for g in groups if g]
    if kind == "what" and asks_how_it_stands(q):
        return how_it_stands(articles[0], terms, groups)
    best: Span | None = None
    first_strength = 0.0
    first_share = 1.0  # the share of the question's words the first result's answer holds
    first_answers = False  # whether the first result holds a sentence that may answer
    for article in articles:
        if (
            article.rank > 0
            and not reads_further(
                first_strength,
                reach[article.rank],
                reach[0],
                q,
                article,
                first_answers=first_answers,
                close=close,
                holds_more=held[article.rank] > held[0],
                kind=kind,
                first_share=first_share,
            )
            and not _of_the_month_asked(in_month, article.rank, reach)
        ):
            continue
        for span in _spans(article, units, kind, q, terms):
            if in_month[article.rank]:
                span = replace(span, key=(span.key[0] + STORY_MONTH_BONUS, *span.key[1:]))
            if best is None or answer_order(kind, span) > answer_order(kind, best):
                best = span
                if article.rank == 0:
                    first_strength = span.strength  # how plainly the first result's answer holds the fact
                    first_share = span.key[1]
                    first_answers = True
    if best is None:
        return None
    article = articles[best.sentences[-1].rank]
    text = _clipped("".join(_extended(best, article, kind, q, terms, units)))
    focus = _focus(text, best, kind, q, terms, article.report_day)
    return _answer(text, best.sentences[-1].article_id, terms, groups, focus=focus)


# A question naming a month with its year (2020年1月韩正在瑞士见的联邦主席): a story dated in that month tells of it,
# one of the same topic dated in another month (瑞士联邦主席毛雷尔会见王毅, October) of another event. Such a story
# may answer though it prints the month nowhere (news dates the event by its day: 1月20日至21日访问瑞士), as a lower
# article holding as much of the question's words when the first is of another month, and its spans weigh this more.
STORY_MONTH_BONUS = 0.15


def _dated_in_month_asked(q: str, story_dates: Sequence[str]) -> list[bool]:
    """For each article read (its date, ISO, or ""), whether it is dated in a month the question names with its
    year (`story_dates.months_asked`); all false when none is named, or when every article read is so dated (nothing
    to tell apart)."""
    months = months_asked(q)
    dated = [bool(months) and dated_in(d, months) for d in story_dates]
    return [False] * len(dated) if all(dated) else dated


def _of_the_month_asked(in_month: Sequence[bool], rank: int, reach: Sequence[float]) -> bool:
    """Whether the lower article at `rank` may answer as the story of the month asked: it is dated in that month
    and the first result is not, and it holds as much of the question's words as the first."""
    return in_month[rank] and not in_month[0] and reach[rank] >= reach[0]


# Kinds whose answer is chosen first by whether it names the kind of thing asked for clearly (`STRONG_KIND`), and
# only then by its score: for where, a sentence naming a place (胡春华先后来到那曲市比如县…, 河南省淮阳县人) comes
# before one that only hints at a place (在西藏自治区调研, a place suffix), however many more of the question's words
# the hint shares. For the other kinds the recognisers of a name, a date or a number misfire too often for their
# strength alone to outrank the share (benchmarks/reports/answers-line.md, issue 20: who, when, how many, which
# and what each lost answer lines so ordered).
KIND_FIRST = frozenset({"where"})


def answer_order(kind: str, span: Span) -> tuple[bool, tuple[float, float, int, int]]:
    """What the answer step ranks spans by: for `KIND_FIRST` kinds whether the span holds the kind clearly, then
    its key (score, share, rank, position)."""
    return (kind not in KIND_FIRST or span.strength >= STRONG_KIND, span.key)


def _clipped(text: str) -> str:
    """An answer's text, cut to `MAX_ANSWER` characters with … when longer."""
    return text if len(text) <= MAX_ANSWER else text[: MAX_ANSWER - 1] + "…"


def _answer(
    text: str, article_id: int, terms: Sequence[str], groups: Sequence[Sequence[str]], *, focus: int = 0
) -> Answer:
    """The answer line: `text` from article `article_id`, the question's words marked in it."""
    words = list(terms) + [w for g in groups for w in g]
    return Answer(sentence=text, article_id=article_id, snippet=mark(text, words), focus=focus)


# A sentence reporting what someone said (强调, 指出, 表示, a quotation): a statement, not how things stand.
_STATEMENT = re.compile(r"强调|指出|表示|要求|认为|提出|[说称][：:，,]|^[“「\"]")
MIN_LEAD = 12  # characters: a shorter first sentence (a kicker, 核心阅读) is no lead


def how_it_stands(article: Article, terms: Sequence[str], groups: Sequence[Sequence[str]]) -> Answer | None:
    """How the first result's topic stands now: the story's lead when its title names the whole topic (the story
    is the news of it); otherwise (a roundup or a profile that tells of it) the last sentence holding what the topic is
    about (its first word the story holds) that is no one's statement, where a story's passage about a thing tells how it turned out."""
    units = [written_forms(t) for t in terms] + [tuple(g) for g in groups]
    held = [words_held(units, s.norm) for s in article.sentences]
    named = [k for k in range(len(units)) if any(k in h for h in held)]
    if not named:
        return None
    if len(words_held(units, article.title)) == len(units):
        chosen = next((s for s in article.sentences if len(s.norm) >= MIN_LEAD), article.sentences[0])
    else:
        # what the topic is about: the first of its words the story holds (银京 of 银京公司破产: news and
        # readers name the thing before what happened to it)
        about = [s for s, h in zip(article.sentences, held, strict=True) if named[0] in h]
        chosen = ([s for s in about if not _STATEMENT.search(s.norm)] or about)[-1]
    return _answer(_clipped(chosen.text), chosen.article_id, terms, groups)


def _focus(text: str, chosen: Span, kind: str, q: str, terms: Sequence[str], report_day: int | None) -> int:
    """Where in the answer's text the clause holding the fact most plainly starts (the first such clause of
    its plainest sentence), for front ends that show less than the whole answer."""

    def strength(piece: str) -> float:
        return kind_strength(normalize(piece), kind, q, terms, report_day)

    holding = max(chosen.sentences, key=lambda x: strength(x.text))
    start = max(text.find(holding.text), 0)
    pieces = list(CLAUSE_END.finditer(holding.text))
    bounds = [0] + [m.end() for m in pieces]
    ends = [m.start() for m in pieces] + [len(holding.text)]
    parts = [holding.text[a:b] for a, b in zip(bounds, ends, strict=True)]
    best = max(range(len(parts)), key=lambda k: (strength(parts[k]), -k))
    return start + bounds[best]
