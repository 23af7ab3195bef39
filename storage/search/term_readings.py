"""How a question's terms are read against the archive before the evidence weighs them (issue 20): a post typed
after whose post it is read whole (湖北省委书记: 湖北 + 省委书记) and the stories printing it whole with a holder's name
put a tier first; a character jieba glued to the next word moved to the word before it when the archive prints the
two as one name (火神 + 山医院: 火神山 + 医院). And the repairs of what jieba and the parser glued: a character glued
to a word read without it (`rescued`: 王毅跟, 县支教), one glued before the next word put where it belongs
(`reglued`: 清明村 + 最后), and the ending of a name left alone put back (`with_name_endings`: 大湾区). Pure but for
jieba's dictionary and tags."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import astuple, replace

from storage.search import evidence
from storage.search.answers.kinds import question_kind
from storage.search.answers.people import POST
from storage.text.normalize import HAN_RANGES, normalize
from storage.text.segment import dictionary_word, tag

_HAN_CHAR = re.compile(f"[{HAN_RANGES}]")

_POST_WORD = re.compile(POST)
_ENDS_WITH_POST = re.compile(POST + "$")
# Roles many people hold at once (新华社记者, 人大代表, 政协委员): a story printing one names one of many holders.
_MANY_HOLDERS = re.compile("(?:记者|通讯员|代表|委员|常委|干部|教授|干事)$")


def posts_read_whole(terms: Sequence[str], typed: Sequence[str]) -> list[str]:
    """The terms with a post the question typed after whose post it is read whole: jieba cuts 湖北省委书记
    湖北省委 + 书记, and an article printing 湖北省委常委、省纪委书记 then holds both words with another post;
    when the end of the word before the post makes one word of the dictionary with it (省委 + 书记: 省委书记)
    and what is left of it is a word too (湖北), the terms read 湖北 + 省委书记. Pure but for jieba's
    dictionary."""
    out = list(terms)
    for i in range(1, len(out)):
        before, post = out[i - 1], out[i]
        if not _POST_WORD.fullmatch(post) or not any(
            typed[k : k + 2] == [before, post] for k in range(len(typed) - 1)
        ):
            continue
        for n in (2, 1):
            head, end = before[:-n], before[-n:]
            if len(head) >= 2 and dictionary_word(end + post) and dictionary_word(head):
                out[i - 1], out[i] = head, end + post
                break
    return out


def post_printed_whole(asked: str, terms: Sequence[str]) -> Callable[[str], bool] | None:
    """For a question asking who holds a post it types after whose post it is (湖北省委书记是谁, …叫什么: the
    terms 湖北 + 省委书记), a test of a passage printing the post with every term typed together before it, as
    typed and a name after it (湖北省委书记蒋超良), not another place's post beside the place (山东省委书记刘家义…支援湖北), nor the
    post of another body ending alike (天明集团董事长 for 白山方大集团董事长); None for other questions, and for
    a role many hold at once (`_MANY_HOLDERS`)."""
    if question_kind(asked) not in ("who", "name"):
        return None
    typed = normalize(asked)
    posts = [
        run
        for k in range(1, len(terms))
        if _ENDS_WITH_POST.search(terms[k])
        and not _MANY_HOLDERS.search(terms[k])
        and (run := _typed_run(terms, k, typed))
    ]
    if not posts:
        return None
    # the post with its holder's name after it (湖北省委书记蒋超良), not a byline's (作者为…委员会主席）)
    printed = re.compile("(?:" + "|".join(map(re.escape, posts)) + f")[{HAN_RANGES}]")
    return lambda text: printed.search(text) is not None


def _typed_run(terms: Sequence[str], k: int, typed: str) -> str | None:
    """The terms typed together right before `terms[k]`, with it (白山方大集团董事长), or None when the one before
    was not typed next to it."""
    run = terms[k]
    for j in range(k - 1, -1, -1):
        if terms[j] + run not in typed:
            break
        run = terms[j] + run
    return run if run != terms[k] else None


# More than any difference of evidence scores (the sum of every weight): a tier above the rest.
POST_TIER = sum(astuple(evidence.DEFAULT_WEIGHTS))


def printing_the_post_first(ranked: Sequence[evidence.Ranked], printing: set[int]) -> list[evidence.Ranked]:
    """The ranked articles printing the post asked whole (`post_printed_whole`) and holding as much of the
    question as any a tier above the rest, each part in its order: a story naming the place beside another
    place's post is about another post. Unchanged when none does."""
    most = max((r.held for r in ranked), default=0.0)
    printing = {r.id for r in ranked if r.id in printing and r.held >= most}
    if not printing:
        return list(ranked)
    raised = [replace(r, score=r.score + POST_TIER) if r.id in printing else r for r in ranked]
    return sorted(raised, key=lambda r: (-r.score, -r.id))


