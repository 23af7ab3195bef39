"""Issue 20: Latin letters in a question. A word the archive prints in Latin letters (5G, PM2.5, C919, iPhone15)
is found as typed, alone or inside a Chinese question; a word typed in pinyin (yinlian, yin lian, yínlián) that
no story prints is read as the archive's word with that reading, the most printed one, and the reply says so as
it says a correction; an English name news prints in Chinese (IMF, NATO, Hong Kong) is searched in both forms
and the reply says so; English words that happen to spell pinyin are left alone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bot.chat.exchange import Who
from bot.chat.replies import PLAIN, search_notes
from bot.services import open_services
from bot.settings import Settings
from storage.database.access import Database
from storage.models import Correction
from storage.search import corrections, english_names, pinyin
from storage.search.answers.questions import question_kind
from storage.search.engine import Searcher
from storage.search.ladder import latin_words_read
from storage.search.query import parse_query
from tests.search_support import stories_db, stories_searcher

STORIES = [
    (
        "2020-01-20",
        "银联网络转接交易189.4万亿",
        ["中国银联公布2019年数据，银联网络转接交易金额达189.4万亿元。"],
    ),
    (
        "2019-10-17",
        "银联受理网络延伸到177个国家和地区",
        ["银联卡在境外的受理网络继续扩大，持卡人出境用卡更方便。"],
    ),
    (
        "2019-02-12",
        "春节期间银联网络交易超万亿",
        ["春节期间，银联网络交易金额超过万亿元，境外用卡增长两成。"],
    ),
    (
        "2020-02-17",
        "中欧班列（郑州）恢复常态化开行",
        ["郑州国际陆港公司说，中欧班列（郑州）恢复常态化开行。"],
    ),
    ("2020-02-05", "郑州客运段的春运", ["郑州客运段八百名乘务员坚守岗位。"]),
    ("2020-02-24", "二七区政府服务送上门", ["郑州市二七区组织干部走访企业，帮助复工复产。"]),
    ("2019-10-15", "湖北下好5G先手棋", ["湖北已建成5G基站6000多个，计划到2021年建设5G基站5万个以上。"]),
    ("2020-01-06", "北京空气质量持续改善", ["2019年北京市PM2.5年均浓度为42微克/立方米，同比下降12.5%。"]),
    ("2019-10-25", "C919大型客机105架机完成首次试飞", ["C919大型客机105架机在上海浦东国际机场首飞成功。"]),
    ("2019-09-11", "新款iPhone15发布", ["苹果公司发布iPhone15手机，起售价5999元。"]),
    ("2020-01-22", "IMF下调全球经济增长预期", ["IMF下调今年全球经济增长预期至3.3%。"]),
    ("2019-10-16", "国际货币基金组织发布世界经济展望", ["国际货币基金组织预计今年世界经济增长3%。"]),
    ("2019-12-04", "北约峰会在伦敦举行", ["北约峰会4日在英国伦敦举行，成员国领导人出席。"]),
    ("2019-11-20", "香港特区政府发布施政报告", ["香港特区政府公布一系列民生措施。"]),
    ("2019-12-20", "我们的市场更开放", ["我们要建设统一开放的市场，市场主体活力增强。"]),
    ("2019-12-21", "国内市场规模扩大", ["国内市场规模持续扩大，市场信心增强。"]),
    ("2019-12-22", "市长热线", ["市长热线受理群众来电。"]),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory):
    with stories_searcher(tmp_path_factory.mktemp("latin"), STORIES) as found:
        yield found


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("5G", "湖北下好5G先手棋"),
        ("PM2.5", "北京空气质量持续改善"),
        ("C919", "C919大型客机105架机完成首次试飞"),
        ("iPhone15", "新款iPhone15发布"),
        ("湖北建了多少个5G基站", "湖北下好5G先手棋"),
        ("北京PM2.5浓度下降了多少", "北京空气质量持续改善"),
        ("C919首飞是在哪个机场", "C919大型客机105架机完成首次试飞"),
        ("iPhone15起售价多少钱", "新款iPhone15发布"),
    ],
)
def test_a_word_printed_in_latin_letters_is_found_as_typed(
    searcher: Searcher, typed: str, title: str
) -> None:
    found = searcher.search(typed)
    assert found.hits and found.hits[0].title == title
    assert found.corrections == () and not [w for w in found.dropped if w.isascii()]


@pytest.mark.parametrize("typed", ["yinlian", "yin lian", "yínlián", "yin2lian2", "YinLian"])
def test_a_word_typed_in_pinyin_is_read_as_the_word_the_archive_prints(
    searcher: Searcher, typed: str
) -> None:
    found = searcher.search(typed)
    assert found.corrections == (Correction(pinyin.toneless(typed), "银联"),)
    assert found.total == 3 and all("银联" in h.title for h in found.hits)
    assert "已为你搜索「银联」" in search_notes(found, "zh")[0]


def test_pinyin_glued_to_chinese_in_a_question_is_read_too(searcher: Searcher) -> None:
    found = searcher.search("yinlian卡在境外能用吗")
    assert found.corrections == (Correction("yinlian", "银联"),)
    assert found.hits[0].title == "银联受理网络延伸到177个国家和地区"
    assert found.answer is not None and "银联卡" in found.answer.sentence


def test_two_words_in_pinyin_are_read_each(searcher: Searcher) -> None:
    found = searcher.search("zhengzhou erqiqu")
    assert found.corrections == (Correction("zhengzhou", "郑州"), Correction("erqiqu", "二七区"))
    assert [h.title for h in found.hits] == ["二七区政府服务送上门"]


def test_of_two_words_with_one_reading_the_more_printed_is_read(searcher: Searcher) -> None:
    # 市场 (three stories) and 市长 (one) are both shi chang.
    assert searcher.search("shichang").corrections == (Correction("shichang", "市场"),)


def test_a_latin_word_the_archive_prints_is_never_read_as_pinyin(tmp_path: Path) -> None:
    stories = [*STORIES, ("2020-03-01", "Yinlian Pay上线", ["Yinlian Pay是一款支付应用。"])]
    with stories_searcher(tmp_path, stories) as searcher:
        found = searcher.search("yinlian")
    assert found.corrections == ()
    assert [h.title for h in found.hits] == ["Yinlian Pay上线"]


@pytest.mark.parametrize(
    "typed",
    [
        "news",
        "apple",
        "women",
        "like",
        "open time",
        "what is new in china",
        "market news",
        "ta",
        "what is shichang",
    ],
)
def test_english_words_are_not_read_as_pinyin(searcher: Searcher, typed: str) -> None:
    # women spells 我们, which the archive prints (a word no search looks for); a run of one syllable is none.
    assert searcher.search(typed).corrections == ()


def test_pinyin_is_not_read_when_slips_are_not_corrected(searcher: Searcher) -> None:
    found = searcher.search("yinlian", correct=False)
    assert found.corrections == () and found.total == 0


@pytest.mark.parametrize(
    ("typed", "printed", "titles"),
    [
        ("IMF", "国际货币基金组织", {"IMF下调全球经济增长预期", "国际货币基金组织发布世界经济展望"}),
        ("imf", "国际货币基金组织", {"IMF下调全球经济增长预期", "国际货币基金组织发布世界经济展望"}),
        ("NATO", "北约", {"北约峰会在伦敦举行"}),
        ("Hong Kong", "香港", {"香港特区政府发布施政报告"}),
    ],
)
def test_an_english_name_is_searched_in_both_forms_and_the_reply_says_so(
    searcher: Searcher, typed: str, printed: str, titles: set[str]
) -> None:
    found = searcher.search(typed)
    assert {h.title for h in found.hits} == titles
    name = english_names.names_in((typed,))[0].original if " " not in typed else "Hong Kong"
    assert found.names_read == (Correction(name, printed),)
    assert f"「{name}」也按「{printed}」搜索" in search_notes(found, "zh")
    assert f"Also searched “{name}” as “{printed}”" in search_notes(found, "en")


def test_a_question_naming_an_english_name_finds_the_story_printing_the_chinese_one(
    searcher: Searcher,
) -> None:
    found = searcher.search("NATO峰会在哪个城市举行")
    assert found.hits[0].title == "北约峰会在伦敦举行"
    assert found.names_read == (Correction("NATO", "北约"),)
    assert found.answer is not None and "伦敦" in found.answer.sentence


@pytest.mark.parametrize("typed", ["银联卡在境外能用吗", "郑州二七区", "北约峰会", "保交楼"])
def test_a_query_without_latin_letters_is_read_as_it_is_without_reading_the_index(
    tmp_path: Path, typed: str
) -> None:
    db = stories_db(tmp_path, STORIES[:1])
    db.close()  # any read of the index would fail
    parsed = parse_query(typed)
    assert latin_words_read(db, parsed, correct=True) == (parsed, ())
    assert latin_words_read(db, parsed, correct=True)[0] is parsed


def test_read_connections_read_pinyin_too(tmp_path: Path) -> None:
    # A read connection is read-only: the view of the index's tokens is made before that.
    stories_db(tmp_path, STORIES).close()
    database = Database.open(str(tmp_path / "news.db"))
    try:
        found = Searcher(reader=database.reader).search("yinlian")
    finally:
        database.close()
    assert found.corrections == (Correction("yinlian", "银联"),) and found.total == 3


def test_a_connection_made_read_only_elsewhere_reads_no_pinyin_and_fails_nothing(tmp_path: Path) -> None:
    db = stories_db(tmp_path, STORIES)
    try:
        db.execute("PRAGMA query_only = ON")
        found = Searcher(db).search("yinlian")
    finally:
        db.close()
    assert found.corrections == () and found.total == 0


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("yinlian", [("yin", "lian"), ("yin", "li", "an")]),
        ("xian", [("xi", "an")]),
        ("yin2lian2", [("yin", "lian"), ("yin", "li", "an")]),
        ("lǜse", [("lv", "se")]),
        ("5g", []),
        ("c919", []),
        ("iphone15", []),
        ("news", []),
        ("yin", []),  # one syllable: too many characters share it
    ],
)
def test_pinyin_splits_a_word_into_whole_syllables(word: str, read: list[tuple[str, ...]]) -> None:
    assert pinyin.splits(word) == read


def test_an_english_question_has_no_words_typed_in_pinyin() -> None:
    assert not pinyin.spelled_in_pinyin("what is the time")  # time spells ti me, what does not
    assert not pinyin.spelled_in_pinyin("like")
    assert pinyin.spelled_in_pinyin("zhengzhou erqiqu")
    assert pinyin.spelled_in_pinyin("yin lian")
    assert [t.word for t in pinyin.typed_words(["women", "like", "zhengzhou"])] == ["zhengzhou"]
    assert [t.as_typed for t in pinyin.typed_words(["yin", "lian", "卡"])] == ["yin lian"]


def test_a_rarer_reading_counts_a_tenth_of_its_articles() -> None:
    # 重 is read zhòng first: 重庆 of 300 articles still wins over 虫情 of 2; 莉娜 (莉 read chí) of 5 is no reading.
    assert pinyin.choose({"重庆": (1, 300), "虫情": (0, 2)}) == "重庆"
    assert pinyin.choose({"莉娜": (1, 5)}) is None
    assert pinyin.rare_readings("重庆", ("chong", "qing")) == 1
    assert pinyin.rare_readings("银联", ("yin", "lian")) == 0
    assert pinyin.rare_readings("银联", ("yin", "lan")) is None


def test_the_bot_loads_the_pinyin_tables_when_it_warms_up(tmp_path: Path) -> None:
    """Issue 34: the first word typed in pinyin (or a slip read by its sound) loaded pypinyin's table while the
    reader waited; opening the bot's services (`Searcher.warm_up`) loads it before any message."""
    stories_db(tmp_path, STORIES).close()
    corrections_table = corrections._by_reading
    pinyin_table = pinyin._by_reading
    corrections_table.cache_clear()
    pinyin_table.cache_clear()
    settings = Settings(_env_file=None, db=tmp_path / "news.db", seeds=tmp_path / "none")  # type: ignore[call-arg]
    opened = open_services(settings, markup=PLAIN)
    try:
        assert corrections_table.cache_info().currsize == 1
        assert pinyin_table.cache_info().currsize == 1
        (reply,) = opened.conversation.text("yinlian", Who(user_id=1, lang="zh"))
        assert "银联" in reply.text
        assert corrections_table.cache_info().misses == 1 and pinyin_table.cache_info().misses == 1
    finally:
        opened.close()


