"""Real published news for evaluations: the CCTV 《新闻联播》 transcripts of github:yuekcc/cctv_news.

Nothing here is written by newsbot's developers, which is the point: parser and answer evaluations run
on text whose conventions nobody here chose. The corpus stays out of the repository. Give its location as
a checkout folder or a bare git directory of that repository (``NEWSBOT_REALNEWS`` or ``--realnews``);
the stories are read once into ``benchmarks/.cache/realnews-v1.jsonl`` and read from there afterwards.

    python -m benchmarks.realnews --realnews PATH   # build the cache and print how many stories it holds

Each story: ``{"date": "YYYY-MM-DD", "title": ..., "paragraphs": [...], "url": ...}``. The daily summary
block, the "查看原文" links and the closing programme line are dropped; stories whose paragraphs are
fewer than 2 or shorter than 80 characters in all are left out (briefs with no body).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
CACHE_FILE = CACHE_DIR / "realnews-v1.jsonl"
ENV = "NEWSBOT_REALNEWS"

_DAY_FILE = re.compile(r"news/(\d{4})(\d{2})(\d{2})\.md$")
_LINK = re.compile(r"^\[查看原文\]\((\S+)\)\s*$")
_LEAD = re.compile(r"^\*\*央视网消息\*\*（新闻联播）：")
_MARKUP = re.compile(r"<!--.*?-->|<[^>]+>|!\[[^\]]*\]\([^)]*\)")


@dataclass(frozen=True)
class Story:
    date: str
    title: str
    paragraphs: list[str]
    url: str | None = None

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def parse_day(markdown: str, date: str) -> list[Story]:
    """The stories under ``## 详细新闻`` of one day's file."""
    _, _, detail = markdown.partition("## 详细新闻")
    stories: list[Story] = []
    for block in re.split(r"^### ", detail, flags=re.M)[1:]:
        lines = block.splitlines()
        title = lines[0].strip()
        paragraphs: list[str] = []
        url = None
        for raw in lines[1:]:
            line = raw.strip()
            if not line:
                continue
            if m := _LINK.match(line):
                url = m.group(1)
                continue
            line = _MARKUP.sub("", _LEAD.sub("", line)).replace("**", "").strip()
            if line:
                paragraphs.append(line)
        if title and len(paragraphs) >= 2 and sum(map(len, paragraphs)) >= 80:
            stories.append(Story(date=date, title=title, paragraphs=paragraphs, url=url))
    return stories


def _day_files(source: Path) -> Iterator[tuple[str, str]]:
    """(date, markdown) for every day file, from a checkout folder or a bare git directory."""
    news = source / "news"
    if news.is_dir():
        for path in sorted(news.glob("*.md")):
            if m := _DAY_FILE.search(path.as_posix()):
                yield f"{m[1]}-{m[2]}-{m[3]}", path.read_text(encoding="utf-8")
        return
    names = subprocess.run(
        ["git", "-C", str(source), "ls-tree", "-r", "--name-only", "HEAD", "news/"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for name in sorted(names):
        if m := _DAY_FILE.search(name):
            text = subprocess.run(
                ["git", "-C", str(source), "show", f"HEAD:{name}"], check=True, capture_output=True
            ).stdout.decode("utf-8", "replace")
            yield f"{m[1]}-{m[2]}-{m[3]}", text


def build_cache(source: Path, cache_file: Path = CACHE_FILE) -> int:
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache_file.with_suffix(".tmp")
    n = 0
    with tmp.open("w", encoding="utf-8") as out:
        for date, markdown in _day_files(source):
            for story in parse_day(markdown, date):
                out.write(json.dumps(asdict(story), ensure_ascii=False) + "\n")
                n += 1
    tmp.replace(cache_file)
    return n


def load_stories(source: str | Path | None = None, cache_file: Path = CACHE_FILE) -> list[Story]:
    """Every story, from the cache (built from `source` or ``$NEWSBOT_REALNEWS`` when missing)."""
    if not cache_file.exists():
        where = source or os.environ.get(ENV)
        if not where:
            raise SystemExit(
                f"real news corpus not cached: pass --realnews PATH (a checkout or git directory of "
                f"yuekcc/cctv_news) or set {ENV}"
            )
        build_cache(Path(where), cache_file)
    with cache_file.open(encoding="utf-8") as fh:
        return [Story(**json.loads(line)) for line in fh if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realnews", default=os.environ.get(ENV), help="checkout or git dir of cctv_news")
    args = parser.parse_args(argv)
    if not args.realnews:
        parser.error(f"--realnews PATH or {ENV} is required")
    n = build_cache(Path(args.realnews))
    print(f"{n} stories cached in {CACHE_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
