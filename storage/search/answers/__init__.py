"""Answers by kind: the one to three sentences of the top results that hold what a question asks for.
Pure (apart from jieba's part-of-speech tagger, used to recognise names and places).

The package, by what each module holds:

    questions   reading the question: its kind (`question_kind`), the kind of thing asked for
                (`category_asked`), what a how-many question measures (`measured_asked`), its dates
    strength    the scale of how plainly a sentence holds a fact, and what it is measured against
    dates, counts, people, names, places, lists, causes
                one family of facts each: how plainly a sentence holds it
    clauses     a sentence read clause by clause
    kinds       `kind_strength` by the question's kind, and `fact_test` for the evidence ranking
    reading     the top results read into sentences, with their datelines and bylines
    coverage    the question's words a text holds, and their weights
    context     what a sentence takes from the sentences around it
    story_dates the month a question names against the dates of the stories read
    sentences   scoring the sentences and choosing the answer (`best_sentence`)
"""

from storage.search.answers.clauses import clauses
from storage.search.answers.kinds import fact_test, kind_strength
from storage.search.answers.questions import category_asked, measured_asked, question_dates, question_kind
from storage.search.answers.sentences import best_sentence, read_question
from storage.search.answers.strength import FAINT, HOLDS_KIND, LIKELY, NOTHING, PARTIAL, PLAIN, SOME, WEAK

__all__ = [
    "FAINT",
    "HOLDS_KIND",
    "LIKELY",
    "NOTHING",
    "PARTIAL",
    "PLAIN",
    "SOME",
    "WEAK",
    "best_sentence",
    "category_asked",
    "clauses",
    "fact_test",
    "kind_strength",
    "measured_asked",
    "question_dates",
    "question_kind",
    "read_question",
]
