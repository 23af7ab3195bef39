"""Name and what: a quoted name, a name written before the kind asked for (约特村), one after 名为 / 叫 / 称,
a code of letters and digits, a former name, a post, a work's title.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storage.search.answers.people import POST
from storage.search.answers.questions import category_asked
from storage.search.answers.strength import (
    FAINT,
    LIKELY,
    NOTHING,
    PLAIN,
    SOME,
    WEAK,
    Asked,
    is_noun,
    new,
    tags,
)

QUOTED_NAME = re.compile(r"[《“「\"]([^》”」\"]{2,30})[》”」\"]")


def new_quoted(sentence: str, asked: Asked, pattern: re.Pattern[str] = QUOTED_NAME) -> list[str]:
    """The names a sentence quotes (“…”, 《…》) that the question does not give: a name the question quotes whole, or
    writes outside its own quoted names, is given; a shorter name inside a title it quotes is another one (《乡愁》
    is the theme song of 纪录片《记住乡愁》)."""
    quoted = [m.group(1) for m in QUOTED_NAME.finditer(asked.query)]
    outside = QUOTED_NAME.sub("|", asked.query)
    terms = [t for t in asked.terms if not any(t in q for q in quoted)]
    given = "|".join([outside, *terms])
    return [
        m.group(1)
        for m in pattern.finditer(sentence)
        if m.group(1) and m.group(1) not in quoted and m.group(1) not in given
    ]


_NAMED = re.compile(
    r"(?:名为|叫做|称为|命名为|取名|代号|简称|全称|被称作|号称|俗称|名叫)[“《「]?[\u4e00-\u9fffA-Za-z0-9]{2,}"
)
_CODE = re.compile(r"[\u4e00-\u9fff]{0,4}[A-Za-z]*\d+[A-Za-z]+\d*|[A-Za-z]+-?\d+[A-Za-z]*")
# What comes before a class counted (92个行政村, 各省, 全市): the word after it is no name.
_COUNTED_BY = frozenset("个名家座所条项种类各全每几多些")
# A character that ends a phrase rather than a name (的样板村, 等行业, 这个村).
_NOT_NAME_END = frozenset("的等和与及或、了在是为个些该这那其此每各本全某")
# What picks out some of a class without naming one (其他医院, 附近医院, 当地企业), and a count of a class or a pointer at
# one, with its measure word (一张报纸, 两家医院, 多所学校, 这家医院): no name of the kind.
_NOT_NAMING = frozenset({"其他", "其它", "附近", "周边", "当地", "本地", "外地", "各地"})
_COUNT_BEFORE = re.compile(
    r"^[\d一二三四五六七八九十两几多数这那该每各哪某][个家所座条项种类位名张只部支份篇幅台辆架艘间处批]$"
)


def named_instances(sentence: str, category: str, known: str, *, before_etc: bool = True) -> list[str]:
    """Names of the kind asked for that the question lacks: the one to three characters written right
    before the category word (约特村, “猴车”, F-18战斗机, 农业农村部部长职务), a code before it (cz311航班), and, with
    `before_etc`, a name before 等 and the word (依图医疗等企业; the ranking's cheap test reads without it)."""
    out: list[str] = []
    if category not in sentence:
        return out
    out += [m.group(0) for m in _coded_pattern(category).finditer(sentence) if m.group(1) not in known]
    if before_etc:
        out += [
            m.group(0)
            for m in _listed_pattern(category).finditer(sentence)
            if _lists_a_name(m.group(1), known)
        ]
    for m in _instance_pattern(category).finditer(sentence):
        prefix = m.group(1)[-2:]
        name = prefix + category
        start = m.end(1) - len(prefix)
        before = sentence[start - 1] if start > 0 else ""
        if prefix[-1] in _NOT_NAME_END or name in known or prefix in known:
            continue
        if prefix in _NOT_NAMING or _COUNT_BEFORE.match(prefix):
            continue  # 其他医院, 一张报纸: some of the class, or a count of it
        if before and (before.isdigit() or before in _COUNTED_BY):
            continue  # 92个行政村: a count of a class, not a name
        out.append(name)
    return out


@lru_cache(maxsize=256)
def _coded_pattern(category: str) -> re.Pattern[str]:
    """A code of letters and digits right before the kind's word (南航cz311航班, g7次列车): the name of one of the kind."""
    return re.compile(r"(?<![a-z])([a-z]{1,4}\d{1,5}[a-z]?)次?" + re.escape(category))


@lru_cache(maxsize=256)
def _listed_pattern(category: str) -> re.Pattern[str]:
    """A name written before 等 and the kind's word (与依图医疗等企业共同完成): one of the kind, the first of a list news
    cuts short."""
    return re.compile(r"([\w\-·]{2,4})等" + re.escape(category))


def _lists_a_name(before: str, known: str) -> bool:
    """Whether the characters before 等 may end a name the question lacks (not 其他, 一家, 的, 各地…)."""
    tail = before[-2:]
    return not (
        tail[-1] in _NOT_NAME_END
        or tail in _NOT_NAMING
        or _COUNT_BEFORE.match(tail)
        or tail[0].isdigit()
        or tail in known
    )


@lru_cache(maxsize=256)
def _instance_pattern(category: str) -> re.Pattern[str]:
    """What `named_instances` looks for: one to three characters (and a closing quote) before `category`."""
    return re.compile(r"([\w\-·]{1,3})[”》」\"]?" + re.escape(category))


# What a name-like thing is called, asked for by its own word (原名叫什么, 别称叫啥, 主题是啥, 授予什么称号):
# news writes that word beside the name (林心平，原名梁玉; 以“中英科技与金融合作”为主题).
_ATTRIBUTE = re.compile(
    r"原名|本名|曾用名|别称|别名|又称|又名|笔名|艺名|外号|绰号|昵称|代号|编号|型号|称号|主题|口号|原叫|原称|旧称|旧名"
)
# The topic of a meeting or a group's talk, as news writes it: 围绕…展开讨论 (第三十五组围绕大力发展数字经济展开讨论);
# not 就…展开交流, which tells what was talked over, less than a theme given (以“…”为主题).
_TOPIC_DISCUSSED = re.compile(r"围绕[^，,。；;]{2,24}?(?:展开|进行|开展)?(?:讨论|座谈|研讨|协商|审议)")
# What a thing was called before, asked in everyday words (原来的村名叫什么, 以前叫啥, 过去叫什么): news writes
# 原名 / 原叫 / 原称 / 旧称 beside the former name (村名原叫棠濑).
# 最早叫什么 / 最初叫什么 ask for the first name, which news writes 初名 / 始称 / 古称 (鹤林寺，初名竹林寺).
_FORMER_ASKED = re.compile(
    r"(?:原来|以前|过去|从前|早先|最早|最初|起初|当初)(?:的[\u4e00-\u9fff]{0,4})?(?:叫|名字|名称|名)"
)
# A title given, as news writes it: the verb, the title, then 称号 (被授予第七届全国道德模范荣誉称号, 荣获…称号).
_TITLE_GIVEN = re.compile(
    r"(?:授予|追授|荣获|获得|获评|评为)[“「]?([^，,。；;“”「」]{2,30}?)[”」]?(?:荣誉)?称号"
)
_FORMER = ("原名", "原叫", "原称", "旧称", "旧名", "曾用名", "初名", "初称", "始称", "古称")


def _attribute_named(sentence: str, asked: Asked) -> bool:
    """Whether the sentence names what the question asks for by its attribute word (原名, 主题): that word
    with a name right after it (原名梁玉) or a quoted name the question lacks (以“…”为主题)."""
    wanted = {m.group(0) for m in _ATTRIBUTE.finditer(asked.query)}
    if "称号" in wanted and new([m.group(1) for m in _TITLE_GIVEN.finditer(sentence)], asked.known):
        return True  # 授予了什么称号: 他被授予第七届全国道德模范荣誉称号
    if "主题" in wanted and _TOPIC_DISCUSSED.search(sentence):
        return True  # 讨论的啥主题: 围绕大力发展数字经济展开讨论
    if _FORMER_ASKED.search(asked.query):
        wanted.update(_FORMER)
    for word in wanted:
        if word not in sentence:
            continue
        after = re.search(
            re.escape(word) + r"(?:是|为|叫|叫做|：|:)?[“《「]?([\u4e00-\u9fffA-Za-z0-9]{2})", sentence
        )
        if after is not None and after.group(1) not in asked.known:
            return True
        if new([m.group(1) for m in QUOTED_NAME.finditer(sentence)], asked.known):
            return True
    return False


# What the question writes right before its question word (欧盟的什么, 中文名叫什么): the word it asks the name of,
# and what may join that word to the name.
_SLOT_ASKED = re.compile(r"(?:的|叫|是|为|叫做|称作|称为)?(?:什么|啥)")
_SLOT_JOIN = r"(?:的|叫|是|为|叫做|称作|称为|名叫|名字叫|字叫|名为)?"


def _slot_filled(sentence: str, asked: Asked) -> bool:
    """Whether the sentence writes the question's word before its question word followed by a name the question
    lacks, where the question puts 什么 (欧盟的什么: 欧盟的“核选项”; 中文名叫什么: 中文名字叫董其琛): news says the
    thing in the words a reader asks it with, the name standing where the question word stands."""
    m = _SLOT_ASKED.search(asked.query)
    if m is None:
        return False
    before = asked.query[: m.start()]
    word = next(
        (t for t in sorted(asked.terms, key=len, reverse=True) if len(t) >= 2 and before.endswith(t)), None
    )
    if word is None or word not in sentence:
        return False
    for found in re.finditer(re.escape(word) + _SLOT_JOIN, sentence):
        rest = sentence[found.end() :]
        quoted = QUOTED_NAME.match(rest)
        if quoted is not None and quoted.group(1) not in asked.known:
            return True
        first = tags(rest[:12])[:1]
        if first and first[0][1] in ("nr", "nz", "nt", "ns", "eng") and first[0][0] not in asked.known:
            return True
    return False


# A name in Latin letters asked for (英文叫什么, 英文名, 英文缩写), and as news prints one (normalised text is lower case).
_LATIN_ASKED = re.compile(r"英文|英语|外文名|拉丁文")
_LATIN_WORD = re.compile(r"(?<![a-z])[a-z][a-z\-]*[a-z](?![a-z])")


def name_strength(sentence: str, asked: Asked) -> float:
    """A quoted name, a name after 名为/叫/称, a code (官东1701H), a name jieba tags; plainest the name
    given by the attribute word the question asks about (原名梁玉 for 原名叫什么), or written where the question
    puts its question word (`_slot_filled`). A name asked in Latin letters (英文叫什么) is a word in them the
    question lacks (“基因剪刀”技术crispr); a sentence without one at most hints."""
    if _LATIN_ASKED.search(asked.query):
        if new(_LATIN_WORD.findall(sentence), asked.known):
            return PLAIN
        return min(FAINT, _plain_name_strength(sentence, asked))
    if _attribute_named(sentence, asked) or _slot_filled(sentence, asked):
        return PLAIN
    if _ATTRIBUTE.search(asked.query) or _FORMER_ASKED.search(asked.query):
        return min(FAINT, _plain_name_strength(sentence, asked))  # 原名叫什么: a name not given as 原名
    return _plain_name_strength(sentence, asked)


# Works whose titles news prints in 《》: films, books, songs, plays, programmes.
_WORKS = frozenset(
    "电影 影片 片子 纪录片 动画片 宣传片 专题片 电视剧 剧 话剧 舞剧 歌剧 戏剧 节目 栏目 综艺 书 图书 新书 著作 专著 "
    "小说 诗集 诗 歌 歌曲 作品 杂志".split()
)
_WORK_TITLE = re.compile(r"《([^》]{1,30})》")
# The words news writes before a book's title (纪实文学《梁家河》, 长篇小说《…》) where a question says 书.
_BOOK_WORDS = "书|图书|著作|专著|小说|诗集|文学|传记|读物|丛书|文集"
_WORK_WORDS = {
    "书": _BOOK_WORDS,
    "图书": _BOOK_WORDS,
    "新书": _BOOK_WORDS,
    "电影": "电影|影片",
    "影片": "电影|影片",
}


# A name asked by the word for its kind (什么报纸, 那个涉港法案叫什么, 合作社叫什么名字): news quotes the name with that
# word's ending (《新亚日报》 for 报纸, “2019年香港人权与民主法案” for 涉港法案) or beside the word (测量船“远望3号”,
# 成立了合作社，以“天柱山”命名); a quoted name in a sentence without the word is most often another thing's (父亲是当地的
# “老把式” for 合作社叫什么名字).
_CALLED_ASKED = r"的?(?:名字|名称)?(?:叫做|名叫|叫|是|为)?(?:什么|啥)"
_NAMED_AFTER = re.compile(r"以[“《「\"][^”》」\"]{2,30}[”》」\"](?:命名|为名)")
# A quoted name in a sentence that neither writes the kind's word nor quotes a name ending like it, when the question
# names the kind (`thing_named_asked`).
UNTIED_QUOTED = SOME


def thing_named_asked(asked: Asked) -> str | None:
    """The word for the kind of thing whose name is asked: `category_asked`, or else the question's word written
    right before 叫什么 / 的名字是什么 (合作社叫什么名字 → 合作社)."""
    category = category_asked(asked.query)
    if category is not None:
        return category
    return next(
        (
            t
            for t in sorted(asked.terms, key=len, reverse=True)
            if len(t) >= 2 and re.search(re.escape(t) + _CALLED_ASKED, asked.query)
        ),
        None,
    )


def _ends_like(name: str, thing: str) -> bool:
    """Whether a name ends as names of the kind `thing` do: with its last two characters (…法案 for 涉港法案), or,
    for a word of two, with its first (…日报 for 报纸)."""
    return name.endswith(thing[-2:]) or (len(thing) == 2 and name.endswith(thing[0]))


def quoted_of_kind(sentence: str, asked: Asked, thing: str) -> bool:
    """Whether the sentence quotes a name the question lacks that is of the kind `thing`: ending like it
    (`_ends_like`), written right beside the word (测量船“远望3号”, “MA沙棘”沙棘汁), or given by 以“…”命名 in a sentence
    holding the word."""
    names = set(new_quoted(sentence, asked))
    for m in QUOTED_NAME.finditer(sentence):
        if m.group(1) not in names:
            continue
        if _ends_like(m.group(1), thing):
            return True
        if sentence[: m.start()].endswith(thing) or sentence[m.end() :].startswith(thing):
            return True
    return thing in sentence and _NAMED_AFTER.search(sentence) is not None


def _plain_name_strength(sentence: str, asked: Asked) -> float:
    """`name_strength` before the attribute word is weighed."""
    known = asked.known
    category = category_asked(asked.query)
    if category in _WORKS:
        # 那部电影叫什么: news prints the title of a work in 《》 (《那时风华》), a slogan or a phrase in “”; a
        # title right after the word asked (电影《黄宝妹》, 纪实文学《梁家河》) names the work even when it is a
        # name the question gives (a film or a book is often called after its person or place)
        if new_quoted(sentence, asked, _WORK_TITLE):
            return PLAIN
        if re.search("(?:" + _WORK_WORDS.get(category, re.escape(category)) + r")《[^》]{1,30}》", sentence):
            return PLAIN
        if new(re.findall(r"“([^”]{1,30})”" + re.escape(category), sentence), known):
            return PLAIN  # 栏目叫啥: 在专设的“抗疫送教”栏目播出 (a column or a programme is also named in “”)
        return FAINT
    if new_quoted(sentence, asked):
        thing = thing_named_asked(asked)
        if thing is None or thing in sentence or quoted_of_kind(sentence, asked, thing):
            return PLAIN
        return UNTIED_QUOTED  # 合作社叫什么名字: “老把式” in a sentence not about the 合作社
    if category is not None and named_instances(sentence, category, known):
        return PLAIN  # 叫什么村: 约特村
    if _NAMED.search(sentence) or new(_CODE.findall(sentence), known):
        return LIKELY
    # a name jieba tags, or a word in Latin letters (收购德国百年名企GRG)
    names = [
        w
        for w, tag in tags(sentence)
        if tag in ("nr", "nz", "nt", "ns", "eng") and len(w) >= 2 and w not in known
    ]
    if not names:
        return NOTHING
    return SOME if category is None else WEAK  # 家庭农场叫啥: a name, but not of a farm


# A post asked for (现在是什么职务, 担任什么职位) and how news gives one: 现为 / 现任 / 担任 / 出任 … a post word.
_POST_ASKED = re.compile(r"什么(?:职务|职位|官|头衔|岗位)|啥(?:职务|职位|官)|担任什么|任什么职")
_POST_GIVEN = re.compile(r"(?:现为|现任|担任|出任|升任|调任|转任|历任|曾任|任职)[^，,。；;]{0,16}?" + POST)


# How a wrong was dealt with, asked (怎么处理的, 受了什么处分, 怎么判的) and as news reports it (受到政务警告处分,
# 给予党内严重警告处分, 被免职, 判处有期徒刑三年, 罚款2万元, 移送司法机关).
_SANCTION_ASKED = re.compile(
    r"(?:怎么|如何|咋)(?:处理|处罚|处置|处分|判|惩处|问责)|(?:什么|啥|哪些)(?:处分|处理|处罚|惩罚)|处理结果|判了"
)
_SANCTION = re.compile(
    r"(?:受到|给予|予以|被)[^，,。；;]{0,12}?(?:处分|处理|处罚|问责|撤职|免职|开除|留党察看|警告|诫勉|降级)|"
    r"判处|罚款|移送(?:司法|检察)|立案(?:审查|调查)|开除党籍"
)


# What a business does, asked (是做什么的, 干啥的企业, 做什么生意) and as news says it: X是一家…企业 / 公司,
# 主要生产 / 从事 / 经营….
_TRADE_ASKED = re.compile(r"(?:做|干|搞)(?:什么|啥)(?:的|生意)")
_TRADE = re.compile(
    r"是一(?:家|个|所)[^，,。；;]{2,24}?(?:企业|公司|工厂|厂|合作社|农场|机构)|主要(?:生产|从事|经营|制造|研发)"
)


def what_strength(sentence: str, asked: Asked) -> float:
    """A name of the kind asked for (什么车: “猴车”), what X is (X位于…，是…; X是…; X为…), or a name in quotes
    the question lacks (of the kind asked for, if the question names one); plainest a name given by the
    attribute word asked about (以“中英科技与金融合作”为主题 for 主题是啥), or written where the question puts its
    question word (`_slot_filled`)."""
    if _attribute_named(sentence, asked) or _slot_filled(sentence, asked):
        return PLAIN
    if _POST_ASKED.search(asked.query) and _POST_GIVEN.search(sentence):
        return PLAIN  # 现在是什么职务: 石登高现为花垣县政府办公室主任
    if _TRADE_ASKED.search(asked.query) and _TRADE.search(sentence):
        return PLAIN  # 银京公司是做什么的企业: 银京公司是一家以出口为主的企业，主要生产消毒液
    if _SANCTION_ASKED.search(asked.query):
        # 最后怎么处理的: what was done to whoever did wrong (刘某受到政务警告处分), nothing else
        return PLAIN if _SANCTION.search(sentence) else min(WEAK, _what_named(sentence, asked))
    return _what_named(sentence, asked)


def _modified_kind(asked: Asked, category: str) -> str | None:
    """The kind asked with the word of the question written right before it after 什么 / 啥 (什么创业补贴 →
    创业补贴), or None when the question names the kind alone: news names one of that narrower kind before
    the whole phrase (给予一次性创业补贴)."""
    m = re.search(r"(?:什么|啥)([\u4e00-\u9fff]{2,4})" + re.escape(category), asked.query)
    if m is None or m.group(1) not in asked.terms:
        return None
    return m.group(1) + category


def _what_named(sentence: str, asked: Asked) -> float:
    """`what_strength` after the attribute, the post and the sanction asked are weighed."""
    category = category_asked(asked.query)
    narrower = _modified_kind(asked, category) if category is not None else None
    if narrower is not None and named_instances(sentence, narrower, asked.known):
        return LIKELY  # 什么创业补贴: 给予一次性创业补贴
    if category is not None and named_instances(sentence, category, asked.known):
        return LIKELY if narrower is None else SOME  # 社会保险补贴: a 补贴 of another kind than asked
    if _object_given(sentence, asked):
        return LIKELY  # 给中国捐了什么: 向中方捐赠锡兰红茶
    if _verb_asked(asked.query) is not None:
        # a deed's object is asked (种的是什么花): what the doer is (赵云旺是省文联干部) does not answer it
        return _quoted_new(sentence, asked, category)
    for t in asked.terms:
        if re.search(re.escape(t) + r"[^。；;]{0,20}?(?:[，,]是|是|为|指|即|叫|名为|称为)", sentence):
            return SOME
    return _quoted_new(sentence, asked, category)


def _quoted_new(sentence: str, asked: Asked, category: str | None) -> float:
    """A name in quotes the question lacks (编写出我国第一部什么计算表); when a kind of thing is asked for (什么车),
    a quoted name of that kind (`quoted_of_kind`: 什么报纸, 《新亚日报》) likely answers, one not of it (《新春走基层》)
    hardly does."""
    if not new_quoted(sentence, asked):
        return NOTHING
    if category is not None and category not in DOCUMENTS and quoted_of_kind(sentence, asked, category):
        return LIKELY  # 办的是什么报纸: 创办《新亚日报》
    return SOME if category is None or category in DOCUMENTS else FAINT


# Documents, whose titles news prints in 《》 (哪个行动文件: 《健康中国·河北行动（2020—2030年）》).
DOCUMENTS = frozenset(
    "文件 规划 方案 意见 通知 条例 法规 法律 决定 纲要 办法 规定 计划 政策 公告 通告".split()
)


# What a deed was done to (捐了什么, 种的是什么花, 开了个什么作坊, 用什么疗法): the verb is the character right before
# 什么 / 啥 (after 了, 的是, 个, 点); news writes the thing right after the verb, often in a longer verb holding it
# (捐 → 捐赠锡兰红茶, 种 → 种植仙客来). 是 / 有 / 叫 / 为 / 称 / 作 (叫作什么) ask what something is or is called;
# 做 / 干 / 搞 (做什么工作) what someone does, which news writes as what the person is (张某是…).
_VERB_ASKED = re.compile(r"([\u4e00-\u9fff])(?:了个|了|的是|的|个|点)?(?:什么|啥)")
_NOT_DEED = frozenset("是有叫为称作做干搞那这哪靠")
# What may stand between a verb and its object: an aspect particle (捐赠了), a count (一批, 两箱).
_BETWEEN = frozenset("了着过")


def _names_thing(tag: str) -> bool:
    """Whether a word of this tag names a thing: a noun, or a fixed phrase jieba does not know as a noun (仙客来/l)."""
    return is_noun(tag) or tag in ("l", "eng")


def _verb_asked(query: str) -> str | None:
    """The verb whose object a what-question asks for (捐了什么 → 捐), or None: the character before 什么 when jieba
    tags the question's word holding it a verb (not 美国什么战斗机, 体系的什么, 最大的什么, 按什么)."""
    m = _VERB_ASKED.search(query)
    if m is None or m.group(1) in _NOT_DEED:
        return None
    return m.group(1) if _tag_at(query, m.start(1)).startswith("v") else None


def _tag_at(text: str, at: int) -> str:
    """jieba's tag of the word of `text` that holds the character at `at`."""
    end = 0
    for word, tag in tags(text):
        end += len(word)
        if at < end:
            return tag
    return ""


def _object_given(sentence: str, asked: Asked) -> bool:
    """Whether the sentence writes the verb asked about (a verb holding its character) with, right after it, a
    noun the question lacks: the object the question asks for."""
    verb = _verb_asked(asked.query)
    if verb is None or verb not in sentence:
        return False
    words = tags(sentence)
    for i, (word, tag) in enumerate(words):
        if not (tag.startswith("v") and verb in word):
            continue
        rest = [(w, t) for w, t in words[i + 1 :] if w not in _BETWEEN and t not in ("m", "q")]
        if rest and _names_thing(rest[0][1]) and rest[0][0] not in asked.known:
            return True
    return False
