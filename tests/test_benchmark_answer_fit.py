"""`benchmarks.answer_fit`: the table of spans replays today's answer exactly, labels each span by the answer line
built from it, and its features read what they say (hand-made stories; no search, no fitting on real sets)."""

from __future__ import annotations

import pytest

from benchmarks import answer_fit as F
from storage.search.answers import best_sentence
from storage.search.query import parse_query

QUESTION = "青山湖大桥是哪天通车的"
FIRST = (
    1,
    "青山湖大桥建成",
    "青山湖大桥全长2.3公里，由市交通集团承建。"
    "大桥于2019年10月18日正式通车，过江时间从40分钟缩短到5分钟。"
    "当天，不少市民赶来参观。",
)
SECOND = (2, "全市交通建设提速", "今年以来，全市新开工道路12条。青山湖大桥通车后，东西两岸交通更加便利。")


def _call(docs: list[tuple[int, str, str]]) -> dict:
    parsed = parse_query(QUESTION)
    answer = best_sentence(QUESTION, parsed.terms, docs, groups=parsed.groups)
    return {
        "query": QUESTION,
        "terms": list(parsed.terms),
        "docs": docs,
        "groups": list(parsed.groups),
        "max_docs": 5,
        "close": 1,
        "answer": answer,
    }


def test_the_table_replays_todays_answer_and_labels_the_span_holding_the_fact():
    call = _call([FIRST, SECOND])
    question = F.question_of("hand", call, "2019年10月18日", True)
    assert question is not None and question.replay_ok
    assert question.kind == "when"
    assert question.others > 0  # spans without a date were weighed but may not answer a when-question
    today = max(question.candidates, key=lambda c: c.current)
    assert today.right  # today's choice is the sentence with the day
    assert F.today_right([question]) == 1 and F.ceiling([question]) == 1
    # a fact the answer line does not hold: the same choice, labelled wrong
    elsewhere = F.question_of("hand", call, "不少市民", True)
    assert elsewhere is not None and elsewhere.replay_ok and F.today_right([elsewhere]) == 0


def test_a_span_read_back_from_the_score_gives_its_parts():
    # score = share + KIND_BONUS·strength + CLAUSE_BONUS·tie − RANK_PENALTY·rank − PAIR_PENALTY·(sentences − 1)
    score = 0.6 + F.KIND_BONUS * 1.0 + F.CLAUSE_BONUS * 0.4 - F.RANK_PENALTY * 1 - F.PAIR_PENALTY
    assert F._tie(score, 0.6, 1.0, 1, 2) == 0.4


def test_the_gap_counts_clauses_between_the_fact_and_the_questions_words():
    units = [("大桥",), ("通车",)]
    same = F._gap("大桥于2019年10月18日正式通车", "when", "大桥是哪天通车的", ["大桥", "通车"], units)
    # the date frames the clause after it (`clauses`), the bridge is in the next one
    apart = F._gap(
        "2019年10月18日，市长出席了隆重的仪式，大桥正式启用",
        "when",
        "大桥是哪天通车的",
        ["大桥"],
        [("大桥",)],
    )
    none = F._gap("市长出席了隆重的仪式，大桥正式启用", "when", "大桥是哪天通车的", ["大桥"], [("大桥",)])
    assert same == 0.0
    assert apart == 1.0
    assert none == 3.0  # no clause holds a date


def test_a_how_many_span_without_a_number_is_marked():
    assert F._distance("大桥正式通车", "howmany", [("大桥",)]) == (0.0, 1.0)
    dist, none = F._distance("大桥全长2.3公里", "howmany", [("大桥",)])
    assert none == 0.0 and dist < 0.2


def test_the_fitted_choice_follows_the_weights_and_leaving_a_set_out_counts_both_choices():
    np = pytest.importorskip("numpy")  # the bench extra's (through matplotlib), not the test lock's
    good = F.Candidate([0.0] * len(F.FEATURES), (1.0, 0.0, 0, 0), True)
    bad = F.Candidate([0.0] * len(F.FEATURES), (2.0, 0.0, 0, 0), False)
    good.features[F.FEATURES.index("strength")] = 1.0
    questions = [F.Question(name, "when", True, [bad, good]) for name in ("a", "b")]
    t = F.table(questions, per_kind=False)
    w = np.zeros(len(F.FEATURES) + 1)
    w[F.FEATURES.index("strength")] = 1.0
    assert list(t.y[F.fitted_choice(w, t)]) == [1.0, 1.0]
    assert list(t.y[F.today_choice(t)]) == [0.0, 0.0]
    # fitted on the other set, it picks the strong span: (today, fitted, mended, broken, wrong lines today, fitted)
    result = F.leave_one_set_out(t, loss="listwise", lam=0.01)
    assert result == {"a": (0, 1, 1, 0, 1, 0), "b": (0, 1, 1, 0, 1, 0)}
