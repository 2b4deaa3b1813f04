#!/usr/bin/env bash
# The set-up on a fresh machine: a virtual environment in .venv with docextract in it.
#
#   bash scripts/setup.sh          the main job: the offline reader, xlsx/CSV and pandas (no compiler needed)
#   bash scripts/setup.sh --llama  and llama-cpp-python for local GGUF vision models (compiled: 4-7 minutes once)
#   bash scripts/setup.sh --dev    everything: all extras, llama-cpp-python and the test tools (scripts/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  "") extras=pandas llama=0 ;;
  --llama) extras=pandas,llama llama=1 ;;
  --dev) extras=dev llama=1 ;;
  *) echo "usage: bash scripts/setup.sh [--llama | --dev]" >&2; exit 2 ;;
esac
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
if [ "$llama" = 1 ]; then
  # llama-cpp-python is an sdist compiled here. llama.cpp's default native build enables AMX,
  # which faults on many VMs (SIGSEGV on any quantized model): build a portable AVX2 binary.
  # pip's wheel cache keeps the build for the next run.
  export CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF}"
  export FORCE_CMAKE=1
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[$extras]"
