"""Issue 20, the answer line on the eighth set: a day of the week (每周几 → 每周三), a time of day (几点 → 夜里11点40分,
5：38), counts in 封 and 道, posts joined before one name (董事长、总经理吴长鸿), where a life story says someone comes
from (李学刚，河北省徐水县人；出生在…县), and a work called after a name the question gives (电影《黄宝妹》), each on a
small hand-written story."""

from __future__ import annotations

from storage.search.answers import PLAIN, question_kind
from tests.answer_support import answer_line, fact_strength


def test_a_day_of_the_week_asked_is_answered_by_one() -> None:
    assert question_kind("社区每周几安排党代表和居民谈心") == "when"
    assert question_kind("图书馆星期几闭馆") == "when"
    body = (
        "4月15日是全市第一个卫生日，70多名党员干部一早来到村委会集合。\n"
        "4月12日，该市决定把每周三定为“全市卫生日”，集中整治背街小巷。\n"
        "当天，全市共清理垃圾1.3万余吨。"
    )
    assert "每周三" in answer_line("那个市把每周几定成了卫生日", "大家一起动手 创造美丽家园", body)
    assert fact_strength("每年4月15日是卫生日。", "when", "每周几是卫生日") < PLAIN


def test_a_time_of_day_asked_is_answered_by_one() -> None:
    body = (
        "正月十五早上一起床，委员就给几位驻村书记发去了祝福。\n"
        "座谈会一直持续到夜里11点40分，回到住处后，他又打开笔记本写下了日记。"
    )
    assert "11点40分" in answer_line("委员和驻村书记们的座谈会开到几点", "委员收集一手材料写提案", body)
    # a full-width colon between hours and minutes, as news prints a timetable
    assert fact_strength("5：38，首架专机从广州起飞；", "when", "首架专机几点从广州起飞") == PLAIN
    # three points of advice are no time of day
    assert fact_strength("他提出了3点建议。", "when", "会议几点开始") < PLAIN


def test_counts_in_feng_and_dao_are_the_unit_asked() -> None:
    body = "岚县54万亩耕地里，土豆种植面积达30万亩。\n县里土豆推广总部已经研制出了108道菜组成的“土豆宴”。"
    assert "108道菜" in answer_line("岚县研制的土豆宴有多少道菜", "山药蛋变得高大上", body)
    assert fact_strength("团队收到了16封表扬信。", "howmany", "团队收到了多少封表扬信") == PLAIN
    # 多少道路 asks about roads, counted in 条 or 公里
    assert fact_strength("全县新修了12条道路。", "howmany", "全县新修了多少道路") >= 0.5


def test_posts_joined_before_one_name_give_its_holder() -> None:
    body = (
        "公司董事长董云岳对记者说，复工备案272人，目前已全部到岗。\n"
        "浙江双环传动机械股份有限公司董事长、总经理吴长鸿告诉记者，融资难一直困扰民营企业。"
    )
    assert "吴长鸿" in answer_line("双环传动的董事长是谁", "浙江出台条例促进民企发展", body)
    assert fact_strength("公司董事长、总经理吴长鸿告诉记者。", "who", "公司的董事长是谁") == PLAIN


def test_where_a_life_story_says_someone_comes_from() -> None:
    assert question_kind("李学刚老家是哪的") == "where"
    body = (
        "1976年参加公安工作以来，李学刚同志勤勤恳恳，屡立战功。\n"
        "李学刚，河北省徐水县人，汉族，1976年参加公安工作。"
    )
    assert "徐水县" in answer_line("李学刚老家是哪的", "李学刚：京门神探", body)
    body = (
        "1991年，本可以回乡的龙飞选择留在新疆，成为一名人民警察。\n"
        "1969年10月，龙飞出生在四川省汉源县一个农民家庭。\n"
        "人民警察的事迹一直在新疆石河子市长久传颂。"
    )
    assert "汉源县" in answer_line("新疆民警龙飞老家在哪", "龙飞：不惧牺牲 守护安宁", body)


def test_a_work_called_after_a_name_the_question_gives() -> None:
    body = (
        "从影60余年，他拍摄的36部电影，如《芙蓉镇》《牧马人》，无不闪耀着人性的光芒。\n"
        "上世纪50年代，这位著名劳模亲身主演谢晋导演的电影《黄宝妹》。"
    )
    assert "《黄宝妹》" in answer_line("谢晋导演、黄宝妹主演的那部电影叫什么", "工业锈带变成了生活秀带", body)
    body = "习近平在梁家河插队7年。\n这些记录在纪实文学《梁家河》里的场景，如今早已发生翻天覆地的变化。"
    assert "《梁家河》" in answer_line("记录梁家河那段苦日子的书叫什么", "在探索扶贫道路上笃定前行", body)


def test_which_two_days_asks_when() -> None:
    assert question_kind("唐山那个周末大清扫是哪两天") == "when"


# What a business does (是做什么的企业): news writes X是一家…企业 / 主要生产….
def test_what_a_business_does() -> None:
    body = (
        "律师想到，自己团队担任破产管理人的银京公司还有大量医用口罩堆在仓库里。\n"
        "经过了解，她发现，银京公司是一家以出口为主的企业，主要生产消毒液、口罩等卫生防护产品。\n"
        "2月13日，处于破产边缘的上海银京公司被盘活，开始复工复产。"
    )
    assert "以出口为主的企业" in answer_line("上海银京公司原来是做什么的企业", "企业复工复产忙", body)
    assert fact_strength("该厂主要生产农机配件。", "what", "那个厂是干啥的") == PLAIN
    assert fact_strength("银京公司被盘活，开始复工复产。", "what", "银京公司是做什么的") < PLAIN


# 参加 and 参与 are printed for each other: the sentence with the count of those who took part answers.
def test_taking_part_is_printed_either_way() -> None:
    body = (
        "4月15日是该市第一个卫生日。早上8点半，在赵牌村，70多名村党员、干部、群众陆续到村委会集合。\n"
        "而在整个该市，当天就有31万多人参与卫生日活动，清理出各类垃圾1.3万余吨。"
    )
    assert "31万多人" in answer_line("第一个卫生日全市有多少人参加", "大家一起动手 创造美丽家园", body)
