"""Building the Telegram application: settings in, a ready python-telegram-bot `Application` out.

Life cycle (as `run_polling` or `run_webhook` drives it): initialize → ``post_init`` (open the services:
database, seeds if empty, searcher; register the command menu in Chinese and English) → polling, or
setWebhook and the webhook server → stop → ``post_shutdown`` (close the services). Both stop on
SIGINT/SIGTERM. Nothing a later update needs is kept in the process (`bot.chat.state`), so several
processes can serve one webhook; stopping one never deletes the webhook (`run`).

Handlers are added in one order: the core commands, then the subscription commands of
`bot.telegram.subscriptions` (`add_subscription_handlers`, the single place they plug in), then the
catch-alls (unknown commands, plain text).
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import ApplicationBuilder, Defaults

from bot.chat.state import FloodLimit
from bot.chat.texts import COMMANDS, LANGUAGES
from bot.clock import utc_now
from bot.ops.health_server import HealthServer
from bot.services import Services, open_services
from bot.settings import Settings
from bot.telegram import subscriptions as handlers_subscriptions
from bot.telegram.budget import SendBudget
from bot.telegram.context import CONTEXT_TYPES, SERVICES, BotApplication
from bot.telegram.digest_job import HEARTBEAT
from bot.telegram.handlers import core_handlers, fallback_handlers, on_error
from bot.telegram.sources_job import close_poller, schedule_sources_job
from bot.web.server import WebServer
from storage.models import DEFAULT_TIMEZONE

log = logging.getLogger(__name__)

FLOOD_LIMIT = 20  # searches per user per minute
HEALTH_SERVER = "health_server"
WEB_SERVER = "web_server"


class MissingTokenError(ValueError):
    """`newsbot serve` without TELEGRAM_BOT_TOKEN."""


# Why a server cannot listen on an address: taken, not this machine's, or a port below 1024 for a user.
_CANNOT_LISTEN = frozenset({errno.EADDRINUSE, errno.EADDRNOTAVAIL, errno.EACCES})


class BotStartError(RuntimeError):
    """`newsbot serve` could not start: the Bot API refused the token or a start-up call, or could not be
    reached, or the webhook's address could not be listened on."""


class _QuietBootstrapFailure(logging.Filter):
    """Drops the traceback PTB logs when its start-up calls fail: `run` reports the cause in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("Network Retry Loop (Bootstrap"):
            record.exc_info, record.exc_text = None, None
        return True


class _ShortNonJsonAnswer(logging.Filter):
    """PTB logs an answer of the Bot API's address that is not JSON (a proxy's error page, a web server at
    a wrong TELEGRAM_API_BASE_URL) whole, with a traceback: one line with its start instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith("Can not load invalid JSON data"):
            args = record.args if isinstance(record.args, tuple) else ()
            answer = " ".join(str(args[0] if args else "").split())
            record.msg, record.args = "the Bot API's answer is not JSON: %s", (answer[:120],)
            record.exc_info, record.exc_text = None, None
        return True


def menu_commands(lang: str) -> list[BotCommand]:
    """The command menu in one language (admin-only commands are left out)."""
    return [BotCommand(c.name, c.menu[lang]) for c in COMMANDS if c.in_menu]


async def set_command_menus(application: BotApplication) -> None:
    """setMyCommands: Chinese as the default menu, English for English-language clients."""
    for lang in LANGUAGES:
        language_code = None if lang == "zh" else lang
        try:
            await application.bot.set_my_commands(menu_commands(lang), language_code=language_code)
        except TelegramError as exc:
            log.warning("could not set the command menu", extra={"lang": lang, "error": exc.message})


def add_subscription_handlers(application: BotApplication, settings: Settings) -> None:
    """The one place the digest side plugs in: ``bot.telegram.subscriptions.register(application)``.

    `register` adds its handlers (group 0) and schedules the digest job on ``application.job_queue``; its
    handlers find the `Services` as ``context.services`` (opened in post_init).
    """
    handlers_subscriptions.register(application, settings)


def build_application(
    settings: Settings,
    *,
    services_factory: Callable[[Settings], Services] | None = None,
    budget: SendBudget | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> BotApplication:
    """The Telegram application for `settings` (TELEGRAM_BOT_TOKEN required); services open in post_init.

    Every message it sends draws from one `SendBudget` (NEWSBOT_SEND_RATE_PER_SECOND overall, divided
    among NEWSBOT_REPLICAS processes; per chat, per group), replies and digests alike; `budget` replaces
    it (tests). `clock` is the one "now" of the chats, the digests and the source polls (tests inject one);
    a `services_factory` opens its services with its own.
    """
    if settings.telegram_bot_token is None:
        raise MissingTokenError(
            "TELEGRAM_BOT_TOKEN 未设置：请在环境变量或 .env 中设置机器人令牌（从 @BotFather 获取）。"
            " / TELEGRAM_BOT_TOKEN is not set: put the bot token from @BotFather in the environment or .env."
        )
    # Opt in to PTB's future `RetryAfter.retry_after` as a timedelta (bot.telegram.sending reads both kinds): without
    # it PTB 22 warns each time a RetryAfter is even constructed.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    factory = services_factory or (lambda s: open_services(s, flood=FloodLimit(FLOOD_LIMIT), clock=clock))

    async def post_init(application: BotApplication) -> None:
        services = await asyncio.to_thread(factory, settings)
        application.bot_data[SERVICES] = services
        await set_command_menus(application)
        if settings.health_port is not None:
            server = health_server_for(settings)
            await server.start()
            application.bot_data[HEALTH_SERVER] = server
        if settings.web_port is not None:
            web = WebServer(services, settings, host=settings.web_listen, port=settings.web_port)
            await web.start()
            application.bot_data[WEB_SERVER] = web
        log.info("newsbot is up", extra={"bot": application.bot.username})

    async def post_shutdown(application: BotApplication) -> None:
        close_poller(application)
        web = application.bot_data.pop(WEB_SERVER, None)
        if isinstance(web, WebServer):
            await web.stop()
        server = application.bot_data.pop(HEALTH_SERVER, None)
        if isinstance(server, HealthServer):
            await server.stop()
        services = application.bot_data.pop(SERVICES, None)
        if isinstance(services, Services):
            services.close()

    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_base_url)
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=ZoneInfo(DEFAULT_TIMEZONE)))
        .context_types(CONTEXT_TYPES)
        .rate_limiter(budget or SendBudget(settings.send_rate_per_replica))
        .concurrent_updates(True)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    for handler in core_handlers():
        application.add_handler(handler)
    add_subscription_handlers(application, settings)
    schedule_sources_job(application, settings.sources_check_seconds)
    for handler in fallback_handlers():
        application.add_handler(handler)
    application.add_error_handler(on_error)
    return application


