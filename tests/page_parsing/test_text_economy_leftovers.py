"""The economy page's leftovers (`benchmarks.deskpages`, the tuned ``economy_twin``): a headline line
set wider than the body column under a story's last sentence, a sub-head whose last character a
column break carried to the top of the next column (``…凸显集群效`` / blank / ``应``), a column's label
in brackets alone on its line inside a story (``【点评】``), and a sub-head ending in a percentage
(``…贷款增幅达47.9%``) set as wide as a paragraph's first line, and a summary's bulleted points
between a headline and its dateline.

Each case is a small made-up page in the shape of failures seen on ``economy_twin`` (seed 1); the
held-out ``economy_page`` pages were never looked at.
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text, squeezed

WIDTH = 14
FIRST = "近年来，当地紧紧扭住重大项目这个“牛鼻子”，引进一大批标杆性企业入驻，重大项目数位居全省前列。"
FIRST_2 = "“我们将始终践行绿色发展理念，推动经济在守正创新中高质量发展。”区委书记说。"
SECOND = "近年来，这家银行强化基层党建，激发党支部战斗堡垒作用，发挥党员先锋模范作用。"
SECOND_2 = "据了解，该行党员干部学习全覆盖，各级党组织依托各种学习平台开展学习。"


# A story whose last paragraph a column break cut, its last line short, then the next story's
# headline set a cell wider than the column of 14 (no mark hung past the edge), its lead, a sub-head.
_WIDE_HEADLINE_PAGE = """重点项目建设提速

几年来，当地整治了上千家
低端落后、小散乱污企业，建立
起一千多个排口“身份证”，整治
了十六条城区重点河道和上百个
街镇河湖塘坝，治水兴水成效显
著。
“在区域一体化国家战略
背景下，我们将始终践行‘绿水
青山就是金山银山’的理念，按
照‘生态经济化、经济生态化’

的要求，努力推动全区经济在守
正创新中高质量发展。”区委书
记说。

中国进出口银行服务一带一路建设
党建架起合作桥（国企党建典型）

近年来，这家银行强化基层党
建，激发党支部战斗堡垒作用，
发挥党员先锋模范作用，服务“一
带一路”建设。
学习形式多样，提升党员干
部政治素养
“在主题教育中，我们通过
个人领学、集体研学、交流促学、
专家辅学等方式深入学习。”
"""


def test_a_headline_line_wider_than_the_column_closes_the_story_above():
    """``中国进出口银行服务一带一路建设`` (15 cells over a column of 14, no mark hung past the edge) over
    ``党建架起合作桥（国企党建典型）``: no body line is set wider than its column, so the block is the
    next story's headline, not a paragraph of the story above."""
    first, second = parse_page(_WIDE_HEADLINE_PAGE, year=2019)
    assert first.title == "重点项目建设提速"
    assert "".join(first.paragraphs).endswith("区委书记说。")
    assert second.title == "中国进出口银行服务一带一路建设 党建架起合作桥（国企党建典型）"
    assert second.paragraphs[0].startswith("近年来，这家银行")
    assert second.paragraphs[1] == "学习形式多样，提升党员干部政治素养"


def test_a_two_line_block_as_wide_as_the_column_stays_text():
    """A guard: two lines of a paragraph a column break cut off, each set to the column's measure (one a
    cell wider only by a hung mark), are the story's text, no headline."""
    cut = wrap(FIRST_2, WIDTH)
    page = f"重点项目建设提速\n\n{column_text(FIRST, width=WIDTH)}\n{cut[0]}\n\n" + "\n".join(cut[1:]) + "\n"
    (story,) = parse_page(page, year=2019)
    assert squeezed(story.paragraphs) == squeezed((FIRST, FIRST_2))


def test_a_sub_heads_last_character_atop_the_next_column_is_kept():
    """``抓项目引龙头，凸显集群效`` / blank / ``应``: the lone character finishes the word the sub-head's
    line broke, so it is the sub-head's tail carried past a column break, no OCR speck."""
    page = f"重点项目建设提速\n\n{column_text(FIRST, width=WIDTH)}\n\n抓项目引龙头，凸显集群效\n\n应\n{column_text(FIRST_2, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2019)
    assert squeezed(story.paragraphs) == squeezed((FIRST, "抓项目引龙头，凸显集群效应", FIRST_2))


def test_a_bracketed_label_alone_on_its_line_is_a_paragraph_of_its_own():
    """``【点评】`` alone on its line between paragraphs, the comment under it: the label is a paragraph of
    its own, as printed; a label run in to its text (``【现象】在全球…``) stays in its paragraph."""
    observed = "【现象】在全球范围内，“声音市场”正在崛起，耳机销售正在强劲增长。"
    short = "一个“听时代”正在到来。"
    comment = "越来越多年轻人已习惯行走在“声音的世界”，摘下耳机成了新的礼节。"
    page = f"“耳蜗经济”如何生长\n\n{column_text(observed, width=WIDTH)}\n【点评】\n{short}\n{column_text(comment, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2019)
    assert squeezed(story.paragraphs) == squeezed((observed, "【点评】", short, comment))


