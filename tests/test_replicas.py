"""Issue 23: two `newsbot serve` processes behind one webhook, sharing one database: an SQLite file, then
a PostgreSQL database (NEWSBOT_DATABASE_URL).

The Bot API stand-in delivers updates by webhook to a round-robin balancer in front of two real replicas,
so consecutive updates reach different processes. Done when: 40 messages from several users are each
answered once; a subscription made through one replica is listed by the other; a result page's button
pressed through the other replica turns the page; a /forget asked on one is confirmed on the other;
stopping one replica leaves the webhook set and the other keeps answering; neither logs a traceback.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

from storage.database.connection import open_db
from storage.records import subscriptions as subs
from tests.balancer import Balancer
from tests.bot_support import SEEDS, database_env, make_database
from tests.telegram_emulator import StoredMessage, TelegramEmulator
from tests.test_bot_serve import clean_env
from tests.test_webhook_health import free_port

PUBLIC_URL = "https://bot.example.org/hook"
QUERIES = ("保交楼", "二七区", "统战工作", "谁主持了统战工作会议？", "老旧小区改造")


LIMIT_S = 60.0  # deadlines, not timing assertions: two replicas start slowly on a busy machine


async def backend_of(emu: TelegramEmulator, balancer: Balancer, update: dict[str, Any]) -> int:
    """The replica (backend index) that accepted the update. The balancer records a request before it
    answers it, the emulator a delivery once answered: the reply may come before both."""
    update_id = update["update_id"]
    await emu.wait_until(
        lambda: any(d.ok and d.update_id == update_id for d in emu.webhook_deliveries()),
        what=f"update {update_id}",
    )
    (index,) = [
        f.backend
        for f in balancer.forwarded()
        if f.status == 200 and json.loads(f.body)["update_id"] == update["update_id"]
    ]
    return index


async def say(emu: TelegramEmulator, text: str, uid: int) -> tuple[dict[str, Any], StoredMessage]:
    """Send `text` as user `uid`; the update and the bot's reply."""
    before = [m.message_id for m in emu.messages(uid)]
    update = emu.push_message(text, user=emu.user(uid))
    after = max(before, default=0)
    (reply, *_) = await emu.wait_until(
        lambda: [m for m in emu.messages(uid) if m.message_id > after],
        limit_s=LIMIT_S,
        what=f"a reply to {uid}",
    )
    return update, reply


async def press(
    emu: TelegramEmulator, message: StoredMessage, data: str, uid: int
) -> tuple[dict[str, Any], str]:
    """Press a button as `uid`; the update and the text of the callback's answer."""
    update = emu.push_callback(message, data, user=emu.user(uid))
    query_id = update["callback_query"]["id"]
    await emu.wait_until(lambda: emu.query_answered(query_id), limit_s=LIMIT_S, what=f"answer to {data}")
    (call,) = [c for c in emu.calls_of("answerCallbackQuery") if c.params["callback_query_id"] == query_id]
    return update, str(call.params.get("text"))


def current(emu: TelegramEmulator, message: StoredMessage) -> StoredMessage:
    (now,) = [m for m in emu.messages(message.chat["id"]) if m.message_id == message.message_id]
    return now


def webhook_info(emu: TelegramEmulator) -> dict[str, Any]:
    with urllib.request.urlopen(f"{emu.base_url}{emu.token}/getWebhookInfo", timeout=10) as response:
        answer: dict[str, Any] = json.loads(response.read())
    return answer["result"]


