"""Subscription keywords in the search syntax and near-duplicate stories (issue 13).

Regression: ``/subscribe 08:00 二七区 -人才`` stored ``-人才`` as one more keyword, and the 人才 story was sent.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.chat.replies import PLAIN
from bot.digests.filters import KeywordFilter, parse_keywords, regroup_quotes
from bot.digests.plan import DEFAULT_CONFIG, compose_for
from bot.digests.schedule import SubscribeRequest, parse_subscribe_args
from storage.database.connection import open_db
from storage.database.duplicates import clusters_of, other_sources
from storage.database.writing import write_transaction
from storage.models import ParsedArticle
from storage.records import subscriptions as subs
from storage.records.sources import store_articles
from storage.search.engine import Searcher, containing_any
from storage.text import neardup
from tests.backends import sqlite_only

STORY = (
    "今年以来，二七区利用边角地、闲置地新建口袋公园15处，新增绿地面积4.3万平方米，让居民出门“300米见绿、500米见园”。",
    "在大学路与汝河路交叉口，原本堆放建筑垃圾的一块空地，如今铺上了透水步道，种上了银杏、紫薇和月季，还安装了座椅和健身器材。",
    "据二七区城市管理局介绍，口袋公园建设坚持“一园一策”，充分征求周边居民意见，在设计中融入二七纪念塔、京汉铁路等本土文化元素。",
    "明年，二七区计划再建口袋公园20处，并推动已建公园与周边学校、社区的开放共享。",
)
TALENT = (
    "二七区日前出台青年人才引进办法，对新引进的博士、硕士研究生分别给予每月3000元、1500元生活补贴，连续发放三年。",
    "区人力资源和社会保障局负责人表示，将建立服务专员制度，为新引进的青年提供落户办理、社保接续等一站式服务。",
)
OTHER = (
    "金水区启动冬季交通安全专项整治，重点整治酒驾醉驾、超员超载、电动自行车闯红灯等突出违法行为，为期三个月。",
)


def article(title: str, paragraphs: tuple[str, ...], source: str, day: str = "2026-12-01") -> ParsedArticle:
    return ParsedArticle(
        title=title, paragraphs=paragraphs, date=day, source=source, url=f"https://{source}.example/{title}"
    )


@pytest.fixture
def db(database_target: str):
    """An SQLite file, then a PostgreSQL database (conftest's `database_target`)."""
    database = open_db(database_target)
    yield database
    database.close()


# ---- reading keywords --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        (["二七区", "-人才"], KeywordFilter(("二七区",), ("人才",))),
        (["二七区", "OR", "金水区"], KeywordFilter(("二七区", "金水区"), ())),
        (["二七区", "或者", "金水区", "|", "中原区"], KeywordFilter(("二七区", "金水区", "中原区"), ())),
        (['"郑州 大学"', "招生"], KeywordFilter(('"郑州 大学"', "招生"), ())),
        (["二七区", "NOT", "人才"], KeywordFilter(("二七区",), ("人才",))),
        (['-"青年 人才"'], KeywordFilter((), ("青年 人才",))),
        (["－体育", "—娱乐"], KeywordFilter((), ("体育", "娱乐"))),  # full-width and em dashes
        (["“郑州大学”"], KeywordFilter(('"郑州大学"',), ())),
        ([], KeywordFilter()),
    ],
)
def test_parse_keywords(keywords: list[str], expected: KeywordFilter) -> None:
    assert parse_keywords(keywords) == expected


def test_regroup_quotes_joins_what_the_chat_split() -> None:
    assert regroup_quotes(['"郑州', '大学"', "招生"]) == ['"郑州 大学"', "招生"]
    assert regroup_quotes(['"未闭合', "引号"]) == ['"未闭合', "引号"]


def test_subscribe_arguments_keep_the_search_syntax() -> None:
    assert parse_subscribe_args(["08:00", "二七区", "-人才"]) == SubscribeRequest(
        "08:00", ("二七区", "-人才")
    )
    assert parse_subscribe_args(["二七区", "OR", "金水区"]) == SubscribeRequest("08:00", ("二七区", "金水区"))
    assert parse_subscribe_args(["8:00", '"郑州', '大学"', "NOT", "体育"]) == SubscribeRequest(
        "08:00", ('"郑州 大学"', "-体育")
    )


