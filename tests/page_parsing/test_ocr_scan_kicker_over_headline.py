"""Scanned pages (`benchmarks.scanpages`): a kicker read as a block of its own over its headline, whose
words the story's later paragraphs take up, stays that story's kicker (issue 22).

A small made-up page in the shape of a failure measured on `rmrb_ocr_scan_fresh`.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page

# A kicker with a comma, wrapped to two lines, over its headline and a picture story's three paragraphs:
# the first repeats the headline's words, the later two the kicker's. The kicker had been taken for a
# second module's headline stacked over the first and the story cut at its second paragraph.
KICKER_PAGE = (
    "人民日报\n\n"
    "2020年1月10日 星期五\n\n"
    "第16版 综合\n\n"
    "探伤工人检测钢轨，养护人员铲\n"
    "雪除冰\n\n"
    "风雪中守护回家路\n"
    "〈暖相册)\n\n"
    "严冬来临，雨雪天气频发，给交\n"
    "通出行带来不少挑战。各地一线工作\n"
    "人员无惧风雪严寒，辛勤工作，保障\n"
    "出行安全畅通，默默守护旅客回家的\n"
    "路。\n\n"
    "数九寒天，地处东北的吉林省最\n"
    "低气温已低至零下20摄氏度。铁路\n"
    "长春工务段的探伤班组共有7人，负\n"
    "责钢轨、道岔和焊缝探伤检测工作。\n"
    "探伤工人作业时，有3名安全瞭望员\n"
    "在有列车经过时提醒暂停检测钢轨。\n\n"
    "1月8日晚，安徽省滁州市暴雪，\n"
    "公路部门启动应急预案，养护和路政\n"
    "人员全员出动，赶赴主干线公路上铲\n"
    "雪除冰、疏导交通。经过一夜奋战，\n"
    "全市国省干线公路基本无积雪。\n"
)

# Two modules' headlines the OCR read one over the other, the upper one's text first: cut as before.
STACKED_PAGE = (
    "人民日报\n\n"
    "2020年2月2日 星期日\n"
    "第8版 社会\n\n"
    "李克强同欧盟委员会主席冯德莱\n\n"
    "恩通电话\n\n"
    "做好搬迁脱贫下半篇文章（今日谈）\n\n"
    "本报北京2月1日电 国务院总理\n"
    "李克强日前应约同欧盟委员会主席\n"
    "冯德莱恩通电话。\n\n"
    "李克强指出，中国政府始终把\n"
    "人民群众的生命安全和健康放在第\n"
    "一位，正在公开透明、有力有序地\n"
    "开展疫情防控工作。\n\n"
    "过去是“锅里缺粮、缸里缺\n"
    "水、身上没钱”，而今家家住新房、\n"
    "有院子……原隆村的今昔变化充分\n"
    "证明，移民搬迁是脱贫攻坚的一种\n"
    "有效方式。\n\n"
    "搬得出，更要稳得住、能致富。\n"
    "做好搬迁脱贫的下半篇文章，要让\n"
    "搬迁群众有业可就、有钱可赚。\n"
)

# Another module's headline read between a headline and its second deck, the upper headline's text first
# (``内蒙古锡林郭勒盟一`` / ``矿井发生事故`` / ``中葡各领域合作全面推进（大使随笔）`` / ``应急管理部工作组赶赴现场``):
# the middle group has a headline of its story above it, so it is no kicker, and the story is cut where
# its text begins.
BETWEEN_DECKS_PAGE = (
    "人民日报\n\n"
    "2019年2月24日 星期日\n"
    "第3版 要闻\n\n"
    "内蒙古锡林郭勒盟一\n"
    "矿井发生事故\n\n"
    "中葡各领域合作全面推进（大使随笔）\n\n"
    "应急管理部工作组赶赴现场\n\n"
    "本报呼和浩特2月23日电 记者从\n"
    "内蒙古自治区应急管理厅获悉：锡林\n"
    "郭勒盟一矿业公司井下运送工人的车\n"
    "辆发生事故，车上共50人。\n\n"
    "目前伤者体征基本平稳，企业相\n"
    "关人员已被控制。\n\n"
    "接报事故后，应急管理部立即启\n"
    "动应急机制，工作组已赶赴现场，指\n"
    "导协助地方开展救援和事故调查。\n\n"
    "中葡关系经历了建交、妥善解决\n"
    "历史遗留问题、提升为全面战略伙伴\n"
    "关系等一个个发展阶段。\n\n"
    "两国各领域合作全面推进，经贸\n"
    "往来不断扩大，人文交流日益密切，\n"
    "合作前景广阔。\n"
)


def test_issue22_a_kicker_over_its_headline_is_no_second_modules_headline():
    (story,) = parse_page(KICKER_PAGE, year=2020)
    assert story.title.replace(" ", "").startswith("探伤工人检测钢轨，养护人员铲雪除冰")
    assert "风雪中守护回家路" in story.title
    assert story.paragraphs[0].startswith("严冬来临")
    assert story.paragraphs[-1].endswith("基本无积雪。")


def test_issue22_headlines_stacked_in_the_order_of_their_texts_still_cut_the_story():
    call, comment = parse_page(STACKED_PAGE, year=2020)
    assert call.title.replace(" ", "") == "李克强同欧盟委员会主席冯德莱恩通电话"
    assert call.paragraphs[-1].endswith("开展疫情防控工作。")
    assert comment.title.startswith("做好搬迁脱贫下半篇文章")
    assert comment.paragraphs[0].startswith("过去是")


def test_issue22_a_headline_read_between_another_headline_and_its_deck_is_no_kicker():
    accident, partners = parse_page(BETWEEN_DECKS_PAGE, year=2019)
    assert accident.title.replace(" ", "") == "内蒙古锡林郭勒盟一矿井发生事故应急管理部工作组赶赴现场"
    assert accident.paragraphs[-1].endswith("救援和事故调查。")
    assert partners.title.startswith("中葡各领域合作全面推进")
    assert partners.paragraphs[0].startswith("中葡关系")
