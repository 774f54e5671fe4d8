"""The project store: one SQLite file per project, reached only through ``Store``
(desktop/store/store.py).  This package is the only place in Newsdesk that runs SQL.

sqlite-utils imports pandas and numpy when they are installed, only to map their
types to column types (which the store never inserts).  pandas alone took 1-2.4 s
of the app's launch where it is installed (a test dependency brings it), and numpy
~0.3 s that the app defers until the first article is shown (``id_arrays``).  So
when sqlite-utils is first imported (by whichever store module comes first; not
here: the window imports this package without the database layer), both are
hidden while its modules run; they stay importable afterwards.
"""

import importlib.abc
import importlib.util
import sys  # (no `from __future__ import annotations` here: it would hide the submodule `annotations`)


class _LeanSqliteUtils(importlib.abc.MetaPathFinder):
    """Finds ``sqlite_utils`` once, through the other finders, and runs it with pandas/numpy hidden."""

    def find_spec(self, name, path=None, target=None):  # noqa: ANN001, ANN201 - importlib's protocol
        if name != "sqlite_utils":
            return None
        if self in sys.meta_path:
            sys.meta_path.remove(self)  # once: later imports find it in sys.modules
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        real_exec = spec.loader.exec_module

        def exec_module(module):  # noqa: ANN001, ANN202
            hidden = [n for n in ("pandas", "numpy") if n not in sys.modules]
            for n in hidden:
                sys.modules[n] = None  # "import n" raises ImportError
            try:
                real_exec(module)
            finally:
                for n in hidden:
                    if n in sys.modules and sys.modules[n] is None:
                        del sys.modules[n]

        spec.loader.exec_module = exec_module
        return spec


if "sqlite_utils" not in sys.modules:
    sys.meta_path.insert(0, _LeanSqliteUtils())
