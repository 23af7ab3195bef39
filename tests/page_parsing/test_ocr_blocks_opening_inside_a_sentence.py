"""A block that opens inside a sentence goes on from an open sentence, never from a closed one (issue 22).

Tesseract reads a broadsheet block by block, and a column's last line can be a block of its own, set
short (``的孩子春季学期就能在家门口上学。``): its width says nothing about whether it opens a paragraph.
Its first character does: no sentence opens on a particle that only follows a word (的, 了, 着) or on
a clause mark (``，``, ``）``). The whole-page matching of blocks (`page_chains`) reads such a block as
going on from text in another block, so it follows the story whose sentence broke off
(``…此前在山里读小学``), not the story read right before it, whose sentence ended (``…美好未来。``).
Made-up blocks in the shape of what Tesseract reads off a broadsheet.
"""

from __future__ import annotations

from storage.ingest.page_chains import assign_chains, opens_inside_a_sentence
from storage.ingest.page_fragments import Fragment


def _block(story: int, text: str, *, start: str, end: str, fixed: bool = False) -> Fragment:
    """A block as `page_seams._fragment` describes one (see `test_ocr_block_chains._block`)."""
    return Fragment(
        story=story,
        text=text,
        open_start=start == "open",
        open_end=end == "open",
        closed_end=end == "closed",
        paragraph_start=start == "indent" and "\n" in text,
        fixed=fixed,
    )


SCHOOL = _block(
    0,
    "近日，山区多个县的群众陆续从大山深处\n搬进县城的安置区，新建的幼儿园和小学\n将陆续投用。此前在山里读小学",
    start="indent",
    end="open",
    fixed=True,
)
FOREST = _block(
    1,
    "本报北京3月2日电  国家林草局2日发布\n消息，今年植树造林进展顺利，各地苗木\n供应充足，共同建设美好未来。",
    start="indent",
    end="closed",
    fixed=True,
)


def _labels(rest: str) -> list[int]:
    """Reading order: the school story broken off mid-sentence, the forest story ending its sentence,
    then a one-line block set short (`rest`), which the segmenter left with the forest story."""
    fragments = [SCHOOL, FOREST, _block(1, rest, start="short", end="closed")]
    heads = [True, True, False]
    labels, _links = assign_chains(
        fragments,
        [0, 1, 1],
        headlines=["山区群众搬进新居", "植树造林进展顺利"],
        heads=heads,
        closed_at=[None, None],
        fixed=heads,
    )
    return labels


def test_a_block_opening_on_a_particle_goes_on_from_the_open_sentence():
    assert _labels("的孩子春季学期就能在家门口上学。") == [0, 1, 0]


def test_a_block_opening_on_a_clause_mark_goes_on_from_the_open_sentence():
    assert _labels("，孩子春季学期就能在家门口上学。") == [0, 1, 0]


def test_a_block_opening_a_sentence_stays_where_it_was_read():
    # ``孩子们…`` may open a paragraph after ``…美好未来。``: position keeps it there.
    assert _labels("孩子们春季学期就能在家门口上学。") == [0, 1, 1]


def test_words_that_begin_with_a_particle_open_sentences():
    assert opens_inside_a_sentence("的孩子春季学期就能上学。")
    assert opens_inside_a_sentence("了一批新的校舍。")
    assert opens_inside_a_sentence("）等文件相继出台。")
    for opening in ("的确如此，", "了解到，", "地方政府", "着力推进", "得到支持"):
        assert not opens_inside_a_sentence(opening), opening
