"""A text-page layout from People's Daily (`benchmarks.rmrb`) that no other family uses: a 文件 page, a
document printed in full (a law, an administrative regulation, a party rule, a central document's
opinions, a work report), open to tuning. The family is a function of a seed: same seed, same pages,
same truth.

- ``document_page`` (the tuned months): the documents the paper printed whole (a law or a regulation of
  five or more articles, ``第一条  …``; or opinions of three or more numbered sections, ``一、…``, with
  numbered items, ``（一）…``), 1,500–20,000 characters, no picture, a dateline the truth reads or none;
  each page one of them, then up to two other stories of its issue and page
  (`benchmarks.deskpages.desk_story`, any heads). A seed's 30 pages print the 20 or so documents of the
  tuned months in an order of its own, some twice, so seed 2 is a check of layout more than of unseen
  text (as the letters, interview and profile pages'). The document is set as the paper sets one:

  - a page strip (``要闻  第11版`` over the date, ``文件｜11`` over a dotted date, or one line);
  - the heads as the corpus prints them (the title; the adoption note ``（2019年10月26日第十三届…通过）``
    or the document's date ``（2019年1月3日）`` under it, as a head or as the first paragraph, as the corpus
    has it; the report's ``——在…上的工作报告`` subtitle); a head longer than the head's measure set over
    two or more lines, cut where the measure ends;
  - the wire's dateline opening the text on the party's documents (``新华社北京2月24日电  近日，…印发
    了…``), closed by ``（新华社北京10月26日电）`` or ``（新华社电）`` on the state's;
  - **the order** over a law or a regulation (``中华人民共和国主席令`` / ``第三十五号`` / its text /
    ``中华人民共和国主席  习近平`` / ``2019年10月26日``), each line of it a line of its own, set as a box (a
    block apart) on some;
  - **the contents** (``目  录`` over one line a chapter) and **the chapter heads** (``第一章  总  则``)
    each a line of its own, a block apart on some, as a centred line stands apart on a printed page;
  - the articles and numbered sections as the corpus prints them, in columns; the editor's line at the
    foot.

The truth, as the other families': a title is the printed header lines joined by spaces (a head set over
two lines is one header line), paragraphs as printed (the order's and the contents' lines, the chapter
heads and the closing dateline among them, as the corpus keeps them); the date the opening dateline's,
else the one the lead's first clause opens with (as the other families', the closing dateline none);
no reporters (the documents name none). An addressee the corpus files among a notice's heads
(``各省、自治区、直辖市人民政府，国务院各部委、各直属机构：``) is printed and read as its text's first line.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.deskpages import desk_story, lay_in_columns
from benchmarks.localpages import _date_parts, _lead_date, _page_dated, _unread_dateline
from benchmarks.pagefamilies import (
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    first_printings,
    month_dir,
    pages_in_seed_order,
)
from benchmarks.paperpages import _lead_without_dateline
from benchmarks.rmrb import Article, parse_article, root
from benchmarks.sectionpages import _editor_line, _no_pictures

DOCUMENT = "document_page"
SEED = 1
UNSEEN_SEED = 2  # the family's second seed: only its totals are read, never a story of it

_DOCUMENT_HEADS_RE = re.compile("意见|决定|办法|规定|规则|条例|法|规划|纲要|方案|报告|通知|细则|准则")
_ARTICLE_RE = re.compile(r"^第[一二三四五六七八九十百零]+条")
_CHAPTER_RE = re.compile(r"^第[一二三四五六七八九十]+章")
_SECTION_RE = re.compile(r"^[一二三四五六七八九十]+、")
_ITEM_RE = re.compile(r"^（[一二三四五六七八九十]+）")
_ORDER_RE = re.compile(r"^中华人民共和国(?:主席|国务院)令$")
_CONTENTS_RE = re.compile(r"^目\s*录$")
# The wire's closing dateline: ``（新华社北京10月26日电）``, ``（新华社北京2019年12月31日电）``, ``（新华社电）``.
_CLOSING_RE = re.compile(r"^（新华社[\u4e00-\u9fff0-9]{0,16}电）$")
_SECTIONS = ("要闻", "文件", "综合", "政策·文件")


# ---- the documents -----------------------------------------------------------------------------------


def _document(article: Article) -> bool:
    """A document printed whole: a document's word in its heads, 1,500–20,000 characters, five or more
    articles or three or more numbered sections with three or more numbered items, no picture, a
    dateline the truth reads or none, its last paragraph a sentence or the wire's closing dateline."""
    size = sum(map(len, article.paragraphs))
    if not 1500 <= size <= 20000 or not _no_pictures(article) or _unread_dateline(article):
        return False
    if not _DOCUMENT_HEADS_RE.search("".join(article.heads)):
        return False
    articles = sum(bool(_ARTICLE_RE.match(p)) for p in article.paragraphs)
    sections = sum(bool(_SECTION_RE.match(p)) for p in article.paragraphs)
    items = sum(bool(_ITEM_RE.match(p)) for p in article.paragraphs)
    if articles < 5 and (sections < 3 or items < 3):
        return False
    last = article.paragraphs[-1]
    return bool(_CLOSING_RE.match(last) or re.search("[。！？”…）]$", last))


