"""What the index itself knows about words: in how many articles a word occurs, the text around a
word's neighbours (for slips), the span of article dates. Thin SQL over the index
(`storage.search.index_reader`, either backend); the choices
are made by pure code (`storage.search.corrections`, the engine's relaxation ladder).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storage.driver import sqlite3
from storage.search import corrections, pinyin
from storage.search.expressions import BIGRAM_COLUMNS, phrase, words_expression
from storage.search.index_reader import index_reader
from storage.text.normalize import fold, normalize, squeeze
from storage.text.segment import dictionary_word

MAX_TEXTS = 300  # articles read per edit pattern when looking for a slip's candidates
# Characters kept either side of an anchor: enough for the longest candidate a pattern can capture.
_WINDOW = corrections.MAX_LEN * (corrections.ABBREVIATION_GAP + 1)
_SPACE = re.compile(r"\s")


def _windows(text: str, anchor: str) -> list[str] | None:
    """The raw text around each place `anchor` occurs (overlapping windows joined), or None when the
    raw text does not hold it as typed (traditional script, full-width forms)."""
    spans: list[tuple[int, int]] = []
    at = text.find(anchor)
    while at != -1:
        lo, hi = max(0, at - _WINDOW), at + len(anchor) + _WINDOW
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
        at = text.find(anchor, at + 1)
    return [text[lo:hi] for lo, hi in spans] if spans else None


def near_texts(texts: list[str], anchor: str) -> list[str]:
    """For each text, the normalised text around each place `anchor` occurs (joined by newlines, which
    no pattern crosses); the whole text normalised when the raw text does not hold it as typed.
    Normalising only the windows keeps a slip's lookup cheap on long articles; all the windows are
    folded in one call (folding maps character by character, so cutting after folding is the same),
    and only those holding whitespace are squeezed."""
    found = [_windows(t, anchor) for t in texts]
    pieces = [w for ws in found if ws for w in ws]
    folded = fold("".join(pieces))
    out: list[str] = []
    pos = 0
    for text, ws in zip(texts, found, strict=True):
        if ws is None:
            out.append(normalize(text))
            continue
        parts = []
        for w in ws:
            part = folded[pos : pos + len(w)]
            pos += len(w)
            parts.append(squeeze(part) if _SPACE.search(part) else part)
        out.append("\n".join(parts))
    return out


class IndexVocabulary:
    """Counts and texts from the index, on a connection the caller guards."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.index = index_reader(conn)

    def article_count(self, word: str) -> int:
        """Articles holding `word` verbatim (title, byline or body)."""
        ph = phrase(word)
        if ph is None:
            return 0
        return self.index.count_matching(f"{BIGRAM_COLUMNS} : {ph}")

    def article_counts(self, words: list[str]) -> list[int]:
        """`article_count` of each word, in one read of the index where the backend can."""
        phrases = [phrase(w) for w in words]
        exprs = [f"{BIGRAM_COLUMNS} : {ph}" for ph in phrases if ph is not None]
        found = iter(self.index.count_each(exprs))
        return [next(found) if ph is not None else 0 for ph in phrases]

    def texts_with(self, anchors: tuple[str, ...], limit: int = MAX_TEXTS) -> list[str]:
        """Normalised title and body of the most recently stored articles holding every anchor."""
        return self.texts_with_each([anchors], limit)[0]

    def texts_with_each(self, anchor_sets: list[tuple[str, ...]], limit: int = MAX_TEXTS) -> list[list[str]]:
        """`texts_with` of each set of anchors, the articles of all found in one read of the index."""
        exprs: dict[int, str] = {}
        for i, anchors in enumerate(anchor_sets):
            parts = [p for p in (phrase(a) for a in anchors) if p]
            if parts:
                exprs[i] = f"{BIGRAM_COLUMNS} : ({' AND '.join(parts)})"
        found = dict(zip(exprs, self.index.latest_matching_each(list(exprs.values()), limit), strict=True))
        return [self._texts(found.get(i, []), anchors) for i, anchors in enumerate(anchor_sets)]

    def _texts(self, ids: list[int], anchors: tuple[str, ...]) -> list[str]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f"SELECT a.title, a.body FROM articles a WHERE a.id IN ({marks})", ids
        ).fetchall()
        return near_texts([f"{t}\n{b}" for t, b in rows], anchors[0])

    def correction(self, word: str, max_rank: int = 3) -> str | None:
        """The index's word that `word` (found in no article) most likely meant, or None; only
        candidates of `corrections.rank` `max_rank` or better."""
        if not corrections.correctable(word):
            return None
        counts: dict[str, int] = {}
        patterns = list(corrections.edit_patterns(word))
        for pattern, texts in zip(patterns, self.texts_with_each([p.anchors for p in patterns]), strict=True):
            seen: dict[str, int] = {}
            for text in texts:
                for found in set(pattern.regex.findall(text)):
                    if found != word:
                        seen[found] = seen.get(found, 0) + 1
            for cand, n in seen.items():
                counts[cand] = max(counts.get(cand, 0), n)
        best = corrections.choose(word, counts, max_rank)
        if best is not None and corrections.rank(word, best) == 0:
            return best
        unseen = [c for c in dict.fromkeys(corrections.direct_candidates(word)) if c not in counts]
        counts.update(zip(unseen, self.article_counts(unseen), strict=True))
        return corrections.choose(word, counts, max_rank)

    def pinyin_reading(self, word: str, wanted: Callable[[str], bool] = lambda _: True) -> str | None:
        """The index's word that `word` (a Latin word found in no article) spells in pinyin
        (`storage.search.pinyin`), or None when it spells none that jieba cut as a word in some article (no
        run across two words: 而是去 of er-shi-qu), and a word of jieba's dictionary unless printed in
        `pinyin.MIN_UNLISTED` articles or more (新冠, not 思则 of size); only one that is `wanted`. The ways of
        cutting it into fewer syllables are tried first, and the first that finds a word read by its
        characters' main readings ends the search."""
        found: dict[str, tuple[int, int]] = {}
        for syllables in pinyin.splits(word):
            bounds = pinyin.candidates(syllables, self.index.bigrams_from)
            new = [c for c in bounds if c not in found and wanted(c)]
            exprs = [words_expression([c]) for c in new]
            held = iter(self.index.count_each([e for e in exprs if e]))
            for candidate, expr in zip(new, exprs, strict=True):
                rare = pinyin.rare_readings(candidate, syllables)
                n = next(held) if expr else 0
                if rare is not None and (dictionary_word(candidate) or n >= pinyin.MIN_UNLISTED):
                    found[candidate] = (rare, n)
            if any(rare == 0 and n for rare, n in found.values()):
                break
        return pinyin.choose(found)

    def date_span(self) -> tuple[str | None, str | None]:
        """The first and last article date stored."""
        row = self.conn.execute("SELECT min(date), max(date) FROM articles WHERE date IS NOT NULL").fetchone()
        return (row[0], row[1]) if row else (None, None)

    def latest_day(self, on_or_before: str) -> str | None:
        """The latest article date on or before `on_or_before` (ISO), or None."""
        row = self.conn.execute("SELECT max(date) FROM articles WHERE date <= ?", [on_or_before]).fetchone()
        return row[0] if row else None