# ---- excluding ---------------------------------------------------------------------------------------------


def test_containing_any_is_exact_and_reads_words_as_search_does(db) -> None:
    stored = store_articles(
        db,
        [
            article("口袋公园", STORY, "a"),
            article("人才引进", TALENT, "b"),
            article("交通整治", OTHER, "c"),
        ],
    )
    ids = stored.new_ids
    assert containing_any(db, ["人才"], ids) == {ids[1]}
    assert containing_any(db, ["人材", "酒驾"], ids) == {ids[2]}
    assert containing_any(db, ["人才"], [ids[0], ids[2]]) == set()
    assert (
        containing_any(db, ["公园口袋"], ids) == set()
    )  # verbatim: both words in another order do not count


def test_digest_of_二七区_minus_人才_never_carries_the_人才_story(db) -> None:
    """Issue 13: `/subscribe 08:00 二七区 -人才` received the 人才 story."""
    store_articles(
        db,
        [article("口袋公园", STORY, "a"), article("人才引进", TALENT, "b"), article("交通整治", OTHER, "c")],
    )
    sub = subs.add_subscription(db, 7, "08:00", ("二七区", "-人才"), now=datetime(2026, 12, 1, tzinfo=UTC))
    digest = compose_for(
        db,
        Searcher(db),
        sub,
        lang="zh",
        local_date=date(2026, 12, 2),
        config=DEFAULT_CONFIG,
        send_empty=False,
        markup=PLAIN,
    )
    assert digest is not None
    assert "口袋公园" in digest.text and "人才引进" not in digest.text and "交通整治" not in digest.text
    assert "关键词：二七区（不含：人才）" in digest.text
    only_excluding = subs.add_subscription(db, 8, "08:00", ("-人才",), now=datetime(2026, 12, 1, tzinfo=UTC))
    everything_else = compose_for(
        db,
        Searcher(db),
        only_excluding,
        lang="zh",
        local_date=date(2026, 12, 2),
        config=DEFAULT_CONFIG,
        send_empty=False,
        markup=PLAIN,
    )
    assert everything_else is not None and len(everything_else.shown_ids) == 2
    assert "人才引进" not in everything_else.text


# ---- the same story from several sources -------------------------------------------------------------------


def variants() -> list[ParsedArticle]:
    """One story in three sources' words: a wire dateline, a newspaper's with an editor's line, a reworded
    district copy; and a different story on the same subject."""
    return [
        article(
            "郑州二七区新建15处口袋公园", ("新华社郑州12月1日电（记者李雪）" + STORY[0], *STORY[1:]), "新华网"
        ),
        article(
            "二七区：口袋公园家门口",
            ("本报郑州12月1日电（记者陈静）" + STORY[0], *STORY[1:], "（责编：王镕）"),
            "人民网",
        ),
        article(
            "我区新建口袋公园15处",
            (*STORY[:3], STORY[3].replace("明年", "2027年"), "来源：二七区城市管理局"),
            "二七发布",
        ),
        article(
            "金水区公园绿地提升", ("金水区今年完成10条道路绿化提升，新建公园3处，" + OTHER[0],), "金水发布"
        ),
    ]


def test_near_duplicates_share_a_cluster_and_name_each_other(db) -> None:
    ids = store_articles(db, variants()).new_ids
    clusters = clusters_of(db, ids)
    assert clusters[ids[0]] == clusters[ids[1]] == clusters[ids[2]] == ids[0]
    assert clusters[ids[3]] == ids[3]
    also = other_sources(db, ids)
    assert also[ids[0]] == ("人民网", "二七发布") and also[ids[2]] == ("新华网", "人民网")
    assert ids[3] not in also


