"""OCR'd pages, two headlines set side by side that Tesseract read as one line.

Small made-up pages in the shape of the side-by-side lines measured on the tuned OCR sets
(`benchmarks.ocrpages`, `benchmarks.ocrweb`).
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from storage.ingest.page_line_split import _split_side_by_side

# Two headlines set side by side, each wrapped over two lines, read across both modules with runs of
# three to five spaces between them (narrower than a column gap elsewhere on a page), a speck beside
# the first line; the left headline's story is read first, the right one's after it.
NARROW_PAGE = (
    "人民日报\n\n"
    "2020年2月29日 星期六\n\n"
    "第8版 国际\n"
    "王毅分别同意大利外长、   可9\n"
    "伊朗外长通电话     全力做好稳外贸稳外资和生活必需品保供工作\n\n"
    "本报北京2月28日电 2月2\n"
    "8日，国务委员兼外长王毅同意大利外\n"
    "长迪马约通电话。\n\n"
    "王毅表示，当前，世界许多国家都\n"
    "在奋力抗击新冠肺炎疫情。病毒是人类\n"
    "共同的敌人，需要国际社会携手应对。\n\n"
    "本报北京2月28日电 2月2\n"
    "8日，国务委员兼外长王毅同伊朗外长\n"
    "扎里夫通电话。\n\n"
    "扎里夫表示，感谢中方专门来电话\n"
    "表达慰问和支持，两国人民将永远坚定站\n"
    "在一起。\n\n"
    "新华社北京2月28日电 全国商\n"
    "务系统应对新冠肺炎疫情做好商务工作\n"
    "电视电话会议28日在北京召开。他强调，\n"
    "要全力做好稳外贸稳外资和保障生活必\n"
    "需品供给工作。\n"
)


def test_issue22_headlines_side_by_side_with_narrow_gaps_are_cut_into_their_columns():
    stories = parse_page(NARROW_PAGE, year=2020)
    titles = [story.title for story in stories]
    assert "王毅分别同意大利外长、伊朗外长通电话" in titles
    # The right headline heads the story under it (the speck read beside it stays in its title).
    last = stories[-1]
    assert last.title.endswith("全力做好稳外贸稳外资和生活必需品保供工作")
    assert "王毅" not in last.title
    assert "".join(last.paragraphs).startswith("新华社北京2月28日电")


def test_issue22_a_line_with_a_narrow_gap_joins_the_band_beside_it():
    # The middle line's gap is four spaces, the lines round it are cut at a bar and a wide gap: the
    # band holds all three lines, and the middle line is cut as they are.
    lines = [
        "问“细”于民见初心 | “双创”热情高",
        "小辣椒奏响    总统巴希尔",
        "（今日谈）          “新乐章”",
    ]
    texts = [text for text, _number in _split_side_by_side(lines)]
    assert texts == [
        "",
        "“双创”热情高",
        "总统巴希尔",
        "“新乐章”",
        "",
        "问“细”于民见初心",
        "小辣椒奏响",
        "（今日谈）",
    ]


def test_issue22_a_band_line_indented_past_its_first_column_starts_in_the_next():
    # A wide indent before the line's text and a bar after it: its first column is empty.
    lines = [
        "中朝共同庆祝 | 天津在京津冀协同发展 | 深化哲学社会科学研究人",
        "        为高质量发展注入内生动力          |",
        "本报平壤10月28日电 | 本报天津10月28日电 | 员职称制度改革",
    ]
    columns = [text for text, _number in _split_side_by_side(lines)]
    middle = columns[: columns.index("", 1)]
    assert "为高质量发展注入内生动力" in middle
    assert "中朝共同庆祝" in columns[columns.index("", 1) :]


def test_issue22_a_single_line_with_a_narrow_gap_is_left_as_it_is():
    lines = ["", "将亮相第二届进   博会国家展", "", "据新华社上海10月21日电"]
    assert [text for text, _number in _split_side_by_side(lines)] == lines


# Two headlines side by side, the right one's dateline read across with the top line of a third
# column's text (``成效明显。优化加工贸易监管，完善信``), whose lines above and under it the OCR read
# elsewhere; the rest of that column comes last on the page.
TEXT_BESIDE_PAGE = (
    "人民日报\n\n"
    "2020年1月17日 星期五\n\n"
    "第6版 要闻\n"
    "普惠金融助力西藏脱贫攻坚                      海关去年征税18701亿元\n\n"
    "17个银行网点设在海拔                    进出口货物通关时间缩短\n\n"
    "4800米以上                    本报北京1月16日电 (记者                 成效明显。优化加工贸易监管，完善信\n\n"
    "本报北京1月16日电 (记者\n"
    "曲哲涵、欧阳洁) 记者16日从中国银\n"
    "保监会获悉：截至2019年底，西藏\n"
    "各金融机构已在21个边境县设立机构\n"
    "网点292个，其中17个银行网点设在海\n"
    "拔4800米以上。\n\n"
    "杜海涛) 2019年，全国海关加强综\n"
    "合治税，科学征管，全年征收税款\n"
    "18701亿元。去年，全国海关不断提升\n"
    "监管效能，知识产权海关保护\n\n"
    "各界群众自发参与“我的祖国”全网拉歌\n\n"
    "本报北京1月16日电 (记者\n"
    "张贺) 新年伊始，深情的歌声唱响全\n"
    "网，社会各界群众自发参与拉歌活动。\n\n"
    "用管理，进出口货物通关时间比2017年\n"
    "压缩一半以上。\n"
)


def test_issue22_a_column_line_read_beside_a_dateline_does_not_cut_the_dateline():
    stories = {story.title: story for story in parse_page(TEXT_BESIDE_PAGE, year=2020)}
    customs = stories["海关去年征税18701亿元 进出口货物通关时间缩短"]
    body = "".join(customs.paragraphs)
    # The dateline keeps its reporter (the text line had been read into its bracket), and the line
    # stays in the story whose text it is.
    assert customs.reporters == ("杜海涛",)
    assert body.startswith("本报北京1月16日电")
    assert "(记者成效明显" not in body.replace(" ", "")
    assert "成效明显。优化加工贸易监管，完善信" in body
    for title, story in stories.items():
        if title != customs.title:
            assert "成效明显" not in "".join(story.paragraphs)


def test_issue22_text_columns_beside_a_dateline_are_read_last_and_a_band_of_text_stays():
    # The first line of a story's three columns read across: the dateline column is read in place,
    # the two columns' text lines (and the specks over them) at the page's end.
    lines = [
        "魏凤和宣读习近平主席贺信",
        "[宣读习近平主            言           主目发言",
        "本报北京10月21日电 〈记者金艾 | 家主权、安全、发展利益，积极服务构建人类命 | 区一体化相适应、能够被各国普遍接受、兼顾各",
        "",
        "红) 第九届北京香山论坛21日上午开幕。",
    ]
    texts = [text for text, _number in _split_side_by_side(lines)]
    assert texts[-5:] == [
        "言",
        "家主权、安全、发展利益，积极服务构建人类命",
        "",
        "主目发言",
        "区一体化相适应、能够被各国普遍接受、兼顾各",
    ]
    assert texts.index("本报北京10月21日电 〈记者金艾") < texts.index("红) 第九届北京香山论坛21日上午开幕。")
    assert texts.index("红) 第九届北京香山论坛21日上午开幕。") < texts.index("言")
    # A story's two columns read across line by line, no dateline beside them: read as before.
    across = ["2月21日凌晨3 | 住得安心、及时治", "点，武汉市江汉区税 | 疗。由武汉市税务局"]
    assert [text for text, _number in _split_side_by_side(across)] == [
        "",
        "住得安心、及时治",
        "疗。由武汉市税务局",
        "",
        "2月21日凌晨3",
        "点，武汉市江汉区税",
    ]


# The masthead's items read as one line, then two headlines set side by side read as one line with a
# bar between them, the left one wrapped onto the next line; the left headline's story is read first,
# the right one's after it.
BAR_PAGE = (
    "2020年1月8日 星期三                    人民日报                    第16版 要闻\n"
    "阅读中国 ”图书展暨”中印文化交流图片 。 | 俄罗斯总统普京\n\n"
    "展 ”举行\n\n"
    "本报新德里1月7日电 〈记者胡博\n"
    "峰) “阅读中国”图书展暨“中印文\n"
    "化交流图片展”近日在印度首都新德\n"
    "里举行。中国驻印度大使孙卫东出席\n"
    "开幕式并参观展览。\n\n"
    "访问叙利亚\n\n"
    "据新华社大马士革1月7日电 俄罗\n"
    "斯总统普京7日抵达叙利亚首都大马\n"
    "士革进行访问并与叙总统巴沙尔举行\n"
    "会谈。\n"
)


def test_issue22_two_headlines_read_as_one_line_with_a_bar_are_cut_apart():
    stories = parse_page(BAR_PAGE, year=2020)
    india = next(story for story in stories if "".join(story.paragraphs).startswith("本报新德里"))
    # The left headline heads the story read under it; the right one is in no title of that story.
    assert india.title.replace(" ", "").startswith("阅读中国”图书展暨”中印文化交流图片")
    assert "俄罗斯" not in india.title
    lines = [text for text, _number in _split_side_by_side(BAR_PAGE.splitlines())]
    # The masthead strip stays one line, no column of a band.
    assert lines[0] == BAR_PAGE.splitlines()[0]
    assert (
        lines.index("俄罗斯总统普京")
        < lines.index("阅读中国 ”图书展暨”中印文化交流图片")
        < lines.index("展 ”举行")
    )


def test_issue22_a_body_line_or_a_typed_strip_with_a_bar_is_left_as_it_is():
    # Each alone between lines without a gap: a body line the bar cut, a strip typed with a full-width
    # bar, a strip of heads under its label.
    lines = [
        "应急管理部获悉: 根据湖北省请求，5日，应急 | 作。",
        "管理部会同国家粮食和物资储备局再次向湖北省",
        "",
        "B03｜都市生活新闻",
        "本报讯 昨天，市交通委发布消息。",
        "",
        "【要闻】某地发布新规定 | 某某某某活动举行",
        "本报讯 昨天，市文旅局发布消息。",
    ]
    assert [text for text, _number in _split_side_by_side(lines)] == lines


# A headline of two lines set beside a column of a feature's text, each line read across with the
# text's: a speck and a bar left of the first, the second after a text line broken off after a clause
# mark and one space; the headline's own story (a dateline under a photo caption) is read later.
BESIDE_TEXT_PAGE = (
    "人民日报\n\n"
    "2019年2月7日 星期四\n\n"
    "第5版\n\n"
    "家乡年年变化大\n\n"
    "外出工作23年了，无论多忙，\n"
    "在南京打拼的卢玉刚，每年都会赶\n"
    "在除夕这天回到江西新余市分宜县\n"
    "洋桥镇鹤下村的老家。2014年，南京\n"
    "到新余的高铁开通，让在外打拼的\n"
    "人激动不已。\n"
    "oa |习近平主席特别代表出席安理会\n"
    "分宜县地处江西中部偏西，是 高级别公开辩论会\n"
    "全国电商进农村综合示范县。卢玉刚\n"
    "说，家乡的发展，我们不仅是见证者，\n"
    "更是参与者。\n\n"
    "据新华社联合国2月4日电 （记\n"
    "者徐晓蕾） 2月4日，习近平主席特\n"
    "别代表、中国常驻联合国代表马朝\n"
    "旭出席安理会高级别公开辩论会。\n"
)


def test_issue22_a_headline_read_beside_a_column_of_text_heads_the_next_dateline():
    stories = parse_page(BESIDE_TEXT_PAGE, year=2019)
    home, un = stories
    body = "".join(home.paragraphs)
    # The text goes on across the two lines; the headline's words are in neither paragraph.
    assert "分宜县地处江西中部偏西，是全国电商进农村综合示范县" in body
    assert "安理会" not in body and "oa" not in body
    assert un.title.replace(" ", "") == "习近平主席特别代表出席安理会高级别公开辩论会"
    assert "".join(un.paragraphs).startswith("据新华社联合国2月4日电")
