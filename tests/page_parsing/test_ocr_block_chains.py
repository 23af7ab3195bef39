"""A page read block by block, every block given to its story at once (`page_chains`).

Made-up blocks in the shape of what Tesseract reads off a broadsheet: two stories whose column blocks
alternate, so that each block the reading order puts under the wrong story goes on from the other
story's open sentence.
"""

from __future__ import annotations

import itertools
import random

from storage.ingest.ocr_page import parse_page
from storage.ingest.page_chains import Link, assign_chains, hungarian
from storage.ingest.page_fragments import Fragment


def _block(story: int, text: str, *, start: str, end: str, fixed: bool = False) -> Fragment:
    """A block as `page_seams._fragment` describes one: `start` "open" (a full first line, text going
    on from elsewhere) or "indent" (a paragraph's first line); `end` "open" (mid-sentence on a full
    line) or "closed" (a sentence ended on a short line)."""
    return Fragment(
        story=story,
        text=text,
        open_start=start == "open",
        open_end=end == "open",
        closed_end=end == "closed",
        paragraph_start=start == "indent" and "\n" in text,
        fixed=fixed,
    )


GRAIN = _block(
    0,
    "本报北京6月6日电  国家粮食局6日发布\n消息，今年夏粮收购工作进展顺利，各\n地粮库收购小麦的进度",
    start="indent",
    end="open",
    fixed=True,
)
PORT = _block(
    1,
    "本报上海6月6日电  洋山港集装箱码头\n今年前五个月的集装箱吞",
    start="indent",
    end="open",
    fixed=True,
)
GRAIN_ON = _block(
    1,  # read after the port story's block: the reading order gives it to that story
    "已超过去年同期，粮库收购小麦两千万吨，\n夏粮收购价格总体平稳。",
    start="open",
    end="closed",
)
PORT_ON = _block(
    0,  # read after the grain story's text
    "吐量同比增长百分之八，码头的集装箱\n吞吐量居全国港口前列。",
    start="open",
    end="closed",
)


def _assign(
    fragments: list[Fragment], labels: list[int], closed_at: list[int | None] | None = None
) -> list[int]:
    heads = [True, True] + [False] * (len(fragments) - 2)
    out, _links = assign_chains(
        fragments,
        labels,
        headlines=["夏粮收购进展顺利", "洋山港集装箱吞吐量增长"],
        heads=heads,
        closed_at=closed_at or [None, None],
        fixed=heads,
    )
    return out


def test_blocks_read_alternately_go_to_the_stories_they_go_on_from():
    # Reading order: grain, port, grain's rest, port's rest; the segmenter gave each rest to the story
    # read just before it.
    labels = _assign([GRAIN, PORT, GRAIN_ON, PORT_ON], [0, 1, 1, 0])
    assert labels == [0, 1, 0, 1]


def test_a_story_closed_by_its_byline_takes_no_block_read_after_it():
    # The grain story closed (its byline) after its first block: its words do not draw the next one.
    labels = _assign([GRAIN, PORT, GRAIN_ON, PORT_ON], [0, 1, 1, 0], closed_at=[0, None])
    assert labels[2] == 1


def test_blocks_already_with_their_stories_stay():
    labels = _assign([GRAIN, PORT, PORT_ON, GRAIN_ON], [0, 1, 1, 0])
    assert labels == [0, 1, 1, 0]


def test_the_matching_is_the_best_one_to_one_assignment():
    rng = random.Random(7)
    for _ in range(200):
        rows = rng.randint(1, 5)
        columns = rng.randint(rows, 6)
        weights = [[rng.choice((-1e9, rng.uniform(-1, 1))) for _ in range(columns)] for _ in range(rows)]
        for row in weights:
            row[rng.randrange(columns)] = rng.uniform(-1, 1)  # every row has a column it may take
        chosen = hungarian(weights)
        assert len(set(chosen)) == rows
        best = max(
            sum(weights[r][c] for r, c in enumerate(perm))
            for perm in itertools.permutations(range(columns), rows)
        )
        assert abs(sum(weights[r][c] for r, c in enumerate(chosen)) - best) < 1e-6


# Two typeset stories of one topic (no datelines), each column break a blank line in mid-sentence: the
# page is read in order and the matching moves nothing from one story to the other.
TYPESET_PAGE = (
    "全省春耕备耕工作会议召开\n\n"
    "全省春耕备耕工作会议6日在省城\n"
    "召开，会议听取了农业农村厅关于春\n"
    "耕备耕工作的汇报，部署了今年的春\n\n"
    "耕生产和农资供应工作。\n"
    "本报记者  李明\n\n"
    "全省农资保供工作会议召开\n\n"
    "全省农资保供工作会议6日在省城\n"
    "召开，会议听取了供销合作社关于农\n"
    "资保供工作的汇报，部署了今年的化\n\n"
    "肥、种子和农药的调运工作。\n"
    "本报记者  王芳\n"
)


