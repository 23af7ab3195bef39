"""Digest composition (issue 5): pure, checked with the emulator's Telegram validators."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime

import pytest

from bot.chat.replies import HTML, PLAIN
from bot.digests.compose import (
    compose_digest,
    format_subscription_list,
    format_unsubscribe_choice,
    renumbered_line,
)
from storage.models import Article
from storage.records.subscriptions import Subscription
from tests.telegram_emulator import check_reply_markup, check_text

DAY = date(2023, 4, 7)


def article(i: int, *, title: str | None = None, summary: str | None = None, day: str | None = "2023-04-06"):
    return Article(
        id=i,
        title=title or f"二七区新闻{i}",
        paragraphs=(f"第{i}篇正文。",),
        date=day,
        summary=summary if summary is not None else f"摘要{i}。",
    )


def open_cb(article_id: int) -> str:
    return f"a:{article_id}"


def telegram_accepts(digest) -> str:
    """Validate as Telegram would; return the visible text."""
    plain, _ = check_text(digest.text, "HTML")
    keyboard = {
        "inline_keyboard": [
            [{"text": b.label, "callback_data": b.data} for b in row] for row in digest.buttons
        ]
    }
    check_reply_markup(json.dumps(keyboard, ensure_ascii=False))
    return plain


def test_digest_lists_title_date_summary_and_buttons():
    arts = [article(3), article(2, day=None), article(1)]
    digest = compose_digest(arts, lang="zh", local_date=DAY, open_callback=open_cb)
    assert digest is not None
    visible = telegram_accepts(digest)
    assert "新闻摘要 · 2023-04-07" in visible
    assert "1. 二七区新闻3" in visible and "2023-04-06 · 摘要3。" in visible
    assert "日期不详" in visible
    assert "还有" not in visible
    assert [row[0].data for row in digest.buttons] == ["a:3", "a:2", "a:1"]
    assert digest.shown_ids == (3, 2, 1) and digest.counted_ids == ()


def test_cap_and_pointer_to_search():
    arts = [article(i) for i in range(20, 5, -1)]  # 15 articles
    digest = compose_digest(
        arts,
        lang="zh",
        local_date=DAY,
        open_callback=open_cb,
        keywords=["二七区", "教育"],
        counted_ids=[3, 2],
    )
    assert digest is not None
    visible = telegram_accepts(digest)
    assert len(digest.shown_ids) == 10 and len(digest.buttons) == 10
    assert digest.counted_ids == (10, 9, 8, 7, 6, 3, 2)
    assert "共 17 篇新文章，这里是最新的 10 篇" in visible
    assert "还有 7 篇，可用 /search 二七区 教育 查看。" in visible
    assert "关键词：二七区、教育" in visible


def test_hostile_text_is_escaped():
    arts = [article(1, title="<b>标题</b> & <script>", summary="a < b && c > d </i>")]
    digest = compose_digest(arts, lang="en", local_date=DAY, open_callback=open_cb)
    visible = telegram_accepts(digest)
    assert "<b>标题</b> & <script>" in visible
    assert "a < b && c > d </i>" in visible
    assert "News digest" in visible


def test_long_articles_fit_in_one_message():
    arts = [article(i, title="长" * 500, summary="😀" * 2000) for i in range(30, 0, -1)]
    digest = compose_digest(arts, lang="zh", local_date=DAY, open_callback=open_cb, cap=10)
    visible = telegram_accepts(digest)
    assert len(visible.encode("utf-16-le")) // 2 <= 4096
    assert len(digest.shown_ids) + len(digest.counted_ids) == 30


def test_huge_cap_still_fits():
    arts = [article(i, summary="很长的摘要" * 30) for i in range(200, 0, -1)]
    digest = compose_digest(arts, lang="zh", local_date=DAY, open_callback=open_cb, cap=100)
    visible = telegram_accepts(digest)
    assert len(visible.encode("utf-16-le")) // 2 <= 4096
    assert 0 < len(digest.shown_ids) < 100
    assert len(digest.shown_ids) + len(digest.counted_ids) == 200


def test_titles_and_summaries_are_cut_between_words_never_inside_one():
    # Stories from English-language sources: a digest cuts a long title or summary at a space, as a
    # reader expects, not in the middle of "Zhengzhou" or of a year.
    title = (
        "Zhengzhou opens new metro lines connecting the airport with the high-speed railway station in 2023"
    )
    summary = (
        "The municipal government announced on Thursday that construction of lines 12 and 14 will be "
        "completed ahead of schedule, with passenger service starting in December 2023 according to officials"
    )
    arts = [article(i, title=title, summary=summary) for i in range(12, 0, -1)]
    digest = compose_digest(arts, lang="en", local_date=DAY, open_callback=open_cb, cap=10)
    visible = telegram_accepts(digest)
    words = set(f"{title} {summary}".split())
    cut = [line for line in visible.splitlines() if "…" in line]
    assert cut, "the long title and summary are shortened"
    for line in cut:
        last = line.split("…")[0].split()[-1]
        assert last in words or last.rstrip(",.") in words, line
    for row in digest.buttons:
        (button,) = row
        shown = button.label.split("…")[0].split()[-1]
        assert shown in words, button.label


def test_nothing_new():
    assert compose_digest([], lang="zh", local_date=DAY, open_callback=open_cb) is None
    empty = compose_digest([], lang="zh", local_date=DAY, open_callback=open_cb, send_empty=True)
    assert empty is not None and "今天没有新的文章" in telegram_accepts(empty)
    assert empty.shown_ids == ()


def test_callback_data_over_64_bytes_is_refused():
    with pytest.raises(ValueError):
        compose_digest([article(1)], lang="zh", local_date=DAY, open_callback=lambda i: "文" * 30)


def test_plain_markup_for_console():
    digest = compose_digest(
        [article(1, title="<x>")], lang="zh", local_date=DAY, open_callback=open_cb, markup=PLAIN
    )
    assert "<b>" not in digest.text and "<x>" in digest.text and "&lt;" not in digest.text


def sub(i: int, hhmm: str, keywords=()):
    return Subscription(i, 1, hhmm, tuple(keywords), datetime(2023, 4, 7, tzinfo=UTC), number=i)


def numbered(subs: list[Subscription]) -> list[Subscription]:
    """`subs` numbered 1, 2, 3… in order, as a chat's list is after a cancel."""
    return [dataclasses.replace(s, number=n) for n, s in enumerate(subs, start=1)]


