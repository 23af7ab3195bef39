"""Two more text-page layouts from People's Daily articles (`benchmarks.rmrb`) that no other family uses:
one open to tuning, the other **held out of all tuning** (its totals only are ever printed, never a
story). Each family is a function of a seed: same seed, same pages, same truth.

- ``special_page`` (a special-topic page, 专版 / 专题; the tuned months): a page strip (``第6版  专版``,
  the date) and a banner over the whole page (``【专题】…``, ``特别策划``, ``聚焦…``, a ``——…`` line under
  some), in no story; three to five stories of the day, each its header lines, then its dateline as
  printed, or ``本报记者  王某`` / ``记者 王某 通讯员 李某`` on a line of its own; long articles with their
  own sub-headings on some pages; photo captions (``图为…。  王某摄``, ``图为…。（王某 摄）``,
  ``▲…。``) between stories or between a story's paragraphs; sidebars (``背景链接``, ``【知识链接】``,
  ``■名词解释``, ``相关阅读`` over the first sentences of another article of the day) after some stories,
  in no story; ``（下转第7版）`` closing a story cut off; ``本版责编：王某  版式：李某`` under the page.
- ``evening_page`` (an evening paper's page, 晚报; the tuned months; the held-out ``evening_items``'
  tuned twin, written anew from its list of conventions, never from its pages): a page strip (``B03｜都市``
  and the date with the day's editor, or ``第3版  都市  2019.2.7``) and, on some pages, a 要闻速览 strip
  of other stories' heads on one line (``要闻速览  ▶…  ▶…``) or one a line under the label (``·…``), in no
  story; stories with their dateline, or ``本报讯（记者 王某 通讯员 李某）``, after their last header
  line, or their authors in lenticular brackets opening the lead (``【记者 王某 通讯员 李某】…``), or a
  ``记者 王某 实习生 李某 张某`` / ``本报记者 王某`` line under the headline, or their dateline opening
  the lead as printed; editors' marks run on after the last sentence (``（编辑 王某 校对 李某）``) or
  on a line under it (``责编：王某``, ``编辑：王某  校对：李某``, ``（责任编辑：王某）``), in no story; a
  column of items, each its lead-in run in (``●标题  正文``, ``▶标题 正文``, ``【标题】正文``), some closed
  by ``（记者 王某 通讯员 李某）``; ``▲…。`` captions with ``（王某 摄）`` / ``记者 王某 摄`` between stories
  or between a story's paragraphs.
- ``evening_items`` (an evening paper's page of short items, 晚报; **held out**, its layout since tuned
  through ``evening_page``, its failures still never shown: the articles of 2020-05
  that no other held-out family prints): a page strip (``A07  城事``, the dotted date) and a 要闻 strip
  of other pages' heads (``要闻速览：…｜…``), in no story; stories whose last header line carries the
  dateline after two spaces (``主标题  本报北京5月1日电（记者 王某）``, the lead under it), stories
  opening with their authors in lenticular brackets (``【记者 王某 实习生 李某】5月1日，…``), stories with
  ``记者 王某 实习生 李某`` under the headline; stories closed by ``（编辑 王某）`` after the last sentence
  or ``责编：王某`` on a line of its own (in no story, no reporter); a column of items with bold lead-ins
  run in on the line (``■标题  正文…``), some closed by ``（记者 王某）``; photo captions between
  stories (``▲…。（王某 摄）``), in no story.
- ``comment_page`` (a commentary page, 评论 / 观点 / 时评; the tuned months; the held-out
  ``opinion_page``'s tuned twin, written anew from the conventions commentary pages print, never from its
  pages, seed or articles): a page strip (``第5版  时评``, the date); an editor's note box (``编者按`` /
  ``【编者按】`` over its text, or run in, ``编者按：…``) under it or between pieces on some pages, in no
  story; per piece, a column's name over the headline on half (``今日谈``, ``人民时评``, ``来论``, ``短评``,
  ``【评论员观察】``, ``◆时评``, ``望海楼``, ``【人民论坛】``, ``■观点``, ``社论``; in the title, as a kicker,
  a blank line under it on some); its author under the headline (``□王某``, ``文｜王某``, ``文/王某``,
  ``王某`` alone, ``本报评论员  王某``, ``◎王某``, ``■王某``) or after its text on a line of its own
  (``作者：王某``, ``（作者：王某）``, ``作者  王某``), an author's note closing some (``（作者为某大学教授）``,
  a paragraph of the piece as printed); short pieces printing their first one or two paragraphs; a piece
  with a dateline keeps it as printed on some.

The truth, as the other families': a title is the printed header lines joined by spaces (an item's
lead-in alone), paragraphs as printed (a dateline on the headline's line is the first paragraph's
opening, as it is printed in the article; ``【记者 王某】`` opening a lead kept, as ``本报讯（…）`` is;
captions, sidebars, bylines on a line of their own, editors' marks, strips and banners in no story), the
date the dateline's, else the one the lead's first clause opens with, else the page's for a lead opening
with 近日/今天; the reporters the printed names (interns and correspondents after the reporters).
"""

