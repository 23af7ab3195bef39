"""Inline answers (``@bot words`` in any chat) as plain data: each article an `InlineItem`, a page of them an
`InlineAnswer` with the offset of the next. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.chat import replies


@dataclass(frozen=True)
class InlineItem:
    """One inline result: id (≤ 64 bytes, unique), title, description, message text (HTML)."""

    id: str
    title: str
    description: str
    message: str


@dataclass(frozen=True)
class InlineAnswer:
    items: tuple[InlineItem, ...]
    next_offset: str = ""


def inline_item(
    article_id: int, title: str, date: str | None, summary: str, lang: str, bot_username: str | None
) -> InlineItem:
    """An article as an inline result, its message linking to the article in a chat with the bot."""
    link = f"https://t.me/{bot_username}?start=a{article_id}" if bot_username else None
    message = replies.format_inline_article(title, date, summary, link, lang, replies.HTML)
    description = replies.clip(" · ".join(p for p in (date or "", summary) if p), 200)
    return InlineItem(f"a{article_id}", replies.clip(title, 100) or "—", description, message)


def inline_answer(items: Sequence[InlineItem], *, start: int, page_size: int, total: int) -> InlineAnswer:
    """The items from `start` (each id once) and the offset of the next page, if `total` goes past this one."""
    seen: set[str] = set()
    unique = [i for i in items if not (i.id in seen or seen.add(i.id))]  # type: ignore[func-returns-value]
    next_offset = str(start + page_size) if items and start + page_size < total else ""
    return InlineAnswer(tuple(unique), next_offset)
