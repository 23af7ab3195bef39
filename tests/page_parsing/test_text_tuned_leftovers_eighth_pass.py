"""The tuned text-page families' leftovers, an eighth pass (issue 22): a photo caption closing a story's
block, the story going on in the next block (``special_page``, ``evening_page``); a headline whose lines
hold commas, set where no body line could be: wider than the column, or closed by a column's label
right under a headline line (``front_page``).

Each case is a small made-up page in the shape of failures seen on the tuned families (seed 1); no
held-out family's pages were looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page
from tests.page_parsing.layout import column_text

WIDTH = 14
MASTHEAD = "专版  第9版  2020年2月14日\n\n"
FIRST = "一位外卖骑手说，只要我们多跑一趟，就能给这座城市添一分暖意，这也是对抗击疫情的支持。"
SECOND = "必须为快递小哥点赞！疫情来袭，他们选择了风雨无阻、勇敢前行，穿行在一条条大街小巷。"
THIRD = "快递连着供需两端，关系百姓生活。骑行的勇者，是春天的暖流。"
CAPTION = "▲骑手在社区门口交接生活物资。\n记者 马明芳 摄"
RIVER = "本报南宁2月13日电  （记者庞革平）近日，广西加快推进农村生活污水治理，一批示范项目相继开工。"
VILLAGE = "村里的党务公开栏上贴出了一纸公示，资金结余多少、拟购买什么、花在哪里，一笔一笔写得清清楚楚。"
OPEN = "这意见，那意见，一公开就没意见。这是村党总支书记结合自己多年的工作经历得出的切身体会。"
FARM = "本报哈尔滨2月25日电  （记者方圆）近日，黑龙江正式公布人才行动方案，团队支持经费可达5000万元。"


def test_a_caption_closing_a_storys_block_belongs_to_no_story():
    """``…的支持。`` / ``▲骑手在社区门口交接生活物资。`` / ``记者 马明芳 摄`` closing the story's block, a
    blank line, then the story's next paragraph: the caption and its credit are dropped, and the story
    goes on under them (the caption had been kept as a paragraph of its own)."""
    page = (
        MASTHEAD
        + f"骑行的勇者（快评）\n\n记者 李勇\n{column_text(FIRST, width=WIDTH)}\n{CAPTION}\n\n{column_text(SECOND, THIRD, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "骑行的勇者（快评）"
    assert story.paragraphs == (FIRST, SECOND, THIRD)
    explained = "\n".join(explain_page(page, year=2020))
    assert "as caption: ▲骑手在社区门口交接生活物资。" in explained


def test_the_text_under_a_captions_credit_in_its_block_is_the_storys():
    """``图为…，`` / ``…。（魏轩国 摄）`` opening a block, then ``联合国秘书长…`` in the same block: the caption
    ends at its credit, and the lines under it are the open story's next paragraph (the whole block had
    been dropped as the caption)."""
    page = (
        MASTHEAD
        + f"骑行的勇者（快评）\n\n记者 李勇\n{column_text(FIRST, width=WIDTH)}\n\n"
        + f"图为骑手在社区门口交接生活\n物资。（魏轩国 摄）\n{column_text(SECOND, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.paragraphs == (FIRST, SECOND)
    explained = "\n".join(explain_page(page, year=2020))
    assert "as caption: 物资。（魏轩国 摄）" in explained


def test_a_caption_sign_closing_a_block_without_a_credit_stays_text():
    """Guard: ``▲…。`` closing the block with no photographer's credit under it is the story's text."""
    page = (
        MASTHEAD
        + f"骑行的勇者（快评）\n\n记者 李勇\n{column_text(FIRST, width=WIDTH)}\n▲骑手交接物资。\n\n{column_text(SECOND, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2020)
    assert "▲骑手交接物资。" in "".join(story.paragraphs)


def test_a_headline_whose_lines_hold_commas_after_a_jump_line_heads_the_next_story():
    """After a story cut off by its jump line, ``四川大竹推行“党务四亮”，让群众明白，给干部清白`` (two
    commas, set wider than the column: no body line is) over ``这难办，那难办，一公开就好办（链接）`` (commas,
    closed by a column's label right under that headline line), each a block of its own, then text:
    the story's headline. The text had opened a story with no headline, and the next story's headline
    had gone to it."""
    page = (
        MASTHEAD
        + f"广西推进农村污水治理\n\n{column_text(RIVER, width=WIDTH)}\n（下转第7版）\n\n"
        + "四川大竹推行“党务四亮”，让群众明白，给干部清白\n\n这难办，那难办，一公开就好办（链接）\n\n"
        + f"{column_text(VILLAGE, OPEN, width=WIDTH)}\n\n黑龙江发布人才行动方案\n\n{column_text(FARM, width=WIDTH)}\n"
    )
    river, village, farm = parse_page(page, year=2020)
    assert river.title == "广西推进农村污水治理"
    assert (
        village.title == "四川大竹推行“党务四亮”，让群众明白，给干部清白 这难办，那难办，一公开就好办（链接）"
    )
    assert village.paragraphs == (VILLAGE, OPEN)
    assert farm.title == "黑龙江发布人才行动方案"


def test_a_line_of_text_with_commas_set_in_the_column_alone_in_its_block_stays_text():
    """Guard: a block of one line holding commas, set within the column and closed by no label, after a
    story that ended its sentence, is text (a column break may leave one line alone), no headline."""
    lone = "资金结余多少，花在哪里，写清楚"
    page = (
        MASTHEAD
        + f"广西推进农村污水治理\n\n{column_text(RIVER, width=WIDTH)}\n\n{lone}\n\n{column_text(OPEN, width=WIDTH)}\n"
    )
    stories = parse_page(page, year=2020)
    assert all(story.title != lone for story in stories)


def test_a_picture_storys_caption_closing_its_block_stays_its_text():
    """Guard: under a ``图片新闻`` label, ``…聊了起来。`` / ``图为现场一角。`` / ``通讯员 高轩海 摄`` closing the
    block is the picture story's own caption: its text."""
    talk = "2月2日下午，坐上北京西站至长沙南站的列车，利用列车长忙碌的间隙，和他聊了起来。"
    page = (
        MASTHEAD
        + f"图片新闻\n\n“此刻，我们也是战士！”\n\n{column_text(talk, width=WIDTH)}\n图为现场一角。\n 通讯员 高轩海 摄\n\n"
        + f"黑龙江发布人才行动方案\n\n{column_text(FARM, width=WIDTH)}\n"
    )
    picture, farm = parse_page(page, year=2020)
    assert picture.title == "“此刻，我们也是战士！”"
    assert "".join(picture.paragraphs) == talk + "图为现场一角。"
    assert farm.title == "黑龙江发布人才行动方案"


def test_a_picture_reports_credit_under_its_storys_text_is_no_headline():
    """``袁  琛摄影报道（影像中国）`` alone in its block right under a story's text that ended its sentence:
    the picture report's credit, kept as the story's last paragraph as ``…摄（影像中国）`` is; it had been
    read as the first line of the next story's headline."""
    page = (
        MASTHEAD
        + f"骑行的勇者（快评）\n\n记者 李勇\n{column_text(FIRST, width=WIDTH)}\n\n袁  琛摄影报道（影像中国）\n\n"
        + f"黑龙江发布人才行动方案\n\n{column_text(FARM, width=WIDTH)}\n"
    )
    rider, farm = parse_page(page, year=2020)
    assert rider.paragraphs == (FIRST, "袁琛摄影报道（影像中国）")
    assert farm.title == "黑龙江发布人才行动方案"


def test_the_papers_second_dispatch_of_the_same_day_inside_the_block_goes_on_the_story():
    """``本报内比都1月17日电 …`` opening the story, then inside its block after a sentence end
    ``本报北京1月17日电 国家主席习近平17日乘专机离开北京，…``: the paper's own dispatch from another place
    the same day, with no headline, byline or end mark between, is the story's next paragraph (it had
    opened a story with a title inferred from its lead). Another day's dispatch still opens its own."""
    arrival = "本报内比都1月17日电  当地时间1月17日下午，国家主席习近平乘专机抵达内比都国际机场。"
    departure = "本报北京1月17日电  国家主席习近平17日乘专机离开北京，对缅甸进行国事访问。"
    page = (
        MASTHEAD
        + f"习近平抵达内比都\n\n{column_text(arrival, width=WIDTH)}\n{column_text(departure, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "习近平抵达内比都"
    assert len(story.paragraphs) == 2
    assert story.paragraphs[1].startswith("本报北京1月17日电")
    later = departure.replace("1月17日电", "1月18日电")
    first, second = parse_page(
        MASTHEAD
        + f"习近平抵达内比都\n\n{column_text(arrival, width=WIDTH)}\n{column_text(later, width=WIDTH)}\n",
        year=2020,
    )
    assert first.title == "习近平抵达内比都"
    assert second.paragraphs[0].startswith("本报北京1月18日电")


def test_a_bare_name_right_under_a_pieces_headline_is_its_author():
    """``万众一心`` / blank / ``阿尔泰`` (a name with no common surname) opening the block over the piece's
    text: the author, no first paragraph of the piece (it had been kept as one)."""
    text = "万众一心，众志成城，在党的领导下，我们一定会打赢这场疫情防控的人民战争！"
    page = MASTHEAD + f"万众一心\n\n阿尔泰\n{column_text(text, width=WIDTH)}\n"
    (piece,) = parse_page(page, year=2020)
    assert piece.title == "万众一心"
    assert piece.paragraphs == (text,)
    assert piece.reporters == ("阿尔泰",)


def test_a_short_line_opening_a_block_with_no_headline_over_it_is_no_author():
    """Guard: the same short line opening a block under a story's text (no headline just read) stays
    where the text puts it, no byline."""
    text = "万众一心，众志成城，在党的领导下，我们一定会打赢这场疫情防控的人民战争！"
    page = (
        MASTHEAD
        + f"万众一心\n\n记者 李勇\n{column_text(FIRST, width=WIDTH)}\n\n阿尔泰\n{column_text(text, width=WIDTH)}\n"
    )
    stories = parse_page(page, year=2020)
    assert all("阿尔泰" not in story.reporters for story in stories)
