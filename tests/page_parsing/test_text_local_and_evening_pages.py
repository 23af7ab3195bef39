"""Text pages: conventions of two more kinds of paper (`benchmarks.localpages`).

Each case is a small made-up page in the shape of a failure seen on the `local_daily` (a provincial
party paper) and `evening_paper` (an evening or metropolitan paper) families' pages.
"""

from __future__ import annotations

from storage.ingest.ocr_page import (
    explain_page,
    find_page_date,
    is_byline,
    is_page_furniture,
    parse_byline,
    parse_page,
)


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
    assert not is_page_furniture("10 月份全市")
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


def test_issue22_a_column_of_briefs_each_under_its_bulleted_head():
    # Briefs set one under another with no blank line between: each bulleted head closes the brief above
    # and heads the text under it; the bullet is no part of the title; authors in brackets close a brief.
    page = (
        "短讯\n\n"
        "■天津在京津冀协同发展中谋项目\n"
        "前三季度，天津固定资产\n"
        "投资同比增长15.4%。\n"
        "（记者 何芳 梁萍丽）\n"
        "■开放带来进步\n"
        "江小涓撰著的《新中国对外\n"
        "开放70年》一书已出版。\n"
        "（蔡一丽）\n"
        "■冯元蔚同志逝世\n"
        "四川省政协原主席冯元蔚同\n"
        "志在成都逝世，享年89岁。\n"
    )
    first, second, third = parse_page(page, year=2019)
    assert [first.title, second.title, third.title] == [
        "天津在京津冀协同发展中谋项目",
        "开放带来进步",
        "冯元蔚同志逝世",
    ]
    assert first.paragraphs == ("前三季度，天津固定资产投资同比增长15.4%。",)
    assert first.reporters == ("何芳", "梁萍丽")
    assert second.paragraphs == ("江小涓撰著的《新中国对外开放70年》一书已出版。",)
    assert second.reporters == ("蔡一丽",)
    assert third.paragraphs == ("四川省政协原主席冯元蔚同志在成都逝世，享年89岁。",)
    assert third.reporters == ()


