"""Searching articles: `Searcher(db).search(query)` → `SearchResponse`.

Open one `Searcher` per database and call `search` as often as needed. It is synchronous and does a
few short SQL statements per query; from asyncio code run it in a worker thread
(`await asyncio.to_thread(searcher.search, q)`). Over a `storage.database.access.Database` each call reads
on its thread's own read connection (one snapshot per call), so searches run in parallel and never wait
for writers; over a single connection calls take turns. Construction does no work; `warm_up()` loads the
segmenter and the converter ahead of the first query if wanted.

The index is read through `storage.search.index_reader`: FTS5 on SQLite, a tsvector with FTS5's BM25 on
PostgreSQL (`storage.search.postgres_index`), with the same results on both. What a query finds comes from
the relaxation ladder (`storage.search.ladder`); here its rows become a page (ordered, one article a story,
snippets) and, for a question, an answer line.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import sqlite_utils

from storage.database.duplicates import collapse, other_sources
from storage.models import DEFAULT_TIMEZONE, Answer, SearchHit, SearchResponse
from storage.search import corrections, english_names, evidence, pinyin
from storage.search.answers import best_sentence
from storage.search.answers.questions import describes_person
from storage.search.article_reads import Document, about_articles, documents
from storage.search.expressions import any_of
from storage.search.found import Found
from storage.search.index_reader import index_reader
from storage.search.ladder import run_ladder
from storage.search.matching import plan_with_years
from storage.search.page_order import NOW_WINDOW, newest_first, news_before_notices, reprints
from storage.search.query import ParsedQuery, parse_query
from storage.search.ranking import TIE_EXTRA, RankedRow, display_score, order_window
from storage.search.snippets import Needles, make_snippet, mark
from storage.search.vocabulary import IndexVocabulary
from storage.text.normalize import HAN_RANGES
from storage.text.notices import notice_text

MAX_LIMIT = 100
MAX_OFFSET = 10000  # deeper pages come back empty (total still counts everything)
ANSWER_DOCS = 5  # articles an answer may come from: the page's, then the next ones


def to_record(resp: SearchResponse) -> dict:
    """The JSON shape of a response (CLI `--json`/`--batch`): plain snippet text plus highlight offsets."""
    return {
        "query": resp.query,
        "total": resp.total,
        "took_ms": resp.took_ms,
        "results": [
            {
                "id": h.id,
                "title": h.title,
                "date": h.date,
                "snippet": h.snippet.text,
                "highlights": [list(span) for span in h.snippet.highlights()],
                "score": h.score,
            }
            for h in resp.hits
        ],
        "answer": (
            {"sentence": resp.answer.sentence, "article_id": resp.answer.article_id}
            if resp.answer is not None
            else None
        ),
    }


# A source of read connections: a context manager giving this thread's connection for one read
# (`storage.database.access.Database.reader`).
Reader = Callable[[], AbstractContextManager[sqlite_utils.Database]]

DEFAULT_ZONE = ZoneInfo(DEFAULT_TIMEZONE)


def containing_any(db: sqlite_utils.Database, words: Sequence[str], ids: Sequence[int]) -> set[int]:
    """The articles among `ids` that contain any of `words` (each verbatim after normalisation, as a
    `-word` exclusion of /search reads it). Exact for any number of ids; no limit, no ranking."""
    terms: list[str] = []
    for word in words:
        parsed = parse_query(f'"{word}"')
        terms.extend(parsed.phrases or parsed.terms)
    expr = any_of(terms)
    wanted = sorted({int(i) for i in ids})
    if expr is None or not wanted:
        return set()
    return index_reader(db.conn).matching_among(expr, wanted)


# A word in Latin letters, digits among them (gdp, 5g): as the index holds it, folded to lower case.
_LATIN_TERM = re.compile(r"[a-z0-9]*[a-z][a-z0-9]*")
_HAN_CHAR = re.compile(f"[{HAN_RANGES}]")


def names_unheld_latin_term(asked: str, unheld: Sequence[str]) -> bool:
    """Whether a Chinese question names a term in Latin letters (ＧＤＰ, 5G) that no article holds: the
    thing asked about is not in the archive, and an answer from the words left (增长了多少) would be about
    something else. Pure."""
    return bool(_HAN_CHAR.search(asked)) and any(_LATIN_TERM.fullmatch(t.lower()) for t in unheld)


def source_first(hits: list[SearchHit], answer: Answer | None) -> list[SearchHit]:
    """A question's results with the article its answer comes from first (when it is on the page: the
    answer looked past the first result because that one did not hold what was asked). Pure."""
    if answer is None or not hits or hits[0].id == answer.article_id:
        return hits
    source = next((h for h in hits if h.id == answer.article_id), None)
    if source is None:
        return hits
    moved = replace(source, score=max(source.score, hits[0].score))
    return [moved, *(h for h in hits if h.id != answer.article_id)]


class Searcher:
    """Over one connection (``Searcher(db)``: calls take turns) or over a source of read connections
    (``Searcher(reader=database.reader)``: each call reads on its thread's own connection)."""

    def __init__(self, db: sqlite_utils.Database | None = None, *, reader: Reader | None = None) -> None:
        if (db is None) == (reader is None):
            raise TypeError("Searcher needs a connection or a reader, not both")
        self._shared = db
        self._turns = threading.RLock()
        self._reader = reader

    @contextmanager
    def _read(self) -> Iterator[sqlite_utils.Database]:
        """One read (one snapshot) for the statements of one call: the reader's connection for this
        thread, or the shared connection, taking turns with other threads."""
        if self._reader is not None:
            with self._reader() as db:
                yield db
            return
        assert self._shared is not None
        with self._turns:
            yield self._shared

    def warm_up(self) -> None:
        """Load jieba's dictionary, its IDF table, OpenCC and pypinyin's table now rather than on the first
        query."""
        parse_query("预热 繁體")
        from storage.text.segment import tokenizer

        tokenizer().tag("预热", True)  # the tagger used for answers
        from storage.text.summary import idf_table

        idf_table()  # the term weights of relaxed questions (storage.search.ranking.term_weight)
        corrections.load_table()  # the readings of slips typed by sound
        pinyin.load_table()  # the syllables of words typed in pinyin

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        offset: int = 0,
        today: date | None = None,
        correct: bool = True,
    ) -> SearchResponse:
        """Results for `query`; relative dates are resolved against `today` (default: today in China).
        `correct=False` never corrects slips (to check what the words as typed find)."""
        started = time.perf_counter()
        limit = max(0, min(int(limit), MAX_LIMIT))
        offset = max(0, int(offset))
        if offset > MAX_OFFSET:
            limit = 0
        if today is None:
            today = datetime.now(DEFAULT_ZONE).date()
        parsed = parse_query(query if isinstance(query, str) else "", today=today)
        no_such_dates = parsed.no_such_dates
        picked_days = tuple((p.text, p.start.isoformat()) for p in parsed.periods if p.picked)
        latest = _asks_for_latest_news(parsed)
        window = max(limit + offset + TIE_EXTRA, NOW_WINDOW if latest else 0)
        with self._read() as db:
            found = run_ladder(db, parsed, window, correct=correct)
            parsed, total = found.parsed, found.total
            about = about_articles(db, [r.id for r in found.rows], found.read)
            rows = order_window(found.rows, {i: a.date for i, a in about.items()}, listing=parsed.date_only)
            ordered = newest_first(rows, about) if latest else rows
            rows = news_before_notices(ordered, about, a_days_listing=parsed.date_only)
            # The same story from several sources: its best-placed article stands for it; so does the
            # first printing of a story a paper printed twice on a day.
            kept = set(collapse(db, [r.id for r in rows], found.clusters))
            kept -= reprints([r.id for r in rows if r.id in kept], about)
            total -= len(rows) - len(kept)
            rows = [r for r in rows if r.id in kept][offset : offset + limit]
            docs = documents(db, [r.id for r in rows], found.read)
            # An answer reads `ANSWER_DOCS` articles: the page's, then (when it shows fewer) the next ones.
            more_docs = (
                documents(db, [r.id for r in found.rows if r.id not in docs][:ANSWER_DOCS], found.read)
                if len(docs) < ANSWER_DOCS
                else {}
            )
            also = other_sources(db, [r.id for r in rows], found.clusters)
        mentions = [m for d in parsed.dates for m in d.printed_forms()]
        highlight = list(parsed.words) + mentions
        needles = Needles(parsed.words, whole_only=mentions)  # normalised once for every title and snippet
        hits = page_hits(rows, docs, needles, also)
        answer = _answer_line(parsed, found, hits, docs, more_docs) if offset == 0 else None
        # The answer's article comes first only when the evidence placed it close to the first: one
        # sentence of a story ranked well below does not outweigh what the first holds of the question.
        # A short description read as keywords (北京市长) keeps its exact ranking.
        if answer is not None and parsed.question and _placed_close(found, answer.article_id):
            hits = source_first(hits, answer)
        period = _period(parsed, today) if parsed.date_only else None
        return SearchResponse(
            query=parsed.raw,
            total=int(total),
            took_ms=round((time.perf_counter() - started) * 1000, 3),
            hits=tuple(hits),
            answer=answer,
            terms=tuple(highlight),
            corrections=found.corrections,
            names_read=english_names.names_in(found.parsed.words) if total else (),
            dropped=found.dropped,
            any_word=found.any_word,
            date_dropped=found.date_dropped,
            date_only=parsed.date_only,
            period=period,
            no_such_dates=no_such_dates,
            picked_days=picked_days,
        )

    def latest_day(self, on_or_before: date) -> str | None:
        """The latest day (ISO) on or before `on_or_before` with a stored article, or None."""
        with self._read() as db:
            return IndexVocabulary(db.conn).latest_day(on_or_before.isoformat())

    def match_ids(self, query: str, *, limit: int = 1000) -> list[int]:
        """Ids of the articles matching `query` (same rules as `search`, no relaxed fallback), most
        recently stored first, at most `limit`. No ranking, snippets or answers: cheap, for digests."""
        parsed = parse_query(query if isinstance(query, str) else "")
        if limit <= 0:
            return []
        with self._read() as db:
            p = plan_with_years(db, parsed)
            if p is None:
                return []
            return index_reader(db.conn).ids(p, limit=int(limit))


