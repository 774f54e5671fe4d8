"""Test helper: turn a project file back into what an earlier release wrote."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def as_v6(path: Path) -> None:
    """The project as the release before the store-owned undo wrote it (schema v6)."""
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX idx_events_write_id")
    for table, column in (("events", "write_id"), ("events", "undone"), ("states", "after")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'v7_undo_journal'")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
