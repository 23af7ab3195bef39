"""Digests look only at what was stored since the last one (the ledger's horizon), and search each
keyword once per run: their cost follows the day's news, not the archive (issues 5 and 6)."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.digests.plan import DEFAULT_CONFIG, RunCache, compose_for, prepare
from bot.digests.schedule import Due
from storage.database.connection import open_db
from storage.database.index import index_articles
from storage.database.writing import write_transaction
from storage.models import ParsedArticle
from storage.records import subscriptions as subs
from storage.records.articles import upsert_articles
from storage.search.engine import Searcher

NOW = datetime(2023, 4, 20, 0, 0, tzinfo=UTC)


@pytest.fixture
def db(tmp_path: Path):
    database = open_db(tmp_path / "digest.db")
    yield database
    database.conn.close()


def store(db, *stories: tuple[str, str]) -> list[int]:
    """Ingest (title, date) stories about 医院 with the real storage and index."""
    parsed = [
        ParsedArticle(title=title, date=day, paragraphs=(f"{title}：区人民医院的新闻，编号{title}。",))
        for title, day in stories
    ]
    with write_transaction(db):
        result = upsert_articles(db, parsed)
        index_articles(db, result.new_ids)
    return result.new_ids


def due_for(db, sub, day: date) -> Due:
    (state,) = [s for s in subs.schedule_candidates(db) if s.subscription.id == sub.id]
    return Due(sub.id, day, NOW, state=state)


class CountingLibrary:
    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.calls = 0

    def search(self, query, *, limit, offset):
        return self.searcher.search(query, limit=limit, offset=offset)

    def match_ids(self, query, *, limit):
        self.calls += 1
        return self.searcher.match_ids(query, limit=limit)


def test_first_digest_carries_the_newest_matches_and_counts_the_rest_as_received(db):
    old = store(db, *[(f"旧闻{n:02d}", f"2023-03-{n + 1:02d}") for n in range(15)])
    sub = subs.add_subscription(db, 1, "08:00", ["医院"], now=NOW)
    library = Searcher(db)

    claimed = prepare(db, library, due_for(db, sub, date(2023, 4, 20)), DEFAULT_CONFIG, NOW)
    assert claimed is not None
    shown = claimed.digest.shown_ids
    assert len(shown) == DEFAULT_CONFIG.cap and claimed.digest.counted_ids == ()
    assert set(shown) == set(old[-10:])  # the ten most recent
    assert subs.delivered_horizon(db, sub.id) == max(old)

    # Nothing new since: the next day's digest is empty although five old matches were never listed.
    assert (
        compose_for(
            db, library, sub, lang="zh", local_date=date(2023, 4, 21), config=DEFAULT_CONFIG, send_empty=False
        )
        is None
    )

    fresh = store(db, ("新闻甲", "2023-04-21"), ("新闻乙", "2023-04-21"))
    digest = compose_for(
        db, library, sub, lang="zh", local_date=date(2023, 4, 21), config=DEFAULT_CONFIG, send_empty=False
    )
    assert digest is not None and set(digest.shown_ids) == set(fresh)


def test_an_article_stored_while_a_digest_is_composed_goes_out_next_time(db):
    store(db, ("第一篇", "2023-04-19"))
    sub = subs.add_subscription(db, 1, "08:00", ["医院"], now=NOW)
    library = Searcher(db)
    horizon = subs.article_horizon(db)
    late = store(db, ("迟到的一篇", "2023-04-20"))  # after the horizon was taken
    digest = compose_for(
        db,
        library,
        sub,
        lang="zh",
        local_date=date(2023, 4, 20),
        config=DEFAULT_CONFIG,
        send_empty=False,
        horizon=horizon,
    )
    assert digest is not None and late[0] not in digest.shown_ids
    subs.claim_delivery(
        db, sub.id, date(2023, 4, 20), 1, shown_ids=digest.shown_ids, horizon=horizon, now=NOW
    )
    following = compose_for(
        db, library, sub, lang="zh", local_date=date(2023, 4, 21), config=DEFAULT_CONFIG, send_empty=False
    )
    assert following is not None and following.shown_ids == tuple(late)


def test_each_keyword_is_searched_once_per_run(db):
    store(db, ("医院新闻", "2023-04-19"))
    for chat in range(1, 6):
        subs.add_subscription(db, chat, "08:00", ["医院"], now=NOW)
    counting = CountingLibrary(Searcher(db))
    library = RunCache(counting)
    for state in subs.schedule_candidates(db):
        due = Due(state.subscription.id, date(2023, 4, 20), NOW, state=state)
        assert prepare(db, library, due, DEFAULT_CONFIG, NOW)
    assert counting.calls == 1


def test_a_run_cache_composes_exactly_what_the_plain_path_does(db):
    """The daily run's shortcut (dates and matches computed once per run) must not change any digest."""
    store(db, *[(f"昨日{n}", f"2023-04-{10 + n % 5:02d}") for n in range(12)])
    subscriptions = [
        subs.add_subscription(db, chat, "08:00", keywords, now=NOW)
        for chat, keywords in enumerate([["医院"], [], ["医院", "新闻"], ["没有的词"], ["昨日3"]], start=1)
    ]
    yesterday = subs.article_horizon(db)
    for sub in subscriptions:
        subs.claim_delivery(db, sub.id, date(2023, 4, 19), sub.chat_id, status=subs.EMPTY, horizon=yesterday)
    fresh = store(
        db, ("今日甲", "2023-04-20"), ("今日乙", None), ("今日丙", "2023-04-20"), ("今日丁", "2023-04-19")
    )
    subs.claim_delivery(db, subscriptions[0].id, date(2023, 4, 18), 1, shown_ids=fresh[:1], now=NOW)

    searcher = Searcher(db)
    cache = RunCache(searcher)
    horizon = subs.article_horizon(db)
    kwargs = dict(
        lang="zh", local_date=date(2023, 4, 20), config=DEFAULT_CONFIG, send_empty=True, horizon=horizon
    )
    for sub in subscriptions:
        plain = compose_for(db, searcher, sub, **kwargs)
        cached = compose_for(db, cache, sub, **kwargs)
        assert (plain.shown_ids, plain.counted_ids, plain.text) == (
            cached.shown_ids,
            cached.counted_ids,
            cached.text,
        )
    everything = compose_for(db, cache, subscriptions[1], **kwargs)
    assert everything.shown_ids == (fresh[0], fresh[2], fresh[3], fresh[1])  # newest first, undated last


