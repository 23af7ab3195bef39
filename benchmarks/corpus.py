"""A deterministic generator of realistic Chinese news articles, written as JSON Lines for `newsbot ingest`.

The vocabulary is jieba's own dictionary (``jieba/dict.txt``: word, frequency, part of speech) and words
are drawn at their dictionary frequencies, by part of speech, into clause patterns of news prose
(subject, adverb, verb, object, 的-phrases, numbers with measure words, dates), with Chinese punctuation,
2-4 sentences per paragraph and about 500 characters per article. Each article has a few topic words, a
place (``ns``) and people: names from the dictionary (``nr``) or composed from a surname and given-name
characters, which jieba does not know (as in real local news). Dates are spread over 2021-2024.

The corpus is made of shards of `SHARD` articles; shard ``i`` depends only on ``(seed, i)``, so the
1,000-article corpus is the first shard of the 10,000 one. Shards are cached as
``benchmarks/.cache/corpus-v1-seed<seed>/part-<i>.jsonl`` (written atomically, never regenerated).

    python -m benchmarks.corpus 10000        # writes the shards, prints their paths
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

SEED = 20230406
SHARD = 1000
VERSION = 1  # bump when the generator's output changes (the cache directory is keyed on it)
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
FIRST_DAY = date(2021, 1, 1)
DAYS = (date(2024, 12, 31) - FIRST_DAY).days + 1
SOURCES = ("二七报", "郑州日报", "郑州晚报", "大河报", "河南日报")

_HAN = re.compile(r"^[\u4e00-\u9fff]+$")

# Common surnames with rough relative frequencies, and characters common in given names.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉力鹏飞宇浩然子轩雨欣梓涵一诺佳怡晨阳志强海燕红梅"
    "玉兰春生永胜德福庆荣新民卫东金凤丹丹晓东振华少华学军俊杰思远博文嘉豪"
)
OFF_TOPIC = ("NBA季后赛", "iPhone 15", "ChatGPT", "比特币挖矿", "量子纠缠")


@dataclass(frozen=True)
class WordClass:
    words: tuple[str, ...]
    cum: tuple[float, ...]  # cumulative weights, for random.choices

    def __len__(self) -> int:
        return len(self.words)


@dataclass(frozen=True)
class Vocabulary:
    classes: dict[str, WordClass]
    freq: dict[str, int]  # every Han word of the dictionary -> frequency
    pos: dict[str, str]  # word -> part of speech

    def names(self) -> frozenset[str]:
        return frozenset(self.classes["NR"].words)

    def places(self) -> frozenset[str]:
        return frozenset(self.classes["NS"].words)


def dict_path() -> Path:
    import jieba

    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _class(pairs: Sequence[tuple[str, float]]) -> WordClass:
    words = tuple(w for w, _ in pairs)
    return WordClass(words, tuple(accumulate(f for _, f in pairs)))


@lru_cache(maxsize=2)
def load_vocabulary(path: str | None = None) -> Vocabulary:
    """Words of jieba's dictionary grouped into the classes the clause patterns use."""
    by_pos: dict[str, list[tuple[str, int]]] = {}
    freq: dict[str, int] = {}
    pos_of: dict[str, str] = {}
    with open(path or dict_path(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) != 3 or not _HAN.match(parts[0]):
                continue
            word, f, pos = parts[0], int(parts[1]), parts[2]
            freq[word] = f
            pos_of[word] = pos
            by_pos.setdefault(pos, []).append((word, f))

    def pick(tags: str, lo: int = 1, hi: int = 4, min_freq: int = 1) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        for tag in tags.split():
            out.extend((w, f) for w, f in by_pos.get(tag, ()) if lo <= len(w) <= hi and f >= min_freq)
        out.sort(key=lambda wf: (-wf[1], wf[0]))
        return out

    nouns = pick("n vn", 1, 4)
    topic = [(w, f**0.5) for w, f in pick("n vn nz", 2, 4, min_freq=5)]
    classes = {
        "N": _class(nouns),
        "TOPIC": _class(topic),
        "V": _class(pick("v", 1, 3)),
        "A": _class(pick("a", 1, 2)),
        "D": _class(pick("d", 1, 2)),
        "P": _class(pick("p", 1, 2)),
        "C": _class(pick("c", 1, 2)),
        "R": _class(pick("r", 1, 2)),
        "F": _class(pick("f", 1, 2)),
        "Q": _class(pick("q", 1, 1)),
        "T": _class(pick("t", 2, 3)),
        "NS": _class(pick("ns", 2, 4, min_freq=3)),
        "NT": _class(pick("nt", 3, 8)),
        "NR": _class(pick("nr nrfg", 2, 3, min_freq=3)),
        "SURNAME": _class([(s, by_pos_freq(freq, s)) for s in SURNAMES]),
    }
    return Vocabulary(classes, freq, pos_of)


def by_pos_freq(freq: dict[str, int], char: str) -> float:
    return float(max(freq.get(char, 1), 1)) ** 0.5


class Drawer:
    """Draws words from a `Vocabulary` with one `random.Random`, in buffered batches (same sequence)."""

    def __init__(self, vocab: Vocabulary, rng: random.Random) -> None:
        self.vocab = vocab
        self.rng = rng
        self._buffers: dict[str, list[str]] = {}

    def __call__(self, cls: str) -> str:
        buf = self._buffers.get(cls)
        if not buf:
            wc = self.vocab.classes[cls]
            buf = self.rng.choices(wc.words, cum_weights=wc.cum, k=256)
            self._buffers[cls] = buf
        return buf.pop()


# Clause patterns. S = subject, N = noun (often a topic word), M = number + measure word,
# X = a date phrase; the others are parts of speech (see `load_vocabulary`); a literal is kept as is.
_CLAUSES = (
    "S D V N",
    "S V 了 M N",
    "P S F S V A 的 N",
    "X S V N 的 N",
    "C S D V N",
    "S V N",
    "V A 的 N",
    "N 的 N D A",
    "S 对 N V 了 A 的 N",
    "D V N 和 N",
    "S 在 NS V N",
    "M N V A",
    "R D V N",
    "S 把 N V 到 N F",
)
_SPLITS = tuple(tuple(p.split()) for p in _CLAUSES)
_CLAUSE_CUM = tuple(accumulate((6, 4, 2, 2, 2, 5, 3, 2, 1, 2, 2, 2, 3, 1)))


@dataclass
class Topic:
    words: tuple[str, ...]
    place: str
    people: tuple[str, ...]
    org: str
    day: date


class ArticleWriter:
    def __init__(self, vocab: Vocabulary, rng: random.Random) -> None:
        self.rng = rng
        self.draw = Drawer(vocab, rng)

    def person(self) -> str:
        rng = self.rng
        if rng.random() < 0.4:
            return self.draw("NR")
        surname = self.draw("SURNAME")
        return surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))

    def number(self) -> str:
        rng = self.rng
        n = rng.choice((rng.randint(2, 12), rng.randint(10, 99), rng.randint(100, 9999)))
        extra = rng.choice(("", "", "", "余", "多"))
        return f"{n}{extra}{self.draw('Q')}"

    def subject(self, t: Topic) -> str:
        r = self.rng.random()
        if r < 0.25:
            return t.place
        if r < 0.4:
            return self.rng.choice(t.people)
        if r < 0.5:
            return t.org
        if r < 0.65:
            return self.draw("R")
        return self.noun(t)

    def noun(self, t: Topic) -> str:
        if self.rng.random() < 0.3:
            return self.rng.choice(t.words)
        return self.draw("N")

    def date_phrase(self, t: Topic) -> str:
        d = t.day - timedelta(days=self.rng.randint(0, 6))
        return self.rng.choice((f"{d.month}月{d.day}日", f"{d.year}年{d.month}月{d.day}日", self.draw("T")))

    def clause(self, t: Topic) -> str:
        pattern = self.rng.choices(_SPLITS, cum_weights=_CLAUSE_CUM)[0]
        out: list[str] = []
        for slot in pattern:
            if slot == "S":
                out.append(self.subject(t))
            elif slot == "N":
                out.append(self.noun(t))
            elif slot == "M":
                out.append(self.number())
            elif slot == "X":
                out.append(self.date_phrase(t) + "，")
            elif slot == "NS":
                out.append(t.place if self.rng.random() < 0.6 else self.draw("NS"))
            elif slot in self.draw.vocab.classes:
                out.append(self.draw(slot))
            else:
                out.append(slot)
        return "".join(out)

    def sentence(self, t: Topic) -> str:
        rng = self.rng
        n = rng.choice((1, 2, 2, 2, 3, 3, 4))
        parts = [self.clause(t) for _ in range(n)]
        if rng.random() < 0.08:
            speaker = rng.choice(t.people)
            return f"{speaker}{rng.choice(('表示', '说', '介绍'))}：“{'，'.join(parts)}。”"
        text = "，".join(parts)
        if rng.random() < 0.1:
            items = "、".join(self.noun(t) for _ in range(rng.randint(2, 4)))
            text += f"，包括{items}等"
        end = rng.choices(("。", "；", "！", "？"), cum_weights=(90, 95, 98, 100))[0]
        return text + end

    def title(self, t: Topic) -> str:
        rng = self.rng
        w = t.words
        forms = (
            lambda: f"{t.place}{self.draw('V')}{w[0]}{w[1]}",
            lambda: f"{t.place}：{self.draw('V')}{self.draw('A')}{w[0]}",
            lambda: f"{t.people[0]}{self.draw('V')}{w[0]}{self.draw('N')}",
            lambda: f"{w[0]}{self.draw('V')}{w[2]} {t.place}{self.draw('V')}{w[1]}",
            lambda: f"{t.org}{self.draw('V')}{w[1]}",
        )
        return rng.choice(forms)()[:30]

    def article(self, source_index: int) -> dict[str, str]:
        rng = self.rng
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        topic = Topic(
            words=tuple(self.draw("TOPIC") for _ in range(3)),
            place=self.draw("NS"),
            people=tuple(self.person() for _ in range(rng.randint(1, 3))),
            org=self.draw("NT"),
            day=day,
        )
        target = min(max(int(rng.gauss(470, 70)), 300), 720)
        paragraphs: list[str] = []
        length = 0
        first = ""
        if rng.random() < 0.4:
            first = f"本报讯（记者 {self.person()} 通讯员 {self.person()}）"
        if rng.random() < 0.6:
            first += f"{day.month}月{day.day}日，"
        while length < target:
            para = first + "".join(self.sentence(topic) for _ in range(rng.randint(2, 4)))
            first = ""
            paragraphs.append(para)
            length += len(para)
        return {
            "title": self.title(topic),
            "body": "\n".join(paragraphs),
            "date": day.isoformat(),
            "source": SOURCES[source_index % len(SOURCES)] if rng.random() < 0.9 else rng.choice(SOURCES),
        }


