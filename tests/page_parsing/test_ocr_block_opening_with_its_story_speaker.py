"""OCR'd pages read block by block: a block that opens with a speaker named in one story's seed alone
(its headline and opening block) stays with that story against another story's topic words.

On a page of two epidemic stories (fresh rmrb_ocr page 5-10), the bolder joiner gave the block
``博纳表示，法方愿与中方分享经验…帮助中方抗击疫情…`` to the story of the central guidance group, on
the words the two share (抗击疫情, 分享经验, 胜利), away from the phone-call story whose dispatch names
博纳. Made-up blocks in that shape.
"""

from __future__ import annotations

from storage.ingest.page_fragments import plan_joins, speaker_story

_STORIES = [
    [
        "新华社武汉2月8日电 中央指导组指导督导武汉抗击疫情，帮助武汉取得抗疫胜利，全力救治患者，分享经验。",
        "指导组强调，抗击疫情时间就是生命，救治患者刻不容缓，对取得抗疫胜利充满信心。",
    ],
    [
        "据新华社北京2月8日电 国务委员兼外交部长王毅应约同法国总统外事顾问博纳通电话。",
        "博纳表示，法方愿与中方分享经验、开展合作，帮助中方抗击疫情，对取得抗疫胜利充满信心。",
    ],
]
_HEADLINES = ["中央指导组指导督导武汉疫情防控", "王毅同法国总统外事顾问通电话"]
_POSITIONS = {(0, 0): 1, (0, 1): 5, (1, 0): 8, (1, 1): 12}


def test_issue22_the_story_whose_seed_alone_names_the_speaker():
    seeds = ["王毅同法国总统外事顾问通电话。王毅应约同博纳通电话。", "习近平致贺电。王毅出席。"]
    assert speaker_story("博纳表示，法方愿分享经验。", seeds) == 0
    assert speaker_story("王毅表示，中方愿加强合作。", seeds) is None  # named in both seeds
    assert speaker_story("卢胡特表示，印尼赞赏中方。", seeds) is None  # named in none
    assert speaker_story("法方愿与中方分享经验。", seeds) is None  # no speaker opens the block


def test_issue22_a_speaker_block_stays_with_the_story_that_names_the_speaker():
    moves = plan_joins(
        _STORIES, fixed_first=[True, True], headlines=_HEADLINES, positions=_POSITIONS, scattered=True
    )
    assert moves == []


def test_issue22_the_same_block_without_its_speaker_goes_on_the_shared_words():
    stories = [_STORIES[0], [_STORIES[1][0], _STORIES[1][1].replace("博纳表示，", "")]]
    moves = plan_joins(
        stories, fixed_first=[True, True], headlines=_HEADLINES, positions=_POSITIONS, scattered=True
    )
    assert [(move.source, move.block, move.target) for move in moves] == [(1, 1, 0)]
