"""OCR'd pages, a kicker ending on a verb of saying, read by the OCR between another story's blocks.

Made up in the shape of a failure measured on the tuned PIL set (`benchmarks.ocrpages`, seed 4): the
kicker (``孙春兰在崇礼考察北京冬奥会备战工作时强调``) over a report's main line was read between two blocks
of another story, the main line and its report further down. The segmenter opened a story under the
kicker with the block read after it, which goes on from the other story's open sentence; headed, that
story was never joined. A kicker ending on a verb of saying heads no story of its own (what was said is
the main line under it): the block goes back to the sentence it continues, and the kicker to its report.
Then, in the whole-page matching, a story whose opening block the joiners gave away is left with
fragments: its first block left is no story's opening and goes where it reads on.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page
from storage.ingest.page_headlines import is_speech_kicker
from storage.ingest.page_lines import _Line, _Story
from storage.ingest.page_seams import _chain_blocks

KICKER_PAGE = (
    "人民日报\n\n"
    "2019年2月19日 星期二\n"
    "第5版 要闻\n\n"
    "民营企业家座谈交流会召开\n\n"
    "本报北京2月18日电 （记者潘跃）2月\n"
    "18日，全国工商联在京召开民营企业家座谈\n"
    "交流会。与会企业家表示，民营经济是我\n\n"
    "李华在雄安考察建设工作时强调\n\n"
    "国经济社会发展的重要力量，是推动高质量\n"
    "发展的重要主体，在稳定增长、促进创新、\n"
    "增加就业等方面发挥了积极作用。\n\n"
    "高标准推进建设 打造创新高地\n\n"
    "新华社雄安2月18日电 李华17至18\n"
    "日到河北雄安新区考察建设工作，他强调要\n"
    "高标准高质量推进雄安新区规划建设，把雄\n"
    "安新区建设成为创新高地和新时代的样板。\n"
)


def test_issue22_a_kicker_ending_on_a_verb_of_saying_heads_no_story_of_its_own():
    meeting, visit = parse_page(KICKER_PAGE, year=2019)
    assert meeting.title == "民营企业家座谈交流会召开"
    assert meeting.paragraphs[0].endswith(
        "民营经济是我国经济社会发展的重要力量，是推动高质量发展的重要主体，"
        "在稳定增长、促进创新、增加就业等方面发挥了积极作用。"
    )
    assert visit.title == "李华在雄安考察建设工作时强调 高标准推进建设 打造创新高地"
    assert visit.paragraphs[0].startswith("新华社雄安2月18日电")


def test_issue22_explain_says_the_block_under_the_kicker_was_joined_to_the_sentence_it_continues():
    lines = explain_page(KICKER_PAGE, year=2019)
    assert any("goes on from the sentence left open there" in line for line in lines)


def test_issue22_what_a_speech_kicker_is():
    assert is_speech_kicker(["孙春兰在崇礼考察北京冬奥会备战工作时强调"])
    assert is_speech_kicker(["李克强在 国务院常务会议上 指出"])
    assert not is_speech_kicker(["尤权出席并讲话"])  # a subtitle, not a kicker
    assert not is_speech_kicker(["他强调，要加强合作"])  # text: a comma, what was said follows
    assert not is_speech_kicker(["李华在雄安考察时强调", "高标准推进建设"])  # two lines: a whole headline


def _block(first: int, texts: list[str]) -> list[_Line]:
    return [_Line(first + k, text, k == 0) for k, text in enumerate(texts)]


def _stories_after_the_joiners() -> list[_Story]:
    """A page as the joiners left it: story 2's opening block (lines 22-24) went to story 0, whose
    sentence it continues; its other block (26-28) goes on from story 1's last line (``…完成医院`` /
    ``移交体现了…``)."""
    return [
        _Story(
            lines=_block(
                8,
                [
                    "本报北京2月18日电 （记者潘跃）2月",
                    "18日，全国工商联在京召开民营企业家座谈",
                    "交流会。与会企业家表示，民营经济是我",
                ],
            )
            + _block(
                22,
                [
                    "国经济社会发展的重要力量，是推动高质量",
                    "发展的重要主体，在稳定增长、促进创新、",
                    "增加就业等方面发挥了积极作用。",
                ],
            )
        ),
        _Story(
            lines=_block(
                14,
                [
                    "近日，由中国援建的友谊医院正式向",
                    "布方移交。卫生部长与中国大使共同签署了",
                    "交接证书，当地民众载歌载舞表示庆祝。",
                ],
            )
            + _block(18, ["大使李明表示，中布双方完成医院"])
        ),
        _Story(
            lines=_block(
                26,
                [
                    "移交体现了两国间真诚的友谊与合作。双方",
                    "将继续加强卫生领域合作，为当地民众带来",
                    "更多福祉，友谊医院将培训更多医护人员。",
                ],
            )
        ),
        _Story(
            lines=_block(
                32,
                [
                    "新华社雄安2月18日电 李华17至18",
                    "日到河北雄安新区考察建设工作，他强调要",
                    "高标准高质量推进雄安新区规划建设，把雄",
                    "安新区建设成为创新高地和新时代的样板。",
                ],
            )
        ),
    ]


_HEADLINES = ["民营企业家座谈交流会召开", "中国援建的医院正式移交", "", "高标准推进建设 打造创新高地"]


def test_issue22_a_story_whose_opening_block_went_elsewhere_has_no_opening_left():
    stories = _stories_after_the_joiners()
    joins = _chain_blocks(stories, [True, True, False, True], [None] * 4, 19.0, _HEADLINES, {8, 14, 22, 32})
    assert [line.number for line in stories[1].lines] == [14, 15, 16, 18, 26, 27, 28]
    assert stories[2].lines == []
    assert [(join.first, join.source, join.target) for join in joins] == [(26, 2, 1)]


def test_issue22_a_story_that_kept_its_opening_block_keeps_it():
    stories = _stories_after_the_joiners()
    joins = _chain_blocks(stories, [True, True, False, True], [None] * 4, 19.0, _HEADLINES, {8, 14, 26, 32})
    assert [line.number for line in stories[2].lines] == [26, 27, 28]
    assert joins == []
