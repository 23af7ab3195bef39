"""Issue 20: the story a question asks about is the one that holds the fact asked for. When the first result
holds no sentence that may answer, an article the evidence ranking placed close to it (within the weight of
the fact evidence, `evidence.close_to_first`) may answer, though it holds fewer of the question's words, and
comes first. Hand-made stories in the shape of a profile and a short report on the same person."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from storage.database.connection import open_db
from storage.ingest.pipeline import ingest_file
from storage.search import evidence
from storage.search.answers import best_sentence
from storage.search.engine import Searcher
from storage.search.query import parse_query

QUESTION = "王小梅在社区当了多少天志愿者"
# A profile holding every word of the question and no number of days.
PROFILE = (
    "王小梅：社区里的志愿者",
    "王小梅是一名中学教师。疫情期间，她每天给居民买菜送药。她说，这段日子让她更懂居民的难处。",
)
# A report holding fewer of the question's words (志愿服务, not 志愿者), and the number of days.
REPORT = (
    "王小梅代表的履职故事",
    "作为一名中学教师，王小梅下沉社区参与志愿服务69天，记下了居民的难处。今年她带来了三份建议。",
)
# Other stories holding the common words (社区, 志愿者), as an archive does: the name weighs most.
DISTRICTS = "东城 西城 朝阳 海淀 丰台 石景山 门头沟 房山 通州 顺义 昌平 大兴 怀柔 平谷 密云 延庆 和平 河西 南开 红桥".split()
OTHERS = [
    (f"2024-04-{i:02d}", f"{d}区社区志愿者上门服务", f"{d}区的社区志愿者近日走进居民家中，帮助老人打扫卫生。")
    for i, d in enumerate(DISTRICTS + "河东 河北 东丽 西青 津南 北辰 武清 宝坻 滨海 宁河".split(), start=1)
]


def test_close_to_first_counts_the_leading_scores_within_the_margin() -> None:
    assert evidence.close_to_first([3.0, 2.9, 2.75, 2.6, 2.9], margin=0.3) == 3
    assert evidence.close_to_first([3.0, 2.5], margin=0.3) == 1
    assert evidence.close_to_first([], margin=0.3) == 0


def test_the_margin_is_the_weight_of_the_fact_evidence() -> None:
    assert evidence.CLOSE_MARGIN == evidence.DEFAULT_WEIGHTS.fact


def test_a_close_article_answers_when_the_first_holds_no_sentence_that_may() -> None:
    terms = parse_query(QUESTION).terms
    docs = [(1, *PROFILE), (2, *REPORT)]
    answer = best_sentence(QUESTION, terms, docs, close=2)
    assert answer is not None and answer.article_id == 2
    assert "69天" in answer.sentence


def test_an_article_not_close_to_the_first_does_not_answer_with_fewer_words() -> None:
    terms = parse_query(QUESTION).terms
    assert best_sentence(QUESTION, terms, [(1, *PROFILE), (2, *REPORT)], close=1) is None


def test_a_close_article_does_not_answer_when_the_first_holds_the_fact() -> None:
    terms = parse_query(QUESTION).terms
    first = ("王小梅：社区里的志愿者", "王小梅在社区当志愿者已经120天，帮居民买菜送药。")
    answer = best_sentence(QUESTION, terms, [(1, *first), (2, *REPORT)], close=2)
    assert answer is not None and answer.article_id == 1


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    folder: Path = tmp_path_factory.mktemp("close")
    stories = [("2024-05-20", *PROFILE), ("2024-05-21", *REPORT), *OTHERS]
    src = folder / "stories.jsonl"
    src.write_text(
        "\n".join(
            json.dumps({"title": t, "date": d, "paragraphs": [body]}, ensure_ascii=False)
            for d, t, body in stories
        )
        + "\n",
        encoding="utf-8",
    )
    db: sqlite_utils.Database = open_db(folder / "news.db")
    assert ingest_file(db, src, source="测试").status == "ok"
    yield Searcher(db)
    db.close()


def test_the_story_holding_the_fact_comes_first(searcher: Searcher) -> None:
    # the profile ranks first by the words it holds, the report within `CLOSE_MARGIN` of it
    resp = searcher.search(QUESTION, today=date(2024, 6, 30))
    assert resp.answer is not None and "69天" in resp.answer.sentence
    assert resp.hits[0].title == REPORT[0]
