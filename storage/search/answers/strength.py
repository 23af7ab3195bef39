"""How plainly a sentence holds the kind of fact a question asks for (`PLAIN` … `NOTHING`), what its
strength is measured against (`Asked`), and the word helpers every kind's reader uses (jieba's tags,
the found strings the question lacks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache


@lru_cache(maxsize=4096)
def tags(sentence: str) -> list[tuple[str, str]]:
    from storage.text.segment import tokenizer

    return tokenizer().tag(sentence, True)


def new(found: Sequence[str], query: str) -> list[str]:
    """The found strings that the question does not already hold."""
    return [f for f in found if f and f not in query]


# How plainly a sentence holds the kind of fact asked for (`kind_strength`).
PLAIN = 1.0  # the fact itself: a date with its day, the number with the unit asked for, a name
LIKELY = 0.8  # very likely the fact: a number when no unit was asked, a name after 名为
PARTIAL = 0.7  # part of it: a year or a month without a day, a place name, a list of three or more
SOME = 0.6  # something of the kind: a name jieba tags, what X is (X是…)
WEAK = 0.5  # a hint: a place suffix, a list of two
FAINT = 0.3  # a time word (当天, 日前), a number without the unit asked for
NOTHING = 0.0
HOLDS_KIND = 0.5  # kind strength of a sentence that holds the kind of fact asked for
STRONG_KIND = 0.6  # ... and holds it clearly (a date with its day, a number with the unit asked for)


@dataclass(frozen=True)
class Asked:
    """What the strength of a sentence is measured against: the question (normalised), its words,
    everything it already says (`known`), and the day of the report's dateline."""

    query: str
    terms: tuple[str, ...]
    report_day: int | None = None

    @property
    def known(self) -> str:
        return self.query + "".join(self.terms)


def is_noun(tag: str) -> bool:
    return tag.startswith("n") or tag in ("zg", "j", "ng")
