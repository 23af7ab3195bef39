"""Texts normalised once per article instead of once per piece (issue 20, item 4: the question's cost):
the shortcuts give the same sentences, normalised forms, highlights and ranking texts as the long way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from storage.database.access import Database
from storage.ingest.pipeline import ingest_paths
from storage.search import evidence
from storage.search.answers import reading
from storage.search.expressions import any_of
from storage.search.index_reader import index_reader
from storage.search.ranking import FTS
from storage.search.snippets import ELLIPSIS, MAX_WINDOWS, SNIPPET_WIDTH, find_matches, make_snippet
from storage.text.normalize import Folded, _Folder, normalize, normalize_with_offsets
from storage.text.summary import placed_sentences, sentences
from tests.search_support import SEED

# Full-width letters and punctuation, traditional forms, stray and ideographic spaces, datelines, empty
# lines, marks in a row, a text ending without a mark and one ending with a line break.
HARD_TEXTS = [
    "",
    "。",
    "\n\n",
    "本报北京5月13日电（记者王某）国务院今天召开会议。会议强调，要做好ＡＩ治理！",
    "  新华社北京12月5日电 國務院總理會見了來訪的客人；雙方交換了意見？\n\n第二段。。第三句",
    "据新华社电　记者　李明　报道：全年ＧＤＰ增长５．２％。（本报加德满都10月9日电）\n",
    "城 市 马 拉 松 赛事举行。 Apple  iPhone 15 发布!  又一句?末尾",
    "一句没有句号",
    "\u3000\u3000开头有全角空格的段落。\n\u3000第二段，有逗号，也有ＡＢＣ。",
]


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_placed_sentences_are_sentences_with_their_places(text: str) -> None:
    placed = placed_sentences(text)
    by_line = [(k, s) for k, line in enumerate(text.split("\n")) for s in sentences(line)]
    assert [(p.paragraph, p.text) for p in placed] == by_line
    for p in placed:
        assert text[p.start : p.start + len(p.text)] == p.text


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_a_slice_of_the_folded_text_normalises_as_the_piece_does(text: str) -> None:
    folded = Folded(text)
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            assert folded.normalize(a, b) == normalize(text[a:b]), (a, b)


@pytest.mark.parametrize("text", HARD_TEXTS)
def test_the_answer_reads_each_sentence_normalised(text: str) -> None:
    (article,) = reading.read([(7, "標題　ＡＢ", text)], 1)
    assert article.sentences or not sentences(text)
    for s in article.sentences:
        assert s.norm == normalize(s.text)
        assert s.article_id == 7


@pytest.mark.parametrize("text", [*HARD_TEXTS, "马拉 松 赛事\n\n举行。 A  B", "  马拉松\n赛事。"])
def test_offsets_span_is_the_lookup_of_both_ends(text: str) -> None:
    norm, offsets = normalize_with_offsets(text)
    for a in range(len(norm)):
        for b in range(a + 1, len(norm) + 1):
            assert offsets.span(a, b) == (offsets[a], offsets[b - 1] + 1), (a, b)


def _matches_by_lookup(text: str, terms: list[str]) -> list[tuple[int, int, int]]:
    """`find_matches` mapping each end of a match back on its own, as it did before `Offsets.span`."""
    norm, offsets = normalize_with_offsets(text)
    found = []
    for ti, term in enumerate(terms):
        needle = normalize(term)
        start = norm.find(needle)
        while needle and start != -1:
            found.append((offsets[start], offsets[start + len(needle) - 1] + 1, ti))
            start = norm.find(needle, start + len(needle))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out: list[tuple[int, int, int]] = []
    for m in found:
        if out and m[0] < out[-1][1]:
            if m[1] > out[-1][1]:
                out[-1] = (out[-1][0], m[1], out[-1][2])
            continue
        out.append(m)
    return out


@pytest.mark.parametrize(
    "text",
    [
        "　　马拉松赛事在城市举行。马拉松",
        "马拉 松赛事在城市举行。\n城市\n马拉松",
        "ＧＤＰ增长５．２％，gdp",
        "國務院總理",
    ],
)
def test_highlights_are_the_same_as_by_looking_up_each_end(text: str) -> None:
    terms = ["马拉松", "城市", "GDP", "国务院"]
    assert find_matches(text, terms) == _matches_by_lookup(text, terms)
    assert make_snippet(text, terms).highlights()  # each text holds one of the words


def test_searchable_given_the_terms_kind_reads_as_working_it_out() -> None:
    han = [evidence.Term("马拉松", 10, 1.0)]
    latin = [evidence.Term("gdp", 10, 1.0)]
    for terms in (han, latin):
        only = evidence.ideographs_only(terms)
        for text in ["ＧＤＰ增长。", "國務院", "马拉 松"]:
            assert evidence.searchable(text, terms, han_only=only) == evidence.searchable(text, terms)


def test_fold_by_scanning_maps_as_the_table_does() -> None:
    """A folder whose scanning patterns were built on some texts folds those, texts with characters it
    had not seen (traditional forms among them) and texts seen after the patterns, as `str.translate`
    over its table does (issue 20, item 4)."""
    folder = _Folder()
    first = ["国务院总理会见客人，双方交换意见。", "ＧＤＰ增长５．２％　ABC", ""]
    for text in first:
        folder(text)
    folder._rescan()
    assert folder._scan is not None
    later = [
        *first,
        "國務院總理會見客人，雙方交換意見。",  # traditional forms, not seen when the patterns were built
        "会见客人]^-\\\n\t",  # characters a character class must escape
        "国务院",  # seen characters, none mapped
        "ＡＢＣ國",
    ]
    for _ in range(2):  # the second time, every character has been seen
        for text in later:
            assert folder(text) == text.translate(folder._table), text
        folder._rescan()
    assert folder("國") == "国"


def _snippet_start_by_scanning(text: str, terms: list[str], width: int = SNIPPET_WIDTH) -> int:
    """Where `make_snippet`'s window starts, worked out as it was before the matches were bisected: every
    match tested against the window's end, a break looked for character by character."""
    matches = find_matches(text, terms)
    best = None
    for i, (a, _, _) in enumerate(matches[:MAX_WINDOWS]):
        lo = max(0, a - 24)
        start = lo
        for k in range(a - 1, lo - 1, -1):
            if re.match(r"[。！？；!?;\n]", text[k]) or text[k] in "，,":
                start = k + 1
                break
        inside = [m for m in matches[i:] if m[1] <= start + width]
        key = (len({m[2] for m in inside}), len(inside), -a)
        if best is None or key > best[0]:
            best = (key, start)
    return best[1] if best else 0


