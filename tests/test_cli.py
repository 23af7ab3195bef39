"""The newsbot CLI: ingest, export, stats, seeding an empty database, clear errors (issue 2)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import PROGRESS_MIN_FILES, main
from bot.settings import load_settings
from storage.database.postgres import is_postgres_url

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPORT_KEYS = {
    "id",
    "title",
    "title_lines",
    "title_source",
    "date",
    "byline",
    "reporters",
    "correspondents",
    "body",
    "paragraphs",
    "source",
    "url",
    "published_at",
    "summary",
    "keywords",
}


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A working directory of its own (no stray .env) and settings pointing into tmp_path."""
    monkeypatch.chdir(tmp_path)
    values = {"NEWSBOT_DB": str(tmp_path / "data" / "newsbot.db"), "NEWSBOT_SEEDS": str(SEEDS)}
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("NEWSBOT_LOG_LEVEL", raising=False)
    return values


@pytest.fixture
def backend_env(env, database_target, monkeypatch):
    """`env` with the database on each backend in turn: the SQLite file, then a PostgreSQL database
    (NEWSBOT_DATABASE_URL, which wins over NEWSBOT_DB)."""
    if is_postgres_url(database_target):
        monkeypatch.setenv("NEWSBOT_DATABASE_URL", database_target)
        return {**env, "NEWSBOT_DATABASE_URL": database_target}
    return env


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_ingest_defaults_to_seeds_and_is_idempotent(backend_env):
    first = run("ingest")
    assert first.exit_code == 0, first.output
    assert first.stdout.strip() == "6 篇新文章，0 篇已存在（1 个文件）"
    again = run("ingest")
    assert again.exit_code == 0
    assert again.stdout.strip() == "0 篇新文章，6 篇已存在（1 个文件）"
    assert Path(backend_env["NEWSBOT_DB"]).exists() is ("NEWSBOT_DATABASE_URL" not in backend_env)


def test_export_on_empty_database_seeds_first(backend_env):
    result = run("export")
    assert result.exit_code == 0, result.output
    assert "已导入种子数据" in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 6
    records = [json.loads(line) for line in lines]
    assert all(set(r) == EXPORT_KEYS for r in records)
    assert records[1]["title"] == "二七区打造以城留人 以人兴城的优良环境"
    assert records[1]["title_lines"] == ["二七区打造以城留人", "以人兴城的优良环境"]
    assert records[1]["date"] == "2023-04-04"
    assert records[0]["reporters"] == ["景静"] and records[0]["correspondents"] == ["左学彬", "周祎"]
    assert records[0]["body"] == "\n".join(records[0]["paragraphs"])
    assert "华侨城1号院" in records[0]["body"]  # raw UTF-8, not \\u escapes
    assert {r["source"] for r in records} == {"郑州市二七区区报"}


def test_seeds_that_are_a_file_or_nothing_are_named_as_such(backend_env, tmp_path, monkeypatch):
    """QA pass 17: NEWSBOT_SEEDS naming a file was said not to exist."""
    (tmp_path / "seeds.txt").write_text("a file")
    for seeds, said in (("seeds.txt", "不是文件夹 (not a folder)"), ("none", "不存在 (does not exist)")):
        monkeypatch.setenv("NEWSBOT_SEEDS", str(tmp_path / seeds))
        result = run("stats")
        assert result.exit_code == 0, result.output
        assert result.stderr == f"提示：数据库是空的，种子目录 {tmp_path / seeds} {said}（NEWSBOT_SEEDS）。\n"


def test_an_empty_seeds_directory_is_no_import_to_report(backend_env, tmp_path, monkeypatch):
    """QA pass 7: with NEWSBOT_SEEDS an empty directory (the documented way to start with no articles) every
    reading command printed 数据库是空的，已导入种子数据：0 篇新文章，0 篇已存在（0 个文件）, an import that never was."""
    (tmp_path / "no-seeds").mkdir()
    monkeypatch.setenv("NEWSBOT_SEEDS", str(tmp_path / "no-seeds"))
    result = run("stats")
    assert result.exit_code == 0, result.output
    assert "文章 articles: 0" in result.stdout and result.stderr == ""


def test_stats(backend_env):
    result = run("stats")
    assert result.exit_code == 0, result.output
    assert "文章 articles: 6" in result.stdout
    assert "郑州市二七区区报: 6" in result.stdout
    assert "2023-04-04: 3" in result.stdout
    assert "无日期 undated: 1" in result.stdout
    data = json.loads(run("stats", "--json").stdout)
    assert data["articles"] == 6 and data["dates"]["2023-04-12"] == 1


