"""The state a later message or button press needs (issue 23): kept in the database, shared by processes.

On real SQLite files: old rows go, two processes counting one user's searches add up, a busy database
degrades a reply instead of failing it, and the SQL stays portable (a PostgreSQL backend is coming).
"""

from __future__ import annotations

import inspect
import json
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.chat.exchange import Who
from bot.chat.replies import PLAIN
from bot.chat.state import FloodLimit
from bot.services import open_services
from bot.settings import Settings
from storage.database.connection import open_db
from storage.database.migrations import MIGRATIONS
from storage.database.postgres import is_postgres_url
from storage.database.writing import write_transaction
from storage.driver import sqlite3
from storage.errors import DatabaseBusy
from storage.records import chat_state, feeds
from storage.records.chat_state import QueryState, Settled, settle
from tests.bot_support import ROOT, SEEDS, make_database

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def test_unused_queries_and_old_confirmations_are_pruned(tmp_path: Path) -> None:
    db = open_db(tmp_path / "state.db")
    old = chat_state.put_query(db, QueryState("旧", user_id=1), now=T0)
    used = chat_state.put_query(db, QueryState("用过", user_id=1, total=12), now=T0)
    chat_state.turn_query(db, used, 1, now=T0 + timedelta(days=1))  # turning a page keeps it
    new = chat_state.put_query(db, QueryState("新", user_id=2), now=T0 + timedelta(days=2, minutes=1))
    assert chat_state.get_query(db, old) is None
    assert chat_state.get_query(db, used) == QueryState("用过", user_id=1, page=1, total=12)
    assert chat_state.get_query(db, new) == QueryState("新", user_id=2)
    assert chat_state.count_queries(db) == 2

    asked = chat_state.open_confirmation(db, 1, 10, now=T0)
    chat_state.open_confirmation(db, 2, 20, now=T0 + timedelta(days=1, minutes=1))
    assert chat_state.take_confirmation(db, asked, 1) == (Settled.EXPIRED, None)
    assert chat_state.count_confirmations(db) == 1
    db.close()


def test_a_chats_topic_is_replaced_by_its_next_search_and_goes_after_thirty_minutes(tmp_path: Path) -> None:
    db = open_db(tmp_path / "state.db")
    chat_state.put_topic(db, chat_state.ChatTopic(10, 1, "保交楼", 1), now=T0)
    chat_state.put_topic(db, chat_state.ChatTopic(10, 1, "统战工作 会议", 3), now=T0)
    chat_state.put_topic(db, chat_state.ChatTopic(20, 2, "人才"), now=T0)
    later = T0 + timedelta(minutes=29)
    assert chat_state.get_topic(db, 10, now=later) == chat_state.ChatTopic(10, 1, "统战工作 会议", 3)
    assert chat_state.get_topic(db, 10, now=T0 + timedelta(minutes=31)) is None  # expired, still stored
    chat_state.put_topic(db, chat_state.ChatTopic(30, 3, "新"), now=T0 + timedelta(minutes=31))
    assert db.execute("SELECT count(*) FROM chat_topics").fetchone()[0] == 1  # the expired ones went
    assert chat_state.forget_topics(db, 30, 3) == 1 and chat_state.get_topic(db, 30, now=T0) is None
    db.close()


def test_a_topic_keeps_how_it_is_shown_and_an_older_files_topics_read_as_joined_words(tmp_path: Path) -> None:
    """QA pass 30 left: an opened story's topic line glued its headline's words; migration 22 keeps the
    topic as the headline prints it beside its words."""
    printed = "庆祝中华人民共和国成立70周年大会在京隆重举行 天安门广场"
    db = open_db(tmp_path / "state.db")
    chat_state.put_topic(db, chat_state.ChatTopic(10, 1, "庆祝 中华人民共和国 70周年", 4, printed), now=T0)
    assert chat_state.get_topic(db, 10, now=T0) == chat_state.ChatTopic(
        10, 1, "庆祝 中华人民共和国 70周年", 4, printed
    )
    chat_state.put_topic(db, chat_state.ChatTopic(10, 1, "保交楼", 5), now=T0)  # a search's topic: none
    assert chat_state.get_topic(db, 10, now=T0) == chat_state.ChatTopic(10, 1, "保交楼", 5, None)
    db.close()

    older = open_db(tmp_path / "older.db", migrations=MIGRATIONS[:21])
    older.execute(
        "INSERT INTO chat_topics (chat_id, user_id, words, article_id, asked_at) VALUES (20, 2, '人才', 3, ?)",
        [T0.isoformat()],
    )
    older.conn.commit()
    older.close()
    upgraded = open_db(tmp_path / "older.db")
    assert chat_state.get_topic(upgraded, 20, now=T0) == chat_state.ChatTopic(20, 2, "人才", 3, None)
    upgraded.close()


