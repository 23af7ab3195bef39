"""Answers by kind: the one to three sentences of the top results that hold what a question asks for.
Pure (apart from jieba's part-of-speech tagger, used to recognise names and places).

`question_kind(query)` classifies the question:

    why      为什么 / 为何 / 什么原因         → a cause clause (因为, 由于, 受…影响, 得益于, 出于…)
    when     什么时候 / 哪天 / 几号 / 哪一年   → a date or a time (5月4日16时40分, 9日至10日, 2014年); a day
                                                 with its month over a day alone (5日), which is shown
                                                 after the dateline that gives its month
    who      谁 / 哪位 / 叫什么名字            → a person's name not in the question (or the post before or
                                                 after it: 免去韩俊的…部长职务); 哪些人: two names or more
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
                                                 a name of the kind, “猴车”, counts)

The kind asked for (`category_asked`: 什么车 → 车, 哪些新闻单位 → 单位, 企业有哪些 → 企业) and what a
how-many question measures (`measured_asked`: 余额有多少 → 余额) are read from the question once.
`fact_test` gives the evidence ranking a cheap test of a how-many question's fact.

Each sentence of the best-ranked articles (up to five: the first result is not always the one that
says it) is scored by the share of the question's words it holds — weighted by how rare each word is
within its article (`term_weights`), a word of the article's title counting half everywhere in it,
and an OR group counting when one member is there — plus a bonus when it holds the kind of fact
asked for, minus a little per place its article is ranked below the first. A sentence needs most of
the words, or some of them and the fact asked for. For how-many, the sentence is also read clause by
clause (`clauses`): the number written in the clause holding the question's words answers them, one in
another clause most often counts something else. A year or month the question names (2018年销售额), or
a period relative to the story (今年以来), counts as one of its words, and a lower article printing it may answer though the first holds a plain
figure (`reads_further`). An enumeration continues into the sentences that
carry on its numbering (二是, 三是), up to three sentences.

A dateline (新华社北京4月3日电) dates the report, not the event: it answers "when" only if no
sentence dates the event itself, and then it is shown with the sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from storage.models import Answer
from storage.search.snippets import mark
from storage.search.synonyms import printed_forms
from storage.text.normalize import Folded, normalize
from storage.text.summary import placed_sentences, strip_dateline

MIN_COVERAGE = 0.55  # share of the question's words (by weight) a sentence must hold
MIN_KIND_COVERAGE = 0.3  # ... or this much if it also holds what is asked for
MIN_TOP_KIND_COVERAGE = 0.15  # ... or, in the first result, this much and what is asked for
HOLDS_KIND = 0.5  # kind strength of a sentence that holds the kind of fact asked for
STRONG_KIND = 0.6  # ... and holds it clearly (a date with its day, a number with the unit asked for)
# Kinds whose answer must hold the fact asked for: a sentence without one is no answer.
REPORT_DAY_STRENGTH = 0.55  # a "when" sentence whose only day is the report's own
DAY_ALONE_STRENGTH = 0.8  # a "when" sentence whose days have no month (5日, 27日上午)
FACT_KINDS = frozenset({"who", "identity", "when", "where", "howmany", "which", "name"})
KIND_BONUS = 0.5
RANK_PENALTY = 0.12  # per place an article is ranked below the first
TITLE_SHARE = 0.5  # a word of the article's title counts this much in every sentence of it
MAX_ANSWER = 380  # characters, one to three sentences
MAX_SENTENCES = 3
MAX_DOCS = 5
PAIR_PENALTY = 0.08  # an answer of two sentences ranks a little below one sentence that says it all

_EN = r"(?<![a-z]){}(?![a-z])"
_KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
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
            + _EN.format("(?:who|whom|whose)")
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
            r"多少|几[个位项条名人次家支枚级岁年天种成倍台辆架所处篇亩吨号]|多大|多高|多长|多远|多深|多重|多久|"
            # 几口人, 几卡车, 几间房: 几 before any measure word (not 几乎, 几何, 这几年)
            r"(?<![近这前后头那好十])几(?![乎何月号日点时])[\u4e00-\u9fff]|"
            r"百分之几|几成|" + _EN.format("how (?:many|much|long|far|old)")
        ),
    ),
    ("which", re.compile(r"哪些|哪几|有几|几项|几点|哪几类|" + _EN.format("which"))),
)
_WHERE_ASKED = dict(_KIND_PATTERNS)["where"]
# How news follows a visit from place to place: 来到…, 走进…, 先后到…调研, 在…，李强详细了解….
_VISITED = re.compile(
    r"来到|走进|前往|深入(?=[^，,。；;]{0,6}(?:基层|一线|田间|社区|企业|农村|乡村|村|矿|车间|工地|现场))|走访|先后到|实地察看|(?:^|[，,])在[\u4e00-\u9fff]{2,12}[，,][\u4e00-\u9fff]{2,4}(?:详细)?了解|"
    r"到[\u4e00-\u9fff]{2,12}(?:调研|考察|看望|察看)"
)
_PLACES_ASKED = re.compile(r"哪些地方|哪几个地方|哪些地点|去了哪|到了哪|去过哪|考察了哪|调研了哪|走访了哪")
# "哪几号主席令" asks for a list, though 几号 usually asks for a day.
_WHICH_FIRST = re.compile(r"哪几|哪些")

# "X是谁 / X是什么职务": news writes a person's post right before the name (宣传部长申红涛).
_IDENTITY = re.compile(
    r"是谁|是什么人|什么职务|什么职位|什么身份|干什么的|做什么的|担任什么|什么官|(?<![a-z])who(?:\s+is|\s+was|'s)(?![a-z])"
)
# 副总裁, 总干事, 教授: the posts news names people by in business, international bodies and universities too
_POST = (
    "(?:长|书记|主任|部长|经理|主席|委员|常委|总监|董事|秘书|局长|记者|通讯员|代表|负责人|总统|总理|首相|发言人|干部|"
    "总裁|干事|教授)"
)
# What asks for the holder of the post written right before it (党支部书记是谁, 董事长叫啥).
_HOLDER_ASKED = r"的?(?:是谁|叫什么|叫啥|是哪位|是什么人|名叫什么)"  # 现在是…副主任的是谁

# A day of the lunar calendar, as news dates the festival season (腊月二十九, 正月初五, 大年初三, 除夕).
_LUNAR_DAY = (
    r"(?:(?:农历)?(?:正|腊|冬|[一二三四五六七八九十]{1,2})月(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|"
    r"二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)|大年(?:初[一二三四五六七八九十]|三十)|除夕)"
)
_DATE = re.compile(
    _LUNAR_DAY + r"|"
    r"\d{4}年\d{1,2}月(?:\d{1,2}[日号])?|\d{1,2}月\d{1,2}[日号](?:至\d{1,2}[日号])?|\d{1,2}[日号](?:至\d{1,2}[日号])|"
    r"\d{1,2}[日号](?:上午|下午|晚|早|凌晨|中午|傍晚)|\d{1,2}时(?:\d{1,2}分)?|\d{4}年|\d{1,2}月份?|"
    r"(?<![\d.])\d{1,2}[日号](?![\d])|"
    # a reign or a dynasty's years (明朝永乐年间, 清康熙至嘉庆年间), not a count of years (二十年间, 这些年间)
    r"(?:[^\W\d_一二三四五六七八九十百千几多数近这那些余]{2}至)?[^\W\d_一二三四五六七八九十百千几多数近这那些余]{2}年间"
)
_MONTH_DAY = re.compile(r"\d月\d{1,2}[日号]")  # a day with its month (5月4日, 2019年2月27日)
_TIME_WORDS = re.compile(r"凌晨|上午|下午|晚上|傍晚|中午|当天|近日|日前|前不久")
_UNITS = (
    "亿元 万元 美元 欧元 元 人次 人 名 位 个 家 项 条 支 枚 次 吨 亩 公顷 公里 千米 米 平方公里 ℃ 度 级 岁 年 天 小时 分钟 秒 "
    "倍 台 辆 架 所 处 篇 幅 点 分 千瓦时 微克 套 件 场 期 批 座 艘 只 头 户 起 例 株 斤 公斤 千克 克 升 立方米 票 % ％ "
    # more units news counts in (3000平方米, 38摄氏度, 120万千瓦, 70周年)
    "平方米 平方千米 摄氏度 毫米 厘米 千瓦 兆瓦 周年 种 类 块 册 本 部 列 份 张 颗 棵 届 集 首 趟 班 剂"
).split()
_KNOWN_UNITS = frozenset(_UNITS) | {"钱"}
# 3000多万千瓦时, 10余万人: news writes 多 / 余 before the magnitude as well as after it.
_NUMBER = re.compile(
    r"\d+(?:\.\d+)?(?:多|余)?(?:万亿|亿|万|千|百)?(?:多|余)?(?:"
    + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
    + ")"
)
# A number with a magnitude and no unit after it (全球1.42亿高中适龄青年): an amount all the same.
_MAGNITUDE = re.compile(r"\d+(?:\.\d+)?(?:多|余)?(?:万亿|亿|万)(?:多|余)?")
# A count written in words (近九成, 三个, 十多家); 一 alone before a measure word is the article "a" (是一名铁人
# 三项爱好者, 成为一家上市公司), no count.
_CN_NUMBER = re.compile(
    r"(?:[一二三四五六七八九十两百千万亿]{2,}|[二三四五六七八九十两百千万亿])(?:多|余)?(?:个|家|项|条|人|名|位|次|倍|成)"
)
# A count in words before the measure word asked (几份建议: 两份建议; 第几批: 第十七批), not "these few" (这两天, 近两年).
_CN_COUNT = (
    r"(?<![这那近前后头每])(?:[一二三四五六七八九十两百千万亿]{2,}|[二三四五六七八九十两百千万亿])(?:多|余)?"
)
_ENUMERATION = re.compile(
    r"[一二三四五六七八九十]是|[一二三四五六七八九十]要|首先|其次|第[一二三四五六七八九十][，,]"
)
# A list after a colon, its items parted by semicolons (重点检查7方面内容：…；…); normalised text holds ASCII
# colons and semicolons, typed text the full-width ones.
_COLON_LIST = re.compile(r"[：:].*[；;]|[；;].*[：:]")
_CONTINUES = re.compile(r"^(?:[二三四五六七八九十]是|[二三四五六七八九十]要|其次|再次|最后|此外|同时[，,])")
_CAUSE = re.compile(
    r"因为|由于|受[^，,。]{1,24}影响|得益于|原因|为了|旨在|出于|理由是|导致|因此|所以|是因为|主要是|关键是|源于|"
    # 担忧 / 担心 (out of worry), not the worry a thing gives rise to (引发担忧, 令人担心: a consequence)
    r"(?<!引发)(?<!引起)(?<!令人)(?<!让人)(?:担忧|担心)|因(?![素地此子])[^，,。]{1,12}而|缘于|之所以|鉴于|随着|目的是|意在|为的是|用于|以便|"
    # 但因“修例风波”及…长期停摆才延至…: 因…才 as 因…而; 经过调查，原来…: what an inquiry found caused it
    # 他自己因体力不支被水流卷走, 因涉嫌受贿被查: what befell someone, after its cause
    r"因(?![素地此子为])[^，,。；;]{1,24}?[才被]|(?:调查|查明|询问|追问|核实)[^。；;]{0,4}?原来|"
    # 这得归功于…, 成绩的取得离不开…, 秘诀在于…, 初衷是…: what news credits a result to, or a deed's motive
    r"归功于|归因于|受益于|离不开|靠的是|秘诀|(?<![存])在于|初衷|出发点|动机|起因|缘由|考虑到|迫于|"
    # 资金出现缺口，于是安排…虚报; 加大投入，从而提高产量: the clause before a consequence is its cause
    r"[，,](?:于是|从而|因而|故而|为此|由此|以致|以至于|致使)|"
    # 在疫情防控常态化的背景下，…: the circumstance a deed answers
    r"背景下|"
    # 因脑溢血抢救无效死亡, 因病逝世, 死于心脏病: news writes the cause of a death or an injury after 因
    # (因突发心脏病被送往医院，抢救无效不幸去世: the death may follow in the next clause)
    r"因[^，,。；;]{1,12}?(?:[，,][^，,。；;]{0,10}?)?(?:去世|逝世|病逝|离世|死亡|身亡|遇难|牺牲|殉职|受伤|住院)|"
    r"死于|病逝于|"
    # 这可能是断层地质条件造成的, 系操作不当所致: the cause written before what it caused
    r"是[^，,。；;]{2,20}?(?:造成|导致|引起|引发)的|所致"
)
# A clause opening with 因 (叶全奖因突发心脏病被送往医院，…): most often a cause, but 因 also opens what is
# not one (除6名干部因有情况需要核实外，…), so it holds a cause less plainly than 因为 or 原因.
_CAUSE_CLAUSE = re.compile(r"(?<![原基诱])因(?![素地此子为])[^，,。；;]{1,12}[，,]")
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
_QUOTED_NAME = re.compile(r"[《“「\"]([^》”」\"]{2,30})[》”」\"]")
_NAMED = re.compile(
    r"(?:名为|叫做|称为|命名为|取名|代号|简称|全称|被称作|号称|俗称|名叫)[“《「]?[\u4e00-\u9fffA-Za-z0-9]{2,}"
)
_CODE = re.compile(r"[\u4e00-\u9fff]{0,4}[A-Za-z]*\d+[A-Za-z]+\d*|[A-Za-z]+-?\d+[A-Za-z]*")
_PRONOUN_START = re.compile(r"^(?:他|她|其|该同志)")
_LISTED = re.compile(r"分别是|分别为|依次是|包括[^。；;]{2,}、")
_PURPOSE = re.compile(
    r"[，,]以(?:便|期|确保|保障|增加|提高|减少|满足|促进|推动|缓解|应对|遏制|改善|防止|避免|加快|保护)|"
    r"[，,]以[^\d\s，,。]{2,8}(?:[，,。]|$)|"
    # 坚持率团访华，就是要体现…的坚定支持: what was done, then what it was meant to do
    r"[，,](?:就|正)是(?:要|想|希望)|"
    # 为加强疫情防控工作，有效减少人员聚集，现将…: news opens a decision with its purpose, after 为, or
    # writes it after the doer (邓瑞甫为保护人民生命财产安全献出了宝贵生命); not the 为 of 成为, 作为, 列为…
    r"(?:^|[，,]|(?<![成作认因以行称更较极评视列改分名命广最尤颇甚而仅约定大转变划选设译升结]))为(?:了)?(?:进一步|更好|有效|切实)?(?:加强|做好|应对|解决|推动|促进|保障|确保|满足|减少|防止|避免|"
    r"支持|落实|提高|实现|打赢|保护|遏制|缓解|改善|方便|帮助|维护|防范|化解|稳定|扩大|降低|"
    # 为感谢12年前武汉的医疗援助，汶川村民…: thanks, a memory or a celebration open what was done for it
    r"感谢|答谢|纪念|庆祝|迎接|表彰)"
)
# 为对抗通缩风险、刺激欧元区经济复苏，欧洲央行…: a sentence opening with 为 and a clause of its own most often says
# what the rest was done for, whatever its verb (not 为期, 为此, 为止, 为主, 为何); less plainly than `_PURPOSE`'s verbs,
# and only for the deed the question asks about (its words after the clause).
_OPENING_PURPOSE = re.compile(r"^为了?(?![期此止主何啥什])[\u4e00-\u9fff][^，,。；;]{1,24}[，,]")
_DATELINE = re.compile(r"^\s*(据?(?:新华社|本报|央视网消息|中新社)\S{0,10}?(\d{1,2}月\d{1,2}日)电?)")


# 叫什么 / 名为 / 代号: a name is asked for; a person's when the word before names a person or a post.
_NAME_ASKED = re.compile(
    r"叫什么|叫啥|名叫|名为|什么名字|名字是|名称|代号|称号|全称|简称|叫做什么|取名|"
    r"(?:原名|本名|别称|别名|笔名|艺名|外号|绰号|昵称|主题|口号)(?:是|叫|为)?(?:什么|啥)"
)
_PERSON_BEFORE = re.compile(
    # 社工, 职工 (工); 老伴, 爱人, 媳妇: the spoken words for a wife or a husband
    r"(?:[人者长员师官家手事户兵工]|书记|主任|主席|总统|总理|首相|医生|支书|冠军|导演|院士|代表|大使|总裁|经理|村民|农民|"
    r"战士|英雄|烈士|女士|先生|姑娘|小伙|孩子|学生|教练|妻子|丈夫|老伴|爱人|媳妇|老婆|儿子|女儿|父亲|母亲|那位|这位|哪位|"
    r"干部|村官|护士|民警|警察|老人|老汉|大爷|大妈|阿姨)的?"
    r"(?:叫什么|叫啥|名叫|名字)"
)


# A name's own word (称号, 名称, 代号…) that is the topic of a question asking something else (哪天追授…革命烈士称号).
_NAME_NOUNS = re.compile(r"名称|代号|称号|全称|简称")


def _name_is_topic(q: str) -> bool:
    """Whether the question's only name word is a name's own word and another kind's word asks (哪天, 在哪)."""
    if _NAME_ASKED.search(_NAME_NOUNS.sub("", q)):
        return False
    return any(pattern.search(q) for kind, pattern in _KIND_PATTERNS if kind != "which")


