"""An evening paper's page (`benchmarks.topicpages`, the tuned ``evening_page``): the
dateline printed on the headline's line, editors' marks closing stories, authors in lenticular
brackets opening the lead, items whose lead-in runs on into their text on one line.

Each case is a small made-up page in the shape of failures seen on ``evening_page`` (seed 1); the
held-out ``evening_items`` pages were never looked at.
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import explain_page, parse_page
from tests.page_parsing.layout import column_lines, column_text

WIDTH = 18  # the lead's first line (two cells for its indent) holds FIRST, its sentence end at the edge
FIRST = "2020年全国气象局长会议近日召开。"
SECOND = "中国气象局局长介绍，各级气象部门严密监测、准确预报、及时预警，有力应对重大灾害天气。"
THIRD = "记者在会上获悉，覆盖全国的区域数值预报模式投入业务运行，暴雨预警准确率提高到百分之八十九。"
OTHER = "十一日，柬埔寨中国商会西港分会在西哈努克港经济特区成立，推动中柬经贸合作与传统友谊发展。"


def test_a_dateline_on_the_headlines_line_opens_the_lead_under_it():
    """``标题  本报北京1月15日电  （记者刘毅）`` over the lead: the head is the title, the dateline the
    lead's opening (its first line short by its indent and ending a sentence is no paragraph)."""
    for gap in ("  ", "\u3000", " "):
        page = (
            f"气象预警信息公众覆盖率提至87%{gap}本报北京1月15日电  （记者刘毅）\n\n"
            f"{column_text(FIRST + SECOND, width=WIDTH)}\n\n"
            f"柬埔寨西港中国商会成立{gap}本报讯（记者 王伟健 通讯员 马欣明）\n\n{column_text(OTHER, width=WIDTH)}\n"
        )
        first, second = parse_page(page, year=2020)
        assert first.title == "气象预警信息公众覆盖率提至87%"
        assert first.paragraphs == (f"本报北京1月15日电（记者 刘毅）{FIRST}{SECOND}",)
        assert (first.reporters, first.date) == (("刘毅",), "2020-01-15")
        assert second.title == "柬埔寨西港中国商会成立"
        assert second.paragraphs == (f"本报讯（记者 王伟健 通讯员 马欣明）{OTHER}",)
        assert (second.reporters, second.correspondents) == (("王伟健",), ("马欣明",))


def test_a_sentence_with_a_dateline_after_it_is_no_headline():
    """A line of text ending a sentence before a dateline keeps both: it is no headline."""
    page = f"{column_text(SECOND, width=WIDTH)}\n会议指出。  本报北京1月15日电\n"
    (story,) = parse_page(page, year=2020)
    assert story.title_source == "inferred"


def test_editors_marks_close_a_story_and_belong_to_no_story():
    """``（编辑 王某 校对 李某）`` after the last sentence, ``责编：王某`` / ``编辑：王某  校对：李某`` /
    ``（责任编辑：王某）`` under it: dropped, the story closed there (the next headline is the next
    story's, not a line of this one)."""
    for mark in (
        "（编辑 唐海 校对 徐悦悦）",
        "\n责编：吴强",
        "\n编辑：孙国军  校对：蒋远宇",
        "\n（责任编辑：王浩）",
    ):
        page = (
            f"全国气象局长会议召开\n\n记者 刘毅 通讯员 何平\n{column_text(SECOND, THIRD, width=WIDTH)}{mark}\n"
            f"柬埔寨西港中国商会成立\n\n本报讯（记者 王伟健）\n{column_text(OTHER, width=WIDTH)}\n"
        )
        first, second = parse_page(page, year=2020)
        assert first.title == "全国气象局长会议召开", mark
        assert first.paragraphs == (SECOND, THIRD), mark
        assert (first.reporters, first.correspondents) == (("刘毅",), ("何平",))
        assert second.title == "柬埔寨西港中国商会成立", mark
        explained = "\n".join(explain_page(page, year=2020))
        dropped = [line for line in explained.splitlines() if line.startswith("dropped line")]
        assert any(line.endswith(mark.strip()) for line in dropped), mark


def test_authors_in_lenticular_brackets_opening_the_lead_are_the_byline():
    """``【记者 王某 实习生 李某】…`` opening the lead, the bracket wrapped over two lines or not: the
    story's reporters (and interns after them), the bracket kept in the lead as printed."""
    lead = "【记者 吕一 赵涛远 通讯员 马梅】" + SECOND
    page = f"全国气象局长会议召开\n\n{column_text(lead, THIRD, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2020)
    assert story.title == "全国气象局长会议召开"
    assert story.paragraphs == (lead.replace(" ", ""), THIRD)  # spaces between names are not kept
    assert (story.reporters, story.correspondents) == (("吕一", "赵涛远"), ("马梅",))


def test_items_with_their_lead_ins_run_in_are_stories_of_their_own():
    """A column of items under its label, each its lead-in run in before its text (``●标题  正文``, a
    head holding spaces (it ends at the last space before the text's first clause mark), ``【标题】正文``, the head in brackets alone over its text), some closed by
    their authors: each item a story titled by its lead-in."""
    items = (
        ("全国气象局长会议召开", SECOND),
        ("产业兴 乡村美 农民富", THIRD),
        ("西港中国商会成立", OTHER),
    )
    for form in ("●{}  {}", "■{} {}", "【{}】{}", "【{}】\n{}"):
        lines = []
        for head, text in items:
            first, *rest = form.format(head, text).split("\n")
            lines += wrap(first, WIDTH, indent=0) + column_lines(rest, width=WIDTH)
        lines[-1] += "（记者 王伟健）"
        page = "B03｜都市\n\n城事速递\n\n" + "\n".join(lines) + "\n"
        stories = parse_page(page, year=2020)
        assert [s.title for s in stories] == [head for head, _ in items], form
        assert [s.paragraphs for s in stories] == [(text,) for _, text in items], form
        assert stories[-1].reporters == ("王伟健",), form


