"""What one line of an OCR'd newspaper page is, and the line groups around it.

The line-level part of the page parser (`storage.ingest.ocr_page`): the patterns of datelines, bylines,
end marks, jump lines, captions and page furniture (running headers and footers); cleaning prose and
headline lines of the OCR's stray spaces; reading bylines and dateline dates; measuring a line in cells;
a story's opening text; the page's blank-line groups and what a group looks like (prose, a body
fragment, a headline, a story's opening). Beside it: `storage.ingest.page_line_split` splits the text into
these numbered lines (side-by-side columns apart, wrapped notes and datelines mended), and
`storage.ingest.page_paragraphs` tells where a paragraph ends and joins wrapped lines again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from storage.ingest.page_county import (
    is_county_furniture,
)

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


_HAN_RE = re.compile(f"[{HAN}]")


# Characters between which a space is never meaningful in Chinese prose: Han, CJK punctuation, digits.
_TIGHT = f"{HAN}0-9\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"


_STRAY_SPACE_RE = re.compile(f"(?<=[{_TIGHT}])[ \t\u3000\u00a0]+(?=[{_TIGHT}])")


# Between digits, and inside a decimal number after its point (`PM2. 5` → `PM2.5`): Chinese prose ends
# sentences with `。`, so an ASCII point between digits is always a decimal point.
_DIGIT_SPACE_RE = re.compile("(?<=[0-9])[ \t\u3000\u00a0]+(?=[0-9])|(?<=[0-9]\\.)[ \t\u3000\u00a0]+(?=[0-9])")


# Leading indent the OCR kept: a full-width space, or two or more ASCII spaces / a tab.
_INDENT_RE = re.compile("^(?:\u3000|[ \u00a0]{2,}|\t)")


_MULTI_SPACE_RE = re.compile(r"[ \t\u3000\u00a0]+")


_SENTENCE_END = "。！？!?…"


_CLOSERS = "”’」』）)》〉】"


_SOFT_END = "；：;:"


# A sentence end, or a whole line in brackets closing a story (``（本报罗马2月13日电）``, ``（作者为…）``).
_FINAL_RE = re.compile(f"[{_SENTENCE_END}][{_CLOSERS}]*$|^[ \t\u3000]*[（(][^（()）]{{2,40}}[）)]$")


# A clause end, or a dash leading into what follows (``…写的一段话——`` over a quote).
_SOFT_FINAL_RE = re.compile(f"(?:[{_SOFT_END}]|——)[{_CLOSERS}]*$")


# Punctuation that headlines practically never carry but prose always does.
_PROSE_PUNCT_RE = re.compile("[，。；！？：,;]")


# Datelines: 本报讯, 本报4月4日讯, 本报郑州4月4日电, 新华社北京4月4日电, 据新华社电, 中新网4月4日电,
# 央视网消息, optionally with a parenthesised byline.
# The date's digits may be lost by the OCR (``本报北京1月 日电``): the dateline is one all the same.
# A place of more than six characters (``柬埔寨西哈努克港``, ``布宜诺斯艾利斯``) only with its date.
_PLACE_AND_DATE = (
    r"(?:[\u4e00-\u9fff]{0,6}?\s*(?:\d{0,2}\s*月\s*\d{0,2}\s*日)?"
    r"|[\u4e00-\u9fff]{7,10}?\s*\d{0,2}\s*月\s*\d{0,2}\s*日)\s*"
)


_DATELINE_RE = re.compile(
    rf"^\s*(本报讯|本报{_PLACE_AND_DATE}[电讯]|据?新华社{_PLACE_AND_DATE}电"
    # A city paper's own: ``晚报讯``, ``新京报讯``, ``扬子晚报讯``, then its reporters, a space or the date.
    rf"|[\u4e00-\u9fff]{{1,5}}报讯(?=[\s（(0-9]|$)"
    rf"|据?(?:中新社|中新网|人民网|央视网|新华网){_PLACE_AND_DATE}电|央视网消息|新华网消息)"
    # The reporters in brackets; an OCR engine may put a stray quote mark before them (``电 ”(记者…)``).
    r"(?:[\s”“\"'’]*[（(]([^）)]{1,40})[）)])?"
)


# A line ending in a dateline (``…据新华社东京2月24日电``): its reporters in brackets may follow.
_DATELINE_END_RE = re.compile(rf"(?:本报|新华社|中新社){_PLACE_AND_DATE}电\s*$")


_DATE_IN_DATELINE_RE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")


_RELATIVE_DAYS = {"近日": 0, "日前": 0, "今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2}


# The reporters a paper's own dispatch runs in before its lead (``本报讯 记者王浩 通讯员李明报道：近日，…``):
# the lead's first clause opens after them.
_RUN_IN_REPORTERS_RE = re.compile("^(?:本报)?(?:特约)?(?:记者|通讯员)[^，。：:]{1,30}?报道[：:]")


_PAGE_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


# A city paper's header prints the date with dots (``2019.10.28  星期一``), some with dashes or slashes.
_DOTTED_DATE_RE = re.compile(r"(?<![0-9.])(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![0-9.])")


# Page furniture: the running header or footer (date and weekday, page number, section, editors' credits).
_WEEKDAY_RE = re.compile("星期[一二三四五六日天]|周[一二三四五六日]")


# Bold digits an OCR engine read as Latin letters count as the page's number (``第zs版`` for ``第15版``).
_PAGE_NUMBER_RE = re.compile(
    r"第\s*(?:[0-9一二三四五六七八九十]{1,3}|[0-9A-Za-z]{2})\s*版|(?:^|\s)[A-Za-z]?\d{1,2}\s*版(?:\s|$)"
)


# A page number as a city or provincial paper's header prints it, before its section: ``A05  城事``,
# ``08  综合新闻`` (a letter and two digits, or two digits; a space before the section). A number read
# with its unit (``10 月份``, ``12 名``) is text.
_PAGE_CODE_RE = re.compile(
    f"^[ \t\u3000]*(?:[A-Z]\\d{{2}}|\\d{{2}})(?:[ \t\u3000]+|[ \t\u3000]*[｜|][ \t\u3000]*)(?![月日年时点岁个名万亿元家次号])"
    f"[{HAN}·]{{1,8}}(?:[ \t\u3000]|$)"
    # Or the section first and the page's code after it: ``民生·热线  B02``, ``理论周刊  09``.
    f"|^[ \t\u3000]*[{HAN}·]{{1,8}}[ \t\u3000]{{2,}}[A-Z]?\\d{{2}}[ \t\u3000]*$"
    # Or the section, the page's two digits and the full date: ``评论·观点  09  2019年2月23日``.
    f"|^[ \t\u3000]*[{HAN}·]{{1,8}}[ \t\u3000]{{2,}}\\d{{2}}[ \t\u3000]{{2,}}\\d{{4}}年\\d{{1,2}}月\\d{{1,2}}日[ \t\u3000]*$"
)


# A note pointing the reader to another page (``（相关报道见第四版）``, ``（讲话全文见第三版）``): text of the
# story it closes, printed in brackets after its sentence.
_REFERENCE_NOTE_RE = re.compile(
    r"^[ \t\u3000]*[（(][^（()）]{0,16}见第?\s*[0-9一二三四五六七八九十]{1,3}\s*版[）)][ \t\u3000]*$"
)


_EDITOR_ROLES = "责任编辑|责编|编辑|校对|美编|审读|版式设计|版式|制图"


# The credit may stand in brackets after a wire story's end mark, with a colon: ``【编辑:张子怡】``,
# ``（责任编辑：王某）`` (``（编辑手记）`` closing a headline is no credit); a two-character name padded to
# three cells after a colon on some (``本版制图：郭  祥``).
_EDITOR_CREDIT_RE = re.compile(
    f"(?:^|\\s)(?:本版)?(?:{_EDITOR_ROLES})\\s*(?:[:：]?\\s*[{HAN}]{{2,4}}|[:：]\\s*[{HAN}][ \t\u3000]{{1,2}}[{HAN}])(?:\\s|$)"
    f"|[【（(\\[](?:本版)?(?:{_EDITOR_ROLES})\\s*[:：]\\s*[{HAN}]{{2,4}}(?:[、 ][{HAN}]{{2,4}}){{0,3}}\\s*[】）)\\]]"
)


# Contact lines under an editor's credit: ``电话：010-6…``, ``E-mail：…``; their colons are no prose.
_CONTACT_ROLES = "电话|传真|E-mail|Email|邮箱"


# A site's date and time over the article it dates, with its source, author or font buttons round it,
# no sentence's punctuation: ``2020-01-12 08:57  来源：人民网－人民日报``, ``来源：人民日报  |  2020年01月12日
# 08:57``, ``人民日报  2020-01-12 19:26``, ``发布时间：2020-01-27 11:32  来源：人民日报  作者：王某``.
_STAMP_DATE = r"(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2}))"
_WEB_STAMP = (
    f"^(?=[^。！？，]{{0,64}}$)(?:[^。！？，\\d]{{0,20}}?[ \t\u3000|｜]+|发布时间[:：][ \t\u3000]*)?"
    f"{_STAMP_DATE}[ \t\u3000]*\\d{{1,2}}[:：]\\d{{2}}(?:[:：]\\d{{2}})?"
    f"(?:[ \t\u3000|｜]+(?:来源|作者|字号|编辑|责任编辑)[:：][^。！？，]*)?$"
)
_WEB_STAMP_RE = re.compile(_WEB_STAMP)
_STAMP_AUTHOR_RE = re.compile(f"[ \t\u3000]作者[:：][ \t\u3000]*([{HAN}][{HAN} \t\u3000、]{{1,30}})$")


def stamp_author(line: str) -> str | None:
    """The author a site's date line names (``… 来源：人民日报  作者：王某 李某``), as a byline."""
    text = line.strip()
    found = _STAMP_AUTHOR_RE.search(text) if _WEB_STAMP_RE.match(text) else None
    return f"作者：{found[1].strip()}" if found else None


