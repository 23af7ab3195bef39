"""A local stand-in for the Telegram Bot API, for driving the real python-telegram-bot Application.

It is an HTTP server on 127.0.0.1 (random port, in a background thread) that speaks the Bot API's
wire format: requests arrive form-encoded (non-string fields JSON-encoded), answers are
``{"ok": true, "result": ...}`` or ``{"ok": false, "error_code": ..., "description": ...}`` with the
HTTP status equal to the error code, as PTB expects.

It keeps a queue of updates for ``getUpdates`` (tests push messages, commands, callback queries,
inline queries), records every call, and rejects what Telegram rejects: HTML that does not parse,
texts that are empty or longer than 4096 UTF-16 units after entity parsing, callback data over 64
bytes, too many buttons, ``message is not modified``, callback queries answered twice, inline answers
with too many results or bad ids, bad command menus. It can also be told to answer 429 (retry after),
403 (bot blocked by the user), 400 (chat migrated) or 502 (a network error) for given chats, or to
deliver a message but answer late (`answer_slowly`: the client times out on a message that arrived).

Telegram's limit per bot: `limit_rate(n)` makes it accept at most ``n`` messages (sends and edits, every
chat together, from every process using the token) in any one second and answer the rest 429 with
``retry_after`` as Telegram does; `flood_refusals` counts those answers. `deliveries` counts the messages
each chat received, for tests where several bot processes send at once.

Webhooks: ``setWebhook`` checks the URL as Telegram does (https, ports 80/88/443/8443) and then
``getUpdates`` is refused. `deliver_webhook` makes the emulator deliver the queued updates by webhook, as
Telegram does: each one POSTed as JSON with the ``X-Telegram-Bot-Api-Secret-Token`` header, and tried again
after a pause while the answer is not 2xx. Since a test cannot serve the public https address, the test
names the local address that stands for it (``https://bot.example.org/hook`` → ``http://127.0.0.1:PORT/hook``);
the public URL still goes through setWebhook's checks. Every attempt is recorded (`Delivery`).

Group membership: a user who wrote in a group is a ``member`` of it; `set_member_status` makes them
``creator``, ``administrator``, ``left`` or ``kicked``. ``getChatMember`` answers with that status (the
fields Telegram sends for it), ``left`` for a user it knows who never joined, ``PARTICIPANT_ID_INVALID``
for a user it has never seen and ``chat not found`` for a chat nobody wrote in. Every call is
recorded with the time it arrived (``Call.at``, ``time.monotonic()``), for checking pacing.

Usage (see the ``telegram_emulator`` fixture in conftest.py)::

    emu = TelegramEmulator(); emu.start()
    app = ApplicationBuilder().token(emu.token).base_url(emu.base_url).build()
    emu.push_message("/search 保交楼", user=emu.user(1, language_code="zh-hans"))
    sent = await emu.wait_for_messages(chat_id=1, count=1)
    emu.stop()
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import json
import re
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
MAX_BUTTONS = 100
MAX_BUTTONS_PER_ROW = 8
MAX_INLINE_RESULTS = 50
MAX_CALLBACK_ANSWER = 200
WEBHOOK_CONNECTIONS = 4  # updates POSTed at once (Telegram's max_connections; 40 by default)
WEBHOOK_RETRY = 0.2  # seconds before a failed delivery is tried again
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# How long `wait_until` waits by default: a deadline, not a timing assertion, so generous. On a loaded
# 2-core machine a `newsbot serve` process the test started takes 10-15 s just to import, and longer to
# open its database and call setMyCommands; only a failing test waits all of it.
WAIT_LIMIT_S = 60.0

# Parameters the Bot API treats as strings: PTB sends them raw, everything else JSON-encoded.
STRING_FIELDS = frozenset(
    {
        "text",
        "parse_mode",
        "callback_query_id",
        "inline_query_id",
        "next_offset",
        "action",
        "language_code",
        "url",
        "query",
        "switch_pm_text",
        "switch_pm_parameter",
        "secret_token",
        "description",
        "short_description",
        "name",
        "business_connection_id",
        "message_effect_id",
        "inline_message_id",
    }
)


# What a photo or a document looks like in an incoming message (the sizes and ids are Telegram's shapes).
_MEDIA: dict[str, Any] = {
    "photo": [
        {"file_id": "AgAD-small", "file_unique_id": "ph1s", "width": 90, "height": 60, "file_size": 1200},
        {"file_id": "AgAD-large", "file_unique_id": "ph1l", "width": 1280, "height": 853, "file_size": 98000},
    ],
    "document": {
        "file_id": "BQAD-doc",
        "file_unique_id": "doc1",
        "file_name": "scan.pdf",
        "mime_type": "application/pdf",
        "file_size": 52000,
    },
}


class TelegramError(Exception):
    """An error answer of the Bot API."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            out["parameters"] = self.parameters
        return out


def bad_request(description: str, parameters: dict[str, Any] | None = None) -> TelegramError:
    return TelegramError(400, f"Bad Request: {description}", parameters)


# --------------------------------------------------------------------------------------------
# Text checks: Telegram's HTML parse mode, strictly
# --------------------------------------------------------------------------------------------


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, as Telegram counts (an emoji outside the BMP is 2)."""
    return len(text.encode("utf-16-le")) // 2


ALLOWED_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "tg-emoji": "custom_emoji",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}
NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
_ATTR = re.compile(r"""\s*([a-zA-Z][a-zA-Z0-9_-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
_ENTITY = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));")


