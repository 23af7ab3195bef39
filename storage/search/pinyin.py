"""Words typed in pinyin (yinlian, yin lian, yínlián, yin2lian2): which words of the index they may mean. Pure.

A reader whose input method fails types a word's sound in Latin letters. A Latin word that no article
holds and that reads as whole syllables (`splits`: every way to cut it into pinyin syllables, tone marks
and tone digits left out) is read as the index's strings of characters with those readings, found through
the index's own two-character tokens (`storage.search.vocabulary.IndexVocabulary.pinyin_reading`), never
from a list of words: the candidate printed in the most articles wins (`choose`), a character read by its
main reading before one read by a rarer one (众 is read zhòng before yín).

The syllables come from pypinyin's character table (the one `storage.search.corrections` reads for slips);
syllables without a vowel (m, n, ng, hm, hng) are left out, as are words of one syllable (too many
characters share each) and runs of more than `MAX_SYLLABLES`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

MIN_SYLLABLES = 2
MAX_SYLLABLES = 6
MAX_SPLITS = 8  # ways of cutting one word into syllables (xian: xian, xi an)
MAX_PREFIXES = 40
# jieba's tags of the words a reading may be: nouns, names of people, places and bodies, abbreviations,
# verbal nouns; not `nrt` (a foreign name written by its sound: 比特, 哈特, which bite and hate spell).
NOUN_TAGS = frozenset("n nr nrfg ns nt nz j vn".split())
RARE_READING_SHARE = 0.1
# Articles a word jieba's dictionary lacks must print it in (as a word) to be a reading: 新冠 is one, a name
# jieba guessed in one story (思则) is not.
MIN_UNLISTED = 10  # the weight of a candidate's articles for each character read by a rarer reading  # strings of characters kept at each syllable while a reading is built, by articles
_VOWELS = re.compile("[aeiouv]")
# A word in pinyin as typed: letters, each syllable optionally followed by its tone digit (yin2lian2).
_TYPED = re.compile(r"(?:[a-z]+[0-5]?)+")
_TONE_DIGITS = re.compile(r"(?<=[a-z])[0-5]")
# Common English words whose letters spell whole pinyin syllables (like: li ke, time: ti me, open: o pen):
# never read as pinyin. Names (Obama, Kenya, Gaza) are left to the archive: a reading must be a noun or name
# printed there (`names_a_thing`).
ENGLISH_WORDS = frozenset(
    """a an he she me we ye o ha ah oh ago also area idea anger ague aide bane banana bike bite bone cage came
    cane change chime cure cute dean dense die dime dine dude dune ease game gee hate huge human lane late lean
    lee lie like lime line lingo lure lute made make mane mango mania mean mike mime mine mute name nine nude
    open page pane pie pine pose pure rename ride rude sage same sane sea see sense shine side site sure take
    tango tea tide tie time tune wage woman women wooden bingo dingo jingo anime""".split()
)
# A Latin word holding a vowel with a tone mark (or ü).
_MARKED_WORD = re.compile("[a-zA-Z\u00c0-\u024f]*[\u00e0-\u00fc\u0100-\u01dc][a-zA-Z0-9\u00c0-\u024f]*")
# A run of Latin letters (tone marks among them) and digits inside a term: what may be a word in pinyin.
_LATIN_PIECES = re.compile(r"[a-zA-Z0-9\u00c0-\u024f\u0300-\u036f]+")


@dataclass(frozen=True)
class Typed:
    """A word of a query that may be typed in pinyin: `word` as read (yin lian joined: yinlian), and the query's
    terms it was typed in: one term holding it (yinlian, yinlian卡) or a run of terms of one syllable each
    (yin, lian)."""

    word: str
    terms: tuple[str, ...]

    @property
    def as_typed(self) -> str:
        """The word as the reader typed it (yinlian; yin lian)."""
        return self.word if len(self.terms) == 1 else " ".join(self.terms)

    def replaced(self, terms: tuple[str, ...], reading: str) -> tuple[str, ...]:
        """`terms` with this word read as `reading` (yinlian卡 → 银联卡; yin, lian → 银联)."""
        for i in range(len(terms) - len(self.terms) + 1):
            if terms[i : i + len(self.terms)] == self.terms:
                new = self.terms[0].replace(self.word, reading) if len(self.terms) == 1 else reading
                return (*terms[:i], new, *terms[i + len(self.terms) :])
        return terms


def typed_words(terms: Sequence[str]) -> list[Typed]:
    """The words of a query to read as pinyin: each Latin word that reads as whole syllables, alone or glued to
    Han characters in a term (yinlian卡), and each run of two or more terms of one syllable each (yin lian);
    never a common English word (`ENGLISH_WORDS`)."""
    out: list[Typed] = []
    run: list[str] = []
    known = syllables()

    def end_run() -> None:
        if len(run) >= MIN_SYLLABLES:
            out.append(Typed("".join(run), tuple(run)))
        run.clear()

    for term in terms:
        if toneless(term) in known and term not in ENGLISH_WORDS:
            run.append(term)
            continue
        end_run()
        latin = _LATIN_PIECES.findall(term)
        if len(latin) == 1 and latin[0].lower() not in ENGLISH_WORDS and splits(latin[0]):
            out.append(Typed(latin[0], (term,)))
    end_run()
    return out


def spelled_in_pinyin(text: str) -> bool:
    """Whether every Latin word of a query reads as pinyin syllables and none is a common English word: a
    query of Latin letters only is read as pinyin only then (an English question holds words that do not
    spell pinyin: what, is, the, rights; or English words that do: like, time)."""
    words = _LATIN_PIECES.findall(text)
    known = syllables()
    return bool(words) and all(
        w.lower() not in ENGLISH_WORDS and (toneless(w) in known or bool(splits(w))) for w in words
    )


def toneless(word: str) -> str:
    """The word in lower case without tone marks (ü as v: lǜ → lv), its letters and digits kept."""
    decomposed = unicodedata.normalize("NFD", word.lower()).replace("u\u0308", "v")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def without_tone_marks(text: str) -> str:
    """`text` with each word written with pinyin's tone marks (yínlián, lǜsè) written without them, when it
    reads as whole syllables: the parser cuts letters with marks apart, and the index holds no such word."""
    return _MARKED_WORD.sub(lambda m: plain if splits(plain := toneless(m.group(0))) else m.group(0), text)


def splits(word: str) -> list[tuple[str, ...]]:
    """Every way to read `word` as `MIN_SYLLABLES` to `MAX_SYLLABLES` whole pinyin syllables (fewest
    syllables first), or none when it does not read so (5g, iphone, news). A tone digit ends a syllable."""
    plain = toneless(word)
    if not plain.isascii() or not _TYPED.fullmatch(plain):
        return []
    groups = [g for g in _TONE_DIGITS.split(plain) if g]
    out: list[tuple[str, ...]] = [()]
    for group in groups:
        out = [done + rest for done in out for rest in _cuts(group)][:MAX_SPLITS]
        if not out:
            return []
    found = [s for s in out if MIN_SYLLABLES <= len(s) <= MAX_SYLLABLES]
    return sorted(found, key=len)


@lru_cache(maxsize=1024)
def _cuts(letters: str) -> tuple[tuple[str, ...], ...]:
    """Every way to cut a run of letters into whole syllables."""
    if not letters:
        return ((),)
    known = syllables()
    out: list[tuple[str, ...]] = []
    for end in range(min(len(letters), 6), 0, -1):
        head = letters[:end]
        if head in known:
            out += [(head, *rest) for rest in _cuts(letters[end:])]
    return tuple(out[:MAX_SPLITS])


def syllables() -> frozenset[str]:
    """The toneless syllables of pypinyin's table that hold a vowel."""
    return frozenset(s for s in _by_reading() if _VOWELS.search(s))


