"""Follow-up questions in a chat: a message that names no topic of its own and refers to the turn before
(那个会后来咋样了, 它是哪天开的, 后来呢, 还有别的吗, 详细说说). Pure.

`read_follow_up(message)` reads a message word by word from the start, each word one of a few small
vocabularies (`_WORDS`): a reference to what was said before (那事, 那个会, 这件事, 它, 他, 此事), a word
asking how things went on (后来, 然后, 现在, 怎么样, 进展), for more (还有, 别的, 其他), for detail (详细,
具体, 说说), a question word (哪天, 在哪, 多少, 谁, 哪些, 叫什么), or a word that carries no topic (是, 的,
了, 呢, 开, 举行, 召开…). A message made of these words only, one at least a reference or a follow-on
word, is a follow-up, and so is a bare question (为什么呢, 是谁, 在哪儿: a question word and particles); any
other word is a topic, and the message is searched as it is (保交楼那事怎么样了 is a status question about
保交楼, not a follow-up).

What the follow-up asks (`Asks`):

    ASK      a question about the story before      它是哪天开的 → the topic + 是哪天开的
    STATUS   how things went on                     后来呢, 那个会后来咋样了, 那事呢 → the topic + 现在怎么样了
                                                    (a question about now: the newest story on it first)
    MORE     the other stories on the topic         还有别的吗, 还有呢 → the topic's words (the next page when
                                                    the topic's results were shown last)
    DETAIL   the story shown before, in full        详细说说, 具体讲讲 → that story

`topic_words(parsed)` are the words a search was about (its terms, without the verbs of its question when
it has other words: 谁主持了统战工作会议 → 统战工作 会议; its dates as typed); `follow_up_query` joins them
with what the follow-up asks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum

from storage.models import Answer, SearchResponse
from storage.search.query import ParsedQuery
from storage.text.normalize import fold
from storage.text.segment import tokenizer


class Asks(StrEnum):
    ASK = "ask"
    STATUS = "status"
    MORE = "more"
    DETAIL = "detail"


@dataclass(frozen=True)
class FollowUp:
    asks: Asks
    question: str = ""  # ASK: the message without its reference (是哪天开的)


# The kinds of words a follow-up is made of.
REFERENCE = "reference"
STATUS = "status"
MORE = "more"
DETAIL = "detail"
QUESTION = "question"
PLAIN = "plain"  # a word that names no topic (是, 的, 开, 举行)

_DEIXIS = "那这该此"
_MEASURES = ("", "个", "件", "次", "场", "项", "位", "条", "篇", "起", "些", "家", "届", "一个", "一次")
# What a reference may name the thing by: a kind, never the thing itself (那个会, not 那个统战会).
_KINDS = (
    "事情 事件 事儿 事 会议 会 活动 案子 案件 案 项目 工程 政策 消息 新闻 报道 文章 人 地方 比赛 展览 节目 计划 "
    "方案 公司 企业 问题 情况"
).split()
# 那 alone starts a question about what was said (那为啥, 那是谁); 这是 / 那是 point at the story shown, 当时 at
# its time (当时有多少人参加).
_PRONOUNS = "它们 他们 她们 它 他 她 此事 这些 那些 这个 那个 其 那 这是 那是 事 当时 当初".split()

_STATUS_WORDS = (
    "后来 然后 之后 接下来 后续 最后 最终 结果 现在 目前 如今 眼下 进展 进度 近况 怎么样 咋样 怎样 如何 "
    "啥情况 什么情况 怎么回事 咋回事 下文"
).split()
_MORE_WORDS = "还有 别的 其他 其它 另外 更多 其余 再来".split()
_DETAIL_WORDS = "详细 详情 具体 展开 全文 原文 细说 细讲 说说 讲讲 聊聊 介绍 多说".split()
_QUESTION_WORDS = (
    "哪一天 哪天 哪日 什么时候 啥时候 何时 几时 几号 几月几日 几月几号 哪一年 哪年 几月 几点 在哪里 在哪儿 在哪 "
    "哪里 哪儿 什么地方 啥地方 哪个地方 去哪 多少钱 多少人 多少 几个 几位 几名 几家 几次 几 谁 哪位 哪些 哪个 "
    "哪家 叫什么名字 叫什么 叫啥 什么 啥 为什么 为啥 怎么 咋 是否 有没有 多大 多长 多久"
).split()
# Words that name no topic: the verbs a question about an event asks with (它是哪天开的, 他后来去哪了),
# particles, and the words of asking itself.
_PLAIN_WORDS = (
    "是 的 了 呢 吗 吧 啊 呀 嘛 么 哦 哈 呗 一下 下 请问 问问 问 那么 这 就 又 再 还 都 也 才 最 有 没有 没 "
    "点 完 新 干 新闻 报道 消息 文章 "
    "我 我们 你 想 知道 能 可以 告诉我 给我 了解 到底 究竟 一共 总共 开 办 举行 召开 举办 发生 结束 开始 开幕 "
    "闭幕 说 讲 定 出 来 去 做 搞 处理 解决 宣布 公布 发布 通过 签 签署 完成 落地 实施 执行 主持 参加 出席 "
    "负责 提出 决定 成立 建 建成 启动 判 抓 得 赢 输 花 投 涉及 造成 到 在 给 被 把 跟 和 与 对 过 着 会 要 "
    "看 看看 几条 几篇 一些 一点"
).split()
# What may stand beside a question word in a message that is nothing but a question (为什么呢, 是谁啊): with a
# topic in the chat, it asks about that topic.
_PARTICLES = frozenset("是 的 了 呢 吗 吧 啊 呀 嘛 哦 那么 到底 究竟 请问".split())
# A lone 什么 / what is surprise (什么？), not a question about the topic.
_SURPRISE = frozenset("什么 啥 what".split())


def _vocabulary() -> dict[str, str]:
    words: dict[str, str] = {}
    for kind, group in (
        (PLAIN, _PLAIN_WORDS),
        (QUESTION, _QUESTION_WORDS),
        (DETAIL, _DETAIL_WORDS),
        (MORE, _MORE_WORDS),
        (STATUS, _STATUS_WORDS),
        (REFERENCE, _PRONOUNS),
    ):
        words.update(dict.fromkeys(group, kind))
    words.update({d + m + k: REFERENCE for d in _DEIXIS for m in _MEASURES for k in _KINDS})
    return words


_WORDS = _vocabulary()
# The longest word first: 怎么样 before 怎么, 那个会 before 那个, 其他 before 其.
_WORD = re.compile("|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True)))
# A follow-up is short: a longer message says what it is about.
MAX_FOLLOW_UP_CHARS = 16


def _cleaned(message: str) -> str:
    """The message as read: NFKC, no punctuation, symbols or spaces."""
    s = unicodedata.normalize("NFKC", message)
    return "".join(ch for ch in s if not unicodedata.category(ch).startswith(("P", "S", "Z", "C")))


def _words(s: str) -> list[tuple[str, str]] | None:
    """`s` as (word, kind) pairs of `_WORDS`, longest first at each place; None when some part is no such
    word (a topic of its own)."""
    out: list[tuple[str, str]] = []
    at = 0
    while at < len(s):
        m = _WORD.match(s, at)
        if m is None:
            return None
        out.append((m.group(), _WORDS[m.group()]))
        at = m.end()
    return out


# The same in English (what happened next, when was it, tell me more); a question word is asked in its
# Chinese form, as the archive is written.
_ENGLISH_WORDS: dict[str, str] = {
    **dict.fromkeys("it its that this they them he she him her".split(), REFERENCE),
    **dict.fromkeys("then next later after afterwards now update status happened progress".split(), STATUS),
    **dict.fromkeys("more else other others another".split(), MORE),
    **dict.fromkeys("details detail elaborate full tell".split(), DETAIL),
    **dict.fromkeys("when where who how many much what which why".split(), QUESTION),
    **dict.fromkeys(
        "was is were did does do be been and so the a an about to with on of in at held say said me "
        "please any there happen go went anything story news s".split(),
        PLAIN,
    ),
}
_ENGLISH_QUESTIONS = (
    ("how many", "多少"),
    ("how much", "多少"),
    ("when", "哪天"),
    ("where", "在哪里"),
    ("who", "谁"),
    ("which", "哪些"),
    ("why", "为什么"),
    ("what", "什么"),
)
_ENGLISH_WORD = re.compile(r"[a-z]+")


def _english_words(message: str) -> tuple[list[tuple[str, str]], str] | None:
    """An English message as (word, kind) pairs and the Chinese question it asks (when → 哪天); None when
    it is not English or holds a word of its own."""
    s = unicodedata.normalize("NFKC", message).lower()
    if not s.isascii() or len(s) > MAX_ENGLISH_CHARS:
        return None
    found = _ENGLISH_WORD.findall(s)
    if not found or any(w not in _ENGLISH_WORDS for w in found):
        return None
    joined = " ".join(found)
    words = [(w, _ENGLISH_WORDS[w]) for w in found]
    question = next((zh for en, zh in _ENGLISH_QUESTIONS if re.search(rf"\b{en}\b", joined)), "")
    if question == "什么" and any(kind == STATUS for _, kind in words):
        # what happened next, what then: how things went on, not a thing to be named
        return [(w, PLAIN if kind == QUESTION else kind) for w, kind in words], ""
    return words, question


MAX_ENGLISH_CHARS = 40


def read_follow_up(message: str) -> FollowUp | None:
    """What `message` asks of the turn before, or None when it is no follow-up (it names a topic: 谁主持的会议,
    什么新闻)."""
    english = _english_words(message)
    if english is not None:
        words, question = english
    else:
        s = _cleaned(message)
        if not s or len(s) > MAX_FOLLOW_UP_CHARS:
            return None
        read = _words(s)
        if read is None:
            return None
        words = read
        question = "".join(w for w, kind in words if kind != REFERENCE)
    kinds = {kind for _, kind in words}
    if not kinds & {REFERENCE, STATUS, MORE, DETAIL} and not _only_asks(words):
        return None
    if QUESTION in kinds:
        return FollowUp(Asks.ASK, question)
    if STATUS in kinds:
        return FollowUp(Asks.STATUS)
    if DETAIL in kinds:
        return FollowUp(Asks.DETAIL)
    if MORE in kinds:
        return FollowUp(Asks.MORE)
    return FollowUp(Asks.STATUS)  # 那事呢, 它呢: how it stands


def _only_asks(words: list[tuple[str, str]]) -> bool:
    """Whether the message is a bare question (为什么呢, 是谁, 在哪): a question word and particles only."""
    return any(kind == QUESTION and word not in _SURPRISE for word, kind in words) and all(
        kind == QUESTION or word in _PARTICLES for word, kind in words
    )


# What a status follow-up adds to the topic: a question about now, which puts the newest story first.
STATUS_QUESTION = "现在怎么样了"
# jieba's tags of verbs; a verbal noun (vn: 改造) is a topic.
_VERB_TAGS = frozenset("v vd vg vi".split())
# The verbs a question or a headline asks or tells with (主持, 召开, 举办, 参加): the verbs among the words that
# name no topic. Any other verb names what happened and is part of the topic (阅兵, 会见).
_ASKING_VERBS = frozenset(w for w, kind in _WORDS.items() if kind == PLAIN)


def topic_words(parsed: ParsedQuery) -> list[str]:
    """The words a search was about: its dates as typed, then its terms (a quoted phrase quoted), without
    the verbs of a question that has other words (谁主持了统战工作会议 → 统战工作, 会议), each whole as the
    reader typed it (`_whole_words`: 第二届进博会叫什么名字 → 第二届, 进博会)."""
    terms = _without_verbs(parsed) if parsed.question else list(parsed.terms)
    return [d.text for d in parsed.dates] + _quoted(parsed, _whole_words(parsed, terms))


# The words of a headline an opened story gives as the chat's topic: a headline names what it is about
# first; its later lines say what it means (把方方面面的人心和力量凝聚起来).
MAX_HEADLINE_TOPIC_WORDS = 6


def headline_topic(parsed: ParsedQuery) -> list[str]:
    """The topic an opened story gives the chat: its headline's (`parsed`) first words without the verbs it
    tells with (东湖区举办乡村医生培训 → 东湖区, 乡村, 医生, 培训), each whole as printed, at most
    `MAX_HEADLINE_TOPIC_WORDS`."""
    return _quoted(parsed, _whole_words(parsed, _without_verbs(parsed))[:MAX_HEADLINE_TOPIC_WORDS])


# Quote marks and brackets a headline prints around a name (“一带一路”, 《民法典》), opening to closing.
_PAIRED_MARKS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉", "（": "）", "(": ")"}
_CLOSING_MARKS = {closing: opening for opening, closing in _PAIRED_MARKS.items()}


# The most characters a headline prints between two of its topic words for the line to show them with the
# words between (成立, 在京 of 庆祝中华人民共和国成立70周年大会在京隆重举行; a run of whitespace one); a longer
# stretch is left out as "…".
MAX_SHOWN_GAP = 4
_SPACES = re.compile(r"\s+")


def headline_shown(headline: str, words: list[str]) -> str:
    """The topic an opened story gives the chat (`words`, its `headline_topic`) as the headline prints it:
    the words in the headline's order with what it prints between them (the verbs left out, a space
    between its lines: 庆祝中华人民共和国70周年大会京隆重举行天安门广场 → 庆祝中华人民共和国成立70周年大会在京隆重举行
    天安门广场), "…" for more than `MAX_SHOWN_GAP` characters between two of them, the quote marks and
    brackets around a word at either end of a piece (“三农”), a mark whose pair a piece does not hold left
    out, whitespace one space. The words joined (`shown_topic`) when the headline does not hold them
    all."""
    spans = _term_spans(fold(headline), tuple(w.strip('"') for w in words))
    if not words or len(spans) < len({w.strip('"') for w in words}):
        return shown_topic(" ".join(words))
    pieces: list[tuple[int, int]] = []
    for start, end in sorted(spans.values()):
        if pieces and len(_SPACES.sub(" ", headline[pieces[-1][1] : start])) <= MAX_SHOWN_GAP:
            pieces[-1] = (pieces[-1][0], max(end, pieces[-1][1]))
        else:
            pieces.append((start, end))
    shown = (_with_paired_marks(headline, start, end) for start, end in pieces)
    return "…".join(_without_lone_marks(headline[start:end]) for start, end in shown)


def _with_paired_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """`start`, `end` of a stretch of `text` widened by the quote marks or brackets right around it (“两会”),
    by the opening mark right before it whose closing mark it holds alone, and by the closing mark right
    after it that closes one it opens alone."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    held = text[start:end]
    if before in _PAIRED_MARKS and after == _PAIRED_MARKS[before]:
        return start - 1, end + 1
    if before in _PAIRED_MARKS and held.count(_PAIRED_MARKS[before]) > held.count(before):
        start -= 1
    held = text[start:end]
    if after in _CLOSING_MARKS and held.count(_CLOSING_MARKS[after]) > held.count(after):
        end += 1
    return start, end


