"""Small talk and how-to questions, recognised before anything is searched. Pure.

`INTENTS` is the table: each intent has the patterns a whole message must match (after punctuation,
emoji and a trailing 呀/啊/~ are set aside, case folded) and the `bot.chat.texts` key of its reply in
each language. Only a message that is clearly one of these is answered this way; anything else —
including a greeting followed by a question (你好，保交楼怎么样了) — is searched.

`detect_intent(message)` gives the intent (or None); `message_language(message, detected=, known=)` is the
one rule every chat follows for the language of a reply (before a /lang choice): `hello` from a
Chinese-language account is answered in English, and a message without letters (/help, 123, ？？？) in
the language the chat's earlier messages were answered in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.chat.replies import in_english_words
from storage.search.dates.relative import has_relative_date
from storage.search.pinyin import spelled_in_pinyin
from storage.search.query import MAX_QUERY_CHARS, parse_query
from storage.text.normalize import HAN_RANGES, normalize, unescape_entities, without_markup
from storage.text.numerals import NUMERAL_CHARACTERS, chinese_number


@dataclass(frozen=True)
class Intent:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    reply: str  # the key of the reply in bot.chat.texts (same key in every language)


def _intent(name: str, *patterns: str) -> Intent:
    return Intent(name, tuple(re.compile(p) for p in patterns), f"intent_{name}")


_HOW = r"(?:怎么|怎样|如何|咋|怎么样才能|怎样才能|如何才能|要怎么|该怎么|我想|我要|我想要)"
_PLEASE = r"(?:请问|请|麻烦|你好|您好)?"

# Order matters: the first intent whose pattern matches wins (unsubscribe before subscribe).
INTENTS: tuple[Intent, ...] = (
    _intent(
        "howto_unsubscribe",
        _PLEASE
        + _HOW
        + r"(?:取消|退订|关闭|停止|关掉|不再接收)(?:订阅|推送|摘要|每日新闻|每天的新闻)?(?:呢|吗)?",
        r".*(?:不想|不要|不用|别)再?(?:收到?|接收|推送|发).{0,8}(?:推送|摘要|订阅|新闻|消息)了?.{0,6}",
        r"(?:取消|退订)(?:订阅|推送)?(?:怎么弄|怎么办|怎么做|怎么操作)?",
        # 取消订阅保交楼, 帮我退订二七区: one subscription named, which /unsubscribe chooses by its number
        r"(?:请|麻烦)?(?:帮我|给我|我要|我想)?(?:取消订阅|取消推送|退订).{1,20}",
        r"how (?:do|can) i (?:unsubscribe|stop (?:the )?(?:digests?|news|messages))(?: .*)?",
    ),
    _intent(
        "howto_subscribe",
        _PLEASE + _HOW + r"(?:订阅|订|开通|设置|开启).{0,10}",
        _PLEASE
        + _HOW
        + r"(?:每天|每日|定时|天天|每早|每天早上).{0,4}(?:收到|接收|看到|推送|发送|获取).{0,10}",
        r"(?:能|可以)(?:每天|每日|定时)(?:给我)?(?:推送|发|发送).{0,10}(?:吗|么)?",
        _PLEASE + _HOW + r"(?:收到|接收|获取|看到)(?:每天|每日|定时)的?.{0,8}",
        r"订阅(?:怎么弄|怎么办|怎么做|怎么操作|是什么)?|订阅(?:新闻|每日新闻|摘要|每日摘要)",
        r"how (?:do|can) i (?:subscribe|get (?:a )?(?:daily )?(?:digest|news)).*",
    ),
    _intent(
        "howto_search",
        _PLEASE + _HOW + r"(?:搜索|搜|查找|查新闻|查询|查|找新闻|找文章|提问|问问题)(?:新闻|文章)?(?:呢|吗)?",
        r"(?:搜索|查询|查找)(?:有什么|有哪些)?(?:技巧|语法|方法|规则|用法)",
        r"how (?:do|can) i (?:search|find|look up).*",
    ),
    _intent(
        "coverage",
        r"你(?:都|这里|这儿)?(?:有|知道|收录了?|存了)(?:哪些|什么|多少|几篇)(?:新闻|文章|内容|报道)(?:呢|啊)?",
        r"(?:有|收录了?)(?:哪些|什么)(?:时间|日期|时候)的(?:新闻|文章)",
        r"(?:新闻|文章)(?:从|是)(?:什么|哪)(?:时候|天)(?:开始|到).*",
        r"what (?:news|articles) do you (?:have|know)",
    ),
    _intent(
        "help",
        r"(?:怎么用|怎么使用|如何使用|如何用|怎样使用|怎么玩|咋用|使用说明|使用方法|帮助|帮帮我|求助|说明|菜单|功能)",
        r"你(?:能|会|可以)(?:做|干)?(?:什么|啥|哪些事)(?:呢|啊)?",
        r"(?:你|您)?(?:能|会|可以)(?:做|干)(?:些)?(?:什么|啥|嘛|哪些事)(?:呢|啊)?",
        r"(?:有什么|有哪些)(?:功能|命令|用法)",
        r"help|what can you do|how (?:do i|to) use (?:this|you|newsbot)|commands",
    ),
    _intent(
        "clock",
        r"(?:现在|这会儿?)?(?:是)?几点(?:钟)?(?:了)?(?:呢)?",
        r"(?:今天|今儿|今日)(?:是)?(?:几号|几月几号|几月几日|星期几|礼拜几|周几|什么日子|哪天|几月几)(?:了)?(?:呢)?",
        r"(?:今天的?)?日期(?:是多少)?|现在的?时间|北京时间",
        r"what time is it(?: now)?|what(?: is|s) the (?:time|date)(?: today| now)?|what day is (?:it|today)",
    ),
    _intent(
        "identity",
        r"你是谁|你是什么|你是哪位|你叫什么(?:名字)?|你是(?:机器人|bot|ai|人工智能|真人)吗|你是干什么的|你是做什么的",
        r"who are you|what are you|what is your name|are you a bot",
    ),
    _intent(
        "presence",
        r"在吗|在不在|在么|有人吗|有人在吗|还在吗|hello\?|are you there|anyone there|you there",
    ),
    _intent(
        "greeting",
        r"(?:你好|您好|你们好|大家好|嗨|哈喽|哈啰|哈罗|喂|早上好|早安|上午好|中午好|下午好|晚上好|早|新年好|新年快乐)(?:呀|啊|哇|哦|啦)?",
        r"(?:hello|hi|hey|hiya|good (?:morning|afternoon|evening))(?: there)?",
    ),
    _intent(
        "thanks",
        r"(?:谢谢|多谢|感谢|谢了|谢啦|谢谢啦|辛苦了|好的谢谢|好的，谢谢)(?:你|您|你们)?(?:了|啦|啊)?",
        r"(?:thanks|thank you|thank u|thx|ty|cheers)(?: (?:a lot|very much|so much))?",
    ),
    _intent(
        "acknowledgement",
        r"(?:好的|好吧|好|嗯+|哦+|噢|喔|ok|okay|行|可以|知道了|明白了?|收到|了解|懂了)(?:了|啦|啊|呀|哈)?",
        r"(?:哈哈+|呵呵+|嘿嘿+|嘻嘻+)",
        r"(?:ok|okay|k|got it|i see|cool|nice|great)",
    ),
    _intent(
        "goodbye",
        r"(?:再见|拜拜|拜|回见|晚安|下次见|先这样|告辞)(?:了|啦|啊)?",
        r"(?:bye|goodbye|bye bye|see you|see ya|good night)",
    ),
)

# Particles and tildes after a word (你好啊, 谢谢～); laughter alone (哈哈哈) is the message itself.
_TRAILING = re.compile(r"(?<=[^呀啊哈~～])[呀啊哈~～]+$")


def clean(message: str) -> str:
    """The message as compared with the patterns: NFKC, lower case, no punctuation, symbols or emoji
    (a question mark is kept only inside English text), single spaces."""
    s = unicodedata.normalize("NFKC", message).lower()
    s = "".join(ch if not unicodedata.category(ch).startswith(("P", "S")) else " " for ch in s)
    s = " ".join(s.split())
    s = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", s)  # no spaces between Chinese words
    return _TRAILING.sub("", s).strip()


def detect_intent(message: str) -> Intent | None:
    """The small-talk or how-to intent the whole message expresses, or None (then it is searched)."""
    s = clean(message)
    if not s or len(s) > 40:
        return None
    for intent in INTENTS:
        if any(p.fullmatch(s) for p in intent.patterns):
            return intent
    return None


# "订阅进博会", "我要订阅 阅兵 国庆", "帮我订阅进博会的新闻": a subscription asked for in words, naming what
# to subscribe to (WeChat and the web page have no command menu; a reader writes what they want).
_SUBSCRIPTION_IN_WORDS = re.compile(
    r"(?:请|麻烦)?(?:帮我|给我|我要|我想|我想要)?订阅(?:一下)?\s*(?P<words>\S.*?)\s*"
    r"(?:的?(?:新闻|消息|资讯|报道|摘要|推送))?[\s。.!！~～]*"
)
# What follows 订阅 in asking for the digest itself: no words to name.
_NO_SUBSCRIPTION_WORDS = re.compile(
    r"(?:新闻|消息|资讯|报道|摘要|推送|每日|每天|全部|所有|服务|功能|号|了|过|吗|么|呢)+"
)
# A question about subscribing (订阅怎么弄, 订阅是什么, 订阅要钱吗): the how-to reply, no words to name.
_ASKING_HOW = re.compile(r"怎|如何|咋|什么|啥|吗|么|呢|多少")


# "我的订阅", "查看订阅", "订阅列表", "我订阅了什么", "my subscriptions": the chat's subscriptions, as /subscriptions
# lists them (WeChat and the web page have no command menu).
_SUBSCRIPTIONS_ASKED = re.compile(
    r"(?:请|麻烦)?(?:(?:查看|看看?|看一下|列出|显示)(?:一下)?(?:我的)?订阅(?:列表|清单)?"
    r"|我的订阅(?:列表|清单)?|订阅(?:列表|清单)|我(?:都|现在)?订(?:阅)?了(?:哪些|什么|啥)(?:新闻|关键词|内容)?"
    r"|我(?:都|现在)?有(?:哪些|什么|几个)订阅)(?:呢|吗|了)?"
    r"|(?:show |list |see )?(?:me )?my subscriptions|list subscriptions"
)


def subscriptions_asked(message: str) -> bool:
    """Whether `message` asks in words for the chat's subscriptions and nothing else (我的订阅, 订阅列表,
    我订阅了什么, my subscriptions)."""
    return _SUBSCRIPTIONS_ASKED.fullmatch(clean(message)) is not None


# The longest words named back as a command to send (a paste after 订阅 is searched as it is).
SUBSCRIPTION_WORDS_NAMED = 60


def subscription_asked(message: str) -> str | None:
    """The words a message asks in plain words to subscribe to (`订阅进博会` → 进博会, `我要订阅 阅兵 国庆` →
    阅兵 国庆), or None (not such a message, or nothing named: `订阅怎么弄`, `订阅新闻`, `我要订阅`)."""
    typed = unicodedata.normalize("NFKC", message).strip()
    found = _SUBSCRIPTION_IN_WORDS.fullmatch(typed)
    if found is None:
        return None
    words = " ".join(found.group("words").split())
    if len(words) > SUBSCRIPTION_WORDS_NAMED:
        return None
    if _NO_SUBSCRIPTION_WORDS.fullmatch(words) or _ASKING_HOW.search(words):
        return None
    if not any(ch.isalnum() for ch in words):
        return None
    return words


# What people put between the numbers of a list they type (/article 1 2, /unsubscribe 1,2): spaces, commas,
# the enumeration comma, semicolons, ASCII or full-width.
NUMBER_SEPARATORS = re.compile(r"[\s,，、;；]+")

# What readers put round a number they copy from a reply or type as they would write it: #3, 编号 3 (as
# /article and /subscriptions print it), No. 3, 第3篇, and a sentence's full stop at the end (3。).
_ID_LABELS = re.compile(
    r"(?:[#＃]|编号|編號|\bno\.?|第)\s*(?=[0-9０-９])|(?<=[0-9０-９])\s*[篇个個号號]|[。．.！!？?]+$",
    re.IGNORECASE,
)


def without_id_labels(args: str) -> str:
    """The numbers a command's arguments name without the labels round them: ``编号 3`` → ``3``,
    ``#1、#2。`` → ``1、2``, ``第3篇`` → ``3``; other text (``。`` alone too) as it is."""
    return _ID_LABELS.sub("", args).strip() or args.strip()


