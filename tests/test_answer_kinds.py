"""Issue 20: answers that hold the thing asked for — the number with the unit, the item of a list, the
name of a kind — on small hand-written sentences shaped like the way Chinese news states a fact."""

from __future__ import annotations

import pytest

from bot.chat.replies import clip, clip_to
from storage.search import evidence
from storage.search.answers import (
    HOLDS_KIND,
    LIKELY,
    NOTHING,
    PLAIN,
    best_sentence,
    category_asked,
    clauses,
    fact_test,
    kind_strength,
    measured_asked,
    question_dates,
    question_kind,
    read_question,
)
from storage.search.query import parse_query
from storage.text.normalize import normalize


@pytest.mark.parametrize(
    ("question", "category"),
    [
        ("矿工下井乘坐什么车", "车"),
        ("电视剧还会在哪些频道重播", "频道"),
        ("委员长看望了哪些新闻单位", "单位"),  # the head noun of 新闻单位
        ("当地的单项冠军企业有哪些", "企业"),  # the noun before 有哪些
        ("那个样板村叫什么村", "村"),
        ("悬崖村正式村名叫什么", "村"),  # X名叫什么
        ("被移送问题线索的环评机构有哪几家", "机构"),
        ("那位教师说多亏了哪个工程", "工程"),
        ("春节前潮州有哪些非遗展演", None),  # 有哪些 in the middle: the place before it is no kind
        ("条例修订的主要内容有哪些", None),  # 内容 names no kind of thing
        ("新发现的油田叫什么名字", None),
        ("那口井叫啥", None),
    ],
)
def test_the_kind_of_thing_a_question_asks_for(question: str, category: str | None) -> None:
    assert category_asked(question) == category


def test_a_list_of_the_kind_asked_for_is_the_plain_answer() -> None:
    q, terms = "委员长看望了哪些新闻单位", ["委员长", "看望", "新闻"]
    listed = "人民日报社、新华社、中央广播电视总台等单位负责同志参加。"
    other = "他向新闻工作者表示问候，并与大家一一握手、交谈。"
    assert kind_strength(listed, "which", q, terms) == PLAIN
    assert kind_strength(other, "which", q, terms) < PLAIN


def test_items_that_end_in_the_kind_asked_for_make_a_list() -> None:
    q, terms = "电视剧还会在哪些频道重播", ["电视剧", "还会", "频道", "重播"]
    assert kind_strength("该剧还将在综艺频道、中文国际频道重播。", "which", q, terms) == PLAIN


def test_the_list_answer_is_the_one_with_the_items_asked_for() -> None:
    docs = [
        (
            1,
            "电视剧《回家》首播",
            "电视剧《回家》18日至19日在综合频道首播，讲述了三个家庭、两代人的矛盾、排斥和和解。"
            "《回家》还将在综艺频道、中文国际频道、电视剧频道重播。",
        )
    ]
    answer = best_sentence("《回家》还会在哪些频道重播", ["回家", "还会", "频道", "重播"], docs)
    assert answer is not None and "中文国际频道" in answer.sentence


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        ("车辆驶过新修的柏油路，很快就进入约特村。", PLAIN),  # a name ending in the kind asked for
        ("这里是政府计划打造的样板村之一。", NOTHING),  # the question's own word is no name
        ("安置点将安置来自28个乡镇、92个行政村的群众。", NOTHING),  # a class counted, no name
    ],
)
def test_a_name_of_the_kind_asked_for(sentence: str, strength: float) -> None:
    q, terms = "印度理想乡村计划的样板村叫什么村", ["印度", "理想", "乡村", "计划", "样板村"]
    assert kind_strength(sentence, "name", q, terms) == strength


def test_a_quoted_name_of_the_kind_asked_for_answers_a_what_question() -> None:
    q, terms = "矿工下井乘坐什么车", ["矿工", "下井", "乘坐"]
    assert kind_strength("矿工们先后搭乘“猴车”和火车，向采煤区行进。", "what", q, terms) == LIKELY
    assert kind_strength("矿工们穿上20多斤重的工作装备。", "what", q, terms) < LIKELY


@pytest.mark.parametrize(
    ("question", "measured"),
    [
        ("截至4月末普惠小微贷款余额有多少", "余额"),
        ("美国4月份失业率是多少", "失业率"),
        ("雄安新区森林覆盖率提升到多少", "覆盖率"),
        ("欧盟的认捐大会筹到多少钱", None),  # a verb before 多少 measures nothing
    ],
)
def test_what_a_how_many_question_measures(question: str, measured: str | None) -> None:
    assert measured_asked(question) == measured


def test_the_number_right_after_what_is_measured_is_the_plain_answer() -> None:
    q, terms = "普惠小微贷款余额有多少", ["普惠小微", "贷款", "余额"]
    balance = "4月末，普惠小微贷款（包括个体工商户经营性贷款）余额12.6万亿元，同比增长25.1%。"
    served = "普惠小微贷款支持了2815万户小微经营主体，同比增长21.9%。"
    assert kind_strength(balance, "howmany", q, terms) == PLAIN
    assert kind_strength(served, "howmany", q, terms) < PLAIN


def test_a_number_planned_does_not_answer_what_was_done() -> None:
    q, terms = "认捐大会筹到多少钱", ["认捐", "大会", "筹到"]
    planned = "欧盟与有关国家共同发起这次认捐大会，计划筹集75亿欧元初始资金。"
    done = "在大会即将结束时，欧盟委员会主席宣布已筹集到73.6亿欧元。"
    assert kind_strength(done, "howmany", q, terms) == PLAIN
    assert kind_strength(planned, "howmany", q, terms) < kind_strength(done, "howmany", q, terms)
    # ... unless the question asks about the plan; 虚拟 and 模拟 are no plan (拟)
    assert kind_strength(planned, "howmany", "认捐大会计划筹集多少钱", terms) == PLAIN
    assert (
        kind_strength("全省虚拟现实产业规模达到100亿元。", "howmany", "那个产业规模有多少钱", ["产业"])
        == PLAIN
    )


