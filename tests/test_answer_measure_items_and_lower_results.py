"""Facts no answer candidate held (issue 20): a count written before the word a how-many question writes after 多少
(多少回合: 战至62回合), the items a sentence announces by their number (有哪三大应用场景: …三大应用场景。一是…), and a
lower result's fact when the first result's answer holds few of the question's words."""

from __future__ import annotations

from storage.search.answers import HOLDS_KIND, best_sentence
from storage.search.answers.counts import measure_written
from storage.search.answers.sentences import OFF_TOPIC_SHARE, reads_further
from storage.search.query import parse_query
from tests.answer_support import answer_line, fact_strength


def test_a_count_before_the_word_asked_after_how_many_holds_the_kind() -> None:
    question = "第十盘下到多少回合赢的"
    assert fact_strength("最终战至62回合，她赢得胜利。", "howmany", question) >= HOLDS_KIND
    assert measure_written("全体起立，70响礼炮响彻云霄。", "大会放了多少响礼炮")


def test_an_ordinal_or_the_question_own_number_counts_nothing() -> None:
    assert not measure_written("对抗赛战罢第十一盘慢棋。", "一共要下几盘慢棋")
    assert not measure_written("第10盘慢棋下完了。", "第10盘慢棋下到多少回合")
    assert measure_written("本次对抗赛共进行12盘慢棋争夺。", "一共要下几盘慢棋")


def test_the_salute_is_answered_by_the_sentence_counting_it() -> None:
    body = (
        "10月1日上午，庆祝大会在广场隆重举行，20余万军民欢庆节日。"
        "报时钟声响起，10时整，庆祝大会开始。"
        "全体起立，70响礼炮响彻云霄，护卫队官兵护卫着国旗行进至升旗区。"
    )
    assert "70响礼炮" in answer_line("庆祝大会放了多少响礼炮", "庆祝大会在广场隆重举行", body)


def test_the_items_a_sentence_announces_follow_it() -> None:
    body = (
        "新技术推动信息技术融合，成为经济增长新引擎。"
        "5G技术目前主要有三大应用场景。"
        "一是增强移动宽带，提供大带宽高速率的移动服务。"
        "二是海量机器类通信，面向物联网应用。"
    )
    line = answer_line("5G主要有哪三大应用场景", "5G技术的应用场景", body)
    assert "三大应用场景。一是增强移动宽带" in line


def test_no_items_are_added_when_no_list_is_asked() -> None:
    body = "5G技术目前主要有三大应用场景。一是增强移动宽带，提供大带宽高速率的移动服务。"
    line = answer_line("5G技术有几大应用场景", "5G技术的应用场景", body)
    assert "一是" not in line


# The first result tells of another exhibition and counts its pieces in a sentence holding few of the question's
# words; the second, about the exhibition asked of, gives the count beside them.
DOCS = [
    (
        1,
        "庆祝国庆照片实物展在群众艺术馆开幕",
        "庆祝国庆照片实物展在群众艺术馆开幕。从各地征集而来的150幅与天安门的合影，以及300余件藏品，吸引了观众踊跃参观。",
    ),
    (
        2,
        "走进新中国成就展",
        "走进成就展，一个感受特别明显：展览仿佛一条时光隧道。第一艘万吨级远洋货轮下水，第一座高能加速器对撞成功……"
        "150件标有“新中国第一”的照片和实物，见证了新中国的发展。",
    ),
]
QUESTION = "成就展上标着新中国第一的照片和实物有多少件"


def test_a_lower_result_answers_when_the_first_answer_is_off_the_topic() -> None:
    parsed = parse_query(QUESTION)
    answer = best_sentence(QUESTION, parsed.terms, DOCS, groups=parsed.groups)
    assert answer is not None
    assert "150件标有" in answer.sentence


def test_only_the_weak_kinds_read_past_an_off_topic_first_answer() -> None:
    from storage.search.answers.reading import read

    article = read(DOCS, 5)[1]
    below, above = OFF_TOPIC_SHARE - 0.1, OFF_TOPIC_SHARE + 0.1
    assert reads_further(1.0, 0.8, 0.8, QUESTION, article, kind="howmany", first_share=below)
    assert not reads_further(1.0, 0.8, 0.8, QUESTION, article, kind="howmany", first_share=above)
    assert not reads_further(1.0, 0.8, 0.8, QUESTION, article, kind="when", first_share=below)
    assert not reads_further(1.0, 0.7, 0.8, QUESTION, article, kind="howmany", first_share=below)
