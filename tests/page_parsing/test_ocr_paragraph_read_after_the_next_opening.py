"""OCR'd pages read block by block: a story's paragraph read after the next story's headline and lead.

Tesseract read a poetry prize story's lead, then the next story's headline and lead, then the prize
story's second paragraph (``此次诗歌奖设立创作奖…``), then the rest of the next story (rmrb_ocr4 4-21;
the same shape on 3-0, a story's four paragraphs under the next story's lead). Every block ended a
sentence, so no seam said the page was read out of order, and the careful joiner, made for typeset
pages, asks for more words than one paragraph shares with a short lead. A paragraph after its own
story's sentence end that shares its words with the headline and opening of the story read just
before its own, and hardly any with its own story's, says the page was read block by block: the page's
blocks are then given out over the whole page. Made-up pages in that shape; a paragraph that names the
story above's subject and its own story's stays.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page
from storage.ingest.page_fragments import read_on_after_the_next_opening

PAGE = (
    "2019年10月24日 星期四\n\n人民日报\n\n第8版 文化\n\n"
    "江南诗歌奖在苏州颁奖\n\n"
    "本报苏州10月23日电 (记者林青) 日前，\n"
    "第三届江南诗歌奖颁奖典礼在苏州举行，\n"
    "来自上海、浙江等地的诗人和评论家参加\n"
    "了此次活动。\n\n"
    "城市公交线路调整方案公布\n\n"
    "本报杭州10月23日电 (记者周明) 杭州市\n"
    "交通运输局近日公布公交线路调整方案，\n"
    "新开通线路十二条，优化既有线路三十条，\n"
    "方便市民出行。\n\n"
    "此次诗歌奖共收到来自海内外的投稿两千\n"
    "余首，经过初评和终评，最终评出诗人奖、\n"
    "新人奖和翻译奖三个奖项，共七位获奖者。\n\n"
    "调整后，地铁站点与公交站点的换乘距离\n"
    "缩短，早晚高峰的车辆班次增加，市民等\n"
    "车时间明显减少。\n"
)
# The paragraph under the second lead is that story's own: it names the prize and the bus lines.
OWN_PAGE = PAGE.replace(
    "此次诗歌奖共收到来自海内外的投稿两千\n余首，经过初评和终评，最终评出诗人奖、\n新人奖和翻译奖三个奖项，共七位获奖者。\n",
    "此次公交线路调整还为诗歌奖颁奖典礼\n开通了夜间专线，交通运输局表示，新开\n通线路将方便市民和游客出行。\n",
)


def test_issue22_a_paragraph_read_after_the_next_stories_lead_goes_back_to_its_story():
    prize, buses = parse_page(PAGE, year=2019)
    assert "".join(prize.paragraphs).endswith(
        "参加了此次活动。此次诗歌奖共收到来自海内外的投稿两千余首，经过初评和终评，最终评出诗人奖、新人奖和翻译奖三个奖项，共七位获奖者。"
    )
    assert "".join(buses.paragraphs).endswith(
        "方便市民出行。调整后，地铁站点与公交站点的换乘距离缩短，早晚高峰的车辆班次增加，市民等车时间明显减少。"
    )
    assert prize.reporters == ("林青",) and buses.reporters == ("周明",)
    explained = "\n".join(explain_page(PAGE, year=2019))
    assert "line 21: text: read after the next story's opening, the page read block by block" in explained
    assert "joined lines 21-23, read after another story's text, to this story" in explained


def test_issue22_a_paragraph_naming_its_own_story_too_stays():
    prize, buses = parse_page(OWN_PAGE, year=2019)
    assert "".join(prize.paragraphs).endswith("参加了此次活动。")
    assert "此次公交线路调整还为诗歌奖颁奖典礼开通了夜间专线" in "".join(buses.paragraphs)
    assert "page read block by block" not in "\n".join(explain_page(OWN_PAGE, year=2019))


def test_issue22_a_paragraph_the_ocr_cut_into_blocks_is_weighed_whole():
    # Its first block names nothing of the prize story's, its second goes on from the first's open
    # sentence: weighed block by block, neither says the page was read out of order.
    prize = [
        "本报苏州10月23日电 日前，第三届江南诗歌奖颁奖典礼在苏州举行，来自上海等地的诗人参加了此次活动。"
    ]
    buses = [
        "本报杭州10月23日电 杭州市交通运输局近日公布公交线路调整方案，方便市民出行。",
        "今年，主办方收到海内外作者的投稿两",
        "千余首，诗歌奖经过初评和终评，评出诗人奖、新人奖和翻译奖三个奖项。",
        "调整后，地铁站点与公交站点的换乘距离缩短，市民等车时间明显减少。",
    ]
    found = read_on_after_the_next_opening(
        [prize, buses],
        fixed_first=[True, True],
        headlines=["江南诗歌奖在苏州颁奖", "城市公交线路调整方案公布"],
        dispatches=[True, True],
    )
    assert found is not None and found[:2] == (1, 1)
    assert (
        read_on_after_the_next_opening(
            [prize, buses],
            fixed_first=[True, True],
            headlines=["江南诗歌奖在苏州颁奖", "城市公交线路调整方案公布"],
            dispatches=[True, True],
            closed=[True, False],
        )
        is None
    )
