"""A text-page layout from People's Daily (`benchmarks.rmrb`) that no other family uses: the 体育 page printed
whole, open to tuning. `benchmarks.sectionpages`' ``sports_page`` takes the page's short stories alone (no
picture, no furniture, at most 1,600 characters); this family prints every piece of the page the truth can
read, its long lead, its pictures and its chart line among them. The family is a function of a seed: same
seed, same pages, same truth.

- ``sports_full_page`` (the tuned months): the pieces of each 体育 page of the tuned months (an issue's page
  holding a piece tagged with one of the page's own columns, ``（体坛观澜）``, ``（动感2019）``, ``（动感2020）``),
  advertisements and paid pieces left out, in the paper's order, set as that page sets them:

  - a page strip (``体育  第15版`` over the date, ``体育｜15`` over a dotted date, or one line);
  - **the lead** (the page's first piece, a ``（体育大看台）`` or ``（走向冬奥）`` feature on most): its heads (a
    kicker over the main line, a block apart on some), the reporters' line where the corpus keeps one, the
    ``核心阅读`` box (a block apart on half), its sub-heads (a block apart on some), as
    `benchmarks.societypages` lays a lead;
  - **the 体坛观澜 comment**: its heads, the author's name under them on most (the corpus keeps none, so the
    names are made up, as `theory_page`'s), the summary line ending no sentence the corpus opens it with (a
    block apart on half), as `benchmarks.societypages` lays its 民生观;
  - **the 动感 picture** and the page's other pictures: a head or two, the caption in one to three short
    paragraphs (``当地时间2月8日，中国速度滑冰女队在训练中。`` / ``当日，…``), the credit closing it on a line of
    its own (``新华社记者  朱旭东摄``, ``尼  库摄（新华社发）``, ``赵秀波摄（影像中国）``, ``影像中国``);
  - **dispatches**: results under the paper's or the wire's dateline (``本报北京2月13日电  （记者李长云）``,
    ``据新华社巴黎2月10日电  （记者苏斌）``), scores in the text (``3∶0``), athletes' names with ``·``
    (``阿合娜尔·阿达克``), heads a kicker naming the event over the result (``女排超级联赛半决赛首回合`` /
    ``北京队胜上海队 天津队胜江苏队``); features with or without a reporters' line, as a desk page lays a
    story (`benchmarks.deskpages.lay_in_columns`);
  - the page's chart line at the foot (``本版制图：蔡华伟``, which the corpus files at the end of one piece)
    and the editor's line.

The truth, as the other families': a title is the printed header lines joined by spaces (a column in
brackets included), paragraphs as the corpus keeps them (the box's points, sub-heads, a comment's summary
line, a picture's caption and credit among them); a box's label (``核心阅读``), the chart line, the page strip
and the editor's line in no story; a comment's author in no paragraph, its name the reporter. The date the
dateline's (the paper's or the wire's), else the one the lead's first clause opens with, else the page's
for a lead opening with 近日/今天; the reporters the dateline's or the reporters' line's.

The tuned months hold 32 such pages: a seed takes every other one in date order (an odd seed the first of
each pair, an even seed the second, `pagefamilies.pages_in_seed_order`), so seed 2 is a check of unseen text
as well as of layout.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from benchmarks.conventionpages import Expected
from benchmarks.deskpages import _agency_dateline, _issue_dated, _names_in, lay_in_columns
from benchmarks.localpages import _unread_dateline, page_strip
from benchmarks.pagefamilies import (
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_page,
    first_printings,
    pages_in_seed_order,
)
from benchmarks.paperpages import _lead_without_dateline
from benchmarks.rmrb import Article
from benchmarks.sectionpages import _editor_line
from benchmarks.societypages import _comment, _lead_story

SPORTS_FULL = "sports_full_page"
SEED = 1
UNSEEN_SEED = 2  # the family's second seed: only its totals are read, never a story of it

_PAGE_TAG_RE = re.compile(r"[（(](?:体坛观澜|动感20\d\d)[）)]$")
_COMMENT_TAG_RE = re.compile(r"[（(]体坛观澜[）)]$")
_CHART_LINE_RE = re.compile(r"^本版制图[：:]")
_PAID_RE = re.compile(r"^(?:数据来源|资料来源|版式设计)[：:]")
_CREDIT_RE = re.compile(r"(?:摄|影像中国|人民视觉|新华社发|供图)[）)]?$")
_SENTENCE_END_RE = re.compile("[。！？”…）]$")
_SECTIONS = ("体育", "体育·综合", "体育新闻", "体坛")


# ---- the pieces --------------------------------------------------------------------------------------


def _advertisement(article: Article) -> bool:
    """An advertisement, a paid notice, or a paid piece closed by its source line (``数据来源：某公司``)."""
    if article.heads == ("广告",) or article.heads[-1].endswith("公告"):
        return True
    return any(_PAID_RE.match(p) for p in article.paragraphs)


def _on_the_page(article: Article) -> tuple[Article, str | None]:
    """The piece without the page's chart line the corpus files at its end, and that line (else None)."""
    chart = next((p for p in article.paragraphs if _CHART_LINE_RE.match(p)), None)
    if chart is None:
        return article, None
    return replace(article, paragraphs=tuple(p for p in article.paragraphs if p != chart)), chart


