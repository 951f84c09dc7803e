"""Import CSV from the main window: preview, label column, errors that keep the previous data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton

from nnstudio.gui import MainWindow
from nnstudio.gui.builder.csv_dialog import CsvDialog


@pytest.fixture
def window(qtbot):
    w = MainWindow()
    qtbot.addWidget(w)
    return w


@pytest.fixture
def warnings(monkeypatch):
    """Record QMessageBox.warning calls instead of opening a modal box."""
    calls = []

    def warning(parent, title, text, *args, **kwargs):
        calls.append((title, text))
        return QMessageBox.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return calls


def choose_file(monkeypatch, path) -> list:
    asked = []

    def get_open_file_name(parent, caption, folder, filters, *args, **kwargs):
        asked.append(folder)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    return asked


def click_import(window, qtbot) -> CsvDialog | None:
    qtbot.mouseClick(window.findChild(QPushButton, "importCsvButton"), Qt.LeftButton)
    return window.csv_dialog


def press_ok(dialog, qtbot) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)


def test_unreadable_file_shows_a_message_and_keeps_the_data(
    window, qtbot, tmp_path, monkeypatch, warnings
):
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    choose_file(monkeypatch, empty)
    before = window.session.dataset
    assert click_import(window, qtbot) is None
    assert len(warnings) == 1
    title, text = warnings[0]
    assert "empty.csv" in title
    assert "empty" in text and "has not changed" in text
    assert window.session.dataset is before
    assert window.session.spec.layer_dims == (2, 4, 1)
    assert window.undo_stack.count() == 0


def test_bad_values_keep_the_dialog_open_with_the_reason(
    window, qtbot, tmp_path, monkeypatch, warnings
):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,label\n1,2,x\n3,oops,y\n5,6,x\n")
    choose_file(monkeypatch, bad)
    before = window.session.dataset
    dialog = click_import(window, qtbot)
    assert isinstance(dialog, CsvDialog) and dialog.isVisible()
    assert dialog.table.rowCount() == 3
    assert dialog.findChild(QComboBox, "labelColumnCombo").currentText() == "label"
    press_ok(dialog, qtbot)
    assert dialog.isVisible()
    assert "row 3" in dialog.error and "oops" in dialog.error
    assert "has not changed" in dialog.error
    assert window.session.dataset is before
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Cancel), Qt.LeftButton)
    assert not dialog.isVisible()
    assert window.session.dataset is before
    assert warnings == []


def test_good_file_with_a_chosen_label_column(window, qtbot, tmp_path, monkeypatch):
    good = tmp_path / "flowers.csv"
    lines = ["species,length,width,depth"]
    for i in range(30):
        lines.append(
            f"{['setosa', 'virginica', 'versicolor'][i % 3]},{i * 0.1:.1f},{i % 7},{i % 5}"
        )
    good.write_text("\n".join(lines) + "\n")
    asked = choose_file(monkeypatch, good)
    dialog = click_import(window, qtbot)
    combo = dialog.findChild(QComboBox, "labelColumnCombo")
    combo.setCurrentIndex(0)  # the label is the first column here
    press_ok(dialog, qtbot)
    assert not dialog.isVisible()

    session = window.session
    assert session.dataset.name == "flowers"
    assert session.dataset.n_features == 3
    assert session.spec.layer_dims == (3, 4, 3)
    assert session.spec.activations == ("tanh", "softmax")
    model = window.dimension_table.model()
    assert model.cell("X", "A") == "(3, 30)"
    assert model.cell("1", "W") == "(4, 3)"
    data_combo = window.findChild(QComboBox, "datasetCombo")
    assert data_combo.currentText() == "Imported: flowers"
    assert not window.findChild(QPushButton, "importCsvButton").isHidden()
    assert not window.data_panel.samples_spin.isEnabled()
    assert QSettings().value("paths/recentFolder") == str(tmp_path)

    # the next import starts in the same folder
    click_import(window, qtbot).reject()
    assert asked[-1] == str(tmp_path)

    window.undo_stack.undo()
    assert session.dataset.name == "flower"
    assert session.spec.layer_dims == (2, 4, 1)
    assert data_combo.currentData() == "flower"
    window.undo_stack.redo()
    assert session.dataset.name == "flowers"
    assert data_combo.currentText() == "Imported: flowers"


def test_cancelled_file_dialog_does_nothing(window, qtbot, monkeypatch, warnings):
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: ("", ""))
    )
    assert click_import(window, qtbot) is None
    assert warnings == []
    assert window.session.dataset.name == "flower"


def test_import_is_blocked_while_editing_is_locked(window, qtbot, monkeypatch, tmp_path):
    asked = choose_file(monkeypatch, tmp_path / "x.csv")
    window.set_editing_locked(True, "Training is running")
    assert not window.import_csv_action.isEnabled()
    assert window.import_csv() is None
    assert asked == []


def test_an_error_names_the_row_the_preview_shows_and_marks_its_cell(
    window, qtbot, tmp_path, monkeypatch, warnings
):
    bad = tmp_path / "gaps.csv"
    # a blank line after the header: the bad value is on the file's (and a spreadsheet's) row 5
    bad.write_text("a,b,label\n\n1,2,x\n3,4,y\n5,oops,x\n7,8,y\n")
    choose_file(monkeypatch, bad)
    dialog = click_import(window, qtbot)
    table = dialog.table
    shown = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert shown == ["3", "4", "5", "6"]
    press_ok(dialog, qtbot)
    assert "row 5" in dialog.error and "oops" in dialog.error
    assert dialog.error_cells == [(2, 1)]
    assert table.verticalHeaderItem(2).text() == "5" and table.item(2, 1).text() == "oops"
    assert (table.currentRow(), table.currentColumn()) == (2, 1)
    assert table.item(2, 1).background().color().name() == "#fde0e3"
    assert table.item(2, 0).background().style() == Qt.NoBrush
    # choosing another label column starts over: no mark, no error
    dialog.findChild(QComboBox, "labelColumnCombo").setCurrentIndex(0)
    assert dialog.error_cells == [] and dialog.error == ""
    assert table.item(2, 1).background().style() == Qt.NoBrush
    dialog.reject()


def test_the_status_bar_counts_in_correct_english(window, qtbot, tmp_path, monkeypatch):
    one = tmp_path / "one.csv"
    one.write_text("x,label\n" + "".join(f"{i},{i % 2}\n" for i in range(6)))
    choose_file(monkeypatch, one)
    press_ok(click_import(window, qtbot), qtbot)
    message = window.statusBar().currentMessage()
    assert message == "one: 6 samples, 1 feature, 2 classes"


def test_a_short_row_is_counted_in_correct_english(window, qtbot, tmp_path, monkeypatch):
    short = tmp_path / "short.csv"
    short.write_text("a,b,label\n1,2,x\n3\n")
    choose_file(monkeypatch, short)
    dialog = click_import(window, qtbot)
    press_ok(dialog, qtbot)
    assert "row 3 has 1 value but the header has 3 columns" in dialog.error
    assert dialog.error_cells == [(1, 0), (1, 1), (1, 2)]
    dialog.reject()


def test_a_bad_cell_is_named_once_in_one_quoting_style(window, qtbot, tmp_path, monkeypatch):
    late = tmp_path / "late.csv"
    late.write_text("x1,x2,label\n0.1,0.2,1\n0.3,0.4,0\n0.5,0.6,1\n0.7,0.8,0\nabc,0.9,1\n")
    choose_file(monkeypatch, late)
    dialog = click_import(window, qtbot)
    press_ok(dialog, qtbot)
    error = dialog.error
    assert "row 6, column 'x1': 'abc' is not a number" in error
    assert error.count("row 6") == 1 and error.count("column 'x1'") == 1
    assert "“" not in error and "”" not in error
    assert dialog.error_cells == [(4, 0)]
    dialog.reject()
