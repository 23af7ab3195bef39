"""The Bot API emulator rejects what Telegram rejects (so the bot tests mean something)."""

from __future__ import annotations

import json
import socket
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.telegram_emulator import (
    TelegramEmulator,
    TelegramError,
    check_reply_markup,
    check_text,
    parse_html,
    utf16_len,
)


@pytest.mark.parametrize(
    ("html", "plain"),
    [
        ("<b>粗体</b> 与 <i>斜体</i>", "粗体 与 斜体"),
        ("a &lt;b&gt; &amp; &quot;c&quot; &#39; &#x4E2D;", 'a <b> & "c" \' 中'),
        ('<a href="https://t.me/x?start=a1&amp;b=2">链接</a>', "链接"),
        ('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>', "st"),
        ('<pre><code class="language-python">x = 1</code></pre>', "x = 1"),
        ("<blockquote expandable>引文</blockquote>", "引文"),
        ("<b>bold <i>both</i></b> 1 > 0", "bold both 1 > 0"),
    ],
)
def test_valid_html_parses_to_its_visible_text(html: str, plain: str) -> None:
    assert parse_html(html)[0] == plain


def test_entities_are_counted_in_utf16_units() -> None:
    plain, entities = parse_html("😀<b>新闻</b>")
    assert plain == "😀新闻"
    assert entities == [{"type": "bold", "offset": 2, "length": 2}]


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",  # unknown tag
        "<b>unclosed",
        "<b><i>crossed</b></i>",
        "</b>",
        "1 < 2",  # bare <
        "Tom & Jerry",  # bare &
        "&nbsp;",  # only lt gt amp quot are named entities
        "<a>no href</a>",
        '<span class="x">not a spoiler</span>',
        "<b",
        "<br>",
    ],
)
def test_invalid_html_is_rejected_like_telegram(html: str) -> None:
    with pytest.raises(TelegramError) as err:
        parse_html(html)
    assert err.value.code == 400
    assert err.value.description.startswith("Bad Request: can't parse entities")


def test_text_length_is_checked_after_entity_parsing_in_utf16_units() -> None:
    check_text("<b>" + "新" * 4096 + "</b>", "HTML")  # tags do not count
    check_text("&amp;" * 4096, "HTML")  # an entity is one character
    with pytest.raises(TelegramError, match="message is too long"):
        check_text("新" * 4097, None)
    with pytest.raises(TelegramError, match="message is too long"):
        check_text("😀" * 2049, None)  # 4098 UTF-16 units
    assert utf16_len("😀" * 2048) == 4096
    check_text("😀" * 2048, None)


@pytest.mark.parametrize("text", ["", "   \n ", "<b> </b>"])
def test_empty_text_is_rejected(text: str) -> None:
    with pytest.raises(TelegramError, match="text is empty"):
        check_text(text, "HTML")


def _kb(rows: list[list[dict[str, str]]]) -> dict[str, object]:
    return {"inline_keyboard": rows}


def test_keyboard_limits() -> None:
    check_reply_markup(_kb([[{"text": "ok", "callback_data": "x" * 64}]]))
    with pytest.raises(TelegramError, match="BUTTON_DATA_INVALID"):
        check_reply_markup(_kb([[{"text": "no", "callback_data": "新" * 22}]]))  # 66 bytes
    with pytest.raises(TelegramError, match="BUTTON_DATA_INVALID"):
        check_reply_markup(_kb([[{"text": "no", "callback_data": ""}]]))
    with pytest.raises(TelegramError):
        check_reply_markup(_kb([[{"text": str(i), "callback_data": str(i)} for i in range(9)]]))
    with pytest.raises(TelegramError, match="too long"):
        check_reply_markup(
            _kb([[{"text": "b", "callback_data": f"{r}.{c}"} for c in range(8)] for r in range(13)])
        )
    with pytest.raises(TelegramError, match="BUTTON_TYPE_INVALID"):
        check_reply_markup(_kb([[{"text": "none"}]]))


def _call(emulator: TelegramEmulator, method: str, **params: object) -> httpx.Response:
    data = {k: v if isinstance(v, str) else json.dumps(v) for k, v in params.items()}
    return httpx.post(f"{emulator.base_url}{emulator.token}/{method}", data=data)


def test_http_errors_have_telegrams_shape(telegram_emulator: TelegramEmulator) -> None:
    emu = telegram_emulator
    ok = _call(emu, "sendMessage", chat_id=5, text="<b>hi</b>", parse_mode="HTML")
    assert ok.status_code == 200 and ok.json()["result"]["text"] == "hi"
    bad = _call(emu, "sendMessage", chat_id=5, text="<x>", parse_mode="HTML")
    assert bad.status_code == 400
    assert bad.json()["ok"] is False and bad.json()["error_code"] == 400
    message_id = ok.json()["result"]["message_id"]
    same = _call(
        emu, "editMessageText", chat_id=5, message_id=message_id, text="<b>hi</b>", parse_mode="HTML"
    )
    assert "message is not modified" in same.json()["description"]
    wrong_token = httpx.post(f"{emu.base_url}999:nope/getMe")
    assert wrong_token.status_code == 401


