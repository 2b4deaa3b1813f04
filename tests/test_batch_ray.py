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
import threading
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
from docextract.errors import UsageError
from docextract.hosts import is_local_url
from docextract.testing.documents import ReceiptData, random_receipt, receipt_image, receipt_pdf

TESTS = Path(__file__).resolve().parent
RAY = str(Path(sys.executable).with_name("ray"))
ENGINE = f"{__name__}:KillableEngine"
TOKEN = secrets.token_hex(32)  # one per session: this process's Ray keeps the first it reads


class KillableEngine(ReaderEngine):
    """The real reader, except on receipts from "SLOW MART", which wait to be killed the first time
    (the pid of the process that started the reading one, a Ray actor, in ``slow.pid`` under
    $DOCEXTRACT_TEST_MARKS); "DIE MART", whose reading process dies every time (a native crash);
    and "DOOM MART", which kills the process that started the reading one every time."""

    def generate(self, request):  # type: ignore[no-untyped-def]
        text = " ".join(w.text for w in request.words or [])
        if "DIE MART" in text:
            os._exit(7)
        if "DOOM MART" in text:
            os.kill(os.getppid(), signal.SIGKILL)
            time.sleep(300)
        if "SLOW MART" in text:
            marks = Path(os.environ["DOCEXTRACT_TEST_MARKS"])
            try:
                os.close(os.open(marks / "slow.lock", os.O_WRONLY | os.O_CREAT | os.O_EXCL))
            except FileExistsError:
                pass  # the retry, after the kill
            else:
                (marks / "slow.tmp").write_text(str(os.getppid()))
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
    temp = tempfile.mkdtemp(prefix="dxray-")  # short: Ray's socket paths must fit in 107 bytes
    ray.init(address="local", num_cpus=2, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False,
             _temp_dir=temp)
    try:
        yield
    finally:
        ray.shutdown()
        shutil.rmtree(temp, ignore_errors=True)


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
        end = time.monotonic() + (3 if sig == signal.SIGTERM else 10)
        while time.monotonic() < end and any(_alive(p) for p in pids):
            time.sleep(0.2)
    for proc in procs:
        proc.wait(10)
    left = [p for p in pids if _alive(p)]
    for pid in left:  # a process that left its group
        os.kill(pid, signal.SIGKILL)
    assert not left, f"Ray processes outlived their cluster: {left}"


@pytest.fixture
def two_nodes(ray_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, list]]:
    """A head and a second node, 1 CPU each, on this machine; yields the cluster's address and the
    ``ray start`` processes. Commands started in the test join with its token."""
    port = _free_port()
    temp = tempfile.mkdtemp(prefix="dxray-")  # short: Ray's socket paths must fit in 107 bytes
    common = ["--block", "--num-cpus=1", "--node-ip-address=127.0.0.1", "--disable-usage-stats"]
    procs: list[subprocess.Popen] = []
    monkeypatch.setenv("RAY_AUTH_MODE", "token")  # a fresh process joining a cluster is told, not guessed

    def start(name: str, *args: str) -> None:
        with open(tmp_path / f"{name}.log", "wb") as log:
            procs.append(subprocess.Popen([RAY, "start", *common, *args], stdout=log, stderr=subprocess.STDOUT,
                                          start_new_session=True, env=os.environ.copy()))

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
        yield address, procs
    finally:
        try:
            _stop(procs)
        finally:
            shutil.rmtree(temp, ignore_errors=True)


# -- a local cluster, through the library ----------------------------------------------------------


