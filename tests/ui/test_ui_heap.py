"""The app's C heap policy (desktop/ui/heap.py): worker threads allocate in the GUI thread's
malloc arena, so what a worker frees (a search's hits read at a million articles) can be
reused by the GUI thread instead of staying resident in an arena of its own."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = textwrap.dedent("""
    import ctypes, re, sys, threading
    from desktop.ui.heap import share_one_arena
    if sys.argv[1] == "share":
        assert share_one_arena()
    def work():
        blocks = [bytearray(200_000) for _ in range(20)]
        del blocks
    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    libc = ctypes.CDLL("libc.so.6")
    buf, size = ctypes.c_char_p(), ctypes.c_size_t()
    libc.open_memstream.restype = ctypes.c_void_p
    f = libc.open_memstream(ctypes.byref(buf), ctypes.byref(size))
    libc.malloc_info(0, ctypes.c_void_p(f))
    libc.fclose(ctypes.c_void_p(f))
    print(len(re.findall(r"<heap nr=", ctypes.string_at(buf, size.value).decode())))
""")


def _arenas(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", _SCRIPT, mode], cwd=ROOT, capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_worker_threads_share_the_gui_threads_arena() -> None:
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_info  # noqa: B018 - glibc only
    except (OSError, AttributeError):
        pytest.skip("not glibc")
    assert _arenas("default") > 1  # glibc's default: an arena per thread (up to 8 per core)
    assert _arenas("share") == 1


def test_run_app_sets_it_before_qt_starts() -> None:
    source = (ROOT / "desktop/ui/app.py").read_text(encoding="utf-8")
    body = source.split("def run_app(", 1)[1]
    assert body.index("share_one_arena()") < body.index("QApplication(")
