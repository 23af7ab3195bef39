"""A city daily's web edition, rendered by headless Chromium and read back by Tesseract: ``rmrb_ocr_webcity``.

    python -m benchmarks.ocrwebcity [--pages N] [--seed S] [--show K] [--show-failures] [--html DIR]

A third web-rendered family, laid out unlike `benchmarks.ocrweb` (a broadsheet's page: a masthead, a 3-6
column grid, sans headlines over serif text in up to three CSS columns with rules between them) in the ways
a paper's own web edition differs:

- web furniture around the page: a navigation bar in white on a dark band, the paper's name beside a date
  written ``2020年01月05日`` (months and days with a leading zero), a breadcrumb (``当前位置：数字报 > 第04版：
  要闻``) with ``上一版 下一版``, a tinted bar naming the page, and at the foot an editor line
  (``责任编辑：…  版式设计：…``) and the site's links and copyright;
- the page centred at 1000 CSS pixels in a 1200-pixel window, its stories cards on a CSS grid of 2 to 4
  equal tracks: a row of one to three cards, or a lead card over all tracks but one beside two cards
  stacked in the last; each card opens with a thick rule, some are tinted and framed;
- headlines in Noto Serif CJK Bold, centred over a card of two tracks or more and letter-spaced when short;
  the kicker and subtitle in small grey sans; the byline (``本报记者  王某``) in small grey sans under them;
- text in WenQuanYi Zen Hei (Debian's fonts-wqy-zenhei: what a page asking for ``Microsoft YaHei`` falls
  back to on Linux), 15-18 px on a line pitch of 1.85, paragraphs indented two characters and set apart by a
  gap on half the pages, one CSS column on a card of one track and one or two (no rule) on wider cards; some
  leads in bold;
- photos as web cards place them: above the headline on a narrow card, floated right in the text of a wide
  one; the caption under the photo, centred, opening with ``▲`` or in ``图：…`` form, its credit
  (``本报记者 王某 摄``, ``新华社发``) on a line of its own.

The articles are People's Daily's (`benchmarks.rmrb`, the tuned months) from paper pages no earlier OCR'd
set prints a story of (`OTHER_OCR_SETS`). The screenshot, its cache (``web-<html>.key`` in
``benchmarks/.cache/ocr/``), the truth and the scoring are `benchmarks.ocrweb`'s and `benchmarks.ocrpages`'.
The sets were frozen before the parser read them: benchmarks/reports/pages-ocr.md records their checksums and
first readings ("A city daily's web edition, read first"). `TUNED` may be looked at story by story; `CHECK`, the
draw's next pages, is a fresh check of what was tuned: only its total is printed (``--check``)."""

from __future__ import annotations

import argparse
import datetime
import hashlib
import html
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks import ocrpages, ocrweb, scanpages
from benchmarks.ocrpages import (
    OcrPage,
    OcrUnavailable,
    format_report,
    format_total,
    print_pages,
    run,
    truth_of,
)
from benchmarks.rmrb import Article

# (name, seed, pages, first page): the set tuned on from its first reading, and its fresh check, the next
# pages of the same draw (no story of the tuned pages again), of which only the total is ever printed.
TUNED = ("rmrb_ocr_webcity", 1, 8, 0)
CHECK = ("rmrb_ocr_webcity_check", 1, 8, 8)
# The OCR'd sets made before this family, whose paper pages it leaves alone: `benchmarks.ocrpages`' tuned,
# untuned and fresh seeds, `benchmarks.ocrweb`'s three, `benchmarks.scanpages`' two.
OTHER_OCR_SETS = {
    "ocrpages": ((1, 16), (3, 20), (4, 22), (2, 12), (5, 12), (6, 12), (7, 12)),
    "ocrweb": ((1, 16), (4, 16), (7919, 16)),
    "scanpages": (scanpages.TUNED[1:3], scanpages.HELDOUT[1:3]),
}
PAGE_WIDTH = 1000  # CSS pixels of the page, centred in Chromium's 1200-pixel window
NAV = ("首页", "要闻", "时政", "国际", "评论", "图片", "视频", "数字报")
SECTIONS = ("要闻", "综合", "经济", "社会", "国际", "文化", "地方")
_ACCENT = "#a40000"
_DATELINE = re.compile(r"(?:据)?(?:本报|新华社)[^，。]{0,12}?电\s*")

