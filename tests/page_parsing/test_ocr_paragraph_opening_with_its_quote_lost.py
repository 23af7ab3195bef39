"""OCR'd pages: a paragraph's first line read apart, its opening quote lost (issue 22).

Tesseract may read a paragraph's first line as a block of its own and lose the quote it opens with,
putting a space in its place (``“我们再次呼吁…在宪`` read `` 我们再次呼吁…在宪``, then a blank line and
``法和法律框架内…``). One cell short of an indented first line, the line was taken for a headline that
opened a story of its own and took the rest of the paragraph. The space stands for the mark the OCR
lost: counted in the line's width, the line is the paragraph's opening cut inside a word (宪法), its
story's text. Made-up page in the shape of the failure on the scanned fresh seed.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

PAGE = (
    "2019年2月26日 星期二\n\n"
    "人民日报\n\n"
    "第9版 综合\n\n"
    "外交部望各方通过对话解决分歧\n\n"
    "据新华社北京2月25日电 外交部发言\n"
    "人陆慷25日就有关局势答记者问时表\n"
    "示，中方希望各方保持冷静克制，共同\n"
    "维护地区的和平与稳定。\n\n"
    "陆慷表示，中方一贯主张遵守国际法\n"
    "和国际关系基本原则，反对外部势力干\n"
    "涉别国内政，这不符合各方的利益。\n\n"
    "{opening}\n\n"
    "法和法律框架内，通过对话协商寻求政\n"
    "治解决方案，推动局势早日恢复稳定。\n"
    "”陆慷说。\n"
)


def test_issue22_a_paragraphs_first_line_that_lost_its_quote_stays_in_its_story():
    (story,) = parse_page(PAGE.format(opening=" 我们再次呼吁有关各方都能在宪"), year=2019)
    assert story.title == "外交部望各方通过对话解决分歧"
    assert "我们再次呼吁有关各方都能在宪法和法律框架内" in "".join(story.paragraphs)
    assert any(
        "a paragraph's first line a column break cut inside a word (在宪|法和 reads the word 宪法" in line
        for line in explain_page(PAGE.format(opening=" 我们再次呼吁有关各方都能在宪"), year=2019)
    )


def test_issue22_a_short_line_with_no_space_before_it_still_heads_the_text_under_it():
    # The same line with nothing lost at its head is a cell too short for a paragraph's first line.
    stories = parse_page(PAGE.format(opening="我们再次呼吁有关各方都能在宪"), year=2019)
    assert [story.title for story in stories] == [
        "外交部望各方通过对话解决分歧",
        "我们再次呼吁有关各方都能在宪",
    ]
