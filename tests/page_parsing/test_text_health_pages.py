"""A 健康 page (`benchmarks.healthpages`, ``health_page``): a focus story, a comment, a doctor's lecture
and a column of medical briefs. A brief's author in brackets (``（姚  昂）``, a two-character name padded to
three cells) closes it, though the next item's head follows in the same block; the column's heading
(``医学资讯``) heads no item, though the item's text names its words (``…一所医学院…``); a picture's caption credited to its agency alone (``…穿防护服。`` /
``人民视觉``) is no story's text; a kicker asking a question over a main line its column's label closes
(``防控疫情，老年人该怎么做？`` / ``合理补充营养提高免疫力（名医讲堂）``) is a headline.

Each case is a small made-up page in the shape of failures seen on ``health_page`` (seed 1); the guards
are shapes of other pages the new readings must leave as they were.
"""

from __future__ import annotations

import pytest

from storage.ingest.ocr_page import parse_page
from storage.ingest.segmenter.shapes.names import _CLOSING_NAMES_RE, closing_byline
from tests.page_parsing.layout import column_lines, page_of_blocks, squeezed

WIDTH = 18

COMMENT_TITLE = "让好政策惠及更多患者（无影灯）"
COMMENT = (
    "近日，多地医院推出预约诊疗服务，患者可以在手机上挂号、缴费和查询检查结果，看病排队的时间明显缩短。",
    "好政策要落到实处，还需要各方持续用力。医院要优化流程，医生要提升服务，让患者真正感受到便利。",
)
BRIEFS = (
    (
        "医学院推行教师长聘制度",
        "本报电 上海一所医学院近日举行教师聘任仪式，四十余名教师取得长期教职，学院将为他们提供科研经费和住房保障。",
        "（姚  昂）",
    ),
    (
        "儿童用药科普手册发布",
        "本报电 一本面向家长的儿童用药科普手册日前发布，手册用图文讲解常见病用药的注意事项。",
        "（李 彤）",
    ),
)
LECTURE_HEADS = ("防控流感，老年人该怎么做？", "合理膳食提高抵抗力（名医讲堂）")
LECTURE = (
    "入冬以来，流感进入高发季节。老年人免疫功能下降，更要注意合理膳食，保证优质蛋白和新鲜蔬菜水果的摄入。",
    "（作者为某医院营养科主任医师）",
)
CAPTION = ("某医院医护人员在病房查看患者康复情况。", "人民视觉")


def _brief_lines(head: str, text: str, author: str) -> list[str]:
    return [head, *column_lines((text,), width=WIDTH), author]


def _comment() -> list[str]:
    return [COMMENT_TITLE, "", "王  强", *column_lines(COMMENT, width=WIDTH)]


def test_a_briefs_padded_author_closes_it_over_the_next_items_head() -> None:
    page = page_of_blocks(_comment(), ["医学资讯"], _brief_lines(*BRIEFS[0]) + _brief_lines(*BRIEFS[1]))
    comment, first, second = parse_page(page, year=2020)
    assert comment.title == COMMENT_TITLE
    assert (first.title, first.reporters) == (BRIEFS[0][0], ("姚昂",))
    assert squeezed(first.paragraphs) == squeezed((BRIEFS[0][1],))
    assert (second.title, second.reporters) == (BRIEFS[1][0], ("李彤",))
    assert squeezed(second.paragraphs) == squeezed((BRIEFS[1][1],))


def test_the_briefs_column_heading_heads_no_item() -> None:
    page = page_of_blocks(_comment(), ["医学资讯"], _brief_lines(*BRIEFS[0]), _brief_lines(*BRIEFS[1]))
    titles = [story.title for story in parse_page(page, year=2020)]
    assert titles == [COMMENT_TITLE, BRIEFS[0][0], BRIEFS[1][0]]


def test_a_caption_credited_to_its_agency_alone_is_no_storys_text() -> None:
    page = page_of_blocks(
        _comment(), list(CAPTION), [*LECTURE_HEADS, "", "张  华", *column_lines(LECTURE, width=WIDTH)]
    )
    comment, lecture = parse_page(page, year=2020)
    assert squeezed(comment.paragraphs) == squeezed(COMMENT)
    assert lecture.title == " ".join(LECTURE_HEADS)
    assert squeezed(lecture.paragraphs) == squeezed(LECTURE)


def test_a_kicker_asking_a_question_over_a_labelled_main_line_is_a_headline() -> None:
    page = page_of_blocks(_comment(), list(LECTURE_HEADS), ["张  华", *column_lines(LECTURE, width=WIDTH)])
    comment, lecture = parse_page(page, year=2020)
    assert squeezed(comment.paragraphs) == squeezed(COMMENT)
    assert (lecture.title, lecture.reporters) == (" ".join(LECTURE_HEADS), ("张华",))


def test_a_paragraphs_question_with_a_comma_after_a_column_break_stays_text() -> None:
    """Guard: a paragraph's last line asking a question, alone atop a column, over no labelled line."""
    question = ("不少读者来信问，家里老人该怎么吃？",)
    page = page_of_blocks(
        _comment(),
        column_lines(question, width=WIDTH),
        column_lines(("这也是营养科医生常被问到的问题。",), width=WIDTH),
    )
    (comment,) = parse_page(page, year=2020)
    assert comment.title == COMMENT_TITLE


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("（姚  昂）", "姚昂"),
        ("…可读性强。（孙 彦）", "孙彦"),
        ("（李彤）", "李彤"),
        ("…成效明显。（王某 李某）", "王某 李某"),
        ("（待  续）", None),
        ("（图  文）", None),
        ("（人民视觉）", None),
    ],
)
def test_names_in_brackets_closing_a_brief(line: str, byline: str | None) -> None:
    found = _CLOSING_NAMES_RE.match(line)
    assert (closing_byline(found) if found else None) == byline
