"""Meta-test: every command the bot registers has help text, a menu entry and a line in README.md."""

from __future__ import annotations

import re

from telegram.ext import CommandHandler

from bot.chat.replies import HTML, format_help
from bot.chat.texts import COMMANDS_BY_NAME, LANGUAGES
from bot.settings import Settings
from bot.telegram.app import build_application, menu_commands
from tests.bot_support import ROOT


def registered_commands() -> set[str]:
    app = build_application(Settings(_env_file=None, TELEGRAM_BOT_TOKEN="1:x"))  # type: ignore[call-arg]
    return {
        name
        for handlers in app.handlers.values()
        for handler in handlers
        if isinstance(handler, CommandHandler)
        for name in handler.commands
    }


def test_every_registered_command_has_help_text() -> None:
    commands = registered_commands()
    assert {
        "start",
        "help",
        "search",
        "s",
        "latest",
        "article",
        "stats",
        "subscribe",
        "unsubscribe",
    } <= commands
    for name in commands:
        spec = COMMANDS_BY_NAME.get(name)
        assert spec is not None, f"/{name} has no entry in bot/chat/texts.py COMMANDS"
        for lang in LANGUAGES:
            assert spec.help[lang].strip() and spec.menu[lang].strip()
            assert 1 <= len(spec.menu[lang]) <= 256
            assert f"/{name}" in format_help(lang, HTML, is_admin=True)
        assert re.fullmatch(r"[a-z0-9_]{1,32}", name)


def test_every_registered_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Bot commands") :]
    for name in registered_commands():
        assert re.search(rf"`/{name}\b", section), f"/{name} is not documented under '## Bot commands'"


def test_menu_is_the_public_commands_in_both_languages() -> None:
    for lang in LANGUAGES:
        names = [c.command for c in menu_commands(lang)]
        assert "stats" not in names and len(names) == len(set(names)) <= 100
        assert set(names) <= registered_commands()
