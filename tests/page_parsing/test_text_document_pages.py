"""A 文件 page (`benchmarks.documentpages`, ``document_page``): a law, a regulation or a party rule printed
whole. Its order (``中华人民共和国国务院令`` / ``第722号`` / … / ``总理  李克强`` / ``2019年10月22日``), its
contents and its chapter heads (``第一章  总  则``) are lines of their own, each a paragraph of the
document, never a headline over a new story; an article (``第二条  …``) or a numbered item (``（一）…``)
opens a paragraph though the line above is full.

Each case is a small made-up page in the shape of failures seen on ``document_page`` (seed 1); the guards
are pages of other families' shapes the new readings must leave as they were.
"""

from __future__ import annotations

import pytest

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from storage.ingest.page_documents import is_document_part, opens_provision
from tests.page_parsing.layout import column_lines, page_of_blocks, squeezed

WIDTH = 18

TITLE = "城市绿化管理条例"
ORDER = (
    "中华人民共和国国务院令",
    "第九百零一号",
    "《城市绿化管理条例》已经国务院常务会议通过，现予公布，自2021年1月1日起施行。",
    "总理  王某某",
    "2020年12月1日",
)
CHAPTER_ONE = (
    "第一章  总  则",
    "第一条  为了促进城市绿化事业的发展，改善生态环境，美化生活环境，增进人民身心健康，制定本条例。",
    "第二条  本条例适用于在城市规划区内种植和养护树木花草等城市绿化的规划、建设、保护和管理。",
)
CHAPTER_TWO = (
    "第二章  规划和建设",
    "第三条  城市人民政府应当组织城市规划行政主管部门和城市绿化行政主管部门等共同编制城市绿化规划。",
    "第四条  城市绿化工程的设计，应当借鉴国内外先进经验，体现民族风格和地方特色。",
)
CLOSING = "（新华社北京12月2日电）"


def _page(*blocks: tuple[str, ...]) -> str:
    """The document under its title, each of `blocks` a blank-line block of its own."""
    return page_of_blocks([TITLE], *(column_lines(block, width=WIDTH) for block in blocks))


def test_a_chapter_head_set_apart_is_the_documents_text_not_a_headline() -> None:
    page = _page(ORDER, CHAPTER_ONE[:1], CHAPTER_ONE[1:], CHAPTER_TWO[:1], (*CHAPTER_TWO[1:], CLOSING))
    (document,) = parse_page(page, year=2020)
    assert document.title == TITLE
    assert squeezed(document.paragraphs) == squeezed((*ORDER, *CHAPTER_ONE, *CHAPTER_TWO, CLOSING))


def test_the_orders_lines_and_chapter_heads_inside_a_block_are_paragraphs_of_their_own() -> None:
    page = _page((*ORDER, *CHAPTER_ONE, *CHAPTER_TWO, CLOSING))
    (document,) = parse_page(page, year=2020)
    assert squeezed(document.paragraphs) == squeezed((*ORDER, *CHAPTER_ONE, *CHAPTER_TWO, CLOSING))


def test_an_orders_number_at_the_top_of_the_page_is_no_masthead_item() -> None:
    page = _page((*ORDER, *CHAPTER_ONE, CLOSING)).replace("第九百零一号", "第722号")
    (document,) = parse_page(page, year=2020)
    assert squeezed(document.paragraphs)[:2] == ("中华人民共和国国务院令", "第722号")


def test_a_chapter_head_wrapped_by_the_column_is_one_paragraph() -> None:
    head = "第三章  保护和管理城市绿地及其附属设施"
    assert len(wrap(head, WIDTH)) == 2  # the column wraps it
    page = _page(CHAPTER_ONE, (head,), CHAPTER_TWO[1:])
    (document,) = parse_page(page, year=2020)
    assert squeezed(document.paragraphs) == squeezed((*CHAPTER_ONE, head, *CHAPTER_TWO[1:]))


def test_an_article_cut_off_by_a_column_break_goes_on_with_the_document() -> None:
    lines = column_lines(CHAPTER_ONE, width=WIDTH)
    page = "\n".join([TITLE, "", *lines[:4], "", lines[4], "", *lines[5:]]) + "\n"
    assert lines[4].startswith("第二条")  # the article's first line a block of its own
    (document,) = parse_page(page, year=2020)
    assert squeezed(document.paragraphs) == squeezed(CHAPTER_ONE)


