"""The web edge: the chat page, its JSON API, article pages, private feeds, /healthz and /wechat.

One Starlette application over the same `Services` as Telegram. A reader is a browser session: a signed
cookie (itsdangerous) holding the reader's chat id (`storage.records.readers`), given at its first message;
no account. Two browsers never share a chat id, so never each other's subscriptions, history or /forget.

- ``GET /``: the chat page (`bot.web.page`), in Chinese or English by the browser's language.
- ``POST /api/message`` ``{"text": …}`` and ``POST /api/press`` ``{"data": …}``: replies of the same
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
import hashlib
import json
import logging
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.chat.conversation import Conversation, FloodGuard, Press, Who
from bot.chat.replies import Reply, format_welcome
from bot.chat.texts import text
from bot.digests.compose import describe_subscription
from bot.digests.feed import FeedEntry, article_time, feed_articles, feed_replies, format_atom
from bot.services import Services
from bot.settings import Settings
from bot.web.markup import WEB, reply_json, reply_parts
from bot.web.page import SCRIPT, STYLE, article_page, chat_page, not_found_page
from bot.wechat.chat import WeChatChat
from bot.wechat.format import WECHAT, format_results_wechat
from bot.wechat.protocol import MAX_BODY as WECHAT_MAX_BODY
from bot.wechat.protocol import BadMessage, Message, message_key, parse_message, signature_ok, text_reply
from storage.database.health import check
from storage.errors import DatabaseBusy
from storage.records import subscriptions as subs
from storage.records.feeds import feed_subscription, last_stored
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
MAX_JSON_BODY = 4096
MAX_MESSAGE_CHARS = 500
API_CALLS_PER_MINUTE = 60
NEW_SESSIONS_PER_ADDRESS = 120  # per 10 minutes (an office or a carrier's NAT is one address)
WECHAT_BUDGET = 4.5  # seconds: the platform gives up at 5
WRITE_WAIT = 2.0
FEED_TOKEN = re.compile(r"[A-Za-z0-9_-]{32,64}")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",  # a feed address is a secret: never leak a URL to another site
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
}


# ---- small pure helpers --------------------------------------------------------------------------------


def browser_language(header: str | None) -> str:
    """'en' when the browser prefers English to Chinese (Accept-Language), else 'zh'."""
    ranked: list[tuple[float, int, str]] = []
    for index, item in enumerate((header or "").split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        m = re.search(r"q=([0-9.]+)", params)
        if m:
            try:
                quality = float(m.group(1))
            except ValueError:
                quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in ("zh", "en") and quality > 0:
            ranked.append((-quality, index, primary))
    return sorted(ranked)[0][2] if ranked else "zh"


def same_origin(headers: MutableMapping[str, str] | Any) -> bool:
    """False for a request a browser marks as cross-site (Sec-Fetch-Site) or whose Origin is another host."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin is None:
        return True  # not from a browser's cross-site form or script: browsers send Origin on POST
    return urlsplit(origin).netloc.lower() == (headers.get("host") or "").lower()