def page_hits(
    rows: Sequence[RankedRow],
    docs: Mapping[int, Document],
    needles: Needles,
    also: Mapping[int, tuple[str, ...]],
) -> list[SearchHit]:
    """The page's rows as hits: each stored article (`docs`) with its snippet and the words of the query
    marked in its title (`needles`), its display score and the other sources that carried it (`also`); a
    row whose article is no longer stored is left out. Pure."""
    hits = []
    for row in rows:
        doc = docs.get(row.id)
        if doc is None:
            continue
        title, date_, body, title_source = doc
        title_snip = mark(title, needles)
        hits.append(
            SearchHit(
                id=row.id,
                title=title,
                date=date_,
                snippet=make_snippet(body, needles),
                score=display_score(
                    row.bm25,
                    exact=bool(row.exact),
                    in_title=bool(row.in_title),
                    on_date=bool(row.on_date),
                    nterms=row.nterms,
                    as_words=bool(row.as_words),
                ),
                title_snippet=title_snip if title_snip.highlights() else None,
                title_inferred=title_source == "inferred",
                also=also.get(row.id, ()),
            )
        )
    return hits


def _answer_line(
    parsed: ParsedQuery,
    found: Found,
    hits: Sequence[SearchHit],
    docs: Mapping[int, Document],
    more_docs: Mapping[int, Document],
) -> Answer | None:
    """The answer line of a first page: for a question, or a description of a person (中国驻法国大使), the
    sentence naming what it asks for, read in the page's articles (`docs`) and then the next ones
    (`more_docs`), `ANSWER_DOCS` in all; None for other queries, and for a Chinese question naming a term in
    Latin letters no article holds (`names_unheld_latin_term`). Pure but for jieba."""
    if not (
        (parsed.question or describes_person(parsed.asked))
        and hits
        and parsed.words
        and not names_unheld_latin_term(parsed.asked, found.unheld)
    ):
        return None
    pool = [(h.id, docs[h.id][0], docs[h.id][2]) for h in hits if h.id in docs]
    pool += [(i, d[0], d[2]) for i, d in more_docs.items()]
    # An article lacking a name of the question that the first result holds (another person, another
    # place) does not answer for it, nor take the first place through its answer (`source_first`).
    # Nor does an advertisement or a notice (`storage.text.notices`): its words are no report.
    pool = [d for d in pool if d[0] not in found.nameless and not notice_text(d[2])][:ANSWER_DOCS]
    close = _close_to_first(found, [i for i, _, _ in pool])
    dates = {i: d[1] or "" for i, d in (*docs.items(), *more_docs.items())}
    return best_sentence(parsed.asked, parsed.terms, pool, groups=parsed.groups, close=close, dates=dates)


