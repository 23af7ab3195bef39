"""Turn the OCR text of one multi-column newspaper page into articles.

The page is a run of lines as the OCR read them, column by column:

- body lines wrap at the column width (about 17 Han characters), splitting words;
- a blank line either ends a paragraph or is a column break in mid-sentence;
- each story opens with a dateline (``本报讯 4月 4日，…``) and usually closes with a byline
  (``记者 景静 通讯员 左学彬 周祎``), sometimes on the story's last line (``…事业发展。记者 景静``);
- headlines (kicker, title, subtitle over two or three lines) are not next to their stories: they stand
  before a story, after it, or a story or two away.

`parse_page` is pure: text in, `ParsedArticle`s out. Headlines are given to stories by what they say
(headlines reuse their story's phrases), with page position only breaking near-ties.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from storage.models import ParsedArticle

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")
# Characters between which a space is never meaningful in Chinese prose: Han, CJK punctuation, digits.
_TIGHT = f"{HAN}0-9\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"
_STRAY_SPACE_RE = re.compile(f"(?<=[{_TIGHT}])[ \t\u3000\u00a0]+(?=[{_TIGHT}])")
_DIGIT_SPACE_RE = re.compile("(?<=[0-9])[ \t\u3000\u00a0]+(?=[0-9])")
_MULTI_SPACE_RE = re.compile(r"[ \t\u3000\u00a0]+")

_SENTENCE_END = "。！？!?…"
_CLOSERS = "”’」』）)》〉】"
_SOFT_END = "；：;:"
_FINAL_RE = re.compile(f"[{_SENTENCE_END}][{_CLOSERS}]*$")
_SOFT_FINAL_RE = re.compile(f"[{_SOFT_END}][{_CLOSERS}]*$")
# Punctuation that headlines practically never carry but prose always does.
_PROSE_PUNCT_RE = re.compile("[，。；！？：,;]")

# Datelines: 本报讯, 本报郑州4月4日电, 新华社北京4月4日电, optionally with a parenthesised byline.
_DATELINE_RE = re.compile(
    r"^\s*(本报讯|本报[^\s，。]{0,10}?电|新华社[^\s，。]{0,10}?电)"
    r"(?:\s*[（(]([^）)]{1,40})[）)])?"
)
_DATE_IN_DATELINE_RE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_RELATIVE_DAYS = {"近日": 0, "日前": 0, "今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2}
_PAGE_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")

_REPORTER_ROLES = ("本报记者", "见习记者", "特约记者", "首席记者", "摄影记者", "记者", "实习生", "摄影")
_CORRESPONDENT_ROLES = ("特约通讯员", "通讯员")
_ROLE = "|".join(sorted(_REPORTER_ROLES + _CORRESPONDENT_ROLES, key=len, reverse=True))
_NAME = f"[{HAN}][{HAN}·]{{1,4}}"
_NAMES = f"{_NAME}(?:[ \t\u3000、，,]+{_NAME})*"
_BYLINE = f"(?:{_ROLE})[ \t\u3000:：]*{_NAMES}(?:[ \t\u3000]+(?:{_ROLE})[ \t\u3000:：]*{_NAMES})*"
_BYLINE_RE = re.compile(f"^[ \t\u3000]*({_BYLINE})[ \t\u3000]*$")
_INLINE_BYLINE_RE = re.compile(f"^(.*[{_SENTENCE_END}][{_CLOSERS}]*)[ \t\u3000]*({_BYLINE})[ \t\u3000]*$")
_ROLE_TOKEN_RE = re.compile(f"({_ROLE})")

# How far below the column width a line may end and still count as full.
_SHORT_MARGIN = 1.5
_DEFAULT_COLUMN_WIDTH = 17.0
# A headline group needs at least this share of its (weighted) character pairs in a story to go to it.
_MIN_HEADLINE_SCORE = 0.25
# Below that, a group with this much evidence still goes to a story that has no headline yet.
_WEAK_HEADLINE_SCORE = 0.08


@dataclass
class _Line:
    number: int  # 1-based line number in the file
    text: str  # without trailing whitespace
    blank_before: bool


@dataclass
class _Story:
    lines: list[_Line] = field(default_factory=list)
    byline: str | None = None
    dateline_byline: str | None = None
    headline_groups: list[list[_Line]] = field(default_factory=list)


def display_width(text: str) -> float:
    """Width in Han-character cells: ASCII counts half, everything else one."""
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


def clean_prose(text: str) -> str:
    """Remove the spaces OCR puts between Han characters, punctuation and digits (`4月 4日` → `4月4日`)."""
    text = _STRAY_SPACE_RE.sub("", text)
    text = _DIGIT_SPACE_RE.sub("", text)
    return _MULTI_SPACE_RE.sub(" ", text).strip()


def clean_headline_line(text: str) -> str:
    """Headlines keep deliberate spaces between phrases, but lose them next to digits and punctuation."""
    text = _MULTI_SPACE_RE.sub(" ", text).strip()
    return re.sub(
        f"(?<=[0-9{_CLOSERS}“‘《（(·])\\s+(?=[{HAN}0-9])|(?<=[{HAN}0-9])\\s+(?=[0-9{_CLOSERS}“‘·，、])",
        "",
        text,
    )


def is_byline(line: str) -> bool:
    return bool(_BYLINE_RE.match(line))


def parse_byline(byline: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a byline into (reporters, correspondents): ``记者 景静 通讯员 左学彬 周祎``."""
    reporters: list[str] = []
    correspondents: list[str] = []
    target = reporters
    for piece in _ROLE_TOKEN_RE.split(byline):
        piece = piece.strip(" \t\u3000:：")
        if not piece:
            continue
        if piece in _CORRESPONDENT_ROLES:
            target = correspondents
        elif piece in _REPORTER_ROLES:
            target = reporters
        else:
            for name in re.split("[ \t\u3000、，,]+", piece):
                if name and name not in target:
                    target.append(name)
    return tuple(reporters), tuple(correspondents)


