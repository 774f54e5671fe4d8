"""Every QSettings key the app uses, declared once, and the geometry memory.

Owns: ``Settings`` (typed access to preferences and remembered UI state, with
a ``settings_version`` and upgrade steps) and ``RememberGeometry`` (saves a
window's or dialog's geometry and splitter sizes under a class-derived key).
``QSettings(`` appears nowhere else; tests pass a file under ``tmp_path``.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

SETTINGS_VERSION = 1
MAX_RECENT = 8
LANGUAGES: tuple[str, ...] = ("zh_CN", "en")


@dataclass(frozen=True)
class Key:
    """A declared settings key: where it lives, its type and its default."""

    name: str
    type: type
    default: Any


def _default_editor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some containers)
        return "editor"


# Preferences the editor sets in the Preferences dialog.
EDITOR_NAME = Key("preferences/editor_name", str, "")  # "" = the system user name
LANGUAGE = Key("preferences/language", str, "zh_CN")
FONT_SIZE = Key("preferences/font_size", int, 11)
# Machine spans whose confidence is below this percentage are drawn and listed as uncertain.
UNCERTAIN_BELOW = Key("preferences/uncertain_below_percent", int, 60)
# Remembered state.
LAST_PROJECT = Key("state/last_project", str, "")
RECENT_PROJECTS = Key("state/recent_projects", list, [])
LAST_IMPORT_DIR = Key("state/last_import_dir", str, "")
# Per project (the group is a digest of the project's resolved path): the article and the
# list filter the editor left it at, as JSON {"article_id", "status", "tag", "label", "query"}.
PROJECT_PLACE = Key("projects/{digest}/place", str, "")
VERSION = Key("settings_version", int, 0)


class Settings:
    """Typed access to the app's QSettings (an INI file)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Newsdesk", "newsdesk")
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        self._upgrade()

    @property
    def file_name(self) -> str:
        return self._qs.fileName()

    def get(self, key: Key) -> Any:
        raw = self._qs.value(key.name, key.default)
        if key.type is list:
            if raw is None or raw == "":
                return []
            return [str(v) for v in raw] if isinstance(raw, list) else [str(raw)]
        if key.type is int:
            try:
                return int(raw)  # type: ignore[call-overload]  # QSettings gives str or int; others refuse below
            except (TypeError, ValueError):
                return key.default
        return key.type(raw) if raw is not None else key.default

    def set(self, key: Key, value: Any) -> None:
        self._qs.setValue(key.name, value)
        self._qs.sync()

    # --- preferences -------------------------------------------------------
    def editor_name(self) -> str:
        return self.get(EDITOR_NAME).strip() or _default_editor()

    def has_editor_name(self) -> bool:
        """Whether the editor has told us their name (the first start asks for it)."""
        return bool(self.get(EDITOR_NAME).strip())

    def language(self) -> str:
        lang = self.get(LANGUAGE)
        return lang if lang in LANGUAGES else LANGUAGE.default

    def font_size(self) -> int:
        return max(8, min(28, self.get(FONT_SIZE)))

    # --- recent projects ---------------------------------------------------
    def get_last_project(self) -> str:
        return self.get(LAST_PROJECT)

    def recent_projects(self) -> list[str]:
        return self.get(RECENT_PROJECTS)

    def remember_project(self, path: Path) -> None:
        text = str(Path(path).resolve())
        recent = [p for p in self.recent_projects() if p != text]
        self.set(RECENT_PROJECTS, [text, *recent][:MAX_RECENT])
        self.set(LAST_PROJECT, text)

    # --- where the editor left each project ------------------------------------
    @staticmethod
    def _place_key(path: Path) -> Key:
        digest = hashlib.sha1(str(Path(path).resolve()).encode("utf-8")).hexdigest()[:16]
        return Key(PROJECT_PLACE.name.format(digest=digest), str, "")

    def project_place(self, path: Path) -> dict[str, Any]:
        """The article and filter the editor left ``path`` at ({} when never opened here)."""
        try:
            place = json.loads(self.get(self._place_key(path)) or "{}")
        except ValueError:
            return {}
        return place if isinstance(place, dict) else {}

    def set_project_place(self, path: Path, place: dict[str, Any]) -> None:
        self.set(self._place_key(path), json.dumps(place, ensure_ascii=False, sort_keys=True))

    # --- geometry ----------------------------------------------------------
    def geometry(self, name: str) -> QByteArray | None:
        value = self._qs.value(f"geometry/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._qs.setValue(f"geometry/{name}", value)
        self._qs.sync()

    def _upgrade(self) -> None:
        version = self.get(VERSION)
        if version < 1:
            # Version 0 -> 1: nothing to move yet; the step exists so later
            # versions have a place to rename or convert keys.
            self._qs.setValue(VERSION.name, 1)
        self._qs.sync()


class RememberGeometry:
    """Mixin for top-level widgets: restore and save geometry and splitters.

    The host calls ``restore_geometry(settings)`` after building its layout and
    ``save_geometry(settings)`` when it closes.  Splitters must have an object
    name; their sizes are saved under ``<ClassName>.<objectName>``.
    """

    def _geometry_key(self) -> str:
        return type(self).__name__

    def restore_geometry(self, settings: Settings) -> bool:
        """Restore what was saved; False when nothing was (first start)."""
        widget: QWidget = self  # type: ignore[assignment]
        saved = settings.geometry(self._geometry_key())
        if saved is not None:
            widget.restoreGeometry(saved)
        for splitter in widget.findChildren(QSplitter):
            if splitter.objectName():
                state = settings.geometry(f"{self._geometry_key()}.{splitter.objectName()}")
                if state is not None:
                    splitter.restoreState(state)
        return saved is not None

    def save_geometry(self, settings: Settings) -> None:
        widget: QWidget = self  # type: ignore[assignment]
        settings.set_geometry(self._geometry_key(), widget.saveGeometry())
        for splitter in widget.findChildren(QSplitter):
            if splitter.objectName():
                settings.set_geometry(f"{self._geometry_key()}.{splitter.objectName()}", splitter.saveState())
