"""OCR'd pages, line roles decided from several cues together.

Small made-up pages in the shape of failures measured on the tuned PIL OCR sets (`benchmarks.ocrpages`
seeds 1, 3 and 4), each rule checked against the commit before it.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

# A story's column cut inside a sentence (``研透作战任务、作``), then, read next by the OCR, another
# story's headline in one block with its lead, no blank line between (``多哥开设首个大学中文系`` /
# ``近日，多哥洛美大学新开设中文系``): the short line had been read as text of the story above.
HEADLINE_ATOP_LEAD_PAGE = (
    "人民日报\n\n"
    "2020年1月3日 星期五\n"
    "第9版 国际\n\n"
    "全军开训动员部署今年训练\n\n"
    "新华社北京1月2日电 1月2\n"
    "日，中央军委发布开训动员令，要求全\n"
    "军坚持以战领训，大抓实战化军事训练，\n"
    "保持高度戒备状态，确保召之即来。\n\n"
    "突出以战领训，研透作战任务、作\n\n"
    "多哥开设首个大学中文系\n"
    "近日，多哥洛美大学新开设中文系\n\n"
    "并迎来首批21名新学生。这标志着西\n"
    "非国家多哥的首个大学中文专业正式启\n"
    "动。洛美大学中文系由该校孔子学院承\n"
    "担教学，兼顾培养学生对汉学的兴趣。\n\n"
    "战对手、作战环境，加强实案化训练，\n"
    "有效塑造态势、管控危机、遏制战争。\n"
)


def test_issue22_a_headline_read_atop_its_lead_after_a_sentence_cut_off_opens_a_story():
    articles = parse_page(HEADLINE_ATOP_LEAD_PAGE, year=2020)
    togo = [a for a in articles if a.title == "多哥开设首个大学中文系"]
    assert len(togo) == 1
    assert togo[0].paragraphs[0].startswith("近日，多哥洛美大学新开设中文系并迎来首批21名新学生。")
    assert not any("多哥开设首个大学中文系" in "".join(a.paragraphs) for a in articles)
    explained = "\n".join(explain_page(HEADLINE_ATOP_LEAD_PAGE, year=2020))
    assert "line 15: headline: set atop its lead in one block" in explained


def test_issue22_a_sub_heading_atop_its_paragraph_after_a_sentence_end_stays_in_its_story():
    # The same two lines after a paragraph that ended its sentence: a sub-heading of the story it stands
    # in (it repeats its paragraph's words too), never the headline of a story of its own.
    page = HEADLINE_ATOP_LEAD_PAGE.replace("突出以战领训，研透作战任务、作\n\n", "")
    articles = parse_page(page, year=2020)
    assert not any(a.title == "多哥开设首个大学中文系" for a in articles)
    assert "headline: set atop its lead" not in "\n".join(explain_page(page, year=2020))


# A story's body lines the OCR read a block each (blank lines between), one of them set full with no
# sentence mark in it (``上海交通大学的大学生深情讲述了自己``) after a paragraph that ended its sentence:
# it had been taken for the headline of a story the blocks under it opened.
BODY_LINE_ALONE_PAGE = (
    "人民日报\n\n"
    "2020年1月17日 星期五\n"
    "第6版 要闻\n\n"
    "各界群众参与网络拉歌\n\n"
    "本报北京1月16日电 （记者\n"
    "李明）新年伊始，深情的歌声唱响全网，\n"
    "社会各界群众通过各种方式自发参与网络\n"
    "拉歌活动，表达浓浓的爱国之情。广电总\n"
    "台的主持人也参与到网络拉歌活动之\n\n"
    "中，按从北往南的顺序，每天一市，各\n\n"
    "区市广播电视主持人以接力方式参与。\n"
    "高校师生热情参与网络拉歌活动。\n\n"
    "西南理工学院的学生们动情讲述了自己\n\n"
    "家乡的大江大河，黄河、长江、黑龙江、\n\n"
    "澜沧江……几乎每个人的家乡都有一条\n"
    "大河。许多青年学子在车站、广场唱出\n"
    "对国家的美好祝愿。\n\n"
    "春运首日全国铁路发送旅客千万人次\n\n"
    "本报北京1月16日电 （记者赵小红）16日，\n"
    "全国铁路发送旅客一千万人次，各地\n"
    "车站秩序井然。\n"
)


def test_issue22_a_full_body_line_read_as_a_block_of_its_own_stays_in_its_story():
    articles = parse_page(BODY_LINE_ALONE_PAGE, year=2020)
    assert [a.title for a in articles] == ["各界群众参与网络拉歌", "春运首日全国铁路发送旅客千万人次"]
    body = "".join(articles[0].paragraphs)
    assert "西南理工学院的学生们动情讲述了自己家乡的大江大河" in body
    explained = "\n".join(explain_page(BODY_LINE_ALONE_PAGE, year=2020))
    assert "line 19: text: a body line read as a block of its own" in explained


def test_issue22_a_full_headline_whose_story_repeats_it_still_opens_that_story():
    # The same line over text that repeats its words is the headline of the story that text opens.
    page = BODY_LINE_ALONE_PAGE.replace(
        "家乡的大江大河，黄河、长江、黑龙江、\n\n", "理工学院学生在校园动情讲述自己家乡、\n\n"
    )
    titles = [a.title for a in parse_page(page, year=2020)]
    assert "西南理工学院的学生们动情讲述了自己" in titles


# A kicker with a comma in it (``湖北聚焦“关键少数”，持续高压反腐``), read by the OCR after a story that
# ended its sentence and over another story's headline and dateline: it had been kept as the last line of
# the story above (a comma: a body line cut off, as that rule reads it), and its own story lost it.
KICKER_WITH_A_COMMA_PAGE = (
    "人民日报\n\n"
    "2020年1月17日 星期五\n"
    "第7版 经济\n\n"
    "各界群众参与网络拉歌\n\n"
    "本报北京1月16日电 （记者\n"
    "李明）新年伊始，深情的歌声唱响全网，\n"
    "社会各界群众通过各种方式自发参与网络\n"
    "拉歌活动，表达浓浓的爱国之情。网友纷\n"
    "纷表示，要接力奋斗、不负青春。\n\n"
    "湖南聚焦“关键少数”，持续高压反腐\n\n"
    "冬季两项全国锦标赛开幕\n\n"
    "据新华社长春1月16日电 （记者王强）\n"
    "冬季两项全国锦标赛16日在吉林开幕，\n"
    "来自全国的200多名选手参加比赛。\n\n"
    "去年查处违纪违法一把手312人\n\n"
    "本报长沙1月16日电 （记者赵兵）湖南\n"
    "省纪委监委通报，2019年，湖南省持续\n"
    "保持反腐败斗争高压态势，聚焦“关键少\n"
    "数”，共立案查处违纪违法一把手312人。\n"
)


def test_issue22_a_kicker_with_a_comma_over_another_headline_goes_to_the_headlines():
    song, skiing, hunan = parse_page(KICKER_WITH_A_COMMA_PAGE, year=2020)
    assert "持续高压反腐" not in "".join(song.paragraphs)
    assert skiing.title == "冬季两项全国锦标赛开幕"
    assert hunan.title == "湖南聚焦“关键少数”，持续高压反腐 去年查处违纪违法一把手312人"
    explained = "\n".join(explain_page(KICKER_WITH_A_COMMA_PAGE, year=2020))
    assert "line 14: headline: a kicker with a comma over a headline over a dateline" in explained


def test_issue22_a_line_of_the_story_above_with_a_comma_stays_its_text():
    # A line the story above repeats (``马正其说，现在“双随机”规定每``: its own words) is its text cut off
    # by a column break, though a headline and a dateline follow it.
    page = KICKER_WITH_A_COMMA_PAGE.replace(
        "湖南聚焦“关键少数”，持续高压反腐\n\n", "网友纷纷表示，要接力奋斗不负青春\n\n"
    )
    song = parse_page(page, year=2020)[0]
    assert "网友纷纷表示，要接力奋斗不负青春" in "".join(song.paragraphs)


# One story of two dispatches (``王毅分别同…通电话``), the second's paragraph read as a block of its own
# with the story's own dateline: it had opened a story of its own, titled by its lead.
TWO_DISPATCHES_PAGE = (
    "人民日报\n\n"
    "2020年2月29日 星期六\n"
    "第8版 国际\n\n"
    "王毅分别同意大利伊朗外长通电话\n\n"
    "本报北京2月28日电 2月2\n"
    "8日，国务委员兼外长王毅同意大利外\n"
    "长迪马约通电话。\n\n"
    "王毅表示，病毒是人类共同的敌人，需\n"
    "要国际社会携手应对。\n\n"
    "本报北京2月28日电 2月2\n"
    "8日，国务委员兼外长王毅同伊朗外长\n"
    "扎里夫通电话。\n\n"
    "扎里夫表示，感谢中方专门来电话表达\n"
    "慰问和支持，两国人民将永远站在一起。\n\n"
    "全国商务工作电视电话会议召开\n\n"
    "新华社北京2月28日电 全国商务系\n"
    "统应对疫情做好商务工作电视电话会议\n"
    "28日在北京召开，会议部署稳外贸工作。\n"
)


def test_issue22_a_second_dispatch_in_a_block_of_its_own_goes_on_its_story():
    calls, meeting = parse_page(TWO_DISPATCHES_PAGE, year=2020)
    assert "同伊朗外长扎里夫通电话。" in "".join(calls.paragraphs)
    assert calls.paragraphs[-1].startswith("扎里夫表示")
    assert meeting.title == "全国商务工作电视电话会议召开"
    explained = "\n".join(explain_page(TWO_DISPATCHES_PAGE, year=2020))
    assert "line 15: a second dispatch of the open story: its dateline the story's own" in explained


def test_issue22_a_dispatch_of_another_day_in_a_block_of_its_own_opens_a_story():
    page = TWO_DISPATCHES_PAGE.replace(
        "本报北京2月28日电 2月2\n8日，国务委员兼外长王毅同伊朗",
        "本报北京2月27日电 2月2\n7日，国务委员兼外长王毅同伊朗",
    )
    articles = parse_page(page, year=2020)
    assert len(articles) == 3
    assert articles[1].paragraphs[0].startswith("本报北京2月27日电")


def test_issue22_a_headline_wrapped_after_a_list_comma_over_a_dateline_is_a_headline():
    # ``王毅分别同意大利外长、`` / ``伊朗外长通电话`` over the dateline: both lines short of the column, the
    # last ending on a word (a paragraph's last line ends its sentence). It had opened a story of its own.
    page = TWO_DISPATCHES_PAGE.replace(
        "王毅分别同意大利伊朗外长通电话\n", "王毅分别同意大利外长、\n伊朗外长通电话\n"
    )
    calls, meeting = parse_page(page, year=2020)
    assert calls.title == "王毅分别同意大利外长、伊朗外长通电话"
    assert calls.paragraphs[0].startswith("本报北京2月28日电")
    assert meeting.title == "全国商务工作电视电话会议召开"


def test_issue22_a_body_line_ending_on_a_list_comma_over_a_dateline_stays_text():
    # A line set full ending on ``、`` is a body line cut off by a column break, whatever follows it.
    page = TWO_DISPATCHES_PAGE.replace(
        "全国商务工作电视电话会议召开\n\n", "两国人民在抗疫中守望相助，中方对伊朗、\n意大利表示感谢\n\n"
    )
    titles = [a.title for a in parse_page(page, year=2020)]
    assert not any(title.startswith("两国人民在抗疫中守望相助") for title in titles)
