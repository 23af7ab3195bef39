"""Pages laid out in HTML/CSS, rendered by headless Chromium and read back by Tesseract: ``rmrb_ocr_web``.

    python -m benchmarks.ocrweb [--pages N] [--seed S] [--show K]

A second OCR'd family, made another way than `benchmarks.ocrpages` (one PIL renderer, one font, three
columns), so that the parser is not fitted to one renderer's geometry. People's Daily articles
(`benchmarks.rmrb`, the months the held-out text family never uses) are set as a newspaper page in HTML:
a masthead (the paper's name, the date, 第N版 and the section; big or as a running header strip),
rows of stories over a page grid of 3 to 6 columns, each story a module one or more grid columns wide
whose text flows in CSS columns (``column-count``) under its kicker / headline / subtitle (bold sans) or
inside its first column; body set in Noto Serif CJK, paragraphs indented two characters, bylines
(``本报记者  王某``) and datelines as the articles print them, some modules boxed, a photo placeholder
with its caption in some, rules between stories, sometimes an editor line at the foot. Headless Chromium
(selenium and Debian's chromium-driver, fonts from Debian's fonts-noto-cjk) takes the screenshot at
twice the CSS pixel size, saved grey at 300 dpi like a scan; Tesseract reads it as `benchmarks.ocrpages`
does (``tesseract stdin stdout -l chi_sim``), block by block.

The truth and the scoring are `benchmarks.ocrpages`' (`truth_of`, `run`): the article as printed.
The OCR'd text is cached by the image's checksum in ``benchmarks/.cache/ocr/`` (`ocrpages.ocr`), and
the page's HTML checksum names that image (``web-<html>.key``), so later runs need neither Chromium
nor Tesseract.

Three seeds, each frozen before any parser change made after it (benchmarks/reports/pages-ocr.md records
their checksums and first readings, "A second OCR'd family…"; `TUNING2`'s are in benchmarks/reports/pages.md,
"A metro paper and a weekly…"): `TUNING` and `TUNING2` may be looked at story by story; `HELDOUT` never is,
only its total is printed. Two fresh seeds, drawn after the tuning seeds were tuned on ("Web-rendered OCR
pages: two fresh seeds"), judge what was tuned: `FRESH` may be read story by story, `CHECK` prints its
total only; two more (`FRESH10` read, `CHECK11` totals only) were drawn after `FRESH` was worked out.
"""

from __future__ import annotations

import argparse
import base64
import datetime
import hashlib
import html
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.ocrpages import (
    CACHE,
    OcrPage,
    OcrUnavailable,
    format_report,
    issues,
    ocr,
    print_pages,
    run,
    text_under_key,
    truth_of,
)
from benchmarks.rmrb import Article

# (name, seed, pages): the sets tuned on, and the one held out of all tuning (only its total printed).
# The second tuning set's seed (4) is one whose pages share no article with the other two sets'.
TUNING = ("rmrb_ocr_web", 1, 16)
TUNING2 = ("rmrb_ocr_web2", 4, 16)
HELDOUT = ("rmrb_ocr_web_heldout", 7919, 16)
# Two fresh seeds, drawn after the tuning seeds were tuned on: `FRESH` may be read story by story, `CHECK`
# is judged by its total only, never a story. Neither prints an article a set drawn before it prints
# (`_drawn_before`), nor one article twice.
FRESH = ("rmrb_ocr_web_fresh", 8, 12)
CHECK = ("rmrb_ocr_web_check", 9, 12)
# Two more, drawn after the first fresh seed was worked out, the same way and leaving out its articles too.
FRESH10 = ("rmrb_ocr_web_fresh10", 10, 12)
CHECK11 = ("rmrb_ocr_web_check11", 11, 12)

PAGE_WIDTH = 1200  # CSS pixels; the screenshot is twice that
SCALE = 2
# How a page becomes an image, part of its cache key and of a set's checksum: Chromium's screenshot at
# twice the CSS size, the page laid out at that scale from the start and settled (web fonts loaded, two
# frames painted) before it is taken, turned to grey and marked 300 dpi as a scanner marks its pages
# (without a resolution Tesseract assumes 70 dpi and reads across the columns, line by line).
RENDER = "chromium screenshot x2 laid out at x2, settled, grey, 300 dpi"
VIEW_HEIGHT = 1000  # CSS pixels of the window a page is laid out in before its own height is known
# Resolves once the web fonts are loaded (when asked) and two animation frames have been painted after it,
# so that layout and raster have settled.
SETTLED = """
const [fonts, done] = arguments;
const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => done(1)));
if (fonts) { document.fonts.ready.then(frames); } else { frames(); }
"""
SECTIONS = ("要闻", "经济", "社会", "国际", "政治", "文化", "综合")
PAPERS = ("人民日报",)
_SURNAMES = (
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
)
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力永健林晨宇浩然欣怡子轩雨涵"

