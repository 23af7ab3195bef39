"""The send budget: newsbot's `SendBudget` against PTB's `AIORateLimiter`, on the same burst.

    python -m benchmarks.sending           # private chats and a busy group (about two minutes)
    python -m benchmarks.sending --quick   # private chats only (a few seconds)

A burst goes out at once through the one send path (`bot.telegram.sending.send`) of an `ExtBot` whose rate
limiter is either newsbot's `SendBudget` or PTB's ``AIORateLimiter(overall 30/s, group 20/min)``, to the
local Bot API emulator (tests/telegram_emulator.py), which timestamps every request. The burst: ``chats``
private chats receiving a three-part article each, and (full run) one group where members ask for
admin-only commands: ``group`` rounds of getChatMember, sendChatAction and one message. Measured from the
moment the limiter lets each message go and from the emulator's timestamps of its arrival (the emulator
shares the process and the machine, so arrivals carry some jitter of their own): the most messages in
any 1 s overall, the most in any 1 s to one private chat, the most in any 60 s to the group, and when
the last message of each kind went. PTB's limiter needs the
``aiolimiter`` package (``python-telegram-bot[rate-limiter]``); without it only newsbot's runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from collections.abc import Sequence
from typing import Any

from telegram.ext import BaseRateLimiter, ExtBot
from telegram.request import HTTPXRequest

from bot.chat.replies import Reply
from bot.telegram.budget import SendBudget
from bot.telegram.sending import send
from tests.telegram_emulator import TelegramEmulator

GROUP = -100500


def most_in_window(times: Sequence[float], period: float) -> int:
    ordered = sorted(times)
    best, start = 0, 0
    for end, t in enumerate(ordered):
        while t - ordered[start] >= period:
            start += 1
        best = max(best, end - start + 1)
    return best


class Released(BaseRateLimiter[Any]):
    """Wraps a limiter and notes when it lets each sendMessage go (before the HTTP request)."""

    def __init__(self, inner: BaseRateLimiter[Any]) -> None:
        self.inner = inner
        self.times: list[tuple[float, int]] = []

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):  # type: ignore[no-untyped-def]
        async def noted(*a: Any, **kw: Any) -> Any:
            if endpoint == "sendMessage":
                self.times.append((time.monotonic(), int(data["chat_id"])))
            return await callback(*a, **kw)

        return await self.inner.process_request(noted, args, kwargs, endpoint, data, rate_limit_args)


async def burst(inner: BaseRateLimiter[Any], chats: int, group: int) -> dict[str, Any]:
    emu = TelegramEmulator().start()
    limiter = Released(inner)
    try:
        emu.push_message("大家好", chat=emu.group_chat(GROUP))  # the group exists, user 1001 is in it
        request = HTTPXRequest(connection_pool_size=256)  # as ApplicationBuilder sets it for the bot
        bot: ExtBot[Any] = ExtBot(emu.token, base_url=emu.base_url, rate_limiter=limiter, request=request)
        await bot.initialize()
        started = time.monotonic()

        async def article(chat_id: int) -> None:
            for part in ("第一部分", "第二部分", "第三部分"):
                await send(bot, chat_id, Reply(part))

        async def admin_command(i: int) -> None:
            await bot.get_chat_member(GROUP, 1001)
            await bot.send_chat_action(GROUP, "typing")
            await send(bot, GROUP, Reply(f"在群里，只有群管理员可以使用 /subscribe。（{i}）"))

        tasks = [article(10_000 + c) for c in range(chats)] + [admin_command(i) for i in range(group)]
        await asyncio.gather(*tasks)
        await bot.shutdown()
        arrived = [(c.at, int(c.params["chat_id"])) for c in emu.calls if c.ok and c.method == "sendMessage"]
    finally:
        emu.stop()
    return {"released": measure(limiter.times, started), "arrived": measure(arrived, started)}


def measure(sends: list[tuple[float, int]], started: float) -> dict[str, Any]:
    """Windows over (time, chat) of each sendMessage."""
    private: dict[int, list[float]] = {}
    group: list[float] = []
    for at, chat in sends:
        if chat == GROUP:
            group.append(at)
        else:
            private.setdefault(chat, []).append(at)
    return {
        "messages": len(sends),
        "max_per_second_overall": most_in_window([at for at, _ in sends], 1.0),
        "max_per_second_one_chat": max((most_in_window(t, 1.0) for t in private.values()), default=0),
        "max_per_minute_group": most_in_window(group, 60.0),
        "last_private_s": round(max((max(t) for t in private.values()), default=started) - started, 2),
        "last_group_s": round(max(group, default=started) - started, 2),
    }


def limiters() -> dict[str, BaseRateLimiter[Any]]:
    out: dict[str, BaseRateLimiter[Any]] = {
        "newsbot SendBudget(25/s, 1/s per chat, 20/min per group)": SendBudget(25)
    }
    try:
        from telegram.ext import AIORateLimiter

        out["PTB AIORateLimiter(30/s, 20/min per group)"] = AIORateLimiter(max_retries=0)
    except RuntimeError:  # aiolimiter is not installed
        pass
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.sending", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="private chats only, a few seconds")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    chats, group = (40, 0) if args.quick else (60, 25)
    results = {}
    for name, limiter in limiters().items():
        results[name] = asyncio.run(burst(limiter, chats, group))
    if args.json:
        print(
            json.dumps(
                {"chats": chats, "group_rounds": group, "results": results}, ensure_ascii=False, indent=1
            )
        )
        return 0
    print(
        f"burst: {chats} private chats × 3 messages; group: {group} × (getChatMember, sendChatAction, message)"
    )
    for name, r in results.items():
        print(f"\n{name}          released by the limiter / arrived at the emulator")
        for key in r["released"]:
            print(f"  {key:26} {r['released'][key]:>8} / {r['arrived'][key]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
