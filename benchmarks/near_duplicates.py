"""Near-duplicate detection on real news: how often distinct stories would be merged, how often reposts
of one story are recognised, and what it costs.

    python -m benchmarks.near_duplicates [--quick] [--json PATH]

Material: the CCTV 《新闻联播》 transcripts of `benchmarks.realnews` (21,321 stories, 2022–2026), which
nobody here wrote, each text once (word-for-word rebroadcasts are dropped), compared as if every story came
from a different source (newsbot never merges two articles of one source, so this is the harder case).
Every story is a distinct story, so any pair the detector would merge (resemblance at
least `THRESHOLD`, dates at most `DAYS_APART` apart) is a false merge. Reposts are made from real stories
the way other outlets rewrite a wire copy: a dateline and an editor's line added, the last paragraph dropped,
the first paragraph dropped, a sentence in four replaced by one from another story, only the first half
kept. Candidates are found as the database finds them (stories sharing a lookup key), then confirmed by
their sketches. The store cost is measured through `storage.database.duplicates.store_sketches` on a real
SQLite file.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from benchmarks.realnews import Story, load_stories
from storage.database.connection import open_db
from storage.database.duplicates import store_sketches
from storage.database.writing import write_transaction
from storage.models import ParsedArticle
from storage.records.articles import fingerprint, upsert_articles
from storage.text import neardup

_SENTENCE = re.compile(r"(?<=[。！？])")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def variants(story: Story, donor: Story, rng: random.Random) -> dict[str, str]:
    """Reposts of `story` as other outlets write them (`donor` lends a sentence)."""
    paragraphs = [p for p in story.paragraphs if p.strip()]
    body = "\n".join(paragraphs)
    sentences = _sentences(body)
    donor_sentences = _sentences(donor.body) or ["另据报道，相关工作正在推进。"]
    replaced = [rng.choice(donor_sentences) if i % 4 == 3 else s for i, s in enumerate(sentences)]
    return {
        "dateline_and_editor": "本报北京电（记者 王宁）" + body + "\n（责任编辑：刘芳）",
        "last_paragraph_dropped": "\n".join(paragraphs[:-1])
        if len(paragraphs) > 1
        else body[: len(body) * 3 // 4],
        "first_paragraph_dropped": "\n".join(paragraphs[1:])
        if len(paragraphs) > 1
        else body[len(body) // 4 :],
        "one_sentence_in_four_replaced": "".join(replaced),
        "first_half_only": body[: len(body) // 2],
    }


def _close(a: str, b: str) -> bool:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= neardup.DAYS_APART


def false_merges(stories: Sequence[Story]) -> tuple[int, int, list[tuple[float, str, str]]]:
    """Pairs of distinct stories the detector would merge: (pairs, stories compared, the worst few)."""
    sketches = [neardup.sketch(s.body) for s in stories]
    buckets: dict[int, list[int]] = defaultdict(list)
    for i, sk in enumerate(sketches):
        if sk:
            for key in neardup.keys(sk):
                buckets[key].append(i)
    merged: list[tuple[float, str, str]] = []
    for i, sk in enumerate(sketches):
        if not sk:
            continue
        others = {j for key in neardup.keys(sk) for j in buckets[key] if j > i}
        for j in others:
            other = sketches[j]
            if other is None or not _close(stories[i].date, stories[j].date):
                continue
            score = neardup.resemblance(sk, other)
            if score >= neardup.THRESHOLD:
                merged.append((score, stories[i].title, stories[j].title))
    merged.sort(reverse=True)
    return len(merged), sum(1 for s in sketches if s), merged[:5]


def recall(stories: Sequence[Story], rng: random.Random) -> dict[str, float]:
    """Share of reposts recognised as their story, per kind of rewrite."""
    hits: dict[str, int] = defaultdict(int)
    tried: dict[str, int] = defaultdict(int)
    for story in stories:
        original = neardup.sketch(story.body)
        if original is None:
            continue
        donor = rng.choice(stories)
        for kind, text in variants(story, donor, rng).items():
            sk = neardup.sketch(text)
            tried[kind] += 1
            # Found as the database finds it: a shared lookup key, then the sketch comparison.
            if (
                sk
                and set(neardup.keys(sk)) & set(neardup.keys(original))
                and neardup.same_story(sk, original)
            ):
                hits[kind] += 1
    return {kind: round(hits[kind] / tried[kind], 4) for kind in tried}


def store_cost(stories: Sequence[Story]) -> dict[str, float]:
    """Milliseconds per article for sketching and for storing sketches and finding clusters in SQLite."""
    started = time.perf_counter()
    sketches = [neardup.sketch(s.body) for s in stories]
    sketch_ms = (time.perf_counter() - started) * 1000 / len(stories)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "bench.db")
        with write_transaction(db):
            stored = upsert_articles(
                db,
                [
                    ParsedArticle(title=s.title, paragraphs=tuple(s.paragraphs), date=s.date, source="cctv")
                    for s in stories
                ],
            )
        ids = stored.new_ids
        started = time.perf_counter()
        with write_transaction(db):
            store_sketches(db, dict(zip(ids, sketches, strict=True)))
        store_ms = (time.perf_counter() - started) * 1000 / len(ids)
        clustered = db.execute("SELECT count(*) FROM articles WHERE cluster IS NOT NULL").fetchone()[0]
        db.close()
    return {
        "sketch_ms_per_article": round(sketch_ms, 3),
        "store_ms_per_article": round(store_ms, 3),
        "clustered": clustered,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 stories instead of all")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--threshold", type=float, help=f"resemblance threshold to try (default {neardup.THRESHOLD})"
    )
    args = parser.parse_args(argv)
    if args.threshold is not None:
        neardup.THRESHOLD = args.threshold
    rng = random.Random(13)
    # The corpus repeats a few stories word for word (rebroadcasts): those are true duplicates, kept once.
    unique: dict[str, Story] = {}
    for story in load_stories():
        key = fingerprint(story.body)
        if story.body.strip() and key not in unique:
            unique[key] = story
    stories = list(unique.values())
    if args.quick:
        stories = rng.sample(stories, 2000)
    pairs, compared, worst = false_merges(stories)
    sample = rng.sample(stories, min(1000 if args.quick else 3000, len(stories)))
    figures: dict[str, object] = {
        "stories": len(stories),
        "with_sketch": compared,
        "false_merge_pairs": pairs,
        "false_merges_per_1000_stories": round(pairs * 1000 / max(1, compared), 3),
        "worst_false_merges": [{"resemblance": round(s, 2), "a": a, "b": b} for s, a, b in worst],
        "recall": recall(sample, rng),
        "cost": store_cost(stories[: 2000 if args.quick else 10000]),
        "threshold": neardup.THRESHOLD,
        "days_apart": neardup.DAYS_APART,
    }
    print(json.dumps(figures, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
