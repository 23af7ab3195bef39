"""Put a page's fragments back together: the joining step of the OCR page parser.

An OCR engine reads a broadsheet block by block, so a story's text is cut where a column block ends and
goes on after another story's block. The segmenter gives each block to the story read just before it;
this step looks at the whole page and moves a block to the story it continues: the one whose words,
names, places and numbers it repeats (character pairs weighted by how few stories hold them), with the
seam as a tie-breaker (the pair of characters across the join seen elsewhere on the page, a sentence left
open before it). Position alone never moves a block; a block that fits its own story as well stays.

First, though, print's own cue (`plan_seams`): every line of a paragraph is full but its last, and its
first is indented, so a block that stops mid-sentence on a full line goes on in a block whose first line
is full. Such ends and starts the segmenter left apart are matched one to one over the page by how the
join reads; the joiners then leave those blocks where they went, and weigh the seams print rules out.

Pure: blocks of text in, a list of `Seam`s or `Move`s out.
"""

from __future__ import annotations

import bisect
import importlib.resources
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass

_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_RUN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]+|[0-9]+")
_TAIL_RUN_RE = re.compile("(?:[\u3400-\u4dbf\u4e00-\u9fff]+|[0-9]+)$")
_SENTENCE_END_RE = re.compile("[。！？!?…][”’」』）)》]*$")
# A note in brackets that closes a story (``（本报东京电）``, ``(作者为…采访整理)``): nothing reads on from it.
_CLOSING_NOTE_END_RE = re.compile("[（(](?:作者|本报|据?新华社|记者)[^（()）。]{0,40}[）)]$")

# A block needs this many Han characters to be judged by its words.
MIN_BLOCK_CHARS = 12
# A block moves when another story holds clearly more of its words than its own story does.
MOVE_MARGIN = 0.1
MOVE_RATIO = 1.5
# A story whose text there ended its sentence takes a block only with this much more of its words.
CLOSED_MARGIN = 0.12
# The same margins on a page found scattered (`plan_scattered_moves`).
SCATTERED_MARGIN = 0.05
SCATTERED_CLOSED_MARGIN = 0.0
SCATTERED_RATIO = 1.5
# The bolder joiner weighs every block against every other, again after each block it gives out: on a
# page of more blocks than this (a whole issue in one file), only the careful joiner's moves are made.
MAX_SCATTERED_BLOCKS = 80
# The careful joiner weighs a block against the stories this many places either side of its own.
STORY_WINDOW = 12
# How much a plausible seam adds to a story's claim on a block.
SEAM_WEIGHT = 0.15
# A story's claim on a block read before any of its own.
UNREACHABLE = -1.0


@dataclass(frozen=True)
class Fragment:
    """A block of a story as the segmenter left it, with what its edges say about the text around it.

    `open_start`: its first line is set full, no paragraph indent: it goes on from text in another block.
    `open_end`: it stops mid-sentence on a full line: its sentence goes on in another block.
    `closed_end`: it ends a sentence on a short line: its paragraph ended, so no block goes on from it.
    `paragraph_start`: more lines follow a first line two cells short: it opens a paragraph.
    `fixed`: a story's opening block (a dateline, or text under its headline): it never moves.
    """

    story: int
    text: str
    open_start: bool
    open_end: bool
    closed_end: bool
    paragraph_start: bool
    fixed: bool


# How much a seam print rules out (a sentence left open on a full line, then a paragraph's indented
# first line; or a paragraph's short last line, then a line set full) takes from a story's claim in the
# bolder joiner. OCR'd widths are rough (a character lost or added moves a line a cell), so this only
# tips near-ties: on the tuned OCR'd pages 0.05 to 0.1 did equally well, from 0.12 on worse.
EDGE_WEIGHT = 0.07


def _edge_fit(
    edges: Mapping[tuple[int, int], Fragment] | None, ahead: tuple[int, int] | None, key: tuple[int, int]
) -> float:
    """-1 where print rules the seam out (block `key` read on from block `ahead`), 0 otherwise."""
    if edges is None or ahead is None or ahead not in edges or key not in edges:
        return 0.0
    left, right = edges[ahead], edges[key]
    if (left.open_end and right.paragraph_start) or (right.open_start and left.closed_end):
        return -1.0
    return 0.0


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