def characters(syllable: str) -> tuple[str, ...]:
    """The characters (common CJK block) read `syllable` by their main or second reading, those for which it
    is the main reading first."""
    main, other = _by_reading().get(syllable, ((), ()))
    return main + other


def reads(ch: str, syllable: str) -> int | None:
    """0 when `syllable` is the character's main reading, 1 when its second, else None (a third reading is
    too rare to read a reader's word by: 度 read zhái, 莉 read chí)."""
    found = _readings(ch)[:2]
    if syllable not in found:
        return None
    return found.index(syllable)


def names_a_thing(tagged: Sequence[tuple[str, str]]) -> bool:
    """Whether a candidate, as jieba tags it alone, is one noun or name (`NOUN_TAGS`): what readers type in
    pinyin (银联, 郑州, 研究所), not a word English spells by chance (like: 立刻, name: 那么, late: 拉特, a name
    written by its sound)."""
    return len(tagged) == 1 and tagged[0][1] in NOUN_TAGS


def rare_readings(candidate: str, syllables_read: Sequence[str]) -> int | None:
    """How many characters of `candidate` are read by a reading other than their main one, or None when
    it does not read `syllables_read` character by character."""
    if len(candidate) != len(syllables_read):
        return None
    total = 0
    for ch, syllable in zip(candidate, syllables_read, strict=True):
        rank = reads(ch, syllable)
        if rank is None:
            return None
        total += rank
    return total


