"""Heads run in on their text's line: an item's head in brackets or after a bullet, a digest item's head
before a wide space or a colon."""

from __future__ import annotations

import re

from storage.ingest.page_lines import (
    _EDITORS_NOTE_RE,
    _HAN_RE,
    _PROSE_PUNCT_RE,
    _QUESTION_HEADLINE_RE,
    _SENTENCE_PUNCT_RE,
    HAN,
    _is_headline_like,
    _Line,
    is_byline,
)
from storage.ingest.segmenter.shapes.items import _SOURCE_TAG_RE
from storage.ingest.segmenter.shapes.sentences import _brackets_balance, _quotes_closed

# A brief's head in lenticular brackets before its text: ``1.【市民卡可刷公交】即日起…``, ``◆【…】…``
# (a number or a bullet, the head, then the text; the head may wrap to the next line).
_BRACKETED_HEAD_RE = re.compile(
    "^[ \t\u3000]*((?:[■▶●◆►◇□][ \t\u3000]*|(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})[.．、][ \t\u3000]*|[①-⑩][ \t\u3000]*)?)"
    "【([^【】]{2,40})(】[ \t\u3000]*(.*))?$"
)


# An item's lead-in run in before its text: a bullet, the head, a space (``●标题  正文…``).
_RUN_IN_BULLET_RE = re.compile("^[ \t\u3000]*[■●◆▶►★][ \t\u3000]*(?=\\S)")


# Or the head in lenticular brackets, nothing before it: ``【标题】正文…``; the bracket may wrap.
_RUN_IN_BRACKET_RE = re.compile("^[ \t\u3000]*【([^【】]{2,40})(?:】(.*))?$")


# Han characters only: the words a head's wrapped end holds before the space to its text.
_HAN_ONLY_RE = re.compile(f"[{HAN}]+")


def _gap_parts_han_words(following: str, gap: re.Match[str]) -> bool:
    """Whether the space `gap` on `following`, the line under a bulleted head's line, stands between
    Han words with prose after it (``▶全程跟进关注 更重一`` / ``线作为 一个涉及拆迁项目多、…``): Chinese prose
    holds no space between Han characters, so the words before it end the head, wrapped with its own
    space, and the text opens after it. A byline under a headline (``本报记者 王某``) is none."""
    before, after = following[: gap.start()], following[gap.end() :]
    return (
        bool(_HAN_ONLY_RE.fullmatch(before))
        and bool(re.match(f"[{HAN}]", after))
        and bool(re.search("[，。；！？：、,;]", after))
        and not is_byline(following)
    )


