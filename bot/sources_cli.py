"""`newsbot sources ...`: add, list, remove and poll web sources (a click group added to `bot.cli`).

A shell over `storage.records.sources` and `bot.sources.poll`: each command turns expected failures into
one clear line and a non-zero exit code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import UTC, datetime

import click
import sqlite_utils

from bot.chat.typed_text import readable
from bot.services import fetcher_for
from bot.settings import Settings
from bot.sources.feeds import FeedError
from bot.sources.fetch import FetchError
from bot.sources.poll import ERROR, NOT_MODIFIED, discover, poll_sources
from bot.sources.status import IntervalError, format_interval, format_sources, parse_interval, source_record
from storage.ingest.decode import remove_controls
from storage.records import sources as store
from storage.urls import safe_url


def sources_group(
    get_settings: Callable[[], Settings],
    database: Callable[[Settings], AbstractContextManager[sqlite_utils.Database]],
) -> click.Group:
    """The `newsbot sources` group, using the main CLI's settings and database helpers."""

    @click.group(name="sources")
    def sources() -> None:
        """网络来源 News sites and their feeds (RSS/Atom), polled by `newsbot serve` or by `sources poll`."""

    @sources.command(name="add")
    @click.argument("url")
    @click.option("--name", help="Name shown with the articles (default: the feed's title).")
    @click.option(
        "--every", "every", help="Poll interval, e.g. 30m, 1h, 90s (default NEWSBOT_SOURCES_INTERVAL)."
    )
    def add_command(url: str, name: str | None, every: str | None) -> None:
        """Add a feed URL, or a site's page whose feed is found; adding a known URL updates it."""
        settings = get_settings()
        try:
            interval = parse_interval(every if every is not None else settings.sources_interval)
        except IntervalError as exc:
            raise click.BadParameter(str(exc), param_hint="--every") from exc
        if name is not None and not name.strip():
            raise click.BadParameter("must not be empty", param_hint="--name")
        url = readable(url).strip()
        with database(settings) as db:
            existing = store.find_source(db, url)
            feed_url = existing.feed_url if existing else None
            title = None
            if existing is None:
                with fetcher_for(settings) as fetcher:
                    try:
                        feed_url, feed, _ = discover(url, fetcher)
                    except (FetchError, FeedError) as exc:
                        raise click.ClickException(f"未添加 / not added: {exc}") from exc
                title = (remove_controls(feed.title).strip() or None) if feed.title else None
            source, created = store.add_source(
                db,
                url,
                interval=interval,
                name=(readable(name).strip() if name else None) or title,
                feed_url=feed_url,
            )
        verb = "已添加 added" if created else "已更新 updated"
        click.echo(f"{verb} #{source.id} {source.label} every {format_interval(source.interval)}")
        if source.feed_url and source.feed_url != source.url:
            click.echo(f"  feed: {safe_url(source.feed_url)}")

    @sources.command(name="list")
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per source, one per line.")
    def list_command(as_json: bool) -> None:
        """Each source: interval, last poll, new articles last time, the last error in words."""
        settings = get_settings()
        with database(settings) as db:
            found = store.list_sources(db)
        if as_json:
            for source in found:
                click.echo(json.dumps(source_record(source), ensure_ascii=False))
            return
        for line in format_sources(found, datetime.now(UTC)):
            click.echo(line)

    @sources.command(name="remove")
    @click.argument("ref", metavar="ID|URL")
    def remove_command(ref: str) -> None:
        """Remove a source (its articles stay)."""
        settings = get_settings()
        ref = readable(ref)
        with database(settings) as db:
            source = store.find_source(db, ref)
            if source is None or not store.remove_source(db, source.id):
                raise click.ClickException(f"没有这个来源 / no such source: {ref}")
        click.echo(f"已删除 removed #{source.id} {source.label}")

    @sources.command(name="poll")
    @click.argument("refs", nargs=-1, metavar="[ID|URL]...")
    def poll_command(refs: tuple[str, ...]) -> None:
        """Poll now (every source when none is named), print what came in, and exit (for cron)."""
        settings = get_settings()
        with database(settings) as db:
            if refs:
                chosen = []
                for ref in map(readable, refs):
                    source = store.find_source(db, ref)
                    if source is None:
                        raise click.ClickException(f"没有这个来源 / no such source: {ref}")
                    chosen.append(source)
            else:
                chosen = store.list_sources(db)
            if not chosen:
                click.echo("no sources yet: newsbot sources add URL")
                return
            with fetcher_for(settings) as fetcher:
                results = poll_sources(db, chosen, fetcher)
        failed = 0
        for result in results:
            label = f"#{result.source.id} {result.source.label}"
            if result.status == ERROR:
                failed += 1
                click.echo(f"✗ {label}: {result.error}")
                continue
            if result.status == NOT_MODIFIED:
                click.echo(f"= {label}: not modified (304)")
                continue
            click.echo(f"✓ {label}: {result.new} new, {result.known} already stored")
            for title in result.new_titles:
                click.echo(f"    + {title}")
            if result.error:
                click.echo(f"    ! {result.error}")
        total = sum(r.new for r in results)
        click.echo(f"{total} new article(s) from {len(results)} source(s), {failed} failed")
        if failed:  # cron mails the output of a run that failed
            raise click.exceptions.Exit(1)

    return sources
