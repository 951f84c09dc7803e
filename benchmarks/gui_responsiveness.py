"""GUI responsiveness while training: event-loop lateness and training speed in the GUI.

Trains the default network (the flower data, 2-4-1 tanh/sigmoid, learning rate 1.2, full batch)
in the GUI's worker thread with every live view on: cost, activations, decision map and the
network diagram all receive every update. As tabs (like the main window) each round shows
another tab; with ``--layout grid`` all are on screen at once. Meanwhile a 10 ms QTimer in the
GUI thread records how late it fires. Each GUI run is paired with the same run headless (the
engine's ``train`` alone, same settings, reporting only at the end) just before it, so both see
the same machine load; the ratio reported is the median of the rounds' ratios (short rounds,
many of them: on a shared machine the speed drifts by ±10 % within seconds). "GUI thread busy"
is the GUI thread's CPU time over the run's wall time.

Run from the repository root:

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_responsiveness.py [--iterations 6000]
        [--rounds 64] [--layout main|tabs|grid] [--hidden 8,8] [--tour]

The window is measured as a learner has it after the first start: settings in a temporary
folder (the user's own are never read or changed), the welcome tour closed. ``--tour`` keeps the
tour open over the window, as on a first start.

Targets (docs/benchmarks.md, "GUI responsiveness"): lateness p50 ≤ 2 ms and p99 ≤ 16 ms; GUI
training ≥ 90 % of the headless iterations per second.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QTabWidget, QWidget

from nnstudio.engine import train
from nnstudio.gui.training import TrainingPanel
from nnstudio.gui.training.controller import TrainingController
from nnstudio.gui.views.live_views import ActivationsView, CostView, DecisionView
from nnstudio.session import Session

TIMER_MS = 10
SETTLE_MS = 150


class BenchWindow(QWidget):
    """The training panel on the left and the views on the right: as tabs (like the main
    window: Network, Cost, Activations, Decision) or all at once in a grid (a stress test)."""

    def __init__(self, session: Session, layout: str) -> None:
        super().__init__()
        self.session = session
        self.controller = TrainingController(session, self)
        views = [
            (self.tr("Cost"), CostView(session, self.controller)),
            (self.tr("Activations"), ActivationsView(session, self.controller)),
            (self.tr("Decision"), DecisionView(session, self.controller)),
        ]
        try:
            from nnstudio.gui.builder.network_diagram import NetworkDiagram
        except ImportError:  # the diagram is optional for this measurement
            pass
        else:
            views.insert(0, (self.tr("Network"), NetworkDiagram(session)))
        row = QHBoxLayout(self)
        row.addWidget(TrainingPanel(session, self.controller))
        self.tabs: QTabWidget | None = None
        if layout == "grid":
            grid = QGridLayout()
            for i, (_, view) in enumerate(views):
                grid.addWidget(view, i // 2, i % 2)
            row.addLayout(grid, 1)
        else:
            self.tabs = QTabWidget()
            for title, view in views:
                self.tabs.addTab(view, title)
            row.addWidget(self.tabs, 1)


def make_window(layout: str) -> tuple[QWidget, Session, TrainingController, QTabWidget | None]:
    """The main window (its training is ``window.training``), else a BenchWindow. Either gets
    the main window's default size, 1240 × 760 (the offscreen screen is smaller)."""
    if layout == "main":
        from nnstudio.gui import MainWindow
        from nnstudio.gui.window.frame import DEFAULT_SIZE

        window = MainWindow()
        controller = window.training.controller
        window.resize(*DEFAULT_SIZE)
        return window, window.session, controller, window.views
    window = BenchWindow(Session(), layout)
    window.resize(1240, 760)
    return window, window.session, window.controller, window.tabs


