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


def test_summarise_takes_p50_and_p99_over_every_run_and_per_class():
    run = timed({"question": [10.0, 20.0, 30.0], "rare": [1.0, 2.0, 3.0]})
    wall = scale_paired.summarise(run)
    assert wall["p50"] == 3.0  # the nearest rank of 1, 2, 3, 10, 20, 30
    assert wall["p99"] == 30.0
    assert wall["classes"]["question"] == {"p50": 20.0, "p99": 30.0}
    assert wall["classes"]["rare"] == {"p50": 2.0, "p99": 3.0}
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


def test_each_checkout_gets_its_own_copy_made_once(tmp_path):
    archive = make_archive(tmp_path / "newsbot.db")
    old = scale_paired.copy_for(archive, "old", 13)
    new = scale_paired.copy_for(archive, "new", 14)
    assert (old.name, new.name) == ("newsbot.db.old", "newsbot.db.new")
    assert old.read_bytes() == archive.read_bytes() == new.read_bytes()
    # A copy the newer code migrated (to the version it expects) is kept as it is.
    changed = sqlite3.connect(new)
    changed.execute("CREATE TABLE migrated (y)")
    changed.execute("PRAGMA user_version = 14")
    changed.commit()
    changed.close()
    assert scale_paired.copy_for(archive, "new", 14).read_bytes() != archive.read_bytes()


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
    assert again.read_bytes() == archive.read_bytes() and scale_paired.file_version(again) == 13
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


def test_an_archive_with_its_write_ahead_log_beside_it_is_not_copied(tmp_path):
    archive = tmp_path / "newsbot.db"
    conn = sqlite3.connect(archive)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    try:
        with pytest.raises(SystemExit, match="-wal exists"):
            scale_paired.copy_for(archive, "old", 0)
    finally:
        conn.close()
    assert not (tmp_path / "newsbot.db.old").exists()
