"""English names and abbreviations that Chinese news prints in Chinese (IMF → 国际货币基金组织, NATO → 北约), as a
documented table. Pure.

Readers type the English form of a body, a country, a city or a company where the paper prints the Chinese
one, or prints both (国内生产总值（GDP）). Each entry is searched as a synonym is
(`storage.search.synonyms.printed_forms`): the word as typed or any of its printed forms, and the reply says
so (`names_in`). Keys are written as readers see them and looked up without case; a key of two words
(Hong Kong) is one term when typed as two (`joined`).

WHO is in it although an English question drops the word who before searching: typed as a name
(`named_in`: WHO说了什么, What did WHO say, who 世卫) it is kept. Left out on purpose: other words an English
sentence uses for something else (US → us; Apple, which 人民日报 prints as the fruit; China, which it prints
as 中国 in nearly every story, so that the word would find them all), and names whose pinyin is
the name (Beijing, Wuhan, Huawei: `storage.search.pinyin` reads them). Grow it from real questions.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from storage.models import Correction
from storage.text.normalize import fold

# The English question words (an English reader asking "who is 王伟"): a question asks with them, a search
# drops them, unless one is typed as a name (`named_in`).
ENGLISH_QUESTION_WORDS = frozenset("who whom whose what when where which why how".split())

# As readers type it → what Chinese news prints (the typed form stays an alternative as well).
TABLE: dict[str, tuple[str, ...]] = {
    # international bodies
    "IMF": ("国际货币基金组织", "基金组织"),
    "WHO": ("世界卫生组织", "世卫组织", "世卫"),
    "WTO": ("世界贸易组织", "世贸组织"),
    "UN": ("联合国",),
    "UNESCO": ("联合国教科文组织",),
    "UNICEF": ("联合国儿童基金会",),
    "NATO": ("北约", "北大西洋公约组织"),
    "EU": ("欧盟",),
    "ASEAN": ("东盟",),
    "APEC": ("亚太经合组织",),
    "G20": ("二十国集团",),
    "G7": ("七国集团",),
    "BRICS": ("金砖国家",),
    "OPEC": ("石油输出国组织", "欧佩克"),
    "SCO": ("上海合作组织", "上合组织"),
    "WEF": ("世界经济论坛",),
    "IOC": ("国际奥委会",),
    "FIFA": ("国际足联",),
    "AIIB": ("亚洲基础设施投资银行", "亚投行"),
    "RCEP": ("区域全面经济伙伴关系协定",),
    "ECB": ("欧洲央行", "欧洲中央银行"),
    "Fed": ("美联储",),
    "NASA": ("美国国家航空航天局", "美国航天局"),
    # Chinese bodies, as foreign news names them
    "CPC": ("中国共产党", "中共"),
    "NPC": ("全国人大", "全国人民代表大会"),
    "CPPCC": ("全国政协", "中国人民政治协商会议"),
    "PLA": ("解放军",),
    "CCTV": ("中央电视台", "央视"),
    "Xinhua": ("新华社",),
    # economic measures, printed in Chinese with the abbreviation or without it
    "GDP": ("国内生产总值",),
    "CPI": ("居民消费价格指数", "消费者价格指数"),
    "PPI": ("工业生产者出厂价格",),
    "PMI": ("采购经理指数",),
    "LPR": ("贷款市场报价利率",),
    "PPP": ("政府和社会资本合作",),
    "FDI": ("外商直接投资",),
    "AI": ("人工智能",),
    "VR": ("虚拟现实",),
    # countries
    "USA": ("美国",),
    "America": ("美国",),
    "UK": ("英国",),
    "Britain": ("英国",),
    "Japan": ("日本",),
    "Korea": ("韩国",),
    "Russia": ("俄罗斯",),
    "Germany": ("德国",),
    "France": ("法国",),
    "Italy": ("意大利",),
    "Spain": ("西班牙",),
    "India": ("印度",),
    "Pakistan": ("巴基斯坦",),
    "Iran": ("伊朗",),
    "Israel": ("以色列",),
    "Egypt": ("埃及",),
    "Canada": ("加拿大",),
    "Mexico": ("墨西哥",),
    "Brazil": ("巴西",),
    "Australia": ("澳大利亚",),
    "Singapore": ("新加坡",),
    "Vietnam": ("越南",),
    "Thailand": ("泰国",),
    "Ukraine": ("乌克兰",),
    "Belgium": ("比利时",),
    # cities
    "Hong Kong": ("香港",),
    "Macau": ("澳门",),
    "Macao": ("澳门",),
    "Tokyo": ("东京",),
    "Seoul": ("首尔",),
    "London": ("伦敦",),
    "Paris": ("巴黎",),
    "New York": ("纽约",),
    "Washington": ("华盛顿",),
    "Moscow": ("莫斯科",),
    "Berlin": ("柏林",),
    "Geneva": ("日内瓦",),
    "Brussels": ("布鲁塞尔",),
    "Liege": ("列日",),
    "Davos": ("达沃斯",),
    "Sydney": ("悉尼",),
    "Dubai": ("迪拜",),
    # companies
    "Tesla": ("特斯拉",),
    "Microsoft": ("微软",),
    "Google": ("谷歌",),
    "Amazon": ("亚马逊",),
    "Boeing": ("波音",),
    "Airbus": ("空客", "空中客车"),
    "Samsung": ("三星",),
    "Alibaba": ("阿里巴巴",),
    "Tencent": ("腾讯",),
    "Toyota": ("丰田",),
    "Intel": ("英特尔",),
    "Qualcomm": ("高通",),
    "Nokia": ("诺基亚",),
    "Ericsson": ("爱立信",),
    "Siemens": ("西门子",),
    "BYD": ("比亚迪",),
    "ZTE": ("中兴",),
}

_BY_KEY = {name.lower(): (name, forms) for name, forms in TABLE.items()}
_LONGEST = max(len(name.split()) for name in TABLE)


def printed_names(word: str) -> tuple[str, ...]:
    """What Chinese news prints for an English name or abbreviation (`word` in any case), or ()."""
    entry = _BY_KEY.get(word.lower())
    return entry[1] if entry else ()


def joined(terms: tuple[str, ...]) -> tuple[str, ...]:
    """The terms with each name of two or more words typed as separate terms (hong, kong) made one term
    (hong kong): the phrase it is printed as in English, and the key its printed forms are found by."""
    out: list[str] = []
    i = 0
    while i < len(terms):
        for width in range(min(_LONGEST, len(terms) - i), 1, -1):
            name = " ".join(terms[i : i + width])
            if name.lower() in _BY_KEY:
                out.append(name)
                i += width
                break
        else:
            out.append(terms[i])
            i += 1
    return tuple(out)


def names_in(terms: tuple[str, ...]) -> tuple[Correction, ...]:
    """The names of the table among `terms`, each as the table writes it with its first printed form: what
    the reply says was searched as well (「IMF」也按「国际货币基金组织」搜索)."""
    found = [_BY_KEY[t.lower()] for t in terms if t.lower() in _BY_KEY]
    return tuple(Correction(name, forms[0]) for name, forms in dict(found).items())


_LATIN_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]+(?![A-Za-z])")
_LOWER_CASE = re.compile(r"[a-z]")
# A Chinese question word other than 谁: the Chinese around a name asks its own question (who说了什么, who
# 什么时候宣布的). 谁 is left out: who 王伟是谁 asks who twice.
_ASKS_OTHER_THAN_WHO = re.compile(
    r"什么|啥|哪|多少|几[个天时月年次位名家项条种]|怎么|怎样|咋|如何|为何|何时|是否|吗|呢"
)


def named_in(text: str, words: Collection[str]) -> frozenset[str]:
    """Those of `words` (English function words in lower case: who, what) that `text` types as a name: in
    capitals, in a text whose other Latin letters are not all capitals (WHO说了什么, What did WHO say; not
    WHO IS 王伟, a question typed in capitals), beside a form news prints that name as (who 世卫), or in any
    case as the only Latin word of a Chinese question that asks with a word of its own other than 谁
    (who说了什么, who 什么时候宣布的: the Chinese asks, so who is the name). Before a name or a topic alone
    (who 王伟) or before 是谁 it asks who. Pure."""
    latin = _LATIN_WORD.findall(text)
    mixed = bool(_LOWER_CASE.search(text)) or len(latin) == 1
    folded = fold(text)
    asks_in_chinese = len(latin) == 1 and bool(_ASKS_OTHER_THAN_WHO.search(folded))
    named: set[str] = set()
    for word in latin:
        key = word.lower()
        if key not in words:
            continue
        forms = printed_names(key)
        if (
            (mixed and len(word) > 1 and word.isupper())
            or any(form in folded for form in forms)
            or (asks_in_chinese and bool(forms))
        ):
            named.add(key)
    return frozenset(named)


def without_names(text: str, words: Collection[str]) -> str:
    """`text` with each of `words` it types as a name (`named_in`) blanked out: what is left asks the
    question (WHO说了什么 asks what, not who). Pure."""
    named = named_in(text, words)
    if not named:
        return text
    return _LATIN_WORD.sub(lambda m: " " if m.group().lower() in named else m.group(), text)
