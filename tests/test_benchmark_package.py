"""The benchmark package: its runner's registry, the report's sections, the baselines' SQL, the sanity checks.

No timing here: speed is measured by `python -m benchmarks`, never by the test suite (CI runs its
`--quick` mode after pytest).
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

import benchmarks
from benchmarks import report, run
from benchmarks.common import RESULTS, ROOT, BenchmarkError, percentile
from benchmarks.queries import CLASSES
from benchmarks.search import check, like_search, trigram_search
from storage.driver import sqlite3


def committed_results() -> dict[str, Any]:
    results: dict[str, Any] = json.loads(RESULTS.read_text(encoding="utf-8"))
    return results


@pytest.mark.parametrize("area", list(run.AREAS))
def test_every_registered_area_has_a_main_that_takes_quick(area):
    module = importlib.import_module(run.AREAS[area])
    assert callable(module.main)
    assert "--quick" in (module.__doc__ or ""), f"{area}: its docstring shows --quick"


def test_the_package_docstring_shows_the_one_line_that_registers_an_area():
    doc = benchmarks.__doc__ or ""
    assert '"myarea": "benchmarks.myarea",' in doc
    for module in run.AREAS.values():
        assert f"`{module}`" in doc


def test_runner_lists_areas_and_refuses_unknown_ones():
    listed = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--list"], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert [line.split()[0] for line in listed.stdout.splitlines()] == list(run.AREAS)
    bad = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--only", "nosuch"], capture_output=True, text=True, cwd=ROOT
    )
    assert bad.returncode == 2
    assert "unknown area nosuch" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_a_failing_area_fails_the_run_and_the_others_still_run(monkeypatch):
    calls: list[str] = []

    class Area:
        def __init__(self, name: str, status: int | None) -> None:
            self.name, self.status = name, status

        def main(self, argv: list[str]) -> int | None:
            calls.append(f"{self.name} {' '.join(argv)}".strip())
            if self.status == 3:
                raise RuntimeError("broken measurement")
            return self.status

    fake = {"a": Area("a", 1), "b": Area("b", 3), "c": Area("c", None)}
    monkeypatch.setattr(run, "AREAS", {name: name for name in fake})
    monkeypatch.setattr(run.importlib, "import_module", lambda name: fake[name])
    assert run.main(["--quick"]) == 1
    assert calls == ["a --quick", "b --quick", "c --quick"]
    calls.clear()
    assert run.main(["--only", "c"]) == 0
    assert calls == ["c"]
    # An area whose prerequisite is missing is skipped, and does not fail the run.
    calls.clear()
    monkeypatch.setattr(run, "NEEDS", {"a": lambda: "tantivy is not installed", "b": lambda: None})
    assert run.main(["--only", "a,c"]) == 0
    assert calls == ["c"]


def test_report_renders_every_section_from_the_committed_results():
    text = report.generated(committed_results())
    for heading in (
        "# Benchmarks",
        "## Targets",
        "## Ingest and size on disk",
        "## Search latency",
        "## Queries",
    ):
        assert f"\n{heading}\n" in f"\n{text}"
    assert "### 100,000 articles" in text
    assert text.rstrip().endswith(report.END)
    # Every measured size has a search table with one row per query class plus "all queries".
    assert text.count("| **all queries** |") == len(committed_results()["search"]["sizes"])


def test_report_leaves_out_areas_not_measured_and_keeps_hand_written_sections():
    results = committed_results()
    partial = {k: v for k, v in results.items() if k not in ("search", "digests")}
    text = report.generated(partial)
    assert "## Search latency" not in text and "## Digests" not in text
    assert "## Ingest and size on disk" in text
    rows = report.targets(partial)
    assert not [r[0] for r in rows if r[0].startswith(("search", "faster than LIKE", "daily digest"))]
    assert any(r[0] == "peak RSS of a search process" for r in rows)  # cold start was measured
    existing = "old generated text\n" + report.END + "\n\n## Contention\n\nhand-written figures\n"
    assert report.hand_written(existing) == "## Contention\n\nhand-written figures\n"
    assert report.hand_written("a file without the marker") == ""


def test_report_only_keeps_the_hand_written_index_and_adds_no_blank_line(tmp_path, monkeypatch):
    """Each render wrote the blank line after the marker again: the file grew by a line a run."""
    record = tmp_path / "BENCHMARKS.md"
    index = "## The hand-written record\n\n- [a report](benchmarks/reports/a.md): what it holds.\n"
    record.write_text("old generated text\n" + report.END + "\n\n\n\n" + index, encoding="utf-8")
    monkeypatch.setattr(report, "REPORT", record)
    monkeypatch.setattr(report, "plot", lambda results: None)
    report.render(committed_results())
    once = record.read_text(encoding="utf-8")
    report.render(committed_results())
    assert record.read_text(encoding="utf-8") == once
    assert once.endswith(report.END + "\n\n" + index)
    assert once.startswith("# Benchmarks\n")


def test_the_targets_table_lists_the_targets_measured_by_their_own_runners():
    text = "\n".join(report.targets_section(committed_results()))
    for name, goal, measured, _ in report.RECORDED_TARGETS:
        assert f"| {name} | {goal} | {measured} |" in text


def test_targets_say_met_or_missed():
    rows = {name: met for name, _, _, met in report.targets(committed_results())}
    assert rows["search p99 at 20k, snippets included"] is True
    assert rows["ingest, end to end (segmentation, index, summary, keywords)"] is False  # 919/s at 100k


@pytest.fixture
def baselines(tmp_path: Path):
    like = sqlite3.connect(tmp_path / "like.db")
    like.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT, date TEXT, source TEXT)")
    tri = sqlite3.connect(tmp_path / "tri.db")
    tri.execute("CREATE VIRTUAL TABLE docs_tri USING fts5(title, body, date UNINDEXED, tokenize='trigram')")
    rows = [
        (1, "郑州地铁", "郑州地铁五号线开通，市民乘坐地铁出行。", "2024-01-02", "大河报"),
        (2, "天气", "明天郑州有雨，100%_湿度。", "2024-01-03", "大河报"),
    ]
    like.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows)
    tri.executemany(
        "INSERT INTO docs_tri(rowid, title, body, date) VALUES (?, ?, ?, ?)", [r[:4] for r in rows]
    )
    yield like, tri
    like.close()
    tri.close()


def test_like_baseline_counts_every_match_and_escapes_wildcards(baselines):
    like, _ = baselines
    total, rows = like_search(like, ["郑州"])
    assert total == 2 and [r[0] for r in rows] == [2, 1]  # newest first
    assert like_search(like, ["郑州", "地铁"])[0] == 1
    assert like_search(like, ["%_"])[0] == 1  # the literal characters, not wildcards
    assert like_search(like, ["上海"]) == (0, [])


def test_trigram_baseline_finds_long_terms_only(baselines):
    _, tri = baselines
    assert trigram_search(tri, ["五号线"])[0] == 1
    assert trigram_search(tri, ["郑州"])[0] == 0  # two characters: below a trigram
    assert trigram_search(tri, ['"引号"'])[0] == 0  # quotes are escaped, not a syntax error


def _search_figures(newsbot: int, like: int, snippets: int = 2) -> dict[str, Any]:
    counts = {c: [newsbot] for c in CLASSES}
    return {
        "engines": {"newsbot": {"matches": counts}, "like": {"matches": {c: [like] for c in CLASSES}}},
        "snippets": {"hits": 2, "with_snippet": snippets},
    }


def test_search_check_fails_when_newsbot_misses_what_like_finds():
    check(_search_figures(newsbot=5, like=5))
    check(_search_figures(newsbot=6, like=5))
    with pytest.raises(BenchmarkError, match="fewer articles than the LIKE scan"):
        check(_search_figures(newsbot=4, like=5))
    with pytest.raises(BenchmarkError, match="1 of 2 hits had no snippet"):
        check(_search_figures(newsbot=5, like=5, snippets=1))


def test_percentile_is_nearest_rank():
    data = list(range(1, 101))
    assert percentile(data, 50) == 50
    assert percentile(data, 99) == 99
    assert percentile([3.0], 99) == 3.0


def test_the_frozen_question_set_is_the_one_whose_checksum_is_recorded(tmp_path):
    from benchmarks import answers

    items = answers.load_frozen()
    assert len(items) >= 160
    assert {item["kind"] for item in items} == set(answers.FROZEN_KINDS)
    assert answers.FROZEN_SHA256 in answers.SETS_RECORD.read_text(encoding="utf-8")
    edited = tmp_path / "answers_frozen.json"
    edited.write_bytes(answers.FROZEN.read_bytes().replace(b'"q": "', b'"q": " ', 1))
    with pytest.raises(SystemExit, match="may not be edited"):
        answers.load_frozen(edited)


def test_the_second_held_out_set_is_the_one_whose_checksum_is_recorded(tmp_path):
    from benchmarks import answers

    items = answers.load_heldout2()
    assert len(items) >= 150
    assert {item["kind"] for item in items} == set(answers.FROZEN_KINDS)
    assert answers.HELDOUT2_SHA256 in answers.SETS_RECORD.read_text(encoding="utf-8")
    edited = tmp_path / "answers_heldout2.json"
    edited.write_bytes(answers.HELDOUT2.read_bytes().replace(b'"q": "', b'"q": " ', 1))
    with pytest.raises(SystemExit, match="may not be edited"):
        answers.load_heldout2(edited)
    # articles no other set names, of its months only, one question an article, a short fact
    others = {item["key"] for item in answers.load_frozen() + answers.load_dev()}
    keys = [item["key"] for item in items]
    assert len(set(keys)) == len(keys) and not others & set(keys)
    assert {item["date"][:7] for item in items} <= set(answers.HELDOUT2_MONTHS)
    assert all(2 <= len(item["fact"]) <= 12 for item in items)


def test_the_second_held_out_set_holds_its_facts_when_the_corpus_is_cached():
    from benchmarks import answers, peopledaily

    if not peopledaily.CACHE_FILE.exists():
        pytest.skip(f"the People's Daily corpus is not cached ({peopledaily.CACHE_FILE})")
    articles = peopledaily.load_articles(months=answers.HELDOUT2_MONTHS)
    assert {a.date[:7] for a in articles} == set(answers.HELDOUT2_MONTHS)
    answers.check_frozen(answers.load_heldout2(), {a.key: a for a in articles})  # stops on a miss


def test_the_second_development_set_names_no_article_of_the_held_out_sets():
    from benchmarks import answers

    items = answers.load_dev(answers.DEV2)
    assert len(items) >= 100
    assert all(list(item) == ["kind", "q", "key", "date", "title", "fact"] for item in items)
    assert all(all(isinstance(v, str) and v for v in item.values()) for item in items)
    assert {item["kind"] for item in items} <= set(answers.FROZEN_KINDS)
    assert all(item["key"].startswith(item["date"].replace("-", "")) for item in items)
    questions = [(item["key"], item["q"]) for item in items]
    assert len(set(questions)) == len(questions)
    # only the held-out sets' keys are read
    held_out = {item["key"] for item in answers.load_frozen() + answers.load_heldout2()}
    assert not held_out & {item["key"] for item in items}
    assert "dev2" in answers.DEFAULT_SETS


# The development sets written after the second, each before any engine ran on it: (set name, file
# attribute, least questions, every kind asked (else some), longest fact, the sets whose articles it must
# not name: those written before it, held-out ones included).
_SETS_BEFORE_DEV10 = (
    "FROZEN",
    "HELDOUT2",
    "JUDGED",
    "DEV",
    "DEV2",
    "DEV3",
    "DEV4",
    "DEV5",
    "DEV6",
    "DEV7",
    "DEV8",
    "DEV9",
)
_SETS_BEFORE_DEV11 = (*_SETS_BEFORE_DEV10, "DEV10")
_SETS_BEFORE_DEV12 = (*_SETS_BEFORE_DEV11, "DEV11")
_SETS_BEFORE_DEV13 = (*_SETS_BEFORE_DEV12, "DEV12")
_SETS_BEFORE_DEV14 = (*_SETS_BEFORE_DEV13, "DEV13")
_SETS_BEFORE_DEV15 = (*_SETS_BEFORE_DEV14, "DEV14")
_SETS_BEFORE_DEV16 = (*_SETS_BEFORE_DEV15, "DEV15")
_SETS_BEFORE_DEV17 = (*_SETS_BEFORE_DEV16, "DEV16")
_SETS_BEFORE_DEV18 = (*_SETS_BEFORE_DEV17, "DEV17")
_SETS_BEFORE_DEV19 = (*_SETS_BEFORE_DEV18, "DEV18")
_SETS_BEFORE_DEV20 = (*_SETS_BEFORE_DEV19, "DEV19")
_SETS_BEFORE_DEV21 = (*_SETS_BEFORE_DEV20, "DEV20")
_SETS_BEFORE_DEV22 = (*_SETS_BEFORE_DEV21, "DEV21")
_SETS_BEFORE_DEV23 = (*_SETS_BEFORE_DEV22, "DEV22")
_SETS_BEFORE_DEV24 = (*_SETS_BEFORE_DEV23, "DEV23")
_SETS_BEFORE_DEV25 = (*_SETS_BEFORE_DEV24, "DEV24")
_SETS_BEFORE_DEV26 = (*_SETS_BEFORE_DEV25, "DEV25")
_LATER_DEV_SETS = [
    ("dev3", "DEV3", 120, True, 12, ("FROZEN", "HELDOUT2", "DEV", "DEV2")),
    ("dev4", "DEV4", 120, True, 12, ("FROZEN", "HELDOUT2", "DEV", "DEV2", "DEV3")),
    ("dev5", "DEV5", 120, False, 16, ("FROZEN", "HELDOUT2", "JUDGED", "DEV", "DEV2", "DEV3")),
    ("dev6", "DEV6", 100, False, 12, ("FROZEN", "HELDOUT2", "JUDGED", "DEV", "DEV2", "DEV3", "DEV4", "DEV5")),
    (
        "dev7",
        "DEV7",
        150,
        True,
        12,
        ("FROZEN", "HELDOUT2", "JUDGED", "DEV", "DEV2", "DEV3", "DEV4", "DEV5", "DEV6"),
    ),
    (
        "dev8",
        "DEV8",
        160,
        False,
        12,
        ("FROZEN", "HELDOUT2", "JUDGED", "DEV", "DEV2", "DEV3", "DEV4", "DEV5", "DEV6", "DEV7"),
    ),
    (
        "dev9",
        "DEV9",
        200,
        True,
        12,
        ("FROZEN", "HELDOUT2", "JUDGED", "DEV", "DEV2", "DEV3", "DEV4", "DEV5", "DEV6", "DEV7", "DEV8"),
    ),
    (
        "dev10",
        "DEV10",
        200,
        True,
        12,
        _SETS_BEFORE_DEV10,
    ),
    (
        "dev11",
        "DEV11",
        200,
        True,
        12,
        _SETS_BEFORE_DEV11,
    ),
    (
        "dev12",
        "DEV12",
        200,
        True,
        12,
        _SETS_BEFORE_DEV12,
    ),
    (
        "dev13",
        "DEV13",
        200,
        True,
        12,
        _SETS_BEFORE_DEV13,
    ),
    (
        "dev14",
        "DEV14",
        200,
        True,
        12,
        _SETS_BEFORE_DEV14,
    ),
    (
        "dev15",
        "DEV15",
        200,
        True,
        12,
        _SETS_BEFORE_DEV15,
    ),
    (
        "dev16",
        "DEV16",
        200,
        True,
        12,
        _SETS_BEFORE_DEV16,
    ),
    (
        "dev17",
        "DEV17",
        200,
        True,
        12,
        _SETS_BEFORE_DEV17,
    ),
    (
        "dev18",
        "DEV18",
        200,
        True,
        12,
        _SETS_BEFORE_DEV18,
    ),
    (
        "dev19",
        "DEV19",
        200,
        True,
        12,
        _SETS_BEFORE_DEV19,
    ),
    (
        "dev20",
        "DEV20",
        200,
        True,
        12,
        _SETS_BEFORE_DEV20,
    ),
    (
        "dev21",
        "DEV21",
        200,
        True,
        12,
        _SETS_BEFORE_DEV21,
    ),
    (
        "dev22",
        "DEV22",
        200,
        True,
        12,
        _SETS_BEFORE_DEV22,
    ),
    (
        "dev23",
        "DEV23",
        200,
        True,
        12,
        _SETS_BEFORE_DEV23,
    ),
    (
        "dev24",
        "DEV24",
        200,
        True,
        12,
        _SETS_BEFORE_DEV24,
    ),
    (
        "dev25",
        "DEV25",
        200,
        True,
        12,
        _SETS_BEFORE_DEV25,
    ),
    (
        "dev26",
        "DEV26",
        200,
        True,
        12,
        _SETS_BEFORE_DEV26,
    ),
]


@pytest.mark.parametrize(("name", "attribute", "least", "every_kind", "longest", "before"), _LATER_DEV_SETS)
def test_a_later_development_set_names_no_article_of_the_sets_before_it(
    name, attribute, least, every_kind, longest, before
):
    from benchmarks import answers

    items = answers.load_dev(getattr(answers, attribute))
    assert len(items) >= least
    assert all(list(item) == ["kind", "q", "key", "date", "title", "fact"] for item in items)
    assert all(all(isinstance(v, str) and v for v in item.values()) for item in items)
    kinds = {item["kind"] for item in items}
    assert kinds == set(answers.FROZEN_KINDS) if every_kind else kinds <= set(answers.FROZEN_KINDS)
    assert all(item["key"].startswith(item["date"].replace("-", "")) for item in items)
    assert all(2 <= len(item["fact"]) <= longest for item in items)
    questions = [(item["key"], item["q"]) for item in items]
    assert len(set(questions)) == len(questions)
    # only the other sets' keys are read
    loaders = {
        "FROZEN": answers.load_frozen,
        "HELDOUT2": answers.load_heldout2,
        "JUDGED": answers.load_judged,
    }
    others = [
        item
        for set_name in before
        for item in (
            loaders[set_name]() if set_name in loaders else answers.load_dev(getattr(answers, set_name))
        )
    ]
    assert not {item.get("key") for item in others} & {item["key"] for item in items}
    assert name in answers.DEFAULT_SETS


def test_the_seventh_development_set_asks_every_kind_as_readers_do():
    from benchmarks import answers

    items = answers.load_dev(answers.DEV7)
    kinds = [item["kind"] for item in items]
    assert all(kinds.count(kind) >= 15 for kind in ("who", "when", "where", "howmany", "which", "what"))
    # some name a year or a month, as readers type them
    dated = [item for item in items if re.search(r"\d{4}年|\d{1,2}月|去年|今年", item["q"])]
    assert len(dated) * 5 > len(items)


def test_the_eighth_development_set_asks_every_kind_as_readers_do():
    from benchmarks import answers

    items = answers.load_dev(answers.DEV8)
    kinds = [item["kind"] for item in items]
    assert all(kinds.count(kind) >= 20 for kind in ("who", "when", "where", "howmany", "which", "what"))
    # about three in ten name a year or a month, as readers type them
    dated = [item for item in items if re.search(r"\d{4}年|\d{1,2}月|去年|今年", item["q"])]
    assert len(dated) * 10 >= len(items) * 3
    # no fact is copied from its headline
    assert not [item for item in items if item["fact"] in item["title"]]


def test_the_ninth_development_set_asks_as_the_frozen_set_does():
    from benchmarks import answers

    items = answers.load_dev(answers.DEV9)
    kinds = [item["kind"] for item in items]
    # the frozen set's proportions (who 42, how many 45, where 31, when 25, what 19, which 15, why 6 of 183), give
    # or take a quarter of each
    frozen = {"who": 42, "howmany": 45, "where": 31, "when": 25, "what": 19, "which": 15, "why": 6}
    for kind, n in frozen.items():
        share = kinds.count(kind) / len(items)
        assert 0.75 * n / 183 <= share <= 1.25 * n / 183, kind
    # about a third name a year or a month, a few ask about now
    dated = [item for item in items if re.search(r"\d{4}年|\d{1,2}月|去年|今年", item["q"])]
    assert len(dated) * 10 >= len(items) * 3
    assert [item for item in items if re.search(r"目前|现在|最新", item["q"])]
    # articles of many pages, not one kind of news
    assert len({item["key"].split("-")[1] for item in items}) >= 12
    assert not [item for item in items if item["fact"] in item["title"]]


@pytest.mark.parametrize(
    "attribute",
    [f"DEV{n}" for n in range(10, 27)],
)
def test_a_development_set_drawn_as_the_frozen_set_was_asks_as_it_does(attribute):
    from benchmarks import answers

    items = answers.load_dev(getattr(answers, attribute))
    kinds = [item["kind"] for item in items]
    # the frozen set's proportions (who 42, how many 45, where 31, when 25, what 19, which 15, why 6 of 183), give
    # or take a quarter of each
    frozen = {"who": 42, "howmany": 45, "where": 31, "when": 25, "what": 19, "which": 15, "why": 6}
    for kind, n in frozen.items():
        share = kinds.count(kind) / len(items)
        assert 0.75 * n / 183 <= share <= 1.25 * n / 183, kind
    # about a third name a year or a month, a few ask about now
    dated = [item for item in items if re.search(r"\d{4}年|\d{1,2}月|去年|今年", item["q"])]
    assert len(dated) * 10 >= len(items) * 3
    assert [item for item in items if re.search(r"目前|现在|最新", item["q"])]
    # articles of many pages, up to six questions an article
    keys = [item["key"] for item in items]
    assert len({key.split("-")[1] for key in keys}) >= 12
    assert max(keys.count(key) for key in keys) <= 6
    assert not [item for item in items if item["fact"] in item["title"]]


def _whitespace_dropped(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _shingles(text: str, n: int = 10) -> set[str]:
    """Every run of `n` characters of the text, whitespace dropped."""
    text = _whitespace_dropped(text)
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def _marks(article) -> tuple[str, str, set[str]]:
    """What a reprint shares with its article: the title, the first 80 characters of body, its 10-character runs."""
    return (
        _whitespace_dropped(article.title),
        _whitespace_dropped(article.body)[:80],
        _shingles(article.body),
    )


def _reprints(article, others: dict[str, tuple[str, str, set[str]]]) -> list[str]:
    """The keys of `others` (their `_marks`) that print `article` again: the same title, the same first 80
    characters of body, or half the shorter body's 10-character runs shared (the corpus prints a page-1 story
    again on its continuation page)."""
    title, opening, runs = _marks(article)
    found = []
    for key, (other_title, other_opening, other_runs) in others.items():
        shorter = min(len(runs), len(other_runs))
        if (
            other_title == title
            or other_opening == opening
            or (shorter and len(runs & other_runs) * 2 >= shorter)
        ):
            found.append(key)
    return found


@pytest.mark.parametrize(
    ("attribute", "before"),
    [
        ("DEV10", _SETS_BEFORE_DEV10),
        ("DEV11", _SETS_BEFORE_DEV11),
        ("DEV12", _SETS_BEFORE_DEV12),
        ("DEV13", _SETS_BEFORE_DEV13),
        ("DEV14", _SETS_BEFORE_DEV14),
        ("DEV15", _SETS_BEFORE_DEV15),
        ("DEV16", _SETS_BEFORE_DEV16),
        ("DEV17", _SETS_BEFORE_DEV17),
        ("DEV18", _SETS_BEFORE_DEV18),
        ("DEV19", _SETS_BEFORE_DEV19),
        ("DEV20", _SETS_BEFORE_DEV20),
        ("DEV21", _SETS_BEFORE_DEV21),
        ("DEV22", _SETS_BEFORE_DEV22),
        ("DEV23", _SETS_BEFORE_DEV23),
        ("DEV24", _SETS_BEFORE_DEV24),
        ("DEV25", _SETS_BEFORE_DEV25),
        ("DEV26", _SETS_BEFORE_DEV26),
    ],
)
def test_a_development_set_names_no_reprint_of_an_article_a_set_before_it_names(attribute, before):
    from benchmarks import answers, peopledaily

    if not peopledaily.CACHE_FILE.exists():
        pytest.skip(f"the People's Daily corpus is not cached ({peopledaily.CACHE_FILE})")
    articles = {a.key: a for a in peopledaily.load_articles()}
    # a page-1 story and its continuation page's reprint are found; two stories of one page are not
    page = {key: _marks(articles[key]) for key in ("20190220-01-05", "20190220-07-01")}
    assert _reprints(articles["20190220-07-03"], page) == ["20190220-01-05"]
    loaders = {
        "FROZEN": answers.load_frozen,
        "HELDOUT2": answers.load_heldout2,
        "JUDGED": answers.load_judged,
    }
    named = {
        item["key"]
        for set_name in before
        for item in (
            loaders[set_name]() if set_name in loaders else answers.load_dev(getattr(answers, set_name))
        )
        if item.get("key")
    }
    others = {key: _marks(articles[key]) for key in sorted(named)}
    for key in sorted({item["key"] for item in answers.load_dev(getattr(answers, attribute))}):
        assert not _reprints(articles[key], others), key


def test_the_later_development_sets_list_their_misses(monkeypatch):
    """The tenth to the twenty-fifth development sets were each a session's validation set and are tuned on since:
    their misses are listed."""
    from benchmarks import answers

    asked = {}
    monkeypatch.setattr(
        answers, "_run_later_dev", lambda path, quick, anchor, misses=True: asked.update({path.name: misses})
    )
    answers.run_dev10(quick=True)
    answers.run_dev11(quick=True)
    answers.run_dev12(quick=True)
    answers.run_dev13(quick=True)
    answers.run_dev14(quick=True)
    answers.run_dev15(quick=True)
    answers.run_dev16(quick=True)
    answers.run_dev17(quick=True)
    answers.run_dev18(quick=True)
    answers.run_dev19(quick=True)
    answers.run_dev20(quick=True)
    answers.run_dev21(quick=True)
    answers.run_dev22(quick=True)
    answers.run_dev23(quick=True)
    answers.run_dev24(quick=True)
    answers.run_dev25(quick=True)
    assert asked == {
        "answers_dev10.json": True,
        "answers_dev11.json": True,
        "answers_dev12.json": True,
        "answers_dev13.json": True,
        "answers_dev14.json": True,
        "answers_dev15.json": True,
        "answers_dev16.json": True,
        "answers_dev17.json": True,
        "answers_dev18.json": True,
        "answers_dev19.json": True,
        "answers_dev20.json": True,
        "answers_dev21.json": True,
        "answers_dev22.json": True,
        "answers_dev23.json": True,
        "answers_dev24.json": True,
        "answers_dev25.json": True,
    }


def test_the_twenty_sixth_development_set_is_measured_without_its_misses(monkeypatch):
    """The validation set of the session that wrote it: its misses are never listed, the twenty-fifth's (tuned on
    since, like the tenth to the twenty-fourth: `test_the_later_development_sets_list_their_misses`) are."""
    from benchmarks import answers

    asked = {}
    monkeypatch.setattr(
        answers, "_run_later_dev", lambda path, quick, anchor, misses=True: asked.update({path.name: misses})
    )
    answers.run_dev25(quick=True)
    answers.run_dev26(quick=True)
    assert asked == {"answers_dev25.json": True, "answers_dev26.json": False}


def test_the_sixth_development_set_asks_mostly_the_weak_answer_kinds():
    from benchmarks import answers

    items = answers.load_dev(answers.DEV6)
    weak = [item for item in items if item["kind"] in ("what", "which", "when", "howmany")]
    assert len(weak) * 2 > len(items)


@pytest.mark.parametrize(
    "attribute",
    [f"DEV{n}" for n in range(2, 27)],
)
def test_a_development_set_holds_its_facts_when_the_corpus_is_cached(attribute):
    from benchmarks import answers, peopledaily

    if not peopledaily.CACHE_FILE.exists():
        pytest.skip(f"the People's Daily corpus is not cached ({peopledaily.CACHE_FILE})")
    answers.check_frozen(
        answers.load_dev(getattr(answers, attribute)), {a.key: a for a in peopledaily.load_articles()}
    )


def test_people_daily_articles_of_some_months_only(tmp_path):
    from benchmarks import peopledaily

    cache = tmp_path / "articles.jsonl"
    rows = [
        {
            "key": f"{d.replace('-', '')}-01-01",
            "date": d,
            "page": 1,
            "title": "t",
            "headers": ["t"],
            "paragraphs": ["p"],
        }
        for d in ("2019-10-01", "2020-01-02", "2020-05-03")
    ]
    cache.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert len(peopledaily.load_articles(cache_file=cache)) == 3
    assert [a.date for a in peopledaily.load_articles(cache_file=cache, months=["2020-01", "2019-10"])] == [
        "2019-10-01",
        "2020-01-02",
    ]


def test_answers_sets_asked_for(monkeypatch):
    from benchmarks import answers

    assert answers.parse_sets("all") == answers.SETS
    assert answers.parse_sets("heldout2") == ("heldout2",)
    assert answers.parse_sets("frozen, tuning,frozen") == ("frozen", "tuning")
    with pytest.raises(Exception, match="sets are"):
        answers.parse_sets("frozen,heldout3")
    assert "heldout2" not in answers.DEFAULT_SETS  # read only when asked for
    monkeypatch.setattr(answers, "_corpus_missing", lambda *_: "its corpus is not cached")
    with pytest.raises(SystemExit, match=r"no corpus for the sets asked for \(heldout2\)"):
        answers.main(["--sets", "heldout2"])


def test_the_frozen_set_reports_figures_per_kind_never_its_questions():
    from benchmarks import answers

    frozen = {
        "questions": 2,
        "per_kind": {"who": {"n": 2, "top": 1, "top_strict": 1, "fact": 1}},
        "anchor": {"per_kind": {"who": {"n": 2, "top": 2, "top_strict": 2, "asked": 2, "fact": 0}}},
    }
    assert (
        answers.format_frozen_kinds(frozen).splitlines()[-1] == "| who | 2 | 50.0% | 50.0% | 100.0% | 0.0% |"
    )
    rows = answers.set_rows(
        {"frozen": {**frozen, "top_right": 50.0, "top_right_strict": 50.0, "answer_has_fact": 50.0}}
    )
    assert answers.format_sets(rows).splitlines()[-1] == (
        "| frozen set: 人民日报 | 2 | 50.0% (50.0%) | 50.0% | skipped | skipped |"
    )


def test_the_bench_extra_holds_what_people_daily_imports():
    """QA: `python -m benchmarks.peopledaily` unpacks the archives with py7zr, which the bench extra
    (what BENCHMARKS.md tells a newcomer to install) did not list."""
    extra = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    assert any(re.match(r"py7zr\b", requirement) for requirement in extra["bench"])


def test_people_daily_without_py7zr_says_what_to_install(tmp_path, monkeypatch, capsys):
    """QA: unpacking the archives without py7zr was a bare ModuleNotFoundError."""
    from benchmarks import peopledaily

    (tmp_path / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")  # a git directory
    monkeypatch.setitem(sys.modules, "py7zr", None)  # importing it fails as when it is not installed
    assert peopledaily.main(["--peopledaily", str(tmp_path)]) == 1
    assert "pip install -e '.[bench]'" in capsys.readouterr().err


def test_a_cached_answers_database_is_built_under_a_name_of_its_own_process(tmp_path, monkeypatch):
    """Two runs building the same database at once must not delete each other's half-built file: each builds
    under a name with its process id and renames it into place."""
    import os

    from benchmarks import answers
    from storage.database import connection

    monkeypatch.setattr(answers, "CACHE_DIR", tmp_path)
    opened = []
    real_open_db = connection.open_db
    monkeypatch.setattr(
        connection, "open_db", lambda path, *a, **k: opened.append(path) or real_open_db(path, *a, **k)
    )
    records = [
        {
            "title": "郑州二七区开展保交楼专项行动",
            "date": "2023-04-03",
            "paragraphs": ["本报讯 二七区开展保交楼专项行动。"],
        },
        {
            "title": "二七区召开统战工作会议",
            "date": "2023-04-04",
            "paragraphs": ["本报讯 二七区召开统战工作会议。"],
        },
    ]
    built = answers._ingest_db(records, source="test", prefix="answers")
    assert [p.name for p in opened] == [built.with_suffix(f".{os.getpid()}.tmp").name]
    assert not list(tmp_path.glob("*.tmp*"))
    db = sqlite3.connect(built)
    try:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    finally:
        db.close()