def question_kind(query: str) -> str:
    """'why', 'when', 'who', 'where', 'howmany', 'which', 'name' or 'what'."""
    q = normalize(query)
    if (
        _NAME_ASKED.search(q)
        and not _PERSON_BEFORE.search(q)
        and not re.search(r"谁|哪位|哪些|哪几", q)
        and not _name_is_topic(q)
    ):
        return "name"
    if _WHICH_FIRST.search(q) and not re.search(r"哪些人|哪几位|哪一天|哪一年|哪几天|哪几日", q):
        # 哪些/哪几 ask for a list, unless they ask for a day, a person or a count (哪几个 → which).
        if not _KIND_PATTERNS[0][1].search(q):
            return "which"
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(q):
            return kind
    return "what"


def _day_of(date_text: str) -> int | None:
    """The day of the month a date expression names (5月12日 → 12, 12日上午 → 12), or None."""
    m = re.search(r"(\d{1,2})[日号]", date_text)
    return int(m.group(1)) if m else None


# A rate asked for (失业率是多少, 同比增长多少, 覆盖率提升到多少): news writes it in per cent or points.
_RATE_ASKED = re.compile(
    r"(?:率|比重|占比|比例|增幅|降幅|涨幅|增速|同比增长|同比下降|环比增长|环比下降)"
    r"(?:了|是|为|有|达|达到|提升|提高|增长|下降|降低|上升)?(?:到|至)?(?:多少|百分之几)|百分之几"
)
RATE = "%"
_RATE_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:%|％|个百分点)|百分之[一二三四五六七八九十百点]+")
_UNIT_ASKED = re.compile(
    # 这几年, 近几年, 前几次 say "the last few", no count asked for (这几年破了多少起案子 asks for 起)
    r"(?:多少|(?<![近这前后头那好十])几)(?:万亿|亿|万|千|百)?"  # 多少万人: people, counted in ten thousands
    r"(" + "|".join(re.escape(u) for u in sorted([*_UNITS, "钱"], key=len, reverse=True)) + ")"
)
# The units news writes for the same count (多少人: 1.2万名, 300余位; 多少钱: 2000多块).
_SAME_UNIT = {
    "人": ("人", "名", "位"),
    "名": ("名", "人", "位"),
    "位": ("位", "名", "人"),
    "千米": ("千米", "公里"),
    "元": ("元", "块"),
}
# 几 before a measure word news counts in that `_UNITS` does not list (几口人 → 口, 几卡车 → 卡): the
# measure word itself, which news writes right after the number (共18口人, 6卡车蔬菜).
# (几十年来, 几十万: "some tens", no count asked for)
_MEASURE_ASKED = re.compile(r"(?<![近这前后头那好十])几(?:万|千|百)?(?![乎何月号日点时十])([\u4e00-\u9fff])")


# 多少 before a measure word `_UNITS` does not list (一天能卖多少碗, 多少盏, 多少箱): the measure word, which news
# writes right after the number (近100碗). Only measure words that seldom open a noun: after 多少 a character
# most often opens the noun counted (多少贫困户, 多少门票), which is no unit.
_MEASURE_WORDS = "碗盏桶瓶箱袋盒粒杯筐罐盆顿桌捆茬栋幢束串朵枝封道"
# 多少道菜, 多少封信 count in 道 and 封; 多少道路, 多少封面 name a thing
_MEASURE_AFTER_HOW_MANY = re.compile(
    f"多少([{_MEASURE_WORDS}])(?![\u4e00-\u9fff]{{0,1}}子|路|理|德|面|锁|闭)"
)


def _unit_asked(query: str) -> str | None:
    """The unit a how-many question names (多少岁 → 岁, 几级 → 级, 多少小时 → 小时, 多少钱 → 元), or `RATE`
    for a rate (失业率是多少, 同比增长多少); an age asked for (多大年纪, 多大岁数, 年龄多大) is counted in 岁."""
    m = _UNIT_ASKED.search(query)
    if m is not None:
        return "元" if m.group(1) == "钱" else m.group(1)  # 多少钱: any amount of money (亿欧元, 万元)
    if _AGE_ASKED.search(query):
        return "岁"
    if _DURATION_ASKED.search(query):
        return DURATION
    if _RATE_ASKED.search(query):
        return RATE
    measure = _MEASURE_ASKED.search(query) or _MEASURE_AFTER_HOW_MANY.search(query)
    return measure.group(1) if measure is not None else None


# A length of time asked for without its unit (多长时间, 多久): news gives it in any unit of time (工作2个月左右,
# 一至三个月的宽限期, 需要8年); a year or a month alone (2019年, 3月) is a date, not a length.
DURATION = "时长"
_DURATION_ASKED = re.compile(r"多长时间|多久|多少时间|多长的时间")
_DURATION = re.compile(
    r"(?:(?<![\d.])\d{1,3}(?:\.\d+)?|[一二两三四五六七八九十半百]+)(?:多|余)?"
    r"(?:个月|个多月|年|天|周|个星期|星期|小时|分钟|昼夜)"
)
# An age asked for without its unit: 多大年纪, 多大岁数, 年龄多大, 多大了, 多少高龄.
_AGE_ASKED = re.compile(r"多大(?:年纪|岁数|年龄|了)|年龄(?:是|有)?多大|年纪(?:有)?多大|多少高龄|高寿")


def _has_unit(unit: str, numbers: Sequence[str], sentence: str) -> bool:
    """Whether one of the numbers is in the unit asked for (or one news writes for it)."""
    if unit == RATE:
        return bool(_RATE_NUMBER.search(sentence))
    if unit == DURATION:
        return bool(_DURATION.search(sentence))
    if unit not in _KNOWN_UNITS:
        return re.search(_ANY_NUMBER + r"(?:多|余)?" + re.escape(unit), sentence) is not None  # 共18口人
    return any(n.endswith(u) or u in n for u in _SAME_UNIT.get(unit, (unit,)) for n in numbers)


@lru_cache(maxsize=4096)
def _tags(sentence: str) -> list[tuple[str, str]]:
    from storage.text.segment import tokenizer

    return tokenizer().tag(sentence, True)


def _post_before(sentence: str, terms: Sequence[str]) -> bool:
    return any(re.search(_POST + re.escape(t), sentence) for t in terms)


def _new(found: Sequence[str], query: str) -> list[str]:
    """The found strings that the question does not already hold."""
    return [f for f in found if f and f not in query]


# How plainly a sentence holds the kind of fact asked for (`kind_strength`).
PLAIN = 1.0  # the fact itself: a date with its day, the number with the unit asked for, a name
LIKELY = 0.8  # very likely the fact: a number when no unit was asked, a name after 名为
PARTIAL = 0.7  # part of it: a year or a month without a day, a place name, a list of three or more
SOME = 0.6  # something of the kind: a name jieba tags, what X is (X是…)
WEAK = 0.5  # a hint: a place suffix, a list of two
FAINT = 0.3  # a time word (当天, 日前), a number without the unit asked for
NOTHING = 0.0


@dataclass(frozen=True)
class _Asked:
    """What the strength of a sentence is measured against: the question (normalised), its words,
    everything it already says (`known`), and the day of the report's dateline."""

    query: str
    terms: tuple[str, ...]
    report_day: int | None = None

    @property
    def known(self) -> str:
        return self.query + "".join(self.terms)


def _identity_strength(sentence: str, asked: _Asked) -> float:
    """X是谁 / X什么职务 when news writes the post right before the name (宣传部长申红涛), or after it
    (免去韩俊的农业农村部部长职务, 任命张柱为农业农村部部长, 李明现任市长)."""
    return PLAIN if _post_before(sentence, asked.terms) or _post_after(sentence, asked.terms) else NOTHING


