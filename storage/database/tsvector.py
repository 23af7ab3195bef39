"""An article's full-text index row on PostgreSQL: one ``tsvector`` of the tokens FTS5 is given. Pure.

The tokens are the FTS5 columns' (title, byline, body, words: space-separated, `storage.database.index`),
at positions laid out column after column with one free position between columns (`column_starts`), so
that a phrase never runs from one column into the next, as in FTS5. The `words` column's tokens are
stored with a ``~`` in front (`WORDS_MARK`), so a bigram and a jieba word of the same two characters stay
apart, as in FTS5's two columns. A title token is stored twice at its position: as itself and with a
``^`` in front (`TITLE_MARK`, what the ``{title}`` column filter asks for), so that "in the title" is
answered by the GIN index alone (a weight label would make PostgreSQL read every candidate's tsvector to
check it). Byline and body need no mark: no expression asks for them alone. `sizes` keeps each
column's token count (BM25's document length). `storage.search.tsquery` reads queries against it.

Limits of ``tsvector`` (PostgreSQL's, documented there): a position above 16383 is stored as 16383 and a
lexeme keeps at most 256 positions, so in an article longer than about 16,000 tokens a phrase is not
found past that point, and a token occurring more than 256 times counts 256 times where BM25 is read
from the tsvector (the counts stored apart, `Document.counts`, count every occurrence, as FTS5 does). A
token of 2,047 bytes or more (never a bigram or a word) is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

COLUMNS = ("title", "byline", "body", "words")
TITLE, BYLINE, BODY, WORDS = range(4)
BIGRAM_COLUMNS = frozenset({TITLE, BYLINE, BODY})
WORDS_MARK = "~"
TITLE_MARK = "^"
MAX_POSITION = 16383
MAX_LEXEME_BYTES = 2046


def lexeme(token: str, column: int) -> str:
    """The lexeme of a token of `column` in the tsvector (a word of the `words` column is marked)."""
    return WORDS_MARK + token if column == WORDS else token


def title_lexeme(token: str) -> str:
    """The second lexeme of a title token: the title alone (the ``{title}`` column filter)."""
    return TITLE_MARK + token


def quote(text: str) -> str:
    """A lexeme as a tsvector or tsquery literal writes it."""
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


# A lexeme's occurrences in each column, packed into one 64-bit integer (`pack_counts`): 16 bits a column,
# the words column's count in the top 15 (the sign bit stays clear). A count above a field's maximum is
# kept at the maximum.
COUNT_BITS = 16
COUNT_MAX = (1 << COUNT_BITS) - 1
WORDS_COUNT_MAX = (1 << (COUNT_BITS - 1)) - 1


def pack_counts(counts: Sequence[int]) -> int:
    """One integer of a lexeme's occurrences per column (title, byline, body, words)."""
    title, byline, body, words = counts
    return (
        min(title, COUNT_MAX)
        | min(byline, COUNT_MAX) << COUNT_BITS
        | min(body, COUNT_MAX) << 2 * COUNT_BITS
        | min(words, WORDS_COUNT_MAX) << 3 * COUNT_BITS
    )


def unpack_counts(packed: int) -> tuple[int, int, int, int]:
    """`pack_counts` undone."""
    return (
        packed & COUNT_MAX,
        packed >> COUNT_BITS & COUNT_MAX,
        packed >> 2 * COUNT_BITS & COUNT_MAX,
        packed >> 3 * COUNT_BITS & COUNT_MAX,
    )


@dataclass(frozen=True)
class Document:
    """What PostgreSQL's index holds for one article: the tsvector text, each column's token count, and
    each lexeme's occurrences per column (`pack_counts`; title marks left out: the title's count is there),
    which `storage.database.postings` stores apart for BM25."""

    vector: str
    sizes: tuple[int, int, int, int]
    counts: dict[str, int]

    @property
    def length(self) -> int:
        """BM25's document length: the tokens of every column."""
        return sum(self.sizes)


def column_starts(sizes: Sequence[int]) -> tuple[int, ...]:
    """The position of each column's first token: columns one after another, one position apart."""
    starts = [1]
    for size in sizes[:-1]:
        starts.append(starts[-1] + size + 1)
    return tuple(starts)


def document(columns: Sequence[str]) -> Document:
    """The tsvector of an index row (title, byline, body, words: space-separated tokens, as FTS5 is given)."""
    tokens = [c.split() if c else [] for c in columns]
    sizes = (len(tokens[0]), len(tokens[1]), len(tokens[2]), len(tokens[3]))
    positions: dict[str, list[str]] = {}
    counts: dict[str, list[int]] = {}
    for column, (start, toks) in enumerate(zip(column_starts(sizes), tokens, strict=True)):
        for offset, token in enumerate(toks):
            at = str(min(start + offset, MAX_POSITION))
            key = lexeme(token, column)
            if len(key.encode()) > MAX_LEXEME_BYTES:
                continue
            positions.setdefault(key, []).append(at)
            counts.setdefault(key, [0, 0, 0, 0])[column] += 1
            if column == TITLE and len(title_lexeme(token).encode()) <= MAX_LEXEME_BYTES:
                positions.setdefault(title_lexeme(token), []).append(at)
    vector = " ".join(f"{quote(k)}:{','.join(v)}" for k, v in positions.items())
    return Document(vector, sizes, {k: pack_counts(c) for k, c in counts.items()})
