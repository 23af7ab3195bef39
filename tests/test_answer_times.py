"""哪几天 asks for days, and a question about now reads the clause news opens with 现在 / 目前 (the fifth
development set, issue 20)."""

from storage.search.answers import best_sentence, question_kind


def test_which_days_asks_when():
    assert question_kind("那个论坛开了哪几天") == "when"
    assert question_kind("会议部署了哪几项工作") == "which"


def test_a_question_about_now_reads_the_sentence_saying_now():
    body = (
        "善洲林场又叫大亮山林场，位于云南省保山市施甸县城东南44公里处。"
        "过去由于毁林开荒，这里水土流失问题严重，林场森林覆盖率最初不足17%。"
        "1988年，原保山地委书记杨善洲退休后，一头扎进大亮山，带领当地群众植树造林。"
        "现在，这里的森林覆盖率已达97%，5.6万亩的国家级生态公益林枝繁叶茂，为大亮山重新披上了绿装。"
    )
    q = "杨善洲种树的大亮山现在森林覆盖率有多少"
    answer = best_sentence(q, ["杨善洲", "种树", "大亮", "森林", "覆盖率"], [(1, "荒山林海 树木树人", body)])
    assert answer is not None and "97%" in answer.sentence
    before = best_sentence(
        "杨善洲种树的大亮山最初森林覆盖率有多少",
        ["杨善洲", "种树", "大亮", "森林", "覆盖率"],
        [(1, "荒山林海", body)],
    )
    assert before is not None and "17%" in before.sentence


def test_a_birth_asked_with_chusheng_reads_the_sentence_printing_shengyu():
    body = (
        "新华社电  （记者鲍晓菁）在安徽芜湖市风景优美的赭山上，安葬着中国远征军名将戴安澜将军的遗骨。"
        "每年清明前来祭扫的人们都会献上鲜花，表达对英雄烈士的敬仰和追思。\n"
        "戴安澜，字衍功，自号海鸥，1904年11月25日生于芜湖市所辖无为县练溪乡风和戴村（今无为县昆山乡练溪社区）。"
        "1924年投奔国民革命军。黄埔第3期毕业。1926年参加北伐。在1938年的鲁南会战中，曾率部在中艾山与日军激战"
        "4昼夜，因战功卓著，升任89师副师长。1939年升任国民党第5军200师师长，12月参加桂南会战。在昆仑关大战中，"
        "戴安澜指挥有方，重伤不下火线，击毙日军旅团长中村正雄少将，取得重大胜利。\n"
        "1942年3月，戴安澜率部赴缅甸参加远征军抗战。同古保卫战打响以后，200师全体官兵坚守阵地，勇猛还击。"
        "虽是孤军作战，后援困难，但师长戴安澜决心誓死抵御到底。"
    )
    q = "远征军名将戴安澜将军是哪年出生的"
    terms = ["远征军", "名将", "戴安澜", "将军", "出生"]
    answer = best_sentence(q, terms, [(1, "戴安澜：孤军奋斗 坚守到底（为了民族复兴·英雄烈士谱）", body)])
    assert answer is not None and "1904年11月25日" in answer.sentence
