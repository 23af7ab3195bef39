"""Reply texts as pure functions: Telegram-safe HTML, or plain text for the console.

Every ``format_*`` function takes plain data (articles, search responses, strings) plus a `Markup`
(`HTML` or `PLAIN`) and returns text. With `HTML` every piece of content goes through
``html.escape`` and the only tags produced are ``<b>``, ``<i>`` and ``<a href>``; matched parts of
a `Snippet` are wrapped in ``<b>``. Texts that can grow (articles) are split into messages of at most
4096 UTF-16 units *after entity parsing*, at paragraph ends, else at sentence ends (。！？), else hard.

Keyboards are plain data too (`Button` rows); callback data is short and built by `bot.chat.keyboards`.
"""

from __future__ import annotations

import html
import re
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from bot.chat.examples import Examples
from bot.chat.texts import COMMANDS, CommandSpec, text
from storage.models import Answer, Article, SearchHit, SearchResponse, Snippet

TELEGRAM_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64
# Caps on content shown in lists, so that a page of results always fits one message.
TITLE_CAP = 120
SNIPPET_CAP = 240
ANSWER_CAP = 400
QUERY_CAP = 40
SUMMARY_CAP = 160


# ---- markup ------------------------------------------------------------------------------------------


class Markup(ABC):
    """How to mark text up: escape content, bold, italics, links, highlighted matches."""

    name = "abstract"

    @abstractmethod
    def esc(self, s: str) -> str: ...

    @abstractmethod
    def bold(self, inner: str) -> str: ...

    @abstractmethod
    def italic(self, inner: str) -> str: ...

    @abstractmethod
    def highlight(self, inner: str) -> str: ...

    @abstractmethod
    def link(self, label: str, url: str) -> str: ...

    @abstractmethod
    def visible(self, rendered: str) -> str:
        """The text a reader sees (Telegram's text after entity parsing)."""
        ...


class HtmlMarkup(Markup):
    """Telegram's HTML parse mode. Arguments to bold/italic/highlight are already escaped."""

    name = "html"
    _TAG = re.compile(r"<[^>]*>")

    def esc(self, s: str) -> str:
        return html.escape(s, quote=False)

    def bold(self, inner: str) -> str:
        return f"<b>{inner}</b>" if inner else inner

    def italic(self, inner: str) -> str:
        return f"<i>{inner}</i>" if inner else inner

    def highlight(self, inner: str) -> str:
        return f"<b>{inner}</b>" if inner else inner

    def link(self, label: str, url: str) -> str:
        return f'<a href="{html.escape(url, quote=True)}">{label}</a>'

    def visible(self, rendered: str) -> str:
        # Our output only has tags we made; every "<" of content was escaped.
        return html.unescape(self._TAG.sub("", rendered))


class PlainMarkup(Markup):
    """Plain text for the terminal: matches shown as 【…】, links as "label: url"."""

    name = "plain"

    def esc(self, s: str) -> str:
        return s

    def bold(self, inner: str) -> str:
        return inner

    def italic(self, inner: str) -> str:
        return inner

    def highlight(self, inner: str) -> str:
        return f"【{inner}】" if inner else inner

    def link(self, label: str, url: str) -> str:
        return url if label == url else f"{label} {url}"  # an address as its own label: once

    def visible(self, rendered: str) -> str:
        return rendered


HTML = HtmlMarkup()
PLAIN = PlainMarkup()


# ---- replies as data -------------------------------------------------------------------------------


# The callback data of a button that only shows something (the page counter 2/14): a press changes nothing.
SHOWS_ONLY = "x"
# A page counter button's label: "2/48".
_PAGE_COUNTER = re.compile(r"^(\d+)/(\d+)$")


def page_counter_name(label: str, lang: str) -> str | None:
    """A page counter's label in words (`2/14` → `第 2 页，共 14 页`); None for any other label."""
    if counter := _PAGE_COUNTER.match(label):
        return text(lang, "button_page_counter", page=counter[1], pages=counter[2])
    return None


