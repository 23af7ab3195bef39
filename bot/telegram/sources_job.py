"""Polling web sources inside ``newsbot serve``, on the same PTB JobQueue as the digests.

A repeating job (every ``NEWSBOT_SOURCES_CHECK_SECONDS``) asks the database which sources are due
(`storage.records.sources.due_sources`: each source at its own interval, later while it backs off) and
starts a poll for each one not already being polled. Polls run in a small thread pool of their own
(`bot.sources.poll.poll_source`: network work outside the database, the store a short write), never in
the threads that answer chats, and the job does not wait for them: a slow or dead site delays nothing
but itself. New articles are in the shared database at once: searchable, in /latest, and seen by the
next digest check.

Several replicas (``newsbot serve`` processes) share the database: each due poll is first claimed in it
(`storage.records.sources.claim_poll`: the source's next poll moves ``POLL_LEASE`` ahead in one
conditional update), so one replica polls a source and the others skip it. A replica that dies mid-poll
leaves the lease to run out; the source is then due again for everyone. A poll that outlasts its lease
may meet a second one: harmless, as a poll stores only links not stored yet.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from telegram.ext import Application, Job

from bot.clock import utc_now
from bot.services import Services, fetcher_for
from bot.sources.fetch import Fetcher
from bot.sources.poll import PollResult, poll_source
from bot.telegram.context import SERVICES, BotApplication, BotContext, services_in
from storage.database.health import beat
from storage.errors import DatabaseBusy
from storage.records import sources as store

log = logging.getLogger(__name__)

JOB_NAME = "sources"
POLLER_KEY = "sources_poller"
HEARTBEAT = "sources_poller"
WORKERS = 4
# How long a claimed poll keeps other replicas away: longer than a poll takes (50 items, 15 s timeouts).
POLL_LEASE = timedelta(minutes=15)


class SourcePoller:
    """Starts due polls without waiting for them; one poll per source at a time."""

    def __init__(
        self, services: Services, fetcher: Fetcher, *, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.services = services
        self.fetcher = fetcher
        self.clock = clock
        self._pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="source-poll")
        self._running: dict[int, asyncio.Task[PollResult]] = {}

    async def tick(self) -> list[asyncio.Task[PollResult]]:
        """Start a poll for every due source not already being polled; returns the tasks started."""
        now = self.clock()
        due = await self.services.run_read(store.due_sources, now)
        started = []
        for source in due:
            if source.id in self._running:
                continue
            try:
                mine = await self.services.run_write(store.claim_poll, source.id, now, now + POLL_LEASE)
            except DatabaseBusy:
                log.warning("source poll not claimed: database busy; tried at the next check")
                continue
            if not mine:  # another replica polls it
                continue
            task = asyncio.create_task(self._poll(source), name=f"poll source {source.id}")
            self._running[source.id] = task
            started.append(task)
        return started

    async def _poll(self, source: store.Source) -> PollResult:
        try:
            call = partial(
                poll_source,
                self.services.database,
                source,
                self.fetcher,
                clock=self.clock,
            )
            result = await asyncio.get_running_loop().run_in_executor(self._pool, call)
            if result.new:
                log.info("source brought new articles", extra={"source_id": source.id, "new": result.new})
            return result
        finally:
            self._running.pop(source.id, None)

    async def wait(self) -> None:
        """Wait for the polls in flight (tests, shutdown)."""
        while self._running:
            await asyncio.gather(*list(self._running.values()), return_exceptions=True)

    def close(self) -> None:
        for task in self._running.values():
            task.cancel()
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.fetcher.close()


def poller_of(application: Application[Any, Any, Any, Any, Any, Any]) -> SourcePoller | None:
    """The application's poller, created on first use once the services are open (post_init); it reads
    the services' clock."""
    poller = application.bot_data.get(POLLER_KEY)
    if isinstance(poller, SourcePoller):
        return poller
    if SERVICES not in application.bot_data:
        return None
    services = services_in(application.bot_data)
    poller = SourcePoller(services, fetcher_for(services.settings), clock=services.clock)
    application.bot_data[POLLER_KEY] = poller
    return poller


async def sources_tick(context: BotContext) -> None:
    """The repeating job: start the due polls, note a heartbeat."""
    poller = poller_of(context.application)
    if poller is None:
        return
    started = await poller.tick()
    try:
        await poller.services.run_write(beat, HEARTBEAT, detail=f"started={len(started)}")
    except DatabaseBusy:
        log.warning("heartbeat not recorded: database busy; the next check records it")


def schedule_sources_job(application: BotApplication, interval: float) -> Job[BotContext] | None:
    """Schedule `sources_tick` every ``interval`` seconds (0: web sources are not polled by serve)."""
    if interval <= 0:
        return None
    if application.job_queue is None:
        log.warning("no JobQueue (python-telegram-bot[job-queue] missing): sources will not be polled")
        return None
    return application.job_queue.run_repeating(
        sources_tick,
        interval=interval,
        first=min(2.0, interval),
        name=JOB_NAME,
        job_kwargs={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
    )


def close_poller(application: BotApplication) -> None:
    poller = application.bot_data.pop(POLLER_KEY, None)
    if isinstance(poller, SourcePoller):
        poller.close()
