"""Several questions pasted in one message (issue 34, QA pass 43): `保交楼进展如何？谁主持了统战工作会议？` was
searched as one query, answered the second question, and said 保交楼 and 进展 were left out. The chat answers
the first question, and says in one line that it did and how to ask the next, on every front: the terminal,
the web page's JSON API and WeChat (a real local HTTP server over a real SQLite database); Telegram's is in
tests/test_bot_telegram.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from defusedxml.ElementTree import fromstring

from bot.chat.exchange import Who
from bot.chat.questions import MAX_QUESTIONS_READ, QuestionsAsked, questions_asked
from bot.chat.replies import PLAIN, Channel
from bot.console import CONSOLE_CHAT_ID, ConsoleChat
from bot.services import open_services
from bot.settings import Settings
from tests.bot_support import SEEDS, copy_database, make_database
from tests.web_support import WebRun, web_server, wechat_query, wechat_text

TWO = "保交楼进展如何？谁主持了统战工作会议？"
SAID = "你一次问了 2 个问题，这里只回答第一个。想问下一个，请单独发送：谁主持了统战工作会议？"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (TWO, QuestionsAsked("保交楼进展如何？", ("谁主持了统战工作会议？",))),
        (
            "谁主持了统战工作会议?保交楼进展如何?",
            QuestionsAsked("谁主持了统战工作会议?", ("保交楼进展如何?",)),
        ),
        (
            "保交楼进展如何？ 谁主持了统战工作会议？ 二七区复工复产情况怎样？",
            QuestionsAsked("保交楼进展如何？", ("谁主持了统战工作会议？", "二七区复工复产情况怎样？")),
        ),
        # a small-talk opener is no question: what follows it is the first
        (
            "你好？保交楼进展如何？谁主持了统战工作会议？",
            QuestionsAsked("你好？保交楼进展如何？", ("谁主持了统战工作会议？",)),
        ),
        # one question: a follow-up of it, stop words alone, a repeat, words after the last mark, a doubled mark
        ("保交楼进展如何？为什么？", QuestionsAsked("保交楼进展如何？为什么？")),
        ("保交楼进展如何？进展如何？进展如何？", QuestionsAsked("保交楼进展如何？进展如何？进展如何？")),
        ("谁主持了统战工作会议？在哪里开的？", QuestionsAsked("谁主持了统战工作会议？在哪里开的？")),
        ("保交楼进展如何？保交楼进展如何？", QuestionsAsked("保交楼进展如何？保交楼进展如何？")),
        ("谁主持了统战工作会议？二七区", QuestionsAsked("谁主持了统战工作会议？二七区")),
        ("谁主持了统战工作会议？？", QuestionsAsked("谁主持了统战工作会议？？")),
        ("保交楼", QuestionsAsked("保交楼")),
        ("", QuestionsAsked("")),
    ],
)
def test_the_questions_a_message_asks(message: str, expected: QuestionsAsked) -> None:
    assert questions_asked(message) == expected


# Different questions, each naming a topic of its own (a district and what was asked of it).
_PLACES = ["二七区", "金水区", "中原区", "管城区", "惠济区", "上街区", "新郑市", "登封市", "巩义市", "荥阳市"]
_TOPICS = ["保交楼进展如何？", "复工复产情况怎样？", "学校开学了吗？"]
MANY = [f"{place}{topic}" for topic in _TOPICS for place in _PLACES]  # 30 questions


def test_a_message_of_more_questions_than_are_read_says_so() -> None:
    """QA pass 48: a message of more than `MAX_QUESTIONS_READ` questions was said to ask exactly that many
    (`你一次问了 20 个问题`): the questions after the 20th are not read, so the count is a floor."""
    asked = questions_asked("".join(MANY))
    assert asked.first == MANY[0]
    assert asked.others == tuple(MANY[1:MAX_QUESTIONS_READ])
    assert asked.unread
    exactly = questions_asked("".join(MANY[:MAX_QUESTIONS_READ]))
    assert len(exactly.others) + 1 == MAX_QUESTIONS_READ and not exactly.unread
    # a repeat is one question: twenty different ones asked twice each leave nothing unread
    assert not questions_asked("".join(MANY[:MAX_QUESTIONS_READ] * 2)).unread


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("several-questions")
    return make_database(work / "template.db", work / "files")


@pytest.fixture
def web(template: Path, tmp_path: Path) -> Iterator[WebRun]:
    with web_server(copy_database(template, tmp_path / "newsbot.db")) as run:
        yield run


def test_the_terminal_answers_the_first_question_and_says_how_to_ask_the_next(
    template: Path, tmp_path: Path
) -> None:
    db = copy_database(template, tmp_path / "console.db")
    settings = Settings(_env_file=None, db=db, seeds=SEEDS)  # type: ignore[call-arg]
    services = open_services(settings, markup=PLAIN, pushes=False, channel=Channel.CONSOLE)
    try:
        console = ConsoleChat(
            services.conversation, Who(user_id=0, lang="zh", is_admin=True, chat_id=CONSOLE_CHAT_ID)
        )
        lines = console.handle(TWO).splitlines()
        assert lines[0].startswith("🔎 「保交楼进展如何？」共 "), lines[:3]
        assert lines[1] == SAID, lines[:3]
        assert not [line for line in lines if line.startswith("没有文章包含全部词语")], lines
        answer = next(line for line in lines if line.startswith("💡"))
        assert "【保交楼】" in answer, lines
        second = console.handle("谁主持了统战工作会议？")
        assert "虎荣鑫【主持】" in second and "你一次问了" not in second
        three = console.handle("谁主持了统战工作会议？保交楼进展如何？二七区复工复产情况怎样？")
        assert three.splitlines()[1] == (
            "你一次问了 3 个问题，这里只回答第一个。想问下一个，请单独发送：保交楼进展如何？"
        )
        many = console.handle("".join(MANY))
        assert many.splitlines()[1] == (
            f"你一次问了至少 {MAX_QUESTIONS_READ} 个问题，这里只回答第一个。想问下一个，请单独发送：{MANY[1]}"
        ), many.splitlines()[:3]
    finally:
        services.close()


def test_the_web_page_and_wechat_answer_the_first_question_and_say_how_to_ask_the_next(web: WebRun) -> None:
    with httpx.Client(base_url=web.base_url, timeout=30) as c:
        response = c.post("/api/message", json={"text": TWO})
        assert response.status_code == 200, response.text
        (reply,) = response.json()["replies"]
        lines = reply["text"].splitlines()
        assert lines[0].startswith("🔎 「保交楼进展如何？」共 ") and lines[1] == SAID, lines[:3]
    with httpx.Client(base_url=web.base_url, timeout=30) as c:  # a reader who chose English
        assert c.post("/api/message", json={"text": "/lang en"}).status_code == 200
        english = c.post("/api/message", json={"text": TWO}).json()
        assert (
            "You asked 2 questions at once; this answers the first only. To ask the next, send it on its "
            "own: 谁主持了统战工作会议？"
        ) in english["replies"][0]["text"]
        many = c.post("/api/message", json={"text": "".join(MANY)}).json()
        assert (
            f"You asked at least {MAX_QUESTIONS_READ} questions at once; this answers the first only. To ask "
            f"the next, send it on its own: {MANY[1]}"
        ) in many["replies"][0]["text"]
    answered = httpx.post(
        f"{web.base_url}/wechat",
        params=wechat_query(),
        content=wechat_text("oSeveral", TWO, 4301),
        headers={"content-type": "text/xml"},
        timeout=30,
    )
    assert answered.status_code == 200, answered.text
    said = next(child.text or "" for child in fromstring(answered.content) if child.tag == "Content")
    assert said.splitlines()[0].startswith("🔎 「保交楼进展如何？」共 ") and said.splitlines()[1] == SAID, (
        said
    )
    assert len(said.encode()) <= 2048
