"""Issue 20: the article an answer comes from is moved first (`engine.source_first`) only when the evidence
ranking placed it close to the first result (within `evidence.CLOSE_MARGIN` of its score): one sentence of a
story ranked well below (another professor of the same university, another team in the same city) does not
outweigh what the first holds of the question. Rows ranked otherwise (every word found together) move as
before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.models import Answer
from storage.search import engine, evidence
from storage.search.engine import Searcher, _placed_close
from storage.search.found import Found
from storage.search.query import parse_query
from storage.search.ranking import RankedRow
from tests.search_support import stories_db


def _found(scores: dict[int, float], *, by_evidence: bool = True) -> Found:
    rows = tuple(RankedRow(i, 0.0, 0, s, 0, 0, 0) for i, s in scores.items())
    return Found(parse_query("开罗大学教授叫什么"), len(rows), rows, by_evidence=by_evidence)


def test_an_article_within_the_margin_of_the_first_is_close() -> None:
    found = _found({1: 2.7, 2: 2.7 - evidence.CLOSE_MARGIN + 0.01, 3: 2.7 - evidence.CLOSE_MARGIN - 0.05})
    assert _placed_close(found, 1) and _placed_close(found, 2)
    assert not _placed_close(found, 3)


def test_rows_ranked_otherwise_are_all_close() -> None:
    assert _placed_close(_found({1: 3.0, 2: 1.0}, by_evidence=False), 2)


# The report on Egypt the question asks about, and a story on another region quoting another professor of the
# same university, which holds fewer of the question's words together.
STORIES = [
    (
        "2020-01-16",
        "埃及再次延长紧急状态",
        [
            "埃及政府宣布将全国紧急状态延长3个月。",
            "开罗大学政治学教授霍斯尼接受采访时说，埃及安全局势总体可控。",
        ],
    ),
    (
        "2020-02-28",
        "地区局势愈加不稳定（国际视点）",
        ["多国学者对地区前景表示担忧。", "开罗大学教授谢赫说，新计划不公平。"],
    ),
]
QUESTION = "接受采访谈埃及安全局势的开罗大学政治学教授叫什么"


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    db = stories_db(tmp_path_factory.mktemp("moves"), STORIES)
    yield Searcher(db)
    db.close()


def test_an_answer_from_a_story_ranked_well_below_does_not_move_it_first(
    searcher: Searcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = date(2020, 6, 1)
    ranked = searcher.search(QUESTION, today=today)
    assert [h.title for h in ranked.hits] == [STORIES[0][1], STORIES[1][1]]
    lower = ranked.hits[1].id

    # the answer step settles on the lower story's sentence (as it may when the first's answer is weak)
    def answer_from_lower(*args: object, **kwargs: object) -> Answer:
        return Answer("开罗大学教授谢赫说，新计划不公平。", lower)

    monkeypatch.setattr(engine, "best_sentence", answer_from_lower)
    resp = searcher.search(QUESTION, today=today)
    assert resp.answer is not None and resp.answer.article_id == lower
    assert resp.hits[0].title == STORIES[0][1]
    # the case the rule is for: were every article close, the answer would move the lower story first
    monkeypatch.setattr(engine, "_placed_close", lambda found, article_id: True)
    assert searcher.search(QUESTION, today=today).hits[0].id == lower
