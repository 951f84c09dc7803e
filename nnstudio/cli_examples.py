"""``nnstudio-cli examples``: list the example models shipped with NN Studio and copy one out.

    nnstudio-cli examples                         # name and one line each
    nnstudio-cli examples flower -o flower.nnstudio

The examples live inside the installed package (``nnstudio/resources/examples``), where someone
who installed with pip would not look; this command names them and copies one to a path of the
user's choice, never over an existing file. Never imports Qt.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any, TextIO

from .files import FILE_SUFFIX
from .files.examples import EXAMPLES, Example
from .resources import resource_path

PROGRAM = "nnstudio-cli"


def example_name(example: Example) -> str:
    """The name the command line uses: the file name without ``.nnstudio``."""
    return Path(example.file_name).stem


def shipped_examples() -> dict[str, tuple[Example, Path]]:
    """Name → (example, path of its file) for every example this installation carries."""
    found = {}
    for example in EXAMPLES:
        path = resource_path("examples", example.file_name)
        if path.is_file():
            found[example_name(example)] = (example, path)
    return found


def list_examples(out: TextIO) -> int:
    examples = shipped_examples()
    if not examples:
        print(f"{PROGRAM}: this installation has no example models", file=sys.stderr)
        return 2
    width = max(map(len, examples))
    for name, (example, _path) in examples.items():
        print(f"{name:<{width}}  {example.title}", file=out)
    return 0


def copy_example(name: str, target: Path, out: TextIO) -> int:
    """Copy the example ``name`` to ``target`` (a file path, or a folder to copy it into)."""
    examples = shipped_examples()
    key = name.removesuffix(FILE_SUFFIX)
    if key not in examples:
        print(
            f"{PROGRAM}: no example called {name!r}; the examples are {', '.join(examples)}",
            file=sys.stderr,
        )
        return 2
    _example, source = examples[key]
    if target.is_dir():
        target = target / source.name
    if target.exists():
        print(f"{PROGRAM}: {target} exists; choose another path or remove it", file=sys.stderr)
        return 2
    if not target.parent.is_dir():
        print(f"{PROGRAM}: the folder {target.parent} does not exist", file=sys.stderr)
        return 2
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        print(f"{PROGRAM}: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"Copied the example {key} to {target}; open it with: nnstudio {target}", file=out)
    return 0


def cmd_examples(args: argparse.Namespace, out: TextIO) -> int:
    if args.name is None:
        if args.output is not None:
            print(
                f"{PROGRAM}: name the example to copy, e.g. examples flower -o PATH",
                file=sys.stderr,
            )
            return 2
        return list_examples(out)
    if args.output is None:
        print(
            f"{PROGRAM}: say where to copy it: {PROGRAM} examples {args.name} -o PATH",
            file=sys.stderr,
        )
        return 2
    return copy_example(args.name, Path(args.output), out)


def add_examples_command(commands: Any) -> None:
    """Add ``examples`` to ``nnstudio-cli``'s sub-commands (an argparse subparsers object)."""
    parser = commands.add_parser(
        "examples",
        help="list the example models, or copy one (examples NAME -o PATH)",
        description="Without NAME: list the example models shipped with NN Studio. With NAME "
        "and -o PATH: copy that example to PATH (a file, or a folder to put it in).",
    )
    parser.add_argument("name", metavar="NAME", nargs="?", help="an example, e.g. flower")
    parser.add_argument("-o", "--output", metavar="PATH", help="where to copy the example")
    parser.set_defaults(run=cmd_examples)
