"""Shared fixtures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.postgres_support import PostgresServer
from tests.postgres_support import postgres_server as start_postgres
from tests.telegram_emulator import TelegramEmulator


@pytest.fixture
def telegram_emulator() -> Iterator[TelegramEmulator]:
    """A local Bot API server (tests/telegram_emulator.py) on 127.0.0.1, random port, for one test."""
    emulator = TelegramEmulator().start()
    try:
        yield emulator
    finally:
        emulator.stop()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the session (tests/postgres_support.py); the test skips, saying why,
    where none can run."""
    with start_postgres() as server:
        if isinstance(server, str):
            pytest.skip(f"no PostgreSQL: {server}")
        yield server


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a new, empty database on the session's PostgreSQL server."""
    return postgres_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """What NEWSBOT_DB / NEWSBOT_DATABASE_URL would hold, for each backend in turn: an SQLite file, or a
    new database on the session's PostgreSQL server (skipped, saying why, where none can run)."""
    if request.param == "sqlite":
        return str(tmp_path / "newsbot.db")
    server = request.getfixturevalue("postgres_server")
    return str(server.new_database())