@pytest.mark.parametrize("keywords", [["医院"], []])
def test_a_digest_lists_no_story_dated_after_the_clock_it_runs_at(db, keywords: list[str]) -> None:
    """Issue 34: a digest listed what was stored, whatever its date: at a clock set in the past (`newsbot
    chat --now`) stories dated after it. The first digest, and the next one through the run's cache, list
    none dated after the clock's day (undated ones stay)."""
    store(db, ("四月十八日", "2023-04-18"), ("四月十九日", "2023-04-19"), ("四月二十一日", "2023-04-21"))
    store(db, ("四月二十五日", "2023-04-25"), ("未注日期", None))  # type: ignore[arg-type]
    sub = subs.add_subscription(db, 1, "08:00", keywords, now=NOW)
    claimed = prepare(db, Searcher(db), due_for(db, sub, date(2023, 4, 20)), DEFAULT_CONFIG, NOW)
    assert claimed is not None
    listed = claimed.digest.text
    assert "四月十八日" in listed and "四月十九日" in listed and "未注日期" in listed
    assert "四月二十一日" not in listed and "四月二十五日" not in listed

    store(db, ("四月二十日", "2023-04-20"), ("四月二十六日", "2023-04-26"))
    later = datetime(2023, 4, 21, 0, 0, tzinfo=UTC)
    (state,) = [s for s in subs.schedule_candidates(db) if s.subscription.id == sub.id]
    due = Due(sub.id, date(2023, 4, 21), later, state=state)
    claimed = prepare(db, RunCache(Searcher(db)), due, DEFAULT_CONFIG, later)
    assert claimed is not None
    assert "四月二十日" in claimed.digest.text and "四月二十六日" not in claimed.digest.text
    # The story stored before its day, passed by the first digest's horizon, comes on its day.
    assert "四月二十一日" in claimed.digest.text and "四月二十五日" not in claimed.digest.text


