"""Where a process's resident memory is: a probe for ``bench_app.py`` (``BENCH_APP_PROBE=1``).

``snapshot(step)`` reads, in the measured process itself:

* ``rss``: resident set now (``/proc/self/statm``) and ``peak`` (``VmHWM``);
* ``anon`` / ``file``: the anonymous and the file-backed part of it (``smaps_rollup``; file
  pages are shared libraries, fonts, memory-mapped tables, SQLite's ``-shm`` index);
* glibc's heap (``mallinfo2``, every arena): ``arena`` (bytes taken from the system by
  ``brk``/arena heaps), ``mmapped`` (big blocks mapped one by one), ``used`` and ``free``
  (free bytes still held inside the arenas: what fragmentation keeps resident at most);
* ``arenas``: how many malloc arenas exist (each thread that mallocs may get its own);
* ``py_blocks``: Python objects' memory blocks alive (``sys.getallocatedblocks``);
* ``traced``: tracemalloc's current size when it is tracing.

``mappings(top)`` groups ``/proc/self/smaps`` by what is mapped (``[heap]``, anonymous, each
file by name) with its resident MB: the file-backed mappings that grow with the archive show
up there by name.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import resource
import sys
import threading
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def _libc():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


_LIBC = _libc()


def mallinfo() -> dict:
    if _LIBC is None or not hasattr(_LIBC, "mallinfo2"):
        return {}
    _LIBC.mallinfo2.restype = _MallInfo2
    m = _LIBC.mallinfo2()
    mb = 2**20
    return {"arena": m.arena / mb, "mmapped": m.hblkhd / mb, "used": m.uordblks / mb, "free": m.fordblks / mb}


def arena_count() -> int | None:
    """The number of malloc arenas (``malloc_info``'s ``<heap nr=...>`` elements)."""
    if _LIBC is None:
        return None
    try:
        buf = ctypes.c_char_p()
        size = ctypes.c_size_t()
        _LIBC.open_memstream.restype = ctypes.c_void_p
        f = _LIBC.open_memstream(ctypes.byref(buf), ctypes.byref(size))
        _LIBC.malloc_info(0, ctypes.c_void_p(f))
        _LIBC.fclose(ctypes.c_void_p(f))
        text = ctypes.string_at(buf, size.value).decode()
        _LIBC.free(buf)
    except (AttributeError, OSError):
        return None
    return len(re.findall(r"<heap nr=", text))


def _rollup() -> dict:
    out = {}
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[2] == "kB":
                out[parts[0].rstrip(":")] = int(parts[1]) / 1024
    except OSError:
        pass
    return out


def _hwm() -> float:
    """Peak RSS of this process (``VmHWM``; ``ru_maxrss`` would include the parent's at spawn)."""
    for ln in Path("/proc/self/status").read_text().splitlines():
        if ln.startswith("VmHWM:"):
            return int(ln.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def snapshot(step: str) -> dict:
    roll = _rollup()
    rss = int(Path("/proc/self/statm").read_text().split()[1]) * _PAGE / 2**20
    snap = {
        "step": step,
        "rss": rss,
        "peak": _hwm(),
        "anon": roll.get("Anonymous", 0.0),
        "file": roll.get("Rss", 0.0) - roll.get("Anonymous", 0.0) - roll.get("Pss_Shmem", 0.0),
        **mallinfo(),
        "arenas": arena_count(),
        "threads": threading.active_count(),
        "os_threads": len(os.listdir("/proc/self/task")),
        "py_blocks": sys.getallocatedblocks(),
    }
    import tracemalloc

    if tracemalloc.is_tracing():
        snap["traced"] = tracemalloc.get_traced_memory()[0] / 2**20
    return snap


def mappings(top: int = 15) -> list[dict]:
    """Resident MB by mapping name (anonymous mappings together, split by size class)."""
    groups: dict[str, float] = {}
    name = ""
    try:
        text = Path("/proc/self/smaps").read_text()
    except OSError:
        return []
    size = 0
    for line in text.splitlines():
        head = line.split()
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            lo, hi = (int(x, 16) for x in head[0].split("-"))
            size = hi - lo
            path = head[5] if len(head) > 5 else ""
            if not path:
                name = "anon >= 32 MB (malloc arena heaps)" if size >= 32 * 2**20 else (
                    "anon 1 MB (Python arenas)" if size == 2**20 else "anon other")
            else:
                name = path.rsplit("/", 1)[-1]
        elif head and head[0] == "Rss:":
            groups[name] = groups.get(name, 0.0) + int(head[1]) / 1024
    rows = sorted(groups.items(), key=lambda kv: -kv[1])[:top]
    return [{"where": k, "mb": v} for k, v in rows]


def line(s: dict) -> str:
    """One snapshot as a line of the bench's report."""
    extra = f" traced {s['traced']:.1f}" if "traced" in s else ""
    return (f"{s['step']:<28} rss {s['rss']:6.1f} peak {s['peak']:6.1f} | anon {s['anon']:6.1f} file {s['file']:5.1f} | "
            f"malloc arena {s.get('arena', 0):6.1f} mmapped {s.get('mmapped', 0):5.1f} used {s.get('used', 0):6.1f} "
            f"free {s.get('free', 0):5.1f} | arenas {s['arenas']} threads {s['os_threads']} py_blocks {s['py_blocks']:,}{extra}")
