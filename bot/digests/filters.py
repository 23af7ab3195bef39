"""Subscription keywords read with the search syntax (issue 13). Pure functions.

A subscription's keywords are the words typed after ``/subscribe [HH:MM]``:

- a plain word or a ``"quoted phrase"``: articles matching it (several: any of them, as before);
- ``OR`` / ``或`` / ``或者`` / ``|`` between them: the same "any of" (accepted because people type it);
- ``-word``, ``-"a phrase"`` or ``NOT word``: articles containing it are never sent;
- only exclusions (``/subscribe 8:00 -体育``): every article except those.

`regroup_quotes` joins the pieces of a quoted phrase that the chat split on whitespace.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

OR_WORDS = frozenset({"or", "或", "或者", "|", "||"})
NOT_WORDS = frozenset({"not"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"'})
_DASHES = str.maketrans({"－": "-", "—": "-", "–": "-", "−": "-"})


@dataclass(frozen=True)
class KeywordFilter:
    any_of: tuple[str, ...] = ()  # search queries (a word, or a phrase in quotes); any may match
    none_of: tuple[str, ...] = ()  # words or phrases (without quotes) an article must not contain

    @property
    def everything(self) -> bool:
        """No positive keyword: every article (less the excluded) is wanted."""
        return not self.any_of

    def excluded_all(self) -> tuple[str, str] | None:
        """A wanted keyword and the exclusion it holds, when every wanted keyword holds one (``保交楼
        -保交楼``, ``保交楼 -保交``): an article matching any of them contains what must not be there, so
        nothing is ever sent. None when some keyword can match."""
        found = None
        for wanted in self.any_of:
            word = _unquote(wanted).casefold()
            hit = next((x for x in self.none_of if x.casefold() in word), None)
            if hit is None:
                return None
            found = found or (wanted, hit)
        return found


def regroup_quotes(tokens: Sequence[str]) -> list[str]:
    """``['"郑州', '大学"', '招生']`` → ``['"郑州 大学"', '招生']``; an unclosed quote keeps its pieces."""
    out: list[str] = []
    open_group: list[str] | None = None
    for raw in tokens:
        token = raw.translate(_QUOTES)
        if open_group is not None:
            open_group.append(token)
            if token.count('"') % 2 == 1:
                out.append(" ".join(open_group))
                open_group = None
            continue
        if token.count('"') % 2 == 1:
            open_group = [token]
            continue
        out.append(token)
    if open_group is not None:
        out.extend(open_group)
    return out


def _unquote(text: str) -> str:
    return " ".join(text.replace('"', " ").split())


def parse_keywords(keywords: Sequence[str]) -> KeywordFilter:
    """Read stored keywords (as typed) into what to include and what to exclude."""
    return _parse_keywords(tuple(keywords))


@functools.lru_cache(maxsize=4096)
def _parse_keywords(keywords: tuple[str, ...]) -> KeywordFilter:
    """`parse_keywords`, cached: a digest run reads each subscription's keywords several times, and many
    subscriptions share theirs."""
    include: list[str] = []
    exclude: list[str] = []
    negate_next = False
    for raw in keywords:
        token = raw.translate(_QUOTES).translate(_DASHES).strip()
        if not token:
            continue
        if token.lower() in OR_WORDS:
            continue
        if token.lower() in NOT_WORDS:
            negate_next = True
            continue
        if token.startswith("-") and len(token) > 1:
            word = _unquote(token.lstrip("-"))
            if word:
                exclude.append(word)
            negate_next = False
            continue
        if negate_next:
            negate_next = False
            if word := _unquote(token):
                exclude.append(word)
            continue
        if token.startswith('"'):
            phrase = _unquote(token)
            if phrase:
                include.append(f'"{phrase}"')
            continue
        include.append(token)
    return KeywordFilter(tuple(dict.fromkeys(include)), tuple(dict.fromkeys(exclude)))


def is_separator(token: str) -> bool:
    return token.translate(_QUOTES).strip().lower() in OR_WORDS
