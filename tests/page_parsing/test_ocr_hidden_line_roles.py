"""OCR'd pages, lines whose role the OCR's reading hid.

Small made-up pages in the shape of failures measured on the tuned OCR sets (`benchmarks.ocrpages`,
`benchmarks.ocrweb`).
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

# A narrow column's dateline read as two blocks: its head (``本报罗马2月23日``) alone, a blank line, then
# ``电 （记者叶琦）…``; the head had been taken for a headline and the lead for a story with no dateline.
DATELINE_APART_PAGE = (
    "人民日报\n\n"
    "2020年2月24日 星期一\n"
    "第16版 国际\n\n"
    "意大利各界声援中国抗疫\n\n"
    "本报罗马2月23日\n\n"
    "电 （记者叶琦） 22日，\n"
    "罗马各界人士在市中心\n"
    "举行音乐会，向正在抗\n"
    "击疫情的中国人民表示\n"
    "支持。意大利多位官员\n"
    "出席活动并致辞。\n\n"
    "春运首日全国铁路发送旅客千万人次\n\n"
    "本报北京2月23日电 （记者赵小红）23日，\n"
    "全国铁路发送旅客一千万人次，各地\n"
    "车站秩序井然。\n"
)


def test_issue22_a_dateline_read_apart_from_its_last_character_opens_its_story():
    rome, rail = parse_page(DATELINE_APART_PAGE, year=2020)
    assert rome.title == "意大利各界声援中国抗疫"
    assert rome.paragraphs[0].startswith("本报罗马2月23日电")
    assert rome.reporters == ("叶琦",)
    assert rome.date == "2020-02-23"
    assert rail.reporters == ("赵小红",)
    explained = "\n".join(explain_page(DATELINE_APART_PAGE, year=2020))
    assert "line 8: opens a story: a dateline" in explained


def test_issue22_a_credit_title_over_a_block_opening_with_den_is_no_dateline():
    # Only a head ending on its date joins the block under it across a blank line: ``本报记者`` over a
    # lead that happens to open with 电 (``电商…``) stays apart from it.
    page = DATELINE_APART_PAGE.replace(
        "本报罗马2月23日\n\n电 （记者叶琦） 22日，\n", "本报记者\n\n电商平台22日，\n"
    )
    first = parse_page(page, year=2020)[0]
    assert not first.paragraphs[0].startswith("本报记者电")
    assert first.paragraphs[0].startswith("电商平台22日")


# A body line a column break cut off (``据介绍，我国森林旅游近年来不断开拓创``) read right under a photo's
# credit, while no story is open: the words that open a sentence of reported text before its comma are
# no headline's, so the line is text, never the title of the block under it.
PROSE_OPENER_PAGE = (
    "人民日报\n\n"
    "2019年10月23日 星期三\n"
    "第4版 要闻\n\n"
    "上半年森林旅游达9亿人次\n\n"
    "本报北京10月22日电 （记者顾仲阳）记者\n"
    "近日从国家林草局获悉：今年上半年，全国\n"
    "森林旅游游客量达9亿人次，同比增长14%。\n\n"
    "图为游客在湖北神农架林区游览。\n\n"
    "新华社记者萧芳玉摄\n"
    "据介绍，我国森林旅游近年来不断开拓创\n\n"
    "新，森林体验、森林康养、生态露营等新产\n"
    "品、新业态百花齐放，吸引更多公众走进森林。\n"
)


def test_issue22_a_line_opening_with_ju_jieshao_is_text_not_a_headline():
    articles = parse_page(PROSE_OPENER_PAGE, year=2019)
    assert [a.title for a in articles if a.title.startswith("据介绍")] == []
    assert any("据介绍，我国森林旅游" in "".join(a.paragraphs) for a in articles)
    explained = "\n".join(explain_page(PROSE_OPENER_PAGE, year=2019))
    assert "line 15: opens a story: text: a sentence of reported text" in explained


# A headline whose column label, in display type, the OCR read a piece a block: the headline's line
# opening the label (its bracket read as ``《``), then ``共同走过。 大`` (the middle dot read as ``。``) and
# ``国小家)``. The pieces had been taken for text of the story above, and the story under them titled by
# its lead.
LABEL_APART_PAGE = (
    "人民日报\n\n"
    "2019年10月8日 星期二\n"
    "第5版 社会\n\n"
    "山村通上自来水\n\n"
    "本报成都10月7日电 （记者王明）记者从四川省\n"
    "水利厅获悉，今年全省新建农村供水工程两千\n"
    "余处，一百多万山区群众喝上了放心水。\n\n"
    "高山新房 “长”出来 《70年，\n\n"
    "共同走过。 大\n\n"
    "国小家)\n\n"
    "“以前，我们这里的房子全部是用竹子扎的，透\n"
    "风又漏雨，最多两三年时间就烂掉了。”村民俄\n"
    "底作哈回想起当时，还是感慨万千。\n\n"
    "如今，全村搬进了高山上的新房，日子越过越红火。\n"
)


def test_issue22_a_headlines_column_label_read_apart_is_one_headline_line():
    water, houses = parse_page(LABEL_APART_PAGE, year=2019)
    assert water.title == "山村通上自来水"
    assert water.paragraphs[-1].endswith("喝上了放心水。")
    assert houses.title_source == "printed"
    assert houses.title.replace(" ", "") == "高山新房“长”出来（70年，共同走过·大国小家)"
    assert houses.paragraphs[0].startswith("“以前")


def test_issue22_short_lines_that_do_not_close_the_bracket_stay_apart():
    # The pieces must close the label's bracket: without ``)`` the lines are left as they were read.
    page = LABEL_APART_PAGE.replace("国小家)\n", "国小家\n")
    houses = parse_page(page, year=2019)[-1]
    assert "·" not in houses.title


def _dated_page(dateline: str) -> str:
    return (
        "人民日报\n\n"
        "2020年1月17日 星期五\n"
        "第6版 要闻\n\n"
        "全国冬季运动会开幕\n\n"
        f"{dateline}记者从有关部门获悉，本届\n"
        "运动会吸引了众多群众参加，场面热烈。\n"
    )


def test_issue22_a_datelines_byline_with_its_opening_bracket_misread_or_lost_is_read():
    # ``人`` for ``（``; the bracket lost; ``记音`` for ``记者``: the names and the closing bracket kept.
    for dateline, reporters in (
        ("据新华社联合国2月4日电 人\n记者徐晓蔓） 2月4日，", ("徐晓蔓",)),
        ("本报北京1月16日电 记者曲颂、王远） 今天，", ("曲颂", "王远")),
        ("本报北京1月16日电 （记音张三） 今天，", ("张三",)),
    ):
        article = parse_page(_dated_page(dateline), year=2020)[0]
        assert article.reporters == reporters, dateline
        assert article.date is not None


def test_issue22_a_datelines_bracket_with_a_speck_before_jizhe_names_its_reporters():
    # A scan's blur read as a mark between the opening bracket and 记者 (``(人记者``, ``《〈记者``).
    for dateline, reporters in (
        ("本报北京10月13日电（人记者常钦）近日，", ("常钦",)),
        ("据新华社美国拉斯维加斯1月9日电 《〈记者徐兴堂） 日前，", ("徐兴堂",)),
    ):
        article = parse_page(_dated_page(dateline), year=2020)[0]
        assert article.reporters == reporters, dateline
        assert article.date is not None


def test_issue22_a_lead_opening_with_jizhe_and_no_closing_bracket_names_no_one():
    # ``记者从…获悉`` opens a lead after a bare dateline: no closing bracket, no byline.
    article = parse_page(_dated_page("本报北京1月16日电 "), year=2020)[0]
    assert article.reporters == ()


# A headline the OCR read inside another story's sentence (``…证明自己`` / headline / ``的过程，…``) while
# that story shares one of its character pairs by chance (``改善``): the line is still another story's
# headline, never text of the story it was read in.
HEADLINE_INSIDE_SHARING_A_PAIR_PAGE = (
    "敢闯路更宽（体坛观澜）\n\n"
    "中国足球还在改善的上升期，武磊此番\n"
    "能够留洋殊为不易。在世界顶级水平的\n"
    "西班牙甲级联赛里，他遇到的是不同以\n"
    "往的挑战。出去闯荡对他来说，证明自己\n\n"
    "吴江推行同工同酬改善住房\n\n"
    "的过程，也是不断提升自己的过程。武\n"
    "磊是当下中国本土球员中的佼佼者。\n\n"
    "他上个赛季成为中超联赛最佳射手，打\n"
    "破了外籍球员对这个奖项的垄断。\n\n"
    "换个角度看，这样的落差，也为武磊提\n"
    "供了再度打开向上空间的可能性。\n\n"
    "各种好政策 吸引打工者\n\n"
    "本报南京2月21日电  春节后，苏州市吴\n"
    "江区推行同工同酬，改善住房条件，人\n"
    "力资源市场里人头攒动。\n"
)


def test_issue22_a_headline_read_inside_a_sentence_sharing_one_pair_with_it_goes_to_its_story():
    football, wujiang = parse_page(HEADLINE_INSIDE_SHARING_A_PAIR_PAGE, year=2019)
    assert football.paragraphs[0].endswith(
        "证明自己的过程，也是不断提升自己的过程。武磊是当下中国本土球员中的佼佼者。"
    )
    assert wujiang.title == "吴江推行同工同酬改善住房 各种好政策 吸引打工者"