def test_typeset_stories_of_one_topic_keep_their_text():
    first, second = parse_page(TYPESET_PAGE, year=2020)
    assert first.title == "全省春耕备耕工作会议召开"
    assert "".join(first.paragraphs).endswith("耕生产和农资供应工作。")
    assert second.title == "全省农资保供工作会议召开"
    assert "".join(second.paragraphs).endswith("肥、种子和农药的调运工作。")


def test_a_story_whose_closing_note_was_read_takes_no_later_block():
    note = _block(0, "(本报记者李明、王芳)", start="indent", end="closed")
    grain_on = _block(1, GRAIN_ON.text, start="open", end="closed")
    out, _links = assign_chains(
        [GRAIN, note, PORT, grain_on],
        [0, 0, 1, 1],
        headlines=["夏粮收购进展顺利", "洋山港集装箱吞吐量增长"],
        heads=[True, False, True, False],
        closed_at=[None, None],
        fixed=[True, False, True, False],
        notes=[False, True, False, False],
    )
    assert out[3] == 1


def test_no_block_leaves_its_story_across_a_join_print_rules_out():
    # The grain story's sentence ended on a short line: a block set full from its first line does not
    # go on from it, however many of its words it shares.
    grain_closed = _block(0, GRAIN.text + "也已过半。", start="indent", end="closed", fixed=True)
    labels = _assign([grain_closed, PORT, GRAIN_ON], [0, 1, 1])
    assert labels == [0, 1, 1]


# Issue 22: a run of one story's paragraphs the OCR read into the middle of another story's sentence
# (``…表示希`` / run / ``望能有机会…``). The run's blocks share their words with each other, so the story
# they were read in held them by their words; the word cut at the join (希望) takes them out.
_LETTER = _block(
    0,
    "新华社北京2月22日电  国家主席习近平\n亲切复信美国犹他州卡斯卡德小学学生，\n鼓励他们继续努力学习中文。",
    start="indent",
    end="closed",
    fixed=True,
)
_PARK = _block(
    1,
    "本报天津2月22日电  天津一家光电企业\n近日恢复生产，员工陆续返岗。",
    start="indent",
    end="closed",
    fixed=True,
)
_PARK_ON = _block(1, "既要真招实招防疫，也要真金白银\n减负，滨海打出了组合拳。", start="indent", end="closed")
_RUN = [
    _block(
        0,
        "在服务方面，高新区管委会每三天开展\n一轮集中包联，指导落实防疫措施。",
        start="indent",
        end="closed",
    ),
    _block(
        0, "高新区管委会还设立了一亿元专项资金，\n已经为一百多家发放补贴资金。", start="indent", end="closed"
    ),
]


def _letter_page(cut: str, rest: str) -> tuple[list[int], list[Link]]:
    """Reading order: the park story's lead, the letter's lead, the letter cut mid-sentence (`cut`), the
    park story's next paragraph, the run, the letter's rest (`rest`, a full first line)."""
    fragments = [
        _PARK,
        _LETTER,
        _block(0, cut, start="indent", end="open"),
        _PARK_ON,
        *_RUN,
        _block(0, rest, start="open", end="closed"),
    ]
    heads = [True, True] + [False] * 5
    return assign_chains(
        fragments,
        [1, 0, 0, 1, 0, 0, 0],
        headlines=["习近平复信美国犹他州小学生", "天津真招实招防疫"],
        heads=heads,
        closed_at=[None, None],
        fixed=heads,
    )


def test_issue22_a_run_read_into_a_sentence_cut_inside_a_word_leaves_that_story():
    labels, links = _letter_page(
        "春节前夕，卡斯卡德小学五十名学生用中\n文写给习近平新年贺卡，表示希",
        "望能有机会访问中国，并祝习爷爷新年快\n乐。",
    )
    assert labels == [1, 0, 0, 1, 1, 1, 0]
    assert [(link.start, link.cut) for link in links] == [(4, "希望"), (5, "希望")]  # for --explain


def test_issue22_a_run_stays_where_no_word_is_cut_across_the_join():
    # The letter's sentence stops at a word's end (``表示``) and its rest starts a word of its own: no
    # word reads across, so the run's words keep it where it was read.
    labels, _links = _letter_page(
        "春节前夕，卡斯卡德小学五十名学生用中\n文写给习近平新年贺卡，他们表示",
        "愿意有机会访问中国，并祝习爷爷新年快\n乐。",
    )
    assert labels[4:6] == [0, 0]