def _run_in_parts(text: str, following: str) -> tuple[str, str, bool] | None:
    """(head, the text after it, whether the head's bracket closed on `following`) of an item's lead-in
    run in before its text, or None. The head is headline-like (three to forty characters, no sentence
    mark, no byline, no source tag such as ``【新华社微特稿】``, no editor's note); the text after it
    reads as prose (two Han characters or more). With a bullet, the head ends at the last space
    before the text's first punctuation: a head may hold spaces (``●产业兴 乡村美 农民富 闻鼙鼓…``)."""
    wrapped = False
    if bullet := _RUN_IN_BULLET_RE.match(text):
        line = text[bullet.end() :].rstrip()
        if line.startswith("【"):
            return None  # ``◆【…】…``: a brief's head in brackets (`_Segmenter.bracketed_head`)
        # The head ends at a space; the text's first clause mark comes after the head's own (a head
        # may hold a comma: ``■守护冬眠的蝮蛇，高山夫妇—— 2月11日，…``).
        first_gap = re.search("[ \t\u3000]+", line)
        punct = _PROSE_PUNCT_RE.search(line, first_gap.end()) if first_gap else _PROSE_PUNCT_RE.search(line)
        gaps = list(re.finditer("[ \t\u3000]+", line[: punct.start()] if punct else line))
        # The head wrapped: its end, the space and the text open the next line of the block
        # (``▶二〇一九年“读懂中国”广州国际会`` / ``议举行　2019年…``), the head's brackets closed there; the
        # head's end takes at most twelve characters of that line. A byline after the bullet
        # (``■本报记者 林思海`` / ``据新华社开罗2月3日电  …``) is no head.
        wrapped_gap = next(
            (
                gap
                for gap in re.finditer(r"[ \t\u3000]+(?=\S)", following)
                if 0 < gap.start() < 13
                and not is_byline(line)
                and not _PROSE_PUNCT_RE.search(following[: gap.start()])
                and _brackets_balance(line + following[: gap.start()])
                and _quotes_closed(line + following[: gap.start()])
            ),
            None,
        )
        # A head holding a half-width space (``■为基层松绑减负 促干部担`` / ``当作为　2019年岁末，…``) wrapped
        # too when no clause mark follows on its line and a full-width space, or a gap wider than any on
        # the head's line (``●出台政策支持 深入一`` / ``线服务  2月15日，…``), parts it from its text below.
        spaced_wrap = (
            wrapped_gap is not None
            and "\u3000" not in line
            and (
                "\u3000" in wrapped_gap.group(0)
                or len(wrapped_gap.group(0)) > max((len(gap.group(0)) for gap in gaps), default=0)
                or _gap_parts_han_words(following, wrapped_gap)
            )
        )
        # A head holding a comma (``■下载7元论文先充50元，`` / ``用户诉中国知网　下载…``) wrapped when a
        # full-width space or a wider gap parts it from its text below, no sentence ending on its line.
        wide_gap = wrapped_gap is not None and (
            "\u3000" in wrapped_gap.group(0) or len(wrapped_gap.group(0)) > 1
        )
        held_comma = punct is not None and wide_gap and not _SENTENCE_PUNCT_RE.search(line)
        if (punct is None or held_comma) and wrapped_gap and (not gaps or spaced_wrap):
            head, rest, wrapped = (
                line + following[: wrapped_gap.start()],
                following[wrapped_gap.end() :],
                True,
            )
        elif not gaps:
            return None
        else:
            # The last space outside brackets and quotes (``火神山医院…出院（应收尽收 刻不容缓）``).
            whole = [
                g for g in gaps if _brackets_balance(line[: g.start()]) and _quotes_closed(line[: g.start()])
            ]
            if not whole:
                return None
            head, rest = line[: whole[-1].start()], line[whole[-1].end() :]
    elif bracket := _RUN_IN_BRACKET_RE.match(text):
        head, rest = bracket.group(1), bracket.group(2)
        if rest is None:
            close = following.find("】")
            if close < 0 or close > 20 or "【" in following[:close]:
                return None
            head, rest, wrapped = head + following[:close].strip(), following[close + 1 :], True
            if not _HAN_RE.search(rest):
                return None  # ``【奋进新征程 建功新时代——`` / ``代表委员议国是】``: a label over a headline
        if _SOURCE_TAG_RE.fullmatch(head.strip()) or _EDITORS_NOTE_RE.match(f"【{head}】"):
            return None
    elif separated := _separated_parts(text, following):
        head, rest, wrapped = separated
    else:
        return None
    head, rest = head.strip(), rest.strip()
    if (
        not 3 <= len(head) <= 40
        or len(_HAN_RE.findall(head)) < 3
        or _SENTENCE_PUNCT_RE.search(_QUESTION_HEADLINE_RE.sub("", head))
        or re.search("[，、：:,]$", head)
        or is_byline(head)
        or not _is_headline_like([_Line(0, head, False)])
    ):
        return None
    if bullet and (not re.search(f"[{HAN}0-9]", rest) or re.search("[■●◆▶►★]", rest)):
        return None  # ``●一 二``: no text after the head; ``●及早惠及重点企业 ●全力支持复工复产``: a headline
    if not bullet and not wrapped and not (_HAN_RE.search(rest) or following):
        return None  # ``【关注】`` alone, or a tag over nothing that reads on
    return head, rest, wrapped


# A head run in before a full-width space holds this many characters at least, before a colon this many
# (before a colon and a day's date as few as before a space, before a quotation five).
_SPACED_HEAD_MIN_CHARS = 3


_DATED_HEAD_MIN_CHARS = 3


_COLON_HEAD_MIN_CHARS = 5


_QUOTED_HEAD_MIN_CHARS = 5


# A digest item's head run in before its text after a full-width space or a colon (``标题　正文…``,
# ``标题：正文…``): the text after it opens as a lead does (a date, a dateline, 近日, 记者…).
_RUN_IN_SEPARATOR_RE = re.compile("[\u3000]+|[：:]")


_LEAD_OPENING_RE = re.compile(
    f"^(?:(?:\\d{{4}}年)?\\d{{1,2}}月(?:\\d{{1,2}}日)?|\\d{{1,2}}日|近日|日前|今天|今年|昨天|当地时间|记者|本报|据[{HAN}]{{2,8}}[，,]"
    f"|[{HAN}]{{2,10}}(?:记者|(?:讯|电)(?![{HAN}]))|\\d{{4}}年)"
)