def health_server_for(settings: Settings) -> HealthServer:
    """The /healthz server: the digest scheduler counts as stalled after missing several checks."""
    stalled_after = timedelta(seconds=max(120.0, 4 * settings.digest_check_seconds))
    return HealthServer(
        settings.database_target,
        host=settings.health_listen,
        port=settings.health_port or 0,
        expected={HEARTBEAT: stalled_after},
    )


@dataclass(frozen=True)
class Webhook:
    """Where Telegram posts updates (`url`) and where the webhook server listens for them."""

    url: str
    listen: str
    port: int
    secret_token: str

    @property
    def url_path(self) -> str:
        """The path the server answers on: the public URL's path (a reverse proxy keeps it as is)."""
        return urlsplit(self.url).path.strip("/") or "telegram"


def webhook_of(settings: Settings) -> Webhook | None:
    if settings.webhook_url is None:
        return None
    return Webhook(
        url=settings.webhook_url,
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        secret_token=settings.webhook_secret_token(),
    )


def run(settings: Settings) -> None:
    """`newsbot serve`: long polling, or a webhook server when NEWSBOT_WEBHOOK_URL is set, until
    SIGINT/SIGTERM. In webhook mode several processes may serve one webhook (behind a load balancer): a
    process that stops leaves the webhook set for the others."""
    application = build_application(settings)
    logging.getLogger("telegram.ext").addFilter(_QuietBootstrapFailure())
    logging.getLogger("telegram.request.BaseRequest").addFilter(_ShortNonJsonAnswer())
    webhook = webhook_of(settings)
    try:
        _run_application(application, webhook)
    except TelegramError as exc:
        raise start_failure(exc, settings) from None
    except OSError as exc:
        if webhook is None or exc.errno not in _CANNOT_LISTEN:
            raise
        raise BotStartError(
            f"无法监听 webhook / cannot listen for the webhook on {webhook.listen}:{webhook.port}: "
            f"{os.strerror(exc.errno)} (NEWSBOT_WEBHOOK_LISTEN / NEWSBOT_WEBHOOK_PORT)"
        ) from None


# How PTB's error goes on when the answer was not JSON (``Bad Gateway (502). Parsing the server response
# b'<html>…' failed``).
_NOT_JSON = ". Parsing the server response "


def start_failure(exc: TelegramError, settings: Settings) -> BotStartError:
    """What stopped the bot from starting, in one line that names the setting to check (never the token)."""
    api = settings.telegram_api_base_url
    if isinstance(exc, InvalidToken):
        return BotStartError(
            f"Telegram 拒绝了这个令牌 / the Bot API at {api} refused TELEGRAM_BOT_TOKEN (Unauthorized): "
            "check the token @BotFather gave (/mybots → API Token)"
        )
    assert settings.telegram_bot_token is not None  # build_application refused to start without one
    reason = exc.message.replace(settings.telegram_bot_token.get_secret_value(), "[redacted]")
    if _NOT_JSON in reason:  # the answer was a web page, not the Bot API's JSON: its status is enough
        reason = reason.split(_NOT_JSON, 1)[0] + ", an answer that is not the Bot API's"
    if isinstance(exc, NetworkError) and not isinstance(exc, BadRequest):  # PTB's BadRequest is one too
        return BotStartError(
            f"无法连接 Telegram / cannot reach the Bot API at {api}: {reason} "
            "(check the network, or TELEGRAM_API_BASE_URL)"
        )
    return BotStartError(f"Telegram 拒绝了启动请求 / the Bot API at {api} refused a start-up call: {reason}")


def _run_application(application: BotApplication, webhook: Webhook | None) -> None:
    if webhook is None:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
        return
    # Telegram sends the secret in X-Telegram-Bot-Api-Secret-Token; PTB's server answers 403 to any
    # request without it. Several replicas may share the webhook: each sets it to the same values at start
    # (setWebhook with equal arguments changes nothing), never drops the pending updates (PTB would call
    # deleteWebhook first), and PTB 22's stop and shutdown leave the webhook alone, so a replica that stops
    # takes nothing from the others.
    application.run_webhook(
        listen=webhook.listen,
        port=webhook.port,
        url_path=webhook.url_path,
        webhook_url=webhook.url,
        secret_token=webhook.secret_token,
        allowed_updates=Update.ALL_TYPES,
        drop_pending_updates=False,
    )
