"""The stored articles as a search reads them: each as a page shows it (`Document`), what the page order
reads of each (`about`), and the candidates evidence ranking reads (`read_candidates`)."""

from __future__ import annotations

from collections.abc import Mapping

import sqlite_utils

from storage.search import evidence
from storage.search.page_order import About
from storage.text.notices import OPENING_CHARS, TAIL_CHARS

# A stored article as a page shows it: (title, date, body, title_source).
Document = tuple[str, str | None, str, str]


def about_articles(
    db: sqlite_utils.Database, ids: list[int], read: Mapping[int, Document]
) -> dict[int, About]:
    """Id → what the page order reads of it (`page_order.About`); `read`: articles already read."""
    return {i: _about(doc) for i, doc in documents(db, ids, read).items()}


def _about(doc: Document) -> About:
    """What the page order reads of an article."""
    title, day, body, _ = doc
    return About(title or "", day, (body or "")[:OPENING_CHARS], (body or "")[-TAIL_CHARS:])


def read_candidates(
    db: sqlite_utils.Database, ids: list[int]
) -> tuple[list[evidence.Candidate], dict[int, Document], dict[int, int]]:
    """The stored articles among `ids`, in that order, as evidence ranking reads them: with the search
    forms stored beside them (migration 13), or None for an article stored without them; each as a
    page shows it (`Document`); and the story (cluster) of each, which the page collapses by."""
    marks = ",".join("?" * len(ids))
    rows = db.conn.execute(
        "SELECT id, title, date, body, search_title, search_body, search_forms, title_source, "
        f"coalesce(cluster, id) FROM articles WHERE id IN ({marks})",
        ids,
    ).fetchall()
    by_id = {
        r[0]: evidence.Candidate(r[0], r[1], r[3], r[2], (r[4], r[5]) if r[6] is not None else None)
        for r in rows
    }
    documents = {r[0]: (r[1], r[2], r[3], r[7]) for r in rows}
    return [by_id[i] for i in ids if i in by_id], documents, {int(r[0]): int(r[8]) for r in rows}


def documents(
    db: sqlite_utils.Database, ids: list[int], read: Mapping[int, Document] | None = None
) -> dict[int, Document]:
    """Id → `Document`, in id order (as SQLite returns the rows of a list of ids);
    `read`: articles already read, not read again."""
    read = read or {}
    missing = [i for i in ids if i not in read]
    fetched: dict[int, Document] = {}
    if missing:
        marks = ",".join("?" * len(missing))
        rows = db.conn.execute(
            f"SELECT id, title, date, body, title_source FROM articles WHERE id IN ({marks})", missing
        ).fetchall()
        fetched = {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}
    found = {i: read[i] for i in ids if i in read} | fetched
    return {i: found[i] for i in sorted(found)}
