"""Authors' names where a story prints them: alone on a line, closing the text, as initials; a byline as
stored; a story opened by a dateline alone."""

from __future__ import annotations

import re

from storage.ingest.page_lines import (
    _BODY_MEASURE,
    _BYLINE_ORNAMENT,
    _CLOSERS,
    _COMMA_RE,
    _DATELINE_RE,
    _HAN_RE,
    _HEADLINE_MAX_LINES,
    _INDENT_CELLS,
    _INDENT_RE,
    _MULTI_SPACE_RE,
    _SENTENCE_END,
    HAN,
    _cells,
    _is_body_fragment,
    _is_headline_like,
    _Line,
    _opens_story,
    _Story,
)
from storage.text.surnames import COMMON_SURNAMES

# Common surnames: a name in brackets closing a brief or a short item (``…成效明显。（王某 李某）``)
# starts with one; an agency's or a place's note (``（人民视觉）``, ``（新华社发）``) does not.
_SURNAMES = COMMON_SURNAMES


# A name never ends as a note does: ``（全文完）``, ``（新华社发）``, ``（本报电）``, ``（据央视）``.
_BRACKETED_NAME = f"[{_SURNAMES}][{HAN}]{{0,1}}(?![完发电摄稿讯])[{HAN}](?![{HAN}])"


# A reporter's role: a bracket holding one is a dateline's or a byline's, never an author's post.
_REPORTER_ROLE_RE = re.compile("记者|通讯员|实习生|特约|摄影|报道")


# An author alone on a line (``颜珂``, ``□颜珂``, ``■颜珂``): a surname and one or two characters, or a
# two-character name padded to three cells (``王  强``); two or three such names apart by spaces, a
# piece's co-authors (``何一磊  贾涛``); or any name of two to four characters with the author's post in
# brackets after it (``铁  凝（中国作协主席）``, ``阿尔泰（中国作协主席团委员）``).
_AUTHOR_ALONE_RE = re.compile(
    f"^[ \t\u3000]*(?:[□■◎][ \t\u3000]*)?(?:"
    f"(?P<name>[{_SURNAMES}](?:[{HAN}]{{1,2}}|[ \t\u3000]{{1,3}}[{HAN}]))"
    f"|(?P<names>[{_SURNAMES}][{HAN}]{{1,2}}(?:[ \t\u3000]+[{_SURNAMES}][{HAN}]{{1,2}}){{1,2}})"
    f"|(?P<posted>[{HAN}](?:[ \t\u3000]{{0,3}}[{HAN}]){{1,3}})[ \t\u3000]*[（(][^（）()。，]{{2,30}}[）)]"
    f")[ \t\u3000]*$"
)


# A name of two to four characters alone on its line, no surname needed (``阿尔泰``): an author's only
# right under the headline of the piece it signs (`BylineReader.author_alone`).
_BARE_NAME_RE = re.compile(f"^[ \t\u3000]*[{HAN}]{{2,4}}[ \t\u3000]*$")


# A two-character name padded to three cells in brackets (``（姚  昂）``, ``（李 彤）``): one name.
_PADDED_NAME = f"[{_SURNAMES}][ \t\u3000]{{1,3}}(?![完发电摄稿讯])[{HAN}]"


_CLOSING_NAMES_RE = re.compile(
    # After the last sentence, or after a photo's credit closing the item (``春秋航空供图（新华社发）``).
    f"^(.*?(?:[{_SENTENCE_END}][{_CLOSERS}]*|(?:供图|摄)(?:[（(][{HAN}]{{2,8}}[）)])?))?[ \t\u3000]*[（(][ \t\u3000]*"
    f"((?:融媒体记者|见习记者|本报记者|记者|通讯员)?[ \t\u3000]*(?:{_BRACKETED_NAME}(?:[ \t\u3000、]+{_BRACKETED_NAME}){{0,3}}"
    f"|(?P<padded>{_PADDED_NAME})))"
    f"[ \t\u3000]*[）)][ \t\u3000]*$"
)


