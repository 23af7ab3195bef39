"""One sending budget for everything the bot sends: replies, edits and digests draw from it together.

`SendBudget` is the application's rate limiter (``ApplicationBuilder().rate_limiter(...)``): every request
PTB makes passes through `process_request`, and the ones that put a message into a chat (``sendMessage``,
``editMessageText``, ...) wait for a slot first:

- overall: at most ``per_second`` (default 25; Telegram allows about 30/s; this replica's share, below),
  spaced evenly;
- each chat: one message per ``chat_interval`` seconds (default 1);
- each group (negative chat id): also at most 20 messages in any 60 seconds (and a second to spare).

Slots are reserved in order under no await, so concurrent senders share the budget fairly, and one chat
that must wait does not hold up the others (its reserved slot lies in the future; others fill the gaps).
``hold(seconds)`` after a 429 makes every later message wait that long. Requests that do not post into
a chat (answerCallbackQuery, sendChatAction, getChatMember, getUpdates, ...) are not counted.

Several replicas (``newsbot serve`` processes behind one webhook, issue 23): Telegram's limit is per bot,
not per process, so each replica's budget gets a fixed share, ``NEWSBOT_SEND_RATE_PER_SECOND`` divided by
``NEWSBOT_REPLICAS`` (`bot.settings.Settings.send_rate_per_replica`): with the default 25/s and two
replicas, 12.5/s each, 25/s together, under Telegram's 30 however the messages fall between them. Chosen
over a budget shared through the database (a row per one-second slot claimed with an atomic update) as
the simplest thing that is correct: no write per message on the database every chat and ingest also
writes to, no clock agreement between hosts, and a database that is slow or busy never stops the sending.
What it costs: while a replica is down the others do not use its share (digests go out more slowly,
none is lost), and ``NEWSBOT_REPLICAS`` must be at least the number of replicas running. Per-chat and
per-group limits stay per process: a chat's updates reach whichever replica the webhook's load balancer
picks, and a digest is sent by one replica, so two replicas rarely write to one chat in the same second;
when they do, Telegram's 429 says so. Each replica honours the 429s it is given (`hold`, through
`bot.telegram.sending`); a 429 is not passed to the other replicas, which, within their shares, get their
own if Telegram limits the bot as a whole.

Why not PTB's ``AIORateLimiter``: it has no per-chat limit for private chats, it counts every request
naming a group (``getChatMember``, ``sendChatAction``) against that group's 20 per minute, it logs
every final 429 as an exception, and it cannot run on an injected clock (tests would sleep). See
benchmarks/reports/telegram-send-budget.md ("One send budget") for the measured difference.
"""

from __future__ import annotations

import asyncio
import bisect
import time
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram.ext import BaseRateLimiter

# The Bot API methods that put a message into a chat (or change one): the ones Telegram's flood limits count.
COUNTED_METHODS = frozenset(
    {
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "editMessageCaption",
        "forwardMessage",
        "copyMessage",
        "sendPhoto",
        "sendDocument",
        "sendAudio",
        "sendVideo",
        "sendAnimation",
        "sendVoice",
        "sendSticker",
        "sendMediaGroup",
        "sendLocation",
        "sendPoll",
    }
)
GROUP_PER_MINUTE = 20
CHAT_INTERVAL = 1.0
# Telegram counts messages when they arrive; a request released at its slot may arrive a little late and
# the next one on time, so the per-group minute is kept with a second to spare.
GROUP_MARGIN = 1.0
_IDLE_CHATS = 10_000  # forget the chats that sent nothing for a minute when more than this are tracked


