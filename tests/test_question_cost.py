"""Shortcuts that cut a question's cost (issue 20, item 4): each gives what the long way gives, on hard
texts (full-width, traditional, stray, ideographic and other Unicode spaces, marks in a row, empty lines)."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from datetime import date

import pytest

from storage.models import SearchResponse
from storage.search import evidence, evidence_search
from storage.search.engine import Searcher
from storage.search.evidence import _SENTENCE_END, sentence_ends
from storage.search.evidence_search import most_weight_first
from storage.search.snippets import Needles, find_matches, make_snippet, mark
from storage.text.normalize import has_whitespace, normalize, normalize_with_offsets, whitespace_runs
from tests.search_support import build_seed_db

_WS = re.compile(r"\s+")

HARD_TEXTS = [
    "",
    " ",
    "\n",
    "。",
    "一句没有句号",
    "  新华社北京12月5日电 國務院總理會見了來訪的客人；雙方交換了意見？\n\n第二段。。第三句",
    "据新华社电　记者　李明　报道：全年ＧＤＰ增长５．２％。（本报加德满都10月9日电）\n",
    "城 市 马 拉 松 赛事举行。 Apple  iPhone 15 发布!  又一句?末尾;再一句\t\t",
    "不换行空格\u00a0在中间，段落分隔\u2029和行分隔\u2028，还有\x1c\x1d\x1e\x1f与\x85。",
    "零宽空格\u200b不是空白，\u3000全角空格是。\r\n回车换行。",
]


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_whitespace_is_found_where_the_regex_finds_it(text: str) -> None:
    assert has_whitespace(text) == (_WS.search(text) is not None)
    assert list(whitespace_runs(text)) == [m.span() for m in _WS.finditer(text)]


def test_whitespace_runs_match_the_regex_on_random_texts() -> None:
    rng = random.Random(20)
    alphabet = ["中", "a", " ", "\n", "\t", "\u3000", "\u00a0", "，", "\u2028", "\x1c", "\x85", "\u200b", "5"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10)))
        assert has_whitespace(text) == (_WS.search(text) is not None), repr(text)
        assert list(whitespace_runs(text)) == [m.span() for m in _WS.finditer(text)], repr(text)


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_the_text_with_offsets_is_the_normalised_text_from_its_characters(text: str) -> None:
    norm, offsets = normalize_with_offsets(text)
    assert norm == normalize(text)
    assert len(offsets) == len(norm)
    for i, ch in enumerate(norm):
        source = text[offsets[i]]
        assert normalize(source) == ch or (ch == " " and source.isspace())


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_sentence_ends_are_where_the_pattern_matches(text: str) -> None:
    assert sentence_ends(text) == [m.start() for m in _SENTENCE_END.finditer(text)]
    assert sentence_ends("标题\n" + text) == [m.start() for m in _SENTENCE_END.finditer("标题\n" + text)]


def test_most_weight_first_is_the_order_of_weight_then_newest() -> None:
    rng = random.Random(4)
    for _ in range(500):
        values = [rng.choice([0.5, 1.25, 2.0, 3.7]) for _ in range(rng.randint(1, 4))]
        weights = {i: rng.choice(values) for i in rng.sample(range(1, 5000), rng.randint(0, 300))}
        keep = rng.choice([1, 3, 40, 100, 1000])
        expected = sorted(weights, key=lambda i: (-weights[i], -i))[:keep]
        assert most_weight_first(weights, keep) == expected


def test_most_weight_first_keeps_nothing_of_nothing() -> None:
    assert most_weight_first({}, 100) == []
    assert most_weight_first({3: 1.0, 9: 1.0, 5: 2.0}, 2) == [5, 9]


# Terms whose text differs from what the titles print (full-width, traditional, a term not printed whole,
# which is looked for piece by piece), and a date.
TERMS = ["ＧＤＰ", "國務院", "城市马拉松赛事", "乡村医生培训", "5月13日"]


@pytest.mark.parametrize("text", HARD_TEXTS + ["国务院发布GDP数据，乡村医生参加培训。城市马拉松5月13日举行"])
def test_needles_prepared_once_mark_as_the_terms_do(text: str) -> None:
    needles = Needles(TERMS)
    for _ in range(2):  # prepared once, used for several texts of a response
        assert find_matches(text, needles) == find_matches(text, TERMS)
        assert make_snippet(text, needles) == make_snippet(text, TERMS)
        assert mark(text, needles) == mark(text, TERMS)


def test_needles_of_no_terms_find_nothing() -> None:
    assert find_matches("国务院发布数据", Needles([])) == []
    assert make_snippet("国务院发布数据", Needles([])) == make_snippet("国务院发布数据", [])


def _traced(db, searcher: Searcher, question: str) -> tuple[SearchResponse, list[str]]:
    """The question's response on 2023-04-14 and every SQL statement the search ran."""
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        return searcher.search(question, today=date(2023, 4, 14)), statements
    finally:
        db.conn.set_trace_callback(None)


def _occurrences(title: str, body: str, word: str) -> tuple[int, int]:
    """The long way: the word's places in the title and body joined by a line break, found one by one."""
    text = title + "\n" + body
    in_title = in_body = 0
    at = text.find(word)
    while at != -1:
        if at < len(title):
            in_title += 1
        else:
            in_body += 1
        at = text.find(word, at + len(word))
    return in_title, in_body


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_counts_are_the_places_found_in_title_and_body(text: str) -> None:
    words = ["国务院", "。", "城 市", "马拉松", "第二", "一句", "  "]
    terms = [evidence.Term(w, 1, 1.0) for w in words]
    for title, body in [(text, text), ("标题" + text, text + "末尾"), ("", text), (text, "")]:
        held = evidence.counts(title, body, terms)
        places = [_occurrences(title, body, w) for w in words]
        assert held.title_tf == tuple(a for a, _ in places)
        assert held.body_tf == tuple(b for _, b in places)
        assert held.length == len(body)