# A link as readers paste it: with its scheme, or starting www.
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)


def link_forms(message: str) -> list[str]:
    """When `message` is a link and nothing else (a reader pasting an article's address): the forms an
    article may be stored under (as pasted, with or without its closing slash, `www.…` with either
    scheme); else none."""
    link = message.strip()
    if not _LINK.fullmatch(link):
        return []
    scheme, found, rest = link.partition("://")
    if not found:  # www.…
        scheme, rest = "https", link
    other = "http" if scheme.lower() == "https" else "https"
    ends = [rest, rest[:-1] if rest.endswith("/") else rest + "/"]
    return [f"{s}://{end}" for s in (scheme, other) for end in ends]


def message_language(message: str, *, detected: str, known: str | None) -> str:
    """The language to answer `message` in when the chat chose none with /lang: English for a message in
    English words and Latin letters only (full-width ones too); for a message without letters, or whose
    only letters are Latin ones in no English word (`x`, `<b>x</b>`, `Hi`) (a bare command, digits,
    punctuation, emoji) the chat's `known` language (the one its earlier messages were answered in), else
    `detected`; Chinese for a Chinese sentence or question (`chinese_sentence`: what a Chinese reader
    writes, whatever the device names) and for Chinese keywords in a chat last answered in Chinese; the
    chat's `known` language for English words beside Chinese ones (`english_beside_chinese`); for
    any other message `detected` (Telegram's language_code, the browser's, the console's --lang; Chinese
    on WeChat, which tells none): Chinese keywords from a device naming English only (`疫情`, as the
    English help asks its readers to search) keep English. A device that names both languages (a
    browser's Accept-Language) detects Chinese for a message `written_in_chinese`."""
    letters = _language_letters(message)
    if not letters:
        return known or detected
    if all(ch.isascii() for ch in letters):
        return "en"
    if written_in_chinese(message) and (known == "zh" or chinese_sentence(message)):
        return "zh"
    if known is not None and english_beside_chinese(message):  # `Who is 虎荣鑫?`, `华为 Mate 60 发布会`
        return known
    return detected


