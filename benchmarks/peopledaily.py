"""Real published news of another outlet for evaluations: 《人民日报》 (People's Daily) articles of 2019–2020.

The articles come from the archives of github:caspiankexin/people-daily-crawler-date (one 7z archive a
month: ``2019年数据/2019年10月.7z`` and others; one text file an article,
``<YYYYMMDD>/<YYYYMMDD>-<page>-<n>.txt``). Its newest commit no longer holds the archives: they are read
from the repository's history. Nothing here is written by newsbot's developers, and the paper's style
(a kicker, a headline and a subtitle above the text; ``本报北京1月2日电（记者某某）`` datelines; long
features and commentary) is not CCTV's. The corpus stays out of the repository: give a folder of the
unpacked archives, or the repository's git directory, with ``--peopledaily`` or ``NEWSBOT_PEOPLEDAILY``;
the archives are unpacked into ``benchmarks/.cache/rmrb`` (where `benchmarks.rmrb` reads them for the
page families) and the articles read once into ``benchmarks/.cache/peopledaily-v1.jsonl``.

    python -m benchmarks.peopledaily --peopledaily PATH   # build the cache, print how many articles

Each article: ``{"key": "20200102-03-01", "date": "2020-01-02", "page": 3, "title": ...,
"headers": [...], "paragraphs": [...]}``. ``title`` is the header block as one line (kicker, headline
and subtitle joined by spaces, the dashes that mark kicker and subtitle dropped); ``headers`` are the
header lines as printed. Articles with fewer than 2 paragraphs or under 120
characters are left out (picture captions, tables of contents).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.common import BenchmarkError

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
CACHE_FILE = CACHE_DIR / "peopledaily-v1.jsonl"
RAW_DIR = CACHE_DIR / "rmrb"  # the unpacked archives: month folders of article files
ENV = "NEWSBOT_PEOPLEDAILY"

_FILE = re.compile(r"(\d{4})(\d{2})(\d{2})-(\d{2})-(\d{2})\.txt$")


@dataclass(frozen=True)
class Article:
    key: str
    date: str
    page: int
    title: str
    headers: list[str]
    paragraphs: list[str]

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def headline(headers: list[str]) -> str:
    """The kicker / headline / subtitle block as one line."""
    return " ".join(h.strip("—").strip() for h in headers if h.strip("—").strip())


def parse_article(text: str, name: str) -> Article | None:
    m = _FILE.search(name)
    if m is None:
        return None
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    headers: list[str] = []
    paragraphs: list[str] = []
    for line in lines:
        if not line.strip():
            continue
        # paragraphs are indented with full-width spaces; header lines are not
        if line.startswith("\u3000") or paragraphs:
            paragraphs.append(line.strip().strip("\u3000").strip())
        else:
            headers.append(" ".join(line.split()))
    paragraphs = [p for p in paragraphs if p]
    title = headline(headers)
    if not title or len(paragraphs) < 2 or sum(map(len, paragraphs)) < 120:
        return None
    return Article(
        key=f"{m[1]}{m[2]}{m[3]}-{m[4]}-{m[5]}",
        date=f"{m[1]}-{m[2]}-{m[3]}",
        page=int(m[4]),
        title=title,
        headers=headers,
        paragraphs=paragraphs,
    )


def _texts(source: Path) -> Iterator[tuple[str, str]]:
    """(file name, text) of every article file under a folder, or in the archives of a git directory."""
    if not (source / "HEAD").exists() or any(source.rglob("*.txt")):
        for path in sorted(source.rglob("*.txt")):
            yield path.name, path.read_text(encoding="utf-8", errors="replace")
        return
    py7zr = _py7zr()
    listing = subprocess.run(
        ["git", "-C", str(source), "cat-file", "--batch-all-objects", "--batch-check"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\n")
    for row in listing:
        parts = row.split()
        if len(parts) != 3 or parts[1] != "blob" or int(parts[2]) < 1_000_000:
            continue
        blob = subprocess.run(["git", "-C", str(source), "cat-file", "blob", parts[0]], capture_output=True)
        if not blob.stdout.startswith(b"7z\xbc\xaf\x27\x1c"):
            continue
        # unpacked where `benchmarks.rmrb` reads the article files for the page families
        py7zr.SevenZipFile(io.BytesIO(blob.stdout)).extractall(RAW_DIR)
    for path in sorted(RAW_DIR.rglob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8", errors="replace")


def _py7zr() -> Any:
    """The py7zr module (only needed to unpack the repository's archives: the bench extra), or a
    `BenchmarkError` saying what to install."""
    try:
        import py7zr
    except ModuleNotFoundError as error:
        raise BenchmarkError(
            "unpacking the People's Daily archives needs py7zr, in the bench extra: "
            "pip install -e '.[bench]' (or pip install py7zr)"
        ) from error
    return py7zr


def build_cache(source: Path, cache_file: Path = CACHE_FILE) -> int:
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    articles = []
    for name, text in _texts(source):
        article = parse_article(text, name)
        if article is not None and article.key not in seen:
            seen.add(article.key)
            articles.append(article)
    articles.sort(key=lambda a: a.key)
    tmp = cache_file.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
    tmp.replace(cache_file)
    return len(articles)


def load_articles(
    source: str | Path | None = None, cache_file: Path = CACHE_FILE, months: Iterable[str] | None = None
) -> list[Article]:
    """Every article, from the cache (built from `source` or ``$NEWSBOT_PEOPLEDAILY`` when missing); with
    `months` (``"2020-01"`` and so on), only the articles of those months. The cache itself always holds
    every article read (9,295 for the archives above), whatever `months` a caller asks for."""
    if not cache_file.exists():
        where = source or os.environ.get(ENV)
        if not where:
            raise SystemExit(
                f"People's Daily corpus not cached: pass --peopledaily PATH (the unpacked archives or a git "
                f"directory of caspiankexin/people-daily-crawler-date) or set {ENV}"
            )
        build_cache(Path(where), cache_file)
    with cache_file.open(encoding="utf-8") as fh:
        articles = [Article(**json.loads(line)) for line in fh if line.strip()]
    if months is None:
        return articles
    wanted = set(months)
    return [a for a in articles if a.date[:7] in wanted]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--peopledaily", default=os.environ.get(ENV), help="archives folder or git dir")
    args = parser.parse_args(argv)
    if not args.peopledaily:
        parser.error(f"--peopledaily PATH or {ENV} is required")
    try:
        n = build_cache(Path(args.peopledaily))
    except BenchmarkError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{n} articles cached in {CACHE_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
