"""Train ▸ Gradient check: back propagation against the numerical gradient, layer by layer.

The engine nudges every parameter θ by ±ε and compares (J(θ + ε) − J(θ − ε)) / 2ε with what
back propagation computed. That is two forward passes per parameter, so the check is for small
networks: above :data:`MAX_PARAMETERS` parameters (or with many samples) the dialog offers to
check on a :data:`SUBSET` -sample subset instead, and above :data:`HARD_LIMIT` it declines.
The check runs in a worker thread on a float64 copy of the network, so the window stays
responsive and the learner's network is never touched.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...engine import GradientCheck, Network, gradient_check

MAX_PARAMETERS = 2000
MAX_SAMPLES = 2000
SUBSET = 32
HARD_LIMIT = 20000
PASS_THRESHOLD = 1e-7
CLOSE_THRESHOLD = 1e-4


def float64_copy(net: Network) -> Network:
    """The network in float64: with ε = 1e-7 a float32 cost cannot show the difference."""
    spec = net.spec.replace(dtype="float64", loss=net.spec.loss)
    return Network.from_spec(spec, {k: v.astype(np.float64) for k, v in net.params.items()})


def subset_columns(m: int, size: int = SUBSET, seed: int = 0) -> np.ndarray:
    """``size`` sample columns out of m, chosen reproducibly, in their original order."""
    if m <= size:
        return np.arange(m)
    return np.sort(np.random.RandomState(seed).choice(m, size, replace=False))


class GradientCheckThread(QThread):
    """Runs ``gradient_check`` on its own copy of the network; emits ``done(result)`` or
    ``failed(message)``."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, net: Network, X: np.ndarray, Y: np.ndarray, parent=None) -> None:
        super().__init__(parent)
        self.net, self.X, self.Y = net, X, Y

    def run(self) -> None:
        try:
            with np.errstate(all="ignore"):
                result = gradient_check(self.net, self.X, self.Y)
        except (ValueError, FloatingPointError, MemoryError) as exc:
            self.failed.emit(str(exc))
            return
        self.done.emit(result)