def test_a_sub_head_ending_in_a_percentage_is_a_paragraph_of_its_own():
    """``五家大型银行小微企业贷款增幅达47.9%`` (no end mark, as wide as a paragraph's first line) over a
    paragraph opening with a quotation: a sub-head may end in a figure's percent sign as in a word."""
    width = 21
    above = "同时保险业为经济社会提供风险保障，保险资金运用十七点八万亿元，较年初增长百分之八点四。"
    below = "“今年前三季度，债券投资力度加大，银行新增债券投资四点七万亿元，有力地支持了重点项目建设。”"
    page = f"银行业服务实体经济\n\n{column_text(above, width=width)}\n五家大型银行小微企业贷款增幅达47.9%\n{column_text(below, width=width)}\n"
    (story,) = parse_page(page, year=2019)
    assert squeezed(story.paragraphs) == squeezed((above, "五家大型银行小微企业贷款增幅达47.9%", below))


# A story's summary of bulleted points printed between its headline and its dateline, the first
# point set as a paragraph's first line whose sentence ends on the line under it.
_SUMMARY_PAGE = """城市更新提速

本报北京2月11日电  （记者李明）住房和城乡
建设部11日表示，今年将加快推进城市更新。
老旧小区改造已惠及上千万居民。

商务部表示
有信心今年保持外贸稳定增长

■目前看，我国外贸稳定发展仍有诸多有
利因素。
■一方面，世界经济下行压力虽然加大，
但仍将延续缓慢复苏态势；另一方面，国内主
动扩大开放，稳外贸政策效应显现。
本报北京2月12日电  （记者王珂）“目
前看，我国外贸稳定发展仍然具有诸多有利因
素。”商务部新闻发言人12日表示。
据介绍，去年我国对外贸易创历史新高，货
物贸易第一大国地位更加巩固。
"""


def test_a_summarys_bulleted_points_open_the_story_their_dateline_goes_on():
    """``■目前看，…诸多有`` / ``利因素。`` under the headline, a second point, then the dateline: the
    points are no brief's head nor a story of their own; the story opens with them and goes on under
    its dateline, no new story there."""
    first, second = parse_page(_SUMMARY_PAGE, year=2019)
    assert first.title == "城市更新提速"
    assert second.title == "商务部表示 有信心今年保持外贸稳定增长"
    assert second.paragraphs[0] == "■目前看，我国外贸稳定发展仍有诸多有利因素。"
    assert second.paragraphs[1].startswith("■一方面，")
    assert second.paragraphs[2].startswith("本报北京2月12日电")
    assert second.paragraphs[-1].startswith("据介绍，")


def test_a_full_date_alone_in_the_top_strip_dates_a_lead_opening_recently():
    """``经济周刊  10`` over ``2020年1月6日`` at the page's top: the date alone on its line is the page's
    date, so a lead opening 近日 with no dateline is dated by it; a date alone on a line further down
    (a letter's date under its text) or under a weekly's issue number dates nothing."""
    lead = "近日，一家物流公司通过国际贸易“单一窗口”申报的一票燃料油，油轮进境后很快放行。"
    page = (
        f"经济周刊  10\n2020年1月6日\n\n进境保税油检验监管改革推向全国\n\n{column_text(lead, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "进境保税油检验监管改革推向全国"
    assert story.date == "2020-01-06"
    below = f"进境保税油检验监管改革推向全国\n\n{column_text(lead, width=WIDTH)}\n2019年12月30日\n"
    (story,) = parse_page(below, year=2020)
    assert story.date is None
    # A periodical's strip numbering its issue: the cover date spans the issue and dates no lead.
    weekly = f"健康周刊\n第1995期  本期8版\n2020年1月6日\n\n进境保税油检验监管改革推向全国\n\n{column_text(lead, width=WIDTH)}\n"
    (story,) = parse_page(weekly, year=2020)
    assert story.date is None


def test_a_standfirst_ending_no_sentence_ends_over_a_two_line_paragraph():
    """A standfirst's last line ending in a word, the next line's first character would have fit on it,
    over a paragraph of two lines (a first line two cells short, a short last line ending its sentence):
    print fills every inner line, so the standfirst ended there. A line filled to the column runs on."""
    width = 20
    standfirst = "铁路的重头戏不仅在建设，更在改革。稳投资带给我们的，不只是中国铁路版图的再扩容，还有中国铁路行业更富竞争力的新前景"
    second = "回溯十年前，中国高铁刚刚诞生就遭遇“运椅子专列”的讽刺。"
    third = "十年后的今天，中国铁路网中高铁占比已经超过四分之一，成为世界高铁里程最长的国家。"
    lines = wrap(standfirst, width)
    assert lines[-1] == "容，还有中国铁路行业更富竞争力的新前景"  # 19 cells over a column of 20
    page = (
        "稳投资，铁路还是重头戏（观象台）\n\n"
        + "\n".join(lines)
        + f"\n{column_text(second, width=width)}\n{column_text(third, width=width)}\n"
    )
    (story,) = parse_page(page, year=2019)
    assert squeezed(story.paragraphs) == squeezed((standfirst, second, third))
