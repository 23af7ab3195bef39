"""OCR'd pages rendered by a browser (`benchmarks.ocrweb`), line-level causes.

Small made-up pages in the shape of failures measured on the tuning seed of pages laid out in HTML,
rendered by headless Chromium and read back by Tesseract: misread brackets and digits, a header strip
read as one line, the page's rules read as a line, a photo's credit standing alone under its caption.
"""

from __future__ import annotations

from storage.ingest.line_split.misreadings import is_rule_specks, mend_misreadings
from storage.ingest.ocr_page import explain_page, parse_page
from storage.ingest.segmenter.shapes.noise import _is_garbled

# The OCR reads the round bracket before a dateline's reporters as ``〈`` or ``《`` and the digit 1 as ``]``.
MISREAD_PAGE = (
    "2020年1月26日 星期日\n\n"
    "人民日报\n\n"
    "第3版 文化\n\n"
    "春节假期交通平稳\n\n"
    "本报北京]月25日电 〈记者王小明) 公安部\n"
    "交通管理局介绍，春节假期第二天全国道路\n"
    "交通安全形势平稳，没有发生重大事故。\n\n"
    "冬日里的温泉小镇\n\n"
    "本报长春1月25日电 《记者李华) 长白山\n"
    "脚下的温泉小镇迎来了大批游客，当地推出\n"
    "冰雪温泉套票，游客量同比增长三成。\n"
)


def test_issue22_a_dateline_read_with_a_misread_bracket_and_digit_keeps_its_date_and_reporters():
    first, second = parse_page(MISREAD_PAGE, year=2020)
    assert first.title == "春节假期交通平稳"
    assert (first.date, first.reporters) == ("2020-01-25", ("王小明",))
    assert (second.date, second.reporters) == ("2020-01-25", ("李华",))
    assert first.paragraphs[0].startswith("本报北京1月25日电（记者")


def test_issue22_misreadings_are_mended_only_where_a_round_bracket_closes():
    assert mend_misreadings("改革要常讲常新《今日谈)") == "改革要常讲常新（今日谈)"
    assert mend_misreadings("张平娜摄〈人民视觉)") == "张平娜摄（人民视觉)"
    assert mend_misreadings("读了《平凡的世界》（上册）") == "读了《平凡的世界》（上册）"
    assert mend_misreadings("新华社北京]月30日电  ]月29日") == "新华社北京1月30日电  ]月29日"
    assert mend_misreadings("他说]月的事") == "他说]月的事"
    # A dateline's bracket the column wrapped before it closed; a book title's stays.
    assert (
        mend_misreadings("本报杭州10月20日电 〈记者周小苑、钱一") == "本报杭州10月20日电 （记者周小苑、钱一"
    )
    assert mend_misreadings("他在书中《记者手记") == "他在书中《记者手记"
    # ``〈`` that nothing closes on its line: a closing note the column wrapped.
    assert mend_misreadings("〈作者为中国驻法国兼驻") == "（作者为中国驻法国兼驻"
    assert mend_misreadings("第20期〈求是》杂志") == "第20期〈求是》杂志"
    assert mend_misreadings("〈新闻联播", angle_pairs=True) == "〈新闻联播"  # the page closes it later


# A running header strip (date, paper, page and section on one line, far apart) over the first
# headline, and the page's rules read as a line of dashes and bars.
STRIP_PAGE = (
    "2019年10月22日 星期二" + " " * 50 + "人民日报" + " " * 20 + "第9版 文化\n"
    "第九届北京香山论坛开幕\n\n"
    "本报北京10月21日电  第九届北京香山论坛\n"
    "21日在北京开幕，来自多个国家的代表出席\n"
    "论坛并围绕地区安全议题交流。\n\n"
    "一     一一       | 一一|\n"
    "擦亮冰雪金字招牌\n\n"
    "本报哈尔滨10月21日电  冰雪季将至，各地\n"
    "冰雪旅游项目加紧筹备，推出多条精品线路。\n"
)


def test_issue22_a_header_strip_on_one_line_and_the_rules_read_as_a_line_are_no_headline():
    first, second = parse_page(STRIP_PAGE, year=2019)
    assert first.title == "第九届北京香山论坛开幕"
    assert second.title == "擦亮冰雪金字招牌"
    assert is_rule_specks("一     一一       | 一一|") and not is_rule_specks("——")


# A photo's caption in a block of its own, its credit alone in the next block, then a feature's text
# without a dateline; and a caption set right over a story's dateline with no blank line between.
CAPTION_PAGE = (
    "各界人士共话大湾区发展机遇\n\n"
    "据新华社香港10月10日电  粤港澳大湾区论坛\n"
    "10日在港举办，与会者认为香港应放眼大湾\n"
    "区广阔市场，不断推动创新。\n\n"
    "高山新房“长”出来\n\n"
    "图为金阳县热柯觉乡的新房。\n\n"
    "本报记者贾涛浩摄\n\n"
    "“以前，我们这里的房子全部是用竹子扎\n"
    "的，透风又漏雨，最多两三年就烂掉了。”\n"
    "村民俄底作哈回想起当时，还是感慨万千。\n\n"
    "上海合作组织发表声明\n\n"
    "图为声明发布现场。\n"
    "本报北京2月14日电  2月14日，上海合作组\n"
    "织发表声明，支持中方为抗击疫情所做的努\n"
    "力，愿向中方提供必要协助。\n"
)


