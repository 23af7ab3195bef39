"""What the conversation remembers between one message or button press and the next, in the database.

Several processes may serve the same bot (replicas behind one webhook), and the next update of a chat may
reach any of them; so the state a later press needs is stored (`storage.records.chat_state`), not held in
a process's memory:

- `QueryStore`: the searches and /latest lists whose pages buttons turn, by short keys;
- `Confirmations`: /forget questions, each settled exactly once;
- `FloodGuard`: searches per user and window, counted by every process together.
- `TopicStore`: the topic of a chat's last search, which a follow-up question refers to (它是哪天开的).

Each write is one short transaction on the one write path (`Database.write`) that waits a bounded time
for the lock; when the database stays busy longer, `storage.errors.DatabaseBusy` is raised with nothing
changed (`FloodGuard` alone swallows it: a search is let through rather than refused). Reads take no lock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import utc_now
from storage.database.access import Database
from storage.errors import DatabaseBusy
from storage.records import chat_state
from storage.records.chat_state import ChatTopic, QueryState, Settled

log = logging.getLogger(__name__)

# How long a write of the chat state waits for the lock before giving up (the reply degrades instead).
STATE_WRITE_WAIT = 1.0
# The flood guard waits less: counting must never hold a search up for long.
FLOOD_WRITE_WAIT = 0.25


class QueryStore:
    """Queries behind page buttons, by short key (see `storage.records.chat_state.put_query`), so
    buttons carry only ``p:<key>:<page>``."""

    def __init__(
        self,
        database: Database,
        *,
        capacity: int = chat_state.QUERY_CAPACITY,
        keep: timedelta = chat_state.QUERY_KEEP,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._database = database
        self._capacity = capacity
        self._keep = keep
        self._clock = clock

    def put(self, state: QueryState) -> str:
        """Store `state`; its key. `DatabaseBusy` when it could not be stored."""
        return self._database.write(
            chat_state.put_query,
            state,
            now=self._clock(),
            capacity=self._capacity,
            keep=self._keep,
            wait=STATE_WRITE_WAIT,
        )

    def get(self, key: str) -> QueryState | None:
        return self._database.read(chat_state.get_query, key)

    def last_used(self, user_id: int) -> tuple[str, QueryState] | None:
        """The key and state of the user's query used last, or None."""
        return self._database.read(chat_state.last_used_query, user_id)

    def turn(self, key: str, page: int) -> tuple[QueryState | None, bool]:
        """Move query `key` to `page`: (state, True) if it moved, (state, False) if already there, (None,
        False) when it is gone. `DatabaseBusy` when the move could not be stored."""
        return self._database.write(
            chat_state.turn_query, key, page, now=self._clock(), wait=STATE_WRITE_WAIT
        )

    def forget_user(self, user_id: int) -> int:
        """Drop every stored query of the user (/forget); how many there were."""
        return self._database.write(chat_state.forget_user_queries, user_id, wait=STATE_WRITE_WAIT)

    def __len__(self) -> int:
        return self._database.read(chat_state.count_queries)