@dataclass
class Window:
    """At most `limit` events per `seconds` per key (sliding window), in memory."""

    limit: int
    seconds: float
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        self._seen: dict[object, deque[float]] = {}

    def allow(self, key: object) -> bool:
        now = self.clock()
        times = self._seen.setdefault(key, deque())
        while times and now - times[0] >= self.seconds:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        if len(self._seen) > 50_000:
            for k in [k for k, t in self._seen.items() if not t or now - t[-1] >= self.seconds]:
                del self._seen[k]
        return True

    def wait(self, key: object) -> int:
        times = self._seen.get(key)
        if not times:
            return 1
        return max(1, int(self.seconds - (self.clock() - times[0]) + 0.999))


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 when longer than `limit` bytes (declared or sent)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise HTTPException(413, "request too large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, "request too large")
        chunks.append(chunk)
    return b"".join(chunks)


# ---- the options and the edge --------------------------------------------------------------------------


@dataclass(frozen=True)
class WebOptions:
    public_url: str | None = None
    secret: str | None = None
    wechat_token: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> WebOptions:
        return cls(
            public_url=settings.web_public_url,
            secret=settings.web_secret.get_secret_value() if settings.web_secret else None,
            wechat_token=settings.wechat_token.get_secret_value() if settings.wechat_token else None,
        )


class WebEdge:
    """The handlers, over the services: each turns a request into a conversation call and a response."""

    def __init__(
        self, services: Services, options: WebOptions, *, clock: Callable[[], float] = time.monotonic
    ):
        self.services = services
        self.options = options
        self.database = services.database
        self.conversation = Conversation(
            services.library, records=services.records, markup=WEB, flood=FloodGuard(limit=20)
        )
        self.wechat: WeChatChat | None = None
        if options.wechat_token:
            conversation = Conversation(
                services.library,
                records=services.records,
                markup=WECHAT,
                flood=FloodGuard(limit=20),
                results_format=format_results_wechat,
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

    def _error(self, request: Request, status: int, key: str, **values: object) -> JSONResponse:
        return JSONResponse({"error": text(self.lang(request), key, **values)}, status_code=status)

    async def _api_request(self, request: Request) -> tuple[dict[str, Any], int, str | None] | JSONResponse:
        """A JSON call's payload, the reader's chat id and a new session cookie to set (or None); or the
        response refusing it."""
        if not same_origin(request.headers):
            return JSONResponse({"error": "cross-site request refused"}, status_code=403)
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            return JSONResponse({"error": "send JSON (Content-Type: application/json)"}, status_code=415)
        body = await read_body(request, MAX_JSON_BODY)
        try:
            payload = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return JSONResponse({"error": "the body is not JSON"}, status_code=400)
        if not isinstance(payload, dict):
            return JSONResponse({"error": "the body must be a JSON object"}, status_code=400)
        chat_id = self.session_chat(request)
        cookie = None
        if chat_id is None:
            address = request.client.host if request.client else "?"
            if not self.new_sessions.allow(address):
                return self._error(request, 429, "web_slow_down", seconds=self.new_sessions.wait(address))
            chat_id = await asyncio.to_thread(self.database.write, new_reader, CHANNEL, wait=WRITE_WAIT)
            cookie = self.signer.dumps({"c": chat_id})
        if not self.api_calls.allow(chat_id):
            return self._error(request, 429, "web_slow_down", seconds=self.api_calls.wait(chat_id))
        return payload, chat_id, cookie

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
        lang = self.lang(request)
        welcome = reply_parts(format_welcome(lang, WEB))
        return HTMLResponse(
            chat_page(lang, welcome), headers={"cache-control": "no-cache", "vary": "Accept-Language"}
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
        if not isinstance(line, str) or not line.strip():
            return JSONResponse({"error": "text is required"}, status_code=400)
        if len(line) > MAX_MESSAGE_CHARS:
            return JSONResponse({"error": f"at most {MAX_MESSAGE_CHARS} characters"}, status_code=413)
        who = Who(user_id=chat_id, lang=self.lang(request), chat_id=chat_id)
        out = await asyncio.to_thread(self.answer_line, line, who, self.base_url(request))
        return self._json(request, {"replies": [reply_json(r) for r in out]}, cookie)

    def answer_line(self, line: str, who: Who, base_url: str) -> list[Reply]:
        """What the conversation answers to one line from the page (blocking)."""
        line = " ".join(line.split())
        if line.startswith("/") and len(line) > 1:
            head, _, rest = line[1:].partition(" ")
            name = head.split("@", 1)[0].lower()
            out = self.conversation.command(name, rest, who)
            if name in ("subscribe", "subscriptions") and who.chat_id is not None:
                out += feed_replies(
                    self.database,
                    who.chat_id,
                    who.lang,
                    WEB,
                    lambda token: f"{base_url}/feed/{token}",
                    listing=name == "subscriptions",
                )
            return out
        return self.conversation.text(line, who)

    async def press(self, request: Request) -> Response:
        checked = await self._api_request(request)
        if isinstance(checked, Response):
            return checked
        payload, chat_id, cookie = checked
        data = payload.get("data")
        if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= 64:
            return JSONResponse({"error": "data is required (1-64 bytes)"}, status_code=400)
        who = Who(user_id=chat_id, lang=self.lang(request), chat_id=chat_id)
        if not self._owns(data, chat_id):
            result = Press(notice=text(who.lang, "stale_button"))
        else:
            result = await asyncio.to_thread(self.conversation.press, data, who)
        body = {
            "notice": result.notice,
            "edit": reply_json(result.edit) if result.edit is not None else None,
            "replies": [reply_json(r) for r in result.replies],
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
        lang = self.lang(request)
        article_id = int(request.path_params["article_id"])
        found = (
            await asyncio.to_thread(self.services.library.article, article_id) if article_id < 2**62 else None
        )
        if found is None:
            return HTMLResponse(not_found_page(lang), status_code=404)
        url = f"{self.base_url(request)}/article/{article_id}"
        return HTMLResponse(article_page(found, lang, url), headers={"vary": "Accept-Language"})

    async def feed(self, request: Request) -> Response:
        token = request.path_params["token"]
        if not FEED_TOKEN.fullmatch(token):
            return PlainTextResponse("no such feed", status_code=404)
        made = await asyncio.to_thread(self._feed, token, self.base_url(request))
        if made is None:
            return PlainTextResponse("no such feed", status_code=404)
        body, etag, modified = made
        headers = {
            "etag": etag,
            "last-modified": format_datetime(modified, usegmt=True),
            "cache-control": "private, max-age=300",
        }
        if not_modified(
            request.headers.get("if-none-match"), request.headers.get("if-modified-since"), etag, modified
        ):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type="application/atom+xml; charset=utf-8", headers=headers)

    def _feed(self, token: str, base: str) -> tuple[bytes, str, datetime] | None:
        sub = self.database.read(feed_subscription, token)
        if sub is None:
            return None
        articles = self.database.read(feed_articles, self.services.library, sub)
        chat = self.database.read(subs.get_chat, sub.chat_id)
        lang = chat.language if chat else "zh"
        stored = self.database.read(last_stored, [a.id for a in articles])
        modified = datetime.fromisoformat(stored) if stored else sub.created_at
        modified = (modified if modified.tzinfo else modified.replace(tzinfo=UTC)).replace(microsecond=0)
        entries = [
            FeedEntry(
                id=f"{base}/article/{a.id}",
                title=a.title,
                link=f"{base}/article/{a.id}",
                updated=article_time(a, modified),
                summary=a.summary or (a.paragraphs[0] if a.paragraphs else ""),
            )
            for a in articles
        ]
        body = format_atom(
            feed_id=f"{base}/feed/{token}",
            title=f"newsbot · {describe_subscription(lang, sub)}",
            self_url=f"{base}/feed/{token}",
            site_url=f"{base}/",
            updated=modified,
            entries=entries,
        )
        return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"', modified

    async def health(self, request: Request) -> Response:
        path = self.database.path
        if path is None:
            return JSONResponse({"ok": True, "database": ":memory:"})
        report = await asyncio.to_thread(check, path)
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


def not_modified(
    if_none_match: str | None, if_modified_since: str | None, etag: str, modified: datetime
) -> bool:
    """Whether a conditional GET may be answered 304 (If-None-Match wins over If-Modified-Since)."""
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or etag in tags
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return modified <= since
    return False


# ---- the application -------------------------------------------------------------------------------------


class SecurityHeaders:
    """Adds the security headers to every response (errors included)."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(
        self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(
    services: Services, settings: Settings, *, options: WebOptions | None = None
) -> SecurityHeaders:
    """The web application over open `services` (blocking: reads or makes the session key)."""
    edge = WebEdge(services, options or WebOptions.from_settings(settings))

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return PlainTextResponse(exc.detail or "error", status_code=exc.status_code)

    async def busy(request: Request, exc: Exception) -> Response:
        return edge._error(request, 503, "busy")

    async def failure(request: Request, exc: Exception) -> Response:
        log.error("web: error while answering a request", exc_info=exc)
        return edge._error(request, 500, "error")

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
