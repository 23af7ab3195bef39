"""Two more text-page layouts from People's Daily (`benchmarks.rmrb`) that no other family uses: a
literary supplement open to tuning, and a digest page **held out of all tuning** (its totals only are
ever printed, never a story). Each family is a function of a seed: same seed, same pages, same truth.

- ``literary_page`` (a 副刊 / 文艺 supplement page, 大地; the tuned months): a page strip (``大地  第20版``,
  the date); two to four pieces: essays and memoirs from the paper's own supplement pages (page 20 and
  page 8 of the months on disk), the author's name under the headline (``王某`` alone, a two-character
  name padded to three cells, ``◎王某``; as the corpus prints its signed pieces, ``铁  凝（中国作协主席）``),
  no dateline; poems as the corpus prints them (its lines short, most without end punctuation, set one
  a line, stanzas of two to four lines parted by blank lines; the songs of a lyrics page, signed
  ``作词：王某`` in the corpus, printed with the name alone); a column's name over some pieces (the one the corpus puts in brackets after the head,
  ``收秋（泥土芬芳）``, printed ``【泥土芬芳】``, ``·泥土芬芳·``, ``◆泥土芬芳`` or bare; or ``【百姓故事】``,
  ``·随笔·`` and a few more over pieces without one); a short ``作者简介：…`` after some pieces; the
  editor's line at the page's foot (``责任编辑：王某``, ``本版责编：王某  美编：李某``).
- ``digest_page`` (a 文摘 / 新闻综合 page; **held out**, the articles of 2020-05 that no other held-out
  family prints): a page strip (``文摘  第12版``, the date); short items, each its head on a line of its
  own over its text, or run in on its first line after a full-width space (``标题　正文…``) or a colon
  (``标题：正文…``); each closed by its source, run on after its last sentence or on a line of its own
  (``（据新华社）``, ``（摘自《光明日报》）``); a few items under a strip heading (``国内``, ``【国际】``,
  ``■社会``).

- ``digest_twin`` (the held-out digest page's tuned twin, the tuned months): written anew from the
  conventions of digest pages in other forms too: a page strip; strip headings ``【国内】``, ``■国际``,
  ``社会·民生`` or a name over a rule line; heads alone (bare or in ``【】``) or run in after a full-width
  space, a colon or a ``●``/``■`` before them; sources ``（据新华社电）``, ``（摘自《X》）``, ``（来源：X）``,
  ``——据《X》报道``, ``（X/文）``, or none.

The truth, as the other families': a title is the printed header lines joined by spaces (a column's
name over a piece is its first line, as a commentary page's column is; a digest item's head alone),
paragraphs as printed (a poem's lines one paragraph each, as the corpus keeps them; a ``作者简介`` the
piece's last paragraph, as the corpus keeps an author's note; a digest item's source mark, strip
headings, the page strip and the editor's line in no story); the date the lead's first clause opens
with, else the page's for a lead opening with 近日/今天; the reporters the author's name (a digest item
none).
"""

from __future__ import annotations

import datetime
import random
import re
from dataclasses import replace

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.localpages import (
    _attach,
    _brief_text,
    _date_parts,
    _lead_date,
    _main_head,
    _name,
    _page_dated,
)
from benchmarks.pagefamilies import (
    HELDOUT_MONTHS,
    PAGES_PER_FAMILY,
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_issue,
)
from benchmarks.paperpages import (
    _lead_without_dateline,
)
from benchmarks.rmrb import Article, parse_article, root
from storage.ingest.ocr_page import display_width

LITERARY = "literary_page"
DIGEST = "digest_page"
DIGEST_TWIN = "digest_twin"
HELDOUT = DIGEST
SEED = 1
UNSEEN_SEED = 2  # the tuned family's second seed: only its totals are read, never a story of it
HELDOUT_SEED = 20261208
SUPPLEMENT_PAGES = (8, 20)  # the pages People's Daily prints its 大地 / 文艺 supplements on