WHO_STORIES = [
    (
        "2020-01-31",
        "世卫组织宣布疫情构成国际关注的突发公共卫生事件",
        ["世界卫生组织总干事谭德塞30日晚在日内瓦宣布，新冠肺炎疫情构成国际关注的突发公共卫生事件。"],
    ),
    ("2020-02-12", "世卫专家组抵达北京", ["世卫组织专家组12日抵达北京，与中方专家交流。"]),
    ("2020-03-11", "WHO宣布疫情具有大流行特征", ["WHO总干事谭德塞宣布，新冠肺炎疫情已具有大流行特征。"]),
    ("2020-01-20", "王伟当选二七区区长", ["王伟当选为二七区区长，他说要把群众的事办好。"]),
    ("2019-12-04", "北约峰会在伦敦举行", ["北约峰会4日在英国伦敦举行，成员国领导人出席。"]),
]
WHO_TITLES = {title for _, title, _ in WHO_STORIES[:3]}


@pytest.fixture(scope="module")
def who_searcher(tmp_path_factory: pytest.TempPathFactory):
    with stories_searcher(tmp_path_factory.mktemp("who"), WHO_STORIES) as found:
        yield found


@pytest.mark.parametrize(
    "typed",
    ["WHO说了什么", "WHO宣布了什么", "who 世卫", "What did WHO say", "WHO", "who说了什么", "who 怎么说"],
)
def test_who_typed_as_a_name_is_searched_in_both_forms(who_searcher: Searcher, typed: str) -> None:
    """Issue 34: WHO (世卫组织) could not be searched: the English question word was dropped first. An
    abbreviation typed in capitals in a Chinese message or an English sentence, or beside the form news
    prints it as, is a name; the search finds the stories printing either form and says so."""
    found = who_searcher.search(typed)
    assert {h.title for h in found.hits} == WHO_TITLES, [h.title for h in found.hits]
    assert found.names_read == (Correction("WHO", "世界卫生组织"),)
    assert "who" in parse_query(typed).terms


