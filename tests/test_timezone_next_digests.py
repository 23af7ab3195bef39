"""/timezone names when each subscription's next digest comes in the new zone (QA pass 11).

A reader in Shanghai whose 08:00 digest came this morning moves to New York: 08:00 New York today is a
local day that had its digest, so the next 08:00 is tomorrow's, while tonight's 20:00 still comes. The reply
said only "digest times now follow it"; the reader waited for an 08:00 that never came.
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.chat.replies import PLAIN
from bot.digests import schedule
from bot.digests.plan import DigestConfig, prepare
from bot.digests.records import subscription_command
from storage.database.connection import open_db
from storage.ingest.pipeline import ingest_paths
from storage.records import subscriptions as subs
from storage.records.readers import READER_CHAT_BASE
from storage.search.engine import Searcher
from tests.bot_support import SEEDS

MORNING = datetime(2023, 4, 13, 0, 5, tzinfo=UTC)  # 08:05 in Shanghai
LATER = datetime(2023, 4, 13, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai, 21:00 the day before in New York


def test_a_new_timezone_names_each_subscriptions_next_digest(tmp_path):
    db = open_db(tmp_path / "n.db")
    try:
        ingest_paths(db, [SEEDS])
        searcher = Searcher(db)

        def run(
            now: datetime, name: str, *args: str, lang: str = "zh", chat: int = 42, pushes: bool = True
        ) -> str:
            replies = subscription_command(
                db, searcher, name, list(args), chat_id=chat, lang=lang, now=now, markup=PLAIN, pushes=pushes
            )
            return "\n".join(r.text for r in replies)

        run(datetime(2023, 4, 12, 0, 0, tzinfo=UTC), "subscribe", "8:00", "保交楼")
        run(datetime(2023, 4, 12, 0, 0, tzinfo=UTC), "subscribe", "20:00", "二七区")
        morning, evening = subs.list_subscriptions(db, 42)
        (due,) = schedule.due_subscriptions(subs.schedule_candidates(db), MORNING)
        assert prepare(db, searcher, due, DigestConfig(), MORNING) is not None

        out = run(LATER, "timezone", "America/New_York")
        assert "时区已设为 America/New_York" in out
        # The earliest first: 20:00 on the 13th in New York, then 08:00 on the 14th (the 13th had its
        # digest, this morning in Shanghai).
        assert f"下一次推送：#{evening.id} 2023-04-13 20:00、#{morning.id} 2023-04-14 08:00。" in out
        out = run(LATER, "timezone", "Asia/Shanghai", lang="en")
        assert f"Next digests: #{evening.id} 2023-04-13 20:00, #{morning.id} 2023-04-14 08:00." in out

        # Without subscriptions, or where nothing is pushed (a web or WeChat reader): no such line.
        assert "下一次推送" not in run(LATER, "timezone", "Europe/Berlin", chat=43)
        reader = READER_CHAT_BASE + 7
        run(LATER, "subscribe", "8:00", "保交楼", chat=reader, pushes=False)
        assert "下一次推送" not in run(LATER, "timezone", "Europe/Berlin", chat=reader, pushes=False)
    finally:
        db.close()
