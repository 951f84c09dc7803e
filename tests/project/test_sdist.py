"""The source distribution carries the tests, docs and packaging recipes, and its licence
metadata uses the SPDX expression (the ``license = {text = …}`` table is deprecated)."""

import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import nnstudio

ROOT = Path(__file__).resolve().parents[2]
BUILD_SDIST = (
    "import sys; from setuptools.build_meta import build_sdist; print(build_sdist(sys.argv[1]))"
)


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """(the .tar.gz built from this checkout, what the build printed on stderr)."""
    setuptools = pytest.importorskip("setuptools", reason='pip install -e ".[test]"')
    major = int(setuptools.__version__.split(".")[0])
    if major < 77:
        pytest.skip(f"setuptools {setuptools.__version__} < 77: pip install -e '.[test]'")
    out = tmp_path_factory.mktemp("sdist")
    result = subprocess.run(
        [sys.executable, "-c", BUILD_SDIST, str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out / result.stdout.strip().splitlines()[-1], result.stderr


def test_holds_the_tests_docs_and_packaging_recipes(sdist):
    path, _log = sdist
    top = f"nnstudio-{nnstudio.__version__}"
    with tarfile.open(path) as archive:
        names = {name.removeprefix(top + "/") for name in archive.getnames()}
    for needed in (
        "pyproject.toml",
        "README.md",
        "MANIFEST.in",
        ".ci/run",
        ".github/workflows/installers.yml",
        "tests/conftest.py",
        "tests/packaging/test_deb.py",
        "tests/engine/test_training.py",
        "docs/packaging.md",
        "docs/model-format.md",
        "packaging/build.py",
        "packaging/nnstudio.spec",
        "packaging/windows/nnstudio.iss",
        "benchmarks/startup_time.py",
        "resources/examples/flower.nnstudio",
        "nnstudio/cli_examples.py",
    ):
        assert needed in names, needed
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]


def test_declares_the_licence_as_an_spdx_expression(sdist):
    path, log = sdist
    top = f"nnstudio-{nnstudio.__version__}"
    with tarfile.open(path) as archive:
        member = archive.extractfile(f"{top}/PKG-INFO")
        assert member is not None
        metadata = member.read().decode("utf-8")
    assert "License-Expression: MIT" in metadata.splitlines()
    assert "SetuptoolsDeprecationWarning" not in log, log