def test_the_answer_is_the_number_done_not_the_number_planned() -> None:
    docs = [
        (
            1,
            "应对疫情国际认捐大会举行",
            "欧盟与有关国家共同发起这次认捐大会，计划筹集75亿欧元初始资金。"
            "会议以视频方式举行，多国领导人发言。"
            "在大会即将结束时，欧盟委员会主席宣布已筹集到73.6亿欧元。",
        )
    ]
    answer = best_sentence("认捐大会后来筹到多少钱", ["认捐", "大会", "筹到"], docs)
    assert answer is not None and "73.6亿欧元" in answer.sentence


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("他在60米比赛中跑了多少秒", "他以6秒52的成绩夺得男子60米冠军。"),  # seconds
        ("全省乡村医生有多少万人", "全省乡村医生已达5.2万人。"),  # a magnitude before the unit asked
        ("要生态搬迁多少户居民", "将生态搬迁1806户居民。"),
    ],
)
def test_the_unit_asked_for(question: str, sentence: str) -> None:
    assert kind_strength(sentence, "howmany", question, ["比赛", "乡村医生", "居民"]) == PLAIN


def test_a_time_frame_word_of_the_question_does_not_choose_the_answer() -> None:
    # 截至 belongs to the question's time: the sentence with the balance asked for answers, not the one
    # that repeats 截至.
    docs = [
        (
            1,
            "4月末普惠小微贷款余额增25.1%",
            "人民银行发布4月金融数据。普惠小微贷款加速增长。"
            "4月末，普惠小微贷款（包括个体工商户经营性贷款）余额12.6万亿元，同比增长25.1%。"
            "普惠小微贷款利率继续下降。"
            "截至4月末，普惠小微贷款支持了2815万户小微经营主体，同比增长21.9%。",
        )
    ]
    answer = best_sentence("截至4月末普惠小微贷款余额有多少", ["截至", "普惠小微", "贷款", "余额"], docs)
    assert answer is not None and "12.6万亿元" in answer.sentence


@pytest.mark.parametrize(
    "sentence",
    ["一、免去韩俊的农业农村部部长职务；", "会议决定任命韩俊为农业农村部部长。", "韩俊现任农业农村部部长。"],
)
def test_a_post_written_after_the_name_says_who_someone_is(sentence: str) -> None:
    assert kind_strength(sentence, "identity", "韩俊被免去了什么职务", ["韩俊", "免去"]) == PLAIN


def test_a_post_after_the_name_answers_even_when_another_story_writes_it_before() -> None:
    docs = [
        (
            1,
            "国家主席签署主席令",
            "主席令说：一、免去韩俊的农业农村部部长职务；二、任命张柱为农业农村部部长。",
        ),
        (2, "部长通道开启", "农业农村部部长韩俊走上部长通道，回答记者提问。"),
    ]
    answer = best_sentence("韩俊被免去了什么职务", ["韩俊", "免去"], docs)
    assert answer is not None and "农业农村部部长职务" in answer.sentence


def test_several_people_asked_for_are_answered_by_a_list_of_names() -> None:
    q, terms = "登顶的8名队员都有哪些人", ["登顶", "8名队员"]
    summit = "8名攻顶队员全部成功登顶，将五星红旗插上峰顶。"
    names = "8名攻顶队员次落、袁复栋、李富庆、普布顿珠从营地出发，成功登顶。"
    assert question_kind(q) == "who"
    assert kind_strength(names, "who", q, terms) == PLAIN
    assert kind_strength(summit, "who", q, terms) < PLAIN
    # one person asked for: one name is the plain answer
    assert (
        kind_strength("登山队队长李富庆介绍了登顶经过。", "who", "登山队队长是谁", ["登山队", "队长"])
        == PLAIN
    )


def test_places_visited_answer_which_places() -> None:
    q, terms = "总理在深圳考察了哪些地方", ["总理", "深圳", "考察"]
    visited = "总理来到深圳邮轮母港直升机场和机器人谷，了解低空经济发展情况。"
    said = "他强调，要把“硬联通”和“软联通”更好结合起来。"
    assert kind_strength(visited, "which", q, terms) == PLAIN
    assert kind_strength(said, "which", q, terms) < PLAIN


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("去年有多少人脱贫", "去年全国1386万名农村贫困人口脱贫。"),  # people counted with 名
        ("法院审结了多少件涉疫案件", "各级法院审结涉疫案件2736件。"),  # any unit news uses
        ("美国4月份失业率是多少", "美国4月份失业率升至14.7%，创历史新高。"),  # a rate in per cent
        ("用电量同比增长多少", "上半年全社会用电量同比增长5.3%。"),
        ("出口同比下降多少", "出口同比下降2.1个百分点。"),
    ],
)
def test_amounts_in_the_units_news_writes_them(question: str, sentence: str) -> None:
    assert kind_strength(sentence, "howmany", question, ["脱贫", "案件", "失业率", "用电量", "出口"]) == PLAIN


def test_a_rate_asked_for_is_answered_in_per_cent_not_by_an_amount() -> None:
    q, terms = "一季度销售额的增幅是多少", ["一季度", "销售额", "增幅"]
    rate = kind_strength("一季度，全市销售额同比增长3.2%。", "howmany", q, terms)
    amount = kind_strength("一季度，全市销售额达到1200亿元。", "howmany", q, terms)
    assert rate == PLAIN and amount < HOLDS_KIND


