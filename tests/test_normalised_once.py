"""Texts normalised once per article instead of once per piece (issue 20, item 4: the question's cost):
the shortcuts give the same sentences, normalised forms, highlights and ranking texts as the long way."""

from __future__ import annotations

import pytest

from storage.search import answer, evidence
from storage.search.snippets import find_matches, make_snippet
from storage.text.normalize import Folded, _Folder, normalize, normalize_with_offsets
from storage.text.summary import placed_sentences, sentences

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
    (article,) = answer._read([(7, "標題　ＡＢ", text)], 1)
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
