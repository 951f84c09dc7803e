"""Help ▸ Guide: a short illustrated walk through forward and back propagation, then the second
course's topics (initialisation, regularisation, optimisation, batch normalisation).

The pictures are the application's own views, rendered when the guide opens with
``QWidget.grab()`` on the course's first example (the flower data, a 2-layer network with 4 tanh
units and a sigmoid output, small initial weights, seed 2), so they always match the program the
learner is using. Pass the main window's network diagram to include it too.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...data import make_dataset
from ...engine import Network
from ...learn import record_gradient_flow
from ...session import DEFAULT_HIDDEN, DataChoice, Session
from ...session_tuning import SearchSpace, TuningSearch
from ..common import theme
from .gradflow import GradientFlowView
from .guide_course2 import course2_chapters
from .inspector import MatrixInspector
from .stepthrough import StepThroughView
from .tuning import TuningView
from .verdict import BiasVariancePanel

PICTURE_WIDTH = 760
SCHEME = "guide"


class GuideBrowser(QTextBrowser):
    """A text browser that serves the guide's pictures from memory (``guide:name``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pictures: dict[str, QImage] = {}

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        url = QUrl(name) if isinstance(name, str) else name
        if url.scheme() == SCHEME and url.path() in self.pictures:
            return self.pictures[url.path()]
        return super().loadResource(kind, name)


def _grab(widget: QWidget, height: int) -> QImage:
    widget.resize(PICTURE_WIDTH, height)
    widget.ensurePolished()
    layout = widget.layout()
    if layout is not None:
        layout.activate()
    return widget.grab().toImage()


def render_pictures(diagram: QWidget | None = None) -> dict[str, QImage]:
    """The guide's pictures, by name, rendered from freshly made views."""
    data = make_dataset("flower")
    net = Network([2, 4, 1], ["tanh", "sigmoid"], init="small", seed=2)
    pictures: dict[str, QImage] = {}
    if diagram is not None:
        pictures["diagram"] = diagram.grab().toImage()

    steps = StepThroughView()
    steps.load(net, data.X, data.Y, learning_rate=1.2)
    wanted = {"forward": 0, "activation": 3, "cost": 4, "dz": 5, "dw": 6, "update": 12}
    for name, index in wanted.items():
        steps.go_to(index)
        pictures[name] = _grab(steps, 330)
    steps.deleteLater()

    inspector = MatrixInspector()
    inspector.set_state(net, data.X, data.Y)
    inspector.refresh()
    pictures["inspector"] = _grab(inspector, 460)
    inspector.deleteLater()

    deep = Network([2, 8, 8, 8, 8, 8, 8, 1], ["sigmoid"] * 7, init="xavier", seed=1)
    flow = GradientFlowView()
    recorded = record_gradient_flow(deep, data.X, data.Y, steps=100)
    flow.set_history(
        {"step": recorded.steps.tolist(), "grad_norms": [tuple(row) for row in recorded.norms]}
    )
    flow.redraw()
    pictures["gradflow"] = _grab(flow, 330)
    flow.deleteLater()

    # the course's logistic regression on the flower, with dev and test sets: it underfits
    session = Session()
    session.set_data(DataChoice("flower", {}, 0.2, False, 1, test_share=0.1))
    session.set_hidden_layers(())
    session.set_settings(learning_rate=1.2, epochs=300, report_every=50)
    session.train_here()
    verdict = BiasVariancePanel(session)
    pictures["verdict"] = _grab(verdict, 280)
    verdict.deleteLater()

    # a small random search over α for the course's 4 tanh units, on the same split: the dev
    # error against each sampled α
    session.set_hidden_layers(DEFAULT_HIDDEN)
    space = SearchSpace.of({"learning_rate": (1e-3, 10.0)})
    search = TuningSearch(session, space, runs=12, epochs=300, seed=0)
    tuning = TuningView(session)
    tuning.show_results(space, list(search.results()))
    pictures["tuning"] = _grab(tuning, 520)
    tuning.deleteLater()
    return pictures