def test_an_undated_copy_reads_a_stock_key_only_among_undated_articles(db, monkeypatch) -> None:
    """An undated article may be any day's story, so its keys are looked up among all stored articles,
    except keys held by `STOCK_KEY_ROWS` articles or more (stock phrases, read in full otherwise): those
    only among undated ones. Here every key counts as stock, so the dated original is out of reach and
    an undated one is found."""
    from dataclasses import replace

    from storage.database import duplicates

    wire, paper, *_ = variants()
    (dated_id,) = store_articles(db, [wire]).new_ids
    (found_id,) = store_articles(db, [replace(paper, date=None)]).new_ids
    assert clusters_of(db, [found_id]) == {found_id: dated_id}  # rare keys: every article read

    def undated_copy(of: ParsedArticle, source: str, note: str) -> int:
        copy = replace(
            of,
            title=f"{of.title}（{source}）",
            source=source,
            url=f"https://{source}.example/1",
            paragraphs=(*of.paragraphs, note),
            date=None,
        )
        (new_id,) = store_articles(db, [copy]).new_ids
        return new_id

    monkeypatch.setattr(duplicates, "STOCK_KEY_ROWS", 1)
    third_id = undated_copy(paper, "郑州日报", "（转载自人民网）")
    assert clusters_of(db, [third_id]) == {third_id: dated_id}  # via the undated copy's cluster
    with write_transaction(db):
        db.execute("UPDATE sketch_keys SET day = '2026-12-01'")  # now no undated article holds a key
    fourth_id = undated_copy(wire, "大河网", "（大河网综合）")
    assert clusters_of(db, [fourth_id]) == {fourth_id: fourth_id}


def test_sketches_stored_as_json_by_older_databases_still_find_their_story(db) -> None:
    """Sketches are stored packed (4 bytes a hash); ones an older newsbot stored as JSON still match."""
    sqlite_only(db, "sketches stored as JSON exist only in SQLite files an older newsbot wrote")
    import json

    first, second, *_ = variants()
    (first_id,) = store_articles(db, [first]).new_ids
    packed = db.execute("SELECT sketch FROM article_sketches WHERE article_id = ?", [first_id]).fetchone()[0]
    assert isinstance(packed, bytes) and len(packed) == 4 * neardup.K
    as_json = json.dumps(list(neardup.sketch(first.body) or ()))
    db.execute("UPDATE article_sketches SET sketch = ? WHERE article_id = ?", [as_json, first_id])
    db.conn.commit()
    (second_id,) = store_articles(db, [second]).new_ids
    assert clusters_of(db, [second_id]) == {second_id: first_id}


def test_latest_lists_a_story_once_and_pages_by_story(db) -> None:
    """/latest shows each story once (the newest-listed copy), and its pages count stories."""
    from storage.records.articles import latest_articles, latest_stories

    ids = store_articles(db, variants()).new_ids
    copies = [a.id for a in latest_articles(db, 10)]
    assert len(copies) == 4  # three sources' copies of one story, and another story
    first = copies[0]
    firsts = [first] + [i for i in copies if clusters_of(db, [i])[i] != clusters_of(db, [first])[first]][:1]
    assert [a.id for a in latest_stories(db, 10)] == firsts
    assert [a.id for a in latest_stories(db, 1, 1)] == firsts[1:]
    assert latest_stories(db, 5, 2) == []
    assert set(firsts) <= set(ids)


def test_a_result_page_lists_a_story_once_with_its_other_sources(db) -> None:
    store_articles(db, variants())
    response = Searcher(db).search("口袋公园")
    assert len(response.hits) == 1 and response.total == 1
    (hit,) = response.hits
    assert len(hit.also) == 2 and set(hit.also) | {"新华网", "人民网", "二七发布"} == {
        "新华网",
        "人民网",
        "二七发布",
    }


