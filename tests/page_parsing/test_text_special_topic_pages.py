"""Text pages in a layout no family had shown the parser (`benchmarks.topicpages`): a
special-topic page (专版 / 专题), a banner over the whole page, photo captions set between a story's
paragraphs, sidebars after stories.

Each case is a small made-up page in the shape of failures seen on the tuned family's pages
(`special_page`, seed 1); the held-out `evening_items` pages were never looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page
from tests.page_parsing.layout import column_text

WIDTH = 18
FIRST = "这几天，杭州市下城区朝晖街道的独居老人，每天都会接到结对的网格员打来电话，询问需求、了解情况。"
SECOND = "工作人员给社区八十八岁的孤寡老人赵奶奶打电话，听说老人刚刚不慎摔倒，社区书记和社工立刻上门查看，帮老人戴好口罩，借来轮椅推着她去附近就医。"
THIRD = (
    "因为疫情防控需要，杭州所有住宅小区实行封闭式管理，社区工作者、志愿者对辖区的高龄老人全部上门摸排了情况。"
)
OTHER = "浙江舟山移动的项目组深入海上油库现场，针对海上作业危险系数较高等情况，利用新技术搭建了智能巡检系统，为企业办实事。"


def _story(head: str, byline: str, *paragraphs: str) -> str:
    return f"{head}\n\n{byline}\n{column_text(*paragraphs, width=WIDTH)}\n"


def test_a_caption_between_a_storys_paragraphs_belongs_to_no_story():
    """``▲…。`` over its credit, set between two paragraphs in the story's block: dropped, and the
    paragraph under it stays the story's (it had been lost, the headline going to the next text)."""
    caption = "▲社区工作人员为老人送餐上门。\n  本报记者  蔡敏远摄"
    page = (
        "第12版  专版\n\n"
        + f"对独居老人不停歇帮扶\n\n本报记者  何海敏\n{column_text(FIRST, width=WIDTH)}\n{caption}\n{column_text(SECOND, THIRD, width=WIDTH)}\n\n"
        + _story("舟山推动新技术进海上油库", "本报记者  江南", OTHER)
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "对独居老人不停歇帮扶"
    assert first.paragraphs == (FIRST, SECOND, THIRD)
    assert first.reporters == ("何海敏",)
    assert second.title == "舟山推动新技术进海上油库"
    explained = "\n".join(explain_page(page, year=2020))
    assert "dropped line 9 as caption: ▲社区工作人员为老人送餐上门。" in explained
    assert "dropped line 10 as caption: 本报记者  蔡敏远摄" in explained


def test_a_caption_with_its_credit_in_brackets_or_a_picture_note():
    for caption in (
        "图为朝晖街道的志愿者上门。（王某 摄）",
        "图为朝晖街道的志愿者上门。（资料图片）",
        "图为朝晖街道的志愿者上门。\n（资料图片）",  # the note on a line of its own, page furniture too
    ):
        page = f"对独居老人不停歇帮扶\n\n本报记者  何海敏\n{column_text(FIRST, width=WIDTH)}\n{caption}\n{column_text(SECOND, width=WIDTH)}\n"
        (story,) = parse_page(page, year=2020)
        assert story.paragraphs == (FIRST, SECOND), caption


def test_a_caption_sign_opening_text_without_a_credit_stays_text():
    """``▲`` opening a sentence with no photographer's credit under it is no caption: the story keeps it."""
    page = f"对独居老人不停歇帮扶\n\n本报记者  何海敏\n{column_text(FIRST, width=WIDTH)}\n▲社区食堂恢复供餐。\n{column_text(SECOND, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert "▲社区食堂恢复供餐。" in "".join(story.paragraphs)


def test_a_sidebar_whose_text_has_no_head_takes_no_headline():
    """``相关阅读`` over the sidebar's text wrapped at the measure (its first line holds a comma): the text
    is no head, and the headline under the sidebar stays its own story's."""
    sidebar = "相关阅读\n" + column_text(
        "近日，又有一些国家政要及国际组织负责人继续通过各种方式对中国抗击疫情表示慰问和支持。", width=WIDTH
    )
    page = (
        _story("对独居老人不停歇帮扶", "本报记者  何海敏", FIRST)
        + f"\n{sidebar}\n\n"
        + _story("舟山推动新技术进海上油库", "本报记者  江南", OTHER)
    )
    first, box, last = parse_page(page, year=2020)
    assert (first.title, last.title) == ("对独居老人不停歇帮扶", "舟山推动新技术进海上油库")
    assert last.paragraphs == (OTHER,)
    assert box.paragraphs == (
        "近日，又有一些国家政要及国际组织负责人继续通过各种方式对中国抗击疫情表示慰问和支持。",
    )


def test_a_special_pages_banner_is_no_headline():
    """``【专题】推动高质量发展`` or ``特别策划`` over the page, and a banner with its ``——…`` line over the
    first headline: page furniture, not the first story's kicker."""
    for banner in ("【专题】推动高质量发展", "特别策划", "专题·奋进新时代", "聚焦基层治理\n——记者蹲点见闻"):
        page = f"2020年2月14日  星期五\n第6版  专版\n\n{banner}\n\n" + _story(
            "对独居老人不停歇帮扶", "本报记者  何海敏", FIRST, SECOND
        )
        (story,) = parse_page(page, year=2020)
        assert story.title == "对独居老人不停歇帮扶", banner


def test_a_headline_with_its_subtitle_over_a_byline_stays_the_headline():
    """A main line and its ``——…`` subtitle over the byline are the story's headline, no banner."""
    page = (
        "第6版  专版\n\n对独居老人不停歇帮扶\n——朝晖街道见闻\n\n本报记者  何海敏\n"
        + column_text(FIRST, SECOND, width=WIDTH)
        + "\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "对独居老人不停歇帮扶 ——朝晖街道见闻"


def test_a_caption_after_a_colon_is_dropped_and_the_list_goes_on():
    """A caption between a story's paragraphs right after a line ending on a colon (``中共中央决定：``)."""
    lead = "本报北京10月25日电  （记者姜洁）日前，中共中央决定："
    rest = "任命王某同志为某省委委员、常委，免去李某同志的某省委书记、常委、委员职务。"
    page = (
        "内蒙古宁夏自治区党委主要负责同志职务调整\n\n"
        + column_text(lead, width=WIDTH)
        + "\n▲全国人大常委会副委员长出席会议。\n（王某 摄）\n"
        + column_text(rest, width=WIDTH)
        + "\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.paragraphs == ("本报北京10月25日电（记者 姜洁）日前，中共中央决定：", rest)
    assert story.reporters == ("姜洁",)


def test_a_caption_under_a_story_cut_off_by_its_jump_line_is_no_story():
    """``…共鸣。`` / ``▶下转第4版`` then a block of a sentence closed by a photographer's credit: the
    photo's caption, no picture story taking the headline printed over the story above."""
    page = (
        "带着最温暖的行囊出发（今日谈）\n\n本报记者  程  刚  罗红国\n"
        + column_text(FIRST, SECOND, width=WIDTH)
        + "\n▶下转第4版\n\n2月23日，每一次归程，都是为了更好地\n出发家庭团圆。  新华社记者 宋思怡 摄\n\n"
        + _story("舟山推动新技术进海上油库", "本报记者  江南", OTHER)
    )
    first, second = parse_page(page, year=2019)
    assert first.title == "带着最温暖的行囊出发（今日谈）"
    assert first.paragraphs == (FIRST, SECOND)
    assert first.reporters == ("程刚", "罗红国")
    assert second.title == "舟山推动新技术进海上油库"


LONG = (
    "小康不小康，关键在老乡。各地把扶贫同扶志、扶智结合起来，激发贫困群众的精气神，坚决打赢脱贫攻坚战。",
    "高质量打赢脱贫攻坚战，要瞄准深度贫困地区，扶贫资金、扶贫项目向贫困村倾斜，确保脱贫攻坚战高质量完成。",
)
SHORT = "李应川一家从高深山区搬到富民新村，住上了新房，打赢了脱贫攻坚战，日子越过越有奔头，生活质量越来越高。"


def test_two_headlines_each_over_a_byline_stay_over_their_stories_when_that_fits_better_in_all():
    """``高质量打赢脱贫攻坚战`` over a long story on it, ``扶贫扶出精气神`` over a short one its words hardly
    name but the long one does: as printed, the two fit better in all than swapped (issue 22: headlines
    matched to stories over the whole page)."""
    page = (
        _story("高质量打赢脱贫攻坚战", "本报记者  朱娟平", *LONG)
        + "\n"
        + _story("扶贫扶出精气神", "本报记者  郑勇华", SHORT)
    )
    first, second = parse_page(page, year=2020)
    assert (first.title, first.reporters) == ("高质量打赢脱贫攻坚战", ("朱娟平",))
    assert (second.title, second.reporters) == ("扶贫扶出精气神", ("郑勇华",))


def test_a_banner_in_words_its_story_does_not_use_over_the_first_headline_is_no_kicker():
    """``聚焦基层治理`` alone over the page's first headline, a block apart, sharing not one character
    pair with the story under it: the page's banner, in no title, even where another story shares a
    word with it (``关注民生实事``, 实事 in the second story). A kicker a block apart that names what its
    story tells (``杭州下城区``) stays in the title."""
    for banner, title in (
        ("聚焦基层治理", "对独居老人不停歇帮扶"),
        ("关注民生实事", "对独居老人不停歇帮扶"),
        ("杭州下城区", "杭州下城区 对独居老人不停歇帮扶"),
    ):
        page = (
            f"第6版  专版\n\n{banner}\n\n"
            + _story("对独居老人不停歇帮扶", "本报记者  何海敏", FIRST, SECOND)
            + "\n"
            + _story("舟山推动新技术进海上油库", "本报记者  江南", OTHER)
        )
        first, second = parse_page(page, year=2020)
        assert first.title == title, banner
        assert second.title == "舟山推动新技术进海上油库"


def test_a_kicker_with_a_comma_a_block_apart_over_the_headline_is_no_text_of_the_story_above():
    """``天长推动移风易俗，培育乡村文明`` alone in its block, short of the column, over the headline
    block and the byline: the next story's kicker, not the last paragraph of the story above."""
    kicker = "天长推动移风易俗，培育乡村文明"
    page = (
        _story("对独居老人不停歇帮扶", "本报记者  何海敏", FIRST, SECOND)
        + f"\n{kicker}\n\n"
        + _story(
            "一个唢呐手眼中的变迁",
            "记者 蔡霞涛 通讯员 吴超艳",
            "安徽省天长市推动移风易俗，培育乡村文明，居民唐来宝收拾起自己的唢呐，又和乡亲们搭班子唱戏。",
        )
    )
    first, second = parse_page(page, year=2020)
    assert first.paragraphs == (FIRST, SECOND)
    assert second.title == f"{kicker} 一个唢呐手眼中的变迁"
    assert second.reporters + second.correspondents == ("蔡霞涛", "吴超艳")
