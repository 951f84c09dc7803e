"""``nnstudio-cli export``: the files it writes compute what ``nnstudio-cli predict`` prints."""

from __future__ import annotations

import io
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np
import pytest
from interop_cases import assert_same_predictions, save_batch_norm_model, write_inputs_csv

from nnstudio.cli import main
from nnstudio.files import load_model


def predict_csv(model: Path, data: Path) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["predict", str(model), str(data)]) == 0
    return out.getvalue()


def inputs_of(model_path: Path, tmp_path: Path) -> Path:
    """The model's own data set (the raw inputs) as a CSV file with a header."""
    model = load_model(model_path)
    data = model.dataset
    return write_inputs_csv(tmp_path / "inputs.csv", tuple(data.feature_names), data.X)


def onnx_predictions(onnx_path: Path, model_path: Path, data: Path) -> str:
    """What the ONNX model predicts for ``data``, written as ``nnstudio-cli predict`` writes it."""
    ort = pytest.importorskip("onnxruntime", reason="onnxruntime is not installed")
    model = load_model(model_path)
    X = model.dataset.X
    session = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    dtype = np.dtype(model.network.spec.dtype)
    (Y,) = session.run(None, {"X": np.ascontiguousarray(X.T, dtype=dtype)})
    names = list(model.dataset.class_names)
    out = model.network.activations[-1]
    lines = []
    if out == "softmax":
        lines.append(",".join(["prediction", *[f"p({n})" for n in names]]))
        lines += [",".join([names[int(row.argmax())], *[f"{p:.6g}" for p in row]]) for row in Y]
    elif out == "sigmoid":
        lines.append(f"prediction,p({names[1]})")
        lines += [f"{names[int(row[0] > 0.5)]},{row[0]:.6g}" for row in Y]
    else:
        lines.append("prediction")
        lines += [f"{row[0]:.10g}" for row in Y]
    return "\n".join(lines) + "\n"


def test_onnx_export_of_every_example_predicts_as_the_command_line(example_path, tmp_path):
    pytest.importorskip("onnx", reason="onnx is not installed (pip install 'nnstudio[export]')")
    data = inputs_of(example_path, tmp_path)
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["export", str(example_path), "--format", "onnx", "-o", str(tmp_path / "n")])
    assert status == 0
    assert "n.onnx" in out.getvalue()
    got = onnx_predictions(tmp_path / "n.onnx", example_path, data)
    assert_same_predictions(predict_csv(example_path, data), got, 1e-5)


@pytest.mark.parametrize("example", ["flower", "blobs-softmax", "sine-regression"])
def test_onnx_export_of_a_batch_normalised_model_predicts_as_the_command_line(example, tmp_path):
    pytest.importorskip("onnx", reason="onnx is not installed (pip install 'nnstudio[export]')")
    examples = Path(__file__).resolve().parents[2] / "resources" / "examples"
    path = save_batch_norm_model(tmp_path, examples / f"{example}.nnstudio")
    data = inputs_of(path, tmp_path)
    assert main(["export", str(path), "--format", "onnx", "-o", str(tmp_path / "n")]) == 0
    got = onnx_predictions(tmp_path / "n.onnx", path, data)
    assert_same_predictions(predict_csv(path, data), got, 1e-5)


def test_numpy_export_writes_the_existing_script(example_path, tmp_path):
    assert main(["export", str(example_path), "--format", "numpy", "-o", str(tmp_path / "s")]) == 0
    script = (tmp_path / "s.py").read_text(encoding="utf-8")
    assert "Needs only NumPy." in script
    assert (tmp_path / "s.npz").is_file()


def test_a_folder_as_output_is_refused_with_a_file_name_to_use(example_path, tmp_path, capsys):
    status = main(["export", str(example_path), "--format", "onnx", "-o", str(tmp_path)])
    assert status == 2
    assert "is a folder; give a file name" in capsys.readouterr().err


def test_without_onnx_the_error_says_how_to_install_it(example_path, tmp_path):
    # a fresh interpreter in which importing onnx fails, as on a machine without the extra
    code = (
        "import sys; sys.modules['onnx'] = None\n"
        "from nnstudio.cli import main\n"
        f"sys.exit(main(['export', {str(example_path)!r}, '--format', 'onnx', "
        f"'-o', {str(tmp_path / 'x')!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 2
    assert 'pip install "nnstudio[export]"' in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.onnx").exists()
