"""Scanned-look OCR'd pages (`benchmarks.scanpages`): a module's top rows read across, its columns then
read down one after another.

Tesseract may read the top row (or rows) of a story's narrow columns across, from the row that opens
with the dateline, and then read each column's rest down, a column after the other, leaving a blank
line where a column ends. A module's columns are set to one height, so every column's rest but the
last has as many lines. Made-up pages in that shape (measured on the tuned twin, scan2-6 and
scan2-11): each column's top cells are read with its own rest, column by column from the left.
"""

from __future__ import annotations

from storage.ingest.line_split.modules import _module_read_across, _rests_read_down
from storage.ingest.ocr_page import parse_page

HEAD = "2020年3月5日 星期四\n\n人民日报\n\n第5版 社会\n\n春耕时节农机忙\n"
ROW = "本报杭州3月4日电（记者    面积三百多万亩，进度快于    务不断涌现，吸引农户托管。\n"
RESTS = (
    "\n李明）今年春耕以来，全省\n各地抢抓农时，组织农机手\n下田作业，全省已完成春播\n"
    "\n往年同期。据了解，今年全\n\n省农机合作社不断扩大服务\n范围，代耕代种代收等新服\n"
    "\n农户生产积极性高涨。\n"
)
TAIL = "\n湖州新建两座粮食烘干中心\n\n本报湖州3月4日电  记者从湖州市获悉，全市新建两座粮食烘干中心。\n"
BODY = (
    "本报杭州3月4日电（记者 李明）今年春耕以来，全省各地抢抓农时，组织农机手下田作业，全省已完成春播"
    "面积三百多万亩，进度快于往年同期。据了解，今年全省农机合作社不断扩大服务范围，代耕代种代收等新服"
    "务不断涌现，吸引农户托管。农户生产积极性高涨。"
)


def _stories(page: str) -> list[tuple[str, str]]:
    return [(story.title, "".join(story.paragraphs)) for story in parse_page(page, year=2020)]


def test_issue22_a_row_read_across_over_columns_read_down_is_read_column_by_column():
    stories = _stories(HEAD + ROW + RESTS + TAIL)
    assert stories[0] == ("春耕时节农机忙", BODY)
    assert stories[1][0] == "湖州新建两座粮食烘干中心"


def _lines(text: str) -> list[str]:
    return text.splitlines()


def test_issue22_the_rests_are_split_at_the_columns_one_height():
    lines = _lines(ROW + RESTS)
    rests = _rests_read_down(lines, 1, [([cell.strip() for cell in ROW.split("    ")], 1)], 3)
    assert [[text for text, _number in rest] for rest in rests] == [
        ["李明）今年春耕以来，全省", "各地抢抓农时，组织农机手", "下田作业，全省已完成春播"],
        ["往年同期。据了解，今年全", "省农机合作社不断扩大服务", "范围，代耕代种代收等新服"],
        ["农户生产积极性高涨。"],
    ]


def test_issue22_of_the_heights_that_fit_the_tallest_is_taken():
    # Two columns, the first one's rest in two blocks of three lines: a height of three would leave the
    # last column's block over; six lines each (the last column shorter) reads every block.
    row = "本报广州10月15日电    产品更新率超过30%，“三\n"
    under = (
        "\n馆拉开帷幕，展览总面积为1\n18.5万平方米，参展企业\n25642家。\n"
        "\n本届广交会全力促进外贸\n高质量发展，参展品牌企业达\n2297家，比上届有所增加。\n"
        "\n量、高附加值、高效益）产品\n不断增多。出口产品设计奖参\n评企业和产品再创新高。\n"
    )
    cells = [["本报广州10月15日电", "产品更新率超过30%，“三"]]
    rests = _rests_read_down(_lines(row + under), 1, [(cells[0], 1)], 2)
    assert [len(rest) for rest in rests] == [6, 3]


def test_issue22_blocks_of_other_heights_are_no_columns_rests():
    # The first column's rest is three lines, the second two: no one height splits them at blank lines,
    # and the page reads as before.
    uneven = RESTS.replace("\n往年同期。据了解，今年全\n\n", "\n")
    assert _rests_read_down(_lines(ROW + uneven), 1, [([c.strip() for c in ROW.split("    ")], 1)], 3) == []


def test_issue22_a_first_column_ending_its_sentence_has_no_rest_read_down():
    row = "本报杭州3月4日电 全省春播。    面积三百多万亩，进度快于    务不断涌现，吸引农户托管。\n"
    cells = [cell.strip() for cell in row.split("    ")]
    assert _rests_read_down(_lines(row + RESTS), 1, [(cells, 1)], 3) == []


def test_issue22_one_row_over_two_columns_is_no_module():
    # With one row and two columns only the first column's rest is full: any blank line would split
    # the lines under the row, so the row keeps the reading it had (no module read across).
    row = "本报杭州3月4日电（记者    务不断涌现，吸引农户托管。\n"
    under = "\n李明）今年春耕以来，全省\n各地抢抓农时，组织农机手\n\n农户生产积极性高涨。\n"
    lines = _lines(HEAD + row + under + TAIL)
    assert _module_read_across(lines, lines.index(row.strip("\n"))) == []
    assert _module_read_across(_lines(HEAD + ROW + RESTS + TAIL), 7) != []
