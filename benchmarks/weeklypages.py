"""Two more text-page layouts from People's Daily articles (`benchmarks.rmrb`) that no other family uses,
as three families: one open to tuning, the held-out layout from the tuned months (open to tuning), and
that layout from 2020-05 **held out of all tuning** (its totals only are ever printed, never a story).
Each family is a function of a seed: same seed, same pages, same truth.

- ``metro_page`` (a metropolitan morning paper, 都市报): a page strip (``A04  都市·关注``, the date, the
  editors); a numbered 导读 box (``1. 标题……A05``); column tags in lenticular brackets on a line of their
  own over the headline (``【关注】``, ``【提醒】``); ``文/图 记者 王某`` under the headline or the authors
  in brackets after the last paragraph (``（记者 王某 通讯员 李某）``), on its line or a line of its own;
  interviews as printed (``记者：…`` / ``刘某：…``) under ``本报记者 王某``; photo captions set between a
  story's paragraphs (``▲…。  记者 王某 摄``, ``图为…。（资料图片）``); stories cut by ``（下转A06版）`` and
  stories continued from A01 (the headline again, ``（上接A01版）``, the rest, the authors); a numbered
  快讯 column whose items print their head in brackets before the text on one line (``1.【标题】正文…``,
  ``◆【标题】…``), some closed by their author in brackets.
- ``weekly_page`` / ``weekly_heldout`` (a weekly, 周刊/周报): a masthead with ``第1234期`` and ``本期16版``
  or a header strip with the issue number; headlines in 引题 / 主题 / 副题, the kicker a block apart in
  some; ``■本报记者 王某``, ``文/王某`` or ``□王某`` under the headline, or the articles' own datelines
  with bracketed reporters; long articles with their own sub-headings; a ``相关链接`` / ``延伸阅读`` box
  after some stories (its label, a head, one paragraph of another article: a story of its own, titled
  by its head); ``（下转第5版）`` jump lines; picture notes (``（资料图片）``, ``图片来源：新华社``) and
  ``本期责编：王某  美编：李某  邮箱：…`` under the page. ``weekly_heldout`` takes the articles of 2020-05,
  which no tuned family uses.

The truth, as the other families': a title is the header lines joined by spaces (a column tag over them
included, as `benchmarks.localpages`' labels; a 快讯 item's or a link box's head alone), paragraphs as
printed (captions, jump lines, authors' brackets, bylines on a line of their own, labels and page
furniture in no story), the date the dateline's, else the one the lead's first clause opens with, else
the page's for a lead opening with 近日/今天; the reporters the printed names (correspondents after).
"""

from __future__ import annotations

import random
import re
from functools import partial
from pathlib import Path

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.localpages import (
    _attach,
    _brief_text,
    _date_parts,
    _laid_out,
    _lead_date,
    _main_head,
    _name,
    _names,
    _page_dated,
    _unread_dateline,
)
from benchmarks.morepages import headed_articles
from benchmarks.pagefamilies import (
    HELDOUT_MONTHS,
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_issue,
    month_dir,
)
from benchmarks.paperpages import (
    _lead_without_dateline,
    _title,
)
from benchmarks.rmrb import Article, load_articles, parse_article, root

METRO = "metro_page"
WEEKLY = "weekly_page"
WEEKLY_HELDOUT = "weekly_heldout"
TUNED = (METRO, WEEKLY)
HELDOUT = WEEKLY_HELDOUT
FAMILIES = (*TUNED, HELDOUT)
SEED = 1
UNSEEN_SEED = 2  # the tuned families' second seed: only its totals are read, never a story of it
HELDOUT_SEED = 20261205

_METRO_PAPERS = ("华西都市报", "楚天都市报", "大河报", "半岛晨报", "东方今报", "燕赵都市报")
_METRO_SECTIONS = ("都市·关注", "城事", "民生·提醒", "本地新闻", "社会·热线", "观察")
_TAGS = ("【关注】", "【提醒】", "【民生】", "【身边事】", "【追踪】", "【聚焦】")
_WEEKLY_NAMES = ("文化周刊", "健康周刊", "教育周刊", "科技周刊", "三农周刊", "法治周刊")
_WEEKLY_PAPERS = ("时代周报", "社会科学报", "中国青年报·周刊", "人民政协报·周刊", "科技日报·周刊")


