"""The import rules of docs/architecture.md, checked over the import graph of nnstudio/.

The graph comes from the source (an ``ast`` walk, nothing is imported): an edge from each module
to every module it imports, at any depth (imports inside functions and ``if TYPE_CHECKING:``
blocks count too: a type-only import still ties two modules together). Each rule is a function
over such a graph, so the tests at the bottom can show that every rule catches a small,
deliberately broken graph.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "nnstudio"

Graph = Mapping[str, set[str]]

# -- the rules -------------------------------------------------------------------------------------
# The Qt-free side: never PySide6, shiboken6, pyqtgraph or the GUI, not even through a module it
# imports.
QT_FREE = (
    "nnstudio.engine",
    "nnstudio.data",
    "nnstudio.files",
    "nnstudio.interop",
    "nnstudio.learn",
    "nnstudio.session",
    "nnstudio.session_files",
    "nnstudio.session_parts",
    "nnstudio.session_tuning",
    "nnstudio.training_run",
    "nnstudio.text",
)
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph", "nnstudio.gui", "nnstudio.app")

# The GUI's rooms and the rooms each may import (its own modules always). "common" is the
# toolbox at the bottom; "window" at the top wires the others together.
GUI = "nnstudio.gui"
ROOMS: dict[str, set[str]] = {
    "common": set(),
    "builder": {"common"},
    "training": {"common", "builder"},
    "views": {"common", "builder", "training"},
    "learn": {"common"},
    "window": {"common", "builder", "training", "views", "learn"},
}

# Packages entered only through their front door (the package itself) from outside. The modules
# of nnstudio.gui.common are its front door (a toolbox: style, plot items, binding).
FRONT_DOORS = (
    "nnstudio.engine",
    "nnstudio.data",
    "nnstudio.files",
    "nnstudio.interop",
    "nnstudio.learn",
    "nnstudio.gui.builder",
    "nnstudio.gui.training",
    "nnstudio.gui.views",
    "nnstudio.gui.learn",
    "nnstudio.gui.window",
)
# (importer, module): modules meant to be imported by name from outside their package
INTERNAL_ALLOWED = {
    # the example builder is a program (python -m nnstudio.files.examples); the CLI runs it
    ("nnstudio.cli_examples", "nnstudio.files.examples"),
    # the step-through writes each optimizer's update with the optimizers' own slot names, and
    # the Matrices view shows their state by the same phases
    ("nnstudio.learn.stepthrough", "nnstudio.engine.optimizers"),
    ("nnstudio.learn.stepthrough_update", "nnstudio.engine.optimizers"),
    ("nnstudio.learn.optimizer_state", "nnstudio.engine.optimizers"),
}
# importers not held to the front doors yet: the command line (nnstudio.cli*) and the model
# file checks' limit on units (engine.spec.MAX_UNITS, also exported by nnstudio.engine)
NOT_YET = ("nnstudio.cli", "nnstudio.files.validate")

# Type-only imports inside the engine that still close a loop (checks ↔ network, progress):
# the only loop left, listed so that it can only shrink
KNOWN_LOOPS = [
    [
        "nnstudio.engine.checks",
        "nnstudio.engine.network",
        "nnstudio.engine.progress",
    ]
]


def inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def qt_violations(graph: Graph, qt_free: Iterable[str] = QT_FREE) -> list[str]:
    """Qt-free modules that reach Qt or the GUI, with the path of imports that gets there."""
    found = []
    for start in sorted(graph):
        if not any(inside(start, package) for package in qt_free):
            continue
        seen, todo = {start: [start]}, [start]
        while todo:
            module = todo.pop()
            for target in sorted(graph.get(module, ())):
                if target in seen:
                    continue
                path = [*seen[module], target]
                if any(inside(target, bad) for bad in QT_MODULES):
                    found.append(" → ".join(path))
                    continue
                seen[target] = path
                if target in graph:
                    todo.append(target)
    return found


def room_of(module: str) -> str | None:
    if not inside(module, GUI) or module == GUI:
        return None
    return module.split(".")[2]


def room_violations(graph: Graph, rooms: Mapping[str, set[str]] = ROOMS) -> list[str]:
    """GUI modules importing a room they may not, or living in a room the table lacks."""
    found = []
    for module in sorted(graph):
        room = room_of(module)
        if room is None:
            continue
        if room not in rooms:
            found.append(f"{module}: room {room!r} is not in the table")
            continue
        for target in sorted(graph[module]):
            if target == GUI:
                found.append(f"{module} → {target} (the package that imports the rooms)")
                continue
            other = room_of(target)
            if other is not None and other != room and other not in rooms[room]:
                found.append(f"{module} → {target} ({room} may not import {other})")
    return found


def cycles(graph: Graph) -> list[list[str]]:
    """Groups of modules importing each other, directly or round a loop (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph.get(module, ())):
            if target not in graph:
                continue
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1 or module in graph.get(module, ()):
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def front_door_violations(
    graph: Graph,
    packages: Iterable[str] = FRONT_DOORS,
    allowed: set[tuple[str, str]] = INTERNAL_ALLOWED,
    not_yet: tuple[str, ...] = (),
) -> list[str]:
    """Imports of a module inside one of ``packages`` from outside that package."""
    found = []
    packages = tuple(packages)
    for module in sorted(graph):
        if module.startswith(not_yet) and not_yet:
            continue
        for target in sorted(graph[module]):
            for package in packages:
                if (
                    inside(target, package)
                    and target != package
                    and not inside(module, package)
                    and (module, target) not in allowed
                ):
                    found.append(f"{module} → {target} (import {package} instead)")
    return found


