"""Two more text-page families from People's Daily articles (`benchmarks.rmrb`), laid out the way two
other kinds of Chinese paper print a page; neither layout is used by `benchmarks.paperpages` or the CCTV
conventions of `benchmarks.parsing`. Each family is a function of a seed: same seed, same pages, same
truth; the articles come from the tuned months only (never 2020-05, the held-out family's month).

- ``local_daily`` (a provincial party paper, 地方党报): a masthead with the paper's name and
  ``第3版 要闻`` / ``03 综合新闻``; a 导读 box under it listing stories of other pages (``▶…  第5版``);
  column labels in lenticular brackets over some headlines (``【基层一线】``), a header line of the title;
  ``本报讯（记者 王某 通讯员 李某）`` or ``本报郑州1月1日讯（记者 王某 通讯员 李某）`` opening the
  text; short items closed by their authors in brackets (``…成效明显。（王某 李某）``); ``（下转第4版）``
  closing a story cut off; ``责任编辑：王某  校对：李某  版式：张某`` under the page.
- ``evening_paper`` (an evening or metropolitan paper, 晚报/都市报): a dotted date and an ``A05`` page
  number; headlines of up to three lines (引题 / 主题 / 副题) set one under another; bylines on their own
  line (``□记者 王某 通讯员 李某``, ``晚报记者 王某 实习生 李某``, ``首席记者 王某``); a briefs column
  (``短讯`` / ``城事速递``) of several items, each a bulleted head (``■…``) over one short paragraph,
  some closed by their author in brackets; ``▲`` photo captions with the photographer's credit between
  stories; ``（下转A06版）`` jump lines.

The truth comes from the articles: a story's title is its header lines joined by spaces (a column label
over it included, as the CCTV titles include theirs; a brief's bullet is no part of it), its paragraphs are as printed (the opening ``本报讯（…）`` kept,
an author's closing bracket, jump lines, captions, the 导读 box and page furniture in no story), its date
is its dateline's, else the one its lead's first clause opens with, else the page's for a lead opening
with 近日/今天 on a page that prints its date, and its reporters are the printed names (correspondents
and interns after the reporters).
"""

from __future__ import annotations

import datetime
import random
import re
from functools import partial

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.pagefamilies import (
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
from benchmarks.rmrb import Article, load_articles
from storage.ingest.ocr_page import display_width

LOCAL = "local_daily"
EVENING = "evening_paper"
FAMILIES = (LOCAL, EVENING)
SEED = 1
UNSEEN_SEED = 2  # the families' second seed: only its totals are read, never a story of it

_WEEKDAYS = "一二三四五六日"
_LOCAL_PAPERS = ("河南日报", "湖北日报", "浙江日报", "四川日报", "安徽日报", "陕西日报", "江西日报")
_EVENING_PAPERS = ("扬子晚报", "钱江晚报", "今晚报", "羊城晚报", "齐鲁晚报", "新民晚报", "都市快报")
_LOCAL_SECTIONS = ("要闻", "综合新闻", "经济", "民生", "政治", "社会", "地方新闻")
_EVENING_SECTIONS = ("城事", "城事·民生", "都市新闻", "社会", "热线", "区县新闻", "天下")
_CITIES = ("郑州", "武汉", "杭州", "成都", "合肥", "西安", "南昌")
_LABELS = ("【基层一线】", "【奋进新时代】", "【民生关注】", "【一线传真】", "【聚焦高质量发展】", "【短评】")
_BRIEF_HEADS = ("短讯", "简讯", "城事速递", "资讯", "快讯")
_BULLETS = ("■", "■ ", "▶", "●")
# Names for bylines the articles do not print (correspondents, interns, editors, photographers).
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红鹏辉建国晓雨欣悦宇浩然子轩一鸣思远嘉怡雪梅春燕海波"
)
_CN = "一二三四五六七八"


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _names(rng: random.Random, most: int) -> tuple[str, ...]:
    out: list[str] = []
    for _ in range(rng.randint(1, most)):
        name = _name(rng)
        if name not in out:
            out.append(name)
    return tuple(out)


def _unread_dateline(article: Article) -> bool:
    """A dateline `benchmarks.rmrb` does not read (``据新华社…电  （记者 X）``): its reporters and date
    would be missing from the truth, so such articles are left out."""
    first = article.paragraphs[0]
    return bool(re.search(r"电\s*（", first[:40])) and _lead_without_dateline(article)[0] is None


def _date_parts(issue: str) -> tuple[int, int, int, str]:
    y, m, d = (int(x) for x in issue.split("-"))
    return y, m, d, _WEEKDAYS[datetime.date(y, m, d).weekday()]