# Words of a lead's reporting no head holds: ``记者从…获悉``, ``据了解``, ``贝尔格莱德消息``, numbered parts.
_REPORTED_HEAD_RE = re.compile("记者|获悉|了解到|本报|消息|讯$|电$|^[一二三四五六七八九十0-9]+[、.．]")


# A head ending on a word of speech or a list's opening is a sentence's subject, not a head: ``他强调：``.
_SPEECH_END_RE = re.compile(
    "(?:说|表示|指出|强调|称|道|问|答|如下|是|为|有|包括|要求|认为|提出|宣布|显示|介绍)$"
)


def _separated_parts(text: str, following: str) -> tuple[str, str, bool] | None:
    """(head, the text after it, whether the head wrapped onto `following`) of a digest item's head run
    in before its text after a full-width space or a colon, or None. The head holds no sentence mark
    and its quotes close; the text after it reads as a lead: it opens as one (a date, a dateline, 近日,
    记者), or, after a full-width space, it goes on as prose, or, after a colon, the head ends on no word
    of speech and the text is a quotation after a head of five characters or more, or the head holds
    no comma and six characters or more. A head the column wrapped ends on the
    next line, before its separator."""
    line, after = text.strip(), following.strip()
    wrapped = False
    found = _RUN_IN_SEPARATOR_RE.search(line)
    spaced = re.search("\u3000+", line)
    if found is not None and spaced is not None and not re.search("[，,、；;]", line[: spaced.start()]):
        # A head parted from its text by a full-width space may hold a colon (``明信片：一张特殊的回乡车票　``).
        found = spaced
    if found is not None:
        head, separator, rest = line[: found.start()], found.group(0), line[found.end() :]
    else:
        found = _RUN_IN_SEPARATOR_RE.search(after[:24])
        if found is None or not found.start() or _PROSE_PUNCT_RE.search(after[: found.start()]):
            return None
        head, separator, rest = line + after[: found.start()], found.group(0), after[found.end() :]
        wrapped = True
        if len(head) > 40:
            return None
    if not _brackets_balance(head) or not _quotes_closed(head) or _SENTENCE_PUNCT_RE.search(head):
        return None
    # A separator closing the line has the text open on the next (``…进口博览会：`` / ``商务部…``); a
    # date's digits the column parted from their word read on with it (``…胜利：9`` / ``月30日晚，…``).
    text = rest or ("" if wrapped else after)
    if text.isdigit() and not wrapped:
        text += after
    # A full-width space parts a short head from its text (``家有幽兰　春节期间，…``); a colon after a
    # short name is a kicker's or a speaker's (``辽宁：…``), before a quotation a speaker's name too.
    quoted = "\u3000" not in separator and text.startswith("“")
    shortest = (
        _SPACED_HEAD_MIN_CHARS
        if "\u3000" in separator
        else _QUOTED_HEAD_MIN_CHARS
        if quoted
        else _DATED_HEAD_MIN_CHARS
        if re.match("\\d{1,2}日", text)
        else _COLON_HEAD_MIN_CHARS
    )
    if _LEAD_OPENING_RE.match(head) or _REPORTED_HEAD_RE.search(head) or len(head) < shortest:
        return None  # ``本报讯记者从…获悉：19日…``: a lead's own opening; ``辽宁：…``: a headline's
    if _LEAD_OPENING_RE.match(text):
        return head, rest, wrapped
    if "\u3000" in separator:
        # The text opens with a word, a quotation, a title (``《北京市…》日前发布``) or a number.
        return (head, rest, wrapped) if re.match(f"[{HAN}“《]|[0-9]+[{HAN}]", text) else None
    if _SPEECH_END_RE.search(head):
        return None
    if quoted:
        # A quotation after a head of five characters or more, a comma in it or not, opens the item's
        # text (``特别的陪伴：“带这个箱子去吧…``, ``永葆初心本色，书写…新篇章：“我们党…``).
        return head, rest, wrapped
    if "，" in head:
        return None
    # The text opens with a word or a number read with its word (``…揭晓：2019中国金球奖…``).
    return (head, rest, wrapped) if re.match(f"[{HAN}]|[0-9]+[{HAN}]", text) else None


# A line that is one lenticular bracket: ``【格兰仕发布家电物联网芯片】``.
_WHOLE_BRACKET_RE = re.compile("【([^【】]+)】")


# A digest item's head alone over its lead holds this many Han characters at least (``腊月``).
_ITEM_HEAD_MIN_CHARS = 2
