"""Every user action of the main window and its keyboard shortcut, in one table.

Owns: ``ACTIONS`` (declarations: id, English text, shortcuts, menu, scope),
``MENUS`` (menu order and titles) and ``ActionSet`` which turns the table into
``QAction`` objects.  ``QKeySequence(`` appears nowhere else, and a test
asserts that no shortcut is used twice.  Texts are translated at build time
through the "Actions" translation context.

Scopes: ``window`` actions work anywhere in the main window; ``article``
actions (label keys, span navigation and resizing) only while the article text
has focus, so typing digits into a field never labels a span.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.resources import load_json


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str  # English source text, marked for the "Actions" context
    shortcuts: tuple[str, ...] = ()
    menu: str = ""
    scope: str = "window"  # "window" | "article"
    tip: str = ""


MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit")),
    ("spans", QT_TRANSLATE_NOOP("Actions", "&Spans")),
    ("article", QT_TRANSLATE_NOOP("Actions", "&Article")),
    ("review", QT_TRANSLATE_NOOP("Actions", "&Review")),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)


def _label_actions() -> tuple[ActionSpec, ...]:
    specs = []
    for entry in load_json("labels.json")["labels"]:
        specs.append(
            ActionSpec(
                f"span.label.{entry['label']}",
                entry["label"],  # label keys are shown as-is (PER, ORG...)
                (entry["key"],),
                "spans",
                "article",
            )
        )
    return tuple(specs)


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("file.new", QT_TRANSLATE_NOOP("Actions", "New project…"), ("Ctrl+N",), "file"),
    ActionSpec("file.open", QT_TRANSLATE_NOOP("Actions", "Open project…"), ("Ctrl+O",), "file"),
    ActionSpec("file.import", QT_TRANSLATE_NOOP("Actions", "Import pages…"), ("Ctrl+I",), "file"),
    ActionSpec("file.import_folder", QT_TRANSLATE_NOOP("Actions", "Import a folder of pages…"), ("Ctrl+Shift+I",), "file"),
    ActionSpec("file.export", QT_TRANSLATE_NOOP("Actions", "Export JSONL…"), ("Ctrl+E",), "file"),
    ActionSpec("file.export_dataset", QT_TRANSLATE_NOOP("Actions", "Export dataset…"), ("Ctrl+Shift+E",), "file"),
    ActionSpec("file.split_packages", QT_TRANSLATE_NOOP("Actions", "Split into work packages…"), (), "file"),
    ActionSpec("file.merge_packages", QT_TRANSLATE_NOOP("Actions", "Merge work packages…"), (), "file"),
    ActionSpec("file.quit", QT_TRANSLATE_NOOP("Actions", "Quit"), ("Ctrl+Q",), "file"),
    # Edit
    ActionSpec("edit.undo", QT_TRANSLATE_NOOP("Actions", "Undo"), ("Ctrl+Z",), "edit"),
    ActionSpec("edit.redo", QT_TRANSLATE_NOOP("Actions", "Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), "edit"),
    ActionSpec("edit.find", QT_TRANSLATE_NOOP("Actions", "Search articles"), ("Ctrl+F",), "edit"),
    ActionSpec("edit.next_hit", QT_TRANSLATE_NOOP("Actions", "Next search hit"), ("F3",), "edit"),
    ActionSpec("edit.previous_hit", QT_TRANSLATE_NOOP("Actions", "Previous search hit"), ("Shift+F3",), "edit"),
    ActionSpec("edit.history", QT_TRANSLATE_NOOP("Actions", "Article history…"), ("Ctrl+H",), "edit"),
    ActionSpec("edit.preferences", QT_TRANSLATE_NOOP("Actions", "Preferences…"), ("Ctrl+,",), "edit"),
    # Spans
    *_label_actions(),
    ActionSpec("span.next", QT_TRANSLATE_NOOP("Actions", "Next span"), ("Tab",), "spans", "article"),
    ActionSpec("span.previous", QT_TRANSLATE_NOOP("Actions", "Previous span"), ("Shift+Tab",), "spans", "article"),
    ActionSpec("span.delete", QT_TRANSLATE_NOOP("Actions", "Delete span"), ("Delete", "Backspace"), "spans", "article"),
    ActionSpec("span.accept", QT_TRANSLATE_NOOP("Actions", "Accept span, go to the next machine span"), ("A",), "spans", "article"),
    ActionSpec("span.start_left", QT_TRANSLATE_NOOP("Actions", "Move span start left (grow)"), ("Alt+Left",), "spans", "article"),
    ActionSpec("span.start_right", QT_TRANSLATE_NOOP("Actions", "Move span start right (shrink)"), ("Alt+Right",), "spans", "article"),
    ActionSpec("span.end_left", QT_TRANSLATE_NOOP("Actions", "Move span end left (shrink)"), ("Alt+Shift+Left",), "spans", "article"),
    ActionSpec("span.end_right", QT_TRANSLATE_NOOP("Actions", "Move span end right (grow)"), ("Alt+Shift+Right",), "spans", "article"),
    ActionSpec("span.label_all", QT_TRANSLATE_NOOP("Actions", "Label all occurrences in this article"), ("Ctrl+L",), "spans"),
    ActionSpec("span.label_all_project", QT_TRANSLATE_NOOP("Actions", "Label all occurrences in the project…"), ("Ctrl+Shift+L",), "spans"),
    ActionSpec("span.accept_auto", QT_TRANSLATE_NOOP("Actions", "Accept all machine spans"), ("Ctrl+Shift+A",), "spans"),
    ActionSpec("span.history", QT_TRANSLATE_NOOP("Actions", "History of this span…"), (), "spans"),
    ActionSpec("span.next_uncertain", QT_TRANSLATE_NOOP("Actions", "Next uncertain machine span (then the next article with one)"), ("F8",), "spans"),
    # Article (segmentation and text)
    ActionSpec("article.split", QT_TRANSLATE_NOOP("Actions", "Split article at the cursor"), ("Ctrl+Shift+S",), "article", "article"),
    ActionSpec("article.merge_next", QT_TRANSLATE_NOOP("Actions", "Merge with the next article"), ("Ctrl+Shift+M",), "article"),
    ActionSpec("article.merge_previous", QT_TRANSLATE_NOOP("Actions", "Merge with the previous article"), ("Ctrl+Alt+M",), "article"),
    ActionSpec("article.move_paragraphs", QT_TRANSLATE_NOOP("Actions", "Move paragraphs to another article…"), ("Ctrl+Shift+G",), "article", "article"),
    ActionSpec("article.mark_caption", QT_TRANSLATE_NOOP("Actions", "Paragraphs to caption"), ("Ctrl+Alt+C",), "article", "article"),
    ActionSpec("article.mark_not_article", QT_TRANSLATE_NOOP("Actions", "Mark as not an article (selection, or the whole article)"), ("Ctrl+Alt+N",), "article"),
    ActionSpec("article.edit_body", QT_TRANSLATE_NOOP("Actions", "Edit body text…"), ("F2",), "article"),
    ActionSpec("article.promote", QT_TRANSLATE_NOOP("Actions", "Paragraph at the cursor to heading…"), ("Ctrl+Shift+T",), "article", "article"),
    ActionSpec("article.demote_title", QT_TRANSLATE_NOOP("Actions", "Title back into the body"), ("Ctrl+Shift+B",), "article"),
    ActionSpec("article.page_view", QT_TRANSLATE_NOOP("Actions", "Show the page…"), ("Ctrl+Shift+P",), "article"),
    ActionSpec("article.restore_original", QT_TRANSLATE_NOOP("Actions", "Restore the page's original text"), (), "article"),
    ActionSpec("article.reextract", QT_TRANSLATE_NOOP("Actions", "Re-run extraction on this article"), ("F5",), "article"),
    # Review
    ActionSpec("review.accept", QT_TRANSLATE_NOOP("Actions", "Mark reviewed and go to next unreviewed"), ("Ctrl+Return", "Ctrl+Enter"), "review"),
    ActionSpec("review.reject", QT_TRANSLATE_NOOP("Actions", "Reject article"), ("Ctrl+Shift+R",), "review"),
    ActionSpec("review.in_review", QT_TRANSLATE_NOOP("Actions", "Set back to in review"), ("Ctrl+Shift+U",), "review"),
    ActionSpec("review.next", QT_TRANSLATE_NOOP("Actions", "Next article"), ("Ctrl+PgDown",), "review"),
    ActionSpec("review.previous", QT_TRANSLATE_NOOP("Actions", "Previous article"), ("Ctrl+PgUp",), "review"),
    ActionSpec("review.next_unreviewed", QT_TRANSLATE_NOOP("Actions", "Next unreviewed article"), ("Ctrl+Shift+PgDown",), "review"),
    ActionSpec("review.statistics", QT_TRANSLATE_NOOP("Actions", "Statistics…"), ("F9",), "review"),
    # Review: adjudicating editors' versions (team work)
    ActionSpec("review.take_editor_1", QT_TRANSLATE_NOOP("Actions", "Adjudicate: take the 1st editor's spans"), ("Alt+1",), "review"),
    ActionSpec("review.take_editor_2", QT_TRANSLATE_NOOP("Actions", "Adjudicate: take the 2nd editor's spans"), ("Alt+2",), "review"),
    ActionSpec("review.take_editor_3", QT_TRANSLATE_NOOP("Actions", "Adjudicate: take the 3rd editor's spans"), ("Alt+3",), "review"),
    ActionSpec("review.take_editor_4", QT_TRANSLATE_NOOP("Actions", "Adjudicate: take the 4th editor's spans"), ("Alt+4",), "review"),
    ActionSpec("review.take_editor_5", QT_TRANSLATE_NOOP("Actions", "Adjudicate: take the 5th editor's spans"), ("Alt+5",), "review"),
    ActionSpec("review.take_both", QT_TRANSLATE_NOOP("Actions", "Adjudicate: take both (every editor's spans)"), ("Alt+B",), "review"),
    ActionSpec("review.take_neither", QT_TRANSLATE_NOOP("Actions", "Adjudicate: take neither"), ("Alt+0",), "review"),
    ActionSpec("review.next_disagreement", QT_TRANSLATE_NOOP("Actions", "Adjudicate: next disagreement"), ("Alt+Down",), "review"),
    ActionSpec("review.previous_disagreement", QT_TRANSLATE_NOOP("Actions", "Adjudicate: previous disagreement"), ("Alt+Up",), "review"),
    ActionSpec("review.reextract_unreviewed", QT_TRANSLATE_NOOP("Actions", "Re-run extraction on all unreviewed articles…"), (), "review"),
    ActionSpec("review.least_confident", QT_TRANSLATE_NOOP("Actions", "Least confident first"), ("Ctrl+F8",), "review"),
    ActionSpec("review.train", QT_TRANSLATE_NOOP("Actions", "Train from reviewed articles…"), (), "review"),
    ActionSpec("review.models", QT_TRANSLATE_NOOP("Actions", "Project models…"), (), "review"),
    # Help
    ActionSpec("help.cheat_sheet", QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts"), ("?", "F1"), "help"),
)


def translated(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def native_shortcut(spec: ActionSpec) -> str:
    """The shortcuts of an action as the user sees them (for the cheat-sheet)."""
    return ", ".join(QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in spec.shortcuts)


class ActionSet:
    """The QActions built from ``ACTIONS``: window-scope ones on the window,
    article-scope ones on the article text widget."""

    def __init__(self, window: QWidget, article_widget: QWidget) -> None:
        self.specs: dict[str, ActionSpec] = {s.id: s for s in ACTIONS}
        self.actions: dict[str, QAction] = {}
        for spec in ACTIONS:
            owner = article_widget if spec.scope == "article" else window
            action = QAction(translated(spec.text), owner)
            action.setObjectName(spec.id)
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            if spec.scope == "article":
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            else:
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            owner.addAction(action)
            self.actions[spec.id] = action

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def connect(self, action_id: str, slot: Callable[..., object]) -> None:
        self.actions[action_id].triggered.connect(lambda _checked=False: slot())

    def in_menu(self, menu: str) -> list[QAction]:
        return [self.actions[s.id] for s in ACTIONS if s.menu == menu]
