"""Text pages in layouts no family had shown the parser (`benchmarks.morepages`): a trade
paper's page and a plain-text export of a digital edition.

Each case is a small made-up page in the shape of a failure seen on the tuned families' pages
(`trade_paper`, `digital_export`, seed 1); the held-out `party_front` pages were never looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, is_page_furniture, parse_page


def test_issue22_an_exports_records_give_title_authors_and_date_from_their_fields():
    page = (
        "导出时间：2020-01-21  共2条\n\n"
        "【引题】语言类节目数量创历年之最\n"
        "【标题】春晚第四次彩排举行\n"
        "【来源】人民日报\n"
        "【日期】2020-01-21\n"
        "【正文】\n"
        "\u3000\u3000春节将至，春晚“年夜文化大餐”也将开宴。\n"
        "\u3000\u3000还有4天，春节联欢晚会将如约与观众见面。\n\n"
        "【标题】支持做好新疆伽师地震救灾\n"
        "【作者】本报记者 丁怡婷\n"
        "【发布时间】2020-01-21 06:36\n"
        "【正文】\n"
        "\u3000\u3000本报北京1月20日电  （记者丁怡婷）记者从应急管理部获悉：19日，国家启动应急响应。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "语言类节目数量创历年之最 春晚第四次彩排举行"
    assert first.paragraphs == (
        "春节将至，春晚“年夜文化大餐”也将开宴。",
        "还有4天，春节联欢晚会将如约与观众见面。",
    )
    assert first.date == "2020-01-21"  # the record's own date: its lead gives none
    assert first.reporters == ()
    assert second.title == "支持做好新疆伽师地震救灾"
    assert second.reporters == ("丁怡婷",)
    assert second.date == "2020-01-20"  # the dateline's
    explained = explain_page(page, year=2020)
    assert any("export of a digital edition" in line for line in explained)
    assert any("field 标题: 春晚第四次彩排举行" in line for line in explained)


def test_an_exports_text_may_start_on_its_text_fields_line():
    """QA: ``正文：`` with the text on the same line lost that text (a record whose whole text stood there
    was lost), and a record without text shifted `--explain`'s records against the stories."""
    page = (
        "标题：春晚第四次彩排举行\n"
        "作者：本报记者 王某\n"
        "日期：2020-01-21\n"
        "正文：春节将至，春晚“年夜文化大餐”也将开宴。\n"
        "还有4天，春节联欢晚会将如约与观众见面。\n\n"
        "标题：没有正文的一条\n"
        "日期：2020-01-21\n"
        "正文：\n\n"
        "标题：支持做好新疆伽师地震救灾\n"
        "来源：人民日报\n"
        "日期：2020-01-21\n"
        "正文：19日，国家启动应急响应，调拨救灾物资支持地方做好救灾工作。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "春晚第四次彩排举行"
    assert first.paragraphs == (
        "春节将至，春晚“年夜文化大餐”也将开宴。",
        "还有4天，春节联欢晚会将如约与观众见面。",
    )
    assert second.title == "支持做好新疆伽师地震救灾"
    assert second.paragraphs == ("19日，国家启动应急响应，调拨救灾物资支持地方做好救灾工作。",)
    explained = "\n".join(explain_page(page, year=2020))
    assert "story 2: text lines 14-14" in explained
    assert "headline (from the title fields): 支持做好新疆伽师地震救灾" in explained
    assert "没有正文的一条" not in explained


def test_issue22_field_lines_inside_a_story_make_no_export():
    # A page's prose may hold ``来源：`` or ``时间：``; only a run of fields with a title opens a record.
    page = (
        "春季招聘会本周举行\n\n"
        "本报讯 本周六，市人才中心举办春季招聘会。\n"
        "时间：3月2日上午9时\n"
        "地点：市人才市场\n"
    )
    (story,) = parse_page(page, year=2024)
    assert story.title == "春季招聘会本周举行"


def test_issue22_a_copied_web_page_is_read_paragraph_by_line_and_dated_by_its_source_lines():
    lead = "本报北京1月13日电  （记者郑轶）2020世界国际象棋女子冠军对抗赛13日在俄罗斯海参崴战罢前半程，中国棋手居文君与俄罗斯棋手战平。"
    second = "本次冠军对抗赛共进行12盘慢棋争夺，先得到6.5分者夺冠，对抗赛下半程将于1月16日在上海重新打响，双方将继续角逐冠军头衔。"
    other = "近日，一位病患戴着口罩在方舱医院里读书的照片在网上流传，许多网友为之感动，纷纷点赞，称赞这是疫情中最动人的画面之一。"
    page = (
        "女子国象世界冠军对抗赛战罢半程\n"
        "2020年01月14日02:40  来源：人民网－人民日报\n"
        f"{lead}\n{second}\n"
        "（责编：陈超、曹玉）\n\n"
        "困难时刻，也别忘了读书（新语）\n"
        f"\u3000\u3000{other}\n"
        "《 人民日报 》（ 2020年02月24日   第 05 版）\n"
    )
    first, reading = parse_page(page, year=2020)
    assert first.title == "女子国象世界冠军对抗赛战罢半程"
    assert len(first.paragraphs) == 2
    assert first.paragraphs[1] == second
    assert first.reporters == ("郑轶",)
    assert reading.title == "困难时刻，也别忘了读书（新语）"
    assert reading.paragraphs == (other,)
    assert reading.date == "2020-02-24"  # a 近日 lead, dated by the line under its text
    for line in ("2020年01月14日02:40  来源：人民网－人民日报", "（责编：陈超、曹玉）", "----------------"):
        assert is_page_furniture(line), line


def test_issue22_chart_notes_and_an_editors_contacts_head_no_story():
    page = (
        "第6版  市场\n2020年2月24日  星期一\n\n"
        "能源有保障 生产添动力\n\n"
        "本报讯 煤电油气是重要的工业生\n"
        "产要素，也是必要的百姓生活物资。\n\n"
        "图表：能源基础打得牢\n"
        "数据来源：国家统计局  制图：卢然磊\n\n"
        "脸上的印记\n\n"
        "本报讯 为保障交通畅通，陕西交\n"
        "警连日值守在一线。\n\n"
        "（数据来源：海关总署）\n"
        "本版责编：赵雨  电话：010-62136513  E-mail：cyb10@163.com\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "能源有保障 生产添动力"
    assert second.title == "脸上的印记"
    assert second.paragraphs == ("本报讯 为保障交通畅通，陕西交警连日值守在一线。",)


def test_issue22_a_summary_label_is_dropped_and_its_summary_opens_the_text():
    page = (
        "南京溧水 做优做强枢纽经济\n\n"
        "本报记者 程欣 报道\n"
        "【核心提示】\n"
        "溧水区依托空港和高铁，建设\n"
        "临空经济示范区。\n\n"
        "近年来，溧水还依托高铁、轻轨\n"
        "、高速等立体化交通格局，做优做\n"
        "强枢纽经济。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "南京溧水 做优做强枢纽经济"
    assert story.reporters == ("程欣",)
    assert story.paragraphs[0] == "溧水区依托空港和高铁，建设临空经济示范区。"
    assert all("核心提示" not in p for p in story.paragraphs)


def test_issue22_reporters_named_before_baodao_after_a_dateline_without_brackets():
    page = (
        "这个扶贫干部是好娃\n\n"
        "本报讯 记者 张怡国 通讯员李明\n"
        "报道 走过你来时的路，看到了你屋\n"
        "后的参天大树。\n"
    )
    (story,) = parse_page(page, year=2019)
    assert (story.reporters, story.correspondents) == (("张怡国",), ("李明",))
    # ``记者近日从…获悉`` names nobody: no 报道 closes a list of names.
    page = "林草工作会议召开\n\n本报讯 记者近日从国家林草局获悉，今年\n将新增造林面积。\n"
    (story,) = parse_page(page, year=2019)
    assert story.reporters == ()


def test_issue22_an_ornamented_sub_heading_stays_in_its_story_as_a_paragraph():
    page = (
        "多项举措保障重点群体就业\n\n"
        "本报记者 宋远敏 报道\n"
        "教育部介绍了今年高校毕业生就业工作\n"
        "的安排和举措。\n\n"
        "●拓展毕业生就业渠道\n"
        "“今年高校毕业生人数达874万人\n"
        "，同比增长40万人。”教育部副部长翁\n"
        "铁慧说。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "多项举措保障重点群体就业"
    assert story.paragraphs == (
        "教育部介绍了今年高校毕业生就业工作的安排和举措。",
        "●拓展毕业生就业渠道",
        "“今年高校毕业生人数达874万人，同比增长40万人。”教育部副部长翁铁慧说。",
    )
    assert any("sub-heading" in line for line in explain_page(page, year=2020))


def test_issue22_a_caption_with_its_credit_is_no_sub_heading():
    # Guard: a ``▲`` caption whose first line fills the column, its credit after it, stays a caption.
    page = (
        "巴基斯坦发生恐怖袭击\n\n"
        "■记者 刘天\n"
        "该国西南部俾路支省近日发生两\n"
        "起针对安全部队的恐怖袭击。\n\n"
        "▲俾路支省首席部长贾姆卡迈\n"
        "勒汗强烈谴责袭击。 彭艳雨 摄\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.paragraphs == ("该国西南部俾路支省近日发生两起针对安全部队的恐怖袭击。",)


def test_issue22_a_headline_right_over_an_indented_first_line_is_no_text():
    page = (
        "纪念章里话初心\n"
        "\u3000\u3000端坐沙发上，打开纪念章。92\n"
        "岁的车锡平，容光焕发。\n"
        "\u3000\u3000他说，这枚纪念章记录着一段\n"
        "难忘的岁月。\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.title == "纪念章里话初心"
    assert story.title_source == "printed"
    assert story.paragraphs[0] == "端坐沙发上，打开纪念章。92岁的车锡平，容光焕发。"


def test_issue22_blank_lines_between_a_web_copys_paragraphs_make_no_headline():
    first = "我们家原来房子很小很旧，而且交通很不方便。现在从大山搬进了县城，住进了宽敞明亮的新房子，我们特别开心。"
    second = (
        "两年前，9岁的郑莎莎和父亲郑才海、母亲陈丽丹以及弟弟妹妹，一家5口人从贵州大方县搬到了县城的安置点。"
    )
    third = "过去，他们一家挤在四十来平方米的旧房子里，地处深山，不通公路，3亩多地产出的粮食和临时务工的收入就是一家人的全部收入。"
    page = (
        "乌蒙山下有新家(中国梦·家国情)\n"
        f"\u3000\u3000{first}\n\n"
        "\u3000\u3000——郑莎莎\n\n"
        f"\u3000\u3000{second}\n\n"
        f"\u3000\u3000{third}\n"
        "《 人民日报 》（ 2019年10月16日   第 03 版）\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.title == "乌蒙山下有新家(中国梦·家国情)"
    assert story.paragraphs == (first, "——郑莎莎", second, third)
    assert story.date == "2019-10-16"


def test_issue22_a_bulleted_kicker_over_its_main_line_is_no_briefs_head():
    page = (
        "■ 火神山医院维保组——\n"
        "“最危险的地方我们去”\n\n"
        "本报讯 记者董欣强 通讯员杨萍鹏报道：\n"
        "2月13日凌晨1点，中建三局维修班接\n"
        "到紧急任务。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "■ 火神山医院维保组—— “最危险的地方我们去”"
    assert (story.reporters, story.correspondents) == (("董欣强",), ("杨萍鹏",))


def test_issue22_a_books_edition_in_brackets_is_no_page_number():
    page = (
        "第一部综合性百科全书\n\n"
        "本报记者 罗军思 报道\n"
        "1993年8月，《中国大百科全书》出齐，\n"
        "覆盖66个学科，共收77859个条目。\n"
        "如今，74卷《中国大百科全书》（第一\n\n"
        "74卷《中国大百科全书》（第一版）全部摞起\n"
        "来有3米多高，普通读者很难完整购买。\n"
    )
    (story,) = parse_page(page, year=2019)
    assert "全部摞起来有3米多高" in story.paragraphs[-1]
    assert is_page_furniture("《 人民日报 》（ 2020年01月14日   第 10 版）")


def test_issue22_a_party_papers_masthead_and_guide_head_no_story():
    page = (
        "大 众 日 报  中共山东省委机关报\n"
        "2019年2月26日  星期二\n"
        "第21057号\n\n"
        "本报今日导读\n"
        "●习近平向第九届北京香山论坛致贺信 （12版）\n"
        "●文明的对话是永恒的\n"
        "详见第3版\n"
        "●许其亮会见新加坡国防部长  8版\n\n"
        "我国各类水文测站达12.1万处\n\n"
        "本报北京2月25日电  （记者王浩）记者从水\n"
        "利部获悉，我国各类水文测站达12.1万处。\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.title == "我国各类水文测站达12.1万处"
    assert story.reporters == ("王浩",)
    assert story.date == "2019-02-25"


def test_issue22_jump_lines_in_angle_brackets_or_after_an_arrow_end_the_story():
    page = (
        "西藏那曲罗玛镇 养殖牦牛有奔头\n\n"
        "本报记者  徐  驭\n"
        "“养牦牛，咋挣钱？亏了咋办？”▶下转第7版\n\n"
        "福建漈下村 文化传承\n\n"
        "本报福州2月1日电  （记者刘晓宇）漈下村\n"
        "是一座有着600多年历史的古村落。\n"
        "〈下转第二版〉\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.paragraphs == ("“养牦牛，咋挣钱？亏了咋办？”",)
    assert first.reporters == ("徐驭",)
    assert second.title == "福建漈下村 文化传承"
    assert [p.replace(" ", "") for p in second.paragraphs] == [
        "本报福州2月1日电（记者刘晓宇）漈下村是一座有着600多年历史的古村落。"
    ]


def test_issue22_a_photo_caption_between_stories_belongs_to_no_story():
    page = (
        "2020年对台工作会议在京召开\n\n"
        "新华社北京1月20日电  （记者李昌禹）2020年对\n"
        "台工作会议20日在北京召开。\n\n"
        "1月20日，国务委员王毅主持会议。\n"
        "  新华社记者 朱平芳 摄\n\n"
        "精彩迎新春 乐舞剧戏汇聚北京\n\n"
        "本报北京1月20日电  新春将至，北京各剧场\n"
        "推出一批精彩演出，12台剧目将陆续上演。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.reporters == ("李昌禹",)
    assert [p.replace(" ", "") for p in first.paragraphs] == [
        "新华社北京1月20日电（记者李昌禹）2020年对台工作会议20日在北京召开。"
    ]
    assert second.title == "精彩迎新春 乐舞剧戏汇聚北京"
    assert any("as caption" in line for line in explain_page(page, year=2020))


def test_issue22_a_lunar_date_inside_a_sentence_is_no_masthead():
    assert not is_page_furniture("（记者郑明达）在农历庚子年")
    assert is_page_furniture("2019年10月11日  星期五  农历己亥年九月十九")
