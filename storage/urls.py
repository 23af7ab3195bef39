"""URLs shown to people without the secrets typed into them: a database URL in messages, a feed URL in
`newsbot sources list`. Pure functions.

A password is the part after the user name (``scheme://user:password@host``) or a ``password=`` query
parameter (PostgreSQL's connection URLs accept both).
"""

from __future__ import annotations

import re

_PASSWORD = re.compile(r"(://[^:/@]*):[^@/]*@")
_PASSWORD_PARAMETER = re.compile(r"([?&]password=)[^&]*", re.IGNORECASE)


def safe_url(url: str) -> str:
    """The URL with its password (after the user name, or a ``password=`` parameter) as ``***``, for
    messages."""
    return _PASSWORD_PARAMETER.sub(r"\1***", _PASSWORD.sub(r"\1:***@", url))


def without_password(url: str) -> str:
    """The URL with its password left out (``postgresql://user@host/db``), for commands shown to people."""
    without = _PASSWORD.sub(r"\1@", url)
    without = _PASSWORD_PARAMETER.sub(lambda m: "?" if m.group(1).startswith("?") else "", without)
    return without.replace("?&", "?").rstrip("?")
