"""Issue 22: OCR'd pages, headlines matched to stories where the evidence alone crosses them.

Small made-up pages in the shape of failures measured on the tuned OCR sets (`benchmarks.ocrpages`):
a dated report and a feature on the same event, each under its own headline, the feature repeating the
report's headline more than the report does.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page

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