def plan_moves(
    stories: Sequence[Sequence[str]],
    *,
    fixed_first: Sequence[bool] | None = None,
    headlines: Sequence[str] | None = None,
    rounds: int = 4,
    pinned: Set[tuple[int, int]] = frozenset(),
    edges: Mapping[tuple[int, int], Fragment] | None = None,
    positions: Mapping[tuple[int, int], int] | None = None,
) -> list[Move]:
    """Which blocks (each story's text cut at blank lines, blocks in page order) go to another story.

    A story's first block (its dateline or lead) stays unless `fixed_first` says the story was opened by
    nothing (no dateline, byline or headline: a fragment itself); the others go where their words are. The
    page is looked at as a whole, several times: a story's words are those of the blocks it holds after
    the last round, so a story whose fragments were scattered gathers them step by step.
    """
    n = len(stories)
    if n < 2:
        return []
    blocks = [(s, k, _squash(text)) for s, story in enumerate(stories) for k, text in enumerate(story)]
    owner = {(s, k): s for s, k, _ in blocks}
    all_text = _page_pairs(text for _, _, text in blocks)  # no character pair across blocks
    block_pairs = {(s, k): pairs(text) for s, k, text in blocks}
    movable = [
        (s, k, text)
        for s, k, text in blocks
        if (k > 0 or (fixed_first is not None and not fixed_first[s]))
        and (s, k) not in pinned
        and len(_HAN_RE.findall(text)) >= MIN_BLOCK_CHARS
    ]
    last: dict[tuple[int, int], Move] = {}
    seeds, weight = _seeds(stories, block_pairs, fixed_first, headlines)
    text_of = {(s, k): text for s, k, text in blocks}
    place = _placing(positions)
    held = [sorted((key for key, story in owner.items() if story == s), key=place) for s in range(n)]

    def before(story: int, key: tuple[int, int]) -> str:
        """The text of `story` that `key`'s block would follow: its last block read before this one
        (page order); nothing when the story starts later."""
        position = bisect.bisect_left(held[story], place(key), key=place)
        return text_of[held[story][position - 1]] if position else ""

    def edge(story: int, key: tuple[int, int]) -> float:
        position = bisect.bisect_left(held[story], place(key), key=place)
        return _edge_fit(edges, held[story][position - 1] if position else None, key)

    for _ in range(rounds):
        changed = False
        for s, k, text in movable:
            key = (s, k)
            mine = block_pairs[key]
            total = math.fsum(weight(t) for t in mine)
            if not total:
                continue
            current = owner[key]
            # Only stories near the block's own are weighed: a page holds a handful; a file holding a
            # whole issue, many pages of them.
            window = range(max(0, s - STORY_WINDOW), min(n, s + STORY_WINDOW + 1))
            scores = {target: _seed_share(mine, seeds[target], weight) for target in window}
            own = (
                scores[current]
                + SEAM_WEIGHT * _seam(before(current, key), text, all_text)
                + EDGE_WEIGHT * edge(current, key)
            )
            best, best_fit, best_seam = current, own, ""
            for target in window:
                if target == current:
                    continue
                ahead = before(target, key)
                if not ahead:
                    continue  # the target starts later on the page
                bonus = _seam(ahead, text, all_text)
                if not bonus and scores[target] < own + CLOSED_MARGIN:
                    continue  # the target's text there ended its sentence: only clear words take it on
                fit = scores[target] + SEAM_WEIGHT * bonus + EDGE_WEIGHT * edge(target, key)
                if fit > best_fit:
                    best, best_fit, best_seam = target, fit, f"{ahead[-4:]}|{text[:4]}"
            if best != current and best_fit >= own + MOVE_MARGIN and best_fit >= MOVE_RATIO * own:
                held[current].remove(key)
                bisect.insort(held[best], key, key=place)
                owner[key] = best
                last[key] = Move(s, k, best, own, best_fit, best_seam)
                changed = True
        if not changed:
            break
    return [move for key, move in sorted(last.items()) if owner[key] != key[0] and move.target == owner[key]]


def _seeds(
    stories: Sequence[Sequence[str]],
    block_pairs: Mapping[tuple[int, int], set[str]],
    fixed_first: Sequence[bool] | None,
    headlines: Sequence[str] | None,
) -> tuple[list[set[str]], Callable[[str], float]]:
    """Each story's seed: its opening block and its headline, the words it surely holds; and how much a
    character pair weighs (the fewer seeds hold it, the more). A block is judged by the seeds alone,
    never by everything a story holds, or a story that swallowed scattered text would keep it."""
    n = len(stories)
    seeds: list[set[str]] = [set() for _ in range(n)]
    for s in range(n):
        if (fixed_first is None or fixed_first[s]) and stories[s]:
            seeds[s] |= block_pairs[(s, 0)]
        if headlines is not None:
            seeds[s] |= pairs(_squash(headlines[s]))
    document_frequency: Counter[str] = Counter()
    for seed in seeds:
        document_frequency.update(seed)

    def weight(token: str) -> float:
        return math.log((n + 1) / (document_frequency[token] + 0.5)) + 0.1

    return seeds, weight