def candidates(
    syllables_read: Sequence[str], bigrams_from: Callable[[Sequence[str]], Mapping[str, int]]
) -> dict[str, int]:
    """Strings of characters reading `syllables_read` one by one that the index holds, each with a bound on
    the articles printing it (the fewest of its two-character tokens'), at most `MAX_PREFIXES`, the most
    printed first. `bigrams_from(chars)`: the index's two-character tokens starting with any of `chars`,
    each with the articles holding it. Built a syllable at a time from the tokens the index holds."""
    if len(syllables_read) < MIN_SYLLABLES:
        return {}
    found: dict[str, int] = {}
    firsts = characters(syllables_read[0])
    for gram, n in bigrams_from(firsts).items():
        if len(gram) == 2 and reads(gram[0], syllables_read[0]) is not None:
            if reads(gram[1], syllables_read[1]) is not None:
                found[gram] = n
    for syllable in syllables_read[2:]:
        kept = _most_printed(found)
        grams = bigrams_from(sorted({c[-1] for c in kept}))
        found = {}
        for prefix, n in kept.items():
            for gram, m in grams.items():
                if len(gram) == 2 and gram[0] == prefix[-1] and reads(gram[1], syllable) is not None:
                    found[prefix + gram[1]] = min(n, m)
    return _most_printed(found)


def _most_printed(found: Mapping[str, int]) -> dict[str, int]:
    best = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_PREFIXES]
    return dict(best)


def choose(counts: Mapping[str, tuple[int, int]]) -> str | None:
    """The reading to search (`counts`: candidate → (characters read by a rarer reading, articles printing
    it as a word)): the most articles, each rarer reading counting them a tenth (虫情 of two articles before
    重庆 of three hundred, whose 重 is read zhòng first, would be wrong); None when none weighs one article
    or more (莉娜 of china: 莉 read chí, in five articles)."""
    found = [(c, n * RARE_READING_SHARE**rare) for c, (rare, n) in counts.items()]
    found = [(c, weight) for c, weight in found if weight >= 1]
    if not found:
        return None
    return min(found, key=lambda f: (-f[1], f[0]))[0]


@lru_cache(maxsize=8192)
def _readings(ch: str) -> tuple[str, ...]:
    """The toneless readings of a character, its main reading first."""
    from pypinyin.pinyin_dict import pinyin_dict

    raw = pinyin_dict.get(ord(ch))
    return tuple(dict.fromkeys(toneless(p) for p in raw.split(","))) if raw else ()


def load_table() -> None:
    """Load pypinyin's character table and the syllables built from it now rather than at the first word
    typed in pinyin."""
    _by_reading()


@lru_cache(maxsize=1)
def _by_reading() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Syllable → (characters whose main reading it is, characters whose second reading it is)."""
    from pypinyin.pinyin_dict import pinyin_dict

    main: dict[str, list[str]] = {}
    other: dict[str, list[str]] = {}
    plain: dict[str, str] = {}
    for code, raw in pinyin_dict.items():
        if not 0x4E00 <= code <= 0x9FA5:
            continue
        readings = []
        for p in raw.split(","):
            if p not in plain:
                plain[p] = toneless(p)
            readings.append(plain[p])
        for i, reading in enumerate(list(dict.fromkeys(readings))[:2]):
            (main if i == 0 else other).setdefault(reading, []).append(chr(code))
    return {s: (tuple(main.get(s, ())), tuple(other.get(s, ()))) for s in {*main, *other}}
