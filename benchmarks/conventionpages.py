"""Pages laid out in the twelve conventions of Chinese papers, from real CCTV stories, and how a parsed page is
scored against them (`benchmarks.parsing` runs them).

Stories come from `benchmarks.realnews.load_stories()` (CCTV 《新闻联播》 transcripts: real prose, real
headlines, written by nobody here). Each page takes a few of them and lays them out as the OCR of a
multi-column page: body text wrapped at one column width (12–20 cells) with the OCR's stray spaces
(``4月 4日``), column breaks as blank lines in mid-sentence, punctuation kept off line starts; headlines
over one to three lines, before their story, after it or a story away. Each convention below is how
real papers close and open their stories (the seed page, ``seeds/000_…txt``, is one real example):

- ``seed``: ``本报讯 4月4日，…`` datelines, bylines after the text on their own line or inline
  (``…发展。记者 景静``), headlines before, after or a story away, kicker and title split over groups;
- ``byline_before``: ``本报记者 X 通讯员 Y`` between headline and text, datelines or none;
- ``bracket_byline``: ``本报讯（记者 X 通讯员 Y）…`` and ``新华社郑州4月6日电（记者 X）…``;
- ``wire_end_mark``: wire copy closed by ``(完)`` / ``（完）`` / ``【完】``, often followed by the byline on
  the same line (``…处罚。(完)记者 范宇斌``) or the next;
- ``dateline_variants``: ``本报4月6日讯``, ``据新华社电``, ``新华社北京4月6日电``, none at all;
- ``no_dateline``: no datelines; bylines after, before, or missing;
- ``jump_lines``: ``（下转第二版）`` closing a story, ``（上接第一版）`` opening one;
- ``captions``: photo captions (``图为…``, ``本报记者 X 摄``) between stories and inside a story's columns;
- ``page_furniture``: running headers and footers (date and weekday, page number, editors);
- ``credit_forms``: ``记者 X 摄``, ``文/图 X``, ``实习生 X``, several names, ``记者 X 报道``;
- ``missing_characters``: headlines whose first characters the OCR lost (`` 区人大常委会`` on the seed);
- ``mixed``: every page a random mix of all the above.

A story is exactly right when its title (the headline lines as printed, joined by spaces), its paragraphs,
its date and its reporters and correspondents are all as printed; end marks, jump lines, captions and
page furniture belong to no story. The figures go to benchmarks/reports/pages.md ("OCR page parser on real
news").
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from benchmarks.realnews import Story as RealStory
from benchmarks.realnews import load_stories
from storage.ingest.ocr_page import clean_headline_line, display_width, parse_page

CONVENTIONS = (
    "seed",
    "byline_before",
    "bracket_byline",
    "wire_end_mark",
    "dateline_variants",
    "no_dateline",
    "jump_lines",
    "captions",
    "page_furniture",
    "credit_forms",
    "missing_characters",
    "mixed",
)
TARGET_OVERALL = 0.97
TARGET_EACH = 0.90

_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏辉建国晓雨欣悦宇浩然子轩梓涵一鸣思远嘉怡雪梅春燕海波志强俊杰"
_CITIES = ("北京", "郑州", "上海", "广州", "武汉", "成都", "西安", "杭州", "南京", "长沙")
_EDITORS = ("编辑", "责任编辑", "美编", "校对")
_WEEKDAYS = "一二三四五六日"
_CN_NUMBERS = "一二三四五六七八"
# Characters a line may not start with (they stay on the line before, hanging into the margin).
_NO_LINE_START = "，。、；：！？）)】〕》」』”’…%"
# Characters a line may not end with (they go down to the next line).
_NO_LINE_END = "“‘（《「『【("


@dataclass
class Expected:
    title: str
    paragraphs: tuple[str, ...]
    date: str | None
    reporters: tuple[str, ...]
    correspondents: tuple[str, ...]


@dataclass
class Laid:
    """One story ready to place: its headline groups and its body lines (blank line = "")."""

    headline: list[list[str]]
    body: list[str]
    expected: Expected
    opens: bool = True  # its text starts visibly: a dateline, a byline before it, ``（上接…）``
    closes: bool = True  # its text ends visibly: a byline after it, an end mark, ``（下转…）``


@dataclass
class Page:
    convention: str
    text: str
    year: int
    expected: list[Expected]


@dataclass
class Outcome:
    convention: str
    expected: Expected
    got: dict[str, Any] | None
    wrong: tuple[str, ...] = field(default_factory=tuple)  # which fields differ

    @property
    def ok(self) -> bool:
        return not self.wrong


def _name(rng: random.Random) -> str:
    given = "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(_SURNAMES) + given


def _names(rng: random.Random, most: int) -> list[str]:
    names: list[str] = []
    while len(names) < rng.randint(1, most):
        name = _name(rng)
        if name not in names:
            names.append(name)
    return names


@dataclass
class Byline:
    text: str
    reporters: tuple[str, ...]
    correspondents: tuple[str, ...]


def _byline(rng: random.Random, forms: str = "plain") -> Byline:
    """A byline as papers print it; `forms` "credits" adds 摄, 文/图, 实习生, 报道."""
    reporters = _names(rng, 2)
    correspondents = _names(rng, 2) if rng.random() < 0.35 else []
    role = rng.choice(("记者", "本报记者", "记者", "见习记者"))
    if forms == "credits":
        kind = rng.choice(("摄", "文图", "实习生", "报道", "several"))
        if kind == "摄":
            return Byline(f"{role} {' '.join(reporters[:1])} 摄", tuple(reporters[:1]), ())
        if kind == "文图":
            return Byline(f"文/图 {' '.join(reporters)}", tuple(reporters), ())
        if kind == "实习生":
            interns = _names(rng, 1)
            return Byline(
                f"{role} {' '.join(reporters)} 实习生 {' '.join(interns)}",
                tuple(reporters + interns),
                (),
            )
        if kind == "报道":
            return Byline(f"{role} {' '.join(reporters)} 报道", tuple(reporters), ())
        reporters = _names(rng, 3) + [_name(rng)]
        reporters = list(dict.fromkeys(reporters))
    text = f"{role} {' '.join(reporters)}"
    if correspondents:
        text += f" 通讯员 {' '.join(correspondents)}"
    return Byline(text, tuple(reporters), tuple(correspondents))


def _ocr_spaces(text: str, rng: random.Random) -> str:
    """The OCR's stray spaces: after a number before 月/日 (``4月 4日``), sometimes before a digit."""
    text = re.sub("(?<=月)(?=\\d)", lambda _: " " if rng.random() < 0.6 else "", text)
    return text


