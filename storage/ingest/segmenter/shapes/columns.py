"""The page's column measures: the body column's width, and the width of the column each block is set in."""

from __future__ import annotations

import math
from collections import Counter

from storage.ingest.page_lines import _DEFAULT_COLUMN_WIDTH, _Line, display_width


def _typical_width(lines: list[_Line]) -> float:
    """The commonest width of the page's longer lines: the body column."""
    widths = [math.ceil(display_width(line.text.strip())) for line in lines]
    widths = [w for w in widths if w >= 8]
    if not widths:
        return _DEFAULT_COLUMN_WIDTH
    counts = Counter(widths)
    return float(max(counts, key=lambda w: (counts[w], w)))


# The blocks on either side of a block whose lines measure the column it is set in, and how many of
# their lines must share one width, and differ from the page's commonest by how many cells, for that
# width to be the block's column rather than the page's.
_LOCAL_REACH = 3


_LOCAL_MIN_LINES = 3


_LOCAL_MIN_DIFFERENCE = 3.0


def _local_columns(groups: list[list[_Line]], page_column: float) -> list[float]:
    """The column each block is set in: the commonest width of the longer lines of the blocks around it
    (itself left out: a headline is no measure), where a page sets its stories in columns of different
    widths (a page laid out in modules: ``据统计，各地公安交管部门认真按照公安当`` is a full line of a
    wide column, not a headline wider than the page's narrow one); the page's column elsewhere."""
    widths = [[math.ceil(display_width(line.text.strip())) for line in group] for group in groups]
    widths = [[w for w in ws if w >= 8] for ws in widths]
    out: list[float] = []
    for k in range(len(groups)):
        near = Counter(
            w
            for j in range(max(0, k - _LOCAL_REACH), min(len(groups), k + _LOCAL_REACH + 1))
            if j != k
            for w in widths[j]
        )
        if not near:
            out.append(page_column)
            continue
        # A full line the OCR read a cell short (a lost or narrow character) counts with its column.
        full = {w: near[w] + near[w - 1] for w in near}
        width = max(full, key=lambda w: (full[w], w))
        local = full[width] >= _LOCAL_MIN_LINES and width - page_column >= _LOCAL_MIN_DIFFERENCE
        out.append(float(width) if local else page_column)
    return out
