"""`question_kind(query)` classifies the question:

    why      为什么 / 为何 / 什么原因         → a cause clause (因为, 由于, 受…影响, 得益于, 出于…)
    when     什么时候 / 哪天 / 几号 / 哪一年   → a date or a time (5月4日16时40分, 9日至10日, 2014年); a day
                                                 with its month over a day alone (5日), which is shown
                                                 after the dateline that gives its month
    who      谁 / 哪位 / 叫什么名字            → a person's name not in the question (or the post before or
                                                 after it: 免去韩俊的…部长职务); 哪些人: two names or more;
                                                 记者是谁 / 哪个记者写的: the byline after the dateline;
             or a description of a person       also a description of a person typed without a question word
             (2020年中国女足主教练, 中国驻法国大使) (`describes_person`): news prints the post right before the name
    where    哪里 / 在哪 / 哪个城市            → 在…举行/召开, 赴…举行, or a place the question lacks (浙江省
                                                 is the question's 浙江; 城市 is no place); a sentence
                                                 saying 本村 / 这座 / 当地 with the one before naming it;
                                                 从哪来 / 哪里人: 从…来, 是…村人
    howmany  多少 / 几个 / 几级 / 多大          → a number with its unit (the unit asked for, if any, or one
                                                 news writes for it: 名 for 人; a rate in per cent), right
                                                 before what is counted or after what is measured
                                                 (余额有多少: 余额12.6万亿元); a planned number (计划, 目标)
                                                 only when a plan is asked about
    which    哪些 / 哪几 / 有哪些              → an enumeration (一是…二是…, 一要…二要…, A、B、C), plainest
                                                 when its items are of the kind asked for (哪些单位:
                                                 人民日报社、新华社等单位); 去了哪些地方: 来到…, 走进…
    name     叫什么 / 名为 / 代号 (not a person) → a quoted name (《…》, “…”), a name written before the
                                                 kind asked for (叫什么村: 约特村), one after 名为 / 叫 / 称,
                                                 or a code of letters and digits
    what     anything else                     → the sentence that best covers the question's words (什么车:
                                                 a name of the kind, “猴车”, counts); how the topic stands
                                                 now (现在怎么样了, `asks_how_it_stands`): what the first
                                                 result says happened (`sentences.how_it_stands`)

The kind asked for (`category_asked`: 什么车 → 车, 哪些新闻单位 → 单位, 企业有哪些 → 企业) and what a
how-many question measures (`measured_asked`: 余额有多少 → 余额) are read from the question once.
A year, a month or a period the question names is read here too (`question_dates`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from storage.search.answers.strength import is_noun, tags
from storage.search.english_names import ENGLISH_QUESTION_WORDS, without_names
from storage.text.normalize import normalize
from storage.text.numerals import chinese_numeral
from storage.text.surnames import COMMON_SURNAMES

_EN = r"(?<![a-z]){}(?![a-z])"
KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "why",
        re.compile(
            # not 为 + 什么 after a verb it completes (被誉为什么, 被称为什么, 成为什么, 被评为什么称号: as what)
            r"(?<![誉称作成视选评改列定名命译划认])为什么|为何|什么原因|啥原因|原因是什么|怎么会|凭什么|为啥|干嘛|干吗|咋回事|怎么回事|什么缘故|"
            # 原因是啥, 图啥, 为了啥, 怎么想到要…: the colloquial forms of why
            r"原因是?(?:啥|哪些)|原因何在|为了(?:啥|什么)|图(?:啥|什么)|(?:怎么|咋)(?:想到|想起)|"
            # 是怎么走的, 怎么死的: the cause of a death
            r"怎么(?:走|死|去世|牺牲|没)的|" + _EN.format("why")
        ),
    ),
    (
        "when",
        re.compile(
            r"什么时候|什么时间|啥时候|哪天|哪一天|哪几天|哪几日|哪[两三]天|哪日|何时|几月|几号|几日|几点|哪年|哪一年|什么日子|多会儿|"
            # 每周几, 星期几: a day of the week
            r"(?:周|星期|礼拜)几|" + _EN.format("when")
        ),
    ),
    (
        "who",
        re.compile(
            r"谁|哪位|哪些人|什么人|何人|哪个人|哪几位|叫什么名字|叫什么|叫啥|名字是什么|"
            # 哪个记者写的: a person asked by what the person is
            r"哪(?:个|名)(?:记者|作者|通讯员)|" + _EN.format("(?:who|whom|whose)")
        ),
    ),
    (
        "where",
        re.compile(
            r"哪里|哪儿|在哪|什么地方|何地|何处|哪个(?:省|市|县|国家|国|城市|地方|社区|道|区|镇|村|岛|乡镇|乡|街道|州)|"
            # 开去哪了, 运到哪, 往哪走: where to
            r"(?:去|到|往)了?哪(?!些|几|一?[个位天年家种类条项次])|"
            # 是从哪来的, 哪来的, 哪里人: where from
            r"从哪(?!些|几|一?[个位天年家种类条项次])|哪来的?|哪(?:里|儿)?人|"
            # 老家是哪的, 是哪的人: the spoken 哪的 for 哪里的
            r"是哪的|"
            # 哪条街, 哪条路: a street is a place
            r"哪一?条(?:街|路|巷|胡同|大街|河|江)|"
            r"哪(?:座|个)城市|位于哪|" + _EN.format("where")
        ),
    ),
    (
        "howmany",
        re.compile(
            r"多少|第几|几[个位项条名人次家支枚级岁年天种成倍台辆架所处篇亩吨号]|多大|多高|多长|多远|多深|多重|多久|"
            # 几口人, 几卡车, 几间房: 几 before any measure word (not 几乎, 几何, 这几年)
            r"(?<![近这前后头那好十])几(?![乎何月号日点时])[\u4e00-\u9fff]|"
            r"百分之几|几成|" + _EN.format("how (?:many|much|long|far|old)")
        ),
    ),
    ("which", re.compile(r"哪些|哪几|有几|几项|几点|哪几类|" + _EN.format("which"))),
)
# "哪几号主席令" asks for a list, though 几号 usually asks for a day.
_WHICH_FIRST = re.compile(r"哪几|哪些")


# 叫什么 / 名为 / 代号: a name is asked for; a person's when the word before names a person or a post.
_NAME_ASKED = re.compile(
    # 编号是啥, 型号是什么: a code of letters and digits (翅旗编号：AD81)
    r"叫什么|叫啥|名叫|名为|什么名字|名字是|名称|代号|编号|型号|称号|全称|简称|叫做什么|取名|"
    r"(?:原名|本名|别称|别名|笔名|艺名|外号|绰号|昵称|主题|口号)(?:是|叫|为)?(?:什么|啥)"
)
_PERSON_BEFORE = re.compile(
    # 社工, 职工 (工); 老伴, 爱人, 媳妇: the spoken words for a wife or a husband
    r"(?:[人者长员师官家手事户兵工]|书记|主任|主席|总统|总理|首相|医生|支书|冠军|导演|院士|代表|大使|总裁|经理|村民|农民|"
    r"战士|英雄|烈士|女士|先生|姑娘|小伙|孩子|学生|教练|妻子|丈夫|老伴|爱人|媳妇|老婆|儿子|女儿|父亲|母亲|那位|这位|哪位|"
    r"干部|村官|护士|民警|警察|老人|老汉|大爷|大妈|阿姨|大叔|叔叔|大伯|大姐|大哥|大嫂|"
    # 老陶, 小张: a person called by surname
    r"[老小][" + COMMON_SURNAMES + r"])的?"
    # 马医生全名叫什么: the whole name of someone called by a calling
    r"(?:(?:全名|真名|大名)(?:叫|是)?(?:什么|啥)|叫什么|叫啥|名叫|名字)"
)


# A name's own word (称号, 名称, 代号…) that is the topic of a question asking something else (哪天追授…革命烈士称号).
_NAME_NOUNS = re.compile(r"名称|代号|称号|全称|简称")


def _name_is_topic(q: str) -> bool:
    """Whether the question's only name word is a name's own word and another kind's word asks (哪天, 在哪)."""
    if _NAME_ASKED.search(_NAME_NOUNS.sub("", q)):
        return False
    return any(pattern.search(q) for kind, pattern in KIND_PATTERNS if kind != "which")


