"""The tuned text-page families' leftovers, a sixth pass (issue 22): digest items whose head the
column wrapped onto the line that holds the start of their text (``digest_twin``).

Each case is a small made-up page in the shape of failures seen on the tuned families (seed 1); no
held-out family's pages were looked at.
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from storage.ingest.page_lines import display_width
from tests.page_parsing.layout import column_text

WIDTH = 14
MASTHEAD = "A02  综合  2019年2月3日  星期日\n\n"
TALKS = "当地时间1月31日，两国代表团在华盛顿结束新一轮经贸磋商，双方同意继续保持密切沟通。"
JOURNAL = "2月1日出版的第3期杂志将发表总书记的重要文章，文章强调要推动生态文明建设迈上新台阶。"
BURDEN = "2019年岁末，北京中南海。一份重要报告通过审议，基层减负工作取得明显成效，干部干劲更足。"
TRAFFIC = "公安部14日在京召开新闻发布会，通报公安交管部门推出的6项便民利企新措施。"
ART = "艺术实践教学是相对于艺术理论教学而言的，对于提升学生综合素质、提高教师能力具有十分重要的作用。"
ORCHID = "春节期间，我家阳台上的兰花发芽了。全家人每天看着它慢慢长，想着兰花开了，春天也就来了。"


def _run_in(first: str, tail: str, text: str) -> str:
    """An item whose head the column wrapped: `first` on its line, then the head's `tail`, a full-width
    space and the text, set flush to the column's measure."""
    room = WIDTH - display_width(tail) - 1
    cut = next(k for k in range(len(text) + 1) if display_width(text[: k + 1]) > room)
    return "\n".join([first, f"{tail}\u3000{text[:cut]}", *wrap(text[cut:], WIDTH, indent=0)])


def test_a_wrapped_run_in_head_under_an_item_read_with_its_head_leaves_only_its_text():
    """``经贸磋商结束`` over its lead's indented first line, then in the same block
    ``《求是》杂志发表总书记的重`` / ``要文章　2月1日出版…`` (the next item's head wrapped onto its text's
    line): the second item's text opens after the full-width space, the head's tail not in it."""
    item = _run_in("《求是》杂志发表总书记的重", "要文章", JOURNAL)
    page = MASTHEAD + f"经贸磋商结束\n{column_text(TALKS, width=WIDTH)}\n{item}\n（据新华社电）\n"
    talks, journal = parse_page(page, year=2019)
    assert (talks.title, talks.paragraphs) == ("经贸磋商结束", (TALKS,))
    assert (journal.title, journal.paragraphs) == ("《求是》杂志发表总书记的重要文章", (JOURNAL,))


def test_a_bulleted_head_holding_a_space_wrapped_onto_its_texts_line_is_whole():
    """``■为基层松绑减负 促干部担`` / ``当作为　2019年岁末，…``: the half-width space parts the head's two
    phrases; the full-width space on the next line parts the head from its text."""
    item = _run_in("■为基层松绑减负 促干部担", "当作为", BURDEN)
    traffic = _run_in("■交管部门推出便民利企措", "施", TRAFFIC)
    page = MASTHEAD + f"【社会】\n\n{item}\n（来源：科技日报）\n{traffic}\n（据新华社电）\n"
    burden, measures = parse_page(page, year=2019)
    assert (burden.title, burden.paragraphs) == ("为基层松绑减负 促干部担当作为", (BURDEN,))
    assert (measures.title, measures.paragraphs) == ("交管部门推出便民利企措施", (TRAFFIC,))


def test_a_wrapped_run_in_head_opening_a_block_is_no_headline_over_an_indented_lead():
    """``培养应用型人才 提高教学`` / ``能力 更好服务社会　艺术实践`` (a head wrapped onto the line where its
    text starts, that line, its spaces aside, as wide as a paragraph's indented first line) opening a
    block after an item closed by its source: the head is both lines, the text starts after the
    full-width space."""
    item = "\n".join(
        ["培养应用型人才 提高教学", "能力 更好服务社会\u3000艺术实践", *wrap(ART[4:], WIDTH, indent=0)]
    )
    orchid = column_text(f"家有幽兰\u3000{ORCHID}", width=WIDTH, indent=0)
    page = MASTHEAD + f"{orchid}\n（据新华社电）\n\n{item}\n（摘自《光明日报》）\n"
    first, art = parse_page(page, year=2019)
    assert (first.title, first.paragraphs) == ("家有幽兰", (ORCHID,))
    assert (art.title, art.paragraphs) == ("培养应用型人才 提高教学能力 更好服务社会", (ART,))


