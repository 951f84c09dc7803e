"""Learn mode's widgets: step-through, the matrix inspector and its heatmap, gradient flow,
compare runs, the gradient check dialog and the guide. They draw what ``nnstudio.learn``
computes. Modules here may import ``nnstudio.gui.common`` and the Qt-free packages; they never
import the builder, training, views or window rooms (the window wires them to the rest).
"""
