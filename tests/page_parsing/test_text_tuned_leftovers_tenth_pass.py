"""The tuned text-page families' leftovers, a tenth pass (issue 22): a paper's own dispatch whose
reporters run in before a lead opening with 近日 or 日前 (``trade_paper``).

Each case is a small made-up page in the shape of failures seen on the tuned families (seeds 1 and 2);
no held-out family's pages were looked at.
"""

from __future__ import annotations

from benchmarks.conventionpages import wrap
from storage.ingest.ocr_page import parse_page

WIDTH = 14
MASTHEAD = "2019年10月29日  星期二  第6版  产业\n\n"


def _column(*paragraphs: str) -> str:
    return "\n".join(line for paragraph in paragraphs for line in wrap(paragraph, WIDTH))


RUN_IN = "本报讯 记者王浩 通讯员李明报道：日前，一批重点项目在城南相继开工，带动就业岗位两万多个。"


def test_a_lead_opening_with_a_relative_day_after_run_in_reporters_takes_the_pages_date():
    """``本报讯 记者王浩 通讯员李明报道：日前，…``: the lead's first clause opens after the reporters, with
    日前, so the story is dated with the page (it had no date)."""
    page = MASTHEAD + f"重点项目相继开工\n\n{_column(RUN_IN)}\n"
    (story,) = parse_page(page, year=2019)
    assert story.date == "2019-10-29"
    assert story.reporters == ("王浩",)
    assert story.correspondents == ("李明",)


def test_a_relative_day_further_on_than_the_run_in_reporters_dates_nothing():
    """``本报讯 记者王浩报道称，近日…``: no colon closes the reporters, and the first clause is no relative
    day: the story stays undated."""
    text = "本报讯 记者王浩报道称，近日一批重点项目在城南相继开工，带动就业岗位两万多个。"
    page = MASTHEAD + f"重点项目相继开工\n\n{_column(text)}\n"
    (story,) = parse_page(page, year=2019)
    assert story.date is None
