"""A sentence read clause by clause (`clauses`): the fact of a clause belongs to the words of its own clause."""

from __future__ import annotations

import re

# Where a clause ends: Chinese news chains clauses on one topic with commas, and a fact belongs to the words
# of its own clause (…共梳理出…拖欠民营企业…逾期欠款8900多亿元，截至…约75%已得到清偿).
CLAUSE_END = re.compile(r"[，,；;：:。！？!?]|——|…+")
# A clause that only frames the next one: a time (2018年，九牧实现销售额120亿元; 截至2019年10月底，…; 1月25日，…)
# or a short lead (目前，据统计，同时，).
_FRAME_CLAUSE = re.compile(
    r"(?:截至|截止|到|至|自|从|在|于)?(?:\d{4}年|今年|去年|明年|当年)?(?:\d{1,2}月份?)?(?:\d{1,2}[日号])?"
    r"(?:上旬|中旬|下旬|上午|下午|晚上|晚|凌晨|中午|傍晚|早上|当天|当日|底|初|末|中|前|后|起|以来)*"
)
FRAME_LENGTH = 4  # a clause this short (目前, 据统计, 此外) leads into the next


# An aside in brackets holding a comma (索南达杰（见图，新华社发）是…人): no clause of its own, and it would part
# the subject from the rest of its clause.
_ASIDE = re.compile(r"[（(][^（）()]*[，,][^（）()]*[）)]")


def frames(piece: str) -> bool:
    """Whether a clause only frames the next: a time alone (截至2019年10月底) or a short lead (目前, 据统计)."""
    return len(piece) <= FRAME_LENGTH or _FRAME_CLAUSE.fullmatch(piece) is not None


def clauses(sentence: str) -> list[str]:
    """A (normalised) sentence's clauses, a clause that only frames the next (a time, 目前) joined to it."""
    out: list[str] = []
    lead = ""
    for piece in CLAUSE_END.split(_ASIDE.sub("", sentence)):
        if not piece:
            continue
        if frames(piece):
            lead += piece + "，"
            continue
        out.append(lead + piece)
        lead = ""
    if lead:
        out.append(lead)
    return out
