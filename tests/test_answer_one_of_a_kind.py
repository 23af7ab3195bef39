"""Issue 20, what: a question asking which one thing of a kind (哪家企业, 哪个派出所) is answered by the sentence whose
clause holding a name also holds the question's words (…，由北京城建集团承建), not by one sharing more words whose name
stands in a clause of its own."""

from __future__ import annotations

from storage.search.answers.questions import asks_one_of_a_kind
from tests.answer_support import answer_line

_BODY = (
    "青岚河大桥的承建工作正在紧张进行中，这是河北省的重点工程。"
    "春节期间正值旱季，是施工的黄金期。"
    "青岚河大桥是贷款项目，由北京城建集团承建。"
)


def test_which_one_of_a_kind_is_answered_by_the_clause_naming_it_beside_the_words_asked() -> None:
    assert "北京城建集团" in answer_line("青岚河大桥是哪家企业承建的", "大桥建设忙", _BODY)
    assert "北京城建集团" in answer_line("青岚河大桥是哪家企业在建", "大桥建设忙", _BODY)


def test_one_of_a_kind_is_asked_with_a_measure_word_after_which() -> None:
    assert asks_one_of_a_kind("大桥是哪家企业承建的")
    assert asks_one_of_a_kind("张强主动要求去哪个派出所")
    assert asks_one_of_a_kind("他是哪一所大学毕业的")
    # a list asked (哪两个, 哪些) or no kind counted (在哪, 哪里)
    assert not asks_one_of_a_kind("会上哪两个地方作了发言")
    assert not asks_one_of_a_kind("密码分成哪些类")
    assert not asks_one_of_a_kind("大桥建在哪里")
    # a category asked (哪一类最多, 哪种方式)
    assert not asks_one_of_a_kind("查处的问题哪一类最多")
    assert not asks_one_of_a_kind("他们用哪种方式运输")