def isolate_settings(folder: str, tour: bool) -> None:
    """Keep QSettings in ``folder`` with the speed at "fastest" and the welcome tour seen
    (unless ``tour``), so that every run starts from the same state."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, folder)
    settings = QSettings()
    settings.clear()
    settings.setValue("welcome/shown", not tour)
    settings.setValue("training/speed", 100)
    settings.sync()


def headless_rate(session: Session, iterations: int) -> float:
    """Iterations per second of the engine alone, with the session's settings and the cheapest
    reporting (the same records, one report at the end): the strictest baseline."""
    net = session.network.copy()
    config = replace(session.training_config(epochs=iterations), report_every=iterations)
    reports = []
    started = time.perf_counter()
    for report in train(net, session.training_data(), config):
        reports.append(report.step)
    elapsed = time.perf_counter() - started
    assert reports and reports[-1] == iterations, reports[-1:]
    return iterations / elapsed


def gui_run(session: Session, controller: TrainingController, iterations: int) -> dict[str, float]:
    """One GUI run from fresh weights: its speed, timer lateness and update counts. (A local
    event loop, not ``app.exec()``: ``QApplication.quit()`` would close the window.)"""
    loop = QEventLoop()
    controller.reset_weights()
    runs = getattr(session, "runs", None)  # finished runs kept for comparison (learn mode):
    if runs is not None and hasattr(runs, "clear"):  # a learner does not pile up dozens
        runs.clear()
    session.set_settings(epochs=iterations)
    settle = QEventLoop()  # let the reset's redraws finish before the run is timed
    QTimer.singleShot(SETTLE_MS, settle.quit)
    settle.exec()
    lateness: list[float] = []
    clock = QElapsedTimer()
    timer = QTimer()
    timer.setTimerType(Qt.PreciseTimer)
    timer.setInterval(TIMER_MS)
    last_tick = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        lateness.append(max(0.0, now - last_tick[0] - TIMER_MS))
        last_tick[0] = now

    reports = [0]
    outcome: dict[str, float] = {}

    def received(_report: object) -> None:
        reports[0] += 1

    def finished() -> None:
        report = controller.last_report
        assert report is not None and report.step == iterations, report
        outcome["elapsed"] = report.elapsed
        timer.stop()
        loop.quit()

    timer.timeout.connect(tick)
    controller.reportReceived.connect(received)
    controller.finished.connect(finished)
    try:
        clock.start()
        last_tick[0] = 0.0
        timer.start()
        started, cpu = time.perf_counter(), time.thread_time()
        controller.start()
        loop.exec()
        wall = time.perf_counter() - started
        gui_cpu = (time.thread_time() - cpu) / wall
    finally:
        controller.reportReceived.disconnect(received)
        controller.finished.disconnect(finished)
    values = np.array(lateness[1:] or [0.0])
    return {
        "rate": iterations / outcome["elapsed"],
        "p50": float(np.percentile(values, 50)),
        "p99": float(np.percentile(values, 99)),
        "max": float(values.max()),
        "ticks": float(len(values)),
        "updates_per_s": reports[0] / wall,
        "gui_cpu": gui_cpu,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", type=int, default=6_000)
    parser.add_argument("--rounds", type=int, default=64)
    parser.add_argument(
        "--layout",
        choices=("main", "tabs", "grid"),
        default="main",
        help="main: the main window with training installed; tabs: the panel and the views as "
        "tabs; grid: every view visible at once",
    )
    parser.add_argument(
        "--hidden",
        default="",
        help="hidden layers as unit counts, e.g. 8,8 for a 2-8-8-1 tanh network (default: the "
        "first-start 2-4-1)",
    )
    parser.add_argument(
        "--tour",
        action="store_true",
        help="keep the welcome tour open over the window (as on a first start)",
    )
    parser.add_argument(
        "--frame-budget",
        type=float,
        default=None,
        help="override FrameScheduler.budget (the frames' share of the GUI thread), to explore",
    )
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("NN Studio")
    app.setApplicationName("NN Studio")
    settings_folder = tempfile.TemporaryDirectory(prefix="nnstudio-bench-")
    isolate_settings(settings_folder.name, args.tour)
    window, session, controller, tabs = make_window(args.layout)
    if args.hidden:
        from nnstudio.session import LayerSpec

        units = [int(n) for n in args.hidden.split(",")]
        session.set_hidden_layers(tuple(LayerSpec(n, "tanh") for n in units))
    controller.set_pace(0.0)  # as fast as possible (the speed slider's last position)
    if args.frame_budget is not None:
        controller.frames.budget = args.frame_budget
    window.show()
    app.processEvents()
    headless_rate(session, 2000)  # warm up NumPy and the engine
    load_before = os.getloadavg()[0]

    gui, headless, ratios, shown = [], [], [], []
    for i in range(args.rounds):
        if tabs is not None:  # each round shows another tab: every view is measured on screen
            tabs.setCurrentIndex(i % tabs.count())
            shown.append(tabs.tabText(i % tabs.count()).replace("&", ""))
        else:
            shown.append("all")
        h = headless_rate(session, args.iterations)
        g = gui_run(session, controller, args.iterations)
        headless.append(h)
        gui.append(g)
        ratios.append(g["rate"] / h)
    controller.shutdown()

    print(
        f"window: {type(window).__name__} ({args.layout}); Python {platform.python_version()}; "
        f"{os.cpu_count()} CPUs; load average {load_before:.1f} → {os.getloadavg()[0]:.1f}; "
        f"frame budget {controller.frames.budget:.0%}; "
        f"{args.rounds} rounds of {args.iterations} iterations (headless, then GUI); network "
        f"{'-'.join(str(n) for n in session.spec.layer_dims)}; welcome tour "
        f"{'open' if args.tour else 'closed'}"
    )
    for i, (h, g, tab) in enumerate(zip(headless, gui, shown, strict=True), start=1):
        print(
            f"round {i} ({tab}): headless {h:,.0f} it/s, GUI {g['rate']:,.0f} it/s "
            f"({g['rate'] / h:.1%}); lateness p50 {g['p50']:.2f} ms, p99 {g['p99']:.2f} ms, "
            f"max {g['max']:.1f} ms over {g['ticks']:.0f} ticks; {g['updates_per_s']:.1f} "
            f"updates/s; GUI thread busy {g['gui_cpu']:.1%}"
        )
    ratio = statistics.median(ratios)
    p50 = statistics.median(r["p50"] for r in gui)
    p99 = statistics.median(r["p99"] for r in gui)
    worst = max(r["max"] for r in gui)
    updates = max(r["updates_per_s"] for r in gui)
    print(
        f"median: headless {statistics.median(headless):,.0f} it/s, GUI "
        f"{statistics.median(r['rate'] for r in gui):,.0f} it/s; GUI/headless ratio (median of "
        f"the rounds) {ratio:.1%} (target ≥ 90 %); 10 ms timer lateness p50 {p50:.2f} ms "
        f"(target ≤ 2), p99 {p99:.2f} ms (target ≤ 16), worst {worst:.1f} ms; at most "
        f"{updates:.1f} GUI updates/s (limit 30)"
    )
    ok = ratio >= 0.9 and p50 <= 2.0 and p99 <= 16.0 and updates <= 30.5
    window.close()
    settings_folder.cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
