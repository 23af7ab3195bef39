"""The answer names the kind of thing asked for before it shares the question's words (issue 20): for where, a
sentence naming a place comes before one that only hints at a place, though the hint holds more of the question."""

from __future__ import annotations

from storage.search.answers import PARTIAL, WEAK, best_sentence, kind_strength
from storage.search.answers.reading import Span
from storage.search.answers.sentences import answer_order

# A made-up report of a visit: the lead holds the visitor, the region and the work, but names the region only by a
# word ending like one (西部自治区); the county visited is named in a later sentence sharing fewer words.
DOCS = [
    (
        1,
        "王明在西部自治区调研扶贫工作",
        "国务院扶贫办主任王明11日至13日在西部自治区调研扶贫工作。"
        "他强调，要确保如期完成任务。"
        "王明先后来到青山市白水县、红石区，看望贫困群众。",
    )
]
QUESTION = "王明去西部调研扶贫工作，头一站去的哪个县"
TERMS = ["王明", "西部", "调研", "扶贫", "工作", "头一站"]


def test_the_sentence_naming_the_county_answers_where() -> None:
    answer = best_sentence(QUESTION, TERMS, DOCS)
    assert answer is not None
    assert "青山市白水县" in answer.sentence


def test_the_lead_only_hints_at_a_place() -> None:
    lead, county = (
        "国务院扶贫办主任王明11日至13日在西部自治区调研扶贫工作。",
        "王明先后来到青山市白水县、红石区。",
    )
    assert kind_strength(lead, "where", QUESTION, TERMS) <= WEAK
    assert kind_strength(county, "where", QUESTION, TERMS) >= PARTIAL


def test_other_kinds_are_ranked_by_their_key_alone() -> None:
    hint = Span((1.2, 0.9, 0, 0), (), WEAK)
    named = Span((0.9, 0.4, 0, -2), (), PARTIAL)
    assert answer_order("where", named) > answer_order("where", hint)
    assert answer_order("who", hint) > answer_order("who", named)
