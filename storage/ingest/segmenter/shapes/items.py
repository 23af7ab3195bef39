"""Pages of items: digest strips and guide boxes, link boxes, items' sources, editors' marks, strip
headings over a section's items, briefs columns' names."""

from __future__ import annotations

import re

from storage.ingest.page_lines import _CLOSERS, _SENTENCE_END, HAN, _Line
from storage.ingest.segmenter.shapes.sentences import _ends_sentence

# A guide to other pages' stories (导读): its label, then one line a story, each ending with its page
# (``▶武汉：商品丰富物价稳 （第6版）``, ``◆致敬！逆向而行的白衣天使 第11版``, ``…  详见A05``).
_GUIDE_LABEL_RE = re.compile(
    "^[ \t\u3000]*[【\\[]?[ \t\u3000]*(?:本报)?(?:今日|本期|本版|要闻|新闻)?导读[ \t\u3000]*[】\\]]?[ \t\u3000]*$"
)


# A strip of other pages' heads: its label (``要闻速览``, ``【要闻】``, ``今日要闻：``), then the heads
# apart by markers or bars (``▶…  ▶…``, ``…｜…``), or nothing when one head a line follows (``·…``).
_DIGEST_LABEL_RE = re.compile(
    "^[【\\[]?(?:要闻速览|今日要闻|要闻导读|要闻)[】\\]]?[ \t\u3000]*[:：]?[ \t\u3000]*(?=[▶►·•｜|]|$|(?<=[ \t\u3000:：】\\]]))"
)


_DIGEST_SPLIT_RE = re.compile("[ \t\u3000]*[▶►·•｜|][ \t\u3000]*")


_DIGEST_ENTRY_RE = re.compile("^[▶►·•][ \t\u3000]*(\\S.*)$")


# The label of a box after a story: ``相关链接``, ``【延伸阅读】``, ``■背景链接``.
_LINK_LABEL_RE = re.compile(
    "^[ \t\u3000]*[【\\[■●◆□]?[ \t\u3000]*(?:相关链接|延伸阅读|背景链接|知识链接|相关阅读|名词解释|链接|背景)[ \t\u3000]*[】\\]]?[ \t\u3000]*[:：]?[ \t\u3000]*$"
)


_PAGE_REFERENCE_END_RE = re.compile(
    "(?:[（(][ \t\u3000]*)?(?:详见|见)?[ \t\u3000]*(?:第[ \t\u3000]*[0-9一二三四五六七八九十]{1,3}[ \t\u3000]*版|[A-Z][ \t\u3000]*\\d{1,2}[ \t\u3000]*版?)"
    "[ \t\u3000]*(?:[）)])?[ \t\u3000]*$"
    # A page number alone, in brackets or after a space: ``…会议召开（11版）``, ``…座谈会  9版``.
    "|[（(][ \t\u3000]*\\d{1,2}[ \t\u3000]*版[ \t\u3000]*[）)][ \t\u3000]*$|[ \t\u3000]\\d{1,2}[ \t\u3000]*版[ \t\u3000]*$"
)


# A guide's reference on a line of its own, under the entry it points from: ``详见第3版``.
_BARE_REFERENCE_RE = re.compile(
    "^[ \t\u3000]*(?:详见|见)[ \t\u3000]*第?[ \t\u3000]*[0-9一二三四五六七八九十A-Z]{1,3}[ \t\u3000]*版[ \t\u3000]*$"
)


# A source's tag in brackets before a lead: ``【环球网报道】``, ``【新华社微特稿】``, ``【央视新闻消息】``
# (not a head ending in 电: ``【两国元首互致贺电】``).
_SOURCE_TAG_RE = re.compile(f"[{HAN}]{{0,6}}(?:网|社|报|台|新闻)[{HAN}]{{0,3}}(?:报道|讯|电|稿|消息)")


# An editor's mark on a line of its own: ``责编：王某``, ``编辑：王某  校对：李某``, ``（责任编辑：王某）``,
# ``（编辑 王某 校对 李某）``; the names one to three, each two to four characters.
_EDITOR_NAMES = "[\u4e00-\u9fff·]{2,4}(?:[ \t\u3000、，,]+[\u4e00-\u9fff·]{2,4}){0,2}"


_EDITOR_ROLES = "(?:责任编辑|责编|编辑|校对|美编|版式|审校)"


_EDITOR_MARK_BODY = (
    f"(?:责任编辑|责编|编辑)[ \t\u3000]*[：:]?[ \t\u3000]*{_EDITOR_NAMES}"
    f"(?:[ \t\u3000]+{_EDITOR_ROLES}[ \t\u3000]*[：:]?[ \t\u3000]*{_EDITOR_NAMES})*"
)


_EDITOR_MARK_RE = re.compile(f"^[ \t\u3000]*[（(]?{_EDITOR_MARK_BODY}[）)]?[ \t\u3000]*$")


