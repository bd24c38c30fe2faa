#!/usr/bin/env bash
# The main job: set up, ingest the corpus if the index is missing, then serve the API and UI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/assistant serve "$@"
