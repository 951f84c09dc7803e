"""Every user-visible text is where lupdate finds it.

pyside6-lupdate reads the source: it extracts ``self.tr("…")``,
``QCoreApplication.translate("Context", "…")`` and the Qt-free ``translate``/``translatable``
only when the context and the text are string literals in the call. A text passed through a
wrapper (``_tr(text)`` calling ``translate("Context", text)``) never reaches the catalog, and
the learner reads it in English whatever the language. nnstudio/text.py, which implements
``translatable``, is the one place a call may take its text from a variable.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "nnstudio"
EXEMPT = {PACKAGE / "text.py"}


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def untranslatable_calls(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("translate", "translatable") and len(node.args) >= 2:
            if not all(_literal(arg) for arg in node.args[:2]):
                found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:80]}")
        elif (
            name == "tr"
            and isinstance(func, ast.Attribute)
            and node.args
            and not _literal(node.args[0])
        ):
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:80]}")
    return found


def test_every_translate_call_names_its_context_and_text_literally():
    found = [
        hit
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in EXEMPT
        for hit in untranslatable_calls(path)
    ]
    assert not found, "texts lupdate cannot extract (write the literal in the call):\n" + "\n".join(
        found
    )


def test_the_check_sees_a_wrapper(tmp_path):
    wrapped = tmp_path / "wrapped.py"
    wrapped.write_text(
        "def _tr(text):\n    return QCoreApplication.translate('View', text)\n", encoding="utf-8"
    )
    assert untranslatable_calls(wrapped)
