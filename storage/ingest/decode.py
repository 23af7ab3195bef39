"""Bytes of a source file -> text.

Byte order marks decide first (UTF-8, UTF-16, UTF-32), then strict UTF-8, then the legacy Chinese
encodings GB18030 (a superset of GBK and GB2312) and Big5, whichever reads as more plausible Chinese.

A file is binary, and refused with a `DecodeError` naming it, only when it really is: it holds NUL bytes
(without a UTF-16/32 byte order mark), no candidate encoding decodes it, or what they decode is mostly not
text (control characters, or Han characters so rare that only random bytes produce them). Stray control
characters in real text (a DEL or a C1 control copied in from another program) are removed and counted,
with the line:column of the first, so one bad character never costs a whole file. Form feeds and
vertical tabs become newlines; all newlines come out as ``\\n``.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from storage.errors import InputError

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Legacy encodings tried when the bytes are not UTF-8, in order of preference on a tie.
_LEGACY = ("gb18030", "big5")
# Control characters that never belong in text: C0 but tab and the newlines, DEL, C1 but NEL (U+0085).
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_NEWLINES = re.compile("\r\n|\r|\u2028|\u2029|\x85|\x0b|\x0c")
# How the codecs say data ends inside a character: UTF-8, UTF-16/32, the CJK codecs (GB18030, Big5).
_CUT_SHORT = ("unexpected end of data", "truncated data", "incomplete multibyte sequence")
_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Text whose characters are more than this share control characters is binary data (a few in a short
# file are still stray characters).
_MAX_CONTROL_SHARE = 0.05
_FEW_CONTROLS = 8
# Chinese text uses the common characters (GB2312 level 1, Big5 level 1) almost only (99% on the seed
# page); random bytes decoded as GB18030 or Big5 hit them about 30% of the time. (A file of a handful of
# bytes cannot be told from a few Chinese characters; from a few dozen on, random data is refused.)
_MIN_COMMON_HAN_SHARE = 0.8
# Of every character (Han or not), at least this share must be plausible text.
_MIN_TEXT_SHARE = 0.8


class DecodeError(InputError):
    """A file that is not text, or text in an encoding that cannot be recognised."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # as detected, e.g. "utf-8", "utf-8-sig", "utf-16-le", "gb18030"
    removed_controls: int = 0  # stray control characters taken out
    first_control: tuple[int, int] | None = None  # (line, column) of the first one, 1-based

    @property
    def control_note(self) -> str | None:
        """A line for the ingest report when control characters were removed, else None."""
        if not self.removed_controls or self.first_control is None:
            return None
        line, column = self.first_control
        return f"removed {self.removed_controls} stray control character(s), first at {line}:{column}"


