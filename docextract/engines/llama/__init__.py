"""The llama.cpp engine: a local GGUF vision model, its GBNF grammar and the GGUF header reader."""

INSTALL_HINT = (
    "from a checkout, `bash scripts/setup.sh --llama` (compiles it portable, AVX2 on and Intel AMX off: "
    "4-7 minutes once); elsewhere: CMAKE_ARGS=\"-DGGML_NATIVE=OFF -DGGML_AVX2=ON -DGGML_AMX_TILE=OFF "
    "-DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF\" pip install 'docextract[llama]'"
)
"""How to install llama-cpp-python, which the default set-up leaves out (the offline reader needs none of it)."""


def llama_cpp_installed() -> bool:
    """Whether llama-cpp-python can be imported (found without importing it)."""
    import importlib.util

    return importlib.util.find_spec("llama_cpp") is not None

