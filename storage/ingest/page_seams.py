"""Blocks and seams: rejoining a story's text cut apart by column and block breaks.

The joining step of the page parser (`storage.ingest.ocr_page`): after the segmenter has cut the page
into stories, each story's blocks (its runs between blank lines) become `page_fragments.Fragment`s, and
`page_fragments.plan_seams`, `plan_moves` and `plan_joins` decide which block carried on another story's
text; `_rejoin` moves them and records each move as a `_Join` for ``newsbot ingest --explain``. On a page
read block by block, `page_chains.assign_chains` then matches every block to the block it goes on from
over the whole page at once, starting from the stories as the joiners left them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from storage.ingest.page_chains import CLEAR_WORDS, assign_chains
from storage.ingest.page_fragments import (
    _HAN_RE,
    MIN_BLOCK_CHARS,
    Fragment,
    Move,
    _squash,
    mend_names,
    misread_names,
    pairs,
    plan_joins,
    plan_moves,
    plan_seams,
    read_on_after_the_next_opening,
)
from storage.ingest.page_headlines import is_speech_kicker
from storage.ingest.page_lines import (
    _CLOSING_NOTE_RE,
    _DATELINE_RE,
    _FINAL_RE,
    _HANGING,
    _MULTI_SPACE_RE,
    _SOFT_FINAL_RE,
    AUTHOR_NOTE_RE,
    _cells,
    _Line,
    _Story,
    is_byline,
)

# No speaker's name misread (`page_fragments.misread_names`).
_NO_NAMES: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class _Join:
    """A block of lines moved to the story it continues (for ``newsbot ingest --explain``)."""

    first: int  # its line numbers
    last: int
    source: int  # story indices before and after
    target: int
    why: str


def _blocks_of(story: _Story) -> list[list[_Line]]:
    blocks: list[list[_Line]] = []
    for line in story.lines:
        if line.blank_before or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def _notes_its_own_author(block: list[_Line], story: _Story) -> bool:
    """Whether the block holds an author's note (``【作者简介】叶辛，江苏南京人…``) naming the author the
    story it was read in is signed by (``叶  辛（中国作协副主席）``): the note is that story's, whatever
    words it shares with another story."""
    name = _MULTI_SPACE_RE.sub("", re.sub(r"[\s\u3000]+", "", story.byline or ""))
    name = re.split("[（(，,、]", name)[0]
    if len(name) < 2:
        return False
    return any(
        (found := AUTHOR_NOTE_RE.match(line.text)) is not None
        and re.sub(r"[\s\u3000]+", "", line.text[found.end() :]).startswith(name)
        for line in block
    )


def _closing_notes(blocks: list[list[list[_Line]]], moves: list[Move]) -> dict[int, int]:
    """Story index → the line number of the first closing note (``（本报东京电）``, ``（作者为…）``, a
    roundup's ``（参与记者：…）``) opening a block the story holds once `moves` are made."""
    owner = {(s, k): s for s, story in enumerate(blocks) for k in range(len(story))}
    for move in moves:
        owner[(move.source, move.block)] = move.target
    out: dict[int, int] = {}
    for (s, k), target in owner.items():
        first = blocks[s][k][0]
        if _CLOSING_NOTE_RE.match(first.text) and first.number < out.get(target, first.number + 1):
            out[target] = first.number
    return out


def _rejoin(
    stories: list[_Story],
    gap_groups: list[tuple[int, list[_Line]]],
    column: float,
    roles: dict[int, str] | None = None,
) -> list[_Join]:
    """Put the page's fragments back together: first each block left mid-sentence gets the block that
    goes on from it (`page_fragments.plan_seams`), then each other block that continues another story
    moves there (`page_fragments.plan_joins`). `roles`, when given, takes the reason a page the careful
    joiner found in order was taken as read block by block (by the first line of the block that said so)."""
    # A story opened by nothing (no dateline, no byline, no headline over it) may itself be a fragment.
    # A kicker ending on a verb of saying heads no story of its own (its main line stands elsewhere).
    headed = {gap for gap, group in gap_groups if not is_speech_kicker([line.text for line in group])}
    fixed = [
        index in headed or story.byline is not None or bool(_DATELINE_RE.match(story.lines[0].text))
        for index, story in enumerate(stories)
    ]
    # A story closed by its byline or an end mark takes no text printed after that: none runs across it.
    closed_at = [
        story.lines[-1].number if story.closed_by_byline or story.ended else None for story in stories
    ]
    headlines = ["" for _ in stories]
    for gap, group in gap_groups:
        if gap < len(stories):
            headlines[gap] += "".join(line.text for line in group)
    # The joiners read a speaker's name the OCR misread as the name it stands for (the lines keep theirs).
    names = _misread_names(stories, headlines, fixed)
    if roles is not None:
        _note_misread_names(stories, names, roles)
    early = _read_before_headline(stories, headed, headlines, names)
    # Each story's opening line as the segmenter left it, before any block is joined elsewhere.
    openings = {story.lines[0].number for story in stories if story.lines}
    # Whether the OCR read the page block by block, stories scattered: the careful joiner finds blocks
    # that belong to another story, as the segmenter left them.
    blocks = [_blocks_of(story) for story in stories]
    block_texts = [[mend_names(_joined(block), names) for block in story] for story in blocks]
    careful = plan_moves(
        block_texts,
        fixed_first=fixed,
        headlines=headlines,
        positions={
            (s, k): block[0].number for s, story in enumerate(blocks) for k, block in enumerate(story)
        },
    )
    scattered = bool(careful)
    if not scattered and (
        stray := read_on_after_the_next_opening(
            block_texts,
            fixed_first=fixed,
            headlines=headlines,
            closed=[end is not None for end in closed_at],
            dispatches=[bool(_DATELINE_RE.match(story.lines[0].text)) for story in stories],
        )
    ):
        # A story's paragraph read on after the next story's opening: the page was read block by block.
        at_story, at_block, above, own = stray
        scattered = True
        if roles is not None:
            opening = blocks[at_story][at_block][0].number
            why = (
                f"text: read after the next story's opening, the page read block by block (shares {above:.2f} "
                f"of its words with the headline and opening of the story before, {own:.2f} with its own story's)"
            )
            roles[opening] = f"{roles[opening]}; {why}" if opening in roles else why
    joins, pinned, edges = _join_seams(stories, fixed, closed_at, column, scattered, names)
    joins = [*early, *joins]
    blocks = [_blocks_of(story) for story in stories]
    moves = plan_joins(
        [[mend_names(_joined(block), names) for block in story] for story in blocks],
        fixed_first=fixed,
        headlines=headlines,
        pinned={
            (s, k)
            for s, story in enumerate(blocks)
            for k, block in enumerate(story)
            if any(line.number in pinned for line in block)
        },
        edges={
            (s, k): edges[block[0].number] for s, story in enumerate(blocks) for k, block in enumerate(story)
        },
        positions={
            (s, k): block[0].number for s, story in enumerate(blocks) for k, block in enumerate(story)
        },
        scattered=scattered or bool(joins),
        careful=None if joins else careful,  # the seams moved nothing: the same blocks as weighed above
    )
    moved: dict[int, list[_Line]] = {}
    taken: set[tuple[int, int]] = set()
    # A closing note in brackets (``（作者为…）``, ``（参与记者：田颖、…`` / ``李保东）``) is printed under
    # its story's last line: the story that holds it once the blocks are given out takes no text read
    # after it.
    noted = _closing_notes(blocks, moves)
    moves = [
        move
        for move in moves
        if (end := closed_at[move.target]) is None or blocks[move.source][move.block][0].number < end
        if (note := noted.get(move.target)) is None or blocks[move.source][move.block][0].number < note
        if not _notes_its_own_author(blocks[move.source][move.block], stories[move.source])
    ]
    for move in moves:
        block = blocks[move.source][move.block]
        taken.add((move.source, move.block))
        moved.setdefault(move.target, []).extend(block)
        why = f"shares {move.fit:.2f} of its words with it (its own story {move.own:.2f}); seam {move.seam or '-'}"
        joins.append(_Join(block[0].number, block[-1].number, move.source, move.target, why))
    if moves:
        for index, story in enumerate(stories):
            kept = [
                line for k, block in enumerate(blocks[index]) if (index, k) not in taken for line in block
            ]
            story.lines = sorted(kept + moved.get(index, []), key=lambda line: line.number)
    if CHAINS and (scattered or joins):
        # The page was read block by block (the careful joiner found blocks out of place, or a seam
        # joined blocks across stories): every block is matched at once over the page.
        joins.extend(_chain_blocks(stories, fixed, closed_at, column, headlines, openings, names))
    return joins


def _joined(block: list[_Line]) -> str:
    return "\n".join(line.text for line in block)


def _misread_names(stories: list[_Story], headlines: list[str], fixed: list[bool]) -> dict[str, str]:
    """The speakers' names the OCR misread on the page (`page_fragments.misread_names`), against the
    stories' seeds: each headline, and the opening block of each story a headline, dateline or byline
    opened."""
    blocks = [_blocks_of(story) for story in stories]
    seeds = [
        _squash(headline + (_text(story[0]) if story and opened else ""))
        for headline, story, opened in zip(headlines, blocks, fixed, strict=True)
    ]
    return misread_names([_squash(_text(block)) for story in blocks for block in story], seeds)


def _note_misread_names(stories: list[_Story], names: dict[str, str], roles: dict[int, str]) -> None:
    """For ``--explain``: on each line holding a misread name, which name the joiners read it as."""
    for story in stories:
        for line in story.lines:
            squashed = _squash(line.text)
            for misread, name in names.items():
                if misread in squashed:
                    why = f"text: the joiners read {misread} as {name} (a speaker's name one character off it in a headline or opening)"
                    roles[line.number] = f"{roles[line.number]}; {why}" if line.number in roles else why


# A block read before a story's headline goes to that story when the story holds at least this share
# of its words (character pairs weighted by how few blocks hold them), and this many times what the
# story it was read in holds in its headline and opening block.
EARLY_SHARE = 0.3
EARLY_RATIO = 3.0


def _read_before_headline(
    stories: list[_Story], headed: set[int], headlines: list[str], names: dict[str, str]
) -> list[_Join]:
    """A module whose headline the OCR read after its first blocks (a commentary's first paragraphs
    read under the story above's end, its headline after them, then the rest): the blocks at the end of
    the story above that story's text there ended a sentence, each sharing far more of its words with
    the story under the headline (its headline and text) than with the story it was read in (that
    one's headline and opening block), go to the story under the headline, read before its text.
    Only for a story under a printed headline whose text opens with prose (a dateline or a byline
    opens its story's text: nothing of it is read before), after a story no byline or end mark
    closed. Moves them and returns the joins."""
    blocks = [_blocks_of(story) for story in stories]
    all_pairs = [pairs(mend_names(_squash(_text(block)), names)) for story in blocks for block in story]
    frequency: Counter[str] = Counter()
    for token_set in all_pairs:
        frequency.update(token_set)
    count = len(all_pairs)

    def share(block: list[_Line], held: set[str]) -> float:
        mine = pairs(mend_names(_squash(_text(block)), names))
        weights = {t: math.log((count + 1) / (frequency[t] + 0.5)) + 0.1 for t in mine}
        total = math.fsum(weights.values())
        return math.fsum(w for t, w in weights.items() if t in held) / total if total else 0.0

    joins: list[_Join] = []
    for index in range(1, len(stories)):
        above, story = stories[index - 1], stories[index]
        if (
            index not in headed
            or not story.lines
            or story.byline is not None
            or _DATELINE_RE.match(story.lines[0].text)
            or is_byline(story.lines[0].text)
            or above.closed_by_byline
            or above.ended
            or len(blocks[index - 1]) < 2
        ):
            continue
        under = pairs(
            mend_names(_squash(headlines[index] + "".join(_text(block) for block in blocks[index])), names)
        )
        seed = pairs(mend_names(_squash(headlines[index - 1] + _text(blocks[index - 1][0])), names))
        tail = blocks[index - 1]
        run = _early_run(tail, share, under, seed)
        if not run:
            continue
        moved = {line.number for block in run for line in block}
        above.lines = [line for line in above.lines if line.number not in moved]
        story.lines = sorted(
            [*story.lines, *(line for block in run for line in block)], key=lambda ln: ln.number
        )
        for block in run:
            why = (
                f"the story's first text, read before its headline: shares {share(block, under):.2f} of its words with the story "
                f"under it, {share(block, seed):.2f} with the headline and opening of the story it was read in"
            )
            joins.append(_Join(block[0].number, block[-1].number, index - 1, index, why))
    return joins


def _early_run(
    tail: list[list[_Line]], share: Callable[[list[_Line], set[str]], float], under: set[str], seed: set[str]
) -> list[list[_Line]]:
    """The blocks at the end of a story (`tail`, its blocks; never its opening one) read before the
    next story's headline that are that story's (`_read_before_headline`): from the first block that
    shares at least `EARLY_SHARE` of its words with the story under the headline and `EARLY_RATIO`
    times what it shares with the story it was read in (`share` of the words of `under`, the story
    under the headline, and of `seed`, the headline and opening block of the story it was read in),
    the text before it ending a sentence, to the last block, which ends one too (a sentence broken off
    right before the headline goes on after it: the headline was read inside its story), none of them
    sharing more with the story it was read in."""

    def shares(block: list[_Line]) -> tuple[float, float]:
        return share(block, under), share(block, seed)

    for start in range(1, len(tail)):
        theirs, own = shares(tail[start])
        if theirs < EARLY_SHARE or theirs < EARLY_RATIO * own:
            continue
        if not _FINAL_RE.search(tail[start - 1][-1].text.strip()):
            continue  # it would cut a sentence of the story it was read in
        run = tail[start:]
        if not _FINAL_RE.search(run[-1][-1].text.strip()):
            return []  # the story above's sentence broke off before the headline: it goes on after it
        if all(
            len(_HAN_RE.findall(_text(block))) >= MIN_BLOCK_CHARS and (pair := shares(block))[0] >= pair[1]
            for block in run
        ):
            return run
        return []
    return []


def _text(block: list[_Line]) -> str:
    return "".join(line.text for line in block)


# Whether the whole-page matching of blocks (`page_chains`) runs after the joiners; off only to
# measure what it adds (`benchmarks.ocrpages`).
CHAINS = True


def _chain_blocks(
    stories: list[_Story],
    fixed: list[bool],
    closed_at: list[int | None],
    column: float,
    headlines: list[str],
    openings: set[int],
    names: Mapping[str, str] = _NO_NAMES,
) -> list[_Join]:
    """On a page read block by block, match every block to the block it goes on from over the whole
    page at once (`page_chains.assign_chains`), starting from the stories as the joiners left them.
    A story's first block opens it only when it is the block the story opened with (`openings`, the
    first line numbers before the joiners ran): a story whose opening block the joiners gave to the
    story it continues is left with fragments, each free to go where it reads on."""
    blocks = [(s, block) for s, story in enumerate(stories) for block in _blocks_of(story)]
    blocks.sort(key=lambda item: item[1][0].number)
    if len(blocks) < 3 or len(blocks) > MAX_CHAIN_BLOCKS:
        return []
    first_blocks = {id(_blocks_of(story)[0][0]) for story in stories if story.lines}
    heads = [id(block[0]) in first_blocks and block[0].number in openings for _s, block in blocks]
    # A block holding its story's author's note stays in that story, as a story's opening stays.
    pinned = [
        (head and fixed[s]) or _notes_its_own_author(block, stories[s])
        for (s, block), head in zip(blocks, heads, strict=True)
    ]
    fragments = [
        _fragment(s, block, column, pin, names) for (s, block), pin in zip(blocks, pinned, strict=True)
    ]
    closed_blocks: list[int | None] = []
    for end in closed_at:
        if end is None:
            closed_blocks.append(None)
            continue
        closed_blocks.append(
            max((k for k, (_s, block) in enumerate(blocks) if block[0].number <= end), default=None)
        )
    labels, links = assign_chains(
        fragments,
        [s for s, _block in blocks],
        headlines=headlines,
        heads=heads,
        closed_at=closed_blocks,
        fixed=pinned,
        notes=[bool(_CLOSING_NOTE_RE.match(block[0].text)) for _s, block in blocks],
    )
    joins: list[_Join] = []
    for link in links:
        block = blocks[link.start][1]
        source, target = blocks[link.start][0], labels[link.start]
        if link.end is None:
            why = f"the page's blocks matched as a whole; its story holds {link.words:.2f} of its words"
        else:
            ahead = blocks[link.end][1]
            why = (
                f"the page's blocks matched end to start as a whole: goes on from lines "
                f"{ahead[0].number}–{ahead[-1].number} (seam {link.seam}, join {link.weight:.2f}); "
                f"its story holds {link.words:.2f} of its words"
            )
        if link.cut:
            why += f"; read inside the sentence of the story it left, whose word {link.cut} reads across"
        if link.across:
            why += (
                f"; the word {link.across} reads across the join, and the story it left held under "
                f"{CLEAR_WORDS} of its words"
            )
        joins.append(_Join(block[0].number, block[-1].number, source, target, why))
    for index, story in enumerate(stories):
        story.lines = sorted(
            (
                line
                for (_s, block), label in zip(blocks, labels, strict=True)
                if label == index
                for line in block
            ),
            key=lambda line: line.number,
        )
    return joins


# A page of more blocks than this (a whole issue in one file) is not matched as a whole.
MAX_CHAIN_BLOCKS = 120


def _full_line(text: str, column: float) -> bool:
    """Whether a line is set to the column's full measure: a paragraph's first line is two cells short
    by its indent, its last line short unless it ends at the edge (a mark hung past it aside)."""
    text = _MULTI_SPACE_RE.sub("", text)
    if len(text) > 1 and text[-1] in _HANGING:
        text = text[:-1]
    return _cells(text) >= column - 1.0


def _fragment(
    story_index: int, block: list[_Line], column: float, fixed: bool, names: Mapping[str, str] = _NO_NAMES
) -> Fragment:
    first, last = block[0].text.strip(), block[-1].text.strip()
    final = bool(_FINAL_RE.search(last))
    full_first = _full_line(first, column)
    return Fragment(
        story=story_index,
        text=mend_names(_joined(block), names),
        open_start=full_first and not _DATELINE_RE.match(first) and not is_byline(first),
        open_end=not final and not _SOFT_FINAL_RE.search(last) and _full_line(last, column),
        closed_end=final and not _full_line(last, column),
        paragraph_start=len(block) > 1 and not full_first,
        fixed=fixed,
    )


def _join_seams(
    stories: list[_Story],
    fixed: list[bool],
    closed_at: list[int | None],
    column: float,
    scattered: bool,
    names: dict[str, str],
) -> tuple[list[_Join], set[int], dict[int, Fragment]]:
    """Give each block left mid-sentence the block that goes on from it, wherever on the page the OCR
    read that one (`page_fragments.plan_seams`); the block moves with the blocks that read on from it.
    On a page read block by block (`scattered`, or where such a join is found across stories), the
    seams the segmenter left reading on are weighed against the others too.
    Returns the joins, the line numbers of the blocks joined (they stay where they are), and each
    block's edges by its first line number."""
    blocks = [(s, block) for s, story in enumerate(stories) for block in _blocks_of(story)]
    blocks.sort(key=lambda item: item[1][0].number)
    first_blocks = {id(_blocks_of(story)[0][0]) for story in stories if story.lines}
    fragments = [
        _fragment(s, block, column, fixed[s] and id(block[0]) in first_blocks, names) for s, block in blocks
    ]
    planned = plan_seams(fragments)
    if scattered or any(fragments[seam.end].story != fragments[seam.start].story for seam in planned):
        planned = plan_seams(fragments, contest=True)
    seams = [
        seam
        for seam in planned
        if (end := closed_at[fragments[seam.end].story]) is None or blocks[seam.start][1][0].number < end
    ]
    joins: list[_Join] = []
    pinned: set[int] = set()
    owner = {block[0].number: s for s, block in blocks}
    edge = {block[0].number: fragment for (_s, block), fragment in zip(blocks, fragments, strict=True)}
    for seam in seams:
        source, target = owner[blocks[seam.start][1][0].number], owner[blocks[seam.end][1][0].number]
        if source == target:
            continue
        run = [blocks[seam.start][1]]
        # The blocks of the source story that read on from the moved one go with it.
        following = [
            block
            for _s, block in blocks
            if owner[block[0].number] == source and block[0].number > run[0][0].number
        ]
        for block in following:
            if not (edge[run[-1][0].number].open_end and edge[block[0].number].open_start):
                break
            run.append(block)
        lines = [line for block in run for line in block]
        numbers = {line.number for line in lines}
        stories[source].lines = [line for line in stories[source].lines if line.number not in numbers]
        stories[target].lines = sorted(stories[target].lines + lines, key=lambda line: line.number)
        pinned.update(line.number for line in lines)
        pinned.update(line.number for line in blocks[seam.end][1])
        for block in run:
            owner[block[0].number] = target
        why = f"goes on from the sentence left open there (seam {seam.seam}, plausibility {seam.score:.2f})"
        joins.append(_Join(lines[0].number, lines[-1].number, source, target, why))
    return joins, pinned, edge