def test_a_cancel_names_the_numbers_that_moved_down():
    """Issue 34: numbers move down when an earlier subscription is cancelled; the reply says so."""
    before = [sub(1, "08:00", ["保交楼"]), sub(2, "09:00"), sub(3, "21:00", ["二七区", "-人才"])]
    assert renumbered_line("zh", before, numbered(before[1:])) == (
        "其余订阅的编号变了：全部新闻 现在是 #1（原 #2）；二七区（不含：人才） 现在是 #2（原 #3）。"
    )
    assert renumbered_line("en", before, numbered([before[0], before[2]])) == (
        "Your other subscriptions' numbers moved: 二七区 (without: 人才) is now #2 (was #3)."
    )
    assert renumbered_line("zh", before, numbered(before[:2])) is None  # the last one went: none moved
    assert renumbered_line("zh", before, []) is None
    many = [sub(i, "08:00", [f"词{i}"]) for i in range(1, 10)]
    line = renumbered_line("zh", many, numbered(many[1:]))
    assert line is not None and line.count("现在是") == 5 and line.endswith("；…。"), line


def test_the_numbers_that_moved_are_named_in_their_new_order():
    """QA pass 48: in Telegram, where a chat's subscriptions are listed by the time they are pushed, the line
    after a cancel named `复工 现在是 #2（原 #3）；统战 现在是 #1（原 #2）`: #2 before #1."""
    before = [sub(1, "08:30", ["保交楼"]), sub(2, "20:00", ["统战"]), sub(3, "07:30", ["复工"])]
    after = sorted(numbered(before[1:]), key=lambda s: s.local_time)  # as the chat's list comes
    assert renumbered_line("zh", before, after) == (
        "其余订阅的编号变了：统战 现在是 #1（原 #2）；复工 现在是 #2（原 #3）。"
    )


def test_subscription_list_and_unsubscribe_buttons():
    subs = [sub(1, "08:00"), sub(2, "21:30", ["二七区", "<教育>"])]
    reply = format_subscription_list("zh", subs, "Asia/Shanghai", HTML)
    plain, _ = check_text(reply.text, "HTML")
    assert "#1 · 每天 08:00 · 全部新闻" in plain
    assert "#2 · 每天 21:30 · 与「二七区、<教育>」相关的新闻" in plain
    choice = format_unsubscribe_choice("zh", subs, lambda v: f"u:{v}", HTML)
    assert [row[0].data for row in choice.buttons] == ["u:1", "u:2", "u:all"]
    empty = format_subscription_list("en", [], "UTC", HTML)
    assert "/subscribe 8:00" in empty.text


