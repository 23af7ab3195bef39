"""What one line of an OCR'd newspaper page is, and the line groups around it.

The line-level part of the page parser (`storage.ingest.ocr_page`): the patterns of datelines, bylines,
end marks, jump lines, captions and page furniture (running headers and footers); cleaning prose and
headline lines of the OCR's stray spaces; reading bylines and dateline dates; measuring a line in cells
and a page's column widths; where a paragraph ends and how wrapped lines join again; splitting the text
into numbered lines (side-by-side columns apart, wrapped notes and datelines mended) and blank-line groups,
and what a group looks like (prose, a body fragment, a headline, a story's opening).
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from storage.ingest.page_county import (
    is_county_furniture,
)
from storage.ingest.page_fragments import word_across

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


_PAGE_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


# A city paper's header prints the date with dots (``2019.10.28  星期一``), some with dashes or slashes.
_DOTTED_DATE_RE = re.compile(r"(?<![0-9.])(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![0-9.])")


# Page furniture: the running header or footer (date and weekday, page number, section, editors' credits).
_WEEKDAY_RE = re.compile("星期[一二三四五六日天]|周[一二三四五六日]")


_PAGE_NUMBER_RE = re.compile(
    r"第\s*[0-9一二三四五六七八九十]{1,3}\s*版|(?:^|\s)[A-Za-z]?\d{1,2}\s*版(?:\s|$)"
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
# ``（责任编辑：王某）`` (``（编辑手记）`` closing a headline is no credit).
_EDITOR_CREDIT_RE = re.compile(
    f"(?:^|\\s)(?:本版)?(?:{_EDITOR_ROLES})\\s*[:：]?\\s*[{HAN}]{{2,4}}(?:\\s|$)"
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


def is_notice_box(texts: list[str]) -> bool:
    """A notice under its label, a weather box or a results box, in one block of lines."""
    if len(texts) < 2:
        return False
    if _NOTICE_LABEL_RE.match(texts[0]):
        return True
    if _RESULTS_LABEL_RE.match(texts[0]):
        return all(_SCORE_LINE_RE.match(text) for text in texts[1:])
    return bool(_WEATHER_LABEL_RE.match(texts[0])) and all("℃" in text for text in texts[1:])


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
_ROLE = "|".join(
    r.replace("/", r"\s*/\s*") + (_ROLE_MARK.get(r, "(?=[:：/／｜|])") if r in ("文", "图", "作者") else "")
    for r in sorted(_REPORTER_ROLES + _CORRESPONDENT_ROLES, key=len, reverse=True)
)


# A two-character name may be padded to three cells (``李  婕``): one name, not two.
# A column's name after 记者 (``记者手记``, ``记者观察``) is no reporter's name: no byline.
_COLUMN_WORDS = "手记|札记|观察|感言|随笔|笔记|日记|调查|点评|述评|追踪|探访|走访|连线|视点|体会"
_NAME = (
    f"(?!(?:{_COLUMN_WORDS})(?![{HAN}]))"
    f"(?:[{HAN}][ \t\u3000]{{1,3}}[{HAN}](?![{HAN}·])|[{HAN}][{HAN}·]{{1,4}})"
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


# A photo caption: ``图为…``, ``上图：…``, ``▲…``, ``图①…``; its credit ``本报记者 景静 摄``.
_CAPTION_RE = re.compile("^[ \t\u3000]*(?:图为|上图|下图|左图|右图|图片说明|▲|△|图[①-⑩0-9１-９])")


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
        elif piece in _REPORTER_ROLES:
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


def parse_dateline_date(first_line: str, *, year: int | None, page_date: str | None) -> str | None:
    """The story's date from its dateline: month/day plus the page's year; relative words need the page date.

    `first_line` is the story's opening text (its first lines joined, so that a date the column
    wrapped, ``4月17`` / ``日，``, is whole). The date is the one in the dateline itself
    (``本报郑州4月4日电``) or in the lead's first clause (``本报讯 4月 4日上午，``), never one further on.
    """
    match = _DATELINE_RE.match(first_line)
    head = first_line[match.end() :] if match else first_line
    head = re.split("[，。,]", clean_prose(head[:40]), maxsplit=1)[0][:24]
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


def find_page_date(text: str) -> str | None:
    """A full date printed on the page outside stories (a page header such as ``2023年4月14日 星期五``)."""
    for line in text.splitlines():
        if not ("星期" in line or "版" in line or is_page_furniture(line)):
            continue
        if m := _PAGE_DATE_RE.search(line):
            parts = (m.group(1), m.group(2), m.group(3))
        elif (m := _DOTTED_DATE_RE.search(line)) and is_page_furniture(line):
            parts = (m.group(1), m.group(3), m.group(4))
        else:
            continue
        try:
            return date(*(int(x) for x in parts)).isoformat()
        except ValueError:
            continue
    return None


# A note on the piece's author after its text (``作者简介：王某，…``, ``【作者简介】王某，…``): a paragraph of
# the piece, opening on a line of its own.
AUTHOR_NOTE_RE = re.compile("^[ \t\u3000]*[【\\[]?(?:作者简介|作者小传)[】\\]：:]")

# Verse: this many lines in a row or more, each set short of the column.
_VERSE_RUN = 4
# A line opening with an ornament is a label or a sub-heading (``◆诗歌``, ``■多措并举``), no verse.
_VERSE_ORNAMENTS = tuple("□■◇◆◎★☆●▲▶►")


def _verse_line(line: _Line, column_width: float) -> bool:
    """A line that can be a line of verse: set shorter than a paragraph's first line by more than the
    margin, not ending in a mark that goes on (``、``, ``——``) nor leaving a bracket or quote open."""
    text = line.text.strip()
    return (
        bool(text)
        and not text.startswith(("——", "·", "【", *_VERSE_ORNAMENTS))
        and _set_width(text) < column_width - _INDENT_CELLS - _SHORT_MARGIN
        and not text.endswith(("、", "——", "…"))
        and _is_subheading(re.sub(f"[{_SENTENCE_END}{_SOFT_END}，][{_CLOSERS}]*$", "", text) or text)
    )


_INNER_MARK_RE = re.compile("[，。；：、！？,;:]")


def verse_lines(lines: list[_Line], column_width: float) -> set[int]:
    """Indexes of the lines set as verse: four or more in a row (stanza breaks between them or not),
    each short of the column (`_verse_line`), their widths ragged (no width held by more than two in
    three of them), three in four of them holding no clause mark before their end. Prose fills every
    line of a paragraph but its last and runs its clauses on inside its lines, so such a run is a
    poem's lines, each a paragraph of its own, whether or not it ends in a mark."""
    out: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, None]):
        if line is not None and _verse_line(line, column_width):
            run.append(index)
            continue
        widths = Counter(math.ceil(_set_width(lines[k].text.strip())) for k in run)
        # Prose runs its clauses on inside its lines; a line of verse is a phrase, a mark at most at its end.
        inner = sum(1 for k in run if _INNER_MARK_RE.search(lines[k].text.strip()[:-1]))
        ragged_phrases = 3 * max(widths.values(), default=0) <= 2 * len(run) and 4 * inner <= len(run)
        if len(run) >= _VERSE_RUN and (ragged_phrases or all(_couplet_line(lines[k].text) for k in run)):
            out.update(run)
        run = []
    return out


# A line of classical verse: two or more phrases of one length (three to seven characters) parted by
# commas, a mark at most at its end (``夺情逆行，长泪辞岁``).
_COUPLET_LINE_RE = re.compile(f"^([{HAN}]{{3,7}})(?:，[{HAN}]+)+[，。；！？]?$")


def _couplet_line(text: str) -> bool:
    """Whether a line is a line of classical verse: phrases of equal length parted by commas. Such
    lines stand one under another, all of a width, so the ragged widths `verse_lines` asks of free
    verse do not show them; prose never sets four short lines in a row of equal phrases."""
    line = text.strip()
    found = _COUPLET_LINE_RE.match(line)
    if found is None:
        return False
    phrases = re.sub("[，。；！？]$", "", line).split("，")
    return all(len(phrase) == len(found[1]) for phrase in phrases)


