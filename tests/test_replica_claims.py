"""Claims with a lease, for several replicas on one database (issue 23): digest claims, source polls.

The lease clock is injected: every function takes ``now`` (seconds since the epoch) from the test.
Two connections to one database stand for two replicas, on each backend (conftest's `database_target`: an
SQLite file, then a PostgreSQL database); for the source job, two sets of services (each its own
`Database`) and a real local feed site.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.services import open_services
from bot.settings import Settings
from bot.sources.fetch import Fetcher
from bot.telegram.sources_job import SourcePoller
from storage.database.connection import open_db
from storage.database.postgres import is_postgres_url
from storage.records import sources as store
from storage.records import subscriptions as subs
from tests.feed_server import FeedSite, Page

NOW = datetime(2023, 4, 7, 0, 0, tzinfo=UTC)
DAY = date(2023, 4, 7)
T0 = 1_000_000.0  # the lease clock, seconds
LEASE = 30.0
WINDOW = 6 * 3600.0
FEEDS = Path(__file__).parent / "feeds"


@pytest.fixture
def replicas(database_target):
    """Two connections to one database: replica A and replica B."""
    a = open_db(database_target)
    b = open_db(database_target)
    yield a, b
    a.conn.close()
    b.conn.close()


def claim(db, sub_id: int, holder: str, until: float, message: str = "digest") -> int | None:
    return subs.claim_delivery(db, sub_id, DAY, 1, lease=subs.Lease(holder, until), message=message, now=NOW)


def test_one_replica_claims_a_day_the_other_gets_nothing(replicas):
    a, b = replicas
    sub = subs.add_subscription(a, 1, "08:00", now=NOW)
    first = claim(a, sub.id, "A", T0 + LEASE)
    assert first is not None
    assert claim(b, sub.id, "B", T0 + LEASE) is None  # the row is A's
    # While A's lease holds nothing can be taken over, however often B looks.
    assert subs.expired_claims(b, T0 + 1, WINDOW) == 0
    assert subs.take_over_claim(b, subs.Lease("B", T0 + 1 + LEASE), T0 + 1, WINDOW) is None


def test_a_claim_composed_before_a_siblings_claim_is_refused_and_writes_nothing(replicas):
    """Two digests of one chat's 8:00, composed by A and B while neither had claimed: A claims first,
    so B's claim, made against an empty listing, is refused (`subs.SiblingsChanged`) and B composes again."""
    a, b = replicas
    district = subs.add_subscription(a, 1, "08:00", ["保交楼"], now=NOW)
    everything = subs.add_subscription(a, 1, "08:00", now=NOW)
    seen_by_b = subs.listed_by_siblings(b, everything.id, 0)
    assert seen_by_b == set()
    lease = subs.Lease("A", T0 + LEASE)
    assert subs.claim_delivery(
        a, district.id, DAY, 1, shown_ids=[3, 4], lease=lease, message="m", now=NOW, siblings_listed=set()
    )
    with pytest.raises(subs.SiblingsChanged):
        subs.claim_delivery(
            b,
            everything.id,
            DAY,
            1,
            shown_ids=[3, 4, 5],
            lease=lease,
            message="m",
            now=NOW,
            siblings_listed=seen_by_b,
        )
    assert subs.deliveries(b, everything.id) == [] and subs.delivered_article_ids(b, everything.id) == []
    # Composed again against what A's digest lists: claimed.
    listed = subs.listed_by_siblings(b, everything.id, 0)
    assert listed == {3, 4}
    assert subs.claim_delivery(
        b, everything.id, DAY, 1, shown_ids=[5], counted_ids=[3, 4], now=NOW, siblings_listed=listed
    )


