"""Several questions pasted in one message (`保交楼进展如何？谁主持了统战工作会议？`): one search answers one
question, so the chat answers the first and says how to ask the others. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.chat.followups import read_follow_up
from bot.chat.intents import detect_intent
from storage.search.query import parse_query
from storage.text.normalize import fold

# The most different pieces of a message read (each is parsed): a long paste is not read to its end, and
# the count of its questions said is then a floor (`QuestionsAsked.unread`).
MAX_QUESTIONS_READ = 20
# A question ends at its question mark.
_AFTER_QUESTION_MARK = re.compile(r"(?<=[？?])")


@dataclass(frozen=True)
class QuestionsAsked:
    """`first`: the message up to the end of its first question, the one searched; `others`: the later
    questions, each as typed, once (a question repeated is one), among the first `MAX_QUESTIONS_READ`;
    `unread`: the message goes on with more different questions than were read, so it asks at least
    `1 + len(others)`."""

    first: str
    others: tuple[str, ...] = ()
    unread: bool = False


def asks_on_its_own(piece: str) -> bool:
    """Whether `piece` (a question, up to its question mark) names a topic of its own: words to search that
    are not stop words alone (`在哪里开的？`), not a follow-up of the question before it (`为什么？`,
    `进展如何？`) and not small talk (`你好？`)."""
    if not piece.strip() or detect_intent(piece) is not None or read_follow_up(piece) is not None:
        return False
    parsed = parse_query(piece)
    return bool(parsed.terms or parsed.groups) and not parsed.as_typed


def questions_asked(message: str) -> QuestionsAsked:
    """The questions `message` asks one after another. Only pieces that end with a question mark and name a
    topic of their own (`asks_on_its_own`) count (words after the last mark may say where or when: they
    stay with the first question); a message asking one question, or the same one again and again, is
    `first` alone."""
    pieces = [p for p in _AFTER_QUESTION_MARK.split(message) if p.strip()]
    if sum(piece.rstrip()[-1:] in "？?" for piece in pieces) < 2:  # one question mark at most: one question
        return QuestionsAsked(message)
    first: int | None = None
    seen: set[str] = set()
    others: list[str] = []
    unread = False
    for i, piece in enumerate(pieces):
        key = _key(piece)
        if key in seen or piece.rstrip()[-1:] not in "？?":
            continue
        if len(seen) == MAX_QUESTIONS_READ:
            unread = True
            break
        seen.add(key)
        if not asks_on_its_own(piece):
            continue
        if first is None:
            first = i
        else:
            others.append(piece.strip())
    if first is None or not others:
        return QuestionsAsked(message)
    return QuestionsAsked("".join(pieces[: first + 1]), tuple(others), unread)


def _key(question: str) -> str:
    """A question as compared with another: folded, without spaces and question marks."""
    return re.sub(r"[\s?？]+", "", fold(question))
