"""Reply formatting as pure functions: every HTML string parses under Telegram's rules and fits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.chat import replies
from bot.chat.examples import Examples
from bot.chat.replies import HTML, PLAIN, Button, format_article, split_plain, utf16_len
from bot.chat.texts import COMMANDS, LANGUAGES, lang_for
from storage.database.connection import open_db
from storage.models import Answer, Article, SearchHit, SearchResponse, Snippet
from storage.search.engine import Searcher
from tests.bot_support import make_database
from tests.telegram_emulator import check_text, parse_html

HOSTILE = '<script>alert("x")</script> & &amp; </b> <b> 😀 "引号" \'单\' C# NEAR( * ＡＢＣ 國務院'


def _article(paragraphs: tuple[str, ...], title: str = "二七区召开统战工作会议", **kw: object) -> Article:
    return Article(id=7, title=title, paragraphs=paragraphs, date="2023-04-06", **kw)  # type: ignore[arg-type]


def _response(
    query: str = "保交楼", *, hits: int = 3, answer: bool = True, text: str = "保交楼"
) -> SearchResponse:
    snippet = Snippet(((f"前文{text}", False), (query, True), ("后文。", False)))
    found = tuple(
        SearchHit(id=i, title=f"{text} 标题{i}", date=f"2023-04-0{i % 9 + 1}", snippet=snippet, score=1.0)
        for i in range(1, hits + 1)
    )
    ans = Answer(sentence=f"{text}是答案。", article_id=1, snippet=snippet) if answer and hits else None
    return SearchResponse(query=query, total=hits * 3, took_ms=1.0, hits=found, answer=ans)


def _valid(html: str) -> str:
    """The visible text after Telegram's parser; fails the test when Telegram would refuse it."""
    plain, _ = check_text(html, "HTML")
    assert utf16_len(plain.strip()) <= 4096
    return plain


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_notice_and_page_is_valid_html(lang: str) -> None:
    outputs = [
        replies.format_welcome(lang, HTML, Examples(HOSTILE, HOSTILE, HOSTILE, HOSTILE), name=HOSTILE),
        replies.format_help(lang, HTML, is_admin=True),
        replies.format_results(_response(HOSTILE, text=HOSTILE), lang, HTML, note=HOSTILE),
        replies.format_results(_response(hits=0), lang, HTML),
        replies.format_latest([_article((HOSTILE,), title=HOSTILE, summary=HOSTILE)], lang, HTML),
        replies.format_latest([], lang, HTML),
        replies.format_stats({"articles": 6, HOSTILE: {None: 1, "<x>": 2}}, lang, HTML),
        replies.format_inline_article(HOSTILE, None, HOSTILE, "https://t.me/bot?start=a7&x=<1>", lang),
        *format_article(
            _article((HOSTILE,) * 3, title=HOSTILE, byline=HOSTILE, url="https://x.test/?a=1&b=2"), lang, HTML
        ),
    ]
    for key in ("error", "stale_button", "unknown_command", "flood_wait", "article_bad_id", "no_results"):
        outputs.append(
            replies.format_notice(lang, key, HTML, name=HOSTILE, seconds=3, arg=HOSTILE, query=HOSTILE)
        )
    for html in outputs:
        _valid(html)


def test_content_is_escaped_and_matches_are_bold() -> None:
    html = replies.format_results(_response("<b>", text="a&b"), "zh", HTML)
    assert "&lt;b&gt;" in html and "a&amp;b" in html
    assert "<b>&lt;b&gt;</b>" in html  # the matched piece of the snippet, highlighted
    plain, entities = parse_html(html)
    assert "a&b" in plain
    assert any(e["type"] == "bold" for e in entities)


def test_question_puts_the_answer_first_with_its_source() -> None:
    html = replies.format_results(_response(), "zh", HTML)
    visible = _valid(html)
    answer_at = visible.index("答案")
    assert answer_at < visible.index("1. ")
    assert "出处：《保交楼 标题1》" in visible
    assert "/article 1" in visible
    assert "答案" not in replies.format_results(_response(), "zh", HTML, page=1)


def test_english_answer_line_uses_english_punctuation() -> None:
    """Issue 4 (QA): the English answer line read "Answer：…" with a full-width colon."""
    visible = _valid(replies.format_results(_response(), "en", HTML))
    assert "💡 Answer: " in visible and "Answer：" not in visible
    assert "💡 答案：" in _valid(replies.format_results(_response(), "zh", HTML))


def test_plain_rendering_has_no_markup() -> None:
    text = replies.format_results(_response("保交楼"), "zh", PLAIN)
    assert "【保交楼】" in text
    assert not re.search(r"</?(b|i|a)\b|&(amp|lt|gt);", text)
    hostile = replies.format_results(_response("<b>&"), "zh", PLAIN)
    assert "「<b>&」" in hostile  # the console shows the query as typed


def test_english_texts_for_english_users() -> None:
    assert lang_for("en") == lang_for("en-GB") == "en"
    assert lang_for("zh-hans") == lang_for(None) == lang_for("ru") == "zh"
    assert "found" in replies.format_results(_response(), "en", HTML)
    assert "commands" in replies.format_help("en", HTML)


def test_help_lists_every_command_and_admin_ones_only_for_admins() -> None:
    public = replies.format_help("zh", HTML)
    admin = replies.format_help("zh", HTML, is_admin=True)
    for command in COMMANDS:
        assert (f"/{command.name}" in public) != command.admin
        assert f"/{command.name} " in admin