def at(day: int, hour: int) -> datetime:
    return datetime(2023, 4, day, hour, 0, tzinfo=UTC)


def run_digest(db, library, sub, now: datetime) -> str:
    """The subscription's digest due at `now` (prepared and claimed): its text, or "" when empty."""
    (state,) = [s for s in subs.schedule_candidates(db) if s.subscription.id == sub.id]
    claimed = prepare(db, library, Due(sub.id, now.date(), now, state=state), DEFAULT_CONFIG, now)
    return claimed.digest.text if claimed else ""


@pytest.mark.parametrize("cached", [False, True])
def test_a_story_stored_before_its_day_comes_once_to_a_chat_of_two_digests(db, cached: bool) -> None:
    """Issue 34: a story stored dated after the digest's clock (a misread date) was passed by the ledger's
    horizon for good. It comes on its day, under the chat's first digest of that day only (the chat's
    other digest records it as listed elsewhere), and never again."""
    _, ahead = store(db, ("四月十九日", "2023-04-19"), ("四月二十二日", "2023-04-22"))
    keyword = subs.add_subscription(db, 1, "08:00", ["医院"], now=NOW)
    everything = subs.add_subscription(db, 1, "09:00", [], now=NOW)

    def library():
        return RunCache(Searcher(db)) if cached else Searcher(db)

    said = [run_digest(db, library(), sub, at(20, hour)) for sub, hour in ((keyword, 0), (everything, 1))]
    assert "四月十九日" in said[0] and not any("四月二十二日" in text for text in said)
    for day in (21, 22, 23):
        said += [
            run_digest(db, library(), sub, at(day, hour)) for sub, hour in ((keyword, 0), (everything, 1))
        ]
    assert [n for n, text in enumerate(said) if "四月二十二日" in text] == [4]  # 22 April, the first digest
    assert ahead in subs.delivered_article_ids(db, everything.id)  # the other digest counted it


def test_a_run_reads_the_stories_come_of_date_once_and_lists_them_as_the_plain_path_does(
    tmp_path: Path,
) -> None:
    """Issue 34: the look-back for stories stored before their day reads them once per run and each keyword's
    matches among them once (`RunCache.come_of_date`); day after day, on two copies of one database, the
    digests a run lists are those the plain path lists, stories come of date, exclusions and a chat of two
    digests included."""
    path = tmp_path / "plain.db"
    db = open_db(path)
    store(db, *[(f"旧闻{n}", "2023-04-19") for n in range(3)])
    store(db, ("四月二十一日", "2023-04-21"), ("四月二十二日", "2023-04-22"), ("四月二十三日", "2023-04-23"))
    wanted = [["医院"], [], ["二十二"], ["没有的词"], ["医院", "-二十三"]]
    mornings = [
        subs.add_subscription(db, chat, "08:00", words, now=NOW) for chat, words in enumerate(wanted, 1)
    ]
    evening = subs.add_subscription(db, 1, "09:00", ["四月"], now=NOW)
    db.conn.close()
    shutil.copyfile(path, tmp_path / "cached.db")

    said: dict[bool, list[str]] = {}
    for cached, name in ((False, "plain.db"), (True, "cached.db")):
        db = open_db(tmp_path / name)
        said[cached] = []
        for day in (20, 21, 22, 23, 24):
            if day == 21:
                store(db, ("四月二十四日", "2023-04-24"))  # stored after the first digests, dated ahead
            for hour, due in ((0, mornings), (1, [evening])):
                cache = RunCache(Searcher(db))  # one per check
                said[cached] += [
                    run_digest(db, cache if cached else Searcher(db), sub, at(day, hour)) for sub in due
                ]
        db.conn.close()
    assert said[True] == said[False]
    come = [sum(f"四月二十{n}日" in text for text in said[True]) for n in "一二三四"]
    # Under 医院, all news and 医院 -二十三 (二十三 excluded), 二十二 as well; chat 1's evening 四月 leaves out
    # what its morning listed.
    assert come == [3, 4, 2, 3], come
