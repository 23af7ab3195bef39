"""The one send path (issue 14): one budget for replies and digests, one classification of Telegram's
errors. The schedule is checked on an injected clock; the senders against the Bot API emulator."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import os
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import ExtBot
from telegram.request import HTTPXRequest

from bot.chat.replies import Reply
from bot.telegram.budget import COUNTED_METHODS, SendBudget
from bot.telegram.sending import Action, Status, classify, edit, send, send_reply
from tests.telegram_emulator import TelegramEmulator

os.environ.setdefault("PTB_TIMEDELTA", "true")  # as bot.telegram.app sets it: RetryAfter without warnings


class FakeTime:
    def __init__(self) -> None:
        self.now = 1000.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def schedule(budget: SendBudget, chats: list[int]) -> list[tuple[float, int]]:
    """The slot each message gets when all are queued at once (reserved in this order)."""
    return [(budget.reserve(chat), chat) for chat in chats]


def most_in_window(times: list[float], period: float) -> int:
    times = sorted(times)
    return max((sum(1 for u in times if t <= u < t + period - 1e-9) for t in times), default=0)


# ---- classify -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "action"),
    [
        (RetryAfter(dtm.timedelta(seconds=7)), Action.RETRY_AFTER),
        (ChatMigrated(-1009), Action.MIGRATED),
        (Forbidden("Forbidden: bot was blocked by the user"), Action.BLOCKED),
        (TimedOut(), Action.TIMED_OUT),
        (BadRequest("Bad Request: message is too long"), Action.FAILED),
        (BadRequest("Chat not found"), Action.BLOCKED),  # a deleted group or account
        (NetworkError("Bad Gateway"), Action.NETWORK),
        (Conflict("terminated by other getUpdates request"), Action.FAILED),
    ],
)
def test_classify_says_what_every_sender_does(error: TelegramError, action: Action) -> None:
    verdict = classify(error)
    assert verdict.action is action
    if action is Action.RETRY_AFTER:
        assert verdict.retry_after == 7.0
    if action is Action.MIGRATED:
        assert verdict.new_chat_id == -1009


# ---- the budget (injected clock: nothing waits) ---------------------------------------------------------


def test_a_burst_of_replies_and_digests_stays_within_every_limit() -> None:
    t = FakeTime()
    budget = SendBudget(25, clock=t.clock, sleep=t.sleep)
    # 200 private chats with 3 messages each, two groups with 30 each, interleaved as they arrive.
    chats = [c for c in range(1, 201) for _ in range(3)] + [-100, -200] * 30
    slots = schedule(budget, chats)
    times = [s for s, _ in slots]
    assert most_in_window(times, 1.0) <= 25
    by_chat: dict[int, list[float]] = {}
    for at, chat in slots:
        by_chat.setdefault(chat, []).append(at)
    for chat, ats in by_chat.items():
        assert most_in_window(ats, 1.0) <= 1, chat
        assert ats == sorted(ats)  # a chat's messages keep their order
    for group in (-100, -200):
        assert most_in_window(by_chat[group], 60.0) <= 20
        assert max(by_chat[group]) - t.now >= 60.0  # the 21st message of a group waits a minute


def test_one_busy_chat_does_not_hold_up_the_others():
    t = FakeTime()
    budget = SendBudget(25, clock=t.clock, sleep=t.sleep)
    busy = schedule(budget, [7] * 30)  # 30 s of messages for one chat
    others = schedule(budget, list(range(100, 110)))  # queued after it
    assert max(at for at, _ in busy) - t.now >= 29.0
    assert max(at for at, _ in others) - t.now < 1.0


def test_a_429_holds_every_later_message():
    t = FakeTime()
    budget = SendBudget(25, clock=t.clock, sleep=t.sleep)
    budget.hold(5.0)
    assert budget.reserve(1) >= t.now + 5.0
    assert budget.reserve(-5) >= t.now + 5.0


async def test_a_late_wake_up_does_not_turn_into_a_burst():
    """A busy event loop wakes a sender late; the next message to that chat, and overall, still keeps
    its distance from the moment the late one actually went."""
    t = FakeTime()
    late = [0.5]  # the first sleep overshoots by half a second

    async def oversleep(seconds: float) -> None:
        t.now += seconds + (late.pop() if late else 0.0)

    budget = SendBudget(2, clock=t.clock, sleep=oversleep)
    budget.hold(0.1)
    released = []
    for chat in (1, 1, 2):
        await budget.wait(chat)
        released.append(t.now)
    assert released[1] - released[0] >= 1.0  # one per second in chat 1, counted from the late release
    assert released[2] - released[1] >= 0.5  # 2/s overall


def test_only_messages_into_chats_are_counted():
    assert {"sendMessage", "editMessageText"} <= COUNTED_METHODS
    assert not {"getChatMember", "sendChatAction", "answerCallbackQuery", "getUpdates"} & COUNTED_METHODS


# ---- the senders against the emulator -------------------------------------------------------------------


@contextlib.asynccontextmanager
async def bare_bot(emu: TelegramEmulator, budget: SendBudget, **request: Any) -> AsyncIterator[ExtBot[None]]:
    """An ExtBot on the emulator with this budget (no Application: nothing to seed or poll)."""
    http = HTTPXRequest(connection_pool_size=8, **request)
    bot: ExtBot[None] = ExtBot(emu.token, base_url=emu.base_url, request=http, rate_limiter=budget)
    await bot.initialize()
    try:
        yield bot
    finally:
        await bot.shutdown()


async def test_replies_and_edits_share_the_classification(telegram_emulator: TelegramEmulator) -> None:
    emu = telegram_emulator
    async with bare_bot(emu, SendBudget(25, chat_interval=0.05)) as bot:
        first = await send_reply(bot, 9001, Reply("一"))

        # A 429 on an edit: held, then the edit goes through.
        assert first is not None
        emu.fail_with_retry_after(9001, retry_after=1, times=1)
        edited = await edit(first, Reply("一（改）"))
        assert edited.status is Status.SENT
        assert emu.messages(9001)[0].text == "一（改）"

        # Blocked, migrated, refused: the same outcomes for every sender.
        emu.block_by_user(9002)
        assert (await send(bot, 9002, Reply("x"))).status is Status.BLOCKED
        moved: list[tuple[int, int]] = []

        async def follow(old: int, new: int) -> None:
            moved.append((old, new))

        emu.migrate_chat(-9003, -1009003)
        sent = await send(bot, -9003, Reply("迁移"), on_migrate=follow)
        assert sent.status is Status.SENT and sent.chat_id == -1009003 and moved == [(-9003, -1009003)]
        too_long = await send(bot, 9006, Reply("长" * 5000))
        assert too_long.status is Status.FAILED and "too long" in too_long.detail
        with pytest.raises(BadRequest, match="too long"):  # a reply Telegram refuses is a bug: raised
            await send_reply(bot, 9007, Reply("长" * 5000))
        broken_html = await send(bot, 9004, Reply("<b>未闭合"))
        assert broken_html.status is Status.SENT and emu.messages(9004)[-1].text == "未闭合"  # as plain text
        emu.fail_with_server_error(9005, times=2)
        assert (await send(bot, 9005, Reply("x"))).status is Status.NOT_SENT
    counted = Counter(c.method for c in emu.calls if c.method in COUNTED_METHODS)
    assert counted["sendMessage"] >= 9 and counted["editMessageText"] == 2


async def test_one_chat_waits_a_second_and_a_429_holds_every_chat(
    telegram_emulator: TelegramEmulator,
) -> None:
    """The real budget (timing floors only, never a speed assertion)."""
    emu = telegram_emulator
    budget = SendBudget(25)
    async with bare_bot(emu, budget) as bot:
        await asyncio.gather(send(bot, 9201, Reply("一")), send(bot, 9201, Reply("二")))
        one_chat = [c.at for c in emu.calls_of("sendMessage")]
        assert one_chat[1] - one_chat[0] >= 0.5  # released a second apart; arrival may jitter
        emu.fail_with_retry_after(9202, retry_after=1, times=1)
        held = asyncio.create_task(send(bot, 9202, Reply("等一下")))
        await emu.wait_until(lambda: budget.held_for() > 0, what="the 429 to hold the budget")
        other = await send(bot, 9203, Reply("别的聊天"))  # another chat, sent after the 429: it waits too
        assert (await held).status is Status.SENT and other.status is Status.SENT
        refused = next(c.at for c in emu.calls if c.error and "Too Many Requests" in c.error)
        (to_other,) = [c.at for c in emu.calls_of("sendMessage") if c.params["chat_id"] == 9203]
        assert to_other - refused >= 0.9


async def test_a_send_that_times_out_is_not_repeated(telegram_emulator: TelegramEmulator) -> None:
    """At most once: Telegram may have delivered a message whose answer never came."""
    emu = telegram_emulator
    async with bare_bot(emu, SendBudget(25), read_timeout=0.3) as bot:
        emu.answer_slowly(9100, 1.0)
        sent = await send(bot, 9100, Reply("只发一次"))
        assert sent.status is Status.TIMED_OUT
        await asyncio.sleep(1.2)  # the slow answer finishes
        assert [m.text for m in emu.messages(9100)] == ["只发一次"]  # delivered, and not sent again
        assert len(emu.calls_of("sendMessage")) == 1
