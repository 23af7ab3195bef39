"""The digest job: every ~30 s, find the subscriptions that are due, compose, send, record.

Subscriptions and the delivery ledger live in SQLite (`storage.records.subscriptions`), not in the scheduler's
memory: the job is one repeating PTB JobQueue job (APScheduler underneath) that asks the database what
is due at the injected clock's ``now`` (`bot.digests.schedule`), so a restart loses nothing and a digest missed
while the bot was down goes out when it comes back (same local day, within the grace period).

Delivery of one digest:

1. **compose and claim** (one database transaction, right before this digest is sent): the subscription's not-yet-received articles that
   match its keywords (the same `Searcher` as /search, one search per keyword, any keyword matches;
   no keywords: every article), newest first; the first ``cap`` are listed and the rest counted with a
   pointer to /search. The ledger row ``(subscription, local date)`` and the covered articles are
   written *before* sending. If the row exists already (another run, or this day's digest before a
   restart) nothing is sent.
2. **send**, by a few concurrent workers, through the one send path (`bot.telegram.sending.send`): the
   application's `SendBudget` paces every message, replies and digests together, and
   `bot.telegram.sending.classify` decides about refusals. Flood limit (429): everyone waits what
   Telegram asked, then the message is retried. Migrated group: the chat's settings and subscriptions
   move to the new id, then the message is sent there. Blocked by the user: the chat is paused and
   logged, the claim undone, the other chats go on. Bad request: recorded as failed (not retried that day).
3. **record** the outcome: ``sent`` with the message id.

If the process dies between 1 and 3 — **at most once**. The claim is committed before the message is
sent, so after a crash the claim is still there and the digest is *not* sent again: the reader misses
that day's digest (its articles are recorded as covered; they stay searchable) rather than receiving
it twice. A duplicate push is the complaint readers of comparable bots voice most; a missed one is
rare (the window is one HTTP request) and visible: claims left unfinished are logged as warnings at the
next start (`storage.records.subscriptions.unfinished_claims`). The same rule applies to ``TimedOut``, where
Telegram may or may not have delivered the message. A message that certainly was not delivered
(``Forbidden``, a network error before sending, flood retries exhausted) has its claim undone, so a
later run (within the grace period) or a later day can deliver those articles.

Articles ingested by ``newsbot ingest`` into the same database (WAL) while the bot runs are simply
there at the next check: nothing is cached between runs. With ``NEWSBOT_INBOX`` set, each check first
ingests the page files dropped into that directory (`bot.ops.inbox`), in a worker thread and in short
batches, so chats are answered meanwhile.

Reads (due subscriptions, composing) use read connections; the ledger and the heartbeat are short writes
on the one write path, which waits a bounded time for the lock (`Services.run_write`). A claim or ledger
write that still finds the database busy fails like any other database error: logged, and the digest is
tried again at the next check if it was never claimed.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from telegram import Bot
from telegram.ext import Application, Job

from bot.chat.replies import Reply
from bot.digests import schedule
from bot.digests.plan import DEFAULT_CONFIG, Claimed, DigestConfig, DigestServices, RunCache, prepare, utc_now
from bot.ops.inbox import ingest_inbox
from bot.telegram.context import SERVICES, BotApplication, BotContext, services_in
from bot.telegram.sending import Status, send
from storage.database.health import beat
from storage.errors import DatabaseBusy
from storage.records import subscriptions as subs

log = logging.getLogger(__name__)

ItemT = TypeVar("ItemT")
RUNNER_KEY = "digest_runner"
CLOCK_KEY = "digest_clock"  # optional ``() -> aware datetime`` in bot_data, for tests
JOB_NAME = "digests"
HEARTBEAT = "digest_scheduler"  # the name /healthz and `newsbot health` know this job by

# ---- order ----------------------------------------------------------------------------------------------


def interleave_by_chat(items: Sequence[ItemT], key: Callable[[ItemT], int]) -> list[ItemT]:
    """Round-robin over chats: every chat's first item, then every chat's second, ..."""
    by_chat: OrderedDict[int, list[ItemT]] = OrderedDict()
    for item in items:
        by_chat.setdefault(key(item), []).append(item)
    out: list[ItemT] = []
    depth = 0
    while len(out) < len(items):
        for queue in by_chat.values():
            if depth < len(queue):
                out.append(queue[depth])
        depth += 1
    return out


def _due_chat(due: schedule.Due) -> int:
    state = due.state
    return state.chat_id if isinstance(state, subs.SubscriptionState) else 0


# ---- the runner ----------------------------------------------------------------------------------------

SENT = "sent"
BLOCKED = "blocked"
FAILED = "failed"
RETRY_LATER = "retry_later"


@dataclass
class RunReport:
    due: int = 0
    not_sent: int = 0  # nothing new (recorded as empty), or the day was claimed already
    outcomes: dict[int, str] = field(default_factory=dict)  # subscription id → SENT/BLOCKED/...

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes.values() if o == outcome)


class DigestRunner:
    """Finds due digests and delivers them. One per application; ``clock`` is injected for tests."""

    def __init__(
        self,
        services: DigestServices,
        config: DigestConfig = DEFAULT_CONFIG,
        *,
        clock: Callable[[], datetime] = utc_now,
        inbox: Path | None = None,
    ) -> None:
        self.services = services
        self.config = config
        self.clock = clock
        self.inbox = inbox  # NEWSBOT_INBOX: ingested before each check
        self._running = False
        self._started = False

    async def report_unfinished_claims(self) -> None:
        """Log the digests a previous process claimed but never recorded as sent (see the module doc)."""
        for claim in await self.services.run_read(subs.unfinished_claims):
            log.warning(
                "a digest was claimed but never recorded as sent (the process stopped in between); not resent",
                extra={"subscription_id": claim.subscription_id, "local_date": claim.local_date.isoformat()},
            )

    async def run_due(self, bot: Bot, now: datetime | None = None) -> RunReport | None:
        """One check: claim and send every digest due at ``now`` (the clock's). None if a run is going on."""
        if self._running:
            log.debug("digest run still in progress; this check is skipped")
            return None
        self._running = True
        try:
            if not self._started:
                self._started = True
                await self.report_unfinished_claims()
            return await self._run(bot, now or self.clock())
        finally:
            self._running = False

    async def _run(self, bot: Bot, now: datetime) -> RunReport:
        report = RunReport()
        candidates = await self.services.run_read(subs.schedule_candidates)
        due = schedule.due_subscriptions(candidates, now, grace=self.config.grace)
        report.due = len(due)
        library = RunCache(self.services.library)
        queue: asyncio.Queue[schedule.Due] = asyncio.Queue()
        for item in interleave_by_chat(due, key=_due_chat):
            queue.put_nowait(item)

        async def worker() -> None:
            # Each digest is claimed right before it is sent, so a crash loses at most the ones in flight.
            while True:
                try:
                    item = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                try:
                    claimed = await self.services.run(
                        prepare, self.services.database, library, item, self.config, now
                    )
                    if claimed is None:
                        report.not_sent += 1
                    else:
                        report.outcomes[item.subscription_id] = await self.deliver(bot, claimed)
                except Exception:
                    # One broken digest (a bug, a database error) must not stop the others; it is logged
                    # with its traceback and, if it was never claimed, tried again at the next check.
                    log.exception("digest failed", extra={"subscription_id": item.subscription_id})
                    report.outcomes[item.subscription_id] = FAILED

        await asyncio.gather(*(worker() for _ in range(max(1, min(self.config.workers, len(due))))))
        if due:
            log.info(
                "digest run",
                extra={
                    "due": report.due,
                    "sent": report.count(SENT),
                    "blocked": report.count(BLOCKED),
                    "failed": report.count(FAILED),
                    "retry_later": report.count(RETRY_LATER),
                    "not_sent": report.not_sent,
                },
            )
        return report

    async def deliver(self, bot: Bot, item: Claimed) -> str:
        """Send one claimed digest through the one send path; record the outcome in the ledger."""
        write = self.services.run_write

        async def follow(old_chat_id: int, new_chat_id: int) -> None:
            await write(subs.migrate_chat, old_chat_id, new_chat_id)

        sent = await send(bot, item.chat_id, Reply(item.digest.text, item.digest.buttons), on_migrate=follow)
        extra = {"chat_id": sent.chat_id, "subscription_id": item.subscription_id, "error": sent.detail}
        if sent.status is Status.SENT:
            message_id = sent.message.message_id if sent.message is not None else None
            await write(subs.finish_delivery, item.delivery_id, subs.SENT, message_id=message_id)
            return SENT
        if sent.status is Status.BLOCKED:
            log.warning("digest: the chat blocked the bot; its subscriptions are paused", extra=extra)
            await write(subs.pause_chat, sent.chat_id, sent.detail)
            await write(subs.release_delivery, item.delivery_id)
            return BLOCKED
        if sent.status in (Status.FAILED, Status.TIMED_OUT):
            # Refused, or perhaps delivered (timed out): at most once, so not repeated.
            await write(subs.finish_delivery, item.delivery_id, subs.FAILED, detail=sent.detail)
            return FAILED
        log.warning("digest: not sent; will retry at the next check", extra=extra)
        await write(subs.release_delivery, item.delivery_id)
        return RETRY_LATER


# ---- wiring into the Telegram application ----------------------------------------------------------------


def runner_of(application: Application[Any, Any, Any, Any, Any, Any]) -> DigestRunner | None:
    """The application's digest runner, created on first use once the services are open (post_init).

    The clock is ``bot_data["digest_clock"]`` when set (tests), else the system clock. The runner's
    first check logs the claims a crash left unfinished (see the module docstring).
    """
    runner = application.bot_data.get(RUNNER_KEY)
    if isinstance(runner, DigestRunner):
        return runner
    if SERVICES not in application.bot_data:
        return None
    services = services_in(application.bot_data)
    runner = DigestRunner(
        services,
        DigestConfig.from_settings(services.settings),
        clock=application.bot_data.get(CLOCK_KEY, utc_now),
        inbox=services.settings.inbox,
    )
    application.bot_data[RUNNER_KEY] = runner
    return runner


async def digest_tick(context: BotContext) -> None:
    """The repeating job: ingest the inbox (if ``NEWSBOT_INBOX`` is set), then `DigestRunner.run_due`."""
    runner = runner_of(context.application)
    if runner is None:
        return
    if runner.inbox is not None:
        await runner.services.run(ingest_inbox, runner.services.database, runner.inbox)
    report = await runner.run_due(context.bot)
    # /healthz and `newsbot health --require digest_scheduler` read this heartbeat.
    detail = "busy" if report is None else f"due={report.due} sent={report.count(SENT)}"
    try:
        await runner.services.run_write(beat, HEARTBEAT, detail=detail)
    except DatabaseBusy:
        log.warning("heartbeat not recorded: database busy; the next check records it")


def schedule_digest_job(application: BotApplication, interval: float) -> Job[BotContext] | None:
    """Schedule `digest_tick` every ``interval`` seconds on the application's JobQueue (APScheduler).

    APScheduler's default misfire grace (1 s) would silently drop a late run: here a late run still
    runs (``misfire_grace_time=None``), missed runs are coalesced into one, and a run that takes longer
    than the interval makes the next check return at once instead of overlapping.
    """
    if application.job_queue is None:
        log.warning("no JobQueue (python-telegram-bot[job-queue] missing): digests will not be sent")
        return None
    return application.job_queue.run_repeating(
        digest_tick,
        interval=interval,
        first=min(1.0, interval),
        name=JOB_NAME,
        job_kwargs={"misfire_grace_time": None, "coalesce": True, "max_instances": 2},
    )
