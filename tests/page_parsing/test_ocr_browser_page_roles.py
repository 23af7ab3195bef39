"""OCR'd pages, line roles on the Chromium tuning seeds (`benchmarks.ocrweb`).

Small made-up pages in the shape of failures measured on `rmrb_ocr_web` and `rmrb_ocr_web2`.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

# Two profiles under one column label: the first's kicker, headline and label read as one block whose
# label's middle dot the OCR read as ``。`` (``民族复兴。 英雄烈士谱)``); the block had been taken for text
# of the story above, and the second profile's kicker for the first one's headline.
LABEL_DOT_PAGE = (
    "人民日报\n\n"
    "2020年2月1日 星期六\n"
    "第3版\n"
    "经济\n\n"
    "科学防护的“逆行战士”\n\n"
    "面对疫情，同济医院呼吸内科无一例医务\n"
    "人员感染，他被称为科学防护的“逆行战士”。\n\n"
    "“我希望通过现在采取的一系列措施，能够\n"
    "将病毒控制住，最大限度减少感染。”赵建平\n"
    "说。\n\n"
    "徐发荣:\n"
    "无私奉献 守护安宁 (为了\n"
    "民族复兴。 英雄烈士谱)\n\n"
    "据新华社电 〈记者邱冰清) 徐发荣，1962\n"
    "年10月出生于江苏苏州，1982年9月考入军\n"
    "校，毕业后服役于空军某部。\n\n"
    "杨志坚:\n\n"
    "千钧一发 扑向歹徒\n"
    "(为了民族复兴·英雄烈士谱)\n\n"
    "据新华社电 〈记者曾维) 每年清明，云南\n"
    "省开远市公安局都会组织新招录的民警与\n"
    "辅警，前往烈士陵园祭奠杨志坚。\n"
)


def test_issue22_a_label_whose_middle_dot_was_read_as_a_full_stop_stays_a_headline():
    doctor, xu, yang = parse_page(LABEL_DOT_PAGE, year=2020)
    assert doctor.title == "科学防护的“逆行战士”"
    assert doctor.paragraphs[-1].endswith("赵建平说。")
    assert xu.title.startswith("徐发荣:")
    assert "守护安宁" in xu.title
    assert xu.reporters == ("邱冰清",)
    assert yang.title.startswith("杨志坚:")
    assert "扑向歹徒" in yang.title
    assert yang.reporters == ("曾维",)


# A photo's credit read on top of the block that goes on with the open sentence of the story above
# (``…可以保持战`` / blank / ``新华社记者于芳摄`` / ``略定力，以更长远眼光，…``): the credit had closed the
# story, and the rest of its block had been taken for a headline of a story of its own.
CREDIT_OVER_TEXT_PAGE = (
    "人民日报\n\n"
    "2019年2月20日 星期三\n\n"
    "第2版 社会\n\n"
    "王毅会见伊朗外长扎里夫\n\n"
    "新华社北京2月19日电 〈记者温馨) 国务委\n"
    "员兼外交部长王毅19日在北京会见陪同拉里贾\n"
    "尼议长访华的伊朗外长扎里夫。\n\n"
    "王毅表示，中国和伊朗都是具有数千年文明\n"
    "传统的国家，面对一时一事的风云，可以保持战\n\n"
    "新华社记者于芳摄\n"
    "略定力，以更长远眼光，维护并发展中伊合作，\n"
    "为两国的全面战略伙伴关系不断注入新的内涵。\n"
    "扎里夫表示，伊方高度珍视伊中全面战略伙\n"
    "伴关系，愿积极参与共建“一带一路”进程。\n\n"
    "春运首日全国铁路发送旅客千万人次\n\n"
    "本报北京2月19日电 （记者赵小红）19日，\n"
    "全国铁路发送旅客一千万人次，各地\n"
    "车站秩序井然。\n"
)


def test_issue22_a_photo_credit_over_the_open_sentences_next_lines_does_not_close_its_story():
    meeting, rail = parse_page(CREDIT_OVER_TEXT_PAGE, year=2019)
    assert meeting.title == "王毅会见伊朗外长扎里夫"
    text = "".join(meeting.paragraphs)
    assert "可以保持战略定力，以更长远眼光" in text
    assert text.endswith("愿积极参与共建“一带一路”进程。")
    assert "于芳摄" not in text
    assert rail.title == "春运首日全国铁路发送旅客千万人次"
    explained = "\n".join(explain_page(CREDIT_OVER_TEXT_PAGE, year=2019))
    assert "caption" in explained


# A photographer's bare credit (``吴涛摄``) read as a block of its own between two paragraphs of a story
# whose byline its dateline gave: it had been taken for a headline, and the paragraphs after it for a
# story of their own.
BARE_CREDIT_PAGE = (
    "人民日报\n\n"
    "2020年2月3日 星期一\n\n"
    "第14版 国际\n\n"
    "武汉火神山医院正式交付\n\n"
    "本报武汉2月2日电 〈记者鲜敢) 2月2日，\n"
    "武汉首座用于集中收治新型冠状病毒感染肺炎患\n"
    "者的专科医院火神山医院，正式交付解放军\n"
    "支援湖北医疗队。\n\n"
    "吴涛摄\n\n"
    "据悉，武汉火神山医院占地面积约5万平方\n"
    "米，总建筑面积3.39万平方米，病床数1000\n"
    "张，主要用于救治确诊患者。\n\n"
    "春运首日全国铁路发送旅客千万人次\n\n"
    "本报北京2月2日电 （记者赵小红）2日，\n"
    "全国铁路发送旅客一千万人次，各地\n"
    "车站秩序井然。\n"
)


def test_issue22_a_bare_photo_credit_in_a_block_of_its_own_is_a_caption_not_a_headline():
    hospital, rail = parse_page(BARE_CREDIT_PAGE, year=2020)
    assert hospital.title == "武汉火神山医院正式交付"
    assert hospital.reporters == ("鲜敢",)
    text = "".join(hospital.paragraphs)
    assert text.endswith("主要用于救治确诊患者。")
    assert "吴涛" not in text
    assert rail.title == "春运首日全国铁路发送旅客千万人次"
    assert "dropped line 14 as caption: 吴涛摄" in "\n".join(explain_page(BARE_CREDIT_PAGE, year=2020))


# A wrapped headline's last word read as a block apart with a speck under it (``贺电`` / ``现``), between
# the story's first paragraph and the next: it had been taken for the headline of a story of its own,
# the paragraphs under it cut off from their story.
WORD_AMONG_SPECKS_PAGE = (
    "人民日报\n\n"
    "2020年1月13日 星期一\n\n"
    "第1版 要闻\n\n"
    "习近平向阿曼新任苏丹海赛姆\n\n"
    "新华社北京1月12日电 国家主席习近平12日\n"
    "致电海赛姆，祝贺他继任阿曼苏丹国新任苏丹。\n\n"
    "贺电\n"
    "现\n\n"
    "习近平表示，中阿建交以来，两国关系取得\n"
    "长足发展，彼此成为相互信赖的战略伙伴。\n\n"
    "春运首日全国铁路发送旅客千万人次\n\n"
    "本报北京1月12日电 （记者赵小红）12日，\n"
    "全国铁路发送旅客一千万人次，各地\n"
    "车站秩序井然。\n"
)


def test_issue22_a_two_character_word_read_with_specks_between_paragraphs_is_no_headline():
    greetings, rail = parse_page(WORD_AMONG_SPECKS_PAGE, year=2020)
    assert greetings.title == "习近平向阿曼新任苏丹海赛姆"
    assert "".join(greetings.paragraphs).endswith("彼此成为相互信赖的战略伙伴。")
    assert greetings.date == "2020-01-12"
    assert rail.title == "春运首日全国铁路发送旅客千万人次"
    assert "dropped line 12 as OCR noise: 贺电" in "\n".join(explain_page(WORD_AMONG_SPECKS_PAGE, year=2020))


def test_issue22_a_two_character_headline_over_its_dateline_stays_a_headline():
    page = WORD_AMONG_SPECKS_PAGE.replace(
        "贺电\n现\n\n习近平表示，", "贺电\n现\n\n新华社北京1月12日电 习近平表示，"
    )
    greetings, second, rail = parse_page(page, year=2020)
    assert "贺电" in second.title
    assert rail.title == "春运首日全国铁路发送旅客千万人次"
