"""Issue 20: the kind of thing a question asks to be named or listed (哪几个部门, 什么能力, 哪个电视频道)
weighs as little as a word of no role in the evidence ranking: the story that answers names the things
themselves (人社部、财政部; 中国教育电视台4频道), often without the kind word, while a story that only
mentions the topic may print the kind word in passing."""

from __future__ import annotations

import pytest

from storage.search import evidence

TAGS = {"渔港": "n", "打算": "v", "发展": "vn", "产业": "n"}


def _weighed(kind_asked: str | None) -> dict[str, float]:
    terms = evidence.weigh_terms(
        list(TAGS), [5, 5, 5, 5], 100, tagger=lambda w: [(w, TAGS[w])], kind_asked=kind_asked
    )
    return {t.text: t.weight for t in terms}


def test_the_kind_asked_weighs_as_a_word_of_no_role() -> None:
    plain, asked = _weighed(None), _weighed("产业")
    assert asked["产业"] == pytest.approx(plain["产业"] * evidence.OTHER / evidence.TOPIC)
    assert {w: asked[w] for w in ("渔港", "打算", "发展")} == {w: plain[w] for w in ("渔港", "打算", "发展")}


def test_a_kind_the_question_does_not_type_changes_nothing() -> None:
    assert _weighed("部门") == _weighed(None)


# The report names what the harbour town turned to without the word 产业; a commentary prints 产业 beside
# the town's news but names nothing. 打算 is rarer in the archive than 产业 (held by 2 articles of 100, not 5).
TAGS_ASKED = {"渔港": "n", "冷库": "n", "打算": "v", "产业": "n"}
REPORT = evidence.Candidate(1, "小镇的新路", "渔港关停冷库以后，镇里打算发展民宿和海钓。", "2020-05-10")
COMMENTARY = evidence.Candidate(2, "让小镇走绿色之路", "渔港关停冷库以后，产业何去何从。", "2020-05-08")


def _first(kind_asked: str | None) -> int:
    terms = evidence.weigh_terms(
        list(TAGS_ASKED),
        [5, 5, 2, 5],
        100,
        tagger=lambda w: [(w, TAGS_ASKED[w])],
        kind_asked=kind_asked,
    )
    return evidence.rank(terms, [COMMENTARY, REPORT], n=100)[0].id


def test_the_story_naming_the_things_asked_for_comes_first() -> None:
    assert _first("产业") == REPORT.id


def test_weighed_as_a_topic_the_kind_word_would_put_the_commentary_first() -> None:
    # the case the rule is for: the kind word outweighs the rarer verb the commentary lacks
    assert _first(None) == COMMENTARY.id
