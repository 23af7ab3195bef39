"""Issue 20, the fourth development set: answers to the questions people type about local news, on small
hand-written sentences shaped like the way a county, village or street story states its facts."""

from __future__ import annotations

import pytest

from storage.search.answers import (
    FAINT,
    HOLDS_KIND,
    LIKELY,
    NOTHING,
    PARTIAL,
    PLAIN,
    best_sentence,
    category_asked,
    clauses,
    kind_strength,
    question_kind,
)
from storage.search.query import parse_query
from storage.search.synonyms import printed_forms
from storage.text.normalize import normalize
from tests.answer_support import answer_line


@pytest.mark.parametrize(
    "question",
    ["亳州为啥要让公检法干部异地交流", "那个叶书记是怎么走的", "水上乐园被冲垮是咋回事", "他干嘛要辞职"],
)
def test_why_asked_in_everyday_words(question: str) -> None:
    assert question_kind(question) == "why"


def test_a_cause_after_因_is_plain_when_it_is_one_and_likely_when_因_may_open_something_else() -> None:
    q, terms = "许民村那个叶书记是怎么走的", ["许民村", "叶书记"]
    died = "4月17日晚，许民村党支部书记叶全奖因突发心脏病被送往医院，抢救无效不幸去世。"
    assert kind_strength(died, "why", q, terms) == PLAIN
    q, terms = "亳州为啥要让公检法干部异地交流", ["亳州", "公检法", "干部", "异地", "交流"]
    reason = "其中一个重要原因，就是干部长期在一地任职，从而深陷关系网。"
    except_some = "在159名需要交流轮岗的干部中，除6名干部因有情况需要核实外，其余153人已全部交流轮岗。"
    assert kind_strength(reason, "why", q, terms) == PLAIN
    assert kind_strength(except_some, "why", q, terms) == LIKELY
    assert kind_strength("因素很多，交流轮岗也要看干部实际情况。", "why", q, terms) == NOTHING


def test_thanks_opening_what_was_done_is_its_purpose() -> None:
    q, terms = "汶川村民为啥大老远给武汉送菜", ["汶川", "村民", "大老远", "武汉", "送菜"]
    sentence = "近日，为感谢12年前武汉在抗震救灾中的医疗援助，12位四川汶川村民将6卡车蔬菜送到了武汉。"
    assert kind_strength(sentence, "why", q, terms) == LIKELY


@pytest.mark.parametrize(
    ("question", "counted", "other"),
    [
        ("赵顺利家四世同堂一共几口人", "赵家四世同堂，共18口人。", "赵顺利是长子，有两弟两妹，外孙已6岁。"),
        ("汶川村民给武汉送了几卡车蔬菜", "村民将6卡车蔬菜送到了武汉。", "12位村民驱车千余公里。"),
    ],
)
def test_几_before_any_measure_word_asks_a_count_in_it(question: str, counted: str, other: str) -> None:
    parsed = parse_query(question)
    assert question_kind(question) == "howmany"
    assert parsed.question and not any("几" in t for t in parsed.terms)
    assert kind_strength(counted, "howmany", question, parsed.terms) == PLAIN
    assert kind_strength(other, "howmany", question, parsed.terms) < PLAIN


def test_几_that_counts_nothing_stays_out() -> None:
    assert question_kind("几乎所有村民都搬进了新房") != "howmany"
    assert not parse_query("几乎所有村民都搬进了新房").question


def test_多_before_the_magnitude_is_a_number_and_块_is_money() -> None:
    q, terms = "湖北能源鄂州发电公司每天供应多少电力", ["鄂州", "发电", "公司", "每天", "供应", "电力"]
    assert kind_strength("该公司每天供应3000多万千瓦时电力，责任很重。", "howmany", q, terms) == PLAIN
    q, terms = "马鞍架村的保洁员一年能挣多少钱", ["马鞍架村", "保洁员", "一年"]
    assert kind_strength("活不重，一年给2000多块，干不好哪行？", "howmany", q, terms) == PLAIN


def test_a_reigns_years_date_what_was_done_in_them() -> None:
    q, terms = "武强年画是在什么时候达到鼎盛的", ["武强", "年画", "达到", "鼎盛"]
    assert kind_strength("武强年画在清康熙至嘉庆年间达到鼎盛。", "when", q, terms) >= PARTIAL
    assert kind_strength("武强年画在明朝永乐年间形成规模。", "when", q, terms) >= PARTIAL
    assert kind_strength("二十年间，武强年画走出了国门。", "when", q, terms) == NOTHING


def test_what_a_place_was_called_before_is_given_by_原叫() -> None:
    q, terms = "棠溪村原来的村名叫什么", ["棠溪村"]
    assert question_kind(q) == "name"
    assert kind_strength("老郑介绍说，棠溪村景色秀丽，村名原叫棠濑。", "name", q, terms) == PLAIN
    assert kind_strength("村支部书记老郑说，这里有九棵古榕树。", "name", q, terms) <= FAINT


