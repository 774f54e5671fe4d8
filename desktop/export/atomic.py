"""Atomic output: an export is either complete at its path or not there at all.

Owns :class:`ExportError` and the two context managers every writer uses:

* :func:`atomic_file` writes to a hidden ``.<name>.<random>.tmp`` file in the
  target folder, fsyncs it and ``os.replace``-s it onto the target.
* :func:`atomic_dir` builds a directory output (brat) in a hidden temp
  directory beside the target and renames it into place.

If anything fails (read-only folder, full disk, an exception raised by the
record iterator), the temp output is removed and an existing target is left
untouched.  Operating-system failures become :class:`ExportError` with a
message naming the path and the reason; other exceptions propagate unchanged.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

# Files a Newsdesk brat export contains; an existing directory holding anything
# else is never replaced (it is not ours to delete).
_BRAT_SUFFIXES = {".txt", ".ann", ".conf"}


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


def ensure_replaceable_dir(target: Path) -> None:
    """Raise ExportError if ``target`` is a folder holding anything but brat files."""
    if not target.is_dir():
        return
    foreign = [p.name for p in target.iterdir() if p.suffix not in _BRAT_SUFFIXES or p.is_dir()]
    if foreign:
        raise ExportError(
            target, f"folder exists and holds files that are not a brat export ({foreign[0]})"
        )


@contextmanager
def atomic_dir(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield an empty temp directory that replaces ``path`` if the block succeeds.

    An existing directory at ``path`` is replaced only when it holds nothing but
    ``.txt``/``.ann``/``.conf`` files (a previous brat export); otherwise the
    export is refused rather than deleting someone's folder.
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
    old: Path | None = None
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            os.rmdir(old)
            os.replace(target, old)
        os.replace(tmp, target)
    except OSError as exc:
        if old is not None and old.exists() and not target.exists():
            os.replace(old, target)
            old = None
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError(target, describe_os_error(exc)) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


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
