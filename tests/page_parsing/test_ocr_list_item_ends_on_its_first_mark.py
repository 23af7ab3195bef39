"""OCR'd pages read block by block: a list goes on across a seam only into a start whose first item a
``、`` ends.

Tesseract read a commemoration story's sentence ``…勇于担当、敢于`` / ``斗争，坚持真理、实事求是，…``
as two blocks, and a book story's block ending on ``…提高党把方向、`` earlier on the page (fresh
rmrb_ocr page 5-6). The list rule took ``斗争，坚持真理、`` as a list's next item, for a ``、`` stood
within its first characters, and gave it to the book story. Its first item ends on a comma: it is a
sentence going on, not a list. Made-up blocks in that shape.
"""

from __future__ import annotations

from storage.ingest.page_fragments import Fragment, _PageGrams, _seam_reading, plan_seams


def _fragment(story: int, text: str, *, fixed: bool = False, **edges: bool) -> Fragment:
    flags = {"open_start": False, "open_end": False, "closed_end": False, "paragraph_start": False}
    flags.update(edges)
    return Fragment(story=story, text=text, fixed=fixed, **flags)


def test_issue22_a_start_whose_first_item_a_comma_ends_is_no_list_item():
    grams = _PageGrams([])
    assert _seam_reading("提高党把方向、", "斗争，坚持真理、实事求是。", grams, (0, 1)) == 0.0
    assert _seam_reading("提高党把方向、", "谋大局、定政策、促改革。", grams, (0, 1)) >= 0.3


def test_issue22_the_sentence_keeps_its_block_against_a_list_ending_elsewhere():
    fragments = [
        _fragment(
            0, "本报北京10月27日电 纪念座谈会27日在京举行，王沪宁出席并讲话。", fixed=True, closed_end=True
        ),
        _fragment(
            1,
            "新华社北京10月27日电 文集出版发行。坚持真理，坚持党的领导，统筹推进总体布局，提高党把方向、",
            fixed=True,
            open_end=True,
        ),
        _fragment(0, "王沪宁表示，座谈会纪念的先驱坚守初心、为民造福，勇于担当、敢于", open_end=True),
        _fragment(0, "斗争，坚持真理、实事求是，是品德高尚的表率。", open_start=True, closed_end=True),
    ]
    assert plan_seams(fragments, contest=True) == []
