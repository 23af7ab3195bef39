"""Text normalisation shared by documents and queries.

`fold` maps character by character (traditional → simplified, full-width → half-width, ASCII
upper → lower) and keeps the length, so offsets in folded text are offsets in the original.
`squeeze` removes the stray spaces OCR leaves in Chinese text and collapses other whitespace.
`normalize` is both. `normalize_with_offsets` also returns, for every output character, the
index of the original character it came from (used to put highlights on the original text).
"""

from __future__ import annotations

import html
import re
import threading
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Any, overload

HAN_RANGES = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_CHAR = re.compile(rf"[{HAN_RANGES}\u3001-\u303f\uff00-\uffef]")

# Characters that may need a traditional → simplified mapping: CJK ideographs and compatibility forms.
_CONVERTIBLE = re.compile(f"[{HAN_RANGES}]")

_BASE_TABLE: dict[int, int | str] = {}
for _cp in range(0xFF01, 0xFF5F):  # full-width ASCII block
    _BASE_TABLE[_cp] = chr(_cp - 0xFEE0)
_BASE_TABLE[0x3000] = " "  # ideographic space
for _cp in range(ord("A"), ord("Z") + 1):
    _BASE_TABLE[_cp] = chr(_cp + 32)
for _cp in range(0xFF21, 0xFF3B):  # full-width A-Z straight to lower case
    _BASE_TABLE[_cp] = chr(_cp - 0xFEE0 + 32)


_REPLACE_AT_MOST = 8  # characters to map in one text, replaced one by one (else translated)
# Texts with characters not seen before folded before the scanning patterns are rebuilt: at least this
# many, and one per `_RESCAN_PER` characters seen (a rebuild costs in proportion to them).
_RESCAN_AFTER = 32
_RESCAN_PER = 16


