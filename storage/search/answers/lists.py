"""Which: an enumeration (一是…二是…, A、B、C), plainest when its items are of the kind asked for; the
places of a visit; and the ranking's cheap test of a name or a list of the kind asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from storage.search.answers.names import DOCUMENTS, QUOTED_NAME, named_instances
from storage.search.answers.people import PEOPLE_ASKED, new_names
from storage.search.answers.places import place_names
from storage.search.answers.questions import category_asked
from storage.search.answers.strength import LIKELY, NOTHING, PARTIAL, PLAIN, SOME, WEAK, Asked, new

# How news follows a visit from place to place: 来到…, 走进…, 先后到…调研, 在…，李强详细了解….
_VISITED = re.compile(
    r"来到|走进|前往|深入(?=[^，,。；;]{0,6}(?:基层|一线|田间|社区|企业|农村|乡村|村|矿|车间|工地|现场))|走访|先后到|实地察看|(?:^|[，,])在[\u4e00-\u9fff]{2,12}[，,][\u4e00-\u9fff]{2,4}(?:详细)?了解|"
    r"到[\u4e00-\u9fff]{2,12}(?:调研|考察|看望|察看)"
)
# (the verb of the visit may stand a place before 哪: 去了广东哪些城市)
PLACES_ASKED = re.compile(
    r"哪些地方|哪几个地方|哪些地点|(?:去了|到了|去过|考察了|调研了|走访了)[\u4e00-\u9fff]{0,4}?哪"
)
ENUMERATION = re.compile(
    r"[一二三四五六七八九十]是|[一二三四五六七八九十]要|首先|其次|第[一二三四五六七八九十][，,]"
)
# A list after a colon, its items parted by semicolons (重点检查7方面内容：…；…); normalised text holds ASCII
# colons and semicolons, typed text the full-width ones.
_COLON_LIST = re.compile(r"[：:].*[；;]|[；;].*[：:]")
_LISTED = re.compile(r"分别是|分别为|依次是|包括[^。；;]{2,}、")


_LIST_OF = (
    "{head}、|、[^，,。；;、]{{1,12}}{head}(?:、|和|及|与|等)|等[^，,。；;、]{{0,4}}{head}|"
    # 分为A、B和C三个板块: the list, then how many items of the kind asked for
    "、[^，,。；;、]{{1,16}}?(?:和|及|与|、)[^，,。；;、]{{1,16}}?[两二三四五六七八九十\\d]+[个大类项]?{head}"
)


@lru_cache(maxsize=256)
def _list_pattern(category: str) -> re.Pattern[str]:
    return re.compile(_LIST_OF.format(head=re.escape(category)))


def _listed_of(sentence: str, category: str) -> bool:
    """A list of things of the kind asked for: 人民日报社、新华社等单位, 综艺频道、中文国际频道."""
    return "、" in sentence and category in sentence and _list_pattern(category).search(sentence) is not None


# A list right after the word for its kind (作家双雪涛、班宇、郑执; 嘉宾张三、李四): its items are of that kind.
_LIST_AFTER = "{head}[^，,。；;、的]{{1,8}}、[^，,。；;、]{{1,8}}"


@lru_cache(maxsize=256)
def _list_after_pattern(category: str) -> re.Pattern[str]:
    return re.compile(_LIST_AFTER.format(head=re.escape(category)))


def _listed_after(sentence: str, category: str) -> bool:
    """A list written after the word of the kind asked for (作家双雪涛、班宇、郑执 for 哪几个作家)."""
    return (
        "、" in sentence
        and category in sentence
        and _list_after_pattern(category).search(sentence) is not None
    )


# What the listed ones did together, written right after the list (…、…联合印发, …、…共同主办).
_TOGETHER = "(?:联合|共同|一起|一道|分别|先后)?"


def _list_doing(sentence: str, asked: Asked) -> bool:
    """Whether a list's last item is followed by a word the question asks the list for, written after its
    asking word (哪几个部门印发的 → …、工业和信息化部联合印发): the list is of those who did it."""
    if "、" not in sentence:
        return False
    m = re.search(r"哪(?:些|几)", asked.query)
    if m is None:
        return False
    after = asked.query[m.end() :]
    return any(
        re.search("、[^，,。；;、]{1,12}?" + _TOGETHER + re.escape(t), sentence)
        for t in asked.terms
        if len(t) >= 2 and t in after
    )


# What joins a list to the group it makes up, the name the question asks the members of (以奥地利、荷兰、瑞典和丹麦
# 组成的“节俭四国”, A、B并称…); a list cut short by 等 before its kind is less than a list (`_cut_short`).
_FORMING = re.compile(
    r"、[^，,。；;、]{1,12}?(?:组成的?|构成的?|合称|并称|统称|被称为)[“「\"]?([\u4e00-\u9fff]{2,})"
)


def _list_forming(sentence: str, asked: Asked) -> bool:
    """Whether a list leads into a word the question writes before its asking word (节俭四国都是哪几个 → …、瑞典和
    丹麦组成的“节俭四国”): the list is of the group's members."""
    m = re.search(r"哪(?:些|几)", asked.query)
    if m is None or "、" not in sentence:
        return False
    before = asked.query[: m.start()]
    words = [t for t in asked.terms if len(t) >= 2 and t in before]
    return any(f.group(1).startswith(t) for f in _FORMING.finditer(sentence) for t in words)