def parse_dateline_date(first_line: str, *, year: int | None, page_date: str | None) -> str | None:
    """The story's date from its dateline: month/day plus the page's year; relative words need the page date."""
    match = _DATELINE_RE.match(first_line)
    head = first_line[match.end() :] if match else first_line
    head = head[:24]
    found = _DATE_IN_DATELINE_RE.search(clean_prose(head))
    page = date.fromisoformat(page_date) if page_date else None
    if found:
        month, day = int(found.group(2)), int(found.group(3))
        story_year = int(found.group(1)) if found.group(1) else (year or (page.year if page else None))
        if story_year is None:
            return None
        if page and not found.group(1) and (month, day) > (page.month, page.day):
            story_year = page.year - 1  # a December story on a January page
        try:
            return date(story_year, month, day).isoformat()
        except ValueError:
            return None
    if page:
        for word, offset in _RELATIVE_DAYS.items():
            if word in head[:8]:
                return (page + timedelta(days=offset)).isoformat()
    return None


def find_page_date(text: str) -> str | None:
    """A full date printed on the page outside stories (a page header such as ``2023年4月14日 星期五``)."""
    for line in text.splitlines():
        if ("星期" in line or "版" in line) and (m := _PAGE_DATE_RE.search(line)):
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                continue
    return None


def join_lines(lines: list[_Line], column_width: float) -> list[str]:
    """Join wrapped lines into paragraphs, telling paragraph ends from column breaks."""
    paragraphs: list[str] = []
    current = ""
    previous: _Line | None = None
    for line in lines:
        text = line.text.strip()
        if previous is not None and current and _ends_paragraph(previous, line, column_width):
            paragraphs.append(current)
            current = ""
        current = _concat(current, text)
        previous = line
    if current:
        paragraphs.append(current)
    return [clean_prose(p) for p in paragraphs]


def _ends_paragraph(line: _Line, following: _Line, column_width: float) -> bool:
    """Whether a paragraph ends after `line`.

    A sentence end on a short line ends it. After a full line, a blank line is a paragraph break only
    when the next line is short too: a paragraph's first line was indented in print, and the OCR
    dropped the indent but not the shortness; a full next line means a column break at a sentence end.
    """
    text = line.text.strip()
    short = display_width(text) < column_width - _SHORT_MARGIN
    if _FINAL_RE.search(text):
        indented = display_width(following.text.strip()) < column_width - _SHORT_MARGIN
        return short or (following.blank_before and indented)
    if _SOFT_FINAL_RE.search(text):
        return short
    return False


def _concat(left: str, right: str) -> str:
    if (
        left
        and right
        and left[-1].isascii()
        and left[-1].isalpha()
        and right[0].isascii()
        and right[0].isalpha()
    ):
        return f"{left} {right}"
    return left + right


def _column_width(stories: list[_Story]) -> float:
    widths = [display_width(line.text.strip()) for story in stories for line in story.lines]
    if len(widths) < 5:
        return _DEFAULT_COLUMN_WIDTH
    # Most body lines are full; paragraph ends and indented first lines pull the median down, so the
    # upper quartile is the column width.
    return statistics.quantiles(widths, n=4)[2]


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    blank = True
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.rstrip()
        if not stripped.strip():
            blank = True
            continue
        lines.append(_Line(number, stripped, blank))
        blank = False
    return lines


