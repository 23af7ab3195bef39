"""An economy page (`benchmarks.deskpages`, the tuned ``economy_twin``): a data box between stories
(``◆数读经济``, ``【数读】``, ``数据看台`` over lines each holding a figure), a box of reference rates
(``人民币汇率中间价`` over ``1美元  7.0925元``), a page strip joined by a bar over a date in dots
(``经济｜10`` / ``2020.1.14``), a sub-head whose last character the column wrapped (``…迈入“深水`` /
``期”``), and a summary's bulleted points under the headline of the story after a closed one.

Each case is a small made-up page in the shape of failures seen on ``economy_twin`` (seed 1); the
held-out ``economy_page`` pages were never looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text, squeezed

WIDTH = 18
FIRST = "今年以来，我市加快推进重点项目建设，一季度完成投资同比增长百分之十二，企业信心持续增强。"
FIRST_2 = "市发展改革委负责人表示，下一步将继续优化营商环境，帮助企业解决融资难题。"
SECOND = "本报北京1月13日电  （记者王磊）商务部13日发布数据显示，去年我国网络零售额突破十万亿元。"
SECOND_2 = "专家认为，消费升级的趋势仍将延续，新业态新模式不断涌现。"


def _two_stories(between: str) -> str:
    return (
        f"重点项目建设提速\n\n{column_text(FIRST, width=WIDTH)}\n{column_text(FIRST_2, width=WIDTH)}\n\n{between}\n\n"
        f"网络零售额突破十万亿元\n\n{column_text(SECOND, width=WIDTH)}\n{column_text(SECOND_2, width=WIDTH)}\n"
    )


def test_a_data_box_between_stories_is_in_no_story():
    """A data box's label (ornamented or not) over its figures, one a line: no headline, no sub-head,
    no text; both stories read whole under their own heads."""
    for label in ("◆数读经济", "【数读】", "数据看台", "■数说"):
        page = _two_stories(f"{label}\n一季度完成投资增长12%\n网络零售额突破10万亿元")
        first, second = parse_page(page, year=2020)
        assert first.title == "重点项目建设提速", label
        assert squeezed(first.paragraphs) == squeezed((FIRST, FIRST_2)), label
        assert second.title == "网络零售额突破十万亿元", label
        assert second.reporters == ("王磊",), label


def test_a_box_of_reference_rates_is_in_no_story():
    for label in ("人民币汇率中间价", "【今日汇率】", "■外汇牌价"):
        page = _two_stories(f"{label}\n1美元  7.0925元\n1欧元  7.7391元\n100日元  6.6012元")
        first, second = parse_page(page, year=2020)
        assert squeezed(first.paragraphs) == squeezed((FIRST, FIRST_2)), label
        assert second.title == "网络零售额突破十万亿元", label


def test_a_short_head_over_a_single_figure_stays_a_headline():
    """A head naming figures (``数字经济``) over one line holding a figure is no data box: a box lists
    two figures or more."""
    page = (
        f"数字经济\n——2019年回顾\n\n{column_text(FIRST, width=WIDTH)}\n{column_text(FIRST_2, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "数字经济 ——2019年回顾"


def test_a_strip_joined_by_a_bar_over_a_dotted_date_is_furniture_that_dates_the_page():
    """``经济｜10`` over ``2020.1.14``: the page strip, in no title; a lead opening 近日 takes its date."""
    lead = "近日，国家发展改革委等部门印发实施方案，提出通过五年左右的努力，建设一批产教融合型城市。"
    page = f"经济｜10\n2020.1.14\n\n产教融合改革有了新路径\n\n{column_text(lead, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert story.title == "产教融合改革有了新路径"
    assert story.date == "2020-01-14"


def test_a_sub_heads_wrapped_tail_with_a_closing_quote_ends_its_paragraph():
    """``产教融合改革由“破冰期”迈入“深水`` / ``期”``: the sub-head's tail, one character and its closing
    quote, ends the sub-head; the paragraph under it (a first line over a full one) is its own."""
    page = """产教融合改革有了新路径