@pytest.mark.parametrize("text", [t for t in HARD_TEXTS if t] + ["马拉松，城市。" * 40, "城市马拉松" * 60])
def test_the_snippet_window_is_the_one_scanning_finds(text: str) -> None:
    terms = ["马拉松", "城市", "国务院", "意见", "ＧＤＰ"]
    start = _snippet_start_by_scanning(text, terms)
    while start < len(text) and text[start].isspace():
        start += 1
    snippet = make_snippet(text, terms)
    shown = "".join(piece for piece, _ in snippet.spans).removeprefix(ELLIPSIS)
    assert text[start:].replace("\n", " ").startswith(shown.removesuffix(ELLIPSIS))


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database.open(str(tmp_path_factory.mktemp("match_ids") / "seed.db"))
    assert ingest_paths(database, [SEED]).new == 6
    yield database
    database.close()


@pytest.mark.parametrize("words", [["郑州"], ["人才", "统战"], ["没有这个词"], ["楼"]])
def test_holders_joined_in_one_row_are_the_matching_rows(seeded: Database, words: list[str]) -> None:
    expr = any_of(words)
    assert expr is not None

    def both(db: Any) -> tuple[list[int] | None, list[int]]:
        rows = db.conn.execute(f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH ?", [expr]).fetchall()
        return index_reader(db.conn).holders(expr, 100), [r[0] for r in rows]

    joined, by_rows = seeded.read(both)
    assert joined is not None and sorted(joined) == sorted(by_rows)
    assert bool(joined) == (words != ["没有这个词"])


@pytest.mark.parametrize("cap", [0, 1, 2, 3, 6])
def test_holders_are_none_past_the_cap_and_every_match_up_to_it(seeded: Database, cap: int) -> None:
    expr = any_of(["人才", "统战", "郑州"])
    assert expr is not None

    def both(db: Any) -> tuple[list[int] | None, list[int]]:
        rows = db.conn.execute(f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH ?", [expr]).fetchall()
        return index_reader(db.conn).holders(expr, cap), [r[0] for r in rows]

    held, by_rows = seeded.read(both)
    assert len(by_rows) >= 2
    if len(by_rows) > cap:
        assert held is None
    else:
        assert held is not None and sorted(held) == sorted(by_rows)
