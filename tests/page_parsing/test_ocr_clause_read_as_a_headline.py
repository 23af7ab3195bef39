"""OCR'd pages, the matching step: a clause of text read apart weighs less than a headline.

Made up in the shape of a failure measured on the tuned Chromium set (`benchmarks.ocrweb`, seed 1): the
OCR read a story's headline over its dispatch, and under the dispatch a clause of its text on a line of
its own (``协议，``), just over the next story, whose garbled headline was read nowhere. The dispatch
repeats both, so it held two runs of headline groups while the next story held none, and the two runs
were matched to the two stories over the whole page. The clause's one character pair, all of it in the
dispatch, outweighed the headline's twelve that the dispatch repeats nearly all: the dispatch took the
clause as its title and gave its own headline to the next story. A share counts by how many pairs it
is a share of: the dispatch keeps its headline.
"""

from __future__ import annotations

from storage.ingest.page_headlines import HeadlineGroup, match_headlines

_CALL = (
    "新华社北京2月7日电国家主席习近平7日上午应约同美国总统特朗普通电话。习近平强调，中美双方不久前"
    "签署了第一阶段经贸协议。中美达成这样的协议有利于中国，有利于美国，有利于世界和平繁荣。"
    "特朗普表示，美国愿同中方一道努力落实好协议。两国元首同意，继续通过各种方式保持沟通。"
)
_MATCH = (
    "本报北京2月7日电（记者陈晨曦）7日，中国女足在澳大利亚悉尼迎来东京奥运会女足亚洲区预选赛B组的"
    "首场比赛，球队在一场雨战中以6比1大胜泰国队。李影开场后6分钟的进球，让球员的心态放松下来。"
)


def _group(gap: int, text: str) -> HeadlineGroup:
    return HeadlineGroup(gap=gap, lines=(text,), text=text)


def test_issue22_a_clause_read_apart_does_not_take_the_headline_of_its_story():
    groups = [_group(0, "习近平同美国总统特朗普通电话"), _group(1, "协议，")]
    assert match_headlines([_CALL, _MATCH], groups)[0] == [0]


def test_issue22_a_short_headline_repeated_by_its_story_still_goes_to_it():
    # A short headline is no clause: over a story that repeats it, under another one's, it is that story's.
    groups = [_group(0, "习近平同美国总统特朗普通电话"), _group(1, "女足大胜")]
    match = _MATCH.replace("以6比1大胜泰国队", "以6比1大胜泰国队，女足大胜")
    assert match_headlines([_CALL, match], groups) == [[0], [1]]
