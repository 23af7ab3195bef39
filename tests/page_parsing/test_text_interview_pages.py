"""A 访谈 page (`benchmarks.interviewpages`, ``interview_page``), issue 22: an interview printed question
and answer (``记者：…`` / ``王建国：…``, ``问：…`` / ``答：…``), a résumé box of the person interviewed
(``人物简介`` over a line of prose), and a pull quote (a sentence of an answer repeated in quotation marks
a block apart between the columns). Each turn is a paragraph of its own; the box and the pull quote
belong to no story.

Each case is a small made-up page in the shape of failures seen on ``interview_page`` (seed 1).
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text, squeezed

WIDTH = 18

HEADS = "推动城市更新走深走实\n——访某市住房和城乡建设局局长王建国"
INTRO = (
    "城市更新关系千家万户。今年以来，某市加快推进老旧小区改造，记者就此专访了市住房和城乡建设局局长王建国。"
)
QUESTION = "记者：老旧小区改造今年有哪些新的考虑？"
ANSWER = "王建国：我们坚持先民生后提升，优先解决水电气路等基础设施问题。今年全市计划改造老旧小区三百个，惠及居民十万余户。"
QUESTION_2 = "记者：改造过程中如何听取居民意见，让群众满意？"
ANSWER_2 = "王建国：每个小区改造前都要召开居民议事会，方案公示后再开工，改造完成后由居民代表参与验收。"
NEXT_HEADS = "全市新增公共停车位两千个"
NEXT = "本报讯  记者从市交通运输局获悉，今年全市新增公共停车位两千个，主要分布在医院和学校周边。"


def _page(body: str, under_heads: str = "") -> str:
    """The interview (its heads, `under_heads`, `body`), then another story."""
    box = f"{under_heads}\n\n" if under_heads else ""
    return f"{HEADS}\n\n{box}{body}\n\n{NEXT_HEADS}\n\n{column_text(NEXT, width=WIDTH)}\n"


def _interview(page: str) -> tuple[str, tuple[str, ...]]:
    first, second = parse_page(page, year=2020)
    assert second.title == NEXT_HEADS
    return first.title, squeezed(first.paragraphs)


def test_a_questions_marker_after_a_full_line_ending_on_a_colon_opens_a_turn() -> None:
    intro = "今年老旧小区改造的重点是什么？居民关心哪些问题？记者收集了常见问题："
    assert len(wrap(intro, WIDTH)[-1]) == WIDTH  # the intro's last line is full
    title, paragraphs = _interview(
        _page(column_text(intro, "问：" + QUESTION[3:], "答：" + ANSWER[4:], width=WIDTH))
    )
    assert title == HEADS.replace("\n", " ")
    assert paragraphs == squeezed((intro, "问：" + QUESTION[3:], "答：" + ANSWER[4:]))


def test_a_speakers_name_after_a_full_line_ending_a_question_opens_the_answer() -> None:
    question = "记者：老旧小区改造今年有哪些考虑？在资金和进度方面有哪些新的工作安排？"
    assert len(wrap(question, WIDTH)[-1]) == WIDTH  # the question's last line is full
    _title, paragraphs = _interview(_page(column_text(INTRO, question, ANSWER, width=WIDTH)))
    assert paragraphs == squeezed((INTRO, question, ANSWER))


def test_a_pull_quote_repeating_an_answer_belongs_to_no_paragraph() -> None:
    quote = "“今年全市计划改造老旧小区三百个，惠及居民十万余户。”"
    for speaker in ("", "\n——王建国"):
        body = f"{column_text(INTRO, QUESTION, ANSWER, width=WIDTH)}\n\n{quote}{speaker}\n\n{column_text(QUESTION_2, ANSWER_2, width=WIDTH)}"
        _title, paragraphs = _interview(_page(body))
        assert paragraphs == squeezed((INTRO, QUESTION, ANSWER, QUESTION_2, ANSWER_2))


def test_a_quotation_set_apart_that_the_story_does_not_repeat_stays_a_paragraph() -> None:
    quote = "“老房子住得舒心了，我们打心眼里高兴。”"
    body = f"{column_text(INTRO, QUESTION, ANSWER, width=WIDTH)}\n\n{quote}\n\n{column_text(QUESTION_2, ANSWER_2, width=WIDTH)}"
    _title, paragraphs = _interview(_page(body))
    assert quote in paragraphs


def test_a_resume_box_under_the_heads_or_after_the_interview_belongs_to_no_story() -> None:
    box = "【人物简介】\n王建国，某市住房和城乡建设\n局局长。"
    body = column_text(INTRO, QUESTION, ANSWER, width=WIDTH)
    for page in (_page(body, under_heads=box), _page(f"{body}\n\n{box}")):
        title, paragraphs = _interview(page)
        assert title == HEADS.replace("\n", " ")
        assert paragraphs == squeezed((INTRO, QUESTION, ANSWER))


def test_a_questions_tail_after_a_column_break_is_no_headline_over_the_answer() -> None:
    # The question's last line, cut off by a column break, over the answer that repeats its words.
    lines = [
        "记者：对于老旧小区来说，如何立足",
        "居民的实际需求，因地制宜地科学地确定",
        "",
        "老旧小区改造标准？",
    ]
    answer = "王建国：老旧小区改造标准，首先要听居民的。我们把居民最关心的问题列入清单，逐项明确改造标准。"
    body = "\n".join([*wrap(INTRO, WIDTH), *lines, *wrap(answer, WIDTH), *wrap(QUESTION_2, WIDTH)])
    _title, paragraphs = _interview(_page(body))
    assert paragraphs == squeezed((INTRO, "".join(lines), answer, QUESTION_2))


def test_a_questions_marker_under_its_number_alone_on_its_line_opens_a_turn() -> None:
    body = f"{column_text(INTRO, width=WIDTH)}\n1\n{column_text(QUESTION, ANSWER, width=WIDTH)}\n2\n{column_text(QUESTION_2, ANSWER_2, width=WIDTH)}"
    _title, paragraphs = _interview(_page(body))
    assert paragraphs == squeezed((INTRO, "1", QUESTION, ANSWER, "2", QUESTION_2, ANSWER_2))


def test_a_dash_kicker_wider_than_the_column_over_its_headline_at_the_pages_top() -> None:
    kicker = "增加技能要求、放宽入职条件、拓宽职业空间，人社部民政部颁新规——"
    page = f"{kicker}\n养老护理员 不看学历看能力\n\n核心阅读\n{column_text(INTRO, QUESTION, ANSWER, width=WIDTH)}\n\n{NEXT_HEADS}\n\n{column_text(NEXT, width=WIDTH)}\n"
    first, second = parse_page(page, year=2020)
    assert first.title == f"{kicker} 养老护理员 不看学历看能力"
    assert squeezed(first.paragraphs) == squeezed((INTRO, QUESTION, ANSWER))
    assert second.title == NEXT_HEADS


def test_a_portraits_caption_under_the_heads_belongs_to_no_story() -> None:
    body = column_text(INTRO, QUESTION, ANSWER, width=WIDTH)
    for under_heads in ("王建国。  本报记者 李明摄", "本报记者  张伟  刘洋\n\n王建国。  本报记者 李明摄"):
        title, paragraphs = _interview(_page(body, under_heads=under_heads))
        assert title == HEADS.replace("\n", " ")
        assert paragraphs == squeezed((INTRO, QUESTION, ANSWER))
