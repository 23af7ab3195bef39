"""OCR'd pages rendered by a browser (`benchmarks.ocrweb`): two modules' headlines read stacked over
one story, a foreign name's middle dot read as a full stop in a headline.

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


# Two modules' headlines the OCR read one over the other (a call's headline, wrapped, then a
# commentary's), then the call's dateline and text, then the commentary's text, opened by nothing of
# its own: both headlines had gone to the call and the commentary had been lost inside it.
STACKED_HEADLINES_PAGE = (
    "人民日报\n\n"
    "2020年2月2日 星期日\n"
    "第8版 社会\n\n"
    "李克强同欧盟委员会主席冯德莱\n\n"
    "恩通电话\n\n"
    "做好搬迁脱贫下半篇文章（今日谈）\n\n"
    "本报北京2月1日电 国务院总理\n"
    "李克强日前应约同欧盟委员会主席\n"
    "冯德莱恩通电话。\n\n"
    "李克强指出，中国政府始终把\n"
    "人民群众的生命安全和健康放在第\n"
    "一位，正在公开透明、有力有序地\n"
    "开展疫情防控工作。\n\n"
    "冯德莱恩表示，欧盟高度尊重\n"
    "和认可中方为防控疫情采取的措\n"
    "施，愿尽己所能向中方提供帮助。\n\n"
    "王毅参加上述活动。\n\n"
    "过去是“锅里缺粮、缸里缺\n"
    "水、身上没钱”，而今家家住新房、\n"
    "有院子……原隆村的今昔变化充分\n"
    "证明，移民搬迁是脱贫攻坚的一种\n"
    "有效方式。\n\n"
    "搬得出，更要稳得住、能致富。\n"
    "做好搬迁脱贫的下半篇文章，要让\n"
    "搬迁群众有业可就、有钱可赚。\n"
)


def test_issue22_two_stacked_headlines_cut_their_story_where_the_second_ones_words_begin():
    call, comment = parse_page(STACKED_HEADLINES_PAGE, year=2020)
    assert call.title.replace(" ", "") == "李克强同欧盟委员会主席冯德莱恩通电话"
    assert call.paragraphs[-1] == "王毅参加上述活动。"
    assert comment.title.startswith("做好搬迁脱贫下半篇文章")
    assert comment.paragraphs[0].startswith("过去是")
    assert comment.paragraphs[-1].endswith("有钱可赚。")
    assert comment.date is None


# A kicker and its main line read as two blocks over one story, whose later paragraph repeats the main
# line's words and goes on with the lead's (食用野生动物): one story, never cut.
KICKER_AND_MAIN_PAGE = (
    "人民日报\n\n"
    "2020年2月17日 星期一\n"
    "第4版 要闻\n\n"
    "天津市人大常委会出台法规\n\n"
    "禁食野味 全方位全链条监管\n\n"
    "本报天津2月16日电 （记者靳博）14日上午，\n"
    "天津市十七届人大常委会第十七次会议表决通\n"
    "过关于禁止食用野生动物的决定，自公布之日\n"
    "起施行，天津市人大常委会有关负责人介绍。\n\n"
    "天津在全国率先以地方立法形式，对食用野生\n"
    "动物和有关交易行为作出禁止性规定。\n\n"
    "同时，《决定》明确食用野生动物的违法行为\n"
    "涉及非法生产、经营、交易、运输等诸多环节，\n"
    "禁食野味要全方位全链条监管，各有关部门要\n"
    "依法查处。\n"
)


def test_issue22_a_kicker_and_main_line_read_apart_keep_their_story_whole():
    (story,) = parse_page(KICKER_AND_MAIN_PAGE, year=2020)
    assert "禁食野味" in story.title
    assert story.paragraphs[-1].startswith("同时")
