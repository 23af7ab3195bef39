"""An international page (`benchmarks.deskpages`, the tuned ``world_page``): a posted correspondent's line
under the headline (``本报驻开罗记者  韩勇``, two on a line), the piece closed by its dateline in brackets
(``（本报开罗2月19日电）``) that dates it, a foreign agency's photo credit (``新华社/美联``), and a briefs
column's heading (``国际要闻``, ``【环球速览】``).

Each case is a small made-up page in the shape of failures seen on ``world_page`` (seed 1); the held-out
``economy_page`` pages were never looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text, squeezed

WIDTH = 18
LEAD = "埃及首都开罗老城区18日晚发生一起爆炸，造成两名警察死亡。爆炸地点位于市中心一座清真寺附近。"
SECOND = "埃及政府随后召开紧急会议，决定继续加大反恐力度，加强对重要场所的安保。"
CLOSING = "（本报开罗2月19日电）"
DISPATCH = "据新华社东京2月19日电  （记者李明）日本政府19日公布的数据显示，1月日本出口同比下降8.4%。"
DISPATCH_2 = "这是日本出口连续第二个月下降，其中对亚洲的出口降幅较大。"


def _correspondents_piece(credits: str) -> str:
    return f"埃及恐袭事件再敲安全警钟\n\n{credits}\n{column_text(LEAD, width=WIDTH)}\n{column_text(SECOND, width=WIDTH)}\n{CLOSING}\n"


def test_a_posted_correspondents_line_is_the_byline_and_the_closing_dateline_dates_the_piece():
    """``本报驻开罗记者  韩勇`` under the headline: the reporter, not a paragraph; the dateline closing
    the piece is its last paragraph and gives its date, not the day its lead names (18日)."""
    (piece,) = parse_page(_correspondents_piece("本报驻开罗记者  韩勇"), year=2019)
    assert piece.reporters == ("韩勇",)
    assert squeezed(piece.paragraphs) == squeezed((LEAD, SECOND, CLOSING))
    assert piece.date == "2019-02-19"


def test_two_posted_correspondents_on_one_line_are_both_reporters():
    (piece,) = parse_page(
        _correspondents_piece("本报驻开罗记者  韩勇    本报驻特拉维夫记者  李刚"), year=2019
    )
    assert piece.reporters == ("韩勇", "李刚")
    assert squeezed(piece.paragraphs)[0] == squeezed((LEAD,))[0]


def test_a_closing_dateline_without_a_posted_correspondent_leaves_the_lead_date():
    """With no correspondent's line the closing dateline is only the last paragraph: the date is the
    lead's, as before (other pages print such pieces without the line)."""
    (piece,) = parse_page(
        f"埃及恐袭事件再敲安全警钟\n\n{column_text(LEAD, width=WIDTH)}\n{column_text(SECOND, width=WIDTH)}\n{CLOSING}\n",
        year=2019,
    )
    assert squeezed(piece.paragraphs)[-1] == CLOSING
    assert piece.date is None


def _two_dispatches(between: str) -> str:
    return (
        f"日本出口连续两月下降\n\n{column_text(DISPATCH, width=WIDTH)}\n{column_text(DISPATCH_2, width=WIDTH)}\n\n{between}\n\n"
        f"埃及恐袭事件再敲安全警钟\n\n本报驻开罗记者  韩勇\n{column_text(LEAD, width=WIDTH)}\n{column_text(SECOND, width=WIDTH)}\n{CLOSING}\n"
    )


def test_a_caption_with_a_foreign_agencys_credit_is_in_no_story():
    """``当地时间2月18日，…。`` over ``新华社/美联`` (or run on after it, or ``（新华社记者 王某摄）``): a
    caption between stories, in neither story's title or text."""
    for credit in ("\n新华社/美联", "新华社/路透", "\n（新华社记者 张伟摄）"):
        page = _two_dispatches(f"当地时间2月18日，东京街头\n的集装箱码头。{credit}")
        dispatch, piece = parse_page(page, year=2019)
        assert squeezed(dispatch.paragraphs) == squeezed((DISPATCH, DISPATCH_2)), credit
        assert dispatch.reporters == ("李明",), credit
        assert piece.title == "埃及恐袭事件再敲安全警钟", credit


def test_an_international_briefs_heading_is_in_no_title():
    for heading in ("国际要闻", "【环球速览】", "外电快讯"):
        dispatch, piece = parse_page(_two_dispatches(heading), year=2019)
        assert piece.title == "埃及恐袭事件再敲安全警钟", heading
        assert dispatch.title == "日本出口连续两月下降", heading


def test_correspondents_one_a_line_are_one_byline():
    """``本报驻开罗记者  韩勇`` over ``本报驻特拉维夫记者  李刚``: both the piece's reporters, neither line a
    paragraph."""
    (piece,) = parse_page(_correspondents_piece("本报驻开罗记者  韩勇\n本报驻特拉维夫记者  李刚"), year=2019)
    assert piece.reporters == ("韩勇", "李刚")
    assert squeezed(piece.paragraphs) == squeezed((LEAD, SECOND, CLOSING))


POINT = "■多种原因导致地区面临不断加剧的安全挑战，数百万居民的生活正受到威胁。"
POINT_2 = "■国际社会应当注重加强区域国家自身能力建设。"


def test_a_summarys_bulleted_points_under_a_correspondents_line_open_the_text():
    """A summary's points (``■…。``) right under the correspondent's line, before the text: the piece's
    first paragraphs, no brief's bulleted heads."""
    page = (
        f"西非地区寻求破解安全困局（国际视点）\n\n本报驻约翰内斯堡记者  郑华波\n"
        f"{column_text(POINT, width=WIDTH)}\n{column_text(POINT_2, width=WIDTH)}\n{column_text(LEAD, width=WIDTH)}\n{column_text(SECOND, width=WIDTH)}\n{CLOSING}\n"
    )
    (piece,) = parse_page(page, year=2019)
    assert piece.title == "西非地区寻求破解安全困局（国际视点）"
    assert squeezed(piece.paragraphs) == squeezed((POINT, POINT_2, LEAD, SECOND, CLOSING))
    assert piece.reporters == ("郑华波",)
