"""Paragraph breaks that print cannot show once the OCR has dropped the indents (issue 22).

Each page is made up, set the way a People's Daily column is: lines of a fixed number of cells, a
paragraph's first line two cells shorter (its indent, which the OCR drops), punctuation never starting a
line (it hangs past the edge) and an opening mark never ending one (it moves to the next line).
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_lines


def _page(paragraphs: list[str], width: int = 12) -> str:
    return "\n".join(["测试页面的标题", "", *column_lines(paragraphs, width=width)]) + "\n"


def _paragraphs(paragraphs: list[str], width: int = 12) -> tuple[str, ...]:
    (article,) = parse_page(_page(paragraphs, width), year=2020)
    return article.paragraphs


# Lines set full, which the parser measures the column by.
FILLER = (
    "各地各部门认真落实有关部署扎实推进各项工作取得明显成效并不断总结经验继续深化改革创新努力开创新局面。"
)


def test_a_paragraph_ending_at_a_line_end_before_a_first_line_that_ends_a_sentence():
    paragraphs = [
        "科学研究表明在疫情中没有明显症状的感染者也有传播力需要建立严格隔离。",
        "外界有很多问题待解答。可能不少人觉得这里的情况像灾难大片，事实恰恰相反。",
        FILLER,
    ]
    lines = column_lines(paragraphs, width=12)
    assert lines[2] == "传播力需要建立严格隔离。"  # the paragraph ends exactly at the edge
    assert lines[3] == "外界有很多问题待解答。"  # the next one's first line ends a sentence too
    assert _paragraphs(paragraphs) == tuple(paragraphs)


def test_a_line_short_only_because_its_opening_mark_went_on_stays_in_its_paragraph():
    paragraphs = [
        "社区干部早已等待多时，车刚停稳大家就上车的上车，大家接货把蔬菜搬下来。“疫情发生以来，"
        "我们街道社区承担了很多送菜的工作。”",
        FILLER,
        "国家图书馆组织实施的编纂项目第二批图书出版。本次出版书包括《左传》《墨子》《韩非子》等五种经典。",
        FILLER,
    ]
    lines = column_lines(paragraphs, width=12)
    # Each line is a cell short: the opening mark that would have ended it starts the next line.
    assert lines[2] == "大家接货把蔬菜搬下来。" and lines[3].startswith("“")
    assert "本次出版书包括《左传》" in lines
    assert _paragraphs(paragraphs) == tuple(paragraphs)


def test_an_epigraph_without_a_full_stop_is_a_paragraph_of_its_own():
    paragraphs = [
        "在奔向梦想的路上，每个人就像一朵浪花，既汇成大海也依托着浩瀚大海",
        "从阅兵式上亮相的大国重器，到大型成就展上展出的尖端突破，最近的新闻让人振奋。",
        FILLER,
    ]
    assert _paragraphs(paragraphs) == tuple(paragraphs)


def test_a_last_line_two_cells_short_before_a_first_line_ending_in_hung_marks_ends_its_paragraph():
    paragraphs = [
        "校园里的风景、校园里的同龄人、校园里的热闹与宁静，这群少年感受着身边的一切，"
        "不再是以往训练中宿舍食堂球馆的三点。",
        "国文导读智能钢琴戏剧……课程丰富多彩，少年们乐在其中，收获很多。",
        FILLER,
    ]
    assert _paragraphs(paragraphs) == tuple(paragraphs)
