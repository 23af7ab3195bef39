"""The buttons under replies and the callback data each carries (at most 64 bytes; `Conversation.press` reads it
back): 📖 n opens an article (``a:<id>``), ◀ and ▶ turn a stored search's page (``p:<key>:<page>``, with the
page counter ``x`` between them) or /latest's (``l:<key>:<page>``), and /forget's two buttons confirm or cancel
(``f:<key>:y`` / ``f:<key>:n``). Pure."""

from __future__ import annotations

from collections.abc import Sequence

from bot.chat.replies import SHOWS_ONLY, Button, Keyboard, Reply

FORGET_PREFIX = "f"


def article_buttons(ids: Sequence[int], *, first: int = 1) -> Keyboard:
    """A 📖 button for each article, numbered from `first`, five a row."""
    row = [Button(f"📖 {first + i}", data=f"a:{article_id}") for i, article_id in enumerate(ids)]
    return tuple(tuple(row[i : i + 5]) for i in range(0, len(row), 5))


def opened_articles(reply: Reply) -> list[int]:
    """The ids of the articles `reply`'s buttons open (``a:<id>``), in the order shown: the stories it
    lists."""
    data = (b.data or "" for row in reply.buttons for b in row)
    return [int(d[2:]) for d in data if d.startswith("a:") and d[2:].isdigit()]


def results_keyboard(ids: Sequence[int], key: str | None, *, page: int, pages: int, first: int) -> Keyboard:
    """A page of results' buttons: 📖 for each (numbered from `first`), then ◀ page/pages ▶ when there are
    several pages and the query was stored under `key` (None: it could not be, no page buttons)."""
    buttons = list(article_buttons(ids, first=first))
    if pages > 1 and key is not None:
        nav = []
        if page > 0:
            nav.append(Button("◀", data=f"p:{key}:{page - 1}"))
        nav.append(Button(f"{page + 1}/{pages}", data=SHOWS_ONLY))
        if page < pages - 1:
            nav.append(Button("▶", data=f"p:{key}:{page + 1}"))
        buttons.append(tuple(nav))
    return tuple(buttons)


def with_latest_nav(page_reply: tuple[Reply, bool], key: str | None, page: int) -> Reply:
    """A page of /latest (the reply, and whether an older page follows) with ◀ and ▶ under it, when its
    state was stored under `key`."""
    reply, more = page_reply
    if key is None:
        return reply
    nav = []
    if page > 0:
        nav.append(Button("◀", data=f"l:{key}:{page - 1}"))
    if more:
        nav.append(Button("▶", data=f"l:{key}:{page + 1}"))
    return Reply(reply.text, reply.buttons + ((tuple(nav),) if nav else ()))


def forget_buttons(key: str, *, yes: str, no: str) -> Keyboard:
    """/forget's two buttons, labelled `yes` and `no`, for the confirmation `key`."""
    return ((Button(yes, data=f"{FORGET_PREFIX}:{key}:y"), Button(no, data=f"{FORGET_PREFIX}:{key}:n")),)
