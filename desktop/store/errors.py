"""Errors the store raises: every failure a user can meet is a ``StoreError``
(no raw ``sqlite3`` tracebacks).

Owns: ``StoreError`` and its subclasses, and the refusal codes.

Each error carries three things:

* its message (``str(err)``): English, with offsets and ids, for the log and the
  command line;
* ``code``: a stable name of the refusal (``"span_overlap"``,
  ``"paragraph_checked_spans"``…), from ``CODES``;
* ``details``: the data a user interface needs to phrase it in the user's
  language without parsing the message (``text``, ``label``, ``other_label``,
  ``other_text``, ``count``, ``field``…).

The desktop app turns code + details into a translated sentence that says
what to do (``desktop.ui.messages``); offsets and ids stay in the log.
"""

from __future__ import annotations

from typing import Any

# Every refusal code a store write can raise, so the UI can check it phrases each one.
CODES: tuple[str, ...] = (
    "store_error",  # anything not named below (a database problem; its message says what)
    "read_only",
    "project_closed",
    "not_found",
    # spans
    "unknown_label",
    "span_outside_body",
    "span_overlap",
    "span_id_in_use",
    "unknown_origin",
    # fields, authors, status, tags
    "not_editable_field",
    "field_not_text",
    "date_not_iso",
    "author_needs_name",
    "unknown_role",
    "unknown_status",
    "tag_needs_name",
    "body_not_text",
    # segmentation and page blocks
    "split_outside_body",
    "split_empty_side",
    "merge_same_article",
    "merge_other_page",
    "merge_not_adjacent",
    "no_such_paragraph",
    "not_a_heading_field",
    "paragraph_empty",
    "paragraph_checked_spans",
    "heading_empty",
    "no_page_segments",
    "bad_snapshot",
    "ids_taken",
    "span_crosses_edge",
    "move_to_same_article",
    "move_to_other_page",
    "move_all_paragraphs",
    "caption_whole_body",
    "not_article_all_paragraphs",
    "checked_spans_would_go",
    "bad_range",
    "no_such_block",
    "block_empty",
    "caption_other_page",
    "bad_block_spans",
    # re-extraction and history
    "article_reviewed",
    "revert_not_recorded",
    # undo and redo of recorded writes (undo.py)
    "undo_later_edit",
    "undo_not_recorded",
    "undo_changed",
    "undo_state",
    # team work: packages, merging, adjudication
    "package_exists",
    "package_newer",
    "package_not_project",
    "not_a_package",
    "package_foreign",
    "not_to_adjudicate",
    # opening a project, and the database underneath
    "cannot_read",
    "cannot_lock",
    "not_a_project",
    "newer_schema",
    "no_project",
    "older_format_read_only",
    "folder_missing",
    "project_locked",
    "db_busy",
    "disk_full",
    "db_damaged",
    "db_io",
    "read_only_location",
    "project_damaged",
    "wal_in_read_only_folder",
)


class StoreError(Exception):
    """A project could not be read or written, or a write was refused; the message says why.

    ``code`` names the refusal (see ``CODES``) and ``details`` holds its data.
    """

    default_code = "store_error"

    def __init__(self, message: str = "", *, code: str | None = None, **details: Any) -> None:
        super().__init__(message)
        self.code: str = code or self.default_code
        self.details: dict[str, Any] = details


class NotAProjectError(StoreError):
    """The file is not a Newsdesk project (not SQLite, corrupt, or another app's database)."""

    default_code = "not_a_project"


class NewerSchemaError(StoreError):
    """The project was written by a newer Newsdesk than this one."""

    default_code = "newer_schema"


class ProjectLockedError(StoreError):
    """Another Newsdesk process has the project open for writing."""

    default_code = "project_locked"


class OverlapError(StoreError):
    """A span would overlap another span of the same article.

    details: ``text`` (the refused span's text), ``start``, ``end``, ``other_label``,
    ``other_text``, ``other_start``, ``other_end``, ``other_id``.
    """

    default_code = "span_overlap"


class ReadOnlyError(StoreError):
    """A write was attempted on a project opened read-only."""

    default_code = "read_only"


class NotFoundError(StoreError):
    """An article, span or page id does not exist (any more).  details: ``kind`` ("article",
    "span", "page") and ``id``."""

    default_code = "not_found"


class ReadOnlyLocationError(StoreError):
    """The project cannot be written where it is: a read-only folder, file or disk.
    The message says which and how to fix it; read-only opens still work."""

    default_code = "read_only_location"


class UndoRefused(StoreError):
    """An undo or redo of recorded writes the store will not do; ``code`` says why:
    ``undo_later_edit`` (a later edit not undone changed the same article or page: undo it
    first; details ``article_id``, ``event_id``), ``undo_not_recorded`` (no state after the
    write: made by an older Newsdesk, or a write undo does not cover such as a merge of work
    packages), ``undo_changed`` (the rows are no longer as the write left them), ``undo_state``
    (already undone, or not undone for a redo)."""

    default_code = "undo_later_edit"


class DamagedProjectError(StoreError):
    """SQLite's check found damage in the project; it was not opened for writing.
    The message names the problem and the backup copy, if there is one."""

    default_code = "project_damaged"
