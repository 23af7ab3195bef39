"""Web-rendered pages (`benchmarks.ocrweb`): a story's module of two columns read across row by row down
to its foot, one row's seam read as two spaces and the left column's last line read alone under the
rows (issue 22).

A small made-up page in the shape of a failure measured on `rmrb_ocr_web_fresh10`.
"""

from __future__ import annotations

from storage.ingest.line_split.bands import _rest_goes_on_into
from storage.ingest.line_split.cells import _lost_seam, _mark_lost_seams
from storage.ingest.ocr_page import parse_page

# Each row holds the left column's line and the right column's line at its height, a bar between,
# but the sixth, whose seam the OCR read as two spaces; the left column's last line (``务的教``) is read
# alone under the rows and goes on into the right column's first line (教|师); the right column ends
# the story.
MODULE_PAGE = (
    "人民日报\n\n"
    "2019年10月28日 星期一\n\n"
    "第16版 社会\n\n"
    "杭州中小学推行课后服务\n\n"
    "本报杭州3月5日电 | 师发放课时补贴到年\n"
    "（记者李明）浙江杭 | 底全市将建成五百所\n"
    "州将在全市中小学推 | 课后服务示范学校，\n"
    "行课后服务，每天放 | 并在社区设立一批学\n"
    "学后由学校提供两小 | 习中心，让家长下班\n"
    "时看护和作业辅导。  前不再为孩子的看护\n\n"
    "杭州市教育局表示， | 发愁。记者了解到，\n"
    "今年将新招收一批专 | 课后服务不收取费用\n"
    "职人员，并为参加服 | 由财政全额保障。\n"
    "务的教\n"
)


def test_issue22_a_module_read_across_to_its_foot_is_read_column_by_column():
    (story,) = parse_page(MODULE_PAGE, year=2019)
    assert story.title == "杭州中小学推行课后服务"
    text = "".join(story.paragraphs)
    assert "时看护和作业辅导。" in text
    assert "并为参加服务的教师发放课时补贴到年底全市将建成五百所" in text
    assert "让家长下班前不再为孩子的看护发愁。" in text
    assert text.endswith("由财政全额保障。")


def test_issue22_a_two_space_seam_counts_only_at_the_width_of_the_rows_round_it():
    above = "学后由学校提供两小 | 习中心，让家长下班"
    below = "杭州市教育局表示， | 发愁。记者了解到，"
    line = "时看护和作业辅导。  前不再为孩子的看护"
    assert _lost_seam(line, above, below) == line.index("  ")
    # A left piece narrower than the rows' left column: a space inside the text, no seam.
    assert _lost_seam("时看护辅导。  前不再为孩子的看护", above, below) is None
    # No row with a seam under it: no band to belong to.
    assert _lost_seam(line, above, "杭州市教育局表示，今年将新招收") is None
    # A line with a seam of its own is left to the band's cut.
    assert _lost_seam("时看护和作业辅导。 | 前不再为孩子的看护", above, below) is None
    assert _mark_lost_seams([above, line, "", below])[1] == "时看护和作业辅导。   前不再为孩子的看护"


def test_issue22_the_block_under_a_band_goes_on_into_the_right_column_only_by_a_word():
    left = ["本报杭州3月5日电", "职人员，并为参加服"]
    right = ["师发放课时补贴到年", "由财政全额保障。"]
    assert _rest_goes_on_into(left, right, ["务的教"])
    # No word across the join: the block under the band is another story's.
    assert not _rest_goes_on_into(left, right, ["务的人"])
    # A block that ends its sentence goes on into nothing.
    assert not _rest_goes_on_into(left, right, ["务的教。"])
    # No block under the band.
    assert not _rest_goes_on_into(left, right, [])
