"""Turn the OCR text of one multi-column newspaper page into articles.

The page is a run of lines as the OCR read them, column by column:

- body lines wrap at the column width (about 17 Han characters), splitting words;
- a blank line either ends a paragraph or is a column break in mid-sentence;
- each story opens with a dateline (``本报讯 4月 4日，…``) and usually closes with a byline
  (``记者 景静 通讯员 左学彬 周祎``), sometimes on the story's last line (``…事业发展。记者 景静``);
- headlines (kicker, title, subtitle over two or three lines) are not next to their stories: they stand
  before a story, after it, or a story or two away;
- the page's running header or footer (``2023年4月14日 星期五 编辑 王磊``, ``第2版 综合新闻``) dates
  ``近日`` stories but is no headline;
- the column may wrap inside a dateline (``本报讯（记者 李娜 通讯员 张`` / ``伟）4月 12日，``), inside a
  number (``99.`` / ``2%``) or an English word (``A`` / ``PP``); some OCR keeps paragraph indents;
  columns differ in width from page to page and a lead story may run wider than the rest.

`parse_page` is pure: text in, `ParsedArticle`s out. Headlines are given to stories by what they say
(headlines reuse their story's phrases), with page position only breaking near-ties.

The parser runs in steps, each in a module named for what it holds:

- `storage.ingest.page_lines`: what one line is (cleaning, bylines, datelines, furniture, paragraph ends)
  and the blank-line groups lines make;
- `storage.ingest.page_segmenter`: the segmenting step, one method per kind of line, cutting the page into
  stories and the headline groups between them;
- `storage.ingest.page_headline_pieces`: pieces of a headline the OCR read apart put back (a second
  half, a column label, a paragraph's first line read into it), before the joining and matching steps;
- `storage.ingest.page_headlines`: the matching step, giving each headline group to its story;
- `storage.ingest.page_seams` (with `storage.ingest.page_fragments` and `storage.ingest.page_chains`): the
  joining step, rejoining text cut apart by column and block breaks, on a page read block by block every
  block matched at once to the block it goes on from;
- this module: the pipeline (`parse_page`, `explain_page`), mending headlines split over groups and
  building the articles.
"""

from __future__ import annotations

import re
from datetime import date

from storage.ingest.page_fragments import pairs
from storage.ingest.page_headline_pieces import (
    drop_wordless_headlines,
    join_label_read_apart,
    join_label_read_inside_a_sentence,
    join_label_set_under_its_headline,
    may_run_on,
    mend_split_headlines,
    return_opening_read_into_headline,
)
from storage.ingest.page_headlines import HeadlineGroup, HeadlineMatcher, match_headlines
from storage.ingest.page_line_split import _split_lines
from storage.ingest.page_lines import (
    _DATELINE_RE,
    _FINAL_RE,
    _HAN_RE,
    _MULTI_SPACE_RE,
    _ROLE_TOKEN_RE,
    _SENTENCE_PUNCT_RE,
    AUTHOR_NOTE_RE,
    HAN,
    _cells,
    _Line,
    _Story,
    _story_head,
    clean_headline_line,
    clean_prose,
    closing_dateline_date,
    display_width,
    find_page_date,
    is_byline,
    is_page_furniture,
    parse_byline,
    parse_dateline_date,
)
from storage.ingest.page_paragraphs import _column_widths, join_lines
from storage.ingest.page_records import Record, authors, paragraphs_of, split_records
from storage.ingest.page_seams import (
    _rejoin,
)
from storage.ingest.page_segmenter import _segment
from storage.ingest.segmenter.cut import _Cut
from storage.models import ParsedArticle
from storage.text.segment import cut as words_of

__all__ = [
    "clean_headline_line",
    "clean_prose",
    "display_width",
    "explain_page",
    "find_page_date",
    "is_byline",
    "is_page_furniture",
    "parse_byline",
    "parse_dateline_date",
    "parse_page",
]