@pytest.mark.parametrize("typed", ["昨天", "前天", "上周", "4月3日"])
def test_a_date_only_search_without_news_lists_the_latest_day_as_the_chats_do(env, typed):
    """Regression: `newsbot search 昨天` said nothing was found, where the chats list the latest day
    with news (the seed page's latest day is 2023-04-12, article #6)."""
    result = run("search", typed)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith(" 没有新闻。最近有新闻的一天是 2023-04-12：")
    assert lines[1].startswith("找到 1 篇") and lines[3].endswith("2023-04-12  #6")
    record = json.loads(run("search", "--json", typed).stdout)
    assert record["query"] == typed and [r["id"] for r in record["results"]] == [6]
    assert record["latest_day_instead"]["day"] == "2023-04-12"
    assert lines[0].startswith(record["latest_day_instead"]["asked"] + " ")


def test_a_date_only_search_before_all_news_says_so_and_other_searches_are_as_they_were(env):
    result = run("search", "2001年1月1日")
    assert result.stdout.splitlines() == ["2001-01-01 没有新闻，也没有更早的新闻。"]
    record = json.loads(run("search", "--json", "2001年1月1日").stdout)
    assert record["results"] == [] and record["latest_day_instead"] == {"asked": "2001-01-01", "day": None}
    batch_input = "保交楼\n2023年4月12日\n"
    batch = CliRunner().invoke(main, ["search", "--batch", "-"], input=batch_input).stdout.splitlines()
    assert [json.loads(line)["latest_day_instead"] for line in batch] == [None, None]
    assert [r["id"] for r in json.loads(batch[1])["results"]] == [6]


def test_search_now_reads_relative_dates_from_the_day_given_as_the_chats_now_does(env):
    """Issue 20: `newsbot search` read 昨天 and 去年 against the real clock only, so an archive of past news
    could not be asked as the chats ask it with `--now` (the seed page: 2023-04-04 ×3, 04-06, 04-12)."""
    record = json.loads(run("search", "--json", "--now", "2023-04-05", "昨天").stdout)
    assert record["total"] == 3 and record["latest_day_instead"] is None
    assert {r["date"] for r in record["results"]} == {"2023-04-04"}
    # a time with an offset is read in Shanghai time: 01:00 UTC on the 13th is 09:00 there
    record = json.loads(run("search", "--json", "--now", "2023-04-13T01:00+00:00", "昨天").stdout)
    assert [r["id"] for r in record["results"]] == [6] and record["latest_day_instead"] is None
    batch = CliRunner().invoke(main, ["search", "--now", "2023-04-07", "--batch", "-"], input="前天\n昨天\n")
    first, second = (json.loads(line) for line in batch.stdout.splitlines())
    assert {r["date"] for r in first["results"]} == {"2023-04-04"} and first["total"] == 3
    assert [r["date"] for r in second["results"]] == ["2023-04-06"] and second["latest_day_instead"] is None
    result = CliRunner().invoke(main, ["search", "--now", "4月5日", "昨天"])
    assert result.exit_code == 2 and "--now" in result.output


def test_a_long_query_found_nowhere_is_named_by_a_short_prefix_as_the_chats_do(env):
    """QA pass 19: `newsbot search` repeated a 10,000-character query whole in its "not found" line."""
    query = "乌有之乡的传说" * 1500
    (line,) = run("search", query).stdout.splitlines()
    named = line.removeprefix("没有找到与“").partition("”")[0]
    assert len(named) <= 40 and named.endswith("…") and query.startswith(named[:-1])
    assert run("search", "乌有之乡").stdout.strip() == "没有找到与“乌有之乡”相关的文章。No articles found."
    assert json.loads(run("search", "--json", query).stdout)["query"] == query  # the record keeps it whole


