"""Three more text-page families from People's Daily articles (`benchmarks.rmrb`), in layouts no other
family uses: two open to tuning, one held out of all tuning. Each family is a function of a seed: same
seed, same pages, same truth.

- ``trade_paper`` (a trade or industry paper, 行业报: 中国交通报, 中国化工报…): the paper's name, date and
  ``第3版  产业`` over the page; ``本报记者 王某 报道`` on a line of its own under the headline, or
  ``本报讯 记者王某 通讯员李某报道`` opening the lead; a ``核心提示`` box (its label on a line of its own,
  then the story's lead, then a blank line) over long stories; the articles' own sub-headings set with an
  ornament (``■多措并举稳就业``, ``● …``) between paragraphs; chart notes under a story (``图表：…`` /
  ``数据来源：国家统计局  制图：王某``); ``本版责编：王某  版式：李某`` under the page. Articles of the tuned
  months, long ones with sub-headings among them.
- ``digital_export`` (a plain-text export of a digital edition): one record per article, each paragraph one
  line (indented or not), records apart by blank lines or a rule; the record's fields as a database
  export prints them (``标题：`` / ``副标题：`` / ``作者：`` / ``来源：`` / ``日期：`` / ``版次：`` / ``正文：``,
  or ``【标题】`` …), or as the paper's web page shows them (header lines, ``本报记者  王某``, the text,
  ``《 人民日报 》（ 2020年01月06日   第 04 版）`` under it), or as a portal reprints them (the title, then
  ``2020年01月06日05:12  来源：人民网－人民日报``, the text, ``（责编：王某、李某）``). Tuned months.
- ``front_page``: laid out exactly as ``party_front`` below, from the tuned months and seed: the held-out
  layout, open to tuning once the held-out family's first readings were taken.
- ``party_front`` (a provincial party paper's front page, **held out**: only its totals are ever printed,
  never a story of it; articles of 2020-05, the month no tuned family uses): a masthead of up to six
  lines (name, 中共…省委机关报, date, 农历, 今日12版, 第1版); a 导读 column (``今日导读``, entries
  ``■标题  2版`` or a head over ``详见第3版``) at the top or between stories; headline groups (kicker,
  headline, subtitle, some a block apart); the articles' datelines as printed (``新华社北京5月1日电
  （记者王某）``, ``本报北京…电``) or ``本报记者 王某`` on a line of its own; stories cut by ``〈下转第二版〉``
  / ``（下转第2版）`` / ``▶下转第3版``; photo captions between stories (``…。  新华社记者 王某 摄``);
  ``本版责编：王某  版式设计：李某`` under the page.

The truth comes from the articles: a title is the header lines joined by spaces, the paragraphs as
printed (an opening ``本报讯 记者…报道`` and a sub-heading's ornament kept; labels, bylines on a line of
their own, credits, chart notes, jump lines, record fields and page furniture in no story), the date the
dateline's, else the one the lead's first clause opens with, else (a record of the export, which prints
its own date) the record's date, else the page's for a lead opening with 近日/今天; the reporters the
printed names (correspondents after the reporters).
"""

from __future__ import annotations

import random
import re
from functools import partial
from pathlib import Path

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.localpages import (
    _attach,
    _date_parts,
    _laid_out,
    _lead_date,
    _name,
    _names,
    _page_dated,
    _unread_dateline,
)
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
    _story_date,
    _title,
)
from benchmarks.rmrb import Article, load_articles, parse_article, root

TRADE = "trade_paper"
EXPORT = "digital_export"
FRONT = "party_front"
# The held-out family's layout from the tuned months and seed: open to tuning once the held-out family's
# first readings were taken (as `benchmarks.paperpages`' rmrb_mixed is to rmrb_heldout).
FRONT_TUNED = "front_page"
TUNED = (TRADE, EXPORT, FRONT_TUNED)
HELDOUT = FRONT
FAMILIES = (*TUNED, HELDOUT)
SEED = 1
UNSEEN_SEED = 2  # the tuned families' second seed: only its totals are read, never a story of it
HELDOUT_SEED = 20201205

