"""Answers to question-like queries: the sentence that best answers, from the top results. Pure
(apart from jieba's part-of-speech tagger, used to recognise names and places in candidate sentences).

A sentence is scored by the share of the query's terms it contains (by length), plus a bonus when it
holds what the question asks for: a person's name not in the question for 谁/哪位, a date or time for
什么时候/哪天, a place for 哪里. It needs most of the terms, or some of them and the thing asked for.
Ties go to the better-ranked article, then the earlier sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storage.models import Answer
from storage.normalize import normalize
from storage.snippets import mark
from storage.summary import sentences, strip_dateline

MIN_COVERAGE = 0.6  # share of the query's terms (by length) a sentence must hold
MIN_KIND_COVERAGE = 0.3  # ... or this much if it also holds what is asked for (a name, a date, a place)
KIND_BONUS = 0.45
MAX_CANDIDATES = 10
MAX_SENTENCE = 200

_WHO = re.compile(r"谁|哪位|哪些人|什么人|哪个人|何人|哪些领导|哪几位")
_WHEN = re.compile(r"什么时候|什么时间|哪天|哪一天|何时|几月|几号|几日|哪年|什么日子")
_WHERE = re.compile(r"哪里|哪儿|在哪|什么地方|何地|何处")
_TIME_IN_TEXT = re.compile(r"\d+\s*月\s*\d+\s*日|\d{4}\s*年|\d+\s*月|上午|下午|晚上|近日|今天|昨天|日前")


def question_kind(query: str) -> str:
    """'who', 'when', 'where' or 'what' (anything else)."""
    q = normalize(query)
    if _WHO.search(q):
        return "who"
    if _WHEN.search(q):
        return "when"
    if _WHERE.search(q):
        return "where"
    return "what"


def _tags(sentence: str) -> list[tuple[str, str]]:
    from storage.segment import tokenizer

    return tokenizer().tag(sentence, True)


def _has_kind(sentence: str, kind: str, terms: Sequence[str]) -> bool:
    if kind == "when":
        return bool(_TIME_IN_TEXT.search(sentence))
    if kind not in ("who", "where"):
        return False
    wanted = "nr" if kind == "who" else "ns"
    known = "".join(terms)
    return any(tag == wanted and len(w) >= 2 and w not in known for w, tag in _tags(normalize(sentence)))


def best_sentence(
    query: str, terms: Sequence[str], docs: Sequence[tuple[int, str]], *, max_docs: int = 3
) -> Answer | None:
    """The best-answering sentence among `docs` ((article id, body), best-ranked first), or None."""
    terms = [t for t in terms if t]
    if not terms or not docs:
        return None
    total = sum(len(t) for t in terms)
    kind = question_kind(query)
    candidates: list[tuple[float, int, int, str, int]] = []
    for rank, (article_id, body) in enumerate(docs[:max_docs]):
        for pos, raw in enumerate(sentences(body)):
            sent = strip_dateline(raw).strip()
            if not sent:
                continue
            norm = normalize(sent)
            coverage = sum(len(t) for t in terms if t in norm) / total
            if coverage >= MIN_KIND_COVERAGE:
                candidates.append((coverage, -rank, -pos, sent, article_id))
    candidates.sort(reverse=True)
    best: tuple[float, float, int, int, str, int] | None = None
    for coverage, neg_rank, neg_pos, sent, article_id in candidates[:MAX_CANDIDATES]:
        has_kind = kind != "what" and _has_kind(sent, kind, terms)
        if coverage < MIN_COVERAGE and not has_kind:
            continue
        score = coverage + (KIND_BONUS if has_kind else 0.0)
        key = (score, coverage, neg_rank, neg_pos, sent, article_id)
        if best is None or key[:4] > best[:4]:
            best = key
    if best is None:
        return None
    sent, article_id = best[4], best[5]
    if len(sent) > MAX_SENTENCE:
        sent = sent[: MAX_SENTENCE - 1] + "…"
    return Answer(sentence=sent, article_id=article_id, snippet=mark(sent, terms))
