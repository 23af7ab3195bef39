"""OCR'd pages: a general prior of Chinese at a join, jieba's dictionary, independent of the page.

A small made-up page in the shape of a failure measured on pages rendered to images and read back by
Tesseract (`benchmarks.ocrpages`, seed 3).
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page
from storage.ingest.page_fragments import word_across

# A paragraph's first line (two cells short: its indent, which the OCR dropped) that a column break cut
# off inside a word the page reads nowhere else: ``退耕农`` / ``户获得…``, the dictionary's ``农户``.
CUT_FIRST_LINE_PAGE = (
    "湖南退耕还林二十年\n\n"
    "本报长沙12月3日电  湖南省林业局3日\n"
    "发布，全省退耕还林工程实施二十年来，\n"
    "累计完成造林三千多万亩，水土流失面\n"
    "积和流失量普遍下降。\n\n"
    "湖南全省累计有310万户退耕农\n\n"
    "户获得钱粮补助，每户平均达7596元，\n"
    "缓解了老少边穷地区的贫困状况。\n"
)


def test_issue22_a_first_line_cut_inside_a_dictionary_word_is_no_headline():
    (story,) = parse_page(CUT_FIRST_LINE_PAGE, year=2019)
    assert story.title == "湖南退耕还林二十年"
    assert story.paragraphs[-1] == (
        "湖南全省累计有310万户退耕农户获得钱粮补助，每户平均达7596元，缓解了老少边穷地区的贫困状况。"
    )
    explained = "\n".join(explain_page(CUT_FIRST_LINE_PAGE, year=2019))
    assert "reads the word 农户 of jieba's dictionary" in explained


def test_issue22_a_word_across_a_join_is_read_from_the_dictionary():
    assert word_across("医护人员发放了口", "罩等防护物资")[0] == "口罩"
    assert word_across("提供必要帮", "助，强调")[1] > 0.9
    # Nothing straddles a join that ends a sentence's words on both sides, nor a join without Han text.
    assert word_across("他们", "在这") == ("", 0.0)
    assert word_across("共计20", "22年") == ("", 0.0)
