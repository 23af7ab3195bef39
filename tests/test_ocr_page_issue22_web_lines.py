"""Issue 22: OCR'd pages, line-level failures on the Chromium tuning seeds (`benchmarks.ocrweb`).

Small made-up pages in the shape of failures measured on `rmrb_ocr_web` and `rmrb_ocr_web2`.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from storage.ingest.page_lines import _Line, name_dots_read

# A headline naming a foreigner, whose name's middle dot the OCR read as a full stop
# (``伊姆兰。汗``), alone in its block over the next story's dateline: it had been taken for the last
# line of the story above, and the story under it titled by its lead.
NAME_DOT_PAGE = (
    "人民日报\n\n"
    "2020年2月21日 星期五\n"
    "第15版\n"
    "社会\n\n"
    "澳总理宣布对林火灾害展\n"
    "开最高级别调查\n\n"
    "据新华社堪培拉2月20日电 〈记者岳东兴、\n"
    "白旭) 持续半年左右的澳大利亚严重森林火灾近\n"
    "期缓解。澳大利亚总理莫里森20日宣布，将成\n"
    "立皇家委员会对此次林火灾害展开最高级别调\n"
    "查。\n\n"
    "在这个被称为“黑色夏季”的林火季，澳多\n"
    "地发生林火，过火面积约1200万公顷。截至本\n"
    "月4日，林火造成33人死亡，烧毁3000多所房\n"
    "屋。\n\n"
    "莫里森介绍，此项调查将研究三个关键领\n"
    "域: 提升各级政府间自然灾害的管理协调; 在各\n"
    "级政府间提升澳大利亚面对自然灾害的备灾、抵\n"
    "御和应对能力; 联邦政府参与应对国家紧急状态\n"
    "的法律框架等。\n\n"
    "习近平同巴基斯坦总理伊姆兰。汗通电话\n\n"
    "新华社北京2月20日电 国家主席习近平20\n"
    "日应约同巴基斯坦总理伊姆兰.汗通电话。\n\n"
    "习近平指出，抗击新冠肺炎疫情是当前中国\n"
    "政府的头等大事。经过广大医务人员和全国各族\n"
    "人民艰苦努力，目前疫情形势已开始出现积极变\n"
    "化。\n"
)


def test_issue22_a_headline_whose_name_dot_was_read_as_a_full_stop_opens_its_story():
    fire, call = parse_page(NAME_DOT_PAGE, year=2020)
    assert fire.title == "澳总理宣布对林火灾害展开最高级别调查"
    assert fire.paragraphs[-1].endswith("法律框架等。")
    assert "伊姆兰" not in "".join(fire.paragraphs)
    assert call.title.startswith("习近平同巴基斯坦总理伊姆兰")
    assert call.title.endswith("汗通电话")
    assert call.paragraphs[0].startswith("新华社北京2月20日电")


def test_issue22_a_name_dot_is_read_only_where_no_sentence_ends():
    def lines(*texts: str) -> list[_Line]:
        return [_Line(k + 1, text, False) for k, text in enumerate(texts)]

    assert name_dots_read(lines("伊姆兰。汗通电话"))[0].text == "伊姆兰·汗通电话"
    # A sentence of text (its end marked) or a line with another full stop keeps its marks.
    assert name_dots_read(lines("持续半年。澳大利亚总理宣布。"))[0].text == "持续半年。澳大利亚总理宣布。"
    assert name_dots_read(lines("持续半年。澳大利亚总理，"))[0].text == "持续半年。澳大利亚总理，"
    assert name_dots_read(lines("一。二", "三", "四"))[0].text == "一。二"
