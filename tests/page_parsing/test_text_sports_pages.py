"""A sports page (`benchmarks.sectionpages`, the tuned ``sports_page``): photo captions with the agencies'
credits (``（新华社发）``, ``新华社发 王某摄``, ``王某摄（人民视觉）``) between stories and inside a story's
columns, a results box under its label, a strip heading over a column of dispatches, the paper's name
beside the section at the top, a contributor's note closing a story.

Each case is a small made-up page in the shape of failures seen on ``sports_page`` (seed 1); the held-out
``theory_page`` pages were never looked at.
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from storage.ingest.segmenter.shapes.mastheads import _masthead_items
from tests.page_parsing.layout import column_text, squeezed

WIDTH = 18
FINAL = "本报北京1月12日电  （记者李明）12日，全国青年排球锦标赛在广东江门落幕。在当日进行的决赛中，江苏队以3∶1战胜上海队，夺得冠军。"
SECOND = "本次比赛共有十二支队伍参加，比赛分小组赛和淘汰赛两个阶段进行，历时八天。"
SKATING = (
    "本报哈尔滨1月12日电  （记者王强）全国速度滑冰联赛第三站12日在哈尔滨收官，东道主黑龙江队收获五枚金牌。"
)
SKATING_2 = "本站比赛设男女共十个小项，吸引了来自全国各地的二百余名运动员参赛。"


def _two_stories(between: str) -> str:
    return (
        f"青年排球锦标赛落幕\n\n{column_text(FINAL, width=WIDTH)}\n{column_text(SECOND, width=WIDTH)}\n\n{between}\n\n"
        f"速度滑冰联赛第三站收官\n\n{column_text(SKATING, width=WIDTH)}\n{column_text(SKATING_2, width=WIDTH)}\n"
    )


def test_a_caption_with_an_agencys_credit_between_stories_is_in_no_story():
    """``1月11日，…。`` over ``（新华社发）``, ``新华社发 王某摄`` or ``王某摄（人民视觉）``: a caption, no
    paragraph of the story above and no byline."""
    for credit in ("（新华社发）", "新华社发 张伟摄", "张伟摄（人民视觉）"):
        page = _two_stories(f"1月11日，选手们在比赛中\n奋力拼搏。\n{credit}")
        final, skating = parse_page(page, year=2020)
        assert squeezed(final.paragraphs) == squeezed((FINAL, SECOND)), credit
        assert (final.reporters, skating.reporters) == (("李明",), ("王强",)), credit
        assert skating.title == "速度滑冰联赛第三站收官", credit


def test_a_dated_caption_inside_a_storys_columns_leaves_its_sentence_whole():
    """A caption opening with its day, set in a block of its own where the story's sentence breaks off
    (a column break): the caption is in no story, and the sentence reads on across it."""
    lines = wrap(FINAL, WIDTH)
    page = (
        "青年排球锦标赛落幕\n\n"
        + "\n".join(lines[:3])
        + "\n\n1月11日，江苏队选手在决赛中扣球。\n新华社记者 陈刚 摄\n\n"
        + "\n".join(lines[3:])
        + f"\n{column_text(SECOND, width=WIDTH)}\n"
    )
    (final,) = parse_page(page, year=2020)
    assert squeezed(final.paragraphs) == squeezed((FINAL, SECOND))
    assert final.reporters == ("李明",)


def test_a_results_box_under_its_label_is_in_no_story():
    """``【比赛结果】`` over lines each giving a score: no story's text, no part of a headline."""
    page = _two_stories("【比赛结果】\n江苏队以3∶1战胜上海队\n黑龙江队以5∶2战胜吉林队")
    final, skating = parse_page(page, year=2020)
    assert (final.title, skating.title) == ("青年排球锦标赛落幕", "速度滑冰联赛第三站收官")
    assert squeezed(final.paragraphs) == squeezed((FINAL, SECOND))


def test_a_strip_heading_over_a_column_of_dispatches_heads_no_story():
    """``【体坛速递】`` or ``体坛快讯`` alone between two stories: no headline line of the story under it."""
    for heading in ("【体坛速递】", "体坛快讯", "■体育简讯"):
        final, skating = parse_page(_two_stories(heading), year=2020)
        assert squeezed(final.paragraphs) == squeezed((FINAL, SECOND)), heading
        assert skating.title == "速度滑冰联赛第三站收官", heading


def test_the_papers_name_beside_the_section_at_the_top_is_a_masthead_line():
    """``人民日报  体育新闻`` (the paper's name, the section after it) is a masthead line, as
    ``人民日报  2020年1月13日`` is; a section's name alone, or before the paper's name, is not."""
    assert _masthead_items("人民日报  体育新闻")
    assert _masthead_items("人民日报  体育·综合")
    assert not _masthead_items("体育新闻  人民日报")
    assert not _masthead_items("体育新闻")


def test_a_contributors_note_closes_its_story():
    """``（李东映参与采写）`` after a story's last sentence: its last paragraph, never the next headline."""
    page = _two_stories("（李东映参与采写）")
    final, skating = parse_page(page, year=2020)
    assert squeezed(final.paragraphs) == squeezed((FINAL, SECOND, "（李东映参与采写）"))
    assert skating.title == "速度滑冰联赛第三站收官"
