"""The `newsbot` command line: a thin shell over the library.

Each command reads the settings, opens the database, calls one library function and turns expected
errors into a clear message and a non-zero exit code (`click.ClickException`), never a traceback.
Commands that read (search, chat, serve, web, export, stats) ingest the seeds first when the database is
empty (`ensure_seeded`); `ingest PATH` imports only PATH.
"""

from __future__ import annotations

import errno
import functools
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
import sqlite_utils

from bot.chat.replies import QUERY_CAP, clip, search_notes
from bot.chat.texts import text
from bot.seeding import ensure_seeded, format_file_problems, format_ingest_summary
from bot.settings import Settings, SettingsError, load_settings, misspelt_variables, variables_set
from storage.database.connection import open_db
from storage.database.writing import write_transaction
from storage.errors import StorageError
from storage.ingest.manifest import MAX_YEAR, MIN_YEAR
from storage.ingest.pipeline import BATCH_SIZE, POSTGRES_BATCH_SIZE, collect_inputs, ingest_paths
from storage.models import SearchResponse
from storage.records.articles import export_record, iter_articles, stats
from storage.records.imports import unfinished_imports
from storage.search.latest_day import LatestDayInstead, latest_day_instead

PROGRESS_MIN_FILES = 10  # show a progress bar from this many input files on
PROGRESS_MIN_BYTES = 20_000_000  # or from this much input (a long import)


# --- shared helpers (other commands use these too) ---------------------------------------------


def get_settings() -> Settings:
    """The settings for this invocation, read once and cached on the root click context."""
    ctx = click.get_current_context().find_root()
    if not isinstance(ctx.obj, Settings):
        try:
            ctx.obj = load_settings()
        except SettingsError as exc:
            raise click.ClickException(f"设置有误 / {exc}") from exc
        for name, meant in misspelt_variables(variables_set()):
            click.echo(
                f"提示 note: 没有 {name} 这个设置（已忽略），是不是 {meant}？ / "
                f"{name} is not a setting newsbot reads (ignored): did you mean {meant}?",
                err=True,
            )
        logging.basicConfig(level=ctx.obj.log_level, format="%(levelname)s %(name)s: %(message)s")
    return ctx.obj


@contextmanager
def database(settings: Settings, *, seed: bool = True) -> Iterator[sqlite_utils.Database]:
    """Open the database (ingesting the seeds first if it is empty and `seed`), close it at the end. A
    storage error inside the block (a statement the database refused) ends the command with its message."""
    try:
        db = open_db(settings.database_target)
    except StorageError as exc:
        raise click.ClickException(f"无法打开数据库 / cannot open database: {exc}") from exc
    try:
        if seed:
            ensure_seeded(settings, db)
        yield db
    except StorageError as exc:
        raise click.ClickException(f"数据库出错 / database error: {exc}") from exc
    finally:
        db.close()


# `newsbot stats` lists this many sources by name; the rest are counted in one line.
TOP_SOURCES = 10


def format_stats(data: dict, *, top: int = TOP_SOURCES) -> list[str]:
    lines = [f"文章 articles: {data['articles']}"]
    sources = data["sources"]  # largest first
    lines.append(f"来源 sources: {len(sources)}")
    for name, n in list(sources.items())[:top]:
        lines.append(f"  {name if name is not None else '（未注明 unknown）'}: {n}")
    rest = list(sources.values())[top:]
    if rest:
        lines.append(f"  …其余 {len(rest)} 个来源 {len(rest)} more sources: {sum(rest)}")
    dates = data["dates"]
    span = f"（{data['first_date']} – {data['last_date']}）" if dates else ""
    lines.append(f"日期 dates: {len(dates)}{span}")
    for day, n in dates.items():
        lines.append(f"  {day}: {n}")
    lines.append(f"无日期 undated: {data['undated']}")
    return lines


# --- commands ----------------------------------------------------------------------------------


# Errors of writing the output (a full disk, a reader that went away), not of the work itself.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EDQUOT, errno.EFBIG})