def wrap(text: str, width: int, indent: int = 2) -> list[str]:
    """Set a paragraph in lines of `width` cells, its first line indented by `indent` cells (an indent
    the OCR then drops), punctuation never starting a line nor an opening mark ending one."""
    lines: list[str] = []
    line = ""
    for ch in text:
        room = width - (indent if not lines else 0)
        if display_width(line + ch) > room and line and ch not in _NO_LINE_START:
            carry = ""
            while line and line[-1] in _NO_LINE_END:
                carry = line[-1] + carry
                line = line[:-1]
            lines.append(line)
            line = carry
        line += ch
    if line:
        lines.append(line)
    return lines


def _headline_lines(title: str, rng: random.Random) -> list[list[str]]:
    """A CCTV title as a printed headline: one to three lines, split into groups at a colon or where a
    long line breaks (kicker over title, title over subtitle), never inside a word."""
    title = title.replace("，", " ").strip()
    parts = [p for p in re.split("[ 　]+|(?<=：)|(?<=】)|(?<=——)", title) if p]
    lines: list[str] = []
    for part in parts:
        if lines and display_width(lines[-1] + part) <= 20 and not lines[-1].endswith(("：", "】", "——")):
            lines[-1] += (
                " " if re.match(f"[{_HAN}]", part[:1]) and lines[-1][-1:] not in "“《" else ""
            ) + part
        else:
            lines.append(part)
    # A phrase longer than a column runs across several columns: headlines break between phrases only.
    lines = [clean_headline_line(line.rstrip("：").strip()) for line in lines if line.strip("：— ")]
    if len(lines) > 1 and len(lines[0]) >= 4 and rng.random() < 0.5:
        return [lines[:1], lines[1:]]  # kicker or main title in a group of its own
    return [lines]