def page_strip(rng: random.Random, issue: str, page: int, sections: tuple[str, ...]) -> list[str]:
    """A page's strip as People's Daily's section pages print it: one of `sections`, the page number and the
    issue's date, on two lines or one."""
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(sections)
    return rng.choice(
        (
            [f"{section}  第{page}版", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{section}｜{page:02d}", f"{y}.{m}.{d}"],
            [f"{y}年{m}月{d}日  星期{weekday}  第{page}版  {section}"],
        )
    )


def _lead_date(article: Article, lead: str) -> str | None:
    """The date the lead's first clause opens with, its year when printed (``2013年5月23日``), else the
    issue's (a later month is last year's): `benchmarks.paperpages._story_date` with the printed year."""
    clause = re.split("[，。]", lead, maxsplit=1)[0][:24]
    found = re.search(r"(?:(\d{4})年)?(?<!\d)(\d{1,2})月(\d{1,2})日", clause)
    if found and found[1]:
        try:
            return datetime.date(int(found[1]), int(found[2]), int(found[3])).isoformat()
        except ValueError:
            return None
    return _story_date(article, False, lead)


def _page_dated(lead: str, issue: str, date: str | None) -> str | None:
    """A lead opening with 近日/今天 on a page that prints its date: the page's date."""
    if date is None and lead.startswith(("近日", "日前", "今天", "今日")):
        return issue
    return date


def _main_head(article: Article) -> str:
    """The longest header line that is no subtitle (``——…``): the line a brief or a 导读 entry prints."""
    heads = [h for h in article.heads if not h.startswith("——")] or list(article.heads)
    return max(heads, key=len)


def _reporters(article: Article, rng: random.Random) -> tuple[str, ...]:
    return article.reporters or _names(rng, 2)


def _laid_out(paragraphs: list[str], width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += wrap(paragraph, width)
    return lines


def _attach(lines: list[str], tail: str, width: int, rng: random.Random) -> list[str]:
    """`tail` after the last line when it fits there (and the coin says so), else on a line of its own."""
    if lines and display_width(lines[-1] + tail) <= width and rng.random() < 0.7:
        return [*lines[:-1], lines[-1] + tail]
    return [*lines, tail]


def _brief_text(article: Article) -> str | None:
    """The article's first sentences, 40–150 characters, ending a sentence: a brief's paragraph."""
    _dateline, rest = _lead_without_dateline(article)
    sentences = re.findall(r"[^。！？]*[。！？]", rest)
    text = ""
    for sentence in sentences:
        if len(text) + len(sentence) > 150:
            break
        text += sentence
    return text if len(text) >= 40 else None


# ---- local_daily ------------------------------------------------------------------------------------


def _local_masthead(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    paper = rng.choice(_LOCAL_PAPERS)
    section = rng.choice(_LOCAL_SECTIONS)
    number = rng.choice((f"第{page}版", f"{page:02d}", f"第{page}版"))
    if rng.random() < 0.4:
        return [f"{paper} {y}年{m}月{d}日 星期{weekday} {number} {section}"]
    return [paper, f"{y}年{m}月{d}日  星期{weekday}", f"{number}  {section}"]


def _guide(rng: random.Random, others: list[Article], page: int) -> list[str]:
    """A 导读 box: the heads of stories on other pages, each with its page."""
    lines = [rng.choice(("导读", "【导读】", "今日导读"))]
    arrow = rng.choice(("▶", "▶ ", "◆", ""))
    for article in others:
        head = _main_head(article)
        other = rng.choice([p for p in range(1, 13) if p != page])
        where = rng.choice((f"第{other}版", f"（第{other}版）", f"详见第{other}版"))
        lines.append(f"{arrow}{head} {where}" if arrow else f"{head}  {where}")
    return lines


def _lay_local(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    dateline, rest = _lead_without_dateline(article)
    paragraphs = list(article.paragraphs)
    reporters = _reporters(article, rng)
    kind = rng.choice(("bracket", "bracket", "dated", "signed"))
    if kind == "dated" and not (dateline and article.date):
        kind = "bracket"
    heads: list[str] = []
    label = rng.choice(_LABELS) if rng.random() < 0.35 else None
    if label:
        heads.append(label)  # a header line as printed: part of the title, as in the CCTV families
    # The kicker over the headline in the same block, or a block apart.
    heads += list(article.heads) if rng.random() < 0.5 else [article.heads[0], "", *article.heads[1:]]
    correspondents = _names(rng, 2) if rng.random() < 0.5 else ()
    body: list[str] = []
    if kind == "signed":
        # A short item: no byline before the text, its authors in brackets after its last sentence.
        printed = [rest if dateline else paragraphs[0], *paragraphs[1:]]
        printed = printed[:2]
        date = _page_dated(printed[0], article.issue, _lead_date(article, printed[0]))
        names = (*reporters, *correspondents)
        body = _attach(_laid_out(printed, width), f"（{' '.join(names)}）", width, rng)
        expected_reporters = names
    else:
        who = f"记者 {' '.join(reporters)}"
        if correspondents:
            who += f" 通讯员 {' '.join(correspondents)}"
        if rng.random() < 0.3:
            # Set close, several names apart by enumeration commas: ``记者王某、李某 通讯员张某``.
            who = f"记者{'、'.join(reporters)}"
            if correspondents:
                who += f" 通讯员{'、'.join(correspondents)}"
        if kind == "dated":
            assert article.date is not None
            _y, m, d = (int(x) for x in article.date.split("-"))
            opening = f"本报{rng.choice(_CITIES)}{m}月{d}日讯（{who}）"
            date = article.date
        else:
            opening = f"本报讯（{who}）"
            date = _page_dated(rest, article.issue, _lead_date(article, rest))
        printed = [opening + rest, *paragraphs[1:]]
        jump = rng.random() < 0.2 and len(printed) > 2
        if jump:
            printed = printed[: max(1, len(printed) // 2)]
        body = _laid_out(printed, width)
        if jump:
            body = _attach(body, f"（下转第{rng.randint(2, 8)}版）", width, rng)
        expected_reporters = (*reporters, *correspondents)
    title = _title(article)
    expected = Expected(
        title=f"{label} {title}" if label else title,
        paragraphs=tuple(printed),
        date=date,
        reporters=tuple(expected_reporters),
        correspondents=(),
    )
    return [*heads, "", *column_breaks(body, rng)], expected, kind


def _local_footer(rng: random.Random) -> list[str]:
    parts = [f"责任编辑：{_name(rng)}", f"校对：{_name(rng)}"]
    if rng.random() < 0.6:
        parts.append(f"版式：{_name(rng)}")
    if rng.random() < 0.3:
        return [f"本版{parts[0]}", *parts[1:]]
    return ["  ".join(parts)]


def compose_local(articles: list[Article], others: list[Article], rng: random.Random) -> FamilyPage:
    width = rng.randint(12, 20)
    issue = max(a.issue for a in articles)
    page = rng.randint(2, 12)
    lines = _local_masthead(rng, issue, page) + [""]
    if rng.random() < 0.5:
        lines += _guide(rng, others, page) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for article in articles:
        block, truth, kind = _lay_local(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    if rng.random() < 0.8:
        lines += _local_footer(rng)
    return FamilyPage.from_lines(LOCAL, lines, issue, expected, kinds)


# ---- evening_paper ----------------------------------------------------------------------------------


def _evening_masthead(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    paper = rng.choice(_EVENING_PAPERS)
    number = f"{rng.choice('AB')}{page:02d}"
    section = rng.choice(_EVENING_SECTIONS)
    dotted = f"{y}.{m:02d}.{d:02d}"
    editors = f"责编 {_name(rng)}  美编 {_name(rng)}  校对 {_name(rng)}"
    return rng.choice(
        (
            [f"{number}  {section}", f"{dotted}  星期{weekday}", editors],
            [paper, f"{dotted} 星期{weekday}", f"{number} {section}"],
            [f"{number} {section} {dotted} 星期{weekday} {editors}"],
        )
    )


def _byline_line(rng: random.Random, reporters: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    role = rng.choice(("记者", "本报记者", "晚报记者", "首席记者", "记者"))
    mark = rng.choice(("□", "", "", "■"))
    text = f"{mark}{role} {' '.join(reporters)}"
    names = reporters
    extra = rng.random()
    if extra < 0.35:
        more = _names(rng, 2)
        text += f" 通讯员 {' '.join(more)}"
        names = (*names, *more)
    elif extra < 0.5:
        more = _names(rng, 1)
        text += f" 实习生 {' '.join(more)}"
        names = (*names, *more)
    if rng.random() < 0.15:
        text += " 文/图"
    return text, names


def _lay_evening(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected]:
    dateline, rest = _lead_without_dateline(article)
    paragraphs = list(article.paragraphs)
    printed = [rest if dateline else paragraphs[0], *paragraphs[1:]]
    # Three-line headlines: 引题 / 主题 / 副题 one under another, or the 引题 apart.
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.3:
        head_lines = [heads[0], "", *heads[1:]]
    else:
        head_lines = heads
    byline, names = _byline_line(rng, _reporters(article, rng))
    date = _page_dated(printed[0], article.issue, _lead_date(article, printed[0]))
    jump = rng.random() < 0.15 and len(printed) > 2
    if jump:
        printed = printed[: max(1, len(printed) // 2)]
    body = _laid_out(printed, width)
    if jump:
        body = _attach(body, f"（下转{rng.choice('AB')}{rng.randint(2, 16):02d}版）", width, rng)
    expected = Expected(
        title=_title(article), paragraphs=tuple(printed), date=date, reporters=names, correspondents=()
    )
    return [*head_lines, "", byline, *column_breaks(body, rng)], expected


def _photo_caption(article: Article, rng: random.Random, width: int) -> list[str]:
    phrase = re.sub("[^\u4e00-\u9fff，]", "", article.paragraphs[-1])[: rng.randint(10, 24)].rstrip("，")
    credit = rng.choice(
        (f"记者 {_name(rng)} 摄", f"{_name(rng)} 摄", "通讯员供图", f"晚报记者 {_name(rng)} 摄")
    )
    text = f"▲{phrase}。"
    lines = wrap(text, width, indent=0)
    if rng.random() < 0.6:
        return _attach(lines, f" {credit}", width, rng)
    return [*lines, credit]


def _briefs(articles: list[Article], rng: random.Random, width: int) -> tuple[list[str], list[Expected]]:
    lines = [rng.choice(_BRIEF_HEADS), ""]
    expected: list[Expected] = []
    bullet = rng.choice(_BULLETS)
    for article in articles:
        text = _brief_text(article)
        assert text is not None
        head = _main_head(article)
        signed = rng.random() < 0.6
        names = _names(rng, 2) if signed else ()
        body = _laid_out([text], width)
        if signed:
            who = rng.choice(("", "记者 ", "通讯员 "))
            body = _attach(body, f"（{who}{' '.join(names)}）", width, rng)
        lines += [f"{bullet}{head}", *body]
        if rng.random() < 0.5:
            lines.append("")
        date = _page_dated(text, article.issue, _lead_date(article, text))
        expected.append(
            Expected(title=head, paragraphs=(text,), date=date, reporters=names, correspondents=())
        )
    return lines, expected


def compose_evening(articles: list[Article], briefs: list[Article], rng: random.Random) -> FamilyPage:
    width = rng.randint(12, 20)
    issue = max(a.issue for a in [*articles, *briefs])
    page = rng.randint(2, 16)
    lines = _evening_masthead(rng, issue, page) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    brief_at = rng.randint(0, len(articles)) if briefs else -1
    for index, article in enumerate([*articles, None]):
        if index == brief_at:
            block, truths = _briefs(briefs, rng, width)
            lines += block + [""]
            expected += truths
            kinds += ["brief"] * len(truths)
        if article is None:
            break
        block, truth = _lay_evening(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append("story")
        if rng.random() < 0.35:
            lines += _photo_caption(article, rng, width) + [""]
    return FamilyPage.from_lines(EVENING, lines, issue, expected, kinds)


# ---- families ---------------------------------------------------------------------------------------


def make_family(family: str, count: int, seed: int) -> list[FamilyPage]:
    """`count` pages of one family, each from one issue's articles (a page holds one day's news)."""
    pool = [
        a for a in load_articles(TUNED_MONTHS) if month_dir(a) in TUNED_MONTHS and not _unread_dateline(a)
    ]
    days = by_issue(pool, 8)
    issues = list(days)
    rng = random.Random(f"{family}:{seed}")
    pages: list[FamilyPage] = []
    for _ in range(count):
        issue = rng.choice(issues)
        day = list(days[issue])
        rng.shuffle(day)
        if family == LOCAL:
            size = rng.randint(3, 5)
            pages.append(compose_local(day[:size], day[size : size + rng.randint(2, 4)], rng))
        elif family == EVENING:
            size = rng.randint(2, 4)
            candidates = [a for a in day[size:] if _brief_text(a) is not None]
            briefs = candidates[: rng.randint(3, 4)] if rng.random() < 0.6 else []
            pages.append(compose_evening(day[:size], briefs, rng))
        else:
            raise ValueError(family)
    return pages


PAGE_FAMILIES = PageFamilies(
    {family: partial(make_family, family) for family in FAMILIES}, seed=SEED, unseen_seed=UNSEEN_SEED
)
