"""OCR'd pages: pieces of a headline the OCR read apart from it go back to it.

A page rendered from HTML and read back by Tesseract (rmrb_ocr_web 1-1, web4-8) puts pieces of a
module's headline where the OCR's blocks end:

- a headline's column label in brackets (``（快评）``) read between two of its story's paragraphs was
  taken for a headline over a story of its own: the story was cut in two;
- a paragraph's first line read into the headline group over its story (no blank line between the
  headline's last line and it) was printed in the title, and the story's text opened on its second line;
- a headline's second half read between paragraphs, one character of the seam misread
  (``习近平会见柬氛`` / ``寨首相关和森`` over a text reading ``柬埔寨首相洪森``), was left a headline of its own.

Made-up pages in those shapes.
"""

from __future__ import annotations

import re

from storage.ingest.ocr_page import explain_page, parse_page

MASTHEAD = "2020年2月8日 星期六\n\n人民日报\n\n第14版 社会\n\n"

LABEL_PAGE = MASTHEAD + (
    "守住防线 守护家园\n\n"
    "在这场疫情防控阻击战中，基层社区是守住\n"
    "阵地的第一道防线。基层干部、社区网格员、\n"
    "志愿者迅速集结，筑起联防联控的坚固堡垒。\n\n"
    "（快评）\n\n"
    "严格巡查，织密防护网。敲门敲破皮的手\n"
    "指，走街串巷奔忙的脚步，是拉网式排查的\n"
    "细致，是外防输入、内防扩散的坚持。\n\n"
    "公安部追授五名民警二级英模称号\n\n"
    "本报北京2月7日电（记者张璁）公安部近日\n"
    "追授5名牺牲在疫情防控一线的公安民警全\n"
    "国公安系统二级英雄模范称号。\n"
)


def test_issue22_a_headlines_label_read_between_paragraphs_ends_that_headline():
    articles = parse_page(LABEL_PAGE, year=2020)
    assert [article.title for article in articles] == [
        "守住防线 守护家园 （快评）",
        "公安部追授五名民警二级英模称号",
    ]
    body = "".join(articles[0].paragraphs)
    assert body.startswith("在这场疫情防控阻击战中") and body.endswith("是外防输入、内防扩散的坚持。")
    explained = "\n".join(explain_page(LABEL_PAGE, year=2020))
    assert (
        "line 13: headline: the column label ending the headline on line 7, read apart by the OCR "
        "between its story's paragraphs" in explained
    )


def test_issue22_a_name_in_brackets_between_paragraphs_is_no_label():
    page = LABEL_PAGE.replace("（快评）", "（周飞亚）")
    explained = "\n".join(explain_page(page, year=2020))
    assert "column label" not in explained


def test_issue22_a_label_after_a_story_closed_by_its_byline_takes_nothing():
    page = LABEL_PAGE.replace("筑起联防联控的坚固堡垒。\n", "筑起联防联控的坚固堡垒。\n\n记者 王远\n")
    explained = "\n".join(explain_page(page, year=2020))
    assert "column label" not in explained


def test_issue22_a_books_title_between_paragraphs_is_no_label():
    page = LABEL_PAGE.replace("（快评）", "公布《保障农民工工资支付条例》")
    explained = "\n".join(explain_page(page, year=2020))
    assert "column label" not in explained


OPENING_PAGE = MASTHEAD + (
    "湖北省疾控中心江永忠——\n"
    "面对病毒 不能害怕\n"
    "湖北省疾控中心卫生检验检测研究所7楼所\n\n"
    "长办公室的灯已经一个多月没熄了。“有什么问\n"
    "题随时来找我，我就在所里。”这是所长江永忠\n"
    "对同事们说得最多的一句话。\n\n"
    "江永忠身形瘦削，衣着质朴低调，骨子里透\n"
    "着一股“韧劲”。在抗击新冠肺炎的战斗中，为\n"
    "了让新研制的病毒核酸检测试剂尽快投入使用，\n"
    "他带领团队连续工作36小时，完成国家卫健委\n"
    "组织的首批检测试剂的性能评价。\n\n"
    "公安部追授五名民警二级英模称号\n\n"
    "本报北京2月7日电（记者张璁）公安部近日追授\n"
    "5名牺牲在疫情防控一线的公安民警全国公安系\n"
    "统二级英雄模范称号。\n"
)


