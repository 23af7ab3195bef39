"""The tuned text-page families' leftovers, a second pass (issue 22): digest items (``digest_twin``),
literary supplement pages, commentary and evening pages.

Each case is a small made-up page in the shape of failures seen on the tuned families (seed 1); no
held-out family's pages were looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text

WIDTH = 18
FAIR = "第三届全国农产品博览会12日在湖南长沙开幕，来自全国各地的八百多家企业参展，展期五天。"
BRIDGE = "近日，连接江北新区与主城的过江大桥完成合龙，全桥预计年内通车，两岸往来将缩短半小时。"
SCHOOL = "全省中小学按期开学，各地学校做好防疫物资储备，严格落实晨午检制度，确保师生安全。"


def test_the_line_after_an_items_source_opens_the_next_item_in_the_same_block():
    """A source on a line of its own or after the last sentence closes its item; the next item's head
    right under it, no blank line between, over its lead's indented first line, is that item's
    headline, never a line of text."""
    for mark in ("\n（据新华社电）", "（摘自《光明日报》）"):
        page = (
            f"{column_text('●农产品博览会在长沙开幕　' + FAIR, width=WIDTH)}{mark}\n"
            f"江北过江大桥合龙\n{column_text(BRIDGE, width=WIDTH)}\n（来源：人民网）\n"
        )
        fair, bridge = parse_page(page, year=2020)
        assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,)), mark
        assert (bridge.title, bridge.paragraphs) == ("江北过江大桥合龙", (BRIDGE,)), mark


def test_an_items_head_alone_over_its_lead_as_wide_as_the_column_or_of_two_characters():
    """On a page of items, a head alone on its line over its lead's indented first line is the item's
    headline whether it fills the column (``习近平在缅甸媒体发表署名文章``) or runs wider, holds two characters
    (``腊月``), or stands over a first line whose digits make it read full when counted a cell each."""
    dated = "当地时间1月15日，美国总统在白宫会见来访的代表团，双方就经贸合作交换了意见。"
    for head, text in (
        ("江北新区过江大桥完成合龙通车在望", BRIDGE),
        ("坚决打赢江北新区过江大桥建设攻坚战、通车保卫战", BRIDGE),
        ("腊月", "腊月一到，天地就显得空旷起来，雪要是在晚上降临，就能给人们十足的惊喜。"),
        ("白宫会见来访代表团", dated),
    ):
        page = f"{column_text('●农产品博览会在长沙开幕　' + FAIR, width=WIDTH)}（据新华社电）\n\n{head}\n{column_text(text, width=WIDTH)}\n"
        fair, item = parse_page(page, year=2020)
        assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,)), head
        assert (item.title, item.paragraphs) == (head, (text,)), head


def test_an_items_head_in_brackets_alone_over_its_lead_is_its_headline():
    """``【格兰仕发布家电物联网芯片】`` alone on its line over the lead's indented first line, on a page of
    items (under a strip heading): the item's headline, its brackets left out, never the lead's first
    paragraph."""
    chip = "家电企业格兰仕正式发布一款家电物联网芯片，该芯片采用四十纳米制程，能效更高。"
    page = (
        f"国内·经济\n\n【格兰仕发布家电物联网芯片】\n{column_text(chip, width=WIDTH)}\n（来源：人民网）\n\n"
        f"{column_text('●农产品博览会在长沙开幕　' + FAIR, width=WIDTH)}\n（据新华社电）\n"
    )
    item, fair = parse_page(page, year=2020)
    assert (item.title, item.paragraphs) == ("格兰仕发布家电物联网芯片", (chip,))
    assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,))


def test_a_leads_first_line_is_indented_when_the_page_sets_its_digits_half_a_cell_wide():
    """A lead opening with many digits (``2020全国农产品博览会12日在湖南长``) reads wider than the
    column counting each digit a cell: the page sets digits half a cell wide, and the line is the lead's
    indented first line under the item's head in brackets."""
    dated = "2020全国农产品博览会12日在湖南长沙开幕，来自全国各地的八百多家企业参展，展期五天。"
    page = (
        f"{column_text('●江北过江大桥完成合龙　' + BRIDGE, width=WIDTH)}\n（据新华社电）\n\n"
        f"【农产品博览会在长沙开幕】\n{column_text(dated, width=WIDTH)}\n"
    )
    bridge, fair = parse_page(page, year=2020)
    assert (bridge.title, bridge.paragraphs) == ("江北过江大桥完成合龙", (BRIDGE,))
    assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (dated,))


