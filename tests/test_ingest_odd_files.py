"""`newsbot ingest` given odd files (a FIFO, a symbolic link loop, a dangling link, a manifest that is
no file): one clear line each, never a traceback or a wait forever, and the other files still go in.
Run as real processes with a timeout, since the failure these guard against is a hang."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_PAGE = ROOT / "seeds" / "000_6b662c5ca2a0e3a9.txt"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symbolic links")


def _ingest(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NEWSBOT_DB": str(tmp_path / "news.db"),
        "NEWSBOT_SEEDS": str(tmp_path / "no-seeds"),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("NEWSBOT_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", "ingest", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _pages(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_bytes(SEED_PAGE.read_bytes())
    return pages


def test_a_fifo_in_a_directory_is_skipped_not_waited_on(tmp_path):
    """Regression: a FIFO named like a page, inside a directory, made ingest wait for a writer forever."""
    pages = _pages(tmp_path)
    os.mkfifo(pages / "b.txt")
    done = _ingest(tmp_path, "pages")
    assert done.returncode == 0, done.stderr
    assert "跳过 skipped: pages/b.txt: not a regular file (a FIFO)" in done.stderr.splitlines()
    assert done.stdout.strip() == "6 篇新文章，0 篇已存在（1 个文件，1 个跳过）"


def test_a_symbolic_link_loop_in_a_directory_is_an_error_not_a_traceback(tmp_path):
    """Regression: a symbolic link loop inside a directory raised RuntimeError out of collect_inputs."""
    pages = _pages(tmp_path)
    (pages / "loop1.txt").symlink_to("loop2.txt")
    (pages / "loop2.txt").symlink_to("loop1.txt")
    done = _ingest(tmp_path, "pages")
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("错误 error:")]
    assert errors == [
        "错误 error: pages/loop1.txt: a symbolic link loop",
        "错误 error: pages/loop2.txt: a symbolic link loop",
    ]
    assert done.stdout.strip() == "6 篇新文章，0 篇已存在（1 个文件，2 个失败）"


@pytest.mark.parametrize("explain", [False, True])
def test_a_symbolic_link_loop_or_a_dangling_link_named_says_so(tmp_path, explain):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "gone.txt").symlink_to("missing.txt")
    done = _ingest(tmp_path, *(["--explain"] if explain else []), "loop.txt", "gone.txt")
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("错误 error:")]
    assert errors == [
        "错误 error: loop.txt: a symbolic link loop",
        "错误 error: gone.txt: a symbolic link to missing.txt, which does not exist",
    ]


def test_a_manifest_that_is_a_fifo_fails_its_directory_without_waiting(tmp_path):
    pages = _pages(tmp_path)
    os.mkfifo(pages / "manifest.json")
    done = _ingest(tmp_path, "pages")
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert "pages/manifest.json: not a regular file (a FIFO)" in done.stderr


def test_explain_skips_what_ingest_skips_without_failing(tmp_path):
    """`--explain DIR` lists a file it does not read as skipped, as `ingest DIR` does, not as an error."""
    pages = _pages(tmp_path)
    (pages / "notes.md").write_text("# notes\n", encoding="utf-8")
    done = _ingest(tmp_path, "--explain", "pages")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["跳过 skipped: pages/notes.md: unsupported file type .md"]
    assert done.stdout.startswith("== pages/a.txt\n6 篇 stories")


def test_json_nested_too_deep_or_a_number_too_long_is_a_bad_line_not_a_traceback(tmp_path):
    """Regression: a JSONL line nested 100,000 deep (RecursionError in json.loads), a file opening with
    as many brackets, or a 5,000-digit number (Python's int limit) printed a parser traceback."""
    good = '{"title": "保交楼项目复工", "body": "本报讯 多个项目已经复工。"}'
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "deep.jsonl").write_text(f"{good}\n" + '{"x":' * 100_000 + "1" + "}" * 100_000 + "\n")
    (feeds / "digits.jsonl").write_text(f'{{"title": "a", "body": "b", "date": {"9" * 5000}}}\n{good}\n')
    (feeds / "brackets.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n")
    done = _ingest(tmp_path, "feeds")
    assert "Traceback" not in done.stderr and "could not be parsed" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("错误 error:")]
    assert len(errors) == 3
    assert errors[0].startswith("错误 error: feeds/brackets.jsonl: line 1: invalid JSON: nested too deeply")
    assert errors[1].startswith("错误 error: feeds/deep.jsonl: line 2: invalid JSON: nested too deeply")
    assert errors[2].startswith("错误 error: feeds/digits.jsonl: line 1: invalid JSON: ")
    assert "4300 digits" in errors[2]
    skipping = _ingest(tmp_path, "--skip-bad-lines", "feeds")
    assert "Traceback" not in skipping.stderr
    assert skipping.stdout.strip().startswith("1 篇新文章，1 篇已存在")


@pytest.mark.parametrize("explain", [False, True])
def test_a_manifest_nested_too_deep_is_a_manifest_error(tmp_path, explain):
    pages = _pages(tmp_path)
    (pages / "manifest.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    done = _ingest(tmp_path, *(["--explain"] if explain else []), "pages")
    assert "Traceback" not in done.stderr
    assert done.returncode == 1
    assert "pages/manifest.json: invalid JSON: nested too deeply" in done.stderr


def test_a_dangling_link_to_a_name_that_is_not_utf8_reads_as_replacement_characters(tmp_path):
    pages = _pages(tmp_path)
    os.symlink(b"\xb9\xfa.txt", bytes(pages / "link.txt"))  # 国 in GBK, a name written on Windows
    done = _ingest(tmp_path, "pages")
    assert "错误 error: pages/link.txt: a symbolic link to \ufffd\ufffd.txt, which does not exist" in (
        done.stderr.splitlines()
    )
