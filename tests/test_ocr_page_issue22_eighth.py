"""Issue 22, eighth pass: pages read back by an OCR engine (`benchmarks.ocrpages`), seeds 1 and 3.

Each case is a small made-up page in the shape of a failure measured on pages rendered to images and
read back by Tesseract.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page

# A column break left one body line alone in its block, right under the story's last sentence: it holds
# a comma and is set to the column's measure, so it is no headline of the story after it.
COMMA_LINE_PAGE = (
    "市场监管推行双随机\n\n"
    "本报北京2月15日电  国新办15日举办政\n"
    "策吹风会，介绍在市场监管领域全面推行\n"
    "部门联合“双随机、一公开”监管情况。\n"
    "国家市场监管总局副局长马正其介绍，过\n"
    "去市场监管采取网格化管理，影响企业正\n"
    "常经营。\n\n"
    "马正其说，现在“双随机”规定每一\n\n"
    "王毅会见上合组织秘书长\n\n"
    "新华社北京2月15日电  国务委员兼外长\n"
    "王毅15日在北京会见上海合作组织新任秘\n"
    "书长诺罗夫。\n"
)


def test_issue22_a_full_body_line_with_a_comma_alone_in_its_block_is_no_headline():
    market, meeting = parse_page(COMMA_LINE_PAGE, year=2019)
    assert market.title == "市场监管推行双随机"
    assert market.paragraphs[-1] == "马正其说，现在“双随机”规定每一"
    assert meeting.title == "王毅会见上合组织秘书长"


def test_issue22_a_short_headline_with_a_comma_under_a_story_stays_a_headline():
    page = (
        "重庆餐馆暂停营业\n\n"
        "本报重庆2月1日电  重庆一些地方的防控\n"
        "工作启动了“增强版”，往日门庭若市的\n"
        "餐馆暂停营业。\n\n"
        "不聚，是为更好相聚\n\n"
        "本报北京2月1日电  春节假期延长，各地\n"
        "倡导居家过节，少聚集，少走动。\n"
    )
    _first, second = parse_page(page, year=2020)
    assert second.title == "不聚，是为更好相聚"
