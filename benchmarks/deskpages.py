"""Two more text-page layouts from People's Daily (`benchmarks.rmrb`) that no other family uses: an
international page open to tuning, an economy page **held out of all tuning** (its totals only are ever
printed, never a story), and the economy page's tuned twin. Each family is a function of a seed: same
seed, same pages, same truth.

- ``world_page`` (a 国际 page; the tuned months): three to six stories of one issue's international
  pages (pages 16 and 17 of the months on disk, in the corpus' order), as the paper sets them: a page
  strip (``国际  第16版`` over the date); heads as the corpus prints them, a column in brackets on many
  (``美伊矛盾激化引发多方担忧（国际视点）``, ``（环球走笔）``, ``（钟声）``), the kicker a group of its own
  on some; agencies' and the paper's datelines opening the lead (``据新华社奥克兰1月5日电  （记者郭磊）``,
  ``本报斯德哥尔摩1月5日电  （记者王某）``); the paper's correspondents' pieces, closed by their dateline
  in brackets (``（本报华盛顿、开罗1月5日电）``) with the correspondents on a line under the head
  (``本报驻华盛顿记者  王某``, one a line or two on a line; the corpus keeps none, so theirs are made
  up); a ``核心阅读`` box and sub-heads inside the long pieces; photos between stories, their caption
  opening ``当地时间1月5日，`` and closed by a foreign agency's credit (``新华社/美联``, ``新华社发``,
  ``（新华社记者 王某摄）``); a strip heading over the last short dispatches (``国际要闻``, ``【环球速览】``);
  the editor's line at the foot.
- ``economy_page`` (a 经济 / 财经 page; **held out**, the articles of 2020-05 no other held-out family
  prints): three to five economy stories of one issue (heads naming the economy), the reporter's line
  under the head (``本报记者  王某``, as the corpus prints it) or the dateline opening the lead; a data
  box between stories (``■数说``, ``【数据】``, ``数字速览`` over two to four of the page's own clauses
  holding a figure, one a line); a box of the day's reference rates (``人民币汇率中间价``, ``1美元  7.0925元``
  — made-up figures); a chart note under some stories (``数据来源：国家统计局``, ``制图：王某``); the
  editor's line at the foot.
- ``economy_twin`` (the held-out economy page's tuned twin; the tuned months, other seeds): the economy
  page's conventions (the same builder, the same choice of stories) on the tuned months' economy stories,
  in other forms too: more strips (``第10版  经济``, ``经济周刊  18``), more data boxes' headings
  (``【数读】``, ``数据看台``) and chart notes (``资料来源：中国人民银行``, ``制表：王某``).

The truth, as the other families': a title is the printed header lines joined by spaces (a column in
brackets included), paragraphs as the corpus keeps them (a closing dateline the last paragraph; a summary
box's label in no story, as `benchmarks.sectionpages.theory_twin`'s truth); captions, credits, boxes,
chart notes, strip headings, the page strip and the editor's line in no story; the date the dateline's
(opening or closing), else the one the lead's first clause opens with, else the page's for a lead
opening with 近日/今天; the reporters the dateline's, the reporter's line's or the correspondents' line's.
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Callable
from typing import NamedTuple

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.localpages import (
    _date_parts,
    _lead_date,
    _name,
    _page_dated,
    _unread_dateline,
)
from benchmarks.pagefamilies import (
    HELDOUT_MONTHS,
    PAGES_PER_FAMILY,
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_issue,
    by_page,
    issue_runs,
)
from benchmarks.paperpages import (
    _lead_without_dateline,
)
from benchmarks.rmrb import Article, parse_article, root
from benchmarks.sectionpages import _editor_line, _is_box_label, _no_pictures, _page_articles
from storage.ingest.ocr_page import display_width

WORLD = "world_page"
ECONOMY = "economy_page"
ECONOMY_TWIN = "economy_twin"
HELDOUT = ECONOMY
SEED = 1
UNSEEN_SEED = 2  # the tuned families' second seed: only its totals are read, never a story of it
HELDOUT_SEED = 20261220
WORLD_PAGES = (16, 17)  # the pages People's Daily prints its international news on

# An agency's dateline the corpus keeps in the lead: ``据新华社奥克兰1月5日电  （记者郭磊）``.
_AGENCY_DATELINE_RE = re.compile(
    r"^据新华社([\u4e00-\u9fff]{1,8}?)(\d{1,2})月(\d{1,2})日电\s*(?:（记者([^）]{2,30})）)?"
)
# The paper's correspondents' closing dateline: ``（本报华盛顿、开罗1月5日电）``.
_CLOSING_DATELINE_RE = re.compile(r"^（本报([\u4e00-\u9fff、]{2,20}?)(\d{1,2})月(\d{1,2})日电）$")
_FOREIGN_RE = re.compile(
    "美国|日本|欧盟|欧洲|英国|法国|德国|俄罗斯|联合国|非洲|印度|韩国|朝鲜|东盟|拉美|中东|伊朗|伊拉克|"
    "巴基斯坦|澳大利亚|加拿大|巴西|意大利|西班牙|土耳其|以色列|埃及|越南|泰国|新加坡|外长|大使|各国|全球|国际"
)
_WORLD_SECTIONS = ("国际", "国际新闻", "国际·视点", "环球")
_WORLD_BRIEF_HEADINGS = ("国际要闻", "【环球速览】", "■国际简讯", "外电快讯")
_ECONOMY_SECTIONS = ("经济", "财经", "经济·综合", "经济新闻")
_ECONOMY_WORDS_RE = re.compile(
    "经济|企业|消费|金融|市场|产业|投资|就业|外贸|财政|税|价格|物流|银行|复工|复产|电商|制造"
)
_FIGURE_CLAUSE_RE = re.compile(
    r"[^，。；：！？“”（）]*\d[\d.]*(?:%|亿元|万元|万吨|亿美元|万人)[^，。；：！？“”（）]*"
)
_DATA_HEADINGS = ("■数说", "【数据】", "数字速览", "◆数读经济")
_TWIN_SECTIONS = ("经济", "财经", "经济·产业", "经济周刊", "市场")
_TWIN_DATA_HEADINGS = ("【数读】", "■数字", "数据看台", "◆经济数据")


def _issue_dated(issue: str, month: int, day: int) -> str | None:
    """Month and day printed in a dateline, the issue's year (a later month is last year's)."""
    y, m, d = (int(x) for x in issue.split("-"))
    try:
        return datetime.date(y - 1 if (month, day) > (m, d) else y, month, day).isoformat()
    except ValueError:
        return None


def _names_in(text: str) -> tuple[str, ...]:
    return tuple(n for n in (re.sub(r"\s+", "", p) for p in text.split("、")) if n)


def _closing_dateline(article: Article) -> re.Match[str] | None:
    return _CLOSING_DATELINE_RE.match(article.paragraphs[-1])


def _agency_dateline(article: Article) -> re.Match[str] | None:
    return _AGENCY_DATELINE_RE.match(article.paragraphs[0])


# ---- world_page -------------------------------------------------------------------------------------


def _world_story(article: Article) -> bool:
    """An international page's story the truth can read: foreign news (a country, 联合国, 国际… in its
    heads or lead), 80–3,000 characters ending a sentence or on a
    closing dateline, no picture, heads of at most 30 characters, and a dateline read whole (an agency's
    with its date, the paper's as `benchmarks.rmrb` reads it) or none."""
    size = sum(map(len, article.paragraphs))
    if not 80 <= size <= 3000 or not _no_pictures(article) or article.byline_line:
        return False
    if any(len(h) > 30 for h in article.heads) or len(article.heads) > 3:
        return False
    if "图片报道" in article.heads or any(h.startswith("广告") for h in article.heads):
        return False
    if _agency_dateline(article) is None and _unread_dateline(article):
        return False
    if not _FOREIGN_RE.search("".join((*article.heads, article.paragraphs[0]))):
        return False  # a home story on a page the paper used for other news that month
    if re.match(r"^据新华社电", article.paragraphs[0]):
        return False  # no date printed: left out
    dateline, rest = _lead_without_dateline(article)
    if dateline is not None and not article.reporters and rest.lstrip().startswith("（"):
        return False
    last = article.paragraphs[-1]
    return bool(_closing_dateline(article) or re.search("[。！？”…）]$", last))


def _world_strip(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_WORLD_SECTIONS)
    return rng.choice(
        (
            [f"{section}  第{page}版", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{y}年{m}月{d}日  星期{weekday}  {section}  {page:02d}"],
            [f"人民日报  {section}", f"{y}年{m}月{d}日  第{page}版"],
        )
    )


def _correspondents(cities: list[str], rng: random.Random) -> tuple[tuple[str, ...], list[str]]:
    """Made-up correspondents, one a city (``本报驻华盛顿记者  王某``), their lines one a line or all on one."""
    names: list[str] = []
    for _ in cities:
        name = _name(rng)
        while name in names:
            name = _name(rng)
        names.append(name)
    credits = [f"本报驻{city}记者  {name}" for city, name in zip(cities, names, strict=True)]
    if len(credits) > 1 and rng.random() < 0.5:
        return tuple(names), ["    ".join(credits)]
    return tuple(names), credits


def _foreign_credit(rng: random.Random) -> str:
    name = _name(rng)
    return rng.choice(
        ("新华社/美联", "新华社/路透", "新华社发", f"（新华社记者 {name}摄）", f"新华社记者  {name}  摄")
    )


def _world_caption(article: Article, rng: random.Random, width: int) -> list[str]:
    """A photo's caption: the day before the issue in local time and a clause of the story, the credit
    run on or under it."""
    day = datetime.date.fromisoformat(article.issue) - datetime.timedelta(days=1)
    clauses = [
        c
        for p in article.paragraphs[:-1] or article.paragraphs
        for c in re.split("[，。；：！？“”（）]", p)
        if 8 <= len(c) <= 24 and re.fullmatch(r"[\u4e00-\u9fff\d、·]+", c)
    ] or [re.sub("[^\u4e00-\u9fff]", "", article.heads[-1])[:16]]
    lines = wrap(f"当地时间{day.month}月{day.day}日，{rng.choice(clauses)}。", width)
    credit = _foreign_credit(rng)
    if display_width(lines[-1] + credit) <= width and rng.random() < 0.5:
        return [*lines[:-1], lines[-1] + credit]
    return [*lines, credit]


def _world_truth(article: Article, text: list[str], reporters: tuple[str, ...]) -> Expected:
    closing = _closing_dateline(article)
    agency = _agency_dateline(article)
    if closing:
        date = _issue_dated(article.issue, int(closing[2]), int(closing[3]))
    elif agency:
        date = _issue_dated(article.issue, int(agency[2]), int(agency[3]))
    elif article.date:
        date = article.date
    else:
        date = _page_dated(text[0], article.issue, _lead_date(article, text[0]))
    return Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(text),
        date=date,
        reporters=reporters,
        correspondents=(),
    )


def _world_kind(article: Article, text: list[str]) -> str:
    if _closing_dateline(article):
        kind = "correspondents' piece"
    elif _agency_dateline(article):
        kind = "agency dispatch"
    elif _lead_without_dateline(article)[0] is not None:
        kind = "dispatch"
    else:
        kind = "undated piece"
    if any(_is_box_label(p) for p in article.paragraphs):
        kind += " + summary box"
    if any(len(p) < 24 and not re.search("[。！？”…）]$", p) for p in text[1:-1]):
        kind += " + sub-heads"
    return kind


def _lay_world(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """One story: its heads (the kicker a group of its own on some), the correspondents' line for a
    piece closed by its dateline, its text in columns."""
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.4:
        heads = [heads[0], "", *heads[1:]]
    text = [p for p in article.paragraphs if not _is_box_label(p)]
    lines = [*heads, ""]
    reporters = article.reporters
    if agency := _agency_dateline(article):
        reporters = _names_in(agency[4]) if agency[4] else ()
    kind = _world_kind(article, text)
    if closing := _closing_dateline(article):
        cities = closing[1].split("、")
        reporters, credits = _correspondents(cities, rng)
        lines += credits
        if len(cities) > 1:
            kind += ", two cities"
    body: list[str] = []
    for paragraph in article.paragraphs:
        body += wrap(paragraph, width)
    return [*lines, *column_breaks(body, rng)], _world_truth(article, text, reporters), kind


def compose_world(articles: list[Article], rng: random.Random) -> FamilyPage:
    """An international page: its strip, the stories (the last short dispatches under a strip heading
    on some), photos between stories, the editor's line."""
    width = rng.randint(14, 22)
    issue = articles[0].issue
    lines = _world_strip(rng, issue, articles[0].page) + [""]
    short = [a for a in articles if _agency_dateline(a) and sum(map(len, a.paragraphs)) <= 500]
    briefs = short[-rng.randint(2, 3) :] if len(short) >= 2 and rng.random() < 0.5 else []
    ordered = [a for a in articles if a not in briefs] + briefs
    expected: list[Expected] = []
    kinds: list[str] = []
    for article in ordered:
        if briefs and article is briefs[0]:
            lines += [rng.choice(_WORLD_BRIEF_HEADINGS), ""]
        block, truth, kind = _lay_world(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind + (", under a strip heading" if article in briefs else ""))
        if rng.random() < 0.2 and article not in briefs:
            lines += _world_caption(article, rng, width) + [""]
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(WORLD, lines, issue, expected, kinds)


def _world_pool(months: tuple[str, ...]) -> list[Article]:
    pool: list[Article] = []
    for page in WORLD_PAGES:
        pool += [a for a in _page_articles(months, page) if _world_story(a)]
    return sorted(pool, key=lambda a: a.key)


def make_world(count: int, seed: int) -> list[FamilyPage]:
    """`count` international pages, each three to six stories of one issue's page 16 or 17."""
    days = {k: v for k, v in sorted(by_page(_world_pool(TUNED_MONTHS)).items()) if len(v) >= 3}
    rng = random.Random(f"{WORLD}:{seed}")
    return [compose_world(run, rng) for run in issue_runs(days, count, rng, 3, 6)]


# ---- economy_page ------------------------------------------------------------------------------------


def desk_story(article: Article, heads_words: re.Pattern[str], notes: tuple[str, ...] = ()) -> bool:
    """A story a desk page prints: `heads_words` in its heads, 150–2,600 characters ending a sentence, no
    picture, at most three heads of at most 30 characters, a dateline the truth reads or none, no paragraph
    opening as a data source, a chart credit, a writer's note or one of `notes`."""
    size = sum(map(len, article.paragraphs))
    if not 150 <= size <= 2600 or not _no_pictures(article) or _unread_dateline(article):
        return False
    if not heads_words.search("".join(article.heads)):
        return False
    if any(len(h) > 30 for h in article.heads) or len(article.heads) > 3:
        return False
    if any(h.startswith(("广告", "图片报道")) for h in article.heads):
        return False
    dateline, rest = _lead_without_dateline(article)
    if dateline is not None and not article.reporters and rest.lstrip().startswith("（"):
        return False
    if any(p.startswith(("数据来源", "制图", "（执笔", *notes)) for p in article.paragraphs):
        return False
    return bool(re.search("[。！？”…）]$", article.paragraphs[-1]))


def _economy_story(article: Article) -> bool:
    """An economy story: economy words in its heads (`desk_story`)."""
    return desk_story(article, _ECONOMY_WORDS_RE)


def _economy_strip(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_ECONOMY_SECTIONS)
    return rng.choice(
        (
            [f"{section}  第{page}版", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{section}｜{page:02d}", f"{y}.{m}.{d}"],
            [f"{y}年{m}月{d}日  星期{weekday}  第{page}版  {section}"],
        )
    )


def _economy_twin_strip(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_TWIN_SECTIONS)
    return rng.choice(
        (
            [f"第{page}版  {section}", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{section}  {page:02d}", f"{y}年{m}月{d}日"],
            [f"人民日报  {y}年{m}月{d}日  星期{weekday}  第{page}版  {section}"],
            [f"{section}｜{page:02d}", f"{y}.{m}.{d}"],
        )
    )


def _data_box(
    articles: list[Article], rng: random.Random, width: int, headings: tuple[str, ...]
) -> list[str]:
    """A box of the page's own clauses holding a figure (``社会消费品零售总额增长8%``), one a line, under
    its heading; none when the page's stories hold fewer than two short enough for a line."""
    clauses = [
        c.strip()
        for a in articles
        for p in a.paragraphs
        for c in _FIGURE_CLAUSE_RE.findall(p)
        if 8 <= len(c.strip()) and display_width(c.strip()) <= width
    ]
    clauses = list(dict.fromkeys(clauses))[: rng.randint(2, 4)]
    if len(clauses) < 2:
        return []
    return [rng.choice(headings), *clauses]


def _rates_box(rng: random.Random) -> list[str]:
    """The day's reference rates, made up: a heading and two or three currencies, one a line."""
    rates = (("美元", 7.0), ("欧元", 7.7), ("日元", 6.6), ("港元", 0.9))
    lines = [rng.choice(("人民币汇率中间价", "【今日汇率】", "■外汇牌价"))]
    for currency, base in rates[: rng.randint(2, 3)]:
        amount = "100" if currency == "日元" else "1"
        lines.append(f"{amount}{currency}  {base + rng.random() / 10:.4f}元")
    return lines


def _chart_note(rng: random.Random) -> str:
    return rng.choice(
        (
            "数据来源：国家统计局",
            f"数据来源：商务部  制图：{_name(rng)}",
            f"制图：{_name(rng)}",
        )
    )


def _twin_chart_note(rng: random.Random) -> str:
    return rng.choice(
        (
            "数据来源：国家统计局",
            "资料来源：中国人民银行",
            f"数据来源：海关总署  制图：{_name(rng)}",
            f"制图：{_name(rng)}",
            f"制表：{_name(rng)}",
        )
    )


class _EconomyForms(NamedTuple):
    """What an economy page is printed with: its family's name, its strip, its data boxes' headings, its
    chart notes."""

    family: str
    strip: Callable[[random.Random, str, int], list[str]]
    data_headings: tuple[str, ...]
    chart_note: Callable[[random.Random], str]


_ECONOMY_FORMS = _EconomyForms(ECONOMY, _economy_strip, _DATA_HEADINGS, _chart_note)
_TWIN_FORMS = _EconomyForms(
    ECONOMY_TWIN, _economy_twin_strip, _DATA_HEADINGS + _TWIN_DATA_HEADINGS, _twin_chart_note
)


def lay_in_columns(
    article: Article, rng: random.Random, width: int
) -> tuple[list[str], list[str], Expected, str]:
    """One story as a desk page sets it: its heads (the main line apart from the kicker on some), the
    reporter's line under them for a feature that has one; its text wrapped and broken into columns; the truth
    and the story's kind."""
    dateline, rest = _lead_without_dateline(article)
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    lines = [*heads, ""]
    kind = "dispatch" if dateline else "feature"
    if article.byline_line and not dateline:
        lines.append(article.byline_line)
        kind += ", reporter's line"
    text = [p for p in article.paragraphs if not _is_box_label(p)]
    if any(len(p) < 24 and not re.search("[。！？”…）]$", p) for p in text[1:]):
        kind += " + sub-heads"
    body: list[str] = []
    for paragraph in article.paragraphs:
        body += wrap(paragraph, width)
    body = column_breaks(body, rng)
    lead = rest if dateline else text[0]
    date = article.date if dateline else _page_dated(lead, article.issue, _lead_date(article, lead))
    expected = Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(text),
        date=date,
        reporters=article.reporters,
        correspondents=(),
    )
    return lines, body, expected, kind


def _lay_economy(
    article: Article, rng: random.Random, width: int, chart_note: Callable[[random.Random], str]
) -> tuple[list[str], Expected, str]:
    """One story (`lay_in_columns`), a chart note under it on some."""
    lines, body, expected, kind = lay_in_columns(article, rng, width)
    if rng.random() < 0.25:
        body += [chart_note(rng)]
        kind += " + chart note"
    return [*lines, *body], expected, kind


def compose_economy(
    articles: list[Article], rng: random.Random, forms: _EconomyForms = _ECONOMY_FORMS
) -> FamilyPage:
    """An economy page in `forms`: its strip, the stories, a data box and a rates box between them on
    some, the editor's line."""
    width = rng.randint(14, 22)
    issue = articles[0].issue
    lines = forms.strip(rng, issue, rng.choice((10, 18))) + [""]
    box = _data_box(articles, rng, width, forms.data_headings) if rng.random() < 0.6 else []
    rates = _rates_box(rng) if rng.random() < 0.4 else []
    box_at, rates_at = rng.randint(1, len(articles)), rng.randint(0, len(articles))
    expected: list[Expected] = []
    kinds: list[str] = []
    for index, article in enumerate(articles):
        if rates and index == rates_at:
            lines += rates + [""]
        if box and index == box_at:
            lines += box + [""]
        block, truth, kind = _lay_economy(article, rng, width, forms.chart_note)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    if box and box_at == len(articles):
        lines += box + [""]
    if rates and rates_at == len(articles):
        lines += rates + [""]
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(forms.family, lines, issue, expected, kinds)


def printed_by_held_out() -> set[str]:
    """Keys of the text every other held-out family prints (`benchmarks.sectionpages.printed_by_held_out`
    and its held-out theory page): the economy page takes none of it."""
    from benchmarks import sectionpages, topicpages

    theory = sectionpages.PAGE_FAMILIES.pages(sectionpages.THEORY, PAGES_PER_FAMILY)
    return sectionpages.printed_by_held_out() | topicpages.printed_keys(theory)


def _economy_pool(months: tuple[str, ...]) -> list[Article]:
    pool: list[Article] = []
    for month in months:
        for path in sorted((root() / month).glob("*/*.txt")):
            article = parse_article(path.read_text(encoding="utf-8", errors="ignore"), path.name)
            if article is not None and _economy_story(article):
                pool.append(article)
    return pool


def make_economy(count: int, seed: int, months: tuple[str, ...] = HELDOUT_MONTHS) -> list[FamilyPage]:
    """`count` economy pages from `months` (the held-out month; other months only for a scratch look at
    the layout), each three to five stories of one issue, none printed by another held-out family."""
    from benchmarks import topicpages

    pool = _economy_pool(months)
    if months == HELDOUT_MONTHS:
        used = printed_by_held_out()
        pool = [a for a in pool if topicpages.unprinted(a, used)]
    days = by_issue(pool, 3)
    rng = random.Random(f"{ECONOMY}:{seed}")
    return [compose_economy(run, rng) for run in issue_runs(days, count, rng, 3, 5)]


# ---- economy_twin ----------------------------------------------------------------------------------
# The held-out economy page's tuned twin: its conventions (`_lay_economy` and `compose_economy`, shared,
# never `economy_page`'s pages or failures) on the tuned months' economy stories (the same choice of
# stories, `_economy_story`), in other forms too: more strips (``第10版  经济``, ``经济周刊  18``), more data
# boxes' headings (``【数读】``, ``数据看台``) and chart notes (``资料来源：中国人民银行``, ``制表：王某``).


def make_economy_twin(count: int, seed: int) -> list[FamilyPage]:
    """`count` economy pages from the tuned months, each three to five economy stories of one issue."""
    days = by_issue(_economy_pool(TUNED_MONTHS), 3)
    rng = random.Random(f"{ECONOMY_TWIN}:{seed}")
    return [compose_economy(run, rng, _TWIN_FORMS) for run in issue_runs(days, count, rng, 3, 5)]


# ---- families ---------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {WORLD: make_world, ECONOMY_TWIN: make_economy_twin, ECONOMY: make_economy},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
    held_out=HELDOUT,
    held_out_seed=HELDOUT_SEED,
)