WATER = "生态环境部日前公布了前三季度全国地表水环境质量状况，水质优良断面比例为75.0%，同比上升2.6个百分点。"
HOME = "在湖北红安县城关镇民主街上，商铺林立，车流不息。一个规整院落坐落于此，这便是故居。"


def test_a_head_run_in_before_a_colon_after_an_items_last_short_line_opens_the_next_item():
    """On a page of items (a source read above), ``…这便是故居。`` ends an item printed without its
    source on a short line; the next line, ``全国水质优良比例上升：生…``, holds a head run in before a
    colon: a page of items prints each item as one paragraph, so it opens the next item."""
    assert display_width(column_text(f"朴诚勇毅传家风：{HOME}", width=WIDTH).split("\n")[-1]) < WIDTH - 2
    home = column_text(f"朴诚勇毅传家风：{HOME}", width=WIDTH)
    water = column_text(f"全国水质优良比例上升：{WATER}", width=WIDTH)
    talks = column_text(f"经贸磋商结束\u3000{TALKS}", width=WIDTH)
    page = MASTHEAD + f"{talks}\n（据新华社电）\n{home}\n{water}\n"
    _, family, rivers = parse_page(page, year=2019)
    assert (family.title, family.paragraphs) == ("朴诚勇毅传家风", (HOME,))
    assert (rivers.title, rivers.paragraphs) == ("全国水质优良比例上升", (WATER,))


def test_a_paragraph_opening_with_a_colon_under_a_full_line_stays_in_its_story():
    """The same head and colon under a full line that ends a sentence: no paragraph's end shows there,
    so the line is the item's next paragraph (``…选定了7个历史瞬间：1949年…``), no new item."""
    text = HOME + "院落里的旧物件，记录着一家人朴素的往事。"
    home = column_text(f"朴诚勇毅传家风：{text}", width=WIDTH)
    assert display_width(home.split("\n")[-1]) == WIDTH
    water = column_text(f"全国水质优良比例上升：{WATER}", width=WIDTH)
    talks = column_text(f"经贸磋商结束\u3000{TALKS}", width=WIDTH)
    page = MASTHEAD + f"{talks}\n（据新华社电）\n{home}\n{water}\n"
    _, family = parse_page(page, year=2019)
    assert (family.title, family.paragraphs) == ("朴诚勇毅传家风", (text, f"全国水质优良比例上升：{WATER}"))


def test_the_pages_first_items_are_items_when_the_page_prints_items_sources_further_down():
    """The same two items open the page, no source read above them; two items further down close with
    their sources: the page is a page of items from its first line, so the colon head after the first
    item's short last line opens the second item."""
    home = column_text(f"朴诚勇毅传家风：{HOME}", width=WIDTH)
    water = column_text(f"全国水质优良比例上升：{WATER}", width=WIDTH)
    talks = column_text(f"经贸磋商结束\u3000{TALKS}", width=WIDTH)
    journal = column_text(f"杂志发表重要文章\u3000{JOURNAL}", width=WIDTH)
    page = MASTHEAD + f"{home}\n{water}\n\n{talks}\n（据新华社电）\n{journal}\n（摘自《光明日报》）\n"
    family, rivers, _, _ = parse_page(page, year=2019)
    assert (family.title, family.paragraphs) == ("朴诚勇毅传家风", (HOME,))
    assert (rivers.title, rivers.paragraphs) == ("全国水质优良比例上升", (WATER,))


def test_one_character_left_on_a_wrapped_heads_line_is_the_items_text():
    """``深化金融供给侧结构性改革`` / ``增强金融服务实体经济能力　要`` / ``深化对…``: the one character after
    the full-width space opens the item's text; it is no speck of OCR noise."""
    finance = "要深化对金融形势的认识，正确把握金融本质，推动我国金融业健康发展。"
    lines = [
        "深化金融供给侧结构性改革",
        "增强金融服务实体经济能力\u3000要",
        *wrap(finance[1:], WIDTH, indent=0),
    ]
    page = (
        MASTHEAD
        + f"{column_text(f'经贸磋商结束　{TALKS}', width=WIDTH)}\n（据新华社电）\n\n"
        + "\n".join(lines)
        + "\n（摘自《光明日报》）\n"
    )
    _, item = parse_page(page, year=2019)
    assert (item.title, item.paragraphs) == ("深化金融供给侧结构性改革增强金融服务实体经济能力", (finance,))


