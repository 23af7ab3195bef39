"""The HTML page builder of `benchmarks.ocrweb`: its layout and truth, without Chromium or Tesseract."""

from __future__ import annotations

import html
import random
import re

import pytest

from benchmarks import ocrpages, ocrweb, parsing, rmrb
from benchmarks.rmrb import parse_article

# The fresh seeds' pages-and-truth checksums, as frozen before any parser read them, and the report section
# that records each pair (benchmarks/reports/pages-ocr.md).
FROZEN_FRESH = {
    ocrweb.FRESH[1]: "0490ac82815cf15921cc50e40e0c75e5fbba4ab76185cee675021ee07d6965b8",
    ocrweb.CHECK[1]: "48f57737a0a9485be8f240e7970663976dc90f3d542542b8ac61150bf5159f68",
    ocrweb.FRESH10[1]: "e36bb9170d564e88c233edf7845ba9573e0eff5781b5de0a150a271ecb4274a7",
    ocrweb.CHECK11[1]: "c715b061e5a3d1cbdfb578a362aa4ef15757c32beb2affe906406ab903b28565",
}
RECORDED_IN = {
    ocrweb.FRESH[1]: "### Web-rendered OCR pages: two fresh seeds, one read and one a check",
    ocrweb.CHECK[1]: "### Web-rendered OCR pages: two fresh seeds, one read and one a check",
    ocrweb.FRESH10[1]: "### Web-rendered OCR pages: seeds 10 and 11, one read and one a check",
    ocrweb.CHECK11[1]: "### Web-rendered OCR pages: seeds 10 and 11, one read and one a check",
}

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


def _articles():
    texts = ((_WIRE, "20200229-04-01.txt"), (_FEATURE, "20200122-02-01.txt"), (_SHORT, "20200122-02-02.txt"))
    articles = [parse_article(text, name) for text, name in texts]
    assert all(a is not None for a in articles)
    return [a for a in articles if a is not None]


def _text(document: str) -> str:
    """The page's visible text in source order, tags removed."""
    return html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", "", document, flags=re.S))


def test_every_story_is_on_the_page_once_in_a_module_its_columns_fitting_the_grid():
    for seed in range(40):
        page = ocrweb.layout(_articles(), random.Random(seed), "2020-02-29", 4)
        assert 3 <= page.grid <= 6
        modules = [m for row in page.rows for m in row]
        assert sorted(m.article.key for m in modules) == sorted(a.key for a in _articles())
        for row in page.rows:
            assert sum(m.span for m in row) == page.grid
            assert all(1 <= m.columns <= min(m.span, 3) for m in row)
        assert page.html.count('class="story') == len(modules)
        assert all(f"column-count:{m.columns}" in page.html for m in modules)


def test_each_story_prints_its_headlines_byline_and_paragraphs_in_order():
    page = ocrweb.layout(_articles(), random.Random(3), "2020-02-29", 4)
    text = _text(page.html)
    for article in _articles():
        pieces = [
            *article.heads,
            *([article.byline_line] if article.byline_line else []),
            *article.paragraphs,
        ]
        places = [text.find(piece) for piece in pieces]
        assert -1 not in places, article.key
        assert places == sorted(places)


def test_the_masthead_carries_the_paper_the_date_the_page_number_and_the_section():
    for seed in range(10):
        page = ocrweb.layout(_articles(), random.Random(seed), "2020-02-29", 13)
        head = _text(page.html[: page.html.index('class="row"')])
        assert "人民日报" in head and "2020年2月29日 星期六" in head and "第13版" in head
        assert any(section in head for section in ocrweb.SECTIONS)


def test_a_caption_describes_the_photo_and_credits_it_without_copying_the_story():
    rng = random.Random(5)
    for article in _articles():
        caption = ocrweb._caption(article, rng)
        assert caption.startswith("图为") and re.search("摄(（人民视觉）)?$", caption)
        assert all(caption not in p for p in article.paragraphs)
    # A dateline with its reporters in brackets is not part of what the photo shows.
    assert ocrweb._caption(_articles()[0], rng).startswith("图为国务委员、公安部部长赵克志28日")


def test_the_headline_is_the_middle_of_three_lines_and_the_longer_of_two():
    wire, feature, _ = _articles()
    two = ocrweb._heads_html(wire, 2, 4)
    assert re.search(r'class="kicker">赵克志强调<', two) and re.search(r'class="head"[^>]*>坚持打防', two)
    one = ocrweb._heads_html(feature, 1, 4)
    assert 'class="head"' in one and "kicker" not in one


