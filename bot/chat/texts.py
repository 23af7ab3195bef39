"""Every user-facing string of the chat side, in Chinese (default) and English.

Templates are plain text with ``str.format`` fields; `bot.chat.replies` escapes the values and adds the
markup (HTML for Telegram, nothing for the console). The command list here is the single source for
the Telegram command menu, /help and the README check.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Formatter

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


def lang_for(language_code: str | None) -> str:
    """Telegram's ``language_code`` → "en" for English users, "zh" for everyone else."""
    if language_code and language_code.strip().lower().startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


@dataclass(frozen=True)
class CommandSpec:
    """A bot command: menu description and help line in both languages."""

    name: str
    menu: dict[str, str]  # short description for setMyCommands (1–256 chars)
    help: dict[str, str]  # the /help line, after "/name args"
    args: dict[str, str] | None = None  # argument placeholder shown in /help
    in_menu: bool = True
    admin: bool = False
    # The /help line and placeholder where subscriptions are read, not pushed (the web page, WeChat, the
    # terminal), when they differ: no times there.
    help_read: dict[str, str] | None = None
    args_read: dict[str, str] | None = None


def _c(name: str, zh: str, en: str, zh_help: str, en_help: str, **kw: object) -> CommandSpec:
    return CommandSpec(name, {"zh": zh, "en": en}, {"zh": zh_help, "en": en_help}, **kw)  # type: ignore[arg-type]


COMMANDS: tuple[CommandSpec, ...] = (
    _c("start", "开始使用", "Get started", "欢迎语和示例", "welcome and examples"),
    _c("help", "帮助", "Help", "显示本帮助", "show this help"),
    _c(
        "search",
        "搜索新闻",
        "Search the news",
        "搜索新闻（也可以直接发送文字）",
        "search the news (or just send text)",
        args={"zh": "关键词", "en": "words"},
    ),
    _c(
        "s",
        "搜索（简写）",
        "Search (short)",
        "/search 的简写",
        "short for /search",
        args={"zh": "关键词", "en": "words"},
    ),
    _c("latest", "最新文章", "Latest articles", "最新的文章", "the latest articles"),
    _c(
        "article",
        "按编号阅读文章",
        "Read an article by number",
        "阅读指定编号的文章全文",
        "read the full article with this number",
        args={"zh": "编号", "en": "ID"},
    ),
    _c(
        "subscribe",
        "订阅每日摘要",
        "Subscribe to a daily digest",
        "订阅每日新闻摘要（可加时间和关键词）",
        "subscribe to a daily news digest (optionally a time and keywords)",
        args={"zh": "[时间] [关键词]", "en": "[time] [words]"},
        help_read={
            "zh": "订阅与关键词相关的新闻（不写关键词：全部新闻），用 /digest 看新文章",
            "en": "subscribe to news about the words (none: all news); /digest shows what is new",
        },
        args_read={"zh": "[关键词]", "en": "[words]"},
    ),
    _c(
        "unsubscribe",
        "取消订阅",
        "Unsubscribe",
        "取消每日摘要（一个或几个编号，或 all 全部取消）",
        "stop daily digests (one number or several, or all)",
        args={"zh": "[编号|all]", "en": "[N|all]"},
        help_read={
            "zh": "取消订阅（一个或几个编号，或 all 全部取消）",
            "en": "cancel subscriptions (one number or several, or all)",
        },
    ),
    _c(
        "subscriptions",
        "我的订阅",
        "My subscriptions",
        "查看我的订阅",
        "list my subscriptions",
    ),
    _c(
        "timezone",
        "设置时区",
        "Set time zone",
        "设置摘要使用的时区，例如 Asia/Shanghai",
        "set the digest time zone, e.g. Europe/London",
        args={"zh": "时区", "en": "zone"},
        help_read={
            "zh": "设置「今天」「昨天」等日期使用的时区，例如 Asia/Shanghai",
            "en": "set the time zone that today and yesterday follow, e.g. Europe/London",
        },
    ),
    _c(
        "lang",
        "选择语言 / Language",
        "Choose the language / 语言",
        "选择回复和每日摘要的语言：/lang zh 中文，/lang en English，/lang auto 跟随设备（只发 /lang 查看当前语言）",
        "choose the language of replies and digests: /lang en English, /lang zh 中文, /lang auto your device's (/lang alone shows it)",
        args={"zh": "[zh|en]", "en": "[en|zh]"},
        help_read={
            "zh": "选择回复的语言：/lang zh 中文，/lang en English，/lang auto 跟随设备（只发 /lang 查看当前语言）",
            "en": "choose the language of replies: /lang en English, /lang zh 中文, /lang auto your device's (/lang alone shows it)",
        },
    ),
    _c(
        "digest",
        "立即获取摘要",
        "Get a digest now",
        "立即预览一份摘要（加订阅编号只看那一份）",
        "preview a digest now (with a subscription's number, that one)",
        args={"zh": "[编号]", "en": "[N]"},
        help_read={
            "zh": "列出订阅自上次 /digest 以来的新文章（加订阅编号只看那一份）",
            "en": "list your subscriptions' stories new since the last /digest (with its number, that one)",
        },
    ),
    _c(
        "forget",
        "删除我的数据",
        "Delete my data",
        "删除 newsbot 保存的关于这个聊天的全部信息（订阅、设置、推送记录、最近的搜索），需要确认",
        "delete everything newsbot keeps about this chat (subscriptions, settings, delivery records, "
        "recent searches), after a confirmation",
    ),
    _c(
        "stats",
        "统计（管理员）",
        "Statistics (admins)",
        "数据库统计（仅管理员）",
        "database statistics (admins only)",
        in_menu=False,
        admin=True,
    ),
    _c(
        "sources",
        "新闻来源（管理员）",
        "News sources (admins)",
        "网络来源的状态：上次抓取、新文章数、错误原因（仅管理员）",
        "status of the web sources: last poll, new articles, errors (admins only)",
        in_menu=False,
        admin=True,
    ),
)