MOTHER = "近日，医院感染科隔离病区住进一个特殊的家庭。一家六口有五人相继确诊，剩下两岁的孩子由护士照顾。"


def test_a_head_over_its_lead_inside_a_block_after_an_items_short_last_line_opens_the_next_item():
    """On a page of items, ``…这便是故居。`` (an item printed without its source, its last line short),
    then in the same block ``“临时妈妈”`` over ``近日，医院感染科…`` set as a paragraph's indented first
    line: the head is the next item's headline, not a paragraph of the item above."""
    home = column_text(f"朴诚勇毅传家风：{HOME}", width=WIDTH)
    talks = column_text(f"经贸磋商结束\u3000{TALKS}", width=WIDTH)
    page = (
        MASTHEAD
        + f"{talks}\n（据新华社电）\n{home}\n“临时妈妈”\n{column_text(MOTHER, width=WIDTH)}\n（据新华社电）\n"
    )
    _, family, mother = parse_page(page, year=2019)
    assert (family.title, family.paragraphs) == ("朴诚勇毅传家风", (HOME,))
    assert (mother.title, mother.paragraphs) == ("“临时妈妈”", (MOTHER,))


def test_a_sentence_ending_on_a_run_in_heads_line_does_not_end_the_items_paragraph():
    """``■为基层松绑减负 促干部担`` / ``当作为　岁末，北京中南海里。`` / ``一份…``: the text after the
    head's tail ends a sentence on a line the head's tail filled; the line is full, so the item's one
    paragraph goes on."""
    burden = "岁末，北京中南海里。一份重要报告通过审议，基层减负工作取得明显成效。"
    lines = [
        "■为基层松绑减负 促干部担",
        "当作为\u3000岁末，北京中南海里。",
        *wrap(burden[10:], WIDTH, indent=0),
    ]
    assert display_width(lines[1]) == WIDTH
    talks = column_text(f"经贸磋商结束\u3000{TALKS}", width=WIDTH)
    page = MASTHEAD + f"【社会】\n\n{talks}\n（据新华社电）\n" + "\n".join(lines) + "\n（来源：科技日报）\n"
    _, item = parse_page(page, year=2019)
    assert (item.title, item.paragraphs) == ("为基层松绑减负 促干部担当作为", (burden,))


PAPER = "下载一篇付费论文，却需要先在网站充值五十元钱，一名大学生将网站的经营者告上法庭。"


def test_a_bulleted_head_holding_a_comma_wrapped_onto_its_texts_line_is_whole():
    """``●下载7元论文先充50元，`` / ``用户诉网站经营者　下载…``: the head's comma ends its first line, and a
    full-width space on the next parts the head from its text; no sentence ends on the first line, so
    the head wrapped there."""
    lines = ["●下载7元论文先充50元，", "用户诉网站经营者\u3000下载一", *wrap(PAPER[3:], WIDTH, indent=0)]
    talks = column_text(f"经贸磋商结束\u3000{TALKS}", width=WIDTH)
    page = MASTHEAD + f"{talks}\n（据新华社电）\n\n" + "\n".join(lines) + "\n（摘自《光明日报》）\n"
    _, item = parse_page(page, year=2019)
    assert (item.title, item.paragraphs) == ("下载7元论文先充50元，用户诉网站经营者", (PAPER,))


def test_a_bulleted_list_items_comma_with_no_wide_gap_below_stays_its_text():
    """``●不宜大量存放，`` / ``也要避免阳光直射 远离火源。``: one half-width space is no gap that parts a
    head from its text, so the line is a list item's text, not a wrapped head."""
    item = "●不宜大量存放，\n也要避免阳光直射 远离火源。"
    page = f"家中消毒小常识\n\n王  明\n{column_text(TALKS, width=WIDTH)}\n{item}\n"
    (story,) = parse_page(page, year=2019)
    assert story.title == "家中消毒小常识"


VOLLEYBALL = "16日，女排超级联赛半决赛结束第二回合较量。上届冠军天津队客场以3∶0战胜江苏队。"
VILLAGE = "相亲会上，穿着盛装的苗族姑娘格外显眼。今年29岁的她是土生土长的村里人，如今在家门口就了业。"


