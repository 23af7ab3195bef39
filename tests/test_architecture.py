"""The layout's rules, checked on the source (issue 14): no import cycles between subpackages, storage
never imports bot, only bot/telegram imports python-telegram-bot, and `newsbot chat` runs without it."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "storage")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside functions (absolute names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            out.add(prefix)
            out.update(f"{prefix}.{alias.name}" for alias in node.names)  # `from pkg import module`
    return out


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


MODULES = all_modules()
IMPORTS = {name: imports_of(path) for name, path in MODULES.items()}  # parsed once


def unit_of(module: str) -> str:
    """The subpackage a module belongs to (`storage.search`, `bot.telegram`); a module directly in
    `bot/` or `storage/` is its own unit (`bot.services`)."""
    parts = module.split(".")
    if len(parts) >= 2 and (ROOT / parts[0] / parts[1]).is_dir():
        return ".".join(parts[:2])
    return module


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {}
    for name in MODULES:
        src = unit_of(name)
        for target in IMPORTS[name]:
            if target in MODULES:
                dst = unit_of(target)
                if dst != src:
                    edges.setdefault(src, set()).add(dst)
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_walk_sees_the_layout():
    edges = graph()
    assert "storage.search" in edges and "storage.text" in edges["storage.search"]
    assert "bot.services" in edges["bot.telegram"]  # handlers reach the services
    assert len(MODULES) > 40


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}}) is None


def test_no_import_cycles_between_subpackages():
    assert find_cycle(graph()) is None


def test_no_import_cycles_between_the_page_parsers_modules():
    """The page parser's modules (`storage/ingest`) import each other in layers, never in a loop (issue 22)."""
    ingest = {n for n in MODULES if n.startswith("storage.ingest.")}
    edges = {n: {t for t in IMPORTS[n] if t in ingest and t != n} for n in ingest}
    assert find_cycle(edges) is None


# The page segmenter's layers (issue 22), from the top: the dispatch (`page_segmenter`), the readers of
# each kind of line, the story cutter, the page's facts and the reading state, the shapes of lines.
SEGMENTER = "storage.ingest.segmenter"
SEGMENTER_LAYERS = [
    ("storage.ingest.page_segmenter",),
    (f"{SEGMENTER}.readers",),
    (f"{SEGMENTER}.cutter",),
    (f"{SEGMENTER}.page_facts", f"{SEGMENTER}.reading"),
    (f"{SEGMENTER}.shapes", f"{SEGMENTER}.cut"),
]


def segmenter_layer(module: str) -> int | None:
    for depth, prefixes in enumerate(SEGMENTER_LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return depth
    return None


@pytest.mark.parametrize("name", sorted(n for n in MODULES if segmenter_layer(n) is not None))
def test_the_page_segmenter_imports_only_downwards(name: str):
    """A reader never imports the dispatch, the cutter no reader, a shape nothing that reads a page."""
    depth = segmenter_layer(name)
    assert depth is not None
    upward = [
        m for m in IMPORTS[name] if m in MODULES and (d := segmenter_layer(m)) is not None and d < depth
    ]
    assert upward == []


# The line splitter's layers (issue 22), from the top: the entry (`page_line_split`, the passes in order and
# the walk over the raw lines), the readers of lines read across columns and the passes over the lines in
# reading order, the measures of one line and the misreadings.
LINE_SPLIT = "storage.ingest.line_split"
LINE_SPLIT_LAYERS = [
    ("storage.ingest.page_line_split",),
    tuple(
        f"{LINE_SPLIT}.{part}"
        for part in (
            "modules",
            "rows_after_columns",
            "lines_across",
            "bands",
            "unwrapped",
            "head_lines",
            "wrapped_lines",
        )
    ),
    (f"{LINE_SPLIT}.cells", f"{LINE_SPLIT}.misreadings"),
]


def line_split_layer(module: str) -> int | None:
    return next((depth for depth, names in enumerate(LINE_SPLIT_LAYERS) if module in names), None)


def test_the_line_splitters_layers_name_every_part():
    parts = {n for n in MODULES if n.startswith(LINE_SPLIT + ".")}
    assert parts and all(line_split_layer(n) is not None for n in parts), parts


@pytest.mark.parametrize("name", sorted(n for n in MODULES if line_split_layer(n) is not None))
def test_the_line_splitter_imports_only_downwards(name: str):
    """A part imports only the layers under its own: no reader the entry, no reader another reader, no
    measure of one line a reader."""
    depth = line_split_layer(name)
    assert depth is not None
    sideways_or_up = [
        m
        for m in IMPORTS[name]
        if m in MODULES and (d := line_split_layer(m)) is not None and d <= depth and m != name
    ]
    assert sideways_or_up == []


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("storage")))
def test_storage_never_imports_bot(name: str):
    assert not [m for m in IMPORTS[name] if m == "bot" or m.startswith("bot.")]


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not n.startswith("bot.telegram")))
def test_only_the_telegram_edge_imports_telegram(name: str):
    if name == "bot.cli":  # `newsbot serve` imports bot.telegram.app inside the command
        return
    found = [m for m in IMPORTS[name] if m.split(".")[0] == "telegram" or m.startswith("bot.telegram")]
    assert found == []


# Libraries only one edge may import (issue 21): the web framework and server, the cookie signer, the
# hardened XML parser.
EDGE_LIBRARIES = {
    "starlette": "bot.web",
    "uvicorn": "bot.web",
    "itsdangerous": "bot.web",
    "defusedxml": "bot.wechat",
}


@pytest.mark.parametrize("library", sorted(EDGE_LIBRARIES))
def test_only_its_edge_imports_a_web_library(library: str):
    edge = EDGE_LIBRARIES[library]
    users = sorted(n for n in MODULES if any(m.split(".")[0] == library for m in IMPORTS[n]))
    assert users and all(n == edge or n.startswith(edge + ".") for n in users), users


def test_the_wechat_edge_knows_no_http():
    """bot/wechat turns messages into replies; HTTP (signatures on requests, the 5 s budget) is bot/web's."""
    for name in (n for n in MODULES if n.startswith("bot.wechat")):
        assert not [m for m in IMPORTS[name] if m.startswith("bot.web") or m.split(".")[0] == "starlette"]


def test_newsbot_chat_does_not_load_telegram(tmp_path: Path):
    """`newsbot chat` (bot.cli → bot.console and all they import) answers without python-telegram-bot."""
    script = (
        "import json, sys\n"
        "from bot.cli import main\n"
        "try:\n"
        "    main(['chat'], standalone_mode=False)\n"
        "finally:\n"
        "    loaded = sorted(m for m in sys.modules if m == 'telegram' or m.startswith(('telegram.', 'bot.telegram')))\n"
        "    sys.stderr.write('LOADED=' + json.dumps(loaded) + '\\n')\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "TELEGRAM_"))}
    env |= {
        "PYTHONPATH": str(ROOT),
        "NEWSBOT_DB": str(tmp_path / "c.db"),
        "NEWSBOT_SEEDS": str(ROOT / "seeds"),
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        input="保交楼\n/subscribe 8:00\n/help\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "保交楼" in done.stdout and "/subscribe" in done.stdout  # it did answer
    (line,) = [ln for ln in done.stderr.splitlines() if ln.startswith("LOADED=")]
    assert json.loads(line.removeprefix("LOADED=")) == []
