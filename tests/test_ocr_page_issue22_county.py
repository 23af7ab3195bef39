"""Issue 22, eleventh pass on text pages: a district or county 融媒体 paper's page (`benchmarks.countypages`).

Each case is a small made-up page in the shape of a failure seen on the `county_paper` family's pages
(seed 1), or left from the tenth pass on the `local_daily` / `evening_paper` pages.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, is_page_furniture, parse_page


def test_issue22_a_county_papers_masthead_and_hotlines_head_no_story():
    page = (
        "中 牟 报\n"
        "2019年10月11日  星期五  农历己亥年九月十九\n"
        "第1412期  今日8版\n"
        "中共中牟县委主办\n"
        "中牟县融媒体中心出版\n"
        "内部资料 准印证号：豫51-9586\n\n"
        "上海国际乒乓文化节落幕\n\n"
        "本报讯 首届上海国际乒乓文化\n"
        "节日前在上海落幕，吸引近万名\n"
        "游客“打卡”。\n"
        "融媒体记者 孙龙飞\n\n"
        "新闻热线：0371-62613356  广告热线：0371-68818052\n"
        "投稿邮箱：rmtzx86@163.com\n"
        "地址：郑州市中牟县建设路68号  邮编：452985\n"
        "印刷：郑州新华印务有限公司\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.title == "上海国际乒乓文化节落幕"
    assert story.paragraphs == ("本报讯 首届上海国际乒乓文化节日前在上海落幕，吸引近万名游客“打卡”。",)
    assert story.reporters == ("孙龙飞",)
    for line in (
        "总第1025期",
        "农历庚子年正月十五",
        "国内统一连续出版物号 CN41-8754",
        "投稿邮箱：eqrm61@163.com",
    ):
        assert is_page_furniture(line), line
    # A body line that ends with 主办 or 出版 is text: only a party committee's or a media centre's is the
    # masthead's.
    assert not is_page_furniture("中国文化和旅游部主办")
    assert not is_page_furniture("底前通过审查验收并公开出版")


def test_issue22_a_units_credit_closes_the_story_and_is_neither_text_nor_byline():
    page = (
        "二七融媒\n2023年4月14日  星期五\n\n"
        "淮河路街道开展义诊活动\n\n"
        "本报讯 近日，淮河路街道开展\n"
        "义诊活动，为居民免费测量血压。\n"
        "（淮河路街道供稿）\n\n"
        "侯寨乡推进项目建设\n\n"
        "本报讯 4月6日，侯寨乡召开项\n"
        "目建设推进会。（侯寨乡供稿）\n"
    )
    first, second = parse_page(page, year=2023)
    assert first.title == "淮河路街道开展义诊活动"
    assert first.paragraphs == ("本报讯 近日，淮河路街道开展义诊活动，为居民免费测量血压。",)
    assert (first.reporters, first.correspondents) == ((), ())
    assert second.title == "侯寨乡推进项目建设"
    assert second.paragraphs == ("本报讯 4月6日，侯寨乡召开项目建设推进会。",)
    assert second.date == "2023-04-06"
    assert any("unit that supplied the story" in line for line in explain_page(page, year=2023))


def test_issue22_a_numbered_column_of_briefs_splits_into_its_items():
    page = (
        "要闻简讯\n\n"
        "一、区委召开常委会会议\n"
        "4月3日，区委召开常委会会议，\n"
        "研究部署近期重点工作。\n"
        "（通讯员 李明）\n"
        "二、全区春季植树活动启动\n"
        "近日，全区春季义务植树活动\n"
        "正式启动。\n\n"
        "三、侯寨乡举办招聘会\n"
        "近日，侯寨乡举办春风行动招\n"
        "聘会，提供岗位300余个。\n"
    )
    stories = parse_page(page, year=2023)
    assert [s.title for s in stories] == ["区委召开常委会会议", "全区春季植树活动启动", "侯寨乡举办招聘会"]
    assert stories[0].paragraphs == ("4月3日，区委召开常委会会议，研究部署近期重点工作。",)
    assert stories[0].reporters + stories[0].correspondents == ("李明",)
    assert stories[2].paragraphs == ("近日，侯寨乡举办春风行动招聘会，提供岗位300余个。",)


def test_issue22_a_numbered_line_inside_a_story_stays_its_sub_heading():
    # No column of briefs opened the story: ``二、…`` is a sub-heading of its text, as before.
    page = (
        "区领导调研项目建设\n\n"
        "本报讯 4月6日，区领导到侯寨乡\n"
        "调研项目建设。\n"
        "一、加强项目管理\n"
        "要做好项目跟踪服务。\n"
        "二、坚持产城融合\n"
        "要优化产业布局。记者 景静\n"
    )
    (story,) = parse_page(page, year=2023)
    assert story.title == "区领导调研项目建设"
    assert story.reporters == ("景静",)
    assert len(story.paragraphs) >= 3


def test_issue22_a_picture_story_under_its_label_takes_its_photographer_as_author():
    page = (
        "图片新闻\n\n"
        "北京编纂4部市级传统村落志\n\n"
        "北京市日前开始编纂4部市级传统\n"
        "村落志。图为活动现场。 融媒体记者 宋鹏远 摄\n\n"
        "讲文明 树新风\n"
        "二七区文明办 宣\n\n"
        "西安新城区开设政治生活馆\n\n"
        "佩戴党徽、整齐队列……站在第二党\n"
        "员政治生活馆前，陕西西安新城区的\n"
        "党员干部们在讲解员的带领下步入馆\n"
        "内。董超摄\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.title == "北京编纂4部市级传统村落志"
    assert first.paragraphs == ("北京市日前开始编纂4部市级传统村落志。图为活动现场。",)
    assert first.reporters == ("宋鹏远",)
    # Without a label: the credit after the caption's sentence on its line.
    assert second.title == "西安新城区开设政治生活馆"
    assert second.paragraphs == (
        "佩戴党徽、整齐队列……站在第二党员政治生活馆前，陕西西安新城区的党员干部们在讲解员的带领下步入馆内。",
    )
    assert second.reporters == ("董超",)


def test_issue22_the_county_family_is_reproducible_and_keeps_credits_out_of_the_truth():
    import pytest

    from benchmarks import countypages, rmrb

    if not rmrb.available():
        pytest.skip(f"no People's Daily corpus at {rmrb.root()}")
    first = countypages.make_family(countypages.COUNTY, 2, seed=7)
    again = countypages.make_family(countypages.COUNTY, 2, seed=7)
    assert [p.text for p in first] == [p.text for p in again]
    for page in first:
        assert len(page.expected) == len(page.conventions)
        for story in page.expected:
            text = "".join(story.paragraphs)
            assert story.title and text
            assert not any(mark in text for mark in ("供稿", "下转第", "上接第", "新闻热线", "准印证"))
