"""OCR'd pages rendered by a browser (`benchmarks.ocrweb`): a band of headlines read across columns under
the text of the story above, a printed rule between them.

Tesseract reads a page's foot line by line across its columns: the last lines of the story above (its
columns side by side), a row of specks for the rule under them, then the headlines of the modules under
the rule side by side, with a dateline's head under each. Made-up pages in the shape of the failures
measured on the Chromium seeds (web4-12): the rule parts the band, the column that ends the story's
sentence is read last, specks beside a headline are dropped, and a dateline's head read apart from its
``日电`` is put back over it. A headline's subtitle the column wrapped inside its book title is one line.
"""

from __future__ import annotations

from storage.ingest.line_split.bands import _rule_between_modules
from storage.ingest.ocr_page import parse_page
from storage.ingest.page_line_split import _split_lines

# The story above's three columns read across, the rule's specks, then two headlines side by side, the
# right one's dateline head read apart from its ``日电`` (the OCR read that block further down).
RULE_PAGE = (
    "2020年5月6日 星期三\n\n"
    "人民日报\n\n"
    "第4版 文化\n\n"
    "古城墙修缮完工\n\n"
    "本报西安5月5日电 〈记者王林) 历经两\n"
    "年的修缮，西安古城墙南段近日完工，\n"
    "重新向游客开放。\n\n"
    "修缮工程由文物部门组织实施。施工\n"
    "中，工人们采用传统工艺，用糯米灰浆\n\n"
    "砌筑城砖，尽量保持城墙原有的样子， | 城墙上还新装了夜间照明，游客 | 的游客前来参观。\n"
    "同时加固了多处出现裂缝的墩台，排除 | 晚上也可以登上城墙，欣赏古城 | \n"
    "了安全隐患。据介绍，修缮期间 | 的夜景。开放首日，就有上万名 | \n"
    "A  ma   了已    4     SRf半Fn| mi<\n"
    "乡村书屋添新书 | 春耕时节农机忙\n"
    "丰富群众文化生活 | _\n"
    "本报成都5月5日电 〈记者刘洋)      本报长沙5月5\n\n"
    "四川省近日为全省两千多个乡村书屋\n"
    "配送了新书，内容涵盖农业技术、文学\n"
    "历史等多个门类。\n\n"
    "日电 〈记者赵敏) 湖南各地抓住晴好\n"
    "天气，组织农机下田作业，目前全省已\n"
    "完成春耕面积一千多万亩。\n"
)

# A dateline's head read apart after the day's digits, its ``日电`` opening the next block.
DATELINE_PAGE = (
    "2020年3月3日 星期二\n\n"
    "人民日报\n\n"
    "第4版 社会\n\n"
    "城市公园新增健身步道\n\n"
    "本报北京3月2\n\n"
    "日电 〈记者李明)\n"
    "记者从市园林部门获悉，\n"
    "今年全市公园将新增健身步道一百公里，\n"
    "方便市民就近锻炼。\n"
)

# A headline's subtitle wrapped inside its book title, each half a block, under a story that ended.
SUBTITLE_PAGE = (
    "2020年3月3日 星期二\n\n"
    "人民日报\n\n"
    "第7版 文化\n\n"
    "老艺人的新徒弟\n\n"
    "本报西安3月2日电 （记者张华） 年过七旬的\n"
    "皮影艺人李师傅今年又收了三个徒弟。他说，\n"
    "只要有人愿意学，他就一直教下去。\n\n"
    "乡土中国的变迁\n\n"
    "——《村庄七\n\n"
    "十年》读后\n\n"
    "王强所著的《村庄七十年》一书近日由人民\n"
    "出版社出版。该书记录了一个村庄七十年间\n"
    "的变化，从土地、家庭、教育等方面描述了\n"
    "乡村生活的巨大变迁。\n"
)


def _texts(page: str) -> list[str]:
    return [line.text for line in _split_lines(page)[0]]


def test_issue22_headlines_under_a_rule_open_their_own_stories():
    stories = parse_page(RULE_PAGE, year=2020)
    assert [story.title for story in stories] == [
        "古城墙修缮完工",
        "乡村书屋添新书 丰富群众文化生活",
        "春耕时节农机忙",
    ]
    above = "".join(stories[0].paragraphs)
    assert "农机" not in above and "书屋" not in above
    assert "修缮期间的游客前来参观。" in above


def test_issue22_the_column_ending_the_sentence_is_read_last_over_the_rule():
    texts = _texts(RULE_PAGE)
    assert texts.index("的游客前来参观。") == texts.index("了安全隐患。据介绍，修缮期间") + 1
    assert texts.index("春耕时节农机忙") > texts.index("的游客前来参观。")
    assert not any("SRf" in text or "mi<" in text for text in texts)


def test_issue22_a_speck_beside_a_headline_under_the_rule_is_dropped():
    assert "_" not in _texts(RULE_PAGE)


def test_issue22_a_dateline_head_under_a_headline_goes_over_its_rest():
    texts = _texts(RULE_PAGE)
    assert "本报长沙5月5日电" in texts
    assert "本报长沙5月5" not in texts
    farming = parse_page(RULE_PAGE, year=2020)[2]
    assert (str(farming.date), farming.reporters) == ("2020-05-05", ("赵敏",))
    assert "".join(farming.paragraphs).startswith("本报长沙5月5日电")


def test_issue22_a_dateline_read_apart_after_the_day_digits_is_whole():
    (story,) = parse_page(DATELINE_PAGE, year=2020)
    assert story.title == "城市公园新增健身步道"
    assert (str(story.date), story.reporters) == ("2020-03-02", ("李明",))


def test_issue22_a_subtitle_wrapped_inside_its_book_title_is_one_line():
    assert "——《村庄七十年》读后" in _texts(SUBTITLE_PAGE)
    titles = [story.title for story in parse_page(SUBTITLE_PAGE, year=2020)]
    assert titles == ["老艺人的新徒弟", "乡土中国的变迁 ——《村庄七十年》读后"]


def test_issue22_a_dash_line_over_a_sentence_is_not_a_subtitle():
    page = "这次展览的主题\n\n——《村庄七\n\n十年》一书已经出版。\n"
    assert "——《村庄七" in _texts(page)


def test_issue22_a_row_of_specks_is_a_rule_and_a_row_of_text_or_headlines_is_not():
    assert _rule_between_modules("A    ma AH 了已   一       4        SRf半Fn人入工| mi大开甩<")
    assert _rule_between_modules("一     一一       | 一一|")
    assert not _rule_between_modules("中朝共同庆祝 | 天津在京津冀协同发展中谋项目")
    assert not _rule_between_modules("生活水平、推动体制改革、提 | 放40年对外开放研究，重点分")


def test_issue22_a_short_line_under_a_band_of_text_is_no_rule():
    # A line read alone (no gap in it) under two columns of text ends the band; it stays text.
    page = (
        "同时加固了多处出现裂缝的墩台，排除 | 晚上也可以登上城墙，欣赏古城\n"
        "了安全隐患。据介绍，修缮期间 | 的夜景。开放首日，就有上万名\n"
        "PMI 50.1\n"
    )
    assert "PMI 50.1" in _texts(page)


def test_issue22_a_band_of_headlines_over_specks_keeps_its_reading():
    # No rows of text over the specks: no rule under a story's columns, the band read as before.
    page = "乡村书屋添新书 | 春耕时节农机忙\n丰富群众文化生活 | 田间地头\nA  ma   了已    4\n"
    texts = _texts(page)
    assert texts.index("春耕时节农机忙") < texts.index("乡村书屋添新书")