@dataclass(frozen=True)
class Button:
    """An inline keyboard button: callback `data` (≤ 64 bytes) or a `url`."""

    label: str
    data: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if (self.data is None) == (self.url is None):
            raise ValueError("a button has exactly one of data and url")
        if self.data is not None and not 1 <= len(self.data.encode("utf-8")) <= CALLBACK_DATA_LIMIT:
            raise ValueError(f"callback data must be 1-{CALLBACK_DATA_LIMIT} bytes: {self.data!r}")


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Reply:
    """One message to send: its text (in the conversation's markup) and an optional keyboard."""

    text: str
    buttons: Keyboard = ()
    # A command that lists what this message counted but left out (a digest's ``/digest 2``): what a
    # 还有吗 after it is told to send.
    rest_command: str = ""
    # The message lists the newest stored stories in /latest's order (the /digest of a chat without
    # subscriptions): 还有吗 after it lists the ones that follow them.
    lists_latest: bool = False


# ---- measuring and splitting --------------------------------------------------------------------


def utf16_len(s: str) -> int:
    """Length in UTF-16 code units, as Telegram counts message length."""
    return len(s.encode("utf-16-le")) // 2


def is_web_address(url: str) -> bool:
    """An http(s) address with a host: what a reader can open, and the only links Telegram takes (it
    refuses ``/path`` or ``javascript:…`` with "URL host is empty", and the message is not sent)."""
    parts = url.strip().split("/", 3)
    return url.lower().startswith(("https://", "http://")) and len(parts) > 2 and bool(parts[2])


def clip(s: str, cap: int) -> str:
    """`s` shortened to at most `cap` characters, with an ellipsis when cut; a cut that would fall inside
    a word of letters or digits (``Zhengzhou``, ``2023``) is made before that word instead, unless that
    would drop more than half of what is kept (one long word, or Chinese text, is cut where it reaches)."""
    s = " ".join(s.split())
    if len(s) <= cap:
        return s
    keep = cap - 1
    if keep > 0 and _is_word_char(s[keep - 1]) and _is_word_char(s[keep]):
        start = keep
        while start > 0 and _is_word_char(s[start - 1]):
            start -= 1
        if start >= keep // 2:
            keep = start
    return s[:keep].rstrip() + "…"


def _is_word_char(ch: str) -> bool:
    """A letter or digit of an alphabetic script (Latin, Cyrillic, Greek…) or a digit: a run of these is a
    word; Chinese and Japanese characters are each a unit of their own."""
    return ch.isascii() and ch.isalnum() or (ch.isalpha() and not _is_cjk(ch))


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


FOCUS_ROOM = 30  # characters of an answer's fact that a cut must leave after where it starts


def clip_to(s: str, cap: int, focus: int) -> str:
    """`s` shortened to at most `cap` characters so that it keeps what starts at `focus` (the clause of an
    answer holding the fact): cut at the end when that fits, else shown from `focus` after an ellipsis."""
    if len(" ".join(s.split())) <= cap or focus + FOCUS_ROOM <= cap:
        return clip(s, cap)
    return "…" + clip(s[focus:], cap - 1)


_SENTENCE_END = re.compile(r"(?<=[。！？!?；;…])[”’」』）)\"']*")


def split_sentences(s: str) -> list[str]:
    """Cut `s` after sentence-ending punctuation (。！？!?；…), keeping closing quotes with the sentence."""
    pieces: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(s):
        end = m.end()
        if end > start:
            pieces.append(s[start:end])
            start = end
    if start < len(s):
        pieces.append(s[start:])
    return [p for p in pieces if p]