def _decode_attr(value: str) -> str:
    def sub(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1)))
        if m.group(2):
            return chr(int(m.group(2), 16))
        return NAMED_ENTITIES.get(m.group(3).lower(), m.group(0))

    return _ENTITY.sub(sub, value)


def parse_html(text: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram HTML into (plain text, entities), raising the 400 Telegram would send.

    Strict: every ``<`` and ``&`` that is not markup must be escaped; only the tags Telegram
    supports are accepted, they must nest properly and be closed.
    """
    out: list[str] = []
    out_len = 0  # UTF-16 units emitted so far
    stack: list[tuple[str, int, dict[str, Any]]] = []  # (tag, start offset, entity)
    entities: list[dict[str, Any]] = []
    i = 0
    n = len(text)

    def byte_offset(pos: int) -> int:
        return len(text[:pos].encode("utf-8"))

    def fail(why: str) -> TelegramError:
        return bad_request(f"can't parse entities: {why}")

    while i < n:
        ch = text[i]
        if ch == "&":
            m = _ENTITY.match(text, i)
            if not m:
                raise fail(f"unescaped '&' at byte offset {byte_offset(i)}")
            if m.group(1) or m.group(2):
                code = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
                if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
                    raise fail(f"invalid character reference at byte offset {byte_offset(i)}")
                decoded = chr(code)
            else:
                name = m.group(3).lower()
                if name not in NAMED_ENTITIES:
                    raise fail(f'unsupported HTML entity "&{m.group(3)};" at byte offset {byte_offset(i)}')
                decoded = NAMED_ENTITIES[name]
            out.append(decoded)
            out_len += utf16_len(decoded)
            i = m.end()
            continue
        if ch == "<":
            start = i
            if text.startswith("</", i):
                m = _TAG_NAME.match(text, i + 2)
                if not m:
                    raise fail(f"unexpected end tag at byte offset {byte_offset(start)}")
                name = m.group(0).lower()
                j = m.end()
                while j < n and text[j] in " \t\n":
                    j += 1
                if j >= n or text[j] != ">":
                    raise fail(f"unclosed end tag at byte offset {byte_offset(start)}")
                if not stack:
                    raise fail(f"unexpected end tag at byte offset {byte_offset(start)}")
                open_name, open_at, entity = stack[-1]
                if open_name != name:
                    raise fail(
                        f'unmatched end tag at byte offset {byte_offset(start)}, expected "</{open_name}>", '
                        f'found "</{name}>"'
                    )
                stack.pop()
                entity["length"] = out_len - open_at
                if entity["length"] > 0:
                    entities.append(entity)
                i = j + 1
                continue
            m = _TAG_NAME.match(text, i + 1)
            if not m:
                raise fail(f"unsupported start tag at byte offset {byte_offset(start)}")
            name = m.group(0).lower()
            if name not in ALLOWED_TAGS:
                raise fail(f'unsupported start tag "{name}" at byte offset {byte_offset(start)}')
            j = m.end()
            attrs: dict[str, str] = {}
            while True:
                while j < n and text[j] in " \t\n":
                    j += 1
                if j >= n:
                    raise fail(f"unclosed start tag at byte offset {byte_offset(start)}")
                if text[j] == ">":
                    j += 1
                    break
                am = _ATTR.match(text, j)
                if not am or am.end() == j:
                    raise fail(
                        f'empty attribute name in the tag "{name}" at byte offset {byte_offset(start)}'
                    )
                value = am.group(2) if am.group(2) is not None else am.group(3)
                if value is None:
                    value = am.group(4) or ""
                attrs[am.group(1).lower()] = _decode_attr(value)
                j = am.end()
            entity = {"type": ALLOWED_TAGS[name], "offset": out_len}
            if name == "a":
                href = attrs.get("href", "")
                if not href:
                    raise fail(f'tag "a" must have attribute "href" at byte offset {byte_offset(start)}')
                if href.startswith("tg://user?id="):
                    entity = {"type": "text_mention", "offset": out_len, "user": {"id": 0}}
                elif not re.match(r"^(?:https?://)?[^/\s:@]+\.[^/\s]", href, re.I) and not href.startswith(
                    "tg://"
                ):
                    # Telegram reads a link's address as a URL and refuses one without a host
                    # ("/path", "javascript:...", "x"): Bad Request, and nothing is sent.
                    raise fail("URL host is empty" if href.startswith("/") else "Wrong HTTP URL")
                else:
                    entity["url"] = href
            elif name == "span" and attrs.get("class") != "tg-spoiler":
                raise fail(f'tag "span" must have class "tg-spoiler" at byte offset {byte_offset(start)}')
            elif name == "tg-emoji":
                if not attrs.get("emoji-id"):
                    raise fail(
                        f'tag "tg-emoji" must have attribute "emoji-id" at byte offset {byte_offset(start)}'
                    )
                entity["custom_emoji_id"] = attrs["emoji-id"]
            elif name == "blockquote" and "expandable" in attrs:
                entity["type"] = "expandable_blockquote"
            elif (
                name == "code"
                and stack
                and stack[-1][0] == "pre"
                and attrs.get("class", "").startswith("language-")
            ):
                stack[-1][2]["language"] = attrs["class"][len("language-") :]
            stack.append((name, out_len, entity))
            i = j
            continue
        out.append(ch)
        out_len += utf16_len(ch)
        i += 1
    if stack:
        raise fail(f'can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def check_text(
    text: Any, parse_mode: str | None, *, what: str = "message"
) -> tuple[str, list[dict[str, Any]]]:
    """Validate a message text as Telegram does; return (plain text, entities)."""
    if not isinstance(text, str) or not text.strip():
        raise bad_request(f"{what} text is empty")
    entities: list[dict[str, Any]] = []
    if parse_mode is None or parse_mode == "":
        plain = text
    elif parse_mode.upper() == "HTML":
        plain, entities = parse_html(text)
    else:
        raise bad_request(f"unsupported parse_mode {parse_mode!r} in this emulator")
    stripped = plain.strip()
    if not stripped:
        raise bad_request(f"{what} text is empty")
    if utf16_len(stripped) > MAX_TEXT:
        raise bad_request(f"{what} is too long")
    return plain, entities


def check_reply_markup(markup: Any) -> dict[str, Any] | None:
    """Validate an inline keyboard as Telegram does."""
    if markup is None:
        return None
    if isinstance(markup, str):
        try:
            markup = json.loads(markup)
        except ValueError as exc:
            raise bad_request("can't parse reply keyboard markup JSON object") from exc
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        return markup  # reply keyboards and the like: not used by newsbot, accepted as is
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays')
    total = 0
    for row in rows:
        if len(row) > MAX_BUTTONS_PER_ROW:
            raise bad_request("BUTTON_TYPE_INVALID: too many buttons in a row")
        for button in row:
            total += 1
            if not isinstance(button, dict) or not str(button.get("text", "")).strip():
                raise bad_request("BUTTON_TEXT_INVALID")
            kinds = [
                k
                for k in (
                    "url",
                    "callback_data",
                    "switch_inline_query",
                    "switch_inline_query_current_chat",
                    "switch_inline_query_chosen_chat",
                    "login_url",
                    "web_app",
                    "pay",
                    "callback_game",
                    "copy_text",
                )
                if k in button
            ]
            if len(kinds) != 1:
                raise bad_request("BUTTON_TYPE_INVALID")
            if "callback_data" in button:
                data = button["callback_data"]
                if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA:
                    raise bad_request("BUTTON_DATA_INVALID")
            if "url" in button:
                url = button["url"]
                if not isinstance(url, str) or not re.match(r"^(https?|tg)://\S+$", url):
                    raise bad_request("BUTTON_URL_INVALID")
    if total > MAX_BUTTONS:
        raise bad_request("reply markup is too long")
    return markup


COMMAND_RE = re.compile(r"^[a-z0-9_]{1,32}$")


# --------------------------------------------------------------------------------------------
# Recorded state
# --------------------------------------------------------------------------------------------


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    ok: bool
    result: Any = None
    error: str | None = None
    at: float = field(default_factory=time.monotonic)  # when the request arrived


@dataclass
class StoredMessage:
    chat: dict[str, Any]
    message_id: int
    text: str  # plain text after entity parsing
    entities: list[dict[str, Any]]
    reply_markup: dict[str, Any] | None
    date: int
    from_bot: bool = True
    html: str | None = None  # the text as the bot sent it
    reply_to_message_id: int | None = None
    deleted: bool = False

    def to_api(self, bot_user: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "message_id": self.message_id,
            "date": self.date,
            "chat": self.chat,
            "from": bot_user,
            "text": self.text,
        }
        if self.entities:
            out["entities"] = self.entities
        if self.reply_markup:
            out["reply_markup"] = self.reply_markup
        return out

    def entity_texts(self, kind: str) -> list[str]:
        """The text covered by each entity of `kind` (offsets are UTF-16 units, as Telegram counts)."""
        units = self.text.encode("utf-16-le")
        return [
            units[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le")
            for e in self.entities
            if e["type"] == kind
        ]

    def button_data(self) -> list[str]:
        """All callback_data values of the message's inline keyboard, row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


@dataclass
class _Fault:
    kind: str  # "retry_after" | "forbidden" | "migrate" | "server_error" | "slow"
    retry_after: int = 0
    times: int | None = None  # None: for ever
    migrate_to: int | None = None
    delay: float = 0.0  # "slow": seconds the answer waits after the request was carried out


@dataclass(frozen=True)
class Delivery:
    """One webhook POST of an update: where it went and the HTTP status (0: no answer)."""

    update_id: int
    url: str
    status: int

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


@dataclass
class _PendingQuery:
    kind: str  # "callback" | "inline"
    user_id: int
    answered: bool = False


@dataclass
class _State:
    updates: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    messages: dict[tuple[int, int], StoredMessage] = field(default_factory=dict)
    queries: dict[str, _PendingQuery] = field(default_factory=dict)
    commands: dict[tuple[str, str], list[dict[str, str]]] = field(default_factory=dict)
    faults: dict[int, _Fault] = field(default_factory=dict)
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    users: dict[int, dict[str, Any]] = field(default_factory=dict)
    members: dict[tuple[int, int], str] = field(default_factory=dict)  # (chat, user) → status
    webhook: dict[str, Any] | None = None
    rate_limit: int | None = None  # messages per second per bot (None: unlimited)
    accepted: collections.deque[float] = field(default_factory=collections.deque)  # last second's messages
    flood_refusals: int = 0
    deliveries: collections.Counter[int] = field(default_factory=collections.Counter)
    webhook_routes: dict[str, str] = field(default_factory=dict)  # public URL → the local one serving it
    webhook_deliveries: list[Delivery] = field(default_factory=list)


def post_update(url: str, update: dict[str, Any], secret: str | None) -> int:
    """POST one update as Telegram's webhook does; the HTTP status, or 0 when nothing answered."""
    headers = {"Content-Type": "application/json"}
    if secret:
        headers[SECRET_HEADER] = secret
    request = urllib.request.Request(url, data=json.dumps(update).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as err:
        return int(err.code)
    except (urllib.error.URLError, OSError):
        return 0


# --------------------------------------------------------------------------------------------
# The emulator
# --------------------------------------------------------------------------------------------


class TelegramEmulator:
    """A Bot API HTTP server with an update queue, call log and Telegram's validations."""

    def __init__(
        self,
        *,
        token: str = "123456:TEST-token_for-the-emulator",
        bot_id: int = 123456,
        username: str = "newsbot_test_bot",
        first_name: str = "newsbot",
    ) -> None:
        self.token = token
        self.bot_user: dict[str, Any] = {
            "id": bot_id,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        self._state = _State()
        self._cond = threading.Condition()
        self._ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._closing = False
        self._deliverers: list[threading.Thread] = []
        self._answer_delay = threading.local()  # set by a "slow" fault for the request being served

    # ---- life cycle ------------------------------------------------------------------------

    @property
    def username(self) -> str:
        return str(self.bot_user["username"])

    @property
    def base_url(self) -> str:
        """What to give ``ApplicationBuilder().base_url()``: PTB appends the token."""
        assert self._server is not None, "emulator not started"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/bot"

    def start(self) -> TelegramEmulator:
        emulator = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                emulator._serve(self)

            do_GET = do_POST  # noqa: N815

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True
            # socketserver's default listen backlog is 5: a burst of concurrent requests (many inline
            # queries at once) overflowed it and the bot saw connections reset, which Telegram never does.
            request_queue_size = 128

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # clients hang up on long polls when they stop: not an error

        server = self._server = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(
            target=lambda: server.serve_forever(poll_interval=0.02),
            name="telegram-emulator",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        for deliverer in self._deliverers:
            deliverer.join(timeout=15)

    # ---- webhook delivery ------------------------------------------------------------------

    def deliver_webhook(self, public_url: str, local_url: str) -> None:
        """Once a webhook is set for `public_url`, POST the queued updates to `local_url` (which stands for
        it in tests), up to `WEBHOOK_CONNECTIONS` at once, each until it is answered with 2xx."""
        with self._cond:
            self._state.webhook_routes[public_url] = local_url
            self._cond.notify_all()
            if self._deliverers:
                return
            for i in range(WEBHOOK_CONNECTIONS):
                thread = threading.Thread(target=self._deliver, name=f"telegram-webhook-{i}", daemon=True)
                self._deliverers.append(thread)
                thread.start()

    def _next_delivery(self) -> tuple[dict[str, Any], str, str | None] | None:
        """The next update to POST, the local URL and the secret; None when closing. Waits for one."""
        with self._cond:
            while not self._closing:
                hook = self._state.webhook
                target = self._state.webhook_routes.get(hook["url"]) if hook else None
                if hook and target and self._state.updates:
                    return self._state.updates.pop(0), target, hook.get("secret_token")
                self._cond.wait(0.5)
            return None

    def _deliver(self) -> None:
        while (job := self._next_delivery()) is not None:
            update, url, secret = job
            status = post_update(url, update, secret)
            with self._cond:
                self._state.webhook_deliveries.append(Delivery(update["update_id"], url, status))
                if 200 <= status < 300:
                    continue
                self._state.updates.insert(0, update)  # Telegram keeps it and tries again
            time.sleep(WEBHOOK_RETRY)

    def webhook_deliveries(self) -> list[Delivery]:
        """Every attempt at delivering an update by webhook, in order."""
        with self._cond:
            return list(self._state.webhook_deliveries)

    def __enter__(self) -> TelegramEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- building updates ------------------------------------------------------------------

    @staticmethod
    def user(
        user_id: int = 1001, *, language_code: str | None = "zh-hans", first_name: str = "读者"
    ) -> dict[str, Any]:
        out: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if language_code is not None:
            out["language_code"] = language_code
        return out

    @staticmethod
    def private_chat(user: dict[str, Any]) -> dict[str, Any]:
        return {"id": user["id"], "type": "private", "first_name": user.get("first_name", "")}

    @staticmethod
    def group_chat(
        chat_id: int = -1001234, title: str = "二七区街坊群", *, supergroup: bool = True
    ) -> dict[str, Any]:
        return {"id": chat_id, "type": "supergroup" if supergroup else "group", "title": title}

    def _next_message_id(self, chat_id: int) -> int:
        counter = self._message_ids.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def _push(self, update: dict[str, Any]) -> dict[str, Any]:
        with self._cond:
            update["update_id"] = next(self._ids)
            self._state.updates.append(update)
            self._cond.notify_all()
        return update

    def push_message(
        self,
        text: str,
        *,
        user: dict[str, Any] | None = None,
        chat: dict[str, Any] | None = None,
        reply_to: StoredMessage | dict[str, Any] | None = None,
        entities: list[dict[str, Any]] | None = None,
        sender_chat: dict[str, Any] | None = None,
        media: str | None = None,
    ) -> dict[str, Any]:
        """Queue a text message from a user. Commands and @mentions get their entities automatically.
        `sender_chat`: the chat the message is sent on behalf of (an anonymous group administrator).
        `media` ("photo" or "document"): a photo or a file sent with `text` as its caption (Telegram puts
        a caption's entities in ``caption_entities``; a caption is never a command to Telegram's clients)."""
        user = user or self.user()
        chat = chat or self.private_chat(user)
        with self._cond:
            self._state.chats[chat["id"]] = chat
            self._state.users[user["id"]] = user
            if chat["type"] != "private":
                self._state.members.setdefault((chat["id"], user["id"]), "member")
            message_id = self._next_message_id(chat["id"])
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            "text": text,
        }
        if media is not None:
            message[media] = _MEDIA[media]
            caption = message.pop("text")
            if caption:  # Telegram leaves out an empty caption
                message["caption"] = caption
        if entities is None:
            entities = []
            m = re.match(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
            if m:
                entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(m.group(0))})
            for mm in re.finditer(r"(?<![\w/])@[A-Za-z0-9_]{5,32}", text):
                if m and mm.start() < m.end():
                    continue
                entities.append(
                    {
                        "type": "mention",
                        "offset": utf16_len(text[: mm.start()]),
                        "length": utf16_len(mm.group(0)),
                    }
                )
        if entities:
            message["entities" if media is None else "caption_entities"] = entities
        if sender_chat is not None:
            message["sender_chat"] = sender_chat
        if reply_to is not None:
            if isinstance(reply_to, StoredMessage):
                message["reply_to_message"] = reply_to.to_api(self.bot_user)
            else:
                message["reply_to_message"] = reply_to
        return self._push({"message": message})

    def push_edit(self, update: dict[str, Any], text: str) -> dict[str, Any]:
        """Queue the edit of a message pushed before (`update`, as `push_message` returned it): Telegram
        sends an ``edited_message`` with the same id, chat and sender, the new text and ``edit_date``."""
        original = update["message"]
        fresh = self.push_message(text, user=original["from"], chat=original["chat"])
        with self._cond:
            self._state.updates.remove(fresh)  # only its entities are kept: the edit goes instead
        edited = fresh["message"] | {"message_id": original["message_id"], "edit_date": int(time.time())}
        if "reply_to_message" in original:
            edited["reply_to_message"] = original["reply_to_message"]
        return self._push({"edited_message": edited})

    def push_callback(
        self, message: StoredMessage, data: str, *, user: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Queue a press on an inline button of a message the bot sent."""
        if user is None:
            user = self.user(message.chat["id"]) if message.chat["type"] == "private" else self.user()
        query_id = f"cbq{next(self._ids)}"
        with self._cond:
            self._state.users[user["id"]] = user
            if message.chat["type"] != "private":
                self._state.members.setdefault((message.chat["id"], user["id"]), "member")
            current = self._state.messages.get((message.chat["id"], message.message_id), message)
            self._state.queries[query_id] = _PendingQuery("callback", user["id"])
            api_message = current.to_api(self.bot_user)
        return self._push(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user,
                    "chat_instance": f"ci{message.chat['id']}",
                    "message": api_message,
                    "data": data,
                }
            }
        )

    def push_inline_query(
        self, query: str, *, user: dict[str, Any] | None = None, offset: str = ""
    ) -> dict[str, Any]:
        """Queue an inline query (``@bot query`` typed in any chat)."""
        user = user or self.user()
        query_id = f"iq{next(self._ids)}"
        with self._cond:
            self._state.users[user["id"]] = user
            self._state.queries[query_id] = _PendingQuery("inline", user["id"])
        return self._push(
            {
                "inline_query": {
                    "id": query_id,
                    "from": user,
                    "query": query,
                    "offset": offset,
                    "chat_type": "private",
                }
            }
        )

    def delete_message(self, message: StoredMessage) -> None:
        """The message disappears (deleted by a user or too old): editing it fails like Telegram's."""
        with self._cond:
            self._state.messages[(message.chat["id"], message.message_id)].deleted = True

    # ---- membership ----------------------------------------------------------------------------

    MEMBER_STATUSES = ("creator", "administrator", "member", "left", "kicked")

    def set_member_status(self, chat: dict[str, Any], user: dict[str, Any], status: str) -> None:
        """The user's status in the group (``creator``, ``administrator``, ``member``, ``left``, ``kicked``)."""
        if status not in self.MEMBER_STATUSES:
            raise ValueError(f"unknown member status {status!r}")
        if chat["type"] == "private":
            raise ValueError("private chats have no administrators")
        with self._cond:
            self._state.chats[chat["id"]] = chat
            self._state.users[user["id"]] = user
            self._state.members[(chat["id"], user["id"])] = status

    # ---- faults ------------------------------------------------------------------------------

    def fail_with_retry_after(self, chat_id: int, retry_after: int = 1, *, times: int | None = 1) -> None:
        """Answer 429 Too Many Requests (retry_after) to sends to this chat, `times` times (None: always)."""
        with self._cond:
            self._state.faults[chat_id] = _Fault("retry_after", retry_after=retry_after, times=times)

    def block_by_user(self, chat_id: int) -> None:
        """The user blocked the bot: every send to the chat gets 403 Forbidden."""
        with self._cond:
            self._state.faults[chat_id] = _Fault("forbidden")

    def delete_chat(self, chat_id: int) -> None:
        """The chat is gone (a deleted group, a deleted account): every send to it gets 400 chat not found."""
        with self._cond:
            self._state.faults[chat_id] = _Fault("gone")

    def migrate_chat(self, chat_id: int, new_chat_id: int) -> None:
        """The group was upgraded to a supergroup: sends to the old id get 400 with migrate_to_chat_id."""
        with self._cond:
            self._state.faults[chat_id] = _Fault("migrate", migrate_to=new_chat_id)

    def fail_with_server_error(self, chat_id: int, *, times: int | None = 1) -> None:
        """Answer 502 Bad Gateway (PTB raises NetworkError) to sends to this chat, `times` times."""
        with self._cond:
            self._state.faults[chat_id] = _Fault("server_error", times=times)

    def answer_slowly(self, chat_id: int, seconds: float, *, times: int | None = 1) -> None:
        """Carry out sends to this chat at once (the message is delivered) but answer only after
        `seconds`: a client with a shorter read timeout sees a timeout for a message that arrived."""
        with self._cond:
            self._state.faults[chat_id] = _Fault("slow", times=times, delay=seconds)

    def limit_rate(self, per_second: int | None) -> None:
        """Accept at most `per_second` messages (sends and edits, all chats) in any second; answer the
        others 429 with ``retry_after`` (None: no limit)."""
        with self._cond:
            self._state.rate_limit = per_second
            self._state.accepted.clear()

    def clear_faults(self, chat_id: int | None = None) -> None:
        with self._cond:
            if chat_id is None:
                self._state.faults.clear()
            else:
                self._state.faults.pop(chat_id, None)

    # ---- inspecting ------------------------------------------------------------------------

    @property
    def calls(self) -> list[Call]:
        with self._cond:
            return list(self._state.calls)

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def errors(self) -> list[Call]:
        """Calls the emulator rejected (tests usually assert there are none)."""
        return [c for c in self.calls if not c.ok]

    def messages(self, chat_id: int | None = None) -> list[StoredMessage]:
        """Messages the bot sent (current state: edits applied), in order."""
        with self._cond:
            out = [m for m in self._state.messages.values() if m.from_bot and not m.deleted]
        if chat_id is not None:
            out = [m for m in out if m.chat["id"] == chat_id]
        return sorted(out, key=lambda m: (m.chat["id"], m.message_id))

    def commands(self, language_code: str = "", scope: str = "default") -> list[dict[str, str]]:
        with self._cond:
            return list(self._state.commands.get((scope, language_code), []))

    def deliveries(self) -> dict[int, int]:
        """How many messages each chat received (sendMessage accepted), by chat id."""
        with self._cond:
            return dict(self._state.deliveries)

    @property
    def flood_refusals(self) -> int:
        """How many messages `limit_rate` refused with 429."""
        with self._cond:
            return self._state.flood_refusals

    def pending_updates(self) -> int:
        with self._cond:
            return len(self._state.updates)

    def query_answered(self, query_id: str) -> bool:
        with self._cond:
            q = self._state.queries.get(query_id)
            return bool(q and q.answered)

    async def wait_until(
        self, predicate: Any, *, limit_s: float = WAIT_LIMIT_S, what: str = "condition"
    ) -> Any:
        """Poll `predicate()` until it returns something truthy (a deadline, not a timing assertion)."""
        deadline = time.monotonic() + limit_s
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"emulator: timed out waiting for {what}; calls so far: "
                    + ", ".join(f"{c.method}{'' if c.ok else '!'}" for c in self.calls)
                )
            await asyncio.sleep(0.01)

    async def wait_for_messages(self, chat_id: int, count: int = 1, *, after: int = 0) -> list[StoredMessage]:
        """Wait until the bot has sent at least `count` messages to the chat with message_id > `after`."""

        def ready() -> list[StoredMessage] | None:
            msgs = [m for m in self.messages(chat_id) if m.message_id > after]
            return msgs if len(msgs) >= count else None

        result: list[StoredMessage] = await self.wait_until(
            ready, what=f"{count} message(s) to chat {chat_id}"
        )
        return result

    async def wait_for_call(self, method: str, count: int = 1) -> list[Call]:
        result: list[Call] = await self.wait_until(
            lambda: c if len(c := self.calls_of(method)) >= count else None, what=f"{count}× {method}"
        )
        return result

    async def wait_until_idle(self) -> None:
        """Wait until the bot fetched every queued update (it may still be handling them)."""
        await self.wait_until(lambda: self.pending_updates() == 0, what="updates to be fetched")

    # ---- HTTP ------------------------------------------------------------------------------

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        if len(body) < length:
            # The sender went away mid-request (a killed process): like Telegram, read nothing into the
            # torn form and answer nothing.
            request.close_connection = True
            return
        self._answer_delay.value = 0.0
        status, payload = self._dispatch(request.path, request.headers.get("Content-Type", ""), body)
        if self._answer_delay.value:
            time.sleep(self._answer_delay.value)  # this request's own thread: the others go on
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        try:
            request.send_response(status)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)
        except OSError:
            pass

    def _dispatch(self, path: str, content_type: str, body: bytes) -> tuple[int, dict[str, Any]]:
        m = re.fullmatch(r"/bot([^/]+)/(\w+)", path.split("?")[0])
        if not m:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        if m.group(1) != self.token:
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        method = m.group(2)
        params = self._decode(content_type, body)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
        try:
            result = handler(params)
        except TelegramError as err:
            if method != "getUpdates":
                with self._cond:
                    self._state.calls.append(Call(method, params, ok=False, error=err.description))
            return err.code, err.payload()
        if method != "getUpdates":
            with self._cond:
                self._state.calls.append(Call(method, params, ok=True, result=result))
        return 200, {"ok": True, "result": result}

    @staticmethod
    def _decode(content_type: str, body: bytes) -> dict[str, Any]:
        if not body:
            return {}
        if content_type.startswith("application/json"):
            loaded: dict[str, Any] = json.loads(body)
            return loaded
        if content_type.startswith("multipart/"):
            raise TelegramError(400, "Bad Request: the emulator does not accept file uploads")
        params: dict[str, Any] = {}
        for key, value in parse_qsl(body.decode("utf-8"), keep_blank_values=True):
            if key in STRING_FIELDS:
                params[key] = value
                continue
            try:
                params[key] = json.loads(value)
            except ValueError:
                params[key] = value
        return params

    # ---- shared checks -----------------------------------------------------------------------

    def _chat_id(self, params: dict[str, Any]) -> int:
        chat_id = params.get("chat_id")
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
            chat_id = int(chat_id)
        if not isinstance(chat_id, int):
            raise bad_request("chat not found")
        return chat_id

    def _apply_faults(self, chat_id: int) -> None:
        with self._cond:
            fault = self._state.faults.get(chat_id)
            if fault is None:
                return
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    del self._state.faults[chat_id]
        if fault.kind == "retry_after":
            raise TelegramError(
                429,
                f"Too Many Requests: retry after {fault.retry_after}",
                {"retry_after": fault.retry_after},
            )
        if fault.kind == "server_error":
            raise TelegramError(502, "Bad Gateway")
        if fault.kind == "slow":
            self._answer_delay.value = fault.delay
        if fault.kind == "forbidden":
            raise TelegramError(403, "Forbidden: bot was blocked by the user")
        if fault.kind == "gone":
            raise bad_request("chat not found")
        if fault.kind == "migrate":
            raise bad_request(
                "group chat was upgraded to a supergroup chat", {"migrate_to_chat_id": fault.migrate_to}
            )

    def _take_rate_slot(self) -> None:
        """Count one message against the bot's limit (`limit_rate`), or answer 429 as Telegram does."""
        with self._cond:
            limit = self._state.rate_limit
            if limit is None:
                return
            now = time.monotonic()
            accepted = self._state.accepted
            while accepted and accepted[0] <= now - 1.0:
                accepted.popleft()
            if len(accepted) >= limit:
                self._state.flood_refusals += 1
                wait = max(1, int(accepted[0] + 1.0 - now + 0.999))
                raise TelegramError(429, f"Too Many Requests: retry after {wait}", {"retry_after": wait})
            accepted.append(now)

    def _chat(self, chat_id: int) -> dict[str, Any]:
        with self._cond:
            chat = self._state.chats.get(chat_id)
        if chat is None:
            chat = {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}
            if chat_id > 0:
                chat["first_name"] = "user"
            else:
                chat["title"] = "chat"
        return chat

    def _message(self, params: dict[str, Any], *, what: str) -> StoredMessage:
        chat_id = self._chat_id(params)
        message_id = params.get("message_id")
        with self._cond:
            msg = self._state.messages.get((chat_id, message_id)) if isinstance(message_id, int) else None
        if msg is None or msg.deleted:
            raise bad_request(f"message to {what} not found")
        return msg

    # ---- methods -----------------------------------------------------------------------------

    def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        return self.bot_user

    def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:  # noqa: N802
        with self._cond:
            self._state.webhook = None
        return True

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:  # noqa: N802
        url = str(params.get("url") or "")
        if not url:  # an empty url removes the webhook
            return self._api_deleteWebhook(params)
        parts = urlsplit(url)
        if parts.scheme != "https":
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if parts.port not in (None, 80, 88, 443, 8443):
            raise bad_request("bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad_request("bad webhook: secret token contains unallowed characters")
        with self._cond:
            self._state.webhook = {"url": url, "secret_token": secret}
        return True

    def _api_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        with self._cond:
            hook = self._state.webhook
            pending = len(self._state.updates)
        return {
            "url": hook["url"] if hook else "",
            "has_custom_certificate": False,
            "pending_update_count": pending,
        }

    def _api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:  # noqa: N802
        if self._state.webhook is not None:
            raise TelegramError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = float(params.get("timeout") or 0)
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                if offset:
                    self._state.updates = [u for u in self._state.updates if u["update_id"] >= offset]
                if self._state.updates or self._closing:
                    return [dict(u) for u in self._state.updates[:limit]]
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return []
                self._cond.wait(remaining)

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        chat_id = self._chat_id(params)
        self._apply_faults(chat_id)
        plain, entities = check_text(params.get("text"), params.get("parse_mode"))
        markup = check_reply_markup(params.get("reply_markup"))
        self._take_rate_slot()
        with self._cond:
            self._state.deliveries[chat_id] += 1
            msg = StoredMessage(
                chat=self._chat(chat_id),
                message_id=self._next_message_id(chat_id),
                text=plain,
                entities=entities,
                reply_markup=markup,
                date=int(time.time()),
                html=params.get("text"),
            )
            self._state.messages[(chat_id, msg.message_id)] = msg
        return msg.to_api(self.bot_user)

    def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        if "inline_message_id" in params:
            check_text(params.get("text"), params.get("parse_mode"))
            check_reply_markup(params.get("reply_markup"))
            return True  # type: ignore[return-value]
        chat_id = self._chat_id(params)
        self._apply_faults(chat_id)
        msg = self._message(params, what="edit")
        plain, entities = check_text(params.get("text"), params.get("parse_mode"))
        markup = check_reply_markup(params.get("reply_markup"))
        self._take_rate_slot()
        with self._cond:
            if plain == msg.text and entities == msg.entities and markup == msg.reply_markup:
                raise bad_request(
                    "message is not modified: specified new message content and reply markup are exactly "
                    "the same as a current content and reply markup of the message"
                )
            msg.text, msg.entities, msg.reply_markup, msg.html = plain, entities, markup, params.get("text")
        return msg.to_api(self.bot_user)

    def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        chat_id = self._chat_id(params)
        self._apply_faults(chat_id)
        msg = self._message(params, what="edit")
        markup = check_reply_markup(params.get("reply_markup"))
        self._take_rate_slot()
        with self._cond:
            if markup == msg.reply_markup:
                raise bad_request(
                    "message is not modified: specified new message content and reply markup are exactly "
                    "the same as a current content and reply markup of the message"
                )
            msg.reply_markup = markup
        return msg.to_api(self.bot_user)

    def _api_deleteMessage(self, params: dict[str, Any]) -> bool:  # noqa: N802
        msg = self._message(params, what="delete")
        with self._cond:
            msg.deleted = True
        return True

    def _api_sendChatAction(self, params: dict[str, Any]) -> bool:  # noqa: N802
        chat_id = self._chat_id(params)
        self._apply_faults(chat_id)
        if params.get("action") not in {
            "typing",
            "upload_photo",
            "record_video",
            "upload_video",
            "record_voice",
            "upload_voice",
            "upload_document",
            "choose_sticker",
            "find_location",
            "record_video_note",
            "upload_video_note",
        }:
            raise bad_request("wrong parameter action in request")
        return True

    def _answer_query(self, query_id: Any, kind: str) -> None:
        with self._cond:
            q = self._state.queries.get(query_id) if isinstance(query_id, str) else None
            if q is None or q.kind != kind or q.answered:
                raise bad_request("query is too old and response timeout expired or query ID is invalid")
            q.answered = True

    def _api_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:  # noqa: N802
        chat_id = self._chat_id(params)
        user_id = params.get("user_id")
        if isinstance(user_id, str) and user_id.isdigit():
            user_id = int(user_id)
        if not isinstance(user_id, int) or isinstance(user_id, bool) or user_id <= 0:
            raise bad_request("invalid user_id specified")
        with self._cond:
            chat = self._state.chats.get(chat_id)
            user = self._state.users.get(user_id)
            status = self._state.members.get((chat_id, user_id), "left")
        if chat is None:
            raise bad_request("chat not found")
        if user is None:
            raise bad_request("PARTICIPANT_ID_INVALID")
        if chat["type"] == "private":
            if user_id != chat_id:
                raise bad_request("PARTICIPANT_ID_INVALID")
            status = "member"
        member: dict[str, Any] = {"status": status, "user": user}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member.update(
                {
                    "can_be_edited": False,
                    "is_anonymous": False,
                    "can_manage_chat": True,
                    "can_delete_messages": True,
                    "can_manage_video_chats": True,
                    "can_restrict_members": True,
                    "can_promote_members": False,
                    "can_change_info": True,
                    "can_invite_users": True,
                    "can_post_stories": False,
                    "can_edit_stories": False,
                    "can_delete_stories": False,
                }
            )
        elif status == "kicked":
            member["until_date"] = 0
        return member

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:  # noqa: N802
        text = params.get("text")
        if text is not None and len(str(text)) > MAX_CALLBACK_ANSWER:
            raise bad_request("MESSAGE_TOO_LONG")
        self._answer_query(params.get("callback_query_id"), "callback")
        return True

    def _api_answerInlineQuery(self, params: dict[str, Any]) -> bool:  # noqa: N802
        results = params.get("results")
        if not isinstance(results, list):
            raise bad_request("can't parse inline query results JSON object")
        if len(results) > MAX_INLINE_RESULTS:
            raise bad_request("RESULTS_TOO_MUCH")
        next_offset = params.get("next_offset", "")
        if next_offset is not None and len(str(next_offset).encode("utf-8")) > 64:
            raise bad_request("NEXT_OFFSET_INVALID")
        seen: set[str] = set()
        for result in results:
            rid = result.get("id")
            if not isinstance(rid, str) or not 1 <= len(rid.encode("utf-8")) <= 64:
                raise bad_request("RESULT_ID_INVALID")
            if rid in seen:
                raise bad_request("RESULT_ID_DUPLICATE")
            seen.add(rid)
            if result.get("type") == "article":
                if not str(result.get("title", "")).strip():
                    raise bad_request("RESULT_TITLE_EMPTY")
                content = result.get("input_message_content") or {}
                if "message_text" not in content:
                    raise bad_request("MESSAGE_EMPTY")
                check_text(content["message_text"], content.get("parse_mode"))
            check_reply_markup(result.get("reply_markup"))
        self._answer_query(params.get("inline_query_id"), "inline")
        return True

    def _scope_key(self, params: dict[str, Any]) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        if isinstance(scope, str):
            scope = json.loads(scope)
        name = scope.get("type", "default")
        if "chat_id" in scope:
            name += f":{scope['chat_id']}"
        if "user_id" in scope:
            name += f":{scope['user_id']}"
        lang = params.get("language_code") or ""
        if lang and not re.fullmatch(r"[a-z]{2}", lang):
            raise bad_request("LANG_CODE_INVALID")
        return name, lang

    def _api_setMyCommands(self, params: dict[str, Any]) -> bool:  # noqa: N802
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > 100:
            raise bad_request("too many commands")
        names: set[str] = set()
        for cmd in commands:
            name = cmd.get("command", "")
            desc = cmd.get("description", "")
            if not isinstance(name, str) or not COMMAND_RE.match(name):
                raise bad_request("BOT_COMMAND_INVALID")
            if name in names:
                raise bad_request("BOT_COMMAND_DUPLICATE")
            names.add(name)
            if not isinstance(desc, str) or not 1 <= len(desc.strip()) <= 256 or len(desc) > 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        key = self._scope_key(params)
        with self._cond:
            self._state.commands[key] = [
                {"command": c["command"], "description": c["description"]} for c in commands
            ]
        return True

    def _api_getMyCommands(self, params: dict[str, Any]) -> list[dict[str, str]]:  # noqa: N802
        key = self._scope_key(params)
        with self._cond:
            return list(self._state.commands.get(key, []))

    def _api_deleteMyCommands(self, params: dict[str, Any]) -> bool:  # noqa: N802
        key = self._scope_key(params)
        with self._cond:
            self._state.commands.pop(key, None)
        return True