class GuideDialog(QDialog):
    """The guide in a resizable, non-modal window (objectName ``guideDialog``)."""

    def __init__(self, parent: QWidget | None = None, diagram: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Guide: forward and back propagation"))
        layout = QVBoxLayout(self)
        self.browser = GuideBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        self.browser.pictures = render_pictures(diagram)
        self.browser.document().setDefaultStyleSheet(
            f"h2 {{ color: {theme.current().heading}; }} .formula {{ font-size: large; }} "
            f".note {{ color: {theme.current().note_text}; }}"
        )
        self.browser.setHtml(self.html())
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("guideButtons")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(PICTURE_WIDTH + 80, 760)

    def picture(self, name: str) -> str:
        if name not in self.browser.pictures:
            return ""
        return f'<p><img src="{SCHEME}:{name}" width="{PICTURE_WIDTH}"></p>'

    def html(self) -> str:
        sup = "<sup>[{0}]</sup>".format
        parts = [
            self.tr("<h1>Forward and back propagation, step by step</h1>"),
            self.tr(
                "<p>This guide follows the first network of the deeplearning.ai course: the "
                "flower data set (m = 400 points, two features each, coloured red or blue) and a "
                "2-layer network with 4 tanh units and one sigmoid output. Every picture below "
                "is one of NN Studio's own views, drawn just now.</p>"
            ),
            self.tr("<h2>1. The shapes</h2>"),
            self.tr(
                "<p>The samples are the <b>columns</b> of X = A{s0}: X has shape (n{s0}, m) = "
                "(2, 400). Layer l has n{sl} units, a weight matrix W{sl} of shape "
                "(n{sl}, n{slm}) and a bias b{sl} of shape (n{sl}, 1). W and b have no m: every "
                "sample goes through the same parameters. The input does not count as a layer, "
                "so a network with one hidden layer is a 2-layer network.</p>"
            ).format(s0=sup(0), sl=sup("l"), slm=sup("l-1")),
            self.picture("diagram"),
            self.tr("<h2>2. Forward propagation</h2>"),
            self.tr(
                "<p>Each layer does two things. First a linear step, "
                '<span class="formula">Z{sl} = W{sl}·A{slm} + b{sl}</span>: a matrix product '
                "that handles all m samples at once, plus the bias added to every column. The "
                "shapes must fit: (n{sl}, n{slm})·(n{slm}, m) gives (n{sl}, m).</p>"
            ).format(sl=sup("l"), slm=sup("l-1")),
            self.picture("forward"),
            self.tr(
                "<p>Then the activation, "
                '<span class="formula">A{sl} = g{sl}(Z{sl})</span>, applied to every entry on '
                "its own. Without it, stacking layers would still give a linear function. The "
                "last layer's A{sL} is the prediction Ŷ: for the flower, the probability that "
                "a point is blue.</p>"
            ).format(sl=sup("l"), sL=sup("L")),
            self.picture("activation"),
            self.tr("<h2>3. The cost</h2>"),
            self.tr(
                "<p>The cost J measures how wrong the predictions are, averaged over the m "
                "samples. For a sigmoid output it is the cross-entropy "
                "J = −(1/m) Σ [y log ŷ + (1 − y) log(1 − ŷ)]. With small random weights every "
                "prediction is close to 0.5, so J starts near log 2 ≈ 0.693.</p>"
            ),
            self.picture("cost"),
            self.tr("<h2>4. Back propagation</h2>"),
            self.tr(
                "<p>Now we go backwards, from the output to layer 1, asking how J changes when "
                "each number changes. For the output layer the answer is simple: "
                '<span class="formula">dZ{sL} = A{sL} − Y</span>, prediction minus label.</p>'
            ).format(sL=sup("L")),
            self.picture("dz"),
            self.tr(
                "<p>From dZ{sl} come the gradients of the parameters, averaged over the samples: "
                '<span class="formula">dW{sl} = (1/m) dZ{sl}·A{slm}ᵀ</span> and '
                '<span class="formula">db{sl} = (1/m) Σ dZ{sl}</span> (a sum over the columns). '
                "Each gradient has exactly the shape of its parameter — a quick check that the "
                "formula is right. The error then flows back through the same weights, "
                '<span class="formula">dA{slm} = W{sl}ᵀ·dZ{sl}</span>, and through the '
                "activation, "
                '<span class="formula">dZ{slm} = dA{slm} ⊙ g′(Z{slm})</span>, where ⊙ '
                "multiplies entry by entry. That is the chain rule, one layer at a time.</p>"
            ).format(sl=sup("l"), slm=sup("l-1")),
            self.picture("dw"),
            self.tr("<h2>5. Gradient descent</h2>"),
            self.tr(
                "<p>Finally every parameter takes a small step downhill: "
                '<span class="formula">W{sl} := W{sl} − α dW{sl}</span>, '
                '<span class="formula">b{sl} := b{sl} − α db{sl}</span>. The learning rate α '
                "sets the step size: too small and training crawls, too large and the cost "
                "jumps around or explodes. Training repeats steps 2 to 5 thousands of "
                "times.</p>"
            ).format(sl=sup("l")),
            self.picture("update"),
            self.tr(
                '<p class="note">You can do all of this yourself in the step-through view: '
                "press Next ▸ to go from one formula to the next and watch the layer light up "
                "in the network diagram.</p>"
            ),
            self.tr("<h2>6. Looking inside a layer</h2>"),
            self.tr(
                "<p>The matrix inspector shows W, b, Z, A, dW and db of a layer as heatmaps: "
                "blue for positive numbers, orange for negative ones. Move the mouse over a cell "
                "to read its row, column and value. Z and A have one column per sample.</p>"
            ),
            self.picture("inspector"),
            self.tr("<h2>7. When the gradient does not reach the first layers</h2>"),
            self.tr(
                "<p>Each layer of back propagation multiplies by g′(Z). The sigmoid's slope is "
                "at most 1/4, so in a deep sigmoid network the gradient shrinks layer after "
                "layer: below, ‖dW{s1}‖ of a 7-layer sigmoid network is far smaller than the "
                "last layer's, and its first layers hardly learn. ReLU (slope 1 for "
                "z &gt; 0) and a good initialisation keep the gradient alive. Watch the gradient "
                "flow view while you train.</p>"
            ).format(s1=sup(1)),
            self.picture("gradflow"),
            *self.bias_variance_chapter(),
            *course2_chapters(),
            *self.tuning_chapter(),
            self.tr("<h2>14. Things to try</h2>"),
            self.tr(
                "<ul>"
                "<li>Train, then change tanh to ReLU and train again: both runs are kept, and "
                "Compare runs overlays their cost curves.</li>"
                "<li>Try learning rates 0.01, 1.2 and 10 and look at the cost.</li>"
                "<li>Train → Gradient check compares back propagation with a numerical "
                "estimate of every gradient: a good way to convince yourself the formulas above "
                "are right.</li>"
                "<li>File → Export → NumPy script writes your trained network as a short Python "
                "file you can read line by line — the same forward pass as above.</li>"
                "</ul>"
                "<p>Hover over any control to read what it means.</p>"
            ),
            self.tr("<h2>15. Moving on to PyTorch</h2>"),
            self.tr(
                "<p>When your networks outgrow NN Studio, take them with you. File → Export → "
                "PyTorch script writes a readable Python file and its weights beside it: the "
                "layers as an nn.Sequential in the order above, with each layer's shapes in a "
                "comment, and the same standardisation and input features. nn.Linear keeps "
                "W{sl} in the course's shape (n{sl}, n{slm}); only the samples move from the "
                "columns to the <b>rows</b>, so PyTorch computes Z{sl}ᵀ = A{slm}ᵀ·W{sl}ᵀ + "
                "b{sl}ᵀ. Run it on a CSV file and it prints the same predictions as NN Studio; "
                "its continue_training function trains on with the same cost and optimizer, "
                "where loss.backward() does step 4 for you.</p>"
                "<p>File → Export → ONNX writes the network for any runtime that reads ONNX, "
                "and File → Open reads back a simple ONNX network trained elsewhere (a chain "
                "of fully-connected layers), so you can read its dimension table and step "
                "through it on a data set with the same n{s0}.</p>"
            ).format(sl=sup("l"), slm=sup("l-1"), s0=sup(0)),
            self.tr(
                "<p>Dropout and batch normalisation go along. A hidden layer with keep_prob "
                "below 1 gets an nn.Dropout(p = 1 − keep_prob) after its activation: PyTorch's "
                "dropout is inverted too, and network.train(False) turns it off for "
                "predictions. A layer with batch norm becomes nn.Linear without a bias followed "
                "by nn.BatchNorm1d, which holds γ{sl}, β{sl} and the running mean and variance "
                "NN Studio kept; the ONNX file has a BatchNormalization node in the same place, "
                "and File → Open reads it back. Learning-rate decay and the order of the "
                "mini-batches carry over into continue_training as well.</p>"
            ).format(sl=sup("l")),
        ]
        return "\n".join(part for part in parts if part)

    def bias_variance_chapter(self) -> list[str]:
        """Train, dev and test sets; bias and variance."""
        return [
            self.tr("<h2>8. Train, dev and test sets; bias and variance</h2>"),
            self.tr(
                "<p>A network is judged on data it did not learn from. The Data panel splits "
                "the samples three ways, at random but with a seed, each class keeping its "
                "share in every part: the <b>training set</b> (the m columns of X that gradient "
                "descent sees), the <b>dev set</b> (held back; the cost and accuracy views "
                "draw it beside the training data, and you choose settings by it) and the "
                "<b>test set</b> (kept apart until the end). With a few thousand samples "
                "60 / 20 / 20 % is usual; with millions, 1 % each for dev and test is "
                "plenty.</p>"
            ),
            self.tr(
                "<p>Why a test set when there is a dev set? Each time you keep the setting with "
                "the lowest dev error, the dev set helps choose the network, and its error "
                "becomes a little optimistic. The test set chose nothing: evaluate on it once, "
                "at the end (Evaluate on test, in the Bias and variance view), and its error "
                "tells how the network will do on new data.</p>"
            ),
            self.tr(
                "<p>Then compare the errors. The <b>avoidable bias</b> is the training error "
                "minus the human-level error (how well people do: a stand-in for the lowest "
                "error possible, the Bayes error; 0 when unknown). The <b>variance</b> is the "
                "dev error minus the training error. Training error 1 %, dev error 11 %: high "
                "variance, the network overfits its training data. Training 15 %, dev 16 %: "
                "high bias, it underfits. Training 15 %, dev 30 %: both. Training 0.5 %, dev "
                "1 %: fine. The Bias and variance view names the situation when a run ends; "
                "a gap of 2 percentage points or more counts as high. A regression has no "
                "error rate, so there the cost J is compared.</p>"
            ),
            self.picture("verdict"),
            self.tr(
                "<p>The course's recipe: with high bias, try a bigger network (more units or "
                "layers), train longer or with a better optimizer, or another architecture, "
                "until the training error is good enough. Then, with high variance: more data, "
                "regularisation (L2 λ, dropout) or another architecture. Work on the larger gap "
                "first. With few samples the dev error is itself noisy: one sample in a dev set "
                "of 80 is 1.25 percentage points.</p>"
            ),
        ]

    def tuning_chapter(self) -> list[str]:
        """Random search over hyperparameters, judged on the dev set."""
        return [
            self.tr("<h2>13. Tuning hyperparameters</h2>"),
            self.tr(
                "<p>The learning rate α, the L2 λ and the number of hidden units are "
                "<b>hyperparameters</b>: gradient descent does not learn them, you choose them. "
                "The course's advice is to try values <b>at random</b> rather than on a grid: "
                "with 25 runs on a 5 × 5 grid over two settings you see only 5 values of each, "
                "while 25 random runs try 25 values of each, and usually only one of the two "
                "matters much.</p>"
            ),
            self.tr(
                "<p>Sample on the right <b>scale</b>. A learning rate between 0.0001 and 1, "
                "sampled uniformly, lands between 0.1 and 1 nine times in ten. Sampled on a log "
                'scale, <span class="formula">α = 10<sup>r</sup></span> with r uniform '
                "between −4 and 0, every decade gets as many runs. The same holds for λ. The "
                "number of units is a whole number, sampled from its range directly, and "
                "dropout's keep_prob is sampled uniformly, by default between 0.5 and 1.</p>"
            ),
            self.tr(
                "<p>The Tuning view does this: tick the hyperparameters, give their ranges, the "
                "number of runs, the epochs of each (short runs are enough to tell a good value "
                "from a bad one) and a seed (the same seed samples the same values again), then "
                "press Start. Each run trains a copy of your network from fresh initial weights "
                "on the training set, in the background; your own network and settings do not "
                "change. Its <b>dev</b> error decides which values are good: the plot shows it "
                "against each sampled value, the table lists the runs from the best. Look for "
                "the region where the dev error is low, then search again more finely inside "
                "it (coarse to fine). Send best to Compare runs keeps the best runs, named by "
                "their values, beside your own.</p>"
            ),
            self.picture("tuning"),
            self.tr(
                '<p class="note">The dev set chose these values, so its error is now a little '
                "optimistic: measure the final network once on the test set.</p>"
            ),
        ]


def show_guide(parent: QWidget | None = None, diagram: QWidget | None = None) -> GuideDialog:
    """Open the guide without blocking the main window; returns the dialog."""
    dialog = GuideDialog(parent, diagram)
    dialog.show()
    return dialog
