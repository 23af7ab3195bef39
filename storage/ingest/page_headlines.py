"""Match a page's headlines to its stories: the matching step of the OCR page parser.

Headline groups (blank-line separated runs of headline lines: a kicker, a title, a subtitle) stand
before their story, after it or a story away. Each goes to the story whose text repeats its words: the
share of its character pairs (words, names, places, numbers) the story holds, rare pairs weighing more,
with page position only breaking near-ties. Pure: story texts and headline groups in, for each story
the positions of its groups out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")

# A headline group needs at least this share of its (weighted) character pairs in a story to go to it.
_MIN_HEADLINE_SCORE = 0.25
# Below that, a group with this much evidence still goes to a story that has no headline yet.
_WEAK_HEADLINE_SCORE = 0.08
# A headless story takes a group its holder holds beside another when it fits this story at least this
# share as well as the holder (two stories of one topic, their headlines stacked together).
_STEAL_SHARE = 0.6
# A main line under its story's kicker may share less than this share of its pairs with the story above.
_STRAY_MAIN_LINE_SHARE = 0.5
# How much shared single characters add to a headline's score (shared pairs count 1).
_CHAR_EVIDENCE = 0.05
# A column label in brackets closing a headline (words, no number: ``（第3号）`` is the title's), and how many Han characters the title keeps without it
# for that reading to count.
_TRAILING_LABEL_RE = re.compile(r"[（(][^（()）0-9０-９]{3,20}[）)]\s*$")
_LABELLED_TITLE_MIN_CHARS = 4

# A series' banner over a page is one short line with no sentence mark or digit.
_BANNER_MAX_CHARS = 16
_BANNER_STOP_RE = re.compile("[。！？，；：、“”0-9]")
# A headline group opening with a kicker of its own: a name and a colon (``李达：``, ``赵尚志：拼斗疆场…``),
# names or a group's name alone before a colon (``闻建生、温郡权：``, ``江西萍乡三英烈：``), or a line closed
# by a dash (``中国科学院新疆分院原副院长彭加木——``), an ornament before it on some.
_OWN_KICKER_RE = re.compile(
    f"^[■●◆□ \t\u3000]*(?:[{HAN}]{{2,4}}(?:·[{HAN}]{{2,5}})?：|[{HAN}·、]{{2,12}}：$|[^。！？]{{4,30}}——$)"
)


@dataclass(frozen=True)
class HeadlineGroup:
    gap: int  # the gap it was printed in: gap i lies before story i
    lines: tuple[str, ...]  # as printed
    text: str  # its lines joined and cleaned of the OCR's spaces
    owner: int | None = None  # the story it heads for sure (printed on the line opening its text)


def match_headlines(texts: list[str], groups: list[HeadlineGroup]) -> list[list[int]]:
    """For each story (its cleaned text), the positions in `groups` of its headline groups."""
    if not texts:
        return []
    return HeadlineMatcher(texts, groups).run()


def _pairs(text: str) -> set[str]:
    """Character pairs of the Han (and alphanumeric) runs of a text."""
    pairs: set[str] = set()
    for run in re.findall(f"[{HAN}A-Za-z0-9]+", text):
        pairs.update(run[i : i + 2] for i in range(len(run) - 1))
    return pairs


class HeadlineMatcher:
    """The matching step: headline groups to stories, over the whole page.

    Evidence first (the share of a group's character pairs its story repeats, rare pairs weighing
    more), layout only to break near-ties; then a group with little evidence goes with the headline
    printed next to it (a kicker over its title, a subtitle under it), a series label to the title below
    it, and a story left without a headline takes one another story holds beside its own.
    """

    def __init__(self, texts: list[str], groups: list[HeadlineGroup]) -> None:
        self.story_pairs = [_pairs(text) for text in texts]
        self.story_chars = [set(_HAN_RE.findall(text)) for text in texts]
        self.document_frequency: Counter[str] = Counter()
        for pairs in self.story_pairs:
            self.document_frequency.update(pairs)
        for chars in self.story_chars:
            self.document_frequency.update(chars)
        self.n = len(texts)
        # A story left with no text (its blocks all joined to other stories) takes no headline.
        self.empty = [not text.strip() for text in texts]
        self.choices = [
            (group.gap, group, [self.score(group, k) + _proximity(group.gap, k) for k in range(self.n)])
            for group in groups
        ]
        self.owner: list[int | None] = [None] * len(self.choices)

    def weight(self, token: str) -> float:
        return math.log((self.n + 1) / (self.document_frequency[token] + 0.5)) + 0.1

    def overlap(self, tokens: set[str], held: set[str]) -> float:
        """The weight of `tokens` that `held` repeats over the weight of all of them, each sum exact
        (`math.fsum`), so the same whatever order the set is read in."""
        total = math.fsum(self.weight(t) for t in tokens)
        return math.fsum(self.weight(t) for t in tokens if t in held) / total if total else 0.0

    def score(self, group: HeadlineGroup, story_index: int) -> float:
        """Shared character pairs are the evidence; shared single characters (a headline may say 孩子
        where its story says 学生, and still share 长 of 校长) only tip a near-tie.

        A space in a headline either parts its phrases (``蒙牛 生命重于泰山 疫情就是命令``), where pairs
        across it are no words, or is the OCR's, inside a word (``访 问加拿大``): the pairs are read
        both ways and the reading the story repeats more counts."""
        text = group.text
        pairs = self.overlap(_pairs(text), self.story_pairs[story_index])
        phrases = " ".join(group.lines)
        if re.search(r"\s", phrases.strip()):
            pairs = max(pairs, self.overlap(_pairs(phrases), self.story_pairs[story_index]))
        # A column label in brackets at the end (``订好农资备春耕（统筹抓好改革发展稳定各项工作）``)
        # names the series, which the story seldom repeats: the title without it is read too.
        bare = _TRAILING_LABEL_RE.sub("", text)
        if bare != text and len(_HAN_RE.findall(bare)) >= _LABELLED_TITLE_MIN_CHARS:
            pairs = max(pairs, self.overlap(_pairs(bare), self.story_pairs[story_index]))
        return pairs + _CHAR_EVIDENCE * self.overlap(
            set(_HAN_RE.findall(text)), self.story_chars[story_index]
        )

    def mass(self, position: int) -> float:
        """How much a group's share can say: a headline of many character pairs repeated by a story says
        more than a line of one or two (``协议，``, a clause of text read apart), whose share is all or
        nothing."""
        count = len(_pairs(self.choices[position][1].text))
        return count / (count + _FEW_PAIRS)

    def evidence(self, position: int, k: int) -> float:
        gap, _group, scores = self.choices[position]
        return scores[k] - _proximity(gap, k)

    def best(self, position: int) -> int:
        scores = self.choices[position][2]
        return max(range(self.n), key=lambda k: scores[k])

    def run(self) -> list[list[int]]:
        """For each story, the positions of its headline groups, in page order (a series' banner over
        the page in none)."""
        banner = self.series_banner()
        self.sure_groups()
        self.other_groups()
        self.series_labels()
        self.kickers()
        self.subtitles()
        assigned = self.assigned()
        self.give_to_headless(assigned)
        result = [sorted(pos for _, pos in assigned.get(k, []) if pos != banner) for k in range(self.n)]
        return self.uncross(self.one_run_each(self.dash_subtitles(result)))

    def series_banner(self) -> int | None:
        """The position of a series' banner over a page of its pieces (``【为了民族复兴·英雄烈士谱】`` over
        ``李达：`` / ``战功赫赫 智勇双全``, ``·最美奋斗者·`` over ``…原副院长彭加木——`` / ``揭开罗布泊神秘面纱``):
        the page's first group, one short line with no sentence mark, a block apart over the first story's
        heads, which open with a kicker of their own (a name, or a post and a name, closed by ``：`` or
        ``——``), as the heads of another piece on the page do: a series' pieces are headed alike. A
        column's label stands over its headline's main line, not over another kicker, and a kicker over
        a main line closed by a dash (``新华社长篇通讯`` / ``向着…阔步前行——`` / ``以…``) heads that story
        alone; None when the page has no such banner."""
        if len(self.choices) < 2 or self.choices[0][0] != 0 or self.choices[1][0] != 0:
            return None
        group, under = self.choices[0][1], self.choices[1][1]
        if len(group.lines) != 1 or len(group.text) > _BANNER_MAX_CHARS or _BANNER_STOP_RE.search(group.text):
            return None
        if not _OWN_KICKER_RE.match(under.lines[0].strip()):
            return None
        alike = any(
            gap != 0 and _OWN_KICKER_RE.match(other.lines[0].strip()) for gap, other, _ in self.choices
        )
        return 0 if alike else None

    def one_run_each(self, result: list[list[int]]) -> list[list[int]]:
        """When a story is left without a headline while another holds two runs of headline groups
        (printed in different places), match runs to stories over the whole page instead: each story at
        most one run, each run at most one story, the largest total evidence (layout breaking ties)."""
        gaps = [gap for gap, _, _ in self.choices]
        runs = [run for positions in result for run in _runs(positions, gaps)]
        headless = [k for k in range(self.n) if not result[k] and not self.empty[k]]
        if not headless or not any(len(_runs(positions, gaps)) > 1 for positions in result):
            return result
        if len(runs) > _MAX_RUNS_MATCHED:
            return result

        def fit(run: list[int], k: int) -> float:
            return sum(self.choices[pos][2][k] * self.mass(pos) for pos in run) / len(run)

        # Best matching of runs to stories: stories in order, the runs still free as a bit mask.
        best: dict[tuple[int, int], tuple[float, tuple[int, ...]]] = {}

        def solve(k: int, free: int) -> tuple[float, tuple[int, ...]]:
            if k == self.n:
                return 0.0, ()
            if (k, free) in best:
                return best[(k, free)]
            skip_total, skip_choice = solve(k + 1, free)
            answer = (skip_total, (-1, *skip_choice))
            for r in range(len(runs)):
                if free & (1 << r) and not self.empty[k]:
                    total, choice = solve(k + 1, free & ~(1 << r))
                    total += fit(runs[r], k)
                    if total > answer[0]:
                        answer = (total, (r, *choice))
            best[(k, free)] = answer
            return answer

        _total, choice = solve(0, (1 << len(runs)) - 1)
        matched = [sorted(runs[r]) if r >= 0 else [] for r in choice]
        if sum(1 for m in matched if m) <= sum(1 for positions in result if positions):
            return result
        return matched

    def uncross(self, result: list[list[int]]) -> list[list[int]]:
        """Two stories whose headlines stand each right over the other story (``中国射击队摘得军运会首枚金牌``
        over its dated report, ``决胜毫厘之间`` over a feature on the same final, the report's headline
        repeated more by the feature) swap them back when each story repeats the headline over it: the
        one the evidence chose surely, the other at least a little, or the two as printed fit better in
        all than as paired (``高质量打赢脱贫攻坚战`` over a long feature on it, ``扶贫扶出精气神`` over a
        short comment its words hardly name), or when neither was paired surely (``本领强，遇变才不慌``
        over a comment, ``出球`` over a picture's caption, each given to the other by a pair or two of
        common words). Each headline then stands over its story, as printed."""
        gaps = [gap for gap, _, _ in self.choices]
        for a in range(self.n):
            for b in range(a + 1, self.n):
                mine, theirs = result[a], result[b]
                if not mine or not theirs:
                    continue
                if any(gaps[p] != b for p in mine) or any(gaps[p] != a for p in theirs):
                    continue  # not each story's headline right over the other one
                over_b = min(self.evidence(p, b) for p in mine)
                over_a = min(self.evidence(p, a) for p in theirs)
                surely, at_least = max(over_a, over_b), min(over_a, over_b)
                # As printed, the two fit better in all than as the evidence paired them, by a margin.
                paired_a = min(self.evidence(p, a) for p in mine)
                paired_b = min(self.evidence(p, b) for p in theirs)
                better = over_a + over_b > paired_a + paired_b + _CHAR_EVIDENCE
                # Neither headline went to the other story surely: the layout says more than the words.
                unsure = max(paired_a, paired_b) < _MIN_HEADLINE_SCORE
                if (
                    unsure
                    or _words_tie(over_a, over_b, paired_a, paired_b)
                    or (surely >= _MIN_HEADLINE_SCORE and (at_least >= _WEAK_HEADLINE_SCORE or better))
                ):
                    result[a], result[b] = theirs, mine
        return result

    def sure_groups(self) -> None:
        """A group printed on the line opening its story's text goes there; each other group whose best
        story repeats enough of it goes there too."""
        for position in range(len(self.choices)):
            if (owner := self.choices[position][1].owner) is not None:
                self.owner[position] = owner
                continue
            best = self.best(position)
            if self.evidence(position, best) >= _MIN_HEADLINE_SCORE:
                self.owner[position] = best

    def neighbours(self, position: int, offsets: tuple[int, ...] = (-1, 1)) -> list[int]:
        """The stories of the groups printed right next to this one (same gap) that have one."""
        gap = self.choices[position][0]
        out = []
        for p in (position + offset for offset in offsets):
            if (
                0 <= p < len(self.choices)
                and self.choices[p][0] == gap
                and (owner := self.owner[p]) is not None
            ):
                out.append(owner)
        return out

    def other_groups(self) -> None:
        """The groups no story repeats for sure, those with the most evidence first: a group some
        story repeats a little claims it before a group no story repeats is given a story by layout.
        Series labels (``【新思想引领新征程】``) come last: they go with the title printed under them."""
        n = self.n
        order = sorted(
            range(len(self.choices)),
            key=lambda p: (
                _is_series_label(self.choices[p][1]),
                -self.evidence(p, self.best(p)) if self.owner[p] is None else 0.0,
            ),
        )
        for position in order:
            _gap, group, scores = self.choices[position]
            if self.owner[position] is not None:
                continue
            if self.page_banner(position):
                continue  # over the page's first headline, in words no story on the page uses
            neighbours = self.neighbours(position)
            best = self.best(position)
            evidence = self.evidence(position, best)
            held = set(o for o in self.owner if o is not None)
            if (
                evidence < _WEAK_HEADLINE_SCORE
                and _is_column_label(group)
                and not self.alone_over_headless(position, held)
            ):
                continue  # a column label (``简讯``) over the briefs that follow, no story's headline
            headless = [k for k in range(n) if k not in held and not self.empty[k]]
            content = {k: self.evidence(position, k) for k in range(n)}
            fit = max(headless, key=lambda k: scores[k]) if headless else None
            if evidence >= _WEAK_HEADLINE_SCORE and (best not in held or best in neighbours):
                # Some evidence, and the story has no headline yet (or this continues it).
                self.owner[position] = best
            elif (
                fit is not None
                and content[fit] >= _CHAR_EVIDENCE
                and all(content[fit] > content[k] + _CHAR_EVIDENCE for k in neighbours)
            ):
                # Little evidence, but it points to a story without a headline and not to the story of
                # the headline printed next to it.
                self.owner[position] = fit
            elif neighbours:
                # A kicker or subtitle in words of its own: it belongs to the headline printed next to
                # it, the one above it first; a series label in brackets (``【领航中国】``) to the one below.
                below = self.neighbours(position, (1,))
                if below and _is_series_label(group):
                    self.owner[position] = below[0]
                else:
                    # The one whose story it fits better; the one above it when neither is better.
                    self.owner[position] = max(
                        neighbours, key=lambda k: content[k] - _CHAR_EVIDENCE * (k != neighbours[0])
                    )
            elif fit is not None:
                # No evidence at all: a story without a headline, by what little the text and layout say.
                self.owner[position] = fit

    def page_banner(self, position: int) -> bool:
        """A banner over a special page (``聚焦基层治理``, ``关注民生实事``): the page's first group, one line,
        another group under it in the same gap over the first story, and not one character pair of it
        in that story (a kicker names what its story tells; the banner, the page's topic, may share a
        word with another story)."""
        gap, group, _scores = self.choices[position]
        if position != 0 or gap != 0 or len(group.lines) != 1 or len(self.choices) < 2:
            return False
        if self.choices[1][0] != 0 or _is_series_label(group):
            return False
        pairs = _pairs(group.text) | _pairs(" ".join(group.lines))
        return bool(pairs) and not pairs & self.story_pairs[0]

    def alone_over_headless(self, position: int, held: set[int]) -> bool:
        """Whether the group stands alone in its gap, right over a story that has no headline while the
        story after it has one: a short headline in words its story does not repeat (``护鱼有“道”``),
        not a column label (``简 讯``), which stands over briefs printed without headlines."""
        gap = self.choices[position][0]
        alone = all(other == position or g != gap for other, (g, _, _) in enumerate(self.choices))
        next_has_one = gap + 1 in held or gap + 1 == self.n
        return alone and gap < self.n and gap not in held and next_has_one

    def series_labels(self) -> None:
        """A series label (``【领航中国】``) is printed right over its story's title: it goes with the group
        below it, whatever few characters it shares with some story."""
        for position, (gap, group, _scores) in enumerate(self.choices):
            under = position + 1
            if (
                _is_series_label(group)
                and under < len(self.choices)
                and self.choices[under][0] == gap
                and self.owner[under] is not None
            ):
                mine, theirs = self.owner[position], self.owner[under]
                assert theirs is not None
                if (
                    mine is not None
                    and self.evidence(position, mine) >= _MIN_HEADLINE_SCORE
                    and (
                        self.evidence(under, theirs) < _MIN_HEADLINE_SCORE
                        or (
                            _ends_in_a_colon(group)
                            and self.together(position, mine) > self.together(position, theirs)
                        )
                    )
                ):
                    # The kicker names its story for sure (``徐发荣：``): the title under it goes with it.
                    # A label ending in a colon goes on in the line under it: the two are one headline,
                    # given where they fit best together, even when that line alone also fits another
                    # story (``杨志坚：`` / ``千钧一发 扑向歹徒``, the story above telling of a 千钧一发 too).
                    self.owner[under] = mine
                else:
                    self.owner[position] = theirs

    def together(self, position: int, k: int) -> float:
        """How well a group and the group printed right under it fit story `k` together."""
        return self.evidence(position, k) + self.evidence(position + 1, k)

    def under_a_colon(self, position: int, holder: int) -> bool:
        """Whether the group is printed right under a label ending in a colon that `holder` holds too."""
        above = position - 1
        return (
            above >= 0
            and self.choices[above][0] == self.choices[position][0]
            and self.owner[above] == holder
            and _ends_in_a_colon(self.choices[above][1])
        )

    def kickers(self) -> None:
        """A kicker (``今年起``) is printed right over its main line, in the same gap, and set narrower: a
        one-line group of a few words whose pairs point about as much to the main line's story as to any
        other goes with the main line. Not a subtitle under its own story's main line (``奖牌榜稳居第二``),
        nor a headline printed under its story before the next story's, which repeats its own story's
        text clearly more."""
        for position, (gap, group, _scores) in enumerate(self.choices):
            under = position + 1
            if under >= len(self.choices) or self.choices[under][0] != gap:
                continue
            mine, theirs = self.owner[position], self.owner[under]
            if mine is None or theirs is None or mine == theirs:
                continue
            if not _is_kicker_line(group, self.choices[under][1]):
                continue
            if mine in self.neighbours(position, (-1,)):
                continue  # a subtitle under its own story's main line
            if self.evidence(position, theirs) >= _KICKER_SHARE * self.evidence(position, mine):
                self.owner[position] = theirs

    def subtitles(self) -> None:
        """A subtitle (``栗战书主持会议``) printed right under a main line, in the same gap, goes with that
        line's story when the story it points to most already has its headline printed elsewhere on the
        page, and it fits the main line's story at least `_STEAL_SHARE` as well: a story's headline
        groups stand together, and a second story of one topic repeats the same names."""
        gaps = [gap for gap, _, _ in self.choices]
        for position in range(1, len(self.choices)):
            above = position - 1
            mine, theirs = self.owner[position], self.owner[above]
            if mine is None or theirs is None or mine == theirs or gaps[above] != gaps[position]:
                continue
            elsewhere = [p for p, owner in enumerate(self.owner) if owner == mine and p != position]
            if not elsewhere or any(gaps[p] == gaps[position] for p in elsewhere):
                continue
            if self.evidence(position, theirs) >= _STEAL_SHARE * self.evidence(position, mine):
                self.owner[position] = theirs
            elif self.main_line_under_its_kicker(position):
                self.owner[position] = theirs

    def main_line_under_its_kicker(self, position: int) -> bool:
        """A main line printed in words of its own under the kicker its story holds, as the last group
        of the gap right over that story (``纪录片《中国医生》`` / ``见证平凡中的伟大`` over the review's
        author and text): it goes with its kicker, not with the story above, whose headline stands
        elsewhere and whose text repeats a few of its words by chance."""
        gap = self.choices[position][0]
        below = position + 1
        if below < len(self.choices) and self.choices[below][0] == gap:
            return False
        mine, theirs = self.owner[position], self.owner[position - 1]
        return (
            theirs == gap
            and mine is not None
            and mine < gap
            and self.evidence(position, mine) < _STRAY_MAIN_LINE_SHARE
        )

    def dash_subtitles(self, result: list[list[int]]) -> list[list[int]]:
        """A subtitle opening with a dash (``——抗疫一线医护人员的故事``) hangs under its main line: the group
        right over it in the same gap goes with it, when that group went to a story whose headline
        stands in another gap (the main line shares no words with a story continued from page 1)."""
        gaps = [gap for gap, _, _ in self.choices]
        owner = {p: k for k, positions in enumerate(result) for p in positions}
        for position in range(1, len(self.choices)):
            above = position - 1
            mine, theirs = owner.get(position), owner.get(above)
            if gaps[above] != gaps[position] or mine is None or mine == theirs:
                continue
            if not self.choices[position][1].text.lstrip().startswith("——"):
                continue
            if theirs is not None:
                if not any(gaps[p] != gaps[above] for p in result[theirs]):
                    continue
                result[theirs].remove(above)
            result[mine] = sorted([*result[mine], above])
            owner[above] = mine
        return result

    def assigned(self) -> dict[int, list[tuple[float, int]]]:
        out: dict[int, list[tuple[float, int]]] = {}
        for position, story_index in enumerate(self.owner):
            if story_index is not None:
                out.setdefault(story_index, []).append((self.choices[position][2][story_index], position))
        return out

    def give_to_headless(self, assigned: dict[int, list[tuple[float, int]]]) -> None:
        """A story left without a headline takes a group another story holds as an extra run, when the
        group also fits it."""
        choices = self.choices
        for k in [k for k in range(self.n) if k not in assigned and not self.empty[k]]:
            candidates = [
                (choices[pos][2][k], holder, pos)
                for holder, groups in assigned.items()
                for pos in self.extra_runs(holder, [p for _, p in groups])
            ]
            candidates = [c for c in candidates if c[0] >= _MIN_HEADLINE_SCORE]
            if not candidates:
                # Within one run too: a group that fits this story at least as well as its holder, when
                # the holder keeps another group (two stories of one topic, their headlines stacked).
                candidates = [
                    (choices[pos][2][k] - choices[pos][2][holder], holder, pos)
                    for holder, groups in assigned.items()
                    if len(groups) > 1
                    for _, pos in groups
                    if choices[pos][2][k] >= _MIN_HEADLINE_SCORE
                    and choices[pos][2][k] >= _STEAL_SHARE * choices[pos][2][holder]
                    and not _is_series_label(choices[pos][1])
                ]
            if not candidates:
                # Layout: the headline printed right next to this story (the last one over it, the first
                # one under it) when another story holds it beside a headline of its own.
                holders = {pos: holder for holder, groups in assigned.items() for _, pos in groups}
                over_story = [pos for pos, (gap, _, _) in enumerate(choices) if gap == k]
                under_story = [pos for pos, (gap, _, _) in enumerate(choices) if gap == k + 1]
                # Under the last story nothing follows, so the first group there is printed after a
                # story above: the last story's own when nothing says otherwise.
                last_story_under = k == self.n - 1
                candidates = [
                    (choices[pos][2][k], holders[pos], pos)
                    for pos in over_story[-1:] + under_story[:1]
                    if pos in holders
                    and len(assigned[holders[pos]]) > 1
                    and (
                        self.evidence(pos, k) >= _WEAK_HEADLINE_SCORE
                        or (last_story_under and pos in under_story and self._no_better_story(pos, k))
                    )
                    and not _is_series_label(choices[pos][1])
                ]
            candidates = [c for c in candidates if choices[c[2]][1].owner is None]  # never a sure head
            # Never the line a label ending in a colon goes on in (``杨志坚：`` / ``千钧一发 扑向歹徒``).
            candidates = [c for c in candidates if not self.under_a_colon(c[2], c[1])]
            if candidates:
                _, holder, pos = max(candidates)
                assigned[holder] = [item for item in assigned[holder] if item[1] != pos]
                assigned[k] = [(choices[pos][2][k], pos)]

    def extra_runs(self, holder: int, positions: list[int]) -> list[int]:
        """The groups a story holding two runs of headline groups or more may give away: all of them
        but a run of two groups or more printed right over its text (its own headline, kicker and deck,
        never broken up); none when it holds one run."""
        gaps = [gap for gap, _, _ in self.choices]
        runs = _runs(positions, gaps)
        if len(runs) < 2:
            return []
        return [pos for run in runs if len(run) < 2 or gaps[run[0]] != holder for pos in run]

    def _no_better_story(self, position: int, k: int) -> bool:
        """No story repeats the group clearly more than story `k` (by a single pair's worth)."""
        return all(
            self.evidence(position, j) <= self.evidence(position, k) + _WEAK_HEADLINE_SCORE
            for j in range(self.n)
        )


def _words_tie(over_a: float, over_b: float, paired_a: float, paired_b: float) -> bool:
    """Whether two headlines each printed over the other's story fit their stories as printed about as
    well as the evidence's pairing: in all within a shared character's worth, and the weaker of the two
    no weaker than the pairing's weaker one. Two pieces of one topic (a lead on the sports industry and
    a comment on it, ``体育成富矿 供需都兴旺`` and ``提供更到位的体育服务``: 0.23 + 0.19 as printed against
    0.26 + 0.16 crosswise), or a picture's head in words its caption does not use over a lead that says
    them (0.02 + 0.21 against 0.25 + 0.00): the words do not tell them apart, and the layout decides."""
    near_in_all = over_a + over_b + _CHAR_EVIDENCE >= paired_a + paired_b
    return near_in_all and min(over_a, over_b) >= min(paired_a, paired_b)


def _proximity(gap: int, story_index: int) -> float:
    """Layout prior, only to break near-ties: nearer stories first; at the same distance the story
    after the gap, then the one before it."""
    if story_index >= gap:
        return 0.02 / 3 ** (story_index - gap)
    return 0.01 / 3 ** (gap - 1 - story_index)


# A group of this many character pairs counts half as much when runs are matched to stories.
_FEW_PAIRS = 2
# At most this many runs of headline groups are matched to stories over the whole page (the matching
# tries every way; a page holds a handful).
_MAX_RUNS_MATCHED = 12
# A line of at most this many Han characters that shares nothing with any story is a column label.
_LABEL_MAX_CHARS = 4


# A kicker goes with the main line under it when it fits that line's story at least this share as well as
# the story its words point to.
_KICKER_SHARE = 0.75
# A kicker is one line of at most this many Han characters.
_KICKER_MAX_CHARS = 8


def _is_kicker_line(group: HeadlineGroup, main: HeadlineGroup) -> bool:
    """One short line without sentence marks, narrower than the first line of the group under it."""
    if len(group.lines) != 1 or re.search("[。！？；，]", group.text):
        return False
    chars = len(_HAN_RE.findall(group.text))
    return 0 < chars <= _KICKER_MAX_CHARS and chars < len(_HAN_RE.findall(main.lines[0]))


def _is_column_label(group: HeadlineGroup) -> bool:
    """A column label such as ``简 讯`` or ``图片新闻``: one short line of its own words."""
    return len(group.lines) == 1 and len(_HAN_RE.findall(group.lines[0])) <= _LABEL_MAX_CHARS


# A commentary column's name over a piece's headline (``人民时评``, ``◆今日谈``, ``短评``, ``社论``): its kicker.
_COMMENT_COLUMN_RE = re.compile(
    "^[■◆●□◇★◎]?[ \t\u3000]*(?:今日谈|人民时评|来论|短评|时评|社论|评论员观察|人民论坛|望海楼|观点|言论|"
    "编辑部评论|评论员文章|快评|微评|锐评|新论|论苑)[ \t\u3000]*$"
)


# A column's name set off by ornaments (``·随笔·``, ``◆人生感悟``, ``■诗路放歌``), alone on its line.
_ORNAMENTED_COLUMN_RE = re.compile(
    f"^(?:·[ \t\u3000]*[{HAN}]{{2,6}}[ \t\u3000]*·|[■◆●◇★][ \t\u3000]*[{HAN}]{{2,6}})$"
)


def is_comment_column(text: str) -> bool:
    """A commentary column's name alone on its line, an ornament before it or not (``■观点``)."""
    return bool(_COMMENT_COLUMN_RE.match(text.strip()))


def _is_series_label(group: HeadlineGroup) -> bool:
    """A kicker that goes with the headline printed below it: a series or column name in brackets
    (``【领航中国】``), the first part of one the line broke (``【奋进新征程 建功新时代——``), or a line
    that says it continues (ending in ``——`` or ``：``)."""
    text = "".join(line.strip() for line in group.lines)
    if "。" in text:
        return False
    if is_comment_column(text) or _ORNAMENTED_COLUMN_RE.match(text):
        return True
    if text.endswith(("】", "〗", "]")) and "【" not in text[1:]:
        return True
    return text.count("【") > text.count("】") or text.endswith(("——", "：", ":"))


def _ends_in_a_colon(group: HeadlineGroup) -> bool:
    """A label that says the headline goes on under it (``杨志坚：`` over ``千钧一发 扑向歹徒``)."""
    return "".join(line.strip() for line in group.lines).endswith(("：", ":"))


# The verbs of saying a kicker over a report's main line ends with (``孙春兰在崇礼考察…时强调``).
_SPEECH_KICKER_END_RE = re.compile("(?:强调|指出|表示|要求|提出)$")
# Such a kicker is one line of at most this many Han characters, without sentence marks or commas.
_SPEECH_KICKER_MAX_CHARS = 30


def is_speech_kicker(lines: Sequence[str]) -> bool:
    """A kicker that ends on a verb of saying (``孙春兰在崇礼考察北京冬奥会备战工作时强调``): what was said
    is the main line printed under it. It heads no story of its own: the text the OCR read under it
    may be any story's."""
    if len(lines) != 1:
        return False
    text = re.sub(r"\s+", "", lines[0])
    return (
        0 < len(_HAN_RE.findall(text)) <= _SPEECH_KICKER_MAX_CHARS
        and bool(_SPEECH_KICKER_END_RE.search(text))
        and not re.search("[。！？；，,：:]", text)
    )


def _runs(positions: list[int], gaps: list[int]) -> list[list[int]]:
    """Positions of headline groups cut into runs printed together: next to each other in one gap."""
    runs: list[list[int]] = []
    for pos in sorted(positions):
        if runs and pos == runs[-1][-1] + 1 and gaps[pos] == gaps[runs[-1][-1]]:
            runs[-1].append(pos)
        else:
            runs.append([pos])
    return runs
