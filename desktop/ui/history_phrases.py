"""Each recorded edit of an article in words, in the interface language.

Owns: ``PHRASES`` (one phrasing per event action the store records, see
``record_event`` in desktop/store) and ``describe(event)``, which returns a
``Phrase``: a one-line summary for the history table (page text shortened)
and the full description with, for a body edit, the changed characters
(``history_diff``).  The same words name an undo step (``commands.command_text``).  Templates are translated ("「%1」 %2 → %3"); what an editor
or a page wrote fills their placeholders as runs of its own kind, never as
markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.store.records import Event
from desktop.ui.history_diff import DELETED, INSERTED, NEW, OLD, QUOTE, TEXT, Run, body_diff, count_changes
from desktop.ui.label_palette import label_text
from desktop.ui.models.article_table import status_text
from desktop.ui.widgets.article_view import flag_text
from desktop.ui.widgets.fields_panel import field_label

SHORT = 30  # characters of page text in the one-line summary
_PLACEHOLDER = re.compile(r"%(\d)")


TEMPLATES: dict[str, str] = {
    "none": QT_TRANSLATE_NOOP("HistoryPhrases", "none"),
    "page_imported": QT_TRANSLATE_NOOP("HistoryPhrases", "Page “%1” imported (version %2, %3 articles)"),
    "field_set": QT_TRANSLATE_NOOP("HistoryPhrases", "%1 set: “%2”"),
    "field_cleared": QT_TRANSLATE_NOOP("HistoryPhrases", "%1 cleared (was “%2”)"),
    "field_changed": QT_TRANSLATE_NOOP("HistoryPhrases", "%1: “%2” → “%3”"),
    "flags_cleared": QT_TRANSLATE_NOOP("HistoryPhrases", "; no longer flagged: %1"),
    "flags_raised": QT_TRANSLATE_NOOP("HistoryPhrases", "; flagged: %1"),
    "authors": QT_TRANSLATE_NOOP("HistoryPhrases", "Authors: %1 → %2"),
    "body_edited": QT_TRANSLATE_NOOP("HistoryPhrases", "Body text edited: %1 characters inserted, %2 deleted"),
    "span_added": QT_TRANSLATE_NOOP("HistoryPhrases", "“%1” labelled %2"),
    "resized": QT_TRANSLATE_NOOP("HistoryPhrases", "“%1” → “%2”"),
    "relabelled_short": QT_TRANSLATE_NOOP("HistoryPhrases", "%1 → %2"),
    "relabelled": QT_TRANSLATE_NOOP("HistoryPhrases", "“%3” %1 → %2"),
    "revalued_short": QT_TRANSLATE_NOOP("HistoryPhrases", "value %1 → %2"),
    "revalued": QT_TRANSLATE_NOOP("HistoryPhrases", "“%3” value %1 → %2"),
    "marked_to_check": QT_TRANSLATE_NOOP("HistoryPhrases", "“%1” marked to check"),
    "checked": QT_TRANSLATE_NOOP("HistoryPhrases", "“%1” checked"),
    "span_accepted": QT_TRANSLATE_NOOP("HistoryPhrases", "“%1” accepted (%2)"),
    "unaccepted": QT_TRANSLATE_NOOP("HistoryPhrases", "“%1” back to the machine's suggestion"),
    "unchanged": QT_TRANSLATE_NOOP("HistoryPhrases", "“%1” unchanged"),
    "join": QT_TRANSLATE_NOOP("HistoryPhrases", "; "),
    "span_deleted": QT_TRANSLATE_NOOP("HistoryPhrases", "“%1” (%2) deleted"),
    "accepted_all": QT_TRANSLATE_NOOP("HistoryPhrases", "Machine spans accepted (%1)"),
    "status": QT_TRANSLATE_NOOP("HistoryPhrases", "Status: %1 → %2"),
    "tags_added_removed": QT_TRANSLATE_NOOP("HistoryPhrases", "Tags: added %1; removed %2"),
    "tags_added": QT_TRANSLATE_NOOP("HistoryPhrases", "Tags: added %1"),
    "tags_removed": QT_TRANSLATE_NOOP("HistoryPhrases", "Tags: removed %1"),
    "tag_created": QT_TRANSLATE_NOOP("HistoryPhrases", "Tag “%1” added to the list of tags"),
    "split": QT_TRANSLATE_NOOP("HistoryPhrases", "Article split: a new article begins at “%1”"),
    "merged": QT_TRANSLATE_NOOP("HistoryPhrases", "Articles merged: “%1” appended"),
    "promoted": QT_TRANSLATE_NOOP("HistoryPhrases", "Paragraph made the %1: “%2”"),
    "demoted": QT_TRANSLATE_NOOP("HistoryPhrases", "%1 “%2” put back into the body"),
    "segmentation_restored": QT_TRANSLATE_NOOP(
        "HistoryPhrases", "Page segmentation restored (undo or redo of a split, merge or move)"),
    "reverted_imported": QT_TRANSLATE_NOOP("HistoryPhrases", "Reverted to the article as imported (%1 edits undone)"),
    "reverted": QT_TRANSLATE_NOOP("HistoryPhrases", "Reverted to how it was at %1 (%2 edits undone)"),
    "moved": QT_TRANSLATE_NOOP("HistoryPhrases", "Paragraphs moved to another article: “%1”"),
    "caption": QT_TRANSLATE_NOOP("HistoryPhrases", "Made a caption: “%1”"),
    "not_article": QT_TRANSLATE_NOOP("HistoryPhrases", "Article marked as not an article"),
    "not_article_part": QT_TRANSLATE_NOOP("HistoryPhrases", "Paragraphs marked as not an article: “%1”"),
    "made_article": QT_TRANSLATE_NOOP("HistoryPhrases", "Article made from a block of the page: “%1”"),
    "block_caption": QT_TRANSLATE_NOOP("HistoryPhrases", "Block of the page made a caption: “%1”"),
    "reextracted": QT_TRANSLATE_NOOP("HistoryPhrases", "Extraction re-run: %1 machine spans replaced by %2"),
    "change": QT_TRANSLATE_NOOP("HistoryPhrases", "Change “%1”"),
    "merge_version": QT_TRANSLATE_NOOP("HistoryPhrases", "Work package merged: %1's version taken"),
    "merge_disputed": QT_TRANSLATE_NOOP("HistoryPhrases", "Work packages merged: the versions of %1 differ, to adjudicate"),
    "adjudicated": QT_TRANSLATE_NOOP("HistoryPhrases", "Adjudicated the versions of %1: reviewed"),
    "adjudication_reopened": QT_TRANSLATE_NOOP("HistoryPhrases", "Adjudication reopened"),
    "in_articles": QT_TRANSLATE_NOOP("HistoryPhrases", " (in %1 articles)"),  # an undo step's text (commands.py)
    "and_more": QT_TRANSLATE_NOOP("HistoryPhrases", " (and %1 more changes)"),
}


def t(key: str) -> str:
    """The template ``key`` in the interface language."""
    return QCoreApplication.translate("HistoryPhrases", TEMPLATES[key])


@dataclass(frozen=True)
class Phrase:
    runs: tuple[Run, ...]  # the change in words, page text in full
    diff: tuple[Run, ...] = ()  # a body edit: kept, deleted and inserted text

    def summary(self) -> str:
        """One line for the table: page text shortened in the middle, line breaks as spaces."""
        parts = []
        for run in self.runs:
            text = run.text if run.kind == TEXT else shorten(run.text)
            parts.append(text.replace("\n", " "))
        return "".join(parts)

    def text(self) -> str:
        return "".join(run.text for run in self.runs)


def shorten(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split("\n"))
    if len(text) <= limit:
        return text
    head = (limit - 1) * 2 // 3
    return text[:head] + "…" + text[len(text) - (limit - 1 - head):]


def runs(template: str, *args: Run | str) -> list[Run]:
    """The translated ``template`` with %1… replaced by ``args`` (a str is plain text)."""
    out: list[Run] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(template):
        if m.start() > pos:
            out.append(Run(template[pos : m.start()]))
        n = int(m.group(1))
        arg = args[n - 1] if 0 < n <= len(args) else m.group(0)
        out.append(arg if isinstance(arg, Run) else Run(str(arg)))
        pos = m.end()
    if pos < len(template):
        out.append(Run(template[pos:]))
    return out


def q(text: Any) -> Run:
    """Text from the page or an editor."""
    return Run("" if text is None else str(text), QUOTE)


def _span_text(span: dict[str, Any]) -> Run:
    return q(span.get("text", ""))


def _value_text(value: Any) -> str:
    if value is None:
        return t("none")
    if isinstance(value, dict) and "start" in value:
        return f"{value.get('start')}/{value.get('end')}"
    return str(value)


def _authors_text(authors: list[dict[str, str]]) -> str:
    if not authors:
        return t("none")
    return "、".join(f"{a.get('name', '')}（{a.get('role', '')}）" for a in authors)


# --- one function per action ----------------------------------------------------
def _import_page(e: Event) -> list[Run]:
    after = e.after or {}
    return runs(t("page_imported"), q(after.get("source_name", "")),
                str(after.get("version", 1)), str(len(after.get("articles", []))))


def _flag_changes(before: dict[str, Any], after: dict[str, Any]) -> list[Run]:
    """The flags a write cleared or raised (a title given clears 缺少标题; store rule
    ``annotations.flags_after_title``), as runs to append; none when it recorded no flags."""
    if "flags" not in before and "flags" not in after:
        return []
    old, new = before.get("flags") or [], after.get("flags") or []
    out: list[Run] = []
    cleared, raised = [f for f in old if f not in new], [f for f in new if f not in old]
    if cleared:
        out += runs(t("flags_cleared"), "、".join(flag_text(f) for f in cleared))
    if raised:
        out += runs(t("flags_raised"), "、".join(flag_text(f) for f in raised))
    return out


def _set_field(e: Event) -> list[Run]:
    before, after = e.before or {"": ""}, e.after or {}
    (name, old), = ((k, v) for k, v in before.items() if k != "flags")
    new = after.get(name)
    field = field_label(name)
    if not old:
        words = runs(t("field_set"), field, Run(new or "", NEW))
    elif not new:
        words = runs(t("field_cleared"), field, Run(old, OLD))
    else:
        words = runs(t("field_changed"), field, Run(old, OLD), Run(new, NEW))
    return words + _flag_changes(before, after)


def _set_authors(e: Event) -> list[Run]:
    old, new = (e.before or {}).get("authors", []), (e.after or {}).get("authors", [])
    return runs(t("authors"), Run(_authors_text(old), OLD), Run(_authors_text(new), NEW))


def _set_body(e: Event) -> list[Run]:
    inserted, deleted = count_changes((e.before or {}).get("body", ""), (e.after or {}).get("body", ""))
    return runs(t("body_edited"), str(inserted), str(deleted))


def _add_span(e: Event) -> list[Run]:
    span = e.after or {}
    return runs(t("span_added"), _span_text(span), label_text(span.get("label", "")))


def _update_span(e: Event) -> list[Run]:
    old, new = e.before or {}, e.after or {}
    parts: list[list[Run]] = []
    if (old.get("start"), old.get("end")) != (new.get("start"), new.get("end")):
        parts.append(runs(t("resized"), Run(old.get("text", ""), OLD), Run(new.get("text", ""), NEW)))
    if old.get("label") != new.get("label"):
        template = t("relabelled_short") if parts else t("relabelled")
        parts.append(runs(template, Run(label_text(old.get("label", "")), OLD), Run(label_text(new.get("label", "")), NEW),
                          _span_text(new)))
    if old.get("value") != new.get("value"):
        template = t("revalued_short") if parts else t("revalued")
        parts.append(runs(template, Run(_value_text(old.get("value")), OLD),
                          Run(_value_text(new.get("value")), NEW), _span_text(new)))
    if old.get("needs_check") != new.get("needs_check"):
        parts.append(runs(t("marked_to_check") if new.get("needs_check") else t("checked"), _span_text(new)))
    if not parts and old.get("origin") != new.get("origin"):
        if new.get("origin") == "human":
            parts.append(runs(t("span_accepted"), _span_text(new), label_text(new.get("label", ""))))
        else:
            parts.append(runs(t("unaccepted"), _span_text(new)))
    if not parts:
        return runs(t("unchanged"), _span_text(new))
    out: list[Run] = parts[0]
    for part in parts[1:]:
        out += [Run(t("join"))] + part
    return out


def _remove_span(e: Event) -> list[Run]:
    span = e.before or {}
    return runs(t("span_deleted"), _span_text(span), label_text(span.get("label", "")))


def _accept_auto_spans(e: Event) -> list[Run]:
    return runs(t("accepted_all"), str(len((e.after or {}).get("span_ids", []))))


def _set_status(e: Event) -> list[Run]:
    old, new = (e.before or {}).get("status", ""), (e.after or {}).get("status", "")
    return runs(t("status"), Run(status_text(old), OLD), Run(status_text(new), NEW))


def _set_tags(e: Event) -> list[Run]:
    old, new = set((e.before or {}).get("tags", [])), set((e.after or {}).get("tags", []))
    added, removed = sorted(new - old), sorted(old - new)
    if added and removed:
        return runs(t("tags_added_removed"), Run("、".join(added), NEW), Run("、".join(removed), OLD))
    if added:
        return runs(t("tags_added"), Run("、".join(added), NEW))
    return runs(t("tags_removed"), Run("、".join(removed), OLD))


def _add_tag(e: Event) -> list[Run]:
    return runs(t("tag_created"), q((e.after or {}).get("name", "")))


def _split_article(e: Event) -> list[Run]:
    return runs(t("split"), q(shorten((e.after or {}).get("second_body", ""), 40)))


def _merge_articles(e: Event) -> list[Run]:
    second = (e.before or {}).get("second") or {}
    return runs(t("merged"), q(second.get("title") or shorten(second.get("body", ""), 40)))


def _heading_field(state: dict[str, Any]) -> str:
    return next((k for k in state if k not in ("body", "removed_spans", "paragraph", "flags")), "title")


def _promote_line(e: Event) -> list[Run]:
    field = _heading_field(e.after or {})
    words = runs(t("promoted"), field_label(field), Run((e.after or {}).get(field, ""), NEW))
    return words + _flag_changes(e.before or {}, e.after or {})


def _demote_field(e: Event) -> list[Run]:
    field = _heading_field(e.before or {})
    words = runs(t("demoted"), field_label(field), Run((e.before or {}).get(field, ""), OLD))
    return words + _flag_changes(e.before or {}, e.after or {})


def _restore_articles(_e: Event) -> list[Run]:
    return runs(t("segmentation_restored"))


def _revert_article(e: Event, when: Callable[[int], str]) -> list[Run]:
    undone = len((e.before or {}).get("undone_events", []))
    target = (e.after or {}).get("to_event") or 0
    if not target:
        return runs(t("reverted_imported"), str(undone))
    return runs(t("reverted"), when(target), str(undone))


def _move_paragraphs(e: Event) -> list[Run]:
    return runs(t("moved"), Run((e.after or {}).get("text", ""), OLD))


def _mark_caption(e: Event) -> list[Run]:
    lines = (e.after or {}).get("captions") or []
    before = len((e.before or {}).get("captions") or [])
    return runs(t("caption"), Run("\n".join(lines[before:]) or "\n".join(lines), NEW))


def _mark_not_article(e: Event) -> list[Run]:
    if "article" in (e.before or {}):
        return runs(t("not_article"))
    return runs(t("not_article_part"), Run((e.after or {}).get("text", ""), OLD))


def _make_article(e: Event) -> list[Run]:
    return runs(t("made_article"), q((e.after or {}).get("body", "")))


def _block_to_caption(e: Event) -> list[Run]:
    old = len((e.before or {}).get("captions") or [])
    added = ((e.after or {}).get("captions") or [])[old:]
    return runs(t("block_caption"), Run("\n".join(added), NEW))


def _reextract(e: Event) -> list[Run]:
    removed, added = len((e.before or {}).get("spans") or []), len((e.after or {}).get("spans") or [])
    return runs(t("reextracted"), str(removed), str(added))


PHRASES: dict[str, Callable[[Event], list[Run]]] = {
    "import_page": _import_page,
    "set_field": _set_field,
    "set_authors": _set_authors,
    "set_body": _set_body,
    "add_span": _add_span,
    "update_span": _update_span,
    "remove_span": _remove_span,
    "accept_auto_spans": _accept_auto_spans,
    "set_status": _set_status,
    "set_tags": _set_tags,
    "add_tag": _add_tag,
    "split_article": _split_article,
    "merge_articles": _merge_articles,
    "promote_line": _promote_line,
    "demote_field": _demote_field,
    "restore_articles": _restore_articles,
    "revert_article": lambda e: _revert_article(e, str),
    # team work (desktop/store/merge.py, adjudication.py)
    "merge_version": lambda e: runs(t("merge_version"), q((e.after or {}).get("editor", ""))),
    "merge_to_adjudicate": lambda e: runs(t("merge_disputed"), "、".join((e.after or {}).get("editors", []))),
    "adjudicate": lambda e: runs(t("adjudicated"), "、".join((e.after or {}).get("editors", []))),
    "reopen_adjudication": lambda e: runs(t("adjudication_reopened")),  # describe() passes the time of the target
    "move_paragraphs": _move_paragraphs,
    "mark_caption": _mark_caption,
    "mark_not_article": _mark_not_article,
    "make_article": _make_article,
    "block_to_caption": _block_to_caption,
    "reextract": _reextract,
}


def describe(event: Event, when: Callable[[int], str] | None = None) -> Phrase:
    """``event`` in words; ``when(event_id)`` gives the local time of another event (reverts)."""
    try:
        if event.action == "revert_article":
            words = _revert_article(event, when or str)
        elif event.action in PHRASES:
            words = PHRASES[event.action](event)
        else:
            words = runs(t("change"), event.action)
    except (AttributeError, KeyError, TypeError, ValueError):  # an event written by an older version
        words = runs(t("change"), event.action)
    diff: list[Run] = []
    if event.action == "set_body":
        diff = body_diff((event.before or {}).get("body", ""), (event.after or {}).get("body", ""))
    return Phrase(tuple(words), tuple(diff))


__all__ = ["DELETED", "INSERTED", "NEW", "OLD", "PHRASES", "Phrase", "QUOTE", "TEXT", "Run", "describe"]