def test_an_items_head_over_its_lead_after_an_item_printed_without_its_source():
    """On a page of items, an item printed without its source ends on a full stop; the block after it,
    a head alone over its lead's indented first line, is the next item, never that item's text."""
    page = (
        f"{column_text('●江北过江大桥完成合龙　' + BRIDGE, width=WIDTH)}\n（据新华社电）\n\n"
        f"{column_text('●农产品博览会在长沙开幕　' + FAIR, width=WIDTH)}\n\n"
        f"全省中小学按期开学\n{column_text(SCHOOL, width=WIDTH)}\n"
    )
    bridge, fair, school = parse_page(page, year=2020)
    assert (bridge.title, bridge.paragraphs) == ("江北过江大桥完成合龙", (BRIDGE,))
    assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,))
    assert (school.title, school.paragraphs) == ("全省中小学按期开学", (SCHOOL,))


def test_a_page_strips_section_and_page_number_under_its_date_is_no_headline():
    """``2020年1月18日  星期六`` over ``文摘  04`` at the page's top: the strip's section and page
    number, in no story's title; the first item keeps its own run-in head."""
    page = (
        "2020年1月18日  星期六\n文摘  04\n\n"
        f"{column_text('农产品博览会在长沙开幕　' + FAIR, width=WIDTH)}\n（据新华社电）\n\n"
        f"{column_text('●江北过江大桥完成合龙　' + BRIDGE, width=WIDTH)}\n（来源：人民网）\n"
    )
    fair, bridge = parse_page(page, year=2020)
    assert (fair.title, fair.paragraphs) == ("农产品博览会在长沙开幕", (FAIR,))
    assert (bridge.title, bridge.paragraphs) == ("江北过江大桥完成合龙", (BRIDGE,))


def test_the_text_after_a_wrapped_heads_colon_is_its_lead_never_a_byline():
    """A head the column wrapped ends on the next line before its colon, and the text after the colon
    (``记者从北京冬``, a reporter's word and a few characters) opens the item's lead: no byline."""
    lead = "记者从北京冬奥组委获悉：在农历新年到来之际，北京冬奥组委向每一位申请人送上诚挚的问候和祝福。"
    rest = column_text(lead[len("记者从北京冬") :], width=WIDTH, indent=0)
    page = (
        f"{column_text('●江北过江大桥完成合龙　' + BRIDGE, width=WIDTH)}\n（据新华社电）\n\n"
        f"北京冬奥组委新春送祝福致信赛会志\n愿者申请人代表们送祝福：记者从北京冬\n{rest}\n"
    )
    bridge, item = parse_page(page, year=2020)
    assert (bridge.title, bridge.paragraphs) == ("江北过江大桥完成合龙", (BRIDGE,))
    assert item.title == "北京冬奥组委新春送祝福致信赛会志愿者申请人代表们送祝福"
    assert (item.paragraphs, item.reporters) == ((lead,), ())


def test_an_ornamented_column_over_an_exclaiming_title_under_an_ended_piece_opens_the_next_piece():
    """On a literary page, a piece that ended its sentence, then one block ``◆诗路放歌`` over
    ``“春天快来吧，快点！”`` (a title ending on ``！``), then the author's name with a post over a
    poem: the block is the next piece's headline, never a sub-heading in the piece above."""
    essay = "门口那棵老槐树稍稍扭动一下身躯，泛着金光的叶子翻起筋斗缓缓着地，山岗上的庄稼仿佛开始燃烧。"
    more = "收秋先是从芝麻开始。当墨绿的植株被太阳酱成鹅黄色的时候，枝干上的荚也饱满起来。"
    short = "山岗自在了，却有“不自在”的人。"
    poem = ("为武汉忧心，", "为湖北担心，", "为疫情中的人们焦心。", "春天就要来了。")
    page = (
        f"收秋\n\n王  强\n{column_text(essay, width=WIDTH)}\n{column_text(more, width=WIDTH)}\n{column_text(short, width=WIDTH)}\n{column_text(essay, width=WIDTH)}\n\n"
        f"◆诗路放歌\n“春天快来吧，快点！”\n\n叶  辛（中国作协副主席）\n"
        f"{poem[0]}\n{poem[1]}\n\n{poem[2]}\n{poem[3]}\n"
    )
    first, second = parse_page(page, year=2019)
    assert (first.title, first.reporters) == ("收秋", ("王强",))
    assert first.paragraphs == (essay, more, short, essay)
    assert (second.title, second.reporters) == ("◆诗路放歌 “春天快来吧，快点！”", ("叶辛",))
    assert "".join(second.paragraphs) == "".join(poem)


