"""Issue 22, tenth pass on text pages: conventions of two more kinds of paper (`benchmarks.localpages`).

Each case is a small made-up page in the shape of a failure seen on the `local_daily` (a provincial
party paper) and `evening_paper` (an evening or metropolitan paper) families' pages.
"""

from __future__ import annotations

from storage.ingest.ocr_page import find_page_date, is_byline, is_page_furniture, parse_byline, parse_page


def test_issue22_a_city_papers_byline_with_its_square_and_credit_opens_the_story():
    # Evening papers set a square before the byline, name reporters after the paper (晚报记者, 首席记者)
    # and credit the photos to the writer (文/图).
    assert parse_byline("□首席记者 彭平鸣 通讯员 傅欣艳 蒋辉怡") == (("彭平鸣",), ("傅欣艳", "蒋辉怡"))
    assert parse_byline("■晚报记者 王明峰 实习生 郑雨欣") == (("王明峰", "郑雨欣"), ())
    assert parse_byline("记者 赵兵 文/图") == (("赵兵",), ())
    page = (
        "王启东同志逝世\n\n"
        "□首席记者 彭平鸣 通讯员 傅欣艳\n"
        "我国著名材料科学家、\n"
        "教育家王启东同志，因病\n"
        "在杭州逝世，享年99岁。\n\n"
        "克服“四唯”倾向\n\n"
        "晚报记者 赵兵 文/图\n"
        "人力资源社会保障部印发\n"
        "职称制度改革指导意见。\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.title == "王启东同志逝世"
    assert first.paragraphs == ("我国著名材料科学家、教育家王启东同志，因病在杭州逝世，享年99岁。",)
    assert (first.reporters, first.correspondents) == (("彭平鸣",), ("傅欣艳",))
    assert second.title == "克服“四唯”倾向"
    assert second.reporters == ("赵兵",)
    assert second.paragraphs == ("人力资源社会保障部印发职称制度改革指导意见。",)


def test_issue22_a_city_papers_header_page_code_and_dotted_date_are_furniture():
    assert is_page_furniture("A16  社会")
    assert is_page_furniture("08  综合新闻")
    assert is_page_furniture("2019.10.29  星期二")
    assert not is_page_furniture("3岁女孩走失")
    assert not is_page_furniture("2019.10 新规实施")
    page = (
        "A16  社会\n"
        "2019.10.29  星期二\n"
        "责编 蒋梅  美编 宋思静  校对 张思\n\n"
        "全国大学生皮划艇锦标赛落幕\n\n"
        "记者 季芳\n"
        "近日，第四届全国大学生皮划\n"
        "艇锦标赛在北京落幕。\n"
    )
    assert find_page_date(page) == "2019-10-29"
    (article,) = parse_page(page, year=2019)
    assert article.title == "全国大学生皮划艇锦标赛落幕"
    assert article.date == "2019-10-29"  # 近日 on a page that prints its date
    assert article.reporters == ("季芳",)


def test_issue22_prose_is_no_byline_for_the_new_roles():
    assert not is_byline("晚报记者从市交通局获悉，地铁将延长运营。")
    assert is_byline("晨报记者 王某")
