"""Issue 20, the answer line on the ninth set: posts news names people by (副总裁, 总干事, 教授), the spoken words
for a spouse (老伴), a street or a river asked by 哪条, places of a level read as names (not 为村子), a time of day
asked, counts in words in the unit asked (两份建议, 第十七批), ordinals not read inside longer ones (第十 / 第十一),
a close lower story holding more of the question's words, causes (因…才, 经调查，原来…), titles given (被授予…称号),
columns named in quotes, 人均GDP, regions (中南部地区) and 永远地离开 for a death, each on a small hand-written
story."""

from __future__ import annotations

from storage.search.answers import (
    PARTIAL,
    PLAIN,
    WEAK,
    best_sentence,
    measured_asked,
    question_kind,
    read_question,
)
from storage.search.query import parse_query
from tests.answer_support import answer_line, fact_strength


def test_business_international_and_university_posts_name_their_holders() -> None:
    body = (
        "“今年订单比去年多了三成。”\n"
        "青禾物流副总裁孙立平分析，冷链运输的环节越来越少，损耗也随之下降。\n"
        "去年开湖当天，青禾物流仅用50分钟就送达第一单。"
    )
    assert "孙立平" in answer_line("青禾物流副总裁是谁", "冷链物流迎来机遇期", body)
    assert "贝拉诺" in answer_line(
        "那个国际组织的总干事是谁",
        "国际组织看好合作前景",
        "会上，这个国际组织总干事贝拉诺向我建议，与中方合建培训中心。\n双方随后签署了备忘录。",
    )
    # 教授 is a post: "…教授是谁" asks for the holder's name, not for the post of a named person
    assert question_kind("评论这次访问的那位大学教授是谁") == "who"
    assert (
        fact_strength("北方国立大学教授马克·伊万诺夫认为，此访意义重大。", "who", "北方国立大学教授是谁")
        == PLAIN
    )


def test_spoken_words_for_a_spouse_and_for_a_social_worker_ask_for_a_person() -> None:
    assert question_kind("老英雄的老伴叫什么") == "who"
    assert question_kind("居委会那个社工叫啥名") == "who"
    body = (
        "老英雄陈大山（上图左）再一次被推到了聚光灯前。\n"
        "“他总说自己只是做了该做的事。”与陈大山相伴40年的妻子王秀兰说。"
    )
    assert "王秀兰" in answer_line("陈大山的老伴叫什么", "老英雄传承优良传统", body)


def test_a_street_or_a_river_asked_by_its_measure_word_is_answered_by_one() -> None:
    assert question_kind("那座石油城建在哪条河边") == "where"
    body = (
        "“这是第一次在中国内地举办他的展览。”纪念馆馆长介绍说。\n"
        "在巴黎十六区雷诺大街12号，一栋不惹眼的小房子静静矗立。这是这位作家的故居。"
    )
    assert "雷诺大街" in answer_line("这位作家的故居在巴黎哪条街", "作家的中国情结", body)
    assert fact_strength("萨拉河从这里缓慢流过。", "where", "石油城建在哪条河边") == PLAIN
    assert fact_strength("在中国内地举办展览。", "where", "故居在哪条街") <= WEAK


def test_a_place_of_the_level_asked_is_a_name_not_the_start_of_another_word() -> None:
    question = "减贫示范项目在哪个村"
    assert fact_strength("专家们来到这里，与当地政府部门一道为村子发展做规划。", "where", question) <= WEAK
    assert fact_strength("带领村组干部上门排查返乡人员。", "where", question) <= WEAK
    assert fact_strength("刘家奇是睦和村党支部书记。", "where", question) == PLAIN
    assert fact_strength("埃洛达村曾是一个贫困户占全村一半人口的村庄。", "where", question) == PLAIN


def test_a_time_of_day_asked_is_not_answered_by_a_day_alone() -> None:
    assert fact_strength("除夕当晚，全国200多家电视频道同步转播晚会。", "when", "晚会几点开始的") <= WEAK
    assert fact_strength("2月4日晚8点，晚会如约上演。", "when", "晚会几点开始的") == PLAIN


def test_a_count_in_words_in_the_unit_asked_answers() -> None:
    assert fact_strength("基于一线防控工作，她提交了两份建议。", "howmany", "她交了几份建议") == PLAIN
    assert fact_strength("（作者为第十七批援外医疗队眼科医生）", "howmany", "他是第几批援外医疗队的") == PLAIN
    # 这两天 says "these days", no count of days
    assert fact_strength("这两天，他仍在修改相关建议。", "howmany", "他当了多少天志愿者") < PLAIN


