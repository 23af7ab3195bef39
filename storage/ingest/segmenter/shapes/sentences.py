"""Where a story's text ends: sentence marks, closing notes, brackets and quotes that close, jump lines; and
the character pairs texts are compared by."""

from __future__ import annotations

import re

from storage.ingest.page_lines import (
    _AGENCY_CREDIT_RE,
    _CLOSING_NOTE_RE,
    _FINAL_RE,
    _HAN_RE,
    HAN,
    _Line,
    is_reader_signature,
)

# A line all in brackets closes its story (``（辛阳、胡婧怡、杨世龙整理）``): never a headline under it.
_BRACKETED_LINE_RE = re.compile(r"^[ \t\u3000]*[（(][^（()）]+[）)][ \t\u3000]*$")


# How many lines a closing note in brackets (``（作者为…采访整理）``) may run over: a joint dispatch naming
# eight places and nine reporters (``（本报北京、里约热内卢、…2月21日电  记者曲颂、…）``) takes seven
# lines of a narrow column.
_NOTE_LINES = 8


def _is_jump_start(text: str) -> bool:
    return bool(re.search("下转|转", text)) and "上接" not in text


def _quotes_closed(text: str) -> bool:
    """Whether every quotation and title mark opened in `text` is closed in it."""
    return text.count("“") <= text.count("”") and text.count("《") <= text.count("》")


def _ends_sentence(lines: list[_Line]) -> bool:
    """Whether the text ends a sentence: a sentence mark, or a note in brackets that began a line."""
    if not lines:
        return False
    if _FINAL_RE.search(lines[-1].text.strip()):
        return True
    if len(lines) > 1 and _AGENCY_CREDIT_RE.match(lines[-1].text):
        return _ends_sentence(lines[:-1])  # a photo's credit under the text it credits
    if len(lines) > 1 and is_reader_signature(lines[-1].text):
        return _ends_sentence(lines[:-1])  # a reader's signature under the letter it signs
    if not lines[-1].text.rstrip().endswith(("）", ")")):
        return False
    note = ""
    for line in reversed(lines[-_NOTE_LINES:]):
        note = line.text.strip() + note
        if note.startswith(("（", "(")):
            # A name in brackets may stand inside the note (``（作者为中央党校（国家行政学院）研究员）``).
            return bool(re.fullmatch("[（(](?:[^（()）]|[（(][^（()）]{1,20}[）)]){2,80}[）)]", note))
    return False


def _ended_by_a_note(lines: list[_Line]) -> bool:
    """Whether a story's text ends with a closing note in brackets on its own line under a sentence's
    end (``…致富奔小康。`` / ``（综合本报和新华社电）``): its last line; a bulleted head after it opens the
    next story, no sub-heading of it."""
    if len(lines) < 2:
        return False
    note = lines[-1].text
    return bool(
        _CLOSING_NOTE_RE.match(note)
        and re.search("[）)][ \t\u3000]*$", note)
        and _ends_sentence(lines[-2:-1])
    )


def _brackets_balance(text: str) -> bool:
    """Whether every bracket the line opens it closes: half of a wrapped note (``（本报伊斯兰堡10月23日``
    / ``电）``) is no headline."""
    return text.count("（") == text.count("）") and text.count("(") == text.count(")")


def _han_pairs(text: str) -> set[str]:
    """The pairs of Han characters next to each other in a text."""
    return {a + b for a, b in zip(text, text[1:], strict=False) if _HAN_RE.match(a) and _HAN_RE.match(b)}


def _pairs(text: str) -> set[str]:
    """Character pairs of the Han (and alphanumeric) runs of a text."""
    pairs: set[str] = set()
    for run in re.findall(f"[{HAN}A-Za-z0-9]+", text):
        pairs.update(run[i : i + 2] for i in range(len(run) - 1))
    return pairs