# The share of the articles holding a word that hold it with a character after it for the two to be read as one
# name (火神 is printed 火神山 in nearly every story holding it; 体育产业 is rarely followed by 总).
BOUND_SHARE = 0.8


def glued_where_the_archive_binds(
    terms: Sequence[str], typed: Sequence[str], holders: Callable[[str], int]
) -> list[str]:
    """The terms with a single character the parser glued before the next word (typed between two words,
    `typed`: jieba's words of the question) moved to the word before it when the archive binds it there:
    when nearly every article holding the word before prints it with the character after it (`BOUND_SHARE`),
    a larger share than that of the next word printed with the character before it (`holders`: how many
    articles hold a string). 火神山医院 cut 火神 + 山 + 医院: nearly every article holding 火神 holds 火神山, few of those
    holding 医院 hold 山医院, so the name reads 火神山 + 医院, not 火神 + 山医院. A name jieba's dictionary
    lacks is learned from the archive's own text, not from a list."""
    out = list(terms)
    for i in range(1, len(out)):
        before, term = out[i - 1], out[i]
        if len(term) < 3 or not _HAN_CHAR.fullmatch(term[0]):
            continue
        char, rest = term[0], term[1:]
        if not any(typed[k : k + 3] == [before, char, rest] for k in range(len(typed) - 2)):
            continue
        with_before, alone_before = holders(before + char), holders(before)
        with_rest, alone_rest = holders(term), holders(rest)
        bound = with_before >= BOUND_SHARE * alone_before  # the word is hardly printed without the character
        if bound and alone_before and alone_rest and with_before * alone_rest > with_rest * alone_before:
            out[i - 1], out[i] = before + char, rest
    return out


# jieba's tags of a verb, an adverb, a preposition, a conjunction and the particles: a pair of characters its HMM
# tags so, not in its dictionary, is an unknown name's last character glued to the verb after it (河有 of 淦河有多长).
_GLUED_VERB_TAGS = ("v", "d", "p", "c", "u")


def typed_reading(tagged: Sequence[tuple[str, str]]) -> Callable[[str], bool]:
    """Whether a word is one of the question's words as jieba cut and tagged it (`tagged`) that reads as a word:
    one of jieba's dictionary, or one its HMM made up and tagged a name, a noun or an abbreviation (周韵 of
    柱子哥周韵娇得的是什么病, 脱欧), not a verb or a particle (淦河有多长: 淦 / 河有, `_GLUED_VERB_TAGS`)."""
    typed = {w: flag for w, flag in tagged}

    def reads_as_word(word: str) -> bool:
        flag = typed.get(word)
        if flag is None:
            return False
        return not (flag in _GLUED_VERB_TAGS or flag.startswith("u")) or dictionary_word(word)

    return reads_as_word


def rescued(term: str, known: Sequence[Callable[[str], bool]] = ()) -> list[str]:
    """Shorter readings of a term no article holds, longest first: without its first or last
    character (jieba glues a verb or a particle to a name: 王毅跟, 报告说, 县支教). `known`: tests of
    a word, most telling first (a word of the question as jieba cut it, a word of the dictionary): a
    reading they know comes first, so that 国残余 (a character glued to the word after it) is read 残余,
    not 国残, and 国手里 手里 (the question's word), not 国手. Pure."""
    if len(term) < 3:
        return []
    parts = [term[:-1], term[1:]]
    return sorted(parts, key=lambda p: tuple(not k(p) for k in known))