def test_an_ordinal_of_the_question_is_not_read_inside_a_longer_one() -> None:
    question = "居文君第十盘下到多少回合赢的"
    eleventh = (1, "对抗赛战罢11盘", "对抗赛战罢第十一盘慢棋，居文君与对手最终战至40回合收兵作和。")
    tenth = (2, "对抗赛战罢10盘", "对抗赛结束了第十盘棋的较量，居文君最终战至62回合赢得胜利。")
    reading = read_question(question, parse_query(question).terms, [eleventh, tenth])
    assert reading is not None
    assert reading.reach[0] < reading.reach[1]  # 第十一盘 holds no 第十


def test_a_close_lower_story_holding_more_of_the_question_may_answer() -> None:
    question = "丹麦那两只大熊猫要去哪个动物园"
    parsed = parse_query(question)
    first = (1, "为两国友好添佳话", "两只大熊猫幼崽在比利时天堂动物园顺利诞生。")
    second = (2, "多国政要致以新春祝福", "丹麦首相说，未来两只大熊猫将抵达哥本哈根动物园里的熊猫馆。")
    close = best_sentence(question, parsed.terms, [first, second], close=2)
    assert close is not None and "哥本哈根" in close.sentence
    # a close story holding more of the words, but not every word the first holds (大熊猫), does not
    giant_panda = (1, "为两国友好添佳话", "比利时天堂动物园今年迎来喜讯。大熊猫幼崽顺利诞生。")
    other_words = (3, "多国政要致以新春祝福", "丹麦首相说，未来两只熊猫将抵达哥本哈根动物园里的熊猫馆。")
    other = best_sentence(question, parsed.terms, [giant_panda, other_words], close=2)
    assert other is not None and other.article_id == 1
    # a story the ranking placed well below the first answers only as before
    far = best_sentence(question, parsed.terms, [first, second], close=1)
    assert far is not None and far.article_id == 1


def test_causes_written_with_cai_and_found_by_an_inquiry() -> None:
    assert (
        fact_strength("原定于6月恢复二读，但因委员会长期停摆才延至次年5月进行。", "why", "二读为什么拖到次年")
        == PLAIN
    )
    body = (
        "近日，本地一个3岁多的孩子误食洗手用的消毒剂，幸亏送医及时，孩子并无大碍。\n"
        "经过调查，原来家长把消毒液倒在了一只水杯中，放在茶几上待用。"
    )
    assert "水杯" in answer_line("那个3岁孩子为什么会误食消毒剂", "建议", body)


def test_a_title_given_before_its_word_answers_what_title() -> None:
    body = (
        "技师李大海（见图）是国内唯一一个对接机构总装组组长。\n前不久，他被授予第七届全国道德模范荣誉称号。"
    )
    assert "道德模范" in answer_line("李大海被授予了什么称号", "钳工成航天工匠", body)
    # a title the question names is its topic: 哪天追授 asks when
    assert question_kind("省政府哪天追授他革命烈士称号") == "when"
    assert question_kind("那支部队的代号是什么") == "name"


def test_a_column_named_in_quotes_before_its_word_answers() -> None:
    body = (
        "省教育厅日前召集会议，研究布置名师空中课堂为中小学生提供在线答疑服务。\n"
        "一批优质课程资源将陆续上线，在专设的“停课不停学”栏目播出。"
    )
    assert "停课不停学" in answer_line("名师空中课堂为延迟开学开的栏目叫啥", "在线送教不停课", body)


def test_a_measure_in_latin_letters_is_read_with_the_word_before_it() -> None:
    assert measured_asked("2019年我国人均GDP达到多少") == "人均gdp"
    body = (
        "2019年，我国GDP接近100万亿元，按照年平均汇率折算达到14.4万亿美元。\n"
        "按年平均汇率折算，2019年我国人均GDP突破1万美元大关，达到10276美元。"
    )
    assert "10276美元" in answer_line("2019年我国人均GDP达到多少", "经济总量稳居第二", body)


def test_a_region_named_by_its_direction_is_a_place() -> None:
    question = "该国光伏新项目多在哪儿扎堆"
    assert (
        fact_strength("然而，由于新项目多在该国中南部地区扎堆投产，导致问题集中爆发。", "where", question)
        >= PARTIAL
    )
    assert fact_strength("该国新项目多在这里扎堆投产。", "where", question) < PARTIAL


def test_a_life_story_telling_a_death_as_leaving_for_ever() -> None:
    body = (
        "2009年12月24日，地球物理学家张远航告别英国，回到祖国。\n"
        "2016年12月14日，一向健壮的张远航被推上了手术台。\n"
        "2017年1月8日，他带着对事业的无限留恋，永远地离开了。"
    )
    assert "2017年1月8日" in answer_line("张远航什么时候去世的", "潜心科研的地质学家", body)
