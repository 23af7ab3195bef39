"""A text-page layout from People's Daily (`benchmarks.rmrb`) that no other family uses: a 健康 page, the
paper's weekly page on medicine and health, open to tuning. The family is a function of a seed: same seed,
same pages, same truth.

- ``health_page`` (the tuned months): the pieces of each 健康 page of the tuned months (an issue's page
  holding a piece tagged ``（健康焦点）``, ``（无影灯）`` or ``（名医讲堂）``: six pages, three or four pieces
  each), in the paper's order, set as that page sets them:

  - a page strip (``健康  第19版`` over the date, ``健康｜19`` over a dotted date, or one line);
  - **the focus story** (``…（健康焦点）``): a kicker over the main line tagged with the column; the
    reporters' line under the heads on most pages (``本报记者  王某  李某``: the corpus keeps no byline,
    so the names are made up, as `theory_page`'s authors); the corpus' summary box (``核心阅读`` over its
    points) or editor's note (its paragraphs closed by ``——编  者``) opening the text, a block apart from
    the text under it on some; **sub-heads** (``降价实惠落地了``) each a line of its own, and the one-line
    summary the paper sets under a sub-head (``取消医用耗材加成，…就是切断医院扭曲的利益链条``, no
    stop) as the corpus has it, the sub-heads a block apart on some; **the 链接 box** closing the story
    (``链接`` over its own head, its text and its compiler, ``（夏维兰整理）``), a block apart;
  - **the comment** (``…（无影灯）``) and **the doctor's lecture** (``…（名医讲堂）``, a kicker over some):
    the author's name alone under the heads (made up, as `theory_page`'s: ``王某``, ``王  某``); the
    bulleted points (``■医保基金是…``) the corpus opens them with, a block apart from the text on some;
    the lecture closed by the author's post (``（作者为北京大学人民医院心脏中心主任医师）``);
  - **the medical briefs** (``医学资讯``): the column's heading, then per item its head, its text opening
    ``本报电`` and its author in brackets (``（高翠峰）``, ``（姚  昂）``) on a line of its own or run on
    after the text; an item of the column printed as a story of its own (``…（医学资讯）`` over its text
    and author) the same way;
  - a picture's caption and its agency's line (``图片报道``: ``北医三院…穿防护服。`` / ``人民视觉``), in no
    story; the editor's line at the foot.

The truth, as the other families': a title is the printed header lines joined by spaces, paragraphs as
the corpus keeps them (the editor's note and its ``——编  者``, the points, the sub-heads and their
summaries, the 链接 box's head, text and compiler, the author's post among them); a box's label
(``核心阅读``, ``链接``: the box's heading, as `theory_twin`'s) in no story; a brief's closing author in
no paragraph, its reporter (as `local_daily`'s); the strip, the briefs' heading, the caption and its
credit and the editor's line in no story. The date is the lead's first clause's, else the page's for a
lead opening with 近日/今天 (a brief's lead read after its ``本报电``); the reporters the reporters' line's,
the author's name, or the brief's bracket.

The tuned months hold six such pages (23 pieces): a seed's 30 pages print each five times, in an order of
the seed's, so seed 2 is a check of layout more than of unseen text (as the letters, interview, profile
and document pages').
"""

from __future__ import annotations

import random
import re

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.deskpages import lay_in_columns
from benchmarks.localpages import _attach, _lead_date, _name, _names, _page_dated, page_strip
from benchmarks.pagefamilies import (
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_page,
    first_printings,
    pages_in_seed_order,
)
from benchmarks.rmrb import Article
from benchmarks.sectionpages import _author_line, _editor_line

HEALTH = "health_page"
SEED = 1
UNSEEN_SEED = 2  # the family's second seed: only its totals are read, never a story of it

_COLUMN_TAG_RE = re.compile(r"[（(](健康焦点|无影灯|名医讲堂[^）)]*|医学资讯)[）)]$")
_BRIEFS_HEADING = "医学资讯"
_PICTURE_HEADING = "图片报道"
_BOX_LABELS = ("核心阅读", "链接")  # a box's heading, a paragraph of its own in the corpus
_EDITOR_SIGN_RE = re.compile(r"^——编\s*者$")
_CLOSING_AUTHOR_RE = re.compile(r"^（([\u4e00-\u9fff]{1,4}(?:\s+[\u4e00-\u9fff]{1,3})?)）$")
_SENTENCE_END_RE = re.compile("[。！？”…）]$")
_BULLET = "■"
_SECTIONS = ("健康", "健康·生活", "卫生健康")


