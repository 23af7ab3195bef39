"""Why: a cause clause (因为, 由于, 受…影响, 得益于, 出于…) or a purpose (为了, 以便, 旨在)."""

from __future__ import annotations

import re

from storage.search.answers.strength import LIKELY, NOTHING, PARTIAL, PLAIN, Asked

_CAUSE = re.compile(
    r"因为|由于|受[^，,。]{1,24}影响|得益于|原因|为了|旨在|出于|理由是|导致|因此|所以|是因为|主要是|关键是|源于|"
    # 担忧 / 担心 (out of worry), not the worry a thing gives rise to (引发担忧, 令人担心: a consequence)
    # 惦念着还有几亩魔芋没种下，王后春连夜驱车往村里赶: what weighs on someone's mind moves them, as 担心
    r"(?<!引发)(?<!引起)(?<!令人)(?<!让人)(?:担忧|担心|放心不下)|(?:惦念|惦记|牵挂|挂念)着|因(?![素地此子])[^，,。]{1,12}而|缘于|之所以|鉴于|随着|目的是|意在|为的是|用于|以便|"
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
    r"是[^，,。；;]{2,20}?(?:造成|导致|引起|引发)的|所致|"
    # 武装组织经常因争夺资源产生矛盾和冲突: 因 and the cause, then what arose from it
    r"因(?![素地此子为])[^，,。；;]{1,12}?(?:产生|引发|引起|造成|发生|爆发|出现)|"
    # 联想到之前有人买炭轻生，小哥立即报了警: what came to mind moved the deed, as 考虑到
    r"(?<![让令使])联想到"
)
# A clause opening with 因 (叶全奖因突发心脏病被送往医院，…): most often a cause, but 因 also opens what is
# not one (除6名干部因有情况需要核实外，…), so it holds a cause less plainly than 因为 or 原因.
# 这座小煤矿开采了十几年，造成附近大面积塌陷: what a thing caused, written after it (as with 导致, but 造成 also tells
# the toll of the event asked about: 发生冲突，造成约50人死亡), so less plainly; not 打造成, 制造成.
_CAUSED = re.compile(r"(?<![打制改建])造成(?!为)")
_CAUSE_CLAUSE = re.compile(r"(?<![原基诱])因(?![素地此子为])[^，,。；;]{1,12}[，,]")
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
# A reason news states by what it moved someone to do: the circumstance faced before the deed (面对…高昂学费，他果断
# 选择到内地读书; not 面对面) or the worry weighed (晓得了他的顾虑：万一被隔离在医院，…).
# 针对不少企业流动资金紧张的现状，国开行设立…: the problem a deed was set against, named by its word before the comma.
_STATED_REASON = re.compile(
    r"面对(?!面)[^，,。；;]{2,30}[，,]|顾虑|"
    r"针对[^，,。；;]{2,30}(?:现状|问题|情况|困难|困境|难题|短板|不足|需求)[，,]"
)
# …，有助于解决老年贫困问题: the good a deed is expected to do, written after it.
_GOOD_DONE = re.compile(r"[，,](?:这|此举|这样)?(?:将|也|还|更)?(?:有助于|有利于)")
# 为对抗通缩风险、刺激欧元区经济复苏，欧洲央行…: a sentence opening with 为 and a clause of its own most often says
# what the rest was done for, whatever its verb (not 为期, 为此, 为止, 为主, 为何); less plainly than `_PURPOSE`'s verbs,
# and only for the deed the question asks about (its words after the clause).
_OPENING_PURPOSE = re.compile(r"^为了?(?![期此止主何啥什])[\u4e00-\u9fff][^，,。；;]{1,24}[，,]")


def why_strength(sentence: str, asked: Asked) -> float:
    """A cause (因为, 由于, 受…影响) or a purpose (，以增加…)."""
    if _CAUSE.search(sentence):
        return PLAIN
    if (
        _PURPOSE.search(sentence)
        or _CAUSE_CLAUSE.search(sentence)
        or _CAUSED.search(sentence)
        or _STATED_REASON.search(sentence)
        or _GOOD_DONE.search(sentence)
    ):
        return LIKELY
    opening = _OPENING_PURPOSE.search(sentence)
    if opening is not None and any(t in sentence[opening.end() :] for t in asked.terms if len(t) >= 2):
        return PARTIAL  # the purpose of the deed asked about, told after it (…，欧洲央行…开启负利率时代)
    return NOTHING