STYLE = """
body { margin: 0; background: #fff; color: #222; }
.page { width: %(width)dpx; margin: 0 auto; box-sizing: border-box; padding: 0 0 24px;
  font-family: "WenQuanYi Zen Hei", sans-serif; }
.nav { background: %(accent)s; color: #fff; font-size: 15px; padding: 7px 18px; word-spacing: 14px; }
.mast { display: flex; align-items: baseline; justify-content: space-between; padding: 14px 6px 8px; }
.mast .paper { font-family: "Noto Serif CJK SC", serif; font-weight: 700; font-size: 40px; color: %(accent)s; }
.mast .date { font-size: 15px; color: #555; }
.crumb { display: flex; justify-content: space-between; font-size: 13px; color: #666;
  border-top: 1px solid #ccc; border-bottom: 1px solid #ccc; padding: 5px 6px; }
.edition { margin: 12px 0 14px; padding: 6px 12px; background: #efe7da; border-left: 6px solid %(accent)s;
  font-size: 19px; font-weight: 700; }
.grid { display: grid; column-gap: 30px; row-gap: 22px; }
.card { border-top: 3px solid %(accent)s; padding-top: 10px; min-width: 0; }
.card.tinted { background: #f6f1e8; border: 1px solid #c9b38f; border-top: 3px solid %(accent)s;
  padding: 10px 14px 12px; }
.kicker, .sub { font-size: 15px; color: #666; line-height: 1.5; }
.head { font-family: "Noto Serif CJK SC", serif; font-weight: 700; line-height: 1.3; margin: 2px 0 4px; }
.centred .kicker, .centred .sub, .centred .head, .centred .byline { text-align: center; }
.byline { font-size: 13px; color: #777; margin: 6px 0 8px; }
.text { line-height: 1.85; text-align: justify; column-gap: 28px; }
.text p { margin: 0 0 %(gap)s; text-indent: 2em; }
.text p.lead { font-weight: 700; }
.figure { margin: 4px 0 10px; }
.figure.floated { float: right; width: 44%%; margin: 6px 0 8px 18px; }
.photo { background: #cfcfcf; border: 1px solid #999; }
.caption { font-size: 13px; color: #444; line-height: 1.5; text-align: center; margin-top: 4px; }
.credit { font-size: 12px; color: #666; text-align: right; }
.foot { margin-top: 18px; border-top: 1px solid #ccc; padding-top: 8px; font-size: 13px; color: #666; }
.foot .links { text-align: center; margin-top: 6px; }
"""


@dataclass(frozen=True)
class Card:
    """One story on the grid: where it sits (first track, tracks spanned, grid row, rows spanned), its
    text's CSS columns, and how it is set."""

    article: Article
    track: int
    span: int
    row: int
    rows: int
    columns: int
    tinted: bool
    lead_bold: bool
    photo: tuple[str, str] | None  # (caption, credit line) or None


@dataclass(frozen=True)
class Layout:
    tracks: int  # the grid's equal tracks, 2 to 4
    cards: tuple[Card, ...]
    html: str


def caption(article: Article, rng: random.Random) -> tuple[str, str]:
    """A web caption: what the photo shows (``▲…。`` or ``图：…。``), and its credit on a line of its own."""
    shown = ocrweb.photo_clause(article)
    if dateline := _DATELINE.match(shown):  # a dispatch with no reporters in brackets
        shown = shown[dateline.end() :]
    text = f"▲{shown}。" if rng.random() < 0.6 else f"图：{shown}。"
    credit = rng.choice((f"本报记者 {ocrweb._name(rng)} 摄", "新华社发", f"{ocrweb._name(rng)} 摄"))
    return text, credit


def _card(article: Article, rng: random.Random, track: int, span: int, row: int, rows: int) -> Card:
    return Card(
        article=article,
        track=track,
        span=span,
        row=row,
        rows=rows,
        columns=2 if span >= 2 and rng.random() < 0.6 else 1,
        tinted=rng.random() < 0.2,
        lead_bold=rng.random() < 0.25,
        photo=caption(article, rng) if rng.random() < 0.35 else None,
    )


def plan(articles: list[Article], rng: random.Random) -> tuple[int, list[Card]]:
    """The grid's tracks and its cards: rows of one to three cards side by side (the longer story on more
    tracks), or a lead card (the longest of three stories) over all tracks but the last beside the two others
    stacked in it."""
    tracks = rng.randint(2, 4)
    queue = list(articles)
    cards: list[Card] = []
    row = 1
    while queue:
        if tracks >= 3 and len(queue) >= 3 and rng.random() < 0.35:
            three = [queue.pop(0) for _ in range(3)]
            lead = max(three, key=lambda a: sum(map(len, a.paragraphs)))
            side = [a for a in three if a is not lead]
            cards.append(_card(lead, rng, 1, tracks - 1, row, 2))
            cards += [_card(a, rng, tracks, 1, row + k, 1) for k, a in enumerate(side)]
            row += 2
            continue
        count = rng.randint(1, min(len(queue), 3, tracks))
        chosen = [queue.pop(0) for _ in range(count)]
        spans = sorted(ocrweb._partition(tracks, count, rng), reverse=True)
        by_length = sorted(range(count), key=lambda i: -sum(map(len, chosen[i].paragraphs)))
        track = 1
        for index, article in enumerate(chosen):
            span = spans[by_length.index(index)]
            cards.append(_card(article, rng, track, span, row, 1))
            track += span
        row += 1
    return tracks, cards


