"""Scanned-look OCR'd pages (`benchmarks.scanpages`): a module's bottom rows read across after its
columns.

Tesseract may read each of a story's narrow columns down, one after another, but stop each column
short of the module's foot, and read the bottom row (or rows) across last, one cell per column
(measured on the tuned twin: scan2-11 多措并举保障民生…, one row of five cells under five columns;
scan2-2 江苏淮安…, four rows of six cells). A module's columns are set to one height, so the blocks read
before the rows split into runs of one height, one per column; each column's cells go on from its run.
Made-up pages in that shape.
"""

from __future__ import annotations

from storage.ingest.line_split.rows_after_columns import _rows_read_after_columns
from storage.ingest.ocr_page import parse_page

HEAD = "2020年3月5日 星期四\n\n人民日报\n\n第5版 社会\n\n春耕时节农机忙\n"
COLUMNS = (
    "本报杭州3月4日电（记者\n李明）今年春耕以来，全省\n各地抢抓农时，组织农机手\n"
    "\n面积三百多万亩，进度快于\n"
    "\n往年同期。据了解，今年全\n省农机合作社不断扩大服务\n"
    "\n务不断涌现，吸引农户托管。\n今年全省还将新建烘干中心\n二十座，服务粮食生产。各\n"
)
ROW = "\n下田作业，全省已完成春播    范围，代耕代种代收等新服    地农机手干劲十足。\n"
TAIL = "\n湖州新建两座粮食烘干中心\n\n本报湖州3月4日电  记者从湖州市获悉，全市新建两座粮食烘干中心。\n"
BODY = (
    "本报杭州3月4日电（记者 李明）今年春耕以来，全省各地抢抓农时，组织农机手下田作业，全省已完成春播"
    "面积三百多万亩，进度快于往年同期。据了解，今年全省农机合作社不断扩大服务范围，代耕代种代收等新服"
    "务不断涌现，吸引农户托管。今年全省还将新建烘干中心二十座，服务粮食生产。各地农机手干劲十足。"
)


def _stories(page: str) -> list[tuple[str, str]]:
    return [(story.title, "".join(story.paragraphs)) for story in parse_page(page, year=2020)]


def test_issue22_a_row_read_after_its_columns_goes_to_the_columns_it_ends():
    stories = _stories(HEAD + COLUMNS + ROW + TAIL)
    assert stories[0] == ("春耕时节农机忙", BODY)
    assert stories[1][0] == "湖州新建两座粮食烘干中心"


def _read(text: str) -> list[str] | None:
    """The lines so read when the row after `text`'s blocks is read after its columns, else None."""
    lines = text.splitlines()
    out = [(line, number) for number, line in enumerate(lines, start=1)]
    row = ROW.strip("\n")
    after = _rows_read_after_columns(out, [*lines, "", row], len(lines))
    return None if after is None else [line for line, _number in after[0] if line]


def test_issue22_each_column_s_cells_follow_its_run_of_one_height():
    read = _read(COLUMNS)
    assert read is not None
    assert read[2:5] == ["各地抢抓农时，组织农机手", "下田作业，全省已完成春播", "面积三百多万亩，进度快于"]
    assert read[-2:] == ["二十座，服务粮食生产。各", "地农机手干劲十足。"]


def test_issue22_a_speck_between_the_columns_is_no_block_of_them():
    # A piece of a picture's credit read between two columns (``新华社记``) is left where it is.
    specked = COLUMNS.replace("\n面积三百多万亩", "\n新华社记\n\n面积三百多万亩")
    assert _read(specked) is not None


def test_issue22_blocks_of_other_heights_take_no_row():
    # The second column one line short: no one height splits the blocks, and the row stays a line.
    uneven = COLUMNS.replace("\n面积三百多万亩，进度快于\n", "\n")
    assert _read(uneven) is None


def test_issue22_a_row_where_no_column_ends_its_sentence_is_no_module_s_foot():
    # A module ends in its rows: a row whose every cell goes on is a line read across anywhere.
    lines = COLUMNS.splitlines()
    out = [(line, number) for number, line in enumerate(lines, start=1)]
    row = ROW.strip("\n").replace("干劲十足。", "干劲十足，")
    assert _rows_read_after_columns(out, [*lines, "", row], len(lines)) is None


# Two modules set side by side whose bottom rows the OCR read as one (scan2-5: 淮南… beside 辽宁…), the
# taller one's columns going on in a row under them.
SIDE_BY_SIDE = (
    "淮南推出在线精品课程\n\n"
    "本报淮南2月2日电\n（记者韩俊杰）近日，安徽淮\n南“空中课堂”正式上线，一\n"
    "\n针对延迟开学问题，自2\n月10日起，淮南将对全市中\n小学其他年级开展在线教学，\n"
    "\n辽宁破获67起非法采砂案件\n\n"
    "本报沈阳2月2日电\n（记者刘洪超）记者近日从辽\n宁省公安厅获悉：在全省开\n"
    "\n刑事拘留72人。据悉，去年\n以来，辽宁省公安厅江河保\n卫总队实行案件线索上报研\n"
    "\n2019年9月20日，抚顺\n市公安局侦办了一起严重超\n采案件，抓获犯罪嫌疑人。\n"
    "\n批名师将在网络教室答疑。    学生可在家中收看。    展的专项行动中，辽宁共破    "
    "判交办制度，即各地每月将    河库治安秩序明显改观。\n"
    "\n获非法采砂案件67起。    案件线索统一上报。\n"
)