# How a thing stands now, asked at the end of a what-question (保交楼现在怎么样了, as the spoken 那事怎么样了 /
# 进展如何 are written, 目前如何): answered by what the story says happened, not by a word of the question.
_HOW_IT_STANDS = re.compile(r"(?:现在|目前|如今)(?:怎么样|咋样|怎样|如何)了?[\W_]*$")


def asks_how_it_stands(query: str) -> bool:
    """Whether the question asks how its topic stands now and nothing more particular (not 现在有多少…)."""
    q = normalize(query)
    return bool(_HOW_IT_STANDS.search(q)) and question_kind(query) == "what"


def question_kind(query: str) -> str:
    """'why', 'when', 'who', 'where', 'howmany', 'which', 'name' or 'what'. An English question word typed
    as a name (WHO说了什么: `named_in`) asks nothing."""
    q = normalize(without_names(query, ENGLISH_QUESTION_WORDS))
    if (
        _NAME_ASKED.search(q)
        and not _PERSON_BEFORE.search(q)
        and not re.search(r"谁|哪位|哪些|哪几", q)
        and not _name_is_topic(q)
    ):
        return "name"
    if _WHICH_FIRST.search(q) and not re.search(r"哪些人|哪几位|哪一天|哪一年|哪几天|哪几日", q):
        # 哪些/哪几 ask for a list, unless they ask for a day, a person or a count (哪几个 → which).
        if not KIND_PATTERNS[0][1].search(q):
            return "which"
    for kind, pattern in KIND_PATTERNS:
        if pattern.search(q):
            return kind
    return "who" if describes_person(q) else "what"


