"""Ingest with documents prepared in worker processes (issue 12) stores and indexes exactly what ingest
in one process does."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage.database.connection import open_db
from storage.ingest.jsonl import parse_jsonl
from storage.ingest.pipeline import PARALLEL_MIN_BYTES, ingest_paths
from storage.ingest.prepare import Preparer, default_workers, prepare_articles
from storage.search.engine import Searcher
from tests.search_support import SEED

STORIES = [
    ("人才工作推进会召开", "本报讯 4月6日上午，区委召开人才工作推进会，部署人才引进和培养。"),
    ("老旧小区改造提速", "本报讯 今年全区计划改造老旧小区12个，加装电梯30部。"),
    ("侯寨乡开展植树活动", "本报讯 侯寨乡组织干部群众义务植树，共栽种苗木两千余株。"),
    ("清朗·自媒体专项行动", "本报讯 网信部门开展自媒体乱象整治，关闭违规账号。"),
]


def _files(tmp_path, copies: int = 3):
    """JSON Lines files of generated stories (each story made unique by a serial number)."""
    paths = []
    for f in range(copies):
        lines = [
            json.dumps(
                {"title": t, "body": f"{b}（第{f}-{i}号）", "date": f"2023-0{1 + i % 9}-1{f}"},
                ensure_ascii=False,
            )
            for i, (t, b) in enumerate(STORIES * 5)
        ]
        path = tmp_path / f"part-{f}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _dump(db):
    arts = db.execute("SELECT id, fingerprint, title, summary, keywords FROM articles ORDER BY id").fetchall()
    fts = db.execute("SELECT rowid, title, byline, body, words FROM articles_fts ORDER BY rowid").fetchall()
    return arts, fts


def test_workers_store_and_index_the_same_as_one_process(tmp_path):
    paths = _files(tmp_path)
    one = open_db(tmp_path / "one.db")
    two = open_db(tmp_path / "two.db")
    r1 = ingest_paths(one, paths, workers=0, batch_size=7)
    r2 = ingest_paths(two, paths, workers=2, batch_size=7)
    assert r1.new == r2.new == 60 and r2.failed == 0
    assert _dump(one) == _dump(two)
    assert [h.id for h in Searcher(two).search("人才").hits] == [
        h.id for h in Searcher(one).search("人才").hits
    ]
    again = ingest_paths(two, paths, workers=2)  # known articles: nothing new, nothing re-indexed twice
    assert again.new == 0 and again.known == 60
    assert _dump(one) == _dump(two)
    one.close()
    two.close()


def test_a_preparer_gives_the_documents_of_one_process_in_order():
    articles = parse_jsonl(
        "\n".join(json.dumps({"title": t, "body": b}, ensure_ascii=False) for t, b in STORIES) + "\n"
    )
    with Preparer(2) as preparer:
        pending = preparer.submit(articles)
        assert pending.result() == prepare_articles(articles)
    with Preparer(0) as inline:
        assert inline.submit(articles).result() == prepare_articles(articles)


def test_the_seed_page_ingests_the_same_with_workers(tmp_path):
    one = open_db(tmp_path / "a.db")
    two = open_db(tmp_path / "b.db")
    ingest_paths(one, [SEED], workers=0)
    ingest_paths(two, [SEED], workers=2)
    assert _dump(one) == _dump(two)
    one.close()
    two.close()


def _children(pid: int) -> dict[int, str]:
    """The live child processes of `pid`, each with its start time (so a reused pid is not taken for it)."""
    out = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat(int(entry.name))
        if fields is not None and fields[1] == str(pid) and fields[0] not in "ZX":
            out[int(entry.name)] = fields[19]
    return out


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/<pid>/stat after the command name (state, ppid, ...), None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()


def _alive(pid: int, started: str) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[19] == started and fields[0] not in "ZX"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds processes through Linux's /proc")
@pytest.mark.skipif(default_workers() == 0, reason="one CPU core: ingest starts no worker processes")
def test_workers_end_when_ingest_is_killed(tmp_path):
    """Issue 23: `kill -9` of `newsbot ingest` left its worker processes running forever."""
    story = "本报讯 区委召开人才工作推进会，部署人才引进和培养，加装电梯三十部，栽种苗木两千余株。" * 4
    lines = (
        json.dumps({"title": f"人才工作推进会{i}", "body": f"{story}（第{i}号）"}, ensure_ascii=False)
        for i in range(2 * PARALLEL_MIN_BYTES // len(story.encode()))
    )
    big = tmp_path / "big.jsonl"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert big.stat().st_size >= PARALLEL_MIN_BYTES
    env = {**os.environ, "NEWSBOT_DB": str(tmp_path / "n.db"), "NEWSBOT_SEEDS": str(tmp_path / "none")}
    ingest = subprocess.Popen(
        [sys.executable, "-m", "bot", "ingest", str(big)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: dict[int, str] = {}
    try:
        deadline = time.monotonic() + 120
        while len(workers) < default_workers() and time.monotonic() < deadline:
            assert ingest.poll() is None, "ingest ended before its workers were seen"
            workers = _children(ingest.pid)
            time.sleep(0.05)
        assert len(workers) >= default_workers()
        ingest.kill()
        ingest.wait()
        deadline = time.monotonic() + 10
        while any(_alive(p, s) for p, s in workers.items()) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [p for p, s in workers.items() if _alive(p, s)] == []
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()
        for pid, started in workers.items():
            if _alive(pid, started):
                os.kill(pid, signal.SIGKILL)