_TRADE_PAPERS = (
    "中国交通报",
    "中国化工报",
    "中国能源报",
    "中国纺织报",
    "中国冶金报",
    "中国电力报",
    "中国水利报",
)
_TRADE_SECTIONS = ("产业", "综合新闻", "行业·动态", "市场", "科技", "区域经济", "企业")
_CHART_SOURCES = ("国家统计局", "海关总署", "国家能源局", "工业和信息化部", "中国物流与采购联合会")
_ORNAMENTS = ("■", "■ ", "●", "◆", "▲")
_FRONT_PAPERS = ("河北日报", "湖南日报", "大众日报", "新华日报", "南方日报", "福建日报", "辽宁日报")
_PROVINCES = ("河北", "湖南", "山东", "江苏", "广东", "福建", "辽宁")
_CN_PAGES = "二三四五六七八"


# ---- articles ---------------------------------------------------------------------------------------


def _sub_headings(article: Article) -> list[str]:
    """The paragraphs of `article` set as sub-headings: 4–18 characters, no end mark, not a name."""
    return [p for p in article.paragraphs[1:-1] if len(p) <= 20 and not re.search("[。！？”）：:；，、]$", p)]


def _headed_article(article: Article) -> bool:
    """A long article whose short paragraphs are all sub-headings (no names, dashes, brackets, lists)."""
    subs = _sub_headings(article)
    size = sum(map(len, article.paragraphs))
    if not 500 <= size <= 2200 or len(subs) < 2 or len(subs) > 6:
        return False
    if any(len(h) > 26 for h in article.heads) or len(article.heads) > 3:
        return False
    if any(not 4 <= len(s) <= 18 or re.search(r"——|[（(\s]", s) for s in subs):
        return False
    if any(p.startswith(("图为", "图①", "制图", "数据来源")) or "摄" in p[-6:] for p in article.paragraphs):
        return False
    return bool(re.search("[。！？”]$", article.paragraphs[-1])) and len(article.paragraphs[0]) >= 40


def headed_articles(months: tuple[str, ...]) -> list[Article]:
    """Long articles with sub-headings (which `benchmarks.rmrb.load_articles` leaves out), in file order."""
    out: list[Article] = []
    base = root()
    for month in months:
        for path in sorted(Path(base, month).glob("*/*.txt")):
            try:
                article = parse_article(path.read_text(encoding="utf-8"), path.name)
            except (UnicodeDecodeError, OSError):
                continue
            if article is not None and _headed_article(article):
                out.append(article)
    return out


def _own_news(article: Article) -> bool:
    """An article a trade paper prints as its own: no wire or foreign dateline, no bracketed notes."""
    first = article.paragraphs[0]
    if first.startswith(("据", "新华社")) or "当地时间" in first[:40] or _unread_dateline(article):
        return False
    return not any(re.fullmatch(r"（[^）]*）", p.strip()) for p in article.paragraphs)


def _reporters(article: Article, rng: random.Random) -> tuple[str, ...]:
    return article.reporters or _names(rng, 2)


# ---- trade_paper ------------------------------------------------------------------------------------