_LITERARY_SECTIONS = ("大地", "副刊", "文艺副刊", "大地·副刊", "文苑")
_COLUMNS = ("百姓故事", "随笔", "人生感悟", "散文", "心香一瓣", "乡土中国")
_POEM_COLUMNS = ("诗歌", "诗", "诗路放歌")
_PLACES = ("江苏南京", "湖南长沙", "四川成都", "山东济南", "河北保定", "浙江绍兴", "陕西延安", "云南昆明")
_ROLES = ("中国作家协会会员", "省作家协会会员", "中学语文教师", "退休教师", "乡村医生", "报社编辑")
_GENRES = ("散文集", "诗集", "小说集", "长篇小说")
_FURNITURE_RE = re.compile(r"^(?:本版)?(?:制图|版式设计|版面设计|图片来源|数据来源)")
_NAME_LINE_RE = re.compile(
    r"^(?:作词：)?([\u4e00-\u9fff](?:[\s\u3000]*[\u4e00-\u9fff]){1,3})(（[^）]{2,30}）)?$"
)
_HEAD_COLUMN_RE = re.compile(r"^(.{2,}?)[（(]([\u4e00-\u9fff·]{2,10})[）)]$")


# ---- sources ----------------------------------------------------------------------------------------


def _raw_paragraphs(text: str) -> list[str]:
    """A file's indented lines in order, blank ones kept as "" (the corpus parts pieces and stanzas so)."""
    lines = text.replace("\r", "").replace("\ufeff", "").split("\n")
    return [line.replace("\xa0", " ").strip(" \u3000\t") for line in lines if line.startswith("\u3000")]


def _name_of(line: str) -> str | None:
    """``铁  凝（中国作协主席）`` / ``作词：王平久`` / ``成新平``: the name, spaces aside; None for no name line."""
    found = _NAME_LINE_RE.match(line)
    if not found:
        return None
    name = re.sub(r"[\s\u3000]", "", found[1])
    return name if 2 <= len(name) <= 4 else None


def _signed_pieces(text: str, issue: str, page: int, key: str) -> list[tuple[Article, str]]:
    """The pieces of a supplement page the corpus keeps in one file: a short title, the author's line
    under it, the text up to the next blank line; each with its author's line as printed."""
    items = _raw_paragraphs(text)

    def opens_piece(at: int) -> bool:
        title = items[at]
        return (
            at + 2 < len(items)
            and 2 <= len(title) <= 20
            and not re.search("[。！？：]$", title)
            and _name_of(items[at + 1]) is not None
            and items[at + 2] != ""
        )

    out: list[tuple[Article, str]] = []
    index = 0
    while index < len(items) - 2:
        title, author = items[index], items[index + 1]
        name = _name_of(author)
        if name is not None and (index == 0 or items[index - 1] == "") and opens_piece(index):
            end = index + 2
            while end < len(items) and items[end] != "" and not opens_piece(end):
                end += 1
            body = tuple(items[index + 2 : end])
            article = Article(
                key=f"{key}#{len(out)}",
                issue=issue,
                page=page,
                heads=(title,),
                paragraphs=body,
                date=None,
                reporters=(name,),
                byline_line=None,
            )
            out.append((article, re.sub(r"^作词：", "", author)))
            index = end
        else:
            index += 1
    return out


def _is_poem(article: Article) -> bool:
    """Four lines or more, most of them short: verse, set one line each (a closing note aside)."""
    lines = article.paragraphs
    short = [p for p in lines if len(p) <= 16]
    return len(lines) >= 4 and len(short) >= 0.75 * len(lines) and all(len(p) >= 3 for p in lines[:-1])