class _Commands(click.Group):
    """The command group; a command whose output cannot be written ends in one line, not a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # `newsbot export | head`: the reader went away, which is not an error.
            _drop_stdout()
            sys.exit(0)
        except OSError as exc:
            if exc.errno not in _OUTPUT_ERRNOS:
                raise
            # `newsbot export > articles.jsonl` on a full disk: one line (and the unwritten rest is
            # dropped, so the exit does not fail flushing it again).
            _drop_stdout()
            raise click.ClickException(
                f"输出未完成 / output incomplete: cannot write the output: {exc.strerror or exc}"
            ) from None


def _drop_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsbot")
def main() -> None:
    """newsbot：查本地新闻的聊天机器人。A Chinese-first chat bot for local news.

    Settings come from the environment or a .env file: NEWSBOT_DB (default data/newsbot.db), or
    NEWSBOT_DATABASE_URL (postgresql://…) for PostgreSQL, NEWSBOT_SEEDS (default seeds), NEWSBOT_LOG_LEVEL. A command that finds the database empty
    ingests the seeds first.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--year",
    type=click.IntRange(MIN_YEAR, MAX_YEAR),
    help="Year of the OCR pages (the page prints only month and day); overrides manifest.json.",
)
@click.option("--source", help="Source name for every article; overrides manifest.json and JSONL fields.")
@click.option(
    "--batch-size",
    type=click.IntRange(1, 100_000),
    default=None,
    help=f"Articles per write transaction (smaller: the bot's writes wait less). Default: {BATCH_SIZE}, "
    f"{POSTGRES_BATCH_SIZE} on PostgreSQL.",
)
@click.option(
    "--skip-bad-lines",
    is_flag=True,
    help="Import the good records of a JSON Lines file that has malformed lines, listing each line skipped.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Store nothing: print how each OCR page is cut (stories, headlines, what was dropped).",
)
def ingest(
    paths: tuple[Path, ...],
    year: int | None,
    source: str | None,
    batch_size: int | None,
    skip_bad_lines: bool,
    explain: bool,
) -> None:
    """导入文章 Ingest OCR pages (.txt) and JSON Lines (.jsonl), files or directories.

    With no PATH, ingests the seeds directory; with PATHs, only those. A file that cannot be read or
    parsed changes nothing and the others still go in. Articles are stored in short batches; an import
    interrupted in the middle of a file (killed, power cut) is resumed by ingesting the file again.
    Articles already stored are recognised by their text. A JSON Lines file with malformed lines is
    refused whole (the error lists its bad lines) unless --skip-bad-lines is given. Prints one line per
    failed, skipped or uncertain file on stderr and one summary line; exits 1 when any input failed.
    """
    from bot.chat.typed_text import readable

    settings = get_settings()
    if source is not None:
        source = readable(source)  # bytes that are not UTF-8 as U+FFFD: the database takes no surrogate
        if not source.strip():
            raise click.BadParameter("must not be empty", param_hint="--source")
    targets = list(paths) or [settings.seeds]
    if explain:
        _explain(targets, year=year, source=source)
        return
    with database(settings, seed=False) as db:
        files, _ = collect_inputs(targets)
        run = functools.partial(
            ingest_paths,
            db,
            targets,
            year=year,
            source=source,
            skip_bad_lines=skip_bad_lines,
            batch_size=batch_size,
        )
        sizes = [_file_size(f.path) for f in files]
        if len(files) >= PROGRESS_MIN_FILES or sum(sizes) >= PROGRESS_MIN_BYTES:
            # Weighted by file size, so the estimated time left holds when files differ in size.
            with click.progressbar(
                length=max(1, sum(sizes)), label="导入 ingesting", file=sys.stderr, show_eta=True
            ) as bar:
                meter = _ByteMeter(sizes, bar.update)
                report = run(progress=meter.file_done, on_batch=meter.batch_done)
        else:
            report = run()
        unfinished = unfinished_imports(db)
    for line in format_file_problems(report):
        click.echo(line, err=True)
    for record in unfinished:
        click.echo(
            f"提示 note: {record.file}: 导入曾中断（已存 {record.stored}/{record.articles} 篇），"
            "再次导入这个文件即可补全 (interrupted import; ingest the file again to finish it)",
            err=True,
        )
    click.echo(format_ingest_summary(report))
    if report.failed:
        sys.exit(1)


