"""File ▸ Export: plots as PNG or SVG, histories and runs as CSV, the network as a NumPy script.

Each ``write_*`` / ``export_*`` function does the work without asking anything; each
``*_dialog`` function asks for a file name with a ``QFileDialog``, writes the file and tells the
learner in plain words if the disk refuses. They return the path written, or None.
"""

from __future__ import annotations

import csv
import math
import numbers
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsScene, QMessageBox, QWidget

from ...engine import Network
from ...learn import RunStore, export_numpy_script
from ...training_run import NORM_PREFIX

HISTORY_COLUMNS = ("step", "cost", "val_cost", "accuracy", "val_accuracy")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")


# -- plots ---------------------------------------------------------------------------------------
def _plot_item(plot: Any) -> Any:
    """What pyqtgraph's exporters take: a PlotItem or a scene."""
    if hasattr(plot, "getPlotItem"):
        return plot.getPlotItem()
    if isinstance(plot, pg.GraphicsView):  # a GraphicsLayoutWidget: the whole scene
        return plot.scene()
    return plot


def export_plot(plot: Any, path: str | os.PathLike[str], width: int | None = None) -> Path:
    """Write a PlotWidget (or PlotItem, or GraphicsLayoutWidget) as PNG or SVG by suffix."""
    target = Path(path)
    suffix = target.suffix.lower()
    item = _plot_item(plot)
    if suffix == ".svg":
        try:
            pyqtgraph.exporters.SVGExporter(item).export(str(target))
        except ValueError:
            # pyqtgraph 0.14's SVG exporter cannot parse the closing "Z" that recent Qt versions
            # write into paths (pyqtgraph issue #3485); let Qt write the SVG itself.
            _qt_svg(item, target)
    elif suffix in IMAGE_SUFFIXES:
        exporter = pyqtgraph.exporters.ImageExporter(item)
        if width is not None:
            exporter.parameters()["width"] = int(width)
        exporter.export(str(target))
    else:
        raise ValueError(QCoreApplication.translate("Export", "Save the plot as .png or .svg."))
    if not target.exists() or target.stat().st_size == 0:
        raise OSError(
            QCoreApplication.translate("Export", "the plot could not be written to {path}").format(
                path=target
            )
        )
    return target


def _qt_svg(item: Any, target: Path) -> None:
    """Render a PlotItem (or a whole scene) with Qt's own SVG generator."""
    scene = item if isinstance(item, QGraphicsScene) else item.scene()
    source = scene.sceneRect() if item is scene else item.sceneBoundingRect()
    generator = QSvgGenerator()
    generator.setFileName(str(target))
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(target.stem)
    generator.setDescription(QCoreApplication.translate("Export", "A plot exported from NN Studio"))
    painter = QPainter(generator)
    try:
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()


# -- histories -----------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        return repr(number) if math.isfinite(number) else ""
    return str(value)


def history_rows(history: Any) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of a ``History`` (or a mapping of series, as the model file stores them):
    one row per record, with the ‖dW[l]‖ columns norm_dW1 … norm_dWL when the history has
    gradient norms. The same series the history, the model file and the views hold."""
    series: dict[str, Sequence[Any]] = dict(
        history.to_dict() if hasattr(history, "to_dict") else history
    )
    norms = series.pop("grad_norms", None)  # a mapping with rows of norms instead of columns
    if norms and not any(str(c).startswith(NORM_PREFIX) for c in series):
        L = max((len(row) for row in norms), default=0)
        for l in range(1, L + 1):
            series[f"{NORM_PREFIX}{l}"] = [row[l - 1] if len(row) >= l else None for row in norms]
    columns = [c for c in HISTORY_COLUMNS if c in series]
    columns += [c for c in series if c not in HISTORY_COLUMNS]
    n = max((len(series[c]) for c in columns), default=0)
    rows = [[_cell(series[c][i]) if i < len(series[c]) else "" for c in columns] for i in range(n)]
    return columns, rows


def write_history_csv(history: Any, path: str | os.PathLike[str]) -> Path:
    """A training history as CSV: step, cost, val_cost, accuracy, val_accuracy, norm_dW1, …"""
    header, rows = history_rows(history)
    target = Path(path)
    with open(target, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return target


def write_runs_csv(store: RunStore, path: str | os.PathLike[str]) -> Path:
    """All kept runs in one CSV, one row per run and iteration, the run's name first."""
    target = Path(path)
    with open(target, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["run", *HISTORY_COLUMNS])
        for run in store:
            header, rows = history_rows(run.history)
            for row in rows:
                values = dict(zip(header, row, strict=False))
                writer.writerow([run.name, *(values.get(c, "") for c in HISTORY_COLUMNS)])
    return target


