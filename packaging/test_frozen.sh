#!/usr/bin/env bash
# End-to-end check of the desktop program as editors get it (slow: not part of the test suite).
#   bash packaging/test_frozen.sh            reuse dist/newsdesk/ if built, else build it
#   bash packaging/test_frozen.sh --rebuild  build first (packaging/build.sh)
# Runs `newsdesk --self-test` from the frozen folder with no display variables at all
# (the self-test must choose offscreen itself), under Xvfb with the real xcb platform, and
# from a plain `pip install .` into a fresh venv (build/pip-venv), then prints the
# start-up times the self-test measured (process start -> first paint of the main window;
# see desktop/ui/selftest.py for how).  Exits non-zero if any self-test fails.
#   RUNS=N (default 3) offscreen runs per flavour.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
RUNS="${RUNS:-3}"

bash packaging/install_system_packages.sh

if [ "${1:-}" = "--rebuild" ] || [ ! -x dist/newsdesk/newsdesk ]; then
  bash packaging/build.sh
fi

log_dir="$(mktemp -d -t newsdesk-frozen-XXXXXX)"
failures=0
declare -a summary=()

# run_case NAME COMMAND...: run a self-test, keep its output, collect its timing line.
run_case() {
  local name="$1"; shift
  local out="$log_dir/$name.log" rc=0
  echo "==> $name: $*"
  "$@" >"$out" 2>&1 || rc=$?
  sed 's/^/    /' "$out"
  if [ "$rc" -ne 0 ]; then
    echo "    FAILED (exit $rc)"
    failures=$((failures + 1))
    summary+=("$(printf '%-26s FAILED (exit %s)' "$name" "$rc")")
    return
  fi
  local shown import_ms
  shown="$(sed -n 's/.*main window painted \([0-9]*\) ms after process start.*/\1/p' "$out" | head -1)"
  import_ms="$(sed -n 's/.*imported .* in \([0-9]*\) ms.*/\1/p' "$out" | head -1)"
  summary+=("$(printf '%-26s first paint %6s ms  (seed import %5s ms, without it %6s ms)' \
    "$name" "${shown:-?}" "${import_ms:-?}" "$(( ${shown:-0} - ${import_ms:-0} ))")")
}

# Each flavour gets its own empty cache and temporary folders, so its first run is a first
# launch on a new machine (jieba's cache and the gazetteer's are built) and the later runs
# are ordinary launches.  The self-test's pictures land there too.
fresh_env() {
  mkdir -p "$log_dir/$1/cache" "$log_dir/$1/tmp"
  echo "XDG_CACHE_HOME=$log_dir/$1/cache TMPDIR=$log_dir/$1/tmp"
}

frozen="$root/dist/newsdesk/newsdesk"
frozen_env="$(fresh_env frozen)"
for i in $(seq 1 "$RUNS"); do
  # shellcheck disable=SC2086
  run_case "frozen-offscreen-$i" env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM $frozen_env "$frozen" --self-test
done
# shellcheck disable=SC2086
run_case "frozen-xvfb" xvfb-run -a -s "-screen 0 1600x1000x24" env -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb $frozen_env "$frozen" --self-test

# The same program from a plain (non-editable) pip install, as a data team would have it.
venv="$root/build/pip-venv"
if [ ! -x "$venv/bin/newsdesk" ]; then
  echo "==> creating $venv (pip install .)"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  nice "$venv/bin/python" -m pip install -q "$root"
else
  echo "==> refreshing newsdesk in $venv"
  nice "$venv/bin/python" -m pip install -q --no-deps --force-reinstall "$root"
fi
pip_env="$(fresh_env pip)"
for i in $(seq 1 "$RUNS"); do
  # shellcheck disable=SC2086
  run_case "pip-offscreen-$i" env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM $pip_env "$venv/bin/newsdesk" --self-test
done
# shellcheck disable=SC2086
run_case "pip-xvfb" xvfb-run -a -s "-screen 0 1600x1000x24" env -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb $pip_env "$venv/bin/newsdesk" --self-test

echo
echo "== start-up (process start -> main window's first paint, measured by the self-test;"
echo "   run 1 of each flavour starts with empty caches; 'without it' leaves out the seed import)"
printf '%s\n' "${summary[@]}"
echo "folder: $(du -sm dist/newsdesk | cut -f1) MB; logs: $log_dir"
if [ "$failures" -ne 0 ]; then
  echo "$failures self-test run(s) FAILED" >&2
  exit 1
fi
echo "all self-test runs passed"
