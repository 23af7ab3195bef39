"""The tuned text-page families' leftovers, a fourth pass (issue 22): a literary supplement's
(``literary_page``) classical verse, dialogue turns and a lone ellipsis.

Each case is a small made-up page in the shape of failures seen on the tuned families (seed 1); no
held-out family's pages were looked at.
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from storage.ingest.page_paragraphs import _couplet_line
from tests.page_parsing.layout import column_text

WIDTH = 18
ESSAY = (
    "清晨的江边雾气未散，渔船一只接一只靠了岸，码头上渐渐热闹起来，鱼贩们的吆喝声此起彼伏，"
    "早起的老人提着竹篮在摊前挑挑拣拣，孩子们追着江鸥跑过石阶，卖早点的小车冒着热气。"
)


ABOVE = f"江边的早晨\n\n林  青\n{column_text(ESSAY, width=WIDTH)}\n\n"


def test_lines_of_classical_verse_with_commas_are_paragraphs_each():
    """``春风入户，细雨润田`` over three more lines of two equal phrases each: lines of verse, one
    paragraph a line, though every line holds a comma and all are of one width."""
    verse = ("春风入户，细雨润田", "青山如黛，绿水绕村", "耕者在野，学子在堂", "家国同心，岁月同安")
    page = f"{ABOVE}山村春早\n\n王  明\n" + "\n".join(verse) + "\n"
    essay, poem = parse_page(page, year=2020)
    assert essay.paragraphs == (ESSAY,)
    assert (poem.title, poem.paragraphs) == ("山村春早", verse)


def test_only_equal_phrases_parted_by_commas_make_a_line_of_classical_verse():
    """Phrases of unequal length, a single phrase, or a clause mark inside a phrase: not such a line."""
    assert _couplet_line("夺情逆行，长泪辞岁")
    assert _couplet_line("辞赋小道，壮夫何为。")
    assert not _couplet_line("春风入户，细雨润了田")
    assert not _couplet_line("春风入户细雨润田")
    assert not _couplet_line("春风入户、细雨润田")


def test_a_whole_quotation_after_a_closed_one_is_the_next_speakers_turn():
    """``“老李，把船靠东边，先停一停。”`` filling a paragraph's first line, then
    ``“小王，架好相机，记下数据。”`` alone on its line: two turns of a dialogue, two paragraphs."""
    first = "“老李，把船靠东边，先停一停。”"
    second = "“小王，架好相机，记下数据。”"
    after = "老张手持对讲机，一边忙着联络，一边在人群中穿梭，显得简约而干练。"
    assert len(first) == WIDTH - 2
    page = f"{ABOVE}湖上巡逻\n\n王  明\n{first}\n{second}\n{column_text(after, width=WIDTH)}\n"
    _, story = parse_page(page, year=2020)
    assert story.paragraphs == (first, second, after)


def test_a_quotation_run_on_after_words_stays_in_its_paragraph():
    """``他说：“…。”`` then a line going on with words (not a whole quotation): one paragraph."""
    text = "他笑着对我们说：“今年的收成真不错。”说完又低头忙起了手里的活，一刻也不肯停下来歇一歇。"
    page = f"{ABOVE}湖上巡逻\n\n王  明\n{column_text(text, width=WIDTH)}\n"
    _, story = parse_page(page, year=2020)
    assert story.paragraphs == (text,)


def test_an_ellipsis_alone_on_its_line_is_a_paragraph_of_its_own():
    """``……`` on a line of its own after a quotation whose last line is full: a pause, a paragraph."""
    said = "“这个不好说。我们现在接收的患者大都年纪比较大，重症多，还不错。但是不管怎样，我们都会尽最大力量去做好。”"
    assert wrap(said, WIDTH)[-1].endswith("好。”")  # its last line full, the quote mark hung
    after = "说完，她转身走进了病房，走廊里又安静了下来，只有仪器的声音。"
    page = f"{ABOVE}与时间赛跑\n\n王  明\n{column_text(said, width=WIDTH)}\n……\n{column_text(after, width=WIDTH)}\n"
    _, story = parse_page(page, year=2020)
    assert story.paragraphs == (said, "……", after)


def test_an_author_note_naming_another_pieces_title_does_not_take_that_headline():
    """``作者简介：…著有长篇小说《大山里的幸福路》等。`` closing the first piece, ``大山里的幸福路`` the
    next piece's headline: the note names the author's books, so each headline stays over its own
    piece."""
    first = (
        "一进入腊月，年味便在小城里一点点浓起来，街上挂满了红灯笼，家家户户忙着扫尘、贴春联，"
        "孩子们数着日子盼过年，老人们把腌好的腊肉一串串挂在屋檐下晾晒。"
    )
    note = "作者简介：李远，云南昆明人，报社编辑，著有长篇小说《大山里的幸福路》等。"
    second = (
        "和同事去老孟家那天，天光不亮，早晨像是下午的光景。老孟家住的村庄在大山深处，"
        "海拔三千多米，山上光秃秃的，没有树，一地的枯草，风呼呼地穿过衣领灌进身子。"
    )
    page = (
        f"小城的年\n\n李  远\n{column_text(first, width=WIDTH)}\n{column_text(note, width=WIDTH)}\n\n"
        f"◆百姓故事\n\n大山里的幸福路\n\n沈  洋\n{column_text(second, width=WIDTH)}\n"
    )
    town, road = parse_page(page, year=2020)
    assert (town.title, town.paragraphs) == ("小城的年", (first, note))
    assert (road.title, road.paragraphs) == ("◆百姓故事 大山里的幸福路", (second,))


def test_a_sub_heading_over_a_first_line_a_column_break_parts_from_its_full_line():
    """``坚持以质量提升夯实品牌建设的基础`` (short, no end mark) over a paragraph's first line (two
    cells short) whose full second line opens the next column: the sub-heading is a paragraph."""
    wide = 20
    before = "构建品牌维权发展机制，打造品牌发展的法治“保护伞”“高压线”，充分激发企业创新积极性。"
    heading = "坚持以质量提升夯实品牌建设的基础"
    after = "品牌是企业的灵魂，质量是企业的生命，两者相辅相成、互为依托，需要并行发展，缺一不可。"
    assert 0.7 * wide < len(heading) < wide - 2 - 1.5
    lines = wrap(after, wide)
    assert len(lines[0]) == wide - 2
    body = column_text(before, width=wide) + f"\n{heading}\n{lines[0]}\n\n" + "\n".join(lines[1:])
    lead = "近年来，我国制造业品牌建设取得长足进步，一批企业走向世界，赢得了广泛赞誉和市场认可。"
    page = "以品牌建设助推制造业高质量发展\n\n刘  超\n" + column_text(lead, width=wide) + f"\n{body}\n"
    (story,) = parse_page(page, year=2020)
    assert story.paragraphs == (lead, before, heading, after)