def test_a_cancelled_subscriptions_sent_digests_still_count_for_the_chats_other_digests(replicas):
    """QA pass 11's left item: /unsubscribe deleted a subscription's ledger, so a story its digest sent in
    the morning came again in the chat's evening digest. The sent digests' rows stay (until /forget); its
    empty and failed days go; its claims stay (QA pass 14: see the next test) but are never taken over."""
    a, b = replicas
    morning = subs.add_subscription(a, 1, "08:00", ["保交楼"], now=NOW)
    evening = subs.add_subscription(a, 1, "20:00", ["二七区"], now=NOW)
    other_chat = subs.add_subscription(a, 2, "08:00", now=NOW)
    sent = subs.claim_delivery(
        a, morning.id, DAY, 1, shown_ids=[9, 10], counted_ids=[11], horizon=11, now=NOW
    )
    assert sent is not None
    subs.finish_delivery(a, sent, subs.SENT, message_id=1, now=NOW)
    failed = subs.claim_delivery(
        a, morning.id, DAY + timedelta(days=1), 1, shown_ids=[12], horizon=12, now=NOW
    )
    assert failed is not None
    subs.finish_delivery(a, failed, subs.FAILED, detail="Bad Request", now=NOW)
    lease = subs.Lease("A", T0 + LEASE)
    next_days = DAY + timedelta(days=2)
    assert subs.claim_delivery(a, morning.id, next_days, 1, shown_ids=[13], lease=lease, message="m", now=NOW)
    assert subs.claim_delivery(a, other_chat.id, DAY, 2, shown_ids=[14], now=NOW)
    assert subs.listed_by_siblings(b, evening.id, 0) == {9, 10, 13}

    assert subs.remove_subscription(b, 1, morning.id)
    assert subs.get_subscription(a, morning.id) is None
    # What it sent, and its claim (perhaps on its way), still count for the evening digest; the claim is
    # not taken over.
    assert subs.listed_by_siblings(a, evening.id, 0) == {9, 10, 13}
    assert subs.listed_by_siblings(a, evening.id, 10) == {13}
    assert subs.expired_claims(a, T0 + LEASE + 1, WINDOW) == 0
    assert subs.take_over_claim(a, subs.Lease("B", T0 + 2 * LEASE), T0 + LEASE + 1, WINDOW) is None
    # A new subscription of the chat gets a new id and a ledger of its own, and counts them too.
    again = subs.add_subscription(b, 1, "08:00", ["保交楼"], now=NOW)
    assert again.id != morning.id and subs.deliveries(a, again.id) == []
    assert subs.listed_by_siblings(a, again.id, 0) == {9, 10, 13}
    # A claim checks them as any sibling's: composed against them, claimed.
    tonight = subs.claim_delivery(
        b, evening.id, DAY, 1, shown_ids=[20], counted_ids=[9, 10, 13], now=NOW, siblings_listed={9, 10, 13}
    )
    assert tonight is not None
    subs.finish_delivery(b, tonight, subs.SENT, message_id=2, now=NOW)
    # /unsubscribe all keeps them too; /forget deletes them, and nothing of the other chat.
    assert subs.remove_all_subscriptions(a, 1) == 2
    assert subs.listed_by_siblings(a, again.id, 0) == set()  # no such subscription: no chat to look in
    counts = subs.chat_record_counts(b, 1)
    assert counts["digest_deliveries"] == 3 and counts["digest_items"] == 8
    subs.forget_chat(a, 1)
    assert all(n == 0 for n in subs.chat_record_counts(b, 1).values())
    assert subs.chat_record_counts(b, 2)["digest_items"] == 1


def test_a_claim_in_flight_when_its_subscription_is_cancelled_counts_once_its_send_is_recorded(replicas):
    """QA pass 13's left item: /unsubscribe while a replica was sending the subscription's digest deleted
    the claim, so when the message arrived its stories were not counted and the chat's other digests
    listed them again. The claim stays without its message (never taken over); the sender records it
    sent and it counts, or undoes it (certainly not delivered) and it goes."""
    a, b = replicas
    morning = subs.add_subscription(a, 1, "08:00", ["保交楼"], now=NOW)
    noon = subs.add_subscription(a, 1, "12:00", ["人才"], now=NOW)
    evening = subs.add_subscription(a, 1, "20:00", ["二七区"], now=NOW)
    lease = subs.Lease("A", T0 + LEASE)
    sending = subs.claim_delivery(a, morning.id, DAY, 1, shown_ids=[5, 6], lease=lease, message="m", now=NOW)
    undone = subs.claim_delivery(a, noon.id, DAY, 1, shown_ids=[7], lease=lease, message="m", now=NOW)
    assert sending is not None and undone is not None
    # The reader cancels both while replica A sends them (B serves the command).
    assert subs.remove_subscription(b, 1, morning.id) and subs.remove_subscription(b, 1, noon.id)
    assert subs.listed_by_siblings(b, evening.id, 0) == {5, 6, 7}
    # Their leases run out without a word from A: nobody takes them over.
    assert subs.expired_claims(b, T0 + LEASE + 1, WINDOW) == 0
    assert subs.take_over_claim(b, subs.Lease("B", T0 + 2 * LEASE), T0 + LEASE + 1, WINDOW) is None
    # A's sends end: the morning one arrived, the noon one certainly did not.
    subs.finish_delivery(a, sending, subs.SENT, message_id=7, now=NOW)
    subs.release_delivery(a, undone)
    assert subs.listed_by_siblings(b, evening.id, 0) == {5, 6}
    assert subs.chat_record_counts(b, 1)["digest_deliveries"] == 1


