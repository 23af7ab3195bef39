"""The masthead at the top of a page: the paper's name, date, weekday, page number and section, a banner
over the first headline."""

from __future__ import annotations

import re

from storage.ingest.page_county import is_county_paper_name
from storage.ingest.page_documents import is_order_title
from storage.ingest.page_lines import (
    _CAPTION_RE,
    _DATELINE_RE,
    _HEADLINE_MAX_LINES,
    _MULTI_SPACE_RE,
    _PAGE_NUMBER_RE,
    _PAPER_NAME_RE,
    _PROSE_PUNCT_RE,
    HAN,
    _closes_a_bracket,
    _is_headline_like,
    _Line,
    _paper_name,
    is_byline,
    is_dotted_date,
    is_masthead_item,
    is_menu_link,
    is_page_furniture,
    is_site_links,
)

# The masthead's date and section (its name: `page_lines._paper_name`).
_MAST_DATE_RE = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*(?:\d{1,2}\s*日?)?)?\s*(?:星期[一二三四五六日天]|周[一二三四五六日])?$"
)


_SECTION_RE = re.compile(f"^[{HAN}]{{1,4}}(?:·[{HAN}]{{2,4}})?(?:新闻|版)?$")


# A city paper's page number alone at the top of the page (``A07`` over ``都市·关注``).
_BARE_PAGE_CODE_RE = re.compile("^[A-Z][0-9]{2}$")


# Lines at the top of a page that may belong to its masthead.
_MASTHEAD_REACH = 10


# A special page's banner: the page's kind in brackets or before a middle dot, or alone (``【专题】…``,
# ``专题·奋进新时代``, ``特别策划``).
_BANNER_RE = re.compile(
    f"^(?:[【〔\\[](?:专题|专版|特刊|特别策划|特别报道)[】〕\\]][{HAN}·、 ]{{0,16}}|(?:专题|专版|特刊)·[{HAN}·]{{2,12}}|"
    "特别策划|特别报道|专题报道)$"
)


def _banner_over_headline(lines: list[_Line], position: int) -> bool:
    """A banner and its ``——`` line over a page's first headline: a block of a line and a ``——…`` line
    at the top, another block of headline lines under it, then a byline, a dateline or text. A
    headline's subtitle stands under its own main line, never over another headline."""
    block = lines[position : position + 2]
    if len(block) < 2 or not lines[position].blank_before and position:
        return False
    if not block[1].text.strip().startswith("——") or block[1].blank_before:
        return False
    under = lines[position + 2 : position + 2 + _HEADLINE_MAX_LINES + 1]
    if not under or not under[0].blank_before:
        return False
    head = [under[0]]
    for line in under[1:]:
        if line.blank_before:
            break
        head.append(line)
    if any(_PROSE_PUNCT_RE.search(x.text) or is_byline(x.text) or _DATELINE_RE.match(x.text) for x in head):
        return False
    return _is_headline_like(head) and not _CAPTION_RE.match(head[0].text)


# A section's name and the page's number set apart by spaces: ``文摘  04``, ``新闻集锦  15``.
_SECTION_PAGE_RE = re.compile(f"^[ \t\u3000]*[{HAN}·]{{2,8}}[ \t\u3000]+[0-9]{{1,2}}[ \t\u3000]*$")


# A section's name and the page's number joined by a bar: ``经济｜10``, ``经济·产业|18``.
_SECTION_BAR_PAGE_RE = re.compile(
    f"^[ \t\u3000]*[{HAN}·]{{2,8}}[ \t\u3000]*[｜|][ \t\u3000]*[0-9]{{1,2}}[ \t\u3000]*$"
)