# A site's own links on a line of their own: its menu (``首页  要闻  时政  国际  评论``), a digital edition's
# page-turning links (``上一版  下一版  版面导航``) and the links at its foot (``关于我们 | 联系我们 | 版权声明``):
# two links or more, apart by spaces, bars or the stray marks an OCR engine reads between them
# (``时政 ”国际“评论``), or one link no section name could be (``下一版``, ``网站地图``).
_SITE_MENU_LINKS = "首页|要闻|时政|国内|国际|社会|财经|经济|评论|观点|图片|视频|体育|文化|科技|教育|健康|军事|地方|专题|数字报|电子版"
_SITE_PAGE_LINKS = (
    "首页|数字报|电子版|上一版|下一版|上一期|下一期|上一篇|下一篇|版面导航|版面目录|本版目录|返回目录|返回首页|往期回顾"
    "|关于我们|联系我们|版权声明|网站地图|广告服务|隐私政策|意见反馈|免责声明|法律声明"
)
_LINK_GAP = "[ \t\u3000|｜·•/／”“\"'。，、,.]"
_SITE_LINKS = (
    f"^{_LINK_GAP}*(?:{_SITE_MENU_LINKS}|{_SITE_PAGE_LINKS})(?:{_LINK_GAP}+(?:{_SITE_MENU_LINKS}|{_SITE_PAGE_LINKS}))+"
    f"{_LINK_GAP}*$|^{_LINK_GAP}*(?:{_SITE_PAGE_LINKS}){_LINK_GAP}*$"
)
_SITE_LINKS_RE = re.compile(_SITE_LINKS)
_MENU_LINK_RE = re.compile(f"^{_LINK_GAP}*(?:{_SITE_MENU_LINKS}){_LINK_GAP}*$")


def is_site_links(text: str) -> bool:
    """A line of a site's own links: its menu, an edition's page-turning links, the links at its foot."""
    return bool(_SITE_LINKS_RE.match(text.strip()))


def is_menu_link(text: str) -> bool:
    """One name of a site's menu alone (``评论``, ``视频``): a link on a page printing the site's links."""
    return bool(_MENU_LINK_RE.match(text.strip()))


# A site's copyright at its foot: ``Copyright © 2020 people.com.cn``, ``人民日报社版权所有，未经书面授权禁止
# 使用`` (no sentence's end in it).
_SITE_COPYRIGHT = (
    "^(?=[^。！？]{0,80}$).*(?:(?i:copyright)|©|版权所有[ \t\u3000，,]*(?:未经|不得|禁止|违者|$))"
)


# Lines that say where a text or a chart comes from, in no story: a chart's title and notes
# (``图表：…``, ``数据来源：国家统计局  制图：王某``, ``（数据来源：海关总署）``), a web page's date and
# source under its title (``2020年01月14日02:40  来源：人民网－人民日报``), a rule between texts.
_SOURCE_NOTE_RE = re.compile(
    "^[（(]?(?:数据来源|资料来源|图表制作|图表来源|制表|制图)[:：][^。！？，]{1,40}[）)]?$"
    "|^图表[:：][^。！？，]{1,24}$"
    "|^\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*\\d{1,2}[:：]\\d{2}(?:[ \t\u3000]*来源[:：][^。！？，]{1,24})?$"
    "|^[-=—_*~·]{5,}$"
    # An export's banner: ``导出时间：2020-01-21  共5条``.
    "|^(?:导出时间|导出日期|检索时间)[:：][^。！？，]{4,40}$"
    # Where a story's picture comes from, under its text: ``图片来源：新华社``, ``（资料图片）``,
    # ``（图片由受访者提供）``.
    "|^[（(]?(?:图片来源|图片提供|图源)[:：][^。！？，]{1,20}[）)]?$"
    "|^[（(](?:资料图片|资料照片|图片由[^（()）。，]{1,12}提供)[）)]$"
    # A site's furniture round an article copied from it: a breadcrumb (``人民网 >> 时政 >> 正文``), the
    # paper's own title (``原标题：…``), the source (``本文来源：人民日报``), the readers' count
    # (``阅读 1.2万  在看 35``) and the site's buttons (``分享到：``, ``【纠错】``, ``点击右上角分享``).
    f"|^[^\\s>＞»。！？，]{{1,12}}(?:\\s*(?:>>|>|＞＞|＞|»)\\s*[^\\s>＞»。！？，]{{1,12}}){{2,5}}$"
    "|^原标题[:：].{2,80}$"
    "|^(?:本文)?来源[:：][^。！？，:：]{1,16}(?:[ \t\u3000]+(?:责任编辑|编辑)[:：][^。！？，]{1,12})?$"
    "|^阅读[ \t\u3000]*[0-9.]+[万+]*(?:[ \t\u3000]+(?:在看|点赞|赞|转发)[ \t\u3000]*[0-9.]+[万+]*)*$"
    "|^(?:分享到[:：]?|【纠错】|纠错|点击右上角分享|扫一扫在手机打开当前页|打印本页|关闭窗口)$"
    f"|{_WEB_STAMP}"
    # A site's own links (its menu, an edition's page-turning links, the links at its foot) and its copyright.
    f"|{_SITE_LINKS}"
    f"|{_SITE_COPYRIGHT}"
)


# A label over a story's summary, dropped: ``核心提示``, ``【核心阅读】``, ``■内容提要：``.
_SUMMARY_LABEL_RE = re.compile(
    "^[ \t\u3000]*[【\\[■●◆□]?[ \t\u3000]*(?:核心提示|核心阅读|内容提要|内容摘要|阅读提示)[ \t\u3000]*[】\\]]?[ \t\u3000]*[:：]?[ \t\u3000]*$"
)


# A party paper's masthead items: ``中共河北省委机关报``, its issue number ``第21057号``.
_ORGAN_RE = re.compile(f"^中共[{HAN}]{{1,10}}委(?:员会)?机关报$")


_ISSUE_NO_RE = re.compile(r"^第\s*\d{3,6}\s*号$")


def is_masthead_item(text: str) -> bool:
    """A party paper's masthead line: the organ it speaks for, or its issue number."""
    bare = re.sub(r"\s+", "", text)
    return bool(_ORGAN_RE.match(bare) or _ISSUE_NO_RE.match(bare))


# A page's notices, in no story: a notice under its label in one block (``公告`` / ``【招聘公告】`` over its
# text, its signatory and date), a weather box (``天气预报`` over lines giving ℃), and a list of
# appointments under its label (``人事任免`` alone, ``任命王某为…；`` / ``免去李某的…职务。`` under it).
_NOTICE_LABEL_RE = re.compile(
    "^[ \t\u3000]*[【\\[]?(?:公告|通告|启事|声明|遗失声明|招聘公告|招标公告|更正|更正声明|讣告|寻人启事)[】\\]]?[ \t\u3000]*$"
)
_WEATHER_LABEL_RE = re.compile("^[ \t\u3000]*[【\\[]?(?:天气预报|今日天气|天气)[】\\]]?[ \t\u3000]*$")
_APPOINTMENTS_LABEL_RE = re.compile(
    "^[ \t\u3000]*[【\\[]?(?:人事任免|任免名单|任免事项)[】\\]]?[ \t\u3000]*$"
)
_APPOINTMENT_RE = re.compile("^[ \t\u3000]*(?:任命|免去)")


# A sports page's results box: its label (``■赛果``, ``【比赛结果】``, ``成绩单``, ``积分榜``) over lines
# each giving a score (``中国队以0∶3负于伊朗队``), none ending a sentence.
_RESULTS_LABEL_RE = re.compile(
    "^[ \t\u3000]*[■●◆【\\[]?(?:赛果|比赛结果|赛果速递|成绩单|积分榜|比分)[】\\]]?[ \t\u3000]*$"
)
_SCORE_LINE_RE = re.compile("^[^。！？]*[0-9０-９]+[∶:：][0-9０-９]+[^。！？]*$")


# An economy page's data box: its label naming figures or rates (``■数说``, ``【数读】``, ``数字速览``,
# ``数据看台``, ``人民币汇率中间价``, ``【今日汇率】``, ``■外汇牌价``) over short lines each holding a figure
# (``社会消费品零售总额增长8%``, ``1美元  7.0925元``), none ending a sentence.
_DATA_LABEL_RE = re.compile(
    f"^[ \t\u3000]*[■●◆【\\[]?[ \t\u3000]*[{HAN}·]{{0,5}}(?:数说|数读|数据|数字|汇率|牌价)[{HAN}·]{{0,5}}"
    "[ \t\u3000]*[】\\]]?[ \t\u3000]*$"
)
_FIGURE_LINE_RE = re.compile("^[^。！？]{0,40}[0-9０-９][^。！？]{0,40}$")


