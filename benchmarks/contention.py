"""Replies while news arrives (issue 10): `newsbot serve` answering a dozen chatting readers through the
Bot API emulator while `newsbot ingest` loads an archive in a second process and a file lands in the inbox.

    python -m benchmarks.contention [--quick] [--code DIR] [--json FILE] [--postgres URL]

Steps, all with real processes:

1. A database with the seeds and a few hundred real stories (`benchmarks.realnews`), made by
   ``python -m bot ingest`` of the code under test (``--code``, default this checkout: pointing it at an
   older checkout measures "before").
2. ``python -m bot serve`` against `tests.telegram_emulator` (long polling), with ``NEWSBOT_INBOX`` set
   and a digest check every second (the inbox is ingested at each check).
3. Twelve readers chat (searches, questions, /latest, /article, /subscriptions, /subscribe) for a few
   seconds: the latencies "before the load".
4. The load: ``python -m bot ingest ARCHIVE`` starts in a second process and a second file is moved into
   the inbox; the readers go on until both are stored: the latencies "during the load".
5. Checks: every /subscribe that was confirmed is in the database, every article of every file is
   stored, the inbox file went to ``done/``, and how often "database is locked" appears in the logs.

A reply's latency is the time from queuing the user's message in the emulator to the bot's first message
in answer. `run_scenario` is also what ``tests/test_contention_e2e.py`` runs, with smaller sizes, and what
`benchmarks.backends` runs on both backends. With ``--postgres URL`` (an empty database) the bot, the
ingest and the checks use PostgreSQL (``NEWSBOT_DATABASE_URL``) instead of an SQLite file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from storage.database.connection import open_db, open_readonly
from storage.records import subscriptions as subs
from storage.records.articles import fingerprint, stored_fingerprints
from tests.telegram_emulator import TelegramEmulator

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SLOW = 2.0  # a reply slower than this counts as slow
BUSY_TEXTS = ("数据库正忙", "database is busy")
ERROR_TEXTS = ("处理你的消息时出了问题", "something went wrong")
KEYWORDS = [
    "经济",
    "乡村振兴",
    "疫情防控",
    "高质量发展",
    "科技创新",
    "一带一路",
    "粮食",
    "教育",
    "生态",
    "文化",
]
QUESTIONS = ["谁出席了会议？", "哪里发生了地震？", "什么时候召开大会？", "国务院常务会议讨论了什么？"]


@dataclass(frozen=True)
class Sizes:
    base: int = 300  # stories in the database before the load
    archive: int = 16_000  # stories `newsbot ingest` loads
    inbox: int = 5_000  # stories in the file dropped into the inbox
    readers: int = 12
    warmup: float = 8.0  # seconds of chatting before the load
    reply_timeout: float = 60.0  # a reply not there by then counts as lost


FULL = Sizes()
QUICK = Sizes(base=200, archive=3_000, inbox=1_000, warmup=5.0)


@dataclass
class Sample:
    phase: str  # "before" or "during"
    latency: float
    command: str
    outcome: str  # "ok", "busy" (try again), "error", "lost" (no reply in time)


@dataclass
class Result:
    code: str
    sizes: Sizes
    backend: str = "sqlite"  # or "postgresql"
    samples: list[Sample] = field(default_factory=list)
    load_seconds: float = 0.0
    ingest_returncode: int | None = None
    inbox_outcome: str = ""  # "done", "failed" or "pending"
    subscriptions_confirmed: int = 0
    subscriptions_lost: int = 0
    articles_expected: int = 0
    articles_lost: int = 0
    locked_errors: int = 0  # "database is locked" in the logs of both processes

    def latencies(self, phase: str) -> list[float]:
        return [s.latency for s in self.samples if s.phase == phase]

    def count(self, phase: str, outcome: str) -> int:
        return sum(1 for s in self.samples if s.phase == phase and s.outcome == outcome)

    def summary(self, phase: str) -> dict[str, Any]:
        values = sorted(self.latencies(phase))
        if not values:
            return {"replies": 0}
        return {
            "replies": len(values),
            "p50": round(statistics.median(values), 3),
            "p99": round(percentile(values, 0.99), 3),
            "max": round(values[-1], 3),
            "slow": sum(1 for v in values if v > SLOW),
            "busy": self.count(phase, "busy"),
            "errors": self.count(phase, "error"),
            "lost": self.count(phase, "lost"),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "backend": self.backend,
            "sizes": asdict(self.sizes),
            "before": self.summary("before"),
            "during": self.summary("during"),
            "load_seconds": round(self.load_seconds, 1),
            "ingest_returncode": self.ingest_returncode,
            "inbox": self.inbox_outcome,
            "subscriptions_confirmed": self.subscriptions_confirmed,
            "subscriptions_lost": self.subscriptions_lost,
            "articles_expected": self.articles_expected,
            "articles_lost": self.articles_lost,
            "locked_errors": self.locked_errors,
            "slowest": [asdict(s) for s in sorted(self.samples, key=lambda s: -s.latency)[:10]],
        }


def percentile(values: Sequence[float], q: float) -> float:
    """The `q` quantile of sorted `values` (nearest rank; pure)."""
    if not values:
        return 0.0
    rank = max(0, min(len(values) - 1, int(round(q * len(values) + 0.5)) - 1))
    return values[rank]


# ---- material -----------------------------------------------------------------------------------------


def real_records(count: int, *, skip: int = 0) -> list[dict[str, Any]]:
    """`count` real news stories (CCTV 新闻联播), as JSONL records, after the first `skip`."""
    from benchmarks.realnews import load_stories

    stories = load_stories()[skip : skip + count]
    if len(stories) < count:
        raise SystemExit(f"the real news corpus has {len(stories) + skip} stories; asked for {count + skip}")
    return [{"title": s.title, "date": s.date, "paragraphs": s.paragraphs} for s in stories]


def synthetic_records(count: int, *, skip: int = 0) -> list[dict[str, Any]]:
    """Distinct small stories (for the end-to-end test, which must not need the corpus)."""
    places = ["郑州", "开封", "洛阳", "新乡", "许昌", "南阳", "信阳", "安阳", "焦作", "濮阳"]
    topics = ["经济", "教育", "粮食", "生态", "文化", "科技创新", "乡村振兴", "交通", "医疗", "养老"]
    out = []
    for n in range(skip, skip + count):
        place, topic = places[n % 10], topics[(n // 10) % 10]
        out.append(
            {
                "title": f"{place}推进{topic}工作第{n}号",
                "date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "paragraphs": [
                    f"本台消息 {place}今天召开{topic}工作会议，编号{n}。",
                    f"会议部署了第{n}项任务。",
                ],
            }
        )
    return out


def write_jsonl(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def body_of(record: dict[str, Any]) -> str:
    return "\n".join(record["paragraphs"])


# ---- the readers --------------------------------------------------------------------------------------


class Readers:
    """Readers chatting with the bot through the emulator; one poller hands out the bot's replies."""

    def __init__(self, emu: TelegramEmulator, count: int, *, timeout: float, seed: int = 7) -> None:
        self.emu = emu
        self.users = [5001 + i for i in range(count)]
        self.timeout = timeout
        self.random = random.Random(seed)
        self.phase = "before"
        self.samples: list[Sample] = []
        self.subscribed: list[
            tuple[int, int]
        ] = []  # (chat, the chat's subscription number) confirmed by the bot
        self._stop = asyncio.Event()  # readers send nothing more
        self._done = asyncio.Event()  # every reader has its last reply: the poller stops
        self._latest: dict[int, int] = {}  # chat → highest bot message id seen
        self._news = {uid: asyncio.Event() for uid in self.users}  # set when the chat got a message
        zone = ZoneInfo("Asia/Shanghai")
        self._sub_hour = (datetime.now(zone) + timedelta(hours=6)).hour  # never due during the run

    def actions(self, uid: int, n: int) -> str:
        cycle = [
            lambda: self.random.choice(KEYWORDS),
            lambda: "/latest",
            lambda: "/subscriptions",
            lambda: (
                f"/subscribe {self._sub_hour:02d}:{(uid * 7 + n) % 60:02d} {self.random.choice(KEYWORDS)}"
            ),
            lambda: f"/article {1 + n % 6}",
            lambda: self.random.choice(QUESTIONS),
            lambda: "/stats",
        ]
        return cycle[(n + uid) % len(cycle)]()

    async def _poll(self) -> None:
        while not self._done.is_set():
            latest: dict[int, int] = {}
            for message in self.emu.messages():
                chat = message.chat["id"]
                latest[chat] = max(latest.get(chat, 0), message.message_id)
            for uid, news in self._news.items():
                if latest.get(uid, 0) > self._latest.get(uid, 0):
                    news.set()
            self._latest = latest
            await asyncio.sleep(0.01)

    async def _reply_after(self, uid: int, pushed: int) -> None:
        news = self._news[uid]
        while self._latest.get(uid, 0) <= pushed:
            news.clear()
            await news.wait()

    async def _reader(self, uid: int) -> None:
        user = self.emu.user(uid, language_code="en" if uid % 6 == 0 else "zh-hans")
        n = 0
        while not self._stop.is_set():
            command = self.actions(uid, n)
            n += 1
            phase = self.phase
            started = time.monotonic()
            pushed = self.emu.push_message(command, user=user)["message"]["message_id"]
            try:
                await asyncio.wait_for(self._reply_after(uid, pushed), self.timeout)
            except TimeoutError:
                pass
            latency = time.monotonic() - started
            replies = [m for m in self.emu.messages(uid) if m.message_id > pushed]
            if not replies:
                self.samples.append(Sample(phase, latency, command.split()[0], "lost"))
                continue
            reply = replies[0].text
            outcome = "ok"
            if any(t in reply for t in BUSY_TEXTS):
                outcome = "busy"
            elif any(t in reply for t in ERROR_TEXTS):
                outcome = "error"
            elif command.startswith("/subscribe") and "#" in reply or "订阅编号" in reply:
                number = _subscription_number(reply)
                if number is not None:
                    self.subscribed.append((uid, number))
            self.samples.append(Sample(phase, latency, command.split()[0], outcome))
            await asyncio.sleep(self.random.uniform(0.8, 1.6))

    async def run(self) -> None:
        poller = asyncio.create_task(self._poll())
        try:
            await asyncio.gather(*(self._reader(uid) for uid in self.users))
        finally:
            self._stop.set()
            self._done.set()
            await poller

    def stop(self) -> None:
        self._stop.set()