_HAN = "\u4e00-\u9fff"
_DATELINE_START = re.compile("^(本报|新华社|据新华社)")
_DATELINE_OPENING = re.compile(r"^(?:本报讯|本报\S*?[讯电]|据?新华社\S*?电)(?:（[^）]*）)?\s*")
_PUNCT_SPACE_RE = re.compile("(?<=[，。、；：！？“”《》（）])[ ]+|[ ]+(?=[，。、；：！？“”《》（）])")


def _trim(story: RealStory, rng: random.Random) -> list[str] | None:
    """The story's first paragraphs, 120–520 characters in all, or None when it has no such run."""
    paragraphs = [p.strip() for p in story.paragraphs if p.strip()]
    paragraphs = [p for p in paragraphs if re.search("[。！？”]$", p)]
    out: list[str] = []
    for paragraph in paragraphs:
        if sum(map(len, out)) + len(paragraph) > 520:
            break
        out.append(paragraph)
        if sum(map(len, out)) >= 120 and rng.random() < 0.5:
            break
    if not out or sum(map(len, out)) < 80:
        return None
    return out


def _lay_story(story: RealStory, convention: str, rng: random.Random, width: int) -> Laid | None:
    paragraphs = _trim(story, rng)
    if paragraphs is None:
        return None
    year, month, day = (int(x) for x in story.date.split("-"))
    headline = _headline_lines(story.title, rng)
    if not headline or not headline[0]:
        return None
    if convention == "missing_characters" and len(headline[0][0]) > 6:
        headline[0][0] = headline[0][0][rng.choice((1, 2)) :]
    byline = _byline(rng, "credits" if convention == "credit_forms" else "plain")
    date: str | None = story.date
    lead = paragraphs[0]
    placement = "after"  # where the byline goes: after (own line), inline, before, bracket, none
    dateline = "本报讯"
    end_mark = None
    jump_out = jump_in = False
    if convention in ("seed", "captions", "page_furniture", "credit_forms", "missing_characters"):
        placement = rng.choice(("after", "after", "inline"))
        first = f"{month}月{day}日{rng.choice(('', '上午', '下午', ''))}，"
    elif convention == "byline_before":
        placement = "before"
        dateline = rng.choice(("本报讯", "本报讯", ""))
        first = f"{month}月{day}日，" if dateline else ""
        if not dateline:
            date = None
    elif convention == "bracket_byline":
        placement = "bracket"
        city = rng.choice(_CITIES)
        dateline = rng.choice(("本报讯", f"新华社{city}{month}月{day}日电"))
        first = f"{month}月{day}日，" if dateline == "本报讯" else ""
    elif convention == "wire_end_mark":
        city = rng.choice(_CITIES)
        dateline = rng.choice((f"新华社{city}{month}月{day}日电", "本报讯", "据新华社电"))
        first = (
            f"{month}月{day}日，" if dateline == "本报讯" else ("近日，" if dateline == "据新华社电" else "")
        )
        if dateline == "据新华社电":
            date = None
        end_mark = rng.choice(("(完)", "（完）", "【完】"))
        placement = rng.choice(("inline", "after", "none"))
    elif convention == "dateline_variants":
        city = rng.choice(_CITIES)
        dateline = rng.choice(
            (f"本报{month}月{day}日讯", "据新华社电", f"新华社{city}{month}月{day}日电", "")
        )
        first = "近日，" if dateline in ("据新华社电", "") else ""
        if dateline in ("据新华社电", ""):
            date = None
        placement = rng.choice(("after", "inline"))
    elif convention == "no_dateline":
        dateline = ""
        first = ""
        date = None
        placement = rng.choice(("after", "inline", "before", "none"))
    elif convention == "jump_lines":
        first = f"{month}月{day}日，"
        placement = rng.choice(("after", "inline"))
        jump_out = rng.random() < 0.4
        jump_in = not jump_out and rng.random() < 0.4
        if jump_in:  # the rest of a story from another page: no dateline, no date
            dateline, first, date = "", "", None
        if jump_out:
            placement = "none"  # the byline is printed where the story continues
    else:
        raise ValueError(convention)
    if date is None and not first:
        # No dateline: the story's date is the one its lead opens with (``今天（4月1日），…``), if any.
        # (The date its first clause opens with: one far into a long clause is not the story's.)
        clause = re.split("[，。]", lead, maxsplit=1)[0][:24]
        if month_day := re.search(r"(?<!\d)(\d{1,2})月(\d{1,2})日", clause):
            m, d = int(month_day[1]), int(month_day[2])  # the day of the event, often the day before
            # A date months after the broadcast is last year's (a January page recalling December).
            date = f"{year - 1 if (m - month) * 31 + d - day > 60 else year}-{m:02d}-{d:02d}"
    if placement == "bracket":
        opening = f"{dateline}（{byline.text}）"
    else:
        opening = f"{dateline} " if dateline else ""
    # OCR reads an ideographic space as a space; the transcripts' stray spaces next to punctuation
    # (``了解到， 10月``) are not printed.
    paragraphs = [_PUNCT_SPACE_RE.sub("", p.replace("\u3000", " ")) for p in paragraphs]
    lead = paragraphs[0]
    expected_first = f"{opening}{first}{lead}"
    expected_paragraphs = (expected_first, *paragraphs[1:])
    has_byline = placement in ("after", "inline", "before", "bracket")
    expected = Expected(
        title=" ".join(line for group in headline for line in group),
        paragraphs=tuple(expected_paragraphs),
        date=date,
        reporters=byline.reporters if has_byline else (),
        correspondents=byline.correspondents if has_byline else (),
    )
    printed = [_ocr_spaces(p, rng) for p in expected_paragraphs]
    if placement == "bracket" and rng.random() < 0.5:
        printed[0] = printed[0].replace(dateline, dateline + " ", 1)  # some OCR spaces the bracket off
    body: list[str] = []
    if placement == "before":
        body.append(byline.text)
    if jump_in:
        printed[0] = f"（上接第{rng.choice(_CN_NUMBERS)}版）" + printed[0]
    for index, paragraph in enumerate(printed):
        last = index == len(printed) - 1
        if last and end_mark:
            paragraph += end_mark
        lines = wrap(paragraph, width)
        jump = f"（下转第{rng.choice(_CN_NUMBERS)}版）"
        if last and jump_out:
            # A jump line is set whole: after the text when it fits the last line, else on its own.
            if rng.random() < 0.5 and display_width(lines[-1] + jump) <= width:
                lines[-1] += jump
            else:
                lines.append(jump)
        if last and placement == "inline":
            # A byline runs on after the text when it fits the last line, else it gets a line of its own.
            if display_width(lines[-1] + byline.text) <= width:
                lines[-1] += byline.text
            else:
                lines.append(byline.text)
        body.extend(lines)
    if placement == "after":
        body.append(byline.text)
    body = column_breaks(body, rng)
    opens = bool(dateline) or placement in ("before", "bracket") or jump_in
    closes = placement in ("after", "inline") or bool(end_mark) or jump_out
    return Laid(headline, body, expected, opens, closes)


