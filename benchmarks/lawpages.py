"""A text-page layout from People's Daily (`benchmarks.rmrb`) that no other family uses: a 法治 page
(law and courts), open to tuning. The family is a function of a seed: same seed, same pages, same truth.

- ``law_page`` (the tuned months): two to four stories of one issue whose heads name the law (法院, 检察,
  法官, 律师, 法治, 司法, 案, 犯罪, 诈骗, 维权…), as a desk page prints them
  (`benchmarks.deskpages.desk_story`); a page strip (``法治  第11版`` over the date, ``政法·法治｜11``
  over a dotted date); the heads as printed (the kicker a group of its own on some). A story is set one
  of three ways:

  - as the corpus prints it (the ``本报记者  王某`` line under the heads, or the dateline's bracketed
    reporters opening the lead);
  - **a byline closing the story**: a dispatch's reporters taken out of its dateline and printed after its
    last sentence as ``（记者 王某 通讯员 李某）``, on a line of its own or run on to the last paragraph; a
    feature's ``本报记者`` line taken from under its heads and printed at its end as ``（记者 王某）`` or
    ``（王某）``; the correspondents made up;
  - with **a box after it**: ``以案说法`` / ``法官提醒`` / ``律师说法`` over question-and-answer turns,
    each ``问：`` (or ``记者：``) line a made-up question and each ``答：`` (or ``法官：`` / ``律师：``) line a
    paragraph of the story's own text (its last paragraphs, taken out of the story).

  The editor's line at the foot.

The truth, as the other families': a title is the printed header lines joined by spaces, paragraphs as
printed (a dateline kept in its lead, a closing byline in no paragraph); a box is a story of its own,
titled by its label as printed (``【法官提醒】``, ``■律师说法``), its turns its paragraphs, no date and no reporter; the strip and the editor's line
in no story; the date the dateline's, else the one the lead's first clause opens with, else the page's
for a lead opening with 近日/今天; the reporters the printed names (reporters, then correspondents).
"""

from __future__ import annotations

import random
import re

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.deskpages import desk_story, lay_in_columns
from benchmarks.localpages import (
    _lead_date,
    _names,
    _page_dated,
    page_strip,
)
from benchmarks.pagefamilies import (
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_issue,
    first_printings,
    issue_runs,
)
from benchmarks.paperpages import (
    _lead_without_dateline,
)
from benchmarks.rmrb import Article
from benchmarks.sectionpages import _editor_line

LAW = "law_page"
SEED = 1
UNSEEN_SEED = 2  # the family's second seed: only its totals are read, never a story of it

_LAW_WORDS_RE = re.compile(
    "法院|检察|法官|律师|法治|司法|审判|判决|案件|办案|公安|执法|法律|违法|犯罪|诈骗|维权|普法|扫黑"
)
_SECTIONS = ("法治", "政法·法治", "法治·社会", "法治视点")
_BOX_LABELS = ("以案说法", "法官提醒", "律师说法")
_QUESTIONS = (
    "这类案件有什么特点？",
    "法律对此是怎样规定的？",
    "遇到类似情况，群众应当怎么做？",
    "下一步还将采取哪些措施？",
    "如何更好保护当事人的合法权益？",
)


# ---- the stories ------------------------------------------------------------------------------------


def _law_story(article: Article) -> bool:
    """A law story: the law's words in its heads, as a desk page prints it."""
    return desk_story(article, _LAW_WORDS_RE, ("（相关报道",))


