"""A text-page layout from People's Daily (`benchmarks.rmrb`) that no other family uses: a 人物 page of
short profiles in one series (群英谱), open to tuning. The family is a function of a seed: same seed, same
pages, same truth.

- ``profile_page`` (the tuned months): the profiles of one series the paper printed together on one page
  of one issue (``为了民族复兴·英雄烈士谱``, ``最美奋斗者``, ``一线抗疫群英谱``: two to nine a page, each
  300–3,000 characters, no picture story), in the corpus' order, then up to two other stories of that
  issue and page (`benchmarks.deskpages.desk_story`, any heads) when the series holds fewer than three;
  set as a series page sets them:

  - a page strip (``人物  第9版`` over the date, ``人物·英模｜09`` over a dotted date, or one line);
  - **the series' banner** set once under the strip (``为了民族复兴·英雄烈士谱``, ``【最美奋斗者】``,
    ``·一线抗疫群英谱·``) on half the pages, the profiles' heads then printed without the bracketed
    series tag the corpus puts after each head (the banner stands for it); on the other pages every head
    keeps its tag, as the corpus prints it;
  - the heads as printed: the person's name and a colon (``李达：``) or post and name closed by a dash
    (``火神山医院护士吴亚玲——``) over the main line, the two a group apart on some; or name, colon and
    main line on one line (``赵尚志：拼斗疆场 豪气冲天``);
  - the wire's dateline without a date opening the lead as the corpus keeps it
    (``据新华社电  （记者李浩）在陕西省眉县…``, ``新华社电  （记者赵洪南）…``);
  - **a portrait's caption** of the person a head opening with a name and a colon names, when the text points at no
    picture of its own (``见图``): ``李达（资料图片）``, ``李达像``, ``▲李达``, ``图为李达。``,
    ``李达  新华社发``, under the heads or between two paragraphs of the profile's first half; made up,
    in no story;
  - the editor's line at the foot.

The truth, as the other families': a title is the printed header lines joined by spaces (the series tag
among them only where printed), paragraphs as the corpus keeps them (the dateline in its lead); the
strip, the banner, the captions and the editor's line in no story; the date the lead's first clause's
(after a dateline without a date), else the page's for a lead opening with 近日/今天; the reporters the
dateline's bracket's names (``（记者王泽昊、王沁鸥）``) or the reporter's line's.

The tuned months hold 35 such series pages (140 profiles): a seed's 30 pages print 30 of them, each once,
and seed 2 draws its 30 from the same 35, so it is a check of layout more than of unseen text (as the
letters and interview pages').
"""

from __future__ import annotations

import random
import re

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.deskpages import desk_story, lay_in_columns
from benchmarks.localpages import (
    _lead_date,
    _page_dated,
    page_strip,
)
from benchmarks.pagefamilies import TUNED_MONTHS, FamilyPage, PageFamilies, by_page, first_printings
from benchmarks.rmrb import Article
from benchmarks.sectionpages import _editor_line, _no_pictures

PROFILE = "profile_page"
SEED = 1
UNSEEN_SEED = 2  # the family's second seed: only its totals are read, never a story of it

# The series' tag the corpus puts after a profile's last head: ``战功赫赫 智勇双全（为了民族复兴·英雄烈士谱）``.
_SERIES_TAG_RE = re.compile(r"[（(](为了民族复兴·英雄烈士谱|最美奋斗者|一线抗疫群英谱)[）)]$")
# A head opening with one person's name and a colon: ``李达：``, ``赛尔江·买米拉：``, ``赵尚志：拼斗疆场…``.
_NAME_HEAD_RE = re.compile(r"^([\u4e00-\u9fff]{2,4}(?:·[\u4e00-\u9fff]{2,5})?)：")
# The wire's dateline without a date: ``据新华社电  （记者王泽昊、王沁鸥）``, ``新华社电  （记者赵洪南）``.
_UNDATED_WIRE_RE = re.compile(r"^据?新华社电\s*（记者([^）]{2,30})）")
# The text points at a picture of the person: ``（见图，新华社发）``, ``（上图，…）``, ``（图中，…）``.
_POINTS_AT_PICTURE_RE = re.compile("[（(](?:见[上下左右]?图|[上下左右]?图[左右中]?)")
_SECTIONS = ("人物", "人物·英模", "要闻·人物", "群英谱")
_SENTENCE_END_RE = re.compile("[。！？”…）]$")


# ---- the stories ------------------------------------------------------------------------------------


def _series(article: Article) -> str | None:
    found = _SERIES_TAG_RE.search(article.heads[-1])
    return found[1] if found else None


def _profile(article: Article) -> bool:
    """A profile of a series: the series' tag after its last head, 300–3,000 characters ending a sentence,
    no picture story, at most three heads of at most 40 characters."""
    if _series(article) is None or not _no_pictures(article):
        return False
    if not 300 <= sum(map(len, article.paragraphs)) <= 3000:
        return False
    if len(article.heads) > 3 or any(len(h) > 40 for h in article.heads):
        return False
    return bool(_SENTENCE_END_RE.search(article.paragraphs[-1]))