def _post_after(sentence: str, terms: Sequence[str]) -> bool:
    return any(
        re.search(
            re.escape(t) + r"(?:的|为|任|担任|现任|出任|同志任)[\u4e00-\u9fff]{0,12}?" + _POST, sentence
        )
        for t in terms
        if len(t) >= 2
    )


def _day_without_month(text: str) -> bool:
    """Whether the text dates something by a day of the month (27日, 5日上午) and names no month."""
    return re.search(r"(?<![\d.])\d{1,2}[日号]", text) is not None and re.search(r"\d月", text) is None


# A day of the week asked for (每周几, 星期几) and as news writes it (每周三, 星期二, 周日).
_WEEKDAY_ASKED = re.compile(r"(?:周|星期|礼拜)几")
_WEEKDAY = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天](?![\u4e00-\u9fff]?年)")
# A time of day asked for (几点, 几时几分, 什么时刻) and as news writes it: 夜里11点40分, 晚6时30分, 8点半, 5:38 (a
# colon normalised from the full-width one), 晚上8点; a count of points (3点意见) has no minute and no part of day.
_CLOCK_ASKED = re.compile(r"几点|几时几分|什么时刻|哪个时刻")
_CLOCK = re.compile(
    r"(?<![\d.])\d{1,2}(?:点|时)\d{1,2}分|(?<![\d.])\d{1,2}点半|(?<![\d.:])\d{1,2}:\d{2}(?![\d:])|"
    r"(?:凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|夜间|晚|早)\d{1,2}(?:点|时)"
)


def _when_strength(sentence: str, asked: _Asked) -> float:
    """A date or a time the question lacks; a day only the dateline's is the report's, not the event's. A
    day with its month (5月4日16时40分) says when more plainly than a day alone (5日, 27日上午), which
    leaves the month to the reader and is most often the day the report's news came. A day of the week
    (每周几) is answered by one (每周三), a time of day (几点) by a time of day (夜里11点40分, 5:38): a date
    without one is then at most a hint, as a lower result may give the hour."""
    if _WEEKDAY_ASKED.search(asked.query):
        return PLAIN if _new(_WEEKDAY.findall(sentence), asked.query) else FAINT
    if _CLOCK_ASKED.search(asked.query):
        return (
            PLAIN
            if _new(_CLOCK.findall(sentence), asked.query)
            else min(WEAK, _date_strength(sentence, asked))
        )
    return _date_strength(sentence, asked)


def _date_strength(sentence: str, asked: _Asked) -> float:
    """`_when_strength` for a date: a day with its month, a day alone, a year or a month, a time word."""
    dates = _new(_DATE.findall(sentence), asked.query)
    days = [d for d in dates if re.search(r"\d月\d|\d[日号]|\d时", d) or re.fullmatch(_LUNAR_DAY, d)]
    if days and asked.report_day is not None and all(_day_of(d) == asked.report_day for d in days):
        return REPORT_DAY_STRENGTH
    if any(_MONTH_DAY.search(d) or re.fullmatch(_LUNAR_DAY, d) for d in days):
        return PLAIN
    if days:
        return DAY_ALONE_STRENGTH
    if dates:
        return PARTIAL
    return FAINT if _TIME_WORDS.search(sentence) else NOTHING


def _howmany_strength(sentence: str, asked: _Asked) -> float:
    """A number with the unit asked for (多少人 → 1.42万人), right before what is counted (多少武装分子 →
    1.4万名武装分子) or right after what is measured (余额有多少 → 余额12.6万亿元), else any amount. A number
    planned (计划筹集75亿欧元, 目标) is no answer to what was done, unless the question asks about a plan; a
    number in a clause dated only by another year than the one asked (2019年…多少人: 继2018年选派44名干部之后)
    is of that other year."""
    sentence = _of_years_asked(sentence, asked.query)
    if _ORDINAL_ASKED.search(asked.query) and not _ORDINAL.search(sentence):
        return min(LIKELY, _howmany_plan(sentence, asked))  # 第几次夺冠: 7次捧杯 counts, 第七次 answers
    return _howmany_plan(sentence, asked)


# 第几次 / 第几届 asks for an ordinal (第七次捧起农心杯), which news writes with 第.
_ORDINAL_ASKED = re.compile(r"第几")
_ORDINAL = re.compile(r"第[\d一二三四五六七八九十百两]+")


def _howmany_plan(sentence: str, asked: _Asked) -> float:
    """`_howmany_strength` after the year and the ordinal asked are weighed: a planned number."""
    if not _PLAN.search(asked.query):
        done = _PLANNED_CLAUSE.sub("，", sentence)
        if done != sentence and _howmany_in(done, asked) < _howmany_in(sentence, asked):
            return min(WEAK, _howmany_in(sentence, asked))
    return _howmany_in(sentence, asked)


_YEAR = re.compile(r"(?<!\d)\d{4}年")


def _of_years_asked(sentence: str, query: str) -> str:
    """The sentence without its clauses that name a year and none of the years the question names (all of
    it when the question names no year, or when no clause is left out)."""
    asked = set(_YEAR.findall(query))
    if not asked:
        return sentence
    kept = [c for c in clauses(sentence) if not (years := _YEAR.findall(c)) or asked.intersection(years)]
    return sentence if len(kept) == len(clauses(sentence)) else "，".join(kept)


def _howmany_in(sentence: str, asked: _Asked) -> float:
    unit = _unit_asked(asked.query)
    numbers = [
        n
        for n in _new([m.group(0) for m in _NUMBER.finditer(sentence)], asked.query)
        if unit == "年" or not re.fullmatch(r"\d{4}年|\d{1,2}[月日号]", n)  # dates are not amounts
    ]
    bare = _new([m.group(0) for m in _MAGNITUDE.finditer(sentence)], asked.query)
    numbers += bare
    worded = _new([m.group(0) for m in _CN_NUMBER.finditer(sentence)], asked.query)  # 近九成, 三个
    if unit in _KNOWN_UNITS:
        worded += _new(_worded_in(unit).findall(sentence), asked.query)  # 几份建议: 两份
    if unit is not None and _has_unit(unit, numbers + worded, sentence):
        counted = _counted_after_unit(asked, unit)
        if counted is None or re.search(
            f"(?:{_ANY_NUMBER}|{_CN_COUNT})"
            + r"(?:多|余)?(?:"
            + _units_of(unit)
            + r")[^，,。；;\d]{0,12}"
            + re.escape(counted),
            sentence,
        ):
            return PLAIN
        return LIKELY  # 多少人遇难: 600名志愿者 counts someone else (99人遇难 is the plain answer)
    if unit is not None and unit != RATE and any(not _NUMBER.match(sentence, sentence.find(b)) for b in bare):
        return LIKELY  # 多少人: 贫困人口由692万降到111万 (news leaves the unit out after 万 and 亿)
    counted = _counted(asked)
    if counted and re.search(_SHARE + r"的?" + re.escape(counted), sentence):
        return LIKELY  # 影响着全球多少人口: 影响着全球近2/3的人口 (a share of what is counted)
    if counted and numbers and re.search(_ANY_NUMBER + r"[^，,。；;\d]{0,3}" + re.escape(counted), sentence):
        return PLAIN  # 多少武装分子: 1.4万至1.8万名武装分子
    measured = measured_asked(asked.query) if unit is None else None
    if measured and numbers and re.search(re.escape(measured) + r"[^，,。；;\d]{0,6}?\d", sentence):
        return PLAIN  # 余额有多少: 余额12.6万亿元
    if numbers:
        return LIKELY if unit is None else FAINT
    return WEAK if worded else NOTHING


# A share of a whole, as news gives how many of it (近2/3的人口, 三分之一的企业, 六成村民, 半数以上的成员, 40%的
# 家庭): an answer to how many of what is counted.
_SHARE = (
    r"(?:\d+/\d+|[一二三四五六七八九十百]+分之[一二三四五六七八九十百]+|\d+(?:\.\d+)?[%％]|[一二三四五六七八九]成|"
    r"半数|过半|大半)(?:以上|左右|多)?"
)


# A plan or a target, not a fact: 计划筹集75亿欧元, 预计, 力争, 设定了…等主要目标.
_PLAN = re.compile(r"计划|预计|目标|力争|争取|拟|有望|预期|打算|要|将")
_PLANNED_CLAUSE = re.compile(
    r"[^，,。；;：:]*(?:计划|预计|目标|力争|争取|(?<![模虚])拟|有望|预期)[^，,。；;：:]*"
)
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
    words = _tags(normalize(query))
    for i, (word, _tag) in enumerate(words):
        split = word == "多" and i + 1 < len(words) and words[i + 1][0] in _MEASURES  # jieba: 多/大
        if word not in _HOW_MUCH and not split:
            continue
        j = i - 1
        while j >= 0 and words[j][0] in _BEFORE_HOW_MANY:
            j -= 1
        if j >= 1 and words[j][1] == "eng" and _is_noun(words[j - 1][1]):
            return words[j - 1][0] + words[j][0]  # 人均GDP达到多少: 人均GDP (jieba: 人均/GDP, tagged eng)
        if j >= 0 and len(words[j][0]) >= 2 and (_is_noun(words[j][1]) or words[j][1] in ("vn", "eng")):
            return words[j][0]
    return None


_ANY_NUMBER = r"\d+(?:\.\d+)?(?:多|余)?(?:万亿|亿|万|千|百)?"


@lru_cache(maxsize=256)
def _worded_in(unit: str) -> re.Pattern[str]:
    """A count in words in the unit (or one news writes for it): 两份, 十七批, 三百多名."""
    return re.compile(_CN_COUNT + "(?:" + _units_of(unit) + ")")


def _units_of(unit: str) -> str:
    return "|".join(re.escape(u) for u in _SAME_UNIT.get(unit, (unit,)))


def _counted_after_unit(asked: _Asked, unit: str) -> str | None:
    """What a how-many question counts right after the unit it names (多少人遇难 → 遇难, 多少项报表 → 报表),
    as news writes it after the number (99人遇难): a word of the question of two characters or more."""
    if unit == RATE:
        return None
    m = re.search(
        r"(?:多少|几)(?:万亿|亿|万|千|百)?(?:" + _units_of(unit) + r")([\u4e00-\u9fff]{2,6})", asked.query
    )
    if m is None:
        return None
    return next((t for t in asked.terms if m.group(1).startswith(t) and len(t) >= 2), None)


def _counted(asked: _Asked) -> str | None:
    """What a how-many question counts when no unit is named: the word of the question right after
    多少/几 (多少武装分子 → 武装分子)."""
    m = re.search(r"(?:多少|几)(?:[个位名条项家座所件批])?([\u4e00-\u9fff]{2,6})", asked.query)
    if m is None:
        return None
    return next((t for t in asked.terms if m.group(1).startswith(t) and len(t) >= 2), None)


# Words that frame the question's time rather than name its topic.
_TIME_FRAME = frozenset({"截至", "截止", "以来", "至今", "期间", "前后", "之前", "之后", "以前", "以后"})

# The words that ask for one thing of a kind (什么车, 哪些频道, 哪几家), and the noun before 有哪些 (企业有哪些).
_ASKING = re.compile(r"^(?:什么|啥|哪(?:些|几)?[个家种类位座条项所部支]?)(\w*)$")
_HAS = frozenset({"有", "是", "包括", "包含", "都有", "还有"})
_CALLED = frozenset({"叫", "叫做", "名叫", "取名", "名为"})
# X名叫什么 (村名叫什么, 店名叫什么): the thing named is an X.
_X_NAME = re.compile(r"([\u4e00-\u9fff])名(?:叫|是|为)?(?:什么|啥)")
# What comes before a class counted (92个行政村, 各省, 全市): the word after it is no name.
_COUNTED_BY = frozenset("个名家座所条项种类各全每几多些")
# A measure word jieba parts from 哪 (哪/所/大学): the kind asked is the noun after it.
_ASKING_MEASURES = frozenset("个家种类位座条项所部支")
# Words after 什么 that name no kind of thing (叫什么名字, 什么内容).
_NO_CATEGORY = frozenset({"名字", "名称", "名", "东西", "内容", "情况", "意思", "样子", "事", "事情"})
# A character that ends a phrase rather than a name (的样板村, 等行业, 这个村).
_NOT_NAME_END = frozenset("的等和与及或、了在是为个些该这那其此每各本全某")


