"""The Newsdesk desktop application: every line of Qt code lives under this package.

Owns nothing itself; see ``app`` (startup), ``main_window`` (composition) and
``context`` (the state every pane shares).
"""

import sys as _sys

import PySide6 as _pyside  # noqa: F401 - its import installs shiboken's feature hook, patched below


def _no_feature_source_scan() -> None:
    """Stop PySide6 reading the source of every module imported after it.

    shiboken's ``__feature__`` import hook calls ``inspect.getsource`` on each
    module imported once PySide6 is loaded, to see whether the text "PySide6"
    occurs in it (so that ``from __feature__ import snake_case`` could be used
    there).  That fills ``linecache`` with the whole source of ~600 modules:
    15 MB of text, ~40 MB of Python objects kept for the life of the app
    (tracemalloc, bench/bench_app.py), and it reads every file at start-up.
    Newsdesk uses no ``__feature__``, so every module is "ignored" (-1), which
    leaves the feature selection at its default for all of them.
    """
    feature = _sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda _module: False  # type: ignore[attr-defined]  # checked just above


_no_feature_source_scan()