class Confirmations:
    """Pending /forget confirmations by short key; each settles exactly once, whichever process the
    presses reach (see `storage.records.chat_state.take_confirmation`)."""

    def __init__(
        self,
        database: Database,
        *,
        capacity: int = chat_state.CONFIRMATION_CAPACITY,
        keep: timedelta = chat_state.CONFIRMATION_KEEP,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._database = database
        self._capacity = capacity
        self._keep = keep
        self._clock = clock

    def open(self, user_id: int, chat_id: int) -> str:
        """A new question in `chat_id`; its key. `DatabaseBusy` when it could not be stored."""
        return self._database.write(
            chat_state.open_confirmation,
            user_id,
            chat_id,
            now=self._clock(),
            capacity=self._capacity,
            keep=self._keep,
            wait=STATE_WRITE_WAIT,
        )

    def take(self, key: str, user_id: int) -> tuple[Settled, int | None]:
        """Settle confirmation `key` pressed by `user_id`: (outcome, its chat id or None)."""
        return self._database.write(chat_state.take_confirmation, key, user_id, wait=STATE_WRITE_WAIT)

    def awaiting(self, user_id: int, chat_id: int) -> str | None:
        """The key of the question `user_id` asked last in `chat_id` if it is unsettled and younger than
        `chat_state.TYPED_ANSWER_KEEP` (what a typed 确认 answers); else None."""
        since = self._clock() - chat_state.TYPED_ANSWER_KEEP
        return self._database.read(chat_state.awaiting_confirmation, chat_id, user_id, since=since)

    def reopen(self, key: str) -> None:
        """Undo a `take` whose action failed, so that the same button can be pressed again."""
        self._database.write(chat_state.reopen_confirmation, key, wait=STATE_WRITE_WAIT)

    def __len__(self) -> int:
        return self._database.read(chat_state.count_confirmations)


class TopicStore:
    """The topic of each chat's last search that found something (`storage.records.chat_state.put_topic`),
    kept `keep` (30 minutes) after it was last asked about: a follow-up later than that asks what it means."""

    def __init__(
        self,
        database: Database,
        *,
        keep: timedelta = chat_state.TOPIC_KEEP,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._database = database
        self._keep = keep
        self._clock = clock

    def put(self, topic: ChatTopic) -> None:
        """Keep `topic` as its chat's; skipped (with a warning) when the database stays busy: a follow-up
        then refers to the topic before, or asks what it means."""
        try:
            self._database.write(
                chat_state.put_topic, topic, now=self._clock(), keep=self._keep, wait=STATE_WRITE_WAIT
            )
        except DatabaseBusy:
            log.warning("chat topic not kept: database busy", extra={"chat_id": topic.chat_id})

    def get(self, chat_id: int) -> ChatTopic | None:
        """The chat's topic, or None when there is none or it expired."""
        return self._database.read(chat_state.get_topic, chat_id, now=self._clock(), keep=self._keep)

    def forget(self, chat_id: int, user_id: int) -> int:
        """Drop the chat's topic and the user's (/forget); how many there were."""
        return self._database.write(chat_state.forget_topics, chat_id, user_id, wait=STATE_WRITE_WAIT)


@dataclass(frozen=True)
class FloodLimit:
    """At most `searches` per user in each `window` of seconds. `clock` gives seconds since the epoch (the
    same in every process, unlike a monotonic clock); tests inject one."""

    searches: int = 20
    window: int = 60
    clock: Callable[[], float] = time.time

    def window_start(self, now: float) -> int:
        """The start of the window `now` falls in (seconds since the epoch)."""
        return int(now // self.window) * self.window

    def seconds_left(self, now: float) -> int:
        """Whole seconds until the next window starts (at least 1)."""
        return max(1, int(self.window_start(now) + self.window - now + 0.999))


class FloodGuard:
    """Counts searches per user in fixed windows (`FloodLimit`), shared by every process on the database.

    A busy database never refuses a search: when the count cannot be written within `FLOOD_WRITE_WAIT`
    seconds, the search goes through uncounted (and a warning is logged)."""

    def __init__(self, database: Database, limit: FloodLimit) -> None:
        self._database = database
        self.limit = limit

    def wait_for(self, user_id: int) -> int:
        """0 when the user may search now (and counts it), else the seconds to wait."""
        now = self.limit.clock()
        try:
            counted = self._database.write(
                chat_state.count_search,
                user_id,
                window_start=self.limit.window_start(now),
                limit=self.limit.searches,
                wait=FLOOD_WRITE_WAIT,
            )
        except DatabaseBusy:
            log.warning("flood guard: database busy, search let through", extra={"user_id": user_id})
            return 0
        return 0 if counted else self.limit.seconds_left(now)

    def forget(self, user_id: int) -> bool:
        """Drop the user's counts (/forget); True if there were any. `DatabaseBusy` when it could not."""
        return self._database.write(chat_state.forget_user_searches, user_id, wait=STATE_WRITE_WAIT) > 0
