"""Issue 20: a what-question asking what a deed was done to (捐了什么, 种的是什么花) is answered by the sentence
writing the deed's verb followed by the thing, as news writes it (捐赠茉莉花茶, 种植金银花), not by one that
only says who the person is. Hand-made stories in the shape of a news report."""

from __future__ import annotations

from storage.search.answers import LIKELY, NOTHING
from tests.answer_support import answer_line, fact_strength


def test_a_verb_followed_by_a_thing_the_question_lacks_holds_the_object() -> None:
    assert (
        fact_strength(
            "地震发生后，该国总理向灾区捐赠茉莉花茶，表达慰问。", "what", "地震后那个总理给灾区捐了什么"
        )
        >= LIKELY
    )


def test_the_verb_without_a_new_thing_after_it_holds_no_object() -> None:
    # 捐 is written, but nothing the question lacks follows it in its clause
    assert (
        fact_strength("总理说，灾区需要捐，我们会尽力。", "what", "地震后那个总理给灾区捐了什么") == NOTHING
    )


def test_what_a_thing_is_asks_no_deed() -> None:
    # 是什么 asks what something is: the verb 是 has no object to look for
    assert fact_strength("合作社成立后种植金银花。", "what", "那个合作社是什么") < LIKELY


def test_what_someone_did_for_a_living_keeps_reading_what_the_person_is() -> None:
    # 做什么工作 asks a role, which news writes as what the person is (王明是报务员)
    assert fact_strength("王明是当年四大队的报务员。", "what", "王明当年在四大队做什么工作") > NOTHING


def test_the_answer_holds_what_was_donated_though_another_sentence_holds_more_words() -> None:
    body = "斐济总理表示，斐济将与灾区人民坚定站在一起。地震发生后，总理向受灾地区捐赠茉莉花茶，表达慰问。"
    answer = answer_line("地震后斐济总理给灾区捐了什么", "多国领导人慰问地震灾区", body)
    assert "茉莉花茶" in answer


def test_what_the_doer_is_does_not_answer_what_was_done() -> None:
    # 王明是县农业局干部 says what the doer is; 捐的是什么 asks what he gave (种的是什么花 is not read so: jieba tags 种
    # a measure word)
    doer = "第一书记王明是县农业局干部，石岭村村民起初并不看好他。"
    assert fact_strength(doer, "what", "王明给石岭村捐的是什么") == NOTHING
    assert fact_strength(doer, "what", "王明是什么人") > NOTHING  # a what-is question keeps reading it


def test_the_character_before_shenme_is_read_as_a_verb_only_when_jieba_tags_its_word_a_verb() -> None:
    from storage.search.answers.names import _verb_asked

    assert _verb_asked("斯里兰卡总统给中国捐了什么") == "捐"
    assert _verb_asked("习近平给金正恩回的是什么") == "回"
    # the last character of a name or a noun before 什么 is no verb (美国 / 体系 / 最大)
    assert _verb_asked("伊朗称击中了美国什么战斗机") is None
    assert _verb_asked("基础研究是整个科学体系的什么") is None
    assert _verb_asked("国芯科技是全球最大的什么设计公司") is None


def test_by_what_means_asks_no_deed() -> None:
    # 是靠什么 asks by what means, which news writes as a cause (这得益于…), not as 靠 followed by a thing
    from storage.search.answers.names import _verb_asked

    assert _verb_asked("车间设备多了十倍人只多了两倍是靠什么") is None
    question = "车间设备多了十倍人只多了两倍是靠什么"
    assert fact_strength("车间主任说，工人靠手艺吃饭。", "what", question) < LIKELY
