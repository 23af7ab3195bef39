"""Scanned-look OCR'd pages (`benchmarks.scanpages`): a module read across with another module's headline
set beside its first column.

Where one module's headline stands in the grid column left of another module's top, Tesseract reads each
row of the module across from that headline: the headline's pieces are the rows' first cells, the module's
dateline the second cell of its first row, and the left module's own dateline may open the last row, its
text read down under the rows. The line over the rows holds the left headline's top beside the module's
own headline. Made-up pages in that shape (measured on the tuned twin, scan2-0 and scan2-1): the module is
read as printed, column by column, and the headline beside it, with its top from the line over the rows
and its dateline, opens its own story over its text.
"""

from __future__ import annotations

from storage.ingest.line_split.modules import (
    _beside_headline,
    _headline_cells_over,
    _headline_under_rows,
    _module_read_across,
)
from storage.ingest.ocr_page import parse_page

HEAD = "2020年3月5日 星期四\n\n人民日报\n\n第5版 社会\n\n"
OVER = "绿茶飘香 | 春耕时节农机忙\n"
ROWS = (
    "西湖龙井     本报湖州3月4日电     成春播面积三十多万亩，进 | 等新服务不断涌现。\n"
    "线上开卖     （记者李明）今年春耕以     度快于往年同期。据了解， | 农户生产积极性高涨，春耕\n"
    "来，全市各地抢抓农时，组 | 今年全市农机合作社不断扩 | 生产有序推进。\n"
    "本报杭州3月4日电     织农机手下田作业，全市已 | 大服务范围，代耕代种代收\n"
)
LEFT_TEXT = "\n（记者王芳）今年的西湖龙井\n新茶日前上市，茶农通过网络\n直播销售，订单比去年同期增\n加三成。\n"
TAIL = "\n湖州新建两座粮食烘干中心\n\n本报湖州3月5日电  记者从湖州市获悉，全市新建两座粮食烘干中心。\n"
MODULE_BODY = (
    "本报湖州3月4日电（记者 李明）今年春耕以来，全市各地抢抓农时，组织农机手下田作业，全市已成春播面积"
    "三十多万亩，进度快于往年同期。据了解，今年全市农机合作社不断扩大服务范围，代耕代种代收等新服务不断"
    "涌现。农户生产积极性高涨，春耕生产有序推进。"
)


def _stories(page: str) -> list[tuple[str, str]]:
    return [(story.title, "".join(story.paragraphs)) for story in parse_page(page, year=2020)]


def test_issue22_a_module_read_across_beside_a_headline_is_read_column_by_column():
    stories = _stories(HEAD + OVER + ROWS + LEFT_TEXT + TAIL)
    assert stories[0] == ("春耕时节农机忙", MODULE_BODY)


def test_issue22_the_headline_beside_a_module_opens_its_own_story_over_its_text():
    stories = _stories(HEAD + OVER + ROWS + LEFT_TEXT + TAIL)
    assert stories[1] == (
        "绿茶飘香 西湖龙井 线上开卖",
        "本报杭州3月4日电（记者 王芳）今年的西湖龙井新茶日前上市，茶农通过网络直播销售，订单比去年同期增加三成。",
    )
    assert stories[2][0] == "湖州新建两座粮食烘干中心"


def test_issue22_the_cells_before_a_first_rows_dateline_are_a_headline_only_without_a_clause_mark():
    assert _headline_cells_over(ROWS.splitlines()[0]) == ["西湖龙井"]
    assert _headline_cells_over("本报湖州3月4日电     成春播面积三十多万亩，进 | 等新服务") == []
    text_first = "全市已完成春播，     本报湖州3月4日电     成春播面积三十多万亩，进 | 等新服务不断涌现。"
    assert _headline_cells_over(text_first) == []


