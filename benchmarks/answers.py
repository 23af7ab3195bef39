"""Answers people want (issue 15): a judged set of questions on real news, asked through the chat.

    python -m benchmarks.answers [--quick] [--json PATH]

The judged set (`benchmarks/answers_judged.json`) was written by reading CCTV 《新闻联播》 stories of 2026
(`benchmarks.realnews`): each question names the story it is about (title and date) and the fact a
good answer holds, copied from the story. Kinds: who / when / where / howmany / which / what / why
questions, small talk and how-to messages, date-only questions with a fixed "today", questions with a
relative date, keyboard slips of names in the stories, and OR queries.

The database holds the 2026 stories (2,736; `--quick`: the judged stories plus 600 others), built
once into `benchmarks/.cache/` (never committed). Every message goes through `Conversation`, the
layer Telegram and `newsbot chat` share; search figures read the `SearchResponse` behind the reply.

Figures per kind:
- top right: the first result is the judged story, or another story that holds the judged fact;
- answer has fact: the answer shown (1–3 sentences) contains the judged fact;
- small talk: answered conversationally with the intent judged (no search);
- dates: every listed story is dated in the judged range (or, for an empty day, the reply says so
  and offers the most recent day with news);
- slips: the query is corrected to the judged word and the judged story comes first;
- false corrections: questions whose own words find results but were corrected anyway (target 0).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.realnews import CACHE_DIR, Story, load_stories

JUDGED = Path(__file__).resolve().parent / "answers_judged.json"
FACT_KINDS = ("who", "when", "where", "howmany", "which", "what", "why", "date_topic")
ZONE = ZoneInfo("Asia/Shanghai")
QUICK_OTHERS = 600


def load_judged(path: Path = JUDGED) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _key(title: str, day: str) -> tuple[str, str]:
    return (" ".join(title.split()), day)


def check_judged(items: list[dict], stories: dict[tuple[str, str], Story]) -> None:
    """Every judged story exists and holds its judged fact (or the judged word of a slip)."""
    for item in items:
        for title, day in _stories_of(item):
            story = stories.get(_key(title, day))
            if story is None:
                raise SystemExit(f"judged story not in the corpus: {day} {title}")
            fact = item.get("fact") or item.get("fix")
            if fact and fact not in story.title + "\n" + story.body:
                raise SystemExit(f"judged fact {fact!r} not in {day} {title}")


def _stories_of(item: dict) -> list[tuple[str, str]]:
    if item["kind"] == "or":
        return [(t, d) for d, t in item["stories"]]
    if "title" in item:
        return [(item["title"], item["date"])]
    return []


def select_stories(all_stories: list[Story], items: list[dict], quick: bool) -> list[Story]:
    year = [s for s in all_stories if s.date.startswith("2026-")]
    if not quick:
        return year
    wanted = {_key(t, d) for item in items for t, d in _stories_of(item)}
    judged = [s for s in year if _key(s.title, s.date) in wanted]
    others = [s for s in year if _key(s.title, s.date) not in wanted]
    rng = random.Random(15)
    # the last weeks whole, so that the date-only questions have their days
    recent = [s for s in others if s.date >= "2026-08-09"]
    rest = [s for s in others if s.date < "2026-08-09"]
    return judged + recent + rng.sample(rest, min(QUICK_OTHERS, len(rest)))


def build_db(stories: list[Story]) -> Path:
    """The database of `stories` (cached by content under benchmarks/.cache)."""
    from storage.database.connection import open_db
    from storage.ingest.pipeline import ingest_file

    lines = [
        json.dumps(
            {"title": s.title, "date": s.date, "paragraphs": s.paragraphs, "url": s.url}, ensure_ascii=False
        )
        for s in sorted(stories, key=lambda s: (s.date, s.title))
    ]
    digest = hashlib.sha1("\n".join(lines).encode()).hexdigest()[:12]
    path = CACHE_DIR / f"answers-{digest}.db"
    if path.exists():
        return path
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "stories.jsonl"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        partial = path.with_suffix(".tmp")
        partial.unlink(missing_ok=True)
        db = open_db(partial)
        try:
            result = ingest_file(db, src, source="CCTV 新闻联播")
            if result.status != "ok":
                raise SystemExit(f"ingest failed: {result}")
        finally:
            db.close()
        partial.replace(path)
    return path


def _fold(s: str) -> str:
    from storage.text.normalize import normalize

    return normalize(s).replace(" ", "")


def run(quick: bool) -> dict:
    from bot.chat.conversation import Who
    from bot.chat.intents import detect_intent
    from bot.chat.replies import PLAIN
    from bot.services import open_services
    from bot.settings import Settings

    items = load_judged()
    all_stories = load_stories()
    by_key = {_key(s.title, s.date): s for s in all_stories}
    check_judged(items, by_key)
    stories = select_stories(all_stories, items, quick)
    started = time.perf_counter()
    db_path = build_db(stories)
    built = time.perf_counter() - started
    services = open_services(
        Settings(_env_file=None, db=db_path, seeds=Path("/nonexistent")),  # type: ignore[call-arg]
        markup=PLAIN,
        seed=False,
    )
    conv = services.conversation
    library = services.library
    who = Who(user_id=1, lang="zh")
    today_default = date(2026, 8, 22)

    def at(day: date) -> None:
        moment = datetime(day.year, day.month, day.day, 12, 0, tzinfo=ZONE)
        conv.clock = lambda: moment

    per_kind: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[dict] = []
    false_corrections = 0
    timings: list[float] = []
    for item in items:
        kind = item["kind"]
        stats = per_kind[kind]
        stats["n"] += 1
        today = date.fromisoformat(item.get("today", today_default.isoformat()))
        at(today)
        q = item["q"]
        if kind == "smalltalk":
            intent = detect_intent(q)
            (reply,) = conv.text(q, who)
            ok = intent is not None and intent.name == item["intent"] and not reply.text.startswith("🔎")
            ok = ok and "没有找到" not in reply.text
            stats["ok"] += ok
            if not ok:
                misses.append({"q": q, "kind": kind, "got": reply.text[:80]})
            continue
        if kind == "date":
            replies = conv.text(q, who)
            text = "\n".join(r.text for r in replies)
            listed = [line.split(" · ")[0] for line in text.split("\n") if " · /article " in line]
            if item["from"] == "NONE":
                ok = "没有" in text and item["to"] in text
            else:
                ok = bool(listed) and all(item["from"] <= d <= item["to"] for d in listed)
            stats["ok"] += ok
            if not ok:
                misses.append({"q": q, "kind": kind, "today": str(today), "got": text[:160]})
            continue
        t0 = time.perf_counter()
        resp = library.search(q, limit=10, offset=0, today=today)
        timings.append(time.perf_counter() - t0)
        conv.text(q, who)  # the reply the user sees is built from the same response
        if kind == "slip":
            # a name alone is in several stories: the judged one must be among the results shown
            fixed = [c.replacement for c in resp.corrections]
            shown = {_key(h.title, h.date or "") for h in resp.hits}
            ok = item["fix"] in fixed and _key(item["title"], item["date"]) in shown
            stats["ok"] += ok
            if not ok:
                misses.append({"q": q, "kind": kind, "fixed": fixed, "top": _top(resp)})
            continue
        if kind == "or":
            got = {_key(h.title, h.date or "") for h in resp.hits}
            ok = all(_key(t, d) in got for d, t in item["stories"])
            stats["ok"] += ok
            if not ok:
                misses.append({"q": q, "kind": kind, "got": [h.title for h in resp.hits[:5]]})
            continue
        # a question with a judged fact
        fact = _fold(item["fact"])
        top = resp.hits[0] if resp.hits else None
        strict = top is not None and _key(top.title, top.date or "") == _key(item["title"], item["date"])
        lenient = strict
        if top is not None and not strict:
            article = library.article(top.id)
            lenient = article is not None and fact in _fold(article.title + article.body)
        answer = resp.answer.sentence if resp.answer is not None else ""
        has_fact = bool(answer) and fact in _fold(answer)
        asked = item.get("answer", True)  # a topic with a date (上个月香港升旗仪式) asks for stories only
        stats["top"] += lenient
        stats["top_strict"] += strict
        stats["asked"] += asked
        stats["fact"] += has_fact and asked
        if resp.corrections:
            plain = library.search(q, limit=1, offset=0, today=today, correct=False)
            if plain.total:
                false_corrections += 1
                stats["false_corrections"] += 1
                misses.append(
                    {"q": q, "kind": kind, "false_correction": [c.replacement for c in resp.corrections]}
                )
        if not (lenient and (has_fact or not asked)):
            misses.append(
                {"q": q, "kind": kind, "fact": item["fact"], "top": _top(resp), "answer": answer[:120]}
            )
    services.close()
    fact_items = [k for k in FACT_KINDS if k in per_kind]
    n_fact = sum(per_kind[k]["n"] for k in fact_items)
    summary = {
        "stories": len(stories),
        "db_build_s": round(built, 1),
        "questions": len(items),
        "fact_questions": n_fact,
        "top_right": _share(sum(per_kind[k]["top"] for k in fact_items), n_fact),
        "top_right_strict": _share(sum(per_kind[k]["top_strict"] for k in fact_items), n_fact),
        "answer_has_fact": _share(
            sum(per_kind[k]["fact"] for k in fact_items), sum(per_kind[k]["asked"] for k in fact_items)
        ),
        "false_corrections": false_corrections,
        "median_search_ms": round(sorted(timings)[len(timings) // 2] * 1000, 1) if timings else None,
        "per_kind": {k: dict(v) for k, v in per_kind.items()},
        "misses": misses,
    }
    return summary


def _top(resp) -> str:
    return f"{resp.hits[0].date} {resp.hits[0].title}"[:60] if resp.hits else "-"


def _share(a: int, n: int) -> float:
    return round(100.0 * a / n, 1) if n else 0.0


def format_table(summary: dict) -> str:
    rows = ["| kind | n | top right | answer has fact | ok |", "|---|---:|---:|---:|---:|"]
    for kind, v in summary["per_kind"].items():
        n = v["n"]
        if kind in FACT_KINDS:
            rows.append(f"| {kind} | {n} | {_share(v['top'], n)}% | {_share(v['fact'], v['asked'])}% | |")
        else:
            rows.append(f"| {kind} | {n} | | | {_share(v['ok'], n)}% |")
    return "\n".join(rows)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="judged stories plus 600 others")
    parser.add_argument("--json", type=Path, help="write the figures and misses here")
    parser.add_argument("--misses", action="store_true", help="print every miss")
    args = parser.parse_args(list(argv) if argv is not None else None)
    summary = run(args.quick)
    print(
        f"{summary['stories']} stories, {summary['questions']} judged messages "
        f"({summary['fact_questions']} questions with a judged fact)"
    )
    print(
        f"top result right {summary['top_right']}% (judged story itself {summary['top_right_strict']}%), "
        f"answer holds the fact {summary['answer_has_fact']}%, false corrections {summary['false_corrections']}, "
        f"median search {summary['median_search_ms']} ms"
    )
    print(format_table(summary))
    if args.misses:
        for miss in summary["misses"]:
            print(json.dumps(miss, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
