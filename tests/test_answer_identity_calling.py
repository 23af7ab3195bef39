"""X是谁 about a person news names with a calling right after the name (钟南山院士) and no post before it:
the answer tells what the person is, not another person's name in a sentence without X."""

from __future__ import annotations

from storage.search.answers import best_sentence, read_question

# A made-up story: the person asked about is named once, with his calling after the name; the next
# sentence names other people (what a who-question's answer looks for) without him.
DOCS = [
    (
        1,
        "小城以动画促科普",
        "片中洗手的动作，均参考林北山院士的标准示范。"
        "此外，动画公司的主创团队王小明、李大华用四天赶制了科普短片。"
        "短片已在多个平台播出。",
    )
]


def test_a_name_with_a_calling_after_it_is_asked_about_by_shi_shui() -> None:
    reading = read_question("林北山是谁", ["林北山"], DOCS)
    assert reading is not None and reading.kind == "identity"


def test_the_answer_of_shi_shui_names_the_person_with_the_calling() -> None:
    answer = best_sentence("林北山是谁", ["林北山"], DOCS)
    assert answer is not None and "林北山院士" in answer.sentence
    assert "王小明" not in answer.sentence


def test_a_term_without_a_calling_after_it_stays_a_who_question() -> None:
    docs = [(1, "会议召开", "北山公园游人如织。张明主持会议。")]
    reading = read_question("北山是谁", ["北山"], docs)
    assert reading is not None and reading.kind == "who"