# What makes Chinese words a sentence rather than keywords (read after full-width forms are folded): a
# full stop, question or exclamation mark (a comma may part keywords), a reader speaking of themselves or
# to the bot (我想看, 你好, 帮我找), a question's particle (有新闻吗).
_CHINESE_SENTENCE_MARK = re.compile(r"[。?!…]|[我你您吗呢]")


def chinese_sentence(message: str) -> bool:
    """Whether `message` is a Chinese sentence or question (`谁主持了统战工作会议`, `我想看台风的新闻`,
    `郑州的保交楼进展怎么样`), not Chinese keywords (`保交楼`, `疫情`, `人才电梯`) nor the phrases that turn a
    list or answer a question (还有吗, 第2篇, 确认), which the English replies teach their readers too."""
    if not written_in_chinese(message) or follows_a_list(message):
        return False
    words = _language_words(message)
    return bool(_CHINESE_SENTENCE_MARK.search(words)) or parse_query(words).question


def written_in_chinese(message: str) -> bool:
    """Whether `message` is written in Chinese characters with no English word beside them (`保交楼`,
    `NBA 总决赛`, `x 保交楼`; not `who is 樊惠林`, an English question about a Chinese name)."""
    words = _language_words(message)
    return bool(_HAN_CHARACTER.search(words)) and not in_english_words(_HAN_CHARACTER.sub(" ", words))