class _ByteMeter:
    """Turns ingest progress (files finished, and the articles of the current file stored so far) into
    bytes of input for the progress bar, so that one large file moves the bar and its ETA as well."""

    def __init__(self, sizes: list[int], advance: Callable[[int], None]) -> None:
        self.sizes = sizes
        self.advance = advance
        self.files_done = 0
        self.done_bytes = 0  # input bytes of the files finished
        self.shown = 0  # bytes the bar has been advanced by

    def _to(self, position: int) -> None:
        if position > self.shown:
            self.advance(position - self.shown)
            self.shown = position

    def batch_done(self, stored: int, articles: int) -> None:
        if self.files_done < len(self.sizes) and articles:
            self._to(self.done_bytes + self.sizes[self.files_done] * min(stored, articles) // articles)

    def file_done(self, _result: object, done: int, _total: int) -> None:
        self.done_bytes += sum(self.sizes[self.files_done : done])
        self.files_done = done
        self._to(self.done_bytes)


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _explain(targets: list[Path], *, year: int | None, source: str | None) -> None:
    """`ingest --explain`: how each OCR page would be cut; nothing is stored."""
    from storage.ingest.pipeline import explain_file

    files, problems = collect_inputs(targets)
    failed = 0
    for problem in problems:
        if problem.status == "skipped":  # a file in a directory that ingest skips too
            click.echo(f"跳过 skipped: {problem.path}: {problem.error}", err=True)
            continue
        click.echo(f"错误 error: {problem.path}: {problem.error}", err=True)
        failed += 1
    for item in files:
        try:
            lines = explain_file(item.path, year=year, source=source)
        except StorageError as exc:
            click.echo(f"错误 error: {exc}", err=True)
            failed += 1
            continue
        for line in lines:
            click.echo(line)
    if failed:
        sys.exit(1)


@main.command()
def export() -> None:
    """导出文章 Export every article as JSON Lines on stdout (UTF-8, one article per line)."""
    settings = get_settings()
    with database(settings) as db:
        for article in iter_articles(db):
            click.echo(json.dumps(export_record(article), ensure_ascii=False))
        sys.stdout.flush()  # a full disk shows here, not at exit (`_Commands.invoke`)


@main.command(name="stats")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as one JSON object.")
def stats_command(as_json: bool) -> None:
    """统计 Counts of articles, sources and dates."""
    settings = get_settings()
    with database(settings) as db:
        data = stats(db)
    if as_json:
        printable = {
            **data,
            "sources": {str(k) if k is not None else "": v for k, v in data["sources"].items()},
        }
        click.echo(json.dumps(printable, ensure_ascii=False))
        return
    for line in format_stats(data):
        click.echo(line)


# --- search ------------------------------------------------------------------------------------


def format_search(resp, *, color: bool = False) -> list[str]:
    """Human-readable lines for a SearchResponse: what the search changed to find something (the chats'
    notes: a date left out, words dropped, slips corrected), the answer, then each hit with matches marked."""

    def marked(snippet) -> str:
        if color:
            return "".join(click.style(t, fg="yellow", bold=True) if m else t for t, m in snippet.spans)
        return "".join(f"【{t}】" if m else t for t, m in snippet.spans)

    if not resp.hits:
        # A long query is named by its first words, as the chats name it (`clip`, `QUERY_CAP`).
        return [f"没有找到与“{clip(resp.query, QUERY_CAP)}”相关的文章。No articles found."]
    lines = [f"找到 {resp.total} 篇（{resp.took_ms:.1f} ms）", *search_notes(resp, "zh")]
    if resp.answer is not None:
        sentence = marked(resp.answer.snippet) if resp.answer.snippet else resp.answer.sentence
        lines.append(f"答：{sentence}（文章 #{resp.answer.article_id}）")
    for n, hit in enumerate(resp.hits, 1):
        title = click.style(hit.title, bold=True) if color else hit.title
        lines.append("")
        lines.append(f"{n}. {title}  {hit.date or '日期不详'}  #{hit.id}")
        lines.append(f"   {marked(hit.snippet)}")
    return lines


def search_with_latest_day(
    searcher, query: str, limit: int, today: date | None = None
) -> tuple[SearchResponse, LatestDayInstead | None]:
    """The response to `query`, its dates read against `today` (default: today in China), and for a
    date-only query that found nothing the latest day with news shown instead (`latest_day_instead`, the
    chats' rule)."""
    resp = searcher.search(query, limit=limit, today=today)
    return resp, latest_day_instead(searcher, resp, limit=limit, today=today)


def search_record(resp: SearchResponse, instead: LatestDayInstead | None) -> dict:
    """The JSON object of one search: the stories shown (the latest day's, when it stands in for an empty
    period) under the query as typed; `latest_day_instead` names the period asked for and that day."""
    from storage.search.engine import to_record

    shown = instead.shown if instead is not None and instead.shown is not None else resp
    return {
        **to_record(shown),
        "query": resp.query,
        "latest_day_instead": ({"asked": instead.when, "day": instead.day} if instead is not None else None),
    }


def format_search_with_latest_day(
    resp: SearchResponse, instead: LatestDayInstead | None, *, color: bool = False
) -> list[str]:
    """`format_search`'s lines, preceded, when the latest day stands in for an empty period, by the
    chats' line saying so."""
    if instead is None:
        return format_search(resp, color=color)
    if instead.day is None or instead.shown is None:
        return [text("zh", "date_none_at_all", when=instead.when)]
    note = text("zh", "date_none", when=instead.when, day=instead.day)
    return [note, *format_search(instead.shown, color=color)]


# The query may be typed unquoted (newsbot search 樊惠林 医院, 保交楼 -电梯): its words are joined with
# spaces, and a word starting with "-" is an excluded word, not an unknown option.
@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1, metavar="QUERY")
@click.option("--limit", "-n", type=click.IntRange(1, 100), default=10, show_default=True, help="Results.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option(
    "--batch",
    type=click.File("r", encoding="utf-8-sig", errors="replace"),  # a BOM (Notepad) is not a query
    help="Read one query per line from FILE ('-' for stdin); print one JSON object per line, in order.",
)
@click.option(
    "--now",
    "now_typed",
    metavar="TIME",
    help="Read 昨天, 上周, 去年 and the like from this date (ISO, e.g. 2020-03-01 or 2020-03-01T12:00; Shanghai "
    "time unless an offset is given), for an archive of past news. Default: today in China.",
)
def search(words: tuple[str, ...], limit: int, as_json: bool, batch, now_typed: str | None) -> None:
    """搜索 Search articles: words (all must match), "quoted phrases", -excluded, dates, questions.

    JSON: {"query", "total", "took_ms", "results": [{"id", "title", "date", "snippet", "highlights",
    "score"}], "answer": {"sentence", "article_id"} or null}; highlights are [start, end) offsets in snippet.
    """
    from bot.chat.examples import SEED_EXAMPLES
    from storage.search.engine import Searcher
    from storage.search.query import parse_query

    mistyped = next((w for w in words if w.startswith("--")), None)
    if mistyped is not None:
        raise click.NoSuchOption(mistyped.split("=", 1)[0])
    query = " ".join(words) if words else None
    if batch is None and not (query or "").strip():  # nothing, or "" / "  " typed as the query
        raise click.UsageError("give a QUERY or --batch FILE / 请输入要搜索的内容")
    if batch is not None and query is not None:
        raise click.UsageError("give either a QUERY or --batch FILE, not both")
    if query is not None and parse_query(query).only_excluded:  # -阅兵, NOT 阅兵: no word to find
        example = {"example_keyword": SEED_EXAMPLES.keyword}
        said = [text(lang, "search_only_excluded", **example) for lang in ("zh", "en")]
        raise click.UsageError(" / ".join(said))
    today = search_day(now_typed) if now_typed is not None else None
    settings = get_settings()
    with database(settings) as db:
        searcher = Searcher(db)
        searcher.warm_up()  # load the segmenter first: took_ms is the time inside each search
        if batch is not None:
            for line in batch:
                found = search_with_latest_day(searcher, line.rstrip("\r\n"), limit, today)
                click.echo(json.dumps(search_record(*found), ensure_ascii=False))
            return
        resp, instead = search_with_latest_day(searcher, query or "", limit, today)
    if as_json:
        click.echo(json.dumps(search_record(resp, instead), ensure_ascii=False))
        return
    color = sys.stdout.isatty()
    for line in format_search_with_latest_day(resp, instead, color=color):
        click.echo(line)


