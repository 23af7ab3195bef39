"""Issue 20, the answer line on the thirteenth set: a count of a class or a pointer at one is no name of the kind
asked (一张报纸, 其他医院, 这家医院), a temperature asked in 度 is printed with ℃, and a year or a month asked is
answered by a date of that grain; each on a small hand-written story."""

from __future__ import annotations

from storage.search.answers import LIKELY, NOTHING, PLAIN
from storage.search.answers.dates import DAY_ALONE_STRENGTH
from storage.search.answers.names import named_instances
from tests.answer_support import answer_line, fact_strength


def test_a_count_or_a_pointer_before_the_kind_is_no_name() -> None:
    known = "他被拉进了哪家医院的群"
    assert named_instances("他被拉进了市中心医院的群", "医院", known) == ["中心医院"]
    for phrase in ("一张报纸", "两家医院", "这家医院", "其他医院", "附近医院", "多所学校"):
        category = phrase[-2:]
        assert named_instances(f"他说{phrase}很重要。", category, known) == [], phrase
    # a name whose last characters are a numeral or a pointer and no measure word stays a name
    assert named_instances("他在十堰医院工作。", "医院", known) == ["十堰医院"]


def test_the_hospital_named_answers_over_other_hospitals() -> None:
    question = "小王第一次被拉进的是哪家医院的群"
    body = (
        "疫情暴发后，小王开车接送医护人员。\n"
        "很快，小王被拉进了江城市第一医院的一个微信群里。\n"
        "后来，其他医院的医护人员也开始找小王约车，小王一个人忙不过来。"
    )
    assert "江城市第一医院" in answer_line(question, "小王的顺风车", body)
    assert fact_strength("其他医院的医护人员也开始找小王约车。", "what", question) < LIKELY


def test_a_temperature_asked_in_du_is_printed_with_the_sign() -> None:
    question = "老人腋温多少度算发烧"
    assert fact_strength("通常来说，腋温≥37.3℃就算发热。", "howmany", question) == PLAIN
    assert fact_strength("当天气温38摄氏度。", "howmany", question) == PLAIN
    assert fact_strength("发烧的老人要多喝水。", "howmany", question) == NOTHING


def test_a_year_or_a_month_asked_is_answered_by_a_date_of_that_grain() -> None:
    month = "那个服务中心是2019年几月成立的"
    assert fact_strength("服务中心今年9月初成立。", "when", month) == DAY_ALONE_STRENGTH
    year = "老李是哪年出生的"
    assert fact_strength("老李，生于1934年，是村里的老党员。", "when", year) == DAY_ALONE_STRENGTH
    assert fact_strength("老李1934年3月5日生于村里。", "when", year) == PLAIN  # a full date stays plainer
    body = (
        "服务中心设在步行街广场。\n"
        "10月1日晚，广场上人流如织，服务中心的队员忙着维持秩序。\n"
        "为服务夜间消费，城区今年9月初成立服务中心，这是全省第一个此类机构。"
    )
    assert "9月初" in answer_line("城区的服务中心是2019年几月成立的", "夜经济服务中心", body)
