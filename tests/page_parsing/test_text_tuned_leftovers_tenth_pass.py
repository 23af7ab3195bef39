"""The tuned text-page families' leftovers, a tenth pass (issue 22): a paper's own dispatch whose
reporters run in before a lead opening with 近日 or 日前 (``trade_paper``); a photo caption closing a
story's block, its credit a picture note or atop the next block (``special_page``); a picture report's
credit by several photographers, or wrapped after ``摄`` (``local_daily``, ``photo_page``); a
sub-heading as wide as most of a paragraph's first line over a paragraph of two lines (``trade_paper``);
a closing note ending a block under a piece's text, the next piece's headline as wide as the column
under it (``theory_twin``); a digest item's head parted from its text by a full-width space, the text on
the next line or on the head's line inside a block, or holding a colon, or set wider than the column
over a lead whose first line hangs its comma (``digest_twin``); a briefs
column's name with an
ornament over numbered briefs (``metro_page``).

Each case is a small made-up page in the shape of failures seen on the tuned families (seeds 1 and 2);
no held-out family's pages were looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text

WIDTH = 14
MASTHEAD = "2019年10月29日  星期二  第6版  产业\n\n"


RUN_IN = "本报讯 记者王浩 通讯员李明报道：日前，一批重点项目在城南相继开工，带动就业岗位两万多个。"


def test_a_lead_opening_with_a_relative_day_after_run_in_reporters_takes_the_pages_date():
    """``本报讯 记者王浩 通讯员李明报道：日前，…``: the lead's first clause opens after the reporters, with
    日前, so the story is dated with the page (it had no date)."""
    page = MASTHEAD + f"重点项目相继开工\n\n{column_text(RUN_IN, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2019)
    assert story.date == "2019-10-29"
    assert story.reporters == ("王浩",)
    assert story.correspondents == ("李明",)


def test_a_relative_day_further_on_than_the_run_in_reporters_dates_nothing():
    """``本报讯 记者王浩报道称，近日…``: no colon closes the reporters, and the first clause is no relative
    day: the story stays undated."""
    text = "本报讯 记者王浩报道称，近日一批重点项目在城南相继开工，带动就业岗位两万多个。"
    page = MASTHEAD + f"重点项目相继开工\n\n{column_text(text, width=WIDTH)}\n"
    (story,) = parse_page(page, year=2019)
    assert story.date is None


FIRST = "本报北京10月28日电 近日，一批重点项目在城南相继开工，带动就业岗位两万多个。"
SECOND = "项目负责人介绍，新厂房年底前将投入使用，产品主要销往长三角地区。"


def test_a_caption_closing_a_block_over_its_picture_note_leaves_the_story_open():
    """``…两万多个。`` / ``图为工人在车间里检查设备。`` / ``（资料图片）``, a blank line, then the story's next
    paragraph: the caption and its note belong to no story, and the story goes on (the caption had been
    its paragraph, and the note closed it, so its next paragraph opened a story of its own)."""
    page = (
        MASTHEAD
        + f"重点项目相继开工\n\n{column_text(FIRST, width=WIDTH)}\n图为工人在车间里检查设备。\n（资料图片）\n\n"
        + f"{column_text(SECOND, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.paragraphs == (FIRST, SECOND)


def test_a_caption_closing_a_block_with_its_credit_atop_the_next_block():
    """``…两万多个。`` / ``▲工人在车间里检查设备。``, a blank line, then ``本报记者  王明摄`` over the story's next
    paragraph: the caption and its credit belong to no story (the caption had been a paragraph)."""
    page = (
        MASTHEAD
        + f"重点项目相继开工\n\n{column_text(FIRST, width=WIDTH)}\n▲工人在车间里检查设备。\n\n"
        + f"  本报记者  王明摄\n{column_text(SECOND, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.paragraphs == (FIRST, SECOND)
    assert story.reporters == ()


def test_a_picture_note_under_a_storys_text_still_closes_the_story():
    """``…两万多个。`` / ``（资料图片）`` with no caption over it: the note ends the story, as before."""
    page = (
        MASTHEAD
        + f"重点项目相继开工\n\n{column_text(FIRST, width=WIDTH)}\n（资料图片）\n\n{column_text(SECOND, width=WIDTH)}\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.paragraphs == (FIRST,)
    assert second.paragraphs == (SECOND,)


NEXT = "本报北京10月28日电 全国总工会日前表彰一批全国先进女职工集体和个人。"


def test_a_picture_reports_credit_by_two_photographers_is_the_storys_last_paragraph():
    """``王  昊  孙  昊摄影报道（影像中国）`` under a story's text, the next story's headline under it: the
    credit is the story's last paragraph, no line of the headline under it."""
    credit = "王  昊  孙  昊摄影报道（影像中国）"
    page = (
        MASTHEAD
        + f"重点项目相继开工\n\n{column_text(FIRST, width=WIDTH)}\n{credit}\n\n"
        + f"全国总工会表彰先进女职工\n\n{column_text(NEXT, width=WIDTH)}\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.paragraphs == (FIRST, "王昊孙昊摄影报道（影像中国）")
    assert second.title == "全国总工会表彰先进女职工"


def test_a_picture_reports_credit_wrapped_after_its_she_is_one_line():
    """``张梓望  李秀婷  黄锦辉摄`` / ``影报道（影像中国）``: the column wrapped the credit after ``摄``; it is
    the story's last paragraph, whole."""
    page = (
        MASTHEAD
        + f"重点项目相继开工\n\n{column_text(FIRST, width=WIDTH)}\n张梓望  李秀婷  黄锦辉摄\n影报道（影像中国）\n\n"
        + f"全国总工会表彰先进女职工\n\n{column_text(NEXT, width=WIDTH)}\n"
    )
    first, second = parse_page(page, year=2019)
    assert first.paragraphs == (FIRST, "张梓望李秀婷黄锦辉摄影报道（影像中国）")
    assert second.title == "全国总工会表彰先进女职工"


def test_a_sentence_ending_in_she_over_a_bracket_is_no_credit():
    """``…请记者为大家拍摄`` / ``（资料图）``: the line above holds a comma, so the two make no credit and stay
    as they are."""
    text = "合影时，老人们笑着请记者为大家拍摄"
    page = MASTHEAD + f"重点项目相继开工\n\n{column_text(FIRST, width=WIDTH)}\n{text}\n（资料图）\n"
    (story,) = parse_page(page, year=2019)
    assert "".join(story.paragraphs).endswith("拍摄（资料图）")


SUBHEADING = "智慧大脑协同驱动出行"
UNDER = "炫酷和便捷的体验背后，是一个个智能系统各司其职。"
THIRD = "到了登机口，乘客不用出示任何证件、纸质登机牌或者电子登机牌，刷脸即可登机，全程不超过十秒钟。"


def test_a_subheading_left_short_of_a_first_lines_room_over_a_short_paragraph_is_its_own_paragraph():
    """``…刷脸即可登机。`` / ``智慧大脑协同驱动出行`` (ten characters of the twelve a first line holds) /
    ``炫酷和便捷…`` over a last line that is not full: the next line's first character would have fit,
    so the heading ended its paragraph (it had run on into the paragraph under it)."""
    page = (
        MASTHEAD
        + f"重点项目相继开工\n\n{column_text(FIRST, SECOND, THIRD, width=WIDTH)}\n{SUBHEADING}\n{column_text(UNDER, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.paragraphs == (FIRST, SECOND, THIRD, SUBHEADING, UNDER)


def test_a_first_line_stopped_where_the_next_unit_would_not_fit_runs_on():
    """``…登机。`` / ``智慧大脑协同驱动出行`` over ``《智能出行白皮书》…``: the book title would not have fit on the
    line, so the line wrapped and the paragraph goes on."""
    text = SUBHEADING + "《智能出行白皮书》发布，是一个个智能系统各司其职。"
    page = (
        MASTHEAD
        + f"重点项目相继开工\n\n{column_text(FIRST, SECOND, THIRD, width=WIDTH)}\n{SUBHEADING}\n"
        + "《智能出行白皮书》发布，是\n一个个智能系统各司其职。\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.paragraphs == (FIRST, SECOND, THIRD, text)


ESSAY = "在我国，我们党始终坚持法治为了人民、依靠人民、造福人民，法治得到人民的广泛拥护。"
ESSAY_END = "人民的获得感、幸福感、安全感不断提升，并向实现中华民族伟大复兴的中国梦不断前进。"
NOTE = "（作者为教育部长江学者特聘\n教授、华中科技大学法学院院长）"
SECOND_ESSAY = "新中国成立70多年来，我们党领导人民创造了经济快速发展、社会长期稳定“两大奇迹”。"


def test_a_closing_note_ending_a_block_ends_the_piece_over_a_column_wide_headline():
    """``…不断前进。`` / ``（作者为教育部长江学者特聘`` / ``教授、华中科技大学法学院院长）``, a blank line, then
    a headline of two lines as wide as the column, a blank line, the author alone and the text: the
    note ended the first piece, so the headline and the author are the next piece's (both had run on
    as the first piece's text)."""
    page = (
        "人民日报  2020年2月28日  星期五  第9版  理论周刊\n\n"
        + f"保障人民生活更加幸福美好\n\n高浩\n{column_text(ESSAY, ESSAY_END, ESSAY, width=15)}\n{NOTE}\n\n"
        + "把制度优势更好转化为司法效能\n坚持司法为民公正司法（适势求是）\n\n"
        + f"程敏勇\n{column_text(SECOND_ESSAY, ESSAY, width=15)}\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.paragraphs[-1] == "（作者为教育部长江学者特聘教授、华中科技大学法学院院长）"
    assert second.title == "把制度优势更好转化为司法效能 坚持司法为民公正司法（适势求是）"
    assert second.reporters == ("程敏勇",)
    assert second.paragraphs == (SECOND_ESSAY, ESSAY)


def test_a_caption_under_a_piece_ended_by_its_closing_note_is_still_a_caption():
    """``…报道）`` closing the piece's block, then ``1月1日，在上海国际赛车场。`` / ``本报记者 贾超摄`` in a block
    of its own: a photo's caption, no headline of the next piece."""
    page = (
        "人民日报  2020年1月2日  星期四  第15版  体育\n\n"
        + f"健身总动员 欢乐迎新年\n\n{column_text(ESSAY, ESSAY_END, width=WIDTH)}\n（综合本报记者郑轶、李硕、\n李长云、刘硕阳、孙龙飞报道）\n\n"
        + "1月1日，在上海国际赛车场。\n本报记者 贾超摄\n\n"
        + f"让体育绽放更多色彩\n\n{column_text(SECOND_ESSAY, width=WIDTH)}\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "健身总动员 欢乐迎新年"
    assert second.title == "让体育绽放更多色彩"


DIGEST_TOP = "2019年2月28日  星期四\n新闻摘要  14\n\n"
FIRST_ITEM = (
    "美商界期待美中早日达成互利共赢协议\n"
    "美中贸易全国委员会会长克雷格·艾伦近日在\n"
    "华盛顿接受新华社记者专访时表示，美中经贸磋商\n"
    "已在一系列问题上取得“实质性进展”，前景可期。\n"
    "美国商界希望双方经贸团队继续努力并克服困难，\n"
    "早日达成一份互利共赢的协议，以提振两国商界的\n"
    "信心。\n"
)
LAST_ITEM = (
    "\n●人民网开展2019年度“两会调查”　2019年\n"
    "全国两会召开在即，广大群众关注什么？期待什么？\n"
    "2月12日，人民网推出“两会调查”。本次调查得\n"
    "到了广大网友的积极响应，截至2月27日17时，参\n"
    "与调查的网民人数超过了440万人。\n"
    "——据《新京报》报道\n"
)


def test_a_bulleted_head_closed_by_a_full_width_space_opens_the_next_item():
    """``●尤权会见班禅额尔德尼时希望　`` after an item's last sentence and a blank line, its text on the next
    line: the space parted a brief's head from its text, so the head opens the next item (it had been
    read as an ornamented sub-heading of the item above)."""
    page = (
        DIGEST_TOP
        + FIRST_ITEM
        + "\n●尤权会见班禅额尔德尼时希望\u3000\n"
        + "2月26日，中共中央书记处书记、中央统战部部长\n尤权在京会见了班禅额尔德尼。\n（中新社/文）\n"
        + LAST_ITEM
    )
    first, second, _last = parse_page(page, year=2019)
    assert first.title == "美商界期待美中早日达成互利共赢协议"
    assert second.title == "尤权会见班禅额尔德尼时希望"
    assert second.paragraphs == ("2月26日，中共中央书记处书记、中央统战部部长尤权在京会见了班禅额尔德尼。",)


ITEMS = (
    "欢乐过节\u30002月9日农历正月初五，河北省石家庄市\n"
    "鹿泉区举办的民俗文化节，吸引了许多市民前来游\n"
    "玩，祈福迎财，大家欢欢喜喜地过了一个热闹春节。\n"
    "麻糍的滋味\u3000在我们浙江本地，年糕不叫“年糕”\n"
    "叫“麻糍”。麻糍有很多种吃法，炒麻糍是其中最\n"
    "奢侈的一种。\n"
)


def test_a_head_run_in_after_a_full_width_space_inside_a_block_on_a_page_of_items():
    """``…欢乐过节。`` / ``麻糍的滋味　在我们浙江本地，年糕不`` on a page whose items close with their
    source: the full-width space parts the next item's head from its text, though the text does not
    open as a lead (with a date or a place) does (the item had run on as the text of the one above)."""
    page = DIGEST_TOP + FIRST_ITEM + "\n" + ITEMS + "（中新社/文）\n" + LAST_ITEM
    _first, first, second, _last = parse_page(page, year=2019)
    assert first.title == "欢乐过节"
    assert second.title == "麻糍的滋味"
    assert second.paragraphs == (
        "在我们浙江本地，年糕不叫“年糕”叫“麻糍”。麻糍有很多种吃法，炒麻糍是其中最奢侈的一种。",
    )


def test_a_full_width_space_inside_a_block_off_a_page_of_items_parts_no_head():
    """The same lines on a page that prints no items' sources: the text after the space does not open as
    a lead does, so the line stays text of the story above."""
    page = DIGEST_TOP + FIRST_ITEM + "\n" + ITEMS
    _first, story = parse_page(page, year=2019)
    assert story.title == "欢乐过节"


BRIEFS = (
    "1.【王毅会见日本前首相福田康\n夫】国务委员兼外交部长王毅26\n日在北京会见日本前首相福田康\n"
    "夫及出席论坛的日方主要代表。\n"
    "2.【中美经贸磋商双方牵头人通\n话】10月25日晚，中美全面经济\n对话中方牵头人刘鹤应约与美国\n"
    "贸易代表莱特希泽通话。\n"
)


def test_a_briefs_columns_name_with_an_ornament_over_numbered_briefs_heads_their_column():
    """``…贡献力量。``, a blank line, ``■快讯``, a blank line, ``1.【王毅会见…】…``: the name heads the briefs'
    column, which are stories of their own (it had been read as the story's ornamented sub-heading,
    and the briefs as its text)."""
    page = (
        MASTHEAD
        + f"重点项目相继开工\n\n{column_text(FIRST, SECOND, THIRD, width=WIDTH)}\n\n■快讯\n\n{BRIEFS}"
    )
    first, second, third = parse_page(page, year=2019)
    assert first.paragraphs == (FIRST, SECOND, THIRD)
    assert second.title == "王毅会见日本前首相福田康夫"
    assert third.title == "中美经贸磋商双方牵头人通话"


def test_an_ornamented_subheading_over_a_numbered_list_is_still_the_storys():
    """``■三项举措`` between a story's paragraphs over ``1.加强…`` set full: no briefs column's name, so it
    is the story's sub-heading and the list its text."""
    listed = "1.加强统筹调度，确保重点项目用地、用电、用水等要素保障到位。"
    page = (
        MASTHEAD
        + f"重点项目相继开工\n\n{column_text(FIRST, SECOND, THIRD, width=WIDTH)}\n\n■三项举措\n{column_text(listed, width=WIDTH)}\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.paragraphs[-2:] == ("■三项举措", listed)


def test_a_head_holding_a_colon_run_in_before_a_full_width_space():
    """``明信片：一张特殊的回乡车票　近日，在山西…``: the full-width space parts the head from its text, so the
    colon is the head's own (``明信片``, three characters before it, had been no head, and the line had
    opened the item's text)."""
    item = (
        "明信片：一张特殊的回乡车票\u3000近日，在山西\n"
        "省太原市汽车客运西站候车大厅，检票口前排队的\n"
        "人手里拿着的并不是普通车票，而是一张张邮政明\n"
        "信片。（中新社/文）\n"
    )
    page = DIGEST_TOP + FIRST_ITEM + "\n" + item + LAST_ITEM
    _first, story, _last = parse_page(page, year=2019)
    assert story.title == "明信片：一张特殊的回乡车票"
    assert story.paragraphs[0].startswith("近日，在山西省太原市")


def test_a_colon_head_whose_text_holds_a_full_width_space_after_a_comma_keeps_the_colon():
    """``开年练兵忙：武警部队开展训练，官兵　…``: a comma stands before the full-width space, so the colon
    parts the head (``开年练兵忙``) from its text."""
    item = (
        "开年练兵忙：武警部队各单位开展训练，官兵\u3000士气\n"
        "高昂，以崭新姿态迎接新年度的各项任务，全力\n"
        "提升部队实战化训练水平。（中新社/文）\n"
    )
    page = DIGEST_TOP + FIRST_ITEM + "\n" + item + LAST_ITEM
    _first, story, _last = parse_page(page, year=2019)
    assert story.title == "开年练兵忙"


def test_a_head_wider_than_the_column_over_a_lead_whose_first_line_hangs_its_comma():
    """After an item closed by its source, ``李克强会见…代表团成员`` (wider than the column) over
    ``在中华人民共和国成立七十周年前夕的九月底，`` (a paragraph's first line, its comma hung past the edge):
    the head is the next item's headline (it had been read as the first line of its text)."""
    item = (
        "（摘自《经济日报》）\n"
        "李克强会见四十一国和国际机构新任驻华使节和代表团成员\n"
        "在中华人民共和国成立七十周年前夕的九月底，\n"
        "国务院总理李克强九月三十日下午在人民大会堂会\n"
        "见四十一国和国际机构新任驻华使节和代表。\n"
        "（光明网/文）\n"
    )
    page = DIGEST_TOP + FIRST_ITEM + item + LAST_ITEM
    _first, story, _last = parse_page(page, year=2019)
    assert story.title == "李克强会见四十一国和国际机构新任驻华使节和代表团成员"
    assert story.paragraphs[0].startswith("在中华人民共和国成立")