def _kind(article: Article) -> str:
    """What the document prints: chapters and articles, articles alone, or numbered sections; its order
    and its contents."""
    paragraphs = article.paragraphs
    if any(_CHAPTER_RE.match(p) for p in paragraphs):
        kind = "chapters and articles"
    elif any(_ARTICLE_RE.match(p) for p in paragraphs):
        kind = "articles"
    else:
        kind = "numbered sections"
    if any(_ORDER_RE.match(p) for p in paragraphs):
        kind += ", order"
    if any(_CONTENTS_RE.match(p) for p in paragraphs):
        kind += ", contents"
    if _lead_without_dateline(article)[0] is not None:
        kind += ", wire's dateline"
    return kind


def _document_date(article: Article, lead: str) -> str | None:
    """The opening dateline's date, else the one the lead's first clause opens with, as the other
    families read it (a closing ``（新华社北京10月26日电）`` dates no story there, and none here)."""
    if article.date:
        return article.date
    return _page_dated(lead, article.issue, _lead_date(article, lead))


def _addressed(article: Article) -> Article:
    """The document with an addressee the corpus files among its heads (``各省、自治区、直辖市人民政府，
    国务院各部委、各直属机构：``, a notice's first line of text) moved to its text."""
    if len(article.heads) > 1 and article.heads[-1].endswith("："):
        return replace(article, heads=article.heads[:-1], paragraphs=(article.heads[-1], *article.paragraphs))
    return article


def _heads(article: Article, rng: random.Random) -> list[str]:
    """The heads as printed: a head longer than the measure (18–26 cells) over two or more lines."""
    measure = rng.randint(18, 26)
    lines: list[str] = []
    for head in article.heads:
        lines += wrap(head, measure, indent=0) if len(head) > measure else [head]
    return lines


def _in_contents(paragraphs: tuple[str, ...], index: int) -> bool:
    """A chapter's line of the contents: after ``目  录``, before the first chapter's head comes again."""
    heading = next((k for k in range(index - 1, -1, -1) if _CONTENTS_RE.match(paragraphs[k])), None)
    if heading is None or heading + 1 >= len(paragraphs):
        return False
    first = _CHAPTER_RE.match(paragraphs[heading + 1])
    for k in range(heading + 1, index + 1):
        chapter = _CHAPTER_RE.match(paragraphs[k])
        if chapter is None or (k > heading + 1 and first is not None and chapter[0] == first[0]):
            return False
    return True


