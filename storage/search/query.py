"""Understanding a search query and turning it into safe FTS5 expressions. Pure functions.

`parse_query(text)` gives a `ParsedQuery`: required terms (several words mean all of them), quoted
phrases, excluded words (`-word`), date expressions (`4月6日`, `2023-04-06`, `4.6`, read by
`storage.search.dates.absolute`; 昨天, 上周 by `storage.search.dates.relative`), and whether it is a question
(question words and particles are dropped, content words kept).

The FTS5 expressions for a parsed query are built in `storage.search.expressions`, the SQL in
`storage.search.ranking`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date

from storage.search.answers.questions import describes_person
from storage.search.dates.absolute import DateSpec, day_ranges, extract_dates, no_such_dates
from storage.search.dates.relative import relative_periods
from storage.search.dates.spans import ANY_TODAY, Period
from storage.search.english_names import ENGLISH_QUESTION_WORDS, named_in
from storage.search.pinyin import without_tone_marks
from storage.search.spoken import written_form
from storage.search.synonyms import PROTECTED_PHRASES, has_printed_forms, printed_forms
from storage.text.normalize import HAN_RANGES, fold, squeeze, unescape_entities, without_markup
from storage.text.segment import LAST_YEAR, dictionary_word, pieces, tag

MAX_QUERY_CHARS = 256
MAX_TERMS = 16

# Multi-character question phrases, removed from the text before segmentation (longest first).
QUESTION_PHRASES = tuple(
    sorted(
        """什么时候 什么时间 什么日子 是什么日子 是几月几号 是几号 啥时候 啥时 多会儿 哪一天 哪几天 几月几日 几月几号 几号 是哪天 哪天 哪一年 哪年 是谁 有谁 哪些人 哪位 哪个人
        哪几点 哪几项 哪几条 哪几个 哪几位 哪几 几点 几项 几条 几位 哪一个 哪一些
        是怎么回事 怎么回事 是什么 为什么 为啥 在哪些 在哪几 做什么 干什么 干啥 什么样 怎么样 怎么 怎样 如何 在哪里 在哪儿 在哪 哪里 哪儿 哪个 哪些 多少 几个
        是不是 是否 有没有 有哪些 请问 告诉我 我想知道 想知道 查一下 搜一下 一下 叫什么名字 叫什么 叫啥 名叫什么
        叫做什么 是什么名字 什么名字""".split(),
        key=len,
        reverse=True,
    )
)
# What a reader says to ask for stories (我想看保交楼的新闻, 帮我查查人才): removed before segmentation like the
# question phrases, but no question: the words left are searched as typed keywords are (longest first).
REQUEST_PHRASES = tuple(
    sorted(
        """我想看看 我想看 想看看 想看 我要看看 我要看 给我看看 给我看 我想查 我要查 我想找 我要找 帮我查查 帮我查
        帮我找找 帮我找 帮我搜 查一查 找一找 搜一搜 查查 找找 搜搜""".split(),
        key=len,
        reverse=True,
    )
)
# Request verbs a reader puts straight before a topic (查保交楼, 搜台风), see `_without_request_verb`.
REQUEST_VERBS = frozenset("查搜找")
QUESTION_WORDS = frozenset("谁 什么 哪 哪些 哪天 哪里 啥 几 多少 何时 吗 呢 么 嘛 吧 ? ？".split())
# Words dropped from queries: particles, pronouns, auxiliaries, and words about the search itself.
STOP_WORDS = frozenset(
    """的 了 是 在 和 与 及 或 吗 呢 吧 啊 呀 么 哦 嘛 着 过 地 得 之 也 都 就 还 又 很 去 到 做 有 把 被 给 对 从
    向 为 让 将 这 那 其 我 你 他 她 它 们 我们 你们 他们 请 问 要 会 能 该 一 个 关于 有关 相关 新闻 报道 消息 文章
    内容 情况 哪 谁 什么 哪些 哪天 哪里 啥 几 多少 何时 查 找 搜 搜索 查找 查询 最新 最近 近期 近来 资讯 头条
    最新消息 最新新闻 最新动态 最新进展 最新情况 新闻报道 相关报道 现在 目前 如今 眼下 怎么样 咋样 如何
    后来 到底 究竟 那个 那位 那些 那边 那事 那件事 这个 这位 这些 这事 咋 咋样 咋回事 啥样 为啥 听说 真的
    那次 这次 那回 这回 一共 总共 一共有 总共有""".split()
)
# jieba's tags of a lone character of a question that is no part of a name (里, 下, 跑, 讲, 了): never
# glued to a word. Not prepositions: 自 of 自媒体 is one.
FUNCTION_TAGS = frozenset("f v vd vg d c u ul uj ud uz ug uv r y e o ad".split())
ABBREVIATIONS = frozenset("中")  # 中柬, 中美: China, though jieba tags it a locality
# A rate's suffix jieba tags a verb (率领) when its dictionary lacks the word: 赤字 + 率, 复工 + 率. Right after a
# word and before no other word (赤字率是多少, not 李克强率团), it ends that word.
RATE_SUFFIX = "率"
# English question words and function words (an English reader asking "who is 王伟"): dropped too, a question
# word unless typed as a name (`english_names.named_in`: WHO说了什么).
ENGLISH_STOP_WORDS = ENGLISH_QUESTION_WORDS | frozenset(
    """a an the is are was were be been am do does did of in on at to for from by with about and or not
    any some this that these those there here me my i you your we our they their he she his her
    please tell show find search look give news article articles story stories happen happened happens
    anything something said say says""".split()
)
# Nouns naming what a question asks for (李卓瑜是什么职务, 王伟是哪个单位的): dropped from questions only.
QUESTION_TARGETS = frozenset(
    "职务 职位 身份 单位 名字 姓名 时间 日期 地点 地方 原因 内容 结果 情况 人 领导人 领导 人物 东西".split()
)
_QUESTION_MARKS = re.compile(
    r"[?？]|谁|什么|啥|哪|几[月号日天个点项条位]|第几|多少|何时|怎么|怎样|如何|为什么|为啥|咋|是否|有没有|[吗呢]\s*$"
    # 判几年, 活了几岁: a count asked for (not 近几年, 这几年, 好几次: a few)
    r"|(?<![近这前后头那好十])几(?:年|岁|次|名|家|成|倍|级|种|台|辆|架|所|处|篇|亩|吨|小时|分钟)"
)
_ENGLISH_QUESTION = re.compile(r"(?<![a-z])(?:" + "|".join(sorted(ENGLISH_QUESTION_WORDS)) + r")(?![a-z])")
_NOT_OPERATOR = re.compile(r"(?:(?<=\S)\s+|^\s*)NOT\s+(?=[^\s-])")

_QUOTES = str.maketrans(
    {"“": '"', "”": '"', "《": '"', "》": '"', "「": '"', "」": '"', "『": '"', "』": '"', "„": '"', "‟": '"'}
)
_DASHES = str.maketrans({"－": "-", "‐": "-", "‑": "-", "—": "-", "–": "-", "−": "-"})
# An English clitic (what's, who's, Xi Jinping's, they're, we'll): part of the word before it, never a word of
# its own to find (a lone "s" matched stories printing other addresses and units).
_ENGLISH_CLITIC = re.compile(r"(?<=[a-z])['’‘`](?:s|re|ll|ve|d|m)(?![a-z])", re.IGNORECASE)
_HAN = re.compile(rf"[{HAN_RANGES}]")
_HAN_WORD = re.compile(rf"[{HAN_RANGES}]{{2,}}")
_DIGITS = re.compile(r"\d+")
_QUANTITY = re.compile(rf"\d+[{HAN_RANGES}]")  # a number and its measure word: 23天, 40年


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    terms: tuple[str, ...] = ()  # required, normalised; each must appear verbatim
    excluded: tuple[str, ...] = ()
    dates: tuple[DateSpec, ...] = ()
    # Periods named relative to the chat's today (昨天, 上周二, 最近一周…): results must be dated
    # inside one of them.
    periods: tuple[Period, ...] = ()
    # Alternatives (`A OR B`, `A 或 B`, `A 或者 B`): each group needs one of its members.
    groups: tuple[tuple[str, ...], ...] = ()
    question: bool = False
    exact: str | None = None  # the whole query as one contiguous string, when it has several terms
    phrases: tuple[str, ...] = field(default=())  # the terms that came from quotes
    # The terms without a lone character glued on as a suffix (李卓瑜讲了什么: 李卓瑜, not 李卓瑜讲), to
    # try when the terms find nothing; empty when the same.
    loose_terms: tuple[str, ...] = ()
    # Dates written as dates that no calendar has (2月30日, 13月1日, 2023-02-30), as typed (folded):
    # searched as words, and named in the reply.
    no_such_dates: tuple[str, ...] = ()
    # The query as read (folded, its spoken question forms written: `storage.search.spoken`) when that differs
    # from what was typed; empty otherwise.
    written: str = ""
    # Every word typed was a stop word (的是, 什么, 在哪里开的): the terms are the text as typed, no topic read.
    as_typed: bool = False

    @property
    def asked(self) -> str:
        """The question as the answer and ranking rules read it: written, or the raw text."""
        return self.written or self.raw

    @property
    def empty(self) -> bool:
        return not self.terms and not self.dates and not self.periods and not self.groups

    @property
    def only_excluded(self) -> bool:
        """Only words to leave out (-保交楼, NOT 保交楼): nothing to find."""
        return self.empty and bool(self.excluded)

    @property
    def date_only(self) -> bool:
        """Only a date or a period (昨天有什么新闻, 4月6日): list that day's stories."""
        return not self.terms and not self.groups and bool(self.dates or self.periods)

    @property
    def words(self) -> tuple[str, ...]:
        """Every word the query looks for: terms and the members of its OR groups (for highlighting)."""
        return self.terms + tuple(w for g in self.groups for w in g)


