"""The main window: assembles the panes and wires the actions.  No logic here.

Owns: ``MainWindow`` — article list (left), article view (centre), fields
and span list (right), menus built from ``actions.ACTIONS``, the status bar,
and remembered geometry.  What each action does lives in ``SpanEditing``,
``LabelAll``, ``SearchFlow``, ``ReviewFlow``, ``ProjectController`` and the
dialogs; ``SessionMemory`` and ``FocusKeeper`` keep the editor's place and
keyboard focus.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QScrollArea, QSplitter

from desktop.ui.actions import MENUS, ActionSet, translated
from desktop.ui.adjudication import Adjudication
from desktop.ui.context import AppContext
from desktop.ui.dialogs.cheat_sheet import CheatSheetDialog
from desktop.ui.dialogs.export_dialog import ExportDialog
from desktop.ui.dialogs.preferences import PreferencesDialog
from desktop.ui.dialogs.stats_dialog import StatsDialog
from desktop.ui.focus_keeper import FocusKeeper
from desktop.ui.history_revert import HistoryController
from desktop.ui.label_all import LabelAll
from desktop.ui.label_palette import label_styles
from desktop.ui.plain_text import menu_text, window_title
from desktop.ui.project_controller import ProjectController
from desktop.ui import uncertainty
from desktop.ui.reextract_commands import Reextraction
from desktop.ui.review_flow import ReviewFlow
from desktop.ui.search_flow import SearchFlow
from desktop.ui.segment_editing import SegmentEditing
from desktop.ui.session_memory import SessionMemory
from desktop.ui.settings import UNCERTAIN_BELOW, RememberGeometry
from desktop.ui.span_editing import SpanEditing
from desktop.ui.team_flow import TeamFlow
from desktop.ui.training_flow import TrainingFlow
from desktop.ui.uncertain_flow import UncertainFlow
from desktop.ui.widgets.article_list import ArticleList
from desktop.ui.widgets.adjudication_panel import AdjudicationPanel
from desktop.ui.widgets.article_view import ArticleView
from desktop.ui.widgets.fields_panel import FieldsPanel
from desktop.ui.widgets.span_table import SpanTable
from desktop.ui.widgets.status_panel import StatusPanel


class MainWindow(RememberGeometry, QMainWindow):
    def __init__(self, ctx: AppContext, body_point_size: float) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.ctx = ctx
        language = ctx.settings.language()
        ctx.interaction.parent = self
        ctx.tasks.dialog_parent = self
        self.setWindowTitle("Newsdesk")
        # Panes
        self.article_list = ArticleList(ctx, language, self)
        self.article_view = ArticleView(language, body_point_size, self)
        self.fields = FieldsPanel(ctx, self)
        self.span_table = SpanTable(ctx, self)
        fields_scroll = QScrollArea(self)
        fields_scroll.setObjectName("fields_scroll")
        fields_scroll.setWidgetResizable(True)
        fields_scroll.setMinimumWidth(420)
        fields_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        fields_scroll.setWidget(self.fields)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.setObjectName("right_splitter")
        right.addWidget(fields_scroll)
        right.addWidget(self.span_table)
        right.setSizes([560, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        for pane in (self.article_list, self.article_view, right):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.adjudication_panel = AdjudicationPanel(self)
        self.adjudication_dock = QDockWidget(self.tr("Adjudication: the editors' versions"), self)
        self.adjudication_dock.setObjectName("adjudication_dock")
        self.adjudication_dock.setWidget(self.adjudication_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.adjudication_dock)
        self.adjudication_dock.hide()
        self.status_panel = StatusPanel(ctx, self)
        self.setStatusBar(self.status_panel)
        # Behaviour
        self.spans = SpanEditing(ctx, self.article_view, self)
        self.segments = SegmentEditing(ctx, self.article_view, self)
        self.review = ReviewFlow(ctx, self.article_list, self)
        self.project = ProjectController(ctx, self)
        self.history = HistoryController(ctx, self)
        self.reextraction = Reextraction(ctx, self)
        self.training = TrainingFlow(ctx, self.reextraction, self)
        self.uncertain = UncertainFlow(ctx, self.article_list, self)
        uncertainty.set_threshold(ctx.settings.get(UNCERTAIN_BELOW) / 100)
        self.training.use_project_model()  # a project already open
        self.label_all = LabelAll(ctx, self.article_view, self)
        self.search = SearchFlow(ctx, self.article_list, self.article_view, self)
        self.session = SessionMemory(ctx, self.article_list, self)
        self.team = TeamFlow(ctx, self)
        self.adjudication = Adjudication(ctx, self.adjudication_dock, self.adjudication_panel, self)
        self.focus_keeper = FocusKeeper(self)
        self.action_set = ActionSet(self, self.article_view.text)
        self._wire_actions()
        self._build_menus()
        ctx.project_changed.connect(self._show_project)
        self._show_project()
        self.resize(1560, 940)
        self._first_layout = not self.restore_geometry(ctx.settings)

    def _wire_actions(self) -> None:
        a, s, r, p, g = self.action_set, self.spans, self.review, self.project, self.segments
        s.actions = a  # the span menu shows the same actions as the keys
        for style in label_styles():
            a.connect(f"span.label.{style.label}", lambda label=style.label: s.apply_label(label))
        wiring: dict[str, Callable[..., object]] = {
            "file.new": p.new_project,
            "file.open": p.open_dialog,
            "file.import": p.import_files,
            "file.import_folder": p.import_folder,
            "file.export": p.export_jsonl,
            "file.export_dataset": self.export_dataset,
            "file.split_packages": self.team.split_dialog,
            "file.merge_packages": self.team.merge_dialog,
            "file.quit": self.close,
            "edit.undo": self.ctx.undo_stack.undo,
            "edit.redo": self.ctx.undo_stack.redo,
            "edit.find": self.focus_search,
            "edit.next_hit": self.search.next_hit,
            "edit.previous_hit": self.search.previous_hit,
            "edit.history": self.history.show_history,
            "edit.preferences": self.show_preferences,
            "span.next": s.next_span,
            "span.previous": s.previous_span,
            "span.delete": s.delete_span,
            "span.accept": s.accept_span,
            "span.history": self.history.show_span_history,
            "span.start_left": lambda: s.move_start(-1),
            "span.start_right": lambda: s.move_start(+1),
            "span.end_left": lambda: s.move_end(-1),
            "span.end_right": lambda: s.move_end(+1),
            "span.label_all": lambda: self.label_all.label_all(project=False),
            "span.label_all_project": lambda: self.label_all.label_all(project=True),
            "span.accept_auto": s.accept_auto,
            "article.split": g.split_at_cursor,
            "article.merge_next": g.merge_with_next,
            "article.merge_previous": g.merge_with_previous,
            "article.move_paragraphs": g.move_paragraphs,
            "article.mark_caption": g.mark_caption,
            "article.mark_not_article": g.mark_not_article,
            "article.edit_body": g.edit_body,
            "article.promote": g.promote_paragraph,
            "article.demote_title": g.demote_title,
            "article.restore_original": g.restore_original,
            "article.page_view": g.show_page,
            "article.reextract": self.reextraction.rerun_article,
            "review.accept": r.mark_reviewed_and_next,
            "review.reject": r.reject,
            "review.in_review": r.set_in_review,
            "review.next": r.next_article,
            "review.previous": r.previous_article,
            "review.next_unreviewed": r.next_unreviewed,
            "review.statistics": self.show_statistics,
            "review.reextract_unreviewed": self.reextraction.rerun_unreviewed,
            "review.take_both": self.adjudication.take_both,
            "review.take_neither": self.adjudication.take_neither,
            "review.next_disagreement": self.adjudication.next_stretch,
            "review.previous_disagreement": self.adjudication.previous_stretch,
            **{f"review.take_editor_{n}": partial(self.adjudication.take_editor, n - 1) for n in range(1, 6)},
            "review.train": self.training.train,
            "review.models": self.training.show_models,
            "span.next_uncertain": self.uncertain.next_uncertain,
            "help.cheat_sheet": self.show_cheat_sheet,
        }
        for action_id, slot in wiring.items():
            a.connect(action_id, slot)
        least = a["review.least_confident"]
        least.setCheckable(True)
        least.toggled.connect(self.uncertain.set_least_confident)
        stack = self.ctx.undo_stack
        a["edit.undo"].setEnabled(False)
        a["edit.redo"].setEnabled(False)
        stack.canUndoChanged.connect(a["edit.undo"].setEnabled)
        stack.canRedoChanged.connect(a["edit.redo"].setEnabled)
        stack.undoTextChanged.connect(lambda t: a["edit.undo"].setText(f"{translated('Undo')} {menu_text(t)}".strip()))
        stack.redoTextChanged.connect(lambda t: a["edit.redo"].setText(f"{translated('Redo')} {menu_text(t)}".strip()))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for menu_id, title in MENUS:
            menu = bar.addMenu(translated(title))
            menu.setObjectName(f"menu_{menu_id}")
            for action in self.action_set.in_menu(menu_id):
                menu.addAction(action)
                if action.objectName() == "file.open":
                    self.recent_menu = QMenu(self.tr("Open recent"), menu)
                    self.recent_menu.setObjectName("menu_recent")
                    self.recent_menu.aboutToShow.connect(self._fill_recent)
                    menu.addMenu(self.recent_menu)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for text in self.ctx.settings.recent_projects():
            action = self.recent_menu.addAction(menu_text(text))
            action.triggered.connect(lambda _c=False, p=text: self.project.open_project(Path(p)))

    def _show_project(self) -> None:
        path = self.ctx.project_path
        self.setWindowTitle(window_title(f"{path.name} — Newsdesk") if path else "Newsdesk")

    # --- small dialogs ---------------------------------------------------------
    def focus_search(self) -> None:
        self.article_list.filter_bar.search.setFocus()
        self.article_list.filter_bar.search.selectAll()

    def show_statistics(self) -> None:
        if self.ctx.has_store:
            from desktop.agreement import agreement, report_dict

            figures = report_dict(agreement(self.ctx.store.agreement_items()))
            StatsDialog(self.ctx.store.stats(), self, figures, learning=self.ctx.store.learning_stats()).exec()

    def export_dataset(self) -> None:
        if self.ctx.has_store:
            ExportDialog(self.ctx.store, self.ctx.interaction, self).exec()

    def show_preferences(self) -> None:
        if PreferencesDialog(self.ctx.settings, self).exec() and self.ctx.has_store:
            self.ctx.store.editor = self.ctx.settings.editor_name()
            self.status_panel.refresh()

    def show_cheat_sheet(self) -> None:
        CheatSheetDialog(self.ctx.settings.language(), self).exec()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first_layout:  # first start: give the list room for titles
            self._first_layout = False
            width = max(self.splitter.width(), 900)
            self.splitter.setSizes([int(width * 0.35), int(width * 0.37), int(width * 0.28)])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.fields.commit_pending()
        self.save_geometry(self.ctx.settings)
        self.ctx.close()
        super().closeEvent(event)