# The mark in brackets after the story's last sentence, on its line: ``…作出更大贡献。（编辑 冯艳）``.
_EDITOR_MARK_RUN_ON_RE = re.compile(
    f"^(.*[{_SENTENCE_END}”’」』）)])[ \t\u3000]*[（(]{_EDITOR_MARK_BODY}[）)][ \t\u3000]*$"
)


# A strip heading: a section's name papers repeat (``国内``, ``财经新闻``, ``国际要闻``, ``社会·民生``, a health
# page's ``医学资讯``), bare or set off (``【国际】``, ``■社会``, ``——财经——``); a rule line under it (``──────``).
_STRIP_NAMES = (
    "(?:国内|国际|社会|民生|经济|财经|科技|文化|体育|教育|健康|医学|法治|综合|时政|军事|环球|地方|三农)"
)


# A column of briefs' heading: ``体坛快讯``, ``【体坛速递】``, ``■体育简讯``, ``快讯``, an international
# page's ``外电快讯`` and ``【环球速览】``.
_BRIEFS_NAME = f"(?:{_STRIP_NAMES}|体坛|外电)?(?:快讯|速递|速览|简讯|短讯)"


_BRIEFS_NAME_RE = re.compile(_BRIEFS_NAME)


_STRIP_NAME = f"(?:{_BRIEFS_NAME}|{_STRIP_NAMES}(?:新闻|动态|资讯|要闻)?(?:·{_STRIP_NAMES})?)"


_STRIP_HEADING_RE = re.compile(
    f"^[ \t\u3000]*(?:{_STRIP_NAME}|【{_STRIP_NAME}】|[■●◆▶]{_STRIP_NAME}|——{_STRIP_NAME}——)[ \t\u3000]*$"
)


_RULE_LINE_RE = re.compile("^[ \t\u3000]*[─━—＝=＿_~～-]{4,}[ \t\u3000]*$")


# A digest item's source: ``（据新华社电）``, ``（据新华社）``, ``（摘自《光明日报》）``, ``（来源：人民网）``,
# ``（新华社/文）``, or ``——据《新京报》报道`` (`_Segmenter.source_mark`).
_SOURCE_MARK_BODY = (
    f"(?:[（(](?:据[{HAN}]{{2,8}}(?:电|报道|消息)?|摘自《[^《》]{{2,16}}》|来源[：:][{HAN}]{{2,10}}"
    f"|[{HAN}]{{2,8}}/文)[）)]|——据(?:《[^《》]{{2,16}}》|[{HAN}]{{2,8}})报道)"
)


_SOURCE_MARK_RE = re.compile(f"^[ \t\u3000]*{_SOURCE_MARK_BODY}[ \t\u3000]*$")


_SOURCE_MARK_RUN_ON_RE = re.compile(
    f"^(.*[{_SENTENCE_END}][{_CLOSERS}]*)[ \t\u3000]*{_SOURCE_MARK_BODY}[ \t\u3000]*$"
)


# The tail of a head wrapped onto its own line, ending in a dash that leads to the text: words, names
# and numbers, no clause mark (``原党支部书记廷·巴特尔——``).
_DASH_TAIL_RE = re.compile(f"[{HAN}A-Za-z0-9·“”]{{2,20}}——")


# A page printing this many items' sources is a page of items from its first line.
_ITEMS_PAGE_SOURCES = 2


def _prints_items_sources(lines: list[_Line]) -> bool:
    """Whether the page prints items' sources (``（据新华社电）``, ``——据《新京报》报道``) under several of
    its items: a digest page, whose items are items from its first one, before any source is read."""
    sources = sum(
        1 for line in lines if _SOURCE_MARK_RE.match(line.text) or _SOURCE_MARK_RUN_ON_RE.match(line.text)
    )
    return sources >= _ITEMS_PAGE_SOURCES


def _closed_by_its_source(group: list[_Line]) -> bool:
    """Whether a block ends with a digest item's source on a line of its own under a sentence's end
    (``…在田中劳作。`` / ``（来源：中新社）``): an item, on a page of items, though none was read above."""
    return len(group) >= 2 and bool(_SOURCE_MARK_RE.match(group[-1].text)) and _ends_sentence(group[-2:-1])


def _after_source_mark(group: list[_Line]) -> int | None:
    """The index of the line after a digest item's source inside a block, text above it: after its
    last sentence (``…仪式。（据新华社电）``) or on a line of its own under a line ending a sentence; None
    when no source stands before the block's last line."""
    for index, line in enumerate(group[:-1]):
        if _SOURCE_MARK_RUN_ON_RE.match(line.text):
            return index + 1
        if index and _SOURCE_MARK_RE.match(line.text) and _ends_sentence(group[index - 1 : index]):
            return index + 1
    return None
