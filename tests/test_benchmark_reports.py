"""The benchmark record: BENCHMARKS.md's index of the report files in benchmarks/reports/, the held-out
checksums where their loaders say they are recorded, and links that lead somewhere."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from benchmarks import answers, report
from benchmarks.common import REPORT, ROOT

REPORTS = ROOT / "benchmarks" / "reports"
LINK = re.compile(r"\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{2,3} (.+?)\s*$")
# The headings of the index BENCHMARKS.md keeps after its generated part; a hand-written section goes to the
# report file of its area instead.
INDEX_HEADINGS = [
    "The hand-written record",
    "Headline figures of the open issues",
    "Answers (issue 20)",
    "Pages (issue 22)",
]


def section(text: str, heading: str) -> str:
    """The `## ` or `### ` section whose heading starts with `heading`, up to the next such heading."""
    lines = text.splitlines()
    headings = [(i, m.group(1)) for i, m in enumerate(map(HEADING.match, lines)) if m]
    first = next(i for i, name in headings if name.startswith(heading))
    end = next((i for i, _ in headings if i > first), len(lines))
    return "\n".join(lines[first:end])


def test_section_reads_one_section_up_to_the_next_heading():
    text = "## A (issue 1)\n\na\n\n### B\n\nb\n\n## C\n\nc\n"
    assert section(text, "A") == "## A (issue 1)\n\na\n"
    assert section(text, "B") == "### B\n\nb\n"
    assert section(text, "C") == "## C\n\nc"


@pytest.mark.parametrize("load", answers.HELD_OUT_LOADERS, ids=lambda load: load.__name__)
def test_every_held_out_checksum_is_recorded_in_the_file_and_section_its_loader_names(load, tmp_path):
    parameters = inspect.signature(load).parameters
    questions: Path = parameters["path"].default
    checked: str = parameters["sha256"].default
    assert load()  # the committed file is the one whose checksum the loader checks
    edited = tmp_path / questions.name
    edited.write_bytes(questions.read_bytes() + b"\n")
    with pytest.raises(SystemExit) as stopped:
        load(edited)
    said = re.search(r"'s is ([0-9a-f]{64})\..*\((\S+), \"(.+)\"\)\.$", str(stopped.value))
    assert said, str(stopped.value)
    recorded, named_file, named_section = said.groups()
    assert recorded == checked
    assert checked in section((ROOT / named_file).read_text(encoding="utf-8"), named_section)


def test_the_index_names_every_report_file_and_each_file_it_names_exists():
    index = report.hand_written(REPORT.read_text(encoding="utf-8"))
    named = set(re.findall(r"\]\(benchmarks/reports/([\w.-]+\.md)\)", index))
    assert named == {path.name for path in REPORTS.glob("*.md")}


def test_benchmarks_md_keeps_only_its_index_after_the_generated_part():
    index = report.hand_written(REPORT.read_text(encoding="utf-8"))
    headings = [m.group(1) for m in map(HEADING.match, index.splitlines()) if m]
    strays = [heading for heading in headings if heading not in INDEX_HEADINGS]
    assert not strays, f"move these sections to their area's file in benchmarks/reports/: {strays}"


def test_every_report_file_opens_with_its_title():
    for path in REPORTS.glob("*.md"):
        assert path.read_text(encoding="utf-8").startswith("# "), path.name


@pytest.mark.parametrize(
    "doc", [ROOT / "README.md", REPORT, *sorted(REPORTS.glob("*.md"))], ids=lambda doc: doc.name
)
def test_every_relative_link_leads_to_a_file(doc):
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:|#", target):
            continue
        assert (doc.parent / target.split("#")[0]).exists(), f"{doc.relative_to(ROOT)} links to {target}"
