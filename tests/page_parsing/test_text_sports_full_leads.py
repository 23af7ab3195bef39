"""The 体育 page's lead and comment (`benchmarks.sportsfullpages`, ``sports_full_page``, issue 22): two
headlines each printed over the other's story stay over their own when the words do not tell the two
stories apart (a lead and a comment on one topic, each repeating the other's headline about as much as its
own); a lead's sub-heading ending in a number (``下一个目标跳过2米35``) and one wrapped by the column onto a
second line left a cell short are paragraphs of their own, not the first lines of the paragraph under them.

Each case is a small made-up page in the shape of failures seen on ``sports_full_page`` (seed 1); the
guards are shapes the new readings must leave as they were.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_lines, page_of_blocks, squeezed

WIDTH = 16

LEAD_TITLE = "冰场人气旺了 冬奥热度还在（体育大看台）"
LEAD = (
    "今年冬天，南方城市的冰场人气很旺，不少市民走进室内冰场，体验滑冰的乐趣。",
    "业内人士说，冰雪场地的增加，使更多人有了上冰上雪的机会，冰雪培训的报名人数连年增长。",
    "一些城市还把冰雪项目引进校园，让孩子们在体育课上学习滑冰，冰场的周末课程常常一位难求。",
)
COMMENT_TITLE = "让更多孩子爱上冰雪（体坛观澜）"
COMMENT = (
    "冰雪运动要普及，离不开场地和教练的支撑，要让孩子有地方滑、有老师教，爱上这项运动，也要多开设滑冰课。",
    "冬奥会之后，冰雪运动的热度要保持下去，各地应多建场地、多办比赛，让冰雪运动走进寻常百姓家。",
)
DISPATCH_TITLE = "中国女队获得接力冠军"
DISPATCH = ("本报北京2月3日电  （记者李硕）短道速滑世界杯德累斯顿站3日结束，中国女队获得接力冠军。",)


def _lead_and_comment_page() -> str:
    return page_of_blocks(
        [LEAD_TITLE],
        column_lines(LEAD, width=WIDTH),
        [COMMENT_TITLE],
        column_lines(COMMENT, width=WIDTH),
        [DISPATCH_TITLE],
        column_lines(DISPATCH, width=WIDTH),
    )


def test_a_lead_and_a_comment_of_one_topic_keep_the_headlines_printed_over_them() -> None:
    lead, comment, dispatch = parse_page(_lead_and_comment_page(), year=2020)
    assert lead.title == LEAD_TITLE
    assert comment.title == COMMENT_TITLE
    assert squeezed(lead.paragraphs) == squeezed(LEAD)
    assert squeezed(comment.paragraphs) == squeezed(COMMENT)
    assert dispatch.title == DISPATCH_TITLE


def test_a_headline_its_own_story_repeats_clearly_goes_there_across_the_page() -> None:
    # guard: a dispatch's headline printed over the lead, which its own dispatch repeats word for word
    # and the lead hardly names, still goes to its dispatch, and the lead's to the lead
    page = page_of_blocks(
        [DISPATCH_TITLE],
        column_lines(LEAD, width=WIDTH),
        [LEAD_TITLE],
        column_lines(DISPATCH, width=WIDTH),
    )
    lead, dispatch = parse_page(page, year=2020)
    assert dispatch.title == DISPATCH_TITLE
    assert lead.title == LEAD_TITLE


SUBHEAD_BY_NUMBER = "下一个目标跳过2米35"
HIGH_JUMP = (
    "室内赛季结束后，王宇将回国进行训练，为室外赛季做准备。",
    SUBHEAD_BY_NUMBER,
    "王宇在室内赛中的出色发挥，也让人们更加期待他在室外赛中的表现，他自己也对新赛季充满信心。",
    "教练组认为，只要保持良好的训练状态，他有机会在今年跳出个人最好成绩。",
)


def test_a_lead_s_sub_heading_ending_in_a_number_is_a_paragraph_of_its_own() -> None:
    page = page_of_blocks(["王宇室内赛季收官"], column_lines(HIGH_JUMP, width=WIDTH))
    (story,) = parse_page(page, year=2020)
    assert squeezed(story.paragraphs) == squeezed(HIGH_JUMP)


SUBHEAD_WRAPPED = "从一线队到预备队、青年队、少年队等各级梯队，打法要保持一致"
TEAMS = (
    "新任主教练表示，国家队的大门对所有球员敞开，只要状态好就有机会入选。",
    SUBHEAD_WRAPPED,
    "中国足协将借这次国家队重组的机会，建立从国家队到各级青年队的统一训练体系。",
    "各级青年队的教练将定期来国家队交流，了解国家队的训练方法和比赛风格。",
)


def test_a_lead_s_sub_heading_wrapped_onto_a_second_line_left_short_ends_there() -> None:
    lines = column_lines(TEAMS, width=WIDTH)
    assert "年队等各级梯队，打法要保持一致" in lines  # a cell short of the column
    page = page_of_blocks(["国家队集训开启"], lines)
    (story,) = parse_page(page, year=2020)
    assert squeezed(story.paragraphs) == squeezed(TEAMS)