def join_lines(lines: list[_Line], column_width: float) -> list[str]:
    """Join wrapped lines into paragraphs, telling paragraph ends from column breaks.

    When the OCR kept paragraph indents (a full-width space or two spaces before a line), the indents
    say where paragraphs start; otherwise line widths and sentence ends do (see `_ends_paragraph`); a
    line of verse (`verse_lines`) is a paragraph of its own.
    """
    indented_layout = any(_INDENT_RE.match(line.text) for line in lines)
    verse = verse_lines(lines, column_width)
    rest = _texts_from(lines)
    paragraphs: list[str] = []
    current = ""
    first = 0  # index of the current paragraph's first line
    for index, line in enumerate(lines):
        text = line.text.strip()
        if index and current:
            after = lines[index + 1] if index + 1 < len(lines) else None
            if index - 1 in verse:  # a line of verse ends its paragraph (a run's first may end a prose one)
                paragraphs.append(current)
                current = ""
                first = index
            elif (
                _repeated_below(current, rest[index])
                or _ends_bulleted_item(current, line, after, column_width)
                or _ends_paragraph(
                    lines[index - 1],
                    line,
                    after,
                    column_width,
                    indented_layout=indented_layout,
                    # A paragraph's first line; under a dateline alone on its line, the lead's first line.
                    first_line=index - 1 == first
                    or (index == 2 and first == 0 and _bare_dateline(lines[0].text)),
                    # The lead's first line, after a dateline set on a line of its own or not.
                    opening=index == 1 or (index == 2 and _bare_dateline(lines[0].text)),
                )
            ):
                paragraphs.append(current)
                current = ""
                first = index
        current = _concat(current, text)
    if current:
        paragraphs.append(current)
    return [clean_prose(p) for p in paragraphs]


# A bullet opening a line: an item of a list, or a brief's head in a column of briefs (the segmenter's).
BULLET_RE = re.compile("^[ \t\u3000]*[■▶●◆►][ \t\u3000]*")


def _ends_bulleted_item(current: str, following: _Line, after: _Line | None, column_width: float) -> bool:
    """Whether an item opened by a bullet (``●不宜大量存放，…也要避免阳光直射``) ends before `following`,
    a paragraph's first line (two cells short over a full line): an item may end at the column's edge
    without a full stop, and a line of it running on would not be set short."""
    return bool(BULLET_RE.match(current)) and _first_line_over_full(following, after, column_width)


# A paragraph so far, ending in a word, said again further down the story as a whole clause is a
# standfirst (``…甚至无来由的民间传说`` over the text that says ``…甚至无来由的民间传说。``): it ends where its
# words do, at the column's edge or not. Shorter runs repeat by chance.
_REPEATED_MIN_HAN = 12


def _texts_from(lines: list[_Line]) -> list[str]:
    """For each line, the text from it to the story's end, without spaces."""
    texts = [""] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        texts[index] = re.sub(r"\s+", "", lines[index].text) + texts[index + 1]
    return texts


def _repeated_below(current: str, rest: str) -> bool:
    """Whether a paragraph so far, ending in a word, is said again in `rest` up to a clause's end."""
    bare = re.sub(r"\s+", "", current)
    if not re.search(f"[{HAN}]$", bare) or len(_HAN_RE.findall(bare)) < _REPEATED_MIN_HAN or bare not in rest:
        return False
    return re.search(re.escape(bare) + f"[{_SENTENCE_END}{_SOFT_END}，,]", rest) is not None


def _bare_dateline(text: str) -> bool:
    """A dateline alone on its line (``新华社符拉迪沃斯托克2月11日电``), the lead under it."""
    dateline = _DATELINE_RE.match(text)
    return dateline is not None and not text[dateline.end() :].strip()


def _ends_paragraph(
    line: _Line,
    following: _Line,
    after: _Line | None,
    column_width: float,
    *,
    indented_layout: bool = False,
    first_line: bool = False,
    opening: bool = False,
) -> bool:
    """Whether a paragraph ends after `line` (`following` is the next line, `after` the one after it).

    Print sets every line of a paragraph full except its last, and indents its first. So:

    - a sentence end on a short line ends the paragraph;
    - where the OCR kept indents, an indented line starts one, and a full line ending a sentence
      followed by an unindented line is a column break at a sentence end;
    - where it dropped them, the first line is still short: after a full line ending a sentence, a
      short next line starts a paragraph when a blank line stands before it, or when it does not end
      a sentence itself and more lines follow (only a first line is short and not final); a full next
      line after a blank means a column break at a sentence end.

    A paragraph's first line (`first_line`) holds two cells less for its indent: it is short only when
    shorter than that, so a first line whose sentence ends at the line end does not end the paragraph.
    Two cues catch breaks the widths above miss: a line a cell short because the opening mark that
    would end it went on to a full next line is full (`_carried_mark`), and a line two cells short
    between a sentence end and a full line is a first line (`_opens_paragraph`).
    """
    text = line.text.strip()
    if _bare_dateline(text):
        return False  # a dateline filling its line runs on into the lead, indented or not
    if text[:1] in "（(" and is_byline(text):
        return False  # the dateline's reporters in brackets on a line of their own: the lead follows
    if text.count("（") + text.count("(") > text.count("）") + text.count(")"):
        return False  # a bracket left open (``新华社杭州10月9日电（记者`` / ``江远芳）…``) goes on
    if _FINAL_RE.search(text) and _DATELINE_RE.match(following.text):
        return True  # a story's second dispatch opens a paragraph of its own
    if AUTHOR_NOTE_RE.match(following.text):
        return True  # ``作者简介：…`` after the piece's last sentence, full line or not
    if _AGENCY_CREDIT_RE.match(following.text) or _AGENCY_CREDIT_RE.match(text):
        return True  # a photo's credit kept in a story (``许华森摄（影像中国）``) is a paragraph of its own
    if _DATELINE_END_RE.search(text) and following.text.lstrip()[:1] in "（(":
        # ``新华社北京电 据新华社东京2月24日电`` / ``  （李简、沈红辉）第二届…``: the dateline's reporters,
        # spaces before them or not, and the lead after them go on from the dateline.
        return False
    if indented_layout and _INDENT_RE.match(following.text):
        return True
    if BULLET_RE.match(following.text) and re.search(f"[{HAN}{_CLOSERS}]$", text):
        # ``…喷酒精时不抽烟`` / ``●避免在…``: a bullet opens an item of a list, a paragraph of its own,
        # though the item above ended at the column's edge without a full stop.
        return True
    limit = column_width - _SHORT_MARGIN
    room = column_width - (_INDENT_CELLS if first_line else 0.0)
    if _carried_mark(text, following.text.strip(), room, column_width) and (
        not following.blank_before or display_width(following.text.strip()) >= column_width - _HALF_CELL
    ):
        # The line is full: the opening mark that would end it went on to the next line (past a column
        # break too when that line fills the column: a paragraph's first line never does).
        return False
    short = _set_width(text) + line.lead_in < limit - (_INDENT_CELLS if first_line else 0.0)
    if not indented_layout and _opens_paragraph(text, following, after, column_width):
        return True
    if _dialogue_turn(text, following.text.strip()):
        return True
    if _FINAL_RE.search(text) and _ELLIPSIS_LINE_RE.match(following.text):
        return True  # ``……`` alone on its line after a sentence: a pause set as a paragraph of its own
    if _FINAL_RE.search(text) and _CLOSING_NOTE_RE.match(following.text):
        return True  # ``（本报罗马2月13日电）`` after the last sentence: a paragraph of its own
    if _REFERENCE_NOTE_RE.match(following.text):
        return False  # ``（相关报道见第四版）`` goes with the sentence it follows
    if _FINAL_RE.search(text):
        if short:
            return True
        if indented_layout:
            return False
        following_text = following.text.strip()
        if _set_width(following_text) >= limit:
            return False
        if after is not None and _carried_mark(
            following_text, after.text.strip(), column_width, column_width
        ):
            return False  # the next line is full but for an opening mark it gave to the line after
        if following.blank_before:
            return True
        return after is not None and not _FINAL_RE.search(following_text)
    if _SOFT_FINAL_RE.search(text):
        # ``…接连产生；`` full at a column's end, the next column opening with a first line (two cells
        # short over a full line): a paragraph ended on the semicolon at the column's edge.
        return short or (following.blank_before and _first_line_over_full(following, after, column_width))
    # A short line without end punctuation is a sub-heading (``多措并举稳就业``, ``三、强化要素保障``) or a
    # paragraph printed without it: print fills every line of a paragraph but its last.
    clearly_short = _set_width(text) <= _SUBHEADING_SHARE * column_width
    if short and _bare_figure(text):
        return True  # a figure set as a paragraph of its own over the lead (``3.57万亿``)
    if _ornamented_subheading(text) and (
        _set_width(text) < column_width - _INDENT_CELLS
        or _first_line_over_full(following, after, column_width)
    ):
        # ``■多措并举稳就业``: an ornament opens a sub-heading, a paragraph of its own, set shorter than a
        # paragraph's first line or over one (a bulleted paragraph's first line is followed by full ones).
        return True
    if indented_layout or opening:
        return False
    if (
        short
        and (following.blank_before or _lone_character(text))
        and _first_line_going_on(following, after, column_width)
    ):
        # A short line ending no sentence before a column break, or a lone character (a sub-heading's
        # wrapped tail, ``聚``), and the next line opening a paragraph (two cells short) whose text goes
        # on: every line of a paragraph but its last is full, so the paragraph ended on the short line.
        return True
    if not _is_subheading(text):
        return False
    # A sub-heading set nearly as wide as the column (``全面排查，实现“两不愁三保障”``) is still short
    # for its place, and the next line opens a paragraph (two cells short over a full line): a line
    # running on would have filled its own. A column break may part that first line from its full one.
    # A line opening a paragraph over a line that can only be a paragraph's first line is a paragraph
    # of one line ending no sentence: a sub-heading, however wide (only widths as set, not an OCR'd
    # page's rough ones, tell a first line from an inner one, so a line inside a paragraph never ends
    # it this way).
    return (
        clearly_short
        or (
            short
            and _first_line_over_full(
                following, after, column_width, across_a_break=not following.blank_before
            )
            and _next_unit_fits(text, following.text.strip(), room)
        )
        or (first_line and _set_as_first_line(following, after, column_width))
    )


