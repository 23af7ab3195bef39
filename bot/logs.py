"""Structured logs: one `key=value` line (or one JSON object) per record, secrets masked.

`configure_logging` is called once by the CLI. Rules every module follows:
- user messages' text is logged at DEBUG only (it is the user's, and may be personal);
- the bot token never appears: httpx logs request URLs (which hold the token) at INFO, so httpx is
  quieted to WARNING, and a filter masks the token wherever it still turns up.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

# Attributes every LogRecord has; anything else on a record came from `extra=` and is logged as a field.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}


def _quote(value: Any) -> str:
    text = str(value)
    if text and all(ch.isalnum() or ch in "-_.:/@+" for ch in text):
        return text
    return json.dumps(text, ensure_ascii=False)


class KeyValueFormatter(logging.Formatter):
    """``ts=… level=info logger=bot.telegram.app msg="…" chat_id=42``."""

    def __init__(self, *, as_json: bool = False) -> None:
        super().__init__()
        self.as_json = as_json

    def fields(self, record: logging.LogRecord) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                out[key] = value
        if record.exc_info:
            out["exc"] = record.exc_text or self.formatException(record.exc_info)
        return out

    def format(self, record: logging.LogRecord) -> str:
        fields = self.fields(record)
        if self.as_json:
            return json.dumps(fields, ensure_ascii=False, default=str)
        return " ".join(f"{key}={_quote(value)}" for key, value in fields.items())


class RedactFilter(logging.Filter):
    """Replace each secret with ``[redacted]`` in the formatted message, in extra fields and in the
    traceback (kept as the record's ``exc_text``, which the formatters print)."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        clean = self._clean(message)
        if clean != message:
            record.msg, record.args = clean, None
        for key, value in list(vars(record).items()):
            if key not in _STANDARD and isinstance(value, str):
                setattr(record, key, self._clean(value))
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        return True

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return text


def configure_logging(
    level: str = "INFO",
    *,
    secrets: list[str] | None = None,
    as_json: bool = False,
    stream: TextIO | None = None,
) -> logging.Handler:
    """Send all logs to stderr (or `stream`) as structured lines; returns the handler installed."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(KeyValueFormatter(as_json=as_json))
    handler.addFilter(RedactFilter(secrets or []))
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_newsbot", False):
            root.removeHandler(old)
    handler._newsbot = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level.upper())
    # httpx logs every request URL at INFO, and Telegram URLs carry the token.
    for noisy in ("httpx", "httpcore", "apscheduler.executors.default", "jieba"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
    return handler


@contextlib.contextmanager
def logs_to_file(path: Path) -> Iterator[None]:
    """While inside: the log lines the root logger writes to stderr go to the end of `path` instead, with
    their time, so that they do not land among what a reader sees on the same screen; put back after.
    When `path` cannot be opened, nothing changes."""
    root = logging.getLogger()
    on_stderr = [
        handler
        for handler in root.handlers
        if isinstance(handler, logging.StreamHandler)
        and not isinstance(handler, logging.FileHandler)
        and handler.stream in (sys.stderr, sys.__stderr__)
    ]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        to_file = logging.FileHandler(path, encoding="utf-8", delay=False)
    except OSError:
        yield
        return
    to_file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for handler in on_stderr:
        root.removeHandler(handler)
    root.addHandler(to_file)
    try:
        yield
    finally:
        root.removeHandler(to_file)
        to_file.close()
        for handler in on_stderr:
            root.addHandler(handler)
