#!/usr/bin/env bash
# Set up (idempotent) and run the whole default test suite: real OCR, real llama.cpp on a tiny
# generated vision model, a real local server. No network beyond the package registries for set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# strace lets the privacy test watch native code's network calls too (it falls back to Python-level
# guards without it). Best effort: only where apt-get is usable (Debian/Ubuntu as root).
if ! command -v strace >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && apt-get install -y -qq strace) >/dev/null 2>&1 || echo "note: strace not installed" >&2
fi
export OMP_THREAD_LIMIT=1
.venv/bin/python -m pytest "$@"
