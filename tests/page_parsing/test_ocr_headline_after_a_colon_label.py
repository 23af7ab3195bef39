"""OCR'd pages, a headline whose label ends in a colon: the label and the line under it are one headline.

A made-up page in the shape of a failure measured on the tuned Chromium set (`benchmarks.ocrweb`, seed
4): a series of portraits, each headline a name ending in a colon (``王建国：``) over the line that goes
on from it (``千钧一发 扑向歹徒``), read by the OCR as two blocks. The line under the label shares a
phrase (千钧一发) with the story above, and the label alone went with it there; the story the label
names was left with the bare name.
"""

from __future__ import annotations

from storage.ingest.ocr_page import parse_page

COLON_LABEL_PAGE = (
    "人民日报\n\n"
    "2020年2月1日 星期六\n"
    "第3版 要闻\n\n"
    "李红梅：\n\n"
    "默默奉献 守护乡亲（身边的榜样）\n\n"
    "据新华社电 （记者赵小红）李红梅，1970\n"
    "年出生于浙江湖州，是当地一名乡村医生。\n"
    "去年夏天河水暴涨，千钧一发之际，李红梅\n"
    "跳入河中，把落水的孩子托上了岸。三十年\n"
    "来，她走遍了全村每一户人家。\n\n"
    "王建国：\n\n"
    "千钧一发 扑向歹徒（身边的榜样）\n\n"
    "据新华社电 （记者钱小明）王建国，1965\n"
    "年出生于江苏南通，生前是一名公交司机。\n"
    "一天傍晚，一名男子持刀抢劫乘客，王建国\n"
    "冲上前去与歹徒搏斗，身中数刀，光荣牺牲。\n"
)


def test_issue22_the_line_under_a_label_ending_in_a_colon_goes_with_the_label():
    doctor, driver = parse_page(COLON_LABEL_PAGE, year=2020)
    assert doctor.title == "李红梅： 默默奉献 守护乡亲（身边的榜样）"
    assert doctor.reporters == ("赵小红",)
    assert driver.title == "王建国： 千钧一发 扑向歹徒（身边的榜样）"
    assert driver.reporters == ("钱小明",)