def _assign_headlines(stories: list[_Story], gap_groups: list[tuple[int, list[_Line]]]) -> None:
    """Give each headline group to the story whose text it repeats (`page_headlines.match_headlines`)."""
    if not stories:
        return
    texts = [clean_prose("".join(line.text for line in _piece_lines(story))) for story in stories]
    owners = {story.own_head: k for k, story in enumerate(stories) if story.own_head is not None}
    groups = [
        HeadlineGroup(
            gap=gap,
            lines=tuple(line.text for line in group),
            text=clean_prose("".join(line.text for line in group)),
            owner=owners.get(group[0].number) if group else None,
        )
        for gap, group in gap_groups
    ]
    for story, positions in zip(stories, match_headlines(texts, groups), strict=True):
        story.headline_groups = [gap_groups[position][1] for position in positions]


def _piece_lines(story: _Story) -> list[_Line]:
    """A story's lines up to a ``作者简介：…`` note after its text: the note names the author's books,
    often another piece's title on a supplement page, and says nothing of which headline is this one."""
    for index, line in enumerate(story.lines):
        if index and AUTHOR_NOTE_RE.match(line.text):
            return story.lines[:index]
    return story.lines


# A line read as a headline group is a paragraph's first line of the story above when that story
# repeats at least this share of its character pairs and the text under it none.
_OPENING_READ_APART_SHARE = 0.5


def _join_opening_read_apart(cut: _Cut) -> None:
    """A paragraph's first line the OCR read as a block of its own (``浙江婺剧团“欢乐春节”海外演出`` /
    blank / ``代表团团长王晓平表示，戏曲没有国界。``), taken for a headline over a story opened by nothing:
    one line, no sentence mark, the story above repeating most of its words and holding a headline of
    its own in the gap over it, the text under it none of its words. The line and the text under it
    go on with the story above, its next paragraph, where they were read among its lines."""
    gaps = [gap for gap, _group in cut.gap_groups]
    for position, (gap, group) in enumerate(cut.gap_groups):
        if len(group) != 1 or gaps.count(gap) != 1 or not 0 < gap < len(cut.stories):
            continue
        story = cut.stories[gap]
        before = next((s for s in reversed(cut.stories[:gap]) if s.lines), None)
        if before is None or not story.lines or gap - 1 not in gaps:
            continue
        if not may_run_on(before, story):
            continue
        first, line = story.lines[0].text.strip(), group[0]
        if _DATELINE_RE.match(first) or is_byline(first) or _SENTENCE_PUNCT_RE.search(line.text):
            continue
        if not line.number < story.lines[0].number:
            continue
        # Where the line stands in the story above: after its lines read before it (the blocks the
        # OCR read after the text under it may already have been joined to it).
        at = next((k for k, each in enumerate(before.lines) if each.number > line.number), len(before.lines))
        if at == 0 or any(each.number < story.lines[-1].number for each in before.lines[at:]):
            continue
        heads = pairs(clean_prose(line.text))
        above = pairs(clean_prose("".join(each.text for each in before.lines)))
        under = pairs(clean_prose("".join(each.text for each in story.lines)))
        if not heads or heads & under or len(heads & above) < _OPENING_READ_APART_SHARE * len(heads):
            continue
        cut.roles[line.number] = (
            "text: a paragraph's first line read as a block of its own, its words in the story above, "
            "none in the text under it"
        )
        before.lines[at:at] = [line, *story.lines]
        story.lines = []
        del cut.gap_groups[position]
        return _join_opening_read_apart(cut)


def _join_headless_rest(cut: _Cut) -> None:
    """A story opened with nothing of its own (no headline, dateline or byline) right after a story
    whose text broke off in mid-sentence, where that story's headline was read between the two (the
    OCR read the headline after the story's first block: ``…目前病情稳定，正在医院`` / headline /
    ``菲律宾卫生部30日说，…``): the rest of that story, never a story titled by its first line."""
    before: _Story | None = None
    for story in cut.stories:
        if not story.lines:
            continue
        if before is not None and _headless_rest_of(before, story):
            first = story.lines[0]
            cut.roles[first.number] = (
                "text: the rest of the story above, whose sentence broke off before its headline was read"
            )
            before.lines.extend(story.lines)
            story.lines = []
            continue
        before = story


