"""One ``newsdesk import`` batch full of bad pages: each imports or is skipped with a
message, in bounded time and memory, and the good page beside them still imports."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from desktop.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
GOOD = "# 成都市召开产业发展大会\n\n本报讯（记者 王伟）3月5日，成都市召开产业发展大会，投入12亿元建设数字经济园区。\n"

# Run the CLI and report the child's wall time, CPU time and peak RSS.
RUNNER = (
    "import json, resource, sys, time\n"
    "t = time.monotonic()\n"
    "sys.argv = ['newsdesk'] + sys.argv[1:]\n"
    "from desktop.cli import main\n"
    "try:\n"
    "    main()\n"
    "except SystemExit as e:\n"
    "    code = e.code\n"
    "else:\n"
    "    code = 0\n"
    "print('STATS', json.dumps({'code': code, 'seconds': time.monotonic() - t, 'cpu_s': time.process_time(),"
    " 'rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def bad_pages() -> dict[str, bytes]:
    para = "成都市青白江区水务局召开会议，李鹏飞出席并讲话。" * 20 + "\n"
    return {
        "01_empty.txt": b"",
        "02_whitespace.txt": " \n\t\r\n\u3000\u3000\u3000\n".encode("utf-8"),
        "03_binary.txt": bytes(range(256)) * 64,
        "04_truncated_utf8.txt": GOOD.encode("utf-8")[:-2] + "数".encode()[:2],
        "05_mixed_encodings.txt": GOOD.encode("utf-8") + "第二段用国标编码写成的文字。\n".encode("gb18030"),
        "06_20mb.txt": (para * (20_000_000 // len(para.encode()) + 1)).encode("utf-8"),
        "07_no_punctuation.txt": ("成都市青白江区水务局召开会议李鹏飞出席并讲话" * 200).encode(),
        "08_only_digits.txt": ("1234567890" * 1000 + "\n").encode() * 5,
        "09_10k_one_char_lines.txt": ("字\n" * 10_000).encode(),
        "10_control_chars.txt": ("本报讯\x01\x02成都市\x07召开\x1b[31m会议\x00。\n" * 20).encode(),
        "11_rtl_marks.txt": ("\u202e成都市\u200f召开\u202c会议，\u200e李鹏飞出席。\n" * 20).encode(),
        "12_outside_bmp.txt": ("𠀀𪚥𝄞😀成都市𠮷野家召开会议，李鹏飞出席。🇨🇳\n" * 50).encode(),
        "13_utf16_bom.txt": GOOD.encode("utf-16"),
        "14_gb18030.txt": GOOD.encode("gb18030"),
        "99_good.txt": GOOD.encode("utf-8"),
    }


def test_bad_pages_in_one_batch(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    pages = bad_pages()
    for name, data in pages.items():
        (folder / name).write_bytes(data)
    db = tmp_path / "p.sqlite"
    t0 = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, "import", "--db", str(db), "--quiet", "--workers", "1", str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    wall = time.monotonic() - t0
    out = result.stdout + result.stderr
    assert "Traceback" not in out, out[-3000:]
    stats = json.loads(out.split("STATS ", 1)[1].splitlines()[0])
    assert result.returncode in (0, 1), out[-2000:]
    # Bounded: generous limits for a 20 MB page on a slow machine.  CPU time, not wall
    # time: the machine running the suite may be shared (the subprocess timeout bounds
    # the wall clock).
    assert stats["cpu_s"] < 300, stats
    assert stats["rss_mb"] < 2000, stats
    s = Store.open(db, readonly=True)
    try:
        imported = {p.source_name for p in s.pages()}
        assert "99_good.txt" in imported
        assert s.count_articles() > 0
    finally:
        s.close()
    for name in pages:
        # every page is either in the project or named in the summary with a reason
        assert name in imported or name in out, f"{name}: neither imported nor reported\n{out[-3000:]}"
    for must_skip in ("01_empty.txt", "02_whitespace.txt", "03_binary.txt"):
        assert must_skip not in imported and must_skip in out
    # the outcome of each page, for docs/reliability.md
    print(json.dumps({"wall_s": round(wall, 1), **stats, "imported": sorted(imported)}, ensure_ascii=False))
    print(result.stdout)