def test_a_digest_strip_of_other_pages_heads_belongs_to_no_story():
    """``要闻速览  ▶…  ▶…`` under the page strip, or the label over one head a line (``·…``): no story's
    text nor headline."""
    for strip in (
        "要闻速览  ▶王毅会见美国前政要代表团  ▶书，不加塑封可以吗？",
        "要闻速览\n·王毅会见美国前政要代表团\n·“升级”我们的文化供给（新语）",
    ):
        page = f"民生·热线  B02\n{strip}\n\n全国气象局长会议召开\n\n记者 刘毅\n{column_text(SECOND, THIRD, width=WIDTH)}\n"
        (story,) = parse_page(page, year=2020)
        assert story.title == "全国气象局长会议召开", strip
        assert story.paragraphs == (SECOND, THIRD), strip


def test_an_items_authors_on_a_line_of_their_own_close_it_not_the_next_one():
    """``（记者 卢艳轩）`` under an item's text, the next item's lead-in run in right under it: the
    authors are the item's above (they had gone to the next item as a byline printed before it)."""
    page = (
        "城事速递\n\n"
        + column_text(f"【全国气象局长会议召开】{SECOND}", width=WIDTH, indent=0)
        + "\n（记者 卢艳轩）\n"
        + column_text(f"【西港中国商会成立】{OTHER}", width=WIDTH, indent=0)
        + "\n"
    )
    first, second = parse_page(page, year=2020)
    assert (first.title, first.reporters) == ("全国气象局长会议召开", ("卢艳轩",))
    assert (second.title, second.reporters, second.paragraphs) == ("西港中国商会成立", (), (OTHER,))


def test_a_run_in_head_the_column_wrapped_before_its_space():
    """``▶二〇一九年“读懂中国”广州国际会`` / ``议举行　2019年…``: the head's end, the space and the
    text on the next line; the head is whole, the text the item's."""
    text = "2019年“读懂中国”广州国际会议于10月26日在广州开幕，中宣部部长出席开幕式并发表演讲。"
    body = wrap("议举行\u3000" + text, WIDTH, indent=0)
    page = "快讯\n\n" + "\n".join(["▶二〇一九年“读懂中国”广州国际会", *body]) + "\n"
    (story,) = parse_page(page, year=2019)
    assert story.title == "二〇一九年“读懂中国”广州国际会议举行"
    assert story.paragraphs == (text,)


def test_a_run_in_item_after_a_story_is_no_sub_heading_and_its_head_keeps_its_brackets():
    """``■河北“老赖地图”小程序上线 身边有…`` opening a block under a story's last sentence, its first line
    two cells short (its indent dropped): an item of its own, not a sub-heading of the story above; a
    head holding a space inside its brackets (``（应收尽收 刻不容缓）``) is whole."""
    first = "身边有没有“老赖”出没？现在只需拿出手机，轻轻一点，便一目了然。"
    second = "首批治愈患者今天出院，医护人员向他们送上鲜花和祝福，叮嘱他们回家后继续做好防护。"
    page = (
        f"全国气象局长会议召开\n\n记者 刘毅\n{column_text(SECOND, THIRD, width=WIDTH)}\n\n"
        + column_text(f"■河北“老赖地图”小程序上线 {first}", width=WIDTH)
        + "\n\n"
        + column_text(f"■火神山医院首批治愈患者出院（应收尽收 刻不容缓） {second}", width=WIDTH)
        + "\n"
    )
    story, item, other = parse_page(page, year=2020)
    assert story.paragraphs == (SECOND, THIRD)
    assert (item.title, item.paragraphs) == ("河北“老赖地图”小程序上线", (first,))
    assert (other.title, other.paragraphs) == ("火神山医院首批治愈患者出院（应收尽收 刻不容缓）", (second,))


def test_a_column_label_over_items_and_heads_holding_a_comma():
    """The column's label over its first item (``新闻速览``) is no story's headline, not even one further
    down the page; a head in brackets alone over its text; a bulleted head holding a comma
    (``■守护冬眠的蝮蛇，高山夫妇—— 2月11日，…``) ends at its space, not at its comma."""
    text = "2月11日，春节假期后上班第一天，在辽宁蛇岛老铁山国家级自然保护区，工作人员一大早就开始巡查。"
    page = (
        "新闻速览\n\n【全国气象局长会议召开】\n"
        + column_text(SECOND, width=WIDTH)
        + "\n"
        + column_text(f"■守护冬眠的蝮蛇，高山夫妇—— {text}", width=WIDTH)
        + "\n\n柬埔寨西港中国商会成立  本报讯（记者 王伟健）\n\n"
        + column_text(OTHER, width=WIDTH)
        + "\n"
    )
    first, second, third = parse_page(page, year=2019)
    assert (first.title, first.paragraphs) == ("全国气象局长会议召开", (SECOND,))
    assert (second.title, second.paragraphs) == ("守护冬眠的蝮蛇，高山夫妇——", (text,))
    assert third.title == "柬埔寨西港中国商会成立"
    assert "dropped line 1 as column label: 新闻速览" in explain_page(page, year=2019)
