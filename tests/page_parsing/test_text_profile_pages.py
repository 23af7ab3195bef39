"""A 人物 page of one series' profiles (`benchmarks.profilepages`, ``profile_page``), issue 22: the series'
banner set once over the page (``【英模风采】``), each profile under heads opening with its own kicker
(``张建国：`` / ``扎根山乡 守护平安``, ``某县人民医院原院长李明——`` / ``…``), a portrait's caption of the
person under the heads or between two paragraphs (``张建国（资料图片）``, ``张建国像``,
``张建国  新华社发``). The banner and the captions belong to no story.

Each case is a small made-up page in the shape of failures seen on ``profile_page`` (seed 1).
"""

from __future__ import annotations

import pytest

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text, squeezed

WIDTH = 18

STRIP = "人物  第9版\n2020年1月7日  星期二"
HEADS = "张建国：\n扎根山乡 守护平安"
FIRST = "据新华社电  （记者王明）在某省某县的烈士陵园里，每年清明都有群众自发前来，缅怀人民警察张建国。"
SECOND = "张建国，1962年生于某县一个农民家庭，1983年参加公安工作，生前是县公安局刑警大队副大队长。"
THIRD = "1996年8月，张建国在抓捕持枪歹徒时身中两弹，壮烈牺牲，年仅34岁。"
NEXT_HEADS = "李红梅：\n冲锋在前 舍生忘死"
NEXT = "据新华社电  （记者赵亮）李红梅，1970年出生，某市人，生前是市公安局巡警支队民警。"


def _profiles(page: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(story.title, squeezed(story.paragraphs)) for story in parse_page(page, year=2020)]


WANT = [
    ("张建国： 扎根山乡 守护平安", squeezed((FIRST, SECOND, THIRD))),
    ("李红梅： 冲锋在前 舍生忘死", squeezed((NEXT,))),
]


@pytest.mark.parametrize(
    "caption", ["张建国（资料图片）", "张建国像", "张建国  新华社发", "张建国（新华社发）"]
)
def test_a_portraits_caption_under_the_heads_belongs_to_no_story(caption: str) -> None:
    body = column_text(FIRST, SECOND, THIRD, width=WIDTH)
    page = f"{STRIP}\n\n{HEADS}\n\n{caption}\n\n{body}\n\n{NEXT_HEADS}\n\n{column_text(NEXT, width=WIDTH)}\n"
    assert _profiles(page) == WANT


@pytest.mark.parametrize("caption", ["张建国（资料图片）", "张建国像", "张建国  新华社发"])
def test_a_portraits_caption_between_two_paragraphs_belongs_to_no_story(caption: str) -> None:
    body = f"{column_text(FIRST, width=WIDTH)}\n\n{caption}\n\n{column_text(SECOND, THIRD, width=WIDTH)}"
    page = f"{STRIP}\n\n{HEADS}\n\n{body}\n\n{NEXT_HEADS}\n\n{column_text(NEXT, width=WIDTH)}\n"
    assert _profiles(page) == WANT


def test_a_headline_naming_a_kind_of_picture_is_no_portraits_caption() -> None:
    """``英雄群像``: 像 after a word for a kind of picture, not after a name; the headline stays."""
    page = f"{STRIP}\n\n英雄群像\n\n{column_text(SECOND, THIRD, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert story.title == "英雄群像"


@pytest.mark.parametrize("banner", ["【英模风采】", "·英模风采·", "英模风采"])
def test_a_series_banner_over_a_kicker_of_its_own_belongs_to_no_story(banner: str) -> None:
    page = f"{STRIP}\n\n{banner}\n\n{HEADS}\n\n{column_text(FIRST, SECOND, THIRD, width=WIDTH)}\n\n{NEXT_HEADS}\n\n{column_text(NEXT, width=WIDTH)}\n"
    assert _profiles(page) == WANT


def test_a_series_banner_over_a_post_and_name_closed_by_a_dash_belongs_to_no_story() -> None:
    heads = "某县人民医院原院长李明——\n一心为民的好医生"
    next_heads = "某市公交公司驾驶员王芳——\n“车厢就是我的家”"
    page = f"{STRIP}\n\n【最美奋斗者】\n\n{heads}\n\n{column_text(SECOND, THIRD, width=WIDTH)}\n\n{next_heads}\n\n{column_text(NEXT, width=WIDTH)}\n"
    first, second = parse_page(page, year=2020)
    assert first.title == "某县人民医院原院长李明—— 一心为民的好医生"
    assert second.title == "某市公交公司驾驶员王芳—— “车厢就是我的家”"


