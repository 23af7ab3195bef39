"""The index's FTS5 expressions read as PostgreSQL reads them, and FTS5's bm25() computed in Python. Pure.

On PostgreSQL an article's index row is one ``tsvector`` (`storage.database.tsvector.document`) holding
the same tokens as the FTS5 row, column after column.

- `parse` reads the expressions `storage.search.expressions` and `storage.search.ranking` build
  (quoted phrases, a trailing ``*`` for a prefix, ``AND``/``OR``/``NOT``, parentheses, ``{col ...} :`` and
  ``col :`` filters) into a small tree; `to_tsquery` writes the tree as a ``tsquery`` (phrases with
  ``<->``, ``&``, ``|``, ``!``, ``:*`` for a prefix, the title's and the words' marked lexemes for those
  columns): PostgreSQL's GIN index finds the matching articles.
- `RowTokens` holds where the query's tokens occur in one article; `matches` and `phrase_columns`
  evaluate the tree on it exactly as FTS5 does, and `bm25` scores it with FTS5's formula (k1 = 1.2,
  b = 0.75, column weights per occurrence, the row's token count over all columns, IDF from the number of
  articles holding each phrase), so both backends order results the same way. `text_scorer` gives the
  same score straight from the text of a row's filtered tsvector when every phrase is one whole token:
  it is what ranking thousands of matches costs in Python.

The layout of the tsvector, and its limits, are `storage.database.tsvector`'s.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from storage.database.tsvector import (
    BIGRAM_COLUMNS,
    COLUMNS,
    COUNT_BITS,
    COUNT_MAX,
    TITLE,
    TITLE_MARK,
    WORDS,
    WORDS_MARK,
    column_starts,
    lexeme,
    quote,
    title_lexeme,
)

K1 = 1.2
B = 0.75


# ---------------------------------------------------------------- the expression tree


@dataclass(frozen=True)
class Phrase:
    """Tokens in a row (the last one a prefix when `prefix`), in one of `columns`."""

    tokens: tuple[str, ...]
    prefix: bool
    columns: frozenset[int]


@dataclass(frozen=True)
class Both:
    left: Node
    right: Node


@dataclass(frozen=True)
class Either:
    left: Node
    right: Node


@dataclass(frozen=True)
class Without:
    kept: Node
    dropped: Node


Node = Phrase | Both | Either | Without

_TOKEN = re.compile(r'\s*(?:(")((?:[^"]|"")*)"|(\{)([^}]*)\}|(\()|(\))|(\*)|(:)|([A-Za-z_]\w*))')


class ExpressionError(ValueError):
    """An expression outside the subset newsbot builds."""


def _lex(expr: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(expr):
        if expr[pos:].strip() == "":
            break
        m = _TOKEN.match(expr, pos)
        if m is None:
            raise ExpressionError(f"cannot read {expr[pos : pos + 20]!r}")
        pos = m.end()
        if m.group(1):
            out.append(("phrase", m.group(2).replace('""', '"')))
        elif m.group(3):
            out.append(("columns", m.group(4)))
        elif m.group(5):
            out.append(("(", "("))
        elif m.group(6):
            out.append((")", ")"))
        elif m.group(7):
            out.append(("*", "*"))
        elif m.group(8):
            out.append((":", ":"))
        else:
            word = m.group(9)
            out.append((word, word) if word in ("AND", "OR", "NOT") else ("column", word))
    return out


def parse(expr: str) -> Node:
    """The tree of an FTS5 expression (FTS5's precedence: NOT, then AND, then OR; left to right)."""
    tokens = _lex(expr)
    at = 0

    def peek() -> str | None:
        return tokens[at][0] if at < len(tokens) else None

    def take(kind: str) -> str:
        nonlocal at
        if peek() != kind:
            raise ExpressionError(f"expected {kind} in {expr!r}")
        at += 1
        return tokens[at - 1][1]

    def or_expr(cols: frozenset[int]) -> Node:
        node = and_expr(cols)
        while peek() == "OR":
            take("OR")
            node = Either(node, and_expr(cols))
        return node

    def and_expr(cols: frozenset[int]) -> Node:
        node = not_expr(cols)
        while peek() == "AND":
            take("AND")
            node = Both(node, not_expr(cols))
        return node

    def not_expr(cols: frozenset[int]) -> Node:
        node = primary(cols)
        while peek() == "NOT":
            take("NOT")
            node = Without(node, primary(cols))
        return node

    def primary(cols: frozenset[int]) -> Node:
        kind = peek()
        if kind in ("columns", "column"):
            names = take(kind).split()
            take(":")
            try:
                chosen = frozenset(COLUMNS.index(n) for n in names)
            except ValueError as exc:
                raise ExpressionError(f"unknown column in {expr!r}") from exc
            return primary(cols & chosen)
        if kind == "(":
            take("(")
            node = or_expr(cols)
            take(")")
            return node
        text = take("phrase")
        prefix = peek() == "*"
        if prefix:
            take("*")
        return Phrase(tuple(text.split()), prefix, cols)

    node = or_expr(frozenset(range(len(COLUMNS))))
    if at != len(tokens):
        raise ExpressionError(f"unexpected {tokens[at][1]!r} in {expr!r}")
    return node


def phrases(node: Node) -> list[Phrase]:
    """Every phrase of the tree, in the order written (FTS5's phrase numbers, which bm25() sums in)."""
    if isinstance(node, Phrase):
        return [node]
    if isinstance(node, Without):
        return phrases(node.kept) + phrases(node.dropped)
    return phrases(node.left) + phrases(node.right)


# ---------------------------------------------------------------- tsquery


def _phrase_tsquery(phrase: Phrase, mark: Callable[[str], str]) -> str | None:
    if not phrase.tokens:
        return None
    last = len(phrase.tokens) - 1
    return " <-> ".join(
        quote(mark(token)) + (":*" if phrase.prefix and i == last else "")
        for i, token in enumerate(phrase.tokens)
    )


def _bigram_mark(columns: frozenset[int]) -> Callable[[str], str] | None:
    """How a phrase's tokens are written for its bigram columns: as they are for all three, marked for
    the title alone, None for none (the other column sets are never asked for)."""
    wanted = columns & BIGRAM_COLUMNS
    if not wanted:
        return None
    if wanted == BIGRAM_COLUMNS:
        return lambda token: token
    if wanted == {TITLE}:
        return title_lexeme
    raise ExpressionError(f"no tsquery for the columns {sorted(wanted)}")


def to_tsquery(node: Node) -> str:
    """The tree as a tsquery text (cast with ``::tsquery``; no text search configuration is involved)."""
    if isinstance(node, Phrase):
        alternatives = []
        if (mark := _bigram_mark(node.columns)) is not None:
            alternatives.append(_phrase_tsquery(node, mark))
        if WORDS in node.columns:
            alternatives.append(_phrase_tsquery(node, lambda token: lexeme(token, WORDS)))
        found = [a for a in alternatives if a]
        if not found:
            return "'~'"  # a lexeme no document holds (every marked one has a word after the mark)
        return "(" + " | ".join(found) + ")" if len(found) > 1 else "(" + found[0] + ")"
    if isinstance(node, Both):
        return f"({to_tsquery(node.left)} & {to_tsquery(node.right)})"
    if isinstance(node, Either):
        return f"({to_tsquery(node.left)} | {to_tsquery(node.right)})"
    return f"({to_tsquery(node.kept)} & !{to_tsquery(node.dropped)})"


def lexemes(nodes: Iterable[Node]) -> tuple[list[str], list[str]]:
    """The lexemes the trees ask for, and the prefixes (a phrase's last token, read as a prefix)."""
    whole: dict[str, None] = {}
    prefixes: dict[str, None] = {}
    for node in nodes:
        for phrase in phrases(node):
            for i, token in enumerate(phrase.tokens):
                for column in (TITLE, WORDS):
                    if column == WORDS and WORDS not in phrase.columns:
                        continue
                    if column == TITLE and not phrase.columns & BIGRAM_COLUMNS:
                        continue
                    if phrase.prefix and i == len(phrase.tokens) - 1:
                        prefixes[lexeme(token, column)] = None
                    else:
                        whole[lexeme(token, column)] = None
    return list(whole), list(prefixes)


# ---------------------------------------------------------------- one row's tokens

_ENTRY = re.compile(r"'((?:[^']|'')*)':([0-9A-D,]+)")


@dataclass(frozen=True)
class RowTokens:
    """Where the query's tokens occur in one article: lexeme -> its positions in the tsvector, and the
    article's token count in each column (which gives each position's column)."""

    at: Mapping[str, frozenset[int]]
    sizes: tuple[int, ...]
    # `phrase_columns` of each phrase asked for: a match's phrases are asked for by its score, its flags
    # and its terms, often the same phrase several times.
    found: dict[Phrase, list[int]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def length(self) -> int:
        return sum(self.sizes)

    @cached_property
    def starts(self) -> tuple[int, ...]:
        return column_starts(self.sizes)

    def column(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1

    def places(self, name: str) -> set[tuple[int, int]]:
        """(column, offset in the column) of each position of a lexeme."""
        return {(self.column(p), p - self.starts[self.column(p)]) for p in self.at.get(name, ())}


def read_row(vector_text: str, sizes: Sequence[int]) -> RowTokens:
    """A row's tokens from the text of a (filtered) tsvector and the row's column sizes."""
    at = {
        name.replace("''", "'").replace("\\\\", "\\"): frozenset(map(int, listed.replace("B", "").split(",")))
        for name, listed in _ENTRY.findall(vector_text)  # B: the mark of the filtered lexemes
    }
    return RowTokens(at, tuple(sizes))


def _positions(row: RowTokens, token: str, column_kind: int, prefix: bool) -> frozenset[int]:
    key = lexeme(token, column_kind)
    if not prefix:
        return row.at.get(key, frozenset())
    found: set[int] = set()
    for name, positions in row.at.items():
        if name.startswith(key) and (column_kind == WORDS or not name.startswith((WORDS_MARK, TITLE_MARK))):
            found |= positions
    return frozenset(found)


def phrase_columns(phrase: Phrase, row: RowTokens) -> list[int]:
    """The column of each occurrence of `phrase` in the row (FTS5's instances of the phrase), by column.
    Columns lie one free position apart, so tokens at consecutive positions are in one column."""
    found = row.found.get(phrase)
    if found is None:
        found = row.found[phrase] = _phrase_columns(phrase, row)
    return found


def _phrase_columns(phrase: Phrase, row: RowTokens) -> list[int]:
    if not phrase.tokens:
        return []
    out: list[int] = []
    last = len(phrase.tokens) - 1
    for kind in (TITLE, WORDS):
        wanted = phrase.columns & ({WORDS} if kind == WORDS else BIGRAM_COLUMNS)
        if not wanted:
            continue
        if last == 0 and not phrase.prefix:  # one token: each of its positions is an occurrence
            out.extend(
                c for c in map(row.column, row.at.get(lexeme(phrase.tokens[0], kind), ())) if c in wanted
            )
            continue
        each = [_positions(row, t, kind, phrase.prefix and i == last) for i, t in enumerate(phrase.tokens)]
        for position in each[0]:
            if all(position + i in each[i] for i in range(1, len(each))):
                column = row.column(position)
                if column in wanted:
                    out.append(column)
    out.sort()
    return out


def matches(node: Node, row: RowTokens) -> bool:
    """Whether the row matches the tree (FTS5's semantics)."""
    if isinstance(node, Phrase):
        return bool(phrase_columns(node, row))
    if isinstance(node, Both):
        return matches(node.left, row) and matches(node.right, row)
    if isinstance(node, Either):
        return matches(node.left, row) or matches(node.right, row)
    return matches(node.kept, row) and not matches(node.dropped, row)


# ---------------------------------------------------------------- bm25


def idf(documents: int, holding: int) -> float:
    """FTS5's IDF of a phrase held by `holding` of `documents` rows (at least 1e-6)."""
    value = math.log((documents - holding + 0.5) / (holding + 0.5))
    return value if value > 0.0 else 1e-6


def bm25(
    all_phrases: Sequence[Phrase],
    idfs: Sequence[float],
    row: RowTokens,
    average_length: float,
    weights: Sequence[float],
) -> float:
    """FTS5's bm25() of the row for a query of `all_phrases` (more negative is better), computed in the
    same order of operations, so both backends give the same double."""
    length = float(row.length)
    score = 0.0
    for phrase, phrase_idf in zip(all_phrases, idfs, strict=True):
        freq = 0.0
        for column in phrase_columns(phrase, row):
            freq += weights[column] if column < len(weights) else 1.0
        score += phrase_idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + B * length / average_length)))
    return -1.0 * score


