"""OCR'd pages: a line of specks read over a headline (issue 22).

On a scanned page Tesseract read the edge of a rule or a picture over a commentary's headline as a line
of its own, digits, Latin letters and marks with no Han character (``66   YEG<-??``), in the headline's
block. The block then opened with a line of no headline's shape: the headline, its column label garbled
(``（今日`` / ``次)``), was read as text going on from the dispatch above, and the commentary's text with
it; every story under it on the page was then matched one off. Such a line is specks, never the block's
first line: the line under it opens the block. A line of digits alone (``7``, a number a column break
cut) and a line holding text's marks (an address, a percentage) are not specks. Made-up page in the
shape of the failure on the scanned fresh seed 10.
"""

from __future__ import annotations

import pytest

from storage.ingest.ocr_page import parse_page

PAGE = (
    "人民日报\n\n"
    "2020年1月12日 星期日\n\n"
    "第14版 政治\n\n"
    "“中国天眼”正式开放运行\n"
    "本报北京1月11日电\n"
    "（记者吴月辉） 记者从中国科\n"
    "学院国家天文台获悉: 11日，\n"
    "被誉为“中国天眼”的国家重\n"
    "大科技基础设施500米口径\n"
    "球面射电望远镜顺利通过国家\n"
    "验收，正式开放运行。\n"
    "未来3至5年，FAST的高\n"
    "灵敏度将有可能在低频引力波\n"
    "探测、快速射电暴起源、星际\n"
    "分子等前沿方向催生突破。\n\n"
    "{specks}\n"
    "聚焦“精准\n"
    "下功夫 (今日\n"
    "次)\n\n"
    "“神仙过的日子也就是这\n"
    "样了! ”这是十八洞村老人由衷\n"
    "的感叹。答案就在扶贫的“精准”\n"
    "二字。\n\n"
    "当前，脱贫攻坚已进入收\n"
    "官冲刺阶段，尤需聚焦“精准”\n"
    "二字，下足绣花功夫。\n"
)


def test_issue22_specks_over_a_commentary_s_headline_leave_it_its_own_story():
    stories = parse_page(PAGE.format(specks="66   YEG<-??"), year=2020)
    assert len(stories) == 2
    assert stories[0].title == "“中国天眼”正式开放运行"
    assert "".join(stories[0].paragraphs).endswith("催生突破。")
    assert stories[1].title.startswith("聚焦“精准")
    assert "".join(stories[1].paragraphs).startswith("“神仙过的日子")


@pytest.mark.parametrize(
    "line",
    ["66   YEG<-??", "-py   >        6           9"],
    ids=["latin-and-marks", "marks-and-digits"],
)
def test_issue22_a_line_of_specks_over_a_block_is_read_as_none_of_its_text(line):
    stories = parse_page(PAGE.format(specks=line), year=2020)
    assert all(line.strip() not in story.title + "".join(story.paragraphs) for story in stories)


@pytest.mark.parametrize("line", ["www.people.cn", "96.39%", "2020"], ids=["address", "percentage", "year"])
def test_issue22_a_line_of_text_s_marks_over_a_block_is_no_specks(line):
    text = PAGE.format(specks=line)
    stories = parse_page(text, year=2020)
    printed = "".join(story.title + "".join(story.paragraphs) for story in stories)
    assert line in printed.replace(" ", "")