def _is_noun(tag: str) -> bool:
    return tag.startswith("n") or tag in ("zg", "j", "ng")


@lru_cache(maxsize=512)
def category_asked(query: str, *, as_ranked: bool = False) -> str | None:
    """The kind of thing a question asks to be named or listed, as news writes it after the name:
    什么车 → 车 (“猴车”), 哪些新闻单位 → 单位 (人民日报社、新华社等单位), 企业有哪些 → 企业, 村名叫什么 → 村,
    哪所大学 → 大学, 是哪个学校毕业的 → 学校. `as_ranked`: as the ranking's fact test reads it, without the last
    two readings (not measured on the ranking)."""
    words = _tags(normalize(query))
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
            if not _is_noun(t):
                break
            nouns.append(w)
        if not as_ranked and len(nouns) >= 2 and after[len(nouns) :] == [("的", "uj")]:
            nouns.pop()  # 是哪个学校毕业的: the word before the closing 的 is what was done (jieba: 毕业/n)
        if nouns:
            return _kind_word(nouns[-1])
        ends = not after or after[0][1] == "x"  # 有哪些 ends the question or its clause
        if ends and i >= 2 and words[i - 1][0] in _HAS and _is_noun(words[i - 2][1]):
            return _kind_word(words[i - 2][0])  # 单项冠军企业有哪些
        if ends and i >= 2 and words[i - 1][0] in _CALLED:
            # 家庭农场叫啥: the nouns right before 叫, as one word (家庭/农场 → 家庭农场)
            j = i - 2
            while j >= 0 and _is_noun(words[j][1]) and i - 2 - j < 2:
                j -= 1
            kind = "".join(w for w, _t in words[j + 1 : i - 1])
            if j < i - 2 and not kind.startswith(("那", "这", "该")):  # 那口井叫啥: that one thing's name
                return _kind_word(kind)
    m = _X_NAME.search(query)
    return m.group(1) if m and m.group(1) not in "字" else None


def _kind_word(word: str) -> str | None:
    return word if word not in _NO_CATEGORY else None


def _named_instances(sentence: str, category: str, known: str) -> list[str]:
    """Names of the kind asked for that the question lacks: the one to three characters written right
    before the category word (约特村, “猴车”, F-18战斗机, 农业农村部部长职务)."""
    out: list[str] = []
    if category not in sentence:
        return out
    for m in _instance_pattern(category).finditer(sentence):
        prefix = m.group(1)[-2:]
        name = prefix + category
        start = m.end(1) - len(prefix)
        before = sentence[start - 1] if start > 0 else ""
        if prefix[-1] in _NOT_NAME_END or name in known or prefix in known:
            continue
        if before and (before.isdigit() or before in _COUNTED_BY):
            continue  # 92个行政村: a count of a class, not a name
        out.append(name)
    return out


@lru_cache(maxsize=256)
def _instance_pattern(category: str) -> re.Pattern[str]:
    """What `_named_instances` looks for: one to three characters (and a closing quote) before `category`."""
    return re.compile(r"([\w\-·]{1,3})[”》」\"]?" + re.escape(category))


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


def _list_doing(sentence: str, asked: _Asked) -> bool:
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


def _which_strength(sentence: str, asked: _Asked) -> float:
    """An enumeration (一要…二要…, 分别是…, 《A》《B》, A、B、C), plainest when its items are of the kind
    asked for (哪些单位: 人民日报社、新华社等单位)."""
    category = category_asked(asked.query)
    if category is not None and (_listed_of(sentence, category) or _listed_after(sentence, category)):
        return PLAIN
    if _list_doing(sentence, asked):
        return PLAIN  # 哪几个部门印发的: 中央网信办、农业农村部…联合印发
    if _PEOPLE_ASKED.search(asked.query) and "、" in sentence and len(_new_names(sentence, asked.known)) >= 2:
        return PLAIN  # 有哪些领导人: 习近平、王沪宁、蔡奇等
    if _PLACES_ASKED.search(asked.query):
        # 考察了哪些地方: 李强来到…和机器人谷; a sentence naming no place lists none of them
        if _VISITED.search(sentence):
            return PLAIN
        return PARTIAL if _place_names(sentence, asked.known) else NOTHING
    if _ENUMERATION.search(sentence) or _COLON_LIST.search(sentence):
        return PLAIN  # 一要…二要…, 重点检查7方面内容：…；…
    if _LISTED.search(sentence):
        return PLAIN  # 分别是…, 包括…
    if len(_new([m.group(1) for m in _QUOTED_NAME.finditer(sentence)], asked.query)) >= 2:
        return LIKELY  # 《A》《B》《C》
    items = sentence.count("、")
    return PARTIAL if items >= 2 else WEAK if items == 1 or "和" in sentence else NOTHING


def _why_strength(sentence: str, asked: _Asked) -> float:
    """A cause (因为, 由于, 受…影响) or a purpose (，以增加…)."""
    if _CAUSE.search(sentence):
        return PLAIN
    if _PURPOSE.search(sentence) or _CAUSE_CLAUSE.search(sentence):
        return LIKELY
    opening = _OPENING_PURPOSE.search(sentence)
    if opening is not None and any(t in sentence[opening.end() :] for t in asked.terms if len(t) >= 2):
        return PARTIAL  # the purpose of the deed asked about, told after it (…，欧洲央行…开启负利率时代)
    return NOTHING


# What a name-like thing is called, asked for by its own word (原名叫什么, 别称叫啥, 主题是啥, 授予什么称号):
# news writes that word beside the name (林心平，原名梁玉; 以“中英科技与金融合作”为主题).
_ATTRIBUTE = re.compile(
    r"原名|本名|曾用名|别称|别名|又称|又名|笔名|艺名|外号|绰号|昵称|代号|称号|主题|口号|原叫|原称|旧称|旧名"
)
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


def _attribute_named(sentence: str, asked: _Asked) -> bool:
    """Whether the sentence names what the question asks for by its attribute word (原名, 主题): that word
    with a name right after it (原名梁玉) or a quoted name the question lacks (以“…”为主题)."""
    wanted = {m.group(0) for m in _ATTRIBUTE.finditer(asked.query)}
    if "称号" in wanted and _new([m.group(1) for m in _TITLE_GIVEN.finditer(sentence)], asked.known):
        return True  # 授予了什么称号: 他被授予第七届全国道德模范荣誉称号
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
        if _new([m.group(1) for m in _QUOTED_NAME.finditer(sentence)], asked.known):
            return True
    return False


def _name_strength(sentence: str, asked: _Asked) -> float:
    """A quoted name, a name after 名为/叫/称, a code (官东1701H), a name jieba tags; plainest the name
    given by the attribute word the question asks about (原名梁玉 for 原名叫什么)."""
    if _attribute_named(sentence, asked):
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


def _plain_name_strength(sentence: str, asked: _Asked) -> float:
    """`_name_strength` before the attribute word is weighed."""
    known = asked.known
    category = category_asked(asked.query)
    if category in _WORKS:
        # 那部电影叫什么: news prints the title of a work in 《》 (《那时风华》), a slogan or a phrase in “”; a
        # title right after the word asked (电影《黄宝妹》, 纪实文学《梁家河》) names the work even when it is a
        # name the question gives (a film or a book is often called after its person or place)
        if _new([m.group(1) for m in _WORK_TITLE.finditer(sentence)], known):
            return PLAIN
        if re.search("(?:" + _WORK_WORDS.get(category, re.escape(category)) + r")《[^》]{1,30}》", sentence):
            return PLAIN
        if _new(re.findall(r"“([^”]{1,30})”" + re.escape(category), sentence), known):
            return PLAIN  # 栏目叫啥: 在专设的“抗疫送教”栏目播出 (a column or a programme is also named in “”)
        return FAINT
    if _new([m.group(1) for m in _QUOTED_NAME.finditer(sentence)], known):
        return PLAIN
    if category is not None and _named_instances(sentence, category, known):
        return PLAIN  # 叫什么村: 约特村
    if _NAMED.search(sentence) or _new(_CODE.findall(sentence), known):
        return LIKELY
    names = [
        w for w, tag in _tags(sentence) if tag in ("nr", "nz", "nt", "ns") and len(w) >= 2 and w not in known
    ]
    if not names:
        return NOTHING
    return SOME if category is None else WEAK  # 家庭农场叫啥: a name, but not of a farm


# A post asked for (现在是什么职务, 担任什么职位) and how news gives one: 现为 / 现任 / 担任 / 出任 … a post word.
_POST_ASKED = re.compile(r"什么(?:职务|职位|官|头衔|岗位)|啥(?:职务|职位|官)|担任什么|任什么职")
_POST_GIVEN = re.compile(r"(?:现为|现任|担任|出任|升任|调任|转任|历任|曾任|任职)[^，,。；;]{0,16}?" + _POST)


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


def _what_strength(sentence: str, asked: _Asked) -> float:
    """A name of the kind asked for (什么车: “猴车”), what X is (X位于…，是…; X是…; X为…), or a name in quotes
    the question lacks (of the kind asked for, if the question names one); plainest a name given by the
    attribute word asked about (以“中英科技与金融合作”为主题 for 主题是啥)."""
    if _attribute_named(sentence, asked):
        return PLAIN
    if _POST_ASKED.search(asked.query) and _POST_GIVEN.search(sentence):
        return PLAIN  # 现在是什么职务: 石登高现为花垣县政府办公室主任
    if _TRADE_ASKED.search(asked.query) and _TRADE.search(sentence):
        return PLAIN  # 银京公司是做什么的企业: 银京公司是一家以出口为主的企业，主要生产消毒液
    if _SANCTION_ASKED.search(asked.query):
        # 最后怎么处理的: what was done to whoever did wrong (刘某受到政务警告处分), nothing else
        return PLAIN if _SANCTION.search(sentence) else min(WEAK, _what_named(sentence, asked))
    return _what_named(sentence, asked)


def _modified_kind(asked: _Asked, category: str) -> str | None:
    """The kind asked with the word of the question written right before it after 什么 / 啥 (什么创业补贴 →
    创业补贴), or None when the question names the kind alone: news names one of that narrower kind before
    the whole phrase (给予一次性创业补贴)."""
    m = re.search(r"(?:什么|啥)([\u4e00-\u9fff]{2,4})" + re.escape(category), asked.query)
    if m is None or m.group(1) not in asked.terms:
        return None
    return m.group(1) + category


def _what_named(sentence: str, asked: _Asked) -> float:
    """`_what_strength` after the attribute, the post and the sanction asked are weighed."""
    category = category_asked(asked.query)
    narrower = _modified_kind(asked, category) if category is not None else None
    if narrower is not None and _named_instances(sentence, narrower, asked.known):
        return LIKELY  # 什么创业补贴: 给予一次性创业补贴
    if category is not None and _named_instances(sentence, category, asked.known):
        return LIKELY if narrower is None else SOME  # 社会保险补贴: a 补贴 of another kind than asked
    for t in asked.terms:
        if re.search(re.escape(t) + r"[^。；;]{0,20}?(?:[，,]是|是|为|指|即|叫|名为|称为)", sentence):
            return SOME
    # 编写出我国第一部什么计算表: a name in quotes the question lacks; when a kind of thing is asked for
    # (什么车), a quoted name not of that kind (《新春走基层》) hardly answers
    if not _new([m.group(1) for m in _QUOTED_NAME.finditer(sentence)], asked.query):
        return NOTHING
    return SOME if category is None else FAINT


def _where_strength(sentence: str, asked: _Asked) -> float:
    """位于…, 在…举行, or a place the question lacks (`_place_names`). A question asking where to (开去哪,
    运到哪个国家) is answered by the place after a verb of heading (驶往马来西亚, 发往土耳其); one asking for
    a place of a level (哪个县, 哪个村) by a place of that level (红安县), another place is a part of it."""
    if _ORIGIN_ASKED.search(asked.query):
        return _origin_strength(sentence, asked)
    level = _LEVEL_ASKED.search(asked.query)
    if level is not None:
        asked_level = level.group(1) or level.group(2)
        ends = _LEVEL_ENDS.get(asked_level, (asked_level,))
        places = _place_names(sentence, asked.known) + _new(_level_places(sentence, ends), asked.known)
        if any(p.endswith(ends) and p not in ends for p in places):
            return PLAIN
        return min(WEAK, _place_strength(sentence, asked))  # a hint: a lower result may name the county
    category = category_asked(asked.query)
    if (
        category is not None
        and _is_institution(category, asked.query)
        and _named_instances(sentence, category, asked.known)
    ):
        return PLAIN  # 在哪个大学当主任: 曾担任梅加特仑德大学中国中心主任 (a place of the kind asked)
    if _HEADING_ASKED.search(asked.query):
        m = _HEADING.search(sentence)
        if m is not None and m.group(1)[:2] not in asked.known:
            return PLAIN
    return _place_strength(sentence, asked)


