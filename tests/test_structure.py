"""The code's shape, checked: no import cycles (also not through TYPE_CHECKING or
function-level imports), and no pygame outside drawing."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("game", "teacher_dashboard")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    found = {module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}
    found["main"] = ROOT / "main.py"
    return found


def imports_of(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """Every project module this file imports, wherever the import statement is."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[:len(parent) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in modules else base)
    return {m for m in found if m in modules and m != name}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(10_000)
    for node in graph:
        if node not in index:
            visit(node)
    return groups


def test_no_module_imports_itself_round_a_cycle():
    modules = project_modules()
    graph = {name: imports_of(path, name, modules) for name, path in modules.items()}
    assert cycles(graph) == []


def test_the_world_the_bots_and_the_dashboard_run_without_pygame():
    """The teacher's server and `simulate` must not need SDL (a school server has none)."""
    probe = ("import sys\n"
             "import teacher_dashboard.app, game.sim.simulate, game.world.world\n"
             "from game import paths\n"
             "from game.content.bundle import load_content\n"
             "load_content(paths.DEFAULT_LEVEL)\n"
             "print('pygame' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_architecture_doc_names_every_module():
    """docs/architecture.md's module table is the map of the code: no module goes unnamed."""
    table = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = []
    for name, path in project_modules().items():
        if path.name == "__init__.py" or name == "main":
            continue
        folder, stem = path.parent.relative_to(ROOT).as_posix(), path.stem
        if f"`{folder}/{stem}.py`" not in table and f"`{stem}.py`" not in table:
            missing.append(f"{folder}/{stem}.py")
    assert missing == [], "add them to the module table in docs/architecture.md"
