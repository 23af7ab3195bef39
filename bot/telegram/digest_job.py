"""The digest job: every ~30 s, find the subscriptions that are due, compose, send, record.

Subscriptions and the delivery ledger live in the database (`storage.records.subscriptions`), not in the
scheduler's memory: the job is one repeating PTB JobQueue job (APScheduler underneath) that asks the
database what is due at the injected clock's ``now`` (`bot.digests.schedule`), so a restart loses nothing
and a digest missed while the bot was down goes out when it comes back (within the grace
period). Several replicas (``newsbot serve`` processes on one database) each run this job; the ledger
decides which of them sends what.

Delivery of one digest:

1. **compose and claim** (one database transaction, right before this digest is sent): the
   subscription's not-yet-received articles that match its keywords (the same `Searcher` as /search, one
   search per keyword, any keyword matches; no keywords: every article), newest first; the first ``cap``
   are listed and the rest counted with a pointer to /search. The ledger row ``(subscription, local
   date)``, the covered articles and the message itself are written *before* sending, under this
   replica's **lease** (`replica_id`, until now + ``NEWSBOT_DIGEST_LEASE_SECONDS``). If the row exists
   already (another replica, another run, or this day's digest before a restart) nothing is sent.
2. **send**, by a few concurrent workers, through the one send path (`bot.telegram.sending.send`): the
   application's `SendBudget` paces every message, replies and digests together, and
   `bot.telegram.sending.classify` decides about refusals. Flood limit (429): everyone waits what
   Telegram asked, then the message is retried. Migrated group: the chat's settings and subscriptions
   move to the new id, then the message is sent there. Blocked by the user: the chat is paused and
   logged, the claim undone, the other chats go on. Bad request: recorded as failed (not retried that day).
3. **record** the outcome: ``sent`` with the message id; the lease and the kept message go.

While a run goes on, the replica renews the leases of the claims it holds every third of the lease.

A chat's due digests (`chat_groups`) are one worker's: claimed and sent one after the other, by due
time, keyword subscriptions first within a minute, each planned once the previous one is recorded, so
each lists only the stories the chat's other digests have not (`bot.digests.plan.prepare`), at that
minute or since its own last digest. Another replica planning a digest of the same chat at the same
moment is caught at the claim: a claim whose siblings' listing changed since composing is refused and
the digest composed again.

If a replica dies between 1 and 3 — **every subscriber still gets the digest; a duplicate only for a
message in flight**. Its claims stop being renewed; once their lease has run out, another replica (or
the same one restarted) takes each over (`storage.records.subscriptions.take_over_claim`, one atomic
conditional update, so one replica gets it) at its next check and sends the message kept with the claim,
then records it. What was recorded as sent is never sent again. The one thing nobody can know is whether
a message whose request had left when the process died reached Telegram: it is sent again. A worker
holds one message in flight at a time and records it right after Telegram answers, so a crash repeats at
most one message per worker (``DigestConfig.workers``), and usually none: the claims a dead replica
held were mostly still waiting for their turn in the send budget. Readers get every digest, and rarely
one twice, rather than missing one (the rule before issue 23 was the reverse: a claim left by a dead
process was never sent).

Claims are taken over for the grace period after their lease ran out (``NEWSBOT_DIGEST_GRACE_HOURS``);
older ones, and claims written without a lease (before migration 10), are logged as warnings at the next
start and left alone (`storage.records.subscriptions.unfinished_claims`). ``TimedOut``, where Telegram
may or may not have delivered the message, is recorded as failed and not repeated. A message that
certainly was not delivered (``Forbidden``, a network error before sending, flood retries exhausted) has
its claim undone, so a later run (within the grace period) or a later day can deliver those articles.
A replica that stalls longer than the lease (a frozen host) can lose its claims to another replica and
still send: a lease shorter than the longest stall trades that duplicate for a faster takeover. Lease
times are wall-clock seconds, so replicas on several hosts need their clocks in step (NTP) to well
within the lease.

Articles ingested by ``newsbot ingest`` into the same database (WAL) while the bot runs are simply
there at the next check: nothing is cached between runs. With ``NEWSBOT_INBOX`` set, each check first
ingests the page files dropped into that directory (`bot.ops.inbox`, one replica at a time), in a worker
thread and in short batches, so chats are answered meanwhile.

Reads (due subscriptions, composing) use read connections; the ledger and the heartbeat are short writes
on the one write path, which waits a bounded time for the lock (`Services.run_write`). A claim that finds
the database busy fails like any other database error: logged, and the digest is tried again at the next
check. Recording a sent message is tried a few times more, since a claim left unrecorded would be sent
again by whoever takes it over.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from telegram import Bot
from telegram.ext import Application, Job

from bot.chat.exchange import Who
from bot.chat.keyboards import opened_articles
from bot.chat.replies import Reply
from bot.chat.result_pages import ResultPages
from bot.clock import utc_now
from bot.digests import schedule
from bot.digests.plan import (
    CLAIM_ATTEMPTS,
    DEFAULT_CONFIG,
    Claimed,
    DigestConfig,
    DigestServices,
    RunCache,
    prepare,
    resume,
)
from bot.ops.inbox import ingest_inbox, warn_if_unusable
from bot.telegram.context import SERVICES, BotApplication, BotContext, services_in
from bot.telegram.sending import Status, send
from storage.database.health import beat
from storage.errors import DatabaseBusy, DatabaseError
from storage.records import subscriptions as subs

log = logging.getLogger(__name__)

ItemT = TypeVar("ItemT")
RUNNER_KEY = "digest_runner"
JOB_NAME = "digests"
HEARTBEAT = "digest_scheduler"  # the name /healthz and `newsbot health` know this job by
RECORD_ATTEMPTS = 3  # tries to record a sent message while the database is busy


def replica_id() -> str:
    """This process's name in the claims it holds: host, process id and a random part (a process that
    reuses a dead one's id is still another replica)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


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