def column_breaks(body: list[str], rng: random.Random) -> list[str]:
    """Blank lines where a column ends: every 8–30 lines, mid-sentence or not; never before the first."""
    out: list[str] = []
    countdown = rng.randint(8, 30)
    for index, line in enumerate(body):
        if index and countdown <= 0:
            out.append("")
            countdown = rng.randint(8, 30)
        out.append(line)
        countdown -= 1
    return out


def _caption(story: Laid, rng: random.Random, width: int) -> list[str]:
    """A photo caption: 图为 and a phrase of the story, then the photographer."""
    text = re.sub(f"[^{_HAN}]", "", story.expected.paragraphs[-1])[: rng.randint(10, 26)]
    credit = f"{rng.choice(('本报记者', '记者'))} {_name(rng)} 摄"
    caption = f"图为{text}。"
    lines = wrap(caption, width)
    return [*lines, credit] if rng.random() < 0.7 else [*lines[:-1], lines[-1] + " " + credit]


def _furniture(rng: random.Random, year: int, month: int, day: int) -> list[str]:
    weekday = _WEEKDAYS[rng.randrange(7)]
    page = rng.choice(_CN_NUMBERS[:4])
    editor = f"{rng.choice(_EDITORS)} {_name(rng)}"
    return [
        rng.choice(
            (
                f"{year}年{month}月{day}日 星期{weekday} {editor}",
                f"第{page}版 综合新闻",
                f"{editor}  校对 {_name(rng)}",
                f"{year}年{month}月{day}日 星期{weekday}",
            )
        )
    ]