def _without_lone_marks(text: str) -> str:
    """`text` with a space for each quote mark or bracket whose pair it does not hold (the stretch of a
    headline cut inside one: 以身殉职（为了民族 → 以身殉职 为了民族), whitespace one space."""
    lone: set[int] = set()
    opened: list[int] = []
    for at, ch in enumerate(text):
        if ch in _PAIRED_MARKS:
            opened.append(at)
        elif ch in _CLOSING_MARKS:
            if opened and text[opened[-1]] == _CLOSING_MARKS[ch]:
                opened.pop()
            else:
                lone.add(at)
    lone.update(opened)
    return " ".join("".join(" " if at in lone else ch for at, ch in enumerate(text)).split())


def _without_verbs(parsed: ParsedQuery) -> list[str]:
    """The terms of `parsed` without the verbs it asks or tells with (a quoted phrase kept); all of them
    when all are such verbs."""
    kept = [t for t in parsed.terms if t in parsed.phrases or not _is_asking_verb(t)]
    return kept or list(parsed.terms)


def _quoted(parsed: ParsedQuery, terms: list[str]) -> list[str]:
    """`terms` as a query writes them again: a quoted phrase of `parsed` in quotes."""
    return [f'"{t}"' if t in parsed.phrases else t for t in terms]


def _is_asking_verb(word: str) -> bool:
    if word not in _ASKING_VERBS:
        return False
    tagged = tokenizer().tag(word, True)
    return len(tagged) == 1 and tagged[0][1] in _VERB_TAGS


