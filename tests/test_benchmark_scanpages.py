"""The scanned-look page family of `benchmarks.scanpages`: its plan, its scan and its guard, without
Tesseract (and, but for the frozen checksums, without the People's Daily corpus)."""

from __future__ import annotations

import random

import pytest

from benchmarks import ocrpages, parsing, rmrb, scanpages
from benchmarks.rmrb import parse_article

_WIRE = """赵克志强调
坚持打防并举综合施策 坚决整治跨境赌博乱象
\u3000\u3000本报北京2月28日电  （记者张璁）国务委员、公安部部长赵克志28日在研究部署打击治理跨境赌博工作专题会议上强调，要认真学习贯彻重要指示精神。
\u3000\u3000赵克志要求，要尽快侦办一批组织出境赌博、利用互联网开设赌场等大案要案。
"""

_FEATURE = """韩正访问瑞士
\u3000\u3000本报记者  李  婕
\u3000\u3000瑞士联邦副主席帕姆兰邀请，中共中央政治局常委、国务院副总理韩正1月20日至21日访问瑞士，会见瑞士联邦主席。
\u3000\u3000韩正表示，2016年，中方愿同瑞方以此为契机，巩固传统友好，深化务实合作。
"""

_SHORT = """远望号航天测量船队返航
\u3000\u3000据新华社电  远望号航天测量船队20日下午顺利停靠码头，包括远望5号、6号在内的4艘船全部凯旋。
\u3000\u3000中国卫星海上测控部相关负责人介绍，2019年，远望号船队圆满完成17次海上测控任务。
"""

# The sets' plan-and-truth checksums, as frozen before any parser read them (benchmarks/reports/pages-ocr.md).
FROZEN = {
    1: "f636e0d077e9dd7435d6b769bbb8a544541b5110f23f3784f683daaee724e8e3",
    2: "323505dde51ecf1730b25ca0633320cb86cdc0e0b2cc8e22a42802ccfaaebf0b",
    8: "23ccc2758a7aef3e4d1c3e4ffd25c3a5f4a22c016a2f2be2db6b545e5db0ad3a",
    9: "6266c515a3398285b767b96216f169cfbac6ef09df0d1fe169656292c18c1281",
    10: "5aa8d44ab36c4968f611814532ef48608af2e004d06142ca2d136a92a8491be6",
    11: "2ba85ea83a3fa85361a406ae329ca29d7b334acfd00df3265729f36f026dad4e",
}


def _articles():
    texts = ((_WIRE, "20200229-04-01.txt"), (_FEATURE, "20200122-02-01.txt"), (_SHORT, "20200122-02-02.txt"))
    articles = [parse_article(text, name) for text, name in texts]
    assert all(a is not None for a in articles)
    return [a for a in articles if a is not None]


def _plan(seed: int) -> scanpages.Plan:
    return scanpages.plan(_articles(), random.Random(seed), "2020-02-29", 7)


def test_the_same_seed_gives_the_same_plan_and_another_seed_another():
    assert _plan(3) == _plan(3)
    assert repr(_plan(3)) != repr(_plan(4))


def test_every_story_prints_its_headlines_byline_and_lines_in_order_once():
    for seed in range(20):
        lines = [t.text.replace("\u3000", "") for t in _plan(seed).texts]
        printed = "".join(lines)
        for article in _articles():
            pieces = [
                *article.heads,
                *([article.byline_line] if article.byline_line else []),
                *article.paragraphs,
            ]
            places = [printed.find(piece.replace("\u3000", "")) for piece in pieces]
            assert -1 not in places, (seed, article.key)
            assert places == sorted(places)
            assert all(printed.count(piece.replace("\u3000", "")) == 1 for piece in article.paragraphs)


def test_the_header_band_carries_paper_date_page_and_section_and_the_scan_is_slightly_turned():
    for seed in range(10):
        page = _plan(seed)
        band = [t.text for t in page.texts[:3]]
        assert band[0] == "人民日报" and band[1].startswith("2020年2月29日") and "星期六" in band[1]
        assert band[2].startswith("第7版") and any(s in band[2] for s in scanpages.SECTIONS)
        assert 0.2 <= abs(page.scan.angle) <= 0.8
        assert 35 <= page.scan.quality <= 60


