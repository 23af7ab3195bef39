"""Searching articles: `Searcher(db).search(query)` → `SearchResponse`.

Open one `Searcher` per database and call `search` as often as needed. It is synchronous and does a
few short SQL statements per query; from asyncio code run it in a worker thread
(`await asyncio.to_thread(searcher.search, q)`). Over a `storage.database.access.Database` each call reads
on its thread's own read connection (one snapshot per call), so searches run in parallel and never wait
for writers; over a single connection calls take turns. Construction does no work; `warm_up()` loads the
segmenter and the converter ahead of the first query if wanted.

The index is read through `storage.search.index_reader`: FTS5 on SQLite, a tsvector with FTS5's BM25 on
PostgreSQL (`storage.search.postgres_index`), with the same results on both.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property
from zoneinfo import ZoneInfo

import sqlite_utils

from storage.database.duplicates import collapse, other_sources
from storage.driver import sqlite3
from storage.models import Answer, Correction, SearchHit, SearchResponse
from storage.search import corrections, evidence
from storage.search.answers import best_sentence, category_asked, fact_test
from storage.search.answers.questions import describes_person
from storage.search.expressions import all_of, any_of, phrase
from storage.search.index_reader import IndexReader, index_reader
from storage.search.page_order import NOW_WINDOW, About, newest_first, news_before_notices, reprints
from storage.search.query import ParsedQuery, date_mentions, parse_query, with_printed_forms
from storage.search.ranking import (
    RELAXED_SHARE,
    TIE_EXTRA,
    RankedRow,
    SearchPlan,
    archive_size_sql,
    display_score,
    order_window,
    plan,
    tier_flags,
)
from storage.search.snippets import Needles, make_snippet, mark
from storage.search.synonyms import printed_forms
from storage.search.term_readings import (
    glued_where_the_archive_binds,
    post_printed_whole,
    posts_read_whole,
    printing_the_post_first,
)
from storage.search.vocabulary import IndexVocabulary
from storage.text.normalize import HAN_RANGES, normalize
from storage.text.notices import OPENING_CHARS, TAIL_CHARS, notice_text
from storage.text.segment import cut, dictionary_word, tag

log = logging.getLogger(__name__)

MAX_LIMIT = 100
# Below this many matches, ranking every one costs about as much as trying a shortcut (tiers) first.
TIER_MIN_MATCHES = 1000
# How SQLite rejects a MATCH expression string: the only errors the query builder could cause. A
# "no such column", "unable to use function MATCH" or a locked database is a bug or an outage and is raised.
_FTS_QUERY_ERRORS = ("fts5: syntax error", "unterminated string", "unknown special query", "expected integer")
MAX_OFFSET = 10000  # deeper pages come back empty (total still counts everything)
ANSWER_DOCS = 5  # articles an answer may come from: the page's, then the next ones
# Evidence ranking (questions, and words that find nothing together):
RARE_CAP = 5000  # a word held by at most this many articles has all of them read as candidates
BM25_CANDIDATES = 100  # and the articles with the best BM25 over all the words
TEXT_CANDIDATES = 40  # of which this many, the most promising, have their text read and ranked


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


def without_latin_words(parsed: ParsedQuery) -> ParsedQuery | None:
    """A question mixing Chinese and English words, with the English words left out (None if it has
    no such words, or nothing else). Words with digits or symbols (5G, C#) are kept. Pure."""
    if not parsed.question or parsed.phrases:
        return None
    kept = tuple(t for t in parsed.terms if not (t.isascii() and t.isalpha()))
    if not kept or len(kept) == len(parsed.terms) or all(t.isascii() for t in kept):
        return None
    return replace(parsed, terms=kept, exact=None)


def fallbacks(parsed: ParsedQuery) -> list[ParsedQuery]:
    """Looser readings of a query to try, in order, while it finds nothing. Pure.

    1. A single character glued to the word before it was a verb, not a suffix (李卓瑜讲了什么:
       李卓瑜, not 李卓瑜讲; the gluing is for unknown places such as 侯寨 + 乡).
    2. The English words of a question that mixes them with Chinese ("where did 樊惠林 go").
    """
    out: list[ParsedQuery] = []
    if parsed.loose_terms:
        out.append(replace(parsed, terms=parsed.loose_terms, exact=None, loose_terms=()))
    for p in [parsed, *out]:
        narrowed = without_latin_words(p)
        if narrowed is not None:
            out.append(narrowed)
    return out


# A source of read connections: a context manager giving this thread's connection for one read
# (`storage.database.access.Database.reader`).
Reader = Callable[[], AbstractContextManager[sqlite_utils.Database]]

DEFAULT_ZONE = ZoneInfo("Asia/Shanghai")

# A stored article as a page shows it: (title, date, body, title_source).
Document = tuple[str, str | None, str, str]


@dataclass(frozen=True)
class Found:
    """What the relaxation ladder settled on: the reading of the query that found something, its
    total and best rows, and what was changed to get there; `read`: the articles it read in full
    on the way (evidence ranking reads its candidates), which the page need not read again."""

    parsed: ParsedQuery
    total: int = 0
    rows: tuple[RankedRow, ...] = ()
    corrections: tuple[Correction, ...] = ()
    dropped: tuple[str, ...] = ()
    any_word: bool = False
    date_dropped: bool = False
    by_evidence: bool = False  # the rows are ranked by evidence (`evidence.rank`): `nterms` is the score
    # The rows (ranked by evidence) lacking a name of the question that the first row holds: a person, a
    # place, an organisation jieba knows (`evidence.Term.named`).
    nameless: frozenset[int] = frozenset()
    read: Mapping[int, Document] = field(default_factory=dict)
    clusters: Mapping[int, int] = field(default_factory=dict)  # the story (cluster) of each article read
    unheld: tuple[str, ...] = ()  # words of the question (ranked by evidence) that no article holds


def informative_order(counts: dict[str, int]) -> list[str]:
    """Terms from the most to the least informative by the index's own statistics: found in fewer
    articles first; a lone Latin letter (`evidence.lone_letter`: x of 8+X, of <i>x</i>) after every real
    word found; terms found in none come last (they cannot help). Pure."""
    return sorted(counts, key=lambda t: (counts[t] == 0, evidence.lone_letter(t), counts[t], -len(t)))


def without_dates(parsed: ParsedQuery) -> list[ParsedQuery]:
    """Readings of a question whose dates filtered everything out: the years and months as words
    (华为2019年收入: an article titled 华为发布2019年年报), then the dates left out. Pure."""
    if not (parsed.dates or parsed.periods) or not (parsed.terms or parsed.groups):
        return []
    out = []
    words = tuple(d.label() for d in parsed.dates)
    if words:
        out.append(replace(parsed, terms=parsed.terms + words, dates=(), periods=(), exact=None))
    out.append(replace(parsed, dates=(), periods=(), exact=None))
    return out


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


# jieba's tags of a verb, an adverb, a preposition, a conjunction and the particles: a pair of characters its HMM
# tags so, not in its dictionary, is an unknown name's last character glued to the verb after it (河有 of 淦河有多长).
_GLUED_VERB_TAGS = ("v", "d", "p", "c", "u")


def typed_reading(tagged: Sequence[tuple[str, str]]) -> Callable[[str], bool]:
    """Whether a word is one of the question's words as jieba cut and tagged it (`tagged`) that reads as a word:
    one of jieba's dictionary, or one its HMM made up and tagged a name, a noun or an abbreviation (周韵 of
    柱子哥周韵娇得的是什么病, 脱欧), not a verb or a particle (淦河有多长: 淦 / 河有, `_GLUED_VERB_TAGS`)."""
    typed = {w: flag for w, flag in tagged}

    def reads_as_word(word: str) -> bool:
        flag = typed.get(word)
        if flag is None:
            return False
        return not (flag in _GLUED_VERB_TAGS or flag.startswith("u")) or dictionary_word(word)

    return reads_as_word


def rescued(term: str, known: Sequence[Callable[[str], bool]] = ()) -> list[str]:
    """Shorter readings of a term no article holds, longest first: without its first or last
    character (jieba glues a verb or a particle to a name: 王毅跟, 报告说, 县支教). `known`: tests of
    a word, most telling first (a word of the question as jieba cut it, a word of the dictionary): a
    reading they know comes first, so that 国残余 (a character glued to the word after it) is read 残余,
    not 国残, and 国手里 手里 (the question's word), not 国手. Pure."""
    if len(term) < 3:
        return []
    parts = [term[:-1], term[1:]]
    return sorted(parts, key=lambda p: tuple(not k(p) for k in known))


# Characters that end the name of a place, of a government body or of an institution (清明村, 凤林镇, 永年区,
# 生态环境厅, 交通运输部, 附二院): glued before the next word by the parser, they belong to the word before them.
NAME_ENDINGS = frozenset("省市县区镇乡村州厅局部处院")
# Characters that end the name of a day, a festival, a season, an award or a cup (国际博物馆日, 采摘节, 赏花季,
# 五一劳动奖, LG杯): jieba types them apart too, and they belong to the word before them.
THING_ENDINGS = frozenset("日节季奖杯")
# A party congress by its number (十八大以来, 十九大报告): jieba types 大 apart from the number, and it belongs to it.
_CONGRESS = "大"
_CHINESE_NUMBER = re.compile("[一二三四五六七八九十]+")
# What counts (多少户, 几份, 3斤): a measure word after it counts the word after it.
_COUNTS = re.compile(r"(?:多少|几|每|[0-9０-９一二两三四五六七八九十百千万])$")
_HAN_CHAR = re.compile(f"[{HAN_RANGES}]")
# 当 typed before a post or a place (在哪儿当驻村第一书记, 当法制员): to serve as, never the start of the word
# after it (jieba tags it a time word, so the preposition test below does not see it).
_SERVES_AS = frozenset("当")
# A span of months (前9个月全国): jieba types its 月 apart, and the parser glues it to the word after it.
_SPAN_OF_MONTHS = "个月"


def reglued(terms: Sequence[str], typed: Sequence[str]) -> list[str]:
    """The terms with each single character the parser glued before the next word (the question typed them
    as two words: `typed`, jieba's words of the question) put where it belongs: after the word before it
    when it ends the name of a place, of a government body or an institution, or the number of a party
    congress, and the two were typed together (清明村最后选定种什么: 清明村 + 最后, not 清明 + 村最后; 西石河村村支书:
    石河村 + 村支书; 附二院首批: 附二院 + 首批; 十八大以来: 十八大 + 以来), or dropped when it is a measure
    word after a count (多少户建档立卡贫困户: 建档立卡; 多少份提案: 提案), which the story need not print
    beside the word; dropped too when it begins no word a reader means: the month of a span of months
    (前9个月全国平均: 全国), 当 (to serve as: 在哪儿当驻村第一书记: 驻村) and a preposition (跟刘慈欣: 刘慈欣). Any
    other character (a surname, an adjective: 吕安民, 新媒体) begins the word after it and stays. Pure but
    for jieba's tags."""
    out = list(terms)
    for i, term in enumerate(out):
        if len(term) < 3 or not _HAN_CHAR.fullmatch(term[0]):
            continue
        head, rest = term[0], term[1:]
        pairs = zip(typed, typed[1:], strict=False)
        at = next((k for k, (a, b) in enumerate(pairs) if (a, b) == (head, rest)), None)
        if at is None:
            continue
        before = typed[at - 1] if at > 0 else ""
        ends_name = (
            head in NAME_ENDINGS
            or head in THING_ENDINGS
            or (head == _CONGRESS and _CHINESE_NUMBER.fullmatch(before))
        )
        if ends_name and i > 0 and before == out[i - 1]:
            out[i - 1], out[i] = before + head, rest
        elif _COUNTS.search(before) and all(flag == "q" for _, flag in tag(head)):
            out[i] = rest
        elif (
            before + head == _SPAN_OF_MONTHS
            or head in _SERVES_AS
            or all(flag == "p" for _, flag in tag(head))
        ):
            out[i] = rest
    return out


def endings_left_alone(terms: Sequence[str], typed_terms: Sequence[str]) -> dict[int, str]:
    """Where a term lacks the character ending its name that the reading without suffixes left alone and
    dropped (大湾区跟香港: 大湾 + 区, then 跟; 科学技术奖一共: 科学技术 + 奖), the name as the reading with suffixes
    has it (`typed_terms`: 大湾区, 科学技术奖), by the term's index: a character of `NAME_ENDINGS` or
    `THING_ENDINGS`, not glued to the next term (`reglued` puts that one back), after a term not ending a name
    already (a name has one ending). Pure."""
    endings = NAME_ENDINGS | THING_ENDINGS
    out: dict[int, str] = {}
    for i, term in enumerate(terms):
        if not term or term[-1] in endings:
            continue
        for longer in typed_terms:
            end = longer[-1]
            if longer != term + end or end not in endings or longer in terms:
                continue
            if i + 1 < len(terms) and terms[i + 1].startswith(end):
                continue
            out[i] = longer
            break
    return out


def with_name_endings(
    terms: Sequence[str], typed_terms: Sequence[str], tagged: Sequence[tuple[str, str]]
) -> list[str]:
    """The terms with the names `endings_left_alone` finds whose ending jieba tagged as a noun of its own in the
    question (`tagged`). The engine reads such a name only when an article holds it (租金省了 is not read 租金省).
    Pure."""
    lone = {w for w, flag in tagged if len(w) == 1 and flag.startswith("n")}
    longer = endings_left_alone(terms, typed_terms)
    return [longer[i] if i in longer and longer[i][-1] in lone else t for i, t in enumerate(terms)]


# The end or the start of a year or a month as jieba types it (年底, 月初, 年末): after a year or a month typed
# out (2019年底, 6月初), the date is read apart from the words, and its last character, left behind, is glued
# to the word after it (截至2019年底有多少: 底有).
_DATE_PART = re.compile(r"[年月][底初末]")


def without_date_parts(terms: Sequence[str], typed: Sequence[str]) -> list[str]:
    """The terms without a character a date left behind (`typed`: jieba's words of the question): a term
    opening with the last character of 年底 / 月初 / 年末 and going on with the words typed after it, and no
    word of jieba's dictionary (初心 of 2019年初心使命 is one), loses it, and goes when one character is left
    (截至2019年底有多少个贫困县: 底有 goes; 到2018年底发了多少: 底发 goes), as the date is evidence of the story's
    time, not a word. Pure."""
    parts = [word[-1] + "".join(typed[k + 1 :]) for k, word in enumerate(typed) if _DATE_PART.fullmatch(word)]
    out = []
    for term in terms:
        if len(term) > 1 and any(part.startswith(term) for part in parts) and not dictionary_word(term):
            term = term[1:]
            if len(term) < 2:
                continue
        out.append(term)
    return out


def ranks_by_evidence(parsed: ParsedQuery) -> bool:
    """Whether a query is ranked by evidence from the start: a question with words, not a list of one
    day's stories, nor OR alternatives (those keep their strict reading). A question's dates, typed out or
    relative to today (去年…那事后来怎样), are evidence about the story's time, not a filter; except that a
    question asking for the stories of a relative period (上周有什么台风的新闻, 本周习近平有哪些活动) keeps
    it as a filter. Pure."""
    if parsed.periods and evidence.asks_for_stories(parsed.asked):
        return False
    return parsed.question and bool(parsed.terms) and not parsed.groups


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
        """Load jieba's dictionary, its IDF table and OpenCC now rather than on the first query."""
        parse_query("预热 繁體")
        from storage.text.segment import tokenizer

        tokenizer().tag("预热", True)  # the tagger used for answers
        from storage.text.summary import idf_table

        idf_table()  # the term weights of relaxed questions (storage.search.ranking.term_weight)

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
            found = _ladder(db, parsed, window, correct=correct)
            parsed, total = found.parsed, found.total
            about = _about(db, [r.id for r in found.rows], found.read)
            rows = order_window(found.rows, {i: a.date for i, a in about.items()}, listing=parsed.date_only)
            ordered = newest_first(rows, about) if latest else rows
            rows = news_before_notices(ordered, about, a_days_listing=parsed.date_only)
            # The same story from several sources: its best-placed article stands for it; so does the
            # first printing of a story a paper printed twice on a day.
            kept = set(collapse(db, [r.id for r in rows], found.clusters))
            kept -= reprints([r.id for r in rows if r.id in kept], about)
            total -= len(rows) - len(kept)
            rows = [r for r in rows if r.id in kept][offset : offset + limit]
            docs = _fetch(db, [r.id for r in rows], found.read)
            # An answer reads `ANSWER_DOCS` articles: the page's, then (when it shows fewer) the next ones.
            more_docs = (
                _fetch(db, [r.id for r in found.rows if r.id not in docs][:ANSWER_DOCS], found.read)
                if len(docs) < ANSWER_DOCS
                else {}
            )
            also = other_sources(db, [r.id for r in rows], found.clusters)
        mentions = [m for d in parsed.dates for m in date_mentions(d)]
        highlight = list(parsed.words) + mentions
        needles = Needles(parsed.words, whole_only=mentions)  # normalised once for every title and snippet
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
        answer = None
        # a question, or a description of a person (中国驻法国大使): the answer line names what it asks for
        if (
            (parsed.question or describes_person(parsed.asked))
            and hits
            and offset == 0
            and parsed.words
            and not names_unheld_latin_term(parsed.asked, found.unheld)
        ):
            pool = [(h.id, docs[h.id][0], docs[h.id][2]) for h in hits if h.id in docs]
            pool += [(i, d[0], d[2]) for i, d in more_docs.items()]
            # An article lacking a name of the question that the first result holds (another person, another
            # place) does not answer for it, nor take the first place through its answer (`source_first`).
            # Nor does an advertisement or a notice (`storage.text.notices`): its words are no report.
            pool = [d for d in pool if d[0] not in found.nameless and not notice_text(d[2])][:ANSWER_DOCS]
            close = _close_to_first(found, [i for i, _, _ in pool])
            answer = best_sentence(parsed.asked, parsed.terms, pool, groups=parsed.groups, close=close)
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
            p = _plan(db, parsed)
            if p is None:
                return []
            return index_reader(db.conn).ids(p, limit=int(limit))


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


# ---------------------------------------------------------------- the relaxation ladder
# Each step reads on the connection it is given and returns what it settled on, or None to let the
# next step try.
Step = Callable[[sqlite_utils.Database, ParsedQuery, int], Found | None]


def _ladder(db: sqlite_utils.Database, parsed: ParsedQuery, window: int, *, correct: bool) -> Found:
    """Try readings of the query from the strictest down, until one finds something:

    1. every word as typed;
    2. words people type replaced by what papers print (`storage.search.synonyms`);
    3. words found in no article corrected from the index's own words (`corrections`);
    4. the looser segmentations of `fallbacks`; a date or period that filters everything out
       becomes words, then goes (and synonyms again without it);
    5. long questions: articles holding most of the words' weight (`ranking.plan(relaxed=True)`);
    6. the most informative words by the index's own counts, dropping the most common ones;
    7. any of the words, ranked by the weight of those they hold.

    Questions are ranked by evidence first (`ranks_by_evidence`), and so are words that find nothing
    together once every reading of them as typed has failed. `correct=False` skips the corrections.
    """
    as_typed: tuple[Step | None, ...] = (
        _evidence_for_questions,
        _every_word,
        _printed_forms,
        _sure_slips if correct else None,  # a sure slip (same sound, a key typed twice) first
        _with_fallbacks,
        _without_the_dates,
        _slips_of_a_word_alone if correct else None,
    )
    for step in as_typed:
        if step is not None and (found := step(db, parsed, window)) is not None:
            return found
    # What is left is tried without the dates, if the query has any.
    base = without_dates(parsed)[-1] if without_dates(parsed) else parsed
    for step in (_printed_forms, _evidence_for_words, _relaxed, _most_informative, _any_word):
        if (found := step(db, base, window)) is not None:
            return replace(found, date_dropped=base is not parsed)
    return Found(parsed)


def _if_found(found: Found) -> Found | None:
    """`found` if it found something, else None (the next step tries)."""
    return found if found.total else None


def _evidence_for_questions(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """A question with words (`ranks_by_evidence`), ranked by the evidence articles hold."""
    return _if_found(_evidence(db, parsed, window)) if ranks_by_evidence(parsed) else None


def _every_word(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Every word as typed; a list of one day's stories stops here, found or not."""
    p = _plan(db, parsed)
    total, rows = _execute(db, p, window) if p is not None else (0, [])
    if total or parsed.date_only:
        return Found(parsed, int(total), tuple(rows))
    return None


def _printed_forms(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """The words people type replaced by what papers print (`query.with_printed_forms`)."""
    expanded = with_printed_forms(parsed)
    return _if_found(_strict(db, expanded, window)) if expanded is not None else None


def _sure_slips(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Words found in no article corrected, when the correction is sure (same sound, a key typed twice)."""
    return _corrected(db, parsed, window, max_rank=0)


def _with_fallbacks(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """The looser segmentations of `fallbacks` (every word as typed found nothing in `_every_word`)."""
    return _first_found(db, fallbacks(parsed), window)


def _without_the_dates(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """The readings of `without_dates`: the dates as words, then left out."""
    for reading in without_dates(parsed):
        found = _strict(db, reading, window)
        if found.total:
            return replace(found, date_dropped=True)
    return None


def _slips_of_a_word_alone(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Any one-character slip of a word typed alone, once looser readings found nothing (in a longer
    question an unsure correction would replace a word the relaxed search can drop)."""
    one_word = len(parsed.terms) == 1 or (
        parsed.exact is not None and not parsed.question and len(parsed.exact) <= corrections.MAX_LEN
    )
    return _corrected(db, parsed, window, max_rank=corrections.MAX_RANK) if one_word else None


def _evidence_for_words(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Two or more words (no OR alternatives) that find nothing together, ranked by evidence."""
    if len(parsed.terms) >= 2 and not parsed.groups:
        return _if_found(_evidence(db, parsed, window))
    return None


def _relaxed(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Questions and long queries: the articles holding most of the words' weight."""
    if not (parsed.question or len(parsed.terms) >= 4):
        return None
    relaxed = _plan(db, parsed, relaxed=True)
    if relaxed is None:
        return None
    total, rows = _execute(db, relaxed, window)
    return Found(parsed, total, tuple(rows), dropped=_missing(db, parsed, rows)) if total else None


def _most_informative(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """The most informative words (`informative_order`), dropping the most common ones one by one."""
    vocab = IndexVocabulary(db.conn)
    counts = {t: vocab.article_count(t) for t in parsed.terms}
    order = informative_order(counts)
    for keep in range(len(order) - 1, 0, -1):
        kept = set(order[:keep])
        if not any(counts[t] for t in kept):
            continue
        narrowed = replace(
            parsed, terms=tuple(t for t in parsed.terms if t in kept), exact=None, loose_terms=()
        )
        found = _strict(db, narrowed, window)
        if found.total:
            return replace(found, dropped=tuple(t for t in parsed.terms if t not in kept))
    return None


def _any_word(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Any of two or more words, ranked by the weight of those an article holds."""
    if len(parsed.terms) < 2:
        return None
    anyword = _plan(db, parsed, relaxed=True, share=0.0)
    if anyword is None:
        return None
    total, rows = _execute(db, anyword, window)
    return Found(parsed, total, tuple(rows), any_word=True) if total else None


# ---------------------------------------------------------------- the readings the steps try


@dataclass(frozen=True)
class _Words:
    """FTS5 expressions over a question's words (none of its excluded words), on one read connection."""

    db: sqlite_utils.Database
    excluded: str | None

    def any(self, words: Sequence[str]) -> str | None:
        found = any_of(words)
        return f"({found}) NOT ({self.excluded})" if found and self.excluded else found

    def all(self, words: Sequence[str]) -> str | None:
        found = all_of(words)
        return f"({found}) NOT ({self.excluded})" if found and self.excluded else found

    def holders(self, word: str) -> list[int] | None:
        """The articles holding `word` or a form news prints for it (`synonyms.printed_forms`): every one
        when at most `RARE_CAP` do (a rare word's are all read as candidates), else None (the cost stays
        bounded)."""
        e = self.any(list(printed_forms(word)))
        return self.index.holders(e, RARE_CAP) if e else []

    @cached_property
    def index(self) -> IndexReader:
        return index_reader(self.db.conn)


def held_by(holders: list[int] | None) -> int:
    """How many articles hold a word whose `_Words.holders` are `holders`: more than `RARE_CAP` counts as
    `RARE_CAP` + 1."""
    return RARE_CAP + 1 if holders is None else len(holders)


def _evidence_reading(
    words: _Words, parsed: ParsedQuery
) -> tuple[ParsedQuery, list[str], list[int], dict[str, list[int]]]:
    """The question's words as evidence ranking reads them, how many articles hold each, and which articles
    hold each of the rare ones (at most `RARE_CAP`).

    No single character glued on as a suffix (总统通 of 总统通电话 would be a rare word of its own that the
    story asked about may not print); one glued before the next word where it belongs (`reglued`: 清明村 +
    最后, not 清明 + 村最后); the character ending a name left alone before a word the question drops, when
    the name with it is held (`with_name_endings`: 大湾区跟香港 reads 大湾区, not 大湾); a word no article holds
    without its first or last character when that one is held (王毅跟, 县支教)."""
    typed_terms = parsed.terms
    if parsed.loose_terms:
        parsed = replace(parsed, terms=parsed.loose_terms, exact=None, loose_terms=())
    typed_words = cut(normalize(parsed.asked))
    terms = without_date_parts(reglued([t for t in parsed.terms if phrase(t)], typed_words), typed_words)
    read: dict[str, list[int] | None] = {}  # the holders of a longer name already read
    if typed_terms != parsed.terms and endings_left_alone(terms, typed_terms):
        # 大湾区跟香港: 区 was left alone by the reading without suffixes; the name with it is read when held
        for i, longer in enumerate(with_name_endings(terms, typed_terms, tag(normalize(parsed.asked)))):
            if longer == terms[i]:
                continue
            read[longer] = words.holders(longer)
            if held_by(read[longer]):
                terms[i] = longer
    terms = posts_read_whole(terms, typed_words)
    terms = glued_where_the_archive_binds(terms, typed_words, lambda w: held_by(words.holders(w)))
    holders = [read[t] if t in read else words.holders(t) for t in terms]
    if not all(map(held_by, holders)):
        # 伊斯兰国手里: 手里 was a word of the question, 国手 not; 淦河有多长: 河有 was no word (`typed_reading`)
        typed = typed_reading(tag(normalize(parsed.asked)))
        for i, t in enumerate(terms):
            if held_by(holders[i]):
                continue
            for part in rescued(t, known=(typed, dictionary_word)):
                if held_by(found := words.holders(part)):
                    terms[i], holders[i] = part, found
                    break
    if terms != list(parsed.terms):
        parsed = replace(parsed, terms=tuple(dict.fromkeys(terms)), exact=None, loose_terms=())
    rare = {t: ids for t, ids in zip(terms, holders, strict=True) if ids}
    return parsed, terms, [held_by(ids) for ids in holders], rare


def most_weight_first(weights: dict[int, float], keep: int) -> list[int]:
    """The `keep` ids of the most weight, the newest (largest id) first among equal weights: the order of
    (-weight, -id). The weights are sums of a few words' weights, so they take few values: the ids are
    grouped by weight and only the groups reached are sorted."""
    by_weight: dict[float, list[int]] = {}
    for rowid, weight in weights.items():
        group = by_weight.get(weight)
        if group is None:
            by_weight[weight] = [rowid]
        else:
            group.append(rowid)
    out: list[int] = []
    for weight in sorted(by_weight, reverse=True):
        if len(out) >= keep:
            break
        out += sorted(by_weight[weight], reverse=True)[: keep - len(out)]
    return out


def reads_every_holder(
    weighted: Sequence[evidence.Term],
    rare: Mapping[str, list[int]],
    rare_weight: Mapping[int, float],
    window: int,
) -> bool:
    """Whether the candidates are every article holding a word of the question: each word is rare (its
    holders known: `rare`) and they hold no more articles together (`rare_weight`) than the candidates
    read (`TEXT_CANDIDATES`, or the window). The articles BM25 over the words would find are then
    these (the same words, matched the same way), and all of them are read whatever their BM25; ranking
    reads its candidates in any order (each scored on its own, then sorted by score and id)."""
    every_word_rare = all(t.df <= RARE_CAP and t.text in rare for t in weighted)
    return every_word_rare and len(rare_weight) <= max(window, TEXT_CANDIDATES)


def _evidence_candidates(
    words: _Words, weighted: Sequence[evidence.Term], window: int, rare: Mapping[str, list[int]]
) -> list[int]:
    """The articles worth reading, most promising first: every article holding one of the rarer words
    (`rare`: word → the articles holding it; by the weight it holds of them), and the best by BM25 among
    the articles holding every common word (BM25 over any of them would score a large share of the
    archive), or over all the words when that is cheap or finds too few. When every word is rare and
    the articles holding any of them are no more than are read, all of them are read, by the weight
    they hold (`reads_every_holder`): no BM25 is asked for, which would only order them."""
    index = words.index
    total_weight = sum(t.weight for t in weighted) or 1.0
    rare_weight: dict[int, float] = {}
    for term in weighted:
        if term.df <= RARE_CAP and (ids := rare.get(term.text)):
            weight = term.weight
            if not rare_weight:
                rare_weight = dict.fromkeys(ids, 0.0 + weight)
                continue
            held = rare_weight.get
            for rowid in ids:
                rare_weight[rowid] = held(rowid, 0.0) + weight
    if reads_every_holder(weighted, rare, rare_weight, window):
        return most_weight_first(rare_weight, len(rare_weight))
    keep = max(window, BM25_CANDIDATES)
    by_weight = most_weight_first(rare_weight, keep)
    bm25: dict[int, float] = {}
    common = [t.text for t in weighted if t.df > RARE_CAP]
    if len(common) > 1 and (together := words.all(common)):
        bm25 = dict(index.best_bm25(together, keep))
    every = words.any([w for t in weighted for w in t.written])
    if every and (not common or (not rare_weight and len(bm25) < keep)):
        bm25 |= dict(index.best_bm25(every, keep))
    best = max((-b for b in bm25.values()), default=0.0) or 1.0
    promise = {
        i: rare_weight.get(i, 0.0) / total_weight + 0.5 * (-bm25.get(i, 0.0) / best)
        for i in {*bm25, *by_weight}
    }
    return sorted(promise, key=lambda i: (-promise[i], -i))[: max(window, TEXT_CANDIDATES)]


def _evidence(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found:
    """Every article holding any of the question's words, ranked by the evidence it holds
    (`evidence.rank`) over the text of the most promising candidates (`_evidence_candidates`). Words held
    by no article are left out and named; when none is held, nothing is found (the ladder's corrections
    run next)."""
    from storage.text.segment import tokenizer
    from storage.text.summary import idf_table

    words = _Words(db, any_of(parsed.excluded))
    parsed, terms, counts, rare = _evidence_reading(words, parsed)
    held = [(t, n) for t, n in dict(zip(terms, counts, strict=True)).items() if n]
    if not held:
        return Found(parsed)
    size = max(int(db.conn.execute(archive_size_sql()).fetchone()[0]), 1)
    weighted = evidence.weigh_terms(
        [t for t, _ in held],
        [n for _, n in held],
        size,
        quoted=parsed.phrases,
        tagger=lambda w: tokenizer().tag(w, True),
        jieba_idf=idf_table(),
        forms={t: printed_forms(t)[1:] + evidence.dashes_as_printed(t) for t, _ in held},
        kind_asked=category_asked(parsed.asked, as_ranked=True) if parsed.question else None,
    )
    chosen = _evidence_candidates(words, weighted, window, rare)
    if not chosen:
        return Found(parsed)
    candidates, read, clusters = _candidates(db, chosen)
    ranked = evidence.rank(
        weighted,
        candidates,
        n=size,
        dates=parsed.dates,
        periods=parsed.periods,
        now=evidence.asks_now(parsed.asked),
        holds_fact=fact_test(parsed.asked, parsed.terms),
        pairs=evidence.typed_pairs([t.text for t in weighted], parsed.asked),
        year_ends=evidence.years_asked_at_end(parsed.asked),
    )
    whole_post = post_printed_whole(parsed.asked, parsed.terms)
    if whole_post is not None:
        ranked = printing_the_post_first(
            ranked, {c.id for c in candidates if whole_post(c.title + "\n" + c.body)}
        )
    rows = [RankedRow(r.id, -r.bm25, 0, round(r.score, 9), 0, int(r.title >= 1.0), 0) for r in ranked]
    absent = set(ranked[0].missing if ranked else ()) | {
        t for t, n in zip(terms, counts, strict=True) if not n
    }
    names = {t.text for t in weighted if t.named} - set(ranked[0].missing if ranked else ())
    return Found(
        replace(parsed, terms=tuple(t.text for t in weighted)),  # the words some article holds
        len(rows),
        tuple(rows[:window]),
        dropped=tuple(t for t in terms if t in absent),
        unheld=tuple(t for t, n in zip(terms, counts, strict=True) if not n),
        by_evidence=True,
        read=read,
        clusters=clusters,
        nameless=frozenset(r.id for r in ranked[:window] if names.intersection(r.missing)),
    )


def _corrected(db: sqlite_utils.Database, parsed: ParsedQuery, window: int, max_rank: int) -> Found | None:
    """The query with its slips corrected from the index's words, if that finds something.

    A word typed as one piece that jieba split (哈尔可岛 → 哈尔 / 可岛) is corrected whole; otherwise
    each term no article holds is corrected on its own."""
    vocab = IndexVocabulary(db.conn)
    fixes: dict[str, str] = {}
    terms: tuple[str, ...] = parsed.terms
    whole = parsed.exact if parsed.exact and len(parsed.exact) <= corrections.MAX_LEN else None
    if whole and words_the_archive_holds(parsed.terms, vocab.article_count):
        whole = None  # two words typed together (北京房价: 北京 + 房价), no slip of one
    if whole and corrections.correctable(whole) and vocab.article_count(whole) == 0:
        fixed_whole = vocab.correction(whole, max_rank)
        if fixed_whole is not None:
            fixes = {whole: fixed_whole}
            terms = (fixed_whole,)
    if not fixes:
        for t in parsed.terms:
            if corrections.correctable(t) and vocab.article_count(t) == 0:
                fixed_term = vocab.correction(t, max_rank)
                if fixed_term is not None:
                    fixes[t] = fixed_term
        terms = tuple(fixes.get(t, t) for t in parsed.terms)
    if not fixes:
        return None
    fixed = replace(parsed, terms=terms, exact=None, loose_terms=())
    for reading in [fixed, *without_dates(fixed)]:
        found = _strict(db, reading, window)
        if not found.total and (again := with_printed_forms(reading)) is not None:
            found = _strict(db, again, window)
        if found.total:
            return replace(
                found,
                corrections=tuple(Correction(t, f) for t, f in fixes.items()),
                date_dropped=reading is not fixed,
            )
    return None


def words_the_archive_holds(terms: Sequence[str], article_count: Callable[[str], int]) -> bool:
    """Whether a run typed as one piece that jieba split is words, not a slip: two or more pieces, each a word
    of two characters or more of jieba's dictionary that some article holds (北京房价: 北京 + 房价), unlike a
    name split into pieces no dictionary knows (哈尔可岛: 哈尔 + 可岛) or into a single character (樊 + 惠琳)."""
    return len(terms) >= 2 and all(len(t) >= 2 and dictionary_word(t) and article_count(t) > 0 for t in terms)


def _strict(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found:
    """All the words (with the looser segmentations of `fallbacks` while nothing is found)."""
    return _first_found(db, [parsed, *fallbacks(parsed)], window) or Found(parsed)


def _first_found(db: sqlite_utils.Database, readings: Sequence[ParsedQuery], window: int) -> Found | None:
    """The first of `readings` whose words are all found, or None."""
    for reading in readings:
        p = _plan(db, reading)
        total, rows = _execute(db, p, window) if p is not None else (0, [])
        if total:
            return Found(reading, int(total), tuple(rows))
    return None


def _missing(db: sqlite_utils.Database, parsed: ParsedQuery, rows: Sequence[RankedRow]) -> tuple[str, ...]:
    """The terms the best row's article does not hold (what a relaxed search left out)."""
    if not rows:
        return ()
    doc = _fetch(db, [rows[0].id]).get(rows[0].id)
    if doc is None:
        return ()
    text = normalize(f"{doc[0]}\n{doc[2]}")
    return tuple(t for t in parsed.terms if normalize(t) not in text)


# ---------------------------------------------------------------- SQL


def _plan(
    db: sqlite_utils.Database, parsed: ParsedQuery, *, relaxed: bool = False, share: float = RELAXED_SHARE
) -> SearchPlan | None:
    """`ranking.plan` with the archive's years, so that dates typed without a year use the date index (and
    a period's mentions are looked for in the years stories are dated in)."""
    years = _years(db) if parsed.dates or parsed.periods else None
    return plan(parsed, relaxed=relaxed, share=share, years=years)


def _execute(db: sqlite_utils.Database, p: SearchPlan, window: int) -> tuple[int, list[RankedRow]]:
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


def _about(db: sqlite_utils.Database, ids: list[int], read: Mapping[int, Document]) -> dict[int, About]:
    """Id → what the page order reads of it (`page_order.About`); `read`: articles already read."""
    out = {i: _about_read(read[i]) for i in ids if i in read}
    missing = [i for i in ids if i not in read]
    if not missing:
        return out
    marks = ",".join("?" * len(missing))
    rows = db.conn.execute(
        f"SELECT id, title, date, body, title_source FROM articles WHERE id IN ({marks})", missing
    )
    return out | {r[0]: _about_read((r[1], r[2], r[3], r[4])) for r in rows}


def _about_read(doc: Document) -> About:
    """`About` of an article already read."""
    title, day, body, _ = doc
    return About(title or "", day, (body or "")[:OPENING_CHARS], (body or "")[-TAIL_CHARS:])


def _asks_for_latest_news(parsed: ParsedQuery) -> bool:
    """Whether a search (not a question: those weigh the date as evidence) asks for a topic's latest news:
    a word about now (最新, 目前) that is no word searched for."""
    if parsed.question or not parsed.words or not evidence.asks_now(parsed.asked):
        return False
    return not any(evidence.asks_now(w) for w in parsed.words)


def _candidates(
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


def _fetch(
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
