"""Helpers for the chat-side tests: a seeded database with extra articles, settings, a running bot."""

from __future__ import annotations

import contextlib
import datetime as dtm
import json
import shutil
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import SecretStr
from telegram.ext import Application

from bot.clock import utc_now
from bot.services import Services
from bot.settings import Settings
from bot.telegram.app import build_application
from bot.telegram.budget import SendBudget
from storage.database.connection import open_db
from storage.database.postgres import is_postgres_url
from storage.ingest.pipeline import ingest_paths

P = TypeVar("P", str, Path)
ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

LONG_SENTENCE = "二七区持续推进老旧小区改造，加快补齐民生短板，让群众住得更安心、更舒心。"
LONG_ARTICLE_TITLE = "二七区老旧小区改造三年行动综述"
HOSTILE_TITLE = '<b>公告</b> & "通知" <script>x</script>'


def extra_articles() -> list[dict[str, Any]]:
    """Articles added to the seed page: a long one, one with markup in its title, and eight more on 保交楼."""
    records: list[dict[str, Any]] = [
        {
            "title": LONG_ARTICLE_TITLE,
            "date": "2023-04-20",
            "source": "测试稿",
            "paragraphs": [LONG_SENTENCE * 40 for _ in range(6)],  # ~ 8,800 characters
        },
        {
            "title": HOSTILE_TITLE,
            "date": "2023-04-21",
            "source": "测试稿",
            "paragraphs": ["通知正文 <i>不是标签</i> & 也不是实体 &amp; 保交楼专项通知。"],
        },
    ]
    for i in range(8):
        records.append(
            {
                "title": f"保交楼项目第{i + 1}批交付",
                "date": f"2023-05-{i + 1:02d}",
                "source": "测试稿",
                "paragraphs": [
                    f"第{i + 1}批保交楼项目顺利交付，{i + 10}00户居民拿到钥匙。保交楼工作持续推进。"
                ],
            }
        )
    return records


def make_database(path: P, work: Path) -> P:
    """A database with the seed page and `extra_articles()`, ingested with the real pipeline: an SQLite
    file at `path`, or the PostgreSQL database `path` names (a ``postgresql://`` URL)."""
    work.mkdir(parents=True, exist_ok=True)
    jsonl = work / "extra.jsonl"
    jsonl.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in extra_articles()) + "\n", encoding="utf-8"
    )
    db = open_db(path)
    try:
        report = ingest_paths(db, [SEEDS, jsonl])
        assert report.failed == 0, report
    finally:
        db.close()
    return path


def database_env(target: str | Path) -> dict[str, str]:
    """The environment that points a ``newsbot`` process at `target`: NEWSBOT_DATABASE_URL for a
    PostgreSQL URL, NEWSBOT_DB for an SQLite file."""
    if is_postgres_url(str(target)):
        return {"NEWSBOT_DATABASE_URL": str(target)}
    return {"NEWSBOT_DB": str(target)}


def copy_database(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    return target


def bot_settings(emulator: Any, db: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "TELEGRAM_BOT_TOKEN": emulator.token,
        "TELEGRAM_API_BASE_URL": emulator.base_url,
        "db": db,
        "seeds": SEEDS,
        "admin_ids": (4242,),
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def bot_settings_on(emulator: Any, target: str, work: Path, **overrides: Any) -> Settings:
    """`bot_settings` over `target` (conftest's `database_target`): an SQLite file, or a PostgreSQL URL
    given as NEWSBOT_DATABASE_URL (NEWSBOT_DB then names a file under `work` that stays unused)."""
    if is_postgres_url(target):
        return bot_settings(emulator, work / "newsbot.db", database_url=SecretStr(target), **overrides)
    return bot_settings(emulator, Path(target), **overrides)


@contextlib.asynccontextmanager
async def running_bot(
    settings: Settings,
    *,
    services_factory: Callable[[Settings], Services] | None = None,
    setup: Callable[[Application], None] | None = None,  # type: ignore[type-arg]
    poll_timeout: float = 2.0,
    budget: SendBudget | None = None,
    clock: Callable[[], dtm.datetime] = utc_now,
) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """The real application, polling the emulator, with the life cycle `run_polling` drives.

    `setup` runs after `initialize` and before `post_init` (to inject a clock, remove a job, ...).
    The send budget is the real one except that a chat may get a message every 0.05 s instead of every
    second (tests talk to one chat far faster than people do); `budget` replaces it (tests/test_sending.py
    runs the real one). `clock` is the application's one "now" (chats, digests, source polls).
    """
    budget = budget or SendBudget(settings.send_rate_per_second, chat_interval=0.05)
    app = build_application(settings, services_factory=services_factory, budget=budget, clock=clock)
    await app.initialize()
    if setup is not None:
        setup(app)
    assert app.post_init is not None
    await app.post_init(app)
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0.0, timeout=dtm.timedelta(seconds=poll_timeout))
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()
        assert app.post_shutdown is not None
        await app.post_shutdown(app)
