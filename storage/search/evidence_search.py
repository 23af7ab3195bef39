"""Ranking by evidence (questions, and words that find nothing together): the question's words as
evidence ranking reads them, the articles worth reading (every holder of a rare word, the best by BM25 of
the others), their text ranked by `evidence.rank`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import sqlite_utils

from storage.search import evidence
from storage.search.answers import category_asked, fact_test
from storage.search.article_reads import read_candidates
from storage.search.expressions import all_of, any_of, phrase
from storage.search.found import Found
from storage.search.index_reader import IndexReader, index_reader
from storage.search.query import ParsedQuery
from storage.search.ranking import RankedRow, archive_size_sql
from storage.search.synonyms import printed_forms
from storage.search.term_readings import (
    endings_left_alone,
    glued_where_the_archive_binds,
    post_printed_whole,
    posts_read_whole,
    printing_the_post_first,
    reglued,
    rescued,
    typed_reading,
    with_name_endings,
)
from storage.text.normalize import normalize
from storage.text.segment import cut, dictionary_word, tag

RARE_CAP = 5000  # a word held by at most this many articles has all of them read as candidates
BM25_CANDIDATES = 100  # and the articles with the best BM25 over all the words
TEXT_CANDIDATES = 40  # of which this many, the most promising, have their text read and ranked


@dataclass(frozen=True)
class _Words:
    """FTS5 expressions over a question's words (none of its excluded words), on one read connection."""

    db: sqlite_utils.Database
    excluded: str | None

    def any(self, words: Sequence[str]) -> str | None:
        found = any_of(words)
        return f"({found}) NOT ({self.excluded})" if found and self.excluded else found

    def all(self, words: Sequence[str]) -> str | None:
        found = all_of(words)
        return f"({found}) NOT ({self.excluded})" if found and self.excluded else found

    def holders(self, word: str) -> list[int] | None:
        """The articles holding `word` or a form news prints for it (`synonyms.printed_forms`): every one
        when at most `RARE_CAP` do (a rare word's are all read as candidates), else None (the cost stays
        bounded)."""
        e = self.any(list(printed_forms(word)))
        return self.index.holders(e, RARE_CAP) if e else []

    @cached_property
    def index(self) -> IndexReader:
        return index_reader(self.db.conn)


def held_by(holders: list[int] | None) -> int:
    """How many articles hold a word whose `_Words.holders` are `holders`: more than `RARE_CAP` counts as
    `RARE_CAP` + 1."""
    return RARE_CAP + 1 if holders is None else len(holders)


def _evidence_reading(
    words: _Words, parsed: ParsedQuery
) -> tuple[ParsedQuery, list[str], list[int], dict[str, list[int]]]:
    """The question's words as evidence ranking reads them, how many articles hold each, and which articles
    hold each of the rare ones (at most `RARE_CAP`).

    No single character glued on as a suffix (总统通 of 总统通电话 would be a rare word of its own that the
    story asked about may not print); one glued before the next word where it belongs (`reglued`: 清明村 +
    最后, not 清明 + 村最后); the character ending a name left alone before a word the question drops, when
    the name with it is held (`with_name_endings`: 大湾区跟香港 reads 大湾区, not 大湾); a word no article holds
    without its first or last character when that one is held (王毅跟, 县支教)."""
    typed_terms = parsed.terms
    if parsed.loose_terms:
        parsed = replace(parsed, terms=parsed.loose_terms, exact=None, loose_terms=())
    typed_words = cut(normalize(parsed.asked))
    terms = reglued([t for t in parsed.terms if phrase(t)], typed_words)
    read: dict[str, list[int] | None] = {}  # the holders of a longer name already read
    if typed_terms != parsed.terms and endings_left_alone(terms, typed_terms):
        # 大湾区跟香港: 区 was left alone by the reading without suffixes; the name with it is read when held
        for i, longer in enumerate(with_name_endings(terms, typed_terms, tag(normalize(parsed.asked)))):
            if longer == terms[i]:
                continue
            read[longer] = words.holders(longer)
            if held_by(read[longer]):
                terms[i] = longer
    terms = posts_read_whole(terms, typed_words)
    terms = glued_where_the_archive_binds(terms, typed_words, lambda w: held_by(words.holders(w)))
    holders = [read[t] if t in read else words.holders(t) for t in terms]
    if not all(map(held_by, holders)):
        # 伊斯兰国手里: 手里 was a word of the question, 国手 not; 淦河有多长: 河有 was no word (`typed_reading`)
        typed = typed_reading(tag(normalize(parsed.asked)))
        for i, t in enumerate(terms):
            if held_by(holders[i]):
                continue
            for part in rescued(t, known=(typed, dictionary_word)):
                if held_by(found := words.holders(part)):
                    terms[i], holders[i] = part, found
                    break
    if terms != list(parsed.terms):
        parsed = replace(parsed, terms=tuple(dict.fromkeys(terms)), exact=None, loose_terms=())
    rare = {t: ids for t, ids in zip(terms, holders, strict=True) if ids}
    return parsed, terms, [held_by(ids) for ids in holders], rare


def most_weight_first(weights: dict[int, float], keep: int) -> list[int]:
    """The `keep` ids of the most weight, the newest (largest id) first among equal weights: the order of
    (-weight, -id). The weights are sums of a few words' weights, so they take few values: the ids are
    grouped by weight and only the groups reached are sorted."""
    by_weight: dict[float, list[int]] = {}
    for rowid, weight in weights.items():
        group = by_weight.get(weight)
        if group is None:
            by_weight[weight] = [rowid]
        else:
            group.append(rowid)
    out: list[int] = []
    for weight in sorted(by_weight, reverse=True):
        if len(out) >= keep:
            break
        out += sorted(by_weight[weight], reverse=True)[: keep - len(out)]
    return out