def test_the_query_a_user_used_last_is_the_one_shown_or_turned_last(database_target: str) -> None:
    """下一页 typed turns this one (QA pass 20), on both backends."""
    db = open_db(database_target)
    try:
        assert chat_state.last_used_query(db, 1) is None
        older = chat_state.put_query(db, QueryState("旧", user_id=1, total=12), now=T0)
        newer = chat_state.put_query(db, QueryState("新", user_id=1, total=12), now=T0)  # same moment
        chat_state.put_query(db, QueryState("别人的", user_id=2), now=T0 + timedelta(minutes=2))
        assert chat_state.last_used_query(db, 1) == (newer, QueryState("新", user_id=1, total=12))
        chat_state.turn_query(db, older, 1, now=T0 + timedelta(minutes=1))  # its ▶ pressed since
        assert chat_state.last_used_query(db, 1) == (older, QueryState("旧", user_id=1, page=1, total=12))
    finally:
        db.close()


def _schema_22_with(target: str, rows: list[tuple[str, str, str, int]]) -> None:
    """A database as schema 22 made it, holding `rows` (key, kind, query, total) of `paged_queries` as it
    wrote them: an SQLite file migrated that far, or a PostgreSQL database set back to it (migration 23's
    column dropped, its version row deleted)."""
    if is_postgres_url(target):
        db = open_db(target)
        with write_transaction(db):
            db.execute("ALTER TABLE paged_queries DROP COLUMN listed_ids")
            db.execute("DELETE FROM newsbot_schema WHERE version >= 23")
    else:
        db = open_db(target, migrations=MIGRATIONS[:22])
        assert db.execute("PRAGMA user_version").fetchone()[0] == 22
    try:
        with write_transaction(db):
            for key, kind, query, total in rows:
                db.execute(
                    "INSERT INTO paged_queries (key, user_id, kind, query, page, total, used_at) "
                    "VALUES (?, 1, ?, ?, 0, ?, ?)",
                    [key, kind, query, total, T0.isoformat()],
                )
    finally:
        db.close()


def test_a_digests_list_is_kept_in_its_own_column_and_schema_22s_rows_move_there(
    database_target: str,
) -> None:
    """Issue 34: schema 22 kept the ids a /digest listed in `query` (`12 7 3`); migration 23 moves them to
    `listed_ids`, and 第2条 after the upgrade still opens the digest's story 2. Searches and /latest lists
    stay as they were. On both backends."""
    _schema_22_with(
        database_target,
        [
            ("digest3", "digest", "12 7 3", 3),
            ("digest1", "digest", "40", 1),
            ("search", "search", "保交楼 12", 12),
            ("latest", "latest", "", 0),
        ],
    )

    upgraded = open_db(database_target)
    try:
        stored = {
            key: chat_state.get_query(upgraded, key) for key in ("digest3", "digest1", "search", "latest")
        }
        assert stored == {
            "digest3": QueryState("", 1, total=3, kind="digest", listed=(12, 7, 3)),
            "digest1": QueryState("", 1, total=1, kind="digest", listed=(40,)),
            "search": QueryState("保交楼 12", 1, total=12),
            "latest": QueryState("", 1, kind="latest"),
        }
        rows = upgraded.execute("SELECT key, query, listed_ids FROM paged_queries ORDER BY key").fetchall()
        assert [tuple(r) for r in rows] == [
            ("digest1", "", "[40]"),
            ("digest3", "", "[12, 7, 3]"),
            ("latest", "", None),
            ("search", "保交楼 12", None),
        ]
        # A digest listed now is written the same way and read back in the order numbered.
        key = chat_state.put_query(upgraded, QueryState.of_digest([9, 31, 2], 5), now=T0)
        assert chat_state.get_query(upgraded, key) == QueryState(
            "", 5, total=3, kind="digest", listed=(9, 31, 2)
        )
        assert upgraded.execute("SELECT listed_ids FROM paged_queries WHERE key = ?", [key]).fetchone()[
            0
        ] == ("[9, 31, 2]")
        assert chat_state.last_used_query(upgraded, 5) == (key, QueryState.of_digest([9, 31, 2], 5))
    finally:
        upgraded.close()


def test_search_counts_of_past_windows_go(tmp_path: Path) -> None:
    db = open_db(tmp_path / "state.db")
    assert chat_state.count_search(db, 7, window_start=0, limit=1)
    assert not chat_state.count_search(db, 7, window_start=0, limit=1)
    assert chat_state.count_search(db, 8, window_start=0, limit=1)
    assert chat_state.count_search(db, 7, window_start=60, limit=1)
    rows = db.execute("SELECT user_id, window_start, searches FROM search_counts").fetchall()
    assert rows == [(7, 60, 1)]
    db.close()


