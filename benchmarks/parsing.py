"""The OCR page parser on real news laid out the way Chinese papers print it.

    python -m benchmarks.parsing [--quick] [--pages N] [--seed S] [--show-failures K] [--json]

The pages: `benchmarks.conventionpages` (twelve conventions on CCTV 《新闻联播》 transcripts: real prose, real
headlines, written by nobody here).

When the People's Daily corpus is on disk (`benchmarks.rmrb`), seven more families built from it run first
(`benchmarks.paperpages`: masthead, wire, feature, mixed in the held-out family's layout, and one held out
of all tuning, its checksum printed; `benchmarks.localpages`: a provincial party paper's page and an
evening paper's; `benchmarks.countypages`, `benchmarks.morepages` and `benchmarks.weeklypages`: a county
paper, a trade paper, a digital edition's export, a party paper's front page, a metro paper and a weekly,
two of them held out; `benchmarks.webpages`: articles copied from news sites, a page of notices, and a
commentary page, held out; `benchmarks.topicpages`: a special-topic page, an evening paper's page, its
page of short items, held out, and a commentary page, the held-out one's tuned twin;
`benchmarks.supplementpages`: a literary supplement's page, a digest page, held out, and its tuned twin;
`benchmarks.sectionpages`: a sports page, a theory page, held out, and its tuned twin;
`benchmarks.deskpages`: an international page, an economy page, held out, and its tuned twin;
`benchmarks.affairspages`: a city paper's 政务 page with numbered notices and service guides;
`benchmarks.letterspages`: the paper's own 读者来信 page, letters signed by their readers at their end;
`benchmarks.lawpages`: a 法治 page, bylines closing stories and question-and-answer boxes;
`benchmarks.interviewpages`: a 访谈 page, an interview with a résumé box and pull quotes;
`benchmarks.profilepages`: a 人物 page of one series' profiles under its banner, with portraits' captions;
`benchmarks.documentpages`: a 文件 page, a law, a regulation or a central document printed whole;
`benchmarks.healthpages`: a 健康 page, a focus story with its sub-heads and 链接 box, a comment, a doctor's
lecture and a column of medical briefs; `benchmarks.societypages`: a 社会 page, a lead story with its 核心阅读
box, a 民生观 comment and a column of labelled items; `benchmarks.diplomacypages`: a 外事 page, meetings under
Beijing datelines, 钟声 comments, ambassadors' essays and correspondents' pieces; `benchmarks.reviewpages`: a
文艺评论 page, reviews under their subtitles, an artist's talk, a dialogue and short notices closed by their author;
`benchmarks.sportsfullpages`: the 体育 page printed whole, its 体育大看台 lead with its 核心阅读 box, a 体坛观澜
comment, 动感 pictures closed by their credits, result dispatches and the page's chart line),
then the pages rendered to images and read back by Tesseract (`benchmarks.ocrpages`, tuned and untuned
sets, and `benchmarks.ocrweb`, laid out in HTML and rendered by Chromium: two tuning sets, a fresh set read
beside them and the totals of a fresh check and a held-out one; `benchmarks.ocrwebcity`, a city daily's web edition rendered the same way: one tuning set and
the total of its fresh check; `benchmarks.scanpages`, drawn as scans of a narrow-column page: a tuned twin
and two fresh sets read beside it, and the totals of two fresh checks and a held-out set); `--family NAME --show-failures K` prints a tuned family's failures. When the CCTV corpus is
missing, only those run.

A story is exactly right when its title (the headline lines as printed, joined by spaces), its paragraphs,
its date and its reporters and correspondents are all as printed; end marks, jump lines, captions and
page furniture belong to no story. The figures go to benchmarks/reports/pages.md ("OCR page parser on real
news").
"""

from __future__ import annotations

import argparse
import json
import sys

from benchmarks import (
    affairspages,
    countypages,
    deskpages,
    diplomacypages,
    documentpages,
    healthpages,
    interviewpages,
    lawpages,
    letterspages,
    localpages,
    morepages,
    pagefamilies,
    paperpages,
    profilepages,
    reviewpages,
    sectionpages,
    societypages,
    sportsfullpages,
    supplementpages,
    topicpages,
    webpages,
    weeklypages,
)
from benchmarks.conventionpages import (
    CONVENTIONS,
    TARGET_EACH,
    TARGET_OVERALL,
    format_failure,
    format_report,
    make_pages,
    run,
    score_page,
)

# Every text-page builder's families, in the order their rows are printed.
TEXT_PAGE_FAMILIES = (
    paperpages.PAGE_FAMILIES,
    localpages.PAGE_FAMILIES,
    countypages.PAGE_FAMILIES,
    morepages.PAGE_FAMILIES,
    weeklypages.PAGE_FAMILIES,
    webpages.PAGE_FAMILIES,
    topicpages.PAGE_FAMILIES,
    supplementpages.PAGE_FAMILIES,
    sectionpages.PAGE_FAMILIES,
    deskpages.PAGE_FAMILIES,
    affairspages.PAGE_FAMILIES,
    letterspages.PAGE_FAMILIES,
    lawpages.PAGE_FAMILIES,
    interviewpages.PAGE_FAMILIES,
    profilepages.PAGE_FAMILIES,
    documentpages.PAGE_FAMILIES,
    healthpages.PAGE_FAMILIES,
    societypages.PAGE_FAMILIES,
    diplomacypages.PAGE_FAMILIES,
    reviewpages.PAGE_FAMILIES,
    sportsfullpages.PAGE_FAMILIES,
)


