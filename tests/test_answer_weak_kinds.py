"""Answers of the kinds the answer line was weakest on (the sixth development set, issue 20): a length of time
asked (多长时间, 多久), a rate of a period (一年 → 每年), and the holder of a post against the holder of
another post written after it (总经理助理)."""

from storage.search.answers import FAINT, LIKELY, PLAIN, best_sentence, fact_test, kind_strength
from storage.text.normalize import normalize


def test_a_length_of_time_is_answered_by_any_unit_of_time():
    q = "中央第五轮巡视要在被巡视单位待多长时间"
    terms = ("中央", "第五轮", "巡视")
    length = normalize("据悉，各中央巡视组将在被巡视单位工作2个月左右。")
    other = normalize("十九届中央第五轮巡视对35个中央和国家机关单位党组织开展常规巡视。")
    assert kind_strength(length, "howmany", q, terms) == PLAIN
    assert kind_strength(other, "howmany", q, terms) == FAINT  # a count, not a length of time
    assert kind_strength(normalize("宽限期为一至三个月。"), "howmany", "宽限期是多久", ("宽限期",)) == PLAIN
    # a year or a month is a date, not a length of time
    dated = normalize("巡视组于2020年5月进驻。")
    assert kind_strength(dated, "howmany", q, terms) < LIKELY
    # the ranking is given no test for it: some length of time is in most stories
    assert fact_test(q, list(terms)) is None
    body = (
        "截至5月16日，十九届中央第五轮巡视15个巡视组已完成对35个中央和国家机关单位党组织的进驻工作，"
        "十九届中央第五轮巡视全面展开。\n"
        "经党中央批准，本轮巡视集中对35个中央和国家机关单位党组织开展常规巡视。\n"
        "据悉，各中央巡视组将在被巡视单位工作2个月左右。"
    )
    answer = best_sentence(q, list(terms), [(1, "十九届中央第五轮巡视全部进驻", body)])
    assert answer is not None and "2个月左右" in answer.sentence


def test_a_period_asked_is_printed_as_a_rate():
    q = "额勒赛水电站一年给柬埔寨发多少电"
    terms = ["额勒赛", "水电站", "一年", "柬埔寨"]
    body = (
        "截至目前，额勒赛水电站已累计发电量超52亿度，并获得柬埔寨有关部门颁发的多个奖项。\n"
        "在额勒赛水电站竣工仪式上，柬埔寨首相洪森宣布，因为额勒赛项目投产后每年可为全国提供约10亿度的廉价电量，"
        "从2015年起政府将逐年降低居民用电价格。"
    )
    answer = best_sentence(q, terms, [(1, "中企承建的水电站点亮柬埔寨", body)])
    assert answer is not None and "约10亿度" in answer.sentence
    # a day asked: 每天 / 日均
    daily = "目前我国核酸检测能力达150万份每天。\n全国累计检测核酸样本超过4000万份。"
    answer = best_sentence("核酸检测一天能做多少份", ["核酸", "检测", "一天"], [(1, "发布会", daily)])
    assert answer is not None and "150万份每天" in answer.sentence


def test_the_holder_of_a_post_is_not_the_holder_of_the_post_after_it():
    q = "额勒赛项目公司总经理是谁"
    terms = ("额勒赛", "项目", "公司", "总经理")
    assistant = normalize("据额勒赛项目公司总经理助理谢益明介绍，电站高峰年份发电量一度超过30%。")
    holder = normalize("柬埔寨中国商会电力企业协会会长、额勒赛项目公司总经理乐建华告诉本报记者。")
    assert kind_strength(holder, "who", q, terms) == PLAIN
    assert kind_strength(assistant, "who", q, terms) < PLAIN
    answer = best_sentence(
        q,
        list(terms),
        [(1, "中企承建的水电站点亮柬埔寨", assistant + "\n" + "项目运行稳定。\n" + holder)],
    )
    assert answer is not None and "乐建华" in answer.sentence


def test_the_first_item_of_a_list_asked_is_the_sentence_opening_with_yi_shi():
    q = "求是那篇脱贫文章说脱贫攻坚积累的第一条经验是啥"
    terms = ["求是", "脱贫", "攻坚", "积累", "第一条", "经验"]
    first = normalize("一是坚持党的领导，强化组织保证。")
    assert kind_strength(first, "what", q, terms) == PLAIN
    assert kind_strength(first, "what", "脱贫攻坚积累了什么经验", ["脱贫", "攻坚", "经验"]) < PLAIN
    body = (
        "文章指出，要深刻认识我国脱贫攻坚取得的决定性进展。\n"
        "文章指出，在脱贫攻坚的伟大实践中，我们积累了许多宝贵经验。一是坚持党的领导，强化组织保证。"
        "二是坚持精准方略，提高脱贫实效。"
    )
    answer = best_sentence(q, terms, [(1, "《求是》杂志发表重要文章", body)])
    assert answer is not None and "一是坚持党的领导" in answer.sentence


def test_a_deed_then_what_it_was_meant_to_do_answers_why():
    q = "法国前总理当年为啥坚持在非典时访华"
    terms = ("法国", "总理", "当年", "坚持", "非典", "时访华")
    meant = normalize("我作为法国总理坚持率团访华，就是要体现法国政府对中国政府抗击非典疫情的坚定支持。")
    assert kind_strength(meant, "why", q, terms) > FAINT
    assert kind_strength(normalize("我作为法国总理坚持率团访华。"), "why", q, terms) < FAINT


def test_a_closing_dateline_is_no_answer():
    q = "中国和尼泊尔哪年建交的"
    terms = ["中国", "尼泊尔", "建交"]
    body = (
        "班达里表示，自两国建交以来，尼中关系一直保持着良好的发展势头。\n"
        "从1955年尼中两国建交起，中国政府就持续向尼泊尔提供经济援助与合作。\n"
        "（本报加德满都10月9日电）"
    )
    answer = best_sentence(q, terms, [(1, "访尼泊尔总统班达里", body)])
    assert answer is not None and "1955年" in answer.sentence and "本报" not in answer.sentence
