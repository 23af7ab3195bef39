"""The top results read for answering: each article's sentences, normalised, its dateline and its byline.

A dateline (新华社北京4月3日电) dates the report, not the event: it answers "when" only if no
sentence dates the event itself, and then it is shown with the sentence. The byline after it
(（记者赵超）) names who wrote the report, which only a question asking for the writer reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from storage.search.answers.dates import day_of
from storage.text.normalize import Folded, normalize
from storage.text.summary import placed_sentences, strip_dateline

_DATELINE = re.compile(r"^\s*(据?(?:新华社|本报|央视网消息|中新社)\S{0,10}?(\d{1,2}月\d{1,2}日)电?)")
# The byline after a dateline, in brackets (本报武汉1月31日电 （记者范昊天、鲜敢）, 新华社北京1月7日电 （记者赵超）): who
# wrote the report.
_BYLINE = re.compile(
    r"^\s*(?:本报讯|据?(?:本报|新华社|中新社)\S{0,12}?电)\s*[（(]((?:记者|通讯员)[^）)]{1,30})[）)]"
)


class Sentence(NamedTuple):  # a tuple: dozens are made per article read
    rank: int  # of its article among the results
    position: int  # within the article
    text: str  # as printed, without a dateline
    norm: str
    article_id: int
    paragraph: int = 0  # which line of the article's text it is in


@dataclass(frozen=True)
class Article:
    """One result read for answering: its sentences, normalised title, and dateline if it has one."""

    rank: int
    title: str  # normalised
    sentences: tuple[Sentence, ...]
    dateline: str | None = None  # 新华社北京2月25日电
    report_day: int | None = None  # the dateline's day of the month
    byline: str | None = None  # 记者范昊天、鲜敢: the byline after the dateline
    title_parts: tuple[str, ...] = ()  # the printed title's parts between spaces, each normalised


@dataclass(frozen=True)
class Span:
    """One sentence, or two neighbouring ones, scored as an answer."""

    key: tuple[float, float, int, int]  # (score, coverage, -rank, -position): larger is better
    sentences: tuple[Sentence, ...]
    strength: float


# A dateline closing a story, in brackets, as a line or sentence of its own: （本报加德满都10月9日电）.
_CLOSING_DATELINE = re.compile(r"[（(]((?:本报|新华社|据新华社)\S{0,12}?(\d{1,2}月\d{1,2}日)电)[）)]")


def read(docs: Sequence[tuple[int, str, str]], max_docs: int) -> list[Article]:
    out = []
    for rank, (article_id, title, body) in enumerate(docs[:max_docs]):
        pool = []
        dateline = report_day = byline = None
        folded = Folded(body)  # each sentence normalised as a slice of the body folded once
        for pos, (paragraph, start, raw) in enumerate(placed_sentences(body)):
            if pos == 0 and (m := _DATELINE.match(raw)):
                dateline, report_day = m.group(1), day_of(m.group(2))
            if pos == 0 and (m := _BYLINE.match(raw)):
                byline = m.group(1)
            if m := _CLOSING_DATELINE.fullmatch(raw.strip()):
                # （本报加德满都10月9日电） closing a story: the report's day, no sentence of its own
                if report_day is None:
                    dateline, report_day = m.group(1), day_of(m.group(2))
                continue
            undated = strip_dateline(raw)  # `raw` without a prefix
            sent = undated.strip()
            if sent:
                at = start + len(raw) - len(undated.lstrip())
                norm = folded.normalize(at, at + len(sent))
                pool.append(Sentence(rank, pos, sent, norm, article_id, paragraph))
        parts = tuple(normalize(part) for part in title.split())
        out.append(Article(rank, normalize(title), tuple(pool), dateline, report_day, byline, parts))
    return out