def test_the_kind_named_before_叫啥_is_the_kind_asked_for() -> None:
    assert category_asked("邯郸永年石电兴的家庭农场叫啥") == "家庭农场"
    assert category_asked("那口井叫啥") is None  # that one thing's name
    title = "家庭农场产销忙"
    body = (
        "2月6日，在河北邯郸市永年区张西堡镇李庄村，天刚蒙蒙亮，石电兴就和4个菜农在家庭农场忙碌起来。\n"
        "完成交易，老石又走到大棚查看蔬菜长势。他的这个鑫冀源家庭农场占地200亩，其中100亩种植蔬菜。"
    )
    assert "鑫冀源家庭农场" in answer_line("邯郸永年石电兴的家庭农场叫啥", title, body)


def test_the_holder_of_the_post_asked_about_is_named_after_that_post() -> None:
    q, terms = "江山凤林镇白沙村的党支部书记是谁", ["江山", "凤林镇", "白沙村", "党支部", "书记"]
    holder = "“没想到效果这么好。”白沙村党支部书记徐水平说。"
    villager = "正月初一大清早，浙江江山市凤林镇白沙村村民吴水华就赶到村体育馆。"
    assert kind_strength(holder, "who", q, terms) == PLAIN
    assert HOLDS_KIND <= kind_strength(villager, "who", q, terms) < LIKELY
    # a post the question names for something else (代表建议) asks for no holder of it
    q, terms = "那场代表建议办理情况吹风会是谁介绍的", ["代表", "建议", "办理", "情况", "吹风会", "介绍"]
    assert kind_strength("海关总署副署长邹志武介绍，去年的建议已全部办结。", "who", q, terms) == PLAIN


def test_a_cadre_asked_for_by_name_is_a_person() -> None:
    q = "五龙村回乡人才恳谈会上插话的村干部叫什么"
    assert question_kind(q) == "who"
    terms = parse_query(q).terms
    assert kind_strength("”主持会议的村干部张宗森赶紧插话。", "who", q, terms) == PLAIN


def test_a_day_opening_a_paragraph_dates_the_sentences_after_it_in_that_paragraph() -> None:
    title = "请组织考验我"
    body = (
        "2月3日深夜一点四十分，卢静被电话铃声叫醒。两个小时以后，隰海静的电话也响了。"
        "都是同一个内容，河北省易县医院通知，要医务人员积极报名，赶去武汉支援抗疫前线。\n"
        "卢静今年三十二岁，是易县医院内科护士。"
    )
    answer = answer_line("易县医院通知护士报名去武汉是几月几号", title, body)
    assert "2月3日" in answer and "易县医院通知" in answer
    # a day of another paragraph does not date it
    apart = body.replace("两个小时以后，隰海静的电话也响了。", "两个小时以后，隰海静的电话也响了。\n")
    assert "2月3日" not in answer_line("易县医院通知护士报名去武汉是几月几号", title, apart)


def test_joining_the_party_is_printed_in_full() -> None:
    assert "加入中国共产党" in printed_forms("入党")
    title = "潘汉年：隐蔽战线的杰出代表"
    body = (
        "潘汉年，1906年出生于江苏宜兴，1925年加入中国共产党。\n"
        "为纪念潘汉年诞辰110周年，2016年1月12日，当地在潘汉年故居举行了书法作品展。"
    )
    assert "1925年" in answer_line("潘汉年是哪年入党的", title, body)


def test_the_clause_placing_the_thing_asked_about_answers_where():
    """生态园在哪: 位于金山朱泾的“花开海上”生态园 places the park in its own clause; a sentence holding more of the
    question's words names no place of it."""
    body = (
        "新华社上海2月19日电  （记者李荣）春风紧，梅瓣轻。作为沪上赏花胜地之一，位于金山朱泾的“花开海上”生态园里，"
        "梅花已盛开。由于防疫，闭园至今。但梅香毕竟“关不住”，这里推出了“云赏梅”旅游服务。\n"
        "由于今年气温较往年高，通常在2月中旬才会开放的梅花，2月初就争相绽放。为了不让市民游客错过这梅花盛开的美丽"
        "景色，“花开海上”生态园闭园之后，在其微信公众号上开启了“云赏梅”专栏，让大家足不出户就能欣赏“梅”景，"
        "充实大家“宅”在家中的时光。\n"
        "疫情发生后，“花开海上”生态园第一时间闭园，安排6名工人每天轮流进行花草养护、梅枝修剪。"
    )
    title = "上海一生态园开启“云赏梅”专栏 足不出户 也能赏梅"
    answer = best_sentence(
        "上海那个开了云赏梅专栏的生态园在哪", ["上海", "云赏梅", "专栏", "生态园"], [(1, title, body)]
    )
    assert answer is not None and "金山朱泾" in answer.sentence


def test_an_aside_in_brackets_is_no_clause():
    sentence = normalize("索南达杰（见图，新华社发）是青海玉树治多县索加乡人，1974年毕业于青海民族学院。")
    assert clauses(sentence)[0] == "索南达杰是青海玉树治多县索加乡人"
