"""Fitted weights for choosing the answer line, checked set by set (issue 20).

    python -m benchmarks.answer_fit [--sets SET[,SET]] [--save PATH | --load PATH] [--wide] [--lam L ...]
        [--losses listwise,pairwise,pointwise] [--models anchored,all,noscore]

Runs the tuned sets (the judged CCTV questions and the development sets dev … dev11, never the frozen, held-out
or validation sets) as `benchmarks.answers` does, on the same full databases and through the same search, and
records what the answer step (`storage.search.answers.best_sentence`) is given for each question. For every span
it weighs (`sentences.weighed_spans`: a sentence, or two neighbouring ones, of the top results) it computes
features (`FEATURES`): the parts of today's key (the score itself, the share of the question's words, the kind
strength, the clause share `CLAUSE_BONUS` weighs, rank, pair), whether it is the first result, the sentence's
position, length, the title's share, how much of the question the article holds against the first, the share
gained from a sentence referred back to, whether a dateline may date it, and how far (in clauses and in
characters) the clause holding the kind of fact asked for is from the question's words. A span is labelled right
when the answer line built from it (`_extended`, cut at `MAX_ANSWER`, as shown) holds the judged fact, the test
the benchmark applies to the answer line.

The replay is exact: today's choice (the first by `sentences.answer_order` among the acceptable spans of the
articles `best_sentence` reads) is recomputed from the table and checked against the answer the search
returned; a question where they differ is counted and reported.

Models (numpy only; nothing of this runs at search time; the tests read hand-made stories): a linear score over
the features, L2-regularised, fitted with Adam, with a listwise loss (softmax over a question's spans, the right
ones the target), a pairwise one (each right span against each wrong one of the question) or a pointwise one
(logistic regression), each question weighing one; "anchored" leaves today's score unregularised (a strong λ gives
back today's choice, a weaker one lets the other features correct it), "all" regularises it like the rest,
"noscore" leaves it out. And a grid over today's four constants (`GRID`: KIND_BONUS, CLAUSE_BONUS, RANK_PENALTY,
PAIR_PENALTY), which fits the score's own shape. The fitted score chooses among the same spans as today's (the
acceptable spans of the articles read), so only the order changes, not whether an answer is shown; with `--wide`
it chooses among every span weighed or no answer line (a row of its own whose score is fitted).

Evaluation is leave-one-set-out: for each tuned set, the model is fitted on the others and chooses on it; answer
lines holding the fact are counted against today's choice on the same questions, with the questions mended and
broken and the answer lines shown without the fact. Today's rules were written on these same sets (all but dev11,
which became a tuned set after its first reading), so the comparison leans towards today's choice; dev11 is the
one set on which both are unseen. benchmarks/reports/answers-line.md ("The answer line chosen by fitted weights,
checked set by set") has the result.
"""

from __future__ import annotations

import argparse
import itertools
import math
import pickle
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import storage.search.engine as engine
from benchmarks import answers as A
from storage.search.answers.clauses import clauses
from storage.search.answers.counts import _CN_NUMBER, _MAGNITUDE, _NUMBER, RATE_NUMBER
from storage.search.answers.coverage import Coverage, article_coverage
from storage.search.answers.dates import _DATE
from storage.search.answers.kinds import kind_strength
from storage.search.answers.reading import Article, Span
from storage.search.answers.sentences import (
    CLAUSE_BONUS,
    FACT_KINDS,
    KIND_BONUS,
    MAX_ANSWER,
    PAIR_PENALTY,
    RANK_PENALTY,
    _extended,
    answer_order,
    read_question,
    reads_further,
    weighed_spans,
)
from storage.search.answers.strength import HOLDS_KIND, STRONG_KIND
from storage.text.normalize import normalize

