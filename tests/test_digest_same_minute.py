"""A chat's subscriptions due in the same minute are planned together: each story listed once.

A reader with ``/subscribe 8:00`` and ``/subscribe 8:00 统战 保交楼`` gets one run of messages at 8:00 in which
each article appears once (the keyword digest first, all news with the rest), while each subscription's
ledger still covers everything it matched. The real Application against the Bot API emulator, with the
digest clock injected; on an SQLite file, then on PostgreSQL (conftest's `database_target`).
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.digests import schedule
from bot.digests.plan import CLAIM_ATTEMPTS, DigestConfig, new_articles_for, prepare
from bot.services import StorageLibrary
from bot.settings import Settings
from bot.telegram.digest_job import FAILED, SENT, chat_groups
from storage.database.access import Database
from storage.database.connection import open_db
from storage.records import subscriptions as subs
from storage.records.articles import last_date_by
from storage.search.engine import Searcher
from tests.bot_support import bot_settings_on, make_database
from tests.telegram_emulator import TelegramEmulator
from tests.test_digest_e2e import SH, Clock, data_id, db_of, runner, running, say


def due(sub_id: int, chat_id: int, local_time: str, keywords: tuple[str, ...], zone: str) -> schedule.Due:
    """A due digest as the scheduler gives it, for the subscription described."""
    created = datetime(2023, 4, 1, tzinfo=UTC)
    state = subs.SubscriptionState(
        subs.Subscription(sub_id, chat_id, local_time, keywords, created), zone, "zh", None
    )
    hour, minute = map(int, local_time.split(":"))
    at = datetime(2023, 4, 13, hour, minute, tzinfo=ZoneInfo(zone)).astimezone(UTC)
    return schedule.Due(sub_id, date(2023, 4, 13), at, state)


def test_chat_groups_are_per_chat_by_due_time_keyword_subscriptions_first_within_a_minute():
    items = [
        due(1, 10, "08:00", (), "Asia/Shanghai"),
        due(2, 20, "08:00", (), "Asia/Shanghai"),
        due(3, 10, "08:00", ("人才",), "Asia/Shanghai"),
        due(4, 10, "09:00", ("人才",), "Asia/Shanghai"),
        # Another chat due at the very same instant (01:00 in London is 08:00 in Shanghai): apart.
        due(5, 30, "01:00", (), "Europe/London"),
        due(6, 10, "08:00", ("二七区", "-体育"), "Asia/Shanghai"),
    ]
    assert items[4].scheduled_at == items[0].scheduled_at
    groups = chat_groups(items)
    assert [[d.subscription_id for d in g] for g in groups] == [[3, 6, 1, 4], [2], [5]]


@pytest.fixture
def settings(telegram_emulator: TelegramEmulator, tmp_path: Path, database_target: str) -> Settings:
    return bot_settings_on(telegram_emulator, database_target, tmp_path)


def listed(emu: TelegramEmulator, chat_id: int, after: int = 0) -> list[int]:
    """The article ids the chat's messages after message `after` list (their buttons), in order."""
    return [
        data_id(d)
        for m in emu.messages(chat_id)
        if m.message_id > after
        for d in m.button_data()
        if d.startswith("a:")
    ]


