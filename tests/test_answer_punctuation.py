"""The answer rules read normalised text, which holds ASCII commas, colons and semicolons: a rule written with
the full-width forms only never matched."""

from storage.search.answers import PLAIN, kind_strength
from storage.text.normalize import normalize


def test_a_list_after_a_colon_answers_a_which_question():
    sentence = normalize("这次重点检查7方面内容：食品安全；消防安全；安全生产。")
    assert ":" in sentence and ";" in sentence  # what the rules see
    assert kind_strength(sentence, "which", "这次检查了哪些方面", ("检查",)) == PLAIN


def test_an_enumeration_with_a_comma_answers_a_which_question():
    sentence = normalize("第一，加快建设保障性住房，第二，推进老旧小区改造。")
    assert kind_strength(sentence, "which", "会议部署了哪些工作", ("部署",)) == PLAIN


def test_a_cause_after_shou_stays_in_its_clause():
    why = "为什么航班取消了"
    assert kind_strength(normalize("受台风影响，航班取消。"), "why", why, ("航班", "取消")) == PLAIN
    # 受 and 影响 in two clauses: no 受…影响 cause
    assert (
        kind_strength(normalize("他受邀出席，会议的影响很大，航班取消。"), "why", why, ("航班", "取消"))
        < PLAIN
    )
