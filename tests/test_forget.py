"""/forget (issue 7, item 6: privacy): everything newsbot keeps about a chat goes, after a confirmation.

Storage on a real SQLite file, the confirmation bookkeeping as plain objects, and end to end: the real
Application against the Bot API emulator, and `newsbot chat` through a pipe.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlite_utils

from bot.chat.exchange import Who
from bot.chat.intents import forget_answer
from bot.chat.replies import PLAIN
from bot.chat.state import Confirmations, FloodGuard, FloodLimit, QueryStore
from bot.console import CONSOLE_CHAT_ID, ConsoleChat
from bot.services import open_services
from bot.settings import Settings
from storage.database.access import Database
from storage.database.connection import open_db
from storage.database.writing import write_transaction
from storage.records import subscriptions as subs
from storage.records.articles import count_articles
from storage.records.chat_state import QueryState, Settled
from storage.records.readers import READER_CHAT_BASE
from tests.backends import forbid
from tests.bot_support import ROOT, SEEDS
from tests.telegram_emulator import StoredMessage, TelegramEmulator
from tests.test_digest_e2e import Clock, db_of, runner, running, say

NOW = datetime(2023, 4, 7, 0, 0, tzinfo=UTC)
SH = ZoneInfo("Asia/Shanghai")
TABLES = ("chats", "subscriptions", "digest_deliveries", "digest_items", "feeds", "feed_seen", "readers")
NOTHING = dict.fromkeys(TABLES, 0)


def count_rows(db: sqlite_utils.Database, chat_id: int) -> dict[str, int]:
    """Rows about `chat_id` in every table keyed by the chat, counted independently of storage's own helper."""
    sub_ids = "SELECT id FROM subscriptions WHERE chat_id = :c"
    queries = {
        "chats": "SELECT COUNT(*) FROM chats WHERE chat_id = :c",
        "subscriptions": "SELECT COUNT(*) FROM subscriptions WHERE chat_id = :c",
        "digest_deliveries": f"SELECT COUNT(*) FROM digest_deliveries WHERE chat_id = :c OR subscription_id IN ({sub_ids})",
        "digest_items": "SELECT COUNT(*) FROM digest_items i WHERE i.delivery_id IN "
        "(SELECT id FROM digest_deliveries WHERE chat_id = :c)",
        "feeds": f"SELECT COUNT(*) FROM feeds WHERE chat_id = :c OR subscription_id IN ({sub_ids})",
        "feed_seen": f"SELECT COUNT(*) FROM feed_seen WHERE subscription_id IN ({sub_ids})",
        "readers": f"SELECT COUNT(*) FROM readers WHERE id = :c - {READER_CHAT_BASE}",
    }
    return {t: int(db.execute(sql, {"c": chat_id}).fetchone()[0]) for t, sql in queries.items()}


# ---- storage ---------------------------------------------------------------------------------------------


@pytest.fixture
def db(database_target):
    """An SQLite file, then a PostgreSQL database (conftest's `database_target`)."""
    database = open_db(database_target)
    yield database
    database.conn.close()


def add_article(db: sqlite_utils.Database, n: int) -> int:
    with write_transaction(db):
        cursor = db.execute(
            "INSERT INTO articles (fingerprint, title, body, ingested_at) VALUES (?, ?, ?, ?) RETURNING id",
            [f"fp{n}", f"标题{n}", "正文", NOW.isoformat()],
        )
        return int(cursor.fetchone()[0])