async def test_two_subscriptions_at_the_same_minute_list_each_story_once(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00", 9001)
        await say(emu, "/subscribe 8:00 统战 保交楼", 9001)
        # Another minute: a digest of its own (a keyword more, or the same keywords would move the 8:00 one).
        await say(emu, "/subscribe 9:00 统战 保交楼 火星基地", 9001)
        await say(emu, "/subscribe 8:00", 9002)  # the same subscriptions in separate chats
        await say(emu, "/subscribe 8:00 统战 保交楼", 9003)
        db = db_of(app)
        everything, district, later = subs.list_subscriptions(db, 9001)
        before = emu.messages(9001)[-1].message_id

        # /digest previews them as they will be sent: each story once, at 8:00 and at 9:00 (QA pass 11).
        update = emu.push_message("/digest", user=emu.user(9001, language_code="zh-hans"))
        previews = await emu.wait_for_messages(9001, 3, after=update["message"]["message_id"])
        shown = [[data_id(d) for d in m.button_data() if d.startswith("a:")] for m in previews]
        assert sorted(shown[0] + shown[1]) == [1, 2, 3, 4, 5, 6] and shown[2] == []
        assert "另有 2 篇符合的文章已在你的其他摘要里" in previews[0].text
        assert "另有 2 篇符合的文章已在你的其他摘要里" in previews[2].text
        before = previews[-1].message_id

        clock.set(2023, 4, 13, 8, 0, 20)
        report = await runner(app).run_due(app.bot)
        assert report is not None
        assert report.outcomes[everything.id] == SENT and report.outcomes[district.id] == SENT
        alone, district_alone = listed(emu, 9002), listed(emu, 9003)
        assert district_alone and set(district_alone) & set(alone)  # the two digests overlap

        together = listed(emu, 9001, before)
        assert [i for i, n in Counter(together).items() if n > 1] == []  # each story once
        assert set(together) == set(alone) | set(district_alone)  # and none missing
        # The keyword digest comes first, with its articles; all news follows with the rest.
        first, second = emu.messages(9001)[-2:]
        assert "统战" in first.text and [data_id(d) for d in first.button_data()] == district_alone
        assert "另有 2 篇符合的文章已在你的其他摘要里" in second.text
        # Each subscription's ledger covers everything it matched, as if it had been sent alone.
        assert set(subs.delivered_article_ids(db, everything.id)) >= set(alone)
        assert set(subs.delivered_article_ids(db, district.id)) == set(district_alone)
        assert [d.status for d in subs.deliveries(db, everything.id)] == [subs.SENT]

        # The 9:00 subscription of the same chat lists nothing 8:00 listed (QA pass 11): every story of
        # it came at 8:00, so no message; its ledger covers them.
        count = len(emu.messages(9001))
        clock.set(2023, 4, 13, 9, 0, 20)
        report = await runner(app).run_due(app.bot)
        assert report is not None and report.outcomes == {} and report.not_sent == 1
        assert len(emu.messages(9001)) == count
        assert set(subs.delivered_article_ids(db, later.id)) == set(district_alone)
        assert (await runner(app).run_due(app.bot)).outcomes == {}  # type: ignore[union-attr]


async def test_a_story_claimed_by_a_sibling_in_another_run_is_not_listed_again(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    """The ledger, not the run's memory, says what the chat's other digests list: a
    sibling claimed by another replica (or before a restart) keeps its articles to itself."""
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00 统战 保交楼", 9101)
        await say(emu, "/subscribe 8:00", 9101)
        district, everything = subs.list_subscriptions(db_of(app), 9101)
        clock.set(2023, 4, 13, 8, 0, 20)
        r = runner(app)
        database: Database = app.bot_data["services"].database
        (state,) = [s for s in database.read(subs.schedule_candidates) if s.id == district.id]
        due = schedule.Due(state.id, date(2023, 4, 13), clock.now, state)
        t0 = 1_000_000.0
        r.lease_clock = lambda: t0
        claimed = prepare(
            database, r.services.library, due, DigestConfig(), clock.now, subs.Lease("other", t0 + 5)
        )
        assert claimed is not None
        before = emu.messages(9101)[-1].message_id

        report = await r.run_due(app.bot)
        assert report is not None and report.outcomes == {everything.id: SENT}
        rest = listed(emu, 9101, before)
        assert rest and not set(rest) & set(
            subs.delivered_article_ids(db_of(app), district.id, shown_only=True)
        )
        # The claim's replica is gone: its kept message goes out; still each story once.
        r.lease_clock = lambda: t0 + 6
        report = await r.run_due(app.bot)
        assert report is not None and report.outcomes == {district.id: SENT}
        together = listed(emu, 9101, before)
        assert len(together) == len(set(together)) > len(rest)


async def test_a_sibling_not_delivered_leaves_its_stories_to_the_next_and_takes_them_back_covered(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    """The keyword digest certainly did not go out (502): all news lists its stories instead, and when the
    keyword digest is tried again at the next check they count as received, listed nowhere twice."""
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00 统战 保交楼", 9201)
        await say(emu, "/subscribe 8:00", 9201)
        district, everything = subs.list_subscriptions(db_of(app), 9201)
        before = emu.messages(9201)[-1].message_id
        emu.fail_with_server_error(9201, times=2)  # the send and its one retry
        clock.set(2023, 4, 13, 8, 0, 20)
        report = await runner(app).run_due(app.bot)
        assert report is not None and report.outcomes[everything.id] == SENT
        assert report.outcomes[district.id] != SENT
        together = listed(emu, 9201, before)
        assert len(together) == len(set(together)) == 6  # all news lists every story, the two included

        clock.set(2023, 4, 13, 8, 1, 20)
        report = await runner(app).run_due(app.bot)
        assert report is not None and report.outcomes == {} and report.not_sent == 1
        assert listed(emu, 9201, before) == together  # nothing listed again
        (row,) = subs.deliveries(db_of(app), district.id)
        assert row.status == subs.EMPTY
        assert len(subs.delivered_article_ids(db_of(app), district.id)) == 2  # covered all the same


# ---- two processes planning one chat's minute at once ------------------------------------------------------

RACE_CHAT = 9301
CAP = DigestConfig().cap
RACE_DAY = date(2023, 4, 13)
RACE_AT = datetime(2023, 4, 13, 8, 0, 20, tzinfo=SH)


def plan_in_process(target: str, subscription_id: int, barrier: Any, replica: str) -> None:
    """One process's `prepare` of one due digest, on its own connections to `target`: it composes, then
    waits at `barrier` for the other process to have composed too (the first time only), then claims."""
    database = Database.open(target)
    try:
        library = StorageLibrary(database, Searcher(reader=database.reader))
        (state,) = [s for s in database.read(subs.schedule_candidates) if s.id == subscription_id]
        waited: list[bool] = []

        def hold() -> None:
            if not waited:
                waited.append(True)
                barrier.wait(timeout=60)

        due = schedule.Due(subscription_id, RACE_DAY, RACE_AT, state)
        lease = subs.Lease(replica, time.time() + 3600)
        prepare(database, library, due, DigestConfig(), RACE_AT, lease, before_claim=hold)
    finally:
        database.close()


def test_two_processes_planning_a_chats_minute_at_once_list_each_story_once(
    tmp_path: Path, database_target: str
):
    """Two replicas compose the chat's two 8:00 digests at the same time, before either has claimed
    (both held at a barrier between composing and claiming): still each story is listed once, and each
    subscription's ledger covers what it matched."""
    make_database(database_target, tmp_path / "work")
    database = Database.open(database_target)
    try:
        created = RACE_AT - timedelta(hours=1)
        db = database.connection
        district = subs.add_subscription(db, RACE_CHAT, "08:00", ("统战", "保交楼"), now=created)
        everything = subs.add_subscription(db, RACE_CHAT, "08:00", now=created)
        # What each digest would list were it the chat's only one at 8:00.
        library = StorageLibrary(database, Searcher(reader=database.reader))
        horizon = database.read(subs.article_horizon)
        alone = {
            sub.id: database.read(
                new_articles_for, library, sub, horizon=horizon, cap=CAP, dated_by=last_date_by(RACE_AT)
            ).ids[:CAP]
            for sub in (district, everything)
        }
    finally:
        database.close()

    spawn = multiprocessing.get_context("spawn")
    barrier = spawn.Barrier(2)
    processes = [
        spawn.Process(target=plan_in_process, args=(database_target, sub.id, barrier, f"replica-{sub.id}"))
        for sub in (district, everything)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
    assert [p.exitcode for p in processes] == [0, 0]

    db = open_db(database_target)
    try:
        shown = {s.id: subs.delivered_article_ids(db, s.id, shown_only=True) for s in (district, everything)}
        covered = {s.id: subs.delivered_article_ids(db, s.id) for s in (district, everything)}
    finally:
        db.close()
    assert not set(shown[district.id]) & set(shown[everything.id])  # each story listed once
    assert set(alone[district.id]) | set(alone[everything.id]) <= set(shown[district.id]) | set(
        shown[everything.id]
    )  # and none missing
    # Each ledger covers what its subscription would have listed alone, listed here or by the other.
    for sub_id, ids in alone.items():
        assert ids and set(ids) <= set(covered[sub_id])


def test_a_digest_whose_siblings_keep_changing_is_composed_again_a_bounded_number_of_times(
    tmp_path: Path, database_target: str
):
    """Another process claims and undoes the sibling digest between each composition and its claim: the
    digest is composed `CLAIM_ATTEMPTS` times, then `subs.SiblingsChanged` goes to the runner with nothing
    claimed (tried again at its next check); once the sibling stays put, it is claimed around it."""
    make_database(database_target, tmp_path / "work")
    database = Database.open(database_target)
    other = open_db(database_target)  # the other process's connection
    try:
        created = RACE_AT - timedelta(hours=1)
        district = subs.add_subscription(other, RACE_CHAT, "08:00", ("统战", "保交楼"), now=created)
        everything = subs.add_subscription(other, RACE_CHAT, "08:00", now=created)
        library = StorageLibrary(database, Searcher(reader=database.reader))
        (state,) = [s for s in database.read(subs.schedule_candidates) if s.id == everything.id]
        due = schedule.Due(everything.id, RACE_DAY, RACE_AT, state)
        horizon = database.read(subs.article_horizon)
        # The story the keyword digest lists: one all news would list too.
        story = database.read(
            new_articles_for, library, everything, horizon=horizon, cap=CAP, dated_by=last_date_by(RACE_AT)
        ).ids[0]
        held: list[int] = []

        def sibling_moves() -> None:
            # The other process claims the keyword digest, or undoes its claim, meanwhile.
            if held:
                subs.release_delivery(other, held.pop())
            else:
                claimed = subs.claim_delivery(
                    other, district.id, RACE_DAY, RACE_CHAT, shown_ids=[story], now=created
                )
                assert claimed is not None
                held.append(claimed)

        compositions: list[int] = []

        def counted() -> None:
            compositions.append(1)
            sibling_moves()

        with pytest.raises(subs.SiblingsChanged):
            prepare(database, library, due, DigestConfig(), RACE_AT, before_claim=counted)
        assert len(compositions) == CLAIM_ATTEMPTS
        assert subs.deliveries(other, everything.id) == []

        if not held:
            sibling_moves()  # the keyword digest claimed, and it stays
        claimed = prepare(database, library, due, DigestConfig(), RACE_AT)
        assert claimed is not None
        listed = subs.delivered_article_ids(other, everything.id, shown_only=True)
        assert listed and story not in listed and story in subs.delivered_article_ids(other, everything.id)
    finally:
        other.close()
        database.close()


async def test_a_claim_refused_every_time_is_one_log_line_and_sent_at_the_next_check(
    telegram_emulator: TelegramEmulator,
    settings: Settings,
    database_target: str,
    caplog: pytest.LogCaptureFixture,
):
    """Issue: when another replica kept claiming and undoing a digest of the chat's minute, the runner's
    claim was refused `CLAIM_ATTEMPTS` times and logged as a failed digest with a traceback, though the
    next check retries it. It is one warning line without a traceback, the digest is not counted as
    failed, and the next check sends it. The real application and runner; the other replica writes on
    its own connection between each composition and its claim."""
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00", RACE_CHAT)
        (everything,) = subs.list_subscriptions(db_of(app), RACE_CHAT)
        other = Database.open(database_target)  # the other replica's connections
        try:
            created = RACE_AT - timedelta(hours=1)
            held: list[int] = []
            moves: list[subs.Subscription] = []

            def sibling_moves() -> None:
                # The other replica subscribes the chat at 8:00 too (after this check found its due
                # digests), then claims that digest, listing article 1, or undoes the claim.
                if not moves:
                    moves.append(
                        other.write(subs.add_subscription, RACE_CHAT, "08:00", ("统战",), now=created)
                    )
                else:
                    moves.append(moves[0])
                if held:
                    other.write(subs.release_delivery, held.pop())
                    return
                claimed = other.write(
                    subs.claim_delivery, moves[0].id, RACE_DAY, RACE_CHAT, shown_ids=[1], now=created
                )
                assert claimed is not None
                held.append(claimed)

            the_runner = runner(app)
            the_runner.before_claim = sibling_moves
            clock.set(2023, 4, 13, 8, 0, 20)
            with caplog.at_level(logging.INFO, logger="bot"):
                report = await the_runner.run_due(app.bot)
            assert report is not None and len(moves) == CLAIM_ATTEMPTS
            assert report.outcomes.get(everything.id) != FAILED
            refused = [
                r for r in caplog.records if "claim" in r.getMessage() and r.levelno >= logging.WARNING
            ]
            assert len(refused) == 1 and refused[0].exc_info is None, caplog.text
            assert "digest failed" not in caplog.text and "Traceback" not in caplog.text
            assert subs.deliveries(db_of(app), everything.id) == []  # nothing claimed: tried again

            # The other replica's digest stays claimed now: the next check sends around it.
            the_runner.before_claim = None
            if not held:
                sibling_moves()
            before = emu.messages(RACE_CHAT)[-1].message_id
            clock.set(2023, 4, 13, 8, 0, 50)
            report = await the_runner.run_due(app.bot)
            assert report is not None and report.outcomes[everything.id] == SENT
            assert 1 not in listed(emu, RACE_CHAT, before)  # the story the other digest lists
        finally:
            other.close()


async def test_a_claim_the_busy_database_refused_is_one_log_line_and_sent_at_the_next_check(
    telegram_emulator: TelegramEmulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    """QA: a digest whose claim could not be written (another process held the SQLite write lock longer
    than the wait) was logged as a failed digest with a traceback, though the next check sends it. It is
    one warning line, counted as retry_later; the next check sends it. Another thread's connection holds
    the lock between composing and claiming."""
    emu = telegram_emulator
    target = str(tmp_path / "newsbot.db")
    settings = bot_settings_on(emu, target, tmp_path)
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    locked, release = threading.Event(), threading.Event()

    def hold_the_lock() -> None:
        other = open_db(target)  # another writer, as `newsbot ingest` is
        try:
            other.execute("BEGIN IMMEDIATE")
            locked.set()
            release.wait(timeout=60)
            other.execute("ROLLBACK")
        finally:
            other.close()

    holder = threading.Thread(target=hold_the_lock)

    def lock_the_database() -> None:
        holder.start()
        assert locked.wait(timeout=30)

    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00", RACE_CHAT)
        (sub,) = subs.list_subscriptions(db_of(app), RACE_CHAT)
        the_runner = runner(app)
        the_runner.before_claim = lock_the_database
        clock.set(2023, 4, 13, 8, 0, 20)
        try:
            with caplog.at_level(logging.INFO, logger="bot"):
                report = await the_runner.run_due(app.bot)
        finally:
            release.set()
            holder.join(timeout=30)
        assert report is not None and report.outcomes[sub.id] != FAILED
        busy = [r for r in caplog.records if "busy" in r.getMessage() and r.levelno >= logging.WARNING]
        assert len(busy) == 1 and busy[0].exc_info is None, caplog.text
        assert "digest failed" not in caplog.text and "Traceback" not in caplog.text

        the_runner.before_claim = None
        clock.set(2023, 4, 13, 8, 0, 50)
        report = await the_runner.run_due(app.bot)
        assert report is not None and report.outcomes[sub.id] == SENT
