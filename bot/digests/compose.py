"""Digest messages and the replies of the subscription commands, composed as pure functions.

Results are `bot.chat.replies.Reply` objects (text in the given `Markup`: Telegram HTML or plain text for
the console, and inline `Button` rows), like the rest of the chat's replies. Nothing here reads the
database or the clock: callers pass articles, subscriptions and dates in.

Telegram's limits are respected here: the visible text stays within 4096 UTF-16 units (articles beyond
that are counted instead of listed), every inserted string is escaped by the markup, and callback data
is checked by `Button` to fit in 64 bytes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.chat.replies import HTML, Button, Keyboard, Markup, Reply, clip, utf16_len
from bot.digests.filters import parse_keywords
from bot.digests.schedule import zone_label
from bot.digests.texts import text
from storage.models import Article
from storage.records.subscriptions import Subscription

MAX_MESSAGE = 4096
DEFAULT_CAP = 10
TITLE_CHARS = 60
SUMMARY_CHARS = 110
BUTTON_TITLE_CHARS = 24


@dataclass(frozen=True)
class Digest(Reply):
    """A digest message, with the articles it lists and the matching ones it only counts."""

    shown_ids: tuple[int, ...] = ()
    counted_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class SubscriptionReply(Reply):
    """A reply about one subscription (made, already there, its /digest where the chat reads it), so that a
    surface able to give the subscription's private address adds it below (`bot.digests.feed.feed_replies`).
    `listed_ids`: the stories it lists as new (recorded as listed); `more`: the new ones past those, which
    its closing line counts and the next /digest lists."""

    subscription_id: int = 0
    subscription_number: int = 0  # its number among the chat's own (`Subscription.number`), as shown
    listed_ids: tuple[int, ...] = ()
    more: int = 0


def join_keywords(lang: str, keywords: Sequence[str]) -> str:
    """The keywords as people read them: the words, then the excluded ones (``二七区（不含：人才）``);
    exclusions alone are all news but those (``全部新闻（不含：体育）``)."""
    sep = text(lang, "keyword_sep")
    wanted = parse_keywords(keywords)
    words = sep.join(wanted.any_of) or text(lang, "sub_what_all")
    if wanted.none_of:
        without = text(lang, "keywords_without", words=sep.join(wanted.none_of))
        words = f"{words}{text(lang, 'keywords_gap')}{without}"
    return words


def rest_command(keywords: Sequence[str]) -> str:
    """The command that lists the stories a digest of `keywords` counted but left out: the search of its
    keywords (its exclusions kept), or /latest for all news (a /search of nothing, or of exclusions alone,
    finds nothing)."""
    return "/search " + " ".join(keywords) if parse_keywords(keywords).any_of else "/latest"


def compose_digest(
    articles: Sequence[Article],
    *,
    lang: str,
    local_date: date,
    open_callback: Callable[[int], str],
    keywords: Sequence[str] = (),
    counted_ids: Sequence[int] = (),
    cap: int = DEFAULT_CAP,
    send_empty: bool = False,
    note: str | None = None,
    markup: Markup = HTML,
    fresh: bool = True,
    also: Mapping[int, Sequence[str]] | None = None,
    preview: bool = False,
    more_command: str | None = None,
) -> Digest | None:
    """The digest for ``articles`` (newest first, the new ones for a subscription; ``fresh=False`` for
    the latest stored ones, which may be old, as the /digest preview without subscriptions shows;
    ``preview=True``: what the next digest would carry, which /digest shows without calling it new).

    At most ``cap`` are listed; the rest, and ``counted_ids`` (matching articles the caller did not load),
    are counted with a pointer to /search. No articles → None, or a short "nothing new" message when
    ``send_empty`` ("nothing new today"; for a preview, "nothing new for the next digest so far").
    ``open_callback(article_id)`` gives the callback data of the button opening an article.
    ``also`` names, per article, the other sources that carried the same story. ``more_command``: the
    command that lists the counted ones next (else they are found with /search).
    """
    m = markup
    title = text(lang, "digest_title", date=local_date.isoformat())
    head = [m.bold(m.esc(title))]
    if note:
        head.append(m.italic(m.esc(note)))
    if keywords:
        head.append(m.esc(text(lang, "digest_keywords", keywords=join_keywords(lang, keywords))))
    if not articles:
        if not send_empty:
            return None
        nothing = text(lang, "digest_nothing_next" if preview else "digest_nothing")
        return Digest(text="\n".join([*head, "", m.esc(nothing)]))
    listed = list(articles[:cap])
    extra = [a.id for a in articles[cap:]] + list(counted_ids)
    while True:
        digest = _render(
            head,
            listed,
            extra,
            lang,
            keywords,
            open_callback,
            m,
            fresh=fresh,
            preview=preview,
            also=also or {},
            more_command=more_command,
        )
        if utf16_len(m.visible(digest.text)) <= MAX_MESSAGE:
            return digest
        if len(listed) == 1:
            return digest
        extra.insert(0, listed.pop().id)  # too long: move the oldest listed article to the counted ones


@functools.lru_cache(maxsize=4096)
def _item_lines(title: str, day: str | None, summary: str, lang: str, m: Markup) -> tuple[str, str, str]:
    """An article's lines in a digest, the same in every digest that lists it: its title (bold), its
    date and summary, and the title on its button. Cached: a digest run lists the same new articles in
    many subscriptions' digests."""
    clipped = clip(summary, SUMMARY_CHARS)
    dated = (day or text(lang, "digest_undated")) + (f" · {clipped}" if clipped else "")
    return m.bold(m.esc(clip(title, TITLE_CHARS))), m.esc(dated), clip(title, BUTTON_TITLE_CHARS)