# 多少辆, 几级, 哪支, 哪家: a question word with its measure word (the measure word is not a term).
_COUNT_QUESTION = re.compile(
    # 排第几, 第几名, 第几届: an ordinal asked (news prints 第七, 第3名); the measure word goes with it
    r"第几(?:[名次届批期轮场个位项条回]|季度)?|"
    r"(?:多少|几)(?:万|亿)?(?:人次|个|位|项|条|名|次|家|支|枚|级|岁|种|倍|台|辆|架|所|处|篇|亩|吨|元|块|场|座|艘|批|件)"
    # 多少幅作品, 多少套防护服: more measure words jieba glues onto the noun after them (幅作品); before the
    # bare 几 below, which would leave the measure word on the noun
    r"|(?:多少|几)(?:幅|套|张|只|起|例|首|棵)"
    r"|(?<![近这前后头那好十])几(?:年|小时|分钟)|多少(?:年|天|小时|分钟)"
    # 几口人, 几卡车蔬菜: 几 before any other measure word asks a count too (the measure word stays a word)
    r"|(?<![近这前后头那好十])几(?=[\u4e00-\u9fff])(?![乎何月号日点时])"
    r"|哪(?:一)?(?:支|家|所|座|国|种|类|条|架|艘|辆|款|届|场|批|部|首|片|段|层|个部门|个单位|个国家|个城市|个省|个组织|个机构)"
    r"|多(?:大|高|长|远|深|久|重)"
    # 哪些省启动了预案: the place asked for goes with the question word, not glued to the verb (省启动); 住在哪个村:
    # nor its measure word glued to it (个村, a word no story of the village prints)
    r"|哪(?:些|几个|几|个)(?:省份|省|市|县|区|国家|村|镇|乡)"
)


