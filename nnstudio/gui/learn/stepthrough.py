"""Step through one pass: forward, cost, backward and update, one formula at a time.

:class:`StepThroughView` shows the steps :func:`nnstudio.learn.build_steps` computed with the
engine: the formula with this network's real shapes, a sentence on why, and a small heatmap of
every array involved. ``Next ▸`` and ``◂ Back`` move through them; every move emits
``layerHighlighted(l)`` so the network diagram can highlight the layer being computed.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...engine import OPTIMIZERS, Network, NextIteration, Optimizer
from ...learn import Step, build_steps, name_html
from ...session import Session
from ...text import localized, translate
from ...training_run import RunPlan
from ..common.empty_state import EmptyState
from ..common.style import tint
from .heatmap import MatrixHeatmap, shape_text

MAX_HEATMAPS = 8  # the most arrays a step shows (Adam's bias correction and update)


@dataclass(frozen=True)
class PassInputs:
    """What a pass is computed from: ``net`` on X (n0, w) and Y; the update ``optimizer``
    makes next (gradient descent with ``learning_rate`` without one); dropout masks drawn from
    a copy of ``rng`` (None: ``net.rng``); ``note``: which samples these are, for the learner."""

    net: Network
    X: np.ndarray
    Y: np.ndarray
    learning_rate: float | None = None
    optimizer: Optimizer | None = None
    rng: np.random.RandomState | None = None
    note: str = ""


Source = Callable[[], PassInputs]


def session_source(session: Session) -> Source:
    """A source for :meth:`StepThroughView.set_source`: the pass the session's next training
    iteration makes (:func:`~nnstudio.engine.next_iteration` of the session's plan for the next
    run) — its batch (all samples in full batch), its dropout masks, and the optimizer it
    updates with (the settings' kind and options, v, s and t of the kept state when training
    goes on with the same kind of optimizer, and the rate of that epoch after decay)."""

    def source() -> PassInputs:
        plan = session.plan_run()
        net = session.network.copy()  # as the training worker does: its generator is fresh
        it = plan.next_iteration(net)
        return PassInputs(net, it.X, it.Y, None, it.optimizer, it.rng, batch_note(plan, it))

    return source


def batch_note(plan: RunPlan, it: NextIteration) -> str:
    """Which iteration comes next and which samples it trains on, in a sentence or two."""
    m, i = plan.data.m, plan.start_step + 1
    if it.samples is None:
        return translate(
            "StepThroughView",
            "Iteration {i} comes next: it trains on all {m} training samples (full batch). Z, "
            "A and dZ below have one column per sample.",
        ).format(i=i, m=m)
    epoch = plan.start_step // plan.config.steps_per_epoch(m) + 1
    return translate(
        "StepThroughView",
        "Iteration {i} comes next: it trains on a mini-batch of {w} of the {m} training "
        "samples, the first {w} in epoch {epoch}'s shuffled order (a run starts each epoch's "
        "order from its beginning). Z, A and dZ below have one column per sample of that "
        "batch.",
    ).format(i=i, w=len(it.samples), m=m, epoch=epoch)


class StepThroughView(QWidget):
    """One forward and backward pass, a step at a time.

    ``load(net, X, Y, learning_rate, optimizer)`` computes the steps (neither the network nor
    the optimizer is changed; with an optimizer the update steps are its own: momentum's v,
    RMSprop's s, Adam's both and their bias correction); ``set_source(fn)`` gives a function
    returning those values, called by the "Start a pass" button so a learner can restart from
    the current weights. Signals:
    ``layerHighlighted(l)`` (l = 1..L) and ``stepChanged(index)`` on every move.
    """

    layerHighlighted = Signal(int)
    stepChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepThroughView")
        self._steps: list[Step] = []
        self._index = -1
        self._source: Source | None = None

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start a pass"), self)
        self.start_button.setObjectName("startPassButton")
        self.start_button.setToolTip(
            self.tr(
                "Compute the pass the next training iteration makes with the current weights — "
                "on its mini-batch when training uses mini-batches — and go through it step by "
                "step. The network itself is not changed."
            )
        )
        self.start_button.clicked.connect(self.restart)
        top.addWidget(self.start_button)
        self.previous_button = QPushButton(self.tr("◂ Back"), self)
        self.previous_button.setObjectName("previousStepButton")
        self.previous_button.setToolTip(self.tr("Go back one step (Left arrow)."))
        self.previous_button.clicked.connect(self.previous_step)
        top.addWidget(self.previous_button)
        self.next_button = QPushButton(self.tr("Next ▸"), self)
        self.next_button.setObjectName("nextStepButton")
        self.next_button.setToolTip(
            self.tr(
                "Go to the next step (Right arrow): forward through the layers, then the cost, "
                "back propagation from the output to layer 1, and the update."
            )
        )
        self.next_button.clicked.connect(self.next_step)
        top.addWidget(self.next_button)
        self.counter = QLabel(self)
        self.counter.setObjectName("stepCounter")
        top.addWidget(self.counter)
        top.addStretch(1)
        layout.addLayout(top)
        self.batch_note = QLabel(self)
        self.batch_note.setObjectName("stepBatchNote")
        self.batch_note.setWordWrap(True)
        tint(self.batch_note, "note_text")
        self.batch_note.setVisible(False)
        layout.addWidget(self.batch_note)

        self.title = QLabel(self)
        self.title.setObjectName("stepTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.formula = QLabel(self)
        self.formula.setObjectName("stepFormula")
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula.setWordWrap(True)
        font = QFont(self.formula.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.formula.setFont(font)
        self.formula.setToolTip(
            self.tr(
                "The formula of this step with the real shapes of this network: (rows, columns). "
                "In a product A·B the columns of A must equal the rows of B. [l] is the layer; "
                "ᵀ is the transpose; ⊙ multiplies entry by entry."
            )
        )
        layout.addWidget(self.formula)
        self.explanation = QLabel(self)
        self.explanation.setObjectName("stepExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)  # names as the formula writes them
        layout.addWidget(self.explanation)

        strip = QWidget(self)
        self._grid = QGridLayout(strip)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.heatmaps: list[MatrixHeatmap] = []
        for i in range(MAX_HEATMAPS):
            heatmap = MatrixHeatmap(strip, show_stats=False)
            heatmap.setObjectName(f"stepHeatmap{i}")
            heatmap.setVisible(False)
            heatmap.hovered.connect(self._show_value)
            self._grid.addWidget(
                heatmap, 0, i, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            )
            self.heatmaps.append(heatmap)
        scroll = self._scroll = QScrollArea(self)
        scroll.setObjectName("stepArrays")
        scroll.setWidgetResizable(True)
        scroll.setWidget(strip)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(scroll, 1)
        self.empty_state = EmptyState(
            scroll,
            "stepEmptyState",
            self.tr("Press “Start a pass” to see the arrays of every step here"),
        )
        self.value_label = QLabel(self)
        self.value_label.setObjectName("stepValueLabel")
        self.value_label.setToolTip(self.tr("The entry under the mouse pointer."))
        layout.addWidget(self.value_label)
        self.stale_note = QLabel(
            self.tr(
                "The network or the data changed after this pass was computed: press "
                "“Start over” to step through the current one."
            ),
            self,
        )
        self.stale_note.setObjectName("stepStaleNote")
        self.stale_note.setWordWrap(True)
        tint(self.stale_note, "warning_text")
        self.stale_note.setVisible(False)
        layout.addWidget(self.stale_note)
        for key, slot in (
            (Qt.Key.Key_Right, self.next_step),
            (Qt.Key.Key_Left, self.previous_step),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._show()

    # -- steps -----------------------------------------------------------------------------------
    @property
    def steps(self) -> list[Step]:
        return list(self._steps)

    @property
    def index(self) -> int:
        return self._index

    @property
    def current_step(self) -> Step | None:
        return self._steps[self._index] if 0 <= self._index < len(self._steps) else None

    def set_source(self, source: Source | None) -> None:
        self._source = source

    def load(
        self,
        net: Network,
        X: np.ndarray,
        Y: np.ndarray,
        learning_rate: float | None = None,
        optimizer: Optimizer | None = None,
        rng: np.random.RandomState | None = None,
        note: str = "",
    ) -> None:
        """Compute a pass of ``net`` on (X, Y) and show its first step; the update is the one
        ``optimizer`` makes next (gradient descent with ``learning_rate`` without one), the
        dropout masks drawn from a copy of ``rng`` (None: ``net.rng``); ``note`` says which
        samples these are."""
        self.set_steps(build_steps(net, X, Y, learning_rate, optimizer, rng))
        self.batch_note.setText(note)
        self.batch_note.setVisible(bool(note))

    def set_steps(self, steps: Sequence[Step]) -> None:
        self._steps = list(steps)
        self._index = -1
        self.stale_note.setVisible(False)
        if self._steps:
            self.go_to(0)
        else:
            self._show()

    def mark_stale(self) -> None:
        """Say that the shown pass no longer matches the network (connect the session's
        "network", "weights" and "data" events here); the steps stay as they are."""
        if self._steps:
            self.stale_note.setVisible(True)

    def restart(self) -> None:
        """Start again from the current weights (through the source), or from step 1."""
        if self._source is not None:
            try:
                inputs = self._source()
                self.load(
                    inputs.net,
                    inputs.X,
                    inputs.Y,
                    inputs.learning_rate,
                    inputs.optimizer,
                    inputs.rng,
                    inputs.note,
                )
            except ValueError as exc:
                self._steps, self._index = [], -1
                self._show(str(exc))
        elif self._steps:
            self.go_to(0)

    def go_to(self, index: int) -> None:
        if not self._steps:
            return
        index = max(0, min(index, len(self._steps) - 1))
        changed = index != self._index
        self._index = index
        self._show()
        if changed:
            step = self._steps[index]
            self.stepChanged.emit(index)
            self.layerHighlighted.emit(step.layer)

    def next_step(self) -> None:
        self.go_to(self._index + 1)

    def previous_step(self) -> None:
        self.go_to(self._index - 1)

    # -- drawing ---------------------------------------------------------------------------------
    def _title(self, step: Step) -> str:
        l = step.layer
        if step.kind == "forward":
            if step.phase == "dropout":
                return self.tr("Forward propagation, layer {l}: inverted dropout").format(l=l)
            if step.phase == "batch_norm":
                return self.tr("Forward propagation, layer {l}: batch normalisation").format(l=l)
            if step.result_name.startswith("Z"):
                return self.tr("Forward propagation, layer {l}: the linear step").format(l=l)
            return self.tr("Forward propagation, layer {l}: the activation").format(l=l)
        if step.kind == "cost":
            return self.tr("The cost J: how wrong the predictions are")
        if step.kind == "backward":
            return self.tr("Back propagation, layer {l}: {name}").format(l=l, name=step.result_name)
        return self._update_title(step)

    def _update_title(self, step: Step) -> str:
        l, optimizer, phase = step.layer, step.optimizer, step.phase
        if phase == "velocity":
            text = self.tr("{optimizer}, layer {l}: v, the moving average of the gradients")
        elif phase == "squares":
            text = self.tr("{optimizer}, layer {l}: s, the moving average of the squared gradients")
        elif phase == "correction":
            text = self.tr("Adam, layer {l}: bias correction of v and s")
        elif optimizer == "momentum":
            text = self.tr("Momentum update, layer {l}")
        elif optimizer == "rmsprop":
            text = self.tr("RMSprop update, layer {l}")
        elif optimizer == "adam":
            text = self.tr("Adam update, layer {l}")
        else:
            text = self.tr("Gradient descent update, layer {l}")
        entry = OPTIMIZERS.get(optimizer)
        return text.format(l=l, optimizer=localized(entry.label) if entry else optimizer)

    def _show(self, message: str = "") -> None:
        step = self.current_step
        total = len(self._steps)
        self.previous_button.setEnabled(step is not None and self._index > 0)
        self.next_button.setEnabled(step is not None and self._index < total - 1)
        self.start_button.setText(self.tr("Start over") if total else self.tr("Start a pass"))
        self.empty_state.show_when(step is None)
        if step is None:
            self.counter.clear()
            self.title.setText(self.tr("One pass, step by step"))
            self.formula.setText("")
            self.explanation.setText(
                html.escape(message)
                or self.tr(
                    "Press “Start a pass” to compute one forward and one backward pass with the "
                    "current weights, then use Next ▸ to follow every formula layer by layer."
                )
            )
            for heatmap in self.heatmaps:
                heatmap.setVisible(False)
            return
        self.counter.setText(self.tr("Step {i} of {n}").format(i=self._index + 1, n=total))
        self.title.setText(self._title(step))
        self.formula.setText(step.formula_html)
        self.explanation.setText(step.explanation_html)
        self.value_label.clear()
        items = list(step.arrays.items())[: len(self.heatmaps)]
        results = step.results
        for heatmap, (name, array) in zip(self.heatmaps, items, strict=False):
            caption = f"<b>{self._shown_name_html(name)}</b> {shape_text(array.shape)}"
            if name in results:
                caption = "= " + caption
            heatmap.set_array(name, array, caption)
            heatmap.setVisible(True)
        for heatmap in self.heatmaps[len(items) :]:
            heatmap.setVisible(False)
        self._arrange()

    def _arrange(self) -> None:
        """Place the step's heatmaps in rows: the rows the step asks for (an update step puts
        W's arrays above b's), and a new row wherever the next one would not fit the width."""
        step = self.current_step
        if step is None:
            return
        count = min(len(step.arrays), len(self.heatmaps))
        room = max(self._scroll.viewport().width(), 300)
        spacing = self._grid.horizontalSpacing()
        row = column = used = 0
        for i, heatmap in enumerate(self.heatmaps[:count]):
            width = heatmap.minimumWidth()
            starts_group = step.columns and i and i % step.columns == 0
            if column and (starts_group or used + spacing + width > room):
                row, column, used = row + 1, 0, 0
            self._grid.removeWidget(heatmap)
            self._grid.addWidget(
                heatmap, row, column, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            )
            used += width + (spacing if column else 0)
            column += 1

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def shown_arrays(self) -> dict[str, np.ndarray]:
        """The arrays the heatmaps show now, by name (for tests and the guide)."""
        return {h.name: h.array for h in self.heatmaps if not h.isHidden() and h.array is not None}

    def _shown_name_html(self, name: str) -> str:
        if name.startswith("new "):
            return self.tr("new {name}").format(name=name_html(name.removeprefix("new ")))
        return name_html(name)

    def _shown_name(self, name: str) -> str:
        """An array's name as shown: "new W[2]" (the update's result) in the interface language."""
        if name.startswith("new "):
            return self.tr("new {name}").format(name=name.removeprefix("new "))
        return name

    def _show_value(self, name: str, row: int, col: int, value: float) -> None:
        self.value_label.setText(
            self.tr("{name}: row {row}, column {col} = {value}").format(
                name=self._shown_name(name), row=row + 1, col=col + 1, value=f"{value:+.6g}"
            )
        )