近日，国家发展改革委、教育部等8部
门印发《国家产教融合建设试点实施方案》
（以下简称《实施方案》）提出，通过5年
左右的努力，试点布局建设60个左右产教融
合型城市。
我国为何要试点布局产教融合型城市？
试点企业将享受哪些政策“红包”？记者采
访了有关专家。
产教融合改革由“破冰期”迈入“深水
期”
为更好地打造支撑高质量发展的新引擎，
《实施方案》明确提出在全国统筹开展产教
融合型城市、行业、企业建设试点。
"""
    (story,) = parse_page(page, year=2020)
    assert story.paragraphs[-2:] == (
        "产教融合改革由“破冰期”迈入“深水期”",
        "为更好地打造支撑高质量发展的新引擎，《实施方案》明确提出在全国统筹开展产教融合型城市、行业、企业建设试点。",
    )


def test_heads_over_a_summarys_bulleted_points_are_no_stanza_of_the_story_above():
    """A story ended on short lines after a column break, then a headline's two short lines, then a
    block opening with a summary's bulleted point (a paragraph's first line holding a clause): the
    headline is no stanza of the story above, which keeps only its own text."""
    page = """韩正在国家发展改革委调研

新华社北京2月12日电  中共中央政治局
常委、国务院副总理韩正12日到国家发展改革
委调研并主持召开座谈会，研究部署下一阶段
发展改革工作。
韩正强调，要完善海南自贸试验区政策框架，研
究推进中国特色自由贸易港建设的政策制度体
系。要推动长三角区域一体化发展，为全国经

济社会发展作出更大贡献。
何立峰参加上述活动。

商务部表示
有信心今年保持外贸稳定增长

■目前看，我国外贸稳定发展仍有诸多有
利因素。
■一方面，世界经济下行压力虽然加大，
但仍将延续缓慢复苏态势；另一方面，国内主
动扩大开放，稳外贸政策效应显现。
本报北京2月12日电  （记者王珂）商务
部综合司司长储士家在12日举行的新闻发布会
上表示，我们有信心保持外贸稳定增长。
"""
    first = parse_page(page, year=2019)[0]
    assert first.paragraphs[-1] == "何立峰参加上述活动。"
    assert not any("商务部表示" in p for p in first.paragraphs)


def test_a_closing_dateline_the_column_wrapped_after_a_column_break_closes_the_story_above():
    """``（本报华盛顿、东京、布鲁`` / ``塞尔2月5日电）`` opening a block: the closing dateline of the story
    above, wrapped by the column, not a headline of the next story."""
    page = (
        f"加强合作共克时艰\n\n{column_text(FIRST, width=WIDTH)}\n{column_text(FIRST_2, width=WIDTH)}\n\n"
        "（本报华盛顿、东京、布鲁\n塞尔2月5日电）\n\n"
        f"网络零售额突破十万亿元\n\n{column_text(SECOND, width=WIDTH)}\n{column_text(SECOND_2, width=WIDTH)}\n"
    )
    first, second = parse_page(page, year=2020)
    assert squeezed(first.paragraphs)[-1] == "（本报华盛顿、东京、布鲁塞尔2月5日电）"
    assert second.title == "网络零售额突破十万亿元"


def test_a_wide_kicker_ending_in_a_dash_under_a_story_heads_the_next_one():
    """``…产业壮大，村民增收——`` alone in its block, wider than the column, under a story's last
    sentence and over a headline: the next story's kicker, not a paragraph of the story above."""
    page = (
        f"重点项目建设提速\n\n{column_text(FIRST, width=WIDTH)}\n{column_text(FIRST_2, width=WIDTH)}\n\n"
        "吉格代力克村来了驻村工作队以后，产业壮大，村民增收——\n\n"
        f"当初不会干，现在使劲干（脱贫故事）\n\n{column_text(SECOND_2, width=WIDTH)}\n{column_text(FIRST_2, width=WIDTH)}\n"
    )
    first, second = parse_page(page, year=2020)
    assert squeezed(first.paragraphs) == squeezed((FIRST, FIRST_2))
    assert (
        second.title
        == "吉格代力克村来了驻村工作队以后，产业壮大，村民增收—— 当初不会干，现在使劲干（脱贫故事）"
    )
