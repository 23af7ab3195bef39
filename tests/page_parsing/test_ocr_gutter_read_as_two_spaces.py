"""Scanned-look OCR'd pages (`benchmarks.scanpages`): a module read across whose gutters the OCR read
narrow, and its last row read partly across.

Tesseract marks a gutter between columns read across with a bar or a run of spaces, but where the
columns stand close it leaves only two spaces, as it leaves between words (scan2-5 on the tuned twin:
``解惑，提供在线授课及辅导。  在线直播课、…``). The page's column measure tells the two apart: most of
its lines without a seam are set to one width (13 cells here), and a piece of that width before two
spaces is a column's full line, the next column's text after it. The module's last row the OCR may
read partly across and partly cell by cell (``国家生态安全屏障，将生态领 | 标率为100%。`` / blank /
``命名自治区级生态县17个，`` / …): its cells stand in the first columns and the blocks of one line under
it in the columns on the right that go on. Made-up pages in that shape.
"""

from __future__ import annotations

from storage.ingest.line_split.cells import _widen_gutters, column_measure
from storage.ingest.line_split.modules import _columns_ended
from storage.ingest.ocr_page import parse_page

HEAD = "2020年3月5日 星期四\n\n人民日报\n\n第5版 社会\n\n西藏生态建设成效显著\n\n"
# Three columns of 13 cells read across, row by row; the second row's first gutter read as two spaces.
ROWS = (
    "本报拉萨3月4日电    累计命名生态县十七个，生态 | 据了解，全区空气质量优良天\n"
    "（记者王明）今年以来，西藏  乡两百多个，生态村两千多个 | 数比率达到百分之九十九以上\n"
    "各地加快生态建设步伐，全区 | ，同时在重点区域开展防沙治 | ，地表水水质达标率为百分之\n"
    "新增造林面积超过一百万亩，   沙、植树造林等多项绿化工程 | 九十九，全区生态环境持续向\n"
)
# The last row: the first two columns read across, the third column's line a block of its own.
LAST_ROW = "生态保护意识不断增强。全区 | ，成效显著。\n\n好。\n"
COLUMNS = (
    "本报拉萨3月4日电（记者 王明）今年以来，西藏各地加快生态建设步伐，全区新增造林面积超过一百万亩，"
    "生态保护意识不断增强。全区累计命名生态县十七个，生态乡两百多个，生态村两千多个，同时在重点区域"
    "开展防沙治沙、植树造林等多项绿化工程，成效显著。据了解，全区空气质量优良天数比率达到百分之九十九"
    "以上，地表水水质达标率为百分之九十九，全区生态环境持续向好。"
)
# A story set in one column of 13 cells, read line by line: the page's measure.
TAIL = (
    "\n拉萨河谷新建湿地公园\n\n本报拉萨3月4日电\n"
    "记者从拉萨市获悉，拉萨河谷\n新建的湿地公园近日向市民开\n放。公园占地一千多亩，种植\n"
    "了多种高原植物，为市民休闲\n健身提供了好去处。据介绍，\n公园还将建设科普展馆和观鸟\n"
    "平台，方便市民了解高原湿地\n的生态价值。公园开放以来，\n每天吸引数千名市民前来游览。\n"
)


def _stories(page: str) -> list[tuple[str, str]]:
    return [(story.title, "".join(story.paragraphs)) for story in parse_page(page, year=2020)]


def test_issue22_the_page_measure_is_the_width_most_seamless_lines_are_set_to():
    assert column_measure((HEAD + ROWS + TAIL).splitlines()) == 13.0
    # Too few lines set to one width: no measure.
    assert column_measure(["西藏生态建设成效显著", "全区新增造林面积超过一百万亩，"]) is None


def test_issue22_two_spaces_after_a_full_column_line_are_a_gutter():
    row = "（记者王明）今年以来，西藏  乡两百多个，生态村两千多个 | 数比率达到百分之九十九以上"
    assert _widen_gutters(row, 13.0) == (
        "（记者王明）今年以来，西藏   乡两百多个，生态村两千多个 | 数比率达到百分之九十九以上"
    )


def test_issue22_two_spaces_after_a_short_piece_stay_a_space_in_the_text():
    row = "会见时，双方  就两国关系交换了意见，一致认为 | 数比率达到百分之九十九以上"
    assert _widen_gutters(row, 13.0) == row
    # A line no wider than one column holds no gutter.
    assert _widen_gutters("今年以来  西藏各地加快", 13.0) == "今年以来  西藏各地加快"
    # A line with no seam is no line read across: two spaces part a headline from its page there.
    assert _widen_gutters("◆青浦吴江嘉善三地协同治水  3版", 13.0) == "◆青浦吴江嘉善三地协同治水  3版"


def test_issue22_a_module_with_a_narrow_gutter_and_a_last_row_read_partly_across_is_read_in_order():
    stories = _stories(HEAD + ROWS + LAST_ROW + TAIL)
    assert stories[0] == ("西藏生态建设成效显著", COLUMNS)
    assert stories[1][0] == "拉萨河谷新建湿地公园"


def test_issue22_a_last_row_whose_right_columns_are_not_read_under_it_ends_before_the_module():
    # The third column goes on, but no block of one line under the row holds its line: the row is no
    # row of the module, and the module's columns end with the row above it.
    stories = _stories(HEAD + ROWS + "生态保护意识不断增强。全区 | ，成效显著。\n" + TAIL)
    title, body = stories[0]
    assert title == "西藏生态建设成效显著"
    assert body.startswith(
        "本报拉萨3月4日电（记者 王明）今年以来，西藏各地加快生态建设步伐，全区新增造林面积超过一百万亩，"
        "累计命名生态县十七个"
    )


# A module whose first row holds a column's first line of one character ending the sentence the column
# before it began (``定。``), whose third column ends on a short line the OCR read without its end mark,
# and whose last row the OCR read cell by cell, a full column line without a clause mark among them.
SHORT_ROWS = (
    "本报拉萨3月4日电    定。    据了解，全区空气质量优良天\n"
    "（记者王明）今年以来，西藏 | 全区累计命名生态县十七个， | 数比率超过九成\n"
    "各地加快生态建设步伐，全区 | 生态乡两百多个，生态村两千\n"
    "\n完成生态县命名工作的既定规\n\n多个，成效显著。\n"
)


def test_issue22_a_module_read_by_the_page_measure_keeps_its_columns_in_order():
    (title, body), following = _stories(HEAD + SHORT_ROWS + TAIL)[:2]
    assert title == "西藏生态建设成效显著"
    assert body == (
        "本报拉萨3月4日电（记者 王明）今年以来，西藏各地加快生态建设步伐，全区完成生态县命名工作的既定规"
        "定。全区累计命名生态县十七个，生态乡两百多个，生态村两千多个，成效显著。"
        "据了解，全区空气质量优良天数比率超过九成"
    )
    assert following[0] == "拉萨河谷新建湿地公园"


def test_issue22_a_short_last_line_ends_its_column_only_against_a_measure():
    rows = [(["各地加快生态建设步伐，全区", "数比率超过九成"], 1)]
    assert _columns_ended(rows, 1, 2, 13.0)
    assert not _columns_ended(rows, 1, 2, None)
    # A line near the measure, or holding digits whose width the OCR does not keep, goes on.
    assert not _columns_ended([(["各地", "数比率超过百分之九十九的目"], 1)], 1, 2, 13.0)
    assert not _columns_ended([(["各地", "2018年9月2日正式结束"], 1)], 1, 2, 13.0)
