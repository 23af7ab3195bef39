"""Ingest in short batches with an import record: a file is all in after a rerun, even across kill -9
(issue 10)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage.database.access import Database
from storage.database.connection import open_db
from storage.driver import sqlite3
from storage.ingest.pipeline import PARALLEL_MIN_BYTES, batches, ingest_paths
from storage.records import subscriptions as subs
from storage.records.articles import count_articles, iter_articles
from storage.records.imports import DONE, RUNNING, unfinished_imports
from storage.search.engine import Searcher
from tests.backends import allow, forbid

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

PLACES = ["郑州", "开封", "洛阳", "新乡", "许昌", "南阳", "信阳", "安阳", "焦作", "濮阳"]
TOPICS = ["修路", "办学", "种麦", "治水", "建桥", "植树", "义诊", "招商", "扶贫", "防汛"]


def story(n: int) -> dict:
    """A distinct small story: its own title, a body naming a place and a topic, and its number."""
    place, topic = PLACES[n % 10], TOPICS[(n // 10) % 10]
    return {
        "title": f"{place}{topic}第{n}号报道",
        "date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
        "body": f"本报讯 {place}市今天开展{topic}工作，这是编号{n}的稿件。\n群众纷纷表示满意，第{n}篇到此结束。",
    }


# A paragraph that makes a story the size of a news item.
FILLER = "\n" + "记者在现场看到，工作人员正在有序开展各项工作，周边群众积极配合，现场秩序井然。" * 4


def write_feed(path: Path, count: int, *, boom_at: int | None = None) -> Path:
    lines = []
    for n in range(count):
        record = story(n)
        if n == boom_at:
            record["title"] = "boom"
        lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def fts_rows(db) -> int:
    return int(db.execute("SELECT count(*) FROM articles_fts").fetchone()[0])


def test_batches_cut_in_order():
    assert batches(list(range(5)), 2) == [[0, 1], [2, 3], [4]]
    assert batches([], 3) == []


def test_a_file_goes_in_by_batches_and_is_recorded_done(tmp_path, database_target):
    db = open_db(database_target)
    feed = write_feed(tmp_path / "feed.jsonl", 7)
    report = ingest_paths(db, [feed], batch_size=2)
    assert report.ok and (report.new, report.known) == (7, 0)
    assert count_articles(db) == fts_rows(db) == 7
    (row,) = db.execute("SELECT articles, stored, new, status FROM imports").fetchall()
    assert row == (7, 7, 7, DONE)
    assert all(a.summary and a.keywords for a in iter_articles(db))
    hit = Searcher(db).search("第6号报道").hits[0]
    assert hit.title == story(6)["title"]
    again = ingest_paths(db, [feed], batch_size=3)
    assert (again.new, again.known) == (0, 7)
    assert unfinished_imports(db) == []
    db.close()


def test_a_failing_batch_keeps_the_earlier_ones_and_a_rerun_finishes_the_file(tmp_path, database_target):
    db = open_db(database_target)
    forbid(db, "no_boom", "INSERT", "articles", "boom is not allowed", when="NEW.title = 'boom'")
    feed = write_feed(tmp_path / "feed.jsonl", 7, boom_at=4)
    (failed,) = ingest_paths(db, [feed], batch_size=2).errors
    assert "after storing 4 of 7 articles" in (failed.error or "") and "boom is not allowed" in (
        failed.error or ""
    )
    assert not failed.busy
    assert count_articles(db) == fts_rows(db) == 4  # two whole batches; the third rolled back
    (record,) = unfinished_imports(db)
    assert (record.stored, record.articles, record.status) == (4, 7, RUNNING)

    allow(db, "no_boom", "articles")
    report = ingest_paths(db, [feed], batch_size=2)
    (result,) = report.files
    assert report.ok and result.resumed and result.new == 7  # the whole file, counted once
    assert count_articles(db) == fts_rows(db) == 7
    assert unfinished_imports(db) == []
    db.close()


def run_ingest(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "ingest", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_kill_minus_9_mid_import_then_rerun_imports_the_whole_file(tmp_path):
    """A real `newsbot ingest` killed with SIGKILL between batches: the database is sound, holds exactly
    the committed batches, and the next ingest of the file finishes it (resume, as documented)."""
    total = 1500
    feed = write_feed(tmp_path / "archive.jsonl", total)
    db_path = tmp_path / "data" / "newsbot.db"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "NEWSBOT_DB": str(db_path),
        "NEWSBOT_SEEDS": str(SEEDS),
        "NEWSBOT_LOG_LEVEL": "WARNING",
    }
    seeded = open_db(db_path)  # seeds first, so the import is the only writer
    ingest_paths(seeded, [SEEDS])
    seeds = count_articles(seeded)
    seeded.close()

    proc = run_ingest(env, str(feed), "--batch-size", "50")
    stored = 0
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            with sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=5) as conn:
                row = conn.execute("SELECT stored FROM imports WHERE status = 'running'").fetchone()
            if row and row[0] >= 150:
                stored = row[0]
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the import finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL and 150 <= stored < total

    db = open_db(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    (record,) = unfinished_imports(db)
    assert record.stored % 50 == 0 and record.stored >= stored
    # Exactly the committed batches: articles, their index rows and the record agree.
    assert count_articles(db) - seeds == record.stored
    assert fts_rows(db) == count_articles(db)
    db.close()

    rerun = run_ingest(env, str(feed), "--batch-size", "50")
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert "接着上次中断的导入补全" in err and f"{total} 篇新文章" in out

    db = open_db(db_path)
    assert count_articles(db) - seeds == total and fts_rows(db) == count_articles(db)
    assert unfinished_imports(db) == []
    titles = {a.title for a in iter_articles(db)}
    assert {story(n)["title"] for n in range(total)} <= titles
    assert Searcher(db).search("第1499号报道").hits[0].title == story(1499)["title"]
    db.close()


def test_a_chat_write_in_another_process_goes_in_between_the_batches_of_an_import(tmp_path):
    """A real `newsbot ingest` in another process and a chat's /subscribe writes in this one, against the
    same SQLite file: every write succeeds within its usual wait, and it gets the lock after the batch
    that held it when it asked, not after a run of them (the bulk writer gives way to a waiting writer
    rather than taking the lock again between the writer's attempts). Each write reads, inside its own
    transaction, how far the import got, and compares it with how far it was just before asking."""
    total, batch = 4000, 25
    feed = tmp_path / "archive.jsonl"
    # Over PARALLEL_MIN_BYTES, so that workers prepare the documents and the writer stores batch after
    # batch with no pause of its own between them, as it does for a large archive.
    lines = [
        json.dumps({**story(n), "body": story(n)["body"] + FILLER}, ensure_ascii=False) for n in range(total)
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert feed.stat().st_size >= PARALLEL_MIN_BYTES
    db_path = tmp_path / "data" / "newsbot.db"
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "NEWSBOT_DB": str(db_path),
        "NEWSBOT_SEEDS": str(SEEDS),
        "NEWSBOT_LOG_LEVEL": "WARNING",
    }
    seeded = open_db(db_path)  # seeds first, so the import is the only bulk writer
    ingest_paths(seeded, [SEEDS])
    seeds = count_articles(seeded)
    seeded.close()
    database = Database.open(db_path)

    def stored(db) -> int | None:
        row = db.execute("SELECT stored FROM imports WHERE status = ?", [RUNNING]).fetchone()
        return None if row is None else int(row[0])

    def subscribe(db, chat_id: int) -> int | None:
        subs.add_subscription(db, chat_id, "08:00", ["修路"])
        return stored(db)

    proc = run_ingest(env, str(feed), "--batch-size", str(batch))
    passed: list[int] = []  # batches the import committed while a write waited for the lock
    try:
        deadline = time.monotonic() + 120
        while database.read(stored) is None and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.01)
        chat_id = 0
        while proc.poll() is None and len(passed) < 40:
            before = database.read(stored)
            chat_id += 1
            inside = database.write(subscribe, chat_id)
            if before is not None and inside is not None:
                passed.append((inside - before) // batch)
            time.sleep(0.02)
    finally:
        out, err = proc.communicate(timeout=300)
        database.close()
    assert proc.returncode == 0, err
    assert len(passed) >= 10, "the import ended before the writes could interleave with it"
    assert max(passed) <= 2, passed
    db = open_db(db_path)
    assert db.execute("SELECT count(*) FROM subscriptions").fetchone()[0] == chat_id
    assert count_articles(db) == seeds + total
    db.close()
