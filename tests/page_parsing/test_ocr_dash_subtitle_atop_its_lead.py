"""OCR'd pages: a subtitle opening with a dash, read in one block with its story's lead.

On a scanned narrow-column page Tesseract reads an interview's subtitle (``——访…``) with no blank line
before the lead, and reads its dash as ``一`` and a space. Right after the headline, no story open, a
line opening with a dash (as printed or as the OCR reads it), with no sentence mark, belongs to the
headline; the lead under it opens the story. Made-up page in the shape of the failure on the tuned
scanned set (`benchmarks.scanpages`, seed 2).
"""

from __future__ import annotations

import pytest

from storage.ingest.ocr_page import explain_page, parse_page

PAGE = (
    "人民日报\n\n"
    "2020年1月23日 星期四\n\n"
    "第7版 要闻\n\n"
    "“两国合作前景广阔”\n\n"
    "{dash}访某国议会议员李明\n"
    "“两国友好合作都是互惠互利的。这次\n"
    "访问进一步加深了两国人民的友谊，将推\n"
    "动各领域务实合作迈上新台阶。”李明近\n"
    "日在接受本报记者采访时表示。\n\n"
    "李明曾在中国留学，他说，近年来两国\n"
    "在经贸、人文等领域的合作不断扩大。\n"
)


@pytest.mark.parametrize("dash", ["——", "一 ", "一一"])
def test_issue22_a_dash_subtitle_atop_the_lead_joins_the_headline(dash):
    (story,) = parse_page(PAGE.format(dash=dash), year=2020)
    assert story.title.startswith("“两国合作前景广阔”")
    assert story.title.endswith("——访某国议会议员李明")
    assert "".join(story.paragraphs).startswith("“两国友好合作都是互惠互利的。")


def test_issue22_a_dash_line_inside_a_story_stays_text():
    page = PAGE.format(dash="——").replace(
        "日在接受本报记者采访时表示。\n\n", "日在接受本报记者采访时表示。\n\n——李明说\n"
    )
    (story,) = parse_page(page, year=2020)
    assert "——李明说" in "".join(story.paragraphs)


def test_issue22_explain_names_the_subtitle():
    explained = "\n".join(explain_page(PAGE.format(dash="一 "), year=2020))
    assert "a subtitle opening with a dash, read atop its story's lead" in explained
