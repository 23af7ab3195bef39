"""What a reading of the query found (`Found`): the answer of each step of the relaxation ladder
(`storage.search.ladder`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from storage.models import Correction
from storage.search.article_reads import Document
from storage.search.query import ParsedQuery
from storage.search.ranking import RankedRow


@dataclass(frozen=True)
class Found:
    """What the relaxation ladder settled on: the reading of the query that found something, its
    total and best rows, and what was changed to get there; `read`: the articles it read in full
    on the way (evidence ranking reads its candidates), which the page need not read again."""

    parsed: ParsedQuery
    total: int = 0
    rows: tuple[RankedRow, ...] = ()
    corrections: tuple[Correction, ...] = ()
    dropped: tuple[str, ...] = ()
    any_word: bool = False
    date_dropped: bool = False
    by_evidence: bool = False  # the rows are ranked by evidence (`evidence.rank`): `nterms` is the score
    # The rows (ranked by evidence) lacking a name of the question that the first row holds: a person, a
    # place, an organisation jieba knows (`evidence.Term.named`).
    nameless: frozenset[int] = frozenset()
    read: Mapping[int, Document] = field(default_factory=dict)
    clusters: Mapping[int, int] = field(default_factory=dict)  # the story (cluster) of each article read
    unheld: tuple[str, ...] = ()  # words of the question (ranked by evidence) that no article holds