def _other_story(article: Article) -> bool:
    """Another story of a series' page: a desk page's story, whatever its heads say."""
    return _series(article) is None and desk_story(article, re.compile("."))


def _untagged(heads: tuple[str, ...]) -> tuple[str, ...]:
    """The heads without the series' tag after the last one (a banner over the page stands for it)."""
    return (*heads[:-1], _SERIES_TAG_RE.sub("", heads[-1]))


def _portrait_caption(rng: random.Random, name: str) -> str:
    return rng.choice(
        (
            f"{name}（资料图片）",
            f"{name}像",
            f"▲{name}",
            f"图为{name}。",
            f"{name}  新华社发",
        )
    )


def _lay_profile(
    article: Article, rng: random.Random, width: int, under_banner: bool
) -> tuple[list[str], Expected, str]:
    """One profile: its heads (untagged under a banner), a portrait's caption on some, its text in columns;
    the truth and the profile's kind."""
    heads = _untagged(article.heads) if under_banner else article.heads
    printed = list(heads)
    if len(printed) > 1 and rng.random() < 0.3:
        printed = [printed[0], "", *printed[1:]]
    lines = [*printed, ""]
    named = _NAME_HEAD_RE.match(article.heads[0])
    kinds = ["profile, " + ("name head" if named else "post-and-name head")]
    kinds.append("under the banner" if under_banner else "series tag")
    wire = _UNDATED_WIRE_RE.match(article.paragraphs[0])
    if wire:
        kinds.append("undated wire")
    paragraphs = list(article.paragraphs)
    caption_after: int | None = None
    points_at_picture = any(_POINTS_AT_PICTURE_RE.search(p) for p in paragraphs)
    if named and not points_at_picture and rng.random() < 0.6:
        caption = wrap(_portrait_caption(rng, named[1]), width, indent=0)
        if rng.random() < 0.5 or len(paragraphs) < 3:
            lines += [*caption, ""]
            kinds.append("portrait under the heads")
        else:
            caption_after = rng.randint(0, max(0, len(paragraphs) // 2 - 1))
            kinds.append("portrait between paragraphs")
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        body += wrap(paragraph, width)
        if index == caption_after and named:
            body += ["", *wrap(_portrait_caption(rng, named[1]), width, indent=0), ""]
    lines += column_breaks(body, rng)
    lead = paragraphs[0][wire.end() :] if wire else paragraphs[0]
    reporters = tuple(n for n in re.split("[、，]", wire[1]) if n) if wire else article.reporters
    expected = Expected(
        title=" ".join(heads),
        paragraphs=tuple(paragraphs),
        date=article.date or _page_dated(lead, article.issue, _lead_date(article, lead)),
        reporters=reporters,
        correspondents=(),
    )
    return lines, expected, ", ".join(kinds)


# ---- the page ---------------------------------------------------------------------------------------


def _banner(rng: random.Random, series: str) -> str:
    return rng.choice((series, f"【{series}】", f"·{series}·"))


def compose_profiles(profiles: list[Article], others: list[Article], rng: random.Random) -> FamilyPage:
    """A series' page: its strip, the series' banner on some, the profiles, the other stories, the
    editor's line."""
    width = rng.randint(14, 22)
    first = profiles[0]
    lines = page_strip(rng, first.issue, first.page, _SECTIONS) + [""]
    under_banner = rng.random() < 0.5
    if under_banner:
        lines += [_banner(rng, _series(first) or ""), ""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for article in profiles:
        block, truth, kind = _lay_profile(article, rng, width, under_banner)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    for article in others:
        head, body, story_truth, story_kind = lay_in_columns(article, rng, width)
        lines += [*head, *body, ""]
        expected.append(story_truth)
        kinds.append("other story: " + story_kind)
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(PROFILE, lines, first.issue, expected, kinds)


def series_pages() -> list[list[Article]]:
    """The tuned months' series pages: the profiles of one series on one page of one issue, in the
    corpus' order, pages of two or more profiles."""
    pages: dict[tuple[str, int, str], list[Article]] = {}
    for article in first_printings(TUNED_MONTHS, _profile):
        pages.setdefault((article.issue, article.page, _series(article) or ""), []).append(article)
    return [group for _, group in sorted(pages.items()) if len(group) >= 2]


def make_profiles(count: int, seed: int) -> list[FamilyPage]:
    """`count` series pages from the tuned months: each series page in a drawn order (again when they run
    out), with up to two other stories of its issue and page when it holds fewer than three profiles."""
    groups = series_pages()
    page_stories = by_page(first_printings(TUNED_MONTHS, _other_story))
    rng = random.Random(f"{PROFILE}:{seed}")
    order: list[list[Article]] = []
    pages: list[FamilyPage] = []
    for _ in range(count):
        if not order:
            order = rng.sample(groups, len(groups))
        profiles = order.pop()
        others: list[Article] = []
        if len(profiles) < 3:
            neighbours = page_stories.get((profiles[0].issue, profiles[0].page), [])
            chosen = rng.sample(neighbours, min(len(neighbours), rng.randint(0, 2)))
            others = sorted(chosen, key=lambda a: a.key)
        pages.append(compose_profiles(profiles, others, rng))
    return pages


# ---- families ---------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {PROFILE: make_profiles},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
)