def test_counts_match_the_long_way_on_random_texts() -> None:
    rng = random.Random(13)
    alphabet = ["中", "国", "中国", "\n", "。", " ", "人"]
    words = ["中国", "中国中", "国中", "人", "。中"]
    terms = [evidence.Term(w, 1, 1.0) for w in words]
    for _ in range(3000):
        title = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        held = evidence.counts(title, body, terms)
        places = [_occurrences(title, body, w) for w in words]
        assert (held.title_tf, held.body_tf) == (
            tuple(a for a, _ in places),
            tuple(b for _, b in places),
        ), (title, body)


def test_a_candidate_holding_too_little_is_not_read_for_nearness() -> None:
    # Ranking reads how near each other the words are only for the candidates it keeps: a candidate
    # holding less than KEEP_SHARE of the best one's share is dropped on its counts alone.
    terms = [
        evidence.Term("乡村医生", 10, 3.0),
        evidence.Term("培训", 10, 1.0),
        evidence.Term("举行", 10, 0.2),
    ]
    asked = evidence.Candidate(1, "乡村医生培训举行", "乡村医生参加培训。", "2020-05-01")
    weak = evidence.Candidate(2, "会议举行", "会议在京举行。", "2020-05-01")
    read: list[str] = []

    def holds_fact(passage: str) -> bool:
        read.append(passage)
        return False

    ranked = evidence.rank(terms, [asked, weak], n=1000, holds_fact=holds_fact)
    assert [r.id for r in ranked] == [1]
    assert read and not any("会议" in passage for passage in read)


def test_a_question_page_does_not_read_again_the_articles_ranking_read(tmp_path) -> None:
    # Evidence ranking reads its candidates' text; the page's articles, their dates and the answer's
    # articles are among them, so no other statement reads an article's body.
    db = build_seed_db(tmp_path / "seed.db")
    searcher = Searcher(db)
    question = "侯寨乡的事是谁负责的？"
    expected = searcher.search(question, today=date(2023, 4, 14))
    again, statements = _traced(db, searcher, question)
    assert again.hits and again.hits == expected.hits and again.answer == expected.answer
    reads_body = [s for s in statements if "FROM articles WHERE id IN" in s and " body" in s]
    assert len(reads_body) == 1 and "search_body" in reads_body[0]


def test_a_question_reads_each_word_and_each_story_once(tmp_path) -> None:
    # How many articles hold a word and, for a rare one, which, come from one statement per word; the
    # page collapses its stories and names their other sources by the clusters the candidates' statement
    # read, so no statement reads articles' clusters by id.
    db = build_seed_db(tmp_path / "seed.db")
    searcher = Searcher(db)
    question = "侯寨乡的事是谁负责的？"
    expected = searcher.search(question, today=date(2023, 4, 14))
    again, statements = _traced(db, searcher, question)
    assert again.hits and again.hits == expected.hits and again.answer == expected.answer
    assert not [s for s in statements if "SELECT id, coalesce(cluster, id) FROM articles WHERE id IN" in s]
    per_word = [s for s in statements if "group_concat(rowid)" in s or "count(*)" in s]
    matched = [m.group(1) for s in per_word if (m := re.search(r"MATCH ('(?:[^']|'')*')", s))]
    assert matched and len(matched) == len(per_word) == len(set(matched))


def test_a_question_whose_holders_are_all_read_asks_for_no_bm25(tmp_path, monkeypatch) -> None:
    # When every word of a question is rare and the articles holding any of them are no more than the
    # candidates read, all of them are read: BM25 would only order them, and ranking reads its
    # candidates in any order. The response is the one the BM25 ordering gives.
    db = build_seed_db(tmp_path / "seed.db")
    searcher = Searcher(db)
    question = "侯寨乡的事是谁负责的？"
    short, statements = _traced(db, searcher, question)
    assert short.hits and not [s for s in statements if "bm25(" in s]
    monkeypatch.setattr(evidence_search, "reads_every_holder", lambda *_: False)
    long, statements = _traced(db, searcher, question)
    assert [s for s in statements if "bm25(" in s]
    assert replace(short, took_ms=0.0) == replace(long, took_ms=0.0)


def test_every_holder_is_read_only_when_every_word_is_rare_and_they_are_few() -> None:
    rare_word = evidence.Term("侯寨乡", 3, 2.0)
    common_word = evidence.Term("负责", evidence_search.RARE_CAP + 1, 0.5)
    few = {"侯寨乡": [1, 2, 3]}
    assert evidence_search.reads_every_holder([rare_word], few, dict.fromkeys([1, 2, 3], 2.0), window=20)
    assert not evidence_search.reads_every_holder(
        [rare_word, common_word], few, dict.fromkeys([1, 2, 3], 2.0), 20
    )
    many = list(range(evidence_search.TEXT_CANDIDATES + 1))
    assert not evidence_search.reads_every_holder(
        [rare_word], {"侯寨乡": many}, dict.fromkeys(many, 2.0), window=20
    )
    # A window wider than the candidates read reads as many as it shows.
    assert evidence_search.reads_every_holder(
        [rare_word], {"侯寨乡": many}, dict.fromkeys(many, 2.0), window=60
    )
