"""Where the parameters live: one contiguous vector θ = [W1, …, WL, b1, …, bL] (then, for the
layers l with batch normalisation, γ[l] and β[l], each (n[l], 1)).

``Network.params`` stays a plain dict ``{"W1": …, "b1": …}``; its arrays are C-contiguous views
into one flat buffer, W[l] (n[l], n[l-1]) and b[l] (n[l], 1) exactly as before. Keeping them
together lets the training step update every parameter with one NumPy call, check every
gradient with one reduction, and add the L2 term over all W[l] at once (the weights come first).
Gradients and optimizer state use the same layout, so they line up element for element.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

Array = np.ndarray


class ParameterLayout:
    """Offsets of ``W1 … WL``, ``b1 … bL`` and then ``gamma{l}``, ``beta{l}`` of the layers in
    ``batch_norm_layers`` in a flat vector of ``size`` elements."""

    def __init__(self, layer_dims: Sequence[int], batch_norm_layers: Sequence[int] = ()) -> None:
        dims = tuple(int(n) for n in layer_dims)
        L = len(dims) - 1
        self.layer_dims = dims
        norm = set(batch_norm_layers)
        #: names in the order of ``Network.params`` (W1, b1, [gamma1, beta1,] W2, b2, …)
        self.names: tuple[str, ...] = tuple(
            f"{k}{l}"
            for l in range(1, L + 1)
            for k in (("W", "b", "gamma", "beta") if l in norm else ("W", "b"))
        )
        self.shapes: dict[str, tuple[int, int]] = {}
        self.offsets: dict[str, int] = {}
        offset = 0
        for l in range(1, L + 1):
            self.shapes[f"W{l}"] = (dims[l], dims[l - 1])
            self.offsets[f"W{l}"] = offset
            offset += dims[l] * dims[l - 1]
        #: the weights occupy ``flat[:weight_size]`` (what the L2 term sums over)
        self.weight_size = offset
        for l in range(1, L + 1):
            self.shapes[f"b{l}"] = (dims[l], 1)
            self.offsets[f"b{l}"] = offset
            offset += dims[l]
        for l in sorted(norm):
            for kind in ("gamma", "beta"):
                self.shapes[f"{kind}{l}"] = (dims[l], 1)
                self.offsets[f"{kind}{l}"] = offset
                offset += dims[l]
        self.size = offset

    def views(self, flat: Array) -> dict[str, Array]:
        """``{"W1": view, "b1": view, …}`` into ``flat``, each C-contiguous with its own shape."""
        out = {}
        for name in self.names:
            start = self.offsets[name]
            rows, cols = self.shapes[name]
            out[name] = flat[start : start + rows * cols].reshape(rows, cols)
        return out

    def pack(
        self, arrays: Mapping[str, Array], dtype: np.dtype | str
    ) -> tuple[Array, dict[str, Array]]:
        """Copy ``arrays`` (cast to ``dtype``) into a new flat buffer; return it and its views."""
        flat = np.empty(self.size, dtype=dtype)
        views = self.views(flat)
        for name, view in views.items():
            view[...] = arrays[name]
        return flat, views

    def packed_buffer(self, arrays: Mapping[str, Array], dtype: np.dtype) -> Array | None:
        """The flat buffer ``arrays`` are views of, if they are laid out exactly as here."""
        first = arrays.get(self.names[0]) if self.names else None
        flat = getattr(first, "base", None)
        if not isinstance(flat, np.ndarray) or flat.ndim != 1 or flat.size != self.size:
            return None
        if flat.dtype != dtype or not flat.flags.c_contiguous or not flat.flags.writeable:
            return None
        start = flat.__array_interface__["data"][0]
        for name in self.names:
            a = arrays.get(name)
            if (
                not isinstance(a, np.ndarray)
                or a.base is not flat
                or a.shape != self.shapes[name]
                or not a.flags.c_contiguous
                or a.__array_interface__["data"][0] - start != self.offsets[name] * flat.itemsize
            ):
                return None
        return flat
