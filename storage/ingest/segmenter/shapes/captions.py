"""Photo captions and photographers' credits: a caption's block, a caption over a dateline, the rest of one
a column break cut, a caption set between a story's paragraphs."""

from __future__ import annotations

import re

from storage.ingest.page_lines import _AGENCY_CREDIT_RE, _CAPTION_RE, _DATELINE_RE, HAN, _Line, _Story
from storage.ingest.segmenter.shapes.sentences import _ends_sentence


def _is_caption_group(group: list[_Line]) -> bool:
    """A photo caption printed as a block of its own: ``图为…`` (with its credit ``本报记者 X 摄``), the
    credit alone (``王某摄（人民视觉）``), or a portrait's caption on one line (`is_portrait_caption`)."""
    if all(_AGENCY_CREDIT_RE.match(line.text) for line in group):
        return True
    if len(group) == 1 and is_portrait_caption(group[0].text):
        return True
    if _credited_to_an_agency(group):
        return True
    return bool(_CAPTION_RE.match(group[0].text)) and not any(_DATELINE_RE.match(line.text) for line in group)


# A picture agency's name alone on a line, a caption's credit with no photographer (``人民视觉``, ``视觉中国``).
_AGENCY_ALONE_RE = re.compile(
    "^[ \t\u3000]*[（(]?[ \t\u3000]*(?:人民视觉|视觉中国|新华社发|中新社发|东方IC|影像中国)[ \t\u3000]*[）)]?[ \t\u3000]*$"
)


# How many lines a caption credited to an agency alone may take over its credit.
_AGENCY_CAPTION_LINES = 3


def _credited_to_an_agency(group: list[_Line]) -> bool:
    """A caption's block closed by its agency's name alone (``北医三院…进入病房前穿防护服。`` / ``人民视觉``):
    one sentence of up to three lines, no dateline, over the agency's line."""
    if not 2 <= len(group) <= _AGENCY_CAPTION_LINES + 1 or not _AGENCY_ALONE_RE.match(group[-1].text):
        return False
    caption = group[:-1]
    text = "".join(line.text.strip() for line in caption)
    return (
        _ends_sentence(caption)
        and not _DATELINE_RE.match(caption[0].text)
        and len(re.findall("[。！？]", text)) == 1
    )


# A photographer's credit that is a name and 摄 only (``吴涛摄``): no title, no agency, no second name.
_NAME_CREDIT_RE = re.compile(f"^[ \t\u3000]*[{HAN}]{{2,4}}[ \t\u3000]*摄[ \t\u3000]*$")


# A credit's head with no name after it (``本报记者``, ``新华社记者``): what the OCR kept of a photo's credit
# whose name it lost or read elsewhere.
_CREDIT_HEAD_RE = re.compile(
    r"^[ \t\u3000]*(?:本报|新华社|人民日报)(?:特约)?(?:摄影记者|记者|通讯员)[ \t\u3000]*$"
)


# A photographer's credit on a line of its own (``魏宇摄``, ``本报记者杨杰涛摄``, ``陈兰摄 (人民视觉)``), a
# two-character name padded to three cells on some (``新华社记者  李  颖摄``).
_CREDIT_NAME = f"(?:[{HAN}·]{{2,4}}|[{HAN}][ \t\u3000]{{1,2}}[{HAN}])"
_BARE_CREDIT_RE = re.compile(
    f"^[ \t\u3000]*(?:(?:本报|新华社|人民日报)?(?:特约)?(?:摄影记者|记者|通讯员))?[ \t\u3000]*"
    f"{_CREDIT_NAME}(?:[ \t\u3000、]+{_CREDIT_NAME}){{0,2}}[ \t\u3000]*摄"
    f"(?:[ \t\u3000]*[（(][ \t\u3000]*[{HAN}]{{2,8}}[ \t\u3000]*[）)])?[ \t\u3000]*$"
)


# A portrait's caption: the name of the person pictured, then the photographer's credit after a space
# (``倪岳峰。  本报记者 王某摄``, ``刘玉村  李明摄``).
_PORTRAIT_CAPTION_RE = re.compile(
    f"^[ \t\u3000]*[{HAN}·]{{2,4}}。?[ \t\u3000]+(?:(?:本报|新华社|人民日报)?(?:摄影记者|记者|通讯员))?"
    f"[ \t\u3000]*[{HAN}·]{{2,4}}[ \t\u3000]*摄[ \t\u3000]*$"
)


# A portrait's caption of a name alone with its picture's note: ``李达（资料图片）``, ``左权像``,
# ``赵苍璧  新华社发``. ``像`` after a name, not after a word for a kind of picture (``英雄群像``, ``自画像``).
_PORTRAIT_NOTE_RE = re.compile(
    f"^[ \t\u3000]*[{HAN}]{{2,4}}(?:·[{HAN}]{{2,5}})?(?:(?<![群画肖头塑雕影图偶录好想佛神铜])像"
    f"|[ \t\u3000]*[（(][ \t\u3000]*(?:资料图片|资料照片|新华社发)[ \t\u3000]*[）)]|[ \t\u3000]+新华社发)[ \t\u3000]*$"
)