# A list cut short after its second item, then what it lists (地灯戏、河蚌舞等表演 for 民俗表演有哪些; 法国、希腊等15个
# 国家): news names a longer list by its first items, 等 and their kind or their number (not 平等, 相等, 等待).
_CUT_SHORT = re.compile(r"、[^，,。；;、]{1,12}?(?<![平相对均])等(?![待候级同于])([^，,。；;、]{0,6})")
_COUNTED = re.compile(r"^(?:\d+|[两三四五六七八九十百]+)(?:多|余)?[个家项种类批名位所座条部]")


def _cut_short(sentence: str, asked: Asked) -> bool:
    """Whether a list of two cut short by 等 is followed by its number or by a word of the question (its kind):
    more of a list than two items alone, less than three."""
    return any(
        _COUNTED.match(after) or any(len(t) >= 2 and after.startswith(t) for t in asked.terms)
        for after in (m.group(1) for m in _CUT_SHORT.finditer(sentence))
    )


# Documents asked for by their kind at the end of what is asked (哪些国家安全方面的法律, 出台了哪几份文件): news prints
# laws, plans and documents by their titles in 《》, so titles listed are documents of the kind.
_LIST_ASKED_TAIL = re.compile(r"哪(?:些|几)[^，,。？?；;]*")


def _documents_asked(query: str) -> bool:
    """Whether the words after 哪些 / 哪几 end with a kind of document (法律, 文件, 方案…)."""
    m = _LIST_ASKED_TAIL.search(query)
    return m is not None and any(m.group(0).endswith(d) for d in DOCUMENTS)


def which_strength(sentence: str, asked: Asked) -> float:
    """An enumeration (一要…二要…, 分别是…, 《A》《B》, A、B、C), plainest when its items are of the kind
    asked for (哪些单位: 人民日报社、新华社等单位)."""
    category = category_asked(asked.query)
    if category is not None and (_listed_of(sentence, category) or _listed_after(sentence, category)):
        return PLAIN
    if _list_doing(sentence, asked) or _list_forming(sentence, asked):
        # 哪几个部门印发的: 中央网信办、农业农村部…联合印发; 节俭四国都是哪几个: …组成的“节俭四国”
        return PLAIN
    if PEOPLE_ASKED.search(asked.query) and "、" in sentence and len(new_names(sentence, asked.known)) >= 2:
        return PLAIN  # 有哪些领导人: 习近平、王沪宁、蔡奇等
    if PLACES_ASKED.search(asked.query):
        # 考察了哪些地方: 李强来到…和机器人谷; a sentence naming no place lists none of them
        if _VISITED.search(sentence):
            return PLAIN
        return PARTIAL if place_names(sentence, asked.known) else NOTHING
    if ENUMERATION.search(sentence) or _COLON_LIST.search(sentence):
        return PLAIN  # 一要…二要…, 重点检查7方面内容：…；…
    if _LISTED.search(sentence):
        return PLAIN  # 分别是…, 包括…
    titles = new([m.group(1) for m in QUOTED_NAME.finditer(sentence)], asked.query)
    if len(titles) >= 2:
        return PLAIN if _documents_asked(asked.query) else LIKELY  # 《A》《B》《C》
    items = sentence.count("、")
    if items >= 2:
        return PARTIAL
    if items == 1 and _cut_short(sentence, asked):
        return SOME
    return WEAK if items == 1 or "和" in sentence else NOTHING


def instance_test(query: str, terms: tuple[str, ...], kind: str) -> Callable[[str], bool] | None:
    """什么战斗机 / 叫什么村 / 哪些单位: a passage holding a name of the kind asked for (F-18战斗机, 约特村), or
    for 哪些 a list of them (人民日报社、新华社等单位); None when the question names no kind of thing."""
    category = category_asked(query, as_ranked=True)
    if category is None:
        return None
    known = query + "".join(terms)
    if kind == "which":
        return lambda text: (
            _listed_of(text, category) or bool(named_instances(text, category, known, before_etc=False))
        )
    return lambda text: bool(named_instances(text, category, known, before_etc=False))
