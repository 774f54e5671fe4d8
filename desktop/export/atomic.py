"""Atomic output: an export is either complete at its path or not there at all.

Owns :class:`ExportError` and the two context managers every writer uses:

* :func:`atomic_file` writes to a hidden ``.<name>.<random>.tmp`` file in the
  target folder, fsyncs it and ``os.replace``-s it onto the target.
* :func:`atomic_dir` builds a directory output (brat) in a hidden temp
  directory beside the target and renames it into place.  It leaves a marker
  file (:data:`MARKER_NAME`, the list of files it wrote) inside, and replaces an
  existing folder only when that folder is empty or carries the marker and
  holds nothing the marker does not list: a folder of someone's pages, notes
  or a hand-made ``.ann`` is never deleted.

If anything fails (read-only folder, full disk, an exception raised by the
record iterator), the temp output is removed and an existing target is left
untouched.  Operating-system failures become :class:`ExportError` with a
message naming the path and the reason; other exceptions propagate unchanged.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

# Written inside every folder export: which program wrote it and every file it wrote.
MARKER_NAME = ".newsdesk-export.json"
_MARKER_TOOL = "newsdesk"


class ExportError(Exception):
    """An export could not be written; the message names the path and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"cannot write {self.path}: {reason}")


def describe_os_error(exc: OSError) -> str:
    """Human-readable reason for an OS error, with its errno name (``ENOSPC``)."""
    text = exc.strerror or str(exc)
    if exc.errno is not None and exc.errno in errno.errorcode:
        return f"{text} ({errno.errorcode[exc.errno]})"
    return text


def _check_parent(target: Path) -> None:
    parent = target.parent
    if not parent.exists():
        raise ExportError(target, f"folder {parent} does not exist")
    if not parent.is_dir():
        raise ExportError(target, f"{parent} is not a folder")


@contextmanager
def atomic_file(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = "\n"
) -> Iterator[TextIO]:
    """Open a text stream whose content appears at ``path`` only if the block succeeds."""
    target = Path(path)
    _check_parent(target)
    if target.is_dir():
        raise ExportError(target, "a folder with this name exists")
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
    except OSError as exc:
        raise ExportError(target, describe_os_error(exc)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        _remove_quietly(tmp)
        raise ExportError(target, describe_os_error(exc)) from exc
    except BaseException:
        _remove_quietly(tmp)
        raise


def _marker_files(folder: Path) -> set[str] | None:
    """The file names the marker in ``folder`` lists, or None when there is no valid marker."""
    try:
        data = json.loads((folder / MARKER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("tool") != _MARKER_TOOL or not isinstance(data.get("files"), list):
        return None
    # Plain names only: a marker can never point the clean-up outside its folder.
    return {n for n in data["files"] if isinstance(n, str) and n not in ("", ".", "..") and Path(n).name == n}


def write_marker(folder: Path) -> None:
    """Record in ``folder`` that this exporter wrote it, with every file it holds now."""
    files = sorted(p.name for p in folder.iterdir() if p.name != MARKER_NAME)
    (folder / MARKER_NAME).write_text(
        json.dumps({"tool": _MARKER_TOOL, "files": files}, ensure_ascii=False, indent=0), encoding="utf-8"
    )


def ensure_replaceable_dir(target: Path) -> None:
    """Raise ExportError unless ``target`` is absent, empty, or an earlier export of ours.

    An earlier export carries the marker and holds only the files the marker
    lists; anything else in the folder (a page, a note, a hand-made ``.ann``, a
    sub-folder) was not written by the exporter and is not ours to delete.
    """
    if not target.is_dir():
        return
    try:
        entries = list(target.iterdir())
    except OSError as exc:
        raise ExportError(target, describe_os_error(exc)) from exc
    if not entries:
        return
    listed = _marker_files(target)
    if listed is None:
        raise ExportError(
            target, "the folder exists and was not written by a Newsdesk export; choose a new or empty folder"
        )
    foreign = sorted(p.name for p in entries if p.name != MARKER_NAME and (p.name not in listed or p.is_dir()))
    if foreign:
        raise ExportError(
            target, f"the folder holds {foreign[0]!r}, which the earlier export did not write; "
            "move it away or choose a new folder"
        )


@contextmanager
def atomic_dir(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield an empty temp directory that replaces ``path`` if the block succeeds.

    The finished folder gets the marker listing what it holds.  An existing
    directory at ``path`` is replaced only when :func:`ensure_replaceable_dir`
    allows it; otherwise the export is refused rather than deleting someone's files.
    """
    target = Path(path)
    _check_parent(target)
    if target.exists() and not target.is_dir():
        raise ExportError(target, "a file with this name exists")
    ensure_replaceable_dir(target)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise ExportError(target, describe_os_error(exc)) from exc
    try:
        yield tmp
        write_marker(tmp)
        os.chmod(tmp, 0o777 & ~_umask())
        replace_folder(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def replace_folder(new: Path, target: Path) -> None:
    """Move the finished folder ``new`` to ``target``, which is absent, empty or an earlier
    export (checked by :func:`ensure_replaceable_dir`); of the earlier export only the files
    its marker lists are deleted.  On failure ``target`` is left as it was."""
    old: Path | None = None
    try:
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            os.rmdir(old)
            os.replace(target, old)
        os.replace(new, target)
    except OSError as exc:
        if old is not None and old.exists() and not target.exists():
            os.replace(old, target)
            old = None
        raise ExportError(target, describe_os_error(exc)) from exc
    finally:
        if old is not None:
            _remove_earlier_export(old)


def _remove_earlier_export(folder: Path) -> None:
    """Delete the files an earlier export wrote (the marker lists them), then the folder if
    that empties it: a file someone put there since the check is left where it is."""
    for name in _marker_files(folder) or set():
        _remove_quietly(folder / name)
    _remove_quietly(folder / MARKER_NAME)
    with contextlib.suppress(OSError):
        folder.rmdir()


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write a small text file atomically (configs written beside an export)."""
    with atomic_file(path, encoding=encoding) as stream:
        stream.write(text)


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Read once at import: os.umask() is process-wide and writers run on worker threads.
_UMASK = _read_umask()


def _umask() -> int:
    return _UMASK


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        pass