def decode_bytes(data: bytes, *, name: str | Path | None = None) -> DecodedText:
    """Decode a file's bytes; `name` only goes into error messages.

    An empty file gives empty text (the caller reports "no articles"), never an error.
    """
    if not data:
        return DecodedText("", "empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            label = "utf-8-sig" if encoding == "utf-8" else encoding
            body = data[len(bom) :]
            try:
                text, cut = _decode_cut_short(body, encoding)
            except UnicodeDecodeError as exc:
                where = _byte_position(body, exc.start, encoding)
                raise DecodeError(
                    name,
                    f"starts with a {label} byte order mark but is not valid {encoding} "
                    f"at {where}: {exc.reason}",
                ) from exc
            return _whole(_cleaned(text, label, name), cut, name)
    if b"\x00" in data:
        # Text in single-byte or multi-byte legacy encodings never holds NUL; UTF-16/32 must carry a BOM.
        line, column = _byte_position_pair(data, data.index(b"\x00"), "latin-1")
        raise DecodeError(
            name,
            f"binary file, not text (NUL byte at {line}:{column}; UTF-16 text needs a byte order mark)",
        )
    try:
        text, cut = _decode_cut_short(data, "utf-8")
        return _whole(_cleaned(text, "utf-8", name), cut, name)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best: tuple[float, str, str, int] | None = None
    for encoding in _LEGACY:
        try:
            text, cut = _decode_cut_short(data, encoding)
        except UnicodeDecodeError:
            continue
        share = _text_share(text, encoding)
        if share >= _MIN_TEXT_SHARE and (best is None or share > best[0]):
            best = (share, encoding, text, cut)
    if best is None:
        where = _byte_position(data, utf8_error.start, "utf-8")
        raise DecodeError(
            name,
            f"not valid UTF-8 and no known text encoding (GB18030, Big5) fits "
            f"(first bad byte at {where}): binary file, not text",
        )
    _, encoding, text, cut = best
    return _whole(_cleaned(text.removeprefix("\ufeff"), encoding, name), cut, name)


def _whole(decoded: DecodedText, cut: int, name: str | Path | None) -> DecodedText:
    """`decoded`, unless the file ends inside a character (`cut` bytes of it): a copy or download that
    stopped, whose last story is cut too. Refused, so that nothing of it is stored, which the whole file
    would store again beside it."""
    if cut:
        raise DecodeError(
            name,
            f"ends inside a character ({decoded.encoding}): the file looks cut short (a copy or download "
            f"stopped?); nothing stored: ingest the whole file, or if this is all there is, drop its last "
            f"{cut} byte(s) (head -c -{cut})",
        )
    return decoded


def _decode_cut_short(data: bytes, encoding: str) -> tuple[str, int]:
    """`data` decoded, and how many bytes at its end could not be: none, or those of a last character
    the data ends inside (a file cut short by a copy or a download). Any other bad byte raises
    `UnicodeDecodeError`."""
    try:
        return data.decode(encoding), 0
    except UnicodeDecodeError as exc:
        # Everything before the cut character decodes: the error is that character running off the end.
        if exc.end != len(data) or exc.reason not in _CUT_SHORT:
            raise
        return data[: exc.start].decode(encoding), len(data) - exc.start


def read_text(path: str | Path) -> DecodedText:
    """Read and decode a file; `OSError` propagates for unreadable files."""
    p = Path(path)
    return decode_bytes(p.read_bytes(), name=p)


def remove_controls(text: str) -> str:
    """`text` without the control characters that never belong in text (see `_CONTROL_RE`): for strings
    that did not come through `decode_bytes`, such as JSON's escapes (``\\u001b``)."""
    return _CONTROL_RE.sub("", text)


def normalize_newlines(text: str) -> str:
    return _NEWLINES.sub("\n", text)


def _cleaned(text: str, encoding: str, name: str | Path | None) -> DecodedText:
    """Newlines normalised, stray control characters removed and counted; mostly-control data refused."""
    text = normalize_newlines(text)
    controls = list(_CONTROL_RE.finditer(text))
    if not controls:
        return DecodedText(text, encoding)
    first = controls[0].start()
    line = text.count("\n", 0, first) + 1
    column = first - (text.rfind("\n", 0, first) + 1) + 1
    if len(controls) > max(_FEW_CONTROLS, _MAX_CONTROL_SHARE * len(text)):
        raise DecodeError(
            name,
            f"binary file, not text ({len(controls)} control characters in {len(text)}, "
            f"the first U+{ord(controls[0].group()):04X} at {line}:{column})",
        )
    return DecodedText(_CONTROL_RE.sub("", text), encoding, len(controls), (line, column))


def _is_common_han(ch: str, encoding: str) -> bool:
    """One of the level-1 (most used) characters of GB2312 (for GB18030) or Big5."""
    try:
        lead = ch.encode("gb2312" if encoding == "gb18030" else "big5")[0]
    except UnicodeEncodeError:
        return False
    return 0xB0 <= lead <= 0xD7 if encoding == "gb18030" else 0xA4 <= lead <= 0xC6


def _text_share(text: str, encoding: str) -> float:
    """The share of characters that are plausible text in `encoding`: printable ASCII and whitespace,
    CJK punctuation and full-width forms, and Han characters as long as most of them are common ones."""
    if not text:
        return 1.0
    han = _HAN_RE.findall(text)
    common = sum(1 for ch in han if _is_common_han(ch, encoding))
    if han and common < _MIN_COMMON_HAN_SHARE * len(han):
        return 0.0
    plausible = common + sum(
        1
        for ch in text
        if (ch.isascii() and (ch.isprintable() or ch in "\t\n\r"))
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or "\u2010" <= ch <= "\u2027"
        or ch == "\u00b7"
    )
    return plausible / len(text)


def _byte_position_pair(data: bytes, offset: int, encoding: str) -> tuple[int, int]:
    """(line, column) of a byte offset, 1-based; the column counts characters, not bytes."""
    start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode(encoding, errors="replace")) + 1
    return line, column


def _byte_position(data: bytes, offset: int, encoding: str) -> str:
    line, column = _byte_position_pair(data, offset, encoding)
    return f"{line}:{column}"


# What `stat` says a file is that is neither a regular file nor a directory.
_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def not_a_regular_file(path: Path) -> str | None:
    """Why `path` (followed through symbolic links) is no regular file to read, or None when it is one
    (or a directory): a symbolic link loop, a link to nothing, nothing at all, or a FIFO, socket or
    device (``not a regular file (a FIFO)``)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if isinstance(exc, FileNotFoundError):
            if path.is_symlink():
                # Bytes of the target that are not UTF-8 read as U+FFFD, as `pipeline._display` shows names.
                target = os.readlink(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                return f"a symbolic link to {target}, which does not exist"
            return "no such file or directory"
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = next((name for test, name in _SPECIAL_KINDS if test(mode)), "a special file")
    return f"not a regular file ({kind})"
