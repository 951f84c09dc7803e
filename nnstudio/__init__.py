"""NN Studio: build, train and understand fully-connected neural networks."""

__version__ = "0.1.0"