# -- dialogs ---------------------------------------------------------------------------------------
def _ask(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(path) if path else None


def _complain(parent: QWidget | None, what: str, error: Exception) -> None:
    reason = getattr(error, "strerror", None) or str(error)
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("Export", "Export failed"),
        QCoreApplication.translate(
            "Export", "{what} could not be saved: {reason}. Choose another folder or file name."
        ).format(what=what, reason=reason),
    )


def _save(
    parent: QWidget | None,
    title: str,
    suggested: str,
    filters: str,
    what: str,
    write: Callable[[Path], Path],
    errors: tuple[type[Exception], ...] = (OSError,),
) -> Path | None:
    """Ask for a file name, then ``write(path)``; a failure is shown, not raised."""
    path = _ask(parent, title, suggested, filters)
    if path is None:
        return None
    try:
        return write(path)
    except errors as exc:
        _complain(parent, what, exc)
        return None


def save_plot_dialog(parent: QWidget | None, plot: Any, suggested: str = "plot.png") -> Path | None:
    """Ask for a .png or .svg file name and export the plot there."""

    def write(path: Path) -> Path:
        if path.suffix.lower() not in (".svg", *IMAGE_SUFFIXES):
            path = path.with_suffix(".png")
        return export_plot(plot, path)

    return _save(
        parent,
        QCoreApplication.translate("Export", "Export plot"),
        suggested,
        QCoreApplication.translate("Export", "PNG image (*.png);;SVG drawing (*.svg)"),
        QCoreApplication.translate("Export", "The plot"),
        write,
        (OSError, ValueError),
    )


def save_history_dialog(
    parent: QWidget | None, history: Any, suggested: str = "history.csv"
) -> Path | None:
    return _save(
        parent,
        QCoreApplication.translate("Export", "Export training history"),
        suggested,
        QCoreApplication.translate("Export", "CSV file (*.csv)"),
        QCoreApplication.translate("Export", "The history"),
        lambda path: write_history_csv(history, path.with_suffix(".csv")),
    )


def save_runs_dialog(
    parent: QWidget | None, store: RunStore, suggested: str = "runs.csv"
) -> Path | None:
    return _save(
        parent,
        QCoreApplication.translate("Export", "Export runs"),
        suggested,
        QCoreApplication.translate("Export", "CSV file (*.csv)"),
        QCoreApplication.translate("Export", "The runs"),
        lambda path: write_runs_csv(store, path.with_suffix(".csv")),
    )


def save_script_dialog(
    parent: QWidget | None,
    net: Network,
    standardizer: Any = None,
    class_names: Sequence[str] | None = None,
    features: Sequence[str] | None = None,
    suggested: str = "model.py",
) -> Path | None:
    """Ask for a .py file name; write the script there and the weights beside it (.npz)."""
    return _save(
        parent,
        QCoreApplication.translate("Export", "Export as NumPy script"),
        suggested,
        QCoreApplication.translate("Export", "Python script (*.py)"),
        QCoreApplication.translate("Export", "The script"),
        lambda path: export_numpy_script(net, path, standardizer, class_names, features)[0],
        (OSError, ValueError),
    )