STYLE = """
body { margin: 0; background: #fff; color: #000; }
.page { width: %(width)dpx; box-sizing: border-box; padding: 22px 26px 30px;
  font-family: "Noto Serif CJK SC", serif; }
.mast { display: flex; align-items: flex-end; justify-content: space-between;
  border-bottom: 5px double #000; padding-bottom: 8px; margin-bottom: 10px; }
.mast .paper { font-weight: 900; font-size: 66px; letter-spacing: 10px; line-height: 1; }
.mast .meta { font-family: "Noto Sans CJK SC", sans-serif; font-size: 18px; text-align: right;
  line-height: 1.5; }
.strip { display: flex; justify-content: space-between; font-family: "Noto Sans CJK SC", sans-serif;
  font-size: 18px; border-bottom: 2px solid #000; padding-bottom: 4px; margin-bottom: 10px; }
.row { display: flex; align-items: flex-start; border-bottom: 1px solid #000; padding: 12px 0; }
.story { box-sizing: border-box; padding: 0 12px; }
.story + .story { border-left: 1px solid #000; }
.story.boxed { border: 2px solid #000; padding: 10px 12px; margin: 0 6px; background: #f4f4f4; }
.heads { font-family: "Noto Sans CJK SC", sans-serif; margin-bottom: 10px; }
.kicker { font-size: 19px; line-height: 1.4; }
.head { font-weight: 700; line-height: 1.25; }
.sub { font-size: 21px; line-height: 1.4; }
.byline { font-family: "Noto Sans CJK SC", sans-serif; font-size: 16px; margin: 0 0 6px; }
.body { column-gap: 26px; column-rule: 1px solid #777; column-fill: balance; font-size: 17px;
  line-height: 1.65; text-align: justify; }
.body p { margin: 0; text-indent: 2em; }
.body .heads { break-inside: avoid; }
.photo { border: 1px solid #000; background: #d8d8d8; margin: 4px 0 4px; }
.caption { font-family: "Noto Sans CJK SC", sans-serif; font-size: 15px; line-height: 1.45;
  margin-bottom: 10px; }
.foot { font-family: "Noto Sans CJK SC", sans-serif; font-size: 15px; text-align: right;
  padding-top: 6px; }
"""


@dataclass(frozen=True)
class Module:
    """One story's place on the page: grid columns it spans, its own CSS columns and its shape."""

    article: Article
    span: int
    columns: int
    shape: str  # "top": headlines over the columns; "inflow": headlines inside the first column
    boxed: bool
    photo: str | None  # the caption under a photo placeholder, or None


@dataclass(frozen=True)
class Layout:
    grid: int  # the page's columns, 3 to 6
    rows: tuple[tuple[Module, ...], ...]
    html: str


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2))))


def photo_clause(article: Article) -> str:
    """What a photo of the story shows, for its caption: the lead's first clause, up to 24 characters,
    without the dateline and its reporters in brackets."""
    lead = article.paragraphs[0]
    if "电" in lead[:30] and "）" in lead[:40]:
        lead = lead[lead.index("）") + 1 :]
    return lead.split("。")[0][:24].strip("，、 ")


def _caption(article: Article, rng: random.Random) -> str:
    """A photo caption in the paper's way: what it shows, then who took it; never part of the story."""
    clause = photo_clause(article)
    credit = rng.choice(("本报记者", "新华社记者", "")) + _name(rng) + "摄"
    tail = "（人民视觉）" if not credit.startswith(("本报", "新华社")) and rng.random() < 0.5 else ""
    return f"图为{clause}。\u3000\u3000{credit}{tail}"


def _partition(grid: int, stories: int, rng: random.Random) -> list[int]:
    """Grid columns for each of `stories` modules side by side (each at least one)."""
    cuts = sorted(rng.sample(range(1, grid), stories - 1))
    edges = [0, *cuts, grid]
    return [b - a for a, b in zip(edges, edges[1:], strict=False)]


