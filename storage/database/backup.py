"""Online backups through SQLite's backup API: safe while the bot and `newsbot ingest` keep writing.

The copy is a consistent snapshot (SQLite restarts the copy if a writer changes a page mid-way) and is
written to a temporary file first, then moved into place, so a failed backup never leaves a half file
where a good one was expected.

The destination must be a regular file or a new name: a device, a pipe or a socket is refused (a
symbolic link is judged by what it points to), an existing file is replaced only when the caller says
so, and a missing folder is created only when the destination names a folder (a trailing slash);
`backup_target` tells the caller which of these applies before anything is written.
"""

from __future__ import annotations

import os
import shlex
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from storage.driver import sqlite3
from storage.errors import DatabaseError
from storage.urls import without_password

# Pages copied per step; between steps other connections may write.
_PAGES_PER_STEP = 256


@dataclass(frozen=True)
class BackupTarget:
    """Where a backup goes, and what writing it there will do."""

    path: Path
    exists: bool  # a regular file is there and would be replaced
    create_folder: bool  # the destination named a folder that does not exist yet


def backup_target(source: str | Path, destination: str | Path) -> BackupTarget:
    """Check a backup destination without writing anything: `destination` is a file, or a folder
    (existing, or named with a trailing slash) to put ``newsbot-backup.db`` in.

    Raises `DatabaseError` for a destination that is not a regular file (a device, a pipe, a folder
    where a file is expected), inside a folder that does not exist, or the database itself.
    """
    source = Path(source)
    target = Path(destination)
    names_folder = str(destination).endswith(("/", os.sep))
    try:
        if target.is_dir() or names_folder:
            target = target / "newsbot-backup.db"
        folder = target.parent
        create_folder = False
        if not folder.exists():
            if not names_folder:
                raise DatabaseError(f"{target}: folder {folder} does not exist (create it first)")
            create_folder = True
        elif not folder.is_dir():
            raise DatabaseError(f"{target}: {folder} is not a folder")
        exists = False
        if os.path.lexists(target):
            mode = os.stat(target).st_mode  # follows a symbolic link to what it names
            if not stat.S_ISREG(mode):
                raise DatabaseError(f"{target}: {_kind(mode)}, not a regular file; refusing to write there")
            exists = True
            if source.exists() and os.path.samefile(target, source):
                raise DatabaseError(f"{target}: the backup cannot overwrite the database itself")
    except OSError as exc:
        raise DatabaseError(f"{target}: cannot use this path: {exc.strerror or exc}") from exc
    return BackupTarget(target, exists, create_folder)


def backup_database(source: str | Path, destination: str | Path, *, overwrite: bool = False) -> Path:
    """Copy the database at `source` to `destination` (see `backup_target`); an existing backup file is
    replaced only with `overwrite`. Returns the path written."""
    source = Path(source)
    if not source.is_file():
        raise DatabaseError(f"{source}: no database to back up")
    plan = backup_target(source, destination)
    target = plan.path
    if plan.exists and not overwrite:
        raise DatabaseError(f"{target}: already exists; not overwritten")
    try:
        if plan.create_folder:
            target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".newsbot-backup-", suffix=".db", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise DatabaseError(f"{target}: cannot write there: {exc.strerror or exc}") from exc
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
    except OSError as exc:
        raise DatabaseError(f"{target}: cannot write there: {exc.strerror or exc}") from exc
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


class _connect:
    """A sqlite3 connection closed on exit (sqlite3's own context manager only commits)."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        uri = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
        self.conn = sqlite3.connect(uri, uri=read_only, timeout=5)

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *exc: object) -> None:
        self.conn.close()


def pg_dump_advice(url: str, destination: str | Path) -> str:
    """One line for `newsbot backup` on PostgreSQL, where the server's own tool takes a consistent
    snapshot: the ``pg_dump`` command that writes `destination` (the URL without its password; pg_dump
    reads it from ~/.pgpass or PGPASSWORD). Restore with ``pg_restore --dbname URL``."""
    return (
        "PostgreSQL 数据库请用 pg_dump 备份 / back up a PostgreSQL database with pg_dump: "
        f"pg_dump --format=custom --file={shlex.quote(str(destination))} {shlex.quote(without_password(url))}"
    )