def _hard_split(s: str, limit: int) -> list[str]:
    """Cut `s` into pieces of at most `limit` UTF-16 units, never inside a character."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for ch in s:
        w = utf16_len(ch)
        if size + w > limit and current:
            out.append("".join(current))
            current, size = [], 0
        current.append(ch)
        size += w
    if current:
        out.append("".join(current))
    return out


def split_plain(s: str, limit: int) -> list[str]:
    """Cut plain text into pieces of at most `limit` UTF-16 units, preferring sentence ends."""
    if utf16_len(s) <= limit:
        return [s]
    out: list[str] = []
    current = ""
    for sentence in split_sentences(s):
        pieces = _hard_split(sentence, limit) if utf16_len(sentence) > limit else [sentence]
        for piece in pieces:
            if current and utf16_len(current) + utf16_len(piece) > limit:
                out.append(current)
                current = ""
            current += piece
    if current:
        out.append(current)
    return out


def pack(
    blocks: Iterable[str], markup: Markup, *, limit: int = TELEGRAM_LIMIT, sep: str = "\n\n"
) -> list[str]:
    """Join rendered blocks with `sep` into messages whose visible text is at most `limit` units.

    Each block must fit on its own (use `split_plain` before rendering).
    """
    messages: list[str] = []
    current: list[str] = []
    size = 0
    sep_len = utf16_len(sep)
    for block in blocks:
        if not block:
            continue
        w = utf16_len(markup.visible(block))
        if w > limit:
            raise ValueError("block longer than the limit: split it before rendering")
        if current and size + sep_len + w > limit:
            messages.append(sep.join(current))
            current, size = [], 0
        size += (sep_len if current else 0) + w
        current.append(block)
    if current:
        messages.append(sep.join(current))
    return messages


# ---- pieces ------------------------------------------------------------------------------------------


_WS = re.compile(r"\s+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


# A word as English prints it: lower case, or one capital then lower case, at least three letters, no digit
# touching it. Acronyms (GDP, APEC) and names mixing letters with digits or capitals (5G, iPhone15, G20) are
# printed in Latin letters by Chinese news too, so they do not mark a query as English.
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]?[a-z]{2,}(?![A-Za-z0-9])")


def in_english_words(query: str) -> bool:
    """Whether `query` is written in English words and no Chinese character (`epidemic prevention`,
    `Huawei`), not only in terms Chinese news prints in Latin letters (`GDP`, `5G`, `iPhone15`)."""
    return bool(_ENGLISH_WORD.search(query)) and not _HAN.search(query)


def render_snippet(snippet: Snippet, markup: Markup, *, cap: int = SNIPPET_CAP) -> str:
    """The snippet with its matched pieces highlighted, whitespace folded, at most `cap` characters."""
    out: list[str] = []
    left = cap
    for raw, matched in snippet.spans:
        piece = _WS.sub(" ", raw)
        if left <= 0 or not piece:
            continue
        if len(piece) > left:
            piece = piece[: max(left - 1, 0)] + "…"
        left -= len(piece)
        escaped = markup.esc(piece)
        out.append(markup.highlight(escaped) if matched else escaped)
    return "".join(out).strip()


def _date(lang: str, date: str | None) -> str:
    return date or text(lang, "date_unknown")


def _notice(lang: str, key: str, markup: Markup, **values: object) -> str:
    return markup.esc(text(lang, key, **values))


def format_notice(lang: str, key: str, markup: Markup, **values: object) -> str:
    """A one-line message from `bot.chat.texts` (values are escaped with the rest)."""
    return _notice(lang, key, markup, **values)


# ---- messages --------------------------------------------------------------------------------------


def format_welcome(lang: str, markup: Markup, examples: Examples, *, name: str | None = None) -> str:
    """/start: greeting, the archive's examples (a keyword, a question, /latest), pointer to /help."""
    who = clip(name, 40) if name and name.strip() else ("朋友" if lang == "zh" else "there")
    lines = [
        markup.bold(markup.esc(text(lang, "welcome", name=who))),
        "",
        markup.esc(text(lang, "welcome_examples")),
    ]
    lines += [f"• {markup.esc(example)}" for example in (examples.keyword, examples.question, "/latest")]
    lines += ["", markup.esc(text(lang, "welcome_more"))]
    return "\n".join(lines)


def _command_line(spec: CommandSpec, lang: str, markup: Markup, *, reads: bool = False) -> str:
    """A command's /help line; `reads`: where subscriptions are read, not pushed (its `help_read`)."""
    placeholder = (spec.args_read if reads else None) or spec.args
    described = (spec.help_read if reads else None) or spec.help
    args = f" {placeholder[lang]}" if placeholder else ""
    return f"/{spec.name}{markup.esc(args)} — {markup.esc(described[lang])}"


class Channel(StrEnum):
    """Where a conversation is held; /help's last line says how to talk to newsbot there (groups are
    Telegram's; the web page and WeChat get digests as a feed; the terminal gets none)."""

    TELEGRAM = "telegram"
    CONSOLE = "console"
    WEB = "web"
    WECHAT = "wechat"