# The words a description of a person ends with: a post (局长, 董事长, 党支部书记, 主教练, 大使, 发言人), a role
# or a calling (院士, 医生, 志愿者, 传承人, 选手, 专家), one of a village (村民, 农户, 老兵) or of a family (妻子,
# 老伴). 长 only after what heads something (局长, 校长, 董事长; not 增长, 成长, 延长); 员 not of a group (人员,
# 成员, 会员) nor the verb 动员.
_PERSON_WORD = re.compile(
    r"(?:(?:[局处科厅部司院校所站社会团队组班行市县区乡镇村省庭馆舰师旅营连排议署台场厂店园外首]|理事|秘书|干事|董事|"
    r"检察|首席)长|行政长官|"
    r"书记|支书|支委|主任|委员|常委|主席|总统|总理|首相|总裁|总监|董事|秘书|经理|干事|干部|村官|代表|大使|领事|参赞|特使|"
    r"政委|司令员?|执行官|法官|检察官|外交官|官员|教练|领队|顾问|主管|老板|店主|院士|教授|讲师|博士|"
    r"(?<![人成会动全裁减增满扩])员|(?<![出誓会])师|"
    r"(?:负责|发言|传承|召集|发起|创始|带头|接班|代言|主持|经纪|候选|继承|掌门|领路|守护|当事|法)人|"
    r"记者|作者|学者|志愿者|挑战者|患者|"
    r"(?:专|学|作|画|唱|企业|艺术|书法|收藏|慈善|演奏|音乐|设计|评论|政治|军事|外交|教育|实业)家|"
    r"(?:选|棋|骑|歌|射|能|旗|舵|水|国|鼓|高)手|编剧|导演|演员|主播|达人|劳模|模范|英雄|烈士|冠军|亚军|季军|"
    r"医生|护士|民警|警察|交警|辅警|司机|华侨|侨领|中锋|前锋|后卫|门将|社工|红军|客户|的人|\d0后|"
    r"[村农渔牧市居]民|(?:农|牧|渔|养殖|种植|贫困|困难|承包|大)户|(?:老|士|新|哨|民)兵|"
    r"学生|老人|老汉|大爷|大妈|阿姨|姑娘|小伙子?|女孩|男孩|"
    r"妻子|丈夫|老伴|爱人|儿子|女儿|孙子|孙女|父亲|母亲|姥姥|奶奶|爷爷|外婆|外公|兄弟|孩子|朋友|媳妇|徒弟|师傅|战友)$"
)
# What asks something (a question word) or points at nothing more (那个, 那位, 的): not a description's content.
_ASKS = re.compile(r"谁|什么|啥|哪|几|多少|怎么|怎样|如何|为何|吗|呢|[?？]")
_POINTERS = re.compile(r"那个|那位|这个|这位|的|[\s\W_]")
_DESCRIPTION_CONTENT = 2  # characters besides the person word: 北京市长 (北京), not 副局长 alone


