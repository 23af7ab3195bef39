"""Scanned-look OCR'd pages (`benchmarks.scanpages`): a story's module of narrow columns read across.

Where a page sets a story in narrow columns with narrow gutters, Tesseract reads the module row by row
across its columns, a run of spaces or a bar where each gutter stood, from the row that opens with the
story's dateline; the row under the module's rows it may read cell by cell, each cell a block of one
line. Made-up pages in that shape (the failures measured on the tuned twin, scan2-1 and scan2-2): the
module is read as printed, column by column from the left, each cell of the row read apart going to
its column.
"""

from __future__ import annotations

from storage.ingest.line_split.modules import _module_read_across
from storage.ingest.ocr_page import explain_page, parse_page
from storage.ingest.page_line_split import _split_lines

HEAD = "2020年3月5日 星期四\n\n人民日报\n\n第5版 社会\n\n春耕时节农机忙\n\n"
ROWS = (
    "本报杭州3月4日电    组织农机手下田作业，全省 | 据了解，今年全省农机合\n"
    "（记者李明）今年春耕    已完成春播面积三百多万 | 作社不断扩大服务范围，\n"
    "以来，全省各地抢抓农时，   亩，进度快于往年同期。 | 代耕代种代收等新服务\n"
)
CELLS = "\n各地农技人员深入田间，\n\n农户生产积极性高涨。\n\n不断涌现，吸引农户托管。\n"
TAIL = "\n湖州新建两座粮食烘干中心\n\n本报湖州3月4日电  记者从湖州市获悉，全市新建两座粮食烘干中心。\n"
BODY = (
    "本报杭州3月4日电（记者 李明）今年春耕以来，全省各地抢抓农时，各地农技人员深入田间，"
    "组织农机手下田作业，全省已完成春播面积三百多万亩，进度快于往年同期。农户生产积极性高涨。"
    "据了解，今年全省农机合作社不断扩大服务范围，代耕代种代收等新服务不断涌现，吸引农户托管。"
)


def _stories(page: str) -> list[tuple[str, str]]:
    return [(story.title, "".join(story.paragraphs)) for story in parse_page(page, year=2020)]


def test_issue22_a_module_read_across_from_its_dateline_is_read_column_by_column():
    stories = _stories(HEAD + ROWS + CELLS + TAIL)
    assert stories[0] == ("春耕时节农机忙", BODY)
    assert stories[1][0] == "湖州新建两座粮食烘干中心"


def test_issue22_explain_shows_the_order_a_module_read_across_was_read_in():
    explained = "\n".join(explain_page(HEAD + ROWS + CELLS + TAIL, year=2020))
    assert (
        "its lines read in this order, not the file's (columns read across): 9-11, 13, 9-11, 15, 9-11, 17"
        in explained
    )


def test_issue22_a_module_read_across_without_a_row_read_apart_keeps_its_columns_whole():
    (title, body), _ = _stories(HEAD + ROWS + TAIL)
    assert title == "春耕时节农机忙"
    assert body.startswith("本报杭州3月4日电（记者 李明）今年春耕以来，全省各地抢抓农时，组织农机手下田作业")
    assert "往年同期。据了解，今年全省农机合作社不断扩大服务范围，代耕代种代收等新服务" in body


def test_issue22_two_rows_read_across_are_no_module():
    # Two rows are too few to tell a module's columns from a band of headlines and text: the rows
    # keep the reading of a band (`_split_side_by_side`: the columns right of the first read first).
    two_rows = "".join(ROWS.splitlines(keepends=True)[:2])
    texts = [line.text for line in _split_lines(HEAD + two_rows + TAIL)[0]]
    assert texts[4:6] == ["据了解，今年全省农机合", "作社不断扩大服务范围，"]
    assert "本报杭州3月4日电" not in texts


def test_issue22_a_row_holding_two_columns_in_a_cell_ends_no_module():
    # The second row's gutter between the second and third columns read as two spaces, so the row has
    # two cells while the third column goes on (its first cell ends no sentence): the cells do not stand
    # in their columns, and the rows are no module read across.
    rows = (
        "本报拉萨2月2日电    域投入增幅提高到20%以上， | 近年来，西藏已完成生态\n"
        "（记者徐驭尧）2019年，    地级市空气质量优良天数  红线初步划定，将45%的区\n"
        "西藏累计投入117亿元构建 | 达99%以上，地表水水质达 | 域列入最严格保护范围，累计\n"
    )
    lines = (HEAD + rows + TAIL).splitlines()
    assert _module_read_across(lines, lines.index(rows.splitlines()[0])) == []
    assert _module_read_across((HEAD + ROWS).splitlines(), 8) != []