@pytest.mark.parametrize(
    ("question", "passage", "holds"),
    [
        ("北京一共有多少条公交线路", "北京现有地面公交线路1100余条。", True),  # the unit asked
        ("北京一共有多少条公交线路", "北京公交集团有职工近10万人。", False),  # another unit
        ("贷款余额有多少", "4月末，普惠小微贷款余额12.6万亿元。", True),  # after what is measured
        ("美国4月份失业率是多少", "4月份失业率升至14.7%。", True),  # a rate
        ("公交线路什么时候开通", "线路于5月1日开通。", None),  # no test for other kinds
    ],
)
def test_a_cheap_test_of_the_fact_for_the_ranking(question: str, passage: str, holds: bool | None) -> None:
    test = fact_test(question, ["北京", "公交", "线路", "贷款", "余额", "失业率"])
    assert (test(passage) if test is not None else None) is holds


def test_the_words_held_beside_the_number_asked_for_rank_a_story_first() -> None:
    # Both stories hold the words; only one holds them beside a count of lines.
    terms = [evidence.Term("北京", 50, 1.0), evidence.Term("公交", 20, 2.0), evidence.Term("线路", 20, 2.0)]
    night = evidence.Candidate(
        1,
        "夜间经济观察",
        "北京公交开通夜间线路。北京公交夜间线路受欢迎。成都夜间公交线路已运营12个月。",
        "2019-10-31",
    )
    lines = evidence.Candidate(
        2, "一线探访", "记者日前体验北京公交。目前北京公交线路已达1100余条，安全措施落实到位。", "2019-02-21"
    )
    holds = fact_test("北京一共有多少条公交线路", ["北京", "公交", "线路"])
    assert evidence.rank(terms, [night, lines], n=1000)[0].id == 1  # the words alone
    assert evidence.rank(terms, [night, lines], n=1000, holds_fact=holds)[0].id == 2


def test_the_second_holder_of_a_post_in_a_sentence_may_be_the_one_asked_about() -> None:
    q, terms = "跟李克强互致贺电的葡萄牙总理是谁", ["李克强", "致贺电", "葡萄牙", "总理"]
    both = "同日，国务院总理李克强同葡萄牙总理科斯塔也互致贺电。"
    only_known = "国务院总理李克强发表讲话。"
    assert kind_strength(both, "who", q, terms) == PLAIN
    assert kind_strength(only_known, "who", q, terms) < PLAIN


@pytest.mark.parametrize(
    ("sentence", "holds_the_name"),
    [
        ("伊朗外交部发言人巴加埃25日表示，伊朗将继续谈判。", True),
        ("嫦娥四号探测器项目执行总监张熇说，团队一路相随。", True),  # jieba tags 张 as a measure word
        ("伊朗外交部发言人今天说，伊朗将继续谈判。", False),
        ("伊朗外交部发言人表示，伊朗将继续谈判。", False),
        ("伊朗外交部发言人对此表示欢迎。", False),
    ],
)
def test_who_the_holder_of_a_post_is_needs_a_name_after_the_post_not_a_time_word_or_verb(
    sentence, holds_the_name
):
    q = "伊朗外交部发言人是谁" if "伊朗" in sentence else "嫦娥四号探测器项目执行总监是谁"
    terms = (
        ["伊朗", "外交部", "发言人"] if "伊朗" in sentence else ["嫦娥四号", "探测器", "项目", "执行", "总监"]
    )
    assert (kind_strength(sentence, "who", q, terms) == PLAIN) is holds_the_name


def test_a_day_with_its_month_says_when_more_plainly_than_a_day_alone() -> None:
    q, terms = "化工厂爆炸是什么时候发生的", ["化工厂", "爆炸", "发生"]
    dated = "5月4日16时40分许，某县一化工厂车间发生爆炸。"
    day_alone = "副省长于5日率工作组赶赴化工厂爆炸现场。"
    assert kind_strength(dated, "when", q, terms) == PLAIN
    assert LIKELY <= kind_strength(day_alone, "when", q, terms) < PLAIN


def test_when_the_event_is_dated_with_its_month_that_sentence_answers() -> None:
    docs = [
        (
            1,
            "某县化工厂爆炸事故",
            "5月4日16时40分许，某县一化工厂车间发生爆炸，造成人员伤亡。"
            "事故发生后，有关部门高度重视。"
            "副省长于5日率工作组赶赴某县，指导化工厂爆炸发生后的事故处置工作。",
        )
    ]
    # the later sentence holds one more of the words (事故), but only a day without its month
    answer = best_sentence("化工厂爆炸事故是什么时候发生的", ["化工厂", "爆炸", "事故", "发生"], docs)
    assert answer is not None and "5月4日" in answer.sentence


def test_a_day_alone_is_answered_with_the_dateline_that_gives_its_month() -> None:
    docs = [
        (
            1,
            "两会新闻中心正式启用",
            "据新华社北京2月27日电 设在梅地亚中心的两会新闻中心27日正式启用。目前已有3000多名记者报名采访。",
        )
    ]
    answer = best_sentence("两会新闻中心哪天开始工作", ["两会", "新闻中心", "开始", "工作"], docs)
    assert answer is not None and "2月27日" in answer.sentence and "27日正式启用" in answer.sentence


def test_a_date_with_its_month_needs_no_dateline() -> None:
    docs = [(1, "新闻中心启用", "据新华社北京2月27日电 两会新闻中心2月26日正式启用。")]
    answer = best_sentence("两会新闻中心哪天启用", ["两会", "新闻中心", "启用"], docs)
    assert answer is not None and not answer.sentence.startswith("（")