def _render(
    head: list[str],
    listed: list[Article],
    extra: list[int],
    lang: str,
    keywords: Sequence[str],
    open_callback: Callable[[int], str],
    m: Markup,
    *,
    fresh: bool = True,
    also: Mapping[int, Sequence[str]] | None = None,
    preview: bool = False,
    more_command: str | None = None,
) -> Digest:
    rest = len(extra)
    prefix = "digest_count_next" if preview else "digest_count"
    one = "_one" if len(listed) == 1 else ""  # "1 new article", not "1 new articles"
    if not fresh:
        count = text(lang, f"digest_count_latest{one}", total=len(listed))
    elif rest:
        count = text(lang, f"{prefix}_capped", total=len(listed) + rest, shown=len(listed))
    else:
        count = text(lang, f"{prefix}{one}", total=len(listed))
    lines = [*head, m.esc(count), ""]
    buttons: list[tuple[Button, ...]] = []
    for n, article in enumerate(listed, 1):
        title, dated, button_title = _item_lines(
            article.title or "",
            article.date,
            article.summary or (article.paragraphs[0] if article.paragraphs else ""),
            lang,
            m,
        )
        if n > 1:
            lines.append("")
        lines.append(f"{n}. {title}")
        lines.append(dated)
        if also and also.get(article.id):
            others = text(lang, "keyword_sep").join(clip(name, 20) for name in list(also[article.id])[:5])
            lines.append(m.italic(m.esc(text(lang, "digest_also", sources=others))))
        label = text(lang, "digest_open", n=n, title=button_title)
        buttons.append((Button(label, data=open_callback(article.id)),))
    rest_with = (more_command or rest_command(keywords)) if rest else ""
    if rest:
        key = "digest_more_next" if more_command else "digest_more"
        lines += ["", m.esc(text(lang, key, rest=rest, command=rest_with))]
    return Digest(
        text="\n".join(lines).strip(),
        buttons=tuple(buttons),
        rest_command=rest_with,
        shown_ids=tuple(a.id for a in listed),
        counted_ids=tuple(extra),
    )


# ---- replies of the subscription commands ------------------------------------------------------------


def describe_subscription(lang: str, sub: Subscription) -> str:
    """What a subscription carries: 与「二七区（不含：人才）」相关的新闻, 全部新闻, or for exclusions
    alone 全部新闻（不含：体育）."""
    if parse_keywords(sub.keywords).any_of:
        return text(lang, "sub_what_keywords", keywords=join_keywords(lang, sub.keywords))
    return join_keywords(lang, sub.keywords)


def _reply(lines: Sequence[str], markup: Markup, buttons: Keyboard = ()) -> Reply:
    return Reply(text="\n".join(markup.esc(line) for line in lines), buttons=buttons)


def format_subscribed(
    lang: str,
    sub: Subscription,
    timezone: str,
    next_at: datetime,
    markup: Markup,
    *,
    old_time: str | None = None,
) -> Reply:
    """Confirmation of /subscribe; ``next_at`` is the next digest, in the chat's timezone. With
    ``old_time``, the subscription was moved from that time."""
    line = text(
        lang,
        "sub_created" if old_time is None else "sub_moved",
        time=sub.local_time,
        old=old_time,
        timezone=zone_label(timezone),
        what=describe_subscription(lang, sub),
        id=sub.number,
        next=next_at.strftime("%Y-%m-%d %H:%M"),
    )
    return _reply([line], markup)