# 那篇论文, 这幅画, 那起案子: a measure word after a demonstrative is no part of the noun after it (jieba glues
# it on: 篇论文, a word no story prints). Not 部 (那部分), 本 (这本身), 次 (这次会议 is kept whole by jieba).
_DEMONSTRATIVE_MEASURE = re.compile(
    r"(?<=[那这])(?:篇|幅|首|张|项|起|场|届|份|家|所|座|条|件|名|只|辆|艘|架|台|套|批|棵|款|支)(?=[\u4e00-\u9fff])"
)


# 最新公布的, 目前发布的: the verb says the figure is news, as 最新 does; it is no word of the topic.
_NOW_PUBLISHED = re.compile(r"(?<=最新|目前|最近|近日|现在)(?:公布|发布|披露|出炉|通报)(?:了)?(?:的)?")


def _without_pointers(text: str) -> str:
    """A question's words without the measure word after 那 / 这 and the verb of a latest figure (neither is
    a word of the topic; a keyword search keeps what was typed)."""
    return _NOW_PUBLISHED.sub(" ", _DEMONSTRATIVE_MEASURE.sub(" ", text))


def _without_request_verb(chunk: str) -> str:
    """`chunk` without a request verb opening it (查保交楼: 保交楼) when jieba cuts the verb alone or glues
    it to the topic into a word its dictionary lacks (查保交楼); a dictionary word (查处, 搜救, 找到,
    查良镛) or what jieba takes for a person's name (查建英) keeps it."""
    if len(chunk) < 3 or chunk[0] not in REQUEST_VERBS or not _HAN.match(chunk[1]):
        return chunk
    first, flag = tag(chunk)[0]
    if first == chunk[0] or (flag != "nr" and not dictionary_word(first)):
        return chunk[1:]
    return chunk