def _set_as_first_line(following: _Line, after: _Line | None, column_width: float) -> bool:
    """Whether `following` can only be a paragraph's first line: two cells short over a full line (in
    its block, or at the top of the next one after a column break), its sentence going on, and the next
    line's first unit would have fit on it (a paragraph's inner line is set full and its last line ends
    its sentence). Above it, a sub-heading set as wide as a first line
    (``持之以恒加强党的建设，努力铸牢“根”和“魂”``) ends its paragraph."""
    if after is None or not _first_line_over_full(
        following, after, column_width, across_a_break=not following.blank_before
    ):
        return False
    text = following.text.strip()
    # The next unit must fit beside the line's final mark too: a line ending ``，`` or ``”`` a cell
    # short may have stopped because ``“我`` would not fit.
    unit = _LINE_UNIT_RE.match(after.text.strip())
    return (
        not re.search(f"[{_SENTENCE_END}{_SOFT_END}][{_CLOSERS}]*$", text)
        and unit is not None
        and display_width(text) + display_width(unit.group()) <= column_width
    )


# A quotation closed after its sentence's end at a line's end (``…暂停巡逻。”``).
_CLOSED_QUOTE_RE = re.compile(f"[{_SENTENCE_END}]”$")

# An ellipsis alone on its line (``……``).
_ELLIPSIS_LINE_RE = re.compile("^[ \t\u3000]*(?:…|\\.{3}|。{3})+[ \t\u3000]*$")

# A whole quotation alone on its line (``“小美，架好设备，做好记录。”``).
_WHOLE_QUOTE_RE = re.compile(f"^“[^“”]+[{_SENTENCE_END}]”$")


def _dialogue_turn(text: str, following: str) -> bool:
    """Whether `following` is a turn of a dialogue, a paragraph of its own: a whole quotation alone on
    its line after a line whose quotation closed after a sentence's end. Within one paragraph one
    speaker's quotations are joined by words (``他说，``), never set one after another, so a second
    quotation straight after the first is the next speaker's, set on a new line."""
    return _CLOSED_QUOTE_RE.search(text) is not None and _WHOLE_QUOTE_RE.match(following) is not None


# A figure printed as a paragraph of its own, the lead's highlight: ``3.57万亿``, ``98.6%``, ``1.2亿人次``.
_BARE_FIGURE_RE = re.compile(f"^[0-9][0-9.,，]*(?:[%％‰]|[万亿]{{1,2}}[{HAN}]{{0,2}})$|^[0-9]+[.][0-9]+$")


def _bare_figure(text: str) -> bool:
    """Whether a line, after the story's dateline and its reporters in brackets, is a bare figure."""
    rest = text.strip()
    dateline = _DATELINE_RE.match(rest)
    if dateline:
        rest = rest[dateline.end() :].strip()
        rest = re.sub("^[（(][^（）()]*[）)]", "", rest).strip()
    return bool(_BARE_FIGURE_RE.match(rest)) and any(c.isdigit() for c in rest)


_OPENING_MARKS = "“‘（《「『【("

# What a typesetter keeps together at a line's start: a book title, a run of digits or Latin letters,
# an opening mark with the character after it.
_LINE_UNIT_RE = re.compile(f"^(?:《[^《》]{{1,12}}》|[A-Za-z0-9.%]+|[{_OPENING_MARKS}]?.)")


def _next_unit_fits(text: str, following: str, room: float) -> bool:
    """Whether the first unit of the next line would have fit at the end of `text` (a line left short
    only because ``《特殊作业》`` or ``2019`` did not fit is full); a mark hung past the edge takes no room."""
    unit = _LINE_UNIT_RE.match(following)
    return unit is not None and _set_width(text) + display_width(unit.group()) <= room


def _first_line_over_full(
    following: _Line, after: _Line | None, column_width: float, *, across_a_break: bool = False
) -> bool:
    """Whether `following` is set as a paragraph's first line (two cells short, half a cell more with
    half-width characters) over a full line in the same block (or, `across_a_break`, at the top of the
    next block: a column break between a paragraph's first line and its second)."""
    if after is None or (after.blank_before and not across_a_break):
        return False
    text = following.text.strip()
    half_cell = _HALF_CELL if re.search("[\x21-\x7e]", text) else 0.0
    first = column_width - _INDENT_CELLS
    return (
        first - 1.0 - half_cell <= _set_width(text) <= first
        and display_width(after.text.strip()) >= column_width - 0.5
    )


def _lone_character(text: str) -> bool:
    """Whether a line holds one Han character alone: the tail a wrapped line carried over."""
    return bool(re.fullmatch(f"[{HAN}]", text))


def _first_line_going_on(following: _Line, after: _Line | None, column_width: float) -> bool:
    """Whether `following` is set as a paragraph's first line (two cells short, half a cell more with
    half-width characters) and its sentence goes on to the next line of its block."""
    if after is None or after.blank_before:
        return False
    text = following.text.strip()
    half_cell = _HALF_CELL if re.search("[\x21-\x7e]", text) else 0.0
    first = column_width - _INDENT_CELLS
    return first - 1.0 - half_cell <= _set_width(text) <= first and not re.search(
        f"[{_SENTENCE_END}{_SOFT_END}][{_CLOSERS}]*$", text
    )


def _carried_mark(text: str, following: str, room: float, column_width: float) -> bool:
    """Whether `text` ended short of its room only because an opening mark may not end a line: the
    next line starts with one, the mark with the character after it would not have fit, and the next
    line is set full (a paragraph's first line, two cells short, would start a paragraph instead)."""
    return (
        len(following) > 1
        and following[0] in _OPENING_MARKS
        and display_width(text) < room < display_width(text + following[:2])
        and _set_width(following) > column_width - _INDENT_CELLS
    )


def _opens_paragraph(text: str, following: _Line, after: _Line | None, column_width: float) -> bool:
    """Whether `following` is a paragraph's first line when the OCR dropped its indent: after a line
    that ends a sentence or a phrase, a line set two cells short (its indent) followed by a full line.
    A paragraph's last line is followed by a first line, which is never full, so a short line before
    a full one can only be a first line (or a line that gave an opening mark to the next)."""
    if after is None or following.blank_before or after.blank_before:
        return False
    following_text = following.text.strip()
    after_text = after.text.strip()
    first_line_full = column_width - _INDENT_CELLS
    # Set with half-width characters (digits, Latin), a first line may stop half a cell short of its
    # measure: the next character, a full-width one, did not fit.
    half_cell = _HALF_CELL if re.search("[\x21-\x7e]", following_text) else 0.0
    # Set to the column's measure; or a cell short before an opening mark, which either went down to a
    # full line (see `_carried_mark`) or opens a paragraph, whose first line is two cells short.
    set_full = display_width(text) == column_width or (
        display_width(text) == column_width - 1.0 and following_text[:1] in _OPENING_MARKS
    )
    if not re.search(f"[{_SENTENCE_END}{_SOFT_END}][{_CLOSERS}]*$", text) and not (
        re.search(f"[{HAN}][{_CLOSERS}]*$", text)
        and (
            display_width(text) <= first_line_full
            or (
                set_full
                and first_line_full - half_cell <= display_width(following_text) <= first_line_full
                and following_text[-1] not in _HANGING
            )
        )
    ):
        # A line that stops mid-sentence runs on unless clearly short, or set exactly to the column's
        # measure over a line exactly two cells short, no mark hung (a line a cell short with a hung
        # ``，`` is only an OCR'd line's rough width): an epigraph without a full stop ending at the edge.
        return False
    if _DATELINE_RE.match(following_text) or _carried_mark(
        following_text, after_text, column_width, column_width
    ):
        return False
    # A full line, less the marks it may hang or end on (``……``), is wider than a first line.
    after_body = display_width(after_text.rstrip(_HANGING + "…—"))
    return (
        first_line_full - 1.0 <= _set_width(following_text) <= first_line_full
        and display_width(after_text) >= column_width - 0.5
        and after_body > first_line_full
    )