def test_forget_chat_deletes_every_row_of_the_chat_and_nothing_else(db):
    ids = [add_article(db, n) for n in range(3)]
    subs.set_timezone(db, 7, "Europe/Berlin", now=NOW)
    a = subs.add_subscription(db, 7, "08:00", ["保交楼"], now=NOW)
    b = subs.add_subscription(db, 7, "21:00", now=NOW)
    subs.claim_delivery(db, a.id, date(2023, 4, 7), 7, shown_ids=ids[:2], counted_ids=ids[2:], now=NOW)
    subs.claim_delivery(db, b.id, date(2023, 4, 7), 7, shown_ids=ids[:1], now=NOW)
    other = subs.add_subscription(db, 8, "08:00", now=NOW)
    subs.claim_delivery(db, other.id, date(2023, 4, 7), 8, shown_ids=ids, now=NOW)
    kept = count_rows(db, 8)
    assert count_rows(db, 7) == NOTHING | {
        "chats": 1,
        "subscriptions": 2,
        "digest_deliveries": 2,
        "digest_items": 4,
    }
    assert subs.chat_record_counts(db, 7) == count_rows(db, 7)

    deleted = subs.forget_chat(db, 7)

    assert deleted == NOTHING | {"chats": 1, "subscriptions": 2, "digest_deliveries": 2, "digest_items": 4}
    assert count_rows(db, 7) == NOTHING == subs.chat_record_counts(db, 7)
    assert subs.get_chat(db, 7) is None
    assert count_rows(db, 8) == kept  # another chat is untouched
    assert count_articles(db) == 3  # articles are not about anyone
    assert subs.forget_chat(db, 7) == NOTHING  # a second time: nothing left


def test_forget_rolls_back_as_a_whole(db):
    subs.add_subscription(db, 7, "08:00", now=NOW)
    forbid(db, "no_chat_delete", "DELETE", "chats", "boom")
    with pytest.raises(Exception, match="boom"):
        subs.forget_chat(db, 7)
    assert count_rows(db, 7)["subscriptions"] == 1  # the subscriptions deleted before the failure are back


def test_unsubscribe_deletes_the_subscription_and_its_unsent_ledger(db):
    """The ledger of a digest that was sent stays after /unsubscribe (the chat has those stories: QA pass
    13), and so does a claim (its message may be on its way: QA pass 14); failed and empty days go;
    /forget deletes everything."""
    ids = [add_article(db, n) for n in range(3)]
    a = subs.add_subscription(db, 7, "08:00", now=NOW)
    b = subs.add_subscription(db, 7, "09:00", now=NOW)
    failed = subs.claim_delivery(db, a.id, date(2023, 4, 6), 7, shown_ids=ids[2:], now=NOW)
    assert failed is not None
    subs.finish_delivery(db, failed, subs.FAILED, detail="Bad Request", now=NOW)
    subs.claim_delivery(db, a.id, date(2023, 4, 5), 7, status=subs.EMPTY, now=NOW)
    subs.claim_delivery(db, a.id, date(2023, 4, 7), 7, shown_ids=ids[:2], now=NOW)
    sent = subs.claim_delivery(db, b.id, date(2023, 4, 7), 7, shown_ids=ids[:2], now=NOW)
    assert sent is not None
    subs.finish_delivery(db, sent, subs.SENT, message_id=1, now=NOW)
    assert subs.remove_subscription(db, 7, a.id)
    assert subs.get_subscription(db, a.id) is None
    assert [(d.local_date, d.status) for d in subs.deliveries(db, a.id)] == [(date(2023, 4, 7), subs.CLAIMED)]
    assert subs.delivered_article_ids(db, a.id) == ids[:2]  # the claim's; the failed day's went
    assert subs.delivered_article_ids(db, b.id) == ids[:2]  # the other subscription keeps its ledger
    assert subs.remove_all_subscriptions(db, 7) == 1
    assert subs.delivered_article_ids(db, b.id) == ids[:2]  # sent: kept
    assert count_rows(db, 7) == NOTHING | {
        "chats": 1,
        "subscriptions": 0,
        "digest_deliveries": 2,
        "digest_items": 4,
    }
    subs.forget_chat(db, 7)
    assert count_rows(db, 7) == NOTHING


def test_no_ledger_row_for_a_subscription_removed_since_the_scheduler_read_it(db):
    sub = subs.add_subscription(db, 7, "08:00", now=NOW)
    (state,) = subs.schedule_candidates(db)
    subs.forget_chat(db, 7)  # /forget between the scheduler's read and its claim
    assert subs.claim_delivery(db, state.id, date(2023, 4, 7), 7, now=NOW) is None  # so: not sent
    assert count_rows(db, 7) == NOTHING and subs.deliveries(db, sub.id) == []


# ---- the confirmation and the state kept between messages ---------------------------------------------


@pytest.fixture
def database(tmp_path: Path):
    opened = Database.open(tmp_path / "state.db")
    yield opened
    opened.close()


