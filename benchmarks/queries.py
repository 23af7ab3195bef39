"""Benchmark queries, derived deterministically from the corpus's first shard (present in every size).

Each `Query` has the text a newsbot user types and the `terms` a user of a baseline would search for
instead (what a ``LIKE '%…%'`` or a trigram ``MATCH`` is given: the question's subject, not the question).
The same queries run at every corpus size, so latencies are comparable across sizes.
"""

from __future__ import annotations

import logging
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.corpus import OFF_TOPIC, Vocabulary

CLASSES = ("common", "rare", "name", "two_words", "phrase", "question", "off_topic")
CLASS_LABELS = {
    "common": "common word",
    "rare": "rare word",
    "name": "name",
    "two_words": "two words",
    "phrase": "quoted phrase",
    "question": "question",
    "off_topic": "off-topic",
}

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_SPEAKER = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:表示|说|介绍)：“")
_BYLINE = re.compile(r"记者 ([\u4e00-\u9fff]{2,4}) 通讯员 ([\u4e00-\u9fff]{2,4})）")


@dataclass(frozen=True)
class Query:
    cls: str
    text: str  # what newsbot is asked
    terms: tuple[str, ...]  # what the baselines are asked (all must occur)


def _doc(record: dict[str, str]) -> str:
    return record["title"] + "\n" + record["body"]


def _dict_words(text: str, vocab: Vocabulary) -> Counter[str]:
    """Occurrences of the dictionary words of two or more characters that jieba cuts `text` into."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return Counter(w for w in jieba.cut(text) if len(w) >= 2 and w in vocab.freq)


def _place_and_noun(record: dict[str, str], vocab: Vocabulary) -> tuple[str, str] | None:
    counts = _dict_words(_doc(record), vocab)
    places = vocab.places()
    topic = set(vocab.classes["TOPIC"].words)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    place = next((w for w, _ in ranked if w in places), None)
    noun = next(
        (w for w, _ in ranked if w in topic and w != place and (place is None or w not in place)), None
    )
    if place is None or noun is None:
        return None
    return place, noun


def derive_queries(
    records: Sequence[dict[str, str]], vocab: Vocabulary, *, per_class: int = 5, seed: int = 7
) -> list[Query]:
    """`per_class` queries of each class in `CLASSES`, from `records` (the corpus's first shard)."""
    rng = random.Random(seed)
    docs = [_doc(r) for r in records]
    out: list[Query] = []

    # common: the two-character nouns found in the most articles.
    candidates = [w for w in vocab.classes["N"].words[:400] if len(w) == 2]
    df = {w: sum(1 for d in docs if w in d) for w in candidates}
    for w in sorted(candidates, key=lambda w: (-df[w], w))[:per_class]:
        out.append(Query("common", w, (w,)))

    def sample() -> dict[str, str]:
        return records[rng.randrange(len(records))]

    # rare: in a random article, the word (jieba's cut, 2+ chars) with the lowest dictionary frequency.
    seen: set[str] = set()
    while sum(q.cls == "rare" for q in out) < per_class:
        counts = _dict_words(_doc(sample()), vocab)
        word = min(counts, key=lambda w: (vocab.freq[w], w), default=None)
        if word and word not in seen:
            seen.add(word)
            out.append(Query("rare", word, (word,)))

    # name: a person quoted or credited in a random article (often a name jieba does not know).
    while sum(q.cls == "name" for q in out) < per_class:
        doc = _doc(sample())
        names = _SPEAKER.findall(doc) + [n for pair in _BYLINE.findall(doc) for n in pair]
        names = [n for n in names if n not in seen]
        if names:
            name = names[rng.randrange(len(names))]
            seen.add(name)
            out.append(Query("name", name, (name,)))

    # two words: the place and the topic noun of a random article.
    while sum(q.cls == "two_words" for q in out) < per_class:
        pair = _place_and_noun(sample(), vocab)
        if pair and " ".join(pair) not in seen:
            seen.add(" ".join(pair))
            out.append(Query("two_words", " ".join(pair), pair))

    # quoted phrase: five consecutive Han characters of a random article, in double quotes.
    while sum(q.cls == "phrase" for q in out) < per_class:
        runs = [r for r in _HAN_RUN.findall(sample()["body"]) if len(r) >= 5]
        if runs:
            run = runs[rng.randrange(len(runs))]
            start = rng.randrange(len(run) - 4)
            phrase = run[start : start + 5]
            out.append(Query("phrase", f'"{phrase}"', (phrase,)))

    # question: a natural question about a random article's place and topic.
    forms = (
        "{p}的{n}怎么样了？",
        "{p}{n}有什么新进展？",
        "最近{p}有哪些关于{n}的消息？",
        "{p}的{n}是怎么回事？",
    )
    while sum(q.cls == "question" for q in out) < per_class:
        pair = _place_and_noun(sample(), vocab)
        if pair:
            form = forms[sum(q.cls == "question" for q in out) % len(forms)]
            out.append(Query("question", form.format(p=pair[0], n=pair[1]), pair))

    # off-topic: things a local-news archive does not cover.
    for text in OFF_TOPIC[:per_class]:
        out.append(Query("off_topic", text, tuple(text.split())))
    return out