def test_faults_for_chats(telegram_emulator: TelegramEmulator) -> None:
    emu = telegram_emulator
    emu.fail_with_retry_after(7, retry_after=3, times=1)
    first = _call(emu, "sendMessage", chat_id=7, text="a")
    assert first.status_code == 429 and first.json()["parameters"] == {"retry_after": 3}
    assert _call(emu, "sendMessage", chat_id=7, text="a").status_code == 200
    emu.block_by_user(8)
    blocked = _call(emu, "sendMessage", chat_id=8, text="a")
    assert blocked.status_code == 403 and "blocked" in blocked.json()["description"]
    emu.migrate_chat(-9, -1009)
    moved = _call(emu, "sendMessage", chat_id=-9, text="a")
    assert moved.status_code == 400 and moved.json()["parameters"] == {"migrate_to_chat_id": -1009}


def test_the_bots_rate_limit_counts_every_chat_and_answers_429(telegram_emulator: TelegramEmulator) -> None:
    """Issue 23: the limit is per bot, whichever chat (or process) the messages go to."""
    emu = telegram_emulator
    emu.limit_rate(3)
    answers = [_call(emu, "sendMessage", chat_id=chat, text="a") for chat in (1, 2, 3, 4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[-1].json()
    assert refused["error_code"] == 429 and refused["parameters"]["retry_after"] >= 1
    assert "Too Many Requests" in refused["description"]
    message_id = answers[0].json()["result"]["message_id"]
    edit = _call(emu, "editMessageText", chat_id=1, message_id=message_id, text="b")
    assert edit.status_code == 429  # edits count too
    assert emu.flood_refusals == 2 and emu.deliveries() == {1: 1, 2: 1, 3: 1}
    emu.limit_rate(None)
    assert _call(emu, "sendMessage", chat_id=4, text="a").status_code == 200
    assert emu.deliveries()[4] == 1


def test_callback_queries_can_be_answered_once(telegram_emulator: TelegramEmulator) -> None:
    emu = telegram_emulator
    sent = _call(emu, "sendMessage", chat_id=1001, text="x").json()["result"]
    update = emu.push_callback(emu.messages(1001)[0], "a:1")
    query_id = update["callback_query"]["id"]
    assert sent["message_id"] == update["callback_query"]["message"]["message_id"]
    assert _call(emu, "answerCallbackQuery", callback_query_id=query_id).status_code == 200
    again = _call(emu, "answerCallbackQuery", callback_query_id=query_id)
    assert again.status_code == 400 and "query is too old" in again.json()["description"]


def test_inline_answer_limits(telegram_emulator: TelegramEmulator) -> None:
    emu = telegram_emulator

    def result(i: int | str) -> dict[str, object]:
        return {
            "type": "article",
            "id": str(i),
            "title": "t",
            "input_message_content": {"message_text": "<b>t</b>", "parse_mode": "HTML"},
        }

    cases = [
        ([result(i) for i in range(51)], "", "RESULTS_TOO_MUCH"),
        ([result(1), result(1)], "", "RESULT_ID_DUPLICATE"),
        ([result("x" * 65)], "", "RESULT_ID_INVALID"),
        ([result(1)], "9" * 65, "NEXT_OFFSET_INVALID"),
    ]
    for results, next_offset, error in cases:
        query_id = emu.push_inline_query("q")["inline_query"]["id"]
        answer = _call(
            emu, "answerInlineQuery", inline_query_id=query_id, results=results, next_offset=next_offset
        )
        assert answer.status_code == 400 and error in answer.json()["description"]
    query_id = emu.push_inline_query("q")["inline_query"]["id"]
    good = _call(emu, "answerInlineQuery", inline_query_id=query_id, results=[result(i) for i in range(50)])
    assert good.status_code == 200


def test_command_menu_validation(telegram_emulator: TelegramEmulator) -> None:
    emu = telegram_emulator
    assert (
        _call(emu, "setMyCommands", commands=[{"command": "search", "description": "搜索"}]).status_code
        == 200
    )
    assert emu.commands() == [{"command": "search", "description": "搜索"}]
    for bad in (
        {"command": "搜索", "description": "x"},
        {"command": "Search", "description": "x"},
        {"command": "s", "description": ""},
        {"command": "s", "description": "x" * 257},
    ):
        assert _call(emu, "setMyCommands", commands=[bad]).status_code == 400


def test_get_chat_member_is_as_strict_as_telegram(telegram_emulator: TelegramEmulator) -> None:
    """Issue 14: getChatMember answers what Telegram would, and PTB reads every answer."""
    from telegram import ChatMember, ChatMemberAdministrator

    emu = telegram_emulator
    group = emu.group_chat(-7001)
    boss, member, stranger = emu.user(1), emu.user(2), emu.user(3)
    assert (
        _call(emu, "getChatMember", chat_id=-7001, user_id=1).json()["description"]
        == "Bad Request: chat not found"
    )
    emu.push_message("大家好", user=member, chat=group)
    emu.push_message("私聊", user=stranger)
    emu.set_member_status(group, boss, "creator")
    statuses = {}
    for uid in (1, 2, 3):
        answer = _call(emu, "getChatMember", chat_id=-7001, user_id=uid)
        assert answer.status_code == 200
        statuses[uid] = ChatMember.de_json(answer.json()["result"], None).status
    assert statuses == {1: "creator", 2: "member", 3: "left"}
    emu.set_member_status(group, member, "administrator")
    admin = ChatMember.de_json(_call(emu, "getChatMember", chat_id=-7001, user_id=2).json()["result"], None)
    assert isinstance(admin, ChatMemberAdministrator) and admin.can_delete_messages is True
    emu.set_member_status(group, member, "kicked")
    assert _call(emu, "getChatMember", chat_id=-7001, user_id=2).json()["result"]["status"] == "kicked"
    unknown = _call(emu, "getChatMember", chat_id=-7001, user_id=99)
    assert unknown.status_code == 400 and "PARTICIPANT_ID_INVALID" in unknown.json()["description"]
    assert _call(emu, "getChatMember", chat_id=-7001, user_id="x").status_code == 400
    with pytest.raises(ValueError, match="private"):
        emu.set_member_status(emu.private_chat(boss), boss, "administrator")
    with pytest.raises(ValueError, match="status"):
        emu.set_member_status(group, boss, "owner")


async def test_webhook_delivery_sends_the_secret_and_retries_until_answered(
    telegram_emulator: TelegramEmulator,
) -> None:
    """Updates reach the webhook, with the secret header, and a failed delivery is tried again (issue 23)."""
    emu = telegram_emulator
    received: list[tuple[dict, str | None]] = []
    answers = iter([500, 200, 200])

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((json.loads(body), self.headers.get("X-Telegram-Bot-Api-Secret-Token")))
            self.send_response(next(answers))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        emu.deliver_webhook("https://bot.example.org/hook", f"http://127.0.0.1:{server.server_port}/hook")
        first = emu.push_message("保交楼")
        second = emu.push_message("二七区")
        assert emu.webhook_deliveries() == []  # no webhook set yet: updates wait
        refused = _call(emu, "setWebhook", url="http://bot.example.org/hook")  # Telegram wants https
        assert refused.status_code == 400
        assert _call(emu, "setWebhook", url="https://bot.example.org/hook", secret_token="s3cret").json()[
            "ok"
        ]
        await emu.wait_until(
            lambda: len([d for d in emu.webhook_deliveries() if d.ok]) == 2, what="two deliveries"
        )
        assert [d.status for d in emu.webhook_deliveries()].count(500) == 1
        times = Counter(u["update_id"] for u, _ in received)  # the one refused came again
        assert sorted(times.values()) == [1, 2] and set(times) == {first["update_id"], second["update_id"]}
        assert {secret for _, secret in received} == {"s3cret"}
        assert _call(emu, "getUpdates").status_code == 409  # while the webhook is set
        assert _call(emu, "getWebhookInfo").json()["result"]["pending_update_count"] == 0
    finally:
        server.shutdown()
        server.server_close()


def test_a_request_cut_off_by_its_dying_sender_is_not_handled(telegram_emulator: TelegramEmulator) -> None:
    """A process killed while sending a request leaves less body than its Content-Length announced:
    Telegram never reads that as a call, and neither does the emulator (it used to answer the torn form
    with 400 "chat not found" and record it as an error of the bot)."""
    emu = telegram_emulator
    url = httpx.URL(emu.base_url)
    body = b"chat_id=7001&text=%E6%91%98%E8%A6%81"
    head = (
        f"POST {url.path}{emu.token}/sendMessage HTTP/1.1\r\nHost: {url.host}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection((url.host, url.port)) as sender:
        sender.sendall(head + body[:8])  # killed here: "chat_id=" and no more
        sender.shutdown(socket.SHUT_WR)
        assert sender.recv(1024) == b""  # no answer: the connection is closed
    with httpx.Client(base_url=f"{emu.base_url}{emu.token}") as client:
        assert client.post("/sendMessage", data={"chat_id": 7001, "text": "完整"}).status_code == 200
    assert [c.method for c in emu.calls] == ["sendMessage"] and emu.errors() == []
    assert [m.text for m in emu.messages(7001)] == ["完整"]
