"""How many: the figure written right after the deed asked (取了多少钱 → 取出2万元), an amount asked per period not
answered by a running total (累计), and a question's word glued to its measure word (节讲座) read as news writes it.
Hand-made stories (issue 20)."""

from storage.search.answers import PLAIN, best_sentence
from storage.search.answers.counts import deed_of_amount, figures_deed, howmany_strength, unglued
from storage.search.answers.strength import FAINT, Asked


def test_the_deed_before_how_many_is_read_and_its_figure_found() -> None:
    assert deed_of_amount("张明在银行取了多少钱") == "取"
    assert deed_of_amount("村里的合作社有几台拖拉机") is None  # 有 says what there is, no deed
    asked = Asked("张明在银行取了多少钱", ("张明", "银行"))
    assert figures_deed("张明到银行取出2万元，交给了村委会。", "取", asked)
    assert not figures_deed("张明说，银行里还有5万元存款。", "取", asked)
    counted = Asked("老王参赛以来拿过多少奖杯", ("老王", "参赛", "奖杯"))
    assert not figures_deed("老王拿到了60岁以上组的第二名。", "拿", counted)  # no 奖杯 counted there


def test_the_figure_after_the_deed_answers_over_another_figure_of_the_story() -> None:
    story = "张明说，银行里还有5万元存款。张明到银行取出2万元，交给了村委会。"
    answer = best_sentence("张明在银行取了多少钱", ["张明", "银行"], [(1, "张明的存款", story)])
    assert answer is not None and "取出2万元" in answer.sentence


def test_a_running_total_does_not_answer_an_amount_per_day() -> None:
    asked = Asked("这家医院每天能接诊多少病人", ("医院", "接诊", "病人"))
    assert howmany_strength("医院开诊以来累计接诊病人1.2万人。", asked) <= FAINT
    assert howmany_strength("医院每天接诊病人300人左右。", asked) == PLAIN
    total = Asked("这家医院一共接诊了多少病人", ("医院", "接诊", "病人"))
    assert howmany_strength("医院开诊以来累计接诊病人1.2万人。", total) == PLAIN
    story = "医院开诊以来累计接诊病人1.2万人。目前医院接诊病人每天300人左右。"
    answer = best_sentence("这家医院每天能接诊多少病人", ["医院", "接诊", "病人"], [(1, "新医院", story)])
    assert answer is not None and "300人" in answer.sentence


def test_a_word_glued_to_its_measure_word_is_read_without_it() -> None:
    texts = ["老李一年开设讲座120节，听众上万人。"]
    assert unglued("节讲座", "老李一年开过多少节讲座", texts) == "讲座"
    assert unglued("节讲座", "老李一年开过多少节讲座", ["每节讲座一小时。"]) == "节讲座"  # printed glued: kept
    assert unglued("访问量", "这个网页一共有多少访问量", ["访问量达到2.5亿。"]) == "访问量"
    assert unglued("讲座课", "老李讲座课讲得好吗", texts) == "讲座课"  # not beside 多少 / 几