def describes_person(query: str) -> bool:
    """Whether a query typed without a question word describes a person (2020年中国女足主教练, 中国驻法国大使,
    那个在家门口看戏的丁李湾村民): it ends with a post or a word for a person, after at least two characters of
    what the person heads, belongs to or did. A post alone (局长) describes no one in particular."""
    q = normalize(query).strip()
    q = re.sub(r"[\W_]+$", "", q)
    if _ASKS.search(q):
        return False
    m = _PERSON_WORD.search(q)
    return m is not None and len(_POINTERS.sub("", q[: m.start()])) >= _DESCRIPTION_CONTENT


# Words between what a how-many question measures and 多少 (余额有多少, 覆盖率提升到多少).
_BEFORE_HOW_MANY = frozenset(
    (
        "有 是 为 达 达到 共 一共 共有 总共 约 大约 了 到 提升 提高 增加 增长 扩大 下降 降低 降至 降到 升至 "
        "提升到 提高到 增加到 增长到 扩大到"
    ).split()
)


_HOW_MUCH = frozenset("多少 几 多大 多高 多长 多远 多深 多重 多宽 多快".split())
_MEASURES = frozenset("大 高 长 远 深 重 宽 快".split())


@lru_cache(maxsize=512)
def measured_asked(query: str) -> str | None:
    """What a how-many question measures, named before 多少 or 多大 (贷款余额有多少 → 余额, 失业率是多少 →
    失业率, 收支缺口有多大 → 缺口, 线路有多长 → 线路)."""
    words = tags(normalize(query))
    for i, (word, _tag) in enumerate(words):
        split = word == "多" and i + 1 < len(words) and words[i + 1][0] in _MEASURES  # jieba: 多/大
        if word not in _HOW_MUCH and not split:
            continue
        j = i - 1
        while j >= 0 and words[j][0] in _BEFORE_HOW_MANY:
            j -= 1
        if j >= 1 and words[j][1] == "eng" and is_noun(words[j - 1][1]):
            return words[j - 1][0] + words[j][0]  # 人均GDP达到多少: 人均GDP (jieba: 人均/GDP, tagged eng)
        if j >= 0 and len(words[j][0]) >= 2 and (is_noun(words[j][1]) or words[j][1] in ("vn", "eng")):
            return words[j][0]
    return None


# The words that ask for one thing of a kind (什么车, 哪些频道, 哪几家), and the noun before 有哪些 (企业有哪些).
_ASKING = re.compile(r"^(?:什么|啥|哪(?:些|几)?[个家种类位座条项所部支]?)(\w*)$")
_HAS = frozenset({"有", "是", "包括", "包含", "都有", "还有"})
_CALLED = frozenset({"叫", "叫做", "名叫", "取名", "名为"})
# X名叫什么 (村名叫什么, 店名叫什么): the thing named is an X.
_X_NAME = re.compile(r"([\u4e00-\u9fff])名(?:叫|是|为)?(?:什么|啥)")
# A measure word jieba parts from 哪 (哪/所/大学): the kind asked is the noun after it.
_ASKING_MEASURES = frozenset("个家种类位座条项所部支")
# An asking word ending with a measure word (哪家, 哪个, 哪所): what it counts is the word right after it, whatever
# jieba tags it (超市/v), when that is a word of two or three characters and no verb of motion or speech.
_COUNTED_NEXT = re.compile(r"^哪一?[个家所座]$")
_MAY_BE_KIND = re.compile(r"[\u4e00-\u9fff]{2,3}")
# Words after 什么 that name no kind of thing (叫什么名字, 什么内容).
_NO_CATEGORY = frozenset({"名字", "名称", "名", "东西", "内容", "情况", "意思", "样子", "事", "事情"})

# One thing of a kind asked for (哪家企业, 哪个派出所, 哪所大学; not 哪两个 or 哪些, which ask for a list, nor 哪一类 or
# 哪种, which ask for a category rather than a thing named).
_ONE_OF_A_KIND = re.compile("哪一?[" + "".join(sorted(_ASKING_MEASURES - {"类", "种"})) + "]")


def asks_one_of_a_kind(query: str) -> bool:
    """Whether a (normalised) question asks which one thing of a kind (哪家中国企业在建, 去哪个派出所)."""
    return _ONE_OF_A_KIND.search(query) is not None


