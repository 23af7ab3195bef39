"""PostgreSQL as the second backend: the same schema, the same SQL, through psycopg 3.

newsbot's SQL is written once, in `storage/`, in the dialect SQLite and PostgreSQL share: ``?``
placeholders, ``INSERT … ON CONFLICT``, ``RETURNING``. `PgConnection` speaks the part of sqlite-utils'
``Database`` (and of ``sqlite3.Connection``) that `storage/` uses — ``execute``, ``executemany``,
``conn``, ``in_transaction``, ``close`` — over one psycopg connection, turning ``?`` into psycopg's
``%s``. The few statements that differ choose by `is_postgres(db)`, beside their SQLite form.

- **Schema**: `MIGRATIONS` (storage.database.migrations) translated statement by statement
  (`postgres_statement`: ``INTEGER`` is ``BIGINT``, an ``id INTEGER PRIMARY KEY`` an identity column); the
  statements only SQLite has (the FTS5 index, its data moves) are replaced by `POSTGRES_VERSIONS`. The
  version applied is kept in the table ``newsbot_schema``.
- **Transactions**: `write_transaction` (the one helper, storage.database.connection) runs ``BEGIN`` and
  then takes one transaction-level advisory lock, `WRITE_LOCK`: writers take turns, across every process
  and replica, exactly as SQLite's write lock makes them; readers never wait for it. A writer that cannot
  have the lock within its wait gets `DatabaseBusy`, as on SQLite.
- **Connections**: `PostgresDatabase` (a pool, psycopg_pool) offers what `storage.database.access.Database`
  offers over a file: read blocks on a snapshot (``REPEATABLE READ READ ONLY``) and one write path, where
  bulk writers (ingest batches) give way to the others.
- **A process that dies or stops answering** cannot keep the write lock: killed, its socket closes and the
  server ends its session (and its transaction) at once; frozen, or on a host that vanished without
  closing anything, the server ends a session idle inside a transaction after `IDLE_IN_TRANSACTION_S`,
  and probes an idle connection with TCP keepalives (`SESSION_SETTINGS`, set on every connection).
  newsbot never waits on anything but the database inside a transaction, so no live writer idles that long.
- **Errors**: psycopg's errors leave `PgConnection` as storage's (`storage_error`): `DatabaseBusy` for a lock
  not had in time, `DatabaseFailure` (an ``sqlite3.DatabaseError`` and a `StorageError`) for anything else,
  so the ``except`` clauses written for SQLite hold for both backends.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from storage.database.migrations import MIGRATIONS
from storage.database.transaction import transaction
from storage.errors import DatabaseBusy, DatabaseError, DatabaseFailure
from storage.urls import safe_url

try:
    import psycopg
    import psycopg_pool
    from psycopg.pq import TransactionStatus
except ImportError:  # pragma: no cover - psycopg is a dependency; a broken install says so when used
    psycopg = None  # type: ignore[assignment]
    psycopg_pool = None  # type: ignore[assignment]
    TransactionStatus = None  # type: ignore[assignment,misc]

log = logging.getLogger(__name__)

T = TypeVar("T")
URL_SCHEMES = ("postgresql://", "postgres://")
# The key of the advisory lock every write transaction holds (see the module doc); any constant works.
WRITE_LOCK = 0x6E657773  # "news"
BUSY_TIMEOUT_S = 5.0
# Bulk writers (ingest batches) give way (`PostgresDatabase.writer`): how long each attempt at the lock
# waits, how long they pause after each transaction, at most how long they leave the lock to waiting
# writers, and how often they look.
BULK_ATTEMPT = 0.05
BULK_PAUSE = 0.002
MAX_GIVE_WAY = 0.5
POLL = 0.005
POOL_SIZE = 8
# Set on every connection (`configure`), so that a dead or frozen process's session ends (see the module
# doc): how long a session may sit idle inside a transaction, and the server's TCP keepalives (first probe
# after, between probes, probes unanswered before the connection counts as dead).
IDLE_IN_TRANSACTION_S = 30
SESSION_SETTINGS = {
    "idle_in_transaction_session_timeout": f"{IDLE_IN_TRANSACTION_S}s",
    "tcp_keepalives_idle": "10",
    "tcp_keepalives_interval": "5",
    "tcp_keepalives_count": "3",
}


def is_postgres_url(target: object) -> bool:
    """Whether a database setting names a PostgreSQL server rather than an SQLite file."""
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def is_postgres(db: object) -> bool:
    """Whether `db` (a connection, a `PostgresDatabase`, or a `Database` over one connection) is
    PostgreSQL."""
    if isinstance(db, PgConnection | PostgresDatabase):
        return True
    # A `storage.database.access.Database` over one connection shows it as `connection`.
    return isinstance(getattr(db, "connection", None), PgConnection)


_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@functools.lru_cache(maxsize=4096)
def translate(sql: str) -> str:
    """SQL with ``?`` placeholders as psycopg's ``%s`` and ``:name`` ones as ``%(name)s`` (a literal ``%``
    doubled, ``::`` casts kept), leaving string literals and quoted names alone."""
    out: list[str] = []
    quote: str | None = None
    plain: list[str] = []  # text outside quotes since the last quote

    def flush() -> None:
        text = "".join(plain).replace("%", "%%").replace("?", "%s")
        out.append(_NAMED.sub(r"%(\1)s", text))
        plain.clear()

    for ch in sql:
        if quote is not None:
            out.append("%%" if ch == "%" else ch)
            if ch == quote:
                quote = None
            continue
        if ch in "'\"":
            flush()
            quote = ch
            out.append(ch)
        else:
            plain.append(ch)
    flush()
    return "".join(out)


def _require_driver() -> None:
    if psycopg is None:
        raise DatabaseError(
            "PostgreSQL needs psycopg 3 and psycopg_pool: pip install 'psycopg[binary]' psycopg-pool"
        )


class PgConnection:
    """One psycopg connection, spoken to as `storage/` speaks to an SQLite one (see the module doc).

    Autocommit, like an SQLite connection with ``isolation_level=None``: nothing is a transaction unless
    ``BEGIN`` opened one (`write_transaction`, the read blocks of `PostgresDatabase`)."""

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        raw.autocommit = True
        self.raw = raw
        # Transactions begun through `execute` (and rolled back to a savepoint): tells which one is open,
        # for settings a read makes till its end.
        self.transactions = 0

    @property
    def conn(self) -> PgConnection:
        return self

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> psycopg.Cursor[Any]:
        cursor = self.raw.cursor()
        if params is not None and not isinstance(params, Mapping):
            params = list(params)
        idle = not self.in_transaction
        try:
            cursor.execute(translate(sql), params)  # type: ignore[arg-type]
        except psycopg.Error as exc:
            raise storage_error(exc) from exc
        if idle and self.in_transaction:
            self.transactions += 1
        return cursor

    def query(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Rows as dicts, as sqlite-utils' ``Database.query``."""
        cursor = self.execute(sql, params)
        names = [c.name for c in cursor.description or []]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        cursor = self.raw.cursor()
        try:
            cursor.executemany(translate(sql), [list(r) for r in rows])  # type: ignore[arg-type]
        except psycopg.Error as exc:
            raise storage_error(exc) from exc
        return cursor

    def close(self) -> None:
        self.raw.close()


