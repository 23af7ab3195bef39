"""Issue 20: readers type the new coronavirus's short name (新冠, 新冠肺炎) where its first stories, of January
2020, print its name in full (新型冠状病毒感染的肺炎): the full name counts as the word typed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from storage.search.synonyms import printed_forms
from tests.search_support import stories_db

# (date, title, paragraphs): the national figure of January prints the full name; a province's later
# figure prints the short one.
STORIES = [
    (
        "2020-01-23",
        "国家卫健委：21日国内新增确诊病例149例",
        [
            "截至1月21日24时，国家卫健委收到全国13省（区、市）累计报告新型冠状病毒感染的肺炎确诊病例440例。",
            "目前追踪到密切接触者2197人。",
        ],
    ),
    (
        "2020-02-16",
        "江西中西医结合应对疫情",
        ["截至2月15日24时，江西累计报告新冠肺炎确诊病例925例，治愈出院多人。"],
    ),
    (
        "2020-02-20",
        "春耕备耕有序展开",
        ["全国各地在做好疫情防控的同时，有序开展春耕备耕。"],
    ),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    db = stories_db(tmp_path_factory.mktemp("coronavirus"), STORIES)
    yield Searcher(db)
    db.close()


def test_the_short_name_has_the_full_name_as_printed() -> None:
    assert "新型冠状病毒" in printed_forms("新冠")


def test_the_story_printing_the_full_name_answers_the_short_one(searcher: Searcher) -> None:
    # Without the full name, the province's story held 新冠 and came first.
    resp = searcher.search("全国累计报告的新冠肺炎确诊病例有多少例", today=date(2020, 6, 1))
    assert resp.hits[0].title == "国家卫健委：21日国内新增确诊病例149例"
    assert resp.answer is not None and "440例" in resp.answer.sentence
