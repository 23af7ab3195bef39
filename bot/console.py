"""`newsbot chat`: the bot in the terminal, no token needed.

The same `Conversation` as Telegram, with replies rendered as plain text (`bot.chat.replies.PLAIN`):
commands, searches, questions, subscriptions and /forget; buttons are shown numbered and pressed by
typing their number. The console is one chat (`CONSOLE_CHAT_ID`) in the same database as Telegram's
chats; it cannot receive pushed digests, so it reads its subscriptions as the web page does: /digest lists
their new stories, and with NEWSBOT_WEB_PUBLIC_URL set (where `newsbot web` serves) /subscribe,
/subscriptions and /digest give each subscription's private address (`bot.digests.feed.feed_replies`).
Interactive with line editing and history (readline) on a TTY; reads lines from stdin when piped.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot.chat.command_line import language_words, typed_command
from bot.chat.conversation import Conversation
from bot.chat.exchange import Press, Who
from bot.chat.replies import PLAIN, Button, Channel, Keyboard, Reply, format_keyboard_plain
from bot.chat.texts import text
from bot.chat.typed_text import readable
from bot.digests.feed import feed_replies
from bot.digests.records import CHAT_WRITE_WAIT
from bot.logs import logs_to_file
from bot.services import Services, clock_from, open_services
from bot.settings import Settings
from storage.records.readers import CONSOLE_CHAT_ID

log = logging.getLogger(__name__)

HISTORY_FILE = Path("~/.newsbot_history")
LOG_FILE = Path("~/.newsbot_chat.log")
PROMPT = "> "
RULE = "─" * 40
# What adds the private addresses to a subscription command's replies: (name, replies, language) → replies.
Addresses = Callable[[str, list[Reply], str], list[Reply]]


class ConsoleChat:
    """One console session: a line in, the rendered replies out (pure apart from the conversation)."""

    def __init__(self, conversation: Conversation, who: Who, *, addresses: Addresses | None = None) -> None:
        self.conversation = conversation
        self.who = who
        self.addresses = addresses  # None: no web address is known, so none is given
        self.buttons: list[Button] = []  # the latest keyboard, flattened, pressed by number

    def handle(self, line: str) -> str:
        """The output for one input line (empty for a blank line)."""
        line = readable(line).strip()
        if not line:
            return ""
        # The language the console chat chose with /lang goes before --lang (read for each line: /lang
        # may have just changed it); then the line's own (`Conversation.in_chat_language`).
        who = self.conversation.in_chat_language(self.who, language_words(line))
        command = typed_command(line)
        if command is not None:
            out = self.conversation.command(*command, who)
            if self.addresses is not None:
                out = self.addresses(command[0], out, who.lang)
            return self._render(out, who.lang)
        number = line.translate(_FULLWIDTH_DIGITS)
        # One or two digits press a button; a longer number (2023, 500) is a search.
        if number.isascii() and number.isdigit() and len(number) <= 2 and self.buttons:
            index = int(number) - 1
            if 0 <= index < len(self.buttons) and self.buttons[index].data is not None:
                button = self.buttons[index]
                press = self.conversation.press(button.data or "", who)
                # A button that only shows something (the page counter 2/28) gives no output: say so,
                # rather than answer the typed number with nothing.
                return self._render_press(press, who.lang) or text(
                    who.lang, "console_button_shows_only", n=number, label=button.label
                )
            return text(who.lang, "console_no_button", n=number)
        return self._render(self.conversation.text(line, who), who.lang)

    def _render(self, replies: Iterable[Reply], lang: str) -> str:
        out = []
        keyboard: Keyboard = ()
        for reply in replies:
            out.append(reply.text)
            if reply.buttons:
                keyboard = reply.buttons
                out.append(format_keyboard_plain(reply.buttons, lang))
        self.buttons = [b for row in keyboard for b in row] if keyboard else self.buttons
        return f"\n{RULE}\n".join(out)

    def _render_press(self, press: Press, lang: str) -> str:
        parts = []
        if press.notice:
            parts.append(f"（{press.notice}）")
        rendered = [r for r in ([press.edit] if press.edit else []) + list(press.replies)]
        if press.edit is not None:
            # The edit replaces the message whose button was pressed (the latest keyboard): its
            # buttons are the edit's own now, none when the edit has none (a settled /forget).
            self.buttons = [b for row in press.edit.buttons for b in row]
        if rendered:
            parts.append(self._render(rendered, lang))
        return "\n".join(parts)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _lines(stream: TextIO, interactive: bool) -> Iterator[str]:
    if not interactive:
        yield from stream
        return
    while True:
        try:
            yield input(PROMPT)
        except EOFError:
            print()
            return
        except KeyboardInterrupt:
            print()
            continue


def _replacing(stream: TextIO) -> TextIO:
    """`stream` reading and writing bytes that are not in its encoding as U+FFFD / "?" instead of
    raising (a terminal in UTF-8 strictly decoding a pasted GBK line would end the session)."""
    if isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(errors="replace")
    return stream


@contextlib.contextmanager
def _history(enabled: bool) -> Iterator[None]:
    """Readline history in ~/.newsbot_history while interactive (when readline is available)."""
    if not enabled:
        yield
        return
    try:
        import readline
    except ImportError:  # e.g. Windows without pyreadline
        yield
        return
    path = HISTORY_FILE.expanduser()
    with contextlib.suppress(OSError):
        readline.read_history_file(path)
    readline.set_history_length(1000)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            readline.write_history_file(path)


def private_addresses(services: Services, public_url: str, chat_id: int = CONSOLE_CHAT_ID) -> Addresses:
    """The subscriptions' private addresses at `public_url` (where `newsbot web` serves them), added to the
    console's subscription commands as the web page adds them."""
    base = public_url.rstrip("/")

    def add(name: str, replies: list[Reply], lang: str) -> list[Reply]:
        return feed_replies(
            services.database,
            name,
            replies,
            chat_id,
            lang,
            PLAIN,
            lambda token: f"{base}/feed/{token}",
            wait=CHAT_WRITE_WAIT,
        )

    return add


