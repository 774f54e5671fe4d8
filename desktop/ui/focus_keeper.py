"""Keyboard focus comes back to where it was when a dialog closes.

Owns: ``FocusKeeper``.  When a modal dialog (preferences, history, statistics,
label-all, a question, a file chooser…) closes, some window systems — an X
server without a window manager, the offscreen platform, some Wayland
compositors — give the activation back to no window at all: the main window
is not active, no widget has the focus, and every shortcut (Ctrl+Enter,
Ctrl+Q, Ctrl+,, the label keys) stays dead until the editor clicks into the
window.  The keeper remembers the last widget of the main window that had the
focus and, when the focus leaves a dialog for nowhere while no other dialog or
popup is open, activates the main window again and gives that widget the
focus back.  It listens only to ``QApplication.focusChanged`` (no event filter
on every event), and it never pulls the focus back when the editor switched
to another application (the focus then leaves the main window itself, not a
dialog).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class FocusKeeper(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.last: QWidget | None = None  # the last widget of the window that had the focus
        self._pending = False
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self.window):
            return
        if new is not None and shiboken6.isValid(new) and new.window() is self.window:
            self.last = new
            return
        if new is None and old is not None and shiboken6.isValid(old) and isinstance(old.window(), QDialog):
            if not self._pending:
                self._pending = True
                QTimer.singleShot(0, self.restore)  # after the dialog has finished closing

    def restore(self) -> None:
        """Activate the window and focus the remembered widget, unless something else took over."""
        self._pending = False
        if not shiboken6.isValid(self.window) or not self.window.isVisible():
            return
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget() is not None:
            return  # another dialog or menu is open: it has the keys
        if QApplication.focusWidget() is not None:
            return  # the window system (or the code after the dialog) gave the focus somewhere already
        self.window.activateWindow()
        target = self.last if self.last is not None and shiboken6.isValid(self.last) else None
        if target is not None and target.isVisible() and target.window() is self.window:
            target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        elif self.window.focusWidget() is not None:
            self.window.focusWidget().setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        else:
            self.window.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
