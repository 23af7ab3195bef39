"""Scanned-look OCR'd pages (`benchmarks.scanpages`): two modules' headlines read as one line over the
modules.

Where two modules stand side by side, their headlines on one level, Tesseract may read both headlines as
one line, a wide run of spaces between them, and then read the left module's rows across from its
dateline and the right module's after it. Made-up pages in that shape (measured on the tuned twin,
scan2-1, where the OCR misread the right module's dateline, so only its headline can open its story):
the left headline opens the module right under the line, and the right one the module read next.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page

HEAD = "2020年3月5日 星期四\n\n人民日报\n\n第5版 社会\n\n"
HEADLINES = "春耕时节农机忙          湖州新建两座粮食烘干中心\n"
LEFT_ROWS = (
    "本报杭州3月4日电    组织农机手下田作业，全省 | 据了解，今年全省农机合\n"
    "（记者李明）今年春耕    已完成春播面积三百多万 | 作社不断扩大服务范围，\n"
    "以来，全省各地抢抓农时，   亩，进度快于往年同期。 | 代耕代种代收等新服务\n"
)
RIGHT_ROWS = (
    "本报湖州3月4晶    日烘干能力达到一千吨。 | 据介绍，两座中心将于夏\n"
    "电（记者张华）全市新建    烘干中心采用低温循环烘 | 收前投入使用，服务周边\n"
    "两座粮食烘干中心，    干技术，可减少粮食损耗。 | 农户。\n"
)


def _stories(page: str) -> list[tuple[str, str]]:
    return [(story.title, "".join(story.paragraphs)) for story in parse_page(page, year=2020)]


def test_issue22_two_headlines_read_as_one_line_over_two_modules_each_open_their_module():
    stories = _stories(HEAD + HEADLINES + LEFT_ROWS + "\n" + RIGHT_ROWS)
    assert [title for title, _body in stories] == ["春耕时节农机忙", "湖州新建两座粮食烘干中心"]
    assert stories[0][1].startswith("本报杭州3月4日电（记者 李明）今年春耕以来，全省各地抢抓农时")
    assert "烘干" not in stories[0][1]
    assert stories[1][1].startswith("本报湖州3月4晶")
    assert stories[1][1].endswith(
        "全市新建两座粮食烘干中心，日烘干能力达到一千吨。烘干中心采用低温循环烘干技术，可减少粮食损耗。"
        "据介绍，两座中心将于夏收前投入使用，服务周边农户。"
    )


def test_issue22_two_headlines_over_text_with_no_module_under_them_are_left_as_they_were():
    # No module read across under the line: a single line with a wide gap is left alone, as before.
    text = "本报杭州3月4日电（记者李明）今年春耕以来，全省各地抢抓农时，组织农机手下田作业。\n"
    stories = _stories(HEAD + HEADLINES + text)
    assert len(stories) == 1
    assert "湖州新建两座粮食烘干中心" in stories[0][0]
