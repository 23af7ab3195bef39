"""OCR'd pages (`benchmarks.ocrpages`, seeds 1 and 3): kickers, split headlines and closing notes.

Each case is a small made-up page in the shape of a failure measured on pages rendered to images and
read back by Tesseract.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

# A column break left one body line alone in its block, right under the story's last sentence: it holds
# a comma and is set to the column's measure, so it is no headline of the story after it.
COMMA_LINE_PAGE = (
    "市场监管推行双随机\n\n"
    "本报北京2月15日电  国新办15日举办政\n"
    "策吹风会，介绍在市场监管领域全面推行\n"
    "部门联合“双随机、一公开”监管情况。\n"
    "国家市场监管总局副局长马正其介绍，过\n"
    "去市场监管采取网格化管理，影响企业正\n"
    "常经营。\n\n"
    "马正其说，现在“双随机”规定每一\n\n"
    "王毅会见上合组织秘书长\n\n"
    "新华社北京2月15日电  国务委员兼外长\n"
    "王毅15日在北京会见上海合作组织新任秘\n"
    "书长诺罗夫。\n"
)


def test_issue22_a_full_body_line_with_a_comma_alone_in_its_block_is_no_headline():
    market, meeting = parse_page(COMMA_LINE_PAGE, year=2019)
    assert market.title == "市场监管推行双随机"
    assert market.paragraphs[-1] == "马正其说，现在“双随机”规定每一"
    assert meeting.title == "王毅会见上合组织秘书长"


def test_issue22_a_short_headline_with_a_comma_under_a_story_stays_a_headline():
    page = (
        "重庆餐馆暂停营业\n\n"
        "本报重庆2月1日电  重庆一些地方的防控\n"
        "工作启动了“增强版”，往日门庭若市的\n"
        "餐馆暂停营业。\n\n"
        "不聚，是为更好相聚\n\n"
        "本报北京2月1日电  春节假期延长，各地\n"
        "倡导居家过节，少聚集，少走动。\n"
    )
    _first, second = parse_page(page, year=2020)
    assert second.title == "不聚，是为更好相聚"


# A headline split by the OCR: its first half read over its dateline, its second half read blocks later,
# alone in a block after another story's text.
SPLIT_HEADLINE_PAGE = (
    "习近平向非洲\n\n"
    "新华社北京2月10日电  国家主席习近平\n"
    "10日致电祝贺非洲联盟第32届首脑会议\n"
    "在亚的斯亚贝巴召开。\n\n"
    "实验京剧在意大利上演\n\n"
    "本报罗马2月10日电  实验京剧《图兰朵》\n"
    "在罗马上演，观众反响热烈。\n\n"
    "联盟第32届首脑会议致贺电\n\n"
    "习近平指出，非洲联盟是非洲联合自强的\n"
    "旗帜，中方对此表示热烈祝贺。\n"
)


def test_issue22_a_headline_split_by_the_ocr_is_joined_where_its_story_reads_on_across_the_seam():
    articles = parse_page(SPLIT_HEADLINE_PAGE, year=2019)
    assert articles[0].title.replace(" ", "") == "习近平向非洲联盟第32届首脑会议致贺电"
    assert articles[1].title == "实验京剧在意大利上演"
    assert not any("联盟第32届首脑会议致贺电" in p for a in articles for p in a.paragraphs)
    explained = "\n".join(explain_page(SPLIT_HEADLINE_PAGE, year=2019))
    assert "the rest of the headline on line 1, read apart by the OCR" in explained


def test_issue22_a_headline_of_its_own_is_not_taken_for_the_rest_of_the_one_above():
    page = (
        "习近平会见越南国家主席\n\n"
        "新华社北京10月1日电  国家主席习近平1日\n"
        "在人民大会堂会见越南国家主席。\n\n"
        "习近平会见巴西众议长\n\n"
        "新华社北京10月1日电  国家主席习近平1日\n"
        "在人民大会堂会见巴西众议长马亚。\n"
    )
    vietnam, brazil = parse_page(page, year=2019)
    assert vietnam.title == "习近平会见越南国家主席"
    assert brazil.title == "习近平会见巴西众议长"


# A roundup's closing note naming the reporters who took part, which the OCR read as two blocks.
ROUNDUP_NOTE_PAGE = (
    "多国报告新型冠状病毒感染病例\n\n"
    "新华社北京1月30日电  综合新华社驻外记\n"
    "者报道：菲律宾、印度、芬兰等国家首次\n"
    "报告新型冠状病毒感染病例。\n\n"
    "（参与记者：赵旭、袁梦展、郑昕、\n\n"
    "苏小坡、华义、李晓渝）\n\n"
    "新加坡外长对中方战胜疫情充满信心\n\n"
    "新华社北京1月30日电  国务委员兼外长\n"
    "王毅同新加坡外长维文通电话。\n"
)


def test_issue22_a_note_naming_the_reporters_who_took_part_closes_its_story_and_is_no_headline():
    roundup, singapore = parse_page(ROUNDUP_NOTE_PAGE, year=2020)
    assert roundup.paragraphs[-1] == "（参与记者：赵旭、袁梦展、郑昕、苏小坡、华义、李晓渝）"
    assert singapore.title == "新加坡外长对中方战胜疫情充满信心"


# A paragraph's first line (two cells short: its indent, which the OCR dropped) that a column break cut
# off inside a word: the next block goes on from it on a full line, ``帮|助`` a word read on the page.
CUT_FIRST_LINE_PAGE = (
    "王毅同韩国外长康京和通电话\n\n"
    "新华社北京1月28日电  国务委员兼外长王\n"
    "毅应约同韩国外长康京和通电话。康京和\n"
    "表示，韩方愿向中方提供需要的帮助和医\n"
    "疗物资。\n\n"
    "王毅感谢韩方愿意向中方提供必要帮\n\n"
    "助，强调中方将继续本着公开透明原则，\n"
    "同国际社会加强合作。\n"
)


def test_issue22_a_paragraphs_first_line_cut_off_by_a_column_break_is_no_headline():
    (call,) = parse_page(CUT_FIRST_LINE_PAGE, year=2020)
    assert call.title == "王毅同韩国外长康京和通电话"
    assert (
        call.paragraphs[-1]
        == "王毅感谢韩方愿意向中方提供必要帮助，强调中方将继续本着公开透明原则，同国际社会加强合作。"
    )


# A kicker the OCR read in another story's column, inside one of its sentences (``…证明自己`` / kicker /
# ``的过程，…``); its own story is printed further down the page.
KICKER_INSIDE_PAGE = (
    "敢闯路更宽（体坛观澜）\n\n"
    "中国足球还在艰苦的上升期，武磊此番\n"
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


def test_issue22_a_kicker_read_inside_another_storys_sentence_goes_to_its_own_story():
    football, wujiang = parse_page(KICKER_INSIDE_PAGE, year=2019)
    assert football.paragraphs[0].endswith(
        "证明自己的过程，也是不断提升自己的过程。武磊是当下中国本土球员中的佼佼者。"
    )
    assert wujiang.title == "吴江推行同工同酬改善住房 各种好政策 吸引打工者"
    explained = "\n".join(explain_page(KICKER_INSIDE_PAGE, year=2019))
    assert "read inside another story's sentence" in explained
