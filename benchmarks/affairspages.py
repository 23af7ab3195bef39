"""A text-page layout from People's Daily (`benchmarks.rmrb`) that no other family uses: a city paper's
政务 page (government affairs), open to tuning. The family is a function of a seed: same seed, same
pages, same truth.

- ``affairs_page`` (the tuned months): three to five stories of one issue whose heads name government
  business (政务, 部门, 改革, 审批, 服务, 印发, 意见, 政策, 民生…), 150–2,600 characters, no picture, a
  dateline the truth reads or none; a page strip (``政务  第6版`` over the date, ``政务·民生｜06`` over a
  dotted date); the heads as printed (the kicker a group of its own on some), the corpus' ``本报记者  王某``
  line under them or the dateline opening the lead; and, between stories, two kinds of boxes no other
  family prints, both made up and in no story:

  - **a numbered notice** (``关于2020年度…的公示``, ``…通告``, ``…通知``): an addressee line on some
    (``各有关单位：``), an opening sentence, two to four items numbered ``一、`` / ``1.`` / ``（一）``, a
    closing line (``特此公示。``, ``公示期：…``, ``监督电话：…``), then the signing unit and the date at
    the end, each on a line of its own (indented with full-width spaces on some) or both on one line;
  - **a service guide** (``【办事指南】``, ``■便民提示``, ``政务服务热线``): a heading over two to four
    ``key：value`` lines (``办理地点：市民之家二楼B区``, ``咨询电话：0371-67181234``,
    ``办理时间：工作日9:00—17:00``).

  The editor's line at the foot.

The truth, as the other families': a title is the printed header lines joined by spaces, paragraphs as
the corpus keeps them; the boxes, the page strip and the editor's line in no story; the date the
dateline's, else the one the lead's first clause opens with, else the page's for a lead opening with
近日/今天; the reporters the dateline's or the reporter's line's.
"""

from __future__ import annotations

import random
import re

from benchmarks.conventionpages import Expected, wrap
from benchmarks.deskpages import desk_story, lay_in_columns
from benchmarks.localpages import _date_parts, _name, page_strip
from benchmarks.pagefamilies import (
    TUNED_MONTHS,
    FamilyPage,
    PageFamilies,
    by_issue,
    first_printings,
    issue_runs,
)
from benchmarks.rmrb import Article
from benchmarks.sectionpages import _editor_line

AFFAIRS = "affairs_page"
SEED = 1
UNSEEN_SEED = 2  # the family's second seed: only its totals are read, never a story of it

_AFFAIRS_WORDS_RE = re.compile(
    "政务|政府|部门|改革|审批|服务|印发|意见|通知|办法|规定|政策|办理|民生|社保|医保|治理|基层|群众|监管|"
    "便民|公共|机关"
)
_SECTIONS = ("政务", "政务·民生", "政务新闻", "城市·政务")
_UNITS = (
    "市人力资源和社会保障局",
    "市住房和城乡建设局",
    "区行政审批服务局",
    "市交通运输局",
    "县市场监督管理局",
    "市政务服务和数据管理局",
    "区教育局",
    "市自然资源和规划局",
)
_PLACES = ("市民之家二楼B区", "区政务服务中心一楼", "县便民服务大厅3号窗口", "各街道党群服务中心")


# ---- the stories ------------------------------------------------------------------------------------


def _affairs_story(article: Article) -> bool:
    """A story of government business: its words in the heads, as a desk page prints it
    (`benchmarks.deskpages.desk_story`), no related-reports note."""
    return desk_story(article, _AFFAIRS_WORDS_RE, ("（相关报道",))


def _lay_story(article: Article, rng: random.Random, width: int) -> tuple[list[str], Expected, str]:
    """One story as the desk pages set it (`benchmarks.deskpages.lay_in_columns`)."""
    lines, body, expected, kind = lay_in_columns(article, rng, width)
    return [*lines, *body], expected, kind


def _numbered(index: int, style: int) -> str:
    numerals = "一二三四五六七八九"
    return (f"{numerals[index]}、", f"{index + 1}.", f"（{numerals[index]}）")[style]


