"""OCR'd pages read block by block: neighbouring blocks that share a word no other block holds are weighed together.

The bolder joiner (`page_fragments.plan_scattered_moves`) gives each block to the story whose words it
holds. A paragraph that quotes a policy holds the page's policy story's words (恢复经济社会秩序), while
the next block, read right after it, holds its own story's; the two share a word no other block on the
page holds (合作社). Weighed alone, the first went to the policy story; weighed with its run-mate, it
stays with the story both belong to (`runs_sharing_words`). Made-up blocks in the shape of a failure
measured on pages rendered by Chromium and read back by Tesseract.
"""

from __future__ import annotations

from collections import Counter

from storage.ingest.page_fragments import Fragment, pairs, plan_scattered_moves, runs_sharing_words

POLICY = "国务院联防联控机制印发意见，要求各地分区分级精准施策，恢复经济社会秩序，有序推动复工复产。"
RAILWAY = "云南推进重大项目建设，中老铁路玉溪至磨憨段隧道顺利贯通，工地上的工人陆续返岗。"
QUOTE = "“对中小企业、合作社的生产经营，我们要一企一策帮扶，恢复经济社会秩序。”省发改委负责人说。"
QUARRY = "政策给力，企业努力，目前，中老铁路沿线不少合作社的砂石料场已经开工，为隧道建设日供砂石2万吨。"
HEADLINES = ["科学防治精准施策 分区分级做好疫情防控", "精准防控 有序复工 云南推进重大项目建设"]


def test_issue22_a_quote_sharing_another_storys_words_stays_with_the_block_it_shares_a_word_with():
    moves = plan_scattered_moves(
        [[POLICY], [RAILWAY, QUOTE, QUARRY]],
        headlines=HEADLINES,
        positions={(0, 0): 1, (1, 0): 10, (1, 1): 20, (1, 2): 30},
    )
    assert moves == []


def _order_and_pairs(
    texts: dict[tuple[int, int], str],
) -> tuple[list[tuple[int, int]], dict[tuple[int, int], set[str]], Counter[str]]:
    """The blocks in page order, each block's character pairs, and how many blocks hold each pair."""
    block_pairs = {key: pairs(text) for key, text in texts.items()}
    frequency: Counter[str] = Counter()
    for token_set in block_pairs.values():
        frequency.update(token_set)
    return sorted(texts), block_pairs, frequency


def test_issue22_a_run_needs_a_word_no_other_block_holds_and_starts_again_at_a_storys_opening():
    texts = {(0, 0): POLICY, (1, 0): RAILWAY, (1, 1): QUOTE, (1, 2): QUARRY}
    order, block_pairs, frequency = _order_and_pairs(texts)
    runs = runs_sharing_words(order, texts, block_pairs, frequency, edges=None, openings={(0, 0), (1, 0)})
    # 合作社 is held by the quote and the quarry only: one run. The policy and the railway share
    # nothing of their own with their neighbours.
    assert runs == {(0, 0): (0, 0), (1, 0): (1, 0), (1, 1): (1, 1), (1, 2): (1, 1)}
    # A third block holding 合作社 and 企业 makes it a word of the page, not of the two blocks.
    texts[(2, 0)] = "农民专业合作社和中小企业是乡村振兴的重要力量，各地正在加大对合作社的扶持。"
    order, block_pairs, frequency = _order_and_pairs(texts)
    runs = runs_sharing_words(order, texts, block_pairs, frequency, edges=None, openings={(0, 0), (1, 0)})
    assert runs[(1, 2)] == (1, 2)
    # A story's opening block starts a run of its own, whatever words it shares with the block before.
    texts = {(0, 0): QUOTE, (1, 0): QUARRY}
    order, block_pairs, frequency = _order_and_pairs(texts)
    runs = runs_sharing_words(order, texts, block_pairs, frequency, edges=None, openings={(0, 0), (1, 0)})
    assert runs[(1, 0)] == (1, 0)
    unbroken = runs_sharing_words(order, texts, block_pairs, frequency, edges=None, openings=set())
    assert unbroken[(1, 0)] == (0, 0)


def test_issue22_no_run_goes_on_across_a_seam_print_rules_out():
    # The quote ends its sentence on a short line and the quarry block opens with a full line: print
    # says the quarry text goes on from another block, not from this one.
    texts = {(1, 1): QUOTE, (1, 2): QUARRY}
    order, block_pairs, frequency = _order_and_pairs(texts)

    def edge(*, open_start: bool, closed_end: bool) -> Fragment:
        return Fragment(1, "", open_start, False, closed_end, False, False)

    edges = {(1, 1): edge(open_start=False, closed_end=True), (1, 2): edge(open_start=True, closed_end=False)}
    runs = runs_sharing_words(order, texts, block_pairs, frequency, edges=edges, openings=set())
    assert runs[(1, 2)] == (1, 2)
