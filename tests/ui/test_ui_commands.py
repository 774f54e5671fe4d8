"""Each edit command, without widgets: push -> store changed -> undo -> restored -> redo."""

from __future__ import annotations

import pytest

from desktop.ui.commands import (
    AcceptAutoSpansCommand,
    AddSpanCommand,
    LabelOccurrencesCommand,
    RemoveSpanCommand,
    SetAuthorsCommand,
    SetFieldCommand,
    SetStatusCommand,
    SetTagsCommand,
    UpdateSpanCommand,
)


@pytest.fixture
def article(ctx):
    ids = ctx.store.article_ids()
    ctx.select_article(ids[0])
    return ctx.store.get_article(ids[0])


def _free_range(record, length=2):
    taken = [(s.start, s.end) for s in record.spans]
    for i in range(len(record.body) - length):
        if record.body[i : i + length].strip() != record.body[i : i + length]:
            continue
        if all(i + length <= a or i >= b for a, b in taken):
            return i, i + length
    raise AssertionError("no free range")


def _cycle(ctx, command, check_new, check_old):
    assert ctx.push(command)
    assert check_new()
    ctx.undo_stack.undo()
    assert check_old()
    ctx.undo_stack.redo()
    assert check_new()


def test_set_field(ctx, article):
    get = lambda: ctx.store.get_article(article.id).title  # noqa: E731
    _cycle(ctx, SetFieldCommand(ctx, article.id, "title", article.title, "新标题"), lambda: get() == "新标题", lambda: get() == article.title)
    events = ctx.store.events(article.id)
    assert events and events[0].editor == ctx.settings.editor_name()


def test_field_edits_merge_into_one_undo_step(ctx, article):
    ctx.push(SetFieldCommand(ctx, article.id, "note", article.note, "a"))
    ctx.push(SetFieldCommand(ctx, article.id, "note", "a", "ab"))
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert ctx.store.get_article(article.id).note == article.note


def test_authors_tags_status(ctx, article):
    authors = [*article.authors, {"name": "张三", "role": "通讯员"}]
    _cycle(ctx, SetAuthorsCommand(ctx, article.id, article.authors, authors),
           lambda: ctx.store.get_article(article.id).authors == authors,
           lambda: ctx.store.get_article(article.id).authors == article.authors)
    _cycle(ctx, SetTagsCommand(ctx, article.id, article.tags, ["经济"]),
           lambda: ctx.store.get_article(article.id).tags == ["经济"],
           lambda: ctx.store.get_article(article.id).tags == article.tags)
    _cycle(ctx, SetStatusCommand(ctx, article.id, article.status, "reviewed"),
           lambda: ctx.store.get_article(article.id).status == "reviewed",
           lambda: ctx.store.get_article(article.id).status == article.status)


def test_span_add_update_remove_keep_their_id(ctx, article):
    start, end = _free_range(article)
    add = AddSpanCommand(ctx, article.id, start, end, "ORG")
    assert ctx.push(add)
    span_id = add.span_id
    spans = lambda: {s.id: s for s in ctx.store.get_article(article.id).spans}  # noqa: E731
    assert spans()[span_id].label == "ORG" and spans()[span_id].origin == "human"
    ctx.undo_stack.undo()
    assert span_id not in spans()
    ctx.undo_stack.redo()
    assert spans()[span_id].start == start  # same id again after redo
    assert ctx.push(UpdateSpanCommand(ctx, article.id, spans()[span_id], {"label": "ORG"}, {"label": "LOC"}))
    assert spans()[span_id].label == "LOC"
    assert ctx.push(UpdateSpanCommand(ctx, article.id, spans()[span_id], {"end": end}, {"end": end - 1}))
    assert spans()[span_id].end == end - 1
    ctx.undo_stack.undo()
    assert spans()[span_id].end == end
    span = spans()[span_id]
    assert ctx.push(RemoveSpanCommand(ctx, article.id, span))
    assert span_id not in spans()
    ctx.undo_stack.undo()
    assert spans()[span_id].label == "LOC"


def test_overlap_is_refused_and_not_kept(ctx, article):
    taken = article.spans[0]
    before = ctx.undo_stack.count()
    messages: list[str] = []
    ctx.status_message.connect(messages.append)
    assert not ctx.push(AddSpanCommand(ctx, article.id, taken.start, taken.end, "PER"))
    assert ctx.undo_stack.count() == before
    assert messages
    assert len(ctx.store.get_article(article.id).spans) == len(article.spans)


def test_accept_auto_spans_and_undo(ctx, article):
    auto = [s for s in article.spans if s.origin == "auto"]
    assert auto
    assert ctx.push(AcceptAutoSpansCommand(ctx, article.id, auto))
    assert all(s.origin != "auto" for s in ctx.store.get_article(article.id).spans)
    ctx.undo_stack.undo()
    after = {s.id: s for s in ctx.store.get_article(article.id).spans}
    assert all(after[s.id].origin == "auto" and after[s.id].label == s.label for s in auto)


def test_label_occurrences_is_one_undo_step(ctx, article):
    start, end = _free_range(article)
    targets = [(article.id, start, end)]
    command = LabelOccurrencesCommand(ctx, article.id, "LOC", targets)
    assert ctx.push(command)
    n = len(ctx.store.get_article(article.id).spans)
    assert n == len(article.spans) + 1
    ctx.undo_stack.undo()
    assert len(ctx.store.get_article(article.id).spans) == len(article.spans)


def test_the_undo_text_is_the_history_phrase_of_the_edit(ctx, article):
    ctx.push(SetFieldCommand(ctx, article.id, "note", article.note, "一"))
    ctx.push(SetFieldCommand(ctx, article.id, "note", "一", "一二"))
    assert ctx.undo_stack.count() == 1
    assert "一二" in ctx.undo_stack.undoText() and "一」 →" not in ctx.undo_stack.undoText()  # one change: as before → last
    ctx.push(SetFieldCommand(ctx, article.id, "note", "一二", article.note))  # back where it began: the step goes
    assert ctx.undo_stack.count() == 0


def test_an_undo_the_store_refuses_is_dropped_and_says_why(ctx, article):
    messages: list[str] = []
    ctx.status_message.connect(messages.append)
    assert ctx.push(SetFieldCommand(ctx, article.id, "note", article.note, "一"))
    ctx.store.set_field(article.id, "kicker", "别处改的")  # a later edit, not on the stack
    ctx.undo_stack.undo()
    assert ctx.store.get_article(article.id).note == "一"  # nothing undone
    assert ctx.undo_stack.count() == 0 and not ctx.undo_stack.canRedo()
    assert messages and "Ctrl+H" in messages[-1]  # why, and what to do instead


def test_a_body_edit_is_undone_at_article_scope_and_the_history_shows_only_the_edit(ctx, article):
    from desktop.ui.segment_commands import EditBodyCommand

    page_before = ctx.store.snapshot_articles(article.page_id)
    assert ctx.push(EditBodyCommand(ctx, article.id, article.page_id, article.body + "\n补一段"))
    ctx.undo_stack.undo()
    assert ctx.store.snapshot_articles(article.page_id) == page_before
    ctx.undo_stack.redo()
    actions = [e.action for e in ctx.store.article_history(article.id)]
    assert actions.count("set_body") == 1 and "restore_articles" not in actions
