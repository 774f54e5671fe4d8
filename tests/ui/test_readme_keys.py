"""The README's key tables stay current: every shortcut of the action table is in them."""

from __future__ import annotations

from pathlib import Path

from desktop.ui.actions import ACTIONS

README = Path(__file__).resolve().parents[2] / "README.md"
SAME = {"Ctrl+Return": "Ctrl+Enter", "Ctrl+Shift+PgDown": "Ctrl+Shift+PgDown"}


def test_every_shortcut_is_in_the_readme():
    text = README.read_text(encoding="utf-8")
    missing = []
    for spec in ACTIONS:
        if spec.id.startswith("span.label."):
            continue  # the label keys are one row, "1 … 7"
        for key in spec.shortcuts:
            if SAME.get(key, key) not in text:
                missing.append((spec.id, key))
    assert "1 … 7" in text
    assert missing == []
