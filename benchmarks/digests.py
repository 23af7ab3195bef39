"""Digests: CPU for a digest run of 10,000 keyword subscriptions, composed the way the digest job composes
them (`bot.digests.plan.compose_for` with one `RunCache` per run and `Searcher` as the library).

    python -m benchmarks.digests                     # 10,000 subscriptions on the 20,000-article database
    python -m benchmarks.digests --size 20000 --budget 60
    python -m benchmarks.digests --quick             # 1,000 subscriptions on 1,000 articles, no profile

Three runs on a copy of the database (nothing is sent): everyone's *first* digest at once (no ledger yet:
the worst case, once per subscription), the *daily run* (every subscription had yesterday's digest and
`NEW_PER_DAY` articles arrived since: the target), both composed with `compose_for` without a clock, and
the *scheduled run*: the same day as the digest job runs it (`bot.digests.plan.prepare` per due digest,
composed at the clock of its check, one `RunCache` per check, its ledger row claimed), after a ledger of
yesterday's digests claimed at yesterday's clock, with `AHEAD` stories stored before those digests but
dated today or tomorrow (the look-back of `come_of_date` lists those whose day has come). CPU =
`time.process_time()`; when the budget runs out before every subscription is composed, the total is
extrapolated from those composed (and said so); the scheduled run goes through every check.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlite_utils

from benchmarks import corpus
from benchmarks.common import BenchmarkError, Mode, log, need_bench_extra, profile, remove_db, save_area
from benchmarks.ingest import ensure_databases, newsbot_db
from bot.digests import schedule
from bot.digests.compose import Digest
from bot.digests.plan import DEFAULT_CONFIG, RunCache, compose_for, prepare
from storage.database.access import Database
from storage.database.connection import open_db
from storage.database.writing import write_transaction
from storage.models import DEFAULT_TIMEZONE, ParsedArticle, SearchResponse
from storage.records.articles import get_articles, upsert_articles
from storage.records.subscriptions import (
    EMPTY,
    Subscription,
    SubscriptionState,
    add_subscription,
    article_horizon,
    claim_delivery,
    delivered_article_ids,
    schedule_candidates,
)
from storage.search.engine import Searcher

SUBSCRIPTIONS = 10_000
SIZE = 20_000  # articles in the database the digests read
NEW_PER_DAY = 300  # articles stored since yesterday's digests, in the daily run
LOCAL_DATE = date(2025, 1, 1)  # the day after the corpus's last date
ZONE = ZoneInfo(DEFAULT_TIMEZONE)  # every chat's (the default)
SUBSCRIBED_AT = datetime(2024, 12, 1, tzinfo=UTC)
AHEAD = 10  # stories stored before yesterday's digests but dated today or tomorrow, in the scheduled run
# Functions whose time the profile of the daily run adds up.
STAGES = {
    "compose_for",
    "last_digest",
    "new_since",
    "delivered_ids_after",
    "articles",
    "compose_digest",
}
# Those of the scheduled run.
SCHEDULED_STAGES = {
    "prepare",
    "looks_after",
    "new_since",
    "come_of_date",
    "last_digest",
    "listed_by_siblings",
    "compose_digest",
    "claim_delivery",
}


class CountingLibrary:
    """The search library, counting the keyword searches a run makes (each distinct keyword once)."""

    def __init__(self, library: Searcher) -> None:
        self.library = library
        self.searches = 0

    def search(self, query: str, *, limit: int, offset: int) -> SearchResponse:
        return self.library.search(query, limit=limit, offset=offset)

    def match_ids(self, query: str, *, limit: int) -> list[int]:
        self.searches += 1
        return self.library.match_ids(query, limit=limit)


def keyword_pool(shard: Sequence[dict[str, str]], size: int = 300) -> list[str]:
    """Topic words by how many articles of the first shard mention them, most mentioned first."""
    docs = [r["title"] + r["body"] for r in shard]
    topic = [w for w in corpus.load_vocabulary().classes["TOPIC"].words[:3000] if len(w) >= 2]
    df = {w: sum(1 for d in docs if w in d) for w in topic}
    return [w for w in sorted(topic, key=lambda w: (-df[w], w)) if df[w] > 0][:size]


def subscribe(db: sqlite_utils.Database, pool: list[str], n: int) -> list[Subscription]:
    """`n` chats with one subscription each: 1-3 keywords drawn Zipf-like from `pool`, shuffled."""
    weights = [1 / (i + 1) for i in range(len(pool))]
    rng = random.Random(11)
    db.execute("PRAGMA synchronous = OFF")  # set-up only: n single-row transactions
    subs = []
    for chat in range(1, n + 1):
        keywords = list(dict.fromkeys(rng.choices(pool, weights=weights, k=rng.choice((1, 1, 2, 2, 3)))))
        local_time = f"{rng.randint(6, 22):02d}:{rng.choice(('00', '30'))}"
        subs.append(add_subscription(db, chat, local_time, keywords, now=SUBSCRIBED_AT))
    db.execute("PRAGMA synchronous = FULL")
    rng.shuffle(subs)  # a budget-limited run then samples every kind of subscription
    return subs


def compose_all(
    subs: Sequence[Subscription], compose: Callable[[Subscription], Digest | None], budget_s: float
) -> dict[str, Any]:
    """`compose` per subscription until done or `budget_s` of CPU is spent; CPU per digest, extrapolated."""
    cpu0 = time.process_time()
    wall0 = time.perf_counter()
    done = empty = shown = counted = 0
    for sub in subs:
        digest = compose(sub)
        done += 1
        if digest is None:
            empty += 1
        else:
            shown += len(digest.shown_ids)
            counted += len(digest.counted_ids)
        if time.process_time() - cpu0 > budget_s:
            break
    cpu = time.process_time() - cpu0
    return {
        "composed": done,
        "cpu_s": cpu,
        "wall_s": time.perf_counter() - wall0,
        "cpu_per_digest_ms": cpu / done * 1000,
        "cpu_s_for_all": cpu / done * len(subs),
        "extrapolated": done < len(subs),
        "empty": empty,
        "shown": shown,
        "counted": counted,
    }


def digest_run(
    db: sqlite_utils.Database, searcher: Searcher, subs: Sequence[Subscription], horizon: int, budget_s: float
) -> dict[str, Any]:
    """One run as the digest job makes it: one `RunCache`, then `compose_for` per subscription."""
    library = CountingLibrary(searcher)
    cache = RunCache(library)

    def compose(sub: Subscription) -> Digest | None:
        return compose_for(
            db,
            cache,
            sub,
            lang="zh",
            local_date=LOCAL_DATE,
            config=DEFAULT_CONFIG,
            send_empty=False,
            horizon=horizon,
        )

    return {**compose_all(subs, compose, budget_s), "keywords_searched": library.searches}


def check_clock(local_time: str, day: date) -> datetime:
    """The moment (UTC) of the digest job's check that finds the digests of `local_time` due on `day`."""
    at = schedule.parse_time(local_time)
    assert at is not None
    return schedule.scheduled_moment(day, at, ZONE)