def test_confirmations_settle_once_and_only_for_their_requester(database: Database):
    c = Confirmations(database)
    old = c.open(1, 10)
    new = c.open(1, 10)
    other_chat = c.open(2, 20)
    assert c.take("nope", 1) == (Settled.EXPIRED, None)
    assert c.take(new, 2) == (Settled.NOT_YOURS, 10)
    assert c.take(new, 1) == (Settled.CONFIRMED, 10)
    assert c.take(new, 1) == (Settled.ALREADY, 10)  # a double tap
    assert c.take(old, 1) == (Settled.SUPERSEDED, 10)  # first press on the older message
    assert c.take(old, 1) == (Settled.ALREADY, 10)
    assert c.take(other_chat, 2) == (Settled.CONFIRMED, 20)
    again = c.open(1, 10)
    assert c.take(again, 1) == (Settled.CONFIRMED, 10)
    c.reopen(again)  # the deletion failed: the same button works again
    assert c.take(again, 1) == (Settled.CONFIRMED, 10)
    small = Confirmations(database, capacity=2)
    first = small.open(1, 10)
    small.open(2, 20)
    small.open(3, 30)
    assert small.take(first, 1) == (Settled.EXPIRED, None) and len(small) == 2


def test_a_typed_answer_refers_to_the_askers_fresh_open_question(database: Database):
    """Issue 34: 确认 typed after /forget answers the chat's newest question while it is open, asked by the
    one who types, and at most 30 minutes old (`chat_state.TYPED_ANSWER_KEEP`)."""
    now = [datetime(2026, 12, 7, 9, 0, tzinfo=UTC)]
    c = Confirmations(database, clock=lambda: now[0])
    assert c.awaiting(1, 10) is None  # nothing asked
    c.open(1, 10)
    newest = c.open(1, 10)
    assert c.awaiting(1, 10) == newest and c.awaiting(2, 10) is None and c.awaiting(1, 20) is None
    c.open(2, 10)  # someone else asked since, in the same group
    assert c.awaiting(1, 10) is None
    mine = c.open(1, 10)
    now[0] = now[0].replace(minute=29)
    assert c.awaiting(1, 10) == mine
    now[0] = now[0].replace(minute=31)
    assert c.awaiting(1, 10) is None  # too old to be what a typed word means
    again = c.open(1, 10)
    assert c.take(again, 1) == (Settled.CONFIRMED, 10)
    assert c.awaiting(1, 10) is None  # settled


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("确认", True),
        ("确认删除", True),
        ("確認刪除", True),
        ("确定。", True),
        ("Yes!", True),
        ("confirm", True),
        ("取消", False),
        ("不删了", False),
        ("cancel", False),
        ("确认一下", None),
        ("删除订阅", None),
        ("确认函", None),
        ("保交楼", None),
    ],
)
def test_what_a_typed_line_answers_to_forget(typed: str, answer: bool | None):
    assert forget_answer(typed) is answer


def test_query_store_and_flood_guard_forget_a_user(database: Database):
    store = QueryStore(database)
    mine = [store.put(QueryState(query=f"q{i}", user_id=1)) for i in range(3)]
    theirs = store.put(QueryState(query="x", user_id=2))
    assert store.forget_user(1) == 3
    assert all(store.get(k) is None for k in mine) and store.get(theirs) is not None
    flood = FloodGuard(database, FloodLimit(searches=1, window=60, clock=lambda: 0.0))
    assert flood.wait_for(1) == 0 and flood.wait_for(1) > 0
    assert flood.forget(1) is True and flood.forget(1) is False
    assert flood.wait_for(1) == 0  # counting starts afresh


# ---- end to end: Telegram -----------------------------------------------------------------------------------


@pytest.fixture
def settings(telegram_emulator: TelegramEmulator, tmp_path: Path) -> Settings:
    from tests.bot_support import bot_settings

    return bot_settings(telegram_emulator, tmp_path / "newsbot.db")