# ---- the pieces --------------------------------------------------------------------------------------


def _column(article: Article) -> str | None:
    """The column a piece's last head is tagged with (健康焦点, 无影灯, 名医讲堂, 医学资讯), else None."""
    found = _COLUMN_TAG_RE.search(article.heads[-1])
    return found[1][:4] if found else None


def _sub_head(paragraph: str) -> bool:
    """A sub-head or the summary line under it: short, no sentence's end, no point's bullet."""
    return (
        len(paragraph) < 40 and not _SENTENCE_END_RE.search(paragraph) and not paragraph.startswith(_BULLET)
    )


def _box_end(paragraphs: tuple[str, ...]) -> int:
    """Where the opening box ends: after the editor's note's ``——编  者``, else after the 核心阅读 box's
    points (the paragraphs up to the first sub-head's), else 0 (no box)."""
    sign = next((k for k, p in enumerate(paragraphs[:6]) if _EDITOR_SIGN_RE.match(p)), None)
    if sign is not None:
        return sign + 1
    if paragraphs and paragraphs[0] == "核心阅读":
        end = 1
        while end < len(paragraphs) and end < 4 and not _sub_head(paragraphs[end]):
            end += 1
        return end
    return 0


def _points_end(paragraphs: tuple[str, ...]) -> int:
    """Where the bulleted points opening a comment or a lecture end (0: none)."""
    end = 0
    while end < len(paragraphs) and paragraphs[end].startswith(_BULLET):
        end += 1
    return end


def _focus(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """The focus story: heads, the reporters' line on most pages, the opening box, the text with its
    sub-heads, the 链接 box closing it."""
    paragraphs = article.paragraphs
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    reporters: tuple[str, ...] = ()
    lines = [*heads, ""]
    if rng.random() < 0.8:
        reporters = _names(rng, 3)
        lines.append("本报记者  " + "  ".join(reporters))
    box = _box_end(paragraphs)
    box_apart = rng.random() < 0.5
    subs_apart = rng.random() < 0.4
    link = next((k for k, p in enumerate(paragraphs) if p == "链接"), None)
    body: list[str] = []
    kind = "focus"
    for index, paragraph in enumerate(paragraphs):
        if index == link:
            body.append("")
        elif index and index == box and box_apart:
            body.append("")
        elif (
            subs_apart
            and index > box
            and _sub_head(paragraph)
            and not _sub_head(paragraphs[index - 1])
            and (link is None or index < link)
        ):
            body.append("")
        body += wrap(paragraph, width)
    body = column_breaks([line for k, line in enumerate(body) if line or (k and body[k - 1])], rng)
    if box:
        kind += ", editor's note" if _EDITOR_SIGN_RE.match(paragraphs[box - 1]) else ", 核心阅读"
    if link is not None:
        kind += ", 链接"
    text = [p for p in paragraphs if p not in _BOX_LABELS]
    truth = Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(text),
        date=_page_dated(text[0], article.issue, _lead_date(article, text[0])),
        reporters=reporters,
        correspondents=(),
    )
    return [*lines, *body], truth, kind


def _signed(article: Article, rng: random.Random, width: int, kind: str) -> tuple[list[str], Expected, str]:
    """A comment or a lecture: heads, the author's name alone, the points (a block apart from the text on
    some), the text."""
    paragraphs = article.paragraphs
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    name = _name(rng)
    points = _points_end(paragraphs)
    points_apart = rng.random() < 0.5
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index and index == points and points_apart:
            body.append("")
        body += wrap(paragraph, width)
    body = column_breaks(body, rng)
    if points:
        kind += ", points"
    truth = Expected(
        title=" ".join(article.heads),
        paragraphs=paragraphs,
        date=_page_dated(paragraphs[0], article.issue, _lead_date(article, paragraphs[0])),
        reporters=(name,),
        correspondents=(),
    )
    return [*heads, "", _author_line(name, rng), *body], truth, kind