def test_what_the_chats_digests_at_other_times_and_days_listed_counts_above_the_horizon(replicas):
    """QA pass 11: one chat's `08:00 保交楼` and `20:00 二七区`. What yesterday evening's digest listed is
    listed for this morning's (another local day) above the morning's horizon; a claim composed before a
    digest of another time was claimed is refused, as for one minute's digests."""
    a, b = replicas
    morning = subs.add_subscription(a, 1, "08:00", ["保交楼"], now=NOW)
    evening = subs.add_subscription(a, 1, "20:00", ["二七区"], now=NOW)
    other_chat = subs.add_subscription(a, 2, "20:00", ["二七区"], now=NOW)
    # Day one: the morning digest looked up to article 10, the evening one up to 20.
    sent = subs.claim_delivery(a, morning.id, DAY, 1, shown_ids=[9, 10], horizon=10, now=NOW)
    assert sent is not None
    subs.finish_delivery(a, sent, subs.SENT, message_id=1, now=NOW)
    assert subs.claim_delivery(
        a, evening.id, DAY, 1, shown_ids=[12, 20], counted_ids=[15], horizon=20, now=NOW
    )
    assert subs.claim_delivery(a, other_chat.id, DAY, 2, shown_ids=[18], horizon=20, now=NOW)

    # The next morning looks beyond 10: the evening's listed stories, not the one it only counted, nor
    # another chat's; the evening looks beyond 20, where the morning listed nothing.
    after = subs.delivered_horizon(b, morning.id)
    assert after == 10
    seen_by_b = subs.listed_by_siblings(b, morning.id, after)
    assert seen_by_b == {12, 20}
    assert subs.listed_by_siblings(b, evening.id, 20) == set()
    assert subs.listed_by_siblings(b, evening.id, 0) == {9, 10}

    # A replica claims an evening digest (a catch-up) while B composes the morning one: B's claim is
    # refused and writes nothing; composed again, it is claimed.
    next_day = DAY + timedelta(days=1)
    assert subs.claim_delivery(
        a,
        evening.id,
        next_day,
        1,
        shown_ids=[25],
        horizon=25,
        now=NOW,
        siblings_listed=set(),
        siblings_after=20,
    )
    with pytest.raises(subs.SiblingsChanged):
        subs.claim_delivery(
            b,
            morning.id,
            next_day,
            1,
            shown_ids=[25],
            horizon=25,
            now=NOW,
            siblings_listed=seen_by_b,
            siblings_after=after,
        )
    assert [d.local_date for d in subs.deliveries(b, morning.id)] == [DAY]
    listed = subs.listed_by_siblings(b, morning.id, after)
    assert listed == {12, 20, 25}
    assert subs.claim_delivery(
        b,
        morning.id,
        next_day,
        1,
        counted_ids=[25],
        status=subs.EMPTY,
        horizon=25,
        now=NOW,
        siblings_listed=listed,
        siblings_after=after,
    )

    # A digest undone (certainly not delivered) or failed lists nothing for the others.
    (first_evening, second_evening) = subs.deliveries(a, evening.id)
    subs.release_delivery(a, second_evening.id)
    subs.finish_delivery(a, first_evening.id, subs.FAILED, detail="Bad Request", now=NOW)
    assert subs.listed_by_siblings(b, morning.id, 0) == set()