def _realnews_available() -> bool:
    import os

    from benchmarks.realnews import CACHE_FILE, ENV

    return CACHE_FILE.exists() or bool(os.environ.get(ENV))


def _other_paper(args: argparse.Namespace) -> int:
    """The People's Daily families (`benchmarks.paperpages`, the held-out one apart) and the OCR'd pages
    (`benchmarks.ocrpages`), when that corpus is on disk; 0 when they ran or were skipped."""
    from benchmarks import ocrpages, rmrb

    if not rmrb.available():
        print(f"People's Daily families skipped: no corpus at {rmrb.root()} (set {rmrb.ENV})")
        return 0
    count = 10 if args.quick else pagefamilies.PAGES_PER_FAMILY
    if args.unseen:
        # The second seed of the families laid out in other papers' layouts: totals only, never a story.
        unseen: dict = {}
        for families in TEXT_PAGE_FAMILIES:
            if families.unseen_seed is not None:
                unseen |= families.figures(count, families.unseen_seed)
        print("\n".join(pagefamilies.format_families(unseen)))
        return 0
    if args.family:
        builder = next((families for families in TEXT_PAGE_FAMILIES if args.family in families.makers), None)
        if builder is None:
            print(
                f"no text-page family {args.family!r}: for the OCR'd sets see python -m benchmarks.ocrjoins "
                "--set NAME --pages, benchmarks.ocrweb --seed N --show-failures, benchmarks.ocrwebcity "
                "--show-failures, or benchmarks.scanpages --seed 2 --show-failures"
            )
            return 2
        print("\n".join(builder.failures(args.family, count, args.show_failures or 10)))
        return 0
    result: dict = {}
    for families in TEXT_PAGE_FAMILIES:
        result |= families.figures(count)
    print("\n".join(pagefamilies.format_families(result)))
    stand_in = paperpages.conventions_on_rmrb(3 if args.quick else 10)
    print("the twelve conventions on People's Daily articles: " + format_report(stand_in)[0])
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    if (reason := ocrpages.missing()) is not None:
        print(f"OCR'd pages skipped: {reason}")
    else:
        _ocr_sets(args.quick)
    _web_sets(args.quick)
    _city_web_sets(args.quick)
    _scan_sets(args.quick)
    print()
    return 0


def _ocr_sets(quick: bool) -> None:
    """The OCR'd sets (`benchmarks.ocrpages`): the tuned ones (seeds 1, 3 and 4, looked at while tuning),
    then the total of the untuned one (seed 2, never looked at); each skipped, saying why, when a page of
    it is neither in the cache nor readable by Tesseract here. `quick`: 4 pages of the first set only."""
    from benchmarks import ocrpages

    sets = [("rmrb_ocr", 1, 4)] if quick else [*ocrpages.TUNED_SETS, ocrpages.UNTUNED]
    for name, seed, count in sets:
        try:
            pages = ocrpages.make_pages(count, seed)
        except ocrpages.OcrUnavailable as error:
            print(f"{name} skipped: {error}")
            continue
        label = "untuned " if (name, seed, count) == ocrpages.UNTUNED else "tuned  "
        print(label + ocrpages.format_report(ocrpages.run(pages), name))
    if not quick:
        _fresh_check()


def _fresh_check() -> None:
    """The fresh check: the totals of fresh pages of the tuned generator (`ocrpages.FRESH_CHECK`, never
    looked at story by story), skipped when a page is neither cached nor readable here."""
    from benchmarks import ocrpages

    for name, seed, count in ocrpages.FRESH_CHECK:
        try:
            pages = ocrpages.make_pages(count, seed)
        except ocrpages.OcrUnavailable as error:
            print(f"{name} skipped: {error}")
            continue
        print("fresh   " + ocrpages.format_total(ocrpages.run(pages), name))


def _web_sets(quick: bool) -> None:
    """The pages laid out in HTML and rendered by Chromium (`benchmarks.ocrweb`): the two tuning sets and the
    fresh sets read beside them, each but the last followed by the total only of its fresh check, then the
    total only of the held-out set (never a story of a check or the held-out set); each skipped, saying why,
    when a page of it is neither in the cache nor makeable here. `quick`: the first tuning set's first 4
    pages only."""
    from benchmarks import ocrpages, ocrweb

    name, seed, count = ocrweb.TUNING
    every = [
        ocrweb.TUNING,
        ocrweb.TUNING2,
        ocrweb.FRESH,
        ocrweb.CHECK,
        ocrweb.FRESH10,
        ocrweb.CHECK11,
        ocrweb.HELDOUT,
    ]
    sets = [(name, seed, 4)] if quick else every
    for name, seed, count in sets:
        try:
            pages = ocrweb.make_pages(count, seed)
        except ocrpages.OcrUnavailable as error:
            print(f"{name} skipped: {error}")
            continue
        result = ocrpages.run(pages)
        if (name, seed, count) == ocrweb.HELDOUT:
            print("held out " + ocrweb.format_total(result, name))
        elif (name, seed, count) in (ocrweb.CHECK, ocrweb.CHECK11):
            print("fresh   " + ocrpages.format_total(result, name))
        else:
            print("tuned  " + ocrpages.format_report(result, name))


