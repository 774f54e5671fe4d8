"""What the editor reads when the store refuses a change or a project cannot be opened.

Owns: ``explain(error)``, the one place that turns a ``StoreError`` (its
``code`` and ``details``, see ``desktop.store.errors``) into a sentence in the
interface language that says what happened and what to do, and ``label_name``
(a label as the interface names it: 地名 / Place).  Offsets, ids and the
English developer message go to the log (logger ``newsdesk``), never to the
screen.  A message the UI itself raised already translated (``Refusal``) is
shown as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.store.errors import StoreError
from desktop.ui.i18n import QT_TRANSLATE_NOOP, fill
from desktop.ui.label_palette import label_text

log = logging.getLogger("newsdesk")


class Refusal(StoreError):
    """A refusal the UI words itself: its message is already in the interface language."""

    default_code = "ui_refusal"


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def label_name(label: str) -> str:
    """A label as the interface names it (地名 in Chinese, Place in English)."""
    return label_text(label)


def _field_name(field: str) -> str:
    names = {
        "title": QCoreApplication.translate("Messages", "title"),
        "kicker": QCoreApplication.translate("Messages", "kicker"),
        "subtitle": QCoreApplication.translate("Messages", "subtitle"),
    }
    return names.get(field, field)


def _not_found(d: dict[str, Any]) -> str:
    kind = d.get("kind")
    if kind == "span":
        return QCoreApplication.translate(
            "Messages", "That span no longer exists: it was deleted or changed meanwhile. Choose the span again."
        )
    if kind == "page":
        return QCoreApplication.translate("Messages", "That page is no longer in the project. Choose another article in the list.")
    return QCoreApplication.translate(
        "Messages", "That article no longer exists (it was merged, split or removed). Choose another article in the list."
    )


# code -> (English source marked for the "Messages" context, the details as the template's %1, %2, …)
_PHRASES: dict[str, tuple[str, Callable[[dict[str, Any]], tuple[Any, ...]]]] = {
    # spans
    "span_overlap": (
        QT_TRANSLATE_NOOP("Messages", '「%1」 overlaps the existing %2 span 「%3」: delete or adjust that span first.'),
        lambda d: (d.get("text", ""), label_name(str(d.get("other_label", ""))), d.get("other_text", "")),
    ),
    "unknown_label": (QT_TRANSLATE_NOOP("Messages", 'There is no label “%1”: use the label keys 1–7.'), lambda d: (d.get("label", ""),)),
    "span_outside_body": (
        QT_TRANSLATE_NOOP("Messages", 'A span cannot be empty or go past the end of the text: select text inside the article.'),
        lambda d: (),
    ),
    "span_id_in_use": (
        QT_TRANSLATE_NOOP("Messages", 'The span could not be restored because the project changed meanwhile. Reopen the article and label it again.'),
        lambda d: (),
    ),
    "unknown_origin": (
        QT_TRANSLATE_NOOP("Messages", 'The span could not be saved. Reopen the article and try again.'),
        lambda d: (),
    ),
    # fields, authors, status, tags
    "not_editable_field": (QT_TRANSLATE_NOOP("Messages", 'That field cannot be edited here.'), lambda d: ()),
    "field_not_text": (QT_TRANSLATE_NOOP("Messages", 'That field takes text: type it again.'), lambda d: ()),
    "body_not_text": (QT_TRANSLATE_NOOP("Messages", 'The text could not be saved: edit it again (F2).'), lambda d: ()),
    "author_needs_name": (QT_TRANSLATE_NOOP("Messages", 'An author needs a name: type the name, or delete the row.'), lambda d: ()),
    "unknown_role": (
        QT_TRANSLATE_NOOP("Messages", '“%1” is not an author role: choose 记者, 特约记者, 实习记者, 通讯员 or 作者.'),
        lambda d: (d.get("role", ""),),
    ),
    "unknown_status": (QT_TRANSLATE_NOOP("Messages", 'That status does not exist: use the Review menu.'), lambda d: ()),
    "tag_needs_name": (QT_TRANSLATE_NOOP("Messages", 'A tag needs a name: type one.'), lambda d: ()),
    # segmentation and page blocks
    "split_outside_body": (
        QT_TRANSLATE_NOOP("Messages", 'Put the cursor inside the text where the new article should begin (not at its very start or end), then split.'),
        lambda d: (),
    ),
    "split_empty_side": (
        QT_TRANSLATE_NOOP("Messages", 'A split must leave text on both sides: put the cursor between two paragraphs.'),
        lambda d: (),
    ),
    "merge_same_article": (
        QT_TRANSLATE_NOOP("Messages", 'An article cannot be merged with itself: open the article before or after it.'),
        lambda d: (),
    ),
    "merge_other_page": (
        QT_TRANSLATE_NOOP("Messages", 'Only articles of the same page can be merged: look at the page (Ctrl+Shift+P) to see which articles belong together.'),
        lambda d: (),
    ),
    "merge_not_adjacent": (
        QT_TRANSLATE_NOOP("Messages", 'Only an article and the one right after it on the page can be merged: open the first of the two.'),
        lambda d: (),
    ),
    "no_such_paragraph": (QT_TRANSLATE_NOOP("Messages", 'Put the cursor in a paragraph of the text first.'), lambda d: ()),
    "not_a_heading_field": (QT_TRANSLATE_NOOP("Messages", 'A paragraph can only become the title, kicker or subtitle.'), lambda d: ()),
    "paragraph_empty": (
        QT_TRANSLATE_NOOP("Messages", 'The chosen paragraphs hold no text: put the cursor in a paragraph with text.'),
        lambda d: (),
    ),
    "paragraph_checked_spans": (
        QT_TRANSLATE_NOOP("Messages", 'The chosen paragraphs hold %1 checked span(s), such as the %2 span 「%3」: delete them first, or edit the text (F2).'),
        lambda d: (d.get("count", 1), label_name(str(d.get("label", ""))), d.get("text", "")),
    ),
    "heading_empty": (QT_TRANSLATE_NOOP("Messages", 'The %1 is empty: there is nothing to put back into the text.'), lambda d: (_field_name(str(d.get("field", ""))),)),
    "no_page_segments": (
        QT_TRANSLATE_NOOP("Messages", 'This article has no page text to restore it from (it was made from edited text).'),
        lambda d: (),
    ),
    "bad_snapshot": (
        QT_TRANSLATE_NOOP("Messages", 'The page could not be put back: the project changed meanwhile. Reopen the article.'),
        lambda d: (),
    ),
    "ids_taken": (
        QT_TRANSLATE_NOOP("Messages", "This cannot be undone any more: the page's articles changed since. Use the article's history (Ctrl+H) instead."),
        lambda d: (),
    ),
    "span_crosses_edge": (
        QT_TRANSLATE_NOOP("Messages", 'The %1 span 「%2」 crosses the edge of the chosen paragraphs: shorten or delete it first.'),
        lambda d: (label_name(str(d.get("label", ""))), d.get("text", "")),
    ),
    "move_to_same_article": (QT_TRANSLATE_NOOP("Messages", 'Choose another article to move the paragraphs to.'), lambda d: ()),
    "move_to_other_page": (QT_TRANSLATE_NOOP("Messages", 'Paragraphs can only move to an article of the same page.'), lambda d: ()),
    "move_all_paragraphs": (
        QT_TRANSLATE_NOOP("Messages", 'These are all the paragraphs of the article: merge the two articles instead (Ctrl+Shift+M or Ctrl+Alt+M).'),
        lambda d: (),
    ),
    "caption_whole_body": (
        QT_TRANSLATE_NOOP("Messages", 'A caption cannot take the whole text: mark the article as not an article instead (Ctrl+Alt+N).'),
        lambda d: (),
    ),
    "not_article_all_paragraphs": (
        QT_TRANSLATE_NOOP("Messages", 'Those are all the paragraphs: to mark the whole article, press Ctrl+Alt+N with nothing selected.'),
        lambda d: (),
    ),
    "checked_spans_would_go": (
        QT_TRANSLATE_NOOP("Messages", '%1 checked span(s) would be removed: delete them first, or confirm that they may go.'),
        lambda d: (d.get("count", 1),),
    ),
    "bad_range": (
        QT_TRANSLATE_NOOP("Messages", 'Select whole paragraphs of the text, or put the cursor in one.'),
        lambda d: (),
    ),
    "no_such_block": (
        QT_TRANSLATE_NOOP("Messages", 'That block is no longer on the page: open the page view again (Ctrl+Shift+P).'),
        lambda d: (),
    ),
    "block_empty": (QT_TRANSLATE_NOOP("Messages", 'That block holds no text.'), lambda d: ()),
    "caption_other_page": (
        QT_TRANSLATE_NOOP("Messages", 'A block can only become a caption of an article of its own page.'),
        lambda d: (),
    ),
    "bad_block_spans": (
        QT_TRANSLATE_NOOP("Messages", "The block's spans could not be placed; the article was not made. Open the page view again."),
        lambda d: (),
    ),
    # re-extraction and history
    "article_reviewed": (
        QT_TRANSLATE_NOOP("Messages", 'This article is reviewed: its spans stay as signed off. Set it back to in review (Ctrl+Shift+U) to re-run extraction.'),
        lambda d: (),
    ),
    "revert_not_recorded": (
        QT_TRANSLATE_NOOP("Messages", 'That point cannot be restored: the edits before it were made with an older Newsdesk. Choose a later point.'),
        lambda d: (),
    ),
    # undo and redo (desktop/store/undo.py)
    "undo_later_edit": (
        QT_TRANSLATE_NOOP("Messages", "This cannot be undone: a later change that is still in effect depends on it (「%1」). Undo that change first, or use the article's history (Ctrl+H)."),
        lambda d: (d.get("title") or d.get("tag") or "",),
    ),
    "undo_changed": (
        QT_TRANSLATE_NOOP("Messages", "This cannot be undone any more: the article was changed in another way since. Use the article's history (Ctrl+H) instead."),
        lambda d: (),
    ),
    "undo_not_recorded": (
        QT_TRANSLATE_NOOP("Messages", "This change cannot be undone here: it was not recorded for undo. Use the article's history (Ctrl+H) instead."),
        lambda d: (),
    ),
    "undo_state": (
        QT_TRANSLATE_NOOP("Messages", "This change was already undone or redone elsewhere; nothing was changed."),
        lambda d: (),
    ),
    # team work: packages and adjudication
    "package_exists": (
        QT_TRANSLATE_NOOP("Messages", 'A work package file is already there: choose an empty folder.'),
        lambda d: (),
    ),
    "package_newer": (
        QT_TRANSLATE_NOOP("Messages", 'Not merged: the package was saved by a newer Newsdesk. Update Newsdesk, then merge it again.'),
        lambda d: (),
    ),
    "package_not_project": (
        QT_TRANSLATE_NOOP("Messages", 'Not merged: the file is not a Newsdesk project.'),
        lambda d: (),
    ),
    "not_a_package": (
        QT_TRANSLATE_NOOP("Messages", 'Not merged: the file is a Newsdesk project, but not a work package (File > Split into work packages makes them).'),
        lambda d: (),
    ),
    "package_foreign": (
        QT_TRANSLATE_NOOP("Messages", 'Not merged: the package was made from another project. Open that project to merge it.'),
        lambda d: (),
    ),
    "not_to_adjudicate": (
        QT_TRANSLATE_NOOP("Messages", 'This article is not marked to adjudicate.'),
        lambda d: (),
    ),
    # projects and the database
    "read_only": (
        QT_TRANSLATE_NOOP("Messages", 'The project is open read-only, so changes cannot be saved. Close it in the other window or program, then open it again.'),
        lambda d: (),
    ),
    "project_closed": (
        QT_TRANSLATE_NOOP("Messages", 'No project is open: open one (Ctrl+O) or create one (Ctrl+N).'),
        lambda d: (),
    ),
    "cannot_read": (
        QT_TRANSLATE_NOOP("Messages", 'The file cannot be read (%1): check that it exists and that you may read it.'),
        lambda d: (d.get("reason", ""),),
    ),
    "cannot_lock": (
        QT_TRANSLATE_NOOP("Messages", "The project's folder cannot be written to: copy the project to a folder of your own and open it there."),
        lambda d: (),
    ),
    "not_a_project": (
        QT_TRANSLATE_NOOP("Messages", 'This file is not a Newsdesk project: choose a .sqlite project file.'),
        lambda d: (),
    ),
    "newer_schema": (
        QT_TRANSLATE_NOOP("Messages", 'This project was saved by a newer Newsdesk: update Newsdesk to open it. The file was not changed.'),
        lambda d: (),
    ),
    "no_project": (
        QT_TRANSLATE_NOOP("Messages", 'There is no project at that place: choose another file, or create a new project (Ctrl+N).'),
        lambda d: (),
    ),
    "older_format_read_only": (
        QT_TRANSLATE_NOOP("Messages", 'This project uses an older format: open it once normally to upgrade it (a backup copy is kept).'),
        lambda d: (),
    ),
    "folder_missing": (QT_TRANSLATE_NOOP("Messages", 'The folder does not exist: choose another place.'), lambda d: ()),
    "project_locked": (
        QT_TRANSLATE_NOOP("Messages", 'The project is open in another Newsdesk window or program: close it there, or open it read-only.'),
        lambda d: (),
    ),
    "db_busy": (
        QT_TRANSLATE_NOOP("Messages", 'The project is busy: another program is writing to it. Try again in a moment.'),
        lambda d: (),
    ),
    "disk_full": (
        QT_TRANSLATE_NOOP("Messages", 'The disk is full, so the last change was not saved: free some space and do it again.'),
        lambda d: (),
    ),
    "db_damaged": (
        QT_TRANSLATE_NOOP("Messages", 'The project file is damaged: open the backup copy (.bak) beside it, or a copy you saved.'),
        lambda d: (),
    ),
    "db_io": (
        QT_TRANSLATE_NOOP("Messages", 'The project file cannot be read or written (a disk or permission problem): check the disk and try again.'),
        lambda d: (),
    ),
    "project_damaged": (
        QT_TRANSLATE_NOOP("Messages", "The project file is damaged; nothing was written to it. Restore it from a backup copy (a .bak beside it, if there is one); meanwhile it can be opened read-only."),
        lambda d: (),
    ),
    "wal_in_read_only_folder": (
        QT_TRANSLATE_NOOP("Messages", "The project cannot be read here: its folder is read-only and recent changes are still in its -wal file. Make the folder writable, or copy the project together with its -wal file to a folder of your own."),
        lambda d: (),
    ),
}


def _read_only_location(d: dict[str, Any]) -> str:
    if d.get("what") == "file":
        return QCoreApplication.translate(
            "Messages", "The project file is read-only, so changes cannot be saved. Make it writable, or open it read-only."
        )
    return QCoreApplication.translate(
        "Messages",
        "The project's folder is read-only, so changes cannot be saved there. Make the folder writable, or copy the "
        "project to a folder of your own; opening it read-only works as it is.",
    )


def explain(error: BaseException) -> str:
    """The sentence the editor reads for ``error``; its technical detail goes to the log."""
    if isinstance(error, Refusal):
        return str(error)
    if isinstance(error, StoreError):
        log.info("refused (%s): %s %s", error.code, error, error.details)
        if error.code == "not_found":
            return _not_found(error.details)
        if error.code == "read_only_location":
            return _read_only_location(error.details)
        if error.code == "date_not_iso":  # the sentence the date field has always shown, in its context
            return QCoreApplication.translate("FieldsPanel", "Dateline date must be YYYY-MM-DD")
        phrase = _PHRASES.get(error.code)
        if phrase is not None:
            source, args = phrase
            return fill(_t(source), *args(error.details))
        return QCoreApplication.translate(
            "Messages", "The change could not be saved. Try again; if it keeps failing, the log has the details."
        )
    log.warning("unexpected error: %r", error)
    return QCoreApplication.translate("Messages", "Something went wrong; the log has the details.")


def phrased_codes() -> set[str]:
    """The refusal codes ``explain`` has a sentence for (tests check it covers ``errors.CODES``)."""
    return set(_PHRASES) | {"not_found", "read_only_location", "date_not_iso"}
