"""Schema migrations, applied in order; the database's PRAGMA user_version is the number applied.

Append new migrations at the end; never edit one that has been released.
Each entry is (version, description, list of SQL statements).
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (
        1,
        "articles",
        [
            """
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                fingerprint TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                title_lines TEXT NOT NULL DEFAULT '[]',
                date TEXT,
                byline TEXT,
                reporters TEXT NOT NULL DEFAULT '[]',
                correspondents TEXT NOT NULL DEFAULT '[]',
                body TEXT NOT NULL,
                paragraphs TEXT NOT NULL DEFAULT '[]',
                source TEXT,
                url TEXT,
                summary TEXT,
                keywords TEXT NOT NULL DEFAULT '[]',
                origin_file TEXT,
                origin_position INTEGER,
                ingested_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX articles_date ON articles(date)",
            "CREATE INDEX articles_source ON articles(source)",
        ],
    ),
]
