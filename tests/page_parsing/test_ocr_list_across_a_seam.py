"""OCR'd pages read block by block: a list cut at a block's end goes on in the block that continues it.

Tesseract read the skiing story's block ending ``…吉林、内蒙古、解放军、`` and, under it, its next block
``山东、山西、湖北…等队的50多名选手参赛``; the song story's block ending ``…北京地铁`` was read earlier
(rmrb_ocr4 4-6). On a page read block by block the seams the segmenter left are contested, and the
song story, whose text names ``黄河、长江、黑龙江…``, took the skiing block by those shared place names:
no word reads across ``解放军、|山东``. A list goes on across a seam: an end on ``、`` and a start whose
first item ends on ``、`` read on as surely as digits that go on. Made-up blocks in that shape.
"""

from __future__ import annotations

from storage.ingest.page_fragments import Fragment, _PageGrams, _seam_reading, plan_seams


def _fragment(story: int, text: str, *, fixed: bool = False, **edges: bool) -> Fragment:
    flags = {"open_start": False, "open_end": False, "closed_end": False, "paragraph_start": False}
    flags.update(edges)
    return Fragment(story=story, text=text, fixed=fixed, **flags)


def test_issue22_a_list_cut_at_a_block_end_reads_on_into_its_next_item():
    grams = _PageGrams([])
    assert _seam_reading("来自黑龙江、吉林、解放军、", "山东、山西等队的选手参赛。", grams, (0, 1)) >= 0.3
    assert _seam_reading("来自黑龙江、吉林、解放军", "山东、山西等队的选手参赛。", grams, (0, 1)) == 0.0
    assert _seam_reading("来自黑龙江、吉林、解放军、", "选手们在山东集训。", grams, (0, 1)) == 0.0


def test_issue22_the_list_keeps_its_block_against_a_story_sharing_its_place_names():
    fragments = [
        _fragment(
            0, "本报北京1月16日电 各界群众自发参与网络拉歌，唱响我的祖国。", fixed=True, closed_end=True
        ),
        _fragment(
            0,
            "大学生讲述了家乡的大江大河，黄河、长江、黑龙江、澜沧江，\n北京交通大学的学子在北京地铁",
            open_start=True,
            open_end=True,
        ),
        _fragment(
            1, "据新华社北京1月16日电 全国冬运会高山滑雪速度类比赛拉开序幕。", fixed=True, closed_end=True
        ),
        _fragment(1, "比赛吸引了来自黑龙江、吉林、内蒙古、\n解放军、", open_start=True, open_end=True),
        _fragment(
            1,
            "山东、山西、湖北、陕西等队的五十多名\n选手参赛，黑龙江队包揽女子组前三名。",
            open_start=True,
            closed_end=True,
        ),
        _fragment(
            0, "燕房线的地铁站唱出对国家的美好祝愿，\n网友纷纷点赞。", open_start=True, closed_end=True
        ),
    ]
    moved = [(seam.end, seam.start) for seam in plan_seams(fragments, contest=True)]
    assert (1, 4) not in moved
