"""The tuned text-page families' leftovers, an eleventh pass (issue 22): an evening paper's item whose
bulleted head holds a space and wrapped, its end and its own space opening the next line before the
item's text (``evening_page``).

Each case is a small made-up page in the shape of failures seen on the tuned families (seeds 1 and 2);
no held-out family's pages were looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page

MASTHEAD = "2020年2月16日  星期日  第5版  要闻\n\n"


def test_a_bulleted_head_holding_a_space_wraps_to_the_space_before_its_text():
    """``▶全程跟进关注 更重一`` / ``线作为 一个涉及…``: prose holds no space between Han words, so the
    head ends at the space on the next line (the head had ended at its own space, and 更重一线作为 ran on
    as the item's text)."""
    page = MASTHEAD + (
        "▶全程跟进关注 更重一\n"
        "线作为 一个涉及拆迁项目多、\n"
        "安置群众多的安置房项目进入\n"
        "攻坚扫尾阶段，干部考察随之\n"
        "跟进到项目现场。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "全程跟进关注 更重一线作为"
    assert story.paragraphs[0].startswith("一个涉及拆迁项目多、")


def test_a_byline_under_a_bulleted_head_is_no_head_s_wrapped_end():
    """``▶全程跟进关注 更重一线作为`` / ``本报记者 王浩``: the words before the space on the line under the
    head are a byline's, not the head's end."""
    page = MASTHEAD + (
        "▶全程跟进关注 更重一线作为\n"
        "本报记者 王浩\n"
        "一个涉及拆迁项目多、安置群众\n"
        "多的安置房项目进入攻坚扫尾阶\n"
        "段，干部考察随之跟进。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "全程跟进关注 更重一线作为"
    assert story.reporters == ("王浩",)
    assert story.paragraphs[0].startswith("一个涉及")
