"""Update NN Studio's translations: extract the texts (lupdate), then compile them (lrelease).

    python packaging/update_translations.py            # from the repository root, in the venv
    python packaging/update_translations.py --compile  # only .ts → .qm (what build.py runs)

1. ``pyside6-lupdate`` reads every ``nnstudio/**/*.py`` and merges the texts it finds into
   ``resources/translations/nnstudio_<lang>.ts``: ``self.tr("…")``,
   ``QCoreApplication.translate("Context", "…")`` and, in the Qt-free packages,
   ``translate("Context", "…")`` and ``translatable("Context", "…")`` (nnstudio/text.py; the
   latter through ``-tr-function-alias``). New texts arrive as "unfinished"; texts no longer in
   the code are dropped. Translate the unfinished ones (Qt Linguist, or any editor) and run the
   script again.
2. ``pyside6-lrelease`` compiles each .ts to the .qm the app loads. The .qm files are committed,
   so an installation from the sources (pip) has them; tests/gui/test_i18n_catalog.py checks that
   they match their .ts and that nothing is left untranslated.

See docs/translations.md.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE = ROOT / "nnstudio"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)  # English is the source language: it needs no catalog
CATALOG = "nnstudio"
LUPDATE_OPTIONS = (
    "-silent",
    "-no-obsolete",
    "-locations",
    "none",
    "-source-language",
    "en",
    "-tr-function-alias",
    "QT_TRANSLATE_NOOP+=translatable",
)


def find_tool(name: str) -> str | None:
    """PySide6's ``pyside6-<name>`` next to this Python, or on PATH (else Qt's own ``name``)."""
    scripts = Path(sys.executable).parent
    for candidate in (
        scripts / f"pyside6-{name}",
        scripts / f"pyside6-{name}.exe",
        shutil.which(f"pyside6-{name}"),
        shutil.which(name),
    ):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    return None


def tool(name: str) -> str:
    found = find_tool(name)
    if found is None:
        raise SystemExit(
            f"pyside6-{name} not found: install PySide6 (pip install pyside6-essentials)"
        )
    return found


def source_files(package: Path = PACKAGE) -> list[Path]:
    """The Python files lupdate reads, sorted."""
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{CATALOG}_{language}.ts"


def lupdate(ts: Path, language: str, package: Path = PACKAGE) -> None:
    """Merge the texts of ``package`` into ``ts`` (created if missing)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    files = [str(p.relative_to(ROOT)) for p in source_files(package)]
    subprocess.run(
        [tool("lupdate"), *LUPDATE_OPTIONS, "-target-language", language, *files, "-ts", str(ts)],
        check=True,
        cwd=ROOT,
    )


def lrelease(ts: Path, qm: Path | None = None) -> Path:
    """Compile ``ts`` to ``qm`` (default: next to it); unfinished entries are left out."""
    qm = qm if qm is not None else ts.with_suffix(".qm")
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--compile", action="store_true", help="only compile the .ts files to .qm (no lupdate)"
    )
    args = parser.parse_args(argv)
    for language in LANGUAGES:
        ts = ts_path(language)
        if not args.compile:
            lupdate(ts, language)
        qm = lrelease(ts)
        print(f"{ts.relative_to(ROOT)} → {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
