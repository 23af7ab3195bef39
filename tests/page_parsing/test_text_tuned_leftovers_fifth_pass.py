"""The tuned text-page families' leftovers, a fifth pass (issue 22): sub-headings without an end mark
set as wide as a paragraph's first line (``theory_twin``, ``trade_paper``).

Each case is a small made-up page in the shape of failures seen on the tuned families (seed 1); no
held-out family's pages were looked at.
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page
from storage.ingest.page_lines import display_width
from tests.page_parsing.layout import column_text

WIDTH = 19
OPENING = (
    "四十年来，这家银行始终站在农村金融事业的最前沿，在服务农业农村、深化企业改革、"
    "防范金融风险等方面不断迈出新步伐，向着建设一流银行的目标砥砺奋进。"
)
SECTION = (
    "这家银行是党领导下的大型金融机构，具有重视党的建设的优良传统和深厚基础。"
    "四十年的奋斗实践一再证明，银行发展壮大离不开党的领导，也离不开全体员工的辛勤付出。"
)
HEAD = "坚持从严治党，努力铸牢“根”和“魂”"


def _page(body: str) -> str:
    return f"谱写农村金融事业新篇章\n\n王  明\n{column_text(OPENING, width=WIDTH)}\n{body}\n"


def test_a_sub_heading_as_wide_as_a_first_line_ends_where_a_first_line_follows_across_a_break():
    """``坚持从严治党，努力铸牢“根”和“魂”`` (a paragraph's first line's measure, its quote mark hung),
    then a paragraph's first line, a column break, and full lines: the line under the sub-heading is
    two cells short and its sentence goes on, so it can only open a paragraph; the sub-heading is one."""
    assert display_width(HEAD) == WIDTH - 1
    first, *rest = wrap(SECTION, WIDTH)
    page = _page(f"{HEAD}\n{first}\n\n" + "\n".join(rest))
    (story,) = parse_page(page, year=2020)
    assert story.paragraphs == (OPENING, HEAD, SECTION)


def test_a_sub_heading_a_cell_short_of_a_first_line_ends_over_a_first_line_cut_by_a_break():
    """``坚持以质量提升夯实品牌建设的基础`` a cell short of a first line's measure, then the section's
    first line, a column break, and its full lines: two paragraphs."""
    head = "坚持以质量提升夯实品牌建设的基础"
    assert display_width(head) == WIDTH - 3
    first, *rest = wrap(SECTION, WIDTH)
    page = _page(f"{head}\n{first}\n\n" + "\n".join(rest))
    (story,) = parse_page(page, year=2020)
    assert story.paragraphs == (OPENING, head, SECTION)


def test_a_line_stopped_short_by_an_opening_quote_that_would_not_fit_runs_on():
    """``…贡献青春力量”“作为青`` / ``年一代，我们要把两国友谊传承下去”`` (a cell short: ``“我`` did not
    fit beside its ``”``) / ``“我们要…”……``: one paragraph, though the short line is shaped like a first
    line over a full one."""
    text = (
        "“青年是两国友谊的未来，我们要为两国发展与合作贡献青春力量”“作为青年一代，我们要把两国友谊传承下去”"
        "“我们要携手同行，共创美好未来”……在日前举行的青年对话活动上，两国青年代表畅所欲言，气氛热烈。"
    )
    lines = wrap(text, 18)
    assert lines[2].endswith("下去”") and display_width(lines[2]) == 17 and lines[3].startswith("“我")
    page = "青年对话活动举行\n\n王  明\n" + "\n".join(lines) + "\n"
    (story,) = parse_page(page, year=2020)
    assert story.paragraphs == (text,)


DIGEST_WIDTH = 18
MASTHEAD = "A07  新闻摘要  2019年2月10日  星期日\n\n"
FLOWERS = (
    "县里百万亩油菜花成片绽放，田野、山村到处金灿灿一片，北国还天寒地冻，这里已透出浓浓的春意。"
    "图为春节前夕，县城外的村民在田中劳作，准备迎接即将到来的赏花游客。"
)
FAIR = (
    "第三届全国农产品博览会12日在湖南长沙开幕，来自全国各地的八百多家企业参展，展期五天。"
    "博览会设有扶贫产品、地理标志产品等展区，现场签约项目一百二十多个。"
)
SWANS = "“全省越冬候鸟同步调查”近日启动。本次调查由当地大学发起，全省各湿地的鸟类监测点参与。"
NOTICE = "近日，省人民政府办公厅正式印发《关于推进乡村旅游发展的意见》，要求各地结合实际认真抓好落实。"


def _item(head: str, text: str, source: str = "（来源：新华社）") -> str:
    return f"{head}\n" + column_text(text, width=DIGEST_WIDTH) + (f"\n{source}" if source else "") + "\n\n"


def test_the_first_item_on_a_page_closed_by_its_source_has_its_head_over_its_lead():
    """The page's first item, no source read above it: ``油菜花开正逢春`` right over its lead's indented
    first line, and the block closed by ``（来源：新华社）``: the head is the item's headline, not a
    paragraph of its text."""
    page = MASTHEAD + _item("油菜花开正逢春", FLOWERS) + _item("农产品博览会开幕", FAIR)
    flowers, fair = parse_page(page, year=2019)
    assert (flowers.title, flowers.paragraphs) == ("油菜花开正逢春", (FLOWERS,))
    assert (fair.title, fair.paragraphs) == ("农产品博览会开幕", (FAIR,))


def test_an_items_lead_whose_indent_the_ocr_kept_opens_it_under_its_head():
    """``候鸟同步调查启动`` over ``　“全省越冬候鸟同步调查”近`` (its indent kept as a full-width space,
    the line a cell wider than a first line's measure) after an item printed without its source: a
    new item under its head."""
    first, *rest = wrap(SWANS, DIGEST_WIDTH, indent=1)
    swans = "候鸟同步调查启动\n" + "\n".join([f"\u3000{first}", *rest]) + "\n"
    page = MASTHEAD + _item("农产品博览会开幕", FAIR) + _item("油菜花开正逢春", FLOWERS, source="") + swans
    _, flowers, birds = parse_page(page, year=2019)
    assert (flowers.title, flowers.paragraphs) == ("油菜花开正逢春", (FLOWERS,))
    assert (birds.title, birds.paragraphs) == ("候鸟同步调查启动", (SWANS,))


def test_an_items_lead_a_cell_short_before_a_book_title_mark_opens_it_under_its_head():
    """``近日，省人民政府办公厅正式印发`` a cell short of a first line because ``《关`` went down to the
    full line below: still the lead's first line, its head over it the item's headline."""
    lines = wrap(NOTICE, DIGEST_WIDTH)
    assert len(lines[0]) == DIGEST_WIDTH - 3 and lines[1].startswith("《")
    page = MASTHEAD + _item("农产品博览会开幕", FAIR) + _item("乡村旅游发展意见印发", NOTICE)
    _, notice = parse_page(page, year=2019)
    assert (notice.title, notice.paragraphs) == ("乡村旅游发展意见印发", (NOTICE,))


def test_a_head_whose_run_in_space_ends_its_line_is_over_its_text_on_the_next_line():
    """``吃饭问题始终是头等大事　`` (the full-width space that parts a run-in head from its text ends the
    line) over its text set flush on the next line: the head is the item's headline and its text one
    paragraph, not a paragraph under the item above."""
    grain = "粮食安全是国家安全的重要基础。我国是个人口众多的大国，吃饭问题始终是治国理政的头等大事。"
    text = column_text(grain, width=DIGEST_WIDTH, indent=0)
    page = (
        MASTHEAD + _item("农产品博览会开幕", FAIR) + f"吃饭问题始终是头等大事\u3000\n{text}\n（据新华社电）\n"
    )
    _, item = parse_page(page, year=2019)
    assert (item.title, item.paragraphs) == ("吃饭问题始终是头等大事", (grain,))


def test_a_bulleted_head_whose_run_in_space_ends_its_line_closes_an_item_without_a_source():
    """``■流感高发，我们该怎么预防？　`` (a bulleted head that asks, with a comma, as wide as a first line)
    over its text flush on the next line, after an item printed without its source: the item above
    ends, and the head is the next item's headline."""
    flu = "针对多地报告的流感病例，卫生健康部门日前回应说，当前疫情总体平稳，可防可控。"
    head = "■流感高发，我们该怎么预防？"
    text = column_text(flu, width=DIGEST_WIDTH, indent=0)
    page = (
        MASTHEAD
        + _item("农产品博览会开幕", FAIR)
        + _item("油菜花开正逢春", FLOWERS, source="").rstrip("\n")
        + f"\n{head}\u3000\n{text}\n（摘自《中国青年报》）\n"
    )
    _, flowers, item = parse_page(page, year=2019)
    assert flowers.paragraphs == (FLOWERS,)
    assert (item.title, item.paragraphs) == ("流感高发，我们该怎么预防？", (flu,))