def generate_shard(shard: int, *, seed: int = SEED, count: int = SHARD) -> list[dict[str, str]]:
    """The first `count` articles of shard `shard` (depends only on seed and shard)."""
    rng = random.Random(f"newsbot-corpus:{seed}:{shard}")
    writer = ArticleWriter(load_vocabulary(), rng)
    return [writer.article(shard * SHARD + i) for i in range(count)]


def iter_articles(n: int, *, seed: int = SEED) -> Iterator[dict[str, str]]:
    for shard in range((n + SHARD - 1) // SHARD):
        yield from generate_shard(shard, seed=seed, count=min(SHARD, n - shard * SHARD))


def to_jsonl(records: Sequence[dict[str, str]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def corpus_dir(seed: int = SEED, cache_dir: Path = CACHE_DIR) -> Path:
    return cache_dir / f"corpus-v{VERSION}-seed{seed}"


def corpus_paths(n: int, *, seed: int = SEED, cache_dir: Path = CACHE_DIR, log=None) -> list[Path]:
    """JSONL files holding the first `n` articles, generated into the cache where missing."""
    directory = corpus_dir(seed, cache_dir)
    directory.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for shard in range((n + SHARD - 1) // SHARD):
        count = min(SHARD, n - shard * SHARD)
        name = f"part-{shard:05d}.jsonl" if count == SHARD else f"head-{shard:05d}-{count}.jsonl"
        path = directory / name
        if not path.exists():
            if log:
                log(f"generating {path.name}")
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(to_jsonl(generate_shard(shard, seed=seed, count=count)), encoding="utf-8")
            os.replace(tmp, path)
        paths.append(path)
    return paths


def read_records(paths: Sequence[Path]) -> Iterator[dict[str, str]]:
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def main(argv: list[str]) -> None:
    n = int(argv[0]) if argv else SHARD
    for path in corpus_paths(n, log=lambda m: print(m, file=sys.stderr)):
        print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