# A portrait's caption of a name alone after the pointer to its picture: ``▲李达``.
_POINTED_NAME_RE = re.compile(f"^[ \t\u3000]*▲[ \t\u3000]*([{HAN}]{{2,4}}(?:·[{HAN}]{{2,5}})?)[ \t\u3000]*$")


def is_portrait_caption(text: str) -> bool:
    """A portrait's caption on a line of its own: the person's name and the photographer's credit
    (``倪岳峰。  本报记者 王某摄``, ``刘玉村  李明摄``), the name and the picture's note (``李达（资料图片）``,
    ``左权像``, ``赵苍璧  新华社发``), or the name after the pointer (``▲李达``)."""
    return bool(
        _PORTRAIT_CAPTION_RE.match(text) or _PORTRAIT_NOTE_RE.match(text) or _POINTED_NAME_RE.match(text)
    )


def names_a_portrait(text: str, story_text: str) -> bool:
    """``▲李达`` in a story whose text (`story_text`) names 李达: a portrait's caption, not a sub-heading set
    with an ornament (``▲培育产业生态``), which names no person."""
    found = _POINTED_NAME_RE.match(text)
    # A transliterated name (``赛尔江·买米拉``) is named by its first part too.
    return found is not None and found[1].split("·")[0] in story_text


def _caption_over_dateline(group: list[_Line]) -> int:
    """How many lines open the block as a caption set right over a story's dateline, with no blank line
    between (``图为…。`` / ``本报北京2月14日电  …``): the caption's lines, up to its sentence end; 0 when the
    block opens otherwise."""
    if not _CAPTION_RE.match(group[0].text):
        return 0
    for index, line in enumerate(group[1:4], start=1):
        if _DATELINE_RE.match(line.text):
            return index if _ends_sentence(group[:index]) else 0
    return 0


# How many lines of a caption a column break may carry over, its credit included.
_CAPTION_REST_LINES = 3


def _caption_rest(group: list[_Line]) -> int | None:
    """Where the rest of a caption a column break cut ends in this block: the index of its credit
    (``杨赵静摄（人民视觉）``) within its first lines, or of the line its sentence ends on with the credit
    after it (``件，指导各地加。  本报记者赵某摄``), or None when no credit closes it there."""
    for index, line in enumerate(group[:_CAPTION_REST_LINES]):
        if _AGENCY_CREDIT_RE.match(line.text) or _CAPTION_CREDIT_RE.search(line.text):
            return index
    return None


# How many lines a caption set between a story's paragraphs may take, its credit included.
_INNER_CAPTION_LINES = 4


# A space as a page prints it (and as a pattern reads it).
_SPACE = "[ \\t\\u3000]"


# A caption's credit at its line's end: ``王某摄``, ``本报记者  王某摄``, ``（王某 摄）``, ``（资料图片）``, ``供图``.
_CAPTION_CREDIT_END_RE = re.compile(
    f"(?:(?:(?:本报|新华社)?(?:摄影)?记者|通讯员)?{_SPACE}*[{HAN}·]{{2,4}}(?:{_SPACE}+[{HAN}·]{{2,4}})?{_SPACE}*摄"
    f"|[（(]{_SPACE}*(?:[{HAN}·、 \t\u3000]{{2,16}}摄|资料图片|图片由[{HAN}]{{2,12}}提供){_SPACE}*[）)]|供图){_SPACE}*$"
)


# A picture note alone on its line: ``（资料图片）``, ``（图片由受访者提供）``.
_CAPTION_NOTE_RE = re.compile(f"^[（(]{_SPACE}*(?:资料图片|图片由[{HAN}]{{2,12}}提供){_SPACE}*[）)]$")


def _inner_caption_end(lines: list[_Line], notes: set[int]) -> int | None:
    """The index of the line ending a caption that opens `lines` with its photographer's credit, the
    caption's sentence ended right before the credit (on its line or the line above), or with its
    sentence right over a picture note already dropped (`notes`, line numbers); None when no credit
    closes it there."""
    ended = False
    for index, line in enumerate(lines):
        if line.number + 1 in notes and _ends_sentence([line]):
            return index
        found = _CAPTION_CREDIT_END_RE.search(line.text)
        if found is not None:
            before = line.text[: found.start()]
            if before.strip(" \t\u3000"):
                ended = _ends_sentence([_Line(line.number, before.rstrip(" \t\u3000"), False)])
            return index if ended else None
        if ended:
            return None  # a sentence after the caption's own, no credit: no caption
        ended = _ends_sentence([line])
    return None