def _kill_when_started(marks: Path) -> threading.Thread:
    """Kill the worker that writes ``slow.pid``, as soon as it does."""

    def watch() -> None:
        deadline = time.monotonic() + 240
        while not (marks / "slow.pid").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        if (marks / "slow.pid").exists():
            os.kill(int((marks / "slow.pid").read_text()), signal.SIGKILL)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def test_ray_batch_survives_a_killed_worker_and_a_document_that_kills_its_workers(local_ray, ray_env, tmp_path):
    docs, doom = tmp_path / "docs", tmp_path / "doom"
    make_pdfs(docs, range(6))
    (docs / "empty.pdf").write_bytes(b"")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 nothing else")
    receipt_pdf(docs / "slow.pdf", ReceiptData(merchant_name="SLOW MART"))
    receipt_pdf(docs / "die.pdf", ReceiptData(merchant_name="DIE MART"))
    doom.mkdir()
    receipt_pdf(doom / "doom.pdf", ReceiptData(merchant_name="DOOM MART"))  # it would kill the local batch itself
    opts = BatchOptions(engine=KillableEngine)
    out = tmp_path / "out" / "results.parquet"
    watcher = _kill_when_started(Path(ray_env["DOCEXTRACT_TEST_MARKS"]))
    events: list = []
    summary = run_batch([docs, doom], out, opts, events.append, executor=RayExecutor("local", workers=2))
    watcher.join(5)
    assert (summary.ok, summary.failed, summary.exit_code, summary.workers) == (7, 4, 3, 2)
    assert any(e.kind == "retry" for e in events)  # the killed worker's document was redone
    assert pq.read_table(out).num_rows == 11 and not journal_path(out).exists()
    records = read_results(out)
    by_name = {Path(r["source"]).name: r for r in records.values()}
    assert len(by_name) == 11  # nothing lost, nothing twice
    assert by_name["slow.pdf"]["status"] == "ok" and by_name["slow.pdf"]["data"]["merchant_name"] == "SLOW MART"
    assert by_name["die.pdf"]["reason"] == "crash" and "process reading this file died" in by_name["die.pdf"]["error"]
    assert by_name["doom.pdf"]["reason"] == "crash" and "died 3 times" in by_name["doom.pdf"]["error"]

    # the local batch writes the same records
    local = run_batch([docs], tmp_path / "local.jsonl", opts, executor=LocalPool(2))
    assert (local.ok, local.failed, local.exit_code) == (7, 3, 3)
    expected = {k: comparable(r) for k, r in read_results(tmp_path / "local.jsonl").items()}
    assert {k: comparable(r) for k, r in records.items() if k in expected} == expected
    assert "empty (0 bytes)" in by_name["empty.pdf"]["error"]

    again = run_batch([docs, doom], out, opts, executor=RayExecutor("local", workers=2))
    assert (again.processed, again.skipped, again.exit_code) == (0, 11, 3)
    assert pq.read_table(out).num_rows == 11


# -- two nodes, through the command --------------------------------------------------------------


def _actors(procs: list[subprocess.Popen]) -> dict[int, list[int]]:
    """The docextract worker actors under each ``ray start`` process, by its pid."""
    found: dict[int, list[int]] = {}
    for proc in procs:
        for pid in _tree(proc.pid):
            try:
                title = Path(f"/proc/{pid}/cmdline").read_bytes()
            except FileNotFoundError:
                continue
            if b"_ExtractActor" in title:
                found.setdefault(proc.pid, []).append(pid)
    return found


def test_two_node_cluster_gives_the_local_batch_records_and_loses_nothing_to_a_killed_worker(two_nodes, tmp_path, monkeypatch):
    address, procs = two_nodes
    here, shared = tmp_path / "here", tmp_path / "shared"
    for folder, seeds in ((here, range(4)), (shared, range(4, 8))):  # local paths travel as bytes; a URI
        folder.mkdir()
        for seed in seeds:
            receipt_image(folder / f"scan-{seed}.jpg", random_receipt(seed), dpi=100)
    out = tmp_path / "results.jsonl"
    # `ray start` prints this machine's LAN address, which counts as elsewhere: allowed, with a warning
    args = ["batch", here, f"file://{shared}", "-o", out, "--ray", address, "--ray-workers", "2", "--allow-remote"]
    with open(tmp_path / "stderr.txt", "wb") as err, open(tmp_path / "stdout.txt", "wb") as std:
        proc = subprocess.Popen([sys.executable, "-m", "docextract", *map(os.fsdecode, args)], stdout=std, stderr=err)
    try:
        deadline = time.monotonic() + 240
        while not (out.exists() and out.read_bytes().count(b"\n") >= 1):
            assert proc.poll() is None, (tmp_path / "stderr.txt").read_text(errors="replace")
            assert time.monotonic() < deadline, "no document finished"
            time.sleep(0.1)
        actors = _actors(procs)
        assert len(actors) == 2, f"a worker on each node: {actors}"
        os.kill(next(iter(actors.values()))[0], signal.SIGKILL)  # a worker, mid-run
        proc.wait(240)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
    stderr = (tmp_path / "stderr.txt").read_text(errors="replace")
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert ("documents are sent to the nodes of the Ray cluster at" in stderr) is not is_local_url(address), stderr
    assert (tmp_path / "stdout.txt").read_bytes() == b""  # Ray's notices do not reach stdout
    records = lines(out)
    assert len(records) == len({r["key"] for r in records}) == 8  # nothing lost, nothing twice
    assert f"file://{shared}/scan-5.jpg" in {r["source"] for r in records}

    local_docs = tmp_path / "local"
    shutil.copytree(here, local_docs)
    shutil.copytree(shared, local_docs, dirs_exist_ok=True)
    run_batch([local_docs], tmp_path / "local.jsonl", BatchOptions(), executor=LocalPool(2))
    local = read_results(tmp_path / "local.jsonl")
    different = {"source": None, "key": None}  # the same files, copied: other names
    assert {r["sha256"]: comparable(r) | different for r in records} == {
        r["sha256"]: comparable(r) | different for r in local.values()}

    # --ray auto follows $RAY_ADDRESS: the same cluster by its loopback address needs no --allow-remote
    monkeypatch.setenv("RAY_ADDRESS", f"127.0.0.1:{address.rsplit(':', 1)[1]}")
    rerun = cli(*args[:-5], "--ray", "auto", "--ray-workers", "2")
    assert rerun.returncode == 0, rerun.stderr
    assert "8 skipped" in rerun.stderr and len(lines(out)) == 8, rerun.stderr
    assert "warning" not in rerun.stderr


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