def _subscription_number(reply: str) -> int | None:
    import re

    m = re.search(r"(?:订阅编号|Subscription #)\s*(\d+)", reply)
    return int(m.group(1)) if m else None


# ---- the scenario -------------------------------------------------------------------------------------


def _env(
    code: Path, emu: TelegramEmulator, db: Path, inbox: Path, database_url: str | None = None
) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "TELEGRAM_", "PTB_"))}
    env.update(
        PYTHONPATH=str(code),
        TELEGRAM_BOT_TOKEN=emu.token,
        TELEGRAM_API_BASE_URL=emu.base_url,
        NEWSBOT_DB=str(db),
        NEWSBOT_SEEDS=str(SEEDS),
        NEWSBOT_INBOX=str(inbox),
        NEWSBOT_DIGEST_CHECK_SECONDS="1",
        NEWSBOT_LOG_LEVEL="WARNING",
    )
    if database_url:
        env["NEWSBOT_DATABASE_URL"] = database_url
    return env


def _build_base(db: Path | str, base_file: Path) -> None:
    from storage.database.connection import open_db
    from storage.ingest.pipeline import ingest_paths

    database = open_db(db)
    try:
        report = ingest_paths(database, [SEEDS, base_file])
        if not report.ok:
            raise RuntimeError(f"could not build the base database: {report.errors}")
    finally:
        database.close()


