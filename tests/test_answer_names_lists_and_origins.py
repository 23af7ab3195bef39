"""Issue 20, the answer line on forms news writes and readers ask: a name in Latin letters, a score with half
points, a kind the question qualifies (哪个国家级自然保护区), a list leading into the group the question names,
where someone comes from in a life story, a year before a word opening with 日, and a title quoted inside the
question's own title."""

from __future__ import annotations

from storage.search.answers import HOLDS_KIND, PLAIN
from storage.search.answers.questions import question_dates
from storage.text.normalize import normalize
from tests.answer_support import answer_line, fact_strength


def test_a_name_in_latin_letters_is_a_name() -> None:
    question = "2016年精工机械收购的那家德国百年企业叫啥"
    # a name, though not one written before the kind asked (企业): enough to answer
    assert fact_strength("2016年精工机械收购德国百年老厂KMB。", "name", question) >= HOLDS_KIND
    assert fact_strength("2016年精工机械收购了一家德国百年老厂。", "name", question) < HOLDS_KIND


def test_a_name_asked_in_english_is_a_word_in_latin_letters() -> None:
    question = "光镊技术的英文叫什么"
    assert fact_strength("多个团队使用“光镊”技术OT开展细胞实验。", "name", question) == PLAIN
    # a sentence naming the technique without a word in Latin letters only hints
    assert fact_strength("今年，“光镊”技术入选《自然》杂志十大进展。", "name", question) < PLAIN


def test_a_chess_score_with_half_points() -> None:
    question = "战罢6盘王芳总比分多少"
    assert fact_strength("目前，王芳以总比分3.5∶2.5领先。", "howmany", question) == PLAIN
    assert fact_strength("王芳以总比分3∶2领先。", "howmany", question) == PLAIN


def test_where_asked_by_a_qualified_kind_is_answered_by_a_name_of_it() -> None:
    question = "辽宁在推动哪个国家级自然保护区退耕还林"
    sentence = "辽宁将积极推动白石砬子国家级自然保护区退耕还林和湿地生态综合治理。"
    assert fact_strength(sentence, "where", question) == PLAIN
    # a kind of one character may not be qualified: 哪座山突围时 asks no institution
    assert fact_strength("他们在一家旅店住下。", "where", "哪座山突围时牺牲的") < PLAIN


def test_a_list_leading_into_the_group_named_lists_its_members() -> None:
    question = "所谓的北欧三国都是哪几个"
    sentence = "由瑞典、挪威和丹麦组成的“北欧三国”在会上提出了共同立场。"
    assert fact_strength(sentence, "which", question) == PLAIN


def test_where_someone_comes_from_in_a_clause_of_its_own() -> None:
    question = "王建新是哪里人"
    assert fact_strength("王建新，1962年出生，山东省莒县人，汉族。", "where", question) == PLAIN
    assert fact_strength("他是个八〇后，湖南岳阳人，大学毕业后留在武汉工作。", "where", question) == PLAIN
    # a place a person went to is still a hint only
    assert fact_strength("王建新随后赶到山东省莒县。", "where", question) < PLAIN


def test_a_home_place_named_after_its_word() -> None:
    question = "李大爷老家在哪"
    assert fact_strength("李大爷和儿子从郑州回老家南阳过年。", "where", question) == PLAIN


def test_a_year_before_a_word_opening_with_ri_is_a_date_of_the_question() -> None:
    assert question_dates(normalize("2018年日本有多少老人交还了驾照")) == [("2018年",)]
    # a day stays a day, read without its year
    assert question_dates(normalize("2018年3月5日发生了什么")) == [("3月5日", "3月5号")]
    assert question_dates(normalize("2019年10月的展会")) == [("2019年10月",)]


def test_a_title_quoted_inside_the_question_s_title_is_another_name() -> None:
    body = (
        "纪录片《守望家园》第三季日前播出。\n"
        "《家园》就是这样，这是纪录片《守望家园》的片头曲，这首歌在海外也有人传唱。"
    )
    line = answer_line("纪录片《守望家园》的片头曲叫什么", "守望家园", body)
    assert line.startswith("《家园》")