async def listening(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    writer.close()
    return True


async def stop(proc: asyncio.subprocess.Process) -> int:
    proc.send_signal(signal.SIGTERM)
    return await asyncio.wait_for(proc.wait(), 30)


async def test_two_replicas_behind_one_webhook(
    telegram_emulator: TelegramEmulator, tmp_path: Path, database_target: str
) -> None:
    emu = telegram_emulator
    target = make_database(database_target, tmp_path)
    ports = [free_port()]
    while len(ports) < 2:  # two different ones
        ports = sorted({*ports, free_port()})
    logs = [tmp_path / f"replica{i}.log" for i in range(2)]
    procs: list[asyncio.subprocess.Process] = []
    with Balancer([("127.0.0.1", port) for port in ports]) as balancer:
        emu.deliver_webhook(PUBLIC_URL, f"http://127.0.0.1:{balancer.port}/hook")
        try:
            for port, log_path in zip(ports, logs, strict=True):
                env = clean_env(
                    TELEGRAM_BOT_TOKEN=emu.token,
                    TELEGRAM_API_BASE_URL=emu.base_url,
                    **database_env(target),
                    NEWSBOT_SEEDS=str(SEEDS),
                    NEWSBOT_WEBHOOK_URL=PUBLIC_URL,
                    NEWSBOT_WEBHOOK_LISTEN="127.0.0.1",
                    NEWSBOT_WEBHOOK_PORT=str(port),
                    NEWSBOT_LOG_LEVEL="INFO",
                )
                with log_path.open("w") as log:
                    procs.append(
                        await asyncio.create_subprocess_exec(
                            sys.executable,
                            "-m",
                            "bot",
                            "serve",
                            cwd=tmp_path,
                            env=env,
                            stdout=log,
                            stderr=log,
                        )
                    )
            first, second = await emu.wait_until(
                lambda: c if len(c := emu.calls_of("setWebhook")) == 2 else None,
                limit_s=LIMIT_S,
                what="setWebhook",
            )
            assert first.params == second.params and first.params["url"] == PUBLIC_URL  # the same, twice
            for port in ports:  # PTB sets the webhook, then starts listening
                for _ in range(300):
                    if await listening(port):
                        break
                    await asyncio.sleep(0.1)
                else:
                    raise AssertionError(f"no replica listens on {port}")

            # 40 messages from 8 users at once: each answered exactly once, by both replicas together.
            users = range(3001, 3009)
            burst = [
                emu.push_message(QUERIES[i % len(QUERIES)], user=emu.user(uid))
                for i in range(5)
                for uid in users
            ]
            await emu.wait_until(
                lambda: all(len(emu.messages(uid)) >= 5 for uid in users), limit_s=LIMIT_S, what="40 replies"
            )
            await emu.wait_until(
                lambda: len([d for d in emu.webhook_deliveries() if d.ok]) >= 40,
                limit_s=LIMIT_S,
                what="40 deliveries",
            )
            await asyncio.sleep(1.0)  # time for a second answer to show up, were there one
            assert Counter(m.chat["id"] for m in emu.messages() if m.chat["id"] in users) == dict.fromkeys(
                users, 5
            )
            assert sorted(d.update_id for d in emu.webhook_deliveries() if d.ok) == sorted(
                u["update_id"] for u in burst
            )
            assert {await backend_of(emu, balancer, u) for u in burst} == {0, 1}

            # A subscription made through one replica is listed by the other.
            made, subscribed = await say(emu, "/subscribe 8:00 保交楼", 4001)
            listed, listing = await say(emu, "/subscriptions", 4001)
            assert await backend_of(emu, balancer, made) != await backend_of(emu, balancer, listed)
            assert subscribed.text.startswith("已订阅：每天 08:00")
            assert "你的订阅" in listing.text and "保交楼" in listing.text

            # A result page's ▶ pressed through the other replica turns the page.
            searched, results = await say(emu, "保交楼", 4002)
            (forward,) = [d for d in results.button_data() if d.startswith("p:")]
            key = forward.split(":")[1]
            pressed, notice = await press(emu, results, forward, 4002)
            assert await backend_of(emu, balancer, searched) != await backend_of(emu, balancer, pressed)
            assert notice == "第 2/2 页"
            await emu.wait_until(
                lambda: f"p:{key}:0" in current(emu, results).button_data(), limit_s=LIMIT_S, what="page 2"
            )

            # A /forget asked on one replica and confirmed on the other.
            await say(emu, "/subscribe 9:00", 4003)
            asked, prompt = await say(emu, "/forget", 4003)
            yes = next(d for d in prompt.button_data() if d.endswith(":y"))
            confirmed, answer = await press(emu, prompt, yes, 4003)
            assert await backend_of(emu, balancer, asked) != await backend_of(emu, balancer, confirmed)
            assert answer == "已删除"
            await emu.wait_until(
                lambda: "已删除" in current(emu, prompt).text, limit_s=LIMIT_S, what="the /forget outcome"
            )
            db = open_db(target)
            try:
                assert subs.list_subscriptions(db, 4003) == [] and subs.get_chat(db, 4003) is None
            finally:
                db.close()

            # One replica stops: the webhook stays, the other answers everything.
            assert await stop(procs[0]) == 0
            assert not emu.calls_of("deleteWebhook")
            assert webhook_info(emu)["url"] == PUBLIC_URL
            after = [emu.push_message(QUERIES[i], user=emu.user(5001 + i)) for i in range(4)]
            await emu.wait_until(
                lambda: all(emu.messages(5001 + i) for i in range(4)), limit_s=LIMIT_S, what="4 replies"
            )
            assert {await backend_of(emu, balancer, u) for u in after} == {1}
            assert await stop(procs[1]) == 0
            assert webhook_info(emu)["url"] == PUBLIC_URL and not emu.calls_of("deleteWebhook")
        finally:
            for proc in procs:
                if proc.returncode is None:
                    proc.kill()
                    await proc.wait()
            for log_path in logs:  # shown by pytest when the test fails
                print(f"==== {log_path.name}\n{log_path.read_text() if log_path.exists() else ''}")
            print("==== forwarded", [(f.backend, f.status, f.body[:80]) for f in balancer.forwarded()])
            print("==== deliveries", emu.webhook_deliveries())
    assert emu.errors() == []
    for log_path in logs:
        output = log_path.read_text()
        assert "newsbot is up" in output and "Traceback" not in output
