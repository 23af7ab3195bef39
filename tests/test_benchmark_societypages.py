"""The 社会 page family of `benchmarks.societypages`: the names its truth reads from a reporters' line or an
item's closing bracket (without the corpus), and the pages and truth of both seeds, as frozen before any
parser change was made for them (with the People's Daily corpus)."""

from __future__ import annotations

import pytest

from benchmarks import pagefamilies, parsing, rmrb, societypages
from benchmarks.common import ROOT

# The pages-and-truth checksums of the two seeds, as frozen before the parser read them
# (benchmarks/reports/pages.md).
FROZEN = {
    1: "8887656c4ee38ce3ea8763054a954e1641487998baf1aece9b108e3061a49fd2",
    2: "15168debfa130845a257c35ff7e726d1b01b330f6ea1c25b44249c0435e28f7c",
}


@pytest.mark.parametrize(
    ("bracket", "names"),
    [
        ("（本报记者  何  璐）", ("何璐",)),
        ("（原韬雄  王  韬  高  峰）", ("原韬雄", "王韬", "高峰")),
        ("（记者王某、李某）", ("王某", "李某")),
        ("（图文无关，仅供参考）", ()),
        ("（2月11日）", ()),
    ],
)
def test_an_item_s_closing_bracket_names_its_reporters(bracket, names):
    assert societypages._closing_names(bracket) == names


def test_a_reporters_line_of_names_one_space_apart_is_read_name_by_name():
    assert societypages._names_in("郑少忠 任江华") == ("郑少忠", "任江华")
    assert societypages._names_in("张 枨") == ("张枨",)


def test_the_family_is_run_by_the_standard_run_with_a_second_seed():
    assert societypages.PAGE_FAMILIES in parsing.TEXT_PAGE_FAMILIES
    assert societypages.PAGE_FAMILIES.unseen_seed == 2


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
@pytest.mark.parametrize("seed", sorted(FROZEN))
def test_each_seed_is_the_one_whose_checksum_was_frozen(seed):
    pages = societypages.make_society(pagefamilies.PAGES_PER_FAMILY, seed)
    assert pagefamilies.checksum(pages) == FROZEN[seed]


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
def test_the_two_seeds_draw_from_the_two_halves_of_the_paper_s_pages():
    every = societypages.society_pages(societypages.TUNED_MONTHS)
    halves = [{a.key for page in every[k::2] for a in page} for k in (0, 1)]
    assert len(every) == 32 and halves[0] and halves[1] and not halves[0] & halves[1]


def test_the_frozen_checksums_are_recorded_in_the_family_s_section():
    record = (ROOT / "benchmarks" / "reports" / "pages.md").read_text(encoding="utf-8")
    section = record[record.index("### An eighth new layout read first: a 社会 page") :]
    assert all(checksum in section for checksum in FROZEN.values())