def test_an_expired_lease_is_taken_over_once_with_its_message(replicas):
    a, b = replicas
    sub = subs.add_subscription(a, 1, "08:00", now=NOW)
    d = claim(a, sub.id, "A", T0 + LEASE, message='{"text": "今日摘要"}')
    later = T0 + LEASE + 1  # A died: it did not renew
    assert subs.expired_claims(b, later, WINDOW) == 1
    taken = subs.take_over_claim(b, subs.Lease("B", later + LEASE), later, WINDOW)
    assert taken == subs.TakenOver(d, sub.id, DAY, 1, '{"text": "今日摘要"}')  # type: ignore[arg-type]
    # Now B's: nobody else takes it, and A (had it only stalled) can no longer renew it.
    assert subs.take_over_claim(a, subs.Lease("C", later + LEASE), later, WINDOW) is None
    assert subs.renew_claims(a, "A", later + 2 * LEASE) == 0
    assert subs.renew_claims(b, "B", later + 2 * LEASE) == 1
    row = a.execute("SELECT claimed_by, lease_until FROM digest_deliveries WHERE id = ?", [d]).fetchone()
    assert row[0] == "B"
    assert datetime.fromisoformat(row[1]).timestamp() == later + 2 * LEASE


def test_renewing_keeps_a_claim_and_finishing_ends_it(replicas):
    a, b = replicas
    sub = subs.add_subscription(a, 1, "08:00", now=NOW)
    other = subs.add_subscription(a, 2, "08:00", now=NOW)
    d = claim(a, sub.id, "A", T0 + LEASE)
    e = claim(a, other.id, "A", T0 + LEASE)
    assert subs.renew_claims(a, "A", T0 + 2 * LEASE) == 2
    assert subs.take_over_claim(b, subs.Lease("B", T0 + 3 * LEASE), T0 + LEASE + 1, WINDOW) is None
    subs.finish_delivery(a, d, subs.SENT, message_id=7)
    # A finished claim is never taken over, and its message is not kept.
    after = T0 + 10 * LEASE
    taken = subs.take_over_claim(b, subs.Lease("B", after + LEASE), after, WINDOW)
    assert taken is not None and taken.delivery_id == e
    assert subs.take_over_claim(b, subs.Lease("B", after + LEASE), after, WINDOW) is None
    row = a.execute("SELECT status, message, lease_until FROM digest_deliveries WHERE id = ?", [d]).fetchone()
    assert tuple(row) == (subs.SENT, None, None)
    assert subs.renew_claims(a, "A", after) == 0  # nothing of A's is unfinished


def test_claims_are_taken_over_oldest_first_one_at_a_time(replicas):
    a, b = replicas
    ids = []
    for chat in (1, 2, 3):
        sub = subs.add_subscription(a, chat, "08:00", now=NOW)
        ids.append(claim(a, sub.id, "A", T0 + LEASE))
    later = T0 + LEASE + 5
    got = [
        subs.take_over_claim(r, subs.Lease(n, later + LEASE), later, WINDOW) for r, n in ((b, "B"), (a, "C"))
    ]
    assert [t.delivery_id for t in got if t] == ids[:2]
    assert subs.expired_claims(a, later, WINDOW) == 1


def test_two_replicas_taking_over_at_once_never_take_the_same_claim(replicas):
    """A and B look for expired claims at the same moment, each until none is left: every claim is taken
    by exactly one of them."""
    a, b = replicas
    ids = []
    for chat in range(1, 21):
        sub = subs.add_subscription(a, chat, "08:00", now=NOW)
        ids.append(claim(a, sub.id, "dead", T0 + LEASE))
    later = T0 + LEASE + 1
    start = threading.Barrier(2)

    def take_all(db, holder: str) -> list[int]:
        start.wait(10)
        taken = []
        while (got := subs.take_over_claim(db, subs.Lease(holder, later + LEASE), later, WINDOW)) is not None:
            taken.append(got.delivery_id)
        return taken

    with ThreadPoolExecutor(2) as pool:
        by_a, by_b = pool.map(take_all, (a, b), ("A", "B"))
    assert sorted(by_a + by_b) == ids and not set(by_a) & set(by_b)
    rows = a.execute("SELECT id, claimed_by FROM digest_deliveries ORDER BY id").fetchall()
    assert [r[1] for r in rows] == ["A" if r[0] in by_a else "B" for r in rows]


