"""The way out and back in, for the window: File ▸ Export ▸ PyTorch script and ONNX model, and
opening an ``.onnx`` network with the data set in use.

Writing and reading happen in :mod:`nnstudio.interop`; here are the file dialogs and the
messages. When the optional ``onnx`` package is missing, the ONNX entries say how to install it
(``pip install "nnstudio[export]"``) instead of failing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...files import ModelFileError
from ...interop import (
    INSTALL_HINT,
    ExportPlan,
    OnnxImportError,
    OnnxMissingError,
    export_onnx,
    export_pytorch_script,
    onnx_available,
    plan_for,
    read_onnx,
    with_data,
)
from ...session import Session
from ...session_files import apply_model_file, session_hyperparameters

ONNX_SUFFIX = ".onnx"


def session_plan(session: Session) -> ExportPlan:
    """What the session's model is: its network, standardisation, input features, names and
    training settings."""
    data = session.dataset
    return plan_for(
        session.network,
        session.prepared.standardizer,
        session.feature_choice,
        data.feature_names,
        data.class_names,
        session_hyperparameters(session),
    )


def onnx_missing_text() -> str:
    return QCoreApplication.translate(
        "MovingOn",
        "Writing and opening ONNX files needs the onnx package, which is not installed. "
        "Install it with\n\n    {command}\n\nthen start NN Studio again.",
    ).format(command=INSTALL_HINT)


def explain_missing_onnx(parent: QWidget | None) -> None:
    QMessageBox.information(
        parent,
        QCoreApplication.translate("MovingOn", "ONNX needs one more package"),
        onnx_missing_text(),
    )


def _ask(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(path) if path else None


def _complain(parent: QWidget | None, error: Exception) -> None:
    reason = getattr(error, "strerror", None) or str(error)
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("MovingOn", "Export failed"),
        QCoreApplication.translate(
            "MovingOn",
            "The model could not be exported: {reason}. Choose another folder or file name.",
        ).format(reason=reason),
    )


def save_pytorch_dialog(parent: QWidget | None, session: Session) -> Path | None:
    """Ask for a .py file name; write the PyTorch script there and its weights beside it."""
    path = _ask(
        parent,
        QCoreApplication.translate("MovingOn", "Export as PyTorch script"),
        "model_torch.py",
        QCoreApplication.translate("MovingOn", "Python script (*.py)"),
    )
    if path is None:
        return None
    try:
        return export_pytorch_script(session_plan(session), path)[0]
    except (OSError, ValueError) as exc:
        _complain(parent, exc)
        return None


def save_onnx_dialog(parent: QWidget | None, session: Session) -> Path | None:
    """Ask for a .onnx file name and write the ONNX model there; without the onnx package,
    say how to install it."""
    if not onnx_available():
        explain_missing_onnx(parent)
        return None
    path = _ask(
        parent,
        QCoreApplication.translate("MovingOn", "Export as ONNX model"),
        "model.onnx",
        QCoreApplication.translate("MovingOn", "ONNX model (*.onnx)"),
    )
    if path is None:
        return None
    try:
        return export_onnx(session_plan(session), path)
    except (OSError, ValueError) as exc:
        _complain(parent, exc)
        return None


def open_onnx(parent: QWidget | None, session: Session, path: Path) -> str | None:
    """Open the ONNX network at ``path`` with the session's data set; return the status text
    to show, or None after telling the learner why it cannot be opened (the current model is
    kept)."""
    try:
        model = with_data(read_onnx(path), session.dataset, session_hyperparameters(session))
        apply_model_file(session, model)
    except OnnxMissingError:
        explain_missing_onnx(parent)
        return None
    except (OnnxImportError, ModelFileError) as exc:
        reason = str(exc)
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("MovingOn", "Cannot open {file}").format(file=path.name),
            QCoreApplication.translate(
                "MovingOn", "Cannot open “{file}”: {reason}.\n\nThe current model was kept."
            ).format(file=path.name, reason=reason.rstrip(".")),
        )
        return None
    return QCoreApplication.translate(
        "MovingOn", "Opened the network in {file} with the data set {data}."
    ).format(file=path.name, data=session.dataset.name)
