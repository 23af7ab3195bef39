"""Lines a column wrapped or the OCR read apart put back on one line, on the page's numbered lines: a
closing note, a photo's credit, a subtitle's book title, a dateline and a headline's column label."""

from __future__ import annotations

import re

from storage.ingest.line_split.cells import _DATELINE_SOURCE_RE
from storage.ingest.line_split.misreadings import mend_misreadings
from storage.ingest.page_lines import (
    _AGENCY_CREDIT_RE,
    _CLOSERS,
    _CLOSING_NOTE_RE,
    _DATELINE_RE,
    _FINAL_RE,
    _HAN_RE,
    _SENTENCE_END,
    _SENTENCE_PUNCT_RE,
    HAN,
    _Line,
    display_width,
    is_byline,
)

# The most a narrow column carries over of a dateline's core (``电``, ``19日电``, ``10月19日电``).
_DATELINE_CARRY = 6


# A dateline's head read apart from its ``电`` ends on its date: ``本报罗马2月23日``.
_HEAD_DATE_END_RE = re.compile("[0-9０-９]{1,2}日$|月[0-9０-９]{1,2}$")


# A dateline's head ending on the day's digits, its ``日`` read apart with ``电``.
_HEAD_DAY_DIGITS_RE = re.compile("月[0-9０-９]{1,2}$")


def _mend_wrapped_datelines(lines: list[_Line]) -> list[_Line]:
    """A dateline a narrow column wrapped before its end (``新华社内罗毕10月19日`` / ``电  （记者…）``)
    is a dateline all the same where a story may start (after a blank line, a byline or a sentence
    end): the characters that finish it are moved up to its line, so the line reads as the dateline
    it is. The story's text, joined, is unchanged."""
    mended = list(lines)
    for index, line in enumerate(mended[:-1]):
        following = mended[index + 1]
        if not _DATELINE_SOURCE_RE.match(line.text) or _DATELINE_RE.match(line.text):
            continue
        # Read apart (``本报罗马2月23日`` / blank / ``电 （记者叶琦）贝尔…``): the dateline's head alone in
        # its block and ending on its date, the block under it opening with the one character that
        # ends it.
        apart = following.blank_before
        if apart and not (line.blank_before and _HEAD_DATE_END_RE.search(line.text.rstrip())):
            continue
        # Read apart after the day's digits (``本报平壤10月28`` / blank / ``日电 〈记者…``): ``日电`` ends it.
        carry_apart = 2 if _HEAD_DAY_DIGITS_RE.search(line.text.rstrip()) else 1
        previous = mended[index - 1].text.strip() if index else ""
        if not (line.blank_before or is_byline(previous) or _FINAL_RE.search(previous)):
            continue  # inside a sentence (``…上午，`` / ``据新华社…``): a quoted dateline, no story's start
        head = line.text.rstrip()
        rest = following.text.lstrip()
        for carried in range(1, min(carry_apart if apart else _DATELINE_CARRY, len(rest)) + 1):
            joined = mend_misreadings(head + rest[:carried])
            if rest[carried - 1] in "电讯" and _DATELINE_RE.fullmatch(joined):
                mended[index] = _Line(line.number, joined, line.blank_before)
                # Read apart, the two are one block again: the lead goes on under its dateline.
                mended[index + 1] = _Line(following.number, rest[carried:].lstrip(), False)
                break
    return [line for line in mended if line.text.strip()]


# A subtitle's first line, its book title left open: a dash (``——``, read ``一一`` or ``—``), then the
# title's opening bracket and its first words (``一一《新中``), no sentence or clause mark.
_OPEN_SUBTITLE_RE = re.compile("^(?:——|一一|—)[^《》，。；！？,;!?]{0,10}《[^《》，。；！？,;!?]*$")


# The rest of such a subtitle on the next line: the title's last words, its closing bracket and a few
# words after it (``司对外开放70年》简评``), no bracket opening, no sentence or clause mark.
_SUBTITLE_REST_RE = re.compile(f"^[^《》，。；！？,;!?]{{1,20}}》[{HAN}]{{0,6}}$")


def _mend_wrapped_subtitles(lines: list[_Line]) -> list[_Line]:
    """A headline's subtitle the column wrapped inside its book title, its two lines read as blocks
    of their own (``一一《新中`` / blank / ``司对外开放70年》简评``), is one line again, the halves joined
    without a space: no line of text opens with a dash and leaves a book title open."""
    mended: list[_Line] = []
    for line in lines:
        previous = mended[-1] if mended else None
        if (
            previous is not None
            and _OPEN_SUBTITLE_RE.match(previous.text.strip())
            and _SUBTITLE_REST_RE.match(line.text.strip())
        ):
            mended[-1] = _Line(
                previous.number, previous.text.strip() + line.text.strip(), previous.blank_before
            )
            continue
        mended.append(line)
    return mended


# How many characters a closing note wraps onto its next line, closing bracket included.
_NOTE_TAIL = 12


# A closing note wraps over at most this many full lines between its first line and its tail.
_NOTE_MIDDLE_LINES = 2


