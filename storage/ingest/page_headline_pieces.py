"""Pieces of a headline the OCR read apart from it, put back before the matching step.

An OCR engine reads a page block by block, so a module's headline may come apart where the blocks end
(`storage.ingest.ocr_page` calls these after the segmenting step):

- a line holding no Han character taken for a headline is OCR noise (`drop_wordless_headlines`);
- a headline's second half read blocks away from its first goes back to it where the story's text
  reads on across the seam, one character of the seam misread or none (`mend_split_headlines`);
- a paragraph's first line read into the headline group over its story goes back to the story's text
  (`return_opening_read_into_headline`);
- a headline's column label in brackets read between two of its story's paragraphs goes back to the
  end of the headline, and the story is one again (`join_label_read_apart`), and so does one read
  inside a sentence, the text line above it taken for a headline (`join_label_read_inside_a_sentence`),
  and one read as a block of its own between the headline and its story (`join_label_set_under_its_headline`).

Each move is written into the cut's roles for ``newsbot ingest --explain``.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from storage.ingest.page_lines import (
    _COMMA_RE,
    _DATELINE_RE,
    _HAN_RE,
    _MULTI_SPACE_RE,
    _SENTENCE_PUNCT_RE,
    HAN,
    _cells,
    _Line,
    _Story,
    clean_prose,
    is_byline,
)
from storage.ingest.page_seams import _blocks_of
from storage.ingest.segmenter.cut import _Cut, _Dropped
from storage.ingest.segmenter.shapes.names import _SURNAMES
from storage.ingest.segmenter.shapes.sentences import _pairs
from storage.text.segment import cut as words_of
from storage.text.segment import dictionary_word

# A headline's second half, read apart from its first by the OCR, has at most this many cells and is
# read at most this many lines after it (a file may hold a whole issue).
_SPLIT_HEADLINE_MAX_CELLS = 16


_SPLIT_HEADLINE_REACH = 200


def may_run_on(before: _Story, story: _Story) -> bool:
    """Whether `story` may be `before`'s text read on: it opens with no byline, dateline or date of its own,
    and nothing (a byline after its text, an end mark) closed `before`."""
    return not (
        story.byline or story.dateline_byline or story.printed_date or before.closed_by_byline or before.ended
    )


def drop_wordless_headlines(cut: _Cut) -> None:
    """Drop as OCR noise a headline group holding no Han character (a stray ``7`` the OCR read between
    two blocks, taken as a headline because it is short and has no sentence marks): a Chinese paper's
    headline is words. The story under it is headless again (its text may be a fragment)."""
    kept: list[tuple[int, list[_Line]]] = []
    for gap, group in cut.gap_groups:
        if any(_HAN_RE.search(line.text) for line in group):
            kept.append((gap, group))
            continue
        for line in group:
            cut.dropped.append(_Dropped(line.number, "OCR noise", line.text.strip()))
            cut.roles.pop(line.number, None)
    cut.gap_groups[:] = kept


def mend_split_headlines(cut: _Cut) -> None:
    """Give a headline's second half, read by the OCR blocks away from its first (``习近平向非洲`` over
    its dateline, ``联盟第32届首脑会议致贺电`` after another story's text), back to its first half.

    The second half is a line alone in its block, read later on the page, short and without sentence
    marks or commas; the first half is the last line of a headline group over a story. They go together
    when that story's text reads on across the seam (``非洲|联盟`` in ``…非洲联盟第32届…``: three
    characters across it) and holds most of the second half's character pairs, or when the text reads
    across it with one of the seam's four characters misread and goes on as the second half does
    (``柬氛|寨首`` where the text reads ``柬埔寨首相洪森``, `_misread_seam`). The line leaves the
    story or the gap it was read in; a story it headed is headless again (its text may be a fragment)."""
    if not cut.gap_groups:
        return
    texts = [_squash_text("".join(line.text for line in story.lines)) for story in cut.stories]
    # A one-line block, the story holding it (None for a headline group), and the story it stands in
    # or over: the story it would stay with.
    candidates: list[tuple[list[_Line], int | None, int | None]] = []
    for k, story in enumerate(cut.stories):
        candidates += [(block, k, k) for block in _blocks_of(story) if len(block) == 1]
    # A headline group stacked with another over one story (a kicker over its main line) stays there.
    stacked = Counter(gap for gap, _group in cut.gap_groups)
    candidates += [
        (group, None, gap) for gap, group in cut.gap_groups if len(group) == 1 and stacked[gap] == 1
    ]
    taken: set[int] = set()
    for gap, group in cut.gap_groups:
        if gap >= len(cut.stories) or not texts[gap]:
            continue
        first = _squash_text(group[-1].text)
        if len(first) < 2 or not re.search(f"[{HAN}]$", first):
            continue
        for block, holder, stays in candidates:
            line = block[0]
            second = _squash_text(line.text)
            if (
                line.number <= group[-1].number
                or line.number > group[-1].number + _SPLIT_HEADLINE_REACH
                or line.number in taken
                or any(line is other for other in group)
                or not re.match(f"[{HAN}0-9]", second)
                or _cells(line.text) > _SPLIT_HEADLINE_MAX_CELLS
                or _SENTENCE_PUNCT_RE.search(line.text)
                or _COMMA_RE.search(line.text)
                or _brackets_open(line.text)
            ):
                continue
            # The story's text, less the line itself when the story holds it.
            story_text = texts[gap]
            if holder == gap:
                story_text = _squash_text(
                    "".join(other.text for other in cut.stories[gap].lines if other is not line)
                )
            seams = (first[-2:] + second[:1], first[-1:] + second[:2])
            pairs = _pairs(second)
            shared = len([p for p in pairs if p in story_text])
            misread: str | None = None  # the text's reading of a seam one character of it misread
            if any(len(seam) == 3 and seam in story_text for seam in seams):
                if not pairs or shared < 0.5 * len(pairs):
                    continue
            elif (misread := _misread_seam(first, second, story_text)) is None:
                continue
            # A headline of its own over a story a dateline opens (``习近平会见巴西众议长`` under
            # ``习近平会见越南国家主席``) repeats that story's words as much or more.
            if (
                stays is not None
                and stays != gap
                and stays < len(texts)
                and cut.stories[stays].lines
                and _DATELINE_RE.match(cut.stories[stays].lines[0].text)
                and len([p for p in pairs if p in texts[stays]]) >= shared
            ):
                continue
            taken.add(line.number)
            if holder is not None:
                cut.stories[holder].lines = [
                    other for other in cut.stories[holder].lines if other is not line
                ]
                if cut.stories[holder].lines and cut.stories[holder].lines[0].number > line.number:
                    cut.stories[holder].lines[0].blank_before = True
            else:
                cut.gap_groups[:] = [(g, other) for g, other in cut.gap_groups if other is not block]
            group.append(line)
            cut.roles[line.number] = (
                f"headline: the rest of the headline on line {cut.file_lines[group[0].number]}, read apart by the OCR "
                f"(its story reads on across {first[-2:]}|{second[:2]}"
                + (f", one character misread: the text reads {misread})" if misread else ")")
            )
            break


# A headline's halves read apart, one character at the seam misread (``习近平会见柬氛`` / ``寨首相关和森``
# over a text reading ``柬埔寨首相洪森``): the story's text reads on from the seam as the second half
# does, at least this similar (`difflib`'s ratio).
_MISREAD_SEAM_READS_ON = 0.6


def _misread_seam(first: str, second: str, text: str) -> str | None:
    """The four characters of the story's text that read across a headline's two halves (two on each
    side of the seam) with one of them misread, the text going on from there as the second half does
    (`_MISREAD_SEAM_READS_ON`); None when the text nowhere does."""
    seam = first[-2:] + second[:2]
    if len(seam) != 4 or len(second) < 3:
        return None
    for at in range(len(text) - 3):
        if sum(a != b for a, b in zip(text[at : at + 4], seam, strict=True)) != 1:
            continue
        rest = text[at + 2 : at + 2 + len(second)]
        if SequenceMatcher(None, second, rest).ratio() >= _MISREAD_SEAM_READS_ON:
            return text[at : at + 4]
    return None


# A headline's column label in brackets (``（快评）``, ``（来自疫情防控一线的报道）``), alone on its line, after
# at most two characters of the headline's last words the line broke off (``怕（…）`` of ``…不能害怕``).
# The OCR reads the opening bracket as ``〈`` or ``《`` at times, the closing one as printed: a label
# closed by ``》`` is a book's title (``公布《保障农民工工资支付条例》``).
_LABEL_PIECE_RE = re.compile(f"^[{HAN}]{{0,2}}[（(〈《]([{HAN}·]{{2,14}})[）)]$")
# A name in brackets (``（周飞亚）``) signs a piece: no column's label.
_BRACKETED_NAME_RE = re.compile(f"^[{_SURNAMES}][{HAN}]{{1,2}}$")


def join_label_read_apart(cut: _Cut) -> None:
    """A headline's column label in brackets the OCR read apart from it, between two of its story's
    paragraphs (``守住防线 守护家园`` / text / ``（快评）`` / more text), taken for a headline over a story
    opened by nothing: a label names a column, never a story of its own. When the story above it is
    open (no byline or end mark closed it) and holds a headline in the gap over it, the label goes
    back to the end of that headline and the text under it goes on with the story above."""
    gaps = [gap for gap, _group in cut.gap_groups]
    for position, (gap, group) in enumerate(cut.gap_groups):
        if len(group) != 1 or gaps.count(gap) != 1 or not 0 < gap < len(cut.stories):
            continue
        label = group[0]
        found = _LABEL_PIECE_RE.match(_squash_text(label.text))
        if found is None or _BRACKETED_NAME_RE.match(found.group(1)):
            continue
        story, before = cut.stories[gap], cut.stories[gap - 1]
        if not story.lines or not before.lines or gap - 1 not in gaps:
            continue
        if not may_run_on(before, story):
            continue
        first = story.lines[0].text.strip()
        if _DATELINE_RE.match(first) or is_byline(first):
            continue
        if not before.lines[-1].number < label.number < story.lines[0].number:
            continue
        heading = [other for g, other in cut.gap_groups if g == gap - 1][-1]
        cut.roles[label.number] = (
            f"headline: the column label ending the headline on line {cut.file_lines[heading[0].number]}, "
            "read apart by the OCR between its story's paragraphs"
        )
        cut.roles[story.lines[0].number] = (
            "text: goes on with the story above, its headline's label read between them"
        )
        heading.append(label)
        before.lines.extend(story.lines)
        story.lines = []
        del cut.gap_groups[position]
        return join_label_read_apart(cut)


def join_label_set_under_its_headline(cut: _Cut) -> None:
    """A headline's column label in brackets the OCR read as a block of its own between the headline and
    its story's first line (``以创意取胜 以情感动人`` / blank / ``（体坛观澜）`` / blank / text): two headline
    groups over one story, the label left to none. A label names the column of the headline over it: it
    goes to the end of that headline."""
    for position, (gap, group) in enumerate(cut.gap_groups):
        if len(group) != 1 or position == 0 or gap >= len(cut.stories):
            continue
        label, (above_gap, heading) = group[0], cut.gap_groups[position - 1]
        story = cut.stories[gap]
        if above_gap != gap or not story.lines or any(g == gap for g, _ in cut.gap_groups[position + 1 :]):
            continue
        found = _LABEL_PIECE_RE.match(_squash_text(label.text))
        if found is None or _BRACKETED_NAME_RE.match(found.group(1)):
            continue
        if not heading[-1].number < label.number < story.lines[0].number:
            continue
        between = range(heading[-1].number + 1, story.lines[0].number)
        read_between = [line for other in cut.stories for line in other.lines if line.number in between]
        if read_between or any(item.number in between for item in cut.dropped):
            continue
        cut.roles[label.number] = (
            f"headline: the column label ending the headline on line {cut.file_lines[heading[0].number]}, "
            "read as a block of its own under it"
        )
        heading.append(label)
        del cut.gap_groups[position]
        return join_label_set_under_its_headline(cut)


def join_label_read_inside_a_sentence(cut: _Cut) -> None:
    """A headline's column label in brackets the OCR read apart from it inside a sentence of its story
    (``…球迷的加油助`` / ``（体坛观澜）`` / ``威、更高的自我要求…``): the text line above the label was taken
    for a headline over a story opened by the label. That line is no headline: it holds a clause mark
    (``、`` or ``，``), no sentence mark, and its sentence reads on in the line under the label. When the
    story above is open and holds a headline in the gap over it, the label goes back to the end of that
    headline, and the line and the text under the label go on with the story above."""
    gaps = [gap for gap, _group in cut.gap_groups]
    for position, (gap, group) in enumerate(cut.gap_groups):
        if len(group) != 1 or gaps.count(gap) != 1 or not 0 < gap < len(cut.stories):
            continue
        story, before = cut.stories[gap], cut.stories[gap - 1]
        if len(story.lines) < 2 or not before.lines or gap - 1 not in gaps or not may_run_on(before, story):
            continue
        line, label, after = group[0], story.lines[0], story.lines[1]
        found = _LABEL_PIECE_RE.match(_squash_text(label.text))
        if found is None or _BRACKETED_NAME_RE.match(found.group(1)):
            continue
        if not _reads_on_across_the_label(line.text.strip(), after.text.strip()):
            continue
        if not before.lines[0].number < line.number < label.number < after.number:
            continue
        heading = [other for g, other in cut.gap_groups if g == gap - 1][-1]
        cut.roles[label.number] = (
            f"headline: the column label ending the headline on line {cut.file_lines[heading[0].number]}, "
            "read apart by the OCR inside a sentence of its story"
        )
        cut.roles[line.number] = (
            "text: goes on with the story above, its headline's label read inside its sentence"
        )
        heading.append(label)
        before.lines = sorted([*before.lines, line, *story.lines[1:]], key=lambda kept: kept.number)
        story.lines = []
        del cut.gap_groups[position]
        return join_label_read_inside_a_sentence(cut)


def _reads_on_across_the_label(line: str, after: str) -> bool:
    """Whether a line taken for a headline is a text line whose sentence goes on under the label: it holds
    a clause mark and no sentence mark, and the line under the label opens with no dateline or byline
    and holds a mark of its own (it is text, not a second headline)."""
    return (
        bool(re.search("[、，,]", line))
        and not _SENTENCE_PUNCT_RE.search(line)
        and bool(re.search("[、，,。；：]", after))
        and not _DATELINE_RE.match(after)
        and not is_byline(after)
    )


def return_opening_read_into_headline(cut: _Cut) -> None:
    """A paragraph's first line the OCR read into the headline group over its story (``面对病毒，不能`` /
    ``湖北省疾控中心卫生检验检测研究所7楼所`` / blank / ``长办公室的灯已经一个多月没熄了。…``): the group's
    last line of two or more is a full line of the body's column (or two cells short of one, as a
    paragraph's first line is indented), holds no sentence mark, opens with no dash (a subtitle does),
    and the story's text opens inside a word of jieba's dictionary it began (``所|长``). That line is the
    story's first line, not part of its headline."""
    last_of_gap: dict[int, int] = {gap: position for position, (gap, _group) in enumerate(cut.gap_groups)}
    for gap, position in last_of_gap.items():
        group = cut.gap_groups[position][1]
        if len(group) < 2 or gap >= len(cut.stories) or not cut.stories[gap].lines:
            continue
        story, line = cut.stories[gap], group[-1]
        first = story.lines[0]
        if not line.number < first.number or _DATELINE_RE.match(first.text.strip()):
            continue
        text = _squash_text(line.text)
        if text.startswith(_DASH):
            continue  # a subtitle (``——建设体育强国…之四``) hangs under its main line
        short_of_full = cut.column - _cells(line.text.strip())
        if _SENTENCE_PUNCT_RE.search(text) or not -_FULL_LINE_SLACK <= short_of_full <= 2 + _FULL_LINE_SLACK:
            continue  # neither a full line of the column nor a paragraph's first, two cells indented
        word = _word_across_the_break(text, _squash_text(first.text))
        if not word:
            continue
        del group[-1]
        first.blank_before = False
        line.blank_before = True
        story.lines.insert(0, line)
        cut.roles[line.number] = (
            f"text: the story's first line, read into the headline group over it (a full line, its word "
            f"{word} read on in the next line)"
        )


def _word_across_the_break(end: str, start: str) -> str:
    """The word of jieba's dictionary that starts on `end` and goes on in `start`, as jieba cuts the two
    lines' ends read together (``7楼所`` | ``长办公室`` → ``所长``); "" when the cut falls at the break
    (``指导工作`` | ``为…``) or the piece across it is no word of the dictionary (``之四`` | ``在…``)."""
    tail, head = end[-_BREAK_CONTEXT:], start[:_BREAK_CONTEXT]
    offset = 0
    for word in words_of(tail + head):
        if offset < len(tail) < offset + len(word):
            return word if dictionary_word(word) else ""
        offset += len(word)
    return ""


# A subtitle opens with a dash.
_DASH = ("——", "一一", "--")


# How many characters on each side of a line break are cut into words together.
_BREAK_CONTEXT = 6


# A line is as wide as the body's column within this many cells.
_FULL_LINE_SLACK = 1.5


def _squash_text(text: str) -> str:
    return _MULTI_SPACE_RE.sub("", clean_prose(text))


def _brackets_open(text: str) -> bool:
    return any(text.count(a) != text.count(b) for a, b in (("（", "）"), ("(", ")"), ("《", "》")))