def _interview(article: Article) -> bool:
    """An interview printed question and answer (``记者：…`` / ``刘某：…``), 400–2600 characters."""
    size = sum(map(len, article.paragraphs))
    if not 400 <= size <= 2600 or len(article.heads) > 3 or any(len(h) > 26 for h in article.heads):
        return False
    if any(p.startswith(("图为", "图①", "制图")) or "摄" in p[-6:] for p in article.paragraphs):
        return False
    asked = sum(p.startswith(("记者：", "问：")) for p in article.paragraphs)
    return asked >= 2 and bool(re.search("[。！？”]$", article.paragraphs[-1]))


def interviews(months: tuple[str, ...]) -> list[Article]:
    """The interviews of `months` (which `benchmarks.rmrb.load_articles` leaves out), in file order."""
    out: list[Article] = []
    for month in months:
        for path in sorted(Path(root(), month).glob("*/*.txt")):
            try:
                article = parse_article(path.read_text(encoding="utf-8"), path.name)
            except (UnicodeDecodeError, OSError):
                continue
            if article is not None and _interview(article):
                out.append(article)
    return out


def _plain(article: Article) -> tuple[list[str], bool]:
    """The paragraphs as a paper without datelines prints them, and whether a dateline was dropped."""
    dateline, rest = _lead_without_dateline(article)
    return [rest if dateline else article.paragraphs[0], *article.paragraphs[1:]], bool(dateline)


