"""A real PostgreSQL server for the tests: Debian's `postgresql` binaries, a cluster made with ``initdb`` in a
temporary directory, started on a free local port and stopped at the end of the session.

`postgres_server()` returns the server (or the reason it cannot run: the tests that need it skip and say
so). As root, the cluster belongs to the ``postgres`` user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_databases = itertools.count(1)


@dataclass
class PostgresServer:
    bin_dir: Path
    data_dir: Path
    port: int
    user: str = "postgres"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database on this server; its URL."""
        import psycopg

        name = f"newsbot_test_{os.getpid()}_{next(_databases)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(args: list[str], owner: str | None) -> list[str]:
    return ["runuser", "-u", owner, "--", *args] if owner else args


@contextlib.contextmanager
def postgres_server() -> Iterator[PostgresServer | str]:
    """A running server for the session, or a string saying why there is none."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        yield "psycopg is not installed"
        return
    bin_dir = _bin_dir()
    if bin_dir is None:
        yield "PostgreSQL is not installed (Debian: apt-get install postgresql)"
        return
    owner: str | None = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            yield "running as root and there is no postgres user to own the cluster"
            return
        owner = "postgres"
    base = Path(tempfile.mkdtemp(prefix="newsbot-pg-"))
    data, sockets = base / "data", base / "run"
    sockets.mkdir()
    if owner:
        shutil.chown(base, owner)
        shutil.chown(sockets, owner)
    port = _free_port()
    started = False
    try:
        subprocess.run(
            _as_owner(
                [
                    str(bin_dir / "initdb"),
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--no-locale",
                ],
                owner,
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        subprocess.run(
            _as_owner(
                [
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-o",
                    options,
                    "-l",
                    str(base / "log"),
                    "-w",
                    "start",
                ],
                owner,
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        started = True
        yield PostgresServer(bin_dir=bin_dir, data_dir=data, port=port)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        yield f"could not start PostgreSQL: {exc} {detail.decode(errors='replace')[:300]}"
    finally:
        if started:
            subprocess.run(
                _as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], owner),
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(base, ignore_errors=True)
