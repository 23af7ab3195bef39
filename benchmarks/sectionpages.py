"""Two more text-page layouts from People's Daily (`benchmarks.rmrb`) that no other family uses: a
sports page open to tuning, and a theory page **held out of all tuning** (its totals only are ever
printed, never a story). Each family is a function of a seed: same seed, same pages, same truth.

- ``sports_page`` (a 体育 page; the tuned months): the stories of one issue's sports page (page 15 of
  the months on disk), as the paper set them: a page strip (``体育  第15版`` over the date); heads as the
  corpus prints them, a score or a kicker over the main line (``0∶3负于伊朗队`` / ``中国男排 无缘奥运（动感2020）``),
  as one group or two; dispatches opening ``本报北京1月12日电  （记者李长云）``; features with the
  reporter's line under the head (``本报记者  刘硕阳``) or none; photos with sports agencies' credits
  (``新华社记者 王某 摄``, ``（新华社发）``, ``新华社发 王某摄``, ``王某摄（人民视觉）``) between stories or inside a
  story's columns; a results box (``■赛果``, ``【比赛结果】``, ``成绩单``) listing the page's own score
  clauses one a line; a strip heading over the last short dispatches (``体坛快讯``, ``【体坛速递】``); the
  editor's line at the foot.
- ``theory_page`` (a 理论 page; **held out**, the articles of 2020-05 that no other held-out family
  prints): an issue's page-9 pieces (essays whose head carries a column in brackets, ``（新知新觉）``,
  or that close on the author's unit, ``（作者为中国社会科学院副院长）``), each printed whole: the head as
  the corpus prints it (a kicker over it on many), the author's name alone under it (the corpus keeps no
  author's name, so theirs are made up: ``王某``, a two-character name padded to three cells ``王  某``),
  the essay with its own sub-heads (``全面贯彻新发展理念``) and summary box (``内容提要``, ``核心阅读``) as
  paragraphs, the author's unit closing it; a page strip (``理论  第9版``) and the editor's line.
- ``theory_twin`` (the held-out theory page's tuned twin; the tuned months, other seeds): the theory
  page's conventions applied to the page-9 pieces of the tuned months (the same choice of pieces), in
  other forms too: a strip on one line or two (``第9版  理论``, ``理论周刊  09``), the author's name alone
  or two authors on one line (``王某  李某``), a summary box (its label, ``内容提要`` or ``核心阅读``, on a
  line of its own over its points) with a blank line under it on some, a blank line between the kicker
  and the main head on some, the editor's line at the foot or none.

The truth, as the other families': a title is the printed header lines joined by spaces, paragraphs as
the corpus keeps them (a sub-head and an author's unit note each a paragraph); a summary box's label
(the box's heading; the digital edition flattens it into a paragraph), captions, credits, results boxes,
strip headings, the page strip and the editor's line in no story; the date the
dateline's, else the one the lead's first clause opens with, else the page's for a lead opening with
近日/今天; the reporters the dateline's or the reporter's line's (a sports feature with neither has
none), a theory piece's the author's name.
"""

from __future__ import annotations

import datetime
import random
import re

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
    issue_runs,
)
from benchmarks.paperpages import (
    _lead_without_dateline,
)
from benchmarks.rmrb import Article, parse_article, root
from storage.ingest.ocr_page import display_width

SPORTS = "sports_page"
THEORY = "theory_page"
THEORY_TWIN = "theory_twin"
HELDOUT = THEORY
SEED = 1
UNSEEN_SEED = 2  # the tuned family's second seed: only its totals are read, never a story of it
HELDOUT_SEED = 20261213
SPORTS_PAGE = 15  # the page People's Daily prints its sports news on
THEORY_PAGE = 9  # the page it prints its theory pieces on

