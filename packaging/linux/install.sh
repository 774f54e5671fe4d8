#!/usr/bin/env bash
# Add Newsdesk to the desktop menu of the current user (no root needed), or remove it.
#   ./install.sh             install the menu entry and icons into ~/.local/share
#   ./install.sh --uninstall remove them again
# Works in two places:
#   - the unpacked download (newsdesk/install.sh beside the newsdesk program): the entry
#     runs that program by its full path, so the folder must stay where it is;
#   - a source checkout (packaging/linux/install.sh) after `pip install`: the entry runs
#     the `newsdesk` command found on PATH (or the checkout's .venv/bin/newsdesk).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps_dir="$data_home/applications"
icons_dir="$data_home/icons/hicolor"
sizes=(16 22 24 32 48 64 128 256 512)

if [ -x "$here/newsdesk" ] && [ -d "$here/_internal" ]; then
  exe="$here/newsdesk"
  icon_src="$here/_internal/resources/icons"
else
  root="$(cd "$here/../.." && pwd)"
  icon_src="$root/resources/icons"
  if [ -x "$root/.venv/bin/newsdesk" ]; then
    exe="$root/.venv/bin/newsdesk"
  elif command -v newsdesk >/dev/null 2>&1; then
    exe="$(command -v newsdesk)"
  else
    echo "install.sh: no 'newsdesk' program found: pip install newsdesk first" >&2
    exit 1
  fi
fi

refresh_caches() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps_dir" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons_dir" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$apps_dir/newsdesk.desktop" "$icons_dir/scalable/apps/newsdesk.svg"
  for n in "${sizes[@]}"; do rm -f "$icons_dir/${n}x${n}/apps/newsdesk.png"; done
  refresh_caches
  echo "Newsdesk menu entry and icons removed."
  exit 0
fi

# Desktop Entry Exec values: a path with spaces is quoted; the characters that would
# need the spec's double escaping are refused rather than guessed at.
case "$exe" in
  *[\"\`\$\\]*) echo "install.sh: cannot write a menu entry for a path containing \", \`, \$ or \\: $exe" >&2; exit 1 ;;
  *\ *) exec_value="\"$exe\"" ;;
  *) exec_value="$exe" ;;
esac

mkdir -p "$apps_dir" "$icons_dir/scalable/apps"
for n in "${sizes[@]}"; do
  mkdir -p "$icons_dir/${n}x${n}/apps"
  install -m 644 "$icon_src/hicolor/${n}x${n}/newsdesk.png" "$icons_dir/${n}x${n}/apps/newsdesk.png"
done
install -m 644 "$icon_src/newsdesk.svg" "$icons_dir/scalable/apps/newsdesk.svg"
while IFS= read -r line; do
  case "$line" in
    \#*) ;;
    Exec=*) printf 'Exec=%s\n' "$exec_value" ;;
    TryExec=*) printf 'TryExec=%s\n' "$exe" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$here/newsdesk.desktop" > "$apps_dir/newsdesk.desktop.tmp"
mv "$apps_dir/newsdesk.desktop.tmp" "$apps_dir/newsdesk.desktop"
chmod 644 "$apps_dir/newsdesk.desktop"
refresh_caches
echo "Newsdesk added to the menu: $apps_dir/newsdesk.desktop (runs $exe)"
