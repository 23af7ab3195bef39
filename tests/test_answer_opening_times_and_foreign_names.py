"""The answer line: a time opening a sentence dates that sentence only, and a foreign name printed with a
middle dot is a person's name, on small hand-written stories shaped as news states these facts."""

from __future__ import annotations

from storage.search.answers import PLAIN, SOME, kind_strength
from storage.text.normalize import normalize
from tests.answer_support import answer_line

_HERO = (
    "张立新，1954年出生，河南省某县人，1978年1月参加公安工作，历任某县公安局刑警大队副大队长，"
    "1997年9月23日在追捕犯罪嫌疑人时英勇献身。\n"
    "他为人正直，疾恶如仇，群众都叫他“拼命三郎”。\n"
    "凶手引爆了藏在身上的炸药，张立新头部受伤严重，当场壮烈牺牲。"
    "1995年春，某县公安局接到群众举报，称东王集乡有一个特大盗窃团伙，导致方圆几十公里人心惶惶。"
)


def test_a_time_opening_the_next_sentence_does_not_date_the_one_before() -> None:
    # the death told without its day, the next sentence opening with another time (1995年春，…), and the
    # day in the sketch of his life: the day of the sketch answers
    answer = answer_line("某县公安局那个张立新是哪天牺牲的", "张立新：疾恶如仇", _HERO)
    assert "1997年9月23日" in answer
    assert "1995年春" not in answer


def test_a_time_told_after_the_deed_still_dates_it() -> None:
    # the sentence after the deed dates it without opening with its time: the pair is read as before
    body = "我们村的新戏台建成了，村民们都很高兴。\n戏台是在去年10月2日落成的，全村老少都来看戏。"
    assert "10月2日" in answer_line("村里的新戏台是哪天落成的", "新戏台", body)


def test_a_foreign_name_with_a_middle_dot_is_a_person_the_question_lacks() -> None:
    sentence = normalize(
        "5月4日，科幻作家刘慈欣和巴西技术与社会研究所联合创始人罗纳尔多·莱莫斯进行了直播对话。"
    )
    assert (
        kind_strength(
            sentence, "who", normalize("跟刘慈欣直播对话的巴西人是谁"), ["刘慈欣", "直播", "对话", "巴西人"]
        )
        == PLAIN
    )
    # the dotted name the question itself writes (达·芬奇) is no answer
    statue = normalize("意大利芬奇市的达·芬奇博物馆举行了庆祝仪式。")
    terms = ["意大利", "芬奇", "永久", "展示", "青铜像"]
    assert (
        kind_strength(statue, "who", normalize("意大利芬奇市永久展示的达·芬奇青铜像是谁做的"), terms) < SOME
    )


def test_the_foreign_name_answers_who_over_a_sentence_without_one() -> None:
    body = (
        "对话人：刘慈欣（科幻作家）。\n"
        "5月4日，一场发生在中国科幻作家刘慈欣和巴西技术与社会研究所联合创始人罗纳尔多·莱莫斯之间的直播对话，"
        "拉开了活动的序幕。"
    )
    assert "罗纳尔多·莱莫斯" in answer_line("跟刘慈欣直播对话的巴西人是谁", "巴西文创行业加快线上转型", body)