def _heads_html(article: Article, span: int) -> str:
    """Kicker, headline and subtitle (of three lines the middle is the headline, of two the longer)."""
    heads = list(article.heads)
    main = 1 if len(heads) == 3 else max(range(len(heads)), key=lambda i: (len(heads[i]), -i))
    size = 22 + 5 * span
    out = []
    for index, head in enumerate(heads):
        if index == main:
            spacing = "letter-spacing:4px;" if len(head) <= 8 else ""
            out.append(f'<div class="head" style="font-size:{size}px;{spacing}">{html.escape(head)}</div>')
        else:
            out.append(f'<div class="{"kicker" if index < main else "sub"}">{html.escape(head)}</div>')
    return "".join(out)


def _figure_html(card: Card, floated: bool) -> str:
    if card.photo is None:
        return ""
    text, credit = card.photo
    height = 150 if floated else 110 + 50 * card.span
    return (
        f'<div class="figure{" floated" if floated else ""}"><div class="photo" style="height:{height}px"></div>'
        f'<div class="caption">{html.escape(text)}</div><div class="credit">{html.escape(credit)}</div></div>'
    )


def _card_html(card: Card) -> str:
    article = card.article
    floated = card.photo is not None and card.span >= 2 and card.columns == 1
    parts = []
    if card.photo is not None and not floated:
        parts.append(_figure_html(card, floated=False))
    parts.append(_heads_html(article, card.span))
    if article.byline_line:
        parts.append(f'<div class="byline">{html.escape(article.byline_line)}</div>')
    paragraphs = [f"<p>{html.escape(p)}</p>" for p in article.paragraphs]
    if card.lead_bold:
        paragraphs[0] = paragraphs[0].replace("<p>", '<p class="lead">', 1)
    if floated:
        paragraphs.insert(0, _figure_html(card, floated=True))
    parts.append(f'<div class="text" style="column-count:{card.columns}">' + "".join(paragraphs) + "</div>")
    classes = "card" + (" tinted" if card.tinted else "") + (" centred" if card.span >= 2 else "")
    place = f"grid-column:{card.track} / span {card.span};grid-row:{card.row} / span {card.rows}"
    return f'<div class="{classes}" style="{place}">' + "".join(parts) + "</div>"


def layout(articles: list[Article], rng: random.Random, issue: str, page_no: int) -> Layout:
    """The web edition's page as HTML: navigation, masthead, breadcrumb, the page's bar, its grid of cards,
    an editor line and the site's foot."""
    tracks, cards = plan(articles, rng)
    year, month, day = (int(v) for v in issue.split("-"))
    weekday = "一二三四五六日"[datetime.date(year, month, day).weekday()]
    section = rng.choice(SECTIONS)
    size = rng.choice((15, 16, 17, 18))
    gap = rng.choice(("0", "0.5em"))
    edition = f"第{page_no:02d}版：{section}"
    top = (
        f'<div class="nav">{" ".join(NAV)}</div>'
        f'<div class="mast"><span class="paper">人民日报</span>'
        f'<span class="date">{year}年{month:02d}月{day:02d}日 星期{weekday}</span></div>'
        f'<div class="crumb"><span>当前位置：数字报 &gt; {edition}</span><span>上一版　下一版　版面导航</span></div>'
        f'<div class="edition">{edition}</div>'
    )
    grid = (
        f'<div class="grid" style="grid-template-columns:repeat({tracks}, 1fr);font-size:{size}px">'
        + "".join(_card_html(card) for card in cards)
        + "</div>"
    )
    foot = '<div class="foot">'
    if rng.random() < 0.6:
        foot += f"<div>责任编辑：{ocrweb._name(rng)}　　版式设计：{ocrweb._name(rng)}</div>"
    foot += (
        '<div class="links">关于我们 | 联系我们 | 版权声明 | 网站地图</div>'
        f'<div class="links">人民日报社版权所有，未经书面授权禁止使用　Copyright © {year} people.com.cn</div></div>'
    )
    style = STYLE % {"width": PAGE_WIDTH, "accent": _ACCENT, "gap": gap}
    document = (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{style}</style></head>'
        f'<body><div class="page">{top}{grid}{foot}</div></body></html>'
    )
    return Layout(tracks, tuple(cards), document)