class _Folder:
    """A str.translate table grown lazily with OpenCC t2s conversions of the ideographs seen."""

    def __init__(self) -> None:
        self._table: dict[int, int | str] = dict(_BASE_TABLE)
        self._changing = {chr(cp) for cp in self._table}  # the characters the table maps
        self._changing_han: set[str] = set()  # of which the ideographs (traditional forms)
        self._seen: set[str] = set()
        self._converter: Any = None
        self._lock = threading.Lock()
        # Two patterns over the characters seen when they were built: any other character, and the
        # characters the table maps. A text of seen characters only needs no set of its characters.
        self._scan: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        self._unscanned = 0  # texts that held a character the patterns were not built with

    def _convert(self, chars: list[str]) -> None:
        with self._lock:
            if self._converter is None:
                import opencc

                self._converter = opencc.OpenCC("t2s")
            conv = self._converter
            # Convert each character alone so the mapping is context free (documents and queries agree)
            # and length preserving. One OpenCC call with a separator keeps this fast.
            joined = conv.convert("\n".join(chars)).split("\n")
            if len(joined) != len(chars):  # pragma: no cover - defensive, OpenCC keeps newlines
                joined = [conv.convert(c) for c in chars]
            for src, dst in zip(chars, joined, strict=True):
                if len(dst) == 1 and dst != src:
                    self._table[ord(src)] = dst
                    self._changing.add(src)
                    self._changing_han.add(src)

    def _settle(self, chars: set[str]) -> None:
        new = chars.difference(self._seen)  # every character seen once is settled
        if new:
            han = [c for c in new if _CONVERTIBLE.match(c)]
            if han:
                self._convert(han)
            self._seen.update(new)

    def changes_han(self, text: str) -> bool:
        """Whether folding changes an ideograph of `text` (it holds traditional forms)."""
        chars = set(text)
        self._settle(chars)
        return not self._changing_han.isdisjoint(chars)

    def _rescan(self) -> None:
        """Build the scanning patterns from the characters seen so far (seen first: a character is
        added to the seen ones after its mapping is known, so every mapped one seen is in the second)."""
        seen = sorted(frozenset(self._seen))
        changing = sorted(frozenset(self._changing))
        if seen and changing:
            other = re.compile("[^" + "".join(map(re.escape, seen)) + "]")
            mapped = re.compile("[" + "".join(map(re.escape, changing)) + "]")
            self._scan = (other, mapped)
        self._unscanned = 0

    def _present(self, text: str) -> set[str]:
        """The characters of `text` that the table maps: scanned for with the patterns when every
        character of the text was seen when they were built; else from the set of its characters."""
        scan = self._scan
        if scan is not None and scan[0].search(text) is None:
            return set(scan[1].findall(text))
        chars = set(text)
        self._settle(chars)
        self._unscanned += 1
        if self._unscanned >= max(_RESCAN_AFTER, len(self._seen) // _RESCAN_PER):
            self._rescan()
        return self._changing.intersection(chars)

    def __call__(self, text: str) -> str:
        present = self._present(text)
        if not present:  # nothing to map: most simplified text
            return text
        if len(present) <= _REPLACE_AT_MOST:
            # A few characters to map (full-width punctuation, most often): replacing each is several
            # times faster than `str.translate` over the whole text, and gives the same text when no
            # character is mapped to one that is mapped in turn.
            table = self._table
            pairs = [(c, table[ord(c)]) for c in present]
            if all(isinstance(to, str) and to not in self._changing for _, to in pairs):
                for c, to in pairs:
                    text = text.replace(c, to)  # type: ignore[arg-type]
                return text
        return text.translate(self._table)


_fold = _Folder()


def fold(text: str) -> str:
    """Traditional → simplified, full-width → half-width, ASCII lower case; same length as `text`."""
    return _fold(text)


def has_traditional(text: str) -> bool:
    """Whether `fold` would change an ideograph of `text`: without, a string of simplified ideographs
    is in `normalize(text)` exactly when it is in `text` (punctuation and spacing aside)."""
    return _fold.changes_han(text)


_WS = re.compile(r"\s+")
_SPACE_NEAR_CJK = re.compile(rf"\s+(?={_CJK_CHAR.pattern})|(?<={_CJK_CHAR.pattern})\s+")


def has_whitespace(text: str) -> bool:
    """Whether `text` holds a whitespace character (what `\\s` matches: `str.isspace`). `str.split` drops
    every whitespace character at the first run and the ends, so the pieces are shorter than the text
    exactly when it holds one; several times faster than a regex scan, which tests each character."""
    return len(text) != sum(map(len, text.split(None, 1)))


def whitespace_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of whitespace in `text`, in order: the same spans as ``re.finditer(r"\\s+",
    text)``, found from the words `str.split` gives (a word holds no whitespace, so the first place
    it is found after the end of the word before is where it starts)."""
    pos = 0
    for word in text.split():
        at = text.find(word, pos)
        if at > pos:
            yield pos, at
        pos = at + len(word)
    if pos < len(text):
        yield pos, len(text)


def squeeze(text: str) -> str:
    """Drop whitespace next to CJK characters (stray OCR spaces); collapse the rest to one space."""
    if not has_whitespace(text):
        return text  # nothing to drop or collapse (most sentences): one scan instead of three
    text = _SPACE_NEAR_CJK.sub("", text)
    return _WS.sub(" ", text).strip()


def normalize(text: str) -> str:
    return squeeze(fold(text))


# An HTML character reference, well formed (with its semicolon): &amp; &lt; &#20445; &#x4EA4;. Text
# such as R&D or &para without one stays as typed.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


# Markup pasted into a message (<b>保交楼</b>, <br/>): the tags are no words.
_TAGS = re.compile(r"</?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>", re.IGNORECASE)


def without_markup(text: str) -> str:
    """The text with each markup tag replaced by a space."""
    return _TAGS.sub(" ", text) if "<" in text else text


def unescape_entities(text: str) -> str:
    """The text with each well-formed HTML character reference replaced by its character (`&amp;` → `&`,
    `&#20445;` → 保); an unknown name stays as typed."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


class Folded:
    """A text folded once, whose pieces are then normalised by slicing: `fold` maps each character on its
    own and keeps the length, so ``Folded(text).normalize(a, b) == normalize(text[a:b])``. For the many
    sentences of one article, one fold instead of one per sentence."""

    __slots__ = ("folded",)

    def __init__(self, text: str) -> None:
        self.folded = fold(text)

    def normalize(self, start: int, end: int) -> str:
        """`normalize` of ``text[start:end]``."""
        return squeeze(self.folded[start:end])


# A stray space inside a word: ideographs on both sides of spaces (OCR leaves them; `squeeze` drops them).
_HAN_GAP = re.compile(f"[{HAN_RANGES}][ \\t\u00a0\u3000]+[{HAN_RANGES}]")


def search_form(text: str) -> str | None:
    """`normalize(text)` when `text` holds traditional forms or stray spaces between ideographs, else
    None: evidence ranking reads such a text normalised, any other as stored (or folded, for words
    that are not all ideographs; `storage.search.evidence.searchable`). Stored beside each article
    (`storage.database.index`), so that ranking need not look for either in every candidate's text,
    nor normalise it, at query time."""
    if has_traditional(text) or _HAN_GAP.search(text):
        return normalize(text)
    return None


class Offsets(Sequence[int]):
    """For each character of a normalised text, the index of the original character it comes from;
    kept as the runs of characters copied unchanged (few per text), looked up by bisection."""

    __slots__ = ("_length", "_norm_starts", "_orig_starts")

    def __init__(self, norm_starts: list[int], orig_starts: list[int], length: int) -> None:
        self._norm_starts = norm_starts
        self._orig_starts = orig_starts
        self._length = length

    def __len__(self) -> int:
        return self._length

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where the normalised text's characters ``start`` to ``end - 1`` (end > start, in range) come
        from in the original: ``(self[start], self[end - 1] + 1)``, looked up once when both lie in
        one run of copied characters (a word most often does)."""
        norm_starts = self._norm_starts
        k = bisect_right(norm_starts, start) - 1
        first = self._orig_starts[k] + start - norm_starts[k]
        if k + 1 == len(norm_starts) or end <= norm_starts[k + 1]:
            return first, first + end - start
        last = bisect_right(norm_starts, end - 1) - 1
        return first, self._orig_starts[last] + end - norm_starts[last]

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        k = bisect_right(self._norm_starts, index) - 1
        return self._orig_starts[k] + index - self._norm_starts[k]


def normalize_with_offsets(text: str) -> tuple[str, Offsets]:
    """`normalize(text)` plus, for each of its characters, the index in `text` it comes from."""
    folded = fold(text)
    norm_starts: list[int] = []  # where each run of copied characters starts, in the output
    orig_starts: list[int] = []  # and in `text`
    out: list[str] = []
    length = 0
    pos = 0
    n = len(folded)
    for a, b in whitespace_runs(folded):
        if a > pos:
            out.append(folded[pos:a])
            norm_starts.append(length)
            orig_starts.append(pos)
            length += a - pos
        before = folded[a - 1] if a > 0 else ""
        after = folded[b] if b < n else ""
        if before and after and not _CJK_CHAR.match(before) and not _CJK_CHAR.match(after):
            out.append(" ")
            norm_starts.append(length)
            orig_starts.append(a)
            length += 1
        pos = b
    if pos < n:
        out.append(folded[pos:])
        norm_starts.append(length)
        orig_starts.append(pos)
        length += n - pos
    return "".join(out), Offsets(norm_starts, orig_starts, length)
