"""OCR'd pages: a dateline a narrow column wrapped inside its date, the OCR putting a stray mark in it.

Tesseract may read a mark beside a digit it read rightly (``据新华社开罗]1月`` / ``7日电 〈记者…``).
One glyph is not read two ways in one number, so the mark is stray, not a misread ``1``; the wrapped
dateline is whole again and opens its story. Made-up page in the shape of the failure measured on the
Chromium seeds.
"""

from __future__ import annotations

from storage.ingest.line_split.misreadings import mend_misreadings
from storage.ingest.ocr_page import parse_page

PAGE = (
    "2020年1月8日 星期三\n\n"
    "人民日报\n\n"
    "第3版 国际\n\n"
    "埃及举办国际书展\n\n"
    "据新华社开罗]1月\n"
    "7日电 〈记者王明、李\n"
    "强) 第五十一届开罗国\n"
    "际书展7日在开罗开幕，\n"
    "来自三十多个国家的出\n"
    "版机构参加了书展。\n\n"
    "书展将持续两周，主办\n"
    "方还安排了多场讲座。\n"
)


def test_issue22_a_stray_mark_beside_a_dateline_digit_is_dropped():
    assert mend_misreadings("据新华社开罗]1月7日电") == "据新华社开罗1月7日电"
    assert mend_misreadings("新华社北京]月30日电") == "新华社北京1月30日电"
    assert mend_misreadings("本报北京]]月2日电") == "本报北京11月2日电"


def test_issue22_a_wrapped_dateline_with_a_stray_mark_opens_its_story():
    (story,) = parse_page(PAGE, year=2020)
    assert story.title == "埃及举办国际书展"
    assert story.date == "2020-01-07"
    assert story.paragraphs[0].startswith("据新华社开罗1月7日电")
    assert "第五十一届开罗国际书展7日在开罗开幕" in story.paragraphs[0]