# ---- pacing (injected clock and sleep: nothing waits for real) -----------------------------------------


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.sends: list[tuple[float, int]] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def test_send_budget_overall_rate_and_per_chat_gap():
    """The one send budget (issue 14) keeps what the digest pacer promised, for every sender."""
    from bot.telegram.budget import SendBudget

    t = FakeTime()
    pacer = SendBudget(25, clock=t.clock, sleep=t.sleep)
    for chat in [1, 2, 3, 1, 1]:
        await pacer.wait(chat)
        t.sends.append((t.now, chat))
    times = [s for s, _ in t.sends]
    assert all(b - a >= 1 / 25 - 1e-9 for a, b in zip(times, times[1:], strict=False))
    chat1 = [s for s, c in t.sends if c == 1]
    assert all(b - a >= 1.0 - 1e-9 for a, b in zip(chat1, chat1[1:], strict=False))
    # After a 429, every later slot waits.
    pacer.hold(5.0)
    start = t.now
    await pacer.wait(9)
    assert t.now >= start + 5.0


def test_interleave_by_chat():
    from bot.telegram.digest_job import interleave_by_chat

    items = [(1, 10), (2, 10), (3, 20), (4, 10), (5, 30)]  # (subscription, chat)
    assert [s for s, _ in interleave_by_chat(items, key=lambda i: i[1])] == [1, 3, 5, 2, 4]


# ---- the commands' behaviour without Telegram (what a console would call) ------------------------------


def test_subscription_commands_in_plain_text(tmp_path):
    from bot.telegram.subscriptions import subscription_command, subscription_press
    from storage.database.connection import open_db
    from storage.ingest.pipeline import ingest_paths
    from storage.records import subscriptions as subs
    from storage.search.engine import Searcher
    from tests.bot_support import SEEDS

    db = open_db(tmp_path / "n.db")
    try:
        ingest_paths(db, [SEEDS])
        searcher = Searcher(db)
        now = datetime(2023, 4, 13, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai

        def run(name: str, *args: str, lang: str = "zh") -> str:
            replies = subscription_command(
                db, searcher, name, list(args), chat_id=42, lang=lang, now=now, markup=PLAIN
            )
            return "\n".join(r.text for r in replies)

        assert "下一次推送：2023-04-14 08:00" in run("subscribe")  # 08:00 has passed today: tomorrow
        assert "你已经有这个订阅了" in run("subscribe", "8:00")
        out = run("subscribe", "21:00", "统战", "R&D<1>")  # (a tag alone, <b>, is refused: nothing to search)
        assert "2023-04-13 21:00" in out and "「统战、R&D<1>」" in out  # plain text: nothing escaped
        assert "不是有效的时间" in run("subscribe", "8点70分")  # 8点半 is a time since issue 15
        assert len(subs.list_subscriptions(db, 42)) == 2
        preview = run("digest")
        assert preview.count("预览") == 2 and "统战工作" in preview
        assert run("digest", "all") == run("digest", "全部") == preview  # QA pass 31: was 看不懂「all」
        assert subs.deliveries(db, subs.list_subscriptions(db, 42)[0].id) == []  # a preview records nothing
        assert "America/New_York" in run("timezone", "america/new_york")
        assert "Unknown timezone" in run("timezone", "Nowhere/Land", lang="en")
        assert subs.get_chat(db, 42).timezone == "America/New_York"
        assert "没有关键词是「abc」的订阅" in run("unsubscribe", "abc") and "/subscriptions" in run(
            "unsubscribe", "abc"
        )
        # by its keywords, as /subscribe typed them, in any order or script
        assert "统战、R&D<1>" in run("subscriptions") and "已取消订阅 #" in run(
            "unsubscribe", "R&D<1>", "統戰"
        )
        run("subscribe", "21:00", "统战", "R&D<1>")
        first = subs.list_subscriptions(db, 42)[0]
        assert (
            f"已取消订阅 #{first.id}"
            in subscription_press(db, f"u:{first.id}", chat_id=42, lang="zh", markup=PLAIN).text
        )
        assert "已取消订阅" in run("unsubscribe")  # the only one left
        assert "你没有订阅" in run("unsubscribe", "all")
        # QA pass 29: one subscription cancelled by "all" read "All 1 subscriptions cancelled."
        run("subscribe", "统战")
        assert run("unsubscribe", "all", lang="en") == "Your one subscription is cancelled."
        run("subscribe", "统战")
        run("subscribe", "保交楼")
        assert run("unsubscribe", "all", lang="en") == "All 2 subscriptions cancelled."
        no_subs = run("digest")
        assert "还没有订阅" in no_subs and "专项行动" in no_subs and "/subscribe 8:00" in no_subs
    finally:
        db.close()


@pytest.mark.parametrize(
    ("count", "preview", "line"),
    [
        (1, False, "1 new article\n"),
        (2, False, "2 new articles\n"),
        (1, True, "Your next digest would have 1 article\n"),
        (3, True, "Your next digest would have 3 articles\n"),
    ],
)
def test_english_count_line_reads_as_a_sentence(count: int, preview: bool, line: str):
    """The English count said "your next digest would have 1 articles" (lower case, plural for one)."""
    arts = [article(i) for i in range(count, 0, -1)]
    digest = compose_digest(arts, lang="en", local_date=DAY, open_callback=open_cb, preview=preview)
    assert digest is not None
    assert line in telegram_accepts(digest)


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        (["{a}", "{b}", "999"], "zh"),
        (["{a},{b},999"], "zh"),
        (["{a}、{b}、999"], "zh"),
        (["#{a}，#{b}", "999"], "zh"),
        (["{a},", "{b}", "999"], "en"),
    ],
)
def test_unsubscribe_takes_several_ids_and_says_which_went(tmp_path, args, lang):
    """Issue: /unsubscribe 1 2 (or 1,2 / 1、2) was refused as a word it did not understand. Each id is
    removed, and the reply names the ones removed and the ones not found."""
    from bot.telegram.subscriptions import subscription_command
    from storage.database.connection import open_db
    from storage.records import subscriptions as subs
    from storage.search.engine import Searcher

    db = open_db(tmp_path / "n.db")
    try:
        now = datetime(2023, 4, 13, 1, 0, tzinfo=UTC)

        def run(name: str, *words: str) -> str:
            replies = subscription_command(
                db, Searcher(db), name, list(words), chat_id=42, lang=lang, now=now, markup=PLAIN
            )
            return "\n".join(r.text for r in replies)

        run("subscribe", "8:00", "统战")  # other keywords each: the same ones at another time move it
        run("subscribe", "9:00", "保交楼")
        kept = run("subscribe", "10:00")
        a, b, c = (s.id for s in subs.list_subscriptions(db, 42))
        reply = run("unsubscribe", *(arg.format(a=a, b=b) for arg in args))
        assert [s.id for s in subs.list_subscriptions(db, 42)] == [c], kept
        if lang == "zh":
            assert f"已取消订阅 #{a}、#{b}" in reply and "没有找到编号为 999 的订阅" in reply
        else:
            assert f"#{a}, #{b} cancelled" in reply and "No subscription #999" in reply
    finally:
        db.close()


