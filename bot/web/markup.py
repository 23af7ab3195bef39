"""Replies for the web page: HTML whose matches are ``<mark>``, and the same reply as plain data.

`WEB` is Telegram's HTML markup with matched words in ``<mark>`` instead of ``<b>``: every piece of
content is escaped by the ``format_*`` functions and the only tags are ones they made. `reply_parts` reads
such a reply back into segments (text with its styles: mark, bold, italic, a link), which the JSON API
sends and the page builds with ``textContent`` and elements, never ``innerHTML``; ``/article N`` in a
reply becomes a link to the article's page. All pure.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from bot.chat.replies import SHOWS_ONLY, Button, HtmlMarkup, Reply, page_counter_name
from bot.chat.texts import text


class WebMarkup(HtmlMarkup):
    """HTML for the page: as Telegram's, with the matched words in ``<mark>``."""

    name = "web"

    def highlight(self, inner: str) -> str:
        return f"<mark>{inner}</mark>" if inner else inner


WEB = WebMarkup()

_STYLES = {"mark": "mark", "b": "bold", "i": "italic"}
_ARTICLE_REF = re.compile(r"/article (\d{1,18})\b")


@dataclass(frozen=True)
class Part:
    """A run of text with its styles; `href` for a link."""

    text: str
    mark: bool = False
    bold: bool = False
    italic: bool = False
    href: str | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text}
        for name in ("mark", "bold", "italic"):
            if getattr(self, name):
                out[name] = True
        if self.href is not None:
            out["href"] = self.href
        return out


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[Part] = []
        self.open: dict[str, int] = {"mark": 0, "bold": 0, "italic": 0}
        self.href: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _STYLES:
            self.open[_STYLES[tag]] += 1
        elif tag == "a":
            self.href.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _STYLES and self.open[_STYLES[tag]]:
            self.open[_STYLES[tag]] -= 1
        elif tag == "a" and self.href:
            self.href.pop()

    def handle_data(self, data: str) -> None:
        if data:
            href = self.href[-1] if self.href else None
            self.parts.append(
                Part(
                    data, self.open["mark"] > 0, self.open["bold"] > 0, self.open["italic"] > 0, href or None
                )
            )


def _article_links(part: Part) -> list[Part]:
    """A part whose text says ``/article N`` split so that each such reference links to its page."""
    if part.href is not None or "/article " not in part.text:
        return [part]
    out: list[Part] = []
    last = 0
    for m in _ARTICLE_REF.finditer(part.text):
        if m.start() > last:
            out.append(Part(part.text[last : m.start()], part.mark, part.bold, part.italic))
        out.append(Part(m.group(0), part.mark, part.bold, part.italic, f"/article/{m.group(1)}"))
        last = m.end()
    if last < len(part.text):
        out.append(Part(part.text[last:], part.mark, part.bold, part.italic))
    return out


def reply_parts(rendered: str) -> list[Part]:
    """The segments of a reply rendered with `WEB` (adjacent runs of one style merged)."""
    reader = _Reader()
    reader.feed(rendered)
    reader.close()
    merged: list[Part] = []
    for part in reader.parts:
        if merged and _same_style(merged[-1], part):
            last = merged.pop()
            part = Part(last.text + part.text, part.mark, part.bold, part.italic, part.href)
        merged.append(part)
    return [piece for part in merged for piece in _article_links(part)]


def _same_style(a: Part, b: Part) -> bool:
    return (a.mark, a.bold, a.italic, a.href) == (b.mark, b.bold, b.italic, b.href)


def _safe_href(href: str) -> str | None:
    """Links the page may show: its own paths and http(s) addresses."""
    if href.startswith("/") and not href.startswith("//"):
        return href
    if href.lower().startswith(("https://", "http://")):
        return href
    return None


# A result's open button's label: "📖 3".
_READ_RESULT = re.compile(r"^📖\s*(\d+)$")


def button_name(label: str, lang: str) -> str | None:
    """What a screen reader says for a button whose label is a symbol (◀ ▶, 2/48, 📖 3): its name in
    words; None for a label in words, which names itself."""
    if label == "◀":
        return text(lang, "web_button_previous")
    if label == "▶":
        return text(lang, "web_button_next")
    if counter := page_counter_name(label, lang):
        return counter
    if read := _READ_RESULT.match(label):
        return text(lang, "web_button_read", number=read[1])
    return None


def button_json(button: Button, lang: str) -> dict[str, str]:
    """A button as the JSON API sends it: its label, its data or link (no data for one that only shows
    something, the page counter 2/14: the page shows it as a label, not a button), and its `name` when the
    label is a symbol (`button_name`)."""
    out = {"label": button.label}
    if button.url is not None:
        out["url"] = button.url
    elif button.data != SHOWS_ONLY:
        out["data"] = button.data or ""
    if name := button_name(button.label, lang):
        out["name"] = name
    return out


def reply_json(reply: Reply, lang: str) -> dict[str, Any]:
    """A reply as the JSON API sends it: its visible text, the marked words, the segments, the buttons
    (named in `lang` where their labels are symbols)."""
    parts = reply_parts(reply.text)
    for i, part in enumerate(parts):
        if part.href is not None and _safe_href(part.href) is None:
            parts[i] = Part(part.text, part.mark, part.bold, part.italic)
    return {
        "text": "".join(p.text for p in parts),
        "marks": [p.text for p in parts if p.mark],
        "parts": [p.as_json() for p in parts],
        "buttons": [[button_json(b, lang) for b in row] for row in reply.buttons],
    }


def parts_html(parts: Iterable[Part]) -> str:
    """Segments as HTML for a page rendered on the server (every text escaped)."""
    out = []
    for part in parts:
        piece = html.escape(part.text)
        if part.mark:
            piece = f"<mark>{piece}</mark>"
        if part.italic:
            piece = f"<i>{piece}</i>"
        if part.bold:
            piece = f"<b>{piece}</b>"
        href = _safe_href(part.href) if part.href is not None else None
        if href is not None:
            piece = f'<a href="{html.escape(href, quote=True)}">{piece}</a>'
        out.append(piece)
    return "".join(out)
