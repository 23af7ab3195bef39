"""A text-page layout from People's Daily (`benchmarks.rmrb`) that no other family uses: a 文艺评论 page, the
paper's page of arts criticism and book reviews (page 20 on weekdays, page 8 at weekends; its 大地 essays are
`benchmarks.supplementpages`' `literary_page`), open to tuning. The family is a function of a seed: same seed,
same pages, same truth.

- ``review_page`` (the tuned months): the pieces of each such page of the tuned months (an issue's page 8 or
  20 holding a piece tagged with one of the page's columns: ``（名师谈艺）``, ``（作品品鉴）``, ``（看台人语）``,
  ``（光影视界）``, ``（艺海观澜）``, ``（高峰之路）``, …), pictures and charts left out, in the paper's order,
  each printed whole, set as that page sets them:

  - a page strip (``文艺评论  第20版`` over the date, ``读书｜20`` over a dotted date, or one line);
  - **the lead piece** (a survey of a season's films or a field of the arts): its heads (a kicker over the
    main line on some), the author's name under them (the corpus keeps none, so the names are made up, as
    `theory_page`'s), a ``核心阅读`` box or a summary line opening the text (a block apart on half), its
    sub-heads on lines of their own, its closing note (``（作者为中国文艺评论家协会主席）``);
  - **reviews** (``——评电影《天渠》``, ``——读周志文《论语讲析》``, ``——《刘诗白选集》序`` under the main line):
    the author's name under the heads, the summary line without a stop the corpus opens some with, a
    block apart on half; a book's line closing a book review (``（《新药的故事》：梁贵柏著；译林出版社出版。）``)
    or a list of books (``推荐读物：`` over ``1.《…》：…著；…出版社出版。``);
  - **an artist's talk** (``（名师谈艺）``): the artist's words closed by ``（陈志明、高玉婷采访整理）`` and a
    short biography (``许渊冲，1921年生于江西南昌，…``), a block apart;
  - **a dialogue** (``（关于网络文学的对话①）``): the editor's note closed by ``——编  者``, then ``记者：`` and the
    speaker's name opening the turns;
  - **a short notice** (``（看台人语）``): two or three paragraphs closed by its author in brackets
    (``（周飞亚）``, ``（西  亚）``), on a line of its own or run on after the last sentence;
  - the editor's line at the foot.

The truth, as the other families': a title is the printed header lines joined by spaces, paragraphs as the
corpus keeps them (the summary line, sub-heads, closing notes, the compilers' note and the biography, a
book's line among them); a box's label (``核心阅读``) in no story; the author's line in no paragraph, its
name the reporter; a notice's closing bracket in no paragraph, its name the reporter (as `health_page`'s
briefs); charts' and designers' lines (``制图：蔡华伟``) in no story. The date the lead's first clause's, else
the page's for a lead opening with 近日/今天.

The tuned months hold 40 such pages: a seed takes every other one in date order (an odd seed the first of
each pair, an even seed the second, `pagefamilies.pages_in_seed_order`), so seed 2 is a check of unseen text
as well as of layout.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.localpages import _lead_date, _name, _page_dated, page_strip
from benchmarks.pagefamilies import (
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_page,
    first_printings,
    month_dir,
    pages_in_seed_order,
)
from benchmarks.rmrb import Article, root
from benchmarks.sectionpages import _author_line, _editor_line
from benchmarks.supplementpages import _NAME_LINE_RE, _signed_pieces

REVIEW = "review_page"
SEED = 1
UNSEEN_SEED = 2  # the family's second seed: only its totals are read, never a story of it
REVIEW_PAGES = (8, 20)  # the pages People's Daily prints its arts criticism on (weekdays, weekends)

_PAGE_TAGS = (
    "名师谈艺",
    "作品品鉴",
    "看台人语",
    "光影视界",
    "艺海观澜",
    "高峰之路",
    "艺文观察",
    "美育",
    "创意空间",
    "谈艺录",
    "开卷知新",
    "书里书外",
    "序与跋",
    "大家读书",
    "热点聚焦",
)
_TAG_RE = re.compile(r"[（(]([^（）()]{2,30})[）)]$")
_FURNITURE_RE = re.compile(r"^(?:本版)?(?:制图|版式设计|版面设计|题图设计|图片来源|数据来源)")
_CLOSING_AUTHOR_RE = re.compile(r"^（([\u4e00-\u9fff]{1,4}(?:\s+[\u4e00-\u9fff]{1,3})?)）$")
_SENTENCE_END_RE = re.compile("[。！？”…）]$")
_EDITOR_SIGN_RE = re.compile(r"^——编\s*者$")
_BOX_LABEL = "核心阅读"  # a box's heading, a paragraph of its own in the corpus
_SECTIONS = ("文艺评论", "文艺", "读书", "文化·文艺评论")


# ---- the pieces --------------------------------------------------------------------------------------


def _tag(article: Article) -> str | None:
    """The column a piece's heads are tagged with (``名师谈艺``, ``关于网络文学的对话①``), else None."""
    for head in article.heads:
        if found := _TAG_RE.search(head):
            return found[1]
    return None


