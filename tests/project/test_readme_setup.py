"""The README's set-up: two commands, and one apt-get line naming every system library Qt's
window (xcb) plugin loads, so a minimal Debian or Ubuntu gets a real window from it."""

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# In every Debian and Ubuntu system: apt itself needs them.
BASE_SYSTEM = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1"}


def setup_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Set up", 1)[1].split("\n## ", 1)[0]


def readme_apt_packages() -> set[str]:
    lines = re.findall(r"apt-get install ([^`\n]+)", (ROOT / "README.md").read_text("utf-8"))
    assert len(lines) == 1, lines
    return set(lines[0].split())


def packaging_module(name: str):
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "packaging"))


def test_two_setup_commands_one_starts_the_app_one_runs_the_tests():
    blocks = re.findall(r"```sh\n(.*?)\n```", setup_section(), re.DOTALL)
    assert blocks == [
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/nnstudio",
        'python3 -m venv .venv && .venv/bin/pip install -e ".[test]" && .venv/bin/python -m pytest',
    ]


def test_the_apt_line_names_every_library_the_xcb_plugin_loads():
    if not sys.platform.startswith("linux"):
        pytest.skip("Qt's xcb plugin exists on Linux")
    PySide6 = pytest.importorskip("PySide6")

    elf = packaging_module("elf")
    package_of = {
        soname: package
        for package, sonames in packaging_module("system_libraries").SYSTEM_LIBRARIES.items()
        for soname in sonames
    }
    qt = Path(PySide6.__file__).parent / "Qt"
    queue = [qt / "plugins/platforms/libqxcb.so", *(qt / "plugins/xcbglintegrations").glob("*.so")]
    seen, system = set(), set()
    while queue:  # the plugin, the Qt libraries it pulls in, and what they link to
        for name in elf.needed(queue.pop()):
            if (qt / "lib" / name).is_file():
                if name not in seen:
                    seen.add(name)
                    queue.append(qt / "lib" / name)
            else:
                system.add(name)
    assert "libQt6XcbQpa.so.6" in seen
    unknown = sorted(name for name in system if name not in package_of)
    assert not unknown, f"add to packaging/system_libraries.py: {unknown}"
    needed = {package_of[name] for name in system} - BASE_SYSTEM
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0"} <= needed
    missing = needed - readme_apt_packages()
    assert not missing, f"the README's apt-get line lacks {sorted(missing)}"
    assert "libglib2.0-0" in readme_apt_packages()
