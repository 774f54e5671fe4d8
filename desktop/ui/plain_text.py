"""Showing text from files, projects and users as text, never as markup.

Owns the few ways Qt would otherwise interpret such text, and the one safe
form for each:

- ``plain_label`` / ``make_plain``: a ``QLabel`` with ``Qt.PlainText`` and no
  link opening (``QLabel`` guesses rich text from a leading ``<b>`` otherwise).
- ``tooltip``: tool tips are always guessed (``Qt::mightBeRichText``), so user
  text goes in escaped inside an explicit rich-text wrapper.
- ``escape_html``: for rich text composed from parts (only for parts; the
  history diff builds ``QTextDocument`` formats directly instead).
- ``menu_text``: ``&`` in an action, button or check box text is a mnemonic.
- ``window_title``: ``[*]`` in a window title is the modified-marker placeholder.

Every widget that shows a page title, a file or project name, an editor,
a tag, a note or an author uses these; message boxes are ``Interaction``'s
(plain text, no link opening).  tests/reliability/test_markup_is_text.py
feeds markup through every such place.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def escape_html(text: str) -> str:
    """``text`` for a place inside rich text: ``<``, ``>``, ``&`` and quotes escaped."""
    return html.escape(text, quote=True)


def make_plain(label: QLabel) -> QLabel:
    """Make ``label`` show its text literally, with no links to open."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A ``QLabel`` that shows ``text`` literally."""
    label = make_plain(QLabel(parent))
    label.setText(text)
    return label


def tooltip(text: str) -> str:
    """A tool tip that shows ``text`` literally (line breaks kept, long lines wrapped)."""
    if not text:
        return ""
    lines = [escape_html(line) for line in text.split("\n")]
    return "<qt>" + "<br/>".join(lines) + "</qt>"


def menu_text(text: str) -> str:
    """``text`` for an action, button or check box: a literal ``&`` is not a mnemonic."""
    return text.replace("&", "&&")


def window_title(text: str) -> str:
    """``text`` for ``setWindowTitle``: a literal ``[*]`` is not the modified marker."""
    return text.replace("[*]", "[*][*]")