def test_issue22_a_rows_headline_cell_is_told_from_the_modules_by_count_width_and_dateline():
    rows = ROWS.splitlines()
    # More cells than the module has columns: the first is the headline's.
    assert _beside_headline(rows[1], 3, 13.0) == (
        ["线上开卖"],
        ["（记者李明）今年春耕以", "度快于往年同期。据了解，", "农户生产积极性高涨，春耕"],
    )
    # As many cells as columns, the first a column's full line: no headline cell.
    assert _beside_headline(rows[2], 3, 13.0)[0] == []
    # The other module's dateline opening the row is its own.
    assert _beside_headline(rows[3], 3, 13.0)[0] == ["本报杭州3月4日电"]
    # A first cell with a clause mark beyond the module's columns: no headline's, the rows end.
    assert (
        _beside_headline(
            "来，全市各地，   抢抓农时，组 | 今年全市农机合作社不断扩 | 生产有序推进。", 2, 13.0
        )[0]
        is None
    )


def test_issue22_a_headline_beside_a_single_row_makes_no_module():
    # One row with a headline beside it is no module read across (fewer rows than a band's, no rests).
    lines = (HEAD + ROWS.splitlines(keepends=True)[0] + LEFT_TEXT).splitlines()
    assert _module_read_across(lines, lines.index(ROWS.splitlines()[0])) == []


def test_issue22_a_headline_beside_the_last_row_goes_on_under_the_rows_down_to_its_dateline():
    # The headline's last piece is read beside the module's last row and its last line under the rows,
    # right over its module's dateline, which its narrow column wrapped: that line is the headline's,
    # and the dateline opens the headline's story.
    rows = (
        "西湖龙井     本报湖州3月4日电     成春播面积三十多万亩，进 | 等新服务不断涌现。\n"
        "线上     （记者李明）今年春耕以     度快于往年同期。据了解， | 农户生产积极性高涨，春耕\n"
        "来，全市各地抢抓农时，组 | 今年全市农机合作社不断扩 | 生产有序推进。\n"
        "开卖     织农机手下田作业，全市已 | 大服务范围，代耕代种代收\n"
        "茶农增收\n"
        "本报杭州3月4日\n"
        "电 今年的西湖龙井新茶日前上市，\n"
    )
    # The headline's text in lines of the page's column measure (13 cells): a headline's piece beside a
    # row is told from a column's line by its width.
    left_text = (
        "茶农通过网络直播销售，订单\n比去年同期增加三成。当地茶\n叶合作社组织茶农学习直播技\n"
        "巧，帮助茶农拓宽销路。合作\n社负责人说，线上销售让更多\n消费者认识了本地好茶，茶农\n"
        "的收入也稳步提高，春茶采摘\n工作正在有序进行。今年全县\n茶园面积达到五万亩，预计春\n"
        "茶产量比去年增长一成。\n"
    )
    stories = _stories(HEAD + OVER + rows + left_text + TAIL)
    assert stories[0] == ("春耕时节农机忙", MODULE_BODY)
    assert stories[1][0].replace(" ", "") == "绿茶飘香西湖龙井线上开卖茶农增收"
    assert stories[1][1].startswith("本报杭州3月4日电 今年的西湖龙井新茶日前上市，茶农通过网络直播销售")
    assert stories[2][0] == "湖州新建两座粮食烘干中心"


def test_issue22_only_lines_running_down_to_a_dateline_finish_the_headline_under_the_rows():
    assert _headline_under_rows(["茶农增收", "本报杭州3月4日", "电 今年的…"], 0) == [("茶农增收", 1)]
    # A line of text under the rows (a clause mark), or no dateline under the lines: nothing taken.
    assert _headline_under_rows(["茶农增收，", "本报杭州3月4日"], 0) == []
    assert _headline_under_rows(["茶农增收", "", "本报杭州3月4日"], 0) == []


# A feature module (no dateline) read across beside a dispatch's headline, the dispatch's dateline opening
# the rows' last row and its text read down under them.
UNDATED_OVER = "春耕时节农机忙\n"
UNDATED_ROWS = (
    "西湖龙井     今年春耕以来，全市各地抢 | 春播面积三十多万亩，进度 | 等新服务不断涌现。\n"
    "线上开卖     抓农时，组织农机手下田作 | 快于往年同期。据了解，今 | 农户生产积极性高涨，春耕\n"
    "业，全市已完成春播任务的 | 年全市农机合作社不断扩大 | 生产有序推进。\n"
    "本报杭州3月4日电     一半，今年全市共完成 | 服务范围，代耕代种代收\n"
)
UNDATED_BODY = (
    "今年春耕以来，全市各地抢抓农时，组织农机手下田作业，全市已完成春播任务的一半，今年全市共完成春播面积"
    "三十多万亩，进度快于往年同期。据了解，今年全市农机合作社不断扩大服务范围，代耕代种代收等新服务不断涌现。"
    "农户生产积极性高涨，春耕生产有序推进。"
)
LEFT_MEASURED_TEXT = (
    "\n（记者王芳）今年的西湖龙井\n新茶日前上市，茶农通过网络\n直播销售，订单比去年同期增\n加三成。当地茶叶合作社组织\n"
    "茶农学习直播技巧，帮助茶农\n拓宽销路。合作社负责人说，\n线上销售让更多消费者认识了\n本地好茶，茶农的收入也稳步\n"
    "提高，春茶采摘工作正在有序\n进行。\n"
)