def _city_web_sets(quick: bool) -> None:
    """The city daily's web edition (`benchmarks.ocrwebcity`, rendered by Chromium): the tuned set, then its
    fresh check's total only (never a story of it); each skipped, saying why, when a page of it is neither in
    the cache nor makeable here. Not run `quick`."""
    from benchmarks import ocrpages, ocrwebcity

    if quick:
        return
    for name, seed, count, first in (ocrwebcity.TUNED, ocrwebcity.CHECK):
        try:
            pages = ocrwebcity.make_pages(count, seed, first)
        except ocrpages.OcrUnavailable as error:
            print(f"{name} skipped: {error}")
            continue
        result = ocrpages.run(pages)
        if name == ocrwebcity.CHECK[0]:
            print("fresh   " + ocrpages.format_total(result, name))
        else:
            print("tuned  " + ocrpages.format_report(result, name))


def _scan_sets(quick: bool) -> None:
    """The pages drawn as scans (`benchmarks.scanpages`): the tuned twin, the fresh sets read beside it, then
    the totals only of the fresh checks and of the held-out set (never a story of them); each skipped, saying
    why, when a page of it is neither in the cache nor makeable here. `quick`: the twin's first 4 pages only."""
    from benchmarks import ocrpages, ocrweb, scanpages

    every = (
        scanpages.TUNED,
        scanpages.FRESH,
        scanpages.FRESH2,
        scanpages.CHECK,
        scanpages.CHECK2,
        scanpages.HELDOUT,
    )
    sets: list[tuple[scanpages.Set, int | None]] = (
        [(scanpages.TUNED, 4)] if quick else [(chosen, None) for chosen in every]
    )
    for chosen, count in sets:
        name = chosen[0]
        try:
            pages = scanpages.make_pages(chosen, count)
        except ocrpages.OcrUnavailable as error:
            print(f"{name} skipped: {error}")
            continue
        result = ocrpages.run(pages)
        if chosen == scanpages.HELDOUT:
            print("held out " + ocrweb.format_total(result, name))
        elif chosen in scanpages.TOTALS_ONLY:
            print("fresh   " + ocrpages.format_total(result, name))
        else:
            print("tuned  " + ocrpages.format_report(result, name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 pages per convention instead of 40")
    parser.add_argument("--pages", type=int, help="pages per convention")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--show-failures", type=int, default=0, metavar="K", help="print K failures")
    parser.add_argument("--convention", choices=CONVENTIONS, help="print failures of this one only")
    parser.add_argument("--dump", type=int, default=0, metavar="K", help="print the text of K failing pages")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--check-targets", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--family",
        help="print --show-failures K failures of this People's Daily family (never the held-out one)",
    )
    parser.add_argument(
        "--unseen",
        action="store_true",
        help="print only the totals of the other-layout families' second seed (never looked at per story)",
    )
    args = parser.parse_args(argv)
    status = _other_paper(args)
    if args.unseen or status:
        return status
    if not _realnews_available():
        return status
    count = args.pages or (10 if args.quick else 40)
    pages = make_pages(count, args.seed)
    result = run(pages)
    if args.json:
        printable = {k: v for k, v in result.items() if k != "outcomes"}
        print(json.dumps(printable, ensure_ascii=False, indent=2))
    else:
        print("\n".join(format_report(result)))
    failures = [
        o
        for o in result["outcomes"]
        if not o.ok and (args.convention is None or o.convention == args.convention)
    ]
    for outcome in failures[: args.show_failures]:
        print("\n".join(format_failure(outcome)))
    if args.dump:
        shown = 0
        for page in pages:
            if args.convention and page.convention != args.convention:
                continue
            if any(not o.ok for o in score_page(page)):
                print(f"----- {page.convention}\n{page.text}")
                shown += 1
                if shown >= args.dump:
                    break
    each = min(row["share"] for row in result["conventions"].values())
    met = result["share"] >= TARGET_OVERALL and each >= TARGET_EACH
    if not args.json:
        print(
            f"targets (≥ {TARGET_OVERALL:.0%} overall, ≥ {TARGET_EACH:.0%} per convention): "
            f"{'met' if met else 'missed'} ({result['share']:.1%} overall, lowest convention {each:.1%})"
        )
    if result["stories"] == 0 or result["share"] < 0.5:
        return 1  # nonsense: nothing parsed, or the parser broken
    return 1 if args.check_targets and not met else 0


if __name__ == "__main__":
    sys.exit(main())
