"""Issue 20, when: the date of the deed asked (哪年入的党: the date before 加入…党, not another date of the life), a
year asked answered by a year, a clock time of the night (午夜1点), and a dynasty's time (东晋以后)."""

from __future__ import annotations

from storage.search.answers.questions import deed_asked
from tests.answer_support import answer_line, fact_strength

_LIFE = (
    "王立山，河北省易县人，1952年参加工作。\n"
    "1956年10月，王立山加入中国共产党，后调任县公安局副局长。\n"
    "1978年3月12日，王立山在抢险中壮烈牺牲，年仅46岁。"
)


def test_a_deed_asked_with_its_verb_and_object_parted_by_de_is_the_deed() -> None:
    assert deed_asked("王立山什么时候入的党", []) == ["入党", "党"]
    assert deed_asked("他们哪年结的婚？", []) == ["结婚", "婚"]
    assert deed_asked("这是哪一年的事", []) == []  # no verb before 的


def test_the_date_before_the_deed_asked_answers_over_a_fuller_date_of_another_deed() -> None:
    assert "1956年10月" in answer_line("王立山什么时候入的党", "人民卫士王立山", _LIFE)


def test_a_year_asked_is_only_hinted_at_by_days_without_a_year() -> None:
    question = "王立山哪年入的党"
    assert fact_strength("8月20日，王立山率部赶赴灾区。", "when", question) <= 0.5
    assert fact_strength("同年8月，王立山加入中国共产党。", "when", question) > 0.5
    assert fact_strength("8月20日，王立山率部赶赴灾区。", "when", "王立山哪天赶赴灾区") == 1.0


def test_a_clock_time_of_the_night_answers_what_time() -> None:
    assert fact_strength("活动期间，展馆开放时间延长到午夜1点。", "when", "展馆开到几点") == 1.0


def test_a_dynasty_with_a_word_of_its_time_dates_history() -> None:
    assert fact_strength("唐代以后，茶叶开始在民间普及。", "when", "茶叶是从什么时候开始普及的") >= 0.5
    assert fact_strength("唐代诗人留下了许多名篇。", "when", "名篇是什么时候写的") == 0.0