def _apart_before(paragraphs: tuple[str, ...], index: int, boxed: bool, apart: bool) -> bool:
    """A blank line before the paragraph: the order's title when the order is a box; the contents'
    heading and a chapter head (not a line of the contents) when centred lines stand apart; the first
    paragraph after the contents or after a chapter head standing apart."""
    paragraph = paragraphs[index]
    if _ORDER_RE.match(paragraph):
        return boxed or apart
    if not apart or index == 0:
        return False
    if _CONTENTS_RE.match(paragraph):
        return True
    if _CHAPTER_RE.match(paragraph):
        return not _in_contents(paragraphs, index)
    above = paragraphs[index - 1]
    return bool(_CHAPTER_RE.match(above)) and (
        not _in_contents(paragraphs, index - 1) or not _CHAPTER_RE.match(paragraph)
    )


def _body(article: Article, rng: random.Random, width: int) -> list[str]:
    """The text in columns: the order a box on some pages (a block apart, closed after its date), the
    contents and the chapter heads a block apart on some."""
    boxed = rng.random() < 0.5
    apart = rng.random() < 0.5
    paragraphs = article.paragraphs
    order_at = next((k for k, p in enumerate(paragraphs) if _ORDER_RE.match(p)), None)
    order_end = None
    if order_at is not None:
        order_end = next(
            (
                k
                for k in range(order_at, len(paragraphs))
                if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", paragraphs[k])
            ),
            None,
        )
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if body and _apart_before(paragraphs, index, boxed, apart):
            body.append("")
        body += wrap(paragraph, width)
        if boxed and index == order_end:
            body.append("")
    return column_breaks([line for k, line in enumerate(body) if line or (k and body[k - 1])], rng)


def _lay_document(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    article = _addressed(article)
    lines = [*_heads(article, rng), ""]
    truth = Expected(
        title=" ".join(article.heads),
        paragraphs=article.paragraphs,
        date=_document_date(article, article.paragraphs[0]),
        reporters=(),
        correspondents=(),
    )
    return [*lines, *_body(article, rng, width)], truth, _kind(article)


# ---- the page ----------------------------------------------------------------------------------------


def _strip(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_SECTIONS)
    return rng.choice(
        (
            [f"{section}  第{page}版", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{section}｜{page:02d}", f"{y}.{m}.{d}"],
            [f"{y}年{m}月{d}日  星期{weekday}  第{page}版  {section}"],
        )
    )


def compose_document(document: Article, others: list[Article], rng: random.Random) -> FamilyPage:
    """A 文件 page: its strip, the document, up to two other stories of its page, the editor's line."""
    width = rng.randint(14, 22)
    issue = document.issue
    lines = _strip(rng, issue, document.page) + [""]
    block, truth, kind = _lay_document(document, rng, width)
    lines += block + [""]
    expected = [truth]
    kinds = [kind]
    for other in rng.sample(others, min(len(others), rng.randint(0, 2))):
        head, body, story_truth, story_kind = lay_in_columns(other, rng, width)
        lines += [*head, *body, ""]
        expected.append(story_truth)
        kinds.append("other story")
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(DOCUMENT, lines, issue, expected, kinds)


def _page_stories(document: Article) -> list[Article]:
    """The other stories the corpus keeps for the document's issue and page (`desk_story`, any heads)."""
    day = root() / month_dir(document) / document.key[:8]
    stories: list[Article] = []
    for path in sorted(day.glob(f"*-{document.page:02d}-*.txt")):
        article = parse_article(path.read_text(encoding="utf-8", errors="ignore"), path.name)
        if article is not None and article.key != document.key and desk_story(article, re.compile(".")):
            stories.append(article)
    return stories


def make_documents(count: int, seed: int) -> list[FamilyPage]:
    """`count` 文件 pages from the tuned months, the documents in an order of the seed's, repeated when
    `count` exceeds them."""
    documents = first_printings(TUNED_MONTHS, _document)
    return pages_in_seed_order(
        DOCUMENT,
        seed,
        documents,
        count,
        lambda document, rng: compose_document(document, _page_stories(document), rng),
    )


# ---- families ----------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {DOCUMENT: make_documents},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
)