def _seed_share(mine: set[str], seed: set[str], weight: Callable[[str], float]) -> float:
    """The overlap of a block's pairs and a story's seed, over the smaller of the two: a long block that
    repeats a short lead's names is that story's."""
    shared = math.fsum(weight(t) for t in mine if t in seed)
    smaller = min(math.fsum(weight(t) for t in mine), math.fsum(weight(t) for t in seed))
    return shared / smaller if smaller else 0.0


# A person quoted in a dispatch opens a sentence with their name and a verb of saying (``王毅表示``,
# ``维文指出``); the OCR misreads a character of such a name now and then (``王妆强调``).
_SPEAKER_RE = re.compile(
    "(?:^|(?<=[。！？；，：]))([\u4e00-\u9fff]{2,3})(?=表示|指出|强调|认为|介绍|感谢|希望|说)"
)


def misread_names(blocks: Sequence[str], seeds: Sequence[str]) -> dict[str, str]:
    """The speakers' names the OCR misread, each with the name it reads as: a name opening a sentence
    before a verb of saying (``王妆强调``) that is no word of the language, held by no story's seed
    (`seeds`: each story's headline and opening, squashed) and read on the page (`blocks`, squashed)
    only where a sentence opens, while exactly one name of its length one character off it, no word
    either, stands in a seed (``王毅``). The joiners weigh the block by that name: a misread name still ties it to its
    story."""
    lexicon = _load_lexicon()
    page = "\n".join(blocks)
    seed_text = "\n".join(seeds)
    out: dict[str, str] = {}
    for block in blocks:
        for name in _SPEAKER_RE.findall(block):
            if name in out or name in lexicon or name in seed_text:
                continue
            if page.count(name) != len(
                re.findall(f"(?:^|(?<=[。！？；，：])){re.escape(name)}", page, flags=re.M)
            ):
                continue  # read elsewhere inside a sentence too: a name printed so, not a misreading
            near = _one_off(name, seed_text) - lexicon.keys()
            if len(near) == 1:
                out[name] = near.pop()
    return out


def _one_off(name: str, text: str) -> set[str]:
    """The runs of Han characters of `name`'s length in `text` that differ from it in one character."""
    size = len(name)
    return {
        run[i : i + size]
        for run in _RUN_RE.findall(text)
        for i in range(len(run) - size + 1)
        if sum(a != b for a, b in zip(run[i : i + size], name, strict=True)) == 1
    }


def mend_names(text: str, names: Mapping[str, str]) -> str:
    """`text` with each misread name (`misread_names`) read as the name it stands for."""
    for misread, name in names.items():
        text = text.replace(misread, name)
    return text


# A block read on after the next story's opening (`read_on_after_the_next_opening`): the story read
# before its own holds at least this share of its words in its seed, and this many times what its own
# story's seed holds.
STRAY_SHARE = 0.04
STRAY_RATIO = 4.0


def read_on_after_the_next_opening(
    stories: Sequence[Sequence[str]],
    *,
    fixed_first: Sequence[bool] | None = None,
    headlines: Sequence[str] | None = None,
    closed: Sequence[bool] = (),
    dispatches: Sequence[bool] = (),
) -> tuple[int, int, float, float] | None:
    """A sign that the OCR read the page block by block though no block the careful joiner weighs was
    clearly out of place: a story's text read on after the next story's headline and opening. The first
    paragraph of a story after its opening (its blocks from one after a sentence end to one that ends a
    sentence) whose words the seed of the story read just before its own holds (at least
    `STRAY_SHARE`, and `STRAY_RATIO` times what its own story's seed holds): a paragraph that names
    the story above's subject (``此次诗歌奖…`` under a poetry prize's headline) and nothing of its own
    story's. Only in a dispatch (`dispatches`, by story: opened by its dateline), which keeps to the
    subject its headline and lead name; an essay or a poem wanders from its opening lines and may name
    a neighbour's. Not after a story its byline or end mark closed (`closed`, by story): that one takes
    no more text. Returns (story, the paragraph's first block, the share the story before holds, the
    share its own holds), or None."""
    blocks = {(s, k): _squash(text) for s, story in enumerate(stories) for k, text in enumerate(story)}
    block_pairs = {key: pairs(text) for key, text in blocks.items()}
    seeds, weight = _seeds(stories, block_pairs, fixed_first, headlines)
    for s in range(1, len(stories)):
        if not (s < len(dispatches) and dispatches[s]):
            continue  # only a dispatch keeps to the subject its headline and lead name
        if s - 1 < len(closed) and closed[s - 1]:
            continue  # its byline or end mark closed the story before: it takes no more text
        for first, members in _paragraphs(blocks, s, len(stories[s])):
            text = "".join(blocks[(s, k)] for k in members)
            if first == 0 or len(_HAN_RE.findall(text)) < MIN_BLOCK_CHARS:
                continue
            mine = set().union(*(block_pairs[(s, k)] for k in members))
            above = _seed_share(mine, seeds[s - 1], weight)
            own = _seed_share(mine, seeds[s], weight)
            if above >= STRAY_SHARE and above >= STRAY_RATIO * own:
                return s, first, above, own
    return None


