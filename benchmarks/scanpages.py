"""Pages drawn as a scanner gives them back, read by Tesseract (chi_sim): ``rmrb_ocr_scan``.

    python -m benchmarks.scanpages [--pages N] [--seed S] [--images DIR] [--show K]

A third OCR'd family, made unlike `benchmarks.ocrpages` (Pillow, three wide columns, clean 300 dpi) and
`benchmarks.ocrweb` (Chromium, serif body, clean 300 dpi) in the ways real scanned papers differ:

- a page header band across the top (the paper's name, the date and weekday, 第N版 and the section on one
  line between a thick and a thin rule), not a masthead of stacked lines;
- a grid of 4 to 6 narrow columns (12 to 20 characters a line) with rules between the columns and between
  the stories, each story a module over one to three grid columns; its headline (kicker, headline,
  subtitle) across the module, its text flowing down one column and continuing at the top of the next;
- a picture box (a grey halftone-like block) with its caption under some headlines;
- another typeface: body in Noto Sans CJK, headlines in Noto Serif CJK Bold;
- the image as a scan: drawn at 200 dpi, ink not black and paper not white (a smooth uneven grey),
  grain, turned by 0.2° to 0.8°, blurred, saved through JPEG at a low quality, then read as PNG
  marked 200 dpi.

People's Daily articles (`benchmarks.rmrb`); the held-out seed draws from the month no OCR'd family
uses (`pagefamilies.HELDOUT_MONTHS`), its tuned twin from the tuned months. The truth and the scoring are
`benchmarks.ocrpages`' (`truth_of`, `run`). A page's plan (every line, rule, box and scan setting) is
pure data: its checksum names the page's image in the cache (``scan-<plan>.key`` in
``benchmarks/.cache/ocr``, holding the image's checksum, whose ``.txt`` is what Tesseract read), so
later runs need neither Pillow nor Tesseract once the cache holds the pages.

Two seeds (benchmarks/reports/pages-ocr.md, "A scanned-look OCR family, frozen and read first"):
`HELDOUT` is never looked at story by story, only its total is printed; `TUNED` is its twin the team may
tune on. Two fresh seeds of the tuned months, drawn after the twin was tuned on ("Scanned pages: two fresh
seeds"), judge what was tuned: `FRESH` may be read story by story beside the twin, `CHECK` prints its total
only. Two more drawn after those were tuned on ("Scanned pages of a new seed, read first"), `FRESH2` read and
`CHECK2` a total, judge again.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import io
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.ocrpages import (
    CACHE,
    OcrPage,
    OcrUnavailable,
    _wrap_cells,
    format_report,
    issues,
    ocr,
    print_pages,
    run,
    text_under_key,
    truth_of,
)
from benchmarks.ocrweb import SECTIONS, _caption, _partition, format_total
from benchmarks.pagefamilies import (
    HELDOUT_MONTHS,
    TUNED_MONTHS,
)
from benchmarks.rmrb import Article

# (name, seed, pages, months): the held-out set (only its total printed) and its tuned twin.
Set = tuple[str, int, int, tuple[str, ...]]
HELDOUT: Set = ("rmrb_ocr_scan_heldout", 1, 12, HELDOUT_MONTHS)
TUNED: Set = ("rmrb_ocr_scan_tuned", 2, 12, TUNED_MONTHS)
# Two fresh seeds of the tuned months, drawn after the twin was tuned on: `FRESH` may be read story by story
# (a second tuned set, its failures beside the twin's), `CHECK` is judged by its total only, never a story.
# Neither prints an article the twin or a set drawn before it prints (`fresh_pages`).
FRESH: Set = ("rmrb_ocr_scan_fresh", 8, 12, TUNED_MONTHS)
CHECK: Set = ("rmrb_ocr_scan_check", 9, 12, TUNED_MONTHS)
# Two more, drawn after the first two were tuned on, the same way: `FRESH2` read, `CHECK2` its total only.
FRESH2: Set = ("rmrb_ocr_scan_fresh10", 10, 12, TUNED_MONTHS)
CHECK2: Set = ("rmrb_ocr_scan_check11", 11, 12, TUNED_MONTHS)
# The fresh sets in the order they were drawn: each leaves out the articles of the twin and of those before it.
FRESH_SETS = (FRESH, CHECK, FRESH2, CHECK2)
# The sets only ever printed as totals.
TOTALS_ONLY = (HELDOUT, CHECK, CHECK2)

# How a plan becomes an image: part of every page's cache key and of a set's checksum.
RENDER = "pillow 200 dpi, sans body, serif bold heads, uneven grey, grain, turned, blurred, jpeg"
DPI = 200
PAGE_WIDTH = 2400
MARGIN = 60
GUTTER = 44
BODY = 26  # body glyph size in pixels (about 9.4 pt at 200 dpi)
LINE = 38  # body line pitch
SMALL = 30  # kicker, subtitle, header band
HEAD = 50  # headline
CAPTION = 22
BAND = 150  # the header band's height
SANS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2)  # face 2: Noto Sans CJK SC
SERIF_BOLD = ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2)


Rule = tuple[int, int, int, int, int]  # x0, y0, x1, y1, width
Box = tuple[int, int, int, int]  # a picture box: x0, y0, x1, y1


@dataclass(frozen=True)
class Text:
    x: int
    y: int
    text: str
    face: str  # "body", "small", "head", "caption"


@dataclass(frozen=True)
class Scan:
    angle: float  # degrees, either way
    blur: float  # Gaussian radius in pixels
    quality: int  # JPEG quality
    paper: tuple[int, ...]  # a coarse grid of paper greys, smoothed over the page
    ink: int
    grain: int  # the noise seed


@dataclass(frozen=True)
class Plan:
    width: int
    height: int
    texts: tuple[Text, ...]
    rules: tuple[Rule, ...]
    boxes: tuple[Box, ...]
    scan: Scan


def _grid(columns: int) -> int:
    """Width in pixels of one grid column."""
    return (PAGE_WIDTH - 2 * MARGIN - (columns - 1) * GUTTER) // columns


def _header_band(issue: str, page_no: int, rng: random.Random) -> tuple[list[Text], list[Rule]]:
    """The running header across the top: paper, date and weekday, 第N版 and section, between rules."""
    year, month, day = (int(v) for v in issue.split("-"))
    weekday = "一二三四五六日"[datetime.date(year, month, day).weekday()]
    section = rng.choice(SECTIONS)
    y = MARGIN + 30
    texts = [
        Text(MARGIN, MARGIN, "人民日报", "head"),
        Text(PAGE_WIDTH // 2 - 240, y, f"{year}年{month}月{day}日  星期{weekday}", "small"),
        Text(PAGE_WIDTH - MARGIN - 300, y, f"第{page_no}版  {section}", "small"),
    ]
    rules = [
        (MARGIN, MARGIN + BAND - 30, PAGE_WIDTH - MARGIN, MARGIN + BAND - 30, 6),
        (MARGIN, MARGIN + BAND - 18, PAGE_WIDTH - MARGIN, MARGIN + BAND - 18, 2),
    ]
    return texts, rules


def _head_lines(article: Article, width: int) -> list[tuple[str, str, int]]:
    """(text, face, pitch) of a module's header lines: the kicker and subtitle small, the headline big;
    the headline is the second of three lines, of two the second after a kicker (ending in a dash) or a
    shorter first line, else the first."""
    heads = article.heads
    kicker = len(heads) == 3 or (
        len(heads) == 2 and (heads[0].endswith("—") or len(heads[1]) <= len(heads[0]))
    )
    main = 1 if kicker else 0
    out: list[tuple[str, str, int]] = []
    for index, head in enumerate(heads):
        face, size, pitch = ("head", HEAD, 66) if index == main else ("small", SMALL, 42)
        out += [(piece, face, pitch) for piece in _wrap_cells(head, width // size, indent=0)]
    return out


def _body_lines(article: Article, per_line: int) -> list[str]:
    lines: list[str] = [article.byline_line] if article.byline_line else []
    for paragraph in article.paragraphs:
        lines += _wrap_cells(paragraph, per_line)
    return lines


def _module(
    article: Article, x: int, y: int, span: int, columns: int, photo: str | None
) -> tuple[list[Text], list[Rule], list[Box], int]:
    """One story over `span` grid columns at (x, y): its texts, column rules, picture box and height."""
    grid = _grid(columns)
    width = span * grid + (span - 1) * GUTTER
    texts: list[Text] = []
    rules: list[Rule] = []
    boxes: list[Box] = []
    top = y
    for line, face, pitch in _head_lines(article, width):
        texts.append(Text(x, top, line, face))
        top += pitch
    top += 16
    if photo is not None:
        box_width = min(span, 2) * grid + (min(span, 2) - 1) * GUTTER  # over at most two columns
        boxes.append((x, top, x + box_width, top + box_width * 9 // 16))
        top += box_width * 9 // 16 + 10
        for line in _wrap_cells(photo, box_width // CAPTION, indent=0):
            texts.append(Text(x, top, line, "caption"))
            top += CAPTION + 8
        top += 16
    lines = _body_lines(article, grid // BODY)
    per_column = -(-len(lines) // span)
    for column in range(span):
        left = x + column * (grid + GUTTER)
        for row, line in enumerate(lines[column * per_column : (column + 1) * per_column]):
            texts.append(Text(left, top + row * LINE, line, "body"))
        if column:
            rules.append((left - GUTTER // 2, top, left - GUTTER // 2, top + per_column * LINE, 1))
    return texts, rules, boxes, top + per_column * LINE - y


def plan(articles: list[Article], rng: random.Random, issue: str, page_no: int) -> Plan:
    """The page as data: a header band, then rows of one to three modules over a 4-6 column grid (the
    longer story on more columns), rules between rows and modules, and how it is scanned."""
    columns = rng.randint(4, 6)
    texts, rules = _header_band(issue, page_no, rng)
    boxes: list[Box] = []
    y = MARGIN + BAND
    queue = list(articles)
    while queue:
        count = rng.randint(1, min(len(queue), 3, columns - 2))
        chosen = [queue.pop(0) for _ in range(count)]
        spans = sorted(_partition(columns, count, rng), reverse=True)
        by_length = sorted(range(count), key=lambda i: -sum(map(len, chosen[i].paragraphs)))
        x, height = MARGIN, 0
        for index, article in enumerate(chosen):
            span = spans[by_length.index(index)]
            photo = _caption(article, rng) if rng.random() < 0.3 else None
            got, ruled, boxed, tall = _module(article, x, y, span, columns, photo)
            texts, rules, boxes = texts + got, rules + ruled, boxes + boxed
            x += span * (_grid(columns) + GUTTER)
            if index < count - 1:
                rules.append((x - GUTTER // 2, y, x - GUTTER // 2, y + tall, 2))
            height = max(height, tall)
        y += height + 30
        rules.append((MARGIN, y - 15, PAGE_WIDTH - MARGIN, y - 15, 2))
    scan = Scan(
        angle=round(rng.choice((-1, 1)) * rng.uniform(0.2, 0.8), 2),
        blur=round(rng.uniform(0.5, 0.9), 2),
        quality=rng.randint(35, 60),
        paper=tuple(rng.randint(212, 246) for _ in range(12)),
        ink=rng.randint(25, 60),
        grain=rng.getrandbits(32),
    )
    return Plan(PAGE_WIDTH, y + MARGIN, tuple(texts), tuple(rules), tuple(boxes), scan)


def _fonts() -> dict:
    from PIL import ImageFont

    sans, serif = SANS, SERIF_BOLD
    return {
        "body": ImageFont.truetype(sans[0], BODY, index=sans[1]),
        "small": ImageFont.truetype(sans[0], SMALL, index=sans[1]),
        "caption": ImageFont.truetype(sans[0], CAPTION, index=sans[1]),
        "head": ImageFont.truetype(serif[0], HEAD, index=serif[1]),
    }


def render(page: Plan) -> bytes:
    """The plan drawn, then made to look scanned; PNG bytes marked `DPI`."""
    from PIL import Image, ImageDraw

    fonts = _fonts()
    drawn = Image.new("L", (page.width, page.height), 255)
    draw = ImageDraw.Draw(drawn)
    for x0, y0, x1, y1, width in page.rules:
        draw.line((x0, y0, x1, y1), fill=0, width=width)
    for x0, y0, x1, y1 in page.boxes:
        draw.rectangle((x0, y0, x1, y1), fill=110, outline=0, width=2)
        draw.ellipse((x0 + (x1 - x0) // 5, y0 + (y1 - y0) // 5, x1 - (x1 - x0) // 3, y1 - 10), fill=60)
    for text in page.texts:
        draw.text((text.x, text.y), text.text, font=fonts[text.face], fill=0)
    return _as_scan(drawn, page.scan)


def _as_scan(drawn, scan: Scan) -> bytes:  # noqa: ANN001 (a PIL image; PIL stays out of the signature)
    import numpy as np
    from PIL import Image, ImageFilter

    width, height = drawn.size
    paper = Image.frombytes("L", (4, 3), bytes(scan.paper)).resize((width, height), Image.Resampling.BICUBIC)
    ink = Image.new("L", (width, height), scan.ink)
    page = Image.composite(paper, ink, drawn)
    grain = np.random.default_rng(scan.grain).normal(0.0, 9.0, (height, width))
    page = Image.fromarray(np.clip(np.asarray(page, dtype=np.float64) + grain, 0, 255).astype(np.uint8))
    page = page.rotate(scan.angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=scan.paper[0])
    page = page.filter(ImageFilter.GaussianBlur(scan.blur))
    jpeg = io.BytesIO()
    page.save(jpeg, format="JPEG", quality=scan.quality)
    out = io.BytesIO()
    Image.open(io.BytesIO(jpeg.getvalue())).convert("L").save(out, format="PNG", dpi=(DPI, DPI))
    return out.getvalue()


def chosen_pages(
    count: int, seed: int, months: tuple[str, ...], leave_out: frozenset[str] | None = None
) -> list[tuple[Plan, list[Article], int]]:
    """The pages of a set: for each, its plan, its articles in page order and the year. With `leave_out`
    (a fresh set's draw), no article whose key it holds and none printed twice in the set; an issue left
    with fewer than 4 articles is not drawn."""
    days = issues(months)
    rng = random.Random(f"rmrb_ocr_scan:{seed}")
    out = []
    for _ in range(count):
        if leave_out is not None:
            days = {
                issue: kept
                for issue, articles in days.items()
                if len(kept := [a for a in articles if a.key not in leave_out]) >= 4
            }
        issue = rng.choice(sorted(days))
        chosen = rng.sample(days[issue], min(len(days[issue]), rng.randint(4, 6)))
        out.append((plan(chosen, rng, issue, rng.randint(2, 20)), chosen, int(issue[:4])))
        if leave_out is not None:
            leave_out |= {a.key for a in chosen}
    return out


def _drawn_before(chosen: Set) -> tuple[Set, ...]:
    """The tuned-month sets a fresh set leaves the articles of: the twin, and the fresh sets before it."""
    order = (TUNED, *FRESH_SETS)
    return order[: order.index(chosen)] if chosen in order else ()


def set_pages(chosen: Set, count: int | None = None) -> list[tuple[Plan, list[Article], int]]:
    """A set's pages as `chosen_pages` draws them; a fresh set's leave out every article of the sets drawn
    before it (`_drawn_before`), so no story of the twin or of the read fresh set is met again."""
    _name, seed, pages, months = chosen
    earlier = _drawn_before(chosen)
    leave_out = (
        frozenset(a.key for before in earlier for _, articles, _ in set_pages(before) for a in articles)
        if chosen in FRESH_SETS
        else None
    )
    return chosen_pages(count or pages, seed, months, leave_out)


def _plan_key(page: Plan) -> str:
    return hashlib.sha256((RENDER + "\n" + repr(page)).encode("utf-8")).hexdigest()[:24]


def checksum(pages: list[tuple[Plan, list[Article], int]]) -> str:
    """SHA-256 of a set's plans and truth: a different one means the set changed."""
    digest = hashlib.sha256(RENDER.encode("utf-8"))
    for page, articles, _ in pages:
        digest.update(repr(page).encode("utf-8"))
        for article in articles:
            digest.update(repr(truth_of(article)).encode("utf-8"))
    return digest.hexdigest()


def text_checksum(pages: list[OcrPage]) -> str:
    """SHA-256 of what the OCR read, page after page."""
    digest = hashlib.sha256()
    for page in pages:
        digest.update(page.text.encode("utf-8") + b"\f")
    return digest.hexdigest()


def _index(page: Plan) -> Path:
    return CACHE / f"scan-{_plan_key(page)}.key"


def cached_text(page: Plan) -> str | None:
    """The OCR'd text of a page already drawn and read, from the cache; None when not there."""
    return text_under_key(_index(page))


def missing() -> str | None:
    """Why pages not in the cache cannot be made here (Pillow and numpy draw them, Tesseract reads them)."""
    import importlib.util
    import shutil

    if importlib.util.find_spec("PIL") is None or importlib.util.find_spec("numpy") is None:
        return "Pillow or numpy is not installed (the bench extra)"
    if shutil.which("tesseract") is None:
        return "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
    if not all(Path(face[0]).exists() for face in (SANS, SERIF_BOLD)):
        return "the Noto CJK fonts are not installed (apt-get install fonts-noto-cjk)"
    return None


def make_pages(chosen: Set, count: int | None = None) -> list[OcrPage]:
    """A set's pages (its first `count`, all by default) as the OCR read them, from the cache or made now
    (Pillow, then Tesseract); `OcrUnavailable` when a page is in neither and cannot be made here."""
    seed = chosen[1]
    pages: list[OcrPage] = []
    for number, (page, articles, year) in enumerate(set_pages(chosen, count)):
        text = cached_text(page)
        if text is None:
            if (reason := missing()) is not None:
                raise OcrUnavailable(f"{reason}, and page scan{seed}-{number} is not in {CACHE}")
            png = render(page)
            text = ocr(png)
            _index(page).write_text(hashlib.sha256(png).hexdigest()[:24], encoding="utf-8")
        pages.append(OcrPage(f"scan{seed}-{number}", text, year, [truth_of(a) for a in articles]))
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, help=f"pages (default {HELDOUT[2]})")
    parser.add_argument("--seed", type=int, default=TUNED[1])
    parser.add_argument("--images", metavar="DIR", help="write the pages' images into DIR (not read)")
    parser.add_argument("--show", type=int, default=0, metavar="K", help="print the OCR text of K pages")
    parser.add_argument("--show-failures", action="store_true", help="list the stories not whole")
    parser.add_argument("--no-parse", action="store_true", help="make and cache the pages, parse nothing")
    args = parser.parse_args(argv)
    known = {chosen[1]: chosen for chosen in (HELDOUT, TUNED, *FRESH_SETS)}
    the_set = known.get(args.seed, (f"rmrb_ocr_scan{args.seed}", args.seed, 12, TUNED_MONTHS))
    name, seed, count, _months = the_set
    count = args.pages or count
    totals_only = the_set in TOTALS_ONLY
    if totals_only and (args.show or args.show_failures):
        kind = "held out" if the_set == HELDOUT else "a fresh check"
        raise SystemExit(f"{name} is {kind}: only its total is printed")
    chosen = set_pages(the_set, count)
    print(f"{name} seed {seed}, {count} pages, checksum {checksum(chosen)}")
    if args.images:
        for number, (laid, _, _) in enumerate(chosen):
            Path(args.images, f"scan{seed}-{number}.png").write_bytes(render(laid))
        return 0
    try:
        pages = make_pages(the_set, count)
    except OcrUnavailable as error:
        raise SystemExit(str(error)) from error
    print(f"OCR text checksum {text_checksum(pages)}")
    if args.no_parse:
        return 0
    result = run(pages)
    if totals_only:
        print(format_total(result, name))
        return 0
    print(format_report(result, name))
    print_pages(pages, failures=args.show_failures, show=args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