def is_notice_box(texts: list[str]) -> bool:
    """A notice under its label, a weather box, a results box or a data box, in one block of lines."""
    if len(texts) < 2:
        return False
    if _NOTICE_LABEL_RE.match(texts[0]):
        return True
    if _RESULTS_LABEL_RE.match(texts[0]):
        return all(_SCORE_LINE_RE.match(text) for text in texts[1:])
    if _DATA_LABEL_RE.match(texts[0]) and len(texts) >= 3:
        return all(_FIGURE_LINE_RE.match(text) for text in texts[1:])
    return bool(_WEATHER_LABEL_RE.match(texts[0])) and all("℃" in text for text in texts[1:])


# A notice a paper prints as a box between stories, in one block: its title (``关于…的公示``, ``…的通告``,
# ``…的通知``, wrapped over lines on some) opening the block, the signing date (``2020年1月10日``, after its
# unit on the line or alone) closing it.
_NOTICE_TITLE_RE = re.compile("^关于[^。！？；：]{2,60}?的(?:公示|公告|通告|通知|通报)")
_SIGNING_DATE_RE = re.compile(
    f"^[ \t\u3000]*(?:[{HAN}（）()·]{{2,30}}[ \t\u3000]+)?\\d{{4}}年\\d{{1,2}}月\\d{{1,2}}日[ \t\u3000]*$"
)


# A document's signature under its text: the signing unit (``市人民政府办公室``, ``全国人民代表大会常务委员会``)
# over the signing date alone, or both on one line.
_SIGNING_UNIT_RE = re.compile(
    f"^[ \t\u3000]*[{HAN}（）()、·]{{1,28}}(?:局|委|会|院|办|办公室|厅|部|署|中心|政府|组|机制|处|所|站|社)"
    "[ \t\u3000]*$"
)
_DATE_ALONE_RE = re.compile("^[ \t\u3000]*\\d{4}年\\d{1,2}月\\d{1,2}日[ \t\u3000]*$")


# A reader's signature closing a letter, on a line of its own: the reader's place (a county, city, district
# or province) and name parted by spaces (``山西太原市  刘  洪``, ``深圳宝安区 梁修明``).
_READER_SIGNATURE_RE = re.compile(
    f"^[ \t\u3000]*[{HAN}]{{1,10}}(?:省|市|县|区|州|旗|盟|镇|乡)[ \t\u3000]+[{HAN}](?:[ \t\u3000]*[{HAN}]){{1,3}}"
    "[ \t\u3000]*$"
)


def is_reader_signature(text: str) -> bool:
    return bool(_READER_SIGNATURE_RE.match(text))


def is_signing_unit(text: str) -> bool:
    return bool(_SIGNING_UNIT_RE.match(text))


def is_signing_date(text: str) -> bool:
    """The signing date alone, or after its unit on the line (``市交通运输局  2020年1月10日``)."""
    return bool(_SIGNING_DATE_RE.match(text))


def is_date_alone(text: str) -> bool:
    return bool(_DATE_ALONE_RE.match(text))


def is_signed_notice(texts: list[str]) -> bool:
    """A titled notice in one block: ``关于…的通知`` opening it (its first lines joined), a signing date
    closing it."""
    if len(texts) < 3 or not _SIGNING_DATE_RE.match(texts[-1]):
        return False
    opening = re.sub(r"\s+", "", "".join(texts[:3]))
    return bool(_NOTICE_TITLE_RE.match(opening))


# A service box in one block: a short label (``【办事指南】``, ``■便民提示``, ``政务服务热线``) over lines that
# each give a field and its value (``办理地点：市民之家二楼B区``, ``咨询电话：0371-67181234``), none
# ending a sentence.
_BOX_LABEL_RE = re.compile(
    f"^[ \t\u3000]*[■●◆▲【\\[]?[ \t\u3000]*[{HAN}·]{{2,8}}[ \t\u3000]*[】\\]]?[ \t\u3000]*$"
)
_FIELD_LINE_RE = re.compile(
    f"^[ \t\u3000]*[{HAN}]{{2,6}}[:：][ \t\u3000]*[^ \t\u3000。！？][^。！？]{{0,40}}$"
)


def is_field_box(texts: list[str]) -> bool:
    """A label over two or more lines of ``field：value``, none ending a sentence."""
    return (
        len(texts) >= 3
        and bool(_BOX_LABEL_RE.match(texts[0]))
        and all(_FIELD_LINE_RE.match(text) for text in texts[1:])
    )


# A question's or an answer's marker opening an interview's turn (``问：``, ``答：``, ``记者：``).
TURN_MARK_RE = re.compile("^[ \t\u3000]*(?:问|答|记者|本报记者)：")
# A speaker's name opening an answer (``倪岳峰：``, ``唐家三少：``), or the answer's marker.
_ANSWER_RE = re.compile(f"^[ \t\u3000]*(?:[{HAN}]{{2,4}}|答)：")
_QUESTION_END_RE = re.compile(f"[？?][{_CLOSERS}]*$")


def answers_a_question(question: str, following: str) -> bool:
    """Whether `following` opens an interview's answer (``娄勤俭：…``, ``答：…``) under a line ending on a
    question mark: the question ends there, and the answer is a turn of its own."""
    return _QUESTION_END_RE.search(question.strip()) is not None and _ANSWER_RE.match(following) is not None


# A résumé box's label: ``人物简介``, ``【人物名片】``, ``■受访者简介``, ``嘉宾档案``.
_PROFILE_LABEL_RE = re.compile(
    "^[ \t\u3000]*[■●◆▲【\\[]?[ \t\u3000]*(?:人物|受访者|嘉宾|专家|个人)(?:简介|名片|档案|小传)[ \t\u3000]*[】\\]]?[ \t\u3000]*$"
)
_PROFILE_MAX_LINES = 6


def is_profile_box(texts: list[str]) -> bool:
    """A résumé box of the person a piece is about (an interview's 人物简介 / 人物名片): its label alone on
    its line over a few lines of prose, the last ending a sentence, in one block."""
    return (
        2 <= len(texts) <= _PROFILE_MAX_LINES
        and bool(_PROFILE_LABEL_RE.match(texts[0]))
        and bool(_FINAL_RE.search(texts[-1].strip()))
    )


# An editor's note box: ``编者按`` / ``【编者按】`` alone over its text, or run in (``编者按：…``,
# ``【编者按】…``), in one block.
_EDITORS_BOX_RE = re.compile("^[ \t\u3000]*(?:【编者按】|\\[编者按\\]|编者按[:：]|编者按[ \t\u3000]*$)")


def is_editors_note(texts: list[str]) -> bool:
    """An editor's note box: its label opening the block (alone, or run in before its text)."""
    return bool(texts) and bool(_EDITORS_BOX_RE.match(texts[0]))


def is_appointments_label(text: str) -> bool:
    return bool(_APPOINTMENTS_LABEL_RE.match(text))


def is_appointments_list(texts: list[str]) -> bool:
    return bool(texts) and bool(_APPOINTMENT_RE.match(texts[0]))


def is_summary_label(line: str) -> bool:
    return bool(_SUMMARY_LABEL_RE.match(line))


# Where a text was printed, under it: ``《 人民日报 》（ 2020年01月14日   第 10 版）``.
_PRINTED_IN_RE = re.compile(r"^《\s*[^《》]{2,12}\s*》\s*[（(][^（）()]{0,30}版\s*[）)]$")


# A web page's date and time over the text it dates: ``2020年01月14日02:40  来源：人民网－人民日报``.
_DATED_SOURCE_RE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*\d{1,2}[:：]\d{2}")


def text_date(line: str) -> tuple[str, bool] | None:
    """The date a line of its own gives one text, and whether it stands under that text (where it was
    printed, ``《 人民日报 》（ 2020年01月14日 第 10 版）``) rather than over it (a web page's date and
    time, ``2020年01月14日02:40  来源：…``); None for any other line."""
    text = line.strip()
    under = bool(_PRINTED_IN_RE.match(text))
    if not under and (stamp := _WEB_STAMP_RE.match(text)):
        year, month, day = stamp[1], stamp[2] or stamp[4], stamp[3] or stamp[5]
        try:
            return date(int(year), int(month), int(day)).isoformat(), False
        except ValueError:
            return None
    if not under and not (_DATED_SOURCE_RE.match(text) and _SOURCE_NOTE_RE.match(text)):
        return None
    found = _PAGE_DATE_RE.search(text)
    if found is None:
        return None
    try:
        return date(int(found[1]), int(found[2]), int(found[3])).isoformat(), under
    except ValueError:
        return None


def closes_text(line: str) -> bool:
    """A line that ends the text over it, no story's own: a source or chart note, where the text was
    printed, or an editor's credit in brackets (``（责编：王某、李某）``)."""
    text = line.strip()
    return bool(
        _SOURCE_NOTE_RE.match(text)
        or _PRINTED_IN_RE.match(text)
        or (text[:1] in "【（([" and _EDITOR_CREDIT_RE.fullmatch(text))
    )


