"""A literary supplement's page (`benchmarks.supplementpages`, the tuned ``literary_page``): the author's
name alone under the headline (padded to three cells, or with the author's post in brackets), poems set
one line a line in stanzas, a ``作者简介`` after a piece, a column's name set off by ornaments over the
headline.

Each case is a small made-up page in the shape of failures seen on ``literary_page`` (seed 1); the
held-out ``digest_page`` pages were never looked at.
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from storage.ingest.page_lines import (
    _Line,
)
from storage.ingest.page_paragraphs import verse_lines
from tests.page_parsing.layout import column_text

WIDTH = 18
ESSAY = "门口那棵老槐树稍稍扭动一下身躯，泛着金光的叶子翻起筋斗缓缓着地，山岗上的庄稼仿佛开始燃烧。"
MORE = "收秋先是从芝麻开始。当墨绿的植株被太阳酱成鹅黄色的时候，枝干上的荚也饱满起来。"
# An essay's worth of prose: the page's column is measured on it.
PROSE = (ESSAY, MORE) * 3
# Verse is ragged: its lines are set to their own lengths, short of the column.
POEM = (
    ("当年的海风掀开厚重的面纱", "梦和初心从这里开拔出发", "一条长路越走越宽阔", "希望的田野开满了鲜花"),
    ("古老的大地丛生着崭新的神话", "诗和远方还没有到达"),
    ("满载千年宏愿再一次出发",),
)


def _poem() -> str:
    return "\n\n".join("\n".join(stanza) for stanza in POEM)


def test_an_authors_name_padded_or_with_a_post_is_the_pieces_byline():
    """``王  强`` (a two-character name padded to three cells), ``铁  凝（中国作协主席）`` and
    ``阿尔泰（中国作协主席团委员）`` alone under the headline, the text under them: the author, no text."""
    for author, name in (
        ("王  强", "王强"),
        ("铁  凝（中国作协主席）", "铁凝"),
        ("阿尔泰（中国作协主席团委员）", "阿尔泰"),
    ):
        page = f"收秋\n\n{author}\n{column_text(ESSAY, MORE, width=WIDTH)}\n"
        (story,) = parse_page(page, year=2019)
        assert (story.title, story.paragraphs, story.reporters) == ("收秋", (ESSAY, MORE), (name,)), author


def test_a_poem_is_one_paragraph_a_line_its_stanzas_no_headlines():
    """A poem under its author, its stanzas a blank line apart, lines without end punctuation: each
    line a paragraph of the poem, no stanza a headline; the next piece's headline after its last
    stanza stays that piece's."""
    page = f"再一次出发\n\n屈  塬\n{_poem()}\n\n收秋\n\n王  强\n{column_text(*PROSE, width=WIDTH)}\n"
    poem, essay = parse_page(page, year=2019)
    assert poem.title == "再一次出发"
    assert poem.reporters == ("屈塬",)
    assert poem.paragraphs == tuple(line for stanza in POEM for line in stanza)
    assert (essay.title, essay.paragraphs, essay.reporters) == ("收秋", PROSE, ("王强",))


def test_a_narrow_column_of_prose_is_no_verse():
    """Lines of one width (a prose paragraph set in a column narrower than the page's) are no verse:
    verse is ragged."""
    lines = [_Line(k, text, False) for k, text in enumerate(wrap(ESSAY + MORE, 10, indent=0))]
    assert verse_lines(lines, 18) == set()


def test_a_note_on_the_author_after_the_piece_is_its_last_paragraph():
    """``作者简介：王某，…`` / ``【作者简介】王某，…`` right under the piece's last line, full or not: the
    piece's last paragraph, no item's head and no story of its own."""
    for label in ("作者简介：", "【作者简介】"):
        note = f"{label}王强，江苏南京人，中国作家协会会员，著有散文集《乡土》等。"
        page = f"收秋\n\n王  强\n{column_text(ESSAY, MORE, note, width=WIDTH)}\n\n责任编辑：李明\n"
        (story,) = parse_page(page, year=2019)
        assert story.paragraphs == (ESSAY, MORE, note), label
        assert story.title == "收秋"


def test_a_columns_name_set_off_by_ornaments_is_the_headlines_kicker():
    """``·随笔·`` or ``◆人生感悟`` a blank line over the headline: the first line of the title."""
    for column in ("·随笔·", "◆人生感悟"):
        page = f"大地  第20版\n\n{column}\n\n收秋\n\n王  强\n{column_text(MORE, ESSAY, width=WIDTH)}\n"
        (story,) = parse_page(page, year=2019)
        assert story.title == f"{column} 收秋", column
        assert story.paragraphs == (MORE, ESSAY)


