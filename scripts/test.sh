#!/usr/bin/env bash
# Set up (idempotent) and run the whole default test suite: real OCR, real llama.cpp on a tiny
# generated vision model, a real local server, a real browser. No network beyond the package registries
# for set-up.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
# strace lets the privacy test watch native code's network calls too (it falls back to Python-level
# guards without it). Best effort: only where apt-get is usable (Debian/Ubuntu as root).
# Chromium is the real browser the review page's tests drive (through Playwright, whose own browser
# download cannot work offline). Same rule: only where apt-get is usable.
missing=""
command -v strace >/dev/null 2>&1 || missing="$missing strace"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
if [ -n "$missing" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  # shellcheck disable=SC2086  # one word per package
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >/dev/null 2>&1 \
    || echo "note: could not install:$missing" >&2
fi
export OMP_THREAD_LIMIT=1
.venv/bin/python -m pytest "$@"
