"""Pages rendered to images and read back by Tesseract (chi_sim): the ``rmrb_ocr`` family.

    python -m benchmarks.ocrpages [--quick] [--pages N] [--seed S] [--show K]

People's Daily articles (`benchmarks.rmrb`, months the held-out text family never uses) are set as a
broadsheet page with PIL: the masthead (paper name, date, page number and section, each on a line),
then rows of stories, one story across the three columns or two side by side (two columns and one);
each story's headline (kicker, headline, subtitle) over its text, its body flowed down its columns, its
paragraphs indented two cells. The image is read by ``tesseract IMAGE - -l chi_sim`` the way an OCR
engine reads a page, block by block, so a story's text is cut where a column ends and may continue
after another story's. The truth is the article as printed; the OCR'd text is cached in
``benchmarks/.cache/ocr/`` (by the image's checksum), so later runs need neither PIL nor Tesseract
once the cache holds the pages.

A story is whole when a parsed story's body is at least 0.9 similar to the printed text (difflib, spaces
removed) and within 10% of its length, its title is at least 0.8 similar to the printed header lines, its
date is right where the OCR kept the dateline's date, and its reporters differ by at most one character.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import hashlib
import io
import os
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.pagefamilies import (
    TUNED_MONTHS,
    by_issue,
    month_dir,
)
from benchmarks.rmrb import Article, load_articles
from storage.ingest.ocr_page import parse_page

CACHE = Path(__file__).resolve().parent / ".cache" / "ocr"
FONT_PATHS = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
)
PAGE_WIDTH = 2000
MARGIN = 60
GUTTER = 160
COLUMNS = 3
BODY = 30  # body font size in pixels
HEAD = 46
LINE = 44  # body line pitch


@dataclass
class Truth:
    title: str
    body: str  # whitespace removed
    date: str | None
    reporters: str  # names joined, for the one-character tolerance
    dateline_date: str | None  # month/day as printed (``1月2日``), to tell whether the OCR kept it


@dataclass
class OcrPage:
    key: str
    text: str
    year: int
    truth: list[Truth]


def _font(size: int):  # noqa: ANN202 (PIL types stay out of the signature)
    from PIL import ImageFont

    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    raise SystemExit("no CJK font found: apt-get install fonts-wqy-zenhei")


def _wrap_cells(text: str, per_line: int, indent: int = 2) -> list[str]:
    lines: list[str] = []
    line = "\u3000" * indent
    for ch in text:
        if len(line) >= per_line and ch not in "，。、；：！？）》”’":
            lines.append(line)
            line = ""
        line += ch
    if line:
        lines.append(line)
    return lines


@dataclass(frozen=True)
class PagePlan:
    """What a page prints, before it is drawn: its issue, number and section, and its rows of stories,
    each story with the columns it spans."""

    issue: str
    page_no: int
    section: str
    rows: tuple[tuple[tuple[Article, int], ...], ...]

    @property
    def articles(self) -> list[Article]:
        return [article for row in self.rows for article, _ in row]


def page_plan(articles: list[Article], rng: random.Random, issue: str, page_no: int) -> PagePlan:
    """The rows (one story across the three columns, or two side by side, two columns and one) and the
    section of a page printing `articles`."""
    rows: list[tuple[tuple[Article, int], ...]] = []
    queue = list(articles)
    while queue:
        if len(queue) >= 2 and rng.random() < 0.6:
            wide = rng.choice((0, 1))
            rows.append(((queue.pop(0), 2 if wide == 0 else 1), (queue.pop(0), 1 if wide == 0 else 2)))
        else:
            rows.append(((queue.pop(0), COLUMNS),))
    section = rng.choice(("要闻", "经济", "社会", "国际"))
    return PagePlan(issue, page_no, section, tuple(rows))


def render(page: PagePlan) -> bytes:
    from PIL import Image, ImageDraw

    body_font, head_font, mast_font, small_font = _font(BODY), _font(HEAD), _font(72), _font(30)
    column_width = (PAGE_WIDTH - 2 * MARGIN - (COLUMNS - 1) * GUTTER) // COLUMNS
    per_line = column_width // BODY
    rows, issue, page_no = page.rows, page.issue, page.page_no

    def story_lines(article: Article, span: int) -> list[list[tuple[str, Any, int]]]:
        width_px = span * column_width + (span - 1) * GUTTER
        head_cells = width_px // HEAD
        heads: list[tuple[str, Any, int]] = []
        for index, head in enumerate(article.heads):
            font, pitch = (
                (head_font, 64)
                if index == len(article.heads) - 1 or len(article.heads) == 1
                else (
                    small_font,
                    44,
                )
            )
            if len(article.heads) >= 2 and index == 1:
                font, pitch = head_font, 64
            for piece in _wrap_cells(head, head_cells if font is head_font else width_px // 30, indent=0):
                heads.append((piece, font, pitch))
        body: list[tuple[str, Any, int]] = []
        if article.byline_line:
            body.append((article.byline_line, body_font, LINE))
        for paragraph in article.paragraphs:
            body += [(line, body_font, LINE) for line in _wrap_cells(paragraph, per_line)]
        per_column = -(-len(body) // span)
        columns = [body[i * per_column : (i + 1) * per_column] for i in range(span)]
        return [heads, *columns]

    y = MARGIN
    image_height = 200
    laid: list[tuple[int, int, list[tuple[str, Any, int]]]] = []
    rules: list[tuple[int, int, int]] = []
    for row in rows:
        x = MARGIN
        row_height = 0
        for article, span in row:
            heads, *columns = story_lines(article, span)
            head_height = sum(p for _, _, p in heads) + 20
            laid.append((x, y, heads))
            for c, column in enumerate(columns):
                laid.append((x + c * (column_width + GUTTER), y + head_height, column))
            height = head_height + max((sum(p for _, _, p in col) for col in columns), default=0)
            # A column rule between this story's columns, as broadsheets print them.
            for c in range(1, span):
                rule_x = x + c * (column_width + GUTTER) - GUTTER // 2
                rules.append((rule_x, y + head_height, y + height))
            row_height = max(row_height, height)
            x += span * (column_width + GUTTER)
        y += row_height + 50
        image_height = y
    masthead_height = 260
    image = Image.new("L", (PAGE_WIDTH, image_height + masthead_height + MARGIN), 255)
    draw = ImageDraw.Draw(image)
    year, month, day = (int(v) for v in issue.split("-"))
    import datetime

    weekday = "一二三四五六日"[datetime.date(year, month, day).weekday()]
    draw.text((MARGIN, 20), "人民日报", font=mast_font, fill=0)
    draw.text((MARGIN, 110), f"{year}年{month}月{day}日 星期{weekday}", font=small_font, fill=0)
    draw.text((MARGIN, 160), f"第{page_no}版  {page.section}", font=small_font, fill=0)
    draw.line((MARGIN, 220, PAGE_WIDTH - MARGIN, 220), fill=0, width=3)
    for x, top, bottom in rules:
        draw.line((x, top + masthead_height, x, bottom + masthead_height), fill=0, width=2)
    for x, top, lines in laid:
        yy = top + masthead_height
        for text, font, pitch in lines:
            draw.text((x, yy), text, font=font, fill=0)
            yy += pitch
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(300, 300))
    return out.getvalue()


# The sets of OCR'd pages: (name, seed, pages). Seeds 1, 3 and 4 were looked at while tuning the parser
# (seed 4 from the tenth pass on, read once before any change); seed 2 (`UNTUNED`) never was: only its
# total is printed.
TUNED_SETS = (("rmrb_ocr", 1, 16), ("rmrb_ocr3", 3, 20), ("rmrb_ocr4", 4, 22))
UNTUNED = ("rmrb_ocr_untuned", 2, 12)
# Fresh pages of the same generator, to tell whether a change to the joiners holds on pages nobody tuned
# on (the tuned sets overstate it: fresh seeds read 57% and 67% where the tuned sets read 79-97%).
# Seed 5 may be looked at story by story (`benchmarks.ocrjoins --set rmrb_ocr_fresh5`); seeds 6 and 7
# are the fresh check: only their totals are printed.
FRESH_TUNING = ("rmrb_ocr_fresh5", 5, 12)
FRESH_CHECK = (("rmrb_ocr_fresh6", 6, 12), ("rmrb_ocr_fresh7", 7, 12))


class OcrUnavailable(RuntimeError):
    """A page is not in the cache and Tesseract is not installed to read it."""


def missing() -> str | None:
    """Why the OCR'd pages cannot be made here (Pillow renders them; Tesseract, or the cache of what it
    read, gives their text), or None. Whether the cache holds a given set shows only once its pages are
    rendered: `make_pages` raises `OcrUnavailable` for a page neither cached nor readable."""
    import importlib.util

    if importlib.util.find_spec("PIL") is None:
        return "Pillow is not installed (the bench extra)"
    if shutil.which("tesseract") is None and not any(CACHE.glob("*.txt")):
        return "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim) and no cache"
    return None


def ocr(png: bytes) -> str:
    key = hashlib.sha256(png).hexdigest()[:24]
    cached = CACHE / f"{key}.txt"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    if shutil.which("tesseract") is None:
        raise OcrUnavailable(
            "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim) "
            f"and page {key} is not in {CACHE}"
        )
    done = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", "chi_sim"], input=png, capture_output=True, check=True
    )
    text = done.stdout.decode("utf-8")
    CACHE.mkdir(parents=True, exist_ok=True)
    # Written whole, then renamed: a run beside this one never reads half a page.
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(cached)
    return text


def _squash(text: str) -> str:
    """Text as compared: spaces removed, full-width forms folded (``（`` → ``(``) and curly quotes
    straightened, as search normalises them; what an OCR engine prints for the same mark counts once."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text.translate(_QUOTES))


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-"})


def chosen_pages(count: int, seed: int) -> list[PagePlan]:
    """The plans of a set's pages, in order (nothing drawn)."""
    days = issues()
    dates = sorted(days)
    rng = random.Random(f"rmrb_ocr:{seed}")
    plans: list[PagePlan] = []
    for _ in range(count):
        issue = rng.choice(dates)
        chosen = rng.sample(days[issue], rng.randint(3, 4))
        plans.append(page_plan(chosen, rng, issue, rng.randint(2, 12)))
    return plans


def make_pages(count: int, seed: int) -> list[OcrPage]:
    pages: list[OcrPage] = []
    for number, page in enumerate(chosen_pages(count, seed)):
        truth = [truth_of(a) for a in page.articles]
        pages.append(OcrPage(f"{seed}-{number}", ocr(render(page)), int(page.issue[:4]), truth))
    return pages


def truth_of(article: Article) -> Truth:
    """What a page printing `article` should give back: its header lines, text, date and reporters."""
    first = article.paragraphs[0][:20]
    return Truth(
        title=" ".join(article.heads),
        body=_squash("".join(article.paragraphs)),
        date=article.date,
        reporters="".join(article.reporters),
        dateline_date=(m[0] if article.date and (m := re.search(r"\d{1,2}月\d{1,2}日", first)) else None),
    )


@functools.cache
def issues(months: tuple[str, ...] = TUNED_MONTHS) -> dict[str, list[Article]]:
    """The articles a page may hold (at most 8 paragraphs) by issue date, issues of at least 4 only; read
    once a process (callers sample from it, never change it)."""
    pool = [a for a in load_articles(months) if month_dir(a) in months and len(a.paragraphs) <= 8]
    return by_issue(pool, 4)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def one_span(page: OcrPage) -> list[bool]:
    """For each story, whether the OCR kept its text in one run of blocks (no other story's text inside)."""
    blocks = [_squash(b) for b in re.split(r"\n\s*\n", page.text) if _squash(b)]
    grams = [_bigrams(t.body) for t in page.truth]
    owners: list[int] = []
    for block in blocks:
        mine = _bigrams(block)
        if len(block) < 30 or not mine:
            continue
        shares = [len(mine & g) / len(mine) for g in grams]
        best = max(range(len(shares)), key=shares.__getitem__)
        if shares[best] >= 0.6:
            owners.append(best)
    out = []
    for k in range(len(page.truth)):
        places = [i for i, owner in enumerate(owners) if owner == k]
        out.append(bool(places) and all(owners[i] == k for i in range(places[0], places[-1] + 1)))
    return out


def score_page(page: OcrPage) -> list[tuple[bool, bool, str]]:
    """(whole, kept in one span, what was wrong) for each printed story."""
    parsed = parse_page(page.text, year=page.year)
    bodies = [_squash("".join(a.paragraphs)) for a in parsed]
    spans = one_span(page)
    out = []
    used: set[int] = set()
    for truth, span in zip(page.truth, spans, strict=True):
        grams = _bigrams(truth.body)
        candidates = sorted(
            (k for k in range(len(parsed)) if k not in used),
            key=lambda k: -len(_bigrams(bodies[k]) & grams),
        )
        if not candidates:
            out.append((False, span, "story"))
            continue
        k = candidates[0]
        used.add(k)
        got = parsed[k]
        wrong = []
        if _ratio(bodies[k], truth.body) < 0.9 or abs(len(bodies[k]) - len(truth.body)) > 0.1 * len(
            truth.body
        ):
            wrong.append("body")
        if _ratio(_squash(got.title), _squash(truth.title)) < 0.8:
            wrong.append("title")
        if truth.dateline_date and truth.dateline_date in _squash(page.text) and got.date != truth.date:
            wrong.append("date")
        reporters = "".join(got.reporters) + "".join(got.correspondents)
        if truth.reporters and (
            abs(len(reporters) - len(truth.reporters)) > 1
            or sum(a != b for a, b in zip(reporters, truth.reporters, strict=False)) > 1
        ):
            wrong.append("byline")
        out.append((not wrong, span, ",".join(wrong)))
    return out


def run(pages: list[OcrPage]) -> dict:
    rows = [r for page in pages for r in score_page(page)]
    spanned = [r for r in rows if r[1]]
    scattered = [r for r in rows if not r[1]]
    wrong: dict[str, int] = {}
    for r in rows:
        for name in filter(None, r[2].split(",")):
            wrong[name] = wrong.get(name, 0) + 1
    return {
        "pages": len(pages),
        "stories": len(rows),
        "whole": sum(r[0] for r in rows),
        "one_span": len(spanned),
        "one_span_whole": sum(r[0] for r in spanned),
        "scattered": len(scattered),
        "scattered_whole": sum(r[0] for r in scattered),
        "wrong": wrong,
    }


def text_under_key(index: Path) -> str | None:
    """The OCR'd text an index file in the cache points to (a page drawn by another generator, keyed by
    what drew it; the text beside it, by the image's checksum); None when the index or its text is not there."""
    if not index.exists():
        return None
    text = index.parent / f"{index.read_text(encoding='utf-8').strip()}.txt"
    return text.read_text(encoding="utf-8") if text.exists() else None


def print_pages(pages: list[OcrPage], *, failures: bool, show: int) -> None:
    """A tuned set's failing stories (page, one span or scattered, the wrong fields, the printed title) when
    `failures`, then the OCR text of its first `show` pages."""
    if failures:
        for page in pages:
            for truth, (whole, span, wrong) in zip(page.truth, score_page(page), strict=True):
                if not whole:
                    print(f"{page.key} {'one span' if span else 'scattered'} {wrong}: {truth.title}")
    for page in pages[:show]:
        print(f"----- {page.key}\n{page.text}")


def format_report(result: dict, name: str = "rmrb_ocr") -> str:
    return (
        f"{name}: {result['whole']}/{result['stories']} stories whole on {result['pages']} pages; "
        f"kept in one span {result['one_span_whole']}/{result['one_span']}, "
        f"scattered {result['scattered_whole']}/{result['scattered']}; wrong: "
        + (", ".join(f"{k} {v}" for k, v in sorted(result["wrong"].items())) or "-")
    )


def format_total(result: dict, name: str) -> str:
    """A set's totals only, for the sets whose stories are never looked at one by one."""
    return (
        f"{name}: {result['whole']}/{result['stories']} stories whole on {result['pages']} pages; "
        f"kept in one span {result['one_span_whole']}/{result['one_span']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="4 pages instead of 16")
    parser.add_argument("--pages", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, metavar="K", help="print the OCR text of K pages")
    args = parser.parse_args(argv)
    try:
        pages = make_pages(args.pages or (4 if args.quick else 16), args.seed)
    except OcrUnavailable as error:
        raise SystemExit(str(error)) from error
    print(format_report(run(pages)))
    for page in pages[: args.show]:
        print(f"----- {page.key}\n{page.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