def _is_institution(category: str, query: str) -> bool:
    """Whether a where question asks for a thing of a kind (在哪个大学, 在哪家医院: 哪 and a measure word right
    before it) that is no place word the where question reads itself (哪个社区, 哪个城市: answered by places,
    `_place_strength`), so that a name of that kind answers."""
    asked = re.search("哪一?[个家所座]" + re.escape(category), query) is not None
    return asked and _WHERE_ASKED.search("哪个" + category) is None


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


def _origin_strength(sentence: str, asked: _Asked) -> float:
    """For where someone comes from or lives: the place after 家住 / 是…人 / 来自 plainly, another a hint."""
    if _LIVES_AT.search(sentence):
        return PLAIN
    return min(WEAK, _place_strength(sentence, asked))


def _place_strength(sentence: str, asked: _Asked) -> float:
    if any(p.search(sentence) for p in (_AT_PLACE, _WENT_TO, _LIVES_AT, _DONE_AT)):
        return PLAIN
    if _place_names(sentence, asked.known) or _new(_REGION.findall(sentence), asked.known):
        return PARTIAL
    return NOTHING


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


def _place_names(sentence: str, known: str) -> list[str]:
    """The places a sentence names that the question lacks: the words jieba tags as places, the words of
    three characters or more ending like a place (棠张镇), and a name followed by such an ending (布琼布拉
    市). A place the question names without its administrative ending (浙江 for 浙江省) is no new place."""
    words = _tags(sentence)
    found = []
    for k, (word, tag) in enumerate(words):
        if tag == "ns" and len(word) >= 2:
            found.append(word)
        elif len(word) >= PLACE_WORD and _is_noun(tag) and _PLACE_END.search(word):
            found.append(word)
        elif k and _PLACE_END.fullmatch(word) and len(words[k - 1][0]) >= 2 and _is_noun(words[k - 1][1]):
            found.append(words[k - 1][0] + word)
    return [p for p in found if p not in _NO_PLACE and p not in known and _ADMIN_END.sub("", p) not in known]


def _who_strength(sentence: str, asked: _Asked) -> float:
    """A person's name the question lacks: after a post of the question (巴基斯坦总统扎尔达里), one jieba
    tags, or two or three characters after any post (副市长王立新主持)."""
    known = asked.known
    if _PEOPLE_ASKED.search(asked.query) and len(_new_names(sentence, known)) < 2:
        return min(LIKELY, _one_person_strength(sentence, asked))  # 哪些人: a list of names answers
    return _one_person_strength(sentence, asked)


# 哪些人 / 哪几位 / 都有谁: several people are asked for.
_PEOPLE_ASKED = re.compile(r"哪些人|哪几位|哪几个人|都有谁|有哪些(?:人|领导人?|嘉宾|代表|选手|队员)")


def _new_names(sentence: str, known: str) -> set[str]:
    """The person names jieba tags in a sentence that the question lacks."""
    return {w for w, tag in _tags(sentence) if tag == "nr" and len(w) >= 2 and w not in known}


# What follows a post when no name does (发言人表示, 部长对此, 主任介绍说), besides `_NOT_A_NAME`'s time
# words and adverbs. A list, not jieba's tags: jieba tags the first characters of many names as verbs or
# measure words (张熇: 张/q, 解振华: 解振/v).
_SPOKEN_AFTER_POST = re.compile(
    r"^(?:表示|指出|强调|介绍|说|称|透露|认为|告诉|回答|答记者|对此|就此|在此|在会上|发表|宣布|证实|确认|"
    r"回应|提到|谈到|接受|会见|坦言|呼吁|要求|希望|承认|否认|警告|批评|补充|解释|重申)"
)


def _may_be_name(text: str) -> bool:
    """Whether the characters after a post may begin a name: not 今天, 表示, 对此 and the like."""
    return not (_NOT_A_NAME.match(text) or _SPOKEN_AFTER_POST.match(text))


# Who wrote or made a work (这本书是谁写的, 作者是谁, 谁导演的), and how news names its maker: right before the
# verb of making (江小涓撰著的《新中国对外开放70年》, 由张艺谋执导), a name jieba may not know.
_MAKER_ASKED = re.compile(r"谁(?:写|著|编|创作|导演|执导|拍|作词|作曲|设计)|作者|编者|导演是")
_MAKER = re.compile(
    r"(?:^|[，,、。：:“（(由])([\u4e00-\u9fff·]{2,4}?)(?:撰著|编著|主编|撰写|所著|著|创作|执导|编剧|作词|作曲|设计)"
)


# Who someone lost to or beat (输给了谁, 战胜了谁, 对手是谁): sport news names the side after the verb
# (以34∶39负于韩国队, 不敌, 力克), a team or a country jieba does not tag as a person.
_LOST = "输给|败给|负于|不敌|憾负|惜败于?"
_WON = "战胜|击败|打败|力克|淘汰|击溃|逆转|完胜|横扫|赢了"
_OPPONENT_ASKED = re.compile(f"(?:{_LOST}|{_WON})了?(?:谁|哪)|对手是")
_SIDE = r"([\u4e00-\u9fff]{2,8}?(?:队|选手|组合)|[\u4e00-\u9fff]{2,4}(?=[，,。；;]|$))"
_PLAYED = re.compile(r"(?:与|同|和|对阵|迎战|战平)" + _SIDE)  # played against, whoever won


def _one_person_strength(sentence: str, asked: _Asked) -> float:
    known = asked.known
    if _OPPONENT_ASKED.search(asked.query):
        verbs = _LOST if re.search(_LOST, asked.query) else _WON
        if _new([m.group(1) for m in re.finditer(f"(?:{verbs})" + _SIDE, sentence)], known):
            return PLAIN  # 输给了谁: 负于韩国队
        if _new([m.group(1) for m in _PLAYED.finditer(sentence)], known):
            return LIKELY  # 与韩国队相遇: the side played against
        return min(WEAK, _holder_strength(sentence, asked))  # a name, not a side played against
    return _holder_strength(sentence, asked)


# How news names a person it has just described: 他叫韩启开, 她名叫李娟, 老人名叫王某.
_CALLED_PERSON = re.compile(r"(?:他|她|名)叫([\u4e00-\u9fff]{2,3}?)(?=[，,。；;！!”\s]|$)")


# A person the question describes by what they are (村民, 老兵, 农户, 姑娘), and how news names one right
# after that word before what they said (村民王强强述说着…, 老人李大爷说).
_PERSON_NOUN = re.compile(r"(?:民|兵|户|员|师|学生|医生|姑娘|小伙|老人|老汉|大爷|大妈|阿姨)$")
_SPEAKS = r"([\u4e00-\u9fff]{2,3}?)(?:说|述说|讲述|表示|介绍|告诉|感慨|坦言|笑着说|回忆)"


# Words after a post that make it another post (总经理助理谢益明 is the manager's assistant, not the manager).
_ANOTHER_POST = re.compile(r"助理|秘书|夫人|一行")


# A foreign name as Chinese prints it, its parts joined by a middle dot (罗纳尔多·莱莫斯, 康拉德·赛茨): jieba
# tags few of them as names.
_DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}")


def _dotted_names(sentence: str, known: str) -> list[str]:
    """The dotted (foreign) names of a sentence that the question lacks (by the characters either side of the
    dot: 巨匠达·芬奇与 is the question's 达·芬奇)."""
    out = []
    for name in _DOTTED_NAME.findall(sentence):
        left, right = name.split("·", 1)
        if left[-1] + "·" + right[0] not in known:
            out.append(name)
    return out


# Posts joined before one name (董事长、总经理吴长鸿; 党委书记兼院长…): up to two more posts after the one asked.
_JOINED_POSTS = r"(?:(?:、|兼)[\u4e00-\u9fff]{0,8}?" + _POST + r"){0,2}"


# A post jieba reads with the last character of its body (卫生健康局局长 → 卫生健康/局局长, 教育部部长 → 部部长):
# news writes the post alone after the body's other posts (卫生健康局党组书记、局长吴松).
_GLUED_POST = re.compile(r"^(.)\1(?=长$)")


def _post_forms(term: str) -> tuple[str, ...]:
    """A post word of the question, and the post alone when jieba glued it to its body's end (局局长 → 局长)."""
    return (term, term[1:]) if _GLUED_POST.match(term) else (term,)


def _holder_strength(sentence: str, asked: _Asked) -> float:
    """`_one_person_strength` for any person: a name after a post, one jieba tags, a maker of a work."""
    known = asked.known
    if _MAKER_ASKED.search(asked.query) and _new([m.group(1) for m in _MAKER.finditer(sentence)], known):
        return PLAIN  # 这本书是谁写的: 江小涓撰著的《…》
    if _new([m.group(1) for m in _CALLED_PERSON.finditer(sentence)], known):
        return PLAIN  # 那位老兵叫什么: 住着一位95岁的抗战老兵，他叫韩启开 (a name jieba may not know)
    described = [t for t in asked.terms if len(t) >= 2 and _PERSON_NOUN.search(t)]
    if any(
        _may_be_name(m.group(1)) and not m.group(1).startswith("们") and m.group(1) not in known
        for t in described
        for m in re.finditer(re.escape(t) + _SPEAKS, sentence)
    ):
        return PLAIN  # 说老街变美了的村民叫啥: 河上镇村民王强强述说着农村的巨变
    posts = [p for t in asked.terms if re.search(_POST + "$", t) for p in _post_forms(t)]
    # the post whose holder is asked for (党支部书记是谁, 董事长叫什么), not one naming something else
    # (代表建议和委员提案吹风会是谁介绍的)
    holder_asked = [t for t in posts if re.search(re.escape(t) + _HOLDER_ASKED, asked.query)]
    for t in posts:
        # 总理李克强同葡萄牙总理科斯塔: the second holder of the post may be the one asked about; 董事长、总经理
        # 吴长鸿, 董事长兼总经理…: one person holding posts joined by 、 or 兼
        if any(
            m.group(1) not in known and _may_be_name(m.group(1)) and not _ANOTHER_POST.match(m.group(1))
            for m in re.finditer(re.escape(t) + _JOINED_POSTS + r"([\u4e00-\u9fff·]{2})", sentence)
        ):
            return PLAIN
    if any(tag == "nr" and len(w) >= 2 and w not in known for w, tag in _tags(sentence)) or _dotted_names(
        sentence, known
    ):
        # 白沙村党支部书记是谁: a name not after the post asked about is most often someone else's
        return SOME if holder_asked else PLAIN
    after_post = [
        m.group(1)
        for m in re.finditer(_POST + r"([\u4e00-\u9fff]{2,3})", sentence)
        if _may_be_name(m.group(1))
    ]
    # 黄璐琦委员发言说: a name right before a post the question names (哪位委员)
    before_post = [
        m.group(1)
        for t in asked.terms
        if re.search(_POST + "$", t)
        for m in re.finditer(r"(?:^|[，,、。：:“（(])([\u4e00-\u9fff]{2,3})" + re.escape(t), sentence)
    ]
    if _new(before_post, known):
        return LIKELY
    # 董事长是谁: a name after another post (记者一行, 总经理王某) holds another post
    return (FAINT if holder_asked else LIKELY) if _new(after_post, known) else NOTHING


_STRENGTH = {
    "identity": _identity_strength,
    "when": _when_strength,
    "howmany": _howmany_strength,
    "which": _which_strength,
    "why": _why_strength,
    "name": _name_strength,
    "what": _what_strength,
    "where": _where_strength,
    "who": _who_strength,
}


def kind_strength(
    sentence: str, kind: str, query: str, terms: Sequence[str], report_day: int | None = None
) -> float:
    """How plainly a (normalised) sentence holds the kind of fact asked for, from `NOTHING` to `PLAIN`.
    `report_day`: the day of the month of the report's dateline (新华社北京2月25日电): a "when" sentence
    dated only that day most often tells what the report is about, not the earlier event asked about."""
    if kind in ("what", "which") and _FIRST_ITEM_ASKED.search(query) and _FIRST_ITEM.match(sentence):
        return PLAIN  # 第一条经验是啥: 一是坚持党的领导，强化组织保证。
    strength = _STRENGTH.get(kind)
    return strength(sentence, _Asked(query, tuple(terms), report_day)) if strength else NOTHING


