"""Building the network and choosing its data: the layer editor, the data panel and its CSV
import dialog, the network diagram, the dimension table, the undo commands every edit goes
through and the number box the panels use. Modules here may import ``nnstudio.gui.common`` and
the Qt-free packages; they never import the training, views, learn or window rooms.
"""