def test_issue22_a_caption_s_credit_standing_alone_is_no_byline_and_a_caption_over_a_dateline_is_dropped():
    first, second, third = parse_page(CAPTION_PAGE, year=2020)
    assert second.title == "高山新房“长”出来"
    assert second.reporters == () and second.paragraphs[0].startswith("“以前")
    assert third.title == "上海合作组织发表声明"
    assert third.paragraphs[0].startswith("本报北京2月14日电") and third.date == "2020-02-14"
    assert not any(
        "图为" in "".join(a.paragraphs) or "摄" in "".join(a.paragraphs) for a in (first, second, third)
    )
    explained = "\n".join(explain_page(CAPTION_PAGE, year=2020))
    assert "本报记者贾涛浩摄" in explained


# The paper's name with specks the OCR made of the masthead's other items far from it, and two
# headlines set side by side, read across both modules with the column rule between them as a bar.
BAR_PAGE = (
    "2020年2月23日 星期日\n\n"
    "人民日报                                       世:\n\n"
    "天津高新区 | 郭声琨在突击检查监管场所时强调\n\n"
    "真招实招防疫 真金白银 | 以强有力措施打赢疫情防控这场硬仗\n\n"
    "减负          新华社北京2月22日电  中共中央政治局委员郭声琨\n\n"
    "本报天津2月22日电  (记者\n"
    "靳博)  天津滨海高新区管委会给企业解\n"
    "决了214名员工的宿舍，并且不收取任何\n"
    "费用。高新区既要真招实招防疫，也要真\n"
    "金白银为企业减负。\n\n"
    "22日到北京市监管场所突击检查疫情防\n"
    "控工作。郭声琨强调，要以强有力措施打\n"
    "赢监管场所疫情防控这场硬仗。\n"
)


def test_issue22_a_garbled_masthead_is_no_headline_and_a_bar_between_headlines_cuts_their_columns():
    stories = {story.title: story for story in parse_page(BAR_PAGE, year=2020)}
    assert set(stories) == {
        "天津高新区 真招实招防疫 真金白银 减负",
        "郭声琨在突击检查监管场所时强调 以强有力措施打赢疫情防控这场硬仗",
    }
    assert stories["天津高新区 真招实招防疫 真金白银 减负"].reporters == ("靳博",)


# A page laid out in modules sets its stories in columns of different widths: a narrow one above, a
# wide one below, where a column break cut a full line with a comma off from the rest of its sentence.
MODULES_PAGE = (
    "2020年1月26日 星期日\n\n"
    "人民日报\n\n"
    "第3版 文化\n\n"
    "冬日里的温泉小镇\n\n"
    "本报长春1月25日电 长白山\n"
    "脚下的温泉小镇迎来了大批游\n"
    "客，当地推出冰雪温泉套票，\n"
    "游客量同比增长三成，酒店里\n"
    "一间间客房早已订满。\n\n"
    "来自南方的游客说，泡温泉看\n"
    "雪景是难得的体验，明年还要\n"
    "再来，还要带上家里的老人和\n"
    "孩子一起来看看北方的冬天。\n\n"
    "春节假期交通平稳\n\n"
    "南方将有大范围雨雪\n\n"
    "本报北京1月25日电 春节假期第二天，全国各主\n"
    "要高速公路、国省干线公路交通流量较昨日环比下\n"
    "降四成，全国道路交通安全形势平稳，没有发生重\n"
    "大事故。\n\n"
    "据统计，各地公安交管部门认真按照公安部的\n\n"
    "统一部署，全警动员，全力以赴，共出动警力十\n"
    "多万人次、警车六万辆次，强化路面秩序管控，\n"
    "严查重点交通违法，全力确保交通安全顺畅。\n"
)


def test_issue22_a_full_line_of_a_wide_column_is_measured_by_its_own_column_not_the_page_s():
    spa, roads = parse_page(MODULES_PAGE, year=2020)
    assert spa.title == "冬日里的温泉小镇"
    assert roads.title == "春节假期交通平稳 南方将有大范围雨雪"
    assert "".join(roads.paragraphs).endswith(
        "据统计，各地公安交管部门认真按照公安部的统一部署，全警动员，全力以赴，共出动警力十"
        "多万人次、警车六万辆次，强化路面秩序管控，严查重点交通违法，全力确保交通安全顺畅。"
    )


