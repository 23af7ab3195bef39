"""哪几天 asks for days, and a question about now reads the clause news opens with 现在 / 目前 (the fifth
development set, issue 20)."""

from storage.search.answer import best_sentence, question_kind


def test_which_days_asks_when():
    assert question_kind("那个论坛开了哪几天") == "when"
    assert question_kind("会议部署了哪几项工作") == "which"


def test_a_question_about_now_reads_the_sentence_saying_now():
    body = (
        "善洲林场又叫大亮山林场，位于云南省保山市施甸县城东南44公里处。"
        "过去由于毁林开荒，这里水土流失问题严重，林场森林覆盖率最初不足17%。"
        "1988年，原保山地委书记杨善洲退休后，一头扎进大亮山，带领当地群众植树造林。"
        "现在，这里的森林覆盖率已达97%，5.6万亩的国家级生态公益林枝繁叶茂，为大亮山重新披上了绿装。"
    )
    q = "杨善洲种树的大亮山现在森林覆盖率有多少"
    answer = best_sentence(q, ["杨善洲", "种树", "大亮", "森林", "覆盖率"], [(1, "荒山林海 树木树人", body)])
    assert answer is not None and "97%" in answer.sentence
    before = best_sentence(
        "杨善洲种树的大亮山最初森林覆盖率有多少",
        ["杨善洲", "种树", "大亮", "森林", "覆盖率"],
        [(1, "荒山林海", body)],
    )
    assert before is not None and "17%" in before.sentence
