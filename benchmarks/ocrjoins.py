"""Where the tuned OCR'd pages' failing stories went wrong, block by block: a diagnostic of the joining step.

    python -m benchmarks.ocrjoins [--set NAME ...] [--pages]

For each story of a tuned OCR'd set (`benchmarks.ocrpages` seeds 1, 3, 4 and fresh seed 5; `benchmarks.ocrweb` seeds 1
and 4; `benchmarks.ocrwebcity`: never a held-out or untuned set) that is not whole, the page's blocks (runs of lines between
blank lines, as the parser numbers them) are given to the printed stories by their character pairs
(the one holding at least half of a block's pairs; a block under 8 Han characters or holding none is a
headline, a caption or noise), and the parsed story the scoring matched to it is read block by block:

- **spread**: how many blocks the printed story's text is in, and how many of them the segmenter left
  in one story with its opening (before any joining);
- **missing**: its blocks in another parsed story (which printed story that one is), or in none and
  not read as a headline (dropped);
- **foreign**: blocks of another printed story, or of no story's text (a headline, a caption, noise),
  in its body;
- **mixed**: blocks that hold two stories' text at once (lines read across columns);
- **order**: its own blocks all there, nothing foreign, yet in another order than printed.

Each failing story gets one cause, the first that applies: title only (the body whole), a block of
another story inside the body, a block of its own in another story, a block of its own dropped, a
mixed block, noise inside the body, blocks out of order, or lines (the blocks are right; a line inside
one is wrong). `--pages` prints each failing story's blocks. Figures only, nothing here is tuned on.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass

from benchmarks import ocrpages, ocrweb, ocrwebcity
from benchmarks.ocrpages import OcrPage, _bigrams, _ratio, _squash, score_page
from storage.ingest.ocr_page import _parse
from storage.ingest.page_line_split import _split_lines
from storage.ingest.page_segmenter import _segment

_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
# A block is a printed story's when it holds at least this share of its character pairs; two stories'
# when the second holds at least `MIXED_SHARE` too.
OWN_SHARE = 0.5
MIXED_SHARE = 0.3
MIN_HAN = 8

CAUSES = (
    "title only",
    "another story's block inside",
    "own block in another story",
    "own block dropped",
    "mixed block",
    "noise inside",
    "order",
    "lines",
)


@dataclass
class Block:
    lines: list[int]  # internal line numbers
    text: str
    owner: int | None  # printed story, None for a headline, caption or noise
    mixed: bool


def blocks_of(page: OcrPage) -> list[Block]:
    lines, _file_lines = _split_lines(page.text)
    runs: list[list] = []
    for line in lines:
        if line.blank_before or not runs:
            runs.append([])
        runs[-1].append(line)
    grams = [_bigrams(t.body) for t in page.truth]
    out = []
    for run in runs:
        text = _squash("".join(line.text for line in run))
        mine = _bigrams(text)
        owner, mixed = None, False
        if len(_HAN_RE.findall(text)) >= MIN_HAN and mine:
            shares = sorted(((len(mine & g) / len(mine), k) for k, g in enumerate(grams)), reverse=True)
            if shares[0][0] >= OWN_SHARE:
                owner = shares[0][1]
            mixed = len(shares) > 1 and shares[1][0] >= MIXED_SHARE and shares[0][0] < 0.8
        out.append(Block([line.number for line in run], text, owner, mixed))
    return out


def matched(page: OcrPage, bodies: list[str]) -> list[int | None]:
    """The parsed story the scoring compares with each printed one (`ocrpages.score_page`'s order)."""
    used: set[int] = set()
    out: list[int | None] = []
    for truth in page.truth:
        grams = _bigrams(truth.body)
        candidates = sorted(
            (k for k in range(len(bodies)) if k not in used), key=lambda k: -len(_bigrams(bodies[k]) & grams)
        )
        out.append(candidates[0] if candidates else None)
        if candidates:
            used.add(candidates[0])
    return out


def _where(stories: list, number: int) -> int | None:
    for k, story in enumerate(stories):
        if any(line.number == number for line in story.lines):
            return k
    return None


def diagnose(page: OcrPage) -> list[dict]:
    blocks = blocks_of(page)
    articles, cut = _parse(page.text, year=page.year, page_date=None, source=None, origin_file=None)
    assert cut is not None
    stories = cut.stories
    bodies = [_squash("".join(a.paragraphs)) for a in articles]
    lines, _ = _split_lines(page.text)
    segmented = _segment(lines).stories
    # Lines read as a headline (a printed story's headline shares its words, so its block is its own).
    headed = {line.number for _gap, group in cut.gap_groups for line in group}
    scores = score_page(page)
    out = []
    for t, (k, (whole, span, wrong)) in enumerate(zip(matched(page, bodies), scores, strict=True)):
        if whole:
            continue
        own = [b for b in blocks if b.owner == t]
        place = [_where(stories, b.lines[0]) if k is not None else None for b in own]
        # Which parsed story holds each block, and the printed story that parsed story was matched to.
        truth_of_story = {s: u for u, s in enumerate(matched(page, bodies)) if s is not None}
        elsewhere = [
            (b, truth_of_story.get(p)) for b, p in zip(own, place, strict=True) if p is not None and p != k
        ]
        dropped = [b for b, p in zip(own, place, strict=True) if p is None and b.lines[0] not in headed]
        inside = [b for b in blocks if k is not None and _where(stories, b.lines[0]) == k]
        foreign = [b for b in inside if b.owner is not None and b.owner != t]
        noise = [b for b in inside if b.owner is None and len(_HAN_RE.findall(b.text)) >= 4]
        mixed = [b for b in own + inside if b.mixed]
        # The segmenter's stories: how many of the blocks were with the block opening the story.
        seg_place = [_where(segmented, b.lines[0]) for b in own]
        seg_home = Counter(p for p in seg_place if p is not None).most_common(1)
        seg_together = seg_home[0][1] if seg_home else 0
        body_ok = "body" not in wrong
        # Order: the own blocks in the story, in the story's line order, against where each is printed.
        positions = []
        truth_body = page.truth[t].body
        for b in own:
            if _where(stories, b.lines[0]) == k:
                at = truth_body.find(b.text[:12])
                positions.append(at)
        out_of_order = any(a > b for a, b in zip(positions, positions[1:], strict=False) if a >= 0 and b >= 0)
        if body_ok:
            cause = "title only" if "title" in wrong else "lines"
        elif foreign:
            cause = "another story's block inside"
        elif elsewhere:
            cause = "own block in another story"
        elif dropped:
            cause = "own block dropped"
        elif mixed:
            cause = "mixed block"
        elif noise:
            cause = "noise inside"
        elif out_of_order:
            cause = "order"
        else:
            cause = "lines"
        out.append(
            {
                "page": page.key,
                "story": t,
                "title": page.truth[t].title,
                "wrong": wrong,
                "span": span,
                "blocks": len(own),
                "segmenter_together": seg_together,
                "elsewhere": [(b.text[:16], u) for b, u in elsewhere],
                "dropped": [b.text[:16] for b in dropped],
                "foreign": [(b.text[:16], b.owner) for b in foreign],
                "noise": [b.text[:16] for b in noise],
                "mixed": [b.text[:16] for b in mixed],
                "cause": cause,
                "ratio": round(_ratio(bodies[k], truth_body), 2) if k is not None else 0.0,
            }
        )
    return out


SETS = {
    **{name: ("pil", seed, count) for name, seed, count in ocrpages.TUNED_SETS},
    ocrpages.FRESH_TUNING[0]: ("pil", ocrpages.FRESH_TUNING[1], ocrpages.FRESH_TUNING[2]),
    ocrweb.TUNING[0]: ("web", ocrweb.TUNING[1], ocrweb.TUNING[2]),
    ocrweb.TUNING2[0]: ("web", ocrweb.TUNING2[1], ocrweb.TUNING2[2]),
    ocrwebcity.TUNED[0]: ("webcity", ocrwebcity.TUNED[1], ocrwebcity.TUNED[2]),
}


def pages_of(name: str) -> list[OcrPage]:
    kind, seed, count = SETS[name]
    makers = {"web": ocrweb.make_pages, "webcity": ocrwebcity.make_pages, "pil": ocrpages.make_pages}
    return makers[kind](count, seed)


def page_map(page: OcrPage) -> list[str]:
    """Each parsed story's blocks in order, each by the printed story it is from (``.`` for none, ``h``
    for a headline line), and its title: where stories were merged, split or traded."""
    blocks = blocks_of(page)
    owner = {number: b.owner for b in blocks for number in b.lines}
    first = {b.lines[0] for b in blocks}
    articles, cut = _parse(page.text, year=page.year, page_date=None, source=None, origin_file=None)
    assert cut is not None
    out = []
    for article, story in zip(articles, cut.stories, strict=True):
        marks = []
        for line in story.lines:
            if line.number in first or line.blank_before:
                o = owner.get(line.number)
                marks.append("." if o is None else str(o))
        out.append(f"    [{' '.join(marks)}] {article.title[:20]}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=sorted(SETS), help="a tuned set (default: all)")
    parser.add_argument("--pages", action="store_true", help="print each failing story's blocks")
    args = parser.parse_args(argv)
    total: Counter[str] = Counter()
    for name in args.set or list(SETS):
        pages = pages_of(name)
        rows = [row for page in pages for row in diagnose(page)]
        causes = Counter(row["cause"] for row in rows)
        total.update(causes)
        spread = Counter(min(row["blocks"], 6) for row in rows)
        print(
            f"{name}: {len(rows)} failing; causes "
            + ", ".join(f"{c} {causes[c]}" for c in CAUSES if causes[c])
        )
        print(
            "  blocks per failing story: "
            + ", ".join(f"{k}{'+' if k == 6 else ''}: {v}" for k, v in sorted(spread.items()))
        )
        if args.pages:
            shown = set()
            for row in rows:
                if row["page"] not in shown:
                    shown.add(row["page"])
                    page = next(p for p in pages if p.key == row["page"])
                    print(
                        f"  {page.key}: "
                        + " | ".join(f"{k}:{t.title[:10]}" for k, t in enumerate(page.truth))
                    )
                    print("\n".join(page_map(page)))
                print(
                    f"  {row['page']} #{row['story']} [{row['cause']}] {row['wrong']} "
                    f"{'span' if row['span'] else 'scattered'} blocks {row['blocks']} "
                    f"(segmenter together {row['segmenter_together']}) ratio {row['ratio']}: {row['title'][:24]}"
                )
                for label in ("foreign", "elsewhere", "dropped", "noise", "mixed"):
                    if row[label]:
                        print(f"      {label}: {row[label]}")
    print("all: " + ", ".join(f"{c} {total[c]}" for c in CAUSES if total[c]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
