"""Understanding a search query and turning it into safe FTS5 expressions. Pure functions.

`parse_query(text)` gives a `ParsedQuery`: required terms (several words mean all of them), quoted
phrases, excluded words (`-word`), date expressions (`4月6日`, `2023-04-06`, `4.6`), and whether it is
a question (question words and particles are dropped, content words kept).

`match_expression(...)`, `phrase(...)` and friends build FTS5 MATCH strings in which every token is
quoted, so no user input can produce an FTS5 syntax error. Tokens follow the index's layout
(`storage.segment`): a term is a phrase of the character bigrams that start at each of its Han
characters, so it matches only where it appears verbatim (after normalisation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storage.normalize import HAN_RANGES, fold, squeeze
from storage.segment import cut, pieces

MAX_QUERY_CHARS = 256
MAX_TERMS = 16

BIGRAM_COLUMNS = "{title byline body}"

# Multi-character question phrases, removed from the text before segmentation (longest first).
QUESTION_PHRASES = tuple(
    sorted(
        """什么时候 什么时间 什么日子 哪一天 哪几天 几月几日 几月几号 几号 是哪天 哪天 是谁 有谁 哪些人 哪位 哪个人
        是什么 为什么 做什么 干什么 干啥 什么样 怎么样 怎么 怎样 如何 在哪里 在哪儿 在哪 哪里 哪儿 哪个 哪些 多少 几个
        是不是 是否 有没有 有哪些 请问 告诉我 我想知道 想知道 查一下 搜一下 一下""".split(),
        key=len,
        reverse=True,
    )
)
QUESTION_WORDS = frozenset("谁 什么 哪 哪些 哪天 哪里 啥 几 多少 何时 吗 呢 么 嘛 吧 ? ？".split())
# Words dropped from queries: particles, pronouns, auxiliaries, and words about the search itself.
STOP_WORDS = frozenset(
    """的 了 是 在 和 与 及 或 吗 呢 吧 啊 呀 么 哦 嘛 着 过 地 得 之 也 都 就 还 又 很 去 到 做 有 把 被 给 对 从
    向 为 让 将 这 那 其 我 你 他 她 它 们 我们 你们 他们 请 问 要 会 能 该 一 个 关于 有关 相关 新闻 报道 消息 文章
    内容 情况 哪 谁 什么 哪些 哪天 哪里 啥 几 多少 何时 查 找 搜 搜索 查找 查询""".split()
)
# Nouns naming what a question asks for (李卓瑜是什么职务, 王伟是哪个单位的): dropped from questions only.
QUESTION_TARGETS = frozenset("职务 职位 身份 单位 名字 姓名 时间 日期 地点 地方 原因 内容 结果 情况 人".split())
_QUESTION_MARKS = re.compile(r"[?？]|谁|什么|哪|几[月号日天个]|多少|何时|怎么|怎样|如何|为什么|是否|有没有|[吗呢]\s*$")

_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "„": '"', "‟": '"'})
_DASHES = str.maketrans({"－": "-", "‐": "-", "‑": "-", "—": "-", "–": "-", "−": "-"})
_HAN = re.compile(rf"[{HAN_RANGES}]")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class DateSpec:
    """A date expression: year may be unknown (any year); day may be unknown (whole month)."""

    text: str  # as typed (folded)
    month: int
    year: int | None = None
    day: int | None = None

    def label(self) -> str:
        out = f"{self.month}月"
        if self.year is not None:
            out = f"{self.year}年" + out
        if self.day is not None:
            out += f"{self.day}日"
        return out


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    terms: tuple[str, ...] = ()  # required, normalised; each must appear verbatim
    excluded: tuple[str, ...] = ()
    dates: tuple[DateSpec, ...] = ()
    question: bool = False
    exact: str | None = None  # the whole query as one contiguous string, when it has several terms
    phrases: tuple[str, ...] = field(default=())  # the terms that came from quotes

    @property
    def empty(self) -> bool:
        return not self.terms and not self.dates


# ---------------------------------------------------------------- dates

_FULL_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?|([-/.])\s*(\d{1,2})\s*\4\s*(\d{1,2}))(?!\d)"
)
_YEAR_MONTH = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月份?(?!\s*\d)")
_MONTH_DAY = re.compile(r"(?<![\d.])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_DOTTED = re.compile(r"^(\d{1,2})[./](\d{1,2})$")
_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\s*月份?(?!\s*\d)")


def _valid(month: int, day: int | None = None, year: int | None = None) -> bool:
    if not 1 <= month <= 12:
        return False
    if year is not None and not 1900 <= year <= 2100:
        return False
    if day is None:
        return True
    days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return 1 <= day <= days


def extract_dates(text: str) -> tuple[list[DateSpec], str]:
    """Date expressions found in folded query text, and the text with them replaced by spaces."""
    found: list[DateSpec] = []

    def full(m: re.Match[str]) -> str:
        year = int(m.group(1))
        month = int(m.group(2) or m.group(5))
        day = int(m.group(3) or m.group(6))
        if not _valid(month, day, year):
            return m.group(0)
        found.append(DateSpec(m.group(0), month, year, day))
        return " "

    def year_month(m: re.Match[str]) -> str:
        year, month = int(m.group(1)), int(m.group(2))
        if not _valid(month, None, year):
            return m.group(0)
        found.append(DateSpec(m.group(0), month, year))
        return " "

    def month_day(m: re.Match[str]) -> str:
        month, day = int(m.group(1)), int(m.group(2))
        if not _valid(month, day):
            return m.group(0)
        found.append(DateSpec(m.group(0), month, None, day))
        return " "

    def month_only(m: re.Match[str]) -> str:
        month = int(m.group(1))
        if not _valid(month):
            return m.group(0)
        found.append(DateSpec(m.group(0), month))
        return " "

    text = _FULL_DATE.sub(full, text)
    text = _YEAR_MONTH.sub(year_month, text)
    text = _MONTH_DAY.sub(month_day, text)
    words = text.split(" ")
    for i, w in enumerate(words):  # "4.6" only as a word of its own, so "3.5亿" stays a number
        m = _DOTTED.match(w)
        if m and _valid(int(m.group(1)), int(m.group(2))):
            found.append(DateSpec(w, int(m.group(1)), None, int(m.group(2))))
            words[i] = ""
    text = " ".join(words)
    text = _MONTH.sub(month_only, text)
    return found, text


def date_sql(spec: DateSpec) -> tuple[str, list[str]]:
    """A condition on `articles.date` (ISO text) for one date expression, with its parameters."""
    if spec.year is not None and spec.day is not None:
        return "a.date = ?", [f"{spec.year:04d}-{spec.month:02d}-{spec.day:02d}"]
    if spec.year is not None:
        return "substr(a.date, 1, 7) = ?", [f"{spec.year:04d}-{spec.month:02d}"]
    if spec.day is not None:
        return "substr(a.date, 6, 5) = ?", [f"{spec.month:02d}-{spec.day:02d}"]
    return "substr(a.date, 6, 2) = ?", [f"{spec.month:02d}"]


def date_mentions(spec: DateSpec) -> list[str]:
    """How an article's text would write the date (normalised): 2023年4月6日 and 4月6日, 4月6日, 4月."""
    out = [spec.label()]
    if spec.year is not None:
        out.append(f"{spec.month}月{spec.day}日" if spec.day is not None else f"{spec.month}月")
    return out