def _closing_author(paragraph: str) -> tuple[str, ...]:
    """The names of a brief's closing bracket (``（姚  昂）`` → 姚昂), else ()."""
    found = _CLOSING_AUTHOR_RE.match(paragraph)
    return (re.sub(r"\s+", "", found[1]),) if found else ()


def _brief(
    head: list[str],
    text: list[str],
    author: str,
    issue: str,
    article: Article,
    rng: random.Random,
    width: int,
) -> tuple[list[str], Expected]:
    """One brief: its head, its text, its author in brackets on a line of its own or run on."""
    body: list[str] = []
    for paragraph in text:
        body += wrap(paragraph, width)
    body = _attach(body, author, width, rng)
    lead = re.sub(r"^本报电\s*", "", text[0])
    truth = Expected(
        title=" ".join(h for h in head if h),
        paragraphs=tuple(text),
        date=_page_dated(lead, issue, _lead_date(article, lead)),
        reporters=_closing_author(author),
        correspondents=(),
    )
    return [*head, *body], truth


def _briefs(article: Article, rng: random.Random, width: int) -> tuple[list[str], list[Expected]]:
    """The 医学资讯 column: its heading, then each item (its head, its text, its author's bracket)."""
    lines = [_BRIEFS_HEADING, ""]
    truths: list[Expected] = []
    item: list[str] = []
    for paragraph in article.paragraphs:
        if _closing_author(paragraph) and len(item) >= 2:
            block, truth = _brief([item[0]], item[1:], paragraph, article.issue, article, rng, width)
            lines += [*block, ""] if rng.random() < 0.6 else block
            truths.append(truth)
            item = []
        else:
            item.append(paragraph)
    return lines, truths


def _caption(article: Article, width: int) -> list[str]:
    """A picture's caption and its agency's line, as the corpus keeps them; in no story."""
    lines: list[str] = []
    for paragraph in article.paragraphs:
        lines += wrap(paragraph, width, indent=0)
    return lines


# ---- the page ----------------------------------------------------------------------------------------


def compose_health(pieces: list[Article], rng: random.Random) -> FamilyPage:
    """A 健康 page: its strip, its pieces in the paper's order, the editor's line."""
    width = rng.randint(14, 22)
    issue = pieces[0].issue
    lines = page_strip(rng, issue, pieces[0].page, _SECTIONS) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for piece in pieces:
        column = _column(piece)
        if piece.heads == (_BRIEFS_HEADING,):
            block, truths = _briefs(piece, rng, width)
            lines += [*block, ""]
            expected += truths
            kinds += ["brief"] * len(truths)
            continue
        if piece.heads == (_PICTURE_HEADING,):
            lines += [*_caption(piece, width), ""]
            continue
        if column == "健康焦点":
            block, truth, kind = _focus(piece, rng, width)
        elif column in ("无影灯", "名医讲堂"):
            block, truth, kind = _signed(piece, rng, width, "comment" if column == "无影灯" else "lecture")
        elif _closing_author(piece.paragraphs[-1]):
            heads = list(piece.heads)
            block, truth = _brief(
                [*heads, ""], list(piece.paragraphs[:-1]), piece.paragraphs[-1], issue, piece, rng, width
            )
            kind = "brief story"
        else:
            head, body, truth, kind = lay_in_columns(piece, rng, width)
            block = [*head, *body]
            kind = "other story"
        lines += [*block, ""]
        expected.append(truth)
        kinds.append(kind)
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(HEALTH, lines, issue, expected, kinds)


def health_pages(months: tuple[str, ...]) -> list[list[Article]]:
    """The pieces of each 健康 page of `months` (an issue's page holding a piece tagged with the page's
    columns), in the paper's order."""
    pages = by_page(first_printings(months, lambda a: True))
    return [
        sorted(page, key=lambda a: a.key)
        for _, page in sorted(pages.items())
        if any(_column(a) in ("健康焦点", "无影灯", "名医讲堂") for a in page)
    ]


def make_health(count: int, seed: int) -> list[FamilyPage]:
    """`count` 健康 pages from the tuned months, the pages in an order of the seed's, repeated when `count`
    exceeds them."""
    return pages_in_seed_order(HEALTH, seed, health_pages(TUNED_MONTHS), count, compose_health)


# ---- families ----------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {HEALTH: make_health},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
)
