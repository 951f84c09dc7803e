"""``python -m nnstudio`` starts the application.

Run from the root of a source checkout, ``python -m nnstudio`` imports the checkout's
``nnstudio/`` (the current folder comes first on ``sys.path``), not the installed copy. Its data
files are in ``resources/`` next to it, which only an install maps to ``nnstudio.resources``;
when no install provides that mapping (pip install without ``-e``), it is made here.
"""

import importlib.util
import sys
from pathlib import Path


def use_checkout_resources() -> None:
    """Make ``resources/`` beside this package importable as ``nnstudio.resources`` when
    nothing else provides that module."""
    if importlib.util.find_spec("nnstudio.resources") is not None:
        return
    folder = Path(__file__).resolve().parent.parent / "resources"
    spec = importlib.util.spec_from_file_location(
        "nnstudio.resources", folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    if spec is None or spec.loader is None or not (folder / "__init__.py").is_file():
        return  # not a checkout: the import error that follows names the missing module
    module = importlib.util.module_from_spec(spec)
    sys.modules["nnstudio.resources"] = module
    spec.loader.exec_module(module)


use_checkout_resources()

from nnstudio.app import main  # noqa: E402

raise SystemExit(main())