# ---------------------------------------------------------------- parsing


def _strip_question_phrases(text: str) -> tuple[str, bool]:
    hit = False
    for p in QUESTION_PHRASES:
        if p in text:
            text = text.replace(p, " ")
            hit = True
    return text, hit


def _content_terms(chunk: str, question: bool = False) -> list[tuple[str, bool]]:
    """Content terms of one whitespace-free chunk: jieba words minus stop words, short pieces glued.

    Each term comes with whether it is a lone character (dropped by the caller if others remain).
    """
    words = [w for w in cut(chunk) if pieces(w)]
    kept: list[tuple[str, int]] = []  # (word, index in words)
    for i, w in enumerate(words):
        if w in STOP_WORDS or w in QUESTION_WORDS or (question and w in QUESTION_TARGETS):
            continue
        kept.append((w, i))
    # Glue a single Han character or a number to its neighbour when they were adjacent in the query:
    # jieba splits unknown names (吕 / 安民, 侯寨 / 乡) and 1 / 号院.
    # A weak character becomes the suffix of the word before it (侯寨 + 乡) unless that one already has
    # a suffix; otherwise (and a number always) it becomes the prefix of the word after it (吕 + 安民,
    # 1 + 号院). One left alone is dropped by the caller when other terms remain.
    groups: list[_Group] = []
    pending: list[str] = []  # weak words waiting to be a prefix
    last_index = -2
    for w, i in kept:
        adjacent = i == last_index + 1
        if not adjacent and pending:
            groups.append(_Group("".join(pending), alone=True))
            pending = []
        prev = groups[-1] if groups else None
        if not _weak(w):
            groups.append(_Group("".join(pending) + w))
            pending = []
        elif adjacent and not pending and prev and not prev.alone and not prev.suffixed and not w.isdigit():
            prev.text += w
            prev.suffixed = True
        else:
            pending.append(w)
        last_index = i
    if pending:
        groups.append(_Group("".join(pending), alone=True))
    return [(g.text, g.alone and len(g.text) == 1) for g in groups]


