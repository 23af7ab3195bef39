"""A 文艺评论 page (`benchmarks.reviewpages`, ``review_page``, issue 22): reviews signed by their author's name
alone under their heads. A headline with a comma (``年方六千，未完待续``) over the author's name alone over the
review's text opens that review under a story whose last line stands a column apart, and is not that story's
text; a main line in words of its own printed a block under its kicker (``纪录片《中国医生》`` /
``见证平凡中的伟大``), right over the author and the text, is that review's, not the story above's when that
story's text repeats a few of its words; a reading list under a book review's closing note (``推荐读物：`` over
``1.《…》：…著；…出版社出版。``) is the review's last paragraphs, not a story of its own.

Each case is a small made-up page in the shape of failures seen on ``review_page`` (seed 1); the guards are
shapes of other pages the new readings must leave as they were.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_lines, page_of_blocks, squeezed

WIDTH = 14

ESSAY_TITLE = "用阅读传递信心（书里书外）"
ESSAY = (
    "在这段举国上下众志成城抗击疫情的日子里，许多人在家里进行隔离防护的同时，也着实体验了一把数字化生存。",
    "正如一部纪录片所言，虽然身处疫情时刻，但是还有书籍，教会我们用阅读传递信心，用知识做好防护，用精神凝聚力量。",
)
REVIEW_TITLE = "年方六千，未完待续"
REVIEW = (
    "郑岩和女儿合作的新书《年方六千：文物的故事》，让人拿起来就不想放下。读者随便翻到哪里都可以马上开始阅读。",
    "书中所选的近90件文物，时间从新石器时代直至明朝，纵横六千年以上。",
)
GALA_TITLE = "一台特殊的元宵节晚会"
GALA = (
    "“这是我看过最特殊的元宵节晚会，观众席空无一人，但我们的心紧紧在一起。”主持人说。",
    "这台晚会把镜头对准平凡的劳动者，让人见证伟大出自平凡，引发荧屏前无数观众为之动情、好评不断。",
)
DOCUMENTARY_KICKER = "纪录片《中国医生》"
DOCUMENTARY_MAIN = "见证平凡中的伟大"
DOCUMENTARY = (
    "当前，全国人民正在全力以赴打赢疫情防控阻击战。在这场战斗中，医院就是战场，医护人员就是战士。",
    "《中国医生》系列纪录片受到广泛关注也在情理之中，无数中国医生救死扶伤的故事温暖着人心。",
)


def test_a_headline_with_a_comma_over_the_author_alone_opens_the_review_under_a_story_s_end() -> None:
    essay_lines = column_lines(ESSAY, width=WIDTH)
    page = page_of_blocks(
        [ESSAY_TITLE],
        ["张洋晓", *essay_lines[:-1]],
        essay_lines[-1:],  # the last sentence's last line a column apart
        [REVIEW_TITLE],
        ["贾娟军", *column_lines(REVIEW, width=WIDTH)],
    )
    essay, review = parse_page(page, year=2020)
    assert squeezed(essay.paragraphs) == squeezed(ESSAY)
    assert review.title == REVIEW_TITLE
    assert review.reporters == ("贾娟军",)
    assert squeezed(review.paragraphs) == squeezed(REVIEW)


def test_a_paragraph_with_a_comma_over_a_name_in_the_text_stays_text() -> None:
    # guard: the short last line of a paragraph is no headline, and the story goes on
    text = ("他说，这些书要常读。", "王强", "退休后，他每天都去图书馆读书，一读就是一整天，风雨无阻。")
    page = page_of_blocks(
        [ESSAY_TITLE], ["张洋晓", *column_lines(ESSAY[:1], width=WIDTH)], column_lines(text, width=WIDTH)
    )
    (essay,) = parse_page(page, year=2020)
    assert essay.title == ESSAY_TITLE


def test_a_main_line_a_block_under_its_kicker_goes_with_the_review_under_them() -> None:
    page = page_of_blocks(
        [GALA_TITLE],
        ["杨杰勇", *column_lines(GALA, width=WIDTH)],
        [DOCUMENTARY_KICKER],
        [DOCUMENTARY_MAIN],
        ["董涛轩", *column_lines(DOCUMENTARY, width=WIDTH)],
    )
    gala, documentary = parse_page(page, year=2020)
    assert gala.title == GALA_TITLE
    assert documentary.title == f"{DOCUMENTARY_KICKER} {DOCUMENTARY_MAIN}"
    assert documentary.reporters == ("董涛轩",)
    assert squeezed(documentary.paragraphs) == squeezed(DOCUMENTARY)


def test_a_headline_printed_after_its_story_still_goes_with_the_story_it_repeats() -> None:
    # guard: a headline under the story it repeats whole, over the next story's own heads, stays that story's
    page = page_of_blocks(
        column_lines(GALA, width=WIDTH),
        [GALA_TITLE],
        [DOCUMENTARY_KICKER, DOCUMENTARY_MAIN],
        column_lines(DOCUMENTARY, width=WIDTH),
    )
    gala, documentary = parse_page(page, year=2020)
    assert gala.title == GALA_TITLE
    assert documentary.title == f"{DOCUMENTARY_KICKER} {DOCUMENTARY_MAIN}"


BOOK_REVIEW_TITLE = "5G，当代移动通信技术制高点（开卷知新）"
BOOK_REVIEW = (
    "5G是当代移动通信技术的制高点，它将改变人们的生活方式，也将深刻影响经济社会的发展。",
    "（作者为中国工程院院士）",
)
READING_LIST = (
    "推荐读物：",
    "1.《深入浅出5G移动通信》：刘毅、刘红梅编著；机械工业出版社出版。",
    "2.《5G社会：从“见字如面”到“万物互联”》：翟尤、谢呼著；中国工信出版集团出版。",
)
NEXT_TITLE = "用历史智慧之光观照现实"
NEXT = ("这部书以大量史料为依据，梳理了中国共产党百年来的奋斗历程，读来令人深思。",)


def test_a_reading_list_under_a_story_s_closing_note_is_that_story_s_last_paragraphs() -> None:
    page = page_of_blocks(
        [BOOK_REVIEW_TITLE],
        ["曾芳涛", *column_lines(BOOK_REVIEW, width=WIDTH)],
        column_lines(READING_LIST, width=WIDTH),
        [NEXT_TITLE],
        ["吕杰鸣", *column_lines(NEXT, width=WIDTH)],
    )
    review, following = parse_page(page, year=2020)
    assert review.title == BOOK_REVIEW_TITLE
    assert squeezed(review.paragraphs) == squeezed(BOOK_REVIEW + READING_LIST)
    assert following.title == NEXT_TITLE
    assert squeezed(following.paragraphs) == squeezed(NEXT)


def test_a_story_closed_by_its_note_over_a_headline_with_a_colon_has_ended() -> None:
    # guard: a headline ending in a colon under a closed story is the next story's, not a list's label
    page = page_of_blocks(
        [BOOK_REVIEW_TITLE],
        ["曾芳涛", *column_lines(BOOK_REVIEW, width=WIDTH)],
        ["沈铁梅：", "唱出川剧的麻辣味"],
        ["吕杰鸣", *column_lines(NEXT, width=WIDTH)],
    )
    review, following = parse_page(page, year=2020)
    assert squeezed(review.paragraphs) == squeezed(BOOK_REVIEW)
    assert following.title == "沈铁梅： 唱出川剧的麻辣味"
