"""A text no column wrapped (a web page's or a digital edition's copy, one line a paragraph) set in a
column, as a page prints it."""

from __future__ import annotations

import re

from storage.ingest.page_lines import (
    _CLOSERS,
    _HANGING,
    _INDENT_RE,
    _SENTENCE_END,
    closes_text,
    display_width,
    is_byline,
    is_page_furniture,
)

# A line this wide is no column's: a whole paragraph, from a text no column wrapped (a web page's copy).
_UNWRAPPED_CELLS = 48


# The column such a text is set in before it is read as a page.
_UNWRAPPED_MEASURE = 24


def _set_unwrapped(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A text whose paragraphs are each one line (a copy of a web page or a digital edition, no column
    wrapping it) set in a column, as a page prints it: every line that holds a paragraph (a line no
    column holds, or one ending a sentence) wrapped at `_UNWRAPPED_MEASURE` cells with its first line
    indented, each piece keeping its file line. Headlines, bylines and notes stay lines of their own.
    A page is such a text when at least three of its lines, and a third of its lines of text (furniture
    and bylines left out), are wider than any column (`_UNWRAPPED_CELLS`); an OCR'd page never is."""
    # A site's furniture round each article (its date line, ``（责编：…）``, ``分享到：``) and bylines are
    # no lines of text: they do not count against the wide ones.
    widths = [
        display_width(raw.strip())
        for raw, _number in pairs
        if raw.strip() and not (is_page_furniture(raw) or closes_text(raw) or is_byline(raw))
    ]
    wide = sum(1 for width in widths if width > _UNWRAPPED_CELLS)
    if wide < 3 or wide * 3 < len([w for w in widths if w >= 8]):
        return pairs
    out: list[tuple[str, int]] = []
    for raw, number in pairs:
        text = raw.strip(" \t\u3000")
        paragraph = display_width(text) > _UNWRAPPED_CELLS or (
            bool(re.search(f"[{_SENTENCE_END}][{_CLOSERS}]*$", text))
            and not text.startswith(("（", "("))
            and display_width(text) > 12
        )
        if not paragraph:
            out.append((raw, number))
            continue
        for piece in _wrap_at(text, _UNWRAPPED_MEASURE):
            out.append((piece, number))
    # Blank lines between paragraphs mark nothing in such a text (no column breaks there): a blank line
    # right before an indented paragraph under another paragraph's text is left out, so that only the
    # blank lines round headlines and notes stay.
    kept: list[tuple[str, int]] = []
    for position, (raw, number) in enumerate(out):
        if not raw.strip():
            before = next((r for r, _n in reversed(kept) if r.strip()), "")
            after = next((r for r, _n in out[position + 1 :] if r.strip()), "")
            if _INDENT_RE.match(after) and re.search(f"[{_SENTENCE_END}][{_CLOSERS}]*$", before.strip()):
                continue
        kept.append((raw, number))
    return kept


def _wrap_at(text: str, measure: float) -> list[str]:
    """`text` set in lines of `measure` cells, the first indented by two full-width spaces; a mark that
    may not start a line hangs at the end of the line before."""
    lines: list[str] = []
    line = "\u3000\u3000"
    for char in text:
        if display_width(line + char) > measure and line.strip() and char not in _HANGING:
            lines.append(line)
            line = ""
        line += char
    if line.strip():
        lines.append(line)
    return lines