def test_long_article_is_split_at_sentence_ends_within_limits() -> None:
    sentence = "二七区持续推进保交楼工作，确保群众如期收房。"
    paragraphs = tuple(sentence * 60 for _ in range(8))  # 8 paragraphs of 1320 characters
    parts = format_article(_article(paragraphs), "zh", HTML)
    assert len(parts) >= 3
    body = ""
    for i, part in enumerate(parts, 1):
        visible = _valid(part)
        assert visible.endswith(f"（{i}/{len(parts)}）")
        body += visible
    assert body.count(sentence) == 8 * 60  # nothing lost, nothing cut mid-sentence


def test_one_huge_paragraph_splits_at_sentences_and_emoji_count_double() -> None:
    sentence = "😀保交楼！"  # 6 UTF-16 units, 5 characters
    parts = format_article(_article((sentence * 2000,)), "zh", HTML)
    assert len(parts) >= 3
    for part in parts:
        visible = _valid(part)
        assert "(" not in visible[:1]
    pieces = split_plain(sentence * 2000, 4000)
    assert all(p.endswith("！") for p in pieces)
    assert "".join(pieces) == sentence * 2000


def test_text_without_sentence_ends_is_cut_hard_but_never_inside_a_character() -> None:
    pieces = split_plain("😀" * 3000, 4095)
    assert all(utf16_len(p) <= 4095 for p in pieces)
    assert "".join(pieces) == "😀" * 3000


@settings(max_examples=40, deadline=None)
@given(
    title=st.text(min_size=0, max_size=300),
    paragraphs=st.lists(st.text(min_size=0, max_size=3000), min_size=0, max_size=6),
)
def test_any_article_renders_to_valid_messages(title: str, paragraphs: list[str]) -> None:
    article = _article(tuple(paragraphs), title=title)
    for lang in LANGUAGES:
        parts = format_article(article, lang, HTML, limit=1500)
        for part in parts:
            plain, _ = check_text(part, "HTML")
            assert utf16_len(plain) <= 1500


@settings(max_examples=60, deadline=None)
@given(
    spans=st.lists(st.tuples(st.text(max_size=80), st.booleans()), max_size=8), query=st.text(max_size=300)
)
def test_any_search_page_is_valid(spans: list[tuple[str, bool]], query: str) -> None:
    snippet = Snippet(tuple(spans))
    hits = tuple(SearchHit(id=i, title=query or "t", date=None, snippet=snippet, score=0.5) for i in range(5))
    response = SearchResponse(
        query=query,
        total=50,
        took_ms=0.0,
        hits=hits,
        answer=Answer("".join(s for s, _ in spans) or "x", 1, snippet),
    )
    _valid(replies.format_results(response, "zh", HTML, page=0))
    assert replies.format_results(response, "zh", PLAIN)


def test_buttons_refuse_callback_data_over_64_bytes() -> None:
    Button("ok", data="p:" + "x" * 62)
    with pytest.raises(ValueError):
        Button("too long", data="新" * 22)
    with pytest.raises(ValueError):
        Button("neither")


def test_no_results_for_several_words_says_none_of_them_is_found() -> None:
    """Several words that find nothing: the search tries any of them before it gives up, so the reply
    says none of the words is in any article, not that fewer words might do (issue 4 asked for the
    old wording when only all the words together were searched)."""
    several = SearchResponse(query="量子 芯片", total=0, took_ms=1.0, hits=(), terms=("量子", "芯片"))
    one = SearchResponse(query="台风", total=0, took_ms=1.0, hits=(), terms=("台风",))
    assert "没有文章包含「量子 芯片」里的任何一个词" in _valid(replies.format_results(several, "zh", HTML))
    assert "没有找到与「台风」相关的文章" in _valid(replies.format_results(one, "zh", HTML))
    assert "No article has any of the words" in _valid(replies.format_results(several, "en", HTML))


def test_several_words_none_of_which_any_article_holds_find_nothing(tmp_path: Path) -> None:
    """The reply's claim holds for the search itself: words no article holds find nothing, while one
    word an article holds, beside words none holds, finds that article."""
    searcher = Searcher(open_db(make_database(tmp_path / "news.db", tmp_path)))
    assert searcher.search("量子 芯片 光刻").total == 0
    found = searcher.search("保交楼 量子 芯片")
    assert found.total >= 1 and "保交楼" in found.hits[0].snippet.text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_inferred_titles_are_marked_where_users_see_them(lang: str) -> None:
    """Issue 11: a title made from the lead (no printed headline found) says so; a printed one does not."""
    mark = replies.text(lang, "inferred_title")
    inferred = _article(
        ("本报讯 4月6日，区长到侯寨乡调研。",), title="区长到侯寨乡调研", title_source="inferred"
    )
    printed = _article(("本报讯 4月6日，区长到侯寨乡调研。",), title="区长调研侯寨乡")
    assert mark in format_article(inferred, lang, PLAIN)[0].splitlines()[0]
    assert mark not in format_article(printed, lang, PLAIN)[0]
    latest = replies.format_latest([inferred, printed], lang, HTML)
    assert latest.count(mark) == 1 and _valid(latest)
    snippet = Snippet((("区长", True),))
    hits = (
        SearchHit(id=1, title="区长到侯寨乡调研", date=None, snippet=snippet, score=1.0, title_inferred=True),
        SearchHit(id=2, title="区长调研侯寨乡", date=None, snippet=snippet, score=1.0),
    )
    page = replies.format_results(SearchResponse("区长", 2, 1.0, hits), lang, HTML)
    assert page.count(mark) == 1 and _valid(page)
