"""The 外事 page family of `benchmarks.diplomacypages`: which comments open with their summary and which
pieces are essays signed under their heads (without the corpus), and the pages and truth of both seeds, as
frozen before any parser change was made for them (with the People's Daily corpus)."""

from __future__ import annotations

import random

import pytest

from benchmarks import diplomacypages, pagefamilies, parsing, rmrb
from benchmarks.common import ROOT
from benchmarks.rmrb import Article

# The pages-and-truth checksums of the two seeds, as frozen before the parser read them
# (benchmarks/reports/pages.md).
FROZEN = {
    1: "fa0659b65ac39ace8447d7dc5b18801783906aa7bf29ac4092f82fb113714290",
    2: "25957a10410bf08a623ffb13c6ba471cc497f2c037aeab1731b832a0a566aa12",
}


def _article(heads: tuple[str, ...], paragraphs: tuple[str, ...]) -> Article:
    return Article("20190201-03-02", "2019-02-01", 3, heads, paragraphs, None, (), None)


def test_a_comment_opens_with_its_summary_when_it_ends_no_sentence_or_closes_the_text():
    unstopped = _article(
        ("需要认清和平与发展的内在逻辑（钟声）",), ("校准民族振兴的航向", "正文。", "结尾。")
    )
    repeated = _article(("以邻为壑换不来独善其身（钟声）",), ("携手合作。", "正文。", "唯有携手合作。"))
    plain = _article(("主动开放，与世界共赢（钟声）",), ("世界银行近日发布报告。", "正文。", "结尾。"))
    assert diplomacypages._summary(unstopped) and diplomacypages._summary(repeated)
    assert not diplomacypages._summary(plain)


def test_a_comment_is_known_by_its_tag_under_a_series_subtitle_too():
    subtitled = _article(
        ("团结合作势在必行（和音）", "——抗击疫情离不开命运共同体意识②"), ("正文。", "结尾。")
    )
    assert diplomacypages._is_comment(subtitled)
    assert not diplomacypages._is_comment(_article(("李克强会见柬埔寨首相洪森",), ("正文。",)))


def test_an_ambassador_s_essay_is_signed_under_its_heads_and_keeps_its_closing_note():
    essay = _article(
        ("走过七十年，中俄关系历久弥坚（大使随笔）",),
        ("■两国合作将取得新的发展", "2018年是中俄关系取得较大发展的一年。", "（作者为中国驻俄罗斯大使）"),
    )
    signed = [diplomacypages._essay(essay, random.Random(seed), 20) for seed in range(40)]
    for lines, truth, _kind in signed:
        assert truth.paragraphs == essay.paragraphs
        assert lines[: len(essay.heads)] == list(essay.heads)
        if truth.reporters:
            name = truth.reporters[0]
            assert lines[2].replace(" ", "").endswith(name)
    assert any("post and name" in kind for _, _, kind in signed)


def test_the_family_is_run_by_the_standard_run_with_a_second_seed():
    assert diplomacypages.PAGE_FAMILIES in parsing.TEXT_PAGE_FAMILIES
    assert diplomacypages.PAGE_FAMILIES.unseen_seed == 2


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
@pytest.mark.parametrize("seed", sorted(FROZEN))
def test_each_seed_is_the_one_whose_checksum_was_frozen(seed):
    pages = diplomacypages.make_diplomacy(pagefamilies.PAGES_PER_FAMILY, seed)
    assert pagefamilies.checksum(pages) == FROZEN[seed]


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
def test_the_two_seeds_draw_from_the_two_halves_of_the_paper_s_pages():
    every = diplomacypages.diplomacy_pages(diplomacypages.TUNED_MONTHS)
    halves = [{a.key for page in every[k::2] for a in page} for k in (0, 1)]
    assert len(every) == 82 and halves[0] and halves[1] and not halves[0] & halves[1]


def test_the_frozen_checksums_are_recorded_in_the_family_s_section():
    record = (ROOT / "benchmarks" / "reports" / "pages.md").read_text(encoding="utf-8")
    section = record[record.index("### A ninth new layout read first: a 外事 page") :]
    assert all(checksum in section for checksum in FROZEN.values())
