"""Never freeze, never lose (issue 10), end to end with real processes: `python -m bot serve` answers a
dozen chatting readers through the Bot API emulator while a second `python -m bot ingest` process loads
an archive and a file lands in the inbox.

Fails if a reply stalls past `STALL_LIMIT`, a user's command goes unanswered or errs, a confirmed
subscription is missing afterwards, an article of either file is missing, the inbox file is not in
``done/``, or "database is locked" appears in a log. Latency figures are the benchmark's
(`python -m benchmarks.contention`); the limit here only catches a freeze.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.contention import Sizes, run_scenario, synthetic_records
from tests.telegram_emulator import TelegramEmulator

STALL_LIMIT = 10.0  # seconds; before issue 10 replies stalled for ~30 s during a load
SIZES = Sizes(base=50, archive=600, inbox=200, readers=12, warmup=1.0, reply_timeout=30.0)


async def test_replies_keep_coming_and_nothing_is_lost_while_news_arrives(
    telegram_emulator: TelegramEmulator, tmp_path: Path
) -> None:
    result = await run_scenario(
        telegram_emulator, tmp_path, SIZES, records=synthetic_records, say=lambda *_: None
    )
    during = result.latencies("during")
    assert during, "no reply was measured during the load"
    assert max(during) <= STALL_LIMIT, sorted(during)[-5:]
    assert result.count("during", "lost") == 0 and result.count("before", "lost") == 0
    assert result.count("during", "error") == 0
    assert result.ingest_returncode == 0 and result.inbox_outcome == "done"
    assert result.subscriptions_confirmed > 0 and result.subscriptions_lost == 0
    assert result.articles_expected == SIZES.base + SIZES.archive + SIZES.inbox
    assert result.articles_lost == 0
    assert result.locked_errors == 0
