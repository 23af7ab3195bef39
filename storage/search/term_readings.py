"""How a question's terms are read against the archive before the evidence weighs them (issue 20): a post typed
after whose post it is read whole (湖北省委书记: 湖北 + 省委书记) and the stories printing it whole with a holder's name
put a tier first; a character jieba glued to the next word moved to the word before it when the archive prints the
two as one name (火神 + 山医院: 火神山 + 医院). Pure but for jieba's dictionary."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import astuple, replace

from storage.search import evidence
from storage.search.answers.kinds import question_kind
from storage.search.answers.people import POST
from storage.text.normalize import HAN_RANGES, normalize
from storage.text.segment import dictionary_word

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
