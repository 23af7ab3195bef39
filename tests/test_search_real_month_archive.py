"""What a reader of a real month's archive met (QA pass 24): advertisements first for a news search, a story
printed twice listed twice, the latest news not newest first, a name jieba cuts apart (火神 + 山医院), a post
read as another one sharing its words (湖北省委 + 书记 held by 湖北省委常委、省纪委书记)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from storage.search.page_order import About, newest_first, reprints
from storage.search.ranking import RankedRow
from storage.search.term_readings import glued_where_the_archive_binds, posts_read_whole
from storage.text.notices import OPENING_CHARS, TAIL_CHARS, notice_text, reads_as_paid_page
from storage.text.segment import cut
from tests.search_support import stories_searcher

PHARMACY = (
    "某某连锁药店有限公司积极响应号召，向定点医院捐赠口罩10万只，全力支持抗击洪水一线。我们郑重承诺：规范经营，"
    "力保供给，洪水当前，共克时艰！\n企业联系热线：010-80000000\n数据来源：某某连锁药店有限公司"
)
HOTLINE_REPORT = (
    "本报北京3月2日电（记者王明）抗洪心理援助热线平台近日开通，面向受灾群众提供心理援助。\n"
    "求助者可拨打热线电话：400-000-0000。"
)


def test_a_text_asking_the_reader_to_call_with_no_reporter_is_a_notice() -> None:
    assert notice_text(PHARMACY)
    assert notice_text("网校推出免费直播课。\n咨询电话：400-800-0000  网址：http://www.example.com")


def test_a_report_giving_a_hotline_or_a_column_s_address_is_news() -> None:
    assert not notice_text(HOTLINE_REPORT)
    assert not notice_text("村干部代购暖民心，群众点赞。\n栏目投稿邮箱：abc@example.com")


STORIES = [
    ("2021-07-10", "某某连锁药店在行动 抗击洪水", [PHARMACY]),
    ("2021-07-05", "洪水过后 村里重建家园", ["洪水退去，村民重建家园，洪水冲毁的道路已经修复。"]),
    ("2021-07-20", "防汛救灾 洪水水位回落", ["记者从水利部获悉，洪水水位已经回落，沿线堤防安全。"]),
    ("2021-07-12", "洪水中的救援队", ["本报郑州7月11日电 救援队在洪水中转移群众两千人。"]),
    # the same story printed twice on one day (the same headline and opening, a line more in the second)
    ("2021-07-15", "总理考察防汛工作", ["新华社北京7月14日电 总理考察洪水防汛工作，强调确保安全度汛。"]),
    (
        "2021-07-15",
        "总理考察防汛工作",
        ["新华社北京7月14日电 总理考察洪水防汛工作，强调确保安全度汛。", "考察中，总理看望了防汛一线人员。"],
    ),
    # a name jieba cuts apart (火神 + 山 + 医院), printed whole across the archive, and a post sharing words
    ("2020-02-03", "武汉火神山医院正式交付", ["2月2日，火神山医院正式交付，火神山医院由中建三局建设。"]),
    ("2020-02-04", "火神山首批患者入院", ["火神山、雷神山两座医院加快建设，首批患者转入火神山医院。"]),
    ("2020-02-05", "多家医院增设床位", ["武汉多家医院增设床位，协和医院、同济医院床位增加。"]),
    ("2020-02-06", "山医院扩建", ["某县人民医院、中医院扩建病房，方便群众就医。"]),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with stories_searcher(tmp_path_factory.mktemp("month"), STORIES) as s:
        yield s


def test_an_advertisement_comes_after_the_news_of_its_topic(searcher: Searcher) -> None:
    resp = searcher.search("洪水", today=date(2021, 8, 1))
    titles = [h.title for h in resp.hits]
    assert titles[-1] == "某某连锁药店在行动 抗击洪水", titles


def test_an_advertisement_is_never_the_answer_line(searcher: Searcher) -> None:
    resp = searcher.search("？洪水", today=date(2021, 8, 1))
    assert resp.answer is None or "药店" not in resp.answer.sentence


def test_a_story_printed_twice_on_a_day_is_listed_once(searcher: Searcher) -> None:
    resp = searcher.search("防汛工作", today=date(2021, 8, 1))
    assert [h.title for h in resp.hits].count("总理考察防汛工作") == 1
    assert resp.total == 1


def test_the_latest_news_of_a_topic_comes_newest_first(searcher: Searcher) -> None:
    resp = searcher.search("洪水最新消息", today=date(2021, 8, 1))
    # the stories about the topic (its word in the headline) newest first, then the ones mentioning it
    about = [h.date for h in resp.hits if "洪水" in h.title and "药店" not in h.title]
    assert about == ["2021-07-20", "2021-07-12", "2021-07-05"], about
    assert [h.date for h in resp.hits][: len(about)] == about


def test_a_name_jieba_cuts_apart_is_read_whole_as_the_archive_prints_it(searcher: Searcher) -> None:
    assert cut("火神山医院是谁建的")[:3] == ["火神", "山", "医院"]  # jieba's cut, which the archive mends
    resp = searcher.search("火神山医院是谁建的", today=date(2020, 3, 1))
    assert "火神山" in resp.terms and "山医院" not in resp.terms


def test_a_lone_character_goes_to_the_word_the_archive_prints_it_with() -> None:
    counts = {"火神": 10, "火神山": 10, "医院": 100, "山医院": 12}
    typed = ["火神", "山", "医院", "是", "谁", "建", "的"]
    assert glued_where_the_archive_binds(["火神", "山医院"], typed, lambda w: counts.get(w, 0)) == [
        "火神山",
        "医院",
    ]
    # a character the archive prints with the next word (新 of 新媒体) stays there
    counts = {"发展": 100, "发展新": 5, "媒体": 50, "新媒体": 40}
    typed = ["发展", "新", "媒体"]
    assert glued_where_the_archive_binds(["发展", "新媒体"], typed, lambda w: counts.get(w, 0)) == [
        "发展",
        "新媒体",
    ]


def test_a_post_typed_after_whose_post_it_is_is_read_whole() -> None:
    assert posts_read_whole(["湖北省委", "书记"], ["湖北省委", "书记", "叫", "什么"]) == ["湖北", "省委书记"]
    assert posts_read_whole(["国务院", "总理"], ["国务院", "总理", "是", "谁"]) == ["国务院", "总理"]


def _row(i: int, in_title: int = 0) -> RankedRow:
    return RankedRow(i, -1.0, 0, 0, 0, in_title, 0)


def test_newest_first_keeps_the_stories_about_the_topic_ahead() -> None:
    about = {
        1: About("洪水", "2021-07-01", "", ""),
        2: About("洪水", "2021-07-09", "", ""),
        3: About("别的", "2021-07-30", "", ""),
    }
    ordered = newest_first([_row(1, 1), _row(3, 0), _row(2, 1)], about)
    assert [r.id for r in ordered] == [2, 1, 3]


def test_reprints_need_the_same_headline_day_and_opening() -> None:
    about = {
        1: About("短评", "2021-07-01", "第一篇的开头", ""),
        2: About("短评", "2021-07-01", "另一篇的开头", ""),
        3: About("短评", "2021-07-01", "第一篇的开头", ""),
        4: About("短评", "2021-07-02", "第一篇的开头", ""),
    }
    assert reprints([1, 2, 3, 4], about) == {3}


SECRETARIES = [
    ("2020-02-02", "湖北加强监督工作", ["湖北省委常委、省纪委书记张三表示，要严肃查处违纪行为。"]),
    ("2020-02-27", "山东医疗队驰援湖北", ["山东省委书记李四多次赴机场为支援湖北医疗队送行。"]),
    (
        "2020-02-11",
        "中央指导组听取汇报",
        [
            "中央指导组在武汉召开视频会议，听取各地防控工作汇报，部署下一阶段重点任务。",
            "会议要求，坚决遏制疫情扩散蔓延，全力做好患者救治，确保应收尽收、应治尽治。",
            "会上，湖北省委书记王五代表湖北指挥部汇报了防控工作。",
            "会议还研究了医疗物资调配、社区防控和生活物资保障等工作，各有关部门负责同志参加。",
        ],
    ),
]


@pytest.fixture(scope="module")
def secretaries(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with stories_searcher(tmp_path_factory.mktemp("posts"), SECRETARIES) as s:
        yield s


@pytest.mark.parametrize("question", ["湖北省委书记叫什么", "湖北省委书记是谁"])
def test_a_post_asked_is_answered_where_it_is_printed_whole(secretaries: Searcher, question: str) -> None:
    # not 湖北省委常委、省纪委书记 (another post sharing its words), nor 山东省委书记 beside 支援湖北
    resp = secretaries.search(question, today=date(2020, 3, 1))
    assert resp.hits[0].title == "中央指导组听取汇报"
    assert resp.answer is not None and "王五" in resp.answer.sentence


SPONSORED = (
    "80年前，华润的先辈们在香港创立了“联和行”，由此开启了波澜壮阔的奋斗历程。华润集团常怀感恩之心，"
    "坚定履行企业社会责任。\n数据来源：华润（集团）有限公司"
)
NATIONAL_DAY = [
    ("2019-10-01", "庆祝大会在京隆重举行", ["新华社北京9月30日电 庆祝大会在人民大会堂隆重举行。"]),
    ("2019-10-01", "国庆假期首日出游火热", ["本报北京10月1日电（记者李明）国庆假期首日，各地景区游人如织。"]),
    # a paid page the paper closes with its sponsor, stored after the day's news
    ("2019-10-01", "华润集团 引领商业进步 共创美好生活", [SPONSORED]),
]


def paid_page(text: str) -> bool:
    return reads_as_paid_page(text[:OPENING_CHARS], text[-TAIL_CHARS:])


def test_a_page_ending_with_its_sponsor_is_a_paid_page_and_a_report_citing_data_is_not() -> None:
    assert paid_page(SPONSORED) and not notice_text(SPONSORED)  # no contact line: no notice for searches
    assert paid_page("某市委宣传部供稿的城市形象专版。\n数据来源：中共某某市委宣传部")
    assert not paid_page("本报北京10月2日电（记者王明）国家统计局发布数据。\n数据来源：国家统计局")


def test_a_keyword_search_keeps_a_paid_page_where_it_ranks(tmp_path) -> None:
    """A paid page holds facts readers ask about: only a day's listing moves it after the news."""
    with stories_searcher(tmp_path, NATIONAL_DAY) as day:
        resp = day.search("华润", today=date(2019, 11, 1))
    assert resp.hits[0].title == "华润集团 引领商业进步 共创美好生活"


def test_a_day_s_listing_puts_its_news_before_a_paid_page(tmp_path) -> None:
    """QA pass 29: 10月1日有什么新闻 listed an advertisement (华润集团…) first on a real month's archive."""
    with stories_searcher(tmp_path, NATIONAL_DAY) as day:
        resp = day.search("10月1日有什么新闻", today=date(2019, 11, 1))
    assert resp.date_only and resp.total == 3
    assert resp.hits[-1].title == "华润集团 引领商业进步 共创美好生活", [h.title for h in resp.hits]