def format_subscription_list(
    lang: str,
    subs: Sequence[Subscription],
    timezone: str,
    markup: Markup,
    *,
    paused_reason: str | None = None,
    times: bool = True,
) -> Reply:
    """/subscriptions: ids, times and keywords; without `times` (a chat that reads its subscriptions:
    nothing comes at a time), ids and keywords."""
    if not subs:
        return _reply([text(lang, "sub_list_empty" if times else "read_sub_list_empty")], markup)
    title = (
        text(lang, "sub_list_title", timezone=zone_label(timezone))
        if times
        else text(lang, "read_sub_list_title")
    )
    lines = [title]
    # Each line gets its share of one message, so the most subscriptions of the longest keywords are
    # listed in full as far as they fit, then cut with an ellipsis (ids and times always shown).
    share = LIST_UNITS // len(subs)
    lines += [
        clip_units(
            text(
                lang,
                "sub_list_item" if times else "read_sub_list_item",
                id=s.number,
                time=s.local_time,
                what=describe_subscription(lang, s),
            ),
            share,
        )
        for s in subs
    ]
    if paused_reason:
        lines.append(text(lang, "sub_paused", reason=paused_reason))
    lines += ["", text(lang, "sub_list_footer")]
    return _reply(lines, markup)


# UTF-16 units (as Telegram counts) the lines of /subscriptions may take together, leaving room within
# one message (4096) for its title, a paused note and the footer.
LIST_UNITS = 3600


def clip_units(s: str, cap: int) -> str:
    """`s` shortened to at most `cap` UTF-16 units (an emoji is two), with an ellipsis when cut."""
    if utf16_len(s) <= cap:
        return s
    kept: list[str] = []
    used = 1  # the ellipsis
    for ch in s:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > cap:
            break
        kept.append(ch)
    return "".join(kept).rstrip() + "…"


def format_unsubscribe_choice(
    lang: str,
    subs: Sequence[Subscription],
    unsubscribe_callback: Callable[[str], str],
    markup: Markup,
    *,
    times: bool = True,
) -> Reply:
    """A bare /unsubscribe with several subscriptions: one button each (named without its time where
    nothing comes at a time), and one for all."""
    rows: list[tuple[Button, ...]] = []
    key = "unsub_button" if times else "read_unsub_button"
    for s in subs[:20]:
        label = clip(text(lang, key, id=s.number, time=s.local_time, what=describe_subscription(lang, s)), 40)
        rows.append((Button(label, data=unsubscribe_callback(str(s.id))),))
    rows.append((Button(text(lang, "unsub_all_button"), data=unsubscribe_callback("all")),))
    return _reply([text(lang, "unsub_choose")], markup, tuple(rows))


# The most renumbered subscriptions a cancel's reply names one by one.
RENUMBERED_SHOWN = 5


def renumbered_line(lang: str, before: Sequence[Subscription], after: Sequence[Subscription]) -> str | None:
    """After a cancel, the subscriptions left whose number moved down (a chat's numbers count its own
    subscriptions, so cancelling #1 makes #2 the new #1): each by its keywords with its new and old
    number (in the order of their new numbers, whatever order `after` lists them in), so that a reader
    does not cancel the wrong one by a number read before. None if none moved."""
    was = {s.id: s.number for s in before}
    moved = sorted((s for s in after if s.id in was and was[s.id] != s.number), key=lambda s: s.number)
    if not moved:
        return None
    items = [
        text(
            lang,
            "unsub_renumbered_item",
            what=clip(join_keywords(lang, s.keywords), 24),
            id=s.number,
            was=was[s.id],
        )
        for s in moved[:RENUMBERED_SHOWN]
    ]
    if len(moved) > RENUMBERED_SHOWN:
        items.append("…")
    return text(lang, "unsub_renumbered", moves=text(lang, "unsub_renumbered_sep").join(items))


def format_text(lang: str, key: str, markup: Markup, **values: object) -> Reply:
    """Any one-line reply of the subscription commands (errors, confirmations)."""
    return _reply([text(lang, key, **values)], markup)


def format_lines(lines: Sequence[str], markup: Markup) -> Reply:
    """A reply of the subscription commands made of several plain lines (escaped for `markup`)."""
    return _reply(lines, markup)