def english_beside_chinese(message: str) -> bool:
    """Whether `message` holds English words beside Chinese characters (`Who is 虎荣鑫?`: an English
    reader naming a Chinese person; `华为 Mate 60 发布会`: a Chinese reader naming a product), which tells
    neither language."""
    words = _language_words(message)
    return bool(_HAN_CHARACTER.search(words)) and in_english_words(_HAN_CHARACTER.sub(" ", words))


def has_letters(message: str) -> bool:
    """Whether `message` says anything about its language (`message_language`)."""
    return bool(_language_letters(message))


# Latin letters written onto a number (8:00pm, 4th, 5G, A4) are part of it, in any language.
_LETTERS_ON_A_NUMBER = re.compile(r"(?<=[0-9])[A-Za-z]+|[A-Za-z]+(?=[0-9])")
# Acronyms and brand names (GDP, NBA, APEC, iPhone, WeChat) are typed in Latin letters in any language: a
# Chinese reader searching GDP is not writing English. Words in capitals, or with a capital after a small
# letter, tell no language.
_NAME_IN_LATIN = re.compile(r"\b(?:[A-Z]{2,}s?|[A-Za-z]*[a-z][A-Z][A-Za-z]*)\b")
# "ok" is typed by Chinese readers as much as by English ones: it tells no language either.
_ANY_LANGUAGE_WORDS = re.compile(r"\b(?:ok|okay)\b", re.IGNORECASE)


