"""A WeChat follower talking to newsbot: one message in, the reply's text out (blocking, no HTTP).

Each openid is its own reader (`storage.records.readers`: a chat id of its own, created at its first
text message). Text goes to the same `Conversation` as Telegram's, built with the WeChat markup and the
short results form (`bot.wechat.format`); commands work as typed (``/subscribe 08:00 人才``). What needs a
button elsewhere is a link or a word here: results and /article link to the web page, /subscribe and
/subscriptions and /digest give the private digest address (the platform limits pushes: `README`), /forget
asks for a reply of 确认 (or ``/forget 确认``). A `subscribe` event gets the welcome; images, voice and the
rest a line saying what works, except a voice message the platform's speech recognition turned into words
(``<Recognition>``): those words are searched as if typed. The HTTP side (signature, XML, the 5 s budget, retries) is `bot.web.app`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import quote

from bot.chat.command_line import article_numbers, language_words, latest_page, typed_command
from bot.chat.conversation import MAX_ARTICLES_AT_ONCE, Conversation
from bot.chat.exchange import Who
from bot.chat.keyboards import opened_articles
from bot.chat.replies import Button, Reply, format_welcome
from bot.chat.texts import text
from bot.chat.typed_text import readable
from bot.digests.compose import SubscriptionReply
from bot.digests.feed import feed_replies
from bot.digests.plan import ARTICLE_PREFIX, PREVIEWS
from bot.digests.records import CHAT_WRITE_WAIT, UNSUBSCRIBE_PREFIX
from bot.digests.texts import text as digest_text
from bot.wechat.format import (
    WECHAT,
    as_text,
    clip,
    fit_items,
    fit_listed,
    fit_previews,
    link_articles,
    previews_fit_whole,
    to_wechat,
)
from bot.wechat.protocol import Message
from storage.database.access import Database
from storage.records import subscriptions as subs
from storage.records.feeds import unsee
from storage.records.readers import WECHAT as CHANNEL
from storage.records.readers import reader_chat, reader_for

# A subscription in the /subscriptions list: "#3 · 与「人才」相关的新闻".
_LISTED_SUBSCRIPTION = re.compile(r"^#\d+ · ")
CONFIRM_WORDS = ("确认", "確認", "confirm", "yes")
READER_WRITE_WAIT = 2.0
# The longest "more results" link given (a quarter of a reply): the link of a long message (each Han
# character is 9 bytes quoted) would leave no room for the results it follows.
MORE_LINK_MAX = 512
# WeChat's own smileys arrive in a text message as their names in square brackets ("[微笑]", "[强]"): the
# names of the keyboard's smiley panel. They say nothing to look for, as an emoji says nothing.
WECHAT_SMILEYS = frozenset(
    "微笑 撇嘴 色 发呆 得意 流泪 害羞 闭嘴 睡 大哭 尴尬 发怒 调皮 呲牙 惊讶 难过 囧 抓狂 吐 偷笑 愉快 白眼 "
    "傲慢 困 惊恐 憨笑 悠闲 咒骂 疑问 嘘 晕 衰 骷髅 敲打 再见 擦汗 抠鼻 鼓掌 坏笑 右哼哼 鄙视 委屈 快哭了 "
    "亲亲 可怜 笑脸 生病 脸红 破涕为笑 恐惧 失望 无语 嘿哈 捂脸 奸笑 机智 皱眉 耶 吃瓜 加油 汗 天啊 Emm "
    "社会社会 旺柴 好的 打脸 哇 翻白眼 666 让我看看 叹气 苦涩 裂开 嘴唇 爱心 心碎 拥抱 强 弱 握手 胜利 抱拳 "
    "勾引 拳头 OK 合十 啤酒 咖啡 蛋糕 玫瑰 凋谢 菜刀 炸弹 便便 月亮 太阳 庆祝 礼物 红包 發 福 烟花 爆竹 "
    "猪头 跳跳 发抖 转圈 冷汗 流汗 饥饿 奋斗 疯了 糗大了 左哼哼 哈欠 阴险 吓 西瓜 篮球 乒乓 饭 刀 足球 "
    "瓢虫 闪电 差劲 爱你 NO 爱情 飞吻 怄火 磕头 回头 跳绳 投降 激动 乱舞 献吻 左太极 右太极".split()
)
_SMILEY = re.compile(r"\[([^\[\]\s]{1,4})\]")
# Older WeChat clients send the same smileys as codes starting "/:" ("/::)" 微笑, "/:rose" 玫瑰): the codes of
# the classic smiley panel, written next to words or alone.
WECHAT_SMILEY_CODES = frozenset(
    "/::) /::~ /::B /::| /:8-) /::< /::$ /::X /::Z /::'( /::-| /::@ /::P /::D /::O /::( /::+ /:--b /::Q /::T "
    "/:,@P /:,@-D /::d /:,@o /::g /:|-) /::! /::L /::> /::,@ /:,@f /::-S /:? /:,@x /:,@@ /::8 /:,@! /:!!! "
    "/:xx /:bye /:wipe /:dig /:handclap /:&-( /:B-) /:<@ /:@> /::-O /:>-| /:P-( /::'| /:X-) /::* /:@x /:8* "
    "/:pd /:<W> /:beer /:basketb /:oo /:coffee /:eat /:pig /:rose /:fade /:showlove /:heart /:break /:cake "
    "/:li /:bome /:kn /:footb /:ladybug /:shit /:moon /:sun /:gift /:hug /:strong /:weak /:share /:v /:@) "
    "/:jj /:@@ /:bad /:lvu /:no /:ok /:love /:<L> /:jump /:shake /:<O> /:circle /:kotow /:turn /:skip /:oY "
    "/:#-0 /:hiphot /:kiss /:<& /:&>".split()
)
# The longest code first, so that "/::-O" is not read as "/::-" and a stray "O".
_SMILEY_CODE = re.compile("|".join(re.escape(c) for c in sorted(WECHAT_SMILEY_CODES, key=len, reverse=True)))


def without_smileys(content: str) -> str:
    """`content` without WeChat's smileys (`WECHAT_SMILEYS` in square brackets, or the older clients' codes
    `WECHAT_SMILEY_CODES`); other bracketed words and other text starting with "/" kept."""
    named = _SMILEY.sub(lambda m: " " if m.group(1) in WECHAT_SMILEYS else m.group(0), content)
    return _SMILEY_CODE.sub(" ", named)


_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
_OWN_ARTICLE_PATH = re.compile(r"/article/(\d{1,18})/?(?:[?#]\S*)?")


def own_article_id(line: str, base: str) -> int | None:
    """The article id of `line` when it is the address of one of this server's article pages
    (``{base}/article/12``, http or https, with a query or fragment), else None: another site's
    ``/article/12`` is not ours."""
    address, here = _SCHEME.sub("", line.strip()), _SCHEME.sub("", base.rstrip("/"))
    if not here or not address.lower().startswith(here.lower()):
        return None
    m = _OWN_ARTICLE_PATH.fullmatch(address[len(here) :])
    return int(m.group(1)) if m else None


def latest_page_shown(reply: Reply) -> int | None:
    """The page of /latest (counted from 1) a reply shows, read from its ◀ ▶ (``l:key:N``), or None."""
    for row in reply.buttons:
        for button in row:
            kind, _, page = page_button(button)
            if kind == "l" and page.isdigit():
                return int(page) if button.label == "▶" else int(page) + 2
    return None


def page_button(button: Button) -> tuple[str, str, str]:
    """A page button's kind (``p`` a search, ``l`` /latest), key and page (counted from 0) as written in
    its data (``p:key:N``); blanks for another button."""
    kind, key, page = ((button.data or "").split(":") + ["", ""])[:3]
    return kind, key, page


def typed_choices(reply: Reply, lang: str) -> Reply:
    """A bare /unsubscribe's buttons (one per subscription, one for all) as the commands to type, each
    after its label (a colon of the reply's language between): WeChat shows no buttons, and "which one
    should go?" alone left nothing to choose."""
    colon = "：" if lang == "zh" else ": "
    lines = [
        f"{b.label}{colon}/unsubscribe {b.data.removeprefix(UNSUBSCRIBE_PREFIX)}"
        for row in reply.buttons
        for b in row
        if b.data and b.data.startswith(UNSUBSCRIBE_PREFIX)
    ]
    if not lines:
        return reply
    return replace(reply, text="\n".join([reply.text, *lines]))


def typed_article_links(reply: Reply) -> Reply:
    """A digest's open buttons (``a:<id>``, labelled ``N. title``) as ``/article <id>`` under each listed
    article's lines (made links by `to_wechat`): WeChat shows no buttons, so the digest's titles led
    nowhere."""
    opens = {
        b.label.split(".", 1)[0]: b.data.removeprefix(ARTICLE_PREFIX)
        for row in reply.buttons
        for b in row
        if b.data and b.data.startswith(ARTICLE_PREFIX) and b.data.removeprefix(ARTICLE_PREFIX).isdigit()
    }
    if not opens:
        return reply
    out: list[str] = []
    pending: str | None = None  # the link of the article whose lines are being copied
    for line in reply.text.split("\n"):
        number = line.split(".", 1)[0] if "." in line else ""
        if number in opens or not line.strip():
            if pending is not None:
                out.append(f"/article {pending}")
            pending = opens.pop(number, None) if line.strip() else None
        out.append(line)
    if pending is not None:
        out.append(f"/article {pending}")
    return replace(reply, text="\n".join(out))


def has_new(reply: SubscriptionReply) -> bool:
    """Whether a subscription's /digest lists new stories or counts some past those it lists."""
    return bool(reply.listed_ids or reply.more)


class WeChatChat:
    def __init__(self, conversation: Conversation, database: Database) -> None:
        self.conversation = conversation
        self.database = database

    def answer(self, message: Message, base_url: str) -> str:
        """The reply's content for `message` ("" for none)."""
        base = base_url.rstrip("/")
        if message.msg_type == "event":
            if message.event == "subscribe":
                lang = self._known_language(message.from_user)
                return to_wechat(format_welcome(lang, WECHAT, self.conversation.examples()), base)
            return ""  # unsubscribe, menu clicks and the like need no answer
        if message.msg_type == "voice" and message.recognition.strip():
            # Speech the platform recognised is what the reader said: a search or a question, never a command.
            return self._text(message.recognition, message.from_user, base, commands=False)
        if message.msg_type == "link" and (message.url or message.title):
            return self._shared_card(message, base)
        if message.msg_type != "text":
            return self._line(message.from_user, "wechat_other")
        return self._text(without_smileys(message.content), message.from_user, base)

    def _shared_card(self, message: Message, base: str) -> str:
        """A shared article card: the story stored under its address, as a pasted address gives it; else a
        search of the card's title (a story's headline), never a command."""
        if message.url and self.conversation.article_at_link(message.url) is not None:
            return self._text(message.url, message.from_user, base, commands=False)
        if message.title.strip():
            return self._text(message.title, message.from_user, base, commands=False)
        return self._line(message.from_user, "link_not_stored")

    def _text(self, content: str, openid: str, base: str, *, commands: bool = True) -> str:
        """The reply to a line of text: a command, a search or a question."""
        line = " ".join(readable(content).split())
        if not line:  # spaces only: a text all the same, with nothing to look for
            return self._line(openid, "empty_query")
        command = typed_command(line) if commands else None
        chat_id = self._chat_id(openid)
        # WeChat tells no language: Chinese, unless the line's letters or the follower's earlier
        # messages (or /lang) say otherwise (`Conversation.in_chat_language`).
        who = Who(user_id=chat_id, lang="zh", chat_id=chat_id)
        who = self.conversation.in_chat_language(who, language_words(line) if commands else line)
        lang = who.lang
        feed_url = self._feed_url(base)
        tail = ""
        if command is not None:
            name, rest = command
            if name == "article":
                out = self._articles(rest, who, base)
            elif name == "forget":
                out = self._forget(rest, who)
            else:
                out = self.conversation.command(name, rest, who)
                out = feed_replies(
                    self.database, name, out, chat_id, lang, WECHAT, feed_url, wait=CHAT_WRITE_WAIT
                )
                out = [typed_article_links(typed_choices(r, lang)) for r in out]
                if name == "latest" and len(out) == 1:
                    return self._latest(out[0], rest, lang, base)
                if name == "digest":
                    fitted = self._digests(out, rest, who, base)
                    if fitted is not None:
                        return fitted
                    if len(out) == 2 and opened_articles(out[0]):  # no subscription yet: the latest, a hint
                        return self._listed(out[0], lang, base, tail=as_text(out[1].text))
                if name == "subscriptions" and len(out) > 1:
                    # The feed addresses are what a follower acts on: kept whole, the list above is cut.
                    *out, feeds = out
                    listed = link_articles(as_text("\n\n".join(r.text for r in out)), base).strip()
                    return fit_items(
                        listed,
                        lambda line: _LISTED_SUBSCRIPTION.match(line) is not None,
                        lambda count: text(lang, "wechat_subs_more", count=count),
                        tail="\n" + as_text(feeds.text),  # after a blank line, as between replies
                    )
        else:
            linked = self.conversation.article_at_link(line)
            # A pasted address of a stored story, or of one of this server's article pages: its lead and
            # link, as /article gives them here.
            linked_id = own_article_id(line, base) or (linked.id if linked else None)
            out = (
                self._articles(str(linked_id), who, base) if linked_id else self.conversation.text(line, who)
            )
            shown = latest_page_shown(out[0]) if len(out) == 1 else None
            if shown is not None:  # 下一页 after /latest: that page, as /latest N gives it here
                return self._latest(out[0], str(shown), lang, base)
        following = self._following_page(out)
        if following is not None:
            query, page = following
            more = f"{base}/?q={quote(query)}&page={page}"  # the web page at the page WeChat did not list
            tail = (
                text(lang, "wechat_more", url=more)
                if len(more) <= MORE_LINK_MAX
                else text(lang, "wechat_more_typed")
            )
        return to_wechat("\n\n".join(r.text for r in out), base, tail=tail)

    def _following_page(self, out: list[Reply]) -> tuple[str, int] | None:
        """The search a reply's ▶ turns and the page it turns to (counted from 1), or None."""
        for reply in out:
            for row in reply.buttons:
                for button in row:
                    kind, key, page = page_button(button)
                    if button.label == "▶" and kind == "p" and page.isdigit():
                        state = self.conversation.queries.get(key)
                        return (state.query, int(page) + 1) if state is not None else None
        return None

    @staticmethod
    def _latest(reply: Reply, args: str, lang: str, base: str) -> str:
        """A page of /latest within one WeChat reply: whole articles, the links of those that do not fit,
        and the command of the next page when there is one (WeChat shows no ▶)."""
        older = any(b.label == "▶" for row in reply.buttons for b in row)
        tail = (
            text(lang, "wechat_latest_more", command=f"/latest {(latest_page(args) or 0) + 2}")
            if older
            else ""
        )
        return WeChatChat._listed(reply, lang, base, tail=tail)

    @staticmethod
    def _listed(reply: Reply, lang: str, base: str, *, tail: str) -> str:
        """A list of articles within one WeChat reply: whole articles, then the links of those that do not
        fit, then `tail`."""
        ids = opened_articles(reply)

        def left_out(count: int) -> str:
            links = "、".join(f"/article {i}" for i in ids[len(ids) - count :])
            return link_articles(text(lang, "wechat_latest_cut", count=count, links=links), base)

        return fit_listed(link_articles(as_text(reply.text), base).strip(), left_out, tail=tail)

    def _digests(self, out: list[Reply], args: str, who: Who, base: str) -> str | None:
        """/digest's subscriptions within one WeChat reply: whole ones, then whole stories, and the line
        naming the subscriptions left out (`fit_previews`): when not all fit, those with new stories come
        first, and a line counts those with nothing new left out; the stories listed as new that found no room
        are left for the next /digest (`unsee`). None when `out` is no subscription's stories (none yet,
        an id not found, a time)."""
        lang = who.lang
        about = [r for r in out if isinstance(r, SubscriptionReply)]
        if not about:
            return None
        found = self.database.read(subs.list_subscriptions, who.chat_id)
        beyond = [s.number for s in found[PREVIEWS:]] if not args.strip() else []

        def closing(left_out: int) -> str:
            named = about[len(about) - left_out :]
            waiting = [r.subscription_number for r in named if has_new(r)] + beyond
            quiet = len(named) + len(beyond) - len(waiting)
            lines = (
                [digest_text(lang, "read_digest_more", count=len(waiting), id=waiting[0])] if waiting else []
            )
            if quiet:
                lines.append(digest_text(lang, "read_digest_more_quiet", count=quiet))
            return "\n".join(lines)

        def ready(reply: Reply) -> str:  # a subscription's preview as WeChat shows it
            return link_articles(as_text(reply.text), base).strip()

        if not previews_fit_whole([ready(r) for r in about], closing(0)):
            # no room for all: the subscriptions with new stories first, those with nothing new left out first
            about.sort(key=lambda r: not has_new(r))
        listed = [r.subscription_number for r in about]
        digests = [ready(r) for r in about]

        def cut(count: int) -> str:  # the first subscription's stories left out: cut here, and past its cap
            rest = count + about[0].more
            return digest_text(lang, "digest_more_next", rest=rest, command=f"/digest {listed[0]}")

        def counted(shown: int) -> str:  # the first subscription's count line, for `shown` stories listed
            total = len(about[0].listed_ids) + about[0].more
            if shown < total:
                return digest_text(lang, "digest_count_capped", total=total, shown=shown)
            return digest_text(lang, "digest_count_one" if total == 1 else "digest_count", total=total)

        fitted = fit_previews(digests, closing, cut, counted=counted)
        shown = {int(n) for n in re.findall(r"/article/(\d+)", fitted)}
        for reply in about:
            left = [i for i in reply.listed_ids if i not in shown]
            if left:
                self.database.write(unsee, reply.subscription_id, left, wait=CHAT_WRITE_WAIT)
        lists = [ids for ids in ([i for i in r.listed_ids if i in shown] for r in about) if ids]
        # what lists the stories left out: the ones counted, and the ones this message had no room for
        rest = [f"/digest {r.subscription_number}" for r in about if r.more or set(r.listed_ids) - shown]
        if lists:  # 第2条 opens from the last list shown here, as numbered here
            self.conversation.pages.remember_digest(lists[-1], who, rest=rest)
        return fitted

    def _line(self, openid: str, key: str) -> str:
        """A one-line text (plain, as WeChat shows it) in the follower's known language, its examples the
        archive's."""
        return text(self._known_language(openid), key, **self.conversation.examples().values())

    def _known_language(self, openid: str) -> str:
        """The language of a follower newsbot already knows (chosen with /lang, else the one their messages
        were answered in), else Chinese (nothing is stored for a follower who has not written yet)."""
        chat_id = self.database.read(reader_chat, CHANNEL, openid)
        if chat_id is None:
            return "zh"
        return self.conversation.in_chat_language(Who(user_id=chat_id, lang="zh", chat_id=chat_id)).lang

    def _chat_id(self, openid: str) -> int:
        found = self.database.read(reader_chat, CHANNEL, openid)
        if found is not None:
            return found
        return self.database.write(reader_for, CHANNEL, openid, wait=READER_WRITE_WAIT)

    @staticmethod
    def _feed_url(base: str) -> Callable[[str], str]:
        return lambda token: f"{base}/feed/{token}"

    def _articles(self, args: str, who: Who, base: str) -> list[Reply]:
        """/article N: the title, date and first lines, and the link to the whole story."""
        numbers = list(dict.fromkeys(n for n in article_numbers(args) if n is not None))
        if not numbers:
            return self.conversation.command("article", args, who)
        out = []
        for number in numbers[:MAX_ARTICLES_AT_ONCE]:
            article = self.conversation.library.article(number)
            if article is None:
                out += self.conversation.command("article", str(number), who)
                continue
            if number == numbers[0]:  # the first story named becomes the chat's topic
                self.conversation.topics.keep_article(article, who)
            lead = clip(article.summary or (article.paragraphs[0] if article.paragraphs else ""), 200)
            lines = [clip(article.title, 60), article.date or text(who.lang, "date_unknown"), lead]
            lines.append(text(who.lang, "wechat_full", url=f"{base}/article/{article.id}"))
            out.append(Reply("\n".join(line for line in lines if line)))
        return out + self.conversation.left_unopened(numbers[MAX_ARTICLES_AT_ONCE:], who)

    def _forget(self, args: str, who: Who) -> list[Reply]:
        """/forget asks the conversation's question (no buttons here: answered by typing 确认 or 取消, read
        by `ForgetDialogue.typed_answer`); ``/forget 确认`` deletes at once."""
        (prompt,) = self.conversation.command("forget", "", who)
        if not prompt.buttons:  # no question opened (the database was busy): what the conversation said
            return [prompt]
        if args.strip().lower() not in CONFIRM_WORDS:
            return [Reply(text(who.lang, "wechat_forget_confirm"))]
        yes = next(b.data for row in prompt.buttons for b in row if b.data and b.data.endswith(":y"))
        press = self.conversation.press(yes, who)
        return [press.edit] if press.edit is not None else [Reply(press.notice or "")]
