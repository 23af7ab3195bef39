"""`benchmarks.pagefamilies.pages_in_seed_order`, the one way a family lays its sources out in a seed's order
(without the People's Daily corpus: the sources are names, each page printing its own)."""

from __future__ import annotations

import random

from benchmarks.conventionpages import Expected
from benchmarks.pagefamilies import FamilyPage, pages_in_seed_order

SOURCES = [f"第{k}版" for k in range(1, 8)]


def _page(source: str, rng: random.Random) -> FamilyPage:
    lead = f"{source}的正文，第{rng.randint(1, 9)}段。"
    story = Expected(title=source, paragraphs=(lead,), date=None, reporters=(), correspondents=())
    return FamilyPage.from_lines("test_page", [source, lead], "2020-01-10", [story], ["feature"])


def _printed(pages: list[FamilyPage]) -> list[str]:
    return [page.expected[0].title for page in pages]


def test_a_seed_prints_every_source_once_before_any_again_and_the_same_pages_each_time():
    pages = pages_in_seed_order("test_page", 1, SOURCES, 10, _page)
    printed = _printed(pages)
    assert sorted(printed[:7]) == sorted(SOURCES) and printed[7:] == printed[:3]
    assert [p.text for p in pages_in_seed_order("test_page", 1, SOURCES, 10, _page)] == [
        p.text for p in pages
    ]
    assert _printed(pages_in_seed_order("test_page", 2, SOURCES, 10, _page)) != printed
    assert _printed(pages_in_seed_order("other_page", 1, SOURCES, 10, _page)) != printed


def test_with_halves_the_two_seeds_share_no_source():
    odd = set(_printed(pages_in_seed_order("test_page", 1, SOURCES, 10, _page, halves=True)))
    even = set(_printed(pages_in_seed_order("test_page", 2, SOURCES, 10, _page, halves=True)))
    assert odd == set(SOURCES[0::2]) and even == set(SOURCES[1::2])
    assert set(_printed(pages_in_seed_order("test_page", 3, SOURCES, 10, _page, halves=True))) == odd
