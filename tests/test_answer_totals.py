"""Issue 20, how many: a total asked for (一共, 累计) is answered by the figure news marks as a total (全村745户,
共计…, 累计…), not by a part of it or another count in the same unit."""

from __future__ import annotations

from storage.search.answers.counts import holds_total
from tests.answer_support import answer_line

_BODY = (
    "工作队入驻桃源村。队长记得清清楚楚，全村745户，107户是贫困户。\n"
    "工作队走访了很多人家，记下了三大本民意诉求。\n"
    "去年，桃源村村委新班子上门入户调研，为21户村民解决了用水难题。"
)


def test_a_total_asked_is_answered_by_the_figure_marked_as_the_whole() -> None:
    assert "全村745户" in answer_line("桃源村一共有多少户村民", "山村的新变化", _BODY)


def test_a_part_asked_without_a_total_keeps_its_own_figure() -> None:
    assert "21户" in answer_line("桃源村为多少户村民解决了用水难题", "山村的新变化", _BODY)


def test_a_total_mark_counts_in_the_unit_asked_and_not_a_figure_the_question_gives() -> None:
    assert holds_total("截至目前，累计报告确诊病例293例。", "例", "累计报告确诊多少例")
    assert holds_total("非法收受财物共计折合人民币1446万余元。", "元", "一共受贿多少钱")
    # another unit; the question's own figure; a bare 共 summing a part the sentence names
    assert not holds_total("累计投入资金300万元。", "户", "一共多少户")
    assert not holds_total("全县21个村累计脱贫。", "个", "全县21个村一共有多少个合作社")
    assert not holds_total("4个楼18个单元共324户居民。", "户", "社区一共多少户")
