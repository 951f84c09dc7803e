"""The guide's chapters on the second course, "Improving deep neural networks": initialisation,
regularisation (L2 and dropout), optimisation (mini-batches, momentum, RMSprop, Adam and
learning-rate decay) and batch normalisation, in the course's notation.

They are chapters 9 to 12, after "8. Train, dev and test sets; bias and variance" and before
"13. Things to try" (the numbers are part of the translated headings: renumber both).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def course2_chapters() -> list[str]:
    """The chapters' HTML, a heading and its paragraphs each, in the guide's language."""
    sup = "<sup>[{0}]</sup>".format
    sl, slm = sup("l"), sup("l-1")
    return [
        QCoreApplication.translate("GuideDialog", "<h2>9. Initialisation</h2>"),
        QCoreApplication.translate(
            "GuideDialog",
            "<p>Where the weights start decides whether a network can learn at all. With "
            "<b>zeros</b> every unit of a layer computes the same Z, gets the same gradient and "
            "takes the same step: the symmetry is never broken, and the layer behaves like a "
            "single unit however many it has (b may start at 0, W may not). With <b>large</b> "
            "weights (randn × 10) Z is huge, sigmoid and tanh saturate near their limits "
            "where g′(Z) ≈ 0, the first cost is very high and the gradients vanish. "
            "<b>He</b> initialisation, "
            '<span class="formula">W{sl} = randn(n{sl}, n{slm}) · √(2/n{slm})</span>, keeps '
            "the spread of the activations steady from layer to layer for ReLU; "
            "<b>Xavier</b> uses √(1/n{slm}) for tanh.</p>"
            "<p>Try it: choose zeros, large and He in the Initialisation box of the training "
            "panel, train each with the same seed and compare the runs.</p>",
        ).format(sl=sl, slm=slm),
        QCoreApplication.translate("GuideDialog", "<h2>10. Regularisation: L2 and dropout</h2>"),
        QCoreApplication.translate(
            "GuideDialog",
            "<p>A network with high variance fits its training data too closely. "
            "<b>L2 regularisation</b> adds the size of the weights to the cost, "
            '<span class="formula">J = (1/m) Σ L(ŷ, y) + λ/(2m) · Σ‖W{sl}‖²</span> (the '
            "Frobenius norm: the sum of the squares of all the entries), so that dW{sl} gains "
            "(λ/m)·W{sl} and every update shrinks the weights a little (weight decay). Tick "
            "“Data and regularisation terms” in the cost view to see the two parts of J "
            "apart.</p>"
            "<p><b>Dropout</b> switches units off at random while training. For each hidden "
            "layer, every iteration draws a mask "
            '<span class="formula">D{sl} = (rand(n{sl}, m) &lt; keep_prob)</span> and keeps '
            'only those units: <span class="formula">A{sl} = A{sl} ⊙ D{sl} / keep_prob</span>. '
            "Dividing by keep_prob is what makes it <i>inverted</i> dropout: the expected value "
            "of A{sl} stays the same, so prediction uses the whole network without any change. "
            "Back propagation drops the same units, dA{sl} = dA{sl} ⊙ D{sl} / keep_prob. No "
            "unit can rely on any one input, which spreads out the weights like L2 does. Set "
            "keep_prob per hidden layer in the layer editor and watch the mask in the "
            "step-through. The gradient check runs with dropout off, as the course does: each "
            "new mask would change J.</p>",
        ).format(sl=sl),
        QCoreApplication.translate("GuideDialog", "<h2>11. Optimisation</h2>"),
        QCoreApplication.translate(
            "GuideDialog",
            "<p><b>Mini-batches</b>: instead of all m samples per step, each epoch shuffles "
            "the training set and takes steps on batches of, say, 64 samples, so learning "
            "starts long before the first pass over the data ends; the cost becomes noisy.</p>"
            "<p><b>Momentum</b> steps along a moving average of the gradients, "
            '<span class="formula">v_dW = β·v_dW + (1 − β)·dW</span>, '
            '<span class="formula">W := W − α·v_dW</span>, which damps the zigzag. '
            "<b>RMSprop</b> divides by the root of a moving average of the squared gradients, "
            '<span class="formula">s_dW = β·s_dW + (1 − β)·dW²</span>, '
            '<span class="formula">W := W − α·dW / (√s_dW + ε)</span>. <b>Adam</b> does both '
            "and corrects their start at zero, v̂ = v / (1 − β₁ᵗ), ŝ = s / (1 − β₂ᵗ). The "
            "Matrices view shows v, s, v̂ and ŝ of each layer after each update.</p>"
            "<p><b>Learning-rate decay</b> takes large steps early and smaller ones near the "
            "minimum. After each epoch the rate becomes α = α₀ / (1 + decay_rate · epoch_num) "
            "(inverse), α₀ / (1 + decay_rate · ⌊epoch_num / time_interval⌋) (scheduled: a drop "
            "every time_interval epochs) or α₀ · decay_rate^epoch_num (exponential). Choose it "
            "under LR decay in the training panel; the cost view plots the α in use under the "
            "cost.</p>",
        ),
        QCoreApplication.translate("GuideDialog", "<h2>12. Batch normalisation</h2>"),
        QCoreApplication.translate(
            "GuideDialog",
            "<p>Normalising the inputs speeds up learning; batch norm does the same for the "
            "Z of each hidden layer, over the samples of the batch: "
            '<span class="formula">μ = (1/m) Σ Z{sl}</span>, '
            '<span class="formula">σ² = (1/m) Σ (Z{sl} − μ)²</span>, '
            '<span class="formula">Z_norm = (Z{sl} − μ) / √(σ² + ε)</span> and '
            '<span class="formula">Z̃{sl} = γ{sl} ⊙ Z_norm + β{sl}</span>, then '
            "A{sl} = g(Z̃{sl}). γ{sl} and β{sl}, of shape (n{sl}, 1), are learned like W and "
            "set each unit's mean and spread; b{sl} is dropped, since subtracting μ would "
            "cancel it. Later layers then see inputs whose spread changes less while the "
            "earlier layers learn. At prediction time there may be a single sample, so "
            "running averages of μ and σ² kept during training stand in for the batch's. "
            "Turn it on per hidden layer in the layer editor; the dimension table lists γ and "
            "β, and the step-through shows each step with its arrays.</p>",
        ).format(sl=sl),
    ]