def test_the_truth_is_the_article_as_printed_and_the_set_checksum_is_stable():
    wire, feature, _ = _articles()
    truth = ocrpages.truth_of(wire)
    assert truth.title == "赵克志强调 坚持打防并举综合施策 坚决整治跨境赌博乱象"
    assert truth.date == "2020-02-28" and truth.dateline_date == "2月28日" and truth.reporters == "张璁"
    assert ocrpages.truth_of(feature).reporters == "李婕"
    pages = [(ocrweb.layout(_articles(), random.Random(1), "2020-02-29", 4), _articles(), 2020)]
    again = [(ocrweb.layout(_articles(), random.Random(1), "2020-02-29", 4), _articles(), 2020)]
    assert ocrweb.checksum(pages) == ocrweb.checksum(again)
    other = [(ocrweb.layout(_articles(), random.Random(2), "2020-02-29", 4), _articles(), 2020)]
    assert ocrweb.checksum(pages) != ocrweb.checksum(other)


def test_a_page_read_before_comes_from_the_cache_by_its_html(monkeypatch, tmp_path):
    monkeypatch.setattr(ocrweb, "CACHE", tmp_path)
    document = ocrweb.layout(_articles(), random.Random(1), "2020-02-29", 4).html
    assert ocrweb.cached_text(document) is None
    (tmp_path / "abc123.txt").write_text("人民日报\n第4版\n", encoding="utf-8")
    ocrweb._index(document).write_text("abc123", encoding="utf-8")
    assert ocrweb.cached_text(document) == "人民日报\n第4版\n"


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
def test_the_fresh_sets_print_no_article_of_the_sets_before_them_nor_of_each_other_nor_one_twice():
    fresh_sets = (ocrweb.FRESH, ocrweb.CHECK, ocrweb.FRESH10, ocrweb.CHECK11)
    printed = {
        chosen: [a.key for _, articles, _ in ocrweb.chosen_pages(chosen[2], chosen[1]) for a in articles]
        for chosen in (ocrweb.TUNING, ocrweb.TUNING2, ocrweb.HELDOUT, *fresh_sets)
    }
    before = {key for chosen, keys in printed.items() if chosen not in fresh_sets for key in keys}
    for chosen in fresh_sets:
        keys = printed[chosen]
        assert len(set(keys)) == len(keys), chosen[0]
        assert not before & set(keys), chosen[0]
        before |= set(keys)


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
@pytest.mark.parametrize(
    "chosen", [ocrweb.FRESH, ocrweb.CHECK, ocrweb.FRESH10, ocrweb.CHECK11], ids=lambda s: s[0]
)
def test_each_fresh_set_is_the_one_whose_checksum_was_frozen(chosen):
    _name, seed, count = chosen
    assert ocrweb.checksum(ocrweb.chosen_pages(count, seed)) == FROZEN_FRESH[seed]


def test_the_fresh_checksums_are_recorded_in_their_section():
    from benchmarks.common import ROOT

    record = (ROOT / "benchmarks" / "reports" / "pages-ocr.md").read_text(encoding="utf-8")
    for seed, checksum in FROZEN_FRESH.items():
        start = record.index(RECORDED_IN[seed])
        end = record.find("\n### ", start + 1)
        section = record[start:] if end == -1 else record[start:end]
        assert checksum in section, seed


@pytest.mark.parametrize("chosen", [ocrweb.CHECK, ocrweb.CHECK11, ocrweb.HELDOUT], ids=lambda s: s[0])
@pytest.mark.parametrize("flag", ["--show-failures", "--show=1", "--html=."])
def test_the_fresh_check_and_the_held_out_set_show_no_story_and_no_page(chosen, flag):
    with pytest.raises(SystemExit, match="fresh check|held out"):
        ocrweb.main(["--seed", str(chosen[1]), flag])


def test_a_web_set_neither_cached_nor_makeable_is_skipped_with_its_reason(monkeypatch, capsys):
    def unavailable(count: int, seed: int) -> list[ocrpages.OcrPage]:
        raise ocrpages.OcrUnavailable(f"tesseract is not installed, and page web{seed}-0 is not in the cache")

    monkeypatch.setattr(ocrweb, "make_pages", unavailable)
    parsing._web_sets(quick=False)
    assert capsys.readouterr().out == "".join(
        f"{name} skipped: tesseract is not installed, and page web{seed}-0 is not in the cache\n"
        for name, seed in (
            ("rmrb_ocr_web", 1),
            ("rmrb_ocr_web2", 4),
            ("rmrb_ocr_web_fresh", 8),
            ("rmrb_ocr_web_check", 9),
            ("rmrb_ocr_web_fresh10", 10),
            ("rmrb_ocr_web_check11", 11),
            ("rmrb_ocr_web_heldout", 7919),
        )
    )