def compose(stories: list[RealStory], convention: str, rng: random.Random) -> Page | None:
    width = rng.randint(12, 20)
    if convention == "mixed":
        chosen = [rng.choice(CONVENTIONS[:-1]) for _ in stories]
    else:
        chosen = [convention] * len(stories)
    laid = [
        item
        for story, kind in zip(stories, chosen, strict=True)
        if (item := _lay_story(story, kind, rng, width)) is not None
    ]
    if len(laid) < 2:
        return None
    # Headline placement: before the story, after it, or a story away. A byline printed before the text
    # follows its headline, so those stories keep theirs before.
    blocks: list[tuple[str, int]] = []  # ("H"|"B", story index)
    pending: list[int] = []
    for index, item in enumerate(laid):
        before = item.body[0] if item.body else ""
        # A story printed with neither dateline nor byline before the next one starts where its
        # headline stands: such headlines are always printed right above their text.
        unmarked = not item.opens and (index == 0 or not laid[index - 1].closes)
        keep_before = (
            convention in ("byline_before",)
            or unmarked
            or (item.expected.reporters and before.startswith(("记者", "本报记者", "见习记者")))
        )
        place = "before" if keep_before else rng.choice(("before", "before", "after", "away"))
        if place == "before":
            blocks.append(("H", index))
            blocks.append(("B", index))
        elif place == "after":
            blocks.append(("B", index))
            blocks.append(("H", index))
        else:
            blocks.append(("B", index))
            pending.append(index)
            continue
        for waiting in pending:
            blocks.append(("H", waiting))
        pending = []
    for waiting in pending:
        blocks.append(("H", waiting))
    lines: list[str] = []
    # The page's date is its latest story's (a page prints news up to the day it comes out).
    year, month, day = (int(x) for x in max(s.date for s in stories).split("-"))
    if convention in ("page_furniture", "mixed") and rng.random() < 0.8:
        lines += _furniture(rng, year, month, day) + [""]
    for kind, index in blocks:
        item = laid[index]
        if kind == "H":
            for group in item.headline:
                lines += group + [""]
        else:
            body = item.body
            if convention in ("captions", "mixed") and rng.random() < 0.4 and len(body) > 12:
                cut = rng.randint(4, len(body) - 4)  # a photo inside the story's columns
                body = [*body[:cut], "", *_caption(item, rng, width), "", *body[cut:]]
            lines += body + [""]
            if convention in ("captions", "mixed") and rng.random() < 0.4:
                lines += _caption(item, rng, width) + [""]
    if convention in ("page_furniture", "mixed") and rng.random() < 0.6:
        lines += _furniture(rng, year, month, day)
    text = "\n".join(lines).rstrip() + "\n"
    expected = [item.expected for item in laid]
    if f"{year}年{month}月{day}日" in text:
        # The page prints its date: a story dated only ``近日``/``今天`` is of that day.
        for story in expected:
            lead = _DATELINE_OPENING.sub("", story.paragraphs[0])
            if story.date is None and lead.startswith(("近日", "日前", "今天", "今日")):
                story.date = f"{year}-{month:02d}-{day:02d}"
    return Page(convention, text, year, expected)


def stories_by_length(stories: list[RealStory]) -> list[RealStory]:
    """Stories with a headline of their own: not the programme's roll-ups of briefs (``国内联播快讯``,
    a section label over several unrelated items, no story's headline)."""
    return [s for s in stories if 2 <= len(s.title) <= 60 and "联播快讯" not in s.title]


