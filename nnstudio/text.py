"""Translatable messages for the Qt-free packages (engine, data, files, learn, the session).

They never import Qt, yet what they tell a learner (a SpecError's reason, a CSV error, a model
file's problem, a step's explanation) must appear in the interface's language. Two functions
mark such text, with the signatures of Qt's own so that ``pyside6-lupdate`` extracts it:

``translate(context, source)``
    The text in the current language, now: ``translate("CsvError", "row {row} is empty")
    .format(row=3)``. Messages are templates with named fields; the values stay as they are.
    Without a translator (the command line, tests) it is ``source`` itself, in English.

``translatable(context, source)``
    For constants made at import time (a data set's title, a loss's name): a :class:`Text`,
    an ordinary ``str`` holding the English, that remembers ``context`` and ``source`` so that
    :func:`localized` can give it in the current language when it is shown. lupdate finds these
    calls through ``-tr-function-alias QT_TRANSLATE_NOOP+=translatable``
    (``packaging/update_translations.py``).

The GUI installs Qt's translator here with :func:`set_translator`
(``nnstudio.gui.window.language.install_language``). The source must be a plain string literal (no
f-string, no ``%``): lupdate reads the literal, and at run time the same literal is looked up.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _untranslated(context: str, source: str) -> str:
    return source


_translator: Translator = _untranslated


def set_translator(translator: Translator | None) -> None:
    """Use ``translator(context, source)`` from now on (None: English again)."""
    global _translator
    _translator = translator if translator is not None else _untranslated


def translate(context: str, source: str) -> str:
    """``source`` in the current language (``source`` itself when there is no translation)."""
    text = _translator(context, source)
    if not text or text == source:
        return source
    return _Translated(text, source)


class _Translated(str):
    """A translated template whose ``format`` falls back to the English source when the
    translation names a field the code does not give: a slip in a translation must never hide
    the message (least of all an error message)."""

    source: str

    def __new__(cls, text: str, source: str) -> _Translated:
        translated = super().__new__(cls, text)
        translated.source = source
        return translated

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # copy and pickle
        return (str(self), self.source)

    def format(self, /, *args: object, **kwargs: object) -> str:
        try:
            return str.format(self, *args, **kwargs)
        except (KeyError, IndexError, ValueError):
            return self.source.format(*args, **kwargs)


class Text(str):
    """English text marked with :func:`translatable`; ``str(text)`` is the English."""

    context: str
    source: str

    def __new__(cls, context: str, source: str) -> Text:
        text = super().__new__(cls, source)
        text.context = context
        text.source = source
        return text

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # copy and pickle
        return (self.context, self.source)

    def localized(self) -> str:
        """The text in the current language."""
        return translate(self.context, self.source)


def translatable(context: str, source: str) -> Text:
    """Mark a constant for translation; show it with :func:`localized`."""
    return Text(context, source)


def count(n: int, one: str, many: str) -> str:
    """``one`` when ``n`` is 1, else ``many``, with ``{n}`` filled in: English says "1 feature"
    and "2 features". Pass both templates translated, each as its own literal call so that
    lupdate finds them: ``count(k, translate("C", "{n} class"), translate("C", "{n} classes"))``.
    """
    return (one if n == 1 else many).format(n=n)


def localized(value: object) -> str:
    """A :class:`Text` in the current language; anything else as ``str(value)``."""
    if isinstance(value, Text):
        return value.localized()
    return str(value)
