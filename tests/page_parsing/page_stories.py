"""Stories of the same paper's kind, written for tests, and a composer that lays them out as OCR pages.

Each story has its headline lines (grouped as printed), a dateline, paragraphs and a byline. The composer
wraps them at the column width, drops paragraph indents, adds the OCR's stray spaces and column-break
blank lines, and puts each headline before its story, after it, or a story or two away.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

COLUMN = 17.0


@dataclass(frozen=True)
class Story:
    headline: tuple[tuple[str, ...], ...]  # groups of lines
    dateline: str
    paragraphs: tuple[str, ...]
    byline: str
    date: str | None

    @property
    def title_lines(self) -> tuple[str, ...]:
        return tuple(line for group in self.headline for line in group)


STORIES: tuple[Story, ...] = (
    Story(
        headline=(("嵩山路街道开展汛前隐患排查",), ("筑牢安全度汛防线",)),
        dateline="本报讯 5月8日，",
        paragraphs=(
            "嵩山路街道组织城管、应急、物业等力量，对辖区12处低洼路段、3座地下车库和老旧小区排水管网开展汛前隐患排查，现场登记问题清单。",
            "街道办事处主任陈立新要求，各社区要立足防大汛、抢大险，备足沙袋、抽水泵等防汛物资，落实24小时值班值守制度，确保群众生命财产安全。",
            "截至目前，街道已清理雨水箅子460余个，疏通排水管道3.2公里，整改隐患27处。",
        ),
        byline="记者 孙晓雨 通讯员 刘洋",
        date="2023-05-08",
    ),
    Story(
        headline=(("垃圾分类进小区", "文明新风入人心"),),
        dateline="本报讯 5月9日上午，",
        paragraphs=(
            "五里堡街道在航海中路社区举办垃圾分类主题宣传活动，志愿者通过有奖问答、情景表演等方式，向居民讲解厨余垃圾、可回收物的投放方法。",
            "活动现场，居民们踊跃参与互动，不少老人带着孙辈一起学习分类知识。社区党委书记郝建平介绍，社区已建成智能回收站6座，居民分类投放准确率提升至85%。",
        ),
        byline="记者 孙晓雨",
        date="2023-05-09",
    ),
    Story(
        headline=(("区政府与河南工程学院签署战略合作协议",), ("校地携手培育产业人才",)),
        dateline="本报讯 5月10日，",
        paragraphs=(
            "区政府与河南工程学院举行战略合作签约仪式，双方将在人才培养、科技成果转化、产业研究等方面开展全方位合作。",
            "根据协议，学院将在我区设立实习实训基地，每年输送不少于300名毕业生，并联合辖区企业共建智能制造研究中心。",
            "副区长马文涛表示，校地合作是推动区域高质量发展的重要抓手，要以此次签约为契机，把协议内容转化为实实在在的项目和成果。",
        ),
        byline="记者 赵一鸣 通讯员 王珂 李娜",
        date="2023-05-10",
    ),
    Story(
        headline=(("樱桃沟景区迎来游客高峰",),),
        dateline="本报讯 近日，",
        paragraphs=(
            "随着气温回升，樱桃沟景区的樱桃陆续成熟，吸引大批市民前来采摘游玩，周末日均接待游客超过两万人次。",
            "为做好服务保障，景区增设临时停车场4处，开通观光摆渡车，并在主要路口安排交警和志愿者疏导交通。",
        ),
        byline="记者 赵一鸣",
        date=None,
    ),
    Story(
        headline=(("社区食堂开到家门口",), ("老年人吃上热乎饭",)),
        dateline="本报讯 5月11日，",
        paragraphs=(
            "位于大学路街道的幸福里社区食堂正式开业，为辖区60岁以上老人提供每餐10元的优惠套餐，行动不便的老人还可享受送餐上门服务。",
            "食堂负责人杨春梅说，每天的菜单由营养师搭配，做到少油少盐、荤素均衡。开业首日，食堂共接待就餐老人200余人次。",
        ),
        byline="记者 孙晓雨 通讯员 周静",
        date="2023-05-11",
    ),
    Story(
        headline=(("高校毕业生专场招聘会举行",), ("1200余个岗位虚位以待",)),
        dateline="本报讯 5月12日，",
        paragraphs=(
            "由区人社局主办的高校毕业生专场招聘会在区人力资源市场举行，86家企业提供软件开发、电子商务、机械设计等岗位1200余个。",
            "招聘会现场设置了政策咨询台和简历诊断区，工作人员为求职者讲解就业补贴、创业担保贷款等政策。当天，共有2300余名求职者入场，初步达成就业意向460人。",
        ),
        byline="记者 赵一鸣",
        date="2023-05-12",
    ),
)


def _width(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


def wrap(text: str, first: float, rest: float) -> list[str]:
    """Cut text into lines as a column would: the first line is indented, so it holds less."""
    lines: list[str] = []
    current = ""
    limit = first
    for ch in text:
        # typesetters never start a line with closing punctuation: it squeezes onto the line before
        if current and _width(current + ch) > limit and ch not in "，。、；：？！”’）》%":
            lines.append(current)
            current = ""
            limit = rest
        current += ch
    if current:
        lines.append(current)
    return lines


def _ocr_spaces(line: str, rng: random.Random) -> str:
    """The OCR's stray spaces: before digits that follow Han characters, now and then."""
    out = []
    for i, ch in enumerate(line):
        if (
            i
            and ch.isdigit()
            and not line[i - 1].isdigit()
            and not line[i - 1].isascii()
            and rng.random() < 0.7
        ):
            out.append(" ")
        out.append(ch)
    return "".join(out)