class GradientCheckDialog(QDialog):
    """Shows the relative difference per layer and a plain verdict.

    ``GradientCheckDialog(net, X, Y, parent)`` snapshots the network and data; ``start()``
    (called by ``exec``/``open`` through ``showEvent``) runs the check when the network is small
    enough, otherwise explains why not and offers the subset. ``checkFinished(result)`` is
    emitted with the engine's ``GradientCheck``.
    """

    checkFinished = Signal(object)

    def __init__(
        self, net: Network, X: np.ndarray, Y: np.ndarray, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gradientCheckDialog")
        self.setWindowTitle(self.tr("Gradient check"))
        self.net = float64_copy(net)
        self.X = np.array(self.net.as_input(X), copy=True)
        self.Y = np.array(self.net.as_labels(Y), copy=True)
        self.check: GradientCheck | None = None
        self.on_subset = False
        self._thread: GradientCheckThread | None = None
        self._started = False

        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "For every parameter θ the numerical gradient is (J(θ + ε) − J(θ − ε)) / 2ε. "
                "The relative difference ‖dθ_backprop − dθ_numeric‖ / (‖dθ_backprop‖ + "
                "‖dθ_numeric‖) is below 10⁻⁷ when back propagation is right."
            ),
            self,
        )
        intro.setObjectName("gradCheckIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.size_label = QLabel(self)
        self.size_label.setObjectName("gradCheckSize")
        self.size_label.setWordWrap(True)
        layout.addWidget(self.size_label)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("gradCheckTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Layer"), self.tr("Parameters"), self.tr("Relative difference")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setToolTip(
            self.tr(
                "The difference over the weights W[l] and biases b[l] of each layer. A bug in one "
                "layer's back propagation shows up as a large difference in that layer and the "
                "layers before it, since their gradients are computed from it."
            )
        )
        layout.addWidget(self.table)
        self.overall_label = QLabel(self)
        self.overall_label.setObjectName("gradCheckOverall")
        layout.addWidget(self.overall_label)
        self.verdict_label = QLabel(self)
        self.verdict_label.setObjectName("gradCheckVerdict")
        self.verdict_label.setWordWrap(True)
        font = QFont(self.verdict_label.font())
        font.setBold(True)
        self.verdict_label.setFont(font)
        layout.addWidget(self.verdict_label)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("gradCheckProgress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)

        buttons = QHBoxLayout()
        self.subset_button = QPushButton(self.tr("Check on {n} samples").format(n=SUBSET), self)
        self.subset_button.setObjectName("gradCheckSubsetButton")
        self.subset_button.setToolTip(
            self.tr(
                "Back propagation is either right or wrong whatever the data: a few samples are "
                "enough to test it, and make the check much faster."
            )
        )
        self.subset_button.clicked.connect(self.start_subset)
        self.subset_button.setVisible(False)
        buttons.addWidget(self.subset_button)
        self.run_button = QPushButton(self.tr("Check again"), self)
        self.run_button.setObjectName("gradCheckRunButton")
        self.run_button.setToolTip(self.tr("Run the numerical check again."))
        self.run_button.clicked.connect(self.start)
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.setObjectName("gradCheckButtons")
        box.rejected.connect(self.reject)
        buttons.addWidget(box)
        layout.addLayout(buttons)
        self.resize(560, 420)
        self._describe_size()

    # -- deciding what to check ------------------------------------------------------------------
    @property
    def parameter_count(self) -> int:
        return self.net.spec.parameter_count()

    @property
    def m(self) -> int:
        return int(self.X.shape[1])

    def too_large(self) -> bool:
        return self.parameter_count > HARD_LIMIT

    def needs_subset(self) -> bool:
        return self.parameter_count > MAX_PARAMETERS or self.m > MAX_SAMPLES

    def _describe_size(self) -> None:
        P, m = self.parameter_count, self.m
        self.size_label.setText(
            self.tr("{P} parameters, {m} samples: {passes} forward passes.").format(
                P=f"{P:,}", m=f"{m:,}", passes=f"{2 * P:,}"
            )
        )

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._started:
            self.start()

    def start(self) -> None:
        """Check on all the data if the network is small enough; otherwise say why not."""
        self._started = True
        if self.too_large():
            self._refuse(
                self.tr(
                    "The gradient check is for small networks. This one has {P} parameters, and "
                    "the check runs two forward passes for each of them. Build a small copy of "
                    "your network (say 2–3 layers of a few units) to test back propagation, then "
                    "train the large one."
                ).format(P=f"{self.parameter_count:,}")
            )
            return
        if self.needs_subset():
            self._refuse(
                self.tr(
                    "The gradient check is for small networks: with {P} parameters and {m} "
                    "samples it would take a long time. Check on {n} samples instead — that is "
                    "enough to tell whether back propagation is right."
                ).format(P=f"{self.parameter_count:,}", m=f"{self.m:,}", n=SUBSET),
                offer_subset=True,
            )
            return
        self._run(self.X, self.Y, subset=False)

    def start_subset(self) -> None:
        if self.too_large():
            return
        columns = subset_columns(self.m)
        self._run(self.X[:, columns], self.Y[:, columns], subset=True)

    def _refuse(self, message: str, offer_subset: bool = False) -> None:
        self.verdict_label.setText(message)
        self.subset_button.setVisible(offer_subset)
        self.run_button.setVisible(False)

    def _run(self, X: np.ndarray, Y: np.ndarray, subset: bool) -> None:
        if self._thread is not None:
            return
        self.on_subset = subset
        self.table.setRowCount(0)
        self.overall_label.clear()
        self.verdict_label.setText(self.tr("Checking…"))
        self.progress.setVisible(True)
        self.run_button.setEnabled(False)
        self.subset_button.setEnabled(False)
        thread = GradientCheckThread(self.net.copy(), X, Y, self)
        thread.done.connect(self._finished)
        thread.failed.connect(self._failed)
        thread.finished.connect(self._thread_ended)
        self._thread = thread
        thread.start()

    def _thread_ended(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.deleteLater()
        self.progress.setVisible(False)
        self.run_button.setEnabled(True)
        self.subset_button.setEnabled(True)

    def _failed(self, message: str) -> None:
        self.verdict_label.setText(
            self.tr("The check could not run: {error}").format(error=message)
        )

    # -- showing the result ----------------------------------------------------------------------
    def verdict(self, result: GradientCheck) -> str:
        text = self._difference_verdict(result)
        if result.dropout_off:
            text += " " + self.tr(
                "The check ran with dropout off, as the course does: a new random mask at "
                "every evaluation of J would make the numerical gradient meaningless."
            )
        return text

    def _difference_verdict(self, result: GradientCheck) -> str:
        if result.difference < PASS_THRESHOLD:
            return self.tr("✓ Back propagation is correct: it agrees with the numerical gradient.")
        if result.difference < CLOSE_THRESHOLD:
            return self.tr(
                "≈ Close, but not exact. With ReLU or leaky ReLU this can happen when some z is "
                "within ε of 0, where the function has a kink; otherwise look for a small error."
            )
        return self.tr(
            "✗ Back propagation disagrees with the numerical gradient: there is a bug in the "
            "gradients of the layers marked ✗."
        )

    def _finished(self, result: GradientCheck) -> None:
        self.check = result
        dims = self.net.layer_dims
        self.table.setRowCount(len(result.per_layer))
        for row, (l, difference) in enumerate(sorted(result.per_layer.items())):
            mark = (
                "✓"
                if difference < PASS_THRESHOLD
                else ("≈" if difference < CLOSE_THRESHOLD else "✗")
            )
            cells = [
                self.tr("{mark} layer {l}").format(mark=mark, l=l),
                f"{dims[l] * dims[l - 1] + dims[l]:,}",
                _scientific(difference),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if self.on_subset:
            where = self.tr("on {n} samples").format(n=min(SUBSET, self.m))
        else:
            where = self.tr("on all {m} samples").format(m=self.m)
        self.overall_label.setText(
            self.tr("Overall relative difference {where}: {d}").format(
                where=where, d=_scientific(result.difference)
            )
        )
        self.verdict_label.setText(self.verdict(result))
        self.run_button.setVisible(True)
        self.checkFinished.emit(result)

    def done(self, code: int) -> None:  # closing waits for a running check to end
        if self._thread is not None:
            self._thread.wait()
        super().done(code)


def _scientific(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    return f"{value:.2e}"