Scorer = Callable[[str, Sequence[int]], float]
CountsScorer = Callable[[Mapping[str, int], int], float]
# Each phrase: for each kind of lexeme it is held as (bigram, word), its tokens' lexemes of that kind and
# the weight of each column there; and its IDF.
_Plan = list[tuple[tuple[tuple[tuple[str, ...], tuple[int, int, int, int]], ...], float]]


def _counts_plan(
    all_phrases: Sequence[Phrase], idfs: Sequence[float], weights: Sequence[float]
) -> _Plan | None:
    """What BM25 reads of a row for a query of whole-token phrases and column weights that are whole
    numbers (FTS5's own, `ranking.WEIGHTS`); None for another query (a prefix, a fractional weight)."""
    if any(p.prefix for p in all_phrases):
        return None
    if not all(float(w).is_integer() for w in weights):
        return None
    whole = [int(weights[c]) if c < len(weights) else 1 for c in range(len(COLUMNS))]
    plan: _Plan = []
    for phrase, phrase_idf in zip(all_phrases, idfs, strict=True):
        keys = []
        for kind in (TITLE, WORDS):
            wanted = phrase.columns & ({WORDS} if kind == WORDS else BIGRAM_COLUMNS)
            if wanted:
                w0, w1, w2, w3 = (whole[c] * (c in wanted) for c in range(4))
                keys.append((tuple(lexeme(t, kind) for t in phrase.tokens), (w0, w1, w2, w3)))
        plan.append((tuple(keys), phrase_idf))
    return plan


