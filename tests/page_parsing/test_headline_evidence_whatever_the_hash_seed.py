"""Text pages: the headline matcher weighs a headline's evidence the same in every process (issue 22).

The matcher's evidence for a headline over a story is the weight of the headline's character pairs the
story repeats over the weight of all of them, the pairs held in sets, whose order of iteration changes
with Python's string hashing (`PYTHONHASHSEED`, random for each process). Added one by one in that order,
the same weights gave sums differing in their last bits, and where two stories' evidence tied, a
headline (or a page strip read with it) went to one or the other from one run to the next. The sums are
now exact whatever the order, so the headlines go to the same stories in every process. Run in real
processes with their own hash seeds.
"""

from __future__ import annotations

from tests.page_parsing.hash_seeds import printed_under_hash_seed

SCRIPT = """
from storage.ingest.page_headlines import HeadlineMatcher, _pairs
stories = ["".join(chr(0x4E00 + (k * k * 13 + s * 7) % (60 + 9 * s)) for k in range(600)) for s in range(40)]
matcher = HeadlineMatcher(stories, [])
headline = set().union(*matcher.story_pairs[:20])
print(repr([matcher.overlap(headline, held) for held in matcher.story_pairs]))
"""


def test_issue22_a_headline_s_evidence_over_each_story_is_the_same_under_every_hash_seed():
    evidence = {printed_under_hash_seed(SCRIPT, hash_seed) for hash_seed in range(6)}
    assert len(evidence) == 1, evidence
