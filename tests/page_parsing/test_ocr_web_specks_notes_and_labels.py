"""Web-rendered pages (`benchmarks.ocrweb`): what the OCR does round a module's headline and its closing
note (issue 22). Small made-up pages in the shapes of failures measured on `rmrb_ocr_web_fresh10`:

- specks from a photo beside a headline read as lines of its block (``ea   〗   和一``, ``[     mm``) are
  no part of the headline;
- a closing note wrapped over two lines, its opening bracket read ``《`` (``《综合本报记者…、`` /
  ``…报道)``), closes its story, and the headline under it opens the next;
- a column label the OCR read as a block of its own between its headline and the story's first line
  (``以创意取胜 以情感动人`` / blank / ``(体坛观澜)``) ends that headline.
"""

from __future__ import annotations

from storage.ingest.line_split.misreadings import mend_misreadings
from storage.ingest.ocr_page import parse_page
from storage.ingest.segmenter.shapes.noise import _is_specks_in_a_block

HEAD = "人民日报\n\n2019年10月31日 星期四\n第4版\n要闻\n\n"

STEEL = (
    "前三季度粗钢产量同比增8.4%\n\n"
    "本报北京10月30日电 （记者丁怡婷）\n"
    "中国钢铁工业协会30日发布数据，\n"
    "前三季度全国粗钢产量7.4亿吨。\n\n"
    "受多重因素影响，钢材价格\n"
    "回落，钢铁企业效益出现下降。\n\n"
)

FORUM = (
    "本报上海10月30日电 （记者谢卫群）\n"
    "以“科技，为了人类共同命运”为主\n"
    "题的第二届世界顶尖科学家论坛，\n"
    "10月29日至31日在上海举行。\n\n"
    "论坛期间，科学家们围绕生命\n"
    "科学、人工智能等领域展开交流。\n"
)


def _stories(page: str) -> list[tuple[str, str]]:
    return [(a.title, "".join(a.paragraphs)) for a in parse_page(page, year=2019)]


def test_specks_read_inside_a_headline_block_are_no_part_of_it() -> None:
    page = (
        HEAD
        + STEEL
        + "ea                       〗     和一\n第二届世界顶尖科学家论\n[      mm\n坛举行\n\n"
        + FORUM
    )
    stories = _stories(page)
    assert [title for title, _ in stories] == ["前三季度粗钢产量同比增8.4%", "第二届世界顶尖科学家论坛举行"]
    assert stories[1][1].startswith("本报上海10月30日电")


def test_a_headline_line_naming_a_league_or_a_paragraph_end_read_with_a_letter_is_no_speck() -> None:
    assert _is_specks_in_a_block("ea                       〗     和一")
    assert _is_specks_in_a_block("[      mm")
    assert not _is_specks_in_a_block("NBA中国赛")
    assert not _is_specks_in_a_block("加入WTO")
    assert not _is_specks_in_a_block("元o")
    assert not _is_specks_in_a_block("gfbzb.gov.cn)")
    assert not _is_specks_in_a_block("5G")


TRAINS = (
    "返程路 欢乐多 (暖相册·\n春运故事)\n\n"
    "近日来，多地铁路部门开展各种\n"
    "文娱活动，让旅客感受节日氛围。\n\n"
    "在广西全州南火车站候车室的\n"
    "“元宵灯谜会”活动区，许多灯笼\n"
    "穗上挂着灯谜字条，吸引旅客驻足。\n\n"
)

MARKETING = (
    "赛场也是观照人生、聚焦情感的\n"
    "舞台，体育营销创意既要追逐运动\n"
    "员、运动队竞技成绩，也应牵动体\n"
    "育迷情感。\n\n"
    "日前，CBA常规赛第四十轮北控\n"
    "队对战北京队，场边的一台小型挖\n"
    "掘机颇为引人注目。\n"
)


def test_a_wrapped_closing_note_read_with_a_book_title_bracket_closes_its_story() -> None:
    note = "《综合本报记者庞革平、程远州、宋豪新、\n刘洪超报道)\n\n"
    stories = _stories(HEAD + TRAINS + note + "以创意取胜 以情感动人\n\n" + MARKETING)
    assert len(stories) == 2
    assert stories[0][0] == "返程路 欢乐多 (暖相册· 春运故事)"
    assert stories[0][1].endswith("吸引旅客驻足。（综合本报记者庞革平、程远州、宋豪新、刘洪超报道)")
    assert stories[1][0].startswith("以创意取胜 以情感动人")
    assert stories[1][1].startswith("赛场也是观照人生")


def test_a_note_s_bracket_is_put_right_only_where_a_note_opens_the_line() -> None:
    assert mend_misreadings("《综合本报记者庞革平、程远州、") == "（综合本报记者庞革平、程远州、"
    assert mend_misreadings("《本报约翰内斯堡2月18") == "（本报约翰内斯堡2月18"
    assert mend_misreadings("《本报告》指出") == "《本报告》指出"
    assert mend_misreadings("他们读《本报记者") == "他们读《本报记者"


def test_a_label_read_as_a_block_of_its_own_under_its_headline_ends_it() -> None:
    page = HEAD + TRAINS + "（综合本报记者庞革平报道）\n\n以创意取胜 以情感动人\n\n(体坛观澜)\n\n" + MARKETING
    stories = _stories(page)
    assert len(stories) == 2
    assert stories[1][0] == "以创意取胜 以情感动人 (体坛观澜)"
    assert stories[1][1].startswith("赛场也是观照人生")


def test_a_name_in_brackets_under_a_headline_is_no_label() -> None:
    page = HEAD + TRAINS + "（综合本报记者庞革平报道）\n\n以创意取胜 以情感动人\n\n（周飞亚）\n\n" + MARKETING
    stories = _stories(page)
    assert "周飞亚" not in stories[-1][0]
