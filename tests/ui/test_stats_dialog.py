"""The Statistics dialog shows Store.stats() figures as painted bar charts."""

from __future__ import annotations

from desktop.store.stats import LabelEdits, ProjectStats
from desktop.ui.dialogs.stats_dialog import StatsDialog


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
    assert dialog.status_chart.rows == [("unreviewed", [3]), ("reviewed", [2])]
    assert dialog.label_chart.rows == [("PER", [3]), ("LOC", [7])]
    assert dialog.edits_chart.rows == [("PER", [3, 0, 0, 0, 0]), ("LOC", [4, 1, 1, 0, 2])]
    assert dialog.day_chart.rows == [("2024-05-01", [2])]
    assert dialog.editor_chart.rows == [("王编辑", [2])]
    table = dialog.quality
    assert [table.item(1, c).text() for c in range(8)] == ["LOC", "4", "1", "1", "0", "2", "66.7%", "66.7%"]
    assert "5 articles, 2 reviewed; 10 spans." in dialog.summary.text()
    image = dialog.edits_chart.grab().toImage()  # paints without error
    assert image.width() > 0


def test_empty_project(qtbot, ctx):
    dialog = StatsDialog(ctx.store.stats())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.edits_chart.rows == [] and dialog.quality.rowCount() == 0
    dialog.edits_chart.grab()  # "No data"
