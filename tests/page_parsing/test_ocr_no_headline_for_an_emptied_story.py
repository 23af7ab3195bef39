"""OCR'd pages, the matching step: a story left with no text takes no headline.

Made up in the shape of a failure measured on the tuned PIL set (`benchmarks.ocrpages`, seed 4): the
joining step gave every block of a story opened under a kicker (``…时强调``) back to the story they
continue, so that story has no text left; the kicker's words are another story's, whose main line
stands elsewhere. The empty story took the kicker (it had no headline, and one headline run was
matched to it for layout alone); it is dropped, and the kicker with it.
"""

from __future__ import annotations

from storage.ingest.page_headlines import HeadlineGroup, match_headlines


def _group(gap: int, text: str) -> HeadlineGroup:
    return HeadlineGroup(gap=gap, lines=(text,), text=text)


def test_issue22_a_story_left_with_no_text_takes_no_headline():
    texts = [
        "本报北京2月18日电（记者潘跃）全国工商联在京召开民营企业家座谈交流会。",
        "",
        "新华社雄安2月18日电李华到河北雄安新区考察建设工作，强调要高标准推进雄安新区建设，打造创新高地。",
    ]
    groups = [
        _group(0, "民营企业家座谈交流会召开"),
        _group(1, "李华在雄安考察建设工作时强调"),
        _group(2, "高标准推进建设打造创新高地"),
    ]
    assert match_headlines(texts, groups) == [[0], [], [1, 2]]
