"""Page families from another paper's articles (People's Daily, `benchmarks.rmrb`), in layouts the CCTV
families never used. Each family is a function of a seed: same seed, same pages, same truth.

- ``rmrb_masthead``: the masthead over the page, one item a line (人民日报 / 2020年1月2日 星期四 /
  第4版 / 要闻); kicker, headline and subtitle as separate groups over each story; datelines with the
  reporters in brackets (``本报北京1月1日电  （记者王某）``) or no dateline and no byline at all; the
  articles' own sub-headings (``亲历者说``, ``二、强化要素保障``) as paragraphs between paragraphs.
- ``rmrb_wire``: wire copy closed by ``（完）`` with the byline on the next line (``记者 王某``), the next
  headline right under it (no blank line) or a story away; kicker and headline split.
- ``rmrb_feature``: ``本报记者 王某`` on its own line between headline and text, paragraph indents kept
  by the OCR (full-width spaces), photo captions (``图为…``, ``王某摄（人民视觉）``) between and inside
  stories, ``（下转第二版）`` closing a story cut off, a footer with the page number and editor.
- ``rmrb_mixed``: laid out exactly as the held-out family below (every story one of the three
  conventions, headlines before, after or a story away, masthead at the top or date line at the bottom),
  from the tuned months: the held-out family's layout, open to tuning.
- ``rmrb_heldout`` (held out of all tuning; frozen: its seed and the checksum of its pages are recorded
  in benchmarks/reports/pages.md, "Pages from another paper…"): articles of 2020-05 only (the other families never use that month), every story a
  random one of the three conventions above, headlines before, after or a story away, the masthead at
  the top or its date line at the bottom.

A story is exact when its title (header lines joined by spaces), its paragraphs (whitespace aside), its
date and its reporters are as printed.
"""

from __future__ import annotations

import datetime
import random
import re
from dataclasses import dataclass
from functools import partial

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.pagefamilies import (
    HELDOUT_MONTHS,
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_issue,
    month_dir,
)
from benchmarks.rmrb import Article, load_articles
from storage.ingest.ocr_page import display_width

MIXED = "rmrb_mixed"
TUNED = ("rmrb_masthead", "rmrb_wire", "rmrb_feature", MIXED)
HELDOUT = "rmrb_heldout"
# Families whose stories mix the three conventions and whose headlines stand anywhere.
_MIXED_LAYOUT = (MIXED, HELDOUT)
FAMILIES = (*TUNED, HELDOUT)
HELDOUT_SEED = 20200501

_WEEKDAYS = "一二三四五六日"
_SECTIONS = ("要闻", "经济", "社会", "国际", "政治", "综合", "文化", "体育")
_EDITORS = "刘静王珏张洋李晓宏陈振凯吴焰赵展慧杨烁"
_CN_NUMBERS = "二三四五六七八"
_DATELINE_RE = re.compile(
    r"^((?:本报|新华社)[\u4e00-\u9fff]{0,8}?\d{1,2}月\d{1,2}日电)\s*(?:（([^）]{2,30})）)?\s*"
)


def _title(article: Article) -> str:
    return " ".join(article.heads)


def _lead_without_dateline(article: Article) -> tuple[str | None, str]:
    """(dateline, the rest of the first paragraph)."""
    first = article.paragraphs[0]
    match = _DATELINE_RE.match(first)
    if not match:
        return None, first
    return match[1], first[match.end() :]


def _reporters_text(article: Article) -> str:
    return "、".join(article.reporters)


