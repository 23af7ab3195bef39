"""A text-page layout from People's Daily (`benchmarks.rmrb`) that no other family uses: a 社会 page, the
paper's page of social and livelihood news (民生), open to tuning. The family is a function of a seed:
same seed, same pages, same truth.

- ``society_page`` (the tuned months): the pieces of each 社会 page of the tuned months (an issue's page
  holding a piece tagged ``（民生观）``, ``（一线探民生）`` or ``（社会治理在身边）``: 32 pages, three to nine
  pieces each, advertisements left out), in the paper's order, set as that page sets them:

  - a page strip (``社会  第13版`` over the date, ``民生｜13`` over a dotted date, or one line);
  - **the lead story** (the page's first piece): its heads (a kicker closed by a dash over the main line,
    ``河南栾川县新南村驻村扶贫干部王延辉——``, a block apart on some), the reporters' line under them
    where the corpus keeps one (``本报记者  王某``), the ``核心阅读`` box opening the text, a block apart
    from it on half the pages, and the sub-heads (``兰考葡萄架``) each a line of its own, a block apart
    on some;
  - **the comment** (``…（民生观）``): its heads, the author's name alone under them on most pages (made
    up: the corpus keeps none, as `theory_page`'s authors), the one-line summary the corpus opens it with
    (``亲情仍在，有了多样的实现方式，这是好事``, no stop) a block apart from the text on half;
  - **a column of labelled items** (``2019春运一线``): the column's heading, then per item its label and
    its head (``新通道`` / ``“急客”服务通道开通``: the label on a line of its own over the head as the
    corpus prints it, or run in before the head in brackets, ``【新通道】“急客”服务通道开通``), its text
    under its own dateline, its reporters' line, or closed by its reporters in brackets
    (``（本报记者  何  璐）``); the items a block apart or not;
  - the other pieces (datelined news, picture stories closed by their credit, ``王  正摄（影像中国）``)
    laid out as a desk page lays a story (`deskpages.lay_in_columns`); the editor's line at the foot.

The truth, as the other families': a title is the printed header lines joined by spaces (an item's label
among them, bracketed where it is printed so), paragraphs as the corpus keeps them (the summary line,
sub-heads, a picture's credit among them); a box's label (``核心阅读``) in no story; the reporters'
line and an item's closing bracket in no paragraph, their names the reporters; the column's heading and
the editor's line in no story. The date is the dateline's, else the lead's first clause's, else the
page's for a lead opening with 近日/今天.

The tuned months hold 32 such pages: a seed takes every other one in date order (seed 1 the first, seed 2
the second, an odd seed the first half and an even seed the second) and prints its 16 pages in an order
of the seed's, each about twice, so seed 2 is a check of unseen text as well as of layout.
"""

from __future__ import annotations

import random
import re

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.deskpages import lay_in_columns
from benchmarks.healthpages import _box_end, _sub_head
from benchmarks.localpages import _attach, _lead_date, _name, _page_dated, page_strip
from benchmarks.pagefamilies import (
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_page,
    first_printings,
    month_dir,
    pages_in_seed_order,
)
from benchmarks.rmrb import Article, parse_article, root
from benchmarks.sectionpages import _author_line, _editor_line, _is_box_label

SOCIETY = "society_page"
SEED = 1
UNSEEN_SEED = 2  # the family's second seed: only its totals are read, never a story of it

_PAGE_TAGS = ("民生观", "一线探民生", "社会治理在身边")
_COMMENT_TAG = "（民生观）"
_COLUMN_RE = re.compile(r"^\d{4}春运一线$")
_SENTENCE_END_RE = re.compile("[。！？”…）]$")
_OPENING_RE = re.compile(r"^(?:本报|新华社|据新华社|（)")
_CLOSING_RE = re.compile(r"^（(?:本报记者|记者)?\s*([\u4e00-\u9fff][\u4e00-\u9fff\s、]{1,30})）$")
_SECTIONS = ("社会", "民生", "社会·民生", "民生·关注")


# ---- the pieces --------------------------------------------------------------------------------------


def _advertisement(article: Article) -> bool:
    """An advertisement or a paid notice the corpus files among the page's pieces."""
    return article.heads == ("广告",) or article.heads[-1].endswith("公告")


def _date(article: Article, lead: str) -> str | None:
    """The dateline's date, else the lead's first clause's, else the page's for 近日/今天."""
    if article.date:
        return article.date
    return _page_dated(lead, article.issue, _lead_date(article, lead))