def format_help(
    lang: str,
    markup: Markup,
    *,
    is_admin: bool = False,
    commands: Sequence[CommandSpec] = COMMANDS,
    channel: Channel = Channel.TELEGRAM,
    pushes: bool = True,
) -> str:
    """/help: every command with its arguments and one line (subscriptions without times where digests are
    not `pushes`ed but read); admin commands only for admins; how to talk to newsbot in this `channel`."""
    lines = [markup.bold(markup.esc(text(lang, "help_title")))]
    lines += [_command_line(c, lang, markup, reads=not pushes) for c in commands if is_admin or not c.admin]
    lines += ["", markup.esc(text(lang, f"help_footer_{channel}"))]
    return "\n".join(lines)


def _title(title: str, inferred: bool, lang: str, markup: Markup) -> str:
    """A title in bold; one the parser inferred from the lead (no printed headline) says so."""
    shown = markup.bold(markup.esc(clip(title, TITLE_CAP)))
    return f"{shown} {markup.esc(text(lang, 'inferred_title'))}" if inferred else shown


def _hit_block(number: int, hit: SearchHit, lang: str, markup: Markup) -> str:
    title = _title(hit.title, hit.title_inferred, lang, markup)
    meta = f"{markup.esc(_date(lang, hit.date))} · /article {hit.id}"
    snippet = render_snippet(hit.snippet, markup)
    lines = [f"{number}. {title}", meta]
    if snippet:
        lines.append(snippet)
    if hit.also:
        others = text(lang, "also_sep").join(clip(name, 20) for name in hit.also[:5])
        lines.append(markup.italic(markup.esc(text(lang, "also_in", sources=others))))
    return "\n".join(lines)


def _answer_block(answer: Answer, source_title: str | None, lang: str, markup: Markup) -> str:
    if answer.snippet is not None and answer.snippet.spans:
        sentence = render_snippet(answer.snippet, markup, cap=ANSWER_CAP)
    else:
        sentence = markup.esc(clip(answer.sentence, ANSWER_CAP))
    colon = "：" if lang == "zh" else ": "
    lines = [f"💡 {markup.bold(markup.esc(text(lang, 'answer_label')))}{colon}{sentence}"]
    source = (
        markup.esc(text(lang, "answer_source", title=clip(source_title or "", TITLE_CAP)))
        if source_title
        else ""
    )
    lines.append(f"{source} /article {answer.article_id}".strip())
    return "\n".join(lines)