def _masthead(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d = (int(x) for x in issue.split("-"))
    weekday = _WEEKDAYS[datetime.date(y, m, d).weekday()]
    section = rng.choice(_SECTIONS)
    lines = ["人民日报", f"{y}年{m}月{d}日 星期{weekday}"]
    lines += [f"第{page}版", section] if rng.random() < 0.6 else [f"第{page}版 {section}"]
    return lines


def _footer(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d = (int(x) for x in issue.split("-"))
    editor = rng.choice(("责任编辑：", "责编：")) + "".join(rng.sample(_EDITORS, 2))
    return [rng.choice((f"第{page}版 {rng.choice(_SECTIONS)} {editor}", f"{y}年{m}月{d}日 {editor}"))]


def _wrapped(paragraphs: list[str], width: int, indent: bool) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        body = wrap(paragraph, width)
        if indent and body:
            body[0] = "\u3000\u3000" + body[0]
        lines += body
    return lines


@dataclass
class _Laid:
    heads: list[list[str]]  # headline groups
    body: list[str]
    expected: Expected
    keep_before: bool  # its headline must stand right over it (nothing else marks where it starts)


def _story_date(article: Article, dated: bool, lead: str) -> str | None:
    """The date a reader gets from the printed text: the dateline's, else the one the lead's first
    clause opens with (month and day, the year of the issue; a later month is last year's)."""
    if dated and article.date:
        return article.date
    clause = re.split("[，。]", lead, maxsplit=1)[0][:24]
    if found := re.search(r"(?<!\d)(\d{1,2})月(\d{1,2})日", clause):
        y, m, d = (int(x) for x in article.issue.split("-"))
        month, day = int(found[1]), int(found[2])
        try:
            return datetime.date(y - 1 if (month, day) > (m, d) else y, month, day).isoformat()
        except ValueError:
            return None
    return None


def _heads(article: Article, rng: random.Random) -> list[list[str]]:
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.6:
        return [heads[:1], heads[1:]]  # the kicker (or main line over its subtitle) a group of its own
    return [heads]


def _lay(article: Article, convention: str, rng: random.Random, width: int) -> _Laid:
    dateline, rest = _lead_without_dateline(article)
    paragraphs = list(article.paragraphs)
    reporters = article.reporters
    body: list[str] = []
    keep_before = False
    if convention == "masthead":
        # As the paper printed it: the dateline with its reporters in brackets, or no dateline at all.
        expected_paragraphs = paragraphs
        if dateline is None:
            keep_before = True
        date = _story_date(article, dateline is not None, rest)
        printed = paragraphs
        body = _wrapped(printed, width, indent=False)
    elif convention == "wire":
        # Wire copy: the dateline alone, (完) at the end, the reporters on the next line.
        head = dateline or "新华社北京电"
        first = f"{head} {rest}" if dateline else f"{head} {paragraphs[0]}"
        printed = [first, *paragraphs[1:]]
        expected_paragraphs = printed
        date = _story_date(article, dateline is not None, rest)
        body = _wrapped(printed, width, indent=False)
        mark = rng.choice(("（完）", "(完)", "（完）"))
        if display_width(body[-1] + mark) <= width:
            body[-1] += mark
        else:
            body.append(mark)
        if not reporters:
            reporters = tuple(rng.sample(("王珏", "刘毅", "赵展慧", "杨迅", "李婕", "孙秀艳"), 1))
        body.append(f"{rng.choice(('记者', '本报记者'))} {' '.join(reporters)}")
    else:  # feature
        first = rest if dateline else paragraphs[0]
        printed = [first, *paragraphs[1:]]
        date = _story_date(article, False, first)
        if not reporters:
            reporters = tuple(rng.sample(("王珏", "刘毅", "赵展慧", "杨迅", "李婕", "孙秀艳"), 1))
        names = "  ".join(n if len(n) > 2 else f"{n[0]}  {n[1]}" for n in reporters)
        body.append(f"本报记者  {names}")
        jump = rng.random() < 0.25 and len(printed) > 2
        if jump:
            printed = printed[: max(1, len(printed) // 2)]
        expected_paragraphs = printed
        body += _wrapped(printed, width, indent=rng.random() < 0.5)
        if jump:
            body.append(f"（下转第{rng.choice(_CN_NUMBERS)}版）")
        if rng.random() < 0.35 and len(body) > 10:
            cut = rng.randint(4, len(body) - 4)
            body = [*body[:cut], "", *_caption(article, rng, width), "", *body[cut:]]
    expected = Expected(
        title=_title(article),
        paragraphs=tuple(expected_paragraphs),
        date=date,
        reporters=tuple(reporters),
        correspondents=(),
    )
    return _Laid(_heads(article, rng), column_breaks(body, rng), expected, keep_before)


def _caption(article: Article, rng: random.Random, width: int) -> list[str]:
    phrase = re.sub("[^\u4e00-\u9fff]", "", article.paragraphs[-1])[: rng.randint(8, 22)]
    photographer = "".join(rng.sample(_EDITORS, 3))
    lines = wrap(f"图为{phrase}。", width)
    return [*lines, f"{photographer}摄（人民视觉）"]


_CONVENTIONS = {
    "rmrb_masthead": ("masthead",),
    "rmrb_wire": ("wire",),
    "rmrb_feature": ("feature",),
    MIXED: ("masthead", "wire", "feature"),
    "rmrb_heldout": ("masthead", "wire", "feature"),
}


def compose(family: str, articles: list[Article], rng: random.Random) -> FamilyPage:
    width = rng.randint(12, 20)
    kinds = [rng.choice(_CONVENTIONS[family]) for _ in articles]
    laid = [_lay(a, kind, rng, width) for a, kind in zip(articles, kinds, strict=True)]
    issue = max(a.issue for a in articles)
    page_number = rng.randint(2, 12)
    lines: list[str] = []
    top = family in ("rmrb_masthead",) or (family in _MIXED_LAYOUT and rng.random() < 0.7)
    if top:
        lines += _masthead(rng, issue, page_number) + [""]
    pending: list[list[list[str]]] = []
    for index, item in enumerate(laid):
        after_unmarked = index > 0 and kinds[index - 1] == "masthead" and laid[index - 1].keep_before
        placement = "before"
        if not item.keep_before and not after_unmarked and family in ("rmrb_wire", *_MIXED_LAYOUT):
            placement = rng.choice(("before", "before", "after", "away"))
        if placement == "before":
            for group in item.heads:
                lines += group + [""]
            lines += item.body + [""]
        elif placement == "after":
            lines += item.body
            if rng.random() < 0.5:
                lines.append("")
            for group in item.heads:
                lines += group + [""]
        else:
            lines += item.body + [""]
            pending.append(item.heads)
            continue
        for heads in pending:
            for group in heads:
                lines += group + [""]
        pending = []
    for heads in pending:
        for group in heads:
            lines += group + [""]
    if family == "rmrb_feature" or (family in _MIXED_LAYOUT and not top):
        lines += _footer(rng, issue, page_number)
    return FamilyPage.from_lines(family, lines, issue, [item.expected for item in laid], kinds)


def make_family(family: str, count: int, seed: int) -> list[FamilyPage]:
    """`count` pages of one family: 3–5 articles of one issue each (a page holds one day's news)."""
    months = HELDOUT_MONTHS if family == HELDOUT else TUNED_MONTHS
    pool = [a for a in load_articles(months) if month_dir(a) in months]
    days = by_issue(pool, 5)
    issues = list(days)
    rng = random.Random(f"{family}:{seed}")
    pages: list[FamilyPage] = []
    for _ in range(count):
        issue = rng.choice(issues)
        chosen = rng.sample(days[issue], rng.randint(3, 5))
        pages.append(compose(family, chosen, rng))
    return pages


TUNED_SEED = 1


PAGE_FAMILIES = PageFamilies(
    {family: partial(make_family, family) for family in FAMILIES},
    seed=TUNED_SEED,
    held_out=HELDOUT,
    held_out_seed=HELDOUT_SEED,
)


def conventions_on_rmrb(count: int = 10, seed: int = 11) -> dict:
    """The twelve CCTV conventions (`benchmarks.conventionpages.compose`) fed with People's Daily articles of
    2019-10 and 2020-01 instead of CCTV transcripts: a stand-in when the CCTV corpus is missing. Each
    article's own dateline is taken off (the conventions print their own)."""
    from benchmarks import conventionpages
    from benchmarks.realnews import Story

    stories = []
    for article in load_articles(("2019年10月", "2020年1月")):
        paragraphs = list(article.paragraphs)
        paragraphs[0] = _DATELINE_RE.sub("", paragraphs[0])
        paragraphs = [p for p in paragraphs if re.search("[。！？”]$", p)]
        title = _title(article)
        if len(paragraphs) >= 2 and len(title) <= 40:
            stories.append(Story(date=article.date or article.issue, title=title, paragraphs=paragraphs))
    stories.sort(key=lambda story: story.date)
    pool = conventionpages.stories_by_length(stories)
    rng = random.Random(seed)
    pages = []
    for convention in conventionpages.CONVENTIONS:
        made = 0
        while made < count:
            start = rng.randrange(len(pool) - 6)
            page = conventionpages.compose(pool[start : start + rng.randint(3, 6)], convention, rng)
            if page is not None:
                pages.append(page)
                made += 1
    return conventionpages.run(pages)
