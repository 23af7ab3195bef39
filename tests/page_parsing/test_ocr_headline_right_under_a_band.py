"""Scanned-look OCR'd pages (`benchmarks.scanpages`): a headline the OCR read right under a band of
columns read across, with no blank line between.

Tesseract reads a story's columns across, row by row, and goes straight on to the headline of the
module under them (scan2-5 on the tuned twin: ``…公安机关找到了其“| 地每月将案件线索统一上报省`` /
``西藏去年投入117亿元筑生态屏障`` / blank / ``本报拉萨2月2日电…``). A line of Han text with no seam and
no clause or sentence mark, wider than the page's column measure (set across the module) and a blank
line under it, is that headline: it opens a block of its own, not the last line of a column. Made-up
pages in that shape.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from storage.ingest.page_line_split import _split_lines

HEAD = "2020年3月5日 星期四\n\n人民日报\n\n第5版 社会\n\n春耕时节农机忙\n\n本报杭州3月4日电（记者李明）今年春耕以来，全省各地抢抓农时。\n\n"
BAND = (
    "各地农技人员深入田间地头， | 据了解，今年全省农机合作社\n"
    "组织农机手下田作业，全省已 | 不断扩大服务范围，代耕代种\n"
    "完成春播面积三百多万亩。 | 等新服务吸引农户托管。\n"
)
UNDER = (
    "湖州新建两座粮食烘干中心保障夏粮收储\n\n本报湖州3月4日电\n"
    "记者从湖州市获悉，全市新建\n两座粮食烘干中心，日烘干能\n力达到一千多吨，可以满足周\n"
    "边十多个乡镇的需要。据介绍\n，两座中心都配备了先进的烘\n干设备和仓储设施，今年夏收\n"
    "前将全部投入使用，为农户提\n供烘干和储存服务。据了解，\n"
)


def test_issue22_a_headline_right_under_a_band_opens_a_block_of_its_own():
    lines = _split_lines(HEAD + BAND + UNDER)[0]
    headline = next(line for line in lines if line.text == "湖州新建两座粮食烘干中心保障夏粮收储")
    assert headline.blank_before
    titles = [story.title for story in parse_page(HEAD + BAND + UNDER, year=2020)]
    assert titles == ["春耕时节农机忙", "湖州新建两座粮食烘干中心保障夏粮收储"]


def test_issue22_a_line_no_wider_than_a_column_right_under_a_band_stays_in_its_block():
    # A column's last line with no mark (``2月4日同苏丹共和国``) is no headline: no blank line before it.
    under = "不断涌现效果明显\n\n" + UNDER
    lines = _split_lines(HEAD + BAND + under)[0]
    line = next(line for line in lines if line.text == "不断涌现效果明显")
    assert not line.blank_before


def test_issue22_a_text_line_right_under_a_band_stays_in_its_block():
    # A line with a clause mark goes on from the column read last: no blank line is put before it.
    under = "不断涌现，效果明显\n\n" + UNDER
    lines = _split_lines(HEAD + BAND + under)[0]
    line = next(line for line in lines if line.text == "不断涌现，效果明显")
    assert not line.blank_before