# A headline read under a story that ended its sentence, over a paragraph of one short sentence (no
# comma, fewer than 24 characters) the column wrapped over two lines.
SHORT_PARAGRAPH_PAGE = (
    "人民日报\n\n"
    "2019年10月11日 星期五\n\n"
    "妈祖文化旅游节开幕\n\n"
    "据新华社澳门10月10日电 第十七届澳门妈祖文化\n"
    "旅游节开幕典礼10日在澳门妈祖文化村举行，晚\n"
    "上还举行了文化专场晚会，吸引不少市民前往。\n\n"
    "爱心润春蕾 花开别样红\n\n"
    "今年是中国女童助学公益项目“春蕾计划”\n"
    "实施30年。\n\n"
    "在党和政府的高度重视和关怀下，历经30\n"
    "年发展，“春蕾计划”在惠及女童个体和家庭的\n"
    "同时，还形成了关爱女童教育的多方位资助体系。\n"
)

# The same shape under a sentence left open (``并于1997年9月9日``): the short paragraph goes on with it.
OPEN_SENTENCE_PAGE = (
    "人民日报\n\n"
    "徐发荣：无私奉献 守护安宁\n\n"
    "据新华社电 徐发荣生前是苏州市公安局三元派出\n"
    "所民警，在一次抓捕中英勇牺牲，年仅35岁。\n\n"
    "经江苏省政府批准，徐发荣被追认为革命烈士，\n"
    "并于1997年9月9日\n\n"
    "杨志坚：\n\n"
    "被公安部追授“全国公安系统二级英雄\n"
    "模范”称号。\n\n"
    "多年过去，徐发荣生前工作过的派出所已几易其名，\n"
    "但忠诚勇敢的精神是不变的。\n"
)


def test_issue22_a_short_paragraph_under_a_headline_opens_the_next_story_when_the_one_above_ended():
    festival, girls = parse_page(SHORT_PARAGRAPH_PAGE, year=2019)
    assert festival.paragraphs[-1].endswith("吸引不少市民前往。")
    assert girls.title == "爱心润春蕾 花开别样红"
    assert girls.paragraphs[0] == "今年是中国女童助学公益项目“春蕾计划”实施30年。"
    (story,) = parse_page(OPEN_SENTENCE_PAGE, year=2019)
    assert "被公安部追授“全国公安系统二级英雄模范”称号。" in story.paragraphs
    assert story.paragraphs[-1].startswith("多年过去")


# A story's headline read after its first blocks (the OCR read the module's text column before the
# headline set over its other columns): the text broke off in mid-sentence before the headline and the
# block after it opens with nothing of its own.
HEADLINE_AFTER_TEXT_PAGE = (
    "人民日报\n\n"
    "据新华社北京1月30日电 综合新华社驻外记者报道：\n"
    "29日至30日，印度、芬兰等国家首次报告新型冠状\n"
    "病毒感染病例。\n\n"
    "印度新闻局30日发表声明说，印度境内确诊首例新\n"
    "型冠状病毒感染的肺炎病例。这名患者是一名印度\n"
    "留学生，目前病情稳定，正在医院\n\n"
    "多国首次报告新型冠状病毒感染病例\n\n"
    "菲律宾卫生部30日说，该国当天确诊首例新型冠状\n"
    "病毒感染病例。患者是一名38岁女性，目前正在医\n"
    "院接受隔离治疗，病情稳定。\n\n"
    "国际社会为我国防控疫情提供支持\n\n"
    "本报北京1月30日电 疫情发生后，国际社会高度评价\n"
    "中国防控疫情努力，以不同方式表达对中国的支持。\n"
)


def test_issue22_text_after_a_headline_read_inside_its_story_goes_on_with_that_story():
    cases, support = parse_page(HEADLINE_AFTER_TEXT_PAGE, year=2020)
    assert cases.title == "多国首次报告新型冠状病毒感染病例"
    assert cases.paragraphs[-1].startswith("菲律宾卫生部30日说")
    assert support.title == "国际社会为我国防控疫情提供支持"
    explained = "\n".join(explain_page(HEADLINE_AFTER_TEXT_PAGE, year=2020))
    assert "the rest of the story above, whose sentence broke off before its headline was read" in explained
    # Where the text before the headline ended its sentence, the block after it is a story of its own.
    closed = HEADLINE_AFTER_TEXT_PAGE.replace("正在医院\n", "正在医院治疗。\n")
    assert len(parse_page(closed, year=2020)) == 3


# A section's name in display type under the masthead, read as specks among a character or two.
GARBLED_SECTION_PAGE = (
    "人民日报\n\n"
    "2019年2月7日 星期四\n"
    "第5版\n\n"
    "和E公\n"
    "-不品\n\n"
    "家乡年年变化大\n\n"
    "外出工作23年了，无论多忙，在南京打拼的卢玉\n"
    "刚，每年都会赶在除夕这天回到江西新余市的老家。\n"
)


def test_issue22_a_block_of_garbled_specks_under_the_masthead_is_no_headline():
    (story,) = parse_page(GARBLED_SECTION_PAGE, year=2019)
    assert story.title == "家乡年年变化大"
    explained = "\n".join(explain_page(GARBLED_SECTION_PAGE, year=2019))
    assert "dropped line 6 as OCR noise: 和E公" in explained
    # A short line with a digit, a sentence's end, a slash or four characters is no such line.
    assert _is_garbled("-不品") and _is_garbled("和E公")
    assert not any(_is_garbled(text) for text in ("5G来了", "A股。", "文/图", "e公益行动"))
