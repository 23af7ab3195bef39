"""Snippets (issue 3): highlights land on the original text; rendered with html.escape + <b> they are
valid Telegram HTML."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.models import Snippet
from storage.search.engine import Searcher
from storage.search.snippets import ELLIPSIS, Needles, find_matches, make_snippet, mark
from storage.text.normalize import normalize
from tests.search_support import build_seed_db, stories_db


def to_telegram_html(snippet: Snippet) -> str:
    """How bot/ renders a snippet: escaped text, matched pieces in <b>."""
    return "".join(f"<b>{html.escape(t)}</b>" if m else html.escape(t) for t, m in snippet.spans)


class TelegramHTMLChecker(HTMLParser):
    """Accepts only what Telegram accepts here: <b> tags, balanced, not nested; collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        assert tag == "b" and not attrs and self.open == 0, tag
        self.open += 1

    def handle_endtag(self, tag):
        assert tag == "b" and self.open == 1, tag
        self.open -= 1

    def handle_data(self, data):
        self.text.append(data)


def check_html(snippet: Snippet) -> None:
    rendered = to_telegram_html(snippet)
    checker = TelegramHTMLChecker()
    checker.feed(rendered)
    checker.close()
    assert checker.open == 0
    assert "".join(checker.text) == snippet.text
    for bad in ("<", ">"):
        assert bad not in rendered.replace("<b>", "").replace("</b>", "")


def window_of(snippet: Snippet) -> str:
    text = snippet.text
    if text.startswith(ELLIPSIS):
        text = text[len(ELLIPSIS) :]
    if text.endswith(ELLIPSIS):
        text = text[: -len(ELLIPSIS)]
    return text


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = build_seed_db(tmp_path_factory.mktemp("snip") / "seed.db")
    yield db, Searcher(db)
    db.close()


@pytest.mark.parametrize(
    "query",
    ["保交楼", "老舊小區", "樊惠林 医院", "谁主持了统战工作会议？", "4月6日", "华侨城1号院", "交楼", "楼"],
)
def test_highlights_land_on_the_original_text(seeded, query):
    db, searcher = seeded
    resp = searcher.search(query)
    assert resp.hits
    terms = {normalize(t) for t in resp.terms}
    for hit in resp.hits:
        body = db.execute("SELECT body FROM articles WHERE id = ?", [hit.id]).fetchone()[0]
        window = window_of(hit.snippet)
        assert window in body.replace("\n", " ")
        text = hit.snippet.text
        spans = hit.snippet.highlights()
        assert spans, (query, hit.id)
        for a, b in spans:
            assert normalize(text[a:b]) in terms or any(normalize(text[a:b]) in t for t in terms)
        check_html(hit.snippet)
        if hit.title_snippet is not None:
            assert hit.title_snippet.text == hit.title
            check_html(hit.title_snippet)


def test_traditional_body_is_highlighted_in_its_own_script():
    body = "本报讯 近日，老舊小區改造工程完工。居民說：老舊小區變新了。"
    snip = make_snippet(body, ["老旧", "小区"])
    marked = [snip.text[a:b] for a, b in snip.highlights()]
    assert marked == ["老舊", "小區", "老舊", "小區"]


def test_the_ways_a_date_is_written_are_marked_whole_never_by_their_numbers():
    """QA pass 14: a search for 2019年10月 marked every 2019 and every 10 of the text (100% as 【10】0%),
    and the latest day shown for 昨天 every 2020: a date's pieces are numbers any text holds."""
    body = "2019年的舞台上，答复率100%。10月13日，代表们来到村里，2019年10月的成绩单发布。"
    needles = Needles(["代表"], whole_only=["2019年10月", "10月"])
    snip = make_snippet(body, needles)
    assert [snip.text[a:b] for a, b in snip.highlights()] == ["10月", "代表", "2019年10月"]
    assert find_matches("2020年5月31日前", Needles([], whole_only=["2020年5月30日"])) == []


def test_a_date_only_search_marks_no_number_that_is_not_the_date(tmp_path):
    stories = [
        ("2019-10-31", "多彩舞台铺展时代画卷", ["2019年的中国舞台上，演绎出无数精彩篇章，上座率100%。"]),
        ("2019-10-30", "代表建议办理答复", ["10月29日，代表建议办理答复率达到100%。"]),
    ]
    db = stories_db(tmp_path, stories)
    try:
        resp = Searcher(db).search("2019年10月")
        assert len(resp.hits) == 2
        marked = {h.title: [h.snippet.text[a:b] for a, b in h.snippet.highlights()] for h in resp.hits}
        assert marked == {"多彩舞台铺展时代画卷": [], "代表建议办理答复": ["10月"]}
    finally:
        db.close()


def test_stray_spaces_inside_a_match_are_covered():
    body = "在保交楼项目华侨城 1号院建设工地"
    ((a, b, _),) = find_matches(body, ["华侨城1号院"])
    assert body[a:b] == "华侨城 1号院"


def test_markup_in_text_is_escaped():
    snip = mark("<script>alert('保交楼')</script> & 保交楼", ["保交楼"])
    assert to_telegram_html(snip) == (
        "&lt;script&gt;alert(&#x27;<b>保交楼</b>&#x27;)&lt;/script&gt; &amp; <b>保交楼</b>"
    )
    check_html(snip)


def test_window_is_around_the_matches_and_marked_with_ellipses():
    body = "开头。" + "无关内容，" * 60 + "这里提到侯寨乡的项目。" + "其他内容，" * 60
    snip = make_snippet(body, ["侯寨乡"])
    assert snip.text.startswith(ELLIPSIS) and snip.text.endswith(ELLIPSIS)
    assert "侯寨乡" in [snip.text[a:b] for a, b in snip.highlights()]
    assert len(snip.text) < 150


def test_no_match_gives_the_start_of_the_body():
    snip = make_snippet("第一句。第二句。", ["台风"])
    assert snip.text == "第一句。第二句。" and snip.highlights() == []


@settings(max_examples=100, deadline=None)
@given(
    body=st.text(alphabet=st.sampled_from(list("保交楼统战<>&'\"  \n。，樊惠林舊區ab１")), max_size=200),
    terms=st.lists(st.sampled_from(["保交楼", "交楼", "樊惠林", "旧区", "ab", "1", "<>"]), max_size=3),
)
def test_any_snippet_is_valid_html_and_original_text(body, terms):
    snip = make_snippet(body, terms)
    check_html(snip)
    assert window_of(snip) in body.replace("\n", " ")
    for a, b in snip.highlights():
        piece = normalize(snip.text[a:b])
        assert any(piece == normalize(t) or piece in normalize(t) or normalize(t) in piece for t in terms)
