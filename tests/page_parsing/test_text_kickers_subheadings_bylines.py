"""Text pages: kickers, sub-headings, bylines and datelines.

Each case is a small made-up page (or page part) in the shape of a failure measured on pages built from
People's Daily articles in the tuned families' layouts.
"""

from __future__ import annotations

import pytest

from storage.ingest.ocr_page import parse_page
from storage.ingest.page_headlines import HeadlineGroup, match_headlines


def _group(gap: int, *lines: str) -> HeadlineGroup:
    return HeadlineGroup(gap=gap, lines=lines, text="".join(lines))


def test_issue22_a_kicker_goes_with_the_main_line_printed_under_it():
    # ``今年起`` shares ``年起`` with the story under it and ``今年`` with another: printed right over
    # a main line, narrower than it, it is that line's kicker.
    texts = [
        "本报北京1月16日电  自2020年起，义务兵征集调整为一年两次征兵两次退役。",
        "今年是两国建交七十周年，两国合作起步早，大使对两国关系满怀期待。",
    ]
    groups = [
        _group(0, "今年起"),
        _group(0, "义务兵实行一年两征两退"),
        _group(2, "大使对两国关系满怀期待"),
    ]
    assert match_headlines(texts, groups) == [[0, 1], [2]]


def test_issue22_a_subtitle_under_its_main_line_stays_there_before_the_next_headline():
    # A short line under a story's main line, then the next story's headline in the same gap: the short
    # line is the first story's subtitle, not the next one's kicker.
    texts = [
        "田径世锦赛昨天闭幕，我国选手夺得多枚奖牌，位列奖牌榜第二。",
        "十八洞村村民返乡养蜂，带着乡亲们一起奔小康。",
    ]
    groups = [
        _group(1, "田径世锦赛 我国选手佳绩频传"),
        _group(1, "奖牌榜稳居第二"),
        _group(1, "返乡投身“甜蜜”事业 和大家一起奔小康"),
    ]
    assert match_headlines(texts, groups) == [[0, 1], [2]]


def test_issue22_an_epigraph_ending_at_the_columns_edge_without_a_full_stop_is_a_paragraph():
    # The column holds 12 cells. The summary line's last line fills it and ends without a mark; the
    # line under it is set exactly two cells short (an indent) over a full line: a first line.
    page = (
        "在农民需要的环节上深耕\n\n"
        "农业社会化服务供给\n"
        "应对接农民需求，覆盖更\n"
        "多的生产环节和作物品种，\n"
        "提供更全面、更周到的呵护\n"
        "前不久，在安徽巢湖采\n"
        "访稻农，一位种粮大户惋惜\n"
        "地说：今年新稻卖早了。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert article.paragraphs == (
        "农业社会化服务供给应对接农民需求，覆盖更多的生产环节和作物品种，提供更全面、更周到的呵护",
        "前不久，在安徽巢湖采访稻农，一位种粮大户惋惜地说：今年新稻卖早了。",
    )


def test_issue22_a_line_a_cell_short_with_a_hung_comma_under_a_full_line_runs_on():
    # OCR'd widths are rough: a line a cell short ending in a hung ``，`` is no indented first line.
    page = (
        "区领导调研项目建设\n\n"
        "本报讯 4月6日上午，区长到乡里\n"
        "调研督导项目建设工作，并召开座\n"
        "谈会。要科学有序推进交通路网基\n"
        "础设施建设接驳，增强发展优势，提\n"
        "升居民生活品质。三要坚持融合，\n"
        "把走出去和引进来相结合，优化产业\n"
        "布局，争取取得实质性进展。\n"
    )
    (article,) = parse_page(page, year=2023)
    assert len(article.paragraphs) == 1


