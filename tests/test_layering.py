"""The shape of the code: one door writes the records, layers point one way.

Read from the source with `ast`, so these tests fail as soon as a module outside
`door.py` changes a runner's records or state, the domain imports Home Assistant,
or two modules import each other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "custom_components" / "ankle_care"
DOOR = PACKAGE / "door.py"
# Where the record types define their own methods (`RunnerRecords.add_run`, ...).
RECORD_TYPES = PACKAGE / "domain" / "records.py"

# Names under which the runner's records and typed state are reached.
BOOK_NAMES = frozenset({"records", "book", "state"})
# Methods that change a list or a record collection in place.
MUTATING_METHODS = frozenset(
    {
        "append",
        "extend",
        "insert",
        "remove",
        "pop",
        "clear",
        "sort",
        "add_run",
        "add_soreness",
        "add_treatment",
        "add_visit",
        "add_exercise",
    }
)
RECORD_ADDERS = frozenset(name for name in MUTATING_METHODS if name.startswith("add_"))


def _chain(node: ast.expr) -> list[str]:
    """Return the attribute names of `a.b.c` as ['a', 'b', 'c'] (calls are opaque)."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return names[::-1]


def _reaches_book(names: list[str]) -> bool:
    """Return whether a chain goes through the records or state (not just names it)."""
    return any(name in BOOK_NAMES for name in names[:-1])


def record_writes(source: str) -> list[tuple[int, str]]:
    """Return (line, code) of every change to a runner's records or state."""
    return sorted(_record_writes(source))


def _record_writes(source: str) -> Iterator[tuple[int, str]]:
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if (isinstance(func, ast.Name) and func.id == "pop_by_id") or (
                isinstance(func, ast.Attribute)
                and func.attr in MUTATING_METHODS
                and any(name in BOOK_NAMES for name in _chain(func.value))
            ):
                yield node.lineno, ast.unparse(node)
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                for part in ast.walk(target):
                    if isinstance(part, ast.Attribute | ast.Subscript) and (
                        _reaches_book(_chain(part))
                        if isinstance(part, ast.Attribute)
                        else any(n in BOOK_NAMES for n in _chain(part.value))
                    ):
                        yield node.lineno, ast.unparse(node)
                        break


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_checker_finds_every_kind_of_write() -> None:
    source = """
runtime.coordinator.records.runs.append(run)
door.book.records.add_soreness(entry)
self.records.default_shoe_id = None
book.state.reminders = state
pop_by_id(records.visits, "v")
records.shoes[0] = shoe
self.book.history.remove(run)
"""
    assert [line for line, _ in record_writes(source)] == [2, 3, 4, 5, 6, 7, 8]
    reads = """
self.book = book
shoes = self.coordinator.records.shoes
items = [*records.runs]
done = []
done.append(1)
"""
    assert record_writes(reads) == []


@pytest.mark.parametrize(
    "module",
    [path for path in _modules() if path not in (DOOR, RECORD_TYPES)],
    ids=lambda path: str(path.relative_to(PACKAGE)),
)
def test_only_the_door_writes_the_records(module: Path) -> None:
    writes = record_writes(module.read_text(encoding="utf-8"))
    assert writes == [], f"{module.name} changes the records outside door.py"


def test_the_door_is_where_the_writes_are() -> None:
    assert len(record_writes(DOOR.read_text(encoding="utf-8"))) >= 10


def _imports(path: Path) -> Iterator[str]:
    """Yield the package modules a module imports, as paths relative to the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = path.relative_to(PACKAGE).parent
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here
            for _ in range(node.level - 1):
                base = base.parent
            parts = [*base.parts, *(node.module.split(".") if node.module else [])]
            names = [alias.name for alias in node.names] if not node.module else [""]
            for name in names:
                yield "/".join([*parts, name] if name else parts)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            for alias in node.names:
                yield f"!{module or alias.name}"


def _module_key(path: Path) -> str:
    relative = path.relative_to(PACKAGE).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return "/".join(parts)


def test_the_domain_imports_no_home_assistant_and_nothing_outside_it() -> None:
    for path in (PACKAGE / "domain").rglob("*.py"):
        for target in _imports(path):
            if target.startswith("!"):
                assert not target.startswith(
                    ("!homeassistant", "!custom_components")
                ), f"{path.name} imports {target[1:]}"
            else:
                assert target.startswith("domain"), f"{path.name} imports {target}"


def test_no_import_cycles() -> None:
    keys = {_module_key(path): path for path in _modules()}
    graph: dict[str, set[str]] = {}
    for key, path in keys.items():
        found: set[str] = set()
        for target in _imports(path):
            if target.startswith("!"):
                continue
            # `from .domain import records` names a module; `from .x import y` a name.
            module = target
            while module and module not in keys:
                module = module.rpartition("/")[0]
            if module and module != key:
                found.add(module)
        graph[key] = found
    visiting: list[str] = []
    done: set[str] = set()

    def visit(key: str) -> None:
        if key in done:
            return
        assert key not in visiting, " -> ".join([*visiting, key])
        visiting.append(key)
        for target in sorted(graph[key]):
            visit(target)
        visiting.pop()
        done.add(key)

    for key in sorted(graph):
        visit(key)
