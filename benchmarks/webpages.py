"""Four more text-page layouts from People's Daily articles (`benchmarks.rmrb`) that no other family uses:
three open to tuning, the fourth **held out of all tuning** (its totals only are ever printed, never a
story). Each family is a function of a seed: same seed, same pages, same truth.

- ``web_page`` (articles copied from news websites and WeChat accounts into one text; the tuned
  months): per article, a breadcrumb (``人民网 >> 时政 >> 正文``) over some; the headline on one line
  (the article's main head); a line of the site's furniture (``2020-01-18 08:32  来源：人民网－人民日报``,
  ``人民日报  2020-01-18 07:30``, ``发布时间：… 来源：人民日报 作者：王某``); ``原标题：…`` with the
  paper's own header lines over some; ``本报记者  王某`` or ``作者：王某`` on a line of its own over the
  text of articles without a dateline; every paragraph a block of its own, unwrapped, indented with
  ideographic spaces on some pages; under the text one to three lines of furniture (``（责编：王某、李某）``,
  ``责任编辑：王某``, ``编辑：王某  校对：李某``, ``阅读 1.2万  在看 35``, ``分享到：``, ``【纠错】``,
  ``点击右上角分享``).
- ``notice_page`` (a page of notices between the day's stories; the tuned months): the page's date and
  ``第2版  综合新闻``; one to three boxes between the stories, in no story: a weather box (``天气预报``
  over lines giving ℃), a list of appointments (``人事任免`` alone, ``任命王某为…；`` / ``免去李某的…职务。``,
  the session that passed it in brackets), a notice (``公告``, ``【招聘公告】``, ``遗失声明`` over its text,
  its signatory and date); the stories with their header lines, ``本报记者  王某`` or ``记者 王某`` over
  the text of those without a dateline, wrapped in a column with column breaks.
- ``photo_page`` (a page of pictures, 图片新闻; the tuned months): the page's date and section; three to
  five pictures, each its headline and a caption (the first sentences of an article of the day), the
  photographer's credit after the caption or on a line of its own (``新华社记者 王某 摄``, ``王某摄``:
  the photographer the story's reporter; an agency's credit, ``王某摄（人民视觉）``, is left out: the
  articles print it as a paragraph of their own, and the other families' truth keeps it so), and up to two stories between them.
- ``opinion_page`` (a commentary page, 评论版; **held out**, the articles of 2020-05, which no tuned
  family uses): a page strip (``评论  第5版``, the date); an editor's note (``编者按：`` over the first
  sentences of another article of the day) under it on some pages, in no story; per article, a
  column's name on a line of its own over some headlines (``人民时评``, ``今日谈``, ``■短评``,
  ``【时评】``, ``社论``: in the title, as a kicker); the header lines; the author under the headline of
  articles without a dateline (``□王某``, ``文 | 王某``, ``■王某``, ``本报评论员  王某``); the text
  wrapped in a narrow column, with column breaks.

The truth, as the other families': a title is the printed header lines joined by spaces (the web's one
line; the column's name over the heads included), paragraphs as printed (furniture, bylines on a line
of their own, the editor's note in no story), the date the dateline's, else the one the lead's first
clause opens with, else (``web_page``) the site's date over the text, (``opinion_page``) the page's for
a lead opening with 近日/今天; the reporters the printed names.
"""

from __future__ import annotations

import random
import re
from functools import partial

from benchmarks.conventionpages import Expected, column_breaks
from benchmarks.localpages import (
    _brief_text,
    _date_parts,
    _laid_out,
    _lead_date,
    _main_head,
    _name,
    _names,
    _page_dated,
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
    _title,
)
from benchmarks.rmrb import Article, load_articles
from benchmarks.weeklypages import _printable

WEB = "web_page"
NOTICE = "notice_page"
PHOTO = "photo_page"
OPINION = "opinion_page"
TUNED = (WEB, NOTICE, PHOTO)
HELDOUT = OPINION
FAMILIES = (*TUNED, HELDOUT)
SEED = 1
UNSEEN_SEED = 2  # the tuned family's second seed: only its totals are read, never a story of it
HELDOUT_SEED = 20261206

_SITES = ("人民网", "新华网", "央视网", "中国新闻网", "光明网", "澎湃新闻")
_CHANNELS = ("时政", "社会", "经济", "国内", "地方", "科技")
_COLUMNS = ("人民时评", "今日谈", "■短评", "【时评】", "社论", "评论员观察", "【人民论坛】")


# ---- web_page ---------------------------------------------------------------------------------------


