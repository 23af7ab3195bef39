"""An English clitic ('s, 're, 'll, 've, 'd, 'm) belongs to the word before it: it is never a word to find."""

import pytest

from storage.search.query import parse_query


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("what's new about the epidemic?", ("new", "epidemic")),
        ("Xi Jinping's visit", ("xi", "jinping", "visit")),
        ("it’s 保交楼", ("it", "保交楼")),  # a typographic apostrophe, as phones type it
        ("they're building 保交楼", ("building", "保交楼")),
    ],
)
def test_a_clitic_is_no_word_of_the_query(query, terms):
    assert parse_query(query).terms == terms


def test_a_question_with_a_clitic_is_still_a_question():
    assert parse_query("who's the mayor").question