def _essay(article: Article) -> bool:
    """A supplement's essay or memoir the page can print as the corpus does: no dateline, no lead box
    (``核心阅读``), no sub-headings, no signature in brackets, no picture story."""
    if _lead_without_dateline(article)[0] or article.reporters or "图片报道" in article.heads:
        return False
    text = [p for p in article.paragraphs if not _FURNITURE_RE.match(p)]
    if len(text) < 2 or len(article.heads) > 2 or any(len(h) > 22 for h in article.heads):
        return False
    if text[0].startswith(("核心阅读", "主持人", "编者按", "据新华社", "记者：")):
        return False
    if any(len(p) < 16 and not re.search("[。！？”…）]$", p) for p in text):
        return False  # sub-headings or numbered parts
    if re.fullmatch(r"（[^）]{1,12}）", text[-1]) or any(p.endswith("摄") or "摄（" in p for p in text):
        return False
    return not any(p.startswith(("记者：", "图为")) for p in text)


def supplement_sources(months: tuple[str, ...]) -> tuple[list[Article], list[tuple[Article, str]]]:
    """The supplement pages' essays (one file each) and signed pieces (several a file, with the author's
    line as printed) of `months`."""
    essays: list[Article] = []
    signed: list[tuple[Article, str]] = []
    for month in months:
        for path in sorted((root() / month).glob("*/*.txt")):
            page = int(path.name[9:11])
            if page not in SUPPLEMENT_PAGES:
                continue
            text = path.read_text(encoding="utf-8", errors="ignore")
            issue = f"{path.name[:4]}-{path.name[4:6]}-{path.name[6:8]}"
            pieces = _signed_pieces(text, issue, page, path.name[:-4])
            if len(pieces) >= 2:
                signed += pieces
                continue
            article = parse_article(text, path.name)
            if article is not None and _essay(article):
                kept = tuple(p for p in article.paragraphs if not _FURNITURE_RE.match(p))
                essays.append(replace(article, paragraphs=kept))
    return essays, signed


# ---- literary_page ---------------------------------------------------------------------------------


