"""Issue 20, what and name: news says a thing in the words a reader asks it with, so the name stands where the
question puts its question word, right after the question's word before it (欧盟的什么: 欧盟的“核选项”;
教授叫什么: 政治学教授霍斯尼)."""

from __future__ import annotations

from storage.search.answers import PLAIN
from tests.answer_support import answer_line, fact_strength


def test_a_quoted_name_after_the_word_before_the_question_word() -> None:
    question = "《海洋公约》第九条被称作联盟的什么"
    assert fact_strength("《海洋公约》第九条被认为是联盟的“安全阀”。", "what", question) == PLAIN
    # the word followed by a name the question already gives is no answer
    assert fact_strength("联盟《海洋公约》第九条规定了表决办法。", "what", question) < PLAIN


def test_a_person_s_name_after_the_post_asked() -> None:
    question = "接受采访谈港口建设的那位大学经济学教授叫什么"
    assert (
        fact_strength("大学经济学教授王立明在接受采访时表示，港口建设带动了就业。", "name", question) == PLAIN
    )


def test_the_name_in_the_slot_answers_over_another_quoted_name() -> None:
    body = (
        "议会投票通过决议，要求对两国继续执行联盟《海洋公约》第九条“惩罚条款”。\n"
        "分析人士指出，这一程序启动门槛很高。\n"
        "《海洋公约》第九条被认为是联盟的“安全阀”。"
    )
    assert "安全阀" in answer_line("《海洋公约》第九条被称作联盟的什么", "议会通过决议", body)