@pytest.mark.parametrize(
    ("sentence", "holds_place"),
    [
        ("日前，在浙江省嵊州市一家公司，工厂化养蚕技术被攻克。", True),  # 嵊州市: a place the question lacks
        ("几年前，这家公司联合浙江省农科院开展工厂化养蚕研究。", False),  # 浙江省 is the question's 浙江
        ("这种养蚕方法颠覆了城市和农村的传统模式。", False),  # 城市, 农村 name no place
    ],
)
def test_a_place_the_question_lacks_answers_where(sentence: str, holds_place: bool) -> None:
    q, terms = "工厂化养蚕是在浙江哪里搞成的", ["工厂化", "养蚕", "浙江"]
    assert (kind_strength(sentence, "where", q, terms) >= HOLDS_KIND) is holds_place


def test_characters_before_a_country_are_no_place() -> None:
    q, terms = "中国援建的总统府建在哪座城市", ["中国", "援建", "总统府", "城市"]
    assert kind_strength("近日，由中国援建的总统府正式向对方移交。", "where", q, terms) == NOTHING


def test_going_somewhere_to_do_something_says_where() -> None:
    q, terms = "王毅跟泰国外长是在哪座城市做战略磋商的", ["王毅", "泰国", "外长", "战略", "磋商"]
    sentence = "应泰国外长邀请，国务委员兼外交部长王毅赴清迈与敦举行战略磋商。"
    assert kind_strength(sentence, "where", q, terms) == PLAIN


def test_a_place_named_by_this_village_is_the_one_named_before() -> None:
    docs = [
        (
            1,
            "凡人善举暖人心",
            "近日，江苏徐州铜山区棠张镇突降阵雨，路边晒场上铺着刚收割的小麦。"
            "一位途经的老人赶紧拿起防雨布遮盖。\n"
            "这位好心人是本村的七旬老人陈伟。",
        )
    ]
    answer = best_sentence("七旬老人陈伟帮忙盖小麦是在哪里", ["七旬", "老人", "陈伟", "帮忙", "小麦"], docs)
    assert answer is not None and "棠张镇" in answer.sentence and "陈伟" in answer.sentence


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        ("李强来到蛇口邮轮母港和机器人谷，了解低空经济发展情况。", PLAIN),  # the places visited
        ("他指出，要深入研究这些新变化，加快研发生产更多优质产品。", NOTHING),  # 深入研究 visits nothing
        ("总理深入田间地头，察看小麦长势。", PLAIN),  # 深入 somewhere
    ],
)
def test_which_places_wants_places(sentence: str, strength: float) -> None:
    q, terms = "总理在深圳考察了哪些地方", ["总理", "深圳", "考察"]
    assert kind_strength(sentence, "which", q, terms) == strength


def test_a_quoted_name_of_another_kind_hardly_answers_what_kind() -> None:
    q, terms = "青年矿工下井乘坐什么车", ["青年", "矿工", "下井", "乘坐"]
    framing = "总台《新春走基层》记者跟随一矿的青年矿工，深入矿井，记录下他们的工作与生活。"
    assert kind_strength(framing, "what", q, terms) < HOLDS_KIND
    assert kind_strength(framing, "what", "青年矿工下井时在想什么", terms) >= HOLDS_KIND  # no kind asked
    docs = [
        (
            1,
            "奋斗在矿井深处的青春力量",
            framing + "早晨6时20分，记者和20名矿工一起，先后搭乘“猴车”和小火车，抵达采煤作业面。",
        )
    ]
    answer = best_sentence(q, terms, docs)
    assert answer is not None and "猴车" in answer.sentence


@pytest.mark.parametrize(
    ("question", "plain", "other"),
    [
        # the other sentence has a number right after what is measured, but not in the unit asked
        ("新馆建筑面积有多少平方米", "新馆建筑面积3.2万平方米，共有5个展厅。", "新馆建筑面积比旧馆大3倍。"),
        ("当天最高气温多少度", "当天最高气温达38摄氏度。", "当天有3个站点出现高温。"),
        ("电站装机容量多少千瓦", "电站总装机容量120万千瓦。", "电站装机容量比去年增加2台机组。"),
    ],
)
def test_units_news_counts_in(question: str, plain: str, other: str) -> None:
    terms = ["面积", "气温", "装机", "容量"]
    assert kind_strength(plain, "howmany", question, terms) == PLAIN
    assert kind_strength(other, "howmany", question, terms) < PLAIN


def test_a_when_answer_without_a_date_is_shown_after_the_dateline() -> None:
    docs = [
        (
            1,
            "常委会闭幕 表决通过密码法",
            "本报北京10月26日电 常委会第十四次会议26日下午在北京闭幕。会议经表决，通过了密码法；"
            "常委会组成人员168人出席会议。",
        )
    ]
    answer = best_sentence("密码法是哪天表决通过的", ["密码法", "表决", "通过"], docs)
    assert answer is not None and "密码法" in answer.sentence and "10月26日" in answer.sentence


def test_a_post_asked_about_wants_the_name_of_its_holder() -> None:
    docs = [
        (
            1,
            "中国藏文化交流团访问法国",
            "一位成员代表中国藏学界致辞。中国藏文化交流团14日至17日访问法国，拜访了欧洲委员会等机构。"
            "该团由对外文化交流协会秘书长晋美旺措任团长。",
        )
    ]
    # 代表中国 writes a post right before a word of the question; still, 团长是谁 asks who holds the post
    answer = best_sentence("中国藏文化交流团团长是谁", ["中国", "藏文化", "交流团", "团长"], docs)
    assert answer is not None and "晋美旺措" in answer.sentence


