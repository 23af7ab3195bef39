"""Helpers for the answer-line tests: one question asked of one small hand-written story."""

from __future__ import annotations

from storage.search.answers import best_sentence, kind_strength
from storage.search.query import parse_query
from storage.text.normalize import normalize


def answer_line(question: str, title: str, body: str) -> str:
    """The answer sentence `best_sentence` picks for `question` from one article, or "" when none."""
    parsed = parse_query(question)
    found = best_sentence(question, parsed.terms, [(1, title, body)], groups=parsed.groups)
    return found.sentence if found is not None else ""


def fact_strength(sentence: str, kind: str, question: str) -> float:
    """How strongly `sentence` holds the fact of `kind` that `question` asks for (`kind_strength`)."""
    return kind_strength(normalize(sentence), kind, normalize(question), parse_query(question).terms)