async def press(
    emu: TelegramEmulator, message: StoredMessage, data: str, uid: int, lang: str = "zh-hans"
) -> str | None:
    """Press a button as `uid`; the text of the bot's answer to the callback query."""
    update = emu.push_callback(message, data, user=emu.user(uid, language_code=lang))
    query_id = update["callback_query"]["id"]
    await emu.wait_until(lambda: emu.query_answered(query_id), what=f"answer to {data}")
    (call,) = [
        c for c in emu.calls_of("answerCallbackQuery") if c.params.get("callback_query_id") == query_id
    ]
    return call.params.get("text")


def current(emu: TelegramEmulator, message: StoredMessage) -> StoredMessage:
    (now,) = [m for m in emu.messages(message.chat["id"]) if m.message_id == message.message_id]
    return now


def forget_buttons(message: StoredMessage) -> tuple[str, str]:
    yes, no = message.button_data()
    assert yes.startswith("f:") and yes.endswith(":y") and no.endswith(":n")
    assert len(yes.encode()) <= 64 and yes.split(":")[1] == no.split(":")[1]
    return yes, no


async def test_forget_deletes_everything_after_confirmation(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        db = db_of(app)
        conversation = app.bot_data["services"].conversation
        await say(emu, "/timezone Asia/Shanghai", 1001)
        await say(emu, "/subscribe 8:00", 1001)
        await say(emu, "/subscribe 9:00 保交楼", 1001)
        await say(emu, "/subscribe 8:00", 1002)  # another user, kept
        clock.set(2023, 4, 13, 9, 0, 30)
        await runner(app).run_due(app.bot)  # digests sent: ledger rows for both chats
        results = await say(emu, "二七区", 1001)  # a search: query state behind its paging buttons
        (forward,) = [d for d in results.button_data() if d.startswith("p:")]
        # the search's query state, and the list each pushed digest showed, 1001's and 1002's (issue 34)
        assert len(conversation.queries) == 3
        before = count_rows(db, 1001)
        assert (
            before["subscriptions"] == 2 and before["digest_deliveries"] == 2 and before["digest_items"] > 0
        )
        kept = count_rows(db, 1002)
        assert kept["digest_items"] > 0

        # An older confirmation, then the one the user answers.
        older = await say(emu, "/forget", 1001)
        prompt = await say(emu, "/forget", 1001)
        assert "确定要删除" in prompt.text and "订阅" in prompt.text
        yes, _ = forget_buttons(prompt)
        assert await press(emu, prompt, yes, 1001) == "已删除"
        await emu.wait_for_call("editMessageText")
        outcome = current(emu, prompt)
        assert "已删除 newsbot 保存的关于这个聊天的全部信息" in outcome.text
        assert "订阅：2 个" in outcome.text and "摘要推送记录：2 条" in outcome.text
        assert "最近的搜索：2 条" in outcome.text  # the search and the pushed digest's list
        assert "接着问时所指的话题：1 个" in outcome.text  # the search's topic, for a follow-up
        assert not outcome.button_data()  # the buttons are gone with the edit

        assert count_rows(db, 1001) == NOTHING
        assert subs.get_chat(db, 1001) is None
        assert len(conversation.queries) == 1  # 1002's digest list
        assert await press(emu, results, forward, 1001) == "这个按钮已经过期了，请重新搜索。"
        assert count_rows(db, 1002) == kept  # the other user keeps everything

        # A second press on the answered confirmation: answered, no second edit.
        assert await press(emu, prompt, yes, 1001) == "这个确认已经处理过了。"
        assert len(emu.calls_of("editMessageText")) == 1
        # The older confirmation: first press says it is outdated (one edit), the next only a notice.
        old_yes, _ = forget_buttons(older)
        assert "过期" in (await press(emu, older, old_yes, 1001) or "")
        await emu.wait_for_call("editMessageText", 2)
        assert "过期" in current(emu, older).text and not current(emu, older).button_data()
        assert await press(emu, older, old_yes, 1001) == "这个确认已经处理过了。"
        assert len(emu.calls_of("editMessageText")) == 2
        # An unknown confirmation (pruned after a day, or never sent): a polite answer.
        assert "重新发送 /forget" in (await press(emu, older, "f:gone1234:y", 1001) or "")

        # Nothing is sent to a forgotten chat any more.
        clock.set(2023, 4, 14, 9, 0, 30)
        report = await runner(app).run_due(app.bot)
        assert all(subs.get_subscription(db, sid).chat_id == 1002 for sid in report.outcomes)  # type: ignore[union-attr]
        reply = await say(emu, "/subscriptions", 1001)
        assert "你还没有订阅" in reply.text
        await say(emu, "/digest", 1001)
        assert count_rows(db, 1001) == NOTHING  # reading stores nothing new
    assert emu.errors() == []


async def test_forget_answered_by_typing_in_telegram(telegram_emulator: TelegramEmulator, settings: Settings):
    """Issue 34: `取消` or `确认删除` typed instead of pressing a /forget button was searched."""
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        db = db_of(app)
        await say(emu, "/subscribe 8:00", 1001)
        before = count_rows(db, 1001)
        prompt = await say(emu, "/forget", 1001)
        assert (await say(emu, "取消", 1001)).text == "已取消，什么都没有删除。"
        assert count_rows(db, 1001) == before
        _, no = forget_buttons(prompt)
        assert await press(emu, prompt, no, 1001) == "这个确认已经处理过了。"  # the typed answer settled it
        await say(emu, "/forget", 1001)
        done = await say(emu, "确认删除", 1001)
        assert (
            done.text.startswith("已删除 newsbot 保存的关于这个聊天的全部信息") and "订阅：1 个" in done.text
        )
        assert count_rows(db, 1001) == NOTHING


async def test_forget_cancel_english_and_groups(telegram_emulator: TelegramEmulator, settings: Settings):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        db = db_of(app)
        await say(emu, "/subscribe 8:00", 1001)
        before = count_rows(db, 1001)

        prompt = await say(emu, "/forget", 1001)
        _, no = forget_buttons(prompt)
        assert await press(emu, prompt, no, 1001) == "已取消"
        await emu.wait_for_call("editMessageText")
        assert current(emu, prompt).text == "已取消，什么都没有删除。"
        assert count_rows(db, 1001) == before  # cancel keeps everything
        assert await press(emu, prompt, no, 1001) == "这个确认已经处理过了。"

        # An English user gets English, from the prompt to the outcome.
        await say(emu, "/subscribe 7:00", 3001, lang="en")
        prompt = await say(emu, "/forget", 3001, lang="en")
        assert prompt.text.startswith("Delete everything newsbot keeps about this chat?")
        assert [b["text"] for row in prompt.reply_markup["inline_keyboard"] for b in row] == [
            "Delete",
            "Cancel",
        ]
        yes, _ = forget_buttons(prompt)
        assert await press(emu, prompt, yes, 3001, lang="en") == "Deleted"
        await emu.wait_for_call("editMessageText", 2)
        assert "subscriptions: 1" in current(emu, prompt).text
        assert count_rows(db, 3001) == NOTHING

        # In a group only the member who asked can confirm (an administrator: see test_group_admins).
        group = emu.group_chat(-500)
        emu.set_member_status(group, emu.user(1001), "administrator")
        await say(emu, "/subscribe 8:00", 1001, chat=group)
        prompt = await say(emu, "/forget", 1001, chat=group)
        yes, _ = forget_buttons(prompt)
        assert await press(emu, prompt, yes, 1002) == "只有发送 /forget 的人才能确认。"
        assert count_rows(db, -500)["subscriptions"] == 1
        assert await press(emu, prompt, yes, 1001) == "已删除"
        await emu.wait_for_call("editMessageText", 3)
        assert count_rows(db, -500) == NOTHING
        assert count_rows(db, 1001) == before  # the private chat is another chat
    assert emu.errors() == []


# ---- the console ----------------------------------------------------------------------------------------------


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "TELEGRAM_"))}
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_console_subscriptions_and_forget_through_a_pipe(tmp_path: Path) -> None:
    db_path = tmp_path / "console.db"
    env = clean_env() | {"NEWSBOT_DB": str(db_path), "NEWSBOT_SEEDS": str(SEEDS)}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input="/subscribe 7:30 保交楼\n/subscriptions\n/digest\n/timezone Europe/London\n/forget\n1\n/subscriptions\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    out = done.stdout
    assert "Telegram" not in out
    assert "已订阅 #1：与「保交楼」相关的新闻。这里不会定时推送：随时发 /digest 看它的新文章。" in out
    assert "#1 · 与「保交楼」相关的新闻" in out
    assert "新闻摘要" in out and "共 1 篇新文章" in out and "老旧小区" in out
    assert "时区已设为 Europe/London" in out
    assert "[1] 确认删除  [2] 取消" in out
    assert "已删除 newsbot 保存的关于这个聊天的全部信息" in out and "订阅：1 个" in out
    assert "/digest 已列过的文章记录：1 条" in out
    assert "你还没有订阅" in out.split("已删除 newsbot")[1]  # /subscriptions after /forget
    db = open_db(db_path)
    try:
        assert count_rows(db, CONSOLE_CHAT_ID) == NOTHING
        assert db["articles"].count == 6  # the articles stay
    finally:
        db.close()


