"""benchmarks.scale_paired: its figures and ratios from per-query timings, and the archive's copies.

No timing here: the benchmark measures; these check what it computes from what it measured.
"""

from __future__ import annotations

import pytest

from benchmarks import scale_paired
from storage.driver import sqlite3


def timed(ms: dict[str, list[float]]) -> dict:
    """A child's answer: one query per class with the given runs (CPU time half the wall time)."""
    return {
        "queries": [{"cls": c, "ms": xs, "cpu_ms": [x / 2 for x in xs]} for c, xs in ms.items()],
        "load_avg_1m": 1.0,
    }


def test_summarise_takes_p50_and_p99_over_every_run_and_p50_p95_p99_per_class():
    run = timed({"question": [10.0, 20.0, 30.0], "rare": [1.0, 2.0, 3.0]})
    wall = scale_paired.summarise(run)
    assert wall["p50"] == 3.0  # the nearest rank of 1, 2, 3, 10, 20, 30
    assert wall["p99"] == 30.0
    assert wall["classes"]["question"] == {"p50": 20.0, "p95": 30.0, "p99": 30.0}
    assert wall["classes"]["rare"] == {"p50": 2.0, "p95": 3.0, "p99": 3.0}
    # p95 of twenty runs 1..20 is the nearest rank round(0.95 * 19) = 18, the value 19.
    twenty = scale_paired.summarise(timed({"question": [float(x) for x in range(1, 21)]}))
    assert twenty["classes"]["question"]["p95"] == 19.0
    assert scale_paired.summarise(run, "cpu_ms")["classes"]["question"]["p99"] == 15.0


def test_the_table_gives_each_rounds_ratio_and_the_median_and_range_over_rounds():
    def side(question: float) -> dict:
        summary = scale_paired.summarise(timed({"question": [question], "rare": [1.0]}))
        return {**summary, "cpu": summary}

    result = {
        "rounds": [
            {"old": side(40.0), "new": side(20.0)},
            {"old": side(50.0), "new": side(30.0)},
            {"old": side(60.0), "new": side(60.0)},
        ],
        "same_first_page": 2,
        "queries_compared": 2,
    }
    table = scale_paired.format_table(result).splitlines()
    assert table[0] == "| round | code | p50 | p99 | question p99 | rare p99 |"
    assert "| 1 | new ÷ old | 1.00 | 0.50 | 0.50 | 1.00 |" in table
    assert "| 2 | new ÷ old | 1.00 | 0.60 | 0.60 | 1.00 |" in table
    assert (
        "| median (range) | old | 1.00 (1.00-1.00) | 50.00 (40.00-60.00) | 50.00 (40.00-60.00) | 1.00 (1.00-1.00) |"
        in table
    )
    assert (
        "| median (range) | new ÷ old | 1.00 (1.00-1.00) | 0.60 (0.50-1.00) | 0.60 (0.50-1.00) | 1.00 (1.00-1.00) |"
        in table
    )
    assert table[-1] == "Same first page (ids) old and new: 2 of 2 queries."
    assert scale_paired.format_table(result, "cpu") == scale_paired.format_table(result)


def make_archive(path, version=13):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


def contents(path):
    """A database's schema version, its schema and every table's rows (what a copy must hold)."""
    conn = sqlite3.connect(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        schema = conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
        tables = [name for name, sql in schema if sql and sql.startswith("CREATE TABLE")]
        rows = {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
        return version, schema, rows
    finally:
        conn.close()


def test_each_checkout_gets_its_own_copy_made_once(tmp_path):
    archive = make_archive(tmp_path / "newsbot.db")
    old = scale_paired.copy_for(archive, "old", 13)
    new = scale_paired.copy_for(archive, "new", 14)
    assert (old.name, new.name) == ("newsbot.db.old", "newsbot.db.new")
    assert contents(old) == contents(archive) == contents(new)
    # A copy the newer code migrated (to the version it expects) is kept as it is.
    changed = sqlite3.connect(new)
    changed.execute("CREATE TABLE migrated (y)")
    changed.execute("PRAGMA user_version = 14")
    changed.commit()
    changed.close()
    assert contents(scale_paired.copy_for(archive, "new", 14)) != contents(archive)


def test_a_copy_at_another_schema_version_is_made_again(tmp_path):
    """QA: a copy the newer code had migrated was reused by the older code's next run, which then broke
    on a schema newer than it understands."""
    archive = make_archive(tmp_path / "newsbot.db")
    old = scale_paired.copy_for(archive, "old", 13)
    migrated = sqlite3.connect(old)
    migrated.execute("CREATE TABLE migrated (y)")
    migrated.execute("PRAGMA user_version = 14")
    migrated.commit()
    migrated.close()
    again = scale_paired.copy_for(archive, "old", 13)
    assert contents(again) == contents(archive) and scale_paired.file_version(again) == 13
    with pytest.raises(SystemExit, match="newer than the older checkout's code|build it with the older"):
        scale_paired.copy_for(archive, "older", 12)


def test_the_copies_go_beside_the_archive_path_as_given(tmp_path, monkeypatch):
    """QA: a symbolic link to an archive in a shared cache had its copies made (and migrated) in that
    cache, beside the file the link leads to."""
    cache = tmp_path / "cache"
    cache.mkdir()
    real = make_archive(cache / "newsbot.db")
    mine = tmp_path / "mine"
    mine.mkdir()
    link = mine / "newsbot.db"
    link.symlink_to(real)
    copies = scale_paired.copies_for(link, {"new": scale_paired.HERE.parent.parent})
    assert copies["new"].parent == mine and sorted(p.name for p in cache.iterdir()) == ["newsbot.db"]
    seen = {}

    def fake_paired(old, new, archive, **_):
        seen["archive"] = archive
        raise SystemExit(0)

    monkeypatch.setattr(scale_paired, "paired", fake_paired)
    with pytest.raises(SystemExit):
        scale_paired.main(["--old", str(tmp_path), "--archive", str(link)])
    assert seen["archive"] == link


def test_an_archive_in_wal_mode_is_copied_with_what_its_log_holds(tmp_path):
    """QA: a WAL-mode archive (its read-only open leaves a log beside it) stopped the run with
    "newsbot.db-wal exists"; rows still in the log, not yet in the main file, must reach the copy."""
    archive = tmp_path / "newsbot.db"
    writer = sqlite3.connect(archive)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("CREATE TABLE t (x)")
    writer.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(100)])
    writer.commit()
    try:
        assert (tmp_path / "newsbot.db-wal").stat().st_size > 0
        old = scale_paired.copy_for(archive, "old", 0)
        new = scale_paired.copy_for(archive, "new", 0)
        for copy in (old, new):
            conn = sqlite3.connect(copy)
            assert conn.execute("SELECT count(*), sum(x) FROM t").fetchone() == (100, 4950)
            conn.close()
    finally:
        writer.close()


def test_a_stale_log_beside_an_old_copy_is_not_read_into_the_new_one(tmp_path):
    archive = make_archive(tmp_path / "newsbot.db", version=13)
    copy = tmp_path / "newsbot.db.old"
    copy.write_bytes(b"")
    (tmp_path / "newsbot.db.old-wal").write_bytes(b"stale")
    made = scale_paired.copy_for(archive, "old", 13)
    assert not (tmp_path / "newsbot.db.old-wal").exists()
    assert contents(made) == contents(archive)