# Two modules' headlines read one over the other and given to one story: the headline that goes with
# a later paragraph repeats at least this share of its character pairs in the text from there on ...
_STACKED_REST_SHARE = 0.3
# ... and at most this share in the text before it, where the other headline repeats at least
# `_STACKED_REST_SHARE` of its own.
_STACKED_LEAD_SHARE = 0.1
# Each of the two texts holds at least this many Han characters.
_STACKED_MIN_HAN = 40
# A new story's first sentence shares at most this share of its character pairs with the text before
# it; a later paragraph of the same story repeats the lead's words (``同时，《决定》明确食用野生动物…``).
_STACKED_OPENING_SHARE = 0.05


def _split_stacked_headlines(cut: _Cut) -> None:
    """Two modules' headlines the OCR read one over the other (``李克强同欧盟委员会主席冯德莱恩通电话`` /
    blank / ``做好搬迁脱贫下半篇文章（今日谈）``), then the first module's text and the second's after it,
    a story opened by nothing of its own (no dateline, no byline): the matching gave both headlines to
    one story. When one headline repeats its words only from a paragraph on (that paragraph after a
    sentence end, its first sentence sharing next to no words with the text before it) and the other
    only before it, the story is cut there: two stories, each under its own headline. A group read above
    another on lines of its own (``探伤工人检测钢轨，养护人员铲`` / ``雪除冰`` / blank / ``风雪中守护回家路``),
    with none of the story's groups above it, is that headline's kicker, not another module's headline: it
    goes with no later paragraph."""
    position = 0
    while position < len(cut.stories):
        story = cut.stories[position]
        position += 1
        if len(story.headline_groups) < 2 or story.closed_by_byline or story.ended:
            continue
        split = _stacked_split(story, cut.file_lines)
        if split is None:
            continue
        at, group = split
        rest = _Story(lines=story.lines[at:], headline_groups=[group])
        story.lines = story.lines[:at]
        story.headline_groups = [other for other in story.headline_groups if other is not group]
        cut.stories.insert(position, rest)
        cut.roles[rest.lines[0].number] = (
            f"opens a story: the text of the headline on line {cut.file_lines[group[0].number]}, read over "
            "the story above's headline (two modules' headlines stacked), its words only from here on"
        )
        position += 1


def _stacked_split(story: _Story, file_lines: dict[int, int]) -> tuple[int, list[_Line]] | None:
    """Where a story given two stacked headlines is cut (`_split_stacked_headlines`), and the headline
    group that goes with the text from there on; None when nothing says so. A group whose lines all lie
    above another group's in the file, with no group above it (`_kicker_over`), goes with no later
    paragraph."""
    heads = [pairs(clean_prose("".join(line.text for line in group))) for group in story.headline_groups]
    kickers = {k for k, group in enumerate(story.headline_groups) if _kicker_over(group, story, file_lines)}
    texts = [clean_prose(line.text) for line in story.lines]
    best: tuple[float, int, int] | None = None
    for at in range(1, len(story.lines)):
        line = story.lines[at]
        if not line.blank_before or not _FINAL_RE.search(story.lines[at - 1].text.strip()):
            continue
        if _DATELINE_RE.match(line.text) or is_byline(line.text.strip()):
            continue
        lead, rest = "".join(texts[:at]), "".join(texts[at:])
        if len(_HAN_RE.findall(lead)) < _STACKED_MIN_HAN or len(_HAN_RE.findall(rest)) < _STACKED_MIN_HAN:
            continue
        lead_pairs, rest_pairs = pairs(lead), pairs(rest)
        opening = pairs(re.split("[。！？]", rest, maxsplit=1)[0])
        if not opening or len(opening & lead_pairs) > _STACKED_OPENING_SHARE * len(opening):
            continue  # the rest's first sentence goes on with the lead's words: the same story
        for k, head in enumerate(heads):
            others = [other for j, other in enumerate(heads) if j != k and other]
            if not head or not others or k in kickers:
                continue
            in_rest = len(head & rest_pairs) / len(head)
            in_lead = len(head & lead_pairs) / len(head)
            # The other headline (the best of the rest) stays over the lead it repeats.
            kept = max(len(other & lead_pairs) / len(other) for other in others)
            kept_rest = max(len(other & rest_pairs) / len(other) for other in others)
            if (
                in_rest < _STACKED_REST_SHARE
                or in_lead > _STACKED_LEAD_SHARE
                or kept < _STACKED_REST_SHARE
                or kept_rest > _STACKED_LEAD_SHARE
            ):
                continue
            # On a tie the later cut: a paragraph sharing neither headline's words (``王毅参加上述活动。``)
            # ends the story above.
            score = in_rest - in_lead + kept - kept_rest
            if best is None or score >= best[0]:
                best = (score, at, k)
    if best is None:
        return None
    return best[1], story.headline_groups[best[2]]