@main.command()
def reindex() -> None:
    """重建索引 Rebuild the search index (and summaries, keywords) from the stored articles."""
    from storage.database.index import merge_term_counts, rebuild_index

    settings = get_settings()
    with database(settings, seed=False) as db:
        with write_transaction(db):
            n = rebuild_index(db)
        merge_term_counts(db)
    click.echo(f"已重建索引：{n} 篇文章 (reindexed {n} articles)")


@main.command()
def compact() -> None:
    """压缩数据库 Give the database file back the space it no longer uses (VACUUM). Stop the bot first.

    After an upgrade whose migration rebuilt the search index, the file keeps its old size until this
    runs. It rewrites the whole database (minutes for a large archive) and needs as much free disk."""
    from storage.database.connection import compact as compact_db

    settings = get_settings()
    with database(settings, seed=False) as db:
        try:
            before, after = compact_db(db)
        except StorageError as exc:
            raise click.ClickException(str(exc)) from exc
    mb = 1024 * 1024
    click.echo(f"已压缩 compacted: {before / mb:,.1f} MB → {after / mb:,.1f} MB")


# --- chat side ---------------------------------------------------------------------------------


def chat_clock_start(typed: str) -> datetime:
    """`newsbot chat --now` and `newsbot web --now`: an ISO date or date and time; one without an offset is Shanghai time (the
    chat's timezone until /timezone)."""
    from zoneinfo import ZoneInfo

    from storage.models import DEFAULT_TIMEZONE

    try:
        start = datetime.fromisoformat(typed.strip())
    except ValueError:
        raise click.BadParameter(
            f"「{typed}」不是日期时间，例如 2020-03-01T12:00 或 2020-03-01 / "
            f"not a date and time; e.g. 2020-03-01T12:00 or 2020-03-01",
            param_hint="--now",
        ) from None
    return start if start.tzinfo is not None else start.replace(tzinfo=ZoneInfo(DEFAULT_TIMEZONE))


