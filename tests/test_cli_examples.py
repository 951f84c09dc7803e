"""``nnstudio-cli examples``: a pip user finds the example models and copies one out to open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nnstudio.cli import main
from nnstudio.files import load_model
from nnstudio.files.examples import EXAMPLES


def test_lists_every_example_with_its_name_and_one_line(capsys):
    assert main(["examples"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(EXAMPLES)
    for line, example in zip(lines, EXAMPLES, strict=True):
        name, _, description = line.partition("  ")
        assert name == Path(example.file_name).stem
        assert description.strip() == str(example.title)


@pytest.mark.parametrize("name", ["flower", "spiral-deep-relu.nnstudio"])
def test_copies_an_example_that_then_opens(tmp_path, capsys, name):
    target = tmp_path / "mine.nnstudio"
    assert main(["examples", name, "-o", str(target)]) == 0
    model = load_model(target)
    expected = [e for e in EXAMPLES if e.file_name.startswith(name.removesuffix(".nnstudio"))]
    assert model.network.layer_dims == expected[0].layer_dims
    assert str(target) in capsys.readouterr().out


def test_copies_into_a_folder_under_the_example_file_name(tmp_path):
    assert main(["examples", "sine-regression", "-o", str(tmp_path)]) == 0
    assert load_model(tmp_path / "sine-regression.nnstudio").network.activations[-1] == "linear"


def test_never_overwrites_a_file(tmp_path, capsys):
    target = tmp_path / "keep.nnstudio"
    target.write_bytes(b"mine")
    assert main(["examples", "flower", "-o", str(target)]) == 2
    assert target.read_bytes() == b"mine"
    assert "exists" in capsys.readouterr().err


def test_an_unknown_name_lists_the_names(tmp_path, capsys):
    assert main(["examples", "flowers", "-o", str(tmp_path / "x.nnstudio")]) == 2
    err = capsys.readouterr().err
    assert "'flowers'" in err and "flower, spiral-deep-relu" in err
    assert not (tmp_path / "x.nnstudio").exists()


def test_a_name_without_a_path_says_how_to_copy_it(capsys):
    assert main(["examples", "flower"]) == 2
    assert "examples flower -o PATH" in capsys.readouterr().err


def test_the_installed_command_runs_without_qt(tmp_path):
    code = (
        "import sys; from nnstudio.cli import main; status = main(['examples']); "
        "sys.exit(status or any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("flower ")