# A Chinese character (the forms `storage.text.normalize` reads as Chinese).
_HAN_CHARACTER = re.compile(f"[{HAN_RANGES}]")


# A script or style element pasted with a message (`<script>alert(1)</script>`): code, in no language.
_CODE_ELEMENT = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
# A script address pasted (`javascript:alert(1)`, `vbscript:msgbox(1)`): code too, in no language.
_SCRIPT_ADDRESS = re.compile(r"\b(?:javascript|vbscript|livescript):\S*", re.IGNORECASE)


def _language_words(message: str) -> str:
    """`message` as the reader sees it (HTML character references read, markup tags, script and style
    elements, script addresses and links left out, full-width forms folded), without the letters that
    tell no language: those on a number, acronyms and brand names in Latin letters, `ok`."""
    seen = unicodedata.normalize("NFKC", without_markup(_CODE_ELEMENT.sub(" ", unescape_entities(message))))
    without_links = _LINK.sub(" ", _SCRIPT_ADDRESS.sub(" ", seen))
    return _ANY_LANGUAGE_WORDS.sub(" ", _NAME_IN_LATIN.sub(" ", _LETTERS_ON_A_NUMBER.sub("", without_links)))


def _language_letters(message: str) -> list[str]:
    """The letters of `message` that tell its language: as the reader sees them (HTML character
    references read, markup tags and links left out, full-width forms folded), not those of a number;
    Latin letters alone tell English only when they make an English word (`replies.in_english_words`),
    so a stray letter (`x`, what is left of `<b>x</b>`) tells nothing, nor do words that spell pinyin and no
    common English word (`yinlian`, `yin lian`: a Chinese reader whose input method was off)."""
    words = _language_words(message)
    letters = [ch for ch in words if ch.isalpha()]
    if all(ch.isascii() for ch in letters) and (not in_english_words(words) or spelled_in_pinyin(words)):
        return []
    return letters


# "下一页", "更多", "next": the next page of the chat's last results, as ▶ turns it (WeChat shows no ▶);
# 下一批, 换一换, 继续 are how readers ask for more of a list too.
_NEXT_PAGE = re.compile(
    r"(?:下一?[页批]|翻页|更多(?:结果)?|还有吗|换一[批换]|继续|再多?来(?:几|一些|一点|点|一批)?(?:条|篇)?(?:吧|呗)?"
    r"|next(?: ?page)?|more)"
    r"[\s。.!！?？~～]*",
    re.IGNORECASE,
)
# Spaces beside a Chinese character (下 一 页): Chinese is written without them.
_SPACE_BY_CJK = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


def _as_typed(message: str) -> str:
    """`message` as any keyboard types it: full-width forms folded, no spaces beside a Chinese character."""
    return _SPACE_BY_CJK.sub("", unicodedata.normalize("NFKC", message).strip())


# "上一页", "前一页", "previous": the page before, as ◀ turns it.
_PREVIOUS_PAGE = re.compile(r"(?:[上前]一?[页批]|prev(?:ious)?(?: ?page)?)[\s。.!！?？~～]*", re.IGNORECASE)
# "第2页", "第二页", "page 2": that page of the chat's last results.
_PAGE_NUMBER = re.compile(
    rf"(?:第([0-9]+|[{NUMERAL_CHARACTERS}]+)页|page ?([0-9]+))[\s。.!！?？~～]*", re.IGNORECASE
)