def _picture(article: Article) -> bool:
    """A picture: a caption of at most 300 characters closed by its credit on a paragraph of its own."""
    paragraphs = article.paragraphs
    return (
        len(paragraphs) >= 2
        and len(paragraphs[-1]) <= 24
        and bool(_CREDIT_RE.search(paragraphs[-1]))
        and sum(map(len, paragraphs)) <= 300
    )


def _printable(article: Article) -> bool:
    """A piece the truth can read: heads of at most three lines of 40 characters, 40–6,000 characters ending
    a sentence (a picture its credit), no dateline whose date or reporters the truth cannot read
    (``据新华社电``, a wire's bracket naming no 记者), no table's tab."""
    paragraphs = article.paragraphs
    if not paragraphs or len(article.heads) > 3 or any(len(h) > 40 for h in article.heads):
        return False
    if not 40 <= sum(map(len, paragraphs)) <= 6000 or any("\t" in p for p in paragraphs):
        return False
    agency = _agency_dateline(article)
    if agency is None and _unread_dateline(article):
        return False
    if agency is not None and not agency[4] and re.match(r"^据新华社\S+电\s*（", paragraphs[0]):
        return False
    dateline, rest = _lead_without_dateline(article)
    if dateline is not None and not article.reporters and rest.lstrip().startswith("（"):
        return False
    if article.byline_line and article.byline_line.endswith("摄"):
        return False
    return _picture(article) or bool(_SENTENCE_END_RE.search(paragraphs[-1]))


def _wire_dated(article: Article, truth: Expected) -> Expected:
    """A wire's dispatch (``据新华社巴黎2月10日电  （记者苏斌）``): the truth's date and reporters its dateline's."""
    agency = _agency_dateline(article)
    if agency is None:
        return truth
    return replace(
        truth,
        date=_issue_dated(article.issue, int(agency[2]), int(agency[3])),
        reporters=_names_in(agency[4]) if agency[4] else (),
    )


def _lay(article: Article, index: int, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """One piece as the page sets it: the lead, the comment, a picture or another story."""
    if _COMMENT_TAG_RE.search(article.heads[-1]):
        return _comment(article, rng, width)
    if _picture(article):
        head, body, truth, _kind = lay_in_columns(article, rng, width)
        column = bool(_PAGE_TAG_RE.search(article.heads[-1]))
        return [*head, *body], truth, "动感 picture" if column else "other picture"
    if index == 0:
        lines, truth, kind = _lead_story(article, rng, width)
        return lines, _wire_dated(article, truth), kind
    head, body, truth, kind = lay_in_columns(article, rng, width)
    if _agency_dateline(article):
        kind = kind.replace("feature", "wire dispatch", 1)
    return [*head, *body], _wire_dated(article, truth), kind


# ---- the page ----------------------------------------------------------------------------------------


def compose_sports_full(pieces: list[Article], rng: random.Random) -> FamilyPage:
    """A 体育 page: its strip, its pieces in the paper's order, the chart line and the editor's line."""
    width = rng.randint(14, 22)
    issue = pieces[0].issue
    lines = page_strip(rng, issue, pieces[0].page, _SECTIONS) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    charts: list[str] = []
    for index, piece in enumerate(pieces):
        printed, chart = _on_the_page(piece)
        block, truth, kind = _lay(printed, index, rng, width)
        lines += [*block, ""]
        expected.append(truth)
        kinds.append(kind)
        charts += [chart] if chart and chart not in charts else []
    lines += [*charts, ""] if charts else []
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(SPORTS_FULL, lines, issue, expected, kinds)


def sports_full_pages(months: tuple[str, ...]) -> list[list[Article]]:
    """The printable pieces of each 体育 page of `months` (an issue's page holding a piece tagged 体坛观澜 or
    动感), advertisements and paid pieces left out, in the paper's order; pages left with fewer than three
    pieces left out."""
    pages = by_page(first_printings(months, lambda a: not _advertisement(a)))
    out: list[list[Article]] = []
    for _, page in sorted(pages.items()):
        if not any(_PAGE_TAG_RE.search(a.heads[-1]) for a in page):
            continue
        printed = [a for a in sorted(page, key=lambda a: a.key) if _printable(_on_the_page(a)[0])]
        if len(printed) >= 3:
            out.append(printed)
    return out


def make_sports_full(count: int, seed: int) -> list[FamilyPage]:
    """`count` 体育 pages from the tuned months: every other page in date order (an odd seed the first of
    each pair, an even seed the second), in an order of the seed's, repeated when `count` exceeds them."""
    return pages_in_seed_order(
        SPORTS_FULL, seed, sports_full_pages(TUNED_MONTHS), count, compose_sports_full, halves=True
    )


# ---- families ----------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {SPORTS_FULL: make_sports_full},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
)
