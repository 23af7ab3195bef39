"""OCR'd pages read block by block: a short block that completes a word of another story's sentence.

On rmrb_ocr3 3-0 the OCR read the German story's paragraphs under the school-books story's lead; the
last of them stops inside a word (``…仇恨犯罪进行更有``), and the block read next goes on from it
(``力、有效的打击。其中一项主要措施是，``: 有力). The whole-page matching of blocks joined the two, but
a block moves only to a story that holds more of its words, and that short block's few words (措施)
were the school-books story's by chance: it stayed there, and the German story's last paragraph,
which goes on from it, with it. A join that completes a word across the seam into a sentence left
open now takes a block whose own story holds under 0.2 of its words. Made-up pages in that shape; a
block whose words its own story clearly holds stays.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

PAGE = (
    "2020年2月24日 星期一\n\n人民日报\n\n第5版 国际\n\n"
    "德国极右翼抬头致安全威胁上升\n\n"
    "德国西部城市哈瑙日前发生枪击事件，造\n"
    "成多人死亡。德国检方表示，枪击案犯罪\n"
    "嫌疑人有种族主义背景。\n\n"
    "石家庄严管中小学教材发放工作\n\n"
    "本报石家庄2月23日电 (记者史自强) 近\n"
    "日，河北石家庄市教育局发出通知，对做\n"
    "好春季学期中小学教材发放工作提出具体\n"
    "要求。\n\n"
    "近年来，德国极端右翼分子数量剧增，由\n"
    "极端右翼思想驱动的暴力犯罪明显增加。\n\n"
    "德国舆论认为，互联网成为极右翼分子宣\n"
    "传激进思想的平台。对此，德国政府最近\n"
    "通过了一项新法案，以期对极右翼行为和\n"
    "仇恨犯罪进行更有\n\n"
    "力、有效的打击。其中一项主要措施是，\n\n"
    "要求社交媒体平台迅速删除违规内容，德\n"
    "国联邦警察将对散布仇恨言论的人起诉。\n\n"
    "通知强调，主要措施是各县教育局和直属\n"
    "学校要及时与新华书店对接，防止发放纸\n"
    "质教材时出现人员聚集。\n"
)
# The school-books story's last paragraph holds most of the short block's words: it stays there.
OWN_WORDS_PAGE = PAGE.replace(
    "通知强调，主要措施是各县教育局和直属\n学校要及时与新华书店对接，防止发放纸\n质教材时出现人员聚集。\n",
    "通知强调，其中一项主要措施是各县教育\n局和直属学校要及时与新华书店对接，有\n效防止发放纸质教材时出现人员聚集。\n",
)


def test_issue22_a_block_completing_a_word_of_a_sentence_left_open_goes_on_from_it():
    germany, schools = parse_page(PAGE, year=2020)
    assert "".join(germany.paragraphs).endswith(
        "进行更有力、有效的打击。其中一项主要措施是，要求社交媒体平台迅速删除违规内容，"
        "德国联邦警察将对散布仇恨言论的人起诉。"
    )
    assert "".join(schools.paragraphs).endswith(
        "提出具体要求。通知强调，主要措施是各县教育局和直属学校要及时与新华书店对接，防止发放纸质教材时出现人员聚集。"
    )
    explained = "\n".join(explain_page(PAGE, year=2020))
    assert "joined lines 28, read after another story's text" in explained
    assert (
        "the word 有力 reads across the join, and the story it left held under 0.2 of its words" in explained
    )


def test_issue22_a_block_whose_words_its_own_story_holds_stays():
    germany, schools = parse_page(OWN_WORDS_PAGE, year=2020)
    assert "".join(germany.paragraphs).endswith("仇恨犯罪进行更有")
    assert "力、有效的打击。" in "".join(schools.paragraphs)
    assert "reads across the join" not in "\n".join(explain_page(OWN_WORDS_PAGE, year=2020))
