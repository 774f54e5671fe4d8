"""The Statistics view and the Export dataset dialog are reachable from the menus and keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.dialogs.export_dialog import ExportDialog
from desktop.ui.dialogs.stats_dialog import StatsDialog


def test_f9_opens_statistics_of_the_open_project(main_window, qtbot, monkeypatch):
    shown: list[StatsDialog] = []
    monkeypatch.setattr(StatsDialog, "exec", lambda self: shown.append(self) or 0)
    main_window.activateWindow()
    main_window.setFocus()
    qtbot.keyClick(main_window, Qt.Key.Key_F9)
    assert len(shown) == 1
    stats = shown[0].stats
    assert stats.articles == main_window.ctx.store.count_articles() == 21
    assert sum(stats.spans_by_label.values()) == sum(main_window.ctx.store.label_counts().values())


def test_export_dataset_action_opens_the_dialog_on_the_store(main_window, qtbot, monkeypatch):
    shown: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda self: shown.append(self) or 0)
    menu = main_window.menuBar().findChild(type(main_window.recent_menu), "menu_file")
    texts = [a.objectName() for a in menu.actions()]
    assert "file.export_dataset" in texts
    main_window.action_set["file.export_dataset"].trigger()
    assert len(shown) == 1
    assert shown[0].store is main_window.ctx.store
