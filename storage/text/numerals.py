"""Numbers written in Chinese numerals, as dates, times and counts use them. Pure."""

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


def chinese_number(text: str) -> int | None:
    """12 → 12, 八 → 8, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31; 二〇二三 → 2023 (a year, digit by
    digit). None if `text` is not such a number."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        if len(tens) > 1 or len(ones) > 1 or (tens and tens not in DIGITS) or (ones and ones not in DIGITS):
            return None
        return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[ones] if ones else 0)
    if len(text) == 4 and all(c in DIGITS for c in text):
        return int("".join(str(DIGITS[c]) for c in text))
    if len(text) == 1 and text in DIGITS:
        return DIGITS[text]
    return None
