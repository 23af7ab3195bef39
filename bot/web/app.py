"""The web edge: the chat page, its JSON API, article pages, private feeds, /healthz and /wechat.

One Starlette application over the same `Services` as Telegram. A reader is a browser session: a signed
cookie (itsdangerous) holding the reader's chat id (`storage.records.readers`), given at its first message;
no account. Two browsers never share a chat id, so never each other's subscriptions, history or /forget.

- ``GET /``: the chat page (`bot.web.page`), in Chinese or English by the browser's language.
- ``POST /api/message`` ``{"text": …}`` (with ``"search": true`` and ``"page"``: a ``?q=…&page=…``
  link's search at that page) and ``POST /api/press`` ``{"data": …}``: replies of the same
  `Conversation` as Telegram, rendered with `bot.web.markup` (text, marked words, segments, buttons).
- ``GET /article/N``: a story as its own page with Open Graph tags.
- ``GET /feed/TOKEN``: a subscription's private Atom feed (`bot.digests.feed`), with ETag and
  Last-Modified.
- ``GET|POST /wechat``: the WeChat Official Account endpoint when NEWSBOT_WECHAT_TOKEN is set
  (`bot.wechat`): signature checked on every request, a passive XML reply within 4.5 s, a message the
  platform retries answered the same and acted on once.
- ``GET /healthz``: the health report.

Hardening: every text is escaped (`bot.web.markup`, `bot.web.page`); a Content-Security-Policy without
inline script and the usual security headers on every response; the JSON calls that change something are
refused cross-site (JSON content type required; Origin and Sec-Fetch-Site checked) and the cookie is
SameSite=Strict and HttpOnly; bodies are capped; each session, and each address's new sessions, are
rate limited; errors answer a short line, never a traceback (the details go to the log).
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import format_datetime
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.chat.command_line import language_words, latest_page, typed_command
from bot.chat.conversation import Conversation
from bot.chat.exchange import Press, Who
from bot.chat.intents import written_in_chinese
from bot.chat.replies import Channel, Reply, clip, format_notice, format_welcome
from bot.chat.state import Confirmations, FloodGuard, FloodLimit, QueryStore, TopicStore
from bot.chat.texts import text
from bot.chat.typed_text import readable
from bot.digests.feed import feed_replies, subscription_feed
from bot.digests.plan import ARTICLE_PREFIX
from bot.services import Services
from bot.settings import Settings
from bot.web.http import (
    SecurityHeaders,
    Window,
    browser_language,
    not_modified,
    prefers_html,
    read_body,
    reads_chinese,
    same_origin,
)
from bot.web.markup import WEB, reply_json, reply_parts
from bot.web.page import (
    MAX_MESSAGE_CHARS,
    SCRIPT,
    STYLE,
    article_page,
    chat_page,
    feed_page,
    not_found_page,
)
from bot.wechat.chat import WeChatChat, own_article_id
from bot.wechat.format import WECHAT, format_results_wechat
from bot.wechat.protocol import MAX_BODY as WECHAT_MAX_BODY
from bot.wechat.protocol import (
    BadMessage,
    EncryptedMessage,
    Message,
    message_key,
    parse_message,
    signature_ok,
    text_reply,
)
from storage.database.health import check
from storage.database.postgres import PostgresDatabase
from storage.errors import DatabaseBusy
from storage.records.readers import WEB as CHANNEL
from storage.records.readers import (
    claim_message,
    is_reader_chat,
    message_reply,
    new_reader,
    record_reply,
    server_key,
)

log = logging.getLogger(__name__)

SESSION_COOKIE = "newsbot_session"
SESSION_AGE = 400 * 24 * 3600  # seconds; browsers cap cookies at 400 days
# Room for a message of MAX_MESSAGE_CHARS written as JSON escapes (an emoji is \ud83d\ude00, 12 bytes), so a
# message within the limit is never refused as a too large request.
MAX_JSON_BODY = 8192
API_CALLS_PER_MINUTE = 60
NEW_SESSIONS_PER_ADDRESS = 120  # per 10 minutes (an office or a carrier's NAT is one address)
WECHAT_BUDGET = 4.5  # seconds: the platform gives up at 5
WRITE_WAIT = 2.0
FEED_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")


# ---- the options and the edge --------------------------------------------------------------------------


@dataclass(frozen=True)
class WebOptions:
    """What the web edge reads from the settings (the secrets never in a repr)."""

    public_url: str | None = None
    secret: str | None = field(default=None, repr=False)
    wechat_token: str | None = field(default=None, repr=False)

    @classmethod
    def from_settings(cls, settings: Settings) -> WebOptions:
        return cls(
            public_url=settings.web_public_url,
            secret=settings.web_secret.get_secret_value() if settings.web_secret else None,
            wechat_token=settings.wechat_token.get_secret_value() if settings.wechat_token else None,
        )


def _lists_articles(out: list[Reply]) -> bool:
    """Whether replies list articles (they carry a button opening one)."""
    return any((b.data or "").startswith(ARTICLE_PREFIX) for r in out for row in r.buttons for b in row)


class WebEdge:
    """The handlers, over the services: each turns a request into a conversation call and a response."""

    def __init__(
        self, services: Services, options: WebOptions, *, clock: Callable[[], float] = time.monotonic
    ):
        self.services = services
        self.options = options
        self.database = services.database
        self.conversation = Conversation(
            services.library,
            records=services.records,
            markup=WEB,
            channel=Channel.WEB,
            pushes=False,  # a reader here reads its subscriptions (/digest, the private address)
            queries=QueryStore(services.database),
            topics=TopicStore(services.database),
            confirmations=Confirmations(services.database),
            flood=FloodGuard(services.database, FloodLimit(20)),
            examples=services.conversation.example_source,
            clock=services.conversation.clock,  # the services' clock (`newsbot web --now`)
        )
        self.wechat: WeChatChat | None = None
        if options.wechat_token:
            conversation = Conversation(
                services.library,
                records=services.records,
                markup=WECHAT,
                channel=Channel.WECHAT,
                pushes=False,  # the platform limits pushes: subscriptions are read (/digest, the address)
                queries=QueryStore(services.database),
                topics=TopicStore(services.database),
                confirmations=Confirmations(services.database),
                flood=FloodGuard(services.database, FloodLimit(20)),
                results_format=format_results_wechat,
                examples=services.conversation.example_source,
                clock=services.conversation.clock,
            )
            self.wechat = WeChatChat(conversation, services.database)
        secret = options.secret or self.database.write(server_key, "web-session")
        self.signer = URLSafeTimedSerializer(secret, salt="newsbot.web.session")
        self.api_calls = Window(API_CALLS_PER_MINUTE, 60.0, clock)
        self.new_sessions = Window(NEW_SESSIONS_PER_ADDRESS, 600.0, clock)
        self.pending: dict[str, asyncio.Task[str]] = {}
        self.wechat_budget = WECHAT_BUDGET

    # -- helpers --

    def base_url(self, request: Request) -> str:
        return (self.options.public_url or str(request.base_url)).rstrip("/")

    @staticmethod
    def lang(request: Request) -> str:
        return browser_language(request.headers.get("accept-language"))

    def message_lang(self, request: Request, line: str, *, search: bool) -> str:
        """The language the browser tells for a message: Chinese for one written in Chinese when the browser
        names Chinese among its languages (`en-US,en;q=0.9,zh-CN;q=0.8`), else the one it prefers. The
        one rule of `Conversation.in_chat_language` then reads the message with it."""
        header = request.headers.get("accept-language")
        words = line if search else language_words(line)
        return "zh" if written_in_chinese(words) and reads_chinese(header) else browser_language(header)

    async def page_lang(self, request: Request) -> str:
        """The language of a page: the one the session's chat chose with /lang, else the browser's."""
        chat_id = self.session_chat(request)
        chosen = None
        if chat_id is not None:
            chosen = await asyncio.to_thread(self.services.records.language, chat_id)
        return chosen or self.lang(request)

    async def replies_lang(self, request: Request, chat_id: int) -> str:
        """The language the chat's replies were just written in, which their buttons' names follow: the one
        it chose with /lang, else the one its messages were last answered in (`Conversation.in_chat_language`:
        Chinese after a Chinese question from a browser naming English), else the browser's."""
        chosen, heard = await asyncio.to_thread(self.services.records.languages, chat_id)
        return chosen or heard or self.lang(request)

    def session_chat(self, request: Request) -> int | None:
        cookie = request.cookies.get(SESSION_COOKIE)
        if not cookie:
            return None
        try:
            data = self.signer.loads(cookie, max_age=SESSION_AGE)
        except BadSignature:
            return None
        chat = data.get("c") if isinstance(data, dict) else None
        return chat if isinstance(chat, int) and is_reader_chat(chat) else None

    async def error_lang(self, request: Request) -> str:
        """The language of an error: the page's (the session's /lang, else the browser's); the browser's
        when the session's choice cannot be read (the error may be the database's)."""
        try:
            return await self.page_lang(request)
        except Exception:  # reading the choice failed too: the error itself is answered all the same
            log.warning("web: could not read the session's language for an error", exc_info=True)
            return self.lang(request)

    async def _error(self, request: Request, status: int, key: str, **values: object) -> JSONResponse:
        """An API error: ``{"error": "…"}`` in the reader's language."""
        lang = await self.error_lang(request)
        return JSONResponse({"error": text(lang, key, **values)}, status_code=status)

    async def _api_request(self, request: Request) -> tuple[dict[str, Any], int, str | None] | JSONResponse:
        """A JSON call's payload, the reader's chat id (a new reader's without a valid cookie) and the
        session cookie to set; or the response refusing it."""
        if not same_origin(request.headers):
            return await self._error(request, 403, "web_cross_site")
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            return await self._error(request, 415, "web_send_json")
        body = await read_body(request, MAX_JSON_BODY)
        try:
            payload = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return await self._error(request, 400, "web_not_json")
        if not isinstance(payload, dict):
            return await self._error(request, 400, "web_not_object")
        chat_id = self.session_chat(request)
        if chat_id is None:
            address = request.client.host if request.client else "?"
            if not self.new_sessions.allow(address):
                return await self._error(
                    request, 429, "web_slow_down", seconds=self.new_sessions.wait(address)
                )
            chat_id = await asyncio.to_thread(self.database.write, new_reader, CHANNEL, wait=WRITE_WAIT)
        if not self.api_calls.allow(chat_id):
            return await self._error(request, 429, "web_slow_down", seconds=self.api_calls.wait(chat_id))
        # Signed again on every call: a reader who comes back within 400 days keeps the session.
        return payload, chat_id, self.signer.dumps({"c": chat_id})

    def _json(self, request: Request, body: dict[str, Any], cookie: str | None) -> JSONResponse:
        response = JSONResponse(body, headers={"cache-control": "no-store"})
        if cookie is not None:
            response.set_cookie(
                SESSION_COOKIE,
                cookie,
                max_age=SESSION_AGE,
                httponly=True,
                samesite="strict",
                secure=request.url.scheme == "https",
            )
        return response

    # -- the chat --

    async def page(self, request: Request) -> Response:
        lang = await self.page_lang(request)
        examples = await asyncio.to_thread(self.conversation.examples)
        welcome = reply_parts(format_welcome(lang, WEB, examples))
        return HTMLResponse(
            chat_page(lang, welcome), headers={"cache-control": "no-cache", "vary": "Accept-Language, Cookie"}
        )

    async def script(self, request: Request) -> Response:
        return Response(
            SCRIPT, media_type="text/javascript; charset=utf-8", headers={"cache-control": "no-cache"}
        )

    async def style(self, request: Request) -> Response:
        return Response(STYLE, media_type="text/css; charset=utf-8", headers={"cache-control": "no-cache"})

    async def message(self, request: Request) -> Response:
        checked = await self._api_request(request)
        if isinstance(checked, Response):
            return checked
        payload, chat_id, cookie = checked
        line = payload.get("text")
        if isinstance(line, str):
            line = readable(line)
        if not isinstance(line, str) or not line.strip():
            return await self._error(request, 400, "web_text_required")
        if len(line) > MAX_MESSAGE_CHARS:
            return await self._error(request, 413, "web_text_too_long", limit=MAX_MESSAGE_CHARS)
        search = payload.get("search", False)
        if not isinstance(search, bool):
            return await self._error(request, 400, "web_search_flag")
        page = payload.get("page")
        if page is not None and not (search and isinstance(page, str)):
            return await self._error(request, 400, "web_page_field")
        who = Who(user_id=chat_id, lang=self.message_lang(request, line, search=search), chat_id=chat_id)
        if not search:
            answered = await asyncio.to_thread(self.conversation.forgetting.typed_answer, line, who)
            if answered is not None:  # 确认 typed after /forget: as its button, the page drops what it keeps
                names = await self.page_lang(request)
                body = {
                    "replies": [reply_json(answered.as_message(), names)],
                    "forgotten": answered.forgotten,
                }
                return self._json(request, body, cookie)
        if page is not None:
            out = await asyncio.to_thread(self.answer_link, line, page, who, self.base_url(request))
        else:
            out = await asyncio.to_thread(self.answer_line, line, who, self.base_url(request), search=search)
        names = await self.replies_lang(request, chat_id)
        return self._json(request, {"replies": [reply_json(r, names) for r in out]}, cookie)

    def answer_link(self, line: str, page: str, who: Who, base_url: str) -> list[Reply]:
        """A link's search (``?q=``) at the page the link names (``&page=2``, WeChat's "more results"):
        that page of the results; for a page that is not a number (``-1``, ``abc``), or past the last one,
        a line saying so above the first page (blocking)."""
        out = self.answer_line(line, who, base_url, search=True)
        index = latest_page(page)
        lang = self.conversation.in_chat_language(who, line).lang
        if index is None:
            return [self._line(lang, "web_bad_page", page=clip(page, 30)), *out]
        if index == 0:
            return out
        turned = self._turned(out, index, who)
        if turned is not None:
            return turned
        if not _lists_articles(out):  # nothing found: that reply says so already
            return out
        return [self._line(lang, "web_page_past_end", page=clip(page.lstrip("0"), 30)), *out]

    def _turned(self, out: list[Reply], index: int, who: Who) -> list[Reply] | None:
        """`out` with its results turned to page `index` (from 0) by the results' own page button; None
        when they have no such page (or no pages at all)."""
        for n, reply in enumerate(out):
            keys = [
                (b.data or "").split(":")[1]
                for row in reply.buttons
                for b in row
                if (b.data or "").startswith("p:")
            ]
            if keys:
                pressed = self.conversation.press(f"p:{keys[0]}:{index}", who)
                if pressed.edit is None:
                    return None
                return [*out[:n], pressed.edit, *out[n + 1 :]]
        return None

    @staticmethod
    def _line(lang: str, key: str, **values: object) -> Reply:
        return Reply(format_notice(lang, key, WEB, **values))

    def answer_line(self, line: str, who: Who, base_url: str, *, search: bool = False) -> list[Reply]:
        """What the conversation answers to one line from the page (blocking); with `search` (a link's
        ``?q=``) the line is a search or a question, never a command, whatever it starts with."""
        line = " ".join(line.split())
        # The language chosen with /lang, else the line's own (one rule: `Conversation.in_chat_language`).
        who = self.conversation.in_chat_language(who, line if search else language_words(line))
        command = None if search else typed_command(line)
        if command is not None:
            name, rest = command
            out = self.conversation.command(name, rest, who)
            if who.chat_id is not None:
                out = feed_replies(
                    self.database,
                    name,
                    out,
                    who.chat_id,
                    who.lang,
                    WEB,
                    lambda token: f"{base_url}/feed/{token}",
                    wait=WRITE_WAIT,
                )
            return out
        # The address of one of this page's own article pages (copied from the address bar, or a link
        # shared back): that story, as its 📖 opens it.
        own = own_article_id(line, base_url)
        if own is not None:
            return self.conversation.article_replies(own, who, as_topic=True)
        return self.conversation.text(line, who)

    async def press(self, request: Request) -> Response:
        checked = await self._api_request(request)
        if isinstance(checked, Response):
            return checked
        payload, chat_id, cookie = checked
        data = payload.get("data")
        if isinstance(data, str):
            data = readable(data)
        if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= 64:
            return await self._error(request, 400, "web_data_required")
        who = Who(user_id=chat_id, lang=self.lang(request), chat_id=chat_id)
        if not self._owns(data, chat_id):
            result = Press(notice=text(who.lang, "stale_button"))
        else:
            result = await asyncio.to_thread(self.conversation.press, data, who)
        names = await self.replies_lang(request, chat_id)
        body = {
            "notice": result.notice,
            "edit": reply_json(result.edit, names) if result.edit is not None else None,
            "replies": [reply_json(r, names) for r in result.replies],
            # A confirmed /forget: the page also drops the conversation it keeps in the tab.
            "forgotten": result.forgotten,
        }
        return self._json(request, body, cookie)

    def _owns(self, data: str, chat_id: int) -> bool:
        """A page button (``p:``/``l:``) works only for the session whose search made it."""
        kind, _, rest = data.partition(":")
        if kind not in ("p", "l"):
            return True
        state = self.conversation.queries.get(rest.partition(":")[0])
        return state is None or state.user_id == chat_id

    # -- articles, feeds, health --

    async def article(self, request: Request) -> Response:
        lang = await self.page_lang(request)
        article_id = int(request.path_params["article_id"])
        found = (
            await asyncio.to_thread(self.services.library.article, article_id) if article_id < 2**62 else None
        )
        if found is None:
            return HTMLResponse(not_found_page(lang), status_code=404)
        url = f"{self.base_url(request)}/article/{article_id}"
        return HTMLResponse(article_page(found, lang, url), headers={"vary": "Accept-Language, Cookie"})

    async def feed(self, request: Request) -> Response:
        token = request.path_params["token"]
        feed = (
            await asyncio.to_thread(
                subscription_feed,
                self.database,
                self.services.library,
                token,
                self.base_url(request),
                now=self.services.conversation.clock(),
            )
            if FEED_TOKEN.fullmatch(token)
            else None
        )
        if feed is None:
            return await self._no_feed(request)
        if prefers_html(request.headers.get("accept")):  # a reader tapped the address: a page, not XML
            url = f"{self.base_url(request)}/feed/{token}"
            return HTMLResponse(
                feed_page(feed, url), headers={"vary": "Accept", "cache-control": "private, no-cache"}
            )
        headers = {
            "etag": feed.etag,
            "last-modified": format_datetime(feed.modified, usegmt=True),
            "cache-control": "private, max-age=300",
            "vary": "Accept",
        }
        if not_modified(
            request.headers.get("if-none-match"),
            request.headers.get("if-modified-since"),
            feed.etag,
            feed.modified,
        ):
            return Response(status_code=304, headers=headers)
        return Response(feed.body, media_type="application/atom+xml; charset=utf-8", headers=headers)

    async def _no_feed(self, request: Request) -> Response:
        """No feed at this address (a cancelled subscription's, a mistyped one): a reader who tapped it gets
        a page in their language saying so, with the way back to the chat; a feed reader a short 404."""
        if prefers_html(request.headers.get("accept")):
            lang = await self.page_lang(request)
            return HTMLResponse(not_found_page(lang, "web_no_feed"), status_code=404)
        return PlainTextResponse("no such feed", status_code=404)

    async def health(self, request: Request) -> Response:
        where = self.database.url if isinstance(self.database, PostgresDatabase) else self.database.path
        if where is None:
            return JSONResponse({"ok": True, "database": ":memory:"})
        report = await asyncio.to_thread(check, where)
        return JSONResponse(
            report.as_dict(), status_code=200 if report.ok else 503, headers={"cache-control": "no-store"}
        )

    # -- WeChat --

    async def wechat_endpoint(self, request: Request) -> Response:
        token = self.options.wechat_token
        if self.wechat is None or not token:
            return PlainTextResponse("not found", status_code=404)
        started = time.monotonic()
        q = request.query_params
        if not signature_ok(token, q.get("timestamp"), q.get("nonce"), q.get("signature")):
            return PlainTextResponse("forbidden", status_code=403)
        if request.method == "GET":
            return PlainTextResponse(q.get("echostr", ""))
        body = await read_body(request, WECHAT_MAX_BODY)
        try:
            message = parse_message(body)
        except EncryptedMessage:  # the account's settings, not the reader: the operator must change them
            log.warning(
                "wechat: an encrypted message (安全模式): newsbot reads plain messages only; set the account's "
                "消息加解密方式 to 明文模式 (or 兼容模式)"
            )
            return PlainTextResponse("bad request", status_code=400)
        except BadMessage:
            return PlainTextResponse("bad request", status_code=400)
        content = await self._wechat_reply(message, self.base_url(request), started)
        if not content:
            return PlainTextResponse("success")
        return Response(text_reply(message, content, int(time.time())), media_type="application/xml")

    async def _wechat_reply(self, message: Message, base: str, started: float) -> str:
        """The reply to `message`: computed once per message, whatever the platform's retries."""
        key = message_key(message)
        task = self.pending.get(key)
        if task is None:
            try:
                first = await asyncio.to_thread(self.database.write, claim_message, key, wait=WRITE_WAIT)
            except DatabaseBusy:
                return text("zh", "busy")
            task = self.pending.get(key)  # a retry that arrived meanwhile in this process
            if task is None and not first:
                recorded = await asyncio.to_thread(self.database.read, message_reply, key)
                return recorded if recorded is not None else text("zh", "wechat_slow")
            if task is None:
                task = asyncio.create_task(self._answer_wechat(message, key, base))
                self.pending[key] = task
                loop = asyncio.get_running_loop()
                task.add_done_callback(lambda _: loop.call_later(60, self.pending.pop, key, None))
        remaining = self.wechat_budget - (time.monotonic() - started)
        try:
            return await asyncio.wait_for(asyncio.shield(task), timeout=max(remaining, 0.05))
        except TimeoutError:
            return text("zh", "wechat_slow")

    async def _answer_wechat(self, message: Message, key: str, base: str) -> str:
        assert self.wechat is not None
        try:
            content = await asyncio.to_thread(self.wechat.answer, message, base)
        except DatabaseBusy:
            content = text("zh", "busy")
        except Exception:
            log.exception("wechat: error while answering a message")
            content = text("zh", "error")
        try:
            await asyncio.to_thread(self.database.write, record_reply, key, content, wait=WRITE_WAIT)
        except DatabaseBusy:
            log.warning("wechat: could not record a reply: database busy")
        return content


