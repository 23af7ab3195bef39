"""Learned weights for choosing the answer sentence, fitted and cross-validated offline (issue 20).

`python -m benchmarks.answer_fit` runs the tuning set (the judged CCTV questions) and the development set
(People's Daily) as `benchmarks.answers` does, from the cached databases, and records what the answer
step (`storage.search.answers.best_sentence`) is given for each question. For every span it would weigh
(a sentence, or two neighbouring ones, of the top five results) it computes a feature vector: the kind
strength, the share of the question's words, the share gained from a sentence it refers back to, the
article's rank, its title's share, how much of the question the article reaches against the first,
pair or single, the sentence's position, its length, whether the current rules accept it, whether a
dateline may date it, and for when / how-many questions the distance in characters between the date
or number and the nearest word of the question. A span is labelled right when the answer built from it
holds the judged fact.

Two models are fitted, each on one set and tested on the other (and on the one it was fitted on): a
listwise one (a softmax over a question's spans and a "no answer" option whose score is learned, so the
threshold below which no answer is shown is fitted with the rest) and a pairwise one (the best-scored
right span against the best-scored wrong one). Both are L2-regularised linear scores. The figures are
printed beside the current code's; BENCHMARKS.md ("Learned weights for the answer sentence") has the
result. numpy is needed here only; nothing of this runs in the tests. The frozen and second held-out
sets are never read.
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import storage.search.engine as engine
from benchmarks import answers as A
from storage.search.answers.counts import _CN_NUMBER, _MAGNITUDE, _NUMBER, RATE_NUMBER
from storage.search.answers.coverage import Coverage, article_coverage
from storage.search.answers.dates import _DATE
from storage.search.answers.questions import question_kind
from storage.search.answers.reading import Article
from storage.search.answers.sentences import (
    FACT_KINDS,
    _extended,
    read_question,
    reads_further,
    weighed_spans,
)
from storage.search.answers.strength import HOLDS_KIND, STRONG_KIND
from storage.text.normalize import normalize

FEATURES = (
    "share",
    "strength",
    "strong",
    "lacks",
    "rank",
    "pair",
    "logpos",
    "lead",
    "title",
    "reach",
    "length",
    "acceptable",
    "refgain",
    "dated",
    "dist",
    "nofact",
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
    current: tuple[float, float, int, int]  # the current code's key
    acceptable: bool  # the current code's rule accepts it
    allowed: bool  # its article is one the current code reads (see `_read_ranks`)
    right: bool  # the answer built from it holds the fact
    identity: bool = False  # the question asks what a person named in it is (申红涛是谁)


@dataclass
class Question:
    kind: str  # as the answer step reads it (identity for 申红涛是谁), not the set's label
    asked: bool  # the set asks for an answer line
    candidates: list[Candidate]


def _distance(text: str, kind: str, units: Sequence[Sequence[str]]) -> tuple[float, float]:
    """(characters between a date or number and the nearest word of the question, / 20, at most 3;
    1 when a when / how-many span holds no date or number)."""
    rx = _TYPED.get(kind)
    if rx is None:
        return 0.0, 0.0
    facts = [(m.start(), m.end()) for m in rx.finditer(text)]
    if not facts:
        return 0.0, 1.0
    words = []
    for unit in units:
        for x in unit:
            x = normalize(x)
            start = 0
            while x and (k := text.find(x, start)) >= 0:
                words.append((k, k + len(x)))
                start = k + 1
    if not words:
        return 3.0, 0.0
    d = min(max(0, a0 - b1, b0 - a1) for a0, a1 in facts for b0, b1 in words)
    return min(d / 20, 3.0), 0.0


def _read_ranks(
    articles: Sequence[Article], reach: Sequence[float], spans: list[tuple[Any, ...]], q: str
) -> set[int]:
    """The ranks of the articles the current code reads (`sentences.reads_further`)."""
    best = None
    first_strength = 0.0
    for span, rank, acceptable in spans:
        if rank == 0 and acceptable and (best is None or span.key > best.key):
            best = span
            first_strength = max(first_strength, span.strength)
    allowed = {0}
    for article in articles[1:]:
        if reads_further(first_strength, reach[article.rank], reach[0], q, article):
            allowed.add(article.rank)
    return allowed


def candidates(
    query: str,
    terms: Sequence[str],
    docs: Sequence[tuple[int, str, str]],
    groups: Sequence[Sequence[str]],
    fact: str,
) -> list[Candidate]:
    """Every span `best_sentence` weighs (`sentences.weighed_spans`, acceptable or not), with its features."""
    asked = read_question(query, terms, docs, groups=groups)
    if asked is None:
        return []
    q, kind, articles, units, reach, _held = asked
    terms = [t for t in terms if t]
    found: list[tuple[Any, ...]] = []
    for article in articles:
        pool = article.sentences
        coverage = Coverage(units, article)
        title = article_coverage(units, article.title)
        for chosen, acceptable in weighed_spans(article, units, kind, q, terms):
            span = tuple(pool.index(x) for x in chosen.sentences)
            i = span[-1]
            s = pool[i]
            share, strength = chosen.key[1], chosen.strength
            text = "".join(pool[j].norm for j in span)
            dist, nofact = _distance(text, kind, units)
            values = {
                "share": share,
                "strength": strength,
                "strong": float(strength >= STRONG_KIND),
                "lacks": float(kind in FACT_KINDS and strength < HOLDS_KIND),
                "rank": float(article.rank),
                "pair": float(len(span) > 1),
                "logpos": math.log1p(s.position),
                "lead": float(s.position == 0),
                "title": title,
                "reach": reach[article.rank] / reach[0] if reach[0] else 0.0,
                "length": min(len(text), 300) / 100,
                "acceptable": float(acceptable),
                "refgain": share - coverage.share((i,)) if len(span) == 1 else 0.0,
                "dated": float(kind == "when" and article.dateline is not None),
                "dist": dist,
                "nofact": nofact,
            }
            shown = "".join(_extended(chosen, article, kind, q, terms, units))
            right = A._fold(fact) in A._fold(shown)
            found.append((chosen, article.rank, acceptable, [values[f] for f in FEATURES], right))
    allowed = _read_ranks(articles, reach, [(c, r, a) for c, r, a, _, _ in found], q)
    return [Candidate(f, c.key, a, r in allowed, right, kind == "identity") for c, r, a, f, right in found]


def collect(name: str) -> list[Question]:
    """The set's questions with their candidates, searched as `benchmarks.answers` does."""
    recorded: list[dict[str, Any]] = []
    original = engine.best_sentence

    def record(query: str, terms: Sequence[str], docs: Sequence[tuple[int, str, str]], **kw: Any) -> Any:
        recorded.append(
            dict(query=query, terms=list(terms), docs=list(docs), groups=list(kw.get("groups", ())))
        )
        return original(query, terms, docs, **kw)

    if name == "tuning":
        items = [i for i in A.load_judged() if i["kind"] in A.FACT_KINDS]
        db = A.build_db(A.select_stories(A.load_stories(), items, False))
        today = date(2026, 8, 22)
    else:
        items = A.load_dev()
        db = A.build_frozen_db(A.peopledaily.load_articles())
        today = A.FROZEN_TODAY
    services = A._open_services(db)
    questions = []
    engine.best_sentence = record  # type: ignore[assignment]
    try:
        for item in items:
            recorded.clear()
            day = date.fromisoformat(item.get("today", today.isoformat()))
            services.library.search(item["q"], limit=10, offset=0, today=day)
            call = recorded[0] if recorded else None
            found = (
                candidates(call["query"], call["terms"], call["docs"], call["groups"], item["fact"])
                if call
                else []
            )
            kind = question_kind(item["q"])
            if found and found[0].identity:
                kind = "identity"
            questions.append(Question(kind, item.get("answer", True), found))
    finally:
        engine.best_sentence = original  # type: ignore[assignment]
        services.close()
    return questions


