"""Plain data passed between the parser, the database, the search and the chat layers.

Nothing here touches SQLite, the network or the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# The readers' timezone where a chat has chosen none (/timezone): the day of "昨天" and of a story published at a
# UTC time, a digest's hour, the clock of a new chat.
DEFAULT_TIMEZONE = "Asia/Shanghai"

# How an article's title was found: "printed" — a headline printed with the story (or the title a
# source file gave); "inferred" — no headline was found, so the title was made from the lead sentence.
TitleSource = Literal["printed", "inferred"]


@dataclass(frozen=True)
class ParsedArticle:
    """One story as extracted from a source file, before it is stored."""

    title: str
    paragraphs: tuple[str, ...]
    title_lines: tuple[str, ...] = ()
    # Headline lines grouped as printed (blank-line separated blocks), each block's lines joined.
    title_groups: tuple[str, ...] = ()
    date: str | None = None  # ISO YYYY-MM-DD, never invented
    byline: str | None = None  # raw, as printed
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    published_at: str | None = None  # ISO date and time with the publisher's UTC offset, when known
    origin_file: str | None = None  # file it came from
    origin_position: int | None = None  # 0-based story order in the file (JSONL: 1-based line number)
    origin_lines: tuple[int, int] | None = None  # 1-based first and last body line in the file
    title_source: TitleSource = "printed"

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class Article:
    """A stored article."""

    id: int
    title: str
    paragraphs: tuple[str, ...]
    date: str | None = None
    title_lines: tuple[str, ...] = ()
    byline: str | None = None
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    summary: str | None = None
    keywords: tuple[str, ...] = ()
    origin_file: str | None = None
    origin_position: int | None = None
    published_at: str | None = None  # ISO date and time with the publisher's UTC offset, when known
    title_source: TitleSource = "printed"

    @property
    def title_inferred(self) -> bool:
        return self.title_source == "inferred"

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class Snippet:
    """A window of text with the matched parts marked.

    `spans` is the text cut into pieces, each flagged as matched or not; joining the pieces gives
    the original text of the window. Renderers (Telegram HTML, console) decide how to show marks.
    """

    spans: tuple[tuple[str, bool], ...] = ()

    @property
    def text(self) -> str:
        return "".join(piece for piece, _ in self.spans)

    def highlights(self) -> list[tuple[int, int]]:
        """Character offsets [start, end) of the matched pieces within `text`."""
        out: list[tuple[int, int]] = []
        pos = 0
        for piece, matched in self.spans:
            if matched and piece:
                out.append((pos, pos + len(piece)))
            pos += len(piece)
        return out


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    date: str | None
    snippet: Snippet
    score: float
    title_snippet: Snippet | None = None  # the title with matches marked, when the title matched
    title_inferred: bool = False  # no printed headline: the title was made from the lead
    also: tuple[str, ...] = ()  # other sources that carried the same story (listed once)


@dataclass(frozen=True)
class Answer:
    sentence: str
    article_id: int
    snippet: Snippet | None = None  # the sentence with matches marked
    focus: int = 0  # where in `sentence` the sentence holding the fact asked for starts


@dataclass(frozen=True)
class Correction:
    """A word of the query that matched nothing, and the word of the index searched instead."""

    original: str
    replacement: str


@dataclass(frozen=True)
class SearchResponse:
    query: str
    total: int
    took_ms: float
    hits: tuple[SearchHit, ...] = ()
    answer: Answer | None = None
    # What the query was understood as, for messages such as "did you mean" or "showing 4月6日".
    terms: tuple[str, ...] = field(default=())
    corrections: tuple[Correction, ...] = ()  # slips corrected from the index's own words
    # English names searched in the form news prints too (IMF: 国际货币基金组织, `storage.search.english_names`).
    names_read: tuple[Correction, ...] = ()
    dropped: tuple[str, ...] = ()  # words left out because no article holds them all
    any_word: bool = False  # the results hold at least one of the words, not all
    # The query named a date or a period that no result is dated in, so that filter was dropped.
    date_dropped: bool = False
    date_only: bool = False  # the query was only a date or period: the results are that day's stories
    period: tuple[str, str] | None = None  # (first, last) ISO day of a date-only query's period
    no_such_dates: tuple[str, ...] = ()  # dates the query named that no calendar has (2月30日)
    # Days picked for words that name several (周三: the latest Wednesday), as (words typed, ISO day).
    picked_days: tuple[tuple[str, str], ...] = ()
