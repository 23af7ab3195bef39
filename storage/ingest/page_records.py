"""A plain-text export of a digital edition: one record per article, each opened by labelled fields
(``标题：…`` / ``【标题】…``, ``引题``, ``副标题``, ``作者``, ``来源``, ``日期`` or ``发布时间``, ``版次``,
``正文``), then the article's text, one paragraph a line (indented or not, blank lines between or not); the
text may start on the ``正文`` line itself.

Such a file is no page: nothing needs segmenting, the fields say where each article starts and what its
title, authors and date are. `split_records` finds the records (or says the text holds none), and
`parse_page` builds one article from each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from storage.ingest.page_lines import parse_byline

HAN = "\u4e00-\u9fff"
_SPACE = "[ \t\u3000]"

# Field names, by what they give. ``记者：`` is left out: an interview's questions open with it.
_KICKER = ("引题", "肩题", "眉题")
_MAIN = ("标题", "主标题", "主题", "题目", "篇名")
_SUBTITLE = ("副标题", "副题")
_AUTHOR = ("作者", "署名")
_DATE = ("日期", "发布时间", "发布日期", "出版日期", "见报日期")
_TEXT = ("正文", "内容")
_OTHER = ("来源", "出处", "版次", "版面", "版名", "栏目", "关键词", "字数", "报纸", "作者单位")
_NAMES = "|".join(
    sorted((*_KICKER, *_MAIN, *_SUBTITLE, *_AUTHOR, *_DATE, *_TEXT, *_OTHER), key=len, reverse=True)
)
_FIELD_RE = re.compile(
    f"^{_SPACE}*(?:【(?P<a>{_NAMES})】|\\[(?P<b>{_NAMES})\\]|(?P<c>{_NAMES}){_SPACE}*[:：]){_SPACE}*(?P<value>.*?){_SPACE}*$"
)
# A rule between records: ``----------``, ``==========``, ``**********``.
_RULE_RE = re.compile(f"^{_SPACE}*[-=—_*~·]{{5,}}{_SPACE}*$")
_DATE_VALUE_RE = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})")
_INDENT_RE = re.compile("^(?:\u3000|  )")
# An author's name: two to four Han characters (a minority name with ``·``), or a two-character name
# padded to three cells.
_AUTHOR_NAME_RE = re.compile(f"^(?:[{HAN}]{{2,4}}|[{HAN}]{{1,6}}·[{HAN}·]{{1,10}})$")


@dataclass
class Record:
    """One article of an export: its fields and its text lines (file line numbers, 1-based)."""

    fields: list[tuple[str, str, int]] = field(default_factory=list)  # (name, value, line number)
    lines: list[tuple[int, str]] = field(default_factory=list)  # (line number, text) of the article

    def values(self, names: tuple[str, ...]) -> list[str]:
        return [value for name, value, _number in self.fields if name in names and value]

    @property
    def title_lines(self) -> list[str]:
        """Kicker, main line and subtitle, in that order, as the fields give them."""
        return [*self.values(_KICKER), *self.values(_MAIN), *self.values(_SUBTITLE)]

    @property
    def author(self) -> str | None:
        return next(iter(self.values(_AUTHOR)), None)

    @property
    def date(self) -> str | None:
        """The record's date (``2020-01-21``, ``2020年1月21日``, ``2020-01-21 06:36``) as ISO."""
        for value in self.values(_DATE):
            if found := _DATE_VALUE_RE.search(value):
                try:
                    return date(int(found[1]), int(found[2]), int(found[3])).isoformat()
                except ValueError:
                    continue
        return None


def _field(line: str) -> tuple[str, str] | None:
    match = _FIELD_RE.match(line)
    if match is None:
        return None
    return match["a"] or match["b"] or match["c"], match["value"]


def split_records(text: str) -> list[Record] | None:
    """The export's records, or None when `text` is not one.

    A record opens with a run of field lines, one of them a title (``标题``, ``引题``…) and one of
    them something only an export labels (author, source, date, page, ``正文``): a page's prose may hold
    a line like ``来源：新华社`` but never such a run. Its text is every line after the run up to the
    next record's run; rules and blank lines between records belong to none. Lines before the first
    record (the export's banner) belong to none."""
    raw = text.replace("\r", "").split("\n")
    fields = [_field(line) for line in raw]
    runs: list[tuple[int, int]] = []  # [start, end) of each run of field lines that opens a record
    index = 0
    while index < len(raw):
        end = index
        while end < len(raw) and fields[end] is not None:
            end += 1
        if end > index:
            names = {found[0] for found in fields[index:end] if found is not None}
            titled = bool(names & {*_KICKER, *_MAIN})
            labelled = bool(names - {*_KICKER, *_MAIN, *_SUBTITLE})
            if titled and labelled and end - index >= 2:
                runs.append((index, end))
            index = end
        else:
            index += 1
    if not runs:
        return None
    records: list[Record] = []
    for position, (start, end) in enumerate(runs):
        record = Record()
        for number in range(start, end):
            found = fields[number]
            if found is not None:
                record.fields.append((found[0], found[1], number + 1))
                if found[0] in _TEXT and found[1]:
                    record.lines.append(
                        (number + 1, found[1])
                    )  # ``正文：春节将至，…``: the text's first line
        stop = runs[position + 1][0] if position + 1 < len(runs) else len(raw)
        for number in range(end, stop):
            line = raw[number].rstrip()
            if line.strip() and not _RULE_RE.match(line):
                record.lines.append((number + 1, line))
        records.append(record)
    return records


def paragraphs_of(record: Record) -> list[str]:
    """The record's text as paragraphs: one a line; where some lines are indented and others not, an
    indented line opens a paragraph and an unindented one goes on with it (text wrapped by the export)."""
    lines = [text for _number, text in record.lines]
    indented = [bool(_INDENT_RE.match(line)) for line in lines]
    wrapped = any(indented) and not all(indented)
    out: list[str] = []
    for line, opens in zip(lines, indented, strict=True):
        text = line.strip(" \t\u3000")
        if out and wrapped and not opens:
            out[-1] += text
        else:
            out.append(text)
    return out


def authors(value: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The (reporters, correspondents) an author field names (``本报记者 丁怡婷``, ``记者：范佳元``,
    ``王某 李某``), or None when it names no person (``本报评论员``, ``人民日报社``)."""
    reporters, correspondents = parse_byline(value)
    names = (*reporters, *correspondents)
    if not names or not all(_AUTHOR_NAME_RE.match(name) for name in names):
        return None
    return reporters, correspondents