def test_a_headline_over_its_authors_line_after_a_standfirst_without_a_full_stop():
    """A commentary piece printed as a standfirst that ends on no sentence mark, then a block of a
    headline with its column (``多给他人添“福气”（民生观）``), then the author's line over the text: the
    headline opens the next piece, never the text of the one above."""
    standfirst = "找准新需求，做好新供给，中国的消费市场不缺顾客"
    text = "火车上响起广播：哪位旅客是医生？请到2号车厢！有位旅客突然腹部剧痛，原因不明。"
    for author, name in (("傅子", "傅子"), ("本报评论员  李辉霞", "李辉霞")):
        page = (
            f"找准新需求 做好新供给（生活漫步）\n\n本报评论员  王强\n{column_text(standfirst, width=WIDTH)}\n\n"
            f"多给他人添“福气”（民生观）\n\n{author}\n{column_text(text, width=WIDTH)}\n"
        )
        first, second = parse_page(page, year=2019)
        assert (first.title, first.paragraphs) == ("找准新需求 做好新供给（生活漫步）", (standfirst,)), author
        assert (second.title, second.paragraphs) == ("多给他人添“福气”（民生观）", (text,)), author
        assert second.reporters == (name,), author


def test_a_head_of_four_characters_run_in_before_a_full_width_space_is_the_items_headline():
    """``家有幽兰　春节期间，…`` after an item its source closed: a short head parted from its text by a
    full-width space is the item's headline (before a colon, a name that short is a kicker's)."""
    orchid = "春节期间，我家阳台上的兰花发芽了。这淡黄的小精灵，陪伴着我们度过一个特别的新春佳节。"
    page = f"{column_text('●江北过江大桥完成合龙　' + BRIDGE, width=WIDTH)}（据新华社电）\n{column_text('家有幽兰　' + orchid, width=WIDTH)}\n"
    bridge, orchid_item = parse_page(page, year=2020)
    assert (bridge.title, bridge.paragraphs) == ("江北过江大桥完成合龙", (BRIDGE,))
    assert (orchid_item.title, orchid_item.paragraphs) == ("家有幽兰", (orchid,))


def test_a_head_before_a_full_width_space_whose_text_opens_with_a_title():
    """``北京把老年教育办到家门口　《北京市…》日前发布…`` after an item its source closed: the item's
    headline, its text opening with the title of a document."""
    plan = "《北京市关于加快发展老年教育的实施意见》日前发布，计划用三至五年时间构建四级老年教育服务体系。"
    page = (
        f"{column_text('●江北过江大桥完成合龙　' + BRIDGE, width=WIDTH)}（据新华社电）\n\n"
        f"{column_text('北京把老年教育办到家门口　' + plan, width=WIDTH)}\n"
    )
    bridge, item = parse_page(page, year=2020)
    assert (bridge.title, bridge.paragraphs) == ("江北过江大桥完成合龙", (BRIDGE,))
    assert (item.title, item.paragraphs) == ("北京把老年教育办到家门口", (plan,))


def test_a_head_before_a_colon_naming_a_film_or_closing_its_line():
    """``首届光影中国电影荣誉盛典在京隆重举`` / ``行：11日下午，…``, a head the column wrapped
    (``中国电`` opens no dateline: ``电影`` is a word), and ``习近平主席将出席第二届进口博览会：``
    closing its line over the text: the item's headline."""
    gala = "11日下午，首届“光影中国”电影荣誉盛典在京举行，盛典由人民视频提供直播支持。"
    expo = "商务部29日举行中外媒体吹风会。中国国际进口博览会组委会办公室主任介绍了有关情况。"
    for head, text, printed in (
        (
            "首届光影中国电影荣誉盛典在京隆重举行",
            gala,
            "首届光影中国电影荣誉盛典在京隆重举\n" + column_text("行：" + gala, width=WIDTH, indent=0),
        ),
        (
            "习近平主席将出席第二届进口博览会",
            expo,
            "习近平主席将出席第二届进口博览会：\n" + column_text(expo, width=WIDTH, indent=0),
        ),
    ):
        page = f"{column_text('●江北过江大桥完成合龙　' + BRIDGE, width=WIDTH)}（据新华社电）\n\n{printed}\n（据人民网电）\n"
        bridge, item = parse_page(page, year=2020)
        assert (bridge.title, bridge.paragraphs) == ("江北过江大桥完成合龙", (BRIDGE,)), head
        assert (item.title, item.paragraphs) == (head, (text,)), head
