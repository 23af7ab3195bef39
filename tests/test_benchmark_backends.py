"""PostgreSQL beside SQLite in the benchmarks (issue 23, item 4): `python -m benchmarks.backends --quick`
runs on a real PostgreSQL server and a small generated archive and prints every figure of both backends
(ingest rate, search p50/p99, replies before and during a load), and is skipped, saying why, where no
server can be started.

No timing assertions: speed is measured by `python -m benchmarks`, never by the test suite.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks import backends, run
from tests import postgres_support
from tests.postgres_support import PostgresServer


def test_the_quick_comparison_prints_both_backends_figures(
    postgres_server: PostgresServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = backends.main(["--quick", "--postgres", postgres_server.url(), "--workdir", str(tmp_path)])
    assert status == 0
    out = capsys.readouterr().out
    assert f"{backends.QUICK_SIZE:,} articles" in out
    for name in backends.BACKENDS:
        assert f"{name:<10} search p50" in out
        assert f"{name} {backends.QUICK_SIZE:,} in" in out  # its ingest rate
        assert any(
            line.startswith(f"  {name:<10} before p50") and "during p50" in line for line in out.split("\n")
        )
    assert "PostgreSQL p99 / SQLite p99 = " in out

    (written,) = tmp_path.glob("results-*.json")
    results = json.loads(written.read_text(encoding="utf-8"))
    (step,) = results["latency"]
    assert step["ingested"] == {"sqlite": backends.QUICK_SIZE, "postgresql": backends.QUICK_SIZE}
    sizes = backends.QUICK_REPLIES
    for name in backends.BACKENDS:
        assert step["ingest_per_s"][name] > 0
        assert step[name]["matches"] > 0  # the queries found articles on both
        assert 0 < step[name]["p50"] <= step[name]["p99"]
        replies = results["replies"][name]
        assert replies["backend"] == name
        assert replies["before"]["replies"] > 0 and replies["during"]["replies"] > 0
        assert replies["ingest_returncode"] == 0 and replies["inbox"] == "done"
        assert replies["articles_expected"] == sizes.base + sizes.archive + sizes.inbox
        assert replies["articles_lost"] == 0 and replies["subscriptions_lost"] == 0


def test_the_quick_comparison_is_skipped_saying_why_without_a_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    @contextlib.contextmanager
    def no_server() -> Iterator[str]:
        yield "PostgreSQL is not installed (Debian: apt-get install postgresql)"

    monkeypatch.setattr(postgres_support, "postgres_server", no_server)
    monkeypatch.delenv("NEWSBOT_DATABASE_URL", raising=False)
    assert backends.main(["--quick", "--workdir", str(tmp_path)]) == 0
    assert "backends skipped: no PostgreSQL server: PostgreSQL is not installed" in capsys.readouterr().err
    assert not list(tmp_path.glob("results-*.json"))
    with pytest.raises(SystemExit, match="no PostgreSQL server"):  # the full run needs one
        backends.main(["--workdir", str(tmp_path), "--real", "0", "--sizes", "", "--no-replies"])


def test_the_runner_runs_the_backend_comparison() -> None:
    assert run.AREAS["backends"] == "benchmarks.backends"
