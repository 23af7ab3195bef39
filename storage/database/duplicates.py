"""Near-duplicate articles: the same story from several sources, grouped into one *cluster*.

Each indexed article's body gets a bottom-k MinHash sketch (`storage.text.neardup`), stored in
``article_sketches`` with its smallest hashes in ``sketch_keys`` (migration 5). When an article is
indexed, the stored articles *from other sources* sharing its keys are compared with it; the one that
resembles it best (``resemblance >= THRESHOLD``, published at most ``DAYS_APART`` days apart) gives its
cluster, which is written to ``articles.cluster``. NULL there means the article starts its own cluster (its
id). Articles of one source are never merged with each other (a paper does not print a story twice; its
near-identical items are different notices), nor are articles without a source.

Readers (digests, result pages) collapse a list of ids to one per cluster (`collapse`) and name the other
sources that carried the story (`other_sources`).

Callers own the transaction; nothing here commits.
"""

from __future__ import annotations

import json
import sys
from array import array
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

import sqlite_utils

from storage.text import neardup

_CANDIDATES = 20  # stored articles sharing the most keys, compared in full
# For an undated article, a key held by this many stored articles or more (the hash of a stock phrase)
# is looked up among undated articles only: every dated row of it would be read otherwise (at 1M
# articles one key of a stock phrase is held by over 100,000). Near-duplicates share most of their keys,
# so the rarer keys still find them.
STOCK_KEY_ROWS = 1000


def store_sketches(
    db: sqlite_utils.Database, sketches: Mapping[int, Sequence[int] | None], *, new: bool = False
) -> None:
    """Store the sketches of articles being (re)indexed, in id order, and give each its cluster.
    `new`: articles stored in this transaction, which have no sketch to replace."""
    conn = db.conn
    ids = sorted(sketches)
    about: dict[int, tuple[str | None, str | None]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        about.update(
            (int(i), (day, source))
            for i, day, source in conn.execute(
                f"SELECT id, date, source FROM articles WHERE id IN ({marks})", chunk
            )
        )
    for article_id in ids:
        sk = sketches[article_id]
        if not new:
            forget_sketches(db, [article_id])
        cluster = None
        if sk:
            day, source = about.get(article_id, (None, None))
            when = _day(day)
            cluster = _find_cluster(db, article_id, sk, day, when, source) if source else None
            conn.execute(
                "INSERT INTO article_sketches (article_id, sketch) VALUES (?, ?)",
                [article_id, _pack(sk)],
            )
            conn.executemany(
                "INSERT INTO sketch_keys (key, day, article_id) VALUES (?, ?, ?)",
                [(key, when, article_id) for key in neardup.keys(sk)],
            )
        if cluster is not None or not new:  # a new article's cluster is already NULL (its own)
            conn.execute("UPDATE articles SET cluster = ? WHERE id = ?", [cluster, article_id])


def forget_sketches(db: sqlite_utils.Database, ids: Iterable[int]) -> None:
    """Drop the sketches of articles being re-indexed or deleted. Never commits."""
    rows = [(int(i),) for i in ids]
    db.conn.executemany("DELETE FROM article_sketches WHERE article_id = ?", rows)
    db.conn.executemany("DELETE FROM sketch_keys WHERE article_id = ?", rows)


def _find_cluster(
    db: sqlite_utils.Database,
    article_id: int,
    sk: Sequence[int],
    day: str | None,
    when: str | None,
    source: str,
) -> int | None:
    """The cluster of the stored article from another source that best resembles `sk`, or None.
    `day`: the article's date as stored; `when`: the same as YYYY-MM-DD (`_day`), None if unusable.

    Candidates share a lookup key and, for a dated article, were published within `DAYS_APART` days (the
    key index is by key and day, so a key common to many stories costs only the days around this one).
    The `_CANDIDATES` sharing the most keys are read with their sketches in one statement, which for a
    dated article has the same text every time (the driver prepares it once); of equally resembling
    ones the lowest id gives the cluster. The limit is written into the statement, not bound: bound, it
    made SQLite prepare the statement again at every run (9% of the ingest writer's time).
    """
    keys = neardup.keys(sk)
    marks = ",".join("?" * len(keys))
    if when is not None:
        first = (date.fromisoformat(when) - timedelta(days=neardup.DAYS_APART)).isoformat()
        last = (date.fromisoformat(when) + timedelta(days=neardup.DAYS_APART)).isoformat()
        # Two lookups in the (key, day) index: the days around this one, and undated articles (which may
        # be anything). One condition with OR would read every article holding the key, and the keys of
        # stock phrases are held by one article in seven.
        found = (
            f"SELECT k.article_id FROM sketch_keys k WHERE k.key IN ({marks}) AND k.day BETWEEN ? AND ? "
            f"UNION ALL SELECT k.article_id FROM sketch_keys k WHERE k.key IN ({marks}) AND k.day IS NULL"
        )
        params: list[object] = [*keys, first, last, *keys]
    else:
        stock = [k for k in keys if _held_by(db, k, STOCK_KEY_ROWS) >= STOCK_KEY_ROWS]
        rare = [k for k in keys if k not in stock]
        parts = []
        params = []
        for group, only in ((rare, ""), (stock, " AND k.day IS NULL")):
            if group:
                in_group = ",".join("?" * len(group))
                parts.append(f"SELECT k.article_id FROM sketch_keys k WHERE k.key IN ({in_group}){only}")
                params += group
        found = " UNION ALL ".join(parts)
    candidates = db.conn.execute(
        f"""
        SELECT s.sketch, a.date, coalesce(a.cluster, a.id) FROM (
            SELECT article_id, count(*) AS shared FROM ({found}) AS found
            WHERE article_id != ?
            GROUP BY article_id ORDER BY shared DESC, article_id LIMIT {_CANDIDATES}
        ) AS most
        JOIN article_sketches s ON s.article_id = most.article_id
        JOIN articles a ON a.id = s.article_id
        WHERE a.source IS NOT NULL AND a.source != ?
        ORDER BY s.article_id
        """,
        [*params, article_id, source],
    ).fetchall()
    held = set(sk)
    best: tuple[float, int] | None = None
    for other_sketch, other_day, cluster in candidates:
        other = _unpack(other_sketch)
        if not _close_in_time(day, other_day) or not neardup.may_resemble(held, other):
            continue
        score = neardup.resemblance(sk, other)
        if score >= neardup.THRESHOLD and (best is None or score > best[0]):
            best = (score, int(cluster))
    return best[1] if best else None


def _held_by(db: sqlite_utils.Database, key: int, cap: int) -> int:
    """How many stored articles hold `key`, counted up to `cap` (reads at most `cap` index entries)."""
    row = db.conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM sketch_keys WHERE key = ? LIMIT ?) AS held", [key, cap]
    ).fetchone()
    return int(row[0])


