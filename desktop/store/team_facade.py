"""The Store's team-work methods (a mixin of ``store.Store``; same rules as the facade).

    store.project_id() -> str                        (random, made with the project; a package's differs)
    store.package_info() -> dict | None              (package_id, package_of, package_editor, ...; None: not a package)
    store.write_package(target, editor, article_ids, package_id) -> int
                   (a new project file with those articles of this one, see packages.py; this file only read)
    store.package_writer() -> write(target, editor, article_ids, package_id) -> int
                   (the same, as a callable for a worker thread: touches nothing of this store)
    store.merge_package(path) -> merge.MergeOutcome  (ONE transaction; packages.PackageRefused with the reason)
    store.package_reader() -> read(path) -> packages.PackageContent
                   (checks and reads a package of this project on any thread: touches nothing of this store)
    store.merge_package_content(content) -> merge.MergeOutcome  (the write of merge_package: ONE transaction)
    store.editor_versions(article_id) -> {editor: state}
    store.agreement_items() -> iterator of (id, title, {editor: (body, [(start, end, label)])})
    store.editor_records(ids) -> {id: [version record]}
    store.adjudication(article_id) -> dict | None    (adjudicator, at, editors)
    store.finish_adjudication(article_id) -> Changes (reviewed, reviewer = store.editor)
    store.reopen_adjudication(article_id) -> Changes (its undo: to_adjudicate again, the record dropped)
    store.replace_spans(article_id, remove_ids, add_items) -> spans.SpansAdded
                   (ONE transaction: an adjudicator's choice, and its undo; add_items as store.add_spans')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from desktop.store import adjudication, merge, packages, spans
from desktop.store.codec import utc_now
from desktop.store.db import translate_errors
from desktop.store.records import Changes


class TeamMethods:
    """Mixed into ``Store``: uses its ``db``, ``_lock``, ``_write``, ``editor`` and ``path``."""

    db: Any
    _lock: Any
    editor: str
    path: Path

    def project_id(self) -> str:
        with self._lock, translate_errors():
            return packages.project_info(self.db)["project_id"]

    def package_info(self) -> dict[str, str] | None:
        with self._lock, translate_errors():
            info = packages.project_info(self.db)
        return {k: v for k, v in info.items() if k.startswith("package_")} if "package_id" in info else None

    def write_package(self, target: str | Path, editor: str, article_ids: Sequence[int], package_id: str) -> int:
        return self.package_writer()(target, editor, article_ids, package_id)

    def package_writer(self) -> Callable[[str | Path, str, Sequence[int], str], int]:
        source, project_id = self.path, self.project_id()

        def write(target: str | Path, editor: str, article_ids: Sequence[int], package_id: str) -> int:
            meta = {
                "package_id": package_id, "package_of": project_id, "package_editor": editor,
                "package_created_at": utc_now(),
            }
            # reads this project's file on the package's own connection: this store is not used
            return packages.write_package(source, Path(target), meta, list(article_ids))

        return write

    def merge_package(self, path: str | Path) -> merge.MergeOutcome:
        return self.merge_package_content(self.package_reader()(path))

    def package_reader(self) -> Callable[[str | Path], packages.PackageContent]:
        project_id = self.project_id()

        def read(path: str | Path) -> packages.PackageContent:
            return packages.read_package(Path(path), project_id)

        return read

    def merge_package_content(self, content: packages.PackageContent) -> merge.MergeOutcome:
        with self._lock, translate_errors():
            changing = merge.new_versions(self.db, content)
        with self._write(list(changing)) as db:  # type: ignore[attr-defined]
            return merge.merge_package(db, self.editor, content, changing)

    def editor_versions(self, article_id: int) -> dict[str, dict[str, Any]]:
        with self._lock, translate_errors():
            return adjudication.editor_versions(self.db, article_id)

    def agreement_items(self) -> Iterator[tuple[int, str, dict[str, Any]]]:
        with self._lock, translate_errors():
            items = list(adjudication.agreement_items(self.db))
        return iter(items)

    def editor_records(self, ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
        with self._lock, translate_errors():
            return adjudication.editor_records(self.db, list(ids))

    def adjudication(self, article_id: int) -> dict[str, Any] | None:
        with self._lock, translate_errors():
            return adjudication.adjudication_of(self.db, article_id)

    def finish_adjudication(self, article_id: int) -> Changes:
        with self._write([article_id]) as db:  # type: ignore[attr-defined]
            return adjudication.finish_adjudication(db, self.editor, article_id)

    def reopen_adjudication(self, article_id: int) -> Changes:
        with self._write([article_id]) as db:  # type: ignore[attr-defined]
            return adjudication.reopen_adjudication(db, self.editor, article_id)

    def replace_spans(self, article_id: int, remove_ids: Sequence[int], add_items: list[dict[str, Any]]) -> spans.SpansAdded:
        with self._write([article_id]) as db:  # type: ignore[attr-defined]
            removed = spans.remove_spans(db, self.editor, list(remove_ids))
            added = spans.add_spans(db, self.editor, [dict(i, article_id=article_id) for i in add_items])
            added.article_ids |= removed.article_ids
            added.kinds |= removed.kinds
            return added
