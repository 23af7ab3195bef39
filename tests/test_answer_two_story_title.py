"""A headline of two stories of one kind (火神山医院收治首批患者 雷神山医院即将交付使用): its words are not lent to
a sentence about the other story (issue 20: 雷神山医院什么时候交付的 was answered with a 火神山 sentence)."""

from __future__ import annotations

from storage.search.answers import best_sentence
from storage.search.answers.coverage import title_words_withheld
from storage.text.normalize import normalize

# A made-up story under a headline of two parts sharing 医院: the date sentence is about the first
# hospital, the second hospital's sentence has its own date.
TITLE = "东湖医院收治首批患者 西湖医院即将交付使用"
DOCS = [
    (
        1,
        TITLE,
        "2月4日上午9时，首批患者从多家医院转入东湖医院。"
        "患者由救护车直接送达病房楼外。"
        "西湖工地上，上千名工人昼夜施工，将于2月8日完工。"
        "工人们说，再苦再累也要按时完成任务。",
    )
]


def _parts(title: str) -> list[str]:
    return [normalize(part) for part in title.split()]


def test_the_other_storys_sentence_gets_no_title_word_of_the_asked_part() -> None:
    forms = [["西湖"], ["医院"], ["交付"]]
    withheld = title_words_withheld(
        _parts(TITLE), forms, ["首批患者转入东湖医院。", "西湖工地将于2月8日完工。", "施工顺利。"]
    )
    # about the first part (首批, 患者, 东湖): 西湖 and 交付 are the second part's only
    assert withheld[0] == frozenset({0, 2})
    # about the second part, or about neither: every title word is lent
    assert withheld[1] == frozenset()
    assert withheld[2] == frozenset()


def test_a_word_inside_a_longer_word_of_the_other_part_marks_neither() -> None:
    # 神山 (jieba's cut of 雷神山) is printed in 火神山: a 火神山 sentence is not about the 雷神山 part
    parts = _parts("火神山医院收治首批患者 雷神山医院即将交付使用")
    withheld = title_words_withheld(parts, [["雷神山"], ["交付"]], ["火神山医院收治患者。"])
    assert withheld[0] == frozenset({0, 1})


def test_a_subtitle_sharing_no_word_lends_to_every_sentence() -> None:
    # a summing-up subtitle of the same story, not a second story
    parts = _parts("习近平在大会开幕式上致辞 强调中国坚持以民为本")
    withheld = title_words_withheld(parts, [["习近平"], ["宣布"]], ["中国坚持以民为本，我宣布援助。"])
    assert withheld == [frozenset()]


def test_a_one_part_title_lends_to_every_sentence() -> None:
    assert title_words_withheld(["西湖医院交付使用"], [["交付"]], ["东湖医院收治患者。"]) == [frozenset()]


def test_when_asked_about_the_second_story_its_own_sentence_answers() -> None:
    answer = best_sentence("西湖医院什么时候交付的？", ["西湖", "医院", "交付"], DOCS)
    assert answer is not None and "2月8日" in answer.sentence


def test_when_asked_about_the_first_story_its_sentence_still_answers() -> None:
    answer = best_sentence("东湖医院什么时候收治首批患者", ["东湖", "医院", "收治", "首批", "患者"], DOCS)
    assert answer is not None and "2月4日" in answer.sentence


# The story of the real case: its text tells of 火神山 only; the 雷神山 part of its headline is told elsewhere.
HUOSHENSHAN = (
    1,
    "火神山医院收治首批患者 雷神山医院即将交付使用",
    "2月4日上午9时，首批患者从多家医院转入火神山医院。"
    "患者由救护车直接送达病房楼外，医院工作人员有序接收。"
    "火神山医院共有1000张床位。",
)


def test_a_first_result_sentence_about_the_other_story_holding_one_shared_word_does_not_answer() -> None:
    # issue 20: 医院 alone is a sixth of the question's words; the 火神山 sentence's date is not 雷神山's
    assert best_sentence("雷神山医院什么时候交付的？", ["雷神山", "医院", "交付"], [HUOSHENSHAN]) is None


def test_the_same_headline_s_sentence_of_the_story_asked_about_still_answers() -> None:
    answer = best_sentence(
        "火神山医院什么时候收治首批患者", ["火神山", "医院", "收治", "首批", "患者"], [HUOSHENSHAN]
    )
    assert answer is not None and "2月4日" in answer.sentence
