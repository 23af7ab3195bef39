"""Questions as readers type them (issue 20): the tuned sets' questions rewritten into the forms readers use.

    python -m benchmarks.forms          # (re)writes benchmarks/answers_forms.json

The judged sets were written in a plain, written register (2019年中国女排队长是谁？). Readers type the same
question in other forms: a spoken or regional question word (啥时候, 几时, 几号, 哪儿, 哪旮旯, 几多, 是哪位, 叫啥), a
particle or stray marks at the end (呢, 啊, ？？, …), an opener (请问, 我想知道, 帮我查查), spaces between the
words, full-width digits and half-width marks, the question word first (谁是…) or last (…是什么时候), a year or a
month in Chinese numerals (二〇二〇年, 三月) or with two digits (20年), traditional characters (as typed in Hong
Kong or Taiwan). Each form below is a named family of mechanical rewrites that keep the question's meaning;
a question the form does not fit (no year to write out, no 是谁 to move) gives no variant.

The sources are the tuned sets only (the judged CCTV set's fact questions and the development sets dev to dev12),
never a validation or held-out set. Per form, at most `PER_FORM` variants are kept, chosen reproducibly (by a
hash of the form and the question, not at random) so that every set feeds every form; where a form has several
spoken words for one question word, the hash picks one. Each item keeps its source question (`from`), its set,
its form, its fact and its story (`title` and `date`; `key` for People's Daily; `today` when the source has one).
`python -m benchmarks.answers --sets forms --misses` measures every variant and its source question side by side
and lists, per form, the variants that miss where their source question is right: the drop is what to fix.
It is tuned on, like its sources.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from benchmarks.answers import DEV, JUDGED, load_dev, load_judged

FORMS_FILE = Path(__file__).resolve().parent / "answers_forms.json"
# The sets the questions come from (the judged CCTV set, then the People's Daily development sets).
SOURCES = ("tuning", "dev", *(f"dev{n}" for n in range(2, 13)))
KINDS = ("who", "when", "where", "howmany", "which", "what", "why")
PER_FORM = 16  # variants kept per form

_END = re.compile(r"[\s?？!！。.…]+$")


def _bare(q: str) -> str:
    """The question without the marks that end it."""
    return _END.sub("", q)


def _pick(q: str, options: tuple[str, ...], salt: str) -> str:
    """One of `options`, the same for the same question each time."""
    digest = hashlib.sha1(f"{salt}\n{q}".encode()).digest()
    return options[digest[0] % len(options)]


def _replaced(q: str, pattern: str, options: tuple[str, ...], salt: str) -> str | None:
    """`q` with every match of `pattern` replaced by one spoken form (None when nothing matches)."""
    if not re.search(pattern, q):
        return None
    return re.sub(pattern, _pick(q, options, salt), q)


def sha_for_shenme(q: str) -> str | None:
    """啥 for 什么 everywhere (什么时候 → 啥时候, 叫什么 → 叫啥, 为什么 → 为啥, 什么地方 → 啥地方)."""
    return q.replace("什么", "啥") if "什么" in q else None


def when_spoken(q: str) -> str | None:
    """A spoken or regional word for when: 啥时候, 啥时, 几时, 多会儿 for 什么时候 / 什么时间 / 何时."""
    return _replaced(q, r"什么时候|什么时间|何时", ("啥时候", "啥时", "几时", "多会儿"), "when")


def day_spoken(q: str) -> str | None:
    """A spoken way to ask the day: 几号, 几月几号, 啥日子 for 哪天 / 哪一天."""
    return _replaced(q, r"哪一天|哪天", ("几号", "几月几号", "啥日子"), "day")


def where_spoken(q: str) -> str | None:
    """A spoken or regional word for where: 哪儿, 啥地方, 哪旮旯, 哪疙瘩 for 哪里 / 什么地方 / 何地 / 何处."""
    return _replaced(q, r"哪里|什么地方|何地|何处", ("哪儿", "啥地方", "哪旮旯", "哪疙瘩"), "where")


def howmany_jiduo(q: str) -> str | None:
    """几多 for 多少, as southern readers ask a count (有几多人, 几多亿元)."""
    return q.replace("多少", "几多") if "多少" in q else None


def howmuch_money(q: str) -> str | None:
    """多少钱 for a sum asked in yuan (多少亿元, 多少万元, 多少元)."""
    return re.sub(r"多少(?:万|亿|万亿)?元", "多少钱", q) if re.search(r"多少(?:万|亿|万亿)?元", q) else None


def who_spoken(q: str) -> str | None:
    """A spoken word for who: 是哪位, 是哪个人, 是啥人, 是哪一位 for 是谁; 哪位 for a 谁 that opens the question."""
    if "是谁" in q:
        return q.replace("是谁", _pick(q, ("是哪位", "是哪个人", "是啥人", "是哪一位"), "who"))
    if q.startswith("谁"):
        return "哪位" + q[1:]
    return None


def name_spoken(q: str) -> str | None:
    """A spoken way to ask a name: 叫啥, 叫啥名, 叫啥名字, 名字叫啥 for 叫什么(名字)."""
    if "名叫什么" in q:  # 村名叫什么: the name's own word is there already
        return q.replace("名叫什么", "名叫啥")
    return _replaced(q, r"叫什么名字|叫什么", ("叫啥", "叫啥名", "叫啥名字", "名字叫啥"), "name")


def tail_particle(q: str) -> str | None:
    """A particle at the end, the question mark dropped or kept: 呢, 啊, 呀, 哇, 呢？"""
    return _bare(q) + _pick(q, ("呢", "啊", "呀", "哇", "呢？", "啊？"), "particle")


def tail_marks(q: str) -> str | None:
    """Other marks at the end: none, ？？, ?, …, 。, ?!, ???"""
    bare = _bare(q)
    variant = bare + _pick(q, ("", "？？", "?", "…", "。", "?!", "???"), "marks")
    return variant if variant != q else bare + "？？"


def opener(q: str) -> str | None:
    """A request or a question opening the message: 请问, 我想知道, 问一下, 帮我查查, 想问问, 麻烦问下, 谁知道."""
    lead = _pick(q, ("请问", "我想知道", "问一下，", "帮我查查", "想问问", "麻烦问下，", "谁知道"), "opener")
    return lead + q


def know_tail(q: str) -> str | None:
    """The question asked of the bot: 你知道…吗, …，你知道吗, 能告诉我…吗."""
    bare = _bare(q)
    form = _pick(q, ("你知道{}吗", "{}，你知道吗", "能告诉我{}吗"), "know")
    return form.format(bare)


def lead_in(q: str) -> str | None:
    """A word joining the question to the talk before it: 对了，, 话说, 还有，, 那, 另外问下，"""
    return _pick(q, ("对了，", "话说", "还有，", "那", "另外问下，"), "lead") + q


def spaces(q: str) -> str | None:
    """Spaces between the words (2019年 中国 女排 队长 是 谁), as some readers type a query."""
    from storage.text.segment import cut

    words = [w for w in cut(_bare(q)) if w.strip()]
    return " ".join(words) if len(words) > 1 else None


_FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})
_HALF_MARKS = str.maketrans({"，": ",", "？": "?", "：": ":", "；": ";", "！": "!", "（": "(", "）": ")"})


def widths(q: str) -> str | None:
    """Digits and Latin letters in full width, the Chinese marks in half width (２０１９年…,? )."""
    variant = q.translate(_HALF_MARKS)
    variant = re.sub(r"[0-9A-Za-z]+", lambda m: m.group(0).translate(_FULL_WIDTH), variant)
    return variant if variant != q else None


# A question whose description ends in 是谁 (no clause: 的是谁 asks for the one who did something).
_WHO_LAST = re.compile(r"^([^谁？?，,]{2,}?)(?<!的)是谁[？?]?$")
# 什么时候 / 哪天 in the middle of a question: what comes before and after it.
# (not after a preposition it belongs to: 从哪天起; what follows is a verb phrase of two characters or more)
_WHEN_MID = re.compile(r"^([^？?]{2,}?(?<![从到自于在]))(是)?(什么时候|哪天|哪一天)([^？?]+)[？?]?$")
# 在哪里 / 在哪儿 / 在哪 asking a place (not 在哪条街, 在哪个城市, 在哪年)
_WHERE_MID = re.compile(
    r"^([^？?]{2,}?)(是)?在(哪里|哪儿|哪(?![里儿个条座家所年天些一几位种]))([^？?]+)[？?]?$"
)
_ASKS = re.compile(r"谁|什么|啥|哪|几|多少")


def _when_parts(q: str) -> tuple[str, str, str] | None:
    """(what comes before 什么时候 / 哪天, the word, the verb phrase after it without a closing 的)."""
    m = _WHEN_MID.match(q)
    if m is None or _ASKS.search(m.group(1) + m.group(4)):
        return None
    after = m.group(4).removesuffix("的")
    return (m.group(1), m.group(3), after) if len(after) >= 2 else None


def qword_front(q: str) -> str | None:
    """The question word first: 谁是2019年中国女排队长 for 2019年中国女排队长是谁; 什么时候进博会开幕 for
    进博会什么时候开幕."""
    who = _WHO_LAST.match(q)
    if who and not _ASKS.search(who.group(1)):
        return "谁是" + who.group(1)
    when = _when_parts(q)
    return when[1] + when[0] + when[2] if when else None


def qword_last(q: str) -> str | None:
    """The question word last: 进博会开幕是什么时候 for 进博会什么时候开幕; 座谈会开的地方在哪 for 座谈会在哪儿开的."""
    when = _when_parts(q)
    if when:
        return when[0] + when[2] + "是" + when[1]
    where = _WHERE_MID.match(q)
    if where and not _ASKS.search(where.group(1) + where.group(4)):
        return where.group(1) + where.group(4).removesuffix("的") + "的地方在哪"
    return None


_CN_DIGITS = "〇一二三四五六七八九"


def _cn_month(n: int) -> str:
    """一 … 九, 十, 十一, 十二."""
    return _CN_DIGITS[n] if n < 10 else "十" + (_CN_DIGITS[n - 10] if n > 10 else "")


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_MONTH = re.compile(r"(?<![\d.])(1[0-2]|0?[1-9])月(?!\d)")


def chinese_numerals(q: str) -> str | None:
    """A year or a month in Chinese numerals: 二〇二〇年, 三月, 十二月."""
    if not (_YEAR.search(q) or _MONTH.search(q)):
        return None
    variant = _YEAR.sub(lambda m: "".join(_CN_DIGITS[int(d)] for d in m.group(1)) + "年", q)
    return _MONTH.sub(lambda m: _cn_month(int(m.group(1))) + "月", variant)


def short_year(q: str) -> str | None:
    """A year of this century with two digits, as readers type it (20年3月, 19年)."""
    if not re.search(r"(?<!\d)20\d\d年", q):
        return None
    return re.sub(r"(?<!\d)20(\d\d)年", r"\1年", q)


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def traditional(q: str) -> str | None:
    """Traditional characters, as a reader in Taiwan (s2tw) or Hong Kong (s2hk) types them."""
    variant = _converter(_pick(q, ("s2tw", "s2hk"), "traditional")).convert(q)
    return variant if variant != q else None


FORMS: tuple[tuple[str, Callable[[str], str | None]], ...] = (
    ("sha", sha_for_shenme),
    ("when_spoken", when_spoken),
    ("day_spoken", day_spoken),
    ("where_spoken", where_spoken),
    ("howmany_jiduo", howmany_jiduo),
    ("howmuch_money", howmuch_money),
    ("who_spoken", who_spoken),
    ("name_spoken", name_spoken),
    ("tail_particle", tail_particle),
    ("tail_marks", tail_marks),
    ("opener", opener),
    ("know_tail", know_tail),
    ("lead_in", lead_in),
    ("spaces", spaces),
    ("widths", widths),
    ("qword_front", qword_front),
    ("qword_last", qword_last),
    ("chinese_numerals", chinese_numerals),
    ("short_year", short_year),
    ("traditional", traditional),
)
FORM_NAMES = tuple(name for name, _ in FORMS)


def source_items(name: str) -> list[dict]:
    """The fact questions of one tuned set."""
    if name == "tuning":
        items = [i for i in load_judged(JUDGED) if i["kind"] in KINDS and i.get("answer", True)]
    else:
        items = load_dev(DEV if name == "dev" else DEV.with_name(f"answers_{name}.json"))
    return [i for i in items if i["kind"] in KINDS]


def _item(source: dict, name: str, form: str, q: str) -> dict:
    story = {"title": source["title"], "date": source["date"]}
    if "key" in source:
        story["key"] = source["key"]
    if "today" in source:
        story["today"] = source["today"]
    return {
        "q": q,
        "kind": source["kind"],
        "fact": source["fact"],
        "from": source["q"],
        "set": name,
        "form": form,
        **story,
    }


def build() -> list[dict]:
    """Per form, up to `PER_FORM` variants of the tuned sets' questions (one per source question and corpus)."""
    sources = [(name, item) for name in SOURCES for item in source_items(name)]
    out: list[dict] = []
    for form, rewrite in FORMS:
        found: dict[tuple[bool, str], dict] = {}
        for name, item in sources:
            q = rewrite(item["q"])
            key = (name == "tuning", item["q"])
            if q is None or q == item["q"] or key in found:
                continue
            found[key] = _item(item, name, form, q)
        chosen = sorted(
            found.values(), key=lambda i: hashlib.sha1(f"{form}\n{i['from']}".encode()).hexdigest()
        )
        kept = {id(i) for i in chosen[:PER_FORM]}
        out.extend(i for i in found.values() if id(i) in kept)
    return out


def main() -> int:
    items = build()
    FORMS_FILE.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts = {form: sum(i["form"] == form for i in items) for form in FORM_NAMES}
    print(
        f"{len(items)} variants written to {FORMS_FILE.name}: "
        + ", ".join(f"{f} {n}" for f, n in counts.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
