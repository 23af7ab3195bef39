"""Text pages: a district or county 融媒体 paper's page (`benchmarks.countypages`).

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


def test_issue22_numbered_briefs_go_in_order_and_any_opening_starts_their_text():
    # ``3.175个…`` under item 2 is item 3 (not ``3.175``); a brief whose text opens with a dateline is
    # still a brief, closed by its authors in brackets (``融媒体记者`` too), so item 4 follows it.
    page = (
        "工作动态\n\n"
        "1.商务部暂停直销审批\n"
        "商务部新闻发言人表示，商务部已\n"
        "暂停办理直销相关审批。\n"
        "2.新春晚会在南非举行\n"
        "南非华侨华人新春晚会13日在约翰\n"
        "内斯堡举行。\n"
        "3.175个“中国民间文化艺术之乡”公布\n"
        "记者从文化和旅游部获悉，175个\n"
        "县（市、区）入选。\n"
        "（贾梅 沈玉强）\n"
        "4.国家林业和草原局\n"
        "本报电  国家林业和草原局提出，\n"
        "禁止一切形式的野生动物交易。\n"
        "（融媒体记者 邓杰嘉 贾晓静）\n\n"
        "5.辽宁免费开放教育资源\n"
        "近日，辽宁面向全省中小学师生免\n"
        "费开放在线服务平台。\n"
    )
    stories = parse_page(page, year=2020)
    assert [s.title for s in stories] == [
        "商务部暂停直销审批",
        "新春晚会在南非举行",
        "175个“中国民间文化艺术之乡”公布",
        "国家林业和草原局",
        "辽宁免费开放教育资源",
    ]
    assert stories[2].reporters + stories[2].correspondents == ("贾梅", "沈玉强")
    assert stories[3].reporters == ("邓杰嘉", "贾晓静")
    assert stories[4].paragraphs == ("近日，辽宁面向全省中小学师生免费开放在线服务平台。",)


def test_issue22_the_papers_own_dispatch_from_another_place_goes_on_its_story():
    # A 本报讯 story rounding up its reporters' reports: ``本报石家庄2月16日电`` right under its text,
    # in the same block, nothing closing the story before it, is a paragraph of it.
    page = (
        "居家学习 合理安排\n\n"
        "本报讯 近日，浙江省教育厅防控办发布\n"
        "指导意见，要求合理把握线上教学时间。\n"
        "本报石家庄2月16日电  （记者史自强）\n"
        "近日，石家庄市教育局发布通知，要求做\n"
        "好中小学生居家学习工作。\n\n"
        "韩正访问瑞士\n\n"
        "本报讯 韩正1月20日至21日访问瑞士。\n"
        "记者 方莹馨\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "居家学习 合理安排"
    assert len(first.paragraphs) == 2
    assert first.paragraphs[1].startswith("本报石家庄2月16日电")
    assert second.title == "韩正访问瑞士"
    # Another paper's or agency's dispatch, or one after a byline closed the story, still opens its own.
    page = "本报讯 近日，全区召开会议，部署工作。\n记者 景静\n本报北京1月17日电  全国会议召开。\n"
    assert len(parse_page(page, year=2020)) == 2


def test_issue22_a_short_picture_caption_under_its_label_is_a_story():
    page = (
        "【图片新闻】\n\n"
        "中山公园音乐堂春节演出开幕\n\n"
        "2020年中山公园音乐堂春节\n"
        "系列演出近日开幕。\n"
        " 记者 郑涛 摄\n\n"
        "韩正访问瑞士\n\n"
        "本报讯 韩正1月20日至21日访问瑞士。\n"
        "记者 方莹馨\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "中山公园音乐堂春节演出开幕"
    assert first.paragraphs == ("2020年中山公园音乐堂春节系列演出近日开幕。",)
    assert first.reporters == ("郑涛",)
    assert second.title == "韩正访问瑞士"


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


def test_issue22_a_bare_figure_over_the_lead_is_a_paragraph_of_its_own():
    page = (
        "金融对实体经济支持力度继续加大\n\n"
        "本报讯（记者 于雪辉）3.57万亿\n"
        "1月对实体经济发放的人民币贷款增加3.5\n"
        "7万亿元，同比多增8818亿元\n"
        "本报北京2月17日电 （记者葛孟超）中国\n"
        "人民银行15日发布的金融数据统计报告显示：\n"
        "1月社会融资规模增量为4.64万亿元，比上月\n"
        "多3.05万亿元，比上年同期多1.56万亿元。\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.title == "金融对实体经济支持力度继续加大"
    assert story.paragraphs[0] == "本报讯（记者 于雪辉）3.57万亿"
    assert story.paragraphs[1] == "1月对实体经济发放的人民币贷款增加3.57万亿元，同比多增8818亿元"
    assert story.reporters == ("于雪辉",)
    assert story.paragraphs[2].startswith("本报北京2月17日电")
    # A short line ending in a year or a month is no figure of its own.
    page = "本报讯 会议要求，在2019\n年底前完成全部改造任务。\n"
    (story,) = parse_page(page, year=2019)
    assert len(story.paragraphs) == 1


def test_issue22_a_sentence_cut_inside_a_word_goes_on_in_the_next_block():
    # ``…致以衷`` / (column break) / ``心的感谢和亲切的问候！``: the block ends a sentence and stands over
    # a headline, but it finishes the open story's word (衷心); it is its text, not a kicker of the
    # headline under it.
    page = (
        "孙春兰主持会议强调 坚决打赢疫情防控攻坚战\n\n"
        "本报北京1月24日电 孙春兰特别指出，今天\n"
        "是大年除夕，要向战斗在救治防护工作第一线\n"
        "的广大医务工作者和在场的全体同志们致以衷\n\n"
        "心的感谢和亲切的问候！\n\n"
        "笑脸是最好的回答（今日谈）\n\n"
        "本报讯（记者 邓辉 通讯员 何强 彭秀）智能\n"
        "温控大棚里，蔬菜长势喜人；藤编工艺和制陶\n"
        "工坊中，劳动热火朝天。\n\n"
        "赵克志在北京检查春节安保工作\n\n"
        "本报北京1月24日电 赵克志来到北京基层\n"
        "公安所队，向执勤民警、辅警致以亲切慰问和\n\n"
        "新春祝福。他要求，要发扬不怕疲劳、连续作\n"
        "战的优良作风。（张璁）\n"
    )
    first, second, third = parse_page(page, year=2020)
    assert first.paragraphs[-1].endswith("致以衷心的感谢和亲切的问候！")
    assert second.title == "笑脸是最好的回答（今日谈）"
    assert third.paragraphs[-1].endswith(
        "致以亲切慰问和新春祝福。他要求，要发扬不怕疲劳、连续作战的优良作风。"
    )
    assert third.reporters == ("张璁",)


def test_issue22_a_photo_credit_before_a_signed_items_authors_closes_it():
    # ``春秋航空供图（新华社发）（高明敏）``: the photo's credit is the item's last paragraph, the names in
    # brackets after it its author; the headline under it is the next story's alone.
    page = (
        "中国政府包机接回滞留日本的湖北同胞\n\n"
        "2月1日凌晨，在从日本东京羽田机场\n"
        "飞往武汉天河机场的航班上，旅客与机组\n"
        "乘务人员合影留念。\n"
        "春秋航空供图（新华社发）（高明敏）\n\n"
        "防控勤排查 服务更主动\n\n"
        "本报讯（记者 高玉嘉）“请扫码！”走在成\n"
        "都市锦江区春熙路青石桥社区，随处可见\n"
        "这样的提示。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.paragraphs == (
        "2月1日凌晨，在从日本东京羽田机场飞往武汉天河机场的航班上，旅客与机组乘务人员合影留念。",
        "春秋航空供图（新华社发）",
    )
    assert first.reporters + first.correspondents == ("高明敏",)
    assert second.title == "防控勤排查 服务更主动"
    assert second.reporters == ("高玉嘉",)


def test_issue22_a_line_of_text_naming_a_page_inside_a_paragraph_stays_text():
    # ``第四版和诊疗方案试行第五版修正版的官方`` reads as a page header (a page number, no prose marks),
    # but set full between two full lines of a paragraph it is text; a header line alone is still dropped.
    page = (
        "第2版  要闻\n\n"
        "重庆垫江推出云课堂\n\n"
        "本报讯（记者 蒋云龙）记者从重庆垫\n"
        "江县获悉：当地依据国家卫健委对防控方案\n"
        "第四版和诊疗方案试行第五版修正版的官方\n"
        "解读，将内容转化为近40个学习要点。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.paragraphs == (
        "本报讯（记者 蒋云龙）记者从重庆垫江县获悉：当地依据国家卫健委对防控方案"
        "第四版和诊疗方案试行第五版修正版的官方解读，将内容转化为近40个学习要点。",
    )
    assert story.title == "重庆垫江推出云课堂"


def test_issue22_a_main_line_goes_with_its_dash_subtitle_over_a_story_continued_from_page_1():
    # The rest of a page-1 story repeats none of its headline's words (a page of the county family, from
    # People's Daily text); the dashed subtitle under the main line hangs from it, so both head the
    # continued story, not the next one.
    page = (
        "“时刻保持120%的工作状态”\n"
        "\n"
        "——抗疫一线医护人员的故事\n"
        "\n"
        "上接第1版\n"
        "女儿在金银潭医院护理确诊\n"
        "病人，丈夫在铁路线上保障春运，\n"
        "武汉第三医院烧伤科护士曾祥春\n"
        "一家三口坚守岗位，已经一个月\n"
        "没见面了。女儿袁梦主动请缨前\n"
        "往“一线的一线”金银潭医院支\n"
        "援，曾祥春心里很担心，但也为\n"
        "女儿骄傲。\n"
        "29岁的翟勇没想到会以这样\n"
        "的方式与妻子严美玲站在同一战\n"
        "壕。他是中建三局二公司安装公\n"
        "司的项目生产经理，负责火神山\n"
        "医院的机电安装。严美玲是武汉\n"
        "协和医院心外科护士，除夕夜还\n"
        "在医院值班。为了不分心，他们\n"
        "把3岁的儿子送回了黄冈老家。\n"
        "除夕晚上，接到自愿报名支\n"
        "援武汉的通知，上海市奉贤区古\n"
        "华医院医生蔡海英立即报了名，\n"
        "一个小时后便带着主动请战的4\n"
        "名感染性疾病科室的医生和护士\n"
        "出发了。\n"
        "也是在除夕那天，正在病房\n"
        "查房的宋彩萍接到了前往武汉的\n"
        "任务。当天下午，她就作为陆军\n"
        "军医大学援鄂医疗队护理组组长，\n"
        "带着队伍抵达了武汉。\n"
        "“用自己有限的力量，不计\n"
        "报酬，不畏生死，随叫随到。”\n"
        "在这些援汉医疗队队员的申请书\n"
        "\n"
        "中，赤诚的话语总让人忍不住泪\n"
        "流。\n"
        "见习记者 马悦雪 通讯员 吕浩华\n"
        "\n"
        "鹰潭 机器人配送物资助抗疫\n"
        "\n"
        "本报讯（融媒体记者 郑少\n"
        "忠）今天上午，江西首台智能配\n"
        "送机器人“小勇士”奔赴抗疫前\n"
        "线，在鹰潭市人民医院上岗。\n"
        "“小勇士”集成先进的信息\n"
        "技术，可根据之前设计的指令、\n"
        "地图及对环境的熟悉程度，建立\n"
        "信息库，自主识别读取地图，自\n"
        "主识别读取工作环境，自主规划\n"
        "路径，完成物资的点对点配送。\n"
        "在这个过程中，它会自动避障、\n"
        "自己开关门、坐电梯等等，送到\n"
        "目的地之后，目的地护士站的人\n"
        "员也会通过相应的识别手段，人\n"
        "脸、指纹、ID卡，打开箱体，拿\n"
        "到配送的东西。整个输送过程，\n"
        "“小勇士”无需人员操作，减少\n"
        "了医护人员进入隔离区的频次，\n"
        "起到很好的隔离保护作用。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "“时刻保持120%的工作状态” ——抗疫一线医护人员的故事"
    assert first.reporters == ("马悦雪",)
    assert second.title == "鹰潭 机器人配送物资助抗疫"


def test_issue22_a_paragraph_ending_on_a_semicolon_at_the_columns_edge():
    # ``…接连产生；`` fills the column's last line; the next column opens with a line two cells short
    # (a first line, its indent dropped) over a full one: a new paragraph. A semicolon line followed by
    # a full line goes on.
    page = (
        "爱心润春蕾 花开别样红\n\n"
        "本报讯 30年前，一粒种子落地生根、\n"
        "抽枝发芽；30年后，花开绽放、硕果丰\n"
        "实。\n"
        "在广西融水，女童获得了平等受\n"
        "教育权利，第一位女教师、女医生、\n"
        "女军人……一个个“第一”接连产生；\n\n"
        "在北京有首都春蕾班，600多名\n"
        "来自不同民族的贫困女童全部完成了\n"
        "初中、高中和大学学业，已成长为各\n"
        "行各业的优秀骨干。\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.paragraphs[1:] == (
        "在广西融水，女童获得了平等受教育权利，第一位女教师、女医生、女军人……一个个“第一”接连产生；",
        "在北京有首都春蕾班，600多名来自不同民族的贫困女童全部完成了初中、高中和大学学业，已成长为各行各业的优秀骨干。",
    )
    page = (
        "本报讯 30年前，一粒种子落地生根、\n"
        "抽枝发芽，女童一个个“第一”接连产生；\n\n"
        "在北京有首都春蕾班的600多名贫困女童\n"
        "全部完成了初中、高中和大学学业。\n"
    )
    (story,) = parse_page(page, year=2019)
    assert len(story.paragraphs) == 1


def test_issue22_a_kicker_of_phrases_ending_in_a_dash_is_a_headline_line():
    page = (
        "本报讯 南京与圣路易斯结好40周年。\n"
        "融媒体记者 何鸣伟\n\n"
        "基站率先布局，研发持续推进，商用先行先试——\n\n"
        "湖北 下好“5G+”先手棋\n\n"
        "本报讯 9月22日，在湖北武汉国家智能\n"
        "网联汽车测试示范区，7台汽车平稳行驶\n"
        "在道路上。\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.reporters == ("何鸣伟",)
    assert second.title == "基站率先布局，研发持续推进，商用先行先试—— 湖北 下好“5G+”先手棋"
    assert second.paragraphs == (
        "本报讯 9月22日，在湖北武汉国家智能网联汽车测试示范区，7台汽车平稳行驶在道路上。",
    )
    assert second.date == "2019-09-22"
