"""The city web edition of `benchmarks.ocrwebcity`: its layout, its truth and the paper pages it draws from,
without Chromium or Tesseract (and, but for the checks on the corpus, without the People's Daily corpus)."""

from __future__ import annotations

import html
import random
import re

import pytest

from benchmarks import ocrpages, ocrwebcity, parsing, rmrb
from benchmarks.common import ROOT
from tests.test_benchmark_ocrweb import _articles

# The set's pages-and-truth checksum, as frozen before the parser read it (benchmarks/reports/pages-ocr.md).
FROZEN = {
    "rmrb_ocr_webcity": "ba4b176cbb766566102c734bffc7d0ae4525b702a016db78cf61920c42386a09",
    "rmrb_ocr_webcity_check": "27454eb728ba0b8cff2d0d7dd8fa6dd51053a6388984551d3ada6a8e79ba98fc",
}


def _text(document: str) -> str:
    """The page's visible text in source order, tags removed."""
    return html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", "", document, flags=re.S))


def test_every_story_is_one_card_and_the_cards_tile_the_grid():
    for seed in range(40):
        page = ocrwebcity.layout(_articles(), random.Random(seed), "2020-02-29", 4)
        assert 2 <= page.tracks <= 4
        assert sorted(c.article.key for c in page.cards) == sorted(a.key for a in _articles())
        cells = [
            (row, track)
            for c in page.cards
            for row in range(c.row, c.row + c.rows)
            for track in range(c.track, c.track + c.span)
        ]
        assert len(cells) == len(set(cells))
        assert all(1 <= c.track and c.track + c.span - 1 <= page.tracks for c in page.cards)
        assert all(c.columns == 1 or c.span >= 2 for c in page.cards)
        assert page.html.count('class="card') == len(page.cards)


def test_each_story_prints_its_headlines_byline_and_paragraphs_in_order():
    for seed in range(10):
        text = _text(ocrwebcity.layout(_articles(), random.Random(seed), "2020-02-29", 4).html)
        for article in _articles():
            pieces = [
                *article.heads,
                *([article.byline_line] if article.byline_line else []),
                *article.paragraphs,
            ]
            places = [text.find(piece) for piece in pieces]
            assert -1 not in places, (seed, article.key)
            assert places == sorted(places)


def test_the_top_is_web_furniture_with_a_zero_padded_date_and_page():
    for seed in range(10):
        page = ocrwebcity.layout(_articles(), random.Random(seed), "2020-02-09", 4)
        top = _text(page.html[: page.html.index('class="grid"')])
        assert "首页" in top and "人民日报" in top and "2020年02月09日 星期日" in top
        assert re.search("当前位置：数字报 > 第04版：(" + "|".join(ocrwebcity.SECTIONS) + ")", top)
        foot = _text(page.html[page.html.index('class="foot"') :])
        assert "版权声明" in foot and "Copyright" in foot


def test_a_caption_shows_what_the_photo_shows_and_credits_it_on_its_own_line():
    rng = random.Random(2)
    wire, _, short = _articles()
    for article in (wire, short):
        for _ in range(6):
            text, credit = ocrwebcity.caption(article, rng)
            assert text.startswith(("▲", "图：")) and text.endswith("。")
            assert "电" not in text[:12]  # no dateline, with or without reporters in brackets
            assert credit.endswith(("摄", "新华社发"))
    assert ocrwebcity.caption(short, random.Random(0))[0][1:].startswith(("远望号", "：远望号"))


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
def test_the_sets_are_the_ones_frozen_and_share_no_paper_page_with_another_ocr_set():
    (name, seed, count, first), (check, _, more, later) = ocrwebcity.TUNED, ocrwebcity.CHECK
    chosen = ocrwebcity.chosen_pages(later + more, seed)
    assert later == first + count
    assert ocrwebcity.checksum(chosen[:count]) == FROZEN[name]
    assert ocrwebcity.checksum(chosen[later:]) == FROZEN[check]
    keys = [a.key for _, articles, _ in chosen for a in articles]
    assert len(keys) == len(set(keys))
    assert not {key[:11] for key in keys} & ocrwebcity.other_sets_pages()


def test_the_frozen_checksum_is_recorded_in_the_family_s_section():
    record = (ROOT / "benchmarks" / "reports" / "pages-ocr.md").read_text(encoding="utf-8")
    section = record[record.index("### A city daily's web edition, read first") :]
    assert all(checksum in section for checksum in FROZEN.values())


def test_the_city_sets_neither_cached_nor_makeable_are_skipped_with_their_reason(monkeypatch, capsys):
    def unavailable(count: int, seed: int, first: int = 0) -> list[ocrpages.OcrPage]:
        raise ocrpages.OcrUnavailable(
            f"headless Chromium is not installed, and page webcity{seed}-{first} is not cached"
        )

    monkeypatch.setattr(ocrwebcity, "make_pages", unavailable)
    parsing._city_web_sets(quick=False)
    assert capsys.readouterr().out.splitlines() == [
        "rmrb_ocr_webcity skipped: headless Chromium is not installed, and page webcity1-0 is not cached",
        "rmrb_ocr_webcity_check skipped: headless Chromium is not installed, and page webcity1-8 is not cached",
    ]


def test_the_fresh_checks_pages_show_no_story():
    with pytest.raises(SystemExit, match="fresh check"):
        ocrwebcity.main(["--pages", str(ocrwebcity.CHECK[3] + 1), "--show-failures"])
