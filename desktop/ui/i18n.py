"""Interface language: loading the translation and filling translated templates.

Owns: ``install_translator`` (zh_CN unless English is chosen; English is the
source language and needs no file) and ``fill`` ("%1 of %2" templates, the Qt
convention translators know, filled in one pass so an argument containing
"%2" is never substituted again) and ``local_time`` (stored UTC timestamps
shown in the editor's local time) and ``QT_TRANSLATE_NOOP`` (Qt's marker of a text to
translate later, typed: Qt's own is declared to return ``object``).
"""

from __future__ import annotations

import re
from datetime import datetime, UTC

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resource_path

_PLACEHOLDER = re.compile(r"%(\d)")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged (translated when shown)."""
    return text


def fill(template: str, *args: object) -> str:
    return _PLACEHOLDER.sub(lambda m: str(args[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(args) else m.group(0), template)


def install_translator(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the app's (and Qt's own) translations; return them to keep alive."""
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(str(resource_path("i18n", f"newsdesk_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)  # standard buttons (OK, Cancel…) of Qt's dialogs
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed


def local_time(iso: str | None, seconds: bool = False) -> str:
    """A stored UTC timestamp ("2024-05-01T08:00:00Z") as the editor's local time "2024-05-01 16:00"."""
    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")
