"""The real clock: the one default every part of the bot reads "now" from unless a clock is injected."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """The system clock, aware, in UTC."""
    return datetime.now(UTC)