TUNED = ("tuning", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11")
FEATURES = (
    "score",  # today's score (Span.key[0])
    "share",  # share of the question's words the span holds (Span.key[1])
    "strength",  # kind strength
    "strong",  # kind strength >= STRONG_KIND
    "tie",  # share of the question's words in the clause holding the fact (CLAUSE_BONUS's)
    "rank",  # the article's rank among the results read
    "first",  # the article is the first result
    "pair",  # two sentences
    "logpos",  # log(1 + the sentence's position in its article)
    "lead",  # the article's first sentence
    "title",  # share of the question's words the article's title holds
    "reach",  # share of the question's words the article holds, against the first's
    "length",  # characters / 100, at most 3
    "refgain",  # share gained from a sentence referred back to (此举, 该团)
    "dated",  # a "when" question and the article has a dateline
    "gap",  # clauses between the clause holding the fact and the nearest holding a word of the question, at most 3
    "dist",  # characters between a date or number and the nearest word of the question / 20, at most 3
    "nofact",  # a when / how-many span with no date or number
)
KINDS = ("who", "identity", "when", "where", "howmany", "which", "name", "what", "why")
# A date or a number of the kind asked for, whose distance to the question's words is a feature.
_TYPED = {
    "when": _DATE,
    "howmany": re.compile("|".join(p.pattern for p in (_NUMBER, RATE_NUMBER, _CN_NUMBER, _MAGNITUDE))),
}


@dataclass
class Candidate:
    features: list[float]
    current: tuple[bool, tuple[float, float, int, int]]  # today's order (`sentences.answer_order`)
    right: bool  # the answer line built from it holds the fact


@dataclass
class Question:
    set: str
    kind: str  # as the answer step reads it (identity for 申红涛是谁)
    asked: bool  # the set asks for an answer line
    # the acceptable spans of the articles read, in the order best_sentence weighs them
    candidates: list[Candidate]
    others: int = 0  # spans weighed but not acceptable, or of articles not read (not choosable today)
    replay_ok: bool = True  # today's choice recomputed here is the answer the search returned
    # with `--wide`, those other spans too, each with (acceptable, its article read)
    unchosen: list[tuple[Candidate, bool, bool]] = field(default_factory=list)


def _word_places(text: str, units: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    places = []
    for unit in units:
        for x in unit:
            x = normalize(x)
            start = 0
            while x and (k := text.find(x, start)) >= 0:
                places.append((k, k + len(x)))
                start = k + 1
    return places


def _distance(text: str, kind: str, units: Sequence[Sequence[str]]) -> tuple[float, float]:
    """(characters between a date or number and the nearest word of the question, / 20, at most 3;
    1 when a when / how-many span holds no date or number)."""
    rx = _TYPED.get(kind)
    if rx is None:
        return 0.0, 0.0
    facts = [(m.start(), m.end()) for m in rx.finditer(text)]
    if not facts:
        return 0.0, 1.0
    words = _word_places(text, units)
    if not words:
        return 3.0, 0.0
    d = min(max(0, a0 - b1, b0 - a1) for a0, a1 in facts for b0, b1 in words)
    return min(d / 20, 3.0), 0.0


def _gap(text: str, kind: str, q: str, terms: Sequence[str], units: Sequence[Sequence[str]]) -> float:
    """Clauses between a clause holding the kind of fact asked for and the nearest clause holding a word of the
    question (0: the same clause), at most 3; 3 when no clause holds both kinds of thing."""
    if kind not in FACT_KINDS:
        return 0.0
    parts = clauses(text)
    facts = [k for k, c in enumerate(parts) if kind_strength(c, kind, q, terms) >= HOLDS_KIND]
    words = [k for k, c in enumerate(parts) if _word_places(c, units)]
    if not facts or not words:
        return 3.0
    return float(min(3, min(abs(a - b) for a in facts for b in words)))


def _tie(score: float, share: float, strength: float, rank: int, sentences: int) -> float:
    """The clause share today's score weighs (`CLAUSE_BONUS * tie`), read back from the score."""
    rest = score - share - KIND_BONUS * strength + RANK_PENALTY * rank + PAIR_PENALTY * (sentences - 1)
    return round(rest / CLAUSE_BONUS, 6)


def question_of(
    name: str, call: dict[str, Any], fact: str, kind_asked: bool, *, wide: bool = False
) -> Question | None:
    """Every span `best_sentence` weighs for the recorded call, with features and labels, and today's choice
    replayed (`best_sentence`'s loop: the first result's spans first, then the lower results `reads_further`
    lets answer). With `wide`, the spans it may not choose are kept too (`Question.unchosen`)."""
    asked = read_question(
        call["query"], call["terms"], call["docs"], groups=call["groups"], max_docs=call["max_docs"]
    )
    if asked is None:
        return None
    q, kind, articles, units, reach, held = asked
    terms = [t for t in call["terms"] if t]
    chosen_ok: list[Candidate] = []
    unchosen: list[tuple[Candidate, bool, bool]] = []
    others = 0
    best = None
    first_strength, first_share, first_answers = 0.0, 1.0, False
    for article in articles:
        readable = article.rank == 0 or reads_further(
            first_strength,
            reach[article.rank],
            reach[0],
            q,
            article,
            first_answers=first_answers,
            close=call["close"],
            holds_more=held[article.rank] > held[0],
            kind=kind,
            first_share=first_share,
        )
        coverage = Coverage(units, article)
        title = article_coverage(units, article.title)
        reached = reach[article.rank] / reach[0] if reach[0] else 0.0
        for span, acceptable in weighed_spans(article, units, kind, q, terms):
            if not (readable and acceptable):
                others += 1
                if wide:
                    found = _candidate(span, article, coverage, title, reached, q, kind, terms, units, fact)
                    unchosen.append((found[0], acceptable, readable))
                continue
            candidate, shown = _candidate(
                span, article, coverage, title, reached, q, kind, terms, units, fact
            )
            chosen_ok.append(candidate)
            if best is None or answer_order(kind, span) > answer_order(kind, best[0]):
                best = (span, shown)
                if article.rank == 0:
                    first_strength, first_share, first_answers = span.strength, span.key[1], True
    returned = call["answer"]
    replay_ok = (returned.sentence if returned is not None else None) == (best[1] if best else None)
    return Question(name, kind, kind_asked, chosen_ok, others, replay_ok, unchosen)


def _candidate(
    span: Span,
    article: Article,
    coverage: Coverage,
    title: float,
    reached: float,
    q: str,
    kind: str,
    terms: Sequence[str],
    units: Sequence[Sequence[str]],
    fact: str,
) -> tuple[Candidate, str]:
    """The span's features and label, and the answer line built from it (`_extended`, cut as shown)."""
    pool = article.sentences
    at = tuple(pool.index(x) for x in span.sentences)
    s = pool[at[-1]]
    score, share, strength = span.key[0], span.key[1], span.strength
    text = "".join(pool[j].norm for j in at)
    dist, nofact = _distance(text, kind, units)
    values = {
        "score": score,
        "share": share,
        "strength": strength,
        "strong": float(strength >= STRONG_KIND),
        "tie": _tie(score, share, strength, article.rank, len(at)),
        "rank": float(article.rank),
        "first": float(article.rank == 0),
        "pair": float(len(at) > 1),
        "logpos": math.log1p(s.position),
        "lead": float(s.position == 0),
        "title": title,
        "reach": reached,
        "length": min(len(text), 300) / 100,
        "refgain": share - coverage.share((at[-1],)) if len(at) == 1 else 0.0,
        "dated": float(kind == "when" and article.dateline is not None),
        "gap": _gap(text, kind, q, terms, units),
        "dist": dist,
        "nofact": nofact,
    }
    shown = "".join(_extended(span, article, kind, q, terms, units))
    if len(shown) > MAX_ANSWER:
        shown = shown[: MAX_ANSWER - 1] + "…"
    return (
        Candidate([values[f] for f in FEATURES], answer_order(kind, span), A._fold(fact) in A._fold(shown)),
        shown,
    )


def _items(name: str) -> list[dict]:
    if name == "tuning":
        return [i for i in A.load_judged() if i["kind"] in A.FACT_KINDS]
    return A.load_dev(getattr(A, name.upper()))


def collect(names: Sequence[str], *, wide: bool = False) -> list[Question]:
    """The sets' questions with their candidates, searched as `benchmarks.answers` does (full databases)."""
    if any(n not in TUNED for n in names):
        raise SystemExit(f"only the tuned sets are read here: {', '.join(TUNED)}")
    original = engine.best_sentence
    recorded: list[dict[str, Any]] = []

    def record(query: str, terms: Sequence[str], docs: Sequence[tuple[int, str, str]], **kw: Any) -> Any:
        answer = original(query, terms, docs, **kw)
        recorded.append(
            {
                "query": query,
                "terms": list(terms),
                "docs": list(docs),
                "groups": list(kw.get("groups", ())),
                "max_docs": kw.get("max_docs", 5),
                "close": kw.get("close", 1),
                "answer": answer,
            }
        )
        return answer

    questions: list[Question] = []
    engine.best_sentence = record  # type: ignore[assignment]
    try:
        for name in names:
            if name == "tuning":
                items = _items(name)
                db = A.build_db(A.select_stories(A.load_stories(), items, False))
                today = date(2026, 8, 22)
            else:
                items = _items(name)
                db = A.build_frozen_db(A.peopledaily.load_articles())
                today = A.FROZEN_TODAY
            services = A._open_services(db)
            try:
                for item in items:
                    recorded.clear()
                    day = date.fromisoformat(item.get("today", today.isoformat()))
                    services.library.search(item["q"], limit=10, offset=0, today=day)
                    asked = item.get("answer", True)
                    if not recorded:
                        questions.append(Question(name, "", asked, []))
                        continue
                    found = question_of(name, recorded[0], item["fact"], asked, wide=wide)
                    questions.append(found or Question(name, "", asked, []))
            finally:
                services.close()
            got = [q for q in questions if q.set == name]
            print(
                f"{name}: {len(got)} questions, {sum(len(q.candidates) for q in got)} choosable spans, "
                f"today {today_right(got)} right, replay differs on {sum(not q.replay_ok for q in got)}",
                flush=True,
            )
    finally:
        engine.best_sentence = original  # type: ignore[assignment]
    return questions


def today_right(questions: Sequence[Question]) -> int:
    """Answer lines holding the fact with today's choice (the best key, the first on a tie)."""
    right = 0
    for question in questions:
        if question.candidates and question.asked:
            best = max(question.candidates, key=lambda c: c.current)
            right += best.right
    return right


def ceiling(questions: Sequence[Question]) -> int:
    """Questions where some choosable span holds the fact: the most any chooser among them could get."""
    return sum(q.asked and any(c.right for c in q.candidates) for q in questions)


@dataclass
class Table:
    """Every choosable span of the questions, one row each, the questions' rows contiguous; with `wide`, also the
    spans today's rules may not choose, and a row standing for no answer line."""

    x: Any  # features (columns: `columns`)
    y: Any  # 1 when the span's answer line holds the fact (and the question asks for one)
    target: Any  # what the fit aims at: `y`, and in a wide table the no-answer row of a question with no right span
    today: (
        Any  # today's choice: 1 on the span best_sentence picks (wide: the no-answer row when it shows none)
    )
    starts: Any  # the first row of each question (questions with no row are left out)
    sets: list[str]  # each question's set
    columns: list[str]
    none: Any  # 1 on the no-answer rows


def table(
    questions: Sequence[Question], *, per_kind: bool, drop: Sequence[str] = (), wide: bool = False
) -> Table:
    """The questions' spans as a table; with `per_kind`, the strength and the share also once per question kind
    (zero for the other kinds); without the features `drop`. With `wide`, the spans today's rules may not choose
    too (columns `acceptable` and `read` say which), and one no-answer row a question (column `none`)."""
    import numpy as np

    keep = [i for i, f in enumerate(FEATURES) if f not in drop]
    columns = [FEATURES[i] for i in keep]
    if per_kind:
        columns += [f"{f}×{k}" for k in KINDS for f in ("strength", "share")]
    if wide:
        columns += ["acceptable", "read", "none"]
    at_strength, at_share = FEATURES.index("strength"), FEATURES.index("share")
    rows: list[list[float]] = []
    labels: list[float] = []
    targets: list[float] = []
    today: list[float] = []
    starts: list[int] = []
    sets: list[str] = []
    none: list[float] = []
    for question in questions:
        spans = [(c, True, True) for c in question.candidates] + (question.unchosen if wide else [])
        if not spans:
            continue
        starts.append(len(rows))
        sets.append(question.set)
        best = (
            max(range(len(question.candidates)), key=lambda j: question.candidates[j].current)
            if question.candidates
            else None
        )
        for j, (c, acceptable, read) in enumerate(spans):
            row = [c.features[i] for i in keep]
            if per_kind:
                row += [c.features[i] * (question.kind == k) for k in KINDS for i in (at_strength, at_share)]
            if wide:
                row += [float(acceptable), float(read), 0.0]
            rows.append(row)
            labels.append(float(c.right and question.asked))
            today.append(float(j == best))
            none.append(0.0)
        targets += labels[starts[-1] :]
        if wide:
            rows.append([0.0] * (len(columns) - 1) + [1.0])
            labels.append(0.0)
            targets.append(float(not any(labels[starts[-1] :])))
            today.append(float(best is None))
            none.append(1.0)
    return Table(
        np.array(rows, dtype=float),
        np.array(labels),
        np.array(targets),
        np.array(today),
        np.array(starts),
        sets,
        columns,
        np.array(none),
    )


def _subset(t: Table, chosen: Sequence[bool]) -> Table:
    """The table of the questions `chosen` (one flag per question)."""
    import numpy as np

    ends = np.append(t.starts[1:], len(t.y))
    pick = [np.arange(a, b) for a, b, c in zip(t.starts, ends, chosen, strict=True) if c]
    rows = np.concatenate(pick)
    starts = np.cumsum([0] + [len(p) for p in pick[:-1]])
    return Table(
        t.x[rows],
        t.y[rows],
        t.target[rows],
        t.today[rows],
        starts,
        [s for s, c in zip(t.sets, chosen, strict=True) if c],
        t.columns,
        t.none[rows],
    )


def _segments(t: Table) -> Any:
    """Each row's question (0, 1, …)."""
    import numpy as np

    ends = np.append(t.starts[1:], len(t.y))
    return np.repeat(np.arange(len(t.starts)), ends - t.starts)


def _grad_listwise(t: Table, z: Any, seg: Any, useful: Any) -> Any:
    """d(loss)/dz of the softmax loss: −log(the right spans' share of the question's softmax), averaged over
    the questions holding a right and a wrong span (`useful`)."""
    import numpy as np

    top = np.maximum.reduceat(z, t.starts)[seg]
    e = np.exp(z - top)
    every = np.add.reduceat(e, t.starts)[seg]
    right = np.add.reduceat(e * t.target, t.starts)[seg]
    g = e / every - np.where(t.target > 0, e / np.maximum(right, 1e-300), 0.0)
    return g * useful[seg] / max(useful.sum(), 1)


def _grad_pointwise(t: Table, z: Any, seg: Any, useful: Any) -> Any:
    """d(loss)/dz of logistic regression, each question weighing one, its right and wrong spans half each."""
    import numpy as np

    n_right = np.add.reduceat(t.target, t.starts)[seg]
    n_all = np.add.reduceat(np.ones_like(t.target), t.starts)[seg]
    weight = np.where(t.target > 0, 0.5 / np.maximum(n_right, 1), 0.5 / np.maximum(n_all - n_right, 1))
    p = 1 / (1 + np.exp(-z))
    return weight * (p - t.target) * useful[seg] / max(useful.sum(), 1)


def _grad_pairwise(t: Table, z: Any, seg: Any, useful: Any) -> Any:
    """d(loss)/dz of the pairwise logistic loss of every right span against every wrong one of its question,
    each question weighing one (its pairs averaged)."""
    import numpy as np

    g = np.zeros_like(z)
    ends = np.append(t.starts[1:], len(t.target))
    for q in np.flatnonzero(useful):
        a, b = t.starts[q], ends[q]
        y, zz = t.target[a:b], z[a:b]
        good, bad = y > 0, y == 0
        diff = zz[good][:, None] - zz[bad][None, :]
        s = 1 / (1 + np.exp(diff))  # d/d(diff) of log(1 + e^−diff) is −s
        n = s.size
        g[a:b][good] -= s.sum(axis=1) / n
        g[a:b][bad] += s.sum(axis=0) / n
    return g / max(useful.sum(), 1)


LOSSES = {"listwise": _grad_listwise, "pointwise": _grad_pointwise, "pairwise": _grad_pairwise}


def fit(t: Table, *, loss: str, lam: float, free: Sequence[str] = (), iterations: int = 300) -> Any:
    """Linear weights (and a bias last, which only the pointwise loss uses) by Adam on the L2-regularised loss,
    the features scaled by their spread on the training spans (the weights returned apply to raw features).
    The columns `free` are not regularised: with today's score free, a strong λ gives back today's choice and a
    weaker one lets the other features correct it."""
    import numpy as np

    scale = t.x.std(axis=0)
    scale[scale == 0] = 1.0
    xs = np.hstack([t.x / scale, np.ones((len(t.x), 1))])
    seg = _segments(t)
    has_right = np.add.reduceat(t.target, t.starts) > 0
    has_wrong = np.add.reduceat(1 - t.target, t.starts) > 0
    useful = (has_right & (has_wrong | (loss == "pointwise"))).astype(float)
    grad_z = LOSSES[loss]
    penalised = np.array([c not in free for c in t.columns], dtype=float)
    w = np.zeros(xs.shape[1])
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, iterations + 1):
        grad = xs.T @ grad_z(t, xs @ w, seg, useful)
        grad[:-1] += 2 * lam * w[:-1] * penalised
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return np.append(w[:-1] / scale, w[-1])


def right_by_set(t: Table, chosen: Any) -> dict[str, int]:
    """Answer lines holding the fact per set, when the rows `chosen` (one per question) are shown."""
    import numpy as np

    names = list(dict.fromkeys(t.sets))
    code = np.array([names.index(s) for s in t.sets])
    counts = np.bincount(code, weights=t.y[chosen], minlength=len(names))
    return {n: int(c) for n, c in zip(names, counts, strict=True)}


def fitted_choice(w: Any, t: Table) -> Any:
    """The row each question's fitted score puts first (the first weighed on a tie)."""
    return _first_best(t, t.x @ w[:-1])


def _first_best(t: Table, z: Any) -> Any:
    """The row of each question with the highest `z`, the first on a tie."""
    import numpy as np

    seg = _segments(t)
    top = np.maximum.reduceat(z, t.starts)[seg]
    rows = np.arange(len(z))
    return np.minimum.reduceat(np.where(z >= top, rows, len(z)), t.starts)


def today_choice(t: Table) -> Any:
    import numpy as np

    return np.flatnonzero(t.today)


def leave_one_set_out(
    t: Table, *, loss: str, lam: float, free: Sequence[str] = ()
) -> dict[str, tuple[int, int, int, int, int, int]]:
    """For each set: today's right answer lines, the fitted choice's (fitted on the other sets), the questions it
    mends, those it breaks, and the answer lines shown without the fact, today's and the fitted choice's."""
    out = {}
    for name in dict.fromkeys(t.sets):
        test = _subset(t, [s == name for s in t.sets])
        w = fit(_subset(t, [s != name for s in t.sets]), loss=loss, lam=lam, free=free)
        now, then = today_choice(test), fitted_choice(w, test)
        before, after = test.y[now], test.y[then]
        out[name] = (
            int(before.sum()),
            int(after.sum()),
            int(((after > 0) & (before == 0)).sum()),
            int(((after == 0) & (before > 0)).sum()),
            int(((before == 0) & (test.none[now] == 0)).sum()),
            int(((after == 0) & (test.none[then] == 0)).sum()),
        )
    return out


# Today's score is share + KIND_BONUS·strength + CLAUSE_BONUS·tie − RANK_PENALTY·rank − PAIR_PENALTY·pair: a grid
# of those four constants, each left-out set answered with the point the other sets like best.
GRID = {
    "strength": (0.3, 0.4, 0.5, 0.6, 0.7, 0.8),
    "tie": (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6),
    "rank": (0.04, 0.08, 0.12, 0.16, 0.2),
    "pair": (0.0, 0.04, 0.08, 0.12, 0.16),
}
Point = tuple[float, float, float, float]  # (strength, tie, rank, pair) weights
TODAY_POINT: Point = (KIND_BONUS, CLAUSE_BONUS, RANK_PENALTY, PAIR_PENALTY)


def grid_counts(t: Table) -> dict[Point, dict[str, int]]:
    """Right answer lines per set for every point of `GRID` (today's constants among them)."""
    import numpy as np

    col = {c: t.x[:, t.columns.index(c)] for c in ("share", "strength", "tie", "rank", "pair")}
    out = {}
    for a, b, c, d in itertools.product(*GRID.values()):
        z = col["share"] + a * col["strength"] + b * col["tie"] - c * col["rank"] - d * col["pair"]
        out[(a, b, c, d)] = right_by_set(t, _first_best(t, np.round(z, 9)))
    return out


def grid_left_out(
    counts: dict[Point, dict[str, int]], names: Sequence[str]
) -> dict[str, tuple[int, int, Point]]:
    """For each set: (today's right answer lines, those of the grid point best on the other sets — the nearest
    to today's constants on a tie —, that point)."""
    out = {}
    for name in names:

        def others(point: Point, name: str = name) -> tuple[float, float]:
            near = sum(abs(p - q) for p, q in zip(point, TODAY_POINT, strict=True))
            return sum(v for n, v in counts[point].items() if n != name), -near

        best = max(counts, key=others)
        out[name] = (counts[TODAY_POINT][name], counts[best][name], best)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(TUNED), help="tuned sets read (default: all of them)")
    parser.add_argument("--save", type=Path, help="keep the collected spans here (pickle)")
    parser.add_argument("--load", type=Path, help="read the collected spans from here instead of searching")
    parser.add_argument("--lam", type=float, nargs="+", default=[0.01, 0.1, 1.0], help="L2 strengths to try")
    parser.add_argument(
        "--losses", default="listwise", help="losses to try, of listwise, pairwise (slow), pointwise"
    )
    parser.add_argument(
        "--wide",
        action="store_true",
        help="let the fitted score choose among every span weighed (also those today's rules may not choose) or "
        "no answer line",
    )
    parser.add_argument(
        "--models",
        default="anchored,all,noscore",
        help="anchored (today's score unregularised), all, noscore",
    )
    args = parser.parse_args(argv)
    if args.load:
        questions = pickle.loads(args.load.read_bytes())
    else:
        questions = collect([n.strip() for n in args.sets.split(",") if n.strip()], wide=args.wide)
        if args.save:
            args.save.write_bytes(pickle.dumps(questions))
    names = list(dict.fromkeys(q.set for q in questions))
    print("today (right of asked; ceiling: some choosable span holds the fact):")
    for n in names:
        got = [q for q in questions if q.set == n]
        print(f"  {n}: {today_right(got)} of {sum(q.asked for q in got)} (ceiling {ceiling(got)})")
    counts = grid_counts(table(questions, per_kind=False))
    print("grid at today's constants:", counts[TODAY_POINT])
    best_all = max(counts, key=lambda p: sum(counts[p].values()))
    print(f"grid best in-sample {best_all}: {sum(counts[best_all].values())}")
    chosen = grid_left_out(counts, names)
    print(
        f"grid left-out total {sum(r[0] for r in chosen.values())}→{sum(r[1] for r in chosen.values())}, sets won "
        f"{sum(r[1] > r[0] for r in chosen.values())}, lost {sum(r[1] < r[0] for r in chosen.values())}; "
        + " ".join(f"{n} {r[0]}→{r[1]} {r[2]}" for n, r in chosen.items()),
        flush=True,
    )
    for per_kind in (False, True):
        for model in [m for m in args.models.split(",") if m in ("anchored", "all", "noscore")]:
            t = table(
                questions, per_kind=per_kind, drop=("score",) if model == "noscore" else (), wide=args.wide
            )
            free = ("score",) if model == "anchored" else ()
            for loss in args.losses.split(","):
                for lam in args.lam:
                    result = leave_one_set_out(t, loss=loss, lam=lam, free=free)
                    own = right_by_set(t, fitted_choice(fit(t, loss=loss, lam=lam, free=free), t))
                    wins = sum(r[1] > r[0] for r in result.values())
                    losses = sum(r[1] < r[0] for r in result.values())
                    before, after, mended, broken, wrong_before, wrong_after = (
                        sum(r[k] for r in result.values()) for k in range(6)
                    )
                    label = f"{model} {loss} per-kind={per_kind} λ={lam}"
                    cells = " ".join(f"{n} {r[0]}→{r[1]}" for n, r in result.items())
                    print(
                        f"{label}: left-out total {before}→{after} (+{mended} −{broken}; lines without the fact "
                        f"{wrong_before}→{wrong_after}), sets won {wins}, "
                        f"lost {losses} (in-sample {sum(own.values())}); {cells}",
                        flush=True,
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
