"""OCR'd pages rendered by a browser (`benchmarks.ocrweb`): a headline of two lines read in one block with
its lead, under a story that ended its sentence.

Tesseract read a module's headline, wrapped over two short lines, and the first lines of its text as one
block, no blank line between, right under the story above's last paragraph (web4-3): the whole module
went on as that story's text. Made-up pages in that shape: the two lines are the next story's headline
when the text under them repeats their words and the story above holds none of them; a one-line
sub-heading, or two short lines repeating the story above, stay in their story.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

ABOVE = (
    "2020年2月21日 星期五\n\n人民日报\n\n第15版 体育\n\n"
    "女排联赛半决赛落幕\n\n"
    "本报北京2月20日电 〈记者李明) 中国女排\n"
    "超级联赛半决赛20日在天津结束，天津队以3\n"
    "比1战胜上海队，晋级决赛。\n\n"
    "天津队主教练王宝泉赛后表示，全队在第\n"
    "二局调整了战术，队员们打得更加积极。\n\n"
)
TWO_LINE_HEAD_PAGE = ABOVE + (
    "中国乒乓球队海外集训\n"
    "备战东京奥运资格赛\n"
    "日前，中国乒乓球队部分运动员、教练员从\n"
    "北京出发，前往卡塔尔展开海外集训，备战\n"
    "东京奥运资格赛。据中国乒乓球协会介绍，\n"
    "队员们精神状态良好。\n\n"
    "3月，中国乒乓球队将参加多项公开赛。\n"
)
# Two short lines whose words the story above holds: sub-headings of that story, not a headline.
TWO_SUBHEADINGS_PAGE = ABOVE + (
    "天津队备战决赛\n"
    "发球环节多下功夫\n"
    "王宝泉说，天津队将在决赛中面对江苏队，\n"
    "对手拦网很强，全队备战决赛要在发球环节\n"
    "多下功夫，主教练将根据对手调整战术。\n"
)
SUBHEADING_PAGE = ABOVE + (
    "主教练调整战术\n"
    "王宝泉说，球队下一场将面对江苏队，对手\n"
    "拦网很强，队员们要在发球上多下功夫，主\n"
    "教练将根据对手调整战术。\n"
)


def test_issue22_a_two_line_headline_read_atop_its_lead_after_a_closed_story_opens_the_next_story():
    first, second = parse_page(TWO_LINE_HEAD_PAGE, year=2020)
    assert "".join(first.paragraphs).endswith("队员们打得更加积极。")
    assert second.title == "中国乒乓球队海外集训 备战东京奥运资格赛"
    assert "".join(second.paragraphs).startswith("日前，中国乒乓球队部分运动员")
    assert "".join(second.paragraphs).endswith("中国乒乓球队将参加多项公开赛。")
    explained = "\n".join(explain_page(TWO_LINE_HEAD_PAGE, year=2020))
    assert "line 16: headline: set atop its lead in one block (2 lines)" in explained


def test_issue22_two_short_lines_repeating_the_story_above_stay_in_that_story():
    (story,) = parse_page(TWO_SUBHEADINGS_PAGE, year=2020)
    assert "".join(story.paragraphs).endswith("主教练将根据对手调整战术。")


def test_issue22_a_one_line_subheading_after_a_closed_sentence_stays_in_its_story():
    (story,) = parse_page(SUBHEADING_PAGE, year=2020)
    assert "".join(story.paragraphs).endswith("主教练将根据对手调整战术。")