# ---- the application -------------------------------------------------------------------------------------


# The reader's words for the HTTP refusals Starlette raises.
_HTTP_ERROR_KEYS = {404: "web_no_route", 405: "web_method", 413: "web_too_large"}


def create_app(
    services: Services, settings: Settings, *, options: WebOptions | None = None
) -> SecurityHeaders:
    """The web application over open `services` (blocking: reads or makes the session key)."""
    edge = WebEdge(services, options or WebOptions.from_settings(settings))

    async def http_error(request: Request, exc: Exception) -> Response:
        """Starlette's own refusals (no such route, another method, a body too large) in the reader's
        language: JSON under /api/, a page for a page, a plain line for the WeChat platform."""
        assert isinstance(exc, HTTPException)
        path = request.url.path
        if path == "/wechat":
            return PlainTextResponse(exc.detail or "error", status_code=exc.status_code)
        key = _HTTP_ERROR_KEYS.get(exc.status_code, "error")
        if path == "/api/message" and exc.status_code == 413:
            # a message's body is its text and two short fields: too large, it is a message too long
            return await edge._error(request, 413, "web_text_too_long", limit=MAX_MESSAGE_CHARS)
        if path.startswith("/api/"):
            return await edge._error(request, exc.status_code, key, method=request.method)
        lang = await edge.error_lang(request)
        if exc.status_code == 404:
            return HTMLResponse(not_found_page(lang, "web_no_page"), status_code=404)
        return PlainTextResponse(text(lang, key, method=request.method), status_code=exc.status_code)

    async def busy(request: Request, exc: Exception) -> Response:
        return await edge._error(request, 503, "busy")

    async def failure(request: Request, exc: Exception) -> Response:
        log.error("web: error while answering a request", exc_info=exc)
        return await edge._error(request, 500, "error")

    routes = [
        Route("/", edge.page, methods=["GET"]),
        Route("/static/chat.js", edge.script, methods=["GET"]),
        Route("/static/chat.css", edge.style, methods=["GET"]),
        Route("/api/message", edge.message, methods=["POST"]),
        Route("/api/press", edge.press, methods=["POST"]),
        Route("/article/{article_id:int}", edge.article, methods=["GET"]),
        Route("/feed/{token}", edge.feed, methods=["GET"]),
        Route("/healthz", edge.health, methods=["GET"]),
        Route("/wechat", edge.wechat_endpoint, methods=["GET", "POST"]),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: http_error, DatabaseBusy: busy, Exception: failure},
    )
    app.state.edge = edge
    return SecurityHeaders(app)