def test_an_item_opens_a_paragraph_though_the_line_above_is_full() -> None:
    items = (
        "第五条  有下列行为之一的，由城市人民政府城市绿化行政主管部门责令停止侵害：",
        "（一）损坏城市树木花草的；",
        "（二）擅自修剪或者砍伐城市树木的；",
        "（三）砍伐、擅自迁移古树名木或者因养护不善致使古树名木受到损伤或者死亡的。",
    )
    page = _page((*CHAPTER_ONE, *items))
    (document,) = parse_page(page, year=2020)
    assert squeezed(document.paragraphs) == squeezed((*CHAPTER_ONE, *items))


def test_a_title_wrapped_inside_its_book_title_marks_is_joined_again() -> None:
    page = (
        "中共中央印发《中国共产党党和国家机关\n基层组织工作条例》\n\n"
        + "\n".join(
            column_lines(
                ("新华社北京1月5日电  近日，中共中央印发了条例，并发出通知，要求各地区各部门认真遵照执行。",),
                width=WIDTH,
            )
        )
        + "\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "中共中央印发《中国共产党党和国家机关基层组织工作条例》"


def test_a_long_title_without_a_clause_mark_wrapped_at_the_measure_is_a_headline() -> None:
    page = (
        "国务院应对新型冠状病毒感染肺炎疫情联防\n联控机制关于印发企事业单位复工复产疫情\n防控措施指南的通知\n\n"
        + "\n".join(
            column_lines(
                (
                    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                    "现将指南印发给你们，请结合实际抓好贯彻落实。",
                ),
                width=WIDTH,
            )
        )
        + "\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title.replace(" ", "").startswith("国务院应对新型冠状病毒")
    assert squeezed(story.paragraphs)[0] == "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("第一章  总  则", True),
        ("第二章  核心密码、普通密码", True),
        ("目  录", True),
        ("中华人民共和国主席令", True),
        ("第三十五号", True),
        ("中华人民共和国主席  习近平", True),
        # an answer that opens on a chapter's number is a sentence, no part
        ("第四章法律责任部分，规定了违反本法相关规定", False),
        ("第一条  为了规范密码应用和管理", False),
    ],
)
def test_document_parts(text: str, part: bool) -> None:
    assert is_document_part(text) is part


def test_a_provision_opens_a_paragraph_only_after_a_clause_ends() -> None:
    assert opens_provision("…制定本法。", "第二条  本法所称密码")
    assert opens_provision("…下列情形之一的：", "（一）违反人民法院禁止令的；")
    assert not opens_provision("依照本法", "第二条的规定处理")


def test_guard_an_interview_answer_naming_a_chapter_runs_on() -> None:
    """An answer that tells of a law's chapters (``…第三章商用密码部分，…`` / ``第四章法律责任部分，…``) is
    one paragraph: a line opening on a chapter's number inside a sentence is no chapter head."""
    answer = (
        "答：密码法共五章四十四条。第三章商用密码部分，规定了商用密码的检测认证制度。"
        "第四章法律责任部分，规定了违反本法相关规定应当承担的相应的法律后果。"
    )
    page = (
        "国家密码管理局负责人答记者问\n\n"
        + "\n".join(column_lines(("问：密码法的主要内容是什么？", answer), width=WIDTH))
        + "\n"
    )
    (story,) = parse_page(page, year=2019)
    assert squeezed(story.paragraphs) == squeezed(("问：密码法的主要内容是什么？", answer))


def test_a_laws_title_over_its_adoption_note_wrapped_over_many_lines_is_its_headline() -> None:
    note = (
        "（1984年9月20日第六届全国人民代表大会常务委员会第七次会议通过"
        "2019年12月28日第十三届全国人民代表大会常务委员会第十五次会议修订）"
    )
    head = ["中华人民共和国森林法", *wrap(note, WIDTH, indent=0)]
    assert len(head) > 4  # more lines than a headline has
    page = "\n".join(head) + "\n\n" + "\n".join(column_lines((*ORDER, *CHAPTER_ONE), width=WIDTH)) + "\n"
    (document,) = parse_page(page, year=2020)
    assert document.title.startswith("中华人民共和国森林法 （1984年9月20日")
    assert squeezed(document.paragraphs) == squeezed((*ORDER, *CHAPTER_ONE))
    assert document.date is None  # the note's date is no dateline
