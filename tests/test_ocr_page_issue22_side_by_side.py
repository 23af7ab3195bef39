"""Issue 22: OCR'd pages, two headlines set side by side that Tesseract read as one line.

Small made-up pages in the shape of the side-by-side lines measured on the tuned OCR sets
(`benchmarks.ocrpages`, `benchmarks.ocrweb`).
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from storage.ingest.page_lines import _split_side_by_side

# Two headlines set side by side, each wrapped over two lines, read across both modules with runs of
# three to five spaces between them (narrower than a column gap elsewhere on a page), a speck beside
# the first line; the left headline's story is read first, the right one's after it.
NARROW_PAGE = (
    "人民日报\n\n"
    "2020年2月29日 星期六\n\n"
    "第8版 国际\n"
    "王毅分别同意大利外长、   可9\n"
    "伊朗外长通电话     全力做好稳外贸稳外资和生活必需品保供工作\n\n"
    "本报北京2月28日电 2月2\n"
    "8日，国务委员兼外长王毅同意大利外\n"
    "长迪马约通电话。\n\n"
    "王毅表示，当前，世界许多国家都\n"
    "在奋力抗击新冠肺炎疫情。病毒是人类\n"
    "共同的敌人，需要国际社会携手应对。\n\n"
    "本报北京2月28日电 2月2\n"
    "8日，国务委员兼外长王毅同伊朗外长\n"
    "扎里夫通电话。\n\n"
    "扎里夫表示，感谢中方专门来电话\n"
    "表达慰问和支持，两国人民将永远坚定站\n"
    "在一起。\n\n"
    "新华社北京2月28日电 全国商\n"
    "务系统应对新冠肺炎疫情做好商务工作\n"
    "电视电话会议28日在北京召开。他强调，\n"
    "要全力做好稳外贸稳外资和保障生活必\n"
    "需品供给工作。\n"
)


def test_issue22_headlines_side_by_side_with_narrow_gaps_are_cut_into_their_columns():
    stories = parse_page(NARROW_PAGE, year=2020)
    titles = [story.title for story in stories]
    assert "王毅分别同意大利外长、伊朗外长通电话" in titles
    # The right headline heads the story under it (the speck read beside it stays in its title).
    last = stories[-1]
    assert last.title.endswith("全力做好稳外贸稳外资和生活必需品保供工作")
    assert "王毅" not in last.title
    assert "".join(last.paragraphs).startswith("新华社北京2月28日电")


def test_issue22_a_line_with_a_narrow_gap_joins_the_band_beside_it():
    # The middle line's gap is four spaces, the lines round it are cut at a bar and a wide gap: the
    # band holds all three lines, and the middle line is cut as they are.
    lines = [
        "问“细”于民见初心 | “双创”热情高",
        "小辣椒奏响    总统巴希尔",
        "（今日谈）          “新乐章”",
    ]
    texts = [text for text, _number in _split_side_by_side(lines)]
    assert texts == [
        "",
        "“双创”热情高",
        "总统巴希尔",
        "“新乐章”",
        "",
        "问“细”于民见初心",
        "小辣椒奏响",
        "（今日谈）",
    ]


def test_issue22_a_band_line_indented_past_its_first_column_starts_in_the_next():
    # A wide indent before the line's text and a bar after it: its first column is empty.
    lines = [
        "中朝共同庆祝 | 天津在京津冀协同发展 | 深化哲学社会科学研究人",
        "        为高质量发展注入内生动力          |",
        "本报平壤10月28日电 | 本报天津10月28日电 | 员职称制度改革",
    ]
    columns = [text for text, _number in _split_side_by_side(lines)]
    middle = columns[: columns.index("", 1)]
    assert "为高质量发展注入内生动力" in middle
    assert "中朝共同庆祝" in columns[columns.index("", 1) :]


def test_issue22_a_single_line_with_a_narrow_gap_is_left_as_it_is():
    lines = ["", "将亮相第二届进   博会国家展", "", "据新华社上海10月21日电"]
    assert [text for text, _number in _split_side_by_side(lines)] == lines
