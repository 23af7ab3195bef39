"""The OCR page parser, on the seed page and on pages composed in the same layout (issue 2)."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest

from storage.ingest.ocr_page import (
    clean_headline_line,
    clean_prose,
    parse_byline,
    parse_dateline_date,
    parse_page,
)
from tests.page_parsing.page_stories import AFTER, BEFORE, STORIES, TWO_AWAY, Story, compose_page

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_6b662c5ca2a0e3a9.txt"


@pytest.fixture(scope="module")
def seed_articles():
    return parse_page(SEED.read_text(encoding="utf-8"), year=2023, origin_file=SEED.name)


# (title lines, date, reporters, correspondents, paragraph count, a phrase only its body holds)
SEED_EXPECTED = [
    (("区人大常委会", "调研老旧小区改造工作"), None, ("景静",), ("左学彬", "周祎"), 3, "华侨城1号院"),
    (("二七区打造以城留人", "以人兴城的优良环境"), "2023-04-04", ("景静",), (), 2, "金三银四"),
    (
        (
            "二七区委统战工作暨全区宗教工作会议召开",
            "把方方面面的人心和力量凝聚起来",
            "积极主动融入现代化美好二七建设全过程",
        ),
        "2023-04-04",
        ("景静",),
        (),
        6,
        "虎荣鑫主持会议",
    ),
    (
        ("区领导实地调研科技产业、医疗卫生工作", "以城市有机更新为带动", "积极做好产业谋划和发展"),
        "2023-04-04",
        ("景静",),
        (),
        5,
        "副总经理王伟",
    ),
    (
        ("区领导调研督导侯寨乡产业发展和项目建设工作", "增强产业发展优势 提升居民生活品质"),
        "2023-04-06",
        ("景静",),
        (),
        4,
        "增奇钢厂",
    ),
    (
        ("二七区召开“清朗·从严整治‘自媒体’乱象”", "专项行动工作推进会"),
        "2023-04-12",
        ("景静",),
        (),
        3,
        "申红涛",
    ),
]


def test_seed_page_has_six_stories(seed_articles):
    assert len(seed_articles) == 6


@pytest.mark.parametrize("index", range(6))
def test_seed_story(seed_articles, index):
    title_lines, date, reporters, correspondents, paragraph_count, phrase = SEED_EXPECTED[index]
    article = seed_articles[index]
    assert article.title_lines == title_lines
    assert article.title == " ".join(title_lines)
    assert article.date == date
    assert article.reporters == reporters
    assert article.correspondents == correspondents
    assert len(article.paragraphs) == paragraph_count
    assert phrase in article.body
    assert all(phrase not in other.body for other in seed_articles if other is not article)
    assert article.paragraphs[0].startswith("本报讯 ")
    assert article.origin_file == SEED.name and article.origin_position == index


def test_seed_bodies_are_clean(seed_articles):
    for article in seed_articles:
        assert "记者" not in article.paragraphs[-1][-12:], "byline left in the body"
        for paragraph in article.paragraphs:
            # no stray spaces left in prose, except the one after the dateline
            assert " " not in paragraph.removeprefix("本报讯 ")
            assert re.search("[。！？”]$", paragraph), paragraph


def test_seed_column_breaks_are_joined(seed_articles):
    bodies = "\n".join(a.body for a in seed_articles)
    assert "把方方面面的人心和力量凝聚起来" in bodies
    assert "“三块三轴”产业发展空间格局" in bodies
    assert "争取取得实质性进展" in bodies
    assert "华侨城1号院的项目" in bodies and "4月4日，二七区召开人才工作" in bodies


def test_seed_paragraph_without_blank_line_before_it(seed_articles):
    houzhai = seed_articles[4]
    assert houzhai.paragraphs[3].startswith("在随后召开的座谈会上，虎荣鑫强调")
    assert houzhai.paragraphs[2].endswith("尽早发挥经济效益。")


def test_seed_inline_byline(seed_articles):
    assert seed_articles[3].byline == "记者 景静"
    assert seed_articles[3].paragraphs[-1].endswith("助推全区医疗卫生事业发展。")


def test_seed_with_a_known_page_date_dates_the_recent_story():
    articles = parse_page(SEED.read_text(encoding="utf-8"), year=2023, page_date="2023-04-14")
    assert articles[0].date == "2023-04-14"  # 近日 → the page's date
    assert articles[1].date == "2023-04-04"


def expected_paragraphs(story: Story) -> tuple[str, ...]:
    return (story.dateline + story.paragraphs[0], *story.paragraphs[1:])


def assert_parsed_as(text: str, stories: tuple[Story, ...]) -> None:
    articles = parse_page(text, year=2023)
    assert [a.title_lines for a in articles] == [s.title_lines for s in stories], text
    for article, story in zip(articles, stories, strict=True):
        assert article.paragraphs == expected_paragraphs(story), text
        assert article.date == story.date
        assert article.byline == story.byline
        assert article.reporters == parse_byline(story.byline)[0]


PLACEMENTS = [
    [BEFORE] * 6,
    [AFTER] * 6,
    [BEFORE, BEFORE, TWO_AWAY, AFTER, AFTER, AFTER],  # the seed's kind of layout
    [TWO_AWAY, AFTER, BEFORE, TWO_AWAY, BEFORE, AFTER],
    [AFTER, TWO_AWAY, TWO_AWAY, AFTER, BEFORE, BEFORE],
]


@pytest.mark.parametrize(("placements", "seed"), list(itertools.product(PLACEMENTS, range(4))))
def test_composed_pages(placements, seed):
    text = compose_page(STORIES, placements, seed=seed, inline={3} if seed % 2 else set())
    assert_parsed_as(text, STORIES)


@pytest.mark.parametrize("seed", range(20))
def test_composed_pages_random_layouts(seed):
    rng = random.Random(seed)
    stories = tuple(rng.sample(STORIES, k=rng.randint(3, 6)))
    placements = [rng.choice([BEFORE, AFTER, TWO_AWAY]) for _ in stories]
    inline = {i for i in range(len(stories)) if rng.random() < 0.3}
    assert_parsed_as(compose_page(stories, placements, seed=seed, inline=inline), stories)


def test_headline_two_stories_away_goes_by_content_not_position():
    # Story 0's headline is printed between story 1 and story 2, right above story 2.
    text = compose_page(STORIES[:3], [TWO_AWAY, BEFORE, BEFORE], seed=7)
    titles = [a.title_lines for a in parse_page(text, year=2023)]
    assert titles == [s.title_lines for s in STORIES[:3]]


def test_story_without_byline_keeps_following_headline_out_of_its_body():
    text = (
        "本报讯 5月9日，区图书馆举办读书分享会，三十余名\n"
        "读者参加活动，交流阅读心得。\n"
        "\n"
        "区图书馆举办读书分享会\n"
        "\n"
        "本报讯 5月10日，区交通运输局对辖区公交站台进行\n"
        "集中检修，更换破损座椅二十余处。\n"
        "记者 李明\n"
        "\n"
        "公交站台集中检修\n"
    )
    articles = parse_page(text, year=2023)
    assert [a.title for a in articles] == ["区图书馆举办读书分享会", "公交站台集中检修"]
    assert articles[0].byline is None and articles[0].reporters == ()
    assert articles[0].paragraphs == (
        "本报讯 5月9日，区图书馆举办读书分享会，三十余名读者参加活动，交流阅读心得。",
    )


def test_page_header_date_resolves_recent_stories_and_year():
    text = "2023年5月12日 星期五 综合新闻\n\n" + compose_page(STORIES[3:5], [BEFORE, BEFORE], seed=1)
    articles = parse_page(text, year=None)
    assert [a.date for a in articles] == ["2023-05-12", "2023-05-11"]


def test_story_without_headline_gets_its_lead_as_title():
    text = "本报讯 6月1日，区少年宫举办儿童节文艺汇演。孩子们表演了舞蹈、合唱等节目。\n记者 王芳\n"
    (article,) = parse_page(text, year=2023)
    assert article.title == "区少年宫举办儿童节文艺汇演"
    assert article.title_lines == ()


def test_dateline_with_byline_in_brackets():
    text = "社区义诊进万家\n\n本报讯（记者 王芳 通讯员 陈晨）6月2日，区人民医院走进社区开展义诊活动。\n"
    (article,) = parse_page(text, year=2023)
    assert article.date == "2023-06-02"
    assert article.reporters == ("王芳",) and article.correspondents == ("陈晨",)
    assert article.title == "社区义诊进万家"


@pytest.mark.parametrize("text", ["", "\n\n", "   \n", "只有一行字，没有电头。", "\x00\x01"])
def test_degenerate_pages_do_not_crash(text):
    articles = parse_page(text, year=2023)
    assert all(a.paragraphs for a in articles)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("4月 4日", "4月4日"),
        ("华侨城 1号院", "华侨城1号院"),
        ("本报讯 4月 12日，二七区", "本报讯4月12日，二七区"),
        ("吕 安民", "吕安民"),
        ("使用 Python 编程", "使用 Python 编程"),
        ("12 34", "1234"),
    ],
)
def test_clean_prose(raw, clean):
    assert clean_prose(raw) == clean


def test_clean_headline_keeps_phrase_spaces():
    assert clean_headline_line(" 增强产业发展优势  提升居民生活品质 ") == "增强产业发展优势 提升居民生活品质"
    assert clean_headline_line("1200 余个岗位") == "1200余个岗位"


@pytest.mark.parametrize(
    ("byline", "reporters", "correspondents"),
    [
        ("记者 景静", ("景静",), ()),
        ("记者 景静 通讯员 左学彬 周祎", ("景静",), ("左学彬", "周祎")),
        ("通讯员 刘洋 记者 孙晓雨", ("孙晓雨",), ("刘洋",)),
        ("本报记者 欧阳明月", ("欧阳明月",), ()),
        ("记者 王芳、李明", ("王芳", "李明"), ()),
    ],
)
def test_parse_byline(byline, reporters, correspondents):
    assert parse_byline(byline) == (reporters, correspondents)


@pytest.mark.parametrize(
    ("line", "year", "page_date", "expected"),
    [
        ("本报讯 4月 4日，", 2023, None, "2023-04-04"),
        ("本报讯 近日，", 2023, None, None),
        ("本报讯 近日，", 2023, "2023-04-14", "2023-04-14"),
        ("本报讯 昨日，", None, "2023-04-14", "2023-04-13"),
        ("本报讯 12月30日，", None, "2024-01-02", "2023-12-30"),
        ("本报讯 2月30日，", 2023, None, None),
        ("本报讯 4月4日，", None, None, None),
        ("本报讯 2022年11月3日，", 2023, None, "2022-11-03"),
    ],
)
def test_dateline_dates(line, year, page_date, expected):
    assert parse_dateline_date(line, year=year, page_date=page_date) == expected
