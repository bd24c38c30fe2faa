#!/usr/bin/env bash
# Set up and run every check: lint, types, tests (slow ones included: browser, model, server),
# and the dev-set eval gate (tests/evals/test_dev_set_gate.py against evals/gate.json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/ruff check assistant tools evals tests
.venv/bin/mypy
.venv/bin/pytest -q -p no:cacheprovider "$@"