def make_pages(count: int, seed: int) -> list[Page]:
    """`count` pages of each convention from the real stories; same seed, same pages."""
    pool = stories_by_length(load_stories())
    rng = random.Random(seed)
    pages: list[Page] = []
    for convention in CONVENTIONS:
        made = 0
        while made < count:
            start = rng.randrange(len(pool) - 6)
            # Stories of one day, as a page holds the same day's news.
            page = compose(pool[start : start + rng.randint(3, 6)], convention, rng)
            if page is not None:
                pages.append(page)
                made += 1
    return pages


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def score_page(page: Page) -> list[Outcome]:
    parsed = parse_page(page.text, year=page.year)
    got: list[dict[str, Any]] = [
        {
            "title": a.title,
            "paragraphs": a.paragraphs,
            "date": a.date,
            "reporters": a.reporters,
            "correspondents": a.correspondents,
        }
        for a in parsed
    ]
    outcomes: list[Outcome] = []
    used: set[int] = set()
    for expected in page.expected:
        # The parsed story holding this story's lead (stories are found by their text, not position).
        lead = _key(expected.paragraphs[0])[:40]
        match = next(
            (k for k, g in enumerate(got) if k not in used and lead in _key("".join(g["paragraphs"]))),
            None,
        )
        if match is None:
            outcomes.append(Outcome(page.convention, expected, None, ("story",)))
            continue
        used.add(match)
        g = got[match]
        wrong = tuple(
            name
            for name, same in (
                ("title", g["title"] == expected.title),
                ("body", tuple(g["paragraphs"]) == expected.paragraphs),
                ("date", g["date"] == expected.date),
                (
                    "byline",
                    (g["reporters"], g["correspondents"]) == (expected.reporters, expected.correspondents),
                ),
            )
            if not same
        )
        outcomes.append(Outcome(page.convention, expected, g, wrong))
    return outcomes


def run(pages: list[Page]) -> dict:
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    for page in pages:
        outcomes += score_page(page)
    seconds = time.perf_counter() - started
    per: dict[str, dict] = {}
    for convention in CONVENTIONS:
        mine = [o for o in outcomes if o.convention == convention]
        wrong = Counter(field_ for o in mine for field_ in o.wrong)
        per[convention] = {
            "stories": len(mine),
            "exact": sum(o.ok for o in mine),
            "share": sum(o.ok for o in mine) / len(mine) if mine else 0.0,
            "wrong": dict(wrong),
        }
    total = len(outcomes)
    exact = sum(o.ok for o in outcomes)
    return {
        "pages": len(pages),
        "stories": total,
        "exact": exact,
        "share": exact / total if total else 0.0,
        "conventions": per,
        "seconds": seconds,
        "outcomes": outcomes,
    }


def format_report(result: dict) -> list[str]:
    lines = [
        f"{result['exact']}/{result['stories']} stories exactly right "
        f"({result['share']:.1%}) on {result['pages']} pages, {result['seconds']:.1f} s",
        "",
        "| convention | stories | exactly right | share | wrong fields |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for name, row in result["conventions"].items():
        wrong = ", ".join(f"{k} {v}" for k, v in sorted(row["wrong"].items())) or "-"
        lines.append(f"| {name} | {row['stories']} | {row['exact']} | {row['share']:.1%} | {wrong} |")
    return lines


def format_failure(outcome: Outcome) -> list[str]:
    e, g = outcome.expected, outcome.got
    lines = [f"[{outcome.convention}] wrong: {', '.join(outcome.wrong)}", f"  want title: {e.title}"]
    if g is None:
        lines.append(f"  lead not found: {e.paragraphs[0][:40]}")
        return lines
    lines.append(f"  got  title: {g['title']}")
    if "body" in outcome.wrong:
        for want, got in zip(e.paragraphs, g["paragraphs"], strict=False):
            if want != got:
                lines += [f"  want para: {want[:80]}", f"  got  para: {got[:80]}"]
                break
        if len(e.paragraphs) != len(g["paragraphs"]):
            lines.append(f"  paragraphs: want {len(e.paragraphs)}, got {len(g['paragraphs'])}")
            lines.append(f"  got last: {g['paragraphs'][-1][-60:]}")
    if "date" in outcome.wrong:
        lines.append(f"  date: want {e.date}, got {g['date']}")
    if "byline" in outcome.wrong:
        lines.append(
            f"  byline: want {e.reporters}/{e.correspondents}, got {g['reporters']}/{g['correspondents']}"
        )
    return lines
