"""Building the network and choosing its data: the layer editor, the data panel and its CSV
import dialog, the network diagram, the dimension table, the undo commands every edit goes
through and the number box the panels use. Modules here may import ``nnstudio.gui.common`` and
the Qt-free packages; they never import the training, views, learn or window rooms.
"""

from .commands import SessionStateCommand, SetHiddenLayersCommand, SetValueCommand
from .csv_dialog import CsvDialog
from .data_panel import DataPanel, shown_class_names
from .dimension_table import DimensionPanel
from .layer_editor import LayerEditor
from .network_diagram import NetworkDiagram
from .number_box import NumberBox

__all__ = [
    "CsvDialog",
    "DataPanel",
    "DimensionPanel",
    "LayerEditor",
    "NetworkDiagram",
    "NumberBox",
    "SessionStateCommand",
    "SetHiddenLayersCommand",
    "SetValueCommand",
    "shown_class_names",
]
