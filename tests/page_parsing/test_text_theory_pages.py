"""A theory page (`benchmarks.sectionpages`, the tuned ``theory_twin``): a piece's co-authors on one line
under its head (``何一磊  贾涛``), the author's unit note whose last characters a column break set in a
block of their own (``（作者为…信息中心主`` / ``任）``), a sub-heading whose last character the column
wrapped onto a line of its own (``…促进高质量发展的能`` / ``力``), the section's name beside the page's
two digits at the top (``学术前沿  09``).

Each case is a small made-up page in the shape of failures seen on ``theory_twin`` (seed 1); the held-out
``theory_page`` pages were never looked at.
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from storage.ingest.page_lines import is_page_furniture
from tests.page_parsing.layout import column_text

WIDTH = 18
LEAD = "制度优势是一个国家的最大优势，制度竞争是国家间最根本的竞争。我们要从体系层面认识和把握制度，推动各方面制度更加成熟更加定型。"
SECOND = "认识和把握制度的体系性，需要把制度放在历史和现实的坐标中考察，既看到各项制度之间的联系，也看到制度与治理之间的联系。"
NOTE = "（作者为中国人民大学法学院院长教授）"
OTHER_HEAD = "以科技创新引领产业升级（新知新觉）"
OTHER = "科技创新是提高社会生产力和综合国力的战略支撑。推动产业升级，必须把科技创新摆在发展全局的核心位置，加快关键核心技术攻关。"


def _second_piece() -> str:
    return f"\n\n{OTHER_HEAD}\n\n王明\n{column_text(OTHER, width=WIDTH)}\n"


def test_two_authors_on_one_line_under_the_head_are_the_pieces_reporters():
    """``何一磊  贾涛`` alone under the head, the text under it: both names are the piece's authors, no
    paragraph of its text."""
    for authors in ("何一磊  贾涛", "何一磊　贾涛", "何一磊  贾涛  周明"):
        page = (
            f"从体系层面认识和把握制度（思想纵横）\n\n{authors}\n{column_text(LEAD, width=WIDTH)}\n{column_text(SECOND, width=WIDTH)}\n{column_text(NOTE, width=WIDTH)}"
            + _second_piece()
        )
        first, second = parse_page(page, year=2020)
        assert first.reporters == tuple(authors.split()), authors
        assert first.paragraphs == (LEAD, SECOND, NOTE), authors
        assert (second.title, second.reporters) == (OTHER_HEAD, ("王明",)), authors


def test_a_unit_notes_last_characters_after_a_column_break_close_the_note():
    """``（作者为…院长教`` / blank line / ``授）``: the two characters after the break end the note; they
    are no speck of OCR noise."""
    note = wrap(NOTE, WIDTH)
    assert note[-1] == "授）"  # the column wraps the note's last character and bracket alone
    page = (
        f"从体系层面认识和把握制度（思想纵横）\n\n王丽\n{column_text(LEAD, width=WIDTH)}\n{column_text(SECOND, width=WIDTH)}\n"
        + "\n".join(note[:-1])
        + f"\n\n{note[-1]}"
        + _second_piece()
    )
    first, second = parse_page(page, year=2020)
    assert first.paragraphs == (LEAD, SECOND, NOTE)
    assert second.title == OTHER_HEAD


def test_a_sub_headings_last_character_on_a_line_of_its_own_ends_the_sub_heading():
    """A sub-heading set on a paragraph's first line, as full as the indent leaves it, its last character
    wrapped onto the next line, over a paragraph whose first line the OCR read without its indent."""
    sub = "提高运用制度和法律促进稳定发展能力"
    lines = wrap(sub, WIDTH)
    assert len(lines) == 2 and len(lines[1]) == 1  # the wrap leaves the last character alone
    page = (
        f"善于运用制度和法律治理国家（大家手笔）\n\n王丽\n{column_text(LEAD, width=WIDTH)}\n"
        f"{column_text(sub, width=WIDTH)}\n{column_text(SECOND, width=WIDTH)}\n{column_text(NOTE, width=WIDTH)}"
        + _second_piece()
    )
    first, _second = parse_page(page, year=2020)
    assert first.paragraphs == (LEAD, sub, SECOND, NOTE)


def test_the_sections_name_beside_the_pages_two_digits_is_page_furniture():
    """``学术前沿  09`` over the date at the top of the page: no headline line of the first piece."""
    assert is_page_furniture("学术前沿  09")
    assert is_page_furniture("理论周刊  09")
    assert not is_page_furniture("学术前沿09条")
    page = (
        f"学术前沿  09\n2020年2月10日\n\n从体系层面认识和把握制度（思想纵横）\n\n王丽\n{column_text(LEAD, width=WIDTH)}\n"
        f"{column_text(SECOND, width=WIDTH)}" + _second_piece()
    )
    first, _second = parse_page(page, year=2020)
    assert first.title == "从体系层面认识和把握制度（思想纵横）"


def test_a_line_a_cell_short_before_a_column_break_and_a_full_line_opening_with_a_quote_runs_on():
    """``…扎实推进工作。`` a cell short, a column break, then ``“三区三州”…`` filling the column: the quote
    went down to the next line, which a paragraph's first line (two cells short) would not fill; one
    paragraph."""
    lines = [
        "脱贫攻坚是决胜全面建成小康社会的",
        "三大攻坚战之一，必须扎实推进工作。",
        "",
        "“三区三州”深度贫困地区自然条件差，",
        "经济基础薄弱。",
    ]
    assert [len(line) for line in lines[:4]] == [16, 17, 0, 18]
    paragraph = "".join(lines)
    page = (
        f"从体系层面认识和把握制度（思想纵横）\n\n王丽\n{column_text(LEAD, width=WIDTH)}\n"
        + "\n".join(lines)
        + f"\n{column_text(NOTE, width=WIDTH)}"
        + _second_piece()
    )
    first, _second = parse_page(page, year=2020)
    assert first.paragraphs == (LEAD, paragraph, NOTE)


def test_a_bulleted_point_right_under_the_authors_name_opens_the_pieces_text():
    """The author's name alone, then a summary's bulleted point set as a paragraph's first line over
    the rest of its sentence (``■结合实现全体人民共同富裕`` / ``和生产力…``): the piece's first paragraph,
    no brief's head."""
    point = "■结合实现全体人民共同富裕和生产力快速发展两个方面，主线可以表述为通过发展生产力实现共同富裕。"
    narrow = 15
    assert wrap(point, narrow)[0] == "■结合实现全体人民共同富裕"  # the line ends where a word does

    def column(text: str) -> str:
        return column_text(text, width=narrow)

    page = (
        f"中国特色社会主义政治经济学的主线（学苑论衡）\n\n王丽\n{column(point)}\n{column(LEAD)}\n"
        f"{column(NOTE)}\n\n{OTHER_HEAD}\n\n王明\n{column(OTHER)}\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "中国特色社会主义政治经济学的主线（学苑论衡）"
    assert first.paragraphs == (point, LEAD, NOTE)
    assert second.title == OTHER_HEAD


def test_a_sub_headings_tail_before_a_column_break_ends_it_when_a_first_line_opens_the_next_column():
    """``经济全球化从高速推进期转入了调整`` / ``期`` (its tail), a column break, then a paragraph's first
    line, two cells short, whose sentence goes on below: the sub-heading ended on its tail."""
    sub = "经济全球化从高速推进期转入了调整期"
    lines = wrap(sub, WIDTH)
    assert [len(line) for line in lines] == [16, 1]  # a first line set full, its tail under it
    after = "2008年国际金融危机爆发后，经济全球化主要呈现出以下新特点，速度放缓、格局分化。"
    page = (
        f"经济全球化的新特点新趋势（人民观察）\n\n王丽\n{column_text(LEAD, width=WIDTH)}\n{column_text(sub, width=WIDTH)}\n\n"
        f"{column_text(after, width=WIDTH)}\n{column_text(NOTE, width=WIDTH)}" + _second_piece()
    )
    first, _second = parse_page(page, year=2020)
    assert first.paragraphs == (LEAD, sub, after, NOTE)
