"""OCR'd pages: a photo credit's head alone inside a story's sentence (issue 22).

On a scanned page Tesseract may read what is left of a photo's credit, its name lost or read
elsewhere, as a block of its own between two of a story's lines that one sentence runs across
(``…确保环京“护城河”各项安保`` / blank / ``本报记者`` / blank / ``工作措施落到实处…``). The line was read
as the story's text, or as a headline opening a story of its own. A credit's head with no name, where
the open story's sentence breaks off, belongs to no story: it is dropped as a caption's, and the
sentence goes on under it. Made-up page in the shape of those on the scanned seeds.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

PAGE = (
    "2019年2月28日 星期四\n\n"
    "人民日报\n\n"
    "第11版 综合\n\n"
    "筑牢首都安全稳定的坚固屏障\n\n"
    "本报北京2月27日电（记者王明）国务委\n"
    "员在北京、河北检查环京安保工作时强\n"
    "调，要进一步强化政治担当，确保各项{between}\n"
    "安保工作措施落到实处，切实筑牢维护\n"
    "首都安全稳定的坚固屏障。\n"
)


def test_issue22_a_credit_head_inside_a_sentence_is_dropped():
    page = PAGE.format(between="\n\n本报记者\n")
    (story,) = parse_page(page, year=2019)
    assert story.title == "筑牢首都安全稳定的坚固屏障"
    assert "确保各项安保工作措施落到实处" in "".join(story.paragraphs)
    assert "dropped line 13 as caption: 本报记者" in explain_page(page, year=2019)


def test_issue22_a_credit_head_after_a_sentence_end_is_left_to_the_other_readers():
    page = PAGE.format(between="。\n\n本报记者\n")
    assert "dropped line 13 as caption: 本报记者" not in explain_page(page, year=2019)
