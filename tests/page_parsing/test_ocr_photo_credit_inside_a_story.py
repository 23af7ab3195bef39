"""OCR'd pages: a photographer's credit read inside a story's columns leaves the story open.

On a page rendered and read by Tesseract (rmrb_ocr_web 1-11, 2-1), a picture set in a story's columns
has its caption read apart and its credit on a line of its own between two of the story's blocks
(``新华社记者徐某摄``). The byline reader took the credit for a byline printed before the next story's
text: the story was closed, and the block under the credit became a story of its own (titled by its
first lines, or by an inferred title). A text story is signed by no photographer, so a credit ending in
摄 never opens a story: it is dropped as a caption and the open story goes on. And no story ends inside
a clause: a byline-shaped line (the OCR read 摄 as 报) over text, right under a story's line left on a
comma, is a picture's credit too. Made-up pages in those shapes.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

MASTHEAD = "2019年10月22日 星期二\n\n人民日报\n\n第9版 文化\n\n"

CREDIT_ALONE = (
    MASTHEAD + "湖区初冬\n\n"
    "湖区的冬天，来得格外早，十月中旬，就\n"
    "已经冰天雪地，枯草四野了。\n\n"
    "这片湖区面积很大，平均海拔超过四千\n"
    "米，全年无霜期不足六十天，年平均气温\n"
    "很低。这块连说话都喘粗气的\n\n"
    "新华社记者徐明摄\n\n"
    "“禁区”，却是野生动物真正的乐园。据县\n"
    "森林公安局介绍，生活在湖区的藏羚羊有\n"
    "十万头左右。\n\n"
    "“在保护法实施之前，这里的藏羚羊几乎\n"
    "濒临灭绝，但现在几乎随处可见。”\n"
)


def test_issue22_a_photographers_credit_between_blocks_does_not_close_the_story():
    (story,) = parse_page(CREDIT_ALONE, year=2019)
    assert story.title == "湖区初冬"
    text = "".join(story.paragraphs)
    assert "这块连说话都喘粗气的“禁区”，却是野生动物真正的乐园。" in text
    assert text.endswith("但现在几乎随处可见。”")
    assert "徐明" not in text and story.reporters == ()
    assert "dropped line 16 as caption: 新华社记者徐明摄" in explain_page(CREDIT_ALONE, year=2019)


def test_issue22_a_reporters_byline_under_a_sentence_end_still_closes_the_story():
    page = CREDIT_ALONE.replace("新华社记者徐明摄", "本报记者 徐明").replace(
        "很低。这块连说话都喘粗气的\n\n", "很低。\n\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.title == "湖区初冬" and first.reporters == ("徐明",)
    assert second.paragraphs[0].startswith("“禁区”")


CREDIT_IN_A_CLAUSE = (
    MASTHEAD + "实施最严野生动物管控措施\n\n"
    "本报北京2月27日电（记者 王明）截至2月\n"
    "26日，林草系统共出动执法人员86万多人\n"
    "次，检查人工繁育场所15.3万多处，\n\n"
    "新华社记者萧涵报\n"
    "办理野生动物违法案件690起，收缴野生动\n"
    "物3.9万多只。\n\n"
    "农业农村部门累计出动执法人员4万多人\n"
    "次，开展联动执法4000多次。\n"
)


def test_issue22_a_byline_under_a_line_left_on_a_comma_is_a_pictures_credit():
    (story,) = parse_page(CREDIT_IN_A_CLAUSE, year=2020)
    assert story.title == "实施最严野生动物管控措施" and story.reporters == ("王明",)
    text = "".join(story.paragraphs)
    assert "检查人工繁育场所15.3万多处，办理野生动物违法案件690起" in text
    assert "萧涵" not in text and text.endswith("开展联动执法4000多次。")


def test_issue22_a_byline_under_a_closed_sentence_still_opens_the_next_story():
    page = CREDIT_IN_A_CLAUSE.replace("15.3万多处，\n\n新华社记者萧涵报", "15.3万多处。\n\n新华社记者 萧涵")
    first, second = parse_page(page, year=2020)
    assert first.reporters == ("王明",) and "萧涵" not in "".join(first.paragraphs)
    assert second.paragraphs[0].startswith("办理野生动物违法案件690起")
