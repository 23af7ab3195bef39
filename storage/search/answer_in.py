"""The answer line a question gets from one given story rather than from the search's results: a chat's
follow-up about the story it showed before (它是哪天开的) is answered from that story first. Pure: the
question read by `parse_query`, the story's sentences chosen by the answer rules (`best_sentence`)."""

from __future__ import annotations

from datetime import date

from storage.models import Answer, Article
from storage.search.answers import best_sentence
from storage.search.query import parse_query


def answer_in_story(question: str, story: Article, *, today: date | None = None) -> Answer | None:
    """The sentence of `story` that answers `question`, or None when `question` asks nothing (keywords)
    or the story holds no sentence with what it asks for."""
    parsed = parse_query(question, today=today)
    if not parsed.question or not parsed.words:
        return None
    return best_sentence(
        parsed.asked, parsed.terms, [(story.id, story.title, story.body)], groups=parsed.groups
    )
