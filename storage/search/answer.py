"""Answers to question-like queries: the sentence that best answers, from the top results. Pure
(apart from jieba's part-of-speech tagger, used to recognise names and places in candidate sentences).

A sentence is scored by the share of the query's terms it contains, plus a bonus when it holds what
the question asks for: a person's name not in the question for 谁/哪位, a date or time for
什么时候/哪天, a place for 哪里, a list (A、B、C) for 哪些/哪几, a post right before the name for
申红涛是谁 / 李卓瑜是什么职务 (宣传部长申红涛). It needs most of the terms, or some
of them and the thing asked for. Ties go to the better-ranked article, then the earlier sentence.

Terms are weighted by length and by how few of the article's sentences hold them (issue 3): the words
that name the story (会议, 自媒体) are in many of its sentences and say little about which one answers;
the rarer words of the question (参加, 发言) point at the answering sentence. A term the article lacks
weighs most, so another story's sentence holding the question's verbs (提出…要求) but not its subject
(樊惠林) does not answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from storage.models import Answer
from storage.search.snippets import mark
from storage.text.normalize import normalize
from storage.text.summary import sentences, strip_dateline

MIN_COVERAGE = 0.6  # share of the query's terms (by length) a sentence must hold
MIN_KIND_COVERAGE = 0.3  # ... or this much if it also holds what is asked for (a name, a date, a place)
KIND_BONUS = 0.45
RANK_PENALTY = 0.2  # per place an article is ranked below the first
MAX_CANDIDATES = 10
MAX_SENTENCE = 200

_WHO = re.compile(r"谁|哪位|哪些人|什么人|哪个人|何人|哪些领导|哪几位|(?<![a-z])(?:who|whom|whose)(?![a-z])")
_WHEN = re.compile(r"什么时候|什么时间|哪天|哪一天|何时|几月|几号|几日|哪年|什么日子|(?<![a-z])when(?![a-z])")
_WHERE = re.compile(r"哪里|哪儿|在哪|什么地方|何地|何处|(?<![a-z])where(?![a-z])")
_WHICH = re.compile(r"哪些|哪几|有几|几个|几项|几点")  # asks for several things: a list answers
_LIST_SEPARATORS = re.compile(r"[、]")
# "X是谁 / X是什么职务": asks what X is. News writes a person's post right before the name
# (宣传部长申红涛, 副总经理王伟), so the answer is a sentence with a post just before one of the terms.
_IDENTITY = re.compile(
    r"是谁|是什么人|什么职务|什么职位|什么身份|干什么的|做什么的|担任什么|什么官|(?<![a-z])who(?:\s+is|\s+was|'s)(?![a-z])"
)
_POST = "(?:长|书记|主任|部长|经理|主席|委员|常委|总监|董事|秘书|局长|记者|通讯员|代表|负责人)"
_TIME_IN_TEXT = re.compile(r"\d+\s*月\s*\d+\s*日|\d{4}\s*年|\d+\s*月|上午|下午|晚上|近日|今天|昨天|日前")


def question_kind(query: str) -> str:
    """'who', 'when', 'where', 'which' (a list of things) or 'what' (anything else)."""
    q = normalize(query)
    if _WHO.search(q):
        return "who"
    if _WHEN.search(q):
        return "when"
    if _WHERE.search(q):
        return "where"
    if _WHICH.search(q):
        return "which"
    return "what"


def _tags(sentence: str) -> list[tuple[str, str]]:
    from storage.text.segment import tokenizer

    return tokenizer().tag(sentence, True)


def _post_before(sentence: str, terms: Sequence[str]) -> bool:
    """Whether a post (部长, 经理, 书记…) comes right before one of the terms (normalised sentence)."""
    return any(re.search(_POST + re.escape(t), sentence) for t in terms)


def _has_kind(sentence: str, kind: str, terms: Sequence[str]) -> bool:
    if kind == "identity":
        return _post_before(normalize(sentence), terms)
    if kind == "when":
        return bool(_TIME_IN_TEXT.search(sentence))
    if kind == "which":
        return len(_LIST_SEPARATORS.findall(sentence)) >= 2
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
    kind = question_kind(query)
    pool: list[tuple[int, int, str, str, int]] = []  # (rank, position, sentence, normalised, article)
    for rank, (article_id, body) in enumerate(docs[:max_docs]):
        for pos, raw in enumerate(sentences(body)):
            sent = strip_dateline(raw).strip()
            if sent:
                pool.append((rank, pos, sent, normalize(sent), article_id))
    if _IDENTITY.search(normalize(query)) and any(_post_before(norm, terms) for _, _, _, norm, _ in pool):
        kind = "identity"  # 申红涛是谁 asks for the post; 区长是谁 (no post before 区长) for a name
    # Weights per article: which of its sentences answers depends on how often each term recurs in
    # it; a term missing from an article weighs most there, so its sentences cover less.
    weights_of: dict[int, dict[str, float]] = {}
    for rank in {r for r, *_ in pool}:
        weights_of[rank] = term_weights(terms, [norm for r, _, _, norm, _ in pool if r == rank])
    candidates: list[tuple[float, int, int, str, int]] = []
    for rank, pos, sent, norm, article_id in pool:
        weights = weights_of[rank]
        coverage = sum(w for t, w in weights.items() if t in norm) / sum(weights.values())
        if coverage >= MIN_KIND_COVERAGE:
            candidates.append((coverage, -rank, -pos, sent, article_id))
    candidates.sort(reverse=True)
    best: tuple[float, float, int, int, str, int] | None = None
    for coverage, neg_rank, neg_pos, sent, article_id in candidates[:MAX_CANDIDATES]:
        has_kind = kind != "what" and _has_kind(sent, kind, terms)
        # Holding what is asked for lets a sentence with fewer of the terms answer, but only in the
        # best-ranked article: elsewhere it would answer another story's question.
        if coverage < MIN_COVERAGE and not (has_kind and neg_rank == 0):
            continue
        score = coverage + (KIND_BONUS if has_kind else 0.0) + RANK_PENALTY * neg_rank
        key = (score, coverage, neg_rank, neg_pos, sent, article_id)
        if best is None or key[:4] > best[:4]:
            best = key
    if best is None:
        return None
    sent, article_id = best[4], best[5]
    if len(sent) > MAX_SENTENCE:
        sent = sent[: MAX_SENTENCE - 1] + "…"
    return Answer(sentence=sent, article_id=article_id, snippet=mark(sent, terms))


def term_weights(terms: Sequence[str], sentences_: Sequence[str]) -> dict[str, float]:
    """Each term's weight: its length times 1 + ln(N / n), n of the N sentences holding it (at least 1)."""
    n = max(len(sentences_), 1)
    out: dict[str, float] = {}
    for t in terms:
        holding = sum(1 for s in sentences_ if t in s)
        out[t] = len(t) * (1.0 + math.log(n / max(holding, 1)))
    return out
