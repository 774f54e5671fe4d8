#!/usr/bin/env bash
# Set up Newsdesk on a fresh Debian/Ubuntu machine and then run it or its tests.
#   bash packaging/bootstrap.sh run    # system packages + venv, then open the app on the bundled seeds
#   bash packaging/bootstrap.sh test   # system packages + venv + test extras, then the whole test suite
#   bash packaging/bootstrap.sh setup  # only install
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

bash packaging/install_system_packages.sh

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv"
  "$PY" -m venv .venv
fi
extras=""
[ "$mode" = "test" ] && extras="[test]"
stamp=".venv/.installed${extras}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ setup.py -nt "$stamp" ]; then
  echo "==> installing newsdesk${extras} into .venv"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".${extras}"
  touch "$stamp"
fi

case "$mode" in
  setup) ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    .venv/bin/lint-imports                 # layer contracts
    .venv/bin/ruff check desktop tests bench  # lint (rules in pyproject.toml)
    .venv/bin/mypy                         # types of desktop/ (settings in pyproject.toml)
    exec .venv/bin/python -m pytest -q -p no:randomly "${@:2}"
    ;;
  run)
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      echo "==> no display: running under Xvfb"
      exec xvfb-run -a .venv/bin/newsdesk "${@:2}"
    fi
    exec .venv/bin/newsdesk "${@:2}"
    ;;
  *) echo "usage: bash packaging/bootstrap.sh run|test|setup" >&2; exit 2 ;;
esac
