"""The 体育 page family of `benchmarks.sportsfullpages`: which pieces are pictures, how a wire's dispatch is
dated, which pieces the truth can read and where the page's chart line goes (without the corpus), and the
pages and truth of both seeds, as frozen before any parser change was made for them (with the People's Daily
corpus)."""

from __future__ import annotations

import random

import pytest

from benchmarks import pagefamilies, parsing, rmrb, sportsfullpages
from benchmarks.common import ROOT
from benchmarks.rmrb import Article

# The pages-and-truth checksums of the two seeds, as frozen before the parser read them
# (benchmarks/reports/pages.md).
FROZEN = {
    1: "5214e04ec8b1c2eaec44ae497b77f087245681ac24b00efcb95cdfbce4713383",
    2: "f95badc0fb8e6a6ee16ce64f3ec350bdedeb47a883247c717927f0a81a4a24fa",
}


def _article(
    heads: tuple[str, ...],
    paragraphs: tuple[str, ...],
    date: str | None = None,
    reporters: tuple[str, ...] = (),
) -> Article:
    return Article("20190212-15-05", "2019-02-12", 15, heads, paragraphs, date, reporters, None)


PICTURE = _article(
    ("出球（动感2019）",),
    ("当地时间2月9日，球员在比赛中。", "当日，2019年国际足球邀请赛在意大利举行。", "新华社记者  王  某摄"),
)
WIRE = _article(
    ("巴黎柔道大满贯赛", "陈飞摘得女子78公斤级铜牌"),
    (
        "据新华社巴黎2月10日电  （记者苏斌）在10日进行的国际柔道联合会巴黎大满贯赛女子78公斤级比赛中，"
        "中国队选手陈飞拿到了一枚铜牌。",
        "本届比赛共吸引了来自97个国家和地区的572位运动员参加。",
        "本版制图：蔡华伟",
    ),
)


def test_a_picture_is_a_short_caption_closed_by_its_credit_which_the_truth_keeps():
    assert sportsfullpages._picture(PICTURE)
    assert not sportsfullpages._picture(WIRE)
    for seed in range(10):
        lines, truth, kind = sportsfullpages._lay(PICTURE, 3, random.Random(seed), 18)
        assert kind == "动感 picture"
        assert truth.paragraphs == PICTURE.paragraphs
        assert truth.title == "出球（动感2019）"


def test_a_wire_s_dispatch_is_dated_and_signed_by_its_dateline_and_its_chart_line_goes_to_the_foot():
    printed, chart = sportsfullpages._on_the_page(WIRE)
    assert chart == "本版制图：蔡华伟"
    assert printed.paragraphs == WIRE.paragraphs[:2]
    _lines, truth, kind = sportsfullpages._lay(printed, 2, random.Random(1), 18)
    assert (truth.date, truth.reporters) == ("2019-02-10", ("苏斌",))
    assert kind.startswith("wire dispatch")
    page = sportsfullpages.compose_sports_full([PICTURE, PICTURE, WIRE], random.Random(2))
    assert "本版制图：蔡华伟" in page.text
    assert all("本版制图" not in p for e in page.expected for p in e.paragraphs)


def test_pieces_the_truth_cannot_read_are_left_out():
    unread = _article(
        ("於之莹成功卫冕",),
        ("据新华社东京2月24日电  （李简、沈红辉）第二届扇兴杯世界围棋女子最强战决赛举行。",) * 2,
    )
    paid = _article(
        ("华帝着眼未来",), ("华帝致力点亮青少年足球梦想，举办了多场比赛。",) * 2 + ("数据来源：华帝股份",)
    )
    assert sportsfullpages._printable(PICTURE)
    assert sportsfullpages._printable(sportsfullpages._on_the_page(WIRE)[0])
    assert not sportsfullpages._printable(unread)
    assert sportsfullpages._advertisement(paid)


def test_the_family_is_run_by_the_standard_run_with_a_second_seed():
    assert sportsfullpages.PAGE_FAMILIES in parsing.TEXT_PAGE_FAMILIES
    assert sportsfullpages.PAGE_FAMILIES.unseen_seed == 2


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
@pytest.mark.parametrize("seed", sorted(FROZEN))
def test_each_seed_is_the_one_whose_checksum_was_frozen(seed):
    pages = sportsfullpages.make_sports_full(pagefamilies.PAGES_PER_FAMILY, seed)
    assert pagefamilies.checksum(pages) == FROZEN[seed]


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
def test_the_two_seeds_draw_from_the_two_halves_of_the_paper_s_pages():
    every = sportsfullpages.sports_full_pages(sportsfullpages.TUNED_MONTHS)
    halves = [{a.key for page in every[k::2] for a in page} for k in (0, 1)]
    assert len(every) == 33 and halves[0] and halves[1] and not halves[0] & halves[1]


def test_the_frozen_checksums_are_recorded_in_the_family_s_section():
    record = (ROOT / "benchmarks" / "reports" / "pages.md").read_text(encoding="utf-8")
    section = record[record.index("### An eleventh new layout read first: the 体育 page printed whole") :]
    assert all(checksum in section for checksum in FROZEN.values())