def test_issue22_rows_read_across_two_modules_side_by_side_go_to_each_module_s_columns():
    stories = _stories(HEAD.replace("春耕时节农机忙\n", "") + SIDE_BY_SIDE + TAIL)
    assert stories[0] == (
        "淮南推出在线精品课程",
        "本报淮南2月2日电（记者 韩俊杰）近日，安徽淮南“空中课堂”正式上线，一批名师将在网络教室答疑。"
        "针对延迟开学问题，自2月10日起，淮南将对全市中小学其他年级开展在线教学，学生可在家中收看。",
    )
    assert stories[1] == (
        "辽宁破获67起非法采砂案件",
        "本报沈阳2月2日电（记者 刘洪超）记者近日从辽宁省公安厅获悉：在全省开展的专项行动中，辽宁共破"
        "获非法采砂案件67起。刑事拘留72人。据悉，去年以来，辽宁省公安厅江河保卫总队实行案件线索上报研"
        "判交办制度，即各地每月将案件线索统一上报。2019年9月20日，抚顺市公安局侦办了一起严重超采案件，"
        "抓获犯罪嫌疑人。河库治安秩序明显改观。",
    )
    assert stories[2][0] == "湖州新建两座粮食烘干中心"


# Two modules side by side of different heights (scan2-9: 时代楷模…, ten lines a column over the rows,
# beside 欢乐春节…, nine), a column ending in the first row and leaving its cells in the rows under it
# empty.
DIFFERENT_HEIGHTS = (
    "甲市推进老旧小区改造\n\n"
    "本报甲市3月4日电（记者\n王强）今年以来，甲市推进\n老旧小区改造，已完成一百\n"
    "\n改造内容包括加装电梯、\n整修管网、增设停车位等，\n居民满意度明显提升。今年\n"
    "\n乙县新建三座图书馆\n\n"
    "本报乙县3月4日电（记者\n李华）乙县新建三座图书馆，\n"
    "\n图书馆每周开放六天，\n还定期举办读书活动，\n"
    "\n二十个小区的改造任务，    全市还将改造八十个小区，    藏书总量达到五万册，    受到群众欢迎。\n"
    "惠及居民三万余户。    力争年底前全部完工。    方便群众就近借阅。\n"
)


def test_issue22_modules_of_different_heights_each_split_at_their_own_height():
    stories = _stories(HEAD.replace("春耕时节农机忙\n", "") + DIFFERENT_HEIGHTS + TAIL)
    assert stories[0] == (
        "甲市推进老旧小区改造",
        "本报甲市3月4日电（记者 王强）今年以来，甲市推进老旧小区改造，已完成一百二十个小区的改造任务，"
        "惠及居民三万余户。改造内容包括加装电梯、整修管网、增设停车位等，居民满意度明显提升。今年"
        "全市还将改造八十个小区，力争年底前全部完工。",
    )
    assert stories[1] == (
        "乙县新建三座图书馆",
        "本报乙县3月4日电（记者 李华）乙县新建三座图书馆，藏书总量达到五万册，方便群众就近借阅。"
        "图书馆每周开放六天，还定期举办读书活动，受到群众欢迎。",
    )


def test_issue22_headlines_side_by_side_under_the_rows_are_no_rows_of_them():
    # A row with no clause or sentence mark under the rows (the next modules' headlines, ``宋兆东:    王毅:
    # 接海外湖北``) ends them: it is read as before.
    lines = COLUMNS.splitlines()
    out = [(line, number) for number, line in enumerate(lines, start=1)]
    heads = "冲锋在前的好警察    接同胞回家"
    after = _rows_read_after_columns(out, [*lines, "", ROW.strip("\n"), heads], len(lines))
    assert after is not None
    assert after[1] == len(lines) + 2  # read on from the headlines' row


def test_issue22_a_row_with_no_mark_whose_cells_span_the_columns_is_a_row_of_them():
    # ``升我国国际地位等方面都发挥 | 析通过对外开放利用国际国内`` (web4-12): no clause mark, but each cell a
    # full line of the columns above.
    lines = COLUMNS.splitlines()
    out = [(line, number) for number, line in enumerate(lines, start=1)]
    first = "下田作业，全省已完成春播    范围，代耕代种代收等新服    地农机手干劲十足。"
    second = "面积达到三百多万亩以上的    务体系日益完善健全起来了"
    after = _rows_read_after_columns(out, [*lines, "", first, second], len(lines))
    assert after is not None
    read = [line for line, _number in after[0] if line]
    assert read[3:5] == ["下田作业，全省已完成春播", "面积达到三百多万亩以上的"]
    # A row of short pieces with no mark (headlines side by side) is none.
    heads = "冲锋在前的好警察    接同胞回家"
    after = _rows_read_after_columns(out, [*lines, "", first, heads], len(lines))
    assert after is not None
    assert "冲锋在前的好警察" not in [line for line, _number in after[0]]


def test_issue22_a_rule_under_the_rows_parts_them_from_the_headlines_under_it():
    rule = "A    ma AH 了已   一       4        SRf半Fn人入工| mi大开甩<\n"
    heads = "湖州新建两座粮食烘干中心 | 嘉兴举办农机展示会\n"
    under = (
        "本报湖州3月4日电  记者从湖州市获悉，全市新建两座粮食烘干中心。 | "
        "本报嘉兴3月4日电  嘉兴日前举办农机展示会，展出新机具百余台。\n"
    )
    stories = _stories(HEAD + COLUMNS + ROW.rstrip("\n") + "\n" + rule + heads + under)
    assert stories[0] == ("春耕时节农机忙", BODY)
    # The rule's specks go into no headline (``A ma AH 了已 一 湖州…`` without it).
    assert sorted(title for title, _body in stories[1:]) == ["嘉兴举办农机展示会", "湖州新建两座粮食烘干中心"]
