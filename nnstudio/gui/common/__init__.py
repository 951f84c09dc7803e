"""Pieces every room of the GUI shares: colours and text formats (``style``), plot items and the
plot factory (``plot_items``), the binding of session events to widgets (``binding``) and the
translatable texts of pyqtgraph's own menus (``pyqtgraph_texts``). Modules here import PySide6,
pyqtgraph and the Qt-free packages (``nnstudio.session``, ``nnstudio.engine``, …) only, never
another ``nnstudio.gui`` sub-package.
"""