def story_lines(story: Story, rng: random.Random, *, inline_byline: bool = False) -> list[str]:
    """A story laid out in one column: wrapped lines, paragraph breaks with or without blank lines,
    column breaks in mid-sentence."""
    lines: list[str] = []
    for index, paragraph in enumerate(story.paragraphs):
        text = (story.dateline + paragraph) if index == 0 else paragraph
        wrapped = [_ocr_spaces(line, rng) for line in wrap(text, COLUMN - 2, COLUMN)]
        if index and (rng.random() < 0.8 or _width(lines[-1]) >= COLUMN - 1):
            lines.append("")
        for number, line in enumerate(wrapped):
            lines.append(line)
            # a column break: a blank line in mid-sentence
            if number < len(wrapped) - 1 and rng.random() < 0.12:
                lines.append("")
    if inline_byline:
        lines[-1] = lines[-1] + story.byline
    else:
        lines.append(story.byline)
    return lines


def headline_lines(story: Story) -> list[str]:
    lines: list[str] = []
    for group in story.headline:
        lines.extend(group)
        lines.append("")
    return lines


BEFORE, AFTER, TWO_AWAY = "before", "after", "two_away"


def compose_page(
    stories: tuple[Story, ...],
    placements: list[str],
    seed: int,
    inline: frozenset[int] | set[int] = frozenset(),
) -> str:
    """Lay stories out in order; each headline goes before its story, right after it, or after the next one."""
    rng = random.Random(seed)
    out: list[str] = []
    pending: dict[int, list[Story]] = {}  # headlines to print after story i
    for i, (story, placement) in enumerate(zip(stories, placements, strict=True)):
        if placement == BEFORE:
            out.extend(headline_lines(story))
        out.extend(story_lines(story, rng, inline_byline=i in inline))
        out.append("")
        for held in pending.pop(i, []):
            out.extend(headline_lines(held))
        if placement == AFTER:
            out.extend(headline_lines(story))
        elif placement == TWO_AWAY:
            pending.setdefault(min(i + 1, len(stories) - 1), []).append(story)
    for rest in pending.values():
        for held in rest:
            out.extend(headline_lines(held))
    return "\n".join(out) + "\n"