def _groups(lines: list[_Line]) -> list[list[_Line]]:
    """Blank-line separated blocks."""
    groups: list[list[_Line]] = []
    for line in lines:
        if line.blank_before or not groups:
            groups.append([])
        groups[-1].append(line)
    return groups


def _looks_like_prose(group: list[_Line]) -> bool:
    text = "".join(line.text for line in group)
    return "。" in text and len(_HAN_RE.findall(text)) >= 24


def _is_headline_like(group: list[_Line]) -> bool:
    return not any(_PROSE_PUNCT_RE.search(line.text) for line in group)


def _segment(lines: list[_Line]) -> tuple[list[_Story], list[tuple[int, list[_Line]]]]:
    """Cut the page into stories and the headline groups between them.

    Returns the stories and, for each headline group, its gap index: gap i lies just before story i
    (gap len(stories) is after the last story).
    """
    stories: list[_Story] = []
    gap_groups: list[tuple[int, list[_Line]]] = []
    current: _Story | None = None

    def close(story: _Story) -> None:
        # A story that ended without a byline may have swallowed the headlines that follow it.
        if story.byline is None:
            groups = _groups(story.lines)
            trailing: list[list[_Line]] = []
            while len(groups) > 1 and _is_headline_like(groups[-1]):
                before = groups[-2][-1].text.strip()
                if not _FINAL_RE.search(before):
                    break
                trailing.insert(0, groups.pop())
            story.lines = [line for group in groups for line in group]
            for group in trailing:
                gap_groups.append((len(stories) + 1, group))
        stories.append(story)

    for group in _groups(lines):
        for index, line in enumerate(group):
            text = line.text
            if _DATELINE_RE.match(text):
                if current is not None:
                    close(current)
                current = _Story()
                match = _DATELINE_RE.match(text)
                if match and match.group(2) and is_byline(match.group(2)):
                    current.dateline_byline = clean_prose(match.group(2))
                current.lines.append(line)
                continue
            if current is None:
                rest = group[index:]
                if index == 0 and _looks_like_prose(rest) and not _is_headline_like(rest):
                    current = _Story()  # a story printed without a dateline
                    current.lines.append(line)
                elif index == 0:
                    gap_groups.append((len(stories), rest))
                    break
                else:
                    gap_groups[-1][1].append(line)
                continue
            if is_byline(text):
                current.byline = _MULTI_SPACE_RE.sub(" ", text.strip())
                close(current)
                current = None
                continue
            inline = _INLINE_BYLINE_RE.match(text)
            if inline and index == len(group) - 1:
                current.lines.append(_Line(line.number, inline.group(1), line.blank_before))
                current.byline = _MULTI_SPACE_RE.sub(" ", inline.group(2).strip())
                close(current)
                current = None
                continue
            current.lines.append(line)
    if current is not None:
        close(current)
    return stories, gap_groups


def _pairs(text: str) -> set[str]:
    """Character pairs of the Han (and alphanumeric) runs of a text."""
    pairs: set[str] = set()
    for run in re.findall(f"[{HAN}A-Za-z0-9]+", text):
        pairs.update(run[i : i + 2] for i in range(len(run) - 1))
    return pairs


