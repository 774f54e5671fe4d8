"""The layers stay apart: pipeline/store/export import no Qt; the UI runs no SQL."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(sub: str) -> list[Path]:
    return sorted((PKG / sub).rglob("*.py"))


def test_no_qt_below_the_ui():
    offenders = []
    for sub in ("pipeline", "store", "export"):
        for path in _modules(sub):
            bad = {n for n in _imports(path) if n.split(".")[0] in {"PySide6", "shiboken6"} or n.startswith("desktop.ui")}
            if bad:
                offenders.append((path.name, bad))
    assert offenders == []


def test_ui_runs_no_sql():
    offenders = []
    for path in _modules("ui"):
        bad = {n for n in _imports(path) if n.split(".")[0] in {"sqlite3", "sqlite_utils"}}
        text = path.read_text(encoding="utf-8")
        if bad or ".execute(" in text:
            offenders.append(path.name)
    assert offenders == []


def test_only_store_runs_sql():
    offenders = []
    for path in PKG.rglob("*.py"):
        if "store" in path.relative_to(PKG).parts:
            continue
        if {n for n in _imports(path) if n.split(".")[0] in {"sqlite3", "sqlite_utils"}}:
            offenders.append(str(path.relative_to(PKG)))
    assert offenders == []


def test_the_check_itself_sees_imports(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import PySide6.QtCore\nfrom sqlite_utils import Database\n", encoding="utf-8")
    assert {"PySide6.QtCore", "sqlite_utils"} <= _imports(probe)