def test_issue22_bulleted_lines_inside_a_story_or_a_headline_stay_there():
    # A headline's bulleted phrases, one under another, are its lines; an indented bulleted list item
    # and a paragraph opening with a bullet (its line cut inside a word, 通|过) are the story's text.
    page = (
        "各级财政安排资金用于疫情防控\n"
        "●及早惠及重点企业\n"
        "●全力支持复工复产\n\n"
        "本报北京2月2日电  （记者曲\n"
        "哲涵）财政部门及时下达资金。\n"
        "　　●避开点火源，不在厨房等\n"
        "有明火的地方使用。\n"
        "■中葡关系经历了1999年通\n"
        "过和平协商解决澳门问题等一个\n"
        "个发展阶段，日益成熟稳定。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.title == "各级财政安排资金用于疫情防控 ●及早惠及重点企业 ●全力支持复工复产"
    assert article.paragraphs[-1].startswith("■中葡关系经历了1999年通过和平协商")
    assert any(p.startswith("●避开点火源") for p in article.paragraphs)


def test_issue22_authors_in_brackets_close_a_short_item():
    # A short item signed by its authors after its last sentence, on the line or under it: they are its
    # reporters, not a paragraph; the next headline starts the next story.
    page = (
        "郑州新开两条公交线\n\n"
        "本报讯  近日，郑州市新开\n"
        "两条公交线路。（王某 李明）\n\n"
        "南阳举办月季展\n\n"
        "本报讯  南阳月季展开幕，\n"
        "吸引游客十余万人次。\n"
        "（张伟）\n\n"
        "一句话新闻\n\n"
        "本报讯  图片展在郑州开幕。\n"
        "（人民视觉）\n\n"
        "郑州图书节闭幕\n\n"
        "本报讯  郑州图书节昨日闭幕。\n"
        "（全文完）\n"
    )
    first, second, third, fourth = parse_page(page, year=2020)
    assert first.paragraphs == ("本报讯 近日，郑州市新开两条公交线路。",)
    assert first.reporters == ("王某", "李明")
    assert second.paragraphs == ("本报讯 南阳月季展开幕，吸引游客十余万人次。",)
    assert second.reporters == ("张伟",)
    assert second.title == "南阳举办月季展"
    assert third.reporters == ()  # an agency's note in brackets names no author
    assert fourth.reporters == ()  # nor does a closing note


def test_issue22_a_guide_to_other_pages_and_a_provincial_header_belong_to_no_story():
    # A provincial paper's page: its name, date and ``12  经济`` one a line, then a 导读 box listing
    # stories of other pages, each ending with its page; the footer credits the page's editors.
    page = (
        "河南日报\n"
        "2020年1月17日  星期五\n"
        "12  经济\n\n"
        "【导读】\n"
        "▶武汉：商品丰富物价稳 （第6版）\n"
        "◆致敬！逆向而行的白衣天使 第11版\n\n"
        "【奋进新时代】\n"
        "李克强会见欧盟委员会官员\n\n"
        "本报讯（记者王远）国务院总理李\n"
        "克强会见欧盟委员会副主席。\n\n"
        "本版责任编辑：马远娟\n"
        "校对：李明\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.title == "【奋进新时代】 李克强会见欧盟委员会官员"
    assert article.paragraphs == ("本报讯（记者 王远）国务院总理李克强会见欧盟委员会副主席。",)
    assert is_page_furniture("本版责任编辑：马远娟")


def test_issue22_authors_in_brackets_a_column_break_set_apart_still_close_their_story():
    page = (
        "万里高空的生命救援\n\n"
        "本报讯  机上很多乘客纷纷送来\n"
        "硝酸甘油、救心丸等药物。\n\n"
        "（胡思敏 郭萍轩）\n\n"
        "【奋进新时代】\n"
        "李克强会见欧盟委员会官员\n\n"
        "本报讯（记者王远）国务院总理李\n"
        "克强会见欧盟委员会副主席。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.reporters == ("胡思敏", "郭萍轩")
    assert first.paragraphs == ("本报讯 机上很多乘客纷纷送来硝酸甘油、救心丸等药物。",)
    assert second.title == "【奋进新时代】 李克强会见欧盟委员会官员"


def test_issue22_a_relative_day_dates_a_story_only_when_it_opens_the_lead():
    # ``近日，…`` on a page that prints its date is of that day; ``记者近日从…获悉`` says when the
    # reporter learnt of it, not when it happened: no date rather than a guess.
    page = (
        "2019.10.23  星期三\n\n"
        "上半年森林旅游达9亿人次\n\n"
        "记者 顾仲阳\n"
        "记者近日从国家林草局获悉：\n"
        "森林旅游游客量达9亿人次。\n\n"
        "北京编纂传统村落志\n\n"
        "记者 施芳\n"
        "近日，北京启动编纂4部市级\n"
        "传统村落志。\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.date is None
    assert second.date == "2019-10-23"


def test_issue22_a_short_block_over_a_byline_is_the_next_storys_headline():
    # Headline lines may carry a comma each or an exclamation inside; over the byline that opens the next
    # story they are its headline, not the end of the story above.
    page = (
        "军运村全力保证食品安全\n\n"
        "记者 梁国明\n"
        "军运村餐厅提供各类食品和饮品，以\n"
        "满足各地运动员口味需求。\n\n"
        "盲目补钙，多药共服\n"
        "这些用药误区，你知道吗\n\n"
        "■记者 梁洋宇 通讯员 何杰\n"
        "全国安全用药月启动仪式10月17日\n"
        "举办，此次活动聚焦用药误区。\n\n"
        "强寒潮来袭！雨雪天气上线\n"
        "农业农村部部署农业生产防御\n\n"
        "本报记者 刘毅\n"
        "中央气象台预计，最强寒潮天气将自\n"
        "北向南影响我国。\n"
    )
    first, second, third = parse_page(page, year=2019)
    assert first.paragraphs == ("军运村餐厅提供各类食品和饮品，以满足各地运动员口味需求。",)
    assert second.title == "盲目补钙，多药共服 这些用药误区，你知道吗"
    assert (second.reporters, second.correspondents) == (("梁洋宇",), ("何杰",))
    assert third.title == "强寒潮来袭！雨雪天气上线 农业农村部部署农业生产防御"
    assert third.reporters == ("刘毅",)


def test_issue22_a_bulleted_sub_heading_inside_a_story_stays_in_it():
    # ``■小贴士`` inside a long story no column of briefs opened: a sub-heading, the story's text.
    page = (
        "京张高铁，冰雪之旅\n\n"
        "本报讯（记者 林英）京张高铁开通运营。\n"
        "沿途可参观游览，学习滑雪知识。\n"
        "■小贴士\n"
        "截至1月17日，京张高铁日常开行\n"
        "动车组列车。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.paragraphs[-2:] == ("■小贴士", "截至1月17日，京张高铁日常开行动车组列车。")


def test_issue22_a_last_line_over_its_closing_note_is_no_headline():
    # A column break left the last sentence's end and the author's note in a block of their own: the
    # end of the story above, never a headline for the story after.
    page = (
        "中俄合作之路越走越宽\n\n"
        "本报讯（记者 沈远）中俄两国关系不断取\n"
        "得新突破，造福两国和两国人民。\n"
        "农历鼠年象征着新一个十二年轮回\n"
        "的开始。在事业和生活的双车道上，让\n"
        "我们用“鼠”不尽的奋斗和汗水去迎接\n\n"
        "璀璨的成功与幸福！\n"
        "（作者为中国驻俄罗斯大使）\n\n"
        "【一线传真】\n"
        "脸上多了笑容 眼里有了精神\n\n"
        "本报讯（记者 吴敏强）我是吉林省蛟河\n"
        "市农民摄影队伍的一员。每年春节前，我\n"
        "都跟着市里的文化活动下乡。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.paragraphs[-1] == "（作者为中国驻俄罗斯大使）"
    assert first.paragraphs[-2].endswith("去迎接璀璨的成功与幸福！")
    assert second.title == "【一线传真】 脸上多了笑容 眼里有了精神"


def test_issue22_a_column_head_over_briefs_heads_no_story():
    # ``资讯`` over a column of briefs closes the story above and is nobody's headline.
    page = (
        "加快向新型主流媒体整体转型\n\n"
        "记者 魏远海\n"
        "我们以中国科技资讯库为根基，构建\n"
        "科技资讯服务和资讯资源融合网络。\n\n"
        "资讯\n\n"
        "▶媒体融合发展论坛在深圳举行\n"
        "媒体融合发展论坛25日在深圳举\n"
        "行，与会嘉宾就融合发展交流。\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.title == "加快向新型主流媒体整体转型"
    assert second.title == "媒体融合发展论坛在深圳举行"


def test_issue22_a_headline_with_a_comma_set_to_the_measure_under_its_kicker():
    # The kicker a block apart, then a main line with a comma about as wide as the column (12 cells),
    # over the next story's dateline: both are its headline, not text of the story above.
    page = (
        "习近平出席欢迎仪式\n\n"
        "本报讯（记者 周之然）当地\n"
        "时间1月17日下午，两国元首\n"
        "分别同对方陪同人员一一握\n"
        "手问候。丁薛祥、杨洁篪、\n"
        "王毅、何立峰等出席欢迎仪\n"
        "式。\n\n"
        "2020年春晚第二次彩排\n\n"
        "欢乐吉祥，创新亮点频出\n\n"
        "本报讯（记者 朱芳）\n"
        "“共圆小康梦 欢乐过大年”，\n"
        "1月16日，中央广播电视总\n"
        "台2020年春节联欢晚会进行\n"
        "第二次彩排。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.paragraphs[-1].endswith("何立峰等出席欢迎仪式。")
    assert second.title == "2020年春晚第二次彩排 欢乐吉祥，创新亮点频出"


def test_issue22_jump_lines_without_brackets():
    # ``下转第4版`` ends the story cut off; ``上接第1版`` alone on its line opens the rest of a story
    # begun on another page (its text under it, not a headline).
    page = (
        "省政府部署深化改革工作\n\n"
        "本报讯（记者 王某）4月6日，省政府召开\n"
        "常务会议，研究部署深化改革工作。\n"
        "下转第4版\n\n"
        "全省春耕备耕有序推进\n\n"
        "上接第1版\n"
        "各地春耕备耕有序推进，农资供应\n"
        "充足，春播面积稳中有增。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "省政府部署深化改革工作"
    assert first.paragraphs == ("本报讯（记者 王某）4月6日，省政府召开常务会议，研究部署深化改革工作。",)
    assert second.title == "全省春耕备耕有序推进"
    assert second.paragraphs == ("各地春耕备耕有序推进，农资供应充足，春播面积稳中有增。",)
    explained = explain_page(page, year=2020)
    assert any("as jump line: 下转第4版" in line for line in explained)
    assert any("as jump line: 上接第1版" in line for line in explained)


def test_issue22_an_editors_credit_in_brackets_after_the_end_mark_is_no_headline():
    # ``【编辑:张子怡】`` after ``(完)`` credits the editor: it is page furniture, not the next headline.
    assert is_page_furniture("【编辑:张子怡】")
    assert not is_page_furniture("厚植高技能人才培育土壤（编辑手记）")
    page = (
        "深化改革开放\n\n"
        "中新网4月6日电 (记者 王某)省政府召开\n"
        "常务会议，研究部署改革工作。(完)\n"
        "【编辑:张子怡】\n\n"
        "春耕备耕有序推进\n\n"
        "中新网4月6日电 各地春耕备耕有序推进，\n"
        "春播面积稳中有增。(完)\n"
        "【编辑:李明】\n"
    )
    first, second = parse_page(page, year=2020)
    assert (first.title, second.title) == ("深化改革开放", "春耕备耕有序推进")


def test_issue22_an_editors_initials_after_the_last_sentence_are_dropped():
    page = (
        "省政府部署深化改革工作\n\n"
        "本报讯 4月6日，省政府召开常务会议，研\n"
        "究部署改革工作。（ZY）\n\n"
        "全省春耕备耕有序推进\n\n"
        "本报讯 4月6日，各地春耕备耕有序推进，\n"
        "春播面积稳中有增。\n"
        "(LM)\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.paragraphs == ("本报讯 4月6日，省政府召开常务会议，研究部署改革工作。",)
    assert second.paragraphs == ("本报讯 4月6日，各地春耕备耕有序推进，春播面积稳中有增。",)
    assert first.reporters == second.reporters == ()


def test_issue22_an_editors_note_is_the_first_paragraph_of_the_story_under_it():
    # ``编者按：…`` printed between the headline and the dateline: the story's first paragraph; the
    # dateline under it goes on the same story and gives its date and reporters.
    page = (
        "深化改革开放\n\n"
        "编者按：今年是改革开放关键之年，本报\n"
        "推出系列报道，敬请关注。\n\n"
        "本报讯（记者 王某）4月6日，省政府召开\n"
        "常务会议，研究部署改革工作。\n\n"
        "春耕备耕有序推进\n\n"
        "本报讯（记者 李明）4月6日，各地春耕备\n"
        "耕有序推进。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "深化改革开放"
    assert first.paragraphs[0] == "编者按：今年是改革开放关键之年，本报推出系列报道，敬请关注。"
    assert first.paragraphs[1].endswith("4月6日，省政府召开常务会议，研究部署改革工作。")
    assert (first.date, first.reporters) == ("2020-04-06", ("王某",))
    assert second.title == "春耕备耕有序推进"


def test_issue22_a_city_papers_own_dateline_and_byline_ornaments():
    # ``新京报讯（记者 李明）`` opens a story as ``本报讯`` does; ``◎晨报记者 王某`` is a byline.
    page = (
        "深化改革开放\n\n"
        "◎晨报记者 王某\n"
        "省政府召开常务会议，研究部署改\n"
        "革工作。\n\n"
        "春耕备耕有序推进\n\n"
        "新京报讯（记者 李明）4月6日，各地春耕备\n"
        "耕有序推进。\n"
    )
    first, second = parse_page(page, year=2020)
    assert (first.reporters, first.paragraphs) == (("王某",), ("省政府召开常务会议，研究部署改革工作。",))
    assert (second.reporters, second.date) == (("李明",), "2020-04-06")
    assert not is_byline("情报讯息显示，市场回暖。")


def test_issue22_the_new_families_are_reproducible_and_keep_furniture_out_of_the_truth():
    import pytest

    from benchmarks import localpages, rmrb

    if not rmrb.available():
        pytest.skip(f"no People's Daily corpus at {rmrb.root()}")
    for family in localpages.FAMILIES:
        first = localpages.make_family(family, 2, seed=7)
        again = localpages.make_family(family, 2, seed=7)
        assert [p.text for p in first] == [p.text for p in again]
        for page in first:
            for story in page.expected:
                text = "".join(story.paragraphs)
                assert story.title and text
                assert not any(mark in text for mark in ("导读", "责任编辑", "▲", "下转"))
