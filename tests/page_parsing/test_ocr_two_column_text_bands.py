"""OCR'd pages rendered by a browser (`benchmarks.ocrweb`): a story's two columns read across, line by line.

Tesseract sometimes reads two columns of one story side by side, each line holding a piece of the left
column, a bar (or a wide gap) and a piece of the right one. Made-up pages in the shape of the failures
measured on the Chromium seeds: the band is cut into its columns and read in the order the story goes on.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from storage.ingest.page_line_split import _split_lines

# The left column ends a sentence at the band's foot; the right one stops inside a sentence and goes on
# under the band.
LEFT_ENDS_PAGE = (
    "2020年1月8日 星期三\n\n"
    "人民日报\n\n"
    "第4版 社会\n\n"
    "山区小学迎来新校车\n\n"
    "本报昆明1月7日电 〈记者李明) 一辆   据校长介绍，学校的学生大多住在山\n"
    "崭新的校车近日开进了山区的小学。这 | 里，过去上学要走两个小时的山路，\n"
    "辆校车由当地企业捐赠，可以坐三十多 | 遇到下雨天路滑，家长们都很担心\n"
    "名学生，每天早晚各接送一趟学生。 | 孩子的安全问题，现在终于可以\n\n"
    "放心了。校车每天早上七点从村口出发，\n"
    "半个小时就能把孩子们送到学校。\n"
)

# Both columns stop inside a sentence: the block under the band is the left column's rest, and the
# right column, then its own rest, come after it.
BOTH_OPEN_PAGE = (
    "2020年3月2日 星期一\n\n"
    "人民日报\n\n"
    "第6版 社会\n\n"
    "社区食堂开到家门口\n\n"
    "早上八点，城东社区的食堂已经 | 盛好饭菜，一份一份送到老人家\n"
    "坐满了前来吃早饭的老人。食堂 | 里。社区书记王芳说，食堂开业\n"
    "负责人说，对行动不便的老人， | 三个月来，每天都有一百多位老\n"
    "志愿者们每天会提前 | 人来这里吃\n\n"
    "打电话询问需要，再按照口味\n"
    "和身体状况搭配，然后\n\n"
    "饭，大家都说饭菜合口味。\n"
)


def _body(page: str) -> str:
    (story,) = parse_page(page, year=2020)
    return "".join(story.paragraphs)


def test_issue22_a_two_column_band_whose_left_column_ends_a_sentence_is_read_as_printed():
    body = _body(LEFT_ENDS_PAGE)
    assert body.index("每天早晚各接送一趟学生。") < body.index("据校长介绍")
    assert "现在终于可以放心了。" in body
    texts = [line.text for line in _split_lines(LEFT_ENDS_PAGE)[0]]
    assert (
        texts.index("据校长介绍，学校的学生大多住在山") == texts.index("名学生，每天早晚各接送一趟学生。") + 1
    )


def test_issue22_a_two_column_band_whose_columns_both_stop_mid_sentence_reads_the_left_rest_first():
    body = _body(BOTH_OPEN_PAGE)
    assert "志愿者们每天会提前打电话询问需要" in body
    assert "然后盛好饭菜，一份一份送到老人家里。" in body
    assert "人来这里吃饭，大家都说饭菜合口味。" in body
    assert body.startswith("早上八点，城东社区的食堂已经坐满了")


def test_issue22_a_band_of_headlines_beside_text_keeps_the_left_column_last():
    # Short pieces (a headline beside a dateline) are no story's text read across: the band keeps its
    # reading, the left column over the text the OCR reads next.
    page = (
        "两会特刊          本报北京3月1日电\n"
        "代表委员热议民生          （记者张华）\n\n"
        "全国两会召开在即，代表委员们纷纷\n"
        "围绕民生话题建言献策。\n"
    )
    texts = [line.text for line in _split_lines(page)[0]]
    assert texts.index("两会特刊") > texts.index("本报北京3月1日电")