def _strip_question_phrases(text: str) -> tuple[str, bool]:
    """`text` without its question and request phrases, and whether it held a question phrase."""
    text = _without_request_verb(text)
    for p in REQUEST_PHRASES:
        text = text.replace(p, " ")
    text, n = _COUNT_QUESTION.subn(" ", text)
    hit = n > 0
    for p in QUESTION_PHRASES:
        if p in text:
            text = text.replace(p, " ")
            hit = True
    return text, hit


ADVERB_LENGTH = 2  # the adverbs a question may drop are this short (已经, 正在, 还)


def _content_terms(
    chunk: str, question: bool = False, *, suffixes: bool = True, names: frozenset[str] = frozenset()
) -> list[tuple[str, bool]]:
    """Content terms of one whitespace-free chunk: jieba words minus stop words (not those of `names`, English
    question words typed as names: WHO), short pieces glued.

    Each term comes with whether it is a lone character (dropped by the caller if others remain).
    """
    if chunk in PROTECTED_PHRASES:
        return [(chunk, False)]  # a phrase of the synonym table (比去年), kept whole
    # Punctuation stays in the sequence (it separates words: 40年，跟李克强 is not one name) but is no term.
    tagged = _with_meta_names(_without_joined_particles(_with_amounts_apart(tag(chunk))))
    kept: list[tuple[str, int]] = []  # (word, index in tagged)
    for i, (w, flag) in enumerate(tagged):
        if not pieces(w):
            continue
        if (
            w in STOP_WORDS
            or w in QUESTION_WORDS
            or (w in ENGLISH_STOP_WORDS and w not in names)
            or (question and w in QUESTION_TARGETS)
            # 已经, 正在: how or when, not what (jieba also tags longer words 一次性, 自由度 as adverbs)
            or (question and flag == "d" and _HAN.match(w) and len(w) <= ADVERB_LENGTH)
            or (
                question
                and len(w) == 1
                and _HAN.match(w)
                and (flag in FUNCTION_TAGS or flag == "p")
                and w not in ABBREVIATIONS
                and not _ends_a_rate(tagged, i)
            )
        ):
            continue  # (in a question, a lone verb, locality or particle: 博物馆里, 疫情下, 能跑时速)
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
        if not _weak(w) and _QUANTITY.fullmatch("".join(pending)):
            # a number with its measure word (23天, 40年) is a quantity, not a prefix: 春运前23天坐飞机
            groups.append(_Group("".join(pending)))
            groups.append(_Group(w))
            pending = []
        elif not _weak(w):
            groups.append(_Group("".join(pending) + w))
            pending = []
        elif (
            (suffixes or _ends_a_rate(tagged, i))  # 赤字率 is one word in either reading
            and adjacent
            and not pending
            and prev
            and not prev.alone
            and not prev.suffixed
            and not w.isdigit()
        ):
            prev.text += w
            prev.suffixed = True
        else:
            pending.append(w)
        last_index = i
    if pending:
        groups.append(_Group("".join(pending), alone=True))
    return [(g.text, g.alone and len(g.text) == 1) for g in groups]