def test_a_count_in_ten_thousands_may_leave_its_unit_out() -> None:
    q, terms = "甘肃2018年底还有多少人没脱贫", ["甘肃", "2018年底", "脱贫"]
    bare = "甘肃贫困人口由2012年底的692万降到2018年底的111万。"
    assert kind_strength(bare, "howmany", q, terms) == LIKELY
    assert kind_strength("甘肃贫困发生率降到5.6%。", "howmany", q, terms) < HOLDS_KIND


def test_a_sentence_saying_this_move_answers_about_what_was_said_before() -> None:
    docs = [
        (
            1,
            "某国总统下令暂停空袭",
            "据媒体25日报道，某国总统24日命令军队暂停对邻国的空袭。"
            "目前尚不清楚这一指令将持续多长时间。"
            "报道援引消息人士的话称，此举主要出于对弹药储备不足的担忧。"
            "总统的助手还担心战事升级导致某国与盟友关系疏远。",
        )
    ]
    answer = best_sentence("某国为什么暂停对邻国的空袭", ["某国", "暂停", "邻国", "空袭"], docs)
    assert answer is not None and "弹药储备不足" in answer.sentence


def test_first_of_a_series_is_the_same_written_with_shou() -> None:
    # The question says 第一站, the story 首站; the sentence about the announcement (12日公布) holds more
    # of the question's words as written, but not the date of the stage asked about.
    docs = [
        (
            1,
            "田径联合会公布今年赛历",
            "本报北京5月13日电 摩纳哥当地时间12日，田径联合会公布了调整后的赛历，联赛将在8月至10月间展开。"
            "根据赛程，本赛季联赛的首站将于8月14日在摩纳哥进行。上海站将于9月19日举行。",
        )
    ]
    answer = best_sentence("调整后联赛第一站在摩纳哥哪天比", ["调整", "联赛", "第一站", "摩纳哥"], docs)
    assert answer is not None and "8月14日" in answer.sentence
    # the other way round: 首次 in the question, 第一次 in the story
    docs = [
        (
            2,
            "某县举办农民运动会",
            "某县去年举办农民运动会。第一次农民运动会于2012年在县城举行，共有800人参赛。",
        )
    ]
    answer = best_sentence("某县首次农民运动会是哪年办的", ["某县", "首次", "农民", "运动会"], docs)
    assert answer is not None and "2012年" in answer.sentence


def test_first_is_not_read_into_words_that_only_start_with_shou() -> None:
    from storage.search.answers.coverage import _ordinal_forms

    assert _ordinal_forms("第一轮") == ("第一轮", "首轮")
    assert _ordinal_forms("首批") == ("首批", "第一批")
    assert _ordinal_forms("首都") == ("首都",)  # 都 is no measure word
    assert _ordinal_forms("第一书记") == ("第一书记",)


# ---- issue 20, continued: clauses, the question's own dates, clefts and causes of a death ----------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a time that frames the clause after it stays with it
        ("截至2019年10月底，班列已累计开行近2万列。", ["截至2019年10月底，班列已累计开行近2万列"]),
        ("2018年，公司实现销售额120亿元，连续多年增长。", ["2018年，公司实现销售额120亿元", "连续多年增长"]),
        # a short lead (目前, 据统计) too
        ("据统计，目前，全县已取消73项报表。", ["据统计，目前，全县已取消73项报表"]),
        # a dash sets off a clause of its own
        (
            "每天7张表，报送数据超过80项——这是干部的日常。",
            ["每天7张表", "报送数据超过80项", "这是干部的日常"],
        ),
    ],
)
def test_a_sentence_is_read_clause_by_clause(sentence: str, expected: list[str]) -> None:
    assert clauses(sentence) == expected


def test_a_number_beside_the_words_asked_about_beats_one_in_another_clause() -> None:
    """Of two sentences holding the same words of the question, the one writing the number beside them
    (取消36项防控报表) answers, not the one with a number in another clause (报送超过80项数据)."""
    docs = [
        (
            1,
            "青山县为基层减负",
            "全县取消多项防控报表、精简会议，干部每天仍要报送超过80项数据。"
            "会议也少了。"
            "经过清理，各部门已取消36项防控报表。",
        )
    ]
    answer = best_sentence("青山县取消了多少项防控报表", ["青山县", "取消", "防控", "报表"], docs)
    assert answer is not None and "36项" in answer.sentence


def test_the_year_a_question_names_picks_the_figure_of_that_year() -> None:
    """星河公司2018年销售额多少: the sentence printing 2018年 beside the figure answers, not today's."""
    docs = [
        (
            1,
            "星河公司转型升级",
            "目前，星河公司年销售额超过10亿元。公司在南安有三家工厂。2018年，星河公司实现销售额120亿元。",
        )
    ]
    answer = best_sentence("星河公司2018年销售额多少", ["星河", "公司", "销售额"], docs)
    assert answer is not None and "120亿元" in answer.sentence
    assert question_dates("截至2019年10月底班列开了多少列") == [("2019年10月",)]
    assert question_dates("4月份猪肉涨了多少") == [("4月",)]
    # a day with its month is a word too, in either form news prints it
    assert question_dates("5月4号发生了什么") == [("5月4日", "5月4号")]
    assert question_dates("4日发生了什么") == []  # a day without its month names no time of its own


def test_who_did_it_is_asked_by_shi_shui_verb_de() -> None:
    """会议是谁主持的 asks for the one who chaired it, not for who someone is (X是谁)."""
    docs = [(1, "会议召开", "书记主持会议。宣传部长申红涛出席会议。")]
    reading = read_question("会议是谁主持的", ["会议", "主持"], docs)
    assert reading is not None and reading.kind == "who"
    reading = read_question("申红涛是谁", ["申红涛"], docs)
    assert reading is not None and reading.kind == "identity"