def test_a_closing_note_ending_its_block_ends_the_story_before_a_bulleted_head():
    """``…就了业。`` / ``（综合本报和新华社电）`` ending the block, then ``▶女排超级联赛半决赛战罢`` over its
    text: the note closed the story above, so the bulleted line heads a new story, not a sub-heading."""
    page = (
        f"脱贫了，我要再脱单\n\n本报记者 王明\n{column_text(VILLAGE, width=WIDTH)}\n（综合本报和新华社电）\n\n"
        f"▶女排超级联赛半决赛战罢\n{column_text(VOLLEYBALL, width=WIDTH)}\n"
    )
    village, volleyball = parse_page(page, year=2019)
    assert village.paragraphs == (VILLAGE, "（综合本报和新华社电）")
    assert (volleyball.title, volleyball.paragraphs) == ("女排超级联赛半决赛战罢", (VOLLEYBALL,))


SECRETARY = "1974年，年仅19岁的蒙古族青年从高中毕业后，同40多名知青插队到草原，一干就是几十年。"


def test_a_bulleted_heads_tail_ending_in_a_dash_joins_the_head():
    """Under a bulleted item run in before its text, ``■内蒙古萨如拉图雅嘎查`` / ``原党支部书记廷·巴特尔——``
    / ``1974年，…``: the line under the next bulleted head ends in the dash that leads a head to its
    text; it is the head's tail, not the text's start."""
    star = column_text(f"■追逐心中最亮的星\u3000{VILLAGE}", indent=0, width=WIDTH)
    page = f"{MASTHEAD}{star}\n■内蒙古萨如拉图雅嘎查\n原党支部书记廷·巴特尔——\n{column_text(SECRETARY, width=WIDTH)}\n"
    _, secretary = parse_page(page, year=2019)
    assert (secretary.title, secretary.paragraphs) == (
        "内蒙古萨如拉图雅嘎查原党支部书记廷·巴特尔——",
        (SECRETARY,),
    )


EXHIBITION = "由孔子学院主办的传统手工艺展系列活动在泰国举行，极富中华文化韵味的活动吸引了众多泰国民众。"
MEETING = "国务院扶贫开发领导小组1日在京召开全体会议，传达学习关于强化巡视整改的重要指示精神，部署整改工作。"


def test_a_closing_note_holding_a_name_in_brackets_wrapped_over_two_lines_closes_its_story():
    """``（作者为中央党校（国家行政学院）研究`` / ``员）`` (a note naming a body in brackets inside its own,
    wrapped) then ``（作者：杨鹏）``: the note is the piece's last paragraph and its author's line signs it;
    the next piece's headline is its own."""
    page = (
        f"泰中友谊在文化交流中不断加深\n\n{column_text(EXHIBITION, width=WIDTH)}\n\n"
        "（作者为中央党校（国家行政学院）研究\n员）\n（作者：杨鹏）\n\n"
        f"狠抓专项巡视发现问题整改\n\n本报评论员  魏娜鹏\n{column_text(MEETING, width=WIDTH)}\n"
    )
    friendship, meeting = parse_page(page, year=2019)
    assert friendship.paragraphs == (EXHIBITION, "（作者为中央党校（国家行政学院）研究员）")
    assert friendship.reporters == ("杨鹏",)
    assert (meeting.title, meeting.paragraphs) == ("狠抓专项巡视发现问题整改", (MEETING,))


def test_an_authors_line_after_a_closing_note_holding_a_name_in_brackets_signs_the_story_above():
    """``…助力越南国家建设。`` / ``（作者为中央党校（国家行政学院）`` / ``研究员）`` / ``（作者：刘刚）`` in one
    block, then ``◆时评`` and a headline: the note ends the story's text as a sentence's end does, so
    the author's line under it signs that story, not the column label below."""
    page = (
        f"泰中友谊在文化交流中不断加深\n\n{column_text(EXHIBITION, width=WIDTH)}\n"
        "（作者为中央党校（国家行政学院）\n研究员）\n（作者：刘刚）\n\n"
        f"狠抓专项巡视发现问题整改\n\n本报评论员  魏娜鹏\n{column_text(MEETING, width=WIDTH)}\n"
    )
    friendship, meeting = parse_page(page, year=2019)
    assert friendship.paragraphs == (EXHIBITION, "（作者为中央党校（国家行政学院）研究员）")
    assert friendship.reporters == ("刘刚",)
    assert (meeting.title, meeting.reporters) == ("狠抓专项巡视发现问题整改", ("魏娜鹏",))