def _on_the_page(article: Article) -> Article:
    """The piece without the chart's and designer's lines the corpus keeps in its text."""
    return replace(article, paragraphs=tuple(p for p in article.paragraphs if not _FURNITURE_RE.match(p)))


def _several_pieces(article: Article) -> bool:
    """Whether the corpus keeps several signed pieces in the article's file (a title, the author's line
    under it, the text: ``“我随时准备着”`` / ``刘兰芳（中国曲艺家协会名誉主席）`` / …), which no truth of one
    piece can read."""
    paragraphs = article.paragraphs
    posts = sum(
        1
        for k in range(1, len(paragraphs))
        if (found := _NAME_LINE_RE.match(paragraphs[k]))
        and found[2]
        and len(paragraphs[k - 1]) <= 20
        and not re.search("[。！？：]$", paragraphs[k - 1])
    )
    path = root() / month_dir(article) / article.key[:8] / f"{article.key}.txt"
    text = path.read_text(encoding="utf-8", errors="ignore")
    return posts >= 2 or len(_signed_pieces(text, article.issue, article.page, article.key)) >= 2


def _printable(article: Article) -> bool:
    """A piece the truth can read: no picture, no dateline, 80–6,000 characters, ending a sentence (a
    notice its closing bracket), one piece to its file."""
    paragraphs = article.paragraphs
    if not paragraphs or "图片报道" in article.heads or article.date or article.reporters:
        return False
    if _several_pieces(article):
        return False
    if any(p.endswith("摄") or "摄（" in p or p.startswith(("图为", "图①", "图片")) for p in paragraphs):
        return False
    if not 80 <= sum(map(len, paragraphs)) <= 6000:
        return False
    return bool(_SENTENCE_END_RE.search(paragraphs[-1]))


def _closing_author(paragraph: str) -> tuple[str, ...]:
    """The name of a notice's closing bracket (``（西  亚）`` → 西亚), else ()."""
    found = _CLOSING_AUTHOR_RE.match(paragraph)
    return (re.sub(r"\s+", "", found[1]),) if found else ()


def _summary(paragraphs: tuple[str, ...]) -> bool:
    """Whether a piece opens with a summary line: a line of its own ending no sentence, over more text."""
    first = paragraphs[0]
    return len(paragraphs) > 2 and not _SENTENCE_END_RE.search(first) and 12 <= len(first) <= 100


def _kind(article: Article, index: int) -> str:
    """What the piece is, for the figures' by-kind column."""
    tag = _tag(article) or ""
    if _closing_author(article.paragraphs[-1]):
        return "notice"
    if any(_EDITOR_SIGN_RE.match(p) for p in article.paragraphs[:4]) and any(
        p.startswith("记者：") for p in article.paragraphs
    ):
        return "dialogue"
    if tag.startswith("名师谈艺"):
        return "artist's talk"
    if any(h.startswith("——") for h in article.heads[1:]) or tag in ("开卷知新", "书里书外", "序与跋"):
        return "review"
    return "lead" if index == 0 else "essay"