from __future__ import annotations

import random
import re
from functools import partial

from benchmarks.conventionpages import Expected, column_breaks, wrap
from benchmarks.localpages import (
    _attach,
    _brief_text,
    _date_parts,
    _laid_out,
    _lead_date,
    _main_head,
    _name,
    _names,
    _page_dated,
)
from benchmarks.morepages import headed_articles
from benchmarks.pagefamilies import (
    HELDOUT_MONTHS,
    PAGES_PER_FAMILY,
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_issue,
    month_dir,
)
from benchmarks.paperpages import (
    _lead_without_dateline,
    _title,
)
from benchmarks.rmrb import Article, load_articles
from benchmarks.weeklypages import _printable

SPECIAL = "special_page"
ITEMS = "evening_items"
EVENING = "evening_page"
COMMENT = "comment_page"
TUNED = (SPECIAL, EVENING, COMMENT)
HELDOUT = ITEMS
FAMILIES = (*TUNED, HELDOUT)
SEED = 1
UNSEEN_SEED = 2  # the tuned family's second seed: only its totals are read, never a story of it
HELDOUT_SEED = 20261207

_BANNERS = (
    "【专题】推动高质量发展",
    "特别策划",
    "聚焦基层治理",
    "专题·奋进新时代",
    "决胜全面建成小康社会",
    "【专版】走进新时代",
    "关注民生实事",
)
_BANNER_SUBTITLES = ("——来自一线的报道", "——各地扎实推进工作综述", "——记者蹲点见闻")
_SIDEBAR_LABELS = ("背景链接", "【知识链接】", "■名词解释", "相关阅读", "【背景】")
_SECTIONS = ("城事", "城事·速览", "民生", "社会", "都市新闻", "区县")
_SPACES = ("  ", "\u3000", "  ")


def _phrase(article: Article, rng: random.Random) -> str:
    return re.sub("[^\u4e00-\u9fff，]", "", article.paragraphs[-1])[: rng.randint(10, 22)].strip("，")


# ---- special_page ----------------------------------------------------------------------------------


