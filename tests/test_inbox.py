"""The inbox directory the running bot ingests (issue 5, NEWSBOT_INBOX)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
import time

from bot.ops.inbox import ingest_inbox, pending_files, warn_if_unusable
from storage.database.access import Database
from storage.database.connection import open_db
from storage.ingest.pipeline import IngestReport
from storage.records.articles import count_articles


def jsonl(*titles: str) -> str:
    return "\n".join(
        json.dumps({"title": t, "date": "2023-04-14", "body": f"{t}的正文。"}, ensure_ascii=False)
        for t in titles
    )


def test_inbox_ingests_once_and_moves_files(tmp_path, database_target):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.jsonl").write_text(jsonl("甲新闻", "乙新闻"), encoding="utf-8")
    (inbox / "bad.jsonl").write_text("{not json", encoding="utf-8")
    (inbox / "upload.jsonl.part").write_text(jsonl("丙新闻"), encoding="utf-8")  # still uploading
    (inbox / ".hidden.jsonl").write_text(jsonl("丁新闻"), encoding="utf-8")
    db = open_db(database_target)
    try:
        later = max(p.stat().st_mtime for p in inbox.iterdir()) + 60
        report = ingest_inbox(db, inbox, now=later)
        assert report.new == 2 and report.failed == 1
        assert count_articles(db) == 2
        assert (inbox / "done" / "a.jsonl").exists()
        assert (inbox / "failed" / "bad.jsonl").exists()
        assert sorted(p.name for p in inbox.iterdir() if p.is_file()) == [
            ".hidden.jsonl",
            "upload.jsonl.part",
        ]
        # The same name again later: ingested, kept beside the first copy.
        (inbox / "a.jsonl").write_text(jsonl("甲新闻", "戊新闻"), encoding="utf-8")
        report = ingest_inbox(db, inbox, now=later + 600)
        assert report.new == 1 and report.known == 1
        assert (inbox / "done" / "a.1.jsonl").exists()
        assert ingest_inbox(db, inbox, now=later + 900).files == []
    finally:
        db.close()


def test_files_still_being_written_wait(tmp_path):
    (tmp_path / "p.jsonl").write_text(jsonl("新"), encoding="utf-8")
    mtime = (tmp_path / "p.jsonl").stat().st_mtime
    assert pending_files(tmp_path, now=mtime + 1) == []
    assert pending_files(tmp_path, now=mtime + 10) == [tmp_path / "p.jsonl"]
    assert pending_files(tmp_path / "missing", now=mtime) == []
    os.utime(tmp_path / "p.jsonl", (mtime + 100, mtime + 100))
    assert pending_files(tmp_path, now=mtime + 10) == []


def test_inbox_files_leave_the_search_index_merged(tmp_path):
    """Each small file the bot picks up adds index segments; the check merges them as an import does."""
    from storage.database.index import index_segments
    from storage.search.engine import Searcher

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(6):
        (inbox / f"{n}.jsonl").write_text(jsonl(*(f"保交楼{n}号{i}" for i in range(30))), encoding="utf-8")
    db = open_db(tmp_path / "n.db")
    try:
        later = max(p.stat().st_mtime for p in inbox.iterdir()) + 60
        report = ingest_inbox(db, inbox, now=later)
        assert report.new == 180
        assert len(index_segments(db)) == 1
        assert Searcher(db).search("保交楼").total == 180
    finally:
        db.close()


def test_a_check_leaves_a_file_to_the_check_still_ingesting_it(tmp_path, caplog, database_target):
    """Issue 23: a check that started while the previous one was still ingesting a large file took the
    same file again, then found it moved away ("inbox: cannot move an ingested file away")."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    big = inbox / "big.jsonl"
    big.write_text(jsonl(*(f"保交楼第{i}号" for i in range(3000))), encoding="utf-8")
    later = big.stat().st_mtime + 60
    database = Database.open(database_target)
    reports: list[IngestReport] = []

    def check() -> None:
        reports.append(ingest_inbox(database, inbox, now=later))

    try:
        first = threading.Thread(target=check)
        first.start()
        while first.is_alive() and database.read(count_articles) == 0:
            time.sleep(0.005)
        assert first.is_alive(), "the file was ingested before a second check could start"
        second = threading.Thread(target=check)
        second.start()
        second.join()
        first.join()
        assert sorted(len(r.files) for r in reports) == [0, 1]
        assert [r.getMessage() for r in caplog.records if "cannot move" in r.getMessage()] == []
        assert database.read(count_articles) == 3000
        assert list((inbox / "done").iterdir()) == [inbox / "done" / "big.jsonl"]
        assert [p for p in inbox.iterdir() if p.is_file()] == []
    finally:
        database.close()


def test_an_inbox_another_process_is_ingesting_is_left_to_it(tmp_path):
    """Issue 23: replicas sharing one inbox take its files one at a time (a flock on the folder)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.jsonl").write_text(jsonl("甲新闻"), encoding="utf-8")
    later = (inbox / "a.jsonl").stat().st_mtime + 60
    hold = (
        "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); "
        "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()"
    )
    db = open_db(tmp_path / "n.db")
    try:
        with subprocess.Popen(
            [sys.executable, "-c", hold, str(inbox)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        ) as holder:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
            assert ingest_inbox(db, inbox, now=later).files == []  # the other process has it
            assert (inbox / "a.jsonl").exists() and count_articles(db) == 0
            holder.kill()  # a replica killed mid-check: the kernel drops its lock
            holder.wait(10)
        assert ingest_inbox(db, inbox, now=later).new == 1
        assert (inbox / "done" / "a.jsonl").exists()
    finally:
        db.close()


def test_an_inbox_that_cannot_be_used_is_named_once_at_start(tmp_path, caplog):
    """A typo in NEWSBOT_INBOX, or a file where the folder should be, was ignored at every check in silence."""
    (tmp_path / "a-file").write_text("not a folder")
    with caplog.at_level(logging.WARNING, logger="bot.ops.inbox"):
        warn_if_unusable(tmp_path / "inbx")
        warn_if_unusable(tmp_path / "a-file")
        warn_if_unusable(tmp_path)
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert f"NEWSBOT_INBOX={tmp_path / 'inbx'}: the folder does not exist" in messages[0]
    assert f"NEWSBOT_INBOX={tmp_path / 'a-file'}: not a folder" in messages[1]
