"""Issue 23: a source that cannot be fetched says why (connection refused, unknown host, timeout, TLS
error, HTTP status), and "robots.txt ... disallows" only when robots.txt was read and forbids the URL.

Real sockets only: a port where nothing listens, a `.invalid` host name, a server that accepts and never
answers, and the local feed server of the other source tests.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import main
from bot.sources.fetch import Failure, Fetcher, FetchError
from tests.feed_server import FeedSite, Page, SilentSite, closed_port

FEEDS = Path(__file__).parent / "feeds"
UNKNOWN_HOST = "newsbot-test.invalid"  # RFC 2606: never resolves


def atom(site: FeedSite) -> bytes:
    return (FEEDS / "atom.xml").read_bytes().replace(b"{base}", site.base.encode())


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with FeedSite() as running:
        running.add("/atom.xml", Page(atom(running), "application/atom+xml"))
        yield running


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("NEWSBOT_DB", str(tmp_path / "cli.db"))
    monkeypatch.setenv("NEWSBOT_SEEDS", str(tmp_path / "no-seeds"))
    monkeypatch.setenv("NEWSBOT_SOURCES_HOST_DELAY", "0")
    monkeypatch.setenv("NEWSBOT_SOURCES_TIMEOUT", "0.5")
    return CliRunner()


def run(cli: CliRunner, *args: str) -> Result:
    return cli.invoke(main, ["sources", *args])


def listed(cli: CliRunner) -> list[dict[str, object]]:
    return [json.loads(line) for line in run(cli, "list", "--json").stdout.splitlines()]


def assert_refused_in_words(result: Result) -> None:
    assert result.exit_code != 0
    assert "not added: connection refused" in result.output, result.output
    assert "robots" not in result.output.lower() and "Traceback" not in result.output


def require_unresolvable(host: str) -> None:
    try:
        socket.getaddrinfo(host, 80)
    except socket.gaierror:
        return
    pytest.skip(f"this machine's DNS resolves {host}, which should not exist (a resolver that redirects)")


# ---- newsbot sources add ---------------------------------------------------------------------------------


def test_issue_23_add_of_a_refused_port_says_connection_refused_not_robots(cli: CliRunner, site) -> None:
    assert run(cli, "add", site.url("/atom.xml")).exit_code == 0
    failed = run(cli, "add", f"http://127.0.0.1:{closed_port()}/feed")
    assert_refused_in_words(failed)
    # Nothing stored is lost, nothing is added.
    assert [r["url"] for r in listed(cli)] == [site.url("/atom.xml")]


def test_add_of_an_unknown_host_says_dns_lookup_failed(cli: CliRunner) -> None:
    require_unresolvable(UNKNOWN_HOST)
    failed = run(cli, "add", f"http://{UNKNOWN_HOST}/feed")
    assert failed.exit_code != 0
    assert f"unknown host {UNKNOWN_HOST}: DNS lookup failed" in failed.output, failed.output
    assert "robots" not in failed.output.lower()
    assert listed(cli) == []


def test_add_of_a_host_that_never_answers_says_timed_out(cli: CliRunner) -> None:
    with SilentSite() as silent:
        failed = run(cli, "add", silent.url("/feed"))
        host = silent.base.removeprefix("http://")
    assert failed.exit_code != 0
    assert f"timed out after 0.5 s waiting for an answer from {host}" in failed.output, failed.output
    assert "robots" not in failed.output.lower()


def test_add_over_https_to_a_plain_http_server_says_tls_error(cli: CliRunner, site) -> None:
    url = site.url("/atom.xml").replace("http://", "https://")
    failed = run(cli, "add", url)
    assert failed.exit_code != 0
    assert "not added: TLS error with 127.0.0.1:" in failed.output, failed.output
    assert "robots" not in failed.output.lower()


def test_add_says_robots_txt_disallows_only_when_it_was_read_and_forbids(cli: CliRunner, site) -> None:
    site.add("/robots.txt", Page(b"User-agent: newsbot\nDisallow: /\n", "text/plain"))
    failed = run(cli, "add", site.url("/atom.xml"))
    assert failed.exit_code != 0
    assert f"robots.txt of {site.base.removeprefix('http://')} disallows /atom.xml" in failed.output
    assert site.seen("/atom.xml") == []
    assert listed(cli) == []


def test_add_succeeds_when_robots_txt_is_missing(cli: CliRunner, site) -> None:
    added = run(cli, "add", site.url("/atom.xml"))
    assert added.exit_code == 0, added.output
    assert [r.status for r in site.seen("/robots.txt")] == [404]
    assert len(listed(cli)) == 1


def test_a_robots_txt_server_error_names_the_error_not_a_disallow(cli: CliRunner, site) -> None:
    site.add("/robots.txt", Page(b"oops", "text/plain", status=503))
    failed = run(cli, "add", site.url("/atom.xml"))
    assert failed.exit_code != 0
    assert f"HTTP 503 Service Unavailable from {site.url('/robots.txt')}" in failed.output, failed.output
    assert "disallows" not in failed.output and site.seen("/atom.xml") == []


# ---- a source that was added and then became unreachable ---------------------------------------------------


def test_a_source_gone_unreachable_shows_connection_refused_in_poll_and_list(cli: CliRunner) -> None:
    with FeedSite() as going:
        going.add("/atom.xml", Page(atom(going), "application/atom+xml"))
        assert run(cli, "add", going.url("/atom.xml")).exit_code == 0
        host = going.base.removeprefix("http://")
    polled = run(cli, "poll")  # the site is down now: its port refuses connections
    assert polled.exit_code == 1
    assert f"connection refused by {host}" in polled.output and "robots" not in polled.output.lower()
    status = run(cli, "list").output
    assert f"failing (1 in a row, backing off): connection refused by {host}" in status, status
    assert "robots" not in status.lower()
    [record] = listed(cli)
    assert str(record["last_error"]).startswith("connection refused") and record["failures"] == 1


# ---- the fetcher: the kind of each failure, and a robots.txt failure raised for every request -------------


def test_each_failure_has_its_kind_and_an_unreadable_robots_txt_fails_every_request(site) -> None:
    with Fetcher(host_delay=0, timeout=0.5) as fetcher:
        refused = f"http://127.0.0.1:{closed_port()}"
        for path in ("/feed", "/other"):  # the second request gets the cached failure, same cause
            with pytest.raises(FetchError) as caught:
                fetcher.get(refused + path)
            assert caught.value.kind == Failure.REFUSED and caught.value.retry
        with SilentSite() as silent, pytest.raises(FetchError) as caught:
            fetcher.get(silent.url("/feed"))
        assert caught.value.kind == Failure.TIMEOUT
        site.add("/gone.xml", Page(b"gone", "text/plain", status=404))
        with pytest.raises(FetchError) as caught:
            fetcher.get(site.url("/gone.xml"))
        assert (caught.value.kind, caught.value.status, caught.value.retry) == (Failure.HTTP, 404, False)


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://[not-an-address]/feed", "http://x\udcff.org/", "http://h:99999/"]
)
def test_add_of_a_malformed_url_says_so_in_one_line(cli: CliRunner, url: str) -> None:
    """QA pass: `sources add "http://[::1"` ended in a ValueError traceback from urlsplit."""
    result = run(cli, "add", url)
    assert result.exit_code == 1 and not isinstance(result.exception, ValueError | UnicodeError)
    assert "not added: not a valid URL" in result.output, result.output
    assert listed(cli) == []


def test_a_malformed_url_is_a_bad_url_failure() -> None:
    with Fetcher(host_delay=0, timeout=0.5) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get("https://[::1/feed")  # e.g. an item's link in somebody's feed
    assert caught.value.kind == Failure.BAD_URL and not caught.value.retry


def test_a_feed_title_with_control_characters_is_stored_and_listed_without_them(cli: CliRunner, site) -> None:
    """QA pass: `sources add` named the source by the feed's title as it was, so an ESC sequence in it
    reached `sources list`, `/sources` and every terminal they were printed on."""
    site.add(
        "/esc.xml",
        Page(
            atom(site).replace("金水区人民政府".encode(), b"&#27;]0;x&#7;\xe9\x87\x91\x1b[31m"),
            "application/atom+xml",
        ),
    )
    added = run(cli, "add", site.url("/esc.xml"))
    assert added.exit_code == 0, added.output
    assert "\x1b" not in added.output and "\x07" not in added.output
    (source,) = listed(cli)
    assert source["name"] == "]0;x金[31m - 政务动态"


def test_a_failure_never_shows_the_password_in_a_sources_url() -> None:
    """QA pass: `connection refused by user:s3cret@127.0.0.1:…`: a failing source's error, kept for
    `sources list` and an admin's /sources and logged, showed the password of a URL with credentials."""
    port = closed_port()
    with (
        Fetcher(host_delay=0, timeout=0.5, respect_robots=False) as fetcher,
        pytest.raises(FetchError) as caught,
    ):
        fetcher.get(f"http://reader:s3cret@127.0.0.1:{port}/feed.xml")
    assert caught.value.kind == Failure.REFUSED
    assert "s3cret" not in str(caught.value) and f"127.0.0.1:{port}" in str(caught.value)


def test_an_http_error_never_shows_the_password_in_a_sources_url(site) -> None:
    site.add("/private.xml", Page(b"no", "text/plain", status=401))
    with (
        Fetcher(host_delay=0, timeout=2, respect_robots=False) as fetcher,
        pytest.raises(FetchError) as caught,
    ):
        fetcher.get(site.url("/private.xml").replace("://", "://reader:s3cret@"))
    assert (
        caught.value.status == 401
        and "s3cret" not in str(caught.value)
        and "/private.xml" in str(caught.value)
    )
