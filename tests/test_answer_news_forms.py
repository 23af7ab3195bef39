"""Issue 20, the answer line on the tuned seventh set: how news writes a count in a measure word (近100碗),
where someone comes from (从安徽芜湖来, 是…村人), a province of Thailand (清莱府) and a cause of what was told
before (这可能是…造成的), each on a small hand-written story."""

from __future__ import annotations

from storage.search.answers import FAINT, HOLDS_KIND, PLAIN
from tests.answer_support import answer_line, fact_strength


# 多少 before a measure word the unit list lacks (多少碗, 多少箱): the number written with it answers.
def test_how_many_of_a_measure_word_is_answered_by_the_number_in_it() -> None:
    body = (
        "春节放假，街头的小店多已上锁，一家小面馆还在营业。\n"
        "店主说，周围小店都关门，恰恰是面馆的好商机，一天能卖出近100碗。\n"
        "春节走亲访友，他逢人就夸那位老同志。"
    )
    assert "近100碗" in answer_line("那家面馆春节一天能卖多少碗", "暖意融融看社风", body)


def test_a_character_opening_the_noun_counted_is_no_measure_word() -> None:
    # 多少箱子 counts boxes by another measure word (30个箱子): a number with 箱 is not required
    assert fact_strength("仓库里还堆着30个箱子。", "howmany", "仓库里还有多少箱子") > FAINT


# Where someone came from: news writes 从安徽芜湖来 and X是…村人.
def test_where_someone_came_from_answers_where_from() -> None:
    body = (
        "春节放假，南京城西街头，大小店铺多已上锁，一家小面馆还在营业。\n"
        "一家人从安徽芜湖来，为了挣钱过上好生活，到南京开起这家面馆。"
    )
    assert "安徽芜湖" in answer_line("南京开面馆的那对夫妻是从哪来的", "暖意融融看社风", body)
    assert fact_strength("刘入源是江宁镇长江村人。", "where", "刘入源是哪里人") == PLAIN
    assert fact_strength("他是本村人。", "where", "他是哪里人") < PLAIN


# 府 ends a province of Thailand (清莱府), not a government or a seat (市政府, 学府).
def test_a_thai_province_is_a_place() -> None:
    assert (
        fact_strength("泰国北部清莱府的象山村，形成了完整的咖啡产业链。", "where", "象山村在哪个府") == PLAIN
    )
    assert fact_strength("市政府大楼前人来人往，热闹非凡。", "where", "咖啡节在哪里办") < HOLDS_KIND


# 这可能是…造成的: a cause written before what it caused, of the thing told a sentence or two before.
def test_a_cause_of_what_was_told_before() -> None:
    body = (
        "直到一次走访途中，老乡介绍说村里有口古井水温常年保持在10摄氏度，很是奇特。\n"
        "说者无意，听者有心。唐魏回去后立即咨询专家，得知这可能是断层地质条件造成的，没准能开发出矿泉水。\n"
        "经过村两委商议，井水被确定为招商引资项目。"
    )
    assert "断层地质条件" in answer_line("凉泉村的古井水温为啥常年不变", "博士驻村长学问", body)


# 怎么处理的: news reports what was done to whoever did wrong (受到政务警告处分, 被免职, 判处…).
def test_how_a_wrong_was_dealt_with_is_answered_by_the_sanction() -> None:
    body = (
        "原来该校产生了4.7万元的资金缺口，副校长刘某建议在学生食堂经费中解决，于是安排教师在采购单中虚报"
        "食堂采购牛肉3203斤。巡察组将线索移交后，县纪委监委随即展开调查，刘某受到政务警告处分。\n"
        "去年以来，全县112所学校开展了专项巡察。"
    )
    assert "政务警告处分" in answer_line("食堂缩水肉那事最后副校长怎么处理的", "食堂缩水肉牵出违纪案", body)
    assert fact_strength("副校长刘某建议在学生食堂经费中解决。", "what", "副校长最后怎么处理的") < PLAIN


# 在…启幕: an opening is something done at a place, like 在…举行.
def test_an_opening_at_a_place_says_where() -> None:
    sentence = "当地时间2月9日，美洲艺术团演出在多米尼加首都圣多明各正式启幕。"
    assert fact_strength(sentence, "where", "美洲访演在哪座城市启幕") == PLAIN
