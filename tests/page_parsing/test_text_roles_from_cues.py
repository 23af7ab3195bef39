"""Text pages: roles read from several cues on pages laid out as other papers print them.

Each case is a small made-up page in the shape of a failure measured on pages built from People's Daily
articles in the held-out family's layout (headlines before, after or a story away; bylines before the
text, datelines with bracketed reporters, end marks).
"""

from __future__ import annotations

from storage.ingest.ocr_page import is_page_furniture, parse_page
from storage.ingest.page_headlines import HeadlineGroup, HeadlineMatcher


def test_issue22_a_byline_over_an_indented_lead_opens_the_story_under_it():
    # The lead's first sentence runs past two lines, so no sentence mark shows there: the indent and
    # the body's measure tell that the byline stands over text, not under the story above.
    page = (
        "江城社区开通买菜专线\n\n"
        "本报武汉2月8日电  （记者刘洋）社区开通买菜专线，居民在家下单，志愿者每天两次送菜上门。\n\n"
        "本报记者  赵  兵\n"
        "\u3000\u3000记者今天从省人力资源和社会保障厅获\n"
        "悉：全省各地陆续开通返岗专车专列，组\n"
        "织务工人员安全有序返回工作岗位，首批\n"
        "两千余人已经顺利到岗。\n\n"
        "返岗专车专列陆续开通\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "江城社区开通买菜专线"
    assert first.reporters == ("刘洋",)
    assert second.title == "返岗专车专列陆续开通"
    assert second.reporters == ("赵兵",)
    assert second.paragraphs[0].startswith("记者今天从省人力资源")


def test_issue22_a_headline_under_the_last_sentence_may_fill_its_line_below_a_short_kicker():
    # ``市政府部署`` is too short to be a paragraph's first line, so the full line under it cannot be
    # a paragraph going on in the next column: both are the headline, printed after the story.
    page = (
        "本报记者  钱  文\n"
        "市政府昨天召开常务会议，研究部署春季\n"
        "农业生产工作，要求各区抓紧抓实春耕备\n"
        "耕，确保粮食播种面积稳定在去年水平。\n"
        "市政府部署\n"
        "抓紧抓实春耕备耕 确保粮食播种面积\n\n"
        "本报记者  孙  岩\n"
        "今年以来，全市新开工重点项目一百二十\n"
        "个，总投资超过八百亿元，比去年同期明\n"
        "显增加。\n\n"
        "全市重点项目开工过百\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "市政府部署 抓紧抓实春耕备耕 确保粮食播种面积"
    assert first.reporters == ("钱文",)
    assert len(first.paragraphs) == 1
    assert second.title == "全市重点项目开工过百"


def test_issue22_a_headline_under_a_closing_note_is_no_body_text_even_when_it_fills_its_line():
    page = (
        "本报记者  周  明\n"
        "展览开幕当天，来自当地的学生和市民\n"
        "排起长队参观。一位学生说：“中国手\n"
        "艺让我们看到了更多可能。”\n"
        "（本报曼谷3月2日电）\n"
        "“中国手艺让我们看到了更多可能”\n\n"
        "本报北京3月2日电  记者从国家文物局\n"
        "获悉，今年将启动一批考古遗址公园建设。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "“中国手艺让我们看到了更多可能”"
    assert first.paragraphs[-1] == "（本报曼谷3月2日电）"
    assert first.reporters == ("周明",)
    assert second.date == "2020-03-02"


def test_issue22_a_byline_over_a_dateline_opens_the_story_under_it():
    page = (
        "冬季运动会在哈尔滨开幕\n\n"
        "本报哈尔滨1月8日电  （记者张丽）\n"
        "第十四届全国冬季运动会8日在哈尔滨\n"
        "开幕，来自全国各地的运动员参加比赛。\n\n"
        "本报记者  郑  林\n"
        "据新华社电  （记者赵明、李军）\n"
        "20多年来，两位民警舍身救人的事迹在\n"
        "当地广为传颂。\n\n"
        "两位民警的故事在山乡传颂\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "冬季运动会在哈尔滨开幕"
    assert first.reporters == ("张丽",)
    assert second.title == "两位民警的故事在山乡传颂"
    assert "郑林" in second.reporters


def test_issue22_a_headline_printed_under_the_last_story_of_the_page_may_fill_its_line():
    page = (
        "新建学校陆续投入使用\n\n"
        "本报长沙3月5日电  全省今年新建的四十\n"
        "所中小学已有三十所投入使用。\n\n"
        "本报南宁3月5日电  （记者黄山）今年以\n"
        "来，广西新开通的高速公路超过三百公\n"
        "里，沿线县城全部通上高速公路。\n"
        "广西今年新开通高速公路超过三百公里\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "新建学校陆续投入使用"
    assert second.title == "广西今年新开通高速公路超过三百公里"
    assert second.paragraphs[-1].endswith("全部通上高速公路。")


def test_issue22_a_line_a_cell_wider_than_the_column_is_no_body_line():
    # The column holds 13 characters (a hung comma may stick out); the 14-character line under the
    # last sentence cannot be body text, so it is the headline printed after the story.
    page = (
        "本报记者  马  兰\n"
        "河北石家庄市教育局发出通知，\n"
        "要求全市学校开学前把教材发\n"
        "放到学生手中，做到课前到书、\n"
        "人手一册，不得集中组织学生\n"
        "提前到校领取教材。\n"
        "石家庄严管中小学教材发放工作\n\n"
        "本报记者  杨  帆\n"
        "韩国政府23日宣布将疫情预警\n"
        "级别上调至最高级，全国幼儿\n"
        "园和中小学推迟一周开学。\n\n"
        "韩国强化疫情防控措施\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "石家庄严管中小学教材发放工作"
    assert first.paragraphs[-1].endswith("提前到校领取教材。")
    assert second.title == "韩国强化疫情防控措施"


def test_issue22_a_byline_over_a_block_longer_than_any_headline_opens_the_story_under_it():
    # The lead's first lines carry no sentence mark and its first line is short (the OCR dropped the
    # indent), but five lines and more of text are no headline: the byline stands over its story.
    page = (
        "湖滨公园改造完成\n\n"
        "本报杭州3月3日电  湖滨公园改造完成，\n"
        "今天起向市民开放。\n\n"
        "本报记者  吴  江\n"
        "省人民政府根据省人民代表\n"
        "大会常务委员会的决定任免下列\n"
        "省政府组成部门负责人：\n"
        "一、任命王平为省教育厅厅长；\n"
        "二、任命李方为省财政厅厅长。\n\n"
        "省政府任免组成部门负责人\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "湖滨公园改造完成"
    assert first.reporters == ()
    assert second.title == "省政府任免组成部门负责人"
    assert second.reporters == ("吴江",)


def test_issue22_a_note_pointing_to_another_page_stays_with_the_sentence_it_follows():
    page = (
        "中国队夺得军运会首金\n\n"
        "本报武汉10月19日电  （记者刘明）中\n"
        "国选手在当日比赛中高歌猛进，领跑本\n"
        "届军运会奖牌榜。\n"
        "（相关报道见第四版）\n\n"
        "推动产业健康发展\n\n"
        "本报南昌10月19日电  大会今天开幕，\n"
        "来自各地的企业参加展览。\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.title == "中国队夺得军运会首金"
    assert first.paragraphs == (
        "本报武汉10月19日电（记者 刘明）中国选手在当日比赛中高歌猛进，领跑本届军运会奖牌榜。（相关报道见第四版）",
    )
    assert second.title == "推动产业健康发展"


def test_issue22_an_unindented_line_under_an_indented_story_is_its_headline_even_when_full():
    # The story's paragraphs open with the indents the OCR kept; the full line under its last sentence
    # has none, so it opens no paragraph: it is the headline printed after the story.
    page = (
        "本报记者  何  青\n"
        "\u3000\u3000省政府今天召开新闻发布会，介\n"
        "绍全省春季防汛工作的准备情况。\n"
        "\u3000\u3000省水利厅负责人介绍，全省已储\n"
        "备防汛物资，各地抓紧排查隐患。\n"
        "全省召开春季防汛工作新闻发布会\n\n"
        "城乡融合撬动美丽经济\n\n"
        "本报舟山3月2日电  城乡融合带动美丽\n"
        "经济，海岛的农家乐冬天依然红火。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "全省召开春季防汛工作新闻发布会"
    assert first.reporters == ("何青",)
    assert len(first.paragraphs) == 2
    assert second.title == "城乡融合撬动美丽经济"


def test_issue22_a_dateline_wrapped_before_its_end_still_opens_a_story():
    page = (
        "博物馆在洛阳开馆\n\n"
        "本报洛阳10月19日电  二里头夏都遗\n"
        "址博物馆今天正式开馆。\n\n"
        "新华社内罗毕10月19日\n"
        "电  （记者杨明、储新）代表\n"
        "团于16日至19日访问肯尼亚，\n"
        "会见了当地政党领导人。\n\n"
        "代表团访问肯尼亚\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.title == "博物馆在洛阳开馆"
    assert len(first.paragraphs) == 1
    assert second.title == "代表团访问肯尼亚"
    assert second.date == "2019-10-19"
    assert second.reporters == ("杨明", "储新")
    assert second.paragraphs[0].startswith("新华社内罗毕10月19日电")


def test_issue22_a_dateline_quoted_inside_a_sentence_opens_no_story():
    page = (
        "楼房坍塌事故死亡人数升至36人\n\n"
        "本报讯  当地时间今天上午，\n"
        "据新华社柬埔寨白马1月5日\n"
        "电称，搜救工作已经结束，\n"
        "共有三十六人在事故中遇难，\n"
        "救援人员已经撤离现场。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.title == "楼房坍塌事故死亡人数升至36人"
    assert article.paragraphs == (
        "本报讯 当地时间今天上午，据新华社柬埔寨白马1月5日电称，搜救工作已经结束，"
        "共有三十六人在事故中遇难，救援人员已经撤离现场。",
    )


def test_issue22_a_wrapped_closing_note_ends_its_story_and_the_headline_under_it_is_no_text():
    page = (
        "本报记者  林  木\n"
        "\u3000\u3000我想用中文对所有中国朋友\n"
        "说：“我们会与你们并肩作战。”\n\n"
        "\u3000\u3000（作者为北京外国语大学法\n"
        "国籍教师）\n"
        "危机只会让中国更加团结\n\n"
        "本报北京2月3日电  国家卫健委今天表\n"
        "示，有信心有能力控制疫情。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "危机只会让中国更加团结"
    assert first.paragraphs[-1] == "（作者为北京外国语大学法国籍教师）"
    assert first.reporters == ("林木",)
    assert second.date == "2020-02-03"


def test_issue22_the_line_under_a_kicker_ending_in_a_dash_is_its_title_commas_and_all():
    page = (
        "贵州中小学网上开课\n\n"
        "本报贵阳2月25日电  记者从贵阳\n"
        "市教育局获悉，全省中小学生已\n"
        "全部实现网上开课。\n\n"
        "陕西各地开通绿色专线——\n\n"
        "包机专列，送农民工返岗\n\n"
        "2月24日13时，家住洛南\n"
        "县的一对夫妇通过体温检测，\n"
        "顺利进入汽车站，与九百多\n"
        "名农民工一起乘专列返岗。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "贵州中小学网上开课"
    assert len(first.paragraphs) == 1
    assert second.title == "陕西各地开通绿色专线—— 包机专列，送农民工返岗"
    assert second.paragraphs[0].startswith("2月24日13时")


def test_issue22_a_note_broken_by_a_column_break_still_ends_its_story():
    # The reporters' note in brackets is cut by a column break; the headline printed after the story
    # follows it and is no text of the story.
    page = (
        "本报记者  赵  安\n"
        "\u3000\u3000连日来，多地有一批患者治愈出\n"
        "院，医护人员表示要坚定信心。\n"
        "\u3000\u3000（本报记者王明、李刚、张华、戴\n\n"
        "林峰、庞平、李纵）\n\n"
        "各地一批患者治愈出院\n"
        "湖北出院患者超过五十例\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.title == "各地一批患者治愈出院 湖北出院患者超过五十例"
    assert article.paragraphs[-1] == "（本报记者王明、李刚、张华、戴林峰、庞平、李纵）"
    assert article.reporters == ("赵安",)


def test_issue22_a_full_line_under_a_paragraphs_short_last_line_is_the_headline_after_it():
    # A next paragraph's first line would be two cells short for its indent; this one fills the
    # column (13 cells), so it is the headline printed after the story.
    page = (
        "本报北京2月19日电  （记者陆平）\n"
        "记者从国家铁路集团获悉，28个\n"
        "铁路项目陆续复工，在场人员超\n"
        "过七万人。施工单位全面落实防\n"
        "控措施，保障施工人员的身体健\n\n"
        "康。\n"
        "京沈高铁等多个铁路项目已复工\n\n"
        "本报武汉2月19日电  （记者付文）\n"
        "江汉方舱医院今天有一百零六人\n"
        "达到出院标准。\n\n"
        "方舱医院百余人出院\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "京沈高铁等多个铁路项目已复工"
    assert first.paragraphs[-1].endswith("保障施工人员的身体健康。")
    assert second.title == "方舱医院百余人出院"


def test_issue22_the_datelines_brackets_stay_as_printed():
    page = "煤层气矿业权退出机制全面实行\n\n据新华社太原2月11日电  (记者吕明)记者11日从山西省政府获悉，该省今年将全面实行这一机制。\n"
    (article,) = parse_page(page, year=2019)
    assert article.paragraphs[0].startswith("据新华社太原2月11日电(记者 吕明)记者11日")
    assert article.reporters == ("吕明",)


def test_issue22_a_headlines_phrases_are_matched_as_printed_not_run_together():
    # Run together, ``蒙牛 生命重于泰山 疫情就是命令`` makes pairs across its spaces (牛生, 山疫) that
    # are no words: a story repeating every phrase of it holds all of its evidence all the same.
    texts = [
        "蒙牛集团表示，生命重于泰山，疫情就是命令，捐赠牛奶支援一线。",
        "湖北省各级纪检监察机关对违纪违法者坚决查处。",
    ]
    group = HeadlineGroup(
        gap=2, lines=("蒙牛 生命重于泰山 疫情就是命令",), text="蒙牛生命重于泰山疫情就是命令"
    )
    matcher = HeadlineMatcher(texts, [group])
    assert matcher.score(group, 0) >= 1.0
    assert matcher.score(group, 1) < 0.1
    # A space the OCR put inside a word (``访 问``) still reads as the word.
    wrapped = HeadlineGroup(
        gap=2, lines=("纪检监察机关 坚决查 处违纪违法者",), text="纪检监察机关坚决查处违纪违法者"
    )
    assert HeadlineMatcher(texts, [wrapped]).score(wrapped, 1) >= 0.8


def test_issue22_the_first_headline_under_the_last_story_is_its_own_when_nothing_says_otherwise():
    # Both headlines stand after the last story: the second repeats the middle story's words, the first
    # shares few words with any story (客流 where the text says 人员流动量), so it goes with the story
    # it is printed under.
    page = (
        "老年友好型社会建设\n\n"
        "新华社广州2月19日电  全国政协委员孙洁持续关注养老政策，将就完善老年助餐体系提出建议。\n\n"
        "新华社武汉2月19日电  记者从工业和信息化部了解到，2023年，我国工业绿色转型取得显著成效。\n\n"
        "据新华社电  今天全社会跨区域人员流动量预计超2.1亿人次，铁路计划增开旅客列车1503列。\n\n"
        "返程客流高位运行 各地全力应对\n\n"
        "我国工业绿色转型取得显著成效\n"
    )
    first, second, third = parse_page(page, year=2024)
    assert first.title == "老年友好型社会建设"
    assert second.title == "我国工业绿色转型取得显著成效"
    assert third.title == "返程客流高位运行 各地全力应对"


def test_issue22_a_caption_cut_by_a_column_break_is_dropped_up_to_its_credit():
    page = (
        "数字经济博览会召开\n\n"
        "本报记者  孙  艳\n"
        "\u3000\u3000博览会今天在河北正定召开，\n"
        "与会代表围绕数字经济交流，加快制造\n"
        "业数字化、网络化、智能化；聚焦前沿\n\n"
        "图为博览会展馆里参观的观\n\n"
        "众在体验新产品。\n"
        "杨静摄（人民视觉）\n\n"
        "方向和关键领域，共促数字经济持续健\n"
        "康发展。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert article.paragraphs == (
        "博览会今天在河北正定召开，与会代表围绕数字经济交流，加快制造业数字化、网络化、智能化；"
        "聚焦前沿方向和关键领域，共促数字经济持续健康发展。",
    )


def test_issue22_the_wrapped_tail_of_a_note_naming_a_page_is_no_page_number():
    assert not is_page_furniture("第四版）")
    page = (
        "我国人均GDP突破1万美元\n\n"
        "本报记者  陆  楠\n"
        "国家统计局今天发布数据，我国人均\n"
        "GDP突破1万美元，相当于人均GDP\n"
        "超过1万美元的人口达到近30亿。（相关\n"
        "报道见第四版）\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.paragraphs[-1].endswith("达到近30亿。（相关报道见第四版）")


def test_issue22_a_short_line_ending_in_a_dash_ends_its_paragraph():
    page = (
        "“此刻，我们也是战士！”\n\n"
        "本报记者  杨  迅\n"
        "赵斌拿出手机，给记者看乘务员舒松华\n"
        "在微信朋友圈写的一段话——\n"
        "“才上幼儿园的儿子每次都问我，‘妈\n"
        "妈你怎么还没下班呀’，我们就是铁路人，\n"
        "也是逆行者！”\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.paragraphs == (
        "赵斌拿出手机，给记者看乘务员舒松华在微信朋友圈写的一段话——",
        "“才上幼儿园的儿子每次都问我，‘妈妈你怎么还没下班呀’，我们就是铁路人，也是逆行者！”",
    )


def test_issue22_the_datelines_reporters_on_a_line_of_their_own_run_on_into_the_lead():
    page = (
        "世卫组织呼吁抓住机会窗口\n\n"
        "据新华社日内瓦2月21\n"
        "日电  （记者凌馨、刘曲）\n"
        "世界卫生组织总干事21日说，\n"
        "遏制疫情蔓延的机会窗口依然存在。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.paragraphs == (
        "据新华社日内瓦2月21日电（记者 凌馨、刘曲）世界卫生组织总干事21日说，遏制疫情蔓延的机会窗口依然存在。",
    )
    assert article.reporters == ("凌馨", "刘曲")


def test_issue22_a_two_line_headline_with_a_comma_each_over_a_dateline_is_a_headline():
    page = (
        "胡春华会见塔吉克斯坦客人\n\n"
        "本报北京10月14日电  胡春华今天会见\n"
        "塔吉克斯坦第一副总理。\n\n"
        "体操世锦赛，中国队收获3银2铜\n"
        "备战奥运会，还要加把劲\n\n"
        "新华社北京电  当地时间13日，体操\n"
        "世锦赛在德国斯图加特落幕。中国队\n"
        "共获得3银2铜。\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.title == "胡春华会见塔吉克斯坦客人"
    assert second.title == "体操世锦赛，中国队收获3银2铜 备战奥运会，还要加把劲"
    assert second.paragraphs[0].startswith("新华社北京电")


def test_issue22_a_line_a_cell_short_under_a_paragraphs_last_line_is_too_wide_to_open_a_paragraph():
    # The column holds 13 cells; a next paragraph's first line would hold 11. The 12-cell line under
    # ``提供了更大便利。`` is the headline printed after the story.
    page = (
        "本报北京10月8日电  （记者葛超）\n"
        "网络支付在国庆假期持续增长\n"
        "为大众出行、消费、娱乐活动\n\n"
        "提供了更大便利。\n"
        "国庆假期网络支付快速增长\n\n"
        "新华社北京电\n"
        "一年一度的萨洛尼卡国际博览\n"
        "会不久前在希腊闭幕。\n\n"
        "萨洛尼卡国际博览会闭幕\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.title == "国庆假期网络支付快速增长"
    assert first.paragraphs[-1].endswith("娱乐活动提供了更大便利。")
    assert second.title == "萨洛尼卡国际博览会闭幕"