_SPORT_WORDS_RE = re.compile(
    "比赛|赛季|冠军|联赛|奥运|体育|球队|选手|运动员|赛事|健身|决赛|亚军|锦标赛|世界杯"
)
_SCORE_CLAUSE_RE = re.compile(r"[^，。；：！？“”]*\d+∶\d+[^，。；：！？“”]*")
_COLUMN_HEAD_RE = re.compile(r"[（(][\u4e00-\u9fff·]{2,10}[）)]$")
_AUTHOR_NOTE_RE = re.compile(r"^（作者(?:为|单位|系)")
_SPORTS_SECTIONS = ("体育", "体育新闻", "体育·综合", "体坛")
_BOX_HEADINGS = ("■赛果", "【比赛结果】", "成绩单", "赛果速递")
_BRIEF_HEADINGS = ("体坛快讯", "【体坛速递】", "■体育简讯", "快讯")
_THEORY_SECTIONS = ("理论", "理论·学术", "理论版", "学术")
_TWIN_SECTIONS = ("理论", "理论周刊", "理论·观察", "学术前沿")
_BOX_LABELS = ("内容提要", "核心阅读")  # a summary box's label, a paragraph of its own in the corpus
_BULLETS = "■●◆▲"


# ---- sources ----------------------------------------------------------------------------------------


def _is_box_label(paragraph: str) -> bool:
    return paragraph.strip() in _BOX_LABELS


def _page_articles(months: tuple[str, ...], page: int) -> list[Article]:
    """Every article the corpus keeps for page `page` of the issues of `months`, in file-name order."""
    out: list[Article] = []
    for month in months:
        for path in sorted((root() / month).glob(f"*/*-{page:02d}-*.txt")):
            article = parse_article(path.read_text(encoding="utf-8", errors="ignore"), path.name)
            if article is not None:
                out.append(article)
    return out


def _no_pictures(article: Article) -> bool:
    """No picture story, no caption or credit in the text, no editor's or designer's line."""
    if "图片报道" in article.heads or any(h in ("广告", "编者的话") for h in article.heads):
        return False
    if article.byline_line and article.byline_line.endswith("摄"):
        return False  # a photographer's credit the corpus reads as a reporter's line
    return not any(
        p.startswith(("图为", "图①", "图片", "制图", "版式设计", "数据来源", "——"))
        or p.endswith("摄")
        or "摄（" in p
        or "\t" in p
        for p in article.paragraphs
    )


def _sports_story(article: Article) -> bool:
    """A sports page's story the truth can read: sports words, 80–1,600 characters of text ending a
    sentence, no picture, no dateline whose reporters `benchmarks.rmrb` cannot read (``据新华社…电  （记者
    X）``, a bracket naming no 记者), heads of at most 30 characters."""
    size = sum(map(len, article.paragraphs))
    if not 80 <= size <= 1600 or not _no_pictures(article) or _unread_dateline(article):
        return False
    if not _SPORT_WORDS_RE.search("".join((*article.heads, *article.paragraphs))):
        return False
    dateline, rest = _lead_without_dateline(article)
    if dateline and not article.reporters and rest.lstrip().startswith("（"):
        return False
    if any(len(h) > 30 for h in article.heads) or len(article.heads) > 3:
        return False
    return bool(re.search("[。！？”…）]$", article.paragraphs[-1]))


def _theory_piece(article: Article) -> bool:
    """A theory page's piece: a column in brackets at its head's end or the author's unit closing it, no
    dateline, no signature of a writing group (``（执笔：X）``), no picture, 500–4,200 characters."""
    size = sum(map(len, article.paragraphs))
    if not 500 <= size <= 4200 or not _no_pictures(article):
        return False
    if _lead_without_dateline(article)[0] or article.reporters:
        return False
    if any(p.startswith("（执笔") for p in article.paragraphs):
        return False
    columned = any(_COLUMN_HEAD_RE.search(h) for h in article.heads)
    return columned or bool(_AUTHOR_NOTE_RE.match(article.paragraphs[-1]))


# ---- sports_page -----------------------------------------------------------------------------------