COMMANDS_BY_NAME: dict[str, CommandSpec] = {c.name: c for c in COMMANDS}

# Commands whose behaviour belongs to bot/digests/records.py (subscriptions and digests), in every chat.
SUBSCRIPTION_COMMANDS = ("subscribe", "unsubscribe", "subscriptions", "timezone", "digest", "lang")

# The fields of the texts filled with the archive's examples (`bot.chat.examples.Examples.values`).
EXAMPLE_FIELDS = frozenset({"example_keyword", "example_question", "example_day", "example_follow_up"})

TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "welcome": "你好，{name}！我是 newsbot，帮你查找本地新闻。",
        "welcome_examples": "直接把关键词或问题发给我就行，例如：",
        "welcome_more": "发送 /help 查看全部命令。",
        "help_title": "newsbot 可用命令：",
        "help_footer_telegram": "私聊时直接发送文字即可搜索或提问；在群里请使用命令，或回复、提及我。",
        "help_footer_console": "直接输入文字即可搜索或提问；按 Ctrl-D 退出。终端里不会定时推送：/digest 随时列出订阅的新文章。",
        "help_footer_web": "在输入框里直接写关键词或问题即可搜索或提问。这里不会定时推送：订阅给你一个私人摘要地址（打开或收藏，也可以用 RSS 阅读器订阅），/digest 随时看新文章。",
        "help_footer_wechat": "直接发送关键词或问题即可搜索或提问。公众号不会定时推送：订阅给你一个私人摘要地址，/digest 随时看新文章；删除你的信息请发送 /forget 确认。",
        "search_usage": "请在命令后面写上要找的内容，例如：/search {example_keyword}",
        "empty_query": "请告诉我要找什么，例如：{example_keyword}",
        "next_page_none": "还没有可以翻页的结果。先发关键词或问题，例如：{example_keyword}",
        "next_page_end": "「{query}」的结果已经全部列完了，这是最后一页。",
        "results_nothing": "「{query}」没有找到文章，没有可以翻页或打开的结果。换个说法试试？",
        "page_first": "这已经是「{query}」结果的第一页了。",
        "page_past_end": "「{query}」的结果只有 {pages} 页。",
        "page_zero": "没有第 0 页，页码从 1 开始：发「第1页」看第一页。",
        "subscribe_in_words": "想订阅「{words}」的新闻？发送：/subscribe {words}",
        "subscription_number_zero": "订阅从 1 开始编号：/subscriptions 列出你的全部订阅和编号。",
        "subscription_by_number": "第 {number} 个订阅：发 /digest {number} 看它的新文章，/unsubscribe {number} 取消它；/subscriptions 列出你的全部订阅和编号。",
        "result_none": "还没有可以打开的结果。先发关键词或问题，再发「第2篇」打开其中一篇，例如：{example_keyword}",
        "result_past_end": "「{query}」只有 {total} 篇结果，没有第 {number} 篇。",
        "result_past_end_latest": "最新文章里没有第 {number} 篇。",
        "result_past_end_digest": "刚才的摘要列了 {total} 篇，没有第 {number} 篇。",
        "digest_rest": "这份摘要没列完你订阅的新文章：发 {commands} 看其余的。",
        "digest_rest_sep": " 或 ",
        "digest_no_next_page": "摘要没有下一页：上面列的是你订阅的新文章（摘要里写的 /digest 编号 列出一个订阅的全部新文章）。"
        "想看更多，发关键词搜索，例如：{example_keyword}",
        "result_zero": "没有第 0 篇，结果从 1 开始编号：发「第1篇」打开第一篇。",
        "link_not_stored": "这个链接的文章不在 newsbot 收录的新闻里（newsbot 不打开网页，只在收录的新闻里查找）。"
        "请发文章的标题或其中的几个词，例如：{example_keyword}",
        "search_only_excluded": "搜索需要一个要找的词，减号或 NOT 后的词是要排除的，例如：{example_keyword} -郑州",
        "query_truncated": "（查询太长，只用了前 {limit} 个字）",
        "several_questions": "你一次问了 {count} 个问题，这里只回答第一个。想问下一个，请单独发送：{next}",
        "several_questions_at_least": "你一次问了至少 {count} 个问题，这里只回答第一个。想问下一个，请单独发送：{next}",
        "no_results": "没有找到与「{query}」相关的文章，换个关键词试试？",
        "no_results_any": "没有文章包含「{query}」里的任何一个词，换个说法试试？",
        "no_results_in_chinese": "这里的新闻都是中文的，试试中文关键词，例如：疫情、经济、教育",
        "results_header": "「{query}」共 {total} 篇，第 {page}/{pages} 页",
        "answer_label": "答案",
        "answer_source": "出处：《{title}》",
        "read_more": "阅读全文：",
        "inferred_title": "（无印刷标题，据导语拟）",
        "page_label": "第 {page}/{pages} 页",
        "same_page": "已经是这一页了",
        "stale_button": "这个按钮已经过期了，请重新搜索。",
        "opening_article": "正在打开文章……",
        "article_usage": "用法：/article 文章编号，例如 /article 1",
        "article_bad_id": "「{arg}」不是有效的文章编号，请写数字，例如 /article 1",
        "article_too_many": "一次最多打开 {count} 篇，其余的：{rest}",
        "article_not_found": "没有编号为 {id} 的文章。发送 /latest 查看最新文章。",
        "article_id_label": "编号 {id}",
        "date_unknown": "日期不详",
        "part_label": "（{part}/{parts}）",
        "latest_header": "最新文章：",
        "latest_header_page": "最新文章（第 {page} 页）：",
        "latest_end": "没有更早的文章了。",
        "latest_first": "这已经是最新文章的第一页了。",
        "latest_bad_page": "「{arg}」不是有效的页码，请写从 1 起的数字，例如 /latest 2",
        "latest_empty": "还没有文章。",
        "stats_denied": "这个命令只有管理员可以使用。",
        "group_admins_only": "在群里，只有群管理员可以使用 /{name}。",
        "stats_header": "newsbot 统计",
        "sources_header": "新闻来源",
        "sources_none": "还没有添加网络来源。在服务器上运行：newsbot sources add 网址",
        "also_in": "另见：{sources}",
        "also_sep": "、",
        "unknown_command": "我不认识 /{name} 这个命令。发送 /help 查看可用的命令。",
        "flood_wait": "你搜索得太快了，请 {seconds} 秒后再试。",
        "error": "抱歉，处理你的消息时出了问题，请稍后再试。",
        "busy": "数据库正忙，刚才的操作没有完成，请过几秒再试一次。",
        "admin_error": "处理更新时出错：{error}",
        "inline_nothing": "没有找到相关文章",
        "inline_nothing_hint": "换个关键词试试",
        "inline_read": "在 newsbot 中阅读全文",
        "console_hello": "newsbot 终端对话。输入关键词或问题搜索，/help 查看命令，按钮用编号选择，Ctrl-D 退出。",
        "console_buttons": "按钮（输入编号）：",
        "console_no_button": "没有编号为 {n} 的按钮。",
        "console_button_shows_only": "按钮 {n}（{label}）只是显示，按下不做别的。",
        "forget_prompt": "确定要删除 newsbot 保存的关于这个聊天的全部信息吗？",
        "forget_prompt_items": "包括：语言和时区设置、全部订阅、摘要推送记录、最近的搜索记录、接着问时所指的话题。删除后无法恢复。",
        "forget_yes": "确认删除",
        "forget_no": "取消",
        "forget_done_title": "已删除 newsbot 保存的关于这个聊天的全部信息：",
        "forget_done_chat": "语言和时区设置：{count} 条",
        "forget_done_subscriptions": "订阅：{count} 个",
        "forget_done_deliveries": "摘要推送记录：{count} 条（其中文章记录 {items} 条）",
        "forget_done_seen": "/digest 已列过的文章记录：{count} 条",
        "forget_done_queries": "最近的搜索：{count} 条",
        "forget_done_topic": "接着问时所指的话题：{count} 个",
        "forget_done_footer": "newsbot 现在不再保存关于你的任何信息。以后再发消息，就像第一次见面。",
        "forget_nothing": "newsbot 没有保存关于这个聊天的任何信息，没有需要删除的内容。",
        "forget_cancelled": "已取消，什么都没有删除。",
        "forget_deleted_notice": "已删除",
        "forget_cancelled_notice": "已取消",
        "forget_superseded": "这个确认已经过期（你后来又发了 /forget），请使用最新的那条消息。",
        "forget_expired": "这个确认已经过期了。如需删除数据，请重新发送 /forget。",
        "forget_already": "这个确认已经处理过了。",
        "forget_not_yours": "只有发送 /forget 的人才能确认。",
        "needs_chat": "/{name} 需要在聊天里使用。",
        "intent_greeting": "你好！我是 newsbot，帮你查本地新闻。直接发关键词或问题给我就行，比如「{example_keyword}」或「{example_question}」。",
        "intent_thanks": "不客气！还想查什么，直接发给我就好。",
        "intent_acknowledgement": "好的！还想查什么，直接发关键词或问题给我就行。",
        "intent_identity": "我是 newsbot，一个查新闻的机器人：发关键词或问题给我，我从已收录的报道里找答案；/subscribe 还可以每天给你推送摘要。",
        "intent_identity_read": "我是 newsbot，一个查新闻的机器人：发关键词或问题给我，我从已收录的报道里找答案；/subscribe 关键词 订阅后，/digest 随时列出新文章。",
        "intent_presence": "在的！直接发关键词或问题给我就行。",
        "intent_goodbye": "再见！想看新闻的时候随时找我。",
        "intent_help": "直接发关键词（{example_keyword}）、问题（{example_question}）或日期（昨天有什么新闻）给我就能搜索；/latest 看最新文章，/subscribe 订阅每日摘要，/help 查看全部命令。",
        "intent_help_read": "直接发关键词（{example_keyword}）、问题（{example_question}）或日期（昨天有什么新闻）给我就能搜索；/latest 看最新文章，/subscribe 关键词 订阅、/digest 看订阅的新文章，/help 查看全部命令。",
        "intent_howto_subscribe": "发送 /subscribe 就能订阅每日新闻摘要（默认每天 08:00）。可以加时间和关键词，例如：/subscribe 8:00 二七区，或 /subscribe 晚上8点半 教育。/subscriptions 查看已有订阅。",
        "intent_howto_subscribe_read": "发送 /subscribe 加关键词就能订阅，例如 /subscribe 二七区 教育；只发 /subscribe 就是全部新闻。这里不会定时推送：随时发 /digest 看订阅的新文章。/subscriptions 查看已有订阅。",
        "intent_howto_unsubscribe": "发送 /unsubscribe 取消订阅（有多个订阅时会让你选择），/unsubscribe all 全部取消；/subscriptions 查看订阅编号。",
        "intent_howto_search": '直接发关键词就能搜索，几个词用空格隔开表示都要有；「A OR B」或「A 或 B」表示任意一个；-词 排除这个词；用引号 "…" 搜整个短语；也可以带日期，如「{example_day} {example_keyword}」「昨天有什么新闻」。',
        "intent_coverage": "我收录了 {articles} 篇文章，日期从 {first} 到 {last}。发关键词或问题就能搜索，/latest 看最新的。",
        "intent_clock": "现在是 {date} {weekday} {time}（{zone}）。想看今天的新闻，发「今天的新闻」。",
        "intent_coverage_empty": "我现在还没有收录文章。",
        "note_corrected": "已为你搜索「{new}」（原词「{old}」）",
        "note_name_read": "「{name}」也按「{printed}」搜索",
        "note_dropped": "没有文章包含全部词语，已去掉：{words}",
        "note_any_word": "没有文章同时包含所有词语，以下文章包含其中一部分",
        "note_date_dropped": "所说的时间里没有相关文章，以下是其他时间的结果",
        "note_no_such_date": "日历上没有「{date}」这一天，已按文字搜索",
        "note_picked_day": "「{words}」按最近的一天算：{day}",
        "follow_up_read_as": "接着上一条：{topic}",
        "follow_up_no_topic": "你问的是哪件事？请带上要找的内容再问一次，比如「{example_follow_up}」。",
        "date_none": "{when} 没有新闻。最近有新闻的一天是 {day}：",
        "date_none_at_all": "{when} 没有新闻，也没有更早的新闻。",
        "date_in_future": "「{when}」还没到，还没有那天的新闻；可以问今天或过去的新闻，例如：昨天有什么新闻",
        "stats_articles": "文章数",
        "stats_sources": "来源",
        "stats_dates": "有文章的日期",
        "stats_undated": "无日期的文章",
        "stats_first_date": "最早日期",
        "stats_last_date": "最新日期",
        "stats_days": "{count} 天",
        "feed_address": "它的摘要也在这个私人地址，随时是最新的：打开或收藏它，也可以用 RSS 阅读器订阅"
        "（请勿分享，/unsubscribe 后失效）：",
        "read_digest_nothing_new": "自上次 /digest 以来没有新的文章。",
        "web_feeds_title": "各订阅的私人摘要地址（随时是最新的；打开或收藏，也可以用 RSS 阅读器订阅）：",
        "feed_digest_address": "订阅 #{id} 的摘要随时在这个私人地址（请勿分享，/unsubscribe 后失效）：",
        "web_slow_down": "发得太快了，请过 {seconds} 秒再试。",
        "web_title": "newsbot · 本地新闻",
        "web_placeholder": "输入关键词或问题，回车发送",
        "web_send": "发送",
        "web_waiting": "正在查找…",
        "web_button_previous": "上一页",
        "web_button_next": "下一页",
        "button_page_counter": "第 {page} 页，共 {pages} 页",
        "web_button_read": "阅读第 {number} 篇全文",
        "web_back": "← 返回聊天",
        "web_feed_page_note": "这是你的私人订阅源，请勿分享（/unsubscribe 后失效）。把这个地址添加到 RSS 阅读器，"
        "新文章会自动送到；也可以收藏本页，随时打开看最新的文章：",
        "web_feed_page_empty": "还没有符合这个订阅的文章；有了会列在这里。",
        "web_feed_new": "新",
        "web_feed_new_note": "标着「新」的 {count} 篇是你上次 /digest 以来的新文章（下次 /digest 会列出它们）。",
        "web_noscript": "这个聊天页面需要启用 JavaScript。",
        "web_source": "原文链接",
        "web_not_found": "没有找到这篇文章。",
        "web_no_page": "没有这个页面。",
        "web_no_feed": "没有这个订阅地址，或它已经失效（订阅取消后失效）。回到聊天发 /subscriptions 查看你的订阅。",
        "web_unreachable": "连不上服务器，消息没有发出去。请检查网络，稍后再试。",
        "web_cross_site": "拒绝了来自其他网站的请求。",
        "web_send_json": "请用 JSON 发送（Content-Type: application/json）。",
        "web_not_json": "请求的内容不是 JSON。",
        "web_not_object": "请求的内容应是一个 JSON 对象。",
        "web_text_required": "请写上要发送的文字（text）。",
        "web_text_too_long": "消息太长了，最多 {limit} 个字。",
        "web_box_cut": "输入框最多放 {limit} 个字，多出的部分没有放进来；搜索只用前 {query_limit} 个字。",
        "web_search_flag": "search 只能是 true 或 false。",
        "web_page_field": 'page 只能和 search 一起用，写成字符串（"2"）。',
        "web_bad_page": "链接里的页码「{page}」不是有效的页码（要从 1 起的数字），下面是第 1 页。",
        "web_page_past_end": "没有第 {page} 页了，下面是第 1 页。",
        "web_data_required": "缺少按钮数据 data（1–64 字节）。",
        "web_too_large": "请求太大了。",
        "web_no_route": "没有这个接口。",
        "web_method": "这个地址不接受 {method} 请求。",
        "wechat_other": "目前只能读文字：发关键词或问题（比如「{example_keyword}」「{example_question}」）查新闻，发 /help 看全部命令。",
        "wechat_slow": "这次查询用时较长，请过几秒再发一次。",
        "wechat_more": "更多结果：发送「下一页」，或打开 {url}",
        "wechat_more_typed": "更多结果：发送「下一页」",
        "wechat_latest_more": "更早的文章：{command}",
        "wechat_latest_cut": "另有 {count} 篇放不下这条微信消息：{links}",
        "wechat_subs_more": "另有 {count} 个订阅放不下这条微信消息：它们的编号在下面的订阅源里，用 /digest 编号 查看其中一个。",
        "wechat_full": "全文：{url}",
        "wechat_forget_confirm": "要删除 newsbot 保存的关于你的全部信息（语言和时区设置、订阅和它们的订阅源、/digest 已列过的文章、最近的搜索、接着问时所指的话题），请回复：确认（或发送 /forget 确认）；回复“取消”则什么都不删。",
        "wechat_no_buttons": "（公众号里没有按钮：打开上面的链接阅读）",
    },
    "en": {
        "welcome": "Hello, {name}! I am newsbot: I find local news for you.",
        "welcome_examples": "Just send me words or a question, for example:",
        "welcome_more": "Send /help for all commands.",
        "help_title": "newsbot commands:",
        "help_footer_telegram": (
            "In a private chat just send text to search or ask; in groups use commands, "
            "or reply to me or mention me."
        ),
        "help_footer_console": "Just type words or a question to search or ask; Ctrl-D quits. The terminal "
        "gets no scheduled digests: /digest lists your subscriptions' new stories any time.",
        "help_footer_web": "Type words or a question in the box to search or ask. Nothing is pushed here: "
        "subscribing gives you a private digest address (open or bookmark it, or add it to a feed reader); "
        "/digest shows what is new any time.",
        "help_footer_wechat": "Send words or a question to search or ask. Nothing is pushed here: subscribing "
        "gives you a private digest address, /digest shows what is new any time; to delete your data send "
        "/forget confirm.",
        "search_usage": "Write what to look for after the command, e.g. /search {example_keyword}",
        "empty_query": "Tell me what to look for, e.g. {example_keyword}",
        "next_page_none": "There are no results to page through yet. Send some words or a question first, "
        "e.g. {example_keyword}",
        "next_page_end": "That was the last page of the results for “{query}”.",
        "results_nothing": "Nothing was found for “{query}”: there are no pages or results to open. Try other words?",
        "page_first": "That is already the first page of the results for “{query}”.",
        "page_past_end": "The results for “{query}” end on page {pages}.",
        "page_zero": "There is no page 0: pages count from 1; send “page 1” for the first.",
        "subscribe_in_words": "To subscribe to news about “{words}”, send: /subscribe {words}",
        "subscription_number_zero": "Subscriptions are numbered from 1: /subscriptions lists yours with their numbers.",
        "subscription_by_number": "Subscription {number}: send /digest {number} for its new articles, /unsubscribe {number} to cancel it; /subscriptions lists all yours with their numbers.",
        "result_none": "There are no results to open yet. Send some words or a question first, then “第2篇” "
        "opens one of them, e.g. {example_keyword}",
        "result_past_end": "The results for “{query}” are {total}; there is no number {number}.",
        "result_past_end_latest": "The latest articles have no number {number}.",
        "result_past_end_digest": "The digest just shown listed {total}; there is no number {number}.",
        "digest_rest": "That digest left some of your subscriptions' new articles out: send {commands} for them.",
        "digest_rest_sep": " or ",
        "digest_no_next_page": "A digest has no next page: it lists your subscriptions' new articles (the "
        "/digest N it names lists all of one subscription's). For more, send some words to search, e.g. "
        "{example_keyword}",
        "result_zero": "There is no number 0: results count from 1; send “第1篇” to open the first.",
        "link_not_stored": "The article at this link is not among the news newsbot holds (newsbot opens no web "
        "pages; it searches the stories it has). Send the article's title or a few of its words, e.g. {example_keyword}",
        "search_only_excluded": "A search needs a word to find; words after a minus or NOT are left out, "
        "e.g. {example_keyword} -郑州",
        "query_truncated": "(query too long: only the first {limit} characters were used)",
        "several_questions": "You asked {count} questions at once; this answers the first only. To ask the "
        "next, send it on its own: {next}",
        "several_questions_at_least": "You asked at least {count} questions at once; this answers the first "
        "only. To ask the next, send it on its own: {next}",
        "no_results": "Nothing found for “{query}”. Try other words?",
        "no_results_any": "No article has any of the words of “{query}”. Try other words?",
        "no_results_in_chinese": "The news here is in Chinese: search with Chinese words, e.g. 疫情 (epidemic), "
        "经济 (economy), 教育 (education).",
        "results_header": "“{query}”: {total} found, page {page}/{pages}",
        "answer_label": "Answer",
        "answer_source": "Source: “{title}”",
        "read_more": "Full text:",
        "inferred_title": "(no printed headline; title taken from the lead)",
        "page_label": "page {page}/{pages}",
        "same_page": "You are already on this page",
        "stale_button": "This button has expired; please search again.",
        "opening_article": "Opening the article…",
        "article_usage": "Usage: /article NUMBER, e.g. /article 1",
        "article_bad_id": "“{arg}” is not an article number; use digits, e.g. /article 1",
        "article_too_many": "At most {count} articles open at once; the others: {rest}",
        "article_not_found": "There is no article number {id}. Send /latest for the latest ones.",
        "article_id_label": "No. {id}",
        "date_unknown": "date unknown",
        "part_label": "({part}/{parts})",
        "latest_header": "Latest articles:",
        "latest_header_page": "Latest articles (page {page}):",
        "latest_end": "There are no older articles.",
        "latest_first": "That is already the first page of the latest articles.",
        "latest_bad_page": "“{arg}” is not a page number; use digits from 1, e.g. /latest 2",
        "latest_empty": "No articles yet.",
        "stats_denied": "This command is for admins only.",
        "group_admins_only": "In a group, only its administrators can use /{name}.",
        "stats_header": "newsbot statistics",
        "sources_header": "News sources",
        "sources_none": "No web sources yet. On the server, run: newsbot sources add URL",
        "also_in": "Also in: {sources}",
        "also_sep": ", ",
        "unknown_command": "I don't know the command /{name}. Send /help for the commands I know.",
        "flood_wait": "You are searching very fast; please wait {seconds} seconds.",
        "error": "Sorry, something went wrong with your message; please try again later.",
        "busy": "The database is busy and your command was not carried out; please try again in a few seconds.",
        "admin_error": "Error while handling an update: {error}",
        "inline_nothing": "No matching articles",
        "inline_nothing_hint": "Try other words",
        "inline_read": "Read the full text in newsbot",
        "console_hello": (
            "newsbot console chat. Type words or a question to search, /help for commands, "
            "a number to press a button, Ctrl-D to quit."
        ),
        "console_buttons": "Buttons (type the number):",
        "console_no_button": "There is no button number {n}.",
        "console_button_shows_only": "Button {n} ({label}) only shows something; pressing it does nothing.",
        "forget_prompt": "Delete everything newsbot keeps about this chat?",
        "forget_prompt_items": (
            "That is: language and timezone settings, all subscriptions, digest delivery records, "
            "recent searches and the topic a follow-up refers to. This cannot be undone."
        ),
        "forget_yes": "Delete",
        "forget_no": "Cancel",
        "forget_done_title": "Deleted everything newsbot kept about this chat:",
        "forget_done_chat": "language and timezone settings: {count}",
        "forget_done_subscriptions": "subscriptions: {count}",
        "forget_done_deliveries": "digest delivery records: {count} (covering {items} articles)",
        "forget_done_seen": "articles /digest has listed as new: {count}",
        "forget_done_queries": "recent searches: {count}",
        "forget_done_topic": "topics a follow-up refers to: {count}",
        "forget_done_footer": (
            "newsbot keeps nothing about you now. If you write again, it starts afresh as on the first day."
        ),
        "forget_nothing": "newsbot keeps nothing about this chat; there was nothing to delete.",
        "forget_cancelled": "Cancelled; nothing was deleted.",
        "forget_deleted_notice": "Deleted",
        "forget_cancelled_notice": "Cancelled",
        "forget_superseded": "This confirmation has expired (you sent /forget again): use the latest one.",
        "forget_expired": "This confirmation has expired. To delete your data, send /forget again.",
        "forget_already": "This confirmation has already been handled.",
        "forget_not_yours": "Only the person who sent /forget can confirm it.",
        "needs_chat": "/{name} works inside a chat.",
        "intent_greeting": "Hello! I am newsbot: I look up local news. Just send me words or a question, e.g. {example_keyword} or {example_question}",
        "intent_thanks": "You're welcome! Send me anything else you want to look up.",
        "intent_acknowledgement": "OK! Send me words or a question whenever you want to look something up.",
        "intent_identity": "I am newsbot, a news search bot: send me words or a question and I find the answer in the stories I hold; /subscribe gets you a daily digest.",
        "intent_identity_read": "I am newsbot, a news search bot: send me words or a question and I find the answer in the stories I hold; subscribe to words with /subscribe, and /digest lists what is new any time.",
        "intent_presence": "I'm here! Send me words or a question.",
        "intent_goodbye": "Goodbye! Come back whenever you want the news.",
        "intent_help": "Send words ({example_keyword}), a question ({example_question}) or a day (昨天有什么新闻) to search; /latest shows the newest stories, /subscribe a daily digest, /help every command.",
        "intent_help_read": "Send words ({example_keyword}), a question ({example_question}) or a day (昨天有什么新闻) to search; /latest shows the newest stories, /subscribe subscribes to words and /digest lists what is new, /help every command.",
        "intent_howto_subscribe": "Send /subscribe for a daily news digest (08:00 unless you say otherwise). Add a time and words if you like: /subscribe 8:00 二七区 or /subscribe 8:30pm 教育. /subscriptions lists yours.",
        "intent_howto_subscribe_read": "Send /subscribe with words to subscribe, e.g. /subscribe 二七区 教育; /subscribe alone is all news. Nothing is pushed here: send /digest any time for your subscriptions' new stories. /subscriptions lists yours.",
        "intent_howto_unsubscribe": "Send /unsubscribe to stop a digest (you choose when you have several), /unsubscribe all to stop them all; /subscriptions shows their numbers.",
        "intent_howto_search": 'Send words to search; several words must all appear; "A OR B" finds either; -word leaves a word out; quotes "…" find a whole phrase; add a day if you like: {example_day} {example_keyword}, or yesterday\'s news.',
        "intent_coverage": "I hold {articles} stories, dated {first} to {last}. Send words or a question to search, /latest for the newest.",
        "intent_clock": "It is {time} on {weekday}, {date} ({zone}). For today's news, send “today's news”.",
        "intent_coverage_empty": "I hold no stories yet.",
        "note_corrected": "Searched for “{new}” instead of “{old}”",
        "note_name_read": "Also searched “{name}” as “{printed}”",
        "note_dropped": "No story has all the words; left out: {words}",
        "note_any_word": "No story has all the words; these have some of them",
        "note_date_dropped": "Nothing from that time; these are from other days",
        "note_no_such_date": "There is no such day as “{date}” in the calendar: searched as words",
        "note_picked_day": "“{words}” read as the latest such day: {day}",
        "follow_up_read_as": "Following on from the last search: {topic}",
        "follow_up_no_topic": "Which story do you mean? Please ask again with what to look for, e.g. “{example_follow_up}”.",
        "date_none": "No news on {when}. The latest day with news is {day}:",
        "date_none_at_all": "No news on {when}, nor before.",
        "date_in_future": "“{when}” has not come yet, so there is no news from it; ask for today's or an "
        "earlier day's news, e.g. yesterday's news.",
        "stats_articles": "articles",
        "stats_sources": "sources",
        "stats_dates": "days with articles",
        "stats_undated": "undated articles",
        "stats_first_date": "first date",
        "stats_last_date": "last date",
        "stats_days": "{count} days",
        "feed_address": "Its digest is also at this private address, always current: open or bookmark it, "
        "or add it to a feed reader (keep it to yourself; /unsubscribe revokes it):",
        "read_digest_nothing_new": "Nothing new since your last /digest.",
        "web_feeds_title": "Each subscription's private digest address (always current; open or bookmark it, "
        "or add it to a feed reader):",
        "feed_digest_address": "Subscription #{id}'s digest is always at this private address (keep it to "
        "yourself; /unsubscribe revokes it):",
        "web_slow_down": "Too fast: please wait {seconds} s and try again.",
        "web_title": "newsbot · local news",
        "web_placeholder": "Type words or a question, Enter sends",
        "web_send": "Send",
        "web_waiting": "Looking…",
        "web_button_previous": "Previous page",
        "web_button_next": "Next page",
        "button_page_counter": "Page {page} of {pages}",
        "web_button_read": "Read result {number} in full",
        "web_back": "← Back to the chat",
        "web_feed_page_note": "This is your private feed; keep it to yourself (/unsubscribe revokes it). Add "
        "this address to a feed reader to get new stories as they come, or bookmark this page and open it "
        "for the latest:",
        "web_feed_page_empty": "No story matches this subscription yet; they will be listed here.",
        "web_feed_new": "New",
        "web_feed_new_note": "The {count} marked New came since your last /digest (your next /digest lists them).",
        "web_noscript": "This chat page needs JavaScript.",
        "web_source": "Original",
        "web_not_found": "No such article.",
        "web_no_page": "No such page.",
        "web_no_feed": "No such feed address, or it no longer works (it stops when its subscription is cancelled). "
        "Send /subscriptions in the chat to see your subscriptions.",
        "web_unreachable": "Could not reach the server; the message was not sent. Check the connection and try again.",
        "web_cross_site": "Cross-site request refused.",
        "web_send_json": "Send JSON (Content-Type: application/json).",
        "web_not_json": "The body is not JSON.",
        "web_not_object": "The body must be a JSON object.",
        "web_text_required": "text is required.",
        "web_text_too_long": "The message is too long: at most {limit} characters.",
        "web_box_cut": "The box holds at most {limit} characters; the rest was left out. A search uses only the "
        "first {query_limit}.",
        "web_search_flag": "search must be true or false.",
        "web_page_field": 'page goes only with search, as a string ("2").',
        "web_bad_page": "The link's page “{page}” is not a page number (digits from 1); here is the first page.",
        "web_page_past_end": "There is no page {page}; here is the first page.",
        "web_data_required": "data is required (1-64 bytes).",
        "web_too_large": "The request is too large.",
        "web_no_route": "No such address.",
        "web_method": "This address does not take {method} requests.",
        "wechat_other": "I read text only: send words or a question (e.g. {example_keyword}, {example_question}) to search, /help for the commands.",
        "wechat_slow": "This search is taking a while; please send it again in a few seconds.",
        "wechat_more": "More results: send “next”, or open {url}",
        "wechat_more_typed": "More results: send “next”",
        "wechat_latest_more": "Older articles: {command}",
        "wechat_latest_cut": "Not room enough in this WeChat message for {count} more: {links}",
        "wechat_subs_more": "Not room enough in one WeChat message for {count} more subscription(s): their numbers "
        "are with the feeds below; see one with /digest N.",
        "wechat_full": "Full text: {url}",
        "wechat_forget_confirm": "To delete everything newsbot keeps about you (language and timezone settings, subscriptions and their feeds, the articles /digest has listed, recent searches, the topic a follow-up refers to), reply: confirm (or send /forget confirm); reply cancel to keep everything.",
        "wechat_no_buttons": "(No buttons here: open the links above)",
    },
}


def lookup(tables: dict[str, dict[str, str]], lang: str, key: str, **values: object) -> str:
    """The template `key` of `tables` in `lang` (falling back to Chinese), filled with `values` as given."""
    table = tables.get(lang, tables[DEFAULT_LANGUAGE])
    return table.get(key, tables[DEFAULT_LANGUAGE][key]).format(**values)


def takes_examples(lang: str, key: str) -> bool:
    """Whether the text `key` names the archive's examples (a field of `EXAMPLE_FIELDS`)."""
    template = TEXTS.get(lang, TEXTS[DEFAULT_LANGUAGE]).get(key, TEXTS[DEFAULT_LANGUAGE][key])
    return any(field in EXAMPLE_FIELDS for _, field, _, _ in Formatter().parse(template))


def text(lang: str, key: str, **values: object) -> str:
    """A template of the chat's own strings (`TEXTS`)."""
    return lookup(TEXTS, lang, key, **values)
