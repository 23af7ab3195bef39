"""Where: 在…举行/召开, a place the question lacks, a place of the level asked (哪个县), where to and where
from; and the ranking's cheap test of where something took place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from storage.search.answers.names import named_instances
from storage.search.answers.questions import KIND_PATTERNS, category_asked
from storage.search.answers.strength import NOTHING, PARTIAL, PLAIN, WEAK, Asked, is_noun, new, tags

_WHERE_ASKED = dict(KIND_PATTERNS)["where"]
_AT_PLACE = re.compile(
    r"在[\u4e00-\u9fff]{1,14}(?:举行|召开|开幕|举办|闭幕|会见|接见|出席|发表|落幕|火化|启动|开展|"
    # 在…揭牌, 在…开工, 在…签约, 在…亮相: a founding, a building or a showing at a place
    r"揭牌|挂牌|开工|竣工|落成|签约|亮相|首演|展出|成立|开馆|开园|通车|"
    # 在多米尼加首都圣多明各正式启幕: an opening (启幕, 揭幕, 开演, 开赛, 开通, 启用)
    r"启幕|揭幕|开演|开赛|开通|启用)|位于|地处|坐落|"
    # 我国在西昌卫星发射中心用长征二号丁运载火箭…: a site, then what was done there
    r"在[\u4e00-\u9fff]{2,12}?(?:中心|基地|发射场|机场|码头|港|车站|广场|体育场|体育馆|展览馆|会展中心)"
    r"(?:用|利用|采用|成功|进行|完成|实施|组织|顺利)"
)


def where_strength(sentence: str, asked: Asked) -> float:
    """位于…, 在…举行, or a place the question lacks (`place_names`). A question asking where to (开去哪,
    运到哪个国家) is answered by the place after a verb of heading (驶往马来西亚, 发往土耳其); one asking for
    a place of a level (哪个县, 哪个村) by a place of that level (红安县), another place is a part of it."""
    if _ORIGIN_ASKED.search(asked.query):
        return _origin_strength(sentence, asked)
    if _FROM_ASKED.search(asked.query) and new(_FROM_PLACE.findall(sentence), asked.known):
        return PLAIN  # 从哪个省来的: 从江西赶来驰援; 从哪儿掉下去的: 从5楼电梯井失足坠落
    if _done_at_place_asked(sentence, asked):
        return PLAIN  # 在什么地方排查到逃犯的: 刘瑛在一家旅店排查时得知…
    level = _LEVEL_ASKED.search(asked.query)
    if level is not None:
        asked_level = level.group(1) or level.group(2)
        ends = _LEVEL_ENDS.get(asked_level, (asked_level,))
        places = place_names(sentence, asked.known) + new(_level_places(sentence, ends), asked.known)
        if any(p.endswith(ends) and p not in ends for p in places):
            return PLAIN
        return min(WEAK, _place_strength(sentence, asked))  # a hint: a lower result may name the county
    category = category_asked(asked.query)
    institution = _institution_asked(category, asked.query) if category is not None else None
    if (
        category is not None
        and institution is not None
        and any(named_instances(sentence, kind, asked.known) for kind in (institution, category))
    ):
        # 在哪个大学当主任: 曾担任梅加特仑德大学中国中心主任; 哪个国家级自然保护区: 莫莫格国家级自然保护区
        return PLAIN
    if _HEADING_ASKED.search(asked.query):
        m = _HEADING.search(sentence)
        if m is not None and m.group(1)[:2] not in asked.known:
            return PLAIN
    return _place_strength(sentence, asked)


# Where from, asked (从哪个省来的, 从哪儿掉下去的), and as news writes it: 从, the place, then a verb of coming,
# leaving or falling (从江西赶来, 从5楼电梯井失足坠落, 从上海出发).
_FROM_ASKED = re.compile(r"从(?:哪|何处|何地|什么地方)")
_FROM_PLACE = re.compile(
    r"从([^，,。；;！!？?从]{2,10}?)(?:失足|不慎)?(?:赶来|赶到|赶赴|来到|归来|回来|返回|出发|起飞|启程|运来|调来|"
    r"飞来|运抵|坠落|坠下|掉下|跌落|摔下|跳下|来)"
)
# Where a deed was done, asked (在什么地方排查到逃犯的, 在哪里发现的), and as news writes it: 在, the place, then
# the deed (刘瑛在一家旅店排查时): the question's words after 在哪 that are no nouns are the deed. The place is of
# three characters or more: a kind alone (在医院工作) says not which one.
_AT_WHERE_ASKED = re.compile(r"在(?:哪里|哪儿|哪|什么地方|何处|何地)")


def _done_at_place_asked(sentence: str, asked: Asked) -> bool:
    """Whether the sentence writes 在, a place the question lacks, then a word of the deed asked about."""
    m = _AT_WHERE_ASKED.search(asked.query)
    if m is None:
        return False
    nouns = {w for w, tag in tags(asked.query) if is_noun(tag)}
    deeds = [t for t in asked.terms if len(t) >= 2 and t in asked.query[m.end() :] and t not in nouns]
    return any(
        place not in asked.known
        for t in deeds
        for place in re.findall(r"在([^，,。；;在]{3,12}?)" + re.escape(t), sentence)
    )


def _institution_asked(category: str, query: str) -> str | None:
    """The kind of thing a where question asks for, as the question writes it (在哪个大学 → 大学, 哪个国家级自然保护区
    → 国家级自然保护区: 哪 and a measure word before it, a kind of two characters or more perhaps qualified by the
    question's words), when it is no place word the where question reads itself (哪个社区, 哪个城市: answered by
    places, `_place_strength`), so that a name of that kind answers; None otherwise."""
    between = "[\u4e00-\u9fff]{0,4}?" if len(category) >= 2 else ""
    m = re.search("哪一?[个家所座](" + between + re.escape(category) + ")", query)
    if m is None or _WHERE_ASKED.search("哪个" + category) is not None:
        return None
    return m.group(1)


# Something done at a named place (在义乌市桥头村发现, 在广州打工): 在, a name of two characters or more with
# an administrative ending, then the deed (not 在全市, 在各区, 在本村: no place named).
_DONE_AT = re.compile(
    r"在(?![全各本该我此这那当])[\u4e00-\u9fff]{2,10}?(?:省|市|县|镇|乡|村|街道|社区)(?:的?[\u4e00-\u9fff]{0,6}?)"
    r"(?:发现|出土|建成|建设|开业|投产|打工|工作|生活|种植|养殖|创业|开办|办起|建起|找到|出生|长大|落地)|"
    # 在浙江大学医学院附属第一医院工作, 在县城一家服装厂打工: where someone works
    r"在[\u4e00-\u9fff]{2,14}?(?:医院|学校|小学|中学|大学|学院|公司|集团|工厂|厂|合作社|研究所|研究院)"
    r"(?:工作|上班|打工|任职|就职|当|做|读书|上学|就读|学习)"
)


# Where someone comes from or lives, or where something settled (家住开化县…, 出生于…村, 项目落户…开发区,
# 选址在…镇): the verb, then a place with its administrative ending.
_LIVES_AT = re.compile(
    r"(?:家住|住在|出生于|出生在|生于|来自|祖籍|老家在?|落户|落地|选址|扎根|安家|定居)(?:在|于)?"
    r"[\u4e00-\u9fff]{2,10}?(?:省|市|县|区|镇|乡|村|街道|社区|开发区|园区)|"
    # 刘入源是江宁镇长江村人: where someone comes from, written X是…人
    r"是(?![全各本该我此这那当])[\u4e00-\u9fff]{2,10}?(?:省|市|县|镇|乡|村)人(?![员士才民口们家])|"
    # 一家人从安徽芜湖来，…: where someone came from, the clause ending with 来
    r"从(?![全各本该我此这那当])[\u4e00-\u9fff]{2,8}?来(?=[，,。；;]|$)|"
    # 李学刚，河北省徐水县人，汉族: a life story opens with the name, then where the person comes from
    r"^[^，,。；;]{2,12}[，,](?![全各本该我此这那当])[\u4e00-\u9fff]{2,10}?(?:省|市|县|镇|乡|村)人[，,]"
)


# Where someone comes from or lives, asked (是哪个村的人, 哪里人, 家住哪里, 老家在哪): news answers with
# 家住…, 是…人, 来自… (`_LIVES_AT`); a place the person went to or worked at is a hint.
_ORIGIN_ASKED = re.compile(
    r"(?:哪|何)(?:里|儿|地|个[\u4e00-\u9fff]{1,2}|一个[\u4e00-\u9fff]{1,2})的?人|家住|住(?:在)?(?:哪|何)|"
    r"老家|籍贯|来自(?:哪|何)|出生(?:在|于)?(?:哪|何)"
)


# Where someone comes from as a life story gives it, in a clause of its own (陈玉新，1960年出生，河南省淮阳县人，汉族;
# 他是个九〇后，湖南岳阳人，…), and a home place named (回老家南阳过年, 家乡在…): the place may be one jieba knows
# (岳阳, 南阳) without an administrative ending.
_ORIGIN_CLAUSE = re.compile(r"[，,](?![全各本该我此这那当])([\u4e00-\u9fff]{2,10}?)人(?=[，,。；;]|$)")
_HOME_PLACE = re.compile(r"(?:老家|家乡|故乡|祖籍)(?:在|是|位于)?([\u4e00-\u9fff]{2,10})")


def _origin_strength(sentence: str, asked: Asked) -> float:
    """For where someone comes from or lives: the place after 家住 / 是…人 / 来自, in a clause of its own before
    人, or after 老家 / 家乡 plainly, another a hint."""
    if _LIVES_AT.search(sentence):
        return PLAIN
    named = [m.group(1) for m in _ORIGIN_CLAUSE.finditer(sentence)]
    named += [m.group(1) for m in _HOME_PLACE.finditer(sentence)]
    if any(
        (_ADMIN_END.search(place) or place_names(place, "")) and place not in asked.known for place in named
    ):
        return PLAIN
    return min(WEAK, _place_strength(sentence, asked))


def _place_strength(sentence: str, asked: Asked) -> float:
    if any(p.search(sentence) for p in (_AT_PLACE, _WENT_TO, _LIVES_AT, _DONE_AT)):
        return PLAIN
    if (
        place_names(sentence, asked.known)
        or new(_REGION.findall(sentence), asked.known)
        or new(_NAMED_AFTER_KIND.findall(sentence), asked.known)
    ):
        return PARTIAL
    return NOTHING


# A place news names after its kind, as it introduces one the reader may not know (该国中东部城市布里亚, 首都圣多明各,
# 港口城市蒙巴萨, 边境小镇…): the kind with a direction or a setting before it, then the name (its first two characters).
_NAMED_AFTER_KIND = re.compile(
    r"(?:(?:[东南西北中]{1,2}部|沿海|边境|港口|海滨|北方|南方)(?:城市|重镇|小镇|小城|港口|省份)|首都|首府|省会)"
    r"([\u4e00-\u9fff]{2})(?<![的和与及在是])"
)


# A region of a country or a province, as news names it by its direction (越南中南部地区, 西部山区, 东南沿海).
_REGION = re.compile(r"[东南西北中]{1,2}部(?:地区|沿海|山区|边境|一带)|[东南西北]{1,2}沿海")


# Where to: 开去哪, 运到哪个国家, 飞往何处; and the place after a verb of heading (该邮轮将驶往马来西亚).
_HEADING_ASKED = re.compile(r"(?:去|到|往|向|至)(?:哪|何处|何地|什么地方)|(?:去|到)了?哪")
_HEADING = re.compile(
    r"(?:驶往|前往|飞往|发往|运往|开往|送往|赶赴|奔赴|驶向|飞赴|运抵|运至|转往|撤往)([\u4e00-\u9fff]{2,12})"
)


# A place of a level asked for: 哪个县, 哪一个村, 哪个省; a street or a river asked by its measure word (哪条街,
# 哪条河).
_LEVEL_ASKED = re.compile(r"哪(?:个|一个)?(省|市|县|区|乡镇|镇|乡|村|街道|州|府)|哪一?条(街|路|巷|河|江)")
# 哪个乡镇: a town (镇) or a township (乡) answers; 哪条街: a street or a road (莱努合大街, 福山路); 哪条河: a river
# (沙里河, 赣江).
_LEVEL_ENDS = {
    "乡镇": ("乡", "镇"),
    "街": ("街", "路", "巷"),
    "路": ("路", "街", "大道"),
    "巷": ("巷", "胡同"),
    "河": ("河", "江"),
    "江": ("江", "河"),
}


# What follows a place's ending when the ending opens another word (村子, 村民, 村组干部, 县城, 市场, 省份).
_ENDING_OPENS_WORD = re.compile(r"[子民组干庄里级务委城场域份]")
# Characters no place name holds, which end the phrase before it (…一道为村子, 占全村, 从武汉回村).
_BEFORE_PLACE_NAME = "的为在是了这那该每各全本其此个些从到"


@lru_cache(maxsize=64)
def _level_pattern(ends: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:" + "|".join(ends) + ")")


def _level_places(sentence: str, ends: Sequence[str]) -> list[str]:
    """The names of a sentence ending like a place of the level asked (红安县, 睦和村, 沙里河): two characters or
    more before the ending, none of them one that ends a phrase (not 一道为村子 nor 占全村), the ending not opening
    another word (村民, 村组干部), and the name not a word for places in general (农村)."""
    out = []
    for m in _level_pattern(tuple(ends)).finditer(sentence):
        if _ENDING_OPENS_WORD.match(sentence, m.end()):
            continue
        name = m.group(1)
        cut = max(name.rfind(c) for c in _BEFORE_PLACE_NAME)
        place = name[cut + 1 :] + m.group(0)[len(name) :]
        if len(name) - cut - 1 >= 2 and not any(place.endswith(w) for w in _NO_PLACE):
            out.append(place)
    return out


# Going somewhere to do something (王毅赴清迈与敦举行战略磋商, 抵达莫斯科，开始国事访问): the place is
# between the verb of going and what was done there.
_WENT_TO = re.compile(
    r"(?:赴|抵达|前往|来到|到访)[\u4e00-\u9fff]{2,8}?(?:与|同|和|举行|出席|会见|参加|考察|调研|访问|进行|[，,。])"
)


# How a place's name ends (嵊州市, 棠张镇, 铜山区, 八镜台广场); and the endings a question may leave out
# (浙江 for 浙江省).
_PLACE_END = re.compile(
    r"(?:省|市|县|区|镇|乡|村|岛|湖|港|湾|海峡|广场|大会堂|基地|社区|公墓|郡|州|城|街道|机场|礼堂|"
    # a province of Thailand (清莱府), not a government or a seat (市政府, 学府, 首府, 王府)
    r"(?<![政学首王官])府)$"
)
_ADMIN_END = re.compile(r"(?<=..)(?:省|市|县|区|镇|乡|村|州)$")
# Words jieba may tag as places that name none (城市, 全国, 各地).
_NO_PLACE = frozenset(
    "城市 乡村 农村 城乡 全国 全省 全市 各地 各省 地方 国内 国外 海外 境内 境外 当地 本地 异地 外地 基层 沿海 内地 "
    "市区 郊区 山区 城区 社区 小区 景区 园区 地区".split()
)
PLACE_WORD = 3  # a word ending like a place names one when it is this long (城市, 农村, 社区 do not)


def place_names(sentence: str, known: str) -> list[str]:
    """The places a sentence names that the question lacks: the words jieba tags as places, the words of
    three characters or more ending like a place (棠张镇), and a name followed by such an ending (布琼布拉
    市). A place the question names without its administrative ending (浙江 for 浙江省) is no new place."""
    words = tags(sentence)
    found = []
    for k, (word, tag) in enumerate(words):
        if tag == "ns" and len(word) >= 2:
            found.append(word)
        elif len(word) >= PLACE_WORD and is_noun(tag) and _PLACE_END.search(word):
            found.append(word)
        elif k and _PLACE_END.fullmatch(word) and len(words[k - 1][0]) >= 2 and is_noun(words[k - 1][1]):
            found.append(words[k - 1][0] + word)
    return [p for p in found if p not in _NO_PLACE and p not in known and _ADMIN_END.sub("", p) not in known]


# What a preview writes before the place of an event to come (将于3月5日在北京开幕, 定于…在…举行).
_TO_COME = re.compile(r"将|定于|拟|计划|预计")


def held_at_place(text: str) -> bool:
    """在哪里开幕 / 在哪举行: a passage saying where something took place (在人民大会堂开幕, 位于…), not where it
    will (将于3月5日在北京开幕: a preview)."""
    for m in _AT_PLACE.finditer(text):
        clause = re.split(r"[，,。；;]", text[: m.start()])[-1]
        if not _TO_COME.search(clause):
            return True
    return False
