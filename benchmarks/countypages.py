"""A text-page family laid out as a district or county 融媒体 paper prints a page (the kind of paper the
seed page, ``seeds/000_…txt``, comes from: 二七区, Zhengzhou), from People's Daily articles
(`benchmarks.rmrb`, the tuned months only, never the held-out family's 2020-05). Same seed, same pages,
same truth.

``county_paper`` pages print:

- a masthead over the page: the paper's name (``二七融媒``, ``中牟报``), the date with its weekday and
  农历 date (``农历癸卯年二月廿四``), ``第1245期`` and ``今日4版``, ``中共郑州市二七区委主办`` /
  ``二七区融媒体中心出版``, a ``国内统一连续出版物号`` or ``内部资料 准印证号`` line, on one to five lines;
  or, on an inner page, ``第2版 要闻`` with the editors' line;
- headlines over the text, the kicker a line of its own over the main line (or a block apart);
- ``本报讯`` leads (``本报讯（融媒体记者 王某 通讯员 李某）…`` or ``本报讯 …`` with the authors after the
  text), authors closing a story on a line of their own or after its last sentence (``融媒体记者 王某``,
  ``见习记者 王某``, ``记者 王某 通讯员 李某 周某``, ``通讯员 李某``, ``文/图 融媒体记者 王某``);
- stories supplied by a unit, closed by ``（二七区融媒体中心供稿）`` / ``（淮河路街道供稿）``: the credit is
  no paragraph and no reporter;
- 图片新闻: a ``图片新闻`` label, a short headline, a caption paragraph and the photographer's credit
  (``融媒体记者 王某 摄``), the photographer the story's reporter;
- a numbered 要闻简讯 column (``简讯``, ``要闻简讯``, ``一周要闻``): items ``1.…`` / ``一、…`` / ``①…``, each
  head over one short paragraph, some closed by ``（通讯员 李某）``;
- stories cut off with ``（下转第2版）`` and stories continued from page 1 (the headline again, then
  ``（上接第1版）`` and the rest, its authors after it);
- 广告/热线 lines under the page or between stories (``新闻热线：0371-68xxxxxx``, ``投稿邮箱：…``,
  ``地址：…  邮编：…``, ``印刷：…``, a 公益广告 box ``讲文明 树新风`` / ``二七区文明办 宣``).

The truth: a story's title is its header lines joined by spaces (as the seed page's), its paragraphs as
printed (the ``本报讯（…）`` opening kept; credits, jump lines, labels and page furniture in no story), its
date its lead's first clause's (`benchmarks.localpages._lead_date`), else the page's for a lead opening
with 近日/今天, and its reporters the printed names (reporters, then correspondents and interns).
"""

from __future__ import annotations

import random
import re
from functools import partial

