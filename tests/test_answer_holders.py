"""Answers naming the person asked for: the clause holding a name beside the post or verb asked about, and
a person named by 他叫 / 名叫, a first name after 初名 (the fifth development set, issue 20)."""

from storage.search.answers import FAINT, PLAIN, best_sentence, kind_strength, question_kind, read_question
from storage.text.normalize import normalize


def test_the_clause_naming_the_holder_of_the_post_asked_wins_over_a_sentence_of_more_words():
    body = (
        "日前，中韩旅游图片展开幕式在韩国首尔中国文化中心举行。汉江夜空绽放的璀璨烟花、内蒙古雪原上奔驰的骏马、"
        "秋日首尔的层林尽染、山水桂林的旖旎风光……在分别象征中韩两国的红色和蓝色背景板上，"
        "一幅幅精美的摄影作品让观众赞叹不已。\n"
        "此次展览共挑选了中韩民间摄影家精心拍摄的60幅优秀获奖作品。\n"
        "“展览从不同视角展示了中韩两国的景色、文化和风土人情。”中国驻韩国大使馆公使衔参赞金燕光说，"
        "中韩两国一衣带水、比邻而居。\n"
        "首尔市副市长尹准炳说：“步入展厅，韩中两国的壮美风景尽收眼底，就好像开始了一场别开生面的跨国旅行。"
        "素未谋面的两国民众通过一幅幅摄影图片也能彼此交心、互换真情。”尹准炳表示，希望本次展览能进一步拉近"
        "两国民众的距离。\n"
        "此次图片展为期一个月，由中国驻韩国大使馆和首尔市政府共同主办。"
    )
    answer = best_sentence(
        "在首尔办的中韩旅游图片展上讲话的首尔副市长叫什么",
        ["中韩旅游", "图片展", "讲话", "副市长"],
        [(1, "有机会一定要去中国看一看", body)],
    )
    assert answer is not None and "尹准炳" in answer.sentence


def test_a_person_named_by_ta_jiao_answers_who():
    q = "秭归县茅坪镇那位95岁的抗战老兵叫什么"
    assert question_kind(q) == "who"  # 老兵叫什么 asks for a person, not a name of a thing
    sentence = normalize("在茅坪镇陈家冲村一组，住着一位95岁的抗战老兵，他叫韩启开。")
    assert kind_strength(sentence, "who", q, ("秭归县", "茅坪", "95岁", "抗战", "老兵")) == PLAIN


def test_a_farmer_asked_for_is_a_person():
    assert question_kind("陈阳川村那个改种西芹的农户叫啥") == "who"
    assert question_kind("那个小区叫什么") == "name"


def test_the_first_name_asked_is_the_one_after_chu_ming():
    q = "镇江鹤林寺最早叫什么名字"
    terms = ("镇江", "鹤林寺")
    first = normalize("鹤林寺，初名竹林寺，始建于东晋大兴四年，以佛教律院享誉古今。")
    other = normalize("这就是位于今天江苏镇江南山风景区的鹤林寺，是南山景区最古老、最著名的寺院。")
    assert kind_strength(first, "name", q, terms) == PLAIN
    assert kind_strength(other, "name", q, terms) <= FAINT


def test_a_villager_named_right_before_what_he_said_answers_who():
    q = "萧山河上镇那个说老街变美了的村民叫啥"
    terms = ("山河", "上镇", "老街", "变美", "村民")
    said = normalize("”河上镇村民王强强述说着农村的巨变。")
    assert kind_strength(said, "who", q, terms) == PLAIN
    crowd = normalize("村民们纷纷表示，老街变美了。")
    assert kind_strength(crowd, "who", q, terms) < PLAIN


def test_the_holder_of_a_post_asked_with_de_shi_shui_is_a_name():
    body = (
        "善洲林场又叫大亮山林场，位于云南省保山市施甸县城东南44公里处。过去由于毁林开荒，这里水土流失问题严重，"
        "林场森林覆盖率最初不足17%。1988年，原保山地委书记杨善洲退休后，一头扎进大亮山，带领当地群众植树造林，"
        "一直坚持到2010年因病去世。现在，这里的森林覆盖率已达97%，为大亮山重新披上了绿装。\n"
        "用22年把荒山变成林海，其中的艰难困苦，跟随杨善洲20年，现任杨善洲精神教育基地管委会副主任的周波"
        "心里最清楚。1990年，施甸县林业局招工，18岁的周波被分配到大亮山林场。"
    )
    q = "跟着杨善洲在大亮山种了20年树、现在是教育基地管委会副主任的是谁"
    terms = ["跟着", "杨善洲", "大亮", "山种", "20年", "教育", "基地", "管委会", "副主任"]
    reading = read_question(q, terms, [(1, "荒山林海 树木树人", body)])
    assert reading is not None and reading.kind == "who"  # 副主任的是谁: the holder, not who 杨善洲 is
    answer = best_sentence(q, terms, [(1, "荒山林海 树木树人", body)])
    assert answer is not None and "周波" in answer.sentence
