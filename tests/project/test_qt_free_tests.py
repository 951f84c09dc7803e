"""The Qt-free tests run where PySide6, pyqtgraph and pytest-qt are not installed.

``tests/noqt.toml`` lists them and gives pytest the suite's options without pytest-qt's
``qt_api`` (under ``--strict-config`` an option no installed plugin knows stops pytest):
``python -m pytest -c tests/noqt.toml --rootdir .`` in a venv without Qt, as ``.ci/run`` does.
These tests keep that job honest: its options follow pyproject.toml's, every test folder or
file belongs to it or to the Qt-only list below, and no test in it reaches Qt, directly or
through the nnstudio modules it imports.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
QT = ("PySide6", "shiboken6", "pyqtgraph", "pytestqt", "nnstudio.gui", "nnstudio.app")
# pytest-qt's fixtures: a test asking for one needs Qt
QT_FIXTURES = {"qtbot", "qapp", "qapp_args", "qapp_cls", "qtmodeltester", "qtlog"}
# tests that need Qt (the GUI, the app's self-test) or the installer tools: the main job only
QT_ONLY = {"tests/gui", "tests/packaging", "tests/test_selftest.py"}


def pytest_options(path: Path) -> dict[str, object]:
    with path.open("rb") as file:
        return tomllib.load(file)["tool"]["pytest"]["ini_options"]


def qt_free_paths() -> list[str]:
    return list(pytest_options(TESTS / "noqt.toml")["testpaths"])


def qt_free_files() -> list[Path]:
    """Every Python file the Qt-free job loads: its test modules, helpers and conftest.py files."""
    files = [TESTS / "conftest.py"]
    for entry in qt_free_paths():
        path = ROOT / entry
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return files


def qt_uses(tree: ast.AST) -> list[str]:
    """The Qt imports (at any depth) and pytest-qt fixtures of one module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
            names += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = {arg.arg for arg in node.args.args + node.args.kwonlyargs}
            found += [f"fixture {name}" for name in sorted(arguments & QT_FIXTURES)]
            continue
        else:
            continue
        found += [f"import {name}" for name in names if name.startswith(QT)]
    return sorted(set(found))


def nnstudio_imports(tree: ast.AST) -> set[str]:
    """The nnstudio modules (or packages) a module imports by absolute name."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "nnstudio" or name.startswith("nnstudio.")}


def test_the_qt_free_job_has_the_suites_options_but_qt_api():
    suite = pytest_options(ROOT / "pyproject.toml")
    qt_free = pytest_options(TESTS / "noqt.toml")
    assert suite.pop("qt_api") == "pyside6"
    suite.pop("testpaths")
    qt_free.pop("testpaths")
    assert qt_free == suite, "tests/noqt.toml: copy pyproject.toml's [tool.pytest.ini_options]"


def test_every_test_folder_and_file_is_in_one_job():
    on_disk = {
        path.relative_to(ROOT).as_posix()
        for path in TESTS.iterdir()
        if (path.is_dir() and any(path.rglob("test_*.py")))
        or (path.name.startswith("test_") and path.suffix == ".py")
    }
    qt_free = set(qt_free_paths())
    assert not qt_free & QT_ONLY
    assert on_disk - qt_free - QT_ONLY == set(), "add them to tests/noqt.toml or QT_ONLY here"
    assert qt_free | QT_ONLY <= on_disk


def test_no_qt_free_test_imports_qt_or_asks_for_qtbot():
    found = {
        path.relative_to(ROOT).as_posix(): uses
        for path in qt_free_files()
        if (uses := qt_uses(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}, "move these tests to a Qt-only folder (tests/gui) or drop the Qt import"


def test_the_modules_the_qt_free_tests_import_load_without_qt():
    modules = set()
    for path in qt_free_files():
        modules |= nnstudio_imports(ast.parse(path.read_text(encoding="utf-8")))
    assert "nnstudio.engine" in modules and "nnstudio.files" in modules
    # "from nnstudio.x import name" lists nnstudio.x.name too: import it when it is a module
    code = (
        "import importlib, sys\n"
        f"for name in {sorted(modules)!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ModuleNotFoundError as error:\n"
        "        if error.name != name:\n"
        "            raise\n"
        f"    loaded = [qt for qt in {QT!r} if qt in sys.modules]\n"
        "    assert not loaded, f'importing {name} loads {loaded}'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr[-1000:]


def test_the_qt_checks_catch_a_qt_import_and_a_qtbot_test():
    broken = ast.parse(
        "from nnstudio.gui.builder import LayerEditor\n"
        "def test_shows(qtbot):\n"
        "    import pyqtgraph as pg\n"
        "def test_skips():\n"
        "    pytest.importorskip('PySide6')\n"
    )
    assert qt_uses(broken) == [
        "fixture qtbot",
        "import nnstudio.gui.builder",
        "import nnstudio.gui.builder.LayerEditor",
        "import pyqtgraph",
    ]
    assert nnstudio_imports(ast.parse("from nnstudio import cli\nimport numpy")) == {
        "nnstudio",
        "nnstudio.cli",
    }
