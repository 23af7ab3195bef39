"""Issue 22: the bolder joiner (`page_fragments.plan_scattered_moves`) on a page read block by block: a
block read right after its own story's block, the join as print reads on, leaves that story only on a
clear claim of another story.

Made-up blocks in the shape of what Tesseract reads: two stories, each opened by its dateline, and a
paragraph read right after the port story's last paragraph that names the grain story's words too.
"""

from __future__ import annotations

from storage.ingest.page_fragments import NEXT_WEIGHT, Fragment, plan_scattered_moves

GRAIN = "本报北京6月6日电  国家粮食局6日发布\n消息，今年夏粮收购工作进展顺利，各\n地粮库收购小麦的进度加快。"
PORT = "本报上海6月6日电  洋山港集装箱码头\n今年前五个月的集装箱吞吐量同比增长\n百分之八，居全国港口前列。"
# A paragraph (indented first line) read after the port story's paragraph ended on a short line.
BOTH = "  粮库，小麦，夏粮，收购，国家粮食局，洋山港的情况\n都在好转，各方面的工作有序推进。"


def _fragment(story: int, text: str, *, start: str, end: str, fixed: bool = False) -> Fragment:
    return Fragment(
        story=story,
        text=text,
        open_start=start == "open",
        open_end=end == "open",
        closed_end=end == "closed",
        paragraph_start=start == "indent" and "\n" in text,
        fixed=fixed,
    )


def _moves(port_end: str) -> list[tuple[int, int, int]]:
    stories = [[GRAIN], [PORT, BOTH]]
    edges = {
        (0, 0): _fragment(0, GRAIN, start="indent", end="closed", fixed=True),
        (1, 0): _fragment(1, PORT, start="indent", end=port_end, fixed=True),
        (1, 1): _fragment(1, BOTH, start="indent", end="closed"),
    }
    moves = plan_scattered_moves(
        stories,
        fixed_first=[True, True],
        headlines=["夏粮收购进展顺利", "洋山港吞吐量增长"],
        edges=edges,
        positions={(0, 0): 1, (1, 0): 5, (1, 1): 9},
    )
    return [(move.source, move.block, move.target) for move in moves]


def test_a_paragraph_read_right_after_its_story_stays_on_a_near_tie():
    # The port story's paragraph ended on a short line and the block opens a paragraph: print reads
    # the join on, and the grain story's claim (its words, a little more of them) is not clear enough.
    assert NEXT_WEIGHT > 0
    assert _moves("closed") == []


def test_where_print_rules_the_join_out_the_block_goes_by_its_words():
    # The port story broke off mid-sentence on a full line: an indented paragraph does not go on from
    # it, so nothing holds the block there and the grain story's words take it.
    assert _moves("open") == [(1, 1, 0)]
