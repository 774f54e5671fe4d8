"""The interface is translated the Qt way: Simplified Chinese by default, English on request."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.ui.actions import translated
from desktop.ui.app import configure_application
from desktop.ui.settings import LANGUAGE, Settings

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def test_translation_file_is_complete_and_compiled():
    ts = I18N / "newsdesk_zh_CN.ts"
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert "<source>Quit</source>" in text
    qm = I18N / "newsdesk_zh_CN.qm"
    assert qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime - 5  # rebuilt together


def test_chinese_by_default_and_english_when_chosen(qapp: QApplication, tmp_path):
    settings = Settings(tmp_path / "s.ini")
    configure_application(qapp, settings)
    assert translated("Quit") == "退出"
    assert translated("Mark reviewed and go to next unreviewed") == "标为已审并转到下一篇未审"
    settings.set(LANGUAGE, "en")
    configure_application(qapp, settings)
    assert translated("Quit") == "Quit"
    settings.set(LANGUAGE, "zh_CN")
    configure_application(qapp, settings)


def test_menus_of_the_running_window_are_chinese(main_window):
    titles = [a.text() for a in main_window.menuBar().actions()]
    assert titles[0] == "文件(&F)"
    assert main_window.action_set["file.quit"].text() == "退出"
    from PySide6.QtCore import Qt

    assert main_window.article_list.model.headerData(2, Qt.Orientation.Horizontal) == "标题"
