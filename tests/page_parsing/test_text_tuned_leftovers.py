"""Text pages: the causes that recur across the tuned families' leftovers, taken together.

Each case is a small made-up page in the shape of a failure measured on several tuned families'
pages (People's Daily articles in other papers' layouts).
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page


def test_issue22_a_subheading_nearly_as_wide_as_the_column_over_a_first_line_is_a_paragraph():
    # The column holds 18 cells. ``全面排查，实现“两不愁三保障”`` ends no sentence, wider than a
    # sub-heading is mostly set but short of a first line's 16 cells once its hung quote is left out;
    # a column ends under it, and the next column opens with a paragraph's first line (two cells short
    # over a full line): the sub-heading is a paragraph of its own.
    page = (
        "脱贫攻坚不打折扣\n\n"
        "本报记者  王某\n"
        "中央一号文件把深度贫困地区作为重\n"
        "点任务，脱贫攻坚资金投入、重大工程项\n"
        "目向深度贫困地区倾斜。\n"
        "全面排查，实现“两不愁三保障”\n\n"
        "“住院手术要花15万元多！最初我真\n"
        "的不想治了。”拿出厚厚的单据，云南省\n"
        "镇雄县贫困户权朝燕眼里闪着泪花。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert article.paragraphs == (
        "中央一号文件把深度贫困地区作为重点任务，脱贫攻坚资金投入、重大工程项目向深度贫困地区倾斜。",
        "全面排查，实现“两不愁三保障”",
        "“住院手术要花15万元多！最初我真的不想治了。”拿出厚厚的单据，云南省镇雄县贫困户权朝燕眼里闪着泪花。",
    )


def test_issue22_a_line_short_only_because_a_book_title_did_not_fit_runs_on():
    # The column holds 21 cells. ``共有《小马过河》《三只小猪》《海底奇遇》`` is two cells short, and
    # the line under it is set like a first line over a full one, but ``《雪孩子》`` would not have fit
    # after it: the line is full, and the list goes on.
    page = (
        "新春儿童戏剧嘉年华开幕\n\n"
        "本报记者  王某\n"
        "新年伊始，舞台市场精彩纷呈，汇聚了多种门\n"
        "类的演出，给观众提供多样化的作品，让观众\n"
        "享受艺术之美。\n"
        "针对孩子们，中国儿艺新春儿童戏剧嘉年华\n"
        "共有《小马过河》《三只小猪》《海底奇遇》\n"
        "《雪孩子》《小吉普·变变变》《丑小鸭》\n"
        "《青蛙王子》《西游记》《鹬·蚌·鱼》等15部\n"
        "儿童剧，在北京、天津、海南、吉林等地演出62\n"
        "场，陪伴小朋友共度佳节。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert len(article.paragraphs) == 2


def test_issue22_bulleted_items_ending_without_a_full_stop_are_paragraphs():
    # The column holds 19 cells. Each item opens with ``●`` and ends without a full stop; the text
    # under the list opens with a first line (two cells short over a full line).
    page = (
        "如何使用酒精居家消毒\n\n"
        "本报记者  王某\n"
        "●避开点火源，不在厨房等有明火、\n"
        "高温设备的地方使用，喷酒精时不抽烟\n"
        "●避免在相对密闭的较小空间内大量\n"
        "使用，防止形成高浓度的酒精蒸汽\n"
        "疫情防控期间，不少家庭使用酒精进\n"
        "行居家消毒。日前，网传武汉某小区使用\n"
        "高浓度酒精室内消毒引发火灾，事后被辟\n"
        "谣。使用医用酒精消毒究竟会不会引起火\n"
        "灾，应该如何正确使用？\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.paragraphs == (
        "●避开点火源，不在厨房等有明火、高温设备的地方使用，喷酒精时不抽烟",
        "●避免在相对密闭的较小空间内大量使用，防止形成高浓度的酒精蒸汽",
        "疫情防控期间，不少家庭使用酒精进行居家消毒。日前，网传武汉某小区使用高浓度酒精室内消毒引发火灾，"
        "事后被辟谣。使用医用酒精消毒究竟会不会引起火灾，应该如何正确使用？",
    )


def test_issue22_a_label_in_brackets_over_an_exclaiming_head_of_two_lines_leaves_it_a_headline():
    # ``【追踪】`` over two lines that exclaim at their end, under a story its jump line closed: the
    # label is a kicker, so the head still has two lines, and the story under it is no inferred title.
    page = (
        "为中印关系发展贡献力量\n\n"
        "本报记者  王某\n"
        "两国学者表示，愿继续增进相互了解，为中\n"
        "印关系发展贡献更多智慧。（下转A09版）\n\n"
        "【追踪】\n"
        "辅警深夜救火\n"
        "开“火”车的你，真棒！\n\n"
        "货车已燃起熊熊大火，一名男子正驾\n"
        "驶着车子拼命往前开，这是1月8日发生在\n"
        "浙江桐乡一处居民楼的真实场景。\n"
    )
    articles = parse_page(page, year=2020)
    assert [article.title for article in articles] == [
        "为中印关系发展贡献力量",
        "【追踪】 辅警深夜救火 开“火”车的你，真棒！",
    ]
    assert articles[1].paragraphs == (
        "货车已燃起熊熊大火，一名男子正驾驶着车子拼命往前开，这是1月8日发生在浙江桐乡一处居民楼的真实场景。",
    )


def test_issue22_an_ornamented_commentary_column_name_right_over_a_headline_is_its_kicker():
    # ``◆时评`` right over the piece's headline, no blank line between: the column's name goes into
    # the title as a kicker, and the headline is no text of the piece.
    page = (
        "评论  11  2019年2月27日\n\n"
        "◆时评\n"
        "让课外实践发挥实效\n\n"
        "◎王某\n"
        "新学期开学之际，多地博物馆遭遇了突\n"
        "如其来的参观潮，参观者多是来完成寒假社\n"
        "会实践任务的小学生及陪同家长。\n"
    )
    (article,) = parse_page(page, year=2019)
    assert article.title == "◆时评 让课外实践发挥实效"
    assert article.paragraphs == (
        "新学期开学之际，多地博物馆遭遇了突如其来的参观潮，参观者多是来完成寒假社会实践任务的小学生及陪同家长。",
    )


def test_issue22_a_standfirst_said_again_in_the_text_ends_at_its_last_word():
    # The standfirst over the text ends at the column's edge without a full stop; the text says it
    # again as a whole sentence: it is a paragraph of its own, though no width shows where it ends.
    page = (
        "用心审视舌尖上的需求\n\n"
        "本报记者  王某\n"
        "买卖珍稀野生动物，很多源于尝\n"
        "鲜、猎奇，甚至无来由的民间传说\n"
        "您知道长江刀鱼吗？这种平时生\n"
        "活在海里的鱼，每年春天溯江而上\n"
        "开始繁殖，被称为长江四鲜之一。\n"
        "没有买卖，就没有伤害。买卖珍\n"
        "稀野生动物，很多源于尝鲜、猎奇，\n"
        "甚至无来由的民间传说。比如穿山甲，\n"
        "有人说可以通乳，有人说可以抗癌。\n"
    )
    (article,) = parse_page(page, year=2020)
    assert article.paragraphs[0] == "买卖珍稀野生动物，很多源于尝鲜、猎奇，甚至无来由的民间传说"
    assert article.paragraphs[1].startswith("您知道长江刀鱼吗？")