def other_sets_pages() -> set[str]:
    """The paper pages (``YYYYMMDD-PP``) the OCR'd sets made before this family print a story of."""
    pages: set[str] = set()
    for seed, count in OTHER_OCR_SETS["ocrpages"]:
        pages |= {a.key[:11] for plan_ in ocrpages.chosen_pages(count, seed) for a in plan_.articles}
    for seed, count in OTHER_OCR_SETS["ocrweb"]:
        pages |= {a.key[:11] for _, articles, _ in ocrweb.chosen_pages(count, seed) for a in articles}
    for seed, count in OTHER_OCR_SETS["scanpages"]:
        months = next(s[3] for s in (scanpages.TUNED, scanpages.HELDOUT) if s[1] == seed)
        pages |= {
            a.key[:11] for _, articles, _ in scanpages.chosen_pages(count, seed, months) for a in articles
        }
    return pages


def chosen_pages(count: int, seed: int) -> list[tuple[Layout, list[Article], int]]:
    """The pages of a set: for each, its layout, its articles in page order and the year. Each page holds
    four or five stories of one issue, none from a paper page another OCR'd set uses, none twice."""
    taken = other_sets_pages()
    days = {
        issue: kept
        for issue, articles in ocrpages.issues().items()
        if len(kept := [a for a in articles if a.key[:11] not in taken]) >= 4
    }
    rng = random.Random(f"rmrb_ocr_webcity:{seed}")
    out = []
    for _ in range(count):
        issue = rng.choice(sorted(days))
        chosen = rng.sample(days[issue], min(len(days[issue]), rng.randint(4, 5)))
        left = [a for a in days[issue] if a not in chosen]
        if len(left) >= 4:
            days[issue] = left
        else:
            del days[issue]
        page = layout(chosen, rng, issue, rng.randint(1, 16))
        ordered = [card.article for card in sorted(page.cards, key=lambda c: (c.row, c.track))]
        out.append((page, ordered, int(issue[:4])))
    return out


def checksum(pages: list[tuple[Layout, list[Article], int]]) -> str:
    """SHA-256 of a set's pages (HTML, how they are rendered) and truth: a different one means the set changed."""
    digest = hashlib.sha256(ocrweb.RENDER.encode("utf-8"))
    for page, articles, _ in pages:
        digest.update(page.html.encode("utf-8"))
        for article in articles:
            digest.update(repr(truth_of(article)).encode("utf-8"))
    return digest.hexdigest()


def make_pages(count: int, seed: int, first: int = 0) -> list[OcrPage]:
    """The set's pages (`count` pages from the `first`) as the OCR read them, from the cache or made now
    (Chromium, then Tesseract)."""
    chosen = chosen_pages(first + count, seed)[first:]
    documents = [(page.html, articles, year) for page, articles, year in chosen]
    pages = ocrweb.read_documents(documents, f"webcity{seed}")
    for number, page in enumerate(pages, start=first):
        page.key = f"webcity{seed}-{number}"
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, help=f"pages (default {TUNED[2]})")
    parser.add_argument("--seed", type=int, default=TUNED[1])
    parser.add_argument("--show", type=int, default=0, metavar="K", help="print the OCR text of K pages")
    parser.add_argument("--html", metavar="DIR", help="write the pages' HTML into DIR")
    parser.add_argument("--show-failures", action="store_true", help="list the stories not whole")
    parser.add_argument("--check", action="store_true", help="the fresh check's total (nothing else printed)")
    args = parser.parse_args(argv)
    if args.check:
        name, seed, count, first = CHECK
        print(f"{name}: pages {first}-{first + count - 1} of seed {seed}")
        try:
            pages = make_pages(count, seed, first)
        except OcrUnavailable as error:
            raise SystemExit(str(error)) from error
        print(format_total(run(pages), name))
        return 0
    name = TUNED[0] if args.seed == TUNED[1] else f"rmrb_ocr_webcity{args.seed}"
    count = args.pages or TUNED[2]
    if args.seed == CHECK[1] and count > CHECK[3]:
        raise SystemExit(
            f"pages {CHECK[3]} on of seed {CHECK[1]} are the fresh check's: only its total (--check)"
        )
    chosen = chosen_pages(count, args.seed)
    print(f"{name} seed {args.seed}, {count} pages, checksum {checksum(chosen)}")
    if args.html:
        for number, (laid, _, _) in enumerate(chosen):
            Path(args.html, f"webcity{args.seed}-{number}.html").write_text(laid.html, encoding="utf-8")
    try:
        pages = make_pages(count, args.seed)
    except OcrUnavailable as error:
        raise SystemExit(str(error)) from error
    print(format_report(run(pages), name))
    print_pages(pages, failures=args.show_failures, show=args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
