"""OCR'd pages: a picture story's kicker with a list in it, its closing dash lost (issue 22).

On a scanned page Tesseract lost the dash that closes a kicker (``建生产、运输、销售对接机制，开封——``
read ``建生产、运输、销售对接机制，开封``), printed after a story that ended its sentence, over the picture
story's headline and the photo's caption. A comma and a list together read as a clause of text, so the
line went to the story above and the picture story lost half its title. Measured with its dash back the
line is a kicker; the page's text after it repeats its words, the story above none, and the headline
under it stands over a caption as a picture story's does. Made-up page in the shape of the failure on
the scanned fresh seed.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page

PAGE = (
    "人民日报\n\n"
    "2020年2月24日 星期一\n\n"
    "第4版 要闻\n\n"
    "环保支出向受疫情影响较重市县倾斜\n\n"
    "本报北京2月23日电 （记者寇江泽）\n"
    "财政部、生态环境部日前印发通知，\n"
    "要求各地继续保障财政污染防治资金\n"
    "投入，防止疫情次生灾害对生态环境\n"
    "和人民群众健康造成不良影响。\n\n"
    "通知还要求，具备开工条件的生态环\n"
    "保项目，要在保证安全基础上及时开\n"
    "工建设，确定不能按时执行的，可予\n"
    "以合理顺延。\n\n"
    "{kicker}\n\n"
    "让蔬菜出得了村进得了城\n\n"
    "图为2月20日，在河南开封祥符区半坡店乡。\n\n"
    "2月20日，天刚亮透，在河南\n"
    "开封祥符区半坡店乡，蔬菜种植\n"
    "合作社的大棚已经热闹起来，村干部\n"
    "和村民们抢收蔬菜。另一边，乡党委\n"
    "书记也开始对接商超企业，建立生产、\n"
    "运输、销售对接机制，一个上午已对\n"
    "接5家超市。\n\n"
    "开封市是农业生产大市，多种农产品\n"
    "产量较大，蔬菜货源充足，对接机制\n"
    "让蔬菜出得了村、进得了城。\n"
)


def test_issue22_a_kicker_whose_dash_the_ocr_lost_heads_the_picture_story():
    stories = parse_page(PAGE.format(kicker="建生产、运输、销售对接机制，开封"), year=2020)
    assert [story.title for story in stories] == [
        "环保支出向受疫情影响较重市县倾斜",
        "建生产、运输、销售对接机制，开封 让蔬菜出得了村进得了城",
    ]
    assert "开封" not in "".join(stories[0].paragraphs)


def test_issue22_a_clause_with_a_list_the_text_after_does_not_repeat_stays_text():
    # A line of text cut off by a column break, its words not the next story's: the story above's.
    stories = parse_page(PAGE.format(kicker="对废水、废气的监测，重点做好"), year=2020)
    assert stories[-1].title == "让蔬菜出得了村进得了城"
