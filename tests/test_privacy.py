"""The offline promise: extraction with every local engine opens no network connection and writes
nothing outside the output and cache directories.

Each extraction runs in a fresh subprocess with HOME, TMPDIR and XDG_CACHE_HOME pointed at new
empty folders and its working directory in another. Inside, ``socket.socket.connect``/``connect_ex``,
``socket.create_connection`` and ``socket.getaddrinfo`` are replaced by guards that record the
attempt and raise, and an audit hook records every socket event and every file opened for writing.
Outside, every watched tree is snapshotted before and after.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from docextract.testing.documents import receipt_image, receipt_pdf

REPO = Path(__file__).resolve().parents[1]


def _working_strace() -> str | None:
    path = shutil.which("strace")
    if path is None:
        return None
    probe = subprocess.run([path, "-qq", "-e", "trace=none", "true"], capture_output=True, timeout=30)
    return path if probe.returncode == 0 else None  # ptrace may be forbidden in a container


STRACE = _working_strace()
ONNX_SESSION_FILE = ".ses"  # onnxruntime's bundled telemetry SDK writes $TMPDIR/.ses on import

GUARD = textwrap.dedent(
    r"""
    import json, os, socket, sys

    attempts, writes = [], []
    ALLOWED = [os.path.realpath(p) for p in sys.argv[2:4]]  # output dir, cache dir

    def guard(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[1:2] if name.startswith('socket.') else args[:1]}")
            raise OSError(f"network access blocked by the privacy test ({name})")
        return blocked

    socket.socket.connect = guard("socket.connect")
    socket.socket.connect_ex = guard("socket.connect_ex")
    socket.create_connection = guard("create_connection")
    socket.getaddrinfo = guard("getaddrinfo")

    def audit(event, args):
        if event == "socket.bind" and isinstance(args[1], tuple) and args[1][0] in ("::1", "127.0.0.1"):
            return  # urllib3's import-time IPv6 probe binds a socket to loopback; nothing leaves the machine
        if event in ("socket.connect", "socket.getaddrinfo", "socket.sendto", "socket.bind"):
            attempts.append(f"{event}{args[1:2]}")
        elif event == "open" and args[0] is not None and not isinstance(args[0], int):
            mode, flags = args[1] or "r", args[2] or 0
            if any(c in mode for c in "wax+") or flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                path = os.path.realpath(os.fsdecode(args[0]))
                if path != os.devnull and not any(path == a or path.startswith(a + os.sep) for a in ALLOWED):
                    writes.append(path)

    sys.addaudithook(audit)

    spec = json.loads(sys.argv[1])
    import docextract
    engine = None
    if spec["engine"] == "llama":
        from docextract.engines.llama.engine import LlamaEngine
        engine = LlamaEngine(spec["model"], spec["mmproj"], n_threads=2, n_ctx=2048)
    results = []
    if spec.get("touch"):  # the negative control: a write outside the allowed folders
        with open(spec["touch"], "w") as fh:
            fh.write("x")
    for source in spec["sources"]:
        try:
            result = docextract.extract(source, schema="receipt", engine=engine or spec["engine"], max_tokens=48,
                                        reasks=0, **spec.get("engine_options", {}))
        except docextract.DocextractError as exc:
            results.append(f"error: {exc}")
            continue
        results.append(result.status.value)
        name = os.path.basename(source) + ".json"
        with open(os.path.join(sys.argv[2], name), "w", encoding="utf-8") as fh:
            fh.write(result.to_json(full=True))
    if engine is not None:
        engine.close()
    def is_socket(fd):
        try:
            return os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
        except OSError:  # the directory listing's own descriptor
            return False

    sockets = [fd for fd in os.listdir("/proc/self/fd") if is_socket(fd)] if os.path.isdir("/proc/self/fd") else []
    print(json.dumps({"attempts": attempts, "writes": writes, "results": results, "open_sockets": len(sockets)}))
    """
)


def snapshot(*roots: Path) -> dict[str, tuple[int, int]]:
    """path -> (size, mtime_ns) of every file and folder under the roots."""
    state: dict[str, tuple[int, int]] = {}
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            for name in dirnames + filenames:
                path = os.path.join(dirpath, name)
                try:
                    st = os.lstat(path)
                except FileNotFoundError:
                    continue
                state[path] = (st.st_size if not os.path.isdir(path) else 0, st.st_mtime_ns)
    return state


def run_offline(tmp_path: Path, spec: dict, watch_extra: list[Path]) -> dict:
    dirs = {name: tmp_path / name for name in ("home", "tmp", "cache", "cwd", "out")}
    for d in dirs.values():
        d.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DOCEXTRACT_", "HF_", "HTTP", "HTTPS", "http"))}
    env.update(HOME=str(dirs["home"]), TMPDIR=str(dirs["tmp"]), XDG_CACHE_HOME=str(dirs["cache"]),
               PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(REPO), NO_PROXY="*")
    # (The checkout itself is not snapshotted: other work edits it concurrently. The audit hook
    # covers every Python-level write, wherever it goes.)
    watched = [dirs["home"], dirs["tmp"], dirs["cwd"], *watch_extra]
    before = snapshot(*watched)
    command = [sys.executable, "-c", GUARD, json.dumps(spec), str(dirs["out"]), str(dirs["cache"])]
    trace = tmp_path / "strace.txt"
    if STRACE:  # native code (onnxruntime, llama.cpp, mupdf) bypasses Python's socket module: watch syscalls
        command = [STRACE, "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace), *command]
    proc = subprocess.run(command, cwd=dirs["cwd"], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    if STRACE:
        syscalls = trace.read_text(errors="replace").splitlines()
        report["native"] = [line for line in syscalls if "AF_INET" in line]  # AF_INET and AF_INET6
    after = snapshot(*watched)
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    report["changed"] = changed
    report["outputs"] = sorted(p.name for p in dirs["out"].iterdir())
    return report


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("private-docs")
    receipt_pdf(folder / "receipt.pdf")
    receipt_image(folder / "photo.jpg", dpi=100)
    return folder


def test_reader_engine_is_offline_and_writes_only_its_output(tmp_path, inputs):
    import rapidocr

    spec = {"engine": "reader", "sources": [str(inputs / "receipt.pdf"), str(inputs / "photo.jpg")]}
    report = run_offline(tmp_path, spec, [inputs, Path(rapidocr.__file__).parent])
    assert report["attempts"] == [], report
    assert report["writes"] == [], report
    assert report["changed"] == [], report  # includes onnxruntime's telemetry file, which must not appear
    assert report.get("native", []) == [], report  # no native connect/send (strace), when strace exists
    assert report["open_sockets"] == 0
    assert report["results"] == ["ok", "ok"] or all(r in ("ok", "partial") for r in report["results"])
    assert report["outputs"] == ["photo.jpg.json", "receipt.pdf.json"]


def test_llama_engine_on_the_tiny_model_is_offline(tmp_path, inputs, tmp_path_factory):
    pytest.importorskip("llama_cpp")
    pytest.importorskip("gguf")
    from docextract.testing.tiny_vlm import write_tiny_vlm

    model_dir = tmp_path_factory.mktemp("tiny-vlm")
    model, mmproj = write_tiny_vlm(model_dir, image_size=224)
    spec = {"engine": "llama", "model": str(model), "mmproj": str(mmproj), "sources": [str(inputs / "photo.jpg")]}
    report = run_offline(tmp_path, spec, [inputs, model_dir])
    assert report["attempts"] == [] and report.get("native", []) == [], report
    assert report["writes"] == [], report
    assert report["changed"] == [], report
    assert report["open_sockets"] == 0
    assert report["outputs"] == ["photo.jpg.json"]  # random weights: any status, but a result


def test_the_guards_do_catch_a_connection_and_a_stray_write(tmp_path, inputs):
    """Negative control: a remote engine's connection and a write to cwd are both reported."""
    spec = {"engine": "openai", "engine_options": {"base_url": "http://127.0.0.1:9/v1", "model": "x"},
            "sources": [str(inputs / "receipt.pdf")], "touch": "stray.txt"}
    report = run_offline(tmp_path, spec, [inputs])
    assert report["attempts"], report
    assert report["writes"] == [str((tmp_path / "cwd" / "stray.txt").resolve())]
    assert report["changed"] == [str(tmp_path / "cwd" / "stray.txt")]
    assert report["results"][0].startswith("error")


# onnxruntime ships Microsoft's 1DS telemetry (writes $TMPDIR/.ses, may resolve its collector);
# docextract.ocr switches it off with ORT_DISABLE_TELEMETRY before the import. This test guards that.
def test_onnxruntime_stays_silent_and_leaves_no_session_file(tmp_path, inputs):
    spec = {"engine": "reader", "sources": [str(inputs / "receipt.pdf"), str(inputs / "photo.jpg")]}
    report = run_offline(tmp_path, spec, [inputs])
    assert str(tmp_path / "tmp" / ONNX_SESSION_FILE) not in report["changed"], report
    assert report.get("native", []) == [], report
