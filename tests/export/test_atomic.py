"""Atomic writing: failed exports raise ExportError and leave no file that looks complete."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from export_samples import record_1, record_2
from desktop.export import ExportError, ExportOptions, export
from desktop.export.atomic import atomic_dir, atomic_file
from desktop.export.registry import FORMATS

ROOT = Path(__file__).resolve().parents[2]


def _run_as_child(code: str, *, without_root_override: bool) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter.

    With ``without_root_override``, a root parent first drops CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH from the bounding set and re-executes, so the child is root
    that obeys file modes: a 0o555 folder is then really read-only for it.
    """
    code = textwrap.dedent(code)
    args = [sys.executable, "-c", code]
    if without_root_override and os.geteuid() == 0:
        launcher = (
            "import ctypes, os, sys\n"
            "libc = ctypes.CDLL(None, use_errno=True)\n"
            "for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH\n"
            "    assert libc.prctl(24, cap, 0, 0, 0) == 0, ctypes.get_errno()  # PR_CAPBSET_DROP\n"
            "os.execv(sys.executable, [sys.executable, '-c', sys.argv[1]])\n"
        )
        args = [sys.executable, "-c", launcher, code]
    return subprocess.run(
        args, capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{Path(__file__).parent}"},
    )


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_read_only_folder_raises_export_error_and_leaves_nothing(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    target = folder / ("out" + FORMATS[fmt].extension)
    result = _run_as_child(f"""
        from export_samples import record_1
        from desktop.export import ExportError, export
        try:
            export({fmt!r}, [record_1()], {str(target)!r})
        except ExportError as exc:
            print("EXPORT-ERROR", exc)
        else:
            print("NO-ERROR")
    """, without_root_override=True)
    assert "EXPORT-ERROR" in result.stdout, result.stdout + result.stderr
    assert str(target) in result.stdout
    assert "Permission denied" in result.stdout
    assert list(folder.iterdir()) == []


def test_write_failure_mid_file_removes_temp_and_names_reason(tmp_path: Path) -> None:
    # RLIMIT_FSIZE makes the kernel refuse writes past 2 KiB: a real mid-way write error (EFBIG),
    # the same path a full disk (ENOSPC) takes.
    target = tmp_path / "big.jsonl"
    result = _run_as_child(f"""
        import resource, signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))
        from export_samples import record_1
        from desktop.export import ExportError, export
        try:
            export("jsonl", [record_1() for _ in range(50)], {str(target)!r})
        except ExportError as exc:
            print("EXPORT-ERROR", exc)
    """, without_root_override=False)
    assert "EXPORT-ERROR" in result.stdout, result.stdout + result.stderr
    assert "EFBIG" in result.stdout and str(target) in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_disk_full_error_message(tmp_path: Path) -> None:
    # /dev/full answers every write with ENOSPC; os.replace of the real temp file then never happens.
    target = tmp_path / "out.jsonl"
    with pytest.raises(ExportError) as info, atomic_file(target) as stream:
        stream.write("x")
        os.dup2(os.open("/dev/full", os.O_WRONLY), stream.fileno())
        stream.write("y" * 100_000)
    assert "ENOSPC" in str(info.value) and str(target) in str(info.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_iterator_failing_midway_leaves_no_target(tmp_path: Path, fmt: str) -> None:
    def failing():
        yield record_1()
        yield record_2()
        raise RuntimeError("database went away")

    target = tmp_path / ("out" + FORMATS[fmt].extension)
    with pytest.raises(RuntimeError, match="database went away"):
        export(fmt, failing(), target)
    assert list(tmp_path.iterdir()) == []


def test_failed_export_keeps_previous_complete_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    export("jsonl", [record_1()], target)
    before = target.read_bytes()

    def failing():
        yield record_2()
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        export("jsonl", failing(), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_split_failing_in_last_part_writes_no_split_file(tmp_path: Path, many_records) -> None:
    recs = many_records(30, 10)
    calls = {"n": 0}

    def source():
        calls["n"] += 1
        if calls["n"] == 4:  # count pass, train, dev, then test fails
            def broken():
                yield from recs[:1]
                raise RuntimeError("lost connection")
            return broken()
        return iter(recs)

    with pytest.raises(RuntimeError):
        export("jsonl", source, tmp_path / "data.jsonl", ExportOptions(split=(0.6, 0.2, 0.2)))
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "nope" / "out.csv"
    with pytest.raises(ExportError, match="does not exist") as info:
        export("csv", [record_1()], target)
    assert str(target) in str(info.value)


def test_brat_refuses_to_replace_a_foreign_folder(tmp_path: Path) -> None:
    folder = tmp_path / "文档"
    folder.mkdir()
    (folder / "论文.docx").write_bytes(b"precious")
    with pytest.raises(ExportError, match="not written by a Newsdesk export"):
        export("brat", [record_1()], folder)
    assert (folder / "论文.docx").read_bytes() == b"precious"


def test_brat_replaces_its_own_previous_export(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    export("brat", [record_1(), record_2()], folder)
    export("brat", [record_2()], folder)
    assert sorted(p.name for p in folder.iterdir()) == [".newsdesk-export.json", "102.ann", "102.txt", "annotation.conf"]
    assert [p.name for p in tmp_path.iterdir()] == ["corpus"]


def test_atomic_dir_leaves_nothing_on_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError), atomic_dir(tmp_path / "x") as tmp:
        (tmp / "a.txt").write_text("半成品")
        raise ValueError("stop")
    assert list(tmp_path.iterdir()) == []


def test_output_file_is_readable_after_replace(tmp_path: Path) -> None:
    target = tmp_path / "o.jsonl"
    export("jsonl", [record_1()], target)
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)  # not mkstemp's private mode
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == 101