_REPORTER_ROLES = (
    "本报记者",
    # A city paper names its own reporters after the paper's kind (``晚报记者 王某``, ``晨报记者 李某``).
    "晚报记者",
    "晨报记者",
    "快报记者",
    "商报记者",
    "都市报记者",
    "本报见习记者",
    "本报实习生",
    "新华社记者",
    "融媒体记者",
    "见习记者",
    "特约记者",
    "首席记者",
    "摄影记者",
    "记者",
    "实习生",
    "摄影",
    "文/图",
    "图/文",
    "文图",
    "文",
    "图",
    # 作者 with a colon (``作者：王某``), as a site prints the author over an article.
    "作者",
    # A commentary page's writers (``本报评论员  王某``).
    "本报评论员",
    "特约评论员",
    "评论员",
)


_CORRESPONDENT_ROLES = ("本报通讯员", "特约通讯员", "通讯员")


# 文 and 图 alone are roles only with a colon, a slash or a bar (``文：李娜``, ``文/王某``, ``文｜王某``),
# never as a word of prose; 作者 also before two spaces (``作者  王某``, a commentary's author under it).
_ROLE_MARK = {"作者": "(?=[:：/／｜|]|[ \t\u3000])"}
# A correspondent posted abroad or in a province, the place between 驻 and 记者 (``本报驻开罗记者``,
# ``新华社驻东京记者``): a reporter's role.
_POSTED_ROLE = f"(?:本报|新华社)驻[{HAN}]{{2,8}}?记者"
# An ambassador or a consul general signing an essay under its heads by post and name, a space between
# (``中国驻日本大使  孔铉佑``): the writer's role.
_DIPLOMAT_POST = f"中国驻[{HAN}]{{2,8}}?(?:大使|总领事)"
_DIPLOMAT_ROLE = f"{_DIPLOMAT_POST}(?=[ \t\u3000])"


_ROLE = "|".join(
    (
        _POSTED_ROLE,
        _DIPLOMAT_ROLE,
        *(
            r.replace("/", r"\s*/\s*")
            + (_ROLE_MARK.get(r, "(?=[:：/／｜|])") if r in ("文", "图", "作者") else "")
            for r in sorted(_REPORTER_ROLES + _CORRESPONDENT_ROLES, key=len, reverse=True)
        ),
    )
)


# A two-character name may be padded to three cells (``李  婕``): one name, not two.
# A column's name after 记者 (``记者手记``, ``记者观察``) is no reporter's name: no byline; nor is a
# compiler's note (``（本报记者  张矜若整理）``, a closing note): 整理 ends no name.
_COLUMN_WORDS = "手记|札记|观察|感言|随笔|笔记|日记|调查|点评|述评|追踪|探访|走访|连线|视点|体会"
_NAME = (
    f"(?!(?:{_COLUMN_WORDS}|整理)(?![{HAN}]))"
    f"(?:[{HAN}][ \t\u3000]{{1,3}}[{HAN}](?![{HAN}·])|[{HAN}](?:(?!整理)[{HAN}·]){{1,4}})"
)


# A name list ends before 摄 / 报道 (``记者 景静 摄``, ``记者 景静 报道``).
_NAMES = f"(?!(?:摄|报道)(?:$|[ \t\u3000）)]))(?:{_NAME})(?:[ \t\u3000、]+(?!(?:摄|报道)(?:$|[ \t\u3000）)])){_NAME})*"


# A credit after the names: ``摄``, ``报道``, or ``文/图`` (the reporter wrote the text and took the photos).
_CREDIT = "(?:[ \t\u3000]*(?:摄|报道|文\\s*/\\s*图|图\\s*/\\s*文))?"


_ONE_BYLINE = f"(?:{_ROLE})[ \t\u3000:：/／｜|]*{_NAMES}{_CREDIT}"


_BYLINE_BODY = f"{_ONE_BYLINE}(?:[ \t\u3000，,、]*{_ONE_BYLINE})*"


_BYLINE = f"(?:[（(]\\s*{_BYLINE_BODY}\\s*[）)]|{_BYLINE_BODY})"


# A byline on a line of its own; city papers set a square or a diamond before it (``□记者 王某``).
_BYLINE_ORNAMENT = "□■◇◆◎★"


_BYLINE_RE = re.compile(f"^[ \t\u3000]*(?:[{_BYLINE_ORNAMENT}][ \t\u3000]*)?({_BYLINE})[ \t\u3000]*$")


_INLINE_BYLINE_RE = re.compile(f"^(.*[{_SENTENCE_END}][{_CLOSERS}]*)[ \t\u3000]*({_BYLINE})[ \t\u3000]*$")


# A byline in brackets run on after a closing note's bracket (``（作者为中国驻吉尔吉斯斯坦大`` / ``使）（记者 胡海
# 魏宇）``): the text before it ends on the note's closing bracket, no sentence mark after it.
_NOTE_THEN_BYLINE_RE = re.compile(f"^(.*[）)])[ \t\u3000]*([（(]\\s*{_BYLINE_BODY}\\s*[）)])[ \t\u3000]*$")


_ROLE_TOKEN_RE = re.compile(f"({_ROLE})")


# End marks of wire-style stories, and what may follow them on the line: ``(完)``, ``（完）`` and
# ``【完】``, then perhaps the byline (``…处罚。(完)记者 范宇斌``).
_END_MARK_RE = re.compile(
    f"^(.*?)[ \t\u3000]*[（(【〔][ \t\u3000]*完[ \t\u3000]*[）)】〕][ \t\u3000]*({_BYLINE})?[ \t\u3000]*$"
)


# The rest of a byline's names (and credit), not a headline.
_MORE_NAMES_RE = re.compile(f"^[ \t\u3000]*{_NAMES}{_CREDIT}[ \t\u3000]*$")


# An end mark and byline the OCR ran together with the next headline on one line:
# ``(完)记者 洪坚鹏 海南高新技术企业 连续三年大幅增长``.
_END_MARK_RUN_ON_RE = re.compile(
    f"^(.*?)[ \t\u3000]*[（(【〔][ \t\u3000]*完[ \t\u3000]*[）)】〕][ \t\u3000]*({_BYLINE})[ \t\u3000]+(\\S.*)$"
)


# Jump lines: a story continued on another page, or continued from one.
# In round or angle brackets: ``（下转第2版）``, ``〈下转第二版〉``, ``【上接第1版】``.
_JUMP = "[（(〈<【][ \t\u3000]*(?:下转|上接|紧接|转|接|续)[ \t\u3000]*(?:第?[0-9０-９一二三四五六七八九十A-Za-z]{1,3}[版面]|[^）)〉>】]{1,8}版)[ \t\u3000]*[）)〉>】]"


_JUMP_ANY_RE = re.compile(_JUMP)


# A jump line alone on its line may go without brackets (``下转第4版``, ``▶上接A01版``).
_BARE_JUMP = "[▶►]?[ \t\u3000]*(?:下转|上接|紧接)[ \t\u3000]*第?[ \t\u3000]*[0-9０-９一二三四五六七八九十A-Za-z]{1,3}[ \t\u3000]*[版面]"


_JUMP_LINE_RE = re.compile(f"^[ \t\u3000]*(?:{_JUMP}|{_BARE_JUMP})[ \t\u3000]*$")


# After the story's last words; without brackets only behind an arrow (``…亏了咋办？”▶下转第7版``).
_TRAILING_JUMP_RE = re.compile(
    f"^(.*?)[ \t\u3000]*({_JUMP}|[▶►][ \t\u3000]*(?:下转|转)[ \t\u3000]*第?[ \t\u3000]*[0-9０-９一二三四五六七八九十A-Za-z]{{1,3}}[ \t\u3000]*[版面])[ \t\u3000]*$"
)


_LEADING_JUMP_RE = re.compile(f"^[ \t\u3000]*({_JUMP})[ \t\u3000]*(.+)$")


# A photo caption: ``图为…``, ``上图：…``, ``图：…``, ``▲…``, ``图①…``; its credit ``本报记者 景静 摄``. An OCR
# engine reads the pointer ``▲`` as ``全`` before the photo's date (``全5日上午，…``): no word of prose has 全
# right before a digit.
_CAPTION_RE = re.compile(
    "^[ \t\u3000]*(?:图为|上图|下图|左图|右图|图片说明|▲|△|全(?=[0-9])|图[①-⑩0-9１-９]|图[ \t]*[:：])"
)


_PHOTO_CREDIT_RE = re.compile(f"^[ \t\u3000]*(?:{_BYLINE_BODY})[ \t\u3000]*$")


# How far below the column width a line may end and still count as full.
_SHORT_MARGIN = 1.5


# Half a cell: the slack allowed around a line's expected width.
_HALF_CELL = 0.5


_DEFAULT_COLUMN_WIDTH = 17.0


# A paragraph's first line is indented by two cells in print.
_INDENT_CELLS = 2.0


@dataclass
class _Line:
    number: int  # 1-based line number in the file
    text: str  # without trailing whitespace
    blank_before: bool
    # The cells a head run in before the text took on this line (``当作为　``): the line is set that
    # much wider than its text.
    lead_in: float = 0.0


