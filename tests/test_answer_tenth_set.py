"""Issue 20, the answer line on the tenth set: a post jieba glues to its body (局局长), a share as how many (近2/3的
人口), a list of those who did what is asked (…、…联合印发) or written after its kind (作家甲、乙、丙), a name of the
kind asked where (在哪个大学), the worry a thing gives rise to (引发担忧) as no cause, a sentence opening with its
purpose (为…，…), and 哪所 / 是…的 read in the kind asked; each on a small hand-written story."""

from __future__ import annotations

from storage.search.answers import (
    LIKELY,
    NOTHING,
    PARTIAL,
    PLAIN,
    category_asked,
    read_question,
)
from storage.search.query import parse_query
from storage.text.normalize import normalize
from tests.answer_support import answer_line, fact_strength


def test_a_post_glued_to_its_body_names_its_holder_after_the_post_alone() -> None:
    question = "2019年青川县卫生健康局局长是谁"
    assert "局局长" in parse_query(question).terms  # jieba: 卫生/健康/局局长
    assert fact_strength("青川县卫生健康局党组书记、局长周立平说。", "who", question) == PLAIN
    body = (
        "青川县乔庄镇村民王大勇说，今年看病报销了八成。\n"
        "“我们推进乡镇卫生院标准化建设。”青川县卫生健康局党组书记、局长周立平说。"
    )
    assert "周立平" in answer_line(question, "青川县着力解决看病难", body)


def test_a_share_of_what_is_counted_answers_how_many() -> None:
    question = "那位学者说这个倡议影响着全球多少人口"
    assert fact_strength("这个倡议正在改变世界，影响着全球近2/3的人口；", "howmany", question) == LIKELY
    assert fact_strength("这个倡议正在改变世界，影响深远；", "howmany", question) == NOTHING
    body = "这位学者说：“这个倡议正在改变世界，影响着全球近2/3的人口；它是开放的。”\n他曾多次访问中国。"
    assert "2/3" in answer_line(question, "访一位学者", body)


def test_a_list_doing_what_is_asked_or_written_after_its_kind_answers_which() -> None:
    question = "2020年乡村阅读工作要点是哪几个部门印发的"
    doing = "近日，中央宣传部、农业农村部、文化和旅游部联合印发《2020年乡村阅读工作要点》。"
    assert fact_strength(doing, "which", question) == PLAIN
    # a list doing something else than what is asked is a list, no more
    assert fact_strength("会上，中央宣传部、农业农村部、文化和旅游部作了发言。", "which", question) == PARTIAL
    body = (
        "近日，中央宣传部、农业农村部、文化和旅游部联合印发《2020年乡村阅读工作要点》。\n"
        "《工作要点》明确了目标：农家书屋提质增效，基本实现乡村阅读全覆盖；"
    )
    assert "中央宣传部、农业农村部" in answer_line(question, "三部门部署乡村阅读", body)
    assert (
        fact_strength(
            "均成长于沈阳市铁西区的作家张一、李二、王三，近期引起关注。", "which", "铁西三作家是哪几个作家"
        )
        == PLAIN
    )


def test_a_name_of_the_kind_asked_where_is_the_place() -> None:
    question = "米洛什以前在哪个大学当中国中心主任"
    assert fact_strength("米洛什还曾担任诺维萨德大学中国中心主任，研究中国文化。", "where", question) == PLAIN
    # a place word asked (哪个社区) is answered by places, not by any two characters before 社区
    assert (
        fact_strength("她关注社区建设工作，源于下沉社区的经历。", "where", "禹老师下沉到了哪个社区") < PLAIN
    )


def test_the_worry_a_thing_gives_rise_to_is_no_cause() -> None:
    question = "欧洲央行为啥搞负利率"
    assert fact_strength("欧元区持续的低利率也引发担忧。", "why", question) == NOTHING
    assert fact_strength("因担心疫情扩散，居民取消了聚会。", "why", "居民为什么取消聚会") == PLAIN


def test_a_sentence_opening_with_its_purpose_answers_why_for_the_deed_asked() -> None:
    question = "欧洲央行当初为啥搞负利率"
    opening = "为对抗通缩风险、刺激经济复苏，欧洲央行自2014年6月起开启负利率时代。"
    assert fact_strength(opening, "why", question) == PARTIAL
    # the purpose of another deed (the road) does not say why the one asked about (the cableway) was done
    assert (
        fact_strength("为打通交通瓶颈，当地决定修建一条通村公路。", "why", "那个村为什么改修索道") == NOTHING
    )
    assert fact_strength("为期三天，欧洲央行举行会议。", "why", question) == NOTHING
    body = (
        "2019年11月，欧洲央行还将重新启动资产购买。欧元区持续的低利率也引发担忧。\n"
        "为对抗通缩风险、刺激经济复苏，欧洲央行自2014年6月起开启负利率时代。"
    )
    assert "对抗通缩风险" in answer_line(question, "欧元区经济面临难题", body)


def test_which_school_is_read_past_a_parted_measure_word_and_a_closing_verb() -> None:
    assert category_asked(normalize("那个社区办学校找的是哪所大学")) == "大学"  # jieba: 哪/所/大学
    assert category_asked(normalize("那位作曲家是哪个学校毕业的")) == "学校"  # jieba: 学校/毕业(n)/的
    # the ranking's fact test reads the kind as before
    assert category_asked(normalize("那位作曲家是哪个学校毕业的"), as_ranked=True) != "学校"


def test_a_kind_asked_with_its_modifier_is_answered_by_one_of_that_narrower_kind() -> None:
    question = "返乡创业的人能拿到什么创业补贴"
    assert fact_strength("对返乡创业人员，给予一次性创业补贴；", "what", question) == LIKELY
    # a 补贴 of another kind than the 创业补贴 asked
    assert fact_strength("对返乡创业企业，按规定给予社会保险补贴。", "what", question) < LIKELY
    body = (
        "对符合条件的返乡创业人员，要落实税费减免政策，给予一次性创业补贴；"
        "对符合条件的返乡创业企业，按规定给予社会保险补贴。"
    )
    assert "一次性创业补贴" in answer_line(question, "返乡创业政策支持力度加大", body)


def test_a_verb_of_carrying_to_a_place_is_read_in_its_formal_form() -> None:
    question = "那批医护物资哪天运到北京的"
    body = (
        "“除夕当天，我紧急联系柏林的华侨华人，希望他们能迅速采购一批医护物资。\n"
        "北京时间1月30日上午，这批物资运抵北京。"
    )
    assert "1月30日" in answer_line(question, "海外华侨支援抗疫", body)
    reading = read_question("那批物资是怎么送到的", ["物资", "送到"], [(1, "t", "物资送抵。")])
    assert reading is not None and reading.units[1] == ("送到", "送抵")
