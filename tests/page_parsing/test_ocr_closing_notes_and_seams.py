"""OCR'd pages (`benchmarks.ocrpages`): closing notes, seams the segmenter left reading on, lines of lists and indented first lines.

Each case is a small made-up page (or a pair of fragments) in the shape of a failure measured on pages
rendered to images and read back by Tesseract.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page
from storage.ingest.page_fragments import Fragment, _seam, plan_scattered_moves, plan_seams
from storage.ingest.page_lines import _Line
from storage.ingest.page_seams import _fragment as _block_fragment
from storage.ingest.page_seams import _full_line

# A closing note the column wrapped over three lines, the middle one set full with a comma in it.
NOTE_PAGE = (
    "边关哨所过春节\n\n"
    "我在军中从事新闻报道八年。每年春\n"
    "节，我都会去边关哨所，用镜头记录官兵\n"
    "的春节。\n\n"
    "(作者为新疆克孜勒苏军分区政治\n"
    "工作部新闻报道员，本报记者倪光辉采\n"
    "访整理)\n\n"
    "科学饮茶好处多多\n\n"
    "春节期间，家人欢聚，走亲访友，一\n"
    "番忙碌应酬，不少人要面对节后综合征，\n"
    "喝茶或许对你有所帮助。\n"
)


def test_issue22_a_closing_note_wrapped_over_three_lines_is_one_note_not_a_headline():
    border, tea = parse_page(NOTE_PAGE, year=2020)
    assert border.paragraphs[-1] == "(作者为新疆克孜勒苏军分区政治工作部新闻报道员，本报记者倪光辉采访整理)"
    assert tea.title == "科学饮茶好处多多"


def test_issue22_no_text_reads_on_from_a_closing_note():
    page = {"阻断谣言的传播链条", "科学是最好的谣言粉碎机"}
    assert (
        _seam("记录下那一张张幸福的笑脸。(作者为新疆军区报道员，本报记者倪光辉采访整理)", "科学是最好", page)
        == 0.0
    )
    # A sentence left open still reads on.
    assert _seam("那一张张幸福的", "笑脸", page) > 0.0


def _fragment(story: int, text: str, *, fixed: bool = False, **edges: bool) -> Fragment:
    flags = {"open_start": False, "open_end": False, "closed_end": False, "paragraph_start": False}
    flags.update(edges)
    return Fragment(story=story, text=text, fixed=fixed, **flags)


# Two stories read alternately: the nurse's sentence breaks off (``…胜任抗``), the flight story's dateline
# block breaks off (``…发放了口``), then the nurse's text goes on (``疫工作…``), then the flight's
# (``罩等…``). The segmenter gave both later blocks to the flight story, reading on from its open end.
ALTERNATE = [
    _fragment(0, "不久前辽宁发出组派医疗队援鄂通知，护士卢雨准备好了口罩，自己能胜任抗", open_end=True),
    _fragment(
        1,
        "新华社广州电东航派出包机接回湖北籍旅客，还运去了一批抗疫物资。为每位旅客发放了口",
        open_end=True,
        fixed=True,
    ),
    _fragment(1, "疫工作的优势：护士卢雨在重症监护室工作了十年。", open_start=True, closed_end=True),
    _fragment(1, "罩等防护用品，以便旅客安全快速登机。", open_start=True, closed_end=True),
]


def test_issue22_on_a_scattered_page_a_seam_the_segmenter_left_reading_on_is_weighed_against_the_others():
    # As the segmenter left it, the flight story's dateline block reads on into the nurse's text.
    assert plan_seams(ALTERNATE) == []
    # Weighed against the others, that text goes on from the nurse's sentence (``抗疫`` is read on the
    # page, ``口疫`` is not; it names the nurse), and ``口|罩`` joins the flight story's blocks again.
    (seam,) = plan_seams(ALTERNATE, contest=True)
    assert (seam.end, seam.start) == (0, 2)
    assert seam.seam == "能胜任抗|疫工作的"


# The same on a page: the flight story's dateline block is read between the nurse's two blocks; a third
# story holds a block of the nurse's text too, so the page was read block by block.
ALTERNATE_PAGE = (
    "卢妈妈请战上一线\n\n"
    "不久前，辽宁发出组派医疗队援鄂\n"
    "通知，护士卢雨第一时间写下请战书，\n"
    "准备好了口罩和护目镜，自己能胜任抗\n\n"
    "东航包机接回湖北籍旅客\n\n"
    "新华社广州2月3日电（记者田建\n"
    "川）东航3日派出包机从越南胡志明市\n"
    "接回131位湖北籍旅客，还运去了一\n"
    "批抗疫物资。机组人员为旅客测量体温\n"
    "后，为每位旅客都发放了消毒湿巾和口\n\n"
    "疫工作的优势：护士在重症监护室工作了\n"
    "十年，有强大的学习能力。\n\n"
    "罩等防护用品，提醒旅客全程佩戴，以\n"
    "便旅客安全快速登机。\n\n"
    "浙江以动漫促科普\n\n"
    "本报杭州2月3日电（记者江南）浙\n"
    "江多家动漫企业开通免费在线科学课程\n"
    "和动漫手工课，丰富青少年文化生活。\n\n"
    "卢雨说：“写请战书的时候，我想到\n"
    "了卢雨这个名字，护士卢雨要上一线！”\n"
)


def test_issue22_explain_names_the_seam_that_took_a_block_from_the_text_it_was_read_after():
    nurse, flight, _cartoons = parse_page(ALTERNATE_PAGE, year=2020)
    assert "自己能胜任抗疫工作的优势：护士在重症监护室工作了十年" in "".join(nurse.paragraphs)
    assert "发放了消毒湿巾和口罩等防护用品" in "".join(flight.paragraphs)
    explained = explain_page(ALTERNATE_PAGE, year=2020)
    assert any(
        "goes on from the sentence left open there (seam 能胜任抗|疫工作的" in line for line in explained
    )


def test_issue22_a_quote_the_ocr_read_as_ascii_takes_a_whole_cell_so_its_line_is_full():
    # Tesseract reads the full-width quote ” as ``"``: the line is set full, 17 cells, and the block it
    # ends stops mid-sentence, so its sentence goes on in another block.
    block = [
        _Line(1, "在论坛开幕式上，格鲁吉亚总理加", True),
        _Line(2, "哈里亚在致辞中高度赞扬中国提出的", False),
        _Line(3, '路"倡议建立在互利合作的基础之上，', False),
    ]
    assert _full_line(block[-1].text, 17.0)
    assert _block_fragment(0, block, 17.0, False).open_end
    # Other ASCII marks an OCR engine put in still count half a cell.
    assert not _full_line("他说,这是互利合作的基础之上.", 17.0)


# A block the OCR read with ASCII marks (no sentence mark, no full-width comma), a paragraph's indented
# first line over two full lines: body text, so it is no headline that ends the story above it.
BODY_BLOCK_PAGE = (
    "中关村论坛成果发布\n\n"
    "本报北京10月18日电（记者朱竞若）\n"
    "推进全国科技创新中心建设30条改革举\n"
    "措对外发布，为中关村论坛画下圆满句\n"
    "号。\n\n"
    '此次发布的科创30条"亮点凸\n'
    "显 : 一是实现单位选人用人自主权、经\n"
    "费使用自主权、管理运行自主权、成果\n"
    '转化授权"四扩大”, 切实增强创新动\n\n'
    "科技与舞台完美融合\n\n"
    "力和活力。二是推进人才培养、人才评\n"
    "价、科研人员因公出国审批四优化。\n\n"
    "军运会开幕式文艺演出的背后\n\n"
    "本报武汉10月18日电（记者田豆豆）\n"
    "第七届世界军人运动会开幕式，给世界\n"
    "奉献了一场科技与舞台完美融合的文艺\n"
    "演出。\n"
)


def test_issue22_an_indented_first_line_over_full_lines_ends_no_story_as_a_headline_would():
    articles = parse_page(BODY_BLOCK_PAGE, year=2019)
    forum = articles[0]
    assert forum.title == "中关村论坛成果发布"
    assert "切实增强创新动" in "".join(forum.paragraphs)
    assert all(article.title_source == "printed" for article in articles)


# A list cut by the OCR's blocks, one of its lines alone in a block: four enumeration marks on a line
# are a sentence's, never a headline's.
LIST_PAGE = (
    "国际社会支持中国防控新冠肺炎疫情\n\n"
    "本报北京2月6日电  截至2月\n"
    "6日中午12时，白俄罗斯、巴基斯坦、\n"
    "朝鲜、韩国、日本、泰国、马来西亚、\n"
    "印尼、马尔代夫、缅甸、德国、英国、\n"
    "法国、意大利、奥地利、匈牙利、哈萨\n\n"
    "克斯坦、拉脱维亚、爱沙尼亚、土耳其、\n\n"
    "伊朗、阿联酋、阿尔及利亚、埃及、赤\n\n"
    "道几内亚、澳大利亚、新西兰、加拿大、\n\n"
    "特立尼达和多巴哥、加纳等多国政府和\n"
    "联合国儿童基金会纷纷向中方捐赠疫情\n"
    "防控物资或提供其他支持。\n"
)


def test_issue22_a_line_of_a_long_list_alone_in_a_block_is_no_headline():
    (story,) = parse_page(LIST_PAGE, year=2020)
    assert story.title == "国际社会支持中国防控新冠肺炎疫情"
    assert "土耳其、伊朗、阿联酋、阿尔及利亚、埃及、赤道几内亚" in story.paragraphs[0]


def test_issue22_the_bolder_joiner_gives_no_block_to_a_story_read_only_after_it():
    # Two hero stories share their words (追认为革命烈士, 追授…英雄模范称号); the first hero's blocks were
    # read after the tea story, before the second hero's story starts. They cannot be the second hero's
    # text, nor can the block that goes on from them (``…9月9日，`` / ``被公安部追授…``) follow them there.
    stories = [
        ["据新华社电（记者邱冰清）徐发荣，江苏苏州人，生前系苏州市公安局三元派出所民警。"],
        [
            "春节期间，家人欢聚，走亲访友，喝茶或许对你有所帮助。",
            "经江苏省政府批准，徐发荣被追认为革命烈士，并于1997年9月9日，",
            "被公安部追授全国公安系统二级英雄模范称号。",
        ],
        ["据新华社电（记者曾维）杨志坚牺牲后，被追认为革命烈士，被公安部追授全国公安系统一级英雄模范称号。"],
    ]
    moves = plan_scattered_moves(
        stories,
        headlines=["徐发荣：无私奉献", "科学饮茶好处多多", "杨志坚：扑向歹徒"],
        positions={(0, 0): 1, (1, 0): 10, (1, 1): 20, (1, 2): 30, (2, 0): 40},
    )
    assert [(move.source, move.block, move.target) for move in moves] == [(1, 1, 0), (1, 2, 0)]


# A paragraph whose full stop the OCR lost ends on a lone character at the block's end (``条`` / ``件``);
# a speck after a full line (``旺``) ends no word.
LONE_PAGE = (
    "让职业教育真正扬眉吐气\n\n"
    "职业教育发展得好，能提供更多样\n"
    "化的成长成才路径，有效分流高考升学\n"
    "的压力，为深化教育改革创造更好的条\n"
    "件\n\n"
    "提起职业教育，人们常常想起技工\n"
    "学校。近年来各地新闻媒体多次做了报道\n"
    "旺\n"
)


def test_issue22_a_lone_character_that_ends_a_word_at_a_block_end_is_text_a_speck_is_not():
    (story,) = parse_page(LONE_PAGE, year=2019)
    text = "".join(story.paragraphs)
    assert "为深化教育改革创造更好的条件" in text
    assert text.endswith("多次做了报道")
    explained = explain_page(LONE_PAGE, year=2019)
    assert "dropped line 10 as OCR noise: 旺" in explained
