"""OCR'd pages rendered by a browser (`benchmarks.ocrweb`): a photo's credit heading a block of text.

Tesseract read a photo's credit, its caption read elsewhere, at the head of a block of the story's
text, right after a sentence the story ended (web4-9: ``…出现发热症状。`` / ``新华社记者沈永平摄`` /
``柬埔寨卫生大臣曼本享27日`` / ``说，…``): it closed the story as its byline, and the line under it
became a headline. A made-up page in that shape: the credit is the photo's, the story goes on under it.
"""

from __future__ import annotations

from storage.ingest.ocr_page import explain_page, parse_page

ROUNDUP = (
    "2020年1月29日 星期三\n\n人民日报\n\n第12版 国际\n\n"
    "多国发现新型冠状病毒感染病例\n\n"
    "新华社北京1月28日电 综合新华社驻外记者\n"
    "报道：德国、斯里兰卡和柬埔寨卫生部门27\n"
    "日说，三国分别确诊了境内首例新型冠状病\n"
    "毒感染病例。\n\n"
    "德国巴伐利亚州卫生部门27日晚发表声明\n"
    "说，该州一名男子被确诊感染新型冠状病毒，\n"
    "这名患者已被隔离，目前临床状况良好。声\n"
    "明并未透露患者更多信息。\n\n"
    "斯里兰卡卫生部专家27日晚证实，斯里兰卡\n"
    "发现首例新型冠状病毒感染病例。一名来自\n"
    "中国湖北省的女子在测试中呈阳性反应，目\n"
    "前正在科伦坡的国家传染病医院接受治疗。\n"
    "这名女子25日结束旅行准备回国时在机场\n"
    "出现发热症状。\n\n"
)
PAGE = ROUNDUP + (
    "新华社记者沈永平摄\n"
    "柬埔寨卫生大臣曼本享27日\n\n"
    "说，柬当天确诊了首例新型冠状病毒感染病\n"
    "例。患者目前正在西哈努克省医院的隔离病\n"
    "房接受治疗，病情稳定。\n"
)


def test_issue22_a_photo_credit_heading_a_block_of_text_leaves_the_story_open():
    (story,) = parse_page(PAGE, year=2020)
    body = "".join(story.paragraphs)
    assert "新华社记者沈永平摄" not in body
    assert body.endswith(
        "柬埔寨卫生大臣曼本享27日说，柬当天确诊了首例新型冠状病毒感染病例。患者目前正在西哈努克省医院的隔离病房接受治疗，病情稳定。"
    )
    assert story.byline is None or "摄" not in story.byline
    assert "dropped line 26 as caption: 新华社记者沈永平摄" in "\n".join(explain_page(PAGE, year=2020))
