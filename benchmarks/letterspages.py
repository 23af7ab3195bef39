"""A text-page layout from People's Daily (`benchmarks.rmrb`) that no other family uses: the paper's
读者来信 page (readers' letters, page 7 of Monday issues), open to tuning. The family is a function of a
seed: same seed, same pages, same truth.

- ``letters_page`` (the tuned months): two to five items of one letters page as the paper printed them:
  a 来信调查 (a letter under ``编辑同志：`` or a round-up, then the reporter's investigation, its sections
  under sub-heads), 来信综述 round-ups, and the letter columns (``建议``, ``身边事``, ``反馈``,
  ``曝光``), a reader's letter or several under one column head, each letter under its own sub-head on
  some, each signed at its end by its reader's place and name on a line of its own
  (``山西太原市  刘  洪``); 150–4,000 characters, no picture, a dateline the truth reads or none; a page
  strip (``读者来信  第7版`` over the date, ``民生·来信｜07`` over a dotted date); the heads as printed
  (the kicker a group of its own on some), the corpus' ``本报记者  王某`` line under them or the dateline
  opening the lead; the editor's line at the foot. Nothing on the page is made up but the strip and the
  editor's line.

The truth, as the other families': a title is the printed header lines joined by spaces, paragraphs as
the corpus keeps them (a reader's signature is its letter's last paragraph, as the paper prints it); the
strip and the editor's line in no story; the date the dateline's, else the one the lead's first clause
opens with, else the page's for a lead opening with 近日/今天; the reporters the dateline's or the
reporter's line's.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.localpages import (
    _lead_date,
    _page_dated,
    _unread_dateline,
    page_strip,
)
from benchmarks.pagefamilies import (
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    issue_runs,
)
from benchmarks.paperpages import (
    _lead_without_dateline,
)
from benchmarks.rmrb import Article, parse_article, root
from benchmarks.sectionpages import _editor_line, _no_pictures

LETTERS = "letters_page"
SEED = 1
UNSEEN_SEED = 2  # the family's second seed: only its totals are read, never a story of it
LETTERS_PAGE = 7  # the page People's Daily prints readers' letters on (Mondays)

# A head that marks a letters page: a column head alone, or a head tagged with a letters column.
_COLUMN_RE = re.compile(r"^(建议|身边事|反馈|曝光|预告)$|（(来信调查|来信综述|反馈|身边事|曝光)[^）]*）$")
# A reader's signature closing a letter: a place (…省/市/县/区/州/旗/镇) and a name, on a line of its own.
SIGNATURE_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,12}[省市县区州旗镇]\s*[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3}$"
)
_SECTIONS = ("读者来信", "民生·来信", "读者来信·民生", "来信")


# ---- the items --------------------------------------------------------------------------------------


def _letters_item(article: Article) -> bool:
    """An item a letters page prints as text: 150–4,000 characters ending a sentence or a reader's
    signature, no picture, at most three heads of at most 40 characters (none an addressee line the corpus
    kept as a head), a dateline the truth reads or none."""
    size = sum(map(len, article.paragraphs))
    if not 150 <= size <= 4000 or not _no_pictures(article) or _unread_dateline(article):
        return False
    if any(len(h) > 40 for h in article.heads) or len(article.heads) > 3:
        return False
    if any(p.startswith(("资料来源", "信箱", "传真", "（相关报道", "▲")) for p in article.paragraphs):
        return False
    last = article.paragraphs[-1]
    return bool(re.search("[。！？”…）]$", last) or SIGNATURE_RE.match(last))


def _salutation_in_text(article: Article) -> Article:
    """A letter's salutation (``编辑同志：``) the corpus kept among the heads, set flush left on its page,
    is its letter's first paragraph: the paper prints it under the heads, above the letter."""
    if len(article.heads) < 2 or not article.heads[-1].endswith("："):
        return article
    return replace(article, heads=article.heads[:-1], paragraphs=(article.heads[-1], *article.paragraphs))


def _is_sub_head(paragraph: str) -> bool:
    """A short paragraph ending no sentence that is no signature: a sub-head or a letter's own head."""
    return (
        len(paragraph) < 24
        and not re.search("[。！？”…）]$", paragraph)
        and not SIGNATURE_RE.match(paragraph)
    )


def _kind(article: Article) -> str:
    heads = " ".join(article.heads)
    if "来信调查" in heads:
        kind = "investigation"
    elif "来信综述" in heads:
        kind = "round-up"
    elif re.search("建议|身边事|反馈|曝光", heads):
        kind = "letter column"
    else:
        kind = "other item"
    signed = sum(bool(SIGNATURE_RE.match(p)) for p in article.paragraphs)
    if signed > 1:
        kind += ", several letters signed"
    elif signed == 1:
        kind += ", signed"
    if any(_is_sub_head(p) for p in article.paragraphs[1:]):
        kind += " + sub-heads"
    return kind


def _lay_item(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """One item: its heads, the reporter's line under them for a feature that has one, its text in
    columns, a reader's signature on a line of its own as the paper prints it."""
    dateline, rest = _lead_without_dateline(article)
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    lines = [*heads, ""]
    kind = _kind(article)
    if article.byline_line and not dateline:
        lines.append(article.byline_line)
        kind += ", reporter's line"
    body: list[str] = []
    for paragraph in article.paragraphs:
        body += [paragraph] if SIGNATURE_RE.match(paragraph) else wrap(paragraph, width)
    text = list(article.paragraphs)
    lead = rest if dateline else text[0]
    date = article.date if dateline else _page_dated(lead, article.issue, _lead_date(article, lead))
    expected = Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(text),
        date=date,
        reporters=article.reporters,
        correspondents=(),
    )
    return [*lines, *column_breaks(body, rng)], expected, kind


# ---- the page ---------------------------------------------------------------------------------------


def compose_letters(articles: list[Article], rng: random.Random) -> FamilyPage:
    """A 读者来信 page: its strip, the items in the paper's order, the editor's line."""
    width = rng.randint(14, 22)
    issue = articles[0].issue
    lines = page_strip(rng, issue, LETTERS_PAGE, _SECTIONS) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for article in articles:
        block, truth, kind = _lay_item(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(LETTERS, lines, issue, expected, kinds)


def _letters_pages(months: tuple[str, ...]) -> dict[str, list[Article]]:
    """The items of each letters page of `months` (page 7 of an issue with a letters column's head), in
    the paper's order; pages of fewer than three items left out."""
    pages: dict[str, list[Article]] = {}
    for month in months:
        for day in sorted(p for p in (root() / month).iterdir() if p.is_dir()):
            articles = [
                article
                for path in sorted(day.glob(f"*-{LETTERS_PAGE:02d}-*.txt"))
                if (article := parse_article(path.read_text(encoding="utf-8", errors="ignore"), path.name))
            ]
            if not any(_COLUMN_RE.search(h) for a in articles for h in a.heads):
                continue
            items = [a for a in map(_salutation_in_text, articles) if _letters_item(a)]
            if len(items) >= 2:
                pages[day.name] = items
    return pages


def make_letters(count: int, seed: int) -> list[FamilyPage]:
    """`count` letters pages from the tuned months, each two to five items of one letters page."""
    days = _letters_pages(TUNED_MONTHS)
    rng = random.Random(f"{LETTERS}:{seed}")
    return [compose_letters(run, rng) for run in issue_runs(days, count, rng, 2, 5)]


# ---- families ---------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {LETTERS: make_letters},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
)
