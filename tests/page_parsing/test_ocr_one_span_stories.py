"""OCR'd pages: stories the OCR kept in one span of text.

Small made-up pages in the shape of failures measured on pages rendered to images and read back by
Tesseract (`benchmarks.ocrpages`, seeds 3 and 4): each fails without its rule.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page
from storage.ingest.page_fragments import Fragment, plan_seams

# A roundup's closing note naming its reporters, wrapped over three lines of its block: its last lines
# (``忠、戴林峰、…、李`` / ``纵)``) are the note's, not a headline over the next story.
WRAPPED_NOTE_PAGE = (
    "各地一批患者治愈出院\n\n"
    "本报北京1月28日电  记者从湖北省卫生\n"
    "健康委员会获悉，截至28日中午，湖北\n"
    "省累计报告出院病例已超过50例。\n\n"
    "(本报记者贺广华、程远州、郑少\n"
    "忠、戴林峰、王丹、李刚、庞革平、李\n"
    "纵)\n\n"
    "王毅同韩国外长康京和通\n"
    "电话\n\n"
    "新华社北京1月28日电  1月28日，国务\n"
    "委员兼外长王毅应约同韩国外长康京和\n"
    "通电话。\n"
)


def test_issue22_a_closing_note_wrapped_over_its_block_is_the_notes():
    first, second = parse_page(WRAPPED_NOTE_PAGE, year=2020)
    assert second.title == "王毅同韩国外长康京和通电话"
    assert first.paragraphs[-1].endswith("李纵)")
    explained = "\n".join(explain_page(WRAPPED_NOTE_PAGE, year=2020))
    assert "the rest of the closing note above, wrapped by the column" in explained


# Two headlines set side by side, read by the OCR across both columns as one line each, a wide run of
# spaces between them; the left one heads the text read next.
SIDE_BY_SIDE_PAGE = (
    "人民日报\n\n"
    "2020年2月23日 星期日\n\n"
    "天津高新区                                 郭声琨在突击检查监管场所时强调\n\n"
    "真招实招防疫 真金白银                以强有力措施打赢疫情防控这场硬仗\n\n"
    "减负                                           新华社北京2月22日电  中共中央政治局委员郭声琨\n\n"
    "本报天津2月22日电  (记者\n"
    "靳博)  天津滨海高新区管委会给企业解\n"
    "决了214名员工的宿舍，并且不收取任何\n"
    "费用。高新区既要真招实招防疫，也要真\n"
    "金白银为企业减负。\n\n"
    "22日到北京市监管场所突击检查疫情防\n"
    "控工作。郭声琨强调，要以强有力措施打\n"
    "赢监管场所疫情防控这场硬仗。\n"
)


def test_issue22_headlines_read_side_by_side_are_cut_into_their_columns():
    stories = {story.title: story for story in parse_page(SIDE_BY_SIDE_PAGE, year=2020)}
    assert set(stories) == {
        "天津高新区 真招实招防疫 真金白银 减负",
        "郭声琨在突击检查监管场所时强调 以强有力措施打赢疫情防控这场硬仗",
    }
    tianjin = stories["天津高新区 真招实招防疫 真金白银 减负"]
    assert tianjin.reporters == ("靳博",)
    assert "郭声琨" not in "".join(tianjin.paragraphs)


# A kicker the OCR read as a block of its own over its main line, under a story whose text broke off
# at a column's end (``二是加``): both stand over the next story's dateline.
STACKED_KICKER_PAGE = (
    "央企所属生产型子企业开工率超80%\n\n"
    "本报北京2月18日电  (记者刘志强)  在\n"
    "18日召开的国务院联防联控机制新闻发\n"
    "布会上，国资委副主任任洪斌表示，一是\n"
    "指导央企分类有序带头生产经营；二是加\n\n"
    "水利部门积极推进复工复产\n\n"
    "四千多处重要水利工程安全运行\n\n"
    "本报北京2月18日电  (记者王浩)  记者\n"
    "从水利部获悉，截至2月14日，4032处\n"
    "重要水利工程安全运行未见异常。\n"
)


def test_issue22_a_kicker_read_apart_over_its_main_line_stands_over_the_dateline():
    first, second = parse_page(STACKED_KICKER_PAGE, year=2020)
    assert second.title == "水利部门积极推进复工复产 四千多处重要水利工程安全运行"
    assert "水利部门" not in "".join(first.paragraphs)


# A lead set as an epigraph, one clause a block, each ending on a semicolon (read by the OCR as an ASCII
# ``;`` after a space): no headline carries one.
CLAUSE_PAGE = (
    "笑脸是最好的回答 (今日\n"
    "谈)\n\n"
    "智能温控大棚里，蔬菜长势喜人 ;\n\n"
    "藤编工艺和制陶工坊中，劳动热火朝天 ;\n\n"
    "青山绿水间的农家乐，游人穿梭往来……\n"
    "花茂村村民始终牢记“好日子是干出来\n"
    "的”，在脱贫之路上不断前行。\n"
)


def test_issue22_a_clause_ending_on_a_semicolon_is_text():
    (story,) = parse_page(CLAUSE_PAGE, year=2020)
    assert story.title == "笑脸是最好的回答 (今日 谈)"
    assert story.paragraphs[0].startswith("智能温控大棚里，蔬菜长势喜人 ;")
    assert "藤编工艺和制陶工坊中，劳动热火朝天 ;" in "".join(story.paragraphs)


# A reprinted piece's source note (``（摘编自…）``) closes its story: no headline.
SOURCE_NOTE_PAGE = (
    "“精准复工”值得借鉴（纵横）\n\n"
    "随着春节假期的结束，返程人流增加，\n"
    "各单位陆续复工上班，精准复工才能确\n"
    "保战役取得胜利。\n\n"
    "（摘编自2月3日《经济日报》）\n\n"
    "三姐妹 做苏灯\n\n"
    "苏州灯彩是集绘画、剪纸、纸扎、编织\n"
    "及刺绣于一体的传统民间艺术，被列入\n"
    "国家级非物质文化遗产名录。\n"
)


def test_issue22_a_reprints_source_note_closes_its_story():
    first, second = parse_page(SOURCE_NOTE_PAGE, year=2020)
    assert second.title == "三姐妹 做苏灯"
    assert first.paragraphs[-1] == "（摘编自2月3日《经济日报》）"


# A headline right over the next story's dateline, in one block with it, under a story whose text
# broke off at a column's end: a headline, not the end of that sentence.
HEADLINE_OVER_DATELINE_PAGE = (
    "中葡各领域合作全面推进（大使随笔）\n\n"
    "刚刚过去的2018年，对中葡关系而言是\n"
    "极不平凡的一年。习近平主席此访为中\n"
    "葡关系长远发\n\n"
    "第二届中国国际进口博览\n"
    "会在韩国举行推介会\n"
    "本报首尔2月23日电  （记者马菲）  第二\n"
    "届中国国际进口博览会22日在韩国首尔\n"
    "举行推介会。\n"
)


def test_issue22_a_headline_in_the_datelines_block_stays_a_headline():
    first, second = parse_page(HEADLINE_OVER_DATELINE_PAGE, year=2019)
    assert second.title == "第二届中国国际进口博览会在韩国举行推介会"
    assert second.reporters == ("马菲",)
    assert "博览" not in "".join(first.paragraphs)


# A body line cut inside a list by a column break (``连日来，湖北、上海、广西、江西``) under a sentence's
# end, over the next story's headline: a comma and an enumeration comma together are a sentence's.
COMMA_AND_LIST_PAGE = (
    "各地一批患者治愈出院\n\n"
    "本报北京1月28日电  记者从湖北省卫生\n"
    "健康委员会获悉，武汉肺科医院一位87\n"
    "岁的老人达到出院标准。\n"
    "连日来，湖北、上海、广西、江西\n\n"
    "洞桥村山货网上卖（新春走基层）\n\n"
    "车，盘山而上，到了洞桥村。村里的山\n"
    "货如今在网上卖，杨玉超打开车窗，拿\n"
    "出手机一阵猛拍。\n"
)


def test_issue22_a_line_with_a_comma_and_a_list_is_no_run_on_headline():
    stories = parse_page(COMMA_AND_LIST_PAGE, year=2020)
    assert [story.title for story in stories][-1] == "洞桥村山货网上卖（新春走基层）"
    assert all("连日来" not in story.title for story in stories)


# A list of short words a column break cut, alone in its block: a sentence's, never a headline.
SHORT_LIST_PAGE = (
    "洞桥村山货网上卖\n\n"
    "村委会旁的服务站里，村主任正忙着清\n"
    "点货架上的商品：“去年销售额翻了两\n"
    "倍。”\n\n"
    "土鸡蛋、蜂蜜、豆豉、辣椒酱、泡\n\n"
    "萝卜，十几样已经包装好的土特产在货\n"
    "架上整齐排列，还有不少等着包装。\n"
)


def test_issue22_a_list_of_short_words_is_text():
    (story,) = parse_page(SHORT_LIST_PAGE, year=2020)
    assert story.title == "洞桥村山货网上卖"
    assert "土鸡蛋、蜂蜜、豆豉、辣椒酱、泡萝卜，十几样" in "".join(story.paragraphs)


# A story closed by its note (a roundup's reporters, wrapped by a column break), then a story on the
# same topic read block by block: the blocks after the note are not the closed story's, however many
# of its words they repeat (``新型冠状病毒``).
NOTE_CLOSES_PAGE = (
    "德国等国发现新型冠状病\n"
    "毒感染病例\n"
    "新华社北京1月28日电 综合\n"
    "\n"
    "新华社驻外记者报道：德国、斯里兰卡\n"
    "和柬埔寨卫生部门27日说，三国分别\n"
    "\n"
    "确诊了境内首例新型冠状病毒感染病例。\n"
    "\n"
    "德国巴伐利亚州卫生部门27日晚\n"
    "发表声明说，该州一名男子被确诊感染\n"
    "新型冠状病毒，这名患者已被隔离，目\n"
    "前临床状况良好。\n"
    "\n"
    "柬埔寨卫生大臣27日说，柬当天确诊\n"
    "了首例新型冠状病毒感染病例，患者正\n"
    "在医院的隔离病房接受治疗。\n"
    "\n"
    "(参与记者：田颖、唐璐、刘春涛、\n"
    "\n"
    "毛鹏飞、李保东)\n"
    "\n"
    "王毅同韩国外长康京和通\n"
    "电话\n"
    "\n"
    "新华社北京1月28日电 1月\n"
    "28日，国务委员兼外长王毅应约同韩\n"
    "国外长康京和通电话。\n"
    "\n"
    "康京和表示，韩方高度评价中国政\n"
    "府和人民团结一心，坚决控制新型冠状\n"
    "病毒感染肺炎疫情，赞赏中方为此采取\n"
    "的有力举措。韩方愿同中方共同应对挑\n"
    "战，早日平息疫情。\n"
    "\n"
    "王毅感谢韩方愿向中方提供必要帮\n"
    "\n"
    "助，强调中方将继续本着公开透明原则，\n"
    "同国际社会加强合作。\n"
    "\n"
    "搬迁开启新生活（新春走基层）\n"
    "\n"
    "过年，河北邢台市内丘县天和小区\n"
    "1号楼暖意融融。57岁的安金海拄着\n"
    "拐杖给正在做家务的老伴打着下手。\n"
    "\n"
    "老安原是内丘县侯家庄乡岭头村的\n"
    "贫困户，家里半亩水浇地，最难的还是\n"
    "出行，他几乎被困在大山里。\n"
    "\n"
    "三年前，内丘县开始实施易地扶贫\n"
    "搬迁工程，安金海是2019年夏天搬\n"
    "进新小区的。\n"
)


def test_issue22_a_closing_note_closes_the_story_that_holds_it():
    first, second, _third = parse_page(NOTE_CLOSES_PAGE, year=2020)
    assert first.paragraphs[-1] == "(参与记者：田颖、唐璐、刘春涛、毛鹏飞、李保东)"
    assert "康京和" not in "".join(first.paragraphs)
    assert "康京和表示" in "".join(second.paragraphs)
    assert "王毅感谢韩方" in "".join(second.paragraphs)


def _fragment(story: int, text: str, **edges: bool) -> Fragment:
    """A block as the segmenter left it; its edges False unless given."""
    fields = {
        "open_start": False,
        "open_end": False,
        "closed_end": False,
        "paragraph_start": False,
        "fixed": False,
    }
    fields.update(edges)
    return Fragment(story=story, text=text, **fields)


def test_issue22_a_seam_start_holding_its_own_storys_opening_words_stays():
    # The weather story's second block, its first line made to look full by a character the OCR added
    # (``中央和气象台预计…``), read after the concert story's sentence left open at a column's end: it
    # repeats the weather story's places, not the concert's words.
    fragments = [
        _fragment(
            0,
            "本报北京1月13日电  （记者刘毅）  13日白天，河北南部、河南、山东西部、安徽北部、江苏等地出现轻到中度霾。",
            closed_end=True,
            fixed=True,
        ),
        _fragment(
            1,
            "欢乐春节文艺晚会13日夜间在阿布贾举行，预计至14日上午，中央民族乐团等地的部分乐手在欢快的旋律的当",
            open_end=True,
            fixed=True,
        ),
        _fragment(
            0,
            "中央和气象台预计，13日夜间至14日上午，河南东部、山东南部、安徽北部、江苏北部等地有大雾。",
            open_start=True,
        ),
        _fragment(1, "晚会在一片欢声笑语中落下帷幕。", paragraph_start=True, closed_end=True),
    ]
    assert plan_seams(fragments) == []
    assert plan_seams(fragments, contest=True) == []


# A paragraph's first two lines a column break cut off after a story's end (``据介绍，…`` / ``…缺失、居民
# 小区和``), over the next story's headline: a comma and an enumeration comma in one block are a
# sentence's, never a headline's.
CLAUSE_AND_LIST_PAGE = (
    "山东加快充电基础设施建设\n\n"
    "本报济南1月6日电  （记者潘俊强）  山东\n"
    "印发实施意见，到2022年底前，全省充\n"
    "电基础设施保有量达到10万个以上。\n\n"
    "据介绍，山东省充电基础设施建设\n"
    "目前还存在车桩信息缺失、居民小区和\n\n"
    "李克强同老挝总理通伦举行会谈\n\n"
    "本报北京1月6日电  （记者王迪）  国务\n"
    "院总理李克强6日上午在人民大会堂同老\n"
    "挝总理通伦举行会谈。\n"
)


def test_issue22_a_block_with_a_comma_and_a_list_is_no_headline():
    first, second = parse_page(CLAUSE_AND_LIST_PAGE, year=2020)
    assert second.title == "李克强同老挝总理通伦举行会谈"
    assert "目前还存在车桩信息缺失、居民小区和" in "".join(first.paragraphs)


# A body line a column break cut inside a book title (``依据《中国共产党纪律处分条例》“《中``), under a
# story's last sentence: a headline names a title whole, never leaves ``《`` open.
OPEN_TITLE_MARK_PAGE = (
    "刘士余受到留党察看二年、政务撤职处分\n\n"
    "本报北京10月4日电  （记者姜洁）  中央\n"
    "纪委国家监委网站4日发布消息，刘士余\n"
    "严重违反党的纪律。\n"
    "依据《中国共产党纪律处分条例》“《中\n\n"
    "巩立妍夺得世锦赛女子铅\n"
    "球金牌\n\n"
    "本报多哈10月4日电  （记者季芳）  巩立\n"
    "妍以19米55的成绩夺得女子铅球金牌。\n"
)


def test_issue22_a_line_leaving_a_book_title_open_is_no_headline():
    first, second = parse_page(OPEN_TITLE_MARK_PAGE, year=2019)
    assert first.title == "刘士余受到留党察看二年、政务撤职处分"
    assert second.title == "巩立妍夺得世锦赛女子铅球金牌"
    assert "依据《中国共产党纪律处分条例》" in first.paragraphs[-1]


# A story's lead read by the OCR in its headline's block, under the line its column label ends: set as a
# paragraph's first line (two cells short), it goes on in the next block on a full line.
LEAD_UNDER_LABEL_PAGE = (
    "广东东莞常安医院检验师钱珊英——\n\n"
    "身在湖北，请求就近支\n"
    "援”（一线抗疫群英谱）\n"
    "在湖北省天门市疾控中心的卫生应急\n\n"
    "机动队检验组，有这样一个特别的身影：\n"
    "她并非该中心职工，工作单位远在广东，\n"
    "春节回到家乡湖北后得知疫情形势严峻，\n"
    "她毅然选择就地支援，临时加入检验组。\n"
)


def test_issue22_a_first_line_under_a_column_label_is_the_lead():
    (story,) = parse_page(LEAD_UNDER_LABEL_PAGE, year=2020)
    assert "卫生应急" not in story.title
    assert story.paragraphs[0].startswith("在湖北省天门市疾控中心的卫生应急机动队检验组")


# A paragraph's line ending on the particle 的, alone in its block after the story's last sentence, over a
# block that reads on from it on a full line: the particle has its word after it, no headline ends so.
ENDS_ON_DE_PAGE = (
    "王岐山会见泰国公主诗琳通\n\n"
    "本报北京9月30日电  （记者王远）  国家\n"
    "副主席王岐山30日在北京钓鱼台国宾馆会\n"
    "见泰国公主诗琳通。\n\n"
    "中方十分珍视中泰两国及与泰国王室的\n\n"
    "传统友谊，愿同泰方继续密切高层交往，\n"
    "加强各领域交流与合作，更多造福两国\n"
    "民众。\n"
)


def test_issue22_a_line_ending_on_de_over_a_line_reading_on_is_text():
    (story,) = parse_page(ENDS_ON_DE_PAGE, year=2019)
    assert story.title == "王岐山会见泰国公主诗琳通"
    assert "与泰国王室的传统友谊" in "".join(story.paragraphs)


# A page opening with its first story's headline set right over the dateline, no blank line between:
# the lines over the dateline are the headline, not the start of a story's text.
HEADLINE_ATOP_DATELINE_PAGE = (
    "监管提高精准性 (权威发布)\n"
    "对药品食品还要“严防死守”\n"
    "本报北京2月15日电  (记者\n"
    "林丽鹂)  国新办15日举办政策吹风会，\n"
    "介绍在市场监管领域全面推行部门联合\n"
    "“双随机、一公开”监管有关情况。\n"
    "国家市场监管总局副局长马正其介\n"
    "绍，过去，市场监管采取了一些比较传\n"
    "统的办法，实行网格化管理。每个监管\n"
    "干部管八百户企业，月月都要看一次，\n"
    "影响企业正常经营。\n"
)


def test_issue22_headline_lines_atop_a_dateline_in_one_block_are_the_headline():
    (story,) = parse_page(HEADLINE_ATOP_DATELINE_PAGE, year=2019)
    assert story.title == "监管提高精准性 (权威发布) 对药品食品还要“严防死守”"
    assert story.date == "2019-02-15"
    assert story.reporters == ("林丽鹂",)


# A kicker leading into its title ends on a dash: its comma and enumeration comma do not make it text.
DASH_KICKER_PAGE = (
    "胡春华会见捷克总统特使\n\n"
    "本报讯（记者朱超）  国务院副总理胡春华\n"
    "27日在中南海会见捷克总统特使、总统府\n"
    "办公厅主任米纳日。\n\n"
    "促进农超对接、农批对接，江苏淮安——\n\n"
    "畅通渠道，解决果蔬滞销问题\n\n"
    "本报讯（记者 姚雪青）近日，江苏省淮安\n"
    "市商务局、农业农村局联合印发通知，促\n"
    "进农超对接，畅通果蔬销售渠道。\n"
)


def test_issue22_a_kicker_ending_on_a_dash_keeps_its_comma_and_list():
    _first, second = parse_page(DASH_KICKER_PAGE, year=2020)
    assert second.title == "促进农超对接、农批对接，江苏淮安—— 畅通渠道，解决果蔬滞销问题"


def test_explain_numbers_lines_as_the_file_does_after_a_side_by_side_band():
    """Regression (benchmarks/reports/pages-ocr.md, issue 22): lines cut out of a side-by-side band were
    numbered as cut, so every line number `--explain` printed from the band on ran past the file's by the
    lines the cut added. A cut line's pieces each show the file line they came from."""
    assert explain_page(SIDE_BY_SIDE_PAGE, year=2020) == [
        "2 篇 stories, 0 with an inferred title",
        "story 1: lines 9-19, 1 paragraph(s)",
        "  headline (printed, lines 5-7): 郭声琨在突击检查监管场所时强调 以强有力措施打赢疫情防控这场硬仗",
        "  headline 郭声琨在突击检查监管场所时强调以强有力…: its character pairs in this story's text 0.66, "
        "in another story's at most 0.00 (story 2)",
        "  byline: -; date: 2020-02-22",
        "  starts: 新华社北京2月22日电 中共中央政治局委员郭声琨22日到北…",
        "  line 5: headline: short, no sentence marks, between stories",
        "  line 7: headline: continues the headline above",
        "  line 9: opens a story: a dateline",
        "  joined lines 17-19, read after another story's text, to this story, which they continue: "
        "shares 0.71 of its words with it (its own story -0.06); seam 员郭声琨|22日到",
        "story 2: lines 11-15, 1 paragraph(s)",
        "  headline (printed, lines 5-9): 天津高新区 真招实招防疫 真金白银 减负",
        "  headline 天津高新区真招实招防疫真金白银减负: its character pairs in this story's text 0.88, "
        "in another story's at most 0.00 (story 1)",
        "  byline: 记者 靳博; date: 2020-02-22",
        "  starts: 本报天津2月22日电(记者 靳博)天津滨海高新区管委会给企…",
        "  line 5: headline: short, no sentence marks, between stories",
        "  line 7: headline: continues the headline above",
        "  line 9: headline: continues the headline above",
        "  line 11: opens a story: a dateline",
        "dropped line 1 as masthead: 人民日报",
        "dropped line 3 as header/footer: 2020年2月23日 星期日",
    ]
    # The file's lines those numbers name: the band's, the dateline under it, the text read across.
    file_lines = SIDE_BY_SIDE_PAGE.splitlines()
    assert file_lines[4].startswith("天津高新区") and file_lines[8].endswith("郭声琨")
    assert file_lines[10].startswith("本报天津") and file_lines[18].endswith("这场硬仗。")


def test_parse_page_origin_lines_are_the_files_after_a_side_by_side_band():
    """`ParsedArticle.origin_lines` names the story's first and last lines in the file."""
    spans = {story.title: story.origin_lines for story in parse_page(SIDE_BY_SIDE_PAGE, year=2020)}
    assert spans == {
        "郭声琨在突击检查监管场所时强调 以强有力措施打赢疫情防控这场硬仗": (9, 19),
        "天津高新区 真招实招防疫 真金白银 减负": (11, 15),
    }
