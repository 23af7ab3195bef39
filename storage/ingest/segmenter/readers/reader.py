"""What every reader of the page segmenter holds: the page's facts, the reading state and the story cutter."""

from __future__ import annotations

from storage.ingest.segmenter.cutter import StoryCutter
from storage.ingest.segmenter.page_facts import PageFacts
from storage.ingest.segmenter.reading import Reading


class LineReader:
    """A reader of one kind of line.

    Each of its methods is asked about a line or a block: one of its kind it takes (into the open story, a
    headline group or the dropped lines), recording its role and why, and returns True; any other, it leaves
    and returns False.
    """

    def __init__(self, page: PageFacts, state: Reading, cutter: StoryCutter) -> None:
        self.page = page
        self.state = state
        self.cutter = cutter
