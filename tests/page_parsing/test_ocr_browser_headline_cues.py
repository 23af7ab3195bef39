"""OCR'd pages, headlines on the Chromium tuning seeds (`benchmarks.ocrweb`): what tells a headline from a
line of text the OCR set apart.

Small made-up pages in the shape of failures measured on `rmrb_ocr_web` (seed 1).
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page

# A column label's round bracket read as ``《`` where the headline wrapped inside the label
# (``用形体营造诗意 《看`` / ``台人语)``): the open book-title mark had made the block a body line a column
# break cut, so the review was read as the text of the story above.
LABEL_BRACKET_PAGE = (
    "2020年2月6日 星期四\n\n"
    "人民日报\n\n"
    "第5版 政治\n\n"
    "李克强会见柬埔寨首相洪森\n\n"
    "本报北京2月5日电 〈记者王远) 国务院总\n"
    "理李克强5日下午在人民大会堂会见柬埔寨首相\n"
    "洪森。\n\n"
    "李克强表示，首相先生此时来华，体现柬埔\n"
    "寨人民对中国人民的友好情谊。我们愿同柬方\n"
    "共同努力，不断丰富中柬全面战略合作内涵。\n\n"
    "王毅、何立峰参加会见。\n\n"
    "用形体营造诗意 《看\n"
    "台人语)\n\n"
    "《莫愁莫愁》(南京市话剧团\n"
    "创作) 是一部充满诗意的话剧。一\n"
    "方白色的背景幕布，男女主角、五\n"
    "个黑衣人用创造性的肢体语言搭建\n"
    "起十几个场景，实现了几十个角色\n"
    "的转换扮演。\n\n"
    "〈周飞亚)\n"
)


def test_issue22_a_label_bracket_read_as_a_book_title_mark_leaves_the_headline_a_headline():
    meeting, review = parse_page(LABEL_BRACKET_PAGE, year=2020)
    assert meeting.title == "李克强会见柬埔寨首相洪森"
    assert "话剧" not in "".join(meeting.paragraphs)
    assert review.title.startswith("用形体营造诗意")
    assert "".join(review.paragraphs).startswith("《莫愁莫愁》")


def test_issue22_a_book_title_left_open_is_still_a_body_line():
    # ``《`` closed by nothing within a label's length is a title a column break cut: the block is text.
    page = LABEL_BRACKET_PAGE.replace(
        "用形体营造诗意 《看\n台人语)", "今年春节档，各地剧场推出了《看\n台人语》等"
    )
    (meeting,) = parse_page(page, year=2020)
    assert "看台人语" in "".join(meeting.paragraphs)


# A dispatch whose lead the OCR broke off in mid-sentence (``…联合国秘书长古特雷斯``) and whose next line it
# read as a block of its own (``4日对媒体就中东多国局势、气候``), over the rest of the text: the line was
# taken for the headline of a story of its own, which took the text under it, because that text repeats
# the line's words. The text under it goes on with what the dispatch's own headline says, more than the
# dispatch's text so far does: the line is the dispatch's text.
LINE_SET_APART_PAGE = (
    "2020年2月6日 星期四\n\n"
    "人民日报\n\n"
    "第5版 政治\n\n"
    "李克强会见柬埔寨首相洪森\n\n"
    "本报北京2月5日电 〈记者王远) 国务院总\n"
    "理李克强5日下午在人民大会堂会见柬埔寨首相\n"
    "洪森。\n\n"
    "王毅、何立峰参加会见。\n\n"
    "联合国秘书长一\n"
    "通过“两国方案”解\n"
    "决巴以冲突的立场从\n"
    "未改变\n\n"
    "据新华社联合国2月4日电 (记\n"
    "者徐晓蕾) 联合国秘书长古特雷斯\n\n"
    "4日对媒体就中东多国局势、气候\n\n"
    "调联合国致力于通过“两国方案”\n"
    "解决巴以冲突的立场从未改变。\n\n"
    "古特雷斯当天举行一年一度的\n"
    "联合国秘书长新年记者会，对中东\n"
    "多国局势表示关切。他表示，联合\n"
    "国致力于通过“两国方案”解决巴\n"
    "以冲突，这一立场从未改变。\n"
)


def test_issue22_a_line_set_apart_under_a_dispatch_its_headline_goes_on_with_is_its_text():
    meeting, dispatch = parse_page(LINE_SET_APART_PAGE, year=2020)
    assert meeting.title == "李克强会见柬埔寨首相洪森"
    assert dispatch.title.startswith("联合国秘书长")
    text = "".join(dispatch.paragraphs)
    assert "古特雷斯4日对媒体就中东多国局势" in text
    assert "解决巴以冲突的立场从未改变。" in text
    assert text.endswith("这一立场从未改变。")


def test_issue22_a_headline_over_another_story_under_a_broken_dispatch_still_opens_it():
    # The text under the line repeats none of the dispatch's headline: the line is the next story's
    # headline, as before.
    page = LINE_SET_APART_PAGE.split("4日对媒体")[0] + (
        "春节假期全国道路交通平稳有序\n\n"
        "春节假期第一天，全国道路交通总体平稳有\n"
        "序，未发生一次死亡3人以上道路交通事故。\n"
    )
    meeting, dispatch, traffic = parse_page(page, year=2020)
    assert dispatch.title.startswith("联合国秘书长")
    assert traffic.title == "春节假期全国道路交通平稳有序"
    assert "".join(traffic.paragraphs).startswith("春节假期第一天")


# A headline set large in a narrow column, one of its characters read as strokes on lines of their own
# (``…局长任长`` / ``[二己|`` / ``起`` for 霞): six lines, more than any headline has, so the block had been
# read as the text of the story above, which then took the profile under it.
SPECKS_IN_A_HEADLINE_PAGE = (
    "人民日报\n\n"
    "2019年10月11日 星期五\n"
    "第6版\n\n"
    "一带一路框架下残疾\n"
    "人事务主题活动举行\n\n"
    "本报北京10月10日电 〈记者易\n"
    "舒冉) 2019年“一带一路”框架下\n"
    "残疾人事务主题活动10日在京举\n"
    "行，国务委员王勇出席开幕式并致\n"
    "辞。\n\n"
    "开幕式后，王勇参观了2019年\n"
    "中国国际福祉博览会。\n\n"
    "河南登封市公安局原\n"
    "党委书记、局长任长\n"
    "[二己|\n"
    "起\n"
    "百姓称赞的好警官 (最美奋\n"
    "斗者)\n\n"
    "公安英模任长霞，1964年2月8日\n"
    "出生在郑州一个工人家庭。从警之\n"
    "后，她刻苦钻研业务，从一个不起\n"
    "眼的“新兵丫头”，逐渐成长为“办\n"
    "案能手”。\n\n"
    "她是百姓交口称赞的“女神\n"
    "警”。任长霞在郑州市公安局中原\n"
    "分局预审科工作期间，共挖余罪、\n"
    "破积案1072起。\n"
)


def test_issue22_strokes_of_a_large_character_do_not_make_a_headline_text():
    event, profile = parse_page(SPECKS_IN_A_HEADLINE_PAGE, year=2019)
    assert event.title.startswith("一带一路框架下")
    assert "任长霞" not in "".join(event.paragraphs)
    assert profile.title.replace(" ", "").startswith("河南登封市公安局原党委书记、局长任长")
    assert "百姓称赞的好警官" in profile.title
    assert "".join(profile.paragraphs).startswith("公安英模任长霞")


def test_issue22_a_block_of_six_lines_of_text_still_opens_a_story():
    # Six lines that are all type, no specks among them and no column's label closing them, are more
    # than a headline has: text.
    page = SPECKS_IN_A_HEADLINE_PAGE.replace("[二己|\n起\n", "霞在登封\n工作三年\n").replace(
        "百姓称赞的好警官 (最美奋\n斗者)", "百姓称赞的好警官\n是最美奋斗者"
    )
    stories = parse_page(page, year=2019)
    assert all("百姓称赞的好警官" not in story.title for story in stories)


# A headline set in a narrow column over its profile, wrapped onto seven lines and closed by its column's
# label (``创新 (一线抗`` / ``疫群英谱)``): more lines than a headline has, so the block had been read as
# the profile's first paragraph and the story had no printed title.
NARROW_LABELLED_HEADLINE_PAGE = (
    "2020年2月19日 星期三\n\n"
    "人民日报\n\n"
    "武汉体育中心方舱\n"
    "医院专家组成员李\n"
    "勇\n"
    "一边治病救\n"
    "人，一边科研\n"
    "创新 (一线抗\n"
    "疫群英谱)\n\n"
    "“凌晨3点多睡\n"
    "的，7点不到就醒了，\n"
    "脑海里反复琢磨最近\n"
    "研究的模型。”赶往武\n"
    "汉体育中心方舱医院\n"
    "的路上，李勇告诉记\n"
    "者，他正带领团队探\n"
    "索一套病情预测模型。\n\n"
    "2月4日，国家\n"
    "(江苏) 紧急医学救\n"
    "援队派出的37人团队\n"
    "抵达武汉，李勇就是\n"
    "其中一员。\n"
)


def test_issue22_a_headline_wrapped_in_a_narrow_column_and_closed_by_its_label_is_a_headline():
    (profile,) = parse_page(NARROW_LABELLED_HEADLINE_PAGE, year=2020)
    assert profile.title_source == "printed"
    assert "一线抗疫群英谱" in profile.title.replace(" ", "")
    assert "".join(profile.paragraphs).startswith("“凌晨3点多睡的")


def test_issue22_a_long_block_closed_by_brackets_with_a_sentence_in_it_is_text():
    # A sentence mark inside: a paragraph ending on a note in brackets, never a headline.
    page = NARROW_LABELLED_HEADLINE_PAGE.replace("人，一边科研\n", "人。一边科研\n")
    (profile,) = parse_page(page, year=2020)
    assert "".join(profile.paragraphs).startswith("武汉体育中心方舱")
