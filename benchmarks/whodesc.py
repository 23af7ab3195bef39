"""Who asked without a question word (issue 20): the tuned sets' who questions as a reader types them bare.

    python -m benchmarks.whodesc        # (re)writes benchmarks/answers_whodesc.json

Readers often type only the description of the person they want (`2020年中国女足主教练`, `中国驻法国大使`,
`那个在家门口看戏的丁李湾村民`), a post and its organisation, with or without a year. No judged set has this
form, so this supplementary check is made mechanically from the who questions of the tuned sets (the judged
CCTV set and the development sets dev to dev11, never a validation or held-out set): a question ending in the
words that ask for a holder (是谁, 叫什么名字, 叫什么, 叫啥, 是哪位, 是什么人; a question mark after them) loses
them, and the description left is kept when it asks nothing else (no 谁, 什么, 哪, 几, 多少) and is not a name's
own word (真名). Questions asking 的是谁 are left out: what precedes is a clause (说…罕见的是谁, 和王丽京合唱…的是哪位:
the one who did something), not a description a reader would type bare.
Each item keeps the original question (`from`), its set, its fact and its story (`title` and `date` for the
judged set, `key` for People's Daily); a description two sets share on the same corpus is kept once.
`python -m benchmarks.answers --sets whodesc --misses` measures it; it is tuned on, like its sources.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from benchmarks.answers import DEV, JUDGED, load_dev, load_judged

WHODESC = Path(__file__).resolve().parent / "answers_whodesc.json"
# The sets the descriptions come from, in order (the judged CCTV set, then the People's Daily ones).
SOURCES = ("tuning", "dev", *(f"dev{n}" for n in range(2, 12)))

# What a question ends with when it asks for the holder of what it describes.
_ASKS_HOLDER = re.compile(r"的?(?:是谁|叫什么名字|叫什么|叫啥名?|是哪位|是什么人)[？?]?$")
# A description that still asks something, or is a clause or a name's own word rather than a person.
_NOT_A_DESCRIPTION = re.compile(r"谁|什么|哪|几|多少|啥|名$|名字$")


def bare_description(question: str) -> str | None:
    """The description a reader would type for a who question (2019年中国女排队长是谁 → 2019年中国女排队长),
    or None when the question does not end in a holder's question or the rest is no bare description."""
    m = _ASKS_HOLDER.search(question)
    if m is None or m.group(0).startswith("的"):
        return None  # 和王丽京合唱…的是哪位: the one who did something, a clause rather than a description
    rest = question[: m.start()].strip()
    if len(rest) < 2 or _NOT_A_DESCRIPTION.search(rest):
        return None
    return rest


def source_items(name: str) -> list[dict]:
    """The questions of one tuned set."""
    if name == "tuning":
        return load_judged(JUDGED)
    return load_dev(DEV if name == "dev" else DEV.with_name(f"answers_{name}.json"))


def build() -> list[dict]:
    """The supplementary set: one item per distinct description (per corpus) of the tuned sets' who questions."""
    out: list[dict] = []
    seen: set[tuple[bool, str]] = set()
    for name in SOURCES:
        for item in source_items(name):
            if item["kind"] != "who":
                continue
            q = bare_description(item["q"])
            cctv = name == "tuning"
            if q is None or (cctv, q) in seen:
                continue
            seen.add((cctv, q))
            story = {"title": item["title"], "date": item["date"]}
            if not cctv:
                story["key"] = item["key"]
            if "today" in item:
                story["today"] = item["today"]
            out.append({"q": q, "kind": "who", "fact": item["fact"], "from": item["q"], "set": name, **story})
    return out


def main() -> int:
    items = build()
    WHODESC.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(items)} descriptions written to {WHODESC.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
