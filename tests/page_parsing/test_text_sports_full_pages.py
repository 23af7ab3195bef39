"""The 体育 page printed whole (`benchmarks.sportsfullpages`, ``sports_full_page``, issue 22): its pictures and
its comment. A picture's credit naming no agency in brackets (``新华社记者  李  颖摄``, a two-character name
padded to three cells, or the agency's name alone, ``影像中国``) closing its caption right under the caption's
last sentence is the picture's last paragraph, not a kicker of the next story's heads nor run into the
caption's paragraph; two headlines each printed over the other's story, neither given there surely (a
comment's ``本领强，遇变才不慌`` and a picture's ``出球``, matched crosswise by a pair or two of common words),
stay over their own stories, as printed; the page's chart line naming a two-character name padded to three
cells (``本版制图：郭  祥``) is page furniture, as one naming it unpadded is, and heads no story.

Each case is a small made-up page in the shape of failures seen on ``sports_full_page`` (seed 1); the guards
are shapes of other pages the new readings must leave as they were.
"""

from __future__ import annotations

import pytest

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page

WIDTH = 16

PICTURE_TITLE = "团体追逐（动感2020）"
CAPTION = (
    "当地时间2月2日，中国选手在比赛中。",
    "当日，速度滑冰世界杯在荷兰举行，中国队获得女子团体追逐第五名。",
)
DISPATCH_KICKER = "圣莫里茨雪车世界杯"
DISPATCH_TITLE = "李纯键组合四人车排名第七"
DISPATCH = (
    "本报北京2月3日电  （记者张荣锋）国际雪车联合会瑞士圣莫里茨世界杯3日结束四人车比赛，李纯键组合排名第七。",
    "本站夺冠的克里普斯组合在总积分榜上排名第三，李纯键组合在总积分榜上排名第十。",
)
COMMENT_TITLE = "本领强，遇变才不慌（体坛观澜）"
COMMENT = (
    "竞走项目要做“减法”了。国际田联竞走委员会计划将现有的50公里和20公里分别缩短为30公里和10公里。",
    "在中国田径历史上的8枚奥运金牌中，有多达5枚出自竞走项目，规则变化的影响不容小觑，中国田径应积极应对。",
)
SHOT_TITLE = "出球（动感2019）"
SHOT = ("当地时间2月9日，球员在比赛中。", "当日，爱尔兰科克城队以1∶2负于邓多克队。")


def _squeezed(paragraphs: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple("".join(p.split()) for p in paragraphs)


def _column(paragraphs: tuple[str, ...] | list[str]) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += wrap(paragraph, WIDTH)
    return lines


def _page(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


@pytest.mark.parametrize("credit", ["新华社记者  李  颖摄", "新华社记者 程 敏摄", "影像中国"])
def test_a_picture_s_credit_naming_no_agency_in_brackets_closes_the_picture(credit: str) -> None:
    page = _page(
        [PICTURE_TITLE],
        [*_column(CAPTION), credit],
        [DISPATCH_KICKER, DISPATCH_TITLE],
        _column(DISPATCH),
    )
    picture, dispatch = parse_page(page, year=2020)
    assert picture.title == PICTURE_TITLE
    assert _squeezed(picture.paragraphs) == _squeezed((*CAPTION, credit))
    assert picture.reporters == ()
    assert dispatch.title == f"{DISPATCH_KICKER} {DISPATCH_TITLE}"
    assert dispatch.reporters == ("张荣锋",)


def test_a_credit_s_name_opening_a_sentence_under_a_story_stays_its_text() -> None:
    # guard: a line under a sentence's end that is no credit (no 摄 closing it) is read as before
    text = (*CAPTION[:1], "王  正在赛场边观看比赛，他说中国队的表现越来越好。")
    page = _page([PICTURE_TITLE], _column(text), [DISPATCH_KICKER, DISPATCH_TITLE], _column(DISPATCH))
    picture, dispatch = parse_page(page, year=2020)
    assert picture.title == PICTURE_TITLE
    assert dispatch.title == f"{DISPATCH_KICKER} {DISPATCH_TITLE}"


def test_two_headlines_given_crosswise_by_common_words_stay_over_their_own_stories() -> None:
    page = _page(
        [COMMENT_TITLE],
        ["韩怡辉", *_column(COMMENT)],
        [SHOT_TITLE],
        [*_column(SHOT), "影像中国"],
        [DISPATCH_KICKER, DISPATCH_TITLE],
        _column(DISPATCH),
    )
    comment, shot, dispatch = parse_page(page, year=2019)
    assert comment.title == COMMENT_TITLE
    assert _squeezed(comment.paragraphs) == _squeezed(COMMENT)
    assert shot.title == SHOT_TITLE
    assert _squeezed(shot.paragraphs) == _squeezed((*SHOT, "影像中国"))
    assert dispatch.title == f"{DISPATCH_KICKER} {DISPATCH_TITLE}"


@pytest.mark.parametrize("chart", ["本版制图：郭  祥", "本版制图：郭 祥"])
def test_the_page_s_chart_line_at_its_foot_heads_no_story(chart: str) -> None:
    # a story whose heads the page does not hold: its title is inferred, as under an unpadded chart line
    def read(line: str) -> list[tuple[str, tuple[str, ...]]]:
        page = _page(
            ["韩怡辉", *_column(COMMENT)], [DISPATCH_KICKER, DISPATCH_TITLE], _column(DISPATCH), [line]
        )
        return [(story.title, story.reporters) for story in parse_page(page, year=2019)]

    stories = read(chart)
    assert stories == read("本版制图：蔡华伟")
    assert all("制图" not in title for title, _reporters in stories)
    assert stories[1] == (f"{DISPATCH_KICKER} {DISPATCH_TITLE}", ("张荣锋",))


def test_a_photographer_s_credit_closing_a_long_story_stays_its_byline() -> None:
    # guard: a story longer than a caption closed by ``见习记者 张刚梓 摄`` under its last column's lines
    # is signed by it, as before
    story = (
        *COMMENT,
        DISPATCH[1],
        "本站比赛结束后，中国队将前往德国继续参加世界杯分站赛，备战下一届冬奥会。",
        "教练组表示，队员们在训练中不断打磨技术细节，有信心在接下来的比赛中取得更好成绩。",
    )
    lines = _column(story)
    page = _page(
        [DISPATCH_TITLE], lines[:-4], [*lines[-4:], "见习记者 张刚梓 摄"], [SHOT_TITLE], _column(SHOT)
    )
    long_story, shot = parse_page(page, year=2020)
    assert long_story.reporters == ("张刚梓",)
    assert _squeezed(long_story.paragraphs)[-1] == _squeezed(story)[-1]
    assert shot.title == SHOT_TITLE
