"""A 外事 page (`benchmarks.diplomacypages`, ``diplomacy_page``, issue 22): meetings under Beijing datelines, a
钟声 comment, ambassadors' essays and correspondents' pieces. An essay signed under its heads by post and name
(``中国驻日本大使  孔铉佑``) has its writer as byline, not a paragraph of that line; a compiler's note closing a
round-up (``（本报记者  张矜若整理）``) is a note of the text, not a byline naming ``张矜若整理``; an essay's
author alone under its heads over a summary wrapped at the column's measure with no stop
(``■古代的海陆丝绸之路早已把两大文明紧紧`` / ``相连，…促`` / ``使两国携手合作``) signs the essay, and the heads over them
are its headline, not the story above's text.

Each case is a small made-up page in the shape of failures seen on ``diplomacy_page`` (seed 1); the guards
are shapes of other pages the new readings must leave as they were.
"""

from __future__ import annotations

import pytest

from storage.ingest.ocr_page import parse_page
from storage.ingest.page_lines import is_byline, parse_byline
from tests.page_parsing.layout import column_lines, page_of_blocks, squeezed

WIDTH = 21

COMMENT_TITLE = "送给世界的祥和喜悦（钟声）"
COMMENT = (
    "年画春联的缤纷、龙腾狮舞的跃动、迎春锣鼓的喧阗……放眼世界，很多地方都洋溢着喜庆气氛。",
    "文明因交流而多彩，文明因互鉴而丰富。中国人民同世界各国人民同庆同欢，祈愿人类携手创造美好明天。",
)
ESSAY_TITLE = "风雨同舟度甲子 面向未来谱新篇（大使随笔）"
ESSAY = (
    "■古代的海陆丝绸之路早已把两大文明紧紧相连，共同的历史遭遇和日益广泛的共同利益促使两国携手合作",
    "中国和苏丹分处亚非大陆，相隔万里之遥，但都拥有悠久的历史和灿烂的文化，有着源远流长的美好情谊。",
    "站在新的历史起点上，中方愿与苏方一道，谱写中苏战略伙伴关系的新篇章。",
    "（作者为中国驻苏丹大使）",
)
ROUNDUP_TITLE = "“中国会在考验中变得更强大”"
ROUNDUP = (
    "新冠肺炎疫情发生以来，中国政府和民众同心协力抗击疫情的积极举措，赢得海外网友的广泛赞誉。",
    "一位巴西网友留言说：“中国人民团结一心，一定能够战胜疫情。”",
)


def _essay(author: str) -> list[list[str]]:
    summary, *text = ESSAY
    return [[ESSAY_TITLE], [author, *column_lines((summary,), width=WIDTH)], column_lines(text, width=WIDTH)]


def test_an_essay_signed_by_post_and_name_has_its_writer_as_byline() -> None:
    page = page_of_blocks(
        [COMMENT_TITLE],
        column_lines(COMMENT, width=WIDTH),
        [ESSAY_TITLE],
        ["中国驻苏丹大使  马新民", *column_lines(ESSAY[1:], width=WIDTH)],
    )
    comment, essay = parse_page(page, year=2019)
    assert essay.title == ESSAY_TITLE
    assert essay.reporters == ("马新民",)
    assert squeezed(essay.paragraphs) == squeezed(ESSAY[1:])


@pytest.mark.parametrize(
    ("line", "byline", "reporters"),
    [
        ("中国驻日本大使  孔铉佑", True, ("孔铉佑",)),
        ("中国驻大阪总领事  李  天", True, ("李天",)),
        ("本报驻开罗记者  韩勇", True, ("韩勇",)),
        # a body line that names an ambassador is no byline: no space between post and name
        ("中国驻日本大使孔铉佑", False, ()),
        ("中国驻日本大使孔铉佑表示，", False, ()),
    ],
)
def test_a_diplomat_s_post_before_a_space_and_a_name_is_a_writer_s_role(line, byline, reporters) -> None:
    assert is_byline(line) is byline
    if byline:
        assert parse_byline(line)[0] == reporters


@pytest.mark.parametrize("note", ["（本报记者  张矜若整理）", "（记者 王某 整理）"])
def test_a_compiler_s_note_closing_a_round_up_is_its_text_not_a_byline(note: str) -> None:
    assert not is_byline(note)
    page = page_of_blocks([ROUNDUP_TITLE], [*column_lines(ROUNDUP, width=WIDTH), note])
    (story,) = parse_page(page, year=2020)
    assert story.reporters == ()
    assert squeezed(story.paragraphs) == squeezed((*ROUNDUP, note))


def test_a_reporter_s_bracketed_byline_closing_an_item_still_names_the_reporter() -> None:
    """Guard: a closing bracket of a role and names (``（本报记者  何  璐）``) is the item's byline."""
    assert parse_byline("（本报记者  何  璐）")[0] == ("何璐",)
    assert parse_byline("（记者 王整）")[0] == ("王整",)


@pytest.mark.parametrize("author", ["何磊勇", "何  勇"])
def test_an_author_alone_over_a_summary_at_the_column_s_measure_signs_the_essay(author: str) -> None:
    page = page_of_blocks([COMMENT_TITLE], column_lines(COMMENT, width=WIDTH), *_essay(author))
    comment, essay = parse_page(page, year=2019)
    assert comment.title == COMMENT_TITLE
    assert squeezed(comment.paragraphs) == squeezed(COMMENT)
    assert essay.title == ESSAY_TITLE
    assert essay.reporters == ("".join(author.split()),)
    assert squeezed(essay.paragraphs) == squeezed(ESSAY)


def test_an_author_alone_over_a_two_line_headline_is_not_read_as_text() -> None:
    """Guard: under an author's name alone, a headline of two lines set short of the measure, no comma,
    stays a headline (the lines are not indent-short over a full one)."""
    page = page_of_blocks(
        [COMMENT_TITLE],
        column_lines(COMMENT, width=WIDTH),
        ["何磊勇", "中苏友好", "面向未来"],
        column_lines(ESSAY[1:], width=WIDTH),
    )
    stories = parse_page(page, year=2019)
    assert stories[0].title == COMMENT_TITLE
    assert squeezed(stories[0].paragraphs) == squeezed(COMMENT)
