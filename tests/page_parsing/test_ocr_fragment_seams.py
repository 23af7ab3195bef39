"""OCR'd pages: a story's text cut where an OCR block ends and read on after another story.

Each case is a small made-up page (or page of fragments) in the shape of the failures measured on pages
rendered to images and read back by Tesseract (`benchmarks.ocrpages`): print sets every line of a
paragraph full but its last, and indents its first, so a block that stops mid-sentence on a full line
goes on in a block whose first line is full.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page
from storage.ingest.page_fragments import Fragment, _edge_fit, plan_seams

# A story cut where its block ends (``…，王``); another story read next; the cut story's sentence goes
# on (``建国劝告…``, a full first line) after that story's paragraph ended on a short line.
CUT_PAGE = (
    "王建国：扎根基层三十年\n\n"
    "据新华社电（记者张三）王建国，江苏苏\n"
    "州人，毕业后服役于空军某部，转业后成\n"
    "为苏州市公安局一名普通的社区民警。\n\n"
    "那年七月的一天，派出所接到一起\n"
    "入室盗窃报警，王建国赶赴现场后很快锁\n"
    "定了嫌疑人，一番围追堵截之后，嫌疑\n"
    "人被包围在二楼楼道中。看到对方持刀，王\n\n"
    "科学饮茶好处多多\n\n"
    "春节期间，家人欢聚，走亲访友，一\n"
    "番忙碌应酬，一番好吃好喝，不少人要面\n"
    "对节后综合征，喝茶或许对你有所帮助。\n"
    "茶叶要选健康合格的。\n\n"
    "建国劝告其放下武器，不要一时冲动。对\n"
    "方不听劝告，欲跳窗逃跑，王建国上前挡\n"
    "住了去路，最终将其制服。\n"
)


def test_issue22_a_sentence_cut_at_a_block_end_goes_on_in_the_block_that_continues_it():
    articles = parse_page(CUT_PAGE, year=2020)
    police = next(a for a in articles if a.title.startswith("王建国"))
    tea = next(a for a in articles if a.title.startswith("科学饮茶"))
    assert "看到对方持刀，王建国劝告其放下武器" in "".join(police.paragraphs)
    assert "劝告" not in "".join(tea.paragraphs)
    explained = explain_page(CUT_PAGE, year=2020)
    assert any("goes on from the sentence left open there" in line for line in explained)


def _fragment(story: int, text: str, **edges: bool) -> Fragment:
    flags = {"open_start": False, "open_end": False, "closed_end": False, "paragraph_start": False}
    flags.update(edges)
    return Fragment(story=story, text=text, fixed=False, **flags)


def test_issue22_seams_are_matched_by_the_words_across_the_join_not_by_position():
    fragments = [
        _fragment(0, "据新华社电王建国在派出所工作了三十年。", closed_end=True),
        _fragment(0, "看到对方持刀，王", open_end=True),
        _fragment(1, "春节期间走亲访友，喝茶或许对你有所帮助。", closed_end=True),
        # Read right after the tea story, but it cannot go on from a paragraph's short last line.
        _fragment(1, "建国劝告其放下武器，最终将其制服。", open_start=True),
    ]
    (seam,) = plan_seams(fragments)
    assert (seam.end, seam.start) == (1, 3)
    assert seam.seam.endswith("王|建国劝告")


def test_issue22_a_word_of_the_language_read_across_a_seam_pairs_an_end_with_its_start():
    # Two sentences cut inside a word (``表示希`` / ``望…``, ``经济发`` / ``展…``), their rests read
    # after a third story, in the other order; no words shared, nothing across either join read
    # elsewhere on the page: only the words across the joins (希望, 发展) pair them.
    fragments = [
        _fragment(0, "新华社北京电外交部长会见了来访的客人。", closed_end=True),
        _fragment(0, "他在会见时表示希", open_end=True),
        _fragment(1, "本报讯市场监管部门近日召开座谈会。", closed_end=True),
        _fragment(1, "与会企业代表介绍了当地经济发", open_end=True),
        _fragment(2, "春节期间走亲访友，喝茶或许对你有所帮助。", closed_end=True),
        _fragment(2, "展的新情况和面临的困难。", open_start=True, closed_end=True),
        _fragment(2, "望两国继续加强合作。", open_start=True, closed_end=True),
    ]
    seams = plan_seams(fragments)
    assert sorted((seam.end, seam.start) for seam in seams) == [(1, 6), (3, 5)]
    assert {seam.seam for seam in seams} == {"时表示希|望两国继", "地经济发|展的新情"}


def test_issue22_no_seam_where_nothing_across_the_join_reads_on():
    fragments = [
        _fragment(0, "据新华社电王建国在派出所工作了三十年。", closed_end=True),
        _fragment(0, "看到对方持刀，他", open_end=True),
        _fragment(1, "春节期间走亲访友，喝茶或许对你有所帮助。", closed_end=True),
        _fragment(1, "绿茶红茶花茶各有其味，冲泡方法不同。", open_start=True),
    ]
    assert plan_seams(fragments) == []


def test_issue22_print_rules_out_a_paragraph_start_after_an_open_sentence_and_a_full_line_after_a_closed_one():
    edges = {
        (0, 0): _fragment(0, "", open_end=True),
        (0, 1): _fragment(0, "", closed_end=True),
        (1, 0): _fragment(1, "", paragraph_start=True),
        (1, 1): _fragment(1, "", open_start=True),
    }
    assert _edge_fit(edges, (0, 0), (1, 0)) == -1.0  # ``…，王`` then an indented first line
    assert _edge_fit(edges, (0, 1), (1, 1)) == -1.0  # ``…帮助。`` on a short line, then a full line
    assert _edge_fit(edges, (0, 0), (1, 1)) == 0.0
    assert _edge_fit(edges, (0, 1), (1, 0)) == 0.0
    assert _edge_fit(None, (0, 0), (1, 0)) == 0.0


def test_issue22_an_indented_first_line_over_two_full_lines_is_body_text_not_a_headline():
    # The block read after the story's last sentence, before the next headline: a paragraph's first
    # line (two cells short by its indent) over two lines set to the column, cut mid-sentence. It has
    # one comma and no sentence mark, but it is text, never a headline line.
    page = (
        "俄罗斯拟于明年试飞混合动力飞机\n\n"
        "据新华社莫斯科2月19日电\n"
        "俄罗斯中央航空发动机研究所总裁近日\n"
        "表示，将在明年对装配有混合动力引擎\n"
        "的飞机展开飞行测试。\n\n"
        "根据巴拉诺夫中央航空发动机研究\n"
        "所早些时候发布的计划，混合动力飞机\n"
        "引擎的研制是新型混合动力飞机研发工\n\n"
        "开着暖气，为啥还吹冷气？（说道）\n\n"
        "蓝天保卫战越往后任务越重，这需要\n"
        "我们关注每一个细节，其中就包括暖气\n"
        "开着却还要吹冷气这样的问题。\n"
    )
    articles = parse_page(page, year=2019)
    plane = next(a for a in articles if a.title.startswith("俄罗斯"))
    assert plane.title == "俄罗斯拟于明年试飞混合动力飞机"
    assert "混合动力飞机引擎的研制" in "".join(plane.paragraphs)
    assert not any("研发工" in a.title for a in articles)


def test_issue22_a_headline_wrapped_inside_a_word_is_joined_without_a_space():
    page = (
        "2020年联合国生物多\n"
        "样性大会会标发布\n\n"
        "本报北京1月9日电（记者孙秀艳）生态环境部与《生物多样性公约》秘书处9日在京发布2020年联合国生物多样性大会会标。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.title == "2020年联合国生物多样性大会会标发布"
    assert article.title_lines == ("2020年联合国生物多样性大会会标发布",)


def test_issue22_two_headline_phrases_stay_apart_though_the_text_reads_across_them():
    # ``会议听取`` is in the text, but no word runs across the break: a main line and its subtitle.
    page = (
        "栗战书主持召开第二十五次委员长会议\n"
        "听取有关议案和草案审议情况的汇报\n\n"
        "新华社北京2月25日电 十三届全国人大常委会第二十五次委员长会议25日在北京人民大会堂举行。"
        "会议听取了有关议案和草案审议情况的汇报。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert article.title == "栗战书主持召开第二十五次委员长会议 听取有关议案和草案审议情况的汇报"
