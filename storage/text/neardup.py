"""Near-duplicate text: the same story carried by several sources, not byte for byte. Pure functions.

An article's body is cut into overlapping character shingles (`SHINGLE` letters or digits in a row, after
normalisation, with spaces and punctuation dropped), each shingle hashed to 32 bits (CRC-32). The `K` smallest
hashes are the article's bottom-k MinHash *sketch*. Two sketches estimate the Jaccard resemblance of the
two shingle sets (`resemblance`): of the `K` smallest hashes of their union, the share that both hold.

Stories reposted with another headline, a dateline, an editor's note or a footer keep most of their
shingles and resemble each other well above `THRESHOLD`; different stories on the same subject share
stock phrases only (measured on real news in `benchmarks.near_duplicates`).

The `KEYS` smallest hashes of a sketch are its lookup keys: two sets that resemble each other share, on
average, `KEYS × J` of them, so a near-duplicate is found by looking up keys, then confirmed by its sketch.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

from storage.text.normalize import normalize

SHINGLE = 3  # characters per shingle
K = 64  # hashes in a sketch
KEYS = 16  # smallest hashes used as lookup keys
MIN_SHINGLES = 24  # shorter texts (a headline, a one-line brief) get no sketch
THRESHOLD = 0.6  # estimated resemblance from which two texts are the same story
DAYS_APART = 2  # dated stories further apart than this are never the same story (yearly events repeat)


_NOT_ALNUM = re.compile(r"[\W_]+")  # \w is str.isalnum() plus "_"


def _compact(text: str, normalized: bool) -> bytes:
    """Letters and digits of the normalised text, as UTF-32 (4 bytes per character)."""
    return _NOT_ALNUM.sub("", text if normalized else normalize(text)).encode("utf-32-le")


def shingles(text: str, *, normalized: bool = False) -> set[bytes]:
    """The character shingles of `text`, normalised, letters and digits only (each as UTF-32 bytes).
    `normalized`: `text` is already `normalize`d (saves doing it again)."""
    compact = _compact(text, normalized)
    width = 4 * SHINGLE
    return {compact[i : i + width] for i in range(0, len(compact) - width + 4, 4)}


def sketch(text: str, *, normalized: bool = False) -> tuple[int, ...] | None:
    """The sorted `K` smallest shingle hashes (CRC-32) of `text`, or None when it is too short to compare.
    `normalized`: `text` is already `normalize`d."""
    compact = _compact(text, normalized)
    width = 4 * SHINGLE
    crc = zlib.crc32
    hashes = {crc(compact[i : i + width]) for i in range(0, len(compact) - width + 4, 4)}
    if len(hashes) < MIN_SHINGLES:
        return None
    return tuple(sorted(hashes)[:K])


def keys(sk: Sequence[int]) -> tuple[int, ...]:
    """The lookup keys of a sketch: its `KEYS` smallest hashes."""
    return tuple(sk[:KEYS])


def resemblance(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard resemblance of the texts behind two sketches (0.0 – 1.0)."""
    if not a or not b:
        return 0.0
    held = set(a)
    union = sorted(held.union(b))[:K]  # the K smallest hashes of the union (at most 2K to sort)
    return len(held.intersection(b).intersection(union)) / len(union)


def may_resemble(held: set[int], b: Sequence[int], threshold: float = THRESHOLD) -> bool:
    """Whether `resemblance(a, b)` can reach `threshold`, `held` being the hashes of `a` as a set.

    A bound that needs no sort: the estimate counts the hashes both hold among the union's `min(K, |union|)`
    smallest, so it is at most (hashes both hold) / min(K, |union|). False means the resemblance is below
    `threshold`; True means it may not be."""
    if not held or not b:
        return False
    other = set(b)
    both = len(held.intersection(other))
    return both / min(K, len(held) + len(other) - both) >= threshold


def same_story(a: Sequence[int], b: Sequence[int], threshold: float = THRESHOLD) -> bool:
    return resemblance(a, b) >= threshold
