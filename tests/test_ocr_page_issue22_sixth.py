"""Issue 22, sixth pass: kickers, sub-headings, bylines and datelines on text pages.

Each case is a small made-up page (or page part) in the shape of a failure measured on pages built from
People's Daily articles in the tuned families' layouts.
"""

from __future__ import annotations

from storage.ingest.page_headlines import HeadlineGroup, match_headlines


def _group(gap: int, *lines: str) -> HeadlineGroup:
    return HeadlineGroup(gap=gap, lines=lines, text="".join(lines))


def test_issue22_a_kicker_goes_with_the_main_line_printed_under_it():
    # ``今年起`` shares ``年起`` with the story under it and ``今年`` with another: printed right over
    # a main line, narrower than it, it is that line's kicker.
    texts = [
        "本报北京1月16日电  自2020年起，义务兵征集调整为一年两次征兵两次退役。",
        "今年是两国建交七十周年，两国合作起步早，大使对两国关系满怀期待。",
    ]
    groups = [
        _group(0, "今年起"),
        _group(0, "义务兵实行一年两征两退"),
        _group(2, "大使对两国关系满怀期待"),
    ]
    assert match_headlines(texts, groups) == [[0, 1], [2]]


def test_issue22_a_subtitle_under_its_main_line_stays_there_before_the_next_headline():
    # A short line under a story's main line, then the next story's headline in the same gap: the short
    # line is the first story's subtitle, not the next one's kicker.
    texts = [
        "田径世锦赛昨天闭幕，我国选手夺得多枚奖牌，位列奖牌榜第二。",
        "十八洞村村民返乡养蜂，带着乡亲们一起奔小康。",
    ]
    groups = [
        _group(1, "田径世锦赛 我国选手佳绩频传"),
        _group(1, "奖牌榜稳居第二"),
        _group(1, "返乡投身“甜蜜”事业 和大家一起奔小康"),
    ]
    assert match_headlines(texts, groups) == [[0, 1], [2]]