def scored_lexemes(phrase: Phrase) -> list[str]:
    """The lexemes whose counts `counts_scorer` reads for a phrase."""
    kinds = ([TITLE] if phrase.columns & BIGRAM_COLUMNS else []) + (
        [WORDS] if WORDS in phrase.columns else []
    )
    return [lexeme(t, kind) for kind in kinds for t in phrase.tokens]


def _bm25_of(freq: float, phrase_idf: float, length: float, average_length: float) -> float:
    """One phrase's share of `bm25`, in its order of operations."""
    return phrase_idf * ((freq * (K1 + 1.0)) / (freq + K1 * (1 - B + B * length / average_length)))


def text_scorer(
    all_phrases: Sequence[Phrase], idfs: Sequence[float], average_length: float, weights: Sequence[float]
) -> Scorer | None:
    """`bm25` read straight from the text of a row's filtered tsvector and its column sizes, for a query
    whose phrases are each one whole token and column weights that are whole numbers (`_counts_plan`);
    None for another query. It gives the same double as `bm25` on `read_row`: the occurrences' weights
    add up to the same whole number in any order, and the rest is `bm25`'s arithmetic in its order."""
    plan = _counts_plan(all_phrases, idfs, weights)
    if plan is None or any(len(p.tokens) != 1 for p in all_phrases):
        return None
    # each lexeme as the tsvector's text writes it, between its quotes
    quoted = [(tuple((quote(k[0])[1:-1], w) for k, w in keys), phrase_idf) for keys, phrase_idf in plan]

    def score(vector_text: str, sizes: Sequence[int]) -> float:
        listed = dict(_ENTRY.findall(vector_text))
        title, byline, body, words = sizes
        second = title + 2  # `column_starts`: 1, then one free position after each column
        third = second + byline + 1
        fourth = third + body + 1
        length = float(title + byline + body + words)
        total = 0.0
        for keys, phrase_idf in quoted:
            held = 0
            for key, (w0, w1, w2, w3) in keys:
                text = listed.get(key)
                if text is None:
                    continue
                at = [int(p) for p in text.replace("B", "").split(",")]  # ascending, as PostgreSQL writes it
                n1 = bisect_left(at, second)
                n2 = bisect_left(at, third, n1)
                n3 = bisect_left(at, fourth, n2)
                held += w0 * n1 + w1 * (n2 - n1) + w2 * (n3 - n2) + w3 * (len(at) - n3)
            total += _bm25_of(float(held), phrase_idf, length, average_length)
        return -1.0 * total

    return score


