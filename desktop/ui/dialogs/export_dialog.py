"""The Export dialog: the options of ``newsdesk export`` as a form, run on a worker thread.

Owns: ``ExportDialog``: format (``desktop.export.registry.FORMATS``), status /
tag / page / label filters, human-only (with what it leaves out said in the
dialog), article or sentence units, an optional train/dev/test split with
seed, and the output path: by default beside the project, named after it and
the format, or chosen through the ``Interaction`` seam.  ``start_export`` runs
``registry.export`` as a ``Task`` and shows its progress in the dialog; once it
has finished, "Cancel" becomes "Close".  ``finished_export`` carries the
``ExportStats`` or the error message.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QProgressBar, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from desktop.export.options import ExportOptions
from desktop.export.registry import FORMATS
from desktop.export.stream import ExportCancelled, export_project  # noqa: F401 - ExportCancelled: its name in errors
from desktop.pipeline.model import LABELS, STATUSES
from desktop.store.records import ArticleFilter
from desktop.ui.i18n import QT_TRANSLATE_NOOP, fill
from desktop.ui.interaction import Interaction
from desktop.ui.label_palette import label_text
from desktop.ui.models.article_table import status_text
from desktop.ui.plain_text import make_plain, menu_text, tooltip
from desktop.ui.tasks import Task

if TYPE_CHECKING:
    from desktop.store.store import Store


FORMAT_DESCRIPTIONS: dict[str, str] = {
    "jsonl": QT_TRANSLATE_NOOP("ExportDialog", "Newsdesk JSONL: every field and span, code-point offsets (lossless)"),
    "doccano": QT_TRANSLATE_NOOP("ExportDialog", "doccano sequence labeling JSONL (text + label), UTF-16 offsets"),
    "label-studio": QT_TRANSLATE_NOOP("ExportDialog", "Label Studio tasks JSON + labeling config, UTF-16 offsets"),
    "conll": QT_TRANSLATE_NOOP("ExportDialog", "character-level IOB2 CoNLL (one character per line) for NER training"),
    "csv": QT_TRANSLATE_NOOP("ExportDialog", "CSV table of article fields, UTF-8 with BOM for Excel"),
    "brat": QT_TRANSLATE_NOOP("ExportDialog", "brat standoff folder: .txt + .ann per article, annotation.conf"),
}


def format_description(name: str) -> str:
    """A format's one-line description in the interface language."""
    source = FORMAT_DESCRIPTIONS.get(name)
    return QCoreApplication.translate("ExportDialog", source) if source else FORMATS[name].description


