"""Issue 20: the fact beside the question's words is looked for in the sentence holding them
(`evidence.FACT_SENTENCES`), not in the one before it, where a story often tells another event's figure first
(全年新增岗位… then 城镇新增就业…)."""

from __future__ import annotations

from storage.search import evidence
from storage.search.answers import fact_test

QUESTION = "城镇新增就业多少人"
TERMS = [evidence.Term(word, 10, 1.0) for word in ("城镇", "新增", "就业")]


def fact_evidence(body: str) -> float:
    """The weight `closeness` finds held beside a fact of the kind asked (a number of people)."""
    holds = fact_test(QUESTION, [t.text for t in TERMS])
    assert holds is not None
    title, text = evidence.searchable_texts("就业形势", body, TERMS)
    return evidence.closeness(title, text, TERMS, holds)[1]


def test_the_fact_in_the_sentence_holding_the_words_counts():
    assert fact_evidence("今年城镇新增就业1352万人，超过预期。") == 3.0


def test_a_figure_in_the_sentence_before_the_words_is_not_their_fact():
    assert fact_evidence("春节后返岗农民工达到8000万人。城镇新增就业保持稳定，就业形势总体平稳。") == 0.0


def test_the_sentences_the_fact_test_reads_end_with_the_one_holding_the_words():
    body = "春节后返岗农民工达到8000万人。城镇新增就业保持稳定。"
    assert evidence.FACT_SENTENCES == 1
    assert fact_evidence(body + "全年城镇新增就业1352万人。") == 3.0
