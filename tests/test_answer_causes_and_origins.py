"""Issue 20, the answer line's causes and the tuned sets' leftovers: a cause written in the clause before its
consequence (…，于是… / …，从而…), a cause after 在于, what befell someone after its cause (因体力不支被…), a why
question answered only by a sentence holding a cause (no line rather than one without it) unless it asks why a
claim is made (为什么说…), 为什么 completing a verb (被誉为什么: as what, not why), and where
someone comes from or lives (是哪个村的人, 家住哪里) answered by 家住… / 是…人 rather than by a place visited,
each on a small hand-written story."""

from __future__ import annotations

from storage.search.answers import PLAIN, WEAK, question_kind
from tests.answer_support import answer_line, fact_strength


def test_the_clause_before_a_consequence_is_its_cause() -> None:
    question = "青石镇为什么关停砖厂"
    assert fact_strength("砖厂烟尘超标多年，于是镇里关停了砖厂。", "why", question) == PLAIN
    assert fact_strength("镇里补贴农户换种茶树，从而提高了收入。", "why", question) == PLAIN
    assert fact_strength("镇里关停了砖厂。", "why", question) < WEAK


def test_a_cause_after_zaiyu_is_a_cause_but_not_inside_cunzaiyu() -> None:
    question = "这个村为什么富起来了"
    assert fact_strength("村子富起来的关键在于办起了合作社。", "why", question) == PLAIN
    assert fact_strength("这种现象普遍存在于山区。", "why", question) < WEAK


def test_why_is_answered_by_a_sentence_holding_a_cause_or_by_nothing() -> None:
    body = (
        "上月底，青石镇砖厂正式关停，青石镇砖厂的工人转岗到茶园。\n"
        "砖厂烟尘超标多年，于是镇里决定关停。\n"
        "镇长说，茶园明年还要扩大。"
    )
    answer = answer_line("青石镇砖厂为什么关停", "青石镇关停砖厂", body)
    assert "烟尘超标" in answer
    # no sentence gives a cause: no answer line rather than the sentence holding most of the words
    plain = "上月底，青石镇砖厂正式关停，青石镇砖厂的工人转岗到茶园。\n镇长说，茶园明年还要扩大。"
    assert answer_line("青石镇砖厂为什么关停", "青石镇关停砖厂", plain) == ""


def test_weishenme_completing_a_verb_asks_as_what() -> None:
    assert question_kind("这部法典被誉为什么") != "why"
    assert question_kind("这座桥被称为什么") != "why"
    assert question_kind("他为什么被评为模范") == "why"
    assert question_kind("因为什么被罚") == "why"


def test_where_someone_comes_from_is_answered_by_jiazhu_or_shi_ren() -> None:
    body = (
        "一大早，孙木林直奔邻县的石桥镇上坝村。\n"
        "“上坝村的鸡蛋要运出去，得赶快去看看。”孙木林说。\n"
        "孙木林是石桥镇下河村人，放了20年的羊。"
    )
    assert "下河村" in answer_line("孙木林是哪个村的人", "人大代表帮扶乡亲", body)
    assert fact_strength("一大早，孙木林直奔石桥镇上坝村。", "where", "孙木林是哪个村的人") <= WEAK
    assert fact_strength("我叫陶小柳，家住南昌市新建区昌北村。", "where", "护鸟员陶小柳家住哪里") == PLAIN


def test_what_befell_someone_after_yin_is_caused() -> None:
    question = "王强为什么被水流卷走"
    assert fact_strength("王强自己因体力不支被湍急的水流卷走。", "why", question) == PLAIN
    body = "王强将同事推出车窗，托举到车顶。\n生死瞬间，王强自己因体力不支被湍急的水流卷走。"
    assert "体力不支" in answer_line(question, "王强舍己救人", body)


def test_why_a_claim_is_made_may_be_answered_without_a_word_of_cause() -> None:
    body = "作为全国重要的产粮基地，河川省每年的粮食产量超过700亿斤。\n省里还建起了大型粮库。"
    assert "700亿斤" in answer_line("为什么说河川省是全国重要的产粮基地", "河川省粮食丰收", body)
    # asked why it happened, a sentence with no cause is no answer
    assert (
        answer_line("河川省为什么建起大型粮库", "河川省粮食丰收", "河川省建起了大型粮库。\n粮库占地百亩。")
        == ""
    )