def _paragraphs(blocks: Mapping[tuple[int, int], str], story: int, count: int) -> list[tuple[int, list[int]]]:
    """A story's blocks grouped into paragraphs: a new one after each block that ends a sentence."""
    out: list[tuple[int, list[int]]] = []
    for k in range(count):
        if k == 0 or _SENTENCE_END_RE.search(blocks[(story, k - 1)]):
            out.append((k, []))
        out[-1][1].append(k)
    return out


def _placing(positions: Mapping[tuple[int, int], int] | None) -> Callable[[tuple[int, int]], tuple[int, int]]:
    """Where a block (story, block) stands on the page: its position when given, else its key (a page
    whose stories each hold consecutive blocks)."""
    if positions is None:
        return lambda key: key
    return lambda key: (positions[key], 0)


def _page_pairs(texts: Iterable[str]) -> set[str]:
    """Every pair of neighbouring characters inside the page's blocks (none across two blocks)."""
    out: set[str] = set()
    for text in texts:
        out.update(text[i : i + 2] for i in range(len(text) - 1))
    return out


# A block that opens with a speaker (``博纳表示，…``) named in one story's seed alone (its headline and
# opening block) is that story's: on the printed truth of the tuned and fresh OCR'd pages (seeds 1, 3,
# 4 and 5, web seeds 1 and 4), such a name stood in the seed of the block's own story 109 times of 109.
# Added to that story's claim when the bolder joiner checks a move (not while it gives blocks out).
SPEAKER_WEIGHT = 0.3
_OPENING_SPEAKER_RE = re.compile("^([\u4e00-\u9fff]{2,4}?)(?=表示|指出|强调|认为|介绍|感谢|希望|说)")


def speaker_story(block: str, seeds: Sequence[str]) -> int | None:
    """The story whose seed alone names the speaker `block` opens with (``博纳表示…``), or None: no
    speaker opens it, or no seed or several seeds name them."""
    found = _OPENING_SPEAKER_RE.match(block)
    if found is None:
        return None
    holders = [s for s, seed in enumerate(seeds) if found.group(1) in seed]
    return holders[0] if len(holders) == 1 else None


def _seam(before: str, after: str, page: set[str]) -> float:
    """How well `after` reads on from `before`: 1 for a sentence left open whose seam pair the page
    uses elsewhere, less for either alone, 0 when `before` ended its sentence."""
    if not before or _SENTENCE_END_RE.search(before) or _CLOSING_NOTE_END_RE.search(before):
        return 0.0
    score = 0.5
    left = _HAN_RE.findall(before[-2:])
    right = _HAN_RE.findall(after[:2])
    if left and right and left[-1] + right[0] in page:
        score += 0.5
    if before[-1:].isdigit() and after[:1].isdigit():
        score += 0.5  # a number the column cut (``20`` / ``22年``)
    return min(score, 1.0)


