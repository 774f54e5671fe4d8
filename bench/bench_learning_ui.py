"""Does the window stay responsive while it trains a project model?

A project of ``--articles`` reviewed article-sized texts (bench_learning.article_texts:
14 consecutive corpus sentences each, ~570 characters) is opened in the real main
window (offscreen), Review ▸ Train from reviewed articles is triggered, and a
``QTimer`` ticking every 10 ms on the GUI thread records the gaps between its
ticks from just before the trigger (reading the reviewed articles happens on the GUI
thread and is measured) until the model is stored (the re-annotation offer is
declined).  A gap longer than 10 ms is time the GUI thread could not run: the
longest one is the longest block.  Also printed: the same heartbeat over 3 s of
idle window before, as the floor of this machine (shared, offscreen).

Run: ``QT_QPA_PLATFORM=offscreen python bench/bench_learning_ui.py [--corpora DIR] [--articles 1000]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_learning import article_texts, make_project  # noqa: E402


def _gaps(app, seconds: float | None, until=None, start=None) -> list[float]:  # noqa: ANN001
    """Heartbeat gaps (ms) until ``seconds`` pass or ``until()``; ``start`` runs on the GUI thread
    once the heartbeat runs (so a block inside it is measured too)."""
    from PySide6.QtCore import QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    if start is not None:
        QTimer.singleShot(20, start)
    end = time.perf_counter() + (seconds or 1e9)
    while time.perf_counter() < end and not (until is not None and until()):
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return gaps


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpora", type=Path, default=Path(os.environ.get("NEWSDESK_CORPORA", ROOT.parent / "shared" / "corpora")))
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app import build_main_window, configure_application
    from desktop.ui.settings import EDITOR_NAME, Settings

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reviewed.sqlite"
        make_project(path, article_texts(args.corpora, args.articles))
        settings = Settings(Path(tmp) / "settings.ini")
        settings.set(EDITOR_NAME, "bench")
        configure_application(app, settings)
        window = build_main_window(settings)
        window.show()
        assert window.project.open_project(path)
        window.ctx.interaction.confirm = lambda title, text: False  # decline the re-annotation offer
        idle = _gaps(app, 3.0)
        done: list[object] = []
        window.training.trained.connect(done.append)
        print(f"load average {os.getloadavg()[0]:.2f}; {args.articles} reviewed articles; training…", flush=True)
        t0 = time.perf_counter()
        gaps = _gaps(app, None, until=lambda: bool(done), start=window.action_set["review.train"].trigger)
        seconds = time.perf_counter() - t0
        models = window.ctx.store.models()
        window.close()
    gaps.sort()
    idle.sort()
    print(f"trained model {done[0]} in {seconds:.1f} s wall (stored: {len(models)} model(s))")
    print(f"GUI heartbeat during training: {len(gaps)} ticks, longest gap {gaps[-1]:.1f} ms, "
          f"99th percentile {gaps[int(len(gaps) * 0.99)]:.1f} ms, median {gaps[len(gaps) // 2]:.1f} ms")
    print(f"idle window before:             {len(idle)} ticks, longest gap {idle[-1]:.1f} ms, "
          f"99th percentile {idle[int(len(idle) * 0.99)]:.1f} ms")
    print(f"load average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