def counts_scorer(
    all_phrases: Sequence[Phrase], idfs: Sequence[float], average_length: float, weights: Sequence[float]
) -> CountsScorer | None:
    """`bm25` from a row's packed counts per lexeme (`storage.database.postings`) and its length: for a
    query whose phrases are each one token, the same double as `bm25` from the same whole numbers; for
    longer phrases a bound (no row scores better: a phrase occurs in a column at most as often as its
    rarest token there, and BM25 grows with the occurrences). None for a query with a prefix or
    fractional weights (`_counts_plan`)."""
    plan = _counts_plan(all_phrases, idfs, weights)
    if plan is None:
        return None
    mask = COUNT_MAX
    shifts = (0, COUNT_BITS, 2 * COUNT_BITS, 3 * COUNT_BITS)
    k1_plus = K1 + 1.0
    if exact_from_counts(all_phrases):
        # One token a phrase (most queries): each lexeme's packed counts weighed column by column.
        second, third, fourth = shifts[1:]
        single = [(tuple((k[0], *w) for k, w in keys), phrase_idf) for keys, phrase_idf in plan]

        def exact(counts: Mapping[str, int], length: int) -> float:
            norm = K1 * (1 - B + B * float(length) / average_length)
            total = 0.0
            for keys, phrase_idf in single:
                held = 0
                for key, w0, w1, w2, w3 in keys:
                    x = counts.get(key)
                    if x:
                        held += (
                            w0 * (x & mask)
                            + w1 * (x >> second & mask)
                            + w2 * (x >> third & mask)
                            + w3 * (x >> fourth & mask)
                        )
                freq = float(held)
                total += phrase_idf * ((freq * k1_plus) / (freq + norm))
            return -1.0 * total

        return exact

    def score(counts: Mapping[str, int], length: int) -> float:
        total = 0.0
        for keys, phrase_idf in plan:
            held = 0
            for lexemes_, column_weights in keys:
                packed = [counts.get(k, 0) for k in lexemes_]
                if not all(packed):
                    continue
                for weight, shift in zip(column_weights, shifts, strict=True):
                    if weight:
                        held += weight * min(x >> shift & mask for x in packed)
            total += _bm25_of(float(held), phrase_idf, float(length), average_length)
        return -1.0 * total

    return score


def counts_match(node: Node, counts: Mapping[str, int]) -> bool:
    """`matches` for a tree of one-token phrases (`exact_from_counts`), from a row's packed counts."""
    if isinstance(node, Phrase):
        token = node.tokens[0]
        for kind in (TITLE, WORDS):
            wanted = node.columns & ({WORDS} if kind == WORDS else BIGRAM_COLUMNS)
            packed = counts.get(lexeme(token, kind), 0) if wanted else 0
            if packed and any(packed >> c * COUNT_BITS & COUNT_MAX for c in wanted):
                return True
        return False
    if isinstance(node, Both):
        return counts_match(node.left, counts) and counts_match(node.right, counts)
    if isinstance(node, Either):
        return counts_match(node.left, counts) or counts_match(node.right, counts)
    return counts_match(node.kept, counts) and not counts_match(node.dropped, counts)


def exact_from_counts(all_phrases: Sequence[Phrase]) -> bool:
    """Whether `counts_scorer` gives BM25 itself and `counts_match` can be asked (every phrase one whole
    token), not a bound."""
    return all(len(p.tokens) == 1 and not p.prefix for p in all_phrases)