def _site_menu_lines(lines: list[_Line]) -> set[int]:
    """Line numbers of a site's menu names read one a block (``评论`` between ``时政  国际`` and ``图片  视频``,
    the OCR having read the menu bar in pieces), on a page that prints the site's own links elsewhere."""
    if not any(is_site_links(line.text) for line in lines):
        return set()
    return {
        line.number
        for position, line in enumerate(lines)
        if is_menu_link(line.text)
        and (line.blank_before or not position)
        and (position + 1 == len(lines) or lines[position + 1].blank_before)
    }


def _masthead_lines(lines: list[_Line]) -> set[int]:
    """Line numbers of the masthead (paper name, date, weekday, page number and section), at the top of
    the page or standing alone elsewhere (an OCR engine may read the masthead after a story block), and of
    a site's menu read in pieces (`_site_menu_lines`)."""
    out: set[int] = _site_menu_lines(lines)
    after_page_number = False
    for position, line in enumerate(lines):
        text = _MULTI_SPACE_RE.sub("", line.text)
        top = position < _MASTHEAD_REACH and not any(_PROSE_PUNCT_RE.search(x.text) for x in lines[:position])
        if not text:
            continue
        mark = False
        if (_paper_name(line.text) and (top or line.blank_before)) or (top and is_county_paper_name(text)):
            mark = True
        elif _MAST_DATE_RE.match(text) and (top or "星期" in text) and re.search("[0-9星周]", text):
            mark = True
        elif (top and _BARE_PAGE_CODE_RE.match(text)) or (
            _PAGE_NUMBER_RE.match(text)
            and len(text) <= 12
            and not _PROSE_PUNCT_RE.search(text)
            and not _closes_a_bracket(text)
        ):
            mark = True
            # The section under the page number (``第4版`` / ``要闻``), unless printed beside it
            # (``第2版 体育``, garbled ``第6版经``): then a short line under it is a headline.
            page_number = _PAGE_NUMBER_RE.search(text)
            after_page_number = not (page_number and re.search(f"[{HAN}]", text[page_number.end() :]))
            out.add(line.number)
            continue
        elif after_page_number and _SECTION_RE.match(text) and (top or line.blank_before):
            mark = True
        elif top and _SECTION_PAGE_RE.match(line.text) and position and lines[position - 1].number in out:
            # A page strip's section and page number under its date (``2020年1月18日  星期六`` /
            # ``文摘  04``).
            mark = True
        elif top and (_SECTION_BAR_PAGE_RE.match(line.text) or is_dotted_date(text)):
            # A page strip's section and page number joined by a bar (``经济｜10``), its date in dots
            # (``2020.1.14``).
            mark = True
        elif (
            top and _masthead_items(line.text) and not (position and is_order_title(lines[position - 1].text))
        ):
            # (An order's number under its title, ``中华人民共和国国务院令`` / ``第722号``, is a document's.)
            mark = True
        elif top and (
            _BANNER_RE.match(text)
            or (
                text.startswith("——")
                and not line.blank_before
                and position
                and lines[position - 1].number in out
            )
            or _banner_over_headline(lines, position)
        ):
            # A special page's banner over the whole page (``【专题】推动高质量发展``, ``特别策划``) and the
            # line under it (``——记者蹲点见闻``): no story's headline.
            mark = True
        after_page_number = False
        if mark:
            out.add(line.number)
    return out


def _masthead_items(text: str) -> bool:
    """A line at the top of the page holding only masthead items apart by wide spaces: the paper's name
    (spaced or not, ``大 众 日 报``), the organ it speaks for (``中共河北省委机关报``), its issue number
    (``第21057号``), page furniture (date, ``今日16版``), or the section last after the paper's name."""
    parts = [p for p in re.split("[ \t\u3000]{2,}", text.strip()) if p]
    named = [part for part in parts if _PAPER_NAME_RE.match(re.sub(r"\s+", "", part))]
    # Beside the paper's name, the page's section (``人民日报  体育新闻``).
    return bool(parts) and all(
        part in named
        or is_masthead_item(part)
        or is_page_furniture(part)
        or (named and part is parts[-1] and _SECTION_RE.match(part))
        for part in parts
    )