# A Latin word jieba glued to the number of the amount after it (人均GDP1万美元: GDP1 / 万美元): the number
# begins a numeral unit (万, 亿, 千, 百), so it is the amount's, not part of a name (PM2.5, H5, K530).
_GLUED_AMOUNT = re.compile(r"([A-Za-z]+)(\d+(?:\.\d+)?)")
_AMOUNT_UNITS = ("万", "亿", "千", "百")


def _with_amounts_apart(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """jieba's words with a Latin word's trailing number split off it when the word after it begins with a
    numeral unit: GDP1 / 万美元 becomes GDP / 1 / 万美元, whose 1 then joins the amount as any number does."""
    out: list[tuple[str, str]] = []
    for i, (w, flag) in enumerate(tagged):
        glued = _GLUED_AMOUNT.fullmatch(w)
        after = tagged[i + 1][0] if i + 1 < len(tagged) else ""
        if glued and after.startswith(_AMOUNT_UNITS):
            out.extend([(glued.group(1), "eng"), (glued.group(2), "m")])
            continue
        out.append((w, flag))
    return out


# Conjunctions and prepositions jieba glues to the name after them (和普京, 同普京, 跟李克强).
_JOINING = frozenset("和与同跟及对向把被给从")
_NAME_TAGS = ("nr", "ns", "nt")


def _without_joined_particles(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """jieba's words with a conjunction or preposition glued to a name split off it (习近平和普京 is cut
    习近平 / 和普京): the particle and the name become words of their own when the rest is a name."""
    out: list[tuple[str, str]] = []
    for w, flag in tagged:
        if len(w) >= 3 and w[0] in _JOINING and _HAN.match(w):
            rest = tag(w[1:])
            if len(rest) == 1 and rest[0][1].startswith(_NAME_TAGS):
                out.extend([(w[0], "c"), rest[0]])
                continue
        out.append((w, flag))
    return out


# Words about news itself (dropped: 疫情新闻 asks for news of 疫情) that begin names of things (新闻中心).
_META_WORDS = frozenset("新闻 消息".split())


def _with_meta_names(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A word about news followed by a noun is the start of a name: 两会新闻中心 is cut 两会 / 新闻 / 中心,
    and 新闻中心 is one term (新闻 alone would be dropped as asking for news)."""
    out: list[tuple[str, str]] = []
    for w, flag in tagged:
        if out and out[-1][0] in _META_WORDS and flag in ("n", "nz", "nt", "ns") and len(w) > 1:
            out[-1] = (out[-1][0] + w, flag)
            continue
        out.append((w, flag))
    return out


@dataclass
class _Group:
    text: str
    alone: bool = False  # made of weak words only
    suffixed: bool = False


def _ends_a_rate(tagged: list[tuple[str, str]], i: int) -> bool:
    """Whether the i-th tagged word is `RATE_SUFFIX` right after a word of two Han characters or more and
    before no noun it would lead (率团): the end, punctuation, a question word, a stop word or a verb
    (复工率达到多少) follow it."""
    if tagged[i][0] != RATE_SUFFIX or i == 0 or not _HAN_WORD.fullmatch(tagged[i - 1][0]):
        return False
    after, flag = tagged[i + 1] if i + 1 < len(tagged) else ("", "")
    return not pieces(after) or after in STOP_WORDS or after in QUESTION_WORDS or flag.startswith("v")


def _weak(word: str) -> bool:
    """A word too short to stand alone as a term: one Han character, or a bare number."""
    return (len(word) == 1 and bool(_HAN.match(word))) or bool(_DIGITS.fullmatch(word))


def _tokens_of(text: str) -> str:
    """The searchable part of a normalised string (its pieces, single spaced)."""
    return " ".join(p.text for p in pieces(text))


# Words joining alternatives: `A OR B`, `A 或 B`, `A 或者 B`, `A | B` (between spaces).
OR_WORDS = frozenset({"or", "或", "或者", "|", "｜"})


# The words of a description of a person (`describes_person`) from which it is read as a question: what the
# person heads or belongs to and more (中国 驻 德国 大使). Shorter ones (乡村 医生, 北京 市长) are keyword searches
# that keep every word, unless typed as a phrase (外汇局的新闻发言人, 那个…的村民).
DESCRIPTION_TERMS = 3
_PHRASE_MARKS = re.compile(r"的|那个|那位|这个|这位")


def parse_query(text: str, *, today: date | None = None) -> ParsedQuery:
    """Understand a raw query. Never raises.

    Relative dates (昨天, 上周二, 最近一周) are resolved against `today` (the chat's day); without it
    they are left out of the words and do not filter. A description of a person typed without a question
    word (`asks_who_at_length`: 2019年2月和栗战书会谈的伊朗议长) is read as the question it is."""
    parsed = _parse(text, today=today, as_question=False)
    if not parsed.question and asks_who_at_length(parsed):
        return _parse(text, today=today, as_question=True)
    return parsed


# Marks ending a clause (a long message is cut after the last of them within its limit: `clipped`).
_CLAUSE_END = re.compile(r"[，,。；;？?！!\n]")


def clipped(text: str, limit: int) -> str:
    """`text` if it is at most `limit` characters long, else its first `limit` characters cut after the last
    clause mark among them (…进展如何，), so that the part searched ends with a whole clause; the first `limit`
    characters when they hold no mark. Pure."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in _CLAUSE_END.finditer(head)]
    return head[: ends[-1]] if ends else head


def asks_who_at_length(parsed: ParsedQuery) -> bool:
    """Whether a query read as keywords describes a person (`describes_person`) in `DESCRIPTION_TERMS` words or
    more, or as a phrase (with 的 or 那个): it asks who."""
    long = len(parsed.terms) >= DESCRIPTION_TERMS or _PHRASE_MARKS.search(parsed.asked) is not None
    return long and not parsed.groups and describes_person(parsed.asked)


def _parse(text: str, *, today: date | None, as_question: bool) -> ParsedQuery:
    """`parse_query`, reading the query as a question when `as_question` (or when it asks one)."""
    raw = text if isinstance(text, str) else str(text)
    # "A NOT B" (search-engine habit, in capitals) means -B, and so does "NOT B" at the start; AND and OR
    # are dropped as function words.
    # HTML character references (&amp; &lt;b&gt;, from a page's source) are the characters they stand for.
    s = _NOT_OPERATOR.sub(" -", unescape_entities(clipped(raw, MAX_QUERY_CHARS)))
    s = _ENGLISH_CLITIC.sub("", fold(s).translate(_QUOTES).translate(_DASHES))
    s = without_tone_marks(s)  # yínlián: pinyin typed with its tone marks, as one word
    # Invisible format characters (zero-width space, BOM, direction marks) go; other controls split words.
    s = "".join(ch if ch.isprintable() else " " for ch in s if unicodedata.category(ch) != "Cf")
    s = without_markup(s)  # pasted tags (<b>保交楼</b>) are not words to find
    # An English question word typed as a name (WHO说了什么) is a word to find, not a question word (AND, OR
    # and NOT in capitals stay operators).
    names = named_in(raw, ENGLISH_QUESTION_WORDS)
    asks_in_english = any(m.group() not in names for m in _ENGLISH_QUESTION.finditer(s))
    question = as_question or bool(_QUESTION_MARKS.search(s)) or asks_in_english
    # A question is read in its written form (几时 → 什么时候, 19年2月 → 2019年2月, 请问-like openers dropped).
    typed, s = s, written_form(s, question=question)
    written = s if s != typed else ""

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

    # A question keeps the part of a year it names (去年年底, 今年上半年) as a word, as it does with the year
    # typed out (2019年上半年): stories print the part, often after it ended.
    resolving_day = today or ANY_TODAY
    periods, s = relative_periods(s, resolving_day, keep_parts=question)
    spans, s = day_ranges(s, resolving_day)
    periods += spans
    if today is None:
        periods = []
    impossible = no_such_dates(s)
    dates, s = extract_dates(s, latest_year=today.year if today else LAST_YEAR)
    impossible += [d.text for d in dates if d.span(resolving_day) is None]

    chunks = s.split()
    positive: list[str] = []
    groups: list[list[str]] = []
    joined = False  # the previous chunk was an OR word
    for i, chunk in enumerate(chunks):
        if chunk.lower() in OR_WORDS and positive and i + 1 < len(chunks):
            joined = True
            continue
        if chunk.startswith("-") and len(chunk) > 1:
            word = squeeze(chunk.lstrip("-"))
            if pieces(word):
                excluded.append(word)
            joined = False
            continue
        if joined:
            alternative = squeeze(_strip_question_phrases(chunk)[0])
            if pieces(alternative):
                if groups and groups[-1][-1] == positive[-1]:
                    groups[-1].append(alternative)
                else:
                    first = squeeze(_strip_question_phrases(positive.pop())[0])
                    groups.append([first, alternative] if pieces(first) else [alternative])
                positive.append(alternative)
            joined = False
            continue
        positive.append(chunk)
    in_groups = {w for g in groups for w in g}
    positive = [c for c in positive if squeeze(_strip_question_phrases(c)[0]) not in in_groups]

    content_chunks: list[str] = []
    found: list[tuple[str, bool]] = []
    unglued: list[tuple[str, bool]] = []  # the same without single characters glued on as suffixes
    for chunk in positive:
        stripped, hit = _strip_question_phrases(chunk)
        question = question or hit
        if question:
            stripped = _without_pointers(stripped)
        for sub in _protect_phrases(stripped).split():
            if pieces(sub):
                content_chunks.append(sub)
                found.extend(_content_terms(sub, question, names=names))
                unglued.extend(_content_terms(sub, question, suffixes=False, names=names))
    strong = [t for t, lone in found if not lone]
    terms = strong if (strong or phrases) else [t for t, _ in found]
    strong_unglued = [t for t, lone in unglued if not lone]
    loose = _dedupe(phrases + strong_unglued)[:MAX_TERMS] if strong_unglued != strong else []

    if not phrases and not groups and set(terms) <= {p.part for p in periods if p.part}:
        terms = []  # only the part of a year (去年底有什么新闻): a list of that period's news
    as_typed = not terms and not phrases and not dates and not periods and not groups
    if as_typed:
        # Everything was a stop word ("的是", "什么"): search for what was typed after all, but for an English
        # question word beside Chinese (what 说了什么 asks as 说了什么 does; WHO typed as a name stays).
        typed_chunks = [squeeze(x) for x in positive]
        if any(_HAN.search(c) for c in typed_chunks):
            typed_chunks = [squeeze(_without_english_question_words(c, names)) for c in typed_chunks]
        terms = [c for c in typed_chunks if pieces(c)]
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
        loose_terms=tuple(loose) if loose and loose != all_terms else (),
        periods=tuple(periods[:4]),
        groups=tuple(tuple(_dedupe(g)) for g in groups if len(_dedupe(g)) > 1)
        + tuple((g[0],) for g in groups if len(_dedupe(g)) == 1),
        no_such_dates=tuple(_dedupe(impossible)),
        written=written,
        as_typed=as_typed and bool(all_terms),
    )


def _without_english_question_words(chunk: str, names: frozenset[str]) -> str:
    """`chunk` with its English question words blanked out, but for those typed as names (`names`)."""
    return _ENGLISH_QUESTION.sub(lambda m: m.group() if m.group() in names else " ", chunk)


def _protect_phrases(chunk: str) -> str:
    """Set off the synonym table's multi-word phrases (比去年) so that segmentation keeps them whole."""
    for p in PROTECTED_PHRASES:
        if p in chunk:
            chunk = chunk.replace(p, f" {p} ")
    return chunk


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for it in items:
        key = _tokens_of(it)
        if key and key not in seen:
            seen.add(key)
            out.append(it)
    return out


def with_printed_forms(parsed: ParsedQuery) -> ParsedQuery | None:
    """The query with each typed word of the synonym table (`storage.search.synonyms`, and the English names
    news prints in Chinese) turned into an OR group of its printed forms; None when no word is in them."""
    hits = [t for t in parsed.terms if has_printed_forms(t)]
    if not hits:
        return None
    kept = tuple(t for t in parsed.terms if not has_printed_forms(t))
    groups = tuple(printed_forms(t) for t in hits)
    return replace(parsed, terms=kept, groups=parsed.groups + groups, exact=None, loose_terms=())