def _closing_byline(rng: random.Random, reporters: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """``（记者 王某 通讯员 李某）`` or ``（王某）``, and the names in the truth's order."""
    if rng.random() < 0.25:
        return f"（{' '.join(reporters)}）", reporters
    correspondents = _names(rng, 2) if rng.random() < 0.5 else ()
    text = f"记者 {' '.join(reporters)}"
    if correspondents:
        text += f" 通讯员 {' '.join(correspondents)}"
    return f"（{text}）", (*reporters, *correspondents)


def _lay_closed_by_byline(
    article: Article, rng: random.Random, width: int
) -> tuple[list[str], Expected, str]:
    """A story whose reporters close it: out of its dateline or from under its heads, after its text."""
    dateline, rest = _lead_without_dateline(article)
    text = list(article.paragraphs)
    if dateline:
        text[0] = f"{dateline} {rest}"
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    byline, names = _closing_byline(rng, article.reporters)
    run_on = rng.random() < 0.4
    body: list[str] = []
    for index, paragraph in enumerate(text):
        last = index == len(text) - 1
        body += wrap(paragraph + byline if last and run_on else paragraph, width)
    if not run_on:
        body.append(byline)
    date = article.date if dateline else _page_dated(text[0], article.issue, _lead_date(article, text[0]))
    expected = Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(text),
        date=date,
        reporters=names,
        correspondents=(),
    )
    kind = ("dispatch" if dateline else "feature") + ", closing byline" + (" run on" if run_on else "")
    return [*heads, "", *column_breaks(body, rng)], expected, kind


def _box(rng: random.Random, answers: list[str], width: int) -> tuple[list[str], Expected]:
    """A 以案说法 / 法官提醒 box: its label over question-and-answer turns, the answers `answers`."""
    label = rng.choice(_BOX_LABELS)
    asker = rng.choice(("问", "记者"))
    answerer = rng.choice(("答", label[:2] if label != "以案说法" else "答"))
    questions = rng.sample(_QUESTIONS, len(answers))
    turns: list[str] = []
    for question, answer in zip(questions, answers, strict=True):
        turns += [f"{asker}：{question}", f"{answerer}：{answer}"]
    printed = rng.choice((label, f"【{label}】", f"■{label}"))
    lines = [printed, ""]
    for turn in turns:
        lines += wrap(turn, width)
    expected = Expected(title=printed, paragraphs=tuple(turns), date=None, reporters=(), correspondents=())
    return lines, expected


def _lay_story(
    article: Article, rng: random.Random, width: int
) -> tuple[list[str], list[Expected], list[str]]:
    """One story set one of the page's ways, and a box after it on some."""
    choice = rng.random()
    if article.reporters and choice < 0.45:
        lines, expected, kind = _lay_closed_by_byline(article, rng, width)
        return lines, [expected], [kind]
    if len(article.paragraphs) >= 4 and choice > 0.7:
        kept = rng.randint(1, 2)
        story = type(article)(
            **{**article.__dict__, "paragraphs": article.paragraphs[:-kept]}  # the box takes the rest
        )
        head, body, expected, kind = lay_in_columns(story, rng, width)
        box, box_truth = _box(rng, list(article.paragraphs[-kept:]), width)
        return [*head, *body, "", *box], [expected, box_truth], [kind + ", box after", "box"]
    head, body, expected, kind = lay_in_columns(article, rng, width)
    return [*head, *body], [expected], [kind]


# ---- the page ---------------------------------------------------------------------------------------


def compose_law(articles: list[Article], rng: random.Random) -> FamilyPage:
    """A 法治 page: its strip, the stories (a box after some), the editor's line."""
    width = rng.randint(14, 22)
    issue = articles[0].issue
    lines = page_strip(rng, issue, rng.choice((11, 18, 19)), _SECTIONS) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    for article in articles:
        block, truths, story_kinds = _lay_story(article, rng, width)
        lines += block + [""]
        expected += truths
        kinds += story_kinds
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(LAW, lines, issue, expected, kinds)


def make_law(count: int, seed: int) -> list[FamilyPage]:
    """`count` 法治 pages from the tuned months, each two to four law stories of one issue."""
    days = by_issue(first_printings(TUNED_MONTHS, _law_story), 2)
    rng = random.Random(f"{LAW}:{seed}")
    return [compose_law(run, rng) for run in issue_runs(days, count, rng, 2, 4)]


# ---- families ---------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {LAW: make_law},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
)
