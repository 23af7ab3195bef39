"""A headline about the topic asked but none of its names (全国…复工率 for 江西…复工) counts less among
the close stories: it is a story of the same topic about another place or person."""

from __future__ import annotations

from storage.search.evidence import (
    HEADLINE_ELSEWHERE,
    Ranked,
    Term,
    _headlines_elsewhere_less,
    headline_names_none,
)

TERMS = (
    Term("江西", df=10, weight=6.0, named=True),
    Term("规上", df=5, weight=8.0),
    Term("复工", df=20, weight=3.5),
)


def _ranked(id_: int, score: float, title: float) -> Ranked:
    return Ranked(id_, score, 1.0, 1.0, title, 1.0, 0.0, ())


def test_a_headline_without_the_questions_names_is_elsewhere() -> None:
    assert headline_names_none(TERMS, (0, 1, 1))
    assert not headline_names_none(TERMS, (1, 1, 0))


def test_a_question_without_names_has_no_headline_elsewhere() -> None:
    unnamed = tuple(Term(t.text, t.df, t.weight) for t in TERMS)
    assert not headline_names_none(unnamed, (0, 1, 1))


def test_a_close_story_with_its_headline_elsewhere_goes_after_the_one_asked_about() -> None:
    national = _ranked(1, 2.32, 0.63)  # 全国规上工业企业复工率逐步提高
    jiangxi = _ranked(2, 2.31, 0.0)  # 真抓实干 (a story of 江西 whose text says when)
    out = _headlines_elsewhere_less([national, jiangxi], {1})
    assert [r.id for r in out] == [2, 1]
    assert out[1].score == 2.32 - HEADLINE_ELSEWHERE * 0.63


def test_a_story_well_ahead_keeps_its_place() -> None:
    national = _ranked(1, 2.9, 0.63)
    jiangxi = _ranked(2, 2.3, 0.0)  # further below the first than the close margin
    out = _headlines_elsewhere_less([national, jiangxi], {1})
    assert [r.id for r in out] == [1, 2]
    assert out[1].score == 2.3