def over_the_next_items_head(lines: list[_Line]) -> bool:
    """Whether `lines` open with the next item's head over its dateline, inside one block (a column of
    briefs, ``佑安专科联盟多向转诊平台启动`` / ``本报电 佑安肝病…``): names in brackets over them close the
    item above as they would at its block's end."""
    return (
        len(lines) >= 2
        and _is_headline_like(lines[:1])
        and not _DATELINE_RE.match(lines[0].text)
        and bool(_DATELINE_RE.match(lines[1].text))
    )


def closing_byline(found: re.Match[str]) -> str:
    """The byline of names in brackets closing a story (`_CLOSING_NAMES_RE`'s match): a name padded to
    three cells (``（姚  昂）``) without its spaces, else the names as `_byline_text` stores them."""
    if found.group("padded"):
        return re.sub("[ \t\u3000]", "", found.group("padded"))
    return _byline_text(found.group(2))


# An editor's initials after a story's last sentence (``…改革工作。（ZY）``): no text, no byline.
_INITIALS_RE = re.compile(
    f"^(.*?[{_SENTENCE_END}][{_CLOSERS}]*)?[ \t\u3000]*[（(][ \t\u3000]*[A-Z]{{2,4}}[ \t\u3000]*[）)][ \t\u3000]*$"
)


def _text_follows(group: list[_Line], index: int) -> bool:
    """Whether the line at `index` is followed, in its block, by story text: the byline there is printed
    before its story's text (``本报记者  王珏`` over the lead), not after the story above. Text is a
    dateline, prose, a paragraph's indented first line, or lines set to the body's measure (a lead
    whose first sentence runs past two lines carries no sentence mark there)."""
    rest = group[index + 1 : index + 3]
    if not rest:
        return False
    if _DATELINE_RE.match(rest[0].text):
        return True  # ``本报记者  刘  毅`` / ``据新华社电  （记者…）``: a dateline opens the story under it
    if not _is_headline_like(rest) and len(_HAN_RE.findall("".join(x.text for x in rest))) >= 12:
        return True
    if _INDENT_RE.match(rest[0].text) or _is_body_fragment(group[index + 1 : index + 4]):
        return True
    if _indent_short_over_a_full_line(rest):
        return True
    # More lines than a headline has, with a story's worth of text: a lead, whatever its first lines.
    block = group[index + 1 :]
    return len(block) > _HEADLINE_MAX_LINES and _opens_story(block)


def _indent_short_over_a_full_line(lines: list[_Line]) -> bool:
    """A paragraph's first line, short by the indent the OCR dropped, over a line set to the body's measure,
    a comma in them (``■古代的海陆丝绸之路早已把两大文明紧紧`` / ``相连，共同的历史遭遇和日益广泛的共同利益促``,
    an essay's summary under its author's name): text, where a headline wrapped over two lines sets no
    indent."""
    if len(lines) < 2 or not _COMMA_RE.search(lines[0].text + lines[1].text):
        return False
    first, second = _cells(lines[0].text), _cells(lines[1].text)
    return second >= _BODY_MEASURE and abs(second - _INDENT_CELLS - first) <= 1.0


def _dateline_alone(story: _Story) -> bool:
    """A story so far made of a dateline that fills its line (``新华社北京7月26日电``)."""
    if len(story.lines) != 1:
        return False
    match = _DATELINE_RE.match(story.lines[0].text)
    return match is not None and not story.lines[0].text[match.end() :].strip()


def _byline_text(text: str) -> str:
    """A byline as stored: spaces collapsed, brackets around it removed."""
    text = _MULTI_SPACE_RE.sub(" ", text.strip().lstrip(_BYLINE_ORNAMENT).strip())
    return text[1:-1].strip() if text[:1] in "（(" and text[-1:] in "）)" else text
