"""A text-page layout from People's Daily (`benchmarks.rmrb`) that no other family uses: a 访谈 page (an
interview page), open to tuning. The family is a function of a seed: same seed, same pages, same truth.

- ``interview_page`` (the tuned months): an interview the paper printed question and answer (two or more
  ``记者：`` / ``问：`` turns, 600–7,000 characters, no picture: the 权威访谈, 面对面 and 答记者问 pieces and
  the dialogues of the months on disk), then up to two other stories of its issue and page
  (`benchmarks.deskpages.desk_story`, any heads), as an interview page sets them:

  - a page strip (``访谈  第5版`` over the date, ``要闻·访谈｜05`` over a dotted date, or one line);
  - the heads as printed (the ``——访…`` / ``——专访…`` subtitle, the column in brackets, the kicker a group
    of its own on some);
  - the interviewers' line under the heads (``本报记者  王某  李某``; the corpus keeps none for its
    interviews, so theirs are made up) on most interviews without a dateline;
  - **a résumé box** of the person interviewed (``【人物名片】`` / ``人物简介`` / ``■受访者简介`` over
    ``倪岳峰，海关总署党委书记、署长。``, or ``姓名：…`` / ``职务：…`` lines), made from the subtitle's
    ``访…`` and the answering speaker's name, under the heads or after the interview; made up, in no story;
  - **a pull quote**: a sentence of one of the answers, in quotation marks, set a block apart between two
    paragraphs of the interview's second half, ``——倪岳峰`` under it on some; in no story (the answer
    keeps it);
  - the interviewee's photo caption under the heads on some (``倪岳峰。  本报记者 王某摄``,
    ``图为倪岳峰。（受访者供图）``), in no story;
  - the turns, intro and sub-heads as the corpus prints them; the editor's line at the foot.

The truth, as the other families': a title is the printed header lines joined by spaces, paragraphs as
the corpus keeps them (a summary box's label, ``核心阅读``, in none, as `benchmarks.sectionpages`); the
strip, boxes, pull quotes, captions and the editor's line in no story; the date the dateline's, else the
one the lead's first clause opens with, else the page's for a lead opening with 近日/今天; the reporters
the dateline's or the interviewers' line's.

The tuned months hold 25 such interviews, so the 30 pages of a seed print some of them twice, in other
layouts: a failure of one interview can count twice, and seed 2 is a check of layout, not of unseen text.
"""

from __future__ import annotations

import random
import re

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.deskpages import desk_story, lay_in_columns
from benchmarks.localpages import (
    _lead_date,
    _name,
    _names,
    _page_dated,
    _unread_dateline,
    page_strip,
)
from benchmarks.pagefamilies import (
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_page,
    first_printings,
)
from benchmarks.paperpages import (
    _lead_without_dateline,
)
from benchmarks.rmrb import Article
from benchmarks.sectionpages import _editor_line, _is_box_label, _no_pictures

INTERVIEW = "interview_page"
SEED = 1
UNSEEN_SEED = 2  # the family's second seed: only its totals are read, never a story of it

_QUESTION_RE = re.compile(r"^(?:记者|问|本报记者)：")
_SPEAKER_RE = re.compile(r"^([\u4e00-\u9fff]{2,4})：")
# The person a subtitle names: ``——访海关总署党委书记、署长倪岳峰``, ``专访…刘玉村——``.
_VISITED_RE = re.compile(r"^(?:——)?(?:专访|访)(.+?)(?:——)?$")
_SECTIONS = ("访谈", "要闻·访谈", "对话", "面对面", "权威访谈")
_RESUME_LABELS = ("【人物名片】", "人物简介", "■受访者简介", "【人物简介】", "人物名片")
_SENTENCE_END = "。！？"
_ORDINAL_RE = re.compile("[一二三四五六七八九十]是|另一方面|首先|其次|第[一二三四五六七八九十]")


# ---- the stories ------------------------------------------------------------------------------------


def _interview(article: Article) -> bool:
    """An interview printed question and answer: two or more questions, 600–7,000 characters, no picture,
    at most three heads of at most 40 characters, a dateline the truth reads or none."""
    size = sum(map(len, article.paragraphs))
    if sum(bool(_QUESTION_RE.match(p)) for p in article.paragraphs) < 2 or not 600 <= size <= 7000:
        return False
    if len(article.heads) > 3 or any(len(h) > 40 for h in article.heads):
        return False
    if not _no_pictures(article) or _unread_dateline(article):
        return False
    return bool(re.search("[。！？”…）]$", article.paragraphs[-1]))


def _any_story(article: Article) -> bool:
    """Another story of an interview's page: a desk page's story, whatever its heads say."""
    return desk_story(article, re.compile(".")) and not _interview(article)


def _interviewee(article: Article) -> tuple[str, str] | None:
    """The person interviewed and their post, from a ``访…`` head ending with the name an answer opens
    with: (``倪岳峰``, ``海关总署党委书记、署长``)."""
    speakers = {
        m[1] for p in article.paragraphs if (m := _SPEAKER_RE.match(p)) and m[1] not in ("记者", "本报记者")
    }
    for head in article.heads:
        visited = _VISITED_RE.match(head)
        if not visited:
            continue
        for name in speakers:
            if visited[1].endswith(name) and len(visited[1]) > len(name):
                return name, visited[1][: -len(name)]
    return None


