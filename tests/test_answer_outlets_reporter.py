"""Issue 20, who: a reporter of an outlet the question names (某某报那个记者叫啥) is the name after that outlet and
记者 in the story, not the story's own byline."""

from __future__ import annotations

from storage.search.answers.people import names_outlets_reporter
from tests.answer_support import answer_line

_BODY = (
    "多国记者走进园区参观采访。\n"
    "《湄南日报》记者巴颂在参观后表示：“回国后，我会把这里的变化告诉读者。”\n"
    "园区负责人介绍了近年来的发展情况。"
)


def test_a_reporter_after_the_outlet_the_question_names_holds_the_name() -> None:
    assert names_outlets_reporter("《湄南日报》记者巴颂在参观后表示：", ["湄南", "日报"])
    assert not names_outlets_reporter("本报记者张明报道。", ["湄南", "日报"])


def test_the_outlets_reporter_answers_who() -> None:
    assert "巴颂" in answer_line("湄南日报那个记者叫啥", "外国记者走进园区", _BODY)
