"""A name asked by the word for its kind (issue 20): a quoted name of that kind (ending like it, written beside it,
given by 以“…”命名) answers a what-question, and a quoted name in a sentence without the word is not the name asked
(合作社叫什么名字: not the father's “老把式”)."""

from __future__ import annotations

from storage.search.answers import HOLDS_KIND
from storage.search.answers.names import quoted_of_kind, thing_named_asked
from storage.search.answers.strength import STRONG_KIND, Asked
from storage.search.query import parse_query
from storage.text.normalize import normalize
from tests.answer_support import answer_line, fact_strength


def _asked(question: str) -> Asked:
    return Asked(normalize(question), tuple(parse_query(question).terms))


def test_the_thing_named_is_the_word_before_the_name_asked() -> None:
    assert thing_named_asked(_asked("龚光辉和父亲弟弟办的合作社叫什么名字")) == "合作社"
    assert thing_named_asked(_asked("李竹如在济南办的是什么报纸")) == "报纸"
    assert thing_named_asked(_asked("这个东西叫什么")) is None


def test_a_quoted_name_is_of_the_kind_by_its_ending_or_its_place() -> None:
    newspaper = _asked("李竹如在济南办的是什么报纸")
    assert quoted_of_kind("并在济南创办《新亚日报》，宣传抗日救亡。", newspaper, "报纸")
    assert not quoted_of_kind("他常说“一张报纸胜过一发炮弹”。", newspaper, "报纸")
    ships = _asked("返航的是哪几艘远望号测量船")
    assert quoted_of_kind("所属的测量船“远望3号”顺利停靠码头。", ships, "测量船")
    cooperative = _asked("龚光辉和父亲弟弟办的合作社叫什么名字")
    assert quoted_of_kind("三人共同成立了合作社，以“天柱山”命名。", cooperative, "合作社")
    assert not quoted_of_kind("父亲是当地名副其实的“老把式”。", cooperative, "合作社")


def test_a_newspaper_quoted_answers_what_newspaper() -> None:
    question = "李竹如在济南办的是什么报纸"
    assert fact_strength("并在济南创办《新亚日报》，宣传抗日救亡。", "what", question) >= STRONG_KIND
    assert fact_strength("他在济南写过《春天的故事》。", "what", question) < HOLDS_KIND


def test_the_quoted_name_given_to_the_cooperative_answers() -> None:
    body = (
        "父亲养鸡30多年，是当地名副其实的“老把式”，养活了全家老小，还圆了龚光辉和弟弟的大学梦。"
        "2010年初，三人共同成立了合作社，以“天柱山”命名，龚光辉担任合作社理事长。"
    )
    line = answer_line("龚光辉和父亲弟弟办的合作社叫什么名字", "龚光辉回乡养鸡", body)
    assert "天柱山" in line