@dataclass
class _Group:
    text: str
    alone: bool = False  # made of weak words only
    suffixed: bool = False


def _weak(word: str) -> bool:
    """A word too short to stand alone as a term: one Han character, or a bare number."""
    return (len(word) == 1 and bool(_HAN.match(word))) or bool(_DIGITS.fullmatch(word))


def _tokens_of(text: str) -> str:
    """The searchable part of a normalised string (its pieces, single spaced)."""
    return " ".join(p.text for p in pieces(text))


def parse_query(text: str) -> ParsedQuery:
    """Understand a raw query. Never raises."""
    raw = text if isinstance(text, str) else str(text)
    s = fold(raw[:MAX_QUERY_CHARS]).translate(_QUOTES).translate(_DASHES)
    s = "".join(ch if ch.isprintable() else " " for ch in s)
    question = bool(_QUESTION_MARKS.search(s))

    phrases: list[str] = []
    excluded: list[str] = []

    # Quoted phrases ("..." or -"..."); an unbalanced quote is ignored.
    def quoted(m: re.Match[str]) -> str:
        inner = squeeze(m.group(2))
        if pieces(inner):
            (excluded if m.group(1) else phrases).append(inner)
        return " "

    s = re.sub(r'(-?)"([^"]*)"', quoted, s)
    s = s.replace('"', " ")

    dates, s = extract_dates(s)

    chunks = s.split()
    positive: list[str] = []
    for chunk in chunks:
        if chunk.startswith("-") and len(chunk) > 1:
            word = squeeze(chunk.lstrip("-"))
            if pieces(word):
                excluded.append(word)
            continue
        positive.append(chunk)

    content_chunks: list[str] = []
    found: list[tuple[str, bool]] = []
    for chunk in positive:
        stripped, hit = _strip_question_phrases(chunk)
        question = question or hit
        for sub in stripped.split():
            if pieces(sub):
                content_chunks.append(sub)
                found.extend(_content_terms(sub, question))
    strong = [t for t, lone in found if not lone]
    terms = strong if (strong or phrases) else [t for t, _ in found]

    if not terms and not phrases and not dates:
        # Everything was a stop word ("的是", "什么"): search for what was typed after all.
        terms = [c for c in (squeeze(x) for x in positive) if pieces(c)]

    exact = None
    if len(positive) == 1 and len(content_chunks) == 1 and len(terms) > 1 and not phrases:
        exact = content_chunks[0]

    all_terms = _dedupe(phrases + terms)[:MAX_TERMS]
    return ParsedQuery(
        raw=raw,
        terms=tuple(all_terms),
        excluded=tuple(_dedupe(excluded)[:MAX_TERMS]),
        dates=tuple(dates[:4]),
        question=question,
        exact=exact,
        phrases=tuple(phrases),
    )


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for it in items:
        key = _tokens_of(it)
        if key and key not in seen:
            seen.add(key)
            out.append(it)
    return out


