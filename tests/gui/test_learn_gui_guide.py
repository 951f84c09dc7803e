"""Help ▸ Guide: an illustrated walk through forward and back propagation."""

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from nnstudio.gui.learn.guide import GuideDialog
from nnstudio.gui.window.language import install_language


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


def test_the_guide_explains_dev_and_test_sets_and_bias_and_variance(qtbot):
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(object, "guideBrowser").toPlainText()
    assert "8. Train, dev and test sets; bias and variance" in text
    assert "avoidable bias" in text and "Evaluate on test" in text
    assert 'src="guide:verdict"' in dialog.html()
    image = dialog.browser.loadResource(QTextDocument.ImageResource, QUrl("guide:verdict"))
    assert not image.isNull() and image.width() > 100


def test_the_chapter_reads_in_chinese(qtbot, qapp):
    install_language(qapp, "zh_CN")
    try:
        dialog = GuideDialog()
        qtbot.addWidget(dialog)
        text = dialog.findChild(object, "guideBrowser").toPlainText()
    finally:
        install_language(qapp, "en")
    assert "8. 训练集、验证集和测试集；偏差与方差" in text
    assert "可避免偏差" in text and "Train, dev and test sets" not in text


def test_the_guide_explains_random_search_on_a_log_scale(qtbot):
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(object, "guideBrowser").toPlainText()
    assert "13. Tuning hyperparameters" in text
    assert "log scale" in text and "Send best to Compare runs" in text
    assert 'src="guide:tuning"' in dialog.html()
    image = dialog.browser.loadResource(QTextDocument.ImageResource, QUrl("guide:tuning"))
    assert not image.isNull() and image.width() > 100


def test_the_second_course_has_a_chapter_per_topic_numbered_before_things_to_try(qtbot):
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.findChild(object, "guideBrowser").toPlainText()
    headings = [
        "8. Train, dev and test sets; bias and variance",
        "9. Initialisation",
        "10. Regularisation: L2 and dropout",
        "11. Optimisation",
        "12. Batch normalisation",
        "13. Tuning hyperparameters",
        "14. Things to try",
        "15. Moving on to PyTorch",
    ]
    places = [text.index(heading) for heading in headings]
    assert places == sorted(places)
    assert "fail to break" not in text and "the symmetry is never broken" in text
    assert "λ/(2m) · Σ‖W[l]‖²" in text and "D[l] = (rand(n[l], m) < keep_prob)" in text
    assert "A[l] = A[l] ⊙ D[l] / keep_prob" in text and "inverted dropout" in text
    assert "v̂ = v / (1 − β₁ᵗ)" in text and "α₀ · decay_rate^epoch_num" in text
    assert "Z̃[l] = γ[l] ⊙ Z_norm + β[l]" in text and "running averages" in text


def test_the_second_course_chapters_read_in_chinese(qtbot, qapp):
    install_language(qapp, "zh_CN")
    try:
        dialog = GuideDialog()
        qtbot.addWidget(dialog)
        text = dialog.findChild(object, "guideBrowser").toPlainText()
    finally:
        install_language(qapp, "en")
    for heading in ("9. 初始化", "10. 正则化：L2 与随机失活", "11. 优化", "12. 批归一化"):
        assert heading in text
    assert "13. " in text and "14. " in text
    assert "Initialisation" not in text and "Batch normalisation" not in text
