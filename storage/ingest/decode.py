"""Bytes of a source file -> text.

Byte order marks decide first (UTF-8, UTF-16, UTF-32), then strict UTF-8, then charset-normalizer
detects legacy encodings such as GB18030/GBK or Big5. Binary data (NUL bytes without a UTF-16/32 BOM,
control characters) and text no encoding explains are rejected with a `DecodeError` naming the file. Newlines come out as ``\\n``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from storage.errors import InputError

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings charset-normalizer may name for Chinese text that GB18030 (a superset) decodes identically.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "euc_cn", "hz"}
# Control characters that never occur in text files (everything in C0 but tab, newlines, form feed).
_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NEWLINES = re.compile("\r\n|\r|\u2028|\u2029|\x85")


class DecodeError(InputError):
    """A file that is not text, or text in an encoding that cannot be recognised."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # as detected, e.g. "utf-8", "utf-8-sig", "utf-16-le", "gb18030"


def decode_bytes(data: bytes, *, name: str | Path | None = None) -> DecodedText:
    """Decode a file's bytes; `name` only goes into error messages.

    An empty file gives empty text (the caller reports "no articles"), never an error.
    """
    if not data:
        return DecodedText("", "empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            label = "utf-8-sig" if encoding == "utf-8" else encoding
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    name, f"starts with a {label} byte order mark but is not valid {encoding}: {exc.reason}"
                ) from exc
            return DecodedText(_checked(text, name), label)
    if b"\x00" in data:
        # Text in single-byte or multi-byte legacy encodings never holds NUL; UTF-16/32 must carry a BOM
        # (without one, charset-normalizer happily reads binary data as UTF-16).
        raise DecodeError(name, "binary file, not text (NUL bytes; UTF-16 text needs a byte order mark)")
    try:
        return DecodedText(_checked(data.decode("utf-8"), name), "utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError(name, "not valid UTF-8 and no known text encoding (GB18030, UTF-16, ...) fits")
    encoding = best.encoding.lower()
    if encoding in _GB_FAMILY:
        encoding = "gb18030"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(name, f"looks like {encoding} but does not decode as it: {exc}") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return DecodedText(_checked(text, name), encoding)


def read_text(path: str | Path) -> DecodedText:
    """Read and decode a file; `OSError` propagates for unreadable files."""
    p = Path(path)
    return decode_bytes(p.read_bytes(), name=p)


def normalize_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text)


def _checked(text: str, name: str | Path | None) -> str:
    bad = _BINARY_CHARS.search(text)
    if bad is not None:
        raise DecodeError(
            name,
            f"binary file, not text (control character U+{ord(bad.group()):04X} at offset {bad.start()})",
        )
    return normalize_newlines(text)
