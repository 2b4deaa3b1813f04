"""What running a batch on Ray costs: the local process pool vs Ray with the same number of workers,
same documents, same run.

Usage::

    python benchmarks/bench_ray.py [--docs 24] [--workers 2] [--rounds 3] [--data DIR] [--uri]
                                   [--engine reader] [--base-url URL]

The documents are the first ``--docs`` receipts of the SROIE ``check`` split (real scans, read in
place from ``../shared/eval``; OCR does the work), or generated receipts (digital PDFs and
phone-photo JPEGs) when the eval data is absent. One Ray instance is started on this machine
with ``--workers`` CPUs (its start is timed on its own, since a cluster is started once for many
runs), then each round runs the same batch twice, with the local pool and on Ray (``--workers``
actors, one CPU each), the order alternating from round to round. Each run is a real
``run_batch`` into a new output file: workers start and load the engine, every document is read,
extracted and written. Ray's documents travel as bytes (``--uri``: as ``file://`` URIs the workers
read).

Reported: seconds and documents per second per mode (median of the rounds), the overhead ratio
(Ray's time / the pool's; 1.00 = no overhead) and the overhead per document, and whether both
modes wrote the same records. Timings mean something only on a quiet machine.

``--engine openai --base-url http://127.0.0.1:8000/v1`` measures a node with a served vision
model the same way (the first step of the plan in the README).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docextract.batch import BatchOptions, LocalPool, read_results, run_batch  # noqa: E402
from docextract.batch_ray import RayExecutor  # noqa: E402

DEFAULT_DATA = Path(os.environ.get("DOCEXTRACT_EVAL", Path(__file__).resolve().parents[2] / "shared" / "eval"))


def documents(folder: Path, data: Path, count: int) -> str:
    """Fill ``folder`` with the documents (links to the eval scans, or generated files); their origin."""
    split = data / "sroie" / "split.json"
    if split.exists():
        for name in json.loads(split.read_text())["check"][:count]:
            (folder / f"{name}.jpg").symlink_to(data / "sroie" / "images" / f"{name}.jpg")
        return f"SROIE check split, first {count} receipts (scans; read in place from {data})"
    from docextract.testing.documents import random_receipt, receipt_image, receipt_pdf

    for seed in range(count):
        if seed % 2:
            receipt_image(folder / f"photo-{seed:03d}.jpg", random_receipt(seed), dpi=150)
        else:
            receipt_pdf(folder / f"receipt-{seed:03d}.pdf", random_receipt(seed))
    return f"{count} generated receipts (half digital PDFs, half phone-photo JPEGs; {data} not found)"


def comparable(record: dict) -> dict:
    drop = {"seconds", "finished_at", "source", "key"}  # with --uri, Ray's records are named by URI
    out = {k: v for k, v in record.items() if k not in drop}
    out["tiles"] = [{k: v for k, v in t.items() if k != "seconds"} for t in record.get("tiles", [])]
    return out


def timed(inputs: list[str], out: Path, opts: BatchOptions, executor: object) -> float:
    started = time.perf_counter()
    summary = run_batch(inputs, out, opts, executor=executor)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    assert summary.processed and not summary.skipped, summary
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=24)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--uri", action="store_true", help="Ray workers read file:// URIs instead of receiving bytes")
    parser.add_argument("--engine", default="reader")
    parser.add_argument("--base-url", default=None)
    args = parser.parse_args()

    import ray
    import ray.data  # it sets up its loggers on import; quieted below

    engine_options = {"base_url": args.base_url} if args.base_url else {}
    opts = BatchOptions(schema="receipt", engine=args.engine, engine_options=engine_options)
    with tempfile.TemporaryDirectory(prefix="bench-ray-") as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        origin = documents(folder, args.data, args.docs)
        ray_inputs = [f"file://{folder}"] if args.uri else [str(folder)]
        started = time.perf_counter()
        ray.init(address="local", num_cpus=args.workers, include_dashboard=False, logging_level=logging.ERROR,
                 log_to_driver=False)
        cluster_start = time.perf_counter() - started
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        times: dict[str, list[float]] = {"local": [], "ray": []}
        outputs: dict[str, Path] = {}
        try:
            for round_no in range(args.rounds):
                modes = ["local", "ray"] if round_no % 2 == 0 else ["ray", "local"]
                for mode in modes:
                    out = Path(tmp) / f"{mode}-{round_no}.jsonl"
                    if mode == "local":
                        seconds = timed([str(folder)], out, opts, LocalPool(args.workers))
                    else:
                        seconds = timed(ray_inputs, out, opts, RayExecutor(workers=args.workers))
                    times[mode].append(seconds)
                    outputs[mode] = out
                    print(f"round {round_no + 1}: {mode:5s} {seconds:6.2f} s", file=sys.stderr)
        finally:
            ray.shutdown()
        local, on_ray = (read_results(outputs[m]) for m in ("local", "ray"))
        same = {r["sha256"]: comparable(r) for r in local.values()} == {r["sha256"]: comparable(r) for r in on_ray.values()}

    med = {m: statistics.median(t) for m, t in times.items()}
    result = {
        "data": origin,
        "docs": args.docs,
        "workers": args.workers,
        "engine": args.engine,
        "ray_inputs": "file:// URIs" if args.uri else "bytes",
        "rounds": args.rounds,
        "ray_cluster_start_s": round(cluster_start, 2),
        "local_s": round(med["local"], 2),
        "ray_s": round(med["ray"], 2),
        "local_docs_per_s": round(args.docs / med["local"], 3),
        "ray_docs_per_s": round(args.docs / med["ray"], 3),
        "overhead_ratio": round(med["ray"] / med["local"], 3),
        "overhead_per_doc_s": round((med["ray"] - med["local"]) / args.docs, 3),
        "all_runs_s": {m: [round(t, 2) for t in ts] for m, ts in times.items()},
        "same_records": same,
    }
    print(f"{origin}; {args.workers} workers, {args.engine} engine, median of {args.rounds} rounds")
    print(f"  local pool : {med['local']:6.2f} s  {result['local_docs_per_s']:.3f} docs/s")
    print(f"  Ray        : {med['ray']:6.2f} s  {result['ray_docs_per_s']:.3f} docs/s  "
          f"(+ {cluster_start:.1f} s to start the Ray instance, once)")
    print(f"  overhead   : x{result['overhead_ratio']:.3f}  ({result['overhead_per_doc_s']:+.3f} s per document); "
          f"same records: {same}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
