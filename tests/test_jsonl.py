"""JSON Lines input: one article per line, errors naming file and line (issue 2)."""

from __future__ import annotations

import json

import pytest

from storage.ingest.jsonl import JsonlError, parse_jsonl
from storage.models import Article
from storage.records.articles import export_record


def line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_minimal_and_full_records():
    text = "\n".join(
        [
            line(
                title="二七区召开人才工作推进会",
                body="本报讯 4月4日，二七区召开会议。\n\n会议强调，要提升认识。",
            ),
            "",
            line(
                title="区领导调研侯寨乡",
                paragraphs=["本报讯 4月6日上午，区长到侯寨乡调研。", "  要增强产业发展优势。  "],
                date="2023-04-06",
                source="二七区报",
                url="https://example.org/a/1",
                byline="记者 景静",
                reporters=["景静"],
                title_lines=["区领导调研侯寨乡", "增强产业发展优势"],
            ),
        ]
    )
    first, second = parse_jsonl(text, origin_file="feed.jsonl")
    assert first.title == "二七区召开人才工作推进会"
    assert first.title_lines == ("二七区召开人才工作推进会",)
    assert first.paragraphs == ("本报讯 4月4日，二七区召开会议。", "会议强调，要提升认识。")
    assert first.date is None and first.source is None
    assert first.origin_file == "feed.jsonl" and first.origin_position == 1
    assert second.paragraphs == ("本报讯 4月6日上午，区长到侯寨乡调研。", "要增强产业发展优势。")
    assert second.date == "2023-04-06"
    assert second.url == "https://example.org/a/1"
    assert second.reporters == ("景静",)
    assert second.title_lines == ("区领导调研侯寨乡", "增强产业发展优势")
    assert second.origin_position == 3  # line number, blank line counted


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ('{"title": "标题", "body": "正文"', "invalid JSON"),
        ('["标题", "正文"]', "expected a JSON object, got list"),
        (line(body="正文"), 'missing "title"'),
        (line(title="标题"), 'missing "body"'),
        (line(title="标题", body="   "), '"body" is empty'),
        (line(title=123, body="正文"), '"title" must be a string'),
        (line(title="标题", body="正文", date="2023/04/04"), '"date" must be an ISO date'),
        (line(title="标题", body="正文", date="2023-02-30"), "not a real date"),
        (line(title="标题", body="正文", date=20230404), '"date" must be an ISO date'),
        (line(title="标题", body="正文", reporters="景静"), '"reporters" must be a list of strings'),
        (line(title="标题", paragraphs=[1, 2]), '"paragraphs" must be a list of strings'),
    ],
)
def test_malformed_line_names_file_and_line(bad_line, message):
    text = "\n".join([line(title="好", body="第一篇。"), "", bad_line, line(title="也好", body="第三篇。")])
    with pytest.raises(JsonlError) as caught:
        parse_jsonl(text, origin_file="in/feed.jsonl")
    assert str(caught.value).startswith("in/feed.jsonl:3: ")
    assert message in str(caught.value)
    assert caught.value.line == 3


def test_source_override_and_default():
    text = "\n".join([line(title="甲", body="甲文。", source="晚报"), line(title="乙", body="乙文。")])
    assert [a.source for a in parse_jsonl(text, default_source="区报")] == ["晚报", "区报"]
    assert [a.source for a in parse_jsonl(text, source="日报", default_source="区报")] == ["日报", "日报"]


def test_export_record_is_ingestible_again():
    article = Article(
        id=7,
        title="区人大常委会 调研老旧小区改造工作",
        title_lines=("区人大常委会", "调研老旧小区改造工作"),
        paragraphs=("本报讯 近日，二七区人大常委会主任带队调研。", "吕安民强调，要提高站位。"),
        date="2023-04-04",
        byline="记者 景静 通讯员 左学彬 周祎",
        reporters=("景静",),
        correspondents=("左学彬", "周祎"),
        source="郑州市二七区区报",
        summary="二七区人大常委会主任带队调研。",
        keywords=("老旧小区",),
    )
    (parsed,) = parse_jsonl(json.dumps(export_record(article), ensure_ascii=False))
    assert parsed.title == article.title
    assert parsed.title_lines == article.title_lines
    assert parsed.paragraphs == article.paragraphs
    assert parsed.body == article.body
    assert (parsed.date, parsed.byline, parsed.source) == (article.date, article.byline, article.source)
    assert (parsed.reporters, parsed.correspondents) == (article.reporters, article.correspondents)


def test_blank_only_text_gives_no_articles():
    assert parse_jsonl("\n \n\t\n") == []


def test_published_at_round_trips_and_bad_values_are_named() -> None:
    (art,) = parse_jsonl(
        '{"title": "t", "body": "正文", "published_at": "2026-12-01T09:00:00+08:00"}\n', origin_file="a.jsonl"
    )
    assert art.published_at == "2026-12-01T09:00:00+08:00"
    with pytest.raises(JsonlError, match="published_at"):
        parse_jsonl('{"title": "t", "body": "正文", "published_at": "yesterday"}\n', origin_file="a.jsonl")


def test_control_characters_escaped_in_json_strings_are_removed():
    """QA pass: a file's raw control characters are removed on reading, but JSON escapes (\\u001b,
    \\u0000) came through into titles and bodies, and `newsbot search` and `newsbot chat` printed an
    ESC sequence from an article to the reader's terminal."""
    line = (
        '{"title": "控制\\u0001字符\\u001b]0;pwned\\u0007标题", "body": "正文\\u001b[31m红\\u0000色。\\n第二\\u0085段\\t。",'
        ' "byline": "记者\\u0008 甲", "reporters": ["甲\\u007f"], "source": "来\\u009b源"}'
    )
    (article,) = parse_jsonl(line)
    assert article.title == "控制字符]0;pwned标题"
    assert article.paragraphs == ("正文[31m红色。", "第二\x85段\t。")
    assert (article.byline, article.reporters, article.source) == ("记者 甲", ("甲",), "来源")


@pytest.mark.parametrize(
    "text",
    [
        json.dumps(
            [{"title": "标题", "body": "正文"}, {"title": "二", "body": "正文二"}], ensure_ascii=False
        ),
        json.dumps([{"title": "标题", "body": "正文"}], ensure_ascii=False, indent=2),
    ],
)
def test_a_json_array_file_is_named_as_one_with_how_to_convert(text):
    """QA: a JSON array given as JSON Lines said "expected a JSON object, got list" (one line) or "invalid
    JSON" (pretty-printed): say what the file is and how to turn it into JSON Lines."""
    with pytest.raises(JsonlError) as caught:
        parse_jsonl(text, origin_file="in/feed.jsonl")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("in/feed.jsonl: ")
    assert "JSON array, not JSON Lines (one object per line)" in message
    assert "jq -c '.[]' in/feed.jsonl" in message
    assert "got list" not in message and "invalid JSON" not in message
