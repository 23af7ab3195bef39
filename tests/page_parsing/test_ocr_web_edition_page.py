"""OCR'd pages of a paper's web edition (`benchmarks.ocrwebcity`): the site's own links and copyright, the
page's name bar, captions as web pages set them, a number the OCR read apart from its unit, a sentence
of reported speech.

Small made-up pages in the shape of what Tesseract read from the Chromium pages of `rmrb_ocr_webcity`.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from storage.ingest.page_lines import is_page_furniture

# The site's menu read in pieces between the masthead's items (``首页 ”要闻``, ``时政 ”国际“评论``, a lone
# ``评论``), the page-turning links, the page's name bar with its number's digits read as letters, and at
# the foot the site's links and copyright: each had been taken for a headline and glued to a story's title.
WEB_EDITION_PAGE = (
    "首页 ”要闻\n\n"
    "人民日报\n\n"
    "当前位置 : 数字报 > 第15版 : 要闻\n\n"
    "时政。 国际\n\n"
    "评论\n\n"
    "| 第zs版 : 要\n\n"
    "图片”视频 数字报\n\n"
    "2020年01月22日 星期三\n\n"
    "上一版 下一版 版面导航\n\n"
    "远望号航天测量船队返航\n\n"
    "本报北京1月21日电 (记者余建江) 20日下午，中国卫星海上测控部所属的\n"
    "两艘测量船顺利停靠码头，远望号船队圆满完成年度海上测控任务。\n\n"
    "2019年，远望号船队完成17次海上测控任务，全年累计海上作业550余天。\n\n"
    "武汉多措遏制疫情扩散\n\n"
    "本报武汉1月21日电 (记者田豆豆) 记者从武汉市疫情防控指挥部获悉，武汉\n"
    "将加强农贸市场管理，减少春节期间大型公众聚集性活动。\n\n"
    "关于我们 | 联系我们 | 版权声明 | 网站地图\n\n"
    "人民有卓报社版权所有， 未经书面授权禁止使用”Copyright @ 2020 people.com.cn\n"
)


def test_issue22_a_sites_links_and_copyright_are_furniture_glued_to_no_title():
    ships, wuhan = parse_page(WEB_EDITION_PAGE, year=2020)
    assert ships.title == "远望号航天测量船队返航"
    assert wuhan.title == "武汉多措遏制疫情扩散"
    assert "".join(wuhan.paragraphs).endswith("减少春节期间大型公众聚集性活动。")


def test_issue22_headlines_of_menu_words_set_together_stay_headlines():
    # Guard: two menu words with nothing between them are a headline's words (``国际评论``), not links; a
    # menu word alone is a link only on a page printing the site's links.
    for headline in ("国际评论", "时政要闻", "他是版权所有者，", "评论"):
        assert not is_page_furniture(headline)
    for links in ("时政 ”国际“评论", "上一版 下一版 版面导航", "网站地图", "| 第ce版 :文化"):
        assert is_page_furniture(links)


# A caption over a narrow card's headline (``▲`` read ``全``), its credit on a line of its own, and the
# headline right under it with no blank line between: the caption and headline had been read as one block of
# text, the commentary under it joined to the story above.
CAPTION_OVER_HEADLINE_PAGE = (
    "人民日报\n\n"
    "2020年1月27日 星期一\n\n"
    "王毅同日本外相茂木敏充通电话\n\n"
    "新华社北京1月26日电 1月26日，国务委员兼外长王毅应约同日本外相茂木敏充通电话。\n\n"
    "茂木对中方所作的努力表示赞赏，相信中方一定能够及早平息疫情。\n\n"
    "全冬天，不是浙江舟山的旅游旺季，但在舟山定\n"
    "海区的新。\n"
    "刘洋勇 摄\n"
    "城乡融合撬动“美丽经\n"
    "济”(今日谈)\n\n"
    "冬天，不是浙江舟山的旅游旺季，但\n"
    "在舟山定海区的新建社区，村民袁其忠的\n"
    "农家乐却生意红火。\n\n"
    "绿水青山不会自动变为金山银山，关\n"
    "键是要补足乡村在基础设施等方面的短板。\n"
)


def test_issue22_a_caption_and_its_credit_over_a_headline_in_one_block_are_set_apart():
    call, commentary = parse_page(CAPTION_OVER_HEADLINE_PAGE, year=2020)
    assert "".join(call.paragraphs).endswith("及早平息疫情。")
    assert commentary.title.replace(" ", "") == "城乡融合撬动“美丽经济”(今日谈)"
    assert "".join(commentary.paragraphs).startswith("冬天，不是浙江舟山的旅游旺季")
    assert "刘洋勇" not in "".join(commentary.paragraphs)


def test_issue22_text_over_a_credit_with_two_sentences_is_not_taken_for_a_caption():
    # Guard: two sentences over a photographer's credit are a story's text, not a caption.
    page = CAPTION_OVER_HEADLINE_PAGE.replace("海区的新。", "海区的新。游客不少。")
    texts = ["".join(story.paragraphs) for story in parse_page(page, year=2020)]
    assert any("游客不少。" in text for text in texts)


# A caption opening with the photo's date, its ``▲`` read ``全``, alone over the next story's headline; and a
# caption in the ``图：`` form: neither is the text of the story above.
DATED_CAPTION_PAGE = (
    "人民日报\n\n"
    "2020年1月6日 星期一\n\n"
    "看谁推得快\n\n"
    "江西省会昌县将足球运动定位为幼儿园园本课程，通过趣味方式达到健身、益智的目的。\n\n"
    "全5日上午，厦门马拉松赛在厦门国际会展中心鸣枪开跑。\n\n"
    "厦门马拉松开跑\n\n"
    "本报厦门1月5日电 (记者刘硕阳) 5日上午，厦门马拉松赛在厦门国际会展中心鸣枪开跑，共有\n"
    "35071人参加了本届比赛。\n\n"
    "图 : 多把老人的需要和感受放在心上。\n\n"
    "最美菜单\n\n"
    "近日，成都温江区54岁的居民张志秀，给92岁的母亲手写了一本菜单，引来大伙称赞。\n"
)


def test_issue22_a_caption_whose_pointer_was_read_as_a_character_belongs_to_no_story():
    football, marathon, menu = parse_page(DATED_CAPTION_PAGE, year=2020)
    assert "厦门" not in "".join(football.paragraphs)
    assert marathon.title == "厦门马拉松开跑"
    assert "多把老人" not in "".join(marathon.paragraphs)
    assert menu.title == "最美菜单"


# A paragraph's first line the OCR read apart, ending in a year whose 年 opens the next block: it had been
# taken for a second headline line.
WRAPPED_NUMBER_PAGE = (
    "人民日报\n\n"
    "2020年1月22日 星期三\n\n"
    "“雪龙2”号极地\n"
    "科考破冰船一一\n"
    "探秘南极动物世界\n\n"
    "2019年12月3日至2020\n\n"
    "年1月8日“雪龙2”号极地科\n"
    "考破冰船，展开中国第三十\n"
    "六次南极考察的综合调查。\n\n"
    "在科考队员、北京师范大学动物学教授邓文洪的镜头里，留下了30种鸟的身影。\n"
)


def test_issue22_a_number_read_apart_from_its_unit_is_the_texts_first_line():
    (story,) = parse_page(WRAPPED_NUMBER_PAGE, year=2020)
    assert story.title == "“雪龙2”号极地 科考破冰船一一 探秘南极动物世界"
    assert "".join(story.paragraphs).startswith("2019年12月3日至2020年1月8日")


def test_issue22_a_headline_ending_in_a_number_over_text_of_another_kind_stays_a_headline():
    # Guard: a headline ending in digits over a paragraph that does not go on with the number.
    page = (
        "人民日报\n\n2020年1月22日 星期三\n\n北京冬奥会倒计时2022\n\n"
        "北京冬奥会筹办工作进展顺利，各项场馆建设按计划推进，测试赛将陆续举行。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "北京冬奥会倒计时2022"
