"""Running a search plan (`ranking.SearchPlan`) on the index: how many articles match and the window of
the best ranked, through the tier shortcuts and the ties at the window's edge; an expression SQLite rejects is
read as nothing found. The plan is built with the archive's years (`plan_with_years`)."""

from __future__ import annotations

import logging

import sqlite_utils

from storage.driver import sqlite3
from storage.search.index_reader import index_reader
from storage.search.query import ParsedQuery
from storage.search.ranking import RELAXED_SHARE, TIE_EXTRA, RankedRow, SearchPlan, plan, tier_flags

log = logging.getLogger(__name__)

# Below this many matches, ranking every one costs about as much as trying a shortcut (tiers) first.
TIER_MIN_MATCHES = 1000
# How SQLite rejects a MATCH expression string: the only errors the query builder could cause. A
# "no such column", "unable to use function MATCH" or a locked database is a bug or an outage and is raised.
_FTS_QUERY_ERRORS = ("fts5: syntax error", "unterminated string", "unknown special query", "expected integer")


def plan_with_years(
    db: sqlite_utils.Database, parsed: ParsedQuery, *, relaxed: bool = False, share: float = RELAXED_SHARE
) -> SearchPlan | None:
    """`ranking.plan` with the archive's years, so that dates typed without a year use the date index (and
    a period's mentions are looked for in the years stories are dated in)."""
    years = _years(db) if parsed.dates or parsed.periods else None
    return plan(parsed, relaxed=relaxed, share=share, years=years)


def execute(db: sqlite_utils.Database, p: SearchPlan, window: int) -> tuple[int, list[RankedRow]]:
    """How many articles match `p` and the best `window` of them (more when the window ends inside a tie);
    nothing found when SQLite rejects the expression."""
    try:
        return _execute_unguarded(db, p, window)
    except sqlite3.OperationalError as exc:
        # Queries are built so that this cannot happen (every token quoted; see tests); if it
        # ever does, the user gets "nothing found" and the log gets the expression, not a traceback.
        if not str(exc).startswith(_FTS_QUERY_ERRORS):
            raise
        # The expression holds the user's words: only at DEBUG (logs keep no message text above it).
        log.warning("search expression rejected by SQLite: %s", exc)
        log.debug("rejected expression: %r", p)
        return 0, []


def _execute_unguarded(db: sqlite_utils.Database, p: SearchPlan, window: int) -> tuple[int, list[RankedRow]]:
    index = index_reader(db.conn)
    total = index.count(p)
    if total == 0 or window <= 0:
        return total, []
    rows: list[RankedRow] = []
    if total > max(window, TIER_MIN_MATCHES):
        # Most often the matches holding every flag of steps 1-5 (or the first few: the date asked
        # for, the exact phrase) fill the window by themselves: then BM25 is computed for them
        # alone, and the page is the same as ranking every match.
        flags = len(tier_flags(p))
        for tier in sorted({flags, min(flags, 1)} - {0}, reverse=True):  # every flag, then the first
            bound = index.tier_bound(p, tier=tier, window=window)
            if bound is not None and bound < window:
                continue  # too few articles hold the tier's flags to fill the page
            rows = index.page(p, window=window, tier=tier)
            if len(rows) >= window:
                break
    if len(rows) < window:
        rows = index.page(p, window=window)
    edge = window - TIE_EXTRA - 1  # the last row of the page asked for
    if p.match is not None and len(rows) == window and 0 <= edge and rows[edge][1:] == rows[-1][1:]:
        # The page ends inside a group of equally ranked matches that goes past the window: fetch
        # the whole group so that newer-first (step 7) orders all of it, not only the rows fetched.
        last = rows[-1]
        keys = (last.on_date, last.nterms, last.exact, last.in_title, last.as_words, last.bm25)
        group = {r.id: r for r in index.tie(p, keys)}
        rows = [r for r in rows if r[1:] != last[1:]] + list(group.values())
    return total, rows


def _years(db: sqlite_utils.Database) -> tuple[int, int] | None:
    """The first and last year of the stored articles' dates (two lookups in the date index)."""
    first, last = db.conn.execute(
        "SELECT (SELECT min(date) FROM articles), (SELECT max(date) FROM articles)"
    ).fetchone()
    try:
        return int(first[:4]), int(last[:4])
    except (TypeError, ValueError):
        return None