def plan(articles: list[Article], rng: random.Random) -> tuple[int, list[list[Module]]]:
    """The page's grid and rows: each row holds one to three stories side by side, the longer story on
    more grid columns, each story's text in as many CSS columns as it spans (at most 3)."""
    grid = rng.randint(3, 6)
    queue = list(articles)
    rows: list[list[Module]] = []
    while queue:
        most = min(len(queue), 3 if grid >= 5 else 2)
        count = rng.randint(1, most)
        chosen = [queue.pop(0) for _ in range(count)]
        spans = sorted(_partition(grid, count, rng), reverse=True)
        by_length = sorted(range(count), key=lambda i: -sum(map(len, chosen[i].paragraphs)))
        row: list[Module] = []
        for index, article in enumerate(chosen):
            span = spans[by_length.index(index)]
            row.append(
                Module(
                    article=article,
                    span=span,
                    columns=max(1, min(span, 3)),
                    shape="inflow" if span >= 2 and rng.random() < 0.25 else "top",
                    boxed=count >= 2 and rng.random() < 0.2,
                    photo=_caption(article, rng) if rng.random() < 0.3 else None,
                )
            )
        rows.append(row)
    return grid, rows


def _heads_html(article: Article, span: int, grid: int) -> str:
    size = max(24, min(44, int(40 * span / grid + 18)))
    heads = list(article.heads)
    # Three lines are kicker, headline, subtitle; of two, the longer is the headline.
    main = 1 if len(heads) == 3 else max(range(len(heads)), key=lambda i: (len(heads[i]), -i))
    out = []
    for index, head in enumerate(heads):
        if index == main:
            out.append(f'<div class="head" style="font-size:{size}px">{html.escape(head)}</div>')
        elif index < main:
            out.append(f'<div class="kicker">{html.escape(head)}</div>')
        else:
            out.append(f'<div class="sub">{html.escape(head)}</div>')
    return '<div class="heads">' + "".join(out) + "</div>"


def _module_html(module: Module, grid: int) -> str:
    article = module.article
    width = 100 * module.span / grid
    heads = _heads_html(article, module.span if module.shape == "top" else 1, grid)
    parts: list[str] = []
    if module.shape == "top":
        parts.append(heads)
    photo = ""
    if module.photo is not None:
        height = 120 + 40 * module.span
        photo = f'<div class="photo" style="height:{height}px"></div><div class="caption">{html.escape(module.photo)}</div>'
        if module.columns == 1 or module.shape == "top":
            parts.append(photo)
            photo = ""
    flow: list[str] = []
    if module.shape == "inflow":
        flow.append(heads)
    if article.byline_line:
        flow.append(f'<div class="byline">{html.escape(article.byline_line)}</div>')
    flow += [f"<p>{html.escape(p)}</p>" for p in article.paragraphs]
    if photo:  # a photo inside the flow, after the story's first paragraphs
        flow.insert(min(len(flow), 3), photo)
    parts.append(f'<div class="body" style="column-count:{module.columns}">' + "".join(flow) + "</div>")
    boxed = " boxed" if module.boxed else ""
    return f'<div class="story{boxed}" style="width:{width:.3f}%">' + "".join(parts) + "</div>"


def layout(articles: list[Article], rng: random.Random, issue: str, page_no: int) -> Layout:
    """The page as HTML: masthead, rows of story modules, sometimes an editor line at the foot."""
    grid, rows = plan(articles, rng)
    year, month, day = (int(v) for v in issue.split("-"))
    weekday = "一二三四五六日"[datetime.date(year, month, day).weekday()]
    date = f"{year}年{month}月{day}日 星期{weekday}"
    section = rng.choice(SECTIONS)
    paper = rng.choice(PAPERS)
    if rng.random() < 0.5:
        mast = (
            f'<div class="mast"><div class="paper">{paper}</div><div class="meta">'
            f"<div>{date}</div><div>第{page_no}版</div><div>{section}</div></div></div>"
        )
    else:
        mast = (
            f'<div class="strip"><span>{date}</span><span>{paper}</span>'
            f"<span>第{page_no}版  {section}</span></div>"
        )
    body = "".join(
        '<div class="row">' + "".join(_module_html(m, grid) for m in row) + "</div>" for row in rows
    )
    foot = ""
    if rng.random() < 0.5:
        foot = f'<div class="foot">本版责编：{_name(rng)}  {_name(rng)}</div>'
    document = (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>'
        + STYLE % {"width": PAGE_WIDTH}
        + f'</style></head><body><div class="page">{mast}{body}{foot}</div></body></html>'
    )
    return Layout(grid, tuple(tuple(row) for row in rows), document)