def test_a_story_already_received_from_one_source_does_not_come_again_from_another(db) -> None:
    first, second, third, other = variants()
    store_articles(db, [first])
    sub = subs.add_subscription(db, 9, "08:00", ("口袋公园",), now=datetime(2026, 12, 1, tzinfo=UTC))
    day1 = compose_for(
        db,
        Searcher(db),
        sub,
        lang="zh",
        local_date=date(2026, 12, 1),
        config=DEFAULT_CONFIG,
        send_empty=False,
        markup=PLAIN,
    )
    assert day1 is not None and len(day1.shown_ids) == 1
    subs.claim_delivery(
        db, sub.id, date(2026, 12, 1), 9, shown_ids=day1.shown_ids, horizon=subs.article_horizon(db)
    )
    store_articles(db, [second, third])  # the other sources publish it later
    day2 = compose_for(
        db,
        Searcher(db),
        sub,
        lang="zh",
        local_date=date(2026, 12, 2),
        config=DEFAULT_CONFIG,
        send_empty=False,
        markup=PLAIN,
    )
    assert day2 is None


def test_yearly_events_far_apart_are_not_merged(db) -> None:
    this_year = article("纪念活动", STORY, "甲", day="2026-12-01")
    last_year = article("纪念活动", STORY[:3] + ("去年的版本。",), "乙", day="2025-12-01")
    ids = store_articles(db, [last_year, this_year]).new_ids
    clusters = clusters_of(db, ids)
    assert clusters[ids[0]] != clusters[ids[1]]


def test_sketch_resemblance() -> None:
    a = neardup.sketch("".join(STORY))
    b = neardup.sketch("本报讯 " + "".join(STORY) + " 责任编辑：刘芳")
    c = neardup.sketch("".join(TALENT))
    assert a is not None and b is not None and c is not None
    assert neardup.same_story(a, b) and not neardup.same_story(a, c)
    assert neardup.sketch("太短了") is None


def test_of_equally_resembling_stories_the_first_stored_gives_the_cluster(db) -> None:
    """Two items of one source with the same words (one with a closing dash) stay two stories; a copy from
    another source resembles both equally (punctuation is not compared) and joins the one stored first."""
    from dataclasses import replace

    wire, paper, *_ = variants()
    notice = replace(
        wire,
        title="二七区口袋公园（续）",
        url="https://xinhua.example/2",
        paragraphs=(*wire.paragraphs, "——"),
    )
    first_id, second_id = store_articles(db, [wire, notice]).new_ids
    copy = replace(
        wire, title=paper.title, source="人民网", url=paper.url, paragraphs=(*wire.paragraphs, "……")
    )
    (copy_id,) = store_articles(db, [copy]).new_ids
    assert clusters_of(db, [first_id, second_id, copy_id]) == {
        first_id: first_id,
        second_id: second_id,
        copy_id: first_id,
    }


def test_the_bound_never_rules_out_a_pair_that_resembles_enough() -> None:
    """`may_resemble` is False only when the resemblance is below the threshold: checked on pairs built
    to sit around it (a shared run of hashes, the rest each sketch's own)."""
    for shared in range(0, neardup.K + 1, 4):
        for own in (0, 8, 24, 64):
            a = tuple(range(shared)) + tuple(range(1000, 1000 + own))
            b = tuple(range(shared)) + tuple(range(2000, 2000 + own))
            a, b = tuple(sorted(a)[: neardup.K]), tuple(sorted(b)[: neardup.K])
            if neardup.resemblance(a, b) >= neardup.THRESHOLD:
                assert neardup.may_resemble(set(a), b), (shared, own)
    assert not neardup.may_resemble(set(range(64)), tuple(range(100, 164)))  # nothing in common
    assert neardup.may_resemble(set(range(64)), tuple(range(64)))  # the same sketch
    assert not neardup.may_resemble(set(), (1, 2, 3))


def test_resemblance_is_the_share_of_the_unions_smallest_hashes_both_hold() -> None:
    assert neardup.resemblance((1, 2, 3, 4), (3, 4, 5, 6)) == 2 / 6  # union below K: all of it
    evens = tuple(range(0, 2 * neardup.K, 2))  # K hashes
    low = tuple(range(neardup.K))  # K hashes, the union's K smallest
    assert neardup.resemblance(evens, low) == 0.5  # of 0..K-1, the evens are in both
    assert neardup.resemblance((), low) == 0.0