@lru_cache(maxsize=512)
def category_asked(query: str, *, as_ranked: bool = False) -> str | None:
    """The kind of thing a question asks to be named or listed, as news writes it after the name:
    什么车 → 车 (“猴车”), 哪些新闻单位 → 单位 (人民日报社、新华社等单位), 企业有哪些 → 企业, 村名叫什么 → 村,
    哪所大学 → 大学, 是哪个学校毕业的 → 学校. `as_ranked`: as the ranking's fact test reads it, without the last
    two readings (not measured on the ranking)."""
    words = tags(normalize(query))
    for i, (word, _tag) in enumerate(words):
        asking = _ASKING.match(word)
        if asking is None:
            continue
        if len(asking.group(1)) >= 2:
            return _kind_word(asking.group(1))  # 哪些地方
        after = list(words[i + 1 :])
        if after and (after[0][1] in ("m", "q") or (after[0][0] in _ASKING_MEASURES and not as_ranked)):
            after = after[1:]  # 哪些个, 什么样, 哪所 (jieba: 哪/所)
        nouns = []
        for w, t in after:
            if not is_noun(t):
                break
            nouns.append(w)
        if not as_ranked and len(nouns) >= 2 and after[len(nouns) :] == [("的", "uj")]:
            nouns.pop()  # 是哪个学校毕业的: the word before the closing 的 is what was done (jieba: 毕业/n)
        if nouns:
            return _kind_word(nouns[-1])
        if not as_ranked and _COUNTED_NEXT.search(word) and after and _MAY_BE_KIND.fullmatch(after[0][0]):
            # 去哪家超市: a measure word counts the word after it (jieba: 超市/v), or the nouns after that (哪个
            # 行动文件 → 文件)
            more = [w for w, _t in itertools.takewhile(lambda x: is_noun(x[1]), after[1:])]
            return _kind_word(more[-1] if more else after[0][0])
        ends = not after or after[0][1] == "x"  # 有哪些 ends the question or its clause
        if ends and i >= 2 and words[i - 1][0] in _HAS and is_noun(words[i - 2][1]):
            return _kind_word(words[i - 2][0])  # 单项冠军企业有哪些
        if ends and i >= 2 and words[i - 1][0] in _CALLED:
            # 家庭农场叫啥: the nouns right before 叫, as one word (家庭/农场 → 家庭农场)
            j = i - 2
            while j >= 0 and is_noun(words[j][1]) and i - 2 - j < 2:
                j -= 1
            kind = "".join(w for w, _t in words[j + 1 : i - 1])
            if j < i - 2 and not kind.startswith(("那", "这", "该")):  # 那口井叫啥: that one thing's name
                return _kind_word(kind)
    m = _X_NAME.search(query)
    return m.group(1) if m and m.group(1) not in "字" else None


def _kind_word(word: str) -> str | None:
    return word if word not in _NO_CATEGORY else None


# A question about now (现在, 目前, 如今): news opens the clause of the present figure with one of these
# (现在，这里的森林覆盖率已达97%), after sentences on how it was.
_NOW_ASKED = re.compile(r"现在|目前|如今|眼下|当前")
# 现任 / 现为 give someone's post now (石登高现为花垣县政府办公室主任).
_NOW_WRITTEN = ("现在", "目前", "如今", "眼下", "当前", "至今", "现任", "现为")


def now_asked(q: str) -> list[tuple[str, ...]]:
    """The words news writes for now, as one word of the question, when the (normalised) question asks
    about now; nothing otherwise."""
    return [_NOW_WRITTEN] if _NOW_ASKED.search(q) else []


# A year or a month a question is about, as news prints it before the figures of that time (2018年，九牧
# 实现销售额120亿元; 截至2019年10月底，中欧班列…): 2019年10月, 2018年, 4月.
# (a year alone may be followed by 日 of a word: 2018年日本有多少…; a month followed by 日 or 号 is a day)
QUESTION_DATE = re.compile(r"(?<!\d)(?:\d{4}年(?:\d{1,2}月(?![\d日号])|(?!\d))|\d{1,2}月(?![\d日号]))")
DATE_LENGTH = 2  # a date of the question weighs like a word of two characters


# A day a question names with its month (1月26日复工后, 3月5号): news prints it with 日.
QUESTION_DAY = re.compile(r"(?<!\d)(\d{1,2}月\d{1,2})[日号]")


# A period a question names relative to its story (今年以来, 去年, 上半年, 前三季度): news prints the same words
# before the figures of that period (今年以来，墨玉县已有36760人实现就近就业), which the parser keeps out of the
# question's words.
QUESTION_PERIOD = re.compile(
    r"(?:今年|去年|前年)(?:以来|上半年|下半年|一季度|前三季度)?|(?<![今去前]年)(?:上半年|下半年|前三季度)"
)


