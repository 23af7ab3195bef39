"""Decoding source files: BOMs, UTF-16, GB18030/GBK, binary and empty files (issue 2)."""

from __future__ import annotations

import codecs
import random
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.ingest.decode import DecodeError, decode_bytes, read_text

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_6b662c5ca2a0e3a9.txt"
PAGE = SEED.read_text(encoding="utf-8")
SHORT = "本报讯 4月4日，二七区召开会议。"


@pytest.mark.parametrize("text", [PAGE, PAGE[:300], SHORT], ids=["page", "excerpt", "sentence"])
@pytest.mark.parametrize(
    ("raw", "expected_encoding"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16-le"),  # Python writes a little-endian BOM
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"), "utf-32-le"),
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: t.encode("gbk"), "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf32-bom", "gb18030", "gbk"],
)
def test_encodings_round_trip(text, raw, expected_encoding):
    decoded = decode_bytes(raw(text), name="page.txt")
    assert decoded.text == text
    assert decoded.encoding == expected_encoding
    assert not decoded.text.startswith("\ufeff")


def test_gb18030_only_characters():
    # Characters outside GBK (four-byte GB18030 sequences), as in rare names.
    text = "本报讯 记者𠀾𪚥报道：二七区㐀街道召开会议，部署相关工作。" * 3
    assert decode_bytes(text.encode("gb18030"), name="x.txt").text == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_newlines_normalised(newline):
    text = newline.join(["本报讯 近日，", "二七区召开会议。", "", "记者 景静"])
    assert (
        decode_bytes(text.encode("utf-8"), name="x.txt").text
        == "本报讯 近日，\n二七区召开会议。\n\n记者 景静"
    )
    assert decode_bytes(text.encode("utf-16"), name="x.txt").text.count("\n") == 3


def test_empty_file_is_empty_text_not_error():
    decoded = decode_bytes(b"", name="empty.txt")
    assert decoded.text == ""
    assert decoded.encoding == "empty"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)),
        zlib.compress(PAGE.encode("utf-8")),
        bytes(range(256)) * 4,
        b"%PDF-1.7\n\x00\x01\x02\x03binary\x00stream",
    ],
    ids=["png", "zlib", "all-bytes", "pdf"],
)
def test_binary_rejected_with_file_name(data):
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data, name="scans/page.txt")
    assert "scans/page.txt" in str(caught.value)
    assert caught.value.path == "scans/page.txt"


def test_bom_with_invalid_content_rejected():
    with pytest.raises(DecodeError, match=r"bad\.txt: starts with a utf-8-sig byte order mark"):
        decode_bytes(codecs.BOM_UTF8 + "二七区".encode() + b"\xff\xfe\xfd", name="bad.txt")


def test_read_text_reads_file(tmp_path):
    path = tmp_path / "页面.txt"
    path.write_bytes(SHORT.encode("gb18030"))
    assert read_text(path).text == SHORT


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
            st.sampled_from("，。、“”：；！？0123456789 \n"),
        ),
        min_size=1,
        max_size=200,
    ),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_unicode_encodings_round_trip_any_chinese_text(text, encoding):
    assert decode_bytes(text.encode(encoding), name="x.txt").text == text


def test_undecodable_text_rejected_with_file_name():
    data = random.Random(0).randbytes(3000).replace(b"\x00", b"")  # no NUL: not "binary" by that rule
    with pytest.raises(DecodeError, match=r"^noise\.txt: not valid UTF-8 and no known text encoding"):
        decode_bytes(data, name="noise.txt")


@pytest.mark.parametrize(
    ("encoding", "label"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16-le"), ("gbk", "gb18030")],
)
def test_a_file_cut_inside_its_last_character_is_refused_as_cut_short_not_as_binary(encoding, label):
    """QA pass 17: a copy cut short (a download stopped, ``head -c``) ends inside a character; it was
    refused as "binary file, not text". It is still refused (its last story is cut too, and the whole
    file, ingested later, would store that story again beside it), saying what happened and what to do."""
    whole = SHORT.encode(encoding)
    cut = len("。".encode(label.removesuffix("-sig"))) - 1  # the bytes of the last character, less one
    with pytest.raises(DecodeError) as caught:
        decode_bytes(whole[:-1], name="cut.txt")
    assert str(caught.value) == (
        f"cut.txt: ends inside a character ({label}): the file looks cut short (a copy or download "
        f"stopped?); nothing stored: ingest the whole file, or if this is all there is, drop its last "
        f"{cut} byte(s) (head -c -{cut})"
    )
    assert decode_bytes(whole[: -1 - cut], name="cut.txt").text == SHORT[:-1]  # as the message says


def test_a_bad_byte_before_the_end_is_still_no_cut_character():
    data = SHORT.encode("utf-8")
    with pytest.raises(DecodeError, match=r"^bad\.txt: not valid UTF-8"):
        decode_bytes(data[:5] + b"\xff\xfe\xfd" + data[5:-1], name="bad.txt")
