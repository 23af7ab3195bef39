"""Issue 20, where: the place where the deed asked was done (在什么地方排查到逃犯的: 在一家旅店排查时), and where
from (从哪个省来的: 从江西赶来), as news writes them."""

from __future__ import annotations

from tests.answer_support import answer_line, fact_strength


def test_the_place_before_the_deed_asked_answers_where_it_was_done() -> None:
    question = "张警官是在什么地方排查到嫌疑人的"
    assert fact_strength("凌晨2时，张警官在一家网吧排查时发现了嫌疑人。", "where", question) == 1.0
    assert fact_strength("张警官与同事冲进房间，制服了嫌疑人。", "where", question) == 0.0


def test_where_from_is_answered_by_the_place_after_cong_and_before_a_verb_of_coming_or_falling() -> None:
    assert fact_strength("看望并慰问从江西赶来驰援的医疗队。", "where", "那支医疗队是从哪个省来的") == 1.0
    assert fact_strength("他摸索前进时从3楼窗台失足坠落。", "where", "他是从哪儿掉下去的") == 1.0
    assert fact_strength("他从事医疗工作二十年。", "where", "他是从哪儿来的") < 1.0


def test_where_from_picks_the_sentence_naming_the_origin() -> None:
    body = "驰援随州的医疗队后勤人员与他同住随州宾馆。\n副总理走进公寓，看望并慰问从江西赶来驰援的医疗队。"
    assert "从江西赶来" in answer_line("支援随州的医疗队是从哪个省来的", "慰问医疗队", body)
