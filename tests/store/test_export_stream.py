"""The streamed export on two worker processes: the same bytes as in one process, chunk files
handed over and removed, nothing left behind when cancelled."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from desktop.export import stream
from desktop.store.store import Store


@pytest.fixture
def chunk_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))  # where the workers' chunk files go
    monkeypatch.setattr(stream, "CHUNK", 2)  # several chunks even for the seed project: the worker path
    return folder


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "conll"])
def test_two_workers_write_the_bytes_one_process_does(seeded: Store, tmp_path: Path, chunk_folder: Path, fmt: str) -> None:
    assert len(seeded.export_ids()) > 2 * stream.CHUNK
    one, two = tmp_path / f"one.{fmt}", tmp_path / f"two.{fmt}"
    done: list[int] = []
    by_one = stream.export_project(fmt, seeded.path, one, workers=1)
    by_two = stream.export_project(fmt, seeded.path, two, workers=2, progress=lambda n, _total: done.append(n))
    assert two.read_bytes() == one.read_bytes()
    assert (by_two.records, by_two.spans) == (by_one.records, by_one.spans)
    assert done == sorted(done) and done[-1] == len(seeded.export_ids())
    assert list(chunk_folder.iterdir()) == []  # every chunk file and their folder removed


def test_a_cancelled_export_leaves_no_chunk_files(seeded: Store, tmp_path: Path, chunk_folder: Path) -> None:
    target = tmp_path / "out.jsonl"
    done: list[int] = []
    with pytest.raises(stream.ExportCancelled):
        stream.export_project("jsonl", seeded.path, target, workers=2, progress=lambda n, _t: done.append(n),
                              cancelled=lambda: bool(done))
    assert done and not target.exists()
    assert list(chunk_folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []  # no partial output
