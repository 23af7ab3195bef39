"""A question about how a thing stands now (…现在怎么样了, the written form of 那事怎么样了 / 进展如何) is
answered by what the first result says happened: its lead when the story is the news of the topic, else the
last sentence about the topic's most particular word that is no one's statement."""

from storage.search.answers.questions import asks_how_it_stands
from storage.search.answers.sentences import best_sentence

NEWS = (
    1,
    "东湖大桥维修工程完工 今起恢复通行",
    "本报讯 5月8日，历时半年的东湖大桥维修工程完工，大桥今起恢复双向通行。"
    "据介绍，工程共更换桥面伸缩缝12处。市交通局有关负责人表示，将加强日常养护。",
)
ROUNDUP = (
    2,
    "法律服务助企业渡难关",
    "多地律师团队为企业提供法律服务。今年初，处于破产边缘的鸿远公司向律师求助。"
    "律师团队帮助鸿远公司清点库存，争取法院支持。“破产不是终点。”律师说，鸿远公司仍有生产线。"
    "在律师帮助下，鸿远公司恢复了生产。另一家公司则通过热线咨询了租金问题。",
)


def test_a_status_question_is_one_asked_at_the_end_about_now():
    assert asks_how_it_stands("东湖大桥维修现在怎么样了")
    assert asks_how_it_stands("东湖大桥维修目前如何？")
    assert not asks_how_it_stands("东湖大桥维修现在有多少处伸缩缝")  # a how-many question
    assert not asks_how_it_stands("东湖大桥怎么样才能修好")  # not about now, not at the end


def test_the_story_that_is_the_news_of_the_topic_answers_with_its_lead():
    answer = best_sentence("东湖大桥维修现在怎么样了", ["东湖", "大桥", "维修"], [NEWS])
    assert answer is not None
    assert answer.sentence.startswith("5月8日，历时半年的东湖大桥维修工程完工")


def test_a_roundup_answers_with_the_last_sentence_on_the_topic_that_is_no_statement():
    answer = best_sentence("鸿远公司破产现在怎么样了", ["鸿远", "公司", "破产"], [ROUNDUP])
    assert answer is not None
    assert answer.sentence == "在律师帮助下，鸿远公司恢复了生产。"


def test_a_how_many_question_about_now_still_wants_its_number():
    answer = best_sentence("东湖大桥维修现在更换了多少处伸缩缝", ["东湖", "大桥", "伸缩缝"], [NEWS])
    assert answer is not None and "12处" in answer.sentence
