"""Training in the GUI: the training panel (hyperparameters and run controls), the controller
that owns a run, the worker thread that drives the engine's training generator, frame pacing,
the status line, the offer to end a paused run, the message box that says why a run could not
start and the probe cache the live views are fed from. Modules here may import
``nnstudio.gui.common``, ``nnstudio.gui.builder`` (undo commands, the number box) and the
Qt-free packages; never the views, learn or window rooms.
"""

from .controller import TrainingController
from .panel import TrainingPanel
from .paused_edit import EndRunOffer, paused_reason
from .refusal import RunRefusal

__all__ = ["EndRunOffer", "RunRefusal", "TrainingController", "TrainingPanel", "paused_reason"]