def plan_scattered_moves(
    stories: Sequence[Sequence[str]],
    *,
    fixed_first: Sequence[bool] | None = None,
    headlines: Sequence[str] | None = None,
    pinned: Set[tuple[int, int]] = frozenset(),
    edges: Mapping[tuple[int, int], Fragment] | None = None,
    positions: Mapping[tuple[int, int], int] | None = None,
) -> list[Move]:
    """The bolder joining for a page whose stories are scattered (`plan_joins`): every story starts from
    its seed (its headline and opening block), and the other blocks are given out over the whole page,
    the surest first, each to the story one of whose blocks it resembles most (character pairs weighted
    by how few blocks hold them), a seam that reads on adding to a story whose text there broke off; a
    story so grows block by block, and a fragment that repeats another fragment's words follows it. A
    block still leaves the story the segmenter gave it only when the other story's claim is stronger."""
    n = len(stories)
    if n < 2:
        return []
    blocks = {(s, k): _squash(text) for s, story in enumerate(stories) for k, text in enumerate(story)}
    place = _placing(positions)
    order = sorted(blocks, key=place)
    all_text = _page_pairs(blocks[key] for key in order)  # no character pair across blocks
    block_pairs = {key: pairs(text) for key, text in blocks.items()}
    frequency: Counter[str] = Counter()
    for token_set in block_pairs.values():
        frequency.update(token_set)
    count = len(blocks)

    def weight(token: str) -> float:
        return math.log((count + 1) / (frequency[token] + 0.5)) + 0.1

    totals = {key: math.fsum(weight(t) for t in token_set) for key, token_set in block_pairs.items()}

    known: dict[tuple[tuple[int, int], int, int], float] = {}

    def similarity(key: tuple[int, int], target: int, index: int) -> float:
        if (key, target, index) not in known:
            other, other_total, _member = members[target][index]
            shared = math.fsum(weight(t) for t in block_pairs[key] if t in other)
            smaller = min(totals[key], other_total)
            known[(key, target, index)] = shared / smaller if smaller else 0.0
        return known[(key, target, index)]

    label: dict[tuple[int, int], int] = {}
    members: list[list[tuple[set[str], float, tuple[int, int] | None]]] = [[] for _ in range(n)]
    for s in range(n):
        if headlines is not None and (head := pairs(_squash(headlines[s]))):
            members[s].append((head, math.fsum(weight(t) for t in head), None))
        if (fixed_first is None or fixed_first[s]) and stories[s]:
            label[(s, 0)] = s
            members[s].append((block_pairs[(s, 0)], totals[(s, 0)], (s, 0)))
    for key in sorted(pinned):
        if key in blocks and key not in label:
            label[key] = key[0]
            members[key[0]].append((block_pairs[key], totals[key], key))
    small = {key for key in order if len(_HAN_RE.findall(blocks[key])) < MIN_BLOCK_CHARS}
    seed_texts = [
        (_squash(headlines[s]) if headlines is not None else "")
        + (blocks[(s, 0)] if (fixed_first is None or fixed_first[s]) and stories[s] else "")
        for s in range(n)
    ]
    speakers = {key: speaker_story(text, seed_texts) for key, text in blocks.items()}

    index_of = {key: index for index, key in enumerate(order)}

    def before_key(story: int, key: tuple[int, int]) -> tuple[int, int] | None:
        """The block of `story` read last before `key`'s block (page order), or None."""
        for k in reversed(order[: index_of[key]]):
            if label.get(k, k[0]) == story:
                return k
        return None

    def before(story: int, key: tuple[int, int]) -> str:
        earlier = before_key(story, key)
        return blocks[earlier] if earlier is not None else ""

    def scores(key: tuple[int, int], *, final: bool = False) -> list[float]:
        """Each story's claim on block `key`; with `final` (the check before a move), a speaker the
        block opens with and one story's seed alone names adds to that story's claim."""
        out = []
        for target in range(n):
            like = max(
                (
                    similarity(key, target, i)
                    for i, (_, _, member) in enumerate(members[target])
                    if member != key
                ),
                default=0.0,
            )
            ahead = before_key(target, key)
            if ahead is None and target != key[0]:
                # The target starts later on the page: it takes no block read before it (nor do the
                # blocks that would follow this one there).
                out.append(UNREACHABLE)
                continue
            seam = _seam(blocks[ahead], blocks[key], all_text) if ahead is not None else 0.0
            named = SPEAKER_WEIGHT if final and speakers[key] == target else 0.0
            out.append(like + SEAM_WEIGHT * seam + EDGE_WEIGHT * _edge_fit(edges, ahead, key) + named)
        return out

    pending = [key for key in order if key not in label and key not in small]
    while pending:
        surest, surest_story, surest_margin = pending[0], pending[0][0], -1.0
        for key in pending:
            ranked = sorted(enumerate(scores(key)), key=lambda item: (-item[1], item[0] != key[0]))
            margin = ranked[0][1] - (ranked[1][1] if len(ranked) > 1 else 0.0)
            if margin > surest_margin:
                surest, surest_story, surest_margin = key, ranked[0][0], margin
        label[surest] = surest_story
        members[surest_story].append((block_pairs[surest], totals[surest], surest))
        pending.remove(surest)
    moves: list[Move] = []
    for key in order:
        target = label.get(key, key[0])
        if target == key[0]:
            continue
        final = scores(key, final=True)
        own, fit = final[key[0]], final[target]
        ahead = before(target, key)
        if not ahead:
            continue  # the target starts later on the page
        if not _seam(ahead, blocks[key], all_text) and fit < own + SCATTERED_CLOSED_MARGIN:
            continue  # the target's text there ended its sentence: only clear words take it on
        if fit >= own + SCATTERED_MARGIN and fit >= SCATTERED_RATIO * own:
            moves.append(Move(key[0], key[1], target, own, fit, f"{ahead[-4:]}|{blocks[key][:4]}"))
    return moves