def _kicker_over(group: list[_Line], story: _Story, file_lines: dict[int, int]) -> bool:
    """Whether a headline group of a story is the kicker over another of its groups: it lies above that
    group on lines of its own (its last line in the file before that group's first) and no group of the
    story lies above it. Two modules' headlines the OCR stacked come in the order of their texts, or from
    one line read across (the right one cut from the same line); a group set over another in one column
    is its headline's kicker (or the headline over its subtitle), and opens the story's headlines. A group
    with another of the story's groups above it and one under it is another module's headline read
    between a headline and its deck (``内蒙古锡林郭勒盟一`` / ``矿井发生事故`` / ``中葡各领域合作全面推进`` /
    ``应急管理部工作组赶赴现场``)."""
    others = [
        [file_lines[line.number] for line in other]
        for other in story.headline_groups
        if other is not group and other
    ]
    numbers = [file_lines[line.number] for line in group]
    return any(max(numbers) < min(other) for other in others) and not any(
        max(other) < min(numbers) for other in others
    )


def _headless_rest_of(before: _Story, story: _Story) -> bool:
    if story.headline_groups or story.byline or story.dateline_byline or story.printed_date:
        return False
    if _DATELINE_RE.match(_story_head(story)) or is_byline(story.lines[0].text.strip()):
        return False
    if before.closed_by_byline or before.ended or not before.headline_groups:
        return False
    last, first = before.lines[-1], story.lines[0]
    if last.number > first.number or _FINAL_RE.search(last.text.strip()):
        return False
    return any(
        last.number < group[0].number and group[-1].number < first.number for group in before.headline_groups
    )


def _headline_lines(group: list[_Line], body: str) -> list[str]:
    """A headline group's lines as printed, a headline wrapped at its measure joined again without a
    space: the first line as wide as the second or wider, broken inside a word (jieba's) that the
    story's text holds (``2020年联合国生物多`` / ``样性大会会标发布`` over a story on 生物多样性; not
    ``…委员长会议`` / ``听取…``, two phrases, though the text reads ``会议听取``), broken after a
    list's ``、`` (``王毅分别同意大利外长、`` / ``伊朗外长通电话``), or inside a title's ``《…》`` or a
    note's brackets."""
    lines: list[str] = []
    widths: list[float] = []
    for line in group:
        cleaned = clean_headline_line(line.text)
        if not cleaned:
            continue
        if lines and _wrapped_inside_a_word(lines[-1], cleaned, widths[-1], body):
            lines[-1] += cleaned
            widths[-1] = _cells(cleaned)
            continue
        lines.append(cleaned)
        widths.append(_cells(cleaned))
    return lines


def _wrapped_inside_a_word(first: str, second: str, first_width: float, body: str) -> bool:
    """Whether `second` goes on from `first` inside one word: see `_headline_lines`."""
    if first.endswith("、") and re.match(f"[{HAN}]", second):
        return True  # a list's mark ends no headline's line: the list goes on (``…外长、`` / ``伊朗外长…``)
    if (first.count("《") > first.count("》") or first.count("（") > first.count("）")) and (
        first_width >= _cells(second) and not first.endswith("——")
    ):
        # A title's or a note's mark left open on a line set to the headline's measure: the title goes on
        # (``…印发《中国共产党国有企业基层组织`` / ``工作条例（试行）》``), as does a note in brackets
        # (``（2019年12月28日…常务委员会`` / ``第十五次…通过）``); not a kicker over a longer main line, nor
        # a line a dash ends.
        return True
    if not (re.search(f"[{HAN}]$", first) and re.match(f"[{HAN}]", second)):
        return False
    if first_width < _cells(second):
        return False  # a kicker over its main line, or a main line over a longer subtitle
    # A word read across the break, one the story's text holds too.
    offset = 0
    for word in words_of(first + second):
        if offset < len(first) < offset + len(word) and word in body:
            return True
        offset += len(word)
    return False


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
    return _parse(text, year=year, page_date=page_date, source=source, origin_file=origin_file)[0]


