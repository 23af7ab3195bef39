"""A command line as readers type it: its name and rest (`parse_command`; a full-width slash, a space after
the slash, a number joined to the name; `typed_command`: also one asked for in words), the words of it that tell the reply's language
(`command_language_words`), and the arguments of /latest (`latest_page`) and /article (`article_numbers`)."""

from __future__ import annotations

import re
import unicodedata

from bot.chat.intents import NUMBER_SEPARATORS, subscriptions_asked, without_id_labels
from bot.chat.texts import COMMANDS_BY_NAME
from bot.chat.typed_text import without_leading_format_characters

MAX_LATEST_PAGE = 10_000  # /latest pages beyond this are refused (an offset scan that deep is pointless)
MAX_ARTICLE_ID = 2**62

# Commands whose arguments are codes written in Latin letters in any language (a timezone, a language's
# code, /unsubscribe all, a deep link's payload, numbers): their letters say nothing of the reply's
# language. Other commands' arguments are words the reader writes (/search, /subscribe's keywords, /help me).
CODE_COMMANDS = frozenset({"timezone", "lang", "unsubscribe", "start", "article", "digest", "latest"})


def command_language_words(name: str, args: str) -> str:
    """The words of a command's arguments that tell the reply's language: none for codes
    (`CODE_COMMANDS`) or for the names of commands `/help` is asked about (`/help search`), else all."""
    if name in CODE_COMMANDS:
        return ""
    if (
        name == "help"
        and args.split()
        and all(word.removeprefix("/").lower() in COMMANDS_BY_NAME for word in args.split())
    ):
        return ""
    return args


def language_words(line: str) -> str:
    """The words of a typed line that tell its language: a command's (`command_language_words`), else
    the whole line."""
    command = parse_command(line)
    if command is None:
        return line
    return command_language_words(*command)


def parse_command(line: str) -> tuple[str, str] | None:
    """A typed ``/command rest of line`` (``/search@bot x`` too) as (name, rest); None for other text. For
    the edges where commands arrive as text (the console, the web page, WeChat). Invisible format
    characters before the slash (the BOM a Windows editor writes at the start of a file piped in, a
    zero-width space pasted with it) do not hide the command; words typed right after a command's name
    (/subscribe阅兵, as a Chinese input method does) are its rest, as Telegram reads them."""
    line = without_leading_format_characters(line.strip())
    if line.startswith("／"):  # the full-width slash of a Chinese keyboard, before a command's name only
        if not _FULL_WIDTH_COMMAND.match(line):
            return None
        line = "/" + line[1:]
    if not line.startswith("/") or len(line) < 2:
        return None
    match = _COMMAND_HEAD.match(line)
    assert match is not None  # any line starting with "/"
    head, rest = match.groups()
    if not head:  # "/ article 49": a keyboard's space after the slash, before a command's name
        spaced = _COMMAND_HEAD.match("/" + rest)
        assert spaced is not None
        if spaced[1].split("@", 1)[0].lower() in COMMANDS_BY_NAME:
            head, rest = spaced.groups()
    joined = _NAME_THEN_WORDS.fullmatch(head)
    if joined is not None and joined[1].lower() in COMMANDS_BY_NAME:  # /subscribe阅兵: no space typed
        head, rest = joined[1] + (joined[2] or ""), f"{joined[3]} {rest}"
    return head.split("@", 1)[0].lower(), rest.strip()


def typed_command(line: str) -> tuple[str, str] | None:
    """A typed command (`parse_command`), or the command a line asks for in words (我的订阅, 订阅列表:
    /subscriptions, `subscriptions_asked`), as (name, rest); None for other text. For the edges where
    commands arrive as text (the console, the web page, WeChat)."""
    command = parse_command(line)
    if command is None and subscriptions_asked(line):
        return "subscriptions", ""
    return command


def command_typed_as_text(typed: str) -> tuple[str, str] | None:
    """A command Telegram does not mark as one, as (name, rest): typed with a Chinese keyboard's
    full-width slash (／latest) or with a space after the slash (/ latest), or asked for in words
    (`typed_command`: 我的订阅); None for anything else."""
    line = typed.lstrip()
    if not (line.startswith("／") or _SLASH_AND_SPACE.match(line)):
        return None if line.startswith("/") else typed_command(line)
    command = parse_command(line)
    return command if command is not None and command[0] else None


_SLASH_AND_SPACE = re.compile(r"/\s")


# A command that takes a number, typed with the number joined to its name (/article1, /article_1, /latest2).
_NUMBER_JOINED = re.compile(r"(article|latest|digest|unsubscribe)_?([0-9]+)")


def number_joined_to_command(name: str, args: str) -> tuple[str, str]:
    """(`name`, `args`) with a number typed joined to a command that takes one (/article1, /article_1) set
    apart as its argument: ("article1", "") → ("article", "1"); any other command as it is."""
    joined = _NUMBER_JOINED.fullmatch(name)
    if joined is None:
        return name, args
    return joined.group(1), f"{joined.group(2)} {args}".strip()


# The command's name and the rest, after any space (a full-width one too).
_COMMAND_HEAD = re.compile(r"/(\S*)\s*(.*)", re.DOTALL)
# A command's name (and bot) with words typed right after it, no space between (/subscribe阅兵): the name
# ends where its ASCII letters do, as Telegram marks a command.
_NAME_THEN_WORDS = re.compile(r"([A-Za-z0-9_]+)(@[A-Za-z0-9_]+)?([^\x00-\x7f].*)", re.DOTALL)
# "／search …": a full-width slash and then a command's name (ASCII letters, digits, _).
_FULL_WIDTH_COMMAND = re.compile(r"^／[A-Za-z][A-Za-z0-9_]*(?:@\w+)?(?:\s|$)")


FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


_LATEST_PAGE = re.compile(r"(?:第\s*)?([0-9]+)\s*页?")


def latest_page(args: str) -> int | None:
    """The page /latest's arguments (or a web link's ``&page=``) name, from 0 (``2``, ``第2页``, ``２``: the
    second page is 1; none: the first); past `MAX_LATEST_PAGE` for a number longer than that
    (``99999999999``: past the oldest, as it is); None for anything that names no page (``-2``, ``0``, ``abc``).
    """
    if not args.strip():
        return 0
    found = _LATEST_PAGE.fullmatch(unicodedata.normalize("NFKC", args).strip())
    if found is None:
        return None
    digits = found.group(1).lstrip("0")
    if not digits:
        return None
    if len(digits) > len(str(MAX_LATEST_PAGE)):
        return MAX_LATEST_PAGE + 1
    return int(digits) - 1


def article_numbers(args: str) -> list[int | None]:
    """The numbers of /article 1 2 (also 1,2 1、2 1;2; 编号 3, 第3篇, 3。), each as `article_number` reads it."""
    return [article_number(a) for a in NUMBER_SEPARATORS.split(without_id_labels(args)) if a]


def article_number(arg: str) -> int | None:
    """An article number as typed (3, #3, ＃３: a phone's Chinese keyboard types full-width), or None."""
    arg = arg.lstrip("#＃").translate(FULLWIDTH_DIGITS)
    if not arg.isascii() or not arg.isdigit() or int(arg) >= MAX_ARTICLE_ID:
        return None
    return int(arg)
