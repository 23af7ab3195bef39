"""The chat page, the article page, their style and script: templates and pure render functions.

No CDN, no outside font (they are blocked where many readers live): the style uses the system's fonts,
and the script is served by newsbot itself (`/static/chat.js`; the Content-Security-Policy allows no
inline script). The page is phone first: one column, long words and addresses wrap, nothing scrolls
sideways at 390 px. Every text put into a page is escaped here.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from bot.chat.conversation import MAX_QUERY_CHARS
from bot.chat.texts import text
from bot.digests.feed import RenderedFeed
from bot.web.markup import Part, parts_html
from storage.models import Article

MAX_MESSAGE_CHARS = 500  # the most a message may have: the text box keeps no more, the server takes no more

STYLE = """
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei",
"Noto Sans CJK SC","Source Han Sans SC",sans-serif;background:#eef1f4;color:#1d2329;
display:flex;flex-direction:column;height:100vh;height:100dvh}
header{flex:none;background:#1f6feb;color:#fff;padding:.6rem 1rem;font-weight:600}
header a{color:#fff;text-decoration:none}
main{flex:1;width:100%;padding:.75rem;overflow-y:auto;overflow-x:hidden}
main>*{max-width:46rem;margin-left:auto;margin-right:auto}
#log{display:flex;flex-direction:column;gap:.6rem}
.bubble{max-width:92%;padding:.6rem .8rem;border-radius:.9rem;background:#fff;white-space:pre-wrap;
overflow-wrap:anywhere;word-break:break-word;box-shadow:0 1px 1px rgba(0,0,0,.06);scroll-margin:.75rem}
.bubble.me{align-self:flex-end;background:#d7f3c4}
.bubble.bot{align-self:flex-start}
.notice{align-self:center;font-size:.85rem;color:#57606a;text-align:center;overflow-wrap:anywhere}
.waiting{align-self:flex-start;font-size:.85rem;color:#57606a;padding:0 .8rem}
mark{background:#ffe27a;color:inherit;padding:0 .1em;border-radius:.2em}
a{color:#0b5cd5}
.keyboard{display:flex;flex-direction:column;gap:.35rem;margin-top:.5rem;white-space:normal}
.keyboard .row{display:flex;flex-wrap:wrap;gap:.35rem}
.keyboard button,.keyboard a,.keyboard .label{flex:1 1 auto;min-width:2.75rem;min-height:2.5rem;
padding:.35rem .6rem;font:inherit;border:1px solid #c9d1d9;border-radius:.6rem;background:#f6f8fa;color:#1d2329;
text-align:center;text-decoration:none;cursor:pointer}
.keyboard button:active{background:#dde3ea}
.keyboard .label{border-color:transparent;background:none;color:#57606a;cursor:default;
display:flex;align-items:center;justify-content:center}
form{flex:none;display:flex;gap:.5rem;padding:.6rem;background:#fff;border-top:1px solid #d0d7de}
form textarea{flex:1;min-width:0;resize:none;height:2.75rem;padding:.55rem .7rem;font:inherit;
border:1px solid #c9d1d9;border-radius:.7rem}
form button{flex:none;padding:0 1rem;font:inherit;border:0;border-radius:.7rem;background:#1f6feb;color:#fff}
article{background:#fff;border-radius:.9rem;padding:1rem 1.1rem;overflow-wrap:anywhere}
article h1{font-size:1.35rem;line-height:1.35;margin:.2rem 0 .5rem}
article .meta{color:#57606a;font-size:.9rem;margin-bottom:1rem}
article p{margin:0 0 .9rem;text-indent:2em}
ol.feed{margin:0;padding-left:1.4rem}
ol.feed li{margin-bottom:1rem}
ol.feed .meta,ol.feed p{margin:.2rem 0 0;text-indent:0}
ol.feed .new{font-weight:bold;border:1px solid currentColor;border-radius:3px;padding:0 .2rem;margin-right:.3rem}
""".strip()

SCRIPT = r"""
(function () {
  "use strict";
  var log = document.getElementById("log");
  var form = document.getElementById("form");
  var box = document.getElementById("box");
  // What to say when the server cannot be reached or answers no line of its own, in the page's language.
  var unreachable = form.getAttribute("data-unreachable");
  // The line shown while a reply is awaited (a slow network, a busy server), in the page's language.
  var waitingLine = form.getAttribute("data-waiting");
  // The most the box keeps (what the server takes), and the line saying what went past it.
  var limit = Number(box.getAttribute("data-limit"));
  var cutLine = box.getAttribute("data-cut");
  var cutTold = false;

  // What goes past the box's limit (a long paste) is left out of what was just put in (the text before
  // the caret), never half an emoji; the reader is told once for the message being written.
  function keepWithinLimit() {
    var value = box.value;
    var over = value.length - limit;
    if (over <= 0) { return; }
    var end = box.selectionEnd;
    var from = end >= over ? end - over : limit;
    if (from > 0 && /[\uD800-\uDBFF]/.test(value.charAt(from - 1))) { from -= 1; over += 1; }
    box.value = value.slice(0, from) + value.slice(from + over);
    box.setSelectionRange(from, from);
    if (!cutTold) { cutTold = true; notice(cutLine); }
  }

  function addParts(el, parts) {
    parts.forEach(function (p) {
      var node = document.createTextNode(p.text);
      if (p.mark) { var m = document.createElement("mark"); m.appendChild(node); node = m; }
      if (p.italic) { var i = document.createElement("i"); i.appendChild(node); node = i; }
      if (p.bold) { var b = document.createElement("b"); b.appendChild(node); node = b; }
      if (p.href) {
        var a = document.createElement("a");
        a.href = p.href;
        if (p.href.charAt(0) !== "/") { a.rel = "noopener noreferrer"; a.target = "_blank"; }
        a.appendChild(node); node = a;
      }
      el.appendChild(node);
    });
  }

  function fill(div, reply) {
    div.textContent = "";
    var body = document.createElement("div");
    body.className = "text";
    addParts(body, reply.parts);
    div.appendChild(body);
    if (!reply.buttons || !reply.buttons.length) { return; }
    var keyboard = document.createElement("div");
    keyboard.className = "keyboard";
    reply.buttons.forEach(function (row) {
      var line = document.createElement("div");
      line.className = "row";
      row.forEach(function (b) {
        var el;
        if (b.url) {
          el = document.createElement("a");
          el.href = b.url;
          el.rel = "noopener noreferrer";
        } else if (b.data === undefined) {
          // A button that only shows something (the page counter 2/14) is a label: pressed, it did nothing.
          el = document.createElement("span");
          el.className = "label";
        } else {
          el = document.createElement("button");
          el.type = "button";
          el.addEventListener("click", function () { press(div, b.data); });
        }
        el.textContent = b.label;
        if (b.name) { el.setAttribute("aria-label", b.name); el.title = b.name; }
        line.appendChild(el);
      });
      keyboard.appendChild(line);
    });
    div.appendChild(keyboard);
  }

  // The conversation survives a reload or a visit to an article page: kept in this tab's sessionStorage
  // (this browser tab only, gone when it closes, cleared by /forget).
  var KEY = "newsbot.log";
  function saved() {
    try { return JSON.parse(window.sessionStorage.getItem(KEY) || "[]"); } catch (e) { return []; }
  }
  function store(entries) {
    try {
      while (entries.length > 1 && JSON.stringify(entries).length > 500000) { entries.shift(); }
      window.sessionStorage.setItem(KEY, JSON.stringify(entries));
    } catch (e) { /* storage full or off: the page works without it */ }
  }
  function forgetSaved() {
    try { window.sessionStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
  }

  // A reply is shown from its start: a page of results or an article taller than the screen would
  // otherwise open at its end, its heading and first results scrolled away above. What the reader
  // sends, and a short reply, end at the bottom (a scroll to the start stops there).
  function reveal(div) {
    div.scrollIntoView({block: div.classList.contains("me") ? "end" : "start"});
  }

  function bubble(kind, reply, keep) {
    var div = document.createElement("div");
    div.className = "bubble " + kind;
    fill(div, reply);
    log.appendChild(div);
    if (keep !== false) {
      var entries = saved();
      entries.push({kind: kind, reply: reply});
      div.dataset.entry = String(entries.length - 1);
      store(entries);
    }
    return div;
  }

  function edited(div, reply) {
    fill(div, reply);
    reveal(div);  // a turned page from its first result, wherever its button was pressed
    var entries = saved();
    var index = Number(div.dataset.entry);
    if (div.dataset.entry !== undefined && entries[index]) {
      entries[index].reply = reply;
      store(entries);
    }
  }

  function notice(message) {
    var div = document.createElement("div");
    div.className = "notice";
    div.textContent = message;
    log.appendChild(div);
    div.scrollIntoView({block: "end"});
  }

  // While the server has not answered, a line says newsbot is looking (gone when the answer or an error
  // comes): without it a slow reply looked like nothing sent, and readers sent the message again.
  function post(path, payload) {
    var waiting = document.createElement("div");
    waiting.className = "waiting";
    waiting.setAttribute("role", "status");
    waiting.textContent = waitingLine;
    log.appendChild(waiting);
    return request(path, payload).finally(function () { waiting.remove(); });
  }

  function request(path, payload) {
    return fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify(payload)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) { throw new Error(data.error || unreachable); }
        return data;
      });
    }, function () { throw new Error(unreachable); });
  }

  function show(data, div) {
    // A press's notice is the line Telegram shows for a moment. With an edit (a turned page: "第 2/5 页")
    // the edited message says it already, and kept in the conversation such lines piled up, one a press.
    if (data.notice && !(data.edit && div)) { notice(data.notice); }
    if (data.edit && div) { edited(div, data.edit); }
    var shown = (data.replies || []).map(function (reply) { return bubble("bot", reply); });
    if (shown.length) { reveal(shown[0]); }  // several messages (a long article): from the first
    return shown;
  }

  // `page`: the page a link names (WeChat's "more results"), as written: the server shows that page, or
  // says what is wrong with it above the first.
  function send(message, search, page) {
    reveal(bubble("me", {parts: [{text: message}], buttons: []}));
    var body = search ? {text: message, search: true} : {text: message};
    if (search && page !== null && page !== undefined) { body.page = page.slice(0, 100); }
    return post("/api/message", body).then(function (data) {
      show(data);
      if (data.forgotten) { forgetSaved(); }  // 确认 typed after /forget, as its button
    }, function (e) {
      notice(e.message);
      // What the reader typed is not lost: back in the empty box, to send again with Enter.
      if (!search && !box.value) { box.value = message; }
    });
  }

  function press(div, data) {
    return post("/api/press", {data: data}).then(function (d) {
      show(d, div);
      if (d.forgotten) { forgetSaved(); }
    }, function (e) { notice(e.message); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var message = box.value.trim();
    if (!message) { return; }
    box.value = "";
    cutTold = false;
    send(message);
  });
  // An input method's text is kept whole while it is being composed, and checked once it is put in.
  box.addEventListener("input", function (event) { if (!event.isComposing) { keepWithinLimit(); } });
  box.addEventListener("compositionend", keepWithinLimit);
  box.addEventListener("keydown", function (event) {
    // Enter that picks a Chinese input method's candidate is no send: Safari reports it with keyCode 229
    // (and isComposing false), other browsers with isComposing.
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });
  var restored = saved().map(function (entry, index) {
    var div = bubble(entry.kind === "me" ? "me" : "bot", entry.reply, false);
    div.dataset.entry = String(index);
    return div;
  });
  if (restored.length) { reveal(restored[restored.length - 1]); }
  var params = new URLSearchParams(window.location.search);
  var asked = params.get("q");
  // A link may carry a search (WeChat's "more results", with the page to show), never a command.
  // The server is told so too: a character trim() keeps (U+0085) must not hide a command from this check.
  if (asked && asked.trim().charAt(0) !== "/") {
    send(asked.trim().slice(0, limit), true, params.get("page"));
  }
  // The search is in the saved conversation now: a reload must not send it again.
  if (asked !== null && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.pathname + window.location.hash);
  }
  box.focus();
})();
""".strip()


# The tab's icon, a newspaper, inline (the Content-Security-Policy allows data: images): without one every
# browser asks for /favicon.ico, which is no page here (a 404 in its console on every visit).
ICON = "data:image/svg+xml," + quote(
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'><text y='.9em' font-size='90'>📰</text></svg>"
)


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def _head(lang: str, title: str, extra: str = "") -> str:
    return (
        "<!doctype html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_e(title)}</title>\n"
        '<link rel="stylesheet" href="/static/chat.css">\n'
        f'<link rel="icon" href="{ICON}">\n'
        f"{extra}</head>\n"
    )


def chat_page(lang: str, welcome: list[Part]) -> str:
    """The chat page: the welcome as the first bubble, the log, the text box."""
    title = text(lang, "web_title")
    return (
        _head(lang, title)
        + "<body>\n"
        + f'<header><a href="/">{_e(title)}</a></header>\n'
        + '<main>\n<div id="log" aria-live="polite">\n'
        + f'<div class="bubble bot"><div class="text">{parts_html(welcome)}</div></div>\n'
        + f'<noscript><div class="notice">{_e(text(lang, "web_noscript"))}</div></noscript>\n'
        + "</div>\n</main>\n"
        + f'<form id="form" autocomplete="off" data-unreachable="{_e(text(lang, "web_unreachable"))}" '
        + f'data-waiting="{_e(text(lang, "web_waiting"))}">\n'
        + f'<textarea id="box" name="text" rows="1" data-limit="{MAX_MESSAGE_CHARS}" enterkeyhint="send" '
        + f'data-cut="{_e(text(lang, "web_box_cut", limit=MAX_MESSAGE_CHARS, query_limit=MAX_QUERY_CHARS))}" '
        + f'placeholder="{_e(text(lang, "web_placeholder"))}" aria-label="{_e(text(lang, "web_placeholder"))}"></textarea>\n'
        + f'<button type="submit" id="send">{_e(text(lang, "web_send"))}</button>\n'
        + "</form>\n"
        + '<script src="/static/chat.js" defer></script>\n'
        + "</body>\n</html>\n"
    )


def article_page(article: Article, lang: str, url: str) -> str:
    """A story as its own page, with Open Graph tags so that a shared link previews well."""
    description = " ".join(
        (article.summary or (article.paragraphs[0] if article.paragraphs else "")).split()
    )[:200]
    og = [
        ("og:type", "article"),
        ("og:title", article.title),
        ("og:description", description),
        ("og:url", url),
        ("og:site_name", "newsbot"),
        ("og:locale", "zh_CN"),
    ]
    if article.date:
        og.append(("article:published_time", article.published_at or article.date))
    tags = "".join(f'<meta property="{_e(k)}" content="{_e(v)}">\n' for k, v in og)
    tags += f'<meta name="description" content="{_e(description)}">\n'
    tags += f'<link rel="canonical" href="{_e(url)}">\n'
    meta = [article.date or text(lang, "date_unknown")]
    if article.byline:
        meta.append(" ".join(article.byline.split()))
    if article.source:
        meta.append(article.source)
    source = ""
    if article.url and article.url.lower().startswith(("https://", "http://")):
        source = (
            f'<p class="source"><a href="{_e(article.url)}" rel="noopener noreferrer">'
            f"{_e(text(lang, 'web_source'))}</a></p>\n"
        )
    paragraphs = "".join(f"<p>{_e(p.strip())}</p>\n" for p in article.paragraphs if p.strip())
    return (
        _head(lang, f"{article.title} · newsbot", tags)
        + "<body>\n"
        + f'<header><a href="/">{_e(text(lang, "web_back"))}</a></header>\n'
        + "<main>\n<article>\n"
        + f"<h1>{_e(article.title)}</h1>\n"
        + f'<div class="meta">{_e(" · ".join(meta))}</div>\n'
        + paragraphs
        + source
        + "</article>\n</main>\n</body>\n</html>\n"
    )


def feed_page(feed: RenderedFeed, url: str) -> str:
    """A private feed as a browser shows it (a reader tapping its address): what it is and how to use it,
    then its stories, each linking to its page, those new since the reader's last /digest labelled 新
    (a word, not a colour); feed readers get the Atom document at the same address."""
    lang = feed.lang
    label = f'<span class="new">{_e(text(lang, "web_feed_new"))}</span>'
    items = "".join(
        "<li>"
        + (label if e.new else "")
        + f'<a href="{_e(e.link)}">{_e(e.title)}</a>'
        + f'<div class="meta">{_e(e.date or text(lang, "date_unknown"))}</div>'
        + (f"<p>{_e(e.summary)}</p>" if e.summary else "")
        + "</li>\n"
        for e in feed.entries
    )
    fresh = sum(1 for e in feed.entries if e.new)
    note = f'<p class="meta">{_e(text(lang, "web_feed_new_note", count=fresh))}</p>\n' if fresh else ""
    listed = (
        f'{note}<ol class="feed">\n{items}</ol>\n'
        if items
        else f"<p>{_e(text(lang, 'web_feed_page_empty'))}</p>\n"
    )
    return (
        _head(lang, feed.title, '<meta name="robots" content="noindex">\n')
        + "<body>\n"
        + f'<header><a href="/">{_e(text(lang, "web_back"))}</a></header>\n'
        + "<main>\n<article>\n"
        + f"<h1>{_e(feed.title)}</h1>\n"
        + f'<div class="meta">{_e(text(lang, "web_feed_page_note"))}<br>{_e(url)}</div>\n'
        + listed
        + "</article>\n</main>\n</body>\n</html>\n"
    )


def not_found_page(lang: str, key: str = "web_not_found") -> str:
    """The 404 page: no such article (`key`: or no such page, no such feed), with the way back to the chat."""
    return (
        _head(lang, text(lang, key))
        + "<body>\n"
        + f'<header><a href="/">{_e(text(lang, "web_back"))}</a></header>\n'
        + f'<main><div class="notice">{_e(text(lang, key))}</div></main>\n'
        + "</body>\n</html>\n"
    )
