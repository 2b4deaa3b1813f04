"""One-shot start-up of the command line against the reading time of a receipt (a ratio, same run).

    python benchmarks/bench_startup.py [--receipts 8] [--rounds 3]

For each SROIE receipt (``../shared/eval/sroie/images``, read in place) and round, alternately:

* **one-shot**: the wall time of ``docextract image R.jpg --schema receipt`` in a new process
  (interpreter, imports, OCR model load, the read, the JSON on stdout);
* **read**: in one warm process with the models loaded (started once, kept running), the wall
  time of ``docextract.extract(R.jpg, "receipt")`` on the same file: decoding, OCR, rules, checks.

Start-up is one-shot minus read: everything a single run pays that a warm process does not
(imports, model load, the first inference's warm-up). The figure is the median over receipts and
rounds of start-up / read; runs alternate so a busy machine weighs on both alike. A fresh
process also reports where its start-up goes: imports, model load, first read against later reads.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SROIE = ROOT.parent / "shared" / "eval" / "sroie" / "images"

# A warm reader: models loaded once, then one receipt per line of stdin, its time on stdout.
WARM = """
import sys, time, json
import docextract
from docextract.engines import get_engine
from docextract.ocr import get_reader
engine = get_engine("reader")
get_reader().load()
print("ready", flush=True)
for line in sys.stdin:
    path = line.strip()
    t = time.perf_counter()
    result = docextract.extract(path, "receipt", engine=engine)
    print(json.dumps({"seconds": time.perf_counter() - t, "total": str(result.data.total if result.data else None)}), flush=True)
"""

# Where a fresh process's start-up goes.
PHASES = """
import json, sys, time
t0 = time.perf_counter()
import docextract.cli.commands  # noqa: F401  - what the command imports before it reads anything
t1 = time.perf_counter()
from docextract.engines import get_engine
import docextract
engine = get_engine("reader")
from docextract.ocr import get_reader
t2 = time.perf_counter()
get_reader().load()
t3 = time.perf_counter()
docextract.extract(sys.argv[1], "receipt", engine=engine)
t4 = time.perf_counter()
docextract.extract(sys.argv[1], "receipt", engine=engine)
t5 = time.perf_counter()
print(json.dumps({"cli_imports": t1 - t0, "engine_imports": t2 - t1, "model_load": t3 - t2,
                  "first_read": t4 - t3, "second_read": t5 - t4}))
"""


def one_shot(path: Path) -> tuple[float, str]:
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "docextract", "image", str(path), "--schema", "receipt"],
                         capture_output=True, text=True, cwd=ROOT, check=False)
    seconds = time.perf_counter() - started
    if run.returncode not in (0, 3):
        raise SystemExit(f"docextract failed on {path}: {run.stderr}")
    return seconds, str(json.loads(run.stdout).get("total"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--receipts", type=int, default=8, help="how many SROIE receipts (sorted by name)")
    ap.add_argument("--rounds", type=int, default=3, help="one-shot and warm runs per receipt")
    ap.add_argument("--images", type=Path, default=SROIE, help="the folder of SROIE receipt images")
    args = ap.parse_args()
    images = sorted(args.images.glob("*.jpg"))[: args.receipts]
    if not images:
        raise SystemExit(f"no receipts in {args.images}")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
    warm = subprocess.Popen([sys.executable, "-c", WARM], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env=env)
    assert warm.stdin is not None and warm.stdout is not None
    if warm.stdout.readline().strip() != "ready":
        raise SystemExit("the warm reader did not start")
    one_shot(images[0])  # the disk cache and .pyc files are warm for every run below
    ratios, shots, reads = [], [], []
    for round_no in range(args.rounds):
        for path in images:
            shot, total = one_shot(path)
            warm.stdin.write(f"{path}\n")
            warm.stdin.flush()
            reply = json.loads(warm.stdout.readline())
            read = reply["seconds"]
            if reply["total"] != total:
                raise SystemExit(f"{path.name}: the one-shot run read {total}, the warm one {reply['total']}")
            shots.append(shot)
            reads.append(read)
            ratios.append((shot - read) / read)
            print(f"round {round_no + 1} {path.name}: one-shot {shot:.2f} s, read {read:.2f} s, "
                  f"start-up {shot - read:.2f} s = {(shot - read) / read:.2f} x the read", flush=True)
    warm.stdin.close()
    warm.wait()
    phases = json.loads(subprocess.run([sys.executable, "-c", PHASES, str(images[0])], capture_output=True, text=True,
                                       cwd=ROOT, check=True).stdout)
    print()
    print(f"{len(images)} SROIE receipts x {args.rounds} rounds on {os.cpu_count()} CPUs")
    print(f"median one-shot {statistics.median(shots):.2f} s, median read {statistics.median(reads):.2f} s")
    print(f"start-up / read: median {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f})")
    print("a fresh process (" + images[0].name + "): " + ", ".join(f"{k.replace('_', ' ')} {v:.2f} s" for k, v in phases.items()))


if __name__ == "__main__":
    main()
