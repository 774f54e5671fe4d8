"""Render the application icon from its SVG source into every file a platform needs.

Owns: ``resources/icons/newsdesk.svg`` -> ``resources/icons/hicolor/<N>x<N>/newsdesk.png``
(the freedesktop sizes, committed, installed by ``packaging/linux/install.sh``) and the
per-platform icon files PyInstaller wants, written to ``build/icons/`` (not committed):
``newsdesk.ico`` (Windows, PNG-compressed entries 16-256) and ``newsdesk.icns``
(macOS, PNG entries 16-1024).  Rendering uses Qt's ``QSvgRenderer`` (QtSvg is part of
PySide6-Essentials), so no other image library is needed.

Run: ``python packaging/make_icons.py`` (offscreen Qt, no display needed).
Output is deterministic for a given Qt version, so re-running leaves git clean.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "newsdesk.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
PLATFORM_DIR = ROOT / "build" / "icons"

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size.
ICNS_TYPES = ((16, b"icp4"), (32, b"icp5"), (64, b"icp6"), (128, b"ic07"), (256, b"ic08"), (512, b"ic09"), (1024, b"ic10"))


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The SVG drawn on a transparent size x size canvas, as PNG bytes."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise RuntimeError(f"could not encode the {size}px icon as PNG")
    buf.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        data = pngs[s]
        dim = 0 if s >= 256 else s  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns made of PNG elements."""
    body = b""
    for size, kind in ICNS_TYPES:
        data = pngs[size]
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def make_icons(svg: Path = SVG, hicolor: Path = HICOLOR, platform_dir: Path = PLATFORM_DIR) -> list[Path]:
    """Write all icon files; return the ones whose content changed."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt alive)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise RuntimeError(f"{svg}: not a valid SVG for Qt")
    sizes = sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | {s for s, _ in ICNS_TYPES})
    pngs = {s: render_png(renderer, s) for s in sizes}
    changed: list[Path] = []
    for s in HICOLOR_SIZES:
        p = hicolor / f"{s}x{s}" / "newsdesk.png"
        if _write_if_changed(p, pngs[s]):
            changed.append(p)
    for name, data in (("newsdesk.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES})), ("newsdesk.icns", icns_bytes(pngs))):
        p = platform_dir / name
        if _write_if_changed(p, data):
            changed.append(p)
    return changed


def main() -> int:
    changed = make_icons()
    for p in changed:
        print(f"wrote {p.relative_to(ROOT)}")
    print(f"icons up to date ({len(changed)} file(s) changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