class SendBudget(BaseRateLimiter[None]):
    """The rate limiter every message goes through (see the module docstring). Clock and sleep are
    injectable so tests can check the schedule without waiting."""

    def __init__(
        self,
        per_second: float = 25.0,
        *,
        chat_interval: float = CHAT_INTERVAL,
        group_per_minute: int = GROUP_PER_MINUTE,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if per_second <= 0 or chat_interval < 0 or group_per_minute < 1:
            raise ValueError("rates must be positive")
        self.per_second = per_second
        self.gap = 1.0 / per_second
        self.chat_interval = chat_interval
        self.group_per_minute = group_per_minute
        self.clock = clock
        self.sleep = sleep
        self._slots: list[float] = []  # reserved send times, sorted, none closer than `gap`
        self._chat: dict[int | str, float] = {}  # each chat's last slot
        self._group: dict[int | str, deque[float]] = {}  # each group's last `group_per_minute` slots
        self._hold_until = 0.0
        self._last_release = float("-inf")
        self.released = 0  # messages let through so far
        self._released: dict[int | str, float] = {}  # when each chat's last message actually went
        self._group_released: dict[int | str, deque[float]] = {}  # when a group's last messages went

    # ---- the schedule (synchronous: no other sender runs in between) ----------------------------------

    def reserve(self, chat_id: int | str | None) -> float:
        """Reserve the earliest slot for one message to `chat_id` (None: counted overall only)."""
        now = self.clock()
        start = max(now, self._hold_until)
        if chat_id is not None:
            if chat_id in self._chat:
                start = max(start, self._chat[chat_id] + self.chat_interval)
            if _is_group(chat_id):
                group = self._group.setdefault(chat_id, deque(maxlen=self.group_per_minute))
                if len(group) == self.group_per_minute:
                    start = max(start, group[0] + 60.0 + GROUP_MARGIN)
        slot = self._overall_slot(start, now)
        if chat_id is not None:
            self._chat[chat_id] = slot
            if _is_group(chat_id):
                self._group[chat_id].append(slot)
            if len(self._chat) > _IDLE_CHATS:
                self._forget_idle(now)
        return slot

    def _overall_slot(self, start: float, now: float) -> float:
        """The earliest time >= `start` at least `gap` away from every reserved slot; reserved."""
        cut = bisect.bisect_left(self._slots, now - self.gap)
        if cut:
            del self._slots[:cut]
        slot = start
        for taken in self._slots[bisect.bisect_left(self._slots, start - self.gap) :]:
            if taken >= slot + self.gap:
                break
            if taken > slot - self.gap:
                slot = taken + self.gap
        bisect.insort(self._slots, slot)
        return slot

    def _forget_idle(self, now: float) -> None:
        self._chat = {c: last for c, last in self._chat.items() if last > now - 60.0}
        self._released = {c: t for c, t in self._released.items() if c in self._chat}
        self._group_released = {c: d for c, d in self._group_released.items() if c in self._chat}
        self._group = {c: d for c, d in self._group.items() if c in self._chat}

    def hold(self, seconds: float) -> None:
        """Telegram said 429 (retry after `seconds`): no message goes out before then."""
        self._hold_until = max(self._hold_until, self.clock() + seconds)

    def held_for(self) -> float:
        """Seconds until a 429's hold ends (0: not holding)."""
        return max(0.0, self._hold_until - self.clock())

    async def wait(self, chat_id: int | str | None) -> None:
        """Wait for this message's slot. Senders that wake late (a busy event loop) still leave `gap`
        overall and `chat_interval` in their chat between the moments they go, so a late wake-up does
        not turn into a burst."""
        slot = self.reserve(chat_id)
        delay = slot - self.clock()
        if delay > 0:
            await self.sleep(delay)
        while True:
            now = self.clock()
            ready = self._last_release + self.gap
            if chat_id is not None and chat_id in self._released:
                ready = max(ready, self._released[chat_id] + self.chat_interval)
            went = self._group_released.get(chat_id) if chat_id is not None else None
            if went is not None and len(went) == self.group_per_minute:
                ready = max(ready, went[0] + 60.0 + GROUP_MARGIN)
            if now >= ready:
                break
            await self.sleep(ready - now)
        self._last_release = now
        self.released += 1
        if chat_id is not None:
            self._released[chat_id] = now
            if _is_group(chat_id):
                self._group_released.setdefault(chat_id, deque(maxlen=self.group_per_minute)).append(now)

    # ---- PTB's rate limiter interface ----------------------------------------------------------------

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Wait for a slot if the request posts into a chat, then make it. Retries are the sender's
        business (`bot.telegram.sending`), so one classification of Telegram's errors decides them."""
        if endpoint in COUNTED_METHODS:
            await self.wait(_chat_key(data.get("chat_id")))
        return await callback(*args, **kwargs)


def _chat_key(value: object) -> int | str | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return int(value) if value.lstrip("-").isdigit() else value  # @channelusername
    return None


def _is_group(chat_id: int | str) -> bool:
    """Groups, supergroups and channels: negative ids (or an @username)."""
    return isinstance(chat_id, str) or chat_id < 0
