"""Scanned pages (`benchmarks.scanpages`): one line alone holding two columns' lines at one height, the
left column's last line read across with the right column's line (issue 22).

A small made-up page in the shape of a failure measured on `rmrb_ocr_scan_fresh`.
"""

from __future__ import annotations

from storage.ingest.line_split.lines_across import _block_opened_by
from storage.ingest.ocr_page import parse_page

# The left column's top read first, then the right column's top (a photo's credit over it), then one
# line holding the left column's last line and the right column's line beside it, then the right
# column read on. The left piece goes on into the right column's first line by a word (病|毒), the
# right piece on from the block above it (朝|鲜): both pieces had been read as two headlines side by side.
TWO_COLUMNS_PAGE = (
    "人民日报\n\n"
    "2020年2月2日 星期日\n\n"
    "第7版 政治\n\n"
    "朝鲜最高领导人向中方致信表示慰问\n\n"
    "新华社北京2月1日电 2月\n"
    "1日，朝鲜劳动党委员长向中共中央\n"
    "致信，代表\n\n"
    "本报记者张三摄\n"
    "毒感染肺炎疫情表示诚挚慰问并提供\n\n"
    "支持。\n\n"
    "委员长在信中表示，我本人及朝\n\n"
    "朝鲜党和人民就中国防控新型冠状病 | 鲜党和人民将中国发生的此次疫情看\n\n"
    "作自己的事情，我们坚信，中国党、政\n"
    "府、人民一定能够打赢疫情防控阻击战。\n\n"
    "中方对朝鲜党和人民的慰问与支持表\n"
    "示衷心感谢。\n"
)


def test_issue22_a_line_of_two_columns_puts_its_left_piece_over_the_block_it_goes_on_into():
    (story,) = parse_page(TWO_COLUMNS_PAGE, year=2020)
    assert story.title == "朝鲜最高领导人向中方致信表示慰问"
    text = "".join(story.paragraphs)
    assert "代表朝鲜党和人民就中国防控新型冠状病毒感染肺炎疫情" in text
    assert "我本人及朝鲜党和人民将中国发生的此次疫情看" in text
    assert text.endswith("示衷心感谢。")


def test_issue22_the_left_piece_goes_only_where_a_word_joins_it_better_than_the_line_before():
    lines = [("代表", 1), ("", 2), ("毒感染肺炎疫情表示", 3), ("支持。", 4)]
    assert _block_opened_by(lines, "新型冠状病") == 2
    # A line the one before it joins by as strong a word (病|毒 there too) is no place for the piece.
    assert _block_opened_by([("防控新型冠状病", 1), ("毒感染肺炎", 2)], "新型冠状病") is None
    # No word across the seam: nowhere.
    assert _block_opened_by(lines, "防控工作") is None
