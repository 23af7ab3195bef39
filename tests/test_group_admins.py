"""Issue 14: in a group only its administrators change what newsbot keeps for the group.

The real Application against the Bot API emulator, which answers getChatMember with each member's status.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.settings import Settings
from storage.records import subscriptions as subs
from tests.bot_support import bot_settings, running_bot
from tests.telegram_emulator import StoredMessage, TelegramEmulator

GROUP_ID = -100777
ZH_ONLY_ADMINS = "在群里，只有群管理员可以使用 /{}。"
EN_ONLY_ADMINS = "In a group, only its administrators can use /{}."


@pytest.fixture
def settings(telegram_emulator: TelegramEmulator, tmp_path: Path) -> Settings:
    return bot_settings(telegram_emulator, tmp_path / "newsbot.db")


async def say(emu: TelegramEmulator, text: str, who: dict[str, Any], chat: dict[str, Any]) -> StoredMessage:
    update = emu.push_message(text, user=who, chat=chat)
    (reply,) = await emu.wait_for_messages(chat["id"], 1, after=update["message"]["message_id"])
    return reply


def db_of(app: Any) -> Any:
    return app.bot_data["services"].database.connection


async def test_members_are_told_admins_decide(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    group = emu.group_chat(GROUP_ID)
    admin, owner = emu.user(10), emu.user(11)
    member, english = emu.user(12), emu.user(13, language_code="en")
    emu.set_member_status(group, admin, "administrator")
    emu.set_member_status(group, owner, "creator")
    async with running_bot(settings) as app:
        db = db_of(app)
        for command, name in [
            ("/subscribe@newsbot_test_bot 8:00", "subscribe"),
            ("/timezone@newsbot_test_bot Europe/London", "timezone"),
            ("/forget@newsbot_test_bot", "forget"),
            ("/unsubscribe@newsbot_test_bot all", "unsubscribe"),
        ]:
            reply = await say(emu, command, member, group)
            assert reply.text == ZH_ONLY_ADMINS.format(name)
        reply = await say(emu, "/subscribe 8:00", english, group)
        assert reply.text == EN_ONLY_ADMINS.format("subscribe")
        assert subs.list_subscriptions(db, GROUP_ID) == [] and subs.get_chat(db, GROUP_ID) is None

        # Administrators and the creator may.
        assert "已订阅" in (await say(emu, "/subscribe 8:00 统战", admin, group)).text
        assert "已订阅" in (await say(emu, "/subscribe 9:00", owner, group)).text
        assert "Europe/London" in (await say(emu, "/timezone Europe/London", owner, group)).text
        assert len(subs.list_subscriptions(db, GROUP_ID)) == 2

        # Reading is for everyone.
        listing = await say(emu, "/subscriptions", member, group)
        assert "08:00" in listing.text and "09:00" in listing.text

        # The unsubscribe buttons: a member's press changes nothing and says why.
        choice = await say(emu, "/unsubscribe", admin, group)
        data = choice.button_data()
        assert len(data) >= 2
        press = emu.push_callback(choice, data[0], user=member)
        await emu.wait_until(lambda: emu.query_answered(press["callback_query"]["id"]), what="an answer")
        (answer,) = [
            c
            for c in emu.calls_of("answerCallbackQuery")
            if c.params["callback_query_id"] == press["callback_query"]["id"]
        ]
        assert answer.params["text"] == ZH_ONLY_ADMINS.format("unsubscribe")
        assert len(subs.list_subscriptions(db, GROUP_ID)) == 2
        press = emu.push_callback(choice, data[0], user=admin)
        await emu.wait_until(lambda: len(subs.list_subscriptions(db, GROUP_ID)) == 1, what="the unsubscribe")

        # A member who became an administrator may; one who was demoted may not (asked each time).
        emu.set_member_status(group, member, "administrator")
        assert "已取消" in (await say(emu, "/unsubscribe all", member, group)).text
        emu.set_member_status(group, admin, "member")
        assert (await say(emu, "/forget", admin, group)).text == ZH_ONLY_ADMINS.format("forget")

        # In a private chat nobody is asked about.
        checks = len(emu.calls_of("getChatMember"))
        assert "已订阅" in (await say(emu, "/subscribe 7:00", member, emu.private_chat(member))).text
        assert len(emu.calls_of("getChatMember")) == checks
    assert [(c.method, c.error) for c in emu.errors()] == []


async def test_an_anonymous_administrator_writes_as_the_group(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    group = emu.group_chat(GROUP_ID)
    anonymous = emu.user(1087968824, first_name="Group")  # Telegram's GroupAnonymousBot
    async with running_bot(settings) as app:
        update = emu.push_message("/subscribe 8:00", user=anonymous, chat=group, sender_chat=group)
        await emu.wait_for_messages(GROUP_ID, 1, after=update["message"]["message_id"])
        assert len(subs.list_subscriptions(db_of(app), GROUP_ID)) == 1
    assert emu.calls_of("getChatMember") == []