def _notice_items(rng: random.Random, kind: str, year: int) -> list[str]:
    """Two to four items of a made-up notice of `kind` (公示, 通告, 通知)."""
    pool = {
        "公示": [
            f"公示对象：{_name(rng)}、{_name(rng)}等{rng.randint(5, 30)}名同志。",
            f"公示时间：{year}年{rng.randint(1, 12)}月{rng.randint(1, 20)}日至{rng.randint(21, 28)}日。",
            "公示期间，任何单位和个人均可通过来电、来信等方式反映情况。",
            "反映情况应实事求是，以单位名义反映的须加盖公章，以个人名义反映的须署真实姓名。",
        ],
        "通告": [
            f"施工期间，{rng.choice(('建设路', '人民路', '中原西路', '大学路'))}实行半幅通行。",
            "过往车辆和行人请按照交通标志绕行，注意安全。",
            "施工单位应设置围挡和警示标志，夜间不得从事产生噪声的作业。",
            "对违反本通告的行为，由相关部门依法处理。",
        ],
        "通知": [
            f"报名时间：{year}年{rng.randint(1, 12)}月{rng.randint(1, 20)}日起。",
            f"报名地点：{rng.choice(_PLACES)}。",
            "请携带本人身份证原件及复印件，逾期不予受理。",
            "各单位要高度重视，认真组织，确保工作按时完成。",
        ],
    }[kind]
    style = rng.randrange(3)
    chosen = pool[: rng.randint(2, len(pool))]
    return [_numbered(i, style) + item for i, item in enumerate(chosen)]


def _notice(rng: random.Random, issue: str, width: int) -> list[str]:
    """A numbered notice: its title, an addressee on some, an opening sentence, the items, a closing
    line, the signing unit and the date at the end."""
    y, m, d, _ = _date_parts(issue)
    kind = rng.choice(("公示", "通告", "通知"))
    unit = rng.choice(_UNITS)
    title = {
        "公示": f"关于{y}年度先进集体和先进个人拟表彰对象的公示",
        "通告": "关于道路施工期间交通管制的通告",
        "通知": f"关于开展{y}年度业务培训报名工作的通知",
    }[kind]
    lines = wrap(title, width)
    if kind == "通知" and rng.random() < 0.6:
        lines.append("各有关单位：")
    lines += wrap(f"根据工作安排，现将有关事项{kind}如下：", width)
    for item in _notice_items(rng, kind, y):
        lines += wrap(item, width)
    lines += [
        rng.choice((f"特此{kind}。", f"监督电话：0371-6{rng.randint(1000000, 9999999)}", f"特此{kind}。"))
    ]
    signed = f"{y}年{m}月{max(1, d - rng.randint(0, 3))}日"
    form = rng.randrange(3)
    if form == 0:
        lines += [unit, signed]
    elif form == 1:
        lines += ["\u3000" * 4 + unit, "\u3000" * 6 + signed]
    else:
        lines += [f"{unit}  {signed}"]
    return lines


def _guide(rng: random.Random) -> list[str]:
    """A service guide: a heading over two to four ``key：value`` lines."""
    rows = [
        f"办理地点：{rng.choice(_PLACES)}",
        "办理时间：工作日9:00—17:00",
        f"咨询电话：0371-6{rng.randint(1000000, 9999999)}",
        f"网上办理：{rng.choice(('“郑好办”App', '市政务服务网', '“i郑州”小程序'))}",
    ]
    return [rng.choice(("【办事指南】", "■便民提示", "政务服务热线")), *rows[: rng.randint(2, 4)]]


# ---- the page ---------------------------------------------------------------------------------------


def compose_affairs(articles: list[Article], rng: random.Random) -> FamilyPage:
    """A 政务 page: its strip, the stories, a numbered notice and a service guide between them on some,
    the editor's line."""
    width = rng.randint(14, 22)
    issue = articles[0].issue
    lines = page_strip(rng, issue, rng.choice((5, 6, 8)), _SECTIONS) + [""]
    notice = _notice(rng, issue, width) if rng.random() < 0.7 else []
    guide = _guide(rng) if rng.random() < 0.5 else []
    notice_at, guide_at = rng.randint(1, len(articles)), rng.randint(1, len(articles))
    expected: list[Expected] = []
    kinds: list[str] = []
    for index, article in enumerate(articles):
        if notice and index == notice_at:
            lines += notice + [""]
        if guide and index == guide_at:
            lines += guide + [""]
        block, truth, kind = _lay_story(article, rng, width)
        lines += block + [""]
        expected.append(truth)
        kind += ", before a notice" if notice and notice_at == index + 1 else ""
        kinds.append(kind + (", before a guide" if guide and guide_at == index + 1 else ""))
    if notice and notice_at == len(articles):
        lines += notice + [""]
    if guide and guide_at == len(articles):
        lines += guide + [""]
    if rng.random() < 0.8:
        lines.append(_editor_line(rng))
    return FamilyPage.from_lines(AFFAIRS, lines, issue, expected, kinds)


def make_affairs(count: int, seed: int) -> list[FamilyPage]:
    """`count` 政务 pages from the tuned months, each three to five stories of one issue."""
    days = by_issue(first_printings(TUNED_MONTHS, _affairs_story), 3)
    rng = random.Random(f"{AFFAIRS}:{seed}")
    return [compose_affairs(run, rng) for run in issue_runs(days, count, rng, 3, 5)]


# ---- families ---------------------------------------------------------------------------------------


PAGE_FAMILIES = PageFamilies(
    {AFFAIRS: make_affairs},
    seed=SEED,
    unseen_seed=UNSEEN_SEED,
)
