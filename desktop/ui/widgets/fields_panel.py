"""The record an editor reviews beside the text: fields, authors, tags, status, note.

Owns: ``FieldsPanel``.  Line edits save when editing finishes (Enter or focus
leaves), the note a moment after typing stops; each save is an undoable
command.  When the current article changes or is edited elsewhere (undo,
another pane), the panel shows the stored values again, except in an editor
the user is typing in.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.pipeline.model import STATUSES
from desktop.store.errors import StoreError
from desktop.store.field_values import field_value
from desktop.store.records import ArticleRecord
from desktop.ui.commands import (
    SetAuthorsCommand,
    SetFieldCommand,
    SetStatusCommand,
    SetTagsCommand,
)
from desktop.ui.context import AppContext
from desktop.ui.i18n import local_time
from desktop.ui.messages import explain
from desktop.ui.models.article_table import status_text
from desktop.ui.plain_text import plain_label
from desktop.ui.widgets.author_editor import AuthorEditor
from desktop.ui.widgets.tag_picker import TagPicker

NOTE_SAVE_DELAY_MS = 600


def field_label(name: str) -> str:
    labels = {
        "title": QCoreApplication.translate("FieldsPanel", "Title"),
        "kicker": QCoreApplication.translate("FieldsPanel", "Kicker"),
        "subtitle": QCoreApplication.translate("FieldsPanel", "Subtitle"),
        "byline": QCoreApplication.translate("FieldsPanel", "Byline"),
        "source": QCoreApplication.translate("FieldsPanel", "Source"),
        "dateline": QCoreApplication.translate("FieldsPanel", "Dateline"),
        "dateline_iso": QCoreApplication.translate("FieldsPanel", "Dateline (ISO)"),
        "note": QCoreApplication.translate("FieldsPanel", "Note"),
    }
    return labels.get(name, name)


class FieldsPanel(QWidget):
    LINE_FIELDS = ("title", "kicker", "subtitle", "byline", "source", "dateline", "dateline_iso")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fields_panel")
        self.ctx = ctx
        self.record: ArticleRecord | None = None
        form = QFormLayout(self)
        form.setContentsMargins(6, 6, 6, 6)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.editors: dict[str, QLineEdit] = {}
        for name in self.LINE_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"field_{name}")
            if name == "dateline_iso":
                edit.setPlaceholderText("YYYY-MM-DD")
            edit.editingFinished.connect(lambda n=name: self._commit_line(n))
            form.addRow(field_label(name), edit)
            self.editors[name] = edit
        self.status = QComboBox(self)
        self.status.setObjectName("field_status")
        for status in STATUSES:
            self.status.addItem(status_text(status), status)
        self.status.activated.connect(self._commit_status)
        form.addRow(self.tr("Status"), self.status)
        self.reviewer = plain_label(parent=self)  # the editor's name is text, never markup
        self.reviewer.setObjectName("field_reviewer")
        form.addRow("", self.reviewer)
        self.authors = AuthorEditor(self)
        self.authors.authors_changed.connect(self._commit_authors)
        form.addRow(self.tr("Authors"), self.authors)
        self.tags = TagPicker(self)
        self.tags.tags_changed.connect(self._commit_tags)
        self.tags.add_requested.connect(self._add_tag)
        form.addRow(self.tr("Tags"), self.tags)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("field_note")
        lines = self.note.fontMetrics().lineSpacing()
        self.note.setFixedHeight(lines * 4 + 2 * self.note.frameWidth() + 12)  # four lines, always in reach
        self.note.setPlaceholderText(self.tr("A note for the team"))
        form.addRow(field_label("note"), self.note)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._commit_note)
        self.note.textChanged.connect(self._on_note_typed)
        self._loading = False
        self._tag_names: list[str] | None = None  # the chips the tag picker shows, in order
        ctx.article_shown.connect(self.show_record)
        ctx.article_updated.connect(self.refresh)
        ctx.project_changed.connect(self._load_vocabulary)
        self.setEnabled(False)

    # --- showing ----------------------------------------------------------------
    def show_record(self, record: ArticleRecord | None) -> None:
        self.commit_pending()
        self.record = record
        self.setEnabled(record is not None)
        self._fill(record, force=True)

    def refresh(self, record: ArticleRecord) -> None:
        self.record = record
        self._fill(record, force=False)

    def _fill(self, r: ArticleRecord | None, *, force: bool) -> None:
        self._loading = True
        try:
            for name, edit in self.editors.items():
                value = "" if r is None else (getattr(r, name) or "")
                if edit.text() != value and (force or not edit.hasFocus()):
                    edit.setText(value)
                    edit.setCursorPosition(0)
            self.status.setCurrentIndex(max(0, self.status.findData(r.status if r else STATUSES[0])))
            reviewed = r is not None and r.status == "reviewed" and r.reviewer
            self.reviewer.setText(f"{r.reviewer} · {local_time(r.reviewed_at)}" if reviewed and r else "")
            self.authors.set_authors(r.authors if r else [])
            if force:
                self._load_vocabulary()
            else:
                self.tags.set_checked(r.tags if r else [])
            note = r.note if r else ""
            if self.note.toPlainText() != note and (force or not self.note.hasFocus()):
                self.note.setPlainText(note)
        finally:
            self._loading = False

    def _load_vocabulary(self) -> None:
        vocabulary = self.ctx.store.tag_vocabulary() if self.ctx.has_store else []
        checked = self.record.tags if self.record else []
        names = [v["name"] for v in vocabulary]
        names += [t for t in checked if t not in names]  # as TagPicker lists them
        if names == self._tag_names and self.tags.list.count() == len(names):
            self.tags.set_checked(checked)  # same chips: rebuilding them re-lays out and repaints the list
            return
        self.tags.set_vocabulary(vocabulary, checked)
        self._tag_names = names

    # --- saving -----------------------------------------------------------------
    def commit_pending(self) -> None:
        """Save what is being typed before the panel shows another article."""
        if self.record is None:
            return
        for name, edit in self.editors.items():
            if edit.isModified():
                self._commit_line(name)
        if self._note_timer.isActive():
            self._note_timer.stop()
            self._commit_note()

    def _commit_line(self, name: str) -> None:
        edit = self.editors[name]
        edit.setModified(False)
        if self._loading or self.record is None:
            return
        old = getattr(self.record, name)
        try:
            new = field_value(name, edit.text().strip())  # the store's rule (a date is YYYY-MM-DD)
        except StoreError as err:
            self.ctx.status_message.emit(explain(err))
            edit.setText(old or "")
            return
        if (new or None) != (old or None):  # "" and None both mean empty
            self.ctx.push(SetFieldCommand(self.ctx, self.record.id, name, old, new))

    def _on_note_typed(self) -> None:
        if not self._loading:
            self._note_timer.start()

    def _commit_note(self) -> None:
        if self.record is None:
            return
        new = self.note.toPlainText()
        if new != (self.record.note or ""):
            self.ctx.push(SetFieldCommand(self.ctx, self.record.id, "note", self.record.note, new))

    def _commit_status(self, index: int) -> None:
        if self.record is None:
            return
        new = self.status.itemData(index)
        if new != self.record.status:
            self.ctx.push(SetStatusCommand(self.ctx, self.record.id, self.record.status, new))

    def _commit_authors(self, authors: list[dict]) -> None:
        if self.record is not None and authors != self.record.authors:
            self.ctx.push(SetAuthorsCommand(self.ctx, self.record.id, self.record.authors, authors))

    def _commit_tags(self, tags: list[str]) -> None:
        if self.record is not None and sorted(tags) != sorted(self.record.tags):
            self.ctx.push(SetTagsCommand(self.ctx, self.record.id, self.record.tags, tags))

    def _add_tag(self) -> None:
        name = self.ctx.interaction.ask_text(self.tr("New tag"), self.tr("Name of the new tag:"))
        name = (name or "").strip()
        if not name or self.record is None:
            return
        if name not in [v["name"] for v in self.ctx.store.tag_vocabulary()]:
            self.ctx.apply(lambda store: store.add_tag(name))
            self._load_vocabulary()
        if name not in self.record.tags:
            self.ctx.push(SetTagsCommand(self.ctx, self.record.id, self.record.tags, [*self.record.tags, name]))