def _notice(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """A short notice: heads, its text, its author's bracket on a line of its own or run on after the last
    sentence when the line has room."""
    text, author = article.paragraphs[:-1], article.paragraphs[-1]
    body: list[str] = []
    for paragraph in text:
        body += wrap(paragraph, width)
    run_on = rng.random() < 0.5 and len(body[-1]) + len(author) <= width
    body = [*body[:-1], body[-1] + author] if run_on else [*body, author]
    truth = Expected(
        title=" ".join(article.heads),
        paragraphs=text,
        date=_page_dated(text[0], article.issue, _lead_date(article, text[0])),
        reporters=_closing_author(author),
        correspondents=(),
    )
    return [*article.heads, "", *body], truth, f"notice{', run on' * run_on}"


def _signed(article: Article, rng: random.Random, width: int, kind: str) -> tuple[list[str], Expected, str]:
    """A signed piece: heads (the main line a block apart from its kicker on some), the author's name under
    them on most, the opening box or summary line (a block apart from the text on half), the text with its
    sub-heads, the closing notes (a biography or a book list a block apart)."""
    paragraphs = article.paragraphs
    heads = list(article.heads)
    if len(heads) > 1 and not heads[1].startswith("——") and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    lines = [*heads, ""]
    reporters: tuple[str, ...] = ()
    if rng.random() < 0.85:
        name = _name(rng)
        reporters = (name,)
        lines.append(_author_line(name, rng))
    else:
        kind += ", unsigned"
    opening = 0
    if paragraphs[0] == _BOX_LABEL:
        opening = 2
        kind += ", 核心阅读"
    elif sign := next((k for k, p in enumerate(paragraphs[:4]) if _EDITOR_SIGN_RE.match(p)), None):
        opening = sign + 1
        kind += ", editor's note"
    elif _summary(paragraphs):
        opening = 1
        kind += ", summary"
    apart = opening and rng.random() < 0.5
    if apart:
        kind += " apart"
    closing = next(
        (
            k
            for k, p in enumerate(paragraphs)
            if k > 1
            and (p.startswith("推荐读物") or re.match(r"^（[^）]{2,20}采访整理）$", paragraphs[k - 1]))
        ),
        None,
    )
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index and (index == opening and apart or index == closing):
            body.append("")
        body += wrap(paragraph, width)
    body = column_breaks(body, rng)
    text = tuple(p for p in paragraphs if p != _BOX_LABEL)
    lead = text[opening - (opening == 2)] if opening and opening < len(paragraphs) else text[0]
    truth = Expected(
        title=" ".join(article.heads),
        paragraphs=text,
        date=_page_dated(lead, article.issue, _lead_date(article, lead)),
        reporters=reporters,
        correspondents=(),
    )
    return [*lines, *body], truth, kind


def _lay(article: Article, index: int, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """One piece as the page sets it: a notice closed by its author, any other signed under its heads."""
    kind = _kind(article, index)
    if kind == "notice":
        return _notice(article, rng, width)
    return _signed(article, rng, width, kind)


# ---- the page ----------------------------------------------------------------------------------------


def compose_review(pieces: list[Article], rng: random.Random) -> FamilyPage:
    """A 文艺评论 page: its strip, its pieces in the paper's order, the editor's line."""
    width = rng.randint(14, 22)
    issue = pieces[0].issue
    lines = page_strip(rng, issue, pieces[0].page, _SECTIONS) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for index, piece in enumerate(pieces):
        block, truth, kind = _lay(piece, index, rng, width)
        lines += [*block, ""]
        expected.append(truth)
        kinds.append(kind)
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(REVIEW, lines, issue, expected, kinds)


def review_pages(months: tuple[str, ...]) -> list[list[Article]]:
    """The printable pieces of each page 8 or 20 of `months` holding a piece of the page's columns, in the
    paper's order; pages left with fewer than two pieces left out."""
    pages = by_page(first_printings(months, lambda a: a.page in REVIEW_PAGES))
    out: list[list[Article]] = []
    for _, page in sorted(pages.items()):
        if not any(tag in (_tag(a) or "") for a in page for tag in _PAGE_TAGS):
            continue
        printed = [p for p in (_on_the_page(a) for a in sorted(page, key=lambda a: a.key)) if _printable(p)]
        if len(printed) >= 2:
            out.append(printed)
    return out


def make_review(count: int, seed: int) -> list[FamilyPage]:
    """`count` 文艺评论 pages from the tuned months: every other page in date order (an odd seed the first of
    each pair, an even seed the second), in an order of the seed's, repeated when `count` exceeds them."""
    return pages_in_seed_order(REVIEW, seed, review_pages(TUNED_MONTHS), count, compose_review, halves=True)


# ---- families ----------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {REVIEW: make_review},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
)
