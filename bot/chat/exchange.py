"""The two ends of one exchange with the conversation: who sent it (`Who`) and what a button press gives
back (`Press`)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.chat.replies import Reply


@dataclass(frozen=True)
class Who:
    """The person talking: an id (for query ownership and the flood guard), a language, admin or not,
    and the chat they talk in (None where there is none, e.g. inline queries). `settled`: `lang` is the
    reply's language, the rule of `Conversation.in_chat_language` applied; `detected`: then, when the
    chat chose its language with /lang, the one the message came with (what /lang auto goes back to)."""

    user_id: int
    lang: str = "zh"
    is_admin: bool = False
    name: str | None = None
    chat_id: int | None = None
    detected: str | None = None
    settled: bool = False


@dataclass(frozen=True)
class Press:
    """The outcome of a button press: a short notice (the callback answer), an edit, new messages."""

    notice: str | None = None
    edit: Reply | None = None
    replies: tuple[Reply, ...] = ()
    forgotten: bool = False  # a confirmed /forget deleted the chat's data (an edge may drop what it shows)

    def as_message(self) -> Reply:
        """The press's outcome as a message of its own, where it answers a typed word (确认) and no message
        is there to edit: the edit, else the notice."""
        return self.edit or Reply(self.notice or "")
