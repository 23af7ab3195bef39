"""Normalisation of documents and queries (issue 3): t2s, full-width, stray spaces, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.text.normalize import fold, normalize, normalize_with_offsets, squeeze

TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("老舊小區統戰醫院　 \t\nＡＢＣａｂｃ１２３４５６７８９０ＡZz，。！？“”-·")),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("老舊小區", "老旧小区"),
        ("統戰工作會議", "统战工作会议"),
        ("樊惠林 醫院", "樊惠林医院"),
        ("４月６日", "4月6日"),
        ("ＡＢＣ１２３", "abc123"),
        ("COVID-19", "covid-19"),
        ("4月 4日上午", "4月4日上午"),
        ("华侨城 1号院", "华侨城1号院"),
        ("二七区委统\u3000战工作", "二七区委统战工作"),
        ("  hello   world  ", "hello world"),
        ("New  York 纽约", "new york纽约"),
        ("", ""),
    ],
)
def test_normalize_examples(raw, expected):
    assert normalize(raw) == expected


def test_fold_is_idempotent_on_simplified_seed_words():
    for word in ["保交楼", "侯寨乡", "德化街", "吕安民", "虎荣鑫", "樊惠林", "自媒体"]:
        assert fold(word) == word


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_fold_keeps_length(text):
    assert len(fold(text)) == len(text)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_offsets_point_at_the_original_characters(text):
    norm, offsets = normalize_with_offsets(text)
    assert norm == normalize(text)
    assert len(offsets) == len(norm)
    assert list(offsets) == sorted(set(offsets))
    assert offsets[-1:] == list(offsets)[-1:]
    folded = fold(text)
    for ch, i in zip(norm, offsets, strict=True):
        assert ch == (" " if folded[i].isspace() else folded[i])


def test_squeeze_keeps_one_space_between_latin_words_only():
    assert squeeze("a \n b") == "a b"
    assert squeeze("中 文") == "中文"
    assert squeeze("中 a") == "中a"
    assert squeeze("，  a") == "，a"