def page_count(total: int, page_size: int) -> int:
    return max(1, -(-total // page_size))


def format_results(
    response: SearchResponse,
    lang: str,
    markup: Markup,
    *,
    page: int = 0,
    page_size: int = 5,
    answer_title: str | None = None,
    note: str | None = None,
    lead: str | None = None,
) -> str:
    """A page of search results: header, the answer first (questions, first page), then the hits. `note`:
    lines under the header; `lead`: a line above it, saying why these results stand for what was asked."""
    query = clip(response.query, QUERY_CAP)
    if not response.hits:
        # Several words found nothing: the search has already tried them one by one (any of them ranks
        # an article), so none of them is in any article; asking for fewer words would not help.
        key = "no_results_any" if len(response.terms) > 1 and response.total == 0 else "no_results"
        body = _notice(lang, key, markup, query=query)
        if in_english_words(response.query):  # English words on Chinese news: say which words work
            body += "\n" + _notice(lang, "no_results_in_chinese", markup)
        return f"{markup.esc(note)}\n{body}" if note else body
    pages = page_count(response.total, page_size)
    header = "🔎 " + markup.bold(
        markup.esc(
            text(lang, "results_header", query=query, total=response.total, page=page + 1, pages=pages)
        )
    )
    above = f"{markup.esc(lead)}\n" if lead else ""
    blocks = [above + header + (f"\n{markup.esc(note)}" if note else "")]
    if response.answer is not None and page == 0:
        if answer_title is None:
            answer_title = next((h.title for h in response.hits if h.id == response.answer.article_id), None)
        blocks.append(_answer_block(response.answer, answer_title, lang, markup))
    start = page * page_size
    blocks += [_hit_block(start + i + 1, hit, lang, markup) for i, hit in enumerate(response.hits)]
    return "\n\n".join(blocks)


def format_latest(
    articles: Sequence[Article], lang: str, markup: Markup, *, page: int = 0, first: int = 1
) -> str:
    """/latest: numbered list of articles with date, command and summary, headed as page `page` (from 0)
    and numbered from `first` (on from the pages before it)."""
    if not articles:
        return _notice(lang, "latest_empty", markup)
    header = text(lang, "latest_header") if page <= 0 else text(lang, "latest_header_page", page=page + 1)
    blocks = ["🆕 " + markup.bold(markup.esc(header))]
    for i, article in enumerate(articles, first):
        lines = [
            f"{i}. {_title(article.title, article.title_inferred, lang, markup)}",
            f"{markup.esc(_date(lang, article.date))} · /article {article.id}",
        ]
        summary = clip(article.summary or (article.paragraphs[0] if article.paragraphs else ""), SUMMARY_CAP)
        if summary:
            lines.append(markup.esc(summary))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _meta_line(article: Article, lang: str) -> str:
    parts = [_date(lang, article.date)]
    if article.byline:
        parts.append(article.byline)
    if article.source:
        parts.append(article.source)
    parts.append(text(lang, "article_id_label", id=article.id))
    return " · ".join(" ".join(p.split()) for p in parts if p)


def format_article(article: Article, lang: str, markup: Markup, *, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The whole article as one or more messages, each at most `limit` UTF-16 units when displayed.

    Splits between paragraphs, else at sentence ends; numbers the parts when there are several.
    """
    reserve = 16  # room for the "(2/3)" part label
    room = limit - reserve
    blocks: list[str] = []
    for piece in split_plain(" ".join(article.title.split()) or "—", room):
        blocks.append(markup.bold(markup.esc(piece)))
    if article.title_inferred:
        blocks[-1] += " " + markup.esc(text(lang, "inferred_title"))
    meta = _meta_line(article, lang)
    blocks += [markup.italic(markup.esc(piece)) for piece in split_plain(meta, room)]
    for paragraph in article.paragraphs:
        paragraph = paragraph.strip()
        if paragraph:
            blocks += [markup.esc(piece) for piece in split_plain(paragraph, room)]
    if article.url and is_web_address(article.url):  # a JSONL record's url may be any string
        blocks.append(markup.link(markup.esc(text(lang, "read_more")), article.url))
    messages = pack(blocks, markup, limit=room)
    if len(messages) > 1:
        messages = [
            f"{m}\n\n{markup.esc(text(lang, 'part_label', part=i, parts=len(messages)))}"
            for i, m in enumerate(messages, 1)
        ]
    return messages


STAT_KEYS = ("articles", "sources", "dates", "undated", "first_date", "last_date")


def format_stats(stats: Mapping[str, Any], lang: str, markup: Markup) -> str:
    """/stats: the storage's statistics, one "name: value" line each, names in the reader's language
    (the per-day counts as how many days have articles)."""

    def value(v: Any) -> str:
        if isinstance(v, Mapping):
            return ", ".join(f"{k}={value(x)}" for k, x in v.items())
        if isinstance(v, list | tuple):
            return ", ".join(value(x) for x in v)
        return str(v)

    colon = "：" if lang == "zh" else ": "
    lines = ["📊 " + markup.bold(markup.esc(text(lang, "stats_header")))]
    for k, v in stats.items():
        label = text(lang, f"stats_{k}") if k in STAT_KEYS else str(k)
        if k == "dates" and isinstance(v, Mapping | int):
            shown = text(lang, "stats_days", count=len(v) if isinstance(v, Mapping) else v)
        elif k == "sources" and isinstance(v, Mapping):
            unnamed = "（无）" if lang == "zh" else "(none)"
            shown = ", ".join(f"{unnamed if name is None else name}={n}" for name, n in v.items())
        else:
            shown = value(v)
        lines.append(f"{markup.esc(label)}{colon}{markup.esc(clip(shown, 300))}")
    return "\n".join(lines)


def format_sources(lines: Sequence[str], lang: str, markup: Markup) -> str:
    """/sources (admins): the same status lines as `newsbot sources list`, cut to one message; with no
    source added, how to add one."""
    head = "🌐 " + markup.bold(markup.esc(text(lang, "sources_header")))
    body = clip("\n".join(lines), TELEGRAM_LIMIT - 100) if lines else text(lang, "sources_none")
    return f"{head}\n{markup.esc(body)}"


def search_notes(response: SearchResponse, lang: str) -> list[str]:
    """What the search changed to find something: corrected slips (and words typed in pinyin), English names
    searched in their Chinese form too, dropped words or dates; the day picked
    for words naming several (周三); and the dates it was asked for that no calendar has (2月30日),
    searched as words."""
    notes = [text(lang, "note_picked_day", words=w, day=d) for w, d in response.picked_days]
    notes += [text(lang, "note_no_such_date", date=d) for d in response.no_such_dates]
    notes += [text(lang, "note_corrected", new=c.replacement, old=c.original) for c in response.corrections]
    notes += [
        text(lang, "note_name_read", name=c.original, printed=c.replacement) for c in response.names_read
    ]
    if response.date_dropped:
        notes.append(text(lang, "note_date_dropped"))
    if response.dropped:
        sep = "、" if lang == "zh" else ", "
        quoted = sep.join(f"「{w}」" if lang == "zh" else f"“{w}”" for w in response.dropped)
        notes.append(text(lang, "note_dropped", words=quoted))
    elif response.any_word:
        notes.append(text(lang, "note_any_word"))
    return notes


def format_inline_article(
    title: str, date: str | None, summary: str, deep_link: str | None, lang: str, markup: Markup = HTML
) -> str:
    """The message an inline result sends: title, date, summary and a deep link back to the bot."""
    lines = [markup.bold(markup.esc(clip(title, TITLE_CAP))), markup.esc(_date(lang, date))]
    if summary:
        lines += ["", markup.esc(clip(summary, 600))]
    if deep_link:
        lines += ["", markup.link(markup.esc(text(lang, "inline_read")), deep_link)]
    return "\n".join(lines)


def format_keyboard_plain(buttons: Keyboard, lang: str) -> str:
    """The console's view of a keyboard: numbered buttons, one row per line."""
    if not buttons:
        return ""
    lines = [text(lang, "console_buttons")]
    n = 0
    for row in buttons:
        cells = []
        for button in row:
            n += 1
            cells.append(f"[{n}] {button.label}")
        lines.append("  ".join(cells))
    return "\n".join(lines)


# ---- /forget ---------------------------------------------------------------------------------------


def format_forget_prompt(lang: str, markup: Markup) -> str:
    """/forget: what would be deleted, before the confirm / cancel buttons."""
    return "\n".join(
        [markup.bold(markup.esc(text(lang, "forget_prompt"))), markup.esc(text(lang, "forget_prompt_items"))]
    )


def format_forgotten(counts: Mapping[str, int], lang: str, markup: Markup) -> str:
    """/forget confirmed: what was deleted, by kind (``counts`` from storage plus ``queries`` and ``topics``)."""
    if not any(counts.values()):
        return markup.esc(text(lang, "forget_nothing"))
    lines = [markup.bold(markup.esc(text(lang, "forget_done_title")))]
    rows = [
        ("forget_done_chat", counts.get("chats", 0), {}),
        ("forget_done_subscriptions", counts.get("subscriptions", 0), {}),
        (
            "forget_done_deliveries",
            counts.get("digest_deliveries", 0),
            {"items": counts.get("digest_items", 0)},
        ),
        ("forget_done_queries", counts.get("queries", 0), {}),
        ("forget_done_topic", counts.get("topics", 0), {}),
    ]
    if counts.get("feed_seen", 0):  # a chat whose subscriptions are read with /digest (no pushes)
        rows.insert(3, ("forget_done_seen", counts["feed_seen"], {}))
    lines += [f"• {markup.esc(text(lang, key, count=count, **extra))}" for key, count, extra in rows]
    lines += ["", markup.esc(text(lang, "forget_done_footer"))]
    return "\n".join(lines)