def chosen_pages(count: int, seed: int) -> list[tuple[Layout, list[Article], int]]:
    """The pages of a set: for each, its layout, its articles in page order and the year. A fresh seed's
    pages print no article of the sets drawn before it (`_drawn_before`) and none twice; an issue left with
    fewer than 3 articles is not drawn."""
    days = issues()
    earlier = _drawn_before(seed)
    leave_out = (
        {a.key for _, s, n in earlier for _, articles, _ in chosen_pages(n, s) for a in articles}
        if earlier
        else None
    )
    rng = random.Random(f"rmrb_ocr_web:{seed}")
    out = []
    for _ in range(count):
        if leave_out is not None:
            days = {
                issue: kept
                for issue, articles in days.items()
                if len(kept := [a for a in articles if a.key not in leave_out]) >= 3
            }
        issue = rng.choice(sorted(days))
        chosen = rng.sample(days[issue], min(len(days[issue]), rng.randint(3, 5)))
        page = layout(chosen, rng, issue, rng.randint(2, 16))
        ordered = [m.article for row in page.rows for m in row]
        out.append((page, ordered, int(issue[:4])))
        if leave_out is not None:
            leave_out |= {a.key for a in chosen}
    return out


def _drawn_before(seed: int) -> tuple[tuple[str, int, int], ...]:
    """The sets whose articles a fresh seed leaves out: the tuning and held-out seeds, and the fresh seeds
    before it; nothing for any other seed."""
    fresh = (FRESH, CHECK, FRESH10, CHECK11)
    seeds = [chosen[1] for chosen in fresh]
    return (TUNING, TUNING2, HELDOUT, *fresh[: seeds.index(seed)]) if seed in seeds else ()


def checksum(pages: list[tuple[Layout, list[Article], int]]) -> str:
    """SHA-256 of a set's pages (HTML) and truth: a different one means the set changed."""
    digest = hashlib.sha256(RENDER.encode("utf-8"))
    for page, articles, _ in pages:
        digest.update(page.html.encode("utf-8"))
        for article in articles:
            digest.update(repr(truth_of(article)).encode("utf-8"))
    return digest.hexdigest()


class Browser:
    """One headless Chromium (selenium, Debian's chromium-driver) taking full-page screenshots."""

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
            options.add_argument(flag)
        options.add_argument(f"--window-size={PAGE_WIDTH},{VIEW_HEIGHT}")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium:
            options.binary_location = chromium
        driver = shutil.which("chromedriver")
        self.driver = webdriver.Chrome(options=options, service=Service(driver) if driver else None)

    def screenshot(self, document: str) -> bytes:
        """The page as a grey 300 dpi image, the same image for the same HTML whatever was shown before:
        the page is laid out at the final width and scale from the start, and the screenshot waits for
        its web fonts and for two frames painted after the last resize."""
        d = self.driver
        self._metrics(VIEW_HEIGHT)
        d.get("data:text/html;charset=utf-8;base64," + base64.b64encode(document.encode("utf-8")).decode())
        d.execute_async_script(SETTLED, True)
        height = int(d.execute_script("return Math.ceil(document.querySelector('.page').scrollHeight);"))
        self._metrics(height)
        d.execute_async_script(SETTLED, False)
        clip = {"x": 0, "y": 0, "width": PAGE_WIDTH, "height": height, "scale": 1}
        shot = d.execute_cdp_cmd(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
        )
        return as_scan(base64.b64decode(shot["data"]))

    def _metrics(self, height: int) -> None:
        """Lay the page out in a viewport `PAGE_WIDTH` CSS pixels wide and `height` tall, at `SCALE`."""
        metrics = {"width": PAGE_WIDTH, "height": height, "deviceScaleFactor": SCALE, "mobile": False}
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)

    def close(self) -> None:
        self.driver.quit()


def as_scan(png: bytes) -> bytes:
    """The screenshot as a scanned page: grey, its resolution recorded as 300 dpi."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("L").save(out, format="PNG", dpi=(300, 300))
    return out.getvalue()


def _index(document: str) -> Path:
    key = hashlib.sha256((RENDER + "\n" + document).encode("utf-8")).hexdigest()[:24]
    return CACHE / f"web-{key}.key"


def cached_text(document: str) -> str | None:
    """The OCR'd text of a page already rendered and read, from the cache; None when not there."""
    return text_under_key(_index(document))


