"""Numbers written in Chinese numerals, as dates, times, counts and page numbers use them. Pure."""

from __future__ import annotations

DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# The units a digit counts, largest first.
UNITS = {"千": 1000, "百": 100, "十": 10}
# Every character a number in Chinese numerals is written with, for the patterns that find one.
NUMERAL_CHARACTERS = "".join(DIGITS) + "".join(UNITS)


def _counted(text: str) -> int | None:
    """A number written with units (十二, 一百零二, 两千五百, 一百二 read as 120), or None."""
    value = 0
    digit: int | None = None  # the digit read and not yet counted by a unit
    last_unit = 10_000  # units fall from left to right
    zero_before = False  # a 零 since the last unit: the digit after it counts ones (一百零二)
    for character in text:
        if character in DIGITS:
            if digit is not None:
                return None  # two digits in a row
            if DIGITS[character] == 0:
                if zero_before or last_unit == 10_000 or last_unit == 10:
                    return None
                zero_before = True
                continue
            digit = DIGITS[character]
        else:
            unit = UNITS[character]
            if unit >= last_unit:
                return None
            if digit is None:
                if value or zero_before or unit != 10:
                    return None  # 百 or 千 without a digit; 十 without one only leads (十二)
                digit = 1
            value += digit * unit
            digit, last_unit, zero_before = None, unit, False
    if digit is not None:
        # A digit after its last unit counts ones after a 零 or after 十 (一百零二, 三十一); after 百 or 千 alone
        # it counts the next unit down (一百二 is 120, 两千五 2500).
        value += digit if zero_before or last_unit in (10, 10_000) else digit * last_unit // 10
    elif zero_before:
        return None  # 一百零 ends on its 零
    return value


def chinese_number(text: str) -> int | None:
    """12 → 12, 八 → 8, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31, 一百 → 100, 一百零二 → 102, 两百 → 200,
    一百二 → 120, 一千零一 → 1001; 二〇二三 → 2023 (a year, digit by digit). None if `text` is not such a
    number."""
    if text.isdigit():
        return int(text)
    if not text or any(c not in DIGITS and c not in UNITS for c in text):
        return None
    if any(c in UNITS for c in text):
        return _counted(text)
    if len(text) == 4:
        return int("".join(str(DIGITS[c]) for c in text))
    if len(text) == 1:
        return DIGITS[text]
    return None


# The digits as a count writes them (两 is read, never written here: 第二, 二十, 一百零二).
_WRITTEN_DIGITS = "〇一二三四五六七八九"
# The largest number `chinese_numeral` writes: counts and ordinals of news text stay below ten thousand.
LARGEST_WRITTEN = 9999


def chinese_numeral(value: int) -> str | None:
    """A count written in Chinese numerals as news prints it: 8 → 八, 10 → 十, 12 → 十二, 73 → 七十三, 100 → 一百,
    102 → 一百零二, 1001 → 一千零一, 2500 → 二千五百. None outside 1..`LARGEST_WRITTEN`."""
    if not 1 <= value <= LARGEST_WRITTEN:
        return None
    out = ""
    zero_pending = False
    for unit, sign in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit % 10
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out += "零"
            zero_pending = False
        out += sign if unit == 10 and digit == 1 and not out else _WRITTEN_DIGITS[digit] + sign
    return out
