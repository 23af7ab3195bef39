"""OCR'd pages: a stray line holding no Han character is no headline.

Tesseract read a lone ``7`` between two blocks (rmrb_ocr4 4-19): short, without sentence marks, between
stories, the segmenter took it as a headline, and the block under it (``样热情好客。…``, the rest of the
story whose sentence broke off at ``…中国人民和美国人民一``) became a story titled ``7``. A Chinese
paper's headline is words: a headline group holding no Han character is dropped as OCR noise, and the
text under it is a fragment again, joined to the story it goes on from. Made-up page in that shape.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

PAGE = (
    "2020年2月23日 星期日\n\n人民日报\n\n第10版 经济\n\n"
    "习近平复信美国犹他州小学生\n\n"
    "新华社北京2月22日电 2月15日，国家主\n"
    "席习近平亲切复信美国犹他州卡斯卡德小\n"
    "学学生，鼓励他们继续努力学习中文。习\n"
    "近平在复信中表示，中国人民和美国人民一\n\n"
    "阶段性降电价支持企业复工复产\n\n"
    "本报北京2月22日电（记者陆娅楠）国家\n"
    "发展改革委日前发出通知，阶段性降低企\n"
    "业用电成本，支持企业复工复产。\n\n"
    "7\n\n"
    "样热情好客。汉语是世界上十几亿人使用\n"
    "的语言，通过学习汉语你们可以更多了解\n"
    "中国历史文化。\n"
)


def test_issue22_a_lone_digit_between_blocks_is_noise_not_a_headline():
    letter, power = parse_page(PAGE, year=2020)
    assert letter.title == "习近平复信美国犹他州小学生"
    assert "".join(letter.paragraphs).endswith(
        "中国人民和美国人民一样热情好客。汉语是世界上十几亿人使用的语言，通过学习汉语你们可以更多了解中国历史文化。"
    )
    assert power.title == "阶段性降电价支持企业复工复产" and power.reporters == ("陆娅楠",)
    assert "dropped line 20 as OCR noise: 7" in explain_page(PAGE, year=2020)


def test_issue22_a_headline_holding_digits_and_words_stays():
    page = PAGE.replace("7\n\n样热情好客。", "5G网络建设提速\n\n本报北京2月22日电 样热情好客。")
    titles = [article.title for article in parse_page(page, year=2020)]
    assert "5G网络建设提速" in titles