def store_dated_ahead(db: sqlite_utils.Database, ids: Sequence[int]) -> None:
    """Store the articles `ids` again, dated today or tomorrow (a page read again with its date misread ahead):
    the stories a digest leaves out until their day comes."""
    ahead = [
        ParsedArticle(
            title=a.title,
            paragraphs=a.paragraphs,
            title_lines=a.title_lines,
            date=(LOCAL_DATE + timedelta(days=n % 2)).isoformat(),
            byline=a.byline,
            reporters=a.reporters,
            correspondents=a.correspondents,
            source=a.source,
            url=a.url,
            published_at=a.published_at,
            origin_file=a.origin_file,
            origin_position=a.origin_position,
            title_source=a.title_source,
        )
        for n, a in enumerate(get_articles(db, ids))
    ]
    with write_transaction(db):
        stored = upsert_articles(db, ahead)
    if sorted(stored.updated_ids) != sorted(ids):
        raise BenchmarkError(f"{len(ids) - len(stored.updated_ids)} articles were not dated ahead")


def scheduled_run(path: Path, ahead: Sequence[int]) -> dict[str, Any]:
    """Today's digests as the digest job runs them: for each subscription time, its check's clock, one
    `RunCache` and `prepare` (composed at that clock, its ledger row claimed) per due digest. Every check
    runs (no budget); CPU counts composing and claiming, not reading the candidates."""
    database = Database.open(path)
    try:
        searcher = Searcher(reader=database.reader)
        searcher.search("预热")
        library = CountingLibrary(searcher)
        by_time: dict[str, list[SubscriptionState]] = {}
        for candidate in database.read(schedule_candidates):
            by_time.setdefault(candidate.subscription.local_time, []).append(candidate)
        cpu = wall = 0.0
        done = claimed = 0
        for local_time in sorted(by_time):
            now = check_clock(local_time, LOCAL_DATE)
            due = schedule.due_subscriptions(by_time[local_time], now)
            cache = RunCache(library)
            cpu0, wall0 = time.process_time(), time.perf_counter()
            for item in due:
                claimed += prepare(database, cache, item, DEFAULT_CONFIG, now) is not None
            cpu += time.process_time() - cpu0
            wall += time.perf_counter() - wall0
            done += len(due)
        listed = [
            database.read(delivered_article_ids, state.id, shown_only=True)
            for states in by_time.values()
            for state in states
        ]
    finally:
        database.close()
    if not done:
        raise BenchmarkError("scheduled run: no digest was due")
    return {
        "checks": len(by_time),
        "composed": done,
        "claimed": claimed,
        "empty": done - claimed,
        "cpu_s": cpu,
        "wall_s": wall,
        "cpu_per_digest_ms": cpu / done * 1000,
        "cpu_s_for_all": cpu,
        "extrapolated": False,
        "keywords_searched": library.searches,
        "shown": sum(len(ids) for ids in listed),
        "dated_ahead": len(ahead),
        "dated_ahead_listed": sum(len(set(ids) & set(ahead)) for ids in listed),
    }


