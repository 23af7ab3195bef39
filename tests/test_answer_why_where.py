"""Why and where answers read as news writes them (issue 20, item 2): a question the text asks itself holds
no cause and the sentence after it gives one; the sentence before what was done in consequence (于是…,
…决定…) gives the cause; a purpose written after the doer (邓瑞甫为保护…献出了宝贵生命); and where someone
lives or comes from, or where something settled (家住…村, 落户…开发区)."""

from storage.search.answers import LIKELY, NOTHING, PLAIN, best_sentence, kind_strength, question_kind
from storage.text.normalize import normalize


def test_a_question_the_text_asks_is_no_cause_and_the_next_sentence_gives_one():
    q = "为什么总统亲自出席封矿仪式"
    terms = ["总统", "亲自", "出席", "封矿", "仪式"]
    body = (
        "封矿仪式规格颇高：德国总统和欧盟委员会主席亲自出席。\n"
        "是什么原因，让德国总统亲自出席封矿仪式呢？\n"
        "答案与矿工之间的信任有关，封矿仪式纪念的是矿工兄弟的情谊。\n"
        "这座煤矿已有上百年历史。"
    )
    answer = best_sentence(q, terms, [(1, "封矿仪式的多重意蕴", body)])
    assert answer is not None
    assert "矿工兄弟" in answer.sentence
    assert not answer.sentence.endswith("呢？")  # the question may lead in, its answer follows
    # alone the question reads as a cause (原因); only read with its neighbours does it pose one
    assert kind_strength(normalize("是什么原因，让德国总统亲自出席呢？"), "why", q, terms) == PLAIN


def test_the_sentence_before_a_decision_gives_its_cause():
    q = "为什么修建索道"
    terms = ["修建", "索道"]
    body = (
        "阿布洛哈村三面环山，几乎全是悬崖绝壁。\n"
        "施工队伍发现悬崖两侧多为碎屑岩，原本规划修建的隧道很难推进。专家决定修建索道，确保村民出行。\n"
        "索道全长1.2公里，修建索道耗时两个月。"
    )
    answer = best_sentence(q, terms, [(1, "高空建索道", body)])
    assert answer is not None and "碎屑岩" in answer.sentence
    # the previous sentence must be in the same paragraph: a new paragraph's decision says nothing of it,
    # and with no sentence giving a cause there is no answer line
    apart = "村里有座小学。\n专家决定修建索道。"
    assert best_sentence(q, terms, [(1, "高空建索道", apart)]) is None


def test_a_purpose_written_after_the_doer_is_a_cause():
    q = "邓瑞甫是因为什么牺牲的"
    terms = ["邓瑞甫", "牺牲"]
    purpose = normalize("在抗击特大洪水的斗争中，邓瑞甫为保护人民生命财产安全献出了宝贵生命。")
    assert kind_strength(purpose, "why", q, terms) == LIKELY
    # the 为 of 成为 / 作为 / 列为 is no purpose
    assert kind_strength(normalize("这里被列为保护区，成为推动旅游的名片。"), "why", q, terms) == NOTHING
    body = (
        "邓瑞甫1934年出生，历任派出所民警、指导员。\n"
        "在抗击特大洪水的斗争中，邓瑞甫为保护人民生命财产安全献出了宝贵生命。"
    )
    answer = best_sentence(q, terms, [(1, "邓瑞甫：抢险救灾 奋勇前行", body)])
    assert answer is not None and "特大洪水" in answer.sentence


def test_where_someone_lives_or_where_something_settled_names_the_place():
    q = "老羊倌刘入源家在哪"
    terms = ("老羊倌", "刘入源")
    assert kind_strength(normalize("刘入源家住甘肃省肃南县康乐镇赛鼎村。"), "where", q, terms) == PLAIN
    assert (
        kind_strength(normalize("这个项目落户常州经济开发区。"), "where", "项目落户在哪", ("项目",)) == PLAIN
    )
    # 来自 with no place after it, or a place word without a name before it, names no place
    assert kind_strength(normalize("来自社区的志愿者送来了蔬菜。"), "where", q, terms) < PLAIN
    body = "刘入源是远近闻名的老羊倌。\n刘入源家住甘肃省肃南县康乐镇赛鼎村，养羊三十年。"
    answer = best_sentence(q, list(terms), [(1, "老羊倌当代表", body)])
    assert answer is not None and "赛鼎村" in answer.sentence


def test_colloquial_why_and_the_causes_news_credits():
    for q in ("村里改修索道原因是啥", "他辞职回乡图啥", "老晏怎么想到要养蜂的", "拆房子为了啥"):
        assert question_kind(q) == "why", q
    q, terms = "合作社的蜂蜜为什么卖得好", ("合作社", "蜂蜜", "卖")
    for text in (
        "蜂蜜卖得好，得归功于合作社统一的品牌。",
        "合作社的成绩离不开技术员的指导。",
        "老晏说，秘诀在于坚持不喂糖水。",
        "他办合作社的初衷是带着乡亲们增收。",
    ):
        assert kind_strength(normalize(text), "why", q, terms) == PLAIN, text
    assert kind_strength(normalize("合作社今年卖出蜂蜜3000斤。"), "why", q, terms) == NOTHING


def test_something_done_at_a_named_place_names_where():
    q, terms = "上山文化遗址在哪", ("上山", "文化", "遗址")
    assert kind_strength(normalize("考古人员在义乌市桥头村发现了上山文化遗址。"), "where", q, terms) == PLAIN
    assert kind_strength(normalize("他在广州市打工十年。"), "where", "他在哪打工", ("打工",)) == PLAIN
    # 在全市, 在各区: no place named
    assert kind_strength(normalize("在全市范围内建设了120个村。"), "where", q, terms) < PLAIN


def test_a_circumstance_written_as_its_background_is_a_cause():
    q, terms = "夜市为什么要延长营业时间", ("夜市", "延长", "营业", "时间")
    text = "在疫情防控常态化的背景下，夜市延长营业时间到凌晨两点。"
    assert kind_strength(normalize(text), "why", q, terms) == PLAIN


def test_a_founding_or_a_building_at_a_place_names_where():
    q, terms = "研究院在哪揭牌", ("研究院", "揭牌")
    assert kind_strength(normalize("研究院在嘉兴南湖区揭牌。"), "where", q, terms) == PLAIN
    assert kind_strength(normalize("该大桥昨日在赣州通车。"), "where", "大桥在哪通车", ("大桥",)) == PLAIN


def test_a_place_of_the_level_asked_and_where_someone_works():
    assert question_kind("为群社区在哪个街道") == "where"
    q, terms = "为群社区在哪个街道", ("为群", "社区")
    assert kind_strength(normalize("为群社区隶属于柳园街道。"), "where", q, terms) == PLAIN
    # 哪个乡镇: a town or a township answers
    q, terms = "老羊倌住在哪个乡镇", ("老羊倌",)
    assert kind_strength(normalize("老羊倌住在康乐镇的草原上。"), "where", q, terms) == PLAIN
    q, terms = "他女儿在哪工作", ("女儿", "工作")
    assert kind_strength(normalize("他的女儿在武汉协和医院工作。"), "where", q, terms) == PLAIN
    assert kind_strength(normalize("他的女儿在医院工作。"), "where", q, terms) < PLAIN  # no name of it
