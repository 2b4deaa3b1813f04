#!/usr/bin/env bash
# One command for the whole set-up on a fresh machine: a virtual environment in .venv with
# docextract, llama-cpp-python (built portable: AVX2 on, Intel AMX off) and the test tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
# llama.cpp's default native build enables AMX, which faults on many VMs (SIGSEGV on any quantized
# model). Build a portable AVX2 binary instead; pip's wheel cache keeps it for the next run.
export CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF}"
export FORCE_CMAKE=1
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[${DOCEXTRACT_EXTRAS:-dev}]"