def test_a_bulleted_columns_name_right_over_the_headline_is_no_briefs_head():
    """``◆人生感悟`` right over the headline in its block, the author's name opening the next block: a
    kicker over the headline, not a brief's bulleted head over its text."""
    page = f"大地  第20版\n\n◆人生感悟\n收秋\n\n王  强\n{column_text(MORE, ESSAY, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2019)
    assert (story.title, story.paragraphs, story.reporters) == ("◆人生感悟 收秋", (MORE, ESSAY), ("王强",))


def test_a_bulleted_columns_name_over_a_title_ending_a_sentence_or_with_a_subtitle():
    """``◆诗歌`` over ``“春天快来吧！”``, or ``◆序与跋`` over a title and its ``——`` subtitle, the author's
    name opening the next block: the column's name and the title are the headline, no brief's text."""
    for heads in (("“春天快来吧！”",), ("立时代潮头，发思想先声", "——《乡土》序")):
        page = (
            "大地  第20版\n\n◆随笔\n"
            + "\n".join(heads)
            + f"\n\n王  强\n{column_text(MORE, ESSAY, width=WIDTH)}\n"
        )
        (story,) = parse_page(page, year=2019)
        assert story.title == " ".join(("◆随笔", *heads)), heads
        assert (story.paragraphs, story.reporters) == ((MORE, ESSAY), ("王强",)), heads


def test_a_note_on_the_author_under_a_poems_last_stanza_is_the_poems():
    """A poem whose last stanza ends a sentence (``春天来了。``), the ``作者简介`` under it in its block:
    the stanza and the note are the poem's, no story of their own."""
    note = "作者简介：屈塬，四川成都人，中国作家协会会员，著有诗集《出发》等。"
    last = ("春天来了。", "中国列车要增速了。")
    page = (
        f"再一次出发\n\n屈  塬\n{_poem()}\n\n" + "\n".join(last) + f"\n{column_text(note, width=WIDTH)}\n\n"
        f"收秋\n\n王  强\n{column_text(*PROSE, width=WIDTH)}\n"
    )
    poem, essay = parse_page(page, year=2019)
    assert poem.paragraphs == (*(line for stanza in POEM for line in stanza), *last, note)
    assert (essay.title, essay.reporters) == ("收秋", ("王强",))


def test_a_dateline_filling_its_line_is_no_authors_name_with_a_post():
    """``本报讯（记者 林英 通讯员 刘雪）`` alone on its line (the column ended with its bracket) under a
    headline: the dateline opening the lead, its reporters the byline, not an author with a post."""
    dateline = "本报讯（记者 林英 通讯员 刘雪）"
    page = f"京张高铁，冰雪之旅\n\n{dateline}\n{column_text(MORE, ESSAY, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2019)
    assert story.paragraphs == (dateline + MORE, ESSAY)
    assert story.reporters + story.correspondents == ("林英", "刘雪")


def test_a_songs_lines_of_much_the_same_length_are_verse():
    """A song whose lines are most of them one length (12, 12, 9, 10, 12, 12, 9, 10, 12 cells), short of
    the column, no clause mark inside them: verse, each line a paragraph."""
    song = (
        "当年的海风掀开厚重的面纱",
        "梦和初心的队伍从脚下开拔",
        "一条长路越走越宽阔",
        "希望的田野开满了鲜花",
        "古老的大地丛生崭新的神话",
        "诗和远方的目标还没有到达",
        "千秋大业越来越壮丽",
        "春天的故事传遍了天涯",
        "新时代的号角中再一次出发",
    )
    lines = [_Line(k, text, k in (3, 6)) for k, text in enumerate(song)]
    assert verse_lines(lines, 18) == set(range(len(song)))


def test_short_sentences_under_a_wrapped_line_keep_that_paragraph_whole():
    """A paragraph whose last line is a few characters (``下车处迎接。``), then short one-line paragraphs:
    the run of short lines reads like verse, but its first line ends the paragraph the full line above
    it began; the line above it is never cut off."""
    first = "李强抵达总理府前广场时，安瓦尔在下车处迎接。"
    short = ("军乐队奏中马两国国歌。", "随后，李强检阅仪仗队。", "军乐队再次奏响两国国歌。")
    page = (
        f"欢迎仪式\n\n{column_text(*PROSE, width=WIDTH)}\n{column_text(first, width=WIDTH)}\n"
        + "\n".join(short)
        + "\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.paragraphs == (*PROSE, first, *short)
