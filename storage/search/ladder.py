"""The relaxation ladder: readings of a query tried from the strictest down until one finds something
(`run_ladder`), each step answering with what it found (`found.Found`) or None to let the next one try; and
the looser readings the steps try (`fallbacks`, `without_dates`, `informative_order`). Pure but for the
steps, which read on the connection they are given."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

import sqlite_utils

from storage.models import Correction
from storage.search import corrections, english_names, evidence, pinyin
from storage.search.article_reads import documents
from storage.search.evidence_search import ranked_by_evidence
from storage.search.found import Found
from storage.search.matching import execute, plan_with_years
from storage.search.query import STOP_WORDS, ParsedQuery, with_printed_forms
from storage.search.ranking import RankedRow
from storage.search.synonyms import has_printed_forms, printed_forms
from storage.search.vocabulary import IndexVocabulary
from storage.text.normalize import HAN_RANGES, normalize
from storage.text.segment import dictionary_word, tag

_LATIN = re.compile("[a-z]")
_HAN = re.compile(f"[{HAN_RANGES}]")


def without_latin_words(parsed: ParsedQuery) -> ParsedQuery | None:
    """A question mixing Chinese and English words, with the English words left out (None if it has
    no such words, or nothing else). Words with digits or symbols (5G, C#) are kept. Pure."""
    if not parsed.question or parsed.phrases:
        return None
    kept = tuple(t for t in parsed.terms if not (t.isascii() and t.isalpha()))
    if not kept or len(kept) == len(parsed.terms) or all(t.isascii() for t in kept):
        return None
    return replace(parsed, terms=kept, exact=None)


def fallbacks(parsed: ParsedQuery) -> list[ParsedQuery]:
    """Looser readings of a query to try, in order, while it finds nothing. Pure.

    1. A single character glued to the word before it was a verb, not a suffix (李卓瑜讲了什么:
       李卓瑜, not 李卓瑜讲; the gluing is for unknown places such as 侯寨 + 乡).
    2. The English words of a question that mixes them with Chinese ("where did 樊惠林 go").
    """
    out: list[ParsedQuery] = []
    if parsed.loose_terms:
        out.append(replace(parsed, terms=parsed.loose_terms, exact=None, loose_terms=()))
    for p in [parsed, *out]:
        narrowed = without_latin_words(p)
        if narrowed is not None:
            out.append(narrowed)
    return out


def informative_order(counts: dict[str, int]) -> list[str]:
    """Terms from the most to the least informative by the index's own statistics: found in fewer
    articles first; a lone Latin letter (`evidence.lone_letter`: x of 8+X, of <i>x</i>) after every real
    word found; terms found in none come last (they cannot help). Pure."""
    return sorted(counts, key=lambda t: (counts[t] == 0, evidence.lone_letter(t), counts[t], -len(t)))


def without_dates(parsed: ParsedQuery) -> list[ParsedQuery]:
    """Readings of a question whose dates filtered everything out: the years and months as words
    (华为2019年收入: an article titled 华为发布2019年年报), then the dates left out. Pure."""
    if not (parsed.dates or parsed.periods) or not (parsed.terms or parsed.groups):
        return []
    out = []
    words = tuple(d.label() for d in parsed.dates)
    if words:
        out.append(replace(parsed, terms=parsed.terms + words, dates=(), periods=(), exact=None))
    out.append(replace(parsed, dates=(), periods=(), exact=None))
    return out


def ranks_by_evidence(parsed: ParsedQuery) -> bool:
    """Whether a query is ranked by evidence from the start: a question with words, not a list of one
    day's stories, nor OR alternatives (those keep their strict reading). A question's dates, typed out or
    relative to today (去年…那事后来怎样), are evidence about the story's time, not a filter; except that a
    question asking for the stories of a relative period (上周有什么台风的新闻, 本周习近平有哪些活动) keeps
    it as a filter. Pure."""
    if parsed.periods and evidence.asks_for_stories(parsed.asked):
        return False
    return parsed.question and bool(parsed.terms) and not parsed.groups


# Each step reads on the connection it is given and returns what it settled on, or None to let the
# next step try.
Step = Callable[[sqlite_utils.Database, ParsedQuery, int], Found | None]


def run_ladder(db: sqlite_utils.Database, parsed: ParsedQuery, window: int, *, correct: bool) -> Found:
    """The steps of `climb`, on the query with its Latin words read (`latin_words_read`: a name of two
    English words made one, a word typed in pinyin read as the index's word) when that finds something,
    else on the query as typed."""
    read, readings = latin_words_read(db, parsed, correct=correct)
    if read is parsed:
        return climb(db, parsed, window, correct=correct)
    found = climb(db, read, window, correct=correct)
    if found.total or not readings:
        return replace(found, corrections=readings + found.corrections)
    return climb(db, parsed, window, correct=correct)


def latin_words_read(
    db: sqlite_utils.Database, parsed: ParsedQuery, *, correct: bool
) -> tuple[ParsedQuery, tuple[Correction, ...]]:
    """The query with its Latin words read: an English name typed as two words (hong kong) made one term
    (`english_names.joined`), and, when `correct`, each word typed in pinyin (`pinyin.typed_words`: yinlian,
    yin lian) that no article holds as typed read as the index's word it spells, in a query with Han
    characters or one whose every word spells pinyin (`pinyin.spelled_in_pinyin`: no English sentence)
    (`IndexVocabulary.pinyin_reading`): a noun or a name, never a stop word (`_read_from_pinyin`); never an
    English name of the table or a quoted phrase; with the readings made, as corrections. A query with no Latin letters comes back as it is,
    the index unread."""
    if not any(_LATIN.search(t) for t in parsed.terms):
        return parsed, ()
    terms = english_names.joined(parsed.terms)
    readings: list[Correction] = []
    if correct:
        vocab = IndexVocabulary(db.conn)
        in_pinyin = bool(_HAN.search(parsed.asked)) or pinyin.spelled_in_pinyin(parsed.asked)
        for typed in pinyin.typed_words(terms) if in_pinyin else []:
            if any(has_printed_forms(t) or t in parsed.phrases for t in typed.terms):
                continue
            if any(vocab.article_counts(list(dict.fromkeys([typed.word, typed.as_typed])))):
                continue
            reading = vocab.pinyin_reading(typed.word, wanted=_read_from_pinyin)
            if reading is not None:
                readings.append(Correction(typed.as_typed, reading))
                terms = typed.replaced(terms, reading)
    if terms == parsed.terms:
        return parsed, ()
    return replace(parsed, terms=terms, exact=None, loose_terms=()), tuple(readings)


def _read_from_pinyin(word: str) -> bool:
    """Whether a word the index prints may be what a reader typed in pinyin: a noun or a name
    (`pinyin.names_a_thing`), no stop word (我们 of women)."""
    return word not in STOP_WORDS and pinyin.names_a_thing(tag(word))


def climb(db: sqlite_utils.Database, parsed: ParsedQuery, window: int, *, correct: bool) -> Found:
    """Try readings of the query from the strictest down, until one finds something:

    1. every word as typed (an English name news prints in Chinese, in either form: `english_names`);
    2. words people type replaced by what papers print (`storage.search.synonyms`);
    3. words found in no article corrected from the index's own words (`corrections`);
    4. the looser segmentations of `fallbacks`; a date or period that filters everything out
       becomes words, then goes (and synonyms again without it);
    5. long questions: articles holding most of the words' weight (`ranking.plan(relaxed=True)`);
    6. the most informative words by the index's own counts, dropping the most common ones;
    7. any of the words, ranked by the weight of those they hold.

    Questions are ranked by evidence first (`ranks_by_evidence`), and so are words that find nothing
    together once every reading of them as typed has failed. `correct=False` skips the corrections.
    """
    as_typed: tuple[Step | None, ...] = (
        _evidence_for_questions,
        _with_english_names,
        _every_word,
        _printed_forms,
        _sure_slips if correct else None,  # a sure slip (same sound, a key typed twice) first
        _with_fallbacks,
        _without_the_dates,
        _slips_of_a_word_alone if correct else None,
    )
    for step in as_typed:
        if step is not None and (found := step(db, parsed, window)) is not None:
            return found
    # What is left is tried without the dates, if the query has any.
    base = without_dates(parsed)[-1] if without_dates(parsed) else parsed
    for step in (_printed_forms, _evidence_for_words, _relaxed, _most_informative, _any_word):
        if (found := step(db, base, window)) is not None:
            return replace(found, date_dropped=base is not parsed)
    return Found(parsed)


def _if_found(found: Found) -> Found | None:
    """`found` if it found something, else None (the next step tries)."""
    return found if found.total else None


def _evidence_for_questions(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """A question with words (`ranks_by_evidence`), ranked by the evidence articles hold."""
    return _if_found(ranked_by_evidence(db, parsed, window)) if ranks_by_evidence(parsed) else None


def _with_english_names(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """The English names of the query that news prints in Chinese (`english_names`: IMF), each searched as it
    or its printed forms from the start; the other words as typed, less a printed form of a name typed
    beside it (who 世卫: 世卫 is one of WHO's forms, not a second word to find)."""
    names = tuple(t for t in parsed.terms if english_names.printed_names(t))
    if not names:
        return None
    forms = {form for name in names for form in english_names.printed_names(name)}
    either = replace(
        parsed,
        terms=tuple(t for t in parsed.terms if t not in names and t not in forms),
        groups=parsed.groups + tuple(printed_forms(t) for t in names),
        exact=None,
        loose_terms=(),
    )
    return _if_found(_strict(db, either, window))


def _every_word(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Every word as typed; a list of one day's stories stops here, found or not."""
    p = plan_with_years(db, parsed)
    total, rows = execute(db, p, window) if p is not None else (0, [])
    if total or parsed.date_only:
        return Found(parsed, int(total), tuple(rows))
    return None


def _printed_forms(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """The words people type replaced by what papers print (`query.with_printed_forms`)."""
    expanded = with_printed_forms(parsed)
    return _if_found(_strict(db, expanded, window)) if expanded is not None else None


def _sure_slips(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Words found in no article corrected, when the correction is sure (same sound, a key typed twice)."""
    return _corrected(db, parsed, window, max_rank=0)


def _with_fallbacks(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """The looser segmentations of `fallbacks` (every word as typed found nothing in `_every_word`)."""
    return _first_found(db, fallbacks(parsed), window)


def _without_the_dates(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """The readings of `without_dates`: the dates as words, then left out."""
    for reading in without_dates(parsed):
        found = _strict(db, reading, window)
        if found.total:
            return replace(found, date_dropped=True)
    return None


def _slips_of_a_word_alone(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Any one-character slip of a word typed alone, once looser readings found nothing (in a longer
    question an unsure correction would replace a word the relaxed search can drop)."""
    one_word = len(parsed.terms) == 1 or (
        parsed.exact is not None and not parsed.question and len(parsed.exact) <= corrections.MAX_LEN
    )
    return _corrected(db, parsed, window, max_rank=corrections.MAX_RANK) if one_word else None


def _evidence_for_words(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Two or more words (no OR alternatives) that find nothing together, ranked by evidence."""
    if len(parsed.terms) >= 2 and not parsed.groups:
        return _if_found(ranked_by_evidence(db, parsed, window))
    return None


def _relaxed(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Questions and long queries: the articles holding most of the words' weight."""
    if not (parsed.question or len(parsed.terms) >= 4):
        return None
    relaxed = plan_with_years(db, parsed, relaxed=True)
    if relaxed is None:
        return None
    total, rows = execute(db, relaxed, window)
    return Found(parsed, total, tuple(rows), dropped=_missing(db, parsed, rows)) if total else None


def _most_informative(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """The most informative words (`informative_order`), dropping the most common ones one by one."""
    vocab = IndexVocabulary(db.conn)
    counts = {t: vocab.article_count(t) for t in parsed.terms}
    order = informative_order(counts)
    for keep in range(len(order) - 1, 0, -1):
        kept = set(order[:keep])
        if not any(counts[t] for t in kept):
            continue
        narrowed = replace(
            parsed, terms=tuple(t for t in parsed.terms if t in kept), exact=None, loose_terms=()
        )
        found = _strict(db, narrowed, window)
        if found.total:
            return replace(found, dropped=tuple(t for t in parsed.terms if t not in kept))
    return None


def _any_word(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found | None:
    """Any of two or more words, ranked by the weight of those an article holds."""
    if len(parsed.terms) < 2:
        return None
    anyword = plan_with_years(db, parsed, relaxed=True, share=0.0)
    if anyword is None:
        return None
    total, rows = execute(db, anyword, window)
    return Found(parsed, total, tuple(rows), any_word=True) if total else None


def _corrected(db: sqlite_utils.Database, parsed: ParsedQuery, window: int, max_rank: int) -> Found | None:
    """The query with its slips corrected from the index's words, if that finds something.

    A word typed as one piece that jieba split (哈尔可岛 → 哈尔 / 可岛) is corrected whole; otherwise
    each term no article holds is corrected on its own."""
    vocab = IndexVocabulary(db.conn)
    fixes: dict[str, str] = {}
    terms: tuple[str, ...] = parsed.terms
    whole = parsed.exact if parsed.exact and len(parsed.exact) <= corrections.MAX_LEN else None
    if whole and words_the_archive_holds(parsed.terms, vocab.article_count):
        whole = None  # two words typed together (北京房价: 北京 + 房价), no slip of one
    if whole and corrections.correctable(whole) and vocab.article_count(whole) == 0:
        fixed_whole = vocab.correction(whole, max_rank)
        if fixed_whole is not None:
            fixes = {whole: fixed_whole}
            terms = (fixed_whole,)
    if not fixes:
        for t in parsed.terms:
            if corrections.correctable(t) and vocab.article_count(t) == 0:
                fixed_term = vocab.correction(t, max_rank)
                if fixed_term is not None:
                    fixes[t] = fixed_term
        terms = tuple(fixes.get(t, t) for t in parsed.terms)
    if not fixes:
        return None
    fixed = replace(parsed, terms=terms, exact=None, loose_terms=())
    for reading in [fixed, *without_dates(fixed)]:
        found = _strict(db, reading, window)
        if not found.total and (again := with_printed_forms(reading)) is not None:
            found = _strict(db, again, window)
        if found.total:
            return replace(
                found,
                corrections=tuple(Correction(t, f) for t, f in fixes.items()),
                date_dropped=reading is not fixed,
            )
    return None


def words_the_archive_holds(terms: Sequence[str], article_count: Callable[[str], int]) -> bool:
    """Whether a run typed as one piece that jieba split is words, not a slip: two or more pieces, each a word
    of two characters or more of jieba's dictionary that some article holds (北京房价: 北京 + 房价), unlike a
    name split into pieces no dictionary knows (哈尔可岛: 哈尔 + 可岛) or into a single character (樊 + 惠琳)."""
    return len(terms) >= 2 and all(len(t) >= 2 and dictionary_word(t) and article_count(t) > 0 for t in terms)


def _strict(db: sqlite_utils.Database, parsed: ParsedQuery, window: int) -> Found:
    """All the words (with the looser segmentations of `fallbacks` while nothing is found)."""
    return _first_found(db, [parsed, *fallbacks(parsed)], window) or Found(parsed)


def _first_found(db: sqlite_utils.Database, readings: Sequence[ParsedQuery], window: int) -> Found | None:
    """The first of `readings` whose words are all found, or None."""
    for reading in readings:
        p = plan_with_years(db, reading)
        total, rows = execute(db, p, window) if p is not None else (0, [])
        if total:
            return Found(reading, int(total), tuple(rows))
    return None


def _missing(db: sqlite_utils.Database, parsed: ParsedQuery, rows: Sequence[RankedRow]) -> tuple[str, ...]:
    """The terms the best row's article does not hold (what a relaxed search left out)."""
    if not rows:
        return ()
    doc = documents(db, [rows[0].id]).get(rows[0].id)
    if doc is None:
        return ()
    text = normalize(f"{doc[0]}\n{doc[2]}")
    return tuple(t for t in parsed.terms if normalize(t) not in text)