async def _build_base_with(code: Path, env: dict[str, str], work: Path, base_file: Path) -> None:
    """The base database made by the measured checkout's own `newsbot ingest` (its schema)."""
    made = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "ingest",
        str(SEEDS),
        str(base_file),
        cwd=work,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await made.communicate()
    if made.returncode != 0:
        raise RuntimeError(f"could not build the base database: {err.decode(errors='replace')}")


async def run_scenario(
    emu: TelegramEmulator,
    work: Path,
    sizes: Sizes,
    *,
    code: Path = ROOT,
    records: Any = real_records,
    say: Any = print,
    database_url: str | None = None,
) -> Result:
    """Run the scenario in `work` against a started emulator; see the module doc. `database_url`: an empty
    PostgreSQL database to use instead of an SQLite file in `work`."""
    result = Result(code=str(code), sizes=sizes, backend="postgresql" if database_url else "sqlite")
    db = work / "data" / "newsbot.db"
    inbox = work / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    base = records(sizes.base)
    archive = records(sizes.archive, skip=sizes.base)
    dropped = records(sizes.inbox, skip=sizes.base + sizes.archive)
    base_file = write_jsonl(work / "base.jsonl", base)
    archive_file = write_jsonl(work / "archive.jsonl", archive)
    staged = write_jsonl(work / "dropped.jsonl", dropped)
    env = _env(code, emu, db, inbox, database_url)
    say(f"base database: seeds + {len(base)} stories")
    if code == ROOT:  # this checkout: no need for a process of its own
        await asyncio.to_thread(_build_base, database_url or db, base_file)
    else:
        await _build_base_with(code, env, work, base_file)

    serve_log = work / "serve.log"
    serve_log = work / "serve.log"
    ingest_log = work / "ingest.log"
    with serve_log.open("w") as log:
        serve = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "serve", cwd=work, env=env, stdout=log, stderr=log
        )
        try:
            await emu.wait_for_call("setMyCommands", 2)
            readers = Readers(emu, sizes.readers, timeout=sizes.reply_timeout)
            chatting = asyncio.create_task(readers.run())
            say(f"{sizes.readers} readers chatting for {sizes.warmup:g} s before the load")
            await asyncio.sleep(sizes.warmup)

            say(f"load: ingest {len(archive)} stories in a second process, {len(dropped)} into the inbox")
            readers.phase = "during"
            started = time.monotonic()
            with ingest_log.open("w") as ilog:
                ingest = await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-m",
                    "bot",
                    "ingest",
                    str(archive_file),
                    cwd=work,
                    env=env,
                    stdout=ilog,
                    stderr=ilog,
                )
                moved = inbox / staged.name
                shutil.move(staged, moved)
                old = time.time() - 60  # settled: the inbox takes files not modified in the last seconds
                os.utime(moved, (old, old))
                result.ingest_returncode = await ingest.wait()
            while time.monotonic() - started < 1200:
                if (inbox / "done" / staged.name).exists():
                    result.inbox_outcome = "done"
                    break
                if (inbox / "failed" / staged.name).exists():
                    result.inbox_outcome = "failed"
                    break
                await asyncio.sleep(0.1)
            else:
                result.inbox_outcome = "pending"
            result.load_seconds = time.monotonic() - started
            readers.stop()
            await chatting
            result.samples = readers.samples
            subscribed = readers.subscribed
        finally:
            if serve.returncode is None:
                serve.send_signal(signal.SIGTERM)
                try:
                    await asyncio.wait_for(serve.wait(), 30)
                except TimeoutError:
                    serve.kill()
                    await serve.wait()

    logs = serve_log.read_text(errors="replace") + ingest_log.read_text(errors="replace")
    result.locked_errors = logs.count("database is locked")
    checked = open_db(database_url) if database_url else open_readonly(db)
    try:
        result.subscriptions_confirmed = len(subscribed)
        kept = {(s.chat_id, s.number) for uid in readers.users for s in subs.list_subscriptions(checked, uid)}
        result.subscriptions_lost = sum(1 for pair in subscribed if pair not in kept)
        expected = {fingerprint(body_of(r)) for r in base + archive + dropped}
        result.articles_expected = len(expected)
        result.articles_lost = len(expected - stored_fingerprints(checked, expected))
    finally:
        checked.close()
    return result


