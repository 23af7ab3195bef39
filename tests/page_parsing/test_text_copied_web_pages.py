"""Text pages in a layout no family had shown the parser (`benchmarks.webpages`): articles
copied from news sites and WeChat accounts into one text, every paragraph a block of its own.

Each case is a small made-up page in the shape of failures seen on the tuned family's pages
(`web_page`, seed 1); the held-out `opinion_page` pages were never looked at.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, is_page_furniture, parse_page
from storage.ingest.page_lines import is_byline, parse_byline, stamp_author, text_date

COPIED = (
    "人民网 >> 社会 >> 正文\n\n"
    "乡村学校迎来新校舍\n\n"
    "2020-01-12 08:57  来源：人民网－人民日报\n\n"
    "原标题：教育均衡发展 乡村学校迎来新校舍\n\n"
    "本报记者  郑超鹏\n\n"
    "今年秋季开学，云南怒江州的孩子们搬进了新教学楼，宽敞明亮的教室里配齐了多媒体设备，操场也铺上了塑胶跑道。\n\n"
    "“以前下雨天教室漏水，现在再也不用担心了。”一位在山区任教二十多年的老师说，孩子们读书的劲头更足了。\n\n"
    "（责编：王伟、李娜）\n"
    "【纠错】\n\n"
    "老小区焕发新活力\n\n"
    "发布时间：2020年01月12日10:15  来源：人民日报  作者：程雪鸣 张雪\n\n"
    "为方便居民出行，乐山市对老旧小区的道路做了改造。\n\n"
    "走进乐山市中区的老旧小区，道路平整，绿树成荫，居民们在小广场上跳舞、下棋，一派热闹景象，处处透着新气象。\n\n"
    "阅读 1.2万  在看 35\n"
    "分享到：\n"
)


def test_a_copied_pages_furniture_bylines_and_dates():
    """The breadcrumb, the site's date lines, ``原标题：…``, the editors' credit, the readers' count and the
    share buttons belong to no story; ``本报记者  郑超鹏`` and the date line's ``作者：…`` are bylines; the
    date line dates the article under it; each paragraph, one line of its own, stays one paragraph."""
    first, second = parse_page(COPIED, year=2020)
    assert first.title == "乡村学校迎来新校舍"
    assert first.reporters == ("郑超鹏",)
    assert first.date == "2020-01-12"
    assert first.paragraphs == (
        "今年秋季开学，云南怒江州的孩子们搬进了新教学楼，宽敞明亮的教室里配齐了多媒体设备，操场也铺上了塑胶跑道。",
        "“以前下雨天教室漏水，现在再也不用担心了。”一位在山区任教二十多年的老师说，孩子们读书的劲头更足了。",
    )
    assert second.title == "老小区焕发新活力"
    assert second.reporters == ("程雪鸣", "张雪")
    assert second.date == "2020-01-12"
    assert second.paragraphs == (
        "为方便居民出行，乐山市对老旧小区的道路做了改造。",
        "走进乐山市中区的老旧小区，道路平整，绿树成荫，居民们在小广场上跳舞、下棋，一派热闹景象，处处透着新气象。",
    )
    explained = "\n".join(explain_page(COPIED, year=2020))
    assert "dropped line 1 as header/footer: 人民网 >> 社会 >> 正文" in explained


def test_a_sites_lines_are_furniture_and_prose_is_not():
    for line in (
        "人民网 >> 时政 >> 正文",
        "首页 > 新闻 > 国内",
        "原标题：强化服务举措 保障平安出行",
        "本文来源：人民日报  编辑：马海波",
        "阅读 10万+",
        "阅读 3421  在看 12",
        "【纠错】",
        "点击右上角分享",
        "2020-01-12 08:57  来源：澎湃新闻－人民日报",
        "来源：人民日报  |  2020年01月12日08:57",
        "人民日报  2020-01-12 19:26",
    ):
        assert is_page_furniture(line), line
    for line in (
        "今天，我们在北京 2020年1月1日 8:30出发。",
        "2020年1月1日 8:30 全体集合",
        "阅读是一种生活方式",
    ):
        assert not is_page_furniture(line), line


def test_a_sites_date_line_dates_the_text_under_it_and_names_its_author():
    assert text_date("2020-01-12 08:57  来源：人民网－人民日报") == ("2020-01-12", False)
    assert text_date("来源：人民日报  |  2020年01月12日08:57") == ("2020-01-12", False)
    assert text_date("2020年1月1日 8:30 全体集合") is None
    assert stamp_author("发布时间：2020-01-27 11:32  来源：人民日报  作者：郑强勇") == "作者：郑强勇"
    assert stamp_author("2020-01-27 11:32  来源：人民日报") is None


def test_an_author_with_a_colon_is_a_byline_and_作者为_is_not():
    assert is_byline("作者：魏超雨")
    assert parse_byline("作者：魏超雨 李娜") == (("魏超雨", "李娜"), ())
    assert not is_byline("作者为北京大学教授")


PICTURE = (
    "包机接回滞留海外的同胞\n\n"
    "人民日报  2020年02月02日18:53\n\n"
    "作者：魏超雨\n\n"
    "2月1日凌晨，在从日本东京羽田机场飞往武汉天河机场的航班上，旅客与机组乘务人员合影留念，大家互相鼓励。\n\n"
    "春秋航空供图（新华社发）\n\n"
    "本文来源：人民日报  编辑：魏秀\n\n"
    "医护人员坚守一线\n\n"
    "2020-02-02 10:55  来源：央视网－人民日报\n\n"
    "本报记者  杨宇辉\n\n"
    "1月29日，武汉市第三医院重症医学科的医护人员又一次连续工作了十几个小时，为病人调整治疗方案，守护生命。\n\n"
    "“救一个人就是救一个家庭。”科室主任董芳说，她和同事们会一直坚守在这里，直到打赢这场疫情防控阻击战。\n"
)


def test_a_photos_credit_given_by_whom_is_a_paragraph_of_its_story_not_a_headline():
    """``春秋航空供图（新华社发）`` under a picture's text closes that story as a paragraph of its own, and
    the next headline titles the next article alone."""
    first, second = parse_page(PICTURE, year=2020)
    assert first.title == "包机接回滞留海外的同胞"
    assert first.reporters == ("魏超雨",)
    assert first.paragraphs[-1] == "春秋航空供图（新华社发）"
    assert second.title == "医护人员坚守一线"
    assert second.reporters == ("杨宇辉",)
    assert second.date == "2020-01-29"  # the day the lead opens with, before the site's date
    assert len(second.paragraphs) == 2


NOTICES = (
    "2020年2月9日  星期日\n第2版  综合新闻\n\n"
    "天气预报\n"
    "今天白天：晴转多云，北风3级，最高气温11℃\n"
    "今天夜间：多云，最低气温-1℃\n"
    "明天：阵雨  0℃～7℃\n\n"
    "老小区焕发新活力\n\n"
    "本报记者  程雪鸣\n"
    "走进乐山市中区的老旧小区，道路平整，绿\n"
    "树成荫，居民们在小广场上跳舞、下棋。\n\n"
    "【招聘公告】\n"
    "本单位面向社会公开招聘工作人员12名，报\n"
    "名地点为建设路8号。特此公告。\n"
    "市人民医院\n"
    "2020年2月9日\n\n"
    "乡村学校迎来新校舍\n\n"
    "记者 郑超鹏\n"
    "今年秋季开学，云南怒江州的孩子们搬进了\n"
    "新教学楼，教室里配齐了多媒体设备。\n\n"
    "人事任免\n\n"
    "免去郭燕的市卫生健康委员\n"
    "会副主任职务；\n"
    "任命卢波娜为市教育局局长。\n"
    "（2020年2月9日市人大常委会第35次会议通过）\n"
)


def test_notices_weather_and_appointments_belong_to_no_story():
    """A weather box, a notice under its label (its signatory and date too) and a list of appointments
    under ``人事任免`` close the story above and belong to no story."""
    first, second = parse_page(NOTICES, year=2020)
    assert first.title == "老小区焕发新活力"
    assert first.paragraphs == ("走进乐山市中区的老旧小区，道路平整，绿树成荫，居民们在小广场上跳舞、下棋。",)
    assert second.title == "乡村学校迎来新校舍"
    assert second.reporters == ("郑超鹏",)
    assert second.paragraphs == ("今年秋季开学，云南怒江州的孩子们搬进了新教学楼，教室里配齐了多媒体设备。",)
    explained = "\n".join(explain_page(NOTICES, year=2020))
    assert "as notice: 人事任免" in explained
    assert "as notice: 市人民医院" in explained


PICTURES = (
    "2019年10月23日  星期三\n第15版  图片新闻\n\n"
    "“行走中国”摄影活动成果展出\n\n"
    "日前，“行走中国”全国系列摄影活动成果展在浙江省杭\n"
    "州市萧山区博物馆开幕，展出作品二百余幅。\n"
    "新华社记者 袁平超 沈萍 摄\n\n"
    "上半年森林旅游达9亿人次\n\n"
    "记者近日从国家林草局获悉：今年上半年，全国森林旅\n"
    "游游客量达9亿人次，同比增长14%。  记者 张波 陈嘉 摄\n\n"
    "甲骨文文化展开展\n\n"
    "在甲骨文发现120周年之际，甲骨文文化展22日在国家博\n"
    "物馆开展，系统讲述甲骨文发现与发掘的过往。\n"
    "吕嘉秀 邓芳海摄\n"
)


def test_pictures_closed_by_credits_naming_two_photographers():
    """A caption under its headline, closed by a credit of two or three names (a role before them or
    not, 摄 after a space or not, on its line or after the caption's last sentence): the
    photographers are the story's authors, the credit no text."""
    first, second, third = parse_page(PICTURES, year=2019)
    assert first.title == "“行走中国”摄影活动成果展出"
    assert first.reporters == ("袁平超", "沈萍")
    assert first.paragraphs == (
        "日前，“行走中国”全国系列摄影活动成果展在浙江省杭州市萧山区博物馆开幕，展出作品二百余幅。",
    )
    assert second.title == "上半年森林旅游达9亿人次"
    assert second.reporters == ("张波", "陈嘉")
    assert second.paragraphs == (
        "记者近日从国家林草局获悉：今年上半年，全国森林旅游游客量达9亿人次，同比增长14%。",
    )
    assert third.title == "甲骨文文化展开展"
    assert third.reporters == ("吕嘉秀", "邓芳海")
    assert len(third.paragraphs) == 1