@pytest.mark.parametrize(
    ("done", "latest_id", "user_id", "expected"),
    [
        (False, 5, 1, Settled.CONFIRMED),
        (False, 6, 1, Settled.SUPERSEDED),
        (True, 5, 1, Settled.ALREADY),
        (False, 5, 2, Settled.NOT_YOURS),
        (True, 6, 2, Settled.NOT_YOURS),
    ],
)
def test_settle(done: bool, latest_id: int, user_id: int, expected: Settled) -> None:
    pending = chat_state.Confirmation(id=5, user_id=1, chat_id=10, done=done)
    assert settle(pending, latest_id, user_id) is expected
    assert settle(None, latest_id, user_id) is Settled.EXPIRED


COUNTER = """
import json, sys, time
from bot.chat.state import FloodGuard, FloodLimit
from storage.database.access import Database

path, start_at = sys.argv[1], float(sys.argv[2])
database = Database.open(path)
guard = FloodGuard(database, FloodLimit(searches=40, window=60, clock=lambda: 6000.0))
while time.time() < start_at:  # both processes start counting at the same moment
    time.sleep(0.001)
allowed = sum(1 for _ in range(30) if guard.wait_for(7) == 0)
database.close()
print(json.dumps(allowed))
"""


def test_two_processes_counting_one_user_add_up(tmp_path: Path) -> None:
    """30 searches from each of two processes, 40 allowed per window: exactly 40 go through."""
    path = tmp_path / "shared.db"
    open_db(path).close()
    start_at = datetime.now(UTC).timestamp() + 1.5
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", COUNTER, str(path), str(start_at)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    allowed = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        allowed.append(json.loads(out))
    assert sum(allowed) == 40 and all(n >= 10 for n in allowed), allowed
    db = open_db(path)
    assert db.execute("SELECT searches FROM search_counts WHERE user_id = 7").fetchall() == [(40,)]
    db.close()


def test_a_busy_database_degrades_replies_instead_of_failing(tmp_path: Path) -> None:
    """While another process holds the write lock: a search goes through uncounted and without page
    buttons, a page button and /forget say "try again"."""
    db_path = make_database(tmp_path / "busy.db", tmp_path)
    settings = Settings(_env_file=None, db=db_path, seeds=SEEDS)  # type: ignore[call-arg]
    services = open_services(settings, markup=PLAIN, flood=FloodLimit(searches=1))
    conversation = services.conversation
    who = Who(user_id=1, chat_id=1)
    try:
        (paged,) = conversation.text("保交楼", who)
        forward = next(b.data for row in paged.buttons for b in row if b.data and b.data.startswith("p:"))
        other = sqlite3.connect(str(db_path), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            (unpaged,) = conversation.text("保交楼", who)  # over the limit of 1, but not counted: let through
            assert "保交楼" in unpaged.text
            assert not [b for row in unpaged.buttons for b in row if b.data and b.data.startswith("p:")]
            assert unpaged.buttons  # the article buttons are there
            assert "请过几秒再试" in (conversation.press(forward, who).notice or "")
            (asked,) = conversation.command("forget", "", who)
            assert "请过几秒再试" in asked.text and not asked.buttons
            with pytest.raises(DatabaseBusy):
                conversation.queries.put(QueryState("x", 1))
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert conversation.press(forward, who).edit is not None  # the stored page turns afterwards
    finally:
        services.close()


# ---- portable SQL ---------------------------------------------------------------------------------------

SQLITE_ONLY = re.compile(
    r"AUTOINCREMENT|INSERT\s+OR\s|REPLACE\s+INTO|\bjson_\w+\(|\bdatetime\(|\bstrftime\(|\browid\b"
    r"|\bjulianday\(|\bunixepoch\(|\bglob\b|\bIIF\(|\bBLOB\b",
    re.IGNORECASE,
)


def test_the_chat_state_sql_is_portable() -> None:
    """Migrations 11, 17, 18, 21, 22 and 23, storage.records.chat_state and storage.records.feeds use SQL
    that PostgreSQL runs too."""
    (version, _, statements) = MIGRATIONS[10]
    (topics_version, _, topics) = MIGRATIONS[16]
    (shown_version, _, shown) = MIGRATIONS[17]
    (listed_version, _, listed) = MIGRATIONS[20]
    (topic_shown_version, _, topic_shown) = MIGRATIONS[21]
    (digest_ids_version, _, digest_ids) = MIGRATIONS[22]
    assert (
        version,
        topics_version,
        shown_version,
        listed_version,
        topic_shown_version,
        digest_ids_version,
    ) == (
        11,
        17,
        18,
        21,
        22,
        23,
    )
    statements = statements + topics + shown + listed + topic_shown + digest_ids
    for sql in [*statements, inspect.getsource(chat_state), inspect.getsource(feeds)]:
        assert not SQLITE_ONLY.findall(sql)
    column_types = {t for sql in statements for t in re.findall(r"^\s+[a-z_]+ ([A-Z]+)\b", sql, re.MULTILINE)}
    assert column_types == {"INTEGER", "TEXT"}