def _authors(rng: random.Random, reporters: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The authors in brackets after a story: ``（记者 王某 通讯员 李某）``."""
    text = f"记者 {' '.join(reporters)}"
    names = reporters
    if rng.random() < 0.4:
        more = _names(rng, 2)
        text += f" 通讯员 {' '.join(more)}"
        names = (*names, *more)
    return f"（{text}）", names


def _inner_caption(article: Article, rng: random.Random, width: int) -> list[str]:
    """A photo caption set between two of a story's paragraphs."""
    phrase = re.sub("[^\u4e00-\u9fff，]", "", article.paragraphs[-1])[: rng.randint(10, 22)].strip("，")
    return rng.choice(
        (
            wrap(f"▲{phrase}。  记者 {_name(rng)} 摄", width, indent=0),
            wrap(f"图为{phrase}。（资料图片）", width, indent=0),
            wrap(f"▲{phrase}。", width, indent=0) + [f"通讯员 {_name(rng)} 供图"],
        )
    )


# ---- metro_page -------------------------------------------------------------------------------------


def _metro_masthead(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_METRO_SECTIONS)
    editors = f"责编：{_name(rng)}  美编：{_name(rng)}"
    return rng.choice(
        (
            [
                f"{rng.choice(_METRO_PAPERS)}  {y}年{m}月{d}日  星期{weekday}",
                f"A{page:02d}  {section}  {editors}",
            ],
            [f"A{page:02d}", section, f"{y}年{m}月{d}日  星期{weekday}", f"今日{rng.choice((24, 32, 40))}版"],
            [f"{y}.{m:02d}.{d:02d}  星期{weekday}  A{page:02d}  {section}", editors],
        )
    )


def _numbered_guide(rng: random.Random, others: list[Article]) -> list[str]:
    lines = [rng.choice(("今日导读", "导读", "【导读】"))]
    for number, article in enumerate(others, 1):
        where = f"A{rng.randint(5, 20):02d}"
        lead = rng.choice((f"{number}. ", f"{number}.", f"0{number} "))
        lines.append(f"{lead}{_main_head(article)}{rng.choice(('……', '  ', '→'))}{where}")
    return lines


def _lay_metro(article: Article, rng: random.Random, width: int, kind: str) -> tuple[list[str], Expected]:
    printed, _dated = _plain(article)
    if kind == "continued":
        printed = printed[len(printed) // 2 :]
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.25:
        heads = [heads[0], "", *heads[1:]]
    title = _title(article)
    tag = rng.choice(_TAGS) if kind != "interview" and rng.random() < 0.5 else ""
    if tag:
        title = f"{tag} {title}"
        heads = [tag, *heads]
    reporters = article.reporters or _names(rng, 2)
    before: list[str] = []
    tail = ""
    if kind == "interview":
        names = reporters
        before = [f"本报记者  {'  '.join(reporters)}"]
    elif kind == "story" and rng.random() < 0.4:
        names = reporters
        more = _names(rng, 1) if rng.random() < 0.3 else ()
        who = f"记者 {' '.join(reporters)}" + (f" 通讯员 {' '.join(more)}" if more else "")
        names = (*reporters, *more)
        before = [rng.choice((f"文/图 {who}", f"□文/图 {who}", f"{who} 文/图"))]
    else:
        tail, names = _authors(rng, reporters)
    date = _page_dated(printed[0], article.issue, _lead_date(article, printed[0]))
    cut = kind == "story" and len(printed) > 2 and rng.random() < 0.2
    if cut:
        printed = printed[: max(1, len(printed) // 2)]
        tail = ""
        names = reporters if not before else names
    body: list[str] = []
    caption_at = rng.randint(1, len(printed) - 1) if len(printed) > 2 and rng.random() < 0.35 else -1
    for index, paragraph in enumerate(printed):
        if index == caption_at:
            body += ["", *_inner_caption(article, rng, width), ""]
        body += wrap(paragraph, width)
    if cut:
        body = _attach(body, f"（下转A{rng.randint(5, 16):02d}版）", width, rng)
        if not before:
            # A story cut off prints its authors under the headline.
            before = [f"记者 {' '.join(reporters)}"]
    if tail:
        body = _attach(body, tail, width, rng)
    lead_in = [rng.choice(("（上接A01版）", "上接A01版", "（紧接A01版）"))] if kind == "continued" else []
    expected = Expected(title=title, paragraphs=tuple(printed), date=date, reporters=names, correspondents=())
    return [*heads, "", *before, *lead_in, *column_breaks(body, rng)], expected


def _quick_items(articles: list[Article], rng: random.Random, width: int) -> tuple[list[str], list[Expected]]:
    """A 快讯 column: each item its head in brackets, then its text, on one paragraph."""
    lines = [rng.choice(("快讯", "新闻快讯", "城事快讯", "■快讯")), ""]
    mark = rng.choice(("number", "■", "◆"))
    expected: list[Expected] = []
    for number, article in enumerate(articles, 1):
        text = _brief_text(article)
        assert text is not None
        head = _main_head(article)
        lead = f"{number}." if mark == "number" else mark
        body = wrap(f"{lead}【{head}】{text}", width, indent=0)
        names: tuple[str, ...] = ()
        if rng.random() < 0.5:
            names = _names(rng, 2)
            body = _attach(body, f"（{' '.join(names)}）", width, rng)
        lines += body
        if rng.random() < 0.4:
            lines.append("")
        date = _page_dated(text, article.issue, _lead_date(article, text))
        expected.append(
            Expected(title=head, paragraphs=(text,), date=date, reporters=names, correspondents=())
        )
    return lines, expected


def compose_metro(
    articles: list[Article],
    interview: Article | None,
    quick: list[Article],
    others: list[Article],
    rng: random.Random,
) -> FamilyPage:
    width = rng.randint(13, 21)
    issue = max(a.issue for a in [*articles, *quick, *([interview] if interview else [])])
    page = rng.randint(2, 16)
    lines = _metro_masthead(rng, issue, page) + [""]
    if others:
        lines += _numbered_guide(rng, others) + [""]
    stories: list[tuple[Article, str]] = [(a, "story") for a in articles]
    if len(stories) > 1 and rng.random() < 0.3:
        stories[0] = (stories[0][0], "continued")
    if interview is not None:
        stories.insert(rng.randint(0, len(stories)), (interview, "interview"))
    quick_at = rng.randint(1, len(stories)) if quick else -1
    expected: list[Expected] = []
    kinds: list[str] = []
    for index, (article, kind) in enumerate([*stories, (None, "")]):
        if index == quick_at:
            block, truths = _quick_items(quick, rng, width)
            lines += block + [""]
            expected += truths
            kinds += ["quick"] * len(truths)
        if article is None:
            break
        block, truth = _lay_metro(article, rng, width, kind)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    return FamilyPage.from_lines(METRO, lines, issue, expected, kinds)


# ---- weekly_page / weekly_heldout -------------------------------------------------------------------


def _weekly_masthead(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    number = rng.randint(800, 2400)
    name = rng.choice(_WEEKLY_NAMES)
    return rng.choice(
        (
            [rng.choice(_WEEKLY_PAPERS), f"第{number}期", f"{y}年{m}月{d}日  星期{weekday}", "本期16版"],
            [f"{y}年{m}月{d}日  第{number}期  {name}  第{page}版"],
            [name, f"第{number}期  本期{rng.choice((8, 12, 16))}版", f"{y}年{m}月{d}日"],
        )
    )


def _weekly_byline(rng: random.Random, reporters: tuple[str, ...]) -> str:
    joined = " ".join(reporters)
    return rng.choice((f"■本报记者 {joined}", f"文/{joined}", f"□{joined}", f"本报记者  {joined}"))


def _link_box(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected]:
    text = _brief_text(article)
    assert text is not None
    head = _main_head(article)
    label = rng.choice(("相关链接", "延伸阅读", "【相关链接】", "■延伸阅读"))
    date = _page_dated(text, article.issue, _lead_date(article, text))
    lines = [label, head, *wrap(text, width)]
    return lines, Expected(title=head, paragraphs=(text,), date=date, reporters=(), correspondents=())


def _lay_weekly(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    dateline, _rest = _lead_without_dateline(article)
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    printed = list(article.paragraphs)
    before: list[str] = []
    if dateline:
        kind = "dateline"
        reporters = article.reporters
        date = article.date
    else:
        kind = "signed"
        reporters = article.reporters or _names(rng, 2)
        before = [_weekly_byline(rng, reporters)]
        date = _page_dated(printed[0], article.issue, _lead_date(article, printed[0]))
    if len(printed) > 4 and rng.random() < 0.2:
        printed = printed[: len(printed) // 2]
        body = _attach(_laid_out(printed, width), f"（下转第{rng.randint(2, 8)}版）", width, rng)
    else:
        body = _laid_out(printed, width)
    if rng.random() < 0.2:
        body += [
            rng.choice(("（资料图片）", "图片来源：新华社", "图片来源：视觉中国", "（图片由受访者提供）"))
        ]
    expected = Expected(
        title=_title(article),
        paragraphs=tuple(printed),
        date=date,
        reporters=tuple(reporters),
        correspondents=(),
    )
    return [*heads, "", *before, *column_breaks(body, rng)], expected, kind


def compose_weekly(
    family: str, articles: list[Article], links: list[Article], rng: random.Random
) -> FamilyPage:
    width = rng.randint(14, 22)
    issue = max(a.issue for a in [*articles, *links])
    lines = _weekly_masthead(rng, issue, rng.randint(2, 16)) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    pending = list(links)
    for article in articles:
        block, truth, kind = _lay_weekly(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
        if pending and rng.random() < 0.5:
            box, link = _link_box(pending.pop(), rng, width)
            lines += box + [""]
            expected.append(link)
            kinds.append("link")
    if rng.random() < 0.7:
        lines.append(f"本期责编：{_name(rng)}  美编：{_name(rng)}  邮箱：zhoukan{rng.randint(1, 99)}@163.com")
    return FamilyPage.from_lines(family, lines, issue, expected, kinds)


# ---- families ---------------------------------------------------------------------------------------


def _printable(article: Article) -> bool:
    """No dateline the truth cannot read, no picture story (``图片报道`` over a credit ``王某摄（…）``)."""
    if _unread_dateline(article) or "图片报道" in article.heads:
        return False
    return not any("摄（" in p for p in article.paragraphs)


def make_family(family: str, count: int, seed: int) -> list[FamilyPage]:
    """`count` pages of one family, each from one issue's articles (a page holds one day's news)."""
    months = HELDOUT_MONTHS if family == HELDOUT else TUNED_MONTHS
    pool = [a for a in load_articles(months) if month_dir(a) in months and _printable(a)]
    keys = {a.key for a in pool}
    extra = interviews(months) if family == METRO else headed_articles(months)
    extra = [a for a in extra if a.key not in keys and _printable(a)]
    days = by_issue(pool, 8)
    extra = [a for a in extra if a.issue in days]  # a page holds one day's news
    issues = list(days)
    rng = random.Random(f"{family}:{seed}")
    pages: list[FamilyPage] = []
    for _ in range(count):
        # An interview (metro) or a long article with sub-headings (weekly) on some pages, with its day's news.
        special = rng.choice(extra) if extra and rng.random() < (0.3 if family == METRO else 0.5) else None
        day = list(days[special.issue if special else rng.choice(issues)])
        rng.shuffle(day)
        size = rng.randint(2, 4)
        chosen, rest = day[:size], day[size:]
        briefs = [a for a in rest if _brief_text(a) is not None]
        if family == METRO:
            quick = briefs[: rng.randint(3, 4)] if rng.random() < 0.5 else []
            others = [a for a in rest if a not in quick][: rng.randint(2, 4)] if rng.random() < 0.5 else []
            pages.append(compose_metro(chosen, special, quick, others, rng))
        else:
            if special is not None:
                chosen[rng.randrange(len(chosen))] = special
            pages.append(compose_weekly(family, chosen, briefs[:2], rng))
    return pages


PAGE_FAMILIES = PageFamilies(
    {family: partial(make_family, family) for family in FAMILIES},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
    held_out=HELDOUT,
    held_out_seed=HELDOUT_SEED,
)
