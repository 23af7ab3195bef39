"""Put a page's fragments back together: the joining step of the OCR page parser.

An OCR engine reads a broadsheet block by block, so a story's text is cut where a column block ends and
goes on after another story's block. The segmenter gives each block to the story read just before it;
this step looks at the whole page and moves a block to the story it continues: the one whose words,
names, places and numbers it repeats (character pairs weighted by how few stories hold them), with the
seam as a tie-breaker (the pair of characters across the join seen elsewhere on the page, a sentence left
open before it). Position alone never moves a block; a block that fits its own story as well stays.

Pure: blocks of text in, a list of `Move`s out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_RUN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+|[0-9]+")
_SENTENCE_END_RE = re.compile("[。！？!?…][”’」』）)》]*$")

# A block needs this many Han characters to be judged by its words.
MIN_BLOCK_CHARS = 12
# A block moves when another story holds clearly more of its words than its own story does.
MOVE_MARGIN = 0.12
MOVE_RATIO = 1.5
# How much a plausible seam adds to a story's claim on a block.
SEAM_WEIGHT = 0.15


@dataclass(frozen=True)
class Move:
    """Block `block` of story `source` goes to story `target` (indices into the page's stories)."""

    source: int
    block: int
    target: int
    own: float  # how much of the block its own story holds
    fit: float  # how much the target holds, seam included
    seam: str  # the characters either side of the join in the target, ``…的|张晓松…``


def pairs(text: str) -> set[str]:
    """Character pairs of the Han and digit runs of a text: its words, names, places and numbers."""
    out: set[str] = set()
    for run in _RUN_RE.findall(text):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def plan_moves(stories: Sequence[Sequence[str]]) -> list[Move]:
    """Which blocks (each story's text cut at blank lines, blocks in page order) go to another story.

    A story's first block (its dateline or lead) never moves; the others go where their words are.
    """
    texts = [_squash("".join(blocks)) for blocks in stories]
    story_pairs = [pairs(text) for text in texts]
    document_frequency: Counter[str] = Counter()
    for held in story_pairs:
        document_frequency.update(held)
    n = len(stories)
    if n < 2:
        return []

    def weight(token: str) -> float:
        return math.log((n + 1) / (document_frequency[token] + 0.5)) + 0.1

    all_text = "|".join(_squash(block) for blocks in stories for block in blocks)  # no pair across blocks
    moves: list[Move] = []
    for source, blocks in enumerate(stories):
        for index, block in enumerate(blocks):
            if index == 0:
                continue
            text = _squash(block)
            if len(_HAN_RE.findall(text)) < MIN_BLOCK_CHARS:
                continue
            mine = pairs(text)
            total = sum(weight(t) for t in mine)
            if not total:
                continue
            rest_of_source = pairs(_squash("".join(b for k, b in enumerate(blocks) if k != index)))
            scores = []
            for target in range(n):
                held = rest_of_source if target == source else story_pairs[target]
                scores.append(sum(weight(t) for t in mine if t in held) / total)
            own = scores[source] + SEAM_WEIGHT * _seam(_squash(blocks[index - 1]), text, all_text)
            best, best_fit, best_seam = source, own, ""
            for target in range(n):
                if target == source:
                    continue
                before = _squash(stories[target][-1]) if stories[target] else ""
                seam_bonus = _seam(before, text, all_text)
                if not seam_bonus:
                    continue  # the target's text ended its sentence: nothing there to continue
                fit = scores[target] + SEAM_WEIGHT * seam_bonus
                if fit > best_fit:
                    best, best_fit, best_seam = target, fit, f"{before[-4:]}|{text[:4]}"
            if best != source and best_fit >= own + MOVE_MARGIN and best_fit >= MOVE_RATIO * own:
                moves.append(Move(source, index, best, own, best_fit, best_seam))
    return moves


def _seam(before: str, after: str, page: str) -> float:
    """How well `after` reads on from `before`: 1 for a sentence left open whose seam pair the page
    uses elsewhere, less for either alone, 0 when `before` ended its sentence."""
    if not before or _SENTENCE_END_RE.search(before):
        return 0.0
    score = 0.5
    left = _HAN_RE.findall(before[-2:])
    right = _HAN_RE.findall(after[:2])
    if left and right and page.count(left[-1] + right[0]) > 0:
        score += 0.5
    if before[-1:].isdigit() and after[:1].isdigit():
        score += 0.5  # a number the column cut (``20`` / ``22年``)
    return min(score, 1.0)
