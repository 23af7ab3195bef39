"""/forget as a dialogue: the question with two buttons (a one-shot key in `Confirmations`), then the
answer, pressed or typed (确认, 取消), which deletes everything kept about the chat and its user: the chat's
records, the user's stored queries, its topic and flood counts. Only the first press on the chat's latest
question acts; when the database stays busy, the reader is told to try again."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.chat import replies
from bot.chat.exchange import Press, Who
from bot.chat.intents import forget_answer
from bot.chat.keyboards import forget_buttons
from bot.chat.protocols import ChatRecords
from bot.chat.replies import Markup, Reply
from bot.chat.state import Confirmations, FloodGuard, QueryStore, TopicStore
from bot.chat.texts import text
from storage.errors import DatabaseBusy
from storage.records.chat_state import Settled

log = logging.getLogger(__name__)


class ForgetDialogue:
    """The /forget question, its pending confirmations and their answers. `notice(lang, key, **values)`:
    a one-line message from `bot.chat.texts`."""

    def __init__(
        self,
        confirmations: Confirmations,
        *,
        records: ChatRecords,
        queries: QueryStore,
        topics: TopicStore | None,
        flood: FloodGuard | None,
        markup: Markup,
        notice: Callable[..., Reply],
    ) -> None:
        self.confirmations = confirmations
        self.records = records
        self.queries = queries
        self.topics = topics
        self.flood = flood
        self.markup = markup
        self.notice = notice

    def prompt(self, who: Who) -> list[Reply]:
        """/forget: the question and two buttons; nothing is deleted yet."""
        if who.chat_id is None:
            return [self.notice(who.lang, "needs_chat", name="forget")]
        try:
            key = self.confirmations.open(who.user_id, who.chat_id)
        except DatabaseBusy:
            return [self.notice(who.lang, "busy")]
        buttons = forget_buttons(key, yes=text(who.lang, "forget_yes"), no=text(who.lang, "forget_no"))
        return [Reply(replies.format_forget_prompt(who.lang, self.markup), buttons)]

    def typed_answer(self, message: str, who: Who) -> Press | None:
        """`message` read as the answer to the /forget question `who` asked last in the chat, when it is
        one (确认, 确认删除, 取消: `forget_answer`) and that question is still open and fresh: what its
        button would do; else None (the message is read as anything else is)."""
        answer = forget_answer(message)
        if answer is None or who.chat_id is None:
            return None
        try:
            key = self.confirmations.awaiting(who.user_id, who.chat_id)
        except DatabaseBusy:
            return None
        return None if key is None else self.press(key, answer, who)

    def press(self, key: str, confirmed: bool, who: Who) -> Press:
        """A /forget button. Only the first press on the chat's latest confirmation acts and edits the
        message; any other press gets a notice (and a superseded one is edited once to say so)."""
        try:
            outcome, chat_id = self.confirmations.take(key, who.user_id)
        except DatabaseBusy:
            return Press(notice=text(who.lang, "busy"))
        if outcome == Settled.EXPIRED:
            return Press(notice=text(who.lang, "forget_expired"))
        if outcome == Settled.NOT_YOURS:
            return Press(notice=text(who.lang, "forget_not_yours"))
        if outcome == Settled.ALREADY:
            return Press(notice=text(who.lang, "forget_already"))
        if outcome == Settled.SUPERSEDED:
            note = text(who.lang, "forget_superseded")
            return Press(notice=note, edit=self.notice(who.lang, "forget_superseded"))
        if not confirmed:
            cancelled = self.notice(who.lang, "forget_cancelled")
            return Press(notice=text(who.lang, "forget_cancelled_notice"), edit=cancelled)
        assert chat_id is not None
        # Each deletion is one transaction; when one fails, the confirmation opens again and the next
        # press deletes what is left.
        try:
            counts = dict(self.records.forget(chat_id))
            counts["queries"] = self.queries.forget_user(who.user_id)
            if self.topics is not None:
                counts["topics"] = self.topics.forget(chat_id, who.user_id)
            if self.flood is not None:
                self.flood.forget(who.user_id)
        except DatabaseBusy:
            self._reopen(key)
            return Press(notice=text(who.lang, "busy"))
        except BaseException:
            self._reopen(key)
            raise
        body = replies.format_forgotten(counts, who.lang, self.markup)
        return Press(notice=text(who.lang, "forget_deleted_notice"), edit=Reply(body), forgotten=True)

    def _reopen(self, key: str) -> None:
        """Let a confirmation whose deletion failed be pressed again (if the database lets us: else the
        user is told the question was handled and sends /forget once more)."""
        try:
            self.confirmations.reopen(key)
        except DatabaseBusy:
            log.warning("could not reopen a /forget confirmation: database busy")