@dataclass
class _Story:
    lines: list[_Line] = field(default_factory=list)
    byline: str | None = None
    dateline_byline: str | None = None
    headline_groups: list[list[_Line]] = field(default_factory=list)
    closed_by_byline: bool = False  # its byline after its text closed it
    ended: bool = False  # an end mark or a jump line closed its text; only a byline may follow
    # The date a line of its own gives this story's text alone (``《 人民日报 》（ 2020年01月14日 第 10 版）``
    # under it, ``2020年01月14日02:40  来源：…`` over it), as a copied web page prints it.
    printed_date: str | None = None
    # The line number of a head printed on the line that opens its text (``1.【标题】正文…``): the
    # story's headline for sure, matched to no other story.
    own_head: int | None = None


def display_width(text: str) -> float:
    """Width in Han-character cells: ASCII counts half, everything else one."""
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


def clean_prose(text: str) -> str:
    """Remove the spaces OCR puts between Han characters, punctuation and digits (`4月 4日` → `4月4日`).

    A space between two phrases of a quoted title stays: ``《关于进一步保障和改善民生 着力解决…》``,
    ``“名城绍兴 越来越好”`` (inside 《》 or “”, with two or more Han characters on either side).
    """
    text = _QUOTED_SPACE_RE.sub(lambda m: _KEPT_SPACE if _inside_quotes(text, m.start()) else m[0], text)
    text = _STRAY_SPACE_RE.sub("", text)
    text = _DIGIT_SPACE_RE.sub("", text)
    return _MULTI_SPACE_RE.sub(" ", text).strip().replace(_KEPT_SPACE, " ")


_QUOTED_SPACE_RE = re.compile(f"(?<=[{HAN}]{{2}})[ \u3000]+(?=[{HAN}]{{2}})")


_KEPT_SPACE = "\ue000"  # a private-use character standing for a space that stays


def _inside_quotes(text: str, position: int) -> bool:
    before = text[:position]
    return before.count("《") > before.count("》") or before.count("“") > before.count("”")


def clean_headline_line(text: str) -> str:
    """Headlines keep deliberate spaces between phrases, but lose them next to digits and inside quotes.

    A space after a closing quote stands between two phrases (``社区“微更新” 居民幸福感“满格”``) and is
    kept; one just inside the quotes, next to a digit, a middle dot or before a comma is the OCR's.
    """
    text = _MULTI_SPACE_RE.sub(" ", text).strip()
    return re.sub(
        f"(?<=[0-9“‘《（(·])\\s+(?=[{HAN}0-9])|(?<=[{HAN}0-9])\\s+(?=[0-9{_CLOSERS}“‘·，、])",
        "",
        text,
    )


def is_page_furniture(line: str) -> bool:
    """A page header or footer line: ``2023年4月14日 星期五 编辑 王磊``, ``第2版 综合新闻``.

    Such a line carries no prose punctuation and at least one sure mark of furniture: a full date with
    its weekday, a page number (``第2版``, ``A2版``) or an editor's credit with a space after the role.
    """
    text = line.strip()
    if is_county_furniture(text):
        return True  # a county paper's issue number, 农历 date, 主办/出版 line, licence or hotline
    if _SOURCE_NOTE_RE.match(text):
        return True
    # An editor's credit carries a colon (``责任编辑：王磊``), and so may the contacts after it; it is no
    # prose punctuation.
    bare = re.sub(f"({_EDITOR_ROLES}|{_CONTACT_ROLES})[:：]", r"\1 ", text)
    if (
        not text
        or len(_MULTI_SPACE_RE.sub(" ", text))
        > (64 if re.search(_CONTACT_ROLES, text) else 48)  # a header strip's parts stand far apart
        or _PROSE_PUNCT_RE.search(bare)
        or _JUMP_ANY_RE.search(text)
        or _JUMP_LINE_RE.match(text)
    ):
        return False  # prose, or a jump line (``（上接第三版）…`` names a page too)
    if _REFERENCE_NOTE_RE.match(text):
        return False  # ``（相关报道见第四版）``: a note in the story's text naming another page
    if _closes_a_bracket(text):
        return False  # ``第四版）``: the end of a note in brackets the column wrapped
    dated = bool((_PAGE_DATE_RE.search(text) or _DOTTED_DATE_RE.search(text)) and _WEEKDAY_RE.search(text))
    # A book's edition in brackets (``《中国大百科全书》（第一版）``) is no page number.
    unbracketed = _EDITION_RE.sub("", text)
    numbered = bool(_PAGE_NUMBER_RE.search(unbracketed) or _PAGE_CODE_RE.match(text))
    return dated or numbered or bool(_EDITOR_CREDIT_RE.search(text))


_EDITION_RE = re.compile(r"[（(]\s*第\s*[0-9一二三四五六七八九十]{1,3}\s*版\s*[）)]")


def _closes_a_bracket(text: str) -> bool:
    """Whether a line closes a bracket it did not open: the tail of a note the column wrapped."""
    return text.count("）") > text.count("（") or text.count(")") > text.count("(")


# A weekly's byline: a hollow square before the names alone (``□程雪鸣 张雪``); a filled one before a
# short line is a sub-heading's ornament (``■多措并举``), so only the hollow square, names of 2–3 characters.
_SQUARE_NAMES_RE = re.compile(
    f"^[ \t\u3000]*□[ \t\u3000]*[{HAN}]{{2,3}}(?:[ \t\u3000、]+[{HAN}]{{2,3}}){{0,3}}[ \t\u3000]*$"
)


def is_byline(line: str) -> bool:
    return bool(_BYLINE_RE.match(line) or _SQUARE_NAMES_RE.match(line))