def test_a_kicker_over_a_main_line_closed_by_a_dash_stays_in_its_title() -> None:
    """Guard: over a story alone whose main line a dash closes (a subtitle under it), the block at the
    page's top is that story's kicker: no other piece on the page is headed alike."""
    heads = "向着奋斗目标阔步前行——\n记某县公安局的一年"
    page = f"{STRIP}\n\n新华社长篇通讯\n\n{heads}\n\n{column_text(FIRST, SECOND, THIRD, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert story.title == "新华社长篇通讯 向着奋斗目标阔步前行—— 记某县公安局的一年"


def test_a_column_label_over_a_main_headline_stays_in_its_title() -> None:
    """Guard: a label a block apart over a headline with no kicker of its own is that headline's."""
    page = f"{STRIP}\n\n【英模风采】\n\n扎根山乡 守护平安\n\n{column_text(SECOND, THIRD, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert story.title == "【英模风采】 扎根山乡 守护平安"


def test_a_pointer_and_the_name_the_profile_gives_is_a_portraits_caption_not_a_sub_heading() -> None:
    """``▲张建国`` between two paragraphs of a profile that names 张建国: a caption, in no paragraph."""
    first = "据新华社电  （记者王明）每年清明，都有群众来到某县烈士陵园，缅怀人民警察张建国。"
    body = f"{column_text(first, width=WIDTH)}\n\n▲张建国\n\n{column_text(SECOND, THIRD, width=WIDTH)}"
    page = f"{STRIP}\n\n{HEADS}\n\n{body}\n\n{NEXT_HEADS}\n\n{column_text(NEXT, width=WIDTH)}\n"
    assert _profiles(page) == [("张建国： 扎根山乡 守护平安", squeezed((first, SECOND, THIRD))), WANT[1]]


def test_a_pointer_and_words_naming_no_one_in_the_story_stay_a_sub_heading() -> None:
    """Guard: ``▲严守纪律`` (no name the profile gives) is the profile's sub-heading, a paragraph."""
    first = "据新华社电  （记者王明）每年清明，都有群众来到某县烈士陵园，缅怀人民警察张建国。"
    body = f"{column_text(first, width=WIDTH)}\n\n▲严守纪律\n\n{column_text(SECOND, THIRD, width=WIDTH)}"
    page = f"{STRIP}\n\n{HEADS}\n\n{body}\n\n{NEXT_HEADS}\n\n{column_text(NEXT, width=WIDTH)}\n"
    assert _profiles(page)[0][1] == squeezed((first, "▲严守纪律", SECOND, THIRD))


def test_a_bulleted_kicker_closed_by_a_dash_over_a_quoted_main_line_is_a_headline() -> None:
    """``■ 某市第三人民医院检验科主任刘明——`` / ``“与病毒面对面，我们不会退缩”`` over prose: the kicker leads
    to its main line (a comma inside the quotation), no brief's head over its text."""
    heads = "■ 某市第三人民医院检验科主任刘明——\n“与病毒面对面，我们不会退缩”"
    lead = "“我来顶上！”2月1日一早，刘明亲自上阵，把采集好的标本送到实验室，没有丝毫犹豫。"
    page = f"{STRIP}\n\n{heads}\n\n{column_text(lead, THIRD, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert story.title == "■ 某市第三人民医院检验科主任刘明—— “与病毒面对面，我们不会退缩”"
    assert squeezed(story.paragraphs) == squeezed((lead, THIRD))


def test_a_speakers_tag_after_a_quotation_closed_at_a_column_break_goes_on_with_it() -> None:
    """``…冲在抗疫一线最前面！”`` full at a column's end (its closing mark hung past the edge),
    ``张建国说。`` atop the next column: one paragraph, the speaker's tag no paragraph's first line."""
    quote = "“现在大家都在一线辛苦奋战，我是一名共产党员，越是关键时候越不能撂挑子，我们必须坚决冲在抗疫一线最前面！”"
    lines = wrap(quote, WIDTH)
    assert len(lines[-1]) > WIDTH  # the quotation closes a full line
    body = (
        f"{column_text(SECOND, width=WIDTH)}\n"
        + "\n".join(lines)
        + f"\n\n张建国说。\n{column_text(THIRD, width=WIDTH)}"
    )
    page = f"{STRIP}\n\n{HEADS}\n\n{body}\n\n{NEXT_HEADS}\n\n{column_text(NEXT, width=WIDTH)}\n"
    assert _profiles(page)[0][1] == squeezed((SECOND, quote + "张建国说。", THIRD))