def search_day(typed: str) -> date:
    """`newsbot search --now`: the day (in Shanghai time, the chats' default) of a time typed as for `--now`."""
    from zoneinfo import ZoneInfo

    from storage.models import DEFAULT_TIMEZONE

    return chat_clock_start(typed).astimezone(ZoneInfo(DEFAULT_TIMEZONE)).date()


# `newsbot chat --now` and `newsbot web --now`: the chats' clock, for trying an archive of past news.
_now_option = click.option(
    "--now",
    "now_typed",
    metavar="TIME",
    help="The chat's clock starts at this date and time (ISO, e.g. 2020-03-01T12:00; Shanghai time unless "
    "an offset is given): 昨天, 上周, /digest and the like are read from it. Default: the real clock.",
)


@main.command()
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Reply language.",
)
@_now_option
def chat(lang: str, now_typed: str | None) -> None:
    """终端对话 Chat with newsbot in the terminal: the same replies as in Telegram, no token needed.

    Type words or a question to search, /help for the commands, a number to press a button.
    Reads lines from stdin when piped (e.g. `echo 保交楼 | newsbot chat`).
    """
    from bot.console import run_console

    now = chat_clock_start(now_typed) if now_typed is not None else None
    settings = get_settings()
    try:
        run_console(settings, lang=lang, now=now)
    except StorageError as exc:
        raise click.ClickException(f"无法打开数据库 / cannot open database: {exc}") from exc