@pytest.mark.parametrize("typed", ["{a}-{c}", "{a}～{c}", "{a}到{c}", "#{a}-#{c}"])
def test_unsubscribe_takes_a_range_of_ids(tmp_path, typed):
    """QA: /unsubscribe 1-3 was refused as a word it did not understand; a range cancels each id in it."""
    from bot.telegram.subscriptions import subscription_command
    from storage.database.connection import open_db
    from storage.records import subscriptions as subs
    from storage.search.engine import Searcher

    db = open_db(tmp_path / "n.db")
    try:
        now = datetime(2023, 4, 13, 1, 0, tzinfo=UTC)

        def run(name: str, *words: str) -> str:
            replies = subscription_command(
                db, Searcher(db), name, list(words), chat_id=42, lang="zh", now=now, markup=PLAIN
            )
            return "\n".join(r.text for r in replies)

        for at, word in (("8:00", "统战"), ("9:00", "保交楼"), ("10:00", "人才"), ("11:00", "教育")):
            run("subscribe", at, word)  # other keywords each: the same ones at another time move it
        a, b, c, d = (s.id for s in subs.list_subscriptions(db, 42))
        reply = run("unsubscribe", typed.format(a=a, c=c))
        assert [s.id for s in subs.list_subscriptions(db, 42)] == [d]
        assert f"已取消订阅 #{a}、#{b}、#{c}" in reply
        assert "看不懂" in run("unsubscribe", "1-999999")  # not a range of subscriptions
        english = subscription_command(
            db, Searcher(db), "unsubscribe", [f"{d}-{d + 2}"], chat_id=42, lang="en", now=now, markup=PLAIN
        )[0].text
        # d, the chat's only subscription left, is now its #1; its id typed still names it
        assert english == (
            f"Subscription #1 cancelled.\nNo subscriptions #{d + 1}, #{d + 2}. See your ids with /subscriptions."
        ), english
    finally:
        db.close()


def test_an_undated_story_reads_date_unknown_in_a_digest_as_in_search_results():
    """QA pass 23: English readers saw `date unknown` in search results but `undated` in /digest."""
    from bot.chat.replies import PLAIN
    from bot.chat.texts import text
    from bot.digests.compose import _item_lines

    for lang in ("en", "zh"):
        _, dated, _ = _item_lines("标题", None, "", lang, PLAIN)
        assert dated == text(lang, "date_unknown")
