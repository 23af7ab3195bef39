"""Lines a district or county 融媒体 paper prints that no story holds or that close a story in its own way
(the kind of paper the seed page comes from): its masthead's issue number, 农历 date, 主办/出版 and
licence lines; the hotlines and address under the page; a 公益广告 box; a 图片新闻 label; a numbered
column of briefs (``1.…``, ``一、…``, ``①…``); a unit's credit closing a story (``（淮河路街道供稿）``);
a photographer's credit closing a picture story (``融媒体记者 王某 摄``).

Used by `storage.ingest.ocr_page`'s segmenter; each function is a predicate or a split of one line.
"""

from __future__ import annotations

import re

HAN = "\u4e00-\u9fff"
_SPACE = "[ \t\u3000]"

# The masthead's own lines: ``第1412期  今日8版``, ``总第1025期``, ``农历庚子年正月十五``,
# ``中共中牟县委主办  中牟县融媒体中心出版``, ``内部资料 准印证号：豫51-9586``, ``国内统一连续出版物号 CN41-8754``.
_ISSUE_NUMBER_RE = re.compile(
    f"^(?:总?第{_SPACE}*\\d{{1,5}}{_SPACE}*期)?{_SPACE}*(?:(?:今日|本期){_SPACE}*\\d{{1,2}}{_SPACE}*版)?$"
)
_LUNAR_RE = re.compile(f"农历{_SPACE}*[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年")
# What may stand before a 农历 date on its line: the date and weekday.
_DATE_PREFIX_RE = re.compile("[0-9 \t\u3000年月日星期周一二三四五六日天]*")
_PUBLISHER_RE = re.compile(
    f"^(?:[{HAN}]{{1,20}}(?:委员会|委|人民政府|政府|融媒体中心|报社|宣传部|传媒集团|传媒中心)"
    f"(?:主办|主管|出版|编辑出版)(?:{_SPACE}+|$))+$"
)
_LICENCE_RE = re.compile("准印证|连续出版物号|CN\\d{2}-\\d{4}|邮发代号")
# Under the page: ``新闻热线：0371-68818052``, ``投稿邮箱：eqrm61@163.com``, ``地址：…  邮编：450109``,
# ``印刷：郑州新华印务有限公司``.
_SERVICE_RE = re.compile(
    "^(?:新闻热线|广告热线|热线电话|服务热线|投稿邮箱|投稿信箱|电子邮箱|地址|印刷|发行|传真)[:：]"
    "(?:[^，。！？]*(?:\\d{3,}|@|公司|印刷厂)[^，。！？]*)$"
)
# A county paper's name alone at the top of page 1: ``二七融媒``, ``中牟报``, spaced ``巩 义 融 媒``.
_COUNTY_PAPER_RE = re.compile(f"^[{HAN}]{{2,5}}(?:融媒|报)$")
# A public-service advertisement: ``公益广告`` over ``讲文明 树新风`` / ``中牟县文明办 宣``.
_AD_LABEL_RE = re.compile(
    f"^{_SPACE}*[【\\[]?{_SPACE}*公{_SPACE}*益{_SPACE}*广{_SPACE}*告{_SPACE}*[】\\]]?{_SPACE}*$"
)
_AD_SPONSOR_RE = re.compile(f"^{_SPACE}*[{HAN}]{{2,16}}{_SPACE}+宣{_SPACE}*$")
# A picture story's label: ``图片新闻``, ``【图片新闻】``, ``图 片 新 闻``, ``新闻图片``.
_PICTURE_LABEL_RE = re.compile(
    f"^{_SPACE}*[【\\[]?{_SPACE}*(?:图{_SPACE}*片{_SPACE}*新{_SPACE}*闻|新{_SPACE}*闻{_SPACE}*图{_SPACE}*片|图{_SPACE}*说)"
    f"{_SPACE}*[】\\]]?{_SPACE}*$"
)
# A brief's number in a column of briefs: ``1.``, ``1、``, ``一、``, ``①``.
_NUMBER_MARK_RE = re.compile(
    f"^{_SPACE}*(?:\\d{{1,2}}[.．、]|[一二三四五六七八九十]{{1,2}}、|[①②③④⑤⑥⑦⑧⑨⑩]){_SPACE}*"
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
# A unit's credit closing a story, on its last line or under it: ``…成效明显。（淮河路街道供稿）``.
_SUPPLIED_RE = re.compile(
    f"^(.*?[。！？…][”’」』）)]*)?{_SPACE}*[（(]{_SPACE}*([{HAN}A-Za-z0-9·]{{2,24}}){_SPACE}*供稿{_SPACE}*[）)]{_SPACE}*$"
)
# A photographer's credit closing a picture story's caption: ``…举行。 融媒体记者 王某 摄``, ``王某摄``,
# up to three names (``新华社记者 王某 李某 摄``).
_PHOTOGRAPHER_RE = re.compile(
    f"^(.*?[。！？…][”’」』）)]*)?{_SPACE}*"
    f"((?:融媒体记者|本报记者|新华社记者|摄影记者|见习记者|记者|通讯员)?{_SPACE}*"
    f"[{HAN}·]{{2,4}}(?:{_SPACE}+[{HAN}·]{{2,4}}){{0,2}}){_SPACE}*摄{_SPACE}*$"
)


def is_county_furniture(text: str) -> bool:
    """A masthead or service line of a county paper: issue number, 农历 date, 主办/出版, licence, hotline,
    mail, address or printer."""
    bare = text.strip()
    if not bare or len(bare) > 60 or re.search("[。！？]", bare):
        return False
    if re.search("\\d", bare) and _ISSUE_NUMBER_RE.match(bare):
        return True
    lunar = _LUNAR_RE.search(bare)
    if lunar and not re.search("[，；]", bare) and _DATE_PREFIX_RE.fullmatch(bare[: lunar.start()]):
        return True  # ``农历庚子年正月十五``, after the date or alone; not ``（记者郑明达）在农历庚子年``
    if _PUBLISHER_RE.match(bare) and not re.search("[，；：]", bare):
        return True
    if _LICENCE_RE.search(bare) and not re.search("[，；]", bare):
        return True
    return bool(_SERVICE_RE.match(bare))


def is_county_paper_name(text: str) -> bool:
    """A county paper's name (``二七融媒``, ``中牟报``), spaces removed: only at the top of a page."""
    return bool(_COUNTY_PAPER_RE.match(re.sub(f"{_SPACE}+", "", text)))


def is_ad_box(texts: list[str]) -> bool:
    """A 公益广告 box: its label, or a slogan of at most two lines over its sponsor's ``…文明办 宣``."""
    if not texts or len(texts) > 4:
        return False
    if _AD_LABEL_RE.match(texts[0]):
        return True
    return bool(_AD_SPONSOR_RE.match(texts[-1])) and not any(re.search("[，。！？]", t) for t in texts)


def is_picture_label(text: str) -> bool:
    return bool(_PICTURE_LABEL_RE.match(text))


def number_mark(text: str) -> re.Match[str] | None:
    """A brief's number opening the line (``1.``, ``一、``, ``①``)."""
    return _NUMBER_MARK_RE.match(text)


def brief_number(mark: str) -> int:
    """The value of a brief's number mark: ``3.`` → 3, ``十二、`` → 12, ``④`` → 4."""
    bare = re.sub(f"[.．、{_SPACE[1:-1]}]", "", mark)
    if bare.isascii() and bare.isdigit():
        return int(bare)
    if bare in _CIRCLED:
        return _CIRCLED.index(bare) + 1
    digits = "一二三四五六七八九"
    if bare == "十":
        return 10
    if bare.startswith("十"):
        return 10 + digits.index(bare[1]) + 1
    if bare.endswith("十"):
        return (digits.index(bare[0]) + 1) * 10
    if "十" in bare:
        return (digits.index(bare[0]) + 1) * 10 + digits.index(bare[2]) + 1
    return digits.index(bare) + 1 if bare in digits else 0


def supplied_credit(text: str) -> tuple[str, str] | None:
    """(the text before it, the unit) when the line ends with a unit's ``（…供稿）``."""
    found = _SUPPLIED_RE.match(text)
    if not found:
        return None
    return found.group(1) or "", found.group(2)


def photographer_credit(text: str) -> tuple[str, str] | None:
    """(the caption text before it, the credit without 摄) when the line ends with a photographer's
    credit."""
    found = _PHOTOGRAPHER_RE.match(text)
    if not found:
        return None
    return found.group(1) or "", found.group(2).strip()
