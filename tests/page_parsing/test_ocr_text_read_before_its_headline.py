"""OCR'd pages rendered by a browser (`benchmarks.ocrweb`): a module whose headline the OCR read after
its first blocks.

Tesseract read a commentary's first paragraphs right under the story above's last one, then the
commentary's headline, then the rest of its text (web4-13): those paragraphs were the story above's.
Made-up pages in that shape: the blocks at the story above's end that share far more words with the
story under the headline than with the story above's headline and opening go to the story under the
headline, read first; not when that story's text opens with a dateline (nothing of it is read before).
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

PAGE = (
    "2020年4月8日 星期三\n\n人民日报\n\n第5版 社会\n\n"
    "王毅会见新加坡外长\n\n"
    "新华社北京4月7日电 〈记者温馨) 国务委\n"
    "员兼外交部长王毅7日在北京会见新加坡外\n"
    "长维文。\n\n"
    "王毅表示，中新两国是友好邻邦，双方在\n"
    "各领域合作成果丰硕。维文表示，新方愿同\n"
    "中方继续深化合作。\n\n"
    "城南社区的屋顶菜园开园以来，居民们在\n"
    "楼顶种下了青菜和番茄，邻里之间常常一起\n"
    "帮忙浇水施肥。\n\n"
    "菜园由社区志愿者轮流照看，收获的蔬菜\n"
    "送给独居老人。\n\n"
    "屋顶上的小菜园（说道）\n\n"
    "城南社区的屋顶菜园，让居民们从楼道里\n"
    "走到了一起。青菜和番茄长得好，邻里之间\n"
    "的话也多了。\n\n"
    "社区治理需要这样的小切口。把楼顶闲置的\n"
    "空间利用起来，居民们有了共同的事情可做，\n"
    "志愿者和独居老人也多了往来。\n"
)
# The story under the headline opens with its dateline: its text starts there.
DATELINE_PAGE = PAGE.replace(
    "城南社区的屋顶菜园，让居民们从楼道里\n", "本报南京4月7日电 城南社区的屋顶菜园，\n让居民们从楼道里\n"
)


def test_issue22_blocks_read_before_their_headline_go_to_the_story_under_it():
    first, second = parse_page(PAGE, year=2020)
    assert "".join(first.paragraphs).endswith("新方愿同中方继续深化合作。")
    body = "".join(second.paragraphs)
    assert body.startswith("城南社区的屋顶菜园开园以来")
    assert body.index("送给独居老人。") < body.index("城南社区的屋顶菜园，让居民们")
    explained = "\n".join(explain_page(PAGE, year=2020))
    assert "joined lines 17-19, read after another story's text, to this story" in explained
    assert "the story's first text, read before its headline" in explained


def test_issue22_blocks_before_a_headline_whose_story_opens_with_a_dateline_stay():
    first, second = parse_page(DATELINE_PAGE, year=2020)
    assert "".join(second.paragraphs).startswith("本报南京4月7日电")
    assert "城南社区的屋顶菜园开园以来" not in "".join(second.paragraphs)
