"""Every block of a page read block by block given to its story at once: the chains of blocks.

An OCR engine reads a broadsheet block by block, so each story's text is a chain of blocks in the
page's reading order: its opening block, then the block its text goes on in, and so on. Every block but
a story's opening block has exactly one block it goes on from (the story's block read last before it),
and every block at most one that goes on from it. The page's stories are then a matching of block ends
to block starts, and this step chooses the whole matching at once (maximum weight, the Hungarian
method) instead of block by block: two blocks that both read on from one end, or a story's next block
taken by another story's open sentence, are weighed against each other over the page.

A pair (end, start) is weighed by:

- what print says about the join: a block that stops mid-sentence on a full line goes on in a block
  whose first line is full (no indent), how that join reads (three characters across it read elsewhere
  on the page, a word of the language across it, digits that go on, a bracket or quote it closes); a
  paragraph's short last line is followed by an indented first line; the other two combinations are
  what print rules out;
- what the start says: the share of its words, names, places and numbers (character pairs, weighted by
  how few blocks hold them) that the end's story holds elsewhere: its seed (its headline and opening
  block, the words it surely holds) and, less, its other blocks, so that a run of blocks left in the
  wrong story does not hold itself there;
- nothing by position alone but a tie-breaker for the block read right before the start, where print
  allows the join.

The story of an end is not known before the matching is made: the step starts from the stories as the
joiners left them, and matches again with the stories the matching made, until nothing changes (at
most `ROUNDS` times). A block leaves its story only for one that holds at least as many of its words,
never across a join print rules out, and never for a story its byline, end mark or closing note closed
before it. One exception to the words: a run of blocks read into the middle of a story's sentence (the
story's text stops inside a word, ``…表示希``, and the matching now joins it to a block of the same
story read after the run that completes the word, ``望能有机会…``) leaves that story with the run the
matching moves, however few of their words the run's blocks share with either story (a run of
blocks shares its words with itself, so they had held each other where the OCR read them). And one
brake: a block that opens with a speaker its story's seed alone names (``博纳表示，…`` in the story
whose dispatch names 博纳) stays in that story.

Pure: blocks in, each block's story out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storage.ingest.page_fragments import (
    _CLOSING_NOTE_END_RE,
    _HAN_RE,
    _SENTENCE_END_RE,
    Fragment,
    _PageGrams,
    _seam_reading,
    _squash,
    pairs,
    speaker_story,
    word_across,
)
from storage.text.segment import cut as words_of

# A block needs this many Han characters to be judged by its words.
MIN_WORDS_CHARS = 12
# What a start's words count for against the join's reading.
WORDS_WEIGHT = 6.0
# A join print expects (an open end, then a full first line) and how it reads.
OPEN_JOIN = 0.1
READING_WEIGHT = 0.5
LEXICON_WEIGHT = 0.5
# A paragraph's end, then an indented first line.
PARAGRAPH_JOIN = 0.1
# A join print rules out.
RULED_OUT = -0.15
# The block read right before the start, where print allows the join (position only breaks near-ties).
NEXT_BONUS = 0.3
# A block left without a block it goes on from stays with the story it held, at this cost.
UNMATCHED = -0.15
# A story opened by nothing (no headline, dateline or byline) may stay a story of its own at no cost.
OPENER = 0.0
# Blocks this far apart on the page (in blocks) are not joined.
WINDOW = 40
# Rounds of matching, each with the stories the one before made.
ROUNDS = 4
# A pair the step may not choose.
_FORBIDDEN = -1e9
# A block moves to another story only when that story holds at least this much more of its words.
MOVE_MARGIN = 0.0
# A run of blocks leaves a story whose sentence it cut where a word this strong (`word_across`) reads
# across the join the matching makes instead.
DISPLACED_WORD = 0.8
# A block whose words its story holds less than this share of does not stay there against a join that
# completes a word across the seam (`word_across` at least `DISPLACED_WORD`) into another story's
# sentence left open (``…进行更有`` / ``力、有效的打击。…``).
CLEAR_WORDS = 0.2
# How much of a start's words count in the story's seed (headline and opening block); the rest in its
# other blocks.
SEED_WEIGHT = 0.65


@dataclass(frozen=True)
class Link:
    """Block `start` goes on from block `end` (indices into the page's blocks, in reading order)."""

    end: int | None  # None: the block stayed where no match put it
    start: int
    weight: float
    words: float  # the share of the start's words its new story holds
    seam: str  # ``…的|张晓松…``
    cut: str = ""  # the word its run had cut in the sentence of the story it left (``希望``), if any
    across: str = ""  # the word that reads across the join into its new story (``有力``), if it moved by it


def hungarian(weights: Sequence[Sequence[float]]) -> list[int]:
    """The columns a maximum-weight assignment gives the rows (one column each, no column twice);
    rows may not outnumber columns. Kuhn–Munkres with potentials, O(rows² × columns)."""
    rows = len(weights)
    if not rows:
        return []
    columns = len(weights[0])
    top = max((abs(w) for row in weights for w in row if w > _FORBIDDEN / 2), default=0.0) + 1.0
    cost = [[(-w if w > _FORBIDDEN / 2 else top * 1e4) for w in row] for row in weights]
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (columns + 1)
    way = [0] * (columns + 1)
    match = [0] * (columns + 1)  # column → row (1-based), 0 for none
    for i in range(1, rows + 1):
        match[0] = i
        j0 = 0
        least = [inf] * (columns + 1)
        used = [False] * (columns + 1)
        while True:
            used[j0] = True
            i0 = match[j0]
            delta, j1 = inf, 0
            row = cost[i0 - 1]
            ui0 = u[i0]
            for j in range(1, columns + 1):
                if not used[j]:
                    current = row[j - 1] - ui0 - v[j]
                    if current < least[j]:
                        least[j] = current
                        way[j] = j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(columns + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    out = [-1] * rows
    for j in range(1, columns + 1):
        if match[j]:
            out[match[j] - 1] = j - 1
    return out


def _join_weight(
    end: Fragment, start: Fragment, end_text: str, start_text: str, grams: _PageGrams, skip: tuple[int, int]
) -> tuple[float, str]:
    """What print and the language say about `start` going on from `end`, and the seam as read."""
    seam = f"{end_text[-4:]}|{start_text[:4]}"
    if _CLOSING_NOTE_END_RE.search(end_text):
        return RULED_OUT, seam  # nothing reads on from a closing note
    inside = opens_inside_a_sentence(start_text)
    if _SENTENCE_END_RE.search(end_text):
        # The sentence ended there: what follows opens a paragraph, its first line indented.
        return (RULED_OUT if start.open_start or inside else PARAGRAPH_JOIN), seam
    if start.paragraph_start:
        return RULED_OUT, seam  # a sentence left open, then an indented first line
    reading = _seam_reading(end_text, start_text, grams, skip)
    _word, strength = word_across(end_text, start_text)
    base = OPEN_JOIN if end.open_end and (start.open_start or inside) else OPEN_JOIN / 2
    return base + READING_WEIGHT * reading + LEXICON_WEIGHT * strength, seam


# What no sentence or paragraph opens with: a mark that closes or goes on with a clause, or one of
# the particles that only follow a word (jieba reads them as a word of their own there).
_CLAUSE_MARKS = "，、。；：！？）》」』”’,.;:!?)"
_TRAILING_PARTICLES = frozenset("的了着地得们")


def opens_inside_a_sentence(text: str) -> bool:
    """Whether a block's text starts in the middle of a sentence whatever its first line's width: with a
    mark that closes or goes on with a clause (``，``, ``）``), or a particle that only follows a word
    (``的孩子春季学期…``; not ``的确``, ``了解``, ``地方``, which jieba reads as words)."""
    text = text.lstrip()
    if not text:
        return False
    if text[0] in _CLAUSE_MARKS:
        return True
    first = words_of(text[:8])
    return bool(first) and first[0] in _TRAILING_PARTICLES


class _Words:
    """How much of a block's words (character pairs weighted by how few blocks hold them) a story holds
    in its headline and its other blocks, the page's blocks labelled with their stories."""

    def __init__(
        self,
        block_pairs: Sequence[set[str]],
        totals: Sequence[float],
        wordy: Sequence[bool],
        head_pairs: Sequence[set[str]],
        weight: Callable[[str], float],
        labels: Sequence[int],
        seeds: dict[int, tuple[int, set[str]]],
    ) -> None:
        self.seeds = seeds
        self.block_pairs, self.totals, self.wordy = block_pairs, totals, wordy
        self.head_pairs, self.weight, self.labels = head_pairs, weight, labels
        self.held: dict[int, Counter[str]] = {}
        for index, story in enumerate(labels):
            self.held.setdefault(story, Counter()).update(block_pairs[index])
        self.known: dict[tuple[int, int], float] = {}

    def share(self, j: int, story: int) -> float:
        """The share of block `j`'s words `story` holds elsewhere than in block `j` (0 for a block too
        short to be judged by its words)."""
        if (j, story) not in self.known:
            self.known[(j, story)] = self._share(j, story)
        return self.known[(j, story)]

    def _share(self, j: int, story: int) -> float:
        if not self.wordy[j]:
            return 0.0
        held = self.held.get(story, Counter())
        own = 1 if self.labels[j] == story else 0  # the block's own pairs are counted in its story
        head = self.head_pairs[story] if story < len(self.head_pairs) else set()
        shared = math.fsum(self.weight(t) for t in self.block_pairs[j] if held[t] > own or t in head)
        union = shared / self.totals[j]
        opening, seed = self.seeds.get(story, (-1, set()))
        if opening == j:
            seed = head
        seeded = math.fsum(self.weight(t) for t in self.block_pairs[j] if t in seed) / self.totals[j]
        return SEED_WEIGHT * seeded + (1 - SEED_WEIGHT) * union


def _word_joins(
    joins: dict[tuple[int, int], tuple[float, str]], texts: Sequence[str]
) -> dict[tuple[int, int], str]:
    """The joins (end, start) print allows whose end stops mid-sentence inside a word the start completes
    (`word_across` at least `DISPLACED_WORD`: ``…进行更有`` / ``力、有效…``, 有力), each with that word."""
    out: dict[tuple[int, int], str] = {}
    for (i, j), (join, _seam) in joins.items():
        if join <= 0 or _SENTENCE_END_RE.search(texts[i]):
            continue
        word, strength = word_across(texts[i], texts[j])
        if strength >= DISPLACED_WORD:
            out[(i, j)] = word
    return out


def _moved_runs(
    current: Sequence[int], proposed: Sequence[int], ahead: dict[int, int]
) -> dict[int, tuple[int, ...]]:
    """The blocks the matching moves together: each moved block with the moved blocks it goes on from
    and that go on from it, from one story to one other (a run of a story's blocks the OCR read after
    another story's text, which moves as a whole)."""
    root: dict[int, int] = {}
    for j in sorted(ahead):
        i = ahead[j]
        if proposed[j] == current[j]:
            continue
        if i in root and current[i] == current[j] and proposed[i] == proposed[j]:
            root[j] = root[i]
        else:
            root[j] = j
    members: dict[int, list[int]] = {}
    for j, first in root.items():
        members.setdefault(first, []).append(j)
    return {j: tuple(members[first]) for j, first in root.items()}


def _displaced(
    current: Sequence[int], ahead: dict[int, int], runs: dict[int, tuple[int, ...]], texts: Sequence[str]
) -> dict[int, str]:
    """The blocks of runs the matching moves out of a story whose sentence they cut inside a word: the
    story's block read last before the run stops mid-sentence, and the block the matching gives it now,
    a block of the same story read after the run, completes a word across the join (``表示希`` /
    ``望能有机会…``, 希望): the run was read into the middle of that story's sentence."""
    out: dict[int, str] = {}
    for run in set(runs.values()):
        first, story = min(run), current[min(run)]
        before = [i for i in range(first) if current[i] == story]
        if not before or _SENTENCE_END_RE.search(texts[before[-1]]):
            continue
        end = before[-1]
        follows = [
            s for s, i in ahead.items() if i == end and s > first and s not in run and current[s] == story
        ]
        word, strength = word_across(texts[end], texts[follows[0]]) if follows else ("", 0.0)
        if strength >= DISPLACED_WORD:
            out.update(dict.fromkeys(run, word))
    return out


def _reads_on_better_at_home(
    j: int, ahead: dict[int, int], current: Sequence[int], joins: dict[tuple[int, int], tuple[float, str]]
) -> bool:
    """Whether a block too short to be judged by its words reads on better from its own story's block
    read last before it than from the block the matching gave it (``…工作者有的`` / ``放矢精准排查。``
    against ``…达到1.8万次。``): the matching chose the other for the block read right before it
    (`NEXT_BONUS`), position only."""
    home = [i for i in range(max(0, j - WINDOW), j) if current[i] == current[j]]
    if j not in ahead or not home:
        return False
    return joins[(home[-1], j)][0] > joins[(ahead[j], j)][0]


def _speakers(
    texts: Sequence[str], seeds: dict[int, tuple[int, set[str]]], headlines: Sequence[str]
) -> list[int | None]:
    """For each block, the story whose seed (its headline and opening block) alone names the speaker the
    block opens with (`page_fragments.speaker_story`), or None."""
    seed_texts = [_squash(headline) for headline in headlines]
    for story, (opening, _pairs) in seeds.items():
        while story >= len(seed_texts):
            seed_texts.append("")
        seed_texts[story] += texts[opening]
    return [speaker_story(text, seed_texts) for text in texts]


def assign_chains(
    fragments: Sequence[Fragment],
    labels: Sequence[int],
    *,
    headlines: Sequence[str],
    heads: Sequence[bool],
    closed_at: Sequence[int | None],
    fixed: Sequence[bool],
    notes: Sequence[bool] = (),
    margin: float = MOVE_MARGIN,
) -> tuple[list[int], list[Link]]:
    """Each block's story, the page's blocks (`fragments`, in reading order) matched end to start over
    the whole page. `labels`: each block's story as the joiners left it; `heads`: the blocks that open a
    story (a story's first block); `fixed`: those that must stay openings (under a headline, a dateline
    or a byline); `closed_at`: for each story, the index of the block after which it takes no more text
    (its byline or end mark), or None; `notes`: the blocks opening with a closing note (``（作者为…）``,
    ``（参与记者：…）``), after which the story holding one takes no more text; `margin`: how much more of
    a block's words its new story must hold than its old one. A block never leaves its story across a
    join print rules out. Returns the labels and, for each block whose story changed, the link that
    took it there."""
    n = len(fragments)
    texts = [_squash(f.text) for f in fragments]
    block_pairs = [pairs(text) for text in texts]
    frequency: Counter[str] = Counter()
    for token_set in block_pairs:
        frequency.update(token_set)

    def weight(token: str) -> float:
        return math.log((n + 1) / (frequency[token] + 0.5)) + 0.1

    totals = [math.fsum(weight(t) for t in token_set) for token_set in block_pairs]
    wordy = [
        len(_HAN_RE.findall(text)) >= MIN_WORDS_CHARS and total > 0
        for text, total in zip(texts, totals, strict=True)
    ]
    head_pairs = [pairs(_squash(text)) for text in headlines]
    grams = _PageGrams(texts)
    joins: dict[tuple[int, int], tuple[float, str]] = {}
    for i in range(n):
        for j in range(i + 1, min(n, i + WINDOW + 1)):
            joins[(i, j)] = _join_weight(fragments[i], fragments[j], texts[i], texts[j], grams, (i, j))
    word_joins = _word_joins(joins, texts)
    # Each story's seed: its headline and its opening block, the words it surely holds.
    seeds: dict[int, tuple[int, set[str]]] = {}
    for index, story in enumerate(labels):
        if heads[index] and story not in seeds:
            head = head_pairs[story] if story < len(head_pairs) else set()
            seeds[story] = (index, head | block_pairs[index])
    speakers = _speakers(texts, seeds, headlines)
    current = list(labels)
    starts = [j for j in range(n) if not fixed[j]]
    cut: dict[int, str] = {}  # block → the word its run had cut, for the blocks that moved by it
    across: dict[int, str] = {}  # block → the word read across the join that moved it
    ahead: dict[int, int] = {}
    for _round in range(ROUNDS):
        words = _Words(block_pairs, totals, wordy, head_pairs, weight, current, seeds)
        noted: dict[int, int] = {}
        for index in range(n):
            if index < len(notes) and notes[index]:
                noted.setdefault(current[index], index)
        table: list[list[float]] = []
        for row_index, j in enumerate(starts):
            row = [_FORBIDDEN] * (n + len(starts))
            for i in range(max(0, j - WINDOW), j):
                story = current[i]
                end = closed_at[story] if story < len(closed_at) else None
                if end is not None and j > end:
                    continue  # the story closed (a byline, an end mark) before this block
                if story in noted and j > noted[story]:
                    continue  # the story's closing note was read before this block
                join, _seam = joins[(i, j)]
                if join < 0 and story != labels[j]:
                    continue  # no block leaves its story across a join print rules out
                if heads[j] and join <= PARAGRAPH_JOIN:
                    continue  # a story opened by nothing joins another only where its sentence was left open
                row[i] = (
                    WORDS_WEIGHT * words.share(j, story)
                    + join
                    + (NEXT_BONUS if i == j - 1 and join >= 0 else 0.0)
                )
            row[n + row_index] = OPENER if heads[j] else UNMATCHED + WORDS_WEIGHT * words.share(j, current[j])
            table.append(row)
        chosen = hungarian(table)
        ahead = {}
        for j, column in zip(starts, chosen, strict=True):
            if 0 <= column < n:
                ahead[j] = column
        proposed = list(current)
        for j in range(n):
            if j in ahead:
                proposed[j] = proposed[ahead[j]]
        runs = _moved_runs(current, proposed, ahead)
        displaced = _displaced(current, ahead, runs, texts)
        new = list(current)
        for j in range(n):
            if j in ahead:
                new[j] = new[ahead[j]]
            if new[j] == current[j]:
                continue
            if speakers[j] == current[j]:
                new[j] = current[j]  # it opens with a speaker its story's seed alone names
                continue
            if not wordy[j]:
                if _reads_on_better_at_home(j, ahead, current, joins):
                    # A short block does not leave a join that reads better for position alone.
                    new[j] = current[j]
                continue
            if new[j] == proposed[j] and j in displaced:
                cut[j] = displaced[j]
                continue  # its run cut a sentence of its old story inside a word
            word = word_joins.get((ahead[j], j), "") if j in ahead else ""
            if new[j] == proposed[j] and word and words.share(j, current[j]) < CLEAR_WORDS:
                across[j] = word
                continue  # a word reads across the join, and its words hold it nowhere clearly
            if words.share(j, new[j]) < words.share(j, current[j]) + margin:
                new[j] = current[j]  # a block moves only to a story that holds more of its words
        if new == current:
            break
        current = new
    words = _Words(block_pairs, totals, wordy, head_pairs, weight, current, seeds)
    links: list[Link] = []
    for j in range(n):
        if current[j] == labels[j]:
            continue
        end = ahead.get(j)
        if end is not None and current[end] == current[j]:
            join, seam = joins[(end, j)]
            links.append(
                Link(end, j, join, words.share(j, current[j]), seam, cut.get(j, ""), across.get(j, ""))
            )
        else:
            links.append(Link(None, j, 0.0, words.share(j, current[j]), "", cut.get(j, "")))
    return current, links
