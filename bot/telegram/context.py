"""The typed PTB context every handler and job receives: ``context.services`` is the `Services`.

`build_application` opens the services in ``post_init`` and keeps them in ``bot_data["services"]``;
`BotContext.services` is the one way to reach them (`services_in` for code that holds only the
application). ``CONTEXT_TYPES`` tells the `ApplicationBuilder` to build a `BotContext` per update.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot, JobQueue

from bot.services import Services

SERVICES = "services"  # the key in bot_data


class ServicesNotOpen(RuntimeError):
    """An update or job arrived before post_init opened the services (or after post_shutdown)."""


def services_in(bot_data: dict[Any, Any]) -> Services:
    """The application's `Services` (raises `ServicesNotOpen` outside post_init … post_shutdown)."""
    services = bot_data.get(SERVICES)
    if not isinstance(services, Services):
        raise ServicesNotOpen("the services are opened in post_init")
    return services


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """PTB's CallbackContext with the bot's services."""

    @property
    def services(self) -> Services:
        return services_in(self.application.bot_data)


CONTEXT_TYPES: ContextTypes[BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any]] = ContextTypes(
    context=BotContext
)

BotApplication = Application[
    ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], dict[Any, Any], JobQueue[Any]
]