def _resume_box(rng: random.Random, name: str, post: str, width: int) -> list[str]:
    """A résumé box: its label over one line of prose or over ``姓名：`` / ``职务：`` lines."""
    label = rng.choice(_RESUME_LABELS)
    if rng.random() < 0.3:
        return [label, f"姓名：{name}", f"职务：{post}"]
    return [label, *wrap(f"{name}，{post}。", width)]


def _pull_quote(answer: str, rng: random.Random, width: int) -> list[str] | None:
    """A sentence of `answer` (after its speaker) in quotation marks, 12–40 characters, the speaker under
    it on some."""
    speaker = _SPEAKER_RE.match(answer)
    text = answer[speaker.end() :] if speaker else answer
    sentences = [s for s in re.findall(f"[^{_SENTENCE_END}]+[{_SENTENCE_END}]", text) if 12 <= len(s) <= 40]
    sentences = [s for s in sentences if not re.search("[“”‘’《》（）]", s) and not _ORDINAL_RE.match(s)]
    if not sentences:
        return None
    quote = wrap(f"“{rng.choice(sentences)}”", width, indent=0)
    if speaker and rng.random() < 0.5:
        quote.append(f"——{speaker[1]}")
    return quote


def _photo_caption(rng: random.Random, name: str) -> str:
    return rng.choice(
        (
            f"{name}。  本报记者 {_name(rng)}摄",
            f"图为{name}。（受访者供图）",
            f"{name}  {_name(rng)}摄",
        )
    )


def _lay_interview(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """The interview with its interviewers' line, résumé box, photo caption and pull quote, as drawn."""
    dateline, rest = _lead_without_dateline(article)
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    lines = [*heads, ""]
    kinds = ["interview"]
    reporters = article.reporters
    if not dateline and rng.random() < 0.7:
        reporters = _names(rng, 2)
        lines.append("本报记者  " + "  ".join(reporters))
        kinds.append("interviewers' line")
    person = _interviewee(article)
    resume: list[str] = []
    if person and rng.random() < 0.7:
        resume = _resume_box(rng, *person, width)
    resume_first = rng.random() < 0.5
    if resume and resume_first:
        lines += ["", *resume, ""]
        kinds.append("résumé box under the heads")
    if person and rng.random() < 0.3:
        lines += ["", _photo_caption(rng, person[0]), ""]
        kinds.append("photo caption")
    paragraphs = list(article.paragraphs)
    quote_after = None
    answers = [
        i for i in range(len(paragraphs) // 2, len(paragraphs) - 1) if not _QUESTION_RE.match(paragraphs[i])
    ]
    if answers and rng.random() < 0.5:
        quote_after = rng.choice(answers)
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        body += wrap(paragraph, width)
        if index == quote_after:
            quote = _pull_quote(paragraph, rng, width)
            if quote:
                body += ["", *quote, ""]
                kinds.append("pull quote")
    lines += column_breaks(body, rng)
    if resume and not resume_first:
        lines += ["", *resume]
        kinds.append("résumé box after")
    lead = rest if dateline else paragraphs[0]
    date = article.date if dateline else _page_dated(lead, article.issue, _lead_date(article, lead))
    expected = Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(p for p in paragraphs if not _is_box_label(p)),
        date=date,
        reporters=reporters,
        correspondents=(),
    )
    return lines, expected, ", ".join(kinds)


# ---- the page ---------------------------------------------------------------------------------------


def compose_interview(interview: Article, others: list[Article], rng: random.Random) -> FamilyPage:
    """An interview page: its strip, the interview, the other stories, the editor's line."""
    width = rng.randint(14, 22)
    lines = page_strip(rng, interview.issue, interview.page, _SECTIONS) + [""]
    block, truth, kind = _lay_interview(interview, rng, width)
    lines += block + [""]
    expected = [truth]
    kinds = [kind]
    for article in others:
        head, body, story_truth, story_kind = lay_in_columns(article, rng, width)
        lines += [*head, *body, ""]
        expected.append(story_truth)
        kinds.append("other story: " + story_kind)
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(INTERVIEW, lines, interview.issue, expected, kinds)


def make_interview(count: int, seed: int) -> list[FamilyPage]:
    """`count` 访谈 pages from the tuned months: each interview of the pool in a drawn order (again when
    the pool runs out), with up to two other stories of its issue and page."""
    pool = first_printings(TUNED_MONTHS, _interview)
    page_stories = by_page(first_printings(TUNED_MONTHS, _any_story))
    rng = random.Random(f"{INTERVIEW}:{seed}")
    order: list[Article] = []
    pages: list[FamilyPage] = []
    for _ in range(count):
        if not order:
            order = rng.sample(pool, len(pool))
        interview = order.pop()
        neighbours = page_stories.get((interview.issue, interview.page), [])
        others = sorted(rng.sample(neighbours, min(len(neighbours), rng.randint(0, 2))), key=lambda a: a.key)
        pages.append(compose_interview(interview, others, rng))
    return pages


# ---- families ---------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {INTERVIEW: make_interview},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
)
