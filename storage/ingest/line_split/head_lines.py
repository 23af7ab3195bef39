"""A head sharing its line with what follows it: a headline ending with its story's dateline, and a
run-in head parted from its text by one full-width space."""

from __future__ import annotations

import re

from storage.ingest.page_lines import _CLOSERS, _DATELINE_RE, _HAN_RE, _SENTENCE_END, HAN

# A head closed by the full-width space that parts a run-in head from its text (``■“城里安了家，就在
# 这过年”　``), the text gone down to the next line.
_RUN_IN_SPACE_END_RE = re.compile(f"[{HAN}{_CLOSERS}？?][\u3000]$")


def _run_in_space_as_indent(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A line ending with the one full-width space that parts a run-in head from its text, its text
    flush on the next line (``解决好吃饭问题始终是治国理政的头等大事　`` / ``粮食安全是…``): the space
    stands before that text as the indent it is (the text opens a paragraph), so the head reads as a
    head over an indented lead. Two spaces or more part the items of a line, not a head from its text."""
    out = list(pairs)
    for index in range(len(out) - 1):
        raw, number = out[index]
        following, following_number = out[index + 1]
        text = raw.rstrip(" \t")
        if (
            _RUN_IN_SPACE_END_RE.search(text)
            and len(_HAN_RE.findall(text)) >= 2
            and not re.search("[。；;]", text)
            and following.strip()
            and following[:1] not in " \t\u3000"
        ):
            out[index] = (text.rstrip("\u3000"), number)
            out[index + 1] = ("\u3000" + following, following_number)
    return out


def _split_headline_datelines(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A headline line that ends with its story's dateline (the dateline, its reporters' bracket
    closing it, after a space; some evening papers print the lead's dateline on the headline's line):
    the head, a blank line, then the dateline on a line of its own, as a dateline opening its story's
    lead is read. The head holds four Han characters or more and no sentence end or semicolon; the
    dateline, from its space, is the whole rest of the line (nothing of the lead after it)."""
    out: list[tuple[str, int]] = []
    for raw, file_line in pairs:
        text = raw.rstrip()
        split = None
        for gap in re.finditer(r"[ \t\u3000]+(?=\S)", text):
            head, rest = text[: gap.start()], text[gap.end() :]
            found = _DATELINE_RE.match(rest)
            if found is None or rest[found.end() :].strip():
                continue
            if (
                len(_HAN_RE.findall(head)) >= 4
                and not re.search(f"[{_SENTENCE_END}；;，,、：:]$|[。；;]", head.strip())
                and not _DATELINE_RE.match(head)
                and (found.group(2) is not None or re.search("[电讯]$", rest.strip()))
            ):
                split = (head, rest)
            break
        if split is None:
            out.append((raw, file_line))
            continue
        out += [(split[0], file_line), ("", file_line), (split[1], file_line)]
    return out
