"""Advertisements and notices: texts that ask the reader to call or apply, not reports of news. Pure.

A paper prints paid pages and notices beside its news (a pharmacy chain's pledge ending 企业联系热线：010-…,
an online school's 咨询电话：400-…, a recruitment 公告). They hold the topic's words as often as news does
(疫情), but a reader asking for news or a fact wants the report. Such a text is told by two conventions:

- a **contact line**: a hotline, telephone or web address given with a colon (咨询电话：400-800-2211,
  网址：http://…) near the text's end, where a notice tells the reader how to answer it;
- **no reporter**: its opening names no byline or dateline (本报北京2月25日电, 新华社, 记者, 通讯员): a news
  report giving a hotline (心理援助热线电话为…) is still a report.

A **paid page** is told by a sponsor line instead: the text ends naming who supplied it (数据来源：华润（集团）
有限公司, 数据来源：某市委宣传部), as the paper closes a sponsored page, and no reporter opens it. Such a page holds
facts readers ask about (a city's own page), so it stays among a search's results and answers; only a day's
listing puts it after the day's news.
"""

from __future__ import annotations

import re

# How much of a text's end a contact line is looked for in, and of its opening a byline.
TAIL_CHARS = 300
OPENING_CHARS = 200

_CONTACT_LINE = re.compile(r"(?:^|\n|\s{2})[^\n。！？]{0,10}(?:热线|电话|网址)\s*[：:]\s*[0-9A-Za-z(（]")
_SPONSOR_LINE = re.compile(r"(?:^|\n|\s{2})数据来源\s*[：:][^\n。！？]{2,40}\s*$")
_BYLINE = re.compile(r"记者|本报|通讯员|新华社|日电|电\s|综合报道|央视网|消息")


def reads_as_notice(opening: str, tail: str) -> bool:
    """Whether a text whose first `OPENING_CHARS` are `opening` and whose last `TAIL_CHARS` are `tail` is
    an advertisement or a notice: a contact line near its end and no reporter in its opening."""
    return bool(_CONTACT_LINE.search(tail)) and not _BYLINE.search(opening)


def reads_as_paid_page(opening: str, tail: str) -> bool:
    """Whether a text (its `opening` and `tail`, as `reads_as_notice` takes them) is a paid page: a sponsor
    line ending it and no reporter in its opening."""
    return bool(_SPONSOR_LINE.search(tail)) and not _BYLINE.search(opening)


def notice_text(body: str) -> bool:
    """`reads_as_notice` of a whole text."""
    return reads_as_notice(body[:OPENING_CHARS], body[-TAIL_CHARS:])
