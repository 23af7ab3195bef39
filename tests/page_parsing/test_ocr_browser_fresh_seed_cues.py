"""OCR'd pages laid out in HTML and rendered by Chromium (`benchmarks.ocrweb`), cues read on its fresh seed
(`rmrb_ocr_web_fresh`, seed 8): a closing note's date with a digit read as a bracket, and a paragraph's
lines the OCR set apart in mid-quote.

Small made-up pages in the shape of the failures measured there.
"""

from __future__ import annotations

import pytest

from storage.ingest.line_split.misreadings import mend_misreadings
from storage.ingest.ocr_page import parse_page

# A story closed by its note (``（本报华盛顿1月4日电）``) whose ``1`` the OCR read as ``]`` and whose round
# bracket as ``《``, over the next story's headline: the note, not read as one, had been taken for a line
# of that headline. Then a paragraph's two lines the OCR set apart by blank lines, a quote opened after a
# colon and going on below (``说:“这是我第一次观看皮影戏并触摸`` / blank / ``皮影，…``), had been taken for a
# headline, splitting the story in two.
PAGE = (
    "2020年1月5日 星期日\n\n"
    "人民日报\n\n"
    "第11版 综合\n\n"
    "人民币占全球外储比例创新高\n\n"
    "国际货币基金组织 (IMF) 最新公布的数据\n"
    "显示，截至2019年第三季度，全球各经济体央\n"
    "行持有的外汇储备中，人民币资产占比升至\n"
    "2.01%，创最高水平。\n\n"
    "分析人士认为，人民币在全球央行外汇储备\n"
    "资产中的占比上升，表明全球外汇储备管理机构\n"
    "对持有人民币资产的兴趣增加。\n\n"
    "《本报华盛顿]月4日电)\n\n"
    "“在体验中感受中国文化魅\n"
    "力”\n\n"
    "1月3日，中国美术学院“一带一\n"
    "路”上的美美讲堂活动走进越南河内大\n"
    "学孔子学院。活动中，5名中方师生同\n"
    "几十名越南大学生面对面交流。\n\n"
    "作为中国民间古老的传统艺术，皮\n"
    "影戏从有文字记载至今已有2000多年历\n"
    "史，名声远播海外。\n\n"
    "越南大学生阮氏垂玲对本报记者\n"
    "说:“这是我第一次观看皮影戏并触摸\n\n"
    "皮影，在体验中感受中国文化魅力，机\n"
    "会难得。”\n\n"
    "河内大学孔子学院中方院长罗军对\n"
    "本报记者表示，中越青年以文化艺术为\n"
    "媒介，拉近了两国年轻人的心灵距离。\n\n"
    "《本报河内1月4日电)\n"
)


def test_issue22_a_closing_note_with_its_digit_read_as_a_bracket_closes_its_story():
    reserves, visit = parse_page(PAGE, year=2020)
    assert reserves.title == "人民币占全球外储比例创新高"
    assert visit.title == "“在体验中感受中国文化魅力”"
    assert "华盛顿" not in visit.title


def test_issue22_a_paragraph_set_apart_in_mid_quote_stays_in_its_story():
    _reserves, visit = parse_page(PAGE, year=2020)
    text = "".join(visit.paragraphs)
    assert "说:“这是我第一次观看皮影戏并触摸皮影" in text or "说：“这是我第一次观看皮影戏并触摸皮影" in text
    assert "拉近了两国年轻人的心灵距离。" in text


def test_issue22_a_headline_quoting_someone_after_a_colon_is_still_a_headline():
    # The quote a headline opens after its colon is closed in it: the block is a headline.
    page = (
        PAGE.replace("“在体验中感受中国文化魅\n力”", "越南大学生:“在体验中\n感受中国文化魅力”")
        .replace("《本报华盛顿]月4日电)", "（本报华盛顿1月4日电）")
        .replace("触摸\n\n皮影", "触摸\n皮影")
    )
    _reserves, visit = parse_page(page, year=2020)
    assert visit.title.replace(":", "：").replace(" ", "") == "越南大学生：“在体验中感受中国文化魅力”"


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("（本报华盛顿]月4日电)", "（本报华盛顿1月4日电)"),
        ("《本报华盛顿]月4日电)", "（本报华盛顿1月4日电)"),
        ("(新华社北京l月12日电)", "(新华社北京1月12日电)"),
        ("本报北京]月29日电 综", "本报北京1月29日电 综"),
    ],
)
def test_issue22_a_digit_read_as_a_bracket_in_a_dateline_or_closing_note_is_read_as_printed(read, meant):
    assert mend_misreadings(read) == meant


@pytest.mark.parametrize("line", ["截至1]月25日19时，全国道路交通", "（详见第]版）", "[1]月报"])
def test_issue22_a_bracket_beside_a_month_outside_a_dateline_is_left_as_read(line):
    assert mend_misreadings(line) == line