def measure(mode: Mode, size: int, n_subs: int, budget_s: float, *, profiled: bool = True) -> dict[str, Any]:
    ensure_databases(mode, size)
    load_before = os.getloadavg()[0]
    # Scratch copies in a folder of this run's own: the corpus cache may be shared by other runs.
    scratch = Path(tempfile.mkdtemp(prefix="newsbot-digests-"))
    path = scratch / "digest.db"
    shutil.copy(newsbot_db(mode, size), path)
    db = open_db(path)
    shard0 = list(corpus.read_records(corpus.corpus_paths(corpus.SHARD)[:1]))
    t0 = time.perf_counter()
    subs = subscribe(db, keyword_pool(shard0), n_subs)
    setup_s = time.perf_counter() - t0
    searcher = Searcher(db)
    searcher.search("预热")
    horizon = article_horizon(db)

    log(f"  everyone's first digest ({n_subs:,} subscriptions, CPU budget {budget_s:.0f} s)")
    first = digest_run(db, searcher, subs, horizon, budget_s)

    # Yesterday's digest for everyone, claimed at yesterday's clock: the ledger horizon leaves the newest
    # NEW_PER_DAY articles as new.
    new = min(NEW_PER_DAY, horizon // 2)
    yesterday = LOCAL_DATE - timedelta(days=1)
    db.execute("PRAGMA synchronous = OFF")  # set-up only
    for sub in subs:
        claim_delivery(
            db,
            sub.id,
            yesterday,
            sub.chat_id,
            status=EMPTY,
            horizon=horizon - new,
            now=check_clock(sub.local_time, yesterday),
        )
    db.execute("PRAGMA synchronous = FULL")
    log(f"  the daily run: {new} articles new since yesterday's digests")
    daily = {**digest_run(db, searcher, subs, horizon, budget_s), "new_articles": new}
    for name, run in (("first digests", first), ("daily run", daily)):
        if run["composed"] and run["empty"] == run["composed"]:
            raise BenchmarkError(f"{name}: all {run['composed']} digests were empty")

    figures: dict[str, Any] = {
        "subscriptions": n_subs,
        "articles": size,
        "distinct_keyword_sets": len({s.keywords for s in subs}),
        "distinct_keywords": len({k for s in subs for k in s.keywords}),
        "setup_s": setup_s,
        "budget_s": budget_s,
        "first": first,
        "daily": daily,
        "cpu_s": daily["cpu_s_for_all"],
        "cpu_s_extrapolated": daily["extrapolated"],
    }
    if profiled and not mode.quick:
        log("  the daily run under pyinstrument")
        figures["profile"] = {
            **profile(
                lambda: digest_run(db, searcher, subs, horizon, budget_s),
                interval=0.001,
                names=STAGES,
                file="digest.txt",
            ),
            "subscriptions": n_subs,
        }

    # Stories stored before yesterday's digests, dated today or tomorrow: spread over the 2,000 stored last.
    ahead = list(range(horizon - new, max(0, horizon - new - 2000), -50))[:AHEAD]
    store_dated_ahead(db, ahead)
    db.close()
    snapshot = path.with_name("digest-before-scheduled.db")
    shutil.copy(path, snapshot)
    log(
        f"  the scheduled run: today's checks at their clocks, {len(ahead)} stories stored ahead of their date"
    )
    scheduled = scheduled_run(path, ahead)
    if scheduled["claimed"] == 0:
        raise BenchmarkError("scheduled run: every digest was empty")
    figures["scheduled"] = scheduled
    if profiled and not mode.quick:
        log("  the scheduled run under pyinstrument")
        remove_db(path)
        shutil.copy(snapshot, path)
        figures["scheduled_profile"] = {
            **profile(
                lambda: scheduled_run(path, ahead),
                interval=0.001,
                names=SCHEDULED_STAGES,
                file="digest-scheduled.txt",
            ),
            "subscriptions": n_subs,
        }
    figures.update(
        load_before=load_before,
        load_after=os.getloadavg()[0],
        at=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    )
    shutil.rmtree(scratch)
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.digests", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1,000 subscriptions on 1,000 articles, no profile")
    ap.add_argument("--size", type=int, default=SIZE, help=f"articles in the database (default {SIZE:,})")
    ap.add_argument("--subscriptions", type=int, default=SUBSCRIPTIONS, help="keyword subscriptions")
    ap.add_argument("--budget", type=float, default=60.0, help="CPU seconds per run before extrapolating")
    ap.add_argument("--no-profile", action="store_true", help="the runs alone, without pyinstrument's")
    args = ap.parse_args(argv)
    mode = Mode(quick=args.quick)
    if not mode.quick:
        need_bench_extra()
    log(f"digests for {1000 if mode.quick else args.subscriptions:,} subscriptions")
    if mode.quick:
        figures = measure(mode, 1000, 1000, budget_s=10.0)
    else:
        figures = measure(mode, args.size, args.subscriptions, args.budget, profiled=not args.no_profile)
    results = save_area(mode, "digests", figures)
    d, s = figures["daily"], figures["scheduled"]
    print(
        f"digests: daily run for {figures['subscriptions']:,} subscriptions {d['cpu_s_for_all']:.2f} s CPU; "
        f"first digests {figures['first']['cpu_s_for_all']:.2f} s CPU; scheduled run {s['cpu_s']:.2f} s CPU "
        f"({s['cpu_per_digest_ms']:.3f} ms per digest, {s['claimed']:,} claimed, {s['empty']:,} empty, "
        f"{s['shown']:,} listed, {s['dated_ahead_listed']} of them stored ahead of their date)"
    )
    if not mode.quick:
        from benchmarks.report import render

        render(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