def reads_every_holder(
    weighted: Sequence[evidence.Term],
    rare: Mapping[str, list[int]],
    rare_weight: Mapping[int, float],
    window: int,
) -> bool:
    """Whether the candidates are every article holding a word of the question: each word is rare (its
    holders known: `rare`) and they hold no more articles together (`rare_weight`) than the candidates
    read (`TEXT_CANDIDATES`, or the window). The articles BM25 over the words would find are then
    these (the same words, matched the same way), and all of them are read whatever their BM25; ranking
    reads its candidates in any order (each scored on its own, then sorted by score and id)."""
    every_word_rare = all(t.df <= RARE_CAP and t.text in rare for t in weighted)
    return every_word_rare and len(rare_weight) <= max(window, TEXT_CANDIDATES)


def _evidence_candidates(
    words: _Words, weighted: Sequence[evidence.Term], window: int, rare: Mapping[str, list[int]]
) -> list[int]:
    """The articles worth reading, most promising first: every article holding one of the rarer words
    (`rare`: word → the articles holding it; by the weight it holds of them), and the best by BM25 among
    the articles holding every common word (BM25 over any of them would score a large share of the
    archive), or over all the words when that is cheap or finds too few. When every word is rare and
    the articles holding any of them are no more than are read, all of them are read, by the weight
    they hold (`reads_every_holder`): no BM25 is asked for, which would only order them."""
    index = words.index
    total_weight = sum(t.weight for t in weighted) or 1.0
    rare_weight: dict[int, float] = {}
    for term in weighted:
        if term.df <= RARE_CAP and (ids := rare.get(term.text)):
            weight = term.weight
            if not rare_weight:
                rare_weight = dict.fromkeys(ids, 0.0 + weight)
                continue
            held = rare_weight.get
            for rowid in ids:
                rare_weight[rowid] = held(rowid, 0.0) + weight
    if reads_every_holder(weighted, rare, rare_weight, window):
        return most_weight_first(rare_weight, len(rare_weight))
    keep = max(window, BM25_CANDIDATES)
    by_weight = most_weight_first(rare_weight, keep)
    bm25: dict[int, float] = {}
    common = [t.text for t in weighted if t.df > RARE_CAP]
    if len(common) > 1 and (together := words.all(common)):
        bm25 = dict(index.best_bm25(together, keep))
    every = words.any([w for t in weighted for w in t.written])
    if every and (not common or (not rare_weight and len(bm25) < keep)):
        bm25 |= dict(index.best_bm25(every, keep))
    best = max((-b for b in bm25.values()), default=0.0) or 1.0
    promise = {
        i: rare_weight.get(i, 0.0) / total_weight + 0.5 * (-bm25.get(i, 0.0) / best)
        for i in {*bm25, *by_weight}
    }
    return sorted(promise, key=lambda i: (-promise[i], -i))[: max(window, TEXT_CANDIDATES)]


def ranked_by_evidence(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found:
    """Every article holding any of the question's words, ranked by the evidence it holds
    (`evidence.rank`) over the text of the most promising candidates (`_evidence_candidates`). Words held
    by no article are left out and named; when none is held, nothing is found (the ladder's corrections
    run next)."""
    from storage.text.segment import tokenizer
    from storage.text.summary import idf_table

    words = _Words(db, any_of(parsed.excluded))
    parsed, terms, counts, rare = _evidence_reading(words, parsed)
    held = [(t, n) for t, n in dict(zip(terms, counts, strict=True)).items() if n]
    if not held:
        return Found(parsed)
    size = max(int(db.conn.execute(archive_size_sql()).fetchone()[0]), 1)
    weighted = evidence.weigh_terms(
        [t for t, _ in held],
        [n for _, n in held],
        size,
        quoted=parsed.phrases,
        tagger=lambda w: tokenizer().tag(w, True),
        jieba_idf=idf_table(),
        forms={t: printed_forms(t)[1:] + evidence.dashes_as_printed(t) for t, _ in held},
        kind_asked=category_asked(parsed.asked, as_ranked=True) if parsed.question else None,
    )
    chosen = _evidence_candidates(words, weighted, window, rare)
    if not chosen:
        return Found(parsed)
    candidates, read, clusters = read_candidates(db, chosen)
    ranked = evidence.rank(
        weighted,
        candidates,
        n=size,
        dates=parsed.dates,
        periods=parsed.periods,
        now=evidence.asks_now(parsed.asked),
        holds_fact=fact_test(parsed.asked, parsed.terms),
        pairs=evidence.typed_pairs([t.text for t in weighted], parsed.asked),
    )
    whole_post = post_printed_whole(parsed.asked, parsed.terms)
    if whole_post is not None:
        ranked = printing_the_post_first(
            ranked, {c.id for c in candidates if whole_post(c.title + "\n" + c.body)}
        )
    rows = [RankedRow(r.id, -r.bm25, 0, round(r.score, 9), 0, int(r.title >= 1.0), 0) for r in ranked]
    absent = set(ranked[0].missing if ranked else ()) | {
        t for t, n in zip(terms, counts, strict=True) if not n
    }
    names = {t.text for t in weighted if t.named} - set(ranked[0].missing if ranked else ())
    return Found(
        replace(parsed, terms=tuple(t.text for t in weighted)),  # the words some article holds
        len(rows),
        tuple(rows[:window]),
        dropped=tuple(t for t in terms if t in absent),
        unheld=tuple(t for t, n in zip(terms, counts, strict=True) if not n),
        by_evidence=True,
        read=read,
        clusters=clusters,
        nameless=frozenset(r.id for r in ranked[:window] if names.intersection(r.missing)),
    )
