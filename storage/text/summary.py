"""One-line summaries and keywords, computed at ingest. Pure functions."""

from __future__ import annotations

import heapq
import importlib.util
import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from storage.text.normalize import squeeze

# A dateline and the reporters in brackets after it (本报讯, 本报北京5月13日电（记者某某）, 据新华社…电).
_LEAD = re.compile(
    r"^\s*(本报讯|据?(?:本报|新华社|中新社)\S{0,12}?电)\s*(?:[（(](?:记者|通讯员)[^）)]{1,30}[）)])?\s*[:：]?\s*"
)
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
SUMMARY_MAX = 90

_STOP = frozenset(
    "二七区 二七 工作 进行 开展 相关 情况 全区 各项 要求 会议 一是 二是 三是 四是 一要 二要 三要 进一步 "
    "记者 通讯员 本报讯 强调 指出 表示 提出 推进 加强 做好 坚持 积极 全面 切实 推动 进行 有关".split()
)


def sentences(text: str) -> list[str]:
    """Split text into sentences at 。！？；!?; (keeping the mark) and line breaks."""
    out: list[str] = []
    for line in text.split("\n"):
        for s in _SENTENCE_END.split(line):
            s = s.strip()
            if s:
                out.append(s)
    return out


class Placed(NamedTuple):
    """A sentence of a text (as `sentences` gives it), its line and where it starts in the text."""

    paragraph: int  # which line of the text
    start: int  # offset of its first character in the text
    text: str


def placed_sentences(text: str) -> list[Placed]:
    """`sentences(text)`, each with its line and its offset in `text` (``text[start:start + len]`` is the
    sentence): a sentence is a stripped piece of its line, found from where the one before it ends
    (only spaces can lie between them, and a stripped piece starts with none)."""
    out: list[Placed] = []
    line_start = 0
    for k, line in enumerate(text.split("\n")):
        at = 0
        for s in _SENTENCE_END.split(line):
            s = s.strip()
            if s:
                at = line.find(s, at)
                out.append(Placed(k, line_start + at, s))
                at += len(s)
        line_start += len(line) + 1
    return out


def strip_dateline(text: str) -> str:
    """The text without a leading dateline such as 本报讯."""
    return _LEAD.sub("", text)


def summarize(paragraphs: list[str] | tuple[str, ...], max_len: int = SUMMARY_MAX) -> str:
    """The lead sentence of the article, without the dateline, on one line, at most `max_len` characters."""
    for para in paragraphs:
        para = squeeze(para.replace("\n", " "))
        para = strip_dateline(para)
        sents = sentences(para)
        if not sents:
            continue
        lead = sents[0]
        if len(lead) > max_len:
            lead = lead[: max_len - 1].rstrip("，,、；;：: ") + "…"
        return lead
    return ""


def keywords(text: str, top_k: int = 8) -> list[str]:
    """Keywords by TF-IDF with jieba.analyse's IDF table (segmenting once)."""
    from storage.text.segment import cut

    return keywords_from_words(cut(text), top_k=top_k)


_idf: tuple[dict[str, float], float] | None = None


def idf_table() -> tuple[dict[str, float], float]:
    """jieba.analyse's IDF table (word → IDF) and its median, loaded once.

    Read straight from the file jieba ships: importing `jieba.analyse` would also load jieba's
    part-of-speech model and dictionary (~0.5 s and ~150 MB) that nothing here uses.
    """
    global _idf
    if _idf is None:
        spec = importlib.util.find_spec("jieba")
        assert spec is not None and spec.origin is not None, "jieba is a dependency"
        table: dict[str, float] = {}
        with open(Path(spec.origin).parent / "analyse" / "idf.txt", encoding="utf-8") as lines:
            for line in lines:
                word, _, value = line.strip().partition(" ")
                if value:
                    table[word] = float(value)
        _idf = (table, sorted(table.values())[len(table) // 2])  # the median, as jieba computes it
    return _idf


def keywords_from_han_words(words: list[str], top_k: int = 8) -> list[str]:
    """`keywords_from_words` for words already made only of Han characters, two or more of them
    (`storage.text.segment.han_words`), without checking each again (ingest runs this per article)."""
    idf, median = idf_table()
    get = idf.get
    counts = Counter(words)
    for w in _STOP.intersection(counts):
        del counts[w]
    return [w for _, w in heapq.nlargest(top_k, [(n * get(w, median), w) for w, n in counts.items()])]


def keywords_from_words(words: list[str], top_k: int = 8) -> list[str]:
    """jieba.analyse.extract_tags' scoring over words already cut (two or more characters, no stop words)."""
    idf, median = idf_table()
    get = idf.get
    scored = [
        (n * get(w, median), w)
        for w, n in Counter(words).items()
        if len(w) >= 2 and w not in _STOP and not w.isascii() and w.strip() == w
    ]
    return [w for _, w in heapq.nlargest(top_k, scored)]