def _lead_story(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """The page's first piece: heads, the reporters' line where the corpus keeps one, the 核心阅读 box (a
    block apart on half the pages), the sub-heads (a block apart on some)."""
    paragraphs = article.paragraphs
    heads = list(article.heads)
    kind = "lead"
    if len(heads) > 1 and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    lines = [*heads, ""]
    if article.byline_line:
        lines.append(article.byline_line)
        kind += ", reporters' line"
    box = _box_end(paragraphs)
    box_apart = rng.random() < 0.5
    subs_apart = rng.random() < 0.4
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index and index == box and box_apart:
            body.append("")
        elif subs_apart and index > box and _sub_head(paragraph) and not _sub_head(paragraphs[index - 1]):
            body.append("")
        body += wrap(paragraph, width)
    body = column_breaks([line for k, line in enumerate(body) if line or (k and body[k - 1])], rng)
    if box:
        kind += ", 核心阅读"
    text = [p for p in paragraphs if not _is_box_label(p)]
    truth = Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(text),
        date=_date(article, re.sub(r"^本报\S{0,8}电\s*（[^）]*）", "", text[0])),
        reporters=article.reporters,
        correspondents=(),
    )
    return [*lines, *body], truth, kind


def _comment(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """The 民生观 comment: heads, the author's name on most pages, the summary line (a block apart from
    the text on half the pages), the text."""
    paragraphs = article.paragraphs
    heads = list(article.heads)
    kind = "comment"
    lines = [*heads, ""]
    reporters: tuple[str, ...] = ()
    if rng.random() < 0.7:
        name = _name(rng)
        reporters = (name,)
        lines.append(_author_line(name, rng))
        kind += ", author"
    summary = 1 if _sub_head(paragraphs[0]) or not _SENTENCE_END_RE.search(paragraphs[0]) else 0
    apart = summary and rng.random() < 0.5
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index == summary and apart:
            body.append("")
        body += wrap(paragraph, width)
    body = column_breaks(body, rng)
    if summary:
        kind += ", summary line"
    truth = Expected(
        title=" ".join(article.heads),
        paragraphs=paragraphs,
        date=_date(article, paragraphs[summary] if summary < len(paragraphs) else paragraphs[0]),
        reporters=reporters,
        correspondents=(),
    )
    return [*lines, *body], truth, kind


def _raw_blocks(article: Article) -> list[list[str]]:
    """The article's paragraphs in the blocks the corpus' blank paragraphs part them into."""
    path = root() / month_dir(article) / article.key[:8] / f"{article.key}.txt"
    blocks: list[list[str]] = [[]]
    started = False
    for raw in path.read_text(encoding="utf-8", errors="ignore").replace("\r", "").split("\n"):
        line = raw.replace("\xa0", " ")
        if not line.startswith("\u3000") and not started:
            continue
        started = True
        stripped = line.strip(" \u3000\t")
        if stripped:
            blocks[-1].append(stripped)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _header_count(block: list[str]) -> int:
    """How many of a block's first paragraphs are an item's header lines (its label, its head): short,
    ending no sentence, no dateline, byline or bracket."""
    count = 0
    for paragraph in block[:4]:
        if len(paragraph) > 20 or _SENTENCE_END_RE.search(paragraph) or _OPENING_RE.match(paragraph):
            break
        if paragraph.startswith("本报记者"):
            break
        count += 1
    return count


def _names_in(text: str) -> tuple[str, ...]:
    """The names of a reporters' line or bracket (``郑少忠 任江华``, ``何  璐``, ``王某、李某``), a
    two-character name padded to three cells taken as one; () when a piece is no name's length."""
    if "、" in text:
        names = [re.sub(r"\s+", "", name) for name in text.split("、")]
    else:
        pieces = text.split()
        names = []
        index = 0
        while index < len(pieces):
            piece = pieces[index]
            if len(piece) == 1 and index + 1 < len(pieces) and len(pieces[index + 1]) == 1:
                piece += pieces[index + 1]
                index += 1
            names.append(piece)
            index += 1
    return tuple(names) if names and all(2 <= len(name) <= 4 for name in names) else ()


def _closing_names(paragraph: str) -> tuple[str, ...]:
    """The names of an item's closing bracket (``（本报记者  何  璐）`` → 何璐), else ()."""
    found = _CLOSING_RE.match(paragraph)
    return _names_in(found[1].strip()) if found else ()


Item = tuple[list[str], Article, str | None]


def column_items(article: Article) -> list[Item] | None:
    """A labelled column's items (header lines, the item as an article, its closing bracket), or
    None when a block of the column is no item (a label and a head over text)."""
    if len(article.heads) != 1 or not _COLUMN_RE.match(article.heads[0]):
        return None
    items: list[Item] = []
    for block in _raw_blocks(article):
        count = _header_count(block)
        if count < 2 or len(block) <= count:
            return None
        text = block[count:]
        closing = text[-1] if _closing_names(text[-1]) else None
        if closing:
            text = text[:-1]
        if not text:
            return None
        raw = "\n".join([" ".join(block[:count]), *("\u3000\u3000" + p for p in text)])
        item = parse_article(raw, f"{article.key}.txt")
        if item is None:
            return None
        items.append((block[:count], item, closing))
    return items or None


def _column(
    article: Article, items: list[Item], rng: random.Random, width: int
) -> tuple[list[str], list[Expected], list[str]]:
    """The column: its heading, then each item: its label over its head (or run in before it in
    brackets), its text, its reporters' line or its closing bracket."""
    lines = [article.heads[0], ""]
    truths: list[Expected] = []
    kinds: list[str] = []
    bracketed = rng.random() < 0.5
    for headers, item, closing in items:
        heads = list(headers)
        kind = "item"
        if bracketed:
            heads = [f"【{headers[0]}】{headers[1]}", *headers[2:]]
            kind += ", 【label】"
        block = list(heads)
        reporters = item.reporters
        if item.byline_line:
            block.append(item.byline_line)
            reporters = _names_in(re.sub(r"^(?:本报记者|记者)", "", item.byline_line)) or reporters
            kind += ", reporters' line"
        body: list[str] = []
        for paragraph in item.paragraphs:
            body += wrap(paragraph, width)
        if closing:
            body = _attach(body, closing, width, rng)
            reporters = _closing_names(closing)
            kind += ", closing bracket"
        lines += [*block, *body, ""] if rng.random() < 0.6 else [*block, *body]
        lead = re.sub(r"^本报\S{0,8}电\s*（[^）]*）", "", item.paragraphs[0])
        truths.append(
            Expected(
                title=" ".join(heads),
                paragraphs=item.paragraphs,
                date=_date(item, lead),
                reporters=reporters,
                correspondents=(),
            )
        )
        kinds.append(kind)
    return lines, truths, kinds


# ---- the page ----------------------------------------------------------------------------------------


def compose_society(pieces: list[Article], rng: random.Random) -> FamilyPage:
    """A 社会 page: its strip, its pieces in the paper's order, the editor's line."""
    width = rng.randint(14, 22)
    issue = pieces[0].issue
    lines = page_strip(rng, issue, pieces[0].page, _SECTIONS) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for index, piece in enumerate(pieces):
        if index == 0:
            block, truth, kind = _lead_story(piece, rng, width)
        elif piece.heads[-1].endswith(_COMMENT_TAG):
            block, truth, kind = _comment(piece, rng, width)
        elif items := column_items(piece):
            block, truths, item_kinds = _column(piece, items, rng, width)
            lines += [*block, ""]
            expected += truths
            kinds += item_kinds
            continue
        else:
            head, body, truth, kind = lay_in_columns(piece, rng, width)
            block = [*head, *body]
            kind = "other story, " + kind
        lines += [*block, ""]
        expected.append(truth)
        kinds.append(kind)
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(SOCIETY, lines, issue, expected, kinds)


def society_pages(months: tuple[str, ...]) -> list[list[Article]]:
    """The pieces of each 社会 page of `months` (an issue's page holding a piece tagged with the page's
    columns), advertisements left out, in the paper's order."""
    pages = by_page(first_printings(months, lambda a: not _advertisement(a)))
    return [
        sorted(page, key=lambda a: a.key)
        for _, page in sorted(pages.items())
        if any(re.search(rf"（{tag}）$", a.heads[-1]) for a in page for tag in _PAGE_TAGS)
    ]


def make_society(count: int, seed: int) -> list[FamilyPage]:
    """`count` 社会 pages from the tuned months: every other page in date order (an odd seed the first of
    each pair, an even seed the second), in an order of the seed's, repeated when `count` exceeds them."""
    return pages_in_seed_order(
        SOCIETY, seed, society_pages(TUNED_MONTHS), count, compose_society, halves=True
    )


# ---- families ----------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {SOCIETY: make_society},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
)
