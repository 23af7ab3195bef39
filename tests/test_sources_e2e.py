"""Web sources end to end (issue 13): the real Application against the Bot API emulator, polling a local
news site while it runs.

Three sources carry the same story in their own words (a wire copy in RSSHub's format, a newspaper's
summary-only feed whose page is GBK-encoded, a district site's Atom feed with full content). A subscriber
of ``二七区 -人才`` gets it once, with the other two sources named, and never the 人才 story. The sources job
runs on its own on the JobQueue; only the application's one clock is injected (to make the next poll due,
the digest due) and the digest check is driven by the test, as in tests/test_digest_e2e.py.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from telegram.ext import Application

from bot.telegram.digest_job import JOB_NAME, SENT, runner_of
from storage.database.connection import open_db
from storage.records import sources as store
from storage.records import subscriptions as subs
from storage.records.articles import latest_articles
from tests.bot_support import bot_settings, running_bot
from tests.feed_server import FeedSite, Page
from tests.telegram_emulator import TelegramEmulator

SH = ZoneInfo("Asia/Shanghai")
ADMIN = 4242
READER = 1001

STORY = [
    "今年以来，二七区利用边角地、闲置地新建口袋公园15处，新增绿地面积4.3万平方米，让居民出门“300米见绿、500米见园”。",
    "在大学路与汝河路交叉口，原本堆放建筑垃圾的一块空地，如今铺上了透水步道，种上了银杏、紫薇和月季，还安装了座椅和健身器材。",
    "据二七区城市管理局介绍，口袋公园建设坚持“一园一策”，充分征求周边居民意见，在设计中融入二七纪念塔、京汉铁路等本土文化元素。",
    "明年，二七区计划再建口袋公园20处，并推动已建公园与周边学校、社区的开放共享。",
]
EXCLUDED = [
    "二七区日前出台青年人才引进办法，对新引进的博士、硕士研究生分别给予每月3000元、1500元生活补贴，连续发放三年。",
    "二七区人力资源和社会保障局负责人表示，将建立人才服务专员制度，为青年人才提供落户办理、社保接续等一站式服务。",
]


def rss(title: str, items: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title><![CDATA[{title}]]></title><link>http://example.invalid/</link><generator>RSSHub</generator>"
        f"{items}</channel></rss>"
    ).encode()


def rss_item(title: str, link: str, description: str, when: str) -> str:
    return (
        f"<item><title><![CDATA[{title}]]></title><description><![CDATA[{description}]]></description>"
        f'<pubDate>{when}</pubDate><guid isPermaLink="false">{link}</guid><link>{link}</link></item>'
    )


def atom(entries: str, base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>二七区融媒体中心</title><link href="{base}/"/><id>tag:erqi,2026:feed</id>'
        f"<updated>2026-12-01T08:00:00+08:00</updated>{entries}</feed>"
    ).encode()


def people_page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f'<p style="text-indent: 2em;">{p}</p>' for p in paragraphs)
    return (
        '<html><head><meta http-equiv="content-type" content="text/html;charset=GB2312"/>'
        f"<title>{title}--地方--人民网</title></head><body>"
        '<div class="nav"><a href="/">人民网首页</a>|<a href="/politics/">时政</a>|<a href="/world/">国际</a></div>'
        f'<div class="rm_txt"><h1>{title}</h1><div class="rm_txt_con">{body}'
        '<div class="edit">(责编：王镕、张喆)</div></div>'
        '<div class="rm_relevant"><h2>相关新闻</h2><ul><li><a href="/x">郑州都市圈建设提速</a></li></ul></div></div>'
        '<div class="footer">人民网股份有限公司版权所有，未经书面授权禁止使用</div></body></html>'
    ).encode("gbk")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def p(paragraphs: list[str]) -> str:
    return "".join(f"<p>{x}</p>" for x in paragraphs)


async def wait_until(predicate) -> None:  # type: ignore[no-untyped-def]
    """Wait (at most 30 s) until `predicate()` holds."""
    for _ in range(300):
        if predicate():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("timed out waiting")


async def say(emu: TelegramEmulator, text: str, user_id: int):  # type: ignore[no-untyped-def]
    update = emu.push_message(text, user=emu.user(user_id, language_code="zh-hans"))
    return await emu.wait_for_messages(user_id, 1, after=update["message"]["message_id"])


async def test_a_story_published_while_serving_reaches_the_digest_once_and_the_excluded_one_never(
    telegram_emulator: TelegramEmulator, tmp_path: Path
) -> None:
    emu = telegram_emulator
    with FeedSite() as site:
        base = site.base
        # Before: each site has one older story.
        site.add(
            "/xinhua.xml",
            Page(
                rss(
                    "新华网 - 地方",
                    rss_item(
                        "郑州地铁10号线二期开工",
                        f"{base}/xh/0.htm",
                        p(
                            [
                                "郑州地铁10号线二期工程今日开工，线路全长9.6公里，设站6座，预计2029年建成通车，将串联二七区、中原区多个居住片区。"
                                * 2
                            ]
                        ),
                        "Sun, 29 Nov 2026 02:00:00 GMT",
                    ),
                ),
                "application/xml",
            ),
        )
        site.add("/zzrb.xml", Page(rss("郑州日报", ""), "text/xml", etag='"zz-0"'))
        site.add("/erqi.xml", Page(atom("", base), "application/atom+xml"))

        clock = Clock(datetime(2026, 11, 30, 7, 0, tzinfo=SH))
        db_path = tmp_path / "newsbot.db"
        db = open_db(db_path)
        for name, path in (("新华网", "/xinhua.xml"), ("人民网", "/zzrb.xml"), ("二七发布", "/erqi.xml")):
            store.add_source(
                db,
                site.url(path),
                interval=timedelta(minutes=30),
                name=name,
                feed_url=site.url(path),
                now=clock(),
            )
        db.close()

        settings = bot_settings(
            emu, db_path, sources_host_delay=0.0, sources_check_seconds=0.5, sources_timeout=5.0
        )

        def setup(app: Application) -> None:  # type: ignore[type-arg]
            assert app.job_queue is not None
            (digest_job,) = app.job_queue.get_jobs_by_name(JOB_NAME)
            digest_job.schedule_removal()  # the test drives the digest checks

        async with running_bot(settings, setup=setup, poll_timeout=1.0, clock=clock) as app:
            services = app.bot_data["services"]

            def sources_now() -> list[store.Source]:
                return services.database.read(store.list_sources)

            def query(sql: str, *params: object) -> object:
                return services.database.read(lambda db: db.execute(sql, list(params)).fetchone()[0])

            def polled_times() -> int:
                return sum(1 for s in sources_now() if s.last_poll_at is not None)

            def polled_since(moment: datetime) -> bool:
                """Whether every source's poll due at the clock's `moment` is done (so none is under way)."""
                return all(s.last_poll_at is not None and s.last_poll_at >= moment for s in sources_now())

            # The JobQueue polls every source once on its own.
            await wait_until(lambda: polled_times() == 3)
            assert "郑州地铁10号线二期开工" in (await say(emu, "/search 地铁10号线", READER))[-1].text

            (reply,) = await say(emu, "/subscribe 08:00 二七区 -人才", READER)
            assert "二七区（不含：人才）" in reply.text
            (sub,) = services.database.read(subs.list_subscriptions, READER)
            clock.now = datetime(2026, 11, 30, 8, 0, 5, tzinfo=SH)
            await wait_until(lambda: polled_since(clock.now))  # due again half an hour after the first
            runner = runner_of(app)
            assert runner is not None
            report = await runner.run_due(app.bot)
            assert report is not None and report.outcomes == {sub.id: SENT}

            # While it runs, the three sites publish the same story, and the wire also a 人才 story.
            site.add(
                "/xinhua.xml",
                Page(
                    rss(
                        "新华网 - 地方",
                        rss_item(
                            "郑州二七区新建15处口袋公园",
                            f"{base}/xh/1.htm",
                            p(["新华社郑州12月1日电（记者李雪）" + STORY[0], *STORY[1:]]),
                            "Tue, 01 Dec 2026 01:10:00 GMT",
                        )
                        + rss_item(
                            "二七区出台青年人才引进办法",
                            f"{base}/xh/2.htm",
                            p(EXCLUDED),
                            "Tue, 01 Dec 2026 01:20:00 GMT",
                        )
                        + rss_item(
                            "郑州地铁10号线二期开工",
                            f"{base}/xh/0.htm",
                            p(
                                [
                                    "郑州地铁10号线二期工程今日开工，线路全长9.6公里，设站6座，预计2029年建成通车，将串联二七区、中原区多个居住片区。"
                                    * 2
                                ]
                            ),
                            "Sun, 29 Nov 2026 02:00:00 GMT",
                        ),
                    ),
                    "application/xml",
                ),
            )
            site.add(
                "/zzrb.xml",
                Page(
                    rss(
                        "郑州日报",
                        rss_item(
                            "二七区：口袋公园家门口 绿意满城",
                            f"{base}/gb/n1/2026/1201/c1.html",
                            "今年以来，二七区利用边角地新建口袋公园……【阅读全文】",
                            "Tue, 01 Dec 2026 07:30:00 +0800",
                        ),
                    ),
                    "text/xml",
                    etag='"zz-1"',
                ),
            )
            site.add(
                "/gb/n1/2026/1201/c1.html",
                Page(
                    people_page(
                        "二七区：口袋公园家门口", ["本报郑州12月1日电（记者陈静）" + STORY[0], *STORY[1:]]
                    ),
                    "text/html",
                ),
            )
            site.add(
                "/erqi.xml",
                Page(
                    atom(
                        f'<entry><title>我区新建口袋公园15处</title><link href="{base}/erqi/1.html"/><id>tag:erqi,1</id>'
                        "<published>2026-12-01T09:00:00+08:00</published><updated>2026-12-01T09:00:00+08:00</updated>"
                        f'<content type="html">{p([*STORY[:3], STORY[3].replace("明年", "2027年"), "来源：二七区城市管理局"]).replace("<", "&lt;").replace(">", "&gt;")}</content></entry>',
                        base,
                    ),
                    "application/atom+xml",
                ),
            )
            # The next morning, after they published, the sources are due again; the job notices by itself.
            before = len(site.requests)
            clock.now = datetime(2026, 12, 1, 9, 30, tzinfo=SH)
            await wait_until(lambda: all((s.last_new or 0) >= 1 for s in sources_now()))
            assert len(site.requests) > before

            # Searchable at once, with the original link in /article.
            (results,) = await say(emu, "/search 口袋公园", READER)
            assert "口袋公园" in results.text
            article_id = query("SELECT id FROM articles WHERE url = ?", f"{base}/gb/n1/2026/1201/c1.html")
            opened = await say(emu, f"/article {article_id}", READER)
            assert "（记者陈静）" in opened[0].text and "人民网首页" not in opened[0].text
            assert f'href="{base}/gb/n1/2026/1201/c1.html"' in (opened[-1].html or "")

            # The next digest: the story once, the other two sources named, no 人才 story.
            clock.now = datetime(2026, 12, 2, 8, 0, 5, tzinfo=SH)
            await wait_until(lambda: polled_since(clock.now))
            count = len(emu.messages(READER))
            report = await runner.run_due(app.bot)
            assert report is not None and report.outcomes == {sub.id: SENT}
            (digest,) = emu.messages(READER)[count:]
            assert "共 1 篇新文章" in digest.text, digest.text
            assert len(digest.button_data()) == 1 and digest.text.count("15处，新增绿地") == 1
            assert "另见：" in digest.text
            # The line under the story names the two other sources.
            named = digest.text.split("另见：")[1].splitlines()[0].split("、")
            listed = query(
                "SELECT source FROM articles WHERE id = ?", int(digest.button_data()[0].split(":")[1])
            )
            assert sorted(named) == sorted({"新华网", "人民网", "二七发布"} - {listed})
            assert "人才引进" not in digest.text and "人才" not in digest.text.split("共 1 篇新文章")[1]
            # The excluded story was stored and is searchable; it just never arrives.
            latest = services.database.read(latest_articles, 20)
            assert "二七区出台青年人才引进办法" in [a.title for a in latest]

            # Admins see the sources' status; others are told it is for admins.
            (status,) = await say(emu, "/sources", ADMIN)
            assert "新华网" in status.text and "3 source(s), 0 failing" in status.text
            (denied,) = await say(emu, "/sources", READER)
            assert "管理员" in denied.text
    assert emu.errors() == []
