"""A city paper's 政务 page (`benchmarks.affairspages`, ``affairs_page``): a numbered notice printed as a
box between stories, its title opening the block (``关于…的通告``, wrapped on some) and the signing unit
and date closing it (each on a line of its own, indented, or on one line), and a service box (``【办事指南】``
over ``办理地点：…`` lines). Both belong to no story: the story above keeps its text, the story below its
headline.

Each case is a small made-up page in the shape of failures seen on ``affairs_page`` (seed 1).
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text, squeezed

WIDTH = 18
FIRST = "今年以来，我市深化“放管服”改革，企业开办时间压缩至一个工作日，群众办事更加便利。"
FIRST_2 = "市政务服务中心负责人表示，下一步将推动更多事项网上办、掌上办。"
SECOND = "本报北京1月13日电  （记者王磊）人社部13日发布通知，部署做好春节前农民工工资支付工作。"
SECOND_2 = "通知要求，各地要畅通举报投诉渠道，及时处置欠薪问题。"

NOTICE_TOP = [
    *wrap("关于道路施工期间交通管制的通告", WIDTH),
    *wrap("根据工作安排，现将有关事项通告如下：", WIDTH),
]
ITEMS = {
    "一、": ["一、施工期间，人民路实行半幅通行。", "二、过往车辆请按照交通标志绕行。"],
    "1.": ["1.施工期间，人民路实行半幅通行。", "2.过往车辆请按照交通标志绕行。"],
    "（一）": ["（一）施工期间，人民路实行半幅通行。", "（二）过往车辆请按照交通标志绕行。"],
}
SIGNATURES = {
    "two lines": ["市交通运输局", "2020年1月10日"],
    "indented": ["\u3000\u3000\u3000\u3000市交通运输局", "\u3000\u3000\u3000\u3000\u3000\u30002020年1月10日"],
    "one line": ["市交通运输局  2020年1月10日"],
}


def _two_stories(between: list[str]) -> str:
    box = "\n".join(between)
    return (
        f"营商环境持续优化\n\n{column_text(FIRST, width=WIDTH)}\n{column_text(FIRST_2, width=WIDTH)}\n\n{box}\n\n"
        f"春节前农民工工资支付工作部署\n\n{column_text(SECOND, width=WIDTH)}\n{column_text(SECOND_2, width=WIDTH)}\n"
    )


def _assert_both_whole(page: str, case: str) -> None:
    first, second = parse_page(page, year=2020)
    assert first.title == "营商环境持续优化", case
    assert squeezed(first.paragraphs) == squeezed((FIRST, FIRST_2)), case
    assert second.title == "春节前农民工工资支付工作部署", case
    assert squeezed(second.paragraphs) == squeezed((SECOND, SECOND_2)), case
    assert second.reporters == ("王磊",), case


def test_a_signed_notice_between_stories_is_in_no_story():
    """Whatever its items' numbers and however its signature is set, a notice titled ``关于…的通告`` and
    closed by its signing date is no story's text, and its signature heads no story."""
    for numbers, items in ITEMS.items():
        for form, signature in SIGNATURES.items():
            page = _two_stories([*NOTICE_TOP, *items, "特此通告。", *signature])
            _assert_both_whole(page, f"{numbers}, {form}")


def test_a_notice_to_units_with_its_addressee_is_in_no_story():
    notice = [
        *wrap("关于开展2020年度业务培训报名工作的通知", WIDTH),
        "各有关单位：",
        *wrap("根据工作安排，现将有关事项通知如下：", WIDTH),
        "1.报名地点：区政务服务中心一楼。",
        "2.请携带本人身份证原件及复印件。",
        "监督电话：0371-67181234",
        "区行政审批服务局",
        "2020年1月8日",
    ]
    _assert_both_whole(_two_stories(notice), "addressee")


def test_a_service_box_of_fields_is_in_no_story():
    """A short label over lines that each give a field and its value is a box: no headline, no text."""
    for label in ("【办事指南】", "■便民提示", "政务服务热线"):
        box = [label, "办理地点：市民之家二楼B区", "办理时间：工作日9:00—17:00", "咨询电话：0371-67181234"]
        _assert_both_whole(_two_stories(box), label)


def test_a_document_printed_as_a_story_keeps_its_signature():
    """A document the paper prints as a story, its title in a block of its own over its text, keeps its
    signing unit and date as its last paragraphs: only a notice whose title opens the block is a box."""
    text = [
        "各区县人民政府，市政府各部门：",
        "经市政府同意，现将春节假期有关安排通知如下，请各单位认真贯彻执行。",
        "市人民政府办公室",
        "2020年1月20日",
    ]
    page = "关于做好2020年春节期间有关工作的通知\n\n" + column_text(*text, width=WIDTH) + "\n"
    (story,) = parse_page(page, year=2020)
    assert story.title == "关于做好2020年春节期间有关工作的通知"
    assert "".join(story.paragraphs).endswith("市人民政府办公室2020年1月20日")


def test_one_field_under_a_head_is_no_box():
    """A head over a single ``field：value`` line and its text is a story, not a box: a box lists two
    fields or more."""
    page = f"春运首日客流平稳\n地点：郑州东站\n{column_text(FIRST, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert "郑州东站" in "".join((story.title, *story.paragraphs))


def test_a_kicker_of_phrases_wider_than_the_column_heads_its_story():
    """A kicker of comma-parted phrases ending in a dash, set wider than the column, over the main head
    in one block: the story's headline lines (joined by a space), not a paragraph of its text."""
    kicker = "发展技能教育，改革评价制度，强化表彰激励——"
    page = f"{kicker}\n为国家建设培育更多“蓝领”人才\n\n{column_text(FIRST, width=WIDTH)}\n{column_text(FIRST_2, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert story.title == f"{kicker} 为国家建设培育更多“蓝领”人才"
    assert squeezed(story.paragraphs) == squeezed((FIRST, FIRST_2))


def test_two_comma_lines_over_a_dash_line_stay_text():
    """Commas in the lines other than a dash kicker still make a block body text: a paragraph cut by a
    column break, its clauses in the last line too."""
    text = "这一做法，得到了群众的认可——\n大家说，办事方便了，心里也踏实了。"
    page = f"营商环境持续优化\n\n{column_text(FIRST, width=WIDTH)}\n\n{text}\n"
    (story,) = parse_page(page, year=2020)
    assert story.title == "营商环境持续优化"
    assert "".join(story.paragraphs).endswith("心里也踏实了。")


def test_an_authors_note_after_a_column_break_is_a_paragraph_of_its_own():
    """The last sentence a cell short of a full line, a column break, then the author's note in brackets wrapped
    over two lines: the note is a paragraph of its own, not run on to the sentence (its opening bracket
    is no mark carried over from a line a cell short)."""
    last = "严肃党内政治生活是一篇大文章，贵在经常、重在认真、抓实细节，才能切实把好事办好、把实事办实、把新事办。"
    lines = wrap(last, WIDTH)
    assert [len(line) for line in lines] == [16, 18, 17]  # the last line a cell short of full
    note = ["（作者为江苏省泰州市海陵区委常委、组", "织部部长）"]
    page = (
        "把主题党日活动办好办新\n\n"
        + column_text(FIRST, width=WIDTH)
        + "\n"
        + "\n".join(lines)
        + "\n\n"
        + "\n".join(note)
        + "\n"
    )
    (story,) = parse_page(page, year=2020)
    assert squeezed(story.paragraphs)[-2:] == (last, "（作者为江苏省泰州市海陵区委常委、组织部部长）")
