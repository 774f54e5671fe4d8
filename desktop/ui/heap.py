"""The app process's C heap: one malloc arena for every thread (glibc).

Owns: ``share_one_arena``, called by ``run_app`` before Qt or any worker thread starts.

Why: glibc gives each new thread that allocates an arena of its own (up to 8 per core),
and memory freed in an arena is reused only by threads that allocate there.  The app's worker threads read big transient things at archive scale (the
page order at open, every hit of a frequent search: at a million articles a 5-8 MB id
array, the blob SQLite built it from and the bytes numpy parsed it from), so each worker
arena kept ~10-15 MB of freed memory resident that the GUI thread could not use
(``bench/bench_app.py`` with ``BENCH_APP_PROBE=1``: "free" inside the arenas).  With one
arena the GUI thread's next big allocation (the hits in page order, an export's ids)
reuses it.  The cost is a shared lock between the GUI thread and at most a couple of
workers; small blocks come from each thread's cache without it.  Elsewhere than glibc
(macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_ARENA_MAX = -8  # glibc's malloc.h


def share_one_arena() -> bool:
    """``mallopt(M_ARENA_MAX, 1)`` where the C library is glibc; True if it was set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt of this kind)
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, 1))
