"""Every view with nothing to show yet says, in its middle, what to do next; the sentence goes
once there is something to show, and comes back when File ▸ New opens an empty model."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt

WAIT = 20_000


def train(qtbot, window, epochs: int = 20) -> None:
    window.training.panel.epochs.setValue(epochs)
    with qtbot.waitSignal(window.training.controller.finished, timeout=WAIT):
        qtbot.mouseClick(window.training.panel.train_button, Qt.MouseButton.LeftButton)


def hints(window) -> dict[str, object]:
    """The empty-state sentence of every view that can be empty, by view."""
    return {
        "activations": window.training.activations_view.empty_state,
        "decision": window.training.decision_view.empty_state,
        "gradient flow": window.learn.gradient_flow.empty_state,
    }


def view_of(window, name: str):
    return {
        "activations": window.training.activations_view,
        "decision": window.training.decision_view,
        "gradient flow": window.learn.gradient_flow,
    }[name]


def centred_over(hint, host) -> bool:
    """On screen, inside its host, with its centre within a few pixels of the host's."""
    inside = QRect(QPoint(0, 0), host.size()).contains(hint.geometry())
    offset = hint.geometry().center() - QRect(QPoint(0, 0), host.size()).center()
    return hint.isVisible() and inside and abs(offset.x()) <= 2 and abs(offset.y()) <= 2


def test_every_view_of_a_fresh_model_says_what_to_do_until_a_run_and_again_after_new(qtbot, window):
    texts = {
        "activations": "train the network to see them change",
        "decision": "Train the network to see its decision boundary take shape",
        "gradient flow": "Train the network to see how large each layer's gradient is.",
    }
    for name, hint in hints(window).items():
        window.views.setCurrentWidget(view_of(window, name))
        qtbot.waitUntil(lambda h=hint: h.isVisible(), timeout=WAIT)
        assert texts[name] in hint.text()
        assert centred_over(hint, hint.parentWidget()), name
    cost = window.training.cost_view
    window.views.setCurrentWidget(cost)
    assert cost.empty_hint.isVisible()
    runs = window.learn.runs_view
    window.views.setCurrentWidget(runs)
    assert runs.empty_label.isVisible()

    train(qtbot, window)
    for name, hint in hints(window).items():
        window.views.setCurrentWidget(view_of(window, name))
        qtbot.waitUntil(lambda h=hint: not h.shown, timeout=WAIT)
    assert window.learn.gradient_flow.diagnosis.text() != ""  # the diagnosis replaces it
    window.views.setCurrentWidget(cost)
    qtbot.waitUntil(lambda: not cost.empty_hint.isVisible(), timeout=WAIT)

    window.file_controller.new_action.trigger()  # an untrained model again
    assert not window.session.history.step
    for name, hint in hints(window).items():
        window.views.setCurrentWidget(view_of(window, name))
        qtbot.waitUntil(lambda h=hint: h.isVisible(), timeout=WAIT)
    window.views.setCurrentWidget(cost)
    qtbot.waitUntil(lambda: cost.empty_hint.isVisible(), timeout=WAIT)


def test_the_live_views_hint_goes_as_soon_as_training_starts_and_returns_on_reset(qtbot, window):
    decision = window.training.decision_view
    window.views.setCurrentWidget(decision)
    controller = window.training.controller
    assert decision.empty_state.isVisible()
    window.training.panel.epochs.setValue(100_000)
    with qtbot.waitSignal(controller.stateChanged, timeout=WAIT):
        qtbot.mouseClick(window.training.panel.train_button, Qt.MouseButton.LeftButton)
    assert not decision.empty_state.shown  # while the run draws, nothing covers it
    with qtbot.waitSignal(controller.finished, timeout=WAIT):
        controller.stop()
    assert not decision.empty_state.shown
    window.training.panel.reset_button.click()  # the starting weights, no history
    qtbot.waitUntil(lambda: decision.empty_state.isVisible(), timeout=WAIT)


def test_step_through_says_how_to_start_a_pass_until_one_is_shown(qtbot, window):
    step_view = window.learn.step_view
    window.views.setCurrentWidget(step_view)
    hint = step_view.empty_state
    assert hint.isVisible() and "Start a pass" in hint.text()
    assert centred_over(hint, hint.parentWidget())
    qtbot.mouseClick(step_view.start_button, Qt.MouseButton.LeftButton)
    assert step_view.current_step is not None
    assert not hint.isVisible()


def test_the_sentence_stays_centred_and_readable_when_the_view_resizes(qtbot, window):
    window.views.setCurrentWidget(window.learn.gradient_flow)
    hint = window.learn.gradient_flow.empty_state
    qtbot.waitUntil(hint.isVisible, timeout=WAIT)
    window.resize(window.width() - 200, window.height())
    qtbot.waitUntil(lambda: centred_over(hint, hint.parentWidget()), timeout=WAIT)
    assert hint.height() >= hint.fontMetrics().height() * 2  # the padded card, not a sliver
