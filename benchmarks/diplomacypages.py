"""A text-page layout from People's Daily (`benchmarks.rmrb`) that no other family uses: a 外事 page, the
paper's page 3 of diplomacy and China's ties abroad (the international news of pages 16 and 17 is
`benchmarks.deskpages`' `world_page`), open to tuning. The family is a function of a seed: same seed, same
pages, same truth.

- ``diplomacy_page`` (the tuned months): the pieces of each page 3 of the tuned months holding a piece of
  the page's columns (``（钟声）``, ``（大使随笔）``, ``（国际论坛）``, ``（和音）``, ``（大使新春寄语）``,
  ``（寄给祖国的家书）``), pictures, charts and advertisements left out, in the paper's order, set as that
  page sets them:

  - a page strip (``要闻  第3版`` over the date, ``国际·要闻｜03`` over a dotted date, or one line);
  - **meetings and talks** under the wire's or the paper's Beijing dateline (``新华社北京1月6日电``,
    ``本报北京1月6日电  （记者王某）``), their heads a kicker over the main line on some, foreign names
    with ``·`` in the text;
  - **the 钟声 and 和音 comments**: their heads (a series' subtitle under some, ``——瞩目新时代的中国与世界②``),
    the summary the corpus opens them with (a sentence the text closes with, ending no sentence on the 2019
    pages: ``…校准民族振兴的航向``), a block apart from the text on half;
  - **an ambassador's or a writer's essay** (``…（大使随笔）``, closed by ``（作者为中国驻俄罗斯大使）``): the
    author under the heads on most pages, the name alone or after the post the closing note names
    (``中国驻俄罗斯大使  王某``; the corpus keeps no name, so theirs are made up, as `theory_page`'s); the
    ``■`` summary line opening the text a block apart on half;
  - **correspondents' pieces and interviews** (``——访南非国家规划委员会委员奥尔特曼``), closed by the
    paper's dateline in brackets, with the date (``（本报曼谷2月1日电）``: the correspondents' line under
    the heads, as `world_page` sets it) or without (``（本报约翰内斯堡电）``);
  - the other pieces laid out as a desk page lays a story (`deskpages.lay_in_columns`); the editor's line
    at the foot.

The truth, as the other families': a title is the printed header lines joined by spaces, paragraphs as the
corpus keeps them (the summary line, a comment's closing line, a closing note or dateline among them); the
author's or correspondents' line in no paragraph, their names the reporters; the editor's line in no story.
The date is the dateline's (opening, or closing with a date), else the lead's first clause's, else the
page's for a lead opening with 近日/今天.

The tuned months hold 82 such pages: a seed takes every other one in date order (an odd seed the first of
each pair, an even seed the second, `pagefamilies.pages_in_seed_order`), so seed 2 is a check of unseen text
as well as of layout.
"""

from __future__ import annotations

import random
import re

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.deskpages import _closing_dateline, _lay_world, lay_in_columns
from benchmarks.localpages import _lead_date, _name, _page_dated, _unread_dateline, page_strip
from benchmarks.pagefamilies import (
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_page,
    first_printings,
    pages_in_seed_order,
)
from benchmarks.rmrb import Article
from benchmarks.sectionpages import _author_line, _editor_line, _no_pictures

DIPLOMACY = "diplomacy_page"
SEED = 1
UNSEEN_SEED = 2  # the family's second seed: only its totals are read, never a story of it
DIPLOMACY_PAGE = 3

_PAGE_TAGS = ("钟声", "大使随笔", "国际论坛", "和音", "大使新春寄语", "寄给祖国的家书")
_COMMENT_TAGS = ("（钟声）", "（和音）")
_ESSAY_NOTE_RE = re.compile(r"^（作者为(.{2,40})）$")
_MEETING_RE = re.compile("会见|会谈|通电话|致电|致信|会晤|举行")
_SENTENCE_END_RE = re.compile("[。！？”…）]$")
_UNDATED_CLOSING_RE = re.compile(r"^（本报[\u4e00-\u9fff、]{2,20}电）$")
_SECTIONS = ("要闻", "国际·要闻", "要闻·外事", "外事")


# ---- the pieces --------------------------------------------------------------------------------------


def _printable(article: Article) -> bool:
    """A piece the truth can read: no picture, chart or advertisement, 80–4,000 characters, a dateline read
    whole or none, ending a sentence (a comment its closing line, whatever its end)."""
    size = sum(map(len, article.paragraphs))
    if not 80 <= size <= 4000 or not _no_pictures(article) or _unread_dateline(article):
        return False
    if any(h.startswith("广告") for h in article.heads) or article.heads[-1].endswith("公告"):
        return False
    if _is_comment(article):
        return True
    return bool(_SENTENCE_END_RE.search(article.paragraphs[-1]))