def _sports_strip(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_SPORTS_SECTIONS)
    return rng.choice(
        (
            [f"{section}  第{page}版", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{y}年{m}月{d}日  星期{weekday}  {section}  {page:02d}"],
            [f"人民日报  {section}", f"{y}年{m}月{d}日  第{page}版"],
        )
    )


def _editor_line(rng: random.Random) -> str:
    return rng.choice(
        (
            f"责任编辑：{_name(rng)}",
            f"本版责编：{_name(rng)}  {_name(rng)}",
            f"（本版编辑：{_name(rng)}）",
        )
    )


def _credit(rng: random.Random) -> str:
    """A sports photo's credit as the papers print them."""
    name = _name(rng)
    return rng.choice(
        (
            f"新华社记者 {name} 摄",
            "（新华社发）",
            f"新华社发 {name}摄",
            f"{name}摄（人民视觉）",
            f"本报记者 {name}摄",
        )
    )


def _photo_caption(article: Article, rng: random.Random, width: int) -> list[str]:
    """A caption of the story's photo: the day before the issue and a clause of its text, the credit run
    on or under it."""
    day = datetime.date.fromisoformat(article.issue) - datetime.timedelta(days=1)
    clauses = [
        c
        for p in article.paragraphs
        for c in re.split("[，。；：！？“”（）]", p)
        if 8 <= len(c) <= 24 and re.fullmatch(r"[\u4e00-\u9fff\d、]+", c)
    ] or [re.sub("[^\u4e00-\u9fff]", "", article.paragraphs[-1])[:16]]
    lines = wrap(f"{day.month}月{day.day}日，{rng.choice(clauses)}。", width)
    credit = _credit(rng)
    if display_width(lines[-1] + credit) <= width and rng.random() < 0.5:
        return [*lines[:-1], lines[-1] + credit]
    return [*lines, credit]


def _results_box(articles: list[Article], rng: random.Random, width: int) -> list[str]:
    """A box of the page's own score clauses (``中国队以0∶3负于伊朗队``), one a line, under its heading;
    none when the page's stories hold no score short enough for a line."""
    clauses = [
        c.strip()
        for a in articles
        for p in a.paragraphs
        for c in _SCORE_CLAUSE_RE.findall(p)
        if 6 <= len(c.strip()) and display_width(c.strip()) <= width
    ]
    clauses = list(dict.fromkeys(clauses))[: rng.randint(2, 5)]
    if len(clauses) < 2:
        return []
    return [rng.choice(_BOX_HEADINGS), *clauses]


def _sports_heads(article: Article, rng: random.Random) -> list[str]:
    """The heads as printed: one group, or the kicker a group of its own (a blank line under it)."""
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.4:
        return [heads[0], "", *heads[1:]]
    return heads


def _lay_sports(
    article: Article, rng: random.Random, width: int, photo: bool
) -> tuple[list[str], Expected, str]:
    """One story: its heads, the reporter's line under them for a feature that has one, its text (a
    photo's caption inside its columns when `photo`). The truth holds no summary box label (`_is_box_label`)."""
    dateline, _rest = _lead_without_dateline(article)
    paragraphs = list(article.paragraphs)
    kind = "dispatch" if dateline else "feature"
    lines = _sports_heads(article, rng) + [""]
    if article.byline_line and not dateline:
        lines.append(article.byline_line)
        kind += ", reporter's line"
    body: list[str] = []
    for paragraph in paragraphs:
        body += wrap(paragraph, width)
    body = column_breaks(body, rng)
    if photo and len(body) > 8:
        cut = rng.randint(3, len(body) - 3)
        body = [*body[:cut], "", *_photo_caption(article, rng, width), "", *body[cut:]]
        kind += " + photo inside"
    if any(len(p) < 20 and not re.search("[。！？”…）]$", p) for p in paragraphs):
        kind += " + sub-heads"
    text = [p for p in paragraphs if not _is_box_label(p)]
    lead = _rest if dateline else text[0]
    date = article.date if dateline else _page_dated(lead, article.issue, _lead_date(article, lead))
    expected = Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(text),
        date=date,
        reporters=article.reporters,
        correspondents=(),
    )
    return [*lines, *body], expected, kind


def compose_sports(articles: list[Article], rng: random.Random) -> FamilyPage:
    """A sports page: its strip, the stories (the last short dispatches under a strip heading on some),
    photos between and inside stories, a results box on some, the editor's line."""
    width = rng.randint(14, 22)
    issue = articles[0].issue
    lines = _sports_strip(rng, issue, SPORTS_PAGE) + [""]
    short = [a for a in articles if _lead_without_dateline(a)[0] and sum(map(len, a.paragraphs)) <= 400]
    briefs = short[-rng.randint(2, 3) :] if len(short) >= 2 and rng.random() < 0.4 else []
    ordered = [a for a in articles if a not in briefs] + briefs
    box = _results_box(articles, rng, width) if rng.random() < 0.5 else []
    box_at = rng.randint(1, len(ordered))
    expected: list[Expected] = []
    kinds: list[str] = []
    for index, article in enumerate(ordered):
        if box and index == box_at:
            lines += box + [""]
        if briefs and article is briefs[0]:
            lines += [rng.choice(_BRIEF_HEADINGS), ""]
        block, truth, kind = _lay_sports(article, rng, width, photo=rng.random() < 0.2)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind + (", under a strip heading" if article in briefs else ""))
        if rng.random() < 0.25:
            lines += _photo_caption(article, rng, width) + [""]
    if box and box_at == len(ordered):
        lines += box + [""]
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(SPORTS, lines, issue, expected, kinds)