# The ornaments a sub-heading may open with (``■多措并举稳就业``, ``● ●传承红色基因``).
_SUBHEADING_ORNAMENT_RE = re.compile("^[ \t\u3000]*(?:[■●◆▲□◇★][ \t\u3000]*)+")


def _ornamented_subheading(text: str) -> bool:
    """An ornament, then at most 20 characters that can stand as a paragraph and end no sentence."""
    rest = _SUBHEADING_ORNAMENT_RE.sub("", text, count=1)
    return (
        rest != text
        and 2 <= len(rest) <= 20
        and _is_subheading(rest)
        and not re.search(f"[{_SENTENCE_END}][{_CLOSERS}]*$", rest)
    )


# A sub-heading is set clearly shorter than the column: at most this share of its width.
_SUBHEADING_SHARE = 0.7


def _is_subheading(text: str) -> bool:
    """A line that can stand as a paragraph of its own: Han text of 2 characters or more, not ending in
    a mark that goes on (``、``, ``——``, an opening quote or bracket), brackets and quotes closed."""
    if (
        len(_HAN_RE.findall(text)) < 2
        or not re.search(f"[{HAN}”’）)》」』]$", text)
        or _DATELINE_RE.match(text)
    ):
        return False
    return (
        text.count("“") <= text.count("”")
        and text.count("（") <= text.count("）")
        and (text.count("《") <= text.count("》"))
    )


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


def _interior_widths(story: _Story) -> list[float]:
    """Widths of the lines inside a block, neither first nor last: the middle lines of paragraphs,
    which print sets full (give or take a character moved or hung for punctuation)."""
    lines = story.lines
    return [
        display_width(line.text.strip())
        for index, line in enumerate(lines[1:-1], start=1)
        if not line.blank_before and not lines[index + 1].blank_before
    ]


# This many interior lines measure a column by their commonest width.
_MIN_INTERIOR_LINES = 6


def _measure(stories: list[_Story]) -> float | None:
    # A full line with an odd number of half-width characters falls half a cell short: round up.
    interior = [math.ceil(w) for story in stories for w in _interior_widths(story)]
    if len(interior) >= _MIN_INTERIOR_LINES:
        counts = Counter(interior)
        return max(counts, key=lambda w: (counts[w], w))
    widths = [display_width(line.text.strip()) for story in stories for line in story.lines]
    if len(widths) < 5:
        return None
    # Most body lines are full; paragraph ends and indented first lines pull the median down, so the
    # upper quartile is the column width.
    return statistics.quantiles(widths, n=4)[2]


def _column_width(stories: list[_Story]) -> float:
    return _measure(stories) or _DEFAULT_COLUMN_WIDTH


# A story's own measure differs from the page's by this much when a lead story runs across wider
# columns than the rest.
_WIDTH_DIFFERENCE = 2.5


def _column_widths(stories: list[_Story]) -> list[float]:
    """The column width of each story: the page's, or its own where its lines are set clearly wider or
    narrower than the other stories'. A poem's ragged lines measure no column of their own: it is set
    in the page's, short of it."""
    page = _column_width(stories)
    own = [None if _set_as_verse(story, page) else _measure([story]) for story in stories]
    measured = [w for w in own if w is not None]
    if measured and max(measured) - min(measured) >= _WIDTH_DIFFERENCE:
        page = statistics.median(measured)  # mixed widths: the common column is the typical story's
    return [w if w is not None and abs(w - page) >= _WIDTH_DIFFERENCE else page for w in own]


def _set_as_verse(story: _Story, column_width: float) -> bool:
    """Whether most of a story's lines are verse (`verse_lines`) in a column of `column_width`."""
    return 2 * len(verse_lines(story.lines, column_width)) > len(story.lines)


def _dispatch_org(dateline: str) -> str:
    """Who sent a dispatch: ``本报`` for the paper's own (``本报讯``, ``本报北京1月17日电``), else its
    source without the place."""
    bare = re.sub(r"\s+", "", dateline).removeprefix("据")
    return "本报" if bare.startswith("本报") else _dispatch_source(dateline)


def _dispatch_source(dateline: str) -> str:
    """A dateline without its date: who sent it and from where (``新华社北京电``; ``据``, "according
    to", names the same source)."""
    return _DATE_IN_DATELINE_RE.sub("", re.sub(r"\s+", "", dateline)).removeprefix("据")