# ---------------------------------------------------------------- FTS5 expressions


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def term_tokens(term: str) -> tuple[list[str], bool]:
    """Index tokens a verbatim occurrence of `term` must have, in order, and whether the last is a prefix.

    Each Han character contributes the token that starts at it in the index: the bigram with the
    next character, or (when a non-Han piece follows within the term) the character alone. The last
    character of a term that ends in Han gives no token of its own (the bigram before covers it),
    unless it is the only Han character of its run, which becomes a prefix token.
    """
    ps = pieces(term)
    toks: list[str] = []
    prefix = False
    for idx, p in enumerate(ps):
        last = idx == len(ps) - 1
        if not p.han:
            toks.append(p.text.lower())
            continue
        run = p.text
        toks.extend(run[i : i + 2] for i in range(len(run) - 1))
        if not last:
            toks.append(run[-1])
        elif len(run) == 1:
            toks.append(run)
            prefix = True
    return toks, prefix


def phrase(term: str) -> str | None:
    """An FTS5 phrase matching `term` verbatim, or None when it has nothing searchable."""
    toks, prefix = term_tokens(term)
    if not toks:
        return None
    out = _quote(" ".join(toks))
    return out + " *" if prefix else out


def words_expression(terms: list[str] | tuple[str, ...]) -> str | None:
    """Every term found as a whole jieba word (the `words` column); None unless all are Han words."""
    if not terms:
        return None
    for t in terms:
        ps = pieces(t)
        if not (len(ps) == 1 and ps[0].han and ps[0].text == t and len(t) >= 2):
            return None
    return "words : (" + " AND ".join(_quote(t) for t in terms) + ")"


def date_expression(specs) -> str | None:
    """Articles whose text mentions one of the dates (date tokens in the `words` column)."""
    from storage.segment import day_token, month_token

    toks = []
    for d in specs:
        toks.append(day_token(d.month, d.day) if d.day is not None else month_token(d.month))
    if not toks:
        return None
    return "words : (" + " OR ".join(_quote(t) for t in dict.fromkeys(toks)) + ")"


def all_of(terms: list[str] | tuple[str, ...], *, columns: str = BIGRAM_COLUMNS) -> str | None:
    """Every term, as phrases restricted to `columns` (no word boost)."""
    parts = [p for p in (phrase(t) for t in terms) if p]
    if not parts:
        return None
    return f"{columns} : ({' AND '.join(parts)})"


def any_of(terms: list[str] | tuple[str, ...]) -> str | None:
    parts = [p for p in (phrase(t) for t in terms) if p]
    if not parts:
        return None
    return f"{BIGRAM_COLUMNS} : ({' OR '.join(parts)})"


def match_expression(
    terms: list[str] | tuple[str, ...], excluded: list[str] | tuple[str, ...] = ()
) -> str | None:
    """The MATCH string for: all `terms`, none of `excluded`. None when there is no positive term."""
    expr = all_of(terms)
    if expr is None:
        return None
    neg = any_of(excluded)
    if neg:
        expr = f"({expr}) NOT ({neg})"
    return expr