def test_console_shares_the_database_and_the_unsubscribe_buttons(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    services = open_services(settings, markup=PLAIN, pushes=False)
    try:
        chat = ConsoleChat(services.conversation, Who(user_id=0, is_admin=True, chat_id=CONSOLE_CHAT_ID))
        chat.handle("/subscribe 8:00")
        chat.handle("/subscribe 9:00 二七区")
        # A time does nothing in the terminal: the subscriptions are their keywords.
        assert [s.keywords for s in services.database.read(subs.list_subscriptions, CONSOLE_CHAT_ID)] == [
            (),
            ("二七区",),
        ]
        choice = chat.handle("/unsubscribe")
        assert "[1] 取消 #1 全部新闻" in choice and "[3] 全部取消" in choice  # no time: none is kept here
        assert "已取消订阅 #1" in chat.handle("1")
        assert [s.keywords for s in services.database.read(subs.list_subscriptions, CONSOLE_CHAT_ID)] == [
            ("二七区",)
        ]
        assert "时间 25:99 在这里不起作用" in chat.handle("/subscribe 25:99")  # no time is refused either
        assert "不认识时区" in chat.handle("/timezone Mars/Base")
    finally:
        services.close()


def test_the_console_reads_a_typed_confirmation_as_its_button(tmp_path: Path) -> None:
    """Issue 34: `确认删除` typed after /forget in the terminal (the button's words, where `1` presses it)
    was searched; it deletes, and a second 确认 is a search again."""
    settings = Settings(_env_file=None, db=tmp_path / "t.db", seeds=SEEDS)  # type: ignore[call-arg]
    services = open_services(settings, markup=PLAIN, pushes=False)
    try:
        chat = ConsoleChat(services.conversation, Who(user_id=0, is_admin=True, chat_id=CONSOLE_CHAT_ID))
        chat.handle("/subscribe 二七区")
        assert "[1] 确认删除  [2] 取消" in chat.handle("/forget")
        done = chat.handle("确认删除")
        assert "已删除 newsbot 保存的关于这个聊天的全部信息" in done and "订阅：1 个" in done
        assert not services.database.read(subs.list_subscriptions, CONSOLE_CHAT_ID)
        assert "已删除" not in chat.handle("确认")
    finally:
        services.close()


def test_a_failed_forget_deletes_nothing_and_the_button_works_again(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, db=tmp_path / "f.db", seeds=SEEDS)  # type: ignore[call-arg]
    services = open_services(settings, markup=PLAIN, pushes=False)
    try:
        conversation, who = services.conversation, Who(user_id=5, chat_id=5)
        conversation.command("subscribe", "8:00", who)
        (prompt,) = conversation.command("forget", "", who)
        yes = prompt.buttons[0][0].data or ""
        with services.database.writer() as db:
            db.execute(
                "CREATE TRIGGER keep_chats BEFORE DELETE ON chats BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
            )
        with pytest.raises(Exception, match="disk says no"):
            conversation.press(yes, who)
        assert services.database.read(count_rows, 5)["subscriptions"] == 1
        with services.database.writer() as db:
            db.execute("DROP TRIGGER keep_chats")
        done = conversation.press(yes, who)
        assert done.edit is not None and "订阅：1 个" in done.edit.text
        assert services.database.read(count_rows, 5) == NOTHING
    finally:
        services.close()