def run_console(
    settings: Settings,
    *,
    lang: str = "zh",
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    now: datetime | None = None,
) -> None:
    """Chat in the terminal until end of input; with `now`, the chat's clock starts at that time (and runs).
    When the replies and stderr are the same screen (both terminals), log lines (a busy database, the
    traceback of a line that failed) go to `LOG_FILE` instead of among the replies."""
    stdin = stdin or _replacing(sys.stdin)
    stdout = stdout or _replacing(sys.stdout)
    interactive = stdin.isatty() and stdout.isatty() and os.environ.get("TERM") != "dumb"
    with contextlib.ExitStack() as logs:
        if stdout.isatty() and sys.stderr.isatty():
            logs.enter_context(logs_to_file(LOG_FILE.expanduser()))
        clock = clock_from(now)
        services = open_services(
            settings, markup=PLAIN, flood=None, pushes=False, channel=Channel.CONSOLE, clock=clock
        )
        try:
            who = Who(user_id=0, lang=lang, is_admin=True, chat_id=CONSOLE_CHAT_ID)
            addresses = (
                private_addresses(services, settings.web_public_url) if settings.web_public_url else None
            )
            chat = ConsoleChat(services.conversation, who, addresses=addresses)
            if interactive:
                print(text(services.conversation.in_chat_language(who).lang, "console_hello"), file=stdout)
            with _history(interactive):
                for line in _lines(stdin, interactive):
                    try:
                        output = chat.handle(line)
                    except Exception as exc:  # one bad line must not end the session; logged in full
                        log.exception("console: error while answering a line")
                        output = f"{text(lang, 'error')} ({type(exc).__name__})"
                    if output:
                        print(output, file=stdout)
                        if not interactive:
                            print(RULE, file=stdout)
                        stdout.flush()
        finally:
            services.close()
