"""User-facing strings of subscriptions and digests, Chinese first, English for English-speaking users.

Values are plain text templates (``str.format``); callers escape what they insert for HTML.
"""

from __future__ import annotations

from bot.chat.texts import lookup

ZH = "zh"
EN = "en"

TEXTS: dict[str, dict[str, str]] = {
    ZH: {
        "digest_title": "📰 新闻摘要 · {date}",
        "digest_keywords": "关键词：{keywords}",
        "digest_count": "共 {total} 篇新文章",
        "digest_count_one": "共 1 篇新文章",
        "digest_count_latest": "已收录的最新 {total} 篇文章",
        "digest_count_latest_one": "已收录的最新 1 篇文章",
        "digest_count_next": "下一份摘要将有 {total} 篇文章",
        "digest_count_next_one": "下一份摘要将有 1 篇文章",
        "digest_count_next_capped": "下一份摘要将有 {total} 篇文章，这里是最新的 {shown} 篇",
        "digest_count_capped": "共 {total} 篇新文章，这里是最新的 {shown} 篇",
        "digest_more": "还有 {rest} 篇，可用 {command} 查看。",
        "digest_nothing": "今天没有新的文章。",
        "digest_nothing_next": "下一份摘要暂时没有新的文章。",
        "digest_undated": "日期不详",
        "digest_preview_note": "（预览，不影响定时推送）",
        "digest_listed_elsewhere": "另有 {count} 篇符合的文章已在你的其他摘要里，这里不再重复。",
        "digest_preview_none": "还没有订阅。先看看最新的文章：",
        "digest_preview_no_articles": "还没有订阅，也还没有收录任何文章。",
        "digest_preview_hint": "用 /subscribe 订阅每日摘要，例如 /subscribe 8:00 二七区",
        "digest_preview_more": "另有 {count} 个订阅没有预览。预览其中一个：/digest 编号，例如 /digest {id}",
        "digest_bad_arg": "看不懂「{value}」。用法：/digest 预览你的订阅，/digest 编号 预览其中一个，例如 /digest 3",
        "digest_time": "/digest 只是预览摘要，不设时间。想每天 {time} 收到摘要，请发 /subscribe {time}",
        "digest_open": "{n}. {title}",
        "sub_created": "已订阅：每天 {time}（{timezone}）推送{what}。订阅编号 {id}。\n下一次推送：{next}。",
        "sub_moved": "已把订阅 #{id}（{what}）从每天 {old} 改到每天 {time}（{timezone}）；已推送过的文章不会再推送。"
        "\n下一次推送：{next}。",
        # Where the chat reads its subscriptions (the web page, WeChat, the terminal): nothing comes at a time.
        "read_sub_created": "已订阅 #{id}：{what}。这里不会定时推送：随时发 /digest 看它的新文章。",
        "read_sub_exists": "你已经订阅了{what}（#{id}）。随时发 /digest 看它的新文章；/subscriptions 查看全部订阅。",
        "read_time_unused": "时间 {time} 在这里不起作用：订阅只看关键词。",
        "read_sub_list_title": "你的订阅：",
        "read_sub_list_item": "#{id} · {what}",
        "read_sub_list_empty": "你还没有订阅。用 /subscribe 加关键词订阅，例如 /subscribe 二七区 教育；只发 /subscribe 就是全部新闻。",
        "read_unsub_button": "取消 #{id} {what}",
        "read_digest_time": "这里不会定时推送，/digest 不用写时间：只发 /digest，就列出你的订阅自上次以来的新文章。",
        "read_digest_bad_arg": "看不懂「{value}」。用法：/digest 列出你的订阅的新文章，/digest 编号 只看其中一个，例如 /digest 3",
        "read_digest_more": "另有 {count} 个订阅没有列出。看其中一个：/digest 编号，例如 /digest {id}",
        "read_digest_more_quiet": "还有 {count} 个订阅自上次 /digest 以来没有新的文章。",
        "read_digest_hint": "用 /subscribe 订阅关键词，例如 /subscribe 二七区；之后发 /digest 就能看它的新文章。",
        "read_err_too_many_keywords": "关键词太多了（{value} 个），最多 10 个。例如 /subscribe 二七区 教育",
        "read_err_keyword_unsearchable": "关键词「{value}」里没有可以搜索的字（汉字、字母或数字）。例如 /subscribe 二七区",
        "read_err_keyword_link": "「{value}」是网址：订阅按新闻里的词找文章，不订阅网站。请写想看的新闻里的词，例如 /subscribe 二七区",
        "read_err_keywords_operators_only": "「{value}」只用来连接或排除关键词，本身不是关键词。例如 /subscribe 二七区 OR 保交楼",
        "read_err_keywords_all_excluded": "「{value}」把你要的关键词也排除了，这个订阅永远不会有文章。去掉它，或换个关键词，例如 /subscribe 二七区 -保交楼",
        "read_lang_set": "好的，以后用中文回复。换成英文：/lang en",
        "digest_more_next": "还有 {rest} 篇新文章，发 {command} 接着看。",
        "sub_exists": "你已经有这个订阅了（#{id}，每天 {time}）。用 /subscriptions 查看全部订阅。",
        "sub_what_all": "全部新闻",
        "sub_what_keywords": "与「{keywords}」相关的新闻",
        "sub_list_title": "你的订阅（时区 {timezone}）：",
        "sub_list_item": "#{id} · 每天 {time} · {what}",
        "sub_list_empty": "你还没有订阅。用 /subscribe 8:00 订阅每日摘要，也可加关键词：/subscribe 8:00 二七区 教育",
        "sub_list_footer": "取消订阅：/unsubscribe 编号，或 /unsubscribe all 全部取消。",
        "sub_paused": "（推送已暂停：{reason}）",
        "unsub_done": "已取消订阅 #{id}。",
        "unsub_done_named": "已取消订阅 #{id}：{what}。",
        "unsub_done_many": "已取消订阅 {ids}。",
        "unsub_renumbered": "其余订阅的编号变了：{moves}。",
        "unsub_renumbered_item": "{what} 现在是 #{id}（原 #{was}）",
        "unsub_renumbered_sep": "；",
        "unsub_all_done": "已取消全部 {count} 个订阅。",
        "unsub_all_done_one": "已取消全部 1 个订阅。",
        "unsub_none": "你没有订阅，无需取消。",
        "unsub_not_found": "没有找到编号为 {value} 的订阅。用 /subscriptions 查看你的订阅编号。",
        "unsub_not_found_many": "没有找到订阅 {ids}。用 /subscriptions 查看你的订阅编号。",
        "unsub_choose": "你有多个订阅，请选择要取消的：",
        "unsub_button": "取消 #{id} {time} {what}",
        "unsub_all_button": "全部取消",
        "unsub_bad_arg": "看不懂「{value}」。用法：/unsubscribe 编号或关键词，例如 /unsubscribe 3、/unsubscribe 保交楼；或 /unsubscribe all 全部取消。",
        "unsub_no_keywords": "没有关键词是「{value}」的订阅。发 /subscriptions 查看你的订阅；/unsubscribe 编号或关键词取消其中一个。",
        "tz_current": "当前时区：{timezone}（现在是 {now}）。\n修改时区：/timezone 地区/城市，例如 /timezone Asia/Shanghai、/timezone 北京时间 或 /timezone UTC+8",
        "tz_set": "时区已设为 {timezone}，现在当地时间 {now}。订阅的推送时间按新时区计算。",
        "tz_set_no_push": "时区已设为 {timezone}，现在当地时间 {now}。「今天」「昨天」等日期按这个时区计算。",
        "tz_next_digests": "下一次推送：{next}。",
        "lang_current": "当前语言：中文。\n换成英文：/lang en（换回中文：/lang zh；跟随设备语言：/lang auto）",
        "lang_auto": "好的，以后跟随你的设备或消息的语言回复。",
        "lang_set": "好的，以后用中文回复，每日摘要也用中文。换成英文：/lang en",
        "err_bad_lang": "不认识语言「{value}」。可以选 /lang zh（中文）、/lang en（English）或 /lang auto（跟随设备）",
        "err_two_times": "一个订阅只有一个时间，「{value}」是第二个。想在两个时间收到，请订阅两次，例如 /subscribe 8:00 二七区 和 /subscribe 20:00 二七区",
        "err_bad_time": "「{value}」不是有效的时间。可以写 8:00、21:30、8点、早上8点、晚上8点半，例如 /subscribe 8:00 或 /subscribe 晚上8点半 二七区",
        "err_bad_time_close": "「{value}」不是有效的时间：一天从 00:00 开始，午夜请写 {suggestion}（或 晚上12点），例如 /subscribe {suggestion}",
        "err_too_many_keywords": "关键词太多了（{value} 个），最多 10 个。例如 /subscribe 8:00 二七区 教育",
        "err_keyword_too_long": "关键词「{value}」太长了，最多 30 个字。",
        "err_keyword_unsearchable": "关键词「{value}」里没有可以搜索的字（汉字、字母或数字）。例如 /subscribe 8:00 二七区",
        "err_keyword_link": "「{value}」是网址：订阅按新闻里的词找文章，不订阅网站。请写想看的新闻里的词，例如 /subscribe 8:00 二七区",
        "err_keywords_operators_only": "「{value}」只用来连接或排除关键词，本身不是关键词。例如 /subscribe 8:00 二七区 OR 保交楼",
        "err_keywords_all_excluded": "「{value}」把你要的关键词也排除了，这个订阅永远收不到文章。去掉它，或换个关键词，例如 /subscribe 8:00 二七区 -保交楼",
        "err_bad_timezone": "不认识时区「{value}」。请写 IANA 名称「地区/城市」或与 UTC 的时差，例如 /timezone Asia/Shanghai、/timezone 北京时间 或 /timezone UTC+8",
        "err_bad_timezone_close": "不认识时区「{value}」，是不是 {suggestion}？发送 /timezone {suggestion}",
        "err_missing_timezone": "请写上时区，例如 /timezone Asia/Shanghai",
        "err_too_many_subs": "订阅数量已达上限（{limit} 个）。请先用 /unsubscribe 取消一些。",
        "what_all": "全部新闻",
        "keyword_sep": "、",
        "keywords_without": "（不含：{words}）",
        "keywords_gap": "",
        "digest_also": "另见：{sources}",
    },
    EN: {
        "digest_title": "📰 News digest · {date}",
        "digest_keywords": "Keywords: {keywords}",
        "digest_count": "{total} new articles",
        "digest_count_one": "1 new article",
        "digest_count_latest": "The latest {total} stored articles",
        "digest_count_latest_one": "The latest stored article",
        "digest_count_next": "Your next digest would have {total} articles",
        "digest_count_next_one": "Your next digest would have 1 article",
        "digest_count_next_capped": "Your next digest would have {total} articles, the newest {shown} below",
        "digest_count_capped": "{total} new articles, the newest {shown} below",
        "digest_more": "{rest} more: use {command} to see them.",
        "digest_nothing": "No new articles today.",
        "digest_nothing_next": "Your next digest has no new articles so far.",
        "digest_undated": "date unknown",  # as search results say it
        "digest_preview_note": "(preview; the scheduled digest is not affected)",
        "digest_listed_elsewhere": "{count} more matching article(s) are in your other digests and are not repeated here.",
        "digest_preview_none": "No subscriptions yet. Here are the latest articles:",
        "digest_preview_no_articles": "No subscriptions yet, and no articles stored yet.",
        "digest_preview_hint": "Subscribe to a daily digest with /subscribe, e.g. /subscribe 8:00 二七区",
        "digest_preview_more": "{count} more subscription(s) not previewed. Preview one with /digest N, e.g. "
        "/digest {id}",
        "digest_time": "/digest only previews a digest; it sets no time. For a daily digest at {time}, send "
        "/subscribe {time}",
        "digest_bad_arg": "I don't understand \u201c{value}\u201d. Usage: /digest previews your subscriptions, "
        "/digest N one of them (e.g. /digest 3).",
        "digest_open": "{n}. {title}",
        "sub_created": "Subscribed: every day at {time} ({timezone}), {what}. Subscription #{id}.\nNext digest: {next}.",
        "sub_moved": "Subscription #{id} ({what}) moved from {old} to {time} daily ({timezone}); articles it "
        "already brought will not come again.\nNext digest: {next}.",
        "read_sub_created": "Subscribed (#{id}): {what}. Nothing is pushed here: send /digest any time for its "
        "new stories.",
        "read_sub_exists": "You already subscribe to {what} (#{id}). Send /digest any time for its new stories; "
        "/subscriptions lists them all.",
        "read_time_unused": "The time {time} does nothing here: a subscription is its keywords.",
        "read_sub_list_title": "Your subscriptions:",
        "read_sub_list_item": "#{id} · {what}",
        "read_sub_list_empty": "No subscriptions yet. Subscribe to keywords with /subscribe, e.g. /subscribe 二七区 "
        "教育; /subscribe alone is all news.",
        "read_unsub_button": "Cancel #{id} {what}",
        "read_digest_time": "Nothing is pushed here, so /digest takes no time: /digest alone lists your "
        "subscriptions' stories new since the last one.",
        "read_digest_bad_arg": "I don't understand \u201c{value}\u201d. Usage: /digest lists your subscriptions' new "
        "stories, /digest N one of them (e.g. /digest 3).",
        "read_digest_more": "{count} more subscription(s) not listed. See one with /digest N, e.g. /digest {id}",
        "read_digest_more_quiet": "{count} more subscription(s) with no new stories since the last /digest.",
        "read_digest_hint": "Subscribe to keywords with /subscribe, e.g. /subscribe 二七区; then /digest lists its "
        "new stories.",
        "read_err_too_many_keywords": "Too many keywords ({value}); at most 10. E.g. /subscribe 二七区 教育",
        "read_err_keyword_unsearchable": "The keyword \u201c{value}\u201d has nothing to search for (no letters, "
        "digits or Han characters). E.g. /subscribe 二七区",
        "read_err_keyword_link": "\u201c{value}\u201d is a web address: a subscription follows words in the news, "
        "not a website. Write words the stories you want hold, e.g. /subscribe 二七区",
        "read_err_keywords_operators_only": "\u201c{value}\u201d only joins or excludes keywords; it is no keyword "
        "itself. E.g. /subscribe 二七区 OR 保交楼",
        "read_err_keywords_all_excluded": "\u201c{value}\u201d excludes the keywords you ask for, so this "
        "subscription would never have an article. Drop it, or choose other keywords, e.g. /subscribe 二七区 -保交楼",
        "read_lang_set": "OK, replies will be in English from now on. 换成中文：/lang zh",
        "digest_more_next": "{rest} more new: send {command} for them.",
        "sub_exists": "You already have this subscription (#{id}, daily at {time}). See all with /subscriptions.",
        "sub_what_all": "all news",
        "sub_what_keywords": "news about {keywords}",
        "sub_list_title": "Your subscriptions (timezone {timezone}):",
        "sub_list_item": "#{id} · daily at {time} · {what}",
        "sub_list_empty": "No subscriptions yet. Use /subscribe 8:00 for a daily digest, optionally with keywords: "
        "/subscribe 8:00 二七区",
        "sub_list_footer": "To cancel: /unsubscribe N, or /unsubscribe all.",
        "sub_paused": "(digests paused: {reason})",
        "unsub_done": "Subscription #{id} cancelled.",
        "unsub_done_named": "Subscription #{id} cancelled: {what}.",
        "unsub_done_many": "Subscriptions {ids} cancelled.",
        "unsub_renumbered": "Your other subscriptions' numbers moved: {moves}.",
        "unsub_renumbered_item": "{what} is now #{id} (was #{was})",
        "unsub_renumbered_sep": "; ",
        "unsub_all_done": "All {count} subscriptions cancelled.",
        "unsub_all_done_one": "Your one subscription is cancelled.",
        "unsub_none": "You have no subscriptions.",
        "unsub_not_found": "No subscription #{value}. See your ids with /subscriptions.",
        "unsub_not_found_many": "No subscriptions {ids}. See your ids with /subscriptions.",
        "unsub_choose": "You have several subscriptions. Which one should go?",
        "unsub_button": "Cancel #{id} {time} {what}",
        "unsub_all_button": "Cancel all",
        "unsub_bad_arg": "I don't understand \u201c{value}\u201d. Usage: /unsubscribe N or keywords (e.g. "
        "/unsubscribe 3, /unsubscribe 保交楼) or /unsubscribe all.",
        "unsub_no_keywords": "No subscription has the keywords \u201c{value}\u201d. See yours with /subscriptions; "
        "/unsubscribe N or keywords cancels one.",
        "tz_current": "Your timezone: {timezone} (now {now}).\nChange it with /timezone Area/City, e.g. "
        "/timezone Europe/Berlin",
        "tz_set": "Timezone set to {timezone}; local time is {now}. Digest times now follow it.",
        "tz_set_no_push": "Timezone set to {timezone}; local time is {now}. Today, yesterday and other days you "
        "name now follow it.",
        "tz_next_digests": "Next digests: {next}.",
        "lang_current": "Language: English.\nSwitch to Chinese with /lang zh (back to English: /lang en; follow your device: /lang auto)",
        "lang_auto": "OK, replies will follow the language of your device or your messages again.",
        "lang_set": "OK, replies and digests will be in English from now on. 换成中文：/lang zh",
        "err_bad_lang": "Unknown language \u201c{value}\u201d. Choose /lang en (English), /lang zh (中文) or /lang auto (your device's)",
        "err_two_times": "A subscription has one time, and \u201c{value}\u201d is a second one. For two times, "
        "subscribe twice, e.g. /subscribe 8:00 二七区 and /subscribe 20:00 二七区",
        "err_bad_time": "\u201c{value}\u201d is not a valid time. Write e.g. 8:00, 21:30, 8pm or 8:30pm: /subscribe 8:00 or "
        "/subscribe 8:30pm 二七区",
        "err_bad_time_close": "\u201c{value}\u201d is not a valid time: a day starts at 00:00, so midnight is {suggestion} "
        "(or 12am), e.g. /subscribe {suggestion}",
        "err_too_many_keywords": "Too many keywords ({value}); at most 10. E.g. /subscribe 8:00 二七区 教育",
        "err_keyword_too_long": "The keyword \u201c{value}\u201d is too long (30 characters at most).",
        "err_keyword_unsearchable": "The keyword \u201c{value}\u201d has nothing to search for (no letters, digits or "
        "Han characters). E.g. /subscribe 8:00 二七区",
        "err_keyword_link": "\u201c{value}\u201d is a web address: a subscription follows words in the news, "
        "not a website. Write words the stories you want hold, e.g. /subscribe 8:00 二七区",
        "err_keywords_operators_only": "\u201c{value}\u201d only joins or excludes keywords; it is no keyword itself. "
        "E.g. /subscribe 8:00 二七区 OR 保交楼",
        "err_keywords_all_excluded": "\u201c{value}\u201d excludes the keywords you ask for, so this subscription "
        "would never get an article. Drop it, or choose other keywords, e.g. /subscribe 8:00 二七区 -保交楼",
        "err_bad_timezone": "Unknown timezone \u201c{value}\u201d. Use an IANA name Area/City or an offset from UTC, e.g. "
        "/timezone America/New_York or /timezone UTC-5",
        "err_bad_timezone_close": "Unknown timezone \u201c{value}\u201d. Did you mean {suggestion}? Send /timezone "
        "{suggestion}",
        "err_missing_timezone": "Please name a timezone, e.g. /timezone Asia/Shanghai",
        "err_too_many_subs": "You have reached the limit of {limit} subscriptions. Cancel some with /unsubscribe first.",
        "what_all": "all news",
        "keyword_sep": ", ",
        "keywords_without": "(without: {words})",
        "keywords_gap": " ",
        "digest_also": "Also in: {sources}",
    },
}


def text(lang: str, key: str, **values: object) -> str:
    """A template of the digest strings (`TEXTS`), looked up like the chat's own."""
    return lookup(TEXTS, lang, key, **values)