# -- a cluster not on this machine --------------------------------------------------------------------

NO_CONNECTION = ("import os, sys\n"  # any connection or name lookup ends the command with 99
                 "sys.addaudithook(lambda e, a: e in ('socket.connect', 'socket.getaddrinfo') and os._exit(99))\n"
                 "from docextract.cli import main\nmain()\n")


def test_a_cluster_not_on_this_machine_is_refused_before_any_connection(tmp_path, monkeypatch):
    make_pdfs(tmp_path / "docs", range(1))
    out = tmp_path / "r.jsonl"
    for address, env in (("10.9.8.7:6379", {}), ("ray://gpu-box.invalid:10001", {}),
                         ("auto", {"RAY_ADDRESS": "gpu-box.invalid:6379"})):
        r = subprocess.run([sys.executable, "-c", NO_CONNECTION, "batch", str(tmp_path / "docs"), "-o", str(out), "--ray", address],
                           capture_output=True, text=True, cwd=TESTS.parent, timeout=60, env={**os.environ, **env})
        assert r.returncode == 2, r.stderr
        assert "not on this machine" in r.stderr and "--allow-remote" in r.stderr and "Traceback" not in r.stderr
        assert ("RAY_ADDRESS" in r.stderr) == bool(env)
        assert not out.exists()

    # the library: refused when made, and again when run ($RAY_ADDRESS is read when Ray connects)
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    with pytest.raises(UsageError, match="10.9.8.7:6379 is not on this machine.*allow_remote=True"):
        RayExecutor("10.9.8.7:6379")
    assert RayExecutor("10.9.8.7:6379", allow_remote=True).remote == "10.9.8.7:6379"
    for here in ("local", "auto", "127.0.0.1:6379", "localhost:6379", "[::1]:6379", "ray://127.0.0.1:10001"):
        assert RayExecutor(here).remote is None, here
    auto = RayExecutor("auto")
    monkeypatch.setenv("RAY_ADDRESS", "192.168.1.20:6379")
    with pytest.raises(UsageError, match="192.168.1.20:6379 .from .RAY_ADDRESS"):
        auto.run([], None, None, None)  # type: ignore[arg-type]
    monkeypatch.setenv("RAY_ADDRESS", "local")
    assert auto.remote is None


def test_a_cluster_with_a_node_on_another_machine_is_refused():
    """A head on this machine (``--ray auto``) may have others' nodes joined: checked once connected."""
    from types import SimpleNamespace

    from docextract.batch_ray import _refuse_nodes_elsewhere

    def cluster(*nodes: str, dead: str = "10.0.0.9") -> SimpleNamespace:
        listed = [{"NodeManagerAddress": ip, "Alive": True} for ip in nodes] + [{"NodeManagerAddress": dead, "Alive": False}]
        return SimpleNamespace(util=SimpleNamespace(get_node_ip_address=lambda: "192.0.2.2"), nodes=lambda: listed)

    _refuse_nodes_elsewhere(cluster("192.0.2.2", "127.0.0.1", "::1"))  # this machine's address, loopback; a dead node
    with pytest.raises(UsageError, match=r"nodes on other machines \(10.0.0.5\).*--allow-remote"):
        _refuse_nodes_elsewhere(cluster("192.0.2.2", "10.0.0.5"))