# The first item of a list asked for (第一条经验, 头一项措施, 首要任务是什么), which news opens with 一是 / 第一，/
# 首先 in a sentence of its own after the one announcing the list (积累了许多宝贵经验。一是坚持党的领导).
_FIRST_ITEM_ASKED = re.compile(r"(?:第一|头一)(?:条|项|个|点)|首要")
_FIRST_ITEM = re.compile(r"^(?:一是|一要|第一[，,、是]|首先[，,是])")


def fact_test(query: str, terms: Sequence[str]) -> Callable[[str], bool] | None:
    """A cheap test of whether a passage holds the question's fact plainly (regular expressions, no
    segmentation): for how-many, a number in the unit asked, right before what is counted or right after
    what is measured; for who, a name after the post asked about; for what and which, a name (or a list)
    of the kind asked for; for where, where something took place. None for other questions, or when the
    question names no unit, post or kind. The ranking counts the words held beside such a passage."""
    q = normalize(query)
    kind = question_kind(query)
    if kind in ("what", "name", "which"):
        return _instance_test(q, tuple(terms), kind)
    if kind == "who":
        return _holder_test(q, tuple(terms))
    if kind == "where":
        return _held_at_place
    if kind != "howmany":
        return None
    asked = _Asked(q, tuple(terms))
    unit = _unit_asked(q)
    amount = r"\d+(?:\.\d+)?(?:万亿|亿|万|千|百)?(?:多|余)?"
    if unit == DURATION:
        return None  # a length of time in any unit is common in news: no evidence for the ranking
    if unit == RATE:
        pattern = _RATE_NUMBER.pattern
    elif unit is not None:
        pattern = amount + "(?:" + "|".join(re.escape(u) for u in _SAME_UNIT.get(unit, (unit,))) + ")"
    else:
        counted, measured = _counted(asked), measured_asked(q)
        shapes = [_ANY_NUMBER + r"[^，,。；;\d]{0,3}" + re.escape(counted)] if counted else []
        shapes += [re.escape(measured) + r"[^，,。；;\d]{0,6}?\d"] if measured else []
        if not shapes:
            return None
        pattern = "|".join(shapes)
    compiled = re.compile(pattern)
    return lambda text: compiled.search(text) is not None


def _instance_test(query: str, terms: tuple[str, ...], kind: str) -> Callable[[str], bool] | None:
    """什么战斗机 / 叫什么村 / 哪些单位: a passage holding a name of the kind asked for (F-18战斗机, 约特村), or
    for 哪些 a list of them (人民日报社、新华社等单位); None when the question names no kind of thing."""
    category = category_asked(query, as_ranked=True)
    if category is None:
        return None
    known = query + "".join(terms)
    if kind == "which":
        return lambda text: _listed_of(text, category) or bool(_named_instances(text, category, known))
    return lambda text: bool(_named_instances(text, category, known))


# What a preview writes before the place of an event to come (将于3月5日在北京开幕, 定于…在…举行).
_TO_COME = re.compile(r"将|定于|拟|计划|预计")


def _held_at_place(text: str) -> bool:
    """在哪里开幕 / 在哪举行: a passage saying where something took place (在人民大会堂开幕, 位于…), not where it
    will (将于3月5日在北京开幕: a preview)."""
    for m in _AT_PLACE.finditer(text):
        clause = re.split(r"[，,。；;]", text[: m.start()])[-1]
        if not _TO_COME.search(clause):
            return True
    return False


# A name right after a post, then what the person did or when (发言人穆赫比25日称, 总统扎尔达里说).
_HOLDER_FOLLOWS = r"([\u4e00-\u9fff·]{2,4}?)(?:\d{1,2}日|说|称|表示|指出|强调|介绍|宣布|会见|主持|出席|在)"
_NOT_A_NAME = re.compile(r"^(?:今天|今日|当天|昨天|日前|近日|此前|随后|也|还|则|都|已|曾|再次|同时|当日)")


def _holder_test(query: str, terms: tuple[str, ...]) -> Callable[[str], bool] | None:
    """X的发言人是谁: a passage naming whoever holds the post asked about, after the word the question
    writes before the post (革命卫队发言人穆赫比25日称); None when the question names no post."""
    posts = [
        # the post with whose it is when the question says so (巴基斯坦总统: not 伊朗总统佩泽希齐扬)
        (re.escape(terms[k - 1]) + r"[^，,。；;]{0,4}?" if k else "") + re.escape(t)
        for k, t in enumerate(terms)
        if re.search(_POST + "$", t)
    ]
    if not posts:
        return None
    known = query + "".join(terms)
    pattern = re.compile("(?:" + "|".join(posts) + ")" + _HOLDER_FOLLOWS)

    def holds(text: str) -> bool:
        return any(
            not _NOT_A_NAME.match(m.group(1)) and m.group(1) not in known for m in pattern.finditer(text)
        )

    return holds


class _Sentence(NamedTuple):  # a tuple: dozens are made per article read
    rank: int  # of its article among the results
    position: int  # within the article
    text: str  # as printed, without a dateline
    norm: str
    article_id: int
    paragraph: int = 0  # which line of the article's text it is in


@dataclass(frozen=True)
class _Article:
    """One result read for answering: its sentences, normalised title, and dateline if it has one."""

    rank: int
    title: str  # normalised
    sentences: tuple[_Sentence, ...]
    dateline: str | None = None  # 新华社北京2月25日电
    report_day: int | None = None  # the dateline's day of the month


@dataclass(frozen=True)
class _Span:
    """One sentence, or two neighbouring ones, scored as an answer."""

    key: tuple[float, float, int, int]  # (score, coverage, -rank, -position): larger is better
    sentences: tuple[_Sentence, ...]
    strength: float


PAIR_GAIN = 0.05  # a pair of sentences must cover this much more than either alone...
PAIR_CONTRAST = 0.3  # ...or one of them hold the fact this much more plainly than the other
PLACES_SHARE = 0.9  # 去了哪些地方: further sentences naming places, holding this share of the words


# A dateline closing a story, in brackets, as a line or sentence of its own: （本报加德满都10月9日电）.
_CLOSING_DATELINE = re.compile(r"[（(]((?:本报|新华社|据新华社)\S{0,12}?(\d{1,2}月\d{1,2}日)电)[）)]")


def _read(docs: Sequence[tuple[int, str, str]], max_docs: int) -> list[_Article]:
    out = []
    for rank, (article_id, title, body) in enumerate(docs[:max_docs]):
        pool = []
        dateline = report_day = None
        folded = Folded(body)  # each sentence normalised as a slice of the body folded once
        for pos, (paragraph, start, raw) in enumerate(placed_sentences(body)):
            if pos == 0 and (m := _DATELINE.match(raw)):
                dateline, report_day = m.group(1), _day_of(m.group(2))
            if m := _CLOSING_DATELINE.fullmatch(raw.strip()):
                # （本报加德满都10月9日电） closing a story: the report's day, no sentence of its own
                if report_day is None:
                    dateline, report_day = m.group(1), _day_of(m.group(2))
                continue
            undated = strip_dateline(raw)  # `raw` without a prefix
            sent = undated.strip()
            if sent:
                at = start + len(raw) - len(undated.lstrip())
                norm = folded.normalize(at, at + len(sent))
                pool.append(_Sentence(rank, pos, sent, norm, article_id, paragraph))
        out.append(_Article(rank, normalize(title), tuple(pool), dateline, report_day))
    return out


# A sentence whose subject stands for something said before it (该团由…, 这款…新产品), near its start
# (报道称，美方此举…).
_REFERS_BACK = re.compile(
    r"^(?:[^，,。；;]{0,16}[，,])?[^，,。；;]{0,8}?(?:此举|此次|该(?![地市县区])[\u4e00-\u9fff]|这(?:款|座|位|名|项|批|个|一举措)|"
    # 得知这可能是断层地质条件造成的: 这 as the subject of 是, standing for what was told before
    r"这(?=(?:可能|或许|应该|就|也|正|才)?是))"
)
REFERRED_SHARE = 0.8  # a word of the sentence referred back to counts this much
REFERRED_BACK = 3  # how many sentences back it may be


class _Coverage:
    """The share of the question's words (by `unit_weights`) a span of an article's sentences holds; a
    word of the title counts `TITLE_SHARE` in every sentence."""

    def __init__(self, units: Sequence[Sequence[str]], article: _Article) -> None:
        pool = article.sentences
        self.weights = unit_weights(units, [s.norm for s in pool])
        self.total = sum(self.weights) or 1.0
        self.forms = [[normalize(x) for x in unit] for unit in units]
        self.held_of = [
            [any(f in s.norm and _holds(f, s.norm) for f in unit) for unit in self.forms] for s in pool
        ]
        self.in_title = [any(normalize(x) in article.title for x in unit) for unit in units]

    def share(self, span: tuple[int, ...], referred: int | None = None) -> float:
        """The share a span holds; with `referred`, a sentence the span's first refers back to (美方此举,
        该团由…), whose words count `REFERRED_SHARE`."""
        held = 0.0
        for u, w in enumerate(self.weights):
            if any(self.held_of[j][u] for j in span):
                held += w
            elif referred is not None and self.held_of[referred][u]:
                held += REFERRED_SHARE * w
            elif self.in_title[u]:
                held += TITLE_SHARE * w
        return held / self.total

    def clause_share(self, clause: str) -> float:
        """The share of the question's words one clause holds itself (no title, no sentence before)."""
        held = sum(
            w
            for unit, w in zip(self.forms, self.weights, strict=True)
            if any(f in clause and _holds(f, clause) for f in unit)
        )
        return held / self.total

    def referred_share(self, i: int, sentence: str) -> float:
        """The share sentence `i` holds, counting the words of the sentence it refers back to (此举, 该团,
        这款: the best of the `REFERRED_BACK` sentences before it) at `REFERRED_SHARE`."""
        own = self.share((i,))
        if not _REFERS_BACK.search(sentence):
            return own
        return max([own] + [self.share((i,), j) for j in range(max(0, i - REFERRED_BACK), i)])


# Why a claim is made (为什么说山西是…能源基地, 为啥说…): what bears it out is a fact, often written with no
# word of cause, so such a question may be answered by a sentence holding none.
_CLAIM_ASKED = re.compile(r"(?:为什么|为何|为啥|凭什么|何以)(?:要|会)?说")


def _kind_required(kind: str, q: str) -> bool:
    """Whether only a span holding the kind of fact asked for may answer: the fact kinds, and why (a
    sentence giving no cause answers no why question) unless the question asks why a claim is made."""
    return kind in FACT_KINDS or (kind == "why" and not _CLAIM_ASKED.search(q))


def _acceptable(kind: str, q: str, strength: float, coverage: float, article: _Article) -> bool:
    """Whether a span may answer: it holds the kind of fact asked for (a dateline may date a "when"),
    and most of the question's words, or some of them (less in the first result) and the fact plainly."""
    if _kind_required(kind, q) and strength < HOLDS_KIND and not (kind == "when" and article.dateline):
        return False
    least = MIN_TOP_KIND_COVERAGE if article.rank == 0 else MIN_KIND_COVERAGE
    return coverage >= MIN_COVERAGE or (strength >= STRONG_KIND and coverage >= least)


# Words standing for a place named before (这位好心人是本村的…, 这座赣江第一桥, 当地已接待游客…).
_PLACE_REFERRED = re.compile(r"本村|本市|本县|本镇|当地(?!时间)|这里|该市|该县|该镇|该村|这座|这个村|这个镇")
PLACE_REFERRED_BACK = 3  # how many sentences before one saying 本村 its place may be named


def _place_referred(pool: Sequence[_Sentence], strengths: Sequence[float], i: int) -> int | None:
    """For a sentence naming its place by 本村 / 当地 / 这座, the nearest sentence before it (up to
    `PLACE_REFERRED_BACK`) that names a place; None when it says no such word or none names one."""
    if not _PLACE_REFERRED.search(pool[i].norm):
        return None
    return next(
        (j for j in range(i - 1, max(i - 1 - PLACE_REFERRED_BACK, -1), -1) if strengths[j] >= PARTIAL), None
    )


