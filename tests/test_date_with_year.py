"""A date-only query with a year (`2019年6月`) lists the news of that period (QA pass 15).

It listed every story mentioning the month of any year (`至6月底` in a story of 2020, `2016年6月`), with
no note, even when no article is dated in the period: the index's date tokens have no year. A query
with a year now lists the articles dated in its period; with none, the latest day with news before it,
saying so, as `昨天` on an old archive does. A date without a year (`6月`) still finds its mentions.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.chat.exchange import Who
from bot.chat.replies import PLAIN
from bot.services import open_services
from bot.settings import Settings
from storage.search.engine import Searcher
from storage.search.latest_day import latest_day_instead
from tests.search_support import hit_titles, stories_db, stories_searcher

TODAY = date(2026, 12, 6)
STORIES = [
    ("2019-02-27", "春耕备耕有序展开", ["各地春耕备耕工作有序展开。"]),
    ("2019-02-28", "冬奥场馆建设提速", ["冬奥场馆建设全面提速。"]),
    ("2020-01-15", "重点工程年内完工", ["这项工程计划至6月底全部完工，2月起进入设备安装阶段。"]),
    ("2020-05-20", "改革试点取得成效", ["试点自2016年6月启动以来取得明显成效。"]),
]


@pytest.fixture
def searcher(tmp_path: Path) -> Iterator[Searcher]:
    with stories_searcher(tmp_path, STORIES) as s:
        yield s


def test_a_month_with_a_year_and_no_news_lists_the_latest_day_before_it(searcher: Searcher) -> None:
    resp = searcher.search("2019年6月", today=TODAY)
    assert resp.total == 0 and not resp.hits
    assert resp.date_only and resp.period == ("2019-06-01", "2019-06-30")
    instead = latest_day_instead(searcher, resp, limit=10, today=TODAY)
    assert instead is not None and instead.day == "2019-02-28" and instead.shown is not None
    assert hit_titles(instead.shown) == {"冬奥场馆建设提速"}


def test_a_month_with_a_year_lists_only_the_stories_dated_in_it(searcher: Searcher) -> None:
    """`2月起` in a story of 2020 is not news of February 2019."""
    resp = searcher.search("2019年2月", today=TODAY)
    assert hit_titles(resp) == {"春耕备耕有序展开", "冬奥场馆建设提速"} and resp.total == 2


def test_a_month_without_a_year_still_finds_its_mentions(searcher: Searcher) -> None:
    resp = searcher.search("6月", today=TODAY)
    assert hit_titles(resp) == {"重点工程年内完工", "改革试点取得成效"}


def test_the_chat_says_the_month_has_no_news_and_lists_the_latest_day(tmp_path: Path) -> None:
    stories_db(tmp_path, STORIES).close()
    settings = Settings(_env_file=None, db=tmp_path / "news.db", seeds=tmp_path / "none")  # type: ignore[call-arg]
    opened = open_services(settings, markup=PLAIN)
    try:
        (reply,) = opened.conversation.text("2019年6月", Who(user_id=1, lang="zh"))
        assert "2019-06-01 — 2019-06-30 没有新闻" in reply.text
        assert "最近有新闻的一天是 2019-02-28" in reply.text
        assert "冬奥场馆建设提速" in reply.text and "重点工程年内完工" not in reply.text
    finally:
        opened.close()
