"""Help ▸ Guide: an illustrated walk through forward and back propagation."""

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from nnstudio.gui.learn.guide import GuideDialog


def test_guide_shows_text_and_the_apps_own_pictures(qtbot):
    diagram = QLabel("a network")
    qtbot.addWidget(diagram)
    diagram.resize(200, 100)
    dialog = GuideDialog(diagram=diagram)
    qtbot.addWidget(dialog)
    browser = dialog.findChild(object, "guideBrowser")
    text = browser.toPlainText()
    assert "Forward propagation" in text and "Back propagation" in text
    assert "dZ[L] = A[L] − Y" in text  # superscripts read as plain text
    for name in ("diagram", "forward", "cost", "dw", "update", "inspector", "gradflow"):
        assert f'src="guide:{name}"' in dialog.html()
        image = browser.loadResource(QTextDocument.ImageResource, QUrl(f"guide:{name}"))
        assert not image.isNull() and image.width() > 100