def test_ingest_path_into_empty_database_imports_only_that_path(backend_env, tmp_path):
    """Issue 11: `ingest PATH` never adds the seeds unasked; reading commands still seed an empty DB."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"title": "网上来稿", "body": "本报讯 一篇来稿。"}, ensure_ascii=False) + "\n")
    result = run("ingest", str(feed), "--source", "来稿")
    assert result.exit_code == 0, result.output
    assert "种子" not in result.stderr
    assert result.stdout.strip() == "1 篇新文章，0 篇已存在（1 个文件）"
    records = [json.loads(line) for line in run("export").stdout.splitlines()]
    assert [r["title"] for r in records] == ["网上来稿"]
    assert records[-1]["source"] == "来稿"


def test_bad_input_exits_non_zero_with_clear_messages(backend_env, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"title": "好稿", "body": "好的正文。"}, ensure_ascii=False) + "\n")
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"title": "好", "body": "正文"}\n{"title": oops}\n')
    binary = tmp_path / "scan.txt"
    binary.write_bytes(bytes(range(256)))
    result = run("ingest", str(tmp_path / "missing.txt"), str(broken), str(binary), str(good))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "missing.txt: no such file or directory" in result.stderr
    assert re.search(r"broken\.jsonl: line 2: invalid JSON", result.stderr)
    assert "scan.txt: binary file" in result.stderr
    # Issue 11: one line per failure on stderr and one summary line, no second "Error:" line.
    assert len(result.stderr.splitlines()) == 3 and "Error" not in result.stderr
    assert result.stdout.strip() == "1 篇新文章，0 篇已存在（1 个文件，3 个失败）"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "--year", "abc"], "'abc' is not a valid integer"),
        (["ingest", "--year", "99999"], "99999 is not in the range"),
        (["ingest", "--source", " "], "must not be empty"),
        (["search", ""], "请输入要搜索的内容"),  # QA: "" searched for nothing and found nothing
        (["search", "  "], "请输入要搜索的内容"),
        (["search"], "请输入要搜索的内容"),
        # QA pass 29: only 没有找到, where the chat explains that a word to find is needed
        (["search", "-阅兵"], "搜索需要一个要找的词，减号或 NOT 后的词是要排除的"),
        (["search", "NOT", "阅兵"], "A search needs a word to find"),
    ],
)
def test_bad_options(env, args, message):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert message in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_bad_settings_and_database_path(env, tmp_path):
    result = CliRunner().invoke(main, ["stats"], env={"NEWSBOT_LOG_LEVEL": "loud"})
    assert result.exit_code == 1
    assert "NEWSBOT_LOG_LEVEL" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(main, ["stats"], env={"NEWSBOT_DB": str(tmp_path)})
    assert result.exit_code == 1
    assert "is a directory" in result.output


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("http://bot.example.org/hook", "Telegram refuses webhooks at plain http:// addresses"),
        ("ftp://bot.example.org/hook", "starting with https://"),
    ],
)
def test_a_webhook_url_telegram_would_refuse_is_a_bad_setting_at_start(env, url, said):
    """QA pass 29: a plain http:// webhook address was accepted at start, though Telegram's setWebhook
    refuses it; it is one line naming the setting, as other bad settings are."""
    result = CliRunner().invoke(
        main, ["serve"], env={"NEWSBOT_WEBHOOK_URL": url, "TELEGRAM_BOT_TOKEN": "1:abc"}
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "NEWSBOT_WEBHOOK_URL" in lines[0] and said in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "saved_as",
    [
        "NEWSBOT_LOG_LEVEL=INFO\n".encode("utf-16"),  # Windows Notepad's "Unicode"
        "# 区报的设置\nNEWSBOT_LOG_LEVEL=INFO\n".encode("gbk"),  # a Chinese Windows editor's ANSI
    ],
    ids=["utf-16", "gbk"],
)
def test_a_dot_env_file_that_is_not_utf8_is_named_in_one_line(env, tmp_path, saved_as):
    (tmp_path / ".env").write_bytes(saved_as)
    result = CliRunner().invoke(main, ["stats"])
    assert result.exit_code == 1
    assert ".env" in result.output and "UTF-8" in result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, UnicodeDecodeError)


def test_a_slip_in_a_settings_name_gets_a_note_naming_the_setting_meant(env, tmp_path):
    (tmp_path / ".env").write_text("TELEGRAM_TOKEN=123:abc\nexport NEWSBOT_LOGLEVEL=INFO\n", encoding="utf-8")
    result = run("stats", env={"NEWSBOT_DB_PATH": str(tmp_path / "elsewhere.db"), "NEWSBOT_REALNEWS": "/x"})
    assert result.exit_code == 0
    notes = [line for line in result.stderr.splitlines() if line.startswith("提示 note:")]
    assert len(notes) == 3, result.stderr
    assert "NEWSBOT_DB_PATH is not a setting newsbot reads (ignored): did you mean NEWSBOT_DB?" in notes[0]
    assert "did you mean NEWSBOT_LOG_LEVEL?" in notes[1] and "did you mean TELEGRAM_BOT_TOKEN?" in notes[2]
    assert not (tmp_path / "elsewhere.db").exists()  # ignored, as the note says


def test_jsonl_records_with_inferred_titles_are_not_sent_to_explain(env, tmp_path):
    """`--explain` reads OCR pages only: the note on a JSONL file's inferred titles names the field instead."""
    records = [
        {"title": "区里召开会议", "body": "区里今天召开会议，部署冬季供暖工作。"},
        {"title": "导语拟的标题", "body": "据了解，全区今年新建公园十座。", "title_source": "inferred"},
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    result = run("ingest", str(path))
    assert result.exit_code == 0
    (note,) = [line for line in result.stderr.splitlines() if "export.jsonl" in line]
    assert "1 of 2 records have an inferred title (title_source: inferred)" in note
    assert "--explain" not in note


def test_paths_starting_with_a_tilde_are_in_the_home_folder_as_in_a_shell(env, tmp_path, monkeypatch):
    """`.env` and systemd's EnvironmentFile pass `~/…` on unexpanded: it made a folder named `~`."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("NEWSBOT_DB")
    (tmp_path / ".env").write_text("NEWSBOT_DB=~/newsbot/news.db\nNEWSBOT_INBOX=~/inbox\n", encoding="utf-8")
    result = run("stats")
    assert result.exit_code == 0
    assert (home / "newsbot" / "news.db").is_file() and not (tmp_path / "~").exists()
    assert load_settings().inbox == home / "inbox"


def test_missing_seeds_directory_is_a_note_not_a_crash(backend_env, tmp_path):
    result = run("stats", env={"NEWSBOT_SEEDS": str(tmp_path / "no-seeds")})
    assert result.exit_code == 0
    assert "no-seeds" in result.stderr
    assert "文章 articles: 0" in result.stdout


def test_many_files_with_progress_bar(backend_env, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i in range(PROGRESS_MIN_FILES + 2):
        record = {"title": f"第{i}篇", "body": f"本报讯 这是第{i}篇稿件的正文。"}
        (inbox / f"{i:03d}.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n")
    result = run("ingest", str(inbox))
    assert result.exit_code == 0, result.output
    assert "导入 ingesting" in result.stderr
    assert result.stdout.strip().endswith(f"12 篇新文章，0 篇已存在（{PROGRESS_MIN_FILES + 2} 个文件）")


def test_every_command_has_help_and_is_documented(env):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0
        assert command.help, name
        assert f"### {name}" in readme, f"README.md has no '### {name}' section"


@pytest.mark.parametrize("module", ["bot", "bot.cli"])
def test_python_m_bot_help_in_a_real_process(tmp_path, module):
    """`python -m bot.cli` (the module holding the commands) printed nothing and exited 0 (QA pass 29)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "ingest" in done.stdout and "export" in done.stdout and "stats" in done.stdout


def test_the_progress_bar_moves_within_a_large_file():
    """The bar counts bytes of input: batches of the current file move it in proportion, files finished
    move it to their end, and it never goes back."""
    from bot.cli import _ByteMeter

    moves: list[int] = []
    meter = _ByteMeter([1000, 200], moves.append)
    meter.batch_done(250, 1000)
    meter.batch_done(500, 1000)
    meter.file_done(None, 1, 2)
    meter.batch_done(50, 100)
    meter.batch_done(50, 100)  # a batch of articles already stored: no move
    meter.file_done(None, 2, 2)
    assert moves == [250, 250, 500, 100, 100]
    assert sum(moves) == 1200


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a disk that is always full)")
@pytest.mark.parametrize("command", [["export"], ["search", "保交楼"], ["stats"]])
def test_output_to_a_full_disk_says_so_in_one_line(tmp_path, command):
    """QA: `newsbot export > articles.jsonl` on a full disk ended in an OSError traceback (and so did
    search and stats)."""
    environment = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "NEWSBOT_DB": str(tmp_path / "newsbot.db"),
        "NEWSBOT_SEEDS": str(ROOT / "seeds"),
    }
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "bot", *command],
            cwd=tmp_path,
            env=environment,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("Error: 输出未完成 / output incomplete"), (
        done.stderr
    )


def test_a_search_says_what_it_changed_to_find_something_as_the_chats_do(env):
    """Regression: `newsbot search 2019年4月 统战` listed the story of 2023 with no word that the date was left
    out; the chats' note says so (and the other notes: words dropped, slips corrected)."""
    lines = run("search", "2019年4月", "统战").stdout.splitlines()
    assert lines[0].startswith("找到 1 篇")
    assert lines[1] == "所说的时间里没有相关文章，以下是其他时间的结果"
    dated = run("search", "2023年4月", "统战").stdout.splitlines()
    assert dated[0].startswith("找到 1 篇") and lines[1] not in dated
