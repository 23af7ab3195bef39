"""Replies as WeChat shows them: plain text, short, with links to the web page (pure).

A WeChat text reply holds at most 2048 bytes of UTF-8 (about 680 Chinese characters), so a page of
results is the top results' titles with links to ``/article/N`` and the 💡 line (`format_results_wechat`,
which the WeChat conversation uses instead of `bot.chat.replies.format_results`); `to_wechat` turns every
``/article N`` into the article's web address and cuts what is still too long at a block or line end.
What the reply quotes (titles, text, the reader's query) never reaches WeChat as markup (`as_text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.chat import replies
from bot.chat.replies import Markup, PlainMarkup, clip, clip_to, page_count
from bot.chat.texts import text
from storage.models import SearchResponse

LIMIT = 2048
MARGIN = 48  # room kept under the platform's limit
TITLE_CAP = 40
ANSWER_CAP = 120
_ARTICLE_REF = re.compile(r"/article (\d{1,18})\b")


class WeChatMarkup(PlainMarkup):
    """Plain text; matches unmarked (WeChat shows text as it is), links as "label url"."""

    name = "wechat"

    def highlight(self, inner: str) -> str:
        return inner


WECHAT = WeChatMarkup()


def format_results_wechat(
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
    """A page of results for WeChat: header, the 💡 answer, then each result's title, date and link (`note`
    under the header, `lead` above it, as `replies.format_results` puts them)."""
    if not response.hits:
        return replies.format_results(response, lang, markup, page=page, page_size=page_size, note=note)
    pages = page_count(response.total, page_size)
    query = clip(response.query, replies.QUERY_CAP)
    lines = [lead] if lead else []
    lines.append(
        "🔎 " + text(lang, "results_header", query=query, total=response.total, page=page + 1, pages=pages)
    )
    if note:
        lines.append(note)
    if response.answer is not None and page == 0:
        colon = "：" if lang == "zh" else ": "
        sentence = clip_to(response.answer.sentence, ANSWER_CAP, response.answer.focus)
        lines += [
            "",
            f"💡 {text(lang, 'answer_label')}{colon}{sentence}",
            f"/article {response.answer.article_id}",
        ]
    lines.append("")
    for i, hit in enumerate(response.hits, page * page_size + 1):
        when = f"（{hit.date}）" if hit.date and lang == "zh" else (f" ({hit.date})" if hit.date else "")
        lines += [f"{i}. {clip(hit.title, TITLE_CAP)}{when}", f"/article {hit.id}"]
    return "\n".join(lines)


def link_articles(body: str, base_url: str) -> str:
    """Every ``/article N`` as the article's web address."""
    base = base_url.rstrip("/")
    return _ARTICLE_REF.sub(lambda m: f"{base}/article/{m.group(1)}", body)


def utf8_len(s: str) -> int:
    return len(s.encode("utf-8"))


def fit(body: str, limit: int = LIMIT - MARGIN, *, tail: str = "") -> str:
    """`body` within `limit` bytes of UTF-8 (with `tail` after it): whole blocks, then whole lines, then
    characters, with "…" where something was cut. A tail too long for the limit by itself is cut too."""
    if utf8_len(tail) + utf8_len("\n…\n") > limit:
        return fit(f"{body}\n{tail}", limit)
    room = limit - utf8_len(tail) - (1 if tail else 0)
    if utf8_len(body) <= room:
        return f"{body}\n{tail}" if tail else body
    kept: list[str] = []
    size = 0
    for line in body.split("\n"):
        cost = utf8_len(line) + 1
        if size + cost > room - utf8_len("…"):
            if not kept:  # one long line: cut it
                piece = line.encode("utf-8")[: max(room - utf8_len("…") - 1, 0)].decode("utf-8", "ignore")
                kept.append(piece)
            break
        kept.append(line)
        size += cost
    while kept and not kept[-1].strip():
        kept.pop()
    out = "\n".join(kept) + "\n…"
    return f"{out}\n{tail}" if tail else out


_AS_TEXT = str.maketrans({"<": "＜", ">": "＞"})


def as_text(body: str) -> str:
    """`body` with every "<" and ">" as the full-width "＜" and "＞": WeChat shows ``<a href="…">…</a>`` in a
    text reply as a link, so markup in a title, an article or a query must not reach it as markup (newsbot's
    own replies have no tags: links are plain addresses); both brackets alike, so what was typed reads as
    one kind of text (a ＜b＞ c, not a ＜b> c)."""
    return body.translate(_AS_TEXT)