def _special_strip(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    return rng.choice(
        (
            [f"{y}年{m}月{d}日  星期{weekday}", f"第{page}版  专版"],
            [f"专题  第{page:02d}版  {y}年{m}月{d}日"],
            [f"人民日报  {y}年{m}月{d}日  星期{weekday}  第{page}版"],
        )
    )


def _caption(article: Article, rng: random.Random, width: int) -> list[str]:
    """A photo caption: ``图为…。`` or ``▲…。`` and the photographer, on its line or the caption's."""
    phrase = _phrase(article, rng)
    name = _name(rng)
    text, credit = rng.choice(
        (
            (f"图为{phrase}。", f"{name}摄"),
            (f"图为{phrase}。", f"（{name} 摄）"),
            (f"▲{phrase}。", f"本报记者  {name}摄"),
            (f"图为{phrase}。", "（资料图片）"),
        )
    )
    lines = wrap(text, width, indent=0)
    return _attach(lines, f"  {credit}" if not credit.startswith("（") else credit, width, rng)


def _sidebar(article: Article, rng: random.Random, width: int) -> list[str]:
    text = _brief_text(article)
    assert text is not None
    return [rng.choice(_SIDEBAR_LABELS), *_laid_out([text], width)]


def _lay_special(
    article: Article, rng: random.Random, width: int, caption: Article | None
) -> tuple[list[str], Expected, str]:
    dateline, _rest = _lead_without_dateline(article)
    printed = list(article.paragraphs)
    before: list[str] = []
    if dateline:
        kind, reporters, date = "dateline", article.reporters, article.date
    else:
        reporters = article.reporters or _names(rng, 2)
        if rng.random() < 0.5:
            kind = "signed"
            before = [f"本报记者  {'  '.join(reporters)}"]
        else:
            kind = "signed"
            more = _names(rng, 2)
            before = [f"记者 {' '.join(reporters)} 通讯员 {' '.join(more)}"]
            reporters = (*reporters, *more)
        date = _page_dated(printed[0], article.issue, _lead_date(article, printed[0]))
    if any(len(p) < 24 and not re.search("[。！？]$", p) for p in printed):
        kind = "headed"
    jump = rng.random() < 0.15 and len(printed) > 3
    if jump:
        printed = printed[: max(2, len(printed) // 2)]
    body: list[str] = []
    inner = caption is not None and len(printed) > 2 and rng.random() < 0.5
    at = rng.randint(1, len(printed) - 1) if inner else -1
    for index, paragraph in enumerate(printed):
        if index == at and caption is not None:
            body += _caption(caption, rng, width)
        body += _laid_out([paragraph], width)
    if jump:
        body = _attach(body, f"（下转第{rng.randint(2, 12)}版）", width, rng)
    heads = list(article.heads)
    if len(heads) > 1 and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    expected = Expected(
        title=_title(article),
        paragraphs=tuple(printed),
        date=date,
        reporters=tuple(reporters),
        correspondents=(),
    )
    after = _caption(caption, rng, width) if caption is not None and not inner else []
    return [*heads, "", *before, *column_breaks(body, rng), *([""] + after if after else [])], expected, kind


def compose_special(articles: list[Article], extras: list[Article], rng: random.Random) -> FamilyPage:
    """A special-topic page: a banner over the page, the day's stories, captions and sidebars between."""
    width = rng.randint(14, 22)
    issue = max(a.issue for a in [*articles, *extras])
    lines = _special_strip(rng, issue, rng.randint(5, 20)) + [""]
    lines.append(rng.choice(_BANNERS))
    if rng.random() < 0.4:
        lines.append(rng.choice(_BANNER_SUBTITLES))
    lines.append("")
    expected: list[Expected] = []
    kinds: list[str] = []
    spare = list(extras)
    for article in articles:
        caption = spare.pop() if spare and rng.random() < 0.5 else None
        block, truth, kind = _lay_special(article, rng, width, caption)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
        briefs = [a for a in spare if _brief_text(a) is not None]
        if briefs and rng.random() < 0.35:
            spare.remove(briefs[0])
            lines += _sidebar(briefs[0], rng, width) + [""]
    if rng.random() < 0.7:
        lines.append(f"本版责编：{_name(rng)}  版式：{_name(rng)}")
    return FamilyPage.from_lines(SPECIAL, lines, issue, expected, kinds)


# ---- evening_items ---------------------------------------------------------------------------------


def _items_strip(rng: random.Random, issue: str, page: int, others: list[Article]) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_SECTIONS)
    dotted = f"{y}.{m:02d}.{d:02d}"
    lines = rng.choice(
        (
            [f"A{page:02d}  {section}", f"{dotted}  星期{weekday}"],
            [f"{dotted}  星期{weekday}  A{page:02d}  {section}"],
        )
    )
    if others:
        heads = [_main_head(a) for a in others]
        lines.append(rng.choice(("要闻速览：", "要闻  ", "【要闻】")) + "｜".join(heads))
    return lines


def _closing(rng: random.Random, body: list[str], width: int) -> list[str]:
    """An editor's mark closing a story: ``（编辑 王某）`` after its last sentence or ``责编：王某`` under it."""
    roll = rng.random()
    if roll < 0.35:
        return _attach(body, f"（编辑 {_name(rng)}）", width, rng)
    if roll < 0.6:
        return [*body, rng.choice((f"责编：{_name(rng)}", f"（责任编辑：{_name(rng)}）"))]
    return body


def _authors(rng: random.Random, reporters: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    text = f"记者 {' '.join(reporters)}"
    names = reporters
    if rng.random() < 0.5:
        more = _names(rng, 1)
        text += f" {rng.choice(('实习生', '通讯员'))} {' '.join(more)}"
        names = (*names, *more)
    return text, names


def _lay_item_story(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    dateline, rest = _lead_without_dateline(article)
    heads = list(article.heads)
    printed = list(article.paragraphs)
    under: list[str] = []
    if dateline and rng.random() < 0.7:
        kind, reporters, date = "dateline on the headline", article.reporters, article.date
        # The dateline (and its bracketed reporters) after the last header line; the lead under it.
        opening = printed[0][: len(printed[0]) - len(rest)].rstrip()
        heads = [*heads[:-1], f"{heads[-1]}{rng.choice(_SPACES)}{opening}"]
        body = _laid_out([rest], width) + _laid_out(printed[1:], width)
    else:
        plain = [rest if dateline else printed[0], *printed[1:]]
        who, names = _authors(rng, article.reporters or _names(rng, 2))
        if rng.random() < 0.5:
            kind = "bracket lead"
            plain[0] = f"【{who}】{plain[0]}"
        else:
            kind = "byline under"
            under = [who]
        printed = plain
        reporters = names
        date = _page_dated(plain[0], article.issue, _lead_date(article, re.sub("^【[^】]*】", "", plain[0])))
        body = _laid_out(printed, width)
    body = _closing(rng, body, width)
    expected = Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(printed),
        date=date,
        reporters=tuple(reporters),
        correspondents=(),
    )
    return [*heads, "", *under, *column_breaks(body, rng)], expected, kind


def _items(articles: list[Article], rng: random.Random, width: int) -> tuple[list[str], list[Expected]]:
    """A column of short items, each its bold lead-in run in before its text: ``■标题  正文…``."""
    lines: list[str] = []
    if rng.random() < 0.5:
        lines += [rng.choice(("城事速览", "简讯", "身边事")), ""]
    bullet = rng.choice(("■", "●", "◆"))
    gap = rng.choice(_SPACES)
    expected: list[Expected] = []
    for article in articles:
        text = _brief_text(article)
        assert text is not None
        head = _main_head(article)
        body = _laid_out([f"{bullet}{head}{gap}{text}"], width)
        names: tuple[str, ...] = ()
        if rng.random() < 0.5:
            names = _names(rng, 1)
            body = _attach(body, f"（记者 {names[0]}）", width, rng)
        lines += body
        if rng.random() < 0.5:
            lines.append("")
        date = _page_dated(text, article.issue, _lead_date(article, text))
        expected.append(
            Expected(title=head, paragraphs=(text,), date=date, reporters=names, correspondents=())
        )
    return lines, expected


def compose_items(
    articles: list[Article], items: list[Article], others: list[Article], rng: random.Random
) -> FamilyPage:
    width = rng.randint(13, 21)
    issue = max(a.issue for a in [*articles, *items])
    lines = _items_strip(rng, issue, rng.randint(2, 24), others) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    items_at = rng.randint(0, len(articles)) if items else -1
    for index, article in enumerate([*articles, None]):
        if index == items_at:
            block, truths = _items(items, rng, width)
            lines += block + [""]
            expected += truths
            kinds += ["item"] * len(truths)
        if article is None:
            break
        block, truth, kind = _lay_item_story(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
        if rng.random() < 0.3:
            phrase = _phrase(article, rng)
            lines += _attach(wrap(f"▲{phrase}。", width, indent=0), f"（{_name(rng)} 摄）", width, rng) + [""]
    return FamilyPage.from_lines(ITEMS, lines, issue, expected, kinds)


# ---- evening_page (tuned) ---------------------------------------------------------------------------

_EVENING_SECTIONS = ("都市", "本埠新闻", "民生·热线", "城区", "社会新闻", "今日关注")
_GAPS = ("  ", "\u3000", "   ", " ")


def _evening_strip(rng: random.Random, issue: str, page: int, others: list[Article]) -> list[str]:
    """The page strip (``B03｜都市``, the date, the day's editor) and, on some pages, a strip of other
    pages' heads: on one line (``要闻速览  ▶…  ▶…``) or a label over one head a line (``·…``)."""
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_EVENING_SECTIONS)
    lines = rng.choice(
        (
            [f"B{page:02d}｜{section}", f"{y}年{m}月{d}日  星期{weekday}  责任编辑  {_name(rng)}"],
            [f"{y}年{m}月{d}日  星期{weekday}", f"{section}  B{page:02d}"],
            [f"第{page}版  {section}  {y}.{m}.{d}"],
        )
    )
    if others:
        heads = [_main_head(a) for a in others]
        if rng.random() < 0.6:
            lines.append(
                rng.choice(("要闻速览  ", "【要闻速览】", "要闻速览：")) + "  ".join(f"▶{h}" for h in heads)
            )
        else:
            lines += ["", "要闻速览", *(f"·{h}" for h in heads)]
    return lines


def _evening_authors(rng: random.Random, reporters: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """``记者 王某 通讯员 李某`` / ``记者 王某 实习生 李某 张某`` / ``记者 王某``: the text and the names in order."""
    text = f"记者 {' '.join(reporters)}"
    names = reporters
    roll = rng.random()
    if roll < 0.7:
        more = _names(rng, 2)
        text += f" {rng.choice(('通讯员', '实习生', '通讯员'))} {' '.join(more)}"
        names = (*names, *more)
    return text, names


def _evening_close(rng: random.Random, body: list[str], width: int) -> list[str]:
    """An editor's mark closing a story: run on after its last sentence (``（编辑 王某 校对 李某）``) or
    on a line under it (``责编：王某``, ``编辑：王某  校对：李某``, ``（责任编辑：王某）``); or none."""
    roll = rng.random()
    if roll < 0.3:
        mark = rng.choice((f"（编辑 {_name(rng)}）", f"（编辑 {_name(rng)} 校对 {_name(rng)}）"))
        return _attach(body, mark, width, rng)
    if roll < 0.65:
        return [
            *body,
            rng.choice(
                (
                    f"责编：{_name(rng)}",
                    f"编辑：{_name(rng)}  校对：{_name(rng)}",
                    f"（责任编辑：{_name(rng)}）",
                    f"（编辑 {_name(rng)}）",
                )
            ),
        ]
    return body


def _evening_caption(article: Article, rng: random.Random, width: int) -> list[str]:
    phrase = _phrase(article, rng)
    name = _name(rng)
    text, credit = rng.choice(
        (
            (f"▲{phrase}。", f"（{name} 摄）"),
            (f"▲{phrase}。", f"记者 {name} 摄"),
            (f"▲{phrase}。", f"（记者 {name} 摄）"),
        )
    )
    return _attach(wrap(text, width, indent=0), credit, width, rng)


def _lay_evening_story(
    article: Article, rng: random.Random, width: int, caption: Article | None
) -> tuple[list[str], Expected, str]:
    """One story: its dateline on its last header line, or its authors in lenticular brackets opening
    the lead, or a reporters' line under the headline, or its dateline opening the lead as printed;
    closed by an editor's mark or not; a caption between its paragraphs on some."""
    dateline, rest = _lead_without_dateline(article)
    heads = list(article.heads)
    printed = list(article.paragraphs)
    under: list[str] = []
    roll = rng.random()
    if dateline and roll < 0.5:
        kind, reporters, date = "dateline on the headline", article.reporters, article.date
        opening = printed[0][: len(printed[0]) - len(rest)].rstrip()
        heads = [*heads[:-1], f"{heads[-1]}{rng.choice(_GAPS)}{opening}"]
        lead = rest
    elif dateline and roll < 0.65:
        kind, reporters, date = "dateline lead", article.reporters, article.date
        lead = printed[0]
    else:
        plain = rest if dateline else printed[0]
        who, names = _evening_authors(rng, article.reporters or _names(rng, 2))
        date = _page_dated(plain, article.issue, _lead_date(article, plain))
        style = rng.random()
        if style < 0.3:
            kind = "bracket lead"
            printed[0] = lead = f"【{who}】{plain}"
        elif style < 0.55:
            # 本报讯（记者 王某）on the headline's line, the lead under it.
            kind = "dateline on the headline"
            opening = f"本报讯（{who}）"
            heads = [*heads[:-1], f"{heads[-1]}{rng.choice(_GAPS)}{opening}"]
            printed[0] = opening + plain
            lead = plain
        else:
            kind = "byline under"
            under = [who if rng.random() < 0.7 else who.replace("记者", "本报记者", 1)]
            printed[0] = lead = plain
        reporters = names
    body = _laid_out([lead], width) + _laid_out(printed[1:], width)
    if caption is not None and len(printed) > 2 and rng.random() < 0.4:
        # After the first k paragraphs (the lead as set, then the others), k of 1 to all but one.
        cut = len(_laid_out([lead, *printed[1 : rng.randint(1, len(printed) - 1)]], width))
        body = [*body[:cut], *_evening_caption(caption, rng, width), *body[cut:]]
        caption = None
    body = _evening_close(rng, body, width)
    if len(heads) > 1 and rng.random() < 0.25:
        heads = [heads[0], "", *heads[1:]]
    expected = Expected(
        title=" ".join(article.heads),
        paragraphs=tuple(printed),
        date=date,
        reporters=tuple(reporters),
        correspondents=(),
    )
    after = ["", *_evening_caption(caption, rng, width)] if caption is not None and rng.random() < 0.5 else []
    return [*heads, "", *under, *column_breaks(body, rng), *after], expected, kind


def _evening_items(
    articles: list[Article], rng: random.Random, width: int
) -> tuple[list[str], list[Expected]]:
    """Short items, each its lead-in run in on its first line (``●标题  正文…``, ``【标题】正文…``), some
    closed by their authors in brackets (``（记者 王某 通讯员 李某）``)."""
    lines: list[str] = []
    if rng.random() < 0.6:
        lines += [rng.choice(("快讯", "本埠简讯", "城事速递", "新闻速览")), ""]
    mark = rng.choice(("●", "■", "▶", "【】"))
    gap = rng.choice(_GAPS)
    expected: list[Expected] = []
    for article in articles:
        text = _brief_text(article)
        assert text is not None
        head = _main_head(article)
        first = f"【{head}】{text}" if mark == "【】" else f"{mark}{head}{gap}{text}"
        body = _laid_out([first], width)
        names: tuple[str, ...] = ()
        if rng.random() < 0.4:
            who, names = _evening_authors(rng, _names(rng, 1))
            body = _attach(body, f"（{who}）", width, rng)
        lines += body
        if rng.random() < 0.3:
            lines.append("")
        date = _page_dated(text, article.issue, _lead_date(article, text))
        expected.append(
            Expected(title=head, paragraphs=(text,), date=date, reporters=names, correspondents=())
        )
    return lines, expected


def compose_evening(
    articles: list[Article], items: list[Article], others: list[Article], rng: random.Random
) -> FamilyPage:
    """An evening paper's page: its strip, stories (captions between or inside), a column of items."""
    width = rng.randint(12, 20)
    issue = max(a.issue for a in [*articles, *items, *others])
    lines = _evening_strip(rng, issue, rng.randint(1, 16), others) + [""]
    expected: list[Expected] = []
    kinds: list[str] = []
    items_at = rng.choice((0, len(articles), len(articles) // 2)) if items else -1
    spare = list(others)
    for index, article in enumerate([*articles, None]):
        if index == items_at:
            block, truths = _evening_items(items, rng, width)
            lines += block + [""]
            expected += truths
            kinds += ["item"] * len(truths)
        if article is None:
            break
        caption = spare.pop() if spare and rng.random() < 0.5 else None
        block, truth, kind = _lay_evening_story(article, rng, width, caption)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    return FamilyPage.from_lines(EVENING, lines, issue, expected, kinds)


# ---- comment_page -----------------------------------------------------------------------------------

_COMMENT_SECTIONS = ("评论", "观点", "评论·观点", "时评", "言论")
_COLUMNS = (
    "今日谈",
    "人民时评",
    "来论",
    "短评",
    "【评论员观察】",
    "◆时评",
    "望海楼",
    "【人民论坛】",
    "■观点",
    "社论",
)
_SCHOOLS = (
    "中国人民大学",
    "北京大学",
    "武汉大学",
    "南京大学",
    "中山大学",
    "四川省社会科学院",
    "中央党校（国家行政学院）",
)
_TITLES = ("教授", "副教授", "研究员", "副院长", "博士生导师")


def _comment_strip(rng: random.Random, issue: str, page: int) -> list[str]:
    y, m, d, weekday = _date_parts(issue)
    section = rng.choice(_COMMENT_SECTIONS)
    return rng.choice(
        (
            [f"第{page}版  {section}", f"{y}年{m}月{d}日  星期{weekday}"],
            [f"{section}  {page:02d}  {y}年{m}月{d}日"],
            [f"{y}.{m}.{d}  星期{weekday}", f"{section}｜第{page}版"],
        )
    )


def _editors_note(article: Article, rng: random.Random, width: int) -> list[str]:
    """An editor's note box (``编者按`` over its text, ``【编者按】…`` or ``编者按：…`` run in): in no story."""
    text = _brief_text(article) or article.paragraphs[-1][:80]
    style = rng.random()
    if style < 0.4:
        return [rng.choice(("编者按", "【编者按】")), *wrap(text, width)]
    label = rng.choice(("编者按：", "【编者按】"))
    return wrap(label + text, width)


def _author_note(rng: random.Random) -> str:
    return f"（作者为{rng.choice(_SCHOOLS)}{rng.choice(_TITLES)}）"


def _lay_comment(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """One piece: a column's name over its headline on some; its author under the headline (``□王某``,
    ``文｜王某``, ``王某`` alone, ``本报评论员  王某``) or after its text (``作者：王某`` on a line of its
    own), an author's note closing some (``（作者为某大学教授）``, a paragraph of the piece); a short
    piece prints its first paragraphs only; a piece with a dateline keeps it on some, as printed."""
    dateline, rest = _lead_without_dateline(article)
    heads = list(article.heads)
    if rng.random() < 0.5:
        heads = [rng.choice(_COLUMNS), *heads]
    printed = list(article.paragraphs)
    if rng.random() < 0.35 and len(printed) > 2:
        printed = printed[: rng.randint(1, 2)]
    under: list[str] = []
    after: list[str] = []
    if dateline and rng.random() < 0.25:
        kind, reporters, date = "dateline", article.reporters, article.date
    else:
        if dateline:
            printed[0] = rest
        names = article.reporters[:1] or _names(rng, 1)
        name = names[0]
        reporters = names
        date = _page_dated(printed[0], article.issue, _lead_date(article, printed[0]))
        roll = rng.random()
        if roll < 0.7:
            kind = "author above"
            under = [
                rng.choice(
                    (
                        f"□{name}",
                        f"文｜{name}",
                        f"文/{name}",
                        name,
                        f"本报评论员  {name}",
                        f"◎{name}",
                        f"■{name}",
                    )
                )
            ]
        else:
            kind = "author after"
            after = [rng.choice((f"作者：{name}", f"（作者：{name}）", f"作者  {name}"))]
        if rng.random() < 0.4:
            printed.append(_author_note(rng))
            kind += ", note"
    body = _laid_out(printed, width)
    if len(heads) > 1 and heads[0] in _COLUMNS and rng.random() < 0.3:
        heads = [heads[0], "", *heads[1:]]
    expected = Expected(
        title=" ".join(h for h in heads if h),
        paragraphs=tuple(printed),
        date=date,
        reporters=tuple(reporters),
        correspondents=(),
    )
    return [*heads, "", *under, *column_breaks(body, rng), *after], expected, kind


def compose_comment(articles: list[Article], others: list[Article], rng: random.Random) -> FamilyPage:
    """A commentary page: its strip, an editor's note under it or between pieces on some, the pieces."""
    width = rng.randint(12, 20)
    issue = max(a.issue for a in [*articles, *others])
    lines = _comment_strip(rng, issue, rng.randint(4, 16)) + [""]
    note_at = rng.randint(0, len(articles) - 1) if others else -1
    expected: list[Expected] = []
    kinds: list[str] = []
    for index, article in enumerate(articles):
        if index == note_at:
            lines += _editors_note(others[0], rng, width) + [""]
        block, truth, kind = _lay_comment(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kinds.append(kind)
    return FamilyPage.from_lines(COMMENT, lines, issue, expected, kinds)


# ---- families ---------------------------------------------------------------------------------------


def printed_by_held_out() -> set[str]:
    """Keys (`printed_keys`) of the text the other held-out families print: the held-out family takes only
    articles none of them prints."""
    from benchmarks import morepages, paperpages, webpages, weeklypages

    return printed_keys(
        [
            *paperpages.PAGE_FAMILIES.pages(paperpages.HELDOUT, PAGES_PER_FAMILY),
            *morepages.PAGE_FAMILIES.pages(morepages.HELDOUT, PAGES_PER_FAMILY),
            *weeklypages.PAGE_FAMILIES.pages(weeklypages.HELDOUT, PAGES_PER_FAMILY),
            *webpages.PAGE_FAMILIES.pages(webpages.HELDOUT, PAGES_PER_FAMILY),
        ]
    )


def printed_keys(pages: list[FamilyPage]) -> set[str]:
    """The key (its first 24 characters, spaces aside) of every paragraph of 24 characters or more that
    `pages` print."""
    return {_key(p) for page in pages for e in page.expected for p in e.paragraphs if len(_key(p)) >= 24}


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)[:24]


def _readable(article: Article) -> bool:
    """Printable (`benchmarks.weeklypages._printable`) and no dateline whose bracket names no 记者
    (``（江琳、曾宇昕）``): `benchmarks.rmrb` reads reporters only after 记者, so the truth would miss them."""
    dateline, rest = _lead_without_dateline(article)
    if (
        dateline
        and not article.reporters
        and article.paragraphs[0][len(dateline) :].lstrip().startswith("（")
    ):
        return False
    return _printable(article)


def unprinted(article: Article, printed: set[str]) -> bool:
    """No paragraph of `article` (nor its lead without its dateline) has its key among `printed`."""
    _dateline, rest = _lead_without_dateline(article)
    return not any(_key(p) in printed for p in (*article.paragraphs, rest))


def make_family(family: str, count: int, seed: int) -> list[FamilyPage]:
    """`count` pages of one family, each from one issue's articles (a page holds one day's news)."""
    months = HELDOUT_MONTHS if family == HELDOUT else TUNED_MONTHS
    pool = [a for a in load_articles(months) if month_dir(a) in months and _readable(a)]
    if family == HELDOUT:
        used = printed_by_held_out()
        pool = [a for a in pool if unprinted(a, used)]
    keys = {a.key for a in pool}
    days = by_issue(pool, 8)
    headed = [a for a in headed_articles(months) if a.key not in keys and _readable(a) and a.issue in days]
    issues = list(days)
    rng = random.Random(f"{family}:{seed}")
    pages: list[FamilyPage] = []
    for _ in range(count):
        special = rng.choice(headed) if family == SPECIAL and headed and rng.random() < 0.4 else None
        day = list(days[special.issue if special else rng.choice(issues)])
        rng.shuffle(day)
        size = rng.randint(2, 4)
        chosen, rest = day[:size], day[size:]
        if family == SPECIAL:
            if special is not None:
                chosen[rng.randrange(len(chosen))] = special
            pages.append(compose_special(chosen, rest[:4], rng))
        elif family == EVENING:
            briefs = [a for a in rest if _brief_text(a) is not None]
            items = briefs[: rng.randint(2, 5)] if rng.random() < 0.55 else []
            others = [a for a in rest if a not in items][: rng.randint(2, 4)] if rng.random() < 0.7 else []
            pages.append(compose_evening(chosen, items, others, rng))
        elif family == COMMENT:
            notes = [a for a in rest if _brief_text(a) is not None][:1] if rng.random() < 0.5 else []
            pages.append(compose_comment(chosen, notes, rng))
        else:
            briefs = [a for a in rest if _brief_text(a) is not None]
            items = briefs[: rng.randint(3, 4)] if rng.random() < 0.6 else []
            others = [a for a in rest if a not in items][: rng.randint(2, 3)] if rng.random() < 0.6 else []
            pages.append(compose_items(chosen, items, others, rng))
    return pages


PAGE_FAMILIES = PageFamilies(
    {family: partial(make_family, family) for family in FAMILIES},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
    held_out=HELDOUT,
    held_out_seed=HELDOUT_SEED,
)
