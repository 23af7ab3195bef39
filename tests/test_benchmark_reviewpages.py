"""The 文艺评论 page family of `benchmarks.reviewpages`: which pieces open with a summary line, how a short
notice is closed by its author and how a signed piece keeps its text (without the corpus), and the pages and
truth of both seeds, as frozen before any parser change was made for them (with the People's Daily
corpus)."""

from __future__ import annotations

import random

import pytest

from benchmarks import pagefamilies, parsing, reviewpages, rmrb
from benchmarks.common import ROOT
from benchmarks.rmrb import Article

# The pages-and-truth checksums of the two seeds, as frozen before the parser read them
# (benchmarks/reports/pages.md).
FROZEN = {
    1: "f46a6032a22dc2bc4ea182204a4074bf6bb824bdce5f3bcab3ef03e8e849cb76",
    2: "cf23c7163f3a0737ea289748b63edca5dcde75cff62144a67915e8fa04f571bf",
}


def _article(heads: tuple[str, ...], paragraphs: tuple[str, ...]) -> Article:
    return Article("20190214-20-02", "2019-02-14", 20, heads, paragraphs, None, (), None)


def test_a_piece_opens_with_a_summary_line_when_its_first_paragraph_ends_no_sentence():
    summary = ("中国文学的丰富库存期待更多发现的眼睛、更多发掘的途径", "正文。", "结尾。")
    plain = ("电影《流浪地球》火了，一同带火的还有它的原著。", "正文。", "结尾。")
    assert reviewpages._summary(summary)
    assert not reviewpages._summary(plain)
    assert not reviewpages._summary(summary[:2])


def test_a_notice_is_closed_by_its_author_in_no_paragraph():
    notice = _article(
        ("行业剧有面子也要有里子（看台人语）",),
        ("《精英律师》以几位北京律师的工作和生活为轴心。", "影视剧当是文学的别样表达。", "（西  亚）"),
    )
    assert reviewpages._kind(notice, 3) == "notice"
    for seed in range(20):
        lines, truth, kind = reviewpages._lay(notice, 3, random.Random(seed), 18)
        assert truth.reporters == ("西亚",)
        assert truth.paragraphs == notice.paragraphs[:-1]
        assert lines[-1].endswith("（西  亚）")


def test_a_signed_review_keeps_its_subtitle_in_its_title_and_drops_only_the_box_label():
    review = _article(
        ("塑造有血有肉的英模形象（作品品鉴）", "——评电影《天渠》"),
        ("核心阅读", "电影《天渠》塑造了一位英模形象。", "黄大发的故事感人。", "（作者为影评人）"),
    )
    assert reviewpages._kind(review, 1) == "review"
    for seed in range(20):
        lines, truth, _kind = reviewpages._lay(review, 1, random.Random(seed), 18)
        assert truth.title == "塑造有血有肉的英模形象（作品品鉴） ——评电影《天渠》"
        assert truth.paragraphs == review.paragraphs[1:]
        assert lines[:2] == list(review.heads)
        if truth.reporters:
            assert lines[3].replace(" ", "") == truth.reporters[0]


def test_the_family_is_run_by_the_standard_run_with_a_second_seed():
    assert reviewpages.PAGE_FAMILIES in parsing.TEXT_PAGE_FAMILIES
    assert reviewpages.PAGE_FAMILIES.unseen_seed == 2


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
@pytest.mark.parametrize("seed", sorted(FROZEN))
def test_each_seed_is_the_one_whose_checksum_was_frozen(seed):
    pages = reviewpages.make_review(pagefamilies.PAGES_PER_FAMILY, seed)
    assert pagefamilies.checksum(pages) == FROZEN[seed]


@pytest.mark.skipif(not rmrb.available(), reason="no People's Daily corpus")
def test_the_two_seeds_draw_from_the_two_halves_of_the_paper_s_pages():
    every = reviewpages.review_pages(reviewpages.TUNED_MONTHS)
    halves = [{a.key for page in every[k::2] for a in page} for k in (0, 1)]
    assert len(every) == 38 and halves[0] and halves[1] and not halves[0] & halves[1]


def test_the_frozen_checksums_are_recorded_in_the_family_s_section():
    record = (ROOT / "benchmarks" / "reports" / "pages.md").read_text(encoding="utf-8")
    section = record[record.index("### A tenth new layout read first: a 文艺评论 page") :]
    assert all(checksum in section for checksum in FROZEN.values())