@pytest.mark.parametrize(
    "sentence",
    ["副镇长因脑溢血抢救无效去世。", "老人因病逝世，享年83岁。", "两名矿工死于塌方。"],
)
def test_the_cause_of_a_death_answers_why(sentence: str) -> None:
    assert kind_strength(sentence, "why", "他是因为什么去世的", ["去世"]) == PLAIN


def test_a_short_answer_line_keeps_the_clause_holding_the_fact() -> None:
    """Issue 20: a front end showing 120 characters (WeChat) cuts a long answer so that the clause with the
    number asked for stays in it, not the first 120 characters."""
    lead = "为支持下游抗旱灌溉，水利部门调度水库持续加大下泄流量，沿线各地加强用水管理，" * 3
    body = lead + "截至目前，全县已累计引水12亿立方米。"
    docs = [(1, "水库加大下泄支持抗旱", body)]
    answer = best_sentence("全县已累计引水多少立方米", ["全县", "累计", "引水"], docs)
    assert answer is not None and "12亿立方米" in answer.sentence
    assert answer.sentence[answer.focus :].startswith("全县已累计引水")
    shown = clip_to(answer.sentence, 120, answer.focus)
    assert len(shown) <= 120 and "12亿立方米" in shown
    assert "12亿立方米" not in clip(answer.sentence, 120)  # what the line showed before
    # an answer whose fact is near its start is cut at its end, as before
    assert clip_to("今天发布了1号文件。" + "后面的话" * 60, 120, 0) == clip(
        "今天发布了1号文件。" + "后面的话" * 60, 120
    )


def test_a_lower_result_printing_the_time_asked_about_may_answer() -> None:
    """The first result's plain figure may be of another time: when the question names a year or a month,
    a lower result printing it beside the figure answers (and is shown first)."""
    docs = [
        (1, "班列为电商插上翅膀", "班列迅猛发展，累计开行1.82万列，联通110多个城市。电商企业受益。"),
        (2, "班列开放合作", "截至2019年10月底，班列已累计开行近2万列。七条通道连接境内外城市。"),
    ]
    answer = best_sentence("截至2019年10月底班列累计开了多少列", ["截至", "班列", "累计"], docs)
    assert answer is not None and "近2万列" in answer.sentence and answer.article_id == 2
    # the time may be printed in the headline only (4月CPI…), and a result between may lack it
    docs = [
        docs[0],
        (3, "物价运行平稳", "全年班列运价平稳，累计开行1.5万列。"),
        (4, "10月班列开行创新高", "截至月底，班列已累计开行近2万列。"),
    ]
    answer = best_sentence("10月班列累计开了多少列", ["班列", "累计"], docs)
    assert answer is not None and answer.article_id == 4
    # without a time in the question, the first result's plain figure stands
    answer = best_sentence("班列累计开了多少列", ["班列", "累计"], docs)
    assert answer is not None and answer.article_id == 1


def test_the_number_of_the_thing_counted_is_the_plain_answer() -> None:
    """多少人遇难: news writes what is counted after the number, in its clause (99人遇难, 1386万名贫困人口
    脱贫); a number in the same unit counting someone else (600名志愿者参与救灾) is a likely answer only."""
    q, terms = "溃坝事故有多少人遇难", ["溃坝", "事故", "遇难"]
    assert kind_strength("截至目前，已确认造成99人遇难，至少259人失踪。", "howmany", q, terms) == PLAIN
    assert kind_strength("目前，当地已经有约600名志愿者参与救灾。", "howmany", q, terms) == LIKELY
    # a question naming nothing counted after the unit: any number in it answers plainly
    assert kind_strength("目前已有约600名志愿者参与救灾。", "howmany", "来了多少人", ["来"]) == PLAIN


def test_the_last_few_years_is_no_count_asked_for() -> None:
    """Issue 20 (third development set): 这几年破了多少起案子 asks for 起, not a count of years: 这几年, 近几年
    and 前几次 say "the last few"; a year (2015年) is then no answer."""
    q, terms = "天津反诈专班这几年破了多少起案子", ["天津", "反诈", "专班", "案子"]
    assert (
        kind_strength("2015年，天津市公安局组建打防电信诈骗犯罪工作专班。", "howmany", q, terms) < HOLDS_KIND
    )
    assert kind_strength("四年来，工作专班共破获案件2.23万起。", "howmany", q, terms) >= LIKELY
    # 判几年 still asks for years
    assert kind_strength("被告人被判处有期徒刑5年。", "howmany", "被告人判几年", ["被告人"]) == PLAIN


def test_one_before_a_measure_word_is_the_article_not_a_count() -> None:
    """Issue 20 (third development set): 是一名铁人三项爱好者 says "a", and holds no count; 三个, 十多家 do."""
    q, terms = "68岁玩铁人三项的唐康林拿过多少奖杯", ["68岁", "铁人三项", "唐康林", "奖杯"]
    assert kind_strength("今年68岁的唐康林是一名铁人三项爱好者。", "howmany", q, terms) == NOTHING
    assert kind_strength("他先后建起三个合作社。", "howmany", "建了多少合作社", ["合作社"]) >= HOLDS_KIND
    docs = [
        (1, "铁人三项爱好者唐康林", "今年68岁的唐康林是一名铁人三项爱好者。近年来，他已经捧回了54座奖杯。")
    ]
    answer = best_sentence(q, terms, docs)
    assert answer is not None and "54座奖杯" in answer.sentence


@pytest.mark.parametrize("question", ["余鸣谦今年多大年纪", "余鸣谦多大岁数了", "余鸣谦年龄多大"])
def test_an_age_asked_for_is_counted_in_years_of_age(question: str) -> None:
    """Issue 20 (third development set): 多大年纪 asks for an age (98岁), not any number (30余年)."""
    terms = ["余鸣谦"]
    assert kind_strength("98岁高龄的余鸣谦便是早期的贡献者。", "howmany", question, terms) == PLAIN
    assert kind_strength("余鸣谦深耕石窟寺保护事业30余年。", "howmany", question, terms) < PLAIN


