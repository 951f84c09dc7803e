"""The view probe of the training data: the fixed inputs the live views are computed on."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor

from ...learn import ViewProbe, grid_size_for, make_probe
from ...session import Session
from ..common import theme


def class_colors_rgb() -> tuple[tuple[int, int, int], ...]:
    """The current theme's class colours as RGB."""
    colors = [QColor(c) for c in theme.current().class_colors]
    return tuple((c.red(), c.green(), c.blue()) for c in colors)


class ProbeCache:
    """The :class:`~nnstudio.learn.ViewProbe` of a session's training data, made again only when the
    training data, the grid size, the input features or the theme's class colours change."""

    def __init__(self) -> None:
        self._probe: ViewProbe | None = None
        self._probe_key: tuple[Any, ...] | None = None

    def get(self, session: Session) -> ViewProbe | None:
        train = session.prepared.train
        grid = grid_size_for(session.spec)
        colors = class_colors_rgb()
        key = (train, grid, session.input_features, colors)
        if (
            self._probe is None
            or self._probe_key is None
            or self._probe_key[0] is not train
            or self._probe_key[1:] != key[1:]
        ):
            self._probe = make_probe(
                train.X,
                train.Y,
                train.task,
                train.n_classes,
                grid_size=grid,
                class_colors=colors,
                features=session.input_features,
            )
            self._probe_key = key
        return self._probe
