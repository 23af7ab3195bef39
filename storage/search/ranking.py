"""Ranking: the SQL that finds and orders matches, built as strings from a parsed query, and the
final ordering of a window of candidates. Pure.

Order of results:
  1. articles whose `date` matches a date in the query (when the query has one);
  2. in relaxed mode (see below), the weight of the query terms (and typed pairs) matched;
  3. exact matches of the whole query as typed (several terms, contiguous);
  4. articles whose title contains every term;
  5. articles where every term is a whole jieba word (not only a substring of one);
  6. BM25 over the bigram columns, weighted title > byline > body (`WEIGHTS`);
  7. newer first (article date), then higher id; in a day's listing (a query that is only a date or a
     period) each day's stories in the order they were stored, as `/latest` lists them (a paper's pages
     stored in print order: its front page first).

A query with terms matches only articles containing every term verbatim. `relaxed=True` is the
fallback for long questions that found nothing: any term may match, but the terms an article holds
must weigh at least half of all the terms' weight (`min_weight`), so a question about 吕安民 does not
fall back to another story that only shares its verbs (提出, 要求). Step 2 then weighs what matched
rather than counting it: each term, and each pair of terms typed next to each other (人才工作 in
人才工作推进会提出了哪几点要求) found verbatim, adds its weight (`term_weight`: jieba's IDF table, built on a large corpus, so the weights do
not depend on how few articles are stored; a pair weighs as much as its two terms), so the article
holding the question's specific words and phrases comes before one holding more of its common words
(issue 3).

Exact at any size: steps 1-6 are computed in SQL for every match (no candidate cap, no recency
cut-off) and SQLite keeps the best `window` rows of that order (`ORDER BY ... LIMIT`), so the first
page is the true top of every match however many there are (issue 12). Step 7 (ties) is applied by
`order_window` to the window of rows fetched, which holds `TIE_EXTRA` rows more than the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import NamedTuple

from storage.search.dates.absolute import DateSpec
from storage.search.dates.spans import Period
from storage.search.evidence import as_date
from storage.search.expressions import (
    BIGRAM_COLUMNS,
    all_of,
    any_of,
    date_expression,
    match_expression,
    phrase,
    words_expression,
)
from storage.search.query import ParsedQuery
from storage.text.normalize import fold
from storage.text.periods import period_key

# bm25 column weights, in the order of the articles_fts columns: title, byline, body, words.
WEIGHTS = (8.0, 2.0, 1.0, 3.0)
FTS = "articles_fts"
TIE_EXTRA = 10
RELAXED_SHARE = 0.5  # relaxed mode: share of the terms' weight an article must hold


class RankedRow(NamedTuple):
    """One candidate as `page_sql` selects it: the ranking keys of an article, before its text is fetched."""

    id: int
    bm25: float  # SQLite's bm25(): more negative is more relevant
    on_date: int  # 1: the article's date is one the query asks for
    nterms: float  # relaxed mode: weight of the terms and typed pairs it holds
    exact: int  # 1: holds the whole query as typed
    in_title: int  # 1: the title holds every term
    as_words: int  # 1: every term is a whole jieba word in it


@dataclass(frozen=True)
class YearMention:
    """The articles dated from `first` to `last` (ISO days) whose text matches `expr`: a part of a year
    printed without its year (一季度, 年底) or after 去年, read from the story's date (a month or a day of a year
    is looked up in the index instead: `SearchPlan.periods`)."""

    expr: str
    first: str
    last: str


@dataclass(frozen=True)
class SearchPlan:
    match: str | None  # all terms (None: a date-only query)
    exact: str | None = None
    title: str | None = None
    words: str | None = None  # every term a whole jieba word
    date_conditions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    date_text: str | None = None  # articles whose text mentions a date of the query
    year_mentions: tuple[YearMention, ...] = ()  # and those of the dates' year mentioning them without it
    # The months and days of a year the query names (`storage.text.periods.period_key`): the articles
    # mentioning one (`period_mentions`, stored at indexing) meet the date filter.
    periods: tuple[str, ...] = ()
    term_matches: tuple[str, ...] = field(default=())  # one expression per term (relaxed mode)
    min_weight: float = 0.0  # relaxed mode: least weight of the terms an article must hold
    pair_matches: tuple[str, ...] = ()  # adjacent typed terms as one phrase (relaxed mode)
    weights: tuple[float, ...] = ()  # per expression of term_matches + pair_matches (default 1)
    # Relaxed mode: the articles holding at least `min_weight`, as one FTS5 expression (`_qualifying`),
    # or None (no least weight, or too many terms).
    qualify: str | None = None


def plan(
    parsed: ParsedQuery,
    *,
    relaxed: bool = False,
    share: float = RELAXED_SHARE,
    years: tuple[int, int] | None = None,
) -> SearchPlan | None:
    """How to run `parsed`, or None when it cannot match anything. `relaxed`: articles holding at
    least `share` of the terms' weight (0: any term). `years`: the first and last year of the archive's
    dates, so that dates typed without a year become ranges the date index answers, and mentions counted
    in the stories of a year no story is dated in are not looked for."""
    conds = tuple(date_range_sql(d, years) for d in parsed.dates)
    conds += tuple((sql, tuple(params)) for sql, params in (period_sql(p) for p in parsed.periods))
    date_text, year_mentions, periods = mentions(parsed)
    year_mentions = in_archive(year_mentions, years)
    if relaxed:
        terms = [t for t in parsed.terms if phrase(t)]
        phrases = [ph for ph in (phrase(t) for t in terms) if ph]
        if len(phrases) < (3 if share else 2):
            return None
        pairs = _typed_pairs(terms, parsed.asked)
        any_expr = any_of(parsed.terms)
        neg = any_of(parsed.excluded)
        if neg:
            any_expr = f"({any_expr}) NOT ({neg})"
        term_weights = [term_weight(t) for t in terms]
        min_weight = share * sum(term_weights)
        qualify = _qualifying(phrases, term_weights, min_weight) if min_weight > 0 else None
        if qualify and neg:
            qualify = f"({qualify}) NOT ({neg})"
        return SearchPlan(
            match=any_expr,
            title=all_of(parsed.terms, columns="{title}"),
            date_conditions=conds,
            date_text=date_text,
            year_mentions=year_mentions,
            periods=periods,
            term_matches=tuple(f"{BIGRAM_COLUMNS} : {p}" for p in phrases),
            min_weight=min_weight,
            pair_matches=tuple(p for p, _ in pairs),
            weights=tuple(term_weights) + tuple(w for _, w in pairs),
            qualify=qualify,
        )
    match = match_expression(parsed.terms, parsed.excluded, parsed.groups)
    if match is None and not parsed.terms and conds:
        return SearchPlan(
            match=None, date_conditions=conds, date_text=date_expression(_without_year(parsed.dates))
        )
    if match is None:
        return None
    exact = None
    if parsed.exact:
        ph = phrase(parsed.exact)
        exact = f"{BIGRAM_COLUMNS} : {ph}" if ph else None
    return SearchPlan(
        match=match,
        exact=exact,
        title=all_of(parsed.terms, columns="{title}"),
        words=words_expression(parsed.terms) if len(parsed.terms) > 0 else None,
        date_conditions=conds,
        date_text=date_text,
        year_mentions=year_mentions,
        periods=periods,
    )


# A period the reader named by its month's number (去年6月, 今年3月5日), not 上个月 or 昨天.
_NAMED_MONTH = re.compile(r"[0-9一二三四五六七八九十]\s*月")


def mentions(parsed: ParsedQuery) -> tuple[str | None, tuple[YearMention, ...], tuple[str, ...]]:
    """What a story's text prints of the query's dates and periods, for the keyword search's filter: the
    expression any article may match, the mentions that count only in the stories of a year, and the
    months and days of a year whose mentions the index stores (`storage.text.periods`).

    A date typed without a year (6月) is mentioned by any story printing it. A date with a year
    (2019年6月, 2020年5月20日) or a period named by its month (去年6月) is mentioned by a story printing it
    with that year (2019年6月), by a story of that year printing it without one (6月: a story of 2020
    printing 6月 speaks of 2020's June), and by a story of the next year printing it after 去年 (去年6月):
    its period key. A part of a year (今年一季度) is mentioned by a story printing it with that year
    (2020年一季度), by a story of that year printing it without one (the first quarter's figures printed in
    April count), and by a story of the next year printing it after 去年 (去年底). Questions keep reading
    every mention of the month or day (they weigh dates as evidence)."""
    if parsed.question:
        return date_expression(parsed.dates), (), ()
    anywhere = [date_expression([d for d in parsed.dates if d.year is None])]
    in_year: list[YearMention] = []
    dated = [d for d in parsed.dates if d.year is not None and d.month]
    dated += [d for d in map(_named_date, parsed.periods) if d is not None]
    keys = tuple(dict.fromkeys(period_key(d.year, d.month, d.day) for d in dated if d.year is not None))
    for period in parsed.periods:
        if period.part and _named_date(period) is None:
            year, part = period.start.year, period.part
            anywhere.append(_printed(f"{year}年" + part.removeprefix("年")))
            in_year += _of_year(year, _printed(part), [part, part.removeprefix("年")])
    exprs = [e for e in anywhere if e]
    return (" OR ".join(f"({e})" for e in exprs) if exprs else None), tuple(in_year), keys


def in_archive(
    year_mentions: Sequence[YearMention], years: tuple[int, int] | None
) -> tuple[YearMention, ...]:
    """The mentions counted in days within the archive's first and last year (`years`; None: every one): those
    of other days match nothing."""
    if years is None:
        return tuple(year_mentions)
    first, last = f"{years[0]:04d}-01-01", f"{years[1]:04d}-12-31"
    return tuple(m for m in year_mentions if m.first <= last and m.last >= first)


def _of_year(year: int, unyeared: str | None, forms: Sequence[str]) -> list[YearMention]:
    """The mentions of a part of `year` printed without it: `unyeared` (its phrase) in the stories dated that
    year, and 去年 before one of its `forms` in those of the next."""
    out = [YearMention(unyeared, f"{year:04d}-01-01", f"{year:04d}-12-31")] if unyeared else []
    last_year = [e for e in (_printed("去年" + f) for f in dict.fromkeys(forms)) if e]
    if last_year:
        expr = " OR ".join(f"({e})" for e in last_year)
        out.append(YearMention(expr, f"{year + 1:04d}-01-01", f"{year + 1:04d}-12-31"))
    return out


def _named_date(period: Period) -> DateSpec | None:
    """The month or day of a year a period names by its number (去年6月 → 2019年6月), else None."""
    spec = as_date(period) if _NAMED_MONTH.search(period.text) else None
    return spec if spec is not None and spec.month else None


def _printed(text: str) -> str | None:
    """Articles printing `text` verbatim (title, byline or body)."""
    ph = phrase(text)
    return f"{BIGRAM_COLUMNS} : {ph}" if ph else None


def _without_year(dates: Sequence[DateSpec]) -> list[DateSpec]:
    """The dates written without a year (`6月`, `4月6日`). A date-only query lists the articles dated in
    its period, and also those mentioning these: a mention of `6月` is of no one year, so it cannot be
    told apart from one of `2019年6月` (the index's date tokens have no year), and a query with a year
    lists only that period's articles, as `2019年` and `上周` do."""
    return [d for d in dates if d.year is None]


def date_sql(spec: DateSpec) -> tuple[str, list[str]]:
    """A condition on `articles.date` (ISO text) for one date expression, with its parameters."""
    if spec.month == 0:
        return "substr(a.date, 1, 4) = ?", [f"{spec.year:04d}"]
    if spec.year is not None and spec.day is not None:
        return "a.date = ?", [f"{spec.year:04d}-{spec.month:02d}-{spec.day:02d}"]
    if spec.year is not None:
        return "substr(a.date, 1, 7) = ?", [f"{spec.year:04d}-{spec.month:02d}"]
    if spec.day is not None:
        return "substr(a.date, 6, 5) = ?", [f"{spec.month:02d}-{spec.day:02d}"]
    return "substr(a.date, 6, 2) = ?", [f"{spec.month:02d}"]


def period_sql(period: Period) -> tuple[str, list[str]]:
    """A condition on `articles.date` for a period (its first and last day, inclusive)."""
    return "a.date BETWEEN ? AND ?", [period.start.isoformat(), period.end.isoformat()]


def date_range_sql(spec: DateSpec, years: tuple[int, int] | None = None) -> tuple[str, tuple[str, ...]]:
    """A condition on `articles.date` (ISO text) for one date expression that the index on
    `articles(date)` answers with a few lookups or ranges, not a scan of every date: `2023年` and
    `2023年4月` are ranges, `2023年4月6日` one date; without a year, one date or one range per year of
    `years` (the archive's first and last). Without `years`, `date_sql` (a scan)."""
    if spec.year is None and spec.month and years is not None:
        span = range(years[0], years[1] + 1)
        if spec.day is not None:
            days = tuple(f"{y:04d}-{spec.month:02d}-{spec.day:02d}" for y in span)
            return f"a.date IN ({', '.join('?' * len(days))})", days
        months = tuple(f"{y:04d}-{spec.month:02d}" for y in span)
        ranges = " OR ".join("(a.date >= ? AND a.date < ?)" for _ in months)
        return f"({ranges})", tuple(x for m in months for x in (m, m + "~"))
    if spec.year is not None and spec.month == 0:
        return "(a.date >= ? AND a.date < ?)", (f"{spec.year:04d}", f"{spec.year + 1:04d}")
    if spec.year is not None and spec.day is None:
        month = f"{spec.year:04d}-{spec.month:02d}"
        return "(a.date >= ? AND a.date < ?)", (month, month + "~")  # '~' sorts after digits and '-'
    sql, params = date_sql(spec)
    return sql, tuple(params)


MAX_QUALIFYING_SETS = 64


def _qualifying(phrases: Sequence[str], weights: Sequence[float], min_weight: float) -> str | None:
    """One FTS5 expression for "holds terms weighing at least `min_weight`": an OR of the minimal sets
    of terms that weigh that much (each an AND). Its matches are exactly those the held-weight filter
    keeps (the sums are added in the same order as SQL adds them), found by FTS5 from the doclists of
    the rarer terms instead of by looking up every article holding any term. None when there are more
    than `MAX_QUALIFYING_SETS` such sets."""
    n = len(phrases)
    if n > 12:
        return None
    sets: list[tuple[int, ...]] = []
    for size in range(1, n + 1):
        for combo in combinations(range(n), size):
            if sum(weights[i] for i in combo) >= min_weight and not any(set(s) <= set(combo) for s in sets):
                sets.append(combo)
                if len(sets) > MAX_QUALIFYING_SETS:
                    return None
    if not sets:
        return None
    ors = " OR ".join("(" + " AND ".join(phrases[i] for i in combo) + ")" for combo in sets)
    return f"{BIGRAM_COLUMNS} : ({ors})"


def _typed_pairs(terms: Sequence[str], raw: str) -> list[tuple[str, float]]:
    """(phrase, weight) of each two consecutive terms that were typed next to each other."""
    typed = "".join(fold(raw).split())
    out = []
    for a, b in zip(terms, terms[1:], strict=False):
        ph = phrase(a + b)
        if ph and a + b in typed:
            out.append((f"{BIGRAM_COLUMNS} : {ph}", term_weight(a) + term_weight(b)))
    return out


def term_weight(term: str) -> float:
    """How specific a term is: its IDF in jieba's table; words the table lacks (names, places,
    pieces glued together) weigh as its median, as in jieba.analyse."""
    from storage.text.summary import idf_table

    table, median = idf_table()
    return float(table.get(term, median))


def _in_fts(expr: str | None, params: list[object], id_col: str = "rowid") -> str:
    """Whether the row is among the matches of `expr`."""
    if not expr:
        return "0"
    params.append(expr)
    return f"({_col(id_col)} IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH ?))"


def _col(id_col: str) -> str:
    # On the FTS table, "+rowid" keeps SQLite from trying to drive the outer scan by these IN lists
    # (which would leave the outer MATCH unusable: "unable to use function MATCH").
    return "+rowid" if id_col == "rowid" else id_col


def _date_hit(p: SearchPlan, params: list[object], id_col: str) -> str:
    """Whether the article's date matches one of the query's dates."""
    params.extend(x for _, ps in p.date_conditions for x in ps)
    cond = " OR ".join(c for c, _ in p.date_conditions)
    return f"({_col(id_col)} IN (SELECT a.id FROM articles a WHERE {cond}))"


def _filter(p: SearchPlan, params: list[object], id_col: str, among: str | None = None) -> str:
    """Condition every result meets besides the MATCH: its date, or a mention of it, when dates were asked.
    `among`: the matches already known to meet it (`matches_sql`), a JSON array of ids."""
    if not p.date_conditions:
        return "1"
    if among is not None:
        params.append(among)
        return f"({_col(id_col)} IN (SELECT value FROM json_each(?)))"
    hit = _date_hit(p, params, id_col)
    text = _in_fts(p.date_text, params, id_col)
    return f"({hit} OR {text}{_in_periods(p, params, id_col)}{_in_year(p, params, id_col)})"


def _in_periods(p: SearchPlan, params: list[object], id_col: str) -> str:
    """` OR ...`: the article mentions one of `p.periods` (`period_mentions`; "" when none)."""
    if not p.periods:
        return ""
    params.extend(p.periods)
    marks = ", ".join("?" * len(p.periods))
    return f" OR {_col(id_col)} IN (SELECT article_id FROM period_mentions WHERE period IN ({marks}))"


def _in_year(p: SearchPlan, params: list[object], id_col: str) -> str:
    """` OR ...` for each of `p.year_mentions`: mentioning it, and dated in its days ("" when none). The date
    is looked up for the articles mentioning it alone (a year's articles as a set would be built whole)."""
    out = ""
    own = f"{FTS}.rowid" if id_col == "rowid" else id_col
    for m in p.year_mentions:
        mentioned = _in_fts(m.expr, params, id_col)
        params += [m.first, m.last]
        out += f" OR ({mentioned} AND (SELECT a.date FROM articles a WHERE a.id = {own}) BETWEEN ? AND ?)"
    return out


def _held_weight(p: SearchPlan, params: list[object]) -> str:
    """The weight of the terms the article holds, pairs aside (relaxed mode's filter)."""
    if not p.term_matches:
        return "0"
    weights = p.weights[: len(p.term_matches)]
    if len(weights) != len(p.term_matches):
        weights = (1.0,) * len(p.term_matches)
    parts = [f"{_in_fts(e, params)} * {float(w)!r}" for e, w in zip(p.term_matches, weights, strict=True)]
    return "(" + " + ".join(parts) + ")"


def _matched_weight(p: SearchPlan, params: list[object]) -> str:
    """The weight of what the article holds, terms and typed pairs (relaxed mode; step 2)."""
    exprs = p.term_matches + p.pair_matches
    if not exprs:
        return "0"
    weights = p.weights if len(p.weights) == len(exprs) else (1.0,) * len(exprs)
    parts = [f"{_in_fts(_within(p, e), params)} * {float(w)!r}" for e, w in zip(exprs, weights, strict=True)]
    return "(" + " + ".join(parts) + ")"


def _within(p: SearchPlan, expr: str | None) -> str | None:
    """`expr` among the articles `p.qualify` keeps (the only ones ranked): the same answer for them, from
    a far smaller set for SQLite to build than every article holding a common term."""
    return f"({p.qualify}) AND ({expr})" if expr and p.qualify else expr


def _held(p: SearchPlan, params: list[object]) -> str:
    """The relaxed filter: holds terms weighing at least `p.min_weight`."""
    if p.qualify:
        return _in_fts(p.qualify, params)
    return f"{_held_weight(p, params)} >= {float(p.min_weight)!r}"


def _date_union(p: SearchPlan, params: list[object]) -> str:
    """Date-only queries: (id, on_date, date) of articles of that date, then of articles mentioning it.

    Driven by the covering index on articles(date) and the FTS date tokens, never a table scan.
    """
    params.extend(x for _, ps in p.date_conditions for x in ps)
    cond = " OR ".join(c for c, _ in p.date_conditions)
    sql = f"SELECT a.id AS id, 1 AS on_date, a.date AS d FROM articles a WHERE {cond}"
    if p.date_text:
        params.append(p.date_text)
        sql += f" UNION ALL SELECT rowid, 0, NULL FROM {FTS} WHERE {FTS} MATCH ?"
    return sql


def count_sql(p: SearchPlan) -> tuple[str, list[object]]:
    """How many articles match."""
    params: list[object] = []
    if p.match is None:
        return f"SELECT count(DISTINCT id) FROM ({_date_union(p, params)})", params
    if p.term_matches and p.qualify:
        params.append(p.qualify)  # the articles kept are exactly its matches (each holds some term)
        return f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ? AND {_filter(p, params, 'rowid')}", params
    if p.date_conditions and p.date_text and not p.term_matches and not (p.year_mentions or p.periods):
        # Matches mentioning the date, plus those published on it that do not mention it: two passes FTS5
        # answers from the index, instead of looking every match up in both sets.
        params += [f"({p.match}) AND ({p.date_text})", f"({p.match}) NOT ({p.date_text})"]
        on_date = _date_hit(p, params, "rowid")
        return (
            f"SELECT (SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ?) + "
            f"(SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ? AND {on_date})",
            params,
        )
    params.append(p.match)
    where = _filter(p, params, "rowid")
    if p.term_matches:
        where = f"{where} AND {_held(p, params)}"
    return f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ? AND {where}", params


def counts_by_matches(p: SearchPlan) -> bool:
    """Whether a plan is counted by listing its matches (`matches_sql`), which its page and ties are then
    ranked among: a plain plan whose date filter reads the year of mentions (`YearMention`), a costly filter
    computed once instead of once per statement."""
    return p.match is not None and bool(p.year_mentions) and not p.term_matches


def matches_sql(p: SearchPlan) -> tuple[str, list[object]]:
    """The ids of every match of a plain plan (`counts_by_matches`), in one row joined by commas (NULL when
    none)."""
    params: list[object] = [p.match]
    where = _filter(p, params, "rowid")
    return f"SELECT group_concat(rowid) FROM {FTS} WHERE {FTS} MATCH ? AND {where}", params


def ids_sql(p: SearchPlan, *, limit: int) -> tuple[str, list[object]]:
    """Ids of matching articles, most recently stored (highest id) first."""
    params: list[object] = []
    if p.match is None:
        union = _date_union(p, params)
        params.append(limit)
        return f"SELECT DISTINCT id FROM ({union}) ORDER BY id DESC LIMIT ?", params
    params.append(p.match)
    where = _filter(p, params, "rowid")
    params.append(limit)
    return f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH ? AND {where} ORDER BY rowid DESC LIMIT ?", params


def page_sql(
    p: SearchPlan, *, window: int, tier: int = 0, among: str | None = None
) -> tuple[str, list[object]]:
    """SQL selecting the best `window` matches in order, one `RankedRow` per row (same columns, same order).

    `tier`: only the matches holding the first `tier` flags of `tier_flags(p)` (0: every match). Those
    come before all other matches, so when at least `window` of them exist they are the first `window`
    of every match, found with BM25 computed for them alone. `among`: the matches, when known (`matches_sql`,
    as a JSON array of ids), which need not be filtered again.
    """
    params: list[object] = []
    if p.match is None:
        union = _date_union(p, params)
        sql = (
            "SELECT id, 0.0 AS score, max(on_date) AS on_date, 0 AS nterms, 0 AS exact, 0 AS in_title, "
            f"0 AS as_words\nFROM ({union})\nGROUP BY id ORDER BY max(on_date) DESC, max(d) DESC, id LIMIT ?"
        )
        params.append(window)
        return sql, params
    sql, params = _ranked(p, tier=tier, among=among)
    sql += "\nORDER BY on_date DESC, nterms DESC, exact DESC, in_title DESC, as_words DESC, score ASC, id DESC LIMIT ?"
    params.append(window)
    return sql, params


def tie_sql(p: SearchPlan, keys: Sequence[object], among: str | None = None) -> tuple[str, list[object]]:
    """Every match whose steps 1-6 keys (on_date, nterms, exact, in_title, as_words, bm25) equal `keys`:
    the whole tie group at the edge of a window, which step 7 (newer first) must order in full. `among`: as
    for `page_sql`."""
    assert p.match is not None
    sql, params = _ranked(p, among=among)
    sql = (
        f"SELECT * FROM ({sql}) WHERE on_date = ? AND nterms = ? AND exact = ? AND in_title = ? "
        "AND as_words = ? AND score = ?"
    )
    return sql, params + list(keys)


def tier_flags(p: SearchPlan) -> tuple[str, ...]:
    """The step 1-5 flags a plain (not relaxed) plan has, in ranking order: "date", "exact", "title",
    "words". The matches holding the first k of them come before every other match (the order is
    lexicographic), so when at least a page of them exists the page is found among them alone (a
    *tier*). Relaxed plans have none: they run only when no article holds every term."""
    if p.match is None or p.term_matches:
        return ()
    present = (("date", p.date_conditions), ("exact", p.exact), ("title", p.title), ("words", p.words))
    return tuple(name for name, value in present if value)


def tier_bound_sql(p: SearchPlan, *, tier: int, window: int) -> tuple[str, list[object]] | None:
    """SQL counting, up to `window`, the articles holding the first `tier` flags of `tier_flags(p)` as
    far as the index answers them at once: the exact phrase, every term in the title and as whole words
    in one MATCH (the flags' own expressions, usually far fewer matches than the query's), and the date
    asked for. A bound on the tier's size that reads at most `window` of those: when it is below
    `window`, the tier cannot fill the page and is skipped. None when the tier has only the date flag
    (bounding it would cost a lookup per article of that date)."""
    need = tier_flags(p)[: max(0, tier)]
    exprs = [
        e for name, e in (("exact", p.exact), ("title", p.title), ("words", p.words)) if name in need and e
    ]
    if not exprs:
        return None
    params: list[object] = [" AND ".join(f"({e})" for e in exprs)]
    where = f" AND {_date_hit(p, params, 'rowid')}" if "date" in need else ""
    params.append(window)
    return f"SELECT count(*) FROM (SELECT 1 FROM {FTS} WHERE {FTS} MATCH ?{where} LIMIT ?)", params


def _ranked(p: SearchPlan, *, tier: int = 0, among: str | None = None) -> tuple[str, list[object]]:
    """Every match with its ranking keys (id, bm25, on_date, nterms, exact, in_title, as_words), unordered
    (only those holding the first `tier` flags of `tier_flags(p)`: see `page_sql`; `among`: the matches,
    when known)."""
    assert p.match is not None
    need = set(tier_flags(p)[: max(0, tier)])
    params: list[object] = []
    match, weights = p.match, WEIGHTS
    if "words" in need:
        # "Every term a whole word" joins the MATCH itself, so FTS5 filters on it while reading the
        # index instead of SQLite looking each match up. Its phrases are in the words column only;
        # weighted 0 they add nothing to BM25, whose other phrases never match that column: the
        # scores stay those of `p.match` alone.
        match, weights = f"({p.match}) AND ({p.words})", (*WEIGHTS[:3], 0.0)
    cols = [f"bm25({FTS}, {', '.join(str(w) for w in weights)}) AS score"]
    cols.append(f"{_date_hit(p, params, 'rowid')} AS on_date" if p.date_conditions else "0 AS on_date")
    cols.append(f"{_matched_weight(p, params)} AS nterms")
    cols.append(f"{_in_fts(p.exact, params)} AS exact")
    cols.append(f"{_in_fts(_within(p, p.title), params)} AS in_title")
    cols.append("1 AS as_words" if "words" in need else f"{_in_fts(p.words, params)} AS as_words")
    params.append(match)
    # The date flag (published on the date asked for) implies the filter (that date, or a mention of it),
    # whose mention half would cost a lookup per match.
    where = "1" if "date" in need else _filter(p, params, "rowid", among)
    sql = f"SELECT rowid AS id, {', '.join(cols)}\nFROM {FTS} WHERE {FTS} MATCH ? AND {where}"
    if p.term_matches:
        sql += f" AND {_held(p, params)}"
    flags = [_date_hit(p, params, "rowid")] if "date" in need else []
    flags += [_in_fts(e, params) for name, e in (("exact", p.exact), ("title", p.title)) if name in need]
    sql += "".join(f" AND {f}" for f in flags)
    return sql, params


def order_window(
    rows: Sequence[RankedRow], dates: dict[int, str | None], *, listing: bool = False
) -> list[RankedRow]:
    """Rows in final order: steps 1-7; `listing`: a day's listing, each day's rows in stored order."""
    stored = 1 if listing else -1

    def key(row: RankedRow) -> tuple:
        date = dates.get(row.id) or ""
        return (
            -row.on_date,
            -row.nterms,
            -row.exact,
            -row.in_title,
            -row.as_words,
            row.bm25,
            _desc(date),
            stored * row.id,
        )

    return sorted(rows, key=key)


def _desc(text: str) -> tuple[int, ...]:
    """A key that sorts ISO dates newest first (missing dates last)."""
    return tuple(-ord(c) for c in text) + (1,) if text else (2,)


def display_score(
    bm25: float, *, exact: bool, in_title: bool, on_date: bool, nterms: float = 0, as_words: bool = False
) -> float:
    """A positive, larger-is-better score for display and JSON, in the same order as the results."""
    relevance = max(-bm25, 0.0)
    tiers = 10000.0 * on_date + 100.0 * nterms + 10.0 * exact + 5.0 * in_title + 2.0 * as_words
    return round(tiers + relevance / (1.0 + relevance), 6)


# ---------------------------------------------------------------- evidence ranking (questions)


def capped_ids_sql(expr: str, cap: int) -> tuple[str, list[object]]:
    """The ids of the articles matching `expr`, at most `cap` of them (the cost stays bounded for common
    words), in one row, joined by commas (thousands of ids come back several times faster as one string
    than as rows)."""
    matching = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH ? LIMIT ?"
    return f"SELECT group_concat(rowid) FROM ({matching})", [expr, cap]


def best_bm25_sql(expr: str, limit: int) -> tuple[str, list[object]]:
    """(id, bm25) of the `limit` articles matching `expr` with the best BM25 (title weighted)."""
    weights = ", ".join(str(w) for w in WEIGHTS)
    return (
        f"SELECT rowid, bm25({FTS}, {weights}) AS score FROM {FTS} WHERE {FTS} MATCH ? ORDER BY score LIMIT ?",
        [expr, limit],
    )


def archive_size_sql() -> str:
    """About how many articles are stored (the largest id: cheap, and close enough for word weights)."""
    return "SELECT coalesce(max(id), 0) FROM articles"
