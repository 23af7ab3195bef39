"""Scanned pages (`benchmarks.scanpages`): a module printed with no dateline, read by the OCR after the
story above had ended and before its own headline, which the OCR read where a column of the module
breaks off, opens a story of its own under that headline (issue 22).

A small made-up page in the shape of a failure measured on `rmrb_ocr_scan_fresh`.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import cut_column

HEAD = "人民日报\n\n2020年2月24日 星期一\n\n第19版 文化\n\n"


DISPATCH = "绍兴提早布局复工\n复产\n\n" + cut_column(
    "本报绍兴2月23日电（记者顾春）22日上午，浙江省绍兴市举行了一场特殊的签约仪式，一个投资30亿元的"
    "产业平台项目签约落户。",
    "复工以来，绍兴一路领先。2月16日，绍兴市规上工业企业复工率为94.9%，企业快速实现了全线复工。",
    chars=15,
    blank_between=True,
    trailing_blank=True,
)

# A dispatch, then a concert piece with no dateline whose first paragraphs the OCR read on under the
# dispatch's text, its headline inside the piece's sentence (``…最终选择《楚`` / headline / ``颂》这个…``).
MODULE_PAGE = (
    HEAD
    + DISPATCH
    + cut_column(
        "近日，一场主题为“爱武汉”的音乐会在比利时安特卫普伊丽莎白音乐厅举行。中国音乐家谭盾携其新作"
        "《武汉十二锣》登场首演，用铿锵有力的声音为中国加油。",
        "当晚，能容纳1800人的音乐厅座无虚席，12面武汉铜锣全部由比利时各大交响乐团提供。谭盾说，他"
        "发掘武汉当地的音乐素材，最终选择《楚",
        chars=15,
        blank_between=True,
        trailing_blank=True,
    )
    + "比利时奏响“大爱无疆”\n\n"
    + cut_column(
        "颂》这个有代表性的音乐符号进行了创作。”谭盾介绍其创作背景时说：“作为音乐人，我希望通过作品"
        "来为中国加油。”",
        "“武汉铜锣是中国音乐文化的重要象征。”谭盾认为，武汉铜锣工艺独到、定音精准、音域宽广，是全世界"
        "交响乐团的必备乐器。",
        "专场音乐会门票很早就已售空，乐团总经理说，在这样一个特殊的时刻，我们要和中国人民共同面对。",
        "比利时交响乐指挥家说，锣声撞击耳膜的那一刻，他的心被震撼了。谭盾表示，他想向世界传递大爱无疆"
        "、和谐共生的美好愿望。",
        chars=15,
        blank_between=True,
        trailing_blank=True,
    )
)

# A headline read inside a sentence whose words the dispatch names in its own first paragraph: no
# module of its own starts there, and the story is not cut.
SAME_STORY_PAGE = (
    HEAD
    + "绍兴提早布局复工\n复产\n\n"
    + cut_column(
        "本报绍兴2月23日电（记者顾春）22日上午，比利时一家企业在浙江省绍兴市举行签约仪式，一个投资30亿元"
        "的项目签约落户。",
        "近日，一场主题为“爱武汉”的音乐会在比利时安特卫普举行。谭盾说，他发掘武汉当地的音乐素材，"
        "最终选择《楚",
        chars=15,
        blank_between=True,
        trailing_blank=True,
    )
    + "比利时奏响“大爱无疆”\n\n"
    + cut_column(
        "颂》这个有代表性的音乐符号进行了创作。”谭盾介绍其创作背景时说：“作为音乐人，我希望通过作品"
        "来为中国加油。”",
        "“武汉铜锣是中国音乐文化的重要象征。”谭盾认为，武汉铜锣工艺独到、定音精准、音域宽广，是全世界"
        "交响乐团的必备乐器。",
        "专场音乐会门票很早就已售空，乐团总经理说，在这样一个特殊的时刻，我们要和中国人民共同面对。",
        "比利时交响乐指挥家说，锣声撞击耳膜的那一刻，他的心被震撼了。谭盾表示，他想向世界传递大爱无疆"
        "、和谐共生的美好愿望。",
        chars=15,
        blank_between=True,
        trailing_blank=True,
    )
)


def test_a_module_read_before_its_headline_opens_a_story_under_it() -> None:
    stories = parse_page(MODULE_PAGE, year=2020)
    assert [a.title for a in stories] == ["绍兴提早布局复工 复产", "比利时奏响“大爱无疆”"]
    dispatch, concert = ("".join(a.paragraphs) for a in stories)
    assert dispatch.endswith("快速实现了全线复工。")
    assert concert.startswith("近日，一场主题为")
    assert "最终选择《楚颂》这个" in concert


def test_a_story_naming_the_headline_before_is_not_cut() -> None:
    stories = parse_page(SAME_STORY_PAGE, year=2020)
    bodies = ["".join(a.paragraphs) for a in stories]
    assert not any(body.startswith("近日，一场主题为") for body in bodies)
