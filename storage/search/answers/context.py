"""What a sentence takes from the sentences around it: the place a 本村 refers to, the day a story goes on
with, a cause told before what was done in consequence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storage.search.answers.dates import LUNAR_DAY
from storage.search.answers.reading import Sentence
from storage.search.answers.strength import HOLDS_KIND, LIKELY, NOTHING, PARTIAL

# Words standing for a place named before (这位好心人是本村的…, 这座赣江第一桥, 当地已接待游客…).
_PLACE_REFERRED = re.compile(r"本村|本市|本县|本镇|当地(?!时间)|这里|该市|该县|该镇|该村|这座|这个村|这个镇")
PLACE_REFERRED_BACK = 3  # how many sentences before one saying 本村 its place may be named


def place_referred(pool: Sequence[Sentence], strengths: Sequence[float], i: int) -> int | None:
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


def causes_in_context(pool: Sequence[Sentence], strengths: Sequence[float]) -> list[float]:
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
_OPENS_WITH_DAY = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]|^" + LUNAR_DAY)
DATE_REFERRED_BACK = 4  # how many sentences before an undated one the day it goes on with may open


def date_referred(pool: Sequence[Sentence], strengths: Sequence[float], i: int) -> int | None:
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
    + LUNAR_DAY
    + r")"
    r"(?:春|夏|秋|冬|春天|夏天|秋天|冬天|初|底|末|上旬|中旬|下旬|上午|下午|晚上?|凌晨|中午|傍晚)?[，,]"
)


def dated_apart(pool: Sequence[Sentence], strengths: Sequence[float], i: int) -> bool:
    """For when: whether sentence `i`, opening with its own time (1995年春，唐河县公安局接到…), would only lend
    that time to the undated sentence before it (…当场壮烈牺牲。), which it does not date."""
    return i > 0 and strengths[i - 1] < HOLDS_KIND and _OPENS_WITH_TIME.match(pool[i].norm) is not None
