"""Issue 22, seventh pass: pages read back by an OCR engine (`benchmarks.ocrpages`).

Each case is a small made-up page (or a pair of fragments) in the shape of a failure measured on pages
rendered to images and read back by Tesseract.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page
from storage.ingest.page_fragments import _seam

# A closing note the column wrapped over three lines, the middle one set full with a comma in it.
NOTE_PAGE = (
    "边关哨所过春节\n\n"
    "我在军中从事新闻报道八年。每年春\n"
    "节，我都会去边关哨所，用镜头记录官兵\n"
    "的春节。\n\n"
    "(作者为新疆克孜勒苏军分区政治\n"
    "工作部新闻报道员，本报记者倪光辉采\n"
    "访整理)\n\n"
    "科学饮茶好处多多\n\n"
    "春节期间，家人欢聚，走亲访友，一\n"
    "番忙碌应酬，不少人要面对节后综合征，\n"
    "喝茶或许对你有所帮助。\n"
)


def test_issue22_a_closing_note_wrapped_over_three_lines_is_one_note_not_a_headline():
    border, tea = parse_page(NOTE_PAGE, year=2020)
    assert border.paragraphs[-1] == "(作者为新疆克孜勒苏军分区政治工作部新闻报道员，本报记者倪光辉采访整理)"
    assert tea.title == "科学饮茶好处多多"


def test_issue22_no_text_reads_on_from_a_closing_note():
    page = {"阻断谣言的传播链条", "科学是最好的谣言粉碎机"}
    assert (
        _seam("记录下那一张张幸福的笑脸。(作者为新疆军区报道员，本报记者倪光辉采访整理)", "科学是最好", page)
        == 0.0
    )
    # A sentence left open still reads on.
    assert _seam("那一张张幸福的", "笑脸", page) > 0.0