def explain_page(text: str, *, year: int | None, page_date: str | None = None) -> list[str]:
    """How `parse_page` cuts a page, as lines for an operator: each story's lines, headline (printed,
    from which lines, or inferred from the lead), byline and date, the role of each of its lines that is
    not plain text and why (what opened and closed the story, its headline lines), and the blocks joined
    to it from elsewhere on the page and why; the headline groups given to no story; and every line
    dropped as a page header or footer (masthead), photo caption, jump line, end mark or OCR noise."""
    articles, cut = _parse(text, year=year, page_date=page_date, source=None, origin_file=None)
    inferred = sum(1 for a in articles if a.title_source == "inferred")
    out = [f"{len(articles)} 篇 stories, {inferred} with an inferred title"]
    if cut is None:
        return out + _explain_records(text, articles)
    words = _headline_words(cut.stories)
    for position, (article, story) in enumerate(zip(articles, cut.stories, strict=True), start=1):
        first, last = article.origin_lines or (0, 0)  # the file's lines already
        out.append(f"story {position}: lines {first}-{last}, {len(article.paragraphs)} paragraph(s)")
        if article.title_source == "printed":
            numbers = ", ".join(_line_span(group, cut.file_lines) for group in story.headline_groups)
            out.append(f"  headline (printed, lines {numbers}): {article.title}")
            out.extend(f"  {note}" for note in words[position - 1])
        else:
            out.append(f"  headline: none found; title inferred from the lead: {article.title}")
        out.append(f"  byline: {article.byline or '-'}; date: {article.date or '-'}")
        out.append(f"  starts: {_clip(article.paragraphs[0] if article.paragraphs else '')}")
        line_numbers = sorted(
            {line.number for line in story.lines} | {line.number for g in story.headline_groups for line in g}
        )
        for number in line_numbers:
            if number in cut.roles:
                out.append(f"  line {cut.file_lines[number]}: {cut.roles[number]}")
        order = [cut.file_lines[line.number] for line in story.lines]
        if any(later < earlier for earlier, later in zip(order, order[1:], strict=False)):
            out.append(
                f"  its lines read in this order, not the file's (columns read across): {_runs(order)}"
            )
        held = {line.number for line in story.lines}
        for join in cut.joins:
            if join.first in held:
                out.append(
                    f"  joined lines {_span(cut.file_lines[join.first], cut.file_lines[join.last])}, read after another story's text, to this "
                    f"story, which they continue: {join.why}"
                )
    given = {id(group) for story in cut.stories for group in story.headline_groups}
    for _gap, group in cut.gap_groups:
        if id(group) not in given:
            joined = " / ".join(line.text.strip() for line in group)
            out.append(f"not a headline of any story (lines {_line_span(group, cut.file_lines)}): {joined}")
    for item in cut.dropped:
        out.append(f"dropped line {cut.file_lines[item.number]} as {item.kind}: {item.text}")
    return out


def _headline_words(stories: list[_Story]) -> list[list[str]]:
    """For each story, what the words of each headline group it holds say of the match, read on the
    stories as parsed: the share of the group's character pairs (rare pairs weighing more, as
    `page_headlines.HeadlineMatcher.score` weighs them) its text repeats, and the most any other story's
    text repeats. A group the matching gave by layout (a kicker over its main line, a column label)
    shows a low share here: its words did not decide it."""
    texts = [clean_prose("".join(line.text for line in _piece_lines(story))) for story in stories]
    groups = [
        HeadlineGroup(
            gap=k,
            lines=tuple(line.text for line in group),
            text=clean_prose("".join(line.text for line in group)),
        )
        for k, story in enumerate(stories)
        for group in story.headline_groups
    ]
    matcher = HeadlineMatcher(texts, groups)
    notes: list[list[str]] = [[] for _ in stories]
    for group in groups:
        k = group.gap
        # The score adds a little for shared single characters: shown as a share, it stops at 1.
        shares = {j: min(1.0, matcher.score(group, j)) for j in range(len(stories)) if stories[j].lines}
        others = [j for j in shares if j != k]
        other = max(others, key=lambda j: shares[j]) if others else None
        against = (
            f", in another story's at most {shares[other]:.2f} (story {other + 1})"
            if other is not None
            else ""
        )
        notes[k].append(
            f"headline {_clip(group.text, 20)}: its character pairs in this story's text {shares.get(k, 0.0):.2f}"
            f"{against}"
        )
    return notes


