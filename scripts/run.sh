#!/usr/bin/env bash
# The main job: set up, ingest the corpus if the index is missing, then serve the API and UI.
# The data folder (index, workflow database, feedback) is this checkout's .data unless ASSISTANT_DATA_DIR
# says otherwise (in the environment or .env), so two checkouts never share an index.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${ASSISTANT_DATA_DIR:-}" ] && ! grep -qs '^ASSISTANT_DATA_DIR=' .env; then
  export ASSISTANT_DATA_DIR="$PWD/.data"
fi
echo "setup: installing into .venv (scripts/setup.sh)…"
SECONDS=0
bash scripts/setup.sh
echo "setup: done in ${SECONDS} s"
exec .venv/bin/assistant serve "$@"
