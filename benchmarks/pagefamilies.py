"""What every text-page family shares: the People's Daily months a family draws its articles from (tuned and
held out) and the issues and runs of articles it lays out; the page with its truth (`FamilyPage`); scoring a
page against its truth; a family's figures and the table they are printed in; and `PageFamilies`, a
builder's families with the seeds each is read at. The builders (`benchmarks.paperpages`,
`benchmarks.localpages`, …) lay the pages out; `benchmarks.parsing` runs them."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from benchmarks.conventionpages import Expected
from benchmarks.rmrb import Article, parse_article, root
from storage.ingest.ocr_page import parse_page

TUNED_MONTHS = ("2019年2月", "2019年10月", "2020年1月", "2020年2月")
HELDOUT_MONTHS = ("2020年5月",)  # the held-out families' month: no tuned family draws from it
PAGES_PER_FAMILY = 30
# The first family held out (`benchmarks.paperpages`): its checksum line, printed before any other family
# was held out, names no family.
_FIRST_HELD_OUT = "rmrb_heldout"

Source = TypeVar("Source")


@dataclass
class FamilyPage:
    family: str
    text: str
    year: int
    expected: list[Expected]
    conventions: list[str]  # each story's convention (masthead, wire, feature)

    @classmethod
    def from_lines(
        cls, family: str, lines: list[str], issue: str, expected: list[Expected], conventions: list[str]
    ) -> FamilyPage:
        """The page printed on `issue` (``YYYY-MM-DD``) as `lines`, its blocks one blank line apart."""
        text = re.sub("\n{3,}", "\n\n", "\n".join(lines)).rstrip() + "\n"
        return cls(family, text, int(issue[:4]), expected, conventions)


def month_dir(article: Article) -> str:
    """The month folder the article is filed in (``2019年10月``)."""
    return f"{int(article.key[:4])}年{int(article.key[4:6])}月"


def first_printings(months: tuple[str, ...], keep: Callable[[Article], bool]) -> list[Article]:
    """The stories of `months` that `keep` takes, each once: a story printed on two pages of an issue (the
    same heads and lead) is taken from the first."""
    pool: list[Article] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    for month in months:
        for path in sorted((root() / month).glob("*/*.txt")):
            article = parse_article(path.read_text(encoding="utf-8", errors="ignore"), path.name)
            if article is None or not keep(article):
                continue
            if (article.heads, article.paragraphs[0]) not in seen:
                seen.add((article.heads, article.paragraphs[0]))
                pool.append(article)
    return pool


def by_issue(pool: list[Article], least: int) -> dict[str, list[Article]]:
    """The articles of `pool` by issue (in pool order), issues of at least `least` articles, in date order."""
    grouped: dict[str, list[Article]] = {}
    for article in pool:
        grouped.setdefault(article.issue, []).append(article)
    return {k: v for k, v in sorted(grouped.items()) if len(v) >= least}


def by_page(articles: Iterable[Article]) -> dict[tuple[str, int], list[Article]]:
    """`articles` grouped by the issue and page they were printed on, each group in the order given."""
    pages: dict[tuple[str, int], list[Article]] = {}
    for article in articles:
        pages.setdefault((article.issue, article.page), []).append(article)
    return pages


def issue_runs(
    days: Mapping[Any, list[Article]],
    count: int,
    rng: random.Random,
    least: int,
    most: int,
) -> Iterator[list[Article]]:
    """`count` runs of consecutive articles of one issue (or issue and page) of `days` each, `least` to `most`
    long (at most what the issue holds), drawn with `rng`. A generator: a page composed from one run draws
    from `rng` before the next run is drawn, so pages come out as when each family drew its own."""
    keys = sorted(days)
    for _ in range(count):
        day = list(days[rng.choice(keys)])
        size = min(len(day), rng.randint(least, most))
        start = rng.randint(0, len(day) - size)
        yield day[start : start + size]


def pages_in_seed_order(
    family: str,
    seed: int,
    sources: Sequence[Source],
    count: int,
    compose: Callable[[Source, random.Random], FamilyPage],
    *,
    halves: bool = False,
) -> list[FamilyPage]:
    """`count` pages of `family`, each composed from one of `sources` in an order drawn for `seed` (from the
    first again when `count` exceeds them), with one generator seeded ``family:seed`` for the order and the
    layouts. With `halves`, a seed draws from every other source alone: an odd seed the first of each pair,
    an even seed the second, so the two seeds share no source."""
    if halves:
        sources = sources[(seed - 1) % 2 :: 2]
    rng = random.Random(f"{family}:{seed}")
    order = rng.sample(sources, len(sources))
    return [compose(order[index % len(order)], rng) for index in range(count)]


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def score(page: FamilyPage) -> list[tuple[Expected, dict | None, tuple[str, ...]]]:
    """Each expected story with the parsed one holding its lead, and which fields differ."""
    parsed = parse_page(page.text, year=page.year)
    used: set[int] = set()
    out: list[tuple[Expected, dict | None, tuple[str, ...]]] = []
    for expected in page.expected:
        lead = _key(expected.paragraphs[0])[:40]
        match = next(
            (k for k, a in enumerate(parsed) if k not in used and lead in _key("".join(a.paragraphs))), None
        )
        if match is None:
            out.append((expected, None, ("story",)))
            continue
        used.add(match)
        got = parsed[match]
        wrong = tuple(
            name
            for name, same in (
                ("title", re.sub(r"\s+", " ", got.title) == re.sub(r"\s+", " ", expected.title)),
                ("body", [_key(p) for p in got.paragraphs] == [_key(p) for p in expected.paragraphs]),
                ("date", got.date == expected.date),
                ("byline", tuple(got.reporters) + tuple(got.correspondents) == expected.reporters),
            )
            if not same
        )
        out.append(
            (
                expected,
                {
                    "title": got.title,
                    "paragraphs": got.paragraphs,
                    "date": got.date,
                    "reporters": got.reporters,
                },
                wrong,
            )
        )
    return out


def checksum(pages: list[FamilyPage]) -> str:
    """SHA-256 of the pages' text and truth, in order: the held-out family's fingerprint."""
    digest = hashlib.sha256()
    for page in pages:
        digest.update(page.text.encode("utf-8"))
        for e in page.expected:
            digest.update(repr((e.title, e.paragraphs, e.date, e.reporters)).encode("utf-8"))
    return digest.hexdigest()


def family_figures(pages: list[FamilyPage], *, held_out: bool = False) -> dict:
    """One family's figures, in `format_families`' shape: stories exact, per convention, wrong fields."""
    rows = [
        (kind, wrong)
        for page in pages
        for kind, (_e, _g, wrong) in zip(page.conventions, score(page), strict=True)
    ]
    per: dict[str, list[int]] = {}
    wrong_fields: dict[str, int] = {}
    for kind, wrong in rows:
        per.setdefault(kind, [0, 0])
        per[kind][0] += not wrong
        per[kind][1] += 1
        for name in wrong:
            wrong_fields[name] = wrong_fields.get(name, 0) + 1
    return {
        "pages": len(pages),
        "stories": len(rows),
        "exact": sum(not wrong for _, wrong in rows),
        "conventions": per,
        "wrong": wrong_fields,
        "checksum": checksum(pages),
        "held_out": held_out,
    }


def format_families(result: dict) -> list[str]:
    lines = [
        "| family | stories | exact | share | by convention | wrong fields |",
        "| --- | ---: | ---: | ---: | --- | --- |",
    ]
    for family, row in result.items():
        per = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(row["conventions"].items()))
        wrong = ", ".join(f"{k} {v}" for k, v in sorted(row["wrong"].items())) or "-"
        name = f"{family} (held out)" if row["held_out"] else family
        share = row["exact"] / row["stories"] if row["stories"] else 0.0
        lines.append(f"| {name} | {row['stories']} | {row['exact']} | {share:.1%} | {per} | {wrong} |")
    for family, row in result.items():
        if row["held_out"]:
            name = "" if family == _FIRST_HELD_OUT else f" ({family})"
            lines.append(f"held-out pages checksum{name}: {row['checksum']}")
    return lines


Maker = Callable[[int, int], list[FamilyPage]]


@dataclass(frozen=True)
class PageFamilies:
    """A builder's page families: what makes each one's pages (`count` pages of a seed, the same pages for
    the same seed) and which seed each is read at. The tuned families are read at `seed`, story by story,
    and at `unseen_seed`, where there is one, by their totals alone; the family held out of all tuning, if
    any, at `held_out_seed`, by its totals and checksum alone."""

    makers: Mapping[str, Maker]
    seed: int
    unseen_seed: int | None = None
    held_out: str | None = None
    held_out_seed: int | None = None

    def __post_init__(self) -> None:
        if (self.held_out is None) != (self.held_out_seed is None):
            raise ValueError("a held-out family is made with a seed of its own")

    @property
    def tuned(self) -> tuple[str, ...]:
        return tuple(family for family in self.makers if family != self.held_out)

    def own_seed(self, family: str) -> int:
        """The seed `family` is read at: the held-out family's for it, else the tuned families'."""
        if family == self.held_out and self.held_out_seed is not None:
            return self.held_out_seed
        return self.seed

    def pages(self, family: str, count: int, seed: int | None = None) -> list[FamilyPage]:
        """`count` pages of `family` made with `seed`, else with the family's own."""
        if family not in self.makers:
            raise ValueError(family)
        return self.makers[family](count, self.own_seed(family) if seed is None else seed)

    def figures(self, count: int, seed: int | None = None) -> dict:
        """Figures per family, in `format_families`' shape, the held-out family marked so; with `seed`,
        the tuned families' pages of that seed alone, each named with it."""
        if seed is not None:
            return {
                f"{family} (seed {seed})": family_figures(self.pages(family, count, seed))
                for family in self.tuned
            }
        return {
            family: family_figures(self.pages(family, count), held_out=family == self.held_out)
            for family in self.makers
        }

    def failures(self, family: str, count: int, limit: int) -> list[str]:
        """The first `limit` failing stories of a tuned family, with the page each is on (the held-out
        family's are never shown)."""
        if family == self.held_out:
            raise SystemExit("the held-out family's failures are not shown")
        return failure_lines(self.pages(family, count), family, limit)


def failure_lines(pages: list[FamilyPage], family: str, limit: int) -> list[str]:
    """The first `limit` failing stories of `pages`, with the page they are on."""
    out: list[str] = []
    shown = 0
    for number, page in enumerate(pages):
        for expected, got, wrong in score(page):
            if not wrong or shown >= limit:
                continue
            shown += 1
            out.append(f"[{family} page {number}] wrong: {', '.join(wrong)}; want title: {expected.title}")
            if got is None:
                out.append(f"  lead not found: {expected.paragraphs[0][:50]}")
                continue
            out.append(f"  got title: {got['title']}; date {got['date']} want {expected.date}")
            out.append(f"  reporters {got['reporters']} want {expected.reporters}")
            for want, have in zip(expected.paragraphs, got["paragraphs"], strict=False):
                if _key(want) != _key(have):
                    out += [f"  want para: {want[:70]}", f"  got  para: {have[:70]}"]
                    break
            if len(expected.paragraphs) != len(got["paragraphs"]):
                out.append(f"  paragraphs want {len(expected.paragraphs)} got {len(got['paragraphs'])}")
    return out