def _line_span(group: list[_Line], file_lines: dict[int, int]) -> str:
    """The file lines a group of lines came from: ``5`` or ``5-9``."""
    return _span(file_lines[group[0].number], file_lines[group[-1].number])


def _runs(numbers: list[int]) -> str:
    """File line numbers in reading order, runs of consecutive ones shortened: ``191, 196, 198-199``."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number in (runs[-1][-1], runs[-1][-1] + 1):
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(_span(run[0], run[-1]) for run in runs)


def _span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _clip(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


# The reporters after a dateline without brackets, closed by 报道 (``本报讯 记者王某 通讯员李某报道：``):
# a role first, names and roles only, at most 40 characters.
# A dateline's bracketed byline as an OCR engine may read it: the opening bracket lost or read as a
# character (``人``, ``《``, ``〈``) or kept with such a speck after it (``(人记者``, ``《〈记者``), 记者 read as
# ``记音`` or ``记着``; the names and the closing bracket kept.
_GARBLED_BYLINE_RE = re.compile(
    f"^[ \t\u3000”“\"'’]*[（(人《〈<]{{0,2}}[ \t\u3000]*记[者音着][ \t\u3000]*"
    f"([{HAN}]{{2,4}}(?:[ \t\u3000]*[、，,][ \t\u3000]*[{HAN}]{{2,4}}){{0,7}})[ \t\u3000]*[）)]"
)


def _garbled_bracket_byline(text: str) -> str | None:
    """The byline (``记者 徐晓蔓``) of a dateline's bracket the OCR garbled (`_GARBLED_BYLINE_RE`), or
    None."""
    found = _GARBLED_BYLINE_RE.match(text)
    if found is None:
        return None
    byline = "记者 " + re.sub("[ \t\u3000]*[，,][ \t\u3000]*", "、", found.group(1))
    return byline if is_byline(byline) else None


_REPORTED_RE = re.compile("^[ \t\u3000]*([^，。；：:]{2,40}?)[ \t\u3000]*报道[ \t\u3000：:，]")


def _story_date(
    head: str, story: _Story, closing: tuple[str, str | None], *, year: int | None, page_date: str | None
) -> str | None:
    """The story's date: its dateline's, else a posted correspondent's closing dateline's (`closing`: the
    last paragraph and the byline, `closing_dateline_date`), else its lead's; a text dated by a line of
    its own (a copied web page's, `_Story.printed_date`) takes that date when its lead gives none."""
    if story.printed_date is None:
        last, byline = closing
        if not _DATELINE_RE.match(head) and (
            filed := closing_dateline_date(last, byline, year=year, page_date=page_date)
        ):
            return filed
        return parse_dateline_date(head, year=year, page_date=page_date)
    own_year = date.fromisoformat(story.printed_date).year
    return parse_dateline_date(head, year=own_year, page_date=story.printed_date) or story.printed_date


def _parse(
    text: str,
    *,
    year: int | None,
    page_date: str | None,
    source: str | None,
    origin_file: str | None,
) -> tuple[list[ParsedArticle], _Cut | None]:
    if (records := split_records(text)) is not None:
        return _from_records(records, year=year, source=source, origin_file=origin_file), None
    if page_date is None:
        page_date = find_page_date(text)
    if year is None and page_date:
        year = date.fromisoformat(page_date).year
    lines, file_lines = _split_lines(text)
    cut = _segment(lines)
    cut.file_lines = file_lines
    drop_wordless_headlines(cut)
    mend_split_headlines(cut)
    return_opening_read_into_headline(cut)
    cut.joins = _rejoin(cut.stories, cut.gap_groups, cut.column, cut.roles)
    stories, gap_groups = cut.stories, cut.gap_groups
    _join_opening_read_apart(cut)
    join_label_read_apart(cut)
    join_label_read_inside_a_sentence(cut)
    join_label_set_under_its_headline(cut)
    _assign_headlines(stories, gap_groups)
    _join_headless_rest(cut)
    _split_stacked_headlines(cut)
    widths = _column_widths(stories)

    articles: list[ParsedArticle] = []
    cut.stories = [story for story in stories if story.lines]
    for position, story in enumerate(stories):
        if not story.lines:
            continue
        head = _story_head(story)
        dateline = _DATELINE_RE.match(head)
        bracket = dateline.group(2).strip() if dateline and dateline.group(2) else None
        if bracket and is_byline(bracket):
            # The column may wrap between a role and its name (``通讯员`` / ``张伟``): space them again.
            bracket = _MULTI_SPACE_RE.sub(" ", _ROLE_TOKEN_RE.sub(r" \1 ", bracket)).strip()
        if bracket and not is_byline(bracket) and (mended := _garbled_bracket_byline(f"（{bracket}）")):
            bracket = mended  # ``（记音张三）``: the OCR's misreading of 记者
        if bracket and is_byline(bracket):
            story.dateline_byline = bracket
        elif dateline and not bracket and (mended := _garbled_bracket_byline(head[dateline.end() :])):
            # ``电 人记者徐晓蔓）``, ``电 记者曲颂、王远）``: the opening bracket misread or lost.
            story.dateline_byline = mended
        elif dateline and not bracket:
            # ``本报讯 记者 王某 通讯员 李某 报道 …``: the names before 报道, no brackets round them; 报道
            # may end the dateline's line (its space lost when the lines are joined).
            first = story.lines[0].text.strip()
            for text in (
                head[dateline.end() :],
                first[dateline.end() :] + " " if first.endswith("报道") else "",
            ):
                reported = _REPORTED_RE.match(text)
                if reported and is_byline(reported.group(1)):
                    story.dateline_byline = reported.group(1)
                    break
        paragraphs = join_lines(story.lines, widths[position])
        if paragraphs and (opening := _DATELINE_RE.match(paragraphs[0])):
            # ``本报讯 4月4日，…``; ``本报讯（记者 李娜 通讯员 张伟）4月12日，…`` keeps its names apart.
            rest = paragraphs[0][opening.end() :].lstrip()
            if bracket and opening.group(2):
                # The brackets as printed: full-width ``（）`` or ASCII ``()``.
                left, right = paragraphs[0][opening.start(2) - 1], paragraphs[0][opening.end(2)]
                lead = f"{opening.group(1)}{left}{bracket}{right}"
            else:
                lead = f"{opening.group(1)} "
            paragraphs[0] = lead + rest
        for k in range(1, len(paragraphs)):
            # A second dispatch's dateline (``据新华社北京2月8日电 2月8日，…``) set apart as the lead's is.
            if (again := _DATELINE_RE.match(paragraphs[k])) and not again.group(2):
                paragraphs[k] = f"{again.group(1)} {paragraphs[k][again.end() :].lstrip()}"
        body = _MULTI_SPACE_RE.sub("", "".join(paragraphs))
        headline_lines = [_headline_lines(group, body) for group in story.headline_groups]
        title_lines = tuple(line for lines in headline_lines for line in lines)
        title_groups = tuple(" ".join(lines) for lines in headline_lines)
        byline = story.byline or story.dateline_byline or _bracketed_authors(story)
        reporters, correspondents = parse_byline(byline) if byline else ((), ())
        articles.append(
            ParsedArticle(
                title=" ".join(title_lines) or _fallback_title(paragraphs),
                title_source="printed" if title_lines else "inferred",
                title_lines=title_lines,
                title_groups=title_groups,
                paragraphs=tuple(paragraphs),
                date=_story_date(
                    head,
                    story,
                    (paragraphs[-1] if paragraphs else "", byline),
                    year=year,
                    page_date=page_date,
                ),
                byline=byline,
                reporters=reporters,
                correspondents=correspondents,
                source=source,
                origin_file=origin_file,
                origin_position=position,
                origin_lines=(file_lines[story.lines[0].number], file_lines[story.lines[-1].number]),
            )
        )
    return articles, cut


# A lead opening with its authors in lenticular brackets, as evening papers print them:
# ``【记者 王某 实习生 李某】5月1日，…``.
_BRACKETED_AUTHORS_RE = re.compile("^[ \t\u3000]*【([^【】]{2,40})】")


def _bracketed_authors(story: _Story) -> str | None:
    """The authors a story's lead opens with in lenticular brackets (``【记者 王某 通讯员 李某】…``, the
    bracket wrapped over two lines or not), as its byline; None when the lead opens otherwise."""
    if not story.lines:
        return None
    text = story.lines[0].text.strip()
    if "】" not in text and len(story.lines) > 1 and text.startswith("【"):
        # The column wrapped inside the bracket; a space lost there between two names comes back when
        # the pieces on either side of the wrap make more than a name's three characters.
        after = story.lines[1].text.strip()
        tail, head = re.search("[^ \t\u3000【]*$", text), re.match("[^ \t\u3000】]*", after)
        pieces = (tail.group(0) if tail else "", head.group(0) if head else "")
        apart = all(pieces) and len("".join(pieces)) > 3 and not _ROLE_TOKEN_RE.search("".join(pieces))
        text += (" " if apart else "") + after
    found = _BRACKETED_AUTHORS_RE.match(text)
    if found is None:
        return None
    authors = _MULTI_SPACE_RE.sub(" ", _ROLE_TOKEN_RE.sub(r" \1 ", found.group(1))).strip()
    return authors if is_byline(authors) else None


def _from_records(
    records: list[Record], *, year: int | None, source: str | None, origin_file: str | None
) -> list[ParsedArticle]:
    """One article from each record of a digital edition's export (`page_records`): its title, authors
    and date from the record's fields; the date from the lead's dateline or first clause when it gives
    one, else the record's own."""
    articles: list[ParsedArticle] = []
    for position, record in enumerate(records):
        paragraphs = [clean_prose(p) for p in paragraphs_of(record)]
        if not paragraphs:
            continue
        record_date = record.date
        record_year = date.fromisoformat(record_date).year if record_date else year
        head = paragraphs[0]
        dateline = _DATELINE_RE.match(head)
        byline = record.author
        names = authors(byline) if byline else None
        if names is None:
            bracket = dateline.group(2).strip() if dateline and dateline.group(2) else None
            byline = bracket if bracket and is_byline(bracket) else None
            names = parse_byline(byline) if byline else ((), ())
        title_lines = tuple(clean_headline_line(line) for line in record.title_lines)
        articles.append(
            ParsedArticle(
                title=" ".join(title_lines) or _fallback_title(paragraphs),
                title_source="printed" if title_lines else "inferred",
                title_lines=title_lines,
                title_groups=title_lines,
                paragraphs=tuple(paragraphs),
                date=parse_dateline_date(head, year=record_year, page_date=record_date) or record_date,
                byline=byline,
                reporters=names[0],
                correspondents=names[1],
                source=source,
                origin_file=origin_file,
                origin_position=position,
                origin_lines=(record.lines[0][0], record.lines[-1][0]),
            )
        )
    return articles


def _explain_records(text: str, articles: list[ParsedArticle]) -> list[str]:
    """`explain_page` for a digital edition's export: each article's record and the fields it read."""
    out = ["the text is an export of a digital edition: one record per article, opened by its fields"]
    records = [record for record in split_records(text) or [] if paragraphs_of(record)]  # as `_from_records`
    for position, (article, record) in enumerate(zip(articles, records, strict=False), start=1):
        first, last = article.origin_lines or (0, 0)
        out.append(f"story {position}: text lines {first}-{last}, {len(article.paragraphs)} paragraph(s)")
        for name, value, number in record.fields:
            out.append(f"  line {number}: field {name}: {_clip(value)}")
        out.append(f"  headline (from the title fields): {article.title}")
        out.append(f"  byline: {article.byline or '-'}; date: {article.date or '-'}")
    return out
