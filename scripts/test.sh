#!/usr/bin/env bash
# Set up (idempotent) and run the whole default test suite: real OCR, real llama.cpp on a tiny
# generated vision model, a real local server. No network beyond the package registries for set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OMP_THREAD_LIMIT=1
.venv/bin/python -m pytest "$@"
