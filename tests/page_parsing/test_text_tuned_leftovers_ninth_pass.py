"""The tuned text-page families' leftovers, a ninth pass (issue 22): a bracketed byline run on after a
closing note's bracket (``metro_page``); a bulleted brief's head wrapped onto its next line
(``evening_page``); a five-character head run in before a colon (``digest_twin``); an author's name with
a post over a short block under a headline (``literary_page``).

Each case is a small made-up page in the shape of failures seen on the tuned families (seeds 1 and 2);
no held-out family's pages were looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from tests.page_parsing.layout import column_text

WIDTH = 14
MASTHEAD = "国际  第3版  2020年1月20日\n\n"
FIRST = "辞旧岁，迎新春。我谨代表中国驻外使馆，向祖国人民和海外侨胞致以最诚挚的新春祝福。"
SECOND = "祝伟大祖国繁荣昌盛，全国人民幸福安康！祝两国关系再上新台阶！"
NEXT = "本报北京1月19日电  近日，一批重点项目相继开工，带动就业岗位两万多个。"


def test_a_bracketed_byline_after_a_closing_notes_bracket_closes_the_story():
    """``（作者为中国驻吉尔吉斯斯坦大`` / ``使）（记者 胡海 魏宇）``: the note is the story's last paragraph
    and the bracket after it is the story's byline (it had been kept in the note's paragraph)."""
    page = (
        MASTHEAD
        + f"两国关系再上新台阶（大使寄语）\n\n{column_text(FIRST, SECOND, width=WIDTH)}\n"
        + "（作者为中国驻吉尔吉斯斯坦大\n使）（记者 胡海 魏宇）\n\n"
        + f"重点项目相继开工\n\n{column_text(NEXT, width=WIDTH)}\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.paragraphs == (FIRST, SECOND, "（作者为中国驻吉尔吉斯斯坦大使）")
    assert first.reporters == ("胡海", "魏宇")
    assert second.title == "重点项目相继开工"


def test_a_bracketed_byline_after_a_bracket_that_closes_no_note_stays_text():
    """``…（见第二版）（记者 胡海）``, no closing note (``作者``, ``本报``, ``新华社``) opened above: the byline
    shape alone does not cut the text."""
    page = (
        MASTHEAD
        + f"两国关系再上新台阶\n\n{column_text(FIRST, width=WIDTH)}\n"
        + "详细内容请看专题报道（见第\n二版）（记者 胡海）\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.reporters == ()


BRIEF = "晚7时，四川眉山东坡区大石桥街道办事处，刚刚吃罢工作餐的干部们正忙着分头前往各疫情防控点值守。"
OTHER = "2月15日，浪潮集团华东区域总部等11个项目签约落户南京江北新区。"


def test_a_bulleted_head_wrapped_with_eleven_characters_on_its_second_line():
    """``●四川眉山东坡区要求防`` / ``控一线干部做好休息调整  晚`` / ``7时，…``: the head's end and the two
    spaces before the text fill the second line's first thirteen cells; the head is whole (its first
    line alone had been the title)."""
    page = (
        MASTHEAD
        + "快讯\n\n"
        + "●四川眉山东坡区要求防\n控一线干部做好休息调整  晚\n7时，四川眉山东坡区大石桥\n"
        + "街道办事处，刚刚吃罢工作餐\n的干部们正忙着分头前往各疫\n情防控点值守。\n"
        + "●浪潮集团项目落户江北  近日，\n浪潮集团华东区域总部等11个\n项目签约落户南京江北新区。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "四川眉山东坡区要求防控一线干部做好休息调整"
    assert first.paragraphs == (BRIEF,)
    assert second.title == "浪潮集团项目落户江北"


def test_a_bulleted_head_holding_a_space_wrapped_before_a_wider_gap():
    """``●出台政策支持 深入一`` / ``线服务  2月15日，…``: the head holds one space, and two part it from
    its text on the next line; the head is whole (``出台政策支持`` had been the title, ``深入一`` its text)."""
    page = (
        MASTHEAD
        + "快讯\n\n"
        + "●出台政策支持 深入一\n线服务  2月15日，浪潮集团\n华东区域总部等11个项目签约\n落户南京江北新区。\n"
        + "●街道干部坚守岗位  晚7时，\n街道办事处的干部们正忙着分\n头前往各疫情防控点值守。\n"
    )
    first, second = parse_page(page, year=2020)
    assert first.title == "出台政策支持 深入一线服务"
    assert first.paragraphs == (OTHER,)
    assert second.title == "街道干部坚守岗位"


def test_a_bulleted_head_holding_a_space_over_a_gap_no_wider_keeps_its_line():
    """``●产业兴 乡村美  农民富`` over ``…``: where the gap on the next line is no wider than the head's
    own, the head ends at its line's last gap as before."""
    page = (
        MASTHEAD
        + "快讯\n\n"
        + "●出台政策支持  深入一\n线服务 2月15日，浪潮集团华\n东区域总部等11个项目签约落\n户南京江北新区。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "出台政策支持"


PRACTICE = "武警官兵正在进行训练。春节假期刚刚结束，官兵迅速吹响了新一轮军事训练号角。"


def test_a_five_character_head_run_in_before_a_colon():
    """``开年练兵忙：武警官兵…``, a digest item opening its block: a head of five characters before a colon
    is the item's title (six had been the least)."""
    page = (
        MASTHEAD
        + "【读书活动营造节日氛围】\n耳边忽闻读书声，朗读快闪在图\n书馆上演，书香满城。\n（摘自《经济日报》）\n\n"
        + "开年练兵忙：武警官兵正在进\n行训练。春节假期刚刚结束，官\n兵迅速吹响了新一轮军事训练号\n角。\n"
        + "（摘自《解放军报》）\n"
    )
    stories = parse_page(page, year=2019)
    assert [story.title for story in stories] == ["读书活动营造节日氛围", "开年练兵忙"]
    assert stories[1].paragraphs[0] == PRACTICE


def test_a_four_character_name_before_a_colon_is_no_head():
    """``黑龙江省：…``: four characters before a colon are a kicker's place or a speaker's name, as before."""
    page = (
        MASTHEAD
        + "黑龙江省：武警官兵正在进行训\n练。春节假期刚刚结束，官兵迅\n速吹响了新一轮军事训练号角。\n"
    )
    (story,) = parse_page(page, year=2019)
    assert story.title != "黑龙江省"


def test_a_bulleted_byline_over_a_dateline_wraps_into_no_head():
    """``■本报记者 林思海`` / ``据新华社开罗2月3日电  埃及…``: the bullet's line is the story's byline, and the
    dateline under it opens the text; the two spaces after the dateline end no head."""
    page = (
        MASTHEAD
        + "西奈半岛天然气管道遭袭\n\n■本报记者 林思海\n据新华社开罗2月3日电  埃及安全官员2\n"
        + "日说，埃及东部西奈半岛一处天然气管道当天\n遭不明身份武装分子袭击发生爆炸。\n"
    )
    (story,) = parse_page(page, year=2020)
    assert story.title == "西奈半岛天然气管道遭袭"
    assert story.reporters == ("林思海",)
    assert story.paragraphs[0].startswith("据新华社开罗2月3日电")


def test_an_author_with_a_post_over_a_short_block_under_a_headline():
    """``刘  恒（中国作协副主席）`` opening the block right under a headline, one short line of text under it,
    another piece after: the name is the piece's author (a block of fewer than three lines had held no
    author, and the name had opened the text)."""
    page = (
        MASTHEAD
        + "与时间赛跑的人\n\n于宇建\n"
        + column_text(FIRST, SECOND, width=WIDTH)
        + "\n\n向无畏的战斗者致敬\n\n刘  恒（中国作协副主席）\n向无畏的战斗者致敬！\n\n"
        + f"重点项目相继开工\n\n{column_text(NEXT, width=WIDTH)}\n"
    )
    first, second, third = parse_page(page, year=2020)
    assert second.title == "向无畏的战斗者致敬"
    assert second.reporters == ("刘恒",)
    assert second.paragraphs == ("向无畏的战斗者致敬！",)
    assert third.title == "重点项目相继开工"


def test_a_name_with_a_post_under_a_storys_text_is_no_author():
    """The same block under a story's text, no headline just read: no author of a next story."""
    page = (
        MASTHEAD
        + "与时间赛跑的人\n\n于宇建\n"
        + column_text(FIRST, width=WIDTH)
        + "\n\n刘  恒（中国作协副主席）\n向无畏的战斗者致敬！\n\n"
        + f"重点项目相继开工\n\n{column_text(NEXT, width=WIDTH)}\n"
    )
    stories = parse_page(page, year=2020)
    assert all(story.reporters != ("刘恒",) for story in stories)