def _close_to_first(found: Found, ids: Sequence[int]) -> int:
    """How many of the articles `ids` (the answer's, in order) the evidence ranking placed close to the first
    (`evidence.close_to_first`); 1 when the rows were ranked otherwise."""
    if not found.by_evidence:
        return 1
    scores = {r.id: r.nterms for r in found.rows}
    return evidence.close_to_first([scores.get(i, 0.0) for i in ids])


def _placed_close(found: Found, article_id: int) -> bool:
    """Whether the evidence ranking placed the article close to its first (`evidence.close_to_first`);
    True when the rows were ranked otherwise."""
    if not found.by_evidence or not found.rows:
        return True
    scores = {r.id: r.nterms for r in found.rows}
    return evidence.close_to_first([max(scores.values()), scores.get(article_id, 0.0)]) == 2


def _period(parsed: ParsedQuery, today: date) -> tuple[str, str] | None:
    """The first and last day (ISO) a date-only query names: its relative periods (上周), or its dates
    (2023年4月13日, 4月 without a year: the most recent), or None when a date names no day."""
    spans = [(p.start, p.end) for p in parsed.periods]
    for spec in parsed.dates:
        span = spec.span(today)
        if span is None:
            return None
        spans.append(span)
    if not spans:
        return None
    return min(a for a, _ in spans).isoformat(), max(b for _, b in spans).isoformat()


def _asks_for_latest_news(parsed: ParsedQuery) -> bool:
    """Whether a search (not a question: those weigh the date as evidence) asks for a topic's latest news:
    a word about now (最新, 目前) that is no word searched for."""
    if parsed.question or not parsed.words or not evidence.asks_now(parsed.asked):
        return False
    return not any(evidence.asks_now(w) for w in parsed.words)
