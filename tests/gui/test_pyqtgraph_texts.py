"""pyqtgraph's right-click menus speak the interface's language."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
import pytest

from nnstudio.gui.common.pyqtgraph_texts import PYQTGRAPH_TEXTS
from nnstudio.gui.window.language import install_language

PYQTGRAPH_SOURCE = Path(pg.__file__).parent


def _pyqtgraph_source_text() -> str:
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in PYQTGRAPH_SOURCE.rglob("*.py")
        if "examples" not in path.parts
    )


def _spellings(text: str) -> tuple[str, ...]:
    """How a literal can appear in pyqtgraph's source: in double or single quotes, or with an
    escaped apostrophe inside double quotes (as Qt Designer writes it)."""
    escaped = text.replace("'", "\\'")
    return (f'"{text}"', f"'{text}'", f'"{escaped}"')


def test_every_listed_text_is_one_pyqtgraph_asks_for():
    """A text pyqtgraph no longer uses (after an upgrade) would be translated for nothing."""
    source = _pyqtgraph_source_text()
    missing = [
        f"{text.context}: {text.source}"
        for text in PYQTGRAPH_TEXTS
        if f'"{text.context}"' not in source
        or not any(spelling in source for spelling in _spellings(text.source))
    ]
    assert not missing, missing


@pytest.fixture
def chinese(qapp):
    install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "en")


def test_a_plots_context_menu_is_chinese_in_the_chinese_window(qtbot, chinese):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    menu = plot.getPlotItem().getViewBox().menu
    assert menu.viewAll.text() not in ("", "View All")
    titles = [action.text() for action in menu.actions()]
    assert "Mouse Mode" not in titles
    assert plot.getPlotItem().ctrlMenu.title() != "Plot Options"
    export = plot.scene().contextMenu[0].text()
    assert export != "Export..."


def test_the_same_menu_is_english_in_the_english_window(qtbot, qapp):
    install_language(qapp, "en")
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    assert plot.getPlotItem().getViewBox().menu.viewAll.text() == "View All"
