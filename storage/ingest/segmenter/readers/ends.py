"""Reading the marks that end or continue a story: end marks, jump lines (``下转第二版``, ``上接第一版``),
an editor's mark under the text."""

from __future__ import annotations

from storage.ingest.page_lines import (
    _END_MARK_RE,
    _END_MARK_RUN_ON_RE,
    _JUMP_LINE_RE,
    _LEADING_JUMP_RE,
    _MORE_NAMES_RE,
    _TRAILING_JUMP_RE,
    _is_headline_like,
    _Line,
    closes_text,
    is_date_alone,
    is_reader_signature,
    is_signing_date,
    is_signing_unit,
)
from storage.ingest.segmenter.readers.reader import LineReader
from storage.ingest.segmenter.shapes.items import _EDITOR_MARK_RE, _EDITOR_MARK_RUN_ON_RE
from storage.ingest.segmenter.shapes.names import _byline_text
from storage.ingest.segmenter.shapes.sentences import _brackets_balance, _is_jump_start


class EndReader(LineReader):
    """The readers of end marks, jump lines and editors' marks."""

    def signature(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A document's signature closing its block under the open story's text, which ended a sentence:
        the signing unit over the signing date (``市人民政府办公室`` / ``2020年1月20日``), or both on one
        line, only closing notes after them (``（新华社北京1月10日电）``). Both are the story's text, its last
        paragraphs, never a headline; the signing date ends the story (no headline it swallowed is looked
        for under it)."""
        story = self.state.current
        if story is None or story.ended:
            return False
        rest = [other.text for other in group[index + 1 :]]
        if index and is_date_alone(line.text) and is_signing_unit(group[index - 1].text):
            signed = story.lines and story.lines[-1] is group[index - 1]
            if signed and all(closes_text(text) for text in rest):
                story.lines.append(line)
                story.ended = True
                return True
            return False
        if not self.cutter.ends_sentence():
            return False
        if is_signing_unit(line.text) and rest and is_date_alone(rest[0]):
            closing = rest[1:]
        elif is_signing_date(line.text) and not is_date_alone(line.text):
            closing = rest
        else:
            return False
        if not all(closes_text(text) for text in closing):
            return False
        story.lines.append(line)
        story.ended = not is_signing_unit(line.text)
        return True

    def reader_signature(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """A reader's signature (``山西太原市  刘  洪``) under the open story's text, which ended a sentence,
        opening a block of its own where a column ended under the letter: the letter's last paragraph,
        never a headline. The story stays open: a letters column's next letter may follow under it."""
        story = self.state.current
        if index or story is None or story.ended or not is_reader_signature(line.text):
            return False
        if not self.cutter.ends_sentence():
            return False
        story.lines.append(line)
        self.state.set_role(line, "text: a reader's signature closing the letter above")
        return True

    def jump_line(self, index: int, line: _Line, group: list[_Line]) -> bool:
        if not _JUMP_LINE_RE.match(line.text):
            return False
        self.cutter.drop(line, "jump line")
        if self.state.current is not None and _is_jump_start(line.text):
            self.state.current.ended = True
        elif not _is_jump_start(line.text):
            # ``（上接第一版）`` alone on its line: the story above has ended; the next line opens the rest
            # of a story begun on another page.
            if self.state.current is not None and self.cutter.ends_sentence():
                self.cutter.close()
            self.state.continued = True
        return True

    def continued_from(self, index: int, line: _Line, group: list[_Line]) -> bool:
        leading = _LEADING_JUMP_RE.match(line.text)
        if not leading or "上接" not in leading.group(1):
            return False
        self.cutter.drop(line, "jump line", leading.group(1))
        self.cutter.start(
            _Line(line.number, leading.group(2), line.blank_before), "continued from another page"
        )
        return True

    def continued_on(self, index: int, line: _Line, group: list[_Line]) -> bool:
        trailing = _TRAILING_JUMP_RE.match(line.text)
        if not trailing:
            return False
        self.cutter.drop(line, "jump line", trailing.group(2))
        rest = _Line(line.number, trailing.group(1), line.blank_before)
        if self.state.current is None:
            self.cutter.start(rest, "text before a jump line")
        elif trailing.group(1).strip():
            self.state.current.lines.append(rest)
        assert self.state.current is not None
        self.state.current.ended = True
        return True

    def end_mark_run_on(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """``(完)记者 洪坚鹏 海南高新技术企业…``: end mark, byline and the next headline on one line."""
        run_on = _END_MARK_RUN_ON_RE.match(line.text)
        if (
            not run_on
            or _END_MARK_RE.match(line.text)
            or self.state.current is None
            or not _is_headline_like([_Line(0, run_on.group(3), False)])
            or _MORE_NAMES_RE.match(run_on.group(3))
        ):
            return False
        self.cutter.drop(line, "end mark", "（完）")
        if run_on.group(1).strip():
            self.state.current.lines.append(_Line(line.number, run_on.group(1), line.blank_before))
        self.state.current.byline = _byline_text(run_on.group(2))
        self.state.current.closed_by_byline = self.state.current.ended = True
        self.state.set_role(line, "end mark and byline close the story; the rest of the line is a headline")
        self.cutter.close()
        # The rest of the line starts the next headline; its other lines follow in this group.
        self.state.gap_groups.append((len(self.state.stories), [_Line(line.number, run_on.group(3), True)]))
        return True

    def end_mark(self, index: int, line: _Line, group: list[_Line]) -> bool:
        end = _END_MARK_RE.match(line.text)
        if not end or (self.state.current is None and not end.group(1).strip()):
            return False
        self.cutter.drop(line, "end mark", "（完）")
        body = _Line(line.number, end.group(1), line.blank_before)
        if self.state.current is None:
            self.cutter.start(body, "text before an end mark")
        elif end.group(1).strip():
            self.state.current.lines.append(body)
        assert self.state.current is not None
        self.state.current.ended = True
        if end.group(2):
            self.state.current.byline = _byline_text(end.group(2))
            self.state.current.closed_by_byline = True
            self.state.set_role(line, "end mark and byline close the story")
            self.cutter.close()
        else:
            self.state.set_role(line, "end mark: only a byline may follow")
        return True

    def editor_mark(self, index: int, line: _Line, group: list[_Line]) -> bool:
        """An editor's mark closing a story (evening and metro papers sign each story with its editor):
        on a line of its own (``责编：王某``, ``编辑：王某  校对：李某``, ``（责任编辑：王某）``) or in brackets
        after the story's last sentence (``…贡献。（编辑 王某 校对 李某）``). It is no text: it is dropped
        and closes the open story, as a byline after the text does."""
        own = _EDITOR_MARK_RE.match(line.text)
        run_on = None if own else _EDITOR_MARK_RUN_ON_RE.match(line.text)
        if own is None and run_on is None:
            return False
        if own is not None and not _brackets_balance(line.text):
            return False
        story = self.state.current
        if story is None or (run_on is None and not self.cutter.ends_sentence()):
            if run_on is not None:
                return False
            self.cutter.drop(line, "editor's mark")
            return True
        if run_on is not None:
            story.lines.append(_Line(line.number, run_on.group(1), line.blank_before))
        self.cutter.drop(line, "editor's mark", line.text[len(run_on.group(1)) if run_on else 0 :])
        self.state.set_role(line, "an editor's mark after the story's last sentence: closes the story")
        story.ended = True
        self.cutter.close()
        return True