def plan_joins(
    stories: Sequence[Sequence[str]],
    *,
    fixed_first: Sequence[bool] | None = None,
    headlines: Sequence[str] | None = None,
    pinned: Set[tuple[int, int]] = frozenset(),
    edges: Mapping[tuple[int, int], Fragment] | None = None,
    positions: Mapping[tuple[int, int], int] | None = None,
    scattered: bool = False,
    careful: list[Move] | None = None,
) -> list[Move]:
    """The joining step. The careful joiner (`plan_moves`) first: on a typeset page it moves nothing.
    When it finds blocks that belong elsewhere, the page was read block by block and its stories are
    scattered; then the bolder joiner (`plan_scattered_moves`) gives out every block over the page,
    weighing the seams print rules out (`edges`). `pinned` blocks (story, block) stay where they are.
    `scattered`: the page is known to be read block by block (a seam joined blocks across stories, or
    the careful joiner found blocks out of place before the seams moved any), so the bolder joiner runs
    even when the careful one, after the seams, finds nothing more to move. `careful`: the careful
    joiner's moves on these very blocks, when already planned."""
    if careful is None:
        careful = plan_moves(
            stories,
            fixed_first=fixed_first,
            headlines=headlines,
            pinned=pinned,
            positions=positions,
        )
    if (not careful and not scattered) or sum(len(story) for story in stories) > MAX_SCATTERED_BLOCKS:
        return careful  # typeset, or too many blocks to weigh every one against every other
    return plan_scattered_moves(
        stories, fixed_first=fixed_first, headlines=headlines, pinned=pinned, edges=edges, positions=positions
    )


@dataclass(frozen=True)
class Seam:
    """Fragment `start` goes on from fragment `end` (indices into the page's fragments)."""

    end: int
    start: int
    score: float
    seam: str  # ``…的|张晓松…``


# How much a word of the language read across a seam (`word_across`) adds to its reading.
SEAM_LEXICON_WEIGHT = 0.5
# A seam is taken only with at least this much evidence (shared words and the join's reading together).
MIN_SEAM_SCORE = 0.1


