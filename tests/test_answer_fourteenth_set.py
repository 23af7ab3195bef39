"""Issue 20, the answer line on the fourteenth set: a when-question is answered by the sentence whose date stands
before the deed asked about (于2004年1月25日成功着陆火星), as news puts the time of a deed before its verb, rather than
by a sentence holding more of the question's words that dates another deed of the story; the report's own day dates
the deed it stands before, and a day asked in a month the question names is not one of another month."""

from __future__ import annotations

from storage.search.answers.dates import dates_deed, when_strength
from storage.search.answers.questions import deed_asked
from storage.search.answers.strength import FAINT, PLAIN, Asked
from tests.answer_support import answer_line


def test_the_deed_asked_is_the_words_after_the_question_word_that_are_no_nouns() -> None:
    assert deed_asked("机遇号火星车哪天着陆火星的", ["机遇", "火星车", "着陆", "火星"]) == ["着陆"]
    assert deed_asked("田径世锦赛几号开赛的", ["田径", "世锦赛", "开赛"]) == ["开赛"]
    assert deed_asked("老王是哪年出生的", ["老王", "出生"]) == ["出生"]
    # nothing follows the question word, or the question asks no time
    assert deed_asked("世锦赛开赛是哪天", ["世锦赛", "开赛"]) == []
    assert deed_asked("世锦赛在哪里开赛", ["世锦赛", "开赛"]) == []


def test_a_date_before_the_deed_dates_it() -> None:
    asked = Asked("机遇号哪天着陆火星的", ("机遇", "着陆", "火星"))
    deed = [("着陆",)]
    assert dates_deed("机遇号于2003年从地球发射，于2004年1月25日成功着陆火星。", deed, asked)
    # a date that is a clause of its own frames the clauses after it
    assert dates_deed("2004年1月25日，随着一声欢呼，机遇号着陆火星。", deed, asked)
    # the deed's word before 于 and the date
    assert dates_deed("机遇号着陆于2004年1月25日。", deed, asked)
    # the date of another deed, in another clause; a deed told before the date
    assert not dates_deed("机遇号着陆火星后，2012年1月5日又发回照片。", deed, asked)
    assert not dates_deed("机遇号在火星上着陆，2月3日传回第一张照片。", deed, asked)


def test_a_day_asked_is_dated_by_a_day() -> None:
    deed = [("开赛",)]
    day = Asked("世锦赛几号开赛的", ("世锦赛", "开赛"), report_day=4)
    assert dates_deed("自9月27日开赛以来，中国队佳绩不断。", deed, day)
    assert not dates_deed("2019年开赛的世锦赛。", deed, day)  # a year dates no day
    # a time asked in general (什么时候) is dated by a year or a month too
    assert dates_deed(
        "公众号自2014年2月创办以来。", [("创办",)], Asked("公众号什么时候创办的", ("公众号", "创办"))
    )


def test_the_date_of_the_deed_asked_answers_over_another_date_holding_more_words() -> None:
    question = "今年的赛艇赛几号开赛的"
    body = (
        "自9月27日开赛以来，各队成绩不断提高。\n"
        "赛事吸引了12支队伍。\n"
        "3日晚，东湖赛艇赛男子八人艇决赛中，江城队夺得冠军，这是江城队在本届东湖赛艇赛的第二枚金牌。"
    )
    assert "9月27日" in answer_line(question, "江城队夺冠", body)


def test_the_report_s_own_day_before_the_deed_dates_it() -> None:
    question = "2020年5月巴基斯坦参议院是哪天通过决议感谢中国的"
    body = (
        "新华社伊斯兰堡5月14日电 巴基斯坦参议院14日通过决议，感谢中国对巴基斯坦抗疫的支持。\n"
        "多位议员在会上发言。\n"
        "决议指出，巴基斯坦和中国将在5月21日迎来建交纪念日，参议院通过决议感谢中国也是为了庆祝友谊。"
    )
    assert "14日通过决议" in answer_line(question, "巴参议院决议感谢中国", body)


def test_a_day_asked_in_a_month_named_is_no_day_of_another_month() -> None:
    question = "2020年4月习近平和普京是哪天通的电话"
    asked = Asked(question, ("习近平", "普京", "电话"))
    assert when_strength("3月19日，习近平同普京通电话。", asked) == FAINT
    assert when_strength("2020年4月16日，习近平同普京通电话。", asked) == PLAIN
    assert when_strength("3月19日，习近平同普京通电话。", Asked("习近平和普京是哪天通的电话", ())) == PLAIN
    body = (
        "3月19日，习近平同俄罗斯总统普京通电话，两国元首就疫情交换意见。\n"
        "在4月16日两国领导人通电话时，习近平强调中俄应携手合作。"
    )
    assert "4月16日" in answer_line(question, "中俄元首通电话", body)
