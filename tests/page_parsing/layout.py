"""Paragraphs laid out as the text of a printed page, the way the page tests write their made-up pages.

A column sets each paragraph in lines of a fixed width (`benchmarks.conventionpages.wrap`: a first line
shorter by its indent, punctuation never starting a line); a cut column slices each paragraph every so many
characters, wherever that falls; a page puts blocks of lines one under the other, a blank line between them.
"""

from __future__ import annotations

from collections.abc import Iterable

from benchmarks.conventionpages import wrap


def column_lines(paragraphs: Iterable[str], *, width: int, indent: int = 2) -> list[str]:
    """The lines of `paragraphs` set one after the other in a column `width` cells wide, each
    paragraph's first line indented by `indent` cells."""
    return [line for paragraph in paragraphs for line in wrap(paragraph, width, indent=indent)]


def column_text(
    *paragraphs: str,
    width: int,
    indent: int = 2,
    blank_between: bool = False,
    trailing_blank: bool = False,
) -> str:
    """`paragraphs` set in a column `width` cells wide (see `column_lines`), as one text: a blank line
    between paragraphs if `blank_between`, and one after the last if `trailing_blank`."""
    paragraph_lines = [wrap(paragraph, width, indent=indent) for paragraph in paragraphs]
    return _joined(paragraph_lines, blank_between=blank_between, trailing_blank=trailing_blank)


def cut_column(
    *paragraphs: str,
    chars: int,
    blank_between: bool = False,
    trailing_blank: bool = False,
) -> str:
    """`paragraphs` cut into lines of `chars` characters each (the last line of each shorter), as one
    text: a blank line between paragraphs if `blank_between`, and one after the last if `trailing_blank`."""
    paragraph_lines = [[p[i : i + chars] for i in range(0, len(p), chars)] for p in paragraphs]
    return _joined(paragraph_lines, blank_between=blank_between, trailing_blank=trailing_blank)


def page_of_blocks(*blocks: Iterable[str]) -> str:
    """Blocks of lines one under the other, a blank line between blocks, the page ending with a line end."""
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def squeezed(paragraphs: Iterable[str]) -> tuple[str, ...]:
    """Each paragraph with all its white space taken out."""
    return tuple("".join(paragraph.split()) for paragraph in paragraphs)


def _joined(paragraph_lines: list[list[str]], *, blank_between: bool, trailing_blank: bool) -> str:
    if blank_between:
        text = "\n\n".join("\n".join(lines) for lines in paragraph_lines)
    else:
        text = "\n".join(line for lines in paragraph_lines for line in lines)
    return text + "\n\n" if trailing_blank else text
