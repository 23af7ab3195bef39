"""OCR'd pages read block by block: a block too short to be judged by its words stays where it reads on.

Tesseract read the Tianjin story's block ending mid-sentence (``…村庄基层工作者有的``), then the Nanjing
story's block ending a sentence (``…访问量即达到1.8万次。``), then a one-line block ``放矢精准排查。``
(rmrb_ocr4 4-9). The whole-page matching of blocks gave the short block to the block read right before
it, a tie-breaker of position, though the Tianjin story's open sentence reads on into it (有的放矢);
the next block, ``记者在天津…``, went with it. A block too short to be judged by its words leaves its
story only for a join that reads at least as well as the one from its story's block read last before
it. Made-up blocks in that shape, and the block that does move: its own story's text ended a sentence,
the other story's reads on into it.
"""

from __future__ import annotations

from storage.ingest.page_chains import assign_chains
from storage.ingest.page_fragments import Fragment


def _block(story: int, text: str, *, start: str, end: str, fixed: bool = False) -> Fragment:
    return Fragment(
        story=story,
        text=text,
        open_start=start == "open",
        open_end=end == "open",
        closed_end=end == "closed",
        paragraph_start=start == "indent" and "\n" in text,
        fixed=fixed,
    )


TIANJIN = _block(
    0,
    "本报天津2月14日电  天津市加强疫情\n信息公开，细致排查筑牢防线。",
    start="indent",
    end="closed",
    fixed=True,
)
NANJING = _block(
    1,
    "本报南京2月14日电  南京医科大学积极\n承担防控任务，四线作战抗疫情。",
    start="indent",
    end="closed",
    fixed=True,
)
TIANJIN_OPEN = _block(
    0,
    "信息公开以便公众自我判断是否密切接触\n者，同时便于相关社区、村庄基层工作者有的",
    start="indent",
    end="open",
)
NANJING_CLOSED = _block(
    1, "科普电子书在网络发布，推出当天的访问\n量即达到1.8万次。", start="indent", end="closed"
)
SHORT = _block(0, "放矢精准排查。", start="indent", end="closed")


def _assign(fragments: list[Fragment], labels: list[int]) -> list[int]:
    heads = [True, True] + [False] * (len(fragments) - 2)
    out, _links = assign_chains(
        fragments,
        labels,
        headlines=["天津市加强疫情信息公开", "南京医科大学积极承担防控任务"],
        heads=heads,
        closed_at=[None, None],
        fixed=heads,
    )
    return out


def test_issue22_a_short_block_stays_with_the_sentence_it_reads_on_from():
    labels = _assign([TIANJIN, NANJING, TIANJIN_OPEN, NANJING_CLOSED, SHORT], [0, 1, 0, 1, 0])
    assert labels[4] == 0


def test_issue22_a_short_block_goes_where_it_reads_on_better():
    # Its own story's text ended a sentence; the other story's sentence is left open before it.
    tianjin_closed = _block(
        0, "信息公开以便公众自我判断是否密切接触\n者，也便于基层工作。", start="indent", end="closed"
    )
    nanjing_open = _block(
        1, "科普电子书在网络发布，推出当天就有的\n读者留言说，防控知识要有的", start="indent", end="open"
    )
    labels = _assign([TIANJIN, NANJING, tianjin_closed, nanjing_open, SHORT], [0, 1, 0, 1, 0])
    assert labels[4] == 1
