"""Real published news from another outlet: People's Daily (人民日报) articles, one file each.

The corpus stays out of the repository. Give its folder as ``NEWSBOT_RMRB`` (default
``benchmarks/.cache/rmrb``, gitignored, where ``python -m benchmarks.peopledaily --peopledaily GIT_DIR``
unpacks the archives of github:caspiankexin/people-daily-crawler-date): month folders, day folders, files ``<YYYYMMDD>-<page>-<n>.txt``. Each file has
its header lines (kicker / headline / subtitle, some empty), then paragraphs indented with full-width
spaces. Wire-style stories open with a dateline and their reporters in brackets
(``本报北京1月2日电  （记者王某、李某）``); features carry ``本报记者  王某`` on a line of their own.

Nothing here was written by newsbot's developers; the page families in `benchmarks.paperpages` lay these
articles out as newspaper pages and keep the truth from the files.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from benchmarks.peopledaily import RAW_DIR

ENV = "NEWSBOT_RMRB"
DEFAULT_ROOT = RAW_DIR

_FILE_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})-(\d{2})-(\d{2})\.txt$")
_DATELINE_RE = re.compile(
    r"^(?:本报|新华社)([\u4e00-\u9fff]{0,8}?)(\d{1,2})月(\d{1,2})日电\s*(?:（([^）]{2,30})）)?"
)
_BYLINE_LINE_RE = re.compile(r"^(?:本报记者|记者)\s+([\u4e00-\u9fff][\u4e00-\u9fff\s、]{1,20})$")
_SENTENCE_END_RE = re.compile("[。！？”…）]$")


@dataclass(frozen=True)
class Article:
    key: str  # the file's name without .txt
    issue: str  # the paper's date, YYYY-MM-DD
    page: int
    heads: tuple[str, ...]  # header lines as printed: kicker, headline, subtitle (non-empty ones)
    paragraphs: tuple[str, ...]  # as printed, indents removed, non-breaking spaces as spaces
    date: str | None  # from its dateline, else None
    reporters: tuple[str, ...]
    byline_line: str | None  # a ``本报记者  王某`` paragraph, removed from `paragraphs`


def root() -> Path:
    return Path(os.environ.get(ENV) or DEFAULT_ROOT)


def available() -> bool:
    return root().is_dir()


def _names(text: str) -> tuple[str, ...]:
    """``王某、李某`` → (王某, 李某); a two-character name padded to three cells (``张  枨``) is one name."""
    out: list[str] = []
    for piece in re.split("[、，,]", text):
        name = re.sub(r"\s+", "", piece)
        if name:
            out.append(name)
    return tuple(out)


def parse_article(text: str, name: str) -> Article | None:
    match = _FILE_RE.match(name)
    if not match:
        return None
    year, month, day, page = (int(match[i]) for i in range(1, 5))
    lines = text.replace("\r", "").replace("\ufeff", "").split("\n")
    heads: list[str] = []
    paragraphs: list[str] = []
    for raw in lines:
        line = raw.replace("\xa0", " ")
        if line.startswith("\u3000") or paragraphs:
            stripped = line.strip(" \u3000\t")
            if stripped:
                paragraphs.append(stripped)
        elif line.strip():
            heads.append(re.sub(r"\s+", " ", line.strip()))
    if not heads or not paragraphs:
        return None
    byline_line = None
    reporters: tuple[str, ...] = ()
    for index, paragraph in enumerate(paragraphs[:2]):
        if found := _BYLINE_LINE_RE.match(paragraph):
            byline_line = paragraph
            reporters = _names(found[1].replace("  ", "、") if "  " in found[1].strip() else found[1])
            if len(found[1].replace(" ", "")) <= 3:
                reporters = (found[1].replace(" ", ""),)
            del paragraphs[index]
            break
    story_date = None
    if dateline := _DATELINE_RE.match(paragraphs[0] if paragraphs else ""):
        m, d = int(dateline[2]), int(dateline[3])
        y = year - 1 if (m, d) > (month, day) else year
        story_date = f"{y:04d}-{m:02d}-{d:02d}"
        if dateline[4] and dateline[4].startswith("记者"):
            reporters = _names(dateline[4][2:])
    return Article(
        key=name[:-4],
        issue=f"{year:04d}-{month:02d}-{day:02d}",
        page=page,
        heads=tuple(heads),
        paragraphs=tuple(paragraphs),
        date=story_date,
        reporters=reporters,
        byline_line=byline_line,
    )


def suitable(article: Article) -> bool:
    """A news story a page can hold whole: 120–900 characters of prose, no photo-only item, no table,
    headline lines of at most 24 characters."""
    size = sum(map(len, article.paragraphs))
    if not 120 <= size <= 900 or len(article.paragraphs) < 2:
        return False
    if any(len(h) > 24 for h in article.heads) or not any(len(h) >= 4 for h in article.heads):
        return False
    if any(p.startswith(("图为", "图①", "图片", "制图", "数据来源", "版式设计")) for p in article.paragraphs):
        return False
    if any(p.endswith("摄") or "（人民视觉）" in p or "\t" in p for p in article.paragraphs):
        return False
    if not _SENTENCE_END_RE.search(article.paragraphs[-1]):
        return False
    # Paragraphs too short to be prose and not sub-headings: lists and tables.
    short = [p for p in article.paragraphs if len(p) < 24 and not re.search("[。！？]$", p)]
    return len(short) <= 2 and len(article.heads) <= 3


def load_articles(months: tuple[str, ...] | None = None) -> list[Article]:
    """Every suitable article, in file-name order; `months` like ``("2020年5月",)`` restricts them."""
    base = root()
    articles: list[Article] = []
    for month_dir in sorted(base.iterdir()) if base.is_dir() else []:
        if months is not None and month_dir.name not in months:
            continue
        for path in sorted(month_dir.glob("*/*.txt")):
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            article = parse_article(text, path.name)
            if article is not None and suitable(article):
                articles.append(article)
    return articles
