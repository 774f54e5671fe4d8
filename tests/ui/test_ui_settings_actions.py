"""Declared settings, remembered geometry, and the one table of shortcuts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QTextEdit, QWidget

from desktop.ui.actions import ACTIONS, ActionSet
from desktop.ui.settings import (
    EDITOR_NAME,
    FONT_SIZE,
    LANGUAGE,
    RememberGeometry,
    Settings,
)

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"


def test_settings_defaults_and_round_trip(tmp_path):
    s = Settings(tmp_path / "s.ini")
    assert s.language() == "zh_CN"
    assert s.editor_name()  # the system user name by default
    s.set(EDITOR_NAME, "王编辑")
    s.set(LANGUAGE, "en")
    s.set(FONT_SIZE, 14)
    again = Settings(tmp_path / "s.ini")
    assert (again.editor_name(), again.language(), again.font_size()) == ("王编辑", "en", 14)


def test_recent_projects_are_deduplicated_newest_first(tmp_path):
    s = Settings(tmp_path / "s.ini")
    for name in ("a", "b", "a"):
        s.remember_project(tmp_path / f"{name}.sqlite")
    assert [Path(p).name for p in s.recent_projects()] == ["a.sqlite", "b.sqlite"]
    assert Path(s.get_last_project()).name == "a.sqlite"


class _Window(RememberGeometry, QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("split")
        self.splitter.addWidget(QWidget())
        self.splitter.addWidget(QWidget())
        self.setCentralWidget(self.splitter)


def test_geometry_and_splitters_are_remembered(qtbot, tmp_path):
    s = Settings(tmp_path / "s.ini")
    w = _Window()
    qtbot.addWidget(w)
    w.resize(700, 500)
    w.show()
    w.splitter.setSizes([100, 600])
    w.save_geometry(s)
    w2 = _Window()
    qtbot.addWidget(w2)
    w2.show()
    w2.restore_geometry(Settings(tmp_path / "s.ini"))
    assert w2.size() == w.size()
    assert w2.splitter.sizes()[0] == w.splitter.sizes()[0]


def test_no_shortcut_is_used_twice():
    keys = Counter(QKeySequence(s).toString() for spec in ACTIONS for s in spec.shortcuts)
    assert [k for k, n in keys.items() if n > 1] == []
    assert all(QKeySequence(s).toString() for spec in ACTIONS for s in spec.shortcuts)  # every one parses


def test_label_keys_come_from_labels_json():
    keys = {spec.text: spec.shortcuts for spec in ACTIONS if spec.id.startswith("span.label.")}
    assert keys["PER"] == ("1",) and keys["DOC"] == ("7",)


def test_action_set_puts_article_actions_on_the_text(qtbot):
    window, text = QMainWindow(), QTextEdit()
    qtbot.addWidget(window)
    actions = ActionSet(window, text)
    assert actions["span.label.PER"] in text.actions()
    assert actions["file.open"] in window.actions()


def test_keys_and_dialogs_are_declared_in_one_place_each():
    for path in UI.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if path.name != "actions.py":
            assert "QKeySequence(" not in source, path
        if path.name != "settings.py":
            assert "QSettings(" not in source, path
        if path.name != "interaction.py":
            assert "QMessageBox" not in source and "QFileDialog" not in source, path