def _essay(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """An essay closed by its author's note: heads, the author under them on most pages (the name alone or
    after the post the note names), the ``■`` summary line a block apart on half, the text."""
    paragraphs = article.paragraphs
    note = _ESSAY_NOTE_RE.match(paragraphs[-1])
    lines = [*article.heads, ""]
    kind = "essay"
    reporters: tuple[str, ...] = ()
    if rng.random() < 0.8:
        name = _name(rng)
        reporters = (name,)
        post = note[1] if note else ""
        if post.startswith("中国驻") and len(post) <= 16 and rng.random() < 0.5:
            lines.append(f"{post}  {name}")
            kind += ", post and name"
        else:
            lines.append(_author_line(name, rng))
            kind += ", name"
    summary = paragraphs[0].startswith("■")
    apart = summary and rng.random() < 0.5
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index == 1 and apart:
            body.append("")
        body += wrap(paragraph, width)
    if summary:
        kind += ", ■ summary"
    lead = paragraphs[1] if summary and len(paragraphs) > 1 else paragraphs[0]
    truth = Expected(
        title=" ".join(article.heads),
        paragraphs=paragraphs,
        date=_page_dated(lead, article.issue, _lead_date(article, lead)),
        reporters=reporters,
        correspondents=(),
    )
    return [*lines, *column_breaks(body, rng)], truth, kind


def _is_comment(article: Article) -> bool:
    """A 钟声 or 和音 comment: its main line tagged so (a series' subtitle may follow)."""
    return any(head.endswith(_COMMENT_TAGS) for head in article.heads)


def _summary(article: Article) -> bool:
    """Whether a comment opens with its summary: a line ending no sentence, or one its last paragraph
    closes with."""
    first, last = article.paragraphs[0], article.paragraphs[-1]
    return len(article.paragraphs) > 2 and (
        not _SENTENCE_END_RE.search(first) or last.endswith(first.rstrip("。")[-12:] + "。")
    )


def _comment(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """A 钟声 or 和音 comment: its heads, its summary a block apart from the text on half the pages."""
    head, body, truth, kind = lay_in_columns(article, rng, width)
    if not _summary(article):
        return [*head, *body], truth, f"comment, {kind}"
    summary = wrap(article.paragraphs[0], width)
    rest: list[str] = []
    for paragraph in article.paragraphs[1:]:
        rest += wrap(paragraph, width)
    apart = [""] if rng.random() < 0.5 else []
    return (
        [*head, *summary, *apart, *column_breaks(rest, rng)],
        truth,
        f"comment, summary{' apart' * bool(apart)}",
    )


def _kind(article: Article) -> str:
    """What the piece is, for the figures' by-kind column."""
    heads = "".join(article.heads)
    if _is_comment(article):
        return "comment"
    if any(h.startswith("——访") for h in article.heads):
        return "interview"
    if _closing_dateline(article) or _UNDATED_CLOSING_RE.match(article.paragraphs[-1]):
        return "correspondents' piece"
    if article.date and _MEETING_RE.search(heads):
        return "meeting"
    return "other story"


def _lay(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """One piece as the page sets it: an essay with its author, a comment with its summary, a piece closed by a dated dateline under
    its correspondents' line (`deskpages._lay_world`), any other as a desk page lays a story."""
    if _ESSAY_NOTE_RE.match(article.paragraphs[-1]) and not article.date:
        return _essay(article, rng, width)
    if _is_comment(article):
        return _comment(article, rng, width)
    if _closing_dateline(article):
        block, truth, kind = _lay_world(article, rng, width)
        return block, truth, f"{_kind(article)}, {kind}"
    head, body, truth, kind = lay_in_columns(article, rng, width)
    return [*head, *body], truth, f"{_kind(article)}, {kind}"


# ---- the page ----------------------------------------------------------------------------------------


def compose_diplomacy(pieces: list[Article], rng: random.Random) -> FamilyPage:
    """A 外事 page: its strip, its pieces in the paper's order, the editor's line."""
    width = rng.randint(14, 22)
    issue = pieces[0].issue
    lines = page_strip(rng, issue, DIPLOMACY_PAGE, _SECTIONS) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for piece in pieces:
        block, truth, kind = _lay(piece, rng, width)
        lines += [*block, ""]
        expected.append(truth)
        kinds.append(kind)
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(DIPLOMACY, lines, issue, expected, kinds)


def diplomacy_pages(months: tuple[str, ...]) -> list[list[Article]]:
    """The printable pieces of each page 3 of `months` holding a piece of the page's columns, in the
    paper's order; pages left with fewer than three pieces left out."""
    pages = by_page(first_printings(months, lambda a: a.page == DIPLOMACY_PAGE))
    out: list[list[Article]] = []
    for _, page in sorted(pages.items()):
        if not any(head.endswith(f"（{tag}）") for a in page for head in a.heads for tag in _PAGE_TAGS):
            continue
        printed = sorted((a for a in page if _printable(a)), key=lambda a: a.key)
        if len(printed) >= 3:
            out.append(printed)
    return out


def make_diplomacy(count: int, seed: int) -> list[FamilyPage]:
    """`count` 外事 pages from the tuned months: every other page in date order (an odd seed the first of
    each pair, an even seed the second), in an order of the seed's, repeated when `count` exceeds them."""
    return pages_in_seed_order(
        DIPLOMACY, seed, diplomacy_pages(TUNED_MONTHS), count, compose_diplomacy, halves=True
    )


# ---- families ----------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {DIPLOMACY: make_diplomacy},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
)
