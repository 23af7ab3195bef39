"""A page read block by block, blocks matched over the whole page (`page_chains`): a block that opens
with a speaker its story's seed alone names stays in that story, whatever words it shares with another.

On fresh rmrb_ocr pages (5-10, and web page web1-0), the whole-page matching moved a phone-call
story's ``…表示，`` paragraph to another story on the topic words they share (抗击疫情, 胜利, 经验),
though the call's dispatch names the speaker. Made-up blocks in that shape.
"""

from __future__ import annotations

from storage.ingest.page_chains import assign_chains
from storage.ingest.page_fragments import Fragment


def _block(story: int, text: str, *, fixed: bool = False) -> Fragment:
    """A paragraph block: an indented first line, a sentence ended on a short last line."""
    return Fragment(
        story=story,
        text=text,
        open_start=False,
        open_end=False,
        closed_end=True,
        paragraph_start=True,
        fixed=fixed,
    )


_GROUP = _block(
    0,
    "新华社武汉2月8日电  中央指导组指导督\n导武汉抗击疫情，帮助武汉取得抗疫胜\n利，全力救治患者，分享救治经验。",
    fixed=True,
)
_CALL = _block(1, "据新华社北京2月8日电  王毅应约同法\n国总统外事顾问博纳通电话。", fixed=True)
_GROUP_ON = _block(0, "指导组强调，抗击疫情时间就是生命，\n救治患者刻不容缓，对取得抗疫胜利充\n满信心。")
_HEADLINES = ["中央指导组指导督导武汉疫情防控", "王毅同法国总统外事顾问通电话"]
_HEADS = [True, True, False, False]


def _assign(last: Fragment) -> list[int]:
    labels, _links = assign_chains(
        [_GROUP, _CALL, _GROUP_ON, last],
        [0, 1, 0, 1],
        headlines=_HEADLINES,
        heads=_HEADS,
        closed_at=[None, None],
        fixed=_HEADS,
    )
    return labels


def test_issue22_a_block_opening_with_its_story_speaker_stays():
    said = _block(1, "博纳表示，法方愿与中方分享救治经验，\n帮助中方抗击疫情，对取得抗疫胜利充\n满信心。")
    assert _assign(said) == [0, 1, 0, 1]


def test_issue22_the_same_words_without_the_speaker_follow_the_words():
    unsaid = _block(1, "法方愿与中方分享救治经验，帮助中方\n抗击疫情，对取得抗疫胜利充满信心。")
    assert _assign(unsaid) == [0, 1, 0, 0]