def _clock(rng: random.Random) -> str:
    return f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"


def _meta(rng: random.Random, issue: str, author: str) -> str:
    y, m, d, _weekday = _date_parts(issue)
    stamp = rng.choice((f"{y}-{m:02d}-{d:02d} {_clock(rng)}", f"{y}年{m:02d}月{d:02d}日{_clock(rng)}"))
    site = rng.choice(_SITES)
    if author:
        return f"发布时间：{stamp}  来源：人民日报  作者：{author}"
    return rng.choice(
        (
            f"{stamp}  来源：{site}－人民日报",
            f"来源：人民日报  |  {stamp}",
            f"人民日报  {stamp}",
            f"{stamp}  来源：人民日报  字号：大 中 小",
        )
    )


def _web_tail(rng: random.Random) -> list[str]:
    """One to three lines of a site's furniture under an article."""
    two = f"{_name(rng)}、{_name(rng)}"
    reads = rng.choice(("1.2万", "10万+", str(rng.randint(300, 9999)), "3.5万"))
    choices = [
        f"（责编：{two}）",
        f"责任编辑：{_name(rng)}",
        f"编辑：{_name(rng)}  校对：{_name(rng)}",
        f"阅读 {reads}  在看 {rng.randint(3, 900)}",
        "分享到：",
        "【纠错】",
        "点击右上角分享",
        f"本文来源：人民日报  编辑：{_name(rng)}",
    ]
    return rng.sample(choices, rng.randint(1, 3))


def _lay_web(article: Article, rng: random.Random, indent: str) -> tuple[list[str], Expected, str]:
    dateline, _rest = _lead_without_dateline(article)
    head = _main_head(article)
    lines: list[str] = []
    if rng.random() < 0.4:
        lines += [f"{rng.choice(_SITES)} >> {rng.choice(_CHANNELS)} >> 正文", ""]
    printed = list(article.paragraphs)
    byline: list[str] = []
    author = ""
    if dateline:
        kind = "dateline"
        reporters = article.reporters
        date = article.date
    else:
        kind = "signed"
        reporters = article.reporters or _names(rng, 2)
        if rng.random() < 0.4:
            author = " ".join(reporters)
        else:
            byline = [rng.choice((f"本报记者  {'  '.join(reporters)}", f"作者：{' '.join(reporters)}"))]
        # The site's date over the text dates it where the lead names no day (as `benchmarks.morepages`'
        # portal pages).
        date = _lead_date(article, printed[0]) or article.issue
    lines += [head, "", _meta(rng, article.issue, author), ""]
    if len(article.heads) > 1 and rng.random() < 0.6:
        lines += [f"原标题：{_title(article)}", ""]
    if byline:
        lines += [*byline, ""]
    for paragraph in printed:
        lines += [indent + paragraph, ""]
    lines += _web_tail(rng)
    expected = Expected(
        title=head, paragraphs=tuple(printed), date=date, reporters=tuple(reporters), correspondents=()
    )
    return lines, expected, kind