def parse_byline(byline: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split a byline into (reporters, correspondents): ``记者 景静 通讯员 左学彬 周祎``."""
    reporters: list[str] = []
    correspondents: list[str] = []
    target = reporters
    byline = byline.strip().lstrip(_BYLINE_ORNAMENT).strip().strip("（）()")
    for piece in _ROLE_TOKEN_RE.split(byline):
        piece = piece.strip(" \t\u3000:：/／｜|")
        if not piece:
            continue
        if piece in _CORRESPONDENT_ROLES:
            target = correspondents
        elif piece in _REPORTER_ROLES or re.fullmatch(f"{_POSTED_ROLE}|{_DIPLOMAT_POST}", piece):
            target = reporters
        else:
            for name in _padded_names(re.split("[ \t\u3000、，,]+", piece)):
                if name in ("摄", "报道") or re.fullmatch("文/图|图/文", name):
                    continue
                if name and name not in target:
                    target.append(name)
    return tuple(reporters), tuple(correspondents)


def _padded_names(pieces: list[str]) -> list[str]:
    """Names split at spaces, a padded two-character name (``李``, ``婕``) joined again."""
    out: list[str] = []
    for piece in pieces:
        if len(piece) == 1 and out and len(out[-1]) == 1 and _HAN_RE.match(piece) and _HAN_RE.match(out[-1]):
            out[-1] += piece
        else:
            out.append(piece)
    return out


# A dispatch closed by its dateline in brackets, as a paper prints its correspondents' pieces
# (``（本报华盛顿、开罗1月5日电）``, ``（据新华社东京2月1日电）``): the month and day it was filed.
_CLOSING_DATELINE_RE = re.compile(
    f"^[ \t\u3000]*[（(][ \t\u3000]*(?:据?新华社|本报)[{HAN}、 \t]{{0,16}}?"
    f"(\\d{{1,2}})[ \t]*月[ \t]*(\\d{{1,2}})[ \t]*日电[ \t\u3000]*[）)][ \t\u3000]*$"
)


_POSTED_ROLE_RE = re.compile(_POSTED_ROLE)


def closing_dateline_date(
    last_paragraph: str, byline: str | None, *, year: int | None, page_date: str | None
) -> str | None:
    """The date of a posted correspondent's piece: its byline names the post (``本报驻开罗记者  韩勇``)
    and its closing dateline (`_CLOSING_DATELINE_RE`) the day it was filed, read as an opening
    dateline's (`parse_dateline_date`: the page's year, a later day last year's); None otherwise."""
    found = _CLOSING_DATELINE_RE.match(last_paragraph)
    if found is None or byline is None or not _POSTED_ROLE_RE.search(byline):
        return None
    return parse_dateline_date(f"本报{found[1]}月{found[2]}日电", year=year, page_date=page_date)


def parse_dateline_date(first_line: str, *, year: int | None, page_date: str | None) -> str | None:
    """The story's date from its dateline: month/day plus the page's year; relative words need the page date.

    `first_line` is the story's opening text (its first lines joined, so that a date the column
    wrapped, ``4月17`` / ``日，``, is whole). The date is the one in the dateline itself
    (``本报郑州4月4日电``) or in the lead's first clause (``本报讯 4月 4日上午，``), never one further on.
    """
    match = _DATELINE_RE.match(first_line)
    head = first_line[match.end() :] if match else first_line
    head = _RUN_IN_REPORTERS_RE.sub("", clean_prose(head[:60]).lstrip(), count=1)
    head = re.split("[，。,]", head, maxsplit=1)[0][:24]
    found = _DATE_IN_DATELINE_RE.search(match.group(1)) if match else None
    found = found or _DATE_IN_DATELINE_RE.search(head)
    page = date.fromisoformat(page_date) if page_date else None
    if found:
        month, day = int(found.group(2)), int(found.group(3))
        story_year = int(found.group(1)) if found.group(1) else (year or (page.year if page else None))
        if story_year is None:
            return None
        if page and not found.group(1) and (month, day) > (page.month, page.day):
            story_year = page.year - 1  # a December story on a January page
        try:
            return date(story_year, month, day).isoformat()
        except ValueError:
            return None
    if page:
        lost = _MONTH_LOST_RE.search(match.group(1)) if match else None
        lost = lost or _MONTH_LOST_RE.search(head)
        if lost:
            # ``本报讯 月2日``: the OCR lost the month; the page's date gives it (a later day is last
            # month's). A lost day stays unknown: never a guess.
            day = int(lost.group(1))
            month_start = page.replace(day=1)
            if day > page.day:
                month_start = (month_start - timedelta(days=1)).replace(day=1)
            try:
                return month_start.replace(day=day).isoformat()
            except ValueError:
                return None
        for word, offset in _RELATIVE_DAYS.items():
            if head.startswith(word):
                return (page + timedelta(days=offset)).isoformat()
    return None


_MONTH_LOST_RE = re.compile(r"(?<![0-9０-９])月\s*(\d{1,2})\s*日")


def is_dotted_date(line: str) -> bool:
    """A page strip's date alone on its line, printed with dots (``2020.1.14``)."""
    found = _DOTTED_DATE_RE.search(line)
    return found is not None and found[2] == "." and not line.replace(found[0], "").strip()


def find_page_date(text: str) -> str | None:
    """A full date printed on the page outside stories (a page header such as ``2023年4月14日 星期五``, or
    a full date alone on its line in the page's top strip, ``经济周刊  10`` / ``2020年1月6日``, unless the
    strip numbers a periodical's issue)."""
    strip = _top_strip(text)
    lines = text.splitlines()
    if any(_ISSUE_NUMBER_RE.search(line) for line in lines[:strip]):
        strip = 0  # a periodical's strip (``第1995期``): its cover date spans the issue, dating no lead
    for number, line in enumerate(lines):
        if not (
            "星期" in line
            or "版" in line
            or is_page_furniture(line)
            or is_dotted_date(line)
            or (number < strip and _PAGE_DATE_RE.fullmatch(line.strip()))
        ):
            continue
        if m := _PAGE_DATE_RE.search(line):
            parts = (m.group(1), m.group(2), m.group(3))
        elif (m := _DOTTED_DATE_RE.search(line)) and (is_page_furniture(line) or is_dotted_date(line)):
            parts = (m.group(1), m.group(3), m.group(4))
        else:
            continue
        try:
            return date(*(int(x) for x in parts)).isoformat()
        except ValueError:
            continue
    return None


# A periodical's issue number in its strip (``第1995期``).
_ISSUE_NUMBER_RE = re.compile(r"第\s*\d+\s*期")


def _top_strip(text: str) -> int:
    """How many lines the page's top strip holds: its lines before the first blank line."""
    lines = text.splitlines()
    return next((k for k, line in enumerate(lines) if not line.strip()), len(lines))


# A note on the piece's author after its text (``作者简介：王某，…``, ``【作者简介】王某，…``): a paragraph of
# the piece, opening on a line of its own.
AUTHOR_NOTE_RE = re.compile("^[ \t\u3000]*[【\\[]?(?:作者简介|作者小传)[】\\]：:]")


# A bullet opening a line: an item of a list, or a brief's head in a column of briefs (the segmenter's).
BULLET_RE = re.compile("^[ \t\u3000]*[■▶●◆►][ \t\u3000]*")


# Punctuation a typesetter hangs into the margin rather than start a line with it.
_HANGING = "，。、；：！？）》」』”’"


def _set_width(text: str) -> float:
    """A line's width without a punctuation mark hung past the column's edge: `display_width` less one
    cell for a final mark, so a line of 13 characters and a hung ``”`` still counts as 13."""
    width = display_width(text)
    return width - 1.0 if len(text) > 1 and text[-1] in _HANGING else width


_ASCII_TAIL_RE = re.compile("[A-Za-z0-9]+$")


_ASCII_HEAD_RE = re.compile("^[A-Za-z0-9]+")


def _concat(left: str, right: str) -> str:
    """Join a wrapped line to the text before it.

    Two English words meeting at a line end had a space between them; an upper-case word (``A`` /
    ``PP`` → ``APP``, ``5`` / ``G``) or a hyphenated one (``intel-`` / ``ligence``) was cut in two.
    """
    if (
        left
        and right
        and left[-1].isascii()
        and left[-1].isalpha()
        and right[0].isascii()
        and right[0].isalpha()
    ):
        tail = _ASCII_TAIL_RE.search(left)
        head = _ASCII_HEAD_RE.match(right)
        if (
            tail
            and head
            and tail.group(0).upper() == tail.group(0)
            and head.group(0).upper() == head.group(0)
        ):
            return left + right
        return f"{left} {right}"
    if (
        left.endswith("-")
        and len(left) > 1
        and left[-2].isascii()
        and left[-2].isalpha()
        and right[:1].islower()
    ):
        return left[:-1] + right
    return left + right


def _dispatch_org(dateline: str) -> str:
    """Who sent a dispatch: ``本报`` for the paper's own (``本报讯``, ``本报北京1月17日电``), else its
    source without the place."""
    bare = re.sub(r"\s+", "", dateline).removeprefix("据")
    return "本报" if bare.startswith("本报") else _dispatch_source(dateline)


def _dispatch_source(dateline: str) -> str:
    """A dateline without its date: who sent it and from where (``新华社北京电``; ``据``, "according
    to", names the same source)."""
    return _DATE_IN_DATELINE_RE.sub("", re.sub(r"\s+", "", dateline)).removeprefix("据")


def _same_day(dateline: str, other: str) -> bool:
    """Whether two datelines name one day (``本报内比都1月17日电``, ``本报北京1月17日电``)."""
    first, second = _DATE_IN_DATELINE_RE.search(dateline), _DATE_IN_DATELINE_RE.search(other)
    return first is not None and second is not None and first.group(2, 3) == second.group(2, 3)


# An editor's note printed over a story's text (``编者按：…``, ``【编者按】…``, a new column's ``开栏的话``): the
# story's first paragraph.
_EDITORS_NOTE_RE = re.compile(
    "^[ \t\u3000]*[【\\[]?[ \t\u3000]*(?:编者按|编者的话|开栏的话)[ \t\u3000]*[】\\]]?[ \t\u3000]*[:：]?"
)


def _story_head(story: _Story) -> str:
    """The story's opening text, its first lines joined: a dateline and its date may wrap. Under an
    editor's note, the story opens at its dateline."""
    lines = story.lines
    if lines and _EDITORS_NOTE_RE.match(lines[0].text):
        lines = next((lines[k:] for k, line in enumerate(lines) if _DATELINE_RE.match(line.text)), lines)
    head = ""
    for line in lines[:3]:  # a column break may fall inside it too
        text = line.text.strip()
        if _in_dateline_bracket(head) and _NAME_BREAK_RE.search(head) and _NAME_START_RE.match(text):
            # Two whole names either side of the line end inside ``（记者 袁然`` / ``朱秀桂）``: a name
            # has two or three characters, so a piece of one character is half of a name cut in two.
            head += " "
        head = _concat(head, text)
    return head


_NAME_BREAK_RE = re.compile(f"[ \t\u3000][{HAN}]{{2,3}}$")


_NAME_START_RE = re.compile(f"^[{HAN}]{{2,3}}(?:[ \t\u3000）)]|$)")


def _in_dateline_bracket(head: str) -> bool:
    """Whether `head` ends inside the parenthesised byline of its dateline."""
    match = _DATELINE_RE.match(head)
    if match is None or match.group(2):
        return False
    return bool(re.match(r"^[\s”“\"'’]*[（(][^）)]*$", head[match.end() :]))


# The masthead, one item a line as papers print it and OCR reads it: the paper's name, its date (perhaps
# with digits lost: ``2020年1月10``), the weekday, ``第6版`` and the section (``要闻``; garbled: ``第6版经``).
_PAPER_NAME_RE = re.compile(
    f"^[{HAN}]{{1,8}}(?:日报|晚报|时报|商报|早报|晨报|快报|都市报|青年报|法制报|经济报|周报|周刊)(?:·[{HAN}]{{2,4}})?$"
    # A paper's section or supplement after its name: ``人民政协报·周刊``.
    f"|^[{HAN}]{{2,8}}报·[{HAN}]{{2,4}}$"
)


def _paper_name(text: str) -> bool:
    """The paper's name, alone on its line or with specks the OCR made of the masthead's other items
    standing far from it (``人民日报          世:``, ``人民日报          上``)."""
    name, *rest = re.split("[ \t\u3000]{2,}", text.strip())
    return bool(_PAPER_NAME_RE.match(_MULTI_SPACE_RE.sub("", name))) and all(len(x) <= 2 for x in rest)


def _groups(lines: list[_Line]) -> list[list[_Line]]:
    """Blank-line separated blocks."""
    groups: list[list[_Line]] = []
    for line in lines:
        if line.blank_before or not groups:
            groups.append([])
        groups[-1].append(line)
    return groups


def _looks_like_prose(group: list[_Line]) -> bool:
    """Sentences: a sentence mark and 24 Han characters, or a whole sentence with a comma in it
    (``近日，云南昭通多个县区的群众陆续从大山深处搬出。``)."""
    text = "".join(line.text.strip() for line in group)
    han = len(_HAN_RE.findall(text))
    if re.search("[。！？]", text) and han >= 24:
        return True
    return han >= _SHORT_PROSE_CHARS and bool(re.search("[，,]", text)) and bool(_FINAL_RE.search(text))


# A one-sentence paragraph with a comma is prose from this many Han characters on.
_SHORT_PROSE_CHARS = 12


def _is_body_fragment(group: list[_Line]) -> bool:
    """Text cut out of a story's paragraph, never a headline: a line ending in a comma or enumeration
    mark (``…到达和平收费站，``), or commas all through (headlines carry one at most), or a comma and an
    enumeration comma together."""
    text = "".join(line.text.strip() for line in group)
    ends_open = any(line.text.rstrip().endswith(("，", "、", "；", ",")) for line in group)
    if text.count("、") >= _LIST_MARKS and len(_HAN_RE.findall(text)) >= _LIST_MIN_CHARS:
        return True  # a list of short words (``土鸡蛋、蜂蜜、豆豉、辣椒酱、泡``): a sentence's
    if len(_HAN_RE.findall(text)) < 12:
        return False
    # A kicker of phrases leading into its title (``发展技能教育，改革评价制度，强化表彰激励——`` over
    # ``为国家建设培育更多“蓝领”人才``): its commas are a kicker's, not a sentence's.
    unkicked = "".join(line.text.strip() for line in group[:-1] if not _DASH_END_RE.search(line.text))
    unkicked += group[-1].text.strip()
    if ends_open or unkicked.count("，") + unkicked.count(",") >= 2 or text.count("、") >= _LIST_MARKS:
        return True
    if _COMMA_RE.search(text) and "、" in text and not _DASH_END_RE.search(text):
        # A clause and a list in it (``据介绍，山东省…`` / ``目前还存在车桩信息缺失、居民小区和``); not a
        # kicker leading into its title (``促进农超对接、农批对接，江苏淮安——``).
        return True
    if text.endswith("…") and ("，" in text or "," in text):
        return True  # a sentence trailing off (``…正影响着越来越多的人……``): an epigraph, not a headline
    if len(group) <= _HEADLINE_MAX_LINES and not re.search("[，。；：！？、,;:!?]", text):
        # A long title wrapped at the column's measure with no mark of a clause in it
        # (``国务院应对新型冠状病毒感染肺炎疫情联防`` / ``联控机制关于印发…疫情`` / ``防控措施指南的通知``): no
        # body text runs three lines without one.
        return False
    # Three lines or more, the first two set to one long measure: a column of body text.
    widths = [display_width(line.text.strip()) for line in group]
    if len(group) >= 3 and min(widths[:2]) >= _BODY_MEASURE and abs(widths[0] - widths[1]) <= 1.0:
        return True
    # Or a paragraph's first line, two cells short by its indent, over two lines set to one long
    # measure (``根据巴拉诺夫中央航空发动机研究`` / ``所早些时候发布的计划，混合动力飞机`` / ``引擎…``).
    widths = [_cells(line.text) for line in group[:3]]
    return (
        len(group) >= 3
        and min(widths[1:3]) >= _BODY_MEASURE
        and abs(widths[1] - widths[2]) <= 1.0
        and abs(widths[1] - _INDENT_CELLS - widths[0]) <= 1.0
    )


# Lines at least this wide, set to one measure, are body text.
_BODY_MEASURE = 13.0


# A kicker leading into its title ends on a dash (``江苏淮安——``; the OCR reads it ``一一`` or ``—``).
_DASH_END_RE = re.compile("(?:——|—|一一)[ \t\u3000]*$")


# A list this long (``伊朗、阿联酋、阿尔及利亚、埃及、赤``) is a sentence's, never a headline's.
_LIST_MARKS = 4


# A list of short words, that many marks in a line of at least this many Han characters.
_LIST_MIN_CHARS = 8


# A note closing a story on a line of its own: ``（本报东京电）``, ``（本报华盛顿、开罗1月5日电）``, ``（作者为…）``, ``（本报记者王某采访整理）``,
# a roundup's reporters (``（参与记者：田颖、唐璐）``), the source of a piece reprinted
# (``（摘编自2月3日《经济日报》）``); the OCR may lose its closing bracket. A name in brackets may stand
# inside it (``（作者为中央党校（国家行政学院）研究员）``).
_CLOSING_NOTE_RE = re.compile(
    f"^[ \t\u3000]*[（(][ \t\u3000]*(?:综合)?(?:(?:据?新华社|本报)[{HAN}0-9、 \t]{{0,16}}电|作者|本报记者|(?:参与)?记者|摘编自|摘自|原载|[{HAN}·、 \t]{{2,16}}参与(?:采写|采访|调研|撰写))(?:[^（()）]|[（(][^（()）]{{1,20}}[）)]){{0,40}}(?:[）)][ \t\u3000]*)?$"
)
# ``（综合本报和新华社电）``, naming the sources it combines, is a closing note too.


def _is_note(text: str) -> bool:
    """A note in brackets that is text of the story above, never a headline: a closing note
    (``（本报东京电）``) or a reference to another page (``（相关报道见第四版）``)."""
    return bool(_CLOSING_NOTE_RE.match(text) or _REFERENCE_NOTE_RE.match(text))


# A column label in brackets closing a headline line (``（一线抗疫群英谱）``, ``(新春走基层)``).
_LABEL_END_RE = re.compile(f"[（(][ \t\u3000]*[{HAN}][^（()）]{{1,20}}[）)][ \t\u3000]*$")


def _opens_story(group: list[_Line]) -> bool:
    """Whether a block seen between stories is the text of a story printed without a dateline: prose
    with a sentence end, or more lines than any headline has (a column may break before the first
    sentence ends)."""
    text = "".join(line.text for line in group)
    if _headline_lines_exceeded(group) and len(_HAN_RE.findall(text)) >= 24:
        return True
    return (_looks_like_prose(group) and not _is_headline_like(group)) or _is_body_fragment(group)


def _headline_lines_exceeded(group: list[_Line]) -> bool:
    """Whether a block has more lines of type than a headline has: `_HEADLINE_MAX_LINES`, or
    `_LABELLED_HEADLINE_MAX_LINES` for a block closed by a column's label in brackets with no sentence
    mark in it, a headline set in a narrow column (``武汉体育中心方舱`` / ``医院专家组成员李`` / ``勇`` /
    ``一边治病救`` / ``人，一边科研`` / ``创新 (一线抗`` / ``疫群英谱)``)."""
    lines = _type_lines(group)
    if lines <= _HEADLINE_MAX_LINES:
        return False
    return lines > _LABELLED_HEADLINE_MAX_LINES or not _closed_by_a_label(group)


# A headline set in a narrow column and closed by its column's label has at most this many lines.
_LABELLED_HEADLINE_MAX_LINES = 8


def _closed_by_a_label(group: list[_Line]) -> bool:
    """A block whose text, read across its lines, ends on a column's label in brackets and holds no
    sentence mark: no jump line (``（下转第二版）``), at most one comma."""
    text = _MULTI_SPACE_RE.sub("", "".join(line.text.strip() for line in group))
    return bool(
        _LABEL_END_RE.search(text)
        and not _SENTENCE_PUNCT_RE.search(text)
        and len(_COMMA_RE.findall(text)) <= 1
        and not re.search(_JUMP + "$", text)
    )


def _type_lines(group: list[_Line]) -> int:
    """A block's lines of type, not counting the specks the OCR made of a large character's strokes in a
    headline it read in pieces: a lone character (``起``), or one or two among brackets and bars
    (``[二己|``). The lines a headline may have are counted so."""
    return sum(1 for line in group if not _is_display_specks(line.text))


def _is_display_specks(text: str) -> bool:
    text = _MULTI_SPACE_RE.sub("", text.strip())
    return bool(
        _LONE_HAN_RE.fullmatch(text) or (_SPECKS_RE.fullmatch(text) and re.search(r"[\[\]|｜]", text))
    )


_LONE_HAN_RE = re.compile(f"[{HAN}]")
# One or two Han characters among brackets and bars.
_SPECKS_RE = re.compile(f"[\\[\\]|｜()（）]*(?:[{HAN}][\\[\\]|｜()（）]*){{1,2}}")


def _short_paragraph(group: list[_Line]) -> bool:
    """A paragraph of one short sentence wrapped over its column (``今年是中国女童助学公益项目“春蕾计划”``
    / ``实施30年。``): two lines or more, the last ending the sentence, no comma needed; a headline never
    wraps onto a line that ends a sentence."""
    if len(group) < 2 or _is_headline_like(group):
        return False
    text = "".join(line.text.strip() for line in group)
    return len(_HAN_RE.findall(text)) >= _SHORT_PROSE_CHARS and bool(
        re.search('[。！？][”’"]?$', group[-1].text.strip())
    )


# Headlines may carry a colon or a comma (``二七区：以“绣花功夫”提升城市颜值``), never a sentence end.
_SENTENCE_PUNCT_RE = re.compile("[。；！？;]|[!?](?![0-9A-Za-z])")


# A kicker naming a person or place has at most this many Han characters before its colon.
_KICKER_MAX_CHARS = 6


_NAME_KICKER_RE = re.compile(f"[{HAN}]{{2,{_KICKER_MAX_CHARS}}}[ \t\u3000]*[:：]")


def _is_name_kicker(group: list[_Line]) -> bool:
    """A line of its own that only names someone or somewhere before a colon (``徐发荣：``): the kicker
    over a headline, never a line of prose."""
    return len(group) == 1 and bool(_NAME_KICKER_RE.fullmatch(group[0].text.strip()))


# A line of this many Han characters or more ending on a full stop or a semicolon is a clause of text
# (an OCR engine also reads a quote as ``?``, so a question mark inside a line is no such cue).
_CLAUSE_CHARS = 8


_CLAUSE_END_RE = re.compile("[。；;][ \t\u3000]*$")


# Words that open a sentence of reported text, before its comma (``据介绍，``, ``据了解，``): never a
# headline's.
_PROSE_OPENER_RE = re.compile(
    "^[ \t\u3000]*(?:据(?:介绍|了解|悉|统计|报道|测算|估计)|记者(?:了解到|获悉|注意到))[ \t\u3000]*[，,]"
)


def _label_dots_read(group: list[_Line]) -> list[str]:
    """The block's lines, a middle dot the OCR read as ``。`` inside the column label closing the block
    (``无私奉献 守护安宁 (为了`` / ``民族复兴。 英雄烈士谱)``) put back as ``·``: a label's dot ends no
    sentence. So is a dot ending a line of the label whose next line goes on with it (``(新春走基层。`` /
    ``脱贫攻坚一线见`` / ``闻)``): the label wrapped right after its dot."""
    texts = [line.text for line in group]
    if not _LABEL_END_RE.search("".join(text.strip() for text in texts)):
        return texts
    for index in range(len(texts) - 1, -1, -1):
        opening = max(texts[index].rfind("("), texts[index].rfind("（"))
        if opening >= 0:
            texts[index] = texts[index][:opening] + _LABEL_DOT_RE.sub("·", texts[index][opening:])
            for later in range(index + 1, len(texts)):
                texts[later] = _LABEL_DOT_RE.sub("·", texts[later])
            for wrapped in range(index, len(texts) - 1):
                if _HAN_START_RE.match(texts[wrapped + 1]):
                    texts[wrapped] = _LABEL_DOT_AT_END_RE.sub("·", texts[wrapped])
            break
    return texts


def name_dots_read(group: list[_Line]) -> list[_Line]:
    """A headline of a line or two, a foreign name's middle dot the OCR read as ``。`` or ``.`` between
    two Han characters (``习近平同巴基斯坦总理伊姆兰。汗通电话``) put back as ``·``: no other sentence mark in
    the block and none at its end, so that dot ends no sentence. Other blocks are returned as they are."""
    texts = [line.text.strip() for line in group]
    if (
        len(group) > 2
        or not any(_NAME_DOT_RE.search(text) for text in texts)
        or any(_SENTENCE_PUNCT_RE.search(_NAME_DOT_RE.sub("·", text)) for text in texts)
        or re.search(f"[^{HAN}A-Za-z0-9”’）)]$", texts[-1])
    ):
        return group
    return [_Line(line.number, _NAME_DOT_RE.sub("·", line.text), line.blank_before) for line in group]


# A middle dot read as a full stop between a foreign name's parts: ``伊姆兰。汗``, ``伊姆兰.汗``.
_NAME_DOT_RE = re.compile(f"(?<=[{HAN}])[。.](?=[{HAN}])")


# A middle dot read as a full stop: ``。`` or ``.`` with more of the label after it.
_LABEL_DOT_RE = re.compile(f"[。.][ \t\u3000]*(?=[{HAN}])")


# A dot ending a line of a label wrapped after it, and the Han character opening the line it wraps onto.
_LABEL_DOT_AT_END_RE = re.compile("[。.][ \t\u3000]*$")
_HAN_START_RE = re.compile(f"[ \t\u3000]*[{HAN}]")


def _is_headline_like(group: list[_Line]) -> bool:
    texts = _label_dots_read(group)
    text = "".join(texts)
    if _PROSE_OPENER_RE.match(group[0].text):
        return False  # ``据介绍，我国森林旅游近年来不断开拓创``: a line of text a column break cut off
    if _open_book_marks(text) != text.count("》"):
        # A title a headline names is whole in it: a book-title mark left open (``依据《中国共产党纪律处分
        # 条例》“《中``, ``山西近期编制的《山西中部盆地城``) is a body line a column break cut.
        return False
    if _OPEN_SPEECH_RE.search(text):
        # Words quoted after a colon and left open (``越南大学生阮氏垂玲对本报记者`` / ``说:“这是我第一次观看皮影
        # 戏并触摸``): a paragraph's lines a column break cut, the quote going on below; a headline that
        # quotes someone closes the quote.
        return False
    # A column's label in brackets alone on its line (``【追踪】``) is a kicker, no line of the head.
    if len([line for line in texts if not _BRACKETED_LABEL_RE.match(line)]) > _QUESTION_HEADLINE_LINES:
        return not any(_SENTENCE_PUNCT_RE.search(line) for line in texts)
    return not any(_SENTENCE_PUNCT_RE.search(_QUESTION_HEADLINE_RE.sub("", line)) for line in texts)


def _open_book_marks(text: str) -> int:
    """The book-title marks ``《`` a headline's text opens, not counting one a round bracket closes before
    any ``》``: a column label's round bracket the OCR read as ``《`` where the headline wrapped inside
    the label (``用形体营造诗意 《看`` / ``台人语)``)."""
    return len(_BOOK_MARK_AS_BRACKET_RE.sub("", text).split("《")) - 1


# A quote opened after a colon (``说:“``) and not closed after it.
_OPEN_SPEECH_RE = re.compile('[:：][ \t\u3000]*[“"][^”"]*$')


# ``《`` that a round bracket closes within a label's length, before any other mark: a label's bracket.
_BOOK_MARK_AS_BRACKET_RE = re.compile(r"《(?=[^《》()（）]{1,12}[)）])")


# A column's label in brackets, alone on its line: ``【追踪】``, ``【聚焦】``.
_BRACKETED_LABEL_RE = re.compile(f"^[ \t\u3000]*【[{HAN}·]{{2,8}}】[ \t\u3000]*$")


# A headline that asks or exclaims has at most this many lines.
_QUESTION_HEADLINE_LINES = 2


# A headline may ask or exclaim once, at its end, perhaps before its column label:
# ``开着暖气，为啥还吹冷气？（说道）``, ``“为中国加油！”``.
_QUESTION_HEADLINE_RE = re.compile(
    "^(?=.{2,30}$)([^。；！？;!?]+)[！？!?][”’]?[ \t\u3000]*(?:[（(][^（()）]{1,12}[）)])?[ \t\u3000]*$"
)


# ASCII punctuation an OCR engine puts in for a Chinese mark, counted half a cell; not its quotes: it
# reads the full-width quotes of Chinese type (“”‘’, a whole cell each) as ASCII ``"`` and ``'``.
_ASCII_MARK_RE = re.compile("[!#-&(-/:-@\\[-`{-~]")


def _cells(text: str) -> float:
    """A line's width in cells as set, an OCR engine's spaces aside. Digits and Latin letters take half
    a cell in most type, a whole one in some: the wider reading counts; ASCII punctuation an OCR engine
    put in counts half, its quotes a whole cell (``路"倡议建立在互利合作的基础之上，`` is a full line)."""
    text = _MULTI_SPACE_RE.sub("", text.strip())
    return max(display_width(text), len(text) - 0.5 * len(_ASCII_MARK_RE.findall(text)))


# A headline line is at most this much wider than the body column (it may span several columns).
_HEADLINE_MAX_LINES = 4


# A photo's credit on a line of its own: ``刘帅冶摄（人民视觉）``, ``毛勇锋摄（影像中国）``,
# ``春秋航空供图（新华社发）``, a picture report's ``袁  琛摄影报道（影像中国）``, by up to three
# photographers (``王  昊  孙  昊摄影报道（影像中国）``, ``张梓望  李秀婷  黄锦辉摄影报道（影像中国）``); a
# picture report's credit names no agency on some (``韩  鑫  张  炯摄影报道``).
_AGENCY_CREDIT_RE = re.compile(
    f"^[ \t\u3000]*[{HAN}·][{HAN}·、 \t\u3000]{{1,20}}(?:(?:摄影报道|摄|供图)[ \t\u3000]*[（(][ \t\u3000]*[{HAN}]{{2,8}}"
    f"[ \t\u3000]*[）)]|摄影报道)[ \t\u3000]*$"
)


# A comma as printed (``，``) or as an OCR engine reads it (``,``; not a digit group's, ``1,000``).
_COMMA_RE = re.compile("，|,(?![0-9])")
