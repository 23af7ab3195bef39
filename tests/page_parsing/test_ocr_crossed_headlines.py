"""OCR'd pages, headlines matched to stories where the evidence alone crosses them.

Small made-up pages in the shape of failures measured on the tuned OCR sets (`benchmarks.ocrpages`):
a dated report and a feature on the same event, each under its own headline, the feature repeating the
report's headline more than the report does.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

# The feature (``夺冠只在一瞬间``) tells of the same final as the dated report, and repeats the report's
# headline (``中国跳水队摘得运动会首枚金牌``) word for word, while its own headline shares little with it.
CROSSED_PAGE = (
    "人民日报\n\n"
    "2019年10月20日 星期日\n"
    "第6版 体育\n\n"
    "夺冠只在一瞬间 拼搏方能赢未来\n\n"
    "19日上午，武汉跳水馆内座无虚席，男子\n"
    "双人十米台决赛进入最后一跳。中国跳水队\n"
    "两名选手稳稳入水，中国跳水队摘得运动会\n"
    "首枚金牌。瞬间拼搏赢得掌声，观众起立欢呼。\n\n"
    "中国跳水队摘得运动会\n"
    "首枚金牌\n\n"
    "本报武汉10月19日电 （记者王小明）19日，\n"
    "在武汉举行的世界运动会展开首个比赛日\n"
    "较量，中国选手发挥出色，在当日决出的\n"
    "二十二枚金牌中赢得十二枚。中国跳水队在\n"
    "男子双人十米台项目中夺得金牌。\n"
)


def test_issue22_two_headlines_each_over_the_other_story_stay_over_their_own():
    feature, report = parse_page(CROSSED_PAGE, year=2019)
    assert feature.title == "夺冠只在一瞬间 拼搏方能赢未来"
    assert feature.paragraphs[0].startswith("19日上午")
    assert report.title.replace(" ", "") == "中国跳水队摘得运动会首枚金牌"
    assert report.reporters == ("王小明",)


# A paragraph's first line (``杭州越剧团“新春音乐会”海外演出``, the noun phrase its sentence opens with)
# read by the OCR as a block of its own, between the story's blocks: the story repeats its words, the
# sentence under it none.
OPENING_APART_PAGE = (
    "人民日报\n\n"
    "2020年1月14日 星期二\n"
    "第3版 国际\n\n"
    "巴西迎来“新春音乐会”\n\n"
    "由中国驻巴西使馆主办的“新春音乐会”\n"
    "日前在巴西利亚隆重上演。杭州越剧团和当\n"
    "地演员为现场八百多名观众带来了一场视听\n"
    "盛宴，观众掌声不断。\n\n"
    "杭州越剧团“新春音乐会”海外演出\n\n"
    "领队刘明表示，戏曲没有国界。\n\n"
    "为了更好地吸引当地观众，主办方对节目进行\n"
    "了部分改编，让更多外国观众认识中国。\n\n"
    "春运首日全国铁路发送旅客千万人次\n\n"
    "本报北京1月13日电 （记者赵小红）13日，\n"
    "春运首日全国铁路发送旅客一千万人次，各地\n"
    "车站秩序井然。\n"
)


def test_issue22_a_paragraphs_first_line_read_as_a_block_of_its_own_stays_in_its_story():
    concert, rail = parse_page(OPENING_APART_PAGE, year=2020)
    assert concert.title == "巴西迎来“新春音乐会”"
    assert concert.paragraphs[1] == "杭州越剧团“新春音乐会”海外演出领队刘明表示，戏曲没有国界。"
    assert concert.paragraphs[-1].startswith("为了更好地吸引当地观众")
    assert rail.title == "春运首日全国铁路发送旅客千万人次"
    assert rail.reporters == ("赵小红",)


def test_issue22_explain_says_why_a_headline_like_line_is_text():
    lines = explain_page(OPENING_APART_PAGE, year=2020)
    assert any("a paragraph's first line read as a block of its own" in line for line in lines)
