"""Slips of the keyboard: which words of the index a word that matched nothing may have meant. Pure.

A word is corrected only from the index's own text, never from a dictionary: the candidates are
strings found in stored articles that differ from the typed word by one edit, preferring

1. the same pinyin with one character changed (候寨乡 → 侯寨乡, 樊惠琳 → 樊惠林: an input method's slip),
   or a character typed twice (洪森森 → 洪森),
2. one character changed whatever its sound,
3. one character typed too many (洪森森 → 洪森) or two swapped,
4. one character missing (哈梅伊 → 哈梅内伊),
5. a short form whose characters the index's word holds in order (三附院 → 三附属医院),

and, within a rank, the candidate found in more articles. The relaxation ladder (`storage.search.ladder`) asks
for corrections only for a word that no article holds, and keeps one only if the corrected query
finds something, so a query with results is never "corrected".

`edit_patterns(word)` gives what to look for in the index (anchor strings every candidate article
holds, and a regular expression whose first group is the candidate); `direct_candidates(word)` the
candidates checked by count alone (homophones of two-character words, deletions, swaps);
`choose(word, counts)` the best of the candidates found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from storage.text.normalize import HAN_RANGES

_HAN_WORD = re.compile(rf"[{HAN_RANGES}]+")
MIN_LEN = 2
MAX_LEN = 8
MAX_HOMOPHONES = 60  # per character, for two-character words (each is one count query)
MAX_RANK = 5
ABBREVIATION_GAP = 3  # characters a short form may skip between two of its own (三附院 → 三附属医院)


@dataclass(frozen=True)
class EditPattern:
    """Articles holding every anchor may hold a candidate; `regex` group 1 captures it."""

    anchors: tuple[str, ...]
    regex: re.Pattern[str]


def correctable(word: str) -> bool:
    """Only Han words of 2-8 characters are corrected (names, places, organisations, title words)."""
    return MIN_LEN <= len(word) <= MAX_LEN and bool(_HAN_WORD.fullmatch(word))


def edit_patterns(word: str) -> list[EditPattern]:
    """One character changed (at each position) or one missing, for words of three characters or more
    (two-character words have a one-character anchor, which matches too much: see `direct_candidates`)."""
    if not correctable(word) or len(word) < 3:
        return []
    han = f"[{HAN_RANGES}]"
    out: list[EditPattern] = []
    for i in range(len(word)):
        left, right = word[:i], word[i + 1 :]
        anchors = tuple(a for a in (left, right) if a)
        out.append(EditPattern(anchors, re.compile(f"({re.escape(left)}{han}{re.escape(right)})")))
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        out.append(EditPattern((left, right), re.compile(f"({re.escape(left)}{han}{re.escape(right)})")))
    # a short form: its characters in order with a few others between (anchored on its first pair)
    gap = f"{han}{{0,{ABBREVIATION_GAP}}}"
    out.append(EditPattern((word[:2],), re.compile("(" + gap.join(re.escape(c) for c in word) + ")")))
    return out


def direct_candidates(word: str) -> list[str]:
    """Candidates to count directly: one character too many, two swapped, and (for two-character
    words) each character replaced by its homophones."""
    if not correctable(word):
        return []
    out: list[str] = []
    if len(word) >= 3:
        out += [word[:i] + word[i + 1 :] for i in range(len(word))]
    out += [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]
    if len(word) == 2:
        for i, ch in enumerate(word):
            out += [word[:i] + h + word[i + 1 :] for h in homophones(ch)[:MAX_HOMOPHONES]]
    return [c for c in dict.fromkeys(out) if c != word]


def choose(word: str, counts: dict[str, int], max_rank: int = 3) -> str | None:
    """The best candidate for `word` among those found (`counts`: candidate → articles holding it),
    of rank `max_rank` or better."""
    found = [
        (c, n)
        for c, n in counts.items()
        if n > 0 and c != word and correctable(c) and rank(word, c) <= max_rank
    ]
    if not found:
        return None
    return min(found, key=lambda cn: (rank(word, cn[0]), -cn[1], cn[0]))[0]


def rank(word: str, candidate: str) -> int:
    """0 same pinyin, one character changed, or one typed twice; 1 one changed; 2 one too many or two
    swapped; 3 one missing; 4 a short form of it; 5 one too many leaving two characters; 9 none."""
    if len(candidate) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(word, candidate, strict=True)) if a != b]
        if len(diff) == 1:
            i = diff[0]
            if same_sound(word[i], candidate[i]):
                return 0
            # a different last character is mostly the word and the next one (洪森表示): not a slip
            return 1 if i < len(word) - 1 else 9
        if len(diff) == 2 and diff[1] == diff[0] + 1 and sorted(word) == sorted(candidate):
            return 2
        return 9
    if len(candidate) == len(word) - 1:
        cuts = [i for i in range(len(word)) if word[:i] + word[i + 1 :] == candidate]
        if cuts:
            # a key pressed twice (洪森森) is the likeliest slip of all; a two-character piece of a
            # longer word (三附院 → 三附) the least likely
            if any(i > 0 and word[i - 1] == word[i] for i in cuts):
                return 0
            return 2 if len(candidate) > 2 else 5
    if len(candidate) == len(word) + 1 and any(
        candidate[:i] + candidate[i + 1 :] == word for i in range(len(candidate))
    ):
        return 3
    if len(candidate) > len(word) + 1 and _in_order(word, candidate):
        return 4
    return 9


def _in_order(short: str, long: str) -> bool:
    """Whether `long` holds the characters of `short` in order, starting and ending with them."""
    if not long or long[0] != short[0] or long[-1] != short[-1]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def same_sound(a: str, b: str) -> bool:
    """Whether two characters share a toneless pinyin reading."""
    return bool(set(readings(a)) & set(readings(b)))


@lru_cache(maxsize=4096)
def readings(ch: str) -> tuple[str, ...]:
    """The toneless pinyin readings of a character (pypinyin's table)."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    raw = pinyin_dict.get(ord(ch))
    if not raw:
        return ()
    return tuple(dict.fromkeys(to_normal(p) for p in raw.split(",")))


def homophones(ch: str) -> list[str]:
    """Characters sharing a reading with `ch` (common CJK block only), most common readings first."""
    table = _by_reading()
    out: list[str] = []
    for r in readings(ch):
        out += [c for c in table.get(r, ()) if c != ch]
    return list(dict.fromkeys(out))


def load_table() -> None:
    """Load pypinyin's character table and the readings built from it now rather than at the first slip."""
    _by_reading()


@lru_cache(maxsize=1)
def _by_reading() -> dict[str, tuple[str, ...]]:
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    table: dict[str, list[str]] = {}
    for code, raw in pinyin_dict.items():
        if 0x4E00 <= code <= 0x9FA5:
            for p in dict.fromkeys(to_normal(x) for x in raw.split(",")):
                table.setdefault(p, []).append(chr(code))
    return {k: tuple(v) for k, v in table.items()}