def _pack(sk: Sequence[int]) -> bytes:
    """A sketch as stored: its 32-bit hashes, 4 bytes each, little-endian (256 bytes; JSON took ~700)."""
    packed = array("I", sk)  # "I" is 4 bytes wherever CPython runs newsbot
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpack(stored: bytes | str) -> list[int]:
    """A stored sketch: packed hashes (`_pack`), or the JSON list that older databases hold."""
    if isinstance(stored, str):
        return [int(h) for h in json.loads(stored)]
    hashes = array("I")
    hashes.frombytes(stored)
    if sys.byteorder == "big":
        hashes.byteswap()
    return hashes.tolist()


def _day(value: str | None) -> str | None:
    """An article's date as YYYY-MM-DD, or None when it has no usable one."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _close_in_time(a: str | None, b: str | None) -> bool:
    """Whether two article dates are close enough to be one story (an undated one may be anything)."""
    if not a or not b:
        return True
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= neardup.DAYS_APART
    except ValueError:
        return True


def clusters_of(
    db: sqlite_utils.Database, ids: Sequence[int], known: Mapping[int, int] | None = None
) -> dict[int, int]:
    """Article id → its cluster (the id of the story's first article); `known`: clusters the caller
    has read already (with the articles' text), taken from there and not read again."""
    known = known or {}
    ordered = dict.fromkeys(map(int, ids))
    out = {i: known[i] for i in ordered if i in known}
    wanted = [i for i in ordered if i not in out]
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for art_id, cluster in db.conn.execute(
            f"SELECT id, coalesce(cluster, id) FROM articles WHERE id IN ({marks})", chunk
        ):
            out[int(art_id)] = int(cluster)
    return out


def collapse(
    db: sqlite_utils.Database, ids: Sequence[int], known: Mapping[int, int] | None = None
) -> list[int]:
    """`ids` in their order, keeping the first article of each cluster (`known`: as for `clusters_of`)."""
    clusters = clusters_of(db, ids, known)
    firsts: dict[int, int] = {}  # cluster → its first article in `ids`, clusters in the order first met
    for i in map(int, ids):
        firsts.setdefault(clusters.get(i, i), i)
    return list(firsts.values())


def other_sources(
    db: sqlite_utils.Database, ids: Sequence[int], known: Mapping[int, int] | None = None
) -> dict[int, tuple[str, ...]]:
    """Article id → the names of the other sources that carried the same story (its cluster's other
    articles' sources, in the order they were stored, without the article's own source); `known`: as
    for `clusters_of`."""
    clusters = clusters_of(db, ids, known)
    groups = sorted(set(clusters.values()))
    members: dict[int, list[tuple[int, str | None]]] = {}
    for start in range(0, len(groups), 500):
        chunk = groups[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for cluster, art_id, source in db.conn.execute(
            f"""
            SELECT coalesce(cluster, id), id, source FROM articles
            WHERE cluster IN ({marks}) OR id IN ({marks}) ORDER BY id
            """,
            chunk + chunk,
        ):
            members.setdefault(int(cluster), []).append((int(art_id), source))
    out: dict[int, tuple[str, ...]] = {}
    for art_id, cluster in clusters.items():
        group = members.get(cluster, [])
        own = next((s for i, s in group if i == art_id), None)
        names = [s for i, s in group if i != art_id and s and s != own]
        if names:
            out[art_id] = tuple(dict.fromkeys(names))
    return out


def padded(values: list[int]) -> list[int]:
    """`values` (not empty) with its last repeated up to a power of two (at least 8): an ``IN (…)`` list
    then has one of a few lengths, so a statement run once per subscription repeats its text and the
    driver's statement cache prepares it once (the repeats match nothing more). Pure."""
    size = 8
    while size < len(values):
        size *= 2
    return values + values[-1:] * (size - len(values))


def delivered_clusters(db: sqlite_utils.Database, subscription_id: int, clusters: Iterable[int]) -> set[int]:
    """The clusters among `clusters` of which the subscription has already received an article."""
    wanted = sorted({int(c) for c in clusters})
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        chunk = padded(wanted[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for (cluster,) in db.conn.execute(
            f"""
            SELECT DISTINCT coalesce(a.cluster, a.id) FROM digest_items d JOIN articles a ON a.id = d.article_id
            WHERE d.subscription_id = ? AND (a.cluster IN ({marks}) OR a.id IN ({marks}))
            """,
            [subscription_id, *chunk, *chunk],
        ):
            found.add(int(cluster))
    return found
