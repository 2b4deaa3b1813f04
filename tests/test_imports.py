import json
import subprocess
import sys

import docextract

HEAVY = ["llama_cpp", "fitz", "pymupdf", "pandas", "rich", "typer", "onnxruntime", "rapidocr", "PIL", "httpx", "numpy", "ray", "pyarrow"]


def test_import_docextract_loads_no_heavy_module():
    code = f"import sys, json, docextract; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []


def test_exported_members_sorted_and_resolvable():
    assert docextract.__all__ == sorted(docextract.__all__)
    for name in docextract.__all__:
        assert getattr(docextract, name) is not None