def periods_asked(q: str) -> list[tuple[str, ...]]:
    """The relative periods a (normalised) question names, each a word of the question for the answer."""
    return [(m.group(0),) for m in QUESTION_PERIOD.finditer(q)]


# Months asked as a span (1到4月, 3月到4月, 前9个月, 前三个月): economic news prints the figures of such a span
# under the span itself (1—4月份，全国快递业务量累计完成190.3亿件; 前4个月), not under its last month, whose own
# figure it often prints beside it (其中4月份完成65亿件).
_MONTH_NUMERALS = "一二三四五六七八九十"
QUESTION_MONTH_SPAN = re.compile(
    r"(?<![\d.])(\d{1,2})月?(?:到|至|—|–|-|~)(\d{1,2})月(?![\d日号])|前(\d{1,2}|十[一二]?|[一二三四五六七八九])个月"
)
_SPAN_JOINS = ("—", "-", "–", "~", "至", "到")
# The canonical form of a span of months (the first of `span_forms`), which weighs as a date of the question.
MONTH_SPAN_FORM = re.compile(r"\d{1,2}—\d{1,2}月")


def _month_number(text: str) -> int:
    """A month count as digits or as a Chinese numeral up to twelve (9, 九, 十一)."""
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (_MONTH_NUMERALS.index(text[1]) + 1 if len(text) > 1 else 0)
    return _MONTH_NUMERALS.index(text) + 1


def span_forms(first: int, last: int) -> tuple[str, ...]:
    """The forms news prints a span of months in (1—4月, 1-4月, 1至4月, 1~4月, 1月至4月; from January also
    前4个月, 前四个月), the first its canonical form."""
    forms = [f"{first}{join}{last}月" for join in _SPAN_JOINS]
    forms += [f"{first}月{join}{last}月" for join in _SPAN_JOINS]
    if first == 1:
        forms += [f"前{last}个月", f"前{chinese_numeral(last)}个月"]
    return tuple(forms)


def _month_spans(q: str) -> list[tuple[tuple[str, ...], tuple[int, int]]]:
    """The spans of months a (normalised) question names, each as its printed forms and where it stands."""
    spans = []
    for m in QUESTION_MONTH_SPAN.finditer(q):
        first, last = (int(m.group(1)), int(m.group(2))) if m.group(1) else (1, _month_number(m.group(3)))
        if 1 <= first < last <= 12:
            spans.append((span_forms(first, last), m.span()))
    return spans


def question_dates(q: str) -> list[tuple[str, ...]]:
    """The years, months and days a (normalised) question names, each a word of the question for the
    answer: a sentence printing the time asked about is about it (the parser keeps dates out of the words).
    A span of months (1到4月) is one word, printed in any of its forms, not its last month."""
    spans = _month_spans(q)
    inside = [where for _forms, where in spans]
    dates: list[tuple[str, ...]] = [
        (m.group(0),)
        for m in QUESTION_DATE.finditer(q)
        if not any(start <= m.start() < end for start, end in inside)
    ]
    days = [(m.group(1) + "日", m.group(1) + "号") for m in QUESTION_DAY.finditer(q)]
    return dates + [forms for forms, _where in spans] + days


_WHEN_ASKED = dict(KIND_PATTERNS)["when"]


def deed_asked(q: str, terms: Sequence[str]) -> list[str]:
    """The words of the deed a when-question asks the time of: its words after the question word that are no
    nouns (哪天着陆火星的 → 着陆; 几号开赛的 → 开赛), as the answer puts the date where the question puts 哪天, before
    the verb."""
    m = _WHEN_ASKED.search(q)
    if m is None:
        return []
    nouns = {w for w, tag in tags(q) if is_noun(tag)}
    words = [t for t in terms if t and t in q[m.end() :] and t not in nouns]
    split = _SPLIT_DEED.search(q[m.end() :])
    if split is not None:
        verb, thing = split.groups()
        words += [verb + thing, thing]  # 哪年入的党 → 入党, 党 (加入中国共产党)
    return words


# A deed asked with its verb and object parted by 的 at the question's end (哪年入的党, 什么时候结的婚, 哪天开的业):
# news writes the verb and the object together (入党, 结婚) or the object after another verb (加入中国共产党).
_SPLIT_DEED = re.compile(r"([^\W\d_是有在])的([\u4e00-\u9fff]{1,2})[？?吗呢啊呀]*$")
