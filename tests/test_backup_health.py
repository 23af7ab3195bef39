"""Online backups and health checks (issue 7)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage.database.backup import backup_database
from storage.database.connection import latest_version, open_db
from storage.database.health import assess, beat, check, read_state
from storage.database.writing import write_transaction
from storage.driver import sqlite3
from storage.errors import DatabaseError
from storage.ingest.pipeline import ingest_paths
from storage.models import ParsedArticle
from storage.records.articles import count_articles, get_article, upsert_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def seeded(tmp_path):
    path = tmp_path / "live" / "newsbot.db"
    db = open_db(path)
    report = ingest_paths(db, [SEEDS])
    assert report.new == 6
    yield path, db
    db.conn.close()


@pytest.fixture
def seeded_target(database_target):
    """The seeds in an SQLite file, then in a PostgreSQL database: the target (path or URL) and a connection."""
    db = open_db(database_target)
    assert ingest_paths(db, [SEEDS]).new == 6
    yield database_target, db
    db.conn.close()


def test_backup_while_another_connection_writes(seeded, tmp_path):
    path, db = seeded
    stop = threading.Event()
    written: list[int] = []

    def writer() -> None:
        other = open_db(path)
        n = 0
        while not stop.is_set() and n < 200:
            with write_transaction(other):
                upsert_articles(
                    other, [ParsedArticle(title=f"写入{n}", paragraphs=(f"并发写入的第{n}篇文章。",))]
                )
            n += 1
            written.append(n)
        other.conn.close()

    (tmp_path / "backups").mkdir()
    thread = threading.Thread(target=writer)
    thread.start()
    try:
        target = backup_database(path, tmp_path / "backups")
    finally:
        stop.set()
        thread.join()

    assert target == tmp_path / "backups" / "newsbot-backup.db"
    restored = open_db(target)
    count = count_articles(restored)
    # a consistent snapshot: the six seed stories plus however many writes had committed
    assert 6 <= count <= 6 + len(written)
    assert get_article(restored, 1) == get_article(db, 1)
    assert sqlite3.connect(target).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not list((tmp_path / "backups").glob(".newsbot-backup-*")), "temporary file left behind"


def test_restored_backup_serves_searches(seeded, tmp_path):
    path, _ = seeded
    target = backup_database(path, tmp_path / "copy.db")
    from storage.search.engine import Searcher

    response = Searcher(open_db(target)).search("保交楼")
    assert response.hits and "保交楼" in get_article(open_db(target), response.hits[0].id).body


@pytest.mark.parametrize("problem", ["missing", "self"])
def test_backup_refuses_bad_paths(seeded, tmp_path, problem):
    path, _ = seeded
    with pytest.raises(DatabaseError):
        if problem == "missing":
            backup_database(tmp_path / "nope.db", tmp_path / "out.db")
        else:
            backup_database(path, path)


def test_health_reports_real_state(seeded_target):
    path, db = seeded_target
    now = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    expected = {"digest_scheduler": timedelta(minutes=5)}

    health = check(path, now=now, expected=expected)
    assert not health.ok and "digest_scheduler has not run yet" in health.problems
    assert health.articles == 6 and health.schema_version == latest_version()
    assert health.last_ingest is not None

    beat(db, "digest_scheduler", detail="3 sent", now=now - timedelta(minutes=1))
    health = check(path, now=now, expected=expected)
    assert health.ok, health.problems
    assert health.services["digest_scheduler"]["detail"] == "3 sent"

    stale = check(path, now=now + timedelta(hours=1), expected=expected)
    assert not stale.ok and stale.services["digest_scheduler"]["stale"]


def test_health_of_missing_or_broken_database(tmp_path):
    assert check(tmp_path / "absent.db").database.endswith("no database file")
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not sqlite" * 100)
    health = check(broken)
    assert not health.ok and health.problems == ("database unreadable",)


def test_assess_wants_articles_and_current_schema():
    state = {"schema_version": 1, "articles": 0, "last_ingest": None, "services": {}}
    health = assess(state, now=datetime(2026, 1, 1, tzinfo=UTC))
    assert not health.ok
    assert any("schema version 1" in p for p in health.problems)
    assert "no articles stored" in health.problems


def test_read_state_counts(seeded_target):
    _, db = seeded_target
    state = read_state(db)
    assert state["articles"] == 6 and state["services"] == {}


def test_cli_backup_and_health(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from bot.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DB", str(tmp_path / "data" / "newsbot.db"))
    monkeypatch.setenv("NEWSBOT_SEEDS", str(SEEDS))
    runner = CliRunner()
    assert runner.invoke(main, ["stats"]).exit_code == 0

    result = runner.invoke(main, ["health"])
    assert result.exit_code == 0, result.output
    assert '"articles": 6' in result.output

    result = runner.invoke(main, ["health", "--quiet", "--require", "digest_scheduler"])
    assert result.exit_code == 1 and result.output == ""

    result = runner.invoke(main, ["backup", "backups/"])
    assert result.exit_code == 0, result.output
    assert count_articles(open_db(tmp_path / "backups" / "newsbot-backup.db")) == 6

    result = runner.invoke(main, ["backup", str(tmp_path / "data" / "newsbot.db")])
    assert result.exit_code == 1 and "backup failed" in result.output and "Traceback" not in result.output


def test_upgrade_from_the_first_schema_keeps_and_indexes_articles(tmp_path):
    """A database written by the first schema (articles only) is migrated on open and its articles found."""
    from storage.database.migrations import MIGRATIONS
    from storage.search.engine import Searcher

    path = tmp_path / "old.db"
    old = open_db(path, migrations=MIGRATIONS[:1])
    with write_transaction(old):  # the row as the first schema's code wrote it (its columns only)
        old.execute(
            "INSERT INTO articles (fingerprint, title, title_lines, body, paragraphs, ingested_at) "
            "VALUES ('old', '旧文章', '[\"旧文章\"]', '升级之前存下的保交楼新闻。', "
            "'[\"升级之前存下的保交楼新闻。\"]', '2023-04-01T00:00:00+00:00')"
        )
    old.conn.close()

    db = open_db(path)
    assert read_state(db)["schema_version"] == latest_version()
    (hit,) = Searcher(db).search("保交楼").hits
    assert hit.title == "旧文章"
    assert get_article(db, hit.id).summary  # summaries and keywords filled in too
