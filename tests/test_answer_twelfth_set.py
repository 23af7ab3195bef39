"""Issue 20, the answer line on the twelfth set: causes announced by their number and then given one by one, the
text's own why answered after it, a share as how much of a whole, a list of two cut short by 等, a sign hung
(挂牌) printed as the plaque unveiled (揭牌), and a bound asked (至少, 最多) printed with the number; each on a
small hand-written story."""

from __future__ import annotations

from storage.search.answers import LIKELY, NOTHING, PLAIN, SOME, WEAK
from storage.search.answers.counts import bounds_asked
from storage.search.answers.sentences import asks
from tests.answer_support import answer_line, fact_strength


def test_causes_announced_by_their_number_are_shown_with_their_items() -> None:
    question = "新疫苗为什么这么难量产"
    body = (
        "记者走访了多家生产企业。\n"
        "专家表示，新疫苗量产十分困难，原因有两个。\n"
        "第一，原料要从海外进口，供货周期长，产能受制于人。\n"
        "第二，生产线需要逐条验证，验证期长达半年。\n"
        "目前，企业正在加紧建设新车间。"
    )
    line = answer_line(question, "新疫苗量产调查", body)
    assert "原因有两个" in line
    assert "原料要从海外进口" in line and "验证期长达半年" in line
    # an announcement whose items do not follow (no 第一 / 一是 / 首先) is shown alone
    alone = answer_line(question, "新疫苗量产调查", body.replace("第一，", "").replace("第二，", "另外，"))
    assert "原料要从海外进口" not in alone


def test_the_texts_own_why_is_answered_by_the_sentences_after_it() -> None:
    assert asks("那么,为什么有些水稻会倒伏?") and asks("他问:“这是为什么?”")
    assert not asks("水稻倒伏的原因是连日降雨。")
    question = "为什么有的水稻会大面积倒伏"
    body = (
        "今年入秋以来，不少地方的水稻出现倒伏，导致产量下降。\n"
        "那么，为什么有的水稻会大面积倒伏？\n"
        "有两个关键原因：首先，秸秆偏细；\n"
        "其次，收割前遭遇了连日大风。"
    )
    line = answer_line(question, "水稻倒伏怎么办", body)
    assert "秸秆偏细" in line
    # a quoted question still answers who (only a why reads the text's question as no answer)
    who = "当时问村里需不需要帮忙的干部叫什么"
    assert "李明" in answer_line(who, "干部进村", "那天，干部李明问村民：“村里需不需要帮忙？”")


def test_a_share_is_how_much_of_a_whole() -> None:
    question = "全国的电力有多少是来自水电的"
    assert fact_strength("据测算，全国电力里约有1/5来自水电。", "howmany", question) == LIKELY
    assert fact_strength("据测算，全国电力里约有五分之一来自水电。", "howmany", question) == LIKELY
    assert fact_strength("水电是全国电力的重要来源。", "howmany", question) == NOTHING


def test_a_list_of_two_cut_short_by_deng_then_its_kind_or_number() -> None:
    question = "这个镇上常演的民俗表演有哪些"  # no kind read from it (jieba: 表演/v)
    assert fact_strength("花鼓戏、皮影戏等表演常在镇上举行。", "which", question) == SOME
    assert fact_strength("花鼓戏、皮影戏等12个剧种常在镇上演出。", "which", question) == SOME
    # 等 then something else than the kind or the number asked (等技术), or 平等 / 等待: two items only
    assert fact_strength("镇上推广大数据、区块链等技术。", "which", question) == WEAK
    assert fact_strength("男女平等、机会均等是这里的共识。", "which", question) == WEAK
    line = answer_line(
        question,
        "小镇文化生活丰富",
        "小镇近年建起了文化广场，镇上的文化生活越来越丰富。\n富有特色的花鼓戏、皮影戏等表演时常在广场举行，热闹非凡。",
    )
    assert "花鼓戏、皮影戏" in line


def test_a_sign_hung_is_printed_as_the_plaque_unveiled() -> None:
    question = "江南科创园是哪天挂牌的"
    body = (
        "6月3日，备受关注的《江南科创园建设方案》对外公布；\n"
        "6月28日上午，江南科创园在湖畔正式揭牌；\n"
        "园区将引进一批科技企业。"
    )
    assert "6月28日" in answer_line(question, "江南科创园建设提速", body)


def test_a_bound_asked_is_answered_by_the_number_printed_with_it() -> None:
    assert bounds_asked("对盗伐者至少罚多少钱") and bounds_asked("最多能拿多少补贴")
    assert not bounds_asked("一共罚了多少钱")
    # a superlative or the supreme court asks no bound
    assert not bounds_asked("海拔最高的那个乡投资了多少钱") and not bounds_asked("最高法审结了多少件案件")
    question = "那个国家对盗伐者至少判几年"
    body = (
        "该国对盗伐者、滥伐者都有明确规定，盗伐者最高可判处10年监禁。\n"
        "对盗伐者，可以判处不少于3年监禁、并处罚金。"
    )
    # the least asked, not the most printed first
    assert "不少于3年" in answer_line(question, "森林保护法", body)


def test_titles_in_book_title_marks_list_the_documents_asked() -> None:
    question = "那个国家近年通过了哪些环境保护方面的法律"
    sentence = "该国近年通过了《清洁空气法》《水资源保护法》等。"
    assert fact_strength(sentence, "which", question) == PLAIN
    # titles of no document asked (哪些节目) list less plainly
    assert fact_strength(sentence, "which", "那个电视台近年播出了哪些节目") == LIKELY
