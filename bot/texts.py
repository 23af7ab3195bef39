"""Every user-facing string of the chat side, in Chinese (default) and English.

Templates are plain text with ``str.format`` fields; `bot.replies` escapes the values and adds the
markup (HTML for Telegram, nothing for the console). The command list here is the single source for
the Telegram command menu, /help and the README check.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    telegram_only: bool = False  # needs Telegram (chat pushes): the console explains instead


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
        telegram_only=True,
    ),
    _c(
        "unsubscribe",
        "取消订阅",
        "Unsubscribe",
        "取消每日摘要",
        "stop the daily digest",
        telegram_only=True,
    ),
    _c(
        "subscriptions",
        "我的订阅",
        "My subscriptions",
        "查看我的订阅",
        "list my subscriptions",
        telegram_only=True,
    ),
    _c(
        "timezone",
        "设置时区",
        "Set time zone",
        "设置摘要使用的时区，例如 Asia/Shanghai",
        "set the digest time zone, e.g. Europe/London",
        args={"zh": "时区", "en": "zone"},
        telegram_only=True,
    ),
    _c(
        "digest",
        "立即获取摘要",
        "Get a digest now",
        "立即发送一份摘要",
        "send a digest now",
        telegram_only=True,
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
)

COMMANDS_BY_NAME: dict[str, CommandSpec] = {c.name: c for c in COMMANDS}

# Commands whose behaviour belongs to bot/handlers_subscriptions.py (the digest side).
SUBSCRIPTION_COMMANDS = ("subscribe", "unsubscribe", "subscriptions", "timezone", "digest")

EXAMPLES: dict[str, tuple[str, ...]] = {
    "zh": ("保交楼", "谁主持了统战工作会议？", "/latest"),
    "en": ("保交楼", "谁主持了统战工作会议？", "/latest"),
}

TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        "welcome": "你好，{name}！我是 newsbot，帮你查找本地新闻。",
        "welcome_examples": "直接把关键词或问题发给我就行，例如：",
        "welcome_more": "发送 /help 查看全部命令。",
        "help_title": "newsbot 可用命令：",
        "help_footer": "私聊时直接发送文字即可搜索或提问；在群里请使用命令，或回复、提及我。",
        "search_usage": "请在命令后面写上要找的内容，例如：/search 保交楼",
        "empty_query": "请告诉我要找什么，例如：保交楼",
        "query_truncated": "（查询太长，只用了前 {limit} 个字）",
        "no_results": "没有找到与「{query}」相关的文章，换个关键词试试？",
        "results_header": "「{query}」共 {total} 篇，第 {page}/{pages} 页",
        "answer_label": "答案",
        "answer_source": "出处：《{title}》",
        "read_more": "阅读全文：",
        "page_label": "第 {page}/{pages} 页",
        "same_page": "已经是这一页了",
        "stale_button": "这个按钮已经过期了，请重新搜索。",
        "opening_article": "正在打开文章……",
        "article_usage": "用法：/article 文章编号，例如 /article 1",
        "article_bad_id": "「{arg}」不是有效的文章编号，请写数字，例如 /article 1",
        "article_not_found": "没有编号为 {id} 的文章。发送 /latest 查看最新文章。",
        "article_id_label": "编号 {id}",
        "date_unknown": "日期不详",
        "part_label": "（{part}/{parts}）",
        "latest_header": "最新文章：",
        "latest_empty": "还没有文章。",
        "stats_denied": "这个命令只有管理员可以使用。",
        "stats_header": "newsbot 统计",
        "unknown_command": "我不认识 /{name} 这个命令。发送 /help 查看可用的命令。",
        "flood_wait": "你搜索得太快了，请 {seconds} 秒后再试。",
        "error": "抱歉，处理你的消息时出了问题，请稍后再试。",
        "admin_error": "处理更新时出错：{error}",
        "telegram_only": "/{name} 需要在 Telegram 里使用。",
        "subscriptions_unavailable": "订阅功能还在准备中，很快就能用了。",
        "inline_nothing": "没有找到相关文章",
        "inline_nothing_hint": "换个关键词试试",
        "inline_read": "在 newsbot 中阅读全文",
        "console_hello": "newsbot 终端对话。输入关键词或问题搜索，/help 查看命令，按钮用编号选择，Ctrl-D 退出。",
        "console_buttons": "按钮（输入编号）：",
        "console_no_button": "没有编号为 {n} 的按钮。",
    },
    "en": {
        "welcome": "Hello, {name}! I am newsbot: I find local news for you.",
        "welcome_examples": "Just send me words or a question, for example:",
        "welcome_more": "Send /help for all commands.",
        "help_title": "newsbot commands:",
        "help_footer": (
            "In a private chat just send text to search or ask; in groups use commands, "
            "or reply to me or mention me."
        ),
        "search_usage": "Write what to look for after the command, e.g. /search 保交楼",
        "empty_query": "Tell me what to look for, e.g. 保交楼",
        "query_truncated": "(query too long: only the first {limit} characters were used)",
        "no_results": "Nothing found for “{query}”. Try other words?",
        "results_header": "“{query}”: {total} found, page {page}/{pages}",
        "answer_label": "Answer",
        "answer_source": "Source: “{title}”",
        "read_more": "Full text:",
        "page_label": "page {page}/{pages}",
        "same_page": "You are already on this page",
        "stale_button": "This button has expired; please search again.",
        "opening_article": "Opening the article…",
        "article_usage": "Usage: /article NUMBER, e.g. /article 1",
        "article_bad_id": "“{arg}” is not an article number; use digits, e.g. /article 1",
        "article_not_found": "There is no article number {id}. Send /latest for the latest ones.",
        "article_id_label": "No. {id}",
        "date_unknown": "date unknown",
        "part_label": "({part}/{parts})",
        "latest_header": "Latest articles:",
        "latest_empty": "No articles yet.",
        "stats_denied": "This command is for admins only.",
        "stats_header": "newsbot statistics",
        "unknown_command": "I don't know the command /{name}. Send /help for the commands I know.",
        "flood_wait": "You are searching very fast; please wait {seconds} seconds.",
        "error": "Sorry, something went wrong with your message; please try again later.",
        "admin_error": "Error while handling an update: {error}",
        "telegram_only": "/{name} works in Telegram only.",
        "subscriptions_unavailable": "Subscriptions are being prepared and will be available soon.",
        "inline_nothing": "No matching articles",
        "inline_nothing_hint": "Try other words",
        "inline_read": "Read the full text in newsbot",
        "console_hello": (
            "newsbot console chat. Type words or a question to search, /help for commands, "
            "a number to press a button, Ctrl-D to quit."
        ),
        "console_buttons": "Buttons (type the number):",
        "console_no_button": "There is no button number {n}.",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """The template `key` in `lang` (falling back to Chinese), filled with `values` as given."""
    table = TEXTS.get(lang, TEXTS[DEFAULT_LANGUAGE])
    return table.get(key, TEXTS[DEFAULT_LANGUAGE][key]).format(**values)
