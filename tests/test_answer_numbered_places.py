"""号 after a number dates a day (5号) unless it numbers a compound, a building or a line (1号院, 3号楼, 2号线):
such a sentence holds no date, so a when-question finds no answer in it."""

from storage.search.answers import best_sentence
from storage.search.answers.kinds import kind_strength

STORY = (
    1,
    "区领导调研老旧小区改造",
    "近日，区领导到老旧小区改造工地调研。在华侨城1号院建设工地，区领导听取了老旧小区改造汇报。",
)


def test_a_numbered_compound_is_no_day():
    q = "区领导调研老旧小区是哪天"
    assert kind_strength("在华侨城1号院建设工地，区领导听取了汇报。", "when", q, ["老旧", "小区"]) == 0
    assert kind_strength("地铁3号线5号开通。", "when", q, ["地铁"]) > 0  # 5号 is a day


def test_a_when_question_on_a_story_without_a_date_gets_no_answer_line():
    assert (
        best_sentence("区领导调研老旧小区改造是哪天", ["领导", "调研", "老旧", "小区", "改造"], [STORY])
        is None
    )
