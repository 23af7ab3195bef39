"""OCR'd pages: a lead's first lines read as a block of their own, the column break between words (issue 22).

On a scanned page Tesseract read a story's first two lines as a block apart from the rest of its
paragraph, under the headline and its subtitle (``为打造中国历史研究院高`` / ``端学术出版和传播平台，推动``,
blank, ``构建中国特色历史学学科体系、…``). The column break fell between two words (推动|构建), so no word
read across it said the block was text: it was read as a third headline line, and the story opened
under it without its lead's opening. The block's own lines wrap at the measure inside a word (高|端), as
a paragraph's do: the block opens the story. Made-up page in the shape of the failure on the scanned
fresh seed.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

PAGE = (
    "人民日报\n\n"
    "2020年2月3日 星期一\n\n"
    "第5版 社会\n\n"
    "打造高端学术出版和传播平台 〈信息快递)\n\n"
    "一 中国历史研究院历史研究杂志社新刊发布会述要\n\n"
    "{lead}\n\n"
    "构建中国特色历史学学科体系、\n\n"
    "学术体系、话语体系，中国历\n"
    "史研究院历史研究杂志社新刊\n"
    "发布会近日在京举行。发布会\n"
    "介绍了《历史研究》升级改版、\n"
    "《中国历史研究院集刊》和《\n"
    "历史评论》创刊等情况。\n\n"
    "据发布会介绍，创刊于1954\n"
    "年的《历史研究》改版后呈现\n"
    "六大亮点，进一步升级稿件培\n"
    "育机制，拓宽海外交流渠道。\n"
)


def test_issue22_a_leads_first_lines_wrapped_inside_a_word_open_the_story():
    lead = "为打造中国历史研究院高\n端学术出版和传播平台，推动"
    (story,) = parse_page(PAGE.format(lead=lead), year=2020)
    assert story.title.startswith("打造高端学术出版和传播平台")
    assert "为打造" not in story.title
    assert "".join(story.paragraphs).startswith("为打造中国历史研究院高端学术出版和传播平台，推动构建")
    assert any(
        "its lines wrap at the measure inside the word 高端" in line
        for line in explain_page(PAGE.format(lead=lead), year=2020)
    )


def test_issue22_lines_that_break_between_words_are_not_read_as_a_leads():
    # The same block broken between words inside it gives no such evidence: left to the other readers.
    lead = "为打造中国历史研究院高端\n学术出版和传播平台，推动"
    assert not any("wrap at the measure" in line for line in explain_page(PAGE.format(lead=lead), year=2020))
