"""Snippets: a window of the ORIGINAL text around the matches, matched pieces flagged. Pure.

Matching happens on normalised text (traditional/simplified, full-width, stray spaces), and the
positions are mapped back to the original characters, so a highlight always covers original text.
A window cut from inside the text starts/ends with an unmatched "…" span; line breaks in the window
are shown as spaces (same length, so offsets are unchanged).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from storage.models import Snippet
from storage.text.normalize import normalize, normalize_with_offsets
from storage.text.segment import pieces

ELLIPSIS = "…"
SNIPPET_WIDTH = 110
_LEAD_CONTEXT = 24
_BREAK = re.compile(r"[。！？；!?;\n]")
_WINDOW_STARTS_AFTER = frozenset("。！？；!?;\n，,")  # a sentence or clause ends with it
MAX_MATCHES = 400
MAX_WINDOWS = 40  # candidate windows tried (one starting at each of the first matches)


class Needles:
    """The terms a response marks, each normalised once and cut into pieces once (when a text lacks it
    whole), for all the texts of the response: titles, snippets and the answer line.

    `whole_only` terms (after `terms`) are marked only where a text holds them whole: the ways a date of
    the query is written (2019年10月, 10月), whose pieces (2019, 10) are any number in any text."""

    __slots__ = ("_pieces", "normalized", "terms", "whole_from")

    def __init__(self, terms: Sequence[str], whole_only: Sequence[str] = ()) -> None:
        self.terms = (*terms, *whole_only)
        self.whole_from = len(terms)  # the index of the first whole-only term
        self.normalized = [normalize(term) for term in self.terms]
        self._pieces: dict[int, list[str]] = {}

    def __len__(self) -> int:
        return len(self.terms)

    def pieces(self, index: int) -> list[str]:
        """The pieces of two characters or more of the `index`-th term, normalised (none for a
        whole-only term)."""
        if index >= self.whole_from:
            return []
        found = self._pieces.get(index)
        if found is None:
            found = self._pieces[index] = [p.text for p in pieces(self.normalized[index]) if len(p.text) >= 2]
        return found


def find_matches(text: str, terms: Sequence[str] | Needles) -> list[tuple[int, int, int]]:
    """(start, end, term index) of the terms' occurrences in `text`, as offsets into the original text.

    A term not found as a whole (e.g. its punctuation differs) is looked for piece by piece.
    Results are sorted and do not overlap (earlier, longer matches win).
    """
    if not text or not terms:
        return []
    prepared = terms if isinstance(terms, Needles) else Needles(terms)
    norm, offsets = normalize_with_offsets(text)
    found: list[tuple[int, int, int]] = []
    for ti, whole in enumerate(prepared.normalized):
        needles = [whole]
        if not whole or whole not in norm:
            needles = prepared.pieces(ti)
        for needle in needles:
            if not needle:
                continue
            start = norm.find(needle)
            while start != -1 and len(found) < MAX_MATCHES:
                end = start + len(needle)
                found.append((*offsets.span(start, end), ti))
                start = norm.find(needle, end)
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[tuple[int, int, int]] = []
    for m in found:
        if out and m[0] < out[-1][1]:
            if m[1] > out[-1][1]:  # overlapping: extend the previous highlight
                out[-1] = (out[-1][0], m[1], out[-1][2])
            continue
        out.append(m)
    return out


def _spans(text: str, matches: list[tuple[int, int, int]], start: int, end: int) -> list[tuple[str, bool]]:
    spans: list[tuple[str, bool]] = []
    pos = start
    for a, b, _ in matches:
        if b <= start or a >= end:
            continue
        a, b = max(a, start), min(b, end)
        if a > pos:
            spans.append((text[pos:a], False))
        spans.append((text[a:b], True))
        pos = b
    if pos < end:
        spans.append((text[pos:end], False))
    return [(piece.replace("\n", " "), m) for piece, m in spans if piece]


def mark(text: str, terms: Sequence[str] | Needles) -> Snippet:
    """The whole `text` with the terms marked (titles, answer sentences)."""
    return Snippet(tuple(_spans(text, find_matches(text, terms), 0, len(text))))


def _window_start(text: str, first: int) -> int:
    """Start a little before the first match, at a sentence/clause start when one is near."""
    lo = max(0, first - _LEAD_CONTEXT)
    for i in range(first - 1, lo - 1, -1):
        if text[i] in _WINDOW_STARTS_AFTER:
            return i + 1
    return lo


def make_snippet(text: str, terms: Sequence[str] | Needles, width: int = SNIPPET_WIDTH) -> Snippet:
    """The window of `text` (about `width` characters) holding the most distinct terms, marked."""
    if not text:
        return Snippet(())
    matches = find_matches(text, terms)
    if matches:
        best = None
        ends = [m[1] for m in matches]  # increasing: the matches are sorted and do not overlap
        for i, (a, _, _) in enumerate(matches[:MAX_WINDOWS]):
            start = _window_start(text, a)
            stop = start + width
            inside = matches[i : bisect_right(ends, stop, i)]  # those from the i-th ending by `stop`
            key = (len({m[2] for m in inside}), len(inside), -a)
            if best is None or key > best[0]:
                best = (key, start)
        assert best is not None
        start = best[1]
    else:
        start = 0
    # Skip leading whitespace of the window.
    while start < len(text) and text[start].isspace():
        start += 1
    end = min(len(text), start + width)
    # Prefer ending at a sentence end shortly after the nominal width.
    if end < len(text):
        m = _BREAK.search(text, end, min(len(text), end + 16))
        if m:
            end = m.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    spans = _spans(text, matches, start, end)
    if start > 0:
        spans.insert(0, (ELLIPSIS, False))
    if end < len(text):
        spans.append((ELLIPSIS, False))
    return Snippet(tuple(spans))