def to_wechat(body: str, base_url: str, *, tail: str = "") -> str:
    """A reply ready for WeChat: markup as text, article references as links, within the size limit."""
    return fit(link_articles(as_text(body), base_url).strip(), tail=as_text(tail))


LISTED_ARTICLE = re.compile(r"^\d+\. ")  # "3. " opens a listed article (results, digests, /latest)


def _blocks(parts: Sequence[str]) -> str:
    """The non-empty `parts`, a blank line between them."""
    return "\n\n".join(p for p in parts if p)


def previews_fit_whole(previews: Sequence[str], closing: str, limit: int = LIMIT - MARGIN) -> bool:
    """Whether every preview and the closing line fit whole in one reply (as `fit_previews` joins them)."""
    return utf8_len(_blocks([*previews, closing])) <= limit


def fit_previews(
    previews: Sequence[str],
    closing: Callable[[int], str],
    cut: Callable[[int], str],
    limit: int = LIMIT - MARGIN,
    *,
    counted: Callable[[int], str] = lambda shown: "",
) -> str:
    """Digest previews (ready for WeChat) within `limit` bytes, never cut inside an article: the previews
    that fit whole beside their closing line `closing(k)` (k previews left out; "" for no line); when not
    even the first fits, its articles that fit, then `cut(n)` naming the n left out, in place of the
    line `cut(0)` if the first has one (what it left out already, which `cut(n)` counts too), and its
    count line for all its articles `counted(all)` as `counted(k)` for the k kept. Pure."""
    for keep in range(len(previews), 0, -1):
        whole = _blocks([*previews[:keep], closing(len(previews) - keep)])
        if utf8_len(whole) <= limit:
            return whole
    if not previews:
        return fit(closing(0), limit)
    blocks = previews[0].split("\n\n")
    items = [n for n, block in enumerate(blocks) if LISTED_ARTICLE.match(block)]
    last = closing(len(previews) - 1)
    head = _blocks(blocks[: items[0]])
    after = [block for block in blocks[items[-1] + 1 :] if block != cut(0)]  # cut(n) says it instead
    for keep in range(len(items) - 1, 0, -1):
        # the head counting what is kept, whole articles, what is left out, the lines after
        recounted = head.replace(counted(len(items)), counted(keep)) if counted(len(items)) else head
        whole = _blocks([recounted, *blocks[items[0] : items[keep]], cut(len(items) - keep), *after, last])
        if utf8_len(whole) <= limit:
            return whole
    return fit(previews[0], limit, tail=last)


def fit_items(
    body: str,
    is_item: Callable[[str], bool],
    more: Callable[[int], str],
    *,
    tail: str = "",
    limit: int = LIMIT - MARGIN,
) -> str:
    """`body` with `tail` after it within `limit` bytes, never cut inside a line: whole when it fits, else
    the lines before its first item, the items that fit, `more(n)` naming the n left out, and the lines
    after its last item (`fit` when not even one item fits). Pure."""
    whole = f"{body}\n{tail}" if tail else body
    if utf8_len(whole) <= limit:
        return whole
    lines = body.split("\n")
    items = [n for n, line in enumerate(lines) if is_item(line)]
    for keep in range(len(items) - 1, 0, -1):
        kept = [*lines[: items[keep]], more(len(items) - keep), *lines[items[-1] + 1 :]]
        if tail:
            kept.append(tail)
        out = "\n".join(kept)
        if utf8_len(out) <= limit:
            return out
    return fit(body, limit, tail=tail)


def fit_listed(body: str, more: Callable[[int], str], *, tail: str = "", limit: int = LIMIT - MARGIN) -> str:
    """`body` with `tail` after a blank line within `limit` bytes, never cut inside a listed article (a
    block between blank lines opening with its number): whole when it fits, else the blocks before the
    first article, the articles that fit, `more(n)` naming the n left out, the blocks after the last
    article and `tail` (`fit` when not even one article fits). Pure."""

    def joined(blocks: Sequence[str]) -> str:
        return "\n\n".join(b for b in [*blocks, tail] if b)

    whole = joined([body])
    if utf8_len(whole) <= limit:
        return whole
    blocks = body.split("\n\n")
    items = [n for n, block in enumerate(blocks) if LISTED_ARTICLE.match(block)]
    for keep in range(len(items) - 1, 0, -1):
        out = joined([*blocks[: items[keep]], more(len(items) - keep), *blocks[items[-1] + 1 :]])
        if utf8_len(out) <= limit:
            return out
    return fit(body, limit, tail=tail)
