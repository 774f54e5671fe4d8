"""The Statistics dialog shows Store.stats() figures as painted bar charts."""

from __future__ import annotations

from desktop.store.stats import LabelEdits, ProjectStats
from desktop.ui.dialogs.stats_dialog import StatsDialog
from desktop.ui.i18n import fill
from desktop.ui.label_palette import label_text
from desktop.ui.models.article_table import status_text


def _figures() -> ProjectStats:
    return ProjectStats(
        articles=5, by_status={"reviewed": 2, "unreviewed": 3}, reviewed_per_day=[("2024-05-01", 2)],
        reviewed_per_editor={"王编辑": 2}, spans_by_label={"LOC": 7, "PER": 3},
        edits={"LOC": LabelEdits(kept=4, deleted=1, relabelled=1, moved=0, added=2), "PER": LabelEdits(kept=3)},
        reviewed_articles=2,
    )


def test_charts_and_table(qtbot):
    dialog = StatsDialog(_figures())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.status_chart.rows == [(status_text("unreviewed"), [3]), (status_text("reviewed"), [2])]
    assert dialog.label_chart.rows == [(label_text("PER"), [3]), (label_text("LOC"), [7])]
    assert dialog.edits_chart.rows == [(label_text("PER"), [3, 0, 0, 0, 0]), (label_text("LOC"), [4, 1, 1, 0, 2])]
    assert dialog.day_chart.rows == [("2024-05-01", [2])]
    assert dialog.editor_chart.rows == [("王编辑", [2])]
    table = dialog.quality
    assert [table.item(1, c).text() for c in range(8)] == [label_text("LOC"), "4", "1", "1", "0", "2", "66.7%", "66.7%"]
    assert dialog.summary.text() == fill(dialog.tr("%1 articles, %2 reviewed; %3 spans."), 5, 2, 10)
    image = dialog.edits_chart.grab().toImage()  # paints without error
    assert image.width() > 0


def test_empty_project(qtbot, ctx):
    dialog = StatsDialog(ctx.store.stats())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.edits_chart.rows == [] and dialog.quality.rowCount() == 0
    dialog.edits_chart.grab()  # "No data"


def test_bar_values_and_legend_are_not_clipped(qtbot, qapp, monkeypatch, tmp_path):
    """Issue 14, item 13: every text the charts paint lies inside the chart and inside the
    rectangle it is drawn into (Qt clips to that rectangle), in both languages, with
    seven-digit values and long names."""
    from PySide6.QtCore import QPoint, QPointF, QRect, QRectF
    from PySide6.QtGui import QPainter

    import desktop.ui.dialogs.stats_dialog as module
    from desktop.ui.app import configure_application
    from desktop.ui.settings import LANGUAGE, Settings

    drawn: list[tuple[QRect, QRect | None, str]] = []  # (text's extent, rectangle given, text)

    class RecordingPainter(QPainter):
        def drawText(self, *args):  # noqa: N802 - Qt API
            fm = self.fontMetrics()
            if isinstance(args[0], (QRectF, QRect)):
                rect = QRectF(args[0]).toAlignedRect()
                flags, text = int(args[1]), str(args[2])
                drawn.append((fm.boundingRect(rect, flags, text), rect, text))
            else:
                point = QPoint(args[0], args[1]) if isinstance(args[0], int) else QPointF(args[0]).toPoint()
                text = str(args[-1])
                drawn.append((QRect(point.x(), point.y() - fm.ascent(), fm.horizontalAdvance(text), fm.height()), None, text))
            return super().drawText(*args)

    monkeypatch.setattr(module, "QPainter", RecordingPainter)
    figures = ProjectStats(
        articles=2_400_000, by_status={"reviewed": 1_234_567, "unreviewed": 1_165_433},
        reviewed_per_day=[("2024-05-01", 1_234_567)],
        reviewed_per_editor={"欧阳修远（成都日报社夜班编辑部）": 1_000_000, "王编辑": 234_567},
        spans_by_label={"PERCENT": 9_876_543, "LOC": 7},
        edits={"PERCENT": LabelEdits(kept=4_000_000, deleted=1_000_000, relabelled=120_000, moved=3, added=2_000_000),
               "MONEY": LabelEdits(kept=3)},
        reviewed_articles=1_234_567,
    )
    settings = Settings(tmp_path / "settings.ini")
    try:
        for language in ("zh_CN", "en"):
            settings.set(LANGUAGE, language)
            configure_application(qapp, settings)
            dialog = StatsDialog(figures)
            qtbot.addWidget(dialog)
            dialog.resize(1000, 700)  # fits a 1366×768 screen
            dialog.show()
            qtbot.waitExposed(dialog)
            for chart in (dialog.status_chart, dialog.label_chart, dialog.edits_chart, dialog.day_chart, dialog.editor_chart):
                drawn.clear()
                chart.repaint()
                chart.grab()
                assert drawn, "the chart drew no text"
                area = chart.rect()
                for extent, given, text in drawn:
                    assert area.contains(extent), f"{language}: {text!r} at {extent} outside the chart {area}"
                    if given is not None:
                        assert given.contains(extent), f"{language}: {text!r} clipped by its rectangle {given}"
                totals = {t for _e, _g, t in drawn}
                if chart is not dialog.editor_chart:  # short names are drawn in full, not elided
                    assert {name for name, _ in chart.rows} <= totals, (language, totals)
                for _name, values in chart.rows:
                    assert str(sum(values)) in totals  # every bar's value is drawn
            dialog.close()
    finally:
        settings.set(LANGUAGE, "zh_CN")
        configure_application(qapp, settings)
