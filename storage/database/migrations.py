"""Schema migrations, applied in order; the database's PRAGMA user_version is the number applied.

Append new migrations at the end; never edit one that has been released.
Each entry is (version, description, list of SQL statements).
"""

from __future__ import annotations

from storage.driver import FTS_CONTENTLESS_DELETE


def _full_text_table(name: str) -> str:
    """The full-text index of migration 8: contentless (FTS5 keeps the index, not a copy of the text)
    where this SQLite can delete from such a table (3.43+), else with its own copy as before. The
    one-character prefix index stays: it costs ~1.3x the raw text, but without it a one-character term
    (`楼`, and the slip lookup's anchors) merges every bigram starting with that character: 25-300 ms
    instead of 0.5 ms at 100k articles."""
    content = "content = '', contentless_delete = 1," if FTS_CONTENTLESS_DELETE else ""
    return f"""
        CREATE VIRTUAL TABLE {name} USING fts5(
            title, byline, body, words, {content}
            tokenize = 'unicode61 remove_diacritics 0',
            prefix = '1'
        )
    """


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
    (
        2,
        "chats, subscriptions and the digest delivery ledger",
        [
            """
            CREATE TABLE chats (
                chat_id INTEGER PRIMARY KEY,
                language TEXT NOT NULL DEFAULT 'zh',
                timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
                paused INTEGER NOT NULL DEFAULT 0,
                paused_reason TEXT,
                paused_at TEXT,
                created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE subscriptions (
                id INTEGER PRIMARY KEY,
                chat_id INTEGER NOT NULL,
                local_time TEXT NOT NULL,
                keywords TEXT NOT NULL DEFAULT '[]',
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX subscriptions_chat ON subscriptions(chat_id)",
            """
            CREATE TABLE digest_deliveries (
                id INTEGER PRIMARY KEY,
                subscription_id INTEGER NOT NULL,
                local_date TEXT NOT NULL,
                chat_id INTEGER NOT NULL,
                status TEXT NOT NULL,
                claimed_at TEXT NOT NULL,
                finished_at TEXT,
                message_id INTEGER,
                detail TEXT,
                horizon INTEGER,
                UNIQUE (subscription_id, local_date)
            )
            """,
            """
            CREATE TABLE digest_items (
                subscription_id INTEGER NOT NULL,
                article_id INTEGER NOT NULL,
                delivery_id INTEGER NOT NULL,
                shown INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (subscription_id, article_id)
            )
            """,
            "CREATE INDEX digest_items_delivery ON digest_items(delivery_id)",
        ],
    ),
    (
        3,
        "full-text search index (pre-segmented: character bigrams per field, jieba words)",
        [
            """
            CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, byline, body, words,
                tokenize = 'unicode61 remove_diacritics 0',
                prefix = '1'
            )
            """,
            # Merge index segments in larger batches: ingest into a large index spends less time merging
            # (measured 583 -> 778 articles/s at 100k articles); searches stay well within their budget.
            "INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 16)",
        ],
    ),
    (
        4,
        "heartbeats: when each background service last ran, for /healthz",
        [
            """
            CREATE TABLE heartbeats (
                name TEXT PRIMARY KEY,
                at TEXT NOT NULL,
                detail TEXT
            )
            """,
        ],
    ),
    (
        5,
        "imports: how far the import of each file got, so an interrupted one is resumed",
        [
            """
            CREATE TABLE imports (
                id INTEGER PRIMARY KEY,
                file TEXT NOT NULL,
                digest TEXT NOT NULL,
                articles INTEGER NOT NULL,
                stored INTEGER NOT NULL DEFAULT 0,
                new INTEGER NOT NULL DEFAULT 0,
                known INTEGER NOT NULL DEFAULT 0,
                updated INTEGER NOT NULL DEFAULT 0,
                status TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT
            )
            """,
            "CREATE INDEX imports_digest ON imports(digest, status)",
        ],
    ),
    (
        6,
        "how each article's title was found: a printed headline, or inferred from the lead",
        [
            "ALTER TABLE articles ADD COLUMN title_source TEXT NOT NULL DEFAULT 'printed'",
        ],
    ),
    (
        7,
        "web sources (feeds and sites polled on a schedule), publication times, near-duplicate clusters",
        [
            """
            CREATE TABLE sources (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL UNIQUE,
                feed_url TEXT,
                name TEXT,
                interval_seconds INTEGER NOT NULL,
                etag TEXT,
                last_modified TEXT,
                last_poll_at TEXT,
                last_success_at TEXT,
                last_new INTEGER,
                last_error TEXT,
                failures INTEGER NOT NULL DEFAULT 0,
                next_poll_at TEXT,
                created_at TEXT NOT NULL
            )
            """,
            "ALTER TABLE articles ADD COLUMN published_at TEXT",
            # The article this one repeats (near-duplicate text from another source); NULL: itself.
            "ALTER TABLE articles ADD COLUMN cluster INTEGER",
            "CREATE INDEX articles_url ON articles(url)",
            "CREATE INDEX articles_cluster ON articles(cluster)",
            # Bottom-k MinHash sketch of each article's body (storage.text.neardup), and its smallest hashes
            # as lookup keys for finding near-duplicates.
            """
            CREATE TABLE article_sketches (
                article_id INTEGER PRIMARY KEY,
                sketch TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE sketch_keys (
                key INTEGER NOT NULL,
                day TEXT,
                article_id INTEGER NOT NULL
            )
            """,
            # Looked up by key within a few days of the article's date (near-duplicates are close in time).
            "CREATE INDEX sketch_keys_key ON sketch_keys(key, day)",
            "CREATE INDEX sketch_keys_article ON sketch_keys(article_id)",
        ],
    ),
    (
        8,
        "smaller archive: a full-text index without a copy of the text, "
        "and paragraphs stored only when they are not the body's lines",
        [
            _full_text_table("articles_fts_v8"),
            "INSERT INTO articles_fts_v8(articles_fts_v8, rank) VALUES ('automerge', 16)",
            # The old table's own copy of the tokens: no re-segmenting.
            "INSERT INTO articles_fts_v8(rowid, title, byline, body, words) "
            "SELECT rowid, title, byline, body, words FROM articles_fts",
            "DROP TABLE articles_fts",
            "ALTER TABLE articles_fts_v8 RENAME TO articles_fts",
            # body = paragraphs joined by newlines; when no paragraph holds a newline, the body's lines are
            # the paragraphs and '[]' reads them back from the body (storage.records.articles).
            "UPDATE articles SET paragraphs = '[]' WHERE paragraphs != '[]' "
            "AND json_array_length(paragraphs) = length(body) - length(replace(body, char(10), '')) + 1",
        ],
    ),
    (
        9,
        "readers outside Telegram (web sessions, WeChat followers), their private feeds, "
        "the WeChat message ledger and the web server's signing key",
        [
            # A reader of the web page or of the WeChat account: chat id = READER_CHAT_BASE + id
            # (storage.records.readers), far above any Telegram chat id. AUTOINCREMENT: an id is never
            # handed out again, even after /forget deleted its row.
            """
            CREATE TABLE readers (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                channel TEXT NOT NULL,
                key TEXT,
                created_at TEXT NOT NULL,
                UNIQUE (channel, key)
            )
            """,
            # One private Atom feed per subscription of a web or WeChat reader, at an unguessable token.
            """
            CREATE TABLE feeds (
                token TEXT PRIMARY KEY,
                subscription_id INTEGER NOT NULL UNIQUE,
                chat_id INTEGER NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX feeds_chat ON feeds(chat_id)",
            # WeChat messages seen (MsgId, or openid + CreateTime for events) and the reply given, so a
            # message the platform retries is answered the same and acted on once.
            """
            CREATE TABLE channel_messages (
                key TEXT PRIMARY KEY,
                reply TEXT,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX channel_messages_created ON channel_messages(created_at)",
            "CREATE TABLE server_keys (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ],
    ),
    (
        10,
        "digest claims with a lease: the replica holding a claim, until when, and the message it sends",
        [
            # claimed_by: the replica (`bot.telegram.digest_job.replica_id`) holding the claim; lease_until:
            # when another replica may take the claim over (UTC ISO text to the millisecond: compares as
            # text everywhere); message: the digest as it is sent (kept only while claimed, so whoever
            # finishes the claim sends the same).
            "ALTER TABLE digest_deliveries ADD COLUMN claimed_by TEXT",
            "ALTER TABLE digest_deliveries ADD COLUMN lease_until TEXT",
            "ALTER TABLE digest_deliveries ADD COLUMN message TEXT",
            "CREATE INDEX digest_deliveries_lease ON digest_deliveries(status, lease_until)",
        ],
    ),
    (
        11,
        "per-chat state shared by every process: result pages behind buttons, pending /forget "
        "confirmations, searches counted per user and minute",
        [
            # A search or /latest whose pages the buttons ``p:<key>:<page>`` / ``l:<key>:<page>`` turn
            # (storage.records.chat_state). `id` orders rows for pruning; `key` is what the buttons carry.
            """
            CREATE TABLE paged_queries (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                user_id INTEGER NOT NULL,
                kind TEXT NOT NULL,
                query TEXT NOT NULL,
                page INTEGER NOT NULL,
                total INTEGER NOT NULL,
                today TEXT,
                used_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX paged_queries_user ON paged_queries(user_id)",
            "CREATE INDEX paged_queries_used ON paged_queries(used_at)",
            # A /forget question waiting for its button; `done` once a press settled it.
            """
            CREATE TABLE forget_confirmations (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                user_id INTEGER NOT NULL,
                chat_id INTEGER NOT NULL,
                done INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX forget_confirmations_chat ON forget_confirmations(chat_id, id)",
            "CREATE INDEX forget_confirmations_created ON forget_confirmations(created_at)",
            # Searches of a user in one window of the flood guard (window_start: seconds since the epoch).
            """
            CREATE TABLE search_counts (
                user_id INTEGER NOT NULL,
                window_start INTEGER NOT NULL,
                searches INTEGER NOT NULL,
                PRIMARY KEY (user_id, window_start)
            )
            """,
            "CREATE INDEX search_counts_window ON search_counts(window_start)",
        ],
    ),
    (
        12,
        "term frequencies stored apart from the search index (PostgreSQL only: FTS5 keeps its own)",
        [],
    ),
    (
        13,
        "the text evidence ranking reads, stored with each article",
        [
            # `storage.text.normalize.search_form` of the title and of the body: the normalised text
            # where it holds traditional forms or stray spaces between ideographs, else NULL (ranking
            # reads the text as stored). search_forms: 1 once both are stored (`storage.database.index`
            # writes them with the search index), NULL before: ranking then works them out itself.
            "ALTER TABLE articles ADD COLUMN search_title TEXT",
            "ALTER TABLE articles ADD COLUMN search_body TEXT",
            "ALTER TABLE articles ADD COLUMN search_forms INTEGER",
        ],
    ),
    (
        14,
        "the language a chat chose with /lang",
        [
            # 'zh' or 'en' once the chat sent /lang; NULL: replies follow the language its messages come
            # with (`chats.language`, refreshed from Telegram's language_code).
            "ALTER TABLE chats ADD COLUMN chosen_language TEXT",
        ],
    ),
    (
        15,
        "subscription ids never handed out again, so an old unsubscribe button cannot cancel a newer one",
        [
            # AUTOINCREMENT: a new id follows the largest ever given, not the largest still stored. The table
            # is rebuilt (SQLite cannot add AUTOINCREMENT to a table); the copy's ids set the counter.
            """
            CREATE TABLE subscriptions_v15 (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                chat_id INTEGER NOT NULL,
                local_time TEXT NOT NULL,
                keywords TEXT NOT NULL DEFAULT '[]',
                created_at TEXT NOT NULL
            )
            """,
            "INSERT INTO subscriptions_v15 (id, chat_id, local_time, keywords, created_at) "
            "SELECT id, chat_id, local_time, keywords, created_at FROM subscriptions",
            "DROP TABLE subscriptions",
            "ALTER TABLE subscriptions_v15 RENAME TO subscriptions",
            "CREATE INDEX subscriptions_chat ON subscriptions(chat_id)",
        ],
    ),
    (
        16,
        "a chat's digest ledger found by chat, cancelled subscriptions' sent digests included",
        [
            # `listed_by_siblings` finds the subscriptions whose digests reached a chat, those cancelled
            # since (their sent digests' ledger rows stay), through the ledger's chat id. IF NOT EXISTS: a
            # database set back to an older version with its tables kept (the tests' downgrades) upgrades.
            "CREATE INDEX IF NOT EXISTS digest_deliveries_chat ON digest_deliveries(chat_id, subscription_id)",
        ],
    ),
    (
        17,
        "the topic of a chat's last search, which a follow-up question (它是哪天开的, 后来呢) refers to",
        [
            # One row per chat (storage.records.chat_state): the topic words of its last search that found
            # something, the story shown first, who asked, when (rows older than the keep go on each write).
            # IF NOT EXISTS: a database set back to an older version with its tables kept (the tests'
            # downgrades) upgrades.
            """
            CREATE TABLE IF NOT EXISTS chat_topics (
                chat_id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL,
                words TEXT NOT NULL,
                article_id INTEGER,
                asked_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS chat_topics_asked ON chat_topics(asked_at)",
            "CREATE INDEX IF NOT EXISTS chat_topics_user ON chat_topics(user_id)",
        ],
    ),
    (
        18,
        "what the reader typed for a follow-up's results, shown on every page they turn to",
        [
            # NULL: the header shows the query; else the follow-up as typed (它是哪天开的), not the search it
            # was read as (统战工作 会议 是哪天开的).
            "ALTER TABLE paged_queries ADD COLUMN shown TEXT",
        ],
    ),
    (
        19,
        "the stories /digest showed as new to a reader whose subscriptions are read, not pushed",
        [
            # One row per subscription and story that a /digest on the web page, in WeChat or in the
            # terminal listed as new (storage.records.feeds): the next /digest lists only stories without a
            # row. The rows go with their subscription (/unsubscribe, /forget). IF NOT EXISTS: a database set
            # back to an older version with its tables kept (the tests' downgrades) upgrades.
            """
            CREATE TABLE IF NOT EXISTS feed_seen (
                subscription_id INTEGER NOT NULL,
                article_id INTEGER NOT NULL,
                seen_at TEXT NOT NULL,
                PRIMARY KEY (subscription_id, article_id)
            )
            """,
        ],
    ),
    (
        20,
        "the months and days of a year each article mentions, which a keyword search with a dated period "
        "looks up",
        [
            # One row per article and period it mentions (`storage.text.periods`: 2021-10, 2020-05-20), found
            # by period (`storage.database.index`). period_mentions_fill: the last article id whose rows
            # `fill_period_mentions` has stored, while it stores those of the articles stored before this
            # migration (its row goes when done). IF NOT EXISTS: a database set back to an older version with
            # its tables kept (the tests' downgrades) upgrades.
            """
            CREATE TABLE IF NOT EXISTS period_mentions (
                period TEXT NOT NULL,
                article_id INTEGER NOT NULL,
                PRIMARY KEY (period, article_id)
            ) WITHOUT ROWID
            """,
            "CREATE INDEX IF NOT EXISTS period_mentions_article ON period_mentions(article_id)",
            "CREATE TABLE IF NOT EXISTS period_mentions_fill (last_id INTEGER NOT NULL)",
            "INSERT INTO period_mentions_fill (last_id) VALUES (0)",
        ],
    ),
    (
        21,
        "whether /digest listed a story to a reader or left it out as listed under another subscription",
        [
            # feed_seen.listed: 1 when the subscription's /digest listed the story, 0 when it left it out
            # because another subscription of the chat listed it (storage.records.feeds.take_unseen). Only
            # listed rows make a story "listed elsewhere" for the chat's other subscriptions. The rows
            # before this migration were all listed.
            "ALTER TABLE feed_seen ADD COLUMN listed INTEGER NOT NULL DEFAULT 1",
        ],
    ),
    (
        22,
        "a chat's topic as an opened story's headline prints it, which the line naming the topic shows",
        [
            # chat_topics.shown (storage.records.chat_state): an opened story's headline from the topic's
            # first word to its last, with the words and spaces between them; NULL: the words joined (a
            # search's topic, and the topics kept before this migration).
            "ALTER TABLE chat_topics ADD COLUMN shown TEXT",
        ],
    ),
    (
        23,
        "the stories a /digest listed, which 第2条 opens, in a column of their own",
        [
            # paged_queries.listed_ids (storage.records.chat_state): for a row of kind 'digest', the ids of
            # the stories the /digest listed, in the order numbered, as a JSON array; NULL for a search or
            # /latest. The digest rows kept before this migration held the ids in `query`, separated by
            # spaces: they move here and their query is left empty, as /latest's is.
            "ALTER TABLE paged_queries ADD COLUMN listed_ids TEXT",
            "UPDATE paged_queries SET listed_ids = '[' || replace(query, ' ', ', ') || ']', query = '' "
            "WHERE kind = 'digest'",
        ],
    ),
]
# The migration adding the columns `storage.database.index.fill_search_forms` fills for older articles.
SEARCH_FORMS_VERSION = 13