# Characters that end the name of a place, of a government body or of an institution (清明村, 凤林镇, 永年区,
# 生态环境厅, 交通运输部, 附二院): glued before the next word by the parser, they belong to the word before them.
NAME_ENDINGS = frozenset("省市县区镇乡村州厅局部处院")
# Characters that end the name of a day, a festival, a season, an award or a cup (国际博物馆日, 采摘节, 赏花季,
# 五一劳动奖, LG杯): jieba types them apart too, and they belong to the word before them.
THING_ENDINGS = frozenset("日节季奖杯")
# A party congress by its number (十八大以来, 十九大报告): jieba types 大 apart from the number, and it belongs to it.
_CONGRESS = "大"
_CHINESE_NUMBER = re.compile("[一二三四五六七八九十]+")
# What counts (多少户, 几份, 3斤): a measure word after it counts the word after it.
_COUNTS = re.compile(r"(?:多少|几|每|[0-9０-９一二两三四五六七八九十百千万])$")
# 当 typed before a post or a place (在哪儿当驻村第一书记, 当法制员): to serve as, never the start of the word
# after it (jieba tags it a time word, so the preposition test below does not see it).
_SERVES_AS = frozenset("当")
# A span of months (前9个月全国): jieba types its 月 apart, and the parser glues it to the word after it.
_SPAN_OF_MONTHS = "个月"


def reglued(terms: Sequence[str], typed: Sequence[str]) -> list[str]:
    """The terms with each single character the parser glued before the next word (the question typed them
    as two words: `typed`, jieba's words of the question) put where it belongs: after the word before it
    when it ends the name of a place, of a government body or an institution, or the number of a party
    congress, and the two were typed together (清明村最后选定种什么: 清明村 + 最后, not 清明 + 村最后; 西石河村村支书:
    石河村 + 村支书; 附二院首批: 附二院 + 首批; 十八大以来: 十八大 + 以来), or dropped when it is a measure
    word after a count (多少户建档立卡贫困户: 建档立卡; 多少份提案: 提案), which the story need not print
    beside the word; dropped too when it begins no word a reader means: the month of a span of months
    (前9个月全国平均: 全国), 当 (to serve as: 在哪儿当驻村第一书记: 驻村) and a preposition (跟刘慈欣: 刘慈欣). Any
    other character (a surname, an adjective: 吕安民, 新媒体) begins the word after it and stays. Pure but
    for jieba's tags."""
    out = list(terms)
    for i, term in enumerate(out):
        if len(term) < 3 or not _HAN_CHAR.fullmatch(term[0]):
            continue
        head, rest = term[0], term[1:]
        pairs = zip(typed, typed[1:], strict=False)
        at = next((k for k, (a, b) in enumerate(pairs) if (a, b) == (head, rest)), None)
        if at is None:
            continue
        before = typed[at - 1] if at > 0 else ""
        ends_name = (
            head in NAME_ENDINGS
            or head in THING_ENDINGS
            or (head == _CONGRESS and _CHINESE_NUMBER.fullmatch(before))
        )
        if ends_name and i > 0 and before == out[i - 1]:
            out[i - 1], out[i] = before + head, rest
        elif _COUNTS.search(before) and all(flag == "q" for _, flag in tag(head)):
            out[i] = rest
        elif (
            before + head == _SPAN_OF_MONTHS
            or head in _SERVES_AS
            or all(flag == "p" for _, flag in tag(head))
        ):
            out[i] = rest
    return out


def endings_left_alone(terms: Sequence[str], typed_terms: Sequence[str]) -> dict[int, str]:
    """Where a term lacks the character ending its name that the reading without suffixes left alone and
    dropped (大湾区跟香港: 大湾 + 区, then 跟; 科学技术奖一共: 科学技术 + 奖), the name as the reading with suffixes
    has it (`typed_terms`: 大湾区, 科学技术奖), by the term's index: a character of `NAME_ENDINGS` or
    `THING_ENDINGS`, not glued to the next term (`reglued` puts that one back), after a term not ending a name
    already (a name has one ending). Pure."""
    endings = NAME_ENDINGS | THING_ENDINGS
    out: dict[int, str] = {}
    for i, term in enumerate(terms):
        if not term or term[-1] in endings:
            continue
        for longer in typed_terms:
            end = longer[-1]
            if longer != term + end or end not in endings or longer in terms:
                continue
            if i + 1 < len(terms) and terms[i + 1].startswith(end):
                continue
            out[i] = longer
            break
    return out


def with_name_endings(
    terms: Sequence[str], typed_terms: Sequence[str], tagged: Sequence[tuple[str, str]]
) -> list[str]:
    """The terms with the names `endings_left_alone` finds whose ending jieba tagged as a noun of its own in the
    question (`tagged`). The engine reads such a name only when an article holds it (租金省了 is not read 租金省).
    Pure."""
    lone = {w for w, flag in tagged if len(w) == 1 and flag.startswith("n")}
    longer = endings_left_alone(terms, typed_terms)
    return [longer[i] if i in longer and longer[i][-1] in lone else t for i, t in enumerate(terms)]