def configure(raw: psycopg.Connection[Any]) -> None:
    """Apply `SESSION_SETTINGS` to a new connection (autocommit: they last for its session)."""
    names = list(SESSION_SETTINGS)
    raw.execute(
        "SELECT " + ", ".join("set_config(%s, %s, false)" for _ in names),
        [v for name in names for v in (name, SESSION_SETTINGS[name])],
    )


def connect(url: str) -> PgConnection:
    """One connection to the server at `url`, configured (`configure`), not migrated
    (`storage.database.connection.open_postgres` migrates)."""
    _require_driver()
    try:
        raw = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        raise DatabaseError(f"{safe_url(url)}: cannot connect to PostgreSQL: {_reason(exc)}") from exc
    try:
        configure(raw)
    except psycopg.Error as exc:
        raw.close()
        raise DatabaseError(f"{safe_url(url)}: cannot configure the connection: {_reason(exc)}") from exc
    return PgConnection(raw)


def storage_error(exc: psycopg.Error) -> DatabaseBusy | DatabaseFailure:
    """psycopg's error as storage's own, so code catches one family on both backends: a lock not had in
    time, a deadlock or a serialization failure is `DatabaseBusy` (nothing changed; try again), anything
    else `DatabaseFailure` (an ``sqlite3.DatabaseError`` and a `StorageError`)."""
    busy = (
        psycopg.errors.LockNotAvailable,
        psycopg.errors.DeadlockDetected,
        psycopg.errors.SerializationFailure,
    )
    if isinstance(exc, busy):
        return DatabaseBusy(f"database is locked: {_reason(exc)}")
    return DatabaseFailure(_reason(exc))