def test_a_plan_draws_to_the_same_image_every_time():
    pytest.importorskip("PIL")
    pytest.importorskip("numpy")
    if scanpages.missing() is not None and "fonts" in (scanpages.missing() or ""):
        pytest.skip("the Noto CJK fonts are not installed")
    first = scanpages.render(_plan(1))
    assert first == scanpages.render(_plan(1))
    assert first[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_held_out_set_shows_no_story_and_no_page():
    for flag in ("--show-failures", "--show=1"):
        with pytest.raises(SystemExit, match="held out"):
            scanpages.main(["--seed", str(scanpages.HELDOUT[1]), flag])


@pytest.mark.parametrize("chosen", [scanpages.CHECK, scanpages.CHECK2], ids=lambda s: s[0])
def test_a_fresh_check_shows_no_story_and_no_page(chosen):
    for flag in ("--show-failures", "--show=1"):
        with pytest.raises(SystemExit, match="fresh check"):
            scanpages.main(["--seed", str(chosen[1]), flag])


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
def test_the_fresh_sets_print_no_article_of_the_twin_nor_of_each_other_nor_one_twice():
    printed = [
        [a.key for _, articles, _ in scanpages.set_pages(chosen) for a in articles]
        for chosen in (scanpages.TUNED, *scanpages.FRESH_SETS)
    ]
    assert all(len(set(keys)) == len(keys) for keys in printed[1:])
    for number, keys in enumerate(printed):
        assert all(not set(keys) & set(other) for other in printed[number + 1 :])


def test_the_held_out_set_draws_from_months_no_tuned_family_uses():
    from benchmarks.pagefamilies import (
        TUNED_MONTHS,
    )

    assert not set(scanpages.HELDOUT[3]) & set(TUNED_MONTHS)
    assert scanpages.TUNED[3] == TUNED_MONTHS


def test_a_scan_set_neither_cached_nor_makeable_is_skipped_with_its_reason(monkeypatch, capsys):
    def unavailable(chosen: scanpages.Set, count: int | None = None) -> list[ocrpages.OcrPage]:
        raise ocrpages.OcrUnavailable(
            f"tesseract is not installed, and page scan{chosen[1]}-0 is not in the cache"
        )

    monkeypatch.setattr(scanpages, "make_pages", unavailable)
    parsing._scan_sets(quick=False)
    assert capsys.readouterr().out == (
        "rmrb_ocr_scan_tuned skipped: tesseract is not installed, and page scan2-0 is not in the cache\n"
        "rmrb_ocr_scan_fresh skipped: tesseract is not installed, and page scan8-0 is not in the cache\n"
        "rmrb_ocr_scan_fresh10 skipped: tesseract is not installed, and page scan10-0 is not in the cache\n"
        "rmrb_ocr_scan_check skipped: tesseract is not installed, and page scan9-0 is not in the cache\n"
        "rmrb_ocr_scan_check11 skipped: tesseract is not installed, and page scan11-0 is not in the cache\n"
        "rmrb_ocr_scan_heldout skipped: tesseract is not installed, and page scan1-0 is not in the cache\n"
    )


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
@pytest.mark.parametrize(
    "chosen", [scanpages.HELDOUT, scanpages.TUNED, *scanpages.FRESH_SETS], ids=lambda s: s[0]
)
def test_each_set_is_the_one_whose_checksum_was_frozen(chosen):
    assert scanpages.checksum(scanpages.set_pages(chosen)) == FROZEN[chosen[1]]


def test_the_frozen_checksums_are_recorded_in_the_family_s_section():
    from benchmarks.common import ROOT

    record = (ROOT / "benchmarks" / "reports" / "pages-ocr.md").read_text(encoding="utf-8")
    section = record[record.index("### A scanned-look OCR family, frozen and read first") :]
    assert all(checksum in section for checksum in FROZEN.values())
