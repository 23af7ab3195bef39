"""OCR'd pages: a paragraph's first lines read as a block of their own, cut inside a word.

Tesseract may end a block two lines into a paragraph (an indented first line, a full one ending inside a
word: ``…推广中国图书和中``) and read the rest after a blank line (``国文化。…``). No sentence mark in
the two lines made them a headline between stories, and the story above lost the rest of its text.
Every line after the first set to the full measure, none ending a sentence, the word across the seam:
a paragraph's opening, its story's text. Made-up page in the shape of the failure on the Chromium seeds.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

PAGE = (
    "2020年1月8日 星期三\n\n"
    "人民日报\n\n"
    "第3版 要闻\n\n"
    "中外出版机构举办图书交流活动\n\n"
    "本报北京1月7日电 〈记者王明) 一\n"
    "场图书交流活动近日在北京举行，来\n"
    "自十多个国家的出版机构代表参加活\n"
    "动，展示了近年来出版的优秀图书。\n\n"
    "参加活动的图书一千多种，涵盖\n"
    "文学、历史、科技等多个门类，其中\n"
    "约一半图书是外文版的图书。\n\n"
    "一家外国出版公司多年以来一直\n"
    "致力于在本国积极推广中国图书和中\n\n"
    "国文化。该公司负责人说，两国人民\n"
    "的交流源远流长，他愿意继续推动两\n"
    "国出版界的合作，让读者了解中国。\n"
)


def test_issue22_a_paragraphs_first_lines_read_apart_stay_in_their_story():
    (story,) = parse_page(PAGE, year=2020)
    assert story.title == "中外出版机构举办图书交流活动"
    assert "一直致力于在本国积极推广中国图书和中国文化。" in "".join(story.paragraphs)


def test_issue22_explain_says_why_the_lines_are_text():
    assert any(
        "a paragraph's first 2 lines a column break cut inside a word" in line
        for line in explain_page(PAGE, year=2020)
    )
