"""Text pages built from People's Daily articles: photo credits, second dispatches and headlines under their stories.

Each case is a small made-up page in the shape of a failure seen on the tuned families' pages.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page
from storage.ingest.page_headlines import HeadlineGroup, match_headlines


def test_issue22_a_photo_credit_under_a_picture_storys_text_is_its_last_paragraph():
    # A picture story: its text describes the photo and the photo's credit is set right under it, in the
    # same block. The paper prints the credit as the story's last paragraph; the headline under it goes
    # to the next story.
    page = (
        "精准稳妥复工复产\n\n"
        "本报记者  杨  迅\n"
        "各地在做好疫情防控工作的前\n"
        "提下，精准稳妥推进各类企业复工\n"
        "复产。图为工人忙着搭建脚手架。\n"
        "许华森摄（影像中国）\n\n"
        "抓紧做好发展党员工作\n\n"
        "本报北京2月26日电  （记者姜洁）近日，\n"
        "中央组织部印发通知，要求各级党组\n"
        "织抓紧做好在抗疫一线发展党员工作。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "精准稳妥复工复产"
    assert first.paragraphs == (
        "各地在做好疫情防控工作的前提下，精准稳妥推进各类企业复工复产。图为工人忙着搭建脚手架。",
        "许华森摄（影像中国）",
    )
    assert second.title == "抓紧做好发展党员工作"
    assert any("photo credit right under the story's text" in line for line in explain_page(page, year=2020))


def test_issue22_a_photo_credit_a_column_break_set_apart_still_ends_its_story():
    # A column break fell between the story's last sentence and its photo's credit: the credit is still
    # the story's; a caption's credit, after its ``图为…`` block, is still dropped.
    page = (
        "大山深处采笋人\n\n"
        "采笋十分辛苦，一天下来要\n"
        "翻山越岭走十几公里的山路，\n"
        "但赵明、田维书夫妻心里像\n"
        "\n"
        "图为金佛山。\n"
        "杨晓摄（人民视觉）\n\n"
        "吃了蜜一样甜。\n"
        "\n"
        "瞿明斌摄（影像中国）\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.title == "大山深处采笋人"
    assert article.paragraphs == (
        "采笋十分辛苦，一天下来要翻山越岭走十几公里的山路，但赵明、田维书夫妻心里像吃了蜜一样甜。",
        "瞿明斌摄（影像中国）",
    )


def test_issue22_a_second_dispatch_inside_a_storys_block_stays_in_the_story():
    # One headline over two phone calls, each its own Xinhua dispatch: the second dateline repeats the
    # first one's source and place inside the same block, after a sentence end. The story goes on; a
    # story after a blank line, with its own dateline, is another story.
    page = (
        "王毅分别同法国、印尼通电话\n\n"
        "据新华社北京2月8日电\n"
        "2月7日，国务委员兼外交部长\n"
        "王毅应约同法国总统外事顾问\n"
        "博纳通电话。\n"
        "据新华社北京2月7日电\n"
        "2月7日，王毅应约同印尼统筹\n"
        "部长卢胡特通电话。\n\n"
        "国办要求做好交通保通保畅\n\n"
        "新华社北京2月8日电  国务院办公\n"
        "厅日前印发通知，要求确保人员车\n"
        "辆正常通行。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "王毅分别同法国、印尼通电话"
    assert first.paragraphs == (
        "据新华社北京2月8日电 2月7日，国务委员兼外交部长王毅应约同法国总统外事顾问博纳通电话。",
        "据新华社北京2月7日电 2月7日，王毅应约同印尼统筹部长卢胡特通电话。",
    )
    assert first.date == "2020-02-08"
    assert second.title == "国办要求做好交通保通保畅"
    assert any("a second dispatch of the open story" in line for line in explain_page(page, year=2020))


def test_issue22_a_headline_with_a_comma_under_its_storys_last_sentence_before_the_next_headline():
    # The headline is printed right under its story's last sentence, no blank line between, and holds a
    # comma; the next headline follows after a blank line. No sentence goes on into a headline, so the
    # line is this story's headline, not its last paragraph.
    page = (
        "本报记者  赵婀娜\n"
        "根据北京市招考委日前发布的方案，北京\n"
        "市2020年高考时间调整为4天，考试科目\n"
        "和时间均有变化。\n"
        "北京高考，改4天了\n\n"
        "全国自由式滑雪冠军赛落幕\n\n"
        "本报呼伦贝尔1月19日电  （记者张枨）\n"
        "19日，全国自由式滑雪雪上技巧冠军赛\n"
        "在扎兰屯市落幕。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "北京高考，改4天了"
    assert first.paragraphs == (
        "根据北京市招考委日前发布的方案，北京市2020年高考时间调整为4天，考试科目和时间均有变化。",
    )
    assert second.title == "全国自由式滑雪冠军赛落幕"


def test_issue22_a_headline_with_an_exclamation_inside_under_its_storys_last_sentence():
    # ``致敬！逆向而行的白衣天使``: one ``！`` inside the line, the next story's byline after the blank.
    page = (
        "本报记者  杨  迅\n"
        "在这个不寻常的除夕，是逆向而行的白衣天使，\n"
        "给全国民众带来了最温暖、最坚定的力量。\n"
        "致敬！逆向而行的白衣天使\n\n"
        "本报记者  王  珏\n"
        "经过十几公里的蜿蜒山路，记者来到边防连。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "致敬！逆向而行的白衣天使"
    assert first.paragraphs == (
        "在这个不寻常的除夕，是逆向而行的白衣天使，给全国民众带来了最温暖、最坚定的力量。",
    )
    assert second.reporters == ("王珏",)


def test_issue22_the_headline_under_a_story_starts_after_its_last_sentence():
    # ``士致敬！`` ends the sentence the line above began; the headline under it is the line after, a
    # label in brackets after its ``！``.
    page = (
        "本报记者  王  珏\n"
        "强国必须强军，巩固的国防、\n"
        "强大的军队是国家安全的坚强后\n"
        "盾。向所有负重前行的共和国勇\n"
        "士致敬！\n"
        "致敬负重前行的勇士！(记者手记)\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.title == "致敬负重前行的勇士！(记者手记)"
    assert article.paragraphs == (
        "强国必须强军，巩固的国防、强大的军队是国家安全的坚强后盾。向所有负重前行的共和国勇士致敬！",
    )


def test_issue22_a_relayed_dispatch_from_the_same_source_and_place_stays_in_the_story():
    # ``新华社北京电`` opens the story, ``据新华社北京2月8日电`` (the same source, relayed) its second call.
    page = (
        "王毅分别同埃及、塞内加尔外长通电话\n\n"
        "新华社北京电  2月7日，国务委员兼外长\n"
        "王毅应约同埃及外长舒凯里通电话。\n"
        "据新华社北京2月8日电  2月8日，王毅应\n"
        "约同塞内加尔外长阿马杜·巴通电话。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.paragraphs == (
        "新华社北京电 2月7日，国务委员兼外长王毅应约同埃及外长舒凯里通电话。",
        "据新华社北京2月8日电 2月8日，王毅应约同塞内加尔外长阿马杜·巴通电话。",
    )


def test_issue22_a_title_with_a_comma_under_its_kicker_in_one_block_opens_the_next_story():
    # The kicker ends in a dash and the title under it, in the same block, holds a comma: the two are
    # a headline between the story above (its sentence ended) and the next one, not the first story's
    # text.
    page = (
        "西藏那曲罗玛镇 养殖牦牛有奔头\n\n"
        "扎西同珠说，噶尔德基地还有\n"
        "一大块牧场，“牦牛可以再多养\n"
        "些，收益也能再高些。”\n\n"
        "一名辽宁援鄂护士的武汉日记——\n"
        "勇挑重担，我已经做好准备\n\n"
        "29日，是我到武汉的第四天，\n"
        "明天我终于要走上一线的夜班\n"
        "岗位，勇挑重担，我已经做好\n"
        "了准备。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.paragraphs == ("扎西同珠说，噶尔德基地还有一大块牧场，“牦牛可以再多养些，收益也能再高些。”",)
    assert second.title == "一名辽宁援鄂护士的武汉日记—— 勇挑重担，我已经做好准备"
    assert second.paragraphs[0].startswith("29日，是我到武汉的第四天")


def test_issue22_a_datelines_reporters_set_with_spaces_before_them_go_on_from_it():
    # The reporters in brackets open the next line after two spaces; the lead runs on after them, in
    # the dateline's paragraph.
    page = (
        "马来西亚羽毛球大师赛中国队收获三冠\n\n"
        "新华社北京电 据新华社吉隆坡1月12日电\n"
        "  （记者林昊）2020年马来西亚羽毛球大师赛\n"
        "12日结束，中国队共收获女单、女双和混双3\n"
        "项冠军。\n"
        "女单决赛中，中国队选手陈雨菲开局一度落\n"
        "后，但在追成8∶8后逐渐掌握主动。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].endswith("中国队共收获女单、女双和混双3项冠军。")


def test_issue22_a_headline_with_a_comma_a_line_over_a_lead_without_a_dateline():
    # Two headline lines with a comma each, after a story its byline closed, right over a lead printed
    # without a dateline: its first line is set two cells short of the column (the indent the OCR
    # dropped) over a full line, so the lead starts there and the two lines are its headline.
    page = (
        "外逃人员戴跃兵被强制遣返回国\n\n"
        "新华社北京10月13日电\n"
        "我们将继续加大与有关国家执\n"
        "法合作力度，坚决把外逃腐败\n"
        "分子缉拿归案、绳之以法。\n"
        "(完)\n"
        "记者 姜洁\n\n"
        "体操世锦赛，中国队收获3银2铜\n"
        "备战奥运会，还要加把劲\n\n"
        "当地时间10月13日，2019\n"
        "年体操世锦赛在德国斯图加特\n"
        "落幕。中国体操队共获得3银2\n"
        "铜。\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.reporters == ("姜洁",)
    assert second.title == "体操世锦赛，中国队收获3银2铜 备战奥运会，还要加把劲"
    assert second.paragraphs == (
        "当地时间10月13日，2019年体操世锦赛在德国斯图加特落幕。中国体操队共获得3银2铜。",
    )


def test_issue22_a_headline_is_read_without_its_column_label_too():
    # Two headlines under the last story, each closing with a column label in brackets. The second
    # one's label is long and its story never repeats it: read without it, the title points to the
    # last story, which is headless. A number in brackets (``（第3号）``) is the title's own.
    texts = [
        "外在推力只有转化为内生动力，才能持久。改革要久久为功。",
        "今年打算联系周边几位种粮大户抱团发展，订好了农药、种子，就等疫情过后大干一场。",
    ]
    groups = [
        HeadlineGroup(
            gap=2, lines=("把外在推力转化为内生动力（今日谈）",), text="把外在推力转化为内生动力（今日谈）"
        ),
        HeadlineGroup(
            gap=2,
            lines=("订好农资备春耕（统筹抓好改革发展稳定各项工作）",),
            text="订好农资备春耕（统筹抓好改革发展稳定各项工作）",
        ),
    ]
    assert match_headlines(texts, groups) == [[0], [1]]


def test_issue22_a_subtitle_under_its_main_line_stays_with_it_when_another_story_holds_its_headline():
    # ``栗战书主持会议`` under ``人大常委会第九次会议在京闭幕`` repeats the first story's text most, but
    # that story's headline is printed elsewhere on the page; the subtitle fits the second story well
    # enough, and a story's headline groups stand together.
    def group(gap: int, text: str) -> HeadlineGroup:
        return HeadlineGroup(gap=gap, lines=(text,), text=text)

    texts = [
        "栗战书委员长主持召开第二十六次委员长会议，会议决定将常委会工作报告稿交付表决。栗战书主持会议并讲话。",
        "十三届全国人大常委会第九次会议在京闭幕。栗战书主持。",
    ]
    groups = [
        group(0, "栗战书主持召开委员长会议"),
        group(2, "人大常委会第九次会议在京闭幕"),
        group(2, "栗战书主持会议"),
    ]
    assert match_headlines(texts, groups) == [[0], [1, 2]]


def test_issue22_a_note_naming_the_combined_sources_is_a_paragraph_of_its_own():
    # ``（综合本报和新华社电）`` after the last sentence, that sentence ending at the column's edge: a
    # note closing the story, set as a paragraph of its own, as ``（本报东京电）`` is.
    page = (
        "湘西十八洞村 脱贫了，我要再脱单\n\n"
        "有了稳定的收入，杨云妃遐想自\n"
        "己的另一半：不论收入，踏实、\n"
        "人品好、勤劳就可以，今后，两\n"
        "人一起用勤劳双手致富奔小康。\n"
        "（综合本报和新华社电）\n"
    )
    (article,) = parse_page(page, year=2019)
    assert article.paragraphs == (
        "有了稳定的收入，杨云妃遐想自己的另一半：不论收入，踏实、人品好、勤劳就可以，今后，两人一起用勤劳双手致富奔小康。",
        "（综合本报和新华社电）",
    )


def test_issue22_an_epigraph_over_a_first_line_set_with_digits_ends_its_paragraph():
    # The summary's last line fills the column (12 cells) without a full stop; the next line, holding
    # digits, stops half a cell short of a first line's 10 cells (the next character did not fit) over
    # a full line: a paragraph starts there.
    page = (
        "当国家青年队走进校园\n\n"
        "这种模式更重视青年人成长\n"
        "中所需要的多元能量，更在\n"
        "意为他们带来成长中的色彩\n"
        "这个冬天，U15（15岁\n"
        "以下）国家青年男篮来到北\n"
        "大附中展开冬训之旅。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.paragraphs == (
        "这种模式更重视青年人成长中所需要的多元能量，更在意为他们带来成长中的色彩",
        "这个冬天，U15（15岁以下）国家青年男篮来到北大附中展开冬训之旅。",
    )


def test_issue22_a_short_line_ending_in_a_closing_quote_before_a_first_line_ends_its_paragraph():
    # ``合理、充满活力的“大国良师”``: clearly short, no full stop, its last word in quotes; the next
    # line is two cells short (an indent) over a full line.
    page = (
        "夯实之举 破题之举\n\n"
        "社会声望，安心从教、热心从教，才能\n"
        "培养造就师德高尚、业务精湛、结构合\n"
        "理、充满活力的“大国良师”\n"
        "教师是立教之本、兴教之源。难题\n"
        "能否解决、解决效果如何，关系我国教\n"
        "师队伍的整体质量。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.paragraphs[0].endswith("充满活力的“大国良师”")
    assert article.paragraphs[1].startswith("教师是立教之本")


def test_issue22_a_lone_character_ending_a_word_before_an_unindented_first_line_is_text():
    # ``这是好`` / ``事``: the lone character ends the summary's last word; the next line is set two cells
    # short of the 13-cell column (a first line whose indent the OCR dropped) over a full line.
    page = (
        "反向过年，不变的是团圆\n\n"
        "新华社北京电 亲情仍在，\n"
        "有了多样的实现方式，这是好\n"
        "事\n"
        "今年春节，笔者一家过了\n"
        "个“反向年”。节前，父母从\n"
        "老家自驾来京团圆。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert article.paragraphs == (
        "新华社北京电 亲情仍在，有了多样的实现方式，这是好事",
        "今年春节，笔者一家过了个“反向年”。节前，父母从老家自驾来京团圆。",
    )


def test_issue22_a_second_dispatch_with_its_own_reporter_stays_in_the_story():
    # Both dispatches name their reporter in brackets; the second, from the same source and place,
    # goes on inside the story's block. The story's reporter is the first dispatch's.
    page = (
        "香港举行升旗仪式庆祝新中国成立70周年\n\n"
        "本报香港10月1日电  （记\n"
        "者张庆波）1日8时，香港金紫荆\n"
        "广场，五星红旗冉冉升起。\n"
        "本报香港10月1日电  （记\n"
        "者陈然）10月1日，香港社会各\n"
        "界以多种方式庆祝新中国成立70\n"
        "周年。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert article.reporters == ("张庆波",)
    assert len(article.paragraphs) == 2
    assert article.paragraphs[1].endswith("香港社会各界以多种方式庆祝新中国成立70周年。")


def test_issue22_a_dateline_inside_a_sentence_of_the_open_story_opens_no_story():
    # ``本报讯 1月23日上午，`` runs on into ``据新华社电（记者蒋成）``; ``…23日，据`` into ``新华社电…``: the
    # quoted dateline is the story's text, not another story's start.
    for first_line, second_line in (
        ("本报讯 1月23日上午，", "据新华社电（记者蒋成）"),
        ("本报讯 1月23日，据", "新华社电（记者蒋成）"),
    ):
        page = (
            "杨书勤 爆炸现场 勇护战友\n\n"
            f"{first_line}\n"
            f"{second_line}\n"
            "“小时候，父亲总是很忙，\n"
            "有时一两个月才能见到他。”\n"
        )
        (article,) = parse_page(page, year=2020)
        assert article.title == "杨书勤 爆炸现场 勇护战友"
        assert article.paragraphs[0].endswith("有时一两个月才能见到他。”")


def test_issue22_a_line_leaving_a_bracket_open_does_not_end_its_paragraph():
    # ``新华社杭州10月 9日电（记者`` is short, the next line a first line's width over a full line; but
    # the bracket it opens closes on the next line: the paragraph goes on.
    page = (
        "胡春华强调 确保高质量打赢脱贫攻坚战\n"
        "\n"
        "新华社杭州10月 9日电（记者\n"
        " 江远芳）中共中央政治局委员、\n"
        "国务院扶贫开发领导小组组长胡春\n"
        "华9日在京主持召开国务院扶贫开\n"
        "发领导小组全体会议。他强调，要\n"
        "深入贯彻习近平总书记关于扶贫工\n"
        "作的重要论述，按照党中央、国务\n"
        "院决策部署，坚持目标标准，聚焦\n"
        "短板弱项，不折不扣抓好扶贫各项\n"
        "政策举措和工作落实，确保高质量\n"
        "打赢脱贫攻坚战。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert len(article.paragraphs) == 1
    assert article.reporters == ("江远芳",)


def test_issue22_a_summary_a_cell_short_before_a_quote_opening_a_first_line_ends_its_paragraph():
    # The column holds 16 cells. The summary's last line stops a cell short without an end mark; the
    # next line opens with ``“`` and is set two cells short (a first line) over a full line, so the
    # quote mark did not go down from the line above: a paragraph ends there.
    page = (
        "做细一点 心近一点\n\n"
        "一件件小事积累起来，就成了黏\n"
        "合剂，把小区里的人心聚在了一起\n"
        "“您的后备箱没关好，我已帮您\n"
        "关好。请下车后及时检查您的车门及\n"
        "车窗。”这样的小事，在小区里每天\n"
        "都在发生，邻里之间多了一份信任和\n"
        "温暖。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.paragraphs == (
        "一件件小事积累起来，就成了黏合剂，把小区里的人心聚在了一起",
        "“您的后备箱没关好，我已帮您关好。请下车后及时检查您的车门及车窗。”"
        "这样的小事，在小区里每天都在发生，邻里之间多了一份信任和温暖。",
    )


def test_issue22_a_headline_its_story_repeats_a_little_claims_it_before_one_no_story_repeats():
    # ``一份未完成订单的背后`` shares a few words with the second story; ``在创新中回应需求`` shares
    # none with any and stands over the second story. Taken in page order, the wordless one took the
    # second story by position and pushed the other onto the third story's headline; matched by
    # evidence first, each story gets its own and the wordless one goes to the story left headless.
    def group(gap: int, text: str) -> HeadlineGroup:
        return HeadlineGroup(gap=gap, lines=(text,), text=text)

    texts = [
        "听书成为近四亿人的日常选择，有声阅读平台推出越来越多的节目。",
        "一位外卖骑手接到订单后突然病倒，没能完成这份订单，顾客得知后留言安慰。",
        "二〇二二年冬奥会和冬残奥会赛会志愿者全球招募启动一个月，报名人数突破六十三万。",
    ]
    groups = [
        group(1, "在创新中回应需求（快评）"),
        group(3, "一份未完成订单的背后（民生观）"),
        group(3, "冬奥会和冬残奥会赛会志愿者全球招募"),
    ]
    assert match_headlines(texts, groups) == [[0], [1], [2]]
