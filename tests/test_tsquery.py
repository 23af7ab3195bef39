"""The index's FTS5 expressions read for PostgreSQL, and FTS5's BM25 in Python (issue 23), checked against
SQLite's own FTS5 on the same rows (storage.search.tsquery)."""

from __future__ import annotations

import pytest

from storage.database.tsvector import BODY, TITLE, WORDS, column_starts, document
from storage.driver import sqlite3
from storage.search.expressions import all_of, any_of, match_expression, words_expression
from storage.search.ranking import WEIGHTS
from storage.search.tsquery import (
    Both,
    ExpressionError,
    Phrase,
    Without,
    bm25,
    idf,
    matches,
    parse,
    phrases,
    read_row,
    text_scorer,
    to_tsquery,
)
from storage.text.segment import index_text

BIGRAMS = frozenset({0, 1, 2})

# (title, byline, body, words) rows, pre-segmented as the index stores them.
ROWS = [
    (
        index_text("保交楼项目进展"),
        "",
        index_text("郑州市保交楼项目建设加快，吕安民调研保交楼"),
        "保交楼 项目 建设",
    ),
    (
        index_text("人才工作推进会"),
        index_text("李雅"),
        index_text("人才工作推进会召开，李卓瑜出席。楼盘"),
        "人才 工作",
    ),
    (
        index_text("统战工作会议"),
        "",
        index_text("二七区委统战工作会议召开，虎荣鑫主持 C罗"),
        "统战 工作 d0404 m04",
    ),
    ("", "", index_text("楼下的项目和人才在一起，人才人才"), "项目 人才"),
]

EXPRESSIONS = [
    all_of(["保交楼"]),
    all_of(["人才", "工作"]),
    any_of(["统战", "吕安民", "李卓瑜"]),
    all_of(["项目"], columns="{title}"),
    match_expression(["工作"], excluded=["统战"]),
    match_expression(["人才"], groups=(("推进会", "楼下"),)),
    words_expression(["人才", "工作"]),
    all_of(["楼"]),
    all_of(["C罗"]),
    f"({all_of(['工作'])}) AND ({words_expression(['统战'])})",
    'words : ("d0404" OR "m05")',
]


def test_parse_reads_phrases_columns_and_operators():
    tree = parse('{title byline body} : ("保交 交楼" AND "人才" *) NOT words : "统战"')
    assert tree == Without(
        Both(Phrase(("保交", "交楼"), False, BIGRAMS), Phrase(("人才",), True, BIGRAMS)),
        Phrase(("统战",), False, frozenset({WORDS})),
    )
    assert [p.tokens for p in phrases(tree)] == [("保交", "交楼"), ("人才",), ("统战",)]


def test_quotes_inside_a_phrase_are_read_back():
    assert parse('"a""b"') == Phrase(('a"b',), False, frozenset(range(4)))
    assert to_tsquery(parse('"it\'s"')) == "('it''s' | '~it''s')"


def test_expressions_outside_the_subset_are_refused():
    with pytest.raises(ExpressionError):
        parse("NEAR(a b)")
    with pytest.raises(ExpressionError):
        to_tsquery(parse('{title body} : "ab"'))


def test_tsquery_marks_titles_words_and_prefixes():
    assert to_tsquery(parse(all_of(["保交楼"], columns="{title}") or "")) == "('^保交' <-> '^交楼')"
    assert to_tsquery(parse(words_expression(["人才"]) or "")) == "('~人才')"
    assert to_tsquery(parse(all_of(["楼"]) or "")) == "('楼':*)"


def test_document_lays_columns_apart_and_marks_words():
    doc = document(("ab", "cd", "ef gh", "ab"))
    assert doc.sizes == (1, 1, 2, 1)
    assert column_starts(doc.sizes) == (1, 3, 5, 8)
    assert doc.vector == "'ab':1 '^ab':1 'cd':3 'ef':5 'gh':6 '~ab':8"
    row = read_row(doc.vector, doc.sizes)
    assert row.places("ab") == {(TITLE, 0)} and row.places("gh") == {(BODY, 1)}
    assert row.places("~ab") == {(WORDS, 0)}


def test_a_phrase_never_runs_from_one_column_into_the_next():
    row = read_row(document(("ab", "", "cd", "")).vector, (1, 0, 1, 0))
    assert not matches(parse('"ab cd"'), row)


def _fts5(rows):
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, byline, body, words, "
        "tokenize = 'unicode61 remove_diacritics 0', prefix = '1')"
    )
    conn.executemany(
        "INSERT INTO articles_fts(rowid, title, byline, body, words) VALUES (?, ?, ?, ?, ?)",
        [(i + 1, *r) for i, r in enumerate(rows)],
    )
    return conn


@pytest.mark.parametrize("expr", EXPRESSIONS)
def test_matches_and_bm25_equal_sqlites_fts5(expr):
    """The same rows, the same matches, the same bm25() to the last bit."""
    conn = _fts5(ROWS)
    weights = ", ".join(str(w) for w in WEIGHTS)
    expected = dict(
        conn.execute(
            f"SELECT rowid, bm25(articles_fts, {weights}) FROM articles_fts WHERE articles_fts MATCH ?",
            [expr],
        )
    )
    tree = parse(expr)
    docs = [document(r) for r in ROWS]
    rows = {i + 1: read_row(d.vector, d.sizes) for i, d in enumerate(docs)}
    listed = phrases(tree)
    holding = [sum(matches(ph, r) for r in rows.values()) for ph in listed]
    average = sum(r.length for r in rows.values()) / len(rows)
    found = {
        i: bm25(listed, [idf(len(rows), n) for n in holding], r, average, WEIGHTS)
        for i, r in rows.items()
        if matches(tree, r)
    }
    assert found == expected


@pytest.mark.parametrize(
    "expr",
    [
        words_expression(["人才", "工作"]),
        '"保交" OR "交楼" OR words : "项目"',
        '{title} : "人才" AND "工作"',
        'words : ("d0404" OR "m05")',
        '"楼" NOT "统战"',
    ],
)
@pytest.mark.parametrize("weights", [WEIGHTS, (8.0, 2.0, 1.0, 0.0)])
def test_bm25_read_from_the_vector_text_is_bm25_to_the_last_bit(expr, weights):
    """The scorer PostgreSQL's searches use to rank every match of one-token phrases (issue 23)."""
    tree = parse(expr)
    listed = phrases(tree)
    idfs = [0.25 + i for i in range(len(listed))]
    scorer = text_scorer(listed, idfs, 7.5, weights)
    assert scorer is not None
    for r in ROWS:
        doc = document(r)
        assert scorer(doc.vector, doc.sizes) == bm25(
            listed, idfs, read_row(doc.vector, doc.sizes), 7.5, weights
        )


@pytest.mark.parametrize("expr", [all_of(["保交楼"]), all_of(["楼"]), '"人才" *'])
def test_bm25_of_phrases_and_prefixes_is_not_read_from_the_vector_text(expr):
    listed = phrases(parse(expr))
    assert text_scorer(listed, [1.0] * len(listed), 7.5, WEIGHTS) is None
    assert text_scorer(phrases(parse('"人才"')), [1.0], 7.5, (8.0, 2.5, 1.0, 3.0)) is None