def _mend_wrapped_notes(lines: list[_Line]) -> list[_Line]:
    """A closing note the column wrapped (``（作者为北京外国语大学法`` / ``国籍教师）``) is one line: the
    tail that closes its bracket is moved up, so the note reads as the note it is. A longer note may
    wrap over more lines (``(作者为新疆克孜勒苏军分区政治`` / ``工作部新闻报道员,本报记者倪光辉采`` /
    ``访整理)``): the lines between, without brackets of their own, go up with the tail."""
    mended: list[_Line] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        previous = mended[-1] if mended else None
        if (
            previous is not None
            and not line.blank_before
            and _CLOSING_NOTE_RE.match(previous.text)
            and not re.search("[）)]", previous.text)
        ):
            # The note's tail: this line, or the first line after up to `_NOTE_MIDDLE_LINES` lines
            # set without brackets that go on from it inside the same block.
            run = [line]
            while (
                len(run) <= _NOTE_MIDDLE_LINES
                and not re.search("[（()）]", run[-1].text)
                and position + len(run) < len(lines)
                and not lines[position + len(run)].blank_before
            ):
                run.append(lines[position + len(run)])
            for size in range(1, len(run) + 1):
                middle = "".join(part.text.strip() for part in run[: size - 1])
                tail = run[size - 1].text.strip()
                joined = previous.text.rstrip() + middle + tail
                if (
                    not re.search("[（()）]", middle)
                    and re.fullmatch(f"[^（()）]{{1,{_NOTE_TAIL - 1}}}[）)]", tail)
                    and _CLOSING_NOTE_RE.match(joined)
                    and not is_byline(joined)  # reporters: a byline's rules
                ):
                    mended[-1] = _Line(previous.number, joined, previous.blank_before)
                    position += size
                    break
            else:
                mended.append(line)
                position += 1
            continue
        mended.append(line)
        position += 1
    return mended


# The tail of a picture report's credit the column wrapped after ``摄`` (``张梓望  李秀婷  黄锦辉摄`` /
# ``影报道（影像中国）``): the rest of ``摄影报道`` and the agency in brackets.
_CREDIT_TAIL_RE = re.compile(f"^[ \t\u3000]*(?:影报道|影)?[ \t\u3000]*[（(][{HAN}]{{2,8}}[）)][ \t\u3000]*$")


def _mend_wrapped_credits(lines: list[_Line]) -> list[_Line]:
    """A photo's credit the column wrapped after ``摄`` or before its agency is one line, as set
    unwrapped: the tail moved up (``张梓望  李秀婷  黄锦辉摄`` / ``影报道（影像中国）``, ``…黄锦辉摄影报道`` /
    ``（影像中国）``) when the two make a credit."""
    mended: list[_Line] = []
    for line in lines:
        previous = mended[-1] if mended else None
        if previous is not None and not line.blank_before and _CREDIT_TAIL_RE.match(line.text):
            joined = previous.text.rstrip() + line.text.strip()
            if previous.text.rstrip().endswith(("摄", "摄影报道")) and _AGENCY_CREDIT_RE.match(joined):
                mended[-1] = _Line(previous.number, joined, previous.blank_before)
                continue
        mended.append(line)
    return mended


# A headline's column label the OCR read a piece a block: the headline's line opening it
# (``高山新房“长”出来《70年，``) and at most this many short lines after it, the last closing it.
_LABEL_PIECES = 3


# Each piece after the first is this wide at most (display type: a few characters a line).
_LABEL_PIECE_CELLS = 8.0


# The headline's line: some words, then a column label's opening bracket left open.
_OPEN_LABEL_RE = re.compile(f'^(?P<head>.*[{HAN}”"].*?)[ \t\u3000]*[（(《](?P<label>[^（()）《》]*)$')


def _mend_label_read_apart(lines: list[_Line]) -> list[_Line]:
    """A headline's column label the OCR read as blocks of their own (``高山新房“长”出来《70年，`` /
    blank / ``共同走过。大`` / blank / ``国小家)``; the middle dot read as ``。``, the opening bracket as
    ``《``) is one headline line: each block of the label is a short line alone in it, the last one
    closing the bracket, none ending a sentence. The pieces go up to the headline's line, the label's
    middle dot and opening bracket as printed (``高山新房“长”出来（70年，共同走过·大国小家)``)."""
    mended = list(lines)

    def alone(position: int) -> bool:
        # Whether the line at `position` is a block of its own: a blank line before it and after it.
        after = position + 1
        return mended[position].blank_before and (after >= len(mended) or mended[after].blank_before)

    for index, line in enumerate(mended):
        found = _OPEN_LABEL_RE.match(line.text.strip())
        if (
            found is None
            or not alone(index)
            or len(_HAN_RE.findall(found["head"])) < 4
            or _SENTENCE_PUNCT_RE.search(found["head"])
        ):
            continue
        pieces: list[int] = []
        for position in range(index + 1, min(index + 1 + _LABEL_PIECES, len(mended))):
            text = mended[position].text.strip()
            closes = bool(re.search("[）)]$", text))
            if (
                not alone(position)
                or display_width(text) > _LABEL_PIECE_CELLS
                or re.search("[（(《》]", text)
                or (not closes and re.search(f"[{_SENTENCE_END}][{_CLOSERS}]*$", text))
            ):
                break
            pieces.append(position)
            if closes:
                break
        if not pieces or not re.search("[）)]$", mended[pieces[-1]].text.strip()):
            continue
        label = found["label"] + "".join(mended[position].text.strip() for position in pieces)
        label = re.sub("[。.][ \t\u3000]*(?=[^ \t\u3000])", "·", label)
        mended[index] = _Line(line.number, f"{found['head']}（{label}", line.blank_before)
        for position in pieces:
            mended[position] = _Line(mended[position].number, "", mended[position].blank_before)
    return [line for line in mended if line.text.strip()]
