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


def test_each_checkout_gets_its_own_copy_made_once(tmp_path):
    archive = tmp_path / "newsbot.db"
    conn = sqlite3.connect(archive)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    old = scale_paired.copy_for(archive, "old")
    new = scale_paired.copy_for(archive, "new")
    assert (old.name, new.name) == ("newsbot.db.old", "newsbot.db.new")
    assert old.read_bytes() == archive.read_bytes() == new.read_bytes()
    # A copy is kept as it is (the newer code migrated its own on first use).
    changed = sqlite3.connect(new)
    changed.execute("CREATE TABLE migrated (y)")
    changed.commit()
    changed.close()
    assert scale_paired.copy_for(archive, "new").read_bytes() != archive.read_bytes()


def test_an_archive_with_its_write_ahead_log_beside_it_is_not_copied(tmp_path):
    archive = tmp_path / "newsbot.db"
    conn = sqlite3.connect(archive)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    try:
        with pytest.raises(SystemExit, match="-wal exists"):
            scale_paired.copy_for(archive, "old")
    finally:
        conn.close()
    assert not (tmp_path / "newsbot.db.old").exists()