def plan_seams(fragments: Sequence[Fragment], *, contest: bool = False) -> list[Seam]:
    """Join each fragment left mid-sentence to the fragment that goes on from it, over the whole page.

    Print gives the cue: a block that stops mid-sentence on a full line goes on in a block whose first
    line is full (no paragraph indent), and a block that starts that way goes on from one. Where the
    segmenter left such an end without a continuation (the next block of its story opens a paragraph,
    or the story has none) and such a start after a paragraph's end, the two are matched one to one,
    the most plausible pairs first: the words, names and numbers the start shares with the end's story,
    and the join's reading (a word or name across the seam seen elsewhere on the page, a word of the
    language across it, ``表示希|望…``, a number that goes on, a quote or bracket the end left open that
    the start closes). Position alone joins nothing.

    With `contest` (a page read block by block), an end the segmenter left reading on into the next
    block of its story, and that block, are matched like the others: the segmenter's pair is one
    candidate among them, kept unless a more plausible seam takes its end or its start (two stories
    read alternately, ``…胜任抗`` / ``…发放了口`` / ``疫工作…``: the nurse's text goes on from the nurse's
    sentence, read where ``抗疫`` is read on the page, not after the flight story's ``口``).
    """
    n = len(fragments)
    if n < 3:
        return []
    squashed = [_squash(f.text) for f in fragments]
    by_story: dict[int, list[int]] = {}
    for index, fragment in enumerate(fragments):
        by_story.setdefault(fragment.story, []).append(index)
    after: dict[int, int | None] = {}
    before: dict[int, int | None] = {}
    for members in by_story.values():
        for position, index in enumerate(members):
            after[index] = members[position + 1] if position + 1 < len(members) else None
            before[index] = members[position - 1] if position else None
    # With `contest`, the pairs the segmenter left reading on (an open end, then its story's next block
    # set full) are weighed like any other seam: a more plausible seam may take the end or the start.
    incumbent = {
        i: nxt
        for i, f in enumerate(fragments)
        if contest
        and f.open_end
        and (nxt := after[i]) is not None
        and fragments[nxt].open_start
        and not fragments[nxt].fixed
    }
    ends = [
        i
        for i, f in enumerate(fragments)
        if f.open_end and ((nxt := after[i]) is None or not fragments[nxt].open_start or i in incumbent)
    ]
    starts = [
        j
        for j, f in enumerate(fragments)
        if f.open_start
        and not f.fixed
        and ((prev := before[j]) is None or fragments[prev].closed_end or incumbent.get(prev) == j)
        and len(_HAN_RE.findall(squashed[j])) >= 2
    ]
    if not ends or not starts:
        return []
    story_pairs: dict[int, set[str]] = {
        s: set().union(*(pairs(squashed[i]) for i in members)) for s, members in by_story.items()
    }
    grams = _PageGrams(squashed)
    others = {
        j: set().union(*(pairs(squashed[k]) for k in by_story[fragments[j].story] if k != j)) for j in starts
    }
    frequency: Counter[str] = Counter()
    for token_set in story_pairs.values():
        frequency.update(token_set)
    stories = len(story_pairs)

    def weight(token: str) -> float:
        return math.log((stories + 1) / (frequency[token] + 0.5)) + 0.1

    openings = {f.story: pairs(squashed[i]) for i, f in enumerate(fragments) if f.fixed}
    start_pairs = {j: pairs(squashed[j]) for j in starts}
    start_totals = {j: math.fsum(weight(t) for t in start_pairs[j]) for j in starts}
    candidates: list[Seam] = []
    for i in ends:
        own = story_pairs[fragments[i].story]
        for j in starts:
            # Later on the page, and near: a file may hold a whole issue, page after page.
            if j <= i or abs(fragments[j].story - fragments[i].story) > STORY_WINDOW:
                continue
            mine = start_pairs[j]
            total = start_totals[j]
            # The end's story as the segmenter left it, less the start itself.
            held = own if fragments[j].story != fragments[i].story else others[j]
            shared = math.fsum(weight(t) for t in mine if t in held) / total if total else 0.0
            if fragments[j].story != fragments[i].story and total:
                # A start that holds more of the words of the opening block of the story it was read
                # in than of the end's story is that story's text: its first line only looks full (an
                # OCR engine adds or drops a character, ``中央和气象台预计…`` under ``…严重霾。``).
                kept = math.fsum(weight(t) for t in mine if t in openings.get(fragments[j].story, ())) / total
                if kept > shared:
                    continue
            reading = _seam_reading(squashed[i], squashed[j], grams, (i, j))
            reading += SEAM_LEXICON_WEIGHT * word_across(squashed[i], squashed[j])[1]
            score = shared + reading
            # The segmenter's own pair stays a candidate however weak: it is what the others beat.
            if incumbent.get(i) == j or (score >= MIN_SEAM_SCORE and (shared > 0 or reading >= 0.5)):
                candidates.append(Seam(i, j, score, f"{squashed[i][-4:]}|{squashed[j][:4]}"))
    candidates.sort(key=lambda seam: (-seam.score, seam.end, seam.start))
    used_ends: set[int] = set()
    used_starts: set[int] = set()
    chosen: list[Seam] = []
    for seam in candidates:
        if seam.end in used_ends or seam.start in used_starts:
            continue
        used_ends.add(seam.end)
        used_starts.add(seam.start)
        if fragments[seam.start].story != fragments[seam.end].story:
            chosen.append(seam)
    return sorted(chosen, key=lambda seam: seam.start)


_OPEN_CLOSE = (("“", "”"), ("（", "）"), ("(", ")"), ("《", "》"), ('"', '"'))