def missing() -> str | None:
    """Why pages not in the cache cannot be made here (Chromium through selenium renders them, Tesseract
    reads them), or None."""
    import importlib.util

    if importlib.util.find_spec("selenium") is None or importlib.util.find_spec("PIL") is None:
        return "selenium or Pillow is not installed (the bench extra)"
    if not (shutil.which("chromium") or shutil.which("chromium-browser")) or not shutil.which("chromedriver"):
        return "headless Chromium is not installed (apt-get install chromium chromium-driver fonts-noto-cjk)"
    if shutil.which("tesseract") is None:
        return "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"
    return None


def make_pages(count: int, seed: int) -> list[OcrPage]:
    """The set's pages as the OCR read them, from the cache or made now (Chromium, then Tesseract);
    `OcrUnavailable` when a page is in neither and cannot be made here."""
    documents = [(page.html, articles, year) for page, articles, year in chosen_pages(count, seed)]
    return read_documents(documents, f"web{seed}")


def read_documents(documents: list[tuple[str, list[Article], int]], label: str) -> list[OcrPage]:
    """HTML pages (each with the articles it prints and its year) as the OCR read them, keyed
    ``<label>-<n>``: from the cache or rendered and read now; `OcrUnavailable` when a page is in neither
    and cannot be made here."""
    pages: list[OcrPage] = []
    browser: Browser | None = None
    try:
        for number, (document, articles, year) in enumerate(documents):
            text = cached_text(document)
            if text is None:
                if (reason := missing()) is not None:
                    raise OcrUnavailable(f"{reason}, and page {label}-{number} is not in {CACHE}")
                browser = browser or Browser()
                png = browser.screenshot(document)
                text = ocr(png)
                _index(document).write_text(hashlib.sha256(png).hexdigest()[:24], encoding="utf-8")
            pages.append(OcrPage(f"{label}-{number}", text, year, [truth_of(a) for a in articles]))
    finally:
        if browser is not None:
            browser.close()
    return pages


def format_total(result: dict, name: str) -> str:
    """A held-out set's line: totals only, nothing about which stories failed or how."""
    return (
        f"{name}: {result['whole']}/{result['stories']} stories whole on {result['pages']} pages; "
        f"kept in one span {result['one_span_whole']}/{result['one_span']}, "
        f"scattered {result['scattered_whole']}/{result['scattered']}"
    )


def text_checksum(pages: list[OcrPage]) -> str:
    """SHA-256 of what the OCR read, page after page."""
    digest = hashlib.sha256()
    for page in pages:
        digest.update(page.text.encode("utf-8") + b"\f")
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, help=f"pages (default {TUNING[2]})")
    parser.add_argument("--seed", type=int, default=TUNING[1])
    parser.add_argument("--show", type=int, default=0, metavar="K", help="print the OCR text of K pages")
    parser.add_argument("--html", metavar="DIR", help="write the pages' HTML into DIR")
    parser.add_argument("--show-failures", action="store_true", help="list the stories not whole")
    parser.add_argument("--no-parse", action="store_true", help="make and cache the pages, parse nothing")
    args = parser.parse_args(argv)
    known = {chosen[1]: chosen for chosen in (TUNING, TUNING2, HELDOUT, FRESH, CHECK, FRESH10, CHECK11)}
    the_set = known.get(args.seed, (f"rmrb_ocr_web{args.seed}", args.seed, 16))
    name, seed, count = the_set
    count = args.pages or count
    totals_only = the_set in (HELDOUT, CHECK, CHECK11)
    if totals_only and (args.show or args.show_failures or args.html):
        kind = "held out" if the_set == HELDOUT else "a fresh check"
        raise SystemExit(f"{name} is {kind}: only its total is printed")
    print(f"{name} seed {seed}, {count} pages, checksum {checksum(chosen_pages(count, seed))}")
    try:
        pages = make_pages(count, seed)
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
    if args.html:
        for number, (laid, _, _) in enumerate(chosen_pages(count, seed)):
            Path(args.html, f"web{seed}-{number}.html").write_text(laid.html, encoding="utf-8")
    print_pages(pages, failures=args.show_failures, show=args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
