"""The examples the bot gives (/start, 你好, /search alone, 下一页 with nothing before…), drawn from the archive it serves.

The seed page's examples (保交楼, 谁主持了统战工作会议？) are kept when the archive finds the keyword and answers
the question. Otherwise the keyword is the word most of the latest day's titles share, and the question a who
question made from a title that opens with a person's name and a verb (李克强主持召开国务院常务会议 gives
谁主持召开国务院常务会议？), kept only when the search answers it with a sentence naming that person; without
one, the question asks for the latest day's news (2月29日有什么新闻). The examples are worked out on first use
and kept for an hour (`ExampleSource`), so a /start costs no search.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from storage.models import Article, SearchResponse
from storage.text.normalize import HAN_RANGES
from storage.text.segment import cut, han_words, tag

EXAMPLES_KEPT_FOR = timedelta(
    hours=1
)  # how long worked-out examples are reused before the archive is read again
LATEST_STORIES_READ = 40  # the newest stories read for the latest day's titles
WHO_QUESTIONS_TRIED = 5  # who questions run at most when working the examples out
MIN_ASKED_CHARACTERS = 4  # what a who question asks about, after 谁: 谁有你 asks nothing a reader would
_PLAIN_CLAUSE = re.compile(rf"[{HAN_RANGES}0-9]+")  # Han characters and digits only
_SAYING = re.compile("时?(?:强调|指出|表示|要求)$")  # …时强调: what follows in the headline is what was said


@dataclass(frozen=True)
class Examples:
    """What the bot's texts offer a reader to try: a keyword, a question, a day to put before the keyword
    (4月6日 保交楼) and a question naming its topic (for a follow-up that names none)."""

    keyword: str
    question: str
    day: str
    follow_up: str

    def values(self) -> dict[str, str]:
        """The examples as the texts' fields: {example_keyword}, {example_question}, {example_day},
        {example_follow_up} (`bot.chat.texts.EXAMPLE_FIELDS`)."""
        return {f"example_{name}": value for name, value in asdict(self).items()}


SEED_EXAMPLES = Examples(
    keyword="保交楼", question="谁主持了统战工作会议？", day="4月6日", follow_up="统战工作会议是哪天开的"
)

SEED_QUESTION_TOPIC = "统战工作"  # what the seed question asks about: its answer names it


class ExampleLibrary(Protocol):
    """The archive, as far as the examples need it (`bot.chat.protocols.Library` is one)."""

    def search(
        self, query: str, *, limit: int, offset: int, today: date | None = None, correct: bool = True
    ) -> SearchResponse: ...

    def latest(self, limit: int, offset: int = 0) -> list[Article]: ...


def archive_examples(library: ExampleLibrary) -> Examples:
    """The examples for the archive `library` serves (see the module doc)."""
    if holds_seed_examples(library):
        return SEED_EXAMPLES
    stories = latest_day_stories(library.latest(LATEST_STORIES_READ))
    if not stories:  # an empty archive: nothing would be found whatever the example
        return SEED_EXAMPLES
    keyword = frequent_title_word([s.title for s in stories]) or SEED_EXAMPLES.keyword
    day = day_words(stories[0].date or "")
    question = answered_who_question(library, [s.title for s in stories]) or f"{day}有什么新闻"
    return Examples(keyword=keyword, question=question, day=day, follow_up=question)


def holds_seed_examples(library: ExampleLibrary) -> bool:
    """Whether the archive finds the seed keyword and answers the seed question with a sentence on its topic
    (another archive's answer to 谁主持了…会议 is a sentence about some other meeting)."""
    found = library.search(SEED_EXAMPLES.keyword, limit=1, offset=0, correct=False)
    if not found.total:
        return False
    answer = library.search(SEED_EXAMPLES.question, limit=1, offset=0, correct=False).answer
    return answer is not None and SEED_QUESTION_TOPIC in answer.sentence


def latest_day_stories(stories: Sequence[Article]) -> list[Article]:
    """The dated stories of the latest day among `stories` (newest first, as /latest lists them)."""
    dated = [s for s in stories if s.date]
    return [s for s in dated if s.date == dated[0].date] if dated else []


def frequent_title_word(titles: Sequence[str]) -> str | None:
    """The word (two or more Han characters) in most of `titles`; of words in as many, the longer, then the
    one met first."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for title in titles:
        for word in dict.fromkeys(han_words(cut(title))):
            counts[word] += 1
            first_seen.setdefault(word, len(first_seen))
    if not counts:
        return None
    return min(counts, key=lambda w: (-counts[w], -len(w), first_seen[w]))


def who_question(title: str) -> tuple[str, str] | None:
    """A who question made from a headline's first clause when it opens with a person's name and a verb,
    and the name: 李克强主持召开国务院常务会议 部署… gives (谁主持召开国务院常务会议？, 李克强); a closing
    word introducing what was said is left out (…应急平台时强调 asks 谁考察…应急平台？). None for other
    headlines, and for clauses holding punctuation (quotes, brackets) or too short to ask about."""
    head = title.split()[0] if title.split() else ""
    if not _PLAIN_CLAUSE.fullmatch(head):
        return None
    words = tag(head)
    if len(words) < 3 or not words[0][1].startswith("nr") or words[1][1] != "v":
        return None
    name = words[0][0]
    asked = _SAYING.sub("", head[len(name) :])
    return ("谁" + asked + "？", name) if len(asked) >= MIN_ASKED_CHARACTERS else None


def answered_who_question(library: ExampleLibrary, titles: Sequence[str]) -> str | None:
    """The first who question made from `titles` that the search answers with a sentence naming the person
    of the headline it came from."""
    made = [q for q in (who_question(t) for t in titles) if q is not None]
    for question, name in made[:WHO_QUESTIONS_TRIED]:
        answer = library.search(question, limit=1, offset=0, correct=False).answer
        if answer is not None and name in answer.sentence:
            return question
    return None


def day_words(iso_day: str) -> str:
    """An ISO day as a reader types it: 2020-02-29 is 2月29日 ("" for no day)."""
    try:
        day = date.fromisoformat(iso_day[:10])
    except ValueError:
        return ""
    return f"{day.month}月{day.day}日"


class ExampleSource:
    """The archive's examples, worked out on first use and reused for `EXAMPLES_KEPT_FOR` (by `clock`): one
    source serves every chat of a process (Telegram, the web page, WeChat, the terminal)."""

    def __init__(self, library: ExampleLibrary, clock: Callable[[], datetime]) -> None:
        self._library = library
        self._clock = clock
        self._lock = threading.Lock()
        self._kept: tuple[datetime, Examples] | None = None

    def examples(self) -> Examples:
        now = self._clock()
        with self._lock:
            if self._kept is not None and now - self._kept[0] < EXAMPLES_KEPT_FOR:
                return self._kept[1]
            examples = archive_examples(self._library)
            self._kept = (now, examples)
            return examples