@dataclass(frozen=True)
class PageAsked:
    """A page of the chat's last results asked for in words: `step` pages on from the one shown (下一页 +1,
    上一页 -1), or page `number` counted from 1 (第2页; 0 for 第0页, which no results have)."""

    step: int = 0
    number: int | None = None

    def page_from(self, shown: int) -> int:
        """The page asked for (0 the first) when page `shown` (0 the first) was shown last."""
        return self.number - 1 if self.number is not None else shown + self.step


NEXT_PAGE = PageAsked(step=1)


def page_asked(message: str) -> PageAsked | None:
    """The page `message` asks for and nothing else (下一页, 下页, 下一批, 翻页, 更多, 还有吗, 换一批, 再来几条,
    继续, next, more; 上一页, 前一页, previous; 第2页, 第二页, page 2), read as typed on any keyboard
    (full-width forms, spaces between the characters: 下 一 页); None for anything else."""
    typed = _as_typed(message)
    if _NEXT_PAGE.fullmatch(typed):
        return NEXT_PAGE
    if _PREVIOUS_PAGE.fullmatch(typed):
        return PageAsked(step=-1)
    numbered = _PAGE_NUMBER.fullmatch(typed)
    if numbered is None:
        return None
    number = chinese_number(numbered.group(1) or numbered.group(2))
    return PageAsked(number=number) if number is not None else None


# "第3篇", "打开第2条", "看第三篇", "说说第一条": a result of the chat's last list, by the number it is listed
# under (WeChat has no 📖 buttons). Without 第, a verb must ask for it (打开3, 看2篇): "3篇" alone may be a count
# searched for.
_RESULT_NUMBER = re.compile(
    rf"(?:(?:打开|点开|看看?|读|我要看|我想看|给我看|(?:详细)?(?:说说|讲讲)|介绍一下)\s*第?|第)"
    rf"([0-9]+|[{NUMERAL_CHARACTERS}]+)\s*"
    r"(?:篇|条|个)?(?:文章|新闻|报道|结果)?(?:吧|呢|啊)?[\s。.!！?？~～]*"
)


# "1", "2", "#3": a number alone, as the terminal's numbered buttons are pressed and WeChat's numbered list
# is answered (a # before it, as lists show numbers, names the same item); one or two digits (a longer
# number, 2023 or 12345, is searched).
_BARE_NUMBER = re.compile(r"(?:#\s*)?([0-9]{1,2})[\s。.!！?？~～]*")

# "open 2", "read #3", "show me number 2": the English for 打开第2条.
_RESULT_NUMBER_IN_ENGLISH = re.compile(
    r"(?:open|read|show(?: me)?)\s+(?:(?:no\.?|number|#)\s*)?([0-9]+)[\s.!?]*", re.IGNORECASE
)


# "第3个订阅", "看第二个订阅", "订阅#3", "#3订阅", "subscription 3": one of the chat's subscriptions by the number
# its lists show, which only the subscription commands take.
_SUBSCRIPTION_NUMBER = re.compile(
    rf"(?:(?:打开|看看?|查看|我的)?第([0-9]+|[{NUMERAL_CHARACTERS}]+)(?:个|条|份|项)?订阅|订阅\s*#\s*([0-9]+)|#\s*([0-9]+)\s*订阅"
    r"|subscription\s*(?:no\.?|number|#)?\s*([0-9]+))(?:吧|呢|啊)?[\s。.!！?？~～]*",
    re.IGNORECASE,
)


def subscription_number_asked(message: str) -> int | None:
    """The number of the chat's subscription `message` names and nothing else (第3个订阅, 订阅#3,
    subscription 3), read as typed on any keyboard; None for anything else."""
    found = _SUBSCRIPTION_NUMBER.fullmatch(_as_typed(message))
    if found is None:
        return None
    return chinese_number(next(g for g in found.groups() if g is not None))


def result_asked(message: str) -> int | None:
    """The number (from 1; 0 for 第0篇, which no result has) of the listed result `message` asks to open and
    nothing else (第3篇, 打开第2条, 看第三篇, 打开3, a number of one or two digits alone, open 2), read as
    typed on any keyboard; None for anything else (第2页 is a page: `page_asked`)."""
    typed = _as_typed(message)
    bare = _BARE_NUMBER.fullmatch(typed) or _RESULT_NUMBER_IN_ENGLISH.fullmatch(typed)
    if bare is not None:
        return int(bare.group(1))
    found = _RESULT_NUMBER.fullmatch(typed)
    if found is None or typed.startswith("第") and not re.search(r"[篇条个]|文章|新闻|报道|结果", typed):
        return None  # 第3 alone names nothing listed
    return chinese_number(found.group(1))