def format_result(result: Result) -> list[str]:
    """Lines for the terminal and the record, benchmarks/reports/replies-and-sources.md (pure)."""
    lines = [f"code: {result.code} ({result.backend})"]
    for phase in ("before", "during"):
        s = result.summary(phase)
        if not s.get("replies"):
            lines.append(f"{phase} the load: no replies")
            continue
        lines.append(
            f"{phase} the load: {s['replies']} replies, p50 {s['p50']:.3f} s, p99 {s['p99']:.3f} s, "
            f"max {s['max']:.3f} s, slower than {SLOW:g} s: {s['slow']}, try-again: {s['busy']}, "
            f"errors: {s['errors']}, no reply: {s['lost']}"
        )
    lines.append(
        f"load took {result.load_seconds:.1f} s (ingest exit {result.ingest_returncode}, inbox file "
        f"{result.inbox_outcome}); 'database is locked' in logs: {result.locked_errors}; subscriptions "
        f"confirmed {result.subscriptions_confirmed}, lost {result.subscriptions_lost}; articles expected "
        f"{result.articles_expected}, lost {result.articles_lost}"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="smaller archive and inbox file")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose bot is measured")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database to use, not SQLite")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    work = Path(tempfile.mkdtemp(prefix="newsbot-contention-"))
    try:
        with TelegramEmulator() as emu:
            result = asyncio.run(
                run_scenario(emu, work, sizes, code=args.code.resolve(), database_url=args.postgres)
            )
    finally:
        if args.keep:
            print(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    for line in format_result(result):
        print(line)
    if args.json:
        args.json.write_text(
            json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
