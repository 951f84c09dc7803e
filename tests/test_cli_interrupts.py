"""nnstudio-cli never loses work and never prints a traceback: Ctrl+C, SIGTERM, closed pipes,
unwritable or empty --out, long names, and the engine's refusals."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnstudio import cli, cli_train
from nnstudio.cli import main
from nnstudio.cli_train import interrupts, terminate_cleanly
from nnstudio.data import make_dataset
from nnstudio.engine import Network, TrainingControl, TrainingData
from nnstudio.files import load_model, save_model
from nnstudio.files import save as save_module
from nnstudio.files.errors import SaveError
from nnstudio.session import Session

POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
HYPER = {"learning_rate": 0.1, "epochs": 40, "batch_size": 0, "optimizer": "gd"}


def small_model(folder: Path, name: str = "flower.nnstudio") -> Path:
    data = make_dataset("flower", samples=200)
    net = Network([2, 4, 1], ["tanh", "sigmoid"], seed=2)
    return save_model(folder / name, net, dataset=data, hyperparameters=HYPER)


def slow_model(folder: Path) -> Path:
    """Full-batch steps of a fraction of a second each: 100 epochs take half a minute or more,
    and the first progress line comes after ten of them."""
    data = make_dataset("flower", samples=20_000)
    net = Network([2, 256, 256, 256, 1], ["relu", "relu", "relu", "sigmoid"], init="he", seed=1)
    hyper = dict(HYPER, epochs=100, learning_rate=0.01)
    return save_model(folder / "slow.nnstudio", net, dataset=data, hyperparameters=hyper)


def start_training(model: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "nnstudio.cli", "train", str(model), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_progress(process: subprocess.Popen[str]) -> list[str]:
    """The lines printed up to and including the first progress line."""
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.strip().startswith("iteration"):
            return lines
    pytest.fail(f"no progress line: {lines} {process.communicate()}")


@POSIX
def test_ctrl_c_stops_saves_the_training_so_far_and_exits_130(tmp_path):
    model = slow_model(tmp_path)
    before = load_model(model).network
    process = start_training(model)
    wait_for_progress(process)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "interrupted at iteration" in err
    saved = load_model(model)
    steps = saved.history["step"]
    assert 10 <= steps[-1] < 100  # after the progress line, before the end
    assert saved.network != before  # what was learnt is in the file
    assert f"interrupted at iteration {steps[-1]} of 100" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow.nnstudio"]
    # and training goes on from there, numbered after the interrupted run
    assert main(["train", str(model), "--epochs", "1"]) == 0
    assert load_model(model).history["step"][-1] == steps[-1] + 1


@POSIX
def test_a_second_ctrl_c_raises_at_once_while_the_first_only_asks_to_stop():
    control = TrainingControl()
    before = signal.getsignal(signal.SIGINT)
    # raise_signal runs the handler before it returns; os.kill may hand the signal to another
    # thread (the suite has timer and Qt threads), and the handler would then run a little later
    with interrupts(control):
        signal.raise_signal(signal.SIGINT)
        assert control.stop_requested
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is before


@POSIX
def test_a_second_ctrl_c_quits_without_a_traceback_or_a_broken_file(tmp_path):
    model = slow_model(tmp_path)
    original = model.read_bytes()
    process = start_training(model)
    wait_for_progress(process)
    process.send_signal(signal.SIGINT)
    assert process.stderr is not None
    assert "stopping after this update" in process.stderr.readline()
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130 and "Traceback" not in err
    # quit before the save ended (the file as it was) or after it (the interrupted run)
    if "nothing was saved" in err:
        assert model.read_bytes() == original
    else:
        assert 10 <= load_model(model).history["step"][-1] < 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow.nnstudio"]


@POSIX
def test_sigterm_quits_with_143_and_leaves_no_temporary_file(tmp_path):
    model = slow_model(tmp_path)
    original = model.read_bytes()
    process = start_training(model)
    wait_for_progress(process)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 143 and "Traceback" not in err
    assert model.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slow.nnstudio"]


@POSIX
def test_sigterm_in_the_middle_of_a_save_removes_the_temporary_file(tmp_path, monkeypatch):
    model = small_model(tmp_path)
    original = model.read_bytes()
    real, calls = save_module.npy_bytes, []

    def terminated_while_writing(array: np.ndarray) -> bytes:
        calls.append(1)
        if len(calls) == 2:  # the temporary file exists and holds part of the model
            assert any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
            signal.raise_signal(signal.SIGTERM)  # handled before it returns
        return real(array)

    monkeypatch.setattr(save_module, "npy_bytes", terminated_while_writing)
    with pytest.raises(SystemExit) as caught, terminate_cleanly():
        save_model(model, Network([2, 4, 1], ["tanh", "sigmoid"], seed=9))
    assert caught.value.code == 143
    assert model.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["flower.nnstudio"]


# -- where the trained model goes ---------------------------------------------------------------
def test_an_empty_out_is_refused_instead_of_overwriting_the_model(tmp_path, capsys):
    model = small_model(tmp_path)
    original = model.read_bytes()
    assert main(["train", str(model), "--out", ""]) == 2
    assert "needs a file name" in capsys.readouterr().err
    assert model.read_bytes() == original


def test_an_out_in_a_missing_folder_is_refused_before_training(tmp_path, capsys):
    model = small_model(tmp_path)
    assert main(["train", str(model), "--out", str(tmp_path / "no" / "x.nnstudio")]) == 2
    out, err = capsys.readouterr()
    assert "does not exist" in err and "iteration" not in out


def test_a_name_no_file_system_takes_is_refused_before_training(tmp_path, capsys):
    model = small_model(tmp_path)
    too_long = tmp_path / ("x" * 300 + ".nnstudio")
    assert main(["train", str(model), "--out", str(too_long)]) == 2
    out, err = capsys.readouterr()
    assert "File name too long" in err and "iteration" not in out


def test_a_failed_save_keeps_the_training_beside_the_model_and_says_so(
    tmp_path, capsys, monkeypatch
):
    model = small_model(tmp_path)
    target = tmp_path / "out.nnstudio"
    real = cli_train.save_session

    def disk_full_for_the_target(session: Session, path: Path) -> Path:
        if Path(path) == target:
            raise SaveError("could not save out.nnstudio: No space left on device", path)
        return real(session, path)

    monkeypatch.setattr(cli_train, "save_session", disk_full_for_the_target)
    assert main(["train", str(model), "--out", str(target)]) == 2
    _, err = capsys.readouterr()
    kept = tmp_path / "flower-trained.nnstudio"
    assert f"could not save to {target}: could not save out.nnstudio: No space left" in err
    assert f"saved the trained model to {kept} instead" in err
    assert load_model(kept).history["step"][-1] == 40
    assert "Traceback" not in err


def test_the_longest_name_the_file_system_takes_is_saved(tmp_path, capsys):
    model = small_model(tmp_path)
    name = "m" * 246 + ".nnstudio"  # 255 bytes
    assert main(["train", str(model), "--out", str(tmp_path / name)]) == 0
    assert load_model(tmp_path / name).history["step"][-1] == 40
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "flower.nnstudio"])


# -- output that nobody reads --------------------------------------------------------------------
@POSIX
def test_a_closed_pipe_gives_no_traceback(tmp_path):
    model = small_model(tmp_path)
    rows = "\n".join(f"{i % 7 / 7:.3f},{i % 5 / 5:.3f}" for i in range(200_000))
    data = tmp_path / "many.csv"
    data.write_text("x1,x2\n" + rows + "\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "nnstudio.cli", "predict", str(model), str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().startswith(b"prediction")
    process.stdout.close()  # as `| head -1` does
    err = process.stderr.read().decode()
    process.stderr.close()
    process.wait(timeout=120)
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert process.returncode == 141


@POSIX
def test_training_whose_progress_nobody_reads_is_still_saved(tmp_path):
    model = small_model(tmp_path)
    process = start_training(model, "--epochs", "3000")
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    process.wait(timeout=120)
    assert process.returncode == 0 and "Traceback" not in err
    assert load_model(model).history["step"][-1] == 3000


# -- messages --------------------------------------------------------------------------------------
def test_the_row_limit_message_matches_the_limit(tmp_path, capsys, monkeypatch):
    model = small_model(tmp_path)
    monkeypatch.setattr(cli, "MAX_PREDICT_ROWS", 5)
    data = tmp_path / "five.csv"
    data.write_text("x1,x2\n" + "0.1,0.2\n" * 5)
    assert main(["predict", str(model), str(data)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 6
    data.write_text("x1,x2\n" + "0.1,0.2\n" * 6)
    assert main(["predict", str(model), str(data)]) == 2
    assert "more than 5 rows" in capsys.readouterr().err


def test_info_on_a_folder_names_the_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["info", "."]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nnstudio-cli: .: cannot read .: it is a folder")


def test_data_the_network_cannot_train_on_is_one_line_with_status_2(tmp_path, capsys, monkeypatch):
    model = small_model(tmp_path)
    original = model.read_bytes()
    real = Session.training_data

    def with_a_hole(session: Session) -> TrainingData:
        data = real(session)
        X = data.X.copy()
        X[1, 4] = np.nan
        return TrainingData(X, data.Y)

    monkeypatch.setattr(Session, "training_data", with_a_hole)
    assert main(["train", str(model)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("nnstudio-cli: the data cannot be trained on: X holds 1 values")
    assert "sample 5" in err and len(err.splitlines()) == 1
    assert model.read_bytes() == original


def test_a_run_that_would_not_fit_in_memory_suggests_a_batch_size(tmp_path, capsys, monkeypatch):
    from nnstudio.engine import checks

    model = small_model(tmp_path)
    original = model.read_bytes()
    monkeypatch.setattr(checks, "available_memory", lambda: 40_000)
    assert main(["train", str(model)]) == 2
    err = capsys.readouterr().err
    assert "available" in err and "--batch-size" in err and len(err.splitlines()) == 1
    assert model.read_bytes() == original
    monkeypatch.setattr(checks, "available_memory", lambda: 10**12)
    assert main(["train", str(model), "--batch-size", "16", "--epochs", "1"]) == 0
