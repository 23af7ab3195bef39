"""A digest run reads each new article's story (cluster) and other sources once for all subscriptions,
and composes exactly the digests the uncached path composes (the daily run's CPU target)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.chat.replies import PLAIN
from bot.digests.plan import DEFAULT_CONFIG, RunCache, compose_for
from storage.database.connection import open_db
from storage.database.duplicates import collapse, padded
from storage.records import subscriptions as subs
from storage.records.sources import store_articles
from storage.search.engine import Searcher
from tests.test_subscription_filters import article, variants

NOW = datetime(2026, 12, 1, tzinfo=UTC)
CLUSTER_READ = "SELECT id, coalesce(cluster, id) FROM articles WHERE id IN"


@pytest.fixture
def db(tmp_path: Path):
    database = open_db(tmp_path / "digest.db")
    yield database
    database.close()


def compose(db, library, sub, day: date):
    return compose_for(
        db,
        library,
        sub,
        lang="zh",
        local_date=day,
        config=DEFAULT_CONFIG,
        send_empty=True,
        markup=PLAIN,
        horizon=subs.article_horizon(db),
    )


def test_cached_and_plain_digests_agree_on_stories_sources_and_what_was_received(db) -> None:
    first, second, third, other = variants()
    store_articles(db, [first, other])
    received = subs.add_subscription(db, 1, "08:00", ("口袋公园",), now=NOW)
    fresh = subs.add_subscription(db, 2, "08:00", ("公园",), now=NOW)
    subs.claim_delivery(
        db, received.id, date(2026, 12, 1), 1, shown_ids=[1], horizon=subs.article_horizon(db), now=NOW
    )
    subs.claim_delivery(
        db, fresh.id, date(2026, 12, 1), 2, status=subs.EMPTY, horizon=subs.article_horizon(db), now=NOW
    )
    # The other sources carry the story later, and one more story about parks arrives.
    store_articles(
        db, [second, third, article("中原区公园开放", ("中原区三处公园今起免费开放。",), "中原发布")]
    )

    searcher = Searcher(db)
    cache = RunCache(searcher)
    for sub in (received, fresh):
        plain = compose(db, searcher, sub, date(2026, 12, 2))
        cached = compose(db, cache, sub, date(2026, 12, 2))
        assert (cached.text, cached.shown_ids, cached.counted_ids) == (
            plain.text,
            plain.shown_ids,
            plain.counted_ids,
        )
    parks = compose(db, cache, fresh, date(2026, 12, 2))
    assert len(parks.shown_ids) == 2  # the story once (of three sources), and the other park story
    assert "新华网" in parks.text  # the story's other source named
    assert compose(db, cache, received, date(2026, 12, 2)).shown_ids == ()  # received from 新华网 already


def test_a_run_reads_each_new_articles_story_once(db) -> None:
    store_articles(db, [variants()[3]])
    horizon = subs.article_horizon(db)
    many = [subs.add_subscription(db, chat, "08:00", ("口袋公园",), now=NOW) for chat in range(1, 4)]
    for sub in many:
        subs.claim_delivery(db, sub.id, date(2026, 12, 1), sub.chat_id, status=subs.EMPTY, horizon=horizon)
    store_articles(db, variants()[:3])
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    cache = RunCache(Searcher(db))
    digests = [compose(db, cache, sub, date(2026, 12, 2)) for sub in many]
    db.conn.set_trace_callback(None)
    assert len({d.text for d in digests}) == 1 and len(digests[0].shown_ids) == 1
    assert sum(CLUSTER_READ in s for s in statements) == 1  # the first digest's; the others reuse it


def test_collapse_keeps_each_storys_first_article_in_order(db) -> None:
    known = {5: 5, 7: 3, 3: 3, 9: 9, 4: 5}
    assert collapse(db, [7, 5, 3, 4, 9], known) == [7, 5, 9]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([4], [4] * 8),
        ([1, 2, 3], [1, 2, 3, 3, 3, 3, 3, 3]),
        (list(range(8)), list(range(8))),
        (list(range(9)), [*range(9), *[8] * 7]),
    ],
)
def test_in_lists_are_padded_to_a_few_lengths(values: list[int], expected: list[int]) -> None:
    assert padded(values) == expected
