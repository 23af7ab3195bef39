"""A readers' letters page (`benchmarks.letterspages`, ``letters_page``): each letter signed at its end by
its reader's place and name on a line of its own (``山西太原市  刘  洪``). The signature is the letter's
last paragraph: never the next story's headline, never run on to the letter's last sentence.

Each case is a small made-up page in the shape of failures seen on ``letters_page`` (seed 1).
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from storage.ingest.page_lines import is_reader_signature
from tests.page_parsing.layout import column_text, squeezed

WIDTH = 18
LETTER = "国庆期间，笔者带孩子去一所大学参观，却发现校门口有“黄牛”收费带人入校。学校应加强管理。"
REPLY = "报道刊出后，问题得到有关部门高度重视，对小区楼道的小广告进行了全面清除。"
# Fills its last line: the signature under it must still be a paragraph of its own.
FULL = "报道刊出后，有关部门对小区楼道进行了全面清理，还粉刷了楼道墙面扶手。"


def test_a_signature_in_a_letters_shape() -> None:
    assert is_reader_signature("山西太原市  刘  洪")
    assert is_reader_signature("深圳宝安区 梁修明")
    assert is_reader_signature("\u3000\u3000江西南昌县  胡亮梅")


def test_no_signature_without_a_place_or_a_space() -> None:
    assert not is_reader_signature("山西太原市刘洪")  # no space between place and name
    assert not is_reader_signature("楼道小广告清除了")
    assert not is_reader_signature("本报记者  王乐文")
    assert not is_reader_signature("深圳宝安区 梁修明表示")  # more than four characters after the place: text


def test_a_signature_closes_its_letter_and_is_no_headline_of_the_next() -> None:
    page = (
        f"校园游被“黄牛”搅局（身边事）\n\n{column_text(LETTER, width=WIDTH)}\n江西南昌县  胡亮梅\n\n"
        f"楼道小广告清除了（反馈）\n\n{column_text(REPLY, width=WIDTH)}\n山西太原市  刘  洪\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "校园游被“黄牛”搅局（身边事）"
    assert squeezed(first.paragraphs) == squeezed((LETTER, "江西南昌县胡亮梅"))
    assert second.title == "楼道小广告清除了（反馈）"
    assert squeezed(second.paragraphs) == squeezed((REPLY, "山西太原市刘洪"))


def test_a_signature_under_a_full_last_line_is_a_paragraph_of_its_own() -> None:
    assert [len(line) for line in wrap(FULL, WIDTH)] == [WIDTH - 2, WIDTH]
    page = f"楼道小广告清除了（反馈）\n\n{column_text(FULL, width=WIDTH)}\n山西太原市  刘  洪\n"
    (story,) = parse_page(page, year=2020)
    assert squeezed(story.paragraphs) == squeezed((FULL, "山西太原市刘洪"))


def test_a_head_under_a_signature_and_a_blank_line_opens_the_next_story() -> None:
    """A letter signed, a blank line, the next item's head: the head is no sub-head of the letter
    above, since the signature closed it."""
    page = (
        f"校园游被“黄牛”搅局（身边事）\n\n{column_text(LETTER, width=WIDTH)}\n安徽怀宁县  吴良伦\n\n"
        f"利用口罩实施诈骗，当严惩（身边事）\n\n{column_text(REPLY, width=WIDTH)}\n福建龙岩市  蔡庆阳\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "校园游被“黄牛”搅局（身边事）"
    assert squeezed(first.paragraphs) == squeezed((LETTER, "安徽怀宁县吴良伦"))
    assert second.title == "利用口罩实施诈骗，当严惩（身边事）"
    assert squeezed(second.paragraphs) == squeezed((REPLY, "福建龙岩市蔡庆阳"))


def test_a_signature_alone_after_a_column_break_stays_with_its_letter() -> None:
    """A column ended under the letter's last sentence, its signature opening the next column (a
    blank line between): still the letter's last paragraph, never the next head's first line nor a
    headline of its own at the page's foot."""
    page = (
        f"校园游被“黄牛”搅局（身边事）\n\n{column_text(LETTER, width=WIDTH)}\n\n江西南昌县  胡亮梅\n\n"
        f"楼道小广告清除了（反馈）\n\n{column_text(REPLY, width=WIDTH)}\n\n山西太原市  刘  洪\n\n（本版编辑：邓建）\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "校园游被“黄牛”搅局（身边事）"
    assert squeezed(first.paragraphs) == squeezed((LETTER, "江西南昌县胡亮梅"))
    assert second.title == "楼道小广告清除了（反馈）"
    assert squeezed(second.paragraphs) == squeezed((REPLY, "山西太原市刘洪"))


def test_a_kicker_wider_than_the_column_over_a_tagged_headline_opens_the_page() -> None:
    """A kicker of comma-parted phrases set wider than the column, over a headline closed by its
    column's tag (``（来信调查）``), a blank line under them: the story's heads, not its first paragraph."""
    kicker = "一段时间以来，早教机构诱导消费者预付课时费之后却关门跑路的事件时有发生"
    head = "预付费风险，如何防范？（来信调查）"
    page = f"读者来信  第7版\n2020年1月13日  星期一\n\n{kicker}\n{head}\n\n" + "\n".join(
        wrap(LETTER, 20) + wrap(REPLY, 20)
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == f"{kicker} {head}"
    assert squeezed(story.paragraphs) == squeezed((LETTER, REPLY))


def test_a_wide_first_line_over_a_line_without_a_tag_stays_text() -> None:
    """The same wide line over a line closed by no bracketed tag is no kicker: a story's text."""
    wide = "一段时间以来，早教机构诱导消费者预付课时费之后却关门跑路的事件时有发生"
    page = f"预付费风险如何防范\n\n{wide}\n{column_text(LETTER, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert story.title == "预付费风险如何防范"
    assert squeezed(story.paragraphs)[0].startswith("一段时间以来")


# A round-up's lead-in set in bold as a paragraph ending no sentence, over a paragraph whose second line
# is a cell short because ``“生`` did not fit on it.
BOLD_LEAD = "只要占用消防通道就应追责，对相关部门的管理不到位，也应严肃问责"
CARRIED = "堵塞通道就等于阻止生命救援，必须重拳出击。近期，有关部门下发《打通“生命通道”集中攻坚行动方案》，要求全面清除各类障碍物。"


def test_a_paragraph_ending_no_sentence_over_a_first_line_and_a_carried_line_ends() -> None:
    assert [len(line) for line in wrap(CARRIED, WIDTH)][:2] == [WIDTH - 2, WIDTH - 1]
    page = (
        f"堵塞消防通道必须重拳出击（来信综述）\n\n{column_text(LETTER, width=WIDTH)}\n{column_text(REPLY, width=WIDTH)}\n"
        f"{column_text(BOLD_LEAD, width=WIDTH)}\n{column_text(CARRIED, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2019)
    assert squeezed(story.paragraphs) == squeezed((LETTER, REPLY, BOLD_LEAD, CARRIED))


# A reader's words set as a sub-heading of two lines, a quotation ending no sentence, its closing mark hung
# past the column's edge.
QUOTED_HEAD = "“看到新政策，我们都很开心。但这一政策在我们这里一直都还没有得到落实”"
QUOTED_LEAD = "“国家这一新政策很好，但我们几乎感受不到。”记者采访当地不同乡镇近10位村医，得到了相近的回答。"


def test_a_full_line_ending_no_sentence_over_a_line_set_only_as_a_first_line_ends_its_paragraph() -> None:
    assert [len(line) for line in wrap(QUOTED_HEAD, WIDTH)] == [WIDTH - 2, WIDTH + 1]
    page = (
        f"这笔补助款去哪里了（来信调查）\n\n{column_text(LETTER, width=WIDTH)}\n{column_text(REPLY, width=WIDTH)}\n"
        f"{column_text(QUOTED_HEAD, width=WIDTH)}\n{column_text(QUOTED_LEAD, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2019)
    assert squeezed(story.paragraphs) == squeezed((LETTER, REPLY, QUOTED_HEAD, QUOTED_LEAD))


# A paragraph's inner line left two cells short because ``“‘脱`` (two opening marks and a character, three
# cells) did not fit on it.
NESTED_QUOTE = (
    "据报道，英伦航空突然宣布停止营运，经营英伦航空的区域航空有限公司表示燃油成本和碳排放成本，"
    "但同时强调，“‘脱欧’进程的不确定性严重影响了公司的交易和未来发展前景。”公司已经申请破产。"
)


def test_a_line_short_of_two_opening_marks_and_a_character_is_no_first_line() -> None:
    lines = wrap(NESTED_QUOTE, WIDTH)
    assert [len(line) for line in lines[1:4]] == [WIDTH, WIDTH - 2, WIDTH]
    assert lines[3].startswith("“‘")
    page = f"“脱欧”僵局冲击英国航空业\n\n{column_text(LETTER, width=WIDTH)}\n{column_text(NESTED_QUOTE, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2019)
    assert squeezed(story.paragraphs) == squeezed((LETTER, NESTED_QUOTE))
