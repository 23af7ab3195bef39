"""Issue 11: real pages and real files — printing conventions of other papers, stray control characters,
binary files, JSONL files with a few bad lines, seeds only when asked, backup targets, stats."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import format_stats, main
from storage.database.backup import backup_database
from storage.errors import DatabaseError
from storage.ingest.decode import DecodeError, decode_bytes
from storage.ingest.jsonl import JsonlError, parse_jsonl, read_jsonl
from storage.ingest.ocr_page import explain_page, parse_page

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

LEAD_A = "春天是万物复苏的季节，浙江沿海的梭子蟹也陆续开始抱卵产子。为保护资源，禁捕禁售措施将严格执行。"
LEAD_B = "海南省科技厅今天发布数据，全省高新技术企业数量连续三年大幅增长，创新主体不断壮大。"


# --- printing conventions ------------------------------------------------------------------------


def page(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


@pytest.mark.parametrize(
    ("closing", "reporters"),
    [
        ("对违法行为将按相关法律法规予以从重处罚。(完)记者 范宇斌", ("范宇斌",)),
        ("对违法行为将按相关法律法规予以从重处罚。（完）\n记者 范宇斌", ("范宇斌",)),
        ("对违法行为将按相关法律法规予以从重处罚。【完】", ()),
        ("对违法行为将按相关法律法规予以从重处罚。\n(完)记者 范宇斌", ("范宇斌",)),
    ],
    ids=["inline-after-end-mark", "own-line-after-end-mark", "end-mark-alone", "end-mark-starts-line"],
)
def test_end_marks_close_the_story_and_keep_the_next_headline_out(closing, reporters):
    """Issue 11's 12-of-19 failure: `…处罚。(完)记者 范宇斌` then the next story's headline."""
    text = page(
        "东海伏季休渔\n开始执行",
        "新华社杭州4月1日电 浙江省海洋与渔业局今天宣布，东海伏季休渔将于5月1日开始，\n"
        "全省渔船将按规定回港停泊。" + closing,
        "1日起东海抱卵梭子\n蟹和幼蟹禁捕禁售",
        LEAD_A,
    )
    first, second = parse_page(text, year=2024)
    assert first.title == "东海伏季休渔 开始执行"
    assert first.paragraphs[-1].endswith("予以从重处罚。") and "完" not in first.body
    assert first.reporters == reporters
    # Issue 22: the headline wrapped inside 梭子蟹, a word its story holds, reads without a space.
    assert second.title == "1日起东海抱卵梭子蟹和幼蟹禁捕禁售"
    assert second.title_source == "printed"
    assert second.paragraphs == (LEAD_A,)


@pytest.mark.parametrize(
    ("byline", "reporters", "correspondents"),
    [
        ("本报记者 王强 通讯员 刘洋", ("王强",), ("刘洋",)),
        ("记者 王强 李娜", ("王强", "李娜"), ()),
        ("文/图 王强", ("王强",), ()),
        ("实习生 赵敏", ("赵敏",), ()),
        ("（记者 王强 通讯员 刘洋 张伟）", ("王强",), ("刘洋", "张伟")),
    ],
)
def test_byline_before_the_text_belongs_to_the_story_after_it(byline, reporters, correspondents):
    text = page(
        "海南高新技术企业\n连续三年大幅增长",
        byline,
        LEAD_B,
        "浙江梭子蟹禁捕禁售",
        "本报记者 陈静",
        LEAD_A,
    )
    first, second = parse_page(text, year=2024)
    assert (first.title, first.reporters, first.correspondents) == (
        "海南高新技术企业 连续三年大幅增长",
        reporters,
        correspondents,
    )
    assert first.paragraphs == (LEAD_B,)
    assert (second.title, second.reporters) == ("浙江梭子蟹禁捕禁售", ("陈静",))


@pytest.mark.parametrize(
    ("dateline", "date"),
    [
        ("本报4月6日讯", "2023-04-06"),
        ("新华社郑州4月6日电", "2023-04-06"),
        ("新华社郑州4月 6日电（记者 王强）", "2023-04-06"),
        ("据新华社电", None),
        ("", None),
    ],
)
def test_datelines_other_than_benbaoxun(dateline, date):
    lead = f"{dateline} 近日，{LEAD_B}" if dateline else f"近日，{LEAD_B}"
    (article,) = parse_page(page("海南高新技术企业连续三年大幅增长", lead, "记者 洪坚鹏"), year=2023)
    assert article.date == date
    assert article.reporters == ("洪坚鹏",)
    assert article.title == "海南高新技术企业连续三年大幅增长"


def test_jump_lines_captions_and_furniture_belong_to_no_story():
    text = page(
        "2024年4月1日 星期一 编辑 王磊",
        "东海伏季休渔开始执行",
        "本报讯 4月1日，浙江省海洋与渔业局今天宣布，东海伏季休渔将于5月1日开始。\n（下转第二版）",
        "图为渔船回港停泊。\n本报记者 李明 摄",
        "梭子蟹禁捕禁售",
        "（上接第一版）" + LEAD_A,
        "记者 范宇斌",
        "第1版 要闻",
    )
    articles = parse_page(text, year=2024)
    assert [a.title for a in articles] == ["东海伏季休渔开始执行", "梭子蟹禁捕禁售"]
    bodies = "".join(a.body for a in articles)
    for furniture in ("下转", "上接", "图为", "摄", "星期一", "要闻"):
        assert furniture not in bodies
    assert articles[1].paragraphs == (LEAD_A,)
    assert articles[1].reporters == ("范宇斌",)
    explained = "\n".join(explain_page(text, year=2024))
    assert "dropped line 1 as header/footer" in explained
    assert "as jump line: （下转第二版）" in explained and "as jump line: （上接第一版）" in explained
    assert "as caption: 图为渔船回港停泊。" in explained


def test_headline_never_glued_to_a_byline():
    text = page(
        "东海伏季休渔开始执行",
        "本报讯 4月1日，浙江省海洋与渔业局今天宣布，东海伏季休渔将于5月1日开始执行。",
        "(完)记者 洪坚鹏",
        "海南高新技术企业\n连续三年大幅增长",
        LEAD_B,
    )
    first, second = parse_page(text, year=2024)
    assert first.reporters == ("洪坚鹏",)
    assert second.title == "海南高新技术企业 连续三年大幅增长"


def test_end_mark_byline_and_next_headline_run_together_on_one_line():
    """Issue 11: the title `(完)记者 洪坚鹏 海南高新技术企业 连续三年大幅增长` glued a byline to a headline."""
    text = page(
        "海南自贸港建设提速",
        "新华社海口4月1日电 海南省今天发布数据，自贸港建设各项工作稳步推进，重点项目进展顺利。\n"
        "(完)记者 洪坚鹏 海南高新技术企业\n连续三年大幅增长",
        LEAD_B,
    )
    first, second = parse_page(text, year=2024)
    assert (first.title, first.reporters) == ("海南自贸港建设提速", ("洪坚鹏",))
    assert first.paragraphs[-1].endswith("重点项目进展顺利。")
    assert second.title == "海南高新技术企业 连续三年大幅增长" and second.paragraphs == (LEAD_B,)


def test_inferred_title_is_marked_and_explained():
    (article,) = parse_page(page("本报讯 4月1日，" + LEAD_B), year=2024)
    assert article.title_source == "inferred"
    explained = explain_page(page("本报讯 4月1日，" + LEAD_B), year=2024)
    assert explained[0].endswith("1 with an inferred title")
    assert any("title inferred from the lead" in line for line in explained)


# --- decoding --------------------------------------------------------------------------------------


def test_stray_control_characters_are_removed_and_counted():
    text = "第一行正常。\n第二行有个\x7f删除符，还有\x85之后\x1b转义。\n"
    decoded = decode_bytes(text.encode("utf-8"), name="feed.jsonl")
    assert decoded.text == "第一行正常。\n第二行有个删除符，还有\n之后转义。\n"
    assert decoded.removed_controls == 2
    assert decoded.first_control == (2, 6)
    assert decoded.control_note == "removed 2 stray control character(s), first at 2:6"


@pytest.mark.parametrize("size", [40, 200, 3000])
@pytest.mark.parametrize("low", [0x00, 0x20, 0x80, 0xA1])
def test_random_bytes_are_refused(size, low):
    rng = random.Random(size * 1000 + low)
    data = bytes(rng.randrange(low, 256) for _ in range(size))
    with pytest.raises(DecodeError, match="binary file, not text"):
        decode_bytes(data, name="junk.txt")


def test_big5_and_gbk_are_still_text():
    traditional = "本報訊 二七區召開人才工作暨青年創新創業行動推進會，區委常委參加會議並講話。"
    assert decode_bytes(traditional.encode("big5"), name="x.txt").encoding == "big5"
    simplified = "本报讯 二七区召开人才工作暨青年创新创业行动推进会，区委常委参加会议并讲话。"
    assert decode_bytes(simplified.encode("gbk"), name="x.txt").text == simplified


def test_decode_error_positions_are_line_and_column():
    data = "第一行\n第二行".encode() + b"\xff\xfe" + b"x"
    data = codecs_bom() + data
    with pytest.raises(DecodeError, match=r"at 2:4"):
        decode_bytes(data, name="bad.txt")


def codecs_bom() -> bytes:
    import codecs

    return codecs.BOM_UTF8


# --- JSONL with a few bad lines --------------------------------------------------------------------


def feed_text() -> str:
    good = [
        json.dumps({"title": f"第{i}篇", "body": f"第{i}篇的正文。"}, ensure_ascii=False) for i in range(5)
    ]
    return "\n".join([good[0], '{"title": oops}', good[1], good[2], "[1, 2]", good[3], good[4]]) + "\n"


def test_read_jsonl_keeps_good_records_and_names_each_bad_line():
    records = read_jsonl(feed_text(), origin_file="feed.jsonl")
    assert [a.title for a in records.articles] == [f"第{i}篇" for i in range(5)]
    assert [(e.path, e.line) for e in records.bad_lines] == [("feed.jsonl", 2), ("feed.jsonl", 5)]
    with pytest.raises(JsonlError) as caught:
        parse_jsonl(feed_text(), origin_file="feed.jsonl")
    message = str(caught.value)
    assert message.startswith("feed.jsonl:2: invalid JSON")
    assert "1 more bad line(s): 5" in message and "5 good record(s)" in message


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DB", str(tmp_path / "data" / "newsbot.db"))
    monkeypatch.setenv("NEWSBOT_SEEDS", str(SEEDS))
    monkeypatch.delenv("NEWSBOT_LOG_LEVEL", raising=False)
    return tmp_path


def test_cli_skip_bad_lines_imports_the_good_records_in_one_command(env):
    feed = env / "feed.jsonl"
    feed.write_text(feed_text().replace("第3篇的正文。", "第3篇的\x7f正文。"), encoding="utf-8")
    refused = CliRunner().invoke(main, ["ingest", str(feed)])
    assert refused.exit_code == 1
    assert refused.stderr.count("\n") == 1 and "--skip-bad-lines" in refused.stderr
    result = CliRunner().invoke(main, ["ingest", "--skip-bad-lines", str(feed)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[:2] == [
        "跳过 skipped: feed.jsonl: line 2: invalid JSON: Expecting value (column 11)",
        "跳过 skipped: feed.jsonl: line 5: expected a JSON object, got list",
    ]
    assert "removed 1 stray control character(s), first at 6:" in result.stderr
    assert result.stdout.strip() == "5 篇新文章，0 篇已存在，2 行坏记录已跳过（1 个文件）"


def test_cli_refuses_random_bytes_named_txt(env):
    junk = env / "junk.txt"
    rng = random.Random(7)
    junk.write_bytes(bytes(rng.randrange(0x80, 256) for _ in range(40)))
    result = CliRunner().invoke(main, ["ingest", str(junk)])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("错误 error: junk.txt:") and "binary file" in result.stderr


def test_cli_missing_file_is_one_error_line_and_one_summary(env):
    result = CliRunner().invoke(main, ["ingest", "nowhere.txt"])
    assert result.exit_code == 1
    assert result.stderr == "错误 error: nowhere.txt: no such file or directory\n"
    assert result.stdout.count("\n") == 1


def test_cli_ingest_reports_uncertain_titles(env):
    page_file = env / "page.txt"
    page_file.write_text(page("本报讯 4月1日，" + LEAD_B, "记者 王强"), encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--year", "2024", str(page_file)])
    assert result.exit_code == 0, result.output
    assert "1 of 1 stories: no printed headline found" in result.stderr
    assert "1 篇标题不确定" in result.stdout
    explained = CliRunner().invoke(main, ["ingest", "--explain", str(page_file)])
    assert "title inferred from the lead" in explained.stdout


# --- backup and stats ------------------------------------------------------------------------------


@pytest.fixture
def database_file(env):
    assert CliRunner().invoke(main, ["stats"]).exit_code == 0  # seeds an empty database
    return env / "data" / "newsbot.db"


def test_backup_refuses_devices_and_missing_folders(database_file, env):
    with pytest.raises(DatabaseError, match="a device, not a regular file"):
        backup_database(database_file, "/dev/null")
    with pytest.raises(DatabaseError, match="does not exist"):
        backup_database(database_file, env / "nofolder" / "x.db")
    fifo = env / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(DatabaseError, match="a pipe"):
        backup_database(database_file, fifo)
    result = CliRunner().invoke(main, ["backup", "/proc/x.db"])
    assert result.exit_code == 1 and "Traceback" not in result.output and "backup failed" in result.output


def test_backup_asks_before_overwriting(database_file, env):
    target = env / "copy.db"
    target.write_bytes(b"keep me")
    result = CliRunner().invoke(main, ["backup", str(target)], input="n\n")
    assert result.exit_code == 1 and "not overwritten" in result.output
    assert target.read_bytes() == b"keep me"
    result = CliRunner().invoke(main, ["backup", str(target)], input="y\n")
    assert result.exit_code == 0 and target.read_bytes() != b"keep me"
    target.write_bytes(b"again")
    assert CliRunner().invoke(main, ["backup", "--force", str(target)]).exit_code == 0
    assert target.read_bytes().startswith(b"SQLite format 3")


def test_stats_lists_top_sources_and_counts_the_rest():
    sources = {f"来源{i}": 100 - i for i in range(25)}
    lines = format_stats(
        {
            "articles": 2000,
            "sources": sources,
            "dates": {},
            "undated": 0,
            "first_date": None,
            "last_date": None,
        }
    )
    assert "  来源0: 100" in lines and "  来源9: 91" in lines and "  来源10: 90" not in lines
    assert lines[12] == f"  …其余 15 个来源 15 more sources: {sum(range(76, 91))}"


# --- a large export, an upgraded database ----------------------------------------------------------


def test_large_export_with_stray_control_characters_imports_completely(tmp_path):
    """Issue 11: 2,446 records with a DEL on three lines were refused whole; now all go in, counted."""
    from storage.database.connection import open_db
    from storage.ingest.pipeline import ingest_paths
    from storage.records.articles import count_articles

    lines = []
    for i in range(2446):
        body = f"本报讯 第{i}篇报道的正文，记录区里第{i}项工作的进展。"
        if i in (100, 1200, 2400):
            body = body.replace("正文", "正\x7f文")
        lines.append(json.dumps({"title": f"第{i}篇", "body": body}, ensure_ascii=False))
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = open_db(tmp_path / "big.db")
    report = ingest_paths(db, [export])
    assert report.ok and report.new == 2446 and count_articles(db) == 2446
    (result,) = report.files
    column = lines[100].index("\x7f") + 1
    assert result.note == f"removed 3 stray control character(s), first at 101:{column}"
    db.close()


def test_databases_from_before_title_source_read_their_titles_as_printed(tmp_path):
    from storage.database.connection import open_db
    from storage.database.migrations import MIGRATIONS
    from storage.records.articles import get_article

    path = tmp_path / "old.db"
    old = open_db(path, migrations=[m for m in MIGRATIONS if m[0] < 6])
    with old.atomic():
        old.execute(
            "INSERT INTO articles (fingerprint, title, title_lines, body, paragraphs, ingested_at) "
            "VALUES ('x', '旧标题', '[\"旧标题\"]', '旧正文。', '[\"旧正文。\"]', '2023-04-01T00:00:00+00:00')"
        )
    old.conn.close()
    db = open_db(path)
    (row,) = db.execute("SELECT id FROM articles").fetchall()
    article = get_article(db, row[0])
    assert article is not None and article.title_source == "printed" and not article.title_inferred
    db.close()


def test_cli_skip_bad_lines_on_a_file_without_one_good_record_does_not_suggest_itself(env):
    """QA pass: the refusal said "the file's 0 good record(s) were not imported (newsbot ingest
    --skip-bad-lines imports them ...)" to a user who had given --skip-bad-lines."""
    feed = env / "nothing.jsonl"
    feed.write_text('{"title": "x"}\n[1, 2]\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--skip-bad-lines", str(feed)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "--skip-bad-lines" not in result.stderr and "no good record" in result.stderr
    assert 'nothing.jsonl: line 1: missing "body"; 2 more bad line(s): 2, 3' in result.stderr
    refused = CliRunner().invoke(main, ["ingest", str(feed)])  # without the option: nothing to suggest either
    assert refused.exit_code == 1 and "--skip-bad-lines" not in refused.stderr


@pytest.mark.parametrize("name", ["feed.jsonl", "feed.json"])
@pytest.mark.parametrize("skip", [[], ["--skip-bad-lines"]])
def test_cli_a_json_array_file_says_so_and_how_to_convert(env, name, skip):
    """QA: `newsbot ingest` on a JSON array said "expected a JSON object, got list" (or, for .json, only
    that the type is unsupported): one line naming the array and the jq command that converts it."""
    feed = env / name
    feed.write_text(json.dumps([{"title": "标题", "body": "正文"}], ensure_ascii=False, indent=1), "utf-8")
    result = CliRunner().invoke(main, ["ingest", *skip, str(feed)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert "JSON array" in line and "one object per line" in line and "jq -c '.[]'" in line
    assert "got list" not in line