@pytest.mark.parametrize(
    ("typed", "terms", "kind"),
    [
        ("WHO说了什么", ("who",), "what"),
        ("What did WHO say", ("who",), "what"),
        ("who is 王伟", ("王伟",), "who"),
        ("Who is 王伟", ("王伟",), "who"),
        ("WHO IS 王伟", ("王伟",), "who"),  # a question typed in capitals keeps its question words
        ("what did NATO say", ("nato",), "what"),
        # Issue 34: a lowercase who before a Chinese question of its own is WHO, the rest asks; before a
        # name or a topic alone, or before a question asking who, it asks who.
        ("who说了什么", ("who",), "what"),
        ("Who 说了什么", ("who",), "what"),
        ("who 宣布了什么", ("who", "宣布"), "what"),
        ("who什么时候宣布的", ("who", "宣布"), "when"),
        ("who 王伟", ("王伟",), "who"),
        ("who王伟", ("王伟",), "who"),
        ("who 王伟是谁", ("王伟",), "who"),
    ],
)
def test_an_english_question_keeps_its_question_words(typed: str, terms: tuple[str, ...], kind: str) -> None:
    parsed = parse_query(typed)
    assert parsed.terms == terms and parsed.question
    assert question_kind(parsed.asked) == kind


@pytest.mark.parametrize(
    ("typed", "chinese"),
    [
        ("what 说了什么", "说了什么"),
        ("what说了什么", "说了什么"),
        ("What 说了什么", "说了什么"),
        ("how 怎么样", "怎么样"),
        ("why 什么", "什么"),
    ],
)
def test_an_english_question_word_before_a_chinese_question_is_no_word_to_find(
    typed: str, chinese: str
) -> None:
    """Issue 34: `what 说了什么` searched what and 说了什么. An English question word (not a name: WHO) before a
    Chinese question of stop words alone asks, as the Chinese does: the message parses as the Chinese alone;
    an English question word typed alone is still searched as typed."""
    assert parse_query(typed) == replace(parse_query(chinese), raw=typed, written=parse_query(typed).written)
    assert "what" not in parse_query(typed).terms
    assert parse_query("what").terms == ("what",)


def test_who_asked_in_english_is_still_answered_with_a_person(who_searcher: Searcher) -> None:
    found = who_searcher.search("who is 王伟")
    assert found.hits[0].title == "王伟当选二七区区长" and found.names_read == ()
