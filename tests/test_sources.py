"""Web sources (issue 13) against a real local HTTP server serving fixture feeds and pages.

Fixtures in tests/feeds/ follow formats other tools write: RSSHub's RSS 2.0 (full HTML in <description>),
WordPress (content:encoded), a summary-only newspaper feed whose pages carry navigation, ads, related
links and footers (one page GBK-encoded in People's Daily's layout, declaring GB2312), Atom, RSS 1.0.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.sources.feeds import FeedError, candidate_feed_urls, parse_feed
from bot.sources.fetch import Fetcher, FetchError, decode_html, user_agent
from bot.sources.poll import ERROR, NEW, NOT_MODIFIED, backoff, discover, poll_source, poll_sources
from bot.sources.status import IntervalError, format_sources, parse_interval
from storage.database.connection import open_db
from storage.database.writing import write_transaction
from storage.records import sources as store
from storage.records.articles import latest_articles
from storage.search.engine import Searcher
from tests.feed_server import FeedSite, Page

FEEDS = Path(__file__).parent / "feeds"
HALF_HOUR = timedelta(minutes=30)


def fixture(site: FeedSite, name: str) -> bytes:
    return (FEEDS / name).read_bytes().replace(b"{base}", site.base.encode())


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with FeedSite() as running:
        running.add(
            "/feed/",
            Page(
                fixture(running, "wordpress_fulltext.xml"),
                "application/rss+xml; charset=UTF-8",
                etag='"wp-1"',
            ),
        )
        running.add("/", Page(fixture(running, "site_home.html")))
        # RSSHub's feed links to news.cn; a test never reaches a real site, so the links point here (where
        # the pages are missing: a short item keeps the feed's text).
        xinhua = fixture(running, "rsshub_xinhua.xml").replace(b"http://www.news.cn", running.base.encode())
        running.add("/local.xml", Page(xinhua, "application/xml"))
        running.add(
            "/zz.xml",
            Page(
                fixture(running, "summary_only.xml"),
                "text/xml",
                last_modified="Mon, 30 Nov 2026 01:00:00 GMT",
            ),
        )
        running.add("/news/2026-11/30/content_1.htm", Page(fixture(running, "zzrb_article.html"), gzip=True))
        # People's Daily-style page: GBK bytes, charset only in <meta> (GB2312), none in the header.
        running.add(
            "/gb/n1/2026/1130/c1001-4012.html", Page(fixture(running, "people_gbk.html"), "text/html")
        )
        running.add("/atom.xml", Page(fixture(running, "atom.xml"), "application/atom+xml"))
        running.add("/rss10.rdf", Page(fixture(running, "rss10.rdf"), "application/rdf+xml"))
        running.add("/broken.xml", Page(fixture(running, "broken.xml"), "application/rss+xml"))
        running.add("/plain/", Page(fixture(running, "plain_site.html")))
        yield running


@pytest.fixture
def db(database_target: str):
    """An SQLite file, then a PostgreSQL database (conftest's `database_target`)."""
    database = open_db(database_target)
    yield database
    database.close()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(host_delay=0, timeout=2) as client:
        yield client


def add(db, site: FeedSite, path: str, fetcher: Fetcher, name: str | None = None) -> store.Source:
    feed_url, feed, _ = discover(site.url(path), fetcher)
    source, _ = store.add_source(
        db, site.url(path), interval=HALF_HOUR, feed_url=feed_url, name=name or feed.title
    )
    return source


def fresh(db, source_id: int) -> store.Source:
    """The source as stored now."""
    source = store.get_source(db, source_id)
    assert source is not None
    return source


def body_of(db, title: str) -> str:
    row = db.execute("SELECT body FROM articles WHERE title = ?", [title]).fetchone()
    assert row is not None, title
    return row[0]


# ---- feeds and full text ---------------------------------------------------------------------------------


def test_full_text_feed_is_stored_from_content_encoded_without_fetching_the_page(db, site, fetcher) -> None:
    source = add(db, site, "/feed/", fetcher)
    result = poll_source(db, source, fetcher)
    assert result.status == NEW and result.new_titles == ("二七区召开冬季供暖保障工作会议",)
    body = body_of(db, "二七区召开冬季供暖保障工作会议")
    assert "热线电话24小时有人值守" in body and "[…]" not in body
    assert site.seen("/2026/11/30/heating/") == []  # the feed had it all
    row = db.execute("SELECT byline, source, published_at, date, url FROM articles").fetchone()
    assert row == (
        "赵敏",
        "二七区融媒体中心",
        "2026-11-30T09:30:00+08:00",
        "2026-11-30",
        site.url("/2026/11/30/heating/"),
    )


def test_rsshub_feed_with_full_html_descriptions(db, site, fetcher) -> None:
    source = add(db, site, "/local.xml", fetcher)
    result = poll_source(db, source, fetcher)
    assert set(result.new_titles) == {
        "郑州二七区：老旧小区改造惠及万余户居民",
        "河南出台措施吸引青年人才来豫就业创业",
    }
    body = body_of(db, "郑州二七区：老旧小区改造惠及万余户居民")
    assert body.startswith("新华社郑州11月30日电") and "终于不用爬六楼了" in body
    # GMT 01:21 is 09:21 in Beijing: the story's date is the Chinese one.
    published, day = db.execute(
        "SELECT published_at, date FROM articles WHERE byline = '新华社' LIMIT 1"
    ).fetchone()
    assert published.endswith("+00:00") and day == "2026-11-30"


def test_summary_only_feed_fetches_and_extracts_pages_utf8_and_gbk(db, site, fetcher) -> None:
    source = add(db, site, "/zz.xml", fetcher)
    result = poll_source(db, source, fetcher)
    assert result.status == NEW and result.new == 2, result
    park = body_of(db, "二七区新建15处口袋公园")
    assert "300米见绿、500米见园" in park and "园长制" in park
    for junk in (
        "郑州新闻网首页",
        "买房就选金水湾",
        "相关新闻",
        "金水区完成10条道路绿化提升",
        "版权所有",
        "热点排行",
    ):
        assert junk not in park
    city = body_of(db, "人民日报：郑州加快建设国家中心城市")
    # GBK characters outside GB2312 (喆) decode; navigation, related stories and footer are dropped.
    assert "（记者张喆）" in city and "空中丝绸之路" in city
    for junk in ("党网", "热门排行", "人民网广告", "河南：推进中部地区崛起", "版 权 所 有"):
        assert junk not in city
    # Pages were asked for politely: our User-Agent, gzip accepted.
    (page_request,) = site.seen("/news/2026-11/30/content_1.htm")
    assert page_request.headers["user-agent"].startswith("newsbot/")
    assert "gzip" in page_request.headers["accept-encoding"]


def test_atom_and_rss10(db, site, fetcher) -> None:
    for path, title, published in (
        ("/atom.xml", "金水区启动冬季交通安全专项整治", "2026-11-30T08:05:00+08:00"),
        ("/rss10.rdf", "中原区图书馆新馆开放", "2026-11-29T18:30:00+08:00"),
    ):
        result = poll_source(db, add(db, site, path, fetcher), fetcher)
        assert result.new_titles == (title,)
        assert (
            db.execute("SELECT published_at FROM articles WHERE title = ?", [title]).fetchone()[0]
            == published
        )
    assert "酒驾醉驾" in body_of(db, "金水区启动冬季交通安全专项整治")
    assert (
        db.execute("SELECT byline FROM articles WHERE title = '金水区启动冬季交通安全专项整治'").fetchone()[0]
        == "金水区交警大队"
    )


def test_articles_are_searchable_and_latest_at_once(db, site, fetcher) -> None:
    poll_source(db, add(db, site, "/feed/", fetcher), fetcher)
    assert latest_articles(db, 1)[0].title == "二七区召开冬季供暖保障工作会议"
    hits = Searcher(db).search("供暖保障").hits
    assert [h.title for h in hits] == ["二七区召开冬季供暖保障工作会议"]


# ---- discovery -------------------------------------------------------------------------------------------


def test_discovery_from_link_rel_alternate(site, fetcher) -> None:
    feed_url, feed, _ = discover(site.url("/"), fetcher)
    assert feed_url == site.url("/feed/") and feed.title == "二七区融媒体中心"


def test_discovery_from_common_paths_and_failure_in_words(site, fetcher) -> None:
    site.add("/rss.xml", Page(fixture(site, "atom.xml"), "application/atom+xml"))
    feed_url, _, _ = discover(site.url("/plain/"), fetcher)
    assert feed_url == site.url("/rss.xml")
    with FeedSite() as empty:
        empty.add("/", Page(fixture(empty, "plain_site.html")))
        with pytest.raises(FeedError, match="no RSS or Atom feed found"):
            discover(empty.url("/"), fetcher)


def test_candidate_feed_urls_are_linked_first_then_common_paths() -> None:
    page = '<link rel="alternate" type="application/atom+xml" href="/a.atom"><a href="/rss/">RSS</a>'
    urls = candidate_feed_urls(page, "https://news.example/index.html")
    assert urls[:3] == [
        "https://news.example/a.atom",
        "https://news.example/rss/",
        "https://news.example/feed",
    ]


# ---- politeness and economy ---------------------------------------------------------------------------------


def test_second_poll_of_unchanged_feeds_is_a_304_with_validators_sent(db, site, fetcher) -> None:
    wordpress = add(db, site, "/feed/", fetcher)
    newspaper = add(db, site, "/zz.xml", fetcher)
    first = poll_sources(db, [fresh(db, wordpress.id), fresh(db, newspaper.id)], fetcher)
    assert [r.status for r in first] == [NEW, NEW]
    pages_before = len(site.requests)
    second = poll_sources(db, [fresh(db, wordpress.id), fresh(db, newspaper.id)], fetcher)
    assert [r.status for r in second] == [NOT_MODIFIED, NOT_MODIFIED]
    last_wp, last_zz = site.seen("/feed/")[-1], site.seen("/zz.xml")[-1]
    assert last_wp.headers["if-none-match"] == '"wp-1"' and last_wp.status == 304 and last_wp.body_bytes == 0
    assert last_zz.headers["if-modified-since"] == "Mon, 30 Nov 2026 01:00:00 GMT" and last_zz.status == 304
    assert len(site.requests) == pages_before + 2  # no page fetched again
    assert fresh(db, newspaper.id).last_new == 0


def test_a_feed_without_validators_brings_nothing_twice(db, site, fetcher) -> None:
    source = add(db, site, "/local.xml", fetcher)
    assert poll_source(db, source, fetcher).new == 2
    again = poll_source(db, fresh(db, source.id), fetcher)
    assert again.status == NEW and again.new == 0 and again.known == 2
    assert db.execute("SELECT count(*) FROM articles WHERE source = '新华网 - 地方'").fetchone()[0] == 2


def test_robots_txt_disallow_is_respected(db, site, fetcher) -> None:
    site.add("/robots.txt", Page(b"User-agent: newsbot\nDisallow: /gb/\n", "text/plain"))
    source = add(db, site, "/zz.xml", fetcher)
    result = poll_source(db, source, fetcher)
    # The disallowed page is not requested; its item keeps the feed's summary.
    assert site.seen("/gb/n1/2026/1130/c1001-4012.html") == []
    assert result.new == 2
    assert "阅读全文" in body_of(db, "人民日报：郑州加快建设国家中心城市")
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(site.url("/gb/n1/2026/1130/c1001-4012.html"))


def test_one_request_at_a_time_per_host_with_a_delay(site) -> None:
    waits: list[float] = []
    with Fetcher(host_delay=5.0, sleep=waits.append) as polite:
        polite.get(site.url("/feed/"))
        polite.get(site.url("/atom.xml"))
    # robots.txt, then the feed after a wait, then the second feed after another.
    assert len(waits) == 2 and all(w > 4 for w in waits)


def test_size_cap_and_user_agent(site) -> None:
    site.add("/big.xml", Page(b"<rss>" + b"x" * 200_000 + b"</rss>", "application/rss+xml"))
    with Fetcher(host_delay=0, max_bytes=50_000, agent=user_agent("https://example.org/newsbot")) as small:
        with pytest.raises(FetchError, match="larger than 50 kB"):
            small.get(site.url("/big.xml"))
        small.get(site.url("/feed/"))
    assert site.seen("/feed/")[-1].headers["user-agent"].endswith("(+https://example.org/newsbot)")


# ---- failures ---------------------------------------------------------------------------------------------


def test_broken_404_500_and_slow_sources_fail_in_words_and_never_stop_the_others(db, site) -> None:
    site.add("/gone.xml", Page(b"gone", "text/plain", status=404))
    site.add("/error.xml", Page(b"oops", "text/plain", status=500))
    site.add(
        "/truncated.xml",
        Page('<?xml version="1.0"?><rss version="2.0"><channel><title>坏'.encode(), "text/xml"),
    )
    site.add("/slow.xml", Page(fixture(site, "atom.xml"), "application/atom+xml", delay=3))
    rows = {}
    for path in ("/truncated.xml", "/gone.xml", "/error.xml", "/slow.xml"):
        rows[path] = store.add_source(db, site.url(path), interval=HALF_HOUR, feed_url=site.url(path))[0]
    good = store.add_source(db, site.url("/feed/"), interval=HALF_HOUR, feed_url=site.url("/feed/"))[0]
    with Fetcher(host_delay=0, timeout=1.5) as fetcher:
        results = poll_sources(db, store.list_sources(db), fetcher)
    by_url = {r.source.url: r for r in results}
    assert by_url[good.url].status == NEW and by_url[good.url].new == 1
    errors = {path: by_url[site.url(path)].error or "" for path in rows}
    assert all(by_url[site.url(path)].status == ERROR for path in rows)
    assert errors["/truncated.xml"].startswith("broken feed, no items could be read")
    assert errors["/gone.xml"].startswith("HTTP 404")
    assert errors["/error.xml"].startswith("HTTP 500")
    assert errors["/slow.xml"].startswith("timed out")
    listed = "\n".join(format_sources(store.list_sources(db), datetime.now(UTC)))
    assert "HTTP 404" in listed and "timed out" in listed and "4 failing" in listed
    # Failing sources back off: the next poll is two intervals away after one failure.
    gone = fresh(db, rows["/gone.xml"].id)
    assert gone.failures == 1
    assert gone.next_poll_at is not None and gone.last_poll_at is not None
    assert gone.next_poll_at - gone.last_poll_at == 2 * HALF_HOUR


def test_backoff_doubles_and_is_capped() -> None:
    assert backoff(0, HALF_HOUR) == HALF_HOUR
    assert [backoff(n, HALF_HOUR) for n in (1, 2, 3)] == [
        timedelta(hours=1),
        timedelta(hours=2),
        timedelta(hours=4),
    ]
    assert backoff(30, HALF_HOUR) == timedelta(hours=6)
    assert backoff(3, timedelta(days=1)) == timedelta(days=1)


def test_success_after_failures_resets_the_backoff(db, site, fetcher) -> None:
    site.add("/flaky.xml", Page(b"x", status=503))
    source = store.add_source(
        db, site.url("/flaky.xml"), interval=HALF_HOUR, feed_url=site.url("/flaky.xml")
    )[0]
    poll_source(db, source, fetcher)
    site.add("/flaky.xml", Page(fixture(site, "atom.xml"), "application/atom+xml"))
    result = poll_source(db, fresh(db, source.id), fetcher)
    after = fresh(db, source.id)
    assert result.status == NEW and after.failures == 0 and after.last_error is None


def test_parse_feed_rejects_html_and_reads_what_it_can_of_malformed_xml(db, site, fetcher) -> None:
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body>hello</body></html>", url="http://x/")
    # A malformed feed whose items can still be read (a loose parser recovers them) is polled, and the
    # source's status says the feed is not well-formed.
    source = store.add_source(
        db, site.url("/broken.xml"), interval=HALF_HOUR, feed_url=site.url("/broken.xml")
    )[0]
    result = poll_source(db, source, fetcher)
    assert result.status == NEW and "not well-formed" in (fresh(db, source.id).last_error or "")


@pytest.mark.parametrize(
    ("encoding", "header", "text"),
    [
        ("gbk", None, '<meta charset="gb2312"><p>陶喆和王镕</p>'),
        ("gb18030", "GBK", "<p>郑州𠀀测试</p>"),
        (
            "big5",
            None,
            '<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>臺灣新聞報導</p>',
        ),
        ("utf-8", "gb2312", "<p>服务器说错了编码</p>"),  # a wrong header: the bytes still decode
    ],
)
def test_decode_html(encoding: str, header: str | None, text: str) -> None:
    assert decode_html(text.encode(encoding), header) == text


def test_intervals() -> None:
    assert parse_interval("30m") == HALF_HOUR and parse_interval("1h") == timedelta(hours=1)
    assert parse_interval("90s") == timedelta(seconds=90) and parse_interval("45") == timedelta(minutes=45)
    for bad in ("30s", "0", "soon", "-5m"):
        with pytest.raises(IntervalError):
            parse_interval(bad)


# ---- the command line --------------------------------------------------------------------------------------


def test_cli_add_list_poll_remove(tmp_path: Path, site: FeedSite, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSBOT_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("NEWSBOT_SEEDS", str(tmp_path / "no-seeds"))
    monkeypatch.setenv("NEWSBOT_SOURCES_HOST_DELAY", "0")
    runner = CliRunner()

    added = runner.invoke(main, ["sources", "add", site.url("/"), "--every", "15m"])
    assert added.exit_code == 0, added.output
    assert "#1 二七区融媒体中心 every 15m" in added.output and site.url("/feed/") in added.output
    again = runner.invoke(main, ["sources", "add", site.url("/"), "--name", "二七发布", "--every", "1h"])
    assert "updated #1 二七发布 every 1h" in again.output
    assert runner.invoke(main, ["sources", "add", site.url("/zz.xml")]).exit_code == 0
    too_short = runner.invoke(main, ["sources", "add", site.url("/atom.xml"), "--every", "10s"])
    assert too_short.exit_code != 0 and "minimum interval of 1 minute" in too_short.output
    with FeedSite() as bare:
        bare.add("/", Page(fixture(bare, "plain_site.html")))
        nothing = runner.invoke(main, ["sources", "add", bare.url("/")])
    assert (
        nothing.exit_code != 0
        and "no RSS or Atom feed found" in nothing.output
        and "Traceback" not in nothing.output
    )

    polled = runner.invoke(main, ["sources", "poll"])
    assert polled.exit_code == 0, polled.output
    assert (
        "+ 二七区召开冬季供暖保障工作会议" in polled.output
        and "3 new article(s) from 2 source(s), 0 failed" in polled.output
    )
    polled_again = runner.invoke(main, ["sources", "poll", "1"])
    assert "not modified (304)" in polled_again.output

    listed = runner.invoke(main, ["sources", "list", "--json"])
    records = [json.loads(line) for line in listed.output.splitlines()]
    assert [r["name"] for r in records] == ["二七发布", "郑州日报 - 本地新闻"]
    assert (
        records[0]["interval_seconds"] == 3600
        and records[1]["last_new"] == 2
        and records[0]["last_error"] is None
    )

    assert "removed #2" in runner.invoke(main, ["sources", "remove", site.url("/zz.xml")]).output
    missing = runner.invoke(main, ["sources", "remove", "99"])
    assert missing.exit_code != 0 and "no such source" in missing.output
    assert "1 source(s), 0 failing" in runner.invoke(main, ["sources", "list"]).output


def test_every_sources_setting_is_documented() -> None:
    from bot.settings import Settings

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    names = [f"NEWSBOT_{name.upper()}" for name in Settings.model_fields if name.startswith("sources_")]
    assert len(names) == 6
    for name in names:
        assert f"`{name}`" in readme, name


def test_due_sources_come_never_polled_first_then_longest_waiting(db) -> None:
    """The same order on SQLite and PostgreSQL, which put NULL at opposite ends of a sort (issue 23)."""
    start = datetime(2024, 1, 1, tzinfo=UTC)
    ids = [
        store.add_source(
            db, f"https://{n}.example.org/", interval=timedelta(hours=1), now=start + timedelta(minutes=n)
        )[0].id
        for n in range(3)
    ]
    with write_transaction(db):
        db.execute("UPDATE sources SET next_poll_at = NULL WHERE id = ?", [ids[2]])
    due = store.due_sources(db, start + timedelta(hours=1))
    assert [s.id for s in due] == [ids[2], ids[0], ids[1]]


def test_an_item_with_a_malformed_link_keeps_what_the_feed_says_and_the_others_go_in(
    db, site, fetcher
) -> None:
    """QA pass: a summary-only item whose link httpx refuses (a host name that is not one) raised
    InvalidURL, so every poll of the source failed as an internal error and none of its articles came in."""
    broken = fixture(site, "summary_only.xml").replace(
        f"{site.base}/news/2026-11/30/content_1.htm".encode(), "http://新闻�.example/1.htm".encode()
    )
    site.add("/broken-link.xml", Page(broken, "application/rss+xml"))
    source = add(db, site, "/broken-link.xml", fetcher)
    result = poll_source(db, source, fetcher)
    assert result.status == NEW and result.new == 2, result
    assert "口袋公园" in body_of(db, "二七区新建15处口袋公园")  # the feed's summary
    assert "（记者张喆）" in body_of(db, "人民日报：郑州加快建设国家中心城市")  # its page was fetched


def test_control_characters_in_a_feed_never_reach_the_stored_article() -> None:
    """QA pass: an ESC sequence in a feed's title or text (`&#27;]0;…&#7;` sets a terminal's title) was
    stored and printed by `sources poll`, `newsbot search` and `newsbot chat`."""
    from bot.sources.extract import to_article

    feed = parse_feed(
        b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title>'
        b"<link>http://a.example/</link><item><title>\xe6\xa0\x87\xe9\xa2\x98&#27;]0;x&#7;\x1b[31m</title>"
        b"<link>http://a.example/1</link><author>\xe7\x94\xb2&#27;[0m</author><description><![CDATA[<p>"
        b"\xe6\xad\xa3\xe6\x96\x87\x1b[31m\x00\xe5\x86\x85\xe5\xae\xb9\xe3\x80\x82</p>]]></description>"
        b"</item></channel></rss>",
        url="http://a.example/feed",
    )
    (item,) = feed.items
    article = to_article(item, source="源\x1b[1m", feed_url="http://a.example/feed")
    assert article is not None
    assert article.title == "标题]0;x[31m" and article.title_lines == ("标题]0;x[31m",)
    assert article.paragraphs == ("正文[31m内容。",)
    assert (article.byline, article.source) == ("甲[0m", "源[1m")


def test_sources_list_never_shows_a_password_typed_in_a_url(
    tmp_path: Path, site: FeedSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: `sources list` showed a source's URL with its password as typed (``https://user:pw@host/``).
    The list, its JSON and the add confirmation show it as ``***``; the stored URL keeps working."""
    monkeypatch.setenv("NEWSBOT_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("NEWSBOT_SEEDS", str(tmp_path / "no-seeds"))
    monkeypatch.setenv("NEWSBOT_SOURCES_HOST_DELAY", "0")
    runner = CliRunner()
    typed = site.url("/zz.xml").replace("http://", "http://reader:s3cret@")
    added = runner.invoke(main, ["sources", "add", typed, "--name", "郑州"])
    assert added.exit_code == 0, added.output
    second = site.url("/").replace("http://", "http://reader:s3cret@")
    assert runner.invoke(main, ["sources", "add", second]).exit_code == 0
    for args in (["sources", "list"], ["sources", "list", "--json"]):
        shown = runner.invoke(main, args)
        assert shown.exit_code == 0, shown.output
        assert "s3cret" not in shown.output and "http://reader:***@127.0.0.1" in shown.output, shown.output
    assert "s3cret" not in added.output
    polled = runner.invoke(main, ["sources", "poll"])
    assert "from 2 source(s), 0 failed" in polled.output and "s3cret" not in polled.output


# Item titles whose UTF-8 bytes hold 0x81, 0x8d, 0x8f, 0x90 or 0x9d (码, 项, 频...): feedparser, given a
# content location and no charset, read a feed without an encoding declaration as ISO-8859-1.
_UNDECLARED_FEED = (
    '<rss version="2.0"><channel><title>测试源</title><item><title>统一码文章</title>'
    "<link>http://a.example/1</link><description>保交楼项目</description></item></channel></rss>"
)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (_UNDECLARED_FEED.encode(), "application/rss+xml"),  # XML's default, UTF-8
        (('<?xml version="1.0"?>' + _UNDECLARED_FEED).encode(), None),
        (_UNDECLARED_FEED.encode(), "application/rss+xml; charset=gbk"),  # a wrong header: the bytes decode
        (_UNDECLARED_FEED.encode("gbk"), "application/rss+xml; charset=gbk"),
        (_UNDECLARED_FEED.encode("gbk"), None),  # no declaration anywhere: GB18030, as pages are read
        (_UNDECLARED_FEED.replace("<rss", '<?xml version="1.0" encoding="utf-8"?><rss').encode("gbk"), None),
    ],
)
def test_a_feed_is_decoded_as_pages_are_whatever_it_declares(body: bytes, content_type: str | None) -> None:
    feed = parse_feed(body, url="http://a.example/feed", content_type=content_type)
    assert feed.title == "测试源"
    assert [item.title for item in feed.items] == ["统一码文章"]
    assert feed.items[0].summary_html == "保交楼项目"


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2023/04/13 08:00:00", "2023-04-13"),  # feedparser's fallback: 2023-12-01
        ("2023年4月13日", "2023-04-13"),  # feedparser's fallback: 2023-12-01
        ("2023.04.13 08:00 +0800", "2023-04-13"),
        ("2023-04-13 08:00:00", "2023-04-13"),
        ("Thu, 13 Apr 23 08:00:00 +0800", "2023-04-13"),
        ("Sat, 01 Jan 0000 00:00:00 +0000", None),  # read as 2000-01-01
        ("2023/02/30", None),  # no such day
    ],
)
def test_an_item_dated_in_digits_as_chinese_sites_write_it_gets_that_day_or_none(
    written: str, day: str | None
) -> None:
    """QA pass 17: dates written with slashes or 年月日 were stored as another day of the year."""
    from bot.sources.extract import to_article

    feed = parse_feed(
        (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title><item>'
            f"<title>标题</title><link>http://a.example/1</link><pubDate>{written}</pubDate>"
            "<description>正文内容。</description></item></channel></rss>"
        ).encode(),
        url="http://a.example/feed",
    )
    article = to_article(feed.items[0], source="源", feed_url="http://a.example/feed")
    assert article is not None and article.date == day


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("Thu, 13 Apr 2099 08:00:00 +0800", None),  # first in /latest until 2099
        ("Tue, 08 Dec 2026 08:00:00 +0800", None),
        ("Mon, 07 Dec 2026 20:00:00 +0800", "2026-12-07"),  # within a day: time zones, a clock ahead
        ("Sun, 06 Dec 2026 08:00:00 +0800", "2026-12-06"),
    ],
)
def test_an_item_dated_after_the_poll_is_undated(written: str, day: str | None) -> None:
    """QA pass 17: a feed's 2099 was stored, and the story led every list of the latest news."""
    from bot.sources.extract import to_article

    feed = parse_feed(
        (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title><item>'
            f"<title>标题</title><link>http://a.example/1</link><pubDate>{written}</pubDate>"
            "<description>正文内容。</description></item></channel></rss>"
        ).encode(),
        url="http://a.example/feed",
    )
    now = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
    article = to_article(feed.items[0], source="源", feed_url="http://a.example/feed", now=now)
    assert article is not None and article.date == day
    assert (article.published_at is None) is (day is None)