# A question the text asks itself (是什么原因，让…来到这座老矿井呢？ 群众为什么支持？): it poses the cause, the
# sentences after it give it.
_ASKS = re.compile(r"[？?][”\"」』）)]*$")
_WHY_POSED = re.compile(r"为什么|为何|什么原因|何以|缘何|原因何在|原因是什么|怎么会|凭什么")
# A sentence telling what was done in consequence (于是…, 为此…, 专家决定修建索道): the one before it most
# often gives the cause (…原本规划修建的C型隧道很难推进。专家决定修建索道).
_IN_CONSEQUENCE = re.compile(
    r"^(?:于是|为此|因此|因而|所以|故而|由此|正因(?:为)?(?:此|如此)|这样一来)|"
    r"^[^，,。；;]{0,12}?(?:决定|只好|只得|不得不|只能|被迫)"
)


def _causes_in_context(pool: Sequence[_Sentence], strengths: Sequence[float]) -> list[float]:
    """For why, the cause strengths of an article's sentences read with their neighbours: a question the
    text asks itself holds no cause, the sentence answering it (the next) likely does; and a sentence
    before one telling what was done in consequence (于是…, …决定…) likely gives the cause."""
    out = list(strengths)
    for i, s in enumerate(pool):
        if _ASKS.search(s.norm):
            out[i] = NOTHING
            if _WHY_POSED.search(s.norm) and i + 1 < len(pool):
                out[i + 1] = max(out[i + 1], LIKELY)
        elif (
            i > 0
            and pool[i - 1].paragraph == s.paragraph
            and _IN_CONSEQUENCE.search(s.norm)
            and not _ASKS.search(pool[i - 1].norm)
        ):
            out[i - 1] = max(out[i - 1], LIKELY)
    return out


# A sentence opening with the day it tells of (2月3日深夜一点四十分，卢静被…; 1997年9月23日，郑榜义接到…): the
# sentences after it go on with that day's events until another date opens one.
_OPENS_WITH_DAY = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]|^" + _LUNAR_DAY)
DATE_REFERRED_BACK = 4  # how many sentences before an undated one the day it goes on with may open


def _date_referred(pool: Sequence[_Sentence], strengths: Sequence[float], i: int) -> int | None:
    """For a sentence that dates nothing, the nearest sentence before it in its paragraph (up to
    `DATE_REFERRED_BACK`) that opens with a day, when no sentence between them dates anything; None
    otherwise."""
    if strengths[i] >= HOLDS_KIND:
        return None
    for j in range(i - 1, max(i - 1 - DATE_REFERRED_BACK, -1), -1):
        if pool[j].paragraph != pool[i].paragraph:
            return None
        if _OPENS_WITH_DAY.match(pool[j].norm):
            return j if j < i - 1 else None  # the sentence right before is read with it anyway
        if strengths[j] >= HOLDS_KIND:
            return None
    return None


# A time opening a sentence, as its own clause (1995年春，…; 2019年10月，…; 5月19日，…; 当年7月，…): in news it
# dates what that sentence goes on to tell, which starts a new event.
_OPENS_WITH_TIME = re.compile(
    r"^(?:(?:\d{4}年|当年|次年|同年)(?:\d{1,2}月(?:\d{1,2}[日号])?)?|\d{1,2}月\d{1,2}[日号]|"
    + _LUNAR_DAY
    + r")"
    r"(?:春|夏|秋|冬|春天|夏天|秋天|冬天|初|底|末|上旬|中旬|下旬|上午|下午|晚上?|凌晨|中午|傍晚)?[，,]"
)


def _dated_apart(pool: Sequence[_Sentence], strengths: Sequence[float], i: int) -> bool:
    """For when: whether sentence `i`, opening with its own time (1995年春，唐河县公安局接到…), would only lend
    that time to the undated sentence before it (…当场壮烈牺牲。), which it does not date."""
    return i > 0 and strengths[i - 1] < HOLDS_KIND and _OPENS_WITH_TIME.match(pool[i].norm) is not None


# Where a clause ends: Chinese news chains clauses on one topic with commas, and a fact belongs to the words
# of its own clause (…共梳理出…拖欠民营企业…逾期欠款8900多亿元，截至…约75%已得到清偿).
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]|——|…+")
# A clause that only frames the next one: a time (2018年，九牧实现销售额120亿元; 截至2019年10月底，…; 1月25日，…)
# or a short lead (目前，据统计，同时，).
_FRAME_CLAUSE = re.compile(
    r"(?:截至|截止|到|至|自|从|在|于)?(?:\d{4}年|今年|去年|明年|当年)?(?:\d{1,2}月份?)?(?:\d{1,2}[日号])?"
    r"(?:上旬|中旬|下旬|上午|下午|晚上|晚|凌晨|中午|傍晚|早上|当天|当日|底|初|末|中|前|后|起|以来)*"
)
FRAME_LENGTH = 4  # a clause this short (目前, 据统计, 此外) leads into the next
# Kinds whose fact belongs to the words of its own clause: a number (…欠款8900多亿元，截至…), a name beside the
# post or the deed asked about (…副组长杨晓渡主持会议), a place beside what it places (位于金山朱泾的…生态园).
CLAUSE_KINDS = frozenset({"howmany", "who", "where"})
CLAUSE_BONUS = 0.3  # times the share of the question's words held by the clause holding the fact


# An aside in brackets holding a comma (索南达杰（见图，新华社发）是…人): no clause of its own, and it would part
# the subject from the rest of its clause.
_ASIDE = re.compile(r"[（(][^（）()]*[，,][^（）()]*[）)]")


def clauses(sentence: str) -> list[str]:
    """A (normalised) sentence's clauses, a clause that only frames the next (a time, 目前) joined to it."""
    out: list[str] = []
    lead = ""
    for piece in _CLAUSE_END.split(_ASIDE.sub("", sentence)):
        if not piece:
            continue
        if len(piece) <= FRAME_LENGTH or _FRAME_CLAUSE.fullmatch(piece):
            lead += piece + "，"
            continue
        out.append(lead + piece)
        lead = ""
    if lead:
        out.append(lead)
    return out


def _tied_share(
    sentence: str, kind: str, q: str, terms: Sequence[str], report_day: int | None, coverage: _Coverage
) -> float:
    """The largest share of the question's words held by a clause of the sentence that itself holds the
    kind of fact asked for (for numbers and dates; 0 for other kinds): a number written beside the words
    asked about answers them, one in another clause most often counts something else."""
    if kind not in CLAUSE_KINDS:
        return 0.0
    return max(
        (
            coverage.clause_share(c)
            for c in clauses(sentence)
            if kind_strength(c, kind, q, terms, report_day) >= HOLDS_KIND
        ),
        default=0.0,
    )


def _spans(
    article: _Article, units: Sequence[Sequence[str]], kind: str, q: str, terms: Sequence[str]
) -> Iterator[_Span]:
    """Every acceptable span of the article (`weighed_spans`)."""
    return (span for span, acceptable in weighed_spans(article, units, kind, q, terms) if acceptable)


def weighed_spans(
    article: _Article, units: Sequence[Sequence[str]], kind: str, q: str, terms: Sequence[str]
) -> Iterator[tuple[_Span, bool]]:
    """Every span the answer weighs, scored, and whether it is acceptable (`_acceptable`): each sentence
    alone, and with the one before it when the subject and the fact asked for are in neighbouring
    sentences (…举行了龙舟赛。吸引了54支队伍…); for where, a sentence naming its place by 本村 / 当地 /
    这座 with the sentence before that names it."""
    pool = article.sentences
    coverage = _Coverage(units, article)
    strengths = [kind_strength(s.norm, kind, q, terms, article.report_day) for s in pool]
    if kind == "why":
        strengths = _causes_in_context(pool, strengths)
    single = [coverage.referred_share(i, s.norm) for i, s in enumerate(pool)]
    tied = [
        _tied_share(s.norm, kind, q, terms, article.report_day, coverage)
        if strengths[i] >= HOLDS_KIND
        else 0.0
        for i, s in enumerate(pool)
    ]
    for i, s in enumerate(pool):
        referred = (
            _place_referred(pool, strengths, i)
            if kind == "where"
            else _date_referred(pool, strengths, i)
            if kind == "when"
            else None
        )
        spans = ((i,), (i - 1, i)) if i > 0 else ((i,),)
        for span in (*spans, (referred, i)) if referred is not None else spans:
            if span == (i,):
                share = single[i]
            elif kind == "when" and span[0] == referred:
                share = coverage.share((i,), referred)  # the day's sentence lends its words less
            else:
                share = coverage.share(span)
            strength = max(strengths[j] for j in span)
            tie = max(tied[j] for j in span)
            if kind == "when" and span == (i - 1, i) and _dated_apart(pool, strengths, i):
                continue  # …当场牺牲。1995年春，…: the second sentence's time is not the first's
            if (
                len(span) > 1
                and span[0] != referred
                and not (
                    strength >= STRONG_KIND
                    and (
                        share > max(single[j] for j in span) + PAIR_GAIN
                        or abs(strengths[i] - strengths[i - 1]) >= PAIR_CONTRAST
                    )
                )
            ):
                continue  # a pair only when one holds the fact and the other adds the subject
            score = (
                share
                + KIND_BONUS * strength
                + CLAUSE_BONUS * tie
                - RANK_PENALTY * article.rank
                - PAIR_PENALTY * (len(span) - 1)
            )
            scored = _Span((score, share, -article.rank, -s.position), tuple(pool[j] for j in span), strength)
            yield scored, _acceptable(kind, q, strength, share, article)


def _extended(
    chosen: _Span, article: _Article, kind: str, q: str, terms: Sequence[str], units: Sequence[Sequence[str]]
) -> list[str]:
    """The answer's sentences: an enumeration carried on (二是, 三是), the dateline before a "when"
    sentence that nothing else dates, the sentences naming the places of 去了哪些地方."""
    last = chosen.sentences[-1]
    parts = [x.text for x in chosen.sentences]
    pool = list(article.sentences)
    first = chosen.sentences[0]
    at = pool.index(first)
    if kind in ("who", "identity") and at > 0 and _PRONOUN_START.match(first.norm):
        parts.insert(0, pool[at - 1].text)  # 他建议…: the sentence before names who
    if kind == "which" and _ENUMERATION.search(last.norm):
        for nxt in pool[pool.index(last) + 1 :]:
            if len(parts) >= MAX_SENTENCES or not _CONTINUES.search(nxt.norm):
                break
            parts.append(nxt.text)
    elif kind == "when" and article.dateline:
        dated = any(kind_strength(x.norm, "when", q, terms) >= PARTIAL for x in chosen.sentences)
        if not dated or any(_day_without_month(x.norm) for x in chosen.sentences):
            # nothing in the answer dates it, or only a day (27日正式启用): the dateline gives the date
            parts.insert(0, f"（{article.dateline}）")
    if kind == "which" and _PLACES_ASKED.search(q) and len(parts) == 1:
        # 去了哪些地方: consecutive sentences naming the places (到A调研…。还到B调研…)
        own = _article_coverage(units, last.norm)
        more = [
            s
            for s in pool
            if s is not last
            and _article_coverage(units, s.norm) >= PLACES_SHARE * own
            and kind_strength(s.norm, "where", q, terms) >= PARTIAL
        ][: MAX_SENTENCES - 1]
        parts = [s.text for s in sorted([last, *more], key=pool.index)]
    return parts


class QuestionReading(NamedTuple):
    """What the answer step reads from a question and its top results."""

    q: str  # the question, normalised
    kind: str  # `question_kind`, or "identity" when a post is asked of a named person
    articles: list[_Article]
    units: list[Sequence[str]]  # the question's words, each with the forms that count for it
    reach: list[float]  # the share of the words each article holds (title and text)
    held: list[frozenset[int]]  # which of the words (`units` before the dates) each article holds


# 会议是谁主持的, 是谁发现的: "是谁 + verb + 的" asks who did something (a name), not who someone is.
_CLEFT_WHO = re.compile(r"是谁[\u4e00-\u9fff]{1,6}的")