# An editor's note printed over a story's text (``编者按：…``, ``【编者按】…``): the story's first paragraph.
_EDITORS_NOTE_RE = re.compile(
    "^[ \t\u3000]*[【\\[]?[ \t\u3000]*(?:编者按|编者的话)[ \t\u3000]*[】\\]]?[ \t\u3000]*[:：]?"
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


# A run of spaces this long inside a line: the OCR read two columns set side by side as one line.
# (A run of spaces then a bar is one gap.)
_COLUMN_GAP_RE = re.compile("[ \t\u3000]*[|｜]{1,2}[ \t\u3000]*|[ \t\u3000]{6,}")


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


def _split_side_by_side(raw_lines: list[str]) -> list[tuple[str, int]]:
    """Lines an OCR engine read across columns set side by side (two headlines next to each other,
    ``天津高新区          郭声琨在…强调`` / ``真招实招防疫 真金白银          以强有力措施…`` / ``减负          新华社
    北京2月22日电 中共          等进出…``): where two lines or more in a row, blank lines aside, hold a
    run of spaces, each is cut there and the pieces are read column by column, one block each (a
    dateline apart): the other columns first, the left column last, right over the text the OCR reads
    next, which is that column's. A band of a story's two columns of text read across, line by line,
    is read as printed, the left column first (`_text_band_reading`): the right one right after it when
    the text under the band goes on from the right one, or after the block under the band when that
    block is the left column's rest. A gap is a bar or six spaces; a run of three spaces is one too inside
    such a band, or in a band of lines that each hold one (``王毅分别同意大利外长、   可9`` / ``伊朗外长
    通电话     全力做好…``), as Tesseract reads columns set close together (`_narrow_cut`). A column
    of text lines read beside a dateline (`_text_columns`) is read at the page's end instead. A single
    such line is left as it is (a gap inside one body line is text the OCR lost there, not a column),
    but for two headlines side by side, a headline beside text, and one line of a story's two columns
    whose right piece goes on from the block above it (`_line_across_columns`).
    Each line comes with its 1-based line number in the file: a cut line's pieces all carry the line
    they came from (a blank line the cut adds, the band's first)."""
    out: list[tuple[str, int]] = []
    tail: list[tuple[str, int]] = []  # text columns read beside headlines, read at the page's end
    pending: list[tuple[str, int]] = []  # a headline read beside text, read over the next dateline
    position = 0
    while position < len(raw_lines):
        band: list[int] = []
        scan = position
        while scan < len(raw_lines):
            if not raw_lines[scan].strip():
                scan += 1
                continue
            if (
                not _NARROW_GAP_RE.search(raw_lines[scan].strip())
                or _paper_name(raw_lines[scan])
                or _masthead_strip(raw_lines[scan])
            ):
                break  # no columns, or the masthead's name with specks beside it, or its strip of items
            band.append(scan)
            scan += 1
        if len(band) == 1 and position == band[0] and (pair := _headline_pair(raw_lines[position])):
            # Two headlines set side by side, read as one line with a bar between them: the right
            # one first, a block of its own, and the left one right over the text the OCR reads next.
            out.extend(
                [("", position + 1), (pair[1], position + 1), ("", position + 1), (pair[0], position + 1)]
            )
            position += 1
            continue
        if len(band) == 1 and position == band[0] and (beside := _headline_beside_text(raw_lines, position)):
            # A headline set beside a column's text, read across two lines: the text read in place,
            # the headline a block of its own over the next dateline the OCR reads (its module's text).
            text_pieces, headline = beside
            out.extend((piece, position + 1 + k) for k, piece in enumerate(text_pieces) if piece)
            pending = [("", position + 1), *((piece, position + 1 + k) for k, piece in enumerate(headline))]
            position += 2
            continue
        if (
            len(band) == 1
            and position == band[0]
            and (across := _line_across_columns(out, raw_lines, position))
        ):
            # One line of two columns' text read across (``…全国森林 | 新，森林体验…``): read as printed.
            out, position = across
            continue
        if len(band) < 2:
            if pending and _DATELINE_SOURCE_RE.match(raw_lines[position]):
                out.extend([*pending, ("", position + 1)])
                pending = []
            out.append((raw_lines[position], position + 1))
            position += 1
            continue
        # Blank lines before the band.
        out.extend((raw_lines[k], k + 1) for k in range(position, band[0]))
        rows = [_COLUMN_GAP_RE.split(raw_lines[k].strip()) for k in band]
        columns = max(len(row) for row in rows)
        if columns < 2:
            # A band whose gaps are all narrow (``王毅分别同意大利外长、   可9`` / ``全朗外长通电全     全力…``).
            columns = max(len(_NARROW_GAP_RE.split(raw_lines[k].strip())) for k in band)
        pieces = [(_narrow_cut(raw_lines[k], row, columns), k + 1) for k, row in zip(band, rows, strict=True)]
        texts = _text_columns([row for row, _number in pieces], columns)
        for column in texts:
            # A column's text lines read beside a headline or a dateline: the OCR read the lines above
            # and under them elsewhere, so they are read last, a block of their own, for the joining
            # step to put back where their sentences go on.
            tail.append(("", band[0] + 1))
            tail.extend((row[column], number) for row, number in pieces if column < len(row) and row[column])
        reading = None if texts else _text_band_reading(pieces)
        order = [0, 1] if reading else [*range(1, columns), 0]
        # The left column going on under the band: its lines there, up to the next blank line, read
        # before the right column, as printed.
        under = _block_under(raw_lines, band[-1] + 1) if reading == "left goes on" else []
        for column in order:
            if column in texts:
                continue
            if column == 1 and under:
                out.append(("", under[0][1]))
                out.extend(under)
            out.append(("", band[0] + 1))
            for row, number in pieces:
                if column < len(row):
                    if _DATELINE_SOURCE_RE.match(row[column]) and out and out[-1][0]:
                        out.append(("", number))  # a dateline under the headline: the story's text starts
                    out.append((row[column], number))
        position = under[-1][1] if under else band[-1] + 1
    return [*out, *pending, *tail]


# A bar the OCR read between two headlines set side by side (``阅读中国”图书展暨”中印文化交流图片 。 |
# 俄罗斯总统普京``): Tesseract reads a printed rule as an ASCII bar; a full-width ``｜`` is typed, a text
# page's separator (``B03｜都市``). And a speck it read after a piece (`` 。``).
_HEADLINE_BAR_RE = re.compile("[ \t\u3000]*[|][ \t\u3000]*")
_TRAILING_SPECK_RE = re.compile("[ \t\u3000]+[。.，,、·]$")
# A piece of such a line that no headline holds: a clause or sentence mark inside it.
_NOT_HEADLINE_PIECE_RE = re.compile("[，,；;：:、。！？!?]")


def _masthead_strip(raw: str) -> bool:
    """The masthead's items read as one line, standing far apart (``2020年1月8日 星期三          人民日报
    第16版 要闻``): a strip of the page's furniture, no column of a band."""
    parts = [part for part in re.split("[ \t\u3000]{2,}", raw.strip()) if part]
    return (
        len(parts) >= 2
        and any(_PAGE_DATE_RE.search(part) for part in parts)
        and all(
            _PAPER_NAME_RE.match(_MULTI_SPACE_RE.sub("", part))
            or is_masthead_item(part)
            or is_page_furniture(part)
            for part in parts
        )
    )


# The end of a line of text beside which the OCR read a headline's last words after one space
# (``分宜县地处江西中部偏西，是 高级别公开辩论会``): a clause mark and at most three Han characters, one
# space, a few Han characters.
_TEXT_THEN_HEADLINE_RE = re.compile(f"^(.*[{HAN}][，、；：,;:][{HAN}]{{0,3}})[ \t\u3000]([{HAN}]{{3,10}})$")
# A piece left of a bar that is only a speck of the page (``oa``): no Han character, a few marks.
_SPECK_RE = re.compile(f"^[^{HAN}]{{0,3}}$")


def _headline_beside_text(raw_lines: list[str], position: int) -> tuple[list[str], list[str]] | None:
    """A headline of two lines set beside a column of text, each line read across with the text's:
    the first with only a speck left of a bar (``oa |习近平主席特别代表出席安理会``), the next right under
    it a line of text broken off after a clause mark with the headline's last words after one space
    (``分宜县地处江西中部偏西，是 高级别公开辩论会``). Returns the text's pieces (the speck dropped)
    and the headline's lines."""
    if position + 1 >= len(raw_lines):
        return None
    pieces = _HEADLINE_BAR_RE.split(raw_lines[position].strip())
    if len(pieces) != 2 or not _SPECK_RE.match(pieces[0].strip()):
        return None
    head = pieces[1].strip()
    if (
        len(_HAN_RE.findall(head)) < 6
        or _NOT_HEADLINE_PIECE_RE.search(head)
        or _DATELINE_SOURCE_RE.match(head)
    ):
        return None
    below = _TEXT_THEN_HEADLINE_RE.match(raw_lines[position + 1].strip())
    if below is None:
        return None
    return ["", below[1]], [head, below[2]]


# A word of the language this strong (`page_fragments.word_across`) read across the join of the block
# above a line of two columns and the line's right piece: the right column goes on there.
_ACROSS_WORD = 0.8


def _line_across_columns(
    out: list[tuple[str, int]], raw_lines: list[str], position: int
) -> tuple[list[tuple[str, int]], int] | None:
    """A line alone (no band round it) holding two columns of a story's text with one bar between them
    (``近日从国家林草局获悉：今年上半年，全国森林 | 新，森林体验、森林康养…``), the OCR's block above it
    being the right column's lines over it and its block under it the left column's lines under it:
    the right piece completes a word with the block above (``…不断开拓创`` / ``新，森林…``, 创新) and
    the left piece does not, both pieces stop inside a sentence, and a block of text follows. Read as
    printed: the left piece with the block under it, then the block above with the right piece.
    Returns the lines read so far, so rearranged, and where to read on; None for any other line."""
    pieces = _HEADLINE_BAR_RE.split(raw_lines[position].strip())
    if len(pieces) != 2:
        return None
    left, right = (piece.strip() for piece in pieces)
    if any(
        len(_HAN_RE.findall(piece)) < _TEXT_BAND_HAN or _ENDS_SENTENCE_RE.search(piece)
        for piece in (left, right)
    ):
        return None
    above_end = len(out)
    while above_end > 0 and not out[above_end - 1][0].strip():
        above_end -= 1
    above_start = above_end
    while above_start > 0 and out[above_start - 1][0].strip():
        above_start -= 1
    above = out[above_start:above_end]
    if not above or _ENDS_SENTENCE_RE.search(above[-1][0].strip()):
        return None
    last = above[-1][0].strip()
    if word_across(last, right)[1] < _ACROSS_WORD or word_across(last, left)[1] >= _ACROSS_WORD:
        return None
    under = _block_under(raw_lines, position + 1)
    if not under:
        return None
    number = position + 1
    apart = out[above_end:] or [("", number)]  # the blank lines between the block above and the line
    rearranged = [*out[:above_start], (left, number), *under, *apart, *above, (right, number)]
    return rearranged, under[-1][1]


def _headline_pair(raw: str) -> tuple[str, str] | None:
    """A line alone (no band round it) that is two headlines side by side with one bar between them:
    each piece at least four Han characters, no clause or sentence mark, label bracket or wide run of
    spaces inside (a speck after it aside), no dateline. A body line with a bar (``…5日，应急 | 作。``) is none."""
    pieces = _HEADLINE_BAR_RE.split(raw.strip())
    if len(pieces) != 2:
        return None
    left, right = (_TRAILING_SPECK_RE.sub("", piece.strip()) for piece in pieces)
    for piece in (left, right):
        if (
            len(_HAN_RE.findall(piece)) < 4
            or _NOT_HEADLINE_PIECE_RE.search(piece)
            or re.search("[ \t\u3000]{2,}|[【】\\[\\]]", piece)  # a strip's label, or items apart
            or _DATELINE_SOURCE_RE.match(piece)
        ):
            return None
    return left, right


# Inside a band of columns, a narrower run of spaces than `_COLUMN_GAP_RE`'s also parts two columns.
_NARROW_GAP_RE = re.compile("[ \t\u3000]*[|｜]{1,2}[ \t\u3000]*|[ \t\u3000]{3,}")
# A line's leading run of spaces this wide: its first column is empty (the line starts in the next one).
_EMPTY_FIRST_COLUMN_RE = re.compile(r"^[ \t\u3000]{6,}(?=\S)")


# A piece of a band that is a line of a column's text, not a headline: a sentence mark inside it, or
# two clause marks (``成效明显。优化加工贸易监管，完善信``, ``家主权、安全、发展利益，积极服务构建人类命``).
_TEXT_PIECE_RE = re.compile(f"[{_SENTENCE_END}；;](?=.*[{HAN}])|[，、,].*[，、,]")
# A piece this short beside a column's text is a speck of it (``言``, ``主目发言``).
_SPECK_PIECE_CHARS = 4


def _text_columns(rows: list[list[str]], columns: int) -> set[int]:
    """The columns of a band that hold only one or two lines of a column's text (`_TEXT_PIECE_RE`, at
    least ten Han characters; short specks aside) while another column of the band opens a story with
    its dateline: the top lines of a column whose text the OCR read elsewhere, read across with the
    headline or dateline of the module beside it. A band of a story's columns read across, line by
    line, has none."""

    def text(piece: str) -> bool:
        return len(_HAN_RE.findall(piece)) >= 10 and bool(_TEXT_PIECE_RE.search(piece))

    cells = [
        [row[column].strip() for row in rows if column < len(row) and row[column].strip()]
        for column in range(columns)
    ]
    found = {
        column
        for column in range(columns)
        if 1 <= sum(map(text, cells[column])) <= 2
        and all(text(cell) or len(cell) <= _SPECK_PIECE_CHARS for cell in cells[column])
    }
    datelines = {
        column for column in range(columns) if any(_DATELINE_SOURCE_RE.match(cell) for cell in cells[column])
    }
    return found if datelines - found else set()


# A band of a story's text read across holds at least this many lines with text in both columns.
_TEXT_BAND_ROWS = 3
# A piece of a column's text holds at least this many Han characters.
_TEXT_BAND_HAN = 4
# A piece that ends a sentence (its closing quote or bracket after the mark).
_ENDS_SENTENCE_RE = re.compile(f'[{_SENTENCE_END}][”"’』」）)]*$')


def _text_band_reading(pieces: list[tuple[list[str], int]]) -> str | None:
    """How to read a band of two columns of a story's text read across, line by line (at least
    `_TEXT_BAND_ROWS` lines hold `_TEXT_BAND_HAN` Han characters or more in both columns): ``"as
    printed"`` (the left column, then the right one) when the left column ends a sentence and the
    right one stops inside one, so the text under the band goes on from the right column; ``"left
    goes on"`` when both stop inside a sentence: the text under the band is the left column's rest, and
    the right column follows it. None for any other band."""
    rows = [row for row, _number in pieces]
    if any(len(row) > 2 for row in rows):
        return None
    both = [
        row for row in rows if len(row) == 2 and all(len(_HAN_RE.findall(p)) >= _TEXT_BAND_HAN for p in row)
    ]
    if len(both) < _TEXT_BAND_ROWS:
        return None
    left = [row[0].strip() for row in rows if row[0].strip()]
    right = [row[1].strip() for row in rows if len(row) == 2 and row[1].strip()]
    if _ENDS_SENTENCE_RE.search(right[-1]):
        return None
    return "as printed" if _ENDS_SENTENCE_RE.search(left[-1]) else "left goes on"


def _block_under(raw_lines: list[str], start: int) -> list[tuple[str, int]]:
    """The block of lines read next from `start` (blank lines before it skipped, up to the next blank
    line), each with its 1-based line number; none when a line of it holds a gap (columns again) or
    opens a story with its dateline."""
    k = start
    while k < len(raw_lines) and not raw_lines[k].strip():
        k += 1
    block: list[tuple[str, int]] = []
    while k < len(raw_lines) and raw_lines[k].strip():
        if _NARROW_GAP_RE.search(raw_lines[k].strip()) or _DATELINE_SOURCE_RE.match(raw_lines[k]):
            return []
        block.append((raw_lines[k], k + 1))
        k += 1
    return block


def _narrow_cut(raw: str, row: list[str], columns: int) -> list[str]:
    """A band's line cut into fewer pieces than the band has columns, cut again with the band's own
    measure: a run of three spaces between two pieces, and a wide indent before the first (an empty
    first column), as Tesseract spaces columns set close together (``二生泽夺现     稳投资          员…``,
    ``        为高质量发展注入内生动力          |``). The new cut stands only when it gives no more pieces
    than the band has columns; otherwise the line keeps its cut."""
    if len(row) >= columns:
        return row
    narrow = _NARROW_GAP_RE.split(raw.strip())
    if _EMPTY_FIRST_COLUMN_RE.match(raw):
        narrow = ["", *narrow]
    return narrow if len(row) < len(narrow) <= columns else row


# A line this wide is no column's: a whole paragraph, from a text no column wrapped (a web page's copy).
_UNWRAPPED_CELLS = 48


# The column such a text is set in before it is read as a page.
_UNWRAPPED_MEASURE = 24


def _set_unwrapped(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A text whose paragraphs are each one line (a copy of a web page or a digital edition, no column
    wrapping it) set in a column, as a page prints it: every line that holds a paragraph (a line no
    column holds, or one ending a sentence) wrapped at `_UNWRAPPED_MEASURE` cells with its first line
    indented, each piece keeping its file line. Headlines, bylines and notes stay lines of their own.
    A page is such a text when at least three of its lines, and a third of its lines of text (furniture
    and bylines left out), are wider than any column (`_UNWRAPPED_CELLS`); an OCR'd page never is."""
    # A site's furniture round each article (its date line, ``（责编：…）``, ``分享到：``) and bylines are
    # no lines of text: they do not count against the wide ones.
    widths = [
        display_width(raw.strip())
        for raw, _number in pairs
        if raw.strip() and not (is_page_furniture(raw) or closes_text(raw) or is_byline(raw))
    ]
    wide = sum(1 for width in widths if width > _UNWRAPPED_CELLS)
    if wide < 3 or wide * 3 < len([w for w in widths if w >= 8]):
        return pairs
    out: list[tuple[str, int]] = []
    for raw, number in pairs:
        text = raw.strip(" \t\u3000")
        paragraph = display_width(text) > _UNWRAPPED_CELLS or (
            bool(re.search(f"[{_SENTENCE_END}][{_CLOSERS}]*$", text))
            and not text.startswith(("（", "("))
            and display_width(text) > 12
        )
        if not paragraph:
            out.append((raw, number))
            continue
        for piece in _wrap_at(text, _UNWRAPPED_MEASURE):
            out.append((piece, number))
    # Blank lines between paragraphs mark nothing in such a text (no column breaks there): a blank line
    # right before an indented paragraph under another paragraph's text is left out, so that only the
    # blank lines round headlines and notes stay.
    kept: list[tuple[str, int]] = []
    for position, (raw, number) in enumerate(out):
        if not raw.strip():
            before = next((r for r, _n in reversed(kept) if r.strip()), "")
            after = next((r for r, _n in out[position + 1 :] if r.strip()), "")
            if _INDENT_RE.match(after) and re.search(f"[{_SENTENCE_END}][{_CLOSERS}]*$", before.strip()):
                continue
        kept.append((raw, number))
    return kept


def _wrap_at(text: str, measure: float) -> list[str]:
    """`text` set in lines of `measure` cells, the first indented by two full-width spaces; a mark that
    may not start a line hangs at the end of the line before."""
    lines: list[str] = []
    line = "\u3000\u3000"
    for char in text:
        if display_width(line + char) > measure and line.strip() and char not in _HANGING:
            lines.append(line)
            line = ""
        line += char
    if line.strip():
        lines.append(line)
    return lines


# An OCR engine's misreadings: ``]``, ``l``, ``I`` or ``|`` for the digit 1 in a dateline's date
# (``本报北京]月25日电``), and ``〈`` or ``《`` for a round bracket that a round one closes, as no book title
# is closed (``电 〈记者张璁)``, ``摄〈人民视觉)``, ``《今日谈)``, ``〈作者为…)``).
_DATELINE_DIGITS_RE = re.compile(
    r"^(\s*据?(?:本报|新华社|中新社)[\u4e00-\u9fff]{0,10}?\s*)([0-9\]lI|]{1,2})(\s*月\s*)([0-9\]lI|]{1,2})(?=\s*日)"
)
_MISREAD_BRACKET_RE = re.compile(
    r"[〈《](?=[^》〉()（）《〈\n]{1,30}[)）])"
    # A dateline's bracket the column wrapped before it closed (``电 〈记者周小苑、钱一`` / ``彬) …``).
    r"|(?:(?<=电)|(?<=电[ \t\u3000])|(?<=电[ \t\u3000]{2}))[〈《]"
    r"(?=[ \t\u3000]*(?:本报记者|记者|通讯员|实习生)[^》〉()（）《〈]*$)"
)
# ``〈`` that no ``〉`` (nor a book title's ``》``) closes on its line, on a page that prints no ``〉``: a
# round bracket the line wrapped (``〈作者为中国驻法国兼驻`` / ``摩纳哥大使)``).
_UNCLOSED_ANGLE_RE = re.compile(r"〈(?![^〈〉《\n]*[〉》])")


# A line the OCR made of the page's rules (``一     一一       | 一一|``): rule glyphs only, with a bar or
# dashes standing apart, never a dash a wrapped headline carried down (``——`` alone).
_RULE_GLYPHS_RE = re.compile(r"[\s一—\-_|｜丨=~·]+")
_RULE_MARK_RE = re.compile(r"[|｜丨=]|[一—]\s+[一—]")


def is_rule_specks(text: str) -> bool:
    text = text.strip()
    return bool(text and _RULE_GLYPHS_RE.fullmatch(text) and _RULE_MARK_RE.search(text))


def mend_misreadings(text: str, *, angle_pairs: bool = False) -> str:
    """A line with its misread brackets and dateline digits put right; any other line unchanged.
    `angle_pairs`: the page prints ``〉``, so an unclosed ``〈`` may be closed on a later line."""
    text = _MISREAD_BRACKET_RE.sub("（", text)
    if not angle_pairs:
        text = _UNCLOSED_ANGLE_RE.sub("（", text)
    found = _DATELINE_DIGITS_RE.match(text)
    if found and not (found[2] + found[4]).isdigit():
        month, day = (_dateline_digits(found[i]) for i in (2, 4))
        text = found[1] + month + found[3] + day + text[found.end() :]
    return text


def _dateline_digits(read: str) -> str:
    """A dateline's month or day as read, its misread marks put right: a mark beside a ``1`` the OCR
    read rightly is a stray mark, dropped (``大马士革]1月``: one glyph is not read two ways in one
    number); any other mark is a misread ``1`` (``北京]月``)."""
    if len(read) == 2 and "1" in read and not read.isdigit():
        return "1"
    return re.sub(r"[\]lI|]", "1", read)


def _split_lines(text: str) -> tuple[list[_Line], dict[int, int]]:
    """The page's non-blank lines, numbered in reading order (a side-by-side band cut into its columns,
    `_split_side_by_side`), and each number's line in the file: the number `--explain` shows."""
    lines: list[_Line] = []
    file_lines: dict[int, int] = {}
    blank = True
    angle_pairs = "〉" in text
    pairs = _run_in_space_as_indent(
        _split_headline_datelines(_set_unwrapped(_split_side_by_side(text.splitlines())))
    )
    for number, (raw, file_line) in enumerate(pairs, start=1):
        file_lines[number] = file_line
        stripped = mend_misreadings(raw.rstrip(), angle_pairs=angle_pairs)
        if not stripped.strip():
            blank = True
            continue
        if is_rule_specks(stripped):
            continue  # the page's rules, read as a line: nothing of the text around it
        lines.append(_Line(number, stripped, blank))
        blank = False
    return _mend_label_read_apart(_mend_wrapped_notes(_mend_wrapped_datelines(lines))), file_lines


# A head closed by the full-width space that parts a run-in head from its text (``■“城里安了家，就在
# 这过年”　``), the text gone down to the next line.
_RUN_IN_SPACE_END_RE = re.compile(f"[{HAN}{_CLOSERS}？?][\u3000]$")


def _run_in_space_as_indent(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A line ending with the one full-width space that parts a run-in head from its text, its text
    flush on the next line (``解决好吃饭问题始终是治国理政的头等大事　`` / ``粮食安全是…``): the space
    stands before that text as the indent it is (the text opens a paragraph), so the head reads as a
    head over an indented lead. Two spaces or more part the items of a line, not a head from its text."""
    out = list(pairs)
    for index in range(len(out) - 1):
        raw, number = out[index]
        following, following_number = out[index + 1]
        text = raw.rstrip(" \t")
        if (
            _RUN_IN_SPACE_END_RE.search(text)
            and len(_HAN_RE.findall(text)) >= 2
            and not re.search("[。；;]", text)
            and following.strip()
            and following[:1] not in " \t\u3000"
        ):
            out[index] = (text.rstrip("\u3000"), number)
            out[index + 1] = ("\u3000" + following, following_number)
    return out


def _split_headline_datelines(pairs: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A headline line that ends with its story's dateline (the dateline, its reporters' bracket
    closing it, after a space; some evening papers print the lead's dateline on the headline's line):
    the head, a blank line, then the dateline on a line of its own, as a dateline opening its story's
    lead is read. The head holds four Han characters or more and no sentence end or semicolon; the
    dateline, from its space, is the whole rest of the line (nothing of the lead after it)."""
    out: list[tuple[str, int]] = []
    for raw, file_line in pairs:
        text = raw.rstrip()
        split = None
        for gap in re.finditer(r"[ \t\u3000]+(?=\S)", text):
            head, rest = text[: gap.start()], text[gap.end() :]
            found = _DATELINE_RE.match(rest)
            if found is None or rest[found.end() :].strip():
                continue
            if (
                len(_HAN_RE.findall(head)) >= 4
                and not re.search(f"[{_SENTENCE_END}；;，,、：:]$|[。；;]", head.strip())
                and not _DATELINE_RE.match(head)
                and (found.group(2) is not None or re.search("[电讯]$", rest.strip()))
            ):
                split = (head, rest)
            break
        if split is None:
            out.append((raw, file_line))
            continue
        out += [(split[0], file_line), ("", file_line), (split[1], file_line)]
    return out


# A headline's column label the OCR read a piece a block: the headline's line opening it
# (``高山新房“长”出来《70年，``) and at most this many short lines after it, the last closing it.
_LABEL_PIECES = 3


# Each piece after the first is this wide at most (display type: a few characters a line).
_LABEL_PIECE_CELLS = 8.0


# The headline's line: some words, then a column label's opening bracket left open.
_OPEN_LABEL_RE = re.compile(f'^(?P<head>.*[{HAN}”"].*?)[ \t\u3000]*[（(《](?P<label>[^（()）《》]*)$')


def _mend_label_read_apart(lines: list[_Line]) -> list[_Line]:
    """A headline's column label the OCR read as blocks of their own (``高山新房“长”出来《70年，`` /
    blank / ``共同走过。大`` / blank / ``国小家)``; the middle dot read as ``。``, the opening bracket as
    ``《``) is one headline line: each block of the label is a short line alone in it, the last one
    closing the bracket, none ending a sentence. The pieces go up to the headline's line, the label's
    middle dot and opening bracket as printed (``高山新房“长”出来（70年，共同走过·大国小家)``)."""
    mended = list(lines)

    def alone(position: int) -> bool:
        # Whether the line at `position` is a block of its own: a blank line before it and after it.
        after = position + 1
        return mended[position].blank_before and (after >= len(mended) or mended[after].blank_before)

    for index, line in enumerate(mended):
        found = _OPEN_LABEL_RE.match(line.text.strip())
        if (
            found is None
            or not alone(index)
            or len(_HAN_RE.findall(found["head"])) < 4
            or _SENTENCE_PUNCT_RE.search(found["head"])
        ):
            continue
        pieces: list[int] = []
        for position in range(index + 1, min(index + 1 + _LABEL_PIECES, len(mended))):
            text = mended[position].text.strip()
            closes = bool(re.search("[）)]$", text))
            if (
                not alone(position)
                or display_width(text) > _LABEL_PIECE_CELLS
                or re.search("[（(《》]", text)
                or (not closes and re.search(f"[{_SENTENCE_END}][{_CLOSERS}]*$", text))
            ):
                break
            pieces.append(position)
            if closes:
                break
        if not pieces or not re.search("[）)]$", mended[pieces[-1]].text.strip()):
            continue
        label = found["label"] + "".join(mended[position].text.strip() for position in pieces)
        label = re.sub("[。.][ \t\u3000]*(?=[^ \t\u3000])", "·", label)
        mended[index] = _Line(line.number, f"{found['head']}（{label}", line.blank_before)
        for position in pieces:
            mended[position] = _Line(mended[position].number, "", mended[position].blank_before)
    return [line for line in mended if line.text.strip()]


# How many characters a closing note wraps onto its next line, closing bracket included.
_NOTE_TAIL = 12


def _mend_wrapped_notes(lines: list[_Line]) -> list[_Line]:
    """A closing note the column wrapped (``（作者为北京外国语大学法`` / ``国籍教师）``) is one line: the
    tail that closes its bracket is moved up, so the note reads as the note it is. A longer note may
    wrap over more lines (``(作者为新疆克孜勒苏军分区政治`` / ``工作部新闻报道员,本报记者倪光辉采`` /
    ``访整理)``): the lines between, without brackets of their own, go up with the tail."""
    mended: list[_Line] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        previous = mended[-1] if mended else None
        if (
            previous is not None
            and not line.blank_before
            and _CLOSING_NOTE_RE.match(previous.text)
            and not re.search("[）)]", previous.text)
        ):
            # The note's tail: this line, or the first line after up to `_NOTE_MIDDLE_LINES` lines
            # set without brackets that go on from it inside the same block.
            run = [line]
            while (
                len(run) <= _NOTE_MIDDLE_LINES
                and not re.search("[（()）]", run[-1].text)
                and position + len(run) < len(lines)
                and not lines[position + len(run)].blank_before
            ):
                run.append(lines[position + len(run)])
            for size in range(1, len(run) + 1):
                middle = "".join(part.text.strip() for part in run[: size - 1])
                tail = run[size - 1].text.strip()
                joined = previous.text.rstrip() + middle + tail
                if (
                    not re.search("[（()）]", middle)
                    and re.fullmatch(f"[^（()）]{{1,{_NOTE_TAIL - 1}}}[）)]", tail)
                    and _CLOSING_NOTE_RE.match(joined)
                    and not is_byline(joined)  # reporters: a byline's rules
                ):
                    mended[-1] = _Line(previous.number, joined, previous.blank_before)
                    position += size
                    break
            else:
                mended.append(line)
                position += 1
            continue
        mended.append(line)
        position += 1
    return mended


# A closing note wraps over at most this many full lines between its first line and its tail.
_NOTE_MIDDLE_LINES = 2


# The start of a dateline: who sends it (``本报``, ``新华社``, ``据新华社``, ``中新社``…).
_DATELINE_SOURCE_RE = re.compile(r"^\s*(?:本报|据?新华社|据?(?:中新社|中新网|人民网|央视网|新华网))")


# The most a narrow column carries over of a dateline's core (``电``, ``19日电``, ``10月19日电``).
_DATELINE_CARRY = 6


# A dateline's head read apart from its ``电`` ends on its date: ``本报罗马2月23日``.
_HEAD_DATE_END_RE = re.compile("[0-9０-９]{1,2}日$")


def _mend_wrapped_datelines(lines: list[_Line]) -> list[_Line]:
    """A dateline a narrow column wrapped before its end (``新华社内罗毕10月19日`` / ``电  （记者…）``)
    is a dateline all the same where a story may start (after a blank line, a byline or a sentence
    end): the characters that finish it are moved up to its line, so the line reads as the dateline
    it is. The story's text, joined, is unchanged."""
    mended = list(lines)
    for index, line in enumerate(mended[:-1]):
        following = mended[index + 1]
        if not _DATELINE_SOURCE_RE.match(line.text) or _DATELINE_RE.match(line.text):
            continue
        # Read apart (``本报罗马2月23日`` / blank / ``电 （记者叶琦）贝尔…``): the dateline's head alone in
        # its block and ending on its date, the block under it opening with the one character that
        # ends it.
        apart = following.blank_before
        if apart and not (line.blank_before and _HEAD_DATE_END_RE.search(line.text.rstrip())):
            continue
        previous = mended[index - 1].text.strip() if index else ""
        if not (line.blank_before or is_byline(previous) or _FINAL_RE.search(previous)):
            continue  # inside a sentence (``…上午，`` / ``据新华社…``): a quoted dateline, no story's start
        head = line.text.rstrip()
        rest = following.text.lstrip()
        for carried in range(1, min(1 if apart else _DATELINE_CARRY, len(rest)) + 1):
            joined = mend_misreadings(head + rest[:carried])
            if rest[carried - 1] in "电讯" and _DATELINE_RE.fullmatch(joined):
                mended[index] = _Line(line.number, joined, line.blank_before)
                # Read apart, the two are one block again: the lead goes on under its dateline.
                mended[index + 1] = _Line(following.number, rest[carried:].lstrip(), False)
                break
    return [line for line in mended if line.text.strip()]


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
    if ends_open or text.count("，") + text.count(",") >= 2 or text.count("、") >= _LIST_MARKS:
        return True
    if _COMMA_RE.search(text) and "、" in text and not _DASH_END_RE.search(text):
        # A clause and a list in it (``据介绍，山东省…`` / ``目前还存在车桩信息缺失、居民小区和``); not a
        # kicker leading into its title (``促进农超对接、农批对接，江苏淮安——``).
        return True
    if text.endswith("…") and ("，" in text or "," in text):
        return True  # a sentence trailing off (``…正影响着越来越多的人……``): an epigraph, not a headline
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


# A note closing a story on a line of its own: ``（本报东京电）``, ``（作者为…）``, ``（本报记者王某采访整理）``,
# a roundup's reporters (``（参与记者：田颖、唐璐）``), the source of a piece reprinted
# (``（摘编自2月3日《经济日报》）``); the OCR may lose its closing bracket. A name in brackets may stand
# inside it (``（作者为中央党校（国家行政学院）研究员）``).
_CLOSING_NOTE_RE = re.compile(
    f"^[ \t\u3000]*[（(][ \t\u3000]*(?:综合)?(?:(?:据?新华社|本报)[{HAN}0-9 \t]{{0,16}}电|作者|本报记者|(?:参与)?记者|摘编自|摘自|原载|[{HAN}·、 \t]{{2,16}}参与(?:采写|采访|调研|撰写))(?:[^（()）]|[（(][^（()）]{{1,20}}[）)]){{0,40}}(?:[）)][ \t\u3000]*)?$"
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
    if len(group) > _HEADLINE_MAX_LINES and len(_HAN_RE.findall(text)) >= 24:
        return True
    return (_looks_like_prose(group) and not _is_headline_like(group)) or _is_body_fragment(group)


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
    sentence."""
    texts = [line.text for line in group]
    if not _LABEL_END_RE.search("".join(text.strip() for text in texts)):
        return texts
    for index in range(len(texts) - 1, -1, -1):
        opening = max(texts[index].rfind("("), texts[index].rfind("（"))
        if opening >= 0:
            texts[index] = texts[index][:opening] + _LABEL_DOT_RE.sub("·", texts[index][opening:])
            for later in range(index + 1, len(texts)):
                texts[later] = _LABEL_DOT_RE.sub("·", texts[later])
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


def _is_headline_like(group: list[_Line]) -> bool:
    texts = _label_dots_read(group)
    text = "".join(texts)
    if _PROSE_OPENER_RE.match(group[0].text):
        return False  # ``据介绍，我国森林旅游近年来不断开拓创``: a line of text a column break cut off
    if text.count("《") != text.count("》"):
        # A title a headline names is whole in it: a book-title mark left open (``依据《中国共产党纪律处分
        # 条例》“《中``, ``山西近期编制的《山西中部盆地城``) is a body line a column break cut.
        return False
    # A column's label in brackets alone on its line (``【追踪】``) is a kicker, no line of the head.
    if len([line for line in texts if not _BRACKETED_LABEL_RE.match(line)]) > _QUESTION_HEADLINE_LINES:
        return not any(_SENTENCE_PUNCT_RE.search(line) for line in texts)
    return not any(_SENTENCE_PUNCT_RE.search(_QUESTION_HEADLINE_RE.sub("", line)) for line in texts)


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
# ``春秋航空供图（新华社发）``.
_AGENCY_CREDIT_RE = re.compile(
    f"^[ \t\u3000]*[{HAN}·][{HAN}· \t\u3000]{{1,8}}(?:摄|供图)[ \t\u3000]*[（(][ \t\u3000]*[{HAN}]{{2,8}}[ \t\u3000]*[）)][ \t\u3000]*$"
)


# A comma as printed (``，``) or as an OCR engine reads it (``,``; not a digit group's, ``1,000``).
_COMMA_RE = re.compile("，|,(?![0-9])")