# -- the graph of nnstudio/ ------------------------------------------------------------------------
def module_name(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _bound_names(tree: ast.Module) -> set[str]:
    """The names a package's ``__init__`` binds by importing them."""
    return {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    files = {module_name(path, package): path for path in package.rglob("*.py")}
    trees = {module: _parse(path) for module, path in files.items()}
    exported = {
        module: _bound_names(tree)
        for module, tree in trees.items()
        if files[module].name == "__init__.py"
    }
    graph: dict[str, set[str]] = {}
    for module, tree in trees.items():
        is_package = files[module].name == "__init__.py"
        targets: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = module.split(".")
                    base = base[: len(base) - node.level + (1 if is_package else 0)]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                for alias in node.names:
                    # "from package import module" imports that module, unless the package's
                    # __init__ binds the name itself (a function named like its module)
                    name = f"{source}.{alias.name}"
                    own = alias.name in exported.get(source, set())
                    targets.add(name if name in files and not own else source)
        graph[module] = {target for target in targets if target != module or is_package}
    return graph


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph()


# -- the contracts ---------------------------------------------------------------------------------
def test_the_graph_sees_the_gui_and_the_core(graph):
    assert "nnstudio.gui.window.main_window" in graph
    assert "nnstudio.gui.window.frame" in graph["nnstudio.gui.window.main_window"]
    assert "numpy" in graph["nnstudio.engine.network"]


def test_the_qt_free_side_never_reaches_qt_or_the_gui(graph):
    assert qt_violations(graph) == []


def test_gui_rooms_import_each_other_only_downwards(graph):
    assert room_violations(graph) == []
    rooms_on_disk = {path.name for path in (PACKAGE / "gui").iterdir() if path.is_dir()}
    assert rooms_on_disk - {"__pycache__"} == set(ROOMS)


def test_no_module_imports_itself_round_a_loop(graph):
    assert [loop for loop in cycles(graph) if loop not in KNOWN_LOOPS] == []


def test_packages_are_entered_through_their_front_door(graph):
    assert front_door_violations(graph, not_yet=NOT_YET) == []


# -- each contract catches a broken graph ----------------------------------------------------------
def test_a_qt_import_behind_a_qt_free_module_is_caught():
    broken = {
        "nnstudio.files.save": {"nnstudio.session"},
        "nnstudio.session": {"numpy", "nnstudio.helper"},
        "nnstudio.helper": {"PySide6.QtCore"},
    }
    assert qt_violations(broken) == [
        "nnstudio.files.save → nnstudio.session → nnstudio.helper → PySide6.QtCore",
        "nnstudio.session → nnstudio.helper → PySide6.QtCore",
    ]
    assert qt_violations({"nnstudio.learn.runs": {"nnstudio.gui.common.style"}})


def test_a_room_importing_upwards_is_caught():
    broken = {
        "nnstudio.gui.common.plot_items": {"nnstudio.gui.training.controller"},
        "nnstudio.gui.learn.guide": {"nnstudio.gui.builder"},
        "nnstudio.gui.views.cost_view": {"nnstudio.gui.training", "nnstudio.gui.common.style"},
        "nnstudio.gui.attic.old": set(),
    }
    assert room_violations(broken) == [
        "nnstudio.gui.attic.old: room 'attic' is not in the table",
        "nnstudio.gui.common.plot_items → nnstudio.gui.training.controller "
        "(common may not import training)",
        "nnstudio.gui.learn.guide → nnstudio.gui.builder (learn may not import builder)",
    ]


def test_an_import_loop_is_caught():
    # the loop the window once had: file actions ↔ main window ↔ language
    broken = {
        "nnstudio.gui.main_window": {"nnstudio.gui.file_actions", "nnstudio.gui.i18n"},
        "nnstudio.gui.file_actions": {"nnstudio.gui.main_window"},
        "nnstudio.gui.i18n": {"nnstudio.gui.main_window"},
        "nnstudio.gui.style": set(),
    }
    assert cycles(broken) == [
        ["nnstudio.gui.file_actions", "nnstudio.gui.i18n", "nnstudio.gui.main_window"]
    ]
    assert cycles({"nnstudio.a": {"nnstudio.a"}}) == [["nnstudio.a"]]


def test_a_side_door_import_is_caught():
    broken = {
        "nnstudio.gui.builder.data_panel": {"nnstudio.data.builtin", "nnstudio.data"},
        "nnstudio.data.presets": {"nnstudio.data.builtin"},  # inside its own package: fine
    }
    assert front_door_violations(broken) == [
        "nnstudio.gui.builder.data_panel → nnstudio.data.builtin (import nnstudio.data instead)"
    ]
