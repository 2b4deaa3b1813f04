"""docextract batch on Ray, on real clusters: a local one (``ray.init``, 2 CPUs) and a head plus a
second node started with ``ray start`` on this machine; a worker killed mid-run, a document that
kills its worker every time. Every cluster is stopped at the end of its test, even on failure."""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import ray
from test_batch import cli, lines, make_pdfs

from docextract.batch import BatchOptions, LocalPool, journal_path, read_results, run_batch
from docextract.batch_ray import RayExecutor
from docextract.engines.reader import ReaderEngine
from docextract.testing.documents import ReceiptData, receipt_pdf

TESTS = Path(__file__).resolve().parent
RAY = str(Path(sys.executable).with_name("ray"))
ENGINE = f"{__name__}:KillableEngine"
TOKEN = secrets.token_hex(32)  # one per session: this process's Ray keeps the first it reads


class KillableEngine(ReaderEngine):
    """The real reader, except on receipts from "SLOW MART", which wait to be killed the first time
    (their worker's pid in ``slow.pid`` under $DOCEXTRACT_TEST_MARKS), and "DIE MART", which kill
    their worker every time. Each node that reads a document leaves a ``node-ID`` file there."""

    def generate(self, request):  # type: ignore[no-untyped-def]
        marks = Path(os.environ["DOCEXTRACT_TEST_MARKS"])
        (marks / f"node-{ray.get_runtime_context().get_node_id()}").touch()
        text = " ".join(w.text for w in request.words or [])
        if "DIE MART" in text:
            os._exit(7)
        if "SLOW MART" in text:
            try:
                os.close(os.open(marks / "slow.lock", os.O_WRONLY | os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                pass  # the retry, after the kill
            else:
                (marks / "slow.tmp").write_text(str(os.getpid()))
                os.replace(marks / "slow.tmp", marks / "slow.pid")
                time.sleep(300)
        return super().generate(request)


def comparable(record: dict) -> dict:
    """A record without what differs from run to run (times)."""
    drop = {"seconds", "finished_at"}
    out = {k: v for k, v in record.items() if k not in drop}
    out["tiles"] = [{k: v for k, v in t.items() if k not in drop} for t in record.get("tiles", [])]
    return out


@pytest.fixture
def ray_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    """Environment for clusters started here (their workers inherit it): a private auth token (no
    token file in $HOME), no usage reports, this folder importable (KillableEngine), a marks dir."""
    marks = tmp_path / "marks"
    marks.mkdir()
    monkeypatch.delenv("RAY_AUTH_MODE", raising=False)  # ray.init sets it to "token"; restored after
    env = {
        "RAY_AUTH_TOKEN": TOKEN,
        "RAY_USAGE_STATS_ENABLED": "0",
        "PYTHONPATH": os.pathsep.join(p for p in (str(TESTS), os.environ.get("PYTHONPATH")) if p),
        "DOCEXTRACT_TEST_MARKS": str(marks),
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


@pytest.fixture
def local_ray(ray_env: dict[str, str]) -> Iterator[None]:
    ray.init(address="local", num_cpus=2, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    found = [pid]
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except FileNotFoundError:
        return found
    for task in tasks:
        try:
            children = (task / "children").read_text().split()
        except FileNotFoundError:
            continue
        for child in children:
            found += _tree(int(child))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _stop(procs: list[subprocess.Popen]) -> None:
    """End the ``ray start`` processes started here and everything they started: their process
    groups, TERM then KILL (``ray stop`` would end every Ray process on the machine)."""
    pids = [p for proc in procs for p in _tree(proc.pid)]
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for proc in procs:
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                pass
        end = time.monotonic() + 10
        while time.monotonic() < end and any(_alive(p) for p in pids):
            time.sleep(0.2)
    for proc in procs:
        proc.wait(10)
    left = [p for p in pids if _alive(p)]
    for pid in left:  # a process that left its group
        os.kill(pid, signal.SIGKILL)
    assert not left, f"Ray processes outlived their cluster: {left}"


@pytest.fixture
def two_nodes(ray_env: dict[str, str], tmp_path: Path) -> Iterator[str]:
    """A head and a second node, 1 CPU each, on this machine; yields the cluster's address."""
    port = _free_port()
    temp = tempfile.mkdtemp(prefix="dxray-")  # short: Ray's socket paths must fit in 107 bytes
    common = ["--block", "--num-cpus=1", "--node-ip-address=127.0.0.1", "--disable-usage-stats"]
    procs: list[subprocess.Popen] = []

    def start(name: str, *args: str) -> None:
        with open(tmp_path / f"{name}.log", "wb") as log:
            procs.append(subprocess.Popen([RAY, "start", *common, *args], stdout=log, stderr=subprocess.STDOUT,
                                          start_new_session=True, env=dict(os.environ, RAY_AUTH_MODE="token")))

    def wait_for(name: str) -> None:
        deadline = time.monotonic() + 120
        while b"Ray runtime started" not in (tmp_path / f"{name}.log").read_bytes():
            assert procs[-1].poll() is None and time.monotonic() < deadline, (tmp_path / f"{name}.log").read_text(errors="replace")
            time.sleep(0.2)

    try:
        start("head", "--head", f"--port={port}", f"--temp-dir={temp}", "--include-dashboard=false",
              f"--dashboard-agent-listen-port={_free_port()}")
        wait_for("head")
        address = (tmp_path / "head.log").read_text(errors="replace").split("ray start --address='")[1].split("'")[0]
        start("node", f"--address={address}", f"--dashboard-agent-listen-port={_free_port()}")
        wait_for("node")
        yield address
    finally:
        try:
            _stop(procs)
        finally:
            shutil.rmtree(temp, ignore_errors=True)


# -- a local cluster, through the library ----------------------------------------------------------


def test_ray_batch_writes_the_local_batch_records_resumes_and_writes_parquet(local_ray, tmp_path):
    docs = tmp_path / "docs"
    make_pdfs(docs, range(8))
    (docs / "empty.pdf").write_bytes(b"")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 nothing else")
    local = run_batch([docs], tmp_path / "local.jsonl", BatchOptions(), executor=LocalPool(2))
    executor = RayExecutor("local", workers=2)
    on_ray = run_batch([docs], tmp_path / "ray.jsonl", BatchOptions(), executor=executor)
    assert (on_ray.ok, on_ray.failed, on_ray.exit_code, on_ray.workers) == (local.ok, local.failed, local.exit_code, 2) == (8, 2, 3, 2)
    expected = {k: comparable(r) for k, r in read_results(tmp_path / "local.jsonl").items()}
    assert {k: comparable(r) for k, r in read_results(tmp_path / "ray.jsonl").items()} == expected
    assert "empty (0 bytes)" in expected[next(k for k, r in expected.items() if r["source"].endswith("empty.pdf"))]["error"]
    assert len(lines(tmp_path / "ray.jsonl")) == 10

    parquet = tmp_path / "out" / "results.parquet"
    first = run_batch([docs], parquet, BatchOptions(), executor=executor)
    assert first.processed == 10 and not journal_path(parquet).exists()
    assert pq.read_table(parquet).num_rows == 10
    assert {k: comparable(r) for k, r in read_results(parquet).items()} == expected
    again = run_batch([docs], parquet, BatchOptions(), executor=executor)
    assert (again.processed, again.skipped, again.exit_code) == (0, 10, 3)
    assert pq.read_table(parquet).num_rows == 10


# -- two nodes, through the command --------------------------------------------------------------


def test_two_node_cluster_survives_a_killed_worker_and_a_document_that_kills_its_workers(two_nodes, ray_env, tmp_path):
    here, shared = tmp_path / "here", tmp_path / "shared"
    make_pdfs(here, range(4))  # local paths: their bytes travel to the workers
    make_pdfs(shared, range(4, 7))  # a URI: the workers read it themselves
    receipt_pdf(shared / "slow.pdf", ReceiptData(merchant_name="SLOW MART"))
    receipt_pdf(shared / "die.pdf", ReceiptData(merchant_name="DIE MART"))
    out = tmp_path / "results.jsonl"
    args = ["batch", here, f"file://{shared}", "-o", out, "--engine", ENGINE, "--ray", two_nodes, "--ray-workers", "2"]
    marks = Path(ray_env["DOCEXTRACT_TEST_MARKS"])
    with open(tmp_path / "stderr.txt", "wb") as err, open(tmp_path / "stdout.txt", "wb") as std:
        proc = subprocess.Popen([sys.executable, "-m", "docextract", *map(os.fsdecode, args)], stdout=std, stderr=err,
                                env=dict(os.environ, RAY_AUTH_MODE="token"))
    try:
        deadline = time.monotonic() + 180
        while not (marks / "slow.pid").exists():
            assert proc.poll() is None, (tmp_path / "stderr.txt").read_text(errors="replace")
            assert time.monotonic() < deadline, "slow.pdf was never started"
            time.sleep(0.1)
        os.kill(int((marks / "slow.pid").read_text()), signal.SIGKILL)  # the worker, mid-document
        proc.wait(240)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
    stderr = (tmp_path / "stderr.txt").read_text(errors="replace")
    assert proc.returncode == 3, stderr
    assert "Traceback" not in stderr and "worker process died" in stderr
    assert (tmp_path / "stdout.txt").read_bytes() == b""  # Ray's notices do not reach stdout
    records = lines(out)
    by_name = {Path(r["source"]).name: r for r in records}
    assert len(records) == len(by_name) == 9  # nothing lost, nothing twice
    assert by_name["die.pdf"]["status"] == "failed" and "died 3 times" in by_name["die.pdf"]["error"]
    assert by_name["slow.pdf"]["status"] == "ok" and by_name["slow.pdf"]["data"]["merchant_name"] == "SLOW MART"
    assert by_name["receipt-05.pdf"]["source"] == f"file://{shared}/receipt-05.pdf"
    assert len(list(marks.glob("node-*"))) == 2  # both nodes did work

    # the same documents through the local batch give the same data
    local_docs = tmp_path / "local"
    shutil.copytree(here, local_docs)
    for path in shared.iterdir():
        if path.name != "die.pdf":
            shutil.copy(path, local_docs)
    run_batch([local_docs], tmp_path / "local.jsonl", BatchOptions())
    local = read_results(tmp_path / "local.jsonl")
    for record in records:
        if record["status"] != "failed":
            assert comparable(record) | {"source": None} == comparable(local[record["key"]]) | {"source": None}

    os.environ["RAY_AUTH_MODE"] = "token"  # for the command's process; the fixture restores it
    rerun = cli(*args)
    assert rerun.returncode == 3, rerun.stderr
    assert "9 skipped" in rerun.stderr and len(lines(out)) == 9, rerun.stderr


# -- without Ray, and usage errors ------------------------------------------------------------------


def test_without_ray_the_command_says_how_to_install_it(tmp_path):
    fake = tmp_path / "no-ray" / "ray"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise ImportError(\"No module named 'ray'\")\n")
    make_pdfs(tmp_path / "docs", range(1))
    env = dict(os.environ, PYTHONPATH=str(fake.parent))
    r = subprocess.run([sys.executable, "-m", "docextract", "batch", str(tmp_path / "docs"), "-o", str(tmp_path / "r.jsonl"),
                        "--ray", "local"], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1, r.stderr
    assert "pip install 'docextract[ray]'" in r.stderr and "Traceback" not in r.stderr


def test_ray_usage_errors(tmp_path):
    make_pdfs(tmp_path / "docs", range(1))
    r = cli("batch", f"file://{tmp_path / 'docs'}", "-o", tmp_path / "r.jsonl")
    assert r.returncode == 2 and "--ray" in r.stderr
    r = cli("batch", tmp_path / "docs", "-o", tmp_path / "r.jsonl", "--ray-workers", "2")
    assert r.returncode == 2 and "need --ray" in r.stderr
    r = cli("batch", tmp_path / "docs", "-o", tmp_path / "r.jsonl", "--ray", "local", "-j", "2")
    assert r.returncode == 2 and "--ray-workers" in r.stderr
    r = cli("batch", tmp_path / "docs", "-o", tmp_path / "r.txt")
    assert r.returncode == 2 and ".parquet" in r.stderr