# "最新消息", "最近有什么新闻", "今天的新闻": asking for the latest articles, not for these words.
_RECENCY = re.compile(
    r"最新|最近|近期|近来|这几天|这两天|今天|今日|本周|这周|这星期|本月|这个月|latest|recent|today"
)
# "what's new" asks for the news as "latest news" does.
_NEWS_WORD = re.compile(r"新闻|消息|资讯|头条|动态|news|(?<![a-z])what(?:['’]?s| is) new(?![a-z])")
_LATEST_FILLER = re.compile(
    r"最新|最近|近期|近来|这几天|这两天|今天|今日|本周|这周|这星期|本月|这个月|新闻|消息|资讯|动态|头条|报道|文章|内容|"
    r"发生了|发生|有什么|有啥|有哪些|有没有|什么|啥|看看|看一下|给我|来点|一下|请问|请|我想|我要|想|要|看|有|知道|了|的|"
    r"吗|呢|吧|呀|啊|"
    r"(?<![a-z])(?:latest|recent|today|news|what|is|are|the|s|any|show|me|please|articles?|stories|new)(?![a-z])|"
    r"[\s\W_]"
)


def asks_for_latest(text: str) -> bool:
    """Whether `text` only asks for the latest news (最新消息, 最近有什么新闻, 新闻, latest news); a
    named day or period (今天的新闻, 最近一周) is a date question instead."""
    s = normalize(text if isinstance(text, str) else "")[:MAX_QUERY_CHARS]
    if not s or has_relative_date(s) or _LATEST_FILLER.sub("", s):
        return False
    return bool(_RECENCY.search(s) or _NEWS_WORD.search(s))


# A day or period after today, asked for alone (明天有什么新闻, 后天的新闻, 下周, tomorrow's news): no story is
# dated there yet.
_FUTURE_PERIODS = frozenset(
    "明天 明日 后天 大后天 下周 下星期 下礼拜 下个星期 下个礼拜 下个月 下月 明年".split()
) | {"tomorrow", "next week", "next month", "next year"}


def future_period_asked(text: str) -> str | None:
    """The day or period after today that `text` asks the news of and nothing else (明天有什么新闻 → 明天,
    下周的新闻 → 下周, tomorrow's news → tomorrow); None for anything else (明天的天气, 中国的明天)."""
    parsed = parse_query(normalize(text if isinstance(text, str) else "")[:MAX_QUERY_CHARS])
    if parsed.dates or parsed.periods or parsed.groups or parsed.excluded or parsed.phrases:
        return None
    named = " ".join(parsed.terms)
    return named if named in _FUTURE_PERIODS else None


# The answer to a /forget question typed where its buttons are missing (WeChat) or not pressed: 确认,
# 确认删除 (the button's own words), yes; 取消, 不删了, cancel.
_FORGET_YES = re.compile(r"(?:确[认定]|確[認定])(?:删除|刪除)?|删除|刪除|confirm|yes|delete")
_FORGET_NO = re.compile(r"取消|不删了?|不刪了?|算了|cancel|no")
_ANSWER_MARKS = re.compile(r"[\s。.!！~～]*")


def forget_answer(message: str) -> bool | None:
    """What `message` answers to a /forget question, as typed on any keyboard: True to delete (确认,
    确认删除, 确定, confirm, yes), False to keep (取消, 不删了, cancel, no); None for anything else."""
    typed = _ANSWER_MARKS.sub("", _as_typed(message)).lower()
    if _FORGET_YES.fullmatch(typed):
        return True
    if _FORGET_NO.fullmatch(typed):
        return False
    return None


def follows_a_list(message: str) -> bool:
    """Whether `message` asks for a page or a result of the last list (还有吗, 下一页, 第2篇) or answers a
    /forget question (确认, 取消): the phrases a reader types where no button is at hand."""
    return (
        page_asked(message) is not None
        or result_asked(message) is not None
        or forget_answer(message) is not None
    )