def _reason(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


# ---- transactions ----------------------------------------------------------------------------------------


@contextlib.contextmanager
def pg_write_transaction(conn: PgConnection, *, wait: float | None = None) -> Iterator[PgConnection]:
    """``BEGIN`` and the write lock (`WRITE_LOCK`), waited for at most `wait` seconds, committed at the
    end and rolled back on any exception; nested, a savepoint (`storage.database.transaction`)."""
    budget = BUSY_TIMEOUT_S if wait is None else wait

    def begin() -> None:
        conn.execute("BEGIN")
        conn.execute(f"SET LOCAL lock_timeout = {max(1, int(budget * 1000))}")
        try:
            conn.execute("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK])
        except DatabaseBusy as exc:
            raise DatabaseBusy(f"database is locked: busy for {budget:g} s") from exc
        conn.execute("SET LOCAL lock_timeout = 0")

    def undone() -> None:
        conn.transactions += 1  # what the transaction set since the savepoint is undone

    with transaction(conn, begin, undone=undone):
        yield conn


def pg_writers_waiting(conn: PgConnection) -> bool:
    """Whether a writer, of any process, is waiting for the write lock (`WRITE_LOCK`)."""
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
        "AND ((classid::bigint << 32) | objid::bigint) = ? AND database = "
        "(SELECT oid FROM pg_database WHERE datname = current_database()))",
        [WRITE_LOCK],
    ).fetchone()
    return bool(row and row[0])


def _failed(conn: PgConnection) -> bool:
    return conn.raw.info.transaction_status == TransactionStatus.INERROR


# ---- schema ----------------------------------------------------------------------------------------------

# Migrations whose SQLite statements have no PostgreSQL form: what PostgreSQL runs instead.
# 3: the full-text index. The same pre-segmented tokens as SQLite's FTS5 table (character bigrams per field
#    and jieba words, storage.text.segment), in one tsvector per article with a GIN index, laid out by
#    `storage.database.tsvector.document`: `sizes` holds each column's token count (title, byline, body,
#    words) for BM25's document length. `articles_fts_totals` keeps the number of rows and of tokens
#    (BM25's N and average length), kept right by triggers whatever statement adds or deletes rows.
# 8: SQLite's contentless index and a repacking of old rows: nothing to do on a database that starts here.
# 12: each lexeme's occurrences per column in the articles holding it, by segment (`storage.database
#    .postings`), filled from the tsvectors already stored (their positions counted per column as
#    `column_starts` lays the columns out; title marks left out).
# 15: SQLite's rebuild of `subscriptions` with AUTOINCREMENT: nothing to do, an identity column's sequence
#    never hands an id out again.
# 20: the same table without SQLite's WITHOUT ROWID.
POSTGRES_VERSIONS: dict[int, list[str]] = {
    3: [
        """
        CREATE TABLE articles_fts (
            rowid BIGINT PRIMARY KEY,
            document tsvector NOT NULL,
            sizes INT[] NOT NULL
        )
        """,
        "CREATE INDEX articles_fts_document ON articles_fts USING GIN (document)",
        """
        CREATE TABLE articles_fts_totals (
            only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
            documents BIGINT NOT NULL,
            tokens BIGINT NOT NULL
        )
        """,
        "INSERT INTO articles_fts_totals (only_row, documents, tokens) VALUES (TRUE, 0, 0)",
        """
        CREATE FUNCTION articles_fts_add_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE articles_fts_totals SET
                documents = documents + (SELECT count(*) FROM added),
                tokens = tokens + (SELECT coalesce(sum(s), 0) FROM added, unnest(added.sizes) AS s);
            RETURN NULL;
        END $$
        """,
        """
        CREATE FUNCTION articles_fts_remove_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE articles_fts_totals SET
                documents = documents - (SELECT count(*) FROM removed),
                tokens = tokens - (SELECT coalesce(sum(s), 0) FROM removed, unnest(removed.sizes) AS s);
            RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER articles_fts_added AFTER INSERT ON articles_fts REFERENCING NEW TABLE AS added "
        "FOR EACH STATEMENT EXECUTE FUNCTION articles_fts_add_totals()",
        "CREATE TRIGGER articles_fts_removed AFTER DELETE ON articles_fts REFERENCING OLD TABLE AS removed "
        "FOR EACH STATEMENT EXECUTE FUNCTION articles_fts_remove_totals()",
    ],
    8: [],
    12: [
        """
        CREATE TABLE articles_fts_postings (
            lexeme TEXT NOT NULL,
            segment BIGINT NOT NULL,
            ids BIGINT[] NOT NULL,
            counts BIGINT[] NOT NULL,
            entries INT NOT NULL,
            PRIMARY KEY (lexeme, segment)
        )
        """,
        "CREATE TABLE articles_fts_segments (segment BIGINT PRIMARY KEY, articles BIGINT NOT NULL)",
        "CREATE SEQUENCE articles_fts_segment_ids START 1",
        """
        INSERT INTO articles_fts_postings (lexeme, segment, ids, counts, entries)
        SELECT lexeme, 0, array_agg(rowid), array_agg(packed), count(*)
        FROM (
            SELECT f.rowid, u.lexeme,
                (SELECT least(count(*) FILTER (WHERE p < c.second), 65535)
                      + (least(count(*) FILTER (WHERE p >= c.second AND p < c.third), 65535) << 16)
                      + (least(count(*) FILTER (WHERE p >= c.third AND p < c.fourth), 65535) << 32)
                      + (least(count(*) FILTER (WHERE p >= c.fourth), 32767) << 48)
                 FROM unnest(u.positions) AS p) AS packed
            FROM articles_fts AS f
            CROSS JOIN LATERAL (
                SELECT f.sizes[1] + 2 AS second, f.sizes[1] + f.sizes[2] + 3 AS third,
                       f.sizes[1] + f.sizes[2] + f.sizes[3] + 4 AS fourth
            ) AS c
            CROSS JOIN LATERAL unnest(f.document) AS u
            WHERE left(u.lexeme, 1) <> '^'
        ) AS entries
        GROUP BY lexeme
        """,
        "INSERT INTO articles_fts_segments (segment, articles) SELECT 0, count(*) FROM articles_fts HAVING count(*) > 0",
    ],
    15: [],
    20: [
        """
        CREATE TABLE IF NOT EXISTS period_mentions (
            period TEXT NOT NULL,
            article_id BIGINT NOT NULL,
            PRIMARY KEY (period, article_id)
        )
        """,
        "CREATE INDEX IF NOT EXISTS period_mentions_article ON period_mentions(article_id)",
        "CREATE TABLE IF NOT EXISTS period_mentions_fill (last_id BIGINT NOT NULL)",
        "INSERT INTO period_mentions_fill (last_id) VALUES (0)",
    ],
}

# Columns SQLite declares TEXT but that hold bytes (SQLite stores any value in any column).
_BYTES_COLUMNS = {"sketch TEXT": "sketch BYTEA"}
_PRIMARY_ID = re.compile(r"\b(\w+)\s+INTEGER\s+PRIMARY\s+KEY(\s+AUTOINCREMENT)?", re.IGNORECASE)
_INTEGER = re.compile(r"\bINTEGER\b", re.IGNORECASE)


def postgres_statement(sql: str) -> str:
    """An SQLite DDL or DML statement of a migration as PostgreSQL runs it: integer columns are 64-bit
    (chat ids are), and an ``INTEGER PRIMARY KEY`` (SQLite's rowid alias) an identity column that
    still accepts ids given explicitly."""
    for sqlite_column, postgres_column in _BYTES_COLUMNS.items():
        sql = sql.replace(sqlite_column, postgres_column)
    sql = _PRIMARY_ID.sub(r"\1 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", sql)
    return _INTEGER.sub("BIGINT", sql)


def postgres_migrations(migrations: Sequence[tuple[int, str, list[str]]]) -> list[tuple[int, str, list[str]]]:
    """`migrations` as PostgreSQL applies them (see `POSTGRES_VERSIONS`, `postgres_statement`)."""
    return [
        (version, description, POSTGRES_VERSIONS.get(version, [postgres_statement(s) for s in statements]))
        for version, description, statements in migrations
    ]


def pg_schema_version(conn: PgConnection) -> int:
    row = conn.execute("SELECT to_regclass('newsbot_schema')").fetchone()
    if row is None or row[0] is None:
        return 0
    found = conn.execute("SELECT max(version) FROM newsbot_schema").fetchone()
    return int(found[0] or 0) if found else 0


def migrate_postgres(conn: PgConnection, *, name: str = "database") -> list[int]:
    """Apply the migrations newer than the database's version, each in one write transaction (two
    processes starting at once take turns; the second finds the work done)."""
    migrations = postgres_migrations(MIGRATIONS)
    latest = max(v for v, _, _ in migrations)
    current = pg_schema_version(conn)
    if current > latest:
        raise DatabaseError(
            f"{name}: schema version {current} is newer than this newsbot understands ({latest}); upgrade newsbot"
        )
    applied: list[int] = []
    for version, description, statements in migrations:
        if version <= current:
            continue
        try:
            with pg_write_transaction(conn, wait=60):
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS newsbot_schema (version BIGINT PRIMARY KEY, applied_at TEXT)"
                )
                if pg_schema_version(conn) >= version:
                    current = pg_schema_version(conn)
                    continue
                for sql in statements:
                    conn.execute(sql)
                conn.execute(
                    "INSERT INTO newsbot_schema (version, applied_at) VALUES (?, to_char(now() AT TIME ZONE 'UTC', "
                    '\'YYYY-MM-DD"T"HH24:MI:SS"Z"\'))',
                    [version],
                )
        except DatabaseFailure as exc:
            raise DatabaseError(f"{name}: migration {version} ({description}) failed: {exc}") from exc
        applied.append(version)
        current = version
    return applied


# ---- a pool of connections for a multi-threaded process ---------------------------------------------------


class PostgresDatabase:
    """`storage.database.access.Database` over a PostgreSQL server: read blocks on pooled connections, each
    on one snapshot; writes in `pg_write_transaction` (the advisory write lock serialises writers of every
    process). A thread's nested blocks reuse its connection. `setup` is a connection to `url` whose schema
    is up to date (`storage.database.connection.open_postgres`, run once before the pool hands out
    connections); the pool owns it from then on."""

    def __init__(self, url: str, setup: PgConnection, *, pool_size: int = POOL_SIZE) -> None:
        _require_driver()
        self.url = url
        self._setup = setup
        try:
            self._pool = psycopg_pool.ConnectionPool(
                url,
                min_size=1,
                max_size=pool_size,
                kwargs={"autocommit": True},
                configure=configure,
                open=True,
                timeout=30,
            )
        except psycopg.Error as exc:
            setup.close()
            raise DatabaseError(f"{safe_url(url)}: cannot open a connection pool: {_reason(exc)}") from exc
        self._local = threading.local()
        self._closed = False

    @property
    def path(self) -> None:
        return None

    @contextlib.contextmanager
    def _borrowed(self) -> Iterator[PgConnection]:
        held: PgConnection | None = getattr(self._local, "conn", None)
        if held is not None:
            yield held
            return
        if self._closed:
            raise DatabaseError("the database is closed")
        with self._pooled() as raw:
            conn = PgConnection(raw)
            self._local.conn = conn
            try:
                yield conn
            finally:
                self._local.conn = None
                if conn.in_transaction:
                    conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def _pooled(self) -> Iterator[psycopg.Connection[Any]]:
        """A connection from the pool; a pool that cannot give one within its timeout is `DatabaseBusy`
        (every connection in use), a server that cannot be reached `DatabaseError`."""
        with contextlib.ExitStack() as stack:
            try:
                raw = stack.enter_context(self._pool.connection())
            except psycopg_pool.PoolTimeout as exc:
                raise DatabaseBusy(f"every database connection is in use: {_reason(exc)}") from exc
            except psycopg.Error as exc:
                raise DatabaseError(
                    f"{safe_url(self.url)}: cannot connect to PostgreSQL: {_reason(exc)}"
                ) from exc
            yield raw

    @contextlib.contextmanager
    def reader(self) -> Iterator[PgConnection]:
        """A connection inside one read-only transaction on one snapshot (nested: the open one)."""
        with self._borrowed() as conn:
            if conn.in_transaction:
                yield conn
                return
            conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                yield conn
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK" if _failed(conn) else "COMMIT")

    def read(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        with self.reader() as db:
            return fn(db, *args, **kwargs)

    def read_connection(self) -> PgConnection:
        """A connection of this thread's own, outside any block (each statement sees the latest commit)."""
        conn: PgConnection | None = getattr(self._local, "own", None)
        if conn is None:
            conn = connect(self.url)
            self._local.own = conn
            self._owned().append(conn)
        return conn

    @contextlib.contextmanager
    def own_connection(self) -> Iterator[PgConnection]:
        """This thread's own connection (`read_connection`), for work that runs transactions of its own."""
        yield self.read_connection()

    def _owned(self) -> list[PgConnection]:
        if not hasattr(self, "_own_list"):
            self._own_list: list[PgConnection] = []
        return self._own_list

    @contextlib.contextmanager
    def writer(self, *, wait: float | None = None, bulk: bool = False) -> Iterator[PgConnection]:
        """A connection inside one write transaction holding the write lock, waited for at most `wait`
        seconds (nested: a savepoint). ``bulk`` (ingest batches) gives way to every other writer, of any
        process, as on SQLite (storage.database.access): it asks for the lock in short attempts, never
        while another writer waits, lets the lock go unused when a writer came to wait while it asked, and
        after its transaction leaves the lock free while one does."""
        with self._borrowed() as conn:
            if not bulk or conn.in_transaction:
                with pg_write_transaction(conn, wait=wait) as db:
                    yield db
                return
            budget = BUSY_TIMEOUT_S if wait is None else wait
            deadline = time.monotonic() + budget
            while True:
                while pg_writers_waiting(conn) and time.monotonic() < deadline:
                    time.sleep(POLL)
                attempt = max(0.001, min(deadline - time.monotonic(), BULK_ATTEMPT))
                entered = False
                try:
                    with pg_write_transaction(conn, wait=attempt) as db:
                        # The server grants the lock in the order it was asked for: a writer that came to
                        # wait while this attempt was queued goes first, before anything is written.
                        if pg_writers_waiting(conn):
                            raise DatabaseBusy("database is locked: another writer is waiting")
                        entered = True
                        yield db
                    break
                except DatabaseBusy:
                    if entered:
                        raise
                    if time.monotonic() >= deadline:
                        raise DatabaseBusy(f"database is locked: busy for {budget:g} s") from None
            time.sleep(BULK_PAUSE)
            until = time.monotonic() + MAX_GIVE_WAY
            while time.monotonic() < until and pg_writers_waiting(conn):
                time.sleep(POLL)

    def write(
        self,
        fn: Callable[..., T],
        /,
        *args: Any,
        wait: float | None = None,
        bulk: bool = False,
        **kwargs: Any,
    ) -> T:
        with self.writer(wait=wait, bulk=bulk) as db:
            return fn(db, *args, **kwargs)

    @property
    def connection(self) -> PgConnection:
        """One connection for single-threaded setup before other threads start (seeding) and tests."""
        return self._setup

    def close(self) -> None:
        self._closed = True
        for conn in self._owned():
            conn.close()
        self._setup.close()
        self._pool.close()
