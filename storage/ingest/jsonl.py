"""JSON Lines -> `ParsedArticle`s: one JSON object per line.

Fields: ``title`` and ``body`` (required; ``body`` may be left out when ``paragraphs`` is given),
optional ``date`` (ISO ``YYYY-MM-DD``), ``source``, ``url``, ``paragraphs`` (list of strings),
``title_lines``, ``title_source`` (``printed`` or ``inferred``, default ``printed``), ``byline``,
``reporters``, ``correspondents``, ``published_at`` (ISO date and time, with its UTC offset when known).
Control characters written as JSON escapes (``\\u001b``, ``\\u0000``) are removed from every string, as
`storage.ingest.decode` removes raw ones from the file's text.
Other keys (``id``, ``summary``,
``keywords`` from ``newsbot export``) are ignored, so an export can be ingested again. Blank lines are
skipped.

A file that is one JSON array (``[{...}, {...}]``) is refused as a whole, with the ``jq`` command that
turns it into JSON Lines.

Malformed lines: `read_jsonl` reads every line and returns the good records together with one
`JsonlError` (file, line, reason) per bad line. `parse_jsonl` is the strict reading: any bad line fails
the whole file, with an error naming the first bad line and listing the others, so a file that is not
what the user thought it was changes nothing. The pipeline uses the strict reading unless asked to skip
bad lines (``newsbot ingest --skip-bad-lines``), which imports the good records and reports each line
it skipped.

A record whose text (title and body) is longer than `storage.ingest.limits.MAX_ARTICLE_CHARS` is refused,
read no further than its size: it is no bad line (the file's other records go in either way), but one
`JsonlRecords.refused` error naming its line and size.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from storage.errors import InputError
from storage.ingest.decode import remove_controls
from storage.ingest.limits import article_over_cap
from storage.models import ParsedArticle

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class JsonlError(InputError):
    """A malformed JSON Lines record."""


@dataclass
class JsonlRecords:
    """What a JSON Lines file holds: its good records, one error per malformed line, and one per record
    refused for its size."""

    articles: list[ParsedArticle] = field(default_factory=list)
    bad_lines: list[JsonlError] = field(default_factory=list)
    refused: list[JsonlError] = field(default_factory=list)


# A strict error lists at most this many further bad line numbers.
_LISTED_LINES = 10


def read_jsonl(
    text: str,
    *,
    origin_file: str | Path | None = None,
    source: str | None = None,
    default_source: str | None = None,
) -> JsonlRecords:
    """Read every line of JSON Lines text, keeping the good records and an error for each bad line.

    `source` (if given) overrides every record's own source; `default_source` only fills in records
    that have none.
    """
    name = str(origin_file) if origin_file is not None else None
    if _is_json_array(text):
        raise JsonlError(name, json_array_hint(name or "FILE"))
    records = JsonlRecords()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            records.bad_lines.append(JsonlError(name, _invalid_json(exc), line=number))
            continue
        if too_long := article_over_cap(_text_chars(record)):
            records.refused.append(JsonlError(name, too_long, line=number))
            continue
        try:
            records.articles.append(
                _article(record, name=name, line=number, source=source, default_source=default_source)
            )
        except JsonlError as exc:
            records.bad_lines.append(exc)
    return records


def _invalid_json(exc: ValueError | RecursionError) -> str:
    """Why `json.loads` refused a line: its syntax error, nesting deeper than Python's recursion limit, or
    a number longer than Python's integer limit (4300 digits)."""
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON: {exc.msg} (column {exc.colno})"
    if isinstance(exc, RecursionError):
        return "invalid JSON: nested too deeply"
    return f"invalid JSON: {exc}"


def json_array_hint(name: str) -> str:
    """What to say about a JSON array given where JSON Lines is expected, with the command converting it."""
    return f"this is a JSON array, not JSON Lines (one object per line); convert it with: {jq_command(name)}"


def jq_command(name: str) -> str:
    """The shell command writing the JSON array in file `name` as JSON Lines beside it."""
    base = name[: -len(".json")] if name.lower().endswith(".json") else name.rsplit(".", 1)[0] + ".lines"
    return f"jq -c '.[]' {name} > {base}.jsonl"


def _is_json_array(text: str) -> bool:
    """True when the whole text is one JSON array (a file exported as ``[{...}, {...}]``)."""
    if not text.lstrip().startswith("["):
        return False
    try:
        return isinstance(json.loads(text), list)
    except (ValueError, RecursionError):  # not JSON, nested too deeply, or a number too long
        return False