def _assign_headlines(stories: list[_Story], gap_groups: list[tuple[int, list[_Line]]]) -> None:
    """Give each headline group to the story whose text it repeats, weighting rare character pairs."""
    if not stories:
        return
    story_pairs = [_pairs(clean_prose("".join(line.text for line in s.lines))) for s in stories]
    document_frequency: Counter[str] = Counter()
    for pairs in story_pairs:
        document_frequency.update(pairs)
    n = len(stories)

    def weight(pair: str) -> float:
        return math.log((n + 1) / (document_frequency[pair] + 0.5)) + 0.1

    def score(group: list[_Line], story_index: int) -> float:
        pairs = _pairs(clean_prose("".join(line.text for line in group)))
        total = sum(weight(p) for p in pairs)
        if not total:
            return 0.0
        return sum(weight(p) for p in pairs if p in story_pairs[story_index]) / total

    def proximity(gap: int, story_index: int) -> float:
        # Layout prior, only to break near-ties: the story right after the gap, then the one before it.
        if story_index == gap:
            return 0.02
        if story_index == gap - 1:
            return 0.01
        return 0.0

    choices: list[tuple[int, list[_Line], list[float]]] = []
    for gap, group in gap_groups:
        scores = [score(group, k) + proximity(gap, k) for k in range(n)]
        choices.append((gap, group, scores))

    owner: list[int | None] = [None] * len(choices)
    for position, (gap, _group, scores) in enumerate(choices):
        best = max(range(n), key=lambda k: scores[k])
        if scores[best] - proximity(gap, best) >= _MIN_HEADLINE_SCORE:
            owner[position] = best

    def held(k: int) -> bool:
        return k in owner

    for position, (gap, _group, scores) in enumerate(choices):
        if owner[position] is not None:
            continue
        neighbours = [
            owner[p]
            for p in (position - 1, position + 1)
            if 0 <= p < len(choices) and choices[p][0] == gap and owner[p] is not None
        ]
        best = max(range(n), key=lambda k: scores[k])
        if scores[best] - proximity(gap, best) >= _WEAK_HEADLINE_SCORE and (
            not held(best) or best in neighbours
        ):
            # Some evidence, and the story has no headline yet (or this continues it).
            owner[position] = best
        elif neighbours:
            # A kicker or subtitle in words of its own: it belongs to the headline printed next to it,
            # the one above it first.
            owner[position] = neighbours[0]
        else:
            # No evidence at all: a story without a headline, by what little the text and layout say.
            headless = [k for k in range(n) if not held(k)]
            if headless:
                owner[position] = max(headless, key=lambda k: scores[k])

    assigned: dict[int, list[tuple[float, int]]] = {}
    for position, story_index in enumerate(owner):
        if story_index is not None:
            assigned.setdefault(story_index, []).append((choices[position][2][story_index], position))

    # A story left without a headline takes a group another story holds as an extra run, when the
    # group also fits it.
    headless = [k for k in range(n) if k not in assigned]
    for k in headless:
        candidates = [
            (choices[pos][2][k], owner, pos)
            for owner, held in assigned.items()
            if len(_runs([p for _, p in held])) > 1
            for _, pos in held
        ]
        candidates = [c for c in candidates if c[0] >= _MIN_HEADLINE_SCORE]
        if candidates:
            _, owner, pos = max(candidates)
            assigned[owner] = [item for item in assigned[owner] if item[1] != pos]
            assigned[k] = [(choices[pos][2][k], pos)]

    for k, held in assigned.items():
        stories[k].headline_groups = [choices[pos][1] for _, pos in sorted(held, key=lambda item: item[1])]


def _runs(positions: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for pos in sorted(positions):
        if runs and pos == runs[-1][-1] + 1:
            runs[-1].append(pos)
        else:
            runs.append([pos])
    return runs


def _fallback_title(paragraphs: list[str]) -> str:
    """A title for a story printed without one: its lead sentence after the dateline, shortened."""
    if not paragraphs:
        return ""
    lead = _DATELINE_RE.sub("", paragraphs[0]).lstrip(" ，,")
    lead = re.sub("^[^，。]{0,14}?(?:日|近日|日前)[上下中]?午?[晚]?[上]?，", "", lead)
    sentence = re.split("[。！？]", lead, maxsplit=1)[0]
    return sentence if len(sentence) <= 40 else sentence[:39] + "…"


def parse_page(
    text: str,
    *,
    year: int | None,
    page_date: str | None = None,
    source: str | None = None,
    origin_file: str | None = None,
) -> list[ParsedArticle]:
    """Parse one OCR'd newspaper page into its stories, each under its own headline."""
    if page_date is None:
        page_date = find_page_date(text)
    if year is None and page_date:
        year = date.fromisoformat(page_date).year
    stories, gap_groups = _segment(_split_lines(text))
    _assign_headlines(stories, gap_groups)
    column_width = _column_width(stories)

    articles: list[ParsedArticle] = []
    for position, story in enumerate(stories):
        if not story.lines:
            continue
        paragraphs = join_lines(story.lines, column_width)
        if paragraphs and _DATELINE_RE.match(paragraphs[0]):
            paragraphs[0] = _DATELINE_RE.sub(lambda m: m.group(0) + " ", paragraphs[0], count=1).replace(
                "  ", " "
            )
        title_lines = tuple(
            cleaned
            for group in story.headline_groups
            for line in group
            if (cleaned := clean_headline_line(line.text))
        )
        title_groups = tuple(
            " ".join(clean_headline_line(line.text) for line in group) for group in story.headline_groups
        )
        byline = story.byline or story.dateline_byline
        reporters, correspondents = parse_byline(byline) if byline else ((), ())
        articles.append(
            ParsedArticle(
                title=" ".join(title_lines) or _fallback_title(paragraphs),
                title_lines=title_lines,
                title_groups=title_groups,
                paragraphs=tuple(paragraphs),
                date=parse_dateline_date(story.lines[0].text, year=year, page_date=page_date),
                byline=byline,
                reporters=reporters,
                correspondents=correspondents,
                source=source,
                origin_file=origin_file,
                origin_position=position,
                origin_lines=(story.lines[0].number, story.lines[-1].number),
            )
        )
    return articles