def make_sports(count: int, seed: int) -> list[FamilyPage]:
    """`count` sports pages, each three to six stories of one issue's sports page, in the corpus' order."""
    pool = [a for a in _page_articles(TUNED_MONTHS, SPORTS_PAGE) if _sports_story(a)]
    days = by_issue(pool, 3)
    rng = random.Random(f"{SPORTS}:{seed}")
    return [compose_sports(run, rng) for run in issue_runs(days, count, rng, 3, 6)]


# ---- theory_page -----------------------------------------------------------------------------------


def _theory_strip(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_THEORY_SECTIONS)
    return rng.choice(
        (
            [f"{section}  第{page}版", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{y}年{m}月{d}日  星期{weekday}  {section}  {page:02d}"],
            [f"{section}｜第{page}版", f"{y}.{m}.{d}"],
        )
    )


def _author_line(name: str, rng: random.Random) -> str:
    """``王某``, or a two-character name padded to three cells (``王  某``)."""
    if len(name) == 2 and rng.random() < 0.4:
        return f"{name[0]}  {name[1]}"
    return name


def _lay_theory(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """One piece, whole: its heads, the author's name under them, its paragraphs (sub-heads and a
    summary box's label each a line of their own), the author's unit closing it. The truth holds no
    box label (`_is_box_label`: the box's heading, as `theory_twin`'s and `trade_paper`'s truth)."""
    name = _name(rng)
    paragraphs = list(article.paragraphs)
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    body: list[str] = []
    for paragraph in paragraphs:
        body += wrap(paragraph, width)
    body = column_breaks(body, rng)
    size = sum(map(len, paragraphs))
    kind = "lead piece" if size > 2200 else "essay"
    if any(len(p) < 30 and not re.search("[。！？”…）]$", p) for p in paragraphs):
        kind += " + sub-heads"
    if not _AUTHOR_NOTE_RE.match(paragraphs[-1]):
        kind += ", no unit note"
    text = [p for p in paragraphs if not _is_box_label(p)]
    lead = text[0]
    expected = Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(text),
        date=_page_dated(lead, article.issue, _lead_date(article, lead)),
        reporters=(name,),
        correspondents=(),
    )
    return [*heads, "", _author_line(name, rng), *body], expected, kind


def compose_theory(articles: list[Article], rng: random.Random) -> FamilyPage:
    width = rng.randint(16, 24)
    issue = articles[0].issue
    lines = _theory_strip(rng, issue, THEORY_PAGE) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for article in articles:
        block, truth, kind = _lay_theory(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(THEORY, lines, issue, expected, kinds)


def printed_by_held_out() -> set[str]:
    """Keys of the text every other held-out family prints (`benchmarks.supplementpages.printed_by_held_out`
    and its held-out digest page): the theory page takes none of it."""
    from benchmarks import supplementpages, topicpages

    digests = supplementpages.PAGE_FAMILIES.pages(supplementpages.DIGEST, PAGES_PER_FAMILY)
    return supplementpages.printed_by_held_out() | topicpages.printed_keys(digests)


def make_theory(count: int, seed: int, months: tuple[str, ...] = HELDOUT_MONTHS) -> list[FamilyPage]:
    """`count` theory pages from `months` (the held-out month; other months only for a scratch look at
    the layout), each two to four pieces of one issue's page 9, none printed by another held-out family."""
    from benchmarks import topicpages

    pool = [a for a in _page_articles(months, THEORY_PAGE) if _theory_piece(a)]
    if months == HELDOUT_MONTHS:
        used = printed_by_held_out()
        pool = [a for a in pool if topicpages.unprinted(a, used)]
    days = by_issue(pool, 2)
    rng = random.Random(f"{THEORY}:{seed}")
    return [compose_theory(run, rng) for run in issue_runs(days, count, rng, 2, 4)]


# ---- theory_twin ----------------------------------------------------------------------------------
# The held-out theory page's tuned twin: its conventions (from `_lay_theory`'s code and docstring, never
# from `theory_page`'s pages or failures) on the tuned months' page-9 pieces, in other forms too.
# One reading differs from `theory_page`'s frozen truth: a summary box's label (``内容提要``, ``核心阅读``)
# is in no story. The printed page sets it as the box's heading, apart from the text as a column's tag
# is; the corpus keeps it as a paragraph only because the digital edition flattens the box into
# paragraphs. The parser drops it (`page_lines.is_summary_label`), as `trade_paper`'s truth does.


def _twin_strip(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_TWIN_SECTIONS)
    return rng.choice(
        (
            [f"第{page}版  {section}", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{section}  {page:02d}", f"{y}年{m}月{d}日"],
            [f"人民日报  {y}年{m}月{d}日  星期{weekday}  第{page}版  {section}"],
        )
    )


def _box_end(paragraphs: list[str]) -> int | None:
    """Where the summary box under a label ends: after its bulleted points (``■…``), else after the one
    paragraph under the label; None for a piece with no box."""
    if not paragraphs or not _is_box_label(paragraphs[0]):
        return None
    end = 1
    while end < len(paragraphs) and paragraphs[end].startswith(tuple(_BULLETS)):
        end += 1
    return max(end, 2)


def _authors_line(names: tuple[str, ...], rng: random.Random) -> str:
    """One author's name (``王某``, or ``王  某`` for a two-character name), or two names two cells apart."""
    if len(names) == 1:
        return _author_line(names[0], rng)
    return "  ".join(names)


def _lay_theory_twin(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """One piece, whole: its heads (the kicker a group of its own on some), the authors under them, its
    paragraphs (sub-heads and a summary box's label lines of their own, a blank line under the box on
    some), the author's unit closing it."""
    first = _name(rng)
    names = (first,) if rng.random() < 0.75 else (first, _name(rng))
    if len(set(names)) < len(names):
        names = (first,)
    paragraphs = list(article.paragraphs)
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.4:
        heads = [heads[0], "", *heads[1:]]
    box = _box_end(paragraphs)
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if box is not None and index == box and rng.random() < 0.5:
            body.append("")
        body += wrap(paragraph, width)
    body = column_breaks(body, rng)
    text = [p for p in paragraphs if not _is_box_label(p)]
    size = sum(map(len, text))
    kind = "lead piece" if size > 2200 else "essay"
    if box is not None:
        kind += " + summary box"
    if any(len(p) < 30 and not re.search("[。！？”…）]$", p) for p in text[(box or 1) - 1 :]):
        kind += " + sub-heads"
    if not _AUTHOR_NOTE_RE.match(text[-1]):
        kind += ", no unit note"
    if len(names) > 1:
        kind += ", two authors"
    expected = Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(text),
        date=_page_dated(text[0], article.issue, _lead_date(article, text[0])),
        reporters=names,
        correspondents=(),
    )
    return [*heads, "", _authors_line(names, rng), *body], expected, kind


def compose_theory_twin(articles: list[Article], rng: random.Random) -> FamilyPage:
    width = rng.randint(15, 24)
    issue = articles[0].issue
    lines = _twin_strip(rng, issue, THEORY_PAGE) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for article in articles:
        block, truth, kind = _lay_theory_twin(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    if rng.random() < 0.7:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(THEORY_TWIN, lines, issue, expected, kinds)


def make_theory_twin(count: int, seed: int) -> list[FamilyPage]:
    """`count` theory pages from the tuned months, each two to four pieces of one issue's page 9."""
    pool = [a for a in _page_articles(TUNED_MONTHS, THEORY_PAGE) if _theory_piece(a)]
    days = by_issue(pool, 2)
    rng = random.Random(f"{THEORY_TWIN}:{seed}")
    return [compose_theory_twin(run, rng) for run in issue_runs(days, count, rng, 2, 4)]


# ---- families ---------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {SPORTS: make_sports, THEORY_TWIN: make_theory_twin, THEORY: make_theory},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
    held_out=HELDOUT,
    held_out_seed=HELDOUT_SEED,
)