def _literary_strip(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_LITERARY_SECTIONS)
    return rng.choice(
        (
            [f"{section}  第{page}版", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{y}年{m}月{d}日  星期{weekday}  {section}  {page:02d}"],
            [f"{section}｜第{page}版", f"{y}.{m}.{d}  星期{weekday}"],
        )
    )


def _editor_line(rng: random.Random) -> str:
    return rng.choice(
        (
            f"责任编辑：{_name(rng)}",
            f"本版责编：{_name(rng)}  美编：{_name(rng)}",
            f"（责任编辑：{_name(rng)}）",
            f"责任编辑  {_name(rng)}",
        )
    )


def _column_label(column: str, rng: random.Random) -> str:
    return rng.choice((f"【{column}】", f"·{column}·", f"◆{column}", column))


def _author_line(name: str, rng: random.Random) -> str:
    """``王某``, a two-character name padded to three cells (``王  某``), or ``◎王某``."""
    roll = rng.random()
    if len(name) == 2 and roll < 0.35:
        return f"{name[0]}  {name[1]}"
    return f"◎{name}" if roll > 0.8 else name


def _bio(name: str, rng: random.Random, others: list[str]) -> str:
    """A short 作者简介 after a piece: ``作者简介：王某，江苏南京人，中国作家协会会员，著有散文集《…》等。``"""
    book = rng.choice(others) if others else "乡土"
    return (
        f"{rng.choice(('作者简介：', '【作者简介】'))}{name}，{rng.choice(_PLACES)}人，"
        f"{rng.choice(_ROLES)}，著有{rng.choice(_GENRES)}《{book}》等。"
    )


def _printed_paragraphs(paragraphs: tuple[str, ...], rng: random.Random) -> list[str]:
    """The first paragraphs up to some 300–800 characters (one at least): a page prints a long piece's
    opening, as the families before cut long stories at a paragraph's end."""
    most = rng.randint(300, 800)
    out: list[str] = []
    for paragraph in paragraphs:
        if out and sum(map(len, out)) + len(paragraph) > most:
            break
        out.append(paragraph)
    return out


def _stanzas(lines: list[str], rng: random.Random) -> list[str]:
    """A poem's lines in stanzas of two to four, a blank line between."""
    out: list[str] = []
    size = rng.choice((2, 4, 4, 3))
    for index, line in enumerate(lines):
        if index and index % size == 0:
            out.append("")
        out.append(line)
    return out


def _lay_piece(
    article: Article, author: str | None, issue: str, rng: random.Random, width: int, books: list[str]
) -> tuple[list[str], Expected, str]:
    """One piece: a column's name over its headline on some, its author's line under the headline, its
    text (a poem's lines one a line, in stanzas), a 作者简介 after some."""
    poem = _is_poem(article)
    head = article.heads[0]
    heads = list(article.heads)
    column = None
    if found := _HEAD_COLUMN_RE.match(head):
        heads[0], column = found[1].strip(), found[2]
    elif rng.random() < 0.4:
        column = rng.choice(_POEM_COLUMNS if poem else _COLUMNS)
    if column is not None and rng.random() < 0.85:
        heads = [_column_label(column, rng), *heads]
    name = article.reporters[0] if article.reporters else _name(rng)
    line = author if author is not None and rng.random() < 0.7 else _author_line(name, rng)
    if poem:
        printed = list(article.paragraphs)
        body = _stanzas(printed, rng)
        kind = "poem"
    else:
        printed = _printed_paragraphs(article.paragraphs, rng)
        body = []
        for paragraph in printed:
            body += wrap(paragraph, width)
        body = column_breaks(body, rng)
        kind = "signed" if author is not None else "essay"
    if rng.random() < 0.3:
        printed.append(_bio(name, rng, books))
        body += wrap(printed[-1], width)
        kind += " + bio"
    lead = printed[0]
    expected = Expected(
        title=" ".join(heads),
        paragraphs=tuple(printed),
        date=_page_dated(lead, issue, _lead_date(article, lead)),
        reporters=(name,),
        correspondents=(),
    )
    if len(heads) > 1 and heads[0].strip("【】·◆") == column and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    return [*heads, "", line, *body], expected, kind


def _column_for(pieces: list[tuple[Article, str | None]], rng: random.Random) -> int:
    """The column's width: 16–22 cells, wide enough that a poem's every line stands four cells short of
    it (a line as full as the column reads on into the next; verse is set short of the measure)."""
    verse = [display_width(p) for a, _ in pieces if _is_poem(a) for p in a.paragraphs]
    return int(max(rng.randint(16, 22), max(verse, default=0) + 4))


def compose_literary(
    pieces: list[tuple[Article, str | None]], issue: str, books: list[str], rng: random.Random
) -> FamilyPage:
    width = _column_for(pieces, rng)
    lines = _literary_strip(rng, issue, rng.choice(SUPPLEMENT_PAGES)) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for article, author in pieces:
        block, truth, kind = _lay_piece(article, author, issue, rng, width, books)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(LITERARY, lines, issue, expected, kinds)


def make_literary(count: int, seed: int) -> list[FamilyPage]:
    """`count` supplement pages: each the essays of one issue's supplement, with a signed piece and a
    poem of the same year on some."""
    essays, signed = supplement_sources(TUNED_MONTHS)
    poems = [p for p in signed if _is_poem(p[0])]
    prose = [p for p in signed if not _is_poem(p[0])]
    days = by_issue(essays, 1)
    issues = sorted(days)
    rng = random.Random(f"{LITERARY}:{seed}")
    pages: list[FamilyPage] = []
    for _ in range(count):
        issue = rng.choice(issues)
        day = list(days[issue])
        rng.shuffle(day)
        chosen: list[tuple[Article, str | None]] = [(a, None) for a in day[: rng.randint(1, 3)]]
        year = issue[:4]
        same_year = [p for p in prose if p[0].issue[:4] == year]
        if same_year and rng.random() < 0.6:
            chosen.append(rng.choice(same_year))
        width_poems = [p for p in poems if p[0].issue[:4] == year]
        if width_poems and rng.random() < 0.6:
            chosen.append(rng.choice(width_poems))
        rng.shuffle(chosen)
        books = [h for a, _ in chosen for h in a.heads if len(h) <= 8]
        page = compose_literary(chosen, issue, books, rng)
        pages.append(page)
    return pages


# ---- digest_page -----------------------------------------------------------------------------------

_DIGEST_SECTIONS = ("文摘", "新闻综合", "综合新闻", "周末文摘", "新闻集萃")
_STRIPS = ("国内", "国际", "社会", "综合", "财经", "科技")
_SOURCES = ("据新华社", "据新华社电", "据人民网", "据央视新闻", "据光明网")
_PAPERS = ("人民日报", "光明日报", "经济日报", "科技日报", "工人日报", "中国青年报", "法治日报")


def _digest_strip(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_DIGEST_SECTIONS)
    return rng.choice(
        (
            [f"{section}  第{page}版", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{y}年{m}月{d}日  星期{weekday}  {section}  A{page:02d}"],
            [f"{section}｜{page:02d}", f"{y}.{m}.{d}"],
        )
    )


def _strip_heading(name: str, rng: random.Random) -> str:
    return rng.choice((name, f"【{name}】", f"■{name}", f"——{name}——", f"{name}新闻"))


def _source_mark(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"（{rng.choice(_SOURCES)}）"
    return f"（摘自《{rng.choice(_PAPERS)}》）"


def _lay_digest_item(
    article: Article, issue: str, rng: random.Random, width: int
) -> tuple[list[str], Expected, str]:
    """One item: its head over its text, or run in before it after a full-width space or a colon; its
    source closing it, run on or on a line of its own."""
    text = _brief_text(article)
    assert text is not None
    head = _main_head(article)
    roll = rng.random()
    if roll < 0.45:
        kind = "head above"
        lines = [head, *wrap(text, width)]
    elif roll < 0.75:
        kind = "run in, space"
        lines = wrap(f"{head}\u3000{text}", width)
    else:
        kind = "run in, colon"
        lines = wrap(f"{head}：{text}", width)
    lines = _attach(lines, _source_mark(rng), width, rng)
    date = _page_dated(text, issue, _lead_date(article, text))
    expected = Expected(title=head, paragraphs=(text,), date=date, reporters=(), correspondents=())
    return lines, expected, kind


def compose_digest(groups: list[tuple[str | None, list[Article]]], rng: random.Random) -> FamilyPage:
    """A digest page: its strip, then groups of items, some under a strip heading."""
    width = rng.randint(14, 22)
    issue = max(a.issue for _, items in groups for a in items)
    lines = _digest_strip(rng, issue, rng.randint(4, 16)) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for heading, items in groups:
        if heading is not None:
            lines += [_strip_heading(heading, rng), ""]
        for article in items:
            block, truth, kind = _lay_digest_item(article, issue, rng, width)
            lines += block + ([""] if rng.random() < 0.7 else [])
            expected.append(truth)
            kinds.append(kind)
        lines.append("")
    return FamilyPage.from_lines(DIGEST, lines, issue, expected, kinds)


def _digestible(article: Article) -> bool:
    """An article a digest prints as an item: a brief's text (`benchmarks.localpages._brief_text`) that
    opens with no wire line (``据新华社…电``) and points at no picture, under a head that is no kicker
    (``…——``) and carries no column's name in brackets."""
    text = _brief_text(article)
    head = _main_head(article)
    return (
        text is not None
        and not text.startswith("据")
        and "见图" not in text
        and "见上图" not in text
        and not re.search("(?:——|[）)])$", head)
        and len(head) <= 24
    )


def _digest_groups(day: list[Article], rng: random.Random) -> list[tuple[str | None, list[Article]]]:
    """Six to ten items of the day in two to four groups, a strip heading over some."""
    items = [a for a in day if _digestible(a)][: rng.randint(6, 10)]
    names = rng.sample(_STRIPS, 4)
    groups: list[tuple[str | None, list[Article]]] = []
    while items:
        size = rng.randint(2, 4)
        heading = names[len(groups) % 4] if rng.random() < 0.6 else None
        groups.append((heading, items[:size]))
        items = items[size:]
    return groups


def printed_by_held_out() -> set[str]:
    """Keys of the text the other held-out families print (`benchmarks.topicpages.printed_by_held_out`,
    and its own held-out page of items and the commentary page): the digest takes none of it."""
    from benchmarks import topicpages, webpages

    pages = [
        *topicpages.PAGE_FAMILIES.pages(topicpages.ITEMS, PAGES_PER_FAMILY),
        *webpages.PAGE_FAMILIES.pages(webpages.HELDOUT, PAGES_PER_FAMILY),
    ]
    return topicpages.printed_by_held_out() | topicpages.printed_keys(pages)


def digest_pool(months: tuple[str, ...]) -> list[Article]:
    """Every article of `months` a digest can print (`_digestible`, `benchmarks.topicpages._readable`):
    a digest reprints a brief's worth of any article, not only the ones a page could hold whole."""
    from benchmarks import topicpages

    pool: list[Article] = []
    for month in months:
        for path in sorted((root() / month).glob("*/*.txt")):
            article = parse_article(path.read_text(encoding="utf-8", errors="ignore"), path.name)
            if article is not None and _digestible(article) and topicpages._readable(article):
                pool.append(article)
    return pool


def _week(issue: str) -> str:
    year, week, _day = datetime.date.fromisoformat(issue).isocalendar()
    return f"{year}-W{week:02d}"


def make_digest(count: int, seed: int, months: tuple[str, ...] = HELDOUT_MONTHS) -> list[FamilyPage]:
    """`count` digest pages from `months` (the held-out month; other months only for a scratch look at
    the layout), each from one week's articles (a digest reprints the week's news), none printed on
    another held-out family's pages."""
    from benchmarks import topicpages

    pool = digest_pool(months)
    if months == HELDOUT_MONTHS:
        used = printed_by_held_out()
        pool = [a for a in pool if topicpages.unprinted(a, used)]
    weeks: dict[str, list[Article]] = {}
    for article in pool:
        weeks.setdefault(_week(article.issue), []).append(article)
    names = sorted(w for w, items in weeks.items() if len(items) >= 10)
    rng = random.Random(f"{DIGEST}:{seed}")
    pages: list[FamilyPage] = []
    for _ in range(count):
        week = list(weeks[rng.choice(names)])
        rng.shuffle(week)
        pages.append(compose_digest(_digest_groups(week, rng), rng))
    return pages


# ---- digest_twin ----------------------------------------------------------------------------------
# The held-out digest page's tuned twin, from the tuned months, written anew from the conventions of
# digest and 新闻综合 pages (never from `digest_page`'s pages, seed or articles), in other forms too.

_TWIN_SECTIONS = ("新闻摘要", "要闻·综合", "文摘", "新闻集锦", "综合")
_TWIN_STRIPS = ("国内", "国际", "社会", "民生", "经济", "文化")
_WIRES = ("新华社", "中新社", "央视新闻", "人民网", "光明网")
_OUTLETS = ("人民日报", "光明日报", "经济日报", "科技日报", "中国青年报", "新京报", "半月谈")


def _twin_strip(rng: random.Random, issue: str, page: int) -> list[str]:
    """The page strip: the date, the day, the section and the page's code, on one line or two."""
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_TWIN_SECTIONS)
    return rng.choice(
        (
            [f"A{page:02d}  {section}  {y}年{m}月{d}日  星期{weekday}"],
            [f"第{page}版｜{section}", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{y}年{m}月{d}日  星期{weekday}", f"{section}  {page:02d}"],
        )
    )


def _twin_heading(name: str, rng: random.Random) -> list[str]:
    """A strip heading over a group: ``【国内】``, ``■国际``, ``社会·民生`` or a name over a rule line."""
    roll = rng.random()
    if roll < 0.25:
        return [f"【{name}】"]
    if roll < 0.5:
        return [f"■{name}"]
    if roll < 0.75:
        other = rng.choice([s for s in _TWIN_STRIPS if s != name])
        return [f"{name}·{other}"]
    return [name, "─" * rng.randint(8, 14)]


def _twin_source(rng: random.Random) -> str | None:
    """The item's source: ``（据新华社电）``, ``（摘自《X》）``, ``（来源：X）``, ``——据《X》报道``,
    ``（X/文）``; None for an item printed with none."""
    roll = rng.random()
    if roll < 0.2:
        return f"（据{rng.choice(_WIRES)}电）"
    if roll < 0.4:
        return f"（摘自《{rng.choice(_OUTLETS)}》）"
    if roll < 0.55:
        return f"（来源：{rng.choice((*_WIRES, *_OUTLETS))}）"
    if roll < 0.7:
        return f"——据《{rng.choice(_OUTLETS)}》报道"
    if roll < 0.8:
        return f"（{rng.choice(_WIRES)}/文）"
    return None


def _lay_twin_item(
    article: Article, issue: str, rng: random.Random, width: int
) -> tuple[list[str], Expected, str]:
    """One item: its head alone over its text (bare or in ``【】``), or run in before it after a
    full-width space, a colon, or a ``●`` / ``■`` before the head; its source closing it, or none."""
    text = _brief_text(article)
    assert text is not None
    head = _main_head(article)
    roll = rng.random()
    if roll < 0.2:
        kind, lines = "head above", [head, *wrap(text, width)]
    elif roll < 0.35:
        kind, lines = "head in brackets", [f"【{head}】", *wrap(text, width)]
    elif roll < 0.6:
        kind, lines = "run in, space", wrap(f"{head}\u3000{text}", width)
    elif roll < 0.8:
        kind, lines = "run in, colon", wrap(f"{head}：{text}", width)
    else:
        bullet = rng.choice("●■")
        kind, lines = "run in, bullet", wrap(f"{bullet}{head}\u3000{text}", width)
    source = _twin_source(rng)
    if source is None:
        kind += ", no source"
    else:
        lines = _attach(lines, source, width, rng)
    date = _page_dated(text, issue, _lead_date(article, text))
    expected = Expected(title=head, paragraphs=(text,), date=date, reporters=(), correspondents=())
    return lines, expected, kind


def compose_digest_twin(groups: list[tuple[str | None, list[Article]]], rng: random.Random) -> FamilyPage:
    """A digest page of the tuned months: its strip, then groups of items, some under a strip heading."""
    width = rng.randint(14, 22)
    issue = max(a.issue for _, items in groups for a in items)
    lines = _twin_strip(rng, issue, rng.randint(2, 16)) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for heading, items in groups:
        if heading is not None:
            lines += [*_twin_heading(heading, rng), ""]
        for article in items:
            block, truth, kind = _lay_twin_item(article, issue, rng, width)
            lines += block + ([""] if rng.random() < 0.6 else [])
            expected.append(truth)
            kinds.append(kind)
        lines.append("")
    return FamilyPage.from_lines(DIGEST_TWIN, lines, issue, expected, kinds)


def make_digest_twin(count: int, seed: int) -> list[FamilyPage]:
    """`count` digest pages from the tuned months, each from one week's articles, five to nine items in
    groups, a strip heading over some."""
    weeks: dict[str, list[Article]] = {}
    for article in digest_pool(TUNED_MONTHS):
        weeks.setdefault(_week(article.issue), []).append(article)
    names = sorted(w for w, items in weeks.items() if len(items) >= 10)
    rng = random.Random(f"{DIGEST_TWIN}:{seed}")
    pages: list[FamilyPage] = []
    for _ in range(count):
        week = list(weeks[rng.choice(names)])
        rng.shuffle(week)
        items = week[: rng.randint(5, 9)]
        strips = rng.sample(_TWIN_STRIPS, 4)
        groups: list[tuple[str | None, list[Article]]] = []
        while items:
            size = rng.randint(2, 4)
            heading = strips[len(groups) % 4] if rng.random() < 0.65 else None
            groups.append((heading, items[:size]))
            items = items[size:]
        pages.append(compose_digest_twin(groups, rng))
    return pages


# ---- families ---------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {LITERARY: make_literary, DIGEST_TWIN: make_digest_twin, DIGEST: make_digest},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
    held_out=HELDOUT,
    held_out_seed=HELDOUT_SEED,
)
