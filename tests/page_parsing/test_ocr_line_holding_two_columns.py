"""OCR'd pages rendered by a browser (`benchmarks.ocrweb`): one line alone holding two columns' text.

Tesseract sometimes reads one line across a story's two columns, a bar between the left column's line
and the right one's, with the right column's lines over it read as the block above and the left
column's lines under it as the block below. Made-up pages in the shape of the failures measured on the
Chromium seeds (web1-3, web1-8): the line is read as printed, the left piece with the block under it,
then the block above with the right piece.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page
from storage.ingest.page_line_split import _split_lines

HEAD = (
    "2020年3月5日 星期四\n\n人民日报\n\n第5版 社会\n\n春耕时节农机忙\n\n本报合肥3月4日电 〈记者张华) 记者\n\n"
)
TAIL = (
    "投入量达120万台，同比增长8%，约占\n"
    "全省作业量的六成。\n\n"
    "等新服务不断涌现，吸引更多农户把土地\n"
    "托管给合作社。\n"
)
# The right piece completes a word with the block above (扩大服 / 务范围: 服务).
ACROSS_PAGE = (
    HEAD
    + "据了解，今年全省农机合作社不断扩大服\n\n"
    + "近日从省农业农村厅获悉: 今年春耕，全省农机 | 务范围，代耕、代种、代收、烘干、仓储\n\n"
    + TAIL
)
# The block above ends a sentence: nothing says the right piece goes on from it.
CLOSED_ABOVE_PAGE = (
    HEAD
    + "据了解，今年全省农机合作社有所增加。\n\n"
    + "近日从省农业农村厅获悉: 今年春耕，全省农机 | 务范围，代耕、代种、代收、烘干、仓储\n\n"
    + TAIL
)


def _body(page: str) -> str:
    (story,) = parse_page(page, year=2020)
    return "".join(story.paragraphs)


def test_issue22_a_line_holding_two_columns_text_is_read_as_printed():
    body = _body(ACROSS_PAGE)
    assert body.startswith("本报合肥3月4日电（记者 张华)记者近日从省农业农村厅获悉")
    assert "全省农机投入量达120万台" in body
    assert "约占全省作业量的六成。据了解，今年全省农机合作社不断扩大服务范围，代耕" in body
    assert body.endswith("烘干、仓储等新服务不断涌现，吸引更多农户把土地托管给合作社。")


def test_issue22_explain_shows_the_order_a_line_of_two_columns_was_read_in():
    explained = "\n".join(explain_page(ACROSS_PAGE, year=2020))
    assert (
        "its lines read in this order, not the file's (columns read across): 9, 13, 15-16, 11, 13, 18-19"
        in explained
    )


def test_issue22_a_line_of_two_columns_under_a_closed_sentence_keeps_its_place():
    texts = [line.text for line in _split_lines(CLOSED_ABOVE_PAGE)[0]]
    assert "据了解，今年全省农机合作社有所增加。" in texts
    assert texts.index("据了解，今年全省农机合作社有所增加。") < texts.index(
        "投入量达120万台，同比增长8%，约占"
    )
    assert not any(text.startswith("务范围") for text in texts)


# The right piece is the last line of its column's sentence (scan2-8 of the scanned-look twin): it
# ends the sentence the block above leaves open (投入量同比增 / 长8%: 增长), and is read after it all the same.
ENDING_PAGE = (
    "2020年3月5日 星期四\n\n人民日报\n\n第5版 社会\n\n春耕时节农机忙\n\n"
    "本报合肥3月4日电 〈记者张华)\n\n"
    "余家。今年春耕，全省农机投\n"
    "入量同比增\n\n"
    "记者近日从省农业农村厅获 | 长8%，作业进度快于往年。\n\n"
    "悉，全省农机合作社已达三千\n\n"
    "据了解，合作社还提供烘干服务。\n"
)


def test_issue22_a_line_of_two_columns_whose_right_piece_ends_a_sentence_is_read_as_printed():
    assert _body(ENDING_PAGE) == (
        "本报合肥3月4日电（记者 张华)记者近日从省农业农村厅获悉，全省农机合作社已达三千余家。"
        "今年春耕，全省农机投入量同比增长8%，作业进度快于往年。据了解，合作社还提供烘干服务。"
    )
