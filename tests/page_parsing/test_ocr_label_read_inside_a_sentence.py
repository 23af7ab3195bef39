"""OCR'd pages: a headline's column label in brackets read inside a sentence of its story.

On a scanned narrow-column page Tesseract may read a headline's label (``（体坛观澜）``), printed at the
headline's end, in the middle of the story's column, where the sentence goes on across it
(``…球迷的加油助`` / ``（体坛观澜）`` / ``威、更高的自我要求…``). The text line above the label was taken
for a headline and the label for a new story's first line. The label goes back to the end of its
headline and the story is one again. Made-up page in the shape of the failure on the tuned scanned set
(`benchmarks.scanpages`, seed 2).
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

PAGE = (
    "人民日报\n\n"
    "2019年10月14日 星期一\n\n"
    "第10版 体育\n\n"
    "为本土球员多些鼓励\n\n"
    "在今年国内排球赛季中，多位本\n"
    "土球员取得了职业生涯的新突破，他\n"
    "们的集体进步值得关注和掌声。\n\n"
    "主场的比赛环境、观众的加油助\n\n"
    "(体坛漫笔)\n"
    "威、更高的自我要求，都有利于本土\n"
    "选手在主场氛围中打出最好的水平。\n\n"
    "积跬步以至千里，他们的每一步都\n"
    "在助推着国内排球的进步。\n"
)


def test_issue22_a_label_read_inside_a_sentence_ends_the_headline():
    (story,) = parse_page(PAGE, year=2019)
    assert story.title.replace(" ", "") == "为本土球员多些鼓励(体坛漫笔)"
    text = "".join(story.paragraphs)
    assert "观众的加油助威、更高的自我要求" in text
    assert "体坛漫笔" not in text


def test_issue22_a_line_ending_its_sentence_above_the_label_is_left_alone():
    # The line above the label ends a sentence: nothing reads across the label, so this rule moves
    # nothing (the older rule for a label between two paragraphs may still join it).
    page = PAGE.replace("主场的比赛环境、观众的加油助\n", "主场的比赛环境很好。\n")
    explained = "\n".join(explain_page(page, year=2019))
    assert "read apart by the OCR inside a sentence of its story" not in explained


def test_issue22_explain_names_the_label_read_inside_a_sentence():
    explained = "\n".join(explain_page(PAGE, year=2019))
    assert "read apart by the OCR inside a sentence of its story" in explained
    assert "its headline's label read inside its sentence" in explained
