"""The translation catalogs: complete, up to date with the code, and compiled.

resources/translations/nnstudio_<lang>.ts is the source a translator edits; the .qm next to it
is what the app loads (committed, because pip does not run lrelease). Run
``python packaging/update_translations.py`` after changing a text (docs/translations.md).
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "update_translations.py"
FIELD = re.compile(r"\{[^{}]*\}")
ACCELERATOR = re.compile(r"&(?!\w+;)(\w)")  # not an HTML entity such as &gt;
HOW_TO_FIX = "run: python packaging/update_translations.py, translate, run it again"


def _load_script():
    spec = importlib.util.spec_from_file_location("_update_translations", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _load_script()
CATALOGS = [update.ts_path(language) for language in update.LANGUAGES]


def messages(ts: Path) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, translation type) of every message in ``ts``."""
    result = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            result.append(
                (
                    name,
                    message.findtext("source") or "",
                    translation.text or "",
                    translation.get("type"),
                )
            )
    return result


@pytest.fixture(scope="module", params=CATALOGS, ids=lambda p: p.name)
def catalog(request) -> Path:
    return request.param


def test_every_text_is_translated(catalog: Path) -> None:
    entries = messages(catalog)
    assert len(entries) > 500
    left = [f"{c}: {s!r}" for c, s, t, kind in entries if kind is not None or not t.strip()]
    assert not left, f"{len(left)} texts without translation ({HOW_TO_FIX}):\n" + "\n".join(left)


def test_the_catalog_holds_every_text_of_the_code(catalog: Path, tmp_path: Path) -> None:
    """lupdate over today's code adds nothing and drops nothing."""
    copy = tmp_path / catalog.name
    shutil.copy(catalog, copy)
    language = catalog.stem.split("_", 1)[1]
    update.lupdate(copy, language)
    before = {(c, s) for c, s, _t, _k in messages(catalog)}
    after = {(c, s) for c, s, _t, _k in messages(copy)}
    new, gone = sorted(after - before), sorted(before - after)
    assert not new, f"texts missing from {catalog.name} ({HOW_TO_FIX}):\n" + "\n".join(
        f"{c}: {s!r}" for c, s in new
    )
    assert not gone, f"texts no longer in the code ({HOW_TO_FIX}):\n" + "\n".join(
        f"{c}: {s!r}" for c, s in gone
    )


def test_the_compiled_catalog_is_up_to_date(catalog: Path, tmp_path: Path) -> None:
    committed = catalog.with_suffix(".qm")
    assert committed.is_file(), f"{committed.name} is missing ({HOW_TO_FIX})"
    fresh = update.lrelease(catalog, tmp_path / committed.name)
    assert fresh.read_bytes() == committed.read_bytes(), f"{committed.name} is stale ({HOW_TO_FIX})"


def test_translations_keep_the_fields_and_the_shortcut_keys(catalog: Path) -> None:
    """{fields} are filled in by the code and &-keys become Alt shortcuts: a translation must
    keep both (a missing field would make the code fall back to English)."""
    wrong = []
    for context, source, translation, _kind in messages(catalog):
        if sorted(set(FIELD.findall(source))) != sorted(set(FIELD.findall(translation))):
            wrong.append(f"{context}: {source!r} → {translation!r} (fields)")
        keys = ACCELERATOR.findall(source.replace("&&", ""))
        if keys and [k.upper() for k in ACCELERATOR.findall(translation)] != [
            k.upper() for k in keys
        ]:
            wrong.append(f"{context}: {source!r} → {translation!r} (shortcut key)")
    assert not wrong, "\n".join(wrong)


def test_contexts_are_classes_or_named_contexts(catalog: Path) -> None:
    """``tr`` through a variable (``tr = self.tr``, ``window.tr``) or a module function gives
    lupdate a context the running code never asks for: the text would stay English."""
    contexts = {c for c, _s, _t, _k in messages(catalog)}
    odd = sorted(c for c in contexts if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", c))
    assert not odd, f"contexts that are not class names: {odd}"


TEXT_MODULE = ROOT / "nnstudio" / "text.py"  # translates texts that were marked elsewhere


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_texts_to_translate_are_string_literals() -> None:
    """lupdate reads the literal in the call: a text passed through a variable, a helper such
    as ``def _tr(text): return translate("Ctx", text)``, an f-string, ``%`` or ``+`` never
    reaches the catalog (or never matches what the running code looks up)."""
    bad = []
    for path in update.source_files():
        if path == TEXT_MODULE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "tr" and node.args:
                texts = node.args[:1]
            elif name in ("translate", "translatable") and len(node.args) >= 2:
                texts = node.args[:2]  # the context too
            else:
                continue  # e.g. str.translate(table)
            if not all(_literal(text) for text in texts):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:80]}")
    assert not bad, "texts lupdate cannot read:\n" + "\n".join(bad)
