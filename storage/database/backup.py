"""Online backups through SQLite's backup API: safe while the bot and `newsbot ingest` keep writing.

The copy is a consistent snapshot (SQLite restarts the copy if a writer changes a page mid-way) and is
written to a temporary file first, then moved into place, so a failed backup never leaves a half file
where a good one was expected.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from storage.errors import DatabaseError

# Pages copied per step; between steps other connections may write.
_PAGES_PER_STEP = 256


def backup_database(source: str | Path, destination: str | Path) -> Path:
    """Copy the database at `source` to `destination`: a file, or a directory (existing, or named with a
    trailing slash) to put `newsbot-backup.db` in."""
    source = Path(source)
    if not source.is_file():
        raise DatabaseError(f"{source}: no database to back up")
    target = Path(destination)
    if target.is_dir() or str(destination).endswith(("/", os.sep)):
        target = target / "newsbot-backup.db"
    if target.resolve() == source.resolve():
        raise DatabaseError(f"{target}: the backup cannot overwrite the database itself")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"{target}: cannot create its directory: {exc.strerror or exc}") from exc

    handle, temporary = tempfile.mkstemp(prefix=".newsbot-backup-", suffix=".db", dir=target.parent)
    os.close(handle)
    try:
        with _connect(source, read_only=True) as src, _connect(Path(temporary)) as dst:
            src.backup(dst, pages=_PAGES_PER_STEP)
            # A backup is one self-contained file: no WAL beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
            check = dst.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise DatabaseError(f"{target}: backup failed its integrity check: {check}")
        os.replace(temporary, target)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{source}: backup failed: {exc}") from exc
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


class _connect:
    """A sqlite3 connection closed on exit (sqlite3's own context manager only commits)."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        uri = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
        self.conn = sqlite3.connect(uri, uri=read_only, timeout=5)

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *exc: object) -> None:
        self.conn.close()
