"""Issue 20, the answer line on the eleventh set: how news writes a count (a year is no count, people counted in 人,
a level in Roman numerals, a degree, a share, a score), a date (a century, a span of days), a cause (因…产生, what
weighs on someone, what a thing caused, what came to mind), a name (a code after 编号, a topic after 围绕), a person
(the byline of a report, a person asked by what the person is, the issuer of a document), a place named after its
kind, and the kind asked after 哪家 / 哪个 (a document's title in 《》); each on a small hand-written story."""

from __future__ import annotations

from storage.search.answers import (
    FAINT,
    LIKELY,
    NOTHING,
    PARTIAL,
    PLAIN,
    SOME,
    category_asked,
    question_kind,
    read_question,
)
from storage.search.answers.strength import HOLDS_KIND
from storage.search.query import parse_query
from tests.answer_support import answer_line, fact_strength


def test_a_year_before_what_is_counted_is_no_count() -> None:
    question = "2019年女排拿的是第几个世界杯冠军"
    sentence = "刚刚获得2019年女排世界杯冠军的队员参加庆祝成立70周年招待会。"
    assert fact_strength(sentence, "howmany", question) < HOLDS_KIND
    assert fact_strength("中国女排夺得了第五个女排世界杯冠军。", "howmany", question) == PLAIN


def test_people_counted_are_counted_in_ren_and_the_word_before_is_not_measured() -> None:
    question = "石桥小学一共多少学生"
    # 石桥小学13年: the school's years, not its pupils
    assert fact_strength("她的到来打破了石桥小学13年未进新老师的局面。", "howmany", question) < PLAIN
    assert fact_strength("她来到这所仅有120余人的乡村小学。", "howmany", question) == PLAIN
    assert fact_strength("全镇共有学生300名。", "howmany", question) == PLAIN


def test_a_level_in_roman_numerals_answers_how_many_levels() -> None:
    question = "应急管理部为那场雪灾启动的是几级响应"
    assert fact_strength("应急管理部启动国家Ⅳ级救灾应急响应，派出工作组。", "howmany", question) == PLAIN
    assert fact_strength("应急管理部派出工作组赶赴灾区。", "howmany", question) == NOTHING


def test_a_number_with_the_degree_sign_is_an_amount() -> None:
    question = "着陆器的姿态误差要控制在多大以内"
    assert fact_strength("要求着陆器的姿态误差必须控制在1.5°以内。", "howmany", question) == LIKELY
    body = (
        "团队对着陆器的姿态误差做了统计分析，明确控制目标。\n"
        "团队负责人介绍，这要求着陆器的姿态误差必须控制在1.5°以内。"
    )
    assert "1.5°以内" in answer_line(question, "着陆器顺利唤醒", body)


def test_a_share_asked_by_its_word_is_answered_by_a_share() -> None:
    question = "那个国家对多大比例的人口实行了签证限制"
    assert fact_strength("该国又宣布对近1/4的人口实行签证限制。", "howmany", question) == PLAIN
    assert fact_strength("该国宣布对三分之一人口实行签证限制。", "howmany", question) == PLAIN
    assert fact_strength("该国去年发放签证120万份。", "howmany", question) < PLAIN


def test_a_score_asked_is_answered_by_a_score() -> None:
    question = "女篮预选赛中国队赢英国几比几"
    assert question_kind(question) == "howmany"
    assert fact_strength("首个比赛日，中国女篮以86∶76战胜英国女篮。", "howmany", question) == PLAIN
    assert fact_strength("中国女篮与英国队、韩国队分在B组，共有12支球队参赛。", "howmany", question) == FAINT


def test_a_century_dates_history() -> None:
    question = "最早的铜镜是什么时候出现的"
    assert fact_strength("中国最早的铜镜出现于公元前20世纪。", "when", question) == PARTIAL
    assert fact_strength("这种纹样流行于上世纪80年代。", "when", question) == PARTIAL
    assert fact_strength("这里出土了二十多面铜镜。", "when", question) == NOTHING


def test_days_asked_as_a_span_are_answered_by_a_span() -> None:
    question = "青年科学家峰会开了哪几天"
    assert fact_strength("峰会于10月26日至27日在温州举行。", "when", question) == PLAIN
    assert fact_strength("10月26日，峰会在温州召开。", "when", question) < PLAIN
    body = "10月26日，青年科学家峰会在温州召开。\n青年科学家峰会由科协主办，于10月26日至27日在温州举行。"
    assert "26日至27日" in answer_line(question, "青年科学家峰会召开", body)
    # the report's own day opens the span: the span is the event's days all the same
    dated = "本报温州10月26日电 " + body.replace("10月26日，", "26日，")
    assert "26日至27日" in answer_line(question, "青年科学家峰会召开", dated)


def test_causes_as_news_writes_them() -> None:
    why = "那些武装组织为啥老打仗"
    assert fact_strength("这些武装组织经常因争夺资源产生矛盾和冲突。", "why", why) == PLAIN
    assert (
        fact_strength("惦念着还有几亩魔芋没种下，老王连夜驱车往村里赶。", "why", "老王为啥连夜赶回村里")
        == PLAIN
    )
    assert fact_strength("联想到之前有人买炭轻生，小哥立即报了警。", "why", "小哥为啥报警") == PLAIN
    # what a thing caused answers why it is feared, less plainly than a cause (it also tells an event's toll)
    assert fact_strength("小煤矿开采了十几年，造成附近大面积塌陷。", "why", "村民为啥怕小煤矿") == LIKELY
    # 打造成 is no 造成; 带着…惦念 (a noun) moves no deed
    assert fact_strength("他带领村民将石头村打造成为名村。", "why", "他为什么被评为好支书") == NOTHING
    assert fact_strength("他带着对学生的无限惦念离开了。", "why", "他为什么选了这所大学") == NOTHING


