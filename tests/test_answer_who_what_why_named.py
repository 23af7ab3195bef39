"""The answer line holds the fact asked for (issue 20): a person called by surname and calling (老周, 张医生) is named in
full by a name opening with that surname; a name jieba learnt whole (nrfg) is a person's; a code or a name before 等
and the kind's word (东航MU5101航班, 与中兴通讯等企业) names one of the kind asked; the problem a deed was set against
(针对…的问题，…) and the good it is expected to do (…，有助于…) state a reason."""

from __future__ import annotations

from storage.search.answers import best_sentence
from storage.search.answers.kinds import kind_strength
from storage.search.answers.names import named_instances
from storage.search.answers.people import surname_asked
from storage.search.answers.questions import question_kind
from storage.search.answers.strength import HOLDS_KIND, PLAIN
from storage.search.query import parse_query
from storage.text.normalize import normalize

CLINIC = [
    (
        1,
        "援疆医生在县医院的一年",
        "“有了援疆专家的帮助，我们科室能独立完成各种内科手术，很多病人慕名而来。”县医院内科主任刘海峰介绍，"
        "去年县医院内科被评为全州优秀科室。"
        "一位牧民老人胸痛难忍，连夜被送到医院。"
        "援疆专家、县医院内科主任张晓梅接诊了他。",
    )
]

WORKSHOP = [
    (
        2,
        "老街上的修车铺",
        "老街上有一家开了二十年的修车铺，街坊都叫店主老周。"
        "二十年前，周建国从师傅手里接过这间铺子，一干就是二十年。"
        "街道办主任王立新说，修车铺是老街的一块招牌。",
    )
]


def _answer(question: str, story: list[tuple[int, str, str]]) -> str:
    parsed = parse_query(question)
    answer = best_sentence(question, parsed.terms, story, groups=parsed.groups)
    assert answer is not None
    return answer.sentence


def _strength(sentence: str, kind: str, question: str) -> float:
    parsed = parse_query(question)
    return kind_strength(normalize(sentence), kind, normalize(question), parsed.terms)


def test_a_person_called_by_surname_and_calling_is_asked_for_a_name() -> None:
    assert question_kind("县医院那个援疆来的张医生全名叫什么") == "who"
    assert question_kind("老街修车铺的老周全名叫啥") == "who"
    assert question_kind("那个修车的大叔叫啥") == "who"
    # a thing's name is still a name
    assert question_kind("那家修车铺叫什么名字") == "name"
    assert surname_asked("县医院那个援疆来的张医生全名叫什么") == "张"
    assert surname_asked("老街修车铺的老周全名叫啥") == "周"
    # a calling alone, or a post after what heads it, gives no surname (老师, 县委书记, 内科医生)
    assert surname_asked("那位老师叫什么") is None
    assert surname_asked("县委书记是谁") is None
    assert surname_asked("内科医生是谁") is None


def test_the_name_opening_with_the_surname_answers_over_another_person_of_the_story() -> None:
    answer = _answer("县医院内科那个援疆来的张医生全名叫什么", CLINIC)
    assert "张晓梅" in answer
    assert "刘海峰" not in answer
    assert (
        _strength("县医院内科主任刘海峰介绍，去年县医院内科被评为全州优秀科室。", "who", "张医生全名叫什么")
        < PLAIN
    )


def test_a_name_jieba_learnt_whole_is_a_persons() -> None:
    # jieba tags 王秀娟 nrfg, not nr
    assert (
        _strength("市妇联主席、市政协委员王秀娟说，今年将办好十件实事。", "who", "市政协委员是谁")
        >= HOLDS_KIND
    )


def test_a_code_or_a_name_before_the_kinds_word_names_one_of_the_kind() -> None:
    assert named_instances("两人搭乘东航mu5101航班抵达上海。", "航班", "他们坐的哪个航班") == ["mu5101航班"]
    listed = named_instances("该项目由研究院与中兴通讯等企业共同完成。", "企业", "跟哪家企业一起做的")
    assert any(name.endswith("中兴通讯等企业") for name in listed)
    # a count or a pointer before 等 names none (其他等企业, 一家等企业)
    assert named_instances("其他等企业也在观望。", "企业", "哪家企业") == []


def test_the_problem_a_deed_was_set_against_and_the_good_it_does_state_a_reason() -> None:
    question = "市里为啥要发放消费券"
    assert _strength("针对餐饮商户客流下降的问题，市里发放了五千万元消费券。", "why", question) >= HOLDS_KIND
    assert _strength("市里发放了五千万元消费券，有助于带动餐饮商户回暖。", "why", question) >= HOLDS_KIND
    # 针对 naming no problem, or 有助于 opening no clause of its own, is no reason
    assert _strength("市里针对餐饮商户发放了五千万元消费券。", "why", question) < HOLDS_KIND