from benchmarks.conventionpages import Expected, column_breaks
from benchmarks.localpages import (
    _attach,
    _brief_text,
    _date_parts,
    _laid_out,
    _lead_date,
    _name,
    _names,
    _page_dated,
    _unread_dateline,
)
from benchmarks.pagefamilies import (
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
from benchmarks.rmrb import Article, load_articles
from storage.ingest.ocr_page import display_width

COUNTY = "county_paper"
FAMILIES = (COUNTY,)
SEED = 1
UNSEEN_SEED = 2  # its per-story output is never looked at; only its totals are read

# (paper, district, publisher unit, the units that supply stories)
_PAPERS = (
    ("二七融媒", "二七区", "中共郑州市二七区委", ("淮河路街道", "长江路街道", "侯寨乡", "区教育局")),
    ("中牟报", "中牟县", "中共中牟县委", ("城关镇", "韩寺镇", "县农业农村局", "县卫健委")),
    ("新郑时报", "新郑市", "中共新郑市委", ("新建路街道", "龙湖镇", "市文广旅局", "市市场监管局")),
    ("登封融媒", "登封市", "中共登封市委", ("嵩阳街道", "大冶镇", "市林业局", "市应急管理局")),
    ("巩义融媒", "巩义市", "中共巩义市委", ("孝义街道", "回郭镇", "市民政局", "市水利局")),
    ("上街报", "上街区", "中共郑州市上街区委", ("济源路街道", "峡窝镇", "区人社局", "区城管局")),
)
_INNER_SECTIONS = ("要闻", "综合", "民生", "基层", "专题", "文化", "乡村振兴")
_BRIEF_HEADS = ("简讯", "要闻简讯", "一周要闻", "简 讯", "工作动态")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_LUNAR_MONTHS = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
_LUNAR_DAYS = (
    "初一 初二 初三 初四 初五 初六 初七 初八 初九 初十 十一 十二 十三 十四 十五 "
    "十六 十七 十八 十九 二十 廿一 廿二 廿三 廿四 廿五 廿六 廿七 廿八 廿九 三十"
).split()
_CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧"
_SLOGANS = (
    ("讲文明 树新风", "文明办 宣"),
    ("垃圾分类 从我做起", "城管局 宣"),
    ("珍爱生命 远离毒品", "禁毒委 宣"),
    ("创建全国文明城市 共建美好家园", "文明办 宣"),
)


def _lunar(year: int, month: int, day: int) -> str:
    """A 农历 line in the paper's form; the lunar month and day are set about a month behind (page
    furniture: no truth depends on it)."""
    cycle = (year - 4) % 60
    ganzhi = _STEMS[cycle % 10] + _BRANCHES[cycle % 12]
    return f"农历{ganzhi}年{_LUNAR_MONTHS[(month - 2) % 12]}月{_LUNAR_DAYS[(day + 7) % 30]}"


def _masthead(rng: random.Random, paper: tuple, issue: str, page: int) -> list[str]:
    name, district, publisher, _units = paper
    y, m, d, weekday = _date_parts(issue)
    if page > 1:
        section = rng.choice(_INNER_SECTIONS)
        editors = f"责编：{_name(rng)}  校对：{_name(rng)}"
        return rng.choice(
            (
                [f"第{page}版  {section}", f"{y}年{m}月{d}日  星期{weekday}", editors],
                [f"{name}  {y}年{m}月{d}日  第{page}版  {section}", editors],
                [f"{page:02d}  {section}", f"{name}", f"{y}年{m}月{d}日 星期{weekday}"],
            )
        )
    number = rng.randint(300, 2400)
    lines = [name if rng.random() < 0.6 else " ".join(name)]
    if rng.random() < 0.5:
        lines.append(f"{y}年{m}月{d}日  星期{weekday}  {_lunar(y, m, d)}")
    else:
        lines += [f"{y}年{m}月{d}日  星期{weekday}", _lunar(y, m, d)]
    lines.append(
        rng.choice((f"第{number}期  今日{rng.choice((4, 8))}版", f"总第{number}期", f"第{number}期"))
    )
    publisher_line = f"{publisher}主办  {district}融媒体中心出版"
    if rng.random() < 0.5:
        lines.append(publisher_line)
    else:
        lines += [f"{publisher}主办", f"{district}融媒体中心出版"]
    if rng.random() < 0.5:
        lines.append(
            rng.choice(
                (
                    f"内部资料 准印证号：豫{rng.randint(1, 99):02d}-{rng.randint(1000, 9999)}",
                    f"国内统一连续出版物号 CN41-{rng.randint(10, 99):02d}{rng.randint(10, 99)}",
                )
            )
        )
    return lines


def _hotlines(rng: random.Random, paper: tuple) -> list[str]:
    _name_, district, _publisher, _units = paper
    phone = f"0371-{rng.randint(60000000, 69999999)}"
    ad = f"0371-{rng.randint(60000000, 69999999)}"
    lines = [
        rng.choice((f"新闻热线：{phone}  广告热线：{ad}", f"新闻热线：{phone}", f"广告热线：{ad}")),
    ]
    if rng.random() < 0.6:
        lines.append(
            f"投稿邮箱：{rng.choice(('eqrm', 'xwrm', 'rmtzx', 'tougao'))}{rng.randint(1, 99)}@163.com"
        )
    if rng.random() < 0.5:
        lines.append(
            f"地址：郑州市{district}{rng.choice(('政通路', '大学路', '人民路', '建设路'))}"
            f"{rng.randint(1, 200)}号  邮编：{rng.randint(450000, 452999)}"
        )
    if rng.random() < 0.4:
        lines.append(f"印刷：郑州{rng.choice(('新华', '大河', '豫中'))}印务有限公司")
    return lines


def _slogan(rng: random.Random, paper: tuple) -> list[str]:
    words, unit = rng.choice(_SLOGANS)
    return ["公益广告", words, f"{paper[1]}{unit}"] if rng.random() < 0.5 else [words, f"{paper[1]}{unit}"]


def _heads(article: Article, rng: random.Random) -> list[str]:
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.3:
        return [heads[0], "", *heads[1:]]  # the kicker a block apart
    return heads


def _byline(rng: random.Random, reporters: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The authors as a county paper prints them, and the names in the truth's order."""
    kind = rng.random()
    correspondents = _names(rng, 2) if rng.random() < 0.5 else ()
    if kind < 0.12:
        names = correspondents or _names(rng, 2)
        return f"通讯员 {' '.join(names)}", names
    role = rng.choice(("融媒体记者", "融媒体记者", "记者", "见习记者", "本报记者"))
    text = f"{role} {' '.join(reporters)}"
    names = reporters
    if rng.random() < 0.15:
        intern = _names(rng, 1)
        text += f" 实习生 {' '.join(intern)}"
        names = (*names, *intern)
    if correspondents:
        text += f" 通讯员 {' '.join(correspondents)}"
        names = (*names, *correspondents)
    if rng.random() < 0.1:
        text = f"文/图 {text}"
    return text, names


def _local_like(article: Article) -> bool:
    """An article a county paper could print as its own news: no wire or foreign dateline, no column
    tag in its headline (``（今日谈）``), no bracketed note or dateline closing it, 150–2,400 characters."""
    first = article.paragraphs[0]
    if first.startswith(("据", "新华社", "本报记者")) or "当地时间" in first[:40]:
        return False
    if any("（" in head for head in article.heads):
        return False
    if any(re.fullmatch(r"（[^）]*）", p.strip()) or p.rstrip().endswith("电）") for p in article.paragraphs):
        return False
    if re.search(r"摄|（[^）]{2,8}）$", article.paragraphs[-1]):
        return False  # a photo credit or a column's note closing it
    return 150 <= sum(len(p) for p in article.paragraphs) <= 2400


def _reporters(article: Article, rng: random.Random) -> tuple[str, ...]:
    return article.reporters or _names(rng, 2)


def _printed(article: Article) -> list[str]:
    dateline, rest = _lead_without_dateline(article)
    return [rest if dateline else article.paragraphs[0], *article.paragraphs[1:]]


def _lay_story(
    article: Article, rng: random.Random, width: int, paper: tuple
) -> tuple[list[str], Expected, str]:
    """A story: headline, ``本报讯`` lead, its text, then its authors (or a unit's credit, or a jump
    line to another page)."""
    printed = _printed(article)
    kind = rng.choice(("signed", "signed", "opening", "supplied", "jump"))
    if kind == "jump" and len(printed) < 3:
        kind = "signed"
    heads = _heads(article, rng)
    date = _page_dated(printed[0], article.issue, _lead_date(article, printed[0]))
    byline, names = _byline(rng, _reporters(article, rng))
    if kind == "opening" or (kind == "jump" and rng.random() < 0.5):
        # The authors in brackets after 本报讯, nothing after the text.
        printed[0] = f"本报讯（{byline.removeprefix('文/图 ')}）{printed[0]}"
    else:
        printed[0] = f"本报讯 {printed[0]}" if rng.random() < 0.7 else f"本报讯{printed[0]}"
        if kind == "jump":
            names = ()  # cut off on this page before its authors
    if kind == "jump":
        printed = printed[: max(1, len(printed) // 2)]
    body = _laid_out(printed, width)
    tail: list[str] = []
    if kind == "jump":
        body = _attach(body, f"（下转第{rng.randint(2, 4)}版）", width, rng)
    elif kind == "supplied":
        unit = rng.choice((f"{paper[1]}融媒体中心", *paper[3]))
        body = _attach(body, f"（{unit}供稿）", width, rng)
        names = ()
    elif kind == "signed":
        if rng.random() < 0.4 and display_width(body[-1] + byline) <= width:
            body = [*body[:-1], body[-1] + byline]  # after the last sentence, as the seed page sets it
        else:
            tail = [byline]
    expected = Expected(
        title=_title(article), paragraphs=tuple(printed), date=date, reporters=names, correspondents=()
    )
    return [*heads, "", *column_breaks([*body, *tail], rng)], expected, kind


def _lay_continued(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """The rest of a story from page 1: its headline again, ``（上接第1版）``, the rest, its authors."""
    printed = _printed(article)[len(article.paragraphs) // 2 :]
    byline, names = _byline(rng, _reporters(article, rng))
    date = _page_dated(printed[0], article.issue, _lead_date(article, printed[0]))
    jump = rng.choice(("（上接第1版）", "（上接第一版）", "上接第1版"))
    body = _laid_out(printed, width)
    tail = [byline]
    if rng.random() < 0.4 and display_width(body[-1] + byline) <= width:
        body, tail = [*body[:-1], body[-1] + byline], []
    expected = Expected(
        title=_title(article), paragraphs=tuple(printed), date=date, reporters=names, correspondents=()
    )
    return [*_heads(article, rng), "", jump, *column_breaks([*body, *tail], rng)], expected, "continued"


def _photo_text(article: Article) -> str | None:
    """A caption: the article's first sentence, 20–90 characters, then what the picture shows."""
    text = _brief_text(article)
    if text is None:
        return None
    first = re.match(r"[^。！？]*[。！？]", text)
    if first is None or not 20 <= len(first[0]) <= 90:
        return None
    shows = ("图为活动现场。", "图为现场一角。", "", "")[len(first[0]) % 4]
    return first[0] + shows


def _lay_photo(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """图片新闻: the label, a short headline, the caption and its photographer."""
    text = _photo_text(article)
    assert text is not None
    head = max(article.heads, key=len) if not article.heads[0].startswith("——") else article.heads[0]
    photographer = _names(rng, 1)
    credit = f"{rng.choice(('融媒体记者', '记者', '通讯员', ''))} {photographer[0]} 摄".strip()
    body = _laid_out([text], width)
    body = _attach(body, f" {credit}", width, rng)
    label = (
        [rng.choice(("图片新闻", "图片新闻", "【图片新闻】", "图 片 新 闻")), ""]
        if rng.random() < 0.8
        else []
    )
    date = _page_dated(text, article.issue, _lead_date(article, text))
    expected = Expected(title=head, paragraphs=(text,), date=date, reporters=photographer, correspondents=())
    return [*label, head, "", *body], expected, "photo"


def _numbering(rng: random.Random) -> list[str]:
    style = rng.randrange(3)
    if style == 0:
        return [f"{k}." for k in range(1, 9)]
    if style == 1:
        return [f"{c}、" for c in _CN]
    return list(_CIRCLED)


def _lay_briefs(articles: list[Article], rng: random.Random, width: int) -> tuple[list[str], list[Expected]]:
    """A numbered 简讯 column: its name, then items, each a numbered head over one short paragraph."""
    lines = [rng.choice(_BRIEF_HEADS), ""]
    numbers = _numbering(rng)
    expected: list[Expected] = []
    for index, article in enumerate(articles):
        text = _brief_text(article)
        assert text is not None
        head = max((h for h in article.heads if not h.startswith("——")), key=len, default=article.heads[0])
        names: tuple[str, ...] = ()
        body = _laid_out([text], width)
        if rng.random() < 0.5:
            names = _names(rng, 2)
            who = rng.choice(("", "通讯员 ", "融媒体记者 "))
            body = _attach(body, f"（{who}{' '.join(names)}）", width, rng)
        lines += [f"{numbers[index]}{head}", *body]
        if rng.random() < 0.4:
            lines.append("")
        date = _page_dated(text, article.issue, _lead_date(article, text))
        expected.append(
            Expected(title=head, paragraphs=(text,), date=date, reporters=names, correspondents=())
        )
    return lines, expected


def compose(
    stories: list[Article], photos: list[Article], briefs: list[Article], rng: random.Random
) -> FamilyPage:
    width = rng.randint(12, 19)
    issue = max(a.issue for a in [*stories, *photos, *briefs])
    paper = rng.choice(_PAPERS)
    page = rng.choice((1, 1, 2, 3, 4))
    lines = _masthead(rng, paper, issue, page) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    blocks: list[tuple[list[str], list[Expected], list[str]]] = []
    for index, article in enumerate(stories):
        if page > 1 and index == 0 and rng.random() < 0.5 and len(article.paragraphs) >= 4:
            block, truth, kind = _lay_continued(article, rng, width)
        else:
            block, truth, kind = _lay_story(article, rng, width, paper)
        blocks.append((block, [truth], [kind]))
    for article in photos:
        block, truth, kind = _lay_photo(article, rng, width)
        blocks.insert(rng.randint(1, len(blocks)), (block, [truth], [kind]))
    if briefs:
        block, truths = _lay_briefs(briefs, rng, width)
        blocks.insert(rng.randint(1, len(blocks)), (block, truths, ["brief"] * len(truths)))
    if rng.random() < 0.25:
        blocks.insert(rng.randint(1, len(blocks)), (_slogan(rng, paper), [], []))
    for block, truths, block_kinds in blocks:
        lines += block + [""]
        expected += truths
        kinds += block_kinds
    if rng.random() < 0.7:
        lines += _hotlines(rng, paper)
    return FamilyPage.from_lines(COUNTY, lines, issue, expected, kinds)


def make_family(family: str, count: int, seed: int) -> list[FamilyPage]:
    """`count` pages, each from one issue's articles (a page holds one day's news)."""
    if family != COUNTY:
        raise ValueError(family)
    pool = [
        a
        for a in load_articles(TUNED_MONTHS)
        if month_dir(a) in TUNED_MONTHS and not _unread_dateline(a) and _local_like(a)
    ]
    days = by_issue(pool, 10)
    issues = list(days)
    rng = random.Random(f"{family}:{seed}")
    pages: list[FamilyPage] = []
    for _ in range(count):
        day = list(days[rng.choice(issues)])
        rng.shuffle(day)
        size = rng.randint(2, 4)
        stories, rest = day[:size], day[size:]
        photos = [a for a in rest if _photo_text(a) is not None][: rng.choice((0, 0, 1, 2))]
        rest = [a for a in rest if a not in photos]
        candidates = [a for a in rest if _brief_text(a) is not None]
        briefs = candidates[: rng.randint(3, 5)] if rng.random() < 0.5 else []
        pages.append(compose(stories, photos, briefs, rng))
    return pages


PAGE_FAMILIES = PageFamilies({COUNTY: partial(make_family, COUNTY)}, seed=SEED, unseen_seed=UNSEEN_SEED)
