"""Caps on what one input may hold, far above any real story or page, so that a huge file costs a clear
message rather than gigabytes of memory (a 17-million-character article took 3.5 GB to ingest and made
every search that found it slow; a 50 MB one-line page took 1.7 GB).

The longest story in the benchmark corpora (``benchmarks/.cache``: People's Daily, the real-news set, the
generated corpora) holds about 28,000 characters; the longest OCR page about 8,000, its longest line 151.

- `MAX_ARTICLE_CHARS`: one article's text (title and body). A JSON Lines record over it is refused, with
  its line and size, and the rest of its file goes in; so is a story an OCR page cut that long.
- `MAX_PAGE_CHARS` and `MAX_LINE_CHARS`: one OCR page (``.txt``) and one of its lines. A page over either is
  refused whole, with its size (and the line's number); a file too large to hold a page under the cap in
  any encoding is refused from its size, before it is read.
"""

from __future__ import annotations

MAX_ARTICLE_CHARS = 300_000
MAX_PAGE_CHARS = 1_000_000
MAX_LINE_CHARS = 20_000
# The most bytes one character takes in a file (UTF-32; UTF-8 takes at most 4 too).
_MAX_BYTES_PER_CHAR = 4


def article_over_cap(chars: int) -> str | None:
    """Why an article of `chars` characters is refused, or None when it is within the cap."""
    if chars <= MAX_ARTICLE_CHARS:
        return None
    return f"article of {chars:,} characters, over the cap of {MAX_ARTICLE_CHARS:,} for one article: refused"


# The largest file that can hold a page within MAX_PAGE_CHARS in any encoding (a byte order mark besides).
MAX_PAGE_FILE_BYTES = _MAX_BYTES_PER_CHAR * MAX_PAGE_CHARS + _MAX_BYTES_PER_CHAR


def page_file_over_cap(size: int) -> str | None:
    """Why an OCR page file of `size` bytes is refused before it is read (bytes against the cap in
    bytes), or None."""
    if size <= MAX_PAGE_FILE_BYTES:
        return None
    return (
        f"file of {size:,} bytes, over the cap of {MAX_PAGE_FILE_BYTES:,} bytes for one OCR page file (a page "
        f"of at most {MAX_PAGE_CHARS:,} characters, {_MAX_BYTES_PER_CHAR} bytes each at most)"
    )


def page_over_cap(text: str) -> str | None:
    """Why the text of an OCR page is refused (the whole page, or its first line over the line cap), or
    None when it is within both caps."""
    if len(text) > MAX_PAGE_CHARS:
        return f"page of {len(text):,} characters, over the cap of {MAX_PAGE_CHARS:,} for one OCR page"
    if len(text) <= MAX_LINE_CHARS:
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return (
                f"line {number} holds {len(line):,} characters, over the cap of {MAX_LINE_CHARS:,} for one "
                "line of an OCR page (not a page as an OCR engine writes it)"
            )
    return None