def test_issue22_a_paragraphs_first_line_read_into_the_headline_goes_back_to_the_text():
    story, _police = parse_page(OPENING_PAGE, year=2020)
    assert story.title == "湖北省疾控中心江永忠—— 面对病毒 不能害怕"
    assert story.paragraphs[0].startswith("湖北省疾控中心卫生检验检测研究所7楼所长办公室的灯")
    explained = "\n".join(explain_page(OPENING_PAGE, year=2020))
    assert (
        "line 9: text: the story's first line, read into the headline group over it (a full line, its "
        "word 所长 read on in the next line)" in explained
    )


def test_issue22_a_headlines_short_last_line_stays_in_the_headline():
    page = OPENING_PAGE.replace("湖北省疾控中心卫生检验检测研究所7楼所\n\n长办公室", "记者手记\n\n所长办公室")
    story, _police = parse_page(page, year=2020)
    assert story.title.endswith("记者手记")


SEAM_PAGE = (
    "2020年2月6日 星期四\n\n人民日报\n\n"
    "习近平会见柬氛\n\n"
    "本报北京2月5日电（记者王远）国家主席习近\n"
    "平5日在人民大会堂会见柬埔寨首相洪森。\n\n"
    "习近平指出，中国政府和人民正在全力抗击\n"
    "新型冠状病毒感染肺炎疫情。患难见真情。\n\n"
    "寨首相关和森\n\n"
    "洪森表示，我临时决定在此特殊时候来华，\n"
    "就是为了展示柬埔寨政府和人民坚定支持中\n"
    "国抗击疫情。\n\n"
    "春节假期全国道路交通平稳有序\n\n"
    "本报北京2月4日电（记者张洋）2月4日，全国\n"
    "主要高速公路交通流量普遍下降。\n"
)


def test_issue22_a_headlines_half_read_apart_with_a_misread_seam_goes_back_to_it():
    articles = parse_page(SEAM_PAGE, year=2020)
    assert articles[0].title == "习近平会见柬氛 寨首相关和森"
    assert "".join(articles[0].paragraphs).endswith("就是为了展示柬埔寨政府和人民坚定支持中国抗击疫情。")
    explained = "\n".join(explain_page(SEAM_PAGE, year=2020))
    assert "one character misread: the text reads 柬埔寨首" in explained


def test_issue22_a_headline_of_its_own_reading_nothing_across_stays_one():
    page = SEAM_PAGE.replace("寨首相关和森", "洪森谈抗疫合作")
    titles = [article.title for article in parse_page(page, year=2020)]
    assert "习近平会见柬氛" in titles


def test_issue22_a_headlines_full_last_line_ending_on_a_whole_word_stays_in_the_headline():
    # ``…指导工作`` | ``为…``: jieba cuts at the break, so no word goes on in the text (``作为`` by chance).
    page = OPENING_PAGE.replace(
        "湖北省疾控中心卫生检验检测研究所7楼所\n\n长办公室的灯已经一个多月没熄了。“有什么问\n",
        "湖北省疾控中心在武汉开展疫情防控指导工作\n\n为了尽快查明病毒，所长办公室的灯已经一个\n",
    )
    story, _police = parse_page(page, year=2020)
    assert story.title.endswith("湖北省疾控中心在武汉开展疫情防控指导工作")
    assert "read into the headline group" not in "\n".join(explain_page(page, year=2020))


def test_issue22_a_dash_subtitle_as_wide_as_the_column_stays_in_the_headline():
    # ``…7楼所`` | ``长办公室``: 所长 would read across, but a line opening with a dash is a subtitle.
    page = OPENING_PAGE.replace(
        "湖北省疾控中心卫生检验检测研究所7楼所\n", "——记湖北省疾控中心卫生检验检测7楼所\n"
    )
    story, _police = parse_page(page, year=2020)
    assert story.title.endswith("——记湖北省疾控中心卫生检验检测7楼所")


def test_issue22_explain_says_how_much_of_each_headlines_words_its_story_repeats():
    explained = "\n".join(explain_page(LABEL_PAGE, year=2020))
    found = re.search(
        r"headline 守住防线 ?守护家园（快评）: its character pairs in this story's text (\d\.\d\d), "
        r"in another story's at most (\d\.\d\d) \(story 2\)",
        explained,
    )
    assert found is not None
    assert float(found.group(1)) > float(found.group(2))