def current(questions: Sequence[Question]) -> int:
    """Answers holding the fact when choosing as the current code does (the best key among acceptable
    spans of the articles it reads)."""
    right = 0
    for question in questions:
        pool = [c for c in question.candidates if c.acceptable and c.allowed]
        best = max(pool, key=lambda c: c.current) if pool else None
        right += bool(best and best.right and question.asked)
    return right


def _matrix(question: Question, per_kind: bool) -> tuple[Any, Any]:
    import numpy as np

    rows = [
        c.features + ([c.features[1] * (question.kind == k) for k in KINDS] if per_kind else [])
        for c in question.candidates
    ]
    width = len(FEATURES) + (len(KINDS) if per_kind else 0)
    x = np.array(rows, dtype=float).reshape(len(rows), width)
    y = np.array([c.right and question.asked for c in question.candidates], dtype=float)
    return x, y


def fit(
    questions: Sequence[Question], *, pairwise: bool, per_kind: bool, lam: float, iterations: int = 300
) -> Any:
    """Weights (the last one the "no answer" score, listwise only) by Adam on the L2-regularised loss."""
    import numpy as np

    data = [_matrix(q, per_kind) for q in questions if q.candidates]
    width = len(FEATURES) + (len(KINDS) if per_kind else 0)
    w = np.zeros(width + 1)
    w[FEATURES.index("share")], w[FEATURES.index("strength")] = 10.0, 5.0  # start near the current score
    if pairwise:
        w[-1] = -1e3  # no "no answer" option
    m, v = np.zeros_like(w), np.zeros_like(w)
    for t in range(1, iterations + 1):
        grad = np.zeros_like(w)
        grad[:-1] = 2 * lam * w[:-1]
        for x, y in data:
            s = x @ w[:-1]
            if pairwise:
                if y.sum() in (0, len(y)):
                    continue
                right = np.flatnonzero(y)[np.argmax(s[y > 0])]
                wrong = np.flatnonzero(y == 0)[np.argmax(s[y == 0])]
                grad[:-1] -= (x[right] - x[wrong]) / (1 + math.exp(s[right] - s[wrong]))
                continue
            scores = np.append(s, w[-1])
            target = np.append(y, 0.0 if y.any() else 1.0)
            e = np.exp(scores - scores.max())
            d = e / e.sum() - e * target / (e * target).sum()
            grad[:-1] += x.T @ d[:-1]
            grad[-1] += d[-1]
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= 0.03 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def evaluate(w: Any, questions: Sequence[Question], *, per_kind: bool, allowed_only: bool) -> int:
    """Answers holding the fact when choosing the best-scored span, none when it scores below the last
    weight."""
    right = 0
    for question in questions:
        keep = [c for c in question.candidates if c.allowed or not allowed_only]
        if not keep:
            continue
        x, y = _matrix(Question(question.kind, question.asked, keep), per_kind)
        s = x @ w[:-1]
        j = int(s.argmax())
        right += bool(s[j] >= w[-1] and y[j])
    return right


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lam", type=float, nargs="+", default=[0.01, 0.1, 1.0], help="L2 strengths to try")
    args = parser.parse_args(argv)
    A.load_frozen = lambda *a, **k: []  # type: ignore[assignment]  # never read the frozen set here
    sets = {name: collect(name) for name in ("tuning", "dev")}
    print(
        "current code:", ", ".join(f"{n} {current(q)} of {sum(x.asked for x in q)}" for n, q in sets.items())
    )
    for pairwise in (False, True):
        for per_kind in (False, True):
            for allowed_only in (True, False):
                for lam in args.lam:
                    row = []
                    for train, test in (("tuning", "dev"), ("dev", "tuning")):
                        pool = sets[train]
                        if allowed_only:
                            pool = [
                                Question(q.kind, q.asked, [c for c in q.candidates if c.allowed])
                                for q in pool
                            ]
                        w = fit(pool, pairwise=pairwise, per_kind=per_kind, lam=lam)
                        got = evaluate(w, sets[test], per_kind=per_kind, allowed_only=allowed_only)
                        own = evaluate(w, sets[train], per_kind=per_kind, allowed_only=allowed_only)
                        row.append(f"{train}→{test} {got} (on {train} {own})")
                    model = "pairwise" if pairwise else "listwise"
                    print(
                        f"{model} per-kind={per_kind} read-as-now={allowed_only} λ={lam}: " + "; ".join(row),
                        flush=True,
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
