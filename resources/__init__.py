"""Data files shipped with NN Studio: icons, translations, example models, desktop entry."""

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("icons", "nnstudio.svg")``."""
    return Path(str(files(__name__).joinpath(*parts)))