def compose_web(articles: list[Article], rng: random.Random) -> FamilyPage:
    indent = rng.choice(("", "", "\u3000\u3000"))
    issue = max(a.issue for a in articles)
    lines: list[str] = []
    expected: list[Expected] = []
    kinds: list[str] = []
    for article in articles:
        block, truth, kind = _lay_web(article, rng, indent)
        lines += block + ["", ""]
        expected.append(truth)
        kinds.append(kind)
    text = re.sub("\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
    return FamilyPage(WEB, text, int(issue[:4]), expected, kinds)


# ---- opinion_page -----------------------------------------------------------------------------------


def _opinion_masthead(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    return rng.choice(
        (
            [f"人民日报  {y}年{m}月{d}日  星期{weekday}", f"评论  第{page}版"],
            [f"评论 | 第{page:02d}版", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{y}年{m}月{d}日  星期{weekday}  第{page}版  评论"],
        )
    )


def _lay_opinion(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    dateline, _rest = _lead_without_dateline(article)
    heads = list(article.heads)
    title = _title(article)
    kind = "dateline" if dateline else "signed"
    if rng.random() < 0.5:
        column = rng.choice(_COLUMNS)
        heads = [column, *heads]
        title = f"{column} {title}"
        kind = "column"
    printed = list(article.paragraphs)
    before: list[str] = []
    if dateline:
        reporters = article.reporters
        date = article.date
    else:
        reporters = article.reporters or _names(rng, 1)
        joined = " ".join(reporters)
        before = [rng.choice((f"□{joined}", f"文 | {joined}", f"■{joined}", f"本报评论员  {joined}"))]
        date = _page_dated(printed[0], article.issue, _lead_date(article, printed[0]))
    body = _laid_out(printed, width)
    expected = Expected(
        title=title, paragraphs=tuple(printed), date=date, reporters=tuple(reporters), correspondents=()
    )
    return [*heads, "", *before, *column_breaks(body, rng)], expected, kind


def compose_opinion(articles: list[Article], note: Article | None, rng: random.Random) -> FamilyPage:
    width = rng.randint(14, 22)
    issue = max(a.issue for a in [*articles, *([note] if note else [])])
    lines = _opinion_masthead(rng, issue, rng.randint(4, 9)) + [""]
    if note is not None:
        text = _brief_text(note)
        assert text is not None
        lines += _laid_out([f"编者按：{text}"], width) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for article in articles:
        block, truth, kind = _lay_opinion(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    return FamilyPage.from_lines(OPINION, lines, issue, expected, kinds)


# ---- notice_page ----------------------------------------------------------------------------------


def _weather(rng: random.Random) -> list[str]:
    sky = ("晴", "多云", "阴", "小雨", "晴转多云", "多云转阴", "阵雨")
    low = rng.randint(-8, 18)
    return [
        rng.choice(("天气预报", "【天气】", "今日天气")),
        f"今天白天：{rng.choice(sky)}，{rng.choice('东南西北')}风{rng.randint(1, 4)}级，最高气温{low + rng.randint(5, 12)}℃",
        f"今天夜间：{rng.choice(sky)}，最低气温{low}℃",
        f"明天：{rng.choice(sky)}  {low + 1}℃～{low + rng.randint(6, 12)}℃",
    ]


def _appointments(rng: random.Random, width: int, issue: str) -> list[str]:
    y, m, d, _weekday = _date_parts(issue)
    posts = (
        "市发展和改革委员会主任",
        "市教育局局长",
        "市卫生健康委员会副主任",
        "市人民政府副秘书长",
        "区人民法院副院长",
    )
    lines = [rng.choice(("人事任免", "【人事任免】", "任免名单")), ""]
    chosen = rng.sample(posts, rng.randint(2, 4))
    for index, post in enumerate(chosen):
        last = "。" if index == len(chosen) - 1 else "；"
        verb = rng.choice((f"任命{_name(rng)}为{post}{last}", f"免去{_name(rng)}的{post}职务{last}"))
        lines += _laid_out([verb], width)
    lines.append(f"（{y}年{m}月{d}日市人大常委会第{rng.randint(10, 40)}次会议通过）")
    return lines


def _notice(rng: random.Random, width: int, issue: str) -> list[str]:
    y, m, d, _weekday = _date_parts(issue)
    road = f"{rng.choice(('建设', '人民', '解放', '文化', '中山'))}路{rng.randint(1, 200)}号"
    head, text = rng.choice(
        (
            (
                "公告",
                f"因业务发展需要，本中心自{y}年{m}月{d + 1 if d < 28 else 1}日起迁至{road}办公，联系电话不变。特此公告。",
            ),
            (
                "招聘公告",
                f"本单位面向社会公开招聘工作人员12名，报名地点为{road}，报名截止日期见单位网站。特此公告。",
            ),
            ("遗失声明", f"{_name(rng)}遗失身份证一张，地址为{road}，声明作废。"),
        )
    )
    lines = [rng.choice((head, f"【{head}】")), *_laid_out([text], width)]
    if head != "遗失声明":
        lines += [rng.choice(("市政务服务中心", "市人民医院", "市自然资源和规划局")), f"{y}年{m}月{d}日"]
    return lines


def _lay_notice_story(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    dateline, _rest = _lead_without_dateline(article)
    heads = list(article.heads)
    printed = list(article.paragraphs)
    before: list[str] = []
    if dateline:
        kind, reporters, date = "dateline", article.reporters, article.date
    else:
        kind = "signed"
        reporters = article.reporters or _names(rng, 2)
        before = [rng.choice((f"本报记者  {'  '.join(reporters)}", f"记者 {' '.join(reporters)}"))]
        date = _page_dated(printed[0], article.issue, _lead_date(article, printed[0]))
    expected = Expected(
        title=_title(article),
        paragraphs=tuple(printed),
        date=date,
        reporters=tuple(reporters),
        correspondents=(),
    )
    return [*heads, "", *before, *column_breaks(_laid_out(printed, width), rng)], expected, kind


def compose_notice(articles: list[Article], rng: random.Random) -> FamilyPage:
    """A page of notices (公告, 人事任免, a weather box: in no story) with the day's stories between them."""
    width = rng.randint(14, 22)
    issue = max(a.issue for a in articles)
    y, m, d, weekday = _date_parts(issue)
    lines = [
        f"{y}年{m}月{d}日  星期{weekday}",
        f"第{rng.randint(2, 12)}版  {rng.choice(('综合新闻', '公告', '城市'))}",
        "",
    ]
    boxes = [_weather(rng), _appointments(rng, width, issue), _notice(rng, width, issue)]
    rng.shuffle(boxes)
    boxes = boxes[: rng.randint(1, 3)]
    expected: list[Expected] = []
    kinds: list[str] = []
    for article in articles:
        if boxes and rng.random() < 0.6:
            lines += boxes.pop() + [""]
        block, truth, kind = _lay_notice_story(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    for box in boxes:
        lines += box + [""]
    return FamilyPage.from_lines(NOTICE, lines, issue, expected, kinds)


# ---- photo_page -----------------------------------------------------------------------------------


def _photo_item(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """A picture's headline, its caption (the article's first sentences) and the photographer's credit."""
    text = _brief_text(article)
    assert text is not None
    head = _main_head(article)
    names = _names(rng, 2)
    who = " ".join(names)
    credit = rng.choice((f"新华社记者 {who} 摄", f"本报记者  {who}摄", f"{who}摄", f"记者 {who} 摄"))
    body = _laid_out([text], width)
    if rng.random() < 0.5:
        body = [*body[:-1], f"{body[-1]}  {credit}"]
        kind = "credit after"
    else:
        body.append(credit)
        kind = "credit below"
    date = _page_dated(text, article.issue, _lead_date(article, text))
    expected = Expected(title=head, paragraphs=(text,), date=date, reporters=names, correspondents=())
    return [head, "", *body], expected, kind


def compose_photo(photos: list[Article], stories: list[Article], rng: random.Random) -> FamilyPage:
    """A page of pictures (图片新闻), each a headline and a caption with its credit, and a story or two."""
    width = rng.randint(16, 26)
    issue = max(a.issue for a in [*photos, *stories])
    y, m, d, weekday = _date_parts(issue)
    lines = [
        f"{y}年{m}月{d}日  星期{weekday}",
        f"第{rng.randint(2, 16)}版  {rng.choice(('图片新闻', '视觉', '图片报道'))}",
        "",
    ]
    items: list[tuple[str, Article]] = [("photo", a) for a in photos] + [("story", a) for a in stories]
    rng.shuffle(items)
    expected: list[Expected] = []
    kinds: list[str] = []
    for what, article in items:
        if what == "photo":
            block, truth, kind = _photo_item(article, rng, width)
        else:
            block, truth, kind = _lay_notice_story(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    return FamilyPage.from_lines(PHOTO, lines, issue, expected, kinds)


# ---- families ---------------------------------------------------------------------------------------


def make_family(family: str, count: int, seed: int) -> list[FamilyPage]:
    """`count` pages of one family, each from one issue's articles (a page holds one day's news)."""
    months = HELDOUT_MONTHS if family == HELDOUT else TUNED_MONTHS
    pool = [a for a in load_articles(months) if month_dir(a) in months and _printable(a)]
    days = by_issue(pool, 8)
    issues = list(days)
    rng = random.Random(f"{family}:{seed}")
    pages: list[FamilyPage] = []
    for _ in range(count):
        day = list(days[rng.choice(issues)])
        rng.shuffle(day)
        size = rng.randint(2, 4)
        chosen, rest = day[:size], day[size:]
        if family == WEB:
            pages.append(compose_web(chosen, rng))
        elif family == NOTICE:
            pages.append(compose_notice(chosen, rng))
        elif family == PHOTO:
            photos = [a for a in day if _brief_text(a) is not None][: rng.randint(3, 5)]
            stories = [a for a in day if a not in photos][: rng.randint(0, 2)]
            pages.append(compose_photo(photos, stories, rng))
        else:
            briefs = [a for a in rest if _brief_text(a) is not None]
            note = briefs[0] if briefs and rng.random() < 0.4 else None
            pages.append(compose_opinion(chosen, note, rng))
    return pages


PAGE_FAMILIES = PageFamilies(
    {family: partial(make_family, family) for family in FAMILIES},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
    held_out=HELDOUT,
    held_out_seed=HELDOUT_SEED,
)