def _trade_masthead(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    paper = rng.choice(_TRADE_PAPERS)
    section = rng.choice(_TRADE_SECTIONS)
    number = rng.choice((f"第{page}版", f"{page:02d}版", f"第{page}版"))
    return rng.choice(
        (
            [paper, f"{y}年{m}月{d}日  星期{weekday}", f"{number}  {section}"],
            [f"{paper}  {y}年{m}月{d}日  {number}"],
            [f"{number}  {section}", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{y}年{m}月{d}日  星期{weekday}  {number}  {section}", f"编辑：{_name(rng)}"],
        )
    )


def _trade_footer(rng: random.Random) -> list[str]:
    editor = f"本版责编：{_name(rng)}"
    if rng.random() < 0.5:
        return [f"{editor}  版式：{_name(rng)}"]
    return [f"{editor}  电话：010-{rng.randint(60000000, 69999999)}  E-mail：cyb{rng.randint(1, 99)}@163.com"]


def _chart(article: Article, rng: random.Random) -> list[str]:
    """A chart's notes under a story: its title, then its source and who drew it."""
    phrase = re.sub("[^\u4e00-\u9fff]", "", article.paragraphs[-1])[: rng.randint(8, 14)]
    notes = rng.choice(
        (
            f"数据来源：{rng.choice(_CHART_SOURCES)}  制图：{_name(rng)}",
            f"制图：{_name(rng)}",
            f"（数据来源：{rng.choice(_CHART_SOURCES)}）",
        )
    )
    return [f"图表：{phrase}", notes] if rng.random() < 0.6 else [notes]


def _lay_trade(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    dateline, rest = _lead_without_dateline(article)
    paragraphs = [rest if dateline else article.paragraphs[0], *article.paragraphs[1:]]
    reporters = _reporters(article, rng)
    correspondents = _names(rng, 2) if rng.random() < 0.35 else ()
    names = (*reporters, *correspondents)
    date = _page_dated(paragraphs[0], article.issue, _lead_date(article, paragraphs[0]))
    subs = set(_sub_headings(article)) if _headed_article(article) else set()
    ornament = rng.choice(_ORNAMENTS) if subs and rng.random() < 0.8 else ""
    printed = [f"{ornament}{p}" if p in subs else p for p in paragraphs]
    head_lines = list(article.heads)
    if len(head_lines) > 1 and rng.random() < 0.3:
        head_lines = [head_lines[0], "", *head_lines[1:]]
    kind = "headed" if subs else rng.choice(("reported", "reported", "lead"))
    before: list[str] = []
    if kind == "lead" or (subs and rng.random() < 0.3):
        who = f"记者{' '.join(reporters)}" if rng.random() < 0.5 else f"记者 {' '.join(reporters)}"
        if correspondents:
            who += f" 通讯员{' '.join(correspondents)}"
        printed[0] = (
            f"本报讯 {who} 报道 {printed[0]}" if rng.random() < 0.5 else f"本报讯 {who}报道：{printed[0]}"
        )
    else:
        who = f"本报记者 {' '.join(reporters)}"
        if correspondents:
            who += f" 通讯员 {' '.join(correspondents)}"
        before = [f"{rng.choice(('', '■', '□'))}{who} {rng.choice(('报道', '报道', '文/图'))}"]
    body: list[str] = []
    if subs and rng.random() < 0.6:
        # The 核心提示 box: its label, the lead in the box, a blank line, then the rest.
        label = rng.choice(("核心提示", "【核心提示】", "■核心提示", "核心提示："))
        body = [label, *wrap(printed[0], width, indent=0), ""]
        rest_lines: list[str] = []
        for paragraph in printed[1:]:
            if paragraph in {f"{ornament}{s}" for s in subs} and rng.random() < 0.5:
                rest_lines.append("")  # a sub-heading with space over it
            rest_lines += wrap(paragraph, width, indent=0 if paragraph.startswith(_ORNAMENTS) else 2)
        body += rest_lines
    else:
        for paragraph in printed:
            is_sub = paragraph.startswith(_ORNAMENTS) or paragraph in subs
            if is_sub and rng.random() < 0.5:
                body.append("")
            body += wrap(paragraph, width, indent=0 if is_sub else 2)
    expected = Expected(
        title=_title(article), paragraphs=tuple(printed), date=date, reporters=names, correspondents=()
    )
    return [*head_lines, "", *before, *column_breaks(body, rng)], expected, kind


def compose_trade(articles: list[Article], rng: random.Random) -> FamilyPage:
    width = rng.randint(13, 22)
    issue = max(a.issue for a in articles)
    page = rng.randint(2, 8)
    lines = _trade_masthead(rng, issue, page) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for article in articles:
        block, truth, kind = _lay_trade(article, rng, width)
        lines += block + [""]
        if rng.random() < 0.3:
            lines += _chart(article, rng) + [""]
        expected.append(truth)
        kinds.append(kind)
    if rng.random() < 0.8:
        lines += _trade_footer(rng)
    return FamilyPage.from_lines(TRADE, lines, issue, expected, kinds)


# ---- digital_export ---------------------------------------------------------------------------------


def _head_fields(article: Article) -> list[tuple[str, str]]:
    """The header lines as an export's fields: 引题 over 标题, 标题 over a ``——`` 副标题."""
    heads = list(article.heads)
    if len(heads) == 1:
        return [("标题", heads[0])]
    if len(heads) == 2:
        if heads[1].startswith("——"):
            return [("标题", heads[0]), ("副标题", heads[1])]
        return [("引题", heads[0]), ("标题", heads[1])]
    return [("引题", heads[0]), ("标题", heads[1]), ("副标题", heads[2])]


def _export_author(article: Article, rng: random.Random) -> str | None:
    if not article.reporters:
        return None
    names = article.reporters
    return rng.choice((f"本报记者 {'、'.join(names)}", " ".join(names), f"记者：{'、'.join(names)}"))


def _text_lines(article: Article, rng: random.Random, indent: bool, spaced: bool) -> list[str]:
    lines: list[str] = []
    for paragraph in article.paragraphs:
        lines.append(f"\u3000\u3000{paragraph}" if indent else paragraph)
        if spaced:
            lines.append("")
    return lines[:-1] if spaced else lines


def _lay_record(
    article: Article, rng: random.Random, style: str, indent: bool, spaced: bool, page: int
) -> tuple[list[str], Expected]:
    y, m, d, _weekday = _date_parts(article.issue)
    hour, minute = rng.randint(0, 6), rng.randint(0, 59)
    author = _export_author(article, rng)
    text = _text_lines(article, rng, indent, spaced)
    if style in ("fields", "brackets"):
        fields = _head_fields(article)
        if author:
            fields.append(("作者", author))
        fields.append(("来源", rng.choice(("人民日报", "《人民日报》", "人民日报社"))))
        fields.append(
            rng.choice(
                (
                    ("日期", f"{y}-{m:02d}-{d:02d}"),
                    ("发布时间", f"{y}-{m:02d}-{d:02d} {hour:02d}:{minute:02d}"),
                    ("日期", f"{y}年{m}月{d}日"),
                )
            )
        )
        if rng.random() < 0.5:
            fields.append(("版次", f"第{page:02d}版"))
        if style == "fields":
            lines = [f"{k}：{v}" for k, v in fields]
            lines.append("正文：")
        else:
            lines = [f"【{k}】{v}" for k, v in fields]
            lines.append("【正文】")
        lines += text
    elif style == "web":
        lines = list(article.heads)
        if article.byline_line:
            lines.append(article.byline_line)
        lines += text
        lines.append(f"《 人民日报 》（ {y}年{m:02d}月{d:02d}日   第 {page:02d} 版）")
    else:  # portal
        lines = [_title(article), f"{y}年{m:02d}月{d:02d}日{hour:02d}:{minute:02d}  来源：人民网－人民日报"]
        if article.byline_line:
            lines.append(article.byline_line)
        lines += text
        lines.append(f"（责编：{_name(rng)}、{_name(rng)}）")
    lead = article.paragraphs[0]
    date = _story_date(article, True, _lead_without_dateline(article)[1]) if article.date else None
    date = date or _lead_date(article, lead) or article.issue
    expected = Expected(
        title=_title(article),
        paragraphs=tuple(article.paragraphs),
        date=date,
        reporters=article.reporters,
        correspondents=(),
    )
    return lines, expected


def compose_export(articles: list[Article], rng: random.Random) -> FamilyPage:
    style = rng.choice(("fields", "brackets", "web", "portal"))
    indent = rng.random() < 0.6
    spaced = rng.random() < 0.4
    issue = max(a.issue for a in articles)
    page = rng.randint(1, 20)
    y, m, d, _weekday = _date_parts(issue)
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += [
            rng.choice(
                (
                    f"人民日报 {y}年{m:02d}月{d:02d}日 第{page:02d}版 共{len(articles)}篇",
                    f"导出时间：{y}-{m:02d}-{d:02d}  共{len(articles)}条",
                )
            ),
            "",
        ]
    rule = rng.choice(("", "", "----------------------------------------", "=" * 30))
    expected: list[Expected] = []
    for index, article in enumerate(articles):
        if index:
            lines += ["", rule, ""] if rule else ["", ""] if rng.random() < 0.5 else [""]
        record, truth = _lay_record(article, rng, style, indent, spaced, page)
        lines += record
        expected.append(truth)
    return FamilyPage.from_lines(EXPORT, lines, issue, expected, [style] * len(expected))


# ---- party_front (held out) ---------------------------------------------------------------------------


def _front_masthead(rng: random.Random, issue: str, paper: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    name, province = _FRONT_PAPERS[paper], _PROVINCES[paper]
    parts = [
        name if rng.random() < 0.7 else " ".join(name),
        f"中共{province}省委机关报",
        f"{y}年{m}月{d}日  星期{weekday}",
        f"农历庚子年{rng.choice(('三', '四'))}月{rng.choice(('初九', '十二', '廿一', '廿六'))}",
        rng.choice((f"今日{rng.choice((8, 12, 16))}版", f"第{rng.randint(20000, 26000)}号")),
        "第1版",
    ]
    keep = [p for i, p in enumerate(parts) if i in (0, 2) or rng.random() < 0.6]
    if rng.random() < 0.4:
        return ["  ".join(keep[:2]), *keep[2:]]
    return keep


def _front_guide(rng: random.Random, others: list[Article]) -> list[str]:
    lines = [rng.choice(("今日导读", "导读", "本报今日导读", "要闻导读"))]
    mark = rng.choice(("■", "●", "◆", ""))
    for article in others:
        head = max((h for h in article.heads if not h.startswith("——")), key=len, default=article.heads[0])
        where = rng.randint(2, 12)
        if rng.random() < 0.3:
            lines += [f"{mark}{head}", f"详见第{where}版"]
        else:
            lines.append(f"{mark}{head}  {rng.choice((f'{where}版', f'第{where}版', f'（{where}版）'))}")
    return lines


def _front_caption(article: Article, rng: random.Random, width: int) -> list[str]:
    y, m, d, _weekday = _date_parts(article.issue)
    phrase = re.sub("[^\u4e00-\u9fff，]", "", article.paragraphs[-1])[: rng.randint(14, 30)].strip("，")
    credit = rng.choice((f"新华社记者 {_name(rng)} 摄", f"本报记者 {_name(rng)} 摄", f"{_name(rng)} 摄"))
    lines = wrap(f"{m}月{d}日，{phrase}。", width, indent=0)
    return _attach(lines, f"  {credit}", width, rng)


def _lay_front(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    dateline, rest = _lead_without_dateline(article)
    printed = list(article.paragraphs)
    reporters = article.reporters
    heads = [[h] for h in article.heads] if rng.random() < 0.4 else [list(article.heads)]
    before: list[str] = []
    if dateline:
        kind = "dateline"
        date = article.date
    else:
        kind = "signed" if article.reporters or rng.random() < 0.5 else "plain"
        if kind == "signed":
            reporters = _reporters(article, rng)
            names = "  ".join(n if len(n) > 2 else f"{n[0]}  {n[1]}" for n in reporters)
            before = [f"本报记者  {names}"]
        date = _page_dated(printed[0], article.issue, _lead_date(article, printed[0]))
    jump = len(printed) > 2 and rng.random() < 0.3
    if jump:
        printed = printed[: max(1, len(printed) // 2)]
    body = _laid_out(printed, width)
    if jump:
        mark = rng.choice(
            (
                f"〈下转第{rng.choice(_CN_PAGES)}版〉",
                f"（下转第{rng.randint(2, 8)}版）",
                f"▶下转第{rng.randint(2, 8)}版",
            )
        )
        body = _attach(body, mark, width, rng)
    lines: list[str] = []
    for group in heads:
        lines += [*group, ""]
    expected = Expected(
        title=_title(article),
        paragraphs=tuple(printed),
        date=date,
        reporters=tuple(reporters),
        correspondents=(),
    )
    return [*lines, *before, *column_breaks(body, rng)], expected, kind


def compose_front(articles: list[Article], others: list[Article], rng: random.Random) -> FamilyPage:
    width = rng.randint(12, 20)
    issue = max(a.issue for a in articles)
    lines = _front_masthead(rng, issue, rng.randrange(len(_FRONT_PAPERS))) + [""]
    guide_at = rng.choice((0, 0, 1, 2)) if others else -1
    expected: list[Expected] = []
    kinds: list[str] = []
    for index, article in enumerate(articles):
        if index == guide_at:
            lines += _front_guide(rng, others) + [""]
        block, truth, kind = _lay_front(article, rng, width)
        lines += block + [""]
        if rng.random() < 0.25:
            lines += _front_caption(article, rng, width) + [""]
        expected.append(truth)
        kinds.append(kind)
    if rng.random() < 0.8:
        lines.append(
            rng.choice(
                (
                    f"本版责编：{_name(rng)}  版式设计：{_name(rng)}",
                    f"责任编辑：{_name(rng)}  美术编辑：{_name(rng)}",
                )
            )
        )
    return FamilyPage.from_lines(FRONT, lines, issue, expected, kinds)


# ---- families ---------------------------------------------------------------------------------------


def make_family(family: str, count: int, seed: int) -> list[FamilyPage]:
    """`count` pages of one family, each from one issue's articles (a page holds one day's news)."""
    months = HELDOUT_MONTHS if family == HELDOUT else TUNED_MONTHS
    pool = [a for a in load_articles(months) if month_dir(a) in months and not _unread_dateline(a)]
    if family == TRADE:
        keys = {a.key for a in pool}
        pool = [a for a in pool if _own_news(a)]
        pool += [a for a in headed_articles(months) if a.key not in keys and _own_news(a)]
    days = by_issue(pool, 8)
    issues = list(days)
    rng = random.Random(f"{family}:{seed}")
    pages: list[FamilyPage] = []
    for _ in range(count):
        day = list(days[rng.choice(issues)])
        rng.shuffle(day)
        if family == TRADE:
            headed = [a for a in day if _headed_article(a)][:1]
            rest = [a for a in day if a not in headed]
            chosen = (
                [*headed, *rest[: rng.randint(2, 4) - len(headed)]] if headed else rest[: rng.randint(3, 4)]
            )
            rng.shuffle(chosen)
            pages.append(compose_trade(chosen, rng))
        elif family == EXPORT:
            pages.append(compose_export(day[: rng.randint(3, 5)], rng))
        else:
            size = rng.randint(3, 5)
            others = day[size : size + rng.randint(3, 5)] if rng.random() < 0.7 else []
            page = compose_front(day[:size], others, rng)
            page.family = family
            pages.append(page)
    return pages


PAGE_FAMILIES = PageFamilies(
    {family: partial(make_family, family) for family in FAMILIES},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
    held_out=HELDOUT,
    held_out_seed=HELDOUT_SEED,
)
