#!/usr/bin/env bash
# Build the Newsdesk desktop program for this machine (Linux here; see docs/packaging.md).
#   bash packaging/build.sh          -> dist/newsdesk/ (one folder) and
#                                       dist/newsdesk-<version>-linux-x86_64.tar.gz
# Uses the project's .venv (or $PYTHON): installs PyInstaller into it if missing, renders
# the icons, runs packaging/newsdesk.spec, adds the menu-entry installer to the folder,
# packs the archive and prints build time and sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)" != Linux ]; then
  echo "build.sh builds the Linux folder; on Windows and macOS follow docs/packaging.md" >&2
  exit 2
fi
root="$(pwd)"
PY="${PYTHON:-$root/.venv/bin/python}"
PYINSTALLER_SPEC="pyinstaller>=6.10,<7"

if [ ! -x "$PY" ]; then
  echo "build.sh: no Python at $PY: run 'bash packaging/bootstrap.sh setup' first or set PYTHON" >&2
  exit 2
fi
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "==> installing $PYINSTALLER_SPEC"
  "$PY" -m pip install -q "$PYINSTALLER_SPEC"
fi
# The program must be importable with everything it needs (the spec collects from here).
"$PY" -c "import desktop.cli, PySide6.QtSvg, rjieba, marisa_trie, numpy, cn2an, sqlite_utils" \
  || { echo "build.sh: the build environment lacks Newsdesk's dependencies: pip install -e . first" >&2; exit 2; }

version="$("$PY" -c 'from desktop import __version__; print(__version__)')"
archive="dist/newsdesk-${version}-linux-$(uname -m).tar.gz"

start=$(date +%s.%N)
echo "==> icons"
QT_QPA_PLATFORM=offscreen "$PY" packaging/make_icons.py
echo "==> pyinstaller (one folder)"
nice "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/newsdesk.spec
built=$(date +%s.%N)

install -m 755 packaging/linux/install.sh dist/newsdesk/install.sh
install -m 644 packaging/linux/newsdesk.desktop dist/newsdesk/newsdesk.desktop
echo "==> archive"
rm -f "$archive"
tar -C dist -czf "$archive" newsdesk
end=$(date +%s.%N)

folder_mb=$(du -sm dist/newsdesk | cut -f1)
files=$(find dist/newsdesk -type f | wc -l)
archive_mb=$(awk -v b="$(stat -c %s "$archive")" 'BEGIN { printf "%.1f", b / 1048576 }')
awk -v s="$start" -v b="$built" -v e="$end" \
  'BEGIN { printf "build time:  %.1f s (icons + pyinstaller %.1f s, archive %.1f s)\n", e - s, b - s, e - b }' 
echo "folder:      dist/newsdesk  ${folder_mb} MB, ${files} files"
echo "archive:     $archive  ${archive_mb} MB"