def parse_jsonl(
    text: str,
    *,
    origin_file: str | Path | None = None,
    source: str | None = None,
    default_source: str | None = None,
) -> list[ParsedArticle]:
    """Parse JSON Lines text strictly: any malformed line raises a `JsonlError` for the first one,
    naming file and line and listing the other bad lines."""
    records = read_jsonl(text, origin_file=origin_file, source=source, default_source=default_source)
    if records.bad_lines:
        raise strict_error(records)
    return records.articles


def strict_error(records: JsonlRecords) -> JsonlError:
    """The error for a file refused because of its bad lines: the first bad line, then the others' numbers
    and how many good records the file holds (with the option that imports them, when there are some)."""
    first, *others = records.bad_lines
    reason = first.reason
    if others:
        numbers = ", ".join(str(e.line) for e in others[:_LISTED_LINES])
        more = "…" if len(others) > _LISTED_LINES else ""
        reason += f"; {len(others)} more bad line(s): {numbers}{more}"
    if records.articles:
        reason += (
            f"; the file's {len(records.articles)} good record(s) were not imported "
            "(newsbot ingest --skip-bad-lines imports them and lists the lines skipped)"
        )
    else:  # skipping the bad lines would leave nothing: no option to suggest
        reason += "; the file holds no good record"
    return JsonlError(first.path, reason, line=first.line)


def _article(
    record: Any, *, name: str | None, line: int, source: str | None, default_source: str | None
) -> ParsedArticle:
    def fail(message: str) -> JsonlError:
        return JsonlError(name, message, line=line)

    if not isinstance(record, dict):
        raise fail(f"expected a JSON object, got {type(record).__name__}")
    title = _text(record, "title", fail, required=True)
    assert title is not None
    title_lines = _strings(record, "title_lines", fail) or tuple(
        part.strip() for part in title.split("\n") if part.strip()
    )
    paragraphs = _strings(record, "paragraphs", fail)
    body = _text(record, "body", fail, required=not paragraphs)
    if not paragraphs:
        assert body is not None
        paragraphs = tuple(part.strip() for part in body.split("\n") if part.strip())
    paragraphs = tuple(p.strip() for p in paragraphs if p.strip())
    if not paragraphs:
        raise fail('"body" is empty')
    title_source = _text(record, "title_source", fail) or "printed"
    if title_source not in ("printed", "inferred"):
        raise fail(f'"title_source" must be "printed" or "inferred", got {title_source!r}')
    return ParsedArticle(
        title=" ".join(title.split()),
        title_source="inferred" if title_source == "inferred" else "printed",
        title_lines=title_lines,
        paragraphs=paragraphs,
        date=_date(record.get("date"), fail),
        byline=_text(record, "byline", fail),
        reporters=_strings(record, "reporters", fail),
        correspondents=_strings(record, "correspondents", fail),
        source=source or _text(record, "source", fail) or default_source,
        url=_text(record, "url", fail),
        published_at=_moment(record, fail),
        origin_file=name,
        origin_position=line,
    )


def _text_chars(record: Any) -> int:
    """How many characters a record's title and body hold (its body or its paragraphs, whichever is
    longer: an export writes both); values of the wrong type count nothing (`_article` refuses them)."""
    if not isinstance(record, dict):
        return 0
    title, body, paragraphs = record.get("title"), record.get("body"), record.get("paragraphs")
    paragraph_chars = (
        sum(len(item) for item in paragraphs if isinstance(item, str)) if isinstance(paragraphs, list) else 0
    )
    body_chars = len(body) if isinstance(body, str) else 0
    return (len(title) if isinstance(title, str) else 0) + max(body_chars, paragraph_chars)


def _moment(record: dict[str, Any], fail: Callable[[str], JsonlError]) -> str | None:
    value = _text(record, "published_at", fail)
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise fail(f'"published_at" is not an ISO date and time: {value[:40]!r}') from None


def _text(
    record: dict[str, Any], key: str, fail: Callable[[str], JsonlError], *, required: bool = False
) -> str | None:
    value = record.get(key)
    if value is None:
        if required:
            raise fail(f'missing "{key}"')
        return None
    if not isinstance(value, str):
        raise fail(f'"{key}" must be a string, got {type(value).__name__}')
    value = remove_controls(value).strip()
    if required and not value:
        raise fail(f'"{key}" is empty')
    return value or None


def _strings(record: dict[str, Any], key: str, fail: Callable[[str], JsonlError]) -> tuple[str, ...]:
    value = record.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(f'"{key}" must be a list of strings')
    cleaned = (remove_controls(item).strip() for item in value)
    return tuple(item for item in cleaned if item)


def _date(value: Any, fail: Callable[[str], JsonlError]) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise fail(f'"date" must be an ISO date YYYY-MM-DD, got {value!r}')
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError as exc:
        raise fail(f'"date" {value!r} is not a real date: {exc}') from exc