def test_issue22_a_module_with_no_dateline_beside_a_dispatchs_headline_is_read_column_by_column():
    stories = _stories(HEAD + UNDATED_OVER + UNDATED_ROWS + LEFT_MEASURED_TEXT + TAIL)
    assert stories[0] == ("春耕时节农机忙", UNDATED_BODY)
    assert stories[1][0].replace(" ", "") == "西湖龙井线上开卖"
    assert stories[1][1].startswith("本报杭州3月4日电（记者 王芳）今年的西湖龙井新茶日前上市")
    assert stories[2][0] == "湖州新建两座粮食烘干中心"


def test_issue22_a_module_with_no_dateline_needs_the_other_modules_dateline_at_its_foot():
    # The same rows without the dispatch's dateline in the last row: a headline's piece beside three
    # rows of text is not told from a short line of a column, and no module is read.
    rows = UNDATED_ROWS.replace("本报杭州3月4日电     ", "")
    lines = (HEAD + UNDATED_OVER + rows + LEFT_MEASURED_TEXT).splitlines()
    assert _module_read_across(lines, lines.index(rows.splitlines()[0]), 13.0) == []


# The feature's columns go on under the rows, but the OCR reads the dispatch's column down first, then
# the feature's rests (two lines each, the last column's ending its text); the line over the rows holds
# the dispatch's headline's top and the feature's headline read in two pieces.
RESTS_OVER = "绿茶飘香 | 春耕时节 | 农机忙\n"
RESTS_ROWS = (
    "西湖龙井     今年春耕以来，全市各地抢抓 | 据了解，今年全市农机合作社 | 入田间地头，指导农户科学施\n"
    "线上开卖     农时，组织农机手下田作业， | 不断扩大服务范围，代耕代种 | 肥，春耕生产有序推进。全市\n"
    "本报杭州3月4日电     全市已完成春播任务的一半， | 代收等新服务不断涌现，吸引 | 还新建两座粮食烘干中心，日\n"
)
RESTS = (
    "\n今年全市共完成春播面积三十\n多万亩，进度快于往年同期。\n\n不少农户托管土地。农户生产\n积极性高涨，各地农技人员深\n"
    "\n烘干能力达到一千吨，为夏粮\n收储做好准备。\n"
)
RESTS_BODY = (
    "今年春耕以来，全市各地抢抓农时，组织农机手下田作业，全市已完成春播任务的一半，今年全市共完成春播面积三十多万亩，"
    "进度快于往年同期。据了解，今年全市农机合作社不断扩大服务范围，代耕代种代收等新服务不断涌现，吸引不少农户托管土地。"
    "农户生产积极性高涨，各地农技人员深入田间地头，指导农户科学施肥，春耕生产有序推进。全市还新建两座粮食烘干中心，"
    "日烘干能力达到一千吨，为夏粮收储做好准备。"
)


def test_issue22_a_modules_rests_read_after_the_dispatch_beside_it_go_to_its_columns():
    stories = _stories(HEAD + RESTS_OVER + RESTS_ROWS + LEFT_MEASURED_TEXT + RESTS + TAIL)
    assert [title.replace(" ", "") for title, _body in stories] == [
        "春耕时节农机忙",
        "绿茶飘香西湖龙井线上开卖",
        "湖州新建两座粮食烘干中心",
    ]
    assert stories[0][1] == RESTS_BODY
    assert stories[1][1].endswith("茶农的收入也稳步提高，春茶采摘工作正在有序进行。")
