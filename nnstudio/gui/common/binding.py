"""Connect a widget to session events without keeping a deleted widget alive.

The session is plain Python and outlives nothing on purpose: a callback that finds its widget
gone (Python wrapper collected or the C++ object deleted) disconnects itself.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject

from ...session import Events


def bind(events: Events, name: str, widget: QObject, method: Callable[[], None]) -> None:
    """Call ``method`` (a bound method of ``widget``) whenever ``events`` emits ``name``."""
    target = weakref.WeakMethod(method)
    owner = weakref.ref(widget)

    def callback() -> None:
        obj, fn = owner(), target()
        if obj is None or fn is None or not shiboken6.isValid(obj):
            events.disconnect(name, callback)
            return
        fn()

    events.connect(name, callback)
