"""``nnstudio-cli export``: a model file as a PyTorch script, an ONNX model or a NumPy script.

    nnstudio-cli export MODEL.nnstudio --format pytorch -o net      # net.py + net.npz
    nnstudio-cli export MODEL.nnstudio --format onnx -o net         # net.onnx
    nnstudio-cli export MODEL.nnstudio --format numpy -o net        # net.py + net.npz

Each export computes what ``nnstudio-cli predict`` computes: the stored standardisation, the
input features and the layers. The ONNX format needs the optional ``onnx`` package
(``pip install "nnstudio[export]"``); the error says so when it is missing. Never imports Qt.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from .cli_train import CliError, output_path
from .files import load_model
from .interop import OnnxMissingError, export_onnx, plan_from_model
from .learn import export_numpy_script

FORMATS = ("pytorch", "onnx", "numpy")


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    model = load_model(args.model)
    target = Path(args.out)
    if target.is_dir():
        raise CliError(f"{target} is a folder; give a file name such as {target / 'model'}")
    written: list[Path] = []
    try:
        if args.format == "onnx":
            written = [export_onnx(plan_from_model(model), target)]
        elif args.format == "pytorch":
            from .interop import export_pytorch_script

            written = list(export_pytorch_script(plan_from_model(model), _script(target)))
        else:
            data = model.dataset
            written = list(
                export_numpy_script(
                    model.network,
                    _script(target),
                    model.standardizer,
                    list(data.class_names) if data is not None and data.class_names else None,
                    model.input_features,
                )
            )
    except OnnxMissingError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CliError(f"{target} could not be written: {reason}") from None
    except ValueError as exc:
        raise CliError(f"the model cannot be exported as {args.format}: {exc}") from None
    print("wrote " + " and ".join(str(path) for path in written), file=out)
    return 0


def _script(target: Path) -> Path:
    """OUT → OUT.py (a name ending in .py stays as it is)."""
    return target if target.suffix == ".py" else target.with_name(target.name + ".py")


def add_export_command(commands: Any) -> None:
    """Add ``export`` to the command line's sub-commands."""
    ex = commands.add_parser(
        "export",
        help="write a model as a PyTorch script, an ONNX model or a NumPy script",
        description="Write MODEL as a PyTorch script (OUT.py and its weights OUT.npz), an ONNX "
        'model (OUT.onnx; needs pip install "nnstudio[export]") or a NumPy script (OUT.py and '
        "OUT.npz). Run as python OUT.py DATA.csv, a script prints what nnstudio-cli predict "
        "prints.",
    )
    ex.add_argument("model", metavar="MODEL", help="a .nnstudio file")
    ex.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    ex.add_argument(
        "-o", "--out", required=True, metavar="OUT", type=output_path, help="the file to write"
    )
    ex.set_defaults(run=cmd_export)