class ExportDialog(QDialog):
    finished_export = Signal(object)  # ExportStats or str (error)

    def __init__(self, store: Store, interaction: Interaction | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export dataset"))
        self.store = store
        self.interaction = interaction or Interaction(self)
        self.task: Task | None = None
        self.result: Any = None
        form = QFormLayout()

        self.format_box = QComboBox(self)
        for name in FORMATS:
            self.format_box.addItem(name, name)
            self.format_box.setItemData(self.format_box.count() - 1, format_description(name), Qt.ItemDataRole.ToolTipRole)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.format_help = make_plain(QLabel(self))
        self.format_help.setWordWrap(True)
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow("", self.format_help)

        self.status_checks: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for status in STATUSES:
            box = QCheckBox(menu_text(status_text(status)), self)
            self.status_checks[status] = box
            row.addWidget(box)
        form.addRow(self.tr("Statuses (none = all)"), row)

        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(self.tr("comma-separated; an article needs all of them"))
        form.addRow(self.tr("Tags"), self.tags_edit)

        self.pages_list = QListWidget(self)
        self.pages_list.setSelectionMode(QListWidget.SelectionMode.MultiSelection)
        for name in sorted({p.source_name for p in store.pages()}):
            item = QListWidgetItem(name)
            item.setToolTip(tooltip(name))
            self.pages_list.addItem(item)
        self.pages_list.setMaximumHeight(110)
        form.addRow(self.tr("Pages (none selected = all)"), self.pages_list)

        self.label_checks: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for label in LABELS:
            box = QCheckBox(menu_text(label_text(label)), self)
            box.setToolTip(label)
            self.label_checks[label] = box
            row.addWidget(box)
        form.addRow(self.tr("Labels (none = all)"), row)

        self.human_only = QCheckBox(self.tr("Only what an editor judged (human-only)"), self)
        self.human_only.setObjectName("export_human_only")
        form.addRow("", self.human_only)
        self.human_only_help = QLabel(self.tr(
            "Keeps the spans an editor made, changed, accepted or imported, and only the articles an editor "
            "judged: reviewed ones, and ones with such a span (never rejected ones). Unreviewed articles with "
            "machine spans only are left out: they would otherwise train a model that they mention no entities."
        ), self)
        self.human_only_help.setObjectName("export_human_only_help")
        self.human_only_help.setWordWrap(True)
        self.human_only_help.setEnabled(False)
        self.human_only.toggled.connect(self.human_only_help.setEnabled)
        form.addRow("", self.human_only_help)
        self.include_superseded = QCheckBox(self.tr("Also export superseded page versions"), self)
        form.addRow("", self.include_superseded)
        self.all_editors = QCheckBox(self.tr("Also every editor's version of each article (team work)"), self)
        self.all_editors.setObjectName("export_all_editors")
        form.addRow("", self.all_editors)

        self.unit_box = QComboBox(self)
        self.unit_box.addItem(self.tr("one record per article"), "article")
        self.unit_box.addItem(self.tr("one record per sentence"), "sentence")
        form.addRow(self.tr("Unit"), self.unit_box)

        self.split_check = QCheckBox(self.tr("Split into train/dev/test (a page never spans two parts)"), self)
        self.ratio_boxes = []
        row = QHBoxLayout()
        for value in (0.8, 0.1, 0.1):
            spin = QDoubleSpinBox(self)
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setValue(value)
            self.ratio_boxes.append(spin)
            row.addWidget(spin)
        self.seed_box = QSpinBox(self)
        self.seed_box.setRange(0, 2_000_000_000)
        row.addWidget(QLabel(self.tr("Seed"), self))
        row.addWidget(self.seed_box)
        form.addRow(self.split_check)
        form.addRow(self.tr("Ratios"), row)

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("export_path")
        self.path_edit.textEdited.connect(self._path_edited)
        self._default_path = True  # follows the format until the editor types or browses
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setObjectName("export_browse")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        form.addRow(self.tr("Output"), row)

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.message = make_plain(QLabel(self))  # paths and error texts are never markup
        self.message.setObjectName("export_message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_start")
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self._cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._format_changed()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        # QFormLayout gives a word-wrapped label the height of its unwrapped width: ask again.
        help_label = self.human_only_help
        needed = help_label.heightForWidth(help_label.width())
        if needed > 0 and help_label.minimumHeight() != needed:
            help_label.setMinimumHeight(needed)

    # --- reading the form ------------------------------------------------------
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def article_filter(self) -> ArticleFilter:
        tags = tuple(t.strip() for t in self.tags_edit.text().replace("，", ",").split(",") if t.strip())
        return ArticleFilter(
            statuses=tuple(s for s, b in self.status_checks.items() if b.isChecked()),
            tags=tags,
            pages=tuple(i.text() for i in self.pages_list.selectedItems()),
            include_superseded=self.include_superseded.isChecked(),
        )

    def options(self) -> ExportOptions:
        """The ExportOptions of the form; ValueError with a readable message if the ratios are bad."""
        split = tuple(b.value() for b in self.ratio_boxes) if self.split_check.isChecked() else None
        return ExportOptions(
            labels=tuple(lb for lb, b in self.label_checks.items() if b.isChecked()),
            human_only=self.human_only.isChecked(),
            unit=str(self.unit_box.currentData()),
            split=split,  # type: ignore[arg-type]
            seed=self.seed_box.value(),
            all_editors=self.all_editors.isChecked(),
        )

    def output_path(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text)
        ext = FORMATS[self.fmt()].extension
        return path.with_suffix(ext) if ext and not path.suffix else path

    # --- actions ---------------------------------------------------------------
    def browse(self) -> None:
        start = self.path_edit.text() or str(self.store.path.with_suffix(FORMATS[self.fmt()].extension or ""))
        chooser = getattr(self.interaction, "choose_export_path", None)
        path = chooser(start, self.fmt()) if chooser else self.interaction.choose_export_file(start)
        if path is not None:
            ext = FORMATS[self.fmt()].extension
            self.path_edit.setText(str(path.with_suffix(ext) if ext else path.with_suffix("")))
            self._default_path = False

    def default_path(self) -> Path:
        """Beside the project, named after it and the format: ``news.sqlite`` -> ``news-conll.conll``."""
        project = Path(self.store.path)
        return project.with_name(f"{project.stem}-{self.fmt()}{FORMATS[self.fmt()].extension}")

    def _path_edited(self, _text: str) -> None:
        self._default_path = False

    def start_export(self) -> Task | None:
        path = self.output_path()
        if path is None:
            self.interaction.show_error(self.tr("Export"), self.tr("Choose an output file first."))
            return None
        try:
            options = self.options()
        except ValueError as err:
            self.interaction.show_error(self.tr("Export"), fill(self.tr("Bad export options: %1"), err))
            return None
        flt = self.article_filter()
        total = self.store.count_articles(flt) * (2 if options.split else 1)
        fmt, store = self.fmt(), self.store
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.message.setText(self.tr("Exporting…"))
        self.export_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancel"))

        project = store.path

        def work(progress, cancelled):
            # Streamed from the project file on connections of its own; jsonl/doccano/conll/csv
            # encoded on up to two worker processes (desktop/export/stream.py).
            return export_project(
                fmt, project, path, options, flt,
                progress=lambda done, of: progress(min(done, of), of, ""), cancelled=cancelled,
            )

        self.task = Task("export", work, self)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._succeeded)
        self.task.failed.connect(self._failed)
        self.task.start()
        return self.task

    def _progressed(self, done: int, total: int, _name: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _succeeded(self, stats: Any) -> None:
        self.result = stats
        self.progress.setValue(self.progress.maximum())
        self.export_button.setEnabled(True)
        self.message.setText(fill(self.tr("Exported %1 record(s), %2 span(s) to %3"), stats.records, stats.spans,
                                  ", ".join(stats.outputs)))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.finished_export.emit(stats)

    def _failed(self, error: str) -> None:
        self.result = error
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        cancelled = error.startswith("ExportCancelled")
        self.message.setText(self.tr("Export cancelled; nothing was written.") if cancelled else error)
        self.close_button.setText(self.tr("Close"))
        if not cancelled:
            self.interaction.show_error(self.tr("Export failed"), error)
        self.finished_export.emit(error)

    def _cancel_or_close(self) -> None:
        if self.task is not None and self.task.is_running():
            self.task.cancel()
            return
        self.reject()

    def done(self, result: int) -> None:  # noqa: D401 - Qt API: never leave a worker behind
        if self.task is not None and self.task.is_running():
            self.task.cancel()
            self.task.wait()
        super().done(result)

    def _format_changed(self) -> None:
        info = FORMATS[self.fmt()]
        self.format_help.setText(format_description(self.fmt()) + ("" if info.extension else self.tr(" (writes a folder)")))
        text = self.path_edit.text().strip()
        if self._default_path or not text:
            self.path_edit.setText(str(self.default_path()))
            self._default_path = True
        elif info.extension:
            self.path_edit.setText(str(Path(text).with_suffix(info.extension)))
