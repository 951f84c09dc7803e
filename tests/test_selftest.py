"""``nnstudio --self-test``: every check passes on a working installation, failures show."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from nnstudio import selftest


def test_self_test_passes_headless_and_exits() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "nnstudio", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for name, _check in selftest.CHECKS:
        assert any(line.startswith(f"PASS  {name}:") for line in lines), result.stdout
    assert lines[-1] == f"Self-test passed: all {len(selftest.CHECKS)} checks."


def test_a_failing_check_is_reported_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran = []

    def broken() -> str:
        raise RuntimeError("libsomething.so not found")

    def fine() -> str:
        ran.append("fine")
        return "all good"

    monkeypatch.setattr(selftest, "CHECKS", (("broken", broken), ("fine", fine)))
    out = io.StringIO()
    assert selftest.run_self_test(out) == 1
    text = out.getvalue()
    assert "FAIL  broken: RuntimeError: libsomething.so not found" in text
    assert "PASS  fine: all good" in text
    assert ran == ["fine"]
    assert text.rstrip().endswith("Self-test FAILED: 1 of 2 checks failed.")


def test_engine_training_and_model_file_checks_pass_in_process() -> None:
    assert "gradient check" in selftest.check_engine()
    assert "→" in selftest.check_training()
    assert "saved and loaded" in selftest.check_model_file()
