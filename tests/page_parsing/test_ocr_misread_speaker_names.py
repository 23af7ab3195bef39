"""OCR'd pages: a speaker's name the OCR misread still ties its paragraph to its story.

Tesseract misreads a character of a name now and then: ``王毅强调`` comes out as ``王妆强调`` (rmrb_ocr4
4-4; ``王角指出``, ``王儿表示`` on other pages). The joiners weigh a block by the character pairs it shares
with each story's headline and opening, so a paragraph opening with the misread name no longer shares
the name with its story. A name opening a sentence before a verb of saying, no word of the language,
read nowhere else on the page and in no story's headline or opening, is read by the joiners as the one
name of its length one character off it that a headline or opening holds (the lines keep the OCR's
text). Made-up blocks in that shape, and the shapes that are left alone.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page
from storage.ingest.page_fragments import mend_names, misread_names

SEEDS = [
    "王毅同法国外长通电话据新华社北京1月27日电国务委员兼外交部长王毅应约同法国外长通电话。",
    "湖北充实基层救治力量本报武汉1月27日电湖北省正在紧急调配医疗资源。",
]


def test_issue22_a_misread_speakers_name_reads_as_the_name_in_a_headline():
    blocks = [*SEEDS, "王妆强调，这次疫情再次提醒我们，", "在全球化时代，各国命运紧密相连。"]
    names = misread_names(blocks, SEEDS)
    assert names == {"王妆": "王毅"}
    assert mend_names("王妆强调，这次疫情再次提醒我们，", names) == "王毅强调，这次疫情再次提醒我们，"


def test_issue22_a_name_after_a_comma_and_a_three_character_name_are_read_too():
    seeds = ["特朗普宣布新的关税措施据新华社华盛顿电美国总统特朗普当天宣布。"]
    blocks = [*seeds, "对此，特明普表示，美方将继续谈判。"]
    assert misread_names(blocks, seeds) == {"特明普": "特朗普"}


def test_issue22_names_that_are_no_misreading_are_left_alone():
    # A word of the language before a verb of saying (专家) is no name.
    assert misread_names([*SEEDS, "专家表示，防控工作正在有序推进。"], SEEDS) == {}
    # The name stands in a story's seed as it is: nothing to mend.
    assert misread_names([*SEEDS, "王毅强调，这次疫情再次提醒我们。"], SEEDS) == {}
    # The name is also read inside a sentence on the page: a name printed so.
    blocks = [*SEEDS, "村支书王强介绍了情况。", "王强表示，村里将继续修路。"]
    assert misread_names(blocks, SEEDS) == {}
    # Two names one character off it in the seeds: which one it stands for is not known.
    seeds = [*SEEDS, "王锁同泰国外长通电话新华社北京电外长王锁应约通电话。"]
    assert misread_names([*seeds, "王妆强调，这次疫情再次提醒我们。"], seeds) == {}


PAGE = (
    "2020年1月28日 星期二\n\n人民日报\n\n第3版 要闻\n\n"
    "王毅同法国外长勒德里昂通电话\n\n"
    "据新华社北京1月27日电 1月27日，国务\n"
    "委员兼外交部长王毅应约同法国外长勒德\n"
    "里昂通电话。\n\n"
    "王妆强调，中法双方应加强沟通协调，共\n"
    "同维护多边主义。\n"
)


def test_issue22_explain_names_the_misread_name_the_joiners_read_as_another():
    (story,) = parse_page(PAGE, year=2020)
    assert "".join(story.paragraphs).endswith("王妆强调，中法双方应加强沟通协调，共同维护多边主义。")
    explained = "\n".join(explain_page(PAGE, year=2020))
    assert "line 13: text: the joiners read 王妆 as 王毅 (a speaker's name one character off it" in explained