def _caption_over_text(group: list[_Line]) -> int:
    """How many lines open the block as a caption closed by its photographer's credit with text going on
    under it in the block (``图为…，近年来…`` / ``形势持续。（魏轩国 摄）`` / ``联合国秘书长…``): the caption's
    lines, up to its credit; 0 when the block opens otherwise or the credit closes it."""
    if not _CAPTION_RE.match(group[0].text):
        return 0
    end = _inner_caption_end(group[:_INNER_CAPTION_LINES], set())
    if end is None or end + 1 >= len(group):
        return 0
    return end + 1


def caption_apart(group: list[_Line]) -> list[list[_Line]]:
    """A block as the page's blocks: two when it opens with a photo's caption and its credit set right
    over what comes next with no blank line between (``▲冬天，…新建社区。`` / ``刘洋勇 摄`` / ``城乡融合撬动
    “美丽经``, the next story's headline), the caption and credit one block; else the block itself."""
    cut = _caption_over_more(group)
    return [group[:cut], group[cut:]] if cut else [group]


def _caption_over_more(group: list[_Line]) -> int:
    """How many lines open the block as a photo's caption and its credit with more lines under them: one
    sentence on at most `_CAPTION_MAX_LINES` lines, then the photographer's credit on a line of its own
    (``刘洋勇 摄``); 0 when the block opens otherwise. The caption's opening mark may be lost or misread
    (``▲`` read ``全``), so only its credit tells it."""
    for index, line in enumerate(group[1 : _CAPTION_MAX_LINES + 1], start=1):
        if not _BARE_CREDIT_RE.match(line.text):
            continue
        caption = "".join(x.text.strip() for x in group[:index])
        one_sentence = len(re.findall("[。！？]", caption)) == 1 and _ends_sentence(group[:index])
        if not one_sentence or len(caption) > _CAPTION_MAX_CHARS or index + 1 >= len(group):
            return 0
        if any(_DATELINE_RE.match(x.text) for x in group[:index]):
            return 0
        return index + 1
    return 0


# A story this short (in characters) closed by a photographer's credit under it is a picture story.
_CAPTION_STORY_CHARS = 200


# A caption block between stories: at most this many lines and characters before its credit, which
# closes a sentence: ``…合影留念。  新华社记者 王某 摄``.
_CAPTION_MAX_LINES = 4


_CAPTION_MAX_CHARS = 90


_CAPTION_CREDIT_RE = re.compile(
    f"(?<=[。！？”’）)])[ \t\u3000]*(?:(?:新华社记者|本报记者|记者|通讯员|摄影|新华社发)?[ \t\u3000]*"
    f"[{HAN}·]{{2,5}}(?:[ \t\u3000、][{HAN}·]{{2,5}})?[ \t\u3000]*摄(?:[ \t\u3000]*[（(][{HAN}]{{2,8}}[）)])?"
    # An agency's photo with no photographer named, or named after it: ``（新华社发）``, ``新华社发``.
    f"|[（(][ \t\u3000]*新华社发(?:[ \t\u3000]*[{HAN}·]{{2,5}}[ \t\u3000]*摄)?[ \t\u3000]*[）)]|新华社发"
    # A foreign agency's photo an international page prints through 新华社: ``新华社/美联``, ``新华社/路透``.
    f"|新华社[/／](?:美联|路透|法新|欧新|美联社|路透社|法新社|欧新社)"
    # The photographer's credit in brackets: ``（新华社记者 王某摄）``.
    f"|[（(][ \t\u3000]*(?:新华社记者|本报记者|记者)[ \t\u3000]*[{HAN}·]{{2,5}}[ \t\u3000]*摄[ \t\u3000]*[）)])[ \t\u3000]*$"
)


# A caption opening with the day the photo was taken (``1月12日，…``): a caption set inside a story's
# columns may stand where the story's sentence breaks off.
_DATED_CAPTION_RE = re.compile("^[ \t\u3000]*(?:当地时间)?[0-9]{1,2}月[0-9]{1,2}日(?:[上下晚]午|晚)?，")


def signed_in_its_dateline(story: _Story) -> bool:
    """Whether a story opens with a dateline and its reporters' bracket right after it (``本报北京2月2日电
    （记者张某、倪某）``, on the dateline's line or the next): a dispatch its reporters sign, never a
    picture story a photographer's credit closes. A dateline with more before the bracket
    (``本报讯 1月9日，据新华社电（记者…）``) is not."""
    head = "".join(line.text.strip() for line in story.lines[:2])
    found = _DATELINE_RE.match(head)
    if found is None:
        return False
    return "记者" in found.group(0) or bool(_REPORTERS_AFTER_DATELINE_RE.match(head[found.end() :]))


# The reporters right after a dateline whose bracket the OCR lost or left open (``记者史某)``).
_REPORTERS_AFTER_DATELINE_RE = re.compile("[ \t\u3000]*[（(〈《]?[ \t\u3000]*(?:本报|新华社)?(?:特约)?记者")