@main.command()
@click.option("--webhook-url", help="Public https URL for Telegram's webhook (default: long polling).")
@click.option("--listen", help="Address the webhook server listens on (default 0.0.0.0).")
@click.option(
    "--port", type=click.IntRange(1, 65535), help="Port the webhook server listens on (default 8443)."
)
@click.option(
    "--health-port", type=click.IntRange(0, 65535), help="Serve GET /healthz on this port (default: off)."
)
def serve(webhook_url: str | None, listen: str | None, port: int | None, health_port: int | None) -> None:
    """运行 Telegram 机器人 Run the Telegram bot until Ctrl-C or SIGTERM: long polling, or a webhook
    server with --webhook-url (or NEWSBOT_WEBHOOK_URL).

    Needs TELEGRAM_BOT_TOKEN (from @BotFather); TELEGRAM_API_BASE_URL points at a self-hosted Bot API
    server; NEWSBOT_ADMIN_IDS lists the admins' Telegram user ids. Webhook requests without the
    secret token (NEWSBOT_WEBHOOK_SECRET, or one derived from the bot token) are refused with 403.
    With NEWSBOT_WEB_PORT it also serves the web page and WeChat endpoint (see `newsbot web`).
    """
    settings = get_settings()
    overrides = {
        key: value
        for key, value in {
            "webhook_url": webhook_url,
            "webhook_listen": listen,
            "webhook_port": port,
            "health_port": health_port,
        }.items()
        if value is not None
    }
    if overrides:
        try:
            settings = load_settings(**overrides)
        except SettingsError as exc:
            raise click.ClickException(f"设置有误 / {exc}") from exc
    if settings.telegram_bot_token is None:
        raise click.ClickException(
            "TELEGRAM_BOT_TOKEN 未设置：请在环境变量或 .env 中设置机器人令牌（从 @BotFather 获取）。"
            "不用令牌也可以试用：newsbot chat\n"
            "TELEGRAM_BOT_TOKEN is not set: put the bot token from @BotFather in the environment or .env. "
            "To try newsbot without a token: newsbot chat"
        )
    from bot.logs import RedactFilter, configure_logging
    from bot.telegram.app import BotStartError, run

    token = settings.telegram_bot_token.get_secret_value()
    root = logging.getLogger()
    for handler in list(root.handlers):  # structured logs replace the plain ones get_settings() set up
        if not getattr(handler, "_newsbot", False):
            root.removeHandler(handler)
    configure_logging(settings.log_level, secrets=[token])
    for handler in root.handlers:  # the token never reaches any log output
        handler.addFilter(RedactFilter([token]))
    from bot.ops.health_server import HealthServerError
    from bot.web.server import WebServerError

    try:
        run(settings)
    except StorageError as exc:
        raise click.ClickException(f"无法打开数据库 / cannot open database: {exc}") from exc
    except WebServerError as exc:
        raise click.ClickException(f"网页服务无法启动 / {exc}") from exc
    except BotStartError as exc:
        raise click.ClickException(str(exc)) from exc
    except HealthServerError as exc:
        raise click.ClickException(
            f"健康检查服务无法启动 / the /healthz server (NEWSBOT_HEALTH_PORT): {exc}"
        ) from exc


@main.command()
@click.option("--host", help="Address to listen on (default NEWSBOT_WEB_LISTEN, else 127.0.0.1).")
@click.option(
    "--port", type=click.IntRange(0, 65535), help="Port to listen on (default NEWSBOT_WEB_PORT, else 8000)."
)
@_now_option
def web(host: str | None, port: int | None, now_typed: str | None) -> None:
    """网页和微信公众号 Serve the chat page, its JSON API, article pages, private feeds, /healthz and
    (with NEWSBOT_WECHAT_TOKEN) the WeChat Official Account endpoint /wechat, until Ctrl-C or SIGTERM.

    The same conversation as in Telegram; a reader is a browser session. Put it behind a reverse proxy
    for HTTPS and set NEWSBOT_WEB_PUBLIC_URL to the public address.
    """
    now = chat_clock_start(now_typed) if now_typed is not None else None
    settings = get_settings()
    from bot.web.server import WebServerError, run_web, web_address

    where, number = web_address(settings, host, port)

    def listening(bound: int) -> None:
        click.echo(f"newsbot web: http://{where}:{bound}/ (Ctrl-C stops)", err=True)

    try:
        run_web(settings, host=where, port=number, on_listening=listening, now=now)
    except StorageError as exc:
        raise click.ClickException(f"无法打开数据库 / cannot open database: {exc}") from exc
    except WebServerError as exc:
        raise click.ClickException(f"网页服务无法启动 / {exc}") from exc


# --- operations --------------------------------------------------------------------------------