def test_old_and_leaseless_claims_are_left_and_reported(replicas):
    a, b = replicas
    legacy = subs.add_subscription(a, 1, "08:00", now=NOW)
    stale = subs.add_subscription(a, 2, "08:00", now=NOW)
    live = subs.add_subscription(a, 3, "08:00", now=NOW)
    no_lease = subs.claim_delivery(a, legacy.id, DAY, 1, now=NOW)  # before migration 10: at most once
    old = claim(a, stale.id, "A", T0 - WINDOW - 1)  # ran out longer ago than the window
    claim(a, live.id, "A", T0 + LEASE)
    assert subs.expired_claims(b, T0, WINDOW) == 0
    assert subs.take_over_claim(b, subs.Lease("B", T0 + LEASE), T0, WINDOW) is None
    assert [c.id for c in subs.unfinished_claims(b, T0, WINDOW)] == [no_lease, old]
    assert len(subs.unfinished_claims(b)) == 3  # every unfinished claim, without a clock


def test_an_empty_day_has_no_lease(replicas):
    a, _ = replicas
    sub = subs.add_subscription(a, 1, "08:00", now=NOW)
    d = subs.claim_delivery(
        a, sub.id, DAY, 1, status=subs.EMPTY, lease=subs.Lease("A", T0), message="x", now=NOW
    )
    row = a.execute("SELECT status, lease_until, message FROM digest_deliveries WHERE id = ?", [d]).fetchone()
    assert tuple(row) == (subs.EMPTY, None, None)


def test_a_due_source_is_polled_by_one_replica_until_its_lease_runs_out(replicas):
    a, b = replicas
    now = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
    source, _ = store.add_source(
        a, "http://127.0.0.1:9/feed.xml", interval=timedelta(minutes=30), feed_url="x", now=now
    )
    lease = timedelta(minutes=15)
    assert [s.id for s in store.due_sources(b, now)] == [source.id]
    assert store.claim_poll(a, source.id, now, now + lease)
    assert not store.claim_poll(b, source.id, now, now + lease)  # A polls it
    assert store.due_sources(b, now + timedelta(minutes=1)) == []
    # A died mid-poll (no record_poll): once the lease is over, the source is due again, for one replica.
    over = now + lease
    assert [s.id for s in store.due_sources(b, over)] == [source.id]
    assert store.claim_poll(b, source.id, over, over + lease)
    assert not store.claim_poll(a, source.id, over, over + lease)
    # A finished poll sets the real next poll.
    store.record_poll(b, source.id, store.PollState(over, over + timedelta(minutes=30), ok=True))
    assert store.get_source(a, source.id).next_poll_at == over + timedelta(minutes=30)  # type: ignore[union-attr]


async def test_two_pollers_on_one_database_poll_a_due_source_once(tmp_path, database_target):
    """Two replicas' source jobs tick at once: one polls the site, the other leaves the source to it."""
    now = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
    where = (
        {"database_url": SecretStr(database_target)}
        if is_postgres_url(database_target)
        else {"db": Path(database_target)}
    )
    settings = Settings(_env_file=None, seeds=tmp_path / "none", **where)  # type: ignore[call-arg]
    with FeedSite() as site:
        feed = (FEEDS / "wordpress_fulltext.xml").read_bytes().replace(b"{base}", site.base.encode())
        site.add("/feed.xml", Page(feed, "application/rss+xml", delay=0.5))  # still polling when B ticks
        db = open_db(settings.database_target)
        store.add_source(
            db, site.url("/feed.xml"), interval=timedelta(minutes=30), feed_url=site.url("/feed.xml"), now=now
        )
        db.conn.close()
        replicas = [open_services(settings, seed=False) for _ in range(2)]
        pollers = [SourcePoller(s, Fetcher(host_delay=0, timeout=5), clock=lambda: now) for s in replicas]
        try:
            started = [await poller.tick() for poller in pollers]
            assert [len(tasks) for tasks in started] == [1, 0]
            (result,) = await asyncio.gather(*started[0])
            assert result.new_titles == ("二七区召开冬季供暖保障工作会议",)
            assert await pollers[1].tick() == []  # polled: not due before its interval
            assert len(site.seen("/feed.xml")) == 1
        finally:
            for poller in pollers:
                poller.close()
            for services in replicas:
                services.close()