def read_question(
    query: str,
    terms: Sequence[str],
    docs: Sequence[tuple[int, str, str]],
    *,
    groups: Sequence[Sequence[str]] = (),
    max_docs: int = MAX_DOCS,
) -> QuestionReading | None:
    """The question's kind, the articles read and the words weighed; None when there is nothing to read."""
    terms = [t for t in terms if t]
    groups = [tuple(g) for g in groups if g]
    if (not terms and not groups) or not docs:
        return None
    q = normalize(query)
    kind = question_kind(query)
    articles = _read(docs, max_docs)
    # 申红涛是谁 asks for the post; 区长是谁 / 团长是谁 (a post asked about) for a name
    asks_holder = re.search(_POST + r"的?(?:是谁|叫什么|是哪位)", q) is not None
    if (
        _IDENTITY.search(q)
        and not asks_holder
        and not _CLEFT_WHO.search(q)
        and any(_post_before(s.norm, terms) for a in articles for s in a.sentences)
    ):
        kind = "identity"
    # 截至 / 以来 belong to the question's time (截至4月末), which the ranking weighs; the answer is about
    # the rest of its words.
    units = [_written_forms(t) for t in terms if t not in _TIME_FRAME] + groups or [(t,) for t in terms]
    # An article below the first may answer only if it holds as much of the question's words as the
    # first does (it is about the same thing), and only if the first holds no sentence of the kind.
    texts = [a.title + "\n" + "".join(s.norm for s in a.sentences) for a in articles]
    reach = [_article_coverage(units, text) for text in texts]
    held = [_words_held(units, text) for text in texts]
    return QuestionReading(
        q, kind, articles, [*units, *question_dates(q), *_periods_asked(q), *_now_asked(q)], reach, held
    )


# A question about now (现在, 目前, 如今): news opens the clause of the present figure with one of these
# (现在，这里的森林覆盖率已达97%), after sentences on how it was.
_NOW_ASKED = re.compile(r"现在|目前|如今|眼下|当前")
# 现任 / 现为 give someone's post now (石登高现为花垣县政府办公室主任).
_NOW_WRITTEN = ("现在", "目前", "如今", "眼下", "当前", "至今", "现任", "现为")


def _now_asked(q: str) -> list[tuple[str, ...]]:
    """The words news writes for now, as one word of the question, when the (normalised) question asks
    about now; nothing otherwise."""
    return [_NOW_WRITTEN] if _NOW_ASKED.search(q) else []


# A year or a month a question is about, as news prints it before the figures of that time (2018年，九牧
# 实现销售额120亿元; 截至2019年10月底，中欧班列…): 2019年10月, 2018年, 4月.
_QUESTION_DATE = re.compile(r"(?<!\d)(?:\d{4}年(?:\d{1,2}月)?|\d{1,2}月)(?![\d日号])")
DATE_LENGTH = 2  # a date of the question weighs like a word of two characters


# A day a question names with its month (1月26日复工后, 3月5号): news prints it with 日.
_QUESTION_DAY = re.compile(r"(?<!\d)(\d{1,2}月\d{1,2})[日号]")


# A period a question names relative to its story (今年以来, 去年, 上半年, 前三季度): news prints the same words
# before the figures of that period (今年以来，墨玉县已有36760人实现就近就业), which the parser keeps out of the
# question's words.
_QUESTION_PERIOD = re.compile(
    r"(?:今年|去年|前年)(?:以来|上半年|下半年|一季度|前三季度)?|(?<![今去前]年)(?:上半年|下半年|前三季度)"
)


def _periods_asked(q: str) -> list[tuple[str, ...]]:
    """The relative periods a (normalised) question names, each a word of the question for the answer."""
    return [(m.group(0),) for m in _QUESTION_PERIOD.finditer(q)]


def question_dates(q: str) -> list[tuple[str, ...]]:
    """The years, months and days a (normalised) question names, each a word of the question for the
    answer: a sentence printing the time asked about is about it (the parser keeps dates out of the words)."""
    dates: list[tuple[str, ...]] = [(m.group(0),) for m in _QUESTION_DATE.finditer(q)]
    return dates + [(m.group(1) + "日", m.group(1) + "号") for m in _QUESTION_DAY.finditer(q)]


def reads_further(
    first_strength: float,
    reach: float,
    first_reach: float,
    q: str,
    article: _Article,
    *,
    first_answers: bool = True,
    close: int = 1,
    holds_more: bool = False,
) -> bool:
    """Whether the answer may come from a lower article: one holding as much of the question's words as the
    first, when the first holds no plain fact of the kind, or when the lower one prints the year or month
    the question names, in its headline or text (the first's plain fact may be of another time: 累计开行
    1.82万列 against 截至2019年10月底…近2万列). When the first holds no sentence that may answer at all
    (`first_answers` false), an article the ranking placed close to the first (`article.rank < close`: its
    score within what the fact evidence weighs) may answer though it holds less of the question's words:
    the story a question asks about is the one that holds the fact asked for. Such a close article that holds
    every word of the question the first holds and more (`holds_more`) may answer though the first holds a plain
    fact. Each lower article is weighed on its own."""
    if not first_answers and article.rank < close:
        return True
    if reach < first_reach:
        return False
    if holds_more and article.rank < close:
        return True
    return first_strength < STRONG_KIND or any(
        d in text
        for forms in question_dates(q)
        for d in forms
        for text in (article.title, *(s.norm for s in article.sentences))
    )


def best_sentence(
    query: str,
    terms: Sequence[str],
    docs: Sequence[tuple[int, str, str]],
    *,
    groups: Sequence[Sequence[str]] = (),
    max_docs: int = MAX_DOCS,
    close: int = 1,
) -> Answer | None:
    """The answer among `docs` ((article id, title, body), best-ranked first), or None. `close`: how many of
    the first docs the ranking placed close to the first (`evidence.close_to_first`; see `reads_further`)."""
    asked = read_question(query, terms, docs, groups=groups, max_docs=max_docs)
    if asked is None:
        return None
    q, kind, articles, units, reach, held = asked
    terms = [t for t in terms if t]
    groups = [tuple(g) for g in groups if g]
    best: _Span | None = None
    first_strength = 0.0
    first_answers = False  # whether the first result holds a sentence that may answer
    for article in articles:
        if article.rank > 0 and not reads_further(
            first_strength,
            reach[article.rank],
            reach[0],
            q,
            article,
            first_answers=first_answers,
            close=close,
            holds_more=held[article.rank] > held[0],
        ):
            continue
        for span in _spans(article, units, kind, q, terms):
            if best is None or span.key > best.key:
                best = span
                if article.rank == 0:
                    first_strength = span.strength  # how plainly the first result's answer holds the fact
                    first_answers = True
    if best is None:
        return None
    article = articles[best.sentences[-1].rank]
    text = "".join(_extended(best, article, kind, q, terms, units))
    if len(text) > MAX_ANSWER:
        text = text[: MAX_ANSWER - 1] + "…"
    words = list(terms) + [w for g in groups for w in g]
    return Answer(
        sentence=text,
        article_id=best.sentences[-1].article_id,
        snippet=mark(text, words),
        focus=_focus(text, best, kind, q, terms, article.report_day),
    )


def _focus(text: str, chosen: _Span, kind: str, q: str, terms: Sequence[str], report_day: int | None) -> int:
    """Where in the answer's text the clause holding the fact most plainly starts (the first such clause of
    its plainest sentence), for front ends that show less than the whole answer."""

    def strength(piece: str) -> float:
        return kind_strength(normalize(piece), kind, q, terms, report_day)

    holding = max(chosen.sentences, key=lambda x: strength(x.text))
    start = max(text.find(holding.text), 0)
    pieces = list(_CLAUSE_END.finditer(holding.text))
    bounds = [0] + [m.end() for m in pieces]
    ends = [m.start() for m in pieces] + [len(holding.text)]
    parts = [holding.text[a:b] for a, b in zip(bounds, ends, strict=True)]
    best = max(range(len(parts)), key=lambda k: (strength(parts[k]), -k))
    return start + bounds[best]


# 第一 before a measure word and 首 say the same (第一站 = 首站, 第一轮 = 首轮, 首次 = 第一次): news writes
# the short form where a question says the long one, and the other way round.
_ORDINAL_MEASURES = "轮站次批届场期季座架艘台部项枚位家个份"
_FIRST_OF = re.compile(f"^(第一|首|头一)([{_ORDINAL_MEASURES}])(.*)$")


# A question's "in a year" / "a day" is printed as a rate: 一年给柬埔寨发多少电 → 每年可为全国提供约10亿度,
# 一天能检测多少份 → 150万份每天, 日均.
_PER_PERIOD = {
    "一年": ("每年", "年均"),
    "每年": ("一年", "年均"),
    "一天": ("每天", "每日", "日均"),
    "每天": ("一天", "每日", "日均"),
    "一个月": ("每月", "月均"),
    "每月": ("一个月", "月均"),
}


def _written_forms(term: str) -> tuple[str, ...]:
    """The term and the forms news prints for it: its ordinal's other form (`_ordinal_forms`), the rate of a
    period (一年 → 每年, 年均), the full or formal names of the synonym table (卫健委 → 卫生健康委, 国企 →
    国有企业, 去世 → 逝世, 老家 → 出生), and a verb of carrying's formal form (运到 → 运抵)."""
    return tuple(
        dict.fromkeys(
            (*_ordinal_forms(term), *_PER_PERIOD.get(term, ()), *printed_forms(term), *_arrival_forms(term))
        )
    )


# A verb of carrying something to a place that the question says with 到 (运到, 送到, 寄到, 飞到), which news writes
# with the formal 抵 (运抵, 送抵, 寄抵, 飞抵).
_CARRIED_TO = re.compile(r"^([运送寄发飞驶押邮转])到$")


def _arrival_forms(term: str) -> tuple[str, ...]:
    """运到 → 运抵: the written form of a spoken verb of carrying to a place; nothing for other words."""
    m = _CARRIED_TO.match(term)
    return (m.group(1) + "抵",) if m is not None else ()


def _ordinal_forms(term: str) -> tuple[str, ...]:
    """The term, and its other forms when it starts with 第一, 首 or the colloquial 头一 before a measure word
    (第一站 → 首站, 头一份工作 → 第一份工作, 首份工作)."""
    m = _FIRST_OF.match(term)
    if m is None:
        return (term,)
    # news seldom writes the spoken 头一: it is read as the written forms, never written for them
    return (term, *(f + m.group(2) + m.group(3) for f in ("第一", "首") if f != m.group(1)))


# An ordinal or a number a question's word ends with (第十, 2020): printed on, it is another (第十一, 20201).
_NUMERAL_END = re.compile(r"第[零一二三四五六七八九十百千万两]+$|\d$")
_NUMERAL = "0123456789零一二三四五六七八九十百千万两"


@lru_cache(maxsize=4096)
def _ends_with_numeral(form: str) -> bool:
    return _NUMERAL_END.search(form) is not None


def _holds(form: str, text: str) -> bool:
    """Whether a text holds a (normalised) word of the question; a word ending with a numeral only where no
    numeral follows it (第十 is not in 第十一盘). Callers test `form in text` first, which is cheaper."""
    if not _ends_with_numeral(form):
        return form in text
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if end == len(text) or text[end] not in _NUMERAL:
            return True
        at = text.find(form, at + 1)
    return False


def _words_held(units: Sequence[Sequence[str]], text: str) -> frozenset[int]:
    """Which of the question's words (their indices in `units`) an article's (normalised) text holds."""
    return frozenset(
        k
        for k, unit in enumerate(units)
        if any((f := normalize(x)) in text and _holds(f, text) for x in unit)
    )


def _article_coverage(units: Sequence[Sequence[str]], text: str) -> float:
    """The share (by length) of the question's words an article's text holds."""
    total = sum(min(len(x) for x in unit) for unit in units) or 1
    forms = [[normalize(x) for x in unit] for unit in units]
    held = sum(
        min(len(x) for x in unit)
        for unit, folded in zip(units, forms, strict=True)
        if any(f in text and _holds(f, text) for f in folded)
    )
    return held / total


def unit_weights(units: Sequence[Sequence[str]], sentences_: Sequence[str]) -> list[float]:
    """Each word's (or OR group's) weight: its length times 1 + ln(N / n), n of the N sentences
    holding it (at least 1), so the words that recur in every sentence of the story say little about
    which one answers."""
    n = max(len(sentences_), 1)
    out = []
    for unit in units:
        forms = [normalize(x) for x in unit]
        holding = sum(1 for s in sentences_ if any(f in s and _holds(f, s) for f in forms))
        dated = (
            _QUESTION_DATE.fullmatch(forms[0])
            or _QUESTION_DAY.fullmatch(forms[0])
            or _QUESTION_PERIOD.fullmatch(forms[0])
        )
        length = DATE_LENGTH if dated else min(len(f) for f in forms)
        out.append(length * (1.0 + math.log(n / max(holding, 1))))
    return out


def term_weights(terms: Sequence[str], sentences_: Sequence[str]) -> dict[str, float]:
    """Each term's weight (see `unit_weights`)."""
    return dict(zip(terms, unit_weights([(t,) for t in terms], sentences_), strict=True))