class _PageGrams:
    """Which blocks of the page hold each run of two or three characters, to ask whether a join's
    characters are read elsewhere on the page (in a block other than the two joined)."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.holders: dict[str, set[int]] = {}
        for index, text in enumerate(texts):
            for size in (2, 3):
                for i in range(len(text) - size + 1):
                    self.holders.setdefault(text[i : i + size], set()).add(index)

    def elsewhere(self, gram: str, skip: tuple[int, int]) -> bool:
        return bool(self.holders.get(gram, set()) - set(skip))


# A list broken at a seam goes on with an item this short (in characters, its 、 included).
_LIST_ITEM_REACH = 8


def _first_item_of_a_list(start: str) -> bool:
    """Whether `start` opens with a list's item: its first mark, within `_LIST_ITEM_REACH` characters,
    is a ``、`` (``山东、山西…``; not ``斗争，坚持真理、…``, whose first item a comma ends)."""
    mark = _FIRST_MARK_RE.search(start[1:_LIST_ITEM_REACH])
    return mark is not None and mark.group(0) == "、"


_FIRST_MARK_RE = re.compile('[，。、；：！？,.;:!?“”"（）()《》]')


def _seam_reading(end: str, start: str, grams: _PageGrams, skip: tuple[int, int]) -> float:
    """How well `start` reads on from `end`: a run of three characters across the join found elsewhere
    on the page (a name, a word: ``徐|发荣``), or two; digits that go on (``20`` / ``22年``); a list
    that goes on (an end on ``、``, a start whose first item ends on ``、``); a quote or bracket left open
    before the join that the start closes first."""
    score = 0.0
    left_run = _TAIL_RUN_RE.search(end)
    right_run = _RUN_RE.match(start)
    left = left_run.group(0)[-2:] if left_run else ""
    right = right_run.group(0)[:2] if right_run else ""
    if left and right:
        threes = {g for g in (left[-2:] + right[:1], left[-1:] + right[:2]) if len(g) == 3}
        if any(grams.elsewhere(g, skip) for g in threes):
            score += 0.5
        elif grams.elsewhere(left[-1:] + right[:1], skip):
            score += 0.2
    if end[-1:].isdigit() and start[:1].isdigit():
        score += 0.3
    if end[-1:] == "、" and _first_item_of_a_list(start):
        score += 0.3  # a list goes on: ``黑龙江、吉林、解放军、`` | ``山东、山西、…``
    for opening, closing in _OPEN_CLOSE:
        if opening == closing:
            continue
        if end.count(opening) > end.count(closing):
            head = start[:40]
            close_at = head.find(closing)
            open_at = head.find(opening)
            if close_at >= 0 and (open_at < 0 or close_at < open_at):
                score += 0.3
                break
    return score


# A general prior of Chinese, independent of the page: the words of jieba's dictionary (the one the
# index segments with) of two to four Han characters, with their frequencies. Read once, on first use.
_LEXICON_MIN_LENGTH, _LEXICON_MAX_LENGTH = 2, 4
# A word this frequent in the dictionary counts fully; rarer ones by the logarithm of their frequency.
_LEXICON_FULL_FREQUENCY = 10_000
# A word rarer than this is no evidence (the dictionary holds many rare compounds).
_LEXICON_MIN_FREQUENCY = 20
_lexicon: dict[str, int] | None = None
_lexicon_lock = threading.Lock()


def _load_lexicon() -> dict[str, int]:
    global _lexicon
    if _lexicon is not None:
        return _lexicon
    with _lexicon_lock:
        if _lexicon is None:
            words: dict[str, int] = {}
            source = importlib.resources.files("jieba").joinpath("dict.txt")
            with source.open("r", encoding="utf-8") as lines:
                for line in lines:
                    word, frequency, _tag = line.split(" ", 2)
                    if (
                        _LEXICON_MIN_LENGTH <= len(word) <= _LEXICON_MAX_LENGTH
                        and int(frequency) >= _LEXICON_MIN_FREQUENCY
                        and all(_HAN_RE.match(ch) for ch in word)
                    ):
                        words[word] = int(frequency)
            _lexicon = words
    return _lexicon


def word_across(end: str, start: str) -> tuple[str, float]:
    """The commonest word of the language (jieba's dictionary) read across a join: the tail of `end`
    and the head of `start`, each giving at least one character (``发放了口`` | ``罩等`` → ``口罩``;
    ``中国驻大阪总领`` | ``馆协助`` → ``领馆``), and how strong that evidence is, 0 to 1 by the word's
    frequency. ``("", 0.0)`` when no such word straddles the join."""
    left_run = _TAIL_RUN_RE.search(end)
    right_run = _RUN_RE.match(start)
    if not left_run or not right_run:
        return "", 0.0
    left = left_run.group(0)[-(_LEXICON_MAX_LENGTH - 1) :]
    right = right_run.group(0)[: _LEXICON_MAX_LENGTH - 1]
    if not (_HAN_RE.match(left[-1]) and _HAN_RE.match(right[0])):
        return "", 0.0
    lexicon = _load_lexicon()
    best, best_frequency = "", 0
    for a in range(1, len(left) + 1):
        for b in range(1, len(right) + 1):
            if a + b > _LEXICON_MAX_LENGTH:
                break
            word = left[-a:] + right[:b]
            frequency = lexicon.get(word, 0)
            if frequency > best_frequency:
                best, best_frequency = word, frequency
    if not best:
        return "", 0.0
    return best, min(1.0, math.log(best_frequency) / math.log(_LEXICON_FULL_FREQUENCY))
