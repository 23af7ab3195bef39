"""OCR'd pages: the joining steps weigh a block's words the same in every process (issue 22).

The joiners sum the weights of a block's character pairs, held in sets, whose order of iteration
changes with Python's string hashing (`PYTHONHASHSEED`, random for each process). Added one by one in
that order, the same weights gave sums differing in their last bits, and a tie between two stories
went one way or the other from one run to the next (on one scanned page a block moved between two
stories across runs). The sums are now exact whatever the order, so a page is cut the same in every
process. Run in real processes with their own hash seeds.
"""

from __future__ import annotations

from tests.page_parsing.hash_seeds import printed_under_hash_seed

SCRIPT = """
import math
from storage.ingest.page_fragments import _seed_share
words = {chr(0x4E00 + k) + chr(0x4E80 + (k * 7) % 97) for k in range(400)}
seed = {w for k, w in enumerate(sorted(words)) if k % 3}
def weight(token):
    return math.log((401 + ord(token[0]) % 13) / (ord(token[1]) % 11 + 0.5)) + 0.1
print(repr(_seed_share(words, seed, weight)))
"""


def test_issue22_a_block_s_share_of_a_story_is_the_same_under_every_hash_seed():
    shares = {printed_under_hash_seed(SCRIPT, hash_seed) for hash_seed in range(6)}
    assert len(shares) == 1, shares
