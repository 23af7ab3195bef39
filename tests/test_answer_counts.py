"""How-many answers: 几十年来 asks for no unit, a year asked leaves out clauses of other years, and 第几 asks for
an ordinal (the fifth development set, issue 20)."""

from storage.search.answers import FAINT, LIKELY, PLAIN, best_sentence, kind_strength
from storage.text.normalize import normalize


def test_some_tens_of_years_names_no_unit():
    q = "杭州萧山几十年来一共围垦了多少土地"
    sentence = normalize("新中国成立初期，萧山人民围垦造地，此后数十年共围垦土地达53万亩。")
    terms = ("杭州", "萧山", "十年", "一共", "围垦", "土地")
    assert kind_strength(sentence, "howmany", q, terms) == LIKELY  # was FAINT: 几十 read as a unit 十
    assert kind_strength(sentence, "howmany", "萧山有几十家工厂", ("萧山", "工厂")) > FAINT


def test_a_number_of_another_year_than_the_one_asked_is_no_answer():
    q = "2019年第二批派到海南挂职的干部有多少人"
    terms = ("第二批", "海南", "挂职", "干部")
    other = normalize("这是继2018年选派44名挂职干部之后，第二批来琼挂职的干部。")
    assert kind_strength(other, "howmany", q, terms) < PLAIN
    assert kind_strength(other, "howmany", "2018年派了多少干部", terms) == PLAIN
    body = (
        "中央组织部今年优选的挂职干部，近日已有130人到海南任职。"
        "这是继2018年选派44名挂职干部之后，第二批来琼挂职的干部。\n"
        "事业因人才而兴，人才因事业而聚。"
    )
    answer = best_sentence(q, list(terms), [(1, "中组部优选一百三十名干部赴琼挂职", body)])
    assert answer is not None and "130人" in answer.sentence


def test_which_time_asks_for_an_ordinal():
    q = "中国队这是第几次拿农心杯冠军"
    terms = ("中国队", "农心杯", "冠军")
    count = normalize("回望20届农心杯，韩国队夺得12次冠军，中国队7次捧杯。")
    ordinal = normalize("党毅飞击败朴廷桓，中国队第七次捧起农心杯。")
    assert kind_strength(ordinal, "howmany", q, terms) == PLAIN
    assert kind_strength(count, "howmany", q, terms) == LIKELY
    assert kind_strength(count, "howmany", "中国队拿过几次冠军", ("中国队", "冠军")) == PLAIN


def test_the_day_a_question_names_picks_the_sentence_printing_it():
    body = (
        "口罩、防护服告急，消毒液需求猛增，上游原材料紧缺……连日来，面对疫情防控物资供应的严峻形势，各地有关企业"
        "第一时间复工、争分夺秒生产，全力确保物资供应，广大党员冲锋在前，让党旗在防控疫情斗争第一线高高飘扬。\n"
        "全力以赴，中央企业彰显责任担当\n"
        "1月29日18时，夜色漆黑，天津正达公司员工们马不停蹄地把几天来加班生产的30吨84消毒液装车送往湖北。"
        "中海油天津化工研究设计院党委书记兼院长于海斌说，从1月26日复工到1月30日，正达公司领导班子全员在岗，"
        "带领80多名员工生产出400多吨消毒液，全部无偿捐赠给有急需的医院和单位。"
    )
    q = "天津正达公司1月26日复工后到30号生产了多少消毒液"
    terms = ["天津", "正达", "公司", "复工", "30", "生产", "消毒液"]
    title = "高擎党旗，众志成城保供应 面对疫情，企业在加班加点（下）"
    answer = best_sentence(q, terms, [(1, title, body)])
    assert answer is not None and "400多吨" in answer.sentence