def _whole_words(parsed: ParsedQuery, terms: list[str]) -> list[str]:
    """`terms` (of `parsed`, in order), each with the lone character the text has right before it when
    segmentation cut that character off a word it does not know and no term or date holds it (进|博会 of
    第二届进博会: 进博会); a character the follow-up words know (了, 的, 在) stands alone. A quoted phrase is
    kept as it is."""
    text = fold(parsed.asked)
    starts = _token_starts(text)
    taken = _term_spans(text, parsed.terms)
    held = [*taken.values(), *_term_spans(text, tuple(d.text for d in parsed.dates)).values()]
    out: list[str] = []
    for term in terms:
        span = taken.get(term)
        if span is None or term in parsed.phrases:
            out.append(term)
            continue
        at = span[0]
        before = at - 1
        lone = before >= 0 and before in starts and at in starts
        if lone and _cut_off(text[before]) and not any(s <= before < e for s, e in held):
            term = text[before] + term
        out.append(term)
    return out


def _token_starts(text: str) -> set[int]:
    """Where segmentation starts a word in `text` (and its end)."""
    starts = {0, len(text)}
    at = 0
    for word in tokenizer().cut(text):
        at += len(word)
        starts.add(at)
    return starts


def _term_spans(text: str, terms: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """Where each term is found in `text`, each after the one before it (the first place when not)."""
    spans: dict[str, tuple[int, int]] = {}
    at = 0
    for term in terms:
        found = text.find(term, at)
        if found < 0:
            found = text.find(term)
        if found >= 0:
            spans.setdefault(term, (found, found + len(term)))
            at = found + len(term)
    return spans


# jieba's tags of a character that may begin a word it does not know (进 of 进博会: v): a verb, noun,
# adjective, time, abbreviation or distinguishing word; a preposition (为, 向), measure word (个) or
# particle stands alone.
_WORD_PIECE_TAGS = tuple("v n a t j b".split())


def _cut_off(ch: str) -> bool:
    """Whether `ch`, a word of one character in a text, may be a piece of a longer word: a Chinese
    character that is no word of a follow-up (了, 的, 是, 在 stand alone) and is tagged as content."""
    if not "\u4e00" <= ch <= "\u9fff" or ch in _WORDS:
        return False
    return tokenizer().tag(ch, True)[0][1].startswith(_WORD_PIECE_TAGS)


def follow_up_query(topic: str, follow_up: FollowUp) -> str:
    """The search a follow-up stands for: the topic's words (`topic`, as kept) and what it asks."""
    if follow_up.asks == Asks.ASK:
        return f"{topic} {follow_up.question}"
    if follow_up.asks == Asks.STATUS:
        return f"{topic} {STATUS_QUESTION}"
    return topic


def topic_of_search(query: str, typed: str) -> str | None:
    """The topic's words a follow-up was read with, from the search it stood for (`query`, as
    `follow_up_query` made it) and the follow-up as the reader typed it (`typed`); the whole query when
    its end is not what the follow-up asks; None when `typed` is no follow-up."""
    follow_up = read_follow_up(typed)
    if follow_up is None:
        return None
    asked = follow_up_query("", follow_up)  # " 是哪天的", " <status words>" or ""
    if asked and query.endswith(asked) and len(query) > len(asked):
        return query[: -len(asked)]
    return query


def pinned(response: SearchResponse, story_id: int, answer: Answer | None) -> SearchResponse:
    """`response` to a question about the story shown before (`story_id`): that story first among the hits
    when it is one of them (the others in their order), and its `answer` as the answer line when it holds
    one (else the search's own)."""
    hits = sorted(response.hits, key=lambda hit: hit.id != story_id)  # stable: the others keep their order
    return replace(response, hits=tuple(hits), answer=answer or response.answer)


def pins_story(follow_up: FollowUp) -> bool:
    """Whether the follow-up asks about the story shown before itself (它是哪天开的), so that it is answered
    from that story first; how things went on (后来呢) and the other stories (还有别的吗) are not."""
    return follow_up.asks == Asks.ASK


def shown_topic(topic: str) -> str:
    """The topic's words as a reader would write them: Chinese words joined, Latin words and numbers spaced,
    a quoted phrase without the quote marks a query writes it with and spaced from the words beside it."""
    out = ""
    phrase_before = False
    for word in topic.split():
        phrase = len(word) > 2 and word[0] == word[-1] == '"'
        word = word.strip('"') if phrase else word
        if not word:
            continue
        spaced = out and (phrase or phrase_before or _latin(out[-1]) and _latin(word[0]))
        out += f" {word}" if spaced else word
        phrase_before = phrase
    return out


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