def _all_news(due: schedule.Due) -> bool:
    state = due.state
    return isinstance(state, subs.SubscriptionState) and not state.subscription.keywords


def chat_groups(due: Sequence[schedule.Due]) -> list[list[schedule.Due]]:
    """The due digests grouped by chat, in the order each chat first appears: a chat's digests are
    planned one after the other so each story is listed once (`plan.prepare`), by due time (a catch-up
    of 08:00 and 20:00 sends 08:00's first), keyword subscriptions first within a minute, so all news
    lists what they did not. Pure."""
    groups: OrderedDict[int, list[schedule.Due]] = OrderedDict()
    for item in due:
        groups.setdefault(_due_chat(item), []).append(item)
    return [
        sorted(group, key=lambda d: (d.scheduled_at, _all_news(d), d.subscription_id))
        for group in groups.values()
    ]


# ---- the runner ----------------------------------------------------------------------------------------

SENT = "sent"
BLOCKED = "blocked"
FAILED = "failed"
RETRY_LATER = "retry_later"


@dataclass
class RunReport:
    due: int = 0
    not_sent: int = 0  # nothing new (recorded as empty), or the day was claimed already
    taken_over: int = 0  # claims of a replica that died, sent by this one
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
        replica: str | None = None,
        lease_clock: Callable[[], float] = time.time,
        pages: ResultPages | None = None,
    ) -> None:
        self.services = services
        # The reader's last list: a digest sent to a private chat is what its reader's 第2条 and 还有吗
        # refer to, as a /digest typed is.
        self.pages = pages
        self.config = config
        self.clock = clock
        self.inbox = inbox  # NEWSBOT_INBOX: ingested before each check
        self.replica = replica or replica_id()
        self.lease_clock = lease_clock  # wall clock, seconds: leases outlive processes
        # Called between composing a digest and claiming it (`prepare`'s before_claim): tests make
        # another replica write there.
        self.before_claim: Callable[[], object] | None = None
        self._running = False
        self._started = False

    def lease(self) -> subs.Lease:
        """A lease for a claim made or renewed now."""
        return subs.Lease(self.replica, self.lease_clock() + self.config.lease_seconds)

    @property
    def takeover_window(self) -> float:
        """Seconds after its lease ran out during which a claim is still taken over (the grace period)."""
        return self.config.grace.total_seconds()

    async def report_unfinished_claims(self) -> None:
        """Log the digests claimed but never recorded as sent that nobody will take over (see the module doc)."""
        found = await self.services.run_read(subs.unfinished_claims, self.lease_clock(), self.takeover_window)
        for claim in found:
            log.warning(
                "a digest was claimed but never recorded as sent (the process stopped in between), "
                "too long ago or without a lease to be taken over; not resent",
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
        expired = await self.services.run_read(subs.expired_claims, self.lease_clock(), self.takeover_window)
        library = RunCache(self.services.library)
        queue: asyncio.Queue[list[schedule.Due]] = asyncio.Queue()
        for group in interleave_by_chat(chat_groups(due), key=lambda g: _due_chat(g[0])):
            queue.put_nowait(group)

        async def worker() -> None:
            # First the claims of replicas that died, then the due digests; each is claimed (or taken
            # over) right before it is sent, so a crash repeats at most the message in flight. A chat's
            # digests of one minute go one after the other, each planned once the previous is recorded.
            while expired and await self._take_over_one(bot, report):
                pass
            while True:
                try:
                    group = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                for item in group:
                    if await self._prepare_and_deliver(bot, item, library, now, report) == BLOCKED:
                        break  # the chat is paused: its other digests wait with it

        keeper = asyncio.create_task(self._keep_leases(), name="digest leases")
        try:
            workers = max(1, min(self.config.workers, len(due) + expired))
            await asyncio.gather(*(worker() for _ in range(workers)))
        finally:
            keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await keeper
        if due or report.taken_over:
            log.info(
                "digest run",
                extra={
                    "due": report.due,
                    "taken_over": report.taken_over,
                    "sent": report.count(SENT),
                    "blocked": report.count(BLOCKED),
                    "failed": report.count(FAILED),
                    "retry_later": report.count(RETRY_LATER),
                    "not_sent": report.not_sent,
                },
            )
        return report

    async def _prepare_and_deliver(
        self, bot: Bot, item: schedule.Due, library: RunCache, now: datetime, report: RunReport
    ) -> str | None:
        """Compose, claim and send one due digest; its outcome (None when there was nothing to send)."""
        extra = {"subscription_id": item.subscription_id}
        try:
            claimed = await self.services.run(
                prepare,
                self.services.database,
                library,
                item,
                self.config,
                now,
                self.lease(),
                before_claim=self.before_claim,
            )
        except (subs.SiblingsChanged, DatabaseBusy) as exc:
            # Nothing was claimed and the next check composes it again: expected (replicas changing the
            # chat's digests, or another writer holding the database), so one line.
            why = (
                "the database was busy"
                if isinstance(exc, DatabaseBusy)
                else f"the chat's other digests kept changing ({CLAIM_ATTEMPTS} tries)"
            )
            log.warning("digest not claimed: %s; tried again at the next check", why, extra=extra)
            report.outcomes[item.subscription_id] = RETRY_LATER
            return RETRY_LATER
        except Exception:
            # One broken digest (a bug, a database error) must not stop the others; it is logged with its
            # traceback and, never claimed, tried again at the next check.
            log.exception("digest failed", extra=extra)
            report.outcomes[item.subscription_id] = FAILED
            return FAILED
        if claimed is None:
            report.not_sent += 1
            return None
        try:
            outcome = report.outcomes[item.subscription_id] = await self.deliver(bot, claimed)
        except Exception:
            log.exception("digest failed", extra=extra)
            report.outcomes[item.subscription_id] = FAILED
            return FAILED
        return outcome

    async def _take_over_one(self, bot: Bot, report: RunReport) -> bool:
        """Take over and deliver one claim whose replica died; False when none is left."""
        try:
            taken = await self.services.run_write(
                subs.take_over_claim, self.lease(), self.lease_clock(), self.takeover_window
            )
        except DatabaseError:
            log.exception("could not take over a digest claim; tried again at the next check")
            return False
        if taken is None:
            return False
        report.taken_over += 1
        extra = {"subscription_id": taken.subscription_id, "local_date": taken.local_date.isoformat()}
        log.info("digest claimed by a replica that stopped: taken over and sent", extra=extra)
        try:
            report.outcomes[taken.subscription_id] = await self.deliver(bot, resume(taken))
        except Exception:
            log.exception("digest failed", extra=extra)
            report.outcomes[taken.subscription_id] = FAILED
        return True

    async def _keep_leases(self) -> None:
        """Renew this replica's claims every third of the lease while a run goes on."""
        while True:
            await asyncio.sleep(self.config.lease_seconds / 3)
            try:
                lease = self.lease()
                await self.services.run_write(subs.renew_claims, lease.holder, lease.until)
            except DatabaseError:
                log.warning("digest leases not renewed: database error; tried again shortly", exc_info=True)

    async def _record(self, fn: Callable[..., object], /, *args: Any, **kwargs: Any) -> None:
        """Record an outcome; a busy database is tried again (an unrecorded sent claim would be resent)."""
        for attempt in range(RECORD_ATTEMPTS):
            try:
                await self.services.run_write(fn, *args, **kwargs)
                return
            except DatabaseBusy:
                if attempt == RECORD_ATTEMPTS - 1:
                    raise
                log.warning("database busy while recording a digest; trying again")

    async def _remember_listed(self, chat_id: int, digest: Reply) -> None:
        """Keep the stories a digest sent to a private chat listed as its reader's last list (a private
        chat's id is its reader's; in a group, whose follow-up it would be is unknown, so nothing is kept)."""
        listed = opened_articles(digest)
        if self.pages is None or chat_id <= 0 or not listed:
            return
        rest = [digest.rest_command] if digest.rest_command else []
        await self.services.run(
            self.pages.remember_digest, listed, Who(user_id=chat_id, chat_id=chat_id), rest
        )

    async def deliver(self, bot: Bot, item: Claimed) -> str:
        """Send one claimed digest through the one send path; record the outcome in the ledger."""
        write = self.services.run_write

        async def follow(old_chat_id: int, new_chat_id: int) -> None:
            await write(subs.migrate_chat, old_chat_id, new_chat_id)

        sent = await send(bot, item.chat_id, Reply(item.digest.text, item.digest.buttons), on_migrate=follow)
        extra = {"chat_id": sent.chat_id, "subscription_id": item.subscription_id, "error": sent.detail}
        if sent.status is Status.SENT:
            message_id = sent.message.message_id if sent.message is not None else None
            await self._record(subs.finish_delivery, item.delivery_id, subs.SENT, message_id=message_id)
            await self._remember_listed(sent.chat_id, item.digest)
            return SENT
        if sent.status is Status.BLOCKED:
            log.warning("digest: the chat blocked the bot; its subscriptions are paused", extra=extra)
            await write(subs.pause_chat, sent.chat_id, sent.detail)
            await write(subs.release_delivery, item.delivery_id)
            return BLOCKED
        if sent.status in (Status.FAILED, Status.TIMED_OUT):
            # Refused, or perhaps delivered (timed out): not repeated.
            await self._record(subs.finish_delivery, item.delivery_id, subs.FAILED, detail=sent.detail)
            return FAILED
        log.warning("digest: not sent; will retry at the next check", extra=extra)
        await write(subs.release_delivery, item.delivery_id)
        return RETRY_LATER


# ---- wiring into the Telegram application ----------------------------------------------------------------


def runner_of(application: Application[Any, Any, Any, Any, Any, Any]) -> DigestRunner | None:
    """The application's digest runner, created on first use once the services are open (post_init).

    The clock is the services' (`build_application`'s `clock`: the system clock unless injected), the
    one the chat reads too. The runner's
    first check logs the claims a crash left unfinished that nobody will take over (see the module
    docstring). Each runner is one replica (`replica_id`).
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
        clock=services.clock,
        inbox=services.settings.inbox,
        pages=services.conversation.pages,
    )
    if runner.inbox is not None:
        warn_if_unusable(runner.inbox)
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
