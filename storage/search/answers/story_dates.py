"""The month a question names against the stories' dates: among stories of one topic, the one dated in the month
asked tells of the event asked about (2020年1月韩正在瑞士见的联邦主席是谁: the January visit's story, not the October
one's, though both name 瑞士联邦主席), and news dates an event by its day, seldom by the month and year the question
writes.
"""

from __future__ import annotations

import re

# A month the question names with its year (2020年1月韩正在瑞士见的…, 2019年10月武汉注册志愿者); not a span of months
# (2020年1到4月), whose figures are printed under the span itself.
_MONTH_ASKED = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(?![至到—–~-]\d)")


def months_asked(q: str) -> frozenset[str]:
    """The months a (normalised) question names with their year, as ISO prefixes (2020年1月 → "2020-01")."""
    return frozenset(
        f"{m.group(1)}-{int(m.group(2)):02d}" for m in _MONTH_ASKED.finditer(q) if 1 <= int(m.group(2)) <= 12
    )


def dated_in(story_date: str, months: frozenset[str]) -> bool:
    """Whether a story's date (ISO) falls in one of `months` (ISO prefixes, `months_asked`)."""
    return story_date[:7] in months