@pytest.mark.parametrize("day", ["腊月二十九", "正月初五", "大年初三", "除夕", "农历八月十五"])
def test_a_day_of_the_lunar_calendar_says_when(day: str) -> None:
    """Issue 20 (third development set): news dates the festival season by the lunar calendar (腊月二十九的
    下午，郭文萍登上出发车辆): such a day answers 哪天 as plainly as 2月3日."""
    q, terms = "郭文萍哪天出发的", ["郭文萍", "出发"]
    assert kind_strength(f"{day}的下午，郭文萍等三人登上出发车辆。", "when", q, terms) == PLAIN
    assert kind_strength("郭文萍等三人登上出发车辆。", "when", q, terms) == NOTHING


def test_a_name_asked_for_by_its_attribute_is_the_one_given_by_that_word() -> None:
    """Issue 20 (third development set): 原名叫什么, 主题是啥 ask for the name news writes beside that word
    (林心平，原名梁玉; 以“中英科技与金融合作”为主题); another quoted name (“心平园”) hardly answers."""
    q = "抗日女英雄林心平原名叫什么"
    assert question_kind(q) == "name"
    terms = ["抗日", "女英雄", "林心平"]
    assert kind_strength("林心平，原名梁玉。", "name", q, terms) == PLAIN
    assert kind_strength("师生走进“心平园”，瞻仰抗日女战士林心平。", "name", q, terms) < HOLDS_KIND
    q = "第十七届“21世纪中国”论坛的主题是啥"
    assert question_kind(q) == "name"
    docs = [
        (
            1,
            "欧美同学会在伦敦举办论坛",
            "欧美同学会11日在伦敦英国皇家学会举办第十七届“21世纪中国”论坛。"
            "本届论坛以“中英科技与金融合作”为主题，共有大约200名代表参加。",
        )
    ]
    answer = best_sentence(q, ["21世纪中国", "第十七届", "论坛", "主题"], docs)
    assert answer is not None and "中英科技与金融合作" in answer.sentence


def test_where_to_is_answered_by_the_place_after_a_verb_of_heading() -> None:
    """Issue 20 (third development set): 开去哪了 asks where to; news writes the place after 驶往 / 发往, and
    the place left (驶离横滨港) answers less plainly."""
    q = "那个钻石公主号邮轮后来离开横滨开去哪了"
    assert question_kind(q) == "where"
    terms = ["钻石", "公主号", "邮轮", "离开", "横滨"]
    went = kind_strength("报道称，该邮轮将驶往马来西亚。", "where", q, terms)
    left = kind_strength("“钻石公主”号邮轮16日下午驶离日本横滨港。", "where", q, terms)
    assert went == PLAIN and left < went


def test_a_site_where_something_was_done_says_where() -> None:
    """Issue 20 (third development set): 我国在西昌卫星发射中心用长征二号丁运载火箭…: a site, then what
    was done there."""
    q, terms = "2月20日一箭四星在哪发射的", ["一箭", "四星", "发射"]
    sentence = (
        "2月20日5时7分，我国在西昌卫星发射中心用长征二号丁运载火箭，采取一箭四星方式，成功将卫星发射升空。"
    )
    assert kind_strength(sentence, "where", q, terms) == PLAIN


def test_a_place_of_the_level_asked_for_answers_and_a_lower_result_may_hold_it() -> None:
    """Issue 20 (third development set): 在哪个县 asks for a county; a first result naming other places only
    is read as a hint, and a lower one naming the county beside the words asked about answers."""
    q, terms = "董必武纪念馆在哪个县", ["董必武", "纪念馆"]
    assert (
        kind_strength("而在湖北省红安县烈士陵园董必武纪念馆内，参观者络绎不绝。", "where", q, terms) == PLAIN
    )
    assert kind_strength("董必武故居纪念馆位于湖北。", "where", q, terms) < PLAIN
    docs = [
        (
            1,
            "朴诚勇毅传家风",
            "在湖北红安县城关镇民主街上，商铺林立。父亲曾被聘任所长。母亲勤劳持家。他自幼刻苦读书。"
            "董必武故居纪念馆馆长介绍，2013年修缮了故居，新建了陈列室。",
        ),
        (2, "董必武：中国共产党的创始人之一", "而在湖北省红安县烈士陵园董必武纪念馆内，参观者络绎不绝。"),
    ]
    answer = best_sentence(q, terms, docs)
    assert answer is not None and answer.article_id == 2 and "红安县" in answer.sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "为加强新型冠状病毒感染的肺炎疫情防控工作，有效减少人员聚集，现将延长春节假期的安排通知如下。",
        "经国务院批准，为进一步做好防控工作，决定延长假期。",
        "该工程自黄河干流取水向岱海补水，以遏制岱海湖面面积急剧萎缩，改善湖水水质。",
    ],
)
def test_a_purpose_opening_a_decision_answers_why(sentence: str) -> None:
    """Issue 20 (third development set): news opens a decision with its purpose after 为 (为加强…，现将…通知
    如下), or gives it after 以 (…，以遏制…): both answer 为什么."""
    assert kind_strength(sentence, "why", "为什么要延长春节假期", ["延长", "春节假期"]) >= HOLDS_KIND
    assert kind_strength("为期三天的会议今天开幕。", "why", "为什么开会", ["会议"]) == NOTHING