@pytest.mark.parametrize("page_number", ["第2版 体育", "第2版体"])
def test_issue22_a_short_headline_under_a_page_number_with_its_section_is_no_masthead(page_number):
    page = (
        f"人民日报\n2019年10月22日 星期二\n{page_number}\n\n双湖初冬\n\n"
        "本报记者  李  婕\n"
        "　　双湖的冬天，来得格外早，十月中旬就已经冰天雪地。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert article.title == "双湖初冬"
    assert article.reporters == ("李婕",)


def test_issue22_the_section_under_a_page_number_of_its_own_stays_masthead():
    page = (
        "人民日报\n2019年10月22日 星期二\n第2版\n\n体育\n\n双湖初冬\n\n"
        "本报记者  李  婕\n"
        "　　双湖的冬天，来得格外早，十月中旬就已经冰天雪地。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert article.title == "双湖初冬"


@pytest.mark.parametrize("between", ["", "北京把老年教育办到家门口\n\n"])
def test_issue22_a_headline_with_an_enumeration_comma_under_the_last_sentence_before_a_dateline(between):
    # No sentence goes on across a blank line into a dateline: the line under the last sentence is the
    # headline printed after its story, ``、`` and all (a headline of the next story between or not).
    page = (
        "本报北京2月14日电  （记者王珂）商务部\n"
        "今天表示，将完善直销相关的法规制度，严\n"
        "格规范市场准入，促进行业健康发展。\n"
        "商务部已暂停办理直销相关的审批、备案\n\n"
        f"{between}"
        "本报北京2月14日电  本市今年将新建一批\n"
        "老年学校，让老人在家门口上学。\n"
    )
    first = parse_page(page, year=2019)[0]
    assert first.title == "商务部已暂停办理直销相关的审批、备案"
    assert first.paragraphs[-1].endswith("促进行业健康发展。")


def test_issue22_a_line_cut_inside_a_list_before_a_blank_line_runs_on_into_the_next_column():
    page = (
        "代表团抵达会场\n\n"
        "本报北京2月14日电  会议今天开幕，来\n"
        "自各地的代表齐聚一堂。出席会议的有\n"
        "了来自黑龙江、吉林、内蒙古、解放军\n\n"
        "等单位的代表共二百余人。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert "解放军等单位" in "".join(article.paragraphs)


def test_issue22_a_closing_note_over_seven_lines_ends_its_story_before_the_headlines_under_it():
    # Headlines printed a story away, under a joint dispatch's note wrapped over seven narrow lines.
    page = (
        "本报武汉2月21日电  出生仅17\n"
        "天的女婴笑笑今天在武汉市\n"
        "儿童医院康复出院。\n\n"
        "“中国必将战胜疫情”\n\n"
        "本报记者  王  珏\n"
        "华侨华人对中国战胜疫\n"
        "情充满信心，大家相信中\n"
        "国一定能打赢这场阻击战！\n"
        "（本报北京、里约热内\n"
        "卢、布鲁塞尔、曼谷、莫斯\n"
        "科、洛杉矶、堪培拉、约翰\n"
        "内斯堡2月21日电  记者曲\n"
        "颂、李晓骁、张远南、郑彬、\n"
        "丁子、张光政、王如君、陈\n"
        "效卫、万宇）\n\n"
        "武汉年龄最小患者康复出院\n\n"
        "春耕备耕扎实推进\n\n"
        "本报北京2月21日电  各地春耕\n"
        "备耕扎实推进。\n"
    )
    first, second, third = parse_page(page, year=2020)
    assert first.title == "武汉年龄最小患者康复出院"
    assert second.title == "“中国必将战胜疫情”"
    assert second.paragraphs[-1].endswith("万宇）")
    assert third.title == "春耕备耕扎实推进"


def test_issue22_a_dateline_from_a_place_of_eight_characters_gives_its_bracketed_reporters():
    page = (
        "柬埔寨西港中国商会成立\n\n"
        "本报柬埔寨西哈努克港10月11日\n"
        "电  （记者王伟健）11日，柬埔寨中\n"
        "国商会西港分会在西哈努克港经济特\n"
        "区成立。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert article.reporters == ("王伟健",)
    assert article.date == "2019-10-11"
    assert article.paragraphs[0].startswith("本报柬埔寨西哈努克港10月11日电（记者")


def test_issue22_the_lead_under_a_dateline_wrapped_before_its_date_is_one_paragraph():
    # The wrapped dateline's date is moved up to its line; the short rest of the lead's first line
    # under it is no sub-heading.
    page = (
        "俄军完成新型防空导弹系统测试\n\n"
        "新华社符拉迪沃斯托克\n"
        "2月11日电 俄罗斯海军总司\n"
        "令科罗廖夫11日说，俄海军\n"
        "目前完成了一款新型舰载防\n"
        "空导弹系统的国家测试。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert len(article.paragraphs) == 1
    assert article.date == "2019-02-11"


def test_issue22_a_short_headline_alone_over_a_headless_story_is_its_headline_not_a_column_label():
    # ``护鱼有“道”`` shares no pair with its story (which says 鱼道), yet it stands alone right over it.
    texts = [
        "国家主席习近平15日应约同法国总统马克龙通电话。",
        "鱼儿想游到上游水库，怎么翻越电站大坝？就是通过这条长长的鱼道。",
    ]
    groups = [_group(0, "习近平同马克龙通电话"), _group(1, "护鱼有“道”")]
    assert match_headlines(texts, groups) == [[0], [1]]


def test_issue22_a_column_label_over_a_brief_with_its_own_headline_stays_a_label():
    texts = ["全市新开工重点项目一百二十个。", "市民公园今天起延长开放时间。"]
    groups = [_group(1, "简讯"), _group(1, "市民公园延长开放时间")]
    assert match_headlines(texts, groups) == [[], [1]]


def test_issue22_a_lone_character_ending_a_paragraph_before_an_indented_line_is_text():
    page = (
        "用拼搏赢未来\n\n"
        "本报记者  赵展慧\n"
        "　　伤病是运动员难以回避的遭遇战。战胜\n"
        "伤病，不仅意味着生理康复，更在于心理复\n"
        "健\n"
        "　　春节快到了，联赛也进入休赛期。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.paragraphs == (
        "伤病是运动员难以回避的遭遇战。战胜伤病，不仅意味着生理康复，更在于心理复健",
        "春节快到了，联赛也进入休赛期。",
    )


def test_issue22_a_lone_character_between_lines_that_run_on_is_still_noise():
    page = (
        "用拼搏赢未来\n\n"
        "本报记者  赵展慧\n"
        "　　伤病是运动员难以回避的遭遇战。战胜\n"
        "伤病，不仅意味着生理康复，更在于心理\n"
        "旺\n"
        "复健。春节快到了，联赛也进入休赛期。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert "旺" not in "".join(article.paragraphs)
