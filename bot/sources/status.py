"""How sources are shown: intervals (``30m``, ``1h``; read by `bot.settings.parse_interval`), the status lines of ``newsbot sources
list`` and of the admins' /sources, and the JSON record of ``sources list --json``, every URL without its
password (`storage.urls.safe_url`). Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.settings import IntervalError, parse_interval
from storage.records.sources import Source
from storage.urls import safe_url

__all__ = ["IntervalError", "format_interval", "format_sources", "parse_interval", "source_record"]


def format_interval(interval: timedelta) -> str:
    seconds = int(interval.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def _when(moment: datetime | None, now: datetime) -> str:
    if moment is None:
        return "never"
    seconds = int((now - moment).total_seconds())
    if seconds < 0:
        return "in " + _span(-seconds)
    return _span(seconds) + " ago"


def _span(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m"
    if seconds < 86400:
        return f"{seconds // 3600}h{(seconds % 3600) // 60:02d}m"
    return f"{seconds // 86400}d{(seconds % 86400) // 3600}h"


def source_lines(source: Source, now: datetime) -> list[str]:
    """One source's status: what it is, when it was polled, what came in, and what is wrong."""
    head = f"#{source.id} {source.label}  every {format_interval(source.interval)}"
    lines = [head]
    if source.name:
        lines.append(f"   {safe_url(source.url)}")
    if source.feed_url and source.feed_url != source.url:
        lines.append(f"   feed: {safe_url(source.feed_url)}")
    polled = _when(source.last_poll_at, now)
    new = f", {source.last_new} new" if source.last_new is not None and source.last_poll_at else ""
    lines.append(
        f"   last poll: {polled}{new}; next: {_when(source.next_poll_at, now) if source.next_poll_at else 'now'}"
    )
    if source.failures:
        lines.append(
            f"   ✗ failing ({source.failures} in a row, backing off): {source.last_error or 'unknown error'}"
        )
    elif source.last_error:
        lines.append(f"   ! {source.last_error}")
    return lines


def format_sources(sources: Sequence[Source], now: datetime) -> list[str]:
    """The status of every source, as lines (`sources list`, /sources)."""
    if not sources:
        return ["no sources yet: newsbot sources add URL"]
    out: list[str] = []
    for source in sources:
        out.extend(source_lines(source, now))
    failing = sum(1 for s in sources if s.failures)
    out.append(f"{len(sources)} source(s), {failing} failing")
    return out


def source_record(source: Source) -> dict[str, Any]:
    """The JSON object `sources list --json` prints for a source."""

    def stamp(moment: datetime | None) -> str | None:
        return moment.isoformat() if moment else None

    return {
        "id": source.id,
        "url": safe_url(source.url),
        "feed_url": safe_url(source.feed_url) if source.feed_url else None,
        "name": source.name,
        "interval_seconds": int(source.interval.total_seconds()),
        "last_poll_at": stamp(source.last_poll_at),
        "last_success_at": stamp(source.last_success_at),
        "last_new": source.last_new,
        "last_error": source.last_error,
        "failures": source.failures,
        "next_poll_at": stamp(source.next_poll_at),
    }