@main.command()
@click.argument("path")
@click.option("--force", "-f", is_flag=True, help="Overwrite an existing backup file without asking.")
def backup(path: str, force: bool) -> None:
    """备份数据库 Back up the database to PATH (a file, or a folder for newsbot-backup.db).

    PATH must be a regular file or a new name in an existing folder (a folder named with a trailing
    slash is created); devices, pipes and sockets are refused. An existing file is replaced only after
    you confirm, or with --force. Safe while the bot and `newsbot ingest` are running: SQLite's online
    backup API copies a consistent snapshot. Restore by stopping the bot and copying the file over
    NEWSBOT_DB.

    With NEWSBOT_DATABASE_URL (PostgreSQL) nothing is copied: it prints the pg_dump command that backs that
    database up (the URL without its password) and exits 1.
    """
    from storage.database.backup import backup_database, backup_target, pg_dump_advice

    settings = get_settings()
    if settings.database_url is not None:
        raise click.ClickException(pg_dump_advice(settings.database_url.get_secret_value(), path))
    try:
        plan = backup_target(settings.db, path)
        if plan.exists and not force:
            try:
                confirmed = click.confirm(
                    f"{plan.path} 已存在，覆盖吗？ already exists; overwrite?", default=False, err=True
                )
            except click.Abort:
                confirmed = False
            if not confirmed:
                raise click.ClickException(
                    f"没有覆盖 not overwritten: {plan.path} exists (use --force to replace it)"
                )
        if plan.create_folder:
            click.echo(f"新建文件夹 creating folder {plan.path.parent}", err=True)
        target = backup_database(settings.db, path, overwrite=True)
    except StorageError as exc:
        raise click.ClickException(f"备份失败 / backup failed: {exc}") from exc
    click.echo(f"已备份到 backed up to {target}")


@main.command(name="copy-database")
@click.option(
    "--to",
    "target_url",
    required=True,
    metavar="URL",
    help="The PostgreSQL database to copy into: postgresql://USER:PASSWORD@HOST:PORT/DB, empty.",
)
def copy_database_command(target_url: str) -> None:
    """复制数据库到 PostgreSQL Copy the SQLite database NEWSBOT_DB into an empty PostgreSQL database.

    Every table moves with its ids (articles, imports, chats, subscriptions, the digest ledger, sources,
    readers, feeds); the search index and near-duplicate clusters are rebuilt there from the articles.
    One transaction: on any error the target is left as it was. Then set NEWSBOT_DATABASE_URL to URL.
    """
    from storage.database.copy import copy_database
    from storage.database.postgres import is_postgres_url
    from storage.urls import safe_url

    if not is_postgres_url(target_url):
        raise click.BadParameter("must start with postgresql:// or postgres://", param_hint="--to")
    settings = get_settings()
    try:
        source = open_db(settings.db)  # the SQLite file, whatever NEWSBOT_DATABASE_URL says
        try:
            target = open_db(target_url)
            try:
                report = copy_database(source, target)
            finally:
                target.close()
        finally:
            source.close()
    except StorageError as exc:
        raise click.ClickException(f"复制失败 / copy failed: {exc}") from exc
    for table in report.tables:
        click.echo(f"  {table.name}: {table.target_rows}")
    click.echo(
        f"已复制到 copied to {safe_url(target_url)}: {len(report.tables)} tables, "
        f"{report.indexed} articles indexed"
    )
    if not report.ok:
        raise click.ClickException("行数不一致 / row counts differ between the two databases")


@main.command()
@click.option("--quiet", "-q", is_flag=True, help="Print nothing; the exit code says it all.")
@click.option(
    "--require",
    "required",
    multiple=True,
    help="A service that must have run recently, e.g. digest_scheduler (repeatable).",
)
def health(quiet: bool, required: tuple[str, ...]) -> None:
    """健康检查 Check the database and background services; exit 0 when healthy, 1 when not.

    Prints the same JSON as the bot's /healthz endpoint. For scripts and Docker's HEALTHCHECK.
    """
    from datetime import timedelta

    from storage.database.health import check

    settings = get_settings()
    expected = {name: timedelta(minutes=10) for name in required}
    report = check(settings.database_target, expected=expected)
    if not quiet:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    sys.exit(0 if report.ok else 1)


# --- web sources ---------------------------------------------------------------------------------


def _add_command_groups() -> None:
    """Command groups kept in their own modules (they use the helpers above)."""
    from bot.sources_cli import sources_group

    main.add_command(sources_group(get_settings, database))


_add_command_groups()


if __name__ == "__main__":  # python -m bot.cli, as python -m bot
    main()