def test_the_byline_answers_who_wrote_the_report() -> None:
    body = (
        "本报武汉1月31日电  （记者范昊天、鲜敢）记者从武汉市防控指挥部获悉：武汉市1100家大型商超正常营业。\n"
        "武汉市商务局局长王某说，货源充足。"
    )
    line = answer_line("报道武汉1100家商超营业的记者是谁", "武汉1100家商超正常营业", body)
    assert line.startswith("（记者范昊天、鲜敢）")
    assert question_kind("武汉商超营业那篇是哪个记者写的") == "who"
    assert "范昊天" in answer_line("武汉商超营业那篇是哪个记者写的", "武汉1100家商超正常营业", body)
    # a story without a byline: no name from its text is the writer
    assert (
        answer_line("报道武汉1100家商超营业的记者是谁", "武汉商超营业", body.split("（记者范昊天、鲜敢）")[1])
        == ""
    )
    # a book's author is no byline
    book = "本报北京1月2日电 （记者李明）江小涓撰著的《对外开放70年》一书已出版。"
    assert "江小涓" in answer_line("《对外开放70年》这本书是谁写的", "新书出版", book)


def test_a_person_asked_by_what_the_person_is_is_answered_by_a_name() -> None:
    body = (
        "“中国已经赢得了非洲人民的心。”正如埃塞俄比亚学者莫哈里·玛鲁所指出，美方一直将非洲视为博弈的战场。\n"
        "埃塞俄比亚总理阿比代表埃塞俄比亚政府和人民表示感谢。"
    )
    # not read as the post of someone the question names (代表埃塞俄比亚: 阿比)
    question = "说中国已经赢得非洲人民的心的埃塞俄比亚学者是谁"
    asked = read_question(question, parse_query(question).terms, [(1, "帮助非洲", body)])
    assert asked is not None and asked.kind == "who"
    line = answer_line(question, "帮助非洲", body)
    assert "莫哈里·玛鲁" in line and "阿比" not in line


def test_a_code_after_its_number_word_is_the_name_asked() -> None:
    question = "飞到云龙湖的那只银鸥翅旗编号是啥"
    assert question_kind(question) == "name"
    assert fact_strength("摄影爱好者清晰地拍到了它的翅旗编号：AD81。", "name", question) == PLAIN


def test_a_topic_discussed_answers_what_the_theme_was() -> None:
    question = "政协经济界别第三十五组讨论的啥主题"
    assert (
        fact_strength("全国政协经济界别第三十五组围绕大力发展数字经济展开讨论。", "what", question) == PLAIN
    )
    # 就…展开交流 tells what was talked over, not a theme given
    assert fact_strength("与会代表就中英合作展开交流和探讨。", "what", "论坛的主题是啥") < PLAIN


def test_a_place_named_after_its_kind_is_a_place() -> None:
    question = "两个武装组织是在中非共和国哪个城市打起来的"
    sentence = "中非共和国武装组织近日在该国中东部城市布里亚发生冲突，造成约50人死亡。"
    assert fact_strength(sentence, "where", question) == PARTIAL
    assert fact_strength("首都圣多明各举行了集会。", "where", "集会在哪里举行") >= PARTIAL
    assert fact_strength("这座城市发展很快。", "where", question) == NOTHING


def test_a_measure_word_after_na_counts_the_word_after_it() -> None:
    # jieba tags 超市 a verb: the word a measure word counts is the kind asked all the same
    question = "总理在武汉去哪家超市看的供应"
    assert category_asked(question) == "超市"
    body = (
        "总理要求从全国增调医护人员，优先保障武汉的物资供应。\n"
        "总理牵挂市民的生活。他来到武商超市，察看商品供应和价格情况。"
    )
    assert "武商超市" in answer_line(question, "总理到武汉考察", body)


def test_a_document_asked_is_named_in_book_title_marks() -> None:
    question = "河北控烟写进了哪个行动文件"
    assert category_asked(question) == "文件"  # a kind no sentence may name: the document's title answers
    sentence = "健康河北领导小组制定印发《健康中国·河北行动（2020—2030年）》，提出全面实施控烟行动。"
    assert fact_strength(sentence, "what", question) == SOME
    # a title of another kind than asked (什么车: 《新春走基层》) hardly answers
    assert fact_strength("记者参加了《新春走基层》采访。", "what", "村里通了什么车") < SOME


def test_the_issuer_of_a_document_answers_who_issued_it() -> None:
    question = "扶贫小额信贷延期的通知是谁发的"
    sentence = "近日，国务院扶贫办、银保监会下发《关于做好扶贫小额信贷工作的通知》，要求各地化解疫情影响。"
    assert fact_strength(sentence, "who", question) == PLAIN
    assert fact_strength("通知明确适当延长还款期限。", "who", question) == NOTHING


def test_a_village_party_secretary_by_the_spoken_post_and_a_post_glued_to_its_body() -> None:
    question = "曲阜北元疃村村支书叫啥"
    assert "村村支书" in parse_query(question).terms  # jieba: 北元/疃/村村支书
    assert fact_strength("村支书张佃壮乐呵呵地说，以前的麻友成了舞伴。", "who", question) == PLAIN
    body = (
        "眼看北元疃村活动有声有色，相邻的南雪村党员王桂河坐不住了。\n"
        "“现在大伙都爱来广场。”村支书张佃壮乐呵呵地说，以前的麻友成了舞伴。"
    )
    assert "张佃壮" in answer_line(question, "曲阜乡村文化广场热闹起来", body)
