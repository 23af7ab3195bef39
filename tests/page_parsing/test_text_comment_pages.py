"""A commentary page (`benchmarks.topicpages`, the tuned ``comment_page``): authors printed over a
piece's text with no reporter's role (``□王某``, ``文｜王某``, ``王某`` alone, ``本报评论员  王某``) or
after it (``作者  王某``), a column's name over the headline, the page strip with the section first.

Each case is a small made-up page in the shape of failures seen on ``comment_page`` (seed 1); the
held-out ``opinion_page`` pages were never looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from storage.ingest.page_lines import is_page_furniture
from tests.page_parsing.layout import column_text

WIDTH = 14
FIRST = "近年来，各地坚持问题导向，扎实推进基层治理，取得了明显成效。"
SECOND = "群众少跑腿，数据多跑路，这是政务服务改革的方向，也是便民利民的落脚点。"


def test_an_authors_line_over_the_text_is_the_pieces_byline():
    """``□沈刚``, ``■沈刚``, ``◎沈刚``, ``沈刚`` alone, ``文｜沈刚``, ``文/沈刚`` and ``本报评论员  沈刚``
    opening the block under the headline: the piece's author, no line of its text."""
    for author in ("□沈刚", "■沈刚", "◎沈刚", "沈刚", "文｜沈刚", "文/沈刚", "本报评论员  沈刚"):
        page = f"聚焦两类人群 加大攻坚力度\n\n{author}\n{column_text(FIRST, width=WIDTH)}\n\n让数据多跑路\n\n{column_text(SECOND, width=WIDTH)}\n"
        first, second = parse_page(page, year=2020)
        assert first.title == "聚焦两类人群 加大攻坚力度", author
        assert first.paragraphs == (FIRST,), author
        assert first.reporters == ("沈刚",), author
        assert second.paragraphs == (SECOND,)


def test_a_name_alone_in_a_story_is_text_when_a_story_is_open():
    """A short name-like line while a story is open stays with it (the rule reads only between stories)."""
    page = f"让数据多跑路\n\n{column_text(FIRST, width=WIDTH)}\n沈刚\n{column_text(SECOND, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert story.reporters == ()


def test_an_authors_line_after_the_text_closes_the_piece():
    """``作者  韩燕`` / ``作者 韩燕`` under the last sentence: the piece's author; the next headline opens
    the next piece."""
    for author in ("作者  韩燕", "作者 韩燕", "（作者：韩燕）"):
        page = f"震撼人心的力量\n\n{column_text(FIRST, width=WIDTH)}\n{author}\n\n让数据多跑路\n\n{column_text(SECOND, width=WIDTH)}\n"
        first, second = parse_page(page, year=2020)
        assert (first.title, first.paragraphs, first.reporters) == ("震撼人心的力量", (FIRST,), ("韩燕",))
        assert (second.title, second.paragraphs, second.reporters) == ("让数据多跑路", (SECOND,), ())


def test_a_column_name_over_the_headline_is_its_kicker():
    """``人民时评`` a blank line over the page's first headline (no word of it in the piece) is the
    piece's kicker, not a banner over the page."""
    for column in ("人民时评", "◆时评", "社论", "今日谈"):
        page = (
            f"第5版  时评\n\n{column}\n\n聚焦两类人群 加大攻坚力度\n\n{column_text(FIRST, width=WIDTH)}\n\n"
            f"让数据多跑路\n\n{column_text(SECOND, width=WIDTH)}\n"
        )
        first, second = parse_page(page, year=2020)
        assert first.title == f"{column} 聚焦两类人群 加大攻坚力度"
        assert second.title == "让数据多跑路"


def test_a_strip_with_the_section_the_page_and_the_date_is_furniture():
    """``评论·观点  09  2019年2月23日`` over the page: in no title; a line of text with two numbers is no
    strip."""
    assert is_page_furniture("评论·观点  09  2019年2月23日")
    assert is_page_furniture("观点  08  2019年2月2日")
    assert not is_page_furniture("今天  12  2019年2月2日会上")
    page = f"评论·观点  09  2019年2月23日\n\n聚焦两类人群 加大攻坚力度\n\n{column_text(FIRST, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2019)
    assert story.title == "聚焦两类人群 加大攻坚力度"


def test_an_editors_note_after_a_pieces_text_belongs_to_no_story():
    """``编者按`` / ``【编者按】…`` / ``编者按：…`` in a block of its own under a piece's last sentence and
    over the next headline: in neither piece."""
    note = "记者从国新办吹风会上获悉，我国减少农村贫困人口一千余万。"
    for box in (
        f"编者按\n{column_text(note, width=WIDTH)}",
        column_text(f"【编者按】{note}", width=WIDTH),
        column_text(f"编者按：{note}", width=WIDTH),
    ):
        page = f"震撼人心的力量\n\n{column_text(FIRST, width=WIDTH)}\n\n{box}\n\n让数据多跑路\n\n{column_text(SECOND, width=WIDTH)}\n"
        first, second = parse_page(page, year=2020)
        assert (first.title, first.paragraphs) == ("震撼人心的力量", (FIRST,)), box
        assert (second.title, second.paragraphs) == ("让数据多跑路", (SECOND,)), box


def test_an_editors_note_under_a_headline_stays_its_storys_first_paragraph():
    """Under a headline the note opens its story's text (the twelve conventions' truth keeps it so)."""
    note = "编者按：记者从国新办吹风会上获悉，我国减少农村贫困人口一千余万。"
    page = f"让数据多跑路\n\n{column_text(note, width=WIDTH)}\n{column_text(SECOND, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert story.paragraphs[0].startswith("编者按：")