def test_a_book_title_in_guillemets_is_one_name_and_its_maker_answers_who() -> None:
    """Issue 20 (third development set): 《新中国对外开放70年》这本书是谁写的: the title in 《》 is one name
    (like a phrase in quotes), and news names the author right before the verb of writing (江小涓撰著的《…》),
    a name jieba may not know."""
    from storage.search.query import parse_query

    q = "《新中国对外开放70年》这本书是谁写的"
    assert "新中国对外开放70年" in parse_query(q).terms
    terms = ["新中国对外开放70年"]
    assert (
        kind_strength("江小涓撰著的《新中国对外开放70年》一书，已由人民出版社出版。", "who", q, terms)
        == PLAIN
    )
    assert kind_strength("该书系统梳理了新中国70年的对外开放历史进程。", "who", q, terms) == NOTHING


def test_what_a_question_measures_before_duo_da_is_written_before_the_number() -> None:
    """Issue 20 (third development set): 收支缺口有多大 measures 缺口 as 余额有多少 measures 余额 (jieba cuts
    多大 into 多 / 大): the number right after 缺口 answers, a number of another clause less plainly."""
    q = "2018年全国收费公路收支缺口有多大"
    assert measured_asked(q) == "缺口"
    assert measured_asked("输水线路有多长") == "线路"
    terms = ["全国", "收费公路", "收支", "缺口"]
    plain = kind_strength("收支缺口达4069.4亿元，比2017年增长1.1%。", "howmany", q, terms)
    other = kind_strength("2018年度，全国收费公路通行费收入5552.4亿元，比上年增长8.2%。", "howmany", q, terms)
    assert plain == PLAIN and other < plain


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("秋粮收购哪些省启动了预案", ["秋粮", "收购", "启动", "预案"]),
        ("哪几个县通了高铁", ["高铁"]),
    ],
)
def test_the_place_asked_for_goes_with_the_question_word(question: str, terms: list[str]) -> None:
    """Issue 20 (third development set): 哪些省启动了预案 was cut 省启动, a word no story about the topic
    prints (江苏、安徽、黑龙江等8省及时启动预案); the place asked for belongs to 哪些."""
    from storage.search.query import parse_query

    assert [t for t in parse_query(question).terms if len(t) > 1] == terms
    assert question_kind(question) == "which" or question_kind(question) == "where"


def test_who_a_side_lost_to_is_the_side_after_the_verb_of_losing() -> None:
    """Issue 20 (third development set): 输给了谁 asks for the side played against, written after 负于 /
    不敌 (a team jieba does not tag as a person); the names of one's own team, or a side beaten, answer
    less plainly."""
    q = "女子重剑世界杯西班牙站团体决赛中国队输给了谁"
    terms = ["女子", "重剑", "世界杯", "西班牙", "团体", "决赛", "中国队", "输给"]
    assert kind_strength("最终，中国队以34∶39负于韩国队，摘得银牌。", "who", q, terms) == PLAIN
    assert kind_strength("决赛中，中国队与韩国队相遇。", "who", q, terms) == LIKELY
    assert kind_strength("半决赛中，中国队战胜劲旅俄罗斯队晋级决赛。", "who", q, terms) < LIKELY
    named = "最终，由孙一文、林声、朱明叶和余思涵组成的中国女子重剑队摘得团体赛银牌。"
    assert kind_strength(named, "who", q, terms) < LIKELY


@pytest.mark.parametrize(
    ("question", "body", "fact"),
    [
        (
            "外汇局的新闻发言人是谁",
            "商务部新闻发言人高峰表示，外资保持增长。国家外汇管理局新闻发言人王春英表示，外储保持稳定。",
            "王春英",
        ),
        (
            "卫健委的副司长是谁",
            "教育部副司长李明介绍了情况。国家卫生健康委员会疾控局副司长张华表示，防控形势向好。",
            "张华",
        ),
    ],
)
def test_a_short_name_asked_about_counts_where_news_prints_the_full_name(
    question: str, body: str, fact: str
) -> None:
    # 外汇局 / 卫健委 as typed, 国家外汇管理局 / 卫生健康委员会 as printed (the synonym table's forms).
    answer = best_sentence(question, parse_query(question).terms, [(1, "新闻发布会", body)])
    assert answer is not None and fact in answer.sentence


def test_a_list_then_how_many_of_the_kind_asked_answers_which() -> None:
    """分成了哪些板块: 分为A、B和C三个板块 lists the kind asked, its count between the list and the kind."""
    sentence = normalize(
        "本次展览分为人工智能与信息技术、生命科学与生物技术和前沿科技体验区三个板块，集中展示。"
    )
    assert kind_strength(sentence, "which", "科技成果展分成了哪些板块", ("科技", "成果展", "板块")) == PLAIN
    assert (
        kind_strength(normalize("展览设有三个板块。"), "which", "科技成果展分成了哪些板块", ("板块",)) < PLAIN
    )


def test_the_title_of_a_work_asked_for_is_the_one_in_book_title_marks() -> None:
    """那部电影叫什么: news prints a film's title in 《》; a slogan in “” names no film."""
    q = "讲塞罕坝建设者青春故事的那部电影叫什么"
    terms = ("塞罕坝", "建设者", "青春", "故事", "那部", "电影")
    film = normalize("影片《那时风华》的创作历时两年多。")
    slogan = normalize(
        "该片表现了塞罕坝建设者的故事，对于积极配合“不忘初心、牢记使命”主题教育活动具有重要意义。"
    )
    assert kind_strength(film, "name", q, terms) == PLAIN
    assert kind_strength(slogan, "name", q, terms) < PLAIN
    # a kind of thing that is no work keeps reading names in “” (那个专栏叫什么: “云赏梅”专栏)
    assert (
        kind_strength(normalize("生态园开启了“云赏梅”专栏。"), "name", "那个专栏叫什么", ("专栏",)) == PLAIN
    )
