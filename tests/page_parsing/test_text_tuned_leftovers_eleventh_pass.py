"""The tuned text-page families' leftovers, an eleventh pass (issue 22): an evening paper's item whose
bulleted head holds a space and wrapped, its end and its own space opening the next line before the
item's text (``evening_page``); a bulleted sub-heading under a full line ending a sentence
(``trade_paper``); a bulleted piece's head ending in its column's label after a blank line under a
story that ended its sentence (``evening_page``); a bulleted head of two phrases parted by a space,
closed by a full-width space over its text (``digest_twin``).

Each case is a small made-up page in the shape of failures seen on the tuned families (seeds 1 and 2);
no held-out family's pages were looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page

MASTHEAD = "2020年2月16日  星期日  第5版  要闻\n\n"


def test_a_bulleted_head_holding_a_space_wraps_to_the_space_before_its_text():
    """``▶全程跟进关注 更重一`` / ``线作为 一个涉及…``: prose holds no space between Han words, so the
    head ends at the space on the next line (the head had ended at its own space, and 更重一线作为 ran on
    as the item's text)."""
    page = MASTHEAD + (
        "▶全程跟进关注 更重一\n"
        "线作为 一个涉及拆迁项目多、\n"
        "安置群众多的安置房项目进入\n"
        "攻坚扫尾阶段，干部考察随之\n"
        "跟进到项目现场。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "全程跟进关注 更重一线作为"
    assert story.paragraphs[0].startswith("一个涉及拆迁项目多、")


def test_a_byline_under_a_bulleted_head_is_no_head_s_wrapped_end():
    """``▶全程跟进关注 更重一线作为`` / ``本报记者 王浩``: the words before the space on the line under the
    head are a byline's, not the head's end."""
    page = MASTHEAD + (
        "▶全程跟进关注 更重一线作为\n"
        "本报记者 王浩\n"
        "一个涉及拆迁项目多、安置群众\n"
        "多的安置房项目进入攻坚扫尾阶\n"
        "段，干部考察随之跟进。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "全程跟进关注 更重一线作为"
    assert story.reporters == ("王浩",)
    assert story.paragraphs[0].startswith("一个涉及")


def _story_with_subheading(subheading: str) -> str:
    return MASTHEAD + (
        "海南五级书记齐上阵抓防控\n\n"
        "本报记者 贾强\n"
        "新冠肺炎疫情发生以来，海南\n"
        "从省到村各级党组织冲锋在前，\n"
        "出台多项措施帮助企业渡过难关。\n"
        f"{subheading}"
        "1月30日，听到村民吴某核酸\n"
        "检测阴性的消息，村党支部书记\n"
        "松了一口气。\n"
    )


def test_a_bulleted_subheading_under_a_full_line_ending_a_sentence_is_a_paragraph_of_its_own():
    """``…渡过难关。`` (a full line) / ``●加强组织领导，一个支部一道`` / ``防线``: the bullet opens a paragraph
    (it had run on into the paragraph above, which ended its sentence at the column's edge)."""
    (story,) = parse_page(_story_with_subheading("●加强组织领导，一个支部一道\n防线\n"), year=2020)
    assert story.paragraphs == (
        "新冠肺炎疫情发生以来，海南从省到村各级党组织冲锋在前，出台多项措施帮助企业渡过难关。",
        "●加强组织领导，一个支部一道防线",
        "1月30日，听到村民吴某核酸检测阴性的消息，村党支部书记松了一口气。",
    )


def test_a_full_line_ending_a_sentence_over_a_line_without_a_bullet_runs_on():
    """With no bullet, a full line ending a sentence over a full line is a sentence end at the column's
    edge inside the paragraph: the paragraph goes on."""
    (story,) = parse_page(
        _story_with_subheading("加强组织领导，一个支部一道防\n线筑牢了，村民心里踏实。\n"), year=2020
    )
    assert story.paragraphs[0] == (
        "新冠肺炎疫情发生以来，海南从省到村各级党组织冲锋在前，出台多项措施帮助企业渡过难关。"
        "加强组织领导，一个支部一道防线筑牢了，村民心里踏实。"
    )


def _story_over_bulleted_line(head: str) -> str:
    return "2020年2月17日  星期一  第4版  体育\n\n" + (
        "中国三人篮球队全力备战奥运会\n\n"
        "本报记者 程然\n"
        "在结束近40天的海外拉练之后，中国三人\n"
        "篮球国家集训队自1月23日起进入上海崇明体\n"
        "育训练基地开始封闭训练，积极备战东京奥运会。\n"
        "比赛将于2020年7月25日至29日举行。\n\n"
        f"{head}\n"
        "  习近平总书记指出，各级党委要在这场严峻\n"
        "斗争的实践中考察识别干部，激励引导广大党\n"
        "员、干部在危难时刻挺身而出、英勇奋斗。\n"
    )


def test_a_bulleted_head_ending_in_a_column_label_after_a_blank_line_opens_a_piece():
    """``…举行。``, a blank line, ``■赏罚分明，凝聚抗疫合力（红船观澜）`` over its text: a sub-heading carries
    no column's label, so the line heads a piece of its own (it was read as the story's sub-heading, and
    the piece ran on as the story's text)."""
    first, second = parse_page(_story_over_bulleted_line("■赏罚分明，凝聚抗疫合力（红船观澜）"), year=2020)
    assert first.paragraphs[-1].endswith("比赛将于2020年7月25日至29日举行。")
    assert second.title == "赏罚分明，凝聚抗疫合力（红船观澜）"
    assert second.paragraphs[0].startswith("习近平总书记指出")


def test_a_bulleted_line_with_a_comma_and_no_label_after_a_blank_line_stays_a_sub_heading():
    """``■赏罚分明，凝聚抗疫合力`` without a column's label stays the story's sub-heading."""
    (story,) = parse_page(_story_over_bulleted_line("■赏罚分明，凝聚抗疫合力"), year=2020)
    assert story.paragraphs[1] == "■赏罚分明，凝聚抗疫合力"


def _digest_with_item(item: str) -> str:
    return "2019年10月8日  星期二  第8版  文摘\n\n" + (
        "■中印领导人会晤取得积极成果\n"
        "习近平主席就进一步发展中印关系提出建\n"
        "议，得到莫迪总理积极回应。\n"
        "（据人民网电）\n"
        f"{item}"
        "（摘自《经济日报》）\n"
    )


def test_a_bulleted_head_of_two_phrases_closed_by_a_full_width_space_heads_the_text_below():
    """``■立足本职坚守岗位 一起拼搏一起奋斗　`` over ``国庆假期，…``: the full-width space parts the head
    from its text on the next line, so the words after the half-width space are the head's second
    phrase (they had been read as the item's text, a paragraph of their own)."""
    item = (
        "■立足本职坚守岗位 一起拼搏一起奋斗\u3000\n"
        "国庆假期，无论是在你我身边，还是在望不见的\n"
        "远方，总有那么一群人，默默坚守在自己的岗位\n"
        "上，保障着万家安宁。\n"
    )
    _first, second = parse_page(_digest_with_item(item), year=2019)
    assert second.title == "立足本职坚守岗位 一起拼搏一起奋斗"
    assert second.paragraphs == (
        "国庆假期，无论是在你我身边，还是在望不见的远方，总有那么一群人，默默坚守在自己的岗位上，保障着万家安宁。",
    )


def test_a_bulleted_head_run_in_before_its_text_on_its_line_still_parts_at_the_space():
    """``■坚守岗位 国庆假期，无论…`` over the rest of the sentence: the text runs in after the space."""
    item = (
        "■坚守岗位 国庆假期，无论是在你我身边，还是在\n"
        "望不见的远方，总有那么一群人，默默坚守在自己\n"
        "的岗位上，保障着万家安宁。\n"
    )
    _first, second = parse_page(_digest_with_item(item), year=2019)
    assert second.title == "坚守岗位"
    assert second.paragraphs[0].startswith("国庆假期，无论是在你我身边")
