"""Web-rendered pages (`benchmarks.ocrweb`): a module with no dateline, its headline over a column label
wrapped right after the dot the OCR read as ``。`` (``(新春走基层。`` / ``脱贫攻坚一线见`` / ``闻)``), opens a
story of its own, and a story left without a headline takes the other run of headline groups a
neighbour holds, not a line of that neighbour's own headline (issue 22).

A small made-up page in the shape of a failure measured on `rmrb_ocr_web_fresh`.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page

HEAD = "人民日报\n\n2020年1月30日 星期四\n第4版\n要闻\n\n"

# A dispatch under a headline its text hardly repeats; a press conference's headline over three groups
# (kicker, headline, deck) and its text, whose last sentence takes up the first headline's words; then a
# picture-less feature whose headline and wrapped label stand over its text with no dateline.
PAGE = HEAD + (
    "战胜疫情 我们有力量\n\n"
    "本报北京1月29日电 综\n"
    "合各方消息: 截至28日24\n"
    "时，31个省(区、市)累计\n"
    "报告确诊病例5974例。\n\n"
    "铁路部门决定对使用现\n"
    "金购票的旅客延长退票时\n"
    "限，民航开通应急物资绿色\n"
    "通道，运送防控物资。各地\n"
    "社区加强疫情防控工作。\n\n"
    "国家卫健委新闻发布会介绍\n\n"
    "社区防控\n\n"
    "主动报告、主动隔离、主动参与群控\n\n"
    "春运即将迎来返城潮，\n"
    "基层怎么控制疫情扩散风\n"
    "险?社区如何管理?29日，国\n"
    "家卫健委举行新闻发布会。\n\n"
    "“做好社区防控，必须\n"
    "充分发挥基层组织的动员能\n"
    "力，实行网格化管理。”我\n"
    "们希望居民主动报告、主动\n"
    "隔离、主动参与群控，早日\n"
    "战胜疫情，我们有信心。\n\n"
    "河北张家口东深沟村\n"
    "农企合作天地广\n\n"
    "(新春走基层。\n"
    "脱贫攻坚一线见\n"
    "闻)\n\n"
    "屋里贴着大福字，墙上\n"
    "挂着中国结。河北省张家口\n"
    "市贾家营镇东深沟村，村民\n"
    "高永军和媳妇拿出小本子，\n"
    "乐呵呵地算起账。\n\n"
    "去年收入45295元，比\n"
    "前年增加了13589元，一家\n"
    "四口人，人均年增收3300\n"
    "多元。\n"
)


def _stories() -> list[tuple[str, str]]:
    return [(a.title, "".join(a.paragraphs)) for a in parse_page(PAGE, year=2020)]


def test_a_module_under_a_wrapped_label_opens_its_own_story() -> None:
    stories = _stories()
    assert len(stories) == 3
    title, body = stories[2]
    assert title.startswith("河北张家口东深沟村 农企合作天地广")
    assert "新春走基层" in title
    assert body.startswith("屋里贴着大福字")
    assert "屋里" not in stories[1][1]


def test_a_headless_story_takes_the_neighbours_other_run_not_its_own_headline() -> None:
    stories = _stories()
    assert stories[0][0] == "战胜疫情 我们有力量"
    assert stories[0][1].startswith("本报北京1月29日电")
    assert stories[1][0] == "国家卫健委新闻发布会介绍 社区防控 主动报告、主动隔离、主动参与群控"
    assert stories[1][1].startswith("春运即将迎来返城潮")
